"""The environment a production host gives the app, for tests that start it in a subprocess
with website.settings.production."""

from __future__ import annotations

import os
from pathlib import Path

from django.core.management.utils import get_random_secret_key


def production_env(tmp_path: Path, **overrides) -> dict[str, str]:
    """Only what a production host would set, nothing inherited from this test run."""
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path),
        "LANG": "C.UTF-8",
        "PYTHONDONTWRITEBYTECODE": "1",
        "DJANGO_SETTINGS_MODULE": "website.settings.production",
        "SECRET_KEY": get_random_secret_key(),
        "ALLOWED_HOSTS": "example.org",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "STATIC_ROOT": str(tmp_path / "static"),
        "MEDIA_ROOT": str(tmp_path / "media"),
    }
    env.update(overrides)
    return {name: value for name, value in env.items() if value is not None}
