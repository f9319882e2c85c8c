"""Input props for the Remotion twin of the templates (``remotion/``).

The Remotion compositions interpret the same template JSON as :mod:`paint`; to
keep one source of truth, vidstudio sends them what Python has already decided:

- ``scene``: the template's layers resolved for the aspect and the video's length
  by the same pydantic models (overrides applied, every default filled in, end
  card moved with the end), so TypeScript restates no default;
- ``scene.text``: the text layout computed here with Qt (:func:`paint.text_layout`:
  font size after shrink-to-fit, wrapped lines, positions and baselines in the
  aspect's reference pixels), so TypeScript draws lines and never re-fits text;
- ``timeline``: the scenes of :func:`timeline.timeline` (start and length in
  seconds, motion, the transition in), each with its per-scene layers on the
  scene's clock and their captions laid out like the other text, so Remotion
  never re-derives how the length is shared;
- ``media``: every photo and clip by URL with its upright pixel size, focus, fit
  and trim (a clip's length between its in and out points; a "blur" photo's
  backdrop reduced to ``BLUR_WIDTH`` pixels, made with Qt as the native
  renderer makes it);
- ``soundtrack``: the one WAV Python mixed and normalised (``render.audio``),
  played at volume 1, with its figures (gain, fades, music name) for the record;
- the brand and the listing (3): layers come with brand slots resolved and
  chosen by the listing (``template.layers_for``), the background resolved; each
  text block says its ``language``, whether it is right to left and its badge
  (the rounded box behind it, in reference pixels); each ``qr`` layer carries the
  code's modules (rows of "0"/"1") with the card and module size the native
  renderer computes (``paint.qr_rect``), each logo layer an SVG logo rasterised by
  Qt at the size it is drawn, and ``fonts`` lists the brand's own font files by
  URL with the family name Qt registered them under.

The props are plain JSON (``json.dumps`` works on the result).
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, Qt
from PySide6.QtGui import QFontMetricsF, QImage

from vidstudio.messages import QT_TRANSLATE_NOOP
from vidstudio.render.errors import RenderError
from vidstudio.render.fonts import make_font
from vidstudio.render.images import image_cache, probe_image
from vidstudio.render.listing import qr_code
from vidstudio.render.paint import (
    BLUR_DIM,
    BLUR_WIDTH,
    ZOOM_TRANSITION,
    TextBlock,
    _badge_rect,
    blur_backdrop_small,
    layout_text,
    qr_rect,
    text_layout,
    validate_props,
)
from vidstudio.render.props import MediaItem, Props
from vidstudio.render.template import (
    ASPECTS,
    REFERENCE_SHORT_SIDE,
    LogoLayer,
    PhotoLayer,
    QrLayer,
    Template,
    TextLayer,
    Transition,
    background_color,
    layers_for,
    resolve_layers,
)
from vidstudio.render.timeline import Timeline, scene_layer, timeline

# 3: brand (slots resolved, watermark, user fonts), QR codes, badges, language and RTL text.
# 2: scenes, transitions, several media, clips and the soundtrack (1: one photo).
PROPS_VERSION = 3


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


@dataclass(frozen=True)
class SoundtrackRef:
    """The soundtrack WAV by URL and the figures it was made with (for the record)."""

    url: str
    duration: float
    figures: Mapping[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"url": self.url, "duration": self.duration, "volume": 1.0, **dict(self.figures)}


def soundtrack_figures(props: Props, soundtrack: Any) -> dict[str, Any]:
    """What the props record about the soundtrack: the music, its fades and the gain applied."""
    music = props.music
    figures: dict[str, Any] = {}
    if music is not None:
        figures.update(
            music_name=music.name,
            music_start=music.start,
            fade_in=music.fade_in,
            fade_out=music.fade_out,
            at_end=music.at_end,
        )
    # render.audio.Soundtrack measures what it made (FFmpeg's ebur128 on the samples).
    for key, name in (("loudness_lufs", "loudness"), ("true_peak_dbtp", "true_peak")):
        value = getattr(soundtrack, name, None)
        if isinstance(value, int | float):
            figures[key] = round(float(value), 2)
    figures["sample_rate"] = 48000
    figures["clip_sounds"] = sum(1 for item in props.media if item.kind == "clip" and item.keep_sound)
    return figures


@dataclass(frozen=True)
class WrittenSoundtrack:
    """The soundtrack of a render written as a WAV file, ready to be served or uploaded."""

    path: Path
    duration: float
    figures: Mapping[str, Any]

    def ref(self, url: str) -> SoundtrackRef:
        return SoundtrackRef(url, self.duration, self.figures)


def write_soundtrack(template: Template, props: Props, folder: Path) -> WrittenSoundtrack | None:
    """The soundtrack the native encoder muxes, written to ``folder``/soundtrack.wav (None: silent).

    The very samples of the native render (music with its start, fades and loop, clip
    sounds kept under it, normalised to −14 LUFS), computed once here; Remotion plays
    them at volume 1, so both videos sound the same.
    """
    keeps = any(item.kind == "clip" and item.keep_sound for item in props.media)
    if props.music is None and not keeps:
        return None
    from vidstudio.render.audio import write_wav
    from vidstudio.render.media import soundtrack_for

    duration = timeline(template, props).duration
    soundtrack = soundtrack_for(template, props)
    if soundtrack is None:
        return None
    path = write_wav(soundtrack, Path(folder) / "soundtrack.wav")
    return WrittenSoundtrack(Path(path), duration, soundtrack_figures(props, soundtrack))


def _is_svg(path: Path) -> bool:
    return Path(path).suffix.lower() == ".svg"


def brand_font_files(props: Props) -> list[Path]:
    """The brand's own font files (heading, body), each once."""
    found: list[Path] = []
    if props.brand is not None:
        from vidstudio.render.brand import FONT_SLOTS

        for slot in FONT_SLOTS:
            path = props.brand.font_file(slot)
            if path is not None and path not in found:
                found.append(path)
    return found


