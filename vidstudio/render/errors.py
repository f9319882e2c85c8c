"""Error types of the renderer: each carries one plain, translatable :class:`~vidstudio.messages.Message`."""

from __future__ import annotations

from vidstudio.messages import QT_TRANSLATE_NOOP, Kind, Message, UserError

CANCELLED = QT_TRANSLATE_NOOP("Message", "Render cancelled.")


class RenderError(UserError):
    """Base class: a render could not be done; ``str(exc)`` is the English line."""

    default_kind = Kind.FAILED


class TemplateError(RenderError):
    """A template file is missing, malformed or invalid."""

    default_kind = Kind.TEMPLATE


class ImageError(RenderError):
    """An image file cannot be used; the message names the file."""

    default_kind = Kind.IMAGE


class PropsError(RenderError):
    """The title, subtitle or other user text cannot be used."""

    default_kind = Kind.BAD_INPUT


class OutputError(RenderError):
    """The output file cannot be written (folder missing, disk full, ...)."""

    default_kind = Kind.OUTPUT


class Cancelled(RenderError):
    """The render was cancelled by the user."""

    def __init__(self, template: str | Message = CANCELLED) -> None:
        super().__init__(template, Kind.CANCELLED)


class ClipError(RenderError):
    """A video clip cannot be used; the message names the file."""

    default_kind = Kind.IMAGE


class AudioError(RenderError):
    """A music file cannot be used; the message names the file."""

    default_kind = Kind.IMAGE
