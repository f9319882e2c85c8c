"""The golden stills: one list shared by the test and the regeneration script."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QImage

from vidstudio.render.paint import render_frame_image
from vidstudio.render.props import Props
from vidstudio.render.template import ASPECTS, get_template

GOLDEN_DIR = Path(__file__).resolve().parents[1] / "golden"
TESTDATA = Path(__file__).resolve().parents[3] / "shared" / "testdata"
FRAMES = (45, 150, 285)
SCALE = 1 / 6  # 320x180 for 16:9: small files, every layer still visible


def golden_props() -> Props:
    return Props(
        title="Nismara Pool Villa",
        subtitle="Tu escape privado en Bali ¿Sí? ñ 🌴",
        photo=TESTDATA / "coffee.png",
        cta="Reserva ya · nismara.com",
    )


def cases() -> list[tuple[str, str, int]]:
    return [(t, a, f) for t in ("promo", "gallery") for a in ASPECTS for f in FRAMES]


def golden_path(template: str, aspect: str, frame: int) -> Path:
    return GOLDEN_DIR / f"{template}_{aspect.replace(':', 'x')}_{frame:03d}.png"


def render_case(template: str, aspect: str, frame: int) -> QImage:
    width, height = ASPECTS[aspect]
    size = QSize(round(width * SCALE / 2) * 2, round(height * SCALE / 2) * 2)
    return render_frame_image(get_template(template), golden_props(), frame, size)
