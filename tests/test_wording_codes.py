"""Every code the product says is worded, and both edges say it in the same words.

Codes are found in the source (`Said("…")` literals and code-like strings), so a new code
without a sentence in `desktop_app/wording/` fails here rather than in front of a manager.
The CLI prints the Russian source; the window shows the translation, which without an
English translator loaded is the same sentence.
"""

from __future__ import annotations

import errno
import re
from pathlib import Path

import pytest

from desktop_app.adapters.onec.odata_errors import error_for, rights_error
from desktop_app.services.settings import KEYS
from desktop_app.store.errors import DatabaseTooNewError, data_folder_error
from desktop_app.wording.errors import SENTENCE
from desktop_app.wording.outcomes import OUTCOMES
from desktop_app.wording.registry import TABLES, said_text, table_of
from desktop_app.wording.said import LEGACY, Said
from desktop_app.wording.settings_help import SETTINGS_HELP

PACKAGE = Path(__file__).resolve().parents[1] / "desktop_app"
PREFIXES = "outcome|onec|portal|store|error|setting|decision|export|keychain|warning"
CODE = re.compile(rf"""["']((?:{PREFIXES})\.[a-z_]+)["']""")


def codes_in_source() -> set[str]:
    found: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        if "wording" in path.parts or "emulators" in path.parts or "migrations" in path.parts:
            continue
        found |= set(CODE.findall(path.read_text(encoding="utf-8")))
    return found - set(KEYS)  # `onec.url` is a setting's name, not a code


def test_every_code_said_in_the_source_has_a_wording() -> None:
    found = codes_in_source()
    assert {
        "outcome.again",
        "outcome.reposted",
        "onec.no_write_right",
        "store.too_new",
        "setting.url_port",
        "portal.refused",
        "onec.no_rows",
        "store.disk_full",
        "decision.no_reason",
    } <= found
    missing = []
    for code in sorted(found):
        try:
            table_of(code)
        except KeyError:
            missing.append(code)
    assert missing == []


def test_no_code_is_worded_twice() -> None:
    codes = [code for table in TABLES for code in table.wordings]
    assert len(codes) == len(set(codes))


def test_every_setting_has_its_help() -> None:
    assert [key for key in KEYS if key not in SETTINGS_HELP] == []
    assert SETTINGS_HELP.text("invoice.number") == (
        "номер счёта: шаблон с полями {number}, {id}, {year}"
    )


def window(context: str, source: str) -> str:
    """Qt's translation with no translator loaded: the source."""
    return source


SAMPLES = [
    (Said("outcome.reposted", {"number": "ЗК-7"}), "Заказ 1С № ЗК-7 перепроведён."),
    (Said("outcome.no_counterparty_yet"), "Контрагент ещё не создан в 1С."),
    (
        Said("outcome.again", {"error": Said("onec.while", {"what": "запись Catalog_Партнеры",
                                                            "said": Said("onec.login_refused")})}),
        "запись Catalog_Партнеры: 1С не приняла логин или пароль (или у пользователя нет прав на "
        "OData): проверьте onec.user и пароль (login onec). Повторим, сначала проверив в 1С, не "
        "записалось ли.",
    ),
    (
        Said("outcome.repost_refused", {"number": "17", "words": "Не указан склад"}),
        "Связь записана, но 1С не провела заказ № 17: «Не указан склад». Перепроведение "
        "повторится при следующей записи в 1С.",
    ),
    (Said.legacy("Сохранённая раньше фраза."), "Сохранённая раньше фраза."),
]  # fmt: skip


@pytest.mark.parametrize(("said", "sentence"), SAMPLES)
def test_the_cli_and_the_window_say_the_same_sentence(said: Said, sentence: str) -> None:
    assert said_text(said) == sentence
    assert said_text(said, window) == sentence


def test_a_translation_words_the_code_and_keeps_1cs_own_words() -> None:
    english = {"Связь записана, но 1С не провела заказ № {number}: «{words}». Перепроведение "
               "повторится при следующей записи в 1С.":
               "The link is written, but 1C did not post order {number}: “{words}”."}  # fmt: skip

    def translate(context: str, source: str) -> str:
        return english.get(source, source)

    said = Said("outcome.repost_refused", {"number": "17", "words": "Не указан склад"})
    assert said_text(said, translate) == (
        "The link is written, but 1C did not post order 17: “Не указан склад”."
    )


