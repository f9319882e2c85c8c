"""Checks a finished MP4 against what a platform takes, before it is published.

:func:`preflight` reads the file with PyAV (one pass over its packets: the video's
are only timed, the sound's are decoded to measure it) and returns one plain
sentence per problem, as :class:`~vidstudio.messages.Message` warnings.  It never
blocks a publish and never raises for a bad file: a missing, damaged or non-video
file is one sentence too.  It raises only :class:`~vidstudio.render.errors.Cancelled`,
when ``cancel()`` returns True (polled between packets).

What it checks, for the platform's limits in render/platforms.py: the length; the
picture's aspect; a constant 23–60 fps; H.264 in yuv420p; BT.709 colour tags; the
``moov`` atom before ``mdat`` ("fast start"); and, when there is sound, AAC at
48 kHz, integrated loudness within −16…−12 LUFS and a true peak of at most −1 dBTP
(measured by render/audio.py's ``measure``: FFmpeg's ebur128).

Messages are of :class:`~vidstudio.messages.Kind` ``OUTPUT`` (the rendered file),
``FILE_MISSING`` for a file that is not there.
"""

from __future__ import annotations

import contextlib
import math
import os
import struct
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path
from typing import Any

import av
import numpy as np

from vidstudio.messages import QT_TRANSLATE_NOOP, Kind, Message, message
from vidstudio.render import audio
from vidstudio.render.clips import NO_PERMISSION, NOT_A_VIDEO  # the same sentences as for a clip
from vidstudio.render.errors import Cancelled, OutputError, RenderError, input_file_size
from vidstudio.render.platforms import Platform

MIN_FPS = 23.0  # 23.976 (film) is the slowest rate the platforms list
MAX_FPS = 60.0
# Frame times may wobble by a tick of the file's time base (and a muxer's rounding);
# more than this much off the usual gap is a variable frame rate.
FPS_JITTER = 0.01
# The renderer's AAC padding makes a file up to one AAC frame (21 ms) longer than asked.
LENGTH_SLACK = 0.05
# How far a picture's width/height may be from the platform's aspect (rounding to even sizes).
ASPECT_TOLERANCE = 0.01
# Loudness.  YouTube turns every video louder than about −14 LUFS down to it (its
# "stats for nerds" shows the cut); Instagram, Facebook and TikTok normalise too but
# publish no figure, and measurements put them near the same −14.  A mix within 2 LU
# of −14 plays close to as mixed everywhere: much louder is turned down (and was
# limited for nothing), much quieter sounds weak beside the videos around it (not
# every player turns sound up).  −1 dBTP leaves room for the platform's own AAC
# encode, which moves peaks up by a few tenths (AES TD1008; render/audio.py aims at
# the same figures).
LOUDNESS_LOW = -16.0
LOUDNESS_HIGH = -12.0
MAX_TRUE_PEAK = -1.0
# The sound measured: a longer file is judged on its first minutes (35 MB a minute and a half).
MAX_MEASURED_SECONDS = 180.0
_POLL_EVERY = 32  # packets

# The first box types of an MP4/MOV: such a file that FFmpeg cannot open is damaged.
_MP4_BOXES = frozenset({"ftyp", "moov", "mdat", "wide", "free", "skip", "pnot"})

NOT_FOUND = QT_TRANSLATE_NOOP("Message", "The video {name} was not found.")
FOLDER = QT_TRANSLATE_NOOP("Message", "{name} is a folder, not a video.")
EMPTY = QT_TRANSLATE_NOOP("Message", "The video {name} is empty (0 bytes).")
UNREADABLE = QT_TRANSLATE_NOOP("Message", "The video {name} cannot be read ({strerror}).")
DAMAGED = QT_TRANSLATE_NOOP("Message", "The video {name} is damaged or incomplete.")

