"""The desktop app publishes against the real local services (SeaweedFS, PostgREST, Storage).

Render in the window → published by itself ("Publish after render") → the result card says
so and Copy link puts a URL on the clipboard that serves the MP4; a publish with a wrong
key shows the plain reason, and Retry works once the key is right; History shows the
state after the window is created again.
"""

from __future__ import annotations

import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication

from helpers.publish import assert_no_secret, build_clients, replace
from helpers.windows import WindowFactory
from vidstudio.jobs.outbox import PublishRequest
from vidstudio.jobs.publish import CloudClients, RetryPolicy
from vidstudio.jobs.store import Job, JobState
from vidstudio.secrets import Secrets
from vidstudio.settings import PublishSettings, Settings
from vidstudio.ui.main_window import MainWindow

pytestmark = pytest.mark.services

FAST = RetryPolicy(max_attempts=2, base_seconds=0.1)


PublishingWindow = Callable[..., MainWindow]


@pytest.fixture
def publishing_window(
    make_window: WindowFactory, publish_settings: PublishSettings, secrets: Secrets, clean_services: None
) -> PublishingWindow:
    """The suite's window publishing to the local services (clean) with a fast retry policy.

    ``publishing_window(publish_after=..., factory=None, show=True)``; ``factory`` makes the
    clients (default: the right keys).
    """

    def make(
        *, publish_after: bool, factory: Callable[[], CloudClients] | None = None, show: bool = True
    ) -> MainWindow:
        return make_window(
            settings=Settings(publish=publish_settings),  # publishing is set up
            clients_factory=factory or (lambda: build_clients(publish_settings, secrets)),
            publish_policy=FAST,
            publish_after=publish_after,
            show=show,
        )

    return make


def _render(qtbot, window: MainWindow, photo: Path, title: str) -> Job:  # type: ignore[no-untyped-def]
    window.load_photos([photo])
    window.title_edit.setText(title)
    with qtbot.waitSignal(window.queue.job_finished, timeout=120_000) as done:
        assert window.start_render() is not None
    job: Job = done.args[0]
    assert job.state is JobState.RENDERED
    return job


def test_render_publishes_by_itself_and_copy_link_fetches_the_mp4(
    qtbot,  # type: ignore[no-untyped-def]
    publishing_window: PublishingWindow,
    supabase_stack,  # type: ignore[no-untyped-def]
    coffee: Path,
) -> None:
    window = publishing_window(publish_after=True)
    with qtbot.waitSignal(window.publish_queue.finished, timeout=120_000) as published:
        job = _render(qtbot, window, coffee, "Nismara Pool Villa")
    render_id, url = published.args
    assert render_id == job.id and url.startswith("http")

    card = window.result_card
    assert card.isVisible() and card.job is not None and card.job.id == job.id
    qtbot.waitUntil(lambda: card.publish_label.text() == "Published")  # the board: ≤ 10 updates a second
    assert card.copy_link_button.isVisible() and not card.publish_button.isVisible()
    stored = window.store.get(job.id)
    entry = window.outbox.get(job.id)  # the one record of publishing
    assert stored is not None and entry is not None and entry.results["video_url"] == url
    queue_row = window.queue_view.list.itemWidget(window.queue_view.list.item(0))
    assert queue_row.job.id == job.id and queue_row.state.text() == "Published"  # type: ignore[attr-defined]

    QGuiApplication.clipboard().clear()
    card.copy_link_button.click()
    qtbot.waitUntil(lambda: card.link_note.isVisible(), timeout=30_000)
    link = QGuiApplication.clipboard().text()
    assert link.startswith("http") and card.link_note.text() == "Link copied"
    with urllib.request.urlopen(link, timeout=30) as response:
        assert response.status == 200
        assert response.headers["Content-Type"] == "video/mp4"
        body = response.read()
    assert stored.output_path is not None
    assert body == Path(stored.output_path).read_bytes()

    rows = supabase_stack.rows()
    assert len(rows) == 1
    row = rows[0]
    assert row["render_id"] == job.id and row["title"] == "Nismara Pool Villa"
    assert row["backend"] == "local" and row["cost_estimate"] is None
    assert row["poster_url"] and row["image_url"]


