"""Native renderer vs Remotion on this computer, same template, same run.

Renders the promo template (16:9, 300 frames, 1920×1080) with the native
QPainter + PyAV pipeline and with the optional "Remotion (this computer)"
backend (Node child, Chromium), and prints both wall times and their ratio.
DESIGN.md measured Remotion at 63–68 s here and the native prototype at 4.5 s.

With ``--template tour`` the video is a tour of ``--photos`` test photos (in turn)
of ``--duration`` seconds, so the transitions and captions are in the comparison.

Usage: .venv/bin/python bench/remotion_vs_native.py [--browser /usr/bin/chromium]
       [--template tour --photos 5 --duration 15]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QGuiApplication

from vidstudio.render.backends import LocalBackend, RenderRequest
from vidstudio.render.props import MediaItem, Props
from vidstudio.render.remotion_local import RemotionLocalBackend
from vidstudio.render.template import get_template
from vidstudio.render.timeline import frame_count

TESTDATA = Path(__file__).resolve().parents[2] / "shared" / "testdata"
PHOTO = TESTDATA / "coffee.png"
TOUR_PHOTOS = ("coffee.png", "chelsea.png", "astronaut.png", "WhatsApp Image 2026-02-06 at 3.58.30 PM.jpeg")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--browser", default="/usr/bin/chromium")
    parser.add_argument("--template", default="promo")
    parser.add_argument("--photos", type=int, default=5, help="photos of a tour (in turn)")
    parser.add_argument("--duration", type=float, default=None, help="seconds (default: the template's)")
    args = parser.parse_args()
    app = QGuiApplication(["bench"])
    template = get_template(args.template)
    props = Props(title="Nismara Pool Villa", subtitle="Your private escape in Bali", photo=PHOTO)
    if args.template == "tour" or args.photos != 5 or args.duration:
        media = [
            MediaItem(TESTDATA / TOUR_PHOTOS[i % len(TOUR_PHOTOS)], caption=f"Room {i + 1}")
            for i in range(args.photos)
        ]
        props = props.replace(media=tuple(media), duration=args.duration)
    remotion = RemotionLocalBackend(browser_executable=args.browser)
    reason = remotion.unavailable_reason()
    if reason:
        print(reason, file=sys.stderr)
        return 1
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        for label, backend in (
            ("native (QPainter + PyAV)", LocalBackend()),
            ("Remotion + Chromium", remotion),
        ):
            request = RenderRequest(template, props, Path(tmp) / f"{backend.name}.mp4")
            result = backend.render(request)
            rows.append((label, result.render.wall_time, result.render.size_bytes))
    del app
    frames = frame_count(template, props)
    print(f"{template.id} 16:9, {len(props.media)} media, {frames} frames, 1920x1080")
    for label, wall, size in rows:
        print(f"  {label:26s} {wall:7.1f} s  {size / 1e6:6.2f} MB")
    print(f"  ratio Remotion / native: {rows[1][1] / rows[0][1]:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
