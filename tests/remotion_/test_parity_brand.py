"""The Remotion twin draws a brand, a listing, QR codes and other scripts as ``paint_frame`` does.

A small template of our own (written to a temporary ``tour.json``, so the ``tour``
composition draws it, and independent of the templates' own end cards) uses every
brand slot, a badge behind ``{offer}``, ``{price}``, ``{facts}``, ``{link}`` and a
``qr`` layer.  The brand has an SVG logo (drawn on the end card and as the
watermark), its own heading font (a copy of the bundled EB Garamond 12 Regular,
standing in for a user's file) and its colours.  Stills of the end card in 9:16
and 16:9, and of a Chinese (zh-Hans) and an Arabic title on the title frame and
the end card, are compared with SSIM at the bar of ``test_parity``; the QR code
is decoded from the Remotion still and must hold the booking link.

The real ``tour`` template's listing end card (title, price, facts, location, offer
badge, QR, link, CTA, logo) is compared too, branded in 9:16 and 16:9 and in Arabic.

Figures (Remotion 4.0.527, Chromium 156, this machine): the 11 stills score
0.9897-0.9974, median 0.9951 (lowest: the Arabic tour end card and the Chinese
title).  Before right-to-left lines were placed from their left end, as
QPainter::drawText places them, the bold Arabic lines stood 5-8 px right of Qt's
and scored 0.969-0.976, so the bar catches a misplaced RTL line.

Set ``PARITY_SHOTS`` to a folder to keep both renderers' stills there (to look at them).
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import subprocess
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PIL import Image
from PySide6.QtCore import QSize

from helpers.ssim import SSIM_REPORT, ssim
from helpers.tour_media import tour_photos
from remotion_.test_parity import CHROMIUM, REMOTION, THRESHOLD, _url, qimage_array
from vidstudio.render.brand import Brand
from vidstudio.render.listing import Listing
from vidstudio.render.paint import render_frame_image
from vidstudio.render.props import MediaItem, Props
from vidstudio.render.remotion_props import media_paths, remotion_input_props
from vidstudio.render.template import ASPECTS, Template, get_template, load_template_file
from vidstudio.render.timeline import timeline

pytestmark = pytest.mark.remotion

FPS = 30
DURATION = 8.0
END_FRAME = round(DURATION * FPS) - 1
TITLE_FRAME = 45  # the title fully in (0.2 s + 0.7 s entrance)

TEMPLATE: dict[str, Any] = {
    "id": "tour",  # the file is tour.json: the tour composition accepts its props
    "name": {"en": "Brand parity"},
    "fps": FPS,
    "duration": DURATION,
    "background": "@brand.primary",
    "layers": [
        {
            "type": "photo",
            "box": [0, 0, 1, 1],
            "ken_burns": {"start_scale": 1.0, "end_scale": 1.08},
        },
        {
            "type": "gradient",
            "box": [0, 0.5, 1, 0.5],
            "stops": [[0.0, "#00000000"], [1.0, "@brand.primary/cc"]],
        },
        {
            "type": "text",
            "text": "{title}",
            "until_end_card": True,
            "start": 0.2,
            "box": [0.07, 0.52, 0.86, 0.24],
            "valign": "bottom",
            "font": {"family": "@brand.heading", "weight": 700, "size": 0.09, "min_size": 0.05},
            "color": "@brand.text",
            "shadow": {"color": "#00000099", "blur": 0.008, "offset": [0, 0.004]},
            "entrance": {"effects": ["fade", "slide"], "duration": 0.7, "slide": [0, 0.04]},
            "exit": {"effects": ["fade"], "duration": 0.4},
        },
        {
            "type": "text",
            "text": "{location}",
            "until_end_card": True,
            "start": 0.2,
            "box": [0.1, 0.77, 0.8, 0.08],
            "valign": "top",
            "font": {"family": "@brand.body", "weight": 500, "size": 0.045, "min_size": 0.03},
            "color": "@brand.accent",
            "entrance": {"effects": ["fade"], "duration": 0.7},
            "exit": {"effects": ["fade"], "duration": 0.4},
        },
        {
            "type": "solid",
            "end_card": True,
            "color": "@brand.primary/e6",
            "start": 5.5,
            "entrance": {"effects": ["fade"], "duration": 0.5},
        },
        {
            "type": "text",
            "end_card": True,
            "text": "{title}",
            "start": 5.6,
            "box": [0.08, 0.08, 0.84, 0.16],
            "valign": "bottom",
            "max_lines": 2,
            "font": {"family": "@brand.heading", "weight": 700, "size": 0.08, "min_size": 0.045},
            "color": "@brand.text",
            "entrance": {"effects": ["fade", "scale"], "duration": 0.6, "scale_from": 0.92},
            "overrides": {"16:9": {"box": [0.06, 0.1, 0.56, 0.24], "align": "left"}},
        },
        {
            "type": "text",
            "end_card": True,
            "text": "{price}",
            "start": 5.7,
            "box": [0.08, 0.25, 0.84, 0.05],
            "max_lines": 1,
            "font": {"family": "Inter", "weight": 700, "size": 0.055, "min_size": 0.035},
            "color": "@brand.accent",
            "entrance": {"effects": ["fade"], "duration": 0.5},
            "overrides": {"16:9": {"box": [0.06, 0.36, 0.56, 0.08], "align": "left"}},
        },
        {
            "type": "text",
            "end_card": True,
            "text": "{facts}",
            "start": 5.7,
            "box": [0.08, 0.31, 0.84, 0.04],
            "max_lines": 1,
            "font": {"family": "@brand.body", "weight": 500, "size": 0.036, "min_size": 0.025},
            "color": "@brand.text/cc",
            "entrance": {"effects": ["fade"], "duration": 0.5},
            "overrides": {"16:9": {"box": [0.06, 0.45, 0.56, 0.06], "align": "left"}},
        },
        {
            "type": "text",
            "end_card": True,
            "text": "{offer}",
            "start": 5.8,
            "box": [0.15, 0.365, 0.7, 0.07],
            "max_lines": 1,
            "font": {"family": "Inter", "weight": 700, "size": 0.04, "min_size": 0.028, "uppercase": True},
            "color": "@brand.primary",
            "background": {"color": "@brand.accent", "padding": [0.025, 0.012], "corner_radius": 0.015},
            "entrance": {"effects": ["fade", "scale"], "duration": 0.5, "scale_from": 0.9},
            "overrides": {"16:9": {"box": [0.06, 0.53, 0.4, 0.1], "align": "left"}},
        },
        {
            "type": "qr",
            "end_card": True,
            "start": 5.8,
            "box": [0.25, 0.45, 0.5, 0.28],
            "color": "@brand.primary",
            "entrance": {"effects": ["fade"], "duration": 0.5},
            "overrides": {"16:9": {"box": [0.66, 0.14, 0.28, 0.52]}},
        },
        {
            "type": "text",
            "end_card": True,
            "text": "{link}",
            "start": 5.8,
            "box": [0.1, 0.74, 0.8, 0.04],
            "max_lines": 1,
            "font": {"family": "Inter", "weight": 500, "size": 0.03, "min_size": 0.02},
            "color": "@brand.text",
            "entrance": {"effects": ["fade"], "duration": 0.5},
            "overrides": {"16:9": {"box": [0.62, 0.68, 0.36, 0.06]}},
        },
        {
            "type": "logo",
            "end_card": True,
            "start": 5.9,
            "box": [0.35, 0.8, 0.3, 0.07],
            "entrance": {"effects": ["fade"], "duration": 0.5},
            "overrides": {"16:9": {"box": [0.06, 0.7, 0.2, 0.12], "align": "left"}},
        },
    ],
}

LOGO_SVG = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 120" width="300" height="120">
  <rect x="4" y="4" width="292" height="112" rx="24" fill="#f4c66a"/>
  <circle cx="60" cy="60" r="34" fill="#1a6b5c"/>
  <path d="M40 78 L60 36 L80 78 Z" fill="#fff8e7"/>
  <rect x="112" y="38" width="160" height="14" rx="7" fill="#1a6b5c"/>
  <rect x="112" y="66" width="112" height="14" rx="7" fill="#1a6b5c" opacity="0.7"/>
</svg>
"""

