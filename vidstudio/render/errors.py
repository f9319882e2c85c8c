"""Error types of the renderer.  Every message is one plain line for a person."""

from __future__ import annotations


class RenderError(Exception):
    """Base class: a render could not be done; ``str(exc)`` is the user-facing line."""


class TemplateError(RenderError):
    """A template file is missing, malformed or invalid."""


class ImageError(RenderError):
    """An image file cannot be used; the message names the file."""


class PropsError(RenderError):
    """The title, subtitle or other user text cannot be used."""


class OutputError(RenderError):
    """The output file cannot be written (folder missing, disk full, ...)."""


class Cancelled(RenderError):
    """The render was cancelled by the user."""

    def __init__(self, message: str = "Render cancelled.") -> None:
        super().__init__(message)
