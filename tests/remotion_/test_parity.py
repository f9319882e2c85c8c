"""The Remotion compositions draw what ``paint_frame`` draws.

For each one-photo template in 16:9 and 9:16, five frames (start, mid title
entrance, poster, mid end-card transition, end) are rendered by Remotion
(``renderStill`` in Debian's Chromium, through ``remotion/scripts/stills.mjs``)
and by ``render_frame_image``, and compared with SSIM.  The ``tour`` template
with six photos (one with the blurred fit, one with a focus point, captions) is
compared at the middle of every scene, halfway through every transition
(crossfade, push, zoom, wipe, slide) and on its last frame, in 16:9 and 9:16.

Tour figures (Remotion 4.0.527, Chromium 156, this machine): 24 stills score
0.9935–0.9982, median 0.9968; before the scene's own box clipped its photo (a
port error), the push and slide mid-transitions scored 0.949–0.961, so the bar
catches a transition drawn wrong.  A tour with a 1.5 s H.264 clip (playing, held
past its end, pushed out, and again from 0.3 s with the blurred fit), 8 stills:
0.9934–0.9990 (before the reader's chroma-aligned crop was mirrored, 9:16 scored
0.984; before the backdrop's blur duplicated its edges, 0.970).

Threshold, from measurements on this machine (Remotion 4.0.527, Chromium 156):
the 20 stills score 0.991–0.999; the remaining differences are glyph
antialiasing and photo resampling.  Errors this test must catch score lower:
the title entrance off by 3 frames (0.1 s) scores 0.980–0.983 against itself,
the Ken Burns zoom off by 6 frames 0.89, the end-card fade off by 3 frames 0.93.
So the bar is 0.985: above the 0.97 target, below every measured parity score
with a margin of 0.006, above a 0.1 s animation error.  The last test checks
that the bar does reject such an error.
"""

from __future__ import annotations

import functools
import json
import shutil
import subprocess
import threading
import urllib.parse
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
import pytest
from PIL import Image
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage

from helpers.media import make_clip
from helpers.props import CTA, SUBTITLE, TITLE, villa_props
from helpers.ssim import SSIM_REPORT, ssim
from helpers.tour_media import tour_photos
from vidstudio.render.paint import render_frame_image
from vidstudio.render.props import MediaItem, Props
from vidstudio.render.remotion_props import image_ref, remotion_input_props
from vidstudio.render.template import ASPECTS, get_template
from vidstudio.render.timeline import timeline

pytestmark = pytest.mark.remotion

THRESHOLD = 0.985
REPO = Path(__file__).resolve().parents[2]
REMOTION = REPO / "remotion"
TEMPLATES = ("promo", "gallery")
ASPECT_NAMES = ("16:9", "9:16")
FRAMES = (0, 24, 120, 250, 290)
CASES = [(t, a, f) for t in TEMPLATES for a in ASPECT_NAMES for f in FRAMES]
CHROMIUM = "/usr/bin/chromium"


def _name(template: str, aspect: str, frame: int) -> str:
    return f"{template}-{aspect.replace(':', 'x')}-f{frame:03d}"


def _props(photo: Path) -> Props:
    return villa_props(photo)


CAPTIONS = ("Coffee corner", "The garden cat", "Guest of honour", "Infinity pool", "The tower", "")


def _tour_props(photos: list[Path]) -> Props:
    """Six photos: the cat framed on a focus point, the generated portrait with the blurred fit."""
    media = [
        MediaItem(
            path,
            caption=CAPTIONS[i],
            focus=(0.3, 0.6) if i == 1 else (0.5, 0.5),
            fit="blur" if path.name == "tower.jpg" else "cover",
        )
        for i, path in enumerate(photos)
    ]
    return Props(title=TITLE, subtitle=SUBTITLE, cta=CTA, media=tuple(media))


def _tour_frames() -> list[tuple[str, int]]:
    """(what, frame): every scene's middle, every transition's middle, the last frame."""
    line = timeline(get_template("tour"), _tour_props([Path(f"{i}.jpg") for i in range(len(CAPTIONS))]))
    frames: list[tuple[str, int]] = []
    for i, scene in enumerate(line.scenes):
        frames.append((f"scene{i}", round(line.middle(i) * line.fps)))
        if scene.transition_in is not None:
            kind = scene.transition_in.type
            frames.append((f"{kind}{i}", round(line.transition_middle(i) * line.fps)))
    frames.append(("last", line.frame_count - 1))
    return frames


CLIP_SECONDS = 1.5


