"""Starter content for the site: the page tree, topics, resources and support organisations.

Plain data only, loaded by ``manage.py load_starter_content``. Everything is keyed by slug,
never by primary key, so the command can find and update what it created before.

How the command reads this module:

* Page bodies are lists of ``(block_type, value)`` tuples for ``BodyStreamBlock``. Rich text
  is an HTML string.
* In an ``action_link`` block, ``"page"`` is the slug of a page directly under the home page
  (for example ``"resources"``); the command swaps it for the page itself.
* ``topics`` lists topic slugs; ``related`` and ``featured_resources`` list resource slugs.

Facts come from the project's domain brief and its seed pages, in our own words. Check the
details (phone numbers, web addresses) before publishing, and keep them current.
"""

import datetime

# The date the starter resources were last checked, and when to check them again. Fixed
# dates, so running the command again does not change them.
LAST_REVIEWED = datetime.date(2026, 11, 23)
NEXT_REVIEW_DUE = datetime.date(2027, 11, 23)

HOME_PAGE = {
    "slug": "home",
    "title": "Planning your care and support with dementia",
    "introduction": (
        "Find guides, tools and training about planning your care and support. "
        "Find organisations that can help you and your family."
    ),
    # Slug of a content page below: the page the home page links to as "New to personalised
    # care?".
    "personalised_care_page": "what-is-personalised-care",
    "featured_resources": [
        "my-life-my-goals",
        "personalised-care-and-support-planning",
        "dementia-united-dementia-wellbeing-plan",
    ],
}

RESOURCE_LIBRARY = {
    "slug": "resources",
    "title": "Resource library",
    "introduction": (
        "Guides, tools, videos and training about personalised care and support planning. "
        "Choose a topic, or who it is for, to narrow the list."
    ),
    "show_in_menus": True,
}

SUPPORT_DIRECTORY = {
    "slug": "support-organisations",
    "title": "Support organisations",
    "introduction": (
        "Helplines, charities and local groups that support people living with dementia, "
        "their families and carers."
    ),
    "show_in_menus": True,
}

TOPICS = [
    {"slug": "goal-setting", "name": "Goal setting"},
    {"slug": "personalised-care-planning", "name": "Personalised care planning"},
    {"slug": "living-well-with-dementia", "name": "Living well with dementia"},
    {"slug": "support-for-carers", "name": "Support for carers"},
    {"slug": "advance-care-planning", "name": "Advance care planning"},
    {"slug": "money-and-legal-matters", "name": "Money and legal matters"},
    {"slug": "training-for-practitioners", "name": "Training for practitioners"},
    {"slug": "young-onset-and-rare-dementias", "name": "Young onset and rare dementias"},
    {"slug": "peer-support", "name": "Peer support"},
    {"slug": "staying-active", "name": "Staying active"},
]

