"""What the user gives a render: the media in order, the words, the music and the length.

Paths, not pixels, so a job can be stored and reopened.  The native renderer,
the Remotion props, publishing, the CLI and the app all read this one model.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from vidstudio.render.brand import Brand
from vidstudio.render.listing import Listing, booking_link, default_cta, facts_line, format_price, short_link

# Photos are what Pillow reads (render/images.py); clips are what PyAV reads (render/clips.py).
PHOTO_SUFFIXES = (".jpg", ".jpeg", ".jfif", ".png", ".webp", ".bmp", ".tif", ".tiff", ".gif")
VIDEO_SUFFIXES = (".mp4", ".mov", ".m4v", ".webm", ".mkv")
AUDIO_SUFFIXES = (".mp3", ".m4a", ".aac", ".wav", ".flac", ".ogg", ".oga", ".opus")

MAX_MEDIA = 30
MIN_DURATION = 5.0
MAX_DURATION = 90.0
DURATION_PRESETS = (10, 15, 30, 60)

Fit = Literal["cover", "blur"]
MusicEnd = Literal["loop", "silence"]


def is_clip(path: Path) -> bool:
    return Path(path).suffix.lower() in VIDEO_SUFFIXES


@dataclass(frozen=True)
class MediaItem:
    """One photo or clip of a video, with how it is framed.

    ``focus`` is the point of the photo (fractions of its upright width and
    height) that every aspect's crop and motion keep in frame.  ``fit`` "blur"
    shows the whole photo over a blurred, dimmed copy of itself (a portrait
    photo in 16:9).  ``trim_in``/``trim_out`` are seconds of a clip; a clip keeps
    its own sound only when ``keep_sound`` is set.
    """

    path: Path
    focus: tuple[float, float] = (0.5, 0.5)
    fit: Fit = "cover"
    trim_in: float = 0.0
    trim_out: float | None = None
    keep_sound: bool = False
    caption: str = ""  # a template's per-scene text ({caption}), e.g. "Infinity pool"

    def __post_init__(self) -> None:
        object.__setattr__(self, "path", Path(self.path))
        fx, fy = self.focus
        object.__setattr__(self, "focus", (min(1.0, max(0.0, float(fx))), min(1.0, max(0.0, float(fy)))))
        object.__setattr__(self, "trim_in", max(0.0, float(self.trim_in)))
        if self.trim_out is not None:
            object.__setattr__(self, "trim_out", max(self.trim_in, float(self.trim_out)))

    @property
    def kind(self) -> Literal["photo", "clip"]:
        return "clip" if is_clip(self.path) else "photo"

    def to_json(self) -> dict[str, Any]:
        return {
            "path": str(self.path),
            "focus": list(self.focus),
            "fit": self.fit,
            "trim_in": self.trim_in,
            "trim_out": self.trim_out,
            "keep_sound": self.keep_sound,
            "caption": self.caption,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any] | str) -> MediaItem:
        if isinstance(data, str):
            return cls(Path(data))
        focus = data.get("focus") or (0.5, 0.5)
        return cls(
            path=Path(data["path"]),
            focus=(float(focus[0]), float(focus[1])),
            fit="blur" if data.get("fit") == "blur" else "cover",
            trim_in=float(data.get("trim_in") or 0.0),
            trim_out=float(data["trim_out"]) if data.get("trim_out") is not None else None,
            keep_sound=bool(data.get("keep_sound", False)),
            caption=str(data.get("caption") or ""),
        )


@dataclass(frozen=True)
class Music:
    """The music track: where in the track to start, fades, and what happens when it ends."""

    path: Path
    start: float = 0.0
    fade_in: float = 1.0
    fade_out: float = 2.0
    at_end: MusicEnd = "loop"

    def __post_init__(self) -> None:
        object.__setattr__(self, "path", Path(self.path))
        for name in ("start", "fade_in", "fade_out"):
            object.__setattr__(self, name, max(0.0, float(getattr(self, name))))

    @property
    def name(self) -> str:
        """What History and the published row call it: the file's name without its extension."""
        return self.path.stem

    def to_json(self) -> dict[str, Any]:
        return {
            "path": str(self.path),
            "start": self.start,
            "fade_in": self.fade_in,
            "fade_out": self.fade_out,
            "at_end": self.at_end,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Music:
        return cls(
            path=Path(data["path"]),
            start=float(data.get("start") or 0.0),
            fade_in=float(data.get("fade_in", 1.0)),
            fade_out=float(data.get("fade_out", 2.0)),
            at_end="silence" if data.get("at_end") == "silence" else "loop",
        )


@dataclass(frozen=True, init=False)
class Props:
    """The media in order, the words, the music and the length (None: the template's own)."""

    title: str
    subtitle: str = ""
    media: tuple[MediaItem, ...] = ()
    logo: Path | None = None
    cta: str = ""
    end_card: bool = True
    music: Music | None = None
    duration: float | None = None
    # The listing's facts and how to book, the brand kit, and the language of the video's words.
    listing: Listing = field(default_factory=Listing)
    brand: Brand | None = None
    language: str = "en"

    def __init__(
        self,
        title: str,
        subtitle: str = "",
        photo: Path | None = None,
        logo: Path | None = None,
        cta: str = "",
        end_card: bool = True,
        *,
        media: tuple[MediaItem | Path, ...] | list[MediaItem | Path] = (),
        music: Music | None = None,
        duration: float | None = None,
        listing: Listing | None = None,
        brand: Brand | None = None,
        language: str = "en",
    ) -> None:
        # ``photo=`` is the one-photo shorthand (the 0.1 form, most tests): it is stored as media.
        items = tuple(m if isinstance(m, MediaItem) else MediaItem(Path(m)) for m in media)
        if photo is not None and not items:
            items = (MediaItem(Path(photo)),)
        object.__setattr__(self, "title", title)
        object.__setattr__(self, "subtitle", subtitle)
        object.__setattr__(self, "media", items)
        object.__setattr__(self, "logo", Path(logo) if logo is not None else None)
        object.__setattr__(self, "cta", cta)
        object.__setattr__(self, "end_card", end_card)
        object.__setattr__(self, "music", music)
        object.__setattr__(self, "duration", float(duration) if duration is not None else None)
        object.__setattr__(self, "listing", listing if listing is not None else Listing())
        object.__setattr__(self, "brand", brand)
        object.__setattr__(self, "language", language or "en")

    @property
    def photo(self) -> Path | None:
        """The first photo (the row's ``image_url``, History's name); None when there is none."""
        for item in self.media:
            if item.kind == "photo":
                return item.path
        return None

    @property
    def first_media(self) -> Path | None:
        return self.media[0].path if self.media else None

    @property
    def logo_path(self) -> Path | None:
        """The logo drawn: the video's own, unless a locked brand decides, else the brand's."""
        if self.brand is not None and (self.brand.locked or self.logo is None):
            return self.brand.logo
        return self.logo

    @property
    def has_listing(self) -> bool:
        """Listing facts or a booking link are set: templates show their listing end card."""
        return not self.listing.is_empty

    @property
    def link(self) -> str:
        """The booking link the QR code holds (WhatsApp, else the web address); empty if none."""
        return booking_link(self.listing, self.language, self.title)

    def text_for(self, name: str) -> str:
        """The value of a template placeholder ({title}, {price}, {facts}, ...) in the video's language."""
        listing = self.listing
        if name == "cta":
            return self.cta or default_cta(listing, self.language)
        if name == "price":
            return format_price(listing.price, listing.currency, self.language) if listing.price else ""
        if name == "facts":
            return facts_line(listing, self.language)
        if name in ("location", "offer"):
            value: str = getattr(listing, name)
            return value
        if name == "link":
            return short_link(self.link)
        if name == "brand":
            return self.brand.name if self.brand is not None else ""
        text: str = getattr(self, name)
        return text

    def replace(self, **changes: Any) -> Props:
        data: dict[str, Any] = {
            "title": self.title,
            "subtitle": self.subtitle,
            "logo": self.logo,
            "cta": self.cta,
            "end_card": self.end_card,
            "media": self.media,
            "music": self.music,
            "duration": self.duration,
            "listing": self.listing,
            "brand": self.brand,
            "language": self.language,
        }
        data.update(changes)
        return Props(**data)

    def to_json(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "subtitle": self.subtitle,
            "photo": str(self.photo) if self.photo else None,  # read by 0.1–0.3 builds
            "media": [item.to_json() for item in self.media],
            "logo": str(self.logo) if self.logo else None,
            "cta": self.cta,
            "end_card": self.end_card,
            "music": self.music.to_json() if self.music else None,
            "duration": self.duration,
            "listing": self.listing.to_json(),
            "brand": self.brand.to_json() if self.brand is not None else None,
            "language": self.language,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Props:
        media = tuple(MediaItem.from_json(item) for item in data.get("media") or ())
        if not media and data.get("photo"):
            media = (MediaItem(Path(data["photo"])),)
        return cls(
            title=str(data.get("title", "")),
            subtitle=str(data.get("subtitle", "")),
            media=media,
            logo=Path(data["logo"]) if data.get("logo") else None,
            cta=str(data.get("cta", "")),
            end_card=bool(data.get("end_card", True)),
            music=Music.from_json(data["music"]) if data.get("music") else None,
            duration=float(data["duration"]) if data.get("duration") is not None else None,
            listing=Listing.from_json(data.get("listing")),
            brand=Brand.from_json(data["brand"]) if data.get("brand") else None,
            language=str(data.get("language") or "en"),
        )
