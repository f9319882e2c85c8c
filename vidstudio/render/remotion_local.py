"""Optional backend "Remotion (this computer)": ``remotion/`` rendered by a Node child.

Available when Node 18 or newer is found and ``remotion/node_modules`` is
installed (a developer or an office that chose Remotion; the installer ships
neither).  The child, ``remotion/scripts/render.mjs``, speaks JSON lines on
stdin/stdout: no port is opened by vidstudio; every photo, clip, logo and the
soundtrack WAV (:func:`remotion_props.write_soundtrack`, the samples the native
encoder muxes) is copied into the bundle's public folder by the child.

The child runs in its own process group (POSIX session; on Windows a new process
group) and is terminated, then killed, with its Chromium on cancel, on error and
when the app exits (``atexit``); if the app dies anyway, the child sees its stdin
close and cancels itself.  On Windows the child is also in a Job Object
(:mod:`winjob`): cancel ends it with every descendant, and so does the app's end.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import queue
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path
from typing import IO, Any

from vidstudio.messages import QT_TRANSLATE_NOOP, Kind, Message
from vidstudio.messages import message as user_message  # 'message' is the child's JSON here
from vidstudio.render import winjob
from vidstudio.render.backends import BackendResult, RenderBackend, RenderRequest, Started
from vidstudio.render.encoder import temp_path_for
from vidstudio.render.errors import Cancelled, RenderError
from vidstudio.render.media import check_media
from vidstudio.render.pipeline import (
    CancelToken,
    Progress,
    ProgressCallback,
)
from vidstudio.render.remotion_props import media_paths, remotion_input_props, write_soundtrack
from vidstudio.render.timeline import frame_count
from vidstudio.resources import resource_root

MIN_NODE_MAJOR = 18
NO_NODE = QT_TRANSLATE_NOOP("Message", "Remotion needs Node.js {version} or newer, which was not found.")
NOT_INSTALLED = QT_TRANSLATE_NOOP("Message", "Remotion is not installed in {folder} (run npm ci there).")
STARTING = QT_TRANSLATE_NOOP("Message", "Starting Remotion")
PROGRESS = QT_TRANSLATE_NOOP("Message", "Remotion: {percent} % · {frames}/{total} frames")
CANCEL_GRACE = 5.0

_live: set[subprocess.Popen[bytes]] = set()
_live_lock = threading.Lock()


def _proc_table() -> list[tuple[int, int, int]]:
    """(pid, ppid, pgid) of every live (not zombie) process; empty where /proc is missing."""
    table: list[tuple[int, int, int]] = []
    proc_dir = Path("/proc")
    if not proc_dir.is_dir():
        return table
    for entry in proc_dir.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rfind(")") + 2 :].split()
        if len(fields) > 2 and fields[0] not in ("Z", "X"):
            table.append((int(entry.name), int(fields[1]), int(fields[2])))
    return table


def descendants(pid: int) -> list[int]:
    """Every live descendant of ``pid`` (Chromium starts its own process group, so a
    group kill alone misses it).  Linux reads /proc; elsewhere ``ps``."""
    children: dict[int, list[int]] = {}
    if Path("/proc").is_dir():
        for child, parent, _ in _proc_table():
            children.setdefault(parent, []).append(child)
    elif sys.platform != "win32":
        try:
            out = subprocess.run(
                ["ps", "-A", "-o", "pid=,ppid="], capture_output=True, text=True, timeout=5
            ).stdout
        except (OSError, subprocess.TimeoutExpired):
            return []
        for line in out.splitlines():
            parts = line.split()
            if len(parts) == 2:
                children.setdefault(int(parts[1]), []).append(int(parts[0]))
    found: list[int] = []
    stack = [pid]
    while stack:
        for child in children.get(stack.pop(), []):
            found.append(child)
            stack.append(child)
    return found


def _wait_gone(pids: set[int], pgid: int, timeout: float) -> None:
    """Wait until none of ``pids`` nor any member of group ``pgid`` is running (Linux)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        alive = [p for p, _, g in _proc_table() if p in pids or g == pgid]
        if not alive:
            return
        for pid in alive:
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
        time.sleep(0.05)


