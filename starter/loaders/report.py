"""What the loaders did, counted by kind and outcome, for the command's summary."""

from collections import Counter, defaultdict
from collections.abc import Callable

CREATED = "created"
UPDATED = "updated"
UNCHANGED = "unchanged"


class LoadReport:
    """Counts every object the loaders looked at, and writes each change as it happens at
    verbosity 2 (notes worth reading at verbosity 1)."""

    def __init__(self, *, write: Callable[[str], None], verbosity: int) -> None:
        self.write = write
        self.verbosity = verbosity
        self.counts: dict[str, Counter] = defaultdict(Counter)
        self.translation_counts: dict[str, Counter] = defaultdict(Counter)
        self.removed_welcome_page = False

    def log(self, message: str, *, level: int = 2) -> None:
        if self.verbosity >= level:
            self.write(message)

    def count(self, kind: str, outcome: str, label: str) -> None:
        self.counts[kind][outcome] += 1
        if outcome != UNCHANGED:
            self.log(f"  {kind}: {outcome} {label}")
