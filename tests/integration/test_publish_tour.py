"""Publishing a listing tour against the real local services: every photo and clip in order,
one row with media_urls, resuming after item 3, and the migration that adds the columns."""

from __future__ import annotations

import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from helpers.publish import (
    build_clients,
    env_for_subprocess,
    make_photo,
    make_tour,
    rendered_tour,
    replace,
)
from vidstudio.cloud.errors import PublishError
from vidstudio.cloud.factory import CloudClients, make_supabase_client
from vidstudio.cloud.supabase_store import SupabaseStore
from vidstudio.jobs.outbox import PublishOutbox, PublishRequest
from vidstudio.jobs.publish import PublishProgress, RetryPolicy, publish, request_for_video
from vidstudio.secrets import Secrets
from vidstudio.settings import PublishSettings

FAST = RetryPolicy(max_attempts=2, base_seconds=0.1)
REPO = Path(__file__).resolve().parents[2]
MIGRATION = REPO / "supabase" / "migrations" / "20261201000000_generated_videos_media.sql"
NEW_COLUMNS = {"media_urls": "jsonb", "has_audio": "boolean", "music_name": "text"}


def fetch(url: str) -> tuple[bytes, str]:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read(), response.headers.get("Content-Type", "")


@pytest.fixture
def tour(tmp_path: Path) -> PublishRequest:
    video = rendered_tour(tmp_path / "tour.mp4")
    return request_for_video(
        video,
        media=make_tour(tmp_path / "media"),
        title="Nismara Pool Villa",
        music_name="Sunny Day",
        poster=make_photo(tmp_path / "poster.jpg"),
    )


def photo_objects(supabase_stack) -> list[str]:  # type: ignore[no-untyped-def]
    return sorted(k for k in supabase_stack.storage.objects() if k.startswith("photos/"))


def test_a_tour_publishes_every_item_in_order_into_one_row(
    clients: CloudClients, outbox: PublishOutbox, tour: PublishRequest, tmp_path: Path, supabase_stack
) -> None:
    result = publish(tour, clients, outbox, policy=FAST)
    rid = tour.render_id
    assert result.steps_run == ("video", "media:1", "media:2", "media:3", "media:4", "poster", "row")
    names = [
        f"photos/{rid}/nismara-pool-villa.jpg",
        f"photos/{rid}/nismara-pool-villa-02.png",
        f"photos/{rid}/nismara-pool-villa-03.jpg",
        f"photos/{rid}/nismara-pool-villa-04.jpg",
    ]
    assert photo_objects(supabase_stack) == sorted(names)

    [row] = supabase_stack.rows()
    assert [url.rsplit("/", 3)[-2:] for url in row["media_urls"]] == [n.split("/")[1:] for n in names]
    assert row["media_urls"] == list(result.media_urls)
    assert row["image_url"] == row["media_urls"][0]  # the first photo, as the web platform reads it
    assert (row["has_audio"], row["music_name"]) == (True, "Sunny Day")
    assert row["duration_seconds"] == pytest.approx(0.333, abs=0.1)
    media = [Path(item.path) for item in tour.items]
    for url, local in zip(row["media_urls"], media, strict=True):  # served, byte for byte
        data, content_type = fetch(url)
        if local.suffix == ".mp4":
            assert content_type == "image/jpeg" and data[:3] == b"\xff\xd8\xff"  # the first frame
        else:
            assert data == local.read_bytes()
    # Publishing again, even from an outbox that remembers nothing: still one row.
    again = publish(tour, clients, PublishOutbox(tmp_path / "elsewhere.db"), policy=FAST)
    assert again.row_id == result.row_id and len(supabase_stack.rows()) == 1
    assert photo_objects(supabase_stack) == sorted(names)


def test_a_network_cut_after_item_3_resumes_at_item_4(
    publish_settings: PublishSettings,
    secrets: Secrets,
    clients: CloudClients,
    outbox: PublishOutbox,
    tour: PublishRequest,
    supabase_stack,
) -> None:
    from helpers.services import free_port

    dead = replace(publish_settings.supabase, url=f"http://127.0.0.1:{free_port()}")

    live = clients.supabase.client
    cut_off: list[object] = []

    def cut(p: PublishProgress) -> None:  # the network goes away once item 3 is committed
        if p.step == "media:4" and not cut_off:
            cut_off.append(make_supabase_client(dead, secrets, timeout=1))
            clients.supabase.client = cut_off[0]

    with pytest.raises(PublishError) as info:
        publish(tour, clients, outbox, cut, policy=FAST)
    assert info.value.retryable and info.value.message.startswith("Cannot reach Supabase at 127.0.0.1.")
    live.options.httpx_client.close()  # the fixture closes the one the clients hold now
    entry = outbox.get(tour.render_id)
    assert entry is not None and entry.step == "media:4" and entry.next_attempt_at is not None
    assert supabase_stack.storage.state.uploads == 3 and supabase_stack.rows() == []

    fresh = build_clients(publish_settings, secrets)  # the network is back
    result = publish(tour, fresh, outbox, policy=FAST)
    assert result.steps_run == ("media:4", "poster", "row")
    assert supabase_stack.storage.state.uploads == 5  # items 1-3 were not sent again
    assert len(supabase_stack.rows()[0]["media_urls"]) == 4


