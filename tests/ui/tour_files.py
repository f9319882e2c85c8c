"""Media files the tour tests make: a short H.264 clip and a WAV track."""

from __future__ import annotations

import wave
from pathlib import Path

import av
import numpy as np


def write_clip(path: Path, seconds: float = 2.0, fps: int = 30) -> Path:
    """A small H.264 clip with a moving white bar."""
    with av.open(str(path), "w") as container:
        stream = container.add_stream("libx264", rate=fps)
        stream.width, stream.height, stream.pix_fmt = 320, 180, "yuv420p"
        for index in range(round(seconds * fps)):
            picture = np.full((180, 320, 3), (30, 90, 160), np.uint8)
            x = (index * 8) % 300
            picture[:, x : x + 20] = 255
            container.mux(stream.encode(av.VideoFrame.from_ndarray(picture, format="rgb24")))
        container.mux(stream.encode())
    return path


def write_music(path: Path, seconds: float = 4.0, rate: int = 44100) -> Path:
    t = np.arange(round(seconds * rate)) / rate
    tone = (np.sin(2 * np.pi * 330.0 * t) * 0.3 * 32767).astype("<i2")
    with wave.open(str(path), "wb") as out:
        out.setnchannels(2)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(np.repeat(tone[:, None], 2, axis=1).tobytes())
    return path
