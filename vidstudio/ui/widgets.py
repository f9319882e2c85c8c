"""Small widget set-ups the views share: a styled label, a restyle after a change, a verdict line.

The look itself is the stylesheet of :mod:`vidstudio.ui.theme`, keyed on object names
(``muted``, ``hint``, ``error``, ``success``, ``sectionTitle``) and dynamic properties; these
helpers only name the widgets and tell Qt to look again.  Texts stay with the views (their
``self.tr`` is the translation context).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from vidstudio.ui import desktop


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


def repolish(widget: QWidget) -> None:
    """Apply the stylesheet again after a change of object name or of a styled property
    (Qt does not do it by itself)."""
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def set_texts(labels: Iterable[QLabel], texts: Iterable[str]) -> None:
    """The texts of a form's row labels, in order (as many texts as labels)."""
    for widget, text in zip(labels, texts, strict=True):
        widget.setText(text)


def show_link_answer(note: QLabel, url: str, error: str, copied: str) -> None:
    """Copy link's answer in ``note``: the URL goes on the clipboard and ``copied`` is shown,
    or, without a URL, ``error`` is."""
    if url:
        desktop.copy_text(url)
    note.setText(copied if url else error)
    note.setObjectName("muted" if url else "error")
    repolish(note)
    note.show()


def cross_button() -> QPushButton:
    """The small "✕" link button that removes or closes the thing it sits on (tooltip: the caller's)."""
    button = QPushButton("✕")
    button.setObjectName("link")
    button.setFixedWidth(28)
    return button


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
