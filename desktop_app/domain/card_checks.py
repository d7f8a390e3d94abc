"""What a manager may type into the card of a counterparty to create, checked before it is recorded.

1C does not check what arrives over OData (GUIDE §5): a create decision recorded with
`inn=12345` or `head_key=not-a-guid` used to be accepted and failed only at `push`, or
worse, created a counterparty with a broken ИНН. The window's create card (`CardPanel`)
and `decide --create --field` (`DecisionService.create`) both go through
`CounterpartyCard.edited`, which asks this module, so both doors refuse the same values
with the same words. The rules are `requisite_keys`' (ИНН
and ОГРН through python-stdnum; ОГРНИП and КПП as in the reference test vectors).

`change_problem` refuses a changed value that is not a requisite at all. Then the whole card,
as it would be written, is checked as `checks` checks an order (`card_findings`: the same
`requisite_checks.check_buyer`, so ИНН, КПП, ОГРН/ОГРНИП, the kind against the ИНН's length,
e-mail and phone are judged alike in the CLI, the queue and the card): an ИНН with a wrong
check digit was once accepted because it came from the portal unchanged. An error blocks the
create (the window's card says it beside the field; `DecisionService.create` refuses it
again, whoever calls it), a warning is the manager's call. A refusal is a
`CardProblemError`, a code and the value; its sentence is `desktop_app.wording.card_problems`.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from desktop_app.domain import requisite_keys
from desktop_app.domain.counterparty import Contact, Counterparty
from desktop_app.domain.requisite_checks import Finding, Severity, check_buyer

if TYPE_CHECKING:
    from desktop_app.domain.decisions import CounterpartyCard


def is_guid(value: str) -> bool:
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


def guid_text(value: str) -> str:
    """The canonical lower-case form 1C's OData uses; ValueError when not a GUID."""
    return str(uuid.UUID(value.strip()))


class CardProblemError(ValueError):
    """A value the card does not take: a code of `PROBLEM_CODES` and the values it is about."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code, params)
        self.code = code
        self.params = params


PROBLEM_CODES = (
    "unknown-field", "inn-value", "kpp-value", "ogrn-value", "head_key-value", "kind-value",
    "name-missing", "partner-key", "card-error",
)  # fmt: skip

_RULES: dict[str, Callable[[str], bool]] = {
    "inn": requisite_keys.is_valid_inn,
    "kpp": requisite_keys.is_valid_kpp,
    "ogrn": requisite_keys.is_valid_ogrn_any,
    "head_key": is_guid,
}


def change_problem(changes: Mapping[str, str]) -> CardProblemError | None:
    """The first changed field whose new value is not allowed; None if all are.

    A blank value clears the field and is allowed (a foreign buyer has no ИНН).
    """
    for name, raw in changes.items():
        value = raw.strip()
        rule = _RULES.get(name)
        if rule is not None and value and not rule(value):
            return CardProblemError(f"{name}-value", value=value)
    return None


def partner_problem(partner_key: str | None) -> CardProblemError | None:
    """When the chosen partner is not a 1C key; None when it is or none is chosen."""
    if partner_key is None or is_guid(partner_key.strip()):
        return None
    return CardProblemError("partner-key", value=partner_key)


CARD_FIELDS = ("name", "full_name", "kind", "inn", "kpp", "ogrn", "legal_address",
               "actual_address", "phone", "email")  # fmt: skip
"""The fields of the card a finding may point at (others are the order's, not the card's)."""


def card_findings(card: CounterpartyCard) -> list[Finding]:
    """What `checks` would find in the counterparty the card creates, errors first."""
    contacts = (Contact("Телефон", card.phone or None), Contact("Почта", card.email or None))
    buyer = Counterparty(
        id=None, name=card.name or None, official_name=None, full_name=card.full_name or None,
        kind=card.kind, role=None, inn=card.inn or None, kpp=card.kpp or None, okpo=None,
        surname=None, first_name=None, patronymic=None,
        legal_address=card.legal_address or None, registration_address=None, address=None,
        contacts=contacts,
    )  # fmt: skip
    found = check_buyer(buyer, registration_number=card.ogrn or None)
    return [finding for finding in found if finding.field in CARD_FIELDS]


def card_errors(card: CounterpartyCard) -> list[Finding]:
    """The findings that keep the card from being written to 1C."""
    return [f for f in card_findings(card) if f.severity is Severity.ERROR]
