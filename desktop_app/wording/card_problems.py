"""Why the card of a counterparty to create does not take a value, in the manager's words.

`domain.card_checks` says it with a code and the value (`CardProblemError`); the window's card
(`CardPanel`) and `decide --create --field` (through `DecisionService`) show this sentence,
so both doors refuse the same values with the same words.
"""

from __future__ import annotations

from desktop_app.domain.card_checks import CardProblemError
from desktop_app.domain.phrase import PhraseError
from desktop_app.domain.requisite_values import Finding
from desktop_app.wording.card_fields import field_label
from desktop_app.wording.catalog import QT_TRANSLATE_NOOP, Table, Translate
from desktop_app.wording.findings import finding_text
from desktop_app.wording.phrases import phrase_text

CARD_PROBLEMS = Table(
    "card problems",
    {
        "unknown-field": QT_TRANSLATE_NOOP(
            "CardProblems", "Нет поля «{field}» в карточке контрагента. Есть: {known}."
        ),
        "inn-value": QT_TRANSLATE_NOOP(
            "CardProblems",
            "«{value}» не подходит для поля inn: нужен ИНН: 10 цифр у организации, 12 у ИП и "
            "физлица, с верным контрольным числом.",
        ),
        "kpp-value": QT_TRANSLATE_NOOP(
            "CardProblems",
            "«{value}» не подходит для поля kpp: нужен КПП: 9 знаков (4 цифры, 2 цифры или "
            "латинские заглавные буквы, 3 цифры).",
        ),
        "ogrn-value": QT_TRANSLATE_NOOP(
            "CardProblems",
            "«{value}» не подходит для поля ogrn: нужен ОГРН (13 цифр) или ОГРНИП (15 цифр) с "
            "верным контрольным числом.",
        ),
        "head_key-value": QT_TRANSLATE_NOOP(
            "CardProblems",
            "«{value}» не подходит для поля head_key: нужен ключ головного контрагента в 1С "
            "(GUID).",
        ),
        "kind-value": QT_TRANSLATE_NOOP(
            "CardProblems",
            "Вид контрагента: legal (юрлицо), entrepreneur (ИП) или person (физлицо).",
        ),
        "name-missing": QT_TRANSLATE_NOOP(
            "CardProblems", "У контрагента должно быть наименование."
        ),
        "partner-key": QT_TRANSLATE_NOOP(
            "CardProblems",
            "«{value}» — не ключ партнёра 1С: нужен его GUID (см. directory find).",
        ),
        "card-error": QT_TRANSLATE_NOOP(
            "CardProblems", "Контрагент не создан: поле «{field}» — {finding}"
        ),
    },
)


def refusal_text(finding: Finding, translate: Translate | None = None) -> str:
    """Why a card with a check error is not written: its field and the finding's sentence."""
    params = {"field": field_label(finding.field, translate),
              "finding": finding_text(finding, translate)}  # fmt: skip
    return CARD_PROBLEMS.text("card-error", params, translate)


def problem_text(error: ValueError, translate: Translate | None = None) -> str:
    """A card problem's or the domain's refusal's sentence (a decision that cannot be); any
    other ValueError says what it says."""
    if isinstance(error, CardProblemError):
        return CARD_PROBLEMS.text(error.code, error.params, translate)
    if isinstance(error, PhraseError):
        return phrase_text(error.phrase, translate)
    return str(error)
