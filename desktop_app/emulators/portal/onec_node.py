"""The company's own exchange: 1C:УТ 11's side of `sale.export.1c`, over real HTTP.

What the 1C node does on each run, as the component expects it (component.php, see
exchange.py and uploads.py): `checkauth`, `init` (with a `version` when the node is set to a
newer format), `query` → the orders, `success`, then it sends its documents back with
`mode=file` and, after a versioned init, `mode=import`. Loading them sets `UPDATED_1C = Y`
on the site, after which those orders are exported to no page until edited on the site.

`send_sessid=False` is the node set to exchange without a session id (УТ 11.5:
«Выполнять обмен без идентификатора сессии», GUIDE §3): it never sends the `sessid` that
checkauth offers, and a site in secure mode refuses it with «Ошибка проверки источника
запроса». Tests use the node to check that Order Review does not harm this exchange.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from xml.sax.saxutils import escape

import requests
from lxml import etree
from requests.auth import HTTPBasicAuth

REPLY_FILE = "orders-from-1c.xml"
_PARSER = etree.XMLParser(huge_tree=True, resolve_entities=False, no_network=True)
"""lxml, not ElementTree: a demo of 20,000 orders has 1C read a 280 MB answer here, four times
faster; the answer is the emulator's own, on loopback (no entities are resolved anyway)."""


@dataclass
class OneCRound:
    """What one run of the node saw: each step's first answer line and the orders loaded."""

    answers: dict[str, str] = field(default_factory=dict)
    received: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return bool(self.answers) and all(
            line.startswith(("success", "zip=", "<")) for line in self.answers.values()
        )


class OneCNode:
    """One 1C exchange node talking to one exchange page."""

    def __init__(
        self,
        url: str,
        user: str,
        password: str,
        *,
        send_sessid: bool = False,
        version: str | None = None,
    ) -> None:
        self.url = url
        self.auth = HTTPBasicAuth(user.encode("utf-8"), password.encode("utf-8"))
        self.send_sessid = send_sessid
        self.version = version
        self.http = requests.Session()
        self.sessid = ""
        self.round = OneCRound()

    def close(self) -> None:
        self.http.close()

    def __enter__(self) -> OneCNode:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # --- the steps, one by one (a test may interleave another client between them) ---------

    def checkauth(self) -> str:
        self.round = OneCRound()
        lines = self._call("checkauth", auth=self.auth).split("\n")
        if lines[0] == "success" and len(lines) > 3:
            self.sessid = lines[3].removeprefix("sessid=")
        return lines[0]

    def init(self) -> str:
        if self.version:
            return self._call("init", version=self.version).split("\n")[0]
        return self._call("init").split("\n")[0]

    def query(self) -> list[str]:
        """The orders' Ид; the body is kept for the reply."""
        body = self._get("query").content
        try:
            root = etree.fromstring(body, _PARSER)
        except etree.XMLSyntaxError:
            self.round.answers["query"] = body[:60].decode("cp1251", "replace")
            return []
        self.round.answers["query"] = "<"
        self.round.received = [
            (document.findtext("Ид") or "").strip() for document in root.iter("Документ")
        ]
        return self.round.received

    def success(self) -> str:
        return self._call("success").split("\n")[0]

    def upload(self, ids: list[str] | None = None) -> str:
        """`mode=file`: 1C's documents for the orders it loaded (the site's Ид and number)."""
        body = reply_document(self.round.received if ids is None else ids)
        return self._call("file", method="POST", data=body, filename=REPLY_FILE).split("\n")[0]

    def load(self) -> str:
        """`mode=import` of the uploaded file (after a versioned init)."""
        return self._call("import", filename=REPLY_FILE).split("\n")[0]

    def exchange(self) -> OneCRound:
        """A whole run: checkauth, [init], query, success, file, [import]."""
        self.checkauth()
        if self.version:
            self.init()
        self.query()
        self.success()
        self.upload()
        if self.version:
            self.load()
        return self.round

    # --- transport -------------------------------------------------------------------------

    def _get(
        self,
        mode: str,
        method: str = "GET",
        *,
        data: bytes | None = None,
        auth: HTTPBasicAuth | None = None,
        **extra: str,
    ) -> requests.Response:
        params = {"type": "sale", "mode": mode, **extra}
        if self.send_sessid and self.sessid and mode != "checkauth":
            params["sessid"] = self.sessid
        return self.http.request(method, self.url, params=params, data=data, auth=auth, timeout=30)

    def _call(
        self,
        mode: str,
        *,
        method: str = "GET",
        data: bytes | None = None,
        auth: HTTPBasicAuth | None = None,
        **extra: str,
    ) -> str:
        answer = self._get(mode, method, data=data, auth=auth, **extra)
        text = answer.content.decode("cp1251", "replace")
        self.round.answers[mode] = text.split("\n")[0]
        return text


def reply_document(ids: list[str]) -> bytes:
    """A CommerceML document as 1C sends it back: one `Документ` per order."""
    documents = "".join(
        f"<Документ><Ид>{escape(order_id)}</Ид><Номер>{escape(order_id)}</Номер>"
        "<ХозОперация>Заказ товара</ХозОперация><Роль>Продавец</Роль></Документ>"
        for order_id in ids
    )
    text = (
        '<?xml version="1.0" encoding="windows-1251"?>\n'
        '<КоммерческаяИнформация ВерсияСхемы="2.05">'
        f"{documents}</КоммерческаяИнформация>"
    )
    return text.encode("cp1251")
