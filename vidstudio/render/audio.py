"""The video's sound: the music track (and any clip sound the user kept), ready to encode.

:func:`make_soundtrack` decodes the music with PyAV from its start offset,
resamples it to 48 kHz stereo float, fills the video's length (looping or
ending in silence), mixes the clips' own sound under it, normalises the whole
to −14 LUFS integrated with a true peak of at most −1 dBTP, and fades it in
and out.  The encoder child muxes the result as AAC (render/encode_worker.py);
:func:`write_wav` gives the Remotion renderer the same samples.

Loudness is FFmpeg's, never ours: two passes, ``ebur128`` to measure (the
same BS.1770 meter loudnorm has inside, with a 4× oversampled true peak, and
a tenth of the cost of a measuring loudnorm pass: 0.1 instead of 1.2 CPU-seconds
for 30 s) and ``loudnorm`` with the measured values and ``linear=true`` to apply
them; ``ebur128`` again for the final figures.  The order is a choice:

1. mix: the clips' sound 6 LU under the music (each measured), the music
   ducked 3 dB while a clip sound plays;
2. normalise the mix with ``loudnorm``.  When a constant gain would push the
   true peak over the limit (a quiet track with sharp peaks), loudnorm falls
   back to its dynamic mode by itself: a slow gain with a true-peak limiter;
3. fade in and out *after* normalising, so the fades stay exact (from 0, to 0
   at the last sample) and dynamic mode cannot lift a fade back up.  The fades
   lower the integrated loudness (1 s + 2 s: 0.2 LU of a 30 s video, 2.8 LU of a
   5 s one, measured on tests/helpers/sound.py's music-like track), so step 2
   aims that much higher (measured on a faded copy with ``ebur128``):
   loudnorm's own limiter then pays for it, not a later gain;
4. measure with ``ebur128`` and apply the one constant gain that removes what
   is left, as far as the true-peak limit allows.  When dynamic mode's limiter
   has taken more than that (a quiet track with sharp peaks lands at −16.3),
   steps 2–4 run once more aiming higher by the shortfall (at most +6 LU in
   all).

Every failure raises :class:`AudioError` with a message naming the file.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import math
import os
import re
import threading
import uuid
import wave
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Any

import av
import av.filter
import av.logging
import numpy as np
import numpy.typing as npt

from vidstudio.messages import QT_TRANSLATE_NOOP
from vidstudio.render.errors import AudioError, Cancelled, input_file_size
from vidstudio.render.props import Music

SAMPLE_RATE = 48000
CHANNELS = 2
TARGET_LUFS = -14.0
MAX_TRUE_PEAK = -1.0
# loudnorm aims 0.5 dB under the limit: resampling its 192 kHz output back to
# 48 kHz and the AAC encoder each move true peaks by a few tenths of a dB.
NORM_TRUE_PEAK = MAX_TRUE_PEAK - 0.5
# The widest loudness range loudnorm keeps in linear mode; real music is 3–15 LU.
# A wider one (a track that is silent for half its length) goes to dynamic mode.
TARGET_LRA = 20.0
# loudnorm takes measured_I from −99 to 0 LUFS: a louder mix is turned down first.
PRE_GAIN_ABOVE = -3.0
PRE_GAIN_DB = -12.0
# The most loudnorm aims over the target to make up for the fades and its limiter,
# and the shortfall that makes it try once more (aiming higher by as much).
MAX_MAKEUP = 6.0
RETRY_SHORTFALL = 0.25
# Clip sound sits this far under the music (both measured), and the music is
# ducked by DUCK_DB while a clip sound plays, with DUCK_RAMP seconds of ramp.
CLIP_UNDER_MUSIC_LU = 6.0
DUCK_DB = 3.0
DUCK_RAMP = 0.3
# A loop joins the end of the track to its start through this crossfade (no click).
LOOP_CROSSFADE = 0.02
# Decoded and filtered in chunks of this many samples, the cancel flag polled
# between them.  A 90 s soundtrack is 35 MB; building it holds at most three.
CHUNK = 16384
CACHE_SIZE = 4

Samples = npt.NDArray[np.float32]


@dataclass(frozen=True)
class AudioInfo:
    """What the UI shows about a music file."""

    path: Path
    duration: float
    sample_rate: int
    channels: int
    codec: str
    file_size: int


@dataclass(frozen=True, eq=False)
class ClipSound:
    """A clip's own sound, placed in the video: float32 (n, 2) at 48 kHz, from ``start`` seconds."""

    samples: Samples
    start: float