def test_said_survives_its_json_and_a_plain_sentence_reads_as_legacy() -> None:
    nested = Said("outcome.again", {"error": Said("onec.web_page", {"status": 502})})
    assert Said.from_json(nested.to_json()) == nested
    assert Said.from_json("Заказ 1С № 5 перепроведён.") == Said(
        LEGACY, {"text": "Заказ 1С № 5 перепроведён."}
    )
    assert Said.from_json('{"no": "code"}') == Said(LEGACY, {"text": '{"no": "code"}'})


def test_an_error_says_its_code_and_keeps_its_russian_sentence() -> None:
    page = error_for(502, b"", "text/html", "чтение Catalog_Партнеры")
    said = Said("onec.web_page", {"status": 502})
    assert page.said == Said("onec.while", {"what": "чтение Catalog_Партнеры", "said": said})
    assert (
        str(page)
        == page.message
        == ("чтение Catalog_Партнеры: Вместо ответа 1С пришла веб-страница (HTTP 502).")
    )
    body = '{"odata.error": {"code": "20", "message": {"value": "Нарушение прав доступа!"}}}'
    refused = error_for(403, body.encode(), "application/json", "запись Catalog_Партнеры")
    rights = rights_error(refused, "запись Catalog_Партнеры", "Catalog_Партнеры",
                          reading=False, by_key=False, user="Менеджер")  # fmt: skip
    assert rights.said.code == "onec.no_write_right"
    assert rights.said.params["onec_message"] == "Нарушение прав доступа!"  # verbatim
    assert said_text(rights.said) == rights.message
    assert "нет права записывать справочник «Партнеры»" in rights.message


def test_store_errors_say_their_codes() -> None:
    too_new = DatabaseTooNewError("0099", "/data/order-review.sqlite3")
    assert too_new.said.code == "store.too_new"
    assert str(too_new) == (
        "База данных создана более новой версией Order Review (ревизия 0099). Обновите "
        "программу до последней версии или укажите другую папку данных. Файл не изменён: "
        "/data/order-review.sqlite3"
    )
    full = data_folder_error(OSError(errno.ENOSPC, "No space"), Path("/data"), "настройки")
    assert full.said.code == "store.folder_full"
    assert str(full) == (
        "Не удалось записать настройки в папку данных /data: на диске не осталось места, "
        "освободите место и повторите."
    )


def test_an_error_without_a_code_of_its_own_is_said_whole() -> None:
    from desktop_app.adapters.onec.odata_errors import OneCConfigError

    error = OneCConfigError("Не задан адрес 1С (onec.url).")
    assert error.said == Said(SENTENCE, {"text": "Не задан адрес 1С (onec.url)."})
    assert said_text(error.said) == str(error)


def test_outcomes_table_names_its_legacy_code() -> None:
    assert LEGACY in OUTCOMES


def test_a_settings_rule_says_its_code_and_the_same_words() -> None:
    from desktop_app.services.setting_rules import RuleError, check

    with pytest.raises(RuleError) as refused:
        check("portal.retries", 99)
    assert refused.value.said == Said("setting.number_from", {"low": "1", "high": "20"})
    assert (
        refused.value.words
        == said_text(refused.value.said, window)
        == ("число от 1 и не больше 20")
    )


def test_the_window_shows_an_error_through_its_code_and_logs_the_russian_sentence(
    caplog: pytest.LogCaptureFixture,
) -> None:
    from desktop_app.ui.error_words import log_problem, user_message

    body = '{"odata.error": {"code": "14", "message": {"value": "Конфликт блокировок"}}}'
    error = error_for(500, body.encode(), "application/json", "запись Document_ЗаказКлиента")
    assert error.said.params["onec_message"] == "Конфликт блокировок"
    assert said_text(error.said) == str(error)  # the log and the CLI: 1C's names
    shown = user_message(error)  # the window: the request in words (issue 16, point 12)
    assert shown == said_text(error.said, window=True)
    assert shown.startswith("запись заказов клиентов: ") and "Конфликт блокировок" in shown
    with caplog.at_level("WARNING"):
        assert log_problem("Запись в 1С", error) == shown
    assert f"Запись в 1С: {error}" in caplog.text
