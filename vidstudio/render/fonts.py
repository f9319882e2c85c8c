"""Bundled fonts: registered once with Qt, with script fonts and colour emoji as fallbacks.

A text layer's font is a chain of families (:func:`font_chain`): the template's
(or the brand's) font, Inter for Latin, Greek and Cyrillic, Noto Sans Arabic,
Hebrew, Devanagari and Thai, Noto Sans CJK with the face of the text's language
first, and Noto Color Emoji.  Qt takes each character from the first family
that has it; ``remotion/src/fonts.ts`` builds the same list for CSS.

Han unification: one code point (直, 骨, 海) is drawn differently in Japan,
Korea, mainland China and Taiwan.  NotoSansCJK-*.ttc holds one face per region
sharing most outlines; Qt registers every face, so the language picks the face
that comes first.  Chromium loads only a collection's first face (JP) through
CSS ``FontFace`` and gets the other regions' forms from the font's ``locl``
feature when the element has a ``lang`` attribute (docs/fonts.md).
"""

from __future__ import annotations

import threading
import unicodedata
from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import QLoggingCategory
from PySide6.QtGui import QFont, QFontDatabase, QFontMetricsF, QGuiApplication

from vidstudio.messages import QT_TRANSLATE_NOOP
from vidstudio.render.errors import RenderError, input_file_size
from vidstudio.resources import resource_path

NOT_A_FONT = QT_TRANSLATE_NOOP(
    "Message", "{name} is not a font file vidstudio can use; choose a TTF or OTF font."
)
FONT_MISSING = QT_TRANSLATE_NOOP(
    "Message", "The font file {name} is missing; choose it again in Settings → Brand."
)
FONT_UNREADABLE = QT_TRANSLATE_NOOP(
    "Message", "The font file {name} cannot be read ({strerror}); choose it again in Settings → Brand."
)


class FontFace(NamedTuple):
    """One bundled font file; ``css_family``, ``weight`` and ``style`` are its CSS ``FontFace``."""

    file: str
    css_family: str
    weight: int
    style: str  # "normal" or "italic"


# Every bundled face, in registration order; remotion/src/fonts.ts FACES lists the
# same (tests/unit/test_fonts.py compares them).  Script fonts come in Regular and
# Bold only: headings use weights 700-800 and get Bold, body text 400-500 gets
# Regular, 600 gets Bold (nearest weight, in Qt and in CSS font matching alike).
FONT_FACES: tuple[FontFace, ...] = (
    FontFace("Inter-Regular.otf", "VS Inter", 400, "normal"),
    FontFace("Inter-Medium.otf", "VS Inter", 500, "normal"),
    FontFace("Inter-SemiBold.otf", "VS Inter", 600, "normal"),
    FontFace("Inter-Bold.otf", "VS Inter", 700, "normal"),
    FontFace("Inter-ExtraBold.otf", "VS Inter", 800, "normal"),
    FontFace("EBGaramond12-Regular.otf", "VS EB Garamond", 400, "normal"),
    FontFace("EBGaramond12-Italic.otf", "VS EB Garamond", 400, "italic"),
    FontFace("EBGaramond12-Bold.otf", "VS EB Garamond", 700, "normal"),
    FontFace("NotoSansArabic-Regular.ttf", "VS Noto Sans Arabic", 400, "normal"),
    FontFace("NotoSansArabic-Bold.ttf", "VS Noto Sans Arabic", 700, "normal"),
    FontFace("NotoSansHebrew-Regular.ttf", "VS Noto Sans Hebrew", 400, "normal"),
    FontFace("NotoSansHebrew-Bold.ttf", "VS Noto Sans Hebrew", 700, "normal"),
    FontFace("NotoSansDevanagari-Regular.ttf", "VS Noto Sans Devanagari", 400, "normal"),
    FontFace("NotoSansDevanagari-Bold.ttf", "VS Noto Sans Devanagari", 700, "normal"),
    FontFace("NotoSansThai-Regular.ttf", "VS Noto Sans Thai", 400, "normal"),
    FontFace("NotoSansThai-Bold.ttf", "VS Noto Sans Thai", 700, "normal"),
    FontFace("NotoSansCJK-Regular.ttc", "VS Noto Sans CJK", 400, "normal"),
    FontFace("NotoSansCJK-Bold.ttc", "VS Noto Sans CJK", 700, "normal"),
    FontFace("NotoColorEmoji.ttf", "VS Emoji", 400, "normal"),
)
FONT_FILES = tuple(face.file for face in FONT_FACES)
EMOJI_FAMILY = "Noto Color Emoji"
LATIN_FAMILY = "Inter"  # Latin, Greek and Cyrillic for a primary font that lacks them
# The scripts Inter lacks, as Qt registers them; none of their characters overlap.
SCRIPT_FAMILIES = ("Noto Sans Arabic", "Noto Sans Hebrew", "Noto Sans Devanagari", "Noto Sans Thai")
# Noto Sans CJK regions, in the order they follow the text language's own.
CJK_REGIONS = ("SC", "TC", "JP", "KR")
CJK_FAMILY = "Noto Sans CJK {region}"
# Qt (6.11 measured) caches a text font's fallback engine per primary family,
# size, weight, style, style hint and script, without the rest of the family
# list: after one Han character was drawn with [Inter, ..., CJK JP], Inter with
# [..., CJK SC] drew Japanese forms too.  A style hint per region keeps one
# cache entry per region.  The hint only picks system fonts when no family of
# the chain has a character, and missing_glyphs refuses such text anyway.
_REGION_HINT = {
    "SC": QFont.StyleHint.AnyStyle,  # Qt's default: no language, the common case
    "TC": QFont.StyleHint.System,
    "JP": QFont.StyleHint.SansSerif,
    "KR": QFont.StyleHint.Serif,
    "HK": QFont.StyleHint.Decorative,
}
# Template family name -> the names its files may be registered under, best first.
# The EB Garamond 12 files carry two: fontconfig (Linux) and DirectWrite (Qt's
# "windows" platform) register both, but Qt's own FreeType database (the offscreen
# platform on Windows) only the typographic family "EB Garamond".  Asking for a
# family that was not registered makes a fallback font the primary one: measured
# there, the emoji font's 106 px space at 100 px size instead of Garamond's 20 px.
FAMILIES: dict[str, tuple[str, ...]] = {
    "Inter": ("Inter",),
    "EB Garamond": ("EB Garamond 12", "EB Garamond"),
}

