"""The app around the window: a killed render, single instance, self-test, settings, geometry."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from helpers.ui import OFFSCREEN_DIALOG
from vidstudio import paths
from vidstudio.jobs.store import INTERRUPTED_RENDER, JobState
from vidstudio.settings import Settings, load_settings
from vidstudio.ui.about import AboutDialog
from vidstudio.ui.settings_dialog import SettingsDialog, register_page
from vidstudio.ui.single_instance import SingleInstance, server_name

REPO = Path(__file__).resolve().parents[2]

RENDER_SCRIPT = textwrap.dedent(
    """
    import sys
    import threading
    from pathlib import Path
    from PySide6.QtGui import QGuiApplication
    from vidstudio.jobs.runner import JobQueue
    from vidstudio.jobs.store import JobStore
    from vidstudio.render.paint import Scene
    from vidstudio.render.props import Props

    paint = Scene.paint
    out = Path(sys.argv[3])

    def held(scene, painter, index, **kwargs):
        # Once the partial file is written, mid-render until killed, however fast this machine is.
        if any(out.glob(".*part*")):
            threading.Event().wait()
        paint(scene, painter, index, **kwargs)

    Scene.paint = held
    app = QGuiApplication([])
    queue = JobQueue(JobStore(), templates_dir=Path(sys.argv[1]))
    props = Props("Killed", photo=Path(sys.argv[2]))
    job = queue.submit("promo", "16:9", "standard", props, Path(sys.argv[3]))
    assert not isinstance(job, str), job
    app.exec()
    """
)


def _child_env() -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)}


def test_a_killed_render_shows_as_failed_on_the_next_start(
    make_window, long_templates: Path, coffee: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    child = subprocess.Popen(
        [sys.executable, "-c", RENDER_SCRIPT, str(long_templates), str(coffee), str(out)],
        env=_child_env(),
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            assert child.poll() is None, "the render process ended before it was killed"
            assert time.monotonic() < deadline, "the render never started"
            try:
                with contextlib.closing(sqlite3.connect(paths.database_path())) as db:
                    row = db.execute("SELECT state FROM jobs").fetchone()
            except sqlite3.OperationalError:  # not created yet
                row = None
            if row and row[0] == "rendering" and any(out.glob(".*part*")):
                break
            time.sleep(0.05)
        child.kill()  # a crash or a kill from the task manager (SIGKILL; TerminateProcess on Windows)
    finally:
        if child.poll() is None:
            child.kill()
        child.wait(10)

    window = make_window(templates=long_templates)
    [job] = window.recovered
    assert job.state is JobState.FAILED and job.error == INTERRUPTED_RENDER
    assert window.store.require(job.id).state is JobState.FAILED
    assert "vidstudio was closed during the render" in window.history.list.item(0).text()
    assert window.result_card.isVisible()
    assert "closed during the render" in window.result_card.message.text()
    # The encoder child notices its parent is gone and removes its partial file.
    deadline = time.monotonic() + 10
    while any(out.iterdir()) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert list(out.iterdir()) == []


def test_a_second_launch_hands_its_photo_to_the_first(qtbot, coffee: Path) -> None:
    first = SingleInstance()
    assert first.name == server_name()
    assert first.listen()
    second: subprocess.Popen[bytes] | None = None
    try:
        with qtbot.waitSignal(first.message_received, timeout=20_000) as received:
            second = subprocess.Popen([sys.executable, "-m", "vidstudio.app", str(coffee)], env=_child_env())
            qtbot.waitUntil(lambda: second.poll() is not None, timeout=20_000)
        assert second.returncode == 0
        assert received.args == [[str(coffee.resolve())]]
    finally:
        first.close()
        if second is not None and second.poll() is None:
            second.kill()  # it opened a window of its own: the test has failed already
            second.wait(10)


def _run_app(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "vidstudio.app", *args],
        env=_child_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_self_test_is_silent_and_succeeds() -> None:
    done = _run_app("--self-test")
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")


def test_commands_still_reach_the_cli() -> None:
    done = _run_app("templates")
    assert done.returncode == 0 and "promo" in done.stdout


class _ExtraPage(QWidget):
    """Stands in for a page another feature adds (e.g. publishing)."""

    def __init__(self) -> None:
        super().__init__()
        self.loaded: Settings | None = None
        self.label = QLabel("extra", self)

    def load(self, settings: Settings) -> None:
        self.loaded = settings

    def apply(self, settings: Settings) -> None:
        settings.interface.language = "en"


@pytest.mark.qt_log_ignore(OFFSCREEN_DIALOG)
def test_settings_dialog_takes_pages_from_other_features(qtbot) -> None:
    from vidstudio.ui import settings_dialog

    before = list(settings_dialog._registry)
    settings_dialog._registry.clear()  # only this test's page (windows register Publishing, Rendering)
    register_page(_ExtraPage, lambda: "Extra", key="extra")
    try:
        dialog = SettingsDialog(Settings(), [])
        qtbot.addWidget(dialog)
        titles = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
        assert titles == ["General", "Extra"]
        page = dialog.pages()[1]
        assert isinstance(page, _ExtraPage) and page.loaded is dialog.settings
        dialog.add_page(QLabel("more"), "More")
        assert dialog.tabs.tabText(2) == "More"
        with qtbot.waitSignal(dialog.applied) as applied:
            dialog.general.quality.setCurrentIndex(dialog.general.quality.findData("high"))
            dialog.accept()
        settings: Settings = applied.args[0]
        assert settings.defaults.quality == "high"
        assert settings.interface.language == "en"
    finally:
        settings_dialog._registry[:] = before


@pytest.mark.qt_log_ignore(OFFSCREEN_DIALOG)
def test_settings_from_the_dialog_become_the_editor_defaults_and_are_saved(
    make_window, tmp_path: Path
) -> None:
    window = make_window()
    window.persist_settings = True
    settings = window.settings.model_copy(deep=True)
    settings.defaults.aspect = "9:16"
    settings.defaults.output_dir = str(tmp_path)
    window.apply_settings(settings)
    assert window.aspect == "9:16" and window.aspect_buttons["9:16"].isChecked()
    assert window.output_dir == tmp_path
    saved = load_settings()
    assert saved.defaults.aspect == "9:16" and saved.defaults.output_dir == str(tmp_path)


def test_window_geometry_is_remembered(make_window) -> None:
    window = make_window()
    window.persist_settings = True
    # The offscreen screen is 800×600, so Qt fits the width to the window's minimum.
    window.resize(1000, 701)
    QApplication.processEvents()
    window.close()
    saved = load_settings()
    assert saved.window.geometry
    again = make_window(settings=saved)
    restored = QByteArray.fromBase64(saved.window.geometry.encode("ascii"))
    assert not restored.isEmpty()
    assert (again.width(), again.height()) == (1000, 701)


@pytest.mark.qt_log_ignore(OFFSCREEN_DIALOG)
def test_about_shows_the_versions(qtbot) -> None:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    assert set(dialog.values) >= {"vidstudio", "Qt", "FFmpeg"}
    assert dialog.values["FFmpeg"][0].isdigit()
    assert dialog.values["Qt"].startswith("6.")
