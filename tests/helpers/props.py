"""The words of the tests' promo video: one villa, as the users' promos read."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from vidstudio.jobs.store import Job, JobState, JobStore, new_job_id
from vidstudio.render.props import Props

TITLE = "Nismara Pool Villa"
SUBTITLE = "Your private escape in Bali"
CTA = "Book now"


def villa_props(photo: Path | None, *, cta: str = CTA) -> Props:
    """The villa's title, subtitle and (unless ``cta=""``) call to action over ``photo``."""
    return Props(title=TITLE, subtitle=SUBTITLE, photo=photo, cta=cta)


def stored_job(
    store: JobStore, photo: Path, *, state: JobState = JobState.RENDERED, title: str = "Villa", **fields: Any
) -> Job:
    """A draft promo job of ``photo`` in ``store``, moved to ``state`` (through ``rendering``);
    ``fields`` are set with the last step (``output_path``, ``error``, ``extra``...)."""
    extra = fields.pop("extra", {})
    job = store.add(
        Job(
            id=fields.pop("id", None) or new_job_id(),
            template="promo",
            aspect="16:9",
            quality="draft",
            props={"title": title, "photo": str(photo)},
            output_dir=str(photo.parent),
            extra=extra,
        )
    )
    if state is JobState.QUEUED:
        return job
    store.transition(job.id, JobState.RENDERING)
    return (
        store.transition(job.id, state, **fields)
        if state is not JobState.RENDERING
        else store.require(job.id)
    )
