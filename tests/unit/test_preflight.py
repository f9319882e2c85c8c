"""Preflight on real, tiny MP4s written in the test: one sentence per problem, never an exception."""

from __future__ import annotations

import io
import json
import math
from fractions import Fraction
from pathlib import Path

import av
import numpy as np
import pytest

from vidstudio.messages import Kind
from vidstudio.render import audio, encode_worker
from vidstudio.render.errors import Cancelled
from vidstudio.render.platforms import get_platform
from vidstudio.render.preflight import preflight

REELS = get_platform("instagram_reels")
TALL = (108, 192)  # 9:16, tiny: every file here encodes in well under a second
RATE = audio.SAMPLE_RATE


def tone(seconds: float, rate: int = RATE, lufs: float = -14.0) -> np.ndarray:
    """A 1 kHz stereo sine, (n, 2) float32 at ``rate``, scaled to ``lufs`` as render/audio.py measures it."""

    def sine(at: int) -> np.ndarray:
        t = np.arange(round(seconds * at)) / at
        mono = (0.25 * np.sin(2 * math.pi * 1000.0 * t)).astype(np.float32)
        return np.ascontiguousarray(np.stack([mono, mono], axis=1))

    level, _peak = audio.measure(sine(RATE))  # measure() reads 48 kHz; a sine's level is the same at any rate
    return np.ascontiguousarray(sine(rate) * np.float32(10 ** ((lufs - level) / 20)))


def render_like_the_app(path: Path, tmp_path: Path, seconds: float = 3.2, fps: int = 30) -> Path:
    """An MP4 from the project's own encoder (encode_worker.run, in this process), with sound at −14 LUFS."""
    width, height = TALL
    frames_path = tmp_path / "frames.raw"
    canvas = np.zeros((height, width, 4), np.uint8)
    canvas[..., 0] = np.linspace(0, 255, width, dtype=np.uint8)  # a blue ramp, opaque
    canvas[..., 3] = 255
    frames_path.write_bytes(canvas.tobytes())
    audio_path = tmp_path / "audio.raw"
    audio_path.write_bytes(tone(seconds).tobytes())
    params = encode_worker.EncodeParams(
        temp_path=str(path),
        width=width,
        height=height,
        fps=fps,
        quality="draft",
        frames_path=str(frames_path),
        slots=1,
        audio_path=str(audio_path),
    )
    count = round(seconds * fps)
    commands = "".join(json.dumps(["frame", 0]) + "\n" for _ in range(count)) + '["finish"]\n'
    replies = io.StringIO()
    assert encode_worker.run(params, io.StringIO(commands), replies) == 0, replies.getvalue()
    return path


def write_mp4(
    path: Path,
    *,
    size: tuple[int, int] = TALL,
    fps: int = 30,
    seconds: float = 3.2,
    pix_fmt: str = "yuv420p",
    bt709: bool = True,
    faststart: bool = True,
    audio_rate: int | None = RATE,
    lufs: float = -14.0,
    samples: np.ndarray | None = None,
    rotation: int = 0,
) -> Path:
    """An MP4 written with PyAV, everything right unless an argument says otherwise."""
    width, height = size
    container = av.open(str(path), "w", format="mp4", options={"movflags": "+faststart"} if faststart else {})
    video = container.add_stream("libx264", rate=fps)
    video.width, video.height, video.pix_fmt = width, height, pix_fmt
    ctx = video.codec_context
    if bt709:
        ctx.color_range, ctx.colorspace, ctx.color_primaries, ctx.color_trc = 1, 1, 1, 1
    ctx.options = {"preset": "ultrafast"}
    if rotation:
        video.set_display_rotation(-rotation)  # clockwise for a player; PyAV's angle is counter-clockwise
    sound = container.add_stream("aac", rate=audio_rate, layout="stereo") if audio_rate else None
    for index in range(round(seconds * fps)):
        picture = np.full((height, width, 3), (index * 5) % 256, np.uint8)
        frame = av.VideoFrame.from_ndarray(picture, format="rgb24")
        frame.pts = index
        for packet in video.encode(frame):
            container.mux(packet)
    for packet in video.encode(None):
        container.mux(packet)
    if sound is not None and audio_rate is not None:
        sound_samples = tone(seconds, audio_rate, lufs) if samples is None else samples
        planar = np.ascontiguousarray(sound_samples.T)
        for start in range(0, planar.shape[1], 1024):
            block = av.AudioFrame.from_ndarray(
                np.ascontiguousarray(planar[:, start : start + 1024]), format="fltp", layout="stereo"
            )
            block.sample_rate = audio_rate
            block.pts = start
            block.time_base = Fraction(1, audio_rate)
            for packet in sound.encode(block):
                container.mux(packet)
        for packet in sound.encode(None):
            container.mux(packet)
    container.close()
    return path


