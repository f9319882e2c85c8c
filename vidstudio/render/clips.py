"""Video clips as media: probe a clip, read its frames upright at any time, its sound, a thumbnail.

PyAV does the decoding (H.264, HEVC, VP9 in MP4, MOV, WebM, MKV), and FFmpeg the
pixel work in C: libavfilter's ``transpose`` turns a phone clip upright on its
small YUV planes, swscale scales each frame straight to what the canvas needs
and converts it to ``QImage.Format_RGB32`` in one pass, and one numpy copy puts
it in the QImage's own pixels.  Every failure raises :class:`ClipError` with one
plain sentence naming the file.

Times.  A clip's time 0 is its first frame.  :meth:`ClipReader.frame_at` returns
the frame *shown* at ``t``: the one with the largest presentation time ≤ ``t``,
read from the timestamps, so a phone's variable-frame-rate clip maps onto the
output's constant 30 fps exactly as a player shows it.

Rotation.  Phones store a portrait clip landscape (1920×1080) with a display
matrix saying how to turn it; FFmpeg attaches the matrix to every decoded frame
(``VideoFrame.rotation``, counter-clockwise degrees).  :attr:`ClipInfo.rotation`
is the clockwise quarter-turn applied to make the picture upright (0, 90, 180 or
270, the convention of FFmpeg's ``-autorotate`` and of the old ``rotate`` tag);
``width``/``height`` are the upright size.  Mirroring matrices are not applied.

Damage.  :func:`probe_clip` names an incomplete file before a render starts: an
MP4/MOV whose sample index points past the end of the file (free: the index is
read anyway), a WebM/MKV whose packets stop short of its declared length (the
times of its last second's packets are read, nothing decoded), a first frame that
does not decode.  Damage inside a whole file does not stop a render:
:class:`ClipReader` skips a packet that does not decode and every frame up to the
next keyframe, holding the last good frame meanwhile; a file that ends early
(cut or replaced after the probe) holds its last good frame to the end.  Either
sets ``damaged`` and logs one warning; a tour with one bad second of a phone clip
still renders.

Memory.  A reader holds at most two decoded frames (the one shown and the next
one, which says when the shown one ends) and one converted QImage; decoders
keep their own few reference frames.  Never a whole clip.

Speed (this 2-core EPYC, shared: load average 5–12 during the runs, so CPU time
is the figure to trust; a 1080p30 H.264 High clip with sensor-like grain, 6.4
Mbit/s, read sequentially; the conversion is transpose/crop + swscale + copy):

==========================================  ==================  ==============
canvas (``cover``)                          CPU ms/frame, all   of which
                                            threads             conversion
==========================================  ==================  ==============
1920×1080, a 1920×1080 clip                 13–16               3.8–5.6
960×540 (the preview)                       7–10                1.1–1.5
1080×1920, a portrait phone clip (90°)      6–8 (a flat clip)   2.8–4.0
1080×1920, a landscape clip                 73–88               28–35
1080×1920, a landscape clip, ``focus=``     17                  3.7
==========================================  ==================  ==============

Wall time per frame was 12.7–28 ms at 1920×1080 under that load (1–2× the CPU
figure; the decoder's frame threads run beside the conversion).  Without
``focus`` a landscape clip on a 9:16 canvas must cover it: a 3413×1920 frame,
3.2× the pixels of 1080p, most of which the painter crops away.
"""

from __future__ import annotations

import itertools
import logging
import math
from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from types import TracebackType
from typing import Self

import av
import av.container
import av.filter
import av.video.reformatter
import numpy as np
from av.video.frame import VideoFrame
from av.video.stream import VideoStream
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage

from vidstudio.messages import QT_TRANSLATE_NOOP
from vidstudio.render.errors import ClipError, input_file_size

log = logging.getLogger(__name__)

