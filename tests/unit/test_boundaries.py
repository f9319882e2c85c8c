"""The layer boundaries of DESIGN.md section 3, checked on the imports in the source."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "vidstudio"

# layer -> module prefixes it must never import
FORBIDDEN = {
    "ui": ("boto3", "botocore", "supabase", "av", "postgrest", "storage3"),
    "render": (
        "PySide6.QtWidgets",
        "boto3",
        "botocore",
        "supabase",
        "vidstudio.ui",
        "vidstudio.cloud",
        "vidstudio.jobs",
    ),
    "cloud": (
        "PySide6",
        "shiboken6",
        "qasync",
        "vidstudio.ui",
        "vidstudio.render",
        "vidstudio.jobs",
    ),
    "jobs": ("PySide6.QtWidgets", "vidstudio.ui"),
}


def _imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
            found.extend((node.lineno, f"{node.module}.{alias.name}") for alias in node.names)
    return found


# The shared modules every layer may use: plain Python, no Qt, no cloud library.
SHARED = ("messages.py", "settings.py", "secrets.py", "paths.py")
SHARED_FORBIDDEN = (
    "PySide6",
    "shiboken6",
    "boto3",
    "botocore",
    "supabase",
    "av",
    "vidstudio.ui",
    "vidstudio.jobs",
)


def _violations(layer: str) -> list[str]:
    bad: list[str] = []
    files = (
        [PACKAGE / name for name in SHARED] if layer == "shared" else sorted((PACKAGE / layer).rglob("*.py"))
    )
    forbidden = SHARED_FORBIDDEN if layer == "shared" else FORBIDDEN[layer]
    for path in files:
        for lineno, name in _imports(path):
            for prefix in forbidden:
                if name == prefix or name.startswith(prefix + "."):
                    bad.append(f"{path.relative_to(PACKAGE.parent)}:{lineno} imports {name}")
    return bad


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports_stay_inside_their_boundary(layer: str) -> None:
    assert (PACKAGE / layer).is_dir()
    assert _violations(layer) == []


def test_the_shared_modules_import_no_qt_and_no_cloud_library() -> None:
    assert all((PACKAGE / name).is_file() for name in SHARED)
    assert _violations("shared") == []


def test_the_checker_sees_a_violation(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("from PySide6.QtWidgets import QWidget\nimport boto3\n", encoding="utf-8")
    names = [name for _, name in _imports(bad)]
    assert "PySide6.QtWidgets.QWidget" in names and "boto3" in names
