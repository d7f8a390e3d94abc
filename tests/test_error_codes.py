"""Every adapter, store and service error says a code with a wording, and its sentence stays.

Round 2 of «words only at the edge»: the errors that were sentences (`error.sentence`) carry a
code and parameters now. For each area one error is raised the way the product raises it;
its `said` has a code of its own, the window words it (`user_message`) and the CLI prints
`str(error)` — the same Russian sentence as before, the portal's and 1C's words verbatim.
"""

from __future__ import annotations

from typing import Any

import pytest

from desktop_app.adapters.onec.odata_answers import connection_error, rows_of
from desktop_app.adapters.portal.exchange_answers import check_text_answer
from desktop_app.adapters.portal.exchange_errors import PortalError, PortalRefusedError
from desktop_app.adapters.portal.xml_prolog import NotCommerceMLError, sniff_prolog
from desktop_app.ui.error_words import user_message
from desktop_app.wording.errors import SENTENCE
from desktop_app.wording.registry import said_text, table_of


def window(context: str, source: str) -> str:
    """Qt's translation with no translator loaded: the source."""
    return source


def said_like_before(error: Any, sentence: str) -> None:
    said = error.said
    assert said.code != SENTENCE
    assert table_of(said.code).wording(said.code).source  # worded in a table
    assert str(error) == sentence
    assert said_text(said) == said_text(said, window) == sentence
    if isinstance(error, PortalError):
        assert user_message(error) == sentence


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
    assert user_message(odd.value) == str(odd.value)


def test_a_lost_write_says_that_1c_may_have_applied_it() -> None:
    import requests

    lost = connection_error("запись Catalog_Партнеры", requests.exceptions.ConnectTimeout(), "POST")
    assert lost.said.code == "onec.timeout_write"
    said_like_before(
        lost,
        "запись Catalog_Партнеры: 1С не ответила вовремя (сервер 1С бывает медленным; можно "
        "увеличить onec.read_timeout). Неизвестно, успела ли 1С выполнить запись.",
    )
