"""The job store: every render (and later every publish) is a row in SQLite.

The database lives at ``paths.database_path()`` in WAL mode.  A job moves
through a fixed state machine (see :data:`TRANSITIONS`)::

    queued -> rendering -> rendered -> uploading -> published
       |          |            |           |
       +----------+------------+-----------+--> failed (with a reason) / cancelled

A job left in ``rendering`` (or ``uploading``) when vidstudio stopped is marked
failed with a plain reason by :meth:`JobStore.recover_interrupted`, which the
app calls on start, so nothing stays "rendering" forever.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import Any

from vidstudio import paths
from vidstudio.messages import QT_TRANSLATE_NOOP, Kind, Message, message


class JobState(StrEnum):
    QUEUED = "queued"
    RENDERING = "rendering"
    RENDERED = "rendered"  # publishing is the outbox's record (jobs/outbox.py), not a job state
    FAILED = "failed"
    CANCELLED = "cancelled"


TRANSITIONS: dict[JobState, frozenset[JobState]] = {
    JobState.QUEUED: frozenset({JobState.RENDERING, JobState.CANCELLED, JobState.FAILED}),
    JobState.RENDERING: frozenset({JobState.RENDERED, JobState.FAILED, JobState.CANCELLED}),
    JobState.RENDERED: frozenset(),
    JobState.FAILED: frozenset({JobState.QUEUED}),  # retry
    JobState.CANCELLED: frozenset({JobState.QUEUED}),
}
ACTIVE_STATES = frozenset({JobState.QUEUED, JobState.RENDERING})
INTERRUPTED_RENDER = QT_TRANSLATE_NOOP("Message", "Interrupted: vidstudio was closed during the render.")


class JobStateError(Exception):
    """A transition the state machine does not allow (a programming error)."""


@dataclass(frozen=True)
class Job:
    """One render job as stored.  ``props`` is :meth:`Props.to_json` output."""

    id: str
    template: str
    aspect: str
    quality: str
    props: dict[str, Any]
    output_dir: str
    state: JobState = JobState.QUEUED
    created_at: float = 0.0
    updated_at: float = 0.0
    started_at: float | None = None
    finished_at: float | None = None
    output_path: str | None = None
    poster_path: str | None = None
    wall_time: float | None = None
    duration: float | None = None
    size_bytes: int | None = None
    width: int | None = None
    height: int | None = None
    message: Message | None = None  # why it failed or was cancelled (stored in the column "error")
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def error(self) -> str | None:
        """The reason in English (logs, the CLI); the UI translates ``message``."""
        return self.message.text if self.message is not None else None

    @property
    def title(self) -> str:
        return str(self.props.get("title", ""))

    @property
    def finished(self) -> bool:
        return self.state not in ACTIVE_STATES


_COLUMNS = (
    "id",
    "template",
    "aspect",
    "quality",
    "props",
    "output_dir",
    "state",
    "created_at",
    "updated_at",
    "started_at",
    "finished_at",
    "output_path",
    "poster_path",
    "wall_time",
    "duration",
    "size_bytes",
    "width",
    "height",
    "error",
    "extra",
)
# Columns kept for databases of earlier versions, no longer written: video_url (publishing is
# the outbox's record).
_JSON_COLUMNS = ("props", "extra")

_SCHEMA_V1 = """
CREATE TABLE IF NOT EXISTS jobs (
    id          TEXT PRIMARY KEY,
    template    TEXT NOT NULL,
    aspect      TEXT NOT NULL,
    quality     TEXT NOT NULL,
    props       TEXT NOT NULL,
    output_dir  TEXT NOT NULL,
    state       TEXT NOT NULL,
    created_at  REAL NOT NULL,
    updated_at  REAL NOT NULL,
    started_at  REAL,
    finished_at REAL,
    output_path TEXT,
    poster_path TEXT,
    wall_time   REAL,
    duration    REAL,
    size_bytes  INTEGER,
    width       INTEGER,
    height      INTEGER,
    error       TEXT,
    video_url   TEXT,
    extra       TEXT NOT NULL DEFAULT '{}',
    seq         INTEGER
);
CREATE INDEX IF NOT EXISTS jobs_created ON jobs (created_at DESC);
CREATE INDEX IF NOT EXISTS jobs_state ON jobs (state);
"""
SCHEMA_VERSION = 1


def new_job_id() -> str:
    return uuid.uuid4().hex


class JobStore:
    """SQLite-backed jobs.  Safe to call from any thread (one connection, one lock)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = Path(path) if path else paths.database_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()
        self.closed = False
        self._db = sqlite3.connect(
            str(self.path), timeout=10.0, check_same_thread=False, isolation_level=None
        )
        self._db.row_factory = sqlite3.Row
        try:
            with self._lock:
                self._db.execute("PRAGMA journal_mode=WAL")
                self._db.execute("PRAGMA synchronous=NORMAL")
                self._db.execute("PRAGMA foreign_keys=ON")
                self._migrate()
        except BaseException:  # a damaged or locked database: never leave the connection open
            self._db.close()
            raise

    # ------------------------------------------------------------ plumbing
    def _migrate(self) -> None:
        version = int(self._db.execute("PRAGMA user_version").fetchone()[0])
        if version < 1:
            # executescript commits on its own: the script carries its transaction.
            self._db.executescript(
                f"BEGIN IMMEDIATE;\n{_SCHEMA_V1}\nPRAGMA user_version={SCHEMA_VERSION};\nCOMMIT;"
            )

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def close(self) -> None:
        with self._lock:
            self._db.close()
            self.closed = True

    def __enter__(self) -> JobStore:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @staticmethod
    def _row_to_job(row: sqlite3.Row) -> Job:
        data = {name: row[name] for name in _COLUMNS}
        for name in _JSON_COLUMNS:
            data[name] = json.loads(data[name] or "{}")
        data["state"] = _state(data["state"])
        data["message"] = Message.from_stored(data.pop("error"))
        return Job(**data)

    # ------------------------------------------------------------ queries
    def add(self, job: Job) -> Job:
        """Store a new job (state ``queued``); returns it with its timestamps set."""
        now = time.time()
        job = replace(job, state=JobState.QUEUED, created_at=now, updated_at=now)
        values = [getattr(job, name) for name in _COLUMNS]
        for index, name in enumerate(_COLUMNS):
            if name in _JSON_COLUMNS:
                values[index] = json.dumps(values[index], ensure_ascii=False)
            elif name == "state":
                values[index] = str(values[index])
            elif name == "error":
                values[index] = _stored_message(job.message)
        with self._transaction() as db:
            seq = db.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM jobs").fetchone()[0]
            placeholders = ", ".join("?" for _ in range(len(_COLUMNS) + 1))
            db.execute(
                f"INSERT INTO jobs ({', '.join(_COLUMNS)}, seq) VALUES ({placeholders})",
                [*values, seq],
            )
        return job

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            row = self._db.execute("SELECT * FROM jobs WHERE id = ?", (job_id,)).fetchone()
        return self._row_to_job(row) if row else None

    def require(self, job_id: str) -> Job:
        job = self.get(job_id)
        if job is None:
            raise KeyError(job_id)
        return job

    def history(self, limit: int = 500) -> list[Job]:
        """All jobs, newest first."""
        with self._lock:
            rows = self._db.execute("SELECT * FROM jobs ORDER BY seq DESC LIMIT ?", (limit,)).fetchall()
        return [self._row_to_job(row) for row in rows]

    def queued(self) -> list[Job]:
        """Jobs waiting to render, oldest first (the order they run in)."""
        with self._lock:
            rows = self._db.execute(
                "SELECT * FROM jobs WHERE state = ? ORDER BY seq ASC", (str(JobState.QUEUED),)
            ).fetchall()
        return [self._row_to_job(row) for row in rows]

    def in_state(self, *states: JobState) -> list[Job]:
        marks = ", ".join("?" for _ in states)
        with self._lock:
            rows = self._db.execute(
                f"SELECT * FROM jobs WHERE state IN ({marks}) ORDER BY seq ASC",
                [str(s) for s in states],
            ).fetchall()
        return [self._row_to_job(row) for row in rows]

    # ------------------------------------------------------------ changes
    def transition(self, job_id: str, new_state: JobState, **fields: Any) -> Job:
        """Move a job to ``new_state`` (checked against :data:`TRANSITIONS`) and set ``fields``."""
        unknown = set(fields) - set(_COLUMNS) - {"state"}
        if unknown:
            raise ValueError(f"unknown job fields: {sorted(unknown)}")
        with self._transaction() as db:
            row = db.execute("SELECT state FROM jobs WHERE id = ?", (job_id,)).fetchone()
            if row is None:
                raise KeyError(job_id)
            current = JobState(row["state"])
            if new_state not in TRANSITIONS[current]:
                raise JobStateError(f"job {job_id}: {current} -> {new_state} is not allowed")
            self._update(db, job_id, {**fields, "state": str(new_state)})
        return self.require(job_id)

    def update(self, job_id: str, **fields: Any) -> Job:
        """Set fields that are not the state (e.g. ``video_url``, ``poster_path``)."""
        if "state" in fields:
            raise ValueError("use transition() to change a job's state")
        unknown = set(fields) - set(_COLUMNS)
        if unknown:
            raise ValueError(f"unknown job fields: {sorted(unknown)}")
        with self._transaction() as db:
            self._update(db, job_id, fields)
        return self.require(job_id)

    @staticmethod
    def _update(db: sqlite3.Connection, job_id: str, fields: dict[str, Any]) -> None:
        fields = {**fields, "updated_at": time.time()}
        if "error" in fields:
            fields["error"] = _stored_message(fields["error"])
        for name in _JSON_COLUMNS:
            if name in fields:
                fields[name] = json.dumps(fields[name], ensure_ascii=False)
        assignments = ", ".join(f"{name} = ?" for name in fields)
        db.execute(f"UPDATE jobs SET {assignments} WHERE id = ?", [*fields.values(), job_id])

    def delete(self, job_id: str) -> bool:
        """Remove a finished job from the history (files on disk are left alone)."""
        with self._transaction() as db:
            row = db.execute("SELECT state FROM jobs WHERE id = ?", (job_id,)).fetchone()
            if row is None:
                return False
            if _state(row["state"]) is JobState.RENDERING:
                raise JobStateError(f"job {job_id} is running; cancel it first")
            db.execute("DELETE FROM jobs WHERE id = ?", (job_id,))
        return True

    def recover_interrupted(self) -> list[Job]:
        """Mark renders a previous run left running as failed; returns them.

        Also removes the hidden partial files such a render may have left next
        to its output.
        """
        now = time.time()
        recovered: list[Job] = []
        for job in self.in_state(JobState.RENDERING):
            _remove_partials(job.output_path)
            with self._transaction() as db:
                self._update(
                    db,
                    job.id,
                    {
                        "state": str(JobState.FAILED),
                        "error": message(INTERRUPTED_RENDER, Kind.INTERRUPTED),
                        "finished_at": now,
                    },
                )
            recovered.append(self.require(job.id))
        return recovered


def _state(stored: str) -> JobState:
    """A stored state; "uploading" and "published" (written by no release, but allowed by
    the schema of 0.1) are rendered videos: their publishing is in the outbox."""
    return JobState.RENDERED if stored in ("uploading", "published") else JobState(stored)


def _stored_message(value: Message | str | None) -> str | None:
    if value is None or isinstance(value, str):
        return value
    return value.to_json()


def _remove_partials(output_path: str | None) -> None:
    if not output_path:
        return
    from vidstudio.render.encoder import partial_files_for

    with contextlib.suppress(OSError):
        for partial in partial_files_for(Path(output_path)):
            partial.unlink()
