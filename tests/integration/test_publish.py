"""Publishing against real local services: SeaweedFS (S3), PostgREST + PostgreSQL, Storage."""

from __future__ import annotations

import io
import json
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from helpers.publish import (
    BUCKET,
    assert_no_secret,
    build_clients,
    env_for_subprocess,
    make_mp4,
    publish_request,
    replace,
)
from vidstudio.cloud.errors import PublishError
from vidstudio.cloud.factory import CloudClients
from vidstudio.jobs.outbox import PublishOutbox, PublishRequest
from vidstudio.jobs.publish import PublishProgress, RetryPolicy, publish, request_for_video
from vidstudio.secrets import Secrets
from vidstudio.settings import PublishSettings

FAST = RetryPolicy(max_attempts=2, base_seconds=0.1)
REPO = Path(__file__).resolve().parents[2]


def fetch(url: str) -> tuple[bytes, str]:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read(), response.headers.get("Content-Type", "")


def decoded_frames(data: bytes) -> int:
    import av

    with av.open(io.BytesIO(data)) as container:
        return sum(1 for _ in container.decode(video=0))


def s3_objects(server, bucket: str = BUCKET) -> list[dict]:  # type: ignore[no-untyped-def]
    listing = server.client().list_objects_v2(Bucket=bucket)
    return list(listing.get("Contents", []))


# --------------------------------------------------------------------------- the happy path


def test_full_publish_puts_video_photo_poster_and_row(
    clients: CloudClients,
    outbox: PublishOutbox,
    sample_video: Path,
    coffee: Path,
    s3_server,
    supabase_stack,
) -> None:
    request = request_for_video(
        sample_video,
        photo=coffee,
        title="Nismara Pool Villa",
        subtitle="Your private escape in Bali",
        render_seconds=4.5,
    )
    reports: list[PublishProgress] = []
    result = publish(request, clients, outbox, reports.append, policy=FAST)

    # S3: the bytes, the type, the key layout.
    when = datetime.fromtimestamp(request.rendered_at, tz=UTC)
    assert result.s3_key == f"renders/{when:%Y}/{when:%m}/{request.render_id}/nismara-pool-villa.mp4"
    obj = s3_server.client().get_object(Bucket=BUCKET, Key=result.s3_key)
    assert obj["ContentType"] == "video/mp4"
    assert obj["Body"].read() == sample_video.read_bytes()
    assert len(s3_objects(s3_server)) == 1

    # The row, field by field, read from PostgreSQL itself.
    rows = supabase_stack.rows()
    assert len(rows) == 1
    row = rows[0]
    assert row["render_id"] == request.render_id
    assert (row["title"], row["subtitle"]) == ("Nismara Pool Villa", "Your private escape in Bali")
    assert (row["template"], row["aspect"], row["width"], row["height"], row["fps"]) == (
        "promo",
        "16:9",
        320,
        180,
        30,
    )
    assert row["duration_seconds"] == pytest.approx(1.0, abs=0.05)
    assert row["size_bytes"] == sample_video.stat().st_size
    assert (row["s3_bucket"], row["s3_key"]) == (BUCKET, result.s3_key)
    assert row["backend"] == "local" and row["render_seconds"] == 4.5 and row["cost_estimate"] is None
    assert row["app_version"] and row["created_at"] and row["id"] == result.row_id
    assert row["video_url"] == result.video_url
    assert (row["image_url"], row["poster_url"]) == (result.image_url, result.poster_url)

    # The photo and poster in Storage under safe names, served publicly through nginx.
    objects = supabase_stack.storage.objects()
    assert set(objects) == {
        f"photos/{request.render_id}/nismara-pool-villa.png",
        f"posters/{request.render_id}/nismara-pool-villa.jpg",
    }
    photo_bytes, photo_type = fetch(result.image_url)
    assert photo_bytes == coffee.read_bytes() and photo_type == "image/png"
    poster_bytes, poster_type = fetch(result.poster_url)
    assert poster_type == "image/jpeg" and poster_bytes[:3] == b"\xff\xd8\xff"

    # The Copy-link URL (presigned) plays: fetched over HTTP and decoded with PyAV.
    assert "X-Amz-Signature=" in result.video_url
    video_bytes, video_type = fetch(result.video_url)
    assert video_type == "video/mp4" and decoded_frames(video_bytes) == 30

    # Progress went up to 100 % through every step; the outbox says published.
    assert [r.step for r in reports if r.fraction == 0.0][:1] == ["video"]
    assert reports[-1].step == "published" and reports[-1].fraction == 1.0
    fractions = [r.fraction for r in reports]
    assert fractions == sorted(fractions)
    assert {r.step for r in reports} >= {"video", "media:1", "poster", "row", "published"}
    entry = outbox.get(request.render_id)
    assert entry is not None and entry.state == "published" and entry.step == "done"
    assert result.steps_run == ("video", "media:1", "poster", "row")
    assert row["media_urls"] == [result.image_url] and list(result.media_urls) == [result.image_url]
    assert (row["has_audio"], row["music_name"]) == (False, None)


