"""Clips in tours: the frame shown follows the clip's own clock, trimmed, held or looped."""

from __future__ import annotations

import json
from pathlib import Path

import av
import pytest
from PIL import Image
from PySide6.QtCore import QSize

from helpers.media import frame_number, make_clip, truncate
from vidstudio.cli import run
from vidstudio.render.errors import ClipError
from vidstudio.render.media import check_media
from vidstudio.render.paint import render_frame_image
from vidstudio.render.pipeline import render_video
from vidstudio.render.props import MediaItem, Props
from vidstudio.render.template import get_template, load_template_file
from vidstudio.render.timeline import timeline

SIZE = QSize(640, 360)


@pytest.fixture(autouse=True)
def _app(qapp: object) -> None:
    """Fonts need a Qt application."""


def bare(tmp_path: Path, clip_end: str = "hold") -> Path:
    path = tmp_path / f"bare_{clip_end}.json"
    path.write_text(
        json.dumps(
            {
                "name": {"en": "Bare"},
                "duration": 10,
                "scenes": {"transitions": [{"type": "cut"}], "clip_end": clip_end},
                "layers": [{"type": "photo"}],
            }
        )
    )
    return path


@pytest.fixture
def clip(tmp_path: Path) -> Path:
    return make_clip(tmp_path / "pool.mp4", seconds=2.0, size=(640, 360), fps=30)


@pytest.fixture
def photo(tmp_path: Path) -> Path:
    path = tmp_path / "room.png"
    Image.new("RGB", (640, 360), (200, 180, 150)).save(path)
    return path


def shown(template_path: Path, props: Props, scene: int, into: float) -> int:
    template = load_template_file(template_path)
    start = timeline(template, props).scenes[scene].start
    frame = round((start + into) * template.fps)
    return frame_number(render_frame_image(template, props, frame, SIZE))


def test_a_clip_plays_on_its_own_clock_then_holds_its_last_frame(
    tmp_path: Path, clip: Path, photo: Path
) -> None:
    props = Props("Villa", media=[photo, clip, photo], duration=9)
    assert shown(bare(tmp_path), props, 1, 1.0) == 30
    assert shown(bare(tmp_path), props, 1, 2.8) == 59  # the clip (2 s) is shorter than its scene (3 s)


def test_a_clip_loops_when_the_template_says_so(tmp_path: Path, clip: Path, photo: Path) -> None:
    props = Props("Villa", media=[photo, clip, photo], duration=9)
    assert shown(bare(tmp_path, "loop"), props, 1, 2.5) == 15


def test_trim_in_and_out_choose_the_part_of_the_clip(tmp_path: Path, clip: Path, photo: Path) -> None:
    trimmed = MediaItem(clip, trim_in=0.5, trim_out=1.0)
    props = Props("Villa", media=[photo, trimmed, photo], duration=9)
    assert shown(bare(tmp_path), props, 1, 0.2) == 21
    assert shown(bare(tmp_path), props, 1, 2.0) == 29  # held at the out point


def test_a_clip_longer_than_its_scene_is_cut_not_refused(tmp_path: Path, photo: Path) -> None:
    long = make_clip(tmp_path / "long.mp4", seconds=6.0, size=(320, 180), fps=30)
    props = Props("Villa", media=[long, photo], duration=6)
    template = get_template("tour")
    out = render_video(template, props, tmp_path / "tour.mp4")
    assert out.frames == 180
    with av.open(str(out.path)) as container:
        assert container.streams.video[0].frames == 180


def test_a_rotated_phone_clip_stands_upright_in_a_tour(tmp_path: Path, photo: Path) -> None:
    phone = make_clip(tmp_path / "phone.mov", seconds=1.0, size=(640, 360), rotation=90)
    props = Props("Villa", media=[MediaItem(phone, fit="blur")], duration=5)
    template = load_template_file(bare(tmp_path))
    image = render_frame_image(template, props, 15, QSize(360, 640))
    # Upright and fitted whole: the frame number reads from the clip's own bottom row.
    assert frame_number(image) == 15


@pytest.mark.parametrize("codec,suffix", [("libx265", ".mov"), ("libvpx-vp9", ".webm")])
def test_hevc_and_vp9_clips_render(tmp_path: Path, photo: Path, codec: str, suffix: str) -> None:
    other = make_clip(tmp_path / f"clip{suffix}", codec=codec, seconds=1.0, size=(640, 360))
    props = Props("Villa", media=[photo, other], duration=6)
    assert shown(bare(tmp_path), props, 1, 0.5) == 15


def test_a_truncated_clip_is_refused_before_any_file_exists(tmp_path: Path, clip: Path, photo: Path) -> None:
    truncate(clip, 0.5)
    props = Props("Villa", media=[photo, clip])
    with pytest.raises(ClipError, match="damaged or incomplete"):
        check_media(props)
    with pytest.raises(ClipError):
        render_video(get_template("tour"), props, tmp_path / "out.mp4")
    assert not list(tmp_path.glob("out*"))


def test_the_cli_says_in_one_line_when_a_clip_is_not_a_video(
    tmp_path: Path, photo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fake = tmp_path / "pool.mp4"
    fake.write_text("not a video")
    code = run(["render", str(photo), str(fake), "--title", "Villa", "-o", str(tmp_path / "out.mp4")])
    assert code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1] == "vidstudio: pool.mp4 is not a video vidstudio can read."
    assert not (tmp_path / "out.mp4").exists()


def test_the_cli_refuses_more_than_thirty_media(
    tmp_path: Path, photo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = run(["render", *[str(photo)] * 31, "--title", "Villa", "-o", str(tmp_path / "out.mp4")])
    assert code == 2
    assert "at most 30 photos and clips" in capsys.readouterr().err
