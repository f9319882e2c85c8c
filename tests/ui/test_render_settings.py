"""Settings → Rendering ("Render on") in the window: round trip, and what a render does with it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from helpers.ui import OFFSCREEN_DIALOG
from vidstudio.jobs.store import JobState
from vidstudio.settings import RenderOn, Settings, load_settings, save_settings
from vidstudio.ui.publish_settings import PublishSettingsPage
from vidstudio.ui.render_settings import RenderSettingsPage, parse_compositions


def _render_page(dialog) -> RenderSettingsPage:  # type: ignore[no-untyped-def]
    pages = [page for page in dialog.pages() if isinstance(page, RenderSettingsPage)]
    assert len(pages) == 1
    return pages[0]


@pytest.mark.qt_log_ignore(OFFSCREEN_DIALOG)
def test_render_on_round_trips_through_the_dialog_and_the_file(make_window, qtbot, tmp_path: Path) -> None:
    window = make_window()
    dialog = window.open_settings()
    titles = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    assert titles[:3] == ["General", "Publishing", "Rendering"]
    assert any(isinstance(page, PublishSettingsPage) for page in dialog.pages())
    page = _render_page(dialog)
    assert page.policy.currentData() == "local" and not page.lambda_box.isEnabled()
    assert page.policy.currentText() == "This computer"

    page.policy.setCurrentIndex(page.policy.findData("auto"))
    assert page.lambda_box.isEnabled()
    page.region.setText(" eu-west-1 ")
    page.function.setEditText("remotion-render-4-0-527-mem2048mb-disk2048mb-120sec")
    page.serve_url.setText("https://remotionlambda-x.s3.eu-west-1.amazonaws.com/sites/vidstudio/index.html")
    page.compositions.setPlainText("promo = Promo\n\nnot a mapping\ngallery=Gallery ")
    page.timeout.setValue(7)
    with qtbot.waitSignal(dialog.applied):
        dialog.accept()

    render = window.settings.render
    assert render == RenderOn(
        policy="auto",
        function_name="remotion-render-4-0-527-mem2048mb-disk2048mb-120sec",
        region="eu-west-1",
        serve_url="https://remotionlambda-x.s3.eu-west-1.amazonaws.com/sites/vidstudio/index.html",
        compositions={"promo": "Promo", "gallery": "Gallery"},
        timeout_minutes=7,
    )
    assert render.lambda_configured()
    path = tmp_path / "settings.json"
    save_settings(window.settings, path)
    assert load_settings(path).render == render

    again = window.open_settings()
    page = _render_page(again)
    assert page.policy.currentData() == "auto" and page.region.text() == "eu-west-1"
    assert parse_compositions(page.compositions.toPlainText()) == {"promo": "Promo", "gallery": "Gallery"}
    assert page.timeout.value() == 7
    again.reject()


def test_a_bad_render_on_value_in_the_file_falls_back_alone(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"render": {"policy": "moon", "region": "eu-west-1"}}', encoding="utf-8")
    render = load_settings(path).render
    assert render.policy == "local" and render.region == "eu-west-1"


@pytest.mark.qt_log_ignore(OFFSCREEN_DIALOG)
def test_test_connection_without_the_lambda_details_says_what_is_missing(make_window, qtbot) -> None:
    window = make_window()
    dialog = window.open_settings()
    page = _render_page(dialog)
    page.policy.setCurrentIndex(page.policy.findData("lambda"))
    with qtbot.waitSignal(page.tested, timeout=10_000) as tested:
        page.test_button.click()
    assert tested.args == [False, "Fill in the function name, the region and the site URL first."]
    assert page.status.text().startswith("✖ Fill in the function name")
    assert page.test_button.isEnabled()
    dialog.reject()


def test_lambda_chosen_but_not_set_up_fails_the_render_with_a_plain_line(
    make_window, qtbot, coffee: Path
) -> None:
    settings = Settings()
    settings.render.policy = "lambda"
    window = make_window(settings=settings)
    window.load_photos([coffee])
    window.title_edit.setText("Lambda villa")
    with qtbot.waitSignal(window.queue.job_failed, timeout=60_000) as failed:
        assert window.start_render() is not None
    job = failed.args[0]
    assert job.state is JobState.FAILED
    assert job.error == (
        "Rendering on AWS Lambda is not set up: fill in the function, region and site URL "
        "in Settings → Rendering."
    )
    assert window.result_card.message.text() == job.error
    assert not list(Path(job.output_dir).glob("lambda-villa*"))
    QApplication.processEvents()
