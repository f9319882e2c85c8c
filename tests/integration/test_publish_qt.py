"""The Qt side against the real services: the publish queue and the Settings page."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers.publish import build_clients, replace
from vidstudio.cloud.factory import CloudClients
from vidstudio.jobs import workers
from vidstudio.jobs.outbox import PublishOutbox
from vidstudio.jobs.publish import RetryPolicy, request_for_video
from vidstudio.jobs.publish_queue import PublishQueue
from vidstudio.secrets import Secrets, load_secrets
from vidstudio.settings import PublishSettings, Settings, load_settings, save_settings, settings_path

FAST = RetryPolicy(max_attempts=2, base_seconds=0.1)


def test_queue_publishes_reports_progress_and_retries_by_hand(
    qtbot,
    publish_settings: PublishSettings,
    secrets: Secrets,
    clean_services: None,  # type: ignore[no-untyped-def]
    outbox: PublishOutbox,
    sample_video: Path,
    coffee: Path,
    supabase_stack,
) -> None:
    from helpers.services import free_port

    offline = replace(
        publish_settings,
        s3=replace(publish_settings.s3, endpoint_url=f"http://127.0.0.1:{free_port()}"),
    )
    current = {"settings": offline}

    def factory() -> CloudClients:
        return build_clients(current["settings"], secrets, s3_attempts=1)

    queue = PublishQueue(outbox, factory, policy=FAST, retry_check_ms=3_600_000)
    request = request_for_video(sample_video, photo=coffee, title="Queued villa")
    fractions: list[float] = []
    queue.board.changed.connect(lambda ids: fractions.extend(queue.board.get(i).fraction for i in ids))

    with qtbot.waitSignal(queue.failed, timeout=60_000) as failed:
        assert queue.submit(request) is not None
        assert queue.submit(request) is None  # already queued
    render_id, error = failed.args
    assert render_id == request.render_id and error.retryable
    assert error.text.startswith("Cannot reach Amazon S3 at 127.0.0.1.")
    assert queue.board.get(render_id).state == "failed"
    entry = outbox.get(render_id)
    assert entry is not None and entry.state == "failed" and entry.next_attempt_at is not None

    current["settings"] = publish_settings  # the network is back
    with qtbot.waitSignal(queue.finished, timeout=60_000) as done:
        assert queue.retry(render_id) is not None
    assert done.args[0] == render_id and done.args[1].startswith(publish_settings.s3.endpoint_url)
    qtbot.waitUntil(lambda: bool(fractions) and max(fractions) == 1.0)
    assert queue.board.get(render_id).state == "published"
    assert len(supabase_stack.rows()) == 1
    assert queue.retry(render_id) is None  # published: nothing to do
    assert queue.shutdown()


def test_queue_resumes_interrupted_publishes_at_start(
    qtbot,
    publish_settings: PublishSettings,
    secrets: Secrets,
    clean_services: None,  # type: ignore[no-untyped-def]
    outbox: PublishOutbox,
    sample_video: Path,
    coffee: Path,
    supabase_stack,
) -> None:
    request = request_for_video(sample_video, photo=coffee, title="Resumed villa")
    outbox.add(request)
    outbox.set_state(request.render_id, "uploading")  # as if the app died while uploading
    queue = PublishQueue(
        outbox,
        lambda: build_clients(publish_settings, secrets),
        policy=FAST,
        retry_check_ms=3_600_000,
    )
    with qtbot.waitSignal(queue.finished, timeout=60_000):
        assert queue.retry_due() == 1
    assert len(supabase_stack.rows()) == 1
    assert queue.shutdown()


@pytest.fixture
def page(qtbot, memory_keyring):  # type: ignore[no-untyped-def]
    from vidstudio.ui.publish_settings import PublishSettingsPage

    widget = PublishSettingsPage()
    qtbot.addWidget(widget)
    yield widget
    workers.pool("network").waitForDone(30_000)


@pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen platform, on show()
def test_settings_page_saves_keys_in_the_keyring_and_tests_connections(
    qtbot,
    page,
    publish_settings: PublishSettings,
    secrets: Secrets,
    supabase_stack,
    s3_server,  # type: ignore[no-untyped-def]
    clean_services: None,
    tmp_path: Path,
) -> None:
    s3 = publish_settings.s3
    page.auth.setCurrentIndex(page.auth.findData("keys"))
    page.bucket.setText(s3.bucket)
    page.region.setText(s3.region)
    page.endpoint.setText(s3.endpoint_url)
    page.access_key.setText(secrets.aws_access_key_id)
    page.secret_key.setText(secrets.aws_secret_access_key)
    page.sb_url.setText(publish_settings.supabase.url)
    page.sb_key.setText(secrets.supabase_key)
    settings = Settings()
    page.apply(settings)  # the Settings dialog's OK
    save_settings(settings)
    assert page.save_status.text() == ""
    text = settings_path().read_text(encoding="utf-8")
    for secret in secrets.values():
        assert secret not in text
    assert json.loads(text)["publish"]["s3"]["bucket"] == s3.bucket
    assert load_secrets(env={}) == secrets
    assert page.sb_key.text() == "" and "leave empty to keep it" in page.sb_key.placeholderText()

    with qtbot.waitSignal(page.checked, timeout=60_000) as s3_check:
        page.s3_test.click()
        assert not page.s3_test.isEnabled()
    assert s3_check.args[:2] == ["s3", True]
    assert page.s3_status.text() == "✔ Connected: videos can be uploaded to the bucket vidstudio-test."

    with qtbot.waitSignal(page.checked, timeout=60_000) as sb_check:
        page.sb_test.click()
    assert sb_check.args[1] is True, sb_check.args[2]

    page.sb_key.setText(supabase_stack.anon_key)  # typed, not saved: the test uses it
    with qtbot.waitSignal(page.checked, timeout=60_000) as anon_check:
        page.sb_test.click()
    assert anon_check.args[1] is False
    assert page.sb_status.text() == (
        "✖ Supabase Storage refused the upload: row-level security. Use the service_role key in Settings."
    )
    page.endpoint.setText(f"{s3.endpoint_url}/")
    page.bucket.setText("no-such-bucket")
    with qtbot.waitSignal(page.checked, timeout=60_000):
        page.s3_test.click()
    assert page.s3_status.text().startswith("✖ The S3 bucket no-such-bucket does not exist.")
    page.resize(560, 760)
    page.show()
    qtbot.waitExposed(page)
    shot = Path(__file__).resolve().parents[2] / "out" / "publish_settings.png"
    shot.parent.mkdir(exist_ok=True)
    page.grab().save(str(shot))


def test_settings_page_loads_saved_values(qtbot, memory_keyring, publish_settings: PublishSettings) -> None:  # type: ignore[no-untyped-def]
    from vidstudio.ui.publish_settings import PublishSettingsPage

    save_settings(Settings(publish=replace(publish_settings, publish_after_render=True)))
    widget = PublishSettingsPage()
    widget.load(load_settings())  # as the Settings dialog does
    qtbot.addWidget(widget)
    assert widget.bucket.text() == publish_settings.s3.bucket
    assert widget.auth.currentData() == "keys" and not widget.profile.isEnabled()
    assert widget.link_mode.currentData() == "presigned" and widget.link_hours.value() == 1
    assert widget.after_render.isChecked()
    assert widget.settings() == replace(
        publish_settings,
        publish_after_render=True,
        retry_base_seconds=widget.settings().retry_base_seconds,
    )
