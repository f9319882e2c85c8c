"""Input props for the Remotion twin of the templates (``remotion/``).

The Remotion compositions interpret the same template JSON as :mod:`paint`; to
keep one source of truth, vidstudio sends them:

- the template's layers resolved for the aspect by the same pydantic models
  (overrides applied, every default filled in), so TypeScript restates no
  default;
- the text layout computed here with Qt (:func:`paint.text_layout`: font size
  after shrink-to-fit, wrapped lines, positions and baselines in the aspect's
  reference pixels), so TypeScript draws lines and never re-fits text;
- the user's words, the aspect, the end-card switch and the photo's URL with its
  upright pixel size (for the cover fit and Ken Burns).

The props are plain JSON (``json.dumps`` works on the result).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtGui import QFontMetricsF

from vidstudio.messages import QT_TRANSLATE_NOOP
from vidstudio.render.errors import RenderError
from vidstudio.render.fonts import make_font
from vidstudio.render.images import probe_image
from vidstudio.render.paint import TextBlock, text_layout, validate_props
from vidstudio.render.props import Props
from vidstudio.render.template import ASPECTS, Template, resolve_layers

PROPS_VERSION = 1


@dataclass(frozen=True)
class ImageRef:
    """An image the renderer fetches by URL, with its upright size in pixels."""

    url: str
    width: int
    height: int

    def to_json(self) -> dict[str, Any]:
        return {"url": self.url, "width": self.width, "height": self.height}


def image_ref(path: Path, url: str) -> ImageRef:
    """The :class:`ImageRef` of a local file served at ``url`` (EXIF orientation applied)."""
    info = probe_image(path)
    return ImageRef(url, info.width, info.height)


def _block_json(block: TextBlock) -> dict[str, Any]:
    font = make_font(block.family, block.weight, block.italic, block.font_px)
    metrics = QFontMetricsF(font)
    ascent = metrics.ascent()
    leading = (block.line_height_px - metrics.height()) / 2
    bounds = block.bounds
    return {
        "font_px": block.font_px,
        # Qt sets whole pixel sizes (fonts.make_font); the letter spacing is not rounded.
        "font_size_px": font.pixelSize(),
        "line_height_px": block.line_height_px,
        "letter_spacing_px": block.letter_spacing * block.font_px,
        "bounds": [bounds.x(), bounds.y(), bounds.width(), bounds.height()],
        "lines": [
            {
                "text": line.text,
                "x": line.x,
                "y": line.y,
                "baseline": line.y + leading + ascent,
                "width": line.width,
            }
            for line in block.lines
        ],
    }


def scene_json(template: Template, props: Props, aspect: str) -> dict[str, Any]:
    """The template resolved for ``aspect`` plus the text layout, as plain JSON."""
    if aspect not in ASPECTS:
        raise RenderError(
            QT_TRANSLATE_NOOP("Message", "Unknown aspect {aspect} (use one of {items})"),
            aspect=repr(aspect),
            items=", ".join(ASPECTS),
        )
    if aspect not in template.aspects:
        have = ", ".join(template.aspects)
        raise RenderError(
            QT_TRANSLATE_NOOP("Message", "Template {id} has no {aspect} version (it has {have})."),
            id=template.id,
            aspect=aspect,
            have=have,
        )
    layers = []
    for index, layer in resolve_layers(template, aspect, props.end_card):
        data = layer.model_dump(mode="json")
        data.pop("overrides", None)
        data["index"] = index
        layers.append(data)
    blocks = text_layout(template, props, aspect)
    return {
        "template_id": template.id,
        "fps": template.fps,
        "duration": template.duration,
        "frame_count": template.frame_count,
        "background": template.background,
        "reference": list(ASPECTS[aspect]),
        "layers": layers,
        "text": {str(block.layer_index): _block_json(block) for block in blocks},
    }


def remotion_input_props(
    template: Template,
    props: Props,
    aspect: str,
    *,
    photo: ImageRef | None,
    logo: ImageRef | None = None,
) -> dict[str, Any]:
    """All a ``remotion/`` composition needs to draw ``template`` as :func:`paint_frame` does."""
    validate_props(props)
    return {
        "props_version": PROPS_VERSION,
        "aspect": aspect,
        "title": props.title,
        "subtitle": props.subtitle,
        "cta": props.cta,
        "end_card": props.end_card,
        "image_url": photo.url if photo else None,
        "photo": photo.to_json() if photo else None,
        "logo": logo.to_json() if logo else None,
        "scene": scene_json(template, props, aspect),
    }
