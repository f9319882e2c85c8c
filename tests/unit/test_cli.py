"""The command line: exit codes, one plain line for bad input, no partial files."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

CLI = [sys.executable, "-m", "vidstudio.cli"]


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([*CLI, *args], capture_output=True, text=True, cwd=cwd, env=env, timeout=180)


def test_templates_lists_aspects_duration_and_fps() -> None:
    done = run("templates")
    assert done.returncode == 0
    assert "promo" in done.stdout and "gallery" in done.stdout
    assert "16:9, 9:16, 1:1, 4:5" in done.stdout and "30 fps (300 frames)" in done.stdout


def test_start_up_sweeps_frames_files_of_killed_renders(tmp_path: Path) -> None:
    """A render killed with its encoder child (power cut, "End task" on both) left 33 MB behind."""
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True)
    stale = tmp_path / f"vidstudio-frames-{int(done.stdout)}-abcd1234"  # that process has exited
    stale.write_bytes(b"x" * 4096)
    temp = {"TMPDIR": str(tmp_path), "TEMP": str(tmp_path), "TMP": str(tmp_path)}
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", **temp)
    result = subprocess.run([*CLI, "templates"], capture_output=True, text=True, env=env, timeout=180)
    assert result.returncode == 0, result.stderr
    assert not stale.exists()


def test_version() -> None:
    done = run("--version")
    assert done.returncode == 0 and done.stdout.startswith("vidstudio ")


def test_render_draft_with_progress_on_stderr(tmp_path: Path, coffee: Path) -> None:
    out = tmp_path / "v.mp4"
    done = run(
        "render",
        str(coffee),
        "--title",
        "Nismara Pool Villa",
        "--subtitle",
        "Bali",
        "--quality",
        "draft",
        "-o",
        str(out),
    )
    assert done.returncode == 0, done.stderr
    assert out.exists() and out.stat().st_size > 10_000
    assert "300/300 frames" in done.stderr and "ETA" in done.stderr
    assert str(out) in done.stdout


def test_still_writes_the_poster(tmp_path: Path, coffee: Path) -> None:
    out = tmp_path / "poster.jpg"
    done = run(
        "still",
        str(coffee),
        "--title",
        "Villa",
        "--frame",
        "200",
        "--aspect",
        "4:5",
        "-o",
        str(out),
    )
    assert done.returncode == 0, done.stderr
    assert out.read_bytes()[:3] == b"\xff\xd8\xff"


def _bad_cases(tmp: Path, coffee: Path) -> dict[str, tuple[list[str], str]]:
    existing = tmp / "existing.mp4"
    existing.write_bytes(b"keep me")
    broken = tmp / "broken photo.jpg"
    broken.write_bytes(b"\xff\xd8\xff\xe0 not really")
    return {
        "missing photo": (
            ["render", str(tmp / "gone.jpg"), "--title", "T", "-o", str(tmp / "o.mp4")],
            "The image gone.jpg was not found.",
        ),
        "broken photo": (
            ["render", str(broken), "--title", "T", "-o", str(tmp / "o.mp4")],
            "The image broken photo.jpg is damaged or incomplete.",
        ),
        "folder as photo": (
            ["still", str(tmp), "--title", "T", "-o", str(tmp / "o.png")],
            "is a folder, not an image.",
        ),
        "empty title": (
            ["render", str(coffee), "--title", " ", "-o", str(tmp / "o.mp4")],
            "The title is empty; type a title.",
        ),
        "unknown template": (
            [
                "render",
                str(coffee),
                "--title",
                "T",
                "--template",
                "fancy",
                "-o",
                str(tmp / "o.mp4"),
            ],
            "Unknown template 'fancy'",
        ),
        "bad aspect": (
            ["render", str(coffee), "--title", "T", "--aspect", "3:2", "-o", str(tmp / "o.mp4")],
            "invalid choice: '3:2'",
        ),
        "existing output": (
            ["render", str(coffee), "--title", "T", "-o", str(existing)],
            "already exists; add --force to replace it.",
        ),
        "wrong suffix": (
            ["render", str(coffee), "--title", "T", "-o", str(tmp / "o.avi")],
            "o.avi: the output must end in .mp4.",
        ),
        "missing folder": (
            ["render", str(coffee), "--title", "T", "-o", str(tmp / "no" / "o.mp4")],
            "does not exist.",
        ),
        "bad frame": (
            ["still", str(coffee), "--title", "T", "--frame", "999", "-o", str(tmp / "o.png")],
            "Frame 999 is outside the video (0 to 299).",
        ),
        "no title": (
            ["render", str(coffee), "-o", str(tmp / "o.mp4")],
            "the following arguments are required: --title",
        ),
    }


@pytest.mark.parametrize(
    "case",
    [
        "missing photo",
        "broken photo",
        "folder as photo",
        "empty title",
        "unknown template",
        "bad aspect",
        "existing output",
        "wrong suffix",
        "missing folder",
        "no title",
    ],
)
def test_bad_input_exits_2_with_one_plain_line(tmp_path: Path, coffee: Path, case: str) -> None:
    args, expected = _bad_cases(tmp_path, coffee)[case]
    before = sorted(p.name for p in tmp_path.iterdir())
    done = run(*args)
    assert done.returncode == 2, (done.stdout, done.stderr)
    assert expected in done.stderr
    assert "Traceback" not in done.stderr
    message_lines = [line for line in done.stderr.splitlines() if line.startswith("vidstudio:")]
    assert len(message_lines) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == before, "no file may be written"
    if case == "existing output":
        assert (tmp_path / "existing.mp4").read_bytes() == b"keep me"


def test_bad_frame_exits_1(tmp_path: Path, coffee: Path) -> None:
    args, expected = _bad_cases(tmp_path, coffee)["bad frame"]
    done = run(*args)
    assert done.returncode == 1 and expected in done.stderr and "Traceback" not in done.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT delivery differs on Windows")
def test_ctrl_c_exits_130_and_leaves_no_file(tmp_path: Path, coffee: Path) -> None:
    out = tmp_path / "v.mp4"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    with subprocess.Popen(
        [*CLI, "render", str(coffee), "--title", "T", "--quality", "high", "-o", str(out)],
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    ) as proc:
        assert proc.stderr is not None
        for line in proc.stderr:
            if line.startswith("Rendering"):
                break
        time.sleep(0.3)
        proc.send_signal(signal.SIGINT)
        stderr = proc.stderr.read()
        assert proc.wait(30) == 130
    assert "cancelled; no file was written" in stderr and "Traceback" not in stderr
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir()] == []


def test_render_on_lambda_that_is_not_set_up_is_one_plain_line_and_no_file(
    tmp_path: Path, coffee: Path
) -> None:
    """``--on`` goes through the app's backend factory: Lambda without its settings is refused
    before anything renders (exit 2: the settings, not the world, are what is wrong)."""
    out = tmp_path / "v.mp4"
    done = run("render", str(coffee), "--title", "Villa", "--on", "lambda", "-o", str(out))
    assert done.returncode == 2, done.stderr
    assert done.stderr.strip().splitlines() == [
        "vidstudio: Rendering on AWS Lambda is not set up: fill in the function, region and site URL "
        "in Settings → Rendering."
    ]
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_render_on_something_unknown_is_refused_by_the_parser(tmp_path: Path, coffee: Path) -> None:
    done = run("render", str(coffee), "--title", "Villa", "--on", "moon", "-o", str(tmp_path / "v.mp4"))
    assert done.returncode == 2 and "invalid choice: 'moon'" in done.stderr and "Traceback" not in done.stderr
