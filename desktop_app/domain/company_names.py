"""Company names reduced to what identifies a company, so that two spellings can be matched.

The portal and 1C spell one company in many ways: `ООО "Рога & Копыта"`, `Общество с
ограниченной ответственностью «Рога и Копыта»`, `рога и копыта ооо`. What they share is the
words that are the company's own; the quotes, the case, the punctuation and the legal form
are how a person happened to type them. `normalize_name` keeps only those words:

- Bitrix's HTML entities (`&quot;`, even double-escaped `&amp;quot;`) are undone first, since
  names copied into 1C from a portal page sometimes carry them;
- Unicode compatibility forms are folded (NFKC: a non-breaking space is a space), then case
  (`casefold`), then `ё` → `е` (1C users type either);
- accents on Latin letters are dropped (`Café` = `Cafe`); Cyrillic `й` is kept, it is a letter;
- in a Cyrillic name, a word that mixes scripts has its Latin look-alikes made Cyrillic
  (`Альфa` with a Latin `a` is `альфа`, `1C-Рарус` with a Latin `C` is `1с рарус`): a common
  keyboard-layout slip. Words of Latin letters alone stay Latin;
- `&` is the word `и`, and so is the Latin word `and`: `Рога & Копыта`, `Рога и Копыта` and
  `Рога and Копыта` are one company. Buyers type either, and a false merge of two companies
  that differ only in this is far less likely than a missed match;
- an apostrophe inside a word joins it (`O'Reilly` = `oreilly`, `Д'Артаньян` = `дартаньян`);
  every other character that is not a letter or a digit (quotes of every kind, `№`, dashes,
  dots, brackets) separates words: `ТД-7` is `тд 7`, `ООО"Вектор"` is `вектор`;
- legal forms are dropped as whole words anywhere in the name, abbreviated (ООО, ИП, LLC, …)
  or written out ("общество с ограниченной ответственностью", "публичное акционерное
  общество", …). Dotted abbreviations (`И.П.`) are *not* read as forms: `Иванов И.П.` is a
  man's initials far more often. A form in Latin look-alike letters (`OOO`, `AO`) counts.
  `ТД` (торговый дом) and `ГК` are not legal forms and stay;
- words are joined by single spaces.

The result is stable: normalizing it again changes nothing. An empty or form-only name gives
"". Similarity ranking is not done here (that is the matcher's business); this is the key that
equal names share, and the column the store indexes.
"""

from __future__ import annotations

import html
import re
import unicodedata

__all__ = ["LEGAL_FORM_ABBREVIATIONS", "LEGAL_FORM_PHRASES", "name_tokens", "normalize_name"]

LEGAL_FORM_ABBREVIATIONS = frozenset(
    {
        # Russian and neighbouring: as normalized (lower case, ё → е).
        "ооо", "оао", "зао", "пао", "нао", "ао", "одо", "ип", "пбоюл", "тоо", "гуп", "муп",
        "фгуп", "ано", "нко", "кфх",
        # Latin.
        "llc", "ltd", "limited", "inc", "jsc", "pjsc", "ojsc", "cjsc", "gmbh",
    }
)  # fmt: skip
"""Legal forms written as one word."""

LEGAL_FORM_PHRASES: tuple[tuple[str, ...], ...] = tuple(
    sorted(
        (
            tuple(phrase.split())
            for phrase in (
                "общество с ограниченной ответственностью",
                "общество с дополнительной ответственностью",
                "акционерное общество",
                "публичное акционерное общество",
                "непубличное акционерное общество",
                "закрытое акционерное общество",
                "открытое акционерное общество",
                "индивидуальный предприниматель",
                "предприниматель без образования юридического лица",
                "товарищество с ограниченной ответственностью",
                "государственное унитарное предприятие",
                "муниципальное унитарное предприятие",
                "федеральное государственное унитарное предприятие",
                "автономная некоммерческая организация",
                "некоммерческая организация",
                "крестьянское фермерское хозяйство",
                "глава крестьянского фермерского хозяйства",
                "глава кфх",
                "limited liability company",
                "joint stock company",
                "public joint stock company",
                "closed joint stock company",
                "open joint stock company",
            )
        ),
        key=len,
        reverse=True,  # the longest phrase at a position wins
    )
)
"""Legal forms written out, as normalized words."""

