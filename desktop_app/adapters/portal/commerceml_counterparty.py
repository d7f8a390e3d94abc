"""A `Контрагент` element as a domain `Counterparty`: every raw leaf, and the card built from them.

The element is walked once: the walk yields the raw leaves (what the manager sees as "what
the portal sent") and the normalized card is read from those same leaves, so the two views
can never disagree about what was in the file.

Versions differ in small ways that are all read here: 2.x nests a representative's data in
`Представитель/Контрагент`, 3.x puts it in `Представитель` directly; ОКПО is `ОКПО` or
`КодПоОКПО`; a legal entity's address is `ЮридическийАдрес` (Bitrix) or, in 1C's 3.x
packages, `АдресРегистрации`.
"""

from __future__ import annotations

import re
from typing import cast

from lxml import etree

from desktop_app.adapters.portal.commerceml_text import Element, clean
from desktop_app.domain.counterparty import (
    BankAccount,
    Contact,
    Counterparty,
    CounterpartyKind,
    RawField,
    Representative,
    infer_kind,
)

# Leaves and attributes in document order (an attribute right after its element), selected
# in C: a Python walk over the element proxies costs twice as much (see tests/bench).
_LEAVES_AND_ATTRIBUTES = etree.XPath("descendant::*[not(*)] | descendant-or-self::*/@*")
_Attribute = etree._ElementUnicodeResult  # what an XPath returns for an attribute
_CLARK = re.compile(r"\{[^}]*\}")


def raw_leaves(element: Element) -> tuple[RawField, ...]:
    """Every leaf below the element, in document order, with its exact text.

    Paths come from lxml's `getelementpath` relative to the element (not `getpath()`, which
    walks up to the document root): a repeated sibling gets a 1-based index, a single one gets
    none — ``Контакты/Контакт[2]/Значение``. Attributes appear as ``path/@name``.
    """
    path_of = etree.ElementTree(element).getelementpath
    out: list[RawField] = []
    nodes = cast("list[etree._Element | _Attribute]", _LEAVES_AND_ATTRIBUTES(element))
    for node in nodes:
        if isinstance(node, etree._Element):
            out.append(RawField(path_of(node), node.text or ""))
            continue
        owner = node.getparent()
        base = "" if owner is element or owner is None else f"{path_of(owner)}/"
        out.append(RawField(f"{base}@{node.attrname!s}", str(node)))
    if "{" in str(element.tag):
        return tuple(RawField(_CLARK.sub("", path), value) for path, value in out)
    return tuple(out)


def _groups(leaves: list[RawField], prefix: str) -> list[dict[str, str]]:
    """The leaves below each repetition of `prefix`, keyed by their path below it.

    ``_groups(leaves, "Контакты/Контакт")`` → ``[{"Тип": …, "Значение": …}, …]``.
    """
    groups: dict[str, dict[str, str]] = {}
    size = len(prefix)
    for path, value in leaves:
        if not path.startswith(prefix):
            continue
        rest = path[size:]
        key = ""
        if rest.startswith("["):
            close = rest.find("]")
            key, rest = rest[: close + 1], rest[close + 1 :]
        if rest and not rest.startswith("/"):
            continue  # another element whose name merely starts with the same letters
        group = groups.setdefault(key, {})
        if rest:
            group.setdefault(rest[1:], value)
    return list(groups.values())


def _address(sections: dict[str, list[RawField]], first: dict[str, str], name: str) -> str | None:
    """`Представление`, or the address fields joined when the portal left it empty."""
    text = clean(first.get(f"{name}/Представление"))
    if text:
        return text
    parts: list[str] = []
    for group in _groups(sections.get(name, []), f"{name}/АдресноеПоле"):
        value = clean(group.get("Значение"))
        if value and value not in parts:
            parts.append(value)
    return ", ".join(parts) or None


def map_counterparty(element: Element) -> Counterparty:
    raw = raw_leaves(element)
    first: dict[str, str] = {}
    sections: dict[str, list[RawField]] = {}  # leaves by their top-level element
    for leaf in raw:
        first.setdefault(leaf.path, leaf.value)
        top = leaf.path.partition("/")[0].partition("[")[0]
        sections.setdefault(top, []).append(leaf)

    def get(path: str) -> str | None:
        return clean(first.get(path))

    inn, kpp = get("ИНН"), get("КПП")
    name, official_name = get("Наименование"), get("ОфициальноеНаименование")
    full_name = get("ПолноеНаименование")
    surname, first_name, patronymic = get("Фамилия"), get("Имя"), get("Отчество")
    legal_address = _address(sections, first, "ЮридическийАдрес")
    registration_address = _address(sections, first, "АдресРегистрации")
    kind = infer_kind(
        inn=inn,
        kpp=kpp,
        official_name=official_name,
        name=name,
        full_name=full_name,
        legal_address=legal_address,
        has_person_name=bool(surname or first_name),
    )
    if legal_address is None and kind in (CounterpartyKind.LEGAL, CounterpartyKind.ENTREPRENEUR):
        legal_address = registration_address  # where 1C's 3.x packages put it
    return Counterparty(
        id=get("Ид"),
        name=name,
        official_name=official_name,
        full_name=full_name,
        kind=kind,
        role=get("Роль"),
        inn=inn,
        kpp=kpp,
        okpo=get("ОКПО") or get("КодПоОКПО"),
        surname=surname,
        first_name=first_name,
        patronymic=patronymic,
        legal_address=legal_address,
        registration_address=registration_address,
        address=_address(sections, first, "Адрес"),
        okved=get("ОКВЭД"),
        contacts=tuple(
            Contact(type=clean(g.get("Тип")), value=clean(g.get("Значение")))
            for g in _groups(sections.get("Контакты", []), "Контакты/Контакт")
        ),
        bank_accounts=tuple(
            BankAccount(
                account=clean(g.get("НомерСчета")),
                bank=clean(g.get("Банк/Наименование")),
                bik=clean(g.get("Банк/БИК")),
                corr_account=clean(g.get("Банк/СчетКорреспондентский")),
            )
            for g in _groups(sections.get("РасчетныеСчета", []), "РасчетныеСчета/РасчетныйСчет")
        ),
        representatives=tuple(
            Representative(  # 2.x nests the person in a Контрагент, 3.x does not
                relation=clean(g.get("Отношение") or g.get("Контрагент/Отношение")),
                name=clean(g.get("Наименование") or g.get("Контрагент/Наименование")),
                id=clean(g.get("Ид") or g.get("Контрагент/Ид")),
            )
            for g in _groups(sections.get("Представители", []), "Представители/Представитель")
        ),
        raw=raw,
    )
