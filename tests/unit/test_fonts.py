"""Bundled fonts: every visitor market's language draws, Han forms follow the language,
brand fonts register or fail with a plain sentence, and Remotion lists the same faces."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPainterPath, QTextLayout, QTextOption

from vidstudio.render import fonts
from vidstudio.render.errors import RenderError
from vidstudio.resources import resource_path

REPO = Path(__file__).resolve().parents[2]

# A real title per language: "seaside villa" or close to it.
SAMPLES = {
    "en": "Seaside villa",
    "es": "¡Villa junto al mar, año nuevo!",
    "zh-Hans": "海边别墅",
    "zh-Hant": "海邊別墅",
    "ja": "海辺のヴィラ",
    "ko": "바다 전망 빌라",
    "ru": "Вилла у моря",
    "hi": "समुद्र तट विला",
    "th": "วิลล่าริมทะเล",
    "id": "Vila tepi pantai",
    "ar": "فيلا على البحر",
    "he": "וילה על הים",
}
# The font Qt must draw each sample's own script with.
SCRIPT_FONT = {
    "zh-Hans": "Noto Sans CJK SC",
    "zh-Hant": "Noto Sans CJK TC",
    "ja": "Noto Sans CJK JP",
    "ko": "Noto Sans CJK KR",
    "ru": "Inter",
    "hi": "Noto Sans Devanagari",
    "th": "Noto Sans Thai",
    "id": "Inter",
    "ar": "Noto Sans Arabic",
    "he": "Noto Sans Hebrew",
}


@pytest.fixture(autouse=True)
def _app(qapp: object) -> None:
    """Fonts need a Qt application."""


def layout(text: str, font: QFont, width: float = 1e6) -> QTextLayout:
    """One paragraph laid out as paint.py lays out a text layer."""
    text_layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    option.setTextDirection(
        Qt.LayoutDirection.RightToLeft if fonts.is_rtl(text) else Qt.LayoutDirection.LeftToRight
    )
    text_layout.setTextOption(option)
    text_layout.beginLayout()
    y = 0.0
    while True:
        line = text_layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        line.setPosition(QPointF(0, y))
        y += line.height()
    text_layout.endLayout()
    return text_layout


def used_families(text: str, language: str | None, family: str = "Inter", weight: int = 400) -> set[str]:
    runs = layout(text, fonts.make_font(family, weight, False, 100, language)).glyphRuns()
    return {run.rawFont().familyName() for run in runs}


def outline(text: str, language: str | None, weight: int = 400) -> list[tuple[float, float]]:
    path = QPainterPath()
    path.addText(QPointF(0, 0), fonts.make_font("Inter", weight, False, 200, language), text)
    return [
        (round(path.elementAt(i).x, 1), round(path.elementAt(i).y, 1)) for i in range(path.elementCount())
    ]


@pytest.mark.parametrize("family", ["Inter", "EB Garamond"])
@pytest.mark.parametrize("language", SAMPLES)
def test_every_market_language_draws(language: str, family: str) -> None:
    assert fonts.missing_glyphs(SAMPLES[language], family, language) == []


@pytest.mark.parametrize("language", SCRIPT_FONT)
def test_each_script_is_drawn_by_its_own_font(language: str) -> None:
    words = "".join(char for char in SAMPLES[language] if not char.isspace())
    assert used_families(words, language) == {SCRIPT_FONT[language]}
    assert used_families(words, language, weight=800) == {SCRIPT_FONT[language]}


def test_bold_script_text_uses_the_bold_face() -> None:
    regular = layout("海边 فيلا", fonts.make_font("Inter", 400, False, 100, "zh-Hans")).glyphRuns()
    bold = layout("海边 فيلا", fonts.make_font("Inter", 800, False, 100, "zh-Hans")).glyphRuns()
    assert {run.rawFont().styleName() for run in regular if run.rawFont().familyName() != "Inter"} == {
        "Regular"
    }
    assert {run.rawFont().styleName() for run in bold if run.rawFont().familyName() != "Inter"} == {"Bold"}


@pytest.mark.parametrize("char", ["次", "返"])
@pytest.mark.parametrize("order", [1, -1])
def test_han_forms_follow_the_language(char: str, order: int) -> None:
    """One code point, four regional outlines: the chain puts the language's face first,
    whichever language drew first (Qt caches fallback engines, see fonts._REGION_HINT)."""
    languages = ["zh-Hans", "zh-Hant", "ja", "ko"][::order]
    outlines = [outline(char, language) for language in languages]
    assert all(outlines[i] != outlines[j] for i in range(4) for j in range(i + 1, 4))
    assert outline(char, None) == outline(char, "zh-Hans") == outline(char, "zh-CN")
    assert outline(char, "zh-TW") == outline(char, "zh-Hant")


def test_cjk_face_by_language() -> None:
    assert fonts.cjk_region("ja") == "JP"
    assert fonts.cjk_region("ko-KR") == "KR"
    assert fonts.cjk_region("zh-Hant") == "TC"
    assert fonts.cjk_region("zh_TW") == "TC"
    assert fonts.cjk_region("zh-Hant-HK") == "HK"
    assert fonts.cjk_region("zh-Hans") == "SC"
    assert fonts.cjk_region("zh") == "SC"
    assert fonts.cjk_region(None) == "SC"
    assert fonts.cjk_region("ar") == "SC"
    chain = fonts.font_chain("EB Garamond", "ko")
    assert chain[0] in fonts.FAMILIES["EB Garamond"]
    assert chain[1:7] == ["Inter", *fonts.SCRIPT_FAMILIES, "Noto Sans CJK KR"]
    assert chain[-1] == fonts.EMOJI_FAMILY
    assert fonts.font_chain("Inter")[0:2] == ["Inter", "Noto Sans Arabic"]


def test_arabic_letters_join_and_devanagari_forms_conjuncts() -> None:
    def glyphs(text: str) -> list[int]:
        runs = layout(text, fonts.make_font("Inter", 400, False, 100, "ar")).glyphRuns()
        return [index for run in runs for index in run.glyphIndexes()]

    # Joined, the two behs take their initial and final forms, neither the isolated one.
    isolated = glyphs("ب")
    assert len(isolated) == 1
    assert len(glyphs("بب")) == 2
    assert isolated[0] not in glyphs("بب")
    # ka + virama + ssa is one conjunct glyph (kssa).
    assert len(glyphs("क्ष")) == 1


def test_arabic_and_hebrew_run_right_to_left() -> None:
    text = "שלום"
    runs = layout(text, fonts.make_font("Inter", 400, False, 100, "he")).glyphRuns()
    assert len(runs) == 1
    assert runs[0].isRightToLeft()
    xs = [point.x() for point in runs[0].positions()]
    assert xs == sorted(xs, reverse=True)  # logical order, the first letter rightmost
    assert (
        runs[0].glyphIndexes()[0]
        == layout("ש", fonts.make_font("Inter", 400, False, 100)).glyphRuns()[0].glyphIndexes()[0]
    )


@pytest.mark.parametrize(
    ("text", "rtl"),
    [
        ("فيلا على البحر", True),
        ("וילה על הים", True),
        ("123 فيلا", True),  # digits are weak: the Arabic letter decides
        ("🌴 וילה", True),
        ("Villa فيلا", False),
        ("Villa", False),
        ("海边别墅", False),
        ("", False),
        ("123", False),
    ],
)
def test_is_rtl(text: str, rtl: bool) -> None:
    assert fonts.is_rtl(text) is rtl


def test_characters_no_font_has_are_reported() -> None:
    assert fonts.missing_glyphs("Villa 𓀀 \U0010fffd 雪") == ["𓀀", "\U0010fffd"]
    assert fonts.missing_glyphs("Villa 👍🏽 🏳️‍🌈") == []


def test_missing_in_font_ignores_fallbacks() -> None:
    assert fonts.missing_in_font("海", "Inter") == ["海"]
    assert fonts.missing_in_font("Villa 海 海 فيلا 🌴", "Inter") == ["海", "ف", "ي", "ل", "ا", "🌴"]
    assert fonts.missing_in_font("Вилла", "EB Garamond") == []
    assert fonts.missing_in_font("ab", "No Such Family") == ["a", "b"]


def test_a_users_font_registers_once(tmp_path: Path) -> None:
    brand = tmp_path / "Brand Font.ttf"
    shutil.copyfile(resource_path("fonts", "NotoSansHebrew-Bold.ttf"), brand)
    family = fonts.register_user_font(brand)
    assert family == "Noto Sans Hebrew"
    assert fonts.register_user_font(tmp_path / "." / "Brand Font.ttf") == family
    assert fonts.make_font(family, 700, False, 50).families()[0] == family
    assert fonts.missing_in_font("וילה", family) == []
    assert fonts.missing_in_font("海", family) == ["海"]
    assert fonts.missing_glyphs("海 וילה", family, "ja") == []


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            b"this is a text file, not a font\n",
            r"^notes\.ttf is not a font file vidstudio can use; choose a TTF",
        ),
        (b"", r"^notes\.ttf is not a font file vidstudio can use; choose a TTF or OTF font\.$"),
        (None, r"^The font file notes\.ttf is missing; choose it again in Settings → Brand\.$"),
    ],
)
def test_a_file_that_is_no_font_gets_a_plain_message(
    tmp_path: Path, content: bytes | None, message: str
) -> None:
    path = tmp_path / "notes.ttf"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(RenderError, match=message):
        fonts.register_user_font(path)


def test_a_folder_is_no_font(tmp_path: Path) -> None:
    (tmp_path / "fonts").mkdir()
    with pytest.raises(RenderError, match=r"^fonts is not a font file"):
        fonts.register_user_font(tmp_path / "fonts")


def test_remotion_lists_the_same_faces() -> None:
    source = (REPO / "remotion" / "src" / "fonts.ts").read_text(encoding="utf-8")
    block = source.split("const FACES", 1)[1].split("];", 1)[0]
    faces = [
        fonts.FontFace(file, family, int(weight), style)
        for family, file, weight, style in re.findall(r"\['([^']+)', '([^']+)', '(\d+)', '(\w+)'\]", block)
    ]
    assert tuple(faces) == fonts.FONT_FACES
    for face in fonts.FONT_FACES:
        assert resource_path("fonts", face.file).is_file(), face.file
    assert tuple(face.file for face in fonts.FONT_FACES) == fonts.FONT_FILES


def test_every_bundled_font_has_its_licence() -> None:
    licences = {  # file name prefix -> licence file, longest prefix first
        "NotoSansCJK": "LICENSE-NotoSansCJK.txt",
        "NotoColorEmoji": "LICENSE-NotoColorEmoji.txt",
        "NotoSans": "LICENSE-NotoSans.txt",
        "EBGaramond": "LICENSE-EBGaramond.txt",
        "Inter": "LICENSE-Inter.txt",
    }
    for face in fonts.FONT_FACES:
        licence = next(name for prefix, name in licences.items() if face.file.startswith(prefix))
        text = resource_path("fonts", licence).read_text(encoding="utf-8")
        assert "OPEN FONT LICENSE" in text.upper() or "OFL" in text, licence


def test_title_shots_per_language(tmp_path: Path) -> None:
    """A 1080p title per language; VIDSTUDIO_FONTSHOTS=folder keeps the PNGs to look at."""
    folder = Path(os.environ.get("VIDSTUDIO_FONTSHOTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    for language, text in SAMPLES.items():
        image = QImage(1920, 1080, QImage.Format.Format_RGB32)
        image.fill(QColor("#1d3557"))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setPen(QColor("white"))
        for row, (weight, px) in enumerate([(800, 150), (400, 90)]):
            title = layout(text, fonts.make_font("Inter", weight, False, px, language), 1700)
            title.draw(painter, QPointF(110, 200 + row * 400))
        painter.end()
        assert image.save(str(folder / f"{language}.png"))
        lit = sum(image.pixelColor(x, y).red() > 128 for x in range(0, 1920, 8) for y in range(150, 800, 8))
        assert lit > 50, language