# Latin letters that look like Cyrillic ones, lower case (as after casefold), and back.
_LATIN_LOOK_ALIKES = "aceopxykmthb"
_CYRILLIC_LOOK_ALIKES = "асеорхукмтнв"
_TO_CYRILLIC = str.maketrans(_LATIN_LOOK_ALIKES, _CYRILLIC_LOOK_ALIKES)
_TO_LATIN = str.maketrans(_CYRILLIC_LOOK_ALIKES, _LATIN_LOOK_ALIKES)

_FORM_WORDS = LEGAL_FORM_ABBREVIATIONS | {
    word.translate(_TO_LATIN)  # ООО or АО typed in Latin look-alike letters: `OOO`, `AO`
    for word in LEGAL_FORM_ABBREVIATIONS
    if set(word) <= set(_CYRILLIC_LOOK_ALIKES)
}
_PHRASES_BY_FIRST_WORD: dict[str, tuple[tuple[str, ...], ...]] = {
    first: tuple(phrase for phrase in LEGAL_FORM_PHRASES if phrase[0] == first)
    for first in {phrase[0] for phrase in LEGAL_FORM_PHRASES}
}
_PHRASE_STARTS = frozenset(_PHRASES_BY_FIRST_WORD)
_FORM_TRIGGERS = _FORM_WORDS | _PHRASE_STARTS
"""A name none of whose words is here has no legal form to drop."""

_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});", re.IGNORECASE)
_LATIN_WITH_ACCENT = re.compile(r"[\u00c0-\u024f\u1e00-\u1eff]")
_BEFORE_FOLDING = (("&", " и "), ("№", " "), ("™", " "), ("℠", " "), ("\u02bc", "'"))
"""NFKC would turn `№` into `No` and `™` into `TM`: they are separators, so go first."""
_APOSTROPHE = re.compile(r"['`\u2018\u2019\u02bc]")
_APOSTROPHE_IN_WORD = re.compile(r"(?<=\w)['`\u2018\u2019\u02bc](?=\w)")
_LATIN_ACCENT_OR_APOSTROPHE = re.compile(r"[a-z\u00c0-\u024f\u1e00-\u1eff'`\u2018\u2019\u02bc]")
"""One scan that lets most names (Cyrillic, no apostrophe) skip the three below it."""
_WORD = re.compile(r"[^\W_]+")
"""A run of letters and digits (`\\w` is `str.isalnum` plus `_`): all else separates."""
_CYRILLIC = re.compile(r"[а-я]")
_LATIN = re.compile(r"[a-z]")
_DIGIT = re.compile(r"[0-9]")


def normalize_name(text: str | None) -> str:
    """The matching key of a company name (see the module text); "" for None or no words."""
    return " ".join(name_tokens(text))


def name_tokens(text: str | None) -> tuple[str, ...]:
    """The words of the normalized name, in order."""
    if not text:
        return ()
    folded, plain = _fold(text)
    words: list[str] = _WORD.findall(folded)
    mixed = not plain and bool(_LATIN.search(folded) and _CYRILLIC.search(folded))
    if mixed:
        words = [_one_script(word, _CYRILLIC) for word in words]
    if "and" in words:
        words = ["и" if word == "and" else word for word in words]
    if not _FORM_TRIGGERS.isdisjoint(words):
        words = _without_legal_forms(words)
    if mixed and any(_CYRILLIC.search(word) for word in words):
        # Decided on the words left, so that `ООО 3M` and `3M LLC` stay alike.
        words = [_one_script(word, _DIGIT) for word in words]
    return tuple(words)


