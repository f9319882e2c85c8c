"""The media strip: the photos and clips of a video in order, and the editor of the selected one.

Drop files from Explorer on it (or click it, or Ctrl+O), drag thumbnails to reorder, Ctrl+Left /
Ctrl+Right moves the selected one, Delete or its × removes it.  Thumbnails are made off the UI
thread (a 12 MP JPEG takes ~120 ms to decode here; fifteen would freeze the window for 2 s).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import (
    QEvent,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPixmap,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from vidstudio.jobs import workers
from vidstudio.render.props import MAX_MEDIA, MediaItem
from vidstudio.ui.widgets import label

THUMB = QSize(88, 58)
CELL = QSize(THUMB.width() + 8, THUMB.height() + 8)
CROSS = 18  # the × in a thumbnail's corner, px
ITEM_ROLE = Qt.ItemDataRole.UserRole
THUMB_ROLE = Qt.ItemDataRole.UserRole + 1
DURATION_ROLE = Qt.ItemDataRole.UserRole + 2


_Drag = TypeVar("_Drag", bound=QDragMoveEvent)  # an enter event is a move event too


def local_files(mime: QMimeData) -> list[Path]:
    """The local files of a drop from Explorer (or a paste), in order."""
    if not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


def clock(seconds: float) -> str:
    """0:07, 1:32: a clip's length on its thumbnail and a track's in the music row."""
    whole = max(0, round(seconds))
    return f"{whole // 60}:{whole % 60:02d}"


def make_thumbnail(item: MediaItem) -> QImage:
    """On a worker thread: the photo, or a clip's first frame, reduced for the strip."""
    if item.kind == "clip":
        from vidstudio.render.clips import clip_thumbnail

        image: QImage = clip_thumbnail(item.path, THUMB.width() * 2)
    else:
        from vidstudio.render.images import load_image

        image = load_image(item.path, max_short=THUMB.height() * 2)
    return image.scaled(
        THUMB * 2, Qt.AspectRatioMode.KeepAspectRatioByExpanding, Qt.TransformationMode.SmoothTransformation
    )


class _Delegate(QStyledItemDelegate):
    """A thumbnail with its place in the order, a clip's length, and a × to remove it."""

    def __init__(self, strip: MediaList) -> None:
        super().__init__(strip)
        self._strip = strip

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        return CELL

    @staticmethod
    def cross_rect(cell: QRect) -> QRect:
        return QRect(cell.right() - CROSS - 3, cell.top() + 3, CROSS, CROSS)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        cell: QRect = option.rect
        box = QRect(cell.left() + 4, cell.top() + 4, THUMB.width(), THUMB.height())
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#16191d"))
        painter.drawRoundedRect(box, 6, 6)
        pixmap = index.data(THUMB_ROLE)
        if isinstance(pixmap, QPixmap) and not pixmap.isNull():
            source = QRect(0, 0, pixmap.width(), pixmap.height())
            scale = max(box.width() / source.width(), box.height() / source.height())
            w, h = round(box.width() / scale), round(box.height() / scale)
            source = QRect((source.width() - w) // 2, (source.height() - h) // 2, w, h)
            painter.setClipRect(box)
            painter.drawPixmap(box, pixmap, source)
            painter.setClipping(False)
        small = QFont(painter.font())
        small.setPixelSize(11)
        small.setBold(True)
        painter.setFont(small)
        # The place in the order, top left.
        badge = QRect(box.left() + 3, box.top() + 3, 18, 16)
        painter.setBrush(QColor(0, 0, 0, 150))
        painter.drawRoundedRect(badge, 4, 4)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, str(index.row() + 1))
        duration = index.data(DURATION_ROLE)
        if isinstance(duration, float):
            text = "▶ " + clock(duration)
            width = painter.fontMetrics().horizontalAdvance(text) + 8
            tag = QRect(box.right() - width - 2, box.bottom() - 17, width, 15)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawRoundedRect(tag, 4, 4)
            painter.setPen(QColor("#ffffff"))
            painter.drawText(tag, Qt.AlignmentFlag.AlignCenter, text)
        if selected or bool(option.state & QStyle.StateFlag.State_MouseOver):
            cross = self.cross_rect(cell)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(0, 0, 0, 170))
            painter.drawEllipse(cross)
            painter.setPen(QColor("#ffffff"))
            painter.drawText(cross, Qt.AlignmentFlag.AlignCenter, "✕")
        if selected:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            pen = painter.pen()
            pen.setColor(QColor("#2563eb"))
            pen.setWidth(3)
            painter.setPen(pen)
            painter.drawRoundedRect(box.adjusted(1, 1, -1, -1), 6, 6)
        painter.restore()


