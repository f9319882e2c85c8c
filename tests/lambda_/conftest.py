"""Fixtures of the Lambda tests: a real local S3 (SeaweedFS) and the fake Lambda function.

Kept under tests/lambda_/ on purpose (the publish branch brings its own S3 and
Supabase fixtures in tests/integration/; the lead can unify them).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from helpers.fake_lambda import FUNCTION, PHOTO_BUCKET, SERVE_URL, FakeLambda
from helpers.s3_server import LocalS3, start_seaweedfs, stop
from vidstudio.cloud.lambda_client import LambdaSettings, RemotionLambda, concurrency_cache
from vidstudio.cloud.lambda_render import LambdaRenderer, S3ImageHost, make_lambda_clients


@pytest.fixture(scope="session")
def local_s3(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalS3]:
    s3, proc = start_seaweedfs(tmp_path_factory.mktemp("seaweedfs"))
    try:
        s3.client().create_bucket(Bucket=PHOTO_BUCKET)
        yield s3
    finally:
        stop(proc)


@pytest.fixture
def s3_client(local_s3: LocalS3) -> Any:
    return local_s3.client()


@pytest.fixture
def fake_lambda(qapp: Any, s3_client: Any) -> Iterator[FakeLambda]:
    from vidstudio.render.fonts import ensure_fonts

    ensure_fonts()  # in the GUI thread, before the fake renders in its own
    concurrency_cache.clear()
    fake = FakeLambda(s3_client)
    try:
        yield fake
    finally:
        fake.close()
        concurrency_cache.clear()


@pytest.fixture
def make_renderer(fake_lambda: FakeLambda, local_s3: LocalS3) -> Any:
    def make(**overrides: Any) -> LambdaRenderer:
        lambda_client, s3_client = make_lambda_clients(
            local_s3.session(),
            local_s3.region,
            lambda_endpoint=fake_lambda.url,
            s3_endpoint=local_s3.endpoint,
            read_timeout=overrides.pop("read_timeout", 90.0),
        )
        settings = LambdaSettings(function_name=FUNCTION, region="us-east-1", serve_url=SERVE_URL)
        options: dict[str, Any] = {
            "poll_interval": 0.2,
            "stall_timeout": 20.0,
            "render_timeout": 120.0,
        }
        options.update(overrides)
        image_host = options.pop("image_host", None) or S3ImageHost(s3_client, PHOTO_BUCKET)
        return LambdaRenderer(RemotionLambda(lambda_client, settings), s3_client, image_host, **options)

    return make


@pytest.fixture
def photo(coffee: Path) -> Path:
    return coffee
