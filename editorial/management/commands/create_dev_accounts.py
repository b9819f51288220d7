"""Local accounts for trying the admin and the plan builder: one per role, with fresh random
passwords. The practitioner leads a demo team, so /plans/ works at once.

Refuses to run unless DEBUG is on, so no known account or password can reach production.
"""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from plan_builder.models import Team, TeamMembership

ACCOUNTS = [
    ("admin", "Administrator", None),
    ("editor", "Editors", "Editors"),
    ("moderator", "Moderators", "Moderators"),
    ("practitioner", "Practitioner", None),
]
DEMO_TEAM = "Demo memory service"


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
                lines.append(f"  {username:<12} ({role}): exists, password unchanged")
                continue
            password = secrets.token_urlsafe(12)
            user = user_model.objects.create_user(
                username=username,
                email=f"{username}@localhost",
                password=password,
                first_name=role,
                is_staff=username == "admin",
                is_superuser=username == "admin",
            )
            if group_name:
                user.groups.add(Group.objects.get(name=group_name))
            lines.append(f"  {username:<12} ({role}): password {password}")
        practitioner = user_model.objects.get(username="practitioner")
        team, _created = Team.objects.get_or_create(name=DEMO_TEAM)
        TeamMembership.objects.get_or_create(
            team=team, user=practitioner, defaults={"is_lead": True}
        )
        self.stdout.write(
            "Local accounts (admin, editor, moderator for /admin/; practitioner for /plans/):\n"
            + "\n".join(lines)
        )
