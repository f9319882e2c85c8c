"""Fixtures for the window tests: short templates, small renders, a fresh window."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from helpers.ui import SMALL, dialog_guard, write_short_templates
from vidstudio.jobs.store import JobStore
from vidstudio.settings import Settings
from vidstudio.ui.i18n import install_language
from vidstudio.ui.main_window import MainWindow
from vidstudio.ui.theme import apply_theme


@pytest.fixture(scope="session")
def short_templates(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One-second templates (30 frames)."""
    return write_short_templates(tmp_path_factory.mktemp("templates-1s"), 1.0)


@pytest.fixture(scope="session")
def long_templates(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Four-second templates (120 frames), for cancelling mid-render."""
    return write_short_templates(tmp_path_factory.mktemp("templates-4s"), 4.0)


@pytest.fixture(autouse=True)
def _english(qapp: QApplication) -> Iterator[None]:
    apply_theme(qapp)
    install_language("en")
    yield
    install_language("en")


@pytest.fixture(autouse=True)
def _no_blocking_dialogs(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """An unexpected modal dialog fails the test instead of blocking the suite (see ui_helpers)."""
    with dialog_guard(monkeypatch):
        yield


WindowFactory = Callable[..., MainWindow]


@pytest.fixture
def make_window(qtbot, short_templates: Path) -> Iterator[WindowFactory]:  # type: ignore[no-untyped-def]
    windows: list[tuple[MainWindow, JobStore]] = []

    def factory(
        templates: Path | None = None, scale: float = SMALL, settings: Settings | None = None
    ) -> MainWindow:
        store = JobStore()
        settings = settings or Settings()
        settings.defaults.quality = "draft"
        window = MainWindow(
            store,
            settings,
            templates_dir=templates or short_templates,
            render_scale=scale,
            persist_settings=False,
        )
        qtbot.addWidget(window)
        if not settings.window.geometry:
            window.resize(1200, 780)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
        windows.append((window, store))
        return window

    yield factory
    for window, store in windows:
        if store.closed:
            continue
        window.queue.shutdown()
        window.close()
        store.close()
