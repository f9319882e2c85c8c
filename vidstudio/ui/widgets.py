"""Small widget set-ups the views share: a styled label, form label texts, a check's status line.

The look itself is the stylesheet of :mod:`vidstudio.ui.theme`, keyed on object names
(``muted``, ``hint``, ``error``, ``success``, ``sectionTitle``) and dynamic properties; these
helpers only name the widgets.  Texts stay with the views (their
``self.tr`` is the translation context).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton


def label(object_name: str = "", *, wrap: bool = False, selectable: bool = False) -> QLabel:
    """An empty label styled by ``object_name`` (none: the default look)."""
    widget = QLabel()
    if object_name:
        widget.setObjectName(object_name)
    if wrap:
        widget.setWordWrap(True)
    if selectable:
        widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return widget


def set_texts(labels: Iterable[QLabel], texts: Iterable[str]) -> None:
    """The texts of a form's row labels, in order (as many texts as labels)."""
    for widget, text in zip(labels, texts, strict=True):
        widget.setText(text)


def verdict(ok: bool, message: str) -> str:
    """A check's answer as the status line shows it: ``✔ message`` or ``✖ message``."""
    return ("✔ " if ok else "✖ ") + message


def start_check(button: QPushButton, status: QLabel, text: str) -> None:
    """A check started by ``button`` runs: the button waits and ``status`` says ``text``."""
    button.setEnabled(False)
    status.setText(text)


def end_check(button: QPushButton, status: QLabel, ok: bool, message: str) -> None:
    """The check answered: the button can be pressed again and ``status`` shows the verdict."""
    button.setEnabled(True)
    status.setText(verdict(ok, message))
