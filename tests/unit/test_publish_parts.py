"""Publishing parts that need no server: names, settings and keyring, outbox, error sentences."""

from __future__ import annotations

import contextlib
import json
import shutil
import socket
import sqlite3
import time
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from helpers.publish import publish_request
from vidstudio.cloud.errors import PublishError, redact, s3_error, supabase_error
from vidstudio.cloud.naming import image_kind, photo_path, poster_path, safe_id, slugify, video_key
from vidstudio.jobs.outbox import PublishOutbox, PublishRequest
from vidstudio.jobs.publish import RetryPolicy
from vidstudio.messages import Kind, message
from vidstudio.secrets import Secrets, load_secrets, store_secret
from vidstudio.settings import (
    PublishSettings,
    S3Settings,
    Settings,
    load_settings,
    save_settings,
    settings_path,
)

# --------------------------------------------------------------------------- names


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Nismara Pool Villa", "nismara-pool-villa"),
        ("Villa Ñandú ☀️ — sunset!", "villa-nandu-sunset"),
        ("WhatsApp Image 2026-02-06 at 3.58.30 PM", "whatsapp-image-2026-02-06-at-3-58-30-pm"),
        ("🌴😍", "video"),
        ("../../etc/passwd", "etc-passwd"),
        ("x" * 200, "x" * 60),
    ],
)
def test_slugs_are_ascii_and_safe(text: str, slug: str) -> None:
    assert slugify(text) == slug


def test_keys_and_paths_follow_the_layout() -> None:
    when = datetime(2026, 2, 6, 23, 30, tzinfo=UTC)
    assert video_key("abc123", "Nismara Pool Villa", when) == "renders/2026/02/abc123/nismara-pool-villa.mp4"
    assert photo_path("abc123", "Villa ☀️", "jpg") == "photos/abc123/villa.jpg"
    assert poster_path("abc123", "Villa") == "posters/abc123/villa.jpg"
    assert safe_id("a/b c..d") == "a-b-c-d"
    with pytest.raises(ValueError):
        safe_id("🙂")


def test_image_kind_reads_the_bytes_not_the_name(testdata: Path, tmp_path: Path) -> None:
    emoji = tmp_path / "🌴 villa 😍.jpeg"
    shutil.copyfile(testdata / "coffee.png", emoji)  # a PNG named .jpeg
    assert image_kind(emoji) == ("png", "image/png")
    assert image_kind(testdata / "WhatsApp Image 2026-02-06 at 3.58.30 PM.jpeg") == (
        "jpg",
        "image/jpeg",
    )


# --------------------------------------------------------------------------- settings and secrets


def test_settings_round_trip_without_secrets(memory_keyring: object) -> None:
    settings = Settings(
        publish=PublishSettings(
            s3=S3Settings(bucket="b", region="eu-west-1", auth="keys", link_mode="public", link_hours=5)
        )
    )
    save_settings(settings)
    path = settings_path()
    assert load_settings().publish.with_env({}) == settings.publish
    store_secret("aws_secret_access_key", "SECRETSECRETSECRET")
    store_secret("supabase_key", "eyJhbGciOi.payloadpayloadpayload.signaturesignature")
    save_settings(settings)
    text = path.read_text(encoding="utf-8")
    assert "SECRET" not in text and "signature" not in text
    loaded = load_secrets(env={})
    assert loaded.aws_secret_access_key == "SECRETSECRETSECRET"
    assert "SECRET" not in repr(loaded)
    store_secret("supabase_key", "")
    assert load_secrets(env={}).supabase_key == ""


def test_environment_overrides_file_and_keyring(memory_keyring: object) -> None:
    save_settings(Settings(publish=PublishSettings(s3=S3Settings(bucket="from-file"))))
    store_secret("supabase_key", "from-keyring")
    env = {
        "VIDSTUDIO_S3_BUCKET": "from-env",
        "VIDSTUDIO_S3_LINK_HOURS": "9999",
        "VIDSTUDIO_SUPABASE_KEY": "from-env",
    }
    publish = load_settings().publish.with_env(env)
    assert publish.s3.bucket == "from-env" and publish.s3.link_hours == 168
    assert load_secrets(env=env).supabase_key == "from-env"
    assert load_settings().publish.s3.bucket == "from-file"  # overrides are never saved


def test_only_the_secrets_in_use_are_read_from_the_keyring() -> None:
    import keyring
    from keyring.backends import fail

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())  # a machine without a password store
    try:
        env = {"VIDSTUDIO_SUPABASE_KEY": "from-env"}
        chain = PublishSettings(s3=S3Settings(auth="chain"))
        assert load_secrets(chain, env=env) == Secrets(supabase_key="from-env")
        with pytest.raises(PublishError):
            load_secrets(PublishSettings(s3=S3Settings(auth="keys")), env=env)
    finally:
        keyring.set_keyring(previous)


def test_a_damaged_settings_file_gives_defaults() -> None:
    settings_path().parent.mkdir(parents=True, exist_ok=True)
    settings_path().write_text("{not json", encoding="utf-8")
    assert load_settings().publish == PublishSettings()
    settings_path().write_text(
        json.dumps({"publish": {"s3": {"bucket": 5, "link_mode": "weird"}, "max_attempts": -3}}),
        encoding="utf-8",
    )
    loaded = load_settings().publish
    assert loaded.s3.bucket == "" and loaded.s3.link_mode == "presigned" and loaded.max_attempts == 1


