"""Windows Job Objects (vidstudio/render/winjob.py): a child and its descendants die together."""

from __future__ import annotations

import contextlib
import subprocess
import sys
import textwrap

import pytest

from vidstudio.render import winjob

# The child starts a grandchild only when told to (so it is in the job by then),
# prints the grandchild's pid, and waits.
FAMILY = textwrap.dedent(
    """
    import subprocess, sys, time
    sys.stdin.readline()
    grandchild = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
    print(grandchild.pid, flush=True)
    time.sleep(120)
    """
)


def _start_family() -> tuple[subprocess.Popen[bytes], int]:
    proc = subprocess.Popen([sys.executable, "-c", FAMILY], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    assert proc.stdin is not None and proc.stdout is not None
    winjob.contain(proc)
    proc.stdin.write(b"go\n")
    proc.stdin.flush()
    return proc, int(proc.stdout.readline())


def _assert_gone(proc: subprocess.Popen[bytes], grandchild: int) -> None:
    import psutil

    assert proc.wait(10) is not None
    with contextlib.suppress(psutil.NoSuchProcess):
        psutil.Process(grandchild).wait(10)  # psutil.TimeoutExpired: it outlived the job
    assert not psutil.pid_exists(grandchild)


@pytest.mark.skipif(sys.platform != "win32", reason="Job Objects are Windows'")
def test_kill_ends_the_child_and_its_grandchild() -> None:
    proc, grandchild = _start_family()
    try:
        winjob.kill(proc)
        _assert_gone(proc, grandchild)
    finally:
        proc.kill()
        for stream in (proc.stdin, proc.stdout):
            if stream is not None:
                stream.close()


@pytest.mark.skipif(sys.platform != "win32", reason="Job Objects are Windows'")
def test_closing_the_last_handle_ends_the_whole_job() -> None:
    """What happens when the app itself dies: its handles close, and the kernel kills the job."""
    job = winjob.JobObject()
    proc = subprocess.Popen([sys.executable, "-c", FAMILY], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    assert proc.stdin is not None and proc.stdout is not None
    try:
        job.add(proc.pid)
        proc.stdin.write(b"go\n")
        proc.stdin.flush()
        grandchild = int(proc.stdout.readline())
        job.close(terminate=False)  # kill-on-close alone
        _assert_gone(proc, grandchild)
    finally:
        proc.kill()
        proc.stdin.close()
        proc.stdout.close()


def test_contain_and_kill_are_harmless_where_there_are_no_job_objects() -> None:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    winjob.contain(proc)
    assert proc.wait(10) == 0
    winjob.kill(proc)  # already gone: nothing to do, no error
    winjob.kill(proc)
