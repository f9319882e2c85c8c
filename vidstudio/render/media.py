"""Check every file a render needs before any output exists.

A photo removed since it was dropped, a clip that is truncated, a music file
that is not audio: each is one plain sentence naming the file, raised before the
encoder starts, so nothing is written and nothing is lost.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from vidstudio.render.brand import check_logo
from vidstudio.render.clips import probe_clip
from vidstudio.render.images import probe_image
from vidstudio.render.props import Props
from vidstudio.render.template import Template
from vidstudio.render.timeline import timeline

if TYPE_CHECKING:
    from vidstudio.render.audio import Soundtrack


def check_media(props: Props) -> None:
    """Raise the ``ImageError``/``ClipError``/``AudioError`` of the first file that cannot be used."""
    for item in props.media:
        if item.kind == "clip":
            probe_clip(item.path)
        else:
            probe_image(item.path)
    if props.brand is not None:
        props.brand.check()  # names a brand file that was deleted
    if props.logo_path is not None:
        check_logo(props.logo_path)
    if props.music is not None:
        from vidstudio.render.audio import probe_audio

        probe_audio(props.music.path)


def soundtrack_for(
    template: Template, props: Props, cancel: Callable[[], bool] | None = None
) -> Soundtrack | None:
    """The video's sound: the music and every kept clip sound at its scene, normalised once.

    The native encoder muxes it, the preview plays it and the Remotion twin plays
    the same samples (written with ``audio.write_wav``), so all three agree.  A
    kept clip sound plays once from the clip's in point, for as long as the clip
    is on screen and has sound (a held last frame is silent; a looped clip's sound
    is not repeated).  None: no audio stream at all.
    """
    from vidstudio.render.audio import ClipSound, make_soundtrack
    from vidstudio.render.clips import clip_audio, probe_clip

    line = timeline(template, props)
    sounds: list[ClipSound] = []
    for scene in line.scenes:
        item = scene.item
        if item is None or item.kind != "clip" or not item.keep_sound:
            continue
        info = probe_clip(item.path)
        if not info.has_audio:
            continue
        end = item.trim_out if item.trim_out is not None else info.duration
        length = min(scene.length, max(0.0, min(end, info.duration) - item.trim_in))
        if length <= 0:
            continue
        samples = clip_audio(item.path, item.trim_in, length)
        if samples is not None:
            sounds.append(ClipSound(samples=samples, start=scene.start))
    if props.music is None and not sounds:
        return None
    return make_soundtrack(props.music, line.duration, sounds, cancel=cancel)
