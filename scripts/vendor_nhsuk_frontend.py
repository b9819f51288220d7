"""Refresh the vendored NHS.UK frontend from the npm registry.

Usage: python scripts/vendor_nhsuk_frontend.py 10.6.1   (needs npm)

The dist CSS points at /assets/images/... and at Frutiger on assets.nhs.uk. Frutiger is
licensed to NHS organisations only and a remote font is a third-party request from every
visitor, so the @font-face rules are dropped (the font stack falls back to Arial) and the
image URLs are made relative so that ManifestStaticFilesStorage can hash them.
"""

import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

TARGET = Path(__file__).resolve().parent.parent / "core" / "static" / "nhsuk"


def main(version: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(  # noqa: S603
            ["npm", "pack", f"nhsuk-frontend@{version}", "--silent"],  # noqa: S607
            cwd=tmp,
            check=True,
        )
        with tarfile.open(next(Path(tmp).glob("nhsuk-frontend-*.tgz"))) as tar:
            tar.extractall(tmp, filter="data")
        dist = Path(tmp) / "package" / "dist" / "nhsuk"
        shutil.rmtree(TARGET, ignore_errors=True)
        (TARGET / "images").mkdir(parents=True)
        css = (dist / "nhsuk-frontend.min.css").read_text()
        css = re.sub(r"@font-face\{[^}]*\}", "", css)
        css = css.replace("url(/assets/images/", "url(images/")
        css = re.sub(r"/\*# sourceMappingURL=.*?\*/", "", css)
        (TARGET / "nhsuk-frontend.min.css").write_text(css)
        js = (dist / "nhsuk-frontend.min.js").read_text()
        js = re.sub(r"//# sourceMappingURL=.*$", "", js, flags=re.M)
        (TARGET / "nhsuk-frontend.min.js").write_text(js)
        for image in (dist / "assets" / "images").iterdir():
            shutil.copy(image, TARGET / "images" / image.name)
        (TARGET / "VERSION").write_text(f"nhsuk-frontend {version} (MIT licence)\n")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "10.6.1")
