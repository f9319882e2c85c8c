"""Brand kit, listing facts, the booking QR code and platform safe zones, on real renders."""

from __future__ import annotations

import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage

from vidstudio.render.brand import Brand, import_file, parse_color
from vidstudio.render.errors import ImageError, PropsError, RenderError
from vidstudio.render.listing import (
    LANGUAGES,
    Listing,
    booking_link,
    facts_line,
    format_price,
    short_link,
)
from vidstudio.render.paint import layout_boxes, render_frame_image, validate_props
from vidstudio.render.platforms import PLATFORMS
from vidstudio.render.props import MediaItem, Props
from vidstudio.render.template import ASPECTS, get_template, layers_for, list_templates, load_template_file

pytestmark = pytest.mark.usefixtures("qapp")

TESTDATA = Path(__file__).resolve().parents[2].parent / "shared" / "testdata"
PHOTO = TESTDATA / "WhatsApp Image 2026-02-06 at 3.58.30 PM.jpeg"
LOGO = TESTDATA / "astronaut.png"
NUMBER = "+62 812 3456 7890"
LONG_TITLE = "Nismara Pool Villa with a private infinity pool above the rice fields of Ubud"
TITLES = {
    "en": LONG_TITLE,
    "es": "Villa Nismara con piscina infinita privada sobre los arrozales de Ubud",
    "zh-Hans": "海边泳池别墅，俯瞰乌布稻田的私人无边泳池",
    "zh-Hant": "海邊泳池別墅，俯瞰烏布稻田的私人無邊泳池",
    "ja": "ウブドの棚田を見下ろすプライベートインフィニティプール付きヴィラ",
    "ko": "우붓 논을 내려다보는 프라이빗 인피니티 풀 빌라 니스마라",
    "ru": "Вилла Нисмара с частным бассейном над рисовыми террасами Убуда",
    "hi": "उबुद के धान के खेतों के ऊपर निजी इन्फिनिटी पूल वाला निस्मारा विला",
    "th": "นิสมาราพูลวิลล่าพร้อมสระว่ายน้ำอินฟินิตี้ส่วนตัวเหนือนาข้าวอูบุด",
    "id": "Vila Nismara dengan kolam renang pribadi di atas sawah Ubud",
    "ar": "فيلا نيسمارا مع مسبح خاص لا متناهي فوق حقول الأرز في أوبود",
    "he": "וילה נסמרה עם בריכת אינסוף פרטית מעל שדות האורז של אובוד",
}


def _listing(**changes: object) -> Listing:
    values: dict[str, object] = {
        "price": "2500000",
        "currency": "IDR",
        "guests": 6,
        "bedrooms": 3,
        "bathrooms": 3,
        "location": "Ubud, Bali",
        "offer": "Stay 7, pay 6",
        "whatsapp": NUMBER,
    }
    values.update(changes)
    return Listing.parse(**values)  # type: ignore[arg-type]


def _props(language: str = "en", **changes: object) -> Props:
    data: dict[str, object] = {
        "title": TITLES[language],
        "subtitle": "Your private escape in Bali",
        "media": [MediaItem(PHOTO, caption="Infinity pool"), MediaItem(PHOTO, caption="Sunset deck")],
        "listing": _listing(),
        "language": language,
    }
    data.update(changes)
    return Props(**data)  # type: ignore[arg-type]


# ---------------------------------------------------------------- listing


@pytest.mark.parametrize(
    ("amount", "currency", "language", "expected"),
    [
        ("2500000", "IDR", "id", "Rp\u00a02.500.000 / malam"),
        ("180", "USD", "en", "US$180 / night"),
        ("180", "USD", "es", "180\u00a0US$ / noche"),
        ("180.50", "EUR", "en", "€180.50 / night"),
        ("320", "AUD", "en", "A$320 / night"),
        ("250", "SGD", "zh-Hans", "S$250 / 晚"),
    ],
)
def test_prices_are_formatted_for_the_video_language(
    amount: str, currency: str, language: str, expected: str
) -> None:
    price = Listing.parse(price=amount, currency=currency).price
    assert price is not None
    assert format_price(price, currency, language) == expected


def test_every_language_has_its_words_and_plural_forms() -> None:
    listing = Listing.parse(guests=5, bedrooms=1, bathrooms=2)
    lines = {language: facts_line(listing, language) for language in LANGUAGES}
    assert lines["en"] == "5 guests · 1 bedroom · 2 bathrooms"
    assert lines["ru"] == "5 гостей · 1 спальня · 2 ванные"
    assert lines["ar"] == "5 ضيوف · غرفة نوم واحدة · حمامان"
    assert len(set(lines.values())) == len(LANGUAGES)


