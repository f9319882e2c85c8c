"""Photos for tour tests: the shared test photos plus generated ones (clips: helpers.media)."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw

# Filled by tests/remotion_/test_loudness.py, printed by tests/remotion_/conftest.py at the end of the run.
LOUDNESS_REPORT: dict[str, float] = {}

TESTDATA_PHOTOS = (
    "coffee.png",
    "chelsea.png",
    "astronaut.png",
    "WhatsApp Image 2026-02-06 at 3.58.30 PM.jpeg",
)


def generated_photo(path: Path, width: int, height: int, seed: int) -> Path:
    """A photo-like JPEG with gradients and shapes (edges and smooth areas), the same every time."""
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0:height, 0:width]
    pixels = np.stack([x * 255 / width, y * 255 / height, (x + y) % 256], -1).astype(np.uint8)
    image = Image.fromarray(pixels)
    draw = ImageDraw.Draw(image)
    for _ in range(30):
        x0, y0 = int(rng.integers(0, width)), int(rng.integers(0, height))
        w, h = int(rng.integers(20, width // 4)), int(rng.integers(20, height // 4))
        draw.ellipse([x0, y0, x0 + w, y0 + h], fill=tuple(int(v) for v in rng.integers(0, 255, 3)))
    image.save(path, quality=92)
    return path


def tour_photos(testdata: Path, folder: Path) -> list[Path]:
    """Six photos in ``folder``: a landscape, the cat, the astronaut, a generated wide one, a
    generated portrait (for the blurred fit) and the WhatsApp photo (a name with spaces)."""
    folder.mkdir(parents=True, exist_ok=True)
    copies = []
    for name in TESTDATA_PHOTOS:
        target = folder / name
        if not target.exists():
            shutil.copy(testdata / name, target)
        copies.append(target)
    wide = folder / "pool.jpg"
    tall = folder / "tower.jpg"
    if not wide.exists():
        generated_photo(wide, 1600, 1000, 1)
    if not tall.exists():
        generated_photo(tall, 900, 1600, 2)
    return [copies[0], copies[1], copies[2], wide, tall, copies[3]]