KILL_SCRIPT = """
import os, signal, sys
from vidstudio.jobs.outbox import PublishOutbox, PublishRequest
from vidstudio.jobs.publish import clients_from_settings, publish

request = PublishRequest.from_json(open(sys.argv[1], encoding="utf-8").read())

def progress(p):
    if p.step == "media:4":  # items 1-3 are up and committed: die before the 4th
        os.kill(os.getpid(), signal.SIGKILL)

publish(request, clients_from_settings(), PublishOutbox(), progress)
print("not killed")
"""


def test_killed_after_item_3_resumes_at_item_4(
    publish_settings: PublishSettings,
    secrets: Secrets,
    clients: CloudClients,
    tour: PublishRequest,
    tmp_path: Path,
    s3_server,
    supabase_stack,
) -> None:
    import signal

    from helpers.publish import BUCKET

    data_dir = tmp_path / "app-data"
    request_file = tmp_path / "request.json"
    request_file.write_text(tour.to_json(), encoding="utf-8")
    script = tmp_path / "publish_and_die.py"
    script.write_text(KILL_SCRIPT, encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, str(script), str(request_file)],
        env=env_for_subprocess(publish_settings, secrets, data_dir),
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO,
    )
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    store = PublishOutbox(data_dir / "vidstudio.db")
    entry = store.get(tour.render_id)
    assert entry is not None and entry.state == "uploading" and entry.step == "media:4"
    assert supabase_stack.storage.state.uploads == 3 and supabase_stack.rows() == []
    head = s3_server.client().head_object(Bucket=BUCKET, Key=entry.results["s3_key"])

    result = publish(tour, clients, store, policy=FAST)
    assert result.steps_run == ("media:4", "poster", "row")
    assert supabase_stack.storage.state.uploads == 5
    again = s3_server.client().head_object(Bucket=BUCKET, Key=entry.results["s3_key"])
    assert again["ETag"] == head["ETag"] and again["LastModified"] == head["LastModified"]
    assert len(supabase_stack.rows()) == 1


def test_a_media_file_gone_before_publishing_is_named_and_waits(
    clients: CloudClients, outbox: PublishOutbox, tour: PublishRequest, supabase_stack
) -> None:
    clip = Path(tour.items[2].path)
    moved = clip.rename(clip.with_name("elsewhere.mp4"))
    with pytest.raises(PublishError) as info:
        publish(tour, clients, outbox, policy=FAST)
    assert info.value.message == "The clip garden walk.mp4 is no longer on this computer. Render it again."
    assert info.value.kind == "file_missing"
    entry = outbox.get(tour.render_id)
    assert entry is not None and entry.state == "failed" and entry.step == "media:3"
    assert supabase_stack.storage.state.uploads == 2 and supabase_stack.rows() == []
    moved.rename(clip)  # put back: publishing goes on from the clip
    assert publish(tour, clients, outbox, policy=FAST).steps_run == ("media:3", "media:4", "poster", "row")
    assert supabase_stack.storage.state.uploads == 5


# --------------------------------------------------------------------------- the migration


def columns(supabase_stack) -> dict[str, str]:  # type: ignore[no-untyped-def]
    rows = supabase_stack.postgres.query_json(
        "select column_name, data_type from information_schema.columns "
        "where table_schema = 'public' and table_name = 'generated_videos'"
    )
    return {r["column_name"]: r["data_type"] for r in rows}


def policies(supabase_stack) -> list[dict[str, object]]:  # type: ignore[no-untyped-def]
    return supabase_stack.postgres.query_json(
        "select policyname, cmd, roles::text as roles, qual, with_check from pg_policies "
        "where tablename = 'generated_videos' order by policyname"
    )