def test_whatsapp_becomes_a_wa_me_link_with_the_greeting_in_the_video_language() -> None:
    listing = Listing.parse(whatsapp="+62 812-3456-7890")
    assert listing.whatsapp == "6281234567890"
    link = booking_link(listing, "es", "Villa Nismara")
    assert (
        link
        == "https://wa.me/6281234567890?text=%C2%A1Hola%21%20Me%20gustar%C3%ADa%20reservar%20Villa%20Nismara."
    )
    assert short_link(link) == "wa.me/6281234567890"
    own = Listing.parse(whatsapp="+34 612 34 56 78", whatsapp_message="Quiero la villa")
    assert booking_link(own, "en", "x") == "https://wa.me/34612345678?text=Quiero%20la%20villa"
    assert (
        booking_link(Listing.parse(url="villa-nismara.com/book"), "en", "x")
        == "https://villa-nismara.com/book"
    )


@pytest.mark.parametrize(
    ("field", "value", "sentence"),
    [
        (
            "whatsapp",
            "0812 3456 7890",
            "The WhatsApp number 0812 3456 7890 needs its country code, for example +62 812 3456 7890.",
        ),
        ("whatsapp", "+62 812", "The WhatsApp number +62 812 is not a valid phone number; check its digits."),
        ("price", "abc", "The price “abc” is not an amount; type a number such as 2500000 or 180.50."),
        ("price", "-5", "The price “-5” is not an amount; type a number such as 2500000 or 180.50."),
        (
            "currency",
            "GBP",
            "The currency GBP is not one vidstudio formats; use one of IDR, USD, AUD, EUR, SGD.",
        ),
        ("guests", "many", "The number of guests “many” must be a whole number from 1 to 99."),
        ("bedrooms", "0", "The number of bedrooms “0” must be a whole number from 1 to 99."),
        (
            "url",
            "not a link",
            "The link not a link is not a web address; type one like villa-nismara.com/book.",
        ),
        ("offer", "x" * 41, "The offer is too long (41 characters); keep it under 40."),
    ],
)
def test_bad_listing_input_gets_one_plain_sentence(field: str, value: str, sentence: str) -> None:
    with pytest.raises(PropsError) as caught:
        Listing.parse(**{field: value})  # type: ignore[arg-type]
    assert str(caught.value) == sentence


def test_a_listing_survives_a_job_store_round_trip() -> None:
    props = _props(brand=Brand(name="Nismara", accent="#ff8800"))
    again = Props.from_json(props.to_json())
    assert again.listing == props.listing and again.listing.price == Decimal("2500000")
    assert again.brand == props.brand and again.language == "en"


# ---------------------------------------------------------------- brand


def test_brand_colours_fonts_and_files_are_checked(tmp_path: Path) -> None:
    assert parse_color("1A6B5C") == "#1a6b5c" and parse_color("#abc") == "#aabbcc"
    with pytest.raises(PropsError, match=r"^“teal-ish” is not a colour; pick one or type it like #1A6B5C\.$"):
        parse_color("teal-ish")
    with pytest.raises(PropsError, match="has a colour that is not a colour"):
        Brand(name="B", accent="orange").check()
    gone = tmp_path / "logo.png"
    shutil.copyfile(LOGO, gone)  # not copy(): testdata is read-only, and Windows keeps that
    brand = Brand(name="Nismara", logo=gone)
    brand.check()
    gone.unlink()
    with pytest.raises(PropsError) as caught:
        brand.check()
    assert (
        str(caught.value)
        == "The brand Nismara is missing its file logo.png; choose it again in Settings → Brand."
    )
    with pytest.raises(PropsError):  # a render with it says the same before it starts
        validate_props(_props(brand=brand))


def test_a_logo_that_is_not_an_image_or_an_svg_that_cannot_be_drawn_is_refused(tmp_path: Path) -> None:
    text = tmp_path / "logo.png"
    text.write_text("not a picture", encoding="utf-8")
    with pytest.raises(ImageError, match=r"logo\.png"):
        import_file(text, tmp_path / "brand")
    svg = tmp_path / "broken.svg"
    svg.write_text("<svg xmlns='http://www.w3.org/2000/svg'><g>", encoding="utf-8")
    with pytest.raises(ImageError) as caught:
        import_file(svg, tmp_path / "brand")
    assert (
        str(caught.value)
        == "The logo broken.svg is an SVG vidstudio cannot draw; export it again as SVG or PNG."
    )
    assert not (tmp_path / "brand").exists()  # nothing copied


