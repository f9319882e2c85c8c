"""Video clips as media (vidstudio/render/clips.py), with real clips written by tests/helpers/media.py."""

from __future__ import annotations

import gc
from pathlib import Path

import numpy as np
import psutil
import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage

from helpers.media import (
    BLUE,
    RED,
    frame_number,
    frame_times,
    make_audio_only,
    make_clip,
    pixel,
    spoil_packet,
    truncate,
)
from vidstudio.messages import Kind
from vidstudio.render import clips
from vidstudio.render.clips import ClipInfo, ClipReader, clip_audio, clip_thumbnail, probe_clip
from vidstudio.render.errors import ClipError

SMALL = (320, 180)
FAST = {"preset": "ultrafast"}


@pytest.fixture(scope="session")
def media(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("clips")


@pytest.fixture(scope="session")
def h264(media: Path) -> Path:
    return make_clip(media / "h264.mp4", size=SMALL)


@pytest.fixture(scope="session")
def with_sound(media: Path) -> Path:
    return make_clip(media / "sound.mp4", size=SMALL, audio=True, faststart=True)


@pytest.fixture(scope="session")
def vfr(media: Path) -> Path:
    return make_clip(media / "vfr.mp4", size=SMALL, vfr=True)


def close_to(colour: tuple[int, int, int], expected: tuple[int, int, int], slack: int = 40) -> bool:
    return all(abs(a - b) <= slack for a, b in zip(colour, expected, strict=True))


def assert_upright(image: QImage) -> None:
    assert close_to(pixel(image, 0.5, 0.05), RED), pixel(image, 0.5, 0.05)
    assert close_to(pixel(image, 0.5, 0.95), BLUE), pixel(image, 0.5, 0.95)


# -- what probe_clip refuses: one plain sentence naming the file ----------------------------------------


def refused(path: Path, template: str) -> ClipError:
    with pytest.raises(ClipError) as caught:
        probe_clip(path)
    error = caught.value
    assert error.sentence.template == template
    assert error.kind is Kind.IMAGE
    assert path.name in error.message
    assert error.message.count(".") >= 1 and "\n" not in error.message
    return error


def test_a_missing_clip_is_named(tmp_path: Path) -> None:
    error = refused(tmp_path / "pool.mp4", clips.NOT_FOUND)
    assert error.message == "The clip pool.mp4 was not found."


def test_a_folder_is_not_a_clip(tmp_path: Path) -> None:
    folder = tmp_path / "tour.mp4"
    folder.mkdir()
    assert refused(folder, clips.FOLDER).message == "tour.mp4 is a folder, not a video clip."


def test_an_empty_file(tmp_path: Path) -> None:
    empty = tmp_path / "empty.mov"
    empty.touch()
    assert refused(empty, clips.EMPTY).message == "The clip empty.mov is empty (0 bytes)."


def test_a_text_file_renamed_mp4_is_not_a_video(tmp_path: Path) -> None:
    text = tmp_path / "notes.mp4"
    text.write_text("Pool opens at 9.\n" * 50)
    assert refused(text, clips.NOT_A_VIDEO).message == "notes.mp4 is not a video vidstudio can read."


def test_a_clip_cut_before_its_index_is_damaged(tmp_path: Path, h264: Path) -> None:
    # The MP4 muxer writes the index (moov) last: half a file has none.
    cut = tmp_path / "cut.mp4"
    cut.write_bytes(h264.read_bytes())
    truncate(cut, 0.5)
    assert refused(cut, clips.DAMAGED).message == "The clip cut.mp4 is damaged or incomplete."


def test_a_faststart_clip_cut_midway_is_damaged(tmp_path: Path, with_sound: Path) -> None:
    # The index comes first and lists samples past the end of what is left.
    cut = tmp_path / "midway.mp4"
    cut.write_bytes(with_sound.read_bytes())
    truncate(cut, 0.7)
    refused(cut, clips.DAMAGED)


@pytest.mark.parametrize("name", ["voice.m4a", "voice.mp4"])
def test_sound_without_picture(tmp_path: Path, name: str) -> None:
    sound = make_audio_only(tmp_path / name, seconds=0.3)
    error = refused(sound, clips.NO_VIDEO)
    assert error.message == f"{name} has no picture, only sound; choose a video clip."


def test_a_codec_ffmpeg_cannot_decode(tmp_path: Path, h264: Path) -> None:
    unknown = tmp_path / "odd.mp4"
    unknown.write_bytes(h264.read_bytes().replace(b"avc1", b"zzzz").replace(b"avcC", b"zzzC"))
    refused(unknown, clips.CODEC)


def test_the_reader_and_the_thumbnail_refuse_the_same_way(tmp_path: Path) -> None:
    with pytest.raises(ClipError, match=r"pool\.mp4 was not found"):
        ClipReader(tmp_path / "pool.mp4", QSize(320, 180))
    with pytest.raises(ClipError, match=r"pool\.mp4 was not found"):
        clip_thumbnail(tmp_path / "pool.mp4", 160)
    with pytest.raises(ClipError, match=r"pool\.mp4 was not found"):
        clip_audio(tmp_path / "pool.mp4", 0.0, 1.0)


# -- what it reads ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "codec", "decoder"),
    [("h264.mp4", "libx264", "h264"), ("hevc.mov", "libx265", "hevc"), ("vp9.webm", "libvpx-vp9", "vp9")],
)
def test_each_codec_and_container_decodes(media: Path, name: str, codec: str, decoder: str) -> None:
    path = media / f"codec-{name}"
    make_clip(path, codec=codec, size=SMALL, seconds=1.0)
    info = probe_clip(path)
    assert info == ClipInfo(
        path=path,
        width=320,
        height=180,
        duration=pytest.approx(1.0, abs=0.05),  # type: ignore[arg-type]
        fps=30.0,
        rotation=0,
        codec=decoder,
        has_audio=False,
        file_size=path.stat().st_size,
    )
    with ClipReader(path, QSize(320, 180)) as reader:
        assert reader.info == info
        for index in (0, 1, 15, 29):
            image = reader.frame_at(index / 30)
            assert frame_number(image) == index
        assert image.format() == QImage.Format.Format_RGB32
        assert image.size() == QSize(320, 180)
        assert_upright(image)
        assert reader.seeks == 0


