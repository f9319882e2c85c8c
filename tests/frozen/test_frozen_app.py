"""The frozen app: PyInstaller builds the bundle once per session, then the built
executables render, paint stills, reject bad input and start the GUI.

The checks live in scripts/smoke_frozen.py (the release workflow runs the same
script on Windows).  Set VIDSTUDIO_FROZEN_BUNDLE=<dist/vidstudio> to test a
bundle built before instead of building one.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]

pytestmark = [pytest.mark.frozen, pytest.mark.timeout(1200)]

# Bundle budget in MB.  Windows, what users install, has the target
# (242 MB measured in the Windows lane with the visitor-market fonts, docs/fonts.md).
# Linux carries ~100 MB that Windows does not: ICU for QtCore (37 MB; Windows
# has its own), cryptography for the Secret Service keyring (14 MB) and X11/
# GLib libraries; the Linux gate catches regressions, it is not the target.
# 348 MB measured with the fonts (28 MB on both systems; 320 was the gate before them).
BUDGET_MB = 250 if sys.platform == "win32" else 360


def _load(name: str, path: Path):  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


smoke = _load("smoke_frozen", REPO / "scripts" / "smoke_frozen.py")
build_installer = _load("build_installer", REPO / "scripts" / "build_installer.py")


@pytest.fixture(scope="session")
def bundle(tmp_path_factory: pytest.TempPathFactory, figures: list[str]) -> Path:
    prebuilt = os.environ.get("VIDSTUDIO_FROZEN_BUNDLE")
    if prebuilt:
        return Path(prebuilt).resolve()
    root = tmp_path_factory.mktemp("frozen")
    started = time.perf_counter()
    try:
        built, seconds = smoke.build(root / "dist", root / "work")
    except smoke.SmokeFailure as exc:
        pytest.fail(str(exc), pytrace=False)
    figures.append(
        f"frozen build: {seconds:.0f} s ({time.perf_counter() - started:.0f} s in all)",
    )
    return built


@pytest.fixture(scope="session")
def checks(bundle: Path, tmp_path_factory: pytest.TempPathFactory, coffee: Path) -> Any:
    return smoke.Smoke(bundle, tmp_path_factory.mktemp("smoke"), coffee)


def _check(run: Callable[[], str]) -> str:
    try:
        return run()
    except smoke.SmokeFailure as exc:
        pytest.fail(str(exc), pytrace=False)


def test_bundle_layout(checks: Any) -> None:
    _check(checks.layout)


def test_bundle_size(bundle: Path, figures: list[str]) -> None:
    size = smoke.bundle_size(bundle)
    figures.append(
        f"frozen bundle: {size / 1e6:.0f} MB ({size / 2**20:.0f} MiB), budget {BUDGET_MB} MB",
    )
    assert size / 1e6 <= BUDGET_MB


def test_cli_version(checks: Any) -> None:
    _check(checks.version)


def test_cli_templates(checks: Any) -> None:
    _check(checks.templates)


def test_cli_renders_a_valid_video(checks: Any) -> None:
    _check(checks.render)


def test_cli_renders_a_still(checks: Any) -> None:
    _check(checks.still)


def test_cli_rejects_a_broken_photo_in_one_line(checks: Any) -> None:
    _check(checks.bad_photo)


def test_cli_publish_with_the_cloud_unreachable(checks: Any) -> None:
    _check(checks.publish_offline)


def test_gui_executable_renders_through_the_cli_encoder(checks: Any) -> None:
    _check(checks.gui_render)


def test_gui_self_test(checks: Any) -> None:
    try:
        _check(checks.self_test)
    except smoke.SelfTestMissing as exc:
        pytest.skip(str(exc))


def test_installer_compiles_around_the_bundle(bundle: Path, tmp_path: Path) -> None:
    if shutil.which("makensis") is None:
        pytest.fail("makensis is missing: scripts/test-deps/30-packaging.sh installs Debian's nsis")
    setup = build_installer.build_installer(bundle, tmp_path, compression="none")
    assert setup.stat().st_size > smoke.bundle_size(bundle) * 0.9
    setup.unlink()  # ~300 MB, uncompressed
