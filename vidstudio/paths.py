"""Where vidstudio keeps its files: platformdirs, overridable for tests.

``VIDSTUDIO_DATA_DIR`` (set by the test suite) moves everything under one folder.
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import PlatformDirs

_DIRS = PlatformDirs("vidstudio", appauthor=False, roaming=False)


def _override() -> Path | None:
    value = os.environ.get("VIDSTUDIO_DATA_DIR")
    return Path(value) if value else None


def data_dir() -> Path:
    """Database, history, poster thumbnails (Windows: %LOCALAPPDATA%\\vidstudio)."""
    base = _override() or Path(_DIRS.user_data_dir)
    base.mkdir(parents=True, exist_ok=True)
    return base


def config_dir() -> Path:
    """Settings (never secrets: those live in the OS keyring)."""
    override = _override()
    base = override / "config" if override else Path(_DIRS.user_config_dir)
    base.mkdir(parents=True, exist_ok=True)
    return base


def log_dir() -> Path:
    override = _override()
    base = override / "logs" if override else Path(_DIRS.user_log_dir)
    base.mkdir(parents=True, exist_ok=True)
    return base


def default_output_dir() -> Path:
    """Where renders go unless the user picks a folder: Videos/vidstudio."""
    override = _override()
    if override:
        base = override / "videos"
    else:
        videos = Path(_DIRS.user_videos_dir)
        base = (videos if videos.name else Path.home()) / "vidstudio"
    base.mkdir(parents=True, exist_ok=True)
    return base


def database_path() -> Path:
    return data_dir() / "vidstudio.db"