@pytest.mark.parametrize("rotation", [90, 180, 270])
def test_phone_clips_come_out_upright(media: Path, rotation: int) -> None:
    path = make_clip(media / f"turned-{rotation}.mp4", size=SMALL, seconds=0.4, rotation=rotation)
    info = probe_clip(path)
    assert info.rotation == rotation
    assert (info.width, info.height) == ((180, 320) if rotation in (90, 270) else (320, 180))
    with ClipReader(path, QSize(info.width, info.height)) as reader:
        image = reader.frame_at(0.2)
    assert image.size() == QSize(info.width, info.height)
    assert_upright(image)
    assert frame_number(image) == 6  # the cells read left to right: not mirrored


def test_a_portrait_phone_clip_stored_1920x1080_is_1080x1920(media: Path) -> None:
    path = make_clip(media / "portrait.mp4", size=(1920, 1080), seconds=0.2, rotation=90, options=FAST)
    info = probe_clip(path)
    assert (info.width, info.height, info.rotation) == (1080, 1920, 90)
    with ClipReader(path, QSize(1080, 1920)) as reader:
        image = reader.frame_at(0.1)
    assert image.size() == QSize(1080, 1920)
    assert_upright(image)
    assert frame_number(image) == 3
    thumbnail = clip_thumbnail(path, 90)
    assert thumbnail.size() == QSize(90, 160)
    assert_upright(thumbnail)


def test_frames_cover_the_canvas_and_no_more(h264: Path) -> None:
    for cover, expected in [
        (QSize(320, 180), QSize(320, 180)),
        (QSize(160, 90), QSize(160, 90)),
        (QSize(90, 160), QSize(284, 160)),  # a 16:9 clip on a 9:16 canvas: the painter crops the sides
        (QSize(1080, 1920), QSize(3413, 1920)),  # covering needs it
        (QSize(200, 50), QSize(200, 112)),
    ]:
        with ClipReader(h264, cover) as reader:
            assert reader.size == expected
            image = reader.frame_at(0.5)
            assert image.size() == expected, cover
            assert frame_number(image) == 15


def pixels(image: QImage) -> np.ndarray:
    rows = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine())
    return rows[:, : image.width() * 4].reshape(image.height(), image.width(), 4).astype(int)


