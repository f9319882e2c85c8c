"""The publish state machine and the status board, with in-memory fakes behind the Protocols
of ``vidstudio.jobs.publish`` (milliseconds; the real-service tests in tests/integration keep
the wire)."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from helpers.publish import publish_request
from vidstudio.cloud.errors import PublishCancelled, PublishError
from vidstudio.cloud.s3 import UploadedObject
from vidstudio.jobs.outbox import PublishOutbox, PublishRequest
from vidstudio.jobs.publish import PublishProgress, RetryPolicy, publish
from vidstudio.jobs.publish_queue import PublishBoard, PublishQueue, PublishStatus
from vidstudio.messages import Kind
from vidstudio.secrets import Secrets
from vidstudio.settings import S3Settings

NO_WAIT = RetryPolicy(max_attempts=3, base_seconds=0.0)


@dataclass
class FakeS3:
    settings: S3Settings = field(default_factory=S3Settings)
    objects: dict[str, bytes] = field(default_factory=dict)
    failures: list[PublishError] = field(default_factory=list)  # raised by the next uploads, in order
    calls: int = 0
    closed: bool = False

    def upload_video(self, path: Path, key: str, progress: Any = None, cancel: Any = None) -> UploadedObject:
        self.calls += 1
        if self.failures:
            raise self.failures.pop(0)
        data = path.read_bytes()
        for sent in (len(data) // 2, len(data)):
            if cancel is not None and cancel.cancelled:
                raise PublishCancelled()
            if progress is not None:
                progress(sent, len(data))
        self.objects[key] = data
        return UploadedObject("bucket", key, len(data), "etag")

    def abort_stale_uploads(self, key: str) -> int:
        return 0

    def link(self, key: str) -> str:
        return f"https://s3.invalid/{key}"

    def close(self) -> None:
        self.closed = True


@dataclass
class FakeSupabase:
    files: dict[str, bytes] = field(default_factory=dict)
    rows: dict[str, dict[str, Any]] = field(default_factory=dict)
    row_failures: list[PublishError] = field(default_factory=list)

    def upload_file(self, local: Path, remote: str, content_type: str) -> str:
        self.files[remote] = local.read_bytes()
        return f"https://storage.invalid/{remote}"

    def insert_row(self, row: dict[str, Any]) -> Any:
        if self.row_failures:
            raise self.row_failures.pop(0)
        self.rows.setdefault(row["render_id"], row)  # on_conflict render_id: duplicates ignored
        return row["render_id"]

    def close(self) -> None:
        pass


@dataclass
class FakeClients:
    s3: FakeS3 = field(default_factory=FakeS3)
    supabase: FakeSupabase = field(default_factory=FakeSupabase)
    secrets: Secrets = field(default_factory=lambda: Secrets(supabase_key="a-secret-key-value"))

    def close(self) -> None:
        self.s3.close()


@pytest.fixture
def request_(tmp_path: Path, coffee: Path) -> PublishRequest:
    video = tmp_path / "villa.mp4"
    video.write_bytes(b"\x00\x00\x00\x18ftypmp42" + bytes(2000))
    poster = tmp_path / "poster.jpg"
    poster.write_bytes(b"\xff\xd8\xff poster")
    return publish_request(
        video=str(video), photo=str(coffee), poster=str(poster), title="Nismara Pool Villa", size_bytes=2012
    )


def test_a_publish_runs_the_steps_in_order_and_commits_each(tmp_path: Path, request_: PublishRequest) -> None:
    outbox, clients = PublishOutbox(tmp_path / "o.db"), FakeClients()
    steps: list[str] = []
    result = publish(request_, clients, outbox, lambda p: steps.append(p.step), policy=NO_WAIT)
    assert [s for i, s in enumerate(steps) if i == 0 or steps[i - 1] != s] == [
        "video",
        "photo",
        "poster",
        "row",
        "published",
    ]
    assert result.steps_run == ("video", "photo", "poster", "row") and not result.already_published
    entry = outbox.get("r1")
    assert entry is not None and entry.published and entry.step == "done"
    assert list(clients.supabase.rows) == ["r1"] and len(clients.s3.objects) == 1
    again = publish(request_, clients, outbox, policy=NO_WAIT)
    assert again.already_published and clients.s3.calls == 1  # nothing is uploaded twice


def test_a_retryable_failure_is_retried_and_a_fatal_one_is_not(
    tmp_path: Path, request_: PublishRequest
) -> None:
    outbox, clients = PublishOutbox(tmp_path / "o.db"), FakeClients()
    clients.s3.failures = [PublishError("Amazon S3 is busy right now.", Kind.THROTTLED)]
    seen: list[PublishProgress] = []
    publish(request_, clients, outbox, seen.append, policy=NO_WAIT)
    retry = next(p for p in seen if p.step == "retrying")
    assert retry.error is not None and retry.error.kind is Kind.THROTTLED and clients.s3.calls == 2

    other = PublishOutbox(tmp_path / "p.db")
    clients = FakeClients()
    clients.supabase.row_failures = [PublishError("Supabase refused the row: row-level security.", Kind.RLS)]
    with pytest.raises(PublishError) as info:
        publish(request_, clients, other, policy=NO_WAIT)
    assert info.value.kind is Kind.RLS
    entry = other.get("r1")
    assert entry is not None and entry.state == "failed" and entry.step == "row"
    assert entry.error is not None and entry.error.kind is Kind.RLS and entry.next_attempt_at is None


def test_a_publish_resumes_at_the_step_that_failed(tmp_path: Path, request_: PublishRequest) -> None:
    outbox, clients = PublishOutbox(tmp_path / "o.db"), FakeClients()
    clients.supabase.row_failures = [PublishError("Cannot reach Supabase.", Kind.NETWORK)] * 3
    with pytest.raises(PublishError):
        publish(request_, clients, outbox, policy=NO_WAIT)
    entry = outbox.get("r1")
    assert entry is not None and entry.step == "row" and entry.next_attempt_at is not None  # retry later
    result = publish(request_, clients, outbox, policy=NO_WAIT)  # the network is back
    assert result.steps_run == ("row",) and clients.s3.calls == 1


def test_a_cancelled_publish_stops_and_says_so(tmp_path: Path, request_: PublishRequest) -> None:
    class Cancelled:
        cancelled = True

        def wait(self, seconds: float) -> bool:
            return True

    outbox = PublishOutbox(tmp_path / "o.db")
    with pytest.raises(PublishCancelled):
        publish(request_, FakeClients(), outbox, cancel=Cancelled(), policy=NO_WAIT)
    entry = outbox.get("r1")
    assert entry is not None and entry.state == "failed" and entry.error is not None
    assert entry.error.kind is Kind.CANCELLED


def test_the_board_coalesces_updates_and_never_reads_the_database(qtbot) -> None:  # type: ignore[no-untyped-def]
    board = PublishBoard(interval_ms=50)
    batches: list[list[str]] = []
    board.changed.connect(batches.append)

    def worker() -> None:  # a publish worker reporting 500 progress ticks as fast as it can
        for tick in range(500):
            board.set("r1", PublishStatus("uploading", tick / 500))
        board.set("r2", PublishStatus("failed"))

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: sum(len(b) for b in batches) >= 2)
    assert len(batches) <= 2 and {rid for batch in batches for rid in batch} == {"r1", "r2"}
    assert board.get("r1") == PublishStatus("uploading", 499 / 500)
    assert board.get("never") == PublishStatus()


def test_the_queue_publishes_on_its_worker_and_the_board_ends_published(
    qtbot, tmp_path: Path, request_: PublishRequest
) -> None:  # type: ignore[no-untyped-def]
    clients = FakeClients()
    queue = PublishQueue(PublishOutbox(tmp_path / "o.db"), lambda: clients, policy=NO_WAIT)
    with qtbot.waitSignal(queue.finished, timeout=10_000) as done:
        assert queue.submit(request_) is not None
    assert done.args == ["r1", "https://s3.invalid/" + next(iter(clients.s3.objects))]
    assert queue.board.get("r1").state == "published" and clients.s3.closed
    assert queue.shutdown()


def test_publishing_not_set_up_is_a_state_with_a_plain_sentence(
    qtbot, tmp_path: Path, request_: PublishRequest
) -> None:  # type: ignore[no-untyped-def]
    from vidstudio.jobs.publish import clients_from_settings
    from vidstudio.settings import Settings

    queue = PublishQueue(PublishOutbox(tmp_path / "o.db"), lambda: clients_from_settings(Settings()))
    with qtbot.waitSignal(queue.failed, timeout=10_000) as failed:
        queue.submit(request_)
    _render_id, error = failed.args
    assert error.kind is Kind.NOT_SET_UP
    assert error.text == (
        "Publishing is not set up yet. Open Settings → Publishing to connect S3 and Supabase."
    )
    assert queue.shutdown()
