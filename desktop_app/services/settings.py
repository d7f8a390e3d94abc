"""Settings: a typed object, saved as `settings.json` in the data folder.

Only what is safe to show lives here: URLs, logins, modes, timeouts, the seller's requisites
and how invoices are numbered. Passwords live in the
operating system's keychain (`adapters/keychain.py`) and a password given as a setting is
refused, so it cannot end up in a file by accident. UI state (window geometry, splitters,
filters) is QSettings' business, not this file's (GUIDE §7).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field, fields, replace
from enum import StrEnum
from pathlib import Path
from typing import Any

from desktop_app.adapters.json_file import write_json
from desktop_app.domain import order_link, requisite_keys
from desktop_app.domain.invoice_numbering import (
    InvoiceDateSource,
    InvoiceNumbering,
    NumberTemplateError,
    check_template,
)
from desktop_app.domain.phrase import Phrase
from desktop_app.domain.portal_mode import PortalMode as PortalMode
from desktop_app.domain.seller import SellerRequisites
from desktop_app.services import setting_rules
from desktop_app.store.errors import data_folder_error
from desktop_app.wording.registry import worded
from desktop_app.wording.said import Said

SETTINGS_FILE = "settings.json"


class SettingsError(Exception):
    """A setting that cannot be taken; `str()` says why and what to do, `said` the same as a
    code (`wording.service_errors`) for the window; `reason` the same without the key (the
    settings dialog shows it beside the field, which says which setting it is)."""

    def __init__(self, message: str | Said, reason: Said | Phrase | None = None) -> None:
        text, self.said = worded(message)
        self.reason: Said | Phrase = reason or self.said
        super().__init__(text)


class Language(StrEnum):
    """The window's language; the change applies at the next start (ui/qt_app.py)."""

    SYSTEM = "system"
    """English when the operating system's language is English, Russian otherwise."""
    RU = "ru"
    EN = "en"


@dataclass(frozen=True, slots=True)
class PortalSettings:
    url: str = ""
    user: str = ""
    mode: PortalMode = PortalMode.OWN_PAGE
    ca_bundle: str = ""
    connect_timeout: float = 15.0
    read_timeout: float = 180.0
    deadline: float = 600.0
    """Seconds one exchange step may take in all (retries and the whole answer included):
    a portal that trickles its answer a byte at a time is never waited on past it."""
    retries: int = 3
    fetch_every: int = 3
    """Minutes between fetches the desktop window starts by itself; 0: only by hand.

    Often, because an order 1C's own exchange loads back first (UPDATED_1C) never reaches
    the app, and because an empty fetch costs little: measured against the emulator
    (tests/bench/bench_empty_exchange.py), 3 requests and 1.9 KB on a newer core, 5 requests
    and ~41 KB on an older one that re-serves its last order (here a 20 KB order, twice)."""


@dataclass(frozen=True, slots=True)
class OneCSettings:
    url: str = ""
    user: str = ""
    ca_bundle: str = ""
    connect_timeout: float = 15.0
    read_timeout: float = 120.0
    deadline: float = 300.0
    """Seconds one request to 1C may take in all, its answer read whole (a real УТ 11
    answers a first call after idle in 30 s, GUIDE §5)."""
    partner_access_group: str = ""
    """The access group new partners get in 1C (name or GUID); empty: the one 1C's site
    exchange gives its partners, or the only one (onec_references.py)."""
    order_link: str = "auto"
    """Where 1C keeps the portal's order (GUIDE §5): `auto` — what `check onec` found — or set
    by hand: `bitrix`, `property:GUID`, `field:ИМЯ` (domain/order_link.py)."""
    directory_max_age: int = 24
    """Hours after which the local copy of 1C's directory is too old to create a
    counterparty without a warning (services/directory_freshness.py)."""


@dataclass(frozen=True, slots=True)
class ReviewSettings:
    auto_push_confirmed: bool = True
    """An order of a buyer linked before is written to 1C without asking."""
    auto_push_first: bool = False
    """A first-time exact ИНН+КПП match is written without asking (off: the manager confirms)."""
    repost_orders: bool = True
    """Re-post a posted 1C order after its counterparty changed, so its registers follow."""
    parallel_writes: int = 4
    """Decisions written to 1C at the same time."""


@dataclass(frozen=True, slots=True)
class RegistrySettings:
    """The state registry (DaData `findById/party`, issue 17); its API key is in the
    keychain only (`login registry`), never here."""

    url: str = "https://suggestions.dadata.ru"
    max_age_days: int = 30
    """An answer older than this is asked again; a younger one is taken from the store."""


@dataclass(frozen=True, slots=True)
class UiSettings:
    language: Language = Language.SYSTEM