TOO_LONG = QT_TRANSLATE_NOOP(
    "Message", "This video lasts {seconds} seconds; {platform} takes at most {limit}."
)
TOO_SHORT = QT_TRANSLATE_NOOP(
    "Message", "This video lasts {seconds} seconds; {platform} takes at least {limit}."
)
ASPECT = QT_TRANSLATE_NOOP(
    "Message",
    "This video is {width}×{height} pixels ({ratio}); {platform} shows {aspect} videos, "
    "so yours will get black bars or be cropped.",
)
FPS = QT_TRANSLATE_NOOP(
    "Message", "This video plays {fps} frames per second; {platform} needs between 23 and 60."
)
VARIABLE_FPS = QT_TRANSLATE_NOOP(
    "Message",
    "This video's frame rate changes as it plays; {platform} needs a steady one, "
    "such as 30 frames per second.",
)
CONTAINER = QT_TRANSLATE_NOOP("Message", "This video is a {format} file; {platform} expects an MP4 file.")
CODEC = QT_TRANSLATE_NOOP("Message", "This video is compressed as {codec}; {platform} expects H.264.")
PIXEL_FORMAT = QT_TRANSLATE_NOOP(
    "Message",
    "This video stores its colours as {pixel_format}; {platform} expects yuv420p, "
    "the format every phone plays.",
)
COLOUR_TAGS = QT_TRANSLATE_NOOP(
    "Message",
    "This video's colours are not marked as BT.709 (Rec. 709), so {platform} may show them "
    "washed out or too strong.",
)
NOT_FASTSTART = QT_TRANSLATE_NOOP(
    "Message",
    "This video only starts playing once it has loaded completely; export it with fast start "
    "(web optimised) turned on.",
)
AUDIO_CODEC = QT_TRANSLATE_NOOP("Message", "The sound is compressed as {codec}; {platform} expects AAC.")
AUDIO_RATE = QT_TRANSLATE_NOOP("Message", "The sound is recorded at {rate} kHz; {platform} expects 48 kHz.")
TOO_LOUD = QT_TRANSLATE_NOOP(
    "Message",
    "The sound is too loud ({lufs} LUFS); {platform} plays videos at about −14 LUFS and will turn it down.",
)
TOO_QUIET = QT_TRANSLATE_NOOP(
    "Message",
    "The sound is too quiet ({lufs} LUFS); {platform} plays videos at about −14 LUFS, "
    "so it will sound weaker than the videos around it.",
)
TRUE_PEAK = QT_TRANSLATE_NOOP(
    "Message",
    "The sound peaks at {peak} dBTP, so it may crackle once {platform} compresses it again; "
    "keep its peaks at −1 dBTP or lower.",
)


class _Damaged(Exception):
    """The file opened but its packets or index cannot be read."""


def preflight(path: Path, platform: Platform, cancel: Callable[[], bool] | None = None) -> list[Message]:
    """The problems ``platform`` would have with the MP4 at ``path``: one sentence each, [] when none.

    Never raises for a bad file; raises :class:`Cancelled` when ``cancel()`` returns True.
    """
    path = Path(path)
    name = path.name
    try:
        input_file_size(
            path, OutputError, missing=NOT_FOUND, folder=FOLDER, unreadable=UNREADABLE, empty=EMPTY
        )
    except RenderError as exc:
        if not path.exists():
            return [message(NOT_FOUND, Kind.FILE_MISSING, name=name)]
        return [exc.sentence]
    try:
        atoms = _top_level_atoms(path)
    except PermissionError:
        return [message(NO_PERMISSION, Kind.OUTPUT, name=name)]
    except OSError as exc:
        return [message(UNREADABLE, Kind.OUTPUT, name=name, strerror=exc.strerror)]
    looks_mp4 = bool(atoms) and atoms[0] in _MP4_BOXES
    try:
        container = av.open(str(path), "r")
    except PermissionError:
        return [message(NO_PERMISSION, Kind.OUTPUT, name=name)]
    except (av.FFmpegError, OSError, ValueError, UnicodeDecodeError):
        return [message(DAMAGED if looks_mp4 else NOT_A_VIDEO, Kind.OUTPUT, name=name)]
    try:
        if not container.streams.video or container.format.name.endswith(("_pipe", "image2")):
            # FFmpeg opens a photo as a one-frame video: not a video either.
            return [message(NOT_A_VIDEO, Kind.OUTPUT, name=name)]
        try:
            return _check(container, path, atoms, platform, cancel)
        except (_Damaged, av.FFmpegError, ValueError, EOFError):
            return [message(DAMAGED, Kind.OUTPUT, name=name)]
    finally:
        container.close()


