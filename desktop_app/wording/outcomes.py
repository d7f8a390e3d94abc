"""What a write to 1C came to, step by step: the sentence of each outcome code.

`services.order_steps`, `services.outbox_steps`, `services.create_waiting` and
`services.push_service` say an outcome as `Said(code, params)`; the store keeps that value,
and the push line of the CLI, the window's status and the decision panel word it here.
Names, numbers and keys are parameters; 1C's own refusal (`words`) is quoted verbatim.
"""

from __future__ import annotations

from desktop_app.wording.catalog import QT_TRANSLATE_NOOP, Table
from desktop_app.wording.said import LEGACY
from desktop_app.wording.window_variants import OUTCOMES_WINDOW

OUTCOMES = Table(
    "write outcomes",
    {
        LEGACY: QT_TRANSLATE_NOOP("WriteOutcome", "{text}"),
        "outcome.link_waits_place": QT_TRANSLATE_NOOP(
            "WriteOutcome",
            "Не известно, где 1С хранит номер заказа сайта, поэтому связь ждёт. Проверьте 1С "
            "(check onec или «Проверить подключение» в настройках) или укажите место вручную: "
            "config set onec.order_link.",
        ),
        "outcome.link_waits_place_why": QT_TRANSLATE_NOOP(
            "WriteOutcome",
            "Не известно, где 1С хранит номер заказа сайта, поэтому связь ждёт. {reason} "
            "Проверьте 1С (check onec или «Проверить подключение» в настройках) или укажите "
            "место вручную: config set onec.order_link.",
        ),
        "outcome.no_counterparty_yet": QT_TRANSLATE_NOOP(
            "WriteOutcome", "Контрагент ещё не создан в 1С."
        ),
        "outcome.order_not_loaded": QT_TRANSLATE_NOOP(
            "WriteOutcome",
            "1С ещё не загрузила заказ {order}: ни в одном заказе 1С нет «{key}» в {place}. "
            "Связь будет записана, когда он появится.",
        ),
        "outcome.counterparty_missing": QT_TRANSLATE_NOOP(
            "WriteOutcome",
            "В 1С нет контрагента с ключом {key} (удалён или ключ ошибочен): заказ не связан. "
            "Обновите справочник и выберите другого.",
        ),
        "outcome.conflict_replaced_earlier": QT_TRANSLATE_NOOP(
            "WriteOutcome",
            "Заказ 1С № {number} уже связан с контрагентом {who}, а не с {was}, которого вы "
            "заменяли: его успели заменить раньше (другой менеджер или сама 1С); ничего не "
            "перезаписано.",
        ),
        "outcome.conflict_taken": QT_TRANSLATE_NOOP(
            "WriteOutcome",
            "Заказ 1С № {number} уже связан с контрагентом {who}, другой менеджер или сама 1С "
            "успели раньше. Заменить его можно только явно: решение «Связать» или «Создать в "
            "1С» с заменой; ничего не перезаписано.",
        ),
        "outcome.replaced": QT_TRANSLATE_NOOP(
            "WriteOutcome", "В заказе 1С № {numbers} контрагент заменён: был {was}, теперь {now}."
        ),
        "outcome.replaced_gone": QT_TRANSLATE_NOOP(
            "WriteOutcome", "Заменённого контрагента в 1С уже нет."
        ),
        "outcome.marked_deleted": QT_TRANSLATE_NOOP(
            "WriteOutcome", "Контрагент «{name}» помечен на удаление."
        ),
        "outcome.repost_off": QT_TRANSLATE_NOOP(
            "WriteOutcome",
            "Заказ 1С № {number} проведён, а перепроведение выключено (review.repost_orders): "
            "его движения по регистрам ещё с прежним контрагентом.",
        ),
        "outcome.repost_refused": QT_TRANSLATE_NOOP(
            "WriteOutcome",
            "Связь записана, но 1С не провела заказ № {number}: «{words}». Перепроведение "
            "повторится при следующей записи в 1С.",
        ),
        "outcome.reposted": QT_TRANSLATE_NOOP("WriteOutcome", "Заказ 1С № {number} перепроведён."),
        "outcome.exchange_made": QT_TRANSLATE_NOOP(
            "WriteOutcome",
            "В 1С уже есть контрагент «{name}» с этими ИНН и КПП, но его, похоже, создал обмен "
            "с сайтом (партнёр «{partner}»): новый не создан, этот не взят. Решите явно: "
            "«Связать» с ним — или «Создать в 1С» с заменой его в заказе (и, если это дубль, "
            "с пометкой на удаление).",
        ),
        "outcome.partner_taken": QT_TRANSLATE_NOOP(
            "WriteOutcome",
            "В 1С уже есть контрагент «{name}» с этими ИНН и КПП: взят его партнёр, новый не "
            "создан.",
        ),
        "outcome.counterparty_taken": QT_TRANSLATE_NOOP(
            "WriteOutcome",
            "В 1С уже есть контрагент «{name}» с этими ИНН и КПП: заказ связывается с ним, "
            "второй не создан.",
        ),
        "outcome.made_by_other": QT_TRANSLATE_NOOP(
            "WriteOutcome",
            "«{name}» уже создан в 1С по заказу {order}: заказ связывается с ним, второй не "
            "создан.",
        ),
        "outcome.being_made": QT_TRANSLATE_NOOP(
            "WriteOutcome",
            "«{name}» создаётся в 1С по заказу {order}, а запись того заказа ещё не закончена: "
            "компания создаётся один раз, этот заказ будет связан с ней при следующей записи "
            "в 1С.",
        ),
        "outcome.again": QT_TRANSLATE_NOOP(
            "WriteOutcome", "{error} Повторим, сначала проверив в 1С, не записалось ли."
        ),
        "outcome.internal": QT_TRANSLATE_NOOP(
            "WriteOutcome",
            "Внутренняя ошибка программы ({kind}); подробности в журнале.",
        ),
    },
    window=OUTCOMES_WINDOW,
)