@dataclass(frozen=True, slots=True)
class Settings:
    portal: PortalSettings = PortalSettings()
    onec: OneCSettings = OneCSettings()
    review: ReviewSettings = ReviewSettings()
    seller: SellerRequisites = field(default_factory=SellerRequisites)
    invoice: InvoiceNumbering = field(default_factory=InvoiceNumbering)
    ui: UiSettings = UiSettings()
    registry: RegistrySettings = RegistrySettings()


def _positive(kind: Callable[[str], float]) -> Callable[[str], Any]:
    def parse(text: str) -> Any:
        value = kind(text)
        if value <= 0:
            raise ValueError(text)
        return value

    return parse


def _flag(text: str) -> bool:
    word = text.strip().casefold()
    if word in ("true", "yes", "да", "1", "on"):
        return True
    if word in ("false", "no", "нет", "0", "off"):
        return False
    raise ValueError(text)


def _minutes(text: str) -> int:
    value = int(text)
    if value < 0:
        raise ValueError(text)
    return value


def _mode(text: str) -> PortalMode:
    return PortalMode(text.strip().lower())


def _language(text: str) -> Language:
    return Language(text.strip().lower())


def _date_source(text: str) -> InvoiceDateSource:
    return InvoiceDateSource(text.strip().lower())


def _checked(check: Callable[[str], bool], what: str) -> Callable[[str], str]:
    """`what`: the code of the requisite's name, e.g. `setting.inn`."""
    """A parser for a requisite: blank clears it, anything else must pass `check`."""

    def parse(text: str) -> str:
        value = text.strip()
        if value and not check(value):
            raise SettingsError(
                Said("setting.not_a_requisite", {"value": value, "what": Said(what)})
            )
        return value

    return parse


def _twenty_digits(value: str) -> bool:
    return len(value) == 20 and value.isascii() and value.isdigit()


def _order_link(text: str) -> str:
    try:
        return order_link.text_of(order_link.parse(text))
    except ValueError as error:
        raise SettingsError(
            Said("setting.key_said", {"key": "onec.order_link", "detail": str(error)}),
            getattr(error, "phrase", None),
        ) from None


def _template(text: str) -> str:
    try:
        return check_template(text.strip())
    except NumberTemplateError as error:
        raise SettingsError(
            Said("setting.key_said", {"key": "invoice.number", "detail": str(error)}),
            error.phrase,
        ) from None


_PARSERS: dict[type, Callable[[str], Any]] = {
    str: str.strip,
    float: _positive(float),
    int: _positive(int),
    bool: _flag,
    PortalMode: _mode,
    InvoiceDateSource: _date_source,
    Language: _language,
}
_KEY_PARSERS: dict[str, Callable[[str], Any]] = {
    "seller.inn": _checked(requisite_keys.is_valid_inn, "setting.inn"),
    "seller.kpp": _checked(requisite_keys.is_valid_kpp, "setting.kpp"),
    "seller.bik": _checked(requisite_keys.is_valid_bik, "setting.bik"),
    "seller.corr_account": _checked(_twenty_digits, "setting.corr_account"),
    "seller.account": _checked(_twenty_digits, "setting.account"),
    "invoice.number": _template,
    "onec.order_link": _order_link,
    "portal.fetch_every": _minutes,
}
_SECTIONS = {
    "portal": PortalSettings,
    "onec": OneCSettings,
    "seller": SellerRequisites,
    "invoice": InvoiceNumbering,
    "review": ReviewSettings,
    "ui": UiSettings,
    "registry": RegistrySettings,
}
_TYPES = {
    "str": str,
    "float": float,
    "int": int,
    "bool": bool,
    "PortalMode": PortalMode,
    "InvoiceDateSource": InvoiceDateSource,
    "Language": Language,
}
KEYS: tuple[str, ...] = (
    "portal.url",
    "portal.user",
    "portal.mode",
    "portal.ca_bundle",
    "portal.connect_timeout",
    "portal.read_timeout",
    "portal.deadline",
    "portal.retries",
    "portal.fetch_every",
    "onec.url",
    "onec.user",
    "onec.ca_bundle",
    "onec.connect_timeout",
    "onec.read_timeout",
    "onec.deadline",
    "onec.partner_access_group",
    "onec.order_link",
    "onec.directory_max_age",
    "review.auto_push_confirmed",
    "review.auto_push_first",
    "review.repost_orders",
    "review.parallel_writes",
    "seller.name",
    "seller.inn",
    "seller.kpp",
    "seller.address",
    "seller.bank",
    "seller.bik",
    "seller.corr_account",
    "seller.account",
    "seller.head",
    "seller.accountant",
    "invoice.number",
    "invoice.date",
    "ui.language",
    "registry.url",
    "registry.max_age_days",
)
"""Every setting `config set` knows; what each is for is `wording.settings_help`."""


