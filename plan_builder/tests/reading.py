"""Reading plan builder pages the way a person sees them."""

import html as html_entities
import re


def field_error(html: str, field_id: str) -> str:
    """The message shown beside one field (as read: character references decoded), or ""
    when there is none."""
    match = re.search(
        rf'<span class="nhsuk-error-message" id="{field_id}-error">(.*?)</span>\s*<', html, re.S
    )
    if not match:
        return ""
    text = re.sub(r"<[^>]+>", "", match.group(1)).replace("Error:", "")
    return html_entities.unescape(text).strip()
