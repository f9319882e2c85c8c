"""The desktop app with "Render on" Lambda / Automatic against the fake Remotion Lambda.

Auto with a throttled Lambda renders on this computer and the progress panel says why; a
Lambda render is ready to publish with backend = lambda and its cost.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from helpers.fake_lambda import FakeLambda
from helpers.windows import WindowFactory
from vidstudio.jobs.backends import BUSY_MESSAGE
from vidstudio.jobs.outbox import PublishRequest
from vidstudio.jobs.runner import RenderProgress
from vidstudio.jobs.store import Job, JobState
from vidstudio.messages import Message
from vidstudio.render.template import templates_dir
from vidstudio.ui.main_window import MainWindow

pytestmark = pytest.mark.aws_lambda


def _render(qtbot: Any, window: MainWindow, photo: Path) -> tuple[Job, list[tuple[RenderProgress, str]]]:
    seen: list[tuple[RenderProgress, str]] = []
    # After the window's own slot: what the progress panel shows at each report.
    window.queue.progress.connect(lambda r: seen.append((r, window.progress_panel.backend_line.text())))
    window.load_photos([photo])
    window.title_edit.setText("Nismara Pool Villa")
    ended: list[Job] = []
    window.queue.job_finished.connect(ended.append)
    window.queue.job_failed.connect(ended.append)
    assert window.start_render() is not None
    qtbot.waitUntil(lambda: bool(ended), timeout=180_000)
    job = ended[0]
    assert job.state is JobState.RENDERED, job.error
    return job, seen


def _close(window: MainWindow) -> None:
    window.close()
    window.store.close()


def test_auto_with_a_throttled_lambda_renders_here_and_the_panel_says_why(
    qtbot: Any, make_window: WindowFactory, make_renderer: Any, fake_lambda: FakeLambda, photo: Path
) -> None:
    fake_lambda.faults.add("throttle_start")
    window = make_window(render_on="auto", renderer=make_renderer(), publish_after=False)
    try:
        job, seen = _render(qtbot, window, photo)
        assert job.state is JobState.RENDERED
        assert job.extra["backend"] == "local" and Message.from_stored(job.extra["fallback"]) == BUSY_MESSAGE
        shown = [text for _report, text in seen]
        assert "Lambda is busy (concurrency limit): rendering on this computer" in shown
        first = next(i for i, (r, _text) in enumerate(seen) if r.message == BUSY_MESSAGE)
        assert all(r.message == BUSY_MESSAGE for r, _text in seen[first:])  # it stays in view
        fractions = [r.fraction for r, _ in seen]
        assert fractions == sorted(set(fractions))  # still strictly increasing
        request = PublishRequest(**job.extra["publish_request"])
        assert request.backend == "local" and request.cost_estimate is None
        assert request.poster and Path(request.poster).is_file()
        assert not fake_lambda.renders  # nothing started on Lambda
    finally:
        _close(window)


def test_a_lambda_render_is_ready_to_publish_with_backend_lambda_and_its_cost(
    qtbot: Any, make_window: WindowFactory, make_renderer: Any, fake_lambda: FakeLambda, photo: Path
) -> None:
    # The bundled templates: the fake function renders the site's (full-length) composition.
    window = make_window(templates_dir(), render_on="lambda", renderer=make_renderer(), publish_after=False)
    try:
        job, seen = _render(qtbot, window, photo)
        assert job.state is JobState.RENDERED and job.extra["backend"] == "lambda"
        assert job.extra["cost"] > 0
        assert any(text.startswith("Lambda: ") and "frames" in text for _r, text in seen)
        request = PublishRequest(**job.extra["publish_request"])
        assert request.backend == "lambda" and request.cost_estimate == job.extra["cost"]
        assert request.render_id == job.id and Path(request.video).is_file()
        assert window.result_card.publish_button.isVisible()
    finally:
        _close(window)
