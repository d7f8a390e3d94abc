"""1C's OData errors: status, internal code and Russian message, in JSON or Atom XML.

The body forms are those of a live 1C: JSON `{"odata.error": {"code": "<n>", "message":
{"lang": "ru", "value": "…"}}}` (reference file forum-odata-error-json-codes-13-and-minus1)
and, for a request without `$format=json`, the `m:error` document of the documentation
(chapter 17.4.10). The codes are 17.4.10's table. Messages quoted from real answers are
verbatim — including the Latin "C" that opens code 13's «Cоздание строк…» in the real
sample; the others are marked as ours where they are built.
"""

from __future__ import annotations

import json
from xml.sax.saxutils import escape

M_NS = "http://schemas.microsoft.com/ado/2007/08/dataservices/metadata"

# Verbatim texts of a live 1C (sources in the module docstring and in odata1c-gate probes).
INTERNAL = (
    "Произошла внутренняя ошибка OData сервиса. Дополнительные сведения можно найти в "
    "технологическом журнале."
)
BAD_JSON = "Непредвиденный символ при чтении JSON"
ROWS_DIRECTLY = "Cоздание строк табличной части напрямую не поддерживается"  # Latin "C": as sent
WHERE_OPERATION = 'Операция не разрешена в предложении "ГДЕ"'  # `+` in $filter, odata1c-gate
ACCESS_DENIED = "Нарушение прав доступа!"  # the platform's own words for a rights violation
INCOMPARABLE = "Нельзя сравнивать поля неограниченной длины и поля несовместимых типов"
"""1C's query-language refusal of `Ссылка > &Параметр`, which `Ref_Key gt guid'…'` becomes.

Live sources: a public 1C OData CDC replicator (Python, `Replicator1C._supports_keyset`, found
in the code index) writes that a live base answers `Ref_Key gt guid'…'` with HTTP 500 and
these words, because the filter reaches the query as `sourceAlias.Ref > &param`; a public
ETL agent's decision record (A04a, a keyset probe against a test УНФ) saw 500 "on every
position"; other tools quote the same text for `Recorder eq guid'…'` and for comparisons of
unlimited strings. The query language prefixes «Неверные параметры в операции сравнения.»;
OData answers with this sentence, code -1 (GUIDE §5)."""


class ODataError(Exception):
    """An answer 1C gives instead of data."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(f"{status} [{code}] {message}")
        self.status = status
        self.code = code
        self.message = message

    def json_body(self) -> bytes:
        error = {
            "odata.error": {"code": self.code, "message": {"lang": "ru", "value": self.message}}
        }
        return json.dumps(error, ensure_ascii=False, indent=0).encode("utf-8")

    def xml_body(self) -> bytes:
        text = (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<m:error xmlns:m="{M_NS}">\n'
            f"<m:code>{escape(self.code)}</m:code>\n"
            f'<m:message xml:lang="ru">{escape(self.message)}</m:message>\n'
            "</m:error>"
        )
        return text.encode("utf-8")


def option_error(option: str) -> ODataError:
    """400/14, the words of a live УТ 11 for a `$filter` it cannot parse (probe P4)."""
    return ODataError(400, "14", f"Ошибка при разборе опции запроса {option}")


def unknown_segment(name: str, status: int = 400) -> ODataError:
    """400/6 «Сегмент пути X не найден!» — a live УТ 11 on an unknown `$select` field (P4).

    Used for every unknown name (a field in $filter/$orderby/$select/$expand, an unknown
    set — then with 404, as probe P7 saw); the name is echoed, as 1C echoes it.
    """
    return ODataError(status, "6", f"Сегмент пути {name} не найден!")


def unparsable(text: str, edm: str) -> ODataError:
    """400/1, verbatim form of a live УТ 11 for a bad value of a typed field (probe P8)."""
    return ODataError(400, "1", f"Не удалось разобрать строку '{text}' как значение типа {edm}!")


def not_found(set_name: str) -> ODataError:
    """404/9 in the documentation's words (17.4.10), with the object's name."""
    name = set_name.split("_", 1)[1] if "_" in set_name else set_name
    return ODataError(404, "9", f'Экземпляр сущности "{name}" не найден по переданному ключу.')


def not_implemented_function(name: str) -> ODataError:
    """400/21 «Вызов нереализованной функции» (17.4.10) for tolower, length, indexof, trim…

    The documentation lists these standard functions as unsupported and names code 21 for
    a call of an unimplemented function; the message text is ours.
    """
    return ODataError(400, "21", f"Вызов нереализованной функции {name}")


def internal(message: str = INTERNAL) -> ODataError:
    """500/-1: a handler of the configuration failed, or the OData service itself."""
    return ODataError(500, "-1", message)


def incomparable() -> ODataError:
    """500/-1 for gt/ge/lt/le on a reference (see `INCOMPARABLE` for the sources)."""
    return ODataError(500, "-1", INCOMPARABLE)


def method_not_found() -> ODataError:
    """400/6 «Метод не найден» — a live УТ 11 for an action the object does not have (P4)."""
    return ODataError(400, "6", "Метод не найден")


def method_forbidden() -> ODataError:
    """405/19: a write to a tabular-section set or to `$metadata` (17.4.10; text ours)."""
    return ODataError(405, "19", "Использованный HTTP-метод запрещен в данном контексте")


def already_exists() -> ODataError:
    """400/15 when a POST names a Ref_Key that is taken (17.4.10; text from its table)."""
    return ODataError(400, "15", "Сущность с таким ключом уже существует")


def forbidden() -> ODataError:
    """403/20: the user may log in but has no right to the data (17.4.10, code 20)."""
    return ODataError(403, "20", ACCESS_DENIED)
