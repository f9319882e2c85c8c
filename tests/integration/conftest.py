"""Session fixtures: real SeaweedFS (S3), PostgreSQL + PostgREST + nginx and a Storage endpoint.

Every test in this folder is marked ``services``.  The servers start once per
session on free 127.0.0.1 ports and are stopped at the end even when tests
fail (fixture finalisers, plus an atexit hook in services.py).
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterator
from fractions import Fraction
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import services

from vidstudio.cloud.factory import CloudClients, make_s3_client, make_supabase_client
from vidstudio.cloud.s3 import S3Storage
from vidstudio.cloud.settings import PublishSettings, S3Settings, Secrets, SupabaseSettings
from vidstudio.cloud.supabase_store import SupabaseStore
from vidstudio.jobs.outbox import PublishOutbox

HERE = Path(__file__).resolve().parent
BUCKET = "vidstudio-test"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if HERE in Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.services)


@pytest.fixture(scope="session")
def s3_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[services.SeaweedS3]:
    server = services.SeaweedS3(tmp_path_factory.mktemp("seaweedfs"))
    try:
        server.start()
        server.client().create_bucket(Bucket=BUCKET)
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def supabase_stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[services.SupabaseStack]:
    stack = services.SupabaseStack(tmp_path_factory.mktemp("supabase"))
    try:
        stack.start()
        yield stack
    finally:
        stack.stop()


@pytest.fixture
def clean_services(s3_server: services.SeaweedS3, supabase_stack: services.SupabaseStack) -> None:
    """Each test starts with an empty table, Storage bucket and S3 bucket."""
    supabase_stack.truncate()
    client = s3_server.client()
    for page in client.get_paginator("list_objects_v2").paginate(Bucket=BUCKET):
        for obj in page.get("Contents", []):
            client.delete_object(Bucket=BUCKET, Key=obj["Key"])


@pytest.fixture
def publish_settings(
    s3_server: services.SeaweedS3, supabase_stack: services.SupabaseStack
) -> PublishSettings:
    return PublishSettings(
        s3=S3Settings(
            bucket=BUCKET,
            region="us-east-1",
            endpoint_url=s3_server.endpoint,
            auth="keys",
            link_mode="presigned",
            link_hours=1,
        ),
        supabase=SupabaseSettings(url=supabase_stack.url),
        retry_base_seconds=0.2,
    )


@pytest.fixture
def secrets(s3_server: services.SeaweedS3, supabase_stack: services.SupabaseStack) -> Secrets:
    return Secrets(
        aws_access_key_id=s3_server.writer.access_key,
        aws_secret_access_key=s3_server.writer.secret_key,
        supabase_key=supabase_stack.service_key,
    )


_built: list[CloudClients] = []


@pytest.fixture(autouse=True)
def _close_clients() -> Iterator[None]:
    yield
    while _built:
        _built.pop().close()


def build_clients(
    settings: PublishSettings, secrets: Secrets, *, s3_attempts: int = 2
) -> CloudClients:
    """Clients as the app's factory makes them, with fewer low-level retries (tests run fast).

    Closed after the test.
    """
    s3 = S3Storage(
        make_s3_client(
            settings.s3, secrets, max_attempts=s3_attempts, connect_timeout=2, read_timeout=10
        ),
        settings.s3,
    )
    sb = settings.supabase
    store = SupabaseStore(
        make_supabase_client(sb, secrets, timeout=10), sb.url, sb.bucket, sb.table
    )
    made = CloudClients(s3, store, secrets)
    _built.append(made)
    return made


@pytest.fixture
def clients(
    publish_settings: PublishSettings, secrets: Secrets, clean_services: None
) -> CloudClients:
    return build_clients(publish_settings, secrets)


@pytest.fixture
def outbox(tmp_path: Path) -> PublishOutbox:
    return PublishOutbox(tmp_path / "vidstudio.db")


def make_mp4(
    path: Path, frames: int = 30, size: tuple[int, int] = (320, 180), fps: int = 30
) -> Path:
    """A real H.264 MP4 (moving colour bars) made with PyAV."""
    import av
    import numpy as np

    width, height = size
    with av.open(str(path), "w", options={"movflags": "+faststart"}) as container:
        stream = container.add_stream("libx264", rate=fps)
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        stream.time_base = Fraction(1, fps)
        x = np.arange(width, dtype=np.uint16)
        for index in range(frames):
            rgb = np.zeros((height, width, 3), dtype=np.uint8)
            rgb[..., 0] = ((x + index * 8) % 256).astype(np.uint8)
            rgb[..., 1] = (index * 255 // max(1, frames - 1)) % 256
            rgb[..., 2] = 128
            frame = av.VideoFrame.from_ndarray(rgb, format="rgb24")
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)
    return path


@pytest.fixture(scope="session")
def sample_video(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_mp4(tmp_path_factory.mktemp("video") / "render.mp4")


@pytest.fixture
def vidstudio_logs(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    caplog.set_level(logging.DEBUG, logger="vidstudio")
    return caplog


def assert_no_secret(texts: list[str], secrets: list[str]) -> None:
    for text in texts:
        for secret in secrets:
            assert secret not in text, "a secret leaked into a message"
            for piece in secret.split("."):
                if len(piece) >= 12:
                    assert piece not in text, "part of a key leaked into a message"


def env_for_subprocess(
    settings: PublishSettings, secrets: Secrets, data_dir: Path
) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            "VIDSTUDIO_DATA_DIR": str(data_dir),
            "VIDSTUDIO_S3_BUCKET": settings.s3.bucket,
            "VIDSTUDIO_S3_REGION": settings.s3.region,
            "VIDSTUDIO_S3_ENDPOINT_URL": settings.s3.endpoint_url,
            "VIDSTUDIO_S3_AUTH": "keys",
            "VIDSTUDIO_S3_LINK_MODE": settings.s3.link_mode,
            "VIDSTUDIO_SUPABASE_URL": settings.supabase.url,
            "VIDSTUDIO_AWS_ACCESS_KEY_ID": secrets.aws_access_key_id,
            "VIDSTUDIO_AWS_SECRET_ACCESS_KEY": secrets.aws_secret_access_key,
            "VIDSTUDIO_SUPABASE_KEY": secrets.supabase_key,
            "QT_QPA_PLATFORM": "offscreen",
        }
    )
    return env
