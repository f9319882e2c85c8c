"""``vidstudio publish`` and ``vidstudio render --publish`` against the real local services."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import urllib.request
from pathlib import Path

from helpers.publish import BUCKET, assert_no_secret, env_for_subprocess, replace
from vidstudio.secrets import Secrets
from vidstudio.settings import PublishSettings

REPO = Path(__file__).resolve().parents[2]


def run_cli(args: list[str], env: dict[str, str], timeout: float = 180) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "vidstudio.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=REPO,
        stdin=subprocess.DEVNULL,
    )


def test_publish_a_video_file_then_again_by_path_and_by_id(
    publish_settings: PublishSettings,
    secrets: Secrets,
    clean_services: None,
    sample_video: Path,
    coffee: Path,
    tmp_path: Path,
    supabase_stack,
    s3_server,
) -> None:
    env = env_for_subprocess(publish_settings, secrets, tmp_path / "data")
    first = run_cli(["publish", str(sample_video), "--photo", str(coffee), "--title", "CLI villa"], env)
    assert first.returncode == 0, first.stderr
    url = first.stdout.strip().splitlines()[-1]
    with urllib.request.urlopen(url, timeout=10) as response:
        assert response.read() == sample_video.read_bytes()
    assert "Published" in first.stderr and "Traceback" not in first.stderr
    again = run_cli(["publish", str(sample_video)], env)
    assert again.returncode == 0, again.stderr
    assert "was already published" in again.stderr
    render_id = supabase_stack.rows()[0]["render_id"]
    by_id = run_cli(["publish", render_id], env)
    assert by_id.returncode == 0 and by_id.stdout.strip().startswith(publish_settings.s3.endpoint_url)
    assert len(supabase_stack.rows()) == 1
    assert len(s3_server.client().list_objects_v2(Bucket=BUCKET).get("Contents", [])) == 1


def test_publish_with_the_anon_key_says_so_and_resumes_by_id(
    publish_settings: PublishSettings,
    secrets: Secrets,
    clean_services: None,
    sample_video: Path,
    coffee: Path,
    tmp_path: Path,
    supabase_stack,
) -> None:
    data = tmp_path / "data"
    anon = replace(secrets, supabase_key=supabase_stack.anon_key)
    failed = run_cli(
        [
            "publish",
            str(sample_video),
            "--photo",
            str(coffee),
            "--title",
            "Anon villa",
            "--render-id",
            "anon-1",
        ],
        env_for_subprocess(publish_settings, anon, data),
    )
    assert failed.returncode == 1
    lines = failed.stderr.strip().splitlines()
    assert lines[-2:] == [
        "vidstudio: Supabase Storage refused the upload: row-level security. Use the service_role "
        "key in Settings.",
        "vidstudio: to try again: vidstudio publish anon-1",
    ]
    assert "Traceback" not in failed.stderr
    assert_no_secret([failed.stdout, failed.stderr], [supabase_stack.anon_key, *secrets.values()])
    fixed = run_cli(["publish", "anon-1"], env_for_subprocess(publish_settings, secrets, data))
    assert fixed.returncode == 0, fixed.stderr
    assert [r["render_id"] for r in supabase_stack.rows()] == ["anon-1"]


def test_publish_needs_a_photo_and_title_for_an_unknown_file(
    publish_settings: PublishSettings, secrets: Secrets, sample_video: Path, tmp_path: Path
) -> None:
    env = env_for_subprocess(publish_settings, secrets, tmp_path / "data")
    result = run_cli(["publish", str(sample_video)], env)
    assert result.returncode == 2
    assert (
        result.stderr.strip()
        == "vidstudio: To publish render.mp4, give --photo and --title (or publish its render id)."
    )
    missing = run_cli(["publish", "no-such-render"], env)
    assert missing.returncode == 2
    assert missing.stderr.strip() == "vidstudio: No video or render id 'no-such-render' to publish."


def test_render_with_publish_renders_then_publishes(
    publish_settings: PublishSettings,
    secrets: Secrets,
    clean_services: None,
    coffee: Path,
    tmp_path: Path,
    supabase_stack,
) -> None:
    import av

    out = tmp_path / "villa.mp4"
    env = env_for_subprocess(publish_settings, secrets, tmp_path / "data")
    result = run_cli(
        [
            "render",
            str(coffee),
            "--title",
            "Nismara Pool Villa",
            "--subtitle",
            "Your private escape in Bali",
            "--aspect",
            "1:1",
            "--quality",
            "draft",
            "-o",
            str(out),
            "--publish",
            "--quiet",
        ],
        env,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    url = result.stdout.strip().splitlines()[-1]
    rows = supabase_stack.rows()
    assert len(rows) == 1
    row = rows[0]
    assert (row["width"], row["height"], row["aspect"], row["fps"]) == (1080, 1080, "1:1", 30)
    assert row["size_bytes"] == out.stat().st_size and row["render_seconds"] > 0
    assert row["video_url"] == url
    with urllib.request.urlopen(url, timeout=10) as response:
        data = response.read()
    assert data == out.read_bytes()
    poster_key = next(k for k in supabase_stack.storage.objects() if k.startswith("posters/"))
    assert poster_key.endswith("/nismara-pool-villa.jpg")
    with av.open(str(out)) as container:
        assert container.streams.video[0].frames == 300


def _poster_size(url: str) -> tuple[int, int]:
    from PIL import Image

    with urllib.request.urlopen(url, timeout=10) as response:
        image = Image.open(io.BytesIO(response.read()))
        return image.size


# What differs between two publishes of the same render by design: when, and the signed links.
PER_PUBLISH = {"id", "created_at", "video_url", "image_url", "poster_url", "rendered_at"}


def test_the_cli_and_the_app_publish_one_render_the_same_way(
    qtbot,  # type: ignore[no-untyped-def]
    make_window,
    publish_settings: PublishSettings,
    secrets: Secrets,
    clean_services: None,
    supabase_stack,
    s3_server,
    coffee: Path,
) -> None:
    from helpers.publish import build_clients
    from vidstudio.jobs.publish import RetryPolicy
    from vidstudio.settings import Settings

    window = make_window(
        settings=Settings(publish=publish_settings),
        clients_factory=lambda: build_clients(publish_settings, secrets),
        publish_policy=RetryPolicy(max_attempts=2, base_seconds=0.1),
        publish_after=True,
    )
    window.load_photos([coffee])
    window.title_edit.setText("Both ways villa")
    with qtbot.waitSignal(window.publish_queue.finished, timeout=120_000) as published:
        assert window.start_render() is not None
    job = window.store.get(published.args[0])
    assert job is not None
    app_row = supabase_stack.rows()[0]
    app_poster = _poster_size(app_row["poster_url"])
    assert app_poster == (job.width, job.height)  # the full-size poster, not History's thumbnail

    # The same render again, from the command line: as if the app had never published it.
    window.outbox.forget(job.id)
    supabase_stack.truncate()
    client = s3_server.client()
    for obj in client.list_objects_v2(Bucket=BUCKET).get("Contents", []):
        client.delete_object(Bucket=BUCKET, Key=obj["Key"])
    env = env_for_subprocess(publish_settings, secrets, Path(os.environ["VIDSTUDIO_DATA_DIR"]))
    by_id = run_cli(["publish", job.id], env)
    assert by_id.returncode == 0, by_id.stderr
    cli_row = supabase_stack.rows()[0]
    assert {k: v for k, v in cli_row.items() if k not in PER_PUBLISH} == {
        k: v for k, v in app_row.items() if k not in PER_PUBLISH
    }
    assert _poster_size(cli_row["poster_url"]) == app_poster


def test_a_job_without_its_stored_request_is_built_again_with_its_backend_and_cost(
    publish_settings: PublishSettings,
    secrets: Secrets,
    clean_services: None,
    supabase_stack,
    sample_video: Path,
    coffee: Path,
) -> None:
    """A render of an older version (no request kept) published by id: the same builder runs
    now — full-size poster, and a Lambda render keeps backend "lambda" and its cost."""
    from helpers.props import stored_job
    from vidstudio.jobs.store import JobStore

    with JobStore() as jobs:
        stored_job(
            jobs,
            coffee,
            id="lambda-job",
            title="Lambda villa",
            extra={"backend": "lambda", "cost": 0.0123, "currency": "USD"},
            output_path=str(sample_video),
            width=320,
            height=180,
            duration=1.0,
            wall_time=2.5,
            finished_at=1_770_000_000.0,
        )
    env = env_for_subprocess(publish_settings, secrets, Path(os.environ["VIDSTUDIO_DATA_DIR"]))
    result = run_cli(["publish", "lambda-job"], env)
    assert result.returncode == 0, result.stderr
    row = supabase_stack.rows()[0]
    assert (row["render_id"], row["backend"], row["cost_estimate"]) == ("lambda-job", "lambda", 0.0123)
    assert row["render_seconds"] == 2.5 and row["title"] == "Lambda villa"
    assert _poster_size(row["poster_url"]) == (320, 180)  # drawn at the video's size
