"""Every window test runs in the app's theme, in English, with no blocking modal dialog.

``make_window``, ``short_templates`` and ``long_templates`` come from helpers/windows.py.
"""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _window_env(window_env: list[str]) -> None:
    """Also for the tests here that make no main window (dialogs, settings pages)."""
