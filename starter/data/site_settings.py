"""Who runs the starter site, its contact details and its footer links."""

# For a new site only: once any of these details is set, none is replaced or put back. The name
# says it is a demonstration; 0161 496 0000 is in the range Ofcom keeps for drama, so it never
# rings anyone, and example.org is reserved for examples. Footer links are slugs of the service
# pages (service_pages.py); each shows the page's title in the reader's language.
SITE_SETTINGS = {
    "organisation_name": "Demo Memory Service",
    "contact_phone": "0161 496 0000",
    "contact_phone_hours": "Monday to Friday, 9am to 5pm",
    "contact_email": "memory.service@example.org",
    "footer_links": ["contact-us", "accessibility-statement", "privacy"],
}
