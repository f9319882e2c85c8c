"""Preview speed: paint time per frame, keystroke to repaint, start to window shown, and tours.

    python bench/preview.py [--frames N] [--starts N] [--only tour]

Targets (issue 3): p95 paint <= 16 ms at 960x540 (a smooth 60 fps preview),
keystroke to repainted preview <= 50 ms, start to window shown <= 1.5 s from
source.  Each figure comes with a baseline measured in the same run on the same
machine, and the ratio to it:

- paint:     a bare ``QImage.fill`` of the same 960x540 canvas per frame
- keystroke: the same keystroke into a plain QLineEdit mirrored by a QLabel
- start:     a Python process that opens an empty QWidget window

Tours (issue 11): ``tour``, 30 s, eight 12 MP photos and two 1080p H.264 clips made here
with Pillow and PyAV, painted at 960x540: p95 <= 16 ms mid-transition and on clip
scenes (baseline: the one-photo promo's paint in the same run), the same while the
preview plays it (media prepared ahead on a worker, as the app does; and without that,
to show what it saves), and the sound's offset from the picture after a seek on
miniaudio's NULL device, <= 50 ms (baseline: one frame, 33 ms).
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


def make_tour_media(folder: Path) -> tuple[list[Path], list[Path]]:
    """Eight 12 MP JPEGs (4000x3000, smooth gradients and noise, like a phone photo) and two
    5 s 1920x1080 H.264 clips."""
    import av
    import numpy as np
    from PIL import Image

    rng = np.random.default_rng(7)
    photos = []
    ys, xs = np.mgrid[0:3000, 0:4000].astype(np.float32)
    for index in range(8):
        base = np.stack(
            [
                120 + 100 * np.sin(xs / (700 + 90 * index)),
                110 + 90 * np.cos(ys / (500 + 70 * index)),
                100 + 80 * np.sin((xs + ys) / 900),
            ],
            axis=-1,
        )
        noise = rng.normal(0, 12, (3000, 4000, 1)).astype(np.float32)
        picture = np.clip(base + noise, 0, 255).astype(np.uint8)
        path = folder / f"room-{index + 1}.jpg"
        Image.fromarray(picture).save(path, quality=88)
        photos.append(path)
    clips = []
    small = rng.integers(0, 255, (270, 480, 3), dtype=np.uint8)
    for index in range(2):
        path = folder / f"pool-{index + 1}.mp4"
        with av.open(str(path), "w") as container:
            stream = container.add_stream("libx264", rate=30)
            stream.width, stream.height, stream.pix_fmt = 1920, 1080, "yuv420p"
            stream.options = {"preset": "veryfast", "crf": "23"}
            for frame in range(150):
                shifted = np.roll(small, frame * 3, axis=1).repeat(4, axis=0).repeat(4, axis=1)
                picture = av.VideoFrame.from_ndarray(shifted, format="rgb24")
                container.mux(stream.encode(picture))
            container.mux(stream.encode())
        clips.append(path)
    return photos, clips


def tour_props(photos: list[Path], clips: list[Path]):  # type: ignore[no-untyped-def]
    from vidstudio.render.props import MediaItem, Props

    media = [MediaItem(p) for p in photos[:4]] + [MediaItem(clips[0])]
    media += [MediaItem(p) for p in photos[4:]] + [MediaItem(clips[1])]
    return Props(
        title="Nismara Pool Villa", subtitle="Your private escape in Bali", media=media, duration=30.0
    )


def bench_tour_paint(photos: list[Path], clips: list[Path]) -> None:
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QImage, QPainter

    from vidstudio.render.paint import paint_frame, scene_cache
    from vidstudio.render.props import Props
    from vidstudio.render.template import list_templates
    from vidstudio.render.timeline import timeline

    size = QSize(960, 540)
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    templates = {t.id: t for t in list_templates()}

    def paint(template, props, frame: int, playing: bool = False) -> float:  # type: ignore[no-untyped-def]
        started = time.perf_counter()
        painter = QPainter(image)
        paint_frame(painter, template, props, frame, size, playing=playing)
        painter.end()
        return (time.perf_counter() - started) * 1000

    promo = templates["promo"]
    one = Props(title="Nismara Pool Villa", subtitle="Your private escape in Bali", photo=photos[0])
    paint(promo, one, 0)
    base = [paint(promo, one, frame) for frame in range(0, promo.frame_count, 2)]

    tour = templates["tour"]
    props = tour_props(photos, clips)
    scenes = timeline(tour, props).scenes
    fps = tour.fps

    def warm(index: int) -> None:  # what the preview does on a worker a second ahead
        scene = scene_cache.get(tour, props, size)
        rect = next(item.rect for item in scene.layers if item.kind == "media")
        scene.media(scenes[index], rect)

    transition: list[float] = []
    clip_transition: list[float] = []
    cold: list[float] = []
    for scene in scenes[1:]:
        if scene.transition_in is None or scene.transition_in.duration <= 0:
            continue
        first = int(scene.start * fps) + 1
        last = int((scene.start + scene.transition_in.duration) * fps)
        cold.append(paint(tour, props, first))  # the incoming media prepared inside the paint
        with_clip = "clip" in (scene.item.kind if scene.item else "", scenes[scene.index - 1].item.kind)  # type: ignore[union-attr]
        # In order, as the preview's frame painter plays them (the next clip frame decodes meanwhile).
        (clip_transition if with_clip else transition).extend(
            paint(tour, props, f, playing=True) for f in range(first + 1, last)
        )
    scene_cache.clear()
    clip_frames: list[float] = []
    for scene in scenes:
        if scene.item is None or scene.item.kind != "clip":
            continue
        warm(scene.index)
        start = int(scene.start * fps) + 1
        clip_frames += [
            paint(tour, props, frame, playing=True) for frame in range(start, int(scene.end * fps) - 1)
        ]
    print(
        f"tour 960x540, 30 s, 8 photos 4000x3000 + 2 clips 1920x1080 H.264, {len(scenes)} scenes "
        f"(baseline: the one-photo promo, {len(base)} frames)"
    )
    line("  mid-transition (photos) p50", pct(transition, 0.5), "ms", pct(base, 0.5), None)
    line("  mid-transition (photos) p95", pct(transition, 0.95), "ms", pct(base, 0.95), 16)
    line("  mid-transition (with a clip) p95", pct(clip_transition, 0.95), "ms", pct(base, 0.95), 16)
    line("  clip scenes p50", pct(clip_frames, 0.5), "ms", pct(base, 0.5), None)
    line("  clip scenes p95", pct(clip_frames, 0.95), "ms", pct(base, 0.95), 16)
    line("  first frame of a transition, cold", statistics.median(cold), "ms", pct(base, 0.5), None)
    scene_cache.clear()


def _panel(app, template, props):  # type: ignore[no-untyped-def]
    from vidstudio.ui.preview import PreviewPanel

    panel = PreviewPanel()
    panel.resize(1000, 640)
    panel.show()
    panel.set_content(template, props, "16:9")
    canvas = panel.canvas
    for _ in range(3):
        app.processEvents()
        rect = canvas.canvas_rect()
        panel.resize(panel.width() + 960 - rect.width(), panel.height() + 540 - rect.height())
    app.processEvents()
    return panel


def bench_tour_playback(photos: list[Path], clips: list[Path], seconds: float) -> None:
    """The preview playing: what the UI thread spends per frame shown, what the frame painter
    spends per frame, and how many of the frames due were shown; the tour against the
    one-photo promo played the same way (baseline)."""
    from PySide6.QtWidgets import QApplication

    from vidstudio.jobs import workers
    from vidstudio.render.images import image_cache
    from vidstudio.render.paint import scene_cache
    from vidstudio.render.props import Props
    from vidstudio.render.template import list_templates

    app = QApplication.instance()
    templates = {t.id: t for t in list_templates()}
    one = Props(title="Nismara Pool Villa", subtitle="Your private escape in Bali", photo=photos[0])
    runs = {"promo": (templates["promo"], one), "tour": (templates["tour"], tour_props(photos, clips))}
    results: dict[str, tuple[list[float], list[float], int]] = {}
    for name, (template, props) in runs.items():
        scene_cache.clear()
        image_cache.clear()
        panel = _panel(app, template, props)
        canvas = panel.canvas
        canvas.set_frame(0)
        canvas.repaint()
        ui: list[float] = []
        worker: list[float] = []
        original = canvas.paintEvent

        def counting(event, original=original, ui=ui, canvas=canvas):  # type: ignore[no-untyped-def]
            original(event)
            ui.append(canvas.last_paint_ms)

        canvas.paintEvent = counting  # type: ignore[method-assign]
        canvas.painter.painted.connect(lambda _f, _i, ms, worker=worker: worker.append(ms))
        shown: set[int] = set()
        canvas.frame_changed.connect(shown.add)
        canvas.play()
        deadline = time.perf_counter() + min(seconds, template.frame_count / template.fps - 0.2)
        played = time.perf_counter()
        while time.perf_counter() < deadline:
            app.processEvents()  # type: ignore[union-attr]
            time.sleep(0.001)
        due = round((time.perf_counter() - played) * template.fps)
        canvas.close_audio()
        workers.drain(10_000)
        results[name] = (ui[1:], worker, len(shown), due)  # type: ignore[assignment]
        panel.close()
    print(f"the preview playing the tour for {seconds:g} s at 960x540 (baseline: the one-photo promo)")
    ui_base, worker_base, shown_base, due_base = results["promo"]  # type: ignore[misc]
    ui_tour, worker_tour, shown_tour, due_tour = results["tour"]  # type: ignore[misc]
    line("  UI thread per frame shown, p95", pct(ui_tour, 0.95), "ms", pct(ui_base, 0.95), 16)
    line("  UI thread per frame shown, max", max(ui_tour), "ms", max(ui_base), None)
    line("  frame painter per frame, p95", pct(worker_tour, 0.95), "ms", pct(worker_base, 0.95), None)
    line("  frame painter per frame, max", max(worker_tour), "ms", max(worker_base), None)
    print(f"  frames shown: {shown_tour} of {due_tour} due (promo: {shown_base} of {due_base})")


def bench_audio_sync(photos: list[Path], clips: list[Path], seeks: int) -> None:
    """After each seek while playing: how long until the new place shows and its sound starts,
    and then |sound position - time of the frame on screen|, on miniaudio's NULL device."""
    import random

    import numpy as np
    from PySide6.QtWidgets import QApplication

    from vidstudio.render.template import list_templates

    os.environ["VIDSTUDIO_AUDIO"] = "null"
    app = QApplication.instance()
    tour = next(t for t in list_templates() if t.id == "tour")
    props = tour_props(photos, clips)
    panel = _panel(app, tour, props)
    canvas = panel.canvas
    canvas.set_soundtrack(np.zeros((30 * 48_000, 2), np.float32))
    canvas.play()

    def pump(condition, timeout: float) -> bool:  # type: ignore[no-untyped-def]
        deadline = time.perf_counter() + timeout
        while not condition() and time.perf_counter() < deadline:
            app.processEvents()  # type: ignore[union-attr]
            time.sleep(0.001)
        return bool(condition())

    if not pump(lambda: canvas.audio_offset() is not None, 10):
        print("audio sync: no sound device (not even NULL): skipped")
        return
    rng = random.Random(3)
    offsets: list[float] = []
    first: list[float] = []
    waits: list[float] = []
    for _ in range(seeks):
        started = time.perf_counter()
        panel.slider.setValue(rng.randrange(0, canvas.frame_count - 60))  # a scrub while playing
        pump(lambda: canvas.audio_offset() is not None, 10)
        waits.append((time.perf_counter() - started) * 1000)
        first.append(abs(canvas.audio_offset() or 0.0) * 1000)
        settle = time.perf_counter() + 0.4
        while time.perf_counter() < settle:
            app.processEvents()  # type: ignore[union-attr]
            offset = canvas.audio_offset()
            if offset is not None:
                offsets.append(abs(offset) * 1000)
            time.sleep(0.002)
    canvas.close_audio()
    panel.close()
    frame_ms = 1000 / tour.fps
    print(f"sound vs picture after {seeks} seeks while playing (NULL device; baseline: one frame)")
    line("  |offset| p50", pct(offsets, 0.5), "ms", frame_ms, None)
    line("  |offset| p95", pct(offsets, 0.95), "ms", frame_ms, 50)
    line("  |offset| when the sound starts, max", max(first), "ms", frame_ms, 50)
    line("  seek to picture and sound, median", statistics.median(waits), "ms", frame_ms, None)


def bench_tour(args: argparse.Namespace) -> None:
    folder = args.media or Path(tempfile.mkdtemp(prefix="vidstudio-tour-"))
    folder.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    made = sorted(folder.glob("room-*.jpg")), sorted(folder.glob("pool-*.mp4"))
    photos, clips = made if len(made[0]) == 8 and len(made[1]) == 2 else make_tour_media(folder)
    print(f"(made the tour's media in {time.perf_counter() - started:.1f} s)")
    bench_tour_paint(photos, clips)
    bench_tour_playback(photos, clips, args.play)
    bench_audio_sync(photos, clips, args.seeks)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frames", type=int, default=150)
    parser.add_argument("--keys", type=int, default=40)
    parser.add_argument("--starts", type=int, default=5)
    parser.add_argument("--play", type=float, default=10.0, help="seconds of tour playback")
    parser.add_argument("--seeks", type=int, default=20)
    parser.add_argument("--only", choices=("tour",), help="only the tour figures")
    parser.add_argument("--media", type=Path, help="a folder to keep the tour's media in (made once)")
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
    if args.only != "tour":
        bench_paint(args.frames)
        bench_keystroke(args.keys)
        bench_start(args.starts)
    bench_tour(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
