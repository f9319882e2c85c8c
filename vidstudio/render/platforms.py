"""Where a video is published: each platform's aspect, length limits and the parts of the
picture its own interface covers.

A :class:`Platform` is plain data (no Qt, no PyAV): the renderer's aspect it shows
full screen, the shortest and longest upload it takes as that kind of post, and its
``zones``: rectangles, as fractions of the canvas (x and w of the width, y and h of
the height), that the app draws over the video (account name and top bar, caption
and music, the column of like/comment/share buttons, a reply bar).  The figures, with
their sources and pixel values on 1080×1920, are in docs/platforms.md; they are the
organic (not ad) interface, which is what a post from the user's account shows.

Templates have one layout per aspect, so a 9:16 layout has to avoid every 9:16
platform's zones at once: :func:`union_zones`.  :func:`safe_rect` is the largest
horizontally centred rectangle that none of a set of zones overlaps (titles are
centred); on the 9:16 union it keeps 62 % of the height and 64 % of the width
(docs/platforms.md).

``name`` is English, marked for translation in context ``"Platform"``: the UI shows
``QCoreApplication.translate("Platform", platform.name)``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from vidstudio.messages import QT_TRANSLATE_NOOP

# A box overlaps a zone only when it goes this far (a fraction of the canvas) into it:
# a box laid out exactly on a zone's edge, after rounding, does not count.
TOLERANCE = 0.002

Rect = tuple[float, float, float, float]  # x, y, w, h as fractions of the canvas


@dataclass(frozen=True)
class Zone:
    """A part of the picture a platform's interface covers (fractions of the canvas)."""

    name: str
    x: float
    y: float
    w: float
    h: float

    @property
    def rect(self) -> Rect:
        return (self.x, self.y, self.w, self.h)

    def overlaps(self, box: Sequence[float], tolerance: float = TOLERANCE) -> bool:
        """Whether ``box`` ([x, y, w, h] fractions) goes more than ``tolerance`` into this zone."""
        bx, by, bw, bh = box
        dx = min(bx + bw, self.x + self.w) - max(bx, self.x)
        dy = min(by + bh, self.y + self.h) - max(by, self.y)
        return dx > tolerance and dy > tolerance


@dataclass(frozen=True)
class Platform:
    """One place to publish: see the module docstring.  Durations are seconds."""

    id: str
    name: str
    aspect: str  # one of render/template.py ASPECTS: the shape this platform shows full screen
    min_duration: float
    max_duration: float
    recommended_duration: float
    zones: tuple[Zone, ...]
    # Every aspect it shows without bars or a crop; ``aspect`` is the first.
    accepts: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not self.accepts:
            object.__setattr__(self, "accepts", (self.aspect,))

    def safe_rect(self) -> Rect:
        """The largest horizontally centred rectangle none of this platform's zones covers."""
        return safe_rect(self.zones)

    def intrusions(self, box: Sequence[float]) -> list[str]:
        """The names of this platform's zones that ``box`` ([x, y, w, h] fractions) overlaps."""
        return intrusions(box, self.zones)


def intrusions(box: Sequence[float], zones: Iterable[Zone], tolerance: float = TOLERANCE) -> list[str]:
    """The names of the ``zones`` that ``box`` ([x, y, w, h] fractions) goes into, in order."""
    return [zone.name for zone in zones if zone.overlaps(box, tolerance)]


