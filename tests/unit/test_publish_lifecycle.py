"""The publish state machine and the status board, with in-memory fakes behind the Protocols
of ``vidstudio.jobs.publish`` (milliseconds; the real-service tests in tests/integration keep
the wire)."""

from __future__ import annotations

import contextlib
import json
import sqlite3
import threading
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pytest

from helpers.media import make_audio_only
from helpers.publish import make_mp4, make_photo, make_tour, publish_request, rendered_tour
from vidstudio.cloud.errors import PublishCancelled, PublishError
from vidstudio.cloud.s3 import UploadedObject
from vidstudio.cloud.supabase_store import ROW_COLUMNS
from vidstudio.jobs.outbox import PublishMedia, PublishOutbox, PublishRequest
from vidstudio.jobs.publish import (
    PublishProgress,
    RetryPolicy,
    publish,
    request_for_job,
    request_for_video,
    step_name,
)
from vidstudio.jobs.publish_queue import PublishBoard, PublishQueue, PublishStatus
from vidstudio.jobs.store import Job, JobState
from vidstudio.messages import Kind
from vidstudio.render.props import Music, Props
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
    uploads: list[str] = field(default_factory=list)  # every upload's remote name, in order
    types: dict[str, str] = field(default_factory=dict)
    fail_upload: Any = None  # called with the remote name before each upload; may raise

    def upload_file(self, local: Path, remote: str, content_type: str) -> str:
        if self.fail_upload is not None:
            self.fail_upload(remote)
        self.uploads.append(remote)
        self.files[remote], self.types[remote] = local.read_bytes(), content_type
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
        "media:1",
        "poster",
        "row",
        "published",
    ]
    assert result.steps_run == ("video", "media:1", "poster", "row") and not result.already_published
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


# --------------------------------------------------------------------------- listing tours


class Killed(BaseException):
    """The process dying in the middle of an upload (nothing in publish catches it)."""


@pytest.fixture
def tour(tmp_path: Path) -> PublishRequest:
    """A rendered tour: photo, photo, clip, photo, with music, as request_for_video makes it."""
    video = rendered_tour(tmp_path / "tour.mp4")
    return request_for_video(
        video,
        media=make_tour(tmp_path / "media"),
        title="Nismara Pool Villa",
        music_name="Sunny Day",
        render_id="tour1",
        poster=make_photo(tmp_path / "poster.jpg"),
    )


def media_uploads(clients: FakeClients) -> list[str]:
    return [r for r in clients.supabase.uploads if r.startswith("photos/")]


def test_a_tour_uploads_every_item_in_order_and_one_row_lists_them(
    tmp_path: Path, tour: PublishRequest
) -> None:
    assert [item.kind for item in tour.items] == ["photo", "photo", "clip", "photo"]
    assert tour.photo.endswith("pool.jpg") and tour.has_audio and tour.music_name == "Sunny Day"
    outbox, clients = PublishOutbox(tmp_path / "o.db"), FakeClients()
    seen: list[PublishProgress] = []
    result = publish(tour, clients, outbox, seen.append, policy=NO_WAIT)
    steps = ("video", "media:1", "media:2", "media:3", "media:4", "poster", "row")
    assert tour.steps == steps and result.steps_run == steps
    assert media_uploads(clients) == [
        "photos/tour1/nismara-pool-villa.jpg",
        "photos/tour1/nismara-pool-villa-02.png",
        "photos/tour1/nismara-pool-villa-03.jpg",  # the clip's first frame
        "photos/tour1/nismara-pool-villa-04.jpg",
    ]
    clip_picture = clients.supabase.files["photos/tour1/nismara-pool-villa-03.jpg"]
    assert clip_picture[:3] == b"\xff\xd8\xff"
    assert clients.supabase.types["photos/tour1/nismara-pool-villa-02.png"] == "image/png"
    row = clients.supabase.rows["tour1"]
    urls = [f"https://storage.invalid/{r}" for r in media_uploads(clients)]
    assert row["media_urls"] == urls and list(result.media_urls) == urls
    assert row["image_url"] == urls[0] == result.image_url
    assert (row["has_audio"], row["music_name"]) == (True, "Sunny Day")
    assert row["duration_seconds"] == pytest.approx(0.333, abs=0.1)
    assert set(row) <= set(ROW_COLUMNS)
    # Progress climbs through every step to 1, and names how many items there are.
    fractions = [p.fraction for p in seen]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert {p.step for p in seen} >= set(steps) and seen[0].items == 4
    assert step_name("media:3", 4) == "Uploading media 3 of 4"
    # Publishing again: the same one row, nothing uploaded again.
    again = publish(tour, clients, outbox, policy=NO_WAIT)
    assert again.already_published and len(clients.supabase.rows) == 1
    assert len(media_uploads(clients)) == 4 and clients.s3.calls == 1


