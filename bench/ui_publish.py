"""How long the window's UI thread stalls while it publishes a 20 MB video, with 500 videos in History.

    .venv/bin/python bench/ui_publish.py [--history 500] [--mb 20]

Starts the test suite's local services (tests/helpers/services.py: SeaweedFS for S3,
PostgreSQL + PostgREST + the Storage stand-in behind nginx; needs
scripts/test-deps/20-services.sh), points publishing at them through the ``VIDSTUDIO_*``
environment (tests/helpers/publish.py), adds ``--history`` rendered videos to a fresh
JobStore, opens the MainWindow on History, and publishes a ``--mb`` MB video with the
window's own publish action (``MainWindow.publish``).  Meanwhile a 10 ms precise QTimer on
the UI thread records the time between its ticks; a stall is a gap between two ticks (what
the user feels: the window does not paint or answer for that long).  Only high-level entry
points are used (JobStore, MainWindow, its publish queue's finished/failed signals), so the
same script measures the code before and after the publish refactor.

Prints the idle baseline (the same timer for one second before publishing), the gaps'
p50 / p95 / max during the publish, the number of publish progress reports, the upload time,
and, as its last line, ``max UI-thread stall: N ms``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from PySide6.QtCore import QElapsedTimer, QEventLoop, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from helpers import services  # noqa: E402
from helpers.publish import BUCKET, make_mp4, publish_env  # noqa: E402
from helpers.scripts import load_script  # noqa: E402

make_video = load_script("bench/publish.py").make_video  # a real H.264 MP4 of about a given size

PHOTO = REPO.parent / "shared" / "testdata" / "coffee.png"
TICK_MS = 10


def _wait(condition: Any, timeout: float) -> None:
    """Run the Qt event loop until ``condition()`` or ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"not done after {timeout:.0f} s")
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)


class Sampler:
    """A 10 ms timer on the UI thread; ``gaps`` are the milliseconds between its ticks."""

    def __init__(self) -> None:
        self.gaps: list[int] = []
        self.clock = QElapsedTimer()
        self.timer = QTimer()
        self.timer.setInterval(TICK_MS)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(lambda: self.gaps.append(self.clock.restart()))

    def __enter__(self) -> Sampler:
        self.clock.start()
        self.timer.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.timer.stop()


def _percentile(values: list[int], share: float) -> int:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def _add_rendered(store: Any, job_id: str, title: str, video: Path, poster: Path) -> Any:
    from vidstudio.jobs.store import Job, JobState

    store.add(
        Job(
            id=job_id,
            template="promo",
            aspect="16:9",
            quality="draft",
            props={"title": title, "subtitle": "Your private escape in Bali", "photo": str(PHOTO)},
            output_dir=str(video.parent),
        )
    )
    store.transition(job_id, JobState.RENDERING)
    return store.transition(
        job_id,
        JobState.RENDERED,
        output_path=str(video),
        poster_path=str(poster),
        width=640,
        height=360,
        duration=10.0,
        size_bytes=video.stat().st_size,
        wall_time=1.0,
        finished_at=time.time(),
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--history", type=int, default=500, help="rendered videos in History")
    parser.add_argument("--mb", type=float, default=20.0, help="size of the published video, MB")
    args = parser.parse_args()
    if not PHOTO.exists():
        print(f"test photo not found: {PHOTO}", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="ui-publish-bench-") as tmp_dir:
        tmp = Path(tmp_dir)
        os.environ["VIDSTUDIO_DATA_DIR"] = str(tmp / "data")
        s3 = services.SeaweedS3(tmp / "s3")
        stack = services.SupabaseStack(tmp / "supabase")
        try:
            s3.start()
            s3.client().create_bucket(Bucket=BUCKET)
            stack.start()
            os.environ.update(publish_env(s3, stack))
            return _run(tmp, args.history, int(args.mb * 1024 * 1024))
        finally:
            stack.stop()
            s3.stop()


def _run(tmp: Path, history: int, video_bytes: int) -> int:
    from PIL import Image

    from vidstudio.jobs.store import JobStore
    from vidstudio.settings import Settings
    from vidstudio.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(["bench"])
    big = make_video(tmp / "villa-20mb.mp4", video_bytes)
    small = make_mp4(tmp / "small.mp4")
    poster = tmp / "poster.jpg"
    Image.new("RGB", (480, 270), (200, 120, 40)).save(poster, "JPEG")
    store = JobStore()
    for index in range(history):
        _add_rendered(store, f"old{index:04d}", f"Villa {index}", small, poster)
    target = _add_rendered(store, "bench-publish", "Nismara Pool Villa", big, poster)

    window = MainWindow(store, Settings(), persist_settings=False)
    window.resize(1200, 780)
    window.show()
    window.tabs.setCurrentWidget(window.history)
    shown = len(window.store.history(limit=history + 1)) - 1  # besides the one published
    _wait(lambda: window.isVisible(), 10)
    with Sampler() as idle:  # the same timer with nothing happening: this machine's own noise
        quiet_until = time.monotonic() + 1.0
        _wait(lambda: time.monotonic() >= quiet_until, 10)

    ended: list[tuple[str, tuple[Any, ...]]] = []
    ticks: list[float] = []
    queue = window.publish_queue
    queue.finished.connect(lambda *a: ended.append(("published", a)))
    queue.failed.connect(lambda *a: ended.append(("failed", a)))
    queue.progress.connect(lambda *_a: ticks.append(time.perf_counter()))
    with Sampler() as busy:
        started = time.perf_counter()
        if not window.publish(target.id):
            print("the window did not start publishing (is publishing set up?)", file=sys.stderr)
            return 1
        _wait(lambda: bool(ended), 600)
        upload = time.perf_counter() - started
    window.close()
    store.close()
    del app

    outcome, details = ended[0]
    gaps = busy.gaps[1:]
    size_mb = video_bytes / 1024 / 1024
    print(f"UI-thread stalls while publishing {size_mb:.0f} MB with {shown} other videos in History")
    print(f"publish: {outcome} in {upload:.2f} s ({size_mb / upload:.1f} MB/s end to end)")
    if outcome != "published":
        print(f"publish failed: {details}", file=sys.stderr)
    print(f"publish progress reports: {len(ticks)}")
    print(f"idle timer gap (1 s before publishing): max {max(idle.gaps[1:])} ms")
    print(
        f"timer gaps ({TICK_MS} ms timer, {len(gaps)} ticks): p50 {statistics.median(gaps):.0f} ms, "
        f"p95 {_percentile(gaps, 0.95)} ms, max {max(gaps)} ms"
    )
    slow = sum(1 for gap in gaps if gap > 50)
    print(f"gaps over 50 ms: {slow}")
    print(f"max UI-thread stall: {max(gaps)} ms")
    return 0 if outcome == "published" else 1


if __name__ == "__main__":
    sys.exit(main())
