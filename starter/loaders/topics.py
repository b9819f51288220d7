"""The topics, found by slug and renamed when their English name has changed."""

from resources.models import Topic
from starter.data.topics import TOPICS
from starter.loaders.report import CREATED, UNCHANGED, UPDATED, LoadReport


def load_topics(*, report: LoadReport) -> dict[str, Topic]:
    """Every starter topic by slug."""
    topics = {}
    for item in TOPICS:
        topic = Topic.objects.filter(slug=item["slug"]).first()
        if topic is None:
            topic = Topic(slug=item["slug"], name=item["name"])
            outcome = CREATED
        elif topic.name != item["name"]:
            topic.name = item["name"]
            outcome = UPDATED
        else:
            outcome = UNCHANGED
        if outcome != UNCHANGED:
            topic.full_clean()
            topic.save()
        report.count("Topics", outcome, item["name"])
        topics[topic.slug] = topic
    return topics
