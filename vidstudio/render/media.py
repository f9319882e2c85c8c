"""Check every file a render needs before any output exists.

A photo removed since it was dropped, a clip that is truncated, a music file
that is not audio: each is one plain sentence naming the file, raised before the
encoder starts, so nothing is written and nothing is lost.
"""

from __future__ import annotations

from vidstudio.render.images import probe_image
from vidstudio.render.props import Props


def check_media(props: Props) -> None:
    """Raise the ``ImageError``/``ClipError``/``AudioError`` of the first file that cannot be used."""
    for item in props.media:
        if item.kind == "clip":
            from vidstudio.render.clips import probe_clip

            probe_clip(item.path)
        else:
            probe_image(item.path)
    if props.logo is not None:
        probe_image(props.logo)
    if props.music is not None:
        from vidstudio.render.audio import probe_audio

        probe_audio(props.music.path)
