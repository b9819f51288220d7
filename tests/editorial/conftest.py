# The site as visitors find it, as for the pages tests (see tests/pages/conftest.py).
from tests.pages.conftest import site_tree  # noqa: F401
