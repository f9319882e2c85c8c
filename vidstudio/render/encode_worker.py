"""The encoder child process: BGRA frames from shared memory to an H.264 MP4.

It runs in its own process because PySide6 holds the GIL while it paints: an
encoder thread in the same process spends most of its time waiting for the
GIL (measured: 11.2 s instead of ~7 s for 300 1080p frames).  A process has
its own interpreter, so painting and encoding really overlap.

This module imports no Qt: the child starts fast and small.

The child is started as ``python -m vidstudio.render.encode_worker`` (or, in
the frozen app, ``vidstudio-cli --encode-worker``) with the parameters as JSON
in its first argument.  Frames travel through a memory-mapped file of
``slots`` canvases; JSON lines on stdin/stdout say which:
  parent -> child: ["frame", slot] | ["finish"] | ["abort"]
  child -> parent: ["ready"] | ["done", slot, frames] | ["finished", frames]
                   | ["error", errno_or_null, message]
When the parent disappears (stdin closes), the child deletes its partial
output and exits: it can never outlive the app.

With a soundtrack, ``audio_path`` names a raw file of float32 stereo samples
at 48 kHz, interleaved (``vidstudio-audio-<parent pid>-*``, 35 MB for 90 s),
which the parent wrote whole before starting the child.  The child adds an
AAC-LC stream (48 kHz, stereo, 192 kbit/s) and, on the thread that feeds
x264, after each video frame encodes the audio up to that frame's end: the
muxer only ever waits for what x264's lookahead holds back (well under a
second of either stream), and the file interleaves like a camera's.  FFmpeg's
AAC encoder costs 0.9 CPU-seconds per 30 s of sound (measured), a few per cent
of encoding the 1080p frames beside it.  The audio is cut (or padded with
silence) to the video's length at ``finish``.  The audio file follows the
frames file's rules below.

The frames file (``vidstudio-frames-<parent pid>-*``, 33 MB for four 1080p
canvases) must not outlive a render either, however it ends.  On Linux (in
``/dev/shm``) the parent unlinks it as soon as the child has mapped it.  On
Windows an open file cannot be deleted, so whichever side closes last deletes
it: the parent after the child has exited, the child when the parent was
killed.  When both were killed at once (a power cut, "End task" on the whole
tree), :func:`sweep_stale_frames` deletes it at the app's next start.
"""

from __future__ import annotations

import contextlib
import json
import mmap
import os
import queue
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass
from fractions import Fraction
from typing import IO, Any

# name -> (CRF, x264 preset, extra x264 parameters).  "standard" is superfast
# with macroblock-tree rate control put back: measured on a 300-frame promo it
# gives the PSNR of "veryfast" (49.64 vs 49.66 dB) and 2 % more bytes for 40 %
# less CPU (5.0 vs 8.4 CPU-seconds), which is what lets a render keep up with
# painting on two cores.
QUALITY: dict[str, tuple[int, str, str]] = {
    "draft": (26, "ultrafast", ""),
    "standard": (20, "superfast", "mbtree=1:rc-lookahead=10"),
    "high": (17, "medium", ""),
}


FRAMES_PREFIX = "vidstudio-frames-"
AUDIO_PREFIX = "vidstudio-audio-"
AUDIO_RATE = 48000
AUDIO_CHANNELS = 2
AUDIO_BIT_RATE = 192_000
# The AAC encoder takes 1024 samples a frame (the last one may be shorter).
AAC_FRAME = 1024
# A frames file without a pid in its name (made by an older version) is stale once
# it is older than any start-up could take (the parent waits 30 s for the child).
_LEGACY_STALE_AFTER = 120.0


def frames_dirs() -> list[str]:
    """Where frames files are made: RAM-backed /dev/shm on Linux, the temp folder elsewhere."""
    if sys.platform == "linux" and os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK):
        return ["/dev/shm"]
    return [tempfile.gettempdir()]


