"""The home page, the resource library and directory pages, and the explanatory pages."""

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
