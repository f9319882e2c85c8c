"""Remotion parity: shared report of the SSIM figures (printed at the end of the run)."""

from __future__ import annotations

import statistics
from typing import Any

from helpers.ssim import SSIM_REPORT
from helpers.tour_media import LOUDNESS_REPORT


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if LOUDNESS_REPORT:
        terminalreporter.section("Remotion vs native renderer: integrated loudness")
        for name, value in LOUDNESS_REPORT.items():
            terminalreporter.write_line(f"  {name:28s} {value:.2f}")
    if not SSIM_REPORT:
        return
    terminalreporter.section("Remotion vs native renderer: SSIM per still")
    for name, value in sorted(SSIM_REPORT.items()):
        terminalreporter.write_line(f"  {name:28s} {value:.4f}")
    values = sorted(SSIM_REPORT.values())
    terminalreporter.write_line(f"  {'minimum':28s} {values[0]:.4f}")
    terminalreporter.write_line(f"  {'median':28s} {statistics.median(values):.4f}")
