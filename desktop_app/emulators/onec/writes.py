"""POST, PATCH, PUT, DELETE and the Post/Unpost actions, with 1C's (lack of) checks.

What a live УТ 11 does, and so what this does (GUIDE §5; probes P8/P9 of odata1c-gate;
documentation 17.4.13):
- no fill checks: any subset of properties is written, missing ones get empty values — a
  partner without its required `ГруппаДоступа_Key`, a contact-information row without its
  `Вид_Key` (1C's own forms show only rows of a kind: УправлениеКонтактнойИнформацией of
  the БСП fills the kind on every row it writes; a kindless row is stored and never shown)
  are stored as sent;
- unknown properties, `Ref_Key` and `DataVersion` in a PATCH body are ignored silently;
- strings are cut to the attribute's length, references to missing objects stored as is;
- `DataVersion` grows on every write; `If-Match` is not looked at (the documentation
  promises 412, a live base applied stale writes with and without it);
- a tabular section in a PATCH replaces the whole section; its rows must be numbered
  1, 2, 3… (`LineNumber` other than that → 400; no `LineNumber` → 500, as P9 saw);
- POST answers the whole object with `DataVersion` `AAAAAAAAAAA=` (P8); a new document
  gets the next number and, without a date, the current one; a new partner its code;
- DELETE removes the object for good (17.4.13.1.4: «Пометка на удаление не выполняется»);
- Post sets `Posted`, Unpost clears it; a document marked for deletion cannot be posted;
  a Document_ЗаказКлиента whose `СкидкиРассчитаны` is false is not posted either, with the
  words of its ПередЗаписью (Documents/ЗаказКлиента/Ext/ObjectModule.bsl, УТ 11.5.20.68): the
  emulated base uses automatic discounts (ИспользоватьАвтоматическиеСкидкиВПродажах), and
  OData cannot recalculate them.
- `check` (rights.py) sees the object as it would be stored and may refuse it with 403/20:
  a user cannot write what record-level restrictions would then hide from them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from desktop_app.emulators.onec import errors, refs, seed_records, values
from desktop_app.emulators.onec.directory import Directory
from desktop_app.emulators.onec.schema import EntitySet, Section

Row = dict[str, Any]
_IGNORED = frozenset(("Ref_Key", "DataVersion", "Posted"))
_KEPT_BY_PUT = ("Ref_Key", "Posted", "Number")
NOT_POSTABLE = "Помеченный на удаление документ не может быть проведен!"
DISCOUNTS_NOT_CALCULATED = (
    "В документе {document} не рассчитаны автоматические скидки (наценки). Проведение "
    "невозможно. Для расчёта автоматических скидок (наценок) проведите документ из формы "
    "документа."
)


Check = Callable[[Row], None] | None


def create(directory: Directory, definition: EntitySet, body: Any, *, check: Check = None) -> Row:
    with directory.lock:
        fields = _changes(definition, _object(body))
        table = directory.table(definition.name)
        ref = _new_ref(directory, body)
        if table.get(ref, sections=False) is not None:
            raise errors.already_exists()
        row = seed_records.blank(definition)
        row.update(fields)
        row["Ref_Key"] = ref
        row["DataVersion"] = refs.data_version(0)
        _renumber(row, definition, ref)
        if check is not None:
            check(row)
        if definition.is_document:
            row["Posted"] = False
            row["Number"] = row["Number"] or directory.take_number()
            if row["Date"] == values.EMPTY_DATE:
                row["Date"] = directory.now_text()
        if "Code" in definition.by_name and not row["Code"]:
            row["Code"] = directory.take_code()
        table.put(row)
        return row


def update(
    directory: Directory,
    definition: EntitySet,
    ref: str,
    body: Any,
    *,
    whole: bool,
    check: Check = None,
) -> Row:
    """PATCH (only what is sent) or, with `whole`, PUT (what is not sent becomes empty)."""
    with directory.lock:
        table = directory.table(definition.name)
        current = table.get(ref, sections=True)
        if current is None:
            raise errors.not_found(definition.name)
        fields = _changes(definition, _object(body))
        if whole:  # PUT: what is not sent becomes empty, but a PUT cannot post or renumber
            row = seed_records.blank(definition)
            row.update({name: current[name] for name in _KEPT_BY_PUT if name in current})
        else:
            row = _copy(current)
        row.update(fields)
        _renumber(row, definition, ref)
        row["DataVersion"] = refs.next_data_version(current["DataVersion"])
        if check is not None:
            check(row)
        table.put(row)
        return row


def delete(directory: Directory, definition: EntitySet, ref: str) -> None:
    with directory.lock:
        if not directory.table(definition.name).delete(ref):
            raise errors.not_found(definition.name)


def post(directory: Directory, definition: EntitySet, ref: str, *, posted: bool) -> None:
    with directory.lock:
        table = directory.table(definition.name)
        current = table.get(ref, sections=True)
        if current is None:
            raise errors.not_found(definition.name)
        if posted and current.get("DeletionMark"):
            raise errors.internal(NOT_POSTABLE)
        if posted and current.get("СкидкиРассчитаны") is False:
            raise errors.internal(DISCOUNTS_NOT_CALCULATED.format(document=_title(current)))
        row = _copy(current)
        row["Posted"] = posted
        row["DataVersion"] = refs.next_data_version(current["DataVersion"])
        table.put(row)


def set_field(directory: Directory, definition: EntitySet, ref: str, **fields: Any) -> None:
    """A change made inside 1C (another manager, the exchange): stored as given."""
    with directory.lock:
        table = directory.table(definition.name)
        current = table.get(ref, sections=True)
        if current is None:
            raise KeyError(f"{definition.name}: no object {ref}")
        row = _copy(current)
        row.update(fields)
        row["DataVersion"] = refs.next_data_version(current["DataVersion"])
        table.put(row)


def _title(row: Row) -> str:
    """A customer order's presentation, as 1C names it in messages."""
    moment = str(row.get("Date") or "")
    day, _, time = moment.partition("T")
    year, month, date = [*day.split("-"), "", "", ""][:3]
    hours, _, rest = time.partition(":")
    when = f"{date}.{month}.{year} {int(hours or 0)}:{rest}" if day else ""
    return f"Заказ клиента {row.get('Number', '')} от {when}".strip()


