"""The main window as a user drives it: drop, type, render, cancel, queue, history."""

from __future__ import annotations

import time
from itertools import pairwise
from pathlib import Path

import av
import pytest
from PySide6.QtCore import QElapsedTimer, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox

from helpers.props import stored_job
from helpers.ui import differing_pixels, drop_files, hold_render, preview_pixels
from vidstudio.jobs.outbox import PublishRequest
from vidstudio.jobs.publish_queue import PublishStatus
from vidstudio.jobs.runner import RenderProgress
from vidstudio.jobs.store import Job, JobState

RENDER_TIMEOUT = 120_000


def _fill(window, photo: Path, title: str = "Nismara Pool Villa") -> None:  # type: ignore[no-untyped-def]
    drop_files(window.drop_zone, [photo])
    window.title_edit.setText(title)
    window.subtitle_edit.setText("Your private escape in Bali")


def _partials(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.name.startswith(".") or ".part" in p.name]


def test_dropping_a_file_url_changes_the_preview(make_window, coffee: Path) -> None:
    window = make_window()
    window.title_edit.setText("Villa")
    before = preview_pixels(window)
    drop_files(window.drop_zone, [coffee])
    after = preview_pixels(window)
    assert window.photo == coffee
    assert differing_pixels(before, after) > 0.3
    assert window.media_strip.list.item(0).toolTip() == coffee.name
    assert not window.photo_error.isVisible()


def test_typing_a_title_changes_the_preview(make_window, qtbot, coffee: Path) -> None:
    window = make_window()
    drop_files(window.drop_zone, [coffee])
    before = preview_pixels(window)
    qtbot.keyClicks(window.title_edit, "Villa Sol")
    after = preview_pixels(window)
    assert window.preview.canvas.props.title == "Villa Sol"
    assert differing_pixels(before, after) > 0.005


def test_render_to_completion_reports_increasing_progress_and_writes_an_mp4(
    make_window, qtbot, coffee: Path, long_templates: Path
) -> None:
    window = make_window(templates=long_templates)
    _fill(window, coffee)
    reports: list[RenderProgress] = []
    window.queue.progress.connect(reports.append)
    with qtbot.waitSignal(window.queue.job_added, timeout=1000):
        qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    with qtbot.waitSignal(window.queue.job_finished, timeout=RENDER_TIMEOUT) as finished:
        pass
    job: Job = finished.args[0]
    fractions = [r.fraction for r in reports]
    # Reports are throttled (at most 10 a second, stage changes always), so how many arrive
    # depends on the machine: only their order and the end are checked, not their number.
    assert fractions and fractions[0] < 1.0, fractions
    assert all(b > a for a, b in pairwise(fractions)), fractions
    assert fractions[-1] == 1.0
    assert any(r.thumbnail is not None for r in reports)

    stored = window.store.require(job.id)
    assert stored.state is JobState.RENDERED
    assert stored.output_path and Path(stored.output_path).is_file()
    assert stored.poster_path and Path(stored.poster_path).is_file()
    output = Path(stored.output_path)
    assert output.name == "nismara-pool-villa-16x9.mp4"
    with av.open(str(output)) as container:
        stream = container.streams.video[0]
        assert stream.codec_context.name == "h264"
        assert (stream.width, stream.height) == (480, 270)
        frames = sum(1 for _ in container.decode(stream))
    assert frames == 120
    assert _partials(output.parent) == []

    card = window.result_card
    assert card.isVisible() and not window.progress_panel.isVisible()
    assert card.name.text() == output.name
    assert card.play_button.isVisible() and card.copy_path_button.isVisible()
    assert not card.copy_link_button.isVisible()  # nothing is published yet
    card.copy_path_button.click()
    assert QGuiApplication.clipboard().text() == str(output)


