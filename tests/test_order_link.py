"""The order link as a setting, and the signs that a counterparty was made by 1C's exchange."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.domain import order_link
from desktop_app.domain.onec_order_state import OrderCounterparty, auto_signs, ref_moment
from desktop_app.domain.order_link import LinkKind, OrderLink, SiteKey
from desktop_app.services import settings
from desktop_app.wording.onec_orders import sign_text

KEY = "2b760002-16c6-11e9-8f3a-0050569e1c2d"


@pytest.mark.parametrize(
    ("text", "kind", "shown"),
    [
        ("auto", None, "auto"),
        ("bitrix", LinkKind.BITRIX, "bitrix"),
        ("field:НомерПоДаннымКлиента", LinkKind.FIELD, "field:НомерПоДаннымКлиента"),
        (f"property:{KEY.upper()}:Номер заказа на сайте", LinkKind.PROPERTY,
         f"property:{KEY}:Номер заказа на сайте"),
    ],
)  # fmt: skip
def test_the_setting_round_trips(text: str, kind: LinkKind | None, shown: str) -> None:
    link = order_link.parse(text)
    assert (link.kind if link else None) is kind
    assert order_link.text_of(link) == shown


def test_bad_settings_are_refused_in_words() -> None:
    for text, words in (("property:x", r"ключ свойства \(GUID\)"), ("field:", "имя поля"),
                        ("elsewhere", "auto, bitrix")):  # fmt: skip
        with pytest.raises(settings.SettingsError, match=words):
            settings.with_value(settings.Settings(), "onec.order_link", text)


def test_which_portal_value_1c_holds() -> None:
    assert order_link.bitrix().site_key("ID-7", "Б2Б-4117") == "ID-7"
    field = OrderLink(LinkKind.FIELD, field="НомерПоДаннымКлиента")
    assert field.site_key("ID-7", " Б2Б-4117 ") == "Б2Б-4117" and field.holds is SiteKey.NUMBER


def test_a_reference_tells_when_1c_made_the_object() -> None:
    # kilylabs/odata-1c issue 4: an order dated 2017-10-19T22:52:52 with this Ref_Key
    made = ref_moment("1711a01c-b507-11e7-82e4-dc85de068416")
    assert made is not None and made.date() == dt.date(2017, 10, 19)
    assert ref_moment("not-a-guid") is None
    assert ref_moment("12345678-1234-4234-8234-123456789abc") is None  # version 4: no time


def test_signs_of_a_counterparty_the_exchange_made() -> None:
    party = OrderCounterparty(
        key="1711a01c-b507-11e7-82e4-dc85de068416", name="Вектор", inn="7701234567",
        kpp="770101001", deletion_mark=False, partner_key=KEY, partner_name="Неизвестный партнер",
        partner_predefined="НеизвестныйПартнер", partner_comment=None, same_inn=("Вектор ООО",),
    )  # fmt: skip
    order = "1711a01d-b507-11e7-82e4-dc85de068416"  # made a moment later
    signs = [sign_text(s) for s in auto_signs(order, party)]
    assert signs[0].startswith("создан за 0 с до заказа")
    assert "партнёр «Неизвестный партнер»" in signs
    assert "те же ИНН и КПП, что у «Вектор ООО»" in signs
    person = OrderCounterparty(
        key=party.key, name="Вектор", inn=None, kpp=None, deletion_mark=False,
        partner_key=KEY, partner_name="Вектор", partner_predefined="", partner_comment=None,
    )  # fmt: skip
    assert auto_signs("1711a01d-b607-11e7-82e4-dc85de068416", person) == ()  # a day later


def test_a_partner_the_exchange_made_counts_only_when_made_with_the_order() -> None:
    """The comment says the exchange made the partner once; years later it is a manager's
    partner, and its counterparties are no duplicates to mark for deletion."""
    fresh = "1711a01c-b507-11e7-82e4-dc85de068416"  # made a moment before the order
    old = "1711a01c-b507-11e5-82e4-dc85de068416"  # the same moment of 2015
    order = "1711a01d-b507-11e7-82e4-dc85de068416"

    def party(partner_key: str) -> OrderCounterparty:
        return OrderCounterparty(
            key=old, name="Вектор", inn="7701234567", kpp="770101001", deletion_mark=False,
            partner_key=partner_key, partner_name="Вектор", partner_predefined="",
            partner_comment="Создан автоматически при импорте заказов с сайта",
        )  # fmt: skip

    assert [sign_text(s) for s in auto_signs(order, party(fresh))] == [
        "партнёр создан обменом с сайтом автоматически, вместе с заказом",
    ]
    assert auto_signs(order, party(old)) == ()
