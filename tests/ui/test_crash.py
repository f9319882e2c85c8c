"""The unhandled-exception hook: logged with a traceback, shown as a dialog with "Copy details"."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from vidstudio import logs
from vidstudio.ui import crash

REPO = Path(__file__).resolve().parents[2]
# The offscreen platform says this whenever a dialog is shown; it is not about our code.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")
JWT = "eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoiYW5vbiJ9.bm90LWEtcmVhbC1zaWduYXR1cmU"


@pytest.fixture
def hooks(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Our hooks installed for one test; Python's (and pytest's) put back afterwards."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    logs.setup_logging("vidstudio")
    crash.install()
    yield
    crash.uninstall()
    logs.shutdown_logging()


class DialogWatcher:
    """Polls for crash dialogs while one runs its own event loop; presses a button in each."""

    def __init__(self, action: Callable[[crash.CrashDialog], None]) -> None:
        self.seen: list[crash.CrashDialog] = []
        self.action = action
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self._poll)
        self.timer.start()

    def _poll(self) -> None:
        dialog = crash.active_dialog()
        if dialog is not None and dialog.isVisible() and dialog not in self.seen:
            self.seen.append(dialog)
            self.action(dialog)

    def stop(self) -> None:
        self.timer.stop()


def _copy_then_close(clipboard: list[str]) -> Callable[[crash.CrashDialog], None]:
    def act(dialog: crash.CrashDialog) -> None:
        dialog.copy_button.click()
        clipboard.append(QGuiApplication.clipboard().text())
        dialog.close_button.click()

    return act


def _raise_and_report(message: str) -> None:
    try:
        raise ValueError(message)
    except ValueError:
        crash.excepthook(*sys.exc_info())  # type: ignore[arg-type]


def test_unhandled_exception_shows_dialog_and_copies_details(hooks: None, qtbot: QtBot) -> None:
    copied: list[str] = []
    watcher = DialogWatcher(_copy_then_close(copied))
    _raise_and_report(f"boom with {JWT}")
    watcher.stop()

    assert len(watcher.seen) == 1
    dialog = watcher.seen[0]
    assert "ran into a problem" in dialog.message.text()
    assert str(logs.current_log_file()) in dialog.message.text()
    assert dialog.windowTitle() == "vidstudio: something went wrong"
    details = copied[0]
    assert "Traceback (most recent call last)" in details
    assert "ValueError: boom with" in details and "_raise_and_report" in details
    assert details.startswith("vidstudio ") and "Qt 6." in details
    assert JWT not in details
    assert crash.active_dialog() is None


def test_the_traceback_is_logged_without_secrets(hooks: None, qtbot: QtBot) -> None:
    watcher = DialogWatcher(lambda dialog: dialog.close_button.click())
    _raise_and_report(f"token {JWT} refused")
    watcher.stop()
    path = logs.current_log_file()
    assert path is not None
    logs.shutdown_logging()
    text = path.read_text(encoding="utf-8")
    assert "CRITICAL" in text and "Unhandled exception" in text
    assert "Traceback (most recent call last)" in text and "ValueError: token" in text
    assert JWT not in text


def test_exception_in_a_slot_reaches_the_dialog(hooks: None, qtbot: QtBot) -> None:
    def broken_slot() -> None:
        raise RuntimeError("slot failed")

    watcher = DialogWatcher(lambda dialog: dialog.close_button.click())
    QTimer.singleShot(0, broken_slot)
    qtbot.waitUntil(lambda: len(watcher.seen) == 1, timeout=5000)
    watcher.stop()
    assert "RuntimeError: slot failed" in watcher.seen[0].details


def test_exception_in_a_worker_thread_is_shown_in_the_gui_thread(hooks: None, qtbot: QtBot) -> None:
    def work() -> None:
        raise OSError("worker failed")

    shown_in: list[object] = []

    def close(dialog: crash.CrashDialog) -> None:
        # Asked while the dialog exists: once closed it may be deleted at any moment
        # (seen under Wine: "Internal C++ object (CrashDialog) already deleted").
        shown_in.append(dialog.thread())
        dialog.close_button.click()

    watcher = DialogWatcher(close)
    thread = threading.Thread(target=work, name="vidstudio-test-worker")
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: len(watcher.seen) == 1, timeout=5000)
    watcher.stop()
    assert "OSError: worker failed" in watcher.seen[0].details
    assert shown_in == [QApplication.instance().thread()]  # type: ignore[union-attr]


def test_a_second_crash_while_the_dialog_is_open_is_only_logged(hooks: None, qtbot: QtBot) -> None:
    def second_then_close(dialog: crash.CrashDialog) -> None:
        _raise_and_report("second")  # must not open a second dialog (nor block)
        dialog.close_button.click()

    watcher = DialogWatcher(second_then_close)
    _raise_and_report("first")
    watcher.stop()
    assert len(watcher.seen) == 1 and "ValueError: first" in watcher.seen[0].details
    path = logs.current_log_file()
    assert path is not None
    assert "ValueError: second" in path.read_text(encoding="utf-8")


def test_keyboard_interrupt_is_not_a_crash(hooks: None, capsys: pytest.CaptureFixture[str]) -> None:
    try:
        raise KeyboardInterrupt
    except KeyboardInterrupt:
        crash.excepthook(*sys.exc_info())  # type: ignore[arg-type]
    assert crash.active_dialog() is None
    assert "KeyboardInterrupt" in capsys.readouterr().err


@pytest.mark.parametrize(
    "setup",
    [
        "",  # no Qt application at all: the CLI, or a crash before the GUI started
        # a QGuiApplication (as the CLI makes for fonts): no widgets possible
        "from PySide6.QtGui import QGuiApplication\napp = QGuiApplication([])",
    ],
    ids=["no-qapplication", "qguiapplication-only"],
)
def test_without_a_qapplication_the_hook_prints_and_logs(setup: str, tmp_path: Path) -> None:
    script = "\n".join(
        [
            "from vidstudio import logs",
            "from vidstudio.ui import crash",
            'logs.setup_logging("vidstudio")',
            "crash.install()",
            setup,
            f'raise LookupError("no dialog possible {JWT}")',
        ]
    )
    env = dict(os.environ, VIDSTUDIO_DATA_DIR=str(tmp_path), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1, done.stderr
    assert "LookupError: no dialog possible" in done.stderr
    assert "Error in sys.excepthook" not in done.stderr
    log_file = tmp_path / "logs" / "vidstudio.log"
    assert f"vidstudio: the details were saved to {log_file}" in done.stderr
    text = log_file.read_text(encoding="utf-8")
    assert "LookupError: no dialog possible" in text and "Traceback" in text
    assert JWT not in text
