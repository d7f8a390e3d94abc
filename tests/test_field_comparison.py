"""The portal's buyer beside a 1C counterparty: each status, names compared normalized."""

from __future__ import annotations

from typing import Any

from desktop_app.domain.counterparty import Counterparty, CounterpartyKind
from desktop_app.domain.field_comparison import ComparisonStatus, FieldComparison, compare
from desktop_app.domain.onec_directory import DirectoryCounterparty
from desktop_app.wording.card_fields import compared_label, compared_value

from conftest import portal_buyer

SAME = ComparisonStatus.SAME
DIFFERS = ComparisonStatus.DIFFERS
NOT_IN_PORTAL = ComparisonStatus.MISSING_IN_PORTAL
NOT_IN_1C = ComparisonStatus.MISSING_IN_1C


def buyer(**changes: Any) -> Counterparty:
    return portal_buyer(**({"okpo": "47296611", "legal_address": None} | changes))


def onec(**changes: Any) -> DirectoryCounterparty:
    values: dict[str, Any] = {
        "ref_key": "0c6e0b6a-1c00-4000-8000-000000000001",
        "data_version": "AAAAAQAAAAA=",
        "deletion_mark": False,
        "description": "Вектор ООО",
        "full_name": "ООО «ВЕКТОР»",
        "inn": "7707083893",
        "kpp": "770701001",
        "registration_number": "1027700132195",
        "okpo": "47296611",
        "legal_form": "ЮрЛицо",
        "partner_key": None,
        "head_key": None,
        "is_branch": False,
    }
    return DirectoryCounterparty(**(values | changes))


def shown(row: FieldComparison) -> tuple[str | None, str | None]:
    """The two sides of a row as the CLI shows them."""
    return compared_value(row, row.portal_value), compared_value(row, row.onec_value)


def by_field(rows: list[FieldComparison]) -> dict[str, FieldComparison]:
    return {row.field: row for row in rows}


def test_same_company_spelled_otherwise_is_the_same() -> None:
    rows = compare(buyer(), onec(), registration_number="1027700132195")
    assert [r.field for r in rows] == ["name", "full_name", "inn", "kpp", "ogrn", "okpo", "kind"]
    assert {r.field: r.status for r in rows} == dict.fromkeys(
        ["name", "full_name", "inn", "kpp", "ogrn", "okpo", "kind"], SAME
    )
    name = by_field(rows)["name"]
    assert (compared_label(name), name.portal_value, name.onec_value) == (
        "Наименование",
        'ООО "Вектор"',
        "Вектор ООО",
    )  # shown as each side has it
    kind = by_field(rows)["kind"]
    assert compared_value(kind, kind.portal_value) == "Юридическое лицо"
    assert compared_label(kind) == "Вид (юр./физ. лицо)"


def test_each_status() -> None:
    rows = by_field(
        compare(
            buyer(kpp="770743001", okpo=None, name="Вектор-Ё"),
            onec(registration_number=None, description="Вектор-Е"),
            registration_number="1027700132195",
        )
    )
    assert rows["kpp"].status is DIFFERS
    assert (rows["kpp"].portal_value, rows["kpp"].onec_value) == ("770743001", "770701001")
    assert rows["okpo"].status is NOT_IN_PORTAL
    assert rows["ogrn"].status is NOT_IN_1C
    assert rows["name"].status is SAME  # ё = е
    assert by_field(compare(buyer(), onec()))["ogrn"].status is NOT_IN_PORTAL
    both_empty = by_field(compare(buyer(okpo=None), onec(okpo=None)))["okpo"]
    assert (both_empty.status, both_empty.portal_value, both_empty.onec_value) == (SAME, None, None)


def test_kinds_are_compared_as_kinds() -> None:
    entrepreneur = by_field(compare(buyer(kind=CounterpartyKind.ENTREPRENEUR), onec()))["kind"]
    assert entrepreneur.status is DIFFERS
    assert shown(entrepreneur) == (
        "Индивидуальный предприниматель",
        "Юридическое лицо",
    )
    foreign = by_field(compare(buyer(), onec(legal_form="ЮрЛицоНеРезидент")))["kind"]
    assert foreign.status is SAME
    assert shown(foreign)[1] == "Юридическое лицо (нерезидент)"
    person = by_field(compare(buyer(kind=CounterpartyKind.PERSON), onec(legal_form="ФизЛицо")))
    assert person["kind"].status is SAME
    unknown = by_field(compare(buyer(kind=CounterpartyKind.UNKNOWN), onec(legal_form=None)))
    assert unknown["kind"].status is SAME
    assert by_field(compare(buyer(kind=CounterpartyKind.UNKNOWN), onec()))["kind"].status is (
        NOT_IN_PORTAL
    )


def test_person_name_from_its_parts() -> None:
    person = buyer(
        name=None,
        official_name=None,
        full_name="Петров Пётр Петрович",
        surname="Петров",
        first_name="Пётр",
        patronymic="Петрович",
        kind=CounterpartyKind.PERSON,
        inn=None,
        kpp=None,
    )
    rows = by_field(
        compare(person, onec(description="Петров Петр Петрович", full_name=None, inn=None))
    )
    assert rows["name"].status is SAME
    assert rows["name"].portal_value == "Петров Пётр Петрович"
    assert rows["full_name"].status is NOT_IN_1C
    assert rows["inn"].status is SAME
    assert rows["kpp"].status is NOT_IN_PORTAL