def _clip_props(folder: Path) -> Props:
    """A wide photo, a 1.5 s H.264 clip (its scene is longer: the clip holds its last frame), then
    the same clip from 0.3 s with the blurred fit."""
    clip = folder / "pool-walk.mp4"
    if not clip.exists():
        make_clip(clip, seconds=CLIP_SECONDS)
    media = (
        MediaItem(folder / "pool.jpg"),
        MediaItem(clip, caption="Pool walk"),
        MediaItem(clip, fit="blur", trim_in=0.3),
    )
    return Props(title=TITLE, subtitle=SUBTITLE, cta=CTA, media=media, duration=9.0)


def _clip_frames() -> list[tuple[str, int]]:
    """The clip scene's middle (playing), a frame after the clip's end (held), mid push out of it."""
    props = _clip_props_shape()
    line = timeline(get_template("tour"), props)
    scene = line.scenes[1]
    held = scene.start + CLIP_SECONDS + 0.3
    assert held < line.scenes[2].start  # still the clip's scene alone
    return [
        ("clip-playing", round(line.middle(1) * line.fps)),
        ("clip-held", round(held * line.fps)),
        ("clip-push", round(line.transition_middle(2) * line.fps)),
        ("clip-blur-trimmed", round((line.scenes[2].start + 0.9) * line.fps)),
    ]


def _clip_props_shape() -> Props:
    names = ("a.jpg", "b.mp4", "c.mp4")
    return Props(title=TITLE, media=tuple(MediaItem(Path(n)) for n in names), duration=9.0)


TOUR_FRAMES = _tour_frames()
CLIP_FRAMES = _clip_frames()
CLIP_CASES = [(a, what, frame) for a in ASPECT_NAMES for what, frame in CLIP_FRAMES]
# Decoded video: Remotion's compositor and PyAV decode the same H.264 frames (both FFmpeg), then
# scale them differently; measured figures in the module docstring.  The clip one frame late
# (helpers.media's "bars": a bar moving 32 px a frame at 1080p and the frame number in cells)
# scores 0.942 (16:9, whole clip) and 0.983 (9:16 blurred fit), so the photos' bar holds.
CLIP_THRESHOLD = THRESHOLD
TOUR_CASES = [(a, what, frame) for a in ASPECT_NAMES for what, frame in TOUR_FRAMES]


def _tour_name(aspect: str, what: str) -> str:
    return f"tour-{aspect.replace(':', 'x')}-{what}"


