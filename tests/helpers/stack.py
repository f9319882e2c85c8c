"""The one local service stack of a test session (a pytest plugin, see tests/conftest.py).

``s3_server`` (SeaweedFS) serves the publish tests (tests/integration, marker ``services``)
and the Lambda tests (tests/lambda_, marker ``aws_lambda``) alike; ``supabase_stack``
(PostgreSQL + PostgREST + the Storage endpoint behind nginx) the publish tests;
``fake_lambda`` (the local Remotion Lambda function, rendering into that S3) both.  Each starts
the first time a test asks for it, once per session, and stops at the end of the session
even when tests fail; the servers are tied to the test process (helpers/services.py:
process groups, a parent-death signal and an atexit hook), so a killed run leaves none behind.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from helpers import services
from helpers.fake_lambda import PHOTO_BUCKET, FakeLambda
from helpers.publish import BUCKET


@pytest.fixture(scope="session")
def s3_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[services.SeaweedS3]:
    """SeaweedFS with the publish tests' bucket and the Lambda tests' photo bucket."""
    server = services.SeaweedS3(tmp_path_factory.mktemp("seaweedfs"))
    try:
        server.start()
        client = server.client()
        for bucket in (BUCKET, PHOTO_BUCKET):
            client.create_bucket(Bucket=bucket)
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
def fake_lambda(qapp: Any, s3_server: services.SeaweedS3) -> Iterator[FakeLambda]:
    from vidstudio.cloud.lambda_client import concurrency_cache
    from vidstudio.render.fonts import ensure_fonts

    ensure_fonts()  # in the GUI thread, before the fake renders in its own
    concurrency_cache.clear()
    fake = FakeLambda(s3_server.client())
    try:
        yield fake
    finally:
        fake.close()
        concurrency_cache.clear()