def _kill_group(proc: subprocess.Popen[bytes], grace: float = CANCEL_GRACE) -> None:
    """Terminate the child's process group and every descendant (Chromium), then kill them."""
    family = set(descendants(proc.pid))
    if proc.poll() is None:
        with contextlib.suppress(OSError):
            if sys.platform == "win32":
                proc.send_signal(signal.CTRL_BREAK_EVENT)  # type: ignore[attr-defined,unused-ignore]
            else:
                os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(OSError):
                if sys.platform == "win32":
                    proc.kill()
                else:
                    os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)
    winjob.kill(proc)  # Windows: what is left of its descendants (Chromium); no-op elsewhere
    if sys.platform != "win32":
        with contextlib.suppress(OSError):
            os.killpg(proc.pid, signal.SIGKILL)
        for pid in family:
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
        _wait_gone(family, proc.pid, timeout=3.0)


@atexit.register
def _kill_all() -> None:
    with _live_lock:
        children = list(_live)
    for proc in children:
        _kill_group(proc, grace=1.0)


def project_dir() -> Path:
    return resource_root().parent / "remotion"


def find_node() -> str | None:
    """The ``node`` executable if it is Node 18 or newer."""
    node = shutil.which("node")
    if node is None:
        return None
    try:
        out = subprocess.run(
            [node, "--version"], capture_output=True, text=True, timeout=10, check=False
        ).stdout
        major = int(out.strip().lstrip("v").split(".")[0])
    except (OSError, ValueError, subprocess.TimeoutExpired):
        return None
    return node if major >= MIN_NODE_MAJOR else None


