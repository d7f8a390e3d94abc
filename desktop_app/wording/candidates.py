"""Why a 1C counterparty is offered for the portal's buyer, in the manager's words.

`domain.candidates.explain` says it with a code (`candidate.…`) and values; the CLI's
`candidates` and the window's card and list show this sentence (`wording.phrases`).
"""

from __future__ import annotations

from desktop_app.wording.catalog import QT_TRANSLATE_NOOP, Table

CANDIDATE_REASONS = Table(
    "candidate reasons",
    {
        "candidate.confirmed": QT_TRANSLATE_NOOP(
            "Candidates",
            "Эту организацию (её ИНН и КПП) уже сопоставляли с этим контрагентом (подтверждено).",
        ),
        "candidate.unconfirmed": QT_TRANSLATE_NOOP(
            "Candidates",
            "Связь перенесена из прежней версии, где связи хранились по пользователю портала, "
            "а он заказывал от имени нескольких организаций: сама она не применяется. "
            "Подтвердите её («Связать»), если это та же организация.",
        ),
        "candidate.inn-kpp": QT_TRANSLATE_NOOP("Candidates", "Совпадают ИНН {inn} и КПП {kpp}."),
        "candidate.other-kpp/branch": QT_TRANSLATE_NOOP(
            "Candidates",
            "Тот же ИНН {inn}, другой КПП (в 1С {onec_kpp}, в заказе {kpp}): "
            "в 1С это другое обособленное подразделение той же организации.",
        ),
        "candidate.other-kpp": QT_TRANSLATE_NOOP(
            "Candidates",
            "Тот же ИНН {inn}, другой КПП (в 1С {onec_kpp}, в заказе {kpp}): та же организация — "
            "если КПП в заказе новый, заказ от её филиала, которого в 1С ещё нет.",
        ),
        "candidate.kpp-not-given": QT_TRANSLATE_NOOP("Candidates", "не указан"),
        "candidate.same-inn/no-kpp": QT_TRANSLATE_NOOP(
            "Candidates", "Совпадает ИНН {inn} (у ИП и физического лица КПП нет)."
        ),
        "candidate.same-inn/kpp-missing": QT_TRANSLATE_NOOP(
            "Candidates", "Совпадает ИНН {inn}; КПП в заказе не указан, сравнить его нельзя."
        ),
        "candidate.name-equal": QT_TRANSLATE_NOOP(
            "Candidates",
            "Наименование совпадает (без учёта кавычек, формы собственности, регистра, ё/е)",
        ),
        "candidate.full-name-equal": QT_TRANSLATE_NOOP(
            "Candidates",
            "Совпадает полное наименование (без учёта кавычек, формы собственности, регистра, ё/е)",
        ),
        "candidate.name-similar": QT_TRANSLATE_NOOP(
            "Candidates", "Похожее наименование (сходство {score} %)"
        ),
        "candidate.name/no-inn": QT_TRANSLATE_NOOP("Candidates", "{match}; ИНН в 1С не указан."),
        "candidate.name/other-inn": QT_TRANSLATE_NOOP(
            "Candidates", "{match}, но ИНН другой: в 1С {inn}."
        ),
        "candidate.name": QT_TRANSLATE_NOOP("Candidates", "{match}."),
    },
)