def test_public_link_mode_gives_a_plain_url_that_plays(
    publish_settings: PublishSettings,
    secrets: Secrets,
    clean_services: None,
    outbox: PublishOutbox,
    sample_video: Path,
    coffee: Path,
) -> None:
    settings = replace(publish_settings, s3=replace(publish_settings.s3, link_mode="public"))
    clients = build_clients(settings, secrets)
    request = request_for_video(sample_video, photo=coffee, title="Public villa")
    result = publish(request, clients, outbox, policy=FAST)
    assert result.video_url == f"{settings.s3.endpoint_url}/{BUCKET}/{result.s3_key}"
    data, content_type = fetch(result.video_url)
    assert content_type == "video/mp4" and decoded_frames(data) == 30


def test_publishing_twice_gives_one_row_and_one_set_of_objects(
    clients: CloudClients,
    outbox: PublishOutbox,
    sample_video: Path,
    coffee: Path,
    tmp_path: Path,
    s3_server,
    supabase_stack,
) -> None:
    request = request_for_video(sample_video, photo=coffee, title="Twice")
    first = publish(request, clients, outbox, policy=FAST)
    again = publish(request, clients, outbox, policy=FAST)
    assert again.already_published and again.steps_run == () and again.row_id == first.row_id
    # Even from another computer's outbox (nothing remembered), still one row.
    elsewhere = publish(request, clients, PublishOutbox(tmp_path / "other.db"), policy=FAST)
    assert elsewhere.row_id == first.row_id and elsewhere.steps_run == (
        "video",
        "media:1",
        "poster",
        "row",
    )
    assert len(supabase_stack.rows()) == 1
    assert len(s3_objects(s3_server)) == 1
    assert len(supabase_stack.storage.objects()) == 2


@pytest.mark.parametrize(
    "name",
    [
        "WhatsApp Image 2026-02-06 at 3.58.30 PM.jpeg",
        "🌴 villa piscina 😍 (1).jpeg",
        "ñandú ✨.JPG",
    ],
)
def test_awkward_photo_names_get_safe_storage_paths(
    name: str,
    clients: CloudClients,
    outbox: PublishOutbox,
    sample_video: Path,
    testdata: Path,
    tmp_path: Path,
    supabase_stack,
) -> None:
    photo = tmp_path / name
    shutil.copyfile(testdata / "WhatsApp Image 2026-02-06 at 3.58.30 PM.jpeg", photo)
    request = request_for_video(
        sample_video, photo=photo, title="Villa Ñandú ☀️ sunset", render_id=f"r-{len(name)}"
    )
    result = publish(request, clients, outbox, policy=FAST)
    key = f"photos/r-{len(name)}/villa-nandu-sunset.jpg"
    assert key in supabase_stack.storage.objects()
    assert result.image_url.endswith("/" + key)
    data, content_type = fetch(result.image_url)
    assert data == photo.read_bytes() and content_type == "image/jpeg"
    assert supabase_stack.rows()[0]["image_url"] == result.image_url


# --------------------------------------------------------------------------- interruptions


def big_request(tmp_path: Path, coffee: Path, size: int = 24 * 1024 * 1024) -> PublishRequest:
    """A request with a big 'video' (random bytes) and a ready poster: only the upload matters."""
    import os

    video = tmp_path / "big.mp4"
    video.write_bytes(os.urandom(size))
    poster = tmp_path / "poster.jpg"
    from PIL import Image

    Image.new("RGB", (64, 36), (200, 100, 50)).save(poster, "JPEG")
    return publish_request(
        render_id="big-one",
        video=str(video),
        photo=str(coffee),
        poster=str(poster),
        title="Big villa",
        size_bytes=size,
        rendered_at=time.time(),
    )


