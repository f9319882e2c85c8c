"""``paint_frame``: the one drawing function of vidstudio.

The renderer, poster stills and the preview widget all call it, so the preview
is the video.  Work that does not change from frame to frame (decoding and
scaling the photo, laying out and rasterising text) is done once per scene and
cached; a frame then costs a few image blits.

Text is laid out at the aspect's reference size (1920×1080 for 16:9, ...) and
rasterised at the size actually painted, so a 960×540 preview wraps lines
exactly where the 1080p video does.
"""

from __future__ import annotations

import contextlib
import math
import threading
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from typing import Any, get_args

from PySide6.QtCore import QPointF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPen,
    QTextLayout,
    QTextOption,
)

from vidstudio.messages import QT_TRANSLATE_NOOP
from vidstudio.render.errors import PropsError
from vidstudio.render.fonts import is_rtl, make_font, missing_glyphs, missing_in_font
from vidstudio.render.images import MAX_SHORT_SIDE, image_cache, load_image, probe_image
from vidstudio.render.listing import RTL_LANGUAGES, check_language, qr_code
from vidstudio.render.props import MAX_DURATION, MAX_MEDIA, MIN_DURATION, MediaItem, Props
from vidstudio.render.template import (
    ASPECTS,
    PLACEHOLDERS,
    REFERENCE_SHORT_SIDE,
    Animation,
    EasingName,
    GradientLayer,
    KenBurns,
    LogoLayer,
    PhotoLayer,
    QrLayer,
    SolidLayer,
    Template,
    TextLayer,
    background_color,
    layers_for,
    resolve_layers,
)
from vidstudio.render.timeline import Scene as TimelineScene
from vidstudio.render.timeline import scene_layer, timeline

MAX_TITLE = 100
MAX_SUBTITLE = 160
MAX_CTA = 80
# Below its ``min_size`` a text may shrink to this fraction of it before it is cut.
HARD_FLOOR = 0.6


def validate_props(props: Props) -> None:
    """Raise :class:`PropsError` with a plain message when the words, the number of media
    or the length cannot be used (the files themselves: ``render.media.check_media``)."""
    if len(props.media) > MAX_MEDIA:
        raise PropsError(
            QT_TRANSLATE_NOOP(
                "Message", "A video can have at most {limit} photos and clips; this one has {count}."
            ),
            limit=MAX_MEDIA,
            count=len(props.media),
        )
    if props.duration is not None and not MIN_DURATION <= props.duration <= MAX_DURATION:
        raise PropsError(
            QT_TRANSLATE_NOOP(
                "Message", "A video lasts from {low} to {high} seconds; {value} seconds is outside that."
            ),
            low=f"{MIN_DURATION:g}",
            high=f"{MAX_DURATION:g}",
            value=f"{props.duration:g}",
        )
    if not props.title.strip():
        raise PropsError(QT_TRANSLATE_NOOP("Message", "The title is empty; type a title."))
    check_language(props.language)
    if props.brand is not None:
        props.brand.check()
        _check_brand_fonts(props)
    # One sentence per field, so each reads naturally once translated.
    checks = (
        (
            props.title,
            MAX_TITLE,
            QT_TRANSLATE_NOOP(
                "Message", "The title is too long ({count} characters); keep it under {limit}."
            ),
            QT_TRANSLATE_NOOP("Message", "The title contains control characters; retype it."),
            QT_TRANSLATE_NOOP("Message", "The title has characters the video fonts cannot draw: {chars}"),
        ),
        (
            props.subtitle,
            MAX_SUBTITLE,
            QT_TRANSLATE_NOOP(
                "Message", "The subtitle is too long ({count} characters); keep it under {limit}."
            ),
            QT_TRANSLATE_NOOP("Message", "The subtitle contains control characters; retype it."),
            QT_TRANSLATE_NOOP("Message", "The subtitle has characters the video fonts cannot draw: {chars}"),
        ),
        (
            props.cta,
            MAX_CTA,
            QT_TRANSLATE_NOOP(
                "Message", "The call to action is too long ({count} characters); keep it under {limit}."
            ),
            QT_TRANSLATE_NOOP("Message", "The call to action contains control characters; retype it."),
            QT_TRANSLATE_NOOP(
                "Message", "The call to action has characters the video fonts cannot draw: {chars}"
            ),
        ),
    )
    listing_checks = (
        (
            props.listing.location,
            QT_TRANSLATE_NOOP("Message", "The location has characters the video fonts cannot draw: {chars}"),
        ),
        (
            props.listing.offer,
            QT_TRANSLATE_NOOP("Message", "The offer has characters the video fonts cannot draw: {chars}"),
        ),
    )
    for value, limit, too_long, control, undrawable in checks:
        if len(value) > limit:
            raise PropsError(too_long, count=len(value), limit=limit)
        if any(ord(c) < 32 and c not in "\n" for c in value):
            raise PropsError(control)
        missing = missing_glyphs(value, language=props.language)
        if missing:
            raise PropsError(undrawable, chars=" ".join(missing[:5]))
    for value, undrawable in listing_checks:
        missing = missing_glyphs(value, language=props.language)
        if missing:
            raise PropsError(undrawable, chars=" ".join(missing[:5]))


# Letters a brand's own font must have itself: Latin, Greek and Cyrillic.  A title in
# Chinese or Arabic with a Latin brand font is drawn in the bundled Noto font of its
# script, as a reader expects; a missing "é" in a Latin font would mix two fonts in
# one word, so it is named instead.
_OWN_FONT_LIMIT = 0x0530


def _check_brand_fonts(props: Props) -> None:
    assert props.brand is not None
    for slot, texts in (("heading", (props.title, props.cta)), ("body", (props.subtitle,))):
        path = props.brand.font_file(slot)
        if path is None:
            continue
        family = props.brand.family(slot)
        text = "".join(texts)
        lacking = [c for c in missing_in_font(text, family) if ord(c) < _OWN_FONT_LIMIT]
        if lacking:
            raise PropsError(
                QT_TRANSLATE_NOOP(
                    "Message",
                    "The brand font {font} cannot draw {chars}; choose another font in Settings → Brand.",
                ),
                font=path.name,
                chars=" ".join(lacking[:5]),
            )


# ---------------------------------------------------------------- easing


