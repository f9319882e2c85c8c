"""How long the window's UI thread stalls while it publishes a 20 MB video, with 500 videos in History.

    .venv/bin/python bench/ui_publish.py [--history 500] [--mb 20] [--publishes 2]

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
p50 / p95 / max during the publish, the number of publish progress updates the UI thread
handled (the queue's ``progress`` signal, or the window's board ``changed`` where there is
one), the upload time, and, as its last line, ``max UI-thread stall: N ms``.
"""

from __future__ import annotations

import argparse
import faulthandler
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
from helpers.props import stored_job  # noqa: E402
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
        self.ends: list[float] = []  # perf_counter() at the end of each gap
        self.clock = QElapsedTimer()
        self.timer = QTimer()
        self.timer.setInterval(TICK_MS)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        self.gaps.append(self.clock.restart())
        self.ends.append(time.perf_counter())

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
    return stored_job(
        store,
        PHOTO,
        id=job_id,
        title=title,
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
    parser.add_argument(
        "--publishes",
        type=int,
        default=2,
        help="videos published one after the other (the first loads the cloud libraries)",
    )
    args = parser.parse_args()
    # A run that hangs (once seen while the services started) prints where and ends.
    faulthandler.dump_traceback_later(900, exit=True)
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
            return _run(tmp, args.history, int(args.mb * 1024 * 1024), args.publishes)
        finally:
            stack.stop()
            s3.stop()


def _run(tmp: Path, history: int, video_bytes: int, publishes: int = 1) -> int:
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
    targets = [
        _add_rendered(store, f"bench-publish-{n}", "Nismara Pool Villa", big, poster)
        for n in range(publishes)
    ]

    window = MainWindow(store, Settings(), persist_settings=False)
    window.resize(1200, 780)
    window.show()
    window.tabs.setCurrentWidget(window.history)
    shown = len(window.store.history(limit=history + publishes)) - publishes  # besides those published
    _wait(lambda: window.isVisible(), 10)
    with Sampler() as idle:  # the same timer with nothing happening: this machine's own noise
        quiet_until = time.monotonic() + 1.0
        _wait(lambda: time.monotonic() >= quiet_until, 10)

    ended: list[tuple[str, tuple[Any, ...]]] = []
    ticks: list[float] = []
    queue = window.publish_queue
    queue.finished.connect(lambda *a: ended.append(("published", a)))
    queue.failed.connect(lambda *a: ended.append(("failed", a)))
    # What reaches the UI thread per progress step: the queue's progress signal before the
    # publish refactor, the in-memory board's (throttled) changes after it.
    updates = getattr(queue, "progress", None) or getattr(getattr(window, "board", None), "changed", None)
    if updates is not None:
        updates.connect(lambda *_a: ticks.append(time.perf_counter()))
    runs: list[tuple[Sampler, float, float, int]] = []  # sampler, start, upload seconds, updates
    for target in targets:
        before, count = len(ended), len(ticks)
        with Sampler() as busy:
            started = time.perf_counter()
            if not window.publish(target.id):
                print("the window did not start publishing (is publishing set up?)", file=sys.stderr)
                return 1
            _wait(lambda before=before: len(ended) > before, 600)
            runs.append((busy, started, time.perf_counter() - started, len(ticks) - count))
    window.close()
    store.close()
    del app

    size_mb = video_bytes / 1024 / 1024
    print(f"UI-thread stalls while publishing {size_mb:.0f} MB with {shown} other videos in History")
    print(f"idle timer gap (1 s before publishing): max {max(idle.gaps[1:])} ms")
    worst = 0
    for number, ((outcome, details), (busy, started, upload, count)) in enumerate(
        zip(ended, runs, strict=True), 1
    ):
        gaps = busy.gaps[1:]
        worst = max(worst, max(gaps))
        first = " (the first: the cloud libraries load)" if number == 1 and len(runs) > 1 else ""
        print(
            f"publish {number}{first}: {outcome} in {upload:.2f} s ({size_mb / upload:.1f} MB/s end to end)"
        )
        if outcome != "published":
            print(f"publish failed: {details}", file=sys.stderr)
        print(f"  progress updates reaching the UI thread: {count if updates is not None else 'n/a'}")
        print(
            f"  timer gaps ({TICK_MS} ms timer, {len(gaps)} ticks): p50 {statistics.median(gaps):.0f} ms, "
            f"p95 {_percentile(gaps, 0.95)} ms, max {max(gaps)} ms"
        )
        slow = [
            f"{gap} ms ending at +{end - started:.2f} s"
            for gap, end in zip(busy.gaps[1:], busy.ends[1:], strict=True)
            if gap > 50
        ]
        print(f"  gaps over 50 ms: {len(slow)}" + (f" ({', '.join(slow)})" if slow else ""))
    print(f"max UI-thread stall: {worst} ms")
    return 0 if all(outcome == "published" for outcome, _ in ended) else 1


if __name__ == "__main__":
    sys.exit(main())
