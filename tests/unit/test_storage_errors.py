"""Supabase Storage's real refusals of a key are named right (wording from the real server).

The messages are the ones supabase/storage v1.70.6 answered (recorded in
../shared/reference/supabase-storage.json); storage3 raises them as StorageApiError.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from storage3.exceptions import StorageApiError

from vidstudio.cloud.errors import supabase_error

REFERENCE = Path(__file__).resolve().parents[3] / "shared" / "reference" / "supabase-storage.json"
EXPIRED = '"exp" claim timestamp check failed'


def _observed() -> dict[str, dict[str, str]]:
    if not REFERENCE.is_file():
        pytest.fail(f"the real server's recorded answers are not at {REFERENCE}")
    data = json.loads(REFERENCE.read_text(encoding="utf-8"))
    return dict(data["observed_auth_messages"])


def _kind(status: str, message: str) -> str:
    error = supabase_error(
        StorageApiError(message, "Unauthorized", status),
        what="storage",
        url="https://abcd.supabase.co",
        bucket="video-assets",
    )
    return error.kind


def test_the_recording_has_the_expired_wording() -> None:
    assert _observed()["expired_service_role_jwt"] == {"status": "403", "message": EXPIRED}


@pytest.mark.parametrize(
    ("case", "kind"),
    [
        ("expired_service_role_jwt", "expired_key"),
        ("wrong_secret_jwt", "invalid_key"),
        ("not_a_jwt", "invalid_key"),
        ("jwt_without_role_or_authenticated", "rls"),
    ],
)
def test_storage_key_refusals_are_named(case: str, kind: str) -> None:
    answer = _observed()[case]
    assert _kind(answer["status"], answer["message"]) == kind


def test_an_expired_key_is_reported_as_expired_not_wrong() -> None:
    error = supabase_error(
        StorageApiError(EXPIRED, "Unauthorized", "403"),
        what="storage",
        url="https://abcd.supabase.co",
        bucket="video-assets",
    )
    assert error.kind == "expired_key"
    assert error.message.startswith("The Supabase key in Settings has expired.")