def test_a_font_file_that_is_not_a_font_is_refused_and_a_real_one_is_imported_once(tmp_path: Path) -> None:
    fake = tmp_path / "Brand.ttf"
    fake.write_bytes(b"\x00\x01not a font" * 50)
    with pytest.raises(RenderError, match=r"Brand\.ttf"):
        import_file(fake, tmp_path / "brand")
    real = Path(__file__).resolve().parents[2] / "resources" / "fonts" / "EBGaramond12-Regular.otf"
    first = import_file(real, tmp_path / "brand")
    assert import_file(real, tmp_path / "brand") == first
    assert len(list((tmp_path / "brand").iterdir())) == 1


def test_a_brand_font_that_lacks_a_latin_letter_of_the_title_names_it(tmp_path: Path) -> None:
    # A Latin letter the font itself lacks (EB Garamond 12 has no modifier letter glottal stop, U+02C0).
    font = import_file(
        Path(__file__).resolve().parents[2] / "resources" / "fonts" / "EBGaramond12-Regular.otf", tmp_path
    )
    from vidstudio.render.fonts import missing_in_font, register_user_font

    family = register_user_font(font)
    candidates = [chr(c) for c in range(0x0180, 0x0300) if missing_in_font(chr(c), family)]
    assert candidates, "EB Garamond 12 draws every letter up to U+02FF"
    brand = Brand(name="Serif", heading_font=str(font))
    with pytest.raises(PropsError) as caught:
        validate_props(_props(title=f"Villa {candidates[0]}", brand=brand))
    assert str(caught.value) == (
        f"The brand font {font.name} cannot draw {candidates[0]}; choose another font in Settings → Brand."
    )
    validate_props(_props("zh-Hans", brand=brand))  # Chinese falls back to the bundled Noto font


def test_templates_take_the_brand_colours_and_keep_their_own_look_without_one() -> None:
    tour = get_template("tour")
    brand = Brand(
        name="Nismara", primary="#123456", accent="#ff8800", text="#fafafa", heading_font="EB Garamond"
    )
    plain = dict(layers_for(tour, _props(), "9:16"))
    branded = dict(layers_for(tour, _props(brand=brand), "9:16"))
    card = next(i for i, layer in plain.items() if layer.end_card and layer.type == "solid")
    assert plain[card].color == "#0d1b24e0" and branded[card].color == "#123456e0"
    price = next(i for i, layer in plain.items() if getattr(layer, "text", "") == "{price}")
    assert plain[price].color == "#f4c66a" and branded[price].color == "#ff8800"
    assert plain[price].font.family == "Inter" and branded[price].font.family == "EB Garamond"
    gallery = dict(layers_for(get_template("gallery"), _props(), "16:9"))
    assert gallery[1].color == "#1e4d5c"  # the gallery's own band colour when there is no brand


def test_a_locked_brand_decides_the_logo_and_a_watermark_is_drawn_for_the_whole_video(tmp_path: Path) -> None:
    own = tmp_path / "own.png"
    shutil.copyfile(LOGO, own)
    brand = Brand(name="Nismara", logo=LOGO, watermark=True)
    assert _props(logo=own, brand=brand).logo_path == own
    assert _props(logo=own, brand=brand.replace(locked=True)).logo_path == LOGO
    tour = get_template("tour")
    layers = layers_for(tour, _props(brand=brand), "16:9")
    index, mark = layers[-1]
    assert index == len(tour.layers) and mark.type == "logo" and not mark.end_card
    # It shows until the end card's own logo comes in, then hands over to it (not two logos).
    card_logo = next(layer for _, layer in layers if layer.type == "logo" and layer.end_card)
    assert mark.start == 0 and card_logo.start < mark.end <= card_logo.start + 1.0
    # While the video plays the watermark is the logo: the template's own corner logo steps aside.
    assert [i for i, layer in layers if layer.type == "logo" and not layer.end_card] == [index]
    frame = render_frame_image(tour, _props(brand=brand), 200, QSize(480, 270))
    x, y, w, h = mark.box
    corner = frame.copy(round(x * 480), round(y * 270), round(w * 480), round(h * 270))
    without = render_frame_image(tour, _props(brand=brand.replace(watermark=False)), 200, QSize(480, 270))
    assert corner != without.copy(round(x * 480), round(y * 270), round(w * 480), round(h * 270))


