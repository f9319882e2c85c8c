"""Image loading: every format and oddity a phone or PC produces, and every bad file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from vidstudio.render.errors import ImageError
from vidstudio.render.images import MAX_SHORT_SIDE, NEEDED_SHORT_SIDE, load_image, probe_image


@pytest.fixture(autouse=True)
def _app(qapp: object) -> None:
    """QImage conversions want a Qt application."""


def _gradient(size: tuple[int, int] = (300, 200)) -> Image.Image:
    image = Image.new("RGB", size)
    px = image.load()
    for x in range(size[0]):
        for y in range(size[1]):
            px[x, y] = (x * 255 // size[0], y * 255 // size[1], 128)
    return image


@pytest.mark.parametrize(
    ("suffix", "fmt", "mode"),
    [
        (".jpg", "JPEG", "RGB"),
        (".png", "PNG", "RGBA"),
        (".webp", "WEBP", "RGB"),
        (".bmp", "BMP", "RGB"),
        (".tif", "TIFF", "RGB"),
        (".gif", "GIF", "P"),
        (".jpg", "JPEG", "CMYK"),
        (".png", "PNG", "L"),
        (".png", "PNG", "LA"),
        (".png", "PNG", "P"),
        (".png", "PNG", "I;16"),
        (".tif", "TIFF", "I;16"),
    ],
)
def test_formats_and_modes_load(tmp_path: Path, suffix: str, fmt: str, mode: str) -> None:
    source = _gradient()
    if mode == "I;16":
        converted = source.convert("L").point(lambda v: v * 256).convert("I;16")  # type: ignore[arg-type]
    elif mode == "RGBA":
        converted = source.convert("RGBA")
    else:
        converted = source.convert(mode)
    path = tmp_path / f"photo {mode.replace(';', '')}{suffix}"
    converted.save(path, fmt)
    image = load_image(path)
    assert (image.width(), image.height()) == (300, 200)
    # The gradient survives: left is darker than right in red.
    assert image.pixelColor(290, 100).red() > image.pixelColor(5, 100).red() or mode in (
        "L",
        "LA",
        "I;16",
        "P",
    )


def test_animated_gif_uses_the_first_frame(tmp_path: Path) -> None:
    frames = [Image.new("RGB", (64, 64), color) for color in ((255, 0, 0), (0, 0, 255))]
    path = tmp_path / "anim.gif"
    frames[0].save(path, save_all=True, append_images=frames[1:], duration=100, loop=0)
    color = load_image(path).pixelColor(10, 10)
    assert color.red() > 200 and color.blue() < 50


@pytest.mark.parametrize("orientation", [3, 6, 8])
def test_exif_orientation_is_applied(tmp_path: Path, orientation: int) -> None:
    # A 200x100 image whose top-left quarter is red, stored rotated with an EXIF tag.
    upright = Image.new("RGB", (200, 100), (0, 0, 255))
    upright.paste((255, 0, 0), (0, 0, 100, 50))
    stored = upright.transpose(
        {
            3: Image.Transpose.ROTATE_180,
            6: Image.Transpose.ROTATE_90,
            8: Image.Transpose.ROTATE_270,
        }[orientation]
    )
    exif = Image.Exif()
    exif[0x0112] = orientation
    path = tmp_path / f"rotated{orientation}.jpg"
    stored.save(path, "JPEG", exif=exif.tobytes(), quality=95)
    image = load_image(path)
    assert (image.width(), image.height()) == (200, 100)
    top_left = image.pixelColor(20, 10)
    bottom_right = image.pixelColor(180, 90)
    assert top_left.red() > 200 and top_left.blue() < 60
    assert bottom_right.blue() > 200 and bottom_right.red() < 60
    info = probe_image(path)
    assert (info.width, info.height) == (200, 100)


@pytest.mark.parametrize(
    "name",
    [
        "WhatsApp Image 2026-02-06 at 3.58.30 PM.jpeg",
        "villa señorial ñandú.png",
        "sunset 🌅 beach.png",
    ],
)
def test_odd_file_names(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    _gradient((120, 80)).save(path, "PNG" if name.endswith(".png") else "JPEG")
    assert load_image(path).width() == 120


def _bad_inputs(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    empty = tmp_path / "empty.jpg"
    empty.write_bytes(b"")
    text = tmp_path / "notes.jpg"
    text.write_text("this is not a picture", encoding="utf-8")
    truncated = tmp_path / "truncated.jpg"
    buffer = tmp_path / "full.jpg"
    _gradient((400, 300)).save(buffer, "JPEG")
    truncated.write_bytes(buffer.read_bytes()[:600])
    folder = tmp_path / "a folder.png"
    folder.mkdir()
    pdf = tmp_path / "brochure.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    ico = tmp_path / "icon.ico"
    Image.new("RGB", (32, 32)).save(ico, "ICO")
    return {
        "missing": (tmp_path / "gone.jpg", r"^The image gone\.jpg was not found\.$"),
        "empty": (empty, r"^The image empty\.jpg is empty \(0 bytes\)\.$"),
        "not an image": (text, r"^notes\.jpg is not an image vidstudio can read\.$"),
        "truncated": (truncated, r"^The image truncated\.jpg is damaged or incomplete"),
        "directory": (folder, r"^a folder\.png is a folder, not an image\.$"),
        "pdf": (pdf, r"^brochure\.pdf is not an image vidstudio can read\.$"),
        "unsupported format": (
            ico,
            r"^icon\.ico is a ICO image; use JPEG, PNG, WebP, BMP, TIFF or GIF\.$",
        ),
    }


@pytest.mark.parametrize(
    "case",
    ["missing", "empty", "not an image", "truncated", "directory", "pdf", "unsupported format"],
)
def test_bad_inputs_raise_one_plain_error(tmp_path: Path, case: str) -> None:
    path, message = _bad_inputs(tmp_path)[case]
    with pytest.raises(ImageError, match=message) as info:
        load_image(path)
    assert "\n" not in str(info.value)


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root reads everything")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.jpg"
    _gradient().save(path, "JPEG")
    path.chmod(0)
    with pytest.raises(ImageError, match="no permission"):
        load_image(path)


def _write_jpeg(path: Path, size: tuple[int, int]) -> None:
    """In a process of its own: the 324 MB this takes must not count for the measured one."""
    script = (
        f"from PIL import Image; Image.new('RGB', {size!r}, (30, 90, 160)).save({str(path)!r}, quality=80)"
    )
    subprocess.run([sys.executable, "-c", script], check=True)


# A fresh process runs `vidstudio still` and reports its own peak memory: the peak
# working set on Windows; VmHWM on Linux (ru_maxrss would include what the parent
# had before exec).
_PEAK_OF_STILL = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from vidstudio import cli
code = cli.main(["still", sys.argv[1], "--title", "Villa", "-o", sys.argv[2]])
if sys.platform == "win32":
    import psutil
    peak = psutil.Process().memory_info().peak_wset
else:
    with open("/proc/self/status", encoding="ascii") as status:
        peak = next(int(line.split()[1]) * 1024 for line in status if line.startswith("VmHWM:"))
print(code, peak // 2**20)
"""


