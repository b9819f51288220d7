from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group


def member_of(group_name: str, username: str | None = None, **details):
    """A member of one of the editorial groups, with a fresh permission cache."""
    user = get_user_model().objects.create_user(
        username=username or group_name.lower(), password="x" * 16, **details
    )
    user.groups.add(Group.objects.get(name=group_name))
    return get_user_model().objects.get(pk=user.pk)
