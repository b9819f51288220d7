"""Data that a module's tests share, made once rather than once per test.

Each test still runs in its own savepoint on top of it (pytest-django's `db`), so a test may
change anything: the next test sees the shared data as it was made. The data is rolled back
when the module is done. Every test of such a module must use the database, and none may be
a `transactional_db` or `live_server` test: pytest-django runs those, and tests without a
database, after all the others, by which time the data would be made again on a flushed
database. The module's fixture is module-scoped and used directly by its tests, which are
marked `django_db`: pytest sets it up before each test's savepoint."""

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from django.db import transaction


@contextmanager
def made_once_for_the_module(django_db_blocker, make: Callable[[], object]) -> Iterator[object]:
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            made = make()
        except BaseException:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            raise
    try:
        yield made
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
