"""The Windows installer script compiles with makensis, and keeps its promises.

The frozen bundle is built by tests/frozen; here a staged folder of the same
shape stands in for it, so the script is checked in seconds.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from helpers.scripts import load_script

REPO = Path(__file__).resolve().parents[2]
build_installer = load_script("scripts/build_installer.py")
buildinfo = load_script("freeze/buildinfo.py")

NSI = (REPO / "installer" / "vidstudio.nsi").read_text(encoding="utf-8")


def _section(name: str) -> str:
    match = re.search(rf'^Section "{re.escape(name)}".*?^SectionEnd', NSI, re.MULTILINE | re.DOTALL)
    assert match, f"no section {name}"
    return match.group(0)


def _macro(name: str) -> str:
    match = re.search(rf"^!macro {name}\b.*?^!macroend", NSI, re.MULTILINE | re.DOTALL)
    assert match, f"no macro {name}"
    return match.group(0)


@pytest.fixture(scope="module")
def makensis() -> str:
    found = shutil.which("makensis")
    if found is None:
        pytest.fail("makensis is missing: scripts/test-deps/30-packaging.sh installs Debian's nsis")
    return found


def _stage(root: Path) -> Path:
    bundle = root / "vidstudio"
    (bundle / "_internal" / "resources").mkdir(parents=True)
    for exe in ("vidstudio.exe", "vidstudio-cli.exe"):
        (bundle / exe).write_bytes(b"MZ stand-in")
    (bundle / "_internal" / "resources" / "VERSION").write_text("0.1.0\n", encoding="utf-8")
    return bundle


def test_the_installer_compiles(makensis: str, tmp_path: Path) -> None:
    setup = build_installer.build_installer(_stage(tmp_path), tmp_path / "out", compression="none")
    assert setup.name == f"vidstudio-{buildinfo.project_version()}-setup.exe"
    head = setup.read_bytes()[:4096]
    assert head[:2] == b"MZ"
    pe = int.from_bytes(head[0x3C:0x40], "little")
    assert head[pe : pe + 4] == b"PE\0\0"
    assert int.from_bytes(head[pe + 4 : pe + 6], "little") == 0x8664, "a 64-bit (x86-64) installer"


def test_a_bundle_without_executables_is_refused(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no vidstudio executable"):
        build_installer.build_installer(tmp_path, tmp_path / "out", compression="none")


def test_the_version_comes_from_pyproject(makensis: str, tmp_path: Path) -> None:
    version = buildinfo.project_version()
    command = build_installer.makensis_command(tmp_path, tmp_path / "x.exe", "lzma", version)
    quad = ".".join(str(n) for n in buildinfo.version_quad(version))
    assert f"-DVERSION={version}" in command and f"-DVERSION_QUAD={quad}" in command
    assert "-WX" in command  # NSIS warnings fail the build


def test_per_user_install_without_admin() -> None:
    assert re.search(r"^RequestExecutionLevel user$", NSI, re.MULTILINE)
    assert re.search(r'^InstallDir "\$LOCALAPPDATA\\Programs\\vidstudio"$', NSI, re.MULTILINE)
    assert "HKLM" not in NSI and "SetShellVarContext all" not in NSI


def test_uninstall_keeps_the_users_data() -> None:
    uninstall = _section("Uninstall") + _macro("RemoveProgramFiles")
    recursive = re.findall(r'RMDir /r "([^"]+)"', uninstall)
    assert recursive == ["$INSTDIR\\_internal"]
    assert re.search(r'^\s*RMDir "\$INSTDIR"', uninstall, re.MULTILINE)  # only when empty
    for data in ("$LOCALAPPDATA\\vidstudio", "$VIDEOS", "$APPDATA", "$DOCUMENTS"):
        assert data not in uninstall


def test_open_with_is_optional_off_by_default_and_per_user() -> None:
    assert re.search(r'^Section /o "\$\(SecOpenWithName\)" SecOpenWith$', NSI, re.MULTILINE)
    writes = re.findall(r"^\s*WriteReg\w+ (\w+) ", NSI, re.MULTILINE)
    assert writes and set(writes) == {"HKCU"}


def test_open_with_covers_exactly_the_photo_types_vidstudio_reads() -> None:
    from vidstudio.render.images import SUPPORTED_SUFFIXES

    listed = re.findall(r'!insertmacro \$\{MACRO\} "(\.\w+)"', _macro("ForEachPhotoType"))
    assert sorted(listed) == sorted(SUPPORTED_SUFFIXES)


@pytest.mark.parametrize(
    ("version", "quad"),
    [
        ("0.1.0", (0, 1, 0, 0)),
        ("1.2.3rc1", (1, 2, 3, 0)),
        ("2", (2, 0, 0, 0)),
        ("1.2.3.4.5", (1, 2, 3, 4)),
    ],
)
def test_windows_version_numbers(version: str, quad: tuple[int, int, int, int]) -> None:
    assert buildinfo.version_quad(version) == quad


def test_windows_version_resource_is_well_formed() -> None:
    text = buildinfo.windows_version_info("1.2.3", "vidstudio-cli", "vidstudio command line")
    compile(text, "version.txt", "eval")  # PyInstaller evaluates it as a Python expression
    assert "filevers=(1, 2, 3, 0)" in text
    assert "StringStruct('OriginalFilename', 'vidstudio-cli.exe')" in text
    assert "StringStruct('ProductVersion', '1.2.3')" in text
