"""Support organisations in the directory."""

# Support organisations (snippets) in the directory. Leave email, opening hours, languages,
# interpreters and BSL blank (not known) unless they are known for certain. Call costs follow
# from the number alone (Ofcom's rules): 0800 and 0808 numbers are free from landlines and
# mobiles, and 03 numbers cost the same as a local (01 or 02) number. An organisation with no
# phone, website or email is kept as a draft until an editor adds one.
SUPPORT_ORGANISATIONS = [
    {
        "slug": "dementia-uk-admiral-nurse-dementia-helpline",
        "name": "Dementia UK Admiral Nurse Dementia Helpline",
        "summary": (
            "Specialist dementia nurses give advice and support to families and people "
            "living with dementia."
        ),
        "what_it_offers": (
            "<p>Admiral Nurses are nurses who specialise in dementia. "
            "On the helpline you can talk to one about any worry, big or small.</p>"
        ),
        "website": "https://www.dementiauk.org/",
        "phone": "0800 888 6678",
        "call_cost": "free",
        "phone_label": "Admiral Nurse Dementia Helpline",
        "area_type": "national",
        "area_name": "UK",
        "for_people_with_dementia": True,
        "for_families_and_carers": True,
        "for_practitioners": False,
        "topics": ["support-for-carers", "living-well-with-dementia"],
    },
    {
        "slug": "alzheimers-society",
        "name": "Alzheimer's Society",
        "summary": (
            "A dementia charity offering information and support to anyone affected by dementia."
        ),
        "what_it_offers": (
            "<p>Call the Dementia Support Line to talk through what is happening "
            "and find support. The website has information about living with "
            "dementia.</p>"
        ),
        "website": "https://www.alzheimers.org.uk/",
        "phone": "0333 150 3456",
        "call_cost": "local-rate",
        "phone_label": "Dementia Support Line",
        "area_type": "national",
        "area_name": "",
        "for_people_with_dementia": True,
        "for_families_and_carers": True,
        "for_practitioners": False,
        "topics": ["living-well-with-dementia", "support-for-carers"],
    },
    {
        "slug": "age-uk",
        "name": "Age UK",
        "summary": (
            "A charity that gives information and advice to older people and their families."
        ),
        "what_it_offers": (
            "<p>Call the Advice Line for information and advice. "
            "The website has information about money, care and staying well.</p>"
        ),
        "website": "https://www.ageuk.org.uk/",
        "phone": "0800 678 1602",
        "call_cost": "free",
        "phone_label": "Advice Line",
        "area_type": "national",
        "area_name": "",
        "for_people_with_dementia": True,
        "for_families_and_carers": True,
        "for_practitioners": False,
        "topics": ["money-and-legal-matters", "support-for-carers"],
    },
    {
        "slug": "carers-uk",
        "name": "Carers UK",
        "summary": "A charity for unpaid carers, with advice and support by phone and online.",
        "what_it_offers": (
            "<p>Call the Helpline for advice about caring for someone. "
            "The website has information for carers.</p>"
        ),
        "website": "https://www.carersuk.org/",
        "phone": "0808 808 7777",
        "call_cost": "free",
        "phone_label": "Helpline",
        "area_type": "national",
        "area_name": "UK",
        "for_people_with_dementia": False,
        "for_families_and_carers": True,
        "for_practitioners": False,
        "topics": ["support-for-carers", "money-and-legal-matters"],
    },
    {
        "slug": "young-dementia-network",
        "name": "Young Dementia Network",
        "summary": (
            "A network for people affected by young onset dementia, which is dementia "
            "that starts at a younger age."
        ),
        "what_it_offers": (
            "<p>Information and connections for people living with young onset dementia, "
            "their families and the professionals who support them.</p>"
        ),
        "website": "https://www.youngdementianetwork.org/",
        "phone": "",
        "phone_label": "",
        "area_type": "national",
        "area_name": "UK",
        "for_people_with_dementia": True,
        "for_families_and_carers": True,
        "for_practitioners": True,
        "topics": ["young-onset-and-rare-dementias", "living-well-with-dementia"],
    },
    {
        "slug": "rare-dementia-support",
        "name": "Rare Dementia Support",
        "summary": (
            "Support for people living with a rare form of dementia, and for their "
            "families and carers."
        ),
        "what_it_offers": (
            "<p>Information and support groups for people affected by rarer types of dementia.</p>"
        ),
        "website": "https://www.raredementiasupport.org/",
        "phone": "",
        "phone_label": "",
        "area_type": "national",
        "area_name": "UK",
        "for_people_with_dementia": True,
        "for_families_and_carers": True,
        "for_practitioners": False,
        "topics": ["young-onset-and-rare-dementias", "peer-support"],
    },
    {
        "slug": "dementia-carers-count",
        "name": "Dementia Carers Count",
        "summary": "A charity that supports family and friends who care for someone with dementia.",
        "what_it_offers": (
            "<p>Support for family carers, to help you look after yourself as well as "
            "the person you care for.</p>"
        ),
        "website": "https://www.dementiacarers.org.uk/",
        "phone": "",
        "phone_label": "",
        "area_type": "national",
        "area_name": "UK",
        "for_people_with_dementia": False,
        "for_families_and_carers": True,
        "for_practitioners": False,
        "topics": ["support-for-carers"],
    },
    {
        "slug": "together-dementia-support",
        "name": "Together Dementia Support",
        "summary": (
            "A Manchester organisation that supports people living with dementia and their carers."
        ),
        "what_it_offers": (
            "<p>Local support in Manchester for people living with dementia and the "
            "people who care for them. Ask them what is running near you.</p>"
        ),
        "website": "",
        "phone": "",
        "phone_label": "",
        "area_type": "local-authority",
        "area_name": "Manchester",
        "for_people_with_dementia": True,
        "for_families_and_carers": True,
        "for_practitioners": False,
        "topics": ["living-well-with-dementia", "support-for-carers"],
    },
]