def test_a_tour_of_clips_only_shows_the_first_clips_picture(tmp_path: Path) -> None:
    clips = [make_mp4(tmp_path / f"clip{n}.mp4", frames=3, size=(64, 36)) for n in (1, 2)]
    request = request_for_video(make_mp4(tmp_path / "v.mp4", frames=5), media=clips, title="Clips")
    assert request.photo == "" and not request.has_audio and request.music_name is None
    clients = FakeClients()
    result = publish(request, clients, PublishOutbox(tmp_path / "o.db"), policy=NO_WAIT)
    row = clients.supabase.rows[request.render_id]
    assert len(row["media_urls"]) == 2 and row["image_url"] == row["media_urls"][0] == result.image_url


@pytest.mark.parametrize("how", ["network", "killed"])
def test_a_tour_cut_after_item_3_resumes_at_item_4(tmp_path: Path, tour: PublishRequest, how: str) -> None:
    db = tmp_path / "o.db"
    clients = FakeClients()

    def cut(remote: str) -> None:
        if remote.endswith("-04.jpg"):
            if how == "killed":
                raise Killed()
            raise PublishError("Cannot reach Supabase.", Kind.NETWORK)

    clients.supabase.fail_upload = cut
    with pytest.raises(Killed if how == "killed" else PublishError):
        publish(tour, clients, PublishOutbox(db), policy=NO_WAIT)
    reopened = PublishOutbox(db)  # the next start of the app
    entry = reopened.get("tour1")
    assert entry is not None and entry.step == "media:4"
    assert entry.state == ("uploading" if how == "killed" else "failed")
    assert [entry.results[f"media:{n}"]["kind"] for n in (1, 2, 3)] == ["photo", "photo", "clip"]
    assert len(media_uploads(clients)) == 3
    if how == "killed":
        assert [e.render_id for e in reopened.due()] == ["tour1"]

    clients.supabase.fail_upload = None  # the network is back
    result = publish(tour, clients, reopened, policy=NO_WAIT)
    assert result.steps_run == ("media:4", "poster", "row") and clients.s3.calls == 1
    assert len(media_uploads(clients)) == 4  # items 1-3 were not uploaded again
    assert len(clients.supabase.rows["tour1"]["media_urls"]) == 4


def test_a_media_file_removed_before_publishing_is_named_and_the_entry_waits(
    tmp_path: Path, tour: PublishRequest
) -> None:
    outbox, clients = PublishOutbox(tmp_path / "o.db"), FakeClients()
    living = Path(tour.items[1].path)
    hidden = living.rename(living.with_name("moved away.png"))
    with pytest.raises(PublishError) as info:
        publish(tour, clients, outbox, policy=NO_WAIT)
    error = info.value
    assert error.kind is Kind.FILE_MISSING and not error.retryable
    assert error.message == "The photo living room.png is no longer on this computer. Render it again."
    entry = outbox.get("tour1")
    assert entry is not None and entry.state == "failed" and entry.step == "media:2"
    assert entry.next_attempt_at is None and entry.error is not None and entry.error.kind is Kind.FILE_MISSING
    assert "media:1" in entry.results and entry.results["video_url"]  # nothing lost
    assert clients.s3.calls == 1 and len(media_uploads(clients)) == 1

    clip = Path(tour.items[2].path)
    clip.unlink()
    hidden.rename(living)  # the photo is back, the clip is gone
    with pytest.raises(PublishError) as info:
        publish(tour, clients, outbox, policy=NO_WAIT)
    assert info.value.message == "The clip garden walk.mp4 is no longer on this computer. Render it again."
    assert info.value.kind is Kind.FILE_MISSING
    assert outbox.get("tour1").step == "media:3"  # type: ignore[union-attr]
    assert len(media_uploads(clients)) == 2


@pytest.mark.parametrize("damage", ["not a video", "truncated", "no picture"])
def test_a_clip_that_cannot_be_read_is_one_plain_sentence(
    tmp_path: Path, tour: PublishRequest, damage: str
) -> None:
    clip = Path(tour.items[2].path)
    if damage == "not a video":
        clip.write_bytes(b"\x00\x00\x00\x18ftypmp42 not really a video")
    elif damage == "truncated":
        clip.write_bytes(clip.read_bytes()[:300])
    else:
        make_audio_only(clip)
    outbox = PublishOutbox(tmp_path / "o.db")
    with pytest.raises(PublishError) as info:
        publish(tour, FakeClients(), outbox, policy=NO_WAIT)
    assert info.value.message == (
        "The clip garden walk.mp4 cannot be read: it is damaged or not a video this app can open."
    )
    assert info.value.kind is Kind.BAD_INPUT and outbox.get("tour1").step == "media:3"  # type: ignore[union-attr]


