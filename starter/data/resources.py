"""Resources in the library."""

import datetime

# The date the starter resources were last checked, and when to check them again. Fixed
# dates, so running the command again does not change them.
LAST_REVIEWED = datetime.date(2026, 11, 23)
NEXT_REVIEW_DUE = datetime.date(2027, 11, 23)

# Resources in the library. Leave page_count, duration_minutes and cost out unless they are
# known for certain.
RESOURCES = [
    {
        "slug": "my-life-my-goals",
        "title": "My Life, My Goals",
        "summary": (
            "A guide to setting your own goals and making a plan to reach them. "
            "People living with dementia helped to write it."
        ),
        "resource_type": "workbook",
        "for_people_with_dementia": True,
        "for_families_and_carers": True,
        "for_practitioners": False,
        "topics": ["goal-setting", "living-well-with-dementia", "personalised-care-planning"],
        "publisher": "University of Exeter with Innovations in Dementia",
        "external_url": "https://sites.google.com/exeter.ac.uk/great-cr",
        "cost": "free",
        "body": [
            (
                "paragraph",
                "<p>This guide was made by people living with dementia, with researchers at "
                "the University of Exeter. It comes from GREAT, a programme that supports "
                "people living with dementia to work towards goals that matter to them.</p>"
                "<p>It helps you think about what you want from life. You choose a goal, "
                "plan the steps and see how you are getting on. The link takes you to the "
                "GREAT website, where you can find the guide.</p>",
            ),
        ],
        "related": ["dementia-united-dementia-wellbeing-plan"],
    },
    {
        "slug": "personalised-care-and-support-planning",
        "title": "NHS England: personalised care and support planning",
        "summary": (
            "NHS England explains what personalised care and support planning is, "
            "and what a good plan looks like."
        ),
        "resource_type": "website",
        "for_people_with_dementia": False,
        "for_families_and_carers": True,
        "for_practitioners": True,
        "topics": ["personalised-care-planning", "goal-setting"],
        "publisher": "NHS England",
        "external_url": "https://www.england.nhs.uk/personalisedcare/pcsp/",
        "cost": "free",
        "body": [
            (
                "paragraph",
                "<p>These pages describe care and support planning as a series of "
                "conversations about the person's whole life. They set out the 5 things "
                "every plan must do, starting with putting the person at the centre.</p>"
                "<p>They are written mainly for health and care staff. Families may also "
                "find them useful to know what to expect.</p>",
            ),
        ],
        "related": [
            "comprehensive-model-of-personalised-care",
            "dementia-good-personalised-care-and-support-planning",
        ],
    },
    {
        "slug": "comprehensive-model-of-personalised-care",
        "title": "Comprehensive Model of Personalised Care",
        "summary": (
            "How the different parts of personalised care fit together, "
            "for people of all ages, from NHS England."
        ),
        "resource_type": "framework",
        "for_people_with_dementia": False,
        "for_families_and_carers": False,
        "for_practitioners": True,
        "topics": ["personalised-care-planning", "support-for-carers"],
        "publisher": "NHS England",
        "external_url": (
            "https://www.england.nhs.uk/personalisedcare/comprehensive-model-of-personalised-care/"
        ),
        "cost": "free",
        "body": [
            (
                "paragraph",
                "<p>The model shows how NHS England's personalised care programmes link "
                "up. It covers health, social care and wider services, and it recognises "
                "the part that carers play.</p>"
                "<p>It helps practitioners and planners see where care and support planning "
                "sits in the bigger picture.</p>",
            ),
        ],
        "related": ["comprehensive-model-explainer-animation"],
    },
    {
        "slug": "comprehensive-model-explainer-animation",
        "title": "Personalised care explained: an animation from NHS England",
        "summary": (
            "An animated film about personalised care and the Comprehensive Model "
            "of Personalised Care."
        ),
        "resource_type": "video",
        "for_people_with_dementia": True,
        "for_families_and_carers": True,
        "for_practitioners": True,
        "topics": ["personalised-care-planning", "training-for-practitioners"],
        "publisher": "NHS England",
        "external_url": (
            "https://www.england.nhs.uk/personalisedcare/comprehensive-model-of-personalised-care/"
        ),
        "cost": "free",
        "body": [
            (
                "paragraph",
                "<p>The animation explains what personalised care is and how the "
                "Comprehensive Model of Personalised Care works.</p>"
                "<p>The link takes you to NHS England's page about the model, "
                "where the animation is published.</p>",
            ),
        ],
        "related": ["comprehensive-model-of-personalised-care"],
    },
    {
        "slug": "dementia-good-personalised-care-and-support-planning",
        "title": "Dementia: good personalised care and support planning",
        "summary": (
            "A 2017 guide from NHS England on good care and support planning "
            "with people living with dementia."
        ),
        "resource_type": "guide",
        "for_people_with_dementia": False,
        "for_families_and_carers": False,
        "for_practitioners": True,
        "topics": [
            "personalised-care-planning",
            "living-well-with-dementia",
            "training-for-practitioners",
        ],
        "publisher": "NHS England",
        "external_url": "https://www.england.nhs.uk/personalisedcare/pcsp/",
        "body": [
            (
                "paragraph",
                "<p>NHS England published this guide in 2017. It is about care and support "
                "planning with people living with dementia and their families.</p>"
                "<p>The link takes you to NHS England's pages on personalised care and "
                "support planning, where you can look for the guide.</p>",
            ),
        ],
    },
    {
        "slug": "tlap-personalised-care-and-support-planning-tool",
        "title": "Think Local Act Personal: personalised care and support planning tool",
        "summary": (
            "A step-by-step approach to care and support planning, built around better "
            "conversations between people and the staff who support them."
        ),
        "resource_type": "planning-tool",
        "for_people_with_dementia": False,
        "for_families_and_carers": False,
        "for_practitioners": True,
        "topics": ["personalised-care-planning", "training-for-practitioners"],
        "publisher": "Think Local Act Personal",
        "external_url": (
            "https://www.thinklocalactpersonal.org.uk/personalised-care-and-support-planning-tool/"
        ),
        "cost": "free",
        "body": [
            (
                "paragraph",
                "<p>The tool sets out a clear process for planning care with a person. "
                "It is based on better conversations, and it gives examples.</p>"
                "<p>It is written for health and social care practitioners.</p>",
            ),
        ],
    },
    {
        "slug": "dementia-united-dementia-wellbeing-plan",
        "title": "Dementia Wellbeing Plan",
        "summary": (
            "Greater Manchester's plan for personalised conversations between you, "
            "your family and a practitioner."
        ),
        "resource_type": "planning-tool",
        "for_people_with_dementia": True,
        "for_families_and_carers": True,
        "for_practitioners": True,
        "topics": ["personalised-care-planning", "living-well-with-dementia", "goal-setting"],
        "publisher": "Dementia United",
        "external_url": "https://dementia-united.org.uk/dementia-wellbeing-plan/",
        "cost": "free",
        "body": [
            (
                "paragraph",
                "<p>Dementia United made this plan for Greater Manchester. It helps the "
                "person living with dementia, their family and a practitioner talk about "
                "care at a care plan appointment or dementia review.</p>"
                "<p>The Dementia United website also links to goal-setting guides and "
                "training about personalised care.</p>",
            ),
        ],
        "related": ["my-life-my-goals", "dementia-united-practitioner-preparation-guide"],
    },
    {
        "slug": "dementia-united-practitioner-preparation-guide",
        "title": "Dementia United: preparing for personalised conversations",
        "summary": (
            "A guide that helps practitioners prepare for personalised care and support "
            "planning conversations."
        ),
        "resource_type": "guide",
        "for_people_with_dementia": False,
        "for_families_and_carers": False,
        "for_practitioners": True,
        "topics": ["personalised-care-planning", "training-for-practitioners"],
        "publisher": "Dementia United",
        "external_url": "https://dementia-united.org.uk/dementia-wellbeing-plan/",
        "cost": "free",
        "body": [
            (
                "paragraph",
                "<p>Dementia United wrote this guide with the Person-Centred Community "
                "Approaches programme. It helps practitioners get ready for a personalised "
                "conversation with a person living with dementia and their family.</p>"
                "<p>You can find it on Dementia United's dementia wellbeing plan page.</p>",
            ),
        ],
        "related": ["dementia-united-dementia-wellbeing-plan"],
    },
    {
        "slug": "personalised-care-institute-e-learning",
        "title": "Personalised Care Institute e-learning",
        "summary": (
            "Online training in personalised care for health and care staff, "
            "with courses you can fit around your work."
        ),
        "resource_type": "e-learning",
        "for_people_with_dementia": False,
        "for_families_and_carers": False,
        "for_practitioners": True,
        "topics": ["training-for-practitioners", "personalised-care-planning"],
        "publisher": "Personalised Care Institute",
        "external_url": "https://www.personalisedcareinstitute.org.uk/",
        "body": [
            (
                "paragraph",
                "<p>The Personalised Care Institute is an online training hub. It offers "
                "a wide range of accredited e-learning courses for all staff.</p>"
                "<p>It is a good place to build skills for care and support planning "
                "conversations.</p>",
            ),
        ],
        "related": ["scie-personalisation-introduction"],
    },
    {
        "slug": "scie-personalisation-introduction",
        "title": "Personalisation: introduction",
        "summary": (
            "An introductory e-learning course about personalisation in social care, "
            "from the Social Care Institute for Excellence."
        ),
        "resource_type": "e-learning",
        "for_people_with_dementia": False,
        "for_families_and_carers": False,
        "for_practitioners": True,
        "topics": ["training-for-practitioners", "personalised-care-planning"],
        "publisher": "Social Care Institute for Excellence (SCIE)",
        "external_url": "https://www.scie.org.uk/",
        "body": [
            (
                "paragraph",
                "<p>This e-learning course introduces the idea of personalisation. "
                "It is for people who work in social care.</p>"
                "<p>The link takes you to the SCIE website. "
                "Search there for the personalisation e-learning.</p>",
            ),
        ],
        "related": ["personalised-care-institute-e-learning"],
    },
    {
        "slug": "coalition-for-personalised-care",
        "title": "Coalition for Personalised Care",
        "summary": (
            "A group that explains what personalised care is and why it matters to "
            "people, families and professionals."
        ),
        "resource_type": "website",
        "for_people_with_dementia": True,
        "for_families_and_carers": True,
        "for_practitioners": True,
        "topics": ["personalised-care-planning", "support-for-carers"],
        "publisher": "Coalition for Personalised Care",
        "external_url": "https://www.coalitionforpersonalisedcare.org.uk/",
        "cost": "free",
        "body": [
            (
                "paragraph",
                "<p>The Coalition for Personalised Care describes personalised care as "
                "having choice and control over how your health and care needs are met. "
                "It looks at your wellbeing and your life as a whole.</p>"
                "<p>Its website explains what this means for people, families and "
                "professionals.</p>",
            ),
        ],
    },
    {
        "slug": "prsb-personalised-care-and-support-plan-standard",
        "title": "Personalised Care and Support Plan standard",
        "summary": (
            "A standard from the Professional Record Standards Body that sets out what "
            "a care and support plan should record."
        ),
        "resource_type": "framework",
        "for_people_with_dementia": False,
        "for_families_and_carers": False,
        "for_practitioners": True,
        "topics": ["personalised-care-planning", "training-for-practitioners"],
        "publisher": "Professional Record Standards Body (PRSB)",
        "external_url": "https://theprsb.org/",
        "cost": "free",
        "body": [
            (
                "paragraph",
                "<p>The standard lists the information a personalised care and support "
                "plan should hold. This includes what matters to the person, their goals "
                "and actions, who supports them, and when the plan will be reviewed.</p>"
                "<p>It helps practitioners and system designers keep plans consistent and "
                "easy to share.</p>",
            ),
        ],
        "related": ["prsb-about-me-standard"],
    },
    {
        "slug": "prsb-about-me-standard",
        "title": "About Me standard",
        "summary": (
            "A standard from the Professional Record Standards Body for recording what "
            "matters to a person and how best to support them."
        ),
        "resource_type": "framework",
        "for_people_with_dementia": False,
        "for_families_and_carers": False,
        "for_practitioners": True,
        "topics": ["personalised-care-planning", "training-for-practitioners"],
        "publisher": "Professional Record Standards Body (PRSB)",
        "external_url": "https://theprsb.org/",
        "cost": "free",
        "body": [
            (
                "paragraph",
                "<p>About Me covers what matters most to a person, the people who are "
                "important to them, and how to communicate with them. It also records "
                "what to do and what not to do when supporting them.</p>"
                "<p>It is useful for anyone setting up how plans are recorded.</p>",
            ),
        ],
        "related": ["prsb-personalised-care-and-support-plan-standard"],
    },
]
