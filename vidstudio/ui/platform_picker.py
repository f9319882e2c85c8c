"""The editor's "Platform" row: where the video will be posted, and its interface's zones.

Choosing a platform sets the aspect it shows full screen; choosing an aspect the platform
does not show drops the platform.  "Show platform zones" draws the parts of the picture the
platform's own interface covers over the preview (:meth:`PreviewCanvas.set_zones`), and
the length hint says when the video is longer (or shorter) than the platform takes.
The presets are :mod:`vidstudio.render.platforms`; the platform chosen when a render is
queued is the one its preflight checks before publishing.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QVBoxLayout, QWidget

from vidstudio.render.platforms import PLATFORMS, Platform

Zones = list[tuple[str, tuple[float, float, float, float]]]


def platform_name(platform: Platform) -> str:
    return QCoreApplication.translate("Platform", platform.name)


def zone_name(name: str) -> str:
    """What a zone is called on the preview ("caption" → "Caption and account")."""
    names = {
        "top_bar": QCoreApplication.translate("PlatformPicker", "Top bar"),
        "actions": QCoreApplication.translate("PlatformPicker", "Buttons"),
        "caption": QCoreApplication.translate("PlatformPicker", "Caption and account"),
        "reply_bar": QCoreApplication.translate("PlatformPicker", "Reply bar"),
        "grid_crop_left": QCoreApplication.translate("PlatformPicker", "Cut in the grid"),
        "grid_crop_right": QCoreApplication.translate("PlatformPicker", "Cut in the grid"),
        "title_bar": QCoreApplication.translate("PlatformPicker", "Title bar"),
        "controls": QCoreApplication.translate("PlatformPicker", "Player controls"),
    }
    return names.get(name, name.replace("_", " ").capitalize())


def length_hint(platform: Platform | None, seconds: float) -> str:
    """ "" when ``platform`` takes a video of ``seconds``, else one plain sentence."""
    if platform is None:
        return ""
    if seconds > platform.max_duration:
        return (
            QCoreApplication.translate("PlatformPicker", "%1 takes videos up to %2 s; this one lasts %3 s.")
            .replace("%1", platform_name(platform))
            .replace("%2", f"{platform.max_duration:g}")
            .replace("%3", f"{seconds:g}")
        )
    if seconds < platform.min_duration:
        return (
            QCoreApplication.translate(
                "PlatformPicker", "%1 needs videos of at least %2 s; this one lasts %3 s."
            )
            .replace("%1", platform_name(platform))
            .replace("%2", f"{platform.min_duration:g}")
            .replace("%3", f"{seconds:g}")
        )
    return ""


class PlatformPicker(QWidget):
    """The platform combo ("Any platform" first) and the zones toggle.

    Signals:
        changed(): the platform or the zones toggle changed.
        aspect_wanted(str): a platform was chosen that shows another aspect full screen.
    """

    changed = Signal()
    aspect_wanted = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combo = QComboBox()
        self.combo.addItem("", "")
        for platform in PLATFORMS.values():
            self.combo.addItem("", platform.id)
        self.zones_toggle = QCheckBox()
        self._aspect = "16:9"
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        row = QHBoxLayout()
        row.addWidget(self.combo, 1)
        layout.addLayout(row)
        layout.addWidget(self.zones_toggle)
        self.combo.currentIndexChanged.connect(lambda _index: self._chosen())
        self.zones_toggle.toggled.connect(lambda _on: self.changed.emit())
        self._retranslate()

    def platform(self) -> Platform | None:
        return PLATFORMS.get(self.combo.currentData() or "")

    def set_platform(self, platform_id: str) -> None:
        self.combo.setCurrentIndex(max(0, self.combo.findData(platform_id)))

    def zones(self) -> Zones:
        """The zones to draw over the preview (none unless the toggle is on)."""
        platform = self.platform()
        if platform is None or not self.zones_toggle.isChecked():
            return []
        return [(zone_name(zone.name), (zone.x, zone.y, zone.w, zone.h)) for zone in platform.zones]

    def set_aspect(self, aspect: str) -> None:
        """The editor's aspect changed: a platform that does not show it is dropped."""
        self._aspect = aspect
        platform = self.platform()
        if platform is not None and aspect not in platform.accepts:
            self.combo.setCurrentIndex(0)

    def _chosen(self) -> None:
        platform = self.platform()
        self.zones_toggle.setEnabled(platform is not None)
        if platform is not None and self._aspect not in platform.accepts:
            self.aspect_wanted.emit(platform.aspect)
        self.changed.emit()

    def _retranslate(self) -> None:
        self.combo.setItemText(0, self.tr("Any platform"))
        for index in range(1, self.combo.count()):
            platform = PLATFORMS[self.combo.itemData(index)]
            self.combo.setItemText(index, f"{platform_name(platform)} ({platform.aspect})")
        self.combo.setToolTip(self.tr("Where the video will be posted: its shape and length limits"))
        self.zones_toggle.setText(self.tr("Show platform zones"))
        self.zones_toggle.setToolTip(
            self.tr("Shade the parts of the picture the app's buttons and captions cover")
        )
        self.zones_toggle.setEnabled(self.platform() is not None)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