LISTING = Listing.parse(
    price="180",
    currency="USD",
    guests=6,
    bedrooms=3,
    bathrooms=2,
    location="Uluwatu, Bali",
    offer="-15% this week",
    whatsapp="+62 812 3456 7890",
)
# words -> (title, language, offer)
WORDS = {
    "brand": ("Nismara Pool Villa", "en", "-15% this week"),
    "zh": ("海边别墅 · 巴厘岛", "zh-Hans", "本周九折"),
    "ar": ("فيلا على البحر في بالي", "ar", "خصم ١٥٪ هذا الأسبوع"),
}
STILLS = [
    ("brand", "9:16", "end", END_FRAME),
    ("brand", "16:9", "end", END_FRAME),
    ("brand", "9:16", "title", TITLE_FRAME),
    ("zh", "9:16", "title", TITLE_FRAME),
    ("zh", "9:16", "end", END_FRAME),
    ("ar", "9:16", "title", TITLE_FRAME),
    ("ar", "9:16", "end", END_FRAME),
    ("ar", "16:9", "end", END_FRAME),
]
# The real tour template's listing end card, on its last frame (its length follows the media).
TOUR_STILLS = [("brand", "9:16"), ("brand", "16:9"), ("ar", "9:16")]


def _still_name(words: str, aspect: str, what: str) -> str:
    return f"{words}-{aspect.replace(':', 'x')}-{what}"


