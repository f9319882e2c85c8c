"""``vidstudio``: the desktop app, or the CLI when given a command.

- ``vidstudio``               the window
- ``vidstudio PHOTO``         the window with that photo (a second launch hands it to the first)
- ``vidstudio render ...``    the headless CLI (``render``, ``still``, ``templates``)
- ``vidstudio --self-test``   open the window, paint one preview frame, check it is not blank;
                              prints nothing and exits 0 on success (frozen-app smoke test)
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from vidstudio.cli import COMMANDS
from vidstudio.render.encode_worker import sweep_stale_frames

SELF_TEST = "--self-test"


def wants_cli(args: Sequence[str]) -> bool:
    return bool(args) and (args[0] in COMMANDS or args[0] in ("-h", "--help", "--version", "--encode-worker"))


def _make_app(argv: list[str]):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from vidstudio import __version__

    QCoreApplication.setApplicationName("vidstudio")
    QCoreApplication.setOrganizationName("vidstudio")
    QCoreApplication.setApplicationVersion(__version__)
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication.instance() or QApplication(["vidstudio", *argv])
    from PySide6.QtGui import QIcon

    from vidstudio.resources import resource_path

    QApplication.setWindowIcon(QIcon(str(resource_path("icons", "vidstudio.png"))))
    return app


def run_gui(args: list[str]) -> int:
    from PySide6.QtCore import Qt

    from vidstudio.ui.single_instance import SingleInstance

    photos = [str(Path(a).resolve()) for a in args if not a.startswith("-")]
    sweep_stale_frames()  # frames files of renders killed before (render/encode_worker.py)
    app = _make_app([])
    from vidstudio.logs import setup_logging
    from vidstudio.ui import crash

    setup_logging("vidstudio")  # %LOCALAPPDATA%\vidstudio\Logs\vidstudio.log, secrets scrubbed
    crash.install()  # an unhandled exception: logged, then a dialog with "Copy details"
    instance = SingleInstance()
    if instance.send_to_running(photos):
        return 0  # the running window took it
    instance.listen()

    from vidstudio.jobs.store import JobStore
    from vidstudio.settings import load_settings
    from vidstudio.ui.i18n import install_language
    from vidstudio.ui.main_window import MainWindow
    from vidstudio.ui.theme import apply_theme

    settings = load_settings()
    install_language(settings.interface.language)
    apply_theme(app)
    store = JobStore()
    window = MainWindow(store, settings)

    def on_message(received: list[str]) -> None:
        window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
        window.show()
        window.raise_()
        window.activateWindow()
        if received:
            window.load_photos([Path(p) for p in received])

    instance.message_received.connect(on_message)
    window.show()
    if photos:
        window.load_photos([Path(p) for p in photos])
    code = app.exec()
    from vidstudio.jobs import workers

    workers.drain()  # every pool: nothing runs after the database closes
    instance.close()
    store.close()
    return int(code)


def self_test() -> int:
    """Open the main window (offscreen where there is no display), paint one preview frame,
    and check it is not blank.  Silent on success."""
    if (
        sys.platform.startswith("linux")
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="vidstudio-selftest-") as temp:
        os.environ["VIDSTUDIO_DATA_DIR"] = temp
        try:
            from PySide6.QtGui import QColor, QImage

            from vidstudio.jobs.store import JobStore
            from vidstudio.settings import Settings
            from vidstudio.ui.i18n import install_language
            from vidstudio.ui.main_window import MainWindow
            from vidstudio.ui.theme import apply_theme

            app = _make_app([])
            apply_theme(app)
            install_language("system")
            store = JobStore()
            window = MainWindow(store, Settings(), persist_settings=False)
            window.resize(1100, 720)
            window.title_edit.setText("Self-test")
            window.subtitle_edit.setText("vidstudio")
            window.show()
            app.processEvents()
            image: QImage = window.preview_image()
            rect = window.preview.canvas.canvas_rect()
            colours = set()
            for y in range(rect.top() + 2, rect.bottom() - 2, max(1, rect.height() // 24)):
                for x in range(rect.left() + 2, rect.right() - 2, max(1, rect.width() // 32)):
                    colours.add(QColor(image.pixel(x, y)).rgb())
            window.close()
            from vidstudio.jobs import workers

            workers.drain()
            store.close()
            if image.isNull() or len(colours) < 8:
                print(f"self-test: the preview is blank ({len(colours)} colours)", file=sys.stderr)
                return 1
        except Exception as exc:  # report one line, never a traceback
            print(f"self-test: {type(exc).__name__}: {exc}", file=sys.stderr)
            return 1
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == [SELF_TEST]:
        return self_test()
    if wants_cli(args) or (args and args[0].startswith("-")):
        from vidstudio import cli

        return cli.main(args)
    return run_gui(args)


if __name__ == "__main__":
    sys.exit(main())
