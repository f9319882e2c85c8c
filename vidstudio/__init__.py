"""vidstudio: one photo, a title and a subtitle become a short promo video."""

from __future__ import annotations


def _read_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("vidstudio")
    except PackageNotFoundError:  # frozen build: read the bundled copy of pyproject
        import re

        from vidstudio.resources import resource_path

        try:
            text = resource_path("VERSION").read_text(encoding="utf-8")
        except OSError:
            return "0+unknown"
        match = re.search(r"[\w.+-]+", text)
        return match.group(0) if match else "0+unknown"


__version__ = _read_version()