def _tour_end(props: Props) -> int:
    return timeline(get_template("tour"), props).frame_count - 1


class _CorsQuiet(SimpleHTTPRequestHandler):
    """Files over HTTP with ``Access-Control-Allow-Origin: *``: Chromium loads a font of another
    origin through ``FontFace`` only with CORS (an ``<img>`` needs none), as from Storage."""

    def end_headers(self) -> None:
        self.send_header("Access-Control-Allow-Origin", "*")
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def brand_dir(testdata: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The photos, the template, the SVG logo and "the user's font", in one served folder."""
    folder = tmp_path_factory.mktemp("brand-parity")
    tour_photos(testdata, folder)
    (folder / "templates").mkdir()
    (folder / "templates" / "tour.json").write_text(json.dumps(TEMPLATE), encoding="utf-8")
    (folder / "nismara-logo.svg").write_text(LOGO_SVG, encoding="utf-8")
    repo = Path(__file__).resolve().parents[2]
    shutil.copyfile(repo / "resources" / "fonts" / "EBGaramond12-Regular.otf", folder / "Nismara-Serif.otf")
    return folder


@pytest.fixture(scope="module")
def brand_template(qapp: Any, brand_dir: Path) -> Template:
    return load_template_file(brand_dir / "templates" / "tour.json")


def _brand(folder: Path) -> Brand:
    return Brand(
        name="Nismara",
        logo=folder / "nismara-logo.svg",
        primary="#1a6b5c",
        accent="#f4c66a",
        text="#fff8e7",
        heading_font=str(folder / "Nismara-Serif.otf"),
        body_font="Inter",
        watermark=True,
    )


def _props(folder: Path, words: str) -> Props:
    title, language, offer = WORDS[words]
    photos = [folder / "chelsea.png", folder / "coffee.png"]
    return Props(
        title=title,
        media=tuple(MediaItem(p) for p in photos),
        listing=LISTING.replace(offer=offer),
        brand=_brand(folder),
        language=language,
    )


@pytest.fixture(scope="module")
def served(brand_dir: Path) -> Iterator[str]:
    handler = functools.partial(_CorsQuiet, directory=str(brand_dir))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def brand_stills(
    qapp: Any,
    brand_dir: Path,
    brand_template: Template,
    served: str,
    tmp_path_factory: pytest.TempPathFactory,
) -> dict[str, Path]:
    if shutil.which("node") is None or not Path(CHROMIUM).exists():
        pytest.fail("node and /usr/bin/chromium are needed: run scripts/test-deps/40-remotion.sh")
    out = tmp_path_factory.mktemp("remotion-brand")
    jobs = []
    outputs: dict[str, Path] = {}
    for words, aspect, what, frame in STILLS:
        props = _props(brand_dir, words)
        input_props = remotion_input_props(brand_template, props, aspect, url_for=lambda p: _url(served, p))
        name = _still_name(words, aspect, what)
        outputs[name] = out / f"{name}.png"
        jobs.append(
            {"composition": "tour", "props": input_props, "frame": frame, "output": str(outputs[name])}
        )
    for words, aspect in TOUR_STILLS:
        props = _props(brand_dir, words)
        input_props = remotion_input_props(
            get_template("tour"), props, aspect, url_for=lambda p: _url(served, p)
        )
        name = _still_name(words, aspect, "tour-end")
        outputs[name] = out / f"{name}.png"
        job = {
            "composition": "tour",
            "props": input_props,
            "frame": _tour_end(props),
            "output": str(outputs[name]),
        }
        jobs.append(job)
    proc = subprocess.run(
        ["node", str(REMOTION / "scripts" / "stills.mjs")],
        input=json.dumps({"jobs": jobs, "browserExecutable": CHROMIUM}),
        capture_output=True,
        text=True,
        timeout=600,
        cwd=REMOTION,
        check=False,
    )
    events = [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")]
    if proc.returncode != 0 or not events or events[-1].get("type") != "done":
        errors = [e.get("message") for e in events if e.get("type") == "error"]
        pytest.fail(f"Remotion stills failed: {errors or proc.stderr[-2000:]}")
    return outputs


def _compare(
    brand_stills: dict[str, Path], name: str, template: Template, props: Props, aspect: str, frame: int
) -> None:
    image = render_frame_image(template, props, frame, QSize(*ASPECTS[aspect]))
    native = qimage_array(image)
    with Image.open(brand_stills[name]) as still:
        remotion = np.asarray(still.convert("RGB"))
    shots = os.environ.get("PARITY_SHOTS")
    if shots:
        Path(shots).mkdir(parents=True, exist_ok=True)
        shutil.copyfile(brand_stills[name], Path(shots) / f"{name}-remotion.png")
        image.save(str(Path(shots) / f"{name}-native.png"))
    assert remotion.shape == native.shape
    score = ssim(native, remotion)
    SSIM_REPORT[name] = score
    assert score >= THRESHOLD, f"{name} (frame {frame}): SSIM {score:.4f} < {THRESHOLD}"


@pytest.mark.parametrize(("words", "aspect", "what", "frame"), STILLS)
def test_branded_still_matches_native(
    brand_stills: dict[str, Path],
    brand_dir: Path,
    brand_template: Template,
    words: str,
    aspect: str,
    what: str,
    frame: int,
) -> None:
    name = _still_name(words, aspect, what)
    _compare(brand_stills, name, brand_template, _props(brand_dir, words), aspect, frame)


@pytest.mark.parametrize(("words", "aspect"), TOUR_STILLS)
def test_the_tour_listing_end_card_matches_native(
    brand_stills: dict[str, Path], brand_dir: Path, words: str, aspect: str
) -> None:
    props = _props(brand_dir, words)
    name = _still_name(words, aspect, "tour-end")
    _compare(brand_stills, name, get_template("tour"), props, aspect, _tour_end(props))


@pytest.mark.parametrize(
    "name", ["brand-9x16-end", "brand-16x9-end", "ar-9x16-end", "brand-9x16-tour-end", "ar-9x16-tour-end"]
)
def test_the_remotion_qr_code_reads_as_the_booking_link(
    brand_stills: dict[str, Path], brand_dir: Path, name: str
) -> None:
    import zxingcpp

    words = name.split("-")[0]
    with Image.open(brand_stills[name]) as still:
        found = zxingcpp.read_barcodes(still.convert("RGB"))
    link = _props(brand_dir, words).link
    assert link.startswith("https://wa.me/6281234567890?text=")
    assert [code.text for code in found if code.format == zxingcpp.BarcodeFormat.QRCode] == [link]


def test_brand_files_are_served_and_the_svg_logo_travels_in_the_props(
    qapp: Any, brand_dir: Path, brand_template: Template
) -> None:
    props = _props(brand_dir, "brand")
    paths = media_paths(props)
    assert brand_dir / "Nismara-Serif.otf" in paths
    assert all(p.suffix != ".svg" for p in paths)  # drawn by Qt, sent as PNG data
    data = remotion_input_props(brand_template, props, "9:16", url_for=lambda p: f"https://x/{p.name}")
    assert data["fonts"] == [
        {
            "family": props.brand.family("heading"),
            "url": "https://x/Nismara-Serif.otf",
            "weight": 400,
            "style": "normal",
        }
    ]
    logos = [layer for layer in data["scene"]["layers"] if layer["type"] == "logo"]
    assert len(logos) == 2  # the end card's and the watermark (the last layer)
    assert logos[-1]["index"] == len(brand_template.layers)
    assert all(layer["image"]["url"].startswith("data:image/png;base64,") for layer in logos)
    assert data["scene"]["background"] == "#1a6b5c"
    (qr,) = [layer["qr"] for layer in data["scene"]["layers"] if layer["type"] == "qr"]
    assert qr["link"] == props.link and qr["module"] >= 4 and qr["rect"][0] == int(qr["rect"][0])
