"""A tour with music plays in Chromium: the browser decodes its H.264 picture and its AAC sound."""

from __future__ import annotations

import functools
import http.server
import json
import re
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from helpers.sound import make_track
from vidstudio.render.pipeline import render_video
from vidstudio.render.props import Music, Props
from vidstudio.render.template import get_template

CHROMIUM = Path("/usr/bin/chromium")
PAGE = """<!doctype html><html><body>
<video id="v" src="tour.mp4" muted autoplay playsinline></video><pre id="out">pending</pre>
<script>
const v = document.getElementById("v"), out = document.getElementById("out");
v.addEventListener("error", () => { out.textContent = "error " + (v.error && v.error.code); });
v.addEventListener("loadedmetadata", () => v.play());
setTimeout(() => { out.textContent = JSON.stringify({duration: v.duration, width: v.videoWidth,
  height: v.videoHeight, audio: v.webkitAudioDecodedByteCount,
  video: v.webkitVideoDecodedByteCount}); }, 3000);
</script></body></html>"""


@pytest.fixture
def served(tmp_path: Path) -> Iterator[str]:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Quiet, directory=str(tmp_path))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def test_a_tour_with_music_plays_in_chromium_with_sound(
    qapp: object, tmp_path: Path, testdata: Path, served: str
) -> None:
    if not CHROMIUM.exists():
        pytest.fail("Chromium is missing: scripts/install-test-deps.sh installs it")
    song = make_track(tmp_path / "song.mp3", 8.0, kind="music-like")
    photos = [testdata / name for name in ("coffee.png", "chelsea.png", "astronaut.png")]
    props = Props("Villa Serena", media=photos, music=Music(song), duration=5)
    render_video(get_template("tour"), props, tmp_path / "tour.mp4", size=None, quality="draft")
    (tmp_path / "play.html").write_text(PAGE)
    done = subprocess.run(
        [
            str(CHROMIUM),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--autoplay-policy=no-user-gesture-required",
            "--virtual-time-budget=8000",
            "--dump-dom",
            f"{served}/play.html",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    found = re.search(r'<pre id="out">([^<]*)</pre>', done.stdout)
    assert found, done.stderr[-2000:]
    state = json.loads(found.group(1))
    assert state["duration"] == pytest.approx(5.0, abs=0.05)
    assert (state["width"], state["height"]) == (1920, 1080)
    assert state["video"] > 0
    assert state["audio"] > 0  # Chromium decoded the AAC track
