"""The frozen build's figures (build time, bundle size), printed at the end of the run."""

from __future__ import annotations

import pytest

_FIGURES = pytest.StashKey[list[str]]()


@pytest.fixture(scope="session")
def figures(pytestconfig: pytest.Config) -> list[str]:
    """Append lines here; they are printed in a "frozen app" section after the tests."""
    return pytestconfig.stash.setdefault(_FIGURES, [])


def pytest_terminal_summary(
    terminalreporter: pytest.TerminalReporter, config: pytest.Config
) -> None:
    lines = config.stash.get(_FIGURES, [])
    if lines:
        terminalreporter.section("frozen app")
        for line in lines:
            terminalreporter.write_line(line)