def _running(pid: int) -> bool:
    if sys.platform == "win32":
        # A mapped frames file cannot be deleted anyway, but the audio file is only written
        # by the parent before the child maps it: ask Windows whether its owner is alive
        # (the Windows lane found a live render's audio file swept).
        from vidstudio.render.winjob import process_alive

        return process_alive(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def sweep_stale_frames() -> int:
    """Delete the frames (and audio) files that killed renders left behind; returns how many.

    Called once when the app or the CLI starts.  A file whose render is still
    running (in another vidstudio process) is kept: on Linux its owner's pid is
    alive (on Windows OpenProcess says so, and a mapped file cannot be deleted anyway).
    """
    removed = 0
    folders = dict.fromkeys([*frames_dirs(), tempfile.gettempdir()])
    for folder in folders:
        try:
            names = [n for n in os.listdir(folder) if n.startswith((FRAMES_PREFIX, AUDIO_PREFIX))]
        except OSError:
            continue
        for name in names:
            path = os.path.join(folder, name)
            prefix = FRAMES_PREFIX if name.startswith(FRAMES_PREFIX) else AUDIO_PREFIX
            owner = name[len(prefix) :].split("-", 1)[0]
            try:
                if owner.isdigit():
                    if _running(int(owner)):
                        continue
                elif time.time() - os.stat(path).st_mtime < _LEGACY_STALE_AFTER:
                    continue
                os.unlink(path)
                removed += 1
            except OSError:
                continue  # in use (Windows), gone already, or not ours
    return removed


@dataclass(frozen=True)
class EncodeParams:
    temp_path: str
    width: int
    height: int
    fps: int
    quality: str
    frames_path: str
    slots: int
    audio_path: str | None = None  # float32 interleaved stereo at 48 kHz; None: no audio stream

    def to_arg(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_arg(cls, text: str) -> EncodeParams:
        return cls(**json.loads(text))


def _open(params: EncodeParams) -> tuple[Any, Any]:
    import av

    crf, preset, extra = QUALITY[params.quality]
    container = av.open(params.temp_path, mode="w", format="mp4", options={"movflags": "+faststart"})
    stream = container.add_stream("libx264", rate=params.fps)
    stream.width = params.width
    stream.height = params.height
    stream.pix_fmt = "yuv420p"
    stream.time_base = Fraction(1, params.fps)
    ctx = stream.codec_context
    ctx.time_base = Fraction(1, params.fps)
    ctx.framerate = Fraction(params.fps, 1)
    ctx.color_range = 1  # limited ("TV") range
    ctx.colorspace = 1  # BT.709 matrix
    ctx.color_primaries = 1  # BT.709
    ctx.color_trc = 1  # BT.709
    ctx.gop_size = params.fps * 2
    ctx.options = {
        "crf": str(crf),
        "preset": preset,
        "x264-params": ":".join(
            filter(None, ["colorprim=bt709:transfer=bt709:colormatrix=bt709:force-cfr=1", extra])
        ),
    }
    return container, stream


def _add_audio(container: Any) -> Any:
    stream = container.add_stream("aac", rate=AUDIO_RATE, layout="stereo")
    stream.bit_rate = AUDIO_BIT_RATE
    stream.time_base = Fraction(1, AUDIO_RATE)
    stream.codec_context.time_base = Fraction(1, AUDIO_RATE)
    return stream


class _Audio:
    """The soundtrack's samples, mapped from the parent's file, encoded as the video advances."""

    def __init__(self, path: str, fps: int) -> None:
        self.fps = fps
        self.done = 0  # samples encoded so far
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            self.mapping = mmap.mmap(handle.fileno(), size, access=mmap.ACCESS_READ) if size else None
        self.total = size // (4 * AUDIO_CHANNELS)
        self.stream: Any = None

    def encode_until(self, container: Any, end: int, last: bool = False) -> None:
        """Encode whole AAC frames up to sample ``end`` (and the short last one when ``last``)."""
        import av
        import numpy as np

        while self.done < end:
            count = min(AAC_FRAME, end - self.done)
            if count < AAC_FRAME and not last:
                return
            block = np.zeros((count, AUDIO_CHANNELS), dtype=np.float32)
            have = max(0, min(count, self.total - self.done))
            if have and self.mapping is not None:
                block[:have] = np.frombuffer(
                    self.mapping, dtype=np.float32, count=have * AUDIO_CHANNELS, offset=self.done * 8
                ).reshape(have, AUDIO_CHANNELS)
            frame = av.AudioFrame.from_ndarray(np.ascontiguousarray(block.T), format="fltp", layout="stereo")
            frame.sample_rate = AUDIO_RATE
            frame.pts = self.done
            frame.time_base = Fraction(1, AUDIO_RATE)
            self.done += count
            for packet in self.stream.encode(frame):
                container.mux(packet)

    def after_frame(self, container: Any, frames: int) -> None:
        self.encode_until(container, frames * AUDIO_RATE // self.fps)

    def finish(self, container: Any, frames: int) -> None:
        self.encode_until(container, frames * AUDIO_RATE // self.fps, last=True)
        for packet in self.stream.encode(None):
            container.mux(packet)

    def close(self) -> None:
        if self.mapping is not None:
            with contextlib.suppress(Exception):
                self.mapping.close()
            self.mapping = None


def _send(out: IO[str], *message: Any) -> None:
    out.write(json.dumps(message) + "\n")
    out.flush()


def run(params: EncodeParams, inp: IO[str], out: IO[str]) -> int:
    """Encode frames as the parent says; returns the process exit code.

    Two threads: this one converts each canvas to yuv420p (and frees it at
    once), the other feeds x264.  Both release the GIL while they work.
    """
    import av
    import numpy as np
    from av.video.reformatter import ColorRange, Colorspace

    mapping: mmap.mmap | None = None
    audio: _Audio | None = None
    container: Any = None
    finished = False
    frame_bytes = params.width * params.height * 4
    pending: queue.Queue[Any] = queue.Queue(maxsize=4)
    failure: list[BaseException] = []
    encoder_thread: threading.Thread | None = None

    def encode_loop(stream: Any) -> None:
        try:
            while (frame := pending.get()) is not None:
                if failure:
                    continue
                for packet in stream.encode(frame):
                    container.mux(packet)
                if audio is not None:
                    # Interleaved: the audio of this frame's time goes in beside it.
                    audio.after_frame(container, frame.pts + 1)
        except BaseException as exc:
            failure.append(exc)

    def put(item: Any) -> None:
        while encoder_thread is not None and encoder_thread.is_alive():
            try:
                pending.put(item, timeout=0.1)
                return
            except queue.Full:
                if failure:
                    raise failure[0] from None

    try:
        with open(params.frames_path, "r+b") as handle:
            mapping = mmap.mmap(handle.fileno(), frame_bytes * params.slots)
        if params.audio_path is not None:
            audio = _Audio(params.audio_path, params.fps)  # mapped before "ready": the parent unlinks it
        container, stream = _open(params)
        if audio is not None:
            audio.stream = _add_audio(container)
        encoder_thread = threading.Thread(target=encode_loop, args=(stream,), daemon=True)
        encoder_thread.start()
        _send(out, "ready")
        count = 0
        for line in inp:
            if failure:
                raise failure[0]
            message = json.loads(line)
            kind = message[0]
            if kind == "frame":
                slot = int(message[1])
                pixels = np.ndarray(
                    (params.height, params.width, 4),
                    dtype=np.uint8,
                    buffer=mapping,
                    offset=slot * frame_bytes,
                )
                # Zero-copy view of the canvas; the conversion reads it once.
                frame = av.VideoFrame.from_numpy_buffer(pixels, format="bgra").reformat(
                    format="yuv420p",
                    src_colorspace=Colorspace.ITU709,
                    dst_colorspace=Colorspace.ITU709,
                    dst_color_range=ColorRange.MPEG,
                )
                del pixels
                count += 1
                _send(out, "done", slot, count)  # the canvas may be reused now
                frame.pts = count - 1
                frame.time_base = Fraction(1, params.fps)
                put(frame)
            elif kind == "finish":
                put(None)
                encoder_thread.join()
                if failure:
                    raise failure[0]
                for packet in stream.encode(None):
                    container.mux(packet)
                if audio is not None:
                    audio.finish(container, count)
                container.close()
                container = None
                finished = True
                _send(out, "finished", count)
                return 0
            else:  # abort
                return 0
        return 0  # stdin closed: the app is gone
    except OSError as exc:
        with contextlib.suppress(Exception):
            _send(out, "error", exc.errno, exc.strerror or str(exc))
        return 1
    except Exception as exc:
        with contextlib.suppress(Exception):
            _send(out, "error", None, f"{type(exc).__name__}: {exc}")
        return 1
    finally:
        if encoder_thread is not None and encoder_thread.is_alive():
            failure.append(RuntimeError("stopped"))
            with contextlib.suppress(queue.Full):
                pending.put_nowait(None)
            encoder_thread.join(2.0)
        if container is not None:
            with contextlib.suppress(Exception):
                container.close()
        if not finished:
            with contextlib.suppress(OSError):
                os.unlink(params.temp_path)
        if mapping is not None:
            with contextlib.suppress(Exception):
                mapping.close()
        if audio is not None:
            audio.close()
        # The parent may have been killed: nobody else would delete the frames file.
        # (Linux: the parent unlinked it already; Windows: this fails while the
        # parent still has it open, and the parent deletes it.)
        with contextlib.suppress(OSError):
            os.unlink(params.frames_path)
        if params.audio_path is not None:
            with contextlib.suppress(OSError):
                os.unlink(params.audio_path)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    params = EncodeParams.from_arg(args[0])
    return run(params, sys.stdin, sys.stdout)


if __name__ == "__main__":
    sys.exit(main())