def use_small_parts(clients: CloudClients) -> None:
    """5 MB parts one at a time: the upload of a big request takes several steps to watch."""
    from boto3.s3.transfer import TransferConfig

    clients.s3.transfer_config = TransferConfig(
        multipart_threshold=5 * 1024 * 1024, multipart_chunksize=5 * 1024 * 1024, max_concurrency=1
    )


BigUpload = Callable[..., tuple[CloudClients, PublishRequest]]


@pytest.fixture
def big_upload(
    publish_settings: PublishSettings, secrets: Secrets, clean_services: None, coffee: Path, tmp_path: Path
) -> BigUpload:
    """``big_upload(s3_attempts=2)``: clients sending 5 MB parts one at a time, and a 24 MB
    request, on clean services: an upload that takes several steps to watch."""

    def make(s3_attempts: int = 2) -> tuple[CloudClients, PublishRequest]:
        clients = build_clients(publish_settings, secrets, s3_attempts=s3_attempts)
        use_small_parts(clients)
        return clients, big_request(tmp_path, coffee)

    return make


def test_s3_stopped_mid_upload_then_back_publishes_once(
    big_upload: BigUpload, outbox: PublishOutbox, s3_server, supabase_stack
) -> None:
    clients, request = big_upload(s3_attempts=1)
    stopped = threading.Event()
    restarted = threading.Event()
    messages: list[str] = []

    def restart_later() -> None:
        time.sleep(1.5)
        s3_server.start()
        restarted.set()

    def on_progress(p: PublishProgress) -> None:
        if p.step == "retrying":
            messages.append(p.message)
        # Stop the server once a third of the video is sent.
        if p.step == "video" and p.fraction > 0.3 and not stopped.is_set():
            stopped.set()
            s3_server.stop()
            threading.Thread(target=restart_later, daemon=True).start()

    result = publish(
        request, clients, outbox, on_progress, policy=RetryPolicy(max_attempts=8, base_seconds=0.5)
    )
    assert stopped.is_set() and restarted.is_set()
    assert messages and "Cannot reach Amazon S3 at 127.0.0.1" in messages[0]
    entry = outbox.get("big-one")
    assert entry is not None and entry.state == "published" and entry.attempts >= 1
    objects = s3_objects(s3_server)
    assert [o["Key"] for o in objects] == [result.s3_key]
    body = s3_server.client().get_object(Bucket=BUCKET, Key=result.s3_key)["Body"].read()
    assert body == Path(request.video).read_bytes()
    assert len(supabase_stack.rows()) == 1


KILL_SCRIPT = """
import os, signal, sys
from vidstudio.jobs.outbox import PublishOutbox, PublishRequest
from vidstudio.jobs.publish import clients_from_settings, publish

request = PublishRequest.from_json(open(sys.argv[1], encoding="utf-8").read())

def progress(p):
    if p.step == "row":  # the video, photo and poster are up: die before the insert
        os.kill(os.getpid(), signal.SIGKILL)

publish(request, clients_from_settings(), PublishOutbox(), progress)
print("not killed")
"""


def test_killed_between_upload_and_insert_resumes_at_the_insert(
    publish_settings: PublishSettings,
    secrets: Secrets,
    clients: CloudClients,
    sample_video: Path,
    coffee: Path,
    tmp_path: Path,
    s3_server,
    supabase_stack,
) -> None:
    data_dir = tmp_path / "app-data"
    request = request_for_video(sample_video, photo=coffee, title="Killed villa")
    request_file = tmp_path / "request.json"
    request_file.write_text(request.to_json(), encoding="utf-8")
    script = tmp_path / "publish_and_die.py"
    script.write_text(KILL_SCRIPT, encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, str(script), str(request_file)],
        env=env_for_subprocess(publish_settings, secrets, data_dir),
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO,
    )
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    # After the kill: everything uploaded, no row, and the outbox knows the next step.
    store = PublishOutbox(data_dir / "vidstudio.db")
    entry = store.get(request.render_id)
    assert entry is not None and entry.state == "uploading" and entry.step == "row"
    assert supabase_stack.rows() == []
    head = s3_server.client().head_object(Bucket=BUCKET, Key=entry.results["s3_key"])

    result = publish(request, clients, store, policy=FAST)
    assert result.steps_run == ("row",)
    assert len(supabase_stack.rows()) == 1
    again = s3_server.client().head_object(Bucket=BUCKET, Key=entry.results["s3_key"])
    assert again["LastModified"] == head["LastModified"] and again["ETag"] == head["ETag"]
    assert supabase_stack.storage.state.uploads == 2  # photo and poster, once each


