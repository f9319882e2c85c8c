"""Preview speed: paint time per frame, keystroke to repaint, start to window shown.

    python bench/preview.py [--frames N] [--starts N]

Targets (issue 3): p95 paint <= 16 ms at 960x540 (a smooth 60 fps preview),
keystroke to repainted preview <= 50 ms, start to window shown <= 1.5 s from
source.  Each figure comes with a baseline measured in the same run on the same
machine, and the ratio to it:

- paint:     a bare ``QImage.fill`` of the same 960x540 canvas per frame
- keystroke: the same keystroke into a plain QLineEdit mirrored by a QLabel
- start:     a Python process that opens an empty QWidget window
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PHOTO = REPO.parent / "shared" / "testdata" / "WhatsApp Image 2026-02-06 at 3.58.30 PM.jpeg"
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("VIDSTUDIO_DATA_DIR", tempfile.mkdtemp(prefix="vidstudio-bench-"))
sys.path.insert(0, str(REPO))

START_APP = """
import time, sys
t0 = float(sys.argv[1])
from PySide6.QtWidgets import QApplication
from vidstudio.jobs.store import JobStore
from vidstudio.settings import Settings
from vidstudio.ui.i18n import install_language
from vidstudio.ui.main_window import MainWindow
from vidstudio.ui.theme import apply_theme
app = QApplication([])
apply_theme(app)
install_language("system")
window = MainWindow(JobStore(), Settings(), persist_settings=False)
window.show()
app.processEvents()
print(time.time() - t0)
"""

START_EMPTY = """
import time, sys
t0 = float(sys.argv[1])
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
window = QWidget()
window.resize(1280, 800)
window.show()
app.processEvents()
print(time.time() - t0)
"""


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def line(name: str, value: float, unit: str, baseline: float, target: float | None) -> None:
    ratio = value / baseline if baseline else float("inf")
    verdict = "" if target is None else ("  OK" if value <= target else "  OVER TARGET")
    limit = "" if target is None else f" (target <= {target:g} {unit})"
    print(
        f"{name:38s} {value:8.2f} {unit}{limit}   "
        f"baseline {baseline:7.2f} {unit}  ratio {ratio:6.1f}x{verdict}"
    )


def bench_paint(frames: int) -> None:
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QColor, QImage, QPainter

    from vidstudio.render.paint import paint_frame
    from vidstudio.render.props import Props
    from vidstudio.render.template import list_templates

    size = QSize(960, 540)
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    base: list[float] = []
    for index in range(frames):
        started = time.perf_counter()
        image.fill(QColor(index % 255, 40, 60))
        base.append((time.perf_counter() - started) * 1000)
    for template in list_templates():
        props = Props(title="Nismara Pool Villa", subtitle="Your private escape in Bali", photo=PHOTO)
        painter = QPainter(image)
        paint_frame(painter, template, props, 0, size)  # scene build, measured below
        painter.end()
        times: list[float] = []
        step = max(1, template.frame_count // frames)
        for frame in range(0, template.frame_count, step):
            started = time.perf_counter()
            painter = QPainter(image)
            paint_frame(painter, template, props, frame, size)
            painter.end()
            times.append((time.perf_counter() - started) * 1000)
        print(f"paint_frame 960x540, template {template.id!r}, {len(times)} frames")
        line("  p50", pct(times, 0.5), "ms", pct(base, 0.5), None)
        line("  p95", pct(times, 0.95), "ms", pct(base, 0.95), 16)


TYPED = "Nismara Pool Villa, Bali "


def key_to_paint(app, edit, painted, index: int) -> float:  # type: ignore[no-untyped-def]
    """Milliseconds from a keystroke in ``edit`` to the end of ``painted``'s next paintEvent."""
    from PySide6.QtTest import QTest

    paints = [0]
    original = painted.paintEvent

    def counting(event):  # type: ignore[no-untyped-def]
        original(event)
        paints[0] += 1

    painted.paintEvent = counting
    try:
        started = time.perf_counter()
        QTest.keyClick(edit, TYPED[index % len(TYPED)])
        while paints[0] == 0:
            app.processEvents()
        return (time.perf_counter() - started) * 1000
    finally:
        painted.paintEvent = original


def bench_keystroke(keys: int) -> None:
    from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QVBoxLayout, QWidget

    from vidstudio.jobs.store import JobStore
    from vidstudio.settings import Settings
    from vidstudio.ui.main_window import MainWindow
    from vidstudio.ui.theme import apply_theme

    app = QApplication.instance() or QApplication([])
    apply_theme(app)  # type: ignore[arg-type]
    window = MainWindow(JobStore(), Settings(), persist_settings=False)
    window.show()
    window.load_photos([PHOTO])
    canvas = window.preview.canvas
    # Size the window so the letterboxed 16:9 canvas is 960x540.
    for _ in range(3):
        app.processEvents()
        rect = canvas.canvas_rect()
        window.resize(window.width() + 960 - rect.width(), window.height() + 540 - rect.height())
    app.processEvents()
    rect = canvas.canvas_rect()
    window.title_edit.setFocus()
    times: list[float] = []
    widget_paint: list[float] = []
    for index in range(keys):
        times.append(key_to_paint(app, window.title_edit, canvas, index))
        widget_paint.append(canvas.last_paint_ms)

    # Baseline: the same keystroke into a bare line edit mirrored by a label.
    plain = QWidget()
    edit = QLineEdit()
    label = QLabel()
    layout = QVBoxLayout(plain)
    layout.addWidget(edit)
    layout.addWidget(label)
    edit.textChanged.connect(label.setText)
    plain.show()
    app.processEvents()
    base = [key_to_paint(app, edit, label, index) for index in range(keys)]
    print(f"keystroke in the title to repainted preview ({rect.width()}x{rect.height()}), {keys} keys")
    line("  p50", pct(times, 0.5), "ms", pct(base, 0.5), None)
    line("  p95", pct(times, 0.95), "ms", pct(base, 0.95), 50)
    print(f"  (of which the preview paintEvent: p50 {pct(widget_paint, 0.5):.2f} ms)")
    window.queue.shutdown()
    window.close()


def bench_start(runs: int) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO)}

    def measure(script: str) -> float:
        started = time.time()
        done = subprocess.run(
            [sys.executable, "-c", script, repr(started)],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        return float(done.stdout.strip().splitlines()[-1])

    measure(START_EMPTY)  # warm the disk cache for both
    measure(START_APP)
    app = [measure(START_APP) for _ in range(runs)]
    empty = [measure(START_EMPTY) for _ in range(runs)]
    print(f"start to window shown (process start to first processed show), median of {runs}")
    line("  start", statistics.median(app) * 1000, "ms", statistics.median(empty) * 1000, 1500)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frames", type=int, default=150)
    parser.add_argument("--keys", type=int, default=40)
    parser.add_argument("--starts", type=int, default=5)
    args = parser.parse_args()
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    def quiet(_mode, _context, message: str) -> None:  # type: ignore[no-untyped-def]
        if "propagateSizeHints" not in message:  # the offscreen platform's chatter
            print(message, file=sys.stderr)

    qInstallMessageHandler(quiet)
    QApplication.instance() or QApplication([])
    print(
        f"platform {os.environ['QT_QPA_PLATFORM']}, {os.cpu_count()} cores, "
        f"Python {sys.version.split()[0]}, load average {os.getloadavg()[0]:.1f}"
    )
    bench_paint(args.frames)
    bench_keystroke(args.keys)
    bench_start(args.starts)
    return 0


if __name__ == "__main__":
    sys.exit(main())
