"""The tour's other choices: its length, its music, and "one tour or one video each?"."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from vidstudio.render.errors import RenderError
from vidstudio.render.props import AUDIO_SUFFIXES, DURATION_PRESETS, MAX_DURATION, MIN_DURATION, Music
from vidstudio.ui.jobviews import shown
from vidstudio.ui.media_strip import clock
from vidstudio.ui.widgets import cross_button, label

# The Custom button's id in the button group: not -1, which QButtonGroup.addButton reads as
# "assign one" (it gave -2, and clicking Custom made the video -2 s long).
CUSTOM = 0


class DurationPicker(QWidget):
    """10, 15, 30, 60 s or Custom (5–90 s); until the user picks, the template's own length.

    Signals:
        changed(): the length changed (``value()``: None for the template's own).
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._value: float | None = None
        self._template_length = 10.0
        self.group = QButtonGroup(self)
        self.buttons: dict[int, QToolButton] = {}
        row = QHBoxLayout()
        row.setSpacing(0)
        row.setContentsMargins(0, 0, 0, 0)
        for seconds in (*DURATION_PRESETS, CUSTOM):
            button = QToolButton()
            button.setObjectName("segment")
            button.setCheckable(True)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            self.group.addButton(button, seconds)
            self.buttons[seconds] = button
            row.addWidget(button)
        self.custom = QDoubleSpinBox()
        self.custom.setRange(MIN_DURATION, MAX_DURATION)
        self.custom.setDecimals(0)
        self.custom.setSingleStep(1)
        self.custom.setKeyboardTracking(False)
        self.custom.hide()
        self.hint = label("hint", wrap=True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(row)
        custom_row = QHBoxLayout()
        custom_row.addWidget(self.custom)
        custom_row.addWidget(self.hint, 1)
        layout.addLayout(custom_row)
        self.group.idClicked.connect(self._clicked)
        self.custom.valueChanged.connect(self._custom_changed)
        self._retranslate()
        self._show()

    def value(self) -> float | None:
        return self._value

    def seconds(self) -> float:
        """The length the video will have."""
        return self._value if self._value is not None else self._template_length

    def set_value(self, seconds: float | None) -> None:
        self._value = None if seconds is None else min(MAX_DURATION, max(MIN_DURATION, float(seconds)))
        self._show()
        self.changed.emit()

    def set_template_length(self, seconds: float) -> None:
        self._template_length = seconds
        self._show()

    def _clicked(self, seconds: int) -> None:
        if seconds == CUSTOM:
            self.custom.blockSignals(True)
            self.custom.setValue(self.seconds())
            self.custom.blockSignals(False)
            self._value = self.custom.value()
        else:
            self._value = float(seconds)
        self._show()
        self.changed.emit()

    def _custom_changed(self, value: float) -> None:
        if self.buttons[CUSTOM].isChecked():
            self._value = float(value)
            self.changed.emit()

    def _show(self) -> None:
        seconds = self.seconds()
        preset = round(seconds) if round(seconds) in DURATION_PRESETS and seconds == round(seconds) else None
        custom = self.buttons[CUSTOM].isChecked() and self._value is not None
        chosen = CUSTOM if custom or preset is None else preset
        self.buttons[chosen].setChecked(True)
        self.custom.setVisible(chosen == CUSTOM)
        if chosen == CUSTOM:
            self.custom.blockSignals(True)
            self.custom.setValue(seconds)
            self.custom.blockSignals(False)
        self._retranslate()

    def _retranslate(self) -> None:
        for seconds, button in self.buttons.items():
            if seconds == CUSTOM:
                button.setText(self.tr("Custom"))
                button.setToolTip(self.tr("Any length from 5 to 90 seconds"))
            else:
                button.setText(self.tr("%1 s").replace("%1", str(seconds)))
                button.setToolTip(self.tr("The video lasts %1 seconds").replace("%1", str(seconds)))
        self.custom.setSuffix(self.tr(" s"))
        self.custom.setAccessibleName(self.tr("Length in seconds"))
        self.hint.setText(
            self.tr("From %1 to %2 seconds")
            .replace("%1", f"{MIN_DURATION:g}")
            .replace("%2", f"{MAX_DURATION:g}")
            if not self.custom.isHidden()
            else ""
        )
        self.hint.setVisible(bool(self.hint.text()))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


def _seconds_spin(maximum: float) -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setRange(0.0, maximum)
    spin.setDecimals(1)
    spin.setSingleStep(0.5)
    spin.setKeyboardTracking(False)
    return spin


class MusicRow(QWidget):
    """One music track: its name and length, fades, where in the track to start, what happens at
    its end, and ×.  A file that cannot be used gives one sentence and changes nothing.

    Signals:
        changed(): the track or one of its settings changed (``music()``).
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._music: Music | None = None
        self._length = 0.0
        self.pick_button = QPushButton()
        self.name = label("sectionTitle")
        self.name.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.length = label("muted")
        self.remove_button = cross_button()
        self.error = label("error", wrap=True)
        self.error.hide()
        self.fade_in = _seconds_spin(10.0)
        self.fade_out = _seconds_spin(10.0)
        self.start = _seconds_spin(0.0)
        self.at_end = QComboBox()
        self.at_end.addItem("", "loop")
        self.at_end.addItem("", "silence")
        self.fade_in_label, self.fade_out_label = QLabel(), QLabel()
        self.start_label, self.at_end_label = QLabel(), QLabel()

        top = QHBoxLayout()
        top.setSpacing(8)
        top.addWidget(self.name, 1)
        top.addWidget(self.length)
        top.addWidget(self.remove_button)
        top.addWidget(self.pick_button)
        self.details = QWidget()
        grid = QGridLayout(self.details)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(4)
        grid.addWidget(self.fade_in_label, 0, 0)
        grid.addWidget(self.fade_in, 0, 1)
        grid.addWidget(self.fade_out_label, 0, 2)
        grid.addWidget(self.fade_out, 0, 3)
        grid.addWidget(self.start_label, 1, 0)
        grid.addWidget(self.start, 1, 1)
        grid.addWidget(self.at_end_label, 2, 0, 1, 2)
        grid.addWidget(self.at_end, 2, 2, 1, 2)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.details)
        layout.addWidget(self.error)

        self.pick_button.clicked.connect(self.browse)
        self.remove_button.clicked.connect(self.remove)
        for spin in (self.fade_in, self.fade_out, self.start):
            spin.valueChanged.connect(lambda _v: self._edited())
        self.at_end.currentIndexChanged.connect(lambda _i: self._edited())
        self._show()

    # ---------------------------------------------------------------- state
    def music(self) -> Music | None:
        return self._music

    def browse(self) -> None:
        patterns = " ".join(f"*{suffix}" for suffix in AUDIO_SUFFIXES)
        start = str(self._music.path.parent) if self._music else str(Path.home())
        file, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose music"),
            start,
            self.tr("Music (%1)").replace("%1", patterns),
        )
        if file:
            self.set_file(Path(file))

    def set_file(self, path: Path) -> bool:
        """Use ``path`` as the music (its settings start fresh); False, with a sentence, when it
        cannot be used (then nothing changes)."""
        info = self.probe(path)
        if info is None:
            return False
        self.set_music(Music(path), info)
        return True

    def probe(self, path: Path) -> object | None:
        """The track's AudioInfo, or None with the reason shown."""
        try:
            from vidstudio.render.audio import probe_audio

            info: object = probe_audio(path)
        except RenderError as exc:
            self.show_problem(shown(exc.sentence))
            return None
        except ImportError:  # a build without the audio module: say so plainly
            self.show_problem(self.tr("Music cannot be added with this version of vidstudio."))
            return None
        self.show_problem("")
        return info

    def set_music(self, music: Music | None, info: object | None = None) -> None:
        """Show ``music`` (from History: ``info`` probed by the caller, or None to probe)."""
        if music is not None and info is None:
            info = self.probe(music.path)
            if info is None:
                return
        self._music = music
        self._length = float(getattr(info, "duration", 0.0) or 0.0)
        self._show()
        self.changed.emit()

    def remove(self) -> None:
        self.show_problem("")
        self.set_music(None)

    def show_problem(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def _edited(self) -> None:
        if self._music is None:
            return
        music = Music(
            self._music.path,
            start=self.start.value(),
            fade_in=self.fade_in.value(),
            fade_out=self.fade_out.value(),
            at_end="silence" if self.at_end.currentData() == "silence" else "loop",
        )
        if music != self._music:
            self._music = music
            self.changed.emit()

    def _show(self) -> None:
        music = self._music
        self.details.setVisible(music is not None)
        self.name.setVisible(music is not None)
        self.length.setVisible(music is not None)
        self.remove_button.setVisible(music is not None)
        if music is not None:
            widgets = (self.fade_in, self.fade_out, self.start, self.at_end)
            for widget in widgets:
                widget.blockSignals(True)
            self.start.setMaximum(max(0.0, self._length - 1.0))
            self.fade_in.setValue(music.fade_in)
            self.fade_out.setValue(music.fade_out)
            self.start.setValue(music.start)
            self.at_end.setCurrentIndex(1 if music.at_end == "silence" else 0)
            for widget in widgets:
                widget.blockSignals(False)
            metrics = self.name.fontMetrics()
            self.name.setText(metrics.elidedText(music.path.name, Qt.TextElideMode.ElideMiddle, 180))
            self.name.setToolTip(str(music.path))
            self.length.setText(clock(self._length))
        self._retranslate()

    def _retranslate(self) -> None:
        has = self._music is not None
        self.pick_button.setText(self.tr("Replace…") if has else self.tr("Add music…"))
        self.pick_button.setToolTip(self.tr("MP3, M4A, AAC, WAV, FLAC or OGG"))
        self.remove_button.setToolTip(self.tr("Remove the music"))
        self.fade_in_label.setText(self.tr("Fade in"))
        self.fade_out_label.setText(self.tr("Fade out"))
        self.start_label.setText(self.tr("Start at"))
        self.start.setToolTip(self.tr("Where in the track the video's music begins"))
        for spin in (self.fade_in, self.fade_out, self.start):
            spin.setSuffix(self.tr(" s"))
        self.at_end_label.setText(self.tr("When the music ends:"))
        self.at_end.setItemText(0, self.tr("Loop"))
        self.at_end.setItemText(1, self.tr("Silence"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


class ChoiceBar(QFrame):
    """ "3 files: Make one tour / Make one video each" under the strip: asked once, not modal.

    Signals:
        chosen(str, list): "tour" or "each", with the files that were waiting.
    """

    chosen = Signal(str, list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("choiceBar")
        self.setStyleSheet(
            "QFrame#choiceBar { background: #eef3ff; border: 1px solid #c7d6fb; border-radius: 8px; }"
        )
        self._files: list[Path] = []
        self.question = label(wrap=True)
        self.tour_button = QPushButton()
        self.tour_button.setDefault(True)
        self.each_button = QPushButton()
        self.close_button = cross_button()
        top = QHBoxLayout()
        top.addWidget(self.question, 1)
        top.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        buttons = QHBoxLayout()
        buttons.setSpacing(6)
        buttons.addWidget(self.tour_button)
        buttons.addWidget(self.each_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 8)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addLayout(buttons)
        self.tour_button.clicked.connect(lambda: self._choose("tour"))
        self.each_button.clicked.connect(lambda: self._choose("each"))
        self.close_button.clicked.connect(self.dismiss)
        self.hide()
        self._retranslate()

    def ask(self, files: list[Path]) -> None:
        self._files = list(files)
        self._retranslate()
        self.show()
        self.tour_button.setFocus()

    @property
    def waiting(self) -> list[Path]:
        return list(self._files)

    def dismiss(self) -> None:
        self._files = []
        self.hide()

    def _choose(self, choice: str) -> None:
        files = self._files
        self.dismiss()
        self.chosen.emit(choice, files)

    def _retranslate(self) -> None:
        self.question.setText(
            self.tr("%1 new photos or clips. What should they become?").replace("%1", str(len(self._files)))
        )
        self.tour_button.setText(self.tr("Make one tour"))
        self.tour_button.setToolTip(self.tr("Add them to this video, in order"))
        self.each_button.setText(self.tr("Make one video each"))
        self.each_button.setToolTip(self.tr("Queue one video per file with the current settings"))
        self.close_button.setToolTip(self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
