"""A brand kit: logo, colours, fonts, watermark, and whether a video may override them.

Templates refer to brand *slots* instead of fixed values: a colour may be
``@brand.primary``, ``@brand.accent`` or ``@brand.text`` (with an alpha suffix,
``@brand.primary/e0``), a font family ``@brand.heading`` or ``@brand.body``.
:func:`resolve_color` and :func:`resolve_family` turn them into plain values with
the video's brand, or with :data:`DEFAULT_BRAND` (the colours the templates had
before brands existed) when there is none, so a template needs no second copy
for "no brand".  Slots are resolved in ``template.resolve_layers``, which both
renderers read, so the native renderer and the Remotion twin apply the same brand.

A brand's files (its logo and its own fonts) are copied into the app's data by
:func:`import_file` under a name made of their content, so a brand keeps working
when the original file is moved; :meth:`Brand.check` names a file that is gone.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from vidstudio.messages import QT_TRANSLATE_NOOP
from vidstudio.render.errors import ImageError, PropsError

COLOR_SLOTS = ("primary", "accent", "text")
FONT_SLOTS = ("heading", "body")
BUNDLED_FAMILIES = ("Inter", "EB Garamond")
FONT_SUFFIXES = (".ttf", ".otf")
LOGO_SUFFIXES = (".png", ".svg", ".webp", ".jpg", ".jpeg")
MAX_NAME = 40

_HEX = re.compile(r"^#(?:[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$")
_SLOT = re.compile(r"^@brand\.(primary|accent|text)(?:/([0-9a-fA-F]{2}))?$")
_FONT_SLOT = re.compile(r"^@brand\.(heading|body)$")


def is_color_slot(value: str) -> bool:
    return bool(_SLOT.match(value))


def is_font_slot(value: str) -> bool:
    return bool(_FONT_SLOT.match(value))


def parse_color(text: str) -> str:
    """A colour a user typed ("#1A6B5C", "1a6b5c", "#abc") as ``#rrggbb``; PropsError otherwise."""
    value = text.strip().lower()
    if value and not value.startswith("#"):
        value = "#" + value
    if re.fullmatch(r"#[0-9a-f]{3}", value):
        value = "#" + "".join(c * 2 for c in value[1:])
    if not re.fullmatch(r"#[0-9a-f]{6}", value):
        raise PropsError(
            QT_TRANSLATE_NOOP("Message", "“{value}” is not a colour; pick one or type it like #1A6B5C."),
            value=text.strip()[:20],
        )
    return value


