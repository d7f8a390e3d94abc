"""`$filter` text → a syntax tree: the forms the app sends, and 1C's refusals.

1C's language (chapter 17.4.5.2 of the platform documentation) is larger than what the app
sends: `odata_filter` on the client side writes the comparisons `eq ne gt ge lt le`, `and or
not`, parentheses and the functions `substringof(s, F)`, `startswith(F, s)` and `like(F,
pattern)` (a function in 1C, not an operator: `like(Наименование, '[^к]%')` is the
documentation's example), over plain properties, with `'text'` (`''` for a quote),
`guid'…'`, `datetime'YYYY-MM-DDTHH:MM[:SS]'` (four-digit year, or 1C refuses it), numbers,
`true`, `false` and `null`. Operators are lower-case. This emulator understands exactly
that; the rest of 1C's language (arithmetic, `concat`, `substring`, `endswith`, `year`…,
navigation paths, `any`/`all`) no client sends, and it is refused in 1C's words for what it
cannot parse — a refusal, never a guess, so that a client that starts to send such a
filter meets it here first.

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
FUNCTIONS = ("substringof", "startswith", "like")
# "lenght" is how the documentation spells it.
UNSUPPORTED = frozenset(
    {"length", "lenght", "indexof", "replace", "tolower", "toupper", "trim", "years"}
    | {"days", "hours", "seconds", "floor", "ceiling"}
)
_WORDS = frozenset((*COMPARISONS, "and", "or", "not"))
_TOKEN = re.compile(
    r"""\s*(?:
        (?P<string>'(?:[^']|'')*')
      | (?P<typed>(?:guid|datetime|datetimeoffset|time|binary|X)'[^']*')
      | (?P<number>-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?[mMdDfFlL]?)
      | (?P<name>[^\W\d][\w]*)
      | (?P<punct>[(),])
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
    """A property of the set (the only kind of path the app sends)."""

    segments: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Binary:
    op: str
    left: Node
    right: Node


@dataclass(frozen=True, slots=True)
class Unary:
    op: str  # not
    operand: Node


@dataclass(frozen=True, slots=True)
class Call:
    name: str
    args: tuple[Node, ...]


Node = Literal | Path | Binary | Unary | Call


def tokenize(text: str) -> list[tuple[str, str]]:
    tokens: list[tuple[str, str]] = []
    position = 0
    while text[position:].strip():
        match = _TOKEN.match(text, position)
        if match is None or match.end() == position:
            raise errors.option_error(FILTER)
        kind = match.lastgroup or ""
        tokens.append((kind, match.group(kind)))
        position = match.end()
    return tokens


def parse(text: str) -> Node:
    if "+" in re.sub(r"'(?:[^']|'')*'?", "", text):  # outside every quoted literal
        raise errors.internal(errors.WHERE_OPERATION)
    parser = _Parser(tokenize(text))
    node = parser.expression()
    if parser.index < len(parser.tokens):
        raise errors.option_error(FILTER)
    return node


class _Parser:
    def __init__(self, tokens: list[tuple[str, str]]) -> None:
        self.tokens = tokens
        self.index = 0

    def take(self) -> tuple[str, str]:
        if self.index >= len(self.tokens):
            raise errors.option_error(FILTER)
        self.index += 1
        return self.tokens[self.index - 1]

    def accept(self, word: str) -> bool:
        token = self.tokens[self.index] if self.index < len(self.tokens) else None
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
        node = self.unary()
        for op in COMPARISONS:
            if self.accept(op):
                return Binary(op, node, self.unary())
        return node

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
        if text in _WORDS:
            raise errors.option_error(FILTER)
        if self.accept("("):
            return self.call(text)
        return Path((text,))

    def call(self, name: str) -> Node:
        if name in UNSUPPORTED:
            raise errors.not_implemented_function(name)
        if name not in FUNCTIONS:
            raise errors.option_error(FILTER)
        args: list[Node] = []
        if not self.accept(")"):
            args.append(self.expression())
            while self.accept(","):
                args.append(self.expression())
            self.expect(")")
        if len(args) != 2:
            raise errors.not_implemented_function(name)
        return Call(name, tuple(args))


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
