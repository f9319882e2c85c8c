"""The Storage test double answers as the real Supabase Storage server did.

``../shared/reference/supabase-storage.json`` holds the answers of the real server
(supabase/storage v1.70.6, called with supabase-py's storage3 2.34.1 and raw HTTP).  This
test replays every case of that file, in one sequence, against the double of
helpers/services.py (:class:`StorageServer`) and compares the answers: the HTTP status,
the error's ``statusCode`` (a string), ``error`` and ``message``, the returned rows and
names.

Compared as recorded, except what differs from run to run or with the uploaded bytes:

- ``id``, ``version`` (UUIDs) and ``created_at``, ``updated_at``, ``last_accessed_at``,
  ``lastModified`` (timestamps) are per run: checked to be a UUID / an ISO time, not equal;
- ``len``, ``size``, ``contentLength``, ``etag`` / ``eTag`` describe the photo the recorder
  uploaded (not in the file): checked against the photo uploaded here (its length, and
  its MD5 in quotes);
- ``<SUPABASE_URL>`` in a recorded URL is this run's server.
"""

from __future__ import annotations

import hashlib
import io
import json
import random
import re
import secrets
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from PIL import Image
from storage3 import SyncStorageClient
from storage3.exceptions import StorageApiError

from helpers.services import StorageServer, make_jwt

REFERENCE = Path(__file__).resolve().parents[3] / "shared" / "reference" / "supabase-storage.json"
BUCKET = "video-assets"
NAME = "photos/927af2d637814be4a7693f86719884de.png"  # the recorded upload's name
PER_RUN = {"id", "version", "created_at", "updated_at", "last_accessed_at", "lastModified"}
CONTENT = {"len", "size", "contentLength", "etag", "eTag"}
ISO_TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z")


def _photo() -> bytes:
    """A PNG of about the recorded photo's size (1012 bytes): noise does not compress."""
    out = io.BytesIO()
    Image.frombytes("RGB", (17, 17), random.Random(7).randbytes(17 * 17 * 3)).save(out, "PNG")
    return out.getvalue()


PHOTO = _photo()


def _reference() -> dict[str, Any]:
    if not REFERENCE.is_file():
        pytest.fail(f"the real server's recorded answers are not at {REFERENCE}")
    data: dict[str, Any] = json.loads(REFERENCE.read_text(encoding="utf-8"))
    return data


class Replay:
    """The double, its keys, and the storage3 clients the recorder used."""

    def __init__(self, server: StorageServer) -> None:
        self.server = server
        secret = server.state.jwt_secret
        self.service_key = make_jwt(secret, "service_role")
        self.anon_key = make_jwt(secret, "anon")
        self.answers: dict[str, Any] = {}

    def storage(self, key: str) -> SyncStorageClient:
        return SyncStorageClient(
            f"{self.server.url}/storage/v1/", {"apikey": key, "Authorization": f"Bearer {key}"}
        )

    def bucket(self, key: str | None = None, bucket: str = BUCKET) -> Any:
        return self.storage(key or self.service_key).from_(bucket)

    def raw(self, method: str, path: str, key: str | None, **kwargs: Any) -> httpx.Response:
        headers = {"Authorization": f"Bearer {key}"} if key is not None else {}
        return httpx.request(method, f"{self.server.url}/storage/v1/{path}", headers=headers, **kwargs)

    def raw_upload(self, method: str, name: str, key: str | None, bucket: str = BUCKET) -> httpx.Response:
        return self.raw(
            method,
            f"object/{bucket}/{name}",
            key,
            files={"file": (name.rsplit("/", 1)[-1], PHOTO, "image/png")},
            data={"cacheControl": "3600"},
        )

    def record(self, case: str, call: Callable[[], Any]) -> None:
        self.answers[case] = _outcome(call)


def _outcome(call: Callable[[], Any]) -> Any:
    """What ``call`` returned, or the StorageApiError it raised, as the recorder wrote it down."""
    try:
        return call()
    except StorageApiError as exc:
        return {"type": type(exc).__name__, "status": exc.status, "code": exc.code, "message": exc.message}


def _upload(bucket: Any, name: str, *, upsert: bool = False) -> dict[str, str]:
    options = {"content-type": "image/png", **({"upsert": "true"} if upsert else {})}
    answer = bucket.upload(name, PHOTO, options)
    return {"path": answer.path, "full_path": answer.full_path, "fullPath": answer.fullPath}


def _accepted(replay: Replay, name: str) -> dict[str, Any]:
    path = _upload(replay.bucket(), name)["path"]
    public = httpx.get(replay.bucket().get_public_url(path))
    return {"accepted": path, "public_get": public.status_code}


