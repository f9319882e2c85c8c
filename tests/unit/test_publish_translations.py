"""Every app string, publishing sentences included, has a Spanish translation that Qt loads."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from vidstudio.cloud.errors import PublishError, no_such_bucket
from vidstudio.resources import resource_path

TS = resource_path("translations", "vidstudio_es.ts")
QM = resource_path("translations", "vidstudio_es.qm")


def test_every_string_is_translated_with_the_same_fields() -> None:
    root = ET.parse(TS).getroot()
    messages = root.findall("./context/message")
    assert len(messages) > 90
    for message in messages:
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None and translation.get("type") is None, source
        text = translation.text or ""
        assert text.strip(), source
        assert sorted(re.findall(r"\{\w*\}", source)) == sorted(re.findall(r"\{\w*\}", text)), source


@pytest.fixture
def spanish(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    translator = QTranslator()
    assert translator.load(str(QM))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def test_errors_and_the_settings_page_speak_spanish(spanish: None, qtbot, memory_keyring) -> None:  # type: ignore[no-untyped-def]
    from vidstudio.ui.publish_settings import PublishSettingsPage

    error = no_such_bucket("villas")
    assert error.message.startswith("The S3 bucket villas does not exist.")
    assert error.translated(QCoreApplication.translate) == (
        "El bucket de S3 villas no existe. Revisa el nombre del bucket y la región en Configuración."
    )
    rls = PublishError(
        "Supabase refused the row: row-level security. Use the service_role key in Settings.", "rls"
    )
    assert rls.translated(QCoreApplication.translate).startswith("Supabase rechazó la fila")
    page = PublishSettingsPage()
    qtbot.addWidget(page)
    assert page.s3_test.text() == "Probar conexión"
    assert page.aws_box.title() == "Vídeos: Amazon S3"
    assert page.after_render.text() == "Publicar cada vídeo en cuanto esté creado"


def _message_templates() -> set[str]:
    """Every ``QT_TRANSLATE_NOOP("Message", "...")`` in the package: every sentence any layer
    (render, Lambda, jobs, publishing, the CLI) can show a person."""
    import ast
    from pathlib import Path

    found: set[str] = set()
    for path in (Path(__file__).resolve().parents[2] / "vidstudio").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", None) == "QT_TRANSLATE_NOOP"
                and len(node.args) == 2
                and all(isinstance(a, ast.Constant) for a in node.args)
                and node.args[0].value == "Message"  # type: ignore[attr-defined]
            ):
                found.add(node.args[1].value)  # type: ignore[attr-defined]
    return found


def test_every_error_path_has_its_spanish_in_the_compiled_catalogue(spanish: None) -> None:
    templates = _message_templates()
    assert len(templates) > 150  # render, Lambda, jobs, publishing and the CLI
    missing = sorted(t for t in templates if QCoreApplication.translate("Message", t) == t)
    assert missing == []  # run scripts/update_translations.py and translate them