class MediaList(QListWidget):
    """The thumbnails: internal drags reorder, drops of files from outside are handed on.

    Signals:
        files_dropped(list): local files dropped from outside, in order.
        remove_requested(int): the × of the row, or Delete.
        move_requested(int, int): Ctrl+Left/Right on a row: (row, -1 or +1).
    """

    files_dropped = Signal(list)
    remove_requested = Signal(int)
    move_requested = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mediaList")
        self.setViewMode(QListWidget.ViewMode.IconMode)
        self.setFlow(QListWidget.Flow.LeftToRight)
        self.setWrapping(False)
        self.setMovement(QListWidget.Movement.Snap)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setAcceptDrops(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setSpacing(0)
        self.setMouseTracking(True)
        self.setItemDelegate(_Delegate(self))
        self.setFixedHeight(CELL.height() + 20)
        self.setFrameShape(QFrame.Shape.NoFrame)

    # -- drops from outside (Explorer) and moves inside
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self._drag(event, super().dragEnterEvent)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self._drag(event, super().dragMoveEvent)

    def _drag(self, event: _Drag, inherited: Callable[[_Drag], None]) -> None:
        """A move inside the strip is the list's own; files from outside are taken, the rest refused."""
        if event.source() is self:
            inherited(event)
        elif local_files(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        if event.source() is self:
            super().dropEvent(event)
            return
        files = local_files(event.mimeData())
        if files:
            event.acceptProposedAction()
            self.files_dropped.emit(files)
        else:
            event.ignore()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        row = self.currentRow()
        control = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if row >= 0 and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.remove_requested.emit(row)
            return
        if row >= 0 and control and event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            self.move_requested.emit(row, -1 if event.key() == Qt.Key.Key_Left else 1)
            return
        super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        point = event.position().toPoint()
        item = self.itemAt(point)
        if item is not None and event.button() == Qt.MouseButton.LeftButton:
            cell = self.visualItemRect(item)
            if _Delegate.cross_rect(cell).contains(point) and (item.isSelected() or self.underMouse()):
                self.remove_requested.emit(self.row(item))
                return
        super().mousePressEvent(event)

    def cross_point(self, row: int) -> QPoint:
        """Where the × of ``row`` is (tests click it)."""
        item = self.item(row)
        return _Delegate.cross_rect(self.visualItemRect(item)).center()


class MediaStrip(QFrame):
    """The photos and clips in order; empty, it is the drop zone of before.

    Signals:
        files_dropped(list): files dropped or pasted here (the window decides what they become).
        browse_requested(): the user clicked the empty strip or its + button.
        changed(): the order, an item, or the set of items changed.
        current_changed(int): the selected row (-1: none).
    """

    files_dropped = Signal(list)
    browse_requested = Signal()
    changed = Signal()
    current_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dropzone")
        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._hover = False
        self._durations: dict[Path, float] = {}
        self._thumbs: dict[Path, QPixmap] = {}

        self.list = MediaList()
        self.empty = QWidget()
        self.title = label("sectionTitle")
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.detail = label("muted", wrap=True)
        empty_col = QVBoxLayout(self.empty)
        empty_col.setContentsMargins(14, 10, 14, 10)
        empty_col.addStretch()
        empty_col.addWidget(self.title)
        empty_col.addWidget(self.detail)
        empty_col.addStretch()
        self.empty.setMinimumHeight(CELL.height() + 20)
        self.empty.setCursor(Qt.CursorShape.PointingHandCursor)

        self.add_button = QToolButton()
        self.add_button.setText("+")
        self.add_button.setObjectName("segment")
        self.add_button.setFixedSize(28, THUMB.height())
        self.add_button.clicked.connect(self.browse_requested)
        self.count_label = label("hint")

        row = QHBoxLayout()
        row.setContentsMargins(6, 4, 6, 0)
        row.setSpacing(4)
        row.addWidget(self.list, 1)
        row.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignVCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.setSpacing(0)
        layout.addWidget(self.empty)
        layout.addLayout(row)
        footer = QHBoxLayout()
        footer.setContentsMargins(10, 0, 10, 0)
        footer.addWidget(self.count_label)
        layout.addLayout(footer)

        self.list.files_dropped.connect(self.files_dropped)
        self.list.remove_requested.connect(self.remove)
        self.list.move_requested.connect(self.move_item)
        self.list.model().rowsMoved.connect(lambda *_: self._after_reorder())
        self.list.currentRowChanged.connect(self.current_changed)
        self._restyle()
        self._show_state()
        self._retranslate()

    # ---------------------------------------------------------------- items
    def items(self) -> tuple[MediaItem, ...]:
        return tuple(self.list.item(row).data(ITEM_ROLE) for row in range(self.list.count()))

    def count(self) -> int:
        return self.list.count()

    def current_index(self) -> int:
        return self.list.currentRow()

    def current_item(self) -> MediaItem | None:
        row = self.list.currentRow()
        return self.list.item(row).data(ITEM_ROLE) if row >= 0 else None

    def select(self, row: int) -> None:
        self.list.setCurrentRow(row)

    def add(self, items: list[MediaItem], durations: dict[Path, float] | None = None) -> None:
        """Append ``items`` (already checked by the window) and select the first of them."""
        self._durations.update(durations or {})
        first = self.list.count()
        for item in items:
            self._append(item)
        self._show_state()
        if items:
            self.list.setCurrentRow(first)
        self.changed.emit()

    def set_items(self, items: list[MediaItem], durations: dict[Path, float] | None = None) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        self.list.blockSignals(False)
        self.add(items, durations)
        if not items:
            self.current_changed.emit(-1)

    def clear(self) -> None:
        self.set_items([])

    def replace_item(self, row: int, item: MediaItem) -> None:
        """An item edited (focus, fit, caption, trim): same place, same thumbnail."""
        if 0 <= row < self.list.count():
            self.list.item(row).setData(ITEM_ROLE, item)
            self.changed.emit()

    def remove(self, row: int) -> None:
        if not 0 <= row < self.list.count():
            return
        self.list.takeItem(row)
        self.list.setCurrentRow(min(row, self.list.count() - 1))
        self._show_state()
        self.list.viewport().update()
        self.changed.emit()

    def move_item(self, row: int, delta: int) -> None:
        target = row + delta
        if not (0 <= row < self.list.count() and 0 <= target < self.list.count()):
            return
        self.list.blockSignals(True)
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.blockSignals(False)
        self.list.setCurrentRow(target)
        self.list.viewport().update()
        self.changed.emit()

    def duration_of(self, path: Path) -> float | None:
        return self._durations.get(path)

    def _append(self, media: MediaItem) -> None:
        item = QListWidgetItem()
        item.setData(ITEM_ROLE, media)
        item.setToolTip(media.path.name)
        item.setSizeHint(CELL)
        if media.kind == "clip" and media.path in self._durations:
            item.setData(DURATION_ROLE, float(self._durations[media.path]))
        item.setFlags(
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        )
        self.list.addItem(item)
        cached = self._thumbs.get(media.path)
        if cached is not None:
            item.setData(THUMB_ROLE, cached)
        else:
            path = media.path
            workers.submit(
                "network",
                lambda: make_thumbnail(media),
                lambda image: self._thumb_ready(path, image),
                context=self,
            )

    def _thumb_ready(self, path: Path, image: QImage) -> None:
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(2.0)
        self._thumbs[path] = pixmap
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(ITEM_ROLE).path == path:
                item.setData(THUMB_ROLE, pixmap)

    def _after_reorder(self) -> None:
        self.list.viewport().update()
        self.changed.emit()

    # ---------------------------------------------------------------- look
    def _show_state(self) -> None:
        empty = self.list.count() == 0
        self.empty.setVisible(empty)
        self.list.setVisible(not empty)
        self.add_button.setVisible(not empty)
        self.count_label.setVisible(not empty)
        self.setCursor(Qt.CursorShape.PointingHandCursor if empty else Qt.CursorShape.ArrowCursor)
        self._retranslate()

    def _retranslate(self) -> None:
        self.setToolTip(self.tr("Drop photos and clips here, click to choose them, or paste with Ctrl+V"))
        self.setAccessibleName(self.tr("Photos and clips"))
        self.title.setText(self.tr("Drop photos and clips here"))
        self.detail.setText(self.tr("or click to browse (JPEG, PNG, WebP, MP4, MOV…)"))
        self.add_button.setToolTip(self.tr("Add photos or clips (Ctrl+O)"))
        self.list.setToolTip(self.tr("Drag to reorder, Ctrl+← / Ctrl+→ to move, Delete to remove"))
        self.count_label.setText(
            self.tr("%1 of %2  ·  drag to reorder")
            .replace("%1", str(self.count()))
            .replace("%2", str(MAX_MEDIA))
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _restyle(self) -> None:
        border = "#2563eb" if self._hover else "#b8c2cf"
        background = "#eef3ff" if self._hover else "#ffffff"
        self.setStyleSheet(
            f"QFrame#dropzone {{ border: 2px dashed {border}; border-radius: 10px; "
            f"background: {background}; }} "
            "QListWidget#mediaList { background: transparent; border: none; padding: 0; }"
        )

    # ---------------------------------------------------------------- events
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if local_files(event.mimeData()):
            event.acceptProposedAction()
            self._hover = True
            self._restyle()
        else:
            event.ignore()

    def dragLeaveEvent(self, event: QEvent) -> None:
        self._hover = False
        self._restyle()
        super().dragLeaveEvent(event)  # type: ignore[arg-type]

    def dropEvent(self, event: QDropEvent) -> None:
        self._hover = False
        self._restyle()
        files = local_files(event.mimeData())
        if files:
            event.acceptProposedAction()
            self.files_dropped.emit(files)
        else:
            event.ignore()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        inside = self.rect().contains(event.position().toPoint())
        if event.button() == Qt.MouseButton.LeftButton and inside and self.count() == 0:
            self.browse_requested.emit()
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.browse_requested.emit()
            return
        super().keyPressEvent(event)


class MediaEditor(QFrame):
    """How the selected photo or clip is shown: fit, caption, and a clip's trim and sound.

    The focus point is set by clicking the preview (the window routes the click here).

    Signals:
        item_changed(MediaItem): the user changed the selected item.
    """

    item_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mediaEditor")
        self._item: MediaItem | None = None
        self._clip_length: float | None = None
        self.name = label("sectionTitle")
        self.name.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.focus_hint = label("hint", wrap=True)
        self.detail = label("muted")
        self.fit_combo = QComboBox()
        self.fit_combo.addItem("", "cover")
        self.fit_combo.addItem("", "blur")
        self.caption_edit = QLineEdit()
        self.caption_edit.setMaxLength(60)
        self.trim_label = QLabel()
        self.trim_in = QDoubleSpinBox()
        self.trim_out = QDoubleSpinBox()
        for spin in (self.trim_in, self.trim_out):
            spin.setDecimals(1)
            spin.setSingleStep(0.5)
            spin.setSuffix(" s")
        self.keep_sound = QCheckBox()

        trim_row = QHBoxLayout()
        trim_row.setSpacing(6)
        trim_row.addWidget(self.trim_label)
        trim_row.addWidget(self.trim_in, 1)
        self.trim_dash = QLabel("–")
        trim_row.addWidget(self.trim_dash)
        trim_row.addWidget(self.trim_out, 1)
        self.clip_box = QWidget()
        clip_col = QVBoxLayout(self.clip_box)
        clip_col.setContentsMargins(0, 0, 0, 0)
        clip_col.setSpacing(4)
        clip_col.addLayout(trim_row)
        clip_col.addWidget(self.keep_sound)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(4)
        name_row = QHBoxLayout()
        name_row.addWidget(self.name, 1)
        name_row.addWidget(self.detail)
        layout.addLayout(name_row)
        layout.addWidget(self.fit_combo)
        layout.addWidget(self.caption_edit)
        layout.addWidget(self.clip_box)
        layout.addWidget(self.focus_hint)

        self.fit_combo.currentIndexChanged.connect(lambda _i: self._edited())
        self.caption_edit.textEdited.connect(lambda _t: self._edited())
        self.trim_in.valueChanged.connect(lambda _v: self._edited())
        self.trim_out.valueChanged.connect(lambda _v: self._edited())
        self.keep_sound.toggled.connect(lambda _v: self._edited())
        self._retranslate()
        self.show_item(None)

    def show_item(self, item: MediaItem | None, clip_length: float | None = None, detail: str = "") -> None:
        """Show ``item``'s settings (None: hide the editor); ``detail``: its size and weight."""
        self._item = item
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))
        self._clip_length = clip_length
        self.setVisible(item is not None)
        if item is None:
            return
        widgets = (self.fit_combo, self.caption_edit, self.trim_in, self.trim_out, self.keep_sound)
        for widget in widgets:
            widget.blockSignals(True)
        metrics = self.name.fontMetrics()
        self.name.setText(metrics.elidedText(item.path.name, Qt.TextElideMode.ElideMiddle, 180))
        self.name.setToolTip(str(item.path))
        self.fit_combo.setCurrentIndex(1 if item.fit == "blur" else 0)
        if self.caption_edit.text() != item.caption:
            self.caption_edit.setText(item.caption)
        clip = item.kind == "clip"
        self.clip_box.setVisible(clip)
        if clip:
            length = clip_length or max(item.trim_out or 0.0, item.trim_in, 1.0)
            self.trim_in.setRange(0.0, length)
            self.trim_out.setRange(0.0, length)
            self.trim_in.setValue(item.trim_in)
            self.trim_out.setValue(item.trim_out if item.trim_out is not None else length)
            self.keep_sound.setChecked(item.keep_sound)
        for widget in widgets:
            widget.blockSignals(False)
        self._retranslate()

    def _edited(self) -> None:
        item = self._item
        if item is None:
            return
        fit = "blur" if self.fit_combo.currentData() == "blur" else "cover"
        changes: dict[str, object] = {"fit": fit, "caption": self.caption_edit.text().strip()}
        if item.kind == "clip":
            trim_in = self.trim_in.value()
            trim_out = max(trim_in, self.trim_out.value())
            whole = self._clip_length is not None and trim_out >= self._clip_length - 0.05
            changes.update(
                trim_in=trim_in, trim_out=None if whole else trim_out, keep_sound=self.keep_sound.isChecked()
            )
        edited = replace(item, **changes)  # type: ignore[arg-type]
        if edited != item:
            self._item = edited
            self.item_changed.emit(edited)

    def set_focus_point(self, item: MediaItem) -> None:
        """The focus was set on the preview: keep the edited item in step."""
        self._item = item
        self._retranslate()

    def _retranslate(self) -> None:
        self.fit_combo.setItemText(0, self.tr("Fill the frame"))
        self.fit_combo.setItemText(1, self.tr("Show the whole photo (blurred background)"))
        self.fit_combo.setToolTip(self.tr("How this photo or clip fills the video"))
        self.caption_edit.setPlaceholderText(self.tr("Caption (optional), e.g. Infinity pool"))
        self.caption_edit.setAccessibleName(self.tr("Caption"))
        self.trim_label.setText(self.tr("Use"))
        self.trim_in.setToolTip(self.tr("Start of the part of the clip to use"))
        self.trim_out.setToolTip(self.tr("End of the part of the clip to use"))
        self.keep_sound.setText(self.tr("Keep the clip's sound"))
        item = self._item
        if item is not None:
            fx, fy = item.focus
            self.focus_hint.setText(
                self.tr("Click the preview to choose what stays in frame (focus %1 %, %2 %).")
                .replace("%1", str(round(fx * 100)))
                .replace("%2", str(round(fy * 100)))
            )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
