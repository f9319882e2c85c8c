"""The About dialog: versions of vidstudio, Qt and FFmpeg (asked of the render layer)."""

from __future__ import annotations

import PySide6
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from vidstudio import __version__
from vidstudio.render.versions import ffmpeg_version, pyav_version


def version_rows() -> list[tuple[str, str]]:
    return [
        ("vidstudio", __version__),
        ("Qt", qVersion()),
        ("PySide6", PySide6.__version__),
        ("FFmpeg", ffmpeg_version()),
        ("PyAV", pyav_version()),
    ]


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About vidstudio"))
        self.setMinimumWidth(380)
        title = QLabel("vidstudio")
        title.setObjectName("heading")
        blurb = QLabel(self.tr("One photo, a title and a subtitle become a short promo video."))
        blurb.setWordWrap(True)
        blurb.setObjectName("muted")
        form = QFormLayout()
        self.values: dict[str, str] = {}
        for name, value in version_rows():
            label = QLabel(value)
            label.setTextInteractionFlags(
                label.textInteractionFlags() | label.textInteractionFlags().TextSelectableByMouse
            )
            form.addRow(name, label)
            self.values[name] = value
        fonts = QLabel(
            self.tr("Fonts: Inter, EB Garamond and Noto Color Emoji (SIL Open Font License).")
        )
        fonts.setWordWrap(True)
        fonts.setObjectName("muted")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addWidget(blurb)
        layout.addLayout(form)
        layout.addWidget(fonts)
        layout.addWidget(buttons)
