"""What the state registry's answer says about the buyer: the sentences of `registry-*` findings.

The codes are `domain.registry_findings.REGISTRY_CODES`; `wording.findings` takes these into
its table, so the window and the CLI word them as they word the check-digit findings. A
sentence names the registry «ЕГРЮЛ/ЕГРИП» (what a manager calls it) and, where two values
differ, quotes both.
"""

from __future__ import annotations

from desktop_app.wording.catalog import QT_TRANSLATE_NOOP, Wording

REGISTRY_FINDINGS: dict[str, Wording] = {
    "registry-not-found": QT_TRANSLATE_NOOP(
        "Findings",
        "ИНН {inn} нет в реестре (ЕГРЮЛ/ЕГРИП): такой организации или ИП не "
        "зарегистрировано. Сверьте ИНН с документами покупателя.",
    ),
    "registry-liquidated": QT_TRANSLATE_NOOP(
        "Findings",
        "По реестру (ЕГРЮЛ/ЕГРИП) покупатель ликвидирован {date}: с ним нельзя заключать "
        "сделки. Уточните у покупателя, от чьего имени заказ.",
    ),
    "registry-liquidating": QT_TRANSLATE_NOOP(
        "Findings", "По реестру (ЕГРЮЛ) покупатель в процессе ликвидации."
    ),
    "registry-bankrupt": QT_TRANSLATE_NOOP(
        "Findings", "По реестру (ЕГРЮЛ/ЕГРИП) покупатель признан банкротом."
    ),
    "registry-reorganizing": QT_TRANSLATE_NOOP(
        "Findings",
        "По реестру (ЕГРЮЛ) покупатель в процессе реорганизации: реквизиты могут скоро измениться.",
    ),
    "registry-invalid": QT_TRANSLATE_NOOP(
        "Findings",
        "Налоговая отметила сведения о покупателе в реестре как недостоверные (например, "
        "адрес или руководителя).",
    ),
    "registry-name-differs": QT_TRANSLATE_NOOP(
        "Findings", "Название на портале «{portal}», а в реестре (ЕГРЮЛ/ЕГРИП) — «{registry}»."
    ),
    "registry-kpp-differs": QT_TRANSLATE_NOOP(
        "Findings", "КПП на портале {portal}, а в реестре (ЕГРЮЛ) — {registry}."
    ),
    "registry-kpp-unmatched": QT_TRANSLATE_NOOP(
        "Findings",
        "КПП {kpp} нет ни у головной организации, ни у филиалов в реестре (ЕГРЮЛ); у части "
        "филиалов КПП в реестре не указан, так что это может быть один из них. Сравнение — "
        "с головной организацией (КПП {head_kpp}).",
    ),
    "registry-address-differs": QT_TRANSLATE_NOOP(
        "Findings",
        "Юридический адрес на портале «{portal}», а в реестре (ЕГРЮЛ/ЕГРИП) — «{registry}».",
    ),
    "registry-kind-mismatch": QT_TRANSLATE_NOOP(
        "Findings",
        "На портале покупатель — организация, а по реестру этот ИНН принадлежит "
        "индивидуальному предпринимателю ({name}).",
    ),
    "registry-kind-mismatch/legal": QT_TRANSLATE_NOOP(
        "Findings",
        "На портале покупатель — ИП, а по реестру этот ИНН принадлежит организации ({name}).",
    ),
    "registry-not-asked/no-token": QT_TRANSLATE_NOOP(
        "Findings",
        "Реестр (ЕГРЮЛ/ЕГРИП) не спрашивали: не задан ключ DaData (команда login registry).",
    ),
    "registry-not-asked/offline": QT_TRANSLATE_NOOP(
        "Findings",
        "Реестр (ЕГРЮЛ/ЕГРИП) не спрашивали: нет связи с сервисом DaData. Проверьте сеть.",
    ),
    "registry-not-asked/bad-token": QT_TRANSLATE_NOOP(
        "Findings", "Реестр (ЕГРЮЛ/ЕГРИП) не спрашивали: DaData не приняла ключ (login registry)."
    ),
    "registry-not-asked/limit": QT_TRANSLATE_NOOP(
        "Findings",
        "Реестр (ЕГРЮЛ/ЕГРИП) не спрашивали: исчерпан лимит запросов DaData; повторите позже.",
    ),
    "registry-not-asked/server": QT_TRANSLATE_NOOP(
        "Findings",
        "Реестр (ЕГРЮЛ/ЕГРИП) не спрашивали: сервис DaData ответил ошибкой; повторите позже.",
    ),
    "registry-not-asked/answer": QT_TRANSLATE_NOOP(
        "Findings", "Реестр (ЕГРЮЛ/ЕГРИП) не спрашивали: ответ сервиса DaData не удалось разобрать."
    ),
    "registry-not-asked/off": QT_TRANSLATE_NOOP(
        "Findings",
        "Реестр (ЕГРЮЛ/ЕГРИП) не спрашивали: покупателя ещё не проверяли (registry check ORDER).",
    ),
}

REGISTRY_FINDINGS_WINDOW: dict[str, Wording] = {
    "registry-not-asked/no-token": QT_TRANSLATE_NOOP(
        "Findings",
        "Реестр (ЕГРЮЛ/ЕГРИП) не спрашивали: "
        "не задан ключ DaData (Настройки → «Ключ DaData (реестр)»).",
    ),
    "registry-not-asked/bad-token": QT_TRANSLATE_NOOP(
        "Findings",
        "Реестр (ЕГРЮЛ/ЕГРИП) не спрашивали: DaData не приняла ключ; введите верный в "
        "Настройках («Ключ DaData (реестр)»).",
    ),
    "registry-not-asked/off": QT_TRANSLATE_NOOP(
        "Findings",
        "Реестр (ЕГРЮЛ/ЕГРИП) не спрашивали: "
        "покупателя ещё не проверяли: это делается после получения заказов или "
        "кнопкой «Проверить в реестре».",
    ),
}
"""The window's sentences where the CLI's name a command (`wording.catalog.Table.window`)."""