def _ease(name: str, t: float) -> float:
    t = min(1.0, max(0.0, t))
    if name == "linear":
        return t
    if name == "ease_in":
        return t * t
    if name == "ease_out":
        return 1 - (1 - t) * (1 - t)
    if name == "ease_in_out":
        return 2 * t * t if t < 0.5 else 1 - (-2 * t + 2) ** 2 / 2
    if name == "ease_out_cubic":
        return 1 - (1 - t) ** 3
    if name == "ease_in_out_cubic":
        return 4 * t * t * t if t < 0.5 else 1 - (-2 * t + 2) ** 3 / 2
    if name == "ease_out_back":
        c1 = 1.70158
        c3 = c1 + 1
        return 1 + c3 * (t - 1) ** 3 + c1 * (t - 1) ** 2
    raise ValueError(name)


def _easing(name: str) -> Callable[[float], float]:
    return lambda t: _ease(name, t)


# The names come from the template schema's EasingName, so a new easing is added in one place.
EASINGS: dict[str, Callable[[float], float]] = {name: _easing(name) for name in get_args(EasingName)}


@dataclass(frozen=True)
class _State:
    opacity: float
    dx: float  # fraction of the canvas's short side
    dy: float
    scale: float


def _anim_state(anim: Animation, progress: float) -> _State:
    """State of an entrance animation at eased ``progress`` (0 = hidden, 1 = in place)."""
    opacity, dx, dy, scale = 1.0, 0.0, 0.0, 1.0
    if "fade" in anim.effects:
        opacity = min(1.0, max(0.0, progress))
    if "slide" in anim.effects:
        dx = anim.slide[0] * (1 - progress)
        dy = anim.slide[1] * (1 - progress)
    if "scale" in anim.effects:
        scale = anim.scale_from + (1 - anim.scale_from) * progress
    return _State(opacity, dx, dy, scale)


def layer_state(layer: Any, t: float, duration: float) -> _State | None:
    """Visibility and transform of a layer at time ``t`` seconds (None: not drawn)."""
    end = layer.end if layer.end is not None else duration
    if t < layer.start or t >= end:
        return None
    opacity, dx, dy, scale = layer.opacity, 0.0, 0.0, 1.0
    for anim, progress in _phases(layer, t, end):
        state = _anim_state(anim, progress)
        opacity *= state.opacity
        dx += state.dx
        dy += state.dy
        scale *= state.scale
    if opacity <= 0.0:
        return None
    return _State(opacity, dx, dy, scale)


def _phases(layer: Any, t: float, end: float) -> list[tuple[Animation, float]]:
    phases: list[tuple[Animation, float]] = []
    if layer.entrance is not None:
        anim = layer.entrance
        raw = (t - layer.start - anim.delay) / anim.duration
        phases.append((anim, EASINGS[anim.easing](raw)))
    if layer.exit is not None:
        anim = layer.exit
        begin = end - anim.duration - anim.delay
        raw = 1.0 - (t - begin) / anim.duration
        phases.append((anim, EASINGS[anim.easing](raw)))
    return phases


# ---------------------------------------------------------------- geometry


def aspect_for_size(width: int, height: int) -> str:
    """The preset whose ratio is closest to ``width``×``height``."""
    ratio = width / max(1, height)
    return min(ASPECTS, key=lambda a: abs(math.log(ratio * ASPECTS[a][1] / ASPECTS[a][0])))


def _rect(box: tuple[float, float, float, float], w: float, h: float) -> QRectF:
    return QRectF(box[0] * w, box[1] * h, box[2] * w, box[3] * h)


def _safe_rect(template: Template, w: float, h: float) -> QRectF:
    margin = template.safe_area * min(w, h)
    return QRectF(margin, margin, w - 2 * margin, h - 2 * margin)


def _color(value: str) -> QColor:
    if len(value) == 9:  # #RRGGBBAA (CSS order) -> QColor
        color = QColor(value[:7])
        color.setAlpha(int(value[7:9], 16))
        return color
    return QColor(value)


# ---------------------------------------------------------------- text


@dataclass(frozen=True)
class TextLine:
    text: str
    x: float  # in reference pixels, relative to the canvas
    y: float  # top of the line box
    width: float


@dataclass(frozen=True)
class TextBlock:
    """A laid-out text layer, in the aspect's reference pixels."""

    layer_index: int
    text: str
    family: str
    weight: int
    italic: bool
    font_px: float
    line_height_px: float
    letter_spacing: float
    lines: tuple[TextLine, ...]
    box: QRectF  # the (safe) box the text was fitted into
    bounds: QRectF  # where the glyphs' line boxes are
    shrunk: bool  # smaller than the template's preferred size
    below_min: bool  # smaller than the template's minimum size
    truncated: bool  # did not fit at all: the last line ends with an ellipsis
    language: str = "en"  # picks the CJK face (Han characters differ between zh, ja and ko)
    rtl: bool = False  # Arabic, Hebrew: laid out and drawn right to left


def _resolve_text(layer: TextLayer, props: Props, caption: str = "") -> str:
    text = layer.text
    any_placeholder = False
    any_value = False
    for name in PLACEHOLDERS:
        token = "{" + name + "}"
        if token in text:
            any_placeholder = True
            value = (caption if name == "caption" else props.text_for(name)).strip()
            any_value = any_value or bool(value)
            text = text.replace(token, value)
    if any_placeholder and not any_value:
        return ""
    text = " ".join(part for part in text.replace("\n", " \n ").split(" ") if part)
    text = text.replace(" \n ", "\n").replace("\n ", "\n").replace(" \n", "\n")
    return text.upper() if layer.font.uppercase else text


def _font_for(layer: TextLayer, px: float, language: str = "en") -> QFont:
    font = make_font(layer.font.family, layer.font.weight, layer.font.italic, px, language)
    if layer.font.letter_spacing:
        font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, layer.font.letter_spacing * px)
    return font


def _text_option(wrap: QTextOption.WrapMode, rtl: bool) -> QTextOption:
    option = QTextOption()
    option.setWrapMode(wrap)
    # Right to left: Qt's bidi algorithm orders the runs, and lines break where a reader expects.
    option.setTextDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
    return option


def _wrap(text: str, font: QFont, width: float, rtl: bool = False) -> list[tuple[str, float]] | None:
    """Lines of ``text`` wrapped to ``width``; None when a single word is too wide."""
    lines: list[tuple[str, float]] = []
    option = _text_option(QTextOption.WrapMode.WordWrap, rtl)
    for paragraph in text.split("\n"):
        layout = QTextLayout(paragraph, font)
        layout.setTextOption(option)
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            segment = paragraph[line.textStart() : line.textStart() + line.textLength()]
            natural = line.naturalTextWidth()
            if natural > width + 0.5:
                layout.endLayout()
                return None
            lines.append((segment.rstrip(), natural))
        layout.endLayout()
    return lines