def _peak_of_still_mb(photo: Path, out: Path) -> int:
    done = subprocess.run(
        [sys.executable, "-c", _PEAK_OF_STILL, str(photo), str(out)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    code, peak_mb = map(int, done.stdout.split()[-2:])
    assert code == 0 and out.is_file(), done.stderr
    return peak_mb


def test_a_huge_jpeg_needs_at_most_120_mb_more_than_a_small_one(tmp_path: Path) -> None:
    """README: a 12000×9000 photo (324 MB as RGB) never needs its full size in memory.

    Measured before the loader kept this: 375 MB against 82 MB for 1200×800 (+293 MB;
    decoded at 1/2 scale, then copied by exif_transpose).
    """
    small, huge = tmp_path / "small.jpg", tmp_path / "huge.jpg"
    _write_jpeg(small, (1200, 800))
    _write_jpeg(huge, (12000, 9000))
    small_mb = _peak_of_still_mb(small, tmp_path / "small.png")
    huge_mb = _peak_of_still_mb(huge, tmp_path / "huge.png")
    assert huge_mb - small_mb <= 120, f"peak {huge_mb} MB for 12000x9000, {small_mb} MB for 1200x800"


def test_a_huge_jpeg_is_reduced_to_what_the_largest_preset_needs(tmp_path: Path) -> None:
    path = tmp_path / "huge.jpg"
    _write_jpeg(path, (12000, 9000))
    image = load_image(path)
    assert NEEDED_SHORT_SIDE <= min(image.width(), image.height()) <= MAX_SHORT_SIDE
    assert image.width() / image.height() == pytest.approx(12000 / 9000, rel=0.01)


def test_needed_short_side_covers_every_template_at_its_largest_zoom() -> None:
    from vidstudio.render.template import ASPECTS, PhotoLayer, list_templates, resolve_layers

    for template in list_templates():
        for aspect in ASPECTS:
            for _index, layer in resolve_layers(template, aspect, True):
                if isinstance(layer, PhotoLayer) and layer.ken_burns is not None:
                    zoom = max(layer.ken_burns.start_scale, layer.ken_burns.end_scale)
                    assert 1920 * zoom <= NEEDED_SHORT_SIDE, (template.id, aspect, zoom)
