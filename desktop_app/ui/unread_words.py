"""The words of the queue for a document put aside: its state and what it means.

Such a row is no order: the manager must learn that the portal will not send it again
(see `store/queue_unread.py`), in words, not in a status code.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate


def unread_word() -> str:
    return translate("QueueModel", "Не прочитан")


def unread_hint() -> str:
    return translate(
        "QueueModel",
        "Программа не смогла прочитать этот документ с портала; портал считает его уже "
        "переданным и пришлёт снова, только если заказ изменят на сайте, поэтому его текст "
        "сохранён здесь и будет прочитан новой версией программы.",
    )