def media_paths(props: Props) -> list[Path]:
    """Every file a render of ``props`` loads, in order, each once: media, the logo drawn (the
    video's or the brand's, ``Props.logo_path``), the brand's font files.

    An SVG logo is not among them: it travels in the props as Qt drew it (:func:`_logo_image`).
    """
    logo = props.logo_path
    logos = [logo] if logo is not None and not _is_svg(logo) else []
    seen: list[Path] = []
    for path in [item.path for item in props.media] + logos + brand_font_files(props):
        if path not in seen:
            seen.append(path)
    return seen


def _block_json(block: TextBlock, layer: TextLayer | None = None) -> dict[str, Any]:
    font = make_font(block.family, block.weight, block.italic, block.font_px, block.language)
    metrics = QFontMetricsF(font)
    ascent = metrics.ascent()
    leading = (block.line_height_px - metrics.height()) / 2
    bounds = block.bounds
    badge = _badge_rect(layer, block) if layer is not None else None
    return {
        "language": block.language,
        "rtl": block.rtl,
        # paint._rasterise_text: the badge is drawn under the text, in the text's colour space.
        "badge": {
            "rect": [badge.x(), badge.y(), badge.width(), badge.height()],
            "color": layer.background.color,
            "radius": layer.background.corner_radius * REFERENCE_SHORT_SIDE,
        }
        if badge is not None and layer is not None and layer.background is not None
        else None,
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


def _check_aspect(template: Template, aspect: str) -> None:
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


def _layer_json(index: int, layer: Any) -> dict[str, Any]:
    data: dict[str, Any] = layer.model_dump(mode="json")
    data.pop("overrides", None)
    data["index"] = index
    return data


def qr_json(layer: QrLayer, link: str, aspect: str) -> dict[str, Any] | None:
    """A QR layer's code as ``paint.qr_image`` draws it, in the aspect's reference pixels.

    The card and module size are computed for the reference size, which is the size
    Remotion renders at (and the native 1080p canvas), so both draw the same whole-pixel
    modules at the same pixels; at another size Remotion scales them.  None: no link.
    """
    if not link:
        return None
    code = qr_code(link)
    w, h = ASPECTS[aspect]
    box = layer.box
    target, module = qr_rect(layer, code.size, QRectF(box[0] * w, box[1] * h, box[2] * w, box[3] * h))
    return {
        **code.to_json(),
        "rect": [target.x(), target.y(), target.width(), target.height()],
        "module": module,
        "offset": layer.quiet_zone * module,
        "radius": min(layer.corner_radius * REFERENCE_SHORT_SIDE, module * layer.quiet_zone * 0.8),
    }


def _logo_image(layer: LogoLayer, path: Path, aspect: str) -> dict[str, Any]:
    """An SVG logo as ``paint.Scene._prepare`` draws it for ``layer``: rasterised by QtSvg, scaled
    to the size drawn, as a PNG data URL (a few KB at logo sizes)."""
    w, h = ASPECTS[aspect]
    box = layer.box
    logo = image_cache.get(path, max_short=1080)
    fit = min(box[2] * w / logo.width(), box[3] * h / logo.height())
    width, height = max(1, round(logo.width() * fit)), max(1, round(logo.height() * fit))
    scaled = logo.scaled(
        width, height, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation
    )
    return {"url": _png_data_url(scaled), "width": logo.width(), "height": logo.height()}


def scene_json(template: Template, props: Props, aspect: str) -> dict[str, Any]:
    """The template resolved for ``aspect``, the video's length, brand and listing, plus the text
    layout, the QR codes and SVG logos as drawn."""
    _check_aspect(template, aspect)
    line = timeline(template, props)
    layers = []
    logo = props.logo_path
    for index, layer in layers_for(template, props, aspect, line.duration):
        if layer.per_scene:
            continue
        data = _layer_json(index, layer)
        if isinstance(layer, QrLayer):
            data["qr"] = qr_json(layer, props.link, aspect)
        elif isinstance(layer, LogoLayer) and logo is not None and _is_svg(logo):
            data["image"] = _logo_image(layer, logo, aspect)
        layers.append(data)
    # text_layout resolves the layers as layers_for does (without the end-card shift, which
    # moves times only): the badge's box and colour come from the same resolved layer.
    text_layers = dict(layers_for(template, props, aspect))
    text = {
        str(block.layer_index): _block_json(block, text_layers.get(block.layer_index))
        for block in text_layout(template, props, aspect)
    }
    return {
        "template_id": template.id,
        "fps": template.fps,
        "duration": line.duration,
        "frame_count": line.frame_count,
        "background": background_color(template, props.brand),
        "language": props.language,
        "reference": list(ASPECTS[aspect]),
        "layers": layers,
        "text": text,
    }


def _transition_json(transition: Transition | None) -> dict[str, Any] | None:
    return transition.model_dump(mode="json") if transition is not None else None


def timeline_json(template: Template, props: Props, aspect: str) -> dict[str, Any]:
    """The scenes (seconds), their motion and transition, and their per-scene layers laid out."""
    line: Timeline = timeline(template, props)
    per_scene = [
        (index, layer)
        for index, layer in layers_for(template, props, aspect, line.duration)
        if layer.per_scene
    ]
    scenes = []
    for scene in line.scenes:
        layers = []
        for index, raw in per_scene:
            layer = scene_layer(raw, scene)
            if layer is None:
                continue
            data = _layer_json(index, layer)
            if data["type"] == "text":
                caption = scene.item.caption if scene.item is not None else ""
                block = layout_text(template, layer, index, props, aspect, caption)
                if block is None:
                    continue
                data["block"] = _block_json(block, layer)
            layers.append(data)
        scenes.append(
            {
                "index": scene.index,
                "media": scene.index if scene.item is not None else None,
                "start": scene.start,
                "length": scene.length,
                # paint.Scene._paint_scene: a clip moves by itself, no pan or zoom on top of it.
                "motion": scene.motion.model_dump(mode="json")
                if scene.motion is not None and (scene.item is None or scene.item.kind != "clip")
                else None,
                "transition_in": _transition_json(scene.transition_in),
                "layers": layers,
            }
        )
    return {
        "duration": line.duration,
        "fps": line.fps,
        "frame_count": line.frame_count,
        "clip_end": template.scenes.clip_end,
        "zoom_transition": ZOOM_TRANSITION,
        "scenes": scenes,
    }


def _photo_rect(template: Template, aspect: str) -> QRectF:
    """The media layer's box in the aspect's reference pixels (the size Remotion renders at)."""
    w, h = ASPECTS[aspect]
    for _, layer in resolve_layers(template, aspect, False):
        if isinstance(layer, PhotoLayer):
            box = layer.box
            return QRectF(box[0] * w, box[1] * h, box[2] * w, box[3] * h)
    return QRectF(0, 0, w, h)


def _png_data_url(image: QImage) -> str:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # PySide6 takes a str; its stubs say bytes
    buffer.close()
    return "data:image/png;base64," + base64.b64encode(bytes(data.data())).decode("ascii")


def media_json(item: MediaItem, url: str, template: Template, aspect: str) -> dict[str, Any]:
    """One photo or clip as the composition needs it (probed here, so errors name the file)."""
    data: dict[str, Any] = {
        "kind": item.kind,
        "url": url,
        "focus": list(item.focus),
        "fit": item.fit,
        "trim_in": item.trim_in,
        "trim_out": item.trim_out,
        "backdrop": None,
        "blur_dim": BLUR_DIM,
        "blur_width": BLUR_WIDTH,
        "crop": None,
        "caption": item.caption,  # for the record: the composition draws timeline.scenes[].layers
    }
    if item.kind == "clip":
        from vidstudio.render.clips import probe_clip

        clip = probe_clip(item.path)
        end = item.trim_out if item.trim_out is not None else clip.duration
        # paint.Scene._prepare_media: the same length, so hold and loop start at the same frame.
        length = max(1.0 / template.fps, min(end, clip.duration) - item.trim_in)
        data.update(width=clip.width, height=clip.height, clip_length=length, clip_duration=clip.duration)
        data["crop"] = (
            None
            if item.fit == "blur"
            else clip_crop(item.path, clip.width, clip.height, item.focus, template, aspect)
        )
        return data
    info = probe_image(item.path)
    data.update(width=info.width, height=info.height, clip_length=None, clip_duration=None)
    if item.fit == "blur":
        small = blur_backdrop_small(image_cache.get(item.path), _photo_rect(template, aspect))
        data["backdrop"] = _png_data_url(small)
    return data


def clip_crop(
    path: Path, width: int, height: int, focus: tuple[float, float], template: Template, aspect: str
) -> list[int] | None:
    """The part of an upright clip frame the native renderer shows, ``[left, top, w, h]`` in the
    clip's pixels (None: all of it), stretched over the box.

    ``clips.focus_crop`` for a reader of the box's size with the item's focus (how
    ``paint.Scene._prepare_media`` opens a covering clip), then aligned as libavfilter aligns it.
    """
    from vidstudio.render.clips import cover_size, focus_crop

    rect = _photo_rect(template, aspect)
    box = (max(1, round(rect.width())), max(1, round(rect.height())))
    found = focus_crop(width, height, box, cover_size(width, height, QSize(*box)), focus)
    if found is None:
        return None
    crop_w, crop_h, left, top = found
    # libavfilter's crop (``exact`` off, as the reader uses it) aligns the crop to the chroma
    # planes: a 4:2:0 frame's origin and size become even (measured: without this the 9:16 clip
    # stills scored 0.984, with it 0.995).
    hsub, vsub = _chroma_shift(path)
    xs, ys = ~((1 << hsub) - 1), ~((1 << vsub) - 1)
    return [left & xs, top & ys, crop_w & xs, crop_h & ys]


def _chroma_shift(path: Path) -> tuple[int, int]:
    """log2 of the horizontal and vertical chroma subsampling of a clip's decoded frames."""
    import av

    with av.open(str(path)) as container:
        fmt = container.streams.video[0].codec_context.format
    if fmt is None or fmt.is_rgb or len(fmt.components) < 3:
        return 0, 0
    hsub = (8 // max(1, fmt.chroma_width(8))).bit_length() - 1
    vsub = (8 // max(1, fmt.chroma_height(8))).bit_length() - 1
    return hsub, vsub


UrlFor = Callable[[Path], str] | Mapping[Path, str]


def _lookup(url_for: UrlFor, path: Path) -> str:
    return url_for[path] if isinstance(url_for, Mapping) else url_for(path)


def remotion_input_props(
    template: Template,
    props: Props,
    aspect: str,
    *,
    url_for: UrlFor | None = None,
    photo: ImageRef | None = None,
    logo: ImageRef | None = None,
    soundtrack: SoundtrackRef | None = None,
) -> dict[str, Any]:
    """All a ``remotion/`` composition needs to draw ``template`` as :func:`paint_frame` does.

    ``url_for`` gives the URL every file of :func:`media_paths` is served at (a
    mapping or a function); None only for checking the props before anything is
    uploaded (URLs are then empty).  ``photo``/``logo``: the one-photo form, for
    callers that hold an :class:`ImageRef` (its URL wins for the first photo).
    """
    validate_props(props)
    _check_aspect(template, aspect)

    def url(path: Path) -> str:
        if photo is not None and path == props.photo:
            return photo.url
        if logo is not None and path == props.logo_path:
            return logo.url
        return _lookup(url_for, path) if url_for is not None else ""

    media = [media_json(item, url(item.path), template, aspect) for item in props.media]
    first_photo = next((m for m in media if m["kind"] == "photo"), None)
    photo_ref = (
        {"url": first_photo["url"], "width": first_photo["width"], "height": first_photo["height"]}
        if first_photo
        else None
    )
    logo_path = props.logo_path
    # An SVG logo is drawn from each logo layer's own "image" (Qt's rasterisation): no URL here.
    logo_ref = (
        image_ref(logo_path, url(logo_path)).to_json()
        if logo_path is not None and not _is_svg(logo_path)
        else None
    )
    fonts = [
        {"family": _brand_family(props, path), "url": url(path), **_font_descriptors(path)}
        for path in brand_font_files(props)
    ]
    return {
        "props_version": PROPS_VERSION,
        "aspect": aspect,
        "title": props.title,
        "subtitle": props.subtitle,
        "cta": props.cta,
        "end_card": props.end_card,
        "image_url": photo_ref["url"] if photo_ref else None,  # the first photo (0.1 props)
        "photo": photo_ref,
        "logo": logo_ref,
        "media": media,
        "scene": scene_json(template, props, aspect),
        "timeline": timeline_json(template, props, aspect),
        "soundtrack": soundtrack.to_json() if soundtrack is not None else None,
        "language": props.language,
        "fonts": fonts,
    }


def _font_descriptors(path: Path) -> dict[str, Any]:
    """The CSS ``FontFace`` weight and style of a font file, from the file itself (QRawFont).

    A brand's file is one face: Chromium must know a Bold file is bold, else a heading
    at weight 700 gets a synthetic bold on top of it (Qt's database knows the file's own
    weight and uses the face as it is).
    """
    from PySide6.QtGui import QFont, QRawFont

    raw = QRawFont(Path(path).read_bytes(), 40)
    if not raw.isValid():
        return {"weight": 400, "style": "normal"}
    weight = 700 if raw.weight() >= 600 else 400
    return {"weight": weight, "style": "italic" if raw.style() != QFont.Style.StyleNormal else "normal"}


def _brand_family(props: Props, path: Path) -> str:
    """The family Qt registered a brand font file under: the name the layers' fonts carry."""
    from vidstudio.render.fonts import register_user_font

    return register_user_font(path)


def props_size(input_props: Mapping[str, Any]) -> int:
    """Bytes of the props as Remotion's SDK serialises them (compact JSON, UTF-8)."""
    return len(json.dumps(input_props, separators=(",", ":")).encode("utf-8"))
