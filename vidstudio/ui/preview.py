"""The live preview: the renderer's own ``paint_frame`` at the widget's size.

The canvas is letterboxed inside the widget (9:16 stands upright with bars left
and right) and painted at device pixels, so it is sharp on high-DPI screens.
Play/pause runs in real time at the template's fps and loops; a slider scrubs.

With a soundtrack, the picture follows the sound: each tick shows the frame of
``Playback.position()`` (the frames the audio device has consumed), and a scrub or a
loop restarts the sound at the new frame, so they stay within one frame of each other
(bench/preview.py measures it).  Without a sound device it plays on the wall clock, silently.
While playing, the next scene's photo or clip is prepared on a worker thread a second
before it is needed (``PREWARM_SECONDS``): decoding and scaling a 12 MP photo takes
~150 ms here, which would be nine dropped frames in the middle of a transition.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSlider,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from vidstudio.jobs import workers
from vidstudio.render.errors import RenderError
from vidstudio.render.paint import EASINGS, paint_frame, scene_cache
from vidstudio.render.props import Props
from vidstudio.render.template import ASPECTS, KenBurns, Template
from vidstudio.render.timeline import Scene as TimelineScene
from vidstudio.render.timeline import frame_count, poster_frame, timeline
from vidstudio.ui.playback import Playback
from vidstudio.ui.theme import PREVIEW_BG

log = logging.getLogger(__name__)

MARGIN = 12
PREWARM_SECONDS = 1.0


def motion_at(motion: KenBurns | None, progress: float) -> tuple[float, float, float]:
    """Zoom and centre of a scene's motion at ``progress`` (as the painter moves it)."""
    if motion is None:
        return 1.0, 0.5, 0.5
    e = EASINGS[motion.easing](progress)
    return (
        motion.start_scale + (motion.end_scale - motion.start_scale) * e,
        motion.start_center[0] + (motion.end_center[0] - motion.start_center[0]) * e,
        motion.start_center[1] + (motion.end_center[1] - motion.start_center[1]) * e,
    )


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
        focus_clicked(int, float, float): a click on a photo or clip of the video: its index in
            ``props.media`` and the clicked point as fractions of its width and height.
    """

    frame_changed = Signal(int)
    playing_changed = Signal(bool)
    focus_clicked = Signal(int, float, float)

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
        self.audio = Playback()
        self._has_sound = False
        self._audio_clock = False  # the picture follows the sound (a device is playing it)
        self._paint_size = QSize()
        self._warmed: set[tuple[int, int]] = set()
        self.focus_index = -1  # the media item whose focus point is marked (the selected one)
        self.setCursor(Qt.CursorShape.CrossCursor)

    # ---------------------------------------------------------------- content
    def set_content(self, template: Template | None, props: Props, aspect: str) -> None:
        changed_template = template is not self.template
        self.template = template
        self.props = props
        self.aspect = aspect
        self.error = ""
        self._warmed.clear()
        if changed_template and template is not None and not self.playing:
            self.frame = poster_frame(template, props)
            self.frame_changed.emit(self.frame)
        elif self.frame >= self.frame_count:
            self.frame = self.frame_count - 1
            self.frame_changed.emit(self.frame)
        self.update()

    @property
    def frame_count(self) -> int:
        return frame_count(self.template, self.props) if self.template else 1

    def time(self) -> float:
        """Seconds into the video of the frame shown."""
        return self.frame / self.template.fps if self.template else 0.0

    # ---------------------------------------------------------------- sound
    def set_soundtrack(self, samples: Any) -> None:
        """The video's sound (float32 (n, 2) at 48 kHz) or None; playing, it is heard at once."""
        self.audio.set_samples(samples)
        self._has_sound = samples is not None
        if not self.playing:
            return
        if self._has_sound and not self._audio_clock:
            self._start_audio()
        elif not self._has_sound and self._audio_clock:
            self.audio.stop()
            self._audio_clock = False
            self._play_from, self._play_started = self.frame, time.perf_counter()

    def _start_audio(self) -> None:
        self._audio_clock = self._has_sound and self.audio.start(self.time())
        self._play_from, self._play_started = self.frame, time.perf_counter()

    def audio_offset(self) -> float | None:
        """Seconds the sound is ahead of the picture now (None: no sound playing)."""
        if not self._audio_clock:
            return None
        return self.audio.position() - self.time()

    def close_audio(self) -> None:
        """At quit: stop and let go of the sound device."""
        self.audio.close()
        self._audio_clock = False

    def set_frame(self, frame: int) -> None:
        frame = max(0, min(frame, self.frame_count - 1))
        if frame != self.frame:
            self.frame = frame
            if self.playing:
                self._play_from = frame
                self._play_started = time.perf_counter()
                if self._audio_clock:  # a scrub while playing: the sound jumps too
                    self._start_audio()
            self.frame_changed.emit(frame)
            self.update()

    # ---------------------------------------------------------------- playback
    @property
    def playing(self) -> bool:
        return self._timer.isActive()

    def play(self) -> None:
        if self.template is None or self.playing:
            return
        if self.frame >= self.frame_count - 1:
            self.frame = 0
        self._play_from = self.frame
        self._play_started = time.perf_counter()
        self._timer.start(max(5, int(1000 / self.template.fps / 2)))
        self._start_audio()
        self.playing_changed.emit(True)

    def pause(self) -> None:
        if self.playing:
            self._timer.stop()
            self.audio.stop()
            self._audio_clock = False
            self.playing_changed.emit(False)

    def toggle(self) -> None:
        self.pause() if self.playing else self.play()

    def _tick(self) -> None:
        if self.template is None:
            self.pause()
            return
        count = self.frame_count
        if self._audio_clock:
            frame = int(self.audio.position() * self.template.fps)
            if frame >= count:  # the end: start again, sound and all
                self.frame = 0
                self._start_audio()
                self.frame_changed.emit(0)
                self.update()
                return
        else:
            elapsed = time.perf_counter() - self._play_started
            frame = (self._play_from + int(elapsed * self.template.fps)) % count
        if frame != self.frame:
            self.frame = frame
            self.frame_changed.emit(frame)
            self.update()
        self._prewarm()

    def _prewarm(self) -> None:
        """Prepare the photo or clip of the scene that starts within PREWARM_SECONDS, off this thread."""
        template, size = self.template, self._paint_size
        if template is None or size.isEmpty() or not self.props.media:
            return
        t = self.time()
        line = timeline(template, self.props)
        for scene in line.scenes:
            if scene.item is None or not (t < scene.start <= t + PREWARM_SECONDS):
                continue
            key = (id(line), scene.index)
            if key in self._warmed:
                continue
            self._warmed.add(key)
            props = self.props

            def warm(scene: TimelineScene = scene, props: Props = props) -> None:
                prepared = scene_cache.get(template, props, size)
                rect = next((item.rect for item in prepared.layers if item.kind == "media"), None)
                if rect is not None:
                    prepared.media(scene, rect)

            workers.submit("network", warm, context=self, failed=lambda _exc: None)

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
            self._paint_size = size
            try:
                paint_frame(painter, self.template, self.props, self.frame, size)
                self.error = ""
            except RenderError as exc:
                self.error = str(exc)
            painter.restore()
            if not self.error and not self.playing:
                self._paint_focus(painter, target)
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

    # ---------------------------------------------------------------- focus point
    def _framing(self) -> tuple[int, QRectF, QRectF, float, QSize] | None:
        """How the media shown now is framed, in canvas pixels: (index, media rect, the part of
        the photo shown (photo px), photo px → canvas px, photo size); None when there is none."""
        template, size = self.template, self._paint_size
        if template is None or size.isEmpty() or not self.props.media:
            return None
        prepared = scene_cache.get(template, self.props, size)
        rect = next((item.rect for item in prepared.layers if item.kind == "media"), None)
        scene = prepared.timeline.scene_at(self.time())
        if rect is None or scene is None or scene.item is None:
            return None
        try:
            media = prepared.media(scene, rect)
        except RenderError:
            return None
        if media.image is not None:
            image = media.image.size()
        elif media.reader is not None:
            image = media.reader.size
        else:
            return None
        iw, ih = image.width(), image.height()
        if iw <= 0 or ih <= 0:
            return None
        scale, cx, cy = motion_at(scene.motion, scene.progress(self.time()))
        item = scene.item
        if item.fit == "blur":
            fit = min(rect.width() / iw, rect.height() / ih) * scale
            w, h = rect.width() / fit, rect.height() / fit
            shown = QRectF((iw - w) / 2, (ih - h) / 2, w, h)
            return scene.index, rect, shown, fit, image
        cx += item.focus[0] - 0.5
        cy += item.focus[1] - 0.5
        cover = max(rect.width() / iw, rect.height() / ih) * scale
        w, h = rect.width() / cover, rect.height() / cover
        x = min(max(cx * iw - w / 2, 0.0), iw - w)
        y = min(max(cy * ih - h / 2, 0.0), ih - h)
        return scene.index, rect, QRectF(x, y, w, h), cover, image

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        target = self.canvas_rect()
        point = event.position()
        framing = self._framing()
        if framing is None or not QRectF(target).contains(point):
            return
        index, rect, shown, scale, image = framing
        ratio = self.devicePixelRatioF()
        canvas = QPointF((point.x() - target.x()) * ratio, (point.y() - target.y()) * ratio)
        if not rect.contains(canvas):
            return
        x = shown.x() + (canvas.x() - rect.x()) / scale
        y = shown.y() + (canvas.y() - rect.y()) / scale
        fx = min(1.0, max(0.0, x / image.width()))
        fy = min(1.0, max(0.0, y / image.height()))
        self.focus_clicked.emit(index, fx, fy)

    def focus_position(self) -> QPointF | None:
        """Where the marked item's focus point is on the widget (None: not shown now)."""
        framing = self._framing()
        if framing is None or framing[0] != self.focus_index:
            return None
        index, rect, shown, scale, image = framing
        fx, fy = self.props.media[index].focus
        x = rect.x() + (fx * image.width() - shown.x()) * scale
        y = rect.y() + (fy * image.height() - shown.y()) * scale
        target = self.canvas_rect()
        ratio = self.devicePixelRatioF()
        return QPointF(target.x() + x / ratio, target.y() + y / ratio)

    def _paint_focus(self, painter: QPainter, target: QRect) -> None:
        if self.focus_index < 0:
            return
        point = self.focus_position()
        if point is None or not QRectF(target).contains(point):
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for color, width in (("#00000099", 4.0), ("#ffffff", 2.0)):
            painter.setPen(QPen(QColor(color), width))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(point, 9, 9)
            painter.drawLine(QPointF(point.x() - 14, point.y()), QPointF(point.x() - 5, point.y()))
            painter.drawLine(QPointF(point.x() + 5, point.y()), QPointF(point.x() + 14, point.y()))


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
        self.canvas.set_content(template, props, aspect)
        self.slider.setRange(0, self.canvas.frame_count - 1)
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
            .replace("%2", format_time(self.canvas.frame_count, template.fps))
            .replace("%3", str(frame + 1))
            .replace("%4", str(self.canvas.frame_count))
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
