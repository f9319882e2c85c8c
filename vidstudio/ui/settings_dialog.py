"""The Settings dialog: tabs of pages; other features add their own pages.

A page is any ``QWidget``; if it has ``load(settings)`` and ``apply(settings)``
methods the dialog calls them when it opens and when the user presses OK.
Add a page to one dialog with :meth:`SettingsDialog.add_page`, or to every
dialog with :func:`register_page` (a factory called each time the dialog opens),
for example from ``vidstudio/ui/publish_settings.py``::

    register_page(lambda: PublishSettingsPage(), order=20)

Secrets never go into :class:`Settings`; a page that asks for one stores it in
the OS keyring itself (:func:`vidstudio.secrets.store_secret`).  A page's
``apply`` may raise :class:`~vidstudio.messages.UserError` to keep the dialog open
(it shows the reason itself).  The window deletes the dialog when it closes.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from vidstudio.messages import UserError
from vidstudio.render.template import ASPECTS, Template
from vidstudio.settings import Settings
from vidstudio.ui.i18n import current_language
from vidstudio.ui.widgets import label, set_texts


@runtime_checkable
class SettingsPage(Protocol):
    def load(self, settings: Settings) -> None: ...

    def apply(self, settings: Settings) -> None: ...


PageFactory = Callable[[], QWidget]
_registry: list[tuple[int, str, PageFactory, Callable[[], str]]] = []


def register_page(factory: PageFactory, title: Callable[[], str], *, key: str, order: int = 50) -> None:
    """Add a page to every Settings dialog.  ``title`` is called at open time (translated).

    Registering the same ``key`` again replaces the earlier page.
    """
    _registry[:] = [entry for entry in _registry if entry[1] != key]
    _registry.append((order, key, factory, title))
    _registry.sort(key=lambda entry: entry[0])


def quality_names() -> dict[str, str]:
    return {
        "draft": QCoreApplication.translate("Quality", "Draft (fastest)"),
        "standard": QCoreApplication.translate("Quality", "Standard"),
        "high": QCoreApplication.translate("Quality", "High (slower)"),
    }


class GeneralPage(QWidget):
    """Defaults for new videos and the language."""

    def __init__(self, templates: list[Template], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.templates = templates
        self.template = QComboBox()
        self.aspect = QComboBox()
        self.quality = QComboBox()
        self.output = QLineEdit()
        self.browse = QPushButton()
        self.browse.clicked.connect(self._browse)
        self.language = QComboBox()
        self.language_note = label("muted", wrap=True)
        out_row = QHBoxLayout()
        out_row.addWidget(self.output, 1)
        out_row.addWidget(self.browse)
        self.form = QFormLayout(self)
        self.form.setContentsMargins(16, 16, 16, 16)
        self.form.setVerticalSpacing(12)
        self.labels = [QLabel() for _ in range(5)]
        self.form.addRow(self.labels[0], self.template)
        self.form.addRow(self.labels[1], self.aspect)
        self.form.addRow(self.labels[2], self.quality)
        self.form.addRow(self.labels[3], out_row)
        self.form.addRow(self.labels[4], self.language)
        self.form.addRow("", self.language_note)
        for aspect in ASPECTS:
            self.aspect.addItem(aspect, aspect)
        for template in templates:
            self.template.addItem(template.display_name(current_language()), template.id)
        for key in ("draft", "standard", "high"):
            self.quality.addItem(key, key)
        for key in ("system", "en", "es"):
            self.language.addItem(key, key)
        self._retranslate()

    def _retranslate(self) -> None:
        texts = [
            self.tr("Template"),
            self.tr("Aspect"),
            self.tr("Quality"),
            self.tr("Output folder"),
            self.tr("Language"),
        ]
        set_texts(self.labels, texts)
        self.browse.setText(self.tr("Browse…"))
        for index, name in enumerate(quality_names().values()):
            self.quality.setItemText(index, name)
        self.language.setItemText(0, self.tr("Same as Windows"))
        self.language.setItemText(1, "English")
        self.language.setItemText(2, "Español")
        self.language_note.setText(self.tr("The language changes as soon as you press OK."))
        self.output.setPlaceholderText(self.tr("Videos folder"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Choose the output folder"), self.output.text()
        )
        if folder:
            self.output.setText(folder)

    @staticmethod
    def _select(combo: QComboBox, value: str) -> None:
        index = combo.findData(value)
        if index >= 0:
            combo.setCurrentIndex(index)

    def load(self, settings: Settings) -> None:
        defaults = settings.defaults
        self._select(self.template, defaults.template)
        self._select(self.aspect, defaults.aspect)
        self._select(self.quality, defaults.quality)
        self.output.setText(str(defaults.output_path()))
        self._select(self.language, settings.interface.language)

    def apply(self, settings: Settings) -> None:
        defaults = settings.defaults
        if self.template.currentData():
            defaults.template = self.template.currentData()
        defaults.aspect = self.aspect.currentData()
        defaults.quality = self.quality.currentData()
        text = self.output.text().strip()
        defaults.output_dir = str(Path(text)) if text else ""
        settings.interface.language = self.language.currentData()


class SettingsDialog(QDialog):
    """Tabbed settings.  ``General`` comes first; registered pages follow.

    Signals:
        applied(Settings): OK was pressed and every page applied its values.
    """

    applied = Signal(Settings)

    def __init__(self, settings: Settings, templates: list[Template], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings.model_copy(deep=True)
        self.setMinimumWidth(520)
        self.tabs = QTabWidget()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)
        self._titles: list[Callable[[], str]] = []
        self._keys: dict[str, int] = {}
        self.general = GeneralPage(templates)
        self.add_page(self.general, lambda: self.tr("General"))
        for _order, key, factory, title in _registry:
            self._keys[key] = self.add_page(factory(), title)
        self._retranslate()

    def show_page(self, key: str) -> None:
        """Open on the registered page ``key`` (e.g. "publish" for "Set up publishing…")."""
        index = self._keys.get(key)
        if index is not None:
            self.tabs.setCurrentIndex(index)

    def add_page(self, widget: QWidget, title: str | Callable[[], str]) -> int:
        """Add a tab; ``title`` may be a callable so it follows language changes."""
        if callable(title):
            title_fn = title
        else:
            text = title

            def title_fn() -> str:
                return text

        self._titles.append(title_fn)
        if isinstance(widget, SettingsPage):
            widget.load(self.settings)
        # Long pages scroll instead of making the dialog taller than a laptop screen.
        scroll = QScrollArea()
        scroll.setWidget(widget)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        return self.tabs.addTab(scroll, title_fn())

    def pages(self) -> list[QWidget]:
        pages: list[QWidget] = []
        for index in range(self.tabs.count()):
            tab = self.tabs.widget(index)
            inner = tab.widget() if isinstance(tab, QScrollArea) else tab
            if inner is not None:
                pages.append(inner)
        return pages

    def accept(self) -> None:
        for index, page in enumerate(self.pages()):
            if isinstance(page, SettingsPage):
                try:
                    page.apply(self.settings)
                except UserError:  # the page says why; the user's typing stays
                    self.tabs.setCurrentIndex(index)
                    return
        self.applied.emit(self.settings)
        super().accept()

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        for index, title in enumerate(self._titles):
            self.tabs.setTabText(index, title())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
