"""Translations: English source strings, Spanish from ``resources/translations``.

The language follows the operating system unless the user picks one in
Settings; switching installs new translators and every widget retranslates
itself on ``QEvent.LanguageChange``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from vidstudio.resources import resource_path
from vidstudio.settings import SUPPORTED_LANGUAGES

_installed: list[QTranslator] = []
_current = "en"


def system_language() -> str:
    for name in QLocale.system().uiLanguages() or [QLocale.system().name()]:
        code = name.replace("_", "-").split("-")[0].lower()
        if code in SUPPORTED_LANGUAGES:
            return code
    return "en"


def resolve_language(choice: str) -> str:
    return (
        system_language()
        if choice == "system"
        else (choice if choice in SUPPORTED_LANGUAGES else "en")
    )


def current_language() -> str:
    return _current


def install_language(choice: str) -> str:
    """Install the translators for ``choice`` ("system", "en" or "es"); returns the code used."""
    global _current
    app = QCoreApplication.instance()
    language = resolve_language(choice)
    if app is None:
        return language
    for translator in _installed:
        QCoreApplication.removeTranslator(translator)
    _installed.clear()
    if language != "en":
        ours = QTranslator(app)
        if ours.load(str(resource_path("translations", f"vidstudio_{language}.qm"))):
            QCoreApplication.installTranslator(ours)
            _installed.append(ours)
        qt = QTranslator(app)  # standard buttons of message boxes and file dialogs
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt.load(f"qtbase_{language}", qt_dir):
            QCoreApplication.installTranslator(qt)
            _installed.append(qt)
    _current = language
    QLocale.setDefault(QLocale(language))
    return language
