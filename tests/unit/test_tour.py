"""Tours: scenes share the length, every photo shows in order, transitions, focus, blurred fit."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage

from vidstudio.render.errors import ImageError, PropsError, TemplateError
from vidstudio.render.media import check_media
from vidstudio.render.paint import render_frame_image, validate_props
from vidstudio.render.props import MAX_MEDIA, MediaItem, Props
from vidstudio.render.template import get_template, load_template_file
from vidstudio.render.timeline import frame_count, timeline

COLOURS = [(220, 30, 30), (30, 200, 40), (30, 60, 220), (230, 210, 30), (200, 40, 200)]
SIZE = QSize(320, 180)


@pytest.fixture(autouse=True)
def _app(qapp: object) -> None:
    """Fonts need a Qt application."""


def pixels(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    data = np.frombuffer(image.constBits(), dtype=np.uint8, count=image.sizeInBytes())
    rgb = data.reshape(image.height(), image.bytesPerLine() // 4, 4)[:, : image.width(), :3]
    return rgb[:, :, ::-1].astype(np.int16)  # BGRA in memory -> RGB


def solid(path: Path, colour: tuple[int, int, int], size: tuple[int, int] = (640, 480)) -> Path:
    Image.new("RGB", size, colour).save(path)
    return path


@pytest.fixture
def photos(tmp_path: Path) -> list[Path]:
    return [solid(tmp_path / f"p{i}.png", colour) for i, colour in enumerate(COLOURS)]


def close_to(pixel: np.ndarray, colour: tuple[int, int, int], tolerance: int = 30) -> bool:
    return bool(np.abs(pixel - np.array(colour)).max() <= tolerance)


def custom_template(tmp_path: Path, transition: dict[str, object]) -> Path:
    """A bare template: full-frame media and nothing else, with one kind of transition."""
    path = tmp_path / "bare.json"
    path.write_text(
        json.dumps(
            {
                "name": {"en": "Bare"},
                "duration": 10,
                "scenes": {"transitions": [transition]},
                "layers": [{"type": "photo"}],
            }
        )
    )
    return path


# ---------------------------------------------------------------- the timeline


def test_one_photo_without_a_duration_spans_the_template_as_before(photos: list[Path]) -> None:
    template = get_template("promo")
    line = timeline(template, Props("Villa", photo=photos[0]))
    assert line.duration == template.duration
    assert [(s.start, s.length) for s in line.scenes] == [(0.0, template.duration)]
    assert frame_count(template, Props("Villa", photo=photos[0])) == template.frame_count


@pytest.mark.parametrize(
    ("count", "duration"), [(2, 5.0), (5, 15.0), (8, 30.0), (15, 60.0), (30, 5.0), (30, 90.0)]
)
def test_scenes_fill_exactly_the_chosen_length(photos: list[Path], count: int, duration: float) -> None:
    template = get_template("tour")
    media = [MediaItem(photos[i % len(photos)]) for i in range(count)]
    line = timeline(template, Props("Villa", media=media, duration=duration))
    assert len(line.scenes) == count
    assert line.scenes[0].start == 0.0
    assert line.scenes[-1].end == pytest.approx(duration)
    for before, after in zip(line.scenes, line.scenes[1:], strict=False):
        assert after.transition_in is not None
        assert after.start == pytest.approx(before.end - after.transition_in.duration)
        # every scene is seen on its own for a while, whatever the count
        assert after.transition_in.duration <= 0.4 * min(before.length, after.length) + 1e-9
    assert line.frame_count == round(duration * template.fps)


def test_the_first_scene_is_longer_for_the_title_and_the_last_for_the_end_card(photos: list[Path]) -> None:
    line = timeline(get_template("tour"), Props("Villa", media=photos, duration=30))
    middle = [s.length for s in line.scenes[1:-1]]
    assert line.scenes[0].length > max(middle)
    assert line.scenes[-1].length > max(middle)
    assert max(middle) == pytest.approx(min(middle))


# ---------------------------------------------------------------- what is drawn


def test_five_photos_for_fifteen_seconds_show_in_order(photos: list[Path]) -> None:
    template = get_template("tour")
    props = Props("Villa", media=photos, duration=15)
    line = timeline(template, props)
    assert line.frame_count == 450
    for index, colour in enumerate(COLOURS):
        frame = round(line.middle(index) * template.fps)
        image = pixels(render_frame_image(template, props, frame, SIZE))
        assert close_to(image[40, 200], colour, 40), (index, image[40, 200])


def transition_frame(
    tmp_path: Path, photos: list[Path], transition: dict[str, object], p: float
) -> np.ndarray:
    template = load_template_file(custom_template(tmp_path, transition))
    props = Props("Villa", media=photos[:2], duration=10)
    second = timeline(template, props).scenes[1]
    assert second.transition_in is not None
    t = second.start + p * second.transition_in.duration
    return pixels(render_frame_image(template, props, round(t * template.fps), SIZE))


def test_crossfade_mixes_the_two_photos(tmp_path: Path, photos: list[Path]) -> None:
    image = transition_frame(
        tmp_path, photos, {"type": "crossfade", "duration": 1.0, "easing": "linear"}, 0.5
    )
    mix = tuple((a + b) // 2 for a, b in zip(COLOURS[0], COLOURS[1], strict=True))
    assert close_to(image[90, 160], mix, 25)


def test_push_moves_both_photos_in_the_direction(tmp_path: Path, photos: list[Path]) -> None:
    image = transition_frame(
        tmp_path, photos, {"type": "push", "duration": 1.0, "easing": "linear", "direction": "left"}, 0.5
    )
    assert close_to(image[90, 40], COLOURS[0]) and close_to(image[90, 280], COLOURS[1])


def test_wipe_uncovers_the_next_photo_from_one_side(tmp_path: Path, photos: list[Path]) -> None:
    image = transition_frame(
        tmp_path, photos, {"type": "wipe", "duration": 1.0, "easing": "linear", "direction": "left"}, 0.25
    )
    assert close_to(image[90, 40], COLOURS[0]) and close_to(image[90, 300], COLOURS[1])


def test_slide_up_brings_the_next_photo_from_below(tmp_path: Path, photos: list[Path]) -> None:
    image = transition_frame(
        tmp_path, photos, {"type": "slide", "duration": 1.0, "easing": "linear", "direction": "up"}, 0.5
    )
    assert close_to(image[20, 160], COLOURS[0]) and close_to(image[160, 160], COLOURS[1])


def test_zoom_fades_the_first_photo_out_over_the_next(tmp_path: Path, photos: list[Path]) -> None:
    early = transition_frame(tmp_path, photos, {"type": "zoom", "duration": 1.0, "easing": "linear"}, 0.1)
    late = transition_frame(tmp_path, photos, {"type": "zoom", "duration": 1.0, "easing": "linear"}, 0.9)
    assert close_to(early[90, 160], COLOURS[0], 60) and close_to(late[90, 160], COLOURS[1], 60)


def test_cut_switches_at_once(tmp_path: Path, photos: list[Path]) -> None:
    template = load_template_file(custom_template(tmp_path, {"type": "cut"}))
    props = Props("Villa", media=photos[:2], duration=10)
    second = timeline(template, props).scenes[1]
    at = round(second.start * template.fps)
    before = pixels(render_frame_image(template, props, at - 1, SIZE))
    after = pixels(render_frame_image(template, props, at, SIZE))
    assert close_to(before[90, 160], COLOURS[0]) and close_to(after[90, 160], COLOURS[1])


def test_the_focus_point_stays_in_frame_in_every_aspect(tmp_path: Path) -> None:
    # A wide photo with a red mark near its right edge: the 9:16 crop from the centre misses it.
    path = tmp_path / "wide.png"
    image = Image.new("RGB", (1200, 400), (40, 40, 40))
    image.paste((230, 20, 20), (1040, 150, 1120, 250))
    image.save(path)
    template = get_template("promo")
    size = QSize(180, 320)
    centred = pixels(render_frame_image(template, Props("Villa", photo=path), 0, size))
    focused = pixels(
        render_frame_image(template, Props("Villa", media=[MediaItem(path, focus=(0.9, 0.5))]), 0, size)
    )
    red = np.array([230, 20, 20])
    assert not (np.abs(centred - red).max(axis=2) < 40).any()
    assert (np.abs(focused - red).max(axis=2) < 40).sum() > 100


def test_blurred_fit_shows_the_whole_portrait_photo_over_its_own_backdrop(tmp_path: Path) -> None:
    path = tmp_path / "portrait.png"
    image = Image.new("RGB", (400, 800), (30, 120, 220))
    image.paste((240, 240, 240), (0, 0, 400, 40))  # a white band at the very top
    image.save(path)
    template = load_template_file(custom_template(tmp_path, {"type": "cut"}))
    props = Props("Villa", media=[MediaItem(path, fit="blur")], duration=10)
    frame = pixels(render_frame_image(template, props, 0, SIZE))
    assert close_to(frame[2, 160], (240, 240, 240), 30)  # the top of the photo is in frame
    side = frame[90, 10]
    assert side.max() > 20 and not close_to(
        side, (30, 120, 220), 10
    )  # blurred, dimmed: not black, not the photo
    cover = pixels(
        render_frame_image(template, Props("Villa", media=[MediaItem(path)], duration=10), 0, SIZE)
    )
    assert not close_to(cover[2, 160], (240, 240, 240), 30)  # filling crops the top away


def test_the_end_card_moves_with_a_longer_video(photos: list[Path]) -> None:
    template = get_template("tour")
    short = Props("Villa", media=photos, duration=15, cta="Book now")
    long = short.replace(duration=30)
    # At 14.5 s the 15 s tour shows its end card (dark); the 30 s one still shows a photo.
    frame = round(14.5 * template.fps)
    assert pixels(render_frame_image(template, short, frame, SIZE))[30, 300].max() < 60
    assert pixels(render_frame_image(template, long, frame, SIZE))[30, 300].max() > 150
    last = frame_count(template, long) - 1
    assert pixels(render_frame_image(template, long, last, SIZE))[30, 300].max() < 60


def test_captions_follow_their_scene(photos: list[Path]) -> None:
    template = get_template("tour")
    plain = Props("Villa", media=photos, duration=15)
    captioned = plain.replace(media=tuple(MediaItem(p, caption=f"Room {i}") for i, p in enumerate(photos)))
    line = timeline(template, plain)
    frame = round(line.middle(2) * template.fps)
    a = pixels(render_frame_image(template, plain, frame, SIZE))
    b = pixels(render_frame_image(template, captioned, frame, SIZE))
    differs = np.abs(a - b).max(axis=2) > 60
    rows, cols = np.nonzero(differs)
    assert rows.size > 20
    assert rows.min() > SIZE.height() * 0.7 and cols.max() < SIZE.width() * 0.7  # the lower left


# ---------------------------------------------------------------- bad input


def test_more_than_thirty_media_are_refused_in_one_sentence(photos: list[Path]) -> None:
    with pytest.raises(PropsError, match=r"at most 30 photos and clips; this one has 31"):
        validate_props(Props("Villa", media=[photos[0]] * (MAX_MEDIA + 1)))


@pytest.mark.parametrize("duration", [4.9, 0, -3, 90.5, 600])
def test_a_duration_outside_five_to_ninety_seconds_is_refused(photos: list[Path], duration: float) -> None:
    with pytest.raises(PropsError, match="from 5 to 90 seconds"):
        validate_props(Props("Villa", photo=photos[0], duration=duration))


def test_a_photo_removed_before_the_render_is_named(photos: list[Path]) -> None:
    photos[3].unlink()
    with pytest.raises(ImageError, match=r"p3\.png was not found"):
        check_media(Props("Villa", media=photos))


def test_templates_with_two_photo_layers_are_refused_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "double.json"
    path.write_text(json.dumps({"name": {"en": "D"}, "layers": [{"type": "photo"}, {"type": "photo"}]}))
    with pytest.raises(TemplateError, match=r"double\.json.*one photo layer"):
        load_template_file(path)


def test_an_unknown_transition_is_refused_naming_the_field(tmp_path: Path) -> None:
    path = custom_template(tmp_path, {"type": "spin"})
    with pytest.raises(TemplateError, match=r"bare.json: field scenes.transitions.0.type"):
        load_template_file(path)


def test_props_round_trip_through_json(photos: list[Path]) -> None:
    from vidstudio.render.props import Music

    props = Props(
        "Villa",
        media=[MediaItem(photos[0], focus=(0.2, 0.7), fit="blur", caption="Pool"), MediaItem(photos[1])],
        music=Music(photos[2].with_suffix(".mp3"), start=3.5, fade_out=1.0, at_end="silence"),
        duration=30,
    )
    assert Props.from_json(json.loads(json.dumps(props.to_json()))) == props
    old = {"title": "Villa", "photo": str(photos[0]), "cta": "", "end_card": True}
    assert Props.from_json(old) == Props("Villa", photo=photos[0])


def test_a_file_moved_between_preview_and_render_is_named_before_the_job_starts(
    photos: list[Path], tmp_path: Path
) -> None:
    from vidstudio.jobs.runner import check_request
    from vidstudio.messages import Kind
    from vidstudio.render.props import Music

    template = get_template("tour")
    clip = tmp_path / "pool.mp4"
    song = tmp_path / "song.mp3"
    moved_photo = check_request(
        template, "16:9", Props("Villa", media=[*photos, tmp_path / "gone.jpg"]), tmp_path
    )
    assert moved_photo is not None and moved_photo.kind is Kind.FILE_MISSING
    assert moved_photo.text == "The photo gone.jpg is no longer there; add it again."
    moved_clip = check_request(template, "16:9", Props("Villa", media=[photos[0], clip]), tmp_path)
    assert moved_clip is not None and moved_clip.text == "The clip pool.mp4 is no longer there; add it again."
    moved_song = check_request(template, "16:9", Props("Villa", media=photos, music=Music(song)), tmp_path)
    assert moved_song is not None
    assert moved_song.text == "The music file song.mp3 is no longer there; choose it again."
    song.write_bytes(b"ID3" + b"\0" * 100)
    bad_song = check_request(template, "16:9", Props("Villa", media=photos, music=Music(song)), tmp_path)
    assert bad_song is not None and "song.mp3" in bad_song.text
    assert check_request(template, "16:9", Props("Villa", media=photos), tmp_path) is None
