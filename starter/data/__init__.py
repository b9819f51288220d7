"""Starter content for the site, as plain data by kind: the page tree, topics, resources,
support organisations, site settings and the translations of the pages and topics.

Loaded by ``manage.py load_starter_content``. Everything is keyed by slug, never by primary
key, so the command can find and update what it created before.

How the loaders read these modules:

* Page bodies are lists of ``(block_type, value)`` tuples for ``BodyStreamBlock``. Rich text
  is an HTML string.
* In an ``action_link`` block, ``"page"`` is the slug of a page directly under the home page
  (for example ``"resources"``); the loader swaps it for the page itself.
* ``topics`` lists topic slugs; ``related`` and ``featured_resources`` list resource slugs.

Facts come from the project's domain brief and its seed pages, in our own words. Check the
details (phone numbers, web addresses) before publishing, and keep them current.
"""
