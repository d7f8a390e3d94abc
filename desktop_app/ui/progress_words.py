"""Background progress in words for the status bar.

The services report raw figures from their threads — the fetch `(stage, done, total)`, the
directory refresh `(kind, rows, total)`; these turn them into a `TaskProgress` on the GUI
thread. A fetch downloads and stores at the same time, so its words keep both figures.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop_app.services.fetch_service import FetchStage
from desktop_app.ui.status_bar import TaskProgress

MB = 1_000_000


def tr(text: str) -> str:
    return QCoreApplication.translate("ProgressWords", text)


def megabytes(count: int) -> str:
    return f"{count / MB:.1f}".replace(".", ",")


class FetchWords:
    """Words for one fetch's progress; remembers the last download and store figures."""

    def __init__(self) -> None:
        self.downloaded = 0
        self.size: int | None = None
        self.stored = 0

    def start(self) -> TaskProgress:
        return TaskProgress(tr("Получение заказов: подключение к порталу…"))

    def __call__(self, value: object) -> TaskProgress:
        stage, done, total = value if isinstance(value, tuple) else (None, 0, None)
        if stage is FetchStage.CONNECTING:
            return self.start()
        if stage is FetchStage.CONFIRMING:
            return TaskProgress(tr("Получение заказов: подтверждение порталу…"))
        if stage is FetchStage.DOWNLOADING:
            self.downloaded, self.size = int(done), total
        elif stage is FetchStage.STORING:
            self.stored = int(done)
        received = megabytes(self.downloaded)
        if self.size:
            received = tr("{0} из {1} МБ").format(received, megabytes(self.size))
        else:
            received = tr("{0} МБ").format(received)
        text = tr("Получение заказов: {0}, сохранено заказов: {1}").format(received, self.stored)
        return TaskProgress(text, self.downloaded, self.size)


def directory_start() -> TaskProgress:
    return TaskProgress(tr("Обновление справочника 1С: подключение…"))


def directory_words(value: object) -> TaskProgress:
    kind, done, total = value if isinstance(value, tuple) else ("", 0, None)
    what = tr("партнёры") if kind == "partners" else tr("контрагенты")
    if total:
        text = tr("Обновление справочника 1С: {0}, {1} из {2}").format(what, done, total)
    else:
        text = tr("Обновление справочника 1С: {0}, {1}").format(what, done)
    return TaskProgress(text, int(done), total)
