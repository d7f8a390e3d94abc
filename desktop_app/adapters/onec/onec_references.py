"""The 1C items the app's new objects point at: kinds of contact information, an access group.

1C's own forms show a counterparty's contact-information row only when it carries its kind
(`Вид_Key`, a predefined item of Справочник.ВидыКонтактнойИнформации: ЮрАдресКонтрагента,
ТелефонКонтрагента, EmailКонтрагента — GUIDE §5; the predefined items of the УТ 11.5 dump,
Catalogs/ВидыКонтактнойИнформации/Ext/Predefined.xml). OData names a predefined item in
`PredefinedDataName`; the БСП 3 keeps the name in `ИмяПредопределенногоВида` too, and that
is looked at where it is published. The references differ from base to base, so they are
read once, on connecting, and kept with the publication summary.

A new partner needs its `ГруппаДоступа_Key` (Catalogs/Партнеры.xml: filled in 1C's forms,
not checked on OData writes): with record-level restrictions a partner outside a manager's
access groups is invisible to that manager. The group is the setting
`onec.partner_access_group` (a name or a GUID) when given; else the one 1C's site exchange
gives the partners it creates (they carry its comment «Создан автоматически при импорте
заказов с сайта» and the group of the exchange's settings — CommonModules/ОбменССайтамиУТ,
ВновьСозданныйПартнер), seen among the most recently registered partners; else the only
group there is. A base without groups needs none. When it cannot be told, creating a
partner is refused with a sentence that says what to set — never a partner nobody sees.
"""

from __future__ import annotations

import logging
import uuid
from collections import Counter
from dataclasses import dataclass, field

from desktop_app.adapters.onec.odata_client import JsonObject, ODataClient
from desktop_app.adapters.onec.odata_errors import OneCConfigError, OneCError
from desktop_app.adapters.onec.odata_query import Query
from desktop_app.wording.said import Said

log = logging.getLogger(__name__)

CONTACT_KINDS = "Catalog_ВидыКонтактнойИнформации"
ACCESS_GROUPS = "Catalog_ГруппыДоступаПартнеров"
PARTNERS = "Catalog_Партнеры"
KIND_NAMES = {
    "legal_address": "ЮрАдресКонтрагента",
    "actual_address": "ФактАдресКонтрагента",
    "phone": "ТелефонКонтрагента",
    "email": "EmailКонтрагента",
}
"""The card's contacts → the predefined kinds of Справочник.ВидыКонтактнойИнформации."""
BSP_KIND_NAME = "ИмяПредопределенногоВида"
SITE_EXCHANGE_COMMENT = "Создан автоматически при импорте заказов с сайта"
RECENT_PARTNERS = 200
"""How many of the newest partners are looked at for the site exchange's group."""
ASSUMED: dict[str, frozenset[str]] = {
    CONTACT_KINDS: frozenset({"PredefinedDataName"}),
    ACCESS_GROUPS: frozenset({"Description"}),
    PARTNERS: frozenset({"ГруппаДоступа_Key", "Комментарий", "ДатаРегистрации"}),
}
"""What is taken as published when no `$metadata` summary is at hand (a failure to read
is then a problem of the ReferenceItems, worded like any other 1C error)."""


@dataclass(frozen=True, slots=True)
class ReferenceItems:
    contact_kinds: dict[str, str] = field(default_factory=dict)
    """Predefined name (ЮрАдресКонтрагента…) → Ref_Key."""
    access_group: str | None = None
    """Ref_Key of the access group new partners get; None: none to give (see `problems`)."""
    access_group_name: str = ""
    groups_used: bool = False
    """The base has partner access groups, so a new partner must get one."""
    problems: tuple[str, ...] = ()
    """What could not be found, one sentence each, for the 1C administrator or the manager."""
    setting: str = ""
    """`onec.partner_access_group` as it was when these were read (a change reads again)."""

    def kind(self, name: str) -> str:
        """The Ref_Key of the predefined kind `name`, or a OneCConfigError saying why not."""
        found = self.contact_kinds.get(name)
        if found is None:
            said = Said("onec.no_contact_kind", {"name": name, "entity_set": CONTACT_KINDS})
            raise OneCConfigError(said)
        return found

    def partner_group(self) -> str | None:
        """The group for a new partner; None when the base has none; an error when unsure."""
        if self.access_group is None and self.groups_used:
            problem = next((p for p in self.problems if "onec.partner_access_group" in p), None)
            raise OneCConfigError(problem or Said("onec.access_group_unknown"))
        return self.access_group