@pytest.mark.parametrize("fx", [0.0, 0.3, 0.5, 1.0])
def test_with_a_focus_the_frame_is_the_cover_cropped_there(h264: Path, fx: float) -> None:
    with ClipReader(h264, QSize(90, 160)) as reader:
        covering = pixels(reader.frame_at(0.5))  # 284×160: the painter would crop it
    with ClipReader(h264, QSize(90, 160), focus=(fx, 0.5)) as reader:
        assert reader.size == QSize(90, 160)
        image = reader.frame_at(0.5)
    assert image.size() == QSize(90, 160)
    left = min(284 - 90, max(0, round(fx * 284 - 45)))
    assert np.abs(pixels(image) - covering[:, left : left + 90]).mean() < 2


def test_a_focus_crops_a_rotated_clip_upright(media: Path) -> None:
    path = make_clip(media / "turned-focus.mp4", size=SMALL, seconds=0.4, rotation=90)  # upright 180×320
    with (
        ClipReader(path, QSize(180, 80), focus=(0.5, 0.0)) as top,
        ClipReader(path, QSize(180, 80), focus=(0.5, 1.0)) as bottom,
    ):
        assert close_to(pixel(top.frame_at(0.2), 0.5, 0.5), RED)
        assert close_to(pixel(bottom.frame_at(0.2), 0.5, 0.5), BLUE)
        assert top.frame_at(0.2).size() == QSize(180, 80)


def test_variable_frame_rate_maps_by_timestamp(vfr: Path) -> None:
    times = frame_times(2.0, 30, vfr=True)
    assert times[:5] == [0.0, 0.02, 0.1, 0.13, 0.18]
    info = probe_clip(vfr)
    with ClipReader(vfr, QSize(160, 90)) as reader:
        for step in range(60):  # the output's constant 30 fps
            t = step / 30
            expected = max(i for i, start in enumerate(times) if start <= t + 1e-9)
            assert frame_number(reader.frame_at(t)) == expected, t
        assert reader.seeks == 0
        for t in (0.5, 0.11, 1.37):  # scrubbing back lands by timestamp too
            expected = max(i for i, start in enumerate(times) if start <= t)
            assert frame_number(reader.frame_at(t)) == expected, t
        assert reader.seeks == 2
    assert info.fps == pytest.approx(len(times) / 2.0, rel=0.1)


def test_before_the_start_the_first_frame_and_past_the_end_the_last(h264: Path) -> None:
    with ClipReader(h264, QSize(160, 90)) as reader:
        assert frame_number(reader.frame_at(-1.0)) == 0
        last = reader.frame_at(reader.info.duration)
        assert frame_number(last) == 59
        assert reader.frame_at(reader.info.duration + 5) is last
        assert frame_number(reader.frame_at(1.99)) == 59
        assert frame_number(reader.frame_at(-0.5)) == 0


def test_sequential_reads_never_seek_and_a_repeated_frame_is_not_converted_again(h264: Path) -> None:
    with ClipReader(h264, QSize(160, 90)) as reader:
        shown = []
        for step in range(120):  # 60 fps output of a 30 fps clip: every frame twice
            image = reader.frame_at(step / 60)
            shown.append(image)
            assert frame_number(image) == step // 2
        assert reader.seeks == 0
        assert all(shown[i] is shown[i + 1] for i in range(0, 120, 2))
        assert reader.decoded == 60


@pytest.mark.parametrize(
    ("name", "codec"), [("long.mp4", "libx264"), ("long.mov", "libx265"), ("long.webm", "libvpx-vp9")]
)
def test_scrubbing_back_and_far_ahead_seeks_and_lands_on_the_right_frame(
    media: Path, name: str, codec: str
) -> None:
    path = make_clip(media / name, codec=codec, size=(160, 90), seconds=6.0, options={"g": "30"})
    with ClipReader(path, QSize(160, 90)) as reader:
        assert frame_number(reader.frame_at(1.5)) == 45
        assert reader.seeks == 0
        assert frame_number(reader.frame_at(0.2)) == 6
        assert reader.seeks == 1
        assert frame_number(reader.frame_at(5.0)) == 150  # more than SEEK_AHEAD ahead
        assert reader.seeks == 2
        assert frame_number(reader.frame_at(6.5)) == 179  # past the end, close by: no seek
        assert reader.seeks == 2
        assert frame_number(reader.frame_at(3.3)) == 99
        assert frame_number(reader.frame_at(4.0)) == 120  # a short hop ahead decodes forward
        assert reader.seeks == 3
        assert frame_number(reader.frame_at(0.0)) == 0
        assert reader.seeks == 4
        assert frame_number(reader.frame_at(100.0)) == 179  # the end, from the start: one seek
        assert reader.seeks == 5


