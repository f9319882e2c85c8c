"""The render pipeline: a real MP4 checked with PyAV, and every way a render can fail."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import av
import numpy as np
import pytest
from PySide6.QtCore import QSize

from helpers.props import villa_props
from vidstudio.render import encode_worker
from vidstudio.render.encode_worker import FRAMES_PREFIX
from vidstudio.render.errors import Cancelled, OutputError, RenderError
from vidstudio.render.paint import render_frame_image
from vidstudio.render.pipeline import CancelToken, Progress, render_still, render_video
from vidstudio.render.props import Props
from vidstudio.render.template import get_template

SMALL = QSize(320, 180)


@pytest.fixture(autouse=True)
def _app(qapp: object) -> None:
    """Fonts need a Qt application."""


@pytest.fixture
def props(coffee: Path) -> Props:
    return villa_props(coffee)


def top_level_atoms(path: Path) -> list[str]:
    atoms: list[str] = []
    with path.open("rb") as handle:
        while header := handle.read(8):
            size = int.from_bytes(header[:4], "big")
            kind = header[4:8].decode("latin-1")
            if size == 1:
                size = int.from_bytes(handle.read(8), "big")
                handle.seek(size - 16, os.SEEK_CUR)
            else:
                handle.seek(size - 8, os.SEEK_CUR)
            atoms.append(kind)
    return atoms


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".part" in p.name)


FRAMES_FOLDERS = (Path(tempfile.gettempdir()), Path("/dev/shm"))


def frames_files() -> set[Path]:
    """Every shared-frames file, wherever a render of any version may have made it."""
    return {p for folder in FRAMES_FOLDERS if folder.is_dir() for p in folder.glob(FRAMES_PREFIX + "*")}


def _mapped_by_a_live_process(path: Path) -> bool:
    if sys.platform != "linux":
        return False
    for maps in Path("/proc").glob("[0-9]*/maps"):
        with contextlib.suppress(OSError):
            if str(path) in maps.read_text():
                return True
    return False


def frames_files_left(before: set[Path], *pids: int) -> list[str]:
    """Frames files made since ``before`` by ``pids`` (or by a version that named no pid).

    Other vidstudio processes on this machine (another test run) make files of
    their own while this test runs: those carry their pid, or a live render still
    maps them, and are not counted.
    """
    left = []
    for path in frames_files() - before:
        owner = path.name[len(FRAMES_PREFIX) :].split("-", 1)[0]
        if owner.isdigit() and int(owner) not in pids:
            continue
        if not owner.isdigit() and _mapped_by_a_live_process(path):
            continue
        left.append(str(path))
    return sorted(left)


def encoder_children() -> list[str]:
    import psutil

    return [
        " ".join(child.cmdline())
        for child in psutil.Process().children(recursive=True)
        if "encode_worker" in " ".join(child.cmdline()) or "--encode-worker" in child.cmdline()
    ]


@pytest.mark.slow
def test_full_render_is_a_valid_1080p_h264_video(tmp_path: Path, props: Props) -> None:
    out = tmp_path / "promo.mp4"
    seen: list[Progress] = []
    result = render_video(get_template("promo"), props, out, quality="standard", progress=seen.append)
    assert result.path == out and out.exists()
    assert (result.frames, result.width, result.height, result.fps) == (300, 1920, 1080, 30)
    assert result.duration == pytest.approx(10.0)
    assert result.size_bytes == out.stat().st_size > 100_000
    atoms = top_level_atoms(out)
    assert atoms.index("moov") < atoms.index("mdat"), f"not faststart: {atoms}"
    with av.open(str(out)) as container:
        stream = container.streams.video[0]
        ctx = stream.codec_context
        assert ctx.name == "h264"
        assert ctx.pix_fmt == "yuv420p"
        assert (ctx.width, ctx.height) == (1920, 1080)
        assert stream.average_rate == 30
        assert ctx.color_primaries == 1 and ctx.color_trc == 1 and ctx.colorspace == 1
        frames = list(container.decode(stream))
    assert len(frames) == 300
    assert [round(f.time * 30) for f in frames] == list(range(300))  # constant frame rate
    # Frame 150 of the video is the painted frame 150 (after H.264).
    decoded = frames[150].to_ndarray(format="rgb24").astype(np.int16)
    painted = render_frame_image(get_template("promo"), props, 150, QSize(1920, 1080))
    from test_paint import pixels

    expected = pixels(painted)[:, :, ::-1]  # BGR -> RGB
    assert np.abs(decoded - expected).mean() < 4.0
    stages = [p.stage for p in seen]
    assert stages[0] == "preparing" and stages[-1] == "done" and "finishing" in stages
    done = [p.done for p in seen]
    assert done == sorted(done) and done[-1] == 300
    assert any(p.thumbnail is not None for p in seen)
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("aspect", ["9:16", "1:1", "4:5"])
def test_other_aspects_have_their_canvas_size(
    tmp_path: Path, props: Props, aspect: str, short_templates: Path
) -> None:
    # The one-second gallery (30 frames) at its full default size: the canvas is what is checked
    # (test_full_render_is_a_valid_1080p_h264_video renders all 300 frames of a template).
    template = get_template("gallery", short_templates)
    out = tmp_path / "v.mp4"
    render_video(template, props, out, aspect=aspect, quality="draft")
    with av.open(str(out)) as container:
        ctx = container.streams.video[0].codec_context
        expected = {"9:16": (1080, 1920), "1:1": (1080, 1080), "4:5": (1080, 1350)}[aspect]
        assert (ctx.width, ctx.height) == expected
        assert container.streams.video[0].frames == template.frame_count == 30


def test_cancel_stops_quickly_and_leaves_nothing(tmp_path: Path, props: Props) -> None:
    out = tmp_path / "cancelled.mp4"
    token = CancelToken()
    cancelled_at: list[float] = []

    def progress(p: Progress) -> None:
        if p.done >= 30 and not token.cancelled:
            token.cancel()
            cancelled_at.append(time.perf_counter())

    with pytest.raises(Cancelled):
        render_video(get_template("promo"), props, out, size=SMALL, progress=progress, cancel=token)
    stopped = time.perf_counter() - cancelled_at[0]
    print(f"cancel honoured after {stopped * 1000:.0f} ms")
    assert not out.exists()
    assert leftovers(tmp_path) == []
    assert encoder_children() == []


def test_a_failed_render_never_replaces_a_good_file(tmp_path: Path, props: Props) -> None:
    out = tmp_path / "keep.mp4"
    out.write_bytes(b"the good video")
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        render_video(get_template("promo"), props, out, size=SMALL, cancel=token)
    assert out.read_bytes() == b"the good video"
    assert leftovers(tmp_path) == []


def test_missing_output_folder(tmp_path: Path, props: Props) -> None:
    with pytest.raises(OutputError, match=r"^The folder .*nowhere does not exist\.$"):
        render_video(get_template("promo"), props, tmp_path / "nowhere" / "v.mp4", size=SMALL)


def test_output_path_is_a_folder(tmp_path: Path, props: Props) -> None:
    with pytest.raises(OutputError, match="is a folder"):
        render_video(get_template("promo"), props, tmp_path, size=SMALL)


@pytest.fixture
def tiny_disk(tmp_path: Path) -> object:
    mount = tmp_path / "tiny"
    mount.mkdir()
    if sys.platform != "linux" or os.geteuid() != 0:
        pytest.skip("mounting a tiny tmpfs needs root on Linux")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(mount)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount tmpfs: {done.stderr.decode().strip()}")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)


def test_disk_full_is_a_plain_message_and_leaves_nothing(tiny_disk: Path, props: Props) -> None:
    out = tiny_disk / "full.mp4"
    with pytest.raises(OutputError, match=r"^The disk is full: cannot write full\.mp4\. Free some space"):
        render_video(get_template("promo"), props, out, size=QSize(640, 360), quality="high")
    assert list(tiny_disk.iterdir()) == []


def test_the_encoder_dying_is_reported_and_cleaned_up(tmp_path: Path, props: Props) -> None:
    import psutil

    out = tmp_path / "v.mp4"
    killed: list[int] = []
    before = frames_files()

    def progress(p: Progress) -> None:
        if p.done >= 20 and not killed:
            for child in psutil.Process().children(recursive=True):
                try:
                    command = " ".join(child.cmdline())
                except psutil.Error:
                    continue  # a short-lived child that is already gone (seen under Wine)
                if "encode_worker" in command:
                    child.kill()
                    killed.append(child.pid)

    with pytest.raises(RenderError, match="video encoder stopped unexpectedly"):
        render_video(get_template("promo"), props, out, size=SMALL, progress=progress)
    assert killed
    assert not out.exists()
    assert leftovers(tmp_path) == []
    assert frames_files_left(before, os.getpid()) == []


def test_killing_the_app_mid_render_leaves_no_file_and_no_process(tmp_path: Path, coffee: Path) -> None:
    """Kill the rendering process (SIGKILL, TerminateProcess): its encoder child notices,
    deletes the partial file and exits, and no shared-frames file is left anywhere."""
    import psutil

    out = tmp_path / "v.mp4"
    before = frames_files()
    script = textwrap.dedent(
        f"""
        import os, sys
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from pathlib import Path
        from PySide6.QtGui import QGuiApplication
        app = QGuiApplication([])
        from vidstudio.render.props import Props
        from vidstudio.render.pipeline import render_video
        from vidstudio.render.template import get_template
        import time
        from PySide6.QtCore import QSize
        said = []
        def progress(p):
            if p.done >= 100 and not said:  # x264 writes its first packets after its lookahead
                said.append(1)
                print("rendering", flush=True)
                time.sleep(120)  # mid-render until killed, however fast this machine renders
        render_video(get_template("promo"), Props("T", photo=Path({str(coffee)!r})), Path({str(out)!r}),
                     quality="high", progress=progress, size=QSize(320, 180))
        """
    )
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "rendering"
        children = psutil.Process(proc.pid).children(recursive=True)
        assert leftovers(tmp_path), "the render should be writing its temp file"
        proc.kill()
        proc.wait(10)
        _gone, alive = psutil.wait_procs(children, timeout=10)
        assert alive == []
    finally:
        proc.kill()  # no-op when it is gone; os.kill(SIGKILL) does not exist on Windows
        proc.wait(10)
        if proc.stdout is not None:
            proc.stdout.close()
    assert not out.exists()
    assert leftovers(tmp_path) == []
    assert frames_files_left(before, proc.pid) == []


def test_the_encoder_child_deletes_the_frames_file_when_the_app_is_gone(tmp_path: Path) -> None:
    """The app was killed (its end of the pipe closes): the child removes the frames file itself."""
    frames = tmp_path / f"{FRAMES_PREFIX}1-test"
    frames.write_bytes(bytes(64 * 64 * 4 * 2))
    params = encode_worker.EncodeParams(
        temp_path=str(tmp_path / ".v.part.mp4"),
        width=64,
        height=64,
        fps=30,
        quality="draft",
        frames_path=str(frames),
        slots=2,
    )
    proc = subprocess.Popen(
        [sys.executable, "-m", "vidstudio.render.encode_worker", params.to_arg()],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdin is not None and proc.stdout is not None
    assert proc.stdout.readline().strip() == '["ready"]'
    proc.stdin.close()
    assert proc.wait(30) == 0
    proc.stdout.close()
    assert not frames.exists()
    assert list(tmp_path.iterdir()) == []


def test_stale_frames_files_are_swept_and_live_ones_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setattr(encode_worker, "frames_dirs", lambda: [str(tmp_path)])
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True)
    dead_pid = int(done.stdout)  # that process has exited
    stale = tmp_path / f"{FRAMES_PREFIX}{dead_pid}-abcd1234"
    legacy = tmp_path / f"{FRAMES_PREFIX}k2j4h5g6"  # an older version's name: no pid
    live = tmp_path / f"{FRAMES_PREFIX}{os.getpid()}-efgh5678"
    other = tmp_path / "something-else"
    for path in (stale, legacy, live, other):
        path.write_bytes(b"x" * 1024)
    old = time.time() - 3600
    os.utime(legacy, (old, old))
    with live.open("r+b"):  # in use, as the running render's mapping keeps it
        assert encode_worker.sweep_stale_frames() == 2
        assert sorted(p.name for p in tmp_path.iterdir()) == sorted([live.name, other.name])


def test_still_png_and_jpeg(tmp_path: Path, props: Props) -> None:
    from PySide6.QtGui import QImage

    template = get_template("promo")
    png = render_still(template, props, tmp_path / "poster.png")
    jpg = render_still(template, props, tmp_path / "poster.jpg", aspect="9:16", frame=10)
    assert QImage(str(png)).size() == QSize(1920, 1080)
    assert QImage(str(jpg)).size() == QSize(1080, 1920)
    assert jpg.read_bytes()[:3] == b"\xff\xd8\xff"
    assert leftovers(tmp_path) == []


def test_still_rejects_bad_frame_and_suffix(tmp_path: Path, props: Props) -> None:
    template = get_template("promo")
    with pytest.raises(RenderError, match=r"Frame 300 is outside the video \(0 to 299\)"):
        render_still(template, props, tmp_path / "p.png", frame=300)
    with pytest.raises(OutputError, match=r"must be a \.png, \.jpg or \.jpeg"):
        render_still(template, props, tmp_path / "p.gif")
