"""A Lambda render goes through the same publish step: one row, backend = lambda, its cost.

Real services (this folder's fixtures: SeaweedFS, PostgreSQL + PostgREST, the
Storage endpoint) and the fake Remotion Lambda function of tests/lambda_/, which
fetches the photo from Supabase Storage exactly as the proven URL says.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from helpers.fake_lambda import FUNCTION, FakeLambda, auto_backend
from helpers.props import villa_props
from vidstudio.cloud.factory import CloudClients
from vidstudio.cloud.lambda_client import LambdaSettings, RemotionLambda
from vidstudio.cloud.lambda_render import (
    LambdaRenderer,
    SupabaseImageHost,
    make_lambda_clients,
    prove_image_url,
)
from vidstudio.jobs.backends import BUSY_MESSAGE, LambdaBackend
from vidstudio.jobs.outbox import PublishOutbox
from vidstudio.jobs.publish import RetryPolicy, publish, request_for_video
from vidstudio.render.backends import RenderRequest
from vidstudio.render.props import Props
from vidstudio.render.template import get_template

pytestmark = pytest.mark.aws_lambda

FAST = RetryPolicy(max_attempts=2, base_seconds=0.1)


@pytest.fixture
def renderer(fake_lambda: FakeLambda, s3_server: Any, clients: CloudClients) -> LambdaRenderer:
    lambda_client, s3_client = make_lambda_clients(
        s3_server.session(), s3_server.region, lambda_endpoint=fake_lambda.url, s3_endpoint=s3_server.endpoint
    )
    settings = LambdaSettings(FUNCTION, "us-east-1", "https://example.invalid/sites/v/index.html")
    return LambdaRenderer(
        RemotionLambda(lambda_client, settings),
        s3_client,
        SupabaseImageHost(clients.supabase),
        poll_interval=0.2,
    )


def _props(photo: Path) -> Props:
    return villa_props(photo, cta="")


def test_the_photo_url_in_supabase_storage_is_proven(
    clients: CloudClients, coffee: Path, supabase_stack: Any
) -> None:
    url = SupabaseImageHost(clients.supabase).upload_image(coffee)
    prove_image_url(url, coffee.read_bytes())  # raises when it does not serve the photo
    assert any(key.startswith("lambda-sources/") for key in supabase_stack.storage.objects())


def test_lambda_render_publishes_one_row_with_backend_lambda_and_the_cost(
    renderer: LambdaRenderer,
    fake_lambda: FakeLambda,
    clients: CloudClients,
    outbox: PublishOutbox,
    supabase_stack: Any,
    coffee: Path,
    tmp_path: Path,
) -> None:
    request = RenderRequest(get_template("promo"), _props(coffee), tmp_path / "villa.mp4")
    result = LambdaBackend(renderer).render(request)
    assert result.backend == "lambda" and result.cost

    publish_request = replace(
        request_for_video(result.render.path, photo=coffee, title="Nismara Pool Villa"),
        **result.publish_fields(),
    )
    publish(publish_request, clients, outbox, policy=FAST)
    publish(publish_request, clients, outbox, policy=FAST)  # again: still one row

    rows = supabase_stack.rows()
    assert len(rows) == 1
    assert rows[0]["backend"] == "lambda"
    assert float(rows[0]["cost_estimate"]) == pytest.approx(result.cost, abs=1e-6)
    assert float(rows[0]["render_seconds"]) > 0


def test_auto_with_a_throttled_lambda_renders_locally_and_publishes_once(
    renderer: LambdaRenderer,
    fake_lambda: FakeLambda,
    clients: CloudClients,
    outbox: PublishOutbox,
    supabase_stack: Any,
    coffee: Path,
    tmp_path: Path,
) -> None:
    fake_lambda.faults.add("throttle_start")
    request = RenderRequest(get_template("promo"), _props(coffee), tmp_path / "villa.mp4")
    result = auto_backend(renderer).render(request)
    assert result.backend == "local" and result.fallback_reason == BUSY_MESSAGE

    publish_request = replace(
        request_for_video(result.render.path, photo=coffee, title="Nismara Pool Villa"),
        **result.publish_fields(),
    )
    publish(publish_request, clients, outbox, policy=FAST)
    rows = supabase_stack.rows()
    assert len(rows) == 1
    assert rows[0]["backend"] == "local" and rows[0]["cost_estimate"] is None