def test_an_unknown_brand_slot_in_a_template_names_the_file_and_field(tmp_path: Path) -> None:
    source = (Path(__file__).resolve().parents[2] / "resources" / "templates" / "promo.json").read_text(
        "utf-8"
    )
    bad = tmp_path / "mini.json"
    bad.write_text(source.replace('"@brand.accent"', '"@brand.sparkle"', 1), encoding="utf-8")
    with pytest.raises(Exception, match=r"mini\.json.*@brand\.sparkle"):
        load_template_file(bad)


# ---------------------------------------------------------------- the QR code


def _decode(image: QImage) -> list[str]:
    import zxingcpp

    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    data = bytes(rgb.constBits())[: rgb.sizeInBytes()]
    picture = Image.frombuffer("RGB", (rgb.width(), rgb.height()), data, "raw", "RGB", rgb.bytesPerLine(), 1)
    return [result.text for result in zxingcpp.read_barcodes(picture)]


@pytest.mark.parametrize("aspect", list(ASPECTS))
@pytest.mark.parametrize("template_id", ["promo", "gallery", "tour"])
def test_a_real_decoder_reads_the_wa_me_link_off_the_end_card(template_id: str, aspect: str) -> None:
    template = get_template(template_id)
    props = _props("es")
    width, height = ASPECTS[aspect]
    frame = render_frame_image(template, props, template.frame_count - 5, QSize(width, height))
    assert _decode(frame) == [props.link]
    assert props.link.startswith("https://wa.me/6281234567890?text=")


def test_a_plain_url_becomes_the_qr_code_and_no_link_draws_none() -> None:
    tour = get_template("tour")
    props = _props(listing=_listing(whatsapp="", url="https://villa-nismara.com/book"))
    frame = render_frame_image(tour, props, tour.frame_count - 5, QSize(1080, 1920))
    assert _decode(frame) == ["https://villa-nismara.com/book"]
    no_link = render_frame_image(
        tour, _props(listing=_listing(whatsapp="")), tour.frame_count - 5, QSize(1080, 1920)
    )
    assert _decode(no_link) == []


# ---------------------------------------------------------------- languages


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_market_language_renders_its_end_card(language: str) -> None:
    props = _props(language, listing=_listing(offer="", location=""))
    validate_props(props)
    tour = get_template("tour")
    frame = render_frame_image(tour, props, tour.frame_count - 5, QSize(540, 960))
    assert _decode(frame) == [props.link]


def test_right_to_left_lines_end_at_the_right_of_their_box() -> None:
    from vidstudio.render.paint import text_layout

    tour = get_template("tour")
    blocks = {b.text: b for b in text_layout(tour, _props("ar"), "16:9")}
    title = next(b for b in blocks.values() if b.rtl and b.text == TITLES["ar"])
    for line in title.lines:
        assert abs(line.x + line.width - title.box.right()) < 1.0
    latin = next(b for b in blocks.values() if b.text == "Ubud, Bali")
    assert latin.rtl and abs(latin.lines[0].x + latin.lines[0].width - latin.box.right()) < 1.0


# ---------------------------------------------------------------- safe zones


@pytest.mark.parametrize("language", ["en", "zh-Hans", "ar", "hi"])
@pytest.mark.parametrize("platform_id", list(PLATFORMS))
def test_text_price_qr_and_logo_stay_out_of_every_platforms_zones(platform_id: str, language: str) -> None:
    platform = PLATFORMS[platform_id]
    brand = Brand(name="Nismara", logo=LOGO, watermark=True)
    cases = [_props(language, brand=brand), _props(language, listing=Listing())]
    width, height = ASPECTS[platform.aspect]
    problems = []
    for template in list_templates():
        if platform.aspect not in template.aspects:
            continue
        for props in cases:
            for box in layout_boxes(template, props, platform.aspect):
                r = box.rect
                zones = platform.intrusions(
                    (r.x() / width, r.y() / height, r.width() / width, r.height() / height)
                )
                if zones:
                    problems.append((template.id, box.layer_index, box.kind, zones))
    assert problems == []


# ---------------------------------------------------------------- CLI


