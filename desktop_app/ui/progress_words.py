"""Background progress in words for the status bar.

The services report raw figures from their threads — the fetch `(stage, done, total)`, the
directory refresh `(kind, rows, total)`; these turn them into a `TaskProgress` on the GUI
thread. A fetch downloads and stores at the same time, so its words keep both figures.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop_app.services.fetch_service import FetchStage
from desktop_app.ui.status_bar import TaskProgress

translate = QCoreApplication.translate

MB = 1_000_000


def megabytes(count: int) -> str:
    return f"{count / MB:.1f}".replace(".", ",")


class FetchWords:
    """Words for one fetch's progress; remembers the last download and store figures."""

    def __init__(self) -> None:
        self.downloaded = 0
        self.size: int | None = None
        self.stored = 0

    def start(self) -> TaskProgress:
        return TaskProgress(translate("ProgressWords", "Получение заказов: подключение к порталу…"))

    def __call__(self, value: object) -> TaskProgress:
        stage, done, total = value if isinstance(value, tuple) else (None, 0, None)
        if stage is FetchStage.CONNECTING:
            return self.start()
        if stage == "registry":  # jobs.REGISTRY_STAGE: the check of the orders fetched
            text = translate("ProgressWords", "Проверка в реестре (ЕГРЮЛ/ЕГРИП): {0} из {1}")
            return TaskProgress(text.format(done, total), int(done), int(total or 0) or None)
        if stage is FetchStage.CONFIRMING:
            return TaskProgress(
                translate("ProgressWords", "Получение заказов: подтверждение порталу…")
            )
        if stage is FetchStage.DOWNLOADING:
            self.downloaded, self.size = int(done), total
        elif stage is FetchStage.STORING:
            self.stored = int(done)
        received = megabytes(self.downloaded)
        if self.size:
            received = translate("ProgressWords", "{0} из {1} МБ").format(
                received, megabytes(self.size)
            )
        else:
            received = translate("ProgressWords", "{0} МБ").format(received)
        text = translate("ProgressWords", "Получение заказов: {0}, сохранено заказов: {1}").format(
            received, self.stored
        )
        return TaskProgress(text, self.downloaded, self.size)


def directory_start() -> TaskProgress:
    return TaskProgress(translate("ProgressWords", "Обновление справочника 1С: подключение…"))


def directory_words(value: object) -> TaskProgress:
    kind, done, total = value if isinstance(value, tuple) else ("", 0, None)
    what = (
        translate("ProgressWords", "партнёры")
        if kind == "partners"
        else translate("ProgressWords", "контрагенты")
    )
    if total:
        text = translate("ProgressWords", "Обновление справочника 1С: {0}, {1} из {2}").format(
            what, done, total
        )
    else:
        text = translate("ProgressWords", "Обновление справочника 1С: {0}, {1}").format(what, done)
    return TaskProgress(text, int(done), total)