def texts(path: Path, platform_id: str = "instagram_reels") -> list[str]:
    return [found.text for found in preflight(path, get_platform(platform_id))]


def test_the_apps_own_render_passes(tmp_path: Path) -> None:
    path = render_like_the_app(tmp_path / "villa.mp4", tmp_path)
    assert preflight(path, REELS) == []


def test_a_good_pyav_file_passes(tmp_path: Path) -> None:
    assert texts(write_mp4(tmp_path / "good.mp4")) == []


def test_too_long(tmp_path: Path) -> None:
    # 100 s at 24 fps, 18×32 pixels, no sound: cheap to write.
    path = write_mp4(tmp_path / "long.mp4", size=(18, 32), fps=24, seconds=100, audio_rate=None)
    assert texts(path, "facebook_reels") == ["This video lasts 100 seconds; Facebook Reels takes at most 90."]
    assert texts(path, "instagram_stories") == [
        "This video lasts 100 seconds; Instagram Stories takes at most 60."
    ]
    # A 100-second Reel: Instagram itself takes 3 minutes, but a business Reel is shared to
    # Facebook Reels and boosted only up to 90 s (render/platforms.py).
    assert texts(path) == ["This video lasts 100 seconds; Instagram Reels takes at most 90."]
    assert texts(path, "tiktok") == []


def test_too_short(tmp_path: Path) -> None:
    path = write_mp4(tmp_path / "short.mp4", seconds=2)
    assert texts(path) == ["This video lasts 2 seconds; Instagram Reels takes at least 3."]


def test_frame_rate(tmp_path: Path) -> None:
    path = write_mp4(tmp_path / "slow.mp4", fps=20)
    assert texts(path) == ["This video plays 20 frames per second; Instagram Reels needs between 23 and 60."]


def test_variable_frame_rate(tmp_path: Path) -> None:
    path = tmp_path / "vfr.mp4"
    container = av.open(str(path), "w", format="mp4", options={"movflags": "+faststart"})
    video = container.add_stream("libx264", rate=30)
    video.width, video.height = TALL
    video.pix_fmt = "yuv420p"
    video.time_base = Fraction(1, 1000)
    ctx = video.codec_context
    ctx.time_base = Fraction(1, 1000)
    ctx.color_range, ctx.colorspace, ctx.color_primaries, ctx.color_trc = 1, 1, 1, 1
    ctx.options = {"preset": "ultrafast"}
    at = 0
    for index in range(120):
        frame = av.VideoFrame.from_ndarray(np.full((192, 108, 3), index % 256, np.uint8), format="rgb24")
        frame.pts = at
        frame.time_base = Fraction(1, 1000)
        at += (20, 50)[index % 2]  # 28.6 fps on average, never steady
        for packet in video.encode(frame):
            container.mux(packet)
    for packet in video.encode(None):
        container.mux(packet)
    container.close()
    assert texts(path) == [
        "This video's frame rate changes as it plays; Instagram Reels needs a steady one, "
        "such as 30 frames per second."
    ]


def test_pixel_format(tmp_path: Path) -> None:
    path = write_mp4(tmp_path / "444.mp4", pix_fmt="yuv444p")
    assert texts(path) == [
        "This video stores its colours as yuv444p; Instagram Reels expects yuv420p, "
        "the format every phone plays."
    ]


def test_moov_at_the_end(tmp_path: Path) -> None:
    path = write_mp4(tmp_path / "slow-start.mp4", faststart=False)
    assert texts(path) == [
        "This video only starts playing once it has loaded completely; export it with fast start "
        "(web optimised) turned on."
    ]


def test_no_colour_tags(tmp_path: Path) -> None:
    path = write_mp4(tmp_path / "untagged.mp4", bt709=False)
    assert texts(path) == [
        "This video's colours are not marked as BT.709 (Rec. 709), so Instagram Reels may show them "
        "washed out or too strong."
    ]


def test_44_1_khz_sound(tmp_path: Path) -> None:
    path = write_mp4(tmp_path / "cd.mp4", audio_rate=44100)
    assert texts(path) == ["The sound is recorded at 44.1 kHz; Instagram Reels expects 48 kHz."]


