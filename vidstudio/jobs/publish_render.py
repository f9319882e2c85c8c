"""From a finished render to a :class:`PublishRequest`: shared by the CLI and the desktop app.

The poster JPEG is drawn with :func:`render_still` at the video's size (the same
picture as the template's poster frame), so publishing never has to cut one from
the video.  Needs a QGuiApplication (fonts); call it off the UI thread in the app.
"""

from __future__ import annotations

import time
from pathlib import Path

from vidstudio import __version__, paths
from vidstudio.jobs.outbox import PublishRequest
from vidstudio.render.paint import Props
from vidstudio.render.pipeline import RenderResult, render_still
from vidstudio.render.template import Template


def publish_poster_path(render_id: str, name: str | None = None) -> Path:
    folder = paths.data_dir() / "posters"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / (name or f"{render_id}.jpg")


def request_for_render(
    template: Template,
    props: Props,
    aspect: str,
    result: RenderResult,
    *,
    render_id: str,
    poster_name: str | None = None,
    backend: str = "local",
    cost_estimate: float | None = None,
) -> PublishRequest:
    """The publish request for ``result``, with a full-size poster JPEG rendered now.

    ``backend`` is where the video was really rendered ("lambda" or "local");
    ``cost_estimate`` the Lambda cost (None for local renders).
    """
    if props.photo is None:
        raise ValueError("a render without a photo cannot be published")
    poster = render_still(template, props, publish_poster_path(render_id, poster_name), aspect=aspect)
    return PublishRequest(
        render_id=render_id,
        video=str(Path(result.path).resolve()),
        photo=str(Path(props.photo).resolve()),
        poster=str(poster),
        title=props.title,
        subtitle=props.subtitle,
        template=template.id,
        aspect=aspect,
        width=result.width,
        height=result.height,
        fps=result.fps,
        duration_seconds=round(result.duration, 3),
        size_bytes=result.size_bytes,
        rendered_at=time.time(),
        backend="lambda" if backend == "lambda" else "local",
        render_seconds=round(result.wall_time, 3),
        cost_estimate=cost_estimate if backend == "lambda" else None,
        app_version=__version__,
    )


def publish_after_render() -> bool:
    """The user's "Publish every video as soon as it is rendered" (publish settings)."""
    from vidstudio.cloud.settings import load_settings

    try:
        return bool(load_settings().publish_after_render)
    except Exception:  # an unreadable settings file: never publish by surprise
        return False
