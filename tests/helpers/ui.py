"""Helpers for the window tests (imported by the tests and by conftest)."""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QImage
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from vidstudio.render.template import templates_dir

if TYPE_CHECKING:
    from vidstudio.ui.main_window import MainWindow

SMALL = 0.25  # renders at 480×270 for 16:9: fast on two cores


def write_short_templates(folder: Path, seconds: float) -> Path:
    """The bundled templates, shortened to ``seconds`` (same layers, same look)."""
    folder.mkdir(parents=True, exist_ok=True)
    for source in templates_dir().glob("*.json"):
        if source.name == "schema.json":
            continue
        data = json.loads(source.read_text(encoding="utf-8"))
        scale = seconds / float(data.get("duration", 10.0))
        data["duration"] = seconds
        fps = int(data.get("fps", 30))
        data["poster_frame"] = int(seconds * fps) // 2  # before the end card
        for layer in data["layers"]:
            for key in ("start", "end"):
                if layer.get(key) is not None:
                    layer[key] = round(layer[key] * scale, 3)
            for anim in ("entrance", "exit"):
                if layer.get(anim):
                    for key in ("delay", "duration"):
                        if key in layer[anim]:
                            layer[anim][key] = max(0.05, round(layer[anim][key] * scale, 3))
        (folder / source.name).write_text(json.dumps(data), encoding="utf-8")
    return folder


def drop_files(target: QWidget, files: list[Path]) -> None:
    """What Explorer does: a drag enter and a drop with file URLs."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(f)) for f in files])
    enter = QDragEnterEvent(
        QPoint(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(target, drop)


def preview_pixels(window: MainWindow) -> QImage:
    window.preview.canvas.repaint()
    return window.preview_image()


def differing_pixels(a: QImage, b: QImage) -> float:
    """Share of sampled pixels that differ between two same-size images."""
    assert a.size() == b.size()
    total = changed = 0
    for y in range(0, a.height(), 4):
        for x in range(0, a.width(), 4):
            total += 1
            changed += a.pixel(x, y) != b.pixel(x, y)
    return changed / total


MODAL_LIMIT_S = 20.0  # a modal dialog up this long in a test is one nobody will answer


@contextlib.contextmanager
def dialog_guard(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Unexpected modal dialogs fail the test instead of blocking the suite forever.

    ``QMessageBox.question/warning/critical/information`` answer No/Cancel/Ok at once and
    are recorded (a test that expects one patches it itself); any other modal dialog still
    on screen after MODAL_LIMIT_S is closed by a watchdog timer (it fires inside the
    dialog's own event loop) and recorded.  Anything recorded fails the test at the end.
    """
    unexpected: list[str] = []

    def refuse(kind: str, default: QMessageBox.StandardButton) -> Callable[..., QMessageBox.StandardButton]:
        def answer(
            _parent: object, title: str, text: str, *_args: object, **_kwargs: object
        ) -> QMessageBox.StandardButton:
            unexpected.append(f"QMessageBox.{kind}({title!r}, {text!r})")
            return default

        return answer

    Button = QMessageBox.StandardButton
    monkeypatch.setattr(QMessageBox, "question", refuse("question", Button.No))
    monkeypatch.setattr(QMessageBox, "warning", refuse("warning", Button.Cancel))
    monkeypatch.setattr(QMessageBox, "critical", refuse("critical", Button.Cancel))
    monkeypatch.setattr(QMessageBox, "information", refuse("information", Button.Ok))
    seen: dict[int, float] = {}

    def watchdog() -> None:
        modal = QApplication.activeModalWidget()
        if modal is None:
            seen.clear()
            return
        first = seen.setdefault(id(modal), time.monotonic())
        if time.monotonic() - first > MODAL_LIMIT_S:
            unexpected.append(f"modal {type(modal).__name__} {modal.windowTitle()!r} left open")
            seen.pop(id(modal), None)
            modal.close()

    timer = QTimer()
    timer.setInterval(500)
    timer.timeout.connect(watchdog)
    timer.start()
    try:
        yield unexpected
    finally:
        timer.stop()
    if unexpected:
        pytest.fail("unexpected modal dialog(s): " + "; ".join(unexpected), pytrace=False)


# Qt's offscreen platform warns when a dialog is shown; strict pytest-qt would fail on it.
OFFSCREEN_DIALOG = "This plugin does not support propagateSizeHints"


class RenderHold:
    """Holds a render's worker thread before it paints frame ``frame``, until released.

    A test that acts *during* a render (cancel, quit) holds it there, acts, and so never
    depends on how fast this machine renders or how many (throttled) progress reports
    reach the UI first.  Any ``CancelToken.cancel()`` releases the hold, so a cancelled
    render goes on to notice its token; so does leaving the context.
    """

    def __init__(self, frame: int) -> None:
        self.frame = frame
        self.reached = threading.Event()  # the worker waits before painting ``frame``
        self.released = threading.Event()

    def wait_reached(self, timeout: float = 60.0) -> None:
        """Block (processing Qt events) until the worker is held; fail after ``timeout``."""
        deadline = time.monotonic() + timeout
        while not self.reached.is_set():
            if time.monotonic() > deadline:
                pytest.fail(f"the render never reached frame {self.frame}", pytrace=False)
            QApplication.processEvents()
            time.sleep(0.005)

    def release(self) -> None:
        self.released.set()


@contextlib.contextmanager
def hold_render(monkeypatch: pytest.MonkeyPatch, frame: int = 10) -> Iterator[RenderHold]:
    """Renders stop before painting ``frame`` until released (see RenderHold)."""
    from vidstudio.render import pipeline
    from vidstudio.render.paint import Scene

    hold = RenderHold(frame)
    paint = Scene.paint
    cancel = pipeline.CancelToken.cancel

    def held_paint(scene: Scene, painter: Any, index: int, **kwargs: Any) -> None:
        # A render paints with its own streaming scene; the preview's are left alone.
        if scene.streaming and index == frame and not hold.reached.is_set():
            hold.reached.set()
            hold.released.wait(120)
        paint(scene, painter, index, **kwargs)

    def releasing_cancel(token: Any) -> None:
        cancel(token)
        hold.release()

    monkeypatch.setattr(Scene, "paint", held_paint)
    monkeypatch.setattr(pipeline.CancelToken, "cancel", releasing_cancel)
    try:
        yield hold
    finally:
        hold.release()
