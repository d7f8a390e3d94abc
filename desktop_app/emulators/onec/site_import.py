"""The buyer of a site order as 1C's standard "Обмен с сайтом" of УТ 11.5 settles it.

Unlike 1C-Bitrix's module, this exchange never leaves the counterparty empty. From the УТ
11.5.20.68 configuration dump (github.com/work1cblackbird/ut11):

- the buyer is a legal entity when its `Контрагент` element has `ОфициальноеНаименование`
  (ОбменССайтом.ЗаполнитьДанныеКонтрагента) — Bitrix writes one for entrepreneurs too, so an
  ИП counts as a legal entity here;
- ОбменССайтомПереопределяемый.ИдентифицироватьКонтрагента looks among ALL counterparties —
  its query has no condition on the deletion mark — of the matching kind (ЮрЛицо for a legal
  entity, ФизЛицо or ИП otherwise): by ИНН and КПП for a legal entity, by ИНН for a person,
  by `Наименование` when there is no ИНН (or when the exchange node says to identify by
  name); the first by ЮрФизЛицо wins, and its partner goes on the order;
- none found: ОбменССайтамиУТ.СоздатьКонтрагента makes one — name, ИНН, КПП, ЮрФизЛицо
  (ЮрЛицо; ИП when not a legal entity but with an ИНН; else ФизЛицо), the full name from
  `ОфициальноеНаименование` (or `ПолноеНаименование`), the addresses, phone and e-mail — under
  the predefined partner «Неизвестный партнер», unless the node's «Создавать партнеров для
  новых контрагентов» is on (then a new partner, commented «Создан автоматически при импорте
  заказов с сайта», ОбменССайтамиУТ.ВновьСозданныйПартнер).

Only the stored counterparties are searched: the benchmark's generated range has ИНН of its
own, none of a world buyer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from desktop_app.domain.counterparty import Counterparty, CounterpartyKind
from desktop_app.emulators.onec import refs, seed_records, seed_reference
from desktop_app.emulators.onec.schema import COUNTERPARTIES, PARTNERS
from desktop_app.emulators.onec.seed_records import CounterpartyCard

if TYPE_CHECKING:
    from desktop_app.emulators.onec.directory import Directory

Row = dict[str, Any]
NEW_PARTNER_COMMENT = seed_reference.SITE_EXCHANGE_COMMENT
_RANK = {"ЮрЛицо": 1, "ФизЛицо": 2, "ИндивидуальныйПредприниматель": 3}
"""ИдентифицироватьКонтрагента's `УПОРЯДОЧИТЬ ПО КонтрагентЮрФизЛицо`."""


@dataclass(frozen=True, slots=True)
class Settled:
    """The counterparty and partner the exchange put on the order."""

    counterparty: str
    partner: str
    created: bool


def is_legal(party: Counterparty) -> bool:
    """ЗаполнитьДанныеКонтрагента: «ЮрЛицо» when the element has ОфициальноеНаименование,
    which Bitrix writes for companies and entrepreneurs (bitrix_counterparty._is_company)."""
    if party.kind in (CounterpartyKind.LEGAL, CounterpartyKind.ENTREPRENEUR):
        return True
    return party.kind is CounterpartyKind.UNKNOWN and bool(party.official_name)


def _same(a: object, b: str) -> bool:
    """`=` on strings in 1C's query language: case and trailing spaces do not count."""
    return str(a or "").rstrip(" ").casefold() == b.rstrip(" ").casefold()


def _condition(party: Counterparty, by_name: bool) -> Callable[[Row], bool]:
    legal = is_legal(party)
    kinds = ("ЮрЛицо",) if legal else ("ФизЛицо", "ИндивидуальныйПредприниматель")
    inn, kpp, name = (party.inn or "").strip(), (party.kpp or "").strip(), party.name or ""
    if by_name or not inn:
        return lambda row: row["ЮрФизЛицо"] in kinds and _same(row["Description"], name)
    if legal:
        return lambda row: (
            row["ЮрФизЛицо"] in kinds and _same(row["ИНН"], inn) and _same(row["КПП"], kpp)
        )
    return lambda row: row["ЮрФизЛицо"] in kinds and _same(row["ИНН"], inn)


def settle(
    directory: Directory,
    party: Counterparty,
    *,
    by_name: bool = False,
    new_partners: bool = False,
) -> Settled:
    """Find the order's counterparty as the exchange does, or create it (and its partner)."""
    table = directory.table(COUNTERPARTIES)
    test = _condition(party, by_name)
    found = [row for ref in table.stored_refs() if (row := table.get(ref)) and test(row)]
    if found:
        descending = not is_legal(party) and bool(party.inn)
        found.sort(key=lambda row: _RANK.get(row["ЮрФизЛицо"], 0), reverse=descending)
        return Settled(found[0]["Ref_Key"], found[0]["Партнер_Key"], created=False)
    partner = seed_records.UNKNOWN_PARTNER
    if new_partners:
        partner = _new_partner(directory, party)
    return Settled(_new_counterparty(directory, party, partner), partner, created=True)


def _legal_form(party: Counterparty) -> str:
    if is_legal(party):
        return "ЮрЛицо"
    return "ИндивидуальныйПредприниматель" if party.inn else "ФизЛицо"


def _new_counterparty(directory: Directory, party: Counterparty, partner: str) -> str:
    ref = directory.new_ref()
    legal = is_legal(party)
    card = CounterpartyCard(
        description=party.name or "",
        full_name=(party.official_name if legal else party.full_name) or "",
        legal_form=_legal_form(party),
        inn=(party.inn or "").strip(),
        kpp=(party.kpp or "").strip(),
        okpo="",  # ЗаполнитьЗначенияСвойств copies ОКПО into no attribute (it is КодПоОКПО)
        registration_number="",
    )
    row = seed_records.counterparty(ref, card, partner=partner, version=0)
    phone, email = _contact(party, "ТелефонРабочий"), _contact(party, "Почта")
    legal_address = party.legal_address or party.registration_address
    row["КонтактнаяИнформация"] = seed_records.contact_rows(
        ref, (legal_address, party.address, phone, email)
    )
    directory.table(COUNTERPARTIES).put(row)
    return ref


def _contact(party: Counterparty, kind: str) -> str:
    """The contact of a kind, compared as `ВРег(Вид) = ВРег(…)` in СоздатьКонтрагента."""
    return next(
        (c.value for c in party.contacts if c.value and (c.type or "").upper() == kind.upper()),
        "",
    )


def _new_partner(directory: Directory, party: Counterparty) -> str:
    ref = directory.new_ref()
    legal = is_legal(party)
    row = seed_records.partner(
        ref,
        party.name or "",
        full_name=(party.official_name if legal else party.full_name) or "",
        private=not legal,
        code=directory.take_code(),
        registered=directory.clock(),
        version=0,
        access_group=seed_reference.ACCESS_GROUP_SITE,  # ОбменССайтамиУТ.ВновьСозданныйПартнер
    )
    row["Комментарий"] = NEW_PARTNER_COMMENT
    row["DataVersion"] = refs.data_version(0)
    directory.table(PARTNERS).put(row)
    return ref