def test_a_failed_publish_shows_the_reason_and_retry_works_after_the_fix(
    qtbot,  # type: ignore[no-untyped-def]
    publishing_window: PublishingWindow,
    publish_settings: PublishSettings,
    secrets: Secrets,
    supabase_stack,  # type: ignore[no-untyped-def]
    coffee: Path,
) -> None:
    wrong = replace(secrets, aws_secret_access_key="wrong" + secrets.aws_secret_access_key[5:])
    current = {"secrets": wrong}

    def factory() -> CloudClients:
        return build_clients(publish_settings, current["secrets"], s3_attempts=1)

    window = publishing_window(publish_after=False, factory=factory)
    _render(qtbot, window, coffee, "Villa with a wrong key")
    card = window.result_card
    assert card.publish_label.isHidden() and card.publish_button.isVisible()
    assert card.publish_button.text() == "Publish" and not card.copy_link_button.isVisible()

    with qtbot.waitSignal(window.publish_queue.failed, timeout=120_000) as failed:
        card.publish_button.click()
    _render_id, error = failed.args
    message = error.text
    qtbot.waitUntil(lambda: card.publish_label.text().startswith("Publishing failed"))
    text = card.publish_label.text()
    assert text.startswith("Publishing failed: ") and message in text
    assert "Traceback" not in text and "\n" not in message
    assert_no_secret([text, message], [s for s in wrong.values() if len(s) > 8])
    assert card.publish_button.isVisible() and card.publish_button.text() == "Retry"
    assert not card.copy_link_button.isVisible()

    window.tabs.setCurrentIndex(1)
    window.history.reload()
    assert "Publishing failed" in window.history.list.item(0).text()
    window.tabs.setCurrentIndex(0)

    current["secrets"] = secrets  # the user fixed the key in Settings
    with qtbot.waitSignal(window.publish_queue.finished, timeout=120_000):
        card.publish_button.click()
    qtbot.waitUntil(lambda: card.publish_label.text() == "Published")
    assert card.copy_link_button.isVisible()
    assert len(supabase_stack.rows()) == 1

    # History after the window is created again (the app restarted).
    window.close()
    window.store.close()
    again = publishing_window(publish_after=False)
    history = again.history
    assert history.list.count() == 1
    qtbot.waitUntil(lambda: "Published" in history.list.item(0).text())  # the board, read off the UI thread
    history.list.setCurrentRow(0)
    assert history.copy_link_button.isEnabled() and not history.publish_button.isEnabled()
    again.tabs.setCurrentWidget(history)
    QGuiApplication.clipboard().clear()
    history.copy_link_button.click()
    qtbot.waitUntil(lambda: history.link_note.isVisible(), timeout=30_000)
    assert QGuiApplication.clipboard().text().startswith("http")
    assert history.link_note.text() == "Link copied"


def test_a_publish_cut_short_by_a_quit_resumes_when_the_window_opens_again(
    qtbot,  # type: ignore[no-untyped-def]
    publishing_window: PublishingWindow,
    supabase_stack,  # type: ignore[no-untyped-def]
    coffee: Path,
) -> None:
    window = publishing_window(publish_after=False)
    job = _render(qtbot, window, coffee, "Villa resumed")
    request = PublishRequest(**job.extra["publish_request"])
    outbox = window.publish_queue.store
    outbox.add(request)
    outbox.set_state(job.id, "uploading")  # what a kill in the middle of the upload leaves
    window.close()
    window.store.close()

    again = publishing_window(publish_after=False, show=False)
    try:
        qtbot.waitUntil(lambda: again.publish_status(job).state != "none")
        assert again.publish_status(job).state in ("waiting", "uploading", "published")
        with qtbot.waitSignal(again.publish_queue.finished, timeout=120_000) as finished:
            pass  # retry_due() in the constructor started it
        assert finished.args[0] == job.id
        qtbot.waitUntil(lambda: "Published" in again.history.list.item(0).text())
        assert len(supabase_stack.rows()) == 1
        assert again.outbox.get(job.id).results["video_url"] == finished.args[1]  # type: ignore[union-attr]
    finally:
        again.close()
        again.store.close()


def test_a_tour_of_five_photos_and_a_song_is_rendered_published_and_reopened(
    qtbot,  # type: ignore[no-untyped-def]
    publishing_window: PublishingWindow,
    supabase_stack,  # type: ignore[no-untyped-def]
    testdata: Path,
    tmp_path: Path,
) -> None:
    """The issue's walk-through: drop five photos and a song, make one tour, render, publish,
    and open it again from History in a new window."""
    import json
    import shutil

    from helpers.sound import make_track

    names = ["coffee.png", "chelsea.png", "astronaut.png", "coffee.png", "chelsea.png"]
    photos = [
        shutil.copy(testdata / name, tmp_path / f"room{i}{Path(name).suffix}") for i, name in enumerate(names)
    ]
    song = make_track(tmp_path / "Island Breeze.mp3", 8.0, kind="music-like")
    window = publishing_window(publish_after=True)
    window.load_photos([Path(p) for p in photos] + [song])
    assert window.choice_bar.isVisible()
    window.choice_bar.tour_button.click()
    window._select_template("tour")
    window.duration_picker.buttons[10].click()
    window.title_edit.setText("Villa Serena")
    props = window.current_props()
    assert [item.path for item in props.media] == [Path(p) for p in photos]
    assert props.music is not None and props.music.name == "Island Breeze"
    with (
        qtbot.waitSignal(window.publish_queue.finished, timeout=240_000),
        qtbot.waitSignal(window.queue.job_finished, timeout=240_000) as done,
    ):
        assert window.start_render() is not None
    job: Job = done.args[0]
    assert job.state is JobState.RENDERED and job.template == "tour"
    rows = supabase_stack.rows()
    assert len(rows) == 1
    row = rows[0]
    media_urls = row["media_urls"] if isinstance(row["media_urls"], list) else json.loads(row["media_urls"])
    assert len(media_urls) == 5 and media_urls[0] == row["image_url"]
    assert len(set(media_urls)) == 5  # each photo its own object, in order
    assert row["has_audio"] is True and row["music_name"] == "Island Breeze"
    assert float(row["duration_seconds"]) == pytest.approx(10.0, abs=0.05)
    for url in media_urls:
        with urllib.request.urlopen(url, timeout=30) as answer:
            assert answer.status == 200
    window.close()

    again = publishing_window(publish_after=False)
    history = again.history
    history.reload()
    history.list.setCurrentRow(0)
    history.open_button.click()
    reopened = again.current_props()
    assert [item.path for item in reopened.media] == [Path(p) for p in photos]
    assert reopened.music is not None and reopened.music.path == song
    assert reopened.duration == 10.0 and again.current_template().id == "tour"
