"""The live preview: the renderer's own ``paint_frame`` at the widget's size.

The canvas is letterboxed inside the widget (9:16 stands upright with bars left
and right) and painted at device pixels, so it is sharp on high-DPI screens.
Play/pause runs in real time at the template's fps and loops; a slider scrubs.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSlider,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from vidstudio.render.errors import RenderError
from vidstudio.render.paint import paint_frame
from vidstudio.render.props import Props
from vidstudio.render.template import ASPECTS, Template
from vidstudio.ui.theme import PREVIEW_BG

MARGIN = 12


def letterbox(area: QRect, aspect: str) -> QRect:
    """The largest rect of ``aspect`` centred in ``area``."""
    width, height = ASPECTS.get(aspect, ASPECTS["16:9"])
    scale = min(area.width() / width, area.height() / height)
    w = max(1, int(width * scale))
    h = max(1, int(height * scale))
    return QRect(area.x() + (area.width() - w) // 2, area.y() + (area.height() - h) // 2, w, h)


class PreviewCanvas(QWidget):
    """Paints one frame of the current template and props.

    Signals:
        frame_changed(int): the frame shown changed (playback or scrub).
        playing_changed(bool): playback started or stopped.
    """

    frame_changed = Signal(int)
    playing_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(320, 220)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.template: Template | None = None
        self.props = Props(title="")
        self.aspect = "16:9"
        self.frame = 0
        self.error = ""
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._tick)
        self._play_started = 0.0
        self._play_from = 0
        self.last_paint_ms = 0.0

    # ---------------------------------------------------------------- content
    def set_content(self, template: Template | None, props: Props, aspect: str) -> None:
        changed_template = template is not self.template
        self.template = template
        self.props = props
        self.aspect = aspect
        self.error = ""
        if changed_template and template is not None and not self.playing:
            self.frame = template.default_poster_frame
            self.frame_changed.emit(self.frame)
        self.update()

    @property
    def frame_count(self) -> int:
        return self.template.frame_count if self.template else 1

    def set_frame(self, frame: int) -> None:
        frame = max(0, min(frame, self.frame_count - 1))
        if frame != self.frame:
            self.frame = frame
            if self.playing:
                self._play_from = frame
                self._play_started = time.perf_counter()
            self.frame_changed.emit(frame)
            self.update()

    # ---------------------------------------------------------------- playback
    @property
    def playing(self) -> bool:
        return self._timer.isActive()

    def play(self) -> None:
        if self.template is None or self.playing:
            return
        self._play_from = 0 if self.frame >= self.frame_count - 1 else self.frame
        self._play_started = time.perf_counter()
        self._timer.start(max(5, int(1000 / self.template.fps / 2)))
        self.playing_changed.emit(True)

    def pause(self) -> None:
        if self.playing:
            self._timer.stop()
            self.playing_changed.emit(False)

    def toggle(self) -> None:
        self.pause() if self.playing else self.play()

    def _tick(self) -> None:
        if self.template is None:
            self.pause()
            return
        elapsed = time.perf_counter() - self._play_started
        frame = (self._play_from + int(elapsed * self.template.fps)) % self.frame_count
        if frame != self.frame:
            self.frame = frame
            self.frame_changed.emit(frame)
            self.update()

    # ---------------------------------------------------------------- painting
    def canvas_rect(self) -> QRect:
        area = self.rect().adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
        return letterbox(area, self.aspect)

    def paintEvent(self, event: QPaintEvent) -> None:
        started = time.perf_counter()
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(PREVIEW_BG))
        target = self.canvas_rect()
        if self.template is not None:
            ratio = self.devicePixelRatioF()
            size = QSize(max(2, round(target.width() * ratio)), max(2, round(target.height() * ratio)))
            painter.save()
            painter.setClipRect(target)
            painter.translate(target.topLeft())
            painter.scale(1 / ratio, 1 / ratio)
            try:
                paint_frame(painter, self.template, self.props, self.frame, size)
                self.error = ""
            except RenderError as exc:
                self.error = str(exc)
            painter.restore()
            if self.error:
                painter.fillRect(target, QColor("#2a2f35"))
                painter.setPen(QColor("#f1f3f5"))
                painter.drawText(
                    target.adjusted(16, 16, -16, -16),
                    Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                    self.error,
                )
        painter.end()
        self.last_paint_ms = (time.perf_counter() - started) * 1000


def format_time(frame: int, fps: int) -> str:
    seconds = frame / fps if fps else 0.0
    return f"{int(seconds // 60):02d}:{seconds % 60:04.1f}"


class PreviewPanel(QWidget):
    """The canvas with a play/pause button, a scrub slider and the time."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("previewPanel")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setStyleSheet(f"QWidget#previewPanel {{ background: {PREVIEW_BG}; border-radius: 10px; }}")
        self.canvas = PreviewCanvas(self)
        self.play_button = QToolButton()
        self.play_button.setObjectName("play")
        self.play_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.time_label = QLabel()
        self.time_label.setStyleSheet("color: #d5dae1;")
        self.time_label.setMinimumWidth(170)
        self.time_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        controls = QHBoxLayout()
        controls.setContentsMargins(14, 0, 14, 10)
        controls.setSpacing(12)
        controls.addWidget(self.play_button)
        controls.addWidget(self.slider, 1)
        controls.addWidget(self.time_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.canvas, 1)
        layout.addLayout(controls)

        self.play_button.clicked.connect(self.canvas.toggle)
        self.slider.valueChanged.connect(self.canvas.set_frame)
        self.canvas.frame_changed.connect(self._on_frame)
        self.canvas.playing_changed.connect(lambda _p: self._retranslate())
        self._retranslate()

    def set_content(self, template: Template | None, props: Props, aspect: str) -> None:
        self.slider.setRange(0, (template.frame_count if template else 1) - 1)
        self.canvas.set_content(template, props, aspect)
        self._on_frame(self.canvas.frame)

    def _on_frame(self, frame: int) -> None:
        self.slider.blockSignals(True)
        self.slider.setValue(frame)
        self.slider.blockSignals(False)
        self._update_time()

    def _update_time(self) -> None:
        template = self.canvas.template
        if template is None:
            self.time_label.setText("")
            return
        frame = self.canvas.frame
        self.time_label.setText(
            self.tr("%1 / %2  ·  frame %3 of %4")
            .replace("%1", format_time(frame, template.fps))
            .replace("%2", format_time(template.frame_count, template.fps))
            .replace("%3", str(frame + 1))
            .replace("%4", str(template.frame_count))
        )

    def _retranslate(self) -> None:
        playing = self.canvas.playing
        self.play_button.setText("❚❚" if playing else "▶")
        self.play_button.setToolTip(self.tr("Pause (Space)") if playing else self.tr("Play (Space)"))
        self.play_button.setAccessibleName(self.tr("Play or pause"))
        self.slider.setToolTip(self.tr("Drag to move through the video"))
        self._update_time()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
