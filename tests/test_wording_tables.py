"""Every code the domain can produce has its one wording, and the window and the CLI say it
in the same Russian sentence."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot
from wording_samples import (
    candidate_phrases,
    codes,
    entity_phrases,
    link_phrases,
    onec_row,
    refusals,
)

from desktop_app.domain import order_link
from desktop_app.domain import requisite_keys as rk
from desktop_app.domain.card_checks import PROBLEM_CODES
from desktop_app.domain.counterparty import BankAccount, CounterpartyKind
from desktop_app.domain.decisions import DecisionKind, StepKind, StepState, WriteState
from desktop_app.domain.entity_mapping import requisites_changed_reason
from desktop_app.domain.field_comparison import compare
from desktop_app.domain.onec_order_state import SIGN_CODES
from desktop_app.domain.phrase import Phrase, stored
from desktop_app.domain.registry_findings import REGISTRY_CODES
from desktop_app.domain.requisite_checks import Finding, Severity, check_buyer
from desktop_app.domain.requisite_values import CODES
from desktop_app.domain.review_state import ReviewState
from desktop_app.ui.card_fields import card_labels, kind_word
from desktop_app.ui.card_view import capitalized
from desktop_app.ui.findings_bar import finding_words, severity_word
from desktop_app.ui.queue_model import state_word
from desktop_app.wording import decisions
from desktop_app.wording.card_fields import CARD_FIELDS, KINDS, compared_label, field_label
from desktop_app.wording.card_problems import CARD_PROBLEMS, problem_text
from desktop_app.wording.findings import FINDINGS, SEVERITIES, finding_text
from desktop_app.wording.onec_orders import SIGNS
from desktop_app.wording.phrases import PHRASE_TABLES, phrase_text, reason_text
from desktop_app.wording.states import REVIEW_STATES, state_text

from conftest import portal_buyer

LEGAL_INN = rk.complete_inn10("770708389")
IP_INN = rk.complete_inn12("7743012345")


def sample_findings() -> list[Finding]:
    """Buyers that between them make most of the checks speak."""
    bad_bank = BankAccount("40802810900000002851", "Банк", "044030827", "30101810200000000828")
    buyers = [
        portal_buyer(inn="7707 083893", kpp="7714010O1", okpo="1"),
        portal_buyer(inn="123", kpp="500143001", bank_accounts=(bad_bank,)),
        portal_buyer(inn=LEGAL_INN, kpp=None, kind=CounterpartyKind.ENTREPRENEUR),
        portal_buyer(inn=IP_INN, kpp="770701001", kind=CounterpartyKind.LEGAL),
        portal_buyer(inn=None, kpp="770701001", name="Acme LLC"),
        portal_buyer(inn=LEGAL_INN, kpp="500101001"),
        portal_buyer(inn=LEGAL_INN, kpp="990001001"),
    ]
    found = [f for buyer in buyers for f in check_buyer(buyer, registration_number="1x")]
    return found + check_buyer(portal_buyer(), registration_number="1234567890123")


def test_every_finding_the_checks_can_produce_has_a_wording() -> None:
    every = set(CODES) | set(REGISTRY_CODES)
    assert every == set(FINDINGS.wordings), "a code without words, or words without a code"
    findings = sample_findings()
    assert len({f.code for f in findings}) >= 15
    for finding in findings:
        assert finding.wording_key in CODES, finding
        text = finding_text(finding)  # every parameter the sentence names is given
        assert "{" not in text and text.endswith("."), text


def test_the_window_and_the_cli_say_a_finding_alike(qtbot: QtBot) -> None:
    finding = Finding("kpp-other-office", Severity.WARNING, "kpp", {
        "kpp": "500101001", "kpp_office": "5001", "inn": LEGAL_INN, "inn_office": "7707",
    }, "region")  # fmt: skip
    sentence = (
        f"КПП 500101001 выдан налоговой инспекцией 5001, а ИНН {LEGAL_INN} — инспекцией 7707 "
        "(другого региона). Так бывает у филиала или после переезда организации; сверьте КПП "
        "с документами покупателя."
    )
    assert finding_text(finding) == sentence
    assert finding_words(finding) == sentence
    for found in sample_findings():
        assert finding_words(found) == finding_text(found)


def test_every_state_kind_and_sign_has_its_one_wording(qtbot: QtBot) -> None:
    assert set(REVIEW_STATES.wordings) == set(ReviewState)
    assert set(decisions.DECISION_KINDS.wordings) == set(DecisionKind)
    assert set(decisions.WRITE_STATES.wordings) == set(WriteState) - {WriteState.NONE}
    assert set(decisions.STEP_KINDS.wordings) == set(StepKind)
    assert set(decisions.STEP_STATES.wordings) == set(StepState)
    assert set(SIGNS.wordings) == set(SIGN_CODES)
    assert set(CARD_PROBLEMS.wordings) == set(PROBLEM_CODES)
    assert set(SEVERITIES.wordings) == set(Severity)
    for severity in Severity:  # the window's badge is the CLI's word with a capital
        assert severity_word(severity) == capitalized(SEVERITIES.text(severity))
    for state in ReviewState:  # the queue's cell is the CLI's word with a capital
        assert state_word(state) == state_text(state)[:1].upper() + state_text(state)[1:]
    assert state_text(ReviewState.NEEDS_REVIEW) == "на проверке"


def test_a_decision_reads_the_same_in_the_queue_and_in_the_cli(qtbot: QtBot) -> None:
    words = decisions.decision_short(
        DecisionKind.LINK, automatic=True, confirmed=False, write=WriteState.QUEUED
    )
    assert words == "связать (авто, подтвердите), ждёт отправки в 1С"
    window = decisions.decision_short(
        DecisionKind.LINK,
        automatic=True,
        confirmed=False,
        write=WriteState.QUEUED,
        translate=QCoreApplication.translate,
    )
    assert window == words


def sample_phrases() -> list[Phrase]:
    return candidate_phrases() + entity_phrases() + link_phrases() + [r.phrase for r in refusals()]


def test_every_code_the_domain_says_has_one_wording(qtbot: QtBot) -> None:
    tables = {table.name: set(table.wordings) for table in PHRASE_TABLES}
    assert len(set().union(*tables.values())) == sum(map(len, tables.values())), "a shared code"
    said = sample_phrases()
    assert set().union(*map(codes, said)) == set().union(*tables.values()), "a code unsaid"
    for phrase in said:
        text = phrase_text(phrase)
        braces = phrase.code.startswith("number-template.")  # a template's braces are shown
        assert "Phrase(" not in text and ("{" not in text or braces), text
        assert phrase_text(phrase, QCoreApplication.translate) == text  # window == CLI
    assert phrase_text(said[1]) == "Совпадают ИНН 7707083893 и КПП 770701001."
    assert phrase_text(order_link.describe(order_link.bitrix())) == (
        "Обмен 1С с сайтом — модуль обмена 1С-Битрикс («Свойства БУС»): Ид заказа сайта — в поле "
        "«Б_Идентификатор» заказа клиента. Заказы новых покупателей приходят с пустым контрагентом."
    )  # 1C's name of the field is a value, not a word


def test_a_stored_reason_is_worded_and_an_old_or_typed_one_shown_as_saved() -> None:
    dropped = requisites_changed_reason("inn:500100732259", None)
    assert reason_text(stored(dropped)) == (
        "Автоматическое решение снято: в новой версии заказа у покупателя другие реквизиты "
        "(было: ИНН 500100732259, без КПП; стало: не указаны). Это может быть другая "
        "организация — проверьте покупателя."
    )
    old = "Автоматическое решение снято: в новой версии заказа у покупателя другие реквизиты."
    for saved in (old, "тестовый заказ", '{"phrase": "nobody.knows", "params": {}}', "{oops"):
        assert reason_text(saved) == saved


def test_a_field_has_one_label_in_the_cards_the_comparison_and_the_checks(qtbot: QtBot) -> None:
    onec = onec_row("Вектор", "7707083893", "770701001")
    rows = compare(portal_buyer(), onec, registration_number="1027700132195")
    assert [compared_label(row) for row in rows] == [
        "Наименование", "Полное наименование", "ИНН", "КПП", "ОГРН / ОГРНИП", "ОКПО",
        "Вид (юр./физ. лицо)",
    ]  # fmt: skip
    assert card_labels() == {field: CARD_FIELDS.text(field) for field in CARD_FIELDS.wordings}
    for kind in CounterpartyKind:  # the window's card and the CLI's comparison say a kind alike
        assert kind_word(kind) == KINDS.text(kind.value)
    for finding in sample_findings():
        assert field_label(finding.field) != finding.field, finding  # every field has a label
    assert field_label("bank_accounts[2].bik") == "БИК 2"


def test_a_refusal_of_the_domain_says_its_sentence_everywhere(qtbot: QtBot) -> None:
    for refusal in refusals():  # str() for the callers that pass it on, the table for the edge
        assert str(refusal) == phrase_text(refusal.phrase) == problem_text(refusal), refusal
        assert problem_text(refusal, QCoreApplication.translate) == str(refusal)
    assert str(refusals()[8]) == "ширина поля {number} в шаблоне номера — не больше 40 знаков"
