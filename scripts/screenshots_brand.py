"""Screenshots of the brand kit in the real window, for people to look at.

    python scripts/screenshots_brand.py OUTDIR [PHOTO] [LANGUAGE]

Like scripts/screenshots.py (under Xvfb, a throwaway data folder): the editor with the
"End card & booking" section open and filled, Settings → Brand with two brands (a PNG
and an SVG logo), a 9:16 preview with Instagram Reels' zones, the same in Arabic (right
to left), the languages × aspects dialog, and a WhatsApp number without its country code.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from screenshots import DEFAULT_PHOTO, REPO, _reexec_under_xvfb

LOGO = REPO.parent / "shared" / "testdata" / "coffee.png"
SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="160" height="80" viewBox="0 0 160 80">'
    '<rect width="160" height="80" rx="12" fill="#1a6b5c"/>'
    '<circle cx="40" cy="40" r="24" fill="#f4c66a"/>'
    '<rect x="76" y="28" width="64" height="8" rx="4" fill="#ffffff"/>'
    '<rect x="76" y="44" width="44" height="8" rx="4" fill="#ffffff"/></svg>'
)


def main() -> int:
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    if not os.environ.get("DISPLAY"):
        return _reexec_under_xvfb()
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    out = Path(sys.argv[1]).resolve()
    out.mkdir(parents=True, exist_ok=True)
    photo = Path(sys.argv[2]) if len(sys.argv) > 2 else DEFAULT_PHOTO
    data = Path(tempfile.mkdtemp(prefix="vidstudio-shots-"))
    os.environ["VIDSTUDIO_DATA_DIR"] = str(data)
    sys.path.insert(0, str(REPO))

    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    from vidstudio.jobs.store import JobStore
    from vidstudio.render.brand import Brand, import_file
    from vidstudio.settings import Settings
    from vidstudio.ui.brand_settings import brand_folder
    from vidstudio.ui.i18n import install_language
    from vidstudio.ui.main_window import MainWindow
    from vidstudio.ui.theme import apply_theme

    app = QApplication(["vidstudio"])
    apply_theme(app)
    install_language(sys.argv[3] if len(sys.argv) > 3 else "en")

    def settle(ms: int = 400) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def shot(widget: QWidget, name: str) -> None:
        settle()
        path = out / name
        widget.grab().save(str(path), "PNG")
        print(path)

    svg = data / "nismara.svg"
    svg.write_text(SVG, encoding="utf-8")
    settings = Settings()
    settings.brand.brands = [
        Brand(
            name="Nismara",
            logo=import_file(svg, brand_folder()),
            primary="#1a6b5c",
            accent="#f4c66a",
            heading_font="EB Garamond",
            watermark=True,
        ).to_json(),
        Brand(
            name="Casa Azul", logo=import_file(LOGO, brand_folder()), primary="#16325c", locked=True
        ).to_json(),
    ]
    settings.brand.chosen = "Nismara"
    window = MainWindow(JobStore(), settings, persist_settings=False, publish_after=lambda: False)
    window.resize(1280, 900)
    window.show()
    settle(300)
    window.load_photos([photo])
    window.title_edit.setText("Nismara Pool Villa")
    window.subtitle_edit.setText("Your private escape in Bali")
    card = window.end_card
    card.set_expanded(True)
    card.whatsapp.setText("+62 812 3456 7890")
    card.price.setText("2.500.000")
    card.currency.setCurrentIndex(card.currency.findData("IDR"))
    card.guests.setValue(6)
    card.bedrooms.setValue(3)
    card.bathrooms.setValue(3)
    card.location.setText("Uluwatu, Bali")
    card.offer.setText("15% off in March")
    card.check()
    # The end card is at the video's end: show the last frame.
    window.preview.canvas.set_frame(window.preview.canvas.frame_count - 1)
    window.fields_scroll.ensureWidgetVisible(card.offer)
    shot(window, "b1-end-card-16x9.png")

    window.platform_picker.set_platform("instagram_reels")
    window.platform_picker.zones_toggle.setChecked(True)
    window.preview.canvas.set_frame(window.preview.canvas.frame_count // 3)
    window.fields_scroll.ensureWidgetVisible(window.platform_picker)
    shot(window, "b2-zones-9x16.png")

    window.platform_picker.set_platform("instagram_stories")
    window.platform_picker.zones_toggle.setChecked(True)
    window.duration_picker.set_value(75)
    window.fields_scroll.ensureWidgetVisible(window.platform_hint)
    shot(window, "b3-length-hint.png")

    window.platform_picker.zones_toggle.setChecked(False)
    window.set_language("ar")
    window.title_edit.setText("فيلا نيسمارا مع مسبح")
    window.subtitle_edit.setText("ملاذك الخاص في بالي")
    card.location.setText("أولواتو، بالي")
    window.fields_scroll.ensureWidgetVisible(window.title_edit)
    window.preview.canvas.set_frame(window.preview.canvas.frame_count // 3)
    shot(window, "b4-arabic.png")
    window.set_language("en")

    card.whatsapp.setText("0812 3456 7890")
    window.start_render()
    window.fields_scroll.ensureWidgetVisible(card.whatsapp)
    shot(window, "b5-bad-phone.png")
    card.whatsapp.setText("+62 812 3456 7890")
    card.check()

    window.set_language("es")
    window.title_edit.setText("Villa Nismara con piscina")
    window.set_language("en")
    matrix = window.open_render_matrix()
    shot(matrix, "b6-languages-x-aspects.png")
    matrix.reject()

    dialog = window.open_settings(page="brand")
    dialog.resize(620, 760)
    shot(dialog, "b7-settings-brand.png")
    page = dialog.tabs.currentWidget().widget()  # type: ignore[attr-defined]
    page.list.setCurrentRow(1)
    page.colors["accent"].edit.setText("gold")
    page.colors["accent"].edit.textEdited.emit("gold")
    shot(dialog, "b8-settings-brand-bad-colour.png")
    dialog.reject()

    # Done-when: a branded 9:16 tour's listing end card under the Reels zones, then the
    # same listing in Chinese, Korean, Arabic and Hindi.
    testdata = Path(photo).parent
    more = [testdata / name for name in ("chelsea.png", "coffee.png", "astronaut.png")]
    window.load_photos([p for p in more if p.is_file()])
    if window.choice_bar.isVisible():
        window.choice_bar.tour_button.click()
    window._select_template("tour")
    window.platform_picker.set_platform("instagram_reels")
    window.platform_picker.zones_toggle.setChecked(True)
    settle()
    window.preview.canvas.set_frame(window.preview.canvas.frame_count - 1)
    shot(window, "b9-tour-end-card-reels-zones-9x16.png")
    window.platform_picker.zones_toggle.setChecked(False)
    for code, title in (
        ("zh-Hans", "海边泳池别墅"),
        ("ko", "니스마라 풀 빌라"),
        ("ar", "فيلا نيسمارا مع مسبح"),
        ("hi", "निस्मारा पूल विला"),
    ):
        window.set_language(code)
        window.title_edit.setText(title)
        card.check()
        settle()
        window.preview.canvas.set_frame(window.preview.canvas.frame_count - 1)
        shot(window.preview, f"b10-tour-end-card-{code}.png")

    window.queue.shutdown()
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
