"""Templates: the shipped ones load; bad files fail with the file and the field named."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from vidstudio.render.errors import TemplateError
from vidstudio.render.template import (
    ASPECTS,
    TextLayer,
    get_template,
    list_templates,
    load_template_file,
    resolve_layer,
)


def test_shipped_templates_load_with_every_aspect() -> None:
    templates = {t.id: t for t in list_templates()}
    assert {"promo", "gallery"} <= set(templates)
    promo = templates["promo"]
    assert promo.fps == 30 and promo.frame_count == 300
    for template in templates.values():
        assert set(template.aspects) == set(ASPECTS)
        assert template.name["en"] and template.name["es"]


def test_unknown_template_names_the_available_ones() -> None:
    with pytest.raises(TemplateError, match=r"Unknown template 'nope' \(available: .*promo"):
        get_template("nope")


def _write(tmp_path: Path, name: str, data: object) -> Path:
    path = tmp_path / f"{name}.json"
    path.write_text(json.dumps(data) if not isinstance(data, str) else data, encoding="utf-8")
    return path


def _valid() -> dict[str, object]:
    return {
        "name": {"en": "T"},
        "layers": [{"type": "photo"}, {"type": "text", "text": "{title}"}],
    }


def test_a_minimal_template_is_valid(tmp_path: Path) -> None:
    template = load_template_file(_write(tmp_path, "mini", _valid()))
    assert template.id == "mini" and template.frame_count == 300


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (
            lambda d: d.update(fps=0),
            r"mini\.json: field fps: Input should be greater than or equal to 1",
        ),
        (
            lambda d: d["layers"].append({"type": "sparkles"}),
            r"mini\.json: field layers\.2: .*sparkles",
        ),
        (
            lambda d: d["layers"][1].update(color="red"),
            r"mini\.json: field layers\.1\.text\.color: .*#RRGGBB",
        ),
        (
            lambda d: d["layers"][1].update(text="{nightly_rate}"),
            r"mini\.json: field layers\.1\.text\.text: .*placeholder \{nightly_rate\}",
        ),
        (
            lambda d: d["layers"][1].update(box=[0, 0, 2, 1]),
            r"mini\.json: field layers\.1\.text\.box\.2",
        ),
        (
            lambda d: d.update(layers=[{"type": "text", "text": "x"}]),
            r"mini\.json: field .*needs a photo layer",
        ),
        (
            lambda d: d["layers"][1].update(overrides={"3:2": {}}),
            r"mini\.json: .*unknown aspect '3:2'",
        ),
        (
            lambda d: d["layers"][1].update(overrides={"9:16": {"box": [0, 0, 5, 1]}}),
            r"overrides\.9:16: box\.2",
        ),
        (
            lambda d: d.update(colour="#fff"),
            r"mini\.json: field colour: Extra inputs are not permitted",
        ),
    ],
)
def test_invalid_templates_name_the_file_and_the_field(tmp_path: Path, mutate: object, message: str) -> None:
    data = _valid()
    mutate(data)  # type: ignore[operator]
    with pytest.raises(TemplateError, match=message):
        load_template_file(_write(tmp_path, "mini", data))


def test_broken_json_names_the_line(tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match=r"mini\.json is not valid JSON \(line 2"):
        load_template_file(_write(tmp_path, "mini", '{\n "name": }'))


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match="not found"):
        load_template_file(tmp_path / "gone.json")


def test_overrides_replace_fields_for_their_aspect_only() -> None:
    promo = get_template("promo")
    title = next(layer for layer in promo.layers if isinstance(layer, TextLayer) and layer.overrides)
    portrait = resolve_layer(title, "9:16")
    assert portrait.box != title.box
    assert resolve_layer(title, "16:9") is title