def read_references(
    client: ODataClient, published: dict[str, frozenset[str]], setting: str = ""
) -> ReferenceItems:
    """The kinds and the access group, as far as the publication lets them be read."""
    problems: list[str] = []
    kinds: dict[str, str] = {}
    if CONTACT_KINDS in published:
        try:
            kinds = _contact_kinds(client, published[CONTACT_KINDS])
        except OneCError as error:
            problems.append(error.message)
        missing = [name for name in KIND_NAMES.values() if name not in kinds]
        if missing and not problems:
            problems.append(
                f"В справочнике «Виды контактной информации» нет предопределённых видов "
                f"{', '.join(missing)}: адреса, телефоны и почту новых контрагентов записать "
                "не получится (без вида 1С их не показывает)."
            )
    setting = setting.strip()
    group: tuple[str | None, str, bool] = (_guid(setting), "", bool(setting))
    if ACCESS_GROUPS in published:
        try:
            group = _access_group(client, published, setting, problems)
        except OneCError as error:
            problems.append(error.message)
    elif setting and group[0] is None:
        problems.append(
            f"Группу доступа «{setting}» (настройка onec.partner_access_group) не найти: "
            f"справочник {ACCESS_GROUPS} не опубликован. Опубликуйте его или укажите GUID группы."
        )
    return ReferenceItems(kinds, group[0], group[1], group[2], tuple(problems), setting)


def _contact_kinds(client: ODataClient, fields: frozenset[str]) -> dict[str, str]:
    names = ["PredefinedDataName", *([BSP_KIND_NAME] if BSP_KIND_NAME in fields else [])]
    found: dict[str, str] = {}
    for row in client.rows(Query(CONTACT_KINDS).select("Ref_Key", "DeletionMark", *names)):
        if row.get("DeletionMark") is True:
            continue
        for name_field in names:
            name = str(row.get(name_field) or "").strip()
            if name:
                found.setdefault(name, str(row["Ref_Key"]))
    return found


def _access_group(
    client: ODataClient, published: dict[str, frozenset[str]], setting: str, problems: list[str]
) -> tuple[str | None, str, bool]:
    """(Ref_Key, name, groups are used) of the group for new partners."""
    rows = client.rows(Query(ACCESS_GROUPS).select("Ref_Key", "Description", "DeletionMark"))
    groups = {str(r["Ref_Key"]): str(r.get("Description") or "") for r in rows
              if r.get("DeletionMark") is not True}  # fmt: skip
    if setting:
        chosen = _by_setting(groups, setting)
        if chosen is None:
            listed = ", ".join(f"«{name}»" for name in groups.values()) or "ни одной"
            problems.append(
                f"Группа доступа партнёров «{setting}» (настройка onec.partner_access_group) не "
                f"найдена в 1С; есть: {listed}. Исправьте настройку."
            )
            return None, "", True
        return chosen, groups[chosen], True
    if not groups:
        return None, "", False
    used = _exchange_group(client, published.get(PARTNERS, frozenset()), groups)
    if used is None and len(groups) == 1:
        used = next(iter(groups))
    if used is None:
        listed = ", ".join(f"«{name}»" for name in groups.values())
        problems.append(
            f"В 1С несколько групп доступа партнёров ({listed}), и не видно, какую обмен с "
            "сайтом ставит новым партнёрам. Укажите её: config set onec.partner_access_group "
            "НАЗВАНИЕ (ту, что в настройках обмена с сайтом: «Группа доступа создаваемых "
            "партнеров»); иначе новые партнёры не создаются."
        )
        return None, "", True
    return used, groups[used], True


def _by_setting(groups: dict[str, str], setting: str) -> str | None:
    key = _guid(setting)
    if key is not None:
        return key if key in groups else None
    wanted = setting.casefold()
    return next((ref for ref, name in groups.items() if name.strip().casefold() == wanted), None)


def _guid(text: str) -> str | None:
    """The setting as a reference key, when it is one (any of the GUID spellings)."""
    try:
        return str(uuid.UUID(text)) if text else None
    except ValueError:
        return None


def _exchange_group(
    client: ODataClient, partner_fields: frozenset[str], groups: dict[str, str]
) -> str | None:
    """The group most of the site exchange's newest partners have, if any."""
    needed = {"ГруппаДоступа_Key", "Комментарий", "ДатаРегистрации"}
    if not needed <= partner_fields:
        return None
    query = (
        Query(PARTNERS)
        .select("Ref_Key", "ГруппаДоступа_Key", "Комментарий")
        .orderby("ДатаРегистрации desc")
        .top(RECENT_PARTNERS)
    )
    seen = Counter(
        str(row.get("ГруппаДоступа_Key")).lower()
        for row in client.rows(query)
        if _by_exchange(row) and str(row.get("ГруппаДоступа_Key")).lower() in groups
    )
    return seen.most_common(1)[0][0] if seen else None


def _by_exchange(row: JsonObject) -> bool:
    return str(row.get("Комментарий") or "").strip().startswith(SITE_EXCHANGE_COMMENT)
