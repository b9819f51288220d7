from django_tasks import task

from core.link_health.run import run_link_check
from jobs.progress import report_progress


@task()
def check_all_links() -> dict[str, int]:
    """The daily check. A repeat after a worker is lost only adds one more check to each
    link's history, so it is safe to retry."""

    def progress(done: int, total: int) -> None:
        report_progress(done, total, "links checked")

    return dict(run_link_check(on_progress=progress))