def _field_type(section: str, name: str) -> type:
    for known in fields(_SECTIONS[section]):
        if known.name == name:
            return _TYPES[str(known.type)]
    raise KeyError(name)


def with_value(settings: Settings, key: str, text: str) -> Settings:
    """A copy of `settings` with `key` ("portal.url") set from its text form."""
    section, _, name = key.partition(".")
    if name in ("password", "pass", "secret"):
        raise SettingsError(Said("setting.no_password_in_file", {"section": section}))
    if key not in KEYS:
        raise SettingsError(
            Said("setting.unknown_key_listed", {"key": key, "known": ", ".join(KEYS)})
        )
    kind = _field_type(section, name)
    try:
        value = _KEY_PARSERS.get(key, _PARSERS[kind])(text)
    except ValueError:
        expected = {
            float: "setting.expect_positive",
            int: "setting.expect_count"
            if key == "portal.fetch_every"
            else "setting.expect_positive_int",
            bool: "setting.expect_yes_no",
            PortalMode: "setting.expect_mode",
            InvoiceDateSource: "setting.expect_date_source",
            Language: "setting.expect_language",
        }.get(kind, "setting.expect_text")
        raise SettingsError(
            _refused_value(text, key, Said(expected)), _needed(Said(expected))
        ) from None
    try:
        setting_rules.check(key, value)
    except setting_rules.RuleError as error:
        raise SettingsError(_refused_value(text, key, error.said), _needed(error.said)) from None
    current = getattr(settings, section)
    return replace(settings, **{section: replace(current, **{name: value})})


def field_refusal(key: str, text: str) -> Said | Phrase | None:
    """Why `config set KEY TEXT` would refuse `text`, in words that name no key (the settings
    dialog shows them beside the field); None when it would take it. One door for both: the
    window checks a field exactly as the command line does."""
    try:
        with_value(Settings(), key, text)
    except SettingsError as error:
        return error.reason
    return None


def _needed(expected: Said) -> Said:
    return Said("setting.needed", {"expected": expected})


def value_of(settings: Settings, key: str) -> str:
    section, _, name = key.partition(".")
    if key not in KEYS:
        raise SettingsError(Said("setting.unknown_key", {"key": key}))
    return str(getattr(getattr(settings, section), name))


def load(data_dir: Path) -> Settings:
    """The saved settings, defaults for anything missing; a broken file is a clear error."""
    path = data_dir / SETTINGS_FILE
    if not path.exists():
        return Settings()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise SettingsError(
            Said("setting.file_unreadable", {"path": str(path), "detail": str(error)})
        ) from None
    problem = setting_rules.file_shape_problem(raw, tuple(_SECTIONS))
    if problem:
        raise SettingsError(_refused_file(path, problem))
    settings = Settings()
    for section in _SECTIONS:
        for name, value in (raw.get(section) or {}).items():
            key = f"{section}.{name}"
            if key in KEYS:
                try:
                    settings = with_value(settings, key, _text_of(value))
                except SettingsError as error:
                    raise SettingsError(_refused_file(path, str(error))) from None
    return settings


def _refused_file(path: Path, problem: str) -> Said:
    """One sentence naming the file; the file is left as it is for the user to mend.
    `problem` is already Russian (`setting_rules.file_shape_problem`, a refused value's
    sentence without its full stop)."""
    return Said("setting.file_refused", {"path": str(path), "problem": problem.rstrip(".")})


def _refused_value(text: str, key: str, expected: Said) -> Said:
    return Said("setting.value_refused", {"value": _shown(text), "key": key, "expected": expected})


def _text_of(value: object) -> str:
    """A JSON scalar as `config set` would have received it (true → "true", not "True")."""
    return json.dumps(value) if isinstance(value, bool) else str(value)


def _shown(text: str) -> str:
    """A refused value as one line: control characters escaped, a long value cut."""
    line = text.encode("unicode_escape").decode("ascii") if not text.isprintable() else text
    return line if len(line) <= 80 else line[:80] + "…"


def save(data_dir: Path, settings: Settings) -> Path:
    """Write atomically (a temporary file renamed over the old one): a crash keeps one whole.

    A folder that cannot be written (read-only, full) is a `SettingsError` in words."""
    content = {
        section: {f.name: _plain(getattr(getattr(settings, section), f.name)) for f in fields(kind)}
        for section, kind in _SECTIONS.items()
    }
    path = data_dir / SETTINGS_FILE
    try:
        write_json(path, content, indent=2)
    except OSError as error:  # a read-only or full data folder: the old file stays as it was
        raise SettingsError(data_folder_error(error, data_dir, "настройки").said) from error
    return path


def _plain(value: object) -> object:
    return value.value if isinstance(value, StrEnum) else value
