"""Legal entities in the manager's words: a key's requisites and the notes of the mapping.

`domain.legal_entity_key.describe` and `domain.entity_mapping` say them with a code
(`entity-key.…`, `entity.…`) and values; the queue, the candidates (CLI and window) and the
decision dropped by a new revision (`entity.requisites-changed`, stored as the code and its
values) are worded here (`wording.phrases`).
"""

from __future__ import annotations

from desktop_app.wording.catalog import QT_TRANSLATE_NOOP, Table

ENTITIES = Table(
    "legal entities",
    {
        "entity-key.inn-kpp": QT_TRANSLATE_NOOP("Entities", "ИНН {inn}, КПП {kpp}"),
        "entity-key.inn": QT_TRANSLATE_NOOP("Entities", "ИНН {inn}, без КПП"),
        "entity-key.name-address": QT_TRANSLATE_NOOP(
            "Entities", "без ИНН (по наименованию и адресу)"
        ),
        "entity.other-organisation": QT_TRANSLATE_NOOP("Entities", "другой организации"),
        "entity.earlier": QT_TRANSLATE_NOOP(
            "Entities",
            "Этот покупатель уже заказывал от имени {name}. Реквизиты в этом заказе другие: это "
            "другая организация, её проверяют как новую — с контрагентом {name} в 1С её не "
            "связывают.",
        ),
        "entity.earlier/requisites": QT_TRANSLATE_NOOP(
            "Entities",
            "Этот покупатель уже заказывал от имени {name} ({requisites}). Реквизиты в этом "
            "заказе другие: это другая организация, её проверяют как новую — с контрагентом "
            "{name} в 1С её не связывают.",
        ),
        "entity.other": QT_TRANSLATE_NOOP(
            "Entities",
            "Не кандидат: это контрагент {name} — другой организации, от имени которой этот "
            "покупатель заказывал раньше. Показан для сравнения карточек.",
        ),
        "entity.other/requisites": QT_TRANSLATE_NOOP(
            "Entities",
            "Не кандидат: это контрагент {name} ({requisites}) — другой организации, от имени "
            "которой этот покупатель заказывал раньше. Показан для сравнения карточек.",
        ),
        "entity.requisites-missing": QT_TRANSLATE_NOOP("Entities", "не указаны"),
        "entity.requisites-changed": QT_TRANSLATE_NOOP(
            "Entities",
            "Автоматическое решение снято: в новой версии заказа у покупателя другие реквизиты "
            "(было: {was}; стало: {now}). Это может быть другая организация — проверьте "
            "покупателя.",
        ),
    },
)
