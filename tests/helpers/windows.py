"""The one main-window fixture, ``make_window``, and the environment window tests run in.

A pytest plugin (registered by tests/conftest.py), so the window tests of tests/ui,
tests/integration and tests/lambda_ share it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication

from helpers.ui import SMALL, dialog_guard, write_short_templates

if TYPE_CHECKING:  # imported when used: every test loads this plugin
    from vidstudio.jobs.store import JobStore
    from vidstudio.settings import Settings
    from vidstudio.ui.main_window import MainWindow

WindowFactory = Callable[..., "MainWindow"]


@pytest.fixture(scope="session")
def short_templates(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One-second templates (30 frames)."""
    return write_short_templates(tmp_path_factory.mktemp("templates-1s"), 1.0)


@pytest.fixture(scope="session")
def long_templates(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Four-second templates (120 frames), for cancelling mid-render."""
    return write_short_templates(tmp_path_factory.mktemp("templates-4s"), 4.0)


@pytest.fixture
def window_env(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The app's theme, English, and no blocking modal dialog (see helpers.ui.dialog_guard)."""
    from vidstudio.ui.i18n import install_language
    from vidstudio.ui.theme import apply_theme

    apply_theme(qapp)
    install_language("en")
    try:
        with dialog_guard(monkeypatch) as unexpected:
            yield unexpected
    finally:
        install_language("en")


@pytest.fixture
def make_window(qtbot: Any, window_env: list[str], short_templates: Path) -> Iterator[WindowFactory]:
    """Makes main windows on a fresh JobStore; all are closed after the test.

    ``make_window(templates=None, scale=SMALL, settings=None, *, render_on=None, renderer=None,
    publish_after=None, show=True, **options)``:

    - ``templates``: a templates folder (default: the one-second ``short_templates``);
    - ``scale``: the render scale (default SMALL, 480×270 for 16:9);
    - ``settings``: the window's settings (default ``Settings()``); quality is set to draft;
    - ``render_on`` and ``renderer``: a "Render on" policy ("local", "lambda", "auto") and
      the Lambda renderer it uses (default: the window's own backend from its settings);
    - ``publish_after``: whether a finished render is published at once (default: the
      window's own, the saved setting);
    - ``show``: show, expose and activate the window (default) or only construct it;
    - ``options``: passed to MainWindow as they are (``clients_factory``, ``publish_policy``...).
    """
    made: list[tuple[MainWindow, JobStore]] = []

    def make(
        templates: Path | None = None,
        scale: float = SMALL,
        settings: Settings | None = None,
        *,
        render_on: str | None = None,
        renderer: Any = None,
        publish_after: bool | None = None,
        show: bool = True,
        **options: Any,
    ) -> MainWindow:
        from vidstudio.jobs.store import JobStore
        from vidstudio.settings import Settings
        from vidstudio.ui.main_window import MainWindow

        store = JobStore()
        settings = settings or Settings()
        settings.defaults.quality = "draft"
        if publish_after is not None:
            options["publish_after"] = lambda: publish_after
        if render_on is not None:
            options["backend_factory"] = _backend_factory(render_on, renderer)
        window = MainWindow(
            store,
            settings,
            templates_dir=templates or short_templates,
            render_scale=scale,
            persist_settings=False,
            **options,
        )
        qtbot.addWidget(window)
        made.append((window, store))
        if show:
            if not settings.window.geometry:
                window.resize(1200, 780)
            window.show()
            qtbot.waitExposed(window)
            window.activateWindow()
            qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
        return window

    yield make
    for window, store in made:
        if store.closed:
            continue
        window.queue.shutdown()
        window.close()
        store.close()


def _backend_factory(policy: str, renderer: Any) -> Callable[[QSize], Any]:
    from vidstudio.jobs.backends import make_backend

    def backend(size: QSize) -> Any:
        return make_backend(policy, size=size, lambda_renderer=renderer)

    return backend