def test_no_password_store_is_one_sentence_with_no_component_names(monkeypatch: pytest.MonkeyPatch) -> None:
    import keyring
    from keyring.backends import fail

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        with pytest.raises(PublishError) as info:
            load_secrets(env={})
    finally:
        keyring.set_keyring(previous)
    text = str(info.value)
    assert text.startswith("vidstudio cannot read or save the keys on this computer right now.")
    for name in ("keyring", "Keyring", "Credential Manager", "Error", "("):
        assert name not in text


# --------------------------------------------------------------------------- errors


def test_redact_masks_keys_and_jwt_pieces() -> None:
    jwt = "eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoic2VydmljZV9yb2xlIn0.c2lnbmF0dXJlc2lnbmF0dXJl"
    text = f"bad {jwt} and {jwt.split('.')[2]} and AKIA1234"
    out = redact(text, [jwt, "AKIA1234"])
    assert jwt not in out and jwt.split(".")[2] not in out and "AKIA1234" not in out


def _client_error(code: str, status: int) -> Exception:
    from botocore.exceptions import ClientError

    return ClientError(
        {
            "Error": {"Code": code, "Message": "server words"},
            "ResponseMetadata": {"HTTPStatusCode": status},
        },
        "PutObject",
    )


@pytest.mark.parametrize(
    ("code", "status", "kind"),
    [
        ("SlowDown", 503, "throttled"),
        ("Throttling", 400, "throttled"),
        ("InternalError", 500, "server"),
        ("ServiceUnavailable", 503, "server"),
        ("RequestTimeout", 400, "timeout"),
        ("ExpiredToken", 400, "expired_key"),
        ("RequestTimeTooSkewed", 403, "settings"),
    ],
)
def test_s3_answers_map_to_kinds(code: str, status: int, kind: str) -> None:
    error = s3_error(_client_error(code, status), "bucket", None)
    assert error.kind == kind
    assert error.retryable == (kind in ("throttled", "server", "timeout"))
    assert "server words" not in error.message


def test_unexpected_supabase_errors_stay_plain() -> None:
    from postgrest.exceptions import APIError

    error = supabase_error(
        APIError({"code": "57014", "message": "canceling statement"}),
        what="table",
        url="https://x.supabase.co",
        table="t",
    )
    assert error.kind == "server" and error.retryable
    dns = supabase_error(
        socket.gaierror(socket.EAI_NONAME, "Name or service not known"),
        what="table",
        url="https://x.supabase.co",
    )
    assert dns.kind == "dns" and dns.message.startswith("Cannot find the Supabase server x.supabase.co")


# --------------------------------------------------------------------------- outbox


def _request(render_id: str = "r1", video: str = "/tmp/v.mp4") -> PublishRequest:
    return publish_request(render_id=render_id, video=video)


def test_outbox_is_idempotent_and_resumable(tmp_path: Path) -> None:
    db = tmp_path / "v.db"
    store = PublishOutbox(db)
    first = store.add(_request())
    again = store.add(replace(_request(), title="changed"))
    assert again.request.title == "T" and first.step == first.request.steps[0] == "video"
    store.complete_step("r1", "video", {"s3_key": "k"})
    store.set_state("r1", "uploading")
    # A new process (another connection) sees the step and the results.
    reopened = PublishOutbox(db)
    entry = reopened.get("r1")
    assert entry is not None and entry.step == "media:1" and entry.results == {"s3_key": "k"}
    assert [e.render_id for e in reopened.due()] == ["r1"]  # interrupted: start again
    with contextlib.closing(sqlite3.connect(db)) as raw:
        assert raw.execute("pragma journal_mode").fetchone()[0] == "wal"
    for step in ("media:1", "poster", "row"):
        reopened.complete_step("r1", step, {step: True})
    assert reopened.get("r1").step == "done"  # type: ignore[union-attr]
    assert reopened.find_by_video(Path("/tmp/v.mp4")).render_id == "r1"  # type: ignore[union-attr]


def test_failed_entries_come_due_at_their_retry_time(tmp_path: Path) -> None:
    store = PublishOutbox(tmp_path / "v.db")
    store.add(_request("later"))
    store.add(_request("never", "/tmp/w.mp4"))
    now = time.time()
    store.set_state("later", "failed", error=message("net", Kind.NETWORK), next_attempt_at=now + 60)
    store.set_state("never", "failed", error=message("key", Kind.RLS), next_attempt_at=None)
    assert store.due(now) == []
    assert [e.render_id for e in store.due(now + 61)] == ["later"]


def test_backoff_grows_and_is_capped() -> None:
    policy = RetryPolicy(max_attempts=10, base_seconds=2)
    delays = [policy.delay(n) for n in range(1, 10)]
    assert 1.6 <= delays[0] <= 2.4 and 3.2 <= delays[1] <= 4.8
    assert max(delays) <= 60


def test_secrets_repr_hides_values() -> None:
    secrets = Secrets("AKIAXXXX", "very-secret-value", "jwt.jwt.jwt")
    assert "very-secret" not in repr(secrets) and "AKIA" not in str(secrets)


def test_a_stale_ssl_cert_file_is_one_plain_sentence_not_a_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    """A user's environment may name a certificate file that no longer exists (issue 10)."""
    from vidstudio.cloud.factory import make_supabase_client
    from vidstudio.settings import SupabaseSettings

    monkeypatch.setenv("SSL_CERT_FILE", "/no/such/cacert.pem")
    with pytest.raises(PublishError) as info:
        make_supabase_client(SupabaseSettings(url="https://abcd.supabase.co"), Secrets(supabase_key="k" * 40))
    assert "\n" not in str(info.value) and "Error" not in str(info.value)