def test_cancel_stops_between_steps_and_retry_finishes(
    clients: CloudClients, outbox: PublishOutbox, sample_video: Path, coffee: Path, supabase_stack
) -> None:
    from vidstudio.cloud.errors import PublishCancelled
    from vidstudio.render.pipeline import CancelToken

    token = CancelToken()
    request = request_for_video(sample_video, photo=coffee, title="Cancelled villa")

    def progress(p: PublishProgress) -> None:
        if p.step == "poster":
            token.cancel()

    with pytest.raises(PublishCancelled):
        publish(request, clients, outbox, progress, token, policy=FAST)
    entry = outbox.get(request.render_id)
    assert entry is not None and entry.state == "failed" and entry.step == "poster"
    assert entry.last_error == "Publishing was cancelled." and entry.next_attempt_at is None
    assert supabase_stack.rows() == []
    result = publish(request, clients, outbox, policy=FAST)
    assert result.steps_run == ("poster", "row") and len(supabase_stack.rows()) == 1


# --------------------------------------------------------------------------- one sentence a failure


def _failure(request: PublishRequest, clients: CloudClients, outbox: PublishOutbox) -> PublishError:
    with pytest.raises(PublishError) as info:
        publish(request, clients, outbox, policy=FAST)
    return info.value


def _assert_clean(
    error: PublishError, outbox: PublishOutbox, render_id: str, secrets: list[str], logs
) -> None:  # type: ignore[no-untyped-def]
    entry = outbox.get(render_id)
    assert entry is not None and entry.state == "failed" and entry.last_error == error.message
    texts = [str(error), repr(error), error.message, entry.last_error or ""]
    texts += [record.getMessage() for record in logs.records]
    import traceback

    texts.append("".join(traceback.format_exception(error)))
    assert_no_secret(texts, secrets)
    # What is stored about the publish: presigned links name the access key ID by AWS's
    # design (X-Amz-Credential), never the secret key or the Supabase key.
    assert_no_secret([json.dumps(entry.results)], [s for s in secrets if not s.startswith("AK")])
    assert "\n" not in error.message and error.message.endswith(".")


S3_CASES = {
    "access_denied": ("Amazon S3 refused access to the bucket vidstudio-test", "access_denied"),
    "signature": (
        "Amazon S3 rejected the AWS secret access key. Check it in Settings.",
        "signature",
    ),
    "unknown_key": (
        "Amazon S3 does not know this AWS access key ID. Check it in Settings.",
        "invalid_key",
    ),
    "no_bucket": ("The S3 bucket no-such-bucket does not exist.", "no_bucket"),
}


@pytest.mark.parametrize("case", sorted(S3_CASES))
def test_s3_credentials_and_bucket_problems_are_named(
    case: str,
    publish_settings: PublishSettings,
    secrets: Secrets,
    clean_services: None,
    outbox: PublishOutbox,
    sample_video: Path,
    coffee: Path,
    s3_server,
    vidstudio_logs,
) -> None:
    settings = publish_settings
    if case == "access_denied":
        secrets = replace(
            secrets,
            aws_access_key_id=s3_server.reader.access_key,
            aws_secret_access_key=s3_server.reader.secret_key,
        )
    elif case == "signature":
        secrets = replace(secrets, aws_secret_access_key=s3_server.reader.secret_key)
    elif case == "unknown_key":
        secrets = replace(secrets, aws_access_key_id="AKUNKNOWNUNKNOWN0000")
    else:
        settings = replace(settings, s3=replace(settings.s3, bucket="no-such-bucket"))
    clients = build_clients(settings, secrets)
    request = request_for_video(sample_video, photo=coffee, title="Denied")
    error = _failure(request, clients, outbox)
    expected, kind = S3_CASES[case]
    assert error.message.startswith(expected) and error.kind == kind and not error.retryable
    _assert_clean(error, outbox, request.render_id, list(secrets.values()), vidstudio_logs)
    assert outbox.get(request.render_id).next_attempt_at is None  # type: ignore[union-attr]


