"""Load a user's photo (or logo) into a ``QImage`` ready to paint.

Pillow does the decoding: it reads JPEG, PNG, WebP, BMP, TIFF and GIF, knows
EXIF orientation, CMYK, 16-bit and palette images, and can decode JPEGs at a
reduced scale (``draft``) so a 12000×9000 photo never needs its full size in
memory.  Every failure raises :class:`ImageError` with a message naming the file.
"""

from __future__ import annotations

import math
import threading
import warnings
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PIL import Image, ImageOps, UnidentifiedImageError
from PySide6.QtGui import QImage

from vidstudio.messages import QT_TRANSLATE_NOOP
from vidstudio.render.errors import ImageError, input_file_size

# The largest preset is 1920 px on its long side and 1080 on its short one.  A
# photo that must cover a 1080×1920 canvas at the largest Ken Burns zoom of the
# templates (1.15, promo.json) needs 1920 × 1.15 = 2208 px on its short side;
# nothing larger is ever drawn.  Images are kept up to MAX_SHORT_SIDE.
MAX_SHORT_SIDE = 2400
MAX_LONG_SIDE = 6000
NEEDED_SHORT_SIDE = 2208
# Refuse to decode anything that would need more than this many pixels at once
# (about 1.6 GB as 16-bit RGBA); JPEGs are reduced while decoding and stay small.
MAX_DECODE_PIXELS = 200_000_000
ORIENTATION_TAG = 0x0112

SUPPORTED_FORMATS = {"JPEG", "MPO", "PNG", "WEBP", "BMP", "TIFF", "GIF"}
SUPPORTED_SUFFIXES = (".jpg", ".jpeg", ".jfif", ".png", ".webp", ".bmp", ".tif", ".tiff", ".gif")


@dataclass(frozen=True)
class ImageInfo:
    """What the UI shows about a photo: its name, original size and format."""

    path: Path
    width: int
    height: int
    format: str
    file_size: int


def _target_size(width: int, height: int, max_short: int = MAX_SHORT_SIDE) -> tuple[int, int]:
    scale = min(1.0, max_short / min(width, height), MAX_LONG_SIDE / max(width, height))
    return max(1, round(width * scale)), max(1, round(height * scale))


def _check_file(path: Path) -> None:
    """An image (or SVG logo) that is missing, a folder, unreadable or empty: its sentence."""
    input_file_size(
        path,
        ImageError,
        missing=QT_TRANSLATE_NOOP("Message", "The image {name} was not found."),
        folder=QT_TRANSLATE_NOOP("Message", "{name} is a folder, not an image."),
        unreadable=QT_TRANSLATE_NOOP("Message", "The image {name} cannot be read ({strerror})."),
        empty=QT_TRANSLATE_NOOP("Message", "The image {name} is empty (0 bytes)."),
    )


def _open(path: Path) -> Image.Image:
    name = path.name
    _check_file(path)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(path)
    except UnidentifiedImageError:
        raise ImageError(
            QT_TRANSLATE_NOOP("Message", "{name} is not an image vidstudio can read."), name=name
        ) from None
    except PermissionError:
        raise ImageError(
            QT_TRANSLATE_NOOP("Message", "vidstudio has no permission to read {name}."), name=name
        ) from None
    except OSError:
        raise ImageError(
            QT_TRANSLATE_NOOP("Message", "The image {name} is damaged or incomplete."), name=name
        ) from None
    if image.format not in SUPPORTED_FORMATS:
        image.close()
        raise ImageError(
            QT_TRANSLATE_NOOP(
                "Message", "{name} is a {format} image; use JPEG, PNG, WebP, BMP, TIFF or GIF."
            ),
            name=name,
            format=image.format,
        )
    return image


def probe_image(path: Path) -> ImageInfo:
    """Check that ``path`` is a usable image without decoding all of it."""
    path = Path(path)
    image = _open(path)
    with image:
        width, height = image.size
        if image.getexif().get(ORIENTATION_TAG) in (5, 6, 7, 8):
            width, height = height, width
        return ImageInfo(path, width, height, str(image.format), path.stat().st_size)


