"""What one exchange request carries in, and what the site answers, without any sockets.

The HTTP layer (`server.py`) turns a request into a `Request`, the component
(`exchange.py`) turns it into an `Answer`, and the HTTP layer writes that out, faults and
all. Keeping the two apart lets the protocol rules be read, and reasoned about, on their own.

PHP details kept here: `$_REQUEST["sessid"]` is the query string's or the POST form's;
`mode` comes from the query string only, except that `query` is also accepted as a POST
field (`$_GET["mode"] == "query" || $_POST["mode"] == "query"` in sale.export.1c).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from desktop_app.domain.order import Order

TEXT_TYPE = "text/html; charset=windows-1251"
"""The component's header for every answer except query/info (it always says windows-1251)."""
XML_TYPE = "application/xml; charset=windows-1251"
"""The header of a query answer — even in CRM mode, whose body stays UTF-8 (a real quirk)."""
ZIP_TYPE = "application/zip"


@dataclass(frozen=True, slots=True)
class Request:
    method: str
    page: str
    """The path of the exchange page, e.g. /bitrix/admin/1c_exchange.php."""
    query: dict[str, str]
    form: dict[str, str]
    cookies: dict[str, str]
    basic: tuple[str, str] | None
    """HTTP Basic (login, password), decoded as UTF-8."""
    body: bytes = b""
    """The raw POST body (`php://input`): what 1C uploads with `mode=file`."""

    @property
    def mode(self) -> str:
        mode = self.query.get("mode", "")
        if not mode and self.form.get("mode") == "query":
            return "query"
        return mode

    @property
    def sessid(self) -> str:
        return self.query.get("sessid") or self.form.get("sessid") or ""


@dataclass(frozen=True, slots=True)
class ExportPlan:
    """A query answer decided under the state lock, rendered afterwards without it."""

    orders: tuple[tuple[int, Order | None], ...]
    """(number, the stored order) in export order; None means "as the world makes it"."""
    version: str
    """The schema layout to write: one of `bitrix_commerceml.VERSIONS`."""
    encoding: str
    generated_at: dt.datetime
    language: str = "ru"
    zipped: bool = False
    crash_text: str | None = None
    """Set when PHP dies part-way: the body ends with this instead of the closing root tag."""

    @property
    def ids(self) -> list[str]:
        return [str(number) for number, _ in self.orders]


@dataclass(slots=True)
class Answer:
    text: str = ""
    status: int = 200
    content_type: str = TEXT_TYPE
    cookies: list[str] = field(default_factory=list)
    """Set-Cookie values."""
    export: ExportPlan | None = None
    with_length: bool = True
    """False: no Content-Length, the connection closes after the body (PHP died mid-way)."""

    @property
    def first_line(self) -> str | None:
        if self.export is not None:
            return None
        return self.text.split("\n", 1)[0]
