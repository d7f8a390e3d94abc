"""Where 1C keeps the portal's order: the three exchange setups of GUIDE §5, as one value.

The link step must find the 1C order made from a portal order, and each exchange leaves it
somewhere else: 1C-Bitrix's module writes the site's `Ид` into `Б_Идентификатор`, 1C's
standard "Обмен с сайтом" writes the site's number into an additional attribute (a row of
`ДополнительныеРеквизиты` whose `Свойство_Key` is the property chosen in the exchange node),
and custom exchanges use any field. `OrderLink` names one of them; `check onec` finds out
which from 1C itself, a person may set it by hand (`onec.order_link`), and while it is
unknown the link step waits and says why, rather than guessing.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from enum import StrEnum

from desktop_app.domain.phrase import Phrase, PhraseError, phrase

BITRIX_FIELD = "Б_Идентификатор"
"""1C-Bitrix's module: the site order's `Ид` (the `Б_` attributes of «Свойства БУС»)."""


class LinkKind(StrEnum):
    UNKNOWN = "unknown"
    BITRIX = "bitrix"
    """1C-Bitrix's exchange module: a field (`Б_Идентификатор`) holds the site's `Ид`."""
    PROPERTY = "property"
    """1C's standard "Обмен с сайтом": an additional attribute holds the site's number."""
    FIELD = "field"
    """A custom exchange: a field of the order (`НомерПоДаннымКлиента`, …) holds it."""


class SiteKey(StrEnum):
    """Which of the portal order's identifiers 1C keeps."""

    NUMBER = "number"
    """`Номер` of CommerceML: the order number the buyer sees."""
    ID = "id"
    """`Ид` of CommerceML: the portal's own identifier of the order."""


@dataclass(frozen=True, slots=True)
class OrderLink:
    kind: LinkKind = LinkKind.UNKNOWN
    field: str = ""
    """BITRIX and FIELD: the attribute of Document_ЗаказКлиента."""
    property_key: str = ""
    """PROPERTY: the `Свойство_Key` (a property of «Дополнительные реквизиты и сведения»)."""
    property_name: str = ""
    """PROPERTY: its name in 1C («Номер заказа на сайте»), for the words; may be unknown."""
    holds: SiteKey = SiteKey.NUMBER

    def __post_init__(self) -> None:
        if self.kind in (LinkKind.BITRIX, LinkKind.FIELD) and not self.field:
            raise ValueError(f"an order link of kind {self.kind} needs the field")
        if self.kind is LinkKind.PROPERTY:
            uuid.UUID(self.property_key)  # a property is a reference: refuse anything else

    @property
    def known(self) -> bool:
        return self.kind is not LinkKind.UNKNOWN

    @property
    def place(self) -> Phrase:
        """Where, said after «в»: «поле «Б_Идентификатор»», «дополнительном реквизите «…»»;
        1C's names of the field and the property are values, never worded."""
        if self.kind is LinkKind.PROPERTY:
            return phrase("link.place/property", name=self.property_name or self.property_key)
        if self.known:
            return phrase("link.place/field", field=self.field)
        return phrase("link.place/unknown")

    @property
    def value_words(self) -> Phrase:
        return phrase("link.holds/id" if self.holds is SiteKey.ID else "link.holds/number")

    def site_key(self, portal_id: str, number: str | None) -> str:
        """The value 1C holds for this portal order: its `Ид` or its number."""
        value = portal_id if self.holds is SiteKey.ID else (number or "")
        return value.strip()


UNKNOWN = OrderLink()


def bitrix(field: str = BITRIX_FIELD) -> OrderLink:
    return OrderLink(LinkKind.BITRIX, field=field, holds=SiteKey.ID)


def describe(link: OrderLink) -> Phrase:
    """For a manager or a 1C administrator: which exchange, where the order is
    (`wording.order_links`)."""
    if link.kind is LinkKind.UNKNOWN:
        return phrase("link.unknown")
    return phrase(f"link.{link.kind.value}", holds=link.value_words, place=link.place)


def parse(text: str) -> OrderLink | None:
    """The setting `onec.order_link` as a person writes it; None for `auto`.

    `auto` (what `check onec` found), `bitrix` (or `bitrix:ПОЛЕ`), `property:GUID` (or
    `property:GUID:Название`), `field:ПОЛЕ` (or `field:ПОЛЕ:id` when the field holds the `Ид`).
    A `PhraseError` says what is wrong (`order-link.…`).
    """
    head, _, rest = text.strip().partition(":")
    kind = head.strip().lower()
    if kind in ("", "auto"):
        return None
    if kind == "bitrix":
        return bitrix(rest.strip() or BITRIX_FIELD)
    if kind == "property":
        key, _, name = rest.partition(":")
        try:
            return OrderLink(LinkKind.PROPERTY, property_key=str(uuid.UUID(key.strip())),
                             property_name=name.strip())  # fmt: skip
        except ValueError:
            raise PhraseError(
                "для property нужен ключ свойства (GUID): property:ГУИД[:Название]",
                "order-link.property-key",
            ) from None
    if kind == "field":
        field, _, holds = rest.partition(":")
        if not field.strip():
            raise PhraseError(
                "для field нужно имя поля заказа: field:НомерПоДаннымКлиента",
                "order-link.field-name",
            )
        key = SiteKey.ID if holds.strip().lower() == "id" else SiteKey.NUMBER
        return OrderLink(LinkKind.FIELD, field=field.strip(), holds=key)
    raise PhraseError("auto, bitrix, property:ГУИД или field:ПОЛЕ", "order-link.kinds")


def text_of(link: OrderLink | None) -> str:
    """The setting's text for a link (the inverse of `parse`)."""
    if link is None or not link.known:
        return "auto"
    if link.kind is LinkKind.BITRIX:
        return "bitrix" if link.field == BITRIX_FIELD else f"bitrix:{link.field}"
    if link.kind is LinkKind.PROPERTY:
        name = f":{link.property_name}" if link.property_name else ""
        return f"property:{link.property_key}{name}"
    holds = ":id" if link.holds is SiteKey.ID else ""
    return f"field:{link.field}{holds}"
