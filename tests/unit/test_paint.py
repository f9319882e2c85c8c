"""paint_frame: golden stills, determinism, text fitting, glyph coverage."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage

from helpers.golden import cases, golden_path, golden_props, render_case
from vidstudio.render.errors import ImageError, PropsError
from vidstudio.render.paint import (
    MAX_TITLE,
    aspect_for_size,
    render_frame_image,
    text_layout,
    validate_props,
)
from vidstudio.render.props import Props
from vidstudio.render.template import ASPECTS, get_template


@pytest.fixture(autouse=True)
def _app(qapp: object) -> None:
    """Fonts need a Qt application."""


def pixels(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    data = np.frombuffer(image.constBits(), dtype=np.uint8, count=image.sizeInBytes())
    return data.reshape(image.height(), image.bytesPerLine() // 4, 4)[:, : image.width(), :3].astype(np.int16)


@pytest.mark.parametrize(("template", "aspect", "frame"), cases())
def test_golden_stills(template: str, aspect: str, frame: int) -> None:
    expected_path = golden_path(template, aspect, frame)
    assert expected_path.exists(), "run scripts/make_goldens.py"
    got = pixels(render_case(template, aspect, frame))
    expected = pixels(QImage(str(expected_path)))
    assert got.shape == expected.shape
    diff = np.abs(got - expected)
    # Tolerance: font rasterisation and scaling may differ by a few levels
    # across FreeType/Qt builds; a moved or missing layer changes far more.
    assert diff.mean() < 2.0, f"mean difference {diff.mean():.2f}"
    assert np.percentile(diff, 99) < 40, f"99th percentile difference {np.percentile(diff, 99)}"


def test_painting_is_deterministic() -> None:
    template = get_template("promo")
    props = golden_props()
    first = pixels(render_frame_image(template, props, 100, QSize(480, 270)))
    from vidstudio.render.paint import scene_cache

    scene_cache.clear()
    second = pixels(render_frame_image(template, props, 100, QSize(480, 270)))
    assert np.array_equal(first, second)


def test_frames_differ_over_time_and_the_title_fades_in() -> None:
    template = get_template("promo")
    props = golden_props()
    size = QSize(480, 270)
    start = pixels(render_frame_image(template, props, 0, size))
    later = pixels(render_frame_image(template, props, 60, size))
    assert np.abs(start - later).mean() > 1.0
    # At frame 0 the title has not appeared: its area is darker than at frame 60.
    blocks = text_layout(template, props, "16:9")
    title = blocks[0].bounds
    scale = 480 / 1920
    rows = slice(int(title.top() * scale), int(title.bottom() * scale))
    cols = slice(int(title.left() * scale), int(title.right() * scale))
    assert later[rows, cols].mean() > start[rows, cols].mean() + 10


@pytest.mark.parametrize("aspect", list(ASPECTS))
@pytest.mark.parametrize("template_id", ["promo", "gallery"])
def test_a_long_title_wraps_shrinks_and_stays_in_its_box(template_id: str, aspect: str) -> None:
    template = get_template(template_id)
    long_title = "Nismara Pool Villa & Beach Club — an extraordinary private escape in Uluwatu, Bali"
    assert len(long_title) <= MAX_TITLE
    props = Props(title=long_title, subtitle="Your private escape in Bali")
    blocks = text_layout(template, props, aspect)
    title = blocks[0]
    width, height = ASPECTS[aspect]
    margin = template.safe_area * min(width, height)
    assert title.shrunk
    assert len(title.lines) > 1
    assert (
        " ".join(line.text for line in title.lines) == long_title.upper()
        or " ".join(line.text for line in title.lines) == long_title
    ), "no word may be lost"
    bounds = title.bounds
    assert bounds.left() >= title.box.left() - 0.5 and bounds.right() <= title.box.right() + 0.5
    assert bounds.top() >= title.box.top() - 0.5 and bounds.bottom() <= title.box.bottom() + 0.5
    assert bounds.left() >= margin and bounds.right() <= width - margin
    assert bounds.top() >= margin and bounds.bottom() <= height - margin


def test_text_that_cannot_fit_is_cut_visibly_and_reported() -> None:
    template = get_template("promo")
    words = " ".join(["Wonderful"] * 11)[:MAX_TITLE]
    blocks = text_layout(template, Props(title=words), "9:16")
    title = blocks[0]
    assert title.below_min
    if title.truncated:
        assert title.lines[-1].text.endswith("…")


def test_accents_and_emoji_are_drawn() -> None:
    template = get_template("promo")
    size = QSize(960, 540)
    base = Props(title="Villa", photo=None)
    plain = pixels(render_frame_image(template, base, 150, size))
    emoji = pixels(render_frame_image(template, Props(title="Villa 🌴"), 150, size))
    accents = pixels(render_frame_image(template, Props(title="Villa ¿Ñá?"), 150, size))
    assert np.abs(plain - emoji).sum() > 0
    assert np.abs(plain - accents).sum() > 0
    # The palm tree is drawn in colour (green dominates somewhere), not as a box.
    diff_area = np.abs(plain - emoji).sum(axis=2) > 30
    greens = emoji[diff_area]
    assert ((greens[:, 1] > greens[:, 0] + 30) & (greens[:, 1] > greens[:, 2])).any()


@pytest.mark.parametrize(
    ("props", "message"),
    [
        (Props(title="   "), r"^The title is empty; type a title\.$"),
        (
            Props(title="x" * (MAX_TITLE + 1)),
            r"^The title is too long \(101 characters\); keep it under 100\.$",
        ),
        (Props(title="Villa", subtitle="Hello\x07"), r"^The subtitle contains control characters"),
        (Props(title="Villa 𓀀"), r"^The title has characters the video fonts cannot draw: 𓀀$"),
    ],
)
def test_unusable_text_gets_a_plain_message(props: Props, message: str) -> None:
    with pytest.raises(PropsError, match=message):
        validate_props(props)


def test_spanish_and_emoji_text_is_valid() -> None:
    validate_props(Props(title="¡Bienvenidos a la Villa Señorial! 🌴🏖️", subtitle="Año nuevo, ¿sí? 👍🏽"))


def test_a_bad_photo_fails_with_the_file_name(tmp_path: Path) -> None:
    bad = tmp_path / "broken.jpg"
    bad.write_bytes(b"not a jpeg at all")
    with pytest.raises(ImageError, match=r"broken\.jpg"):
        render_frame_image(get_template("promo"), Props(title="x", photo=bad), 0, QSize(320, 180))


@pytest.mark.parametrize(
    ("size", "aspect"),
    [((960, 540), "16:9"), ((540, 960), "9:16"), ((500, 500), "1:1"), ((400, 500), "4:5")],
)
def test_aspect_from_size(size: tuple[int, int], aspect: str) -> None:
    assert aspect_for_size(*size) == aspect


def test_the_preview_is_the_video_scaled_down() -> None:
    """A 960x540 preview equals the 1920x1080 frame scaled to 960x540 (same layout, same wrap)."""
    from PySide6.QtCore import Qt

    template = get_template("promo")
    props = Props(title="Nismara Pool Villa and Spa Retreat", subtitle="Your private escape in Bali")
    preview = pixels(render_frame_image(template, props, 150, QSize(960, 540)))
    full = render_frame_image(template, props, 150, QSize(1920, 1080)).scaled(
        960, 540, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation
    )
    diff = np.abs(preview - pixels(full))
    assert diff.mean() < 3.0


@pytest.mark.parametrize("family", ["Inter", "EB Garamond"])
def test_template_fonts_resolve_to_a_family_qt_registered(family: str) -> None:
    """The text font is the bundled one, never the emoji fallback (whose space is 5× wider)."""
    from PySide6.QtGui import QFontInfo, QFontMetricsF

    from vidstudio.render import fonts

    font = fonts.make_font(family, 400, False, 100)
    assert font.families()[0] in fonts._loaded
    assert QFontInfo(font).family() != fonts.EMOJI_FAMILY
    # Measured: EB Garamond's space is 20 px at 100 px size; the emoji font's is 106 px.
    assert QFontMetricsF(font).horizontalAdvance(" ") < 40


def test_garamond_resolves_where_only_its_typographic_family_is_registered(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """What Qt's FreeType database (offscreen platform on Windows) registers for the OTFs."""
    from vidstudio.render import fonts

    fonts.ensure_fonts()
    monkeypatch.setattr(fonts, "_loaded", {"Inter", "EB Garamond", fonts.EMOJI_FAMILY})
    families = fonts.make_font("EB Garamond", 400, False, 100).families()
    assert families[0] == "EB Garamond"
    assert families[-1] == fonts.EMOJI_FAMILY
    assert fonts.registered_family("Inter") == "Inter"
