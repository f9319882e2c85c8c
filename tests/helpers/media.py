"""Real video clips for tests, written with PyAV, and a reader of the frame number they show.

Every frame of a ``"bars"`` clip is, upright: a red top half and a blue bottom half; a
green bar that moves along the top half; and in the band ``5/8 .. 7/8`` of the height a
row of ``BITS`` white (1) / black (0) cells, most significant first, spelling the
frame's index.  :func:`frame_number` reads the index back from any upright, scaled
copy of the frame (the cells are large enough to survive compression and scaling).
``"still"`` repeats frame 0 (fast to write: for sizes and memory, not for timing).
``"noise"`` pans a random texture with fresh grain instead (a phone-like bitrate, for timings).

``size`` is the size the encoder stores (a phone's portrait clip is stored 1920×1080);
with ``rotation`` (degrees clockwise that a player applies) the picture is drawn
upright and stored rotated the other way, with a display matrix, as phones do.
"""

from __future__ import annotations

import math
from fractions import Fraction
from pathlib import Path

import av
import numpy as np
from PySide6.QtGui import QImage

BITS = 10
# Gaps between frames of a variable-frame-rate clip, in seconds (repeated).
VFR_STEPS = (0.02, 0.08, 0.03, 0.05)
RED = (255, 0, 0)
BLUE = (0, 0, 255)
GREEN = (0, 255, 0)


def frame_times(seconds: float, fps: float, vfr: bool) -> list[float]:
    """The presentation time of each frame, in seconds."""
    if not vfr:
        return [i / fps for i in range(max(1, round(seconds * fps)))]
    times, t, i = [], 0.0, 0
    while t < seconds - 1e-9:
        times.append(round(t, 3))
        t += VFR_STEPS[i % len(VFR_STEPS)]
        i += 1
    return times


