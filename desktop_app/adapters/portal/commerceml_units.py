"""The unit of an item line, from the two places CommerceML puts it.

- `БазоваяЕдиница`, the goods' base unit: Bitrix's 2.05 layout writes the code and the full
  name as attributes and the short name as text — `<БазоваяЕдиница Код="796"
  НаименованиеПолное="Штука" МеждународноеСокращение="PCE">шт</БазоваяЕдиница>`
  (`CSaleExport::outputXmlUnit`, modules/sale/general/export.php; the same in the reference
  files carono-yii2__from.xml and dobromyslov__bitrix-query-response-full.xml). The 2.10
  schema allows `НаименованиеКраткое` as an attribute too, and other writers leave the text
  out (`<БазоваяЕдиница Код="796 " … />`, the code padded as 1C pads its ids).
- `Единица`, the unit the quantity is counted in: Bitrix 2.08+ writes `<Единица><Код>796</Код>
  <НаименованиеПолное>Штука</НаименованиеПолное></Единица>`, 1C's 3.x packages add `Ид`
  ("796 ") and `НаименованиеКраткое` (irpsv__bitrix-module-6__documents_1.xml); in the 2.x
  schema (ЕдиницаИзмерения group) it is plain text of 3–4 characters, `<Единица>шт</Единица>`.

Whatever `Единица` says wins, but it erases nothing it does not say: a text-only «шт» next to
a base unit keeps that unit's code and full name. Only an `Единица` that names another unit
(another code or short name) stands alone — the base unit then describes something else.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.adapters.portal.commerceml_text import Element, children_by_name, text_of


@dataclass(frozen=True, slots=True)
class UnitParts:
    short: str | None = None
    code: str | None = None
    name: str | None = None

    def over(self, base: UnitParts) -> UnitParts:
        """These parts, the gaps filled from `base` when both describe the same unit."""
        if _differ(self.short, base.short) or _differ(self.code, base.code):
            return self
        return UnitParts(self.short or base.short, self.code or base.code, self.name or base.name)


NO_UNIT = UnitParts()


def _differ(one: str | None, other: str | None) -> bool:
    return one is not None and other is not None and one.casefold() != other.casefold()


def _attribute(element: Element, name: str) -> str | None:
    value = element.get(name)
    return value.strip() or None if value is not None else None


def _is_code(text: str) -> bool:
    """An ОКЕИ code («796»), as opposed to a short name («шт»)."""
    return text.isdigit() and 3 <= len(text) <= 4


def base_unit_of(element: Element) -> UnitParts:
    """`БазоваяЕдиница`: code and names from the attributes, the short name from the text."""
    text = text_of(element)
    code = _attribute(element, "Код")
    if text is not None and _is_code(text):
        code, text = code or text, None
    return UnitParts(
        short=text or _attribute(element, "НаименованиеКраткое"),
        code=code,
        name=_attribute(element, "НаименованиеПолное"),
    )


def line_unit_of(element: Element) -> UnitParts:
    """`Единица`: the structured form (Код/Ид, НаименованиеКраткое/Полное) or a plain text."""
    parts = children_by_name(element)
    if not parts:
        text = text_of(element)
        if text is None:
            return NO_UNIT
        return UnitParts(code=text) if _is_code(text) else UnitParts(short=text)
    return UnitParts(
        short=text_of(parts.get("НаименованиеКраткое")),
        code=text_of(parts.get("Код")) or text_of(parts.get("Ид")),
        name=text_of(parts.get("НаименованиеПолное")),
    )
