# One site answering on loopback, for every test of the link checker.
from tests.core.links.servers import site  # noqa: F401