def safe_rect(zones: Iterable[Zone]) -> Rect:
    """The largest rectangle, centred left to right, that no zone overlaps (fractions).

    Centred because titles and end cards are: a rectangle that only avoids the button
    column on the right would be larger but put a centred title off centre.  Its top
    and bottom are free.  Every candidate edge is a zone edge (or the canvas), so
    trying them all is exact; a handful of zones make a few hundred candidates.
    """
    rects = [zone.rect for zone in zones]
    # Half-widths from the centre line that an edge of a zone sets.
    halves = {0.5}
    for x, _y, w, _h in rects:
        for edge in (x, x + w):
            if 0.0 <= edge <= 1.0:
                halves.add(abs(edge - 0.5))
    best: Rect = (0.5, 0.5, 0.0, 0.0)
    best_area = 0.0
    for half in sorted(halves):
        left, right = 0.5 - half, 0.5 + half
        # The zones this width meets, as vertical intervals; the free runs between them.
        blocked = sorted(
            (y, y + h) for x, y, w, h in rects if min(right, x + w) - max(left, x) > 1e-9 and h > 0
        )
        for top, bottom in _free_runs(blocked):
            area = (right - left) * (bottom - top)
            if area > best_area + 1e-12:
                best, best_area = (left, top, right - left, bottom - top), area
    return (round(best[0], 6), round(best[1], 6), round(best[2], 6), round(best[3], 6))