def test_cancel_mid_render_leaves_no_file_and_marks_the_job_cancelled(
    make_window, qtbot, coffee: Path, long_templates: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(templates=long_templates)
    _fill(window, coffee)
    cancelled_at: list[int] = []
    pressed: list[float] = []
    started = time.perf_counter()
    # Held at frame 10 (of 120) until Esc cancels: mid-render however fast this machine is.
    with (
        hold_render(monkeypatch, frame=10) as hold,
        qtbot.waitSignal(window.queue.job_failed, timeout=RENDER_TIMEOUT) as failed,
    ):
        job = window.start_render()
        assert job is not None
        hold.wait_reached()
        cancelled_at.append(hold.frame)
        pressed.append(time.perf_counter())
        qtbot.keyClick(window, Qt.Key.Key_Escape)
    job = failed.args[0]
    stopped_ms = (time.perf_counter() - pressed[0]) * 1000
    print(f"\nEsc to cancelled job: {stopped_ms:.0f} ms")
    assert cancelled_at and cancelled_at[0] < 120
    assert stopped_ms < 2000  # ~100 ms on a quiet machine; generous for a loaded CI
    assert window.store.require(job.id).state is JobState.CANCELLED
    out_dir = Path(job.output_dir)
    assert not any(out_dir.glob("*.mp4"))
    assert _partials(out_dir) == []
    assert window.result_card.heading.text() == "Render cancelled"
    assert time.perf_counter() - started < 60
    assert not window.queue.busy


def test_a_corrupt_image_shows_an_inline_error_and_the_app_stays_usable(
    make_window, qtbot, tmp_path: Path, coffee: Path
) -> None:
    window = make_window()
    broken = tmp_path / "WhatsApp Image broken.jpg"
    broken.write_bytes(b"\xff\xd8\xff\xe0 this is not really a jpeg" * 3)
    drop_files(window.drop_zone, [broken])
    assert window.photo_error.isVisible()
    assert broken.name in window.photo_error.text()
    assert window.photo is None

    notes = tmp_path / "notes.txt"
    notes.write_text("hello", encoding="utf-8")
    drop_files(window.drop_zone, [notes])
    assert "notes.txt" in window.photo_error.text() and "not a photo" in window.photo_error.text()

    # Still usable: a good photo clears the error and renders.
    _fill(window, coffee)
    assert not window.photo_error.isVisible()
    with qtbot.waitSignal(window.queue.job_finished, timeout=RENDER_TIMEOUT):
        window.start_render()


def test_a_queue_of_three_renders_runs_one_at_a_time(
    make_window, qtbot, coffee: Path, testdata: Path
) -> None:
    window = make_window()
    _fill(window, coffee)
    photos = [coffee, testdata / "chelsea.png", testdata / "astronaut.png", coffee]
    finished: list[Job] = []
    window.queue.job_finished.connect(finished.append)
    jobs = []
    for index, photo in enumerate(photos):
        window.set_media([])  # one photo each time: a video of each
        drop_files(window.drop_zone, [photo])
        window.title_edit.setText(f"Villa {index + 1}")
        job = window.start_render()
        assert job is not None
        jobs.append(job)
    assert len(window.queue_view.jobs()) == 4
    # A waiting job can be taken out of the queue.
    assert window.store.require(jobs[3].id).state is JobState.QUEUED
    assert window.queue.remove(jobs[3].id)
    qtbot.waitUntil(lambda: len(finished) == 3, timeout=RENDER_TIMEOUT)
    assert [j.id for j in finished] == [j.id for j in jobs[:3]]
    stored = [window.store.require(j.id) for j in jobs]
    assert [s.state for s in stored] == [JobState.RENDERED] * 3 + [JobState.CANCELLED]
    for earlier, later in pairwise(stored[:3]):
        assert later.started_at is not None and earlier.finished_at is not None
        assert later.started_at >= earlier.finished_at  # never two at once
    names = {Path(s.output_path).name for s in stored[:3] if s.output_path}
    assert len(names) == 3
    rows = {row.job.id: row for _item, row in window.queue_view._rows.values()}
    assert rows[jobs[0].id].state.text() == "Rendered"
    assert rows[jobs[3].id].state.text() == "Cancelled"


def test_render_all_aspects_queues_four_videos(make_window, qtbot, coffee: Path) -> None:
    window = make_window()
    _fill(window, coffee)
    jobs = window.render_all_aspects()
    assert [j.aspect for j in jobs] == ["16:9", "9:16", "1:1", "4:5"]
    window.queue.shutdown()
    assert all(window.store.require(j.id).finished for j in jobs)


def test_history_survives_recreating_the_window(make_window, qtbot, coffee: Path) -> None:
    first = make_window()
    _fill(first, coffee, title="Casa Azul")
    with qtbot.waitSignal(first.queue.job_finished, timeout=RENDER_TIMEOUT) as done:
        first.start_render()
    job: Job = done.args[0]
    first.queue.shutdown()
    first.close()
    first.store.close()

    second = make_window()
    assert second.store is not first.store
    history = second.history
    assert history.list.count() == 1
    item = history.list.item(0)
    assert "Casa Azul" in item.text() and "Rendered" in item.text()
    assert not item.icon().isNull()
    history.list.setCurrentRow(0)
    assert history.show_button.isEnabled()
    second.tabs.setCurrentIndex(1)
    history.open_button.click()
    assert second.tabs.currentIndex() == 0
    assert second.title_edit.text() == "Casa Azul"
    assert second.photo == coffee
    assert job.id == history.selected_job().id  # type: ignore[union-attr]
    with qtbot.waitSignal(second.queue.job_finished, timeout=RENDER_TIMEOUT) as again:
        history.rerender_button.click()
    assert again.args[0].props["title"] == "Casa Azul" and again.args[0].id != job.id
    assert history.list.count() == 2
    history.list.setCurrentRow(1)
    assert history.selected_job().id == job.id  # type: ignore[union-attr]
    history.delete_button.click()
    assert history.list.count() == 1
    assert Path(job.output_path or "").is_file()  # deleting the entry keeps the file


def _timer_gaps(qtbot, run) -> list[int]:  # type: ignore[no-untyped-def]
    """Milliseconds between the ticks of a 10 ms timer while ``run(stop)`` works; sorted."""
    clock = QElapsedTimer()
    gaps: list[int] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.timeout.connect(lambda: gaps.append(clock.restart()))
    clock.start()
    timer.start()
    run()
    timer.stop()
    return sorted(gaps[1:])


def test_the_event_loop_never_stalls_during_a_full_size_render(make_window, qtbot, coffee: Path) -> None:
    window = make_window(scale=1.0)
    _fill(window, coffee)
    # The same timer with nothing rendering: what this machine's load alone costs.
    idle = _timer_gaps(qtbot, lambda: qtbot.wait(1000))

    def render() -> None:
        with qtbot.waitSignal(window.queue.job_finished, timeout=RENDER_TIMEOUT):
            window.start_render()

    busy = _timer_gaps(qtbot, render)
    p95 = busy[int(len(busy) * 0.95)]
    print(
        f"\nevent-loop gap during a 1920x1080 render: max {busy[-1]} ms, p95 {p95} ms "
        f"({len(busy)} ticks); idle max {idle[-1]} ms"
    )
    # 250 ms is far above what the worker thread costs (~60 ms max on a quiet machine) and far
    # below what painting on the UI thread would (seconds); a loaded machine widens it.
    assert busy[-1] < max(250, 3 * idle[-1])


def test_quitting_during_a_render_asks_then_cancels(
    make_window, qtbot, coffee: Path, long_templates: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(templates=long_templates)
    _fill(window, coffee)
    asked: list[str] = []
    answer = [QMessageBox.StandardButton.No]

    def question(_parent, title, _text, *_args):  # type: ignore[no-untyped-def]
        asked.append(title)
        return answer[0]

    monkeypatch.setattr(QMessageBox, "question", question)
    # Held mid-render until the quit cancels it: still rendering when the user answers.
    with hold_render(monkeypatch, frame=10) as hold:
        job = window.start_render()
        assert job is not None
        hold.wait_reached()
        assert window.close() is False  # the user said No
        assert window.isVisible() and window.queue.busy
        answer[0] = QMessageBox.StandardButton.Yes
        assert window.close() is True
    assert asked == ["Quit vidstudio?", "Quit vidstudio?"]
    assert window.queue.pool.activeThreadCount() == 0
    stored = window.store.require(job.id)
    assert stored.state is JobState.CANCELLED
    assert not any(Path(stored.output_dir).glob("*.mp4"))
    assert _partials(Path(stored.output_dir)) == []


def test_copy_link_appears_only_for_a_published_video(make_window, qtbot, coffee: Path) -> None:
    window = make_window()
    rendered = stored_job(window.store, coffee, id="abc", output_path=str(coffee))
    window.show_result(rendered)
    assert not window.result_card.copy_link_button.isVisible()
    # Published: the outbox says so (its one record), and the board shows it.
    request = PublishRequest("abc", str(coffee), str(coffee), "Villa", "promo", "16:9", 1, 1, 30, 1.0, 1, 0.0)
    window.outbox.add(request)
    window.outbox.complete_step("abc", "video", {"s3_key": "renders/abc/villa.mp4"})
    window.outbox.set_state("abc", "published")
    window.board.set("abc", PublishStatus("published", 1.0))
    window.show_result(rendered)
    assert window.result_card.copy_link_button.isVisible()

    class Clients:  # Copy link asks S3 for a fresh link (presigned links expire)
        class s3:
            @staticmethod
            def link(key: str) -> str:
                return f"https://example.invalid/{key}"

        def close(self) -> None:
            pass

    window._clients_factory = Clients
    window.result_card.copy_link_button.click()
    qtbot.waitUntil(
        lambda: QGuiApplication.clipboard().text() == "https://example.invalid/renders/abc/villa.mp4"
    )


def test_several_photos_dropped_at_once_queue_one_video_each(
    make_window, coffee: Path, testdata: Path
) -> None:
    window = make_window()
    window.title_edit.setText("Villa")
    photos = [coffee, testdata / "chelsea.png", testdata / "astronaut.png"]
    drop_files(window.drop_zone, photos)
    assert window.choice_bar.isVisible() and window.queue_view.jobs() == []
    window.choice_bar.each_button.click()
    jobs = window.queue_view.jobs()
    assert [job.props["photo"] for job in jobs] == [str(p) for p in photos]
    assert window.media_strip.count() == 0  # the editor keeps what it had
    window.queue.shutdown()


def test_space_plays_and_pauses_the_preview(make_window, qtbot, coffee: Path) -> None:
    window = make_window()
    _fill(window, coffee)
    canvas = window.preview.canvas
    start = canvas.frame
    qtbot.keyClick(window.render_button, Qt.Key.Key_Space)
    assert canvas.playing
    qtbot.waitUntil(lambda: canvas.frame != start, timeout=3000)
    qtbot.keyClick(window.render_button, Qt.Key.Key_Space)
    assert not canvas.playing
    assert window.queue_view.jobs() == []  # Space never pressed the focused Render button


def test_a_missing_output_folder_is_a_message_not_a_crash(make_window, coffee: Path, tmp_path: Path) -> None:
    window = make_window()
    _fill(window, coffee)
    window.output_dir = tmp_path / "gone"
    assert window.start_render() is None
    assert window.render_message.isVisible()
    assert "does not exist" in window.render_message.text()
    assert window.store.history() == []
    window.output_dir = tmp_path
    assert window.start_render() is not None
    assert not window.render_message.isVisible()
    window.queue.shutdown()


def test_a_long_title_gets_a_shrink_hint_and_an_empty_one_is_refused(
    make_window, qtbot, coffee: Path
) -> None:
    window = make_window()
    drop_files(window.drop_zone, [coffee])
    window.title_edit.setText("Nismara Pool Villa")
    assert "characters" in window.title_hint.text()
    window.title_edit.setText("Nismara Pool Villa with a private infinity pool and a view of the rice fields")
    assert "smaller" in window.title_hint.text() or "cut off" in window.title_hint.text()
    window.title_edit.clear()
    assert window.start_render() is None
    assert window.title_hint.text() == "A title is needed."
    assert window.render_message.text() == "Type a title first."


def test_the_vertical_preview_is_letterboxed(make_window, coffee: Path) -> None:
    window = make_window()
    _fill(window, coffee)
    window.aspect_buttons["9:16"].click()
    canvas = window.preview.canvas
    rect = canvas.canvas_rect()
    assert abs(rect.width() / rect.height() - 9 / 16) < 0.01
    assert rect.width() < canvas.width() / 2  # bars left and right
    image = preview_pixels(window)
    bar = image.pixelColor(rect.left() // 2, rect.center().y())
    inside = image.pixelColor(rect.center())
    assert bar.name() == "#16191d" and inside.name() != "#16191d"
