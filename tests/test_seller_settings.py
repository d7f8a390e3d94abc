"""The seller's requisites and the invoice numbering in settings.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop_app.domain.invoice_numbering import InvoiceDateSource
from desktop_app.services import settings


def test_seller_and_numbering_saved_and_loaded(tmp_path: Path) -> None:
    current = settings.Settings()
    for key, value in {
        "seller.name": ' ООО "Торговый дом «Снабжение»" ',
        "seller.inn": "7707083893",
        "seller.kpp": "773601001",
        "seller.bik": "044525225",
        "seller.account": "40702810938000012345",
        "seller.head": "Иванов И. И.",
        "invoice.number": "СЧ-{number}",
        "invoice.date": "today",
    }.items():
        current = settings.with_value(current, key, value)
    settings.save(tmp_path, current)
    loaded = settings.load(tmp_path)
    assert loaded == current
    assert loaded.seller.name == 'ООО "Торговый дом «Снабжение»"'
    assert loaded.invoice.date is InvoiceDateSource.TODAY
    saved = json.loads((tmp_path / settings.SETTINGS_FILE).read_text(encoding="utf-8"))
    assert saved["seller"]["inn"] == "7707083893"
    assert saved["invoice"] == {"number": "СЧ-{number}", "date": "today"}
    cleared = settings.with_value(loaded, "seller.inn", "")
    assert cleared.seller.inn == ""
    assert "inn" in cleared.seller.missing


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("seller.inn", "7707083894", "не ИНН"),
        ("seller.kpp", "77360", "не КПП"),
        ("seller.bik", "04452522", "не БИК"),
        ("seller.account", "4070281093800001234", "не расчётный счёт"),
        ("invoice.number", "СЧ-{nomer}", "нет поля «nomer»"),
        ("invoice.date", "yesterday", "order или today"),
    ],
)
def test_bad_values_refused_with_a_sentence(key: str, value: str, message: str) -> None:
    with pytest.raises(settings.SettingsError, match=message):
        settings.with_value(settings.Settings(), key, value)


def test_settings_of_an_older_version_load_with_defaults(tmp_path: Path) -> None:
    (tmp_path / settings.SETTINGS_FILE).write_text(
        json.dumps({"portal": {"url": "https://b2b.example.ru/x.php"}}), encoding="utf-8"
    )
    loaded = settings.load(tmp_path)
    assert loaded.seller.is_empty
    assert loaded.invoice.number == "{number}"
