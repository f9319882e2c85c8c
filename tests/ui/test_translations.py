"""Every visible string of the window is translated into Spanish."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QTabWidget,
    QWidget,
)

from helpers.props import stored_job
from helpers.ui import OFFSCREEN_DIALOG, drop_files
from vidstudio.cloud.errors import no_such_bucket
from vidstudio.jobs.publish_queue import PublishStatus
from vidstudio.jobs.store import INTERRUPTED_RENDER, JobState
from vidstudio.messages import Kind, Message, message, unexpected
from vidstudio.render.listing import CURRENCIES, LANGUAGES, language_name
from vidstudio.render.platforms import PLATFORMS
from vidstudio.resources import resource_path
from vidstudio.ui.i18n import current_language, install_language

# Words that are the same in both languages: names, formats, numbers, the user's own text.
SAME_IN_BOTH = {
    "vidstudio",
    "Promo",
    "General",
    "English",
    "Español",
    "KB",
    "MB",
    "Qt",
    "PySide6",
    "FFmpeg",
    "PyAV",
    "Vertical: Reels, Stories, TikTok",
    "WhatsApp",
    "Inter",
    "EB Garamond",
    *CURRENCIES,
    # The video languages by their own names ("Bahasa Indonesia", "한국어"), whatever the UI's.
    *(language_name(code) for code in LANGUAGES),
    # Platforms are brand names, shown with the aspect they take.
    *(f"{platform.name} ({platform.aspect})" for platform in PLATFORMS.values()),
}


def _same_in_both(text: str) -> bool:
    """Names, units and numbers joined with separators ("16:9 · Promo", "600 × 400 · 456 KB")."""
    parts = [part.strip() for part in re.split(r"[·×]", text)]
    return all(
        not re.search(r"[A-Za-zÀ-ÿ]{2,}", part)
        or re.sub(r"[\d.,\s]+", "", part) in SAME_IN_BOTH
        or part in SAME_IN_BOTH
        for part in parts
    )


def _is_path(text: str) -> bool:
    return text.startswith(("/", "~")) or re.match(r"^[A-Za-z]:[\\/]", text) is not None


def visible_strings(root: QWidget) -> set[str]:
    """Texts, tooltips and placeholders of every widget a user can see."""
    found: set[str] = set()
    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        if widget is not root and not widget.isVisibleTo(root):
            continue
        texts = [widget.toolTip(), widget.accessibleName()]
        if isinstance(widget, (QLabel, QAbstractButton)):
            texts.append(widget.text())
        if isinstance(widget, QLineEdit):
            texts += [widget.placeholderText(), widget.text()]
        if isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QTabWidget):
            texts += [widget.tabText(i) for i in range(widget.count())]
        if isinstance(widget, QListWidget):
            for i in range(widget.count()):
                item = widget.item(i)
                texts += [item.text(), item.toolTip()]
        for text in texts:
            for line in (text or "").splitlines():
                if re.search(r"[A-Za-zÀ-ÿ]{2,}", line):
                    found.add(line.strip())
    return found


def untranslated(english: set[str], spanish: set[str], user_text: set[str]) -> set[str]:
    same = english & spanish
    return {
        text
        for text in same
        if not _same_in_both(text)
        and not _is_path(text)
        and not any(text == u or text.startswith(u) for u in user_text)
    }


def _populate(window, coffee: Path) -> None:  # type: ignore[no-untyped-def]
    drop_files(window.drop_zone, [coffee])
    # A tour: a second photo, the question for two more, music, the selected item's editor.
    from vidstudio.render.props import MediaItem

    window.set_media([MediaItem(coffee), MediaItem(coffee.parent / "chelsea.png")])
    drop_files(window.drop_zone, [coffee.parent / "astronaut.png"])
    assert window.choice_bar.isVisible()
    window.media_strip.select(1)
    from helpers.sound import make_track
    from vidstudio import paths

    assert window.music_row.set_file(make_track(paths.data_dir() / "Island Breeze.wav", 4.0))
    window.title_edit.setText("Nismara Pool Villa")
    window.subtitle_edit.setText("Your private escape in Bali")
    store, title = window.store, "Nismara Pool Villa"
    failed = stored_job(
        store, coffee, state=JobState.FAILED, title=title, error=message(INTERRUPTED_RENDER, Kind.INTERRUPTED)
    )
    # One failure from every layer, as the store keeps them: each must show in Spanish.
    for reason in _ERRORS_OF_EVERY_LAYER():
        window.queue_view.add_job(stored_job(store, coffee, state=JobState.FAILED, title=title, error=reason))
    rendered = stored_job(store, coffee, title=title, output_path=str(coffee))
    window.board.set(rendered.id, PublishStatus("failed", error=no_such_bucket("villas").sentence))
    window.queue_view.add_job(rendered)
    window.queue_view.add_job(failed)
    window.show_result(failed)
    window.history.reload()


def _ERRORS_OF_EVERY_LAYER() -> list[Message]:
    from vidstudio.cloud.lambda_client import LambdaError, LambdaErrorKind
    from vidstudio.jobs.backends import LAMBDA_NOT_SET_UP
    from vidstudio.jobs.runner import NO_FOLDER
    from vidstudio.render.errors import ImageError, OutputError

    return [
        ImageError("The image {name} was not found.", name="casa.jpg").sentence,  # render
        OutputError(
            "The disk is full: cannot write {name}. Free some space and try again.", name="v.mp4"
        ).sentence,
        LambdaError(LambdaErrorKind.THROTTLED, "Lambda is busy (AWS concurrency limit reached).").sentence,
        message(LAMBDA_NOT_SET_UP, Kind.NOT_SET_UP),  # the backend layer
        message(NO_FOLDER, Kind.OUTPUT, folder="/videos"),  # jobs
        unexpected(),
    ]


def test_the_spanish_translation_file_is_compiled() -> None:
    qm = resource_path("translations", "vidstudio_es.qm")
    ts = resource_path("translations", "vidstudio_es.ts")
    assert qm.is_file() and ts.is_file()
    assert 'type="unfinished"' not in ts.read_text(encoding="utf-8")


# Opening a dialog on the offscreen platform logs this; it is not ours.


@pytest.mark.qt_log_ignore(OFFSCREEN_DIALOG)
def test_spanish_ui_has_no_untranslated_visible_strings(make_window, coffee: Path) -> None:
    user_text = {
        coffee.name,
        str(coffee),
        "chelsea.png",
        "Island Breeze.wav",
        "Nismara Pool Villa",
        "Your private escape in Bali",
    }
    pages: dict[str, dict[str, set[str]]] = {}
    for language in ("en", "es"):
        assert install_language(language) == language and current_language() == language
        window = make_window()
        _populate(window, coffee)
        user_text.add(str(window.output_dir))
        strings: dict[str, set[str]] = {}
        strings["editor"] = visible_strings(window)
        window.tabs.setCurrentIndex(1)
        strings["history"] = visible_strings(window)
        dialog = window.open_settings()
        strings["settings"] = visible_strings(dialog)
        dialog.reject()
        about = window.open_about()
        strings["about"] = visible_strings(about)
        about.reject()
        pages[language] = strings
    for page in pages["en"]:
        english, spanish = pages["en"][page], pages["es"][page]
        assert len(english) > 3
        assert untranslated(english, spanish, user_text) == set(), page
    assert "Crear vídeo" in pages["es"]["editor"]
    assert {"Hacer un recorrido", "Fotos y clips", "Duración", "Música"} <= pages["es"]["editor"]
    assert "Interrumpido: vidstudio se cerró mientras se creaba el vídeo." in pages["es"]["editor"]


def test_switching_language_at_run_time_retranslates_the_open_window(make_window, coffee: Path) -> None:
    install_language("es")
    fresh = make_window()
    _populate(fresh, coffee)
    expected = visible_strings(fresh)
    fresh.close()

    install_language("en")
    window = make_window()
    _populate(window, coffee)
    english = visible_strings(window)
    settings = window.settings.model_copy(deep=True)
    settings.interface.language = "es"
    window.apply_settings(settings)  # what OK in the Settings dialog does
    QApplication.processEvents()  # the LanguageChange events
    assert current_language() == "es"
    switched = visible_strings(window)
    assert switched != english
    assert switched == expected