# Scrubbing further ahead than this seeks to the keyframe before the target
# instead of decoding every frame on the way (a 30 fps H.264 GOP is often 1–2 s).
SEEK_AHEAD = 2.0
AUDIO_RATE = 48000
# WebM and MKV store times in whole milliseconds: a 30 fps clip's frame 29 is at
# 0.967 s, after the output's 29/30 s.  A frame due this little after ``t`` is
# the one shown at ``t``.
TIME_SLACK = 0.001
# Seek the sound this much before the start: AAC and Opus decoders need a frame or
# two to warm up after a seek, and the samples before the start are dropped anyway.
AUDIO_PREROLL = 0.2
# WebM/MKV: how much of the end is read to check the file is complete, and how
# far short of its declared length a file may end (a muxer's rounding, a last
# packet without a duration: at least two frames at slow frame rates).
END_SCAN = 1.0
END_SLACK = 0.25
# A clip whose first frame has not come out after this many packets is not usable.
FIRST_FRAME_PACKETS = 300

NOT_FOUND = QT_TRANSLATE_NOOP("Message", "The clip {name} was not found.")
FOLDER = QT_TRANSLATE_NOOP("Message", "{name} is a folder, not a video clip.")
EMPTY = QT_TRANSLATE_NOOP("Message", "The clip {name} is empty (0 bytes).")
UNREADABLE = QT_TRANSLATE_NOOP("Message", "The clip {name} cannot be read ({strerror}).")
NO_PERMISSION = QT_TRANSLATE_NOOP("Message", "vidstudio has no permission to read {name}.")
NOT_A_VIDEO = QT_TRANSLATE_NOOP("Message", "{name} is not a video vidstudio can read.")
DAMAGED = QT_TRANSLATE_NOOP("Message", "The clip {name} is damaged or incomplete.")
NO_VIDEO = QT_TRANSLATE_NOOP("Message", "{name} has no picture, only sound; choose a video clip.")
CODEC = QT_TRANSLATE_NOOP(
    "Message", "The clip {name} uses a video format vidstudio cannot read; use H.264, HEVC or VP9."
)

# The first bytes of the containers vidstudio reads: such a file that FFmpeg
# cannot open is a damaged clip, anything else is not a clip at all.
_MP4_BOXES = (b"ftyp", b"moov", b"mdat", b"wide", b"free", b"skip", b"pnot")
_EBML = b"\x1a\x45\xdf\xa3"


@dataclass(frozen=True)
class ClipInfo:
    """What the app shows and the renderer plans with: the clip's upright size, length and sound."""

    path: Path
    width: int  # upright display size (after rotation)
    height: int
    duration: float  # seconds of video
    fps: float  # average frame rate
    rotation: int  # 0/90/180/270, clockwise, applied to make it upright
    codec: str
    has_audio: bool
    file_size: int


def _error(template: str, path: Path, **fields: object) -> ClipError:
    return ClipError(template, name=path.name, **fields)


def _looks_like_a_clip(path: Path) -> bool:
    try:
        with path.open("rb") as file:
            head = file.read(12)
    except OSError:
        return False
    return head[4:8] in _MP4_BOXES or head.startswith(_EBML)


def _open_container(path: Path) -> av.container.InputContainer:
    input_file_size(path, ClipError, missing=NOT_FOUND, folder=FOLDER, unreadable=UNREADABLE, empty=EMPTY)
    try:
        return av.open(str(path), "r")
    except PermissionError:
        raise _error(NO_PERMISSION, path) from None
    except av.FFmpegError:
        raise _error(DAMAGED if _looks_like_a_clip(path) else NOT_A_VIDEO, path) from None
    except OSError as exc:
        raise _error(UNREADABLE, path, strerror=exc.strerror) from None


def _video_stream(container: av.container.InputContainer, path: Path) -> VideoStream:
    if not container.streams.video:
        raise _error(NO_VIDEO if container.streams.audio else NOT_A_VIDEO, path)
    stream = container.streams.video[0]
    if stream.codec_context is None:  # FFmpeg knows no decoder for it
        raise _error(CODEC, path)
    return stream


def _is_mp4(container: av.container.InputContainer) -> bool:
    return "mp4" in container.format.name or "mov" in container.format.name


def _check_index(container: av.container.InputContainer, path: Path, size: int) -> None:
    """An MP4/MOV lists where every sample is: one listed past the end means the copy stopped midway."""
    for stream in container.streams:
        for entry in stream.index_entries or ():
            if entry.pos + entry.size > size:
                raise _error(DAMAGED, path)


