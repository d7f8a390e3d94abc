"""The Qt application object: names, translations, fonts — everything before the first window.

The app's own texts are written in Russian and pass through `QCoreApplication.translate`
with explicit contexts; `order_review_en.qm` (built from `desktop_app/translations/*.ts` by
the package build) turns them into English. Qt's own texts (the buttons of standard
dialogs, the context menu of a text field) come from `qtbase_<language>.qm`, shipped with
PySide6 in Qt's translations folder. Our `.qm` is found through `importlib.resources`, so it
is found the same way in a checkout, a wheel and a frozen build. Every installed
`QTranslator` is kept referenced here: a collected translator silently drops the UI back to
the source language (GUIDE §10).

The language is the `ui.language` setting (`system`, `ru`, `en`) or `gui --lang`; `system`
is English when the operating system's language is English and Russian otherwise (the
users are Russian-speaking; GUIDE §1). It is chosen once, before the first window.
"""

from __future__ import annotations

import contextlib
import sys
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from desktop_app import __version__
from desktop_app.services.settings import Language

ORGANIZATION = "OrderReview"
APPLICATION = "Order Review"
OUR_NAME = "order_review"
QT_NAME = "qtbase"
LOCALES = {
    Language.RU: QLocale(QLocale.Language.Russian, QLocale.Country.Russia),
    Language.EN: QLocale(QLocale.Language.English, QLocale.Country.UnitedStates),
}

_translators: list[QTranslator] = []
_resources = contextlib.ExitStack()
"""Keeps the translations folder a real path while the process runs (a zipped package is
unpacked for as long as Qt may read from it)."""


def application(argv: list[str] | None = None, language: Language = Language.RU) -> QApplication:
    """The one QApplication of the process (made on first call, in `language`)."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    QCoreApplication.setApplicationVersion(__version__)
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setDesktopFileName("order-review")
    install_translations(app, locale_for(language))
    return app


def spoken(language: Language, system: QLocale | None = None) -> Language:
    """`ru` or `en`: what `language` means here (`system`: English only on an English OS)."""
    if language is not Language.SYSTEM:
        return language
    system = system if system is not None else QLocale.system()
    return Language.EN if system.language() == QLocale.Language.English else Language.RU


def locale_for(language: Language) -> QLocale:
    return LOCALES[spoken(language)]


def translations_folder() -> Path:
    """The folder of the package's `.qm` files, as a path Qt can open."""
    return _resources.enter_context(
        resources.as_file(resources.files("desktop_app") / "translations")
    )


def qt_translations_folder() -> Path:
    """Qt's own translations (`qtbase_ru.qm`, `qtbase_en.qm`), shipped inside PySide6."""
    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


def install_translations(app: QCoreApplication, locale: QLocale) -> list[QTranslator]:
    """Qt's own translations for `locale`, then ours if a `.qm` for it exists.

    The source language (Russian) has no `.qm` of ours: only Qt's is installed then."""
    QLocale.setDefault(locale)
    installed: list[QTranslator] = []
    for name, folder in ((QT_NAME, qt_translations_folder()), (OUR_NAME, translations_folder())):
        translator = QTranslator(app)
        if translator.load(locale, name, "_", str(folder)) and app.installTranslator(translator):
            installed.append(translator)
    _translators.extend(installed)
    return installed


def remove_translations(app: QCoreApplication, translators: list[QTranslator]) -> None:
    """Take `translators` out again (the tests switch languages within one process)."""
    for translator in translators:
        app.removeTranslator(translator)
        if translator in _translators:
            _translators.remove(translator)
