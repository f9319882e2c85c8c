"""Brands in the window: Settings → Brand, and the editor's end card, languages and platforms."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.ui import OFFSCREEN_DIALOG
from vidstudio import paths
from vidstudio.render.brand import Brand
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
