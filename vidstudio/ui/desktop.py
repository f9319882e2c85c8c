"""Hand files to the operating system: play a video, show it in its folder, copy text."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QProcess, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication


def open_file(path: Path) -> bool:
    """Open with the default application (the video player for an .mp4)."""
    return bool(QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))))


def show_in_folder(path: Path) -> bool:
    """Open the file's folder with the file selected where the platform allows it."""
    path = Path(path)
    if sys.platform == "win32" and path.exists():
        return bool(QProcess.startDetached("explorer.exe", [f"/select,{path}"]))
    if sys.platform == "darwin" and path.exists():
        return bool(QProcess.startDetached("open", ["-R", str(path)]))
    folder = path.parent if path.suffix else path
    return bool(QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))))


def copy_text(text: str) -> None:
    clipboard = QGuiApplication.clipboard()
    if clipboard is not None:
        clipboard.setText(text)


def human_size(size: int | None) -> str:
    if size is None:
        return ""
    value = float(size)
    for unit in ("bytes", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit in ("bytes", "KB") else f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} GB"


def clock(seconds: float | None) -> str:
    """``m:ss`` for elapsed times and ETAs."""
    if seconds is None:
        return "–"
    seconds = max(0, round(seconds))
    return f"{seconds // 60}:{seconds % 60:02d}"