def _refused(replay: Replay, name: str) -> dict[str, Any]:
    return {"refused": _outcome(lambda: _upload(replay.bucket(), name))}


def _download(replay: Replay, name: str) -> dict[str, Any]:
    url = replay.bucket().get_public_url(name)
    response = httpx.get(url)
    return {
        "url": url.replace(replay.server.url, "<SUPABASE_URL>"),
        "status": response.status_code,
        "len": len(response.content),
        "content-type": response.headers["content-type"],
        "cache-control": response.headers["cache-control"],
        "etag": response.headers["etag"],
        "_headers": dict(response.headers),
    }


def _raw_answer(response: httpx.Response, *, text: bool = False) -> dict[str, Any]:
    return {"http": response.status_code, "body": response.text if text else response.json()}


def _run(replay: Replay) -> None:
    """Every case, in an order that gives each the state the recording had."""
    server_secret = replay.server.state.jwt_secret
    record = replay.record
    record(
        "create_bucket",
        lambda: bool(replay.storage(replay.service_key).create_bucket(BUCKET, options={"public": True})),
    )
    record("upload_upsert_first", lambda: _upload(replay.bucket(), NAME, upsert=True))
    record("upload_again_no_upsert", lambda: _upload(replay.bucket(), NAME))
    record("upload_again_upsert", lambda: {"path": _upload(replay.bucket(), NAME, upsert=True)["path"]})
    record("public_download", lambda: _download(replay, NAME))
    record("anon_upload_refused", lambda: _upload(replay.bucket(replay.anon_key), "photos/anon.png"))
    record(
        "raw_anon_http",
        lambda: _raw_answer(replay.raw_upload("POST", "photos/raw-anon.png", replay.anon_key)),
    )
    record("raw_duplicate_http", lambda: _raw_answer(replay.raw_upload("POST", NAME, replay.service_key)))
    record("missing_bucket", lambda: _upload(replay.bucket(bucket="missing-bucket"), "photos/x.png"))
    foreign = make_jwt("another project's secret", "service_role")
    record("bad_signature", lambda: _upload(replay.bucket(foreign), "photos/x.png"))
    record("name_space", lambda: _accepted(replay, "photos/my photo.png"))
    record("name_unicode", lambda: _refused(replay, "photos/café.png"))
    record("name_hash", lambda: _refused(replay, "photos/a#b.png"))
    record("name_question", lambda: _accepted(replay, "photos/a?b.png"))
    record("name_brackets", lambda: _refused(replay, "photos/[x].png"))
    record("name_leading_slash", lambda: _accepted(replay, "/photos/x.png"))
    record("list", lambda: [entry["name"] for entry in replay.bucket().list("photos")])
    record("remove", lambda: replay.bucket().remove([NAME]))
    public = f"object/public/{BUCKET}/{NAME}"
    record("public_get_after_remove", lambda: _raw_answer(replay.raw("GET", public, None), text=True))
    record("anon_remove_silently_nothing", lambda: replay.bucket(replay.anon_key).remove(["photos/x.png"]))
    admin = replay.storage(replay.service_key)
    admin.create_bucket("small-files", options={"public": True, "file_size_limit": 100})
    record("too_large", lambda: _upload(replay.bucket(bucket="small-files"), "photos/big.png"))
    admin.create_bucket("videos-only", options={"public": True, "allowed_mime_types": ["video/mp4"]})
    record("mime_refused", lambda: _upload(replay.bucket(bucket="videos-only"), "photos/not-a-video.png"))

    # observed_auth_messages: what each kind of key is answered (an upload of a new object).
    def auth(key: str) -> dict[str, Any]:
        answer = _outcome(lambda: _upload(replay.bucket(key), f"photos/{uuid.uuid4().hex}.png"))
        return {"status": answer["status"], "message": answer["message"]}

    expired = make_jwt(server_secret, "service_role", expires_in=-3600)
    record("auth:expired_service_role_jwt", lambda: auth(expired))
    record("auth:wrong_secret_jwt", lambda: auth(foreign))
    record("auth:not_a_jwt", lambda: auth("not-a-jwt"))
    record("auth:jwt_without_role_or_authenticated", lambda: auth(make_jwt(server_secret, None)))
    record("auth:jwt_authenticated", lambda: auth(make_jwt(server_secret, "authenticated")))
    record(
        "auth:no_authorization_header",
        lambda: _raw_answer(replay.raw_upload("POST", "photos/no-auth.png", None)),
    )
    record(
        "auth:unknown_route",
        lambda: {"http": replay.raw("GET", "no/such/route", replay.service_key).status_code},
    )
    record(
        "auth:put_update_of_missing_object",
        lambda: {"http": replay.raw_upload("PUT", "updates/new-by-put.png", replay.service_key).status_code},
    )


