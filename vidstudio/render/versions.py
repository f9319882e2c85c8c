"""Versions of the libraries the renderer is built on, for the About dialog and bug reports.

The UI layer never imports PyAV (DESIGN.md section 3); it asks here.
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def ffmpeg_version() -> str:
    """The FFmpeg version PyAV was built with, e.g. ``"8.1.2"`` (``"unknown"`` without PyAV)."""
    try:
        import av
    except ImportError:
        return "unknown"
    info = getattr(av, "ffmpeg_version_info", None)
    if isinstance(info, str) and info:
        return info
    libs: dict[str, tuple[int, int, int]] = getattr(av, "library_versions", {})
    codec = libs.get("libavcodec")
    return "libavcodec " + ".".join(map(str, codec)) if codec else "unknown"


def pyav_version() -> str:
    try:
        import av
    except ImportError:
        return "unknown"
    return str(getattr(av, "__version__", "unknown"))
