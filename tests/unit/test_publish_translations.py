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
