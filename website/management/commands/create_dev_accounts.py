"""Local accounts for trying the admin: one per role, with fresh random passwords.

Refuses to run unless DEBUG is on, so no known account or password can reach production.
"""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

ACCOUNTS = [
    ("admin", "Administrator", None),
    ("editor", "Editors", "Editors"),
    ("moderator", "Moderators", "Moderators"),
]


class Command(BaseCommand):
    help = "Create local admin, editor and moderator accounts (development only)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("create_dev_accounts only runs with DEBUG on (development).")
        user_model = get_user_model()
        lines = []
        for username, role, group_name in ACCOUNTS:
            user = user_model.objects.filter(username=username).first()
            if user is not None:
                lines.append(f"  {username:<10} ({role}): exists, password unchanged")
                continue
            password = secrets.token_urlsafe(12)
            user = user_model.objects.create_user(
                username=username,
                email=f"{username}@localhost",
                password=password,
                first_name=role,
                is_staff=group_name is None,
                is_superuser=group_name is None,
            )
            if group_name:
                user.groups.add(Group.objects.get(name=group_name))
            lines.append(f"  {username:<10} ({role}): password {password}")
        self.stdout.write("Local accounts for /admin/:\n" + "\n".join(lines))
