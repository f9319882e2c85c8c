"""The publish outbox: every publish and the progress of each of its steps, in SQLite (WAL).

One row per ``render_id`` in the table ``publish_outbox`` of
:func:`vidstudio.paths.database_path`.  A step's result is committed before
the next step starts, so after a crash, a kill or a network cut publishing
resumes at the step that did not finish.  Adding the same ``render_id``
twice returns the existing entry: a render is published once.

The steps of a request (:attr:`PublishRequest.steps`): ``video``, then one ``media:N`` per
photo or clip in the video's order (``media:1`` … ``media:N``), then ``poster`` and ``row``.
Databases written before listing tours name the photo step ``photo``: opening the outbox
renames it ``media:1`` and files the photo's result under ``media:1`` too
(:func:`_migrate`), so nothing else ever sees the old names.
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

# The steps in order: the video first, then each photo or clip, the row last, so a row never
# points at a missing object.  ``media:N`` stands for the N-th item (see PublishRequest.steps).
FIRST_STEPS: tuple[str, ...] = ("video",)
LAST_STEPS: tuple[str, ...] = ("poster", "row")
DONE = "done"
MEDIA_STEP = "media"
OLD_PHOTO_STEP = "photo"  # the one photo step of outboxes written before listing tours

MediaKind = Literal["photo", "clip"]


def media_step(number: int) -> str:
    """The step of the ``number``-th photo or clip (counted from 1): ``media:3``."""
    return f"{MEDIA_STEP}:{number}"


def media_number(step: str) -> int | None:
    """3 for ``media:3``; None for the other steps."""
    head, _, tail = step.partition(":")
    return int(tail) if head == MEDIA_STEP and tail.isdigit() else None


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
class PublishMedia:
    """One photo or clip of a video, as publishing sees it: where it is and what it is."""

    path: str
    kind: MediaKind = "photo"

    @classmethod
    def from_json(cls, data: Any) -> PublishMedia:
        if isinstance(data, str):
            return cls(data)
        return cls(str(data["path"]), "clip" if data.get("kind") == "clip" else "photo")


@dataclass(frozen=True)
class PublishRequest:
    """Everything publishing needs to know about one render (stored as JSON in the outbox).

    ``media`` is every photo and clip in the video's order; ``photo`` the first photo ("" when
    the video has only clips).  A request stored before listing tours has no ``media``: it is
    the one-photo video of ``photo`` (:attr:`items`).  ``duration_seconds`` and ``has_audio``
    are the rendered file's own; ``music_name`` the music track's name, None without music.
    """

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
    media: tuple[PublishMedia, ...] = ()
    has_audio: bool = False
    music_name: str | None = None

    @property
    def items(self) -> tuple[PublishMedia, ...]:
        """The photos and clips to publish, in order (an older request: its one photo)."""
        if self.media:
            return self.media
        return (PublishMedia(self.photo, "photo"),) if self.photo else ()

    @property
    def steps(self) -> tuple[str, ...]:
        """This request's steps in order: video, media:1 … media:N, poster, row."""
        numbered = tuple(media_step(n) for n in range(1, len(self.items) + 1))
        return FIRST_STEPS + numbered + LAST_STEPS

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> PublishRequest:
        data = json.loads(text)
        names = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in names}
        values["media"] = tuple(PublishMedia.from_json(m) for m in values.get("media") or ())
        return cls(**values)


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
        with self._transaction() as db:
            _migrate(db)

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
        with self._transaction() as db:
            row = db.execute(
                "select request, results from publish_outbox where render_id = ?", (render_id,)
            ).fetchone()
            if row is None:
                raise KeyError(render_id)
            steps = PublishRequest.from_json(row["request"]).steps
            if step not in steps:
                raise ValueError(f"unknown step {step!r}")
            following = steps[steps.index(step) + 1] if step != steps[-1] else DONE
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


def _migrate(db: sqlite3.Connection) -> None:
    """Bring entries written before listing tours to today's steps (in the open's transaction).

    Their photo step was ``photo`` and its result the flat ``photo_path`` and ``image_url``:
    the step becomes ``media:1`` and, once the photo was uploaded, its result is filed under
    ``media:1`` as well, as a step of today stores it.  Running it again changes nothing.
    """
    first = media_step(1)
    db.execute("update publish_outbox set step = ? where step = ?", (first, OLD_PHOTO_STEP))
    rows = db.execute(
        "select render_id, results from publish_outbox "
        "where results like '%\"image_url\"%' and results not like '%\"media:1\"%'"
    ).fetchall()
    for row in rows:
        results = json.loads(row["results"] or "{}")
        if first in results or not results.get("image_url"):
            continue
        results[first] = {"path": results.get("photo_path", ""), "url": results["image_url"]}
        db.execute(
            "update publish_outbox set results = ? where render_id = ?",
            (json.dumps(results, ensure_ascii=False), row["render_id"]),
        )
