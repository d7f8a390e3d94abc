"""Orders written the way 1C-Bitrix's sale module answers `type=sale&mode=query`.

The layout follows `CSaleExport::ExportOrders2Xml` (modules/sale/general/export.php of the
bitrix-core-business mirror) and the real answer kept in shared/reference: windows-1251,
schema 2.05 unless a version is asked for, the root attributes Bitrix writes, `Документ`
children in its order, an empty export as the root element alone. The writer streams: each
order is rendered to text, encoded and written before the next one is looked at.

Layouts: 2.05; 2.08 (every `> 2.05` switch of export.php); 2.10 (`>= 2.1`: each order's payment
and shipment follow it as documents of their own, bitrix_documents.py); 3.1 (`>= 3`: the three
share one `Контейнер`). `ВерсияСхемы` is PHP's `doubleval()` of the version echoed, so 2.10
reads "2.1". `language="en"` writes what an exchange page running in English writes
(bitrix_language.py).

Bitrix quirks kept on purpose, because the reader must survive them:
- every text value has been through `htmlspecialchars` before it reaches the XML, so `"` is
  `&amp;quot;` in the file and `&` is `&amp;amp;` (they read back as `&quot;` and `&amp;`);
- a character the charset lacks becomes a character reference (`&#233;`), never an error;
- the creation time's hour has no leading zero (PHP's `G`), numbers from the database have
  four decimals, computed ones are PHP floats ("223.3"); 2.05 writes contact types as
  `ТелефонРабочий`/`Почта`, 2.08 as `Телефон рабочий`/`Электронная почта`.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable
from decimal import Decimal
from typing import BinaryIO

from desktop_app.domain.order import Order
from desktop_app.emulators.bitrix_counterparty import counterparty_text
from desktop_app.emulators.bitrix_documents import render_payment, render_shipment
from desktop_app.emulators.bitrix_items import render_line
from desktop_app.emulators.bitrix_language import LANGUAGES, in_language
from desktop_app.emulators.bitrix_text import (
    Out,
    element,
    flag,
    php_float,
    render_discounts,
    render_properties,
    stored_decimal,
    text,
)

VERSIONS = ("2.05", "2.08", "2.10", "3.1")
_ROOT = "КоммерческаяИнформация"
_ROOT_INDENT = "\n" + " " * 24  # the reference answer wraps the root's attributes like this


def codec_names(encoding: str) -> tuple[str, str]:
    """(codec for Python, name for the XML declaration)."""
    folded = encoding.replace("_", "-").casefold()
    if folded in ("windows-1251", "cp1251"):
        return "cp1251", "windows-1251"
    if folded in ("utf-8", "utf8"):
        return "utf-8", "UTF-8"
    raise ValueError(f"Bitrix exports in windows-1251 or UTF-8, not {encoding!r}")


def header(version: str, declared: str, generated_at: dt.datetime, language: str = "ru") -> str:
    stamp = f"{generated_at:%Y-%m-%d}T{generated_at.hour}:{generated_at:%M:%S}"
    shown = php_float(Decimal(version))  # doubleval("2.10") echoes as 2.1
    return in_language(
        f'<?xml version="1.0" encoding="{declared}"?>\n'
        f'<{_ROOT} ВерсияСхемы="{shown}" ДатаФормирования="{stamp}" '
        f'ФорматДаты="ДФ=yyyy-MM-dd; ДЛФ=DT"{_ROOT_INDENT}ФорматВремени="ДФ=ЧЧ:мм:сс; ДЛФ=T" '
        f'РазделительДатаВремя="T" ФорматСуммы="ЧЦ=18; ЧДЦ=2; ЧРД=."{_ROOT_INDENT}'
        f'ФорматКоличества="ЧЦ=18; ЧДЦ=2; ЧРД=.">\n',
        language,
    )


def write_orders(
    out: BinaryIO,
    orders: Iterable[Order],
    *,
    version: str = "2.05",
    encoding: str = "windows-1251",
    generated_at: dt.datetime,
    language: str = "ru",
) -> int:
    """Write a whole `mode=query` answer to `out`; return the number of orders written."""
    if version not in VERSIONS:
        raise ValueError(f"schema version {version!r} is not emulated; use one of {VERSIONS}")
    if language not in LANGUAGES:
        raise ValueError(f"the export is emulated in {LANGUAGES}, not {language!r}")
    codec, declared = codec_names(encoding)
    out.write(header(version, declared, generated_at, language).encode(codec))
    count = 0
    for order in orders:
        documents = render_documents(order, version, language)
        out.write(documents.encode(codec, "xmlcharrefreplace"))
        count += 1
    out.write(in_language(f"</{_ROOT}>\n", language).encode(codec))
    return count


def orders_to_bytes(
    orders: Iterable[Order],
    *,
    version: str = "2.05",
    encoding: str = "windows-1251",
    generated_at: dt.datetime,
    language: str = "ru",
) -> bytes:
    buffer = io.BytesIO()
    write_orders(
        buffer,
        orders,
        version=version,
        encoding=encoding,
        generated_at=generated_at,
        language=language,
    )
    return buffer.getvalue()


def render_documents(order: Order, version: str = "2.05", language: str = "ru") -> str:
    """Everything one order brings in `version`: the order, from 2.10 its payment and
    shipment, from 3.x the three in a `Контейнер`."""
    xml = render_order(order, version)
    if version in ("2.10", "3.1"):
        parties = _parties(order, version)
        vat_included = next((t.included for t in order.taxes if t.included is not None), True)
        xml += render_payment(order, parties) + render_shipment(order, parties, vat_included)
    if version == "3.1":
        xml = f"<Контейнер>\n{xml}</Контейнер>\n"
    return in_language(xml, language)


def _parties(order: Order, version: str) -> str:
    return "".join(
        ["    <Контрагенты>\n", *(counterparty_text(p, version) for p in order.counterparties),
         "    </Контрагенты>\n"]
    )  # fmt: skip


def render_order(order: Order, version: str = "2.05") -> str:
    """One `Документ` as Bitrix prints it, indented like the reference answer."""
    out: Out = ["  <Документ>\n"]
    element(out, 2, "Ид", text(order.id))
    element(out, 2, "Номер", text(order.number or order.id))
    element(out, 2, "Дата", order.date.isoformat() if order.date else "")
    element(out, 2, "ХозОперация", text(order.operation or "Заказ товара"))
    element(out, 2, "Роль", text(order.role or "Продавец"))
    element(out, 2, "Валюта", text((order.currency or "руб")[:3]))
    element(out, 2, "Курс", php_float(order.exchange_rate or Decimal(1)))
    element(out, 2, "Сумма", stored_decimal(order.total))
    if version != "2.05":
        element(out, 2, "НомерВерсии", text(order.version or "0"))
    out.append(_parties(order, version))
    element(out, 2, "Время", order.time.isoformat("seconds") if order.time else "")
    element(out, 2, "Комментарий", text(order.comment or ""))
    if order.taxes:
        out.append("    <Налоги>\n")
        for tax in order.taxes:
            out.append("      <Налог>\n")
            element(out, 4, "Наименование", text(tax.name or "НДС"))
            element(out, 4, "УчтеноВСумме", flag(tax.included is not False))
            element(out, 4, "Сумма", php_float(tax.amount))
            out.append("      </Налог>\n")
        out.append("    </Налоги>\n")
    render_discounts(out, 2, order.discounts, "Скидка на заказ", included=False)
    out.append("    <Товары>\n")
    vat_included = next((t.included for t in order.taxes if t.included is not None), True)
    for line in order.lines:
        render_line(out, line, version, vat_included)
    out.append("    </Товары>\n")
    render_properties(out, 2, order.properties)
    out.append("  </Документ>\n")
    return "".join(out)