def _fold(text: str) -> tuple[str, bool]:
    """Entities undone, compatibility forms and case folded, ё → е, Latin accents dropped;
    and whether the text is plain: no Latin letter, no accent, no apostrophe at all."""
    if "&" in text:
        text = _unescape(text)
    for char, replacement in _BEFORE_FOLDING:
        if char in text:  # much faster than `str.translate` on Cyrillic text
            text = text.replace(char, replacement)
    text = unicodedata.normalize("NFKC", text).casefold().replace("ё", "е")
    if _LATIN_ACCENT_OR_APOSTROPHE.search(text) is None:
        return text, True
    if _LATIN_WITH_ACCENT.search(text):
        text = _strip_latin_accents(text)
    return (_APOSTROPHE_IN_WORD.sub("", text) if _APOSTROPHE.search(text) else text), False


def _unescape(text: str) -> str:
    """HTML entities, twice at most (Bitrix double-escapes: `&amp;quot;`).

    Only complete entities with their `;` are read, so a bare `&` (the company's own) is
    never taken for the start of one.
    """
    for _ in range(2):
        if "&" not in text:
            break
        text = _ENTITY.sub(lambda match: html.unescape(match.group()), text)
    return text


def _strip_latin_accents(text: str) -> str:
    """`café` → `cafe`, but `й` stays `й`: a mark is dropped only after a Latin letter."""
    kept: list[str] = []
    base_is_latin = False
    for char in unicodedata.normalize("NFD", text):
        if unicodedata.combining(char):
            if not base_is_latin:
                kept.append(char)
            continue
        base_is_latin = "a" <= char <= "z"
        kept.append(char)
    return unicodedata.normalize("NFC", "".join(kept))


def _one_script(word: str, beside: re.Pattern[str]) -> str:
    """A word of Latin look-alikes and `beside` (Cyrillic letters, digits) made Cyrillic.

    In a Cyrillic name such a word is a keyboard-layout slip: `Альфa` with a Latin `a`, `1C`
    with a Latin `C` (as in `1С-Рарус`). A word of Latin letters alone stays Latin (`CMYK` is
    not `смук`).
    """
    if _LATIN.search(word) and beside.search(word):
        latin = {char for char in word if "a" <= char <= "z"}
        if latin <= set(_LATIN_LOOK_ALIKES):
            return word.translate(_TO_CYRILLIC)
    return word


def _without_legal_forms(words: list[str]) -> list[str]:
    """Drop every legal form, repeating until none is left.

    One pass is not always enough: in `общество ООО с ограниченной ответственностью` the
    phrase appears only once `ООО` is gone, and the result must be stable under a second
    normalization.
    """
    while True:
        kept = _drop_forms_once(words)
        if len(kept) == len(words) or _FORM_TRIGGERS.isdisjoint(kept):
            return kept  # (a pass that left no trigger word cannot find another form)
        words = kept


def _drop_forms_once(words: list[str]) -> list[str]:
    if _PHRASE_STARTS.isdisjoint(words):  # abbreviations only: `ООО «Вектор»`
        return [word for word in words if word not in _FORM_WORDS]
    kept: list[str] = []
    position = 0
    while position < len(words):
        phrase = _phrase_at(words, position) if words[position] in _PHRASES_BY_FIRST_WORD else 0
        if phrase:
            position += phrase
        elif words[position] in _FORM_WORDS:
            position += 1
        else:
            kept.append(words[position])
            position += 1
    return kept


def _phrase_at(words: list[str], position: int) -> int:
    """The length of the longest legal-form phrase starting at `position`, or 0."""
    for phrase in _PHRASES_BY_FIRST_WORD.get(words[position], ()):
        if tuple(words[position : position + len(phrase)]) == phrase:
            return len(phrase)
    return 0
