"""Make the bundled Noto Sans CJK collections from Debian's (docs/fonts.md says why and what).

    python -m venv /tmp/ft && /tmp/ft/bin/pip install fonttools
    apt-get download fonts-noto-cjk && dpkg-deb -x fonts-noto-cjk_*.deb /tmp/noto
    /tmp/ft/bin/python scripts/make_cjk_fonts.py /tmp/noto/usr/share/fonts/opentype/noto

Writes ``resources/fonts/NotoSansCJK-{Regular,Bold}.ttc`` (about 13 minutes a weight on two
cores).  fontTools is needed only here, never by vidstudio, so it is not a dependency.

What is kept:
- the faces vidstudio asks for: JP, KR, SC, TC (face 0 stays JP, which Chromium loads);
  the HK face and the five Mono faces are left out;
- every character of the original except the Han ideographs outside the national
  character sets a villa's name or place can be typed in: GB 2312 (mainland China),
  Big5 (Taiwan), JIS X 0208 and 0212 (Japan) and KS X 1001 (Korea) — 18,444 ideographs,
  with all of hiragana, katakana, hangul, Latin, punctuation and symbols;
- the layout features Qt and Chromium apply to horizontal text (ccmp, locl, kern, liga,
  calt, mark, mkmk, palt, halt, and the hangul jamo ones): ``locl`` keeps each region's own
  Han forms; vertical and "all alternates" features (which pull in thousands of glyphs
  nothing draws) go.
Every face keeps the same glyph set, so the collection still shares one CFF table.
A character left out is refused by ``fonts.missing_glyphs`` with its name, never drawn as
a box.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection

REPO = Path(__file__).resolve().parent.parent
FACES = 4  # JP, KR, SC, TC: the original's first four faces
CODECS = ("gb2312", "big5", "euc_jp", "euc_kr")
FEATURES = ["ccmp", "locl", "kern", "liga", "calt", "mark", "mkmk", "palt", "halt", "ljmo", "vjmo", "tjmo"]
HAN = ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00))


def is_han(code: int) -> bool:
    return code >= 0x20000 or any(low <= code < high for low, high in HAN)


def national_han() -> set[int]:
    kept: set[int] = set()
    for low, high in HAN:
        for code in range(low, high):
            for codec in CODECS:
                try:
                    chr(code).encode(codec)
                except UnicodeEncodeError:
                    continue
                kept.add(code)
                break
    return kept


def options() -> subset.Options:
    opts = subset.Options()
    opts.layout_features = FEATURES
    opts.name_IDs = ["*"]
    opts.name_languages = ["*"]
    opts.notdef_outline = True
    opts.glyph_names = False
    opts.hinting = True
    opts.legacy_kern = True
    opts.drop_tables = []
    opts.prune_unicode_ranges = False
    return opts


def make(source: Path, target: Path) -> None:
    started = time.perf_counter()
    han = national_han()
    fonts = TTCollection(str(source)).fonts[:FACES]
    unicodes = {code for font in fonts for code in font.getBestCmap() if not is_han(code) or code in han}
    glyphs: set[str] = set()
    for font in fonts:  # one glyph set for every face, so they keep sharing their outlines
        finder = subset.Subsetter(options())
        finder.populate(unicodes=unicodes)
        finder._prune_pre_subset(font)
        finder._closure_glyphs(font)
        glyphs |= set(finder.glyphs_retained)
    collection = TTCollection()
    for font in TTCollection(str(source)).fonts[:FACES]:
        cutter = subset.Subsetter(options())
        cutter.populate(glyphs=glyphs, unicodes=unicodes)
        cutter.subset(font)
        collection.fonts.append(font)
    partial = target.with_suffix(".part")
    collection.save(str(partial), shareTables=True)
    partial.replace(target)
    print(
        f"{target.name}: {len(glyphs)} glyphs, {source.stat().st_size:,} -> {target.stat().st_size:,} bytes"
        f" in {time.perf_counter() - started:.0f} s"
    )


def main() -> int:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/usr/share/fonts/opentype/noto")
    for weight in ("Regular", "Bold"):
        make(folder / f"NotoSansCJK-{weight}.ttc", REPO / "resources" / "fonts" / f"NotoSansCJK-{weight}.ttc")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
