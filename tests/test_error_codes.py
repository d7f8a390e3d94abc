"""Every adapter, store and service error says a code with a wording, and its sentence stays.

Round 2 of «words only at the edge»: the errors that were sentences (`error.sentence`) carry a
code and parameters now. For each area one error is raised the way the product raises it;
its `said` has a code of its own, the window words it (`user_message`) and the CLI prints
`str(error)` — the same Russian sentence as before, the portal's and 1C's words verbatim.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from desktop_app.adapters.onec.odata_answers import connection_error, rows_of
from desktop_app.adapters.portal.exchange_answers import check_text_answer
from desktop_app.adapters.portal.exchange_errors import PortalError, PortalRefusedError
from desktop_app.adapters.portal.xml_prolog import NotCommerceMLError, sniff_prolog
from desktop_app.ui.error_words import user_message
from desktop_app.wording.errors import SENTENCE
from desktop_app.wording.registry import said_text, table_of
from desktop_app.wording.said import Said


def window(context: str, source: str) -> str:
    """Qt's translation with no translator loaded: the source."""
    return source


def said_like_before(error: Any, sentence: str) -> None:
    said = error.said
    assert said.code != SENTENCE
    assert table_of(said.code).wording(said.code).source  # worded in a table
    assert str(error) == sentence
    assert said_text(said) == said_text(said, window) == sentence
    if isinstance(error, PortalError):  # the window's variant: the step said in words
        shown = user_message(error)
        assert shown == said_text(said, window, window=True)
        assert "«query»" not in shown and "«checkauth»" not in shown


def test_a_portal_refusal_is_a_code_and_keeps_the_portals_words() -> None:
    with pytest.raises(PortalRefusedError) as refused:
        check_text_answer("query", "failure\nДоступ запрещён для группы 7\n")
    assert refused.value.said.code == "portal.refused"
    assert refused.value.said.params["words"] == "Доступ запрещён для группы 7"  # verbatim
    said_like_before(refused.value, "Портал отказал (шаг «query»): «Доступ запрещён для группы 7».")


def test_a_portal_web_page_is_a_code_with_its_excerpt() -> None:
    with pytest.raises(PortalError) as page:
        check_text_answer("checkauth", "<html><title>502 Bad Gateway</title></html>", status=502)
    assert page.value.said.params["page"] == "502 Bad Gateway"
    said_like_before(
        page.value,
        "Вместо ответа обмена портал прислал веб-страницу (шаг «checkauth», HTTP 502): "
        "«502 Bad Gateway».",
    )


def test_a_document_that_is_not_commerceml_says_a_code() -> None:
    with pytest.raises(NotCommerceMLError) as other:
        sniff_prolog(b'<?xml version="1.0" encoding="utf-8"?><Orders/>', whole_file=True)
    assert other.value.code == "not-commerceml"
    said_like_before(
        other.value,
        "Это XML, но не CommerceML: корневой элемент «Orders» вместо «КоммерческаяИнформация».",
    )


def test_a_1c_answer_that_is_no_odata_says_a_code() -> None:
    from desktop_app.adapters.onec.odata_errors import OneCError

    with pytest.raises(OneCError) as odd:
        rows_of({"value": [1]}, "чтение Catalog_Партнеры")
    said_like_before(
        odd.value, "чтение Catalog_Партнеры: в ответе 1С вместо записи «1» — это не ответ OData."
    )
    assert user_message(odd.value) == (  # the window names no 1C set
        "чтение партнёров: в ответе 1С вместо записи «1» — это не ответ OData."
    )


def test_a_lost_write_says_that_1c_may_have_applied_it() -> None:
    import requests

    lost = connection_error("запись Catalog_Партнеры", requests.exceptions.ConnectTimeout(), "POST")
    assert lost.said.code == "onec.timeout_write"
    said_like_before(
        lost,
        "запись Catalog_Партнеры: 1С не ответила вовремя (сервер 1С бывает медленным; можно "
        "увеличить onec.read_timeout). Неизвестно, успела ли 1С выполнить запись.",
    )


