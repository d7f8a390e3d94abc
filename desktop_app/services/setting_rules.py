"""What a setting's value must be, so that a value taken today cannot crash the app later.

One set of rules for every door a value comes in by: `config set`, a hand-edited
`settings.json` (`settings.load`) and the settings dialog. The red team's values each passed
the old type check and failed later: a `nan` timeout (requests refuses it on the first call),
`ftp://` or `http://[::1/x` (the HTTP client cannot use them), port 99999, a fetch every
40000 minutes (QTimer takes milliseconds as a signed 32-bit int: 40000 min overflows it and
the window died at start), a billion retries, a newline in a user name (it would be sent in
an HTTP header). The bounds are the settings dialog's ranges, so the command line and the
window agree on what is sane.

`http://` is allowed (a 1C server inside the office network often has no certificate) but
warned about: passwords would travel in clear (issue 14, point 8).
"""

from __future__ import annotations

import ipaddress
import math
import unicodedata
from dataclasses import fields, is_dataclass
from typing import Any
from urllib.parse import urlsplit

from desktop_app.wording.registry import said_text
from desktop_app.wording.said import Param, Said

MAX_SECONDS = 3600
"""A timeout longer than an hour is a typo; the dialog's seconds boxes stop there too."""
MAX_RETRIES = 20
MAX_FETCH_EVERY = 24 * 60
"""Minutes: once a day at most; far below QTimer's 2**31 ms (about 35,791 minutes)."""
MAX_PARALLEL_WRITES = 32
"""A 1C publication's pool is typically 10 sessions (GUIDE §5); 32 leaves room."""
MAX_DIRECTORY_AGE = 24 * 30
"""Hours: a copy of the directory older than a month warns whatever is set."""
MAX_AGE_DAYS = 3650
"""A registry answer kept ten years is never asked again: a typo, not a choice."""
MAX_NUMBER = 86_400
"""Any other number: nothing in these settings sensibly exceeds a day's worth of seconds."""

_BOUNDS: dict[str, tuple[float, float]] = {
    "portal.connect_timeout": (0, MAX_SECONDS),
    "portal.read_timeout": (0, MAX_SECONDS),
    "onec.connect_timeout": (0, MAX_SECONDS),
    "onec.read_timeout": (0, MAX_SECONDS),
    "portal.retries": (1, MAX_RETRIES),
    "portal.fetch_every": (0, MAX_FETCH_EVERY),
    "review.parallel_writes": (1, MAX_PARALLEL_WRITES),
    "onec.directory_max_age": (1, MAX_DIRECTORY_AGE),
    "registry.max_age_days": (1, MAX_AGE_DAYS),
}
_ZERO_OK = ("portal.fetch_every",)
"""0 minutes means «only by hand»."""
_URLS = ("portal.url", "onec.url", "registry.url")
_PLAIN_LINES = ("portal.", "onec.", "registry.")
"""Sections whose text goes into requests (URLs, logins, paths): one line, no control chars."""


class RuleError(ValueError):
    """A value the rules refuse; `said` is what is needed (`wording.setting_rules`), to
    follow «нужно» (no key in it); `words` the same in Russian."""

    def __init__(self, key: str, code: str, params: dict[str, Param] | None = None) -> None:
        self.said = Said(code, params or {})
        self.words = said_text(self.said)
        super().__init__(self.words)
        self.key = key


def check(key: str, value: object) -> None:
    """Raise `RuleError` when `value` (already of the setting's type) is not allowed."""
    if isinstance(value, bool):
        return
    if isinstance(value, int | float):
        _check_number(key, value)
    elif isinstance(value, str):
        if key.startswith(_PLAIN_LINES) and _has_control(value):
            raise RuleError(key, "setting.one_line")
        if key in _URLS and value:
            _check_url(key, value)


def check_all(settings: Any) -> None:
    """Check every field of a settings object (sections of dataclasses), e.g. the dialog's."""
    for section in fields(settings):
        part = getattr(settings, section.name)
        if not is_dataclass(part):
            continue
        for item in fields(part):
            check(f"{section.name}.{item.name}", getattr(part, item.name))


def _check_number(key: str, value: float) -> None:
    low, high = _BOUNDS.get(key, (0, MAX_NUMBER))
    zero_ok = key in _ZERO_OK
    too_low = value < low if low or zero_ok else value <= 0
    if not math.isfinite(value) or too_low or value > high:
        bounds: dict[str, Param] = {"low": f"{low:g}", "high": f"{high:g}"}
        raise RuleError(key, "setting.number_from" if low or zero_ok else "setting.number_positive",
                        bounds)  # fmt: skip


def _has_control(text: str) -> bool:
    return any(unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp") for char in text)


def _check_url(key: str, text: str) -> None:
    if any(char.isspace() for char in text):
        raise RuleError(key, "setting.url_spaces")
    try:
        parts = urlsplit(text)
    except ValueError:  # "Invalid IPv6 URL": an unclosed [ in the host
        raise RuleError(key, "setting.url_unparsed") from None
    if parts.scheme.lower() not in ("https", "http"):
        raise RuleError(key, "setting.url_scheme")
    try:
        port = parts.port
    except ValueError:  # "Port out of range 0-65535", or not a number
        port = 0
    if not parts.hostname:
        raise RuleError(key, "setting.url_host")
    if port == 0:
        raise RuleError(key, "setting.url_port")


def clear_text_warning(url: str) -> str | None:
    """A sentence when a password would travel unencrypted to this address; None otherwise.

    A loopback address (the demo, a tunnel ending on this computer) never leaves the machine.
    """
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname or ""
    except ValueError:
        return None
    if parts.scheme.lower() != "http" or not host or _is_loopback(host):
        return None
    return (
        "Адрес начинается с http://: пароль и данные покупателей будут передаваться "
        "по сети незашифрованными — попросите администратора адрес с https://."
    )


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def file_shape_problem(raw: object, sections: tuple[str, ...]) -> str | None:
    """Why a parsed `settings.json` is not settings (`[1,2,3]`, `null`, `{"portal": [1,2]}`).

    The file must be a JSON object of sections, each an object of plain values (text,
    numbers, true/false); None when it is.
    """
    if not isinstance(raw, dict):
        return f"в нём {_json_kind(raw)}, а нужен объект JSON с разделами {', '.join(sections)}"
    for section in sections:
        part = raw.get(section)
        if part is None and section not in raw:
            continue
        if not isinstance(part, dict):
            return f"раздел «{section}» — {_json_kind(part)}, а нужен объект JSON"
        for name, value in part.items():
            if not isinstance(value, str | int | float):
                return f"значение «{section}.{name}» — {_json_kind(value)}, а нужны текст или число"
    return None


def _json_kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, list):
        return "список"
    if isinstance(value, dict):
        return "объект"
    return "текст" if isinstance(value, str) else "число"
