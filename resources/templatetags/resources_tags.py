from django import template

from resources.topics import sorted_by_name

register = template.Library()


@register.simple_tag
def localised_topics(topics) -> list[dict]:
    """Topics as {slug, name, language}, named and ordered in the visitor's language
    (``language`` is set when the name is not in it: see TopicName)."""
    return [
        {"slug": topic.slug, "name": name.text, "language": name.language}
        for topic, name in sorted_by_name(topics)
    ]
