"""Session fixtures: real SeaweedFS (S3), PostgreSQL + PostgREST + nginx and a Storage endpoint.

Every test in this folder is marked ``services``.  The servers start once per
session on free 127.0.0.1 ports and are stopped at the end even when tests
fail (fixture finalisers, plus an atexit hook in services.py).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from helpers import publish as publish_helpers
from helpers import services
from helpers.publish import BUCKET, build_clients, make_mp4
from vidstudio.cloud.factory import CloudClients
from vidstudio.cloud.settings import PublishSettings, S3Settings, Secrets, SupabaseSettings
from vidstudio.jobs.outbox import PublishOutbox

HERE = Path(__file__).resolve().parent


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


@pytest.fixture(autouse=True)
def _close_clients() -> Iterator[None]:
    yield
    while publish_helpers.built:
        publish_helpers.built.pop().close()


@pytest.fixture
def clients(publish_settings: PublishSettings, secrets: Secrets, clean_services: None) -> CloudClients:
    return build_clients(publish_settings, secrets)


@pytest.fixture
def outbox(tmp_path: Path) -> PublishOutbox:
    return PublishOutbox(tmp_path / "vidstudio.db")


@pytest.fixture(scope="session")
def sample_video(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_mp4(tmp_path_factory.mktemp("video") / "render.mp4")


@pytest.fixture
def vidstudio_logs(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    caplog.set_level(logging.DEBUG, logger="vidstudio")
    return caplog
