"""Every window test runs in the app's theme, in English, with no blocking modal dialog.

``make_window``, ``short_templates`` and ``long_templates`` come from helpers/windows.py.
"""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _window_env(window_env: list[str]) -> None:
    """Also for the tests here that make no main window (dialogs, settings pages)."""


@pytest.fixture(autouse=True)
def _null_sound(monkeypatch: pytest.MonkeyPatch) -> None:
    """The preview's sound goes to miniaudio's NULL device: real timing, no sound card needed."""
    monkeypatch.setenv("VIDSTUDIO_AUDIO", "null")