@pytest.fixture(scope="module")
def replay() -> Iterator[Replay]:
    server = StorageServer(secrets.token_hex(20), buckets=())  # no bucket: the replay creates it
    server.start()
    try:
        played = Replay(server)
        _run(played)
        yield played
    finally:
        server.stop()


def _expected_cases() -> dict[str, Any]:
    reference = _reference()
    cases = dict(reference["cases"])
    for name, answer in reference["observed_auth_messages"].items():
        cases[f"auth:{name}"] = answer
    # The recording's "jwt_without_role_or_authenticated" is one answer for two kinds of key.
    cases["auth:jwt_authenticated"] = reference["observed_auth_messages"]["jwt_without_role_or_authenticated"]
    return cases


EXPECTED = _expected_cases() if REFERENCE.is_file() else {}


def _is_uuid(value: Any) -> bool:
    """A UUID written as the real server writes one (8-4-4-4-12 hex digits)."""
    try:
        return str(uuid.UUID(str(value))) == value
    except ValueError:
        return False


def _comparable(expected: Any, actual: Any) -> tuple[Any, Any]:
    """Both sides with per-run and content-derived fields checked and set aside (see above)."""
    if isinstance(expected, dict) and isinstance(actual, dict):
        left: dict[str, Any] = {}
        right: dict[str, Any] = {}
        for key, value in expected.items():
            got = actual.get(key, "<missing>")
            if key in PER_RUN and isinstance(value, str):
                assert got != "<missing>", f"{key} missing"
                if key in ("id", "version"):
                    assert _is_uuid(got), f"{key}: {got!r} is not a UUID"
                else:
                    assert ISO_TIME.fullmatch(str(got)), f"{key}: {got!r} is not an ISO time"
                left[key] = right[key] = "<per run>"
            elif key in CONTENT:
                wanted = f'"{hashlib.md5(PHOTO).hexdigest()}"' if key.lower() == "etag" else len(PHOTO)
                assert got == wanted, f"{key}: {got!r}, expected {wanted!r} for the photo sent"
                assert type(value) is type(wanted), f"{key}: recorded as {type(value).__name__}"
                left[key] = right[key] = "<of the photo>"
            else:
                left[key], right[key] = _comparable(value, got)
        for key, value in actual.items():  # what the double says and the real server did not
            if key not in expected:
                right[key] = value
        return left, right
    if isinstance(expected, list) and isinstance(actual, list) and len(expected) == len(actual):
        pairs = [_comparable(e, a) for e, a in zip(expected, actual, strict=True)]
        return [p[0] for p in pairs], [p[1] for p in pairs]
    return expected, actual


def test_every_recorded_case_is_replayed(replay: Replay) -> None:
    assert set(EXPECTED) == set(replay.answers)


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_the_double_answers_as_the_real_server(case: str, replay: Replay) -> None:
    expected = EXPECTED[case]
    actual = replay.answers[case]
    if isinstance(actual, dict):
        actual = {k: v for k, v in actual.items() if not k.startswith("_")}
    if case == "create_bucket":
        assert actual is True and expected is True
        return
    if case == "auth:put_update_of_missing_object":  # recorded with a note: "creates it"
        assert actual["http"] == expected["http"] == 200
        assert "updates/new-by-put.png" in replay.server.objects(BUCKET)
        return
    left, right = _comparable(expected, actual)
    assert right == left


def test_public_downloads_carry_the_real_servers_headers(replay: Replay) -> None:
    headers = replay.answers["public_download"]["_headers"]
    assert headers["cache-control"] == "max-age=3600" and headers["accept-ranges"] == "bytes"
    assert headers["etag"] == f'"{hashlib.md5(PHOTO).hexdigest()}"' and headers["last-modified"]


def test_an_upload_answers_a_uuid_id_and_the_key(replay: Replay) -> None:
    response = replay.raw_upload("POST", "photos/answer.png", replay.service_key)
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"Id", "Key"} and body["Key"] == f"{BUCKET}/photos/answer.png"
    assert _is_uuid(body["Id"]), body["Id"]


def test_an_anon_remove_removes_nothing(replay: Replay) -> None:
    assert "photos/x.png" in replay.server.objects(BUCKET)  # still there after the anon remove


def test_storage_errors_travel_as_http_400_with_the_status_as_a_string(replay: Replay) -> None:
    for name in ("raw_anon_http", "raw_duplicate_http", "auth:no_authorization_header"):
        answer = replay.answers[name]
        assert answer["http"] == 400 and isinstance(answer["body"]["statusCode"], str)