def layout_text(
    template: Template, layer: TextLayer, index: int, props: Props, aspect: str, caption: str = ""
) -> TextBlock | None:
    """Fit a text layer into its box: wrap, then shrink until it fits (None if empty)."""
    text = _resolve_text(layer, props, caption)
    if not text:
        return None
    language = props.language
    # An Arabic or Hebrew video lays out every line right to left, a Latin place name too.
    rtl = language in RTL_LANGUAGES or is_rtl(text)
    ref_w, ref_h = ASPECTS[aspect]
    short = min(ref_w, ref_h)
    box = _rect(layer.box, ref_w, ref_h).intersected(_safe_rect(template, ref_w, ref_h))
    preferred = layer.font.size * short
    minimum = layer.font.min_size * short
    floor = max(8.0, minimum * HARD_FLOOR)

    if layer.background is not None:  # a badge: its padding is inside the box
        pad_x, pad_y = (v * short for v in layer.background.padding)
        box = box.adjusted(pad_x, pad_y, -pad_x, -pad_y)

    def attempt(px: float) -> list[tuple[str, float]] | None:
        font = _font_for(layer, px, language)
        lines = _wrap(text, font, box.width(), rtl)
        if lines is None or len(lines) > layer.max_lines:
            return None
        if len(lines) * px * layer.font.line_height > box.height() + 0.5:
            return None
        return lines

    px = preferred
    lines = attempt(px)
    if lines is None:
        # Largest size that fits, by bisection between the floor and the preferred size.
        lo, hi = floor, preferred
        best: tuple[float, list[tuple[str, float]]] | None = None
        if (fit := attempt(lo)) is not None:
            best = (lo, fit)
            for _ in range(12):
                mid = (lo + hi) / 2
                fit = attempt(mid)
                if fit is None:
                    hi = mid
                else:
                    lo, best = mid, (mid, fit)
        if best is not None:
            px, lines = best[0], best[1]
    truncated = False
    if lines is None:
        px = floor
        lines, truncated = _truncate(text, _font_for(layer, px, language), box, layer, px, rtl)
    block = _place(template, layer, index, text, px, lines, box, preferred, minimum, truncated, rtl)
    return replace(block, language=language, rtl=rtl)


