"""Screenshots of the real vidstudio window, for people to look at.

    python scripts/screenshots.py OUTDIR [PHOTO]

Runs under Xvfb (started through ``xvfb-run`` when there is no display) with a
throwaway data folder, and writes PNGs: the editor with a 16:9 and a 9:16
preview, a tour (the "one tour or one video each?" bar, four photos and a clip with
music, mid-transition, a clip's settings, the length and music rows), a render in
progress, the result card (published: the test suite's local
S3 / Supabase services are started for it when their programs are installed, see
scripts/test-deps/20-services.sh), the history, the Spanish UI, the Settings and
About dialogs, Settings → Publishing and → Rendering, and a damaged photo's inline error.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_PHOTO = REPO.parent / "shared" / "testdata" / "WhatsApp Image 2026-02-06 at 3.58.30 PM.jpeg"
SCREEN = "1600x1000x24"


def _reexec_under_xvfb() -> int:
    xvfb_run = shutil.which("xvfb-run")
    if xvfb_run is None:
        print("screenshots: xvfb-run not found (apt-get install xvfb xauth)", file=sys.stderr)
        return 2
    env = {**os.environ, "VIDSTUDIO_SCREENSHOTS_CHILD": "1"}
    env.pop("QT_QPA_PLATFORM", None)
    command = [xvfb_run, "-a", "-s", f"-screen 0 {SCREEN}", sys.executable, *sys.argv]
    return subprocess.call(command, env=env)


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

    from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    from vidstudio.jobs.backends import make_backend
    from vidstudio.jobs.publish import RetryPolicy
    from vidstudio.jobs.runner import saved_settings_backend
    from vidstudio.jobs.store import JobStore
    from vidstudio.settings import Settings
    from vidstudio.ui.i18n import install_language
    from vidstudio.ui.main_window import MainWindow
    from vidstudio.ui.theme import apply_theme

    app = QApplication(["vidstudio"])
    apply_theme(app)
    install_language("en")

    def settle(ms: int = 150) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def wait_for(condition, timeout: float = 60.0) -> None:  # type: ignore[no-untyped-def]
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                raise TimeoutError("screenshots: timed out")
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)

    def shot(widget: QWidget, name: str) -> None:
        settle()
        path = out / name
        widget.grab().save(str(path), "PNG")
        print(path)

    cloud = _start_services(data)
    store = JobStore()
    backend: dict[str, object] = {}  # "factory": a backend factory for the next render (else Settings)

    def backend_factory(size):  # type: ignore[no-untyped-def]
        chosen = backend.get("factory")
        return chosen(size) if chosen else saved_settings_backend(size)  # type: ignore[operator]

    if cloud is not None:
        window = MainWindow(
            store,
            Settings(publish=cloud["settings"]),  # type: ignore[arg-type]
            persist_settings=False,
            clients_factory=cloud["factory"],
            publish_policy=RetryPolicy(max_attempts=2, base_seconds=0.5),
            publish_after=lambda: True,
            backend_factory=backend_factory,
        )
    else:
        print("screenshots: local services not available; the result card is not published", file=sys.stderr)
        window = MainWindow(store, Settings(), persist_settings=False, publish_after=lambda: False)
    window.resize(1280, 800)
    window.show()
    settle(300)
    window.load_photos([photo])
    window.title_edit.setText("Nismara Pool Villa")
    window.subtitle_edit.setText("Your private escape in Bali")
    settle(400)
    shot(window, "01-editor-16x9.png")

    window.aspect_buttons["9:16"].click()
    shot(window, "02-editor-9x16.png")
    window.aspect_buttons["16:9"].click()

    _tour_shots(window, photo, data, shot, settle)

    window.quality_combo.setCurrentIndex(window.quality_combo.findData("draft"))
    window.start_render()
    window.render_all_aspects()  # fills the queue
    wait_for(lambda: window.progress_panel.bar.value() > 350)
    shot(window, "03-rendering.png")

    wait_for(lambda: window.queue.current is None and not store.queued(), timeout=240)
    if cloud is not None:
        shown = window.result_card.job
        assert shown is not None
        wait_for(lambda: window.publish_status(shown).state in ("published", "failed"), timeout=120)
    settle(300)
    shot(window, "04-result.png")

    fake = cloud["fake_lambda"]() if cloud is not None else None
    if fake is not None:  # Automatic with a throttled (fake, local) Remotion Lambda: rendered here
        fake_lambda, renderer = fake
        fake_lambda.faults.add("throttle_start")
        backend["factory"] = lambda size: make_backend("auto", size=size, lambda_renderer=renderer)
        window.start_render()
        wait_for(
            lambda: window.progress_panel.backend_line.isVisible() and window.progress_panel.bar.value() > 300
        )
        shot(window, "04b-rendering-lambda-busy.png")
        wait_for(lambda: window.queue.current is None and not store.queued(), timeout=240)
        backend.pop("factory")
        fake_lambda.close()

    window.tabs.setCurrentIndex(1)
    window.history.list.setCurrentRow(0)
    shot(window, "05-history.png")
    window.tabs.setCurrentIndex(0)

    install_language("es")
    settle(300)
    shot(window, "06-spanish.png")
    dialog = window.open_settings()
    settle(300)
    shot(dialog, "07-settings-es.png")
    dialog.reject()
    install_language("en")
    about = window.open_about()
    settle(300)
    shot(about, "08-about.png")
    about.reject()

    dialog = window.open_settings()
    for index in range(dialog.tabs.count()):
        if dialog.tabs.tabText(index) == "Publishing":
            dialog.tabs.setCurrentIndex(index)
    dialog.resize(dialog.sizeHint().expandedTo(dialog.size()))
    settle(300)
    shot(dialog, "10-settings-publishing.png")
    from vidstudio.ui.render_settings import RenderSettingsPage

    for index in range(dialog.tabs.count()):
        page = dialog.tabs.widget(index)
        if isinstance(page, RenderSettingsPage):
            dialog.tabs.setCurrentIndex(index)
            page.policy.setCurrentIndex(page.policy.findData("auto"))
            page.region.setText("eu-west-1")
            page.function.setEditText("remotion-render-4-0-527-mem2048mb-disk2048mb-120sec")
            page.serve_url.setText(
                "https://remotionlambda-eu-west-1-abc123.s3.eu-west-1.amazonaws.com/sites/vidstudio/index.html"
            )
            page.show_starts()
    settle(300)
    shot(dialog, "11-settings-rendering.png")
    dialog.reject()

    if cloud is not None:  # S3 goes away: the next publish fails with a plain reason and Retry
        cloud["stop_s3"]()
        job = window.start_render()
        assert job is not None
        wait_for(lambda: window.result_card.job is not None and window.result_card.job.id == job.id, 240)
        wait_for(lambda: window.publish_status(job).state == "failed", timeout=120)
        shot(window, "12-result-publish-failed.png")

    broken = data / "WhatsApp Image 2026-02-07 at 9.12.01 AM.jpeg"
    broken.write_bytes(b"\xff\xd8\xff\xe0 not really a photo" * 4)
    window.load_photos([broken])
    shot(window, "09-photo-error.png")
    window.close()
    store.close()
    if cloud is not None:
        cloud["stop"]()
    shutil.rmtree(data, ignore_errors=True)
    return 0


def write_clip(path: Path, seconds: float = 3.0, size: tuple[int, int] = (640, 360), fps: int = 30) -> Path:
    """A short H.264 clip of a warm gradient with a moving sun: something to look at in a tour."""
    import av
    import numpy as np

    width, height = size
    ys, xs = np.mgrid[0:height, 0:width]
    sky = np.stack([200 + 55 * ys / height, 120 + 60 * ys / height, 80 + 40 * xs / width], axis=-1)
    with av.open(str(path), "w") as container:
        stream = container.add_stream("libx264", rate=fps)
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        for index in range(round(seconds * fps)):
            frame = sky.copy()
            cx, cy = width * (0.2 + 0.6 * index / (seconds * fps)), height * 0.4
            frame[(xs - cx) ** 2 + (ys - cy) ** 2 < (height * 0.12) ** 2] = (255, 230, 140)
            picture = av.VideoFrame.from_ndarray(frame.clip(0, 255).astype(np.uint8), format="rgb24")
            container.mux(stream.encode(picture))
        container.mux(stream.encode())
    return path


def write_music(path: Path, seconds: float = 20.0, rate: int = 44100) -> Path:
    """A WAV of soft chords: a music track for the tour."""
    import wave

    import numpy as np

    t = np.arange(round(seconds * rate)) / rate
    chord = sum(np.sin(2 * np.pi * f * t) for f in (220.0, 277.2, 329.6)) / 3
    tremolo = 0.6 + 0.4 * np.sin(2 * np.pi * 0.5 * t)
    samples = (chord * tremolo * 0.4 * 32767).astype("<i2")
    with wave.open(str(path), "wb") as out:
        out.setnchannels(2)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(np.repeat(samples[:, None], 2, axis=1).tobytes())
    return path


def _tour_shots(window, photo: Path, data: Path, shot, settle) -> None:  # type: ignore[no-untyped-def]
    """A tour of five photos and a clip with music, then back to the one photo for the rest."""
    from vidstudio.render.props import MediaItem
    from vidstudio.render.timeline import timeline

    testdata = photo.parent
    clip = write_clip(data / "pool.mp4")
    music = write_music(data / "Island Breeze.wav")
    photos = [testdata / name for name in ("astronaut.png", "chelsea.png", "coffee.png")]
    window.load_photos([*photos, clip])
    shot(window, "02b-tour-choice.png")
    window.choice_bar.tour_button.click()
    window._select_template("tour")
    window.duration_picker.buttons[15].click()
    window.music_row.set_file(music)
    window.media_strip.select(1)
    window.media_editor.caption_edit.setText("Infinity pool")
    window.media_editor.caption_edit.textEdited.emit("Infinity pool")
    settle(600)
    template = window.current_template()
    line = timeline(template, window.current_props())
    window.preview.canvas.set_frame(round(line.transition_middle(2) * template.fps))
    shot(window, "02c-tour-transition.png")
    window.media_strip.select(4)
    settle(600)
    shot(window, "02d-tour-clip.png")
    bar = window.fields_scroll.verticalScrollBar()
    bar.setValue(bar.maximum())
    shot(window, "02e-tour-length-music.png")
    bar.setValue(0)
    window.music_row.remove()
    window.duration_picker.set_value(None)
    window.set_media([MediaItem(photo)])
    window._select_template("promo")
    settle(300)


def _start_services(data: Path) -> dict[str, object] | None:
    """The test suite's local S3 and Supabase (tests/helpers/services.py), or None."""
    sys.path.insert(0, str(REPO / "tests"))
    try:
        from helpers import services  # type: ignore[import-not-found]
        from helpers.publish import local_publish_settings  # type: ignore[import-not-found]
        from vidstudio.cloud.factory import make_clients
        from vidstudio.secrets import Secrets
        from vidstudio.settings import Settings, save_settings

        s3 = services.SeaweedS3(data / "seaweedfs")
        s3.start()
        s3.client().create_bucket(Bucket="vidstudio-shots")
        stack = services.SupabaseStack(data / "supabase")
        stack.start()
    except Exception as exc:  # programs not installed: screenshots without publishing
        print(f"screenshots: {type(exc).__name__}: {exc}", file=sys.stderr)
        return None
    settings = local_publish_settings(s3, stack, "vidstudio-shots", link_hours=72, publish_after_render=True)
    save_settings(Settings(publish=settings))  # Settings → Publishing shows them (keys: not in the keyring)
    secrets = Secrets(
        aws_access_key_id=s3.writer.access_key,
        aws_secret_access_key=s3.writer.secret_key,
        supabase_key=stack.service_key,
    )

    def stop() -> None:
        stack.stop()
        s3.stop()

    def fake_lambda() -> tuple[object, object] | None:
        """The test suite's fake Remotion Lambda (tests/helpers/fake_lambda.py) on this S3."""
        try:
            sys.path.insert(0, str(REPO / "tests"))
            import boto3

            from helpers.fake_lambda import FakeLambda  # type: ignore[import-not-found]
            from vidstudio.cloud.lambda_client import LambdaSettings, RemotionLambda
            from vidstudio.cloud.lambda_render import LambdaRenderer, S3ImageHost, make_lambda_clients

            fake = FakeLambda(s3.client())
            session = boto3.session.Session(
                aws_access_key_id=s3.admin.access_key,
                aws_secret_access_key=s3.admin.secret_key,
                region_name="us-east-1",
            )
            lambda_client, s3_client = make_lambda_clients(
                session, "us-east-1", lambda_endpoint=fake.url, s3_endpoint=s3.endpoint
            )
            remotion = RemotionLambda(
                lambda_client,
                LambdaSettings(
                    "remotion-render-4-0-527-mem2048mb-disk2048mb-120sec",
                    "us-east-1",
                    "https://example.invalid/sites/vidstudio/index.html",
                ),
            )
            image_host = S3ImageHost(s3_client, "vidstudio-shots")
            return fake, LambdaRenderer(remotion, s3_client, image_host, poll_interval=0.2)
        except Exception as exc:
            print(f"screenshots: no fake Lambda: {type(exc).__name__}: {exc}", file=sys.stderr)
            return None

    return {
        "factory": lambda: make_clients(settings, secrets),
        "settings": settings,
        "stop": stop,
        "stop_s3": s3.stop,
        "fake_lambda": fake_lambda,
    }


if __name__ == "__main__":
    sys.exit(main())
