"""The publish outbox: every publish and the progress of each of its steps, in SQLite (WAL).

One row per ``render_id`` in the table ``publish_outbox`` of
:func:`vidstudio.paths.database_path`.  A step's result is committed before
the next step starts, so after a crash, a kill or a network cut publishing
resumes at the step that did not finish.  Adding the same ``render_id``
twice returns the existing entry: a render is published once.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any, Literal

from vidstudio import paths
from vidstudio.messages import Message

# The steps in order: the video first, the row last, so a row never points at a missing object.
STEPS: tuple[str, ...] = ("video", "photo", "poster", "row")
DONE = "done"

State = Literal["waiting", "uploading", "published", "failed"]

SCHEMA = """
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
create index if not exists publish_outbox_state on publish_outbox (state, next_attempt_at);
create index if not exists publish_outbox_video on publish_outbox (video_path);
"""


@dataclass(frozen=True)
class PublishRequest:
    """Everything publishing needs to know about one render (stored as JSON in the outbox)."""

    render_id: str
    video: str
    photo: str
    title: str
    template: str
    aspect: str
    width: int
    height: int
    fps: int
    duration_seconds: float
    size_bytes: int
    rendered_at: float  # epoch seconds; fixes the S3 key's year/month for every retry
    subtitle: str = ""
    poster: str | None = None  # a JPEG made at render time; else one is cut from the video
    poster_frame: int | None = None
    backend: str = "local"
    render_seconds: float | None = None
    cost_estimate: float | None = None
    app_version: str = ""

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> PublishRequest:
        data = json.loads(text)
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})


@dataclass(frozen=True)
class OutboxEntry:
    render_id: str
    request: PublishRequest
    state: State
    step: str
    results: dict[str, Any] = field(default_factory=dict)
    attempts: int = 0
    error: Message | None = None  # why the last attempt failed (translatable)
    error_kind: str | None = None
    next_attempt_at: float | None = None
    created_at: float = 0.0
    updated_at: float = 0.0
    published_at: float | None = None

    @property
    def published(self) -> bool:
        return self.state == "published"

    @property
    def last_error(self) -> str | None:
        """The last failure in English (logs, the CLI)."""
        return self.error.text if self.error is not None else None


class PublishOutbox:
    """The outbox table.  Thread-safe: one connection per call, short transactions."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = Path(path) if path is not None else paths.database_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        with self._connect() as db:
            db.execute("pragma journal_mode=wal")
            db.executescript(SCHEMA)

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        try:
            db.row_factory = sqlite3.Row
            db.execute("pragma busy_timeout=30000")
            db.execute("pragma synchronous=normal")
            yield db
        finally:
            db.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock, self._connect() as db:
            db.execute("begin immediate")
            try:
                yield db
            except BaseException:
                db.execute("rollback")
                raise
            db.execute("commit")

    @staticmethod
    def _entry(row: sqlite3.Row) -> OutboxEntry:
        return OutboxEntry(
            render_id=row["render_id"],
            request=PublishRequest.from_json(row["request"]),
            state=row["state"],
            step=row["step"],
            results=json.loads(row["results"] or "{}"),
            attempts=row["attempts"],
            error=Message.from_stored(row["last_error"]),
            error_kind=row["error_kind"],
            next_attempt_at=row["next_attempt_at"],
            created_at=row["created_at"],
            updated_at=row["updated_at"],
            published_at=row["published_at"],
        )

    # ------------------------------------------------------------------ reading

    def get(self, render_id: str) -> OutboxEntry | None:
        with self._connect() as db:
            row = db.execute("select * from publish_outbox where render_id = ?", (render_id,)).fetchone()
        return self._entry(row) if row else None

    def find_by_video(self, video: Path) -> OutboxEntry | None:
        """The newest entry for this video file."""
        with self._connect() as db:
            row = db.execute(
                "select * from publish_outbox where video_path = ? order by created_at desc limit 1",
                (str(Path(video).resolve()),),
            ).fetchone()
        return self._entry(row) if row else None

    def entries(self, states: tuple[str, ...] | None = None) -> list[OutboxEntry]:
        with self._connect() as db:
            if states:
                marks = ",".join("?" * len(states))
                rows = db.execute(
                    f"select * from publish_outbox where state in ({marks}) order by created_at",
                    states,
                ).fetchall()
            else:
                rows = db.execute("select * from publish_outbox order by created_at").fetchall()
        return [self._entry(r) for r in rows]

    def due(self, now: float | None = None) -> list[OutboxEntry]:
        """Entries to (re)start now: interrupted ones, and failed ones whose retry time has come."""
        now = time.time() if now is None else now
        with self._connect() as db:
            rows = db.execute(
                "select * from publish_outbox where state in ('waiting', 'uploading') "
                "or (state = 'failed' and next_attempt_at is not null and next_attempt_at <= ?) "
                "order by created_at",
                (now,),
            ).fetchall()
        return [self._entry(r) for r in rows]

    # ------------------------------------------------------------------ writing

    def add(self, request: PublishRequest) -> OutboxEntry:
        """Record ``request`` (nothing changes when its render_id is already there)."""
        now = time.time()
        with self._transaction() as db:
            db.execute(
                "insert into publish_outbox (render_id, request, video_path, created_at, "
                "updated_at) "
                "values (?, ?, ?, ?, ?) on conflict (render_id) do nothing",
                (
                    request.render_id,
                    request.to_json(),
                    str(Path(request.video).resolve()),
                    now,
                    now,
                ),
            )
        entry = self.get(request.render_id)
        assert entry is not None
        return entry

    def set_state(
        self,
        render_id: str,
        state: State,
        *,
        error: Message | None = None,
        next_attempt_at: float | None = None,
    ) -> None:
        """Move to ``state``; ``error`` says why (stored as a message, translated when shown)."""
        now = time.time()
        stored, kind = (error.to_json(), str(error.kind)) if error is not None else (None, None)
        with self._transaction() as db:
            db.execute(
                "update publish_outbox set state = ?, last_error = ?, error_kind = ?, "
                "next_attempt_at = ?, updated_at = ?, "
                "published_at = case when ? = 'published' then ? else published_at end "
                "where render_id = ?",
                (state, stored, kind, next_attempt_at, now, state, now, render_id),
            )

    def record_attempt_error(self, render_id: str, error: Message) -> int:
        """Count a failed attempt (the state stays as it is); returns the attempts so far."""
        with self._transaction() as db:
            db.execute(
                "update publish_outbox set attempts = attempts + 1, last_error = ?, error_kind = "
                "?, "
                "updated_at = ? where render_id = ?",
                (error.to_json(), str(error.kind), time.time(), render_id),
            )
            row = db.execute(
                "select attempts from publish_outbox where render_id = ?", (render_id,)
            ).fetchone()
        return int(row["attempts"]) if row else 0

    def complete_step(self, render_id: str, step: str, result: dict[str, Any]) -> OutboxEntry:
        """Store ``step``'s result and move on to the next step, in one transaction."""
        if step not in STEPS:
            raise ValueError(f"unknown step {step!r}")
        following = STEPS[STEPS.index(step) + 1] if step != STEPS[-1] else DONE
        with self._transaction() as db:
            row = db.execute(
                "select results from publish_outbox where render_id = ?", (render_id,)
            ).fetchone()
            if row is None:
                raise KeyError(render_id)
            results = json.loads(row["results"] or "{}")
            results.update(result)
            db.execute(
                "update publish_outbox set step = ?, results = ?, last_error = null, error_kind = "
                "null, "
                "updated_at = ? where render_id = ?",
                (following, json.dumps(results, ensure_ascii=False), time.time(), render_id),
            )
        entry = self.get(render_id)
        assert entry is not None
        return entry

    def forget(self, render_id: str) -> None:
        with self._transaction() as db:
            db.execute("delete from publish_outbox where render_id = ?", (render_id,))
