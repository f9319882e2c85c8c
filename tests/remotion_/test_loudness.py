"""A tour with music sounds the same rendered natively and by Remotion.

The soundtrack is computed once in Python (``render.audio``: the music from its
start, faded, normalised to −14 LUFS) and written as a WAV that the Remotion
composition plays with ``<Audio volume={1}>``; the native encoder muxes the same
samples as AAC.  Both MP4s' audio is decoded and measured with pyloudnorm (an
independent BS.1770 meter): the integrated loudness must agree within 0.5 LU.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import av
import numpy as np
import pyloudnorm
import pytest
from PySide6.QtCore import QSize

from helpers.props import SUBTITLE, TITLE
from helpers.sound import make_track
from helpers.tour_media import LOUDNESS_REPORT, tour_photos
from vidstudio.render.backends import LocalBackend, RenderRequest
from vidstudio.render.props import MediaItem, Music, Props
from vidstudio.render.remotion_local import RemotionLocalBackend
from vidstudio.render.template import get_template

pytestmark = [pytest.mark.remotion, pytest.mark.slow]

CHROMIUM = "/usr/bin/chromium"
RATE = 48000


def decoded_audio(path: Path) -> np.ndarray:
    """The first audio stream of ``path`` as float64 (n, 2) at 48 kHz."""
    chunks = []
    with av.open(str(path)) as container:
        assert container.streams.audio, f"{path.name} has no audio stream"
        resampler = av.AudioResampler(format="fltp", layout="stereo", rate=RATE)
        for frame in container.decode(audio=0):
            for out in resampler.resample(frame):
                chunks.append(out.to_ndarray())
        for out in resampler.resample(None):
            chunks.append(out.to_ndarray())
    return np.concatenate(chunks, axis=1).T.astype(np.float64)


def lufs(path: Path) -> float:
    return float(pyloudnorm.Meter(RATE).integrated_loudness(decoded_audio(path)))


def test_a_tour_with_music_is_as_loud_from_remotion_as_natively(
    qapp: Any, testdata: Path, tmp_path: Path
) -> None:
    photos = tour_photos(testdata, tmp_path / "media")[:3]
    track = make_track(tmp_path / "song.mp3", 9.0, kind="music-like", level_dbfs=-24.0)
    props = Props(
        title=TITLE,
        subtitle=SUBTITLE,
        media=tuple(MediaItem(p) for p in photos),
        music=Music(track, start=0.5, fade_in=1.0, fade_out=2.0),
        duration=6.0,
    )
    template = get_template("tour")
    native = tmp_path / "native.mp4"
    remotion = tmp_path / "remotion.mp4"
    LocalBackend(QSize(640, 360)).render(RenderRequest(template, props, native))
    RemotionLocalBackend(browser_executable=CHROMIUM).render(RenderRequest(template, props, remotion))

    ours, theirs = lufs(native), lufs(remotion)
    LOUDNESS_REPORT.update({"native (LUFS)": ours, "Remotion (LUFS)": theirs})
    assert abs(ours - (-14.0)) <= 1.0
    assert abs(ours - theirs) <= 0.5, f"native {ours:.2f} LUFS vs Remotion {theirs:.2f} LUFS"
    # The same length of sound (Remotion pads to whole AAC frames, so within 50 ms).
    assert abs(len(decoded_audio(native)) - len(decoded_audio(remotion))) / RATE < 0.05
