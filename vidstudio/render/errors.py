"""Error types of the renderer: each carries one plain, translatable :class:`~vidstudio.messages.Message`."""

from __future__ import annotations

from pathlib import Path

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


def input_file_size(
    path: Path, error: type[RenderError], *, missing: str, folder: str, unreadable: str, empty: str
) -> int:
    """The size of a photo, clip or music file the user gave, after the checks all three share.

    Raises ``error`` with the caller's own sentence (each names the file: ``{name}``;
    ``unreadable`` also has ``{strerror}``) when the file is missing, a folder, cannot
    be read or is empty.
    """
    name = path.name
    if not path.exists():
        raise error(missing, name=name)
    if path.is_dir():
        raise error(folder, name=name)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise error(unreadable, name=name, strerror=exc.strerror) from None
    if size == 0:
        raise error(empty, name=name)
    return size
