"""The optional "Remotion (this computer)" backend: a Node child speaking JSON lines."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest

from helpers.props import villa_props
from vidstudio.render.backends import RenderRequest
from vidstudio.render.errors import Cancelled
from vidstudio.render.pipeline import CancelToken, Progress
from vidstudio.render.remotion_local import RemotionLocalBackend, descendants, find_node
from vidstudio.render.template import get_template

pytestmark = pytest.mark.remotion

CHROMIUM = "/usr/bin/chromium"


def _request(photo: Path, output: Path) -> RenderRequest:
    return RenderRequest(get_template("promo"), villa_props(photo, cta=""), output)


def _running(pid: int) -> bool:
    """Alive and not a zombie (a zombie is dead, only not yet reaped)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat[stat.rfind(")") + 2 :].split()[0] != "Z"


def test_node_is_found() -> None:
    assert find_node() is not None


def test_missing_install_is_a_plain_message(tmp_path: Path, coffee: Path) -> None:
    backend = RemotionLocalBackend(project=tmp_path)
    message = backend.prepare(_request(coffee, tmp_path / "v.mp4"))
    assert message is not None and "npm ci" in message.text


def test_cancel_ends_node_and_chromium_and_leaves_no_file(
    qapp: Any, coffee: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    children: list[int] = []
    real_popen = subprocess.Popen

    def spy(*args: Any, **kwargs: Any) -> Any:
        proc = real_popen(*args, **kwargs)
        children.append(proc.pid)
        return proc

    monkeypatch.setattr(subprocess, "Popen", spy)
    cancel = CancelToken()
    output = tmp_path / "v.mp4"
    seen: set[int] = set()

    def on_progress(p: Progress) -> None:
        if p.stage == "rendering":
            seen.update([children[-1], *descendants(children[-1])])
            if p.done >= 5:
                cancel.cancel()

    backend = RemotionLocalBackend(browser_executable=CHROMIUM, concurrency=1)
    with pytest.raises(Cancelled):
        backend.render(_request(coffee, output), on_progress, cancel)
    assert not output.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".v.")]
    names = {Path(f"/proc/{pid}/comm").read_text().strip() for pid in seen if _running(pid)}
    assert len(seen) >= 2  # node and its Chromium were seen while rendering
    assert [pid for pid in seen if _running(pid)] == [], names


@pytest.mark.slow
def test_renders_the_promo_with_remotion(qapp: Any, coffee: Path, tmp_path: Path) -> None:
    reports: list[Progress] = []
    output = tmp_path / "remotion.mp4"
    result = RemotionLocalBackend(browser_executable=CHROMIUM).render(
        _request(coffee, output), reports.append
    )
    assert result.backend == "remotion-local"
    assert output.read_bytes()[4:8] == b"ftyp" and result.render.size_bytes > 100_000
    assert any(r.message is not None and r.message.text.startswith("Remotion:") for r in reports)
    assert reports[-1].stage == "done"
