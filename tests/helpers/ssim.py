"""SSIM (Wang et al. 2004) with numpy only, as scikit-image computes it by default.

A 7×7 uniform window, sample covariance, K1 = 0.01, K2 = 0.03, data range 255,
on the luma (BT.601 weights) of two same-sized RGB images; the mean over the
image, borders of half a window excluded.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

WIN = 7

# Filled by tests/remotion_/test_parity.py, printed by tests/remotion_/conftest.py at the end of the run.
SSIM_REPORT: dict[str, float] = {}


def _window_mean(a: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """Mean over every full WIN×WIN window (valid positions only), by integral image."""
    s = np.zeros((a.shape[0] + 1, a.shape[1] + 1))
    s[1:, 1:] = a.cumsum(0).cumsum(1)
    total = s[WIN:, WIN:] - s[:-WIN, WIN:] - s[WIN:, :-WIN] + s[:-WIN, :-WIN]
    return total / (WIN * WIN)


def luma(rgb: npt.NDArray[np.uint8]) -> npt.NDArray[np.float64]:
    x = rgb[..., :3].astype(np.float64)
    return x[..., 0] * 0.299 + x[..., 1] * 0.587 + x[..., 2] * 0.114


def ssim(a: npt.NDArray[np.uint8], b: npt.NDArray[np.uint8]) -> float:
    if a.shape != b.shape:
        raise ValueError(f"images differ in size: {a.shape} vs {b.shape}")
    x, y = luma(a), luma(b)
    c1 = (0.01 * 255) ** 2
    c2 = (0.03 * 255) ** 2
    n = WIN * WIN
    cov_norm = n / (n - 1)
    ux, uy = _window_mean(x), _window_mean(y)
    vx = cov_norm * (_window_mean(x * x) - ux * ux)
    vy = cov_norm * (_window_mean(y * y) - uy * uy)
    vxy = cov_norm * (_window_mean(x * y) - ux * uy)
    s = ((2 * ux * uy + c1) * (2 * vxy + c2)) / ((ux * ux + uy * uy + c1) * (vx + vy + c2))
    return float(s.mean())
