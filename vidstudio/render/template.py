"""Template spec: data in ``resources/templates/*.json``, validated on load.

A template describes a short video as layers in canvas-relative units, so one
template serves every aspect (16:9, 9:16, 1:1, 4:5).  Boxes are
``[x, y, width, height]`` fractions of the canvas; sizes and distances (font
sizes, shadow offsets, slide distances) are fractions of the canvas's shorter
side.  Times are in seconds.  Any layer may carry ``overrides`` keyed by aspect
("9:16", ...) whose fields replace the layer's own for that aspect.

The same JSON is read by ``remotion/`` (see ``schema.json`` next to the
templates, generated from these models).
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from vidstudio.messages import QT_TRANSLATE_NOOP
from vidstudio.render.brand import (
    BUNDLED_FAMILIES,
    DEFAULT_BRAND,
    Brand,
    is_color_slot,
    is_font_slot,
    resolve_color,
    resolve_family,
)
from vidstudio.render.errors import TemplateError
from vidstudio.render.props import Props
from vidstudio.resources import resource_path

ASPECTS: dict[str, tuple[int, int]] = {
    "16:9": (1920, 1080),
    "9:16": (1080, 1920),
    "1:1": (1080, 1080),
    "4:5": (1080, 1350),
}
# Every aspect's reference canvas is 1080 px on its short side: sizes that are fractions of the
# short side (fonts, radii, padding) are the same number of reference pixels in every aspect.
REFERENCE_SHORT_SIDE = 1080
assert {min(size) for size in ASPECTS.values()} == {REFERENCE_SHORT_SIDE}

EasingName = Literal[
    "linear",
    "ease_in",
    "ease_out",
    "ease_in_out",
    "ease_out_cubic",
    "ease_in_out_cubic",
    "ease_out_back",
]

_COLOR_RE = re.compile(r"^#(?:[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$")
Unit = Annotated[float, Field(ge=0.0, le=1.0)]
Box = tuple[Unit, Unit, Unit, Unit]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _check_color(value: str) -> str:
    if not _COLOR_RE.match(value) and not is_color_slot(value):
        raise ValueError(
            f"colour must look like #RRGGBB, #RRGGBBAA or a brand slot (@brand.primary, @brand.accent,"
            f" @brand.text, optionally with /AA alpha), got {value!r}"
        )
    return value


class Shadow(_Model):
    color: str = "#00000099"
    blur: float = Field(0.006, ge=0, le=0.1)
    offset: tuple[float, float] = (0.0, 0.003)

    _c = field_validator("color")(_check_color)


class Outline(_Model):
    color: str = "#000000"
    width: float = Field(0.002, gt=0, le=0.05)

    _c = field_validator("color")(_check_color)


class Animation(_Model):
    """An entrance (or exit) animation.  ``delay`` counts from the layer's start."""

    effects: list[Literal["fade", "slide", "scale"]] = Field(default_factory=lambda: ["fade"])  # type: ignore[arg-type]
    delay: float = Field(0.0, ge=0)
    duration: float = Field(0.8, gt=0)
    easing: EasingName = "ease_out_cubic"
    slide: tuple[float, float] = (0.0, 0.04)
    scale_from: float = Field(0.9, gt=0, le=4)


class KenBurns(_Model):
    start_scale: float = Field(1.0, ge=1.0, le=2.0)
    end_scale: float = Field(1.12, ge=1.0, le=2.0)
    start_center: tuple[Unit, Unit] = (0.5, 0.5)
    end_center: tuple[Unit, Unit] = (0.5, 0.5)
    easing: EasingName = "ease_in_out"


TransitionType = Literal["cut", "crossfade", "slide", "push", "zoom", "wipe"]


class Transition(_Model):
    """How one scene gives way to the next.  ``slide``: the next scene slides in over this one;
    ``push``: it pushes this one out; ``wipe``: a hard edge sweeps across; ``zoom``: this one
    zooms in and fades out over the next.  ``direction`` is where the movement goes."""

    type: TransitionType = "crossfade"
    duration: float = Field(0.8, ge=0.0, le=3.0)
    easing: EasingName = "ease_in_out"
    direction: Literal["left", "right", "up", "down"] = "left"


