"""One OData request in, one answer out: the publication's dispatcher, without HTTP.

Order of checks, as the stack in front of 1C applies them: IIS request filtering (a query
string over 2048 bytes → HTML 404) and the path (outside the publication → HTML 404),
then Basic authentication (401 without a known login and password; the credentials are
the UTF-8 bytes of `login:password` — a live publication accepted a Cyrillic login only
so, probe P4), then the user's right to use the standard OData interface and to read the
set (403), then 1C — whose record-level restrictions apply to what is read and written
(rights.py).

Answers are JSON with `$format=json` (or `Accept: application/json`), else Atom XML; an
error follows the same choice (`odata.error` JSON or an `m:error` document).
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from desktop_app.emulators.onec import atom, errors, iis, reading, rights, writes
from desktop_app.emulators.onec.directory import Directory
from desktop_app.emulators.onec.metadata import metadata_document
from desktop_app.emulators.onec.query import (
    Options,
    Target,
    decode,
    parse_options,
    parse_target,
    response_format,
    split_query,
)
from desktop_app.emulators.onec.render import JSON_TYPE, XML_TYPE, Answer, Renderer, json_bytes
from desktop_app.emulators.onec.rights import Caller, Rights
from desktop_app.emulators.onec.schema import ENTITY_SETS, ROW_SETS, EntitySet, RowSet

Row = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Request:
    method: str
    path: str
    """As sent: percent-encoded."""
    query: str
    headers: Mapping[str, str]
    """Names in lower case."""
    body: bytes = b""


@dataclass(frozen=True, slots=True)
class User:
    login: str
    password: str
    rights: Rights


class Publication:
    def __init__(self, directory: Directory, name: str) -> None:
        self.directory = directory
        self.name = name
        self.root_path = f"/{name}/odata/standard.odata"
        self.users: dict[str, User] = {}

    def add_user(self, login: str, password: str, granted: Rights | None = None) -> None:
        """1C compares logins without regard to case."""
        self.users[login.casefold()] = User(login, password, granted or Rights())

    def resource(self, path: str) -> str | None:
        """The entity set a path is about (for faults and records), or None."""
        rest = self._rest(path)
        if rest is None:
            return None
        try:
            name = decode(rest).lstrip("/").split("/")[0].split("(")[0]
        except errors.ODataError:
            return None
        return name if name in ENTITY_SETS or name in ROW_SETS else None

    def _rest(self, path: str) -> str | None:
        prefix = self.root_path
        if path[: len(prefix)].casefold() != prefix.casefold():
            return None
        rest = path[len(prefix) :]
        return rest if rest == "" or rest.startswith("/") else None

    def handle(self, request: Request, host: str) -> Answer:
        if len(request.query.encode("utf-8")) > iis.MAX_QUERY_STRING:
            return Answer(404, iis.NOT_FOUND.encode("ascii"), "text/html")
        rest = self._rest(request.path)
        if rest is None:
            return Answer(404, iis.NOT_FOUND.encode("ascii"), "text/html")
        user = self._authenticate(request.headers.get("authorization", ""))
        if user is None:
            return Answer(401, b"", None, [("WWW-Authenticate", 'Basic realm="1C:Enterprise"')])
        root = f"http://{host}{self.root_path}/"
        raw: dict[str, str] = {}
        chosen = "atom"
        try:
            raw = split_query(request.query)
            chosen, level = response_format(raw, request.headers.get("accept", ""))
            if not user.rights.odata:
                raise errors.forbidden()
            caller = Caller(user.rights, rights.allowed_only(raw))
            answer = self._dispatch(
                request, decode(rest).lstrip("/"), raw, (chosen, level), root, caller
            )
        except errors.ODataError as error:
            body = error.json_body() if chosen == "json" else error.xml_body()
            answer = Answer(error.status, body, JSON_TYPE if chosen == "json" else XML_TYPE)
        answer.user = user.login
        return answer

    def _authenticate(self, header: str) -> User | None:
        scheme, _, encoded = header.partition(" ")
        if scheme.lower() != "basic":
            return None
        try:
            decoded = base64.b64decode(encoded.strip(), validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError):
            return None
        login, _, password = decoded.partition(":")
        user = self.users.get(login.casefold())
        return user if user is not None and user.password == password else None

    def _dispatch(
        self,
        request: Request,
        rest: str,
        raw: dict[str, str],
        chosen: tuple[str, str],
        root: str,
        caller: Caller,
    ) -> Answer:
        target = parse_target(rest)
        method = "PATCH" if request.method == "MERGE" else request.method
        if target.kind == "metadata":
            _only(method, "GET")
            return Answer(200, metadata_document(self.directory.hidden), XML_TYPE)
        self._refuse_hidden(target, raw)
        if target.kind == "root":
            _only(method, "GET")
            return self._service_document(chosen[0], root)
        rights.check_set(caller.rights, target)
        options = parse_options(raw, reading.props_of(target), target)
        options.format, options.metadata = chosen
        render = Renderer(root, options, self.directory)
        directory = self.directory
        definition: EntitySet | RowSet | None = target.row_set or target.entity_set
        assert definition is not None
        with directory.lock:
            if target.kind == "count":
                _only(method, "GET")
                number = rights.count(
                    directory, target, options, caller.rights, caller.allowed_only
                )
                return Answer(200, str(number).encode("ascii"), "text/plain;charset=utf-8")
            if target.kind == "set":
                return self._set(request, method, target, options, render, caller)
            if target.kind == "entity":
                return self._entity(request, method, target, render, caller.rights)
            if target.kind == "action":
                _only(method, "POST")
                assert target.entity_set is not None and target.key is not None
                _posting_mode(options)
                self._readable(target.entity_set.name, target.key, caller.rights)
                posted = target.action == "Post"
                writes.post(directory, target.entity_set, target.key, posted=posted)
                return Answer(200, b"")
            _only(method, "GET")
            assert target.entity_set is not None and target.navigation is not None
            return self._navigate(target, render, caller.rights)

    def _refuse_hidden(self, target: Target, raw: dict[str, str]) -> None:
        """A property this base does not have is unknown to it: 400/6 «Сегмент пути … не
        найден!», as for any unknown name (errors.unknown_segment)."""
        name = target.entity_set.name if target.entity_set is not None else None
        hidden = self.directory.hidden.get(name or "")
        if not hidden:
            return
        for option in ("$select", "$filter", "$orderby", "$expand"):
            for word in _WORD.findall(raw.get(option, "")):
                if word in hidden:
                    raise errors.unknown_segment(word)

    def _service_document(self, chosen: str, root: str) -> Answer:
        names = [*ENTITY_SETS, *ROW_SETS]
        if chosen == "json":
            value = [{"name": name, "url": name} for name in names]
            body = {"odata.metadata": f"{root}$metadata", "value": value}
            return Answer(200, json_bytes(body), JSON_TYPE)
        return Answer(200, atom.service(root, names), "application/atomsvc+xml;charset=utf-8")

    def _set(
        self,
        request: Request,
        method: str,
        target: Target,
        options: Options,
        render: Renderer,
        caller: Caller,
    ) -> Answer:
        if method == "GET":
            rows, count = rights.matching(
                self.directory, target, options, caller.rights, caller.allowed_only
            )
            definition = target.row_set or target.entity_set
            assert definition is not None
            return render.feed(definition, rows, count)
        if method != "POST":
            raise errors.method_forbidden()
        if target.row_set is not None:
            raise errors.ODataError(400, "13", errors.ROWS_DIRECTLY)
        assert target.entity_set is not None
        check = self._check(target.entity_set.name, caller.rights)
        row = writes.create(
            self.directory, target.entity_set, self._body(request, target), check=check
        )
        answer = render.element(target.entity_set, row)
        answer.status = 201
        location = f"{render.root}{target.entity_set.name}(guid'{row['Ref_Key']}')"
        answer.headers.append(("Location", location))
        return answer

    def _entity(
        self, request: Request, method: str, target: Target, render: Renderer, granted: Rights
    ) -> Answer:
        assert target.key is not None
        if target.row_set is not None:
            _only(method, "GET")
            parent = self.directory.table(target.row_set.parent.name).get(target.key)
            lines = (parent or {}).get(target.row_set.section.name) or []
            line = next((r for r in lines if r["LineNumber"] == str(target.line)), None)
            if line is None:
                raise errors.not_found(target.row_set.name)
            rights.check_row(self.directory, target.row_set.name, line, granted)
            return render.element(target.row_set, line)
        definition = target.entity_set
        assert definition is not None
        if method == "GET":
            row = self.directory.table(definition.name).get(target.key)
            if row is None:
                raise errors.not_found(definition.name)
            rights.check_row(self.directory, definition.name, row, granted)
            return render.element(definition, row)
        self._readable(definition.name, target.key, granted)
        if method in ("PATCH", "PUT"):
            body = self._body(request, target)
            whole, check = method == "PUT", self._check(definition.name, granted)
            row = writes.update(
                self.directory, definition, target.key, body, whole=whole, check=check
            )
            return render.element(definition, row)
        if method == "DELETE":
            writes.delete(self.directory, definition, target.key)
            return Answer(204)
        raise errors.method_forbidden()

    def _readable(self, set_name: str, key: str, granted: Rights) -> None:
        """A write to an object the user may not read is refused before anything else."""
        row = self.directory.table(set_name).get(key, sections=False)
        if row is not None:
            rights.check_row(self.directory, set_name, row, granted)

    def _check(self, set_name: str, granted: Rights) -> Callable[[Row], None] | None:
        """What a write's result must pass: the user must be able to read it."""
        if granted.partner_groups is None:
            return None
        return lambda row: rights.check_row(self.directory, set_name, row, granted)

    def _body(self, request: Request, target: Target) -> Any:
        name = target.entity_set.name if target.entity_set is not None else ""
        return _without(_body(request), self.directory.hidden.get(name, frozenset()))

    def _navigate(self, target: Target, render: Renderer, granted: Rights) -> Answer:
        assert target.entity_set is not None and target.navigation is not None
        assert target.key is not None
        row = self.directory.table(target.entity_set.name).get(target.key, sections=False)
        if row is None:
            raise errors.not_found(target.entity_set.name)
        other_set = ENTITY_SETS[target.navigation.target or ""]
        other = self.directory.table(other_set.name).get(str(row[target.navigation.name]))
        if other is None:
            raise errors.not_found(other_set.name)
        rights.check_row(self.directory, other_set.name, other, granted)
        return render.element(other_set, other)


_WORD = re.compile(r"\w+")


def _only(method: str, allowed: str) -> None:
    if method != allowed:
        raise errors.method_forbidden()


def _posting_mode(options: Options) -> None:
    mode = options.params.get("PostingModeOperational", "false")
    if mode not in ("true", "false"):
        raise errors.unparsable(mode, "Edm.Boolean")


def _without(body: Any, hidden: frozenset[str]) -> Any:
    """1C ignores properties it does not have in a write body (writes.py)."""
    if not hidden or not isinstance(body, dict):
        return body
    return {k: v for k, v in body.items() if k not in hidden}


def _body(request: Request) -> Any:
    """The JSON object of a write. Anything unreadable is 1C's 500 «Непредвиденный символ…»."""
    text = request.body.decode("utf-8", errors="replace").lstrip("\ufeff")
    try:
        return json.loads(text)
    except ValueError:
        raise errors.internal(errors.BAD_JSON) from None