SUPABASE_CASES = {
    "anon": "Supabase Storage refused the upload: row-level security. Use the service_role key in Settings.",
    "foreign": "Supabase rejected the key in Settings: it is not a valid key for this project.",
    "expired": "The Supabase key in Settings has expired.",
    "no_bucket": "The Supabase Storage bucket missing-bucket does not exist.",
}


@pytest.mark.parametrize("case", sorted(SUPABASE_CASES))
def test_supabase_key_and_bucket_problems_are_named(
    case: str,
    publish_settings: PublishSettings,
    secrets: Secrets,
    clean_services: None,
    outbox: PublishOutbox,
    sample_video: Path,
    coffee: Path,
    supabase_stack,
    s3_server,
    vidstudio_logs,
) -> None:
    settings = publish_settings
    keys = {
        "anon": supabase_stack.anon_key,
        "foreign": supabase_stack.foreign_key,
        "expired": supabase_stack.expired_key,
    }
    if case in keys:
        secrets = replace(secrets, supabase_key=keys[case])
    else:
        settings = replace(settings, supabase=replace(settings.supabase, bucket="missing-bucket"))
    clients = build_clients(settings, secrets)
    request = request_for_video(sample_video, photo=coffee, title="Refused")
    error = _failure(request, clients, outbox)
    assert error.message.startswith(SUPABASE_CASES[case]) and not error.retryable
    entry = outbox.get(request.render_id)
    assert entry is not None and entry.step == "media:1"  # the video is up; the rest waits
    assert len(s3_objects(s3_server)) == 1 and supabase_stack.rows() == []
    _assert_clean(
        error,
        outbox,
        request.render_id,
        [*secrets.values(), supabase_stack.service_key],
        vidstudio_logs,
    )


ROW_CASES = {
    "anon": "Supabase refused the row: row-level security. Use the service_role key in Settings.",
    "foreign": "Supabase rejected the key in Settings: it is not a valid key for this project.",
    "expired": "The Supabase key in Settings has expired.",
}


@pytest.mark.parametrize("case", sorted(ROW_CASES))
def test_wrong_key_at_the_row_step_is_named_and_retry_with_the_right_key_finishes(
    case: str,
    publish_settings: PublishSettings,
    secrets: Secrets,
    clients: CloudClients,
    outbox: PublishOutbox,
    sample_video: Path,
    coffee: Path,
    supabase_stack,
    vidstudio_logs,
) -> None:
    """Objects went up with the service key; the row is then tried with a wrong one."""
    request = request_for_video(sample_video, photo=coffee, title="Row refused")
    from vidstudio.render.pipeline import CancelToken

    token = CancelToken()
    with pytest.raises(PublishError):
        publish(
            request,
            clients,
            outbox,
            lambda p: token.cancel() if p.step == "row" else None,
            token,
            policy=FAST,
        )
    key = {
        "anon": supabase_stack.anon_key,
        "foreign": supabase_stack.foreign_key,
        "expired": supabase_stack.expired_key,
    }[case]
    wrong = build_clients(publish_settings, replace(secrets, supabase_key=key))
    error = _failure(request, wrong, outbox)
    assert error.message.startswith(ROW_CASES[case])
    if case == "anon":
        assert error.message == ROW_CASES["anon"] and error.kind == "rls"
    assert supabase_stack.rows() == []
    _assert_clean(error, outbox, request.render_id, [key, *secrets.values()], vidstudio_logs)
    assert publish(request, clients, outbox, policy=FAST).steps_run == ("row",)
    assert len(supabase_stack.rows()) == 1


class SilentServer:
    """Accepts connections and never answers: a server that hangs."""

    def __init__(self) -> None:
        import socket

        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.conns: list = []  # type: ignore[type-arg]
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.conns.append(conn)

    def close(self) -> None:
        self.sock.close()
        for conn in self.conns:
            conn.close()


@pytest.fixture
def closing():  # type: ignore[no-untyped-def]
    made: list[CloudClients] = []
    yield made
    for clients in made:
        clients.close()


@pytest.fixture
def silent_server():  # type: ignore[no-untyped-def]
    server = SilentServer()
    yield server
    server.close()


