"""Which exchange setup the 1C base has: found from 1C's own data, said in words.

`$metadata` says what can be looked at (`Б_Идентификатор` exists only where 1C-Bitrix's
module is installed; the additional attributes only where the section is published), and a
sample of 1C's most recent orders says where the portal's orders really are: the field or
the additional attribute whose values are the numbers or `Ид` of orders the app has received
from the portal. Nothing is assumed — without such a match the setup stays unknown, the
words say why and what to do, and the link step waits (GUIDE §5).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from desktop_app.adapters.onec.odata_client import ODataClient
from desktop_app.adapters.onec.onec_objects import CUSTOMER_ORDERS
from desktop_app.adapters.onec.publication import Publication
from desktop_app.adapters.onec.site_orders import (
    ORDER_PROPERTIES,
    OTHER_FIELDS,
    PROPERTIES_SECTION,
    PROPERTY_KINDS,
    Candidate,
    latest_places,
    property_title,
)
from desktop_app.domain.order_link import (
    BITRIX_FIELD,
    UNKNOWN,
    LinkKind,
    OrderLink,
    SiteKey,
    describe,
)
from desktop_app.store.onec_order_repository import PortalKeys
from desktop_app.wording.phrases import phrase_text

SAMPLE = 200
"""How many of 1C's latest orders are looked at."""


@dataclass(frozen=True, slots=True)
class Detection:
    link: OrderLink
    lines: tuple[str, ...]
    """What was found, in words, one sentence each."""
    sample: int
    matched: int
    detected_at: dt.datetime

    @property
    def failed(self) -> bool:
        """1C's orders were compared with the portal's and none matched: a problem to show
        (an empty 1C or a fresh app with no orders yet is not one)."""
        return not self.link.known and self.sample > 0 and self.compared

    compared: bool = False
    """The app had portal orders to compare 1C's with."""


def detect(
    client: ODataClient, publication: Publication, known: PortalKeys, sample: int = SAMPLE
) -> Detection:
    now = dt.datetime.now(dt.UTC)
    published = publication.sets.get(CUSTOMER_ORDERS)
    if published is None:
        return Detection(UNKNOWN, (_NOT_PUBLISHED,), 0, 0, now)
    fields = [f for f in (BITRIX_FIELD, *OTHER_FIELDS) if f in published]
    sections = PROPERTIES_SECTION in published
    rows = latest_places(client, fields, sections, sample)
    scores: Counter[tuple[Candidate, SiteKey]] = Counter()
    filled: Counter[Candidate] = Counter()
    for places in rows:
        for candidate, value in places:
            filled[candidate] += 1
            if value in known.ids:
                scores[(candidate, SiteKey.ID)] += 1
            if value in known.numbers:
                scores[(candidate, SiteKey.NUMBER)] += 1
    if not scores:
        lines = _unknown(rows, known, fields, sections, filled)
        return Detection(UNKNOWN, lines, len(rows), 0, now, compared=bool(known))
    (candidate, holds), matched = max(scores.items(), key=lambda item: (item[1], _rank(*item[0])))
    link = _link(client, publication, candidate, holds)
    words = [
        phrase_text(describe(link)),
        f"Так в {matched} из {len(rows)} последних заказов 1С: там {phrase_text(link.value_words)} "
        "заказов, которые программа получила с портала.",
    ]
    others = sorted({c for (c, _), n in scores.items() if c != candidate and n})
    if others:
        words.append("Совпадения есть и в: " + ", ".join(_place(c) for c in others) + ".")
    words.extend(_gaps(publication, link))
    return Detection(link, tuple(words), len(rows), matched, now, compared=True)


def _rank(candidate: Candidate, holds: SiteKey) -> tuple[int, int]:
    """Ties go to the exchanges' own places: Б_Идентификатор (with the Ид), then a property,
    then the fields custom exchanges use."""
    kind, name = candidate
    if name == BITRIX_FIELD:
        return (3, holds is SiteKey.ID)
    if kind == "property":
        return (2, holds is SiteKey.NUMBER)
    return (1 if name == OTHER_FIELDS[0] else 0, holds is SiteKey.NUMBER)


def _link(
    client: ODataClient, publication: Publication, candidate: Candidate, holds: SiteKey
) -> OrderLink:
    kind, name = candidate
    if kind == "property":
        return OrderLink(LinkKind.PROPERTY, property_key=name, holds=holds,
                         property_name=_property_name(client, publication, name))  # fmt: skip
    link_kind = LinkKind.BITRIX if name.startswith("Б_") else LinkKind.FIELD
    return OrderLink(link_kind, field=name, holds=holds)


def _property_name(client: ODataClient, publication: Publication, key: str) -> str:
    if PROPERTY_KINDS not in publication.sets:
        return ""
    return property_title(client, key)


def _place(candidate: Candidate) -> str:
    kind, name = candidate
    return f"доп. реквизите {name}" if kind == "property" else f"поле «{name}»"


def _gaps(publication: Publication, link: OrderLink) -> list[str]:
    if link.kind is not LinkKind.PROPERTY:
        return []
    gaps = []
    if ORDER_PROPERTIES not in publication.sets:
        gaps.append(
            f"В публикации нет набора {ORDER_PROPERTIES}: без него программа не найдёт заказ "
            "по доп. реквизиту. Администратор 1С должен добавить табличную часть "
            "«Дополнительные реквизиты» заказа клиента в состав стандартного интерфейса OData."
        )
    if not link.property_name:
        gaps.append(
            f"Чтобы называть доп. реквизит по имени, опубликуйте {PROPERTY_KINDS} "
            "(план видов характеристик «Дополнительные реквизиты и сведения»)."
        )
    return gaps


_NOT_PUBLISHED = (
    "Документ «Заказ клиента» (Document_ЗаказКлиента) не опубликован: где 1С хранит номер "
    "заказа сайта, не определить."
)
_HOW_TO_SET = (
    "Пока это не известно, связь заказов с 1С ждёт. Указать вручную: config set onec.order_link "
    "field:ИМЯ_ПОЛЯ (или bitrix, или property:ГУИД_СВОЙСТВА)."
)


def _unknown(
    rows: list[set[tuple[Candidate, str]]],
    known: PortalKeys,
    fields: list[str],
    sections: bool,
    filled: Counter[Candidate],
) -> tuple[str, ...]:
    if not rows:
        lines = ["В 1С нет ни одного заказа клиента: не по чему определить, куда обмен с сайтом "
                 "кладёт номер заказа."]  # fmt: skip
    elif not known:
        lines = ["В программе ещё нет заказов портала: получите их с портала, затем проверьте "
                 "1С снова."]  # fmt: skip
    else:
        looked = [f"«{f}»" for f in fields] + (["доп. реквизиты"] if sections else [])
        lines = [
            f"Ни в одном из {len(rows)} последних заказов 1С нет номера или Ид заказов, "
            f"которые программа получила с портала (проверено: {', '.join(looked)})."
        ]
    if not sections:
        lines.append(
            "Табличная часть «Дополнительные реквизиты» заказа клиента не опубликована: если "
            "1С получает заказы стандартным «Обменом с сайтом», администратор 1С должен "
            f"добавить {ORDER_PROPERTIES} в состав стандартного интерфейса OData."
        )
    if filled:
        shown = ", ".join(f"{_place(c)} — {n}" for c, n in filled.most_common(4))
        lines.append(f"Заполнено в последних заказах 1С: {shown}.")
    lines.append(_HOW_TO_SET)
    return tuple(lines)
