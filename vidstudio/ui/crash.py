"""Unhandled exceptions: logged with their traceback, then a short dialog.

:func:`install` replaces ``sys.excepthook`` and ``threading.excepthook``.  An
exception nobody caught is first written to the log (scrubbed of secrets by
:mod:`vidstudio.logs`), then shown to the user as a :class:`CrashDialog`: one
plain sentence, where the details were saved, and a "Copy details" button for
a support request.

The hook never raises and never brings the app down on its own:

* without a ``QApplication`` (the CLI, or before the GUI started, or with only
  a ``QGuiApplication``) it prints the usual traceback and the log file's path
  to stderr, when there is a stderr (a windowed Windows app has none);
* exceptions in worker threads reach the dialog through a queued signal, in
  the GUI thread;
* while a crash dialog is open, further exceptions are logged only.
"""

from __future__ import annotations

import contextlib
import platform
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from vidstudio import logs

_lock = threading.Lock()
_showing = False
_active: CrashDialog | None = None
_bridge: _Bridge | None = None
_installed = False


def _tr(text: str) -> str:
    return QCoreApplication.translate("CrashDialog", text)


def format_details(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> str:
    """What "Copy details" copies: versions, platform and the traceback, secrets scrubbed."""
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import qVersion

    from vidstudio import __version__

    lines = [
        f"vidstudio {__version__}",
        f"Python {platform.python_version()}, Qt {qVersion()}, PySide6 {pyside_version}",
        f"{platform.platform()}{' (frozen)' if getattr(sys, 'frozen', False) else ''}",
        "",
        "".join(traceback.format_exception(exc_type, exc, tb)).rstrip(),
    ]
    return logs.scrub("\n".join(lines))


class CrashDialog(QDialog):
    """The "something went wrong" dialog.  Emits nothing; "Copy details" fills the clipboard."""

    def __init__(self, details: str, log_file: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.details = details
        self.setWindowTitle(_tr("vidstudio: something went wrong"))
        self.setObjectName("crashDialog")

        icon = QLabel()
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(48, 48)
        )
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)

        text = _tr(
            "vidstudio ran into a problem it did not expect. Your photos, videos and history "
            "are safe. If it happens again, click \u201cCopy details\u201d and send them to "
            "whoever looks after vidstudio for you."
        )
        if log_file is not None:
            text += "\n\n" + _tr("The details were also saved to {path}").format(path=log_file)
        self.message = QLabel(text)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setObjectName("crashMessage")

        self.copy_button = QPushButton(_tr("Copy details"))
        self.copy_button.setObjectName("copyDetails")
        self.copy_button.clicked.connect(self.copy_details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)

        row = QHBoxLayout()
        row.addWidget(icon)
        row.addWidget(self.message, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    @Slot()
    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details)
        self.copy_button.setText(_tr("Copied"))
        QTimer.singleShot(1500, self, lambda: self.copy_button.setText(_tr("Copy details")))


def active_dialog() -> CrashDialog | None:
    """The crash dialog on screen, if any (for tests and for the app's quit logic)."""
    return _active


def _widgets_app() -> QApplication | None:
    app = QCoreApplication.instance()
    return app if isinstance(app, QApplication) else None


def _show_dialog(details: str) -> None:
    """Show the dialog (GUI thread only) and wait for the user to close it."""
    global _showing, _active
    with _lock:
        if _showing:
            return  # already telling the user; this one is in the log
        _showing = True
    try:
        dialog = CrashDialog(details, logs.current_log_file(), QApplication.activeWindow())
        _active = dialog
        dialog.exec()
        dialog.deleteLater()
    finally:
        _active = None
        with _lock:
            _showing = False


class _Bridge(QObject):
    """Carries a crash from any thread to the GUI thread.  Emits ``crashed(details)``."""

    crashed = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.crashed.connect(self._on_crashed, Qt.ConnectionType.QueuedConnection)

    @Slot(str)
    def _on_crashed(self, details: str) -> None:
        with contextlib.suppress(Exception):
            _show_dialog(details)


def _fallback(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """No dialog possible: the usual traceback on stderr, plus where the log is."""
    if sys.stderr is None:
        return
    with contextlib.suppress(Exception):
        sys.__excepthook__(exc_type, exc, tb)
        path = logs.current_log_file()
        if path is not None:
            print(f"vidstudio: the details were saved to {path}", file=sys.stderr)


def report(
    exc_type: type[BaseException],
    exc: BaseException,
    tb: TracebackType | None,
    where: str = "",
) -> None:
    """Log an unhandled exception and tell the user; never raises."""
    try:
        logs.log_exception(exc_type, exc, tb, where)
        app = _widgets_app()
        if app is None:
            _fallback(exc_type, exc, tb)
            return
        details = format_details(exc_type, exc, tb)
        if QThread.currentThread() is app.thread():
            _show_dialog(details)
        elif _bridge is not None:
            _bridge.crashed.emit(details)
        else:
            _fallback(exc_type, exc, tb)
    except BaseException:
        with contextlib.suppress(BaseException):
            sys.__excepthook__(exc_type, exc, tb)


def excepthook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """``sys.excepthook``: Ctrl-C stays Ctrl-C; everything else goes to :func:`report`."""
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    report(exc_type, exc, tb)


def _thread_excepthook(args: threading.ExceptHookArgs) -> None:
    if args.exc_type is SystemExit:
        return
    exc = args.exc_value if args.exc_value is not None else args.exc_type()
    name = args.thread.name if args.thread is not None else "a worker thread"
    report(args.exc_type, exc, args.exc_traceback, where=f"thread {name}")


def install() -> None:
    """Install the hooks (idempotent).  Call after creating the QApplication when there is one."""
    global _installed, _bridge
    if _bridge is None and _widgets_app() is not None:
        _bridge = _Bridge()
    if _installed:
        return
    sys.excepthook = excepthook
    threading.excepthook = _thread_excepthook
    _installed = True


def uninstall() -> None:
    """Put Python's own hooks back (tests)."""
    global _installed, _bridge
    sys.excepthook = sys.__excepthook__
    threading.excepthook = threading.__excepthook__
    _installed = False
    if _bridge is not None:
        _bridge.deleteLater()
        _bridge = None