def test_memory_stays_bounded_over_300_frames_of_1080p(media: Path) -> None:
    path = make_clip(media / "big.mp4", size=(1920, 1080), seconds=10.0, pattern="still", options=FAST)
    process = psutil.Process()
    with ClipReader(path, QSize(1920, 1080)) as reader:
        for step in range(30):
            reader.frame_at(step / 30)
        gc.collect()
        settled = process.memory_info().rss
        for step in range(30, 300):
            image = reader.frame_at(step / 30)
        gc.collect()
        grown = process.memory_info().rss - settled
        assert image.size() == QSize(1920, 1080)
        assert reader.decoded == 300
        assert reader.seeks == 0
    # One 1080p frame is 8 MB as RGB32 and 3 MB as YUV: 300 of them would be 2.4 GB.
    assert grown < 40 * 1024 * 1024, f"RSS grew {grown / 2**20:.0f} MB"


def test_a_clip_of_one_frame(media: Path) -> None:
    path = make_clip(media / "one.mp4", size=SMALL, seconds=1 / 30)
    info = probe_clip(path)
    assert info.duration == pytest.approx(1 / 30, abs=0.01)
    with ClipReader(path, QSize(160, 90)) as reader:
        assert frame_number(reader.frame_at(0.0)) == 0
        assert frame_number(reader.frame_at(3.0)) == 0
        assert frame_number(reader.frame_at(0.0)) == 0


def test_the_image_owns_its_pixels_after_the_reader_closes(h264: Path) -> None:
    reader = ClipReader(h264, QSize(160, 90))
    image = reader.frame_at(1.0)
    reader.close()
    reader.close()  # twice is fine
    gc.collect()
    assert frame_number(image) == 30
    assert_upright(image)
    with pytest.raises(ValueError):
        reader.frame_at(0.0)


@pytest.mark.parametrize("fraction", [0.3, 0.8])
def test_a_webm_cut_short_is_damaged(tmp_path: Path, media: Path, fraction: float) -> None:
    # WebM has no index up front: the probe reads the times of the last second's packets.
    whole = media / "whole.webm"
    if not whole.exists():
        make_clip(whole, codec="libvpx-vp9", size=SMALL, seconds=2.0, audio=True)
    cut = tmp_path / "cut.webm"
    cut.write_bytes(whole.read_bytes())
    truncate(cut, fraction)
    refused(cut, clips.DAMAGED)
    assert probe_clip(whole).duration == pytest.approx(2.0, abs=0.05)


