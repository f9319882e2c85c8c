"""Run the test suite as the Windows lane and the Windows release workflow run it.

    python scripts/windows/run_tests.py tests/unit      # one folder
    python scripts/windows/run_tests.py                 # tests/unit, then tests/ui

One place for the marker expression and the deselections, so the lane under Wine
(``./dev.sh test-windows``) and ``.github/workflows/windows-release.yml`` run the same
tests.  Skipped on Windows, as they need what a Windows runner does not have: the
local cloud services, the Lambda endpoint, Remotion (Node and Chromium), and the
frozen-build tests (the workflow and the lane build and smoke-test the bundle as
steps of their own).  ``tests/unit/test_lint.py`` (ruff and mypy, which run in the
Linux suite) is deselected while it exists, and ``tests/unit/test_storage_errors.py``
where ``../shared/reference`` (the recorded Storage answers it replays) is missing, as
on GitHub's runners: the Linux suite and the lane have it and run it.

Each folder runs in its own pytest process.  Exit status: 0 when every folder
passed; pytest's own non-zero status otherwise; 1 when a folder collected no test
(pytest's exit 5 is a failure here).
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
FOLDERS = ("tests/unit", "tests/ui")
# The marker "lambda" is being renamed "aws_lambda": pytest refuses an unregistered
# marker in -m under --strict-markers, so only the registered one is named.
SKIPPED_MARKERS = ("services", "aws_lambda", "lambda", "remotion", "frozen")
DESELECT = ("tests/unit/test_lint.py",)
NEEDS_SHARED_REFERENCE = ("tests/unit/test_storage_errors.py",)


def marker_expression() -> str:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    registered = {line.split(":")[0].strip() for line in config["tool"]["pytest"]["ini_options"]["markers"]}
    return " and ".join(f"not {name}" for name in SKIPPED_MARKERS if name in registered)


def pytest_args(folder: str) -> list[str]:
    args = [folder, "-m", marker_expression(), "-p", "no:cacheprovider", "-rfEs"]
    deselect = [p for p in DESELECT if (REPO / p).exists()]
    if not (REPO.parent / "shared" / "reference").is_dir():
        deselect += [p for p in NEEDS_SHARED_REFERENCE if (REPO / p).exists()]
    for path in deselect:
        if path.startswith(folder.rstrip("/") + "/"):
            args += ["--deselect", path]
    return args


def main(argv: list[str]) -> int:
    status = 0
    for folder in argv or FOLDERS:
        code = subprocess.call([sys.executable, "-m", "pytest", *pytest_args(folder)], cwd=REPO)
        if code == 5:
            print(f"run_tests: {folder} collected no test; that is a failure", file=sys.stderr)
            code = 1
        status = status or code
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