class RemotionLocalBackend(RenderBackend):
    """Renders with Remotion and Chromium on this computer (slow: about 10× the native one)."""

    name = "remotion-local"

    def __init__(
        self,
        *,
        project: Path | None = None,
        node: str | None = None,
        browser_executable: str | None = None,
        concurrency: int | None = None,
    ) -> None:
        self.project = project or project_dir()
        self.node = node or find_node()
        self.browser_executable = browser_executable
        self.concurrency = concurrency

    def unavailable_reason(self) -> Message | None:
        if self.node is None:
            return user_message(NO_NODE, Kind.NOT_SET_UP, version=MIN_NODE_MAJOR)
        if not (self.project / "node_modules" / "@remotion" / "renderer").is_dir():
            return user_message(NOT_INSTALLED, Kind.NOT_SET_UP, folder=self.project)
        return None

    def prepare(self, request: RenderRequest) -> Message | None:
        return self.unavailable_reason() or super().prepare(request)

    def _render(self, request: RenderRequest, run: Started) -> BackendResult:
        reason = self.unavailable_reason()
        if reason:
            raise RenderError(reason)
        started, cancel, report = run.at, run.cancel, run.report
        template, props = request.template, request.props
        total = frame_count(template, props)
        report(Progress("preparing", 0, total, 0.0, message=user_message(STARTING)))
        # Every file the composition loads is copied into the bundle's public folder under a
        # name of its own (no port is opened): "static:<name>" in the props.
        check_media(props)
        token = uuid.uuid4().hex[:12]
        with tempfile.TemporaryDirectory(prefix="vidstudio-remotion-") as folder:
            soundtrack = write_soundtrack(template, props, Path(folder))
            assets: dict[Path, str] = {}
            for i, path in enumerate(media_paths(props) + ([soundtrack.path] if soundtrack else [])):
                assets[path] = f"vs-{token}-{i}{path.suffix.lower()}"
            urls = {path: f"static:{name}" for path, name in assets.items()}
            track = soundtrack.ref(urls[soundtrack.path]) if soundtrack is not None else None
            input_props = remotion_input_props(
                template, props, request.aspect, url_for=urls, soundtrack=track
            )
            temp = temp_path_for(request.output)
            message = {
                "type": "render",
                "composition": template.id,
                "props": input_props,
                "output": str(temp),
                "assets": [{"path": str(path), "name": name} for path, name in assets.items()],
                "browserExecutable": self.browser_executable,
                "concurrency": self.concurrency,
            }
            self._render_to(request, message, temp, total, started, report, cancel)
        result = run.result(request, request.output, request.output.stat().st_size)
        report(Progress("done", total, total, result.wall_time, 0.0))
        return BackendResult(render=result, backend=self.name)

    def _render_to(
        self,
        request: RenderRequest,
        message: dict[str, Any],
        temp: Path,
        total: int,
        started: float,
        report: ProgressCallback,
        cancel: CancelToken,
    ) -> None:
        try:
            self._run(message, total, started, report, cancel)
            if not temp.exists():
                raise RenderError(
                    QT_TRANSLATE_NOOP("Message", "Remotion finished without writing the video.")
                )
            os.replace(temp, request.output)
        finally:
            with contextlib.suppress(OSError):
                temp.unlink()

    def _run(
        self,
        message: dict[str, Any],
        total: int,
        started: float,
        report: ProgressCallback,
        cancel: CancelToken,
    ) -> None:
        assert self.node is not None
        stderr = tempfile.TemporaryFile()  # noqa: SIM115 (closed in the finally below)
        kwargs: dict[str, Any] = {}
        if sys.platform == "win32":
            kwargs["creationflags"] = subprocess.CREATE_NEW_PROCESS_GROUP  # type: ignore[attr-defined,unused-ignore]
        else:
            kwargs["start_new_session"] = True
        proc = subprocess.Popen(
            [self.node, str(self.project / "scripts" / "render.mjs")],
            cwd=self.project,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=stderr,
            **kwargs,
        )
        winjob.contain(proc)  # Windows: Chromium dies with node, and with the app
        with _live_lock:
            _live.add(proc)
        events: queue.Queue[dict[str, Any] | None] = queue.Queue()
        assert proc.stdin is not None and proc.stdout is not None
        reader = threading.Thread(target=_read_lines, args=(proc.stdout, events), daemon=True)
        reader.start()
        try:
            proc.stdin.write((json.dumps(message) + "\n").encode())
            proc.stdin.flush()
            cancel_sent: float | None = None
            while True:
                if cancel.cancelled and cancel_sent is None:
                    cancel_sent = time.monotonic()
                    with contextlib.suppress(OSError):
                        proc.stdin.write(b'{"type": "cancel"}\n')
                        proc.stdin.flush()
                if cancel_sent is not None and time.monotonic() - cancel_sent > CANCEL_GRACE:
                    raise Cancelled()
                try:
                    event = events.get(timeout=0.1)
                except queue.Empty:
                    continue
                if event is None:  # stdout closed: the child is gone
                    if cancel.cancelled:
                        raise Cancelled()
                    detail = _tail(stderr)
                    if detail:
                        raise RenderError(
                            QT_TRANSLATE_NOOP("Message", "Remotion stopped unexpectedly: {detail}"),
                            detail=detail,
                        )
                    raise RenderError(QT_TRANSLATE_NOOP("Message", "Remotion stopped unexpectedly."))
                kind = event.get("type")
                if kind == "progress":
                    done = int(event.get("renderedFrames") or 0)
                    elapsed = time.perf_counter() - started
                    fraction = float(event.get("progress") or 0.0)
                    eta = elapsed / fraction * (1 - fraction) if fraction > 0.02 else None
                    report(
                        Progress(
                            "rendering",
                            min(done, total),
                            total,
                            elapsed,
                            eta,
                            None,
                            user_message(PROGRESS, percent=round(fraction * 100), frames=done, total=total),
                        )
                    )
                elif kind == "done":
                    return
                elif kind == "cancelled":
                    raise Cancelled()
                elif kind == "error":
                    if cancel.cancelled:
                        raise Cancelled()
                    first = str(event.get("message", "")).strip().splitlines()[:1]
                    raise RenderError(
                        QT_TRANSLATE_NOOP("Message", "Remotion could not render: {value}"),
                        value=first[0] if first else "unknown error",
                    )
        finally:
            with contextlib.suppress(OSError):
                proc.stdin.close()
            _kill_group(proc)
            with _live_lock:
                _live.discard(proc)
            reader.join(timeout=5)
            proc.stdout.close()
            stderr.close()


def _read_lines(stream: IO[bytes], events: queue.Queue[dict[str, Any] | None]) -> None:
    for raw in stream:
        line = raw.decode("utf-8", errors="replace").strip()
        if line.startswith("{"):
            with contextlib.suppress(json.JSONDecodeError):
                events.put(json.loads(line))
    events.put(None)


def _tail(stream: IO[bytes]) -> str:
    with contextlib.suppress(OSError):
        stream.seek(0)
        text = stream.read().decode("utf-8", errors="replace").strip()
        return text.splitlines()[-1][:300] if text else ""
    return ""