def qimage_array(image: QImage) -> npt.NDArray[np.uint8]:
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    w, h = rgb.width(), rgb.height()
    buf = np.frombuffer(rgb.constBits(), np.uint8).reshape(h, rgb.bytesPerLine())
    return buf[:, : w * 3].reshape(h, w, 3).copy()


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def media_dir(testdata: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The test photos and the generated ones, in one folder the media server serves."""
    folder = tmp_path_factory.mktemp("parity-media")
    tour_photos(testdata, folder)
    return folder


@pytest.fixture(scope="module")
def photo_server(media_dir: Path) -> Iterator[str]:
    """The media over HTTP on loopback, as Lambda would fetch them from Storage."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(media_dir)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def _url(base: str, path: Path) -> str:
    return f"{base}/{urllib.parse.quote(path.name)}"


@pytest.fixture(scope="module")
def remotion_stills(
    qapp: Any, photo_server: str, media_dir: Path, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Path]:
    if not (REMOTION / "node_modules" / "@remotion" / "renderer").is_dir():
        pytest.fail("remotion/node_modules is missing: run scripts/test-deps/40-remotion.sh")
    if shutil.which("node") is None or not Path(CHROMIUM).exists():
        pytest.fail("node and /usr/bin/chromium are needed: run scripts/test-deps/40-remotion.sh")
    out = tmp_path_factory.mktemp("remotion")
    coffee = media_dir / "coffee.png"
    props = _props(coffee)
    photo = image_ref(coffee, _url(photo_server, coffee))
    jobs = []
    outputs: dict[str, Path] = {}

    def add(name: str, composition: str, input_props: dict[str, Any], frame: int) -> None:
        target = out / f"{name}.png"
        outputs[name] = target
        jobs.append({"composition": composition, "props": input_props, "frame": frame, "output": str(target)})

    for template_id in TEMPLATES:
        template = get_template(template_id)
        for aspect in ASPECT_NAMES:
            input_props = remotion_input_props(template, props, aspect, photo=photo)
            for frame in FRAMES:
                add(_name(template_id, aspect, frame), template_id, input_props, frame)
    tour = _tour_props(tour_photos(media_dir, media_dir))
    for aspect in ASPECT_NAMES:
        input_props = remotion_input_props(
            get_template("tour"), tour, aspect, url_for=lambda p: _url(photo_server, p)
        )
        for what, frame in TOUR_FRAMES:
            add(_tour_name(aspect, what), "tour", input_props, frame)
    with_clip = _clip_props(media_dir)
    for aspect in ASPECT_NAMES:
        input_props = remotion_input_props(
            get_template("tour"), with_clip, aspect, url_for=lambda p: _url(photo_server, p)
        )
        for what, frame in CLIP_FRAMES:
            add(_tour_name(aspect, what), "tour", input_props, frame)
    request = {"jobs": jobs, "browserExecutable": CHROMIUM}
    proc = subprocess.run(
        ["node", str(REMOTION / "scripts" / "stills.mjs")],
        input=json.dumps(request),
        capture_output=True,
        text=True,
        timeout=900,
        cwd=REMOTION,
        check=False,
    )
    events = [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")]
    if proc.returncode != 0 or not events or events[-1].get("type") != "done":
        errors = [e.get("message") for e in events if e.get("type") == "error"]
        pytest.fail(f"Remotion stills failed: {errors or proc.stderr[-2000:]}")
    return outputs


@pytest.mark.parametrize(("template_id", "aspect", "frame"), CASES)
def test_remotion_still_matches_native(
    remotion_stills: dict[str, Path], media_dir: Path, template_id: str, aspect: str, frame: int
) -> None:
    coffee = media_dir / "coffee.png"
    name = _name(template_id, aspect, frame)
    size = QSize(*ASPECTS[aspect])
    template = get_template(template_id)
    native = qimage_array(render_frame_image(template, _props(coffee), frame, size))
    with Image.open(remotion_stills[name]) as image:
        remotion = np.asarray(image.convert("RGB"))
    assert remotion.shape == native.shape
    score = ssim(native, remotion)
    SSIM_REPORT[name] = score
    assert score >= THRESHOLD, f"{name}: SSIM {score:.4f} < {THRESHOLD}"


@pytest.mark.parametrize(("aspect", "what", "frame"), TOUR_CASES)
def test_remotion_tour_still_matches_native(
    remotion_stills: dict[str, Path], media_dir: Path, aspect: str, what: str, frame: int
) -> None:
    name = _tour_name(aspect, what)
    props = _tour_props(tour_photos(media_dir, media_dir))
    native = qimage_array(render_frame_image(get_template("tour"), props, frame, QSize(*ASPECTS[aspect])))
    with Image.open(remotion_stills[name]) as image:
        remotion = np.asarray(image.convert("RGB"))
    assert remotion.shape == native.shape
    score = ssim(native, remotion)
    SSIM_REPORT[name] = score
    assert score >= THRESHOLD, f"{name} (frame {frame}): SSIM {score:.4f} < {THRESHOLD}"


@pytest.mark.parametrize(("aspect", "what", "frame"), CLIP_CASES)
def test_remotion_clip_still_matches_native(
    remotion_stills: dict[str, Path], media_dir: Path, aspect: str, what: str, frame: int
) -> None:
    name = _tour_name(aspect, what)
    props = _clip_props(media_dir)
    native = qimage_array(render_frame_image(get_template("tour"), props, frame, QSize(*ASPECTS[aspect])))
    with Image.open(remotion_stills[name]) as image:
        remotion = np.asarray(image.convert("RGB"))
    score = ssim(native, remotion)
    SSIM_REPORT[name] = score
    assert score >= CLIP_THRESHOLD, f"{name} (frame {frame}): SSIM {score:.4f} < {CLIP_THRESHOLD}"


@pytest.mark.parametrize(("aspect", "what"), [("16:9", "clip-playing"), ("9:16", "clip-blur-trimmed")])
def test_the_clip_threshold_rejects_a_clip_one_frame_off(
    qapp: Any, media_dir: Path, aspect: str, what: str
) -> None:
    """Where the whole clip shows (9:16 crops the middle of the bars, which barely moves), the
    clip one frame late fails the bar."""
    template, props = get_template("tour"), _clip_props(media_dir)
    frame = dict(CLIP_FRAMES)[what]
    size = QSize(*ASPECTS[aspect])
    a = qimage_array(render_frame_image(template, props, frame, size))
    b = qimage_array(render_frame_image(template, props, frame + 1, size))
    assert ssim(a, b) < CLIP_THRESHOLD


def test_the_threshold_rejects_a_tenth_of_a_second_timing_error(qapp: Any, coffee: Path) -> None:
    """Native frame 24 against native frame 27 (title entrance 0.1 s late) fails the bar."""
    template = get_template("promo")
    size = QSize(*ASPECTS["16:9"])
    a = qimage_array(render_frame_image(template, _props(coffee), 24, size))
    b = qimage_array(render_frame_image(template, _props(coffee), 27, size))
    assert ssim(a, b) < THRESHOLD


def test_ssim_of_an_image_with_itself_is_one() -> None:
    rng = np.random.default_rng(1)
    image = rng.integers(0, 256, (40, 60, 3), dtype=np.uint8)
    assert ssim(image, image) == pytest.approx(1.0)
    assert ssim(image, 255 - image) < 0.0
