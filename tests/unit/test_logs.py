"""Log files: rotation in the log folder, and no secret ever reaches them."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from vidstudio import logs, paths

# Shaped like the real thing, valid for nothing.
JWT = (
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."
    "eyJyb2xlIjoic2VydmljZV9yb2xlIiwiaXNzIjoidGVzdCJ9."
    "dGhpcy1pcy1ub3QtYS1yZWFsLXNpZ25hdHVyZQ"
)
AWS_ID = "AKIAIOSFODNN7EXAMPLE"
AWS_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"


@pytest.fixture
def log() -> Iterator[logging.Logger]:
    path = logs.setup_logging("test")
    assert path is not None
    yield logging.getLogger("vidstudio.test")
    logs.shutdown_logging()


def _written() -> str:
    return logs.log_file("test").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        (f"Authorization: Bearer {JWT}", JWT),
        (f"supabase key {JWT} rejected", JWT),
        (f"aws_access_key_id={AWS_ID} aws_secret_access_key={AWS_SECRET}", AWS_SECRET),
        (f"credentials {AWS_ID} / {AWS_SECRET}", AWS_ID),
        (f"bare {AWS_SECRET} in a message", AWS_SECRET),
        (
            "https://bucket.s3.amazonaws.com/renders/a.mp4?X-Amz-Algorithm=AWS4-HMAC-SHA256"
            "&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20260101%2Fus-east-1&X-Amz-Signature=0f1e2d3c4b5a",
            "0f1e2d3c4b5a",
        ),
        ('{"password": "hunter2-horse", "user": "maria"}', "hunter2-horse"),
        ("service_role_key: sb_secret_0123456789abcdef", "sb_secret_0123456789abcdef"),
        ("apikey=sb_publishable_abcdef123456&select=*", "sb_publishable_abcdef123456"),
    ],
)
def test_scrub_removes_secrets(text: str, secret: str) -> None:
    cleaned = logs.scrub(text)
    assert secret not in cleaned
    assert logs.REDACTED in cleaned


@pytest.mark.parametrize(
    "text",
    [
        "Rendered /work/shared/testdata/WhatsApp Image 2026-02-06 at 3.58.30 PM.jpeg in 4.5 s",
        "uploaded renders/2026/11/0f3c9a2e-5a1b-4c9d-8e7f-123456789abc/nismara-pool-villa.mp4",
        "sha1 da39a3ee5e6b4b0d3255bfef95601890afd80709 ok",
        "C:/Users/maria/AppData/Local/Programs/vidstudio/_internal/resources/fonts/Inter.otf",
        "300 frames, 1920x1080, x-upsert: true, key renders/a.mp4",
    ],
)
def test_scrub_keeps_ordinary_text(text: str) -> None:
    assert logs.scrub(text) == text


def test_registered_secrets_are_redacted_anywhere() -> None:
    logs.register_secret("my-office-passphrase-42")
    logs.register_secret("abc")  # too short to register: would redact ordinary words
    cleaned = logs.scrub("connect with my-office-passphrase-42 to abc")
    assert cleaned == f"connect with {logs.REDACTED} to abc"


def test_log_file_is_in_the_log_dir_and_has_no_secrets(log: logging.Logger) -> None:
    logs.register_secret("keyring-value-Zq9")
    log.info("signing in with %s", JWT)
    log.warning("S3 said no for %s", AWS_SECRET)
    log.error("key from keyring: %s", "keyring-value-Zq9")
    try:
        raise RuntimeError(f"PostgREST 401 for Authorization: Bearer {JWT}")
    except RuntimeError:
        log.exception("upload failed")
    logs.shutdown_logging()

    path = logs.log_file("test")
    assert path.parent == paths.log_dir()
    text = _written()
    assert "signing in with" in text and "upload failed" in text
    assert "Traceback (most recent call last)" in text and "RuntimeError" in text
    for secret in (JWT, AWS_SECRET, "keyring-value-Zq9"):
        assert secret not in text
    assert text.count(logs.REDACTED) >= 4


def test_records_are_scrubbed_for_every_logger_that_propagates(log: logging.Logger) -> None:
    logging.getLogger("vidstudio.cloud.s3").warning("token=%s", "abcdef123456")
    logs.shutdown_logging()
    assert "abcdef123456" not in _written()


def test_a_broken_format_string_is_still_logged_scrubbed(log: logging.Logger) -> None:
    log.warning("expected two values %s %s", JWT)
    logs.shutdown_logging()
    text = _written()
    assert "expected two values" in text and JWT not in text


def test_logs_rotate(log: logging.Logger, monkeypatch: pytest.MonkeyPatch) -> None:
    handler = logging.getLogger("vidstudio").handlers[-1]
    assert isinstance(handler, logging.handlers.RotatingFileHandler)
    monkeypatch.setattr(handler, "maxBytes", 2000)
    for index in range(200):
        log.info("line %d %s", index, "x" * 50)
    logs.shutdown_logging()
    rotated = sorted(p.name for p in paths.log_dir().glob("test.log*"))
    assert rotated[:2] == ["test.log", "test.log.1"]
    assert len(rotated) <= logs.BACKUPS + 1
    assert all(p.stat().st_size <= 2200 for p in paths.log_dir().glob("test.log*"))


def test_setup_is_idempotent(log: logging.Logger) -> None:
    first = logs.current_log_file()
    assert logs.setup_logging("test") == first
    ours = [h for h in logging.getLogger("vidstudio").handlers if isinstance(h, logging.FileHandler)]
    assert len(ours) == 1


def test_unwritable_log_dir_means_no_log_file_not_a_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setattr(logs, "log_file", lambda name="vidstudio": blocker / "sub" / f"{name}.log")
    assert logs.setup_logging("test") is None
    assert logs.current_log_file() is None


def test_keys_loaded_for_publishing_never_reach_a_log_line() -> None:
    from vidstudio.logs import scrub
    from vidstudio.secrets import load_secrets

    odd_key = "plain-words-not-shaped-like-a-jwt-or-aws-key-31337"
    env = {
        "VIDSTUDIO_AWS_ACCESS_KEY_ID": "AKIAEXAMPLEKEY123456",
        "VIDSTUDIO_AWS_SECRET_ACCESS_KEY": "another plain secret value 98765",
        "VIDSTUDIO_SUPABASE_KEY": odd_key,
    }
    load_secrets(env=env)
    assert odd_key not in scrub(f"request failed with key {odd_key}")
    assert "another plain secret value 98765" not in scrub("secret: another plain secret value 98765")
