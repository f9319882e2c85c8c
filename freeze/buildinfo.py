"""Build-time facts for the frozen app, all derived from ``pyproject.toml``.

Used by ``build.spec``, ``scripts/build_installer.py`` and the release
workflow, so the version shown by ``vidstudio --version``, the Windows file
properties and the installer can never disagree.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PRODUCT = "vidstudio"
PUBLISHER = "vidstudio"
DESCRIPTION_GUI = "vidstudio"
DESCRIPTION_CLI = "vidstudio command line"


def project_version(pyproject: Path = REPO / "pyproject.toml") -> str:
    """``[project] version`` from pyproject (the one source of the version)."""
    with pyproject.open("rb") as handle:
        data = tomllib.load(handle)
    version = data["project"]["version"]
    if not isinstance(version, str) or not re.match(r"^\d+(\.\d+)*", version):
        raise ValueError(f"pyproject.toml: unusable project version {version!r}")
    return version


def version_quad(version: str) -> tuple[int, int, int, int]:
    """Windows wants four 16-bit numbers: ``1.2.3rc1`` becomes (1, 2, 3, 0)."""
    match = re.match(r"^(\d+(?:\.\d+)*)", version)
    if match is None:
        raise ValueError(f"not a version: {version!r}")
    numbers = [int(part) for part in match.group(1).split(".")][:4]
    numbers += [0] * (4 - len(numbers))
    if any(n > 0xFFFF for n in numbers):
        raise ValueError(f"{version!r}: Windows version parts must be below 65536")
    return numbers[0], numbers[1], numbers[2], numbers[3]


def write_version_file(target: Path, version: str) -> Path:
    """The ``resources/VERSION`` copy that a frozen build reads (no package metadata there)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(version + "\n", encoding="utf-8")
    return target


def windows_version_info(version: str, exe_name: str, description: str) -> str:
    """A PyInstaller version-resource file (the text form ``EXE(version=...)`` loads)."""
    quad = version_quad(version)
    return f"""# Generated from pyproject.toml by freeze/buildinfo.py; do not edit.
VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={quad},
    prodvers={quad},
    mask=0x3f,
    flags=0x0,
    OS=0x40004,
    fileType=0x1,
    subtype=0x0,
    date=(0, 0)
  ),
  kids=[
    StringFileInfo([
      StringTable('040904B0', [
        StringStruct('CompanyName', {PUBLISHER!r}),
        StringStruct('FileDescription', {description!r}),
        StringStruct('FileVersion', {version!r}),
        StringStruct('InternalName', {exe_name!r}),
        StringStruct('LegalCopyright', {PUBLISHER!r}),
        StringStruct('OriginalFilename', {exe_name + ".exe"!r}),
        StringStruct('ProductName', {PRODUCT!r}),
        StringStruct('ProductVersion', {version!r})
      ])
    ]),
    VarFileInfo([VarStruct('Translation', [0x0409, 1200])])
  ]
)
"""
