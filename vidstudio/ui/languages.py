"""The video's language (not the app's): the picker, the texts kept for each language, and
the "Render languages × aspects…" dialog.

A Spanish-speaking marketer makes the same villa's video in Korean and English: the title,
subtitle, call to action, location, offer and WhatsApp message are typed once per
language (:class:`LanguageTexts`); photos, music, numbers, price, phone and brand are the
video's whatever the language.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QVBoxLayout,
    QWidget,
)

from vidstudio.render.fonts import ensure_fonts
from vidstudio.render.listing import LANGUAGES, RTL_LANGUAGES, language_name
from vidstudio.ui.i18n import current_language
from vidstudio.ui.widgets import label

TEXT_FIELDS = ("title", "subtitle", "cta", "location", "offer", "whatsapp_message")


def default_video_language() -> str:
    """The UI language when videos can be made in it, else English."""
    language = current_language()
    return language if language in LANGUAGES else "en"


def is_rtl(language: str) -> bool:
    return language in RTL_LANGUAGES


class LanguageTexts:
    """The words typed for each video language (``{"ko": {"title": ..., "cta": ...}}``)."""

    def __init__(self) -> None:
        self._texts: dict[str, dict[str, str]] = {}

    def get(self, language: str) -> dict[str, str]:
        return {name: self._texts.get(language, {}).get(name, "") for name in TEXT_FIELDS}

    def set(self, language: str, texts: dict[str, str]) -> None:
        kept = {name: texts.get(name, "") for name in TEXT_FIELDS}
        if any(value.strip() for value in kept.values()):
            self._texts[language] = kept
        else:
            self._texts.pop(language, None)

    def with_title(self) -> list[str]:
        """The languages that have a title, in the picker's order."""
        return [code for code in LANGUAGES if self._texts.get(code, {}).get("title", "").strip()]

    def clear(self) -> None:
        self._texts.clear()


class VideoLanguageCombo(QComboBox):
    """The twelve video languages by their own names ("한국어"); ``currentData()`` is the code."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # The names are in their own scripts (हिन्दी, ไทย, العربية): the bundled script fonts
        # draw them (without, Qt looks through the system's fonts and warns on stderr).
        ensure_fonts()
        for code in LANGUAGES:
            self.addItem(language_name(code), code)

    def language(self) -> str:
        return str(self.currentData() or "en")

    def set_language(self, language: str) -> None:
        index = self.findData(language)
        if index >= 0:
            self.setCurrentIndex(index)


class RenderMatrixDialog(QDialog):
    """Which languages (those with a title) and which aspects to queue, every combination."""

    def __init__(
        self,
        languages: list[str],
        aspects: list[str],
        current: tuple[str, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.language_boxes: dict[str, QCheckBox] = {}
        self.aspect_boxes: dict[str, QCheckBox] = {}
        self.languages_group = QGroupBox()
        grid = QGridLayout(self.languages_group)
        for index, code in enumerate(languages):
            box = QCheckBox(language_name(code))
            box.setChecked(code == current[0])
            self.language_boxes[code] = box
            grid.addWidget(box, index // 3, index % 3)
        self.aspects_group = QGroupBox()
        row = QHBoxLayout(self.aspects_group)
        for aspect in aspects:
            box = QCheckBox(aspect)
            box.setChecked(aspect == current[1])
            self.aspect_boxes[aspect] = box
            row.addWidget(box)
        self.count = label("muted")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.languages_group)
        layout.addWidget(self.aspects_group)
        layout.addWidget(self.count)
        layout.addWidget(self.buttons)
        for box in (*self.language_boxes.values(), *self.aspect_boxes.values()):
            box.toggled.connect(lambda _on: self._show_count())
        self._retranslate()

    def chosen(self) -> tuple[list[str], list[str]]:
        languages = [code for code, box in self.language_boxes.items() if box.isChecked()]
        aspects = [aspect for aspect, box in self.aspect_boxes.items() if box.isChecked()]
        return languages, aspects

    def _show_count(self) -> None:
        languages, aspects = self.chosen()
        total = len(languages) * len(aspects)
        if total == 1:
            self.count.setText(self.tr("1 video will be queued."))
        else:
            self.count.setText(self.tr("%1 videos will be queued.").replace("%1", str(total)))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setEnabled(total > 0)
            ok.setText(
                self.tr("Queue 1 video")
                if total == 1
                else self.tr("Queue %1 videos").replace("%1", str(total))
            )

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Render languages × aspects"))
        self.languages_group.setTitle(self.tr("Languages (those with a title)"))
        self.aspects_group.setTitle(self.tr("Aspects"))
        self._show_count()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