def load_image(path: Path, *, max_short: int = MAX_SHORT_SIDE) -> QImage:
    """Decode ``path`` upright, in sRGB-ish 8-bit, downscaled to what a render needs.

    Memory: every intermediate image is closed as soon as the next one exists, so
    at most two copies of the (already reduced) picture are alive at once.
    Measured with ``vidstudio still`` in a fresh process (Linux, VmHWM): a
    12000×9000 JPEG peaked 293 MB above a 1200×800 one when it was decoded at 1/2
    scale and copied by exif_transpose, and peaks 48 MB above it now (decoded at
    1/4); tests/unit/test_images.py keeps it under 120 MB.
    """
    path = Path(path)
    name = path.name
    image = _open(path)
    try:
        with image:
            return _to_qimage(_decode(image, name, max_short))
    except ImageError:
        raise
    except Image.DecompressionBombError:
        raise ImageError(
            QT_TRANSLATE_NOOP("Message", "The image {name} is too large to open safely."), name=name
        ) from None
    except MemoryError:
        raise ImageError(
            QT_TRANSLATE_NOOP("Message", "The image {name} is too large for this computer's memory."),
            name=name,
        ) from None
    except (OSError, ValueError, SyntaxError, EOFError):
        raise ImageError(
            QT_TRANSLATE_NOOP("Message", "The image {name} is damaged or incomplete."), name=name
        ) from None


def load_svg(path: Path, max_short: int) -> QImage:
    """Draw an SVG logo (Qt SVG, the Tiny 1.2 profile: what logo exports use) with its short side
    at ``max_short`` pixels, on transparency; :class:`ImageError` when it cannot be drawn."""
    from xml.etree import ElementTree

    from PySide6.QtCore import QByteArray, QRectF, Qt
    from PySide6.QtGui import QPainter
    from PySide6.QtSvg import QSvgRenderer

    path = Path(path)
    name = path.name
    _check_file(path)
    data = path.read_bytes()
    try:
        # Well-formed first: Qt SVG logs a warning and draws nothing for a broken file.
        ElementTree.fromstring(data)
        well_formed = True
    except ElementTree.ParseError:
        well_formed = False
    renderer = QSvgRenderer(QByteArray(data)) if well_formed else None
    view = renderer.viewBoxF() if renderer is not None else None
    if renderer is None or view is None or not renderer.isValid() or view.width() <= 0 or view.height() <= 0:
        raise ImageError(
            QT_TRANSLATE_NOOP(
                "Message", "The logo {name} is an SVG vidstudio cannot draw; export it again as SVG or PNG."
            ),
            name=name,
        )
    scale = max_short / min(view.width(), view.height())
    scale = min(scale, MAX_LONG_SIDE / max(view.width(), view.height()))
    image = QImage(
        max(1, round(view.width() * scale)),
        max(1, round(view.height() * scale)),
        QImage.Format.Format_ARGB32_Premultiplied,
    )
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, image.width(), image.height()))
    painter.end()
    return image


def _replace(old: Image.Image, new: Image.Image) -> Image.Image:
    """``new``, after freeing ``old``'s pixels when it is another image."""
    if new is not old:
        old.close()
    return new


def _decode(image: Image.Image, name: str, max_short: int) -> Image.Image:
    width, height = image.size
    if width * height > MAX_DECODE_PIXELS and image.format not in ("JPEG", "MPO"):
        raise ImageError(
            QT_TRANSLATE_NOOP(
                "Message",
                "The image {name} is too large ({width}×{height} pixels); "
                "save it smaller than 200 megapixels.",
            ),
            name=name,
            width=width,
            height=height,
        )
    if image.format in ("JPEG", "MPO"):
        # Decode at 1/2, 1/4 or 1/8 scale straight away: the smallest scale whose
        # short side is still what a render needs (a 12000×9000 photo: 1/4, 3000×2250,
        # 27 MB instead of 81 MB at 1/2).
        need = min(max_short, NEEDED_SHORT_SIDE)
        scale = min(1.0, need / min(width, height))
        image.draft("RGB", (math.ceil(width * scale), math.ceil(height * scale)))
    if getattr(image, "n_frames", 1) > 1:
        image.seek(0)
    image.load()
    picture: Image.Image = image
    if image.getexif().get(ORIENTATION_TAG, 1) != 1:
        # exif_transpose copies even an upright image: only rotated ones pay for it.
        picture = _replace(picture, ImageOps.exif_transpose(picture))
    picture = _replace(picture, _to_rgba8(picture))
    target = _target_size(*picture.size, max_short)
    if target != picture.size:
        picture = _replace(picture, picture.resize(target, Image.Resampling.LANCZOS, reducing_gap=2.0))
    return picture


