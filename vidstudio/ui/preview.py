"""The live preview: the renderer's own ``paint_frame`` at the widget's size.

The canvas is letterboxed inside the widget (9:16 stands upright with bars left
and right) and painted at device pixels, so it is sharp on high-DPI screens.
Play/pause runs in real time at the template's fps and loops; a slider scrubs.

Playing, frames are painted on a thread of their own (:class:`FramePainter`) and the UI
thread only draws the finished image.  With a soundtrack the picture follows the sound:
each tick asks for the frame of ``Playback.position()`` (the frames the audio device has
consumed) plus the painter's recent latency; a scrub or a loop stops the sound, waits for
the new place's first picture and starts the sound from it, so they stay within a frame of
each other (bench/preview.py measures it).  Without a sound device it plays on the wall
clock, silently.
The next scene's photo or clip is prepared ahead by render.paint itself (its decode-ahead
thread), for the preview as for a render.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from typing import Any

from PySide6.QtCore import QEvent, QObject, QPointF, QRect, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPaintEvent, QPen
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
from vidstudio.render.paint import motion_at, paint_frame, scene_cache
from vidstudio.render.props import Props
from vidstudio.render.template import ASPECTS, Template
from vidstudio.render.timeline import frame_count, poster_frame
from vidstudio.ui.playback import Playback
from vidstudio.ui.theme import PREVIEW_BG

log = logging.getLogger(__name__)

MARGIN = 12


def letterbox(area: QRect, aspect: str) -> QRect:
    """The largest rect of ``aspect`` centred in ``area``."""
    width, height = ASPECTS.get(aspect, ASPECTS["16:9"])
    scale = min(area.width() / width, area.height() / height)
    w = max(1, int(width * scale))
    h = max(1, int(height * scale))
    return QRect(area.x() + (area.width() - w) // 2, area.y() + (area.height() - h) // 2, w, h)


class FramePainter(QObject):
    """Paints preview frames on its own thread while the preview plays; the latest request wins.

    A clip scene's frame is decoded inside ``paint_frame`` (a 1080p H.264 frame took 20–35 ms
    here, the machine loaded) and a photo not prepared in time costs a decode (~1 s for 12 MP):
    on the UI thread either froze the window and the sound's clock ran away from the picture.
    Here the UI thread only draws the finished image (under 1 ms); frames that cannot be made in
    time are skipped, never late.  ``lock`` keeps the UI thread's own paints (paused) and this
    thread's from touching one ``Scene`` at once (its per-frame state is not shared-safe).

    Signals:
        painted(int, object, float): frame, its QImage (None after a failure), milliseconds.
    """

    painted = Signal(int, object, float)

    def __init__(self) -> None:
        super().__init__()
        self.lock = threading.Lock()
        self._wake = threading.Condition()
        self._want: tuple[Template, Props, int, QSize] | None = None
        self._thread: threading.Thread | None = None
        self._stopping = False

    def request(self, template: Template, props: Props, frame: int, size: QSize) -> None:
        with self._wake:
            self._want = (template, props, frame, QSize(size))
            if self._thread is None or not self._thread.is_alive():
                self._stopping = False
                self._thread = threading.Thread(target=self._run, name="vidstudio-preview", daemon=True)
                self._thread.start()
            self._wake.notify()

    def stop(self) -> None:
        """Stop the thread (at quit); a later request starts it again."""
        with self._wake:
            self._stopping = True
            self._want = None
            self._wake.notify()
        thread = self._thread
        if thread is not None:
            thread.join(timeout=5)
        self._thread = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def _run(self) -> None:
        while True:
            with self._wake:
                while self._want is None and not self._stopping:
                    self._wake.wait()
                if self._stopping:
                    return
                want, self._want = self._want, None
            assert want is not None
            template, props, frame, size = want
            started = time.perf_counter()
            canvas = QImage(size, QImage.Format.Format_RGB32)
            image: QImage | None = canvas
            try:
                with self.lock:
                    painter = QPainter(canvas)
                    try:
                        paint_frame(painter, template, props, frame, size, playing=True)
                    finally:
                        painter.end()
            except RenderError:
                image = None  # the UI thread paints it itself and shows the sentence
            except Exception as exc:  # the preview must never take the app down
                log.error("preview frame failed: %s", type(exc).__name__, exc_info=exc)
                image = None
            with contextlib.suppress(RuntimeError):  # the window is gone
                self.painted.emit(frame, image, (time.perf_counter() - started) * 1000)


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
        # Playing, frames are painted on the frame painter's thread and only drawn here.
        self.painter = FramePainter()
        self.painter.painted.connect(self._painted)
        self._image: QImage | None = None
        self._image_frame = -1
        self._pending: int | None = None  # a seek waiting for its first picture
        self._latency = 1 / 60  # the frame painter's recent time per frame, seconds
        self.worker_paint_ms = 0.0
        self.focus_index = -1  # the media item whose focus point is marked (the selected one)
        # A platform's interface zones drawn over the frame: (name, (x, y, w, h) fractions).
        self.zones: list[tuple[str, tuple[float, float, float, float]]] = []
        self.setCursor(Qt.CursorShape.CrossCursor)

    # ---------------------------------------------------------------- content
    def set_content(self, template: Template | None, props: Props, aspect: str) -> None:
        changed_template = template is not self.template
        self.template = template
        self.props = props
        self.aspect = aspect
        self.error = ""
        self._image_frame = -1  # an edit while playing: the next tick paints it
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

    def set_zones(self, zones: list[tuple[str, tuple[float, float, float, float]]]) -> None:
        """Draw these zones (fractions of the frame) over the frame; [] draws none."""
        if zones != self.zones:
            self.zones = list(zones)
            self.update()

    def time(self) -> float:
        """Seconds into the video of the frame shown."""
        return self.frame / self.template.fps if self.template else 0.0

    # ---------------------------------------------------------------- sound
    def set_soundtrack(self, samples: Any) -> None:
        """The video's sound (float32 (n, 2) at 48 kHz) or None; playing, it is heard at once."""
        self.audio.set_samples(samples)
        self._has_sound = samples is not None
        if not self.playing or self._pending is not None:
            return
        if self._has_sound and not self._audio_clock:
            self._restart_clock()
        elif not self._has_sound and self._audio_clock:
            self.audio.stop()
            self._audio_clock = False
            self._restart_clock()

    def _restart_clock(self) -> None:
        """The clocks start again at the frame shown: the sound from its time, the wall clock now."""
        self._audio_clock = self._has_sound and self.audio.start(self.time())
        self._play_from, self._play_started = self.frame, time.perf_counter()

    def audio_offset(self) -> float | None:
        """Seconds the sound is ahead of the picture on screen now (None: no sound playing)."""
        if not self._audio_clock:
            return None
        return self.audio.position() - self.time()

    def close_audio(self) -> None:
        """At quit: stop the frame painter and let go of the sound device."""
        self.pause()
        self.painter.stop()
        self.audio.close()
        self._audio_clock = False

    def set_frame(self, frame: int) -> None:
        frame = max(0, min(frame, self.frame_count - 1))
        if frame != self.frame:
            if self.playing:
                # A scrub while playing: the sound waits for the picture of the new place.
                self._seek(frame)
                return
            self.frame = frame
            self.frame_changed.emit(frame)
            self.update()

    # ---------------------------------------------------------------- playback
    @property
    def playing(self) -> bool:
        return self._timer.isActive()

    def play(self) -> None:
        if self.template is None or self.playing:
            return
        self._timer.start(max(5, int(1000 / self.template.fps / 2)))
        self.playing_changed.emit(True)
        self._seek(0 if self.frame >= self.frame_count - 1 else self.frame)

    def pause(self) -> None:
        if self.playing:
            self._timer.stop()
            self.audio.stop()
            self._audio_clock = False
            self._pending = None
            self.playing_changed.emit(False)
            self.update()  # painted here again, at full quality with the focus mark

    def toggle(self) -> None:
        self.pause() if self.playing else self.play()

    def _seek(self, frame: int) -> None:
        """Playing: show ``frame`` as soon as it is painted, then start the clocks from it."""
        self.audio.stop()
        self._audio_clock = False
        self._pending = frame
        self._request(frame)

    def _request(self, frame: int) -> None:
        if self.template is None or self._paint_size.isEmpty():
            self._painted(frame, None, 0.0)  # nothing painted yet: no picture to wait for
            return
        self.painter.request(self.template, self.props, frame, self._paint_size)

    def _painted(self, frame: int, image: QImage | None, ms: float) -> None:
        """The frame painter's answer (on this thread)."""
        if not self.playing:
            return
        if image is not None:
            self._image, self._image_frame = image, frame
            self.worker_paint_ms = ms
            if self._pending is None and self.template is not None:
                # A seek's first picture (a clip decoded from its keyframe: up to a second) is not
                # the steady cost; counted, it made the next frames be asked 200 ms early.
                steady = min(ms / 1000, 2 / self.template.fps)
                self._latency = 0.8 * self._latency + 0.2 * steady
        if self._pending is not None:
            if frame != self._pending:
                return
            self._pending = None
            self.frame = frame
            self._restart_clock()
        else:
            self.frame = frame
        self.frame_changed.emit(frame)
        self.update()

    def _tick(self) -> None:
        if self.template is None:
            self.pause()
            return
        if self._pending is not None:
            return  # a seek waits for its picture
        count = self.frame_count
        fps = self.template.fps
        now = self.audio.position() if self._audio_clock else self.time_on_wall_clock()
        # Ask for the frame that will be due when it is painted (the painter's recent latency).
        frame = round((now + self._latency) * fps)  # the nearest frame when it shows
        if int(now * fps) >= count:  # the end: start again, sound and all
            self._seek(0)
            return
        frame = min(frame, count - 1)
        if frame != self._image_frame:
            self._request(frame)

    def time_on_wall_clock(self) -> float:
        fps = self.template.fps if self.template else 30
        return self._play_from / fps + (time.perf_counter() - self._play_started)

    # ---------------------------------------------------------------- painting
    def canvas_rect(self) -> QRect:
        area = self.rect().adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
        return letterbox(area, self.aspect)

    def paintEvent(self, event: QPaintEvent) -> None:
        started = time.perf_counter()
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(PREVIEW_BG))
        target = self.canvas_rect()
        ratio = self.devicePixelRatioF()
        size = QSize(max(2, round(target.width() * ratio)), max(2, round(target.height() * ratio)))
        image = self._image
        if self.playing and image is not None and image.size() == size:
            painter.drawImage(QRectF(target), image, QRectF(image.rect()))
        elif self.template is not None:
            painter.save()
            painter.setClipRect(target)
            painter.translate(target.topLeft())
            painter.scale(1 / ratio, 1 / ratio)
            self._paint_size = size
            try:
                with self.painter.lock:  # never at the same time as the frame painter
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
        if self.zones and not self.error:
            self._paint_zones(painter, target)
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
        if media.reader is not None:
            # A clip has no motion, and its reader crops the whole upright picture itself.
            image = QSize(media.reader.info.width, media.reader.info.height)
            scale, cx, cy = 1.0, 0.5, 0.5
        elif media.image is not None:
            image = media.image.size()
            scale, cx, cy = motion_at(scene.motion, scene.progress(self.time()))
        else:
            return None
        iw, ih = image.width(), image.height()
        if iw <= 0 or ih <= 0:
            return None
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

    def _paint_zones(self, painter: QPainter, target: QRect) -> None:
        """Each zone translucent red with its name, on top of the painted frame."""
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        font = painter.font()
        font.setPixelSize(11)
        painter.setFont(font)
        for name, (x, y, w, h) in self.zones:
            rect = QRectF(
                target.x() + x * target.width(),
                target.y() + y * target.height(),
                w * target.width(),
                h * target.height(),
            )
            painter.fillRect(rect, QColor(220, 38, 38, 110))
            painter.setPen(QPen(QColor(255, 80, 80, 220), 1.0))
            painter.drawRect(rect.adjusted(0.5, 0.5, -0.5, -0.5))
            painter.setPen(QColor("#ffffff"))
            flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
            if painter.fontMetrics().horizontalAdvance(name) + 8 > rect.width() < rect.height():
                # A narrow column (the buttons on the right): its name reads upwards along it.
                painter.save()
                painter.translate(rect.bottomLeft())
                painter.rotate(-90)
                painter.drawText(QRectF(4, 2, rect.height() - 8, rect.width() - 4), flags, name)
                painter.restore()
            else:
                painter.drawText(rect.adjusted(4, 2, -4, -2), flags | Qt.TextFlag.TextWordWrap, name)
        painter.restore()

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
