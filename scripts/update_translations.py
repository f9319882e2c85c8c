"""Refresh the translation files after UI strings changed.

    python scripts/update_translations.py

1. ``pyside6-lupdate`` collects every ``tr()``/``translate()`` string and every
   ``QT_TRANSLATE_NOOP("Message", ...)`` (:mod:`vidstudio.messages`) from the package
   into ``resources/translations/vidstudio_es.ts``
   (existing translations are kept; new strings are marked unfinished).
2. ``pyside6-lrelease`` compiles it to ``vidstudio_es.qm``, which the app loads.

Translate new strings in the .ts (Qt Linguist: ``pyside6-linguist``, or any
editor) and run this again, or give them as JSON (``{"English": "Español"}``)::

    python scripts/update_translations.py --apply es.json

which fills every unfinished message whose source is in the file.  Both files are committed.  The test
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


def apply_translations(ts: Path, table: dict[str, str]) -> int:
    """Fill the unfinished messages of ``ts`` whose source text is in ``table``; how many."""
    import xml.etree.ElementTree as ET

    tree = ET.parse(ts)
    filled = 0
    for msg in tree.getroot().iter("message"):
        source = msg.findtext("source")
        translation = msg.find("translation")
        if source is None or translation is None or source not in table:
            continue
        if translation.get("type") == "unfinished" or not (translation.text or "").strip():
            translation.text = table[source]
            translation.attrib.pop("type", None)
            filled += 1
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")
    return filled


def main() -> int:
    import argparse
    import json

    parser = argparse.ArgumentParser(description="Refresh (and optionally fill) the translation files.")
    parser.add_argument("--apply", type=Path, default=None, help="JSON {English: translation} to fill in")
    args = parser.parse_args()
    table: dict[str, str] = json.loads(args.apply.read_text(encoding="utf-8")) if args.apply else {}
    sources = sorted(
        str(p.relative_to(REPO))
        for folder in ("vidstudio", "vidstudio/ui", "vidstudio/jobs", "vidstudio/cloud", "vidstudio/render")
        for p in (REPO / folder).glob("*.py")
    )
    out = REPO / "resources" / "translations"
    out.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        ts = out / f"vidstudio_{language}.ts"
        lupdate = [
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
        ]
        subprocess.run(lupdate, cwd=REPO, check=True)
        if table:
            print(f"update_translations: filled {apply_translations(ts, table)} messages in {ts.name}")
            subprocess.run(lupdate, cwd=REPO, check=True)  # back to lupdate's own layout: small diffs
        subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