class Scenes(_Model):
    """How several media share a video: one scene per photo or clip, in order.

    Each scene is ``unit`` seconds long, overlapping the next by its transition;
    the first scene gets ``opening`` seconds more (time to read the title) and the
    last ``closing`` seconds more (the end card lies over it).  ``motions`` and
    ``transitions`` repeat in turn (an empty ``motions`` uses the photo layer's
    ``ken_burns`` for every scene).  A clip shorter than its scene ``hold``s its
    last frame or ``loop``s.
    """

    motions: list[KenBurns] = Field(default_factory=list)
    transitions: list[Transition] = Field(default_factory=lambda: [Transition()])  # type: ignore[call-arg]
    opening: float = Field(0.0, ge=0.0, le=10.0)
    closing: float = Field(0.0, ge=0.0, le=10.0)
    clip_end: Literal["hold", "loop"] = "hold"


class _LayerBase(_Model):
    box: Box = (0.0, 0.0, 1.0, 1.0)
    start: float = Field(0.0, ge=0)
    end: float | None = Field(None, gt=0)
    opacity: Unit = 1.0
    entrance: Animation | None = None
    exit: Animation | None = None
    end_card: bool = False
    # Ends (with its exit animation, if any) once the end card has come in, when there is one.
    until_end_card: bool = False
    # Drawn once per scene, with start/end counted from the scene's start ({caption} is its item's).
    per_scene: bool = False
    # "listing": drawn only when the video has listing facts or a booking link (the listing end
    # card); "no_listing": only when it has none (the plain end card); "always" by default.
    when: Literal["always", "listing", "no_listing"] = "always"
    overrides: dict[str, dict[str, Any]] = Field(default_factory=dict)

    @field_validator("overrides")
    @classmethod
    def _known_aspects(cls, value: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
        for aspect in value:
            if aspect not in ASPECTS:
                raise ValueError(f"unknown aspect {aspect!r} (use one of {', '.join(ASPECTS)})")
        return value


class PhotoLayer(_LayerBase):
    type: Literal["photo"]
    ken_burns: KenBurns | None = None
    corner_radius: float = Field(0.0, ge=0, le=0.5)
    border: Outline | None = None


class LogoLayer(_LayerBase):
    type: Literal["logo"]
    align: Literal["left", "center", "right"] = "center"


class SolidLayer(_LayerBase):
    type: Literal["solid"]
    color: str
    corner_radius: float = Field(0.0, ge=0, le=0.5)

    _c = field_validator("color")(_check_color)


class GradientLayer(_LayerBase):
    type: Literal["gradient"]
    angle: float = 180.0
    stops: list[tuple[Unit, str]] = Field(min_length=2)

    @field_validator("stops")
    @classmethod
    def _stops(cls, value: list[tuple[float, str]]) -> list[tuple[float, str]]:
        for _, color in value:
            _check_color(color)
        return value


class Font(_Model):
    # A bundled family, or the brand's heading or body font (``@brand.heading``, ``@brand.body``).
    family: str = "Inter"
    weight: int = Field(700, ge=100, le=900)
    italic: bool = False
    size: float = Field(0.08, gt=0, le=0.5)
    min_size: float = Field(0.035, gt=0, le=0.5)
    line_height: float = Field(1.15, ge=0.8, le=3)
    letter_spacing: float = Field(0.0, ge=-0.2, le=1.0)
    uppercase: bool = False

    @field_validator("family")
    @classmethod
    def _family(cls, value: str) -> str:
        if value not in BUNDLED_FAMILIES and not is_font_slot(value):
            raise ValueError(
                f"font family must be one of {', '.join(BUNDLED_FAMILIES)} or @brand.heading / @brand.body,"
                f" got {value!r}"
            )
        return value

    @model_validator(mode="after")
    def _min_le_size(self) -> Font:
        if self.min_size > self.size:
            raise ValueError("min_size must not be larger than size")
        return self


class Badge(_Model):
    """A filled, rounded box behind a text (an offer, a price): padding and radius are fractions
    of the canvas's shorter side."""

    color: str = "@brand.accent"
    padding: tuple[float, float] = (0.02, 0.01)
    corner_radius: float = Field(0.012, ge=0, le=0.5)

    _c = field_validator("color")(_check_color)


class QrLayer(_LayerBase):
    """The booking link as a QR code, dark modules on a light, rounded card with a quiet zone.

    The code is drawn as large as fits the box, its modules snapped to whole pixels
    so a phone reads it off a compressed frame; nothing is drawn without a link.
    """

    type: Literal["qr"]
    color: str = "#000000"
    background: str = "#ffffff"
    quiet_zone: int = Field(2, ge=1, le=6)  # modules of light around the code
    corner_radius: float = Field(0.01, ge=0, le=0.5)
    align: Literal["left", "center", "right"] = "center"

    _c = field_validator("color", "background")(_check_color)


class TextLayer(_LayerBase):
    type: Literal["text"]
    text: str = Field(min_length=1)
    font: Font = Field(default_factory=Font)  # type: ignore[arg-type]
    color: str = "#ffffff"
    align: Literal["left", "center", "right"] = "center"
    valign: Literal["top", "middle", "bottom"] = "middle"
    max_lines: int = Field(3, ge=1, le=10)
    shadow: Shadow | None = None
    outline: Outline | None = None
    background: Badge | None = None

    _c = field_validator("color")(_check_color)

    @field_validator("text")
    @classmethod
    def _placeholders(cls, value: str) -> str:
        for name in re.findall(r"{(\w*)}", value):
            if name not in PLACEHOLDERS:
                raise ValueError(
                    f"unknown placeholder {{{name}}} (use {', '.join('{' + p + '}' for p in PLACEHOLDERS)})"
                )
        return value


# {price}: "US$180 / night"; {facts}: "6 guests · 3 bedrooms"; {link}: the QR code's short link;
# all in the video's language (render.listing).
PLACEHOLDERS = ("title", "subtitle", "cta", "caption", "price", "facts", "location", "offer", "link", "brand")

Layer = Annotated[
    PhotoLayer | LogoLayer | SolidLayer | GradientLayer | TextLayer | QrLayer, Field(discriminator="type")
]


class Watermark(_Model):
    """Where a brand's watermark (its logo, small, for the whole video) goes, per aspect."""

    box: Box = (0.86, 0.87, 0.1, 0.07)
    opacity: Unit = 0.75
    align: Literal["left", "center", "right"] = "right"
    overrides: dict[str, dict[str, Any]] = Field(default_factory=dict)


class Template(_Model):
    """A video template.  ``id`` is the file's stem."""

    id: str
    name: dict[str, str]
    description: dict[str, str] = Field(default_factory=dict)
    fps: int = Field(30, ge=1, le=120)
    duration: float = Field(10.0, gt=0, le=120)
    background: str = "#000000"
    safe_area: float = Field(0.05, ge=0, le=0.25)
    aspects: list[str] = Field(default_factory=lambda: list(ASPECTS))
    layers: list[Layer] = Field(min_length=1)
    poster_frame: int | None = None
    scenes: Scenes = Field(default_factory=Scenes)  # type: ignore[arg-type]
    watermark: Watermark = Field(default_factory=Watermark)
    # The template's own look where its layers use brand slots and the video has no brand:
    # any of primary, accent, text (colours), heading, body (bundled families).
    brand_defaults: dict[str, str] = Field(default_factory=dict)
    # When a video is made longer or shorter than ``duration``, the end card and the layers marked
    # ``until_end_card`` keep their distance from the end; everything else keeps its start.

    _c = field_validator("background")(_check_color)

    @field_validator("aspects")
    @classmethod
    def _aspects(cls, value: list[str]) -> list[str]:
        for aspect in value:
            if aspect not in ASPECTS:
                raise ValueError(f"unknown aspect {aspect!r} (use one of {', '.join(ASPECTS)})")
        return value

    @model_validator(mode="after")
    def _overrides_valid(self) -> Template:
        # Validate every override now, so a typo fails on load, not mid-render.
        for index, layer in enumerate(self.layers):
            for aspect in layer.overrides:
                try:
                    resolve_layer(layer, aspect)
                except ValidationError as exc:
                    raise ValueError(f"layers.{index}.overrides.{aspect}: {_first_error(exc)}") from None
        photos = [layer for layer in self.layers if isinstance(layer, PhotoLayer)]
        if not photos:
            raise ValueError("a template needs a photo layer")
        if len(photos) > 1:
            raise ValueError("a template has one photo layer (it shows every photo and clip in turn)")
        for index, layer in enumerate(self.layers):
            if layer.per_scene and (layer.end_card or isinstance(layer, PhotoLayer)):
                raise ValueError(f"layers.{index}: per_scene is for text, logos and shapes, not the end card")
        return self

    @field_validator("brand_defaults")
    @classmethod
    def _brand_defaults(cls, value: dict[str, str]) -> dict[str, str]:
        for key, item in value.items():
            if key in ("primary", "accent", "text"):
                if not _COLOR_RE.match(item):
                    raise ValueError(f"brand_defaults.{key}: colour must look like #RRGGBB, got {item!r}")
            elif key in ("heading", "body"):
                if item not in BUNDLED_FAMILIES:
                    raise ValueError(f"brand_defaults.{key}: use one of {', '.join(BUNDLED_FAMILIES)}")
            else:
                raise ValueError(
                    f"brand_defaults: unknown slot {key!r} (primary, accent, text, heading, body)"
                )
        return value

    def default_brand(self) -> Brand:
        """The look of this template when the video has no brand."""
        values = self.brand_defaults
        return DEFAULT_BRAND.replace(
            **{key: value for key, value in values.items() if key in ("primary", "accent", "text")},
            **{f"{key}_font": value for key, value in values.items() if key in ("heading", "body")},
        )

    @property
    def frame_count(self) -> int:
        return round(self.duration * self.fps)

    @property
    def default_poster_frame(self) -> int:
        if self.poster_frame is not None:
            return min(self.poster_frame, self.frame_count - 1)
        return self.frame_count // 2

    def display_name(self, language: str = "en") -> str:
        return self.name.get(language) or self.name.get("en") or self.id


def resolve_layer(layer: Any, aspect: str) -> Any:
    """The layer with the overrides of ``aspect`` applied (validated)."""
    override = layer.overrides.get(aspect)
    if not override:
        return layer
    data = layer.model_dump()
    data.update(override)
    data["overrides"] = {}
    return type(layer).model_validate(data)


def _with_brand(value: Any, brand: Brand | None) -> Any:
    """``value`` (a layer or a part of one) with every brand slot replaced by its value."""
    if isinstance(value, str):
        return resolve_family(resolve_color(value, brand), brand) if value.startswith("@brand.") else value
    if isinstance(value, BaseModel):
        changes = {}
        for name in type(value).model_fields:
            old = getattr(value, name)
            new = _with_brand(old, brand)
            if new is not old:
                changes[name] = new
        return value.model_copy(update=changes) if changes else value
    if isinstance(value, (list, tuple)):
        items = [_with_brand(item, brand) for item in value]
        if any(a is not b for a, b in zip(items, value, strict=True)):
            return type(value)(items)
    return value


def watermark_layer(template: Template, aspect: str) -> LogoLayer:
    """The brand's watermark as a logo layer for ``aspect``: small, in a corner, the whole video
    (until an end card with the logo comes in, :func:`resolve_layers`)."""
    mark = template.watermark
    data: dict[str, Any] = {"box": mark.box, "opacity": mark.opacity, "align": mark.align}
    data.update(mark.overrides.get(aspect, {}))
    return LogoLayer(type="logo", **data)


def resolve_layers(
    template: Template,
    aspect: str,
    end_card: bool,
    duration: float | None = None,
    brand: Brand | None = None,
    listing: bool = False,
) -> list[tuple[int, Any]]:
    """The layers drawn for ``aspect``, with their index in the template.

    Overrides are applied; end-card layers are left out when there is no end
    card; layers marked ``until_end_card`` end when the end card is fully in.
    With ``duration`` (a video longer or shorter than the template's), end-card
    layers move with the end.  Brand slots (``@brand.accent``, ``@brand.heading``)
    take ``brand``'s values, or the default brand's; a brand with a watermark adds
    it on top, as index ``len(template.layers)``.  ``listing``: the video has listing
    facts or a booking link (layers ``when`` "listing" / "no_listing" choose on it).
    The native renderer and the Remotion props both use this (through
    :func:`layers_for`), so they agree.
    """
    watermark = brand is not None and brand.watermark
    brand = brand or template.default_brand()
    shift = 0.0 if duration is None else duration - template.duration
    card_in: float | None = None
    if end_card:
        ends = [
            layer.start + shift + (layer.entrance.delay + layer.entrance.duration if layer.entrance else 0.0)
            for layer in template.layers
            if layer.end_card and _shown(layer, listing)
        ]
        card_in = min(ends) if ends else None
    resolved: list[tuple[int, Any]] = []
    for index, raw in enumerate(template.layers):
        if (raw.end_card and not end_card) or not _shown(raw, listing):
            continue
        if watermark and isinstance(raw, LogoLayer) and not raw.end_card:
            continue  # the watermark is the logo while the video plays: not two of them
        layer = resolve_layer(raw, aspect)
        if layer.end_card and shift:
            update: dict[str, Any] = {"start": max(0.0, layer.start + shift)}
            if layer.end is not None:
                update["end"] = max(update["start"] + 0.01, layer.end + shift)
            layer = layer.model_copy(update=update)
        if layer.until_end_card and card_in is not None:
            end = card_in if layer.end is None else min(layer.end, card_in)
            layer = layer.model_copy(update={"end": end})
        resolved.append((index, _with_brand(layer, brand)))
    if watermark:
        mark = watermark_layer(template, aspect)
        card_logo = any(isinstance(layer, LogoLayer) and layer.end_card for _, layer in resolved)
        if card_in is not None and card_logo:
            # The end card shows the logo large: the corner mark hands over to it (not two logos).
            fade = Animation.model_validate({"effects": ["fade"], "duration": 0.5})
            mark = mark.model_copy(update={"end": card_in, "exit": fade})
        resolved.append((len(template.layers), mark))
    return resolved


def layers_for(
    template: Template, props: Props, aspect: str, duration: float | None = None
) -> list[tuple[int, Any]]:
    """:func:`resolve_layers` for a video's props: its end card, brand and listing."""
    return resolve_layers(template, aspect, props.end_card, duration, props.brand, props.has_listing)


def _shown(layer: Any, listing: bool) -> bool:
    return bool(layer.when == "always" or (layer.when == "listing") == listing)


def background_color(template: Template, brand: Brand | None) -> str:
    return str(_with_brand(template.background, brand or template.default_brand()))


def _first_error(exc: ValidationError) -> str:
    err = exc.errors()[0]
    loc = ".".join(str(part) for part in err["loc"])
    return f"{loc}: {err['msg']}" if loc else str(err["msg"])


def templates_dir() -> Path:
    return resource_path("templates")


def load_template_file(path: Path) -> Template:
    """Load and validate one template file; errors name the file and the field."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise TemplateError(
            QT_TRANSLATE_NOOP("Message", "Template file not found: {path}"), path=path
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise TemplateError(
            QT_TRANSLATE_NOOP("Message", "Cannot read template {name}: {exc}"), name=path.name, exc=exc
        ) from None
    except json.JSONDecodeError as exc:
        raise TemplateError(
            QT_TRANSLATE_NOOP(
                "Message", "Template {name} is not valid JSON (line {lineno}, column {colno}): {msg}"
            ),
            name=path.name,
            lineno=exc.lineno,
            colno=exc.colno,
            msg=exc.msg,
        ) from None
    if not isinstance(data, dict):
        raise TemplateError(
            QT_TRANSLATE_NOOP("Message", "Template {name}: the file must hold a JSON object"), name=path.name
        )
    data.setdefault("id", path.stem)
    if data["id"] != path.stem:
        raise TemplateError(
            QT_TRANSLATE_NOOP("Message", "Template {name}: field id must be {stem}"),
            name=path.name,
            stem=repr(path.stem),
        )
    try:
        return Template.model_validate(data)
    except ValidationError as exc:
        raise TemplateError(
            QT_TRANSLATE_NOOP("Message", "Template {name}: field {first_error}"),
            name=path.name,
            first_error=_first_error(exc),
        ) from None


@lru_cache(maxsize=1)
def _all_templates(directory: Path) -> dict[str, Template]:
    found: dict[str, Template] = {}
    for path in sorted(directory.glob("*.json")):
        if path.name == "schema.json":
            continue
        template = load_template_file(path)
        found[template.id] = template
    return found


def list_templates(directory: Path | None = None) -> list[Template]:
    return list(_all_templates(directory or templates_dir()).values())


def get_template(template_id: str, directory: Path | None = None) -> Template:
    templates = _all_templates(directory or templates_dir())
    try:
        return templates[template_id]
    except KeyError:
        names = ", ".join(templates) or "none"
        raise TemplateError(
            QT_TRANSLATE_NOOP("Message", "Unknown template {template_id} (available: {names})"),
            template_id=repr(template_id),
            names=names,
        ) from None


def template_json_schema() -> dict[str, Any]:
    return Template.model_json_schema()
