"""What the domain refuses, in the manager's words: a decision that cannot be, a number
template that does not work, an `onec.order_link` setting it cannot read.

`domain.phrase.PhraseError` carries a code (`decision.…`, `number-template.…`) and values;
Python's own description of a malformed template (`error`) is shown as Python says it.
"""

from __future__ import annotations

from desktop_app.wording.catalog import QT_TRANSLATE_NOOP, Table

DOMAIN_ERRORS = Table(
    "domain errors",
    {
        "decision.reject-reason": QT_TRANSLATE_NOOP("DomainErrors", "Укажите причину отказа."),
        "decision.delete-not-replaced": QT_TRANSLATE_NOOP(
            "DomainErrors", "Пометить на удаление можно только заменяемого контрагента."
        ),
        "decision.replaces-itself": QT_TRANSLATE_NOOP(
            "DomainErrors", "Контрагент не может заменить сам себя."
        ),
        "number-template.unparsed": QT_TRANSLATE_NOOP(
            "DomainErrors", "шаблон номера «{template}» не разобран: {error}"
        ),
        "number-template.fields": QT_TRANSLATE_NOOP(
            "DomainErrors", "в шаблоне номера «{template}» нужны поля из списка: {known}"
        ),
        "number-template.fields/unknown": QT_TRANSLATE_NOOP(
            "DomainErrors",
            "в шаблоне номера «{template}» нужны поля из списка: {known} (нет поля «{unknown}»)",
        ),
        "number-template.too-long": QT_TRANSLATE_NOOP(
            "DomainErrors", "шаблон номера длиннее {most} знаков"
        ),
        "number-template.format": QT_TRANSLATE_NOOP(
            "DomainErrors", "формат поля {{{name}}} «{spec}» не разобран"
        ),
        "number-template.width": QT_TRANSLATE_NOOP(
            "DomainErrors", "ширина поля {{{name}}} в шаблоне номера — не больше {most} знаков"
        ),
        "number-template.mismatch": QT_TRANSLATE_NOOP(
            "DomainErrors", "формат в шаблоне номера «{template}» не подходит к его полям"
        ),
        "order-link.property-key": QT_TRANSLATE_NOOP(
            "DomainErrors", "для property нужен ключ свойства (GUID): property:ГУИД[:Название]"
        ),
        "order-link.field-name": QT_TRANSLATE_NOOP(
            "DomainErrors", "для field нужно имя поля заказа: field:НомерПоДаннымКлиента"
        ),
        "order-link.kinds": QT_TRANSLATE_NOOP(
            "DomainErrors", "auto, bitrix, property:ГУИД или field:ПОЛЕ"
        ),
    },
)
