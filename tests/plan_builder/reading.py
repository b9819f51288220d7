"""Reading plan builder pages the way a person sees them."""

import re


def field_error(html: str, field_id: str) -> str:
    """The message shown beside one field, or "" when there is none."""
    match = re.search(
        rf'<span class="nhsuk-error-message" id="{field_id}-error">(.*?)</span>\s*<', html, re.S
    )
    return re.sub(r"<[^>]+>", "", match.group(1)).replace("Error:", "").strip() if match else ""
