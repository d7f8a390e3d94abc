"""What the requisite checks found, in the manager's words: one sentence for each finding.

The checks (`domain.requisite_values`, `domain.requisite_checks`) say what they found with a
code, a variant where one code has more than one shape of sentence (a plural, ОГРН or
ОГРНИП, the buyer's kind) and parameters; this table is where those become a sentence. The
CLI prints it (`text`), the window translates it (`ui.wording.shown_code(FINDINGS, …)`).
"""

from __future__ import annotations

from desktop_app.domain.requisite_values import Finding, Severity
from desktop_app.wording.catalog import QT_TRANSLATE_NOOP, Table, Translate
from desktop_app.wording.registry_findings import REGISTRY_FINDINGS, REGISTRY_FINDINGS_WINDOW

FINDINGS = Table(
    "findings",
    {
        "buyer-missing": QT_TRANSLATE_NOOP("Findings", "В заказе нет покупателя."),
        "inn-format": QT_TRANSLATE_NOOP(
            "Findings",
            "ИНН «{value}» должен состоять только из цифр (10 у организации, 12 у ИП и "
            "физического лица); проверьте, нет ли в нём пробелов, букв или других знаков.",
        ),
        "inn-length/one": QT_TRANSLATE_NOOP(
            "Findings",
            "В ИНН {inn} {count} цифра, а должно "
            "быть 10 (организация) или 12 (ИП, физическое лицо).",
        ),
        "inn-length/few": QT_TRANSLATE_NOOP(
            "Findings",
            "В ИНН {inn} {count} цифры, а должно "
            "быть 10 (организация) или 12 (ИП, физическое лицо).",
        ),
        "inn-length/many": QT_TRANSLATE_NOOP(
            "Findings",
            "В ИНН {inn} {count} цифр, а должно "
            "быть 10 (организация) или 12 (ИП, физическое лицо).",
        ),
        "inn-checksum": QT_TRANSLATE_NOOP(
            "Findings",
            "ИНН {inn} не проходит проверку контрольных цифр — вероятно, опечатка. "
            "Сверьте с документами покупателя.",
        ),
        "inn-checksum/foreign": QT_TRANSLATE_NOOP(
            "Findings",
            "Номер {inn} не проходит проверку российского ИНН. У иностранной компании это "
            "может быть её собственный налоговый номер (БИН, УНП) — уточните.",
        ),
        "kpp-format": QT_TRANSLATE_NOOP(
            "Findings",
            "КПП «{kpp}» неверного вида: в КПП 9 "
            "знаков — цифры, только 5-й и 6-й могут быть латинскими заглавными буквами.",
        ),
        "kpp-format/letter-o": QT_TRANSLATE_NOOP(
            "Findings",
            "КПП «{kpp}» неверного вида: в КПП 9 знаков — цифры, только 5-й и "
            "6-й могут быть латинскими заглавными буквами. Похоже, вместо нуля набрана буква "
            "«О».",
        ),
        "ogrn-format": QT_TRANSLATE_NOOP(
            "Findings",
            "ОГРН «{value}» должен состоять только из цифр (13 у организации, 15 у ИП); "
            "проверьте, нет ли в нём пробелов, букв или других знаков.",
        ),
        "ogrn-length/one": QT_TRANSLATE_NOOP(
            "Findings",
            "В ОГРН {number} {count} цифра, а должно быть 13 (ОГРН организации) "
            "или 15 (ОГРНИП индивидуального предпринимателя).",
        ),
        "ogrn-length/few": QT_TRANSLATE_NOOP(
            "Findings",
            "В ОГРН {number} {count} цифры, а должно быть 13 (ОГРН организации) "
            "или 15 (ОГРНИП индивидуального предпринимателя).",
        ),
        "ogrn-length/many": QT_TRANSLATE_NOOP(
            "Findings",
            "В ОГРН {number} {count} цифр, а должно быть 13 (ОГРН организации) "
            "или 15 (ОГРНИП индивидуального предпринимателя).",
        ),
        "ogrn-checksum": QT_TRANSLATE_NOOP(
            "Findings",
            "ОГРН {number} не проходит проверку "
            "контрольной цифры — вероятно, опечатка. Сверьте с выпиской из реестра.",
        ),
        "ogrn-checksum/ogrnip": QT_TRANSLATE_NOOP(
            "Findings",
            "ОГРНИП {number} не проходит "
            "проверку контрольной цифры — вероятно, опечатка. Сверьте с выпиской из реестра.",
        ),
        "ogrn-not-primary": QT_TRANSLATE_NOOP(
            "Findings",
            "{number} похож на номер записи в реестре (ГРН), а не на ОГРН: ОГРН начинается "
            "с 1 или 5. Уточните у покупателя.",
        ),
        "ogrn-not-primary/ogrnip": QT_TRANSLATE_NOOP(
            "Findings",
            "{number} похож на номер записи в реестре (ГРН), а не на ОГРНИП: ОГРНИП "
            "начинается с 3. Уточните у покупателя.",
        ),
        "okpo-format": QT_TRANSLATE_NOOP(
            "Findings",
            "ОКПО «{okpo}» неверного вида: в нём 8 цифр (организация) или 10 "
            "(ИП, обособленное подразделение).",
        ),
        "okpo-checksum": QT_TRANSLATE_NOOP(
            "Findings",
            "ОКПО {okpo} не проходит проверку контрольной цифры — вероятно, опечатка.",
        ),
        "bik-format": QT_TRANSLATE_NOOP("Findings", "БИК «{bik}» неверного вида: в БИК 9 цифр."),
        "account-format": QT_TRANSLATE_NOOP(
            "Findings", "Расчётный счёт «{account}» неверного вида: в счёте 20 цифр."
        ),
        "corr-account-format": QT_TRANSLATE_NOOP(
            "Findings", "Корреспондентский счёт «{account}» неверного вида: в счёте 20 цифр."
        ),
        "account-without-bik": QT_TRANSLATE_NOOP(
            "Findings",
            "Расчётный счёт {account} указан без БИК банка, поэтому его нельзя проверить.",
        ),
        "corr-account-without-bik": QT_TRANSLATE_NOOP(
            "Findings",
            "Корреспондентский счёт {account} указан без БИК банка, поэтому его нельзя проверить.",
        ),
        "account-key": QT_TRANSLATE_NOOP(
            "Findings",
            "Расчётный счёт {account} не сходится с БИК {bik} по контрольному ключу: "
            "опечатка в счёте или в БИК.",
        ),
        "corr-account-key": QT_TRANSLATE_NOOP(
            "Findings",
            "Корреспондентский счёт {account} не сходится с БИК {bik} по контрольному "
            "ключу: опечатка в счёте или в БИК.",
        ),
        "account-kind-mismatch/legal": QT_TRANSLATE_NOOP(
            "Findings",
            "Расчётный счёт {account} — счёт ИП или физического лица, а покупатель — "
            "организация (её счета начинаются с 407). Проверьте, чей это счёт.",
        ),
        "account-kind-mismatch/entrepreneur": QT_TRANSLATE_NOOP(
            "Findings",
            "Расчётный счёт {account} — счёт организации, а покупатель — ИП (его счета "
            "начинаются с 40802). Проверьте, чей это счёт.",
        ),
        "inn-property-differs": QT_TRANSLATE_NOOP(
            "Findings",
            "ИНН в карточке покупателя {card}, а в свойствах заказа {property}: уточните у "
            "покупателя, какой верный.",
        ),
        "kpp-property-differs": QT_TRANSLATE_NOOP(
            "Findings",
            "КПП в карточке покупателя {card}, а в свойствах заказа {property}: уточните у "
            "покупателя, какой верный.",
        ),
        "inn-from-property": QT_TRANSLATE_NOOP(
            "Findings", "ИНН {property} взят из свойств заказа: в карточке покупателя его нет."
        ),
        "kpp-from-property": QT_TRANSLATE_NOOP(
            "Findings", "КПП {property} взят из свойств заказа: в карточке покупателя его нет."
        ),
        "kpp-unexpected": QT_TRANSLATE_NOOP(
            "Findings",
            "Указан КПП {kpp}, но ИНН {inn} из 12 цифр — это ИНН ИП или физического лица, "
            "а у них КПП не бывает. Уточните у покупателя, не организация ли это.",
        ),
        "kind-inn-mismatch": QT_TRANSLATE_NOOP(
            "Findings",
            "ИНН {inn} из 12 цифр принадлежит ИП или физическому лицу, а по остальным данным "
            "покупатель похож на организацию (у организации ИНН из 10 цифр).",
        ),
        "kind-inn-mismatch/entrepreneur": QT_TRANSLATE_NOOP(
            "Findings",
            "ИНН {inn} из 10 цифр — это ИНН организации, а покупатель указан как ИП "
            "(у ИП и физического лица ИНН из 12 цифр).",
        ),
        "kind-inn-mismatch/person": QT_TRANSLATE_NOOP(
            "Findings",
            "ИНН {inn} из 10 цифр — это ИНН организации, а покупатель указан как физическое "
            "лицо (у ИП и физического лица ИНН из 12 цифр).",
        ),
        "inn-missing-foreign": QT_TRANSLATE_NOOP(
            "Findings",
            "ИНН не указан: похоже, это иностранная организация — у неё российского ИНН "
            "может не быть. В 1С её заводят как нерезидента.",
        ),
        "inn-missing": QT_TRANSLATE_NOOP(
            "Findings",
            "ИНН не указан: без него организацию не найти в 1С надёжно и не проверить. "
            "Запросите ИНН у покупателя (если это не иностранная компания).",
        ),
        "kpp-without-inn": QT_TRANSLATE_NOOP(
            "Findings",
            "Указан КПП {kpp}, но не указан ИНН: КПП без ИНН организацию не определяет.",
        ),
        "kpp-missing": QT_TRANSLATE_NOOP(
            "Findings",
            "У организации (ИНН {inn} из 10 цифр) должен быть КПП, а он не указан. "
            "Запросите КПП у покупателя.",
        ),
        "kpp-branch": QT_TRANSLATE_NOOP(
            "Findings",
            "КПП {kpp} — КПП обособленного подразделения (причина постановки на учёт 43): "
            "заказ сделан от имени филиала организации.",
        ),
        "kpp-largest-taxpayer": QT_TRANSLATE_NOOP(
            "Findings",
            "КПП {kpp} выдан инспекцией по крупнейшим налогоплательщикам: то, что он не "
            "совпадает с началом ИНН, нормально.",
        ),
        "kpp-other-office": QT_TRANSLATE_NOOP(
            "Findings",
            "КПП {kpp} выдан налоговой инспекцией {kpp_office}, а ИНН {inn} — инспекцией "
            "{inn_office} (другой инспекции). Так бывает у филиала или после переезда "
            "организации; сверьте КПП с документами покупателя.",
        ),
        "kpp-other-office/region": QT_TRANSLATE_NOOP(
            "Findings",
            "КПП {kpp} выдан налоговой инспекцией {kpp_office}, а ИНН {inn} — инспекцией "
            "{inn_office} (другого региона). Так бывает у филиала или после переезда "
            "организации; сверьте КПП с документами покупателя.",
        ),
        "ogrn-missing": QT_TRANSLATE_NOOP(
            "Findings",
            "ОГРН покупателя в заказе не указан: при создании контрагента его можно "
            "заполнить по выписке из ЕГРЮЛ/ЕГРИП.",
        ),
        "ogrn-missing/ogrnip": QT_TRANSLATE_NOOP(
            "Findings",
            "ОГРНИП покупателя в заказе не указан: при создании контрагента его можно "
            "заполнить по выписке из ЕГРЮЛ/ЕГРИП.",
        ),
        "ogrn-kind-mismatch": QT_TRANSLATE_NOOP(
            "Findings",
            "Указан ОГРН {number} из 13 цифр — такой бывает у организации, а покупатель — "
            "ИП или физическое лицо (у ИП ОГРНИП из 15 цифр).",
        ),
        "ogrn-kind-mismatch/ogrnip": QT_TRANSLATE_NOOP(
            "Findings",
            "Указан ОГРНИП {number} из 15 цифр — такой бывает у ИП, а покупатель — "
            "организация (у организации ОГРН из 13 цифр).",
        ),
        "email-format": QT_TRANSLATE_NOOP(
            "Findings",
            "«{email}» — не адрес электронной почты: нужен вид имя@домен.зона, без пробелов.",
        ),
        "phone-format": QT_TRANSLATE_NOOP(
            "Findings",
            "«{phone}» не похож на номер телефона: в нём должно быть от 10 до 15 цифр "
            "(с кодом города или оператора), без букв; добавочный — в конце («доб. 12»).",
        ),
        **REGISTRY_FINDINGS,
    },
    window=REGISTRY_FINDINGS_WINDOW,
)


SEVERITIES = Table(
    "severities",
    {
        Severity.ERROR: QT_TRANSLATE_NOOP("Findings", "ошибка"),
        Severity.WARNING: QT_TRANSLATE_NOOP("Findings", "внимание"),
        Severity.INFO: QT_TRANSLATE_NOOP("Findings", "примечание"),
    },
)
"""How sure a finding is, in lower case; the window's badge starts it with a capital."""


def finding_text(finding: Finding, translate: Translate | None = None) -> str:
    """The finding's sentence: Russian for the CLI, translated when the window passes Qt's."""
    return FINDINGS.text(finding.wording_key, finding.params, translate)
