"""`$filter` text → a syntax tree, with the grammar and the refusals of 1C's OData.

The language is chapter 17.4.5.2 of the platform documentation: `eq ne gt ge lt le`,
`and or not`, `add sub mul div`, parentheses; the functions `substringof(s, F)`,
`startswith(F, s)`, `endswith(F, s)`, `like(F, pattern)` (a function in 1C, not an
operator: `like(Наименование, '[^к]%')` is the documentation's example), `substring`,
`concat`, `year`…`second`; lambdas `Section/any(d: d/Field eq …)` and `all`. Literals:
`'text'` with `''` for a quote, `guid'…'`, `datetime'YYYY-MM-DDTHH:MM[:SS]'` (four-digit
year, or 1C refuses it), numbers, `true`, `false`, `null`. Operators are lower-case.

Refusals, as a live 1C answers them:
- anything it cannot parse (an unknown operator such as `in`, an unknown function, an
  unbalanced quote or parenthesis, a short year) → 400/14 «Ошибка при разборе опции
  запроса $filter» (probe P4 of odata1c-gate; `in` per hacker-cb/1c-odata's probe);
- a standard function the documentation lists as unsupported (`tolower`, `length`,
  `indexof`, `trim`, …) → 400/21 «Вызов нереализованной функции»;
- a `+` outside a string literal — what a client that encodes a space as `+` sends —
  reaches 1C as a plus and fails in the query it builds: 500 «Операция не разрешена в
  предложении "ГДЕ"» (live УТ 11, odata1c-gate's client notes).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop_app.emulators.onec import errors, refs
from desktop_app.emulators.onec.values import parse_datetime

COMPARISONS = ("eq", "ne", "gt", "ge", "lt", "le")
ARITHMETIC = ("add", "sub", "mul", "div", "mod")
SUPPORTED = {
    "substringof": 2,
    "startswith": 2,
    "endswith": 2,
    "like": 2,
    "concat": 2,
    "substring": (2, 3),
    "year": 1,
    "month": 1,
    "day": 1,
    "hour": 1,
    "minute": 1,
    "second": 1,
}
# "lenght" is how the documentation spells it.
UNSUPPORTED = frozenset(
    {"length", "lenght", "indexof", "replace", "tolower", "toupper", "trim", "years"}
    | {"days", "hours", "seconds", "floor", "ceiling"}
)
_TOKEN = re.compile(
    r"""\s*(?:
        (?P<string>'(?:[^']|'')*')
      | (?P<typed>(?:guid|datetime|datetimeoffset|time|binary|X)'[^']*')
      | (?P<number>-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?[mMdDfFlL]?)
      | (?P<name>[^\W\d][\w]*)
      | (?P<punct>[(),/:])
    )""",
    re.VERBOSE,
)

FILTER = "$filter"


@dataclass(frozen=True, slots=True)
class Literal:
    kind: str
    """string, guid, datetime, int, double, bool, null"""
    value: object


@dataclass(frozen=True, slots=True)
class Path:
    segments: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Binary:
    op: str
    left: Node
    right: Node


@dataclass(frozen=True, slots=True)
class Unary:
    op: str  # not, neg
    operand: Node


@dataclass(frozen=True, slots=True)
class Call:
    name: str
    args: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Lambda:
    section: str
    quantifier: str  # any, all
    variable: str
    body: Node | None


Node = Literal | Path | Binary | Unary | Call | Lambda


def tokenize(text: str) -> list[tuple[str, str]]:
    tokens: list[tuple[str, str]] = []
    position = 0
    while position < len(text):
        if text[position:].strip() == "":
            break
        match = _TOKEN.match(text, position)
        if match is None or match.end() == position:
            if text[position:].lstrip().startswith("+"):
                raise errors.internal(errors.WHERE_OPERATION)
            raise errors.option_error(FILTER)
        kind = match.lastgroup or ""
        tokens.append((kind, match.group(kind)))
        position = match.end()
    return tokens


def parse(text: str) -> Node:
    if "+" in _outside_strings(text):
        raise errors.internal(errors.WHERE_OPERATION)
    parser = _Parser(tokenize(text))
    node = parser.expression()
    if parser.peek() is not None:
        raise errors.option_error(FILTER)
    return node


def _outside_strings(text: str) -> str:
    """The text with every quoted literal removed (an unclosed one runs to the end)."""
    return re.sub(r"'(?:[^']|'')*'?", "", text)


class _Parser:
    def __init__(self, tokens: list[tuple[str, str]]) -> None:
        self.tokens = tokens
        self.index = 0

    def peek(self) -> tuple[str, str] | None:
        return self.tokens[self.index] if self.index < len(self.tokens) else None

    def take(self) -> tuple[str, str]:
        token = self.peek()
        if token is None:
            raise errors.option_error(FILTER)
        self.index += 1
        return token

    def accept(self, word: str) -> bool:
        token = self.peek()
        if token is not None and token[1] == word and token[0] in ("name", "punct"):
            self.index += 1
            return True
        return False

    def expect(self, word: str) -> None:
        if not self.accept(word):
            raise errors.option_error(FILTER)

    def expression(self) -> Node:
        node = self.conjunction()
        while self.accept("or"):
            node = Binary("or", node, self.conjunction())
        return node

    def conjunction(self) -> Node:
        node = self.comparison()
        while self.accept("and"):
            node = Binary("and", node, self.comparison())
        return node

    def comparison(self) -> Node:
        node = self.additive()
        for op in COMPARISONS:
            if self.accept(op):
                return Binary(op, node, self.additive())
        return node

    def additive(self) -> Node:
        node = self.multiplicative()
        while True:
            op = next((o for o in ("add", "sub") if self.accept(o)), None)
            if op is None:
                return node
            node = Binary(op, node, self.multiplicative())

    def multiplicative(self) -> Node:
        node = self.unary()
        while True:
            op = next((o for o in ("mul", "div", "mod") if self.accept(o)), None)
            if op is None:
                return node
            node = Binary(op, node, self.unary())

    def unary(self) -> Node:
        if self.accept("not"):
            return Unary("not", self.unary())
        return self.primary()

    def primary(self) -> Node:
        kind, text = self.take()
        if kind == "punct":
            if text != "(":
                raise errors.option_error(FILTER)
            node = self.expression()
            self.expect(")")
            return node
        if kind == "string":
            return Literal("string", text[1:-1].replace("''", "'"))
        if kind == "typed":
            return _typed(text)
        if kind == "number":
            return _number(text)
        if text in ("true", "false"):
            return Literal("bool", text == "true")
        if text == "null":
            return Literal("null", None)
        if text in COMPARISONS or text in ARITHMETIC or text in ("and", "or", "not"):
            raise errors.option_error(FILTER)
        if self.accept("("):
            return self.call(text)
        return self.path(text)

    def call(self, name: str) -> Node:
        if name in UNSUPPORTED:
            raise errors.not_implemented_function(name)
        arity = SUPPORTED.get(name)
        if arity is None:
            raise errors.option_error(FILTER)
        args: list[Node] = []
        if not self.accept(")"):
            args.append(self.expression())
            while self.accept(","):
                args.append(self.expression())
            self.expect(")")
        allowed = arity if isinstance(arity, tuple) else (arity,)
        if len(args) not in allowed:
            raise errors.not_implemented_function(name)
        return Call(name, tuple(args))

    def path(self, first: str) -> Node:
        segments = [first]
        while self.accept("/"):
            kind, text = self.take()
            if kind != "name":
                raise errors.option_error(FILTER)
            if text in ("any", "all") and self.accept("("):
                return self.lambda_(tuple(segments), text)
            segments.append(text)
        return Path(tuple(segments))

    def lambda_(self, section: tuple[str, ...], quantifier: str) -> Node:
        if len(section) != 1:
            raise errors.option_error(FILTER)
        if self.accept(")"):
            return Lambda(section[0], quantifier, "", None)
        kind, variable = self.take()
        if kind != "name":
            raise errors.option_error(FILTER)
        self.expect(":")
        body = self.expression()
        self.expect(")")
        return Lambda(section[0], quantifier, variable, body)


def _typed(text: str) -> Literal:
    prefix, _, rest = text.partition("'")
    value = rest[:-1]
    if prefix == "guid":
        if not refs.is_guid(value):
            raise errors.unparsable(value, "Edm.Guid")
        return Literal("guid", value.lower())
    if prefix == "datetime":
        parsed = parse_datetime(value)
        if parsed is None:
            raise errors.option_error(FILTER)
        return Literal("datetime", parsed)
    raise errors.option_error(FILTER)


def _number(text: str) -> Literal:
    body = text.rstrip("mMdDfFlL")
    if re.fullmatch(r"-?\d+", body):
        return Literal("int", int(body))
    return Literal("double", float(body))