# Registering every file eagerly costs 45-65 ms in all on this machine (Linux,
# fontconfig, offscreen; the two 20 MB CJK collections ~16-26 ms each, every other
# file < 2 ms after the first), against ~8 ms before the script fonts: under the
# 150 ms worth a lazy per-script registration, so ensure_fonts() stays one step.
_lock = threading.Lock()
_loaded: set[str] = set()
_user_fonts: dict[Path, str] = {}


def ensure_fonts() -> None:
    """Register the bundled fonts with Qt (needs a QGuiApplication); idempotent."""
    if _loaded:
        return
    with _lock:
        if _loaded:
            return
        if QGuiApplication.instance() is None:
            raise RenderError(QT_TRANSLATE_NOOP("Message", "Internal error: fonts need a QGuiApplication."))
        # Qt walks the family chain for a run of Devanagari or Thai and warns, once per
        # family, that Inter or Noto Sans Arabic has no OpenType tables for that script
        # before it takes the font that has (qt.text.font.db).  That is the chain doing its
        # job, not a fault: quieted, so a render's log and strict tests see real warnings only.
        QLoggingCategory.setFilterRules("qt.text.font.db=false")
        families: set[str] = set()
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
            families.update(QFontDatabase.applicationFontFamilies(font_id))
        _loaded.update(families)  # last: a non-empty set means every file is registered


def register_user_font(path: Path) -> str:
    """Register a user's TTF or OTF file with Qt and return its family name; idempotent per path.

    The name works as ``family`` in :func:`make_font`, :func:`missing_glyphs` and
    :func:`missing_in_font`.  Raises :class:`RenderError` naming the file when it is
    missing, unreadable or not a font Qt can load.
    """
    ensure_fonts()
    key = Path(path).resolve()
    with _lock:
        if key in _user_fonts:
            return _user_fonts[key]
        input_file_size(
            key,
            RenderError,
            missing=FONT_MISSING,
            folder=NOT_A_FONT,
            unreadable=FONT_UNREADABLE,
            empty=NOT_A_FONT,
        )
        font_id = QFontDatabase.addApplicationFont(str(key))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if not families:
            if font_id >= 0:
                QFontDatabase.removeApplicationFont(font_id)
            raise RenderError(NOT_A_FONT, name=key.name)
        _loaded.update(families)
        _user_fonts[key] = families[0]
        return families[0]


