"""The contact page, accessibility statement and privacy notice, linked from the footer."""

# The pages every public service needs, linked from the footer: an accessibility statement
# (after the structure of the GOV.UK sample statement), a privacy notice (what UK GDPR asks a
# notice to say) and how to contact the service. The organisation's name and contact details
# come from the site settings (the "contact_details" block), so they stay right when changed.
# An organisation that deploys the service must check these against its own arrangements.
SERVICE_PAGES = [
    {
        "slug": "contact-us",
        "title": "Contact us",
        "summary": (
            "How to contact the service that runs this website, and where to get help "
            "quickly if you need it."
        ),
        "body": [
            (
                "paragraph",
                "<p>Contact us if you have a question about this website, or about a resource "
                "or organisation on it. Tell us too if something is wrong or hard to use.</p>",
            ),
            ("contact_details", None),
            (
                "inset_text",
                {
                    "text": "<p>We cannot give medical advice. If you are worried about your "
                    "health, or about someone else, use the services below.</p>"
                },
            ),
            ("heading", {"text": "Getting help quickly", "level": "h2"}),
            (
                "care_card",
                {
                    "urgency": "urgent",
                    "heading": "Call 111 or go to 111.nhs.uk if:",
                    "body": "<ul>"
                    "<li>you need medical help fast, but it is not an emergency</li>"
                    "<li>someone with dementia suddenly becomes much more confused or unwell</li>"
                    "<li>you are not sure what to do</li>"
                    "</ul>"
                    '<p>Calls to <a href="tel:111">111</a> are free, day and night. You can '
                    'also go to <a href="https://111.nhs.uk/">111.nhs.uk</a>, or in Wales to '
                    '<a href="https://111.wales.nhs.uk/">111.wales.nhs.uk</a>.</p>',
                },
            ),
            (
                "care_card",
                {
                    "urgency": "emergency",
                    "heading": "Call 999 if:",
                    "body": "<ul>"
                    "<li>someone is seriously ill or injured and their life is at risk</li>"
                    "<li>someone with dementia is missing and you think they are in danger</li>"
                    "</ul>"
                    '<p>Calls to <a href="tel:999">999</a> are free from any phone.</p>',
                },
            ),
            ("heading", {"text": "Support with dementia", "level": "h2"}),
            (
                "paragraph",
                "<p>For advice about living with dementia, or about caring for someone, an "
                "organisation in our directory may be able to help.</p>",
            ),
            (
                "action_link",
                {"text": "Find support organisations", "page": "support-organisations"},
            ),
        ],
    },
    {
        "slug": "accessibility-statement",
        "title": "Accessibility statement",
        "summary": (
            "How easy this website is to use, what does not work well yet, and how to tell "
            "us about a problem."
        ),
        "body": [
            (
                "paragraph",
                "<p>This statement is about this website: the resource library, the support "
                "organisations, the information pages and the plan builder that health and "
                "care staff use.</p>",
            ),
            (
                "inset_text",
                {
                    "text": "<p>This statement was written for a demonstration of this "
                    "website. An organisation that runs the service must check it and make it "
                    "their own before the service is used.</p>",
                },
            ),
            ("heading", {"text": "Using this website", "level": "h2"}),
            (
                "paragraph",
                "<p>We want as many people as possible to be able to use this website. "
                "You should be able to:</p>"
                "<ul>"
                "<li>change colours, contrast and fonts with your browser or device settings</li>"
                "<li>zoom in up to 400% without the text spilling off the screen</li>"
                "<li>use the website with a keyboard only</li>"
                "<li>use the website with speech recognition software</li>"
                "<li>listen to the website with a screen reader</li>"
                "<li>read the website in Welsh, Urdu or Polish, as well as English</li>"
                "</ul>"
                "<p>We have written the text to be as simple as we can.</p>"
                '<p><a href="https://mcmw.abilitynet.org.uk/">AbilityNet</a> has advice on '
                "making your device easier to use if you have a disability.</p>",
            ),
            ("heading", {"text": "How accessible this website is", "level": "h2"}),
            (
                "paragraph",
                "<p>We know some parts of this website do not work as well as they should:</p>"
                "<ul>"
                "<li>the Welsh, Urdu and Polish words on some pages were first written by a "
                "computer. People who speak these languages are checking them. Until they "
                "have, some words may be unclear</li>"
                "<li>some pages are not translated yet, so they are in English</li>"
                "<li>some details that organisations give us, such as opening hours, are only "
                "in English</li>"
                "<li>many resources are PDFs or other documents from other publishers. Some "
                "of them are not accessible, and we cannot change them</li>"
                "<li>videos come from other websites. Their captions may have been made by a "
                "computer</li>"
                "<li>the design we use was made for languages written from left to right. We "
                "have changed it for Urdu, but some parts may still look out of place</li>"
                "</ul>",
            ),
            ("heading", {"text": "Feedback and contact information", "level": "h2"}),
            (
                "paragraph",
                "<p>If you need information on this website in another format, such as large "
                "print, easy read, audio or braille, contact us:</p>",
            ),
            ("contact_details", None),
            (
                "paragraph",
                "<p>We aim to reply within 10 working days.</p>",
            ),
            (
                "heading",
                {"text": "Reporting accessibility problems with this website", "level": "h2"},
            ),
            (
                "paragraph",
                "<p>We are always looking to improve the accessibility of this website. If you "
                "find a problem that is not listed on this page, or you think we are not "
                "meeting accessibility requirements, contact us. Tell us the web address of "
                "the page and what went wrong.</p>",
            ),
            ("heading", {"text": "Enforcement procedure", "level": "h2"}),
            (
                "paragraph",
                "<p>The Equality and Human Rights Commission (EHRC) is responsible for "
                "enforcing the Public Sector Bodies (Websites and Mobile Applications) "
                "(No. 2) Accessibility Regulations 2018 (the accessibility regulations). If "
                "you are not happy with how we respond to your complaint, contact the "
                '<a href="https://www.equalityadvisoryservice.com/">Equality Advisory and '
                "Support Service (EASS)</a>.</p>",
            ),
            (
                "heading",
                {"text": "Technical information about this website's accessibility", "level": "h2"},
            ),
            (
                "paragraph",
                "<p>We are committed to making this website accessible, in line with the "
                "accessibility regulations.</p>",
            ),
            ("heading", {"text": "Compliance status", "level": "h3"}),
            (
                "paragraph",
                "<p>This website is partially compliant with the Web Content Accessibility "
                "Guidelines (WCAG) version 2.2, level AA. The parts that may not meet it are "
                "listed under “How accessible this website is”.</p>",
            ),
            ("heading", {"text": "Content that is not within scope", "level": "h3"}),
            (
                "paragraph",
                "<p>Documents and videos that other organisations publish, which we link to, "
                "are not within the scope of the accessibility regulations. We did not make "
                "them and we cannot change them. If one is hard for you to use, tell us and "
                "we will try to help you find what you need another way.</p>",
            ),
            ("heading", {"text": "What we are doing to improve accessibility", "level": "h2"}),
            (
                "paragraph",
                "<p>Every time the website changes, every kind of page is checked in English "
                "and in Urdu: with axe (an accessibility checker), with the Nu HTML Checker, "
                "on a screen 320 pixels wide, and with a keyboard only. People who speak "
                "Welsh, Urdu and Polish are checking the translations.</p>",
            ),
            ("heading", {"text": "Preparation of this accessibility statement", "level": "h2"}),
            (
                "paragraph",
                "<p>This statement was prepared on 1 December 2026. The website was last "
                "tested on 1 December 2026, by the people who make it, with automated checks "
                "and with a keyboard. It has not yet been tested by an independent "
                "accessibility specialist.</p>",
            ),
        ],
    },
    {
        "slug": "privacy",
        "title": "Privacy notice",
        "summary": (
            "What information this website keeps, why it keeps it, who can see it, and your rights."
        ),
        "body": [
            (
                "inset_text",
                {
                    "text": "<p>This notice was written for a demonstration of this website. "
                    "An organisation that runs the service must check it with its data "
                    "protection officer, and change it, before the service is used.</p>",
                },
            ),
            ("heading", {"text": "Who is responsible for your information", "level": "h2"}),
            (
                "paragraph",
                "<p>The organisation that runs this service is responsible for the "
                "information it keeps. This is called the data controller. You can contact "
                "it here:</p>",
            ),
            ("contact_details", None),
            ("heading", {"text": "If you read this website", "level": "h2"}),
            (
                "paragraph",
                "<p>You can use the resource library, the support organisations and search "
                "without telling us who you are.</p>"
                "<ul>"
                "<li>We do not ask for your name or contact details.</li>"
                "<li>These pages do not use cookies.</li>"
                "<li>We do not use tools that follow what you do, such as Google Analytics, "
                "and we do not show adverts.</li>"
                "</ul>"
                "<p>Like most websites, the computer that runs this one records each page "
                "that is asked for, with the address of the device that asked and any words "
                "searched for. These records are only used to keep the website working and "
                "safe, and are not kept for longer than that needs.</p>"
                "<p>When you follow a link to another website, such as a charity's, that "
                "website's own privacy notice applies.</p>",
            ),
            ("heading", {"text": "If you use the plan builder", "level": "h2"}),
            (
                "paragraph",
                "<p>The plan builder is for health and care staff. They use it to write a "
                "care and support plan with a person living with dementia and their family. "
                "It keeps:</p>"
                "<ul>"
                "<li>the plans. A plan can include the person's name, date of birth, NHS "
                "number, contact details, health, goals and the people who support them. "
                "This is health information, which the law protects more strongly</li>"
                "<li>a record of who opened or changed each plan, and when</li>"
                "<li>the name and email address of each member of staff, and when they signed "
                "in</li>"
                "<li>when someone types a wrong password: the username, the address of the "
                "device and the time, so that we can stop people guessing passwords</li>"
                "</ul>"
                "<p>Only staff in the team that made a plan can see it. Plans are never shown "
                "on the public website and never appear in its search. The person can have a "
                "copy of their plan, or a link to read it, to share with their family.</p>"
                "<p>When staff sign in, to the plan builder or to edit the website, 2 "
                "cookies are used. One keeps them signed in: it ends when they close the "
                "browser, or after 30 minutes without using the website. The other protects "
                "forms from misuse. If staff choose a language in the plan builder, a third "
                "cookie remembers it until they close the browser.</p>",
            ),
            ("heading", {"text": "Why we can use this information", "level": "h2"}),
            (
                "paragraph",
                "<p>Under UK data protection law (UK GDPR), we need a lawful reason to use "
                "information. For the plan builder, it is usually that the organisation "
                "provides health or social care as a task in the public interest (Article "
                "6(1)(e) and Article 9(2)(h)). The organisation that runs this service will "
                "tell you which reason it relies on.</p>",
            ),
            ("heading", {"text": "How long we keep it", "level": "h2"}),
            (
                "paragraph",
                "<p>Plans are kept for as long as the organisation's health and care records "
                "policy says. A team leader can delete a person's plans when they should no "
                "longer be kept.</p>",
            ),
            ("heading", {"text": "Your rights", "level": "h2"}),
            (
                "paragraph",
                "<p>You have the right to:</p>"
                "<ul>"
                "<li>ask for a copy of the information kept about you</li>"
                "<li>ask for information about you that is wrong to be put right</li>"
                "<li>ask for information about you to be deleted, or for its use to be "
                "limited, in some cases</li>"
                "<li>object to how your information is used, in some cases</li>"
                "</ul>"
                "<p>To use these rights, contact the organisation that runs this service "
                "(see above). Staff can download everything the plan builder keeps about a "
                "person, to give to them.</p>",
            ),
            ("heading", {"text": "If you are not happy", "level": "h2"}),
            (
                "paragraph",
                "<p>Please contact us first. You can also complain to the Information "
                "Commissioner's Office (ICO), which makes sure organisations follow data "
                'protection law: go to <a href="https://ico.org.uk/make-a-complaint/">'
                'ico.org.uk/make-a-complaint</a> or call <a href="tel:+443031231113">'
                "0303 123 1113</a>.</p>",
            ),
        ],
    },
]