def test_the_migration_runs_twice_and_leaves_row_level_security_as_it_was(
    publish_settings: PublishSettings,
    secrets: Secrets,
    clients: CloudClients,
    outbox: PublishOutbox,
    tour: PublishRequest,
    supabase_stack,
) -> None:
    before = (columns(supabase_stack), policies(supabase_stack))
    assert {name: before[0][name] for name in NEW_COLUMNS} == NEW_COLUMNS
    assert before[0]["duration_seconds"] == "double precision"  # the first migration's, untouched
    assert [p["policyname"] for p in before[1]] == ["service_role inserts", "service_role reads"]
    for _ in range(2):  # the stack ran it once at start; twice more changes nothing
        supabase_stack.postgres.psql(MIGRATION.read_text(encoding="utf-8"))
    assert (columns(supabase_stack), policies(supabase_stack)) == before
    rls = supabase_stack.postgres.query(
        "select relrowsecurity from pg_class where oid = 'public.generated_videos'::regclass"
    )
    assert rls == [["t"]]

    # The anon key is refused as before; the service key inserts the tour's row.
    sb = publish_settings.supabase
    anon = SupabaseStore(
        make_supabase_client(sb, replace(secrets, supabase_key=supabase_stack.anon_key), timeout=10),
        sb.url,
        sb.bucket,
        sb.table,
    )
    try:
        with pytest.raises(PublishError) as info:
            anon.insert_row({"render_id": "anon-try", "title": "x", "media_urls": ["u"], "has_audio": True})
        assert info.value.kind == "rls"
    finally:
        anon.close()
    publish(tour, clients, outbox, policy=FAST)
    [row] = supabase_stack.rows()
    assert row["render_id"] == tour.render_id and len(row["media_urls"]) == 4
    # media_urls is always a JSON array.
    with pytest.raises(Exception, match="generated_videos_media_urls_is_array"):
        supabase_stack.postgres.psql("update public.generated_videos set media_urls = '{\"a\": 1}'::jsonb;")


def _until(check, seconds: float = 15.0) -> None:  # type: ignore[no-untyped-def]
    """PostgREST reloads its schema cache a moment after NOTIFY: wait for ``check`` to pass."""
    import time

    deadline = time.monotonic() + seconds
    while True:
        try:
            check()
            return
        except Exception:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def test_a_table_without_the_new_columns_says_so_and_the_row_waits_for_the_migration(
    publish_settings: PublishSettings,
    secrets: Secrets,
    clients: CloudClients,
    outbox: PublishOutbox,
    tour: PublishRequest,
    supabase_stack,
) -> None:
    """A project that ran only the first migration: the row step names the table and the fix;
    once the new migration has run, publishing goes on from the row."""
    old = "videos_before_tours"
    first = (MIGRATION.parent / "20261128000000_generated_videos.sql").read_text(encoding="utf-8")
    pg = supabase_stack.postgres
    pg.psql(first.replace("generated_videos", old) + "\nnotify pgrst, 'reload schema';")
    try:
        settings = replace(publish_settings, supabase=replace(publish_settings.supabase, table=old))
        made = build_clients(settings, secrets)
        missing = f"The table {old} in Supabase is missing columns. Run the SQL in supabase/migrations."

        def connection_test_names_the_missing_columns() -> None:  # once PostgREST knows the table
            with pytest.raises(PublishError) as checked:
                made.supabase.check_table()
            assert checked.value.message == missing

        _until(connection_test_names_the_missing_columns)
        with pytest.raises(PublishError) as info:
            publish(tour, made, outbox, policy=FAST)
        assert info.value.message == missing
        entry = outbox.get(tour.render_id)
        assert entry is not None and entry.state == "failed" and entry.step == "row"

        pg.psql(MIGRATION.read_text(encoding="utf-8").replace("generated_videos", old))
        pg.psql("notify pgrst, 'reload schema';")
        _until(made.supabase.check_table)  # what Test connection runs: it knows every column now
        assert publish(tour, made, outbox, policy=FAST).steps_run == ("row",)
        [row] = pg.query_json(f"select * from public.{old}")
        assert len(row["media_urls"]) == 4 and row["has_audio"] is True
    finally:
        pg.psql(f"drop table if exists public.{old}; notify pgrst, 'reload schema';")


# --------------------------------------------------------------------------- from the command line


def test_render_of_a_tour_with_music_then_publish_gives_one_row_with_every_item(
    publish_settings: PublishSettings,
    secrets: Secrets,
    clean_services: None,
    tmp_path: Path,
    supabase_stack,
) -> None:
    """``vidstudio render MEDIA... --music --duration --publish``: the renderer's own tour,
    published with its media in order, the sound read from the MP4 and the track's name."""
    from helpers.sound import make_track

    media = make_tour(tmp_path / "media")
    song = make_track(tmp_path / "Sunny Day.wav", 6.0, kind="music-like")
    out = tmp_path / "tour.mp4"
    args = ["render", *map(str, media), "--title", "Nismara Pool Villa", "--music", str(song)]
    args += ["--duration", "5", "--quality", "draft", "-o", str(out), "--publish", "--quiet"]
    result = subprocess.run(
        [sys.executable, "-m", "vidstudio.cli", *args],
        env=env_for_subprocess(publish_settings, secrets, tmp_path / "data"),
        capture_output=True,
        text=True,
        timeout=400,
        cwd=REPO,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, result.stderr
    [row] = supabase_stack.rows()
    assert len(row["media_urls"]) == 4 and row["image_url"] == row["media_urls"][0]
    assert (row["has_audio"], row["music_name"], row["template"]) == (True, "Sunny Day", "tour")
    assert row["duration_seconds"] == pytest.approx(5.0, abs=0.1)
    for url, local in zip(row["media_urls"], media, strict=True):
        data, _type = fetch(url)
        assert data[:3] == b"\xff\xd8\xff" if local.suffix == ".mp4" else data == local.read_bytes()
