"""The photo drop zone: drag from Explorer, click to browse; shows the photo's name and size."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QSize, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QImage, QMouseEvent, QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from vidstudio.render.images import SUPPORTED_SUFFIXES
from vidstudio.ui.desktop import human_size
from vidstudio.ui.widgets import label

THUMB = QSize(96, 64)


def local_files(mime: QMimeData) -> list[Path]:
    if not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


def is_image_name(path: Path) -> bool:
    return path.suffix.lower() in SUPPORTED_SUFFIXES


class DropZone(QFrame):
    """Accepts image files.

    Signals:
        files_dropped(list): paths of the dropped (or chosen) files, images or not.
        browse_requested(): the user clicked the zone.
    """

    files_dropped = Signal(list)
    browse_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dropzone")
        self.setAcceptDrops(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumHeight(96)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._hover = False
        self._photo: Path | None = None
        self._info = ""

        self.thumb = QLabel()
        self.thumb.setFixedSize(THUMB)
        self.thumb.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thumb.hide()
        self.title = label("sectionTitle")
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.detail = label("muted", wrap=True)
        text = QVBoxLayout()
        text.setSpacing(2)
        text.addStretch()
        text.addWidget(self.title)
        text.addWidget(self.detail)
        text.addStretch()
        row = QHBoxLayout(self)
        row.setContentsMargins(14, 10, 14, 10)
        row.setSpacing(12)
        row.addWidget(self.thumb)
        row.addLayout(text, 1)
        self._restyle()
        self._retranslate()

    # ---------------------------------------------------------------- state
    def set_photo(self, path: Path | None, image: QImage | None = None, info: str = "") -> None:
        self._photo = path
        self._info = info
        if path is not None and image is not None and not image.isNull():
            pix = QPixmap.fromImage(
                image.scaled(
                    THUMB,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
            self.thumb.setPixmap(pix)
            self.thumb.show()
        else:
            self.thumb.clear()
            self.thumb.hide()
        self._retranslate()

    def _retranslate(self) -> None:
        self.setToolTip(self.tr("Drop a photo here, click to choose one, or paste with Ctrl+V"))
        self.setAccessibleName(self.tr("Photo"))
        if self._photo is None:
            self.title.setText(self.tr("Drop a photo here"))
            self.detail.setText(self.tr("or click to browse (JPEG, PNG, WebP…)"))
        else:
            self._elide_title()
            self.detail.setText(self._info + "\n" + self.tr("Drop or click to replace"))

    def _elide_title(self) -> None:
        if self._photo is None:
            return
        width = max(60, self.title.width())
        metrics = self.title.fontMetrics()
        self.title.setText(metrics.elidedText(self._photo.name, Qt.TextElideMode.ElideMiddle, width))
        self.title.setToolTip(str(self._photo))

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().resizeEvent(event)
        self._elide_title()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _restyle(self) -> None:
        border = "#2563eb" if self._hover else "#b8c2cf"
        background = "#eef3ff" if self._hover else "#ffffff"
        self.setStyleSheet(
            f"QFrame#dropzone {{ border: 2px dashed {border}; border-radius: 10px; "
            f"background: {background}; }}"
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
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.browse_requested.emit()
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.browse_requested.emit()
            return
        super().keyPressEvent(event)


def photo_info(width: int, height: int, file_size: int) -> str:
    return f"{width} × {height}  ·  {human_size(file_size)}"
