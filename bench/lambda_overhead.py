"""What the Lambda path itself costs, against the local Lambda endpoint of the tests.

Starts SeaweedFS (local S3) and the fake Remotion Lambda function
(tests/helpers/fake_lambda.py), renders the promo template through ``LambdaBackend`` a few
times and prints:

- time from Render to the first progress report, and to the first Lambda
  status shown in the progress panel (info + photo upload and proof + start);
- polling overhead: round-trip time of one ``status`` invoke, and the share of
  the render's wall time spent in status calls;
- the ratio of the whole Lambda-path wall time to the same render done directly
  by the native renderer at the fake function's size in this run (the baseline).

Usage: .venv/bin/python bench/lambda_overhead.py [--runs 3] [--poll 0.5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from PySide6.QtCore import QSize  # noqa: E402
from PySide6.QtGui import QGuiApplication  # noqa: E402

from helpers.fake_lambda import FakeLambda  # noqa: E402
from helpers.services import SeaweedS3  # noqa: E402
from vidstudio.cloud.lambda_client import LambdaSettings, RemotionLambda  # noqa: E402
from vidstudio.cloud.lambda_render import (  # noqa: E402
    LambdaRenderer,
    S3ImageHost,
    make_lambda_clients,
)
from vidstudio.render.backends import LambdaBackend, RenderRequest  # noqa: E402
from vidstudio.render.fonts import ensure_fonts  # noqa: E402
from vidstudio.render.pipeline import Progress, render_video  # noqa: E402
from vidstudio.render.props import Props  # noqa: E402
from vidstudio.render.template import get_template  # noqa: E402

PHOTO = REPO.parent / "shared" / "testdata" / "coffee.png"


class TimedRemotion(RemotionLambda):
    """Counts the time spent in status invokes."""

    status_times: list[float]

    def status(self, render):  # type: ignore[no-untyped-def]
        started = time.perf_counter()
        try:
            return super().status(render)
        finally:
            self.status_times.append(time.perf_counter() - started)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--poll", type=float, default=0.5, help="poll interval in seconds")
    args = parser.parse_args()
    if not PHOTO.exists():
        print(f"test photo not found: {PHOTO}", file=sys.stderr)
        return 1
    app = QGuiApplication(["bench"])
    ensure_fonts()
    template = get_template("promo")
    props = Props(title="Nismara Pool Villa", subtitle="Your private escape in Bali", photo=PHOTO)
    with tempfile.TemporaryDirectory(prefix="lambda-bench-") as tmp_dir:
        tmp = Path(tmp_dir)
        s3 = SeaweedS3(tmp / "s3")
        s3.start()
        try:
            s3.client().create_bucket(Bucket="photos")
            fake = FakeLambda(s3.client())
            try:
                baseline = render_video(
                    template, props, tmp / "baseline.mp4", quality="draft", size=QSize(640, 360)
                ).wall_time
                rows = []
                for run in range(args.runs):
                    lambda_client, s3_client = make_lambda_clients(
                        s3.session(), s3.region, lambda_endpoint=fake.url, s3_endpoint=s3.endpoint
                    )
                    remotion = TimedRemotion(
                        lambda_client,
                        LambdaSettings(
                            "remotion-render-4-0-527-mem2048mb-disk2048mb-120sec",
                            "us-east-1",
                            "https://example.invalid/sites/vidstudio/index.html",
                        ),
                    )
                    remotion.status_times = []
                    renderer = LambdaRenderer(
                        remotion,
                        s3_client,
                        S3ImageHost(s3_client, "photos"),
                        poll_interval=args.poll,
                    )
                    marks: dict[str, float] = {}
                    started = time.perf_counter()

                    def on_progress(
                        p: Progress, marks: dict[str, float] = marks, t0: float = started
                    ) -> None:
                        now = time.perf_counter() - t0
                        marks.setdefault("first", now)
                        if p.message.startswith("Lambda:"):
                            marks.setdefault("status", now)

                    request = RenderRequest(template, props, tmp / f"run{run}.mp4")
                    LambdaBackend(renderer).render(request, on_progress)
                    wall = time.perf_counter() - started
                    polls = remotion.status_times
                    rows.append(
                        (
                            marks["first"],
                            marks["status"],
                            statistics.median(polls),
                            sum(polls),
                            len(polls),
                            wall,
                        )
                    )
            finally:
                fake.close()
        finally:
            s3.stop()
    del app
    poll = f"{args.poll:g}"
    print(f"Lambda path overhead, promo 16:9, 300 frames, poll every {poll} s, {args.runs} runs")
    head = ("run", "first report", "first status", "status RTT", "polls", "in polls", "wall")
    print("{:>3} {:>13} {:>13} {:>11} {:>6} {:>9} {:>7}".format(*head))
    for i, (first, status, rtt, total, count, wall) in enumerate(rows):
        cells = (i, f"{first * 1000:.1f} ms", f"{status:.2f} s", f"{rtt * 1000:.1f} ms", count)
        share = f"{total / wall:.1%}"
        print("{:>3} {:>13} {:>13} {:>11} {:>6}".format(*cells), f"{share:>9} {wall:>6.2f}s")
    walls = [r[5] for r in rows]
    print(f"baseline: the same frames rendered directly (native, 640x360 draft): {baseline:.2f} s")
    print(f"ratio Lambda-path wall / direct render: {statistics.median(walls) / baseline:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