def _free_runs(blocked: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The vertical runs of [0, 1] that no ``blocked`` interval covers."""
    runs: list[tuple[float, float]] = []
    start = 0.0
    for low, high in blocked:
        if low > start + 1e-9:
            runs.append((start, low))
        start = max(start, high)
    if start < 1.0 - 1e-9:
        runs.append((start, 1.0))
    return runs


def _px(name: str, x: float, y: float, w: float, h: float, size: tuple[int, int]) -> Zone:
    """A zone given in pixels on a canvas of ``size`` (the figures docs/platforms.md cites)."""
    width, height = size
    return Zone(name, round(x / width, 5), round(y / height, 5), round(w / width, 5), round(h / height, 5))


_TALL = (1080, 1920)
_FEED = (1080, 1350)
_WIDE = (1920, 1080)


def _reels_zones() -> tuple[Zone, ...]:
    """Meta's Reels player (Instagram and Facebook share it): see docs/platforms.md."""
    return (
        _px("top_bar", 0, 0, 1080, 220, _TALL),  # "Reels", camera, status bar
        _px("actions", 960, 960, 120, 540, _TALL),  # like, comment, share, save, audio
        _px("caption", 0, 1500, 1080, 420, _TALL),  # account name, follow, caption, audio
    )


_PRESETS = (
    Platform(
        id="instagram_reels",
        name=QT_TRANSLATE_NOOP("Platform", "Instagram Reels"),
        aspect="9:16",
        min_duration=3.0,
        # Instagram takes 3 minutes since January 2025, but a business account's Reel is
        # shared to Facebook Reels (at most 90 s) and only Reels up to 90 s can be boosted:
        # for a villa's promo, 90 s is the limit that matters.
        max_duration=90.0,
        recommended_duration=30.0,
        zones=_reels_zones(),
    ),
    Platform(
        id="instagram_stories",
        name=QT_TRANSLATE_NOOP("Platform", "Instagram Stories"),
        aspect="9:16",
        min_duration=1.0,
        max_duration=60.0,  # one story; a longer video is cut into 60 s stories
        recommended_duration=15.0,
        zones=(
            _px("top_bar", 0, 0, 1080, 250, _TALL),  # progress bars, account, close
            _px("reply_bar", 0, 1670, 1080, 250, _TALL),  # "Send message", like, share
        ),
    ),
    Platform(
        id="instagram_feed",
        name=QT_TRANSLATE_NOOP("Platform", "Instagram Feed"),
        aspect="4:5",
        min_duration=3.0,
        max_duration=3600.0,  # 60 minutes
        recommended_duration=30.0,
        # The feed shows a 4:5 post whole; the profile grid (3:4 since January 2025)
        # cuts 33.75 px off each side.
        zones=(
            _px("grid_crop_left", 0, 0, 33.75, 1350, _FEED),
            _px("grid_crop_right", 1046.25, 0, 33.75, 1350, _FEED),
        ),
        accepts=("4:5", "1:1"),
    ),
    Platform(
        id="tiktok",
        name=QT_TRANSLATE_NOOP("Platform", "TikTok"),
        aspect="9:16",
        min_duration=3.0,
        max_duration=3600.0,  # an uploaded file: 60 minutes (10 minutes recorded in the app)
        recommended_duration=30.0,
        zones=(
            _px("top_bar", 0, 0, 1080, 150, _TALL),  # Following / For You, search, LIVE
            _px("actions", 930, 768, 150, 712, _TALL),  # avatar, like, comment, save, share
            _px("caption", 0, 1480, 1080, 440, _TALL),  # username, caption, sound, progress bar
        ),
    ),
    Platform(
        id="youtube_shorts",
        name=QT_TRANSLATE_NOOP("Platform", "YouTube Shorts"),
        aspect="9:16",
        min_duration=1.0,
        max_duration=180.0,  # 3 minutes since 15 October 2024, square or taller
        recommended_duration=30.0,
        zones=(
            _px("top_bar", 0, 0, 1080, 120, _TALL),  # search, camera, menu
            _px("actions", 888, 864, 192, 576, _TALL),  # like, dislike, comment, share, remix
            _px("caption", 0, 1440, 1080, 480, _TALL),  # title, channel, subscribe, sound
        ),
        accepts=("9:16", "1:1"),
    ),
    Platform(
        id="facebook_reels",
        name=QT_TRANSLATE_NOOP("Platform", "Facebook Reels"),
        aspect="9:16",
        min_duration=3.0,
        max_duration=90.0,  # a Reel (and the longest one Meta lets you boost)
        recommended_duration=30.0,
        zones=_reels_zones(),
    ),
    Platform(
        id="youtube",
        name=QT_TRANSLATE_NOOP("Platform", "YouTube"),
        aspect="16:9",
        min_duration=1.0,
        max_duration=900.0,  # 15 minutes; a verified account may upload up to 12 hours
        recommended_duration=60.0,
        # Shown while paused or hovered, not while playing: approximate.
        zones=(
            _px("title_bar", 0, 0, 1920, 108, _WIDE),  # title, share, watch later (embeds, full screen)
            _px("controls", 0, 972, 1920, 108, _WIDE),  # progress bar, play, volume, settings
        ),
    ),
)

PLATFORMS: dict[str, Platform] = {platform.id: platform for platform in _PRESETS}

# The preset a template of each aspect is published to unless the user picks another:
# 1:1 goes to the Instagram feed, which shows it whole (the profile grid crops its sides).
_DEFAULT_FOR_ASPECT = {
    "9:16": "instagram_reels",
    "16:9": "youtube",
    "4:5": "instagram_feed",
    "1:1": "instagram_feed",
}


def get_platform(platform_id: str) -> Platform:
    """The preset called ``platform_id``; ValueError naming the known ids otherwise."""
    try:
        return PLATFORMS[platform_id]
    except KeyError:
        raise ValueError(f"unknown platform {platform_id!r} (use one of {', '.join(PLATFORMS)})") from None


def platforms_for_aspect(aspect: str) -> list[Platform]:
    """The presets whose full-screen aspect is ``aspect``, in :data:`PLATFORMS` order."""
    return [platform for platform in PLATFORMS.values() if platform.aspect == aspect]


def suggest_platform(aspect: str) -> Platform:
    """The default preset for a video of ``aspect`` (9:16 Reels, 16:9 YouTube, 4:5 and 1:1 the feed)."""
    try:
        return PLATFORMS[_DEFAULT_FOR_ASPECT[aspect]]
    except KeyError:
        raise ValueError(f"unknown aspect {aspect!r} (use one of {', '.join(_DEFAULT_FOR_ASPECT)})") from None


def union_zones(aspect: str) -> tuple[Zone, ...]:
    """Every zone of every preset of ``aspect``, named ``"<platform id>.<zone>"``.

    A template's layout for ``aspect`` is shared by all of them, so it must avoid all
    of these; ``safe_rect(union_zones("9:16"))`` is the room it has.
    """
    return tuple(
        Zone(f"{platform.id}.{zone.name}", zone.x, zone.y, zone.w, zone.h)
        for platform in platforms_for_aspect(aspect)
        for zone in platform.zones
    )
