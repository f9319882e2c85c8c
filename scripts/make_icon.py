"""Draw the vidstudio app icon with QPainter and write it as PNG and multi-size ICO.

    python scripts/make_icon.py          # rewrites resources/icons/vidstudio.{png,ico}

The outputs are committed; run this only to change the icon.  Each ICO size is
painted at its own resolution (not scaled down from 256 px), so the 16 and 32
pixel versions on the taskbar and in Explorer stay sharp.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image
from PySide6.QtCore import QBuffer, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QImage,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPen,
)

OUT = Path(__file__).resolve().parent.parent / "resources" / "icons"
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)


def paint_icon(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = float(size)
    margin = max(0.5, s * 0.04)
    tile = QRectF(margin, margin, s - 2 * margin, s - 2 * margin)
    radius = tile.width() * 0.22

    # Sunset tile: warm orange to magenta to deep violet (a villa at dusk).
    gradient = QLinearGradient(tile.topLeft(), tile.bottomRight())
    gradient.setColorAt(0.0, QColor("#FFB347"))
    gradient.setColorAt(0.45, QColor("#FF5E7E"))
    gradient.setColorAt(1.0, QColor("#5B2BD9"))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(gradient)
    p.drawRoundedRect(tile, radius, radius)

    if size >= 32:
        # The photo: a sun and two hills along the bottom of the tile.
        p.setBrush(QColor(255, 246, 214, 235))
        sun = s * 0.095
        p.drawEllipse(
            QPointF(tile.left() + tile.width() * 0.22, tile.top() + tile.height() * 0.22), sun, sun
        )
        hills = QPainterPath()
        base = tile.bottom()
        hills.moveTo(tile.left(), base - tile.height() * 0.22)
        hills.cubicTo(
            QPointF(tile.left() + tile.width() * 0.30, base - tile.height() * 0.42),
            QPointF(tile.left() + tile.width() * 0.55, base - tile.height() * 0.12),
            QPointF(tile.right(), base - tile.height() * 0.30),
        )
        hills.lineTo(tile.right(), base)
        hills.lineTo(tile.left(), base)
        hills.closeSubpath()
        clip = QPainterPath()
        clip.addRoundedRect(tile, radius, radius)
        p.setBrush(QColor(40, 16, 90, 110))
        p.drawPath(hills.intersected(clip))

    # The play button: a white triangle with rounded corners, slightly right of centre.
    cx, cy = s * 0.53, s * 0.52
    r = s * (0.25 if size >= 32 else 0.30)
    triangle = QPainterPath()
    triangle.moveTo(cx - r * 0.62, cy - r)
    triangle.lineTo(cx + r * 0.95, cy)
    triangle.lineTo(cx - r * 0.62, cy + r)
    triangle.closeSubpath()
    pen_width = max(1.0, s * 0.05)
    pen = QPen(QColor("white"), pen_width)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)  # rounded corners
    p.setPen(pen)
    p.setBrush(QColor("white"))
    p.drawPath(triangle)
    p.end()
    return image


def to_pil(image: QImage) -> Image.Image:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(buffer.data()))).convert("RGBA")


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    OUT.mkdir(parents=True, exist_ok=True)
    paint_icon(256).save(str(OUT / "vidstudio.png"), "PNG")
    frames = [to_pil(paint_icon(size)) for size in ICO_SIZES]
    largest = frames[-1]
    largest.save(
        OUT / "vidstudio.ico",
        format="ICO",
        sizes=[(size, size) for size in ICO_SIZES],
        append_images=frames[:-1],
    )
    print(f"wrote {OUT / 'vidstudio.png'} and {OUT / 'vidstudio.ico'} ({len(ICO_SIZES)} sizes)")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
