"""The window's lifecycle: dialogs go away when closed, background work runs on the named pools,
and publishing that is not set up is a state the window offers to fix."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QThreadPool
from PySide6.QtWidgets import QDialog

from helpers.props import stored_job
from helpers.ui import OFFSCREEN_DIALOG
from helpers.windows import WindowFactory
from vidstudio.jobs import workers
from vidstudio.ui.render_settings import RenderSettingsPage
from vidstudio.ui.settings_dialog import SettingsDialog


def _flush_deletes() -> None:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()


@pytest.mark.qt_log_ignore(OFFSCREEN_DIALOG)
def test_settings_opened_and_closed_five_times_leaves_no_dialog_pool_or_thread(
    make_window: WindowFactory, qtbot
) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    pools_before = len(window.findChildren(QThreadPool))
    for attempt in range(5):
        dialog = window.open_settings()
        # Settings → Rendering: its "Test connection" runs on a pool.
        page = next(page for page in dialog.pages() if isinstance(page, RenderSettingsPage))
        page.test_button.click()  # type: ignore[attr-defined]
        dialog.reject() if attempt % 2 else dialog.accept()
    for name in workers.POOLS:
        assert workers.pool(name).waitForDone(30_000)
    _flush_deletes()
    assert window.findChildren(SettingsDialog) == [] and window.findChildren(QDialog) == []
    assert len(window.findChildren(QThreadPool)) == pools_before == 0
    assert workers.active_threads() == 0


def test_work_delivered_to_a_closed_dialog_is_dropped_not_crashed(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QObject

    context = QObject()
    got: list[object] = []
    release = __import__("threading").Event()
    workers.submit("network", lambda: release.wait(10) and "late answer", got.append, context=context)
    context.deleteLater()
    _flush_deletes()
    release.set()
    assert workers.pool("network").waitForDone(10_000)
    QCoreApplication.processEvents()
    assert got == []
    done: list[object] = []
    workers.submit("network", lambda: 42, done.append)
    qtbot.waitUntil(lambda: done == [42])


@pytest.mark.qt_log_ignore(OFFSCREEN_DIALOG)
def test_publishing_not_set_up_offers_to_set_it_up(make_window: WindowFactory, coffee: Path) -> None:
    window = make_window()
    job = stored_job(window.store, coffee, id="set-up", output_path=str(coffee))
    window.show_result(job)
    card = window.result_card
    assert card.publish_button.isVisible() and card.publish_button.text() == "Set up publishing…"
    assert "Publishing failed" not in card.publish_label.text()
    card.publish_button.click()
    dialogs = window.findChildren(SettingsDialog)
    assert len(dialogs) == 1
    dialog = dialogs[0]
    assert dialog.tabs.tabText(dialog.tabs.currentIndex()) == "Publishing"
    assert window.publish_status(job).state == "none"  # nothing failed: nothing was tried
    assert window.outbox.get(job.id) is None
    window.tabs.setCurrentWidget(window.history)
    window.history.reload()
    window.history.list.setCurrentRow(0)
    assert window.history.publish_button.text() == "Set up publishing…"
    dialog.reject()

    settings = window.settings.model_copy(deep=True)
    settings.publish.s3.bucket = "villa-videos"
    settings.publish.supabase.url = "https://abcd.supabase.co"
    window.apply_settings(settings)
    window.show_result(job)
    assert card.publish_button.text() == "Publish"


def test_a_render_published_by_itself_waits_quietly_when_publishing_is_not_set_up(
    make_window: WindowFactory, qtbot, coffee: Path
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(publish_after=True)
    window.load_photos([coffee])
    window.title_edit.setText("Villa")
    with qtbot.waitSignal(window.queue.job_finished, timeout=60_000) as done:
        assert window.start_render() is not None
    _flush_deletes()
    assert window.findChildren(SettingsDialog) == []  # no dialog pops up after a render
    job = done.args[0]
    assert window.publish_status(job).state == "none" and window.outbox.get(job.id) is None
    assert window.result_card.publish_button.text() == "Set up publishing…"