def _to_rgba8(image: Image.Image) -> Image.Image:
    mode = image.mode
    if mode == "RGBA":
        return image
    if mode == "RGB":
        return image
    if mode in ("P", "PA"):
        return image.convert("RGBA")
    if mode in ("LA", "La"):
        return image.convert("RGBA")
    if mode == "CMYK":
        # Adobe-style CMYK JPEGs are stored inverted; Pillow's converter handles
        # the plain case, which is what phones and Pillow itself write.
        return image.convert("RGB")
    if mode in ("I;16", "I;16B", "I;16L", "I;16N", "I", "F"):
        # 16/32-bit greyscale: scale to 8 bits by the real range of the data.
        extrema: Any = image.getextrema()
        lo, hi = float(extrema[0]), float(extrema[1])
        span = max(1e-9, hi - lo)
        as_float = image.convert("F")
        eight = as_float.point(lambda v: (v - lo) * 255 / span).convert("L")
        return eight.convert("RGB")
    return image.convert("RGBA" if "A" in mode else "RGB")


def _to_qimage(image: Image.Image) -> QImage:
    """The pixels as a QImage that owns them; closes ``image`` (its copy is not needed)."""
    width, height, alpha = image.width, image.height, image.mode == "RGBA"
    if alpha:
        data = image.tobytes("raw", "RGBA")
        qformat = QImage.Format.Format_RGBA8888
        stride = width * 4
    else:
        data = image.tobytes("raw", "RGB")
        qformat = QImage.Format.Format_RGB888
        stride = width * 3
    image.close()
    qimage = QImage(data, width, height, stride, qformat)
    # Own the pixels (QImage would otherwise point into ``data``) and use the
    # formats QPainter draws fastest.
    if alpha:
        return qimage.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)
    return qimage.convertToFormat(QImage.Format.Format_RGB32)


class _ImageCache:
    """An LRU of decoded images keyed by path, modification time, size and scale.

    Bounded by bytes, not entries: a tour's photos decoded for the 960×540 preview
    take ~4 MB each (all fifteen stay, so scrubbing never decodes again), at 1080p
    15–20 MB (a render keeps the last ten or so).
    """

    def __init__(self, budget_bytes: int = 96 * 1024 * 1024) -> None:
        self._budget = budget_bytes
        self._items: OrderedDict[tuple[str, int, int, int], QImage] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, path: Path, max_short: int = MAX_SHORT_SIDE) -> QImage:
        path = Path(path)
        try:
            stat = path.stat()
            key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size, max_short)
        except OSError:
            return load_image(path, max_short=max_short)  # raises a readable ImageError
        with self._lock:
            cached = self._items.get(key)
            if cached is not None:
                self._items.move_to_end(key)
                return cached
        image = (
            load_svg(path, max_short)
            if path.suffix.lower() == ".svg"
            else load_image(path, max_short=max_short)
        )
        with self._lock:
            if key not in self._items:
                self._items[key] = image
                self._bytes += image.sizeInBytes()
            while self._bytes > self._budget and len(self._items) > 1:
                _, old = self._items.popitem(last=False)
                self._bytes -= old.sizeInBytes()
        return image

    @property
    def size_bytes(self) -> int:
        return self._bytes

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self._bytes = 0


image_cache = _ImageCache()