@dataclass(frozen=True)
class Brand:
    """One brand.  ``heading_font``/``body_font``: a bundled family ("Inter") or the path of
    the brand's own TTF/OTF file (copied into the app's data by :func:`import_file`)."""

    name: str
    logo: Path | None = None
    primary: str = "#0d1b24"
    accent: str = "#f4c66a"
    text: str = "#ffffff"
    heading_font: str = "Inter"
    body_font: str = "Inter"
    watermark: bool = False
    locked: bool = False

    def replace(self, **changes: Any) -> Brand:
        return replace(self, **changes)

    def color(self, slot: str) -> str:
        value: str = getattr(self, slot)
        return value

    def font_file(self, slot: str) -> Path | None:
        value: str = getattr(self, f"{slot}_font")
        return Path(value) if value.lower().endswith(FONT_SUFFIXES) else None

    def files(self) -> list[Path]:
        """The files this brand needs (its logo and own fonts)."""
        found = [self.logo] if self.logo is not None else []
        return found + [path for slot in FONT_SLOTS if (path := self.font_file(slot)) is not None]

    def check(self) -> Brand:
        """Raise :class:`PropsError` (one plain sentence) when a colour, the logo or a font cannot be used."""
        if not self.name.strip():
            raise PropsError(QT_TRANSLATE_NOOP("Message", "The brand needs a name."))
        for slot in COLOR_SLOTS:
            value = self.color(slot)
            if not _HEX.match(value):
                raise PropsError(
                    QT_TRANSLATE_NOOP(
                        "Message", "The brand {brand} has a colour that is not a colour: “{value}”."
                    ),
                    brand=self.name,
                    value=value[:20],
                )
        for path in self.files():
            if not path.is_file():
                raise PropsError(
                    QT_TRANSLATE_NOOP(
                        "Message",
                        "The brand {brand} is missing its file {name}; choose it again in Settings → Brand.",
                    ),
                    brand=self.name,
                    name=path.name,
                )
        if self.logo is not None:
            check_logo(self.logo)
        for slot in FONT_SLOTS:
            font_path = self.font_file(slot)
            if font_path is not None:
                from vidstudio.render.fonts import register_user_font

                register_user_font(font_path)
            elif getattr(self, f"{slot}_font") not in BUNDLED_FAMILIES:
                raise PropsError(
                    QT_TRANSLATE_NOOP(
                        "Message", "The brand {brand} uses a font vidstudio does not have: {font}."
                    ),
                    brand=self.name,
                    font=str(getattr(self, f"{slot}_font"))[:40],
                )
        return self

    def family(self, slot: str) -> str:
        """The family a text in ``slot`` ("heading", "body") is drawn in."""
        path = self.font_file(slot)
        if path is None:
            value: str = getattr(self, f"{slot}_font")
            return value
        from vidstudio.render.fonts import register_user_font

        return register_user_font(path)

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "logo": str(self.logo) if self.logo else None,
            "primary": self.primary,
            "accent": self.accent,
            "text": self.text,
            "heading_font": self.heading_font,
            "body_font": self.body_font,
            "watermark": self.watermark,
            "locked": self.locked,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Brand:
        """A stored brand as it was saved (:meth:`check` says what no longer works)."""
        default = DEFAULT_BRAND
        return cls(
            name=str(data.get("name") or ""),
            logo=Path(data["logo"]) if data.get("logo") else None,
            primary=str(data.get("primary") or default.primary),
            accent=str(data.get("accent") or default.accent),
            text=str(data.get("text") or default.text),
            heading_font=str(data.get("heading_font") or default.heading_font),
            body_font=str(data.get("body_font") or default.body_font),
            watermark=bool(data.get("watermark", False)),
            locked=bool(data.get("locked", False)),
        )


# The look of every template before brands: navy end card, warm gold accent, white text.
DEFAULT_BRAND = Brand(name="vidstudio")


def resolve_color(value: str, brand: Brand | None) -> str:
    """``@brand.accent`` → the brand's (or the default) colour; a plain colour as it is."""
    match = _SLOT.match(value)
    if match is None:
        return value
    color = (brand or DEFAULT_BRAND).color(match.group(1))
    return color[:7] + (match.group(2) or "").lower()


def resolve_family(value: str, brand: Brand | None) -> str:
    match = _FONT_SLOT.match(value)
    if match is None:
        return value
    return (brand or DEFAULT_BRAND).family(match.group(1))


def check_logo(path: Path) -> None:
    """Raise :class:`ImageError` when ``path`` is not a logo vidstudio can draw (SVG included)."""
    if path.suffix.lower() == ".svg":
        from vidstudio.render.images import load_svg

        load_svg(path, 64)
        return
    from vidstudio.render.images import probe_image

    probe_image(path)


def import_file(source: Path, folder: Path) -> Path:
    """Copy a brand's logo or font into ``folder`` under a content name; the copy's path.

    The same file imported twice is stored once.  The file is checked first
    (a logo must draw, a font must register), so a bad file is refused with its
    sentence and nothing is copied.
    """
    suffix = source.suffix.lower()
    if suffix in FONT_SUFFIXES:
        from vidstudio.render.fonts import register_user_font

        register_user_font(source)
    elif suffix in LOGO_SUFFIXES:
        check_logo(source)
    else:
        raise ImageError(
            QT_TRANSLATE_NOOP(
                "Message",
                "{name} is not a logo or a font; choose a PNG or SVG logo, or a TTF or OTF font.",
            ),
            name=source.name,
        )
    digest = hashlib.sha256(source.read_bytes()).hexdigest()[:16]
    folder.mkdir(parents=True, exist_ok=True)
    stem = re.sub(r"[^A-Za-z0-9_-]+", "-", source.stem).strip("-")[:40] or "file"
    target = folder / f"{stem}-{digest}{suffix}"
    if not target.exists():
        partial = target.with_name(target.name + ".part")
        shutil.copyfile(source, partial)
        partial.replace(target)
    return target