def _scan_end(container: av.container.InputContainer, stream: VideoStream, path: Path) -> float | None:
    """Where the video really ends, in seconds, read from packet times (no decoding).

    WebM and MKV carry no sample index up front: the packets of the last
    ``END_SCAN`` seconds are read (only their times, cheap) to check that the file
    reaches the length its header declares; a file without a declared length (a
    browser's MediaRecorder) is read through once.  Leaves the demuxer at the start.
    """
    declared = container.duration / av.time_base if container.duration else None
    video_end: float | None = None
    any_end: float | None = None
    try:
        if declared is not None and declared > END_SCAN:
            container.seek(math.floor((declared - END_SCAN) * av.time_base), backward=True)
        for packet in container.demux():
            at = packet.pts if packet.pts is not None else packet.dts
            if at is None or packet.time_base is None:
                continue
            end = float((at + (packet.duration or 0)) * packet.time_base)
            any_end = end if any_end is None else max(any_end, end)
            if packet.stream is stream:
                video_end = end if video_end is None else max(video_end, end)
    except av.FFmpegError:
        pass  # a damaged tail: what could be read is what there is
    rate = stream.average_rate or stream.guessed_rate
    slack = max(END_SLACK, 2 / float(rate)) if rate else END_SLACK
    if declared is not None and (any_end is None or any_end < declared - slack):
        raise _error(DAMAGED, path)
    try:
        container.seek(0, backward=True)
    except av.FFmpegError:
        raise _error(DAMAGED, path) from None
    return video_end


def _first_frame(container: av.container.InputContainer, stream: VideoStream, path: Path) -> VideoFrame:
    try:
        for count, packet in enumerate(container.demux(stream)):
            for frame in stream.decode(packet):
                return frame
            if count >= FIRST_FRAME_PACKETS:
                break
    except av.error.PatchWelcomeError:
        raise _error(CODEC, path) from None
    except av.FFmpegError:
        raise _error(DAMAGED, path) from None
    raise _error(DAMAGED, path)


def _rotation(frame: VideoFrame) -> int:
    """The clockwise quarter-turn that makes ``frame`` upright (its display matrix is counter-clockwise)."""
    try:
        angle = frame.rotation
    except (AttributeError, ValueError):  # pragma: no cover - PyAV without side data
        return 0
    if not angle or not math.isfinite(angle):
        return 0
    return (-round(angle / 90) * 90) % 360


def _seconds(stream: VideoStream, value: int | None) -> float | None:
    if value is None or stream.time_base is None:
        return None
    return float(value * stream.time_base)


def _duration(container: av.container.InputContainer, stream: VideoStream, start: float) -> float:
    stream_duration = _seconds(stream, stream.duration)
    if stream_duration:
        return stream_duration
    if container.duration:
        return max(0.0, container.duration / av.time_base - start)
    rate = stream.average_rate or stream.guessed_rate
    return stream.frames / float(rate) if stream.frames and rate else 0.0


@dataclass
class _Opened:
    container: av.container.InputContainer
    stream: VideoStream
    info: ClipInfo
    first: VideoFrame
    origin: float  # the first frame's presentation time, the clip's time 0


def _open(path: Path, *, threads: bool) -> _Opened:
    """Open ``path``, read its metadata and decode its first frame; the caller closes the container."""
    path = Path(path)
    container = _open_container(path)
    try:
        stream = _video_stream(container, path)
        size = path.stat().st_size
        video_end = None
        if _is_mp4(container):
            _check_index(container, path, size)
        else:
            video_end = _scan_end(container, stream, path)
        if threads:
            stream.thread_type = "AUTO"
        first = _first_frame(container, stream, path)
        origin = float(first.time) if first.time is not None else 0.0
        rotation = _rotation(first)
        width, height = first.width, first.height
        aspect = stream.sample_aspect_ratio
        if aspect and aspect > 0 and aspect != 1:
            width = max(1, round(width * aspect))
        if rotation in (90, 270):
            width, height = height, width
        rate = stream.average_rate or stream.guessed_rate
        duration = _duration(container, stream, origin) if video_end is None else video_end - origin
        info = ClipInfo(
            path=path,
            width=width,
            height=height,
            duration=duration,
            fps=float(rate) if rate else 0.0,
            rotation=rotation,
            codec=stream.codec_context.name,
            has_audio=bool(container.streams.audio),
            file_size=size,
        )
        return _Opened(container, stream, info, first, origin)
    except BaseException:
        container.close()
        raise


