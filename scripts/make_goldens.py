"""Regenerate the golden stills in tests/golden/ (after an intended visual change).

    .venv/bin/python scripts/make_goldens.py

Look at the new PNGs before you commit them.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from PySide6.QtGui import QGuiApplication

from helpers.golden import GOLDEN_DIR, cases, golden_path, render_case


def main() -> int:
    app = QGuiApplication([])
    GOLDEN_DIR.mkdir(exist_ok=True)
    for case in cases():
        path = golden_path(*case)
        render_case(*case).save(str(path), "PNG")
        print(path.relative_to(GOLDEN_DIR.parent.parent))
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
