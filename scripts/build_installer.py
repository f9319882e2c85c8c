"""Compile the Windows installer (installer/vidstudio.nsi) around a PyInstaller bundle.

    python scripts/build_installer.py --dist dist/vidstudio     # -> dist/vidstudio-X.Y.Z-setup.exe
    python scripts/build_installer.py --dist ... --compression none   # quick check

The version comes from pyproject.toml, like everything else of the build.
``makensis`` is NSIS 3 with its amd64-unicode stubs (the installer is 64-bit):
Debian's or Ubuntu's ``nsis`` package, as in CI and in the release workflow.
NSIS's own Windows download has only x86 stubs; a Windows build of NSIS that has
them is found on PATH or in its usual install folders.
Prints the installer's path; exit 0 on success, 1 when makensis failed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "freeze"))
import buildinfo  # noqa: E402

SCRIPT = REPO / "installer" / "vidstudio.nsi"
ICON = REPO / "resources" / "icons" / "vidstudio.ico"


def find_makensis() -> str:
    found = shutil.which("makensis")
    if found:
        return found
    if sys.platform == "win32":
        for base in (os.environ.get("PROGRAMFILES(X86)"), os.environ.get("PROGRAMFILES")):
            if base and (Path(base) / "NSIS" / "makensis.exe").is_file():
                return str(Path(base) / "NSIS" / "makensis.exe")
    raise SystemExit("makensis (NSIS 3 with amd64 stubs) not found: apt-get install nsis")


def installer_name(version: str) -> str:
    return f"vidstudio-{version}-setup.exe"


def makensis_command(dist: Path, out_file: Path, compression: str, version: str) -> list[str]:
    quad = ".".join(str(n) for n in buildinfo.version_quad(version))
    # makensis takes "-" options everywhere ("/" ones only on Windows).
    return [
        find_makensis(),
        "-V2",
        "-WX",  # warnings are errors: a sloppy script fails here, not on a user's PC
        f"-DVERSION={version}",
        f"-DVERSION_QUAD={quad}",
        f"-DDIST_DIR={dist.resolve()}",
        f"-DOUT_FILE={out_file.resolve()}",
        f"-DICON={ICON}",
        f"-DCOMPRESSION={compression}",
        str(SCRIPT),
    ]


def build_installer(dist: Path, out_dir: Path, compression: str = "lzma") -> Path:
    """Compile the installer; returns its path (raises CalledProcessError on failure)."""
    for exe in ("vidstudio", "vidstudio-cli"):
        if not any((dist / name).is_file() for name in (exe, exe + ".exe")):
            raise FileNotFoundError(f"{dist} has no {exe} executable: build with PyInstaller first")
    version = buildinfo.project_version()
    out_dir.mkdir(parents=True, exist_ok=True)
    out_file = out_dir / installer_name(version)
    subprocess.run(makensis_command(dist, out_file, compression, version), check=True)
    return out_file


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--dist", type=Path, required=True, help="the bundle folder (dist/vidstudio)")
    parser.add_argument("--out", type=Path, default=None, help="output folder (default: next to --dist)")
    parser.add_argument("--compression", choices=["lzma", "zlib", "none"], default="lzma")
    args = parser.parse_args(argv)
    try:
        path = build_installer(args.dist, args.out or args.dist.resolve().parent, args.compression)
    except (subprocess.CalledProcessError, FileNotFoundError) as exc:
        print(f"build_installer: {exc}", file=sys.stderr)
        return 1
    print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
