"""Tours in the window: the media strip, the item editor, the length, the music, History."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QPoint, Qt

from helpers.media import make_clip
from helpers.sound import make_track
from helpers.ui import differing_pixels, drop_files, preview_pixels
from vidstudio.jobs.store import Job, JobState, new_job_id
from vidstudio.render.props import MAX_MEDIA, MediaItem, Music, Props
from vidstudio.render.timeline import frame_count, timeline
from vidstudio.ui.tour_controls import CUSTOM

RENDER_TIMEOUT = 120_000
COLOURS = [(200, 40, 40), (40, 160, 60), (40, 70, 200), (220, 180, 40), (150, 60, 170)]


@pytest.fixture
def photos(tmp_path: Path) -> list[Path]:
    """Five 320×200 photos, each its own colour with a white corner (so crops differ)."""
    made = []
    for index, colour in enumerate(COLOURS):
        image = Image.new("RGB", (320, 200), colour)
        image.paste((255, 255, 255), (0, 0, 80, 50))
        path = tmp_path / f"room-{index + 1}.jpg"
        image.save(path, quality=90)
        made.append(path)
    return made


def _paths(window) -> list[Path]:  # type: ignore[no-untyped-def]
    return [item.path for item in window.current_props().media]


def _tour(window, files: list[Path]) -> None:  # type: ignore[no-untyped-def]
    drop_files(window.drop_zone, files)
    assert window.choice_bar.isVisible()
    window.choice_bar.tour_button.click()
    assert not window.choice_bar.isVisible()


def test_dropping_five_photos_makes_a_tour_of_five_in_order(make_window, photos: list[Path]) -> None:
    window = make_window()
    window.title_edit.setText("Villa")
    window._select_template("tour")
    before = preview_pixels(window)
    _tour(window, photos)
    assert _paths(window) == photos
    assert window.photo == photos[0]
    assert window.media_strip.count_label.text().startswith("5 of 30")
    template = window.current_template()
    assert len(timeline(template, window.current_props()).scenes) == 5
    assert window.preview.canvas.frame_count == frame_count(template, window.current_props())
    assert differing_pixels(before, preview_pixels(window)) > 0.3
    assert window.queue_view.jobs() == []  # a tour is one video, made when asked


def test_reorder_by_keyboard_and_remove_by_delete_and_cross(make_window, qtbot, photos: list[Path]) -> None:
    window = make_window()
    window.set_media([MediaItem(p) for p in photos[:4]])
    strip = window.media_strip.list
    strip.setFocus()
    window.media_strip.select(0)
    qtbot.keyClick(strip, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert _paths(window) == [photos[1], photos[0], photos[2], photos[3]]
    assert window.media_strip.current_index() == 1  # the moved one stays selected
    qtbot.keyClick(strip, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(strip, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)  # already first
    assert _paths(window) == photos[:4]
    window.media_strip.select(2)
    qtbot.keyClick(strip, Qt.Key.Key_Delete)
    assert _paths(window) == [photos[0], photos[1], photos[3]]
    window.media_strip.select(0)
    qtbot.mouseClick(strip.viewport(), Qt.MouseButton.LeftButton, pos=strip.cross_point(0))
    assert _paths(window) == [photos[1], photos[3]]
    assert window.preview.canvas.props.media == window.current_props().media


def test_the_31st_item_is_refused_in_one_sentence(make_window, photos: list[Path]) -> None:
    window = make_window()
    window.set_media([MediaItem(photos[index % 5]) for index in range(MAX_MEDIA)])
    assert window.media_strip.count() == MAX_MEDIA
    _tour(window, [photos[0]])
    assert window.media_strip.count() == MAX_MEDIA
    assert window.photo_error.isVisible()
    assert "at most 30" in window.photo_error.text() and photos[0].name in window.photo_error.text()


def test_a_file_that_cannot_be_used_is_named_and_not_added(
    make_window, photos: list[Path], tmp_path: Path
) -> None:
    window = make_window()
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"\xff\xd8\xff\xe0 not a photo" * 4)
    notes = tmp_path / "notes.txt"
    notes.write_text("hello", encoding="utf-8")
    drop_files(window.drop_zone, [broken, notes, photos[0]])
    assert _paths(window) == [photos[0]]  # one usable file on an empty strip: no question
    text = window.photo_error.text()
    assert "broken.jpg" in text and "notes.txt" in text
    assert len(text.splitlines()) == 2


def test_one_video_each_queues_one_render_per_file_with_the_current_settings(
    make_window, photos: list[Path]
) -> None:
    window = make_window()
    window.title_edit.setText("Villa")
    window.duration_picker.buttons[15].click()
    drop_files(window.drop_zone, photos[:3])
    window.choice_bar.each_button.click()
    jobs = window.queue_view.jobs()
    assert len(jobs) == 3
    assert [Props.from_json(job.props).media[0].path for job in jobs] == photos[:3]
    assert all(Props.from_json(job.props).duration == 15.0 for job in jobs)
    assert window.media_strip.count() == 0
    window.queue.shutdown()


def test_length_presets_and_custom_bounds(make_window, photos: list[Path]) -> None:
    window = make_window()
    window.set_media([MediaItem(p) for p in photos[:2]])
    picker = window.duration_picker
    assert picker.value() is None  # the template's own length until one is chosen
    picker.buttons[30].click()
    assert window.current_props().duration == 30.0
    assert window.preview.canvas.frame_count == 900
    assert window.preview.slider.maximum() == 899
    picker.buttons[CUSTOM].click()
    assert picker.custom.isVisibleTo(window)
    assert window.current_props().duration == 30.0  # Custom starts from the length shown
    picker.custom.setValue(120)
    assert window.current_props().duration == 90.0
    picker.custom.setValue(2)
    assert window.current_props().duration == 5.0
    picker.set_value(None)
    assert window.current_props().duration is None


def test_music_pick_settings_remove_and_a_bad_file(make_window, tmp_path: Path, photos: list[Path]) -> None:
    window = make_window()
    window.set_media([MediaItem(photos[0])])
    row = window.music_row
    song = make_track(tmp_path / "Island Breeze.wav", 4.0)
    assert row.set_file(song)
    assert window.current_props().music == Music(song)
    assert row.name.text() == "Island Breeze.wav" and row.length.text() == "0:04"
    row.fade_out.setValue(3.0)
    row.at_end.setCurrentIndex(1)
    assert window.current_props().music == Music(song, fade_out=3.0, at_end="silence")

    fake = tmp_path / "song.mp3"
    fake.write_text("not music", encoding="utf-8")
    assert not row.set_file(fake)
    assert row.error.isVisibleTo(window) and "song.mp3" in row.error.text()
    assert window.current_props().music == Music(song, fade_out=3.0, at_end="silence")  # unchanged

    row.remove_button.click()
    assert window.current_props().music is None
    assert not row.error.isVisibleTo(window)


def test_a_click_on_the_preview_sets_the_focus_point(make_window, qtbot, tmp_path: Path) -> None:
    # A tall photo in 16:9: only a band of it shows, so the focus moves the crop.
    tall = tmp_path / "tall.jpg"
    image = Image.new("RGB", (300, 900), (40, 70, 200))
    image.paste((250, 250, 250), (0, 0, 300, 300))
    image.save(tall)
    window = make_window()
    window._select_template("tour")
    window.set_media([MediaItem(tall)])
    canvas = window.preview.canvas
    before = preview_pixels(window)
    target = canvas.canvas_rect()
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=QPoint(target.center().x(), target.top() + 4))
    focus = window.current_props().media[0].focus
    assert focus[1] < 0.45 and 0.4 < focus[0] < 0.6  # the top of the middle band, centred
    assert canvas.props.media[0].focus == focus  # the preview shows it at once
    assert differing_pixels(before, preview_pixels(window)) > 0.05
    assert "%" in window.media_editor.focus_hint.text()


def test_the_item_editor_sets_fit_caption_and_a_clips_trim_and_sound(
    make_window, tmp_path: Path, photos: list[Path]
) -> None:
    window = make_window()
    window.set_media([MediaItem(photos[0])])
    clip = make_clip(tmp_path / "pool.mp4", size=(320, 180))
    _tour(window, [clip])
    assert [item.kind for item in window.current_props().media] == ["photo", "clip"]
    assert window.media_strip.duration_of(clip) == pytest.approx(2.0, abs=0.1)
    editor = window.media_editor
    assert window.media_strip.current_index() == 1 and editor.clip_box.isVisibleTo(window)
    editor.trim_in.setValue(0.5)
    editor.keep_sound.setChecked(True)
    item = window.current_props().media[1]
    assert item.trim_in == 0.5 and item.trim_out is None and item.keep_sound
    editor.fit_combo.setCurrentIndex(1)
    editor.caption_edit.setText("Pool")
    editor.caption_edit.textEdited.emit("Pool")
    item = window.current_props().media[1]
    assert item.fit == "blur" and item.caption == "Pool"
    window.media_strip.select(0)
    assert not editor.clip_box.isVisibleTo(window)


def test_the_preview_keeps_its_size_when_cards_appear(make_window, qtbot, photos: list[Path]) -> None:
    window = make_window()
    window.title_edit.setText("Villa")
    window.set_media([MediaItem(photos[0])])
    qtbot.wait(50)
    size = window.preview.size()
    with qtbot.waitSignal(window.queue.job_finished, timeout=RENDER_TIMEOUT):
        window.start_render()
        qtbot.waitUntil(lambda: window.progress_panel.isVisible(), timeout=RENDER_TIMEOUT)
        assert window.preview.size() == size
    qtbot.waitUntil(lambda: window.result_card.isVisible())
    assert window.preview.size() == size
    window.result_card.close_button.click()
    assert window.preview.size() == size


def test_history_reopens_a_tour_and_names_a_moved_file(
    make_window, photos: list[Path], tmp_path: Path
) -> None:
    window = make_window()
    song = make_track(tmp_path / "Island Breeze.wav", 4.0)
    props = Props(
        title="Casa Azul",
        media=(
            MediaItem(photos[0], caption="Pool"),
            MediaItem(photos[1], focus=(0.2, 0.8)),
            MediaItem(photos[2]),
        ),
        music=Music(song, fade_in=0.5),
        duration=30.0,
    )
    stored = window.store.add(
        Job(
            id=new_job_id(),
            template="tour",
            aspect="16:9",
            quality="draft",
            props=props.to_json(),
            output_dir=str(tmp_path),
        )
    )
    window.store.transition(stored.id, JobState.RENDERING)
    stored = window.store.transition(stored.id, JobState.RENDERED, output_path=str(tmp_path / "casa.mp4"))
    photos[1].rename(tmp_path / "elsewhere.jpg")
    window.load_job(stored)
    assert _paths(window) == [photos[0], photos[2]]
    assert window.current_props().media[0].caption == "Pool"
    assert window.current_props().music == Music(song, fade_in=0.5)
    assert window.current_props().duration == 30.0
    assert window.photo_error.isVisible()
    assert "moved or deleted" in window.photo_error.text() and photos[1].name in window.photo_error.text()
    assert window.title_edit.text() == "Casa Azul"
    assert window.current_template().id == "tour"


def test_one_video_each_without_a_title_asks_again_after_it_is_typed(make_window, photos: list[Path]) -> None:
    window = make_window()
    drop_files(window.drop_zone, photos[:2])
    window.choice_bar.each_button.click()
    assert window.queue_view.jobs() == []
    assert window.render_message.isVisibleTo(window) and "title" in window.render_message.text()
    assert window.choice_bar.isVisible() and window.choice_bar.waiting == photos[:2]
    window.title_edit.setText("Villa")
    window.choice_bar.each_button.click()
    assert len(window.queue_view.jobs()) == 2
    window.queue.shutdown()
