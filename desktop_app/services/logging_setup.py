"""The application log: a rotating file in the user log folder, without secrets.

Nothing in the code logs a password, a cookie or a session id; the redacting filter is a
second line of defence for messages that quote a URL or a server's answer.
"""

from __future__ import annotations

import logging
import logging.handlers
import re
from pathlib import Path

LOG_FILE = "order-review.log"
_SECRETS = re.compile(
    r"(?i)(sessid|password|passwd|user_password|authorization|phpsessid)(\s*[=:]\s*)([^\s&;,]+)"
)


class RedactingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = _SECRETS.sub(r"\1\2***", message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True


def configure(log_dir: Path, *, level: int = logging.INFO) -> Path:
    """Log to `log_dir/order-review.log` (1 MB × 5 files); return the file's path."""
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / LOG_FILE
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
    )
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s")
    )
    handler.addFilter(RedactingFilter())
    root = logging.getLogger()
    root.handlers = [h for h in root.handlers if not getattr(h, "order_review", False)]
    handler.order_review = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level)
    return path
