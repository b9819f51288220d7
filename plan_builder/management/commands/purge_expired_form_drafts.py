from typing import Any

from django.core.management.base import BaseCommand

from plan_builder import services


class Command(BaseCommand):
    help = (
        "Delete what was kept of forms sent after a session ended, once its time is up. The "
        "plan builder also does this whenever a form is kept or someone signs in; run this "
        "from cron (for example hourly, beside clearsessions) so nothing waits for that."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        deleted = services.form_draft_purge_expired()
        self.stdout.write(f"Deleted {deleted} expired form drafts.")