@pytest.mark.parametrize("name", ["grain.mp4", "grain.webm"])
def test_a_clip_cut_while_it_is_read_holds_its_last_good_frame(
    tmp_path: Path, name: str, caplog: pytest.LogCaptureFixture
) -> None:
    # The file shrinks under an open reader (a copy being replaced, a network drive gone):
    # the render goes on with the last good frame and the reader says it is damaged.
    webm = name.endswith(".webm")
    options = {"crf": "4", "b": "0"} if webm else {"crf": "4"}  # large: far more than FFmpeg reads ahead
    codec = "libvpx-vp9" if webm else "libx264"
    path = make_clip(
        tmp_path / name, codec=codec, size=SMALL, pattern="noise", faststart=True, options=options
    )
    assert path.stat().st_size > 1_000_000
    with ClipReader(path, QSize(160, 90)) as reader:
        first = reader.frame_at(0.1)
        with path.open("r+b") as file:
            file.truncate(path.stat().st_size // 3)
        held = reader.frame_at(1.9)
        assert held.size() == QSize(160, 90)
        assert reader.frame_at(5.0) is held
        assert held is not first
        assert reader.damaged
    assert "damaged" in caplog.text


@pytest.mark.parametrize("name", ["spoilt.mp4", "spoilt.webm"])
def test_a_packet_that_does_not_decode_is_skipped_to_the_next_keyframe(tmp_path: Path, name: str) -> None:
    codec = "libvpx-vp9" if name.endswith(".webm") else "libx264"
    path = make_clip(tmp_path / name, codec=codec, size=SMALL, options={"g": "15"})  # keyframes every 0.5 s
    spoil_packet(path, 20)
    assert probe_clip(path).duration == pytest.approx(2.0, abs=0.05)  # the file is whole
    with ClipReader(path, QSize(160, 90)) as reader:
        numbers = [frame_number(reader.frame_at(step / 30)) for step in range(60)]
    assert numbers[:15] == list(range(15))
    assert numbers[30:] == list(range(30, 60))  # back from the keyframe after the damage
    assert numbers == sorted(numbers)  # held frames repeat: nothing goes back or shows garbage
    held = [n for step, n in enumerate(numbers) if n != step]
    assert held and len(set(held)) == 1


# -- sound and thumbnails --------------------------------------------------------------------------------


def test_clip_audio_is_48k_stereo_float_of_exactly_the_length_asked(with_sound: Path) -> None:
    sound = clip_audio(with_sound, 0.5, 1.0)
    assert sound is not None
    assert sound.dtype == np.float32 and sound.shape == (48000, 2)
    rms = float(np.sqrt(np.mean(sound**2)))
    assert rms == pytest.approx(0.25 / np.sqrt(2), rel=0.1)
    spectrum = np.abs(np.fft.rfft(sound[:, 0]))
    assert np.argmax(spectrum) == pytest.approx(440, abs=2)  # 1 s of sound: bins are 1 Hz
    odd = clip_audio(with_sound, 0.0, 1 / 3)
    assert odd is not None and odd.shape == (16000, 2)
    tail = clip_audio(with_sound, 1.5, 2.0)  # the clip has 2 s: the rest is silence
    assert tail is not None and tail.shape == (96000, 2)
    assert np.abs(tail[:20000]).max() > 0.2
    assert np.abs(tail[30000:]).max() == 0.0


def test_clip_audio_starts_where_asked(with_sound: Path) -> None:
    whole = clip_audio(with_sound, 0.0, 2.0)
    later = clip_audio(with_sound, 0.75, 0.5)
    assert whole is not None and later is not None
    start = round(0.75 * 48000)
    assert np.abs(later - whole[start : start + 24000]).max() < 0.02


def test_clip_audio_from_a_webm_with_opus(media: Path) -> None:
    path = make_clip(media / "sound.webm", codec="libvpx-vp9", size=(160, 90), seconds=1.0, audio=True)
    sound = clip_audio(path, 0.2, 0.5)
    assert sound is not None and sound.shape == (24000, 2)
    assert float(np.sqrt(np.mean(sound**2))) == pytest.approx(0.25 / np.sqrt(2), rel=0.15)
    assert probe_clip(path).has_audio


def test_clip_audio_resamples_mono_44k_to_48k_stereo(media: Path) -> None:
    path = make_clip(
        media / "mono.mov", size=(160, 90), seconds=1.0, audio=True, audio_rate=44100, audio_layout="mono"
    )
    sound = clip_audio(path, 0.0, 0.75)
    assert sound is not None and sound.shape == (36000, 2) and sound.dtype == np.float32
    assert np.abs(sound[:, 0] - sound[:, 1]).max() < 1e-6  # mono in both channels
    middle = sound[4800:28800, 0]  # 0.5 s: 2 Hz bins
    peak = np.argmax(np.abs(np.fft.rfft(middle))) * 48000 / len(middle)
    assert peak == pytest.approx(440, abs=3)


def test_a_silent_clip_has_no_audio(h264: Path) -> None:
    assert clip_audio(h264, 0.0, 1.0) is None
    assert not probe_clip(h264).has_audio


def test_thumbnail_is_the_first_frame_at_the_width_asked(h264: Path) -> None:
    thumbnail = clip_thumbnail(h264, 160)
    assert thumbnail.size() == QSize(160, 90)
    assert thumbnail.format() == QImage.Format.Format_RGB32
    assert frame_number(thumbnail) == 0
    assert_upright(thumbnail)