@pytest.fixture
def no_such_host(monkeypatch: pytest.MonkeyPatch) -> str:
    """A host name the resolver does not know (answered here: no DNS query leaves this machine)."""
    import socket

    real = socket.getaddrinfo
    host = "storage.does-not-exist.test"

    def getaddrinfo(name, *args, **kwargs):  # type: ignore[no-untyped-def]
        if name == host:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return real(name, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return host


@pytest.mark.parametrize("service", ["s3", "supabase"])
@pytest.mark.parametrize("problem", ["unreachable", "dns", "timeout"])
def test_network_problems_are_named_and_retried(
    service: str,
    problem: str,
    publish_settings: PublishSettings,
    secrets: Secrets,
    clean_services: None,
    outbox: PublishOutbox,
    sample_video: Path,
    coffee: Path,
    silent_server,
    no_such_host: str,
    vidstudio_logs,
    closing: list[CloudClients],
) -> None:
    from helpers.services import free_port
    from vidstudio.cloud.factory import make_s3_client, make_supabase_client
    from vidstudio.cloud.s3 import S3Storage
    from vidstudio.cloud.supabase_store import SupabaseStore

    url = {
        "unreachable": f"http://127.0.0.1:{free_port()}",
        "dns": f"http://{no_such_host}:8000",
        "timeout": f"http://127.0.0.1:{silent_server.port}",
    }[problem]
    settings = publish_settings
    if service == "s3":
        settings = replace(settings, s3=replace(settings.s3, endpoint_url=url))
    else:
        settings = replace(settings, supabase=replace(settings.supabase, url=url))
    s3 = S3Storage(
        make_s3_client(settings.s3, secrets, max_attempts=1, connect_timeout=1, read_timeout=1),
        settings.s3,
    )
    sb = settings.supabase
    store = SupabaseStore(make_supabase_client(sb, secrets, timeout=1), sb.url, sb.bucket, sb.table)
    clients = CloudClients(s3, store, secrets)
    request = request_for_video(sample_video, photo=coffee, title="Offline")
    closing.append(clients)
    retries: list[PublishProgress] = []
    with pytest.raises(PublishError) as info:
        publish(
            request,
            clients,
            outbox,
            lambda p: retries.append(p) if p.step == "retrying" else None,
            policy=FAST,
        )
    error = info.value
    name = "Amazon S3" if service == "s3" else "Supabase"
    host = "127.0.0.1" if problem != "dns" else no_such_host
    expected = {
        "unreachable": f"Cannot reach {name} at {host}. Check the internet connection; "
        "publishing will try again.",
        "dns": f"Cannot find the {name} server {host} (the name lookup failed). "
        "Check the address in Settings and the internet connection.",
        "timeout": f"{name} at {host} did not answer in time. Publishing will try again.",
    }[problem]
    assert error.message == expected and error.retryable
    assert len(retries) == FAST.max_attempts - 1  # retried with backoff before giving up
    entry = outbox.get(request.render_id)
    assert entry is not None and entry.step == ("video" if service == "s3" else "media:1")
    assert entry.next_attempt_at is not None and entry.next_attempt_at > time.time()  # retried later
    assert entry.step in request.steps
    _assert_clean(error, outbox, request.render_id, list(secrets.values()), vidstudio_logs)


@pytest.mark.parametrize("gone", ["video", "photo"])
def test_a_file_gone_from_disk_is_named(
    gone: str,
    clients: CloudClients,
    outbox: PublishOutbox,
    coffee: Path,
    tmp_path: Path,
    secrets: Secrets,
    vidstudio_logs,
) -> None:
    video = make_mp4(tmp_path / "gone.mp4", frames=5)
    photo = tmp_path / "photo.png"
    shutil.copyfile(coffee, photo)
    request = request_for_video(video, photo=photo, title="Gone")
    (video if gone == "video" else photo).unlink()
    error = _failure(request, clients, outbox)
    name = "gone.mp4" if gone == "video" else "photo.png"
    assert error.message == f"The {gone} {name} is no longer on this computer. Render it again."
    assert error.kind == "file_missing" and not error.retryable
    _assert_clean(error, outbox, request.render_id, list(secrets.values()), vidstudio_logs)


# --------------------------------------------------------------------------- Test connection


def test_connection_checks_say_what_is_wrong(
    publish_settings: PublishSettings,
    secrets: Secrets,
    clean_services: None,
    s3_server,
    supabase_stack,
) -> None:
    from vidstudio.cloud.factory import check_s3, check_supabase

    ok = check_s3(publish_settings, secrets)
    assert ok.ok and ok.message == "Connected: videos can be uploaded to the bucket vidstudio-test."
    assert s3_objects(s3_server) == []  # the check leaves nothing behind
    reader = replace(
        secrets,
        aws_access_key_id=s3_server.reader.access_key,
        aws_secret_access_key=s3_server.reader.secret_key,
    )
    denied = check_s3(publish_settings, reader)
    assert not denied.ok and denied.message.startswith(
        "Amazon S3 refused access to the bucket vidstudio-test"
    )
    missing_keys = check_s3(publish_settings, Secrets())
    assert missing_keys.message == "Enter the AWS access key ID and secret access key in Settings."

    good = check_supabase(publish_settings, secrets)
    assert good.ok, good.message
    assert (
        good.message == "Storage: files can be uploaded to the bucket video-assets. "
        "Table: rows can be added to generated_videos."
    )
    assert supabase_stack.rows() == [] and supabase_stack.storage.objects() == {}
    anon = check_supabase(publish_settings, replace(secrets, supabase_key=supabase_stack.anon_key))
    assert not anon.ok and "row-level security. Use the service_role key in Settings." in anon.message
    from vidstudio.cloud.factory import make_supabase_client
    from vidstudio.cloud.supabase_store import SupabaseStore

    sb = publish_settings.supabase
    anon_table = SupabaseStore(
        make_supabase_client(sb, replace(secrets, supabase_key=supabase_stack.anon_key)),
        sb.url,
        sb.bucket,
        sb.table,
    )
    try:
        with pytest.raises(PublishError) as info:
            anon_table.check_table()
    finally:
        anon_table.close()
    assert (
        str(info.value)
        == "Supabase refused the row: row-level security. Use the service_role key in Settings."
    )
    no_table = check_supabase(replace(publish_settings, supabase=replace(sb, table="videos_typo")), secrets)
    assert not no_table.ok and no_table.message.startswith(
        "The table videos_typo does not exist in Supabase."
    )
    for result in (ok, denied, good, anon, no_table):
        assert_no_secret([result.message], [*secrets.values(), supabase_stack.anon_key])


def test_cancel_during_the_upload_stops_it_and_a_retry_uploads_once(
    big_upload: BigUpload, outbox: PublishOutbox, s3_server, supabase_stack
) -> None:
    from vidstudio.cloud.errors import PublishCancelled
    from vidstudio.render.pipeline import CancelToken

    clients, request = big_upload()
    token = CancelToken()
    seen: list[float] = []

    def progress(p: PublishProgress) -> None:
        if p.step == "video":
            seen.append(p.fraction)
            if p.fraction > 0.2:
                token.cancel()

    started = time.monotonic()
    with pytest.raises(PublishCancelled):
        publish(request, clients, outbox, progress, token, policy=FAST)
    assert time.monotonic() - started < 30
    assert max(seen) < 0.85  # stopped before the whole video went up
    entry = outbox.get("big-one")
    assert entry is not None and entry.step == "video" and entry.state == "failed"
    assert s3_objects(s3_server) == []
    result = publish(request, clients, outbox, policy=FAST)
    assert [o["Key"] for o in s3_objects(s3_server)] == [result.s3_key]
    assert len(supabase_stack.rows()) == 1


def test_a_render_job_from_the_app_store_publishes_under_its_id(
    qapp, clients: CloudClients, outbox: PublishOutbox, sample_video: Path, coffee: Path, supabase_stack
) -> None:  # type: ignore[no-untyped-def]
    from vidstudio.jobs.publish import request_for_job
    from vidstudio.jobs.store import Job, JobState

    job = Job(  # as the job store holds it (no request kept: the builder runs now)
        id="job-42",
        template="gallery",
        aspect="16:9",
        quality="draft",
        props={"title": "Villa Azul", "subtitle": "Sea view", "photo": str(coffee)},
        output_dir=str(sample_video.parent),
        state=JobState.RENDERED,
        output_path=str(sample_video),
        wall_time=3.25,
        finished_at=1_770_000_000.0,
    )
    request = request_for_job(job)
    result = publish(request, clients, outbox, policy=FAST)
    row = supabase_stack.rows()[0]
    assert (row["render_id"], row["template"], row["title"], row["subtitle"]) == (
        "job-42",
        "gallery",
        "Villa Azul",
        "Sea view",
    )
    assert row["render_seconds"] == 3.25
    assert result.s3_key == "renders/2026/02/job-42/villa-azul.mp4"
    no_video = replace(job, output_path=None)
    with pytest.raises(PublishError) as info:
        request_for_job(no_video)
    assert str(info.value) == "This render has no video yet."