# Explanatory pages under the home page, written for people living with dementia and their
# families: short sentences, everyday words, and what to do next.
CONTENT_PAGES = [
    {
        "slug": "what-is-personalised-care",
        "title": "What is personalised care",
        "show_in_menus": True,
        "summary": (
            "Personalised care means you have a say in your care. "
            "It starts with what matters to you."
        ),
        "body": [
            (
                "paragraph",
                "<p>Personalised care means you have choice and control over your care. "
                "Decisions are based on what matters most to you. "
                "They also build on your strengths, as well as your needs.</p>"
                "<p>It is about your whole life, not only your dementia. "
                "So it can involve your family, health and care staff, "
                "and people in your community.</p>",
            ),
            ("heading", {"text": "What this means for you", "level": "h2"}),
            (
                "paragraph",
                "<p>With personalised care:</p>"
                "<ul>"
                "<li>you are asked what matters to you</li>"
                "<li>you decide who is involved in planning your care</li>"
                "<li>people notice what you can do, not only what is hard</li>"
                "<li>you agree the goals you want to work towards</li>"
                "</ul>",
            ),
            ("heading", {"text": "Your care and support plan", "level": "h2"}),
            (
                "paragraph",
                "<p>One part of personalised care is a care and support plan. "
                "You make it by talking with a practitioner. "
                "The people close to you can join in if you want them to.</p>"
                "<p>A practitioner is someone who supports your health or care. "
                "It might be a nurse, a GP, a social worker or a dementia adviser.</p>"
                "<p>Your plan records what matters to you. "
                "It also records the goals you agreed and how you will reach them.</p>",
            ),
            (
                "inset_text",
                {
                    "text": "<p>There is no single form that everyone has to use. "
                    "The plan should make sense to you.</p>"
                },
            ),
            (
                "expander",
                {
                    "summary": "Who can help me make a plan?",
                    "body": "<p>Health and care staff usually help you make your plan. "
                    "Some people are happy to fill in parts of it on their own. "
                    "Others want more help. Both are fine.</p>",
                },
            ),
            (
                "expander",
                {
                    "summary": "Where does the idea come from?",
                    "body": "<p>NHS England uses personalised care across health and social "
                    "care. Its Comprehensive Model of Personalised Care shows how the "
                    "different parts fit together, for people of all ages.</p>"
                    "<p>The Coalition for Personalised Care also explains the idea. "
                    "You can find both in our resource library.</p>",
                },
            ),
            ("heading", {"text": "What to do next", "level": "h2"}),
            (
                "paragraph",
                "<p>Find out what goes into a care and support plan. "
                "Or look at guides and tools in our resource library.</p>",
            ),
            (
                "action_link",
                {
                    "text": "Find out what a care and support plan is",
                    "page": "what-is-a-care-and-support-plan",
                },
            ),
            ("action_link", {"text": "Browse the resource library", "page": "resources"}),
        ],
    },
    {
        "slug": "what-is-a-care-and-support-plan",
        "title": "What is a care and support plan",
        "show_in_menus": False,
        "summary": (
            "A care and support plan records what matters to you and what you want to "
            "achieve. Find out what goes in it and what a good plan looks like."
        ),
        "body": [
            (
                "paragraph",
                "<p>A care and support plan is a record of conversations about your life. "
                "You may hear it called a personalised care and support plan.</p>"
                "<p>It is not only about dementia. "
                "It covers your health, your wellbeing and the things you enjoy.</p>",
            ),
            ("heading", {"text": "What goes in a plan", "level": "h2"}),
            (
                "paragraph",
                "<p>Your plan might include:</p>"
                "<ul>"
                "<li>what matters most to you</li>"
                "<li>the people who are important to you</li>"
                "<li>how you like people to talk with you</li>"
                "<li>what you are good at, and what is not working well</li>"
                "<li>your goals, in your own words</li>"
                "<li>the steps to reach each goal, who will help and by when</li>"
                "<li>organisations that can support you</li>"
                "<li>what to do if things change suddenly, and who to contact</li>"
                "</ul>",
            ),
            ("heading", {"text": "What a good plan looks like", "level": "h2"}),
            (
                "paragraph",
                "<p>NHS England says a good plan meets 5 conditions:</p>"
                "<ol>"
                "<li>You are at the centre. You decide who is involved.</li>"
                "<li>The conversations look ahead and are about what matters to you.</li>"
                "<li>You agree the outcomes you want, together with the professionals.</li>"
                "<li>You have a plan you can share. It says what matters to you, "
                "your goals and how you will reach them.</li>"
                "<li>The plan can be looked at again, in a formal review or at other "
                "times.</li>"
                "</ol>",
            ),
            (
                "inset_text",
                {
                    "text": "<p>Your plan belongs to you. You should get a copy. "
                    "You can ask for changes.</p>"
                },
            ),
            (
                "expander",
                {
                    "summary": "Who will see my plan?",
                    "body": "<p>You will be asked before your plan is shared. "
                    "In Greater Manchester, the aim is that the health and care staff who "
                    "need your plan can see it online.</p>",
                },
            ),
            (
                "expander",
                {
                    "summary": "What if I find it hard to make decisions?",
                    "body": "<p>You agree your plan yourself if you can. "
                    "If you cannot, someone with the right to act for you can agree it. "
                    "Any decision made for you must be in your best interests.</p>",
                },
            ),
            ("heading", {"text": "What to do next", "level": "h2"}),
            (
                "paragraph",
                "<p>Ask your GP, memory service or dementia adviser about making a plan. "
                "If you already have one, find out how to get ready for your review.</p>",
            ),
            (
                "action_link",
                {
                    "text": "Get ready for your care plan review",
                    "page": "preparing-for-your-review",
                },
            ),
        ],
    },
    {
        "slug": "preparing-for-your-review",
        "title": "Preparing for your care plan review",
        "show_in_menus": False,
        "summary": (
            "A review is a chance to talk about how things are going. "
            "Here are some simple ways to get ready."
        ),
        "body": [
            (
                "paragraph",
                "<p>A review is a conversation about your plan. "
                "You look at what is working and what is not. "
                "You can change your goals.</p>"
                "<p>In Greater Manchester, plans should be reviewed at least once every "
                "12 months. You can ask for a review sooner if things change.</p>",
            ),
            ("heading", {"text": "Before the review", "level": "h2"}),
            (
                "paragraph",
                "<ul>"
                "<li>Think about what matters most to you now.</li>"
                "<li>Look at your goals. Which went well? Which were hard?</li>"
                "<li>Write down any worries, big or small.</li>"
                "<li>Decide who you would like to come with you.</li>"
                "<li>Bring your copy of your plan, if you have one.</li>"
                "</ul>",
            ),
            (
                "inset_text",
                {
                    "text": "<p>A family member or friend can help you get ready. "
                    "They can come to the review with you too.</p>"
                },
            ),
            ("heading", {"text": "During the review", "level": "h2"}),
            (
                "paragraph",
                "<p>You will talk about your life, not only your health. "
                "Take your time. "
                "You can ask the person to slow down or explain something again.</p>"
                "<p>You will look at each of your goals. "
                "You may give each one a score, for example from 1 to 10. "
                "Then you agree the next steps.</p>",
            ),
            (
                "expander",
                {
                    "summary": "Questions you might want to ask",
                    "body": "<ul>"
                    "<li>Who will get a copy of my plan?</li>"
                    "<li>Who do I contact if things change?</li>"
                    "<li>When is my next review?</li>"
                    "<li>Is there any support near me?</li>"
                    "</ul>",
                },
            ),
            (
                "expander",
                {
                    "summary": "Things you might want to talk about",
                    "body": "<ul>"
                    "<li>support after your diagnosis</li>"
                    "<li>meeting other people living with dementia</li>"
                    "<li>staying active</li>"
                    "<li>planning ahead for your future care</li>"
                    "<li>money, and lasting power of attorney</li>"
                    "<li>driving</li>"
                    "<li>what to do if you suddenly become more confused</li>"
                    "</ul>",
                },
            ),
            ("heading", {"text": "After the review", "level": "h2"}),
            (
                "paragraph",
                "<p>You should get a copy of your updated plan. "
                "Check it says what you agreed. "
                "If something is wrong, ask for it to be changed.</p>",
            ),
            (
                "care_card",
                {
                    "urgency": "non-urgent",
                    "heading": "Speak to your GP or memory service if:",
                    "body": "<ul>"
                    "<li>things have changed and you need your plan looked at soon</li>"
                    "<li>you have not had a review in the last 12 months</li>"
                    "<li>you did not get a copy of your plan</li>"
                    "</ul>",
                },
            ),
            ("heading", {"text": "What to do next", "level": "h2"}),
            (
                "paragraph",
                "<p>If you would like more support, find an organisation that can help.</p>",
            ),
            (
                "action_link",
                {"text": "Find support organisations", "page": "support-organisations"},
            ),
        ],
    },
    {
        "slug": "dementia-wellbeing-plan",
        "title": "The dementia wellbeing plan",
        "show_in_menus": False,
        "summary": (
            "The dementia wellbeing plan helps you, your family and a practitioner plan your "
            "care together. It was made by Dementia United in Greater Manchester."
        ),
        "body": [
            (
                "paragraph",
                "<p>The dementia wellbeing plan was created by Dementia United. "
                "Dementia United works across Greater Manchester.</p>"
                "<p>The plan helps you, your family and a practitioner talk about your "
                "care. This can happen at a care plan appointment or at your dementia "
                "review.</p>",
            ),
            ("heading", {"text": "What the conversation covers", "level": "h2"}),
            (
                "paragraph",
                "<p>The conversation is about your whole life. "
                "It looks at what matters to you and what you are good at. "
                "It also looks at what you would like to change.</p>"
                "<p>Together you agree goals and the steps to reach them. "
                "These are written down in your plan.</p>",
            ),
            (
                "inset_text",
                {
                    "text": "<p>In Greater Manchester, your plan should be made or reviewed "
                    "at least every 12 months. You should get a copy. "
                    "You will be asked before it is shared.</p>"
                },
            ),
            ("heading", {"text": "Setting goals", "level": "h2"}),
            (
                "paragraph",
                "<p>A goal is something you want to do or change. "
                "It can be big or small. What matters is that it is yours.</p>"
                "<p>A guide called My Life, My Goals can help. "
                "People living with dementia wrote it, with help from researchers. "
                "It takes you through setting a goal, one step at a time.</p>",
            ),
            (
                "expander",
                {
                    "summary": "How goal setting works",
                    "body": "<ol>"
                    "<li>Choose a part of your life you want to work on.</li>"
                    "<li>Set a clear goal.</li>"
                    "<li>Say how well things are going now.</li>"
                    "<li>Plan the steps.</li>"
                    "<li>Try the steps.</li>"
                    "<li>At your review, say how well things are going again.</li>"
                    "</ol>",
                },
            ),
            (
                "expander",
                {
                    "summary": "Information for practitioners",
                    "body": "<p>Dementia United has a guide to help practitioners prepare "
                    "for personalised conversations. It was made with the Person-Centred "
                    "Community Approaches programme. You can find it in the resource "
                    "library.</p>",
                },
            ),
            ("heading", {"text": "What to do next", "level": "h2"}),
            (
                "paragraph",
                "<p>Ask about the dementia wellbeing plan at your next care plan "
                "appointment or dementia review. "
                "You can find My Life, My Goals and other guides in our library.</p>",
            ),
            ("action_link", {"text": "Browse the resource library", "page": "resources"}),
        ],
    },
]

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

# For a new site only: once any of these details is set, none is replaced or put back. The name
# says it is a demonstration; 0161 496 0000 is in the range Ofcom keeps for drama, so it never
# rings anyone, and example.org is reserved for examples. Footer links are slugs of the pages
# above; each shows the page's title in the reader's language.
SITE_SETTINGS = {
    "organisation_name": "Demo Memory Service",
    "contact_phone": "0161 496 0000",
    "contact_phone_hours": "Monday to Friday, 9am to 5pm",
    "contact_email": "memory.service@example.org",
    "footer_links": ["contact-us", "accessibility-statement", "privacy"],
}

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
