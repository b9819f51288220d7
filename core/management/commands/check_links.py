from django.core.management.base import BaseCommand
from tqdm import tqdm

from core.link_health.models import LinkState
from core.link_health.run import run_link_check


class Command(BaseCommand):
    help = "Check every external link in published content now (the daily job does the same)."

    def handle(self, *args, **options):
        bar = tqdm(total=0, unit=" links", file=self.stdout, dynamic_ncols=True)

        def progress(done: int, total: int) -> None:
            bar.total = total
            bar.update(done - bar.n)

        try:
            states = run_link_check(on_progress=progress)
        finally:
            bar.close()
        for state in LinkState:
            if states.get(state):
                self.stdout.write(f"{state.label}: {states[state]}")