def probe_clip(path: Path) -> ClipInfo:
    """Check that ``path`` is a clip vidstudio can use: open it, read its metadata, decode one frame."""
    opened = _open(Path(path), threads=False)
    opened.container.close()
    return opened.info


def cover_size(width: int, height: int, cover: QSize) -> tuple[int, int]:
    """The smallest size with ``width:height``'s shape that covers ``cover`` (an empty ``cover``: as is)."""
    if cover.width() <= 0 or cover.height() <= 0:
        return width, height
    scale = max(cover.width() / width, cover.height() / height)
    return max(cover.width(), round(width * scale)), max(cover.height(), round(height * scale))


class ClipReader:
    """The frames of one clip, upright and scaled to cover ``cover``, by source time.

    With ``focus`` (fractions of the upright picture, as ``MediaItem.focus``) the
    frames are exactly ``cover``: the covering frame cropped around the focus,
    cropped *before* conversion.  That is what a still framing needs, and much
    cheaper when the shapes differ: a landscape clip on a 9:16 canvas converts
    1080×1920 pixels instead of 3413×1920.  Without it the painter crops.

    Sequential reads (a render asks for increasing times) decode forward and never
    seek; ``seeks`` counts the seeks a reader made.  Going back, or more than
    ``SEEK_AHEAD`` seconds ahead, seeks to the keyframe before the target and
    decodes forward from there.  One thread at a time: a reader may be made on one
    thread (the decode-ahead thread) and read on another, never by two at once.
    ``decoded`` counts the frames decoded; ``damaged`` is set once it met damage.
    """

    def __init__(self, path: Path, cover: QSize, *, focus: tuple[float, float] | None = None) -> None:
        opened = _open(Path(path), threads=True)
        self._container = opened.container
        self._stream = opened.stream
        self._info = opened.info
        self._origin = opened.origin
        self._covered = cover_size(self._info.width, self._info.height, cover)
        self._focus = focus if focus is not None and cover.width() > 0 and cover.height() > 0 else None
        self._size = (cover.width(), cover.height()) if self._focus is not None else self._covered
        self._reformatter = av.video.reformatter.VideoReformatter()
        self._graph: av.filter.Graph | None = None
        self._graph_shape: tuple[int, int, str] | None = None
        self._frames: Iterator[VideoFrame] = self._decode()
        self._shown: VideoFrame | None = opened.first
        self._shown_at = 0.0
        self._shown_serial = 0
        self._ahead: VideoFrame | None = None
        self._ahead_at = 0.0
        self._eof = False
        self._last_at = 0.0  # the time of the last frame decoded
        self._image: QImage | None = None
        self._image_serial = -1
        self._closed = False
        self.seeks = 0
        self.decoded = 1
        self.damaged = False

    @property
    def info(self) -> ClipInfo:
        return self._info

    @property
    def size(self) -> QSize:
        """The size of the images :meth:`frame_at` returns."""
        return QSize(*self._size)

    def frame_at(self, t: float) -> QImage:
        """The upright frame shown at ``t`` seconds (before the start: the first; past the end: the last)."""
        if self._closed:
            raise ValueError("ClipReader is closed")
        target = max(0.0, t) + TIME_SLACK if math.isfinite(t) else (math.inf if t > 0 else 0.0)
        if t >= self._info.duration:
            target = math.inf
        if not self._covers(target):
            goal = min(target, self._info.duration)
            if self._shown is None or goal < self._shown_at or goal - self._shown_at > SEEK_AHEAD:
                self._seek(goal)
            self._advance(target)
        return self._converted()

    def _covers(self, target: float) -> bool:
        """Whether the frame shown now is still the one shown at ``target``."""
        if self._shown is None or target < self._shown_at:
            return False
        if self._ahead is not None:
            return target < self._ahead_at
        return self._eof

    def _time(self, frame: VideoFrame, previous: float) -> float:
        if frame.time is None:
            rate = self._info.fps or 30.0
            return previous + 1.0 / rate
        return float(frame.time) - self._origin

    def _decode(self) -> Iterator[VideoFrame]:
        """Every good frame from the demuxer's position, in presentation order.

        A packet that does not decode is skipped, and so is every frame after it up
        to the next keyframe (they would show its damage): the last good frame is
        held meanwhile.  A file that cannot be read further ends the clip there.
        """
        resync = False
        try:
            for packet in self._container.demux(self._stream):
                try:
                    frames = self._stream.decode(packet)
                except av.error.InvalidDataError:
                    self._mark_damaged()
                    resync = True
                    continue
                for frame in frames:
                    if resync and not frame.key_frame:
                        continue
                    resync = False
                    if frame.is_corrupt:
                        self._mark_damaged()
                        continue
                    yield frame
        except av.FFmpegError:
            self._mark_damaged()

    def _mark_damaged(self) -> None:
        if not self.damaged:
            log.warning(
                "clip %s is damaged after %d frames: holding the last good one", self._info.path, self.decoded
            )
        self.damaged = True

    def _next(self) -> tuple[VideoFrame, float] | None:
        if self._eof:
            return None
        frame = next(self._frames, None)
        if frame is None:
            self._eof = True
            if self._last_at < self._info.duration - max(END_SLACK, 2 / (self._info.fps or 30.0)):
                self._mark_damaged()  # the file ends early: cut or changed since it was probed
            return None
        self.decoded += 1
        self._last_at = self._time(frame, self._last_at)
        return frame, self._last_at

    def _advance(self, target: float) -> None:
        while True:
            if self._ahead is None:
                found = self._next()
                if found is None:
                    return
                self._ahead, self._ahead_at = found
            if self._shown is not None and self._ahead_at > target:
                return
            self._show(self._ahead, self._ahead_at)
            self._ahead = None

    def _show(self, frame: VideoFrame, at: float) -> None:
        self._shown, self._shown_at = frame, at
        self._shown_serial += 1

    def _seek(self, goal: float) -> None:
        self.seeks += 1
        self._shown = self._ahead = None
        self._seek_to(goal)
        found = self._next()
        if found is not None and found[1] > goal + 1e-3 and goal > 0:
            # The keyframe index pointed past the goal (a damaged index): read from the start.
            self._seek_to(0.0)
            found = self._next()
        if found is not None:
            self._show(*found)

    def _seek_to(self, goal: float) -> None:
        time_base = self._stream.time_base or Fraction(1, 1)
        pts = math.floor((goal + self._origin) / time_base)
        close = getattr(self._frames, "close", None)
        if close is not None:
            close()
        self._eof = False
        try:
            self._container.seek(pts, stream=self._stream, backward=True, any_frame=False)
        except av.FFmpegError:
            self._mark_damaged()
        self._frames = self._decode()

    def _converted(self) -> QImage:
        if self._image is not None and self._image_serial == self._shown_serial:
            return self._image
        frame = self._shown
        if frame is None:  # nothing decodes after a seek into damage: probe saw a first frame, so rare
            raise ClipError(DAMAGED, name=self._info.path.name)
        self._image = self._to_qimage(frame)
        self._image_serial = self._shown_serial
        return self._image

    def _crop(self, width: int, height: int) -> tuple[int, int, int, int] | None:
        """The part of an upright ``width``×``height`` frame that shows, around the focus; None: all of it."""
        if self._focus is None:
            return None
        return focus_crop(width, height, self._size, self._covered, self._focus)

    def _prepare(self, frame: VideoFrame) -> VideoFrame:
        """``frame`` turned upright and cropped to the focus, by libavfilter on its YUV planes.

        ``transpose`` is SIMD on the small planes and ``crop`` only moves pointers,
        so swscale then converts no pixel that is not shown.
        """
        rotation = self._info.rotation
        if not rotation and self._focus is None:
            return frame
        shape = (frame.width, frame.height, frame.format.name)
        if self._graph is None or self._graph_shape != shape:
            graph = av.filter.Graph()
            time_base = self._stream.time_base or Fraction(1, 1000)
            chain = [
                graph.add_buffer(
                    width=frame.width, height=frame.height, format=frame.format, time_base=time_base
                )
            ]
            upright_w, upright_h = frame.width, frame.height
            if rotation == 180:
                chain += [graph.add("hflip"), graph.add("vflip")]
            elif rotation:
                chain.append(graph.add("transpose", "clock" if rotation == 90 else "cclock"))
                upright_w, upright_h = frame.height, frame.width
            crop = self._crop(upright_w, upright_h)
            if crop is not None:
                chain.append(graph.add("crop", "{}:{}:{}:{}".format(*crop)))
            chain.append(graph.add("buffersink"))
            for left, right in itertools.pairwise(chain):
                left.link_to(right)
            graph.configure()
            self._graph, self._graph_shape = graph, shape
        self._graph.push(frame)
        return self._graph.vpull()

    def _to_qimage(self, frame: VideoFrame) -> QImage:
        width, height = self._size
        scaled = self._reformatter.reformat(
            self._prepare(frame), width=width, height=height, format="bgra", interpolation="BILINEAR"
        )
        plane = scaled.planes[0]
        source = np.frombuffer(memoryview(plane), np.uint8).reshape(height, plane.line_size)
        image = QImage(width, height, QImage.Format.Format_RGB32)
        target = np.frombuffer(image.bits(), np.uint8).reshape(height, image.bytesPerLine())
        target[:, : width * 4] = source[:, : width * 4]
        return image

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        close = getattr(self._frames, "close", None)
        if close is not None:
            close()
        self._shown = self._ahead = None
        self._image = None
        self._graph = None
        self._container.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