def _check(
    container: Any, path: Path, atoms: list[str], platform: Platform, cancel: Callable[[], bool] | None
) -> list[Message]:
    video = container.streams.video[0]
    sound = container.streams.audio[0] if container.streams.audio else None
    size = path.stat().st_size
    for stream in container.streams:
        for entry in stream.index_entries or ():
            if entry.pos + entry.size > size:  # the index lists samples past the end: a cut copy
                raise _Damaged()
    is_mp4 = "mp4" in container.format.name or "mov" in container.format.name
    scan = _scan(container, video, sound, cancel)
    where = {"platform": platform.name}
    found: list[Message] = []

    def warn(template: str, **fields: object) -> None:
        found.append(message(template, Kind.OUTPUT, **where, **fields))

    # Length: the picture's, which is what the platform counts.
    length = _duration(container, video, scan.video_end)
    if length > platform.max_duration + LENGTH_SLACK:
        warn(TOO_LONG, seconds=_number(length), limit=_number(platform.max_duration))
    elif length < platform.min_duration - LENGTH_SLACK:
        warn(TOO_SHORT, seconds=_number(length), limit=_number(platform.min_duration))

    # Aspect of the picture as shown (square pixels, upright).
    width, height = _display_size(video, scan.rotation)
    if width and height and not any(_close(width / height, _ratio(a)) for a in platform.accepts):
        warn(ASPECT, width=width, height=height, ratio=_aspect_name(width, height), aspect=platform.aspect)

    # Frame rate, from the frames' own times.
    fps, steady = _frame_rate(scan.video_times, video)
    if not steady:
        warn(VARIABLE_FPS)
    elif fps is not None and not (MIN_FPS - 0.01 <= fps <= MAX_FPS + 0.01):
        warn(FPS, fps=_number(fps, 2))

    if not is_mp4:
        warn(CONTAINER, format=str(container.format.name).split(",")[0].upper())
    ctx = video.codec_context
    codec = str(ctx.name)
    if codec != "h264":
        warn(CODEC, codec=_codec_name(ctx))
    pixel_format = str(ctx.pix_fmt or (video.format.name if video.format else ""))
    if pixel_format and pixel_format != "yuv420p":
        warn(PIXEL_FORMAT, pixel_format=pixel_format)
    # 1 is BT.709 in all three of FFmpeg's (and ISO/IEC 23091-2's) tables.
    if not (ctx.color_primaries == 1 and ctx.color_trc == 1 and ctx.colorspace == 1):
        warn(COLOUR_TAGS)
    if is_mp4 and "moov" in atoms and "mdat" in atoms and atoms.index("mdat") < atoms.index("moov"):
        warn(NOT_FASTSTART)

    if sound is not None:
        sound_ctx = sound.codec_context
        if str(sound_ctx.name) != "aac":
            warn(AUDIO_CODEC, codec=_codec_name(sound_ctx))
        rate = int(sound_ctx.sample_rate or 0)
        if rate and rate != audio.SAMPLE_RATE:
            warn(AUDIO_RATE, rate=_number(rate / 1000, 1))
        if scan.samples is not None and len(scan.samples):
            lufs, peak = audio.measure(scan.samples, cancel)
            if lufs > -70.0:  # silence has no loudness to judge
                if lufs > LOUDNESS_HIGH:
                    warn(TOO_LOUD, lufs=_decibels(lufs))
                elif lufs < LOUDNESS_LOW:
                    warn(TOO_QUIET, lufs=_decibels(lufs))
            if math.isfinite(peak) and peak > MAX_TRUE_PEAK + 0.05:
                warn(TRUE_PEAK, peak=_decibels(peak))
    return found


# ------------------------------------------------------------------ reading
def _top_level_atoms(path: Path) -> list[str]:
    """The types of an MP4's top-level boxes, in file order ([] for anything else).

    By hand, not with a library: FFmpeg (PyAV) finds the ``moov`` wherever it is and
    does not say where, no MP4 parser is a dependency, and the top level is a flat
    run of headers: a 32-bit big-endian size and a 4-letter type, the size 1 meaning
    a 64-bit size follows, 0 meaning "to the end of the file".  Reads 16 bytes a box.
    """
    names: list[str] = []
    with path.open("rb") as handle:
        total = os.fstat(handle.fileno()).st_size
        pos = 0
        while pos + 8 <= total and len(names) < 1000:
            handle.seek(pos)
            size, kind = struct.unpack(">I4s", handle.read(8))
            if size == 1:
                extended = handle.read(8)
                if len(extended) < 8:
                    break
                size = struct.unpack(">Q", extended)[0]
            elif size == 0:
                size = total - pos
            if size < 8 or not kind.isascii():
                break
            names.append(kind.decode("ascii"))
            pos += size
    return names


class _Scan:
    def __init__(self) -> None:
        self.video_times: list[int] = []  # presentation times of the picture's packets (time base ticks)
        self.video_end: float | None = None
        self.rotation = 0
        self.samples: audio.Samples | None = None


