"""Native renderer vs Remotion on this computer, same template, same run.

Renders the promo template (16:9, 300 frames, 1920×1080) with the native
QPainter + PyAV pipeline and with the optional "Remotion (this computer)"
backend (Node child, Chromium), and prints both wall times and their ratio.
DESIGN.md measured Remotion at 63–68 s here and the native prototype at 4.5 s.

Usage: .venv/bin/python bench/remotion_vs_native.py [--browser /usr/bin/chromium]
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
from vidstudio.render.props import Props
from vidstudio.render.remotion_local import RemotionLocalBackend
from vidstudio.render.template import get_template

PHOTO = Path(__file__).resolve().parents[2] / "shared" / "testdata" / "coffee.png"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--browser", default="/usr/bin/chromium")
    parser.add_argument("--template", default="promo")
    args = parser.parse_args()
    app = QGuiApplication(["bench"])
    template = get_template(args.template)
    props = Props(title="Nismara Pool Villa", subtitle="Your private escape in Bali", photo=PHOTO)
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
    print(f"{template.id} 16:9, {template.frame_count} frames, 1920x1080")
    for label, wall, size in rows:
        print(f"  {label:26s} {wall:7.1f} s  {size / 1e6:6.2f} MB")
    print(f"  ratio Remotion / native: {rows[1][1] / rows[0][1]:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
