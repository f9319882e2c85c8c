"""Platform presets: valid figures, zone checks, the one layout per aspect."""

from __future__ import annotations

import pytest

from vidstudio.render.platforms import (
    PLATFORMS,
    TOLERANCE,
    Platform,
    Zone,
    get_platform,
    intrusions,
    platforms_for_aspect,
    safe_rect,
    suggest_platform,
    union_zones,
)
from vidstudio.render.props import MAX_DURATION, MIN_DURATION
from vidstudio.render.template import ASPECTS

IDS = (
    "instagram_reels",
    "instagram_stories",
    "instagram_feed",
    "tiktok",
    "youtube_shorts",
    "facebook_reels",
    "youtube",
)


def test_the_seven_presets() -> None:
    assert tuple(PLATFORMS) == IDS
    assert {p.aspect for p in PLATFORMS.values()} == {"9:16", "4:5", "16:9"}


@pytest.mark.parametrize("platform_id", IDS)
def test_every_preset_is_valid(platform_id: str) -> None:
    platform = PLATFORMS[platform_id]
    assert platform.id == platform_id
    assert platform.name and platform.name.strip() == platform.name
    assert platform.aspect in ASPECTS
    assert platform.accepts[0] == platform.aspect
    assert set(platform.accepts) <= set(ASPECTS)
    assert 0 < platform.min_duration < platform.max_duration
    assert platform.min_duration <= platform.recommended_duration <= platform.max_duration
    # A recommended length the app can make.
    assert MIN_DURATION <= platform.recommended_duration <= MAX_DURATION
    names = [zone.name for zone in platform.zones]
    assert len(set(names)) == len(names)
    for zone in platform.zones:
        assert zone.w > 0 and zone.h > 0
        assert zone.x >= 0 and zone.x + zone.w <= 1 + 1e-9
        assert zone.y >= 0 and zone.y + zone.h <= 1 + 1e-9


@pytest.mark.parametrize("platform_id", IDS)
def test_safe_rect_is_free_of_zones_and_centred(platform_id: str) -> None:
    platform = PLATFORMS[platform_id]
    x, y, w, h = platform.safe_rect()
    assert w > 0.5 and h > 0.5
    assert x == pytest.approx(1 - (x + w), abs=1e-6)  # centred left to right
    assert y >= 0 and y + h <= 1 + 1e-9
    assert platform.intrusions((x, y, w, h)) == []
    # Any larger in any direction and it meets a zone or the canvas edge.
    for grown in ((x - 0.01, y, w + 0.02, h), (x, y - 0.01, w, h + 0.01), (x, y, w, h + 0.01)):
        gx, gy, gw, gh = grown
        off_canvas = gx < 0 or gy < 0 or gx + gw > 1 or gy + gh > 1
        assert off_canvas or platform.intrusions(grown)


def test_known_boxes_on_reels() -> None:
    reels = get_platform("instagram_reels")
    assert reels.intrusions((0.1, 0.02, 0.8, 0.06)) == ["top_bar"]  # a title at the very top
    assert reels.intrusions((0.1, 0.85, 0.8, 0.08)) == ["caption"]  # a line at the bottom
    assert reels.intrusions((0.1, 0.6, 0.85, 0.08)) == ["actions"]  # runs under the buttons
    assert reels.intrusions((0.0, 0.0, 1.0, 1.0)) == ["top_bar", "actions", "caption"]
    assert reels.intrusions((0.15, 0.3, 0.7, 0.2)) == []  # the middle is free


def test_the_tolerance() -> None:
    zone = Zone("bar", 0.0, 0.0, 1.0, 0.1)
    assert intrusions((0.2, 0.1 - TOLERANCE / 2, 0.5, 0.2), [zone]) == []  # rounding on the edge
    assert intrusions((0.2, 0.1 - 2 * TOLERANCE, 0.5, 0.2), [zone]) == ["bar"]
    assert intrusions((0.2, 0.1, 0.5, 0.2), [zone]) == []  # touching is not covering


def test_platforms_for_aspect() -> None:
    assert [p.id for p in platforms_for_aspect("9:16")] == [
        "instagram_reels",
        "instagram_stories",
        "tiktok",
        "youtube_shorts",
        "facebook_reels",
    ]
    assert [p.id for p in platforms_for_aspect("16:9")] == ["youtube"]
    assert [p.id for p in platforms_for_aspect("4:5")] == ["instagram_feed"]
    assert platforms_for_aspect("1:1") == []


def test_union_zones_per_aspect() -> None:
    tall = union_zones("9:16")
    expected = sum(len(p.zones) for p in platforms_for_aspect("9:16"))
    assert len(tall) == expected
    assert "tiktok.actions" in {zone.name for zone in tall}
    assert "instagram_stories.reply_bar" in {zone.name for zone in tall}
    assert union_zones("1:1") == ()
    assert safe_rect(union_zones("1:1")) == (0.0, 0.0, 1.0, 1.0)
    assert [z.rect for z in union_zones("16:9")] == [z.rect for z in get_platform("youtube").zones]


def test_the_9x16_union_leaves_a_usable_layout() -> None:
    """docs/platforms.md: the shared 9:16 layout keeps 62 % of the height, 64 % of the width."""
    zones = union_zones("9:16")
    x, y, w, h = safe_rect(zones)
    assert intrusions((x, y, w, h), zones) == []
    assert h >= 0.60
    assert w >= 0.60
    assert (x, y, w, h) == pytest.approx((0.17778, 0.13021, 0.64444, 0.61979), abs=1e-4)
    # Inside it, every 9:16 preset is satisfied.
    for platform in platforms_for_aspect("9:16"):
        assert platform.intrusions((x, y, w, h)) == []


def test_safe_rect_of_known_zones() -> None:
    zones = [Zone("top", 0, 0, 1, 0.1), Zone("bottom", 0, 0.8, 1, 0.2), Zone("right", 0.9, 0.5, 0.1, 0.3)]
    assert safe_rect(zones) == pytest.approx((0.1, 0.1, 0.8, 0.7))
    assert safe_rect([]) == (0.0, 0.0, 1.0, 1.0)


def test_get_platform_names_the_ids() -> None:
    assert get_platform("tiktok").name == "TikTok"
    with pytest.raises(ValueError, match=r"instagram_reels.*youtube"):
        get_platform("myspace")


def test_suggest_platform() -> None:
    assert suggest_platform("9:16").id == "instagram_reels"
    assert suggest_platform("16:9").id == "youtube"
    assert suggest_platform("4:5").id == "instagram_feed"
    assert suggest_platform("1:1").id == "instagram_feed"
    for aspect in ASPECTS:
        assert aspect in suggest_platform(aspect).accepts
    with pytest.raises(ValueError, match="9:16"):
        suggest_platform("2:1")


def test_platforms_are_frozen() -> None:
    reels = get_platform("instagram_reels")
    with pytest.raises(AttributeError):
        reels.max_duration = 1.0  # type: ignore[misc]
    assert isinstance(reels, Platform)