@pytest.mark.parametrize(
    ("option", "value", "line"),
    [
        (
            "--whatsapp",
            "12345",
            "The WhatsApp number 12345 needs its country code, for example +62 812 3456 7890.",
        ),
        ("--price", "cheap", "The price “cheap” is not an amount; type a number such as 2500000 or 180.50."),
        ("--language", "xx", "The video language xx is not one vidstudio knows; use one of"),
    ],
)
def test_the_cli_says_what_is_wrong_with_a_listing_option_and_writes_nothing(
    tmp_path: Path, option: str, value: str, line: str
) -> None:
    out = tmp_path / "villa.png"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "vidstudio.cli",
            "still",
            str(PHOTO),
            "--title",
            "Villa",
            option,
            value,
            "-o",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 2
    assert done.stderr.strip().splitlines()[-1].startswith("vidstudio: " + line)
    assert "Traceback" not in done.stderr and not out.exists()


def test_the_cli_preflight_flags_a_100_second_reel_and_still_exits_0(tmp_path: Path) -> None:
    import av
    import numpy as np

    path = tmp_path / "long-reel.mp4"
    with av.open(str(path), "w") as container:
        stream = container.add_stream("libx264", rate=24)
        stream.width, stream.height, stream.pix_fmt = 18, 32, "yuv420p"
        for index in range(100 * 24):
            frame = av.VideoFrame.from_ndarray(np.full((32, 18, 3), index % 255, np.uint8), format="rgb24")
            container.mux(stream.encode(frame))
        container.mux(stream.encode(None))
    done = subprocess.run(
        [sys.executable, "-m", "vidstudio.cli", "preflight", str(path), "--platform", "instagram_reels"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0
    assert "This video lasts 100 seconds; Instagram Reels takes at most 90." in done.stdout.splitlines()


def test_a_platform_named_in_a_sentence_is_shown_in_the_ui_language() -> None:
    from vidstudio.messages import message

    sentence = message(
        "This video lasts {seconds} seconds; {platform} takes at most {limit}.",
        seconds=100,
        platform="Instagram Stories",
        limit=60,
    )
    table = {
        ("Platform", "Instagram Stories"): "Historias de Instagram",
        (
            "Message",
            sentence.template,
        ): "Este vídeo dura {seconds} segundos; {platform} admite {limit} como máximo.",
    }
    spanish = sentence.translated(lambda context, text: table.get((context, text), text))
    assert spanish == "Este vídeo dura 100 segundos; Historias de Instagram admite 60 como máximo."


def test_an_ideograph_outside_the_national_character_sets_is_named_not_drawn_as_a_box() -> None:
    # The bundled CJK fonts keep the 18,444 ideographs of GB 2312, Big5, JIS X 0208/0212 and
    # KS X 1001 (scripts/make_cjk_fonts.py); a rarer one is refused with its name.
    validate_props(_props("ja", title="吉野家の鰯料理"))
    with pytest.raises(PropsError) as caught:
        validate_props(_props("ja", title="𠮷野家"))
    assert str(caught.value) == "The title has characters the video fonts cannot draw: 𠮷"


def test_the_cli_uses_a_brand_saved_in_the_app_and_names_the_brands_it_has(tmp_path: Path) -> None:
    import os

    from vidstudio.settings import Settings, save_settings

    settings = Settings()  # saved in this test's own data folder (tests/conftest.py)
    settings.brand.brands = [Brand(name="Nismara", primary="#1a6b5c").to_json()]
    save_settings(settings)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = tmp_path / "branded.png"

    def still(brand: str) -> subprocess.CompletedProcess[str]:
        command = [
            sys.executable,
            "-m",
            "vidstudio.cli",
            "still",
            str(PHOTO),
            "--title",
            "Villa",
            "--price",
            "180",
        ]
        command += ["--brand", brand, "--aspect", "9:16", "--frame", "280", "-o", str(out)]
        return subprocess.run(command, capture_output=True, text=True, timeout=120, env=env)

    missing = still("Casa Azul")
    assert missing.returncode == 2 and not out.exists()
    assert missing.stderr.strip().splitlines()[-1] == (
        "vidstudio: There is no brand called Casa Azul; the brands are: Nismara."
    )
    done = still("nismara")
    assert done.returncode == 0, done.stderr
    with Image.open(out) as image:
        red, green, blue = image.convert("RGB").getpixel((1000, 1800))
    assert green > red and green > blue  # the end card's veil in the brand's main colour