def registered_family(family: str) -> str:
    """The name Qt registered the bundled fonts of template family ``family`` under.

    A family vidstudio does not bundle (a brand font from :func:`register_user_font`)
    is its own name.
    """
    ensure_fonts()
    candidates = FAMILIES.get(family, (family,))
    return next((name for name in candidates if name in _loaded), candidates[0])


def cjk_region(language: str | None) -> str:
    """The Noto Sans CJK region whose forms the language reads: ja JP, ko KR, zh-Hant TC, else SC."""
    parts = (language or "").replace("_", "-").lower().split("-")
    if parts[0] == "ja":
        return "JP"
    if parts[0] == "ko":
        return "KR"
    if parts[0] == "zh":
        if {"hk", "mo"} & set(parts[1:]):
            return "HK"
        if {"hant", "tw"} & set(parts[1:]):
            return "TC"
    return "SC"


def font_chain(family: str, language: str | None = None) -> list[str]:
    """The families Qt tries for each character, first that has it: the primary one, Inter,
    the script fonts, Noto Sans CJK with the language's region first, colour emoji."""
    first = cjk_region(language)
    regions = (first, *(region for region in CJK_REGIONS if region != first))
    chain = [registered_family(family)]
    for name in (
        LATIN_FAMILY,
        *SCRIPT_FAMILIES,
        *(CJK_FAMILY.format(region=r) for r in regions),
        EMOJI_FAMILY,
    ):
        if name not in chain:
            chain.append(name)
    return chain


def make_font(
    family: str, weight: int, italic: bool, pixel_size: float, language: str | None = None
) -> QFont:
    """A font for a template text layer: scale-independent layout, script and emoji fallbacks."""
    font = QFont()
    font.setFamilies(font_chain(family, language))
    font.setStyleHint(_REGION_HINT[cjk_region(language)])
    font.setWeight(QFont.Weight(weight))
    font.setItalic(italic)
    font.setPixelSize(max(1, round(pixel_size)))
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    font.setStyleStrategy(
        QFont.StyleStrategy(QFont.StyleStrategy.PreferAntialias | QFont.StyleStrategy.PreferOutline)
    )
    font.setKerning(True)
    return font


def missing_glyphs(text: str, family: str = "Inter", language: str | None = None) -> list[str]:
    """Characters of ``text`` that no font of the chain (:func:`font_chain`) can draw."""
    metrics = [_metrics(name) for name in font_chain(family, language) if QFontDatabase.hasFamily(name)]
    return _uncovered(text, metrics)


def missing_in_font(text: str, family: str) -> list[str]:
    """Characters of ``text`` that ``family`` alone (no fallback, no emoji) cannot draw."""
    name = registered_family(family)
    return _uncovered(text, [_metrics(name)] if QFontDatabase.hasFamily(name) else [])


def is_rtl(text: str) -> bool:
    """Whether the first strong directional character of ``text`` is right-to-left (Hebrew, Arabic)."""
    for char in text:
        direction = unicodedata.bidirectional(char)
        if direction in ("R", "AL"):
            return True
        if direction == "L":
            return False
    return False


def _uncovered(text: str, metrics: list[QFontMetricsF]) -> list[str]:
    missing: list[str] = []
    for char in text:
        code = ord(char)
        if char.isspace() or code in (0x200C, 0x200D, 0xFE0F, 0xFE0E) or 0x1F3FB <= code <= 0x1F3FF:
            continue  # joiners, variation selectors and skin tones combine with a base glyph
        if 0xE0020 <= code <= 0xE007F:
            continue  # tag characters (flag sequences)
        if any(metric.inFontUcs4(code) for metric in metrics):
            continue
        if char not in missing:
            missing.append(char)
    return missing


def _metrics(family: str) -> QFontMetricsF:
    # No merging: ask the font itself, not whatever the system falls back to.
    font = QFont(family)
    font.setPixelSize(40)
    font.setStyleStrategy(QFont.StyleStrategy.NoFontMerging)
    return QFontMetricsF(font)
