"""Lambda renders end to end against the fake function and a real local S3."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from helpers.fake_lambda import BUCKET, PHOTO_BUCKET, FakeLambda, auto_backend
from helpers.props import villa_props
from vidstudio.cloud.lambda_client import (
    REMOTION_VERSION,
    LambdaError,
    LambdaErrorKind,
    discover_functions,
)
from vidstudio.cloud.lambda_render import S3ImageHost
from vidstudio.jobs.backends import BUSY_MESSAGE, SLOW_MESSAGE, LambdaBackend, make_backend
from vidstudio.render.backends import RenderRequest
from vidstudio.render.errors import Cancelled, PropsError
from vidstudio.render.pipeline import CancelToken, Progress
from vidstudio.render.props import Props
from vidstudio.render.template import get_template

pytestmark = pytest.mark.aws_lambda


def _request(photo: Path, output: Path, template: str = "promo") -> RenderRequest:
    return RenderRequest(get_template(template), villa_props(photo), output)


def _s3_object(s3: Any, bucket: str, key: str) -> dict[str, Any] | None:
    try:
        head: dict[str, Any] = s3.head_object(Bucket=bucket, Key=key)
    except Exception:
        return None
    return head


def test_lambda_render_lands_in_s3_with_its_cost(
    fake_lambda: FakeLambda, make_renderer: Any, photo: Path, tmp_path: Path, s3_client: Any
) -> None:
    reports: list[Progress] = []
    output = tmp_path / "villa.mp4"
    result = LambdaBackend(make_renderer()).render(_request(photo, output), reports.append)

    assert result.backend == "lambda"
    assert result.cost is not None and result.cost > 0 and result.currency == "USD"
    head = _s3_object(s3_client, BUCKET, str(result.remote_key))
    assert head is not None and head["ContentLength"] == result.render.size_bytes
    assert output.read_bytes()[4:8] == b"ftyp"
    assert result.render.frames == 300 and result.render.width == 1920
    assert result.publish_fields()["backend"] == "lambda"
    # info first, one start, then status polls; sized to the account limit of 10.
    types = fake_lambda.types()
    assert types[0] == "info" and types.count("start") == 1 and types[-1] == "status"
    start = next(p for p in fake_lambda.invocations if p["type"] == "start")
    assert start["framesPerLambda"] == 34 and start["version"] == REMOTION_VERSION
    assert fake_lambda.max_renderers_seen + 1 <= fake_lambda.concurrency
    # The progress panel saw %, frames, Lambdas and the cost so far.
    messages = [r.message.text for r in reports if r.message and r.message.text.startswith("Lambda:")]
    assert messages and "Lambdas" in messages[-1] and "so far" in messages[-1]
    assert reports[-1].stage == "done"


def test_account_settings_are_read_once_for_several_renders(
    fake_lambda: FakeLambda, make_renderer: Any, photo: Path, tmp_path: Path
) -> None:
    renderer = make_renderer()
    renderer.remotion.account_concurrency()
    renderer.remotion.account_concurrency()
    make_renderer().remotion.account_concurrency()
    assert fake_lambda.account_settings_calls == 1


def test_a_small_account_limit_gives_bigger_chunks_never_rate_exceeded(
    fake_lambda: FakeLambda, make_renderer: Any, photo: Path, tmp_path: Path
) -> None:
    fake_lambda.concurrency = 3
    result = LambdaBackend(make_renderer()).render(_request(photo, tmp_path / "a.mp4"))
    start = next(p for p in fake_lambda.invocations if p["type"] == "start")
    assert start["framesPerLambda"] == 150
    assert result.backend == "lambda"


def test_auto_with_a_throttled_invoke_renders_locally(
    fake_lambda: FakeLambda, make_renderer: Any, photo: Path, tmp_path: Path
) -> None:
    fake_lambda.faults.add("throttle_start")
    reports: list[Progress] = []
    output = tmp_path / "villa.mp4"
    result = auto_backend(make_renderer()).render(_request(photo, output), reports.append)

    assert result.backend == "local"
    assert result.fallback_reason == BUSY_MESSAGE
    assert output.stat().st_size > 0
    assert BUSY_MESSAGE in [r.message for r in reports]
    assert all(r.message == BUSY_MESSAGE for r in reports if r.stage == "rendering")
    assert fake_lambda.types().count("start") >= 1
    assert not fake_lambda.renders  # no render ever ran on Lambda


def test_auto_with_the_fatal_concurrency_error_renders_locally(
    fake_lambda: FakeLambda, make_renderer: Any, photo: Path, tmp_path: Path
) -> None:
    fake_lambda.faults.add("fatal_concurrency")
    result = auto_backend(make_renderer()).render(_request(photo, tmp_path / "v.mp4"))
    assert result.backend == "local" and result.fallback_reason == BUSY_MESSAGE


def test_auto_when_lambda_stalls_renders_locally_and_cancels_the_remote_render(
    fake_lambda: FakeLambda, make_renderer: Any, photo: Path, tmp_path: Path, s3_client: Any
) -> None:
    fake_lambda.faults.add("stall")
    renderer = make_renderer(stall_timeout=1.0)
    result = auto_backend(renderer).render(_request(photo, tmp_path / "v.mp4"))
    assert result.backend == "local" and result.fallback_reason == SLOW_MESSAGE
    (render_id,) = fake_lambda.renders
    assert _s3_object(s3_client, BUCKET, f"renders/{render_id}/cancel.json") is not None


@pytest.mark.parametrize("policy", ["lambda", "auto"])
def test_a_version_mismatch_is_shown_naming_both_versions(
    fake_lambda: FakeLambda, make_renderer: Any, photo: Path, tmp_path: Path, policy: str
) -> None:
    fake_lambda.version = "4.0.500"
    output = tmp_path / "v.mp4"
    with pytest.raises(LambdaError) as info:
        make_backend(policy, lambda_renderer=make_renderer()).render(_request(photo, output))
    message = str(info.value)
    assert "4.0.500" in message and REMOTION_VERSION in message
    assert info.value.kind == "version_mismatch"
    assert fake_lambda.types() == ["info"]
    assert not output.exists()


def test_a_version_mismatch_on_start_is_also_caught(
    fake_lambda: FakeLambda, make_renderer: Any, photo: Path, tmp_path: Path
) -> None:
    renderer = make_renderer()
    renderer.remotion.check_version()
    fake_lambda.version = "4.0.500"  # redeployed between info and start
    with pytest.raises(LambdaError) as info:
        auto_backend(renderer).render(_request(photo, tmp_path / "v.mp4"))
    assert info.value.kind == "version_mismatch"


def test_access_denied_is_shown_not_fallen_back_from(
    fake_lambda: FakeLambda, make_renderer: Any, photo: Path, tmp_path: Path
) -> None:
    fake_lambda.faults.add("access_denied")
    with pytest.raises(LambdaError) as info:
        auto_backend(make_renderer()).render(_request(photo, tmp_path / "v.mp4"))
    assert info.value.kind == "access_denied"
    assert "denied" in str(info.value)


class _WrongUrlHost:
    """Uploads the photo but hands back a URL that does not serve it (the original failure)."""

    def __init__(self, s3: Any, mode: str) -> None:
        self.real = S3ImageHost(s3, PHOTO_BUCKET)
        self.s3 = s3
        self.mode = mode

    def upload_image(self, path: Path) -> str:
        url = self.real.upload_image(path)
        if self.mode == "missing":
            return url.replace("/photos/", "/photos/missing-")
        if self.mode == "not-image":
            key = "sources/page.html"
            self.s3.put_object(Bucket=PHOTO_BUCKET, Key=key, Body=b"<html>", ContentType="text/html")
            url_html: str = self.s3.generate_presigned_url(
                "get_object", Params={"Bucket": PHOTO_BUCKET, "Key": key}, ExpiresIn=600
            )
            return url_html
        other = "sources/other.png"
        self.s3.put_object(Bucket=PHOTO_BUCKET, Key=other, Body=b"\x89PNG other", ContentType="image/png")
        url_other: str = self.s3.generate_presigned_url(
            "get_object", Params={"Bucket": PHOTO_BUCKET, "Key": other}, ExpiresIn=600
        )
        return url_other


@pytest.mark.parametrize("mode", ["missing", "not-image", "other-bytes"])
def test_a_photo_url_that_does_not_serve_the_photo_never_invokes_a_render(
    fake_lambda: FakeLambda,
    make_renderer: Any,
    photo: Path,
    tmp_path: Path,
    s3_client: Any,
    mode: str,
) -> None:
    renderer = make_renderer(image_host=_WrongUrlHost(s3_client, mode))
    with pytest.raises(LambdaError) as info:
        auto_backend(renderer).render(_request(photo, tmp_path / "v.mp4"))
    assert info.value.kind == "image_url"
    assert "not started" in str(info.value)
    assert "start" not in fake_lambda.types()


def test_the_photo_url_is_proven_before_start(
    fake_lambda: FakeLambda, make_renderer: Any, photo: Path, s3_client: Any
) -> None:
    url = make_renderer().upload_photo(photo)
    assert url.startswith("http://127.0.0.1:")


def test_cancel_stops_the_lambda_render(
    fake_lambda: FakeLambda, make_renderer: Any, photo: Path, tmp_path: Path, s3_client: Any
) -> None:
    cancel = CancelToken()
    output = tmp_path / "v.mp4"

    def on_progress(p: Progress) -> None:
        if p.stage == "rendering":
            cancel.cancel()

    with pytest.raises(Cancelled):
        LambdaBackend(make_renderer()).render(_request(photo, output), on_progress, cancel)
    assert not output.exists()
    (render_id,) = fake_lambda.renders
    assert _s3_object(s3_client, BUCKET, f"renders/{render_id}/cancel.json") is not None


def test_test_connection_reports_the_version(fake_lambda: FakeLambda, make_renderer: Any) -> None:
    assert make_renderer().test_connection() == REMOTION_VERSION
    fake_lambda.version = "4.0.400"
    with pytest.raises(LambdaError) as info:
        make_renderer().test_connection()
    assert info.value.kind is LambdaErrorKind.VERSION_MISMATCH
    assert "4.0.400" in str(info.value) and REMOTION_VERSION in str(info.value)


@pytest.mark.parametrize("policy", ["lambda", "auto"])
def test_bad_props_are_shown_before_anything_is_invoked(
    fake_lambda: FakeLambda, make_renderer: Any, photo: Path, tmp_path: Path, policy: str
) -> None:
    props = Props(title="   ", photo=photo)
    request = RenderRequest(get_template("promo"), props, tmp_path / "v.mp4")
    backend = make_backend(policy, lambda_renderer=make_renderer())
    problem = backend.prepare(request)
    assert problem is not None and problem.text == "The title is empty; type a title."
    with pytest.raises(PropsError):
        backend.render(request)
    assert fake_lambda.invocations == []


def test_functions_are_discovered_by_region_ours_first(fake_lambda: FakeLambda, make_renderer: Any) -> None:
    fake_lambda.other_functions = [
        "remotion-render-4-0-500-mem3008mb-disk2048mb-240sec",
        "invoice-mailer",
    ]
    found = discover_functions(make_renderer().remotion._client)
    assert found == [
        ("remotion-render-4-0-527-mem2048mb-disk2048mb-120sec", REMOTION_VERSION),
        ("remotion-render-4-0-500-mem3008mb-disk2048mb-240sec", "4.0.500"),
    ]


def test_auto_when_lambda_does_not_answer_renders_locally(
    fake_lambda: FakeLambda, make_renderer: Any, photo: Path, tmp_path: Path
) -> None:
    fake_lambda.faults.add("hang")
    fake_lambda.hang_seconds = 2.5
    renderer = make_renderer(read_timeout=1.0)
    result = auto_backend(renderer).render(_request(photo, tmp_path / "v.mp4"))
    assert result.backend == "local" and result.fallback_reason == SLOW_MESSAGE
    assert "start" not in fake_lambda.types()
