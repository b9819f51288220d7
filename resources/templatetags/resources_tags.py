from django import template

from resources.topics import sorted_by_name

register = template.Library()


@register.simple_tag
def localised_topics(topics) -> list[dict]:
    """Topics as {slug, name}, named and ordered in the visitor's language."""
    return [{"slug": topic.slug, "name": name} for topic, name in sorted_by_name(topics)]
