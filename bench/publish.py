"""Publish benchmark against real local services (SeaweedFS S3, PostgreSQL + PostgREST + nginx).

    .venv/bin/python bench/publish.py [--runs 5] [--skip-render]

1. Upload throughput: a 20 MB MP4 uploaded by the app's S3 step (multipart,
   progress callback, ETag integrity check, HEAD verify) against a plain boto3
   ``upload_file`` of the same file, alternating, in the same run.  Target: ratio >= 0.9.
2. Rendered -> published: a 300-frame 1080p video rendered by the local
   pipeline, then the time from "rendered" to "published" (poster still,
   video to S3, photo and poster to Storage, the row).

Needs scripts/test-deps/20-services.sh to have run.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import statistics
import sys
import tempfile
import time
from fractions import Fraction
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
BUCKET = "bench"
MB = 1024 * 1024


def _services() -> object:
    spec = importlib.util.spec_from_file_location("services", REPO / "tests" / "helpers" / "services.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["services"] = module
    spec.loader.exec_module(module)
    return module


def make_video(path: Path, target_bytes: int) -> Path:
    """A real H.264 MP4 of about ``target_bytes`` (noise, lossless, so it is big)."""
    import av
    import numpy as np

    rng = np.random.default_rng(7)
    with av.open(str(path), "w", options={"movflags": "+faststart"}) as container:
        stream = container.add_stream("libx264", rate=30, options={"qp": "0", "preset": "ultrafast"})
        stream.width, stream.height, stream.pix_fmt = 640, 360, "yuv420p"
        stream.time_base = Fraction(1, 30)
        written = 0
        index = 0
        while written < target_bytes:
            frame = av.VideoFrame.from_ndarray(
                rng.integers(0, 256, (360, 640, 3), dtype=np.uint8), format="rgb24"
            )
            for packet in stream.encode(frame):
                written += packet.size
                container.mux(packet)
            index += 1
        for packet in stream.encode():
            container.mux(packet)
    return path


def bench_upload(services: object, root: Path, runs: int) -> tuple[float, float]:
    from vidstudio.cloud.factory import make_s3_client
    from vidstudio.cloud.s3 import S3Storage
    from vidstudio.secrets import Secrets
    from vidstudio.settings import S3Settings

    s3 = services.SeaweedS3(root / "s3")  # type: ignore[attr-defined]
    s3.start()
    try:
        s3.client().create_bucket(Bucket=BUCKET)
        video = make_video(root / "twenty.mp4", 20 * MB)
        size = video.stat().st_size
        settings = S3Settings(bucket=BUCKET, region="us-east-1", endpoint_url=s3.endpoint, auth="keys")
        secrets = Secrets(s3.writer.access_key, s3.writer.secret_key)
        ours = S3Storage(make_s3_client(settings, secrets), settings)
        plain = s3.client(s3.writer)
        seen: list[int] = []  # the progress callback does its work in both runs of ours
        ours.upload_video(video, "warmup/ours.mp4")
        plain.upload_file(str(video), BUCKET, "warmup/plain.mp4")
        ours_times: list[float] = []
        plain_times: list[float] = []

        def run_plain(run: int) -> None:
            start = time.perf_counter()
            plain.upload_file(str(video), BUCKET, f"plain/{run}.mp4", ExtraArgs={"ContentType": "video/mp4"})
            plain_times.append(time.perf_counter() - start)

        def run_ours(run: int) -> None:
            start = time.perf_counter()
            ours.upload_video(video, f"ours/{run}.mp4", progress=lambda sent, total: seen.append(sent))
            ours_times.append(time.perf_counter() - start)

        for run in range(runs):  # alternate which goes first, so neither gets the warmer server
            for step in (run_plain, run_ours) if run % 2 == 0 else (run_ours, run_plain):
                step(run)
        ours.close()
        mbps_ours = size / MB / statistics.median(ours_times)
        mbps_plain = size / MB / statistics.median(plain_times)
        print(f"video: {size / MB:.1f} MB, {runs} runs each, alternating (median)")
        print(
            f"  plain boto3 upload_file: {statistics.median(plain_times):.3f} s  "
            f"{mbps_plain:7.1f} MB/s  runs {_fmt(plain_times)}"
        )
        print(
            f"  vidstudio S3 step:       {statistics.median(ours_times):.3f} s  "
            f"{mbps_ours:7.1f} MB/s  runs {_fmt(ours_times)}"
        )
        print(
            f"  ratio (vidstudio / plain): {mbps_ours / mbps_plain:.2f}  "
            "(target >= 0.90; includes ETag check + HEAD verify)"
        )
        return mbps_ours, mbps_plain
    finally:
        s3.stop()


def _fmt(values: list[float]) -> str:
    return " ".join(f"{v:.3f}" for v in values)


def bench_rendered_to_published(services: object, root: Path, photo: Path) -> None:
    from PySide6.QtGui import QGuiApplication

    from vidstudio.cloud.factory import make_clients
    from vidstudio.jobs.outbox import PublishOutbox, PublishRequest
    from vidstudio.jobs.publish import publish
    from vidstudio.render.pipeline import render_still, render_video
    from vidstudio.render.props import Props
    from vidstudio.render.template import get_template
    from vidstudio.secrets import Secrets
    from vidstudio.settings import PublishSettings, S3Settings, SupabaseSettings

    app = QGuiApplication.instance() or QGuiApplication(["bench"])
    s3 = services.SeaweedS3(root / "s3b")  # type: ignore[attr-defined]
    stack = services.SupabaseStack(root / "sb")  # type: ignore[attr-defined]
    try:
        s3.start()
        s3.client().create_bucket(Bucket=BUCKET)
        stack.start()
        settings = PublishSettings(
            s3=S3Settings(bucket=BUCKET, region="us-east-1", endpoint_url=s3.endpoint, auth="keys"),
            supabase=SupabaseSettings(url=stack.url),
        )
        clients = make_clients(
            settings, Secrets(s3.writer.access_key, s3.writer.secret_key, stack.service_key)
        )
        template = get_template("promo")
        props = Props(
            title="Nismara Pool Villa",
            subtitle="Your private escape in Bali",
            photo=photo,
            logo=None,
            cta="",
            end_card=True,
        )
        out = root / "villa.mp4"
        result = render_video(template, props, out, aspect="16:9", quality="standard")
        rendered = time.perf_counter()
        poster = render_still(template, props, root / "poster.jpg", aspect="16:9")
        request = PublishRequest(
            render_id="bench-300",
            video=str(out),
            photo=str(photo),
            poster=str(poster),
            title=props.title,
            subtitle=props.subtitle,
            template=template.id,
            aspect="16:9",
            width=result.width,
            height=result.height,
            fps=result.fps,
            duration_seconds=result.duration,
            size_bytes=result.size_bytes,
            rendered_at=time.time(),
            render_seconds=result.wall_time,
        )
        published = publish(request, clients, PublishOutbox(root / "bench.db"))
        done = time.perf_counter()
        clients.close()
        print(
            f"300-frame 1080p video ({result.size_bytes / MB:.1f} MB) rendered in "
            f"{result.wall_time:.2f} s; rendered -> published {done - rendered:.2f} s "
            f"(poster, S3, Storage x2, row {published.row_id})"
        )
    finally:
        stack.stop()
        s3.stop()
        del app


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--skip-render", action="store_true")
    args = parser.parse_args()
    services = _services()
    with tempfile.TemporaryDirectory(prefix="vidstudio-bench-") as tmp:
        root = Path(tmp)
        bench_upload(services, root, args.runs)
        if not args.skip_render:
            bench_rendered_to_published(services, root, REPO.parent / "shared" / "testdata" / "coffee.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