def _truncate(
    text: str, font: QFont, box: QRectF, layer: TextLayer, px: float, rtl: bool = False
) -> tuple[list[tuple[str, float]], bool]:
    """Lines that fit at the floor size, the last one ending in an ellipsis."""
    max_lines = max(1, min(layer.max_lines, int((box.height() + 0.5) // (px * layer.font.line_height))))
    metrics = QFontMetricsF(font)
    option = _text_option(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere, rtl)
    layout = QTextLayout(text.replace("\n", " "), font)
    layout.setTextOption(option)
    layout.beginLayout()
    lines: list[tuple[str, float]] = []
    flat = text.replace("\n", " ")
    consumed = 0
    while len(lines) < max_lines:
        line = layout.createLine()
        if not line.isValid():
            break  # never read an invalid line: on Windows that is an access violation
        line.setLineWidth(box.width())
        start, length = line.textStart(), line.textLength()
        lines.append((flat[start : start + length].rstrip(), line.naturalTextWidth()))
        consumed = start + length
    layout.endLayout()
    if consumed < len(flat) and lines:
        last = metrics.elidedText(
            lines[-1][0] + " " + flat[consumed:], Qt.TextElideMode.ElideRight, box.width()
        )
        lines[-1] = (last, metrics.horizontalAdvance(last))
    return lines, True


def _place(
    template: Template,
    layer: TextLayer,
    index: int,
    text: str,
    px: float,
    lines: list[tuple[str, float]],
    box: QRectF,
    preferred: float,
    minimum: float,
    truncated: bool,
    rtl: bool = False,
) -> TextBlock:
    line_h = px * layer.font.line_height
    # A right-to-left text starts at the right: a left-aligned layer (a caption) mirrors.
    align = {"left": "right", "right": "left"}.get(layer.align, layer.align) if rtl else layer.align
    total_h = line_h * len(lines)
    if layer.valign == "top":
        top = box.top()
    elif layer.valign == "bottom":
        top = box.bottom() - total_h
    else:
        top = box.top() + (box.height() - total_h) / 2
    placed: list[TextLine] = []
    for i, (segment, width) in enumerate(lines):
        if align == "left":
            x = box.left()
        elif align == "right":
            x = box.right() - width
        else:
            x = box.left() + (box.width() - width) / 2
        placed.append(TextLine(segment, x, top + i * line_h, width))
    left = min((ln.x for ln in placed), default=box.left())
    right = max((ln.x + ln.width for ln in placed), default=box.left())
    return TextBlock(
        layer_index=index,
        text=text,
        family=layer.font.family,
        weight=layer.font.weight,
        italic=layer.font.italic,
        font_px=px,
        line_height_px=line_h,
        letter_spacing=layer.font.letter_spacing,
        lines=tuple(placed),
        box=box,
        bounds=QRectF(left, top, right - left, total_h),
        shrunk=px < preferred - 0.5,
        below_min=px < minimum - 0.5,
        truncated=truncated,
    )


def text_layout(template: Template, props: Props, aspect: str) -> list[TextBlock]:
    """Every visible text layer laid out for ``aspect`` (the UI's length hints use this)."""
    blocks: list[TextBlock] = []
    for index, layer in resolve_layers(
        template, aspect, props.end_card, None, props.brand, props.has_listing
    ):
        if not isinstance(layer, TextLayer):
            continue
        block = layout_text(template, layer, index, props, aspect)
        if block is not None:
            blocks.append(block)
    return blocks


def _rasterise_text(layer: TextLayer, block: TextBlock, scale: float) -> tuple[QImage, QPointF]:
    """Draw a text block (badge, shadow, outline, fill) into its own image at ``scale``."""
    font = _font_for(layer, block.font_px, block.language)
    pad = 0.0
    badge = _badge_rect(layer, block)
    if badge is not None:
        pad = max(pad, badge.right() - block.bounds.right(), badge.bottom() - block.bounds.bottom())
    if layer.shadow is not None:
        pad = max(pad, (layer.shadow.blur * 3 + max(map(abs, layer.shadow.offset))) * 1080)
    if layer.outline is not None:
        pad = max(pad, layer.outline.width * 1080)
    pad += block.font_px * 0.35  # descenders, accents above capitals, italic overhang
    bounds = block.bounds.adjusted(-pad, -pad, pad, pad)
    width = max(1, math.ceil(bounds.width() * scale))
    height = max(1, math.ceil(bounds.height() * scale))
    origin = bounds.topLeft()

    def draw_glyphs(target: QImage, color: QColor | None, with_outline: bool) -> None:
        painter = QPainter(target)
        painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        painter.scale(scale, scale)
        painter.translate(-origin)
        if block.rtl:
            painter.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        metrics = QFontMetricsF(font)
        ascent = metrics.ascent()
        leading = (block.line_height_px - metrics.height()) / 2
        for line in block.lines:
            baseline = QPointF(line.x, line.y + leading + ascent)
            if with_outline and layer.outline is not None:
                path = QPainterPath()
                path.addText(baseline, font, line.text)
                pen = QPen(_color(layer.outline.color), layer.outline.width * 1080 * 2)
                pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
                painter.strokePath(path, pen)
            painter.setFont(font)
            painter.setPen(color if color is not None else _color(layer.color))
            painter.drawText(baseline, line.text)
        painter.end()

    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    if badge is not None and layer.background is not None:
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.scale(scale, scale)
        painter.translate(-origin)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(_color(layer.background.color))
        radius = layer.background.corner_radius * REFERENCE_SHORT_SIDE
        painter.drawRoundedRect(badge, radius, radius)
        painter.end()
    if layer.shadow is not None:
        shadow = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
        shadow.fill(Qt.GlobalColor.transparent)
        draw_glyphs(shadow, QColor(0, 0, 0), with_outline=False)
        shadow = _tint(_blur(shadow, layer.shadow.blur * 1080 * scale), _color(layer.shadow.color))
        painter = QPainter(image)
        painter.drawImage(
            QPointF(layer.shadow.offset[0] * 1080 * scale, layer.shadow.offset[1] * 1080 * scale),
            shadow,
        )
        painter.end()
    draw_glyphs(image, None, with_outline=True)
    return image, origin


def _badge_rect(layer: TextLayer, block: TextBlock) -> QRectF | None:
    """The badge behind a text (its lines' box plus the padding), in reference pixels."""
    if layer.background is None:
        return None
    pad_x, pad_y = (v * REFERENCE_SHORT_SIDE for v in layer.background.padding)
    return block.bounds.adjusted(-pad_x, -pad_y, pad_x, pad_y)


def _blur(image: QImage, radius: float) -> QImage:
    """A soft blur (box-filter by down- and up-scaling): cheap, smooth, deterministic."""
    if radius < 1.0:
        return image
    factor = max(1.0, radius / 1.5)
    small = image.scaled(
        max(1, round(image.width() / factor)),
        max(1, round(image.height() / factor)),
        Qt.AspectRatioMode.IgnoreAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )
    return small.scaled(
        image.width(),
        image.height(),
        Qt.AspectRatioMode.IgnoreAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )


def _tint(mask: QImage, color: QColor) -> QImage:
    out = QImage(mask.size(), QImage.Format.Format_ARGB32_Premultiplied)
    out.fill(color)
    painter = QPainter(out)
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_DestinationIn)
    painter.drawImage(0, 0, mask)
    painter.end()
    return out


# ---------------------------------------------------------------- scene


@dataclass
class _Prepared:
    layer: Any
    kind: str
    rect: QRectF = field(default_factory=QRectF)  # target rect in canvas pixels
    image: QImage | None = None
    origin: QPointF = field(default_factory=QPointF)
    source_scale: float = 1.0  # canvas px per prepared-image px at zoom 1


@dataclass
class _Media:
    """One photo or clip made ready for the media layer's rect."""

    item: MediaItem
    image: QImage | None = None  # a photo, pre-scaled to what the most zoomed frame needs
    background: QImage | None = None  # "blur" fit: the blurred, dimmed backdrop at the rect's size
    reader: Any = None  # a clip's ClipReader
    clip_length: float = 0.0  # seconds of the clip between its in and out points


# Photos and clips are prepared one scene ahead on this thread, while the current
# scene is painted: Pillow decodes and resizes without the GIL, so a 12 MP photo's
# ~150 ms no longer stalls the frame where its scene begins.  Render-internal (like
# the encoder's own thread); the app's pools are in jobs/workers.py.
_DECODE_AHEAD = ThreadPoolExecutor(max_workers=1, thread_name_prefix="vidstudio-decode-ahead")
# A render's next clip frame is decoded on its own thread (Scene._decode_next_frame), so a
# photo being prepared for the next scene never delays it.
_CLIP_AHEAD = ThreadPoolExecutor(max_workers=1, thread_name_prefix="vidstudio-clip-ahead")

# Prepared media kept per scene: a render walks the scenes in order and needs at
# most two at once (a transition); the preview may scrub back.  Fifteen 12 MP
# photos prepared at 1080p would hold ~220 MB; four hold ~60 MB.
MEDIA_KEPT = 4
STREAMING_KEPT = 3
# "blur" fit: the backdrop is the photo reduced to this width, smoothed back up (a wide, soft blur).
BLUR_WIDTH = 48
BLUR_DIM = 0.45


def motion_at(motion: KenBurns | None, p: float) -> tuple[float, float, float]:
    """Zoom and centre of a scene's motion at progress ``p`` (the preview's focus mark uses it too)."""
    if motion is None:
        return 1.0, 0.5, 0.5
    e = EASINGS[motion.easing](p)
    return (
        motion.start_scale + (motion.end_scale - motion.start_scale) * e,
        motion.start_center[0] + (motion.end_center[0] - motion.start_center[0]) * e,
        motion.start_center[1] + (motion.end_center[1] - motion.start_center[1]) * e,
    )


def _max_zoom(motion: KenBurns | None) -> float:
    return max(motion.start_scale, motion.end_scale) if motion is not None else 1.0


class Scene:
    """Everything about one (template, props, size) that does not change per frame."""

    def __init__(self, template: Template, props: Props, size: QSize, *, streaming: bool = False) -> None:
        self.template = template
        self.props = props
        self.width = size.width()
        self.height = size.height()
        self.aspect = aspect_for_size(self.width, self.height)
        ref_w, _ = ASPECTS[self.aspect]
        self.scale = self.width / ref_w
        self.timeline = timeline(template, props)
        self.duration = self.timeline.duration
        self.layers: list[_Prepared] = []
        self.per_scene: list[tuple[int, Any]] = []
        self.background = _color(background_color(template, props.brand))
        for index, layer in layers_for(template, props, self.aspect, self.duration):
            if layer.per_scene:
                self.per_scene.append((index, layer))
                continue
            prepared = self._prepare(index, layer)
            if prepared is not None:
                self.layers.append(prepared)
        media_layer = next((item for item in self.layers if item.kind == "media"), None)
        self._has_media_layer = media_layer is not None
        self._media_rect = media_layer.rect if media_layer is not None else QRectF()
        self._frame_images: dict[int, tuple[_Media, QImage]] = {}
        self._media: OrderedDict[int, _Media] = OrderedDict()
        self._pending: dict[int, Future[_Media]] = {}
        self._clip_ahead: dict[tuple[int, int], Future[tuple[_Media, QImage]]] = {}
        # ``streaming``: a render's own scene, walked once in order.  Each photo is decoded
        # straight into its scene, not into the image cache the preview shares, and only the
        # scenes of a transition and the one prepared ahead are kept (15 photos of 12 MP,
        # 1080p: the app's peak fell from 393 to 284 MB, 530 MB with the encoder; bench/tour.py).
        self.streaming = streaming
        self._closed = False
        self._captions: dict[tuple[int, int], _Prepared | None] = {}
        self._scene_layers: dict[tuple[int, int], Any] = {}
        self._lock = threading.RLock()

    # -- preparation

    def _prepare(self, index: int, layer: Any, caption: str = "") -> _Prepared | None:
        w, h = self.width, self.height
        if isinstance(layer, PhotoLayer):
            kind = "media" if self.props.media else "placeholder"
            return _Prepared(layer, kind, _rect(layer.box, w, h))
        if isinstance(layer, LogoLayer):
            logo_path = self.props.logo_path
            if logo_path is None:
                return None
            rect = _rect(layer.box, w, h)
            logo = image_cache.get(logo_path, max_short=1080)
            fit = min(rect.width() / logo.width(), rect.height() / logo.height())
            size = QSizeF(logo.width() * fit, logo.height() * fit)
            x = {"left": rect.left(), "right": rect.right() - size.width()}.get(
                layer.align, rect.left() + (rect.width() - size.width()) / 2
            )
            target = QRectF(QPointF(x, rect.top() + (rect.height() - size.height()) / 2), size)
            scaled = logo.scaled(
                max(1, round(size.width())),
                max(1, round(size.height())),
                Qt.AspectRatioMode.IgnoreAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
            return _Prepared(layer, "image", target, scaled)
        if isinstance(layer, QrLayer):
            link = self.props.link
            if not link:
                return None
            ref_w, ref_h = ASPECTS[self.aspect]
            image, target = qr_image(layer, link, _rect(layer.box, ref_w, ref_h), self.scale)
            return _Prepared(layer, "image", target, image)
        if isinstance(layer, SolidLayer):
            return _Prepared(layer, "solid", _rect(layer.box, w, h))
        if isinstance(layer, GradientLayer):
            return _Prepared(layer, "gradient", _rect(layer.box, w, h))
        if isinstance(layer, TextLayer):
            block = layout_text(self.template, layer, index, self.props, self.aspect, caption)
            if block is None:
                return None
            image, origin = _rasterise_text(layer, block, self.scale)
            target = QRectF(origin * self.scale, QSizeF(image.width(), image.height()))
            return _Prepared(layer, "image", target, image, origin * self.scale)
        raise TypeError(type(layer).__name__)

    def media(self, scene: TimelineScene, rect: QRectF) -> _Media:
        """The prepared photo or clip of ``scene`` (kept for the next frames)."""
        with self._lock:
            found = self._media.get(scene.index)
            if found is not None:
                self._media.move_to_end(scene.index)
                return found
            pending = self._pending.get(scene.index)
        if pending is not None:
            return pending.result()  # being prepared ahead: wait for it (or raise its error)
        return self._prepare_and_keep(scene, rect)

    def _prepare_and_keep(self, scene: TimelineScene, rect: QRectF) -> _Media:
        assert scene.item is not None
        try:
            made = self._prepare_media(scene.item, rect, _max_zoom(scene.motion))
        finally:
            with self._lock:
                self._pending.pop(scene.index, None)
        with self._lock:
            self._media[scene.index] = made
            while len(self._media) > (STREAMING_KEPT if self.streaming else MEDIA_KEPT):
                _, old = self._media.popitem(last=False)
                if old.reader is not None:
                    old.reader.close()
        return made

    def _prepare_ahead(self, current: TimelineScene, rect: QRectF) -> None:
        """Start preparing the scene after ``current`` on the decode-ahead thread."""
        index = current.index + 1
        if index >= len(self.timeline.scenes):
            return
        nxt = self.timeline.scenes[index]
        with self._lock:
            if nxt.item is None or index in self._media or index in self._pending or self._closed:
                return
            self._pending[index] = _DECODE_AHEAD.submit(self._prepare_and_keep, nxt, rect)

    def _prepare_media(self, item: MediaItem, rect: QRectF, zoom: float) -> _Media:
        if item.kind == "clip":
            # A clip moves by itself: no pan or zoom on top of it.  Frames come from the
            # reader at exactly the box's size, cropped around the focus before conversion
            # (a landscape clip on 9:16: 17 instead of 84 CPU ms/frame, render/clips.py),
            # or, fitted whole over a blurred backdrop, at the fitted size.
            from vidstudio.render.clips import ClipReader, probe_clip

            box = QSize(max(1, round(rect.width())), max(1, round(rect.height())))
            if item.fit == "blur":
                clip = probe_clip(item.path)
                within = min(rect.width() / clip.width, rect.height() / clip.height)
                whole = QSize(max(1, round(clip.width * within)), max(1, round(clip.height * within)))
                reader = ClipReader(item.path, whole)
            else:
                reader = ClipReader(item.path, box, focus=item.focus)
            end = item.trim_out if item.trim_out is not None else reader.info.duration
            length = max(1.0 / self.template.fps, min(end, reader.info.duration) - item.trim_in)
            return _Media(item, reader=reader, clip_length=length)
        # Decode straight to the size the most zoomed frame needs (Pillow reduces while
        # decoding and resizes without the GIL): 15 photos of 12 MP in a 1080p tour were
        # decoded at 3200×2400 (30 MB each) and scaled again; now 2208×1656 (15 MB), once.
        info = probe_image(item.path)
        fit = min if item.fit == "blur" else max
        scale = fit(rect.width() / info.width, rect.height() / info.height) * zoom
        short = max(16, min(MAX_SHORT_SIDE, math.ceil(min(info.width, info.height) * scale)))
        if self.streaming:
            photo = load_image(item.path, max_short=short)
        else:
            photo = image_cache.get(item.path, max_short=short)
        need = fit(rect.width() / photo.width(), rect.height() / photo.height()) * zoom
        background = _blurred_backdrop(photo, rect) if item.fit == "blur" else None
        if need < 0.98:
            # Pre-scale once to the size the most zoomed frame needs.
            photo = photo.scaled(
                max(1, math.ceil(photo.width() * need)),
                max(1, math.ceil(photo.height() * need)),
                Qt.AspectRatioMode.IgnoreAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        return _Media(item, image=photo, background=background)

    def _scene_layer(self, index: int, layer: Any, scene: TimelineScene) -> Any:
        """A per-scene layer on its scene's clock: it ends with the scene, or when the end card is in."""
        key = (index, scene.index)
        with self._lock:
            if key in self._scene_layers:
                return self._scene_layers[key]
        local = scene_layer(layer, scene)
        with self._lock:
            self._scene_layers[key] = local
        return local

    def caption(self, index: int, layer: Any, scene: TimelineScene) -> _Prepared | None:
        key = (index, scene.index)
        with self._lock:
            if key in self._captions:
                return self._captions[key]
        caption = scene.item.caption if scene.item is not None else ""
        prepared = self._prepare(index, layer, caption)
        with self._lock:
            self._captions[key] = prepared
        return prepared

    def close(self) -> None:
        """Close every clip reader (the cache calls this when it drops the scene)."""
        with self._lock:
            self._closed = True
            pending: list[Future[Any]] = [*self._pending.values(), *self._clip_ahead.values()]
            self._clip_ahead.clear()
        for future in pending:
            with contextlib.suppress(Exception):
                future.result()
        with self._lock:
            for media in self._media.values():
                if media.reader is not None:
                    media.reader.close()
            self._media.clear()

    # -- painting

    def paint(self, painter: QPainter, frame: int, *, playing: bool = False) -> None:
        """``playing``: the next call paints ``frame + 1`` (a render, the preview playing)."""
        template = self.template
        t = frame / template.fps
        # Decode what this frame shows before drawing anything: a photo or clip that
        # fails raises here, with the painter untouched.
        active = self.timeline.active(t)
        self._frame_images = {
            scene.index: self._frame_image(scene, frame)
            for scene, _ in active
            if scene.item is not None and self._has_media_layer
        }
        if self._has_media_layer and active:
            self._prepare_ahead(active[-1][0], self._media_rect)
            if self.streaming or playing:
                self._decode_next_frame(frame + 1)
        painter.save()
        painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform)
        painter.fillRect(QRectF(0, 0, self.width, self.height), self.background)
        for item in self.layers:
            state = layer_state(item.layer, t, self.duration)
            if state is None:
                continue
            self._paint_with_state(painter, item, state, t)
            if item.kind in ("media", "placeholder"):
                self._paint_per_scene(painter, t)
        painter.restore()

    def _paint_with_state(self, painter: QPainter, item: _Prepared, state: _State, t: float) -> None:
        short = min(self.width, self.height)
        painter.save()
        painter.setOpacity(painter.opacity() * state.opacity)
        if state.dx or state.dy:
            painter.translate(state.dx * short, state.dy * short)
        if state.scale != 1.0:
            center = item.rect.center()
            painter.translate(center)
            painter.scale(state.scale, state.scale)
            painter.translate(-center)
        self._paint_item(painter, item, t)
        painter.restore()

    def _paint_per_scene(self, painter: QPainter, t: float) -> None:
        """Layers drawn once per scene (captions), on their scene's clock, right above the media."""
        if not self.per_scene:
            return
        for scene, _ in self.timeline.active(t):
            for index, raw in self.per_scene:
                layer = self._scene_layer(index, raw, scene)
                if layer is None:
                    continue
                state = layer_state(layer, t - scene.start, scene.length)
                if state is None:
                    continue
                prepared = self.caption(index, layer, scene)
                if prepared is not None:
                    self._paint_with_state(painter, prepared, state, t)

    def _paint_item(self, painter: QPainter, item: _Prepared, t: float) -> None:
        layer = item.layer
        if item.kind == "media":
            self._paint_media_layer(painter, item, t)
        elif item.kind == "placeholder":
            _paint_placeholder(painter, item.rect)
        elif item.kind == "image":
            assert item.image is not None
            painter.drawImage(item.rect.topLeft(), item.image)
        elif item.kind == "solid":
            radius = layer.corner_radius * min(self.width, self.height)
            if radius > 0:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(_color(layer.color))
                painter.drawRoundedRect(item.rect, radius, radius)
            else:
                painter.fillRect(item.rect, _color(layer.color))
        elif item.kind == "gradient":
            painter.fillRect(item.rect, _gradient(layer, item.rect))

    def _paint_media_layer(self, painter: QPainter, item: _Prepared, t: float) -> None:
        """The scenes at ``t``: one, or the two of a transition, clipped to the photo box."""
        active = self.timeline.active(t)
        rect = item.rect
        layer: PhotoLayer = item.layer
        radius = layer.corner_radius * min(self.width, self.height)
        painter.save()
        if radius > 0:
            path = QPainterPath()
            path.addRoundedRect(rect, radius, radius)
            painter.setClipPath(path, Qt.ClipOperation.IntersectClip)
        else:
            painter.setClipRect(rect, Qt.ClipOperation.IntersectClip)
        if len(active) == 1:
            self._paint_scene(painter, active[0][0], rect, t)
        else:
            (outgoing, _), (incoming, p) = active
            self._paint_transition(painter, outgoing, incoming, p, rect, t)
        painter.restore()
        if layer.border is not None:
            width = layer.border.width * min(self.width, self.height)
            pen = QPen(_color(layer.border.color), width)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            inset = rect.adjusted(width / 2, width / 2, -width / 2, -width / 2)
            painter.drawRoundedRect(inset, radius, radius)

    def _paint_transition(
        self, painter: QPainter, a: TimelineScene, b: TimelineScene, p: float, rect: QRectF, t: float
    ) -> None:
        transition = b.transition_in
        assert transition is not None
        e = EASINGS[transition.easing](p)
        dx, dy = {"left": (-1, 0), "right": (1, 0), "up": (0, -1), "down": (0, 1)}[transition.direction]
        w, h = rect.width(), rect.height()
        kind = transition.type
        if kind == "push":
            painter.save()
            painter.translate(dx * w * e, dy * h * e)
            self._paint_scene(painter, a, rect, t)
            painter.restore()
        elif kind == "zoom":
            self._paint_scene(painter, b, rect, t)
            painter.save()
            painter.setOpacity(painter.opacity() * (1.0 - e))
            center = rect.center()
            painter.translate(center)
            painter.scale(1.0 + ZOOM_TRANSITION * e, 1.0 + ZOOM_TRANSITION * e)
            painter.translate(-center)
            self._paint_scene(painter, a, rect, t)
            painter.restore()
            return
        else:
            self._paint_scene(painter, a, rect, t)
        painter.save()
        if kind == "crossfade":
            painter.setOpacity(painter.opacity() * e)
        elif kind in ("slide", "push"):
            painter.translate(-dx * w * (1.0 - e), -dy * h * (1.0 - e))
        elif kind == "wipe":
            # The edge moves in ``direction``: a left wipe uncovers the next scene from the right.
            if dx:
                cover = QRectF(rect.left() if dx > 0 else rect.right() - w * e, rect.top(), w * e, h)
            else:
                cover = QRectF(rect.left(), rect.top() if dy > 0 else rect.bottom() - h * e, w, h * e)
            painter.setClipRect(cover, Qt.ClipOperation.IntersectClip)
        elif e < 0.5:  # cut
            painter.restore()
            return
        self._paint_scene(painter, b, rect, t)
        painter.restore()

    def _paint_scene(self, painter: QPainter, scene: TimelineScene, rect: QRectF, t: float) -> None:
        if scene.item is None:
            _paint_placeholder(painter, rect)
            return
        media, image = self._frame_images.get(scene.index) or self._scene_image(scene, t)
        item = media.item
        if media.reader is not None:
            # A clip: no motion; its frames are already cropped around the focus.
            scale, cx, cy = 1.0, 0.5, 0.5
            if item.fit != "blur":
                painter.drawImage(rect, image, QRectF(image.rect()))
                return
        else:
            scale, cx, cy = motion_at(scene.motion, scene.progress(t))
        if item.fit == "blur":
            backdrop = media.background if media.background is not None else _blurred_backdrop(image, rect)
            painter.drawImage(rect, backdrop)
            fit = min(rect.width() / image.width(), rect.height() / image.height()) * scale
            size = QSizeF(image.width() * fit, image.height() * fit)
            target = QRectF(rect.center() - QPointF(size.width() / 2, size.height() / 2), size)
            painter.drawImage(target, image, QRectF(image.rect()))
            return
        # The motion's centre moves around the focus point; the crop stays inside the photo.
        cx += item.focus[0] - 0.5
        cy += item.focus[1] - 0.5
        cover = max(rect.width() / image.width(), rect.height() / image.height()) * scale
        src_w = rect.width() / cover
        src_h = rect.height() / cover
        x = min(max(cx * image.width() - src_w / 2, 0.0), image.width() - src_w)
        y = min(max(cy * image.height() - src_h / 2, 0.0), image.height() - src_h)
        painter.drawImage(rect, image, QRectF(x, y, src_w, src_h))

    def warm(self, frame: int) -> None:
        """Prepare (decode) what ``frame`` shows, raising the error of a photo or clip that fails."""
        if self._has_media_layer:
            for scene, _ in self.timeline.active(frame / self.template.fps):
                if scene.item is not None:
                    self._scene_image(scene, frame / self.template.fps)

    def _frame_image(self, scene: TimelineScene, frame: int) -> tuple[_Media, QImage]:
        ahead = self._clip_ahead.pop((scene.index, frame), None)
        if ahead is not None:
            return ahead.result()
        return self._scene_image(scene, frame / self.template.fps)

    def _decode_next_frame(self, frame: int) -> None:
        """Frames painted in order (a render, the preview playing): decode the clips of the next
        frame meanwhile.

        On two cores beside x264 the paint thread is the render's critical path; a 1080p
        clip frame (decode + conversion) done on it made a tour of four clips 1.94× as
        long as encoding alone; done here, while this frame is painted and encoded, 1.44×
        (bench/tour.py, same run, a loaded machine).
        """
        stale = [key for key in self._clip_ahead if key[1] < frame]
        for key in stale:
            with contextlib.suppress(Exception):
                self._clip_ahead.pop(key).result()
        if frame >= self.timeline.frame_count:
            return
        t = frame / self.template.fps
        for scene, _ in self.timeline.active(t):
            if scene.item is not None and scene.item.kind == "clip":
                self._clip_ahead[(scene.index, frame)] = _CLIP_AHEAD.submit(self._scene_image, scene, t)

    def _scene_image(self, scene: TimelineScene, t: float) -> tuple[_Media, QImage]:
        media = self.media(scene, self._media_rect)
        if media.reader is not None:
            return media, media.reader.frame_at(self._clip_time(media, t - scene.start))
        assert media.image is not None
        return media, media.image

    def _clip_time(self, media: _Media, into: float) -> float:
        """Source time of a clip ``into`` s after its scene starts: held or looped past its out point."""
        item = media.item
        length = media.clip_length
        if into >= length:
            if self.template.scenes.clip_end == "loop":
                into = math.fmod(into, length)
            else:
                into = length - 0.5 / self.template.fps
        return item.trim_in + max(0.0, into)


# The zoom transition: the outgoing scene grows by this much as it fades out.
def qr_rect(layer: QrLayer, modules: int, rect: QRectF) -> tuple[QRectF, int]:
    """Where the QR card goes in ``rect`` (reference pixels: square, aligned) and its module
    size in whole reference pixels.

    Whole pixels: a module of 7.4 px blurs into its neighbours when scaled and then
    compressed by x264, and a decoder misreads it.  Snapped at the reference size (1080
    on the short side), the modules are whole pixels in a 1080p video and the preview is
    that video scaled down, as the Remotion twin draws it (a preview snapped at its own
    size drew the code a third smaller).
    """
    total = modules + 2 * layer.quiet_zone
    module = max(1, math.floor(min(rect.width(), rect.height()) / total))
    side = module * total
    x = {"left": rect.left(), "right": rect.right() - side}.get(
        layer.align, rect.left() + (rect.width() - side) / 2
    )
    y = rect.top() + (rect.height() - side) / 2
    return QRectF(round(x), round(y), side, side), module


def qr_image(layer: QrLayer, link: str, rect: QRectF, scale: float) -> tuple[QImage, QRectF]:
    """The QR code of ``link`` for the layer box ``rect`` (reference pixels), drawn at ``scale``
    (canvas pixels per reference pixel): the image and where it goes on the canvas."""
    code = qr_code(link)
    ref, module = qr_rect(layer, code.size, rect)
    target = QRectF(ref.x() * scale, ref.y() * scale, ref.width() * scale, ref.height() * scale)
    side = max(1, round(target.width()))
    image = QImage(side, side, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(_color(layer.background))
    radius = min(layer.corner_radius * REFERENCE_SHORT_SIDE, module * layer.quiet_zone * 0.8) * scale
    painter.drawRoundedRect(QRectF(0, 0, side, side), radius, radius)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    dark = _color(layer.color)
    step = side / (code.size + 2 * layer.quiet_zone)
    offset = layer.quiet_zone * step
    for y, row in enumerate(code.modules):
        x = 0
        while x < len(row):  # one rectangle per run of dark modules
            if not row[x]:
                x += 1
                continue
            run = x
            while run < len(row) and row[run]:
                run += 1
            top, bottom = round(offset + y * step), round(offset + (y + 1) * step)
            left, right = round(offset + x * step), round(offset + run * step)
            painter.fillRect(left, top, right - left, bottom - top, dark)
            x = run
    painter.end()
    return image, target


ZOOM_TRANSITION = 0.25


def blur_backdrop_small(image: QImage, rect: QRectF) -> QImage:
    """A "blur" fit's backdrop before it is enlarged: the image cropped to cover ``rect`` and
    reduced to ``BLUR_WIDTH`` pixels wide (the Remotion twin enlarges this same image)."""
    cover = max(rect.width() / image.width(), rect.height() / image.height())
    src_w, src_h = rect.width() / cover, rect.height() / cover
    crop = image.copy(
        round((image.width() - src_w) / 2), round((image.height() - src_h) / 2), round(src_w), round(src_h)
    )
    small_h = max(1, round(BLUR_WIDTH * rect.height() / max(1.0, rect.width())))
    return crop.scaled(
        BLUR_WIDTH, small_h, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation
    ).convertToFormat(QImage.Format.Format_RGB32)


def _blurred_backdrop(image: QImage, rect: QRectF) -> QImage:
    """The image covering ``rect``, blurred and dimmed: what a "blur" fit shows around the photo."""
    out = (
        blur_backdrop_small(image, rect)
        .scaled(
            max(1, round(rect.width())),
            max(1, round(rect.height())),
            Qt.AspectRatioMode.IgnoreAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
        .convertToFormat(QImage.Format.Format_RGB32)
    )
    painter = QPainter(out)
    painter.fillRect(out.rect(), QColor(0, 0, 0, round(255 * BLUR_DIM)))
    painter.end()
    return out


def _gradient(layer: GradientLayer, rect: QRectF) -> QLinearGradient:
    # CSS angles: 0deg points up, 90deg right, 180deg down.
    angle = math.radians(layer.angle)
    dx, dy = math.sin(angle), -math.cos(angle)
    half = (abs(rect.width() * dx) + abs(rect.height() * dy)) / 2
    center = rect.center()
    gradient = QLinearGradient(
        QPointF(center.x() - dx * half, center.y() - dy * half),
        QPointF(center.x() + dx * half, center.y() + dy * half),
    )
    for position, color in layer.stops:
        gradient.setColorAt(position, _color(color))
    return gradient


def _paint_placeholder(painter: QPainter, rect: QRectF) -> None:
    """What the preview shows before a photo is chosen: a calm neutral gradient."""
    gradient = QLinearGradient(rect.topLeft(), rect.bottomRight())
    gradient.setColorAt(0.0, QColor("#3a4750"))
    gradient.setColorAt(1.0, QColor("#1d262d"))
    painter.fillRect(rect, gradient)


class _SceneCache:
    def __init__(self, capacity: int = 4) -> None:
        self._capacity = capacity
        self._items: OrderedDict[tuple[int, str, Props, int, int], Scene] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, template: Template, props: Props, size: QSize) -> Scene:
        key = (id(template), template.id, props, size.width(), size.height())
        with self._lock:
            scene = self._items.get(key)
            if scene is not None and scene.template is template:
                self._items.move_to_end(key)
                return scene
        scene = Scene(template, props, size)
        with self._lock:
            self._items[key] = scene
            while len(self._items) > self._capacity:
                _, old = self._items.popitem(last=False)
                old.close()
        return scene

    def clear(self) -> None:
        with self._lock:
            for scene in self._items.values():
                scene.close()
            self._items.clear()


scene_cache = _SceneCache()


def paint_frame(
    painter: QPainter, template: Template, props: Props, frame: int, size: QSize, *, playing: bool = False
) -> None:
    """Paint frame ``frame`` of ``template`` with ``props`` into a canvas of ``size``.

    The painter's current transform maps the canvas (0, 0)–``size`` onto its
    device; the preview translates it to letterbox.  Deterministic: the same
    inputs give the same pixels.  Raises ``ImageError`` for an unusable photo.
    """
    scene = scene_cache.get(template, props, size)
    frame = max(0, min(frame, scene.timeline.frame_count - 1))
    scene.paint(painter, frame, playing=playing)


def render_frame_image(template: Template, props: Props, frame: int, size: QSize) -> QImage:
    """One frame as a new RGB32 ``QImage`` (stills, posters, thumbnails, tests)."""
    image = QImage(size, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    try:
        paint_frame(painter, template, props, frame, size)
    finally:
        painter.end()
    return image


@dataclass(frozen=True)
class LaidOut:
    """Where a layer's content is, in the aspect's reference pixels (the safe-zone check reads this)."""

    layer_index: int
    kind: str  # "text", "qr", "logo"
    rect: QRectF


def layout_boxes(template: Template, props: Props, aspect: str) -> list[LaidOut]:
    """The text (with its badge), QR code and logo boxes of every layer drawn for ``aspect``.

    A caption is laid out with the longest caption of the video's media.  Logos
    count by their layer box, which the logo fits into.
    """
    ref_w, ref_h = ASPECTS[aspect]
    duration = timeline(template, props).duration
    captions = [item.caption for item in props.media if item.caption.strip()]
    caption = max(captions, key=len) if captions else ""
    boxes: list[LaidOut] = []
    for index, layer in resolve_layers(
        template, aspect, props.end_card, duration, props.brand, props.has_listing
    ):
        if isinstance(layer, TextLayer):
            block = layout_text(template, layer, index, props, aspect, caption if layer.per_scene else "")
            if block is not None:
                badge = _badge_rect(layer, block)
                boxes.append(LaidOut(index, "text", badge if badge is not None else block.bounds))
        elif isinstance(layer, QrLayer) and props.link:
            rect, _ = qr_rect(layer, qr_code(props.link).size, _rect(layer.box, ref_w, ref_h))
            boxes.append(LaidOut(index, "qr", rect))
        elif isinstance(layer, LogoLayer) and props.logo_path is not None:
            boxes.append(LaidOut(index, "logo", _rect(layer.box, ref_w, ref_h)))
    return boxes