def test_a_store_fault_says_a_code_and_the_same_sentence() -> None:
    from pathlib import Path

    from desktop_app.store.database_faults import damaged_words, fault_words
    from desktop_app.store.errors import DatabaseDamagedError, DatabaseFaultError

    full = DatabaseFaultError("full", fault_words("full", Path("/data/order-review.sqlite3"), ""))
    assert full.said.code == "store.disk_full"
    said_like_before(
        full,
        "На диске с папкой данных (/data) не осталось места, изменения не сохранены: освободите "
        "место и повторите.",
    )
    assert user_message(full) == str(full)
    damaged = DatabaseDamagedError(
        "corrupt", damaged_words(None, ["*** in database main ***\nPage 3"])
    )
    said_like_before(
        damaged,
        "Файл базы данных повреждён (проверка нашла: Page 3), и программа больше ничего в него "
        "не пишет: восстановите его из резервной копии или перенесите и получите заказы заново.",
    )


def test_a_stored_order_that_does_not_read_says_a_code() -> None:
    from desktop_app.store.order_codec import PayloadError, order_from_payload

    with pytest.raises(PayloadError) as broken:
        order_from_payload('{"format": 0}')
    said_like_before(broken.value, "неизвестный формат сохранённого заказа: '{\"format\": 0}'")


def test_a_locked_decision_says_a_code_in_the_service_and_the_window() -> None:
    from desktop_app.domain.decisions import StepState
    from desktop_app.services.decision_service import DecisionError
    from desktop_app.store.decision_queries import locked_words

    locked = locked_words([StepState.DONE, StepState.PENDING])
    assert locked is not None
    refused = DecisionError(locked)
    said_like_before(
        refused,
        "Решение по этому заказу уже (возможно, частично) записано в 1С и больше не меняется "
        "здесь. Исправьте заказ или контрагента в самой 1С.",
    )
    assert user_message(refused) == str(refused)


def test_an_export_refusal_says_a_code_in_the_service_and_the_window(tmp_path: Path) -> None:
    from desktop_app.services.export_errors import ExportError
    from desktop_app.services.export_service import write_invoice

    with pytest.raises(ExportError) as refused:
        write_invoice(None, tmp_path / "счёт.pdf")  # type: ignore[arg-type]  # refused first
    assert refused.value.said.code == "export.not_xlsx"
    said_like_before(refused.value, "Имя файла должно оканчиваться на .xlsx: счёт.pdf")
    assert user_message(refused.value) == str(refused.value)


def test_a_refused_setting_says_a_code_with_the_rules_words_inside() -> None:
    from desktop_app.services.settings import Settings, SettingsError, with_value

    with pytest.raises(SettingsError) as refused:
        with_value(Settings(), "portal.retries", "99")
    assert refused.value.said.code == "setting.value_refused"
    assert refused.value.said.params["expected"] == Said(
        "setting.number_from", {"low": "1", "high": "20"}
    )
    said_like_before(
        refused.value, "«99» не подходит для portal.retries: нужно число от 1 и не больше 20."
    )
    assert user_message(refused.value) == str(refused.value)
    with pytest.raises(SettingsError) as requisite:
        with_value(Settings(), "seller.bik", "12")
    said_like_before(requisite.value, "«12» — не БИК (9 цифр).")


def test_a_keychain_that_does_not_load_says_a_code(monkeypatch: pytest.MonkeyPatch) -> None:
    import keyring.core

    from desktop_app.adapters import keychain

    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "no.such.Backend")
    monkeypatch.setattr(keyring.core, "_keyring_backend", None)  # chosen again, from the env
    with pytest.raises(keychain.KeychainError) as refused:
        keychain.password("portal", "manager", "https://b2b.example.ru")
    assert refused.value.said == Said("keychain.unknown_in_env", {"chosen": "no.such.Backend"})
    said_like_before(
        refused.value,
        "Системное хранилище паролей не загружается: в переменной окружения "
        "PYTHON_KEYRING_BACKEND указано «no.such.Backend», а такого нет — исправьте или уберите "
        "эту настройку.",
    )
    assert user_message(refused.value) == str(refused.value)


def test_a_page_warning_is_a_code_that_the_window_and_the_cli_word_alike() -> None:
    from desktop_app.services.page_warnings import missing_words, unreachable_words
    from desktop_app.ui.wording import shown_said

    missing = missing_words(tuple(range(1, 13)))
    assert missing.code == "warning.missing_more" and missing.params["more"] == 2
    sentence = said_text(missing)
    assert sentence.startswith("Заказы с Ид 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 и ещё 2 появились")
    assert sentence.endswith("(см. README, «Несколько рабочих мест»).")
    assert shown_said(missing) == sentence
    lost = said_text(unreachable_words((251, 252, 253, 503), held=True))
    assert lost.startswith("Заказы с Ид 251–253, 503 (и, возможно, другие")
    assert lost.endswith("следующее получение после снятия ограничения их принесёт.")