def _bars(index: int, width: int, height: int) -> np.ndarray:
    picture = np.zeros((height, width, 3), np.uint8)
    picture[: height // 2] = RED
    picture[height // 2 :] = BLUE
    bar = max(2, width // 16)
    x = (index * max(1, width // 60)) % max(1, width - bar)
    picture[height // 8 : 3 * height // 8, x : x + bar] = GREEN
    top, bottom = 5 * height // 8, 7 * height // 8
    for bit in range(BITS):
        left, right = bit * width // BITS, (bit + 1) * width // BITS
        on = (index >> (BITS - 1 - bit)) & 1
        picture[top:bottom, left:right] = 255 if on else 0
    return picture


class _Noise:
    def __init__(self, width: int, height: int) -> None:
        rng = np.random.default_rng(7)
        small = rng.integers(0, 256, (height // 8 + 1, width // 8 + 80, 3), dtype=np.uint8)
        self.texture = np.repeat(np.repeat(small, 8, axis=0), 8, axis=1)
        self.width, self.height = width, height
        self.rng = rng

    def frame(self, index: int) -> np.ndarray:
        x = (index * 4) % (self.texture.shape[1] - self.width)
        picture = self.texture[: self.height, x : x + self.width]
        # Fresh grain on every frame, as a camera sensor has: a phone-like bitrate.
        grain = self.rng.integers(0, 24, (self.height, self.width, 1), dtype=np.uint8)
        return np.ascontiguousarray(picture | grain)


def make_clip(
    path: Path,
    *,
    codec: str = "libx264",
    seconds: float = 2.0,
    size: tuple[int, int] = (640, 360),
    fps: int = 30,
    rotation: int = 0,
    vfr: bool = False,
    audio: bool = False,
    pattern: str = "bars",
    faststart: bool = False,
    options: dict[str, str] | None = None,
    audio_rate: int = 48000,
    audio_layout: str = "stereo",
) -> Path:
    """Write a clip to ``path`` (the container follows its suffix) and return the path."""
    path = Path(path)
    stored_w, stored_h = size
    upright_w, upright_h = (stored_h, stored_w) if rotation in (90, 270) else (stored_w, stored_h)
    muxer = {"movflags": "faststart"} if faststart and path.suffix in (".mp4", ".mov", ".m4v") else {}
    times = frame_times(seconds, fps, vfr)
    noise = _Noise(upright_w, upright_h) if pattern == "noise" else None
    with av.open(str(path), "w", options=muxer) as container:
        video = container.add_stream(codec, rate=fps)
        video.width, video.height = stored_w, stored_h
        video.pix_fmt = "yuv420p"
        if codec == "libx265":
            video.codec_context.options = {"x265-params": "log-level=error"}
        if codec == "libvpx-vp9":
            video.codec_context.options = {"deadline": "realtime", "cpu-used": "8"}
        if options:
            video.codec_context.options = {**video.codec_context.options, **options}
        time_base = Fraction(1, 1000) if vfr else Fraction(1, fps)
        video.codec_context.time_base = time_base
        if rotation:
            video.set_display_rotation(-rotation)  # PyAV's angle is counter-clockwise
        sound = None
        if audio:
            sound = container.add_stream("libopus" if path.suffix == ".webm" else "aac", rate=audio_rate)
            sound.layout = audio_layout
        samples_done = 0
        still: av.VideoFrame | None = None
        for index, t in enumerate(times):
            if still is not None:
                frame = still
            else:
                frame = _frame(pattern, noise, index, upright_w, upright_h, rotation)
                if pattern == "still":
                    still = frame = frame.reformat(format="yuv420p")  # converted once, not per frame
            frame.pts = round(t / time_base)
            frame.time_base = time_base
            for packet in video.encode(frame):
                container.mux(packet)
            if sound is not None:
                samples_done = _write_tone(container, sound, samples_done, round((t + 0.05) * audio_rate))
        for packet in video.encode():
            container.mux(packet)
        if sound is not None:
            _write_tone(container, sound, samples_done, round(seconds * audio_rate))
            for packet in sound.encode():
                container.mux(packet)
    return path


def _write_tone(container: av.container.OutputContainer, sound: av.AudioStream, done: int, until: int) -> int:
    """A 440 Hz tone at 0.25 (−12 dBFS) in every channel, from sample ``done`` to ``until``."""
    rate, channels = sound.rate, sound.layout.nb_channels
    chunk = 960 if rate == 48000 else 1024
    while done + chunk <= until:
        t = (np.arange(done, done + chunk) / rate).astype(np.float32)
        tone = (0.25 * np.sin(2 * math.pi * 440 * t)).astype(np.float32)
        frame = av.AudioFrame.from_ndarray(
            np.stack([tone] * channels), format="fltp", layout=sound.layout.name
        )
        frame.sample_rate = rate
        frame.pts = done
        frame.time_base = Fraction(1, rate)
        for packet in sound.encode(frame):
            container.mux(packet)
        done += chunk
    return done


def _frame(
    pattern: str, noise: _Noise | None, index: int, width: int, height: int, rotation: int
) -> av.VideoFrame:
    picture = noise.frame(index) if noise is not None else _bars(index, width, height)
    if rotation:
        picture = np.ascontiguousarray(np.rot90(picture, k=rotation // 90))
    return av.VideoFrame.from_ndarray(picture, format="rgb24")


def make_audio_only(path: Path, seconds: float = 1.0) -> Path:
    """An AAC file with sound and no picture (an ``.m4a``, or ``.mp4`` by its name)."""
    with av.open(str(path), "w") as container:
        sound = container.add_stream("aac", rate=48000)
        sound.layout = "stereo"
        _write_tone(container, sound, 0, round(seconds * 48000))
        for packet in sound.encode():
            container.mux(packet)
    return Path(path)


def spoil_packet(path: Path, index: int) -> tuple[int, float]:
    """Overwrite the payload of the ``index``-th video packet with noise, keeping the container intact.

    Returns the packet's position in the file and its time in seconds.
    """
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        packets = [(p.pos, p.size, float(p.pts * p.time_base)) for p in container.demux(stream) if p.size]
    position, size, at = packets[index]
    data = bytearray(Path(path).read_bytes())
    noise = np.random.default_rng(index).integers(0, 256, size - 2, dtype=np.uint8).tobytes()
    data[position + 2 : position + size] = noise
    Path(path).write_bytes(bytes(data))
    return position, at


def truncate(path: Path, fraction: float) -> Path:
    """Keep only the first ``fraction`` of the file's bytes (a copy that stopped midway)."""
    path = Path(path)
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * fraction)])
    return path


def pixel(image: QImage, fx: float, fy: float) -> tuple[int, int, int]:
    """The colour at a fraction of the image's width and height, as (r, g, b)."""
    colour = image.pixelColor(
        min(image.width() - 1, int(fx * image.width())), min(image.height() - 1, int(fy * image.height()))
    )
    return colour.red(), colour.green(), colour.blue()


def frame_number(image: QImage) -> int:
    """The index a ``"bars"`` frame spells in its row of cells."""
    index = 0
    for bit in range(BITS):
        r, g, b = pixel(image, (bit + 0.5) / BITS, 0.75)
        index = index * 2 + (1 if (r + g + b) / 3 > 128 else 0)
    return index
