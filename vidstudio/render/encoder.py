"""H.264 encoding: yuv420p, BT.709, constant frame rate, ``+faststart``.

:class:`Encoder` paints nothing itself: it hands out ``QImage`` canvases that
live in shared memory, and a child process (:mod:`encode_worker`) converts and
encodes them with PyAV while this process paints the next frame.

The video is written to a hidden temporary file next to the target and renamed
over it only when complete, so a failed or cancelled render never leaves a
partial file and never replaces a good one.

With a :class:`~vidstudio.render.audio.Soundtrack` the video gains an AAC
stream: the samples are written to a raw file beside the frames file before
the child starts (35 MB for 90 s; in RAM on Linux) and the child encodes them
interleaved with the frames (see :mod:`encode_worker`).  That file is removed
like the frames file: as soon as the child has it open (Linux), when the
render ends however it ends, or by the stale-file sweep at the next start.
"""

from __future__ import annotations

import contextlib
import errno
import json
import mmap
import os
import queue
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import deque
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from PySide6.QtGui import QImage

from vidstudio.messages import QT_TRANSLATE_NOOP
from vidstudio.render import encode_worker
from vidstudio.render.errors import Cancelled, OutputError, RenderError

if TYPE_CHECKING:
    from vidstudio.render.audio import Soundtrack

DEFAULT_SLOTS = 4
START_TIMEOUT = 30.0
POLL = 0.05


def worker_command(params: encode_worker.EncodeParams) -> list[str]:
    """How to start the encoder child: the frozen app's CLI, or this Python."""
    if getattr(sys, "frozen", False):
        cli = Path(sys.executable).with_name(
            "vidstudio-cli.exe" if sys.platform == "win32" else "vidstudio-cli"
        )
        exe = str(cli) if cli.exists() else sys.executable
        return [exe, "--encode-worker", params.to_arg()]
    return [sys.executable, "-m", "vidstudio.render.encode_worker", params.to_arg()]


def temp_path_for(target: Path) -> Path:
    """A hidden temp name in the target's folder (same disk, so the rename is atomic)."""
    return target.with_name(f".{target.stem}.{uuid.uuid4().hex[:8]}.part{target.suffix}")


def partial_files_for(target: Path) -> list[Path]:
    """Temp files that renders of ``target`` left behind (an app killed mid-render)."""
    return sorted(target.parent.glob(f".{target.stem}.*.part{target.suffix}"))


def output_error(target: Path, exc: OSError | None, errno_value: int | None = None) -> OutputError:
    """A plain message for a failure to write ``target``."""
    code = errno_value if errno_value is not None else (exc.errno if exc else None)
    if code == errno.ENOSPC:
        return OutputError(
            QT_TRANSLATE_NOOP(
                "Message", "The disk is full: cannot write {name}. Free some space and try again."
            ),
            name=target.name,
        )
    if code in (errno.EACCES, errno.EPERM, errno.EROFS):
        return OutputError(
            QT_TRANSLATE_NOOP("Message", "vidstudio has no permission to write {name} in {parent}."),
            name=target.name,
            parent=target.parent,
        )
    if code == errno.ENOENT:
        return OutputError(
            QT_TRANSLATE_NOOP("Message", "The folder {parent} does not exist."), parent=target.parent
        )
    reason = (exc.strerror if exc else None) or "an input/output error"
    return OutputError(
        QT_TRANSLATE_NOOP("Message", "Cannot write {name}: {reason}."), name=target.name, reason=reason
    )


def check_output_path(target: Path) -> None:
    """Fail early, with a plain message, when ``target`` cannot be written."""
    parent = target.parent
    if target.is_dir():
        raise OutputError(
            QT_TRANSLATE_NOOP("Message", "{target} is a folder; give a file name such as video.mp4."),
            target=target,
        )
    if not parent.exists():
        raise OutputError(QT_TRANSLATE_NOOP("Message", "The folder {parent} does not exist."), parent=parent)
    if not parent.is_dir():
        raise OutputError(QT_TRANSLATE_NOOP("Message", "{parent} is not a folder."), parent=parent)
    if not os.access(parent, os.W_OK):
        raise OutputError(
            QT_TRANSLATE_NOOP("Message", "vidstudio has no permission to write in {parent}."), parent=parent
        )


