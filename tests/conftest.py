"""Shared fixtures.  Qt runs offscreen; every test gets its own data folder."""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

REPO = Path(__file__).resolve().parent.parent
TESTDATA = REPO.parent / "shared" / "testdata"


@pytest.fixture(scope="session")
def testdata() -> Path:
    if not TESTDATA.is_dir():
        pytest.fail(f"test photos not found at {TESTDATA}")
    return TESTDATA


@pytest.fixture(scope="session")
def coffee(testdata: Path) -> Path:
    return testdata / "coffee.png"


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never touch the real user data folder from a test."""
    monkeypatch.setenv("VIDSTUDIO_DATA_DIR", str(tmp_path_factory.mktemp("data")))
