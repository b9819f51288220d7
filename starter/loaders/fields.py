"""Setting starter values on a page or snippet, saying whether anything changed, so that a
loader saves a revision only when the content is different."""

from wagtail.fields import StreamField

from resources.models import Topic


def stream_signature(stream_value) -> list:
    """The content of a StreamField value without block ids, to compare two values."""
    return [(child.block_type, child.block.get_prep_value(child.value)) for child in stream_value]


def apply_fields(instance, values: dict) -> bool:
    """Set field values on a model instance. Returns True if anything changed.

    StreamField values are given as lists of (block_type, value) tuples and are validated
    here, because the model's full_clean() does not validate blocks."""
    changed = False
    for name, new_value in values.items():
        field = instance._meta.get_field(name)
        if isinstance(field, StreamField):
            new_value = field.stream_block.clean(field.to_python(new_value))
            # Round-trip through the stored form, so that optional sub-blocks left out of the
            # data compare equal to the empty values they are saved as.
            new_value = field.to_python(field.stream_block.get_prep_value(new_value))
            if stream_signature(getattr(instance, name)) != stream_signature(new_value):
                setattr(instance, name, new_value)
                changed = True
        elif field.is_relation:
            new_id = new_value.pk if new_value is not None else None
            if getattr(instance, field.attname) != new_id:
                setattr(instance, name, new_value)
                changed = True
        elif getattr(instance, name) != new_value:
            setattr(instance, name, new_value)
            changed = True
    return changed


def apply_topics(instance, topics: list[Topic]) -> bool:
    """Set the topics of a page or organisation (in memory until it is saved)."""
    current = {item.tag_id for item in instance.topic_items.all()}
    if current == {topic.pk for topic in topics}:
        return False
    instance.topics.set(topics)
    return True


def apply_orderables(instance, relation_name: str, model, items: list) -> bool:
    """Replace an inline (orderable) relation when its list of targets has changed. ``items``
    are unsaved instances of ``model``, in order; they are compared by ``resource``."""
    current = [item.resource_id for item in getattr(instance, relation_name).all()]
    if current == [item.resource_id for item in items]:
        return False
    for sort_order, item in enumerate(items):
        item.sort_order = sort_order
    setattr(instance, relation_name, items)
    return True