def focus_crop(
    width: int, height: int, size: tuple[int, int], covered: tuple[int, int], focus: tuple[float, float]
) -> tuple[int, int, int, int] | None:
    """``(w, h, left, top)`` of an upright ``width``×``height`` frame that a reader of ``size``
    with ``focus`` shows (``covered``: the frame scaled to cover ``size``); None: all of it.

    The Remotion twin crops its clips with the same numbers (render/remotion_props.py).
    """
    if covered == size:
        return None
    crop_w = min(width, max(1, round(width * size[0] / covered[0])))
    crop_h = min(height, max(1, round(height * size[1] / covered[1])))
    fx, fy = focus
    left = min(width - crop_w, max(0, round(fx * width - crop_w / 2)))
    top = min(height - crop_h, max(0, round(fy * height - crop_h / 2)))
    return crop_w, crop_h, left, top


def clip_audio(path: Path, start: float, duration: float) -> np.ndarray | None:
    """The clip's own sound from ``start`` for ``duration`` seconds: float32 ``(n, 2)`` at 48 kHz.

    Exactly ``round(duration * 48000)`` rows: silence pads past the end of the
    sound (and after damage).  ``None`` when the clip has no sound.
    """
    path = Path(path)
    container = _open_container(path)
    with container:
        _video_stream(container, path)
        if not container.streams.audio:
            return None
        stream = container.streams.audio[0]
        video = container.streams.video[0]
        origin = _seconds(video, video.start_time) or 0.0
        total = max(0, round(duration * AUDIO_RATE))
        out = np.zeros((total, 2), np.float32)
        if total == 0:
            return out
        start = max(0.0, start)
        resampler = av.AudioResampler(format="flt", layout="stereo", rate=AUDIO_RATE)
        position: int | None = None  # the index in ``out`` of the next resampled sample
        try:
            if start > 0 and stream.time_base is not None:
                preroll = max(0.0, origin + start - AUDIO_PREROLL)
                container.seek(math.floor(preroll / stream.time_base), stream=stream, backward=True)
            for packet in container.demux(stream):
                for frame in stream.decode(packet):
                    if position is None:
                        at = float(frame.time) - origin if frame.time is not None else start
                        position = round((at - start) * AUDIO_RATE)
                    position = _place(out, resampler.resample(frame), position)
                if position is not None and position >= total:
                    return out
            if position is not None:
                _place(out, resampler.resample(None), position)
        except av.FFmpegError:
            log.warning("the sound of clip %s is damaged: silence from there on", path)
        return out


def _place(out: np.ndarray, frames: list[av.AudioFrame], position: int) -> int:
    """Copy resampled stereo ``frames`` into ``out`` from row ``position``; returns the next row."""
    for frame in frames:
        samples = frame.to_ndarray().reshape(-1, 2)
        begin, end = position, position + len(samples)
        lo, hi = max(0, begin), min(len(out), end)
        if lo < hi:
            out[lo:hi] = samples[lo - begin : hi - begin]
        position = end
    return position


def clip_thumbnail(path: Path, width: int) -> QImage:
    """The clip's first frame, upright, ``width`` pixels wide (for the app's media strip)."""
    with ClipReader(Path(path), QSize(max(1, width), 1)) as reader:
        return reader.frame_at(0.0)
