"""ruff (lint + format) and mypy pass on the whole tree: CI enforces what the style guide says."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, cwd=REPO, timeout=600)


def test_ruff_lint() -> None:
    done = _run(str(BIN / "ruff"), "check", "vidstudio", "tests", "bench", "scripts")
    assert done.returncode == 0, done.stdout + done.stderr


def test_ruff_format() -> None:
    done = _run(str(BIN / "ruff"), "format", "--check", "vidstudio", "tests", "bench", "scripts")
    assert done.returncode == 0, done.stdout + done.stderr


def test_mypy() -> None:
    done = _run(str(BIN / "mypy"))
    assert done.returncode == 0, done.stdout + done.stderr