def test_the_queue_refuses_a_tour_whose_next_item_is_gone_but_not_one_already_uploaded(
    qtbot, tmp_path: Path, tour: PublishRequest
) -> None:  # type: ignore[no-untyped-def]
    outbox, clients = PublishOutbox(tmp_path / "o.db"), FakeClients()
    outbox.add(tour)
    video = {"s3_bucket": "b", "s3_key": "k", "s3_etag": "e", "video_url": "v"}
    outbox.complete_step("tour1", "video", video)
    outbox.complete_step("tour1", "media:1", {"media:1": {"path": "p", "url": "u", "kind": "photo"}})
    Path(tour.items[0].path).unlink()  # already uploaded: not needed any more
    queue = PublishQueue(outbox, lambda: clients, policy=NO_WAIT)
    with qtbot.waitSignal(queue.finished, timeout=10_000):
        assert queue.submit(tour) is not None
    assert clients.supabase.rows["tour1"]["media_urls"][0] == "u" and clients.s3.calls == 0
    assert queue.shutdown()

    other = PublishQueue(PublishOutbox(tmp_path / "p.db"), lambda: clients, policy=NO_WAIT)
    make_photo(Path(tour.items[0].path))  # back, so the first one gone is the last photo
    Path(tour.items[3].path).unlink()
    with qtbot.waitSignal(other.failed, timeout=5_000) as failed:
        assert other.submit(tour) is None
    assert failed.args[1].text == "The photo bedroom.jpg is no longer on this computer. Render it again."
    assert failed.args[1].kind is Kind.FILE_MISSING
    assert other.shutdown()


# --------------------------------------------------------------------------- older outboxes

# The table as the code before listing tours created it, and a request as it stored it.
OLD_SCHEMA = """
create table if not exists publish_outbox (
    render_id       text primary key,
    request         text not null,
    video_path      text not null,
    state           text not null default 'waiting',
    step            text not null default 'video',
    results         text not null default '{}',
    attempts        integer not null default 0,
    last_error      text,
    error_kind      text,
    next_attempt_at real,
    created_at      real not null,
    updated_at      real not null,
    published_at    real
);
"""


def old_outbox(db: Path, video: Path, photo: Path, step: str, results: dict[str, Any]) -> None:
    request = {  # PublishRequest.to_json of 0.4: no media, has_audio or music_name
        "render_id": "old1",
        "video": str(video),
        "photo": str(photo),
        "title": "Old Villa",
        "template": "promo",
        "aspect": "16:9",
        "width": 320,
        "height": 180,
        "fps": 30,
        "duration_seconds": 1.0,
        "size_bytes": video.stat().st_size,
        "rendered_at": 1_780_000_000.0,
        "subtitle": "",
        "poster": None,
        "poster_frame": None,
        "backend": "local",
        "render_seconds": 2.0,
        "cost_estimate": None,
        "app_version": "0.4.0",
    }
    with contextlib.closing(sqlite3.connect(db)) as raw, raw:
        raw.executescript(OLD_SCHEMA)
        raw.execute(
            "insert into publish_outbox (render_id, request, video_path, state, step, results, "
            "created_at, updated_at) values ('old1', ?, ?, 'uploading', ?, ?, 1, 1)",
            (json.dumps(request), str(video), step, json.dumps(results)),
        )


def test_an_old_outbox_waiting_at_its_photo_step_resumes_at_media_1(tmp_path: Path, coffee: Path) -> None:
    video = make_mp4(tmp_path / "old.mp4", frames=5)
    uploaded = {
        "s3_bucket": "bucket",
        "s3_key": "renders/old1/old-villa.mp4",
        "s3_etag": "e",
        "video_url": "v",
    }
    old_outbox(tmp_path / "o.db", video, coffee, "photo", uploaded)
    outbox = PublishOutbox(tmp_path / "o.db")
    entry = outbox.get("old1")
    assert entry is not None and entry.step == "media:1" and entry.request.steps[1] == "media:1"
    assert [e.render_id for e in outbox.due()] == ["old1"]
    clients = FakeClients()
    result = publish(entry.request, clients, outbox, policy=NO_WAIT)
    assert result.steps_run == ("media:1", "poster", "row") and clients.s3.calls == 0
    row = clients.supabase.rows["old1"]
    assert row["image_url"] == "https://storage.invalid/photos/old1/old-villa.png"
    assert row["media_urls"] == [row["image_url"]]
    assert (row["has_audio"], row["music_name"]) == (False, None)


