"""Bundled fonts: registered once with Qt, with colour emoji as the fallback."""

from __future__ import annotations

import threading

from PySide6.QtGui import QFont, QFontDatabase, QFontMetricsF, QGuiApplication

from vidstudio.messages import QT_TRANSLATE_NOOP
from vidstudio.render.errors import RenderError
from vidstudio.resources import resource_path

FONT_FILES = (
    "Inter-Regular.otf",
    "Inter-Medium.otf",
    "Inter-SemiBold.otf",
    "Inter-Bold.otf",
    "Inter-ExtraBold.otf",
    "EBGaramond12-Regular.otf",
    "EBGaramond12-Italic.otf",
    "EBGaramond12-Bold.otf",
    "NotoColorEmoji.ttf",
)
EMOJI_FAMILY = "Noto Color Emoji"
# Template family name -> the names its files may be registered under, best first.
# The EB Garamond 12 files carry two: fontconfig (Linux) and DirectWrite (Qt's
# "windows" platform) register both, but Qt's own FreeType database (the offscreen
# platform on Windows) only the typographic family "EB Garamond".  Asking for a
# family that was not registered makes the emoji font the primary one: measured
# there, its 106 px space at 100 px size instead of Garamond's 20 px.
FAMILIES: dict[str, tuple[str, ...]] = {
    "Inter": ("Inter",),
    "EB Garamond": ("EB Garamond 12", "EB Garamond"),
}

_lock = threading.Lock()
_loaded: set[str] = set()


def ensure_fonts() -> None:
    """Register the bundled fonts with Qt (needs a QGuiApplication); idempotent."""
    if _loaded:
        return
    with _lock:
        if _loaded:
            return
        if QGuiApplication.instance() is None:
            raise RenderError(QT_TRANSLATE_NOOP("Message", "Internal error: fonts need a QGuiApplication."))
        for name in FONT_FILES:
            path = resource_path("fonts", name)
            font_id = QFontDatabase.addApplicationFont(str(path))
            if font_id < 0:
                raise RenderError(
                    QT_TRANSLATE_NOOP(
                        "Message", "The bundled font {name} is missing or damaged; reinstall vidstudio."
                    ),
                    name=name,
                )
            _loaded.update(QFontDatabase.applicationFontFamilies(font_id))


def registered_family(family: str) -> str:
    """The name Qt registered the bundled fonts of template family ``family`` under."""
    ensure_fonts()
    candidates = FAMILIES.get(family, (family,))
    return next((name for name in candidates if name in _loaded), candidates[0])


def make_font(family: str, weight: int, italic: bool, pixel_size: float) -> QFont:
    """A font for a template text layer: scale-independent layout, emoji fallback."""
    ensure_fonts()
    font = QFont()
    font.setFamilies([registered_family(family), EMOJI_FAMILY])
    font.setWeight(QFont.Weight(weight))
    font.setItalic(italic)
    font.setPixelSize(max(1, round(pixel_size)))
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    font.setStyleStrategy(
        QFont.StyleStrategy(QFont.StyleStrategy.PreferAntialias | QFont.StyleStrategy.PreferOutline)
    )
    font.setKerning(True)
    return font


def missing_glyphs(text: str, family: str = "Inter") -> list[str]:
    """Characters of ``text`` that neither the text font nor the emoji font can draw."""
    ensure_fonts()
    main = QFontMetricsF(_single_font(registered_family(family)))
    emoji = QFontMetricsF(_single_font(EMOJI_FAMILY))
    missing: list[str] = []
    for char in text:
        code = ord(char)
        if char.isspace() or code in (0x200D, 0xFE0F, 0xFE0E) or 0x1F3FB <= code <= 0x1F3FF:
            continue  # joiners, variation selectors and skin tones combine with a base glyph
        if 0xE0020 <= code <= 0xE007F:
            continue  # tag characters (flag sequences)
        if main.inFontUcs4(code) or emoji.inFontUcs4(code):
            continue
        if char not in missing:
            missing.append(char)
    return missing


def _single_font(family: str) -> QFont:
    # No merging: ask the bundled font itself, not whatever the system falls back to.
    font = QFont(family)
    font.setPixelSize(40)
    font.setStyleStrategy(QFont.StyleStrategy.NoFontMerging)
    return font
