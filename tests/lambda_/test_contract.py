"""Our Lambda payloads are the ones Remotion's own SDK (remotion-lambda, same version) sends."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from remotion_lambda import RemotionClient
from remotion_lambda.models import Privacy, RenderMediaParams
from remotion_lambda.version import VERSION as SDK_VERSION

from vidstudio.cloud.lambda_client import MAX_INLINE_PROPS, REMOTION_VERSION, LambdaSettings, RemotionLambda

REPO = Path(__file__).resolve().parents[2]
SERVE_URL = "https://remotionlambda-useast1-abc.s3.us-east-1.amazonaws.com/sites/vidstudio/index.html"
FUNCTION = "remotion-render-4-0-527-mem2048mb-disk2048mb-120sec"
PROPS: dict[str, Any] = {
    "title": "Nismara Pool Villa ✨ «Bali»",
    "subtitle": "Tu escape privado {con llaves}",
    "scene": {"layers": [{"box": [0.1, 0.2, 0.3, 0.4]}], "text": {"3": {"lines": []}}},
}


def _ours(**settings: Any) -> RemotionLambda:
    base = {"function_name": FUNCTION, "region": "us-east-1", "serve_url": SERVE_URL + "/"}
    base.update(settings)
    return RemotionLambda(object(), LambdaSettings(**base))


def _sdk() -> RemotionClient:
    return RemotionClient(region="us-east-1", serve_url=SERVE_URL, function_name=FUNCTION)


def test_the_sdk_and_remotion_project_have_our_version() -> None:
    assert SDK_VERSION == REMOTION_VERSION
    package = json.loads((REPO / "remotion" / "package.json").read_text(encoding="utf-8"))
    pins = {
        name: version
        for name, version in package["dependencies"].items()
        if name == "remotion" or name.startswith("@remotion/")
    }
    assert pins and set(pins.values()) == {REMOTION_VERSION}
    lock = json.loads((REPO / "remotion" / "package-lock.json").read_text(encoding="utf-8"))
    locked = {
        path.removeprefix("node_modules/"): entry["version"]
        for path, entry in lock["packages"].items()
        if path.startswith("node_modules/remotion") or path.startswith("node_modules/@remotion/")
    }
    assert locked and set(locked.values()) == {REMOTION_VERSION}, locked


@pytest.mark.parametrize(
    ("privacy", "fpl", "out_name", "bucket"),
    [
        ("public", 34, None, None),
        ("private", 4, "nismara-pool-villa.mp4", "remotionlambda-useast1-abc"),
        ("no-acl", 300, "x.mp4", None),
    ],
)
def test_start_payload_is_what_the_sdk_serialises(
    privacy: str, fpl: int, out_name: str | None, bucket: str | None
) -> None:
    ours = _ours(privacy=privacy, bucket_name=bucket).start_payload(
        composition="promo", input_props=PROPS, frames_per_lambda=fpl, out_name=out_name
    )
    params = RenderMediaParams(
        composition="promo",
        input_props=PROPS,
        frames_per_lambda=fpl,
        out_name=out_name,
        bucket_name=bucket,
        privacy=Privacy(privacy),
        enable_cancellation=True,
    )
    sdk = json.loads(_sdk().construct_render_request(params, render_type="video-or-audio"))
    assert json.loads(json.dumps(ours)) == sdk
    assert sdk["inputProps"]["type"] == "payload"
    assert json.loads(sdk["inputProps"]["payload"]) == PROPS


def test_status_payload_is_what_the_sdk_serialises() -> None:
    ours = _ours().status_payload("abc123", "remotionlambda-useast1-abc")
    request = _sdk().construct_render_progress_request("abc123", "remotionlambda-useast1-abc")
    sdk = json.loads(request)
    assert ours == sdk


def test_info_payload_is_what_the_js_client_sends() -> None:
    # @remotion/lambda-client getFunctionInfo(): {logLevel, type: 'info'}, no version.
    assert _ours().info_payload() == {"logLevel": "info", "type": "info"}


def test_large_props_go_by_bucket_url_as_the_sdk_sends_them(monkeypatch: pytest.MonkeyPatch) -> None:
    """Over 193 976 bytes (the SDK's 200 000 less its margins) the props go to the bucket first."""
    big = {**PROPS, "media": [{"backdrop": "data:image/png;base64," + "A" * 7000, "i": i} for i in range(28)]}
    small = {**PROPS, "media": [{"i": i} for i in range(28)]}
    stored: list[tuple[str, str]] = []

    def store(key: str, body: str) -> str:
        stored.append((key, body))
        return "remotionlambda-useast1-abc"

    sdk_stored: list[tuple[str, str, str]] = []
    monkeypatch.setattr(RemotionClient, "_get_or_create_bucket", lambda self: "remotionlambda-useast1-abc")
    monkeypatch.setattr(
        RemotionClient,
        "_upload_to_s3",
        lambda self, bucket, key, body: sdk_stored.append((bucket, key, body)),
    )
    for props, inline in ((small, True), (big, False)):
        ours = _ours().start_payload(
            composition="tour", input_props=props, frames_per_lambda=34, store_props=store
        )
        params = RenderMediaParams(
            composition="tour", input_props=props, frames_per_lambda=34, enable_cancellation=True
        )
        sdk = json.loads(_sdk().construct_render_request(params, render_type="video-or-audio"))
        assert json.loads(json.dumps(ours)) == sdk
        assert (sdk["inputProps"]["type"] == "payload") is inline
    assert len(json.dumps(big, separators=(",", ":"))) > MAX_INLINE_PROPS
    assert [(key, body) for _, key, body in sdk_stored] == stored
    ((key, body),) = stored
    assert key == f"input-props/{ours['inputProps']['hash']}.json" and json.loads(body) == big


def test_the_inline_limit_is_the_sdks() -> None:
    import inspect

    from remotion_lambda.remotionclient import RemotionClient as Client

    source = inspect.getsource(Client._needs_upload)
    assert "200_000 - margin" in source and "5_000 + 1024" in source
    assert MAX_INLINE_PROPS == 200_000 - (5_000 + 1024)
