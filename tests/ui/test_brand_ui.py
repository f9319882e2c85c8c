"""Brands in the window: Settings → Brand, and the editor's end card, languages and platforms."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QMessageBox

from helpers.props import stored_job
from helpers.ui import OFFSCREEN_DIALOG, drop_files, preview_pixels
from vidstudio import paths
from vidstudio.jobs.store import Job, JobState, new_job_id
from vidstudio.messages import Message, message
from vidstudio.render.brand import Brand
from vidstudio.render.listing import Listing, words
from vidstudio.render.props import Props
from vidstudio.settings import Settings, load_settings, save_settings
from vidstudio.ui.brand_settings import BrandSettingsPage, brand_folder

SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="60" viewBox="0 0 120 60">'
    '<rect width="120" height="60" rx="8" fill="#1a6b5c"/>'
    '<circle cx="30" cy="30" r="18" fill="#f4c66a"/></svg>'
)


@pytest.fixture
def svg_logo(tmp_path: Path) -> Path:
    path = tmp_path / "nismara.svg"
    path.write_text(SVG, encoding="utf-8")
    return path


def _brand_page(dialog) -> BrandSettingsPage:  # type: ignore[no-untyped-def]
    pages = [page for page in dialog.pages() if isinstance(page, BrandSettingsPage)]
    assert len(pages) == 1
    return pages[0]


@pytest.mark.qt_log_ignore(OFFSCREEN_DIALOG)
def test_brand_page_round_trip_with_png_and_svg_logos(
    make_window, qtbot, coffee: Path, svg_logo: Path, tmp_path: Path
) -> None:
    window = make_window()
    dialog = window.open_settings(page="brand")
    page = _brand_page(dialog)
    assert dialog.tabs.tabText(dialog.tabs.currentIndex()) == "Brand"
    assert page.empty_note.isVisible() and not page.editor.isEnabled()

    page.add_brand("Nismara")
    assert page.choose_logo(coffee)
    assert page.current_brand().logo.parent == brand_folder()
    assert not page.logo_thumb.pixmap().isNull()
    page.colors["primary"].edit.setText("1a6b5c")
    page.colors["primary"].edit.textEdited.emit("1a6b5c")
    page.colors["accent"].set_value("#f4c66a")
    page.watermark.setChecked(True)
    page.fonts["heading"].setCurrentIndex(page.fonts["heading"].findData("EB Garamond"))
    page.fonts["heading"].activated.emit(page.fonts["heading"].currentIndex())

    page.add_brand("Casa Azul")
    assert page.choose_logo(svg_logo)
    page.locked.setChecked(True)
    page.rename_brand("Casa Azul Uluwatu")
    page.chosen.setCurrentIndex(page.chosen.findData("Casa Azul Uluwatu"))
    with qtbot.waitSignal(dialog.applied):
        dialog.accept()

    brands = [Brand.from_json(b) for b in window.settings.brand.brands]
    assert [b.name for b in brands] == ["Nismara", "Casa Azul Uluwatu"]
    first, second = brands
    assert first.primary == "#1a6b5c" and first.watermark and first.heading_font == "EB Garamond"
    assert first.logo is not None and first.logo.is_file() and first.logo.suffix == ".png"
    assert second.logo is not None and second.logo.suffix == ".svg" and second.locked
    assert window.settings.brand.chosen == "Casa Azul Uluwatu"

    path = tmp_path / "settings.json"
    save_settings(window.settings, path)
    again = window.open_settings(page="brand")
    reopened = _brand_page(again)
    reopened.load(load_settings(path))
    assert [b.name for b in reopened.brands] == ["Nismara", "Casa Azul Uluwatu"]
    assert reopened.colors["primary"].value() == "#1a6b5c"
    assert reopened.chosen.currentData() == "Casa Azul Uluwatu"
    reopened.list.setCurrentRow(1)
    assert reopened.locked.isChecked() and not reopened.status.isVisible()
    again.reject()


@pytest.mark.qt_log_ignore(OFFSCREEN_DIALOG)
def test_a_bad_colour_shows_its_sentence_and_is_not_saved(make_window) -> None:
    window = make_window()
    dialog = window.open_settings(page="brand")
    page = _brand_page(dialog)
    page.add_brand("Nismara")
    field = page.colors["primary"]
    field.edit.setText("greenish")
    field.edit.textEdited.emit("greenish")
    assert field.error.isVisible()
    assert "“greenish” is not a colour" in field.error.text()
    dialog.accept()
    assert dialog.isVisible()  # kept open, nothing saved
    assert window.settings.brand.brands == []
    assert "is not a colour" in page.status.text()
    field.edit.setText("#123456")
    field.edit.textEdited.emit("#123456")
    assert not field.error.isVisible()
    dialog.accept()
    assert Brand.from_json(window.settings.brand.brands[0]).primary == "#123456"


@pytest.mark.qt_log_ignore(OFFSCREEN_DIALOG)
def test_a_brand_whose_logo_was_deleted_says_so_on_the_page(
    make_window, coffee: Path, tmp_path: Path
) -> None:
    logo = tmp_path / "gone.png"
    logo.write_bytes(coffee.read_bytes())
    settings = Settings()
    settings.brand.brands = [Brand(name="Nismara", logo=logo).to_json()]
    logo.unlink()
    window = make_window(settings=settings)
    dialog = window.open_settings(page="brand")
    page = _brand_page(dialog)
    assert page.status.isVisible()
    assert page.status.text() == (
        "The brand Nismara is missing its file gone.png; choose it again in Settings → Brand."
    )
    dialog.accept()
    assert dialog.isVisible()


@pytest.mark.qt_log_ignore("Cannot read file")
def test_a_file_that_is_not_a_logo_is_refused_with_its_sentence(qtbot, tmp_path: Path) -> None:
    page = BrandSettingsPage()
    qtbot.addWidget(page)
    page.load(Settings())
    page.add_brand("Nismara")
    bad = tmp_path / "logo.svg"
    bad.write_text("not an svg", encoding="utf-8")
    assert not page.choose_logo(bad)
    assert not page.status.isHidden() and page.status.text()
    assert page.current_brand().logo is None
    assert not any(paths.data_dir().joinpath("brand").glob("logo-*"))


# ---------------------------------------------------------------- the editor's end card


def _fill(window, photo: Path, title: str = "Nismara Pool Villa") -> None:  # type: ignore[no-untyped-def]
    drop_files(window.drop_zone, [photo])
    window.title_edit.setText(title)


def test_end_card_fields_make_the_listing_brand_and_language_of_the_props(
    make_window, qtbot, coffee: Path
) -> None:
    settings = Settings()
    settings.brand.brands = [Brand(name="Nismara", primary="#1a6b5c").to_json()]
    settings.brand.chosen = "Nismara"
    window = make_window(settings=settings)
    _fill(window, coffee)
    card = window.end_card
    assert card.current_brand() is not None and card.current_brand().name == "Nismara"
    card.set_expanded(True)
    assert card.cta.placeholderText() == "Book on WhatsApp"
    assert card.whatsapp_message.placeholderText() == "Hi! I would like to book Nismara Pool Villa."
    card.price.setText("2.500.000")
    card.currency.setCurrentIndex(card.currency.findData("IDR"))
    card.guests.setValue(6)
    card.bedrooms.setValue(3)
    card.whatsapp.setText("+62 812 3456 7890")
    card.location.setText("Uluwatu, Bali")
    qtbot.waitUntil(lambda: card.listing().whatsapp == "6281234567890", timeout=3000)
    props = window.current_props()
    assert props.listing == Listing(
        price=Decimal(2500000),
        currency="IDR",
        guests=6,
        bedrooms=3,
        location="Uluwatu, Bali",
        whatsapp="6281234567890",
    )
    assert props.brand is not None and props.brand.primary == "#1a6b5c"
    assert props.language == "en"
    assert window.preview.canvas.props.listing == props.listing  # the preview follows

    window.language_combo.setCurrentIndex(window.language_combo.findData("ko"))
    assert window.current_props().language == "ko"
    assert card.cta.placeholderText() == words("ko")["cta_whatsapp"]
    assert window.current_props().listing.price == Decimal(2500000)  # shared by every language


def test_an_invalid_phone_shows_its_sentence_and_render_is_refused(make_window, qtbot, coffee: Path) -> None:
    window = make_window()
    _fill(window, coffee)
    card = window.end_card
    card.price.setText("180")
    qtbot.waitUntil(lambda: card.listing().price == Decimal(180), timeout=3000)
    card.whatsapp.setText("0812 3456")
    assert window.start_render() is None  # checked at once, no waiting for the timer
    sentence = "The WhatsApp number 0812 3456 needs its country code, for example +62 812 3456 7890."
    assert card.errors["whatsapp"].text() == sentence
    assert card.errors["whatsapp"].isVisible()  # the section opened to show it
    assert window.render_message.text() == sentence
    assert window.queue_view.jobs() == [] and window.store.queued() == []
    assert card.whatsapp.text() == "0812 3456"  # what was typed stays
    assert window.current_props().listing.price == Decimal(180)  # the last valid listing
    assert window.current_props().listing.whatsapp == ""
    card.whatsapp.setText("+62 812 3456 7890")
    # Fixed: once the field is checked again, its sentence above Render goes by itself.
    qtbot.waitUntil(lambda: not window.render_message.isVisible(), timeout=3000)
    job = window.start_render()
    assert job is not None
    assert Props.from_json(job.props).listing.whatsapp == "6281234567890"
    window.queue.shutdown()


def test_each_language_keeps_its_own_words(make_window, coffee: Path) -> None:
    window = make_window()
    _fill(window, coffee, "Nismara Pool Villa")
    window.subtitle_edit.setText("Your private escape")
    window.end_card.location.setText("Uluwatu")
    window.end_card.price.setText("180")
    window.set_language("es")
    assert window.title_edit.text() == "" and window.end_card.location.text() == ""
    window.title_edit.setText("Villa Nismara con piscina")
    window.end_card.cta.setText("Reserva ya")
    window.set_language("ar")
    assert window.title_edit.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.end_card.location.layoutDirection() == Qt.LayoutDirection.RightToLeft
    window.title_edit.setText("فيلا نيسمارا")
    window.set_language("en")
    assert window.title_edit.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert window.title_edit.text() == "Nismara Pool Villa"
    assert window.subtitle_edit.text() == "Your private escape"
    assert window.end_card.location.text() == "Uluwatu"
    window.language_combo.setCurrentIndex(window.language_combo.findData("es"))
    assert window.title_edit.text() == "Villa Nismara con piscina"
    assert window.end_card.cta.text() == "Reserva ya"
    props = window.current_props()
    assert props.language == "es" and props.cta == "Reserva ya" and props.listing.price == Decimal(180)
    assert window.languages_with_title() == ["en", "es", "ar"]
    spanish = window.props_for("es")
    english = window.props_for("en")
    assert english.title == "Nismara Pool Villa" and english.listing.location == "Uluwatu"
    assert spanish.title == "Villa Nismara con piscina" and spanish.listing.location == ""


@pytest.mark.qt_log_ignore(OFFSCREEN_DIALOG)
def test_languages_times_aspects_queues_every_combination(make_window, qtbot, coffee: Path) -> None:
    window = make_window()
    _fill(window, coffee, "Nismara Pool Villa")
    # (Latin titles: the bundled fonts of this branch draw no Hangul or kana yet.)
    window.set_language("id")
    window.title_edit.setText("Vila Kolam Nismara")
    window.set_language("es")
    window.title_edit.setText("Villa Nismara con piscina")
    dialog = window.open_render_matrix()
    assert list(dialog.language_boxes) == ["en", "es", "id"]
    assert dialog.language_boxes["es"].isChecked()  # the language shown
    dialog.language_boxes["es"].setChecked(False)
    dialog.language_boxes["en"].setChecked(True)
    dialog.language_boxes["id"].setChecked(True)
    for aspect, box in dialog.aspect_boxes.items():
        box.setChecked(aspect in ("9:16", "1:1"))
    assert dialog.count.text() == "4 videos will be queued."
    dialog.accept()
    jobs = window.queue_view.jobs()
    assert not window.render_message.isVisible(), window.render_message.text()
    assert len(jobs) == 4
    made = sorted((Props.from_json(j.props).language, j.aspect, Props.from_json(j.props).title) for j in jobs)
    assert made == [
        ("en", "1:1", "Nismara Pool Villa"),
        ("en", "9:16", "Nismara Pool Villa"),
        ("id", "1:1", "Vila Kolam Nismara"),
        ("id", "9:16", "Vila Kolam Nismara"),
    ]
    window.queue.shutdown()


def test_history_reopens_listing_brand_and_language(make_window, qtbot, coffee: Path) -> None:
    window = make_window()
    brand = Brand(name="Casa Azul", accent="#ff8800", locked=True)
    props = Props(
        title="Casa Azul",
        media=(coffee,),
        cta="¡Reserva!",
        listing=Listing.parse(
            price="180", currency="EUR", guests=4, whatsapp="+34 612 345 678", offer="-15%"
        ),
        brand=brand,
        language="es",
    )
    job = window.store.add(
        Job(
            id=new_job_id(),
            template="promo",
            aspect="16:9",
            quality="draft",
            props=props.to_json(),
            output_dir=str(coffee.parent),
        )
    )
    window.store.transition(job.id, JobState.RENDERING)
    job = window.store.transition(job.id, JobState.RENDERED)
    window.load_job(job)
    again = window.current_props()
    assert again.language == "es" and window.language_combo.currentData() == "es"
    assert again.listing == props.listing
    assert again.brand == brand and again.cta == "¡Reserva!"
    assert not window.end_card.logo_button.isEnabled()  # a locked brand's logo cannot be overridden


# ---------------------------------------------------------------- platforms


def _reddish(image: QImage, x: int, y: int) -> bool:
    colour = image.pixelColor(x, y)
    return colour.red() > 120 and colour.red() > colour.green() + 50 and colour.red() > colour.blue() + 50


def test_platform_zones_are_drawn_over_the_preview(make_window, coffee: Path) -> None:
    window = make_window()
    _fill(window, coffee)
    assert window.aspect == "16:9"
    window.platform_picker.set_platform("instagram_reels")
    assert window.aspect == "9:16"  # the platform's own shape
    assert window.aspect_buttons["9:16"].isChecked()
    canvas = window.preview.canvas
    target = canvas.canvas_rect()
    point = (target.x() + target.width() // 2, target.y() + round(target.height() * 0.04))
    before = preview_pixels(window)
    assert not _reddish(before, *point)
    window.platform_picker.zones_toggle.setChecked(True)
    assert [name for name, _rect in canvas.zones] == ["Top bar", "Buttons", "Caption and account"]
    after = preview_pixels(window)
    assert _reddish(after, *point)
    middle = (target.x() + target.width() // 2, target.y() + target.height() // 2)
    assert after.pixel(*middle) == before.pixel(*middle)  # the middle is free
    window.aspect_buttons["16:9"].click()  # Reels do not show 16:9: no platform, no zones
    assert window.platform_picker.platform() is None and canvas.zones == []


def test_a_video_longer_than_the_platform_takes_says_so(make_window) -> None:
    window = make_window()
    window.platform_picker.set_platform("instagram_stories")
    window.duration_picker.set_value(90)
    assert window.platform_hint.isVisible()
    assert window.platform_hint.text() == "Instagram Stories takes videos up to 60 s; this one lasts 90 s."
    window.duration_picker.set_value(30)
    assert not window.platform_hint.isVisible()


@pytest.mark.qt_log_ignore(OFFSCREEN_DIALOG)
def test_preflight_asks_before_publishing(
    make_window, qtbot, coffee: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import vidstudio.render.preflight as preflight_module

    video = tmp_path / "villa.mp4"
    video.write_bytes(b"not checked: preflight is replaced")
    checked: list[tuple[Path, str]] = []
    answer: list[Message] = [
        message(
            "The video lasts {seconds} s; {platform} takes at most {limit} s.",
            seconds=95,
            platform="Reels",
            limit=90,
        )
    ]

    def fake_preflight(path: Path, platform: object) -> list[Message]:
        checked.append((path, platform.id))  # type: ignore[attr-defined]
        return list(answer)

    monkeypatch.setattr(preflight_module, "preflight", fake_preflight)
    window = make_window(publish_after=False)
    monkeypatch.setattr(window, "publishing_set_up", lambda: True)
    published: list[str] = []
    monkeypatch.setattr(window, "_publish_now", lambda job_id: published.append(job_id) or True)
    job = stored_job(window.store, coffee, output_path=str(video), extra={"platform": "instagram_reels"})

    assert window.publish(job.id)
    qtbot.waitUntil(lambda: window.preflight_box is not None, timeout=5000)
    box = window.preflight_box
    assert checked == [(video, "instagram_reels")]
    assert "Instagram Reels" in box.text()
    assert "The video lasts 95 s; Reels takes at most 90 s." in box.informativeText()
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert published == []  # cancelled: nothing published

    assert window.publish(job.id)  # asked again: checked again
    qtbot.waitUntil(lambda: window.preflight_box is not None, timeout=5000)
    anyway = next(b for b in window.preflight_box.buttons() if b.text() == "Publish anyway")
    anyway.click()
    assert published == [job.id]

    answer.clear()  # nothing to say: published without a question
    assert window.publish(job.id)
    qtbot.waitUntil(lambda: len(published) == 2, timeout=5000)
    assert window.preflight_box is None


def test_render_is_refused_when_the_brand_lost_its_logo(make_window, coffee: Path, tmp_path: Path) -> None:
    logo = tmp_path / "logo.png"
    logo.write_bytes(coffee.read_bytes())
    settings = Settings()
    settings.brand.brands = [Brand(name="Nismara", logo=logo).to_json()]
    settings.brand.chosen = "Nismara"
    window = make_window(settings=settings)
    _fill(window, coffee)
    assert not window.end_card.brand_error.text()
    logo.unlink()  # deleted while the window is open
    assert window.start_render() is None
    sentence = "The brand Nismara is missing its file logo.png; choose it again in Settings → Brand."
    assert window.render_message.text() == sentence
    assert window.end_card.brand_error.text() == sentence and window.end_card.brand_error.isVisible()
    assert window.store.queued() == []


@pytest.mark.qt_log_ignore(OFFSCREEN_DIALOG)
def test_a_real_render_is_preflighted_for_its_platform_before_publishing(
    make_window, qtbot, coffee: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(publish_after=False)
    _fill(window, coffee)
    window.platform_picker.set_platform("instagram_reels")  # 9:16, at least 3 s
    with qtbot.waitSignal(window.queue.job_finished, timeout=120_000) as done:
        queued = window.start_render()
    assert queued is not None and queued.extra["platform"] == "instagram_reels"
    job: Job = done.args[0]
    assert window.store.get(job.id).extra["platform"] == "instagram_reels"  # kept for a restart
    monkeypatch.setattr(window, "publishing_set_up", lambda: True)
    published: list[str] = []
    monkeypatch.setattr(window, "_publish_now", lambda job_id: published.append(job_id) or True)
    assert window.publish(job.id)
    qtbot.waitUntil(lambda: window.preflight_box is not None, timeout=60_000)
    # The test templates last one second: shorter than Reels take.
    assert "Instagram Reels" in window.preflight_box.text()
    assert window.preflight_box.informativeText().startswith("• ")
    assert published == []
    window.preflight_box.button(QMessageBox.StandardButton.Cancel).click()
    assert published == []


def test_your_own_font_is_imported_with_the_licence_note(qtbot, tmp_path: Path) -> None:
    from vidstudio.resources import resource_path

    page = BrandSettingsPage()
    qtbot.addWidget(page)
    page.load(Settings())
    page.add_brand("Nismara")
    assert page.font_note.isHidden()
    font = tmp_path / "Nismara Display.otf"
    font.write_bytes(resource_path("fonts", "EBGaramond12-Bold.otf").read_bytes())
    assert page.choose_font("heading", font)
    stored = Path(page.current_brand().heading_font)
    assert stored.parent == brand_folder() and stored.is_file()
    assert page.fonts["heading"].currentText() == stored.stem
    assert not page.font_note.isHidden()
    assert page.font_note.text() == "Check that your font's licence lets you use it in videos."
    settings = Settings()
    page.apply(settings)
    assert Brand.from_json(settings.brand.brands[0]).font_file("heading") == stored

    bad = tmp_path / "broken.ttf"
    bad.write_text("not a font", encoding="utf-8")
    assert not page.choose_font("body", bad)
    assert not page.status.isHidden() and "broken.ttf" in page.status.text()
    assert page.current_brand().body_font == "Inter"


def test_tab_reaches_the_language_and_the_end_card_in_order(make_window, qtbot) -> None:
    window = make_window()
    window.end_card.set_expanded(True)
    order = [window.subtitle_edit.nextInFocusChain()]
    while len(order) < 4:
        order.append(order[-1].nextInFocusChain())
    assert order[:3] == [window.end_card.toggle, window.end_card.brand, window.end_card.logo_clear]
    assert window.language_combo.nextInFocusChain() is window.title_edit
    assert window.end_card.offer.nextInFocusChain() is window.template_list


def test_a_preflight_that_fails_does_not_stop_the_publish(
    make_window, qtbot, coffee: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import vidstudio.render.preflight as preflight_module

    def broken(path: Path, platform: object) -> list[Message]:
        raise RuntimeError("a bug in preflight")

    monkeypatch.setattr(preflight_module, "preflight", broken)
    window = make_window(publish_after=False)
    monkeypatch.setattr(window, "publishing_set_up", lambda: True)
    published: list[str] = []
    monkeypatch.setattr(window, "_publish_now", lambda job_id: published.append(job_id) or True)
    job = stored_job(
        window.store, coffee, output_path=str(tmp_path / "villa.mp4"), extra={"platform": "tiktok"}
    )
    assert window.publish(job.id)
    qtbot.waitUntil(lambda: published == [job.id], timeout=5000)
    assert window.preflight_box is None


def test_typing_in_the_end_card_shows_the_end_card(make_window, qtbot, coffee: Path) -> None:
    window = make_window()
    _fill(window, coffee)
    canvas = window.preview.canvas
    canvas.set_frame(3)
    window.end_card.set_expanded(True)
    window.end_card.price.setFocus()
    qtbot.keyClicks(window.end_card.price, "180")
    assert canvas.frame == canvas.frame_count - 1
    canvas.set_frame(3)
    window.end_card.price.setText("200")  # set by the program (History, a language switch): stays
    assert canvas.frame == 3


def test_a_branded_9x16_tour_made_in_the_app_carries_a_qr_a_decoder_reads_back(
    make_window, qtbot, coffee: Path, testdata: Path
) -> None:
    """Done-when: the app, a brand, a 9:16 tour with price and facts; a real decoder reads the
    wa.me link off the rendered video's end card, which has the brand's colour."""
    import av
    import zxingcpp

    from vidstudio.render.template import templates_dir

    settings = Settings()
    settings.brand.brands = [Brand(name="Nismara", primary="#1a6b5c", heading_font="EB Garamond").to_json()]
    settings.brand.chosen = "Nismara"
    window = make_window(templates=templates_dir(), scale=1.0, settings=settings, publish_after=False)
    drop_files(window.drop_zone, [coffee, testdata / "chelsea.png"])
    if window.choice_bar.isVisible():
        window.choice_bar.tour_button.click()
    window._select_template("tour")
    window.title_edit.setText("Nismara Pool Villa")
    window.aspect_buttons["9:16"].click()
    window.duration_picker.set_value(5)
    card = window.end_card
    card.whatsapp.setText("+62 812 3456 7890")
    card.price.setText("2.500.000")
    card.currency.setCurrentIndex(card.currency.findData("IDR"))
    card.guests.setValue(6)
    card.bedrooms.setValue(3)
    card.flush()
    props = window.current_props()
    assert props.brand is not None and props.listing.price == Decimal(2500000)
    with qtbot.waitSignal(window.queue.job_finished, timeout=180_000) as done:
        assert window.start_render() is not None
    job: Job = done.args[0]
    assert job.state == JobState.RENDERED and job.output_path is not None
    with av.open(job.output_path) as container:
        stream = container.streams.video[0]
        assert (stream.width, stream.height) == (1080, 1920)
        last = None
        for frame in container.decode(stream):
            last = frame
    assert last is not None
    picture = last.to_image()
    assert [r.text for r in zxingcpp.read_barcodes(picture)] == [props.link]
    assert props.link.startswith("https://wa.me/6281234567890?text=")
    # The end card's veil is the brand's main colour over the photo (#1a6b5c at e0 alpha).
    red, green, blue = picture.convert("RGB").getpixel((1060, 1900))
    assert green > red and green > blue
    window.queue.shutdown()