def test_loud_sound(tmp_path: Path) -> None:
    path = write_mp4(tmp_path / "loud.mp4", lufs=-6.0)
    [found] = texts(path)
    # The AAC encode moves the level by a few hundredths: the figure is measured, not assumed.
    assert found.startswith("The sound is too loud (−6.")
    assert found.endswith(" LUFS); Instagram Reels plays videos at about −14 LUFS and will turn it down.")


def test_quiet_sound(tmp_path: Path) -> None:
    path = write_mp4(tmp_path / "quiet.mp4", lufs=-24.0)
    [found] = texts(path)
    assert found.startswith("The sound is too quiet (−2")
    assert found.endswith(
        " LUFS); Instagram Reels plays videos at about −14 LUFS, "
        "so it will sound weaker than the videos around it."
    )


def test_true_peak(tmp_path: Path) -> None:
    # A sine at −14 LUFS peaks near −14 dBTP; a short near full-scale click in it does not
    # change the loudness but takes the peak over −1 dBTP.
    samples = tone(3.2, lufs=-14.5)
    samples[RATE : RATE + 4] = 0.999
    path = write_mp4(tmp_path / "click.mp4", samples=samples)
    [found] = texts(path)
    assert found.startswith("The sound peaks at ")
    assert found.endswith(
        " dBTP, so it may crackle once Instagram Reels compresses it again; "
        "keep its peaks at −1 dBTP or lower."
    )


def test_landscape_for_reels(tmp_path: Path) -> None:
    path = write_mp4(tmp_path / "wide.mp4", size=(192, 108))
    assert texts(path) == [
        "This video is 192×108 pixels (16:9); Instagram Reels shows 9:16 videos, "
        "so yours will get black bars or be cropped."
    ]
    assert texts(path, "youtube") == []


def test_a_phone_clip_stored_sideways_is_upright(tmp_path: Path) -> None:
    # Phones store a portrait video landscape, with a display matrix saying how to turn it.
    path = write_mp4(tmp_path / "phone.mp4", size=(192, 108), rotation=90)
    assert texts(path) == []
    assert texts(path, "youtube") == [
        "This video is 108×192 pixels (9:16); YouTube shows 16:9 videos, "
        "so yours will get black bars or be cropped."
    ]


def test_square_is_fine_for_the_feed_and_shorts(tmp_path: Path) -> None:
    path = write_mp4(tmp_path / "square.mp4", size=(128, 128))
    assert texts(path, "instagram_feed") == []
    assert texts(path, "youtube_shorts") == []


def test_several_problems_one_sentence_each(tmp_path: Path) -> None:
    path = write_mp4(tmp_path / "bad.mp4", size=(192, 108), fps=20, bt709=False, faststart=False)
    assert len(texts(path)) == 4


def test_a_text_file_named_mp4(tmp_path: Path) -> None:
    path = tmp_path / "notes.mp4"
    path.write_text("Villa Serena, 4 bedrooms, sea view\n", encoding="utf-8")
    [found] = preflight(path, REELS)
    assert found.text == "notes.mp4 is not a video vidstudio can read."
    assert found.kind is Kind.OUTPUT


def test_a_missing_file(tmp_path: Path) -> None:
    [found] = preflight(tmp_path / "gone.mp4", REELS)
    assert found.text == "The video gone.mp4 was not found."
    assert found.kind is Kind.FILE_MISSING


def test_an_empty_file_and_a_folder(tmp_path: Path) -> None:
    empty = tmp_path / "empty.mp4"
    empty.write_bytes(b"")
    assert texts(empty) == ["The video empty.mp4 is empty (0 bytes)."]
    folder = tmp_path / "folder.mp4"
    folder.mkdir()
    assert texts(folder) == ["folder.mp4 is a folder, not a video."]


def test_a_cut_copy(tmp_path: Path) -> None:
    path = write_mp4(tmp_path / "whole.mp4")
    cut = tmp_path / "cut.mp4"
    cut.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    assert texts(cut) == ["The video cut.mp4 is damaged or incomplete."]


def test_a_photo_is_not_a_video(tmp_path: Path) -> None:
    path = tmp_path / "photo.mp4"
    frame = av.VideoFrame.from_ndarray(np.zeros((16, 16, 3), np.uint8), format="rgb24")
    frame.to_image().save(path, format="PNG")
    assert texts(path) == ["photo.mp4 is not a video vidstudio can read."]


def test_cancel(tmp_path: Path) -> None:
    path = write_mp4(tmp_path / "good.mp4")
    with pytest.raises(Cancelled):
        preflight(path, REELS, cancel=lambda: True)
