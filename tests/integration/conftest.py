"""Fixtures of the publish tests on the session's local services (helpers/stack.py).

Every test in this folder is marked ``services``.  ``s3_server`` and ``supabase_stack``
come from the suite-wide plugin helpers/stack.py (one SeaweedFS per session, shared
with the Lambda tests); here: clean state per test, settings, keys and clients.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from helpers import publish as publish_helpers
from helpers import services
from helpers.publish import BUCKET, build_clients, local_publish_settings, make_mp4
from vidstudio.cloud.factory import CloudClients
from vidstudio.jobs.outbox import PublishOutbox
from vidstudio.secrets import Secrets
from vidstudio.settings import PublishSettings

HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if HERE in Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.services)


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
    return local_publish_settings(s3_server, supabase_stack, retry_base_seconds=0.2)


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
