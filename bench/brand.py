"""Benchmark: what a brand, listing facts and the booking QR code cost a render, in one run.

    .venv/bin/python bench/brand.py [--seconds 15] [--aspect 9:16] [--rounds 3]

Rows (each render in a fresh process, rounds interleaved so both see the same machine):
  plain     `tour`, 5 photos, no brand, no listing: the plain end card
  branded   the same with a brand (own colours, EB Garamond headings, a logo and its
            watermark over the whole video) and a listing (price, guests, bedrooms,
            bathrooms, location, an offer badge, a WhatsApp QR code with its link)

Target (issue 12): branded <= 1.05 x plain (median wall time of the same run).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TESTDATA = REPO.parent / "shared" / "testdata"

CHILD = textwrap.dedent(
    r"""
    import json, os, sys, tempfile, time
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from pathlib import Path
    from PySide6.QtGui import QGuiApplication
    app = QGuiApplication([])
    from vidstudio.render.brand import Brand
    from vidstudio.render.listing import Listing
    from vidstudio.render.pipeline import render_video
    from vidstudio.render.props import MediaItem, Props
    from vidstudio.render.template import get_template
    mode, photos, logo, aspect = sys.argv[1], json.loads(sys.argv[2]), sys.argv[3], sys.argv[5]
    seconds = float(sys.argv[4])
    media = [MediaItem(Path(p), caption=f"Room {i + 1}") for i, p in enumerate(photos)]
    props = Props("Nismara Pool Villa", "Your private escape in Bali", media=media, cta="", duration=seconds)
    if mode == "branded":
        brand = Brand(name="Nismara", logo=Path(logo), primary="#16324f", accent="#f2a65a", text="#fdfbf7",
                      heading_font="EB Garamond", watermark=True)
        listing = Listing.parse(price="2500000", currency="IDR", guests=6, bedrooms=3, bathrooms=3,
                                location="Ubud, Bali", offer="Stay 7, pay 6", whatsapp="+62 812 3456 7890")
        props = props.replace(brand=brand, listing=listing)
    out = Path(tempfile.mkdtemp()) / "bench.mp4"
    start = time.perf_counter()
    result = render_video(get_template("tour"), props, out, aspect=aspect, quality="standard")
    wall = time.perf_counter() - start
    print(json.dumps({"wall": wall, "frames": result.frames, "bytes": result.size_bytes}))
    """
)


def run(mode: str, photos: list[str], logo: str, seconds: float, aspect: str) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, mode, json.dumps(photos), logo, str(seconds), aspect],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
    )
    figures: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seconds", type=float, default=15.0)
    parser.add_argument("--aspect", default="9:16")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="vidstudio-bench-brand-"))
    sources = sorted(p for p in TESTDATA.iterdir() if p.suffix.lower() in (".jpg", ".jpeg", ".png"))
    photos = [str(sources[i % len(sources)]) for i in range(5)]
    logo = str(TESTDATA / "astronaut.png")
    walls: dict[str, list[float]] = {"plain": [], "branded": []}
    for round_ in range(args.rounds):
        for mode in ("plain", "branded") if round_ % 2 == 0 else ("branded", "plain"):
            figures = run(mode, photos, logo, args.seconds, args.aspect)
            walls[mode].append(figures["wall"])
            print(
                f"round {round_ + 1} {mode:8} {figures['wall']:6.2f} s  {figures['frames']:.0f} frames",
                flush=True,
            )
    plain, branded = statistics.median(walls["plain"]), statistics.median(walls["branded"])
    print(f"\nplain    median {plain:6.2f} s")
    print(f"branded  median {branded:6.2f} s")
    print(f"ratio    {branded / plain:.3f} x plain (target <= 1.05)   [{folder}]")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
