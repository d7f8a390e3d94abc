"""ORDER on the command line: the portal's order `Ид`, or its number when only one order has it.

`queue --json` prints the `Ид` as `id`; a manager more often knows the number the portal
shows. A number two orders share (a portal that reuses numbers) is refused with the `Ид`s to
choose from, never guessed (GUIDE §11).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.cli.errors import UserError
from desktop_app.services import app_dirs

if TYPE_CHECKING:
    from desktop_app.domain.order import Order
    from desktop_app.store.database import Database


def open_database(data_dir: Path | None) -> Database:
    """The local store of the data folder; a store that cannot be opened is a UserError."""
    from desktop_app.store.database import Database
    from desktop_app.store.errors import StoreError

    try:
        return Database.open(app_dirs.data_dir(data_dir))
    except StoreError as error:
        raise UserError(str(error)) from None


def load_order(database: Database, text: str) -> Order:
    """The current revision of the order that ORDER names."""
    from desktop_app.store.queue_repository import QueueRepository

    repository = QueueRepository(database)
    wanted = text.strip()
    ids = repository.find_ids(wanted) if wanted else []
    if len(ids) > 1:
        raise UserError(
            f"номер «{wanted}» есть у нескольких заказов (Ид: {', '.join(ids[:10])}): укажите Ид"
        )
    found = repository.order(ids[0]) if ids else None
    if found is None:
        raise UserError(
            f"заказа «{wanted}» нет в локальной базе: укажите Ид или номер из списка queue "
            "(получить заказы: fetch)"
        )
    return found