def test_an_old_outbox_past_its_photo_step_keeps_the_photo_it_uploaded(tmp_path: Path, coffee: Path) -> None:
    video = make_mp4(tmp_path / "old.mp4", frames=5)
    done = {
        "s3_bucket": "bucket",
        "s3_key": "renders/old1/old-villa.mp4",
        "s3_etag": "e",
        "video_url": "v",
        "photo_path": "photos/old1/old-villa.png",
        "image_url": "https://old.invalid/photos/old1/old-villa.png",
    }
    old_outbox(tmp_path / "o.db", video, coffee, "poster", done)
    outbox = PublishOutbox(tmp_path / "o.db")
    PublishOutbox(tmp_path / "o.db")  # opening twice changes nothing more
    entry = outbox.get("old1")
    assert entry is not None and entry.step == "poster"
    assert entry.results["media:1"] == {"path": "photos/old1/old-villa.png", "url": done["image_url"]}
    clients = FakeClients()
    result = publish(entry.request, clients, outbox, policy=NO_WAIT)
    assert result.steps_run == ("poster", "row") and media_uploads(clients) == []
    row = clients.supabase.rows["old1"]
    assert row["image_url"] == done["image_url"] and row["media_urls"] == [done["image_url"]]


def test_a_request_stored_before_tours_loads_as_a_one_photo_video() -> None:
    stored = json.loads(publish_request(photo="/x/villa.jpg").to_json())
    for name in ("media", "has_audio", "music_name"):
        del stored[name]
    request = PublishRequest.from_json(json.dumps(stored))
    assert request.items == (PublishMedia("/x/villa.jpg", "photo"),)
    assert request.steps == ("video", "media:1", "poster", "row")
    assert (request.has_audio, request.music_name) == (False, None)
    tour = replace(request, media=(PublishMedia("/a.jpg"), PublishMedia("/b.mov", "clip")))
    assert PublishRequest.from_json(tour.to_json()) == tour  # the media survive the outbox


# --------------------------------------------------------------------------- requests of jobs


def rendered_job(video: Path, props: dict[str, Any], **extra: Any) -> Job:
    return Job(
        id="job-1",
        template="promo",
        aspect="16:9",
        quality="draft",
        props=props,
        output_dir=str(video.parent),
        state=JobState.RENDERED,
        output_path=str(video),
        finished_at=1_780_000_000.0,
        extra=extra,
    )


@pytest.mark.parametrize("sound", [False, True])
def test_a_tour_jobs_request_lists_its_media_and_reads_the_sound_from_the_file(
    tmp_path: Path, sound: bool
) -> None:
    media = make_tour(tmp_path / "media")
    props = Props(title="Tour", media=media, music=Music(tmp_path / "Sunny Day.mp3"), duration=15)
    video = rendered_tour(tmp_path / "tour.mp4", sound=sound)
    request = request_for_job(rendered_job(video, props.to_json()))
    assert [(Path(m.path).name, m.kind) for m in request.items] == [
        ("pool.jpg", "photo"),
        ("living room.png", "photo"),
        ("garden walk.mp4", "clip"),
        ("bedroom.jpg", "photo"),
    ]
    assert request.photo == str(media[0]) and request.music_name == "Sunny Day"
    assert request.has_audio is sound  # music in the props, but the file decides
    assert request.duration_seconds == pytest.approx(0.333, abs=0.1)
    assert request.rendered_at == 1_780_000_000.0
    stored = rendered_job(video, props.to_json(), publish_request=json.loads(request.to_json()))
    assert request_for_job(stored) == request  # the request kept with the job comes back as it was


def test_a_job_stored_before_tours_publishes_as_a_one_photo_video(tmp_path: Path, coffee: Path) -> None:
    video = make_mp4(tmp_path / "old.mp4", frames=5)
    request = request_for_job(rendered_job(video, {"title": "Old Villa", "photo": str(coffee)}))
    assert request.items == (PublishMedia(str(coffee.resolve()), "photo"),)
    assert request.steps == ("video", "media:1", "poster", "row") and request.music_name is None
    old = json.loads(request.to_json())
    for name in ("media", "has_audio", "music_name"):
        del old[name]
    kept = request_for_job(
        rendered_job(video, {"title": "Old Villa", "photo": str(coffee)}, publish_request=old)
    )
    assert kept.items == request.items and not kept.has_audio
    clients = FakeClients()
    publish(kept, clients, PublishOutbox(tmp_path / "o.db"), policy=NO_WAIT)
    assert clients.supabase.rows["job-1"]["media_urls"] == [clients.supabase.rows["job-1"]["image_url"]]