@dataclass(frozen=True, eq=False)
class Soundtrack:
    """The video's sound: float32 (n, 2) at 48 kHz, exactly ``round(duration * 48000)`` rows.

    ``loudness`` (LUFS integrated) and ``true_peak`` (dBTP) are measured by
    FFmpeg's ebur128 on these samples.  The samples are read-only: the cache
    shares them between the preview and the render.
    """

    samples: Samples
    loudness: float
    true_peak: float
    music_name: str | None

    @property
    def duration(self) -> float:
        return len(self.samples) / SAMPLE_RATE


# ------------------------------------------------------------------ probing
# Signatures of the audio containers vidstudio reads: a file that starts like
# one but cannot be opened is damaged, anything else is not audio at all.
_SIGNATURES = (b"ID3", b"fLaC", b"OggS", b"RIFF", b"\xff\xf1", b"\xff\xf9", b"\xff\xfb", b"\xff\xf3")


def _looks_like_audio(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            head = handle.read(12)
    except OSError:
        return False
    return head.startswith(_SIGNATURES) or head[4:8] == b"ftyp"


def _damaged(name: str) -> AudioError:
    return AudioError(
        QT_TRANSLATE_NOOP("Message", "The music file {name} is damaged or incomplete."), name=name
    )


def _check_file(path: Path) -> int:
    return input_file_size(
        path,
        AudioError,
        missing=QT_TRANSLATE_NOOP("Message", "The music file {name} was not found."),
        folder=QT_TRANSLATE_NOOP("Message", "{name} is a folder, not a music file."),
        unreadable=QT_TRANSLATE_NOOP("Message", "The music file {name} cannot be read ({strerror})."),
        empty=QT_TRANSLATE_NOOP("Message", "The music file {name} is empty (0 bytes)."),
    )


@contextlib.contextmanager
def _open(path: Path) -> Iterator[tuple[Any, Any]]:
    """The container and its audio stream; AudioError for everything that is not usable."""
    name = path.name
    _check_file(path)
    try:
        container = av.open(str(path), mode="r")
    except PermissionError:
        raise AudioError(
            QT_TRANSLATE_NOOP("Message", "vidstudio has no permission to read {name}."), name=name
        ) from None
    except (av.FFmpegError, OSError, ValueError, UnicodeDecodeError):
        if _looks_like_audio(path):
            raise _damaged(name) from None
        raise AudioError(
            QT_TRANSLATE_NOOP("Message", "{name} is not an audio file vidstudio can read."), name=name
        ) from None
    try:
        if not container.streams.audio:
            # FFmpeg opens a photo as a one-frame video: that is not a video without sound.
            if not container.streams.video or container.format.name.endswith(("_pipe", "image2")):
                raise AudioError(
                    QT_TRANSLATE_NOOP("Message", "{name} is not an audio file vidstudio can read."), name=name
                )
            raise AudioError(QT_TRANSLATE_NOOP("Message", "{name} has no sound to use as music."), name=name)
        yield container, container.streams.audio[0]
    finally:
        container.close()


def _duration(container: Any, stream: Any) -> float:
    if stream.duration is not None and stream.time_base is not None:
        return float(stream.duration * stream.time_base)
    if container.duration is not None:
        return float(container.duration / av.time_base)
    return 0.0


def probe_audio(path: Path) -> AudioInfo:
    """Check that ``path`` is a music file vidstudio can use (decodes its first frames only)."""
    path = Path(path)
    name = path.name
    with _open(path) as (container, stream):
        decoded = 0
        try:
            for frame in container.decode(stream):
                decoded += frame.samples
                if decoded >= stream.codec_context.sample_rate // 10:
                    break
        except (av.FFmpegError, ValueError):
            raise _damaged(name) from None
        duration = _duration(container, stream)
        if decoded == 0 or duration <= 0.0:
            raise AudioError(
                QT_TRANSLATE_NOOP("Message", "The music file {name} has no sound in it (0 seconds)."),
                name=name,
            )
        ctx = stream.codec_context
        return AudioInfo(
            path=path,
            duration=duration,
            sample_rate=int(ctx.sample_rate),
            channels=int(ctx.channels),
            codec=str(ctx.codec.canonical_name),  # "mp3", not the decoder's "mp3float"
            file_size=path.stat().st_size,
        )


# ------------------------------------------------------------------ decoding
def _poll(cancel: Callable[[], bool] | None) -> None:
    if cancel is not None and cancel():
        raise Cancelled()


def _decode(music: Music, wanted: int, cancel: Callable[[], bool] | None) -> Samples:
    """Up to ``wanted`` samples of the track from ``music.start``, 48 kHz stereo float32.

    Decoding stops as soon as ``wanted`` is reached: an hour-long file costs
    what the video needs of it.
    """
    path = music.path
    name = path.name
    with _open(path) as (container, stream):
        length = _duration(container, stream)
        if length > 0 and music.start >= length:
            raise AudioError(
                QT_TRANSLATE_NOOP(
                    "Message",
                    "The music file {name} is {length} s long; choose a start before its end.",
                ),
                name=name,
                length=f"{length:.1f}",
            )
        resampler = av.AudioResampler(format="flt", layout="stereo", rate=SAMPLE_RATE)
        chunks: list[Samples] = []
        have = 0
        skip = round(music.start * SAMPLE_RATE)  # samples to drop after the seek
        # Timestamps count from the stream's start time, not from 0: an MP3's is
        # its encoder delay (25 ms for LAME), which FFmpeg drops when playing
        # from the top but not after a seek.
        origin = stream.start_time or 0
        if music.start > 0:
            # Seek to the nearest point before the start, then drop by timestamp.
            with contextlib.suppress(av.FFmpegError):
                container.seek(origin + int(music.start / stream.time_base), stream=stream, backward=True)
                skip = -1  # decided by the first frame's timestamp
        try:
            for count, frame in enumerate(container.decode(stream)):
                if count % 32 == 0:
                    _poll(cancel)
                if skip < 0:
                    first = float((frame.pts - origin) * frame.time_base) if frame.pts is not None else 0.0
                    skip = max(0, round((music.start - first) * SAMPLE_RATE))
                before = len(chunks)
                for out in resampler.resample(frame):
                    skip = _take(out, chunks, skip)
                have += sum(len(chunk) for chunk in chunks[before:])
                if have >= wanted:
                    break
            else:
                for out in resampler.resample(None):
                    skip = _take(out, chunks, skip)
        except (av.FFmpegError, ValueError):
            raise _damaged(name) from None
    if not chunks:
        raise AudioError(
            QT_TRANSLATE_NOOP("Message", "The music file {name} has no sound in it (0 seconds)."), name=name
        )
    return np.concatenate(chunks)[:wanted]


def _take(frame: Any, chunks: list[Samples], skip: int) -> int:
    """Append ``frame``'s samples after dropping ``skip`` of them; returns what is left to drop."""
    data = frame.to_ndarray().reshape(-1, CHANNELS).astype(np.float32, copy=False)
    dropped = min(skip, len(data))
    if dropped < len(data):
        chunks.append(data[dropped:])
    return skip - dropped


def _fill(track: Samples, total: int, at_end: str) -> Samples:
    """``track`` made exactly ``total`` samples long: cut, looped, or ended in silence."""
    if len(track) >= total:
        return np.ascontiguousarray(track[:total])
    out = np.zeros((total, CHANNELS), dtype=np.float32)
    if at_end != "loop":
        out[: len(track)] = track
        return out
    fade = min(round(LOOP_CROSSFADE * SAMPLE_RATE), len(track) // 4)
    step = len(track) - fade  # each repeat starts `fade` samples before the previous one ends
    ramp = np.linspace(0.0, 1.0, fade, dtype=np.float32)[:, None] if fade else None
    pos = 0
    first = True
    while pos < total:
        piece = track.copy()
        if ramp is not None:
            if not first:
                piece[:fade] *= ramp
            piece[-fade:] *= ramp[::-1]
        end = min(total, pos + len(piece))
        out[pos:end] += piece[: end - pos]
        pos += step
        first = False
    return out


# ------------------------------------------------------------------ FFmpeg filters
_log_lock = threading.Lock()


def _frames(samples: Samples, cancel: Callable[[], bool] | None) -> Iterator[Any]:
    for start in range(0, len(samples), CHUNK):
        _poll(cancel)
        block = np.ascontiguousarray(samples[start : start + CHUNK])
        frame = av.AudioFrame.from_ndarray(block.reshape(1, -1), format="flt", layout="stereo")
        frame.sample_rate = SAMPLE_RATE
        frame.pts = start
        frame.time_base = Fraction(1, SAMPLE_RATE)
        yield frame


def _run_filters(
    samples: Samples, chain: Sequence[tuple[str, str]], cancel: Callable[[], bool] | None, keep: bool
) -> tuple[Samples | None, dict[str, str]]:
    """Push ``samples`` through ``chain``; the output (when ``keep``) and the last frame's metadata."""
    graph = av.filter.Graph()
    nodes = [
        graph.add_abuffer(
            format="flt", sample_rate=SAMPLE_RATE, layout="stereo", time_base=Fraction(1, SAMPLE_RATE)
        )
    ]
    nodes += [graph.add(name, args) for name, args in chain]
    nodes.append(graph.add("aresample", str(SAMPLE_RATE)))
    nodes.append(graph.add("aformat", "sample_fmts=flt:channel_layouts=stereo"))
    nodes.append(graph.add("abuffersink"))
    for a, b in itertools.pairwise(nodes):
        a.link_to(b)
    graph.configure()
    out: list[Samples] = []
    metadata: dict[str, str] = {}

    def drain() -> None:
        nonlocal metadata
        while True:
            try:
                frame = graph.pull()
            except (av.BlockingIOError, av.EOFError):
                return
            if frame.metadata:
                metadata = dict(frame.metadata)
            if keep:
                out.append(frame.to_ndarray().reshape(-1, CHANNELS).astype(np.float32, copy=False))

    for frame in _frames(samples, cancel):
        graph.push(frame)
        drain()
    graph.push(None)
    drain()
    if not keep:
        return None, metadata
    result = np.concatenate(out) if out else np.zeros((0, CHANNELS), np.float32)
    # The resampler may give a sample more or less: keep the length exact.
    if len(result) != len(samples):
        fixed = np.zeros_like(samples)
        count = min(len(result), len(samples))
        fixed[:count] = result[:count]
        result = fixed
    return result, metadata


@dataclass(frozen=True)
class _Loudness:
    """What ebur128 measures: integrated (LUFS), true peak (dBTP), range (LU), relative gate (LUFS)."""

    integrated: float
    true_peak: float
    lra: float = 0.0
    threshold: float = -70.0


def _ebur128(samples: Samples, cancel: Callable[[], bool] | None, *, peak: bool, gate: bool) -> _Loudness:
    args = "metadata=1:peak=true" if peak else "metadata=1"
    if not gate:
        _, metadata = _run_filters(samples, [("ebur128", args)], cancel, keep=False)
        text = ""
    else:
        # The relative gate (loudnorm's measured_thresh) is only printed, in the
        # summary ebur128 logs when it closes: capture this thread's libav log for
        # the pass (repeats kept: two equal tracks print equal lines).
        with _log_lock:
            level, repeats = av.logging.get_level(), av.logging.get_skip_repeated()
            try:
                with av.logging.Capture(local=True) as logs:
                    av.logging.set_skip_repeated(False)
                    av.logging.set_level(av.logging.INFO)
                    _, metadata = _run_filters(samples, [("ebur128", args)], cancel, keep=False)
            finally:
                av.logging.set_level(level)
                av.logging.set_skip_repeated(repeats)
        text = "".join(line for _level, name, line in logs if name == "ebur128")
    integrated = max(-70.0, float(metadata.get("lavfi.r128.I", "-70")))
    linear_peak = float(metadata.get("lavfi.r128.true_peak", "0"))
    found = _GATE.search(text)
    return _Loudness(
        integrated=integrated,
        true_peak=20 * math.log10(linear_peak) if linear_peak > 0 else -math.inf,
        lra=float(metadata.get("lavfi.r128.LRA", "0")),
        threshold=float(found.group(1)) if found else integrated - 10.0,
    )


_GATE = re.compile(r"Integrated loudness:\s*I:\s*\S+ LUFS\s*Threshold:\s*(-?\d+(?:\.\d+)?) LUFS")


def measure(samples: Samples, cancel: Callable[[], bool] | None = None) -> tuple[float, float]:
    """Integrated loudness (LUFS) and true peak (dBTP) by FFmpeg's ebur128; −70 LUFS for silence."""
    if not len(samples):
        return -70.0, -math.inf
    found = _ebur128(samples, cancel, peak=True, gate=False)
    return found.integrated, found.true_peak


def _normalise(
    samples: Samples, stats: _Loudness, target: float, cancel: Callable[[], bool] | None
) -> Samples:
    """Pass 2: loudnorm to ``target`` LUFS with pass 1's figures (a constant gain when it can)."""
    if stats.integrated <= -70.0:
        return samples  # silence stays silence
    gain = target - stats.integrated
    if stats.true_peak + gain <= NORM_TRUE_PEAK and stats.lra <= TARGET_LRA:
        # Exactly what loudnorm's linear mode does under the same condition (one constant
        # gain), without its pass at 192 kHz: 30 s of music took 1.2 CPU-s in that pass.
        return samples * np.float32(_gain_db(gain))
    if stats.integrated > PRE_GAIN_ABOVE:
        # loudnorm refuses a measured_I above 0 LUFS (a heavily clipped master
        # measures +0.3): take a constant PRE_GAIN_DB off first.  A constant gain
        # moves I, TP and the gate by exactly as much and leaves LRA alone.
        samples = samples * _gain_db(PRE_GAIN_DB)
        stats = _Loudness(
            stats.integrated + PRE_GAIN_DB,
            stats.true_peak + PRE_GAIN_DB,
            stats.lra,
            stats.threshold + PRE_GAIN_DB,
        )
    # A track with no loudness range at all (a steady tone) measures 0 LU, which
    # loudnorm takes for "not measured" and would never go linear.
    args = (
        f"I={target:.2f}:TP={NORM_TRUE_PEAK}:LRA={TARGET_LRA}"
        f":measured_I={stats.integrated:.2f}:measured_TP={min(99.0, stats.true_peak):.2f}"
        f":measured_LRA={max(stats.lra, 0.01):.2f}:measured_thresh={max(-99.0, stats.threshold):.2f}"
        ":linear=true"
    )
    result, _ = _run_filters(samples, [("loudnorm", args)], cancel, keep=True)
    assert result is not None
    return result


# ------------------------------------------------------------------ mixing
def _gain_db(db: float) -> float:
    return float(10.0 ** (db / 20.0))


def _mix_clips(
    music: Samples | None, total: int, clips: Sequence[ClipSound], cancel: Callable[[], bool] | None
) -> Samples:
    out = music if music is not None else np.zeros((total, CHANNELS), dtype=np.float32)
    if not clips:
        return out
    music_lufs = measure(music, cancel)[0] if music is not None else -70.0
    duck = np.ones(total, dtype=np.float32)
    ramp = max(1, round(DUCK_RAMP * SAMPLE_RATE))
    placed: list[tuple[int, Samples]] = []
    for clip in clips:
        start = max(0, round(clip.start * SAMPLE_RATE))
        if start >= total:
            continue
        sound = np.asarray(clip.samples, dtype=np.float32).reshape(-1, CHANNELS)[: total - start]
        if not len(sound):
            continue
        if music_lufs > -70.0:
            clip_lufs = measure(sound, cancel)[0]
            if clip_lufs > -70.0:
                sound = sound * _gain_db(music_lufs - CLIP_UNDER_MUSIC_LU - clip_lufs)
            end = start + len(sound)
            low = _gain_db(-DUCK_DB)
            envelope = np.full(len(sound) + 2 * ramp, low, dtype=np.float32)
            envelope[:ramp] = np.linspace(1.0, low, ramp)
            envelope[-ramp:] = np.linspace(low, 1.0, ramp)
            lo, hi = start - ramp, end + ramp
            window = envelope[max(0, -lo) : len(envelope) - max(0, hi - total)]
            np.minimum(duck[max(0, lo) : min(total, hi)], window, out=duck[max(0, lo) : min(total, hi)])
        placed.append((start, sound))
    if music is not None:
        out = out * duck[:, None]
    for start, sound in placed:
        out[start : start + len(sound)] += sound
    return out


def _fade(samples: Samples, fade_in: float, fade_out: float) -> None:
    """Linear fades in place: from 0 at the first sample, to 0 at the last."""
    total = len(samples)
    n_in = min(total, round(fade_in * SAMPLE_RATE))
    n_out = min(total, round(fade_out * SAMPLE_RATE))
    if n_in > 1:
        samples[:n_in] *= np.linspace(0.0, 1.0, n_in, dtype=np.float32)[:, None]
    if n_out > 1:
        samples[total - n_out :] *= np.linspace(1.0, 0.0, n_out, dtype=np.float32)[:, None]


# ------------------------------------------------------------------ soundtrack
def _clip_key(clip: ClipSound) -> tuple[float, tuple[int, ...], str]:
    data = np.ascontiguousarray(clip.samples)
    return clip.start, data.shape, hashlib.blake2b(data.tobytes(), digest_size=16).hexdigest()


def _key(music: Music | None, duration: float, clips: Sequence[ClipSound]) -> tuple[Any, ...] | None:
    clip_keys = tuple(_clip_key(clip) for clip in clips)
    if music is None:
        return (None, duration, clip_keys)
    try:
        stat = music.path.stat()
        where = (str(music.path.resolve()), stat.st_mtime_ns, stat.st_size)
    except OSError:
        return None  # not cached: building it raises the readable AudioError
    return (where, music.start, music.fade_in, music.fade_out, music.at_end, duration, clip_keys)


class _SoundtrackCache:
    """The last few soundtracks, so the preview and the render build each once."""

    def __init__(self, capacity: int = CACHE_SIZE) -> None:
        self._capacity = capacity
        self._items: OrderedDict[tuple[Any, ...], Soundtrack] = OrderedDict()
        self._lock = threading.Lock()

        self._building: dict[tuple[Any, ...], threading.Event] = {}

    def get_or_build(
        self, key: tuple[Any, ...], build: Callable[[], Soundtrack], cancel: Callable[[], bool] | None
    ) -> Soundtrack:
        """The cached soundtrack, or ``build()``'s; a second caller with the same key
        (the render starting while the preview builds it) waits for the first."""
        while True:
            with self._lock:
                found = self._items.get(key)
                if found is not None:
                    self._items.move_to_end(key)
                    return found
                running = self._building.get(key)
                if running is None:
                    self._building[key] = threading.Event()
                    break
            while not running.wait(0.05):
                _poll(cancel)
            # Built (look again) or failed (build it here).
        try:
            result = build()
            with self._lock:
                self._items[key] = result
                while len(self._items) > self._capacity:
                    self._items.popitem(last=False)
            return result
        finally:
            with self._lock:
                self._building.pop(key).set()

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


soundtrack_cache = _SoundtrackCache()


def make_soundtrack(
    music: Music | None,
    duration: float,
    clip_sounds: Sequence[ClipSound] = (),
    cancel: Callable[[], bool] | None = None,
) -> Soundtrack | None:
    """The video's sound, exactly ``duration`` seconds; None when there is nothing to hear.

    ``cancel`` is polled between chunks; when it returns True this raises
    :class:`Cancelled`.  Measured on this 2-core machine: a 30 s soundtrack
    from a 3-minute 44.1 kHz MP3 costs 1.7 CPU-seconds, 1.2 of them loudnorm's
    pass at 192 kHz (90 s: 5.0); a cached one is returned at once.
    """
    if music is None and not clip_sounds:
        return None
    total = round(duration * SAMPLE_RATE)
    if total <= 0:
        return None
    key = _key(music, duration, clip_sounds)
    if key is None:
        return _build(music, total, clip_sounds, cancel)
    return soundtrack_cache.get_or_build(key, lambda: _build(music, total, clip_sounds, cancel), cancel)


def _build(
    music: Music | None, total: int, clip_sounds: Sequence[ClipSound], cancel: Callable[[], bool] | None
) -> Soundtrack:
    track: Samples | None = None
    if music is not None:
        track = _fill(_decode(music, total, cancel), total, music.at_end)
    mixed = _mix_clips(track, total, clip_sounds, cancel)
    _poll(cancel)
    stats = _ebur128(mixed, cancel, peak=True, gate=True)  # pass 1
    target = TARGET_LUFS
    if music is not None and (music.fade_in > 0 or music.fade_out > 0) and stats.integrated > -70.0:
        # The fades will take some loudness off (1 s + 2 s of a 5 s video: up to 3 LU):
        # measured here, loudnorm aims that much higher, so that its limiter (not
        # a gain after the fades that the peak limit would stop) makes up for it.
        faded = mixed.copy()
        _fade(faded, music.fade_in, music.fade_out)
        after = _ebur128(faded, cancel, peak=False, gate=False).integrated
        del faded
        if after > -70.0:
            target = min(TARGET_LUFS + MAX_MAKEUP, TARGET_LUFS + stats.integrated - after)
    samples, loudness, peak = _apply(mixed, stats, target, music, cancel)
    if loudness > -70.0 and TARGET_LUFS - loudness > RETRY_SHORTFALL:
        # Dynamic mode's limiter ate loudness it does not give back (a quiet
        # track with sharp peaks: -16.3 LUFS instead of -14): aim higher by the
        # shortfall, once.  Measured on such a track: -11.7 gives -13.96.
        aim = min(TARGET_LUFS + MAX_MAKEUP, target + TARGET_LUFS - loudness)
        samples, loudness, peak = _apply(mixed, stats, aim, music, cancel)
    samples.flags.writeable = False
    return Soundtrack(samples, loudness, peak, music.name if music is not None else None)


def _apply(
    mixed: Samples,
    stats: _Loudness,
    target: float,
    music: Music | None,
    cancel: Callable[[], bool] | None,
) -> tuple[Samples, float, float]:
    """Normalise to ``target``, fade, and take it to −14 LUFS: samples, loudness, true peak."""
    samples = np.ascontiguousarray(_normalise(mixed, stats, target, cancel), dtype=np.float32)
    if samples is mixed:
        samples = mixed.copy()  # silence comes back as is: fade a copy
    if music is not None:
        _fade(samples, music.fade_in, music.fade_out)
    loudness, peak = measure(samples, cancel)
    if loudness > -70.0:
        # What dynamic mode and the fades leave (a few tenths): one constant gain
        # takes it to the target, never past the true-peak margin.
        gain = min(TARGET_LUFS - loudness, NORM_TRUE_PEAK - peak)
        if abs(gain) > 0.05:
            samples *= _gain_db(gain)
            loudness, peak = loudness + gain, peak + gain
    return samples, loudness, peak


def write_wav(soundtrack: Soundtrack, path: Path) -> Path:
    """``soundtrack`` as a 16-bit 48 kHz stereo WAV at ``path`` (written whole, then renamed)."""
    path = Path(path)
    temp = path.with_name(f".{path.stem}.{uuid.uuid4().hex[:8]}.part{path.suffix}")
    pcm = np.clip(np.round(soundtrack.samples * 32767.0), -32768, 32767).astype("<i2")
    try:
        with wave.open(str(temp), "wb") as out:
            out.setnchannels(CHANNELS)
            out.setsampwidth(2)
            out.setframerate(SAMPLE_RATE)
            out.writeframes(pcm.tobytes())
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    return path
