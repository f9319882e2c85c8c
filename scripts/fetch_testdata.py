"""Recreate shared/testdata (the test photos) where it is not provided, e.g. on GitHub.

    python scripts/fetch_testdata.py ../shared/testdata

The photos come from scikit-image's sample data, as shared/testdata/README.md
says: the scikit-image wheel is downloaded with pip (not installed) and
coffee.png, chelsea.png and astronaut.png are taken from skimage/data/; the
"WhatsApp Image ..." JPEG is chelsea.png saved the way a phone download is named.
Files that already exist are left alone.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

SKIMAGE = "scikit-image==0.26.0"
PHOTOS = ("coffee.png", "chelsea.png", "astronaut.png")
WHATSAPP = "WhatsApp Image 2026-02-06 at 3.58.30 PM.jpeg"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    out = Path(args[0])
    out.mkdir(parents=True, exist_ok=True)
    missing = [name for name in PHOTOS if not (out / name).is_file()]
    if missing:
        with tempfile.TemporaryDirectory() as temp:
            command = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:"]
            subprocess.run([*command, "-d", temp, SKIMAGE], check=True)
            wheel = next(Path(temp).glob("scikit_image-*.whl"))
            with zipfile.ZipFile(wheel) as archive:
                for name in missing:
                    (out / name).write_bytes(archive.read(f"skimage/data/{name}"))
    if not (out / WHATSAPP).is_file():
        from PIL import Image

        with Image.open(out / "chelsea.png") as image:
            image.convert("RGB").save(out / WHATSAPP, "JPEG", quality=90)
    for path in sorted(out.iterdir()):
        print(f"{path.name}  {path.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
