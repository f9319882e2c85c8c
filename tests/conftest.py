"""Shared fixtures.  Qt runs offscreen; every test gets its own data folder."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

# Suite-wide fixtures: the one main-window fixture and the one local service stack.
pytest_plugins = ("helpers.windows", "helpers.stack")

REPO = Path(__file__).resolve().parent.parent

# Set here, before any QGuiApplication, and from Python: Wine does not pass QT_*
# variables from the Linux environment to Windows programs.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if sys.platform == "win32":
    # The offscreen platform on Windows uses Qt's own FreeType font database, which
    # looks for fonts in PySide6/lib/fonts (not in the wheel) and warns "Cannot find
    # font directory", a failure under qt_log_level_fail.  Point it at the bundled fonts.
    os.environ.setdefault("QT_QPA_FONTDIR", str(REPO / "resources" / "fonts"))

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


@pytest.fixture
def memory_keyring() -> Iterator[object]:
    """An in-memory OS keyring (a real ``keyring`` backend) for the test's duration."""
    import keyring
    from keyring.backend import KeyringBackend
    from keyring.errors import PasswordDeleteError

    class MemoryKeyring(KeyringBackend):
        priority = 1  # type: ignore[assignment]

        def __init__(self) -> None:
            super().__init__()
            self.store: dict[tuple[str, str], str] = {}

        def get_password(self, service: str, username: str) -> str | None:
            return self.store.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            self.store[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            if self.store.pop((service, username), None) is None:
                raise PasswordDeleteError(username)

    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)
