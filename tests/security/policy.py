"""Reading a Content-Security-Policy header, for the header tests and the browser tests."""


def parse_policy(header: str) -> dict[str, list[str]]:
    policy = {}
    for directive in filter(None, (part.strip() for part in header.split(";"))):
        name, *sources = directive.split()
        assert name not in policy, f"{name} twice in {header!r}"
        policy[name] = sources
    return policy