def _scan(container: Any, video: Any, sound: Any, cancel: Callable[[], bool] | None) -> _Scan:
    """One pass over the packets: the picture's times, its first frame's rotation, the sound decoded."""
    scan = _Scan()
    chunks: list[audio.Samples] = []
    have = 0
    wanted = round(MAX_MEASURED_SECONDS * audio.SAMPLE_RATE)
    resampler = av.AudioResampler(format="flt", layout="stereo", rate=audio.SAMPLE_RATE) if sound else None
    first_frame = False
    streams = [video] + ([sound] if sound is not None else [])
    for count, packet in enumerate(container.demux(*streams)):
        if count % _POLL_EVERY == 0 and cancel is not None and cancel():
            raise Cancelled()
        if packet.stream is video:
            if packet.pts is not None:
                scan.video_times.append(int(packet.pts))
                if packet.time_base is not None:
                    end = float((packet.pts + (packet.duration or 0)) * packet.time_base)
                    scan.video_end = end if scan.video_end is None else max(scan.video_end, end)
            if not first_frame and packet.size:
                for frame in video.decode(packet):
                    scan.rotation = _rotation(frame)
                    first_frame = True
                    break
        elif resampler is not None and have < wanted:
            for frame in sound.decode(packet):
                for out in resampler.resample(frame):
                    block = out.to_ndarray().reshape(-1, audio.CHANNELS).astype(np.float32, copy=False)
                    chunks.append(block)
                    have += len(block)
    if resampler is not None and have < wanted:
        with contextlib.suppress(av.FFmpegError, ValueError):
            for frame in sound.decode(None):
                chunks.extend(
                    out.to_ndarray().reshape(-1, audio.CHANNELS).astype(np.float32, copy=False)
                    for out in resampler.resample(frame)
                )
        for out in resampler.resample(None):
            chunks.append(out.to_ndarray().reshape(-1, audio.CHANNELS).astype(np.float32, copy=False))
    if chunks:
        scan.samples = np.concatenate(chunks)[:wanted]
    if not scan.video_times:
        raise _Damaged()
    return scan


def _rotation(frame: Any) -> int:
    """The clockwise quarter-turn a player applies (the display matrix is counter-clockwise)."""
    try:
        angle = frame.rotation
    except (AttributeError, ValueError):  # pragma: no cover - PyAV without side data
        return 0
    if not angle or not math.isfinite(angle):
        return 0
    return int((-round(angle / 90) * 90) % 360)


def _duration(container: Any, video: Any, end: float | None) -> float:
    if video.duration is not None and video.time_base is not None:
        return float(video.duration * video.time_base)
    if end is not None:
        return end
    return float(container.duration / av.time_base) if container.duration else 0.0


def _display_size(video: Any, rotation: int) -> tuple[int, int]:
    width, height = int(video.codec_context.width or 0), int(video.codec_context.height or 0)
    sar = video.sample_aspect_ratio or video.codec_context.sample_aspect_ratio
    if sar and sar != 1:
        width = round(width * Fraction(sar))
    return (height, width) if rotation in (90, 270) else (width, height)


def _frame_rate(times: list[int], video: Any) -> tuple[float | None, bool]:
    """Frames per second and whether they are evenly spaced, from the frames' times."""
    ticks = sorted(set(times))
    if len(ticks) < 3 or video.time_base is None:
        rate = video.average_rate or video.guessed_rate
        return (float(rate) if rate else None), True
    gaps = np.diff(np.asarray(ticks, dtype=np.float64))
    usual = float(np.median(gaps))
    slack = max(1.5, usual * FPS_JITTER)  # a tick of rounding either way
    steady = bool(np.all(np.abs(gaps - usual) <= slack))
    return 1.0 / (usual * float(video.time_base)), steady


# ------------------------------------------------------------------ wording
def _ratio(aspect: str) -> float:
    width, height = aspect.split(":")
    return int(width) / int(height)


def _close(value: float, wanted: float) -> bool:
    return abs(value / wanted - 1.0) <= ASPECT_TOLERANCE


_NAMED = ("16:9", "9:16", "1:1", "4:5", "4:3", "3:4", "21:9")


def _aspect_name(width: int, height: int) -> str:
    """The aspect's usual name ("16:9" for 1920×1080 and near it); the reduced fraction otherwise."""
    for name in _NAMED:
        if _close(width / height, _ratio(name)):
            return name
    divisor = math.gcd(width, height)
    return f"{width // divisor}:{height // divisor}"


def _number(value: float, decimals: int = 1) -> str:
    """``value`` as a person writes it: 100, 29.97, 44.1."""
    text = f"{value:.{decimals}f}".rstrip("0").rstrip(".")
    return text if text != "-0" else "0"


def _decibels(value: float) -> str:
    """−6.0: one decimal and a real minus sign, as the sentences write −14."""
    return f"{value:.1f}".replace("-", "−")


def _codec_name(ctx: Any) -> str:
    names = {"hevc": "HEVC (H.265)", "h264": "H.264", "mpeg4": "MPEG-4", "mp3": "MP3", "opus": "Opus"}
    name = str(ctx.name)
    return names.get(name, name.upper())
