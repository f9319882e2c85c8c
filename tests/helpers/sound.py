"""Real music files for the audio tests, written with PyAV: tones, noise and something like music."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path
from typing import Literal

import av
import numpy as np
import pytest

Kind = Literal["tone", "noise", "music-like"]

# suffix -> (container format, encoder candidates in order of preference)
CODECS: dict[str, tuple[str, tuple[str, ...]]] = {
    ".mp3": ("mp3", ("libmp3lame",)),
    ".m4a": ("mp4", ("aac",)),
    ".wav": ("wav", ("pcm_s16le",)),
    ".flac": ("flac", ("flac",)),
    ".ogg": ("ogg", ("libvorbis", "libopus", "opus")),
}


def encoder_for(suffix: str) -> str | None:
    """The first encoder this PyAV can write ``suffix`` with, or None."""
    for name in CODECS[suffix][1]:
        try:
            av.codec.Codec(name, "w")
        except Exception:
            continue
        return name
    return None


def signal(
    seconds: float, rate: int, channels: int, kind: Kind, level_dbfs: float, seed: int = 7
) -> np.ndarray:
    """float32 (n, channels) whose RMS is ``level_dbfs`` (dBFS of a full-scale sine: 0 dB = 0.707 RMS)."""
    n = round(seconds * rate)
    t = np.arange(n) / rate
    rng = np.random.default_rng(seed)
    if kind == "tone":
        mono = np.sin(2 * np.pi * 440.0 * t)
    elif kind == "noise":
        mono = rng.standard_normal(n)
    else:
        # Chords that change every second, a beat, and sections of different loudness
        # (so the loudness range is not zero, as in real music).
        roots = np.array([220.0, 196.0, 174.6, 246.9])
        chord = roots[(t.astype(int)) % len(roots)]
        mono = sum(
            np.sin(2 * np.pi * chord * ratio * t) / (i + 1) for i, ratio in enumerate((1, 1.26, 1.5, 2))
        )
        beat = np.exp(-((t * 2) % 1.0) * 12) * rng.standard_normal(n) * 0.8
        section = 0.6 + 0.4 * (np.floor(t / 4) % 2)
        mono = (mono + beat) * section
    mono = mono / np.sqrt(np.mean(mono**2)) * (10 ** (level_dbfs / 20) / np.sqrt(2))
    data = np.stack([mono * (1.0 - 0.1 * c) for c in range(channels)], axis=1)
    return np.clip(data, -1.0, 1.0).astype(np.float32)


def make_track(
    path: Path,
    seconds: float,
    rate: int = 44100,
    channels: int = 2,
    *,
    level_dbfs: float = -20.0,
    kind: Kind = "tone",
    data: np.ndarray | None = None,
) -> Path:
    """Write a real audio file at ``path`` (codec by suffix); skips the test when it cannot be encoded."""
    path = Path(path)
    suffix = path.suffix.lower()
    codec = encoder_for(suffix)
    if codec is None:
        pytest.skip(f"this PyAV cannot encode {suffix}")
    if codec in ("libopus", "opus"):
        if data is not None and rate != 48000:
            raise ValueError("Opus runs at 48 kHz only: give 48 kHz samples for .ogg")
        rate = 48000  # (and the test then checks that rate)
    samples = signal(seconds, rate, channels, kind, level_dbfs) if data is None else data
    layout = "mono" if channels == 1 else "stereo"
    with av.open(str(path), mode="w", format=CODECS[suffix][0]) as container:
        stream = container.add_stream(codec, rate=rate, layout=layout)
        if codec in ("libopus", "opus", "aac"):
            stream.bit_rate = 160_000
        fmt = stream.codec_context.codec.audio_formats[0].name
        resampler = av.AudioResampler(format=fmt, layout=layout, rate=rate)
        block = 4096
        for start in range(0, len(samples), block):
            chunk = np.ascontiguousarray(samples[start : start + block], dtype=np.float32)
            frame = av.AudioFrame.from_ndarray(chunk.reshape(1, -1), format="flt", layout=layout)
            frame.sample_rate = rate
            frame.pts = start
            frame.time_base = Fraction(1, rate)
            for converted in resampler.resample(frame):
                for packet in stream.encode(converted):
                    container.mux(packet)
        for converted in resampler.resample(None):
            for packet in stream.encode(converted):
                container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
    return path
