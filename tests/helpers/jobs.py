"""Jobs in a JobStore as a render leaves them: History rows without rendering anything."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from vidstudio.jobs.store import Job, JobState, JobStore, new_job_id


def add_job(
    store: JobStore,
    photo: Path,
    *,
    job_id: str | None = None,
    title: str = "Villa",
    subtitle: str = "",
    output_dir: Path | None = None,
    extra: dict[str, Any] | None = None,
) -> Job:
    """A queued promo (16:9, draft) of ``title`` over ``photo``, output beside the photo by default."""
    props: dict[str, Any] = {"title": title, "photo": str(photo)}
    if subtitle:
        props["subtitle"] = subtitle
    return store.add(
        Job(
            id=job_id or new_job_id(),
            template="promo",
            aspect="16:9",
            quality="draft",
            props=props,
            output_dir=str(output_dir or photo.parent),
            extra=dict(extra or {}),
        )
    )


def finish_job(store: JobStore, job: Job, state: JobState = JobState.RENDERED, **fields: Any) -> Job:
    """``job`` taken through rendering to ``state``; ``fields`` as the runner stores them
    (``output_path``, ``error``, ``width``...)."""
    store.transition(job.id, JobState.RENDERING)
    return store.transition(job.id, state, **fields)


def rendered_job(store: JobStore, photo: Path, video: Path, **options: Any) -> Job:
    """A rendered job whose video is ``video``; ``options``: :func:`add_job`'s keywords, the
    rest are stored fields (``width``, ``duration``, ``finished_at``...)."""
    keys = ("job_id", "title", "subtitle", "extra")
    job = add_job(store, photo, output_dir=video.parent, **{k: options.pop(k) for k in keys if k in options})
    return finish_job(store, job, output_path=str(video), **options)