def _object(body: Any) -> dict[str, Any]:
    if not isinstance(body, dict):
        raise errors.internal()
    return body


def _new_ref(directory: Directory, body: dict[str, Any]) -> str:
    given = body.get("Ref_Key")
    if given in (None, "", refs.EMPTY_REF):
        return directory.new_ref()
    if not isinstance(given, str) or not refs.is_guid(given):
        raise errors.unparsable(str(given), "Edm.Guid")
    return given.lower()


def _changes(definition: EntitySet, body: dict[str, Any]) -> Row:
    """The stored form of every known property in `body`; nothing is applied on an error."""
    changes: Row = {}
    for name, value in body.items():
        if name in _IGNORED:
            continue
        section = definition.section(name)
        if section is not None:
            changes[name] = _rows(section, value)
            continue
        prop = definition.by_name.get(name)
        if prop is not None:
            changes[name] = values.coerce(prop, value)
    return changes


def _rows(section: Section, value: Any) -> list[Row]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise errors.internal()
    rows: list[Row] = []
    for position, given in enumerate(value, start=1):
        if "LineNumber" not in given or given["LineNumber"] is None:
            raise errors.internal()
        if str(given["LineNumber"]).strip() != str(position):
            raise errors.ODataError(400, "4", "Неверное значение свойства LineNumber")
        row = seed_records.row_of(section, refs.EMPTY_REF, position)
        for prop in section.props:
            if prop.name in given:
                row[prop.name] = values.coerce(prop, given[prop.name])
        rows.append(row)
    return rows


def _renumber(row: Row, definition: EntitySet, ref: str) -> None:
    """Rows carry their owner's Ref_Key."""
    for section in definition.sections:
        for line in row.get(section.name) or []:
            line["Ref_Key"] = ref


def _copy(row: Row) -> Row:
    return {k: [dict(r) for r in v] if isinstance(v, list) else v for k, v in row.items()}
