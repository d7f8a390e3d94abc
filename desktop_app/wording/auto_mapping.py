"""What the automatic mapping after a fetch says: the CLI prints it, the window shows it.

One sentence, so the two cannot drift (the window used to say nothing at all).
"""

from __future__ import annotations

from desktop_app.wording.catalog import QT_TRANSLATE_NOOP

RECOGNISED = QT_TRANSLATE_NOOP(
    "AutoMapping",
    "Покупатели узнаны автоматически: {by_mapping} по прежним связям, {by_requisites} по ИНН "
    "и КПП; к отправке в 1С без подтверждения: {queued}.",
)
"""Parameters: `services.fetch_operation.FetchOutcome.recognised()`."""
