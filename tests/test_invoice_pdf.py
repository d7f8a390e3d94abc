"""The invoice prints as it looks: LibreOffice renders it to PDF on one A4 page."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from desktop_app.domain.invoice import build_invoice
from desktop_app.services.export_service import write_invoice

from invoice_samples import SELLER, buyer, line, order

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


def pdf_pages(xlsx: Path, folder: Path) -> int:
    """Render with LibreOffice (its own throw-away profile) and count the PDF's pages."""
    assert SOFFICE is not None
    profile = (folder / "lo-profile").as_uri()
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--norestore",
         "--convert-to", "pdf", "--outdir", str(folder), str(xlsx)],
        check=True, capture_output=True, timeout=240,
    )  # fmt: skip
    pdf = folder / f"{xlsx.stem}.pdf"
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    return len(PAGE.findall(data))


@pytest.mark.slow
@pytest.mark.skipif(
    SOFFICE is None,
    reason="LibreOffice (soffice) is not installed: apt-get install libreoffice-calc",
)
def test_twenty_line_invoice_prints_on_one_a4_page(tmp_path: Path) -> None:
    lines = [
        line(f"Перчатки нитриловые смотровые, размер M, 100 шт./уп., партия {n}", str(n), "12.34")
        for n in range(1, 21)
    ]
    party = buyer(
        name='Общество с ограниченной ответственностью "Производственно-коммерческая фирма '
        '«Северо-Западная строительная компания»"',
        legal_address="196084, г. Санкт-Петербург, Московский пр-кт, д. 97, лит. А, пом. 12-Н",
    )
    invoice = build_invoice(order(*lines, party=party), SELLER)
    path = write_invoice(invoice, tmp_path / "invoice.xlsx")
    assert pdf_pages(path, tmp_path) == 1
