"""Refresh the translation files after UI strings changed.

    python scripts/update_translations.py

1. ``pyside6-lupdate`` collects every ``tr()``/``translate()`` string and every
   ``QT_TRANSLATE_NOOP("Message", ...)`` (:mod:`vidstudio.messages`) from the package
   into ``resources/translations/vidstudio_es.ts``
   (existing translations are kept; new strings are marked unfinished).
2. ``pyside6-lrelease`` compiles it to ``vidstudio_es.qm``, which the app loads.

Translate new strings in the .ts (Qt Linguist: ``pyside6-linguist``, or any
editor) and run this again.  Both files are committed.  The test
``tests/ui/test_translations.py`` fails while a visible string is untranslated.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
LANGUAGES = ("es",)


def tool(name: str) -> str:
    local = Path(sys.executable).parent / name
    found = str(local) if local.exists() else shutil.which(name)
    if not found:
        sys.exit(f"update_translations: {name} not found (it ships with PySide6-Essentials)")
    return found


def main() -> int:
    sources = sorted(
        str(p.relative_to(REPO))
        for folder in ("vidstudio", "vidstudio/ui", "vidstudio/jobs", "vidstudio/cloud", "vidstudio/render")
        for p in (REPO / folder).glob("*.py")
    )
    out = REPO / "resources" / "translations"
    out.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        ts = out / f"vidstudio_{language}.ts"
        subprocess.run(
            [
                tool("pyside6-lupdate"),
                *sources,
                "-no-obsolete",
                "-locations",
                "none",
                "-source-language",
                "en",
                "-target-language",
                language,
                "-ts",
                str(ts.relative_to(REPO)),
            ],
            cwd=REPO,
            check=True,
        )
        subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
