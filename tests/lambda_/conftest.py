"""Fixtures of the Lambda tests; the local S3 and the fake Lambda function come from helpers/stack.py."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from helpers.fake_lambda import FUNCTION, PHOTO_BUCKET, SERVE_URL, FakeLambda
from helpers.services import SeaweedS3
from vidstudio.cloud.lambda_client import LambdaSettings, RemotionLambda
from vidstudio.cloud.lambda_render import LambdaRenderer, S3ImageHost, make_lambda_clients


@pytest.fixture
def s3_client(s3_server: SeaweedS3) -> Any:
    return s3_server.client()


@pytest.fixture
def make_renderer(fake_lambda: FakeLambda, s3_server: SeaweedS3) -> Any:
    def make(**overrides: Any) -> LambdaRenderer:
        lambda_client, s3_client = make_lambda_clients(
            s3_server.session(),
            s3_server.region,
            lambda_endpoint=fake_lambda.url,
            s3_endpoint=s3_server.endpoint,
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
