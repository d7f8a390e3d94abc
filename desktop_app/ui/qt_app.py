"""The Qt application object: names, translations, fonts — everything before the first window.

Qt's own texts (the buttons of standard dialogs, the context menu of a text field) come from
`qtbase_ru`, shipped with PySide6; the app's own texts are written in Russian and pass
through `QCoreApplication.translate` with explicit contexts, so an English `.qm` can replace
them later. Every installed `QTranslator` is kept referenced here: a collected translator
silently drops the UI back to the source language (GUIDE §10).
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from desktop_app import __version__

ORGANIZATION = "OrderReview"
APPLICATION = "Order Review"
TRANSLATIONS = Path(__file__).resolve().parents[1] / "translations"

_translators: list[QTranslator] = []


def application(argv: list[str] | None = None) -> QApplication:
    """The one QApplication of the process (made on first call)."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    QCoreApplication.setApplicationVersion(__version__)
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setDesktopFileName("order-review")
    install_translations(app, QLocale("ru_RU"))
    return app


def install_translations(app: QCoreApplication, locale: QLocale) -> list[QTranslator]:
    """Qt's own translations for `locale`, then ours if a `.qm` for it exists."""
    QLocale.setDefault(locale)
    installed: list[QTranslator] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in (("qtbase", qt_dir), ("order_review", str(TRANSLATIONS))):
        translator = QTranslator(app)
        if translator.load(locale, name, "_", folder) and app.installTranslator(translator):
            installed.append(translator)
    _translators.extend(installed)
    return installed
