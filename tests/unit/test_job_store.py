"""The SQLite job store: WAL, the state machine, history order, recovery after a crash."""

from __future__ import annotations

import contextlib
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from vidstudio import paths
from vidstudio.jobs.store import (
    INTERRUPTED_RENDER,
    TRANSITIONS,
    Job,
    JobState,
    JobStateError,
    JobStore,
    new_job_id,
)
from vidstudio.messages import Kind, message


def _job(title: str = "Villa", output_dir: str = "/tmp") -> Job:
    return Job(
        id=new_job_id(),
        template="promo",
        aspect="16:9",
        quality="draft",
        props={"title": title, "photo": "/x.jpg"},
        output_dir=output_dir,
    )


@pytest.fixture
def store() -> JobStore:
    with JobStore() as opened:
        yield opened


def test_the_database_lives_in_the_data_dir_in_wal_mode(store: JobStore) -> None:
    assert store.path == paths.database_path()
    with contextlib.closing(sqlite3.connect(store.path)) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        columns = {row[1] for row in db.execute("PRAGMA table_info(jobs)")}
    assert {
        "props",
        "template",
        "aspect",
        "output_path",
        "state",
        "error",
        "video_url",
        "started_at",
        "finished_at",
        "wall_time",
    } <= columns


def test_a_job_round_trips_with_its_props(store: JobStore) -> None:
    added = store.add(_job("Casa Ñandú 🌴"))
    loaded = store.require(added.id)
    assert loaded == added
    assert loaded.state is JobState.QUEUED and loaded.title == "Casa Ñandú 🌴"


def test_the_normal_life_of_a_job(store: JobStore) -> None:
    job = store.add(_job())
    job = store.transition(job.id, JobState.RENDERING, started_at=1.0, output_path="/tmp/a.mp4")
    job = store.transition(job.id, JobState.RENDERED, finished_at=2.0, size_bytes=123)
    assert (job.state, job.size_bytes) == (JobState.RENDERED, 123)
    # Publishing is the outbox's record, not a job state: a rendered job is final.
    assert TRANSITIONS[JobState.RENDERED] == frozenset()
    assert {state.value for state in JobState} == {"queued", "rendering", "rendered", "failed", "cancelled"}


def test_states_of_version_0_1_that_no_release_wrote_read_as_rendered(store: JobStore) -> None:
    for old_state in ("uploading", "published"):
        job = store.add(_job(old_state))
        with closing(sqlite3.connect(store.path)) as db, db:
            db.execute("UPDATE jobs SET state = ? WHERE id = ?", (old_state, job.id))
        assert store.require(job.id).state is JobState.RENDERED
    assert store.recover_interrupted() == []


def test_a_failure_is_stored_as_a_message_and_read_in_any_language(store: JobStore) -> None:
    job = store.add(_job())
    store.transition(job.id, JobState.RENDERING)
    reason = message("The image {name} was not found.", Kind.IMAGE, name="casa.jpg")
    failed = store.transition(job.id, JobState.FAILED, error=reason)
    assert store.require(job.id).message == reason and failed.error == "The image casa.jpg was not found."
    spanish = {"The image {name} was not found.": "No se encontró la imagen {name}."}
    assert failed.message is not None
    assert failed.message.translated(lambda _ctx, text: spanish.get(text, text)) == (
        "No se encontró la imagen casa.jpg."
    )


@pytest.mark.parametrize(
    ("start", "target"),
    [
        (JobState.QUEUED, JobState.RENDERED),
        (JobState.RENDERED, JobState.RENDERING),
        (JobState.RENDERED, JobState.FAILED),
        (JobState.CANCELLED, JobState.RENDERED),
    ],
)
def test_impossible_transitions_are_refused(store: JobStore, start: JobState, target: JobState) -> None:
    job = store.add(_job())
    path = {
        JobState.QUEUED: [],
        JobState.RENDERED: [JobState.RENDERING, JobState.RENDERED],
        JobState.CANCELLED: [JobState.CANCELLED],
    }[start]
    for state in path:
        store.transition(job.id, state)
    assert target not in TRANSITIONS[start]
    with pytest.raises(JobStateError):
        store.transition(job.id, target)
    assert store.require(job.id).state is start


def test_failed_keeps_its_reason_and_can_be_retried(store: JobStore) -> None:
    job = store.add(_job())
    store.transition(job.id, JobState.RENDERING)
    failed = store.transition(job.id, JobState.FAILED, error="The disk is full.")
    assert failed.error == "The disk is full."
    assert store.transition(job.id, JobState.QUEUED).state is JobState.QUEUED


def test_history_is_newest_first_and_queue_oldest_first(store: JobStore) -> None:
    jobs = [store.add(_job(f"V{i}")) for i in range(3)]
    assert [j.id for j in store.history()] == [j.id for j in reversed(jobs)]
    assert [j.id for j in store.queued()] == [j.id for j in jobs]


def test_a_running_job_cannot_be_deleted(store: JobStore) -> None:
    job = store.add(_job())
    store.transition(job.id, JobState.RENDERING)
    with pytest.raises(JobStateError):
        store.delete(job.id)
    store.transition(job.id, JobState.CANCELLED)
    assert store.delete(job.id) and store.get(job.id) is None


def test_jobs_left_running_by_a_crash_become_failed_on_start(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with JobStore() as first:
        rendering = first.add(_job("R", str(out)))
        first.transition(rendering.id, JobState.RENDERING, output_path=str(out / "r-16x9.mp4"))
        rendered = first.add(_job("U"))
        for state in (JobState.RENDERING, JobState.RENDERED):
            first.transition(rendered.id, state)
        waiting = first.add(_job("Q"))
    partial = out / ".r-16x9.1234abcd.part.mp4"
    partial.write_bytes(b"half a video")
    other = out / "keep.mp4"
    other.write_bytes(b"someone else's")

    with JobStore() as second:  # the next start
        recovered = {job.id: job for job in second.recover_interrupted()}
        assert set(recovered) == {rendering.id}
        assert recovered[rendering.id].state is JobState.FAILED
        assert recovered[rendering.id].error == INTERRUPTED_RENDER
        assert second.require(rendered.id).state is JobState.RENDERED  # its publishing: the outbox
        assert second.require(waiting.id).state is JobState.QUEUED
        assert second.recover_interrupted() == []
    assert not partial.exists() and other.exists()


def test_a_database_that_cannot_be_migrated_leaves_no_connection_open(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[sqlite3.Connection] = []
    real_connect = sqlite3.connect

    def connect(*args: object, **kwargs: object) -> sqlite3.Connection:
        db = real_connect(*args, **kwargs)  # type: ignore[arg-type]
        opened.append(db)
        return db

    def broken(self: JobStore) -> None:
        raise sqlite3.DatabaseError("file is not a database")

    monkeypatch.setattr(sqlite3, "connect", connect)
    monkeypatch.setattr(JobStore, "_migrate", broken)
    with pytest.raises(sqlite3.DatabaseError):
        JobStore(tmp_path / "damaged.db")
    assert len(opened) == 1
    with pytest.raises(sqlite3.ProgrammingError):  # closed
        opened[0].execute("select 1")