class Encoder:
    """Encode frames painted into shared canvases to an MP4 at ``target``.

    ``open()``; then per frame ``slot, image = canvas()`` (paint into ``image``)
    and ``submit(slot)``; finally ``finish()`` (renames the file into place) or
    ``abort()`` (deletes it).  Also a context manager that aborts on error.
    ``frames`` counts the frames the encoder has taken.  With a ``soundtrack``
    the MP4 also has its sound, cut or padded to the frames' length.
    """

    def __init__(
        self,
        target: Path,
        width: int,
        height: int,
        fps: int,
        quality: str = "standard",
        *,
        slots: int = DEFAULT_SLOTS,
        soundtrack: Soundtrack | None = None,
    ) -> None:
        if quality not in encode_worker.QUALITY:
            raise RenderError(
                QT_TRANSLATE_NOOP("Message", "Unknown quality {quality} (use draft, standard or high)."),
                quality=repr(quality),
            )
        if width % 2 or height % 2:
            raise ValueError("width and height must be even for yuv420p")
        self.target = Path(target)
        self.width = width
        self.height = height
        self.fps = fps
        self.quality = quality
        self.temp = temp_path_for(self.target)
        self.frames = 0
        self.soundtrack = soundtrack
        self._slots = slots
        self._frame_bytes = width * height * 4
        self._frames_file: str | None = None
        self._audio_file: str | None = None
        self._mmap: mmap.mmap | None = None
        self._views: list[memoryview] = []
        self._images: list[QImage] = []
        self._free: deque[int] = deque()
        self._proc: subprocess.Popen[str] | None = None
        self._messages: queue.Queue[list[Any] | None] = queue.Queue()
        self._stderr: IO[bytes] | None = None

    # ------------------------------------------------------------ lifecycle
    def open(self, cancel: Any = None) -> None:
        check_output_path(self.target)
        try:
            self._start(cancel)
        except BaseException:
            self.abort()
            raise

    def _start(self, cancel: Any) -> None:
        size = self._frame_bytes * self._slots
        # RAM-backed on Linux; elsewhere the temp folder (pages stay in the cache).
        # The pid in the name tells sweep_stale_frames whose it is.
        fd, self._frames_file = tempfile.mkstemp(
            prefix=f"{encode_worker.FRAMES_PREFIX}{os.getpid()}-", dir=encode_worker.frames_dirs()[0]
        )
        try:
            os.ftruncate(fd, size)
            self._mmap = mmap.mmap(fd, size)
        finally:
            os.close(fd)
        whole = memoryview(self._mmap)
        for slot in range(self._slots):
            view = whole[slot * self._frame_bytes : (slot + 1) * self._frame_bytes]
            self._views.append(view)
            self._images.append(
                QImage(view, self.width, self.height, self.width * 4, QImage.Format.Format_RGB32)
            )
            self._free.append(slot)
        whole.release()
        if self.soundtrack is not None and len(self.soundtrack.samples):
            self._write_audio_file()
        params = encode_worker.EncodeParams(
            temp_path=str(self.temp),
            width=self.width,
            height=self.height,
            fps=self.fps,
            quality=self.quality,
            frames_path=self._frames_file,
            slots=self._slots,
            audio_path=self._audio_file,
        )
        self._stderr = tempfile.TemporaryFile()  # noqa: SIM115 (closed in _shutdown)
        env = dict(os.environ)
        package_root = str(Path(encode_worker.__file__).resolve().parents[2])
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [package_root, env.get("PYTHONPATH")]))
        if getattr(sys, "frozen", False):
            # vidstudio-cli is a program of its own: it must not take over this
            # process's PyInstaller bootloader state (PyInstaller >= 6.10).
            env["PYINSTALLER_RESET_ENVIRONMENT"] = "1"
        flags = getattr(subprocess, "CREATE_NO_WINDOW", 0)
        self._proc = subprocess.Popen(
            worker_command(params),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._stderr,
            text=True,
            encoding="utf-8",
            bufsize=1,
            env=env,
            creationflags=flags,
        )
        threading.Thread(
            target=self._read_messages,
            args=(self._proc.stdout,),
            name="vidstudio-encoder-reader",
            daemon=True,
        ).start()
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            if cancel is not None and cancel.cancelled:
                raise Cancelled()
            try:
                message = self._messages.get(timeout=POLL)
            except queue.Empty:
                if time.monotonic() > deadline:
                    raise RenderError(
                        QT_TRANSLATE_NOOP("Message", "The video encoder did not start; reinstall vidstudio.")
                    ) from None
                continue
            self._handle(message)
            if sys.platform != "win32":
                # Both sides have it mapped: a kill -9 of both can no longer leak it.
                self._unlink_frames_file()
                self._unlink_audio_file()
            return

    def _write_audio_file(self) -> None:
        assert self.soundtrack is not None
        fd, self._audio_file = tempfile.mkstemp(
            prefix=f"{encode_worker.AUDIO_PREFIX}{os.getpid()}-", dir=encode_worker.frames_dirs()[0]
        )
        # float32, interleaved L R L R: the samples' own layout, written in one call.
        samples = self.soundtrack.samples
        if samples.ndim != 2 or samples.shape[1] != encode_worker.AUDIO_CHANNELS:
            os.close(fd)
            raise ValueError("a soundtrack is float32 (n, 2)")
        with os.fdopen(fd, "wb") as handle:
            samples.astype("<f4", copy=False).tofile(handle)

    def _read_messages(self, stream: IO[str] | None) -> None:
        assert stream is not None
        try:
            for line in stream:
                with contextlib.suppress(ValueError):
                    self._messages.put(json.loads(line))
        except (OSError, ValueError):
            pass
        self._messages.put(None)  # the child has gone

    def canvas(self, cancel: Any = None) -> tuple[int, QImage]:
        """A free canvas to paint the next frame into (waits while all are in use)."""
        self.poll()
        while not self._free:
            if cancel is not None and cancel.cancelled:
                raise Cancelled()
            try:
                self._handle(self._messages.get(timeout=POLL))
            except queue.Empty:
                continue
        slot = self._free.popleft()
        return slot, self._images[slot]

    def submit(self, slot: int) -> None:
        self._send("frame", slot)
        self.poll()

    def poll(self) -> None:
        """Handle the encoder's messages that are waiting (never blocks)."""
        while True:
            try:
                message = self._messages.get_nowait()
            except queue.Empty:
                return
            self._handle(message)

    def finish(self, cancel: Any = None) -> Path:
        """Flush, close and move the finished file into place."""
        self._send("finish")
        while True:
            if cancel is not None and cancel.cancelled:
                self.abort()
                raise Cancelled()
            try:
                message = self._messages.get(timeout=POLL)
            except queue.Empty:
                continue
            if message is not None and message[0] == "finished":
                self.frames = int(message[1])
                break
            self._handle(message)
        self._shutdown()
        try:
            os.replace(self.temp, self.target)
        except OSError as exc:
            with contextlib.suppress(OSError):
                self.temp.unlink()
            raise output_error(self.target, exc) from None
        return self.target

    def abort(self) -> None:
        """Stop the encoder and delete the temporary file; never raises."""
        proc = self._proc
        if proc is not None and proc.stdin is not None:
            # Best effort only: the child may already be gone (no error handling
            # that could call back into abort()).
            with contextlib.suppress(Exception):
                proc.stdin.write(json.dumps(["abort"]) + "\n")
                proc.stdin.flush()
        self._shutdown()
        with contextlib.suppress(OSError):
            self.temp.unlink()

    def __enter__(self) -> Encoder:
        self.open()
        return self

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if exc_type is None:
            self.finish()
        else:
            self.abort()

    # ------------------------------------------------------------ internals
    def _send(self, *message: Any) -> None:
        proc = self._proc
        if proc is None or proc.stdin is None:
            return
        try:
            proc.stdin.write(json.dumps(message) + "\n")
            proc.stdin.flush()
        except (OSError, ValueError):
            # The child died: its last words (if any) say why.
            self._handle(self._last_words())

    def _last_words(self) -> list[Any] | None:
        with contextlib.suppress(queue.Empty):
            while True:
                message = self._messages.get(timeout=1.0)
                if message is None or message[0] == "error":
                    return message
        return None

    def _handle(self, message: list[Any] | None) -> None:
        if message is None:
            code = self._proc.poll() if self._proc is not None else None
            detail = self._stderr_tail()
            self.abort()
            raise RenderError(
                QT_TRANSLATE_NOOP(
                    "Message", "The video encoder stopped unexpectedly (exit code {code}){detail}."
                ),
                code=code,
                detail=detail,
            )
        kind = message[0]
        if kind == "ready":
            return
        if kind == "done":
            self._free.append(int(message[1]))
            self.frames = int(message[2])
            return
        if kind == "error":
            self.abort()
            code, text = message[1], message[2]
            if code is not None:
                raise output_error(self.target, None, int(code))
            raise RenderError(
                QT_TRANSLATE_NOOP("Message", "The video could not be encoded ({text})."), text=text
            )
        raise RenderError(
            QT_TRANSLATE_NOOP("Message", "Unexpected message from the video encoder: {kind}"), kind=kind
        )

    def _stderr_tail(self) -> str:
        if self._stderr is None:
            return ""
        with contextlib.suppress(Exception):
            self._stderr.seek(0)
            lines = self._stderr.read().decode("utf-8", "replace").strip().splitlines()
            if lines:
                return f": {lines[-1][:200]}"
        return ""

    def _shutdown(self) -> None:
        proc, self._proc = self._proc, None
        if proc is not None:
            with contextlib.suppress(Exception):
                if proc.stdin is not None:
                    proc.stdin.close()
            try:
                proc.wait(3.0)
            except subprocess.TimeoutExpired:
                proc.kill()
                with contextlib.suppress(Exception):
                    proc.wait(2.0)
            with contextlib.suppress(Exception):
                if proc.stdout is not None:
                    proc.stdout.close()
        if self._stderr is not None:
            with contextlib.suppress(Exception):
                self._stderr.close()
            self._stderr = None
        self._images.clear()
        for view in self._views:
            with contextlib.suppress(Exception):
                view.release()
        self._views.clear()
        self._free.clear()
        if self._mmap is not None:
            with contextlib.suppress(Exception):
                self._mmap.close()
            self._mmap = None
        self._unlink_frames_file()
        self._unlink_audio_file()

    def _unlink_audio_file(self) -> None:
        if self._audio_file is not None:
            with contextlib.suppress(OSError):
                os.unlink(self._audio_file)
            self._audio_file = None

    def _unlink_frames_file(self) -> None:
        if self._frames_file is not None:
            with contextlib.suppress(OSError):
                os.unlink(self._frames_file)
            self._frames_file = None
