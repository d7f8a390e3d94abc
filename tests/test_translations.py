"""The window's languages: which `.qm` files load, from where, and how the language is chosen.

Russian is the source language: only Qt's own `qtbase_ru` is installed for it. English is our
`order_review_en.qm` (package data, found through importlib.resources) and `qtbase_en`, both
really loaded — a translator that silently fails to load leaves the window in Russian.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from desktop_app.cli.main import main
from desktop_app.services import settings
from desktop_app.services.password_vault import MemoryVault
from desktop_app.services.settings import Language, SettingsError
from desktop_app.services.workspace import Workspace
from desktop_app.store.review_state import ReviewState
from desktop_app.ui import launch, qt_app
from desktop_app.ui.queue_model import state_word
from desktop_app.ui.settings_dialog import SettingsDialog
from desktop_app.ui.workers import TaskRunner

from conftest import ROOT

translate = QCoreApplication.translate


@pytest.fixture
def switched(qapp: QApplication) -> Iterator[list[Any]]:
    """Translators a test installs, removed afterwards: the other tests read Russian."""
    before = QLocale()
    installed: list[Any] = []
    yield installed
    qt_app.remove_translations(qapp, installed)
    QLocale.setDefault(before)


def file_names(translators: list[Any]) -> list[str]:
    return [Path(t.filePath()).name for t in translators]


def test_english_loads_ours_and_qts_own(qapp: QApplication, switched: list[Any]) -> None:
    switched += qt_app.install_translations(qapp, qt_app.locale_for(Language.EN))
    assert file_names(switched) == ["qtbase_en.qm", "order_review_en.qm"]
    assert Path(switched[0].filePath()).parent == qt_app.qt_translations_folder()
    assert state_word(ReviewState.NEW) == "New"  # a wording table's code, as the queue shows it
    assert translate("MainWindow", "&Файл") == "&File"
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert [b.text() for b in buttons.buttons()] == ["Cancel"]
    assert QLocale().language() == QLocale.Language.English


def test_russian_loads_qts_own_from_pyside6(qapp: QApplication, switched: list[Any]) -> None:
    switched += qt_app.install_translations(qapp, qt_app.locale_for(Language.RU))
    assert file_names(switched) == ["qtbase_ru.qm"]
    assert Path(switched[0].filePath()).parent == qt_app.qt_translations_folder()
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
    )
    assert [b.text() for b in buttons.buttons()] == ["Сохранить", "Отмена"]
    assert translate("QueueModel", "Новый") == "Новый"


def test_our_qm_is_package_data_built_from_the_ts() -> None:
    """The install built it (setup.py); `packaging/translations.py release` rebuilds it."""
    qm = resources.files("desktop_app") / "translations" / "order_review_en.qm"
    assert qm.is_file()
    assert qt_app.translations_folder() == Path(str(qm)).parent
    assert "translations/*.qm" in (ROOT / "pyproject.toml").read_text(encoding="utf-8")


def test_the_build_step_compiles_every_ts(tmp_path: Path) -> None:
    script = ROOT / "packaging" / "translations.py"
    namespace: dict[str, Any] = {"__name__": "translations", "__file__": str(script)}
    exec(compile(script.read_text(encoding="utf-8"), str(script), "exec"), namespace)  # noqa: S102
    built = namespace["release"](tmp_path)
    assert [p.name for p in built] == ["order_review_en.qm"] and built[0].stat().st_size > 10_000
    assert namespace["untranslated"]() == 0  # nothing left to translate


@pytest.mark.parametrize(
    ("system", "spoken"),
    [
        (QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom), Language.EN),
        (QLocale(QLocale.Language.Russian, QLocale.Country.Russia), Language.RU),
        (QLocale(QLocale.Language.German, QLocale.Country.Germany), Language.RU),
        (QLocale(QLocale.Language.Kazakh, QLocale.Country.Kazakhstan), Language.RU),
    ],
)
def test_system_means_russian_unless_the_system_is_english(
    system: QLocale, spoken: Language
) -> None:
    assert qt_app.spoken(Language.SYSTEM, system) is spoken
    assert qt_app.spoken(Language.RU, system) is Language.RU
    assert qt_app.spoken(Language.EN, system) is Language.EN


def test_the_language_setting(tmp_path: Path) -> None:
    assert settings.Settings().ui.language is Language.SYSTEM
    chosen = settings.with_value(settings.Settings(), "ui.language", " EN ")
    assert chosen.ui.language is Language.EN
    with pytest.raises(SettingsError, match="system, ru или en"):
        settings.with_value(chosen, "ui.language", "de")
    settings.save(tmp_path, chosen)
    assert json.loads((tmp_path / "settings.json").read_text(encoding="utf-8"))["ui"] == {
        "language": "en"
    }
    assert settings.load(tmp_path).ui.language is Language.EN
    assert launch.language_setting(tmp_path) is Language.EN
    (tmp_path / "settings.json").write_text("{broken", encoding="utf-8")
    assert launch.language_setting(tmp_path) is Language.SYSTEM


def test_the_settings_dialog_saves_the_language(
    qtbot: QtBot, runner: TaskRunner, tmp_path: Path
) -> None:
    workspace = Workspace.open(tmp_path / "data", MemoryVault())
    try:
        dialog = SettingsDialog(workspace, runner)
        qtbot.addWidget(dialog)
        assert dialog.language.currentData() == "system"
        dialog.language.setCurrentIndex(dialog.language.findData("en"))
        with qtbot.waitSignal(dialog.accepted, timeout=30_000):
            dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
        assert workspace.settings.ui.language is Language.EN
        assert settings.load(workspace.data_dir).ui.language is Language.EN
    finally:
        workspace.close()


def test_lang_reaches_the_window(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    calls: list[dict[str, Any]] = []

    def run_gui(_data_dir: Path | None, **options: Any) -> int:
        calls.append(options)
        return 0

    monkeypatch.setattr(launch, "run_gui", run_gui)
    data = ["--data-dir", str(tmp_path)]
    assert main([*data, "gui", "--demo", "--lang", "en"]) == 0
    assert main([*data, "--lang", "en", "gui"]) == 0
    assert main([*data, "--lang", "ru"]) == 0
    assert main([*data, "gui"]) == 0
    assert [c["language"] for c in calls] == [Language.EN, Language.EN, Language.RU, None]
    with pytest.raises(SystemExit) as refused:
        main([*data, "gui", "--lang", "de"])
    assert refused.value.code == 2


def test_a_new_process_starts_in_the_chosen_language() -> None:
    """What `gui --lang en` does first, in a process of its own (the tests share one app)."""
    code = (
        "from desktop_app.ui import qt_app\n"
        "from desktop_app.services.settings import Language\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "app = qt_app.application(language=Language.EN)\n"
        "print(QCoreApplication.translate('SyncController', 'Получить заказы'))\n"
    )
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=environment, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "Fetch orders"
