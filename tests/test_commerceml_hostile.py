"""Bad and hostile input: each gets a clear answer, and the good documents around it are kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.adapters.portal.commerceml_reader import (
    CommerceMLReader,
    NotCommerceMLError,
    ReadOrder,
    ReadProblem,
)
from desktop_app.domain.order import Order

from conftest import FIXTURES

HEADER = '<?xml version="1.0" encoding="{enc}"?>\n<КоммерческаяИнформация ВерсияСхемы="2.08">\n'
FOOTER = "</КоммерческаяИнформация>\n"


def document(doc_id: str, total: str = "100.00", name: str = "ООО Ромашка", extra: str = "") -> str:
    return (
        f"<Документ>\n<Ид>{doc_id}</Ид>\n<Номер>{doc_id}</Номер>\n<Дата>2026-11-20</Дата>\n"
        f"<ХозОперация>Заказ товара</ХозОперация>\n<Сумма>{total}</Сумма>\n"
        f"<Контрагенты><Контрагент><Ид>u{doc_id}</Ид><Наименование>{name}</Наименование>"
        f"<Роль>Покупатель</Роль></Контрагент></Контрагенты>\n{extra}</Документ>\n"
    )


def write(tmp_path: Path, body: str, encoding: str = "windows-1251", footer: bool = True) -> Path:
    path = tmp_path / "exchange.xml"
    text = HEADER.format(enc=encoding) + body + (FOOTER if footer else "")
    path.write_bytes(text.encode(encoding if encoding != "UTF-8" else "utf-8"))
    return path


def read(path: Path) -> tuple[list[Order], list[ReadProblem]]:
    items = list(CommerceMLReader(path).documents())
    return (
        [i.order for i in items if isinstance(i, ReadOrder)],
        [i for i in items if isinstance(i, ReadProblem)],
    )


def refused(path: Path) -> NotCommerceMLError:
    with pytest.raises(NotCommerceMLError) as caught:
        CommerceMLReader(path)
    return caught.value


def test_external_entity_is_refused_and_never_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-PASSWORD", encoding="utf-8")
    path = tmp_path / "xxe.xml"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<!DOCTYPE КоммерческаяИнформация [<!ENTITY xxe SYSTEM "file://{secret}">]>\n'
        "<КоммерческаяИнформация><Документ><Ид>1</Ид><ХозОперация>Заказ товара</ХозОперация>"
        "<Комментарий>&xxe;</Комментарий></Документ></КоммерческаяИнформация>",
        encoding="utf-8",
    )
    error = refused(path)
    assert error.code == "dtd-refused"
    assert "TOP-SECRET" not in error.message


def test_billion_laughs_is_refused_before_parsing(tmp_path: Path) -> None:
    entities = '<!ENTITY lol0 "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 10)
    )
    path = tmp_path / "bomb.xml"
    path.write_text(
        f'<?xml version="1.0"?>\n<!DOCTYPE lolz [{entities}]>\n'
        "<КоммерческаяИнформация><Документ><Ид>&lol9;</Ид></Документ></КоммерческаяИнформация>",
        encoding="utf-8",
    )
    assert refused(path).code == "dtd-refused"


def test_entity_declarations_after_comments_are_refused_too(tmp_path: Path) -> None:
    path = tmp_path / "hidden.xml"
    path.write_text(
        '<?xml version="1.0"?>\n<!-- harmless -->\n<?pi x?>\n'
        '<!DOCTYPE r [<!ENTITY e "x">]><КоммерческаяИнформация/>',
        encoding="utf-8",
    )
    assert refused(path).code == "dtd-refused"


def test_html_error_page_is_named_as_such(tmp_path: Path) -> None:
    path = tmp_path / "page.xml"
    path.write_text(
        "<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>"
        "<body><h1>502 Bad Gateway</h1><hr>nginx</body></html>",
        encoding="utf-8",
    )
    error = refused(path)
    assert error.code == "html"
    assert "502 Bad Gateway" in error.message
    assert "веб-страница" in error.message


def test_php_fatal_error_is_quoted(tmp_path: Path) -> None:
    path = tmp_path / "fatal.xml"
    path.write_text(
        "<br />\n<b>Fatal error</b>:  Allowed memory size of 134217728 bytes exhausted in "
        "<b>/home/bitrix/www/bitrix/modules/sale/general/export.php</b> on line <b>812</b><br />",
        encoding="utf-8",
    )
    error = refused(path)
    assert error.code == "html"
    assert "Fatal error: Allowed memory size" in error.message


@pytest.mark.parametrize("content", [b"", b"   \r\n\t "])
def test_empty_body(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.xml"
    path.write_bytes(content)
    error = refused(path)
    assert error.code == "empty"
    assert "Пустой ответ" in error.message


def test_plain_text_failure_line(tmp_path: Path) -> None:
    path = tmp_path / "failure.xml"
    path.write_text("failure\nНе авторизован\n", encoding="utf-8")
    error = refused(path)
    assert error.code == "not-xml"
    assert "Не авторизован" in error.message


def test_truncated_root_element(tmp_path: Path) -> None:
    path = tmp_path / "cut.xml"
    path.write_text('<?xml version="1.0"?>\n<КоммерческаяИнформация ВерсияСх', encoding="utf-8")
    assert refused(path).code == "truncated"


def test_file_cut_in_the_middle_of_a_document_keeps_the_earlier_ones(tmp_path: Path) -> None:
    full = write(tmp_path, "".join(document(str(i)) for i in range(1, 6))).read_bytes()
    cut_at = full.index("<Ид>3</Ид>".encode("cp1251")) + 40
    path = tmp_path / "cut.xml"
    path.write_bytes(full[:cut_at])
    orders, problems = read(path)
    assert [o.id for o in orders] == ["1", "2"]
    (problem,) = problems
    assert (problem.index, problem.document_id, problem.code) == (3, "3", "truncated")
    assert "Документ №3 (Ид 3)" in problem.message
    assert problem.line == 1 + 1 + 2 * 8 + 1  # header (2 lines) + two documents of 8 lines


def test_file_cut_after_the_last_document_is_reported(tmp_path: Path) -> None:
    path = write(tmp_path, document("1") + document("2"), footer=False)
    orders, problems = read(path)
    assert [o.id for o in orders] == ["1", "2"]
    (problem,) = problems
    assert problem.index is None and problem.code == "truncated"
    assert "оборван после документа №2" in problem.message


def test_broken_document_in_the_middle_is_quarantined_with_its_position(tmp_path: Path) -> None:
    broken = document("2").replace("<Сумма>100.00</Сумма>", "<Сумма>100.00</Сумм>")
    path = write(tmp_path, document("1") + broken + document("3") + document("4"))
    orders, problems = read(path)
    assert [o.id for o in orders] == ["1", "3", "4"]
    (problem,) = problems
    assert (problem.index, problem.document_id, problem.code) == (2, "2", "broken-xml")
    assert problem.line == 2 + 8 + 6  # the line of the mismatched end tag
    assert "строка 16" in problem.message


def test_unescaped_ampersand_breaks_one_document_only(tmp_path: Path) -> None:
    body = document("1") + document("2", name="Рога & Копыта") + document("3")
    orders, problems = read(write(tmp_path, body))
    assert [o.id for o in orders] == ["1", "3"]
    assert [p.index for p in problems] == [2]


def test_declared_utf8_but_written_in_windows_1251(tmp_path: Path) -> None:
    path = tmp_path / "wrong.xml"
    path.write_bytes((HEADER.format(enc="UTF-8") + document("1") + FOOTER).encode("cp1251"))
    error = refused(path)
    assert error.code == "encoding"
    assert "UTF-8" in error.message and "windows-1251" in error.message


def test_declared_windows_1251_but_written_in_utf8(tmp_path: Path) -> None:
    path = tmp_path / "wrong.xml"
    path.write_bytes((HEADER.format(enc="windows-1251") + document("1") + FOOTER).encode("utf-8"))
    error = refused(path)
    assert error.code == "encoding"
    assert "UTF-8" in error.message


def test_one_document_in_a_foreign_encoding_is_quarantined(tmp_path: Path) -> None:
    head = (HEADER.format(enc="UTF-8") + document("1")).encode("utf-8")
    alien = (
        document("2", name="ООО Ёлка")
        .encode("utf-8")
        .replace("Ёлка".encode(), "Ёлка".encode("cp1251"))
    )
    tail = (document("3") + FOOTER).encode("utf-8")
    path = tmp_path / "mixed.xml"
    path.write_bytes(head + alien + tail)
    orders, problems = read(path)
    assert [o.id for o in orders] == ["1", "3"]
    (problem,) = problems
    assert (problem.index, problem.code) == (2, "encoding")
    assert "UTF-8" in problem.message


def test_unknown_declared_encoding(tmp_path: Path) -> None:
    path = tmp_path / "odd.xml"
    path.write_bytes(b'<?xml version="1.0" encoding="x-klingon"?><a/>')
    assert refused(path).code == "unknown-encoding"


def test_ten_megabyte_text_node_is_refused_and_the_rest_kept(tmp_path: Path) -> None:
    huge = document("2", extra=f"<Комментарий>{'Я' * (10 * 1024 * 1024)}</Комментарий>\n")
    path = write(tmp_path, document("1") + huge + document("3"))
    orders, problems = read(path)
    assert [o.id for o in orders] == ["1", "3"]
    (problem,) = problems
    assert (problem.index, problem.code) == (2, "too-large")
    assert len(problem.message) < 500


def test_document_without_id_is_quarantined(tmp_path: Path) -> None:
    nameless = document("2").replace("<Ид>2</Ид>\n", "")
    orders, problems = read(write(tmp_path, document("1") + nameless + document("3")))
    assert [o.id for o in orders] == ["1", "3"]
    (problem,) = problems
    assert (problem.index, problem.code, problem.line) == (2, "missing-id", 11)
    assert "Ид" in problem.message


def test_amount_that_is_not_a_number(tmp_path: Path) -> None:
    orders, problems = read(write(tmp_path, document("1", total="12,3.4") + document("2")))
    assert [o.id for o in orders] == ["2"]
    (problem,) = problems
    assert problem.code == "bad-number"
    assert "«Сумма»" in problem.message and "12,3.4" in problem.message


def test_impossible_date(tmp_path: Path) -> None:
    bad = document("1").replace("2026-11-20", "2026-02-31")
    orders, problems = read(write(tmp_path, bad))
    assert orders == []
    assert problems[0].code == "bad-date"


def test_quotes_ampersand_and_markup_in_a_name(tmp_path: Path) -> None:
    name = "ООО &amp;quot;Рога &amp;amp; Копыта&amp;quot; &amp;lt;b&amp;gt;O'Neil&amp;lt;/b&amp;gt;"
    orders, problems = read(write(tmp_path, document("1", name=name)))
    assert problems == []
    buyer = orders[0].buyer
    assert buyer is not None
    assert buyer.name == 'ООО "Рога & Копыта" <b>O\'Neil</b>'
    raw_name = next(f.value for f in buyer.raw if f.path == "Наименование")
    assert raw_name == "ООО &quot;Рога &amp; Копыта&quot; &lt;b&gt;O'Neil&lt;/b&gt;"


def test_comments_and_processing_instructions_are_ignored(tmp_path: Path) -> None:
    body = document("1", extra="<!-- комментарий --><?php echo 1; ?>\n")
    orders, problems = read(write(tmp_path, body))
    assert problems == [] and orders[0].id == "1"


def test_wrong_root_element(tmp_path: Path) -> None:
    path = tmp_path / "other.xml"
    path.write_text('<?xml version="1.0"?><rss version="2.0"><channel/></rss>', encoding="utf-8")
    error = refused(path)
    assert error.code == "not-commerceml"
    assert "«rss»" in error.message


def test_broken_document_and_a_cut_between_documents_are_both_reported(tmp_path: Path) -> None:
    """The cut must not hide behind the broken document: a cut answer is never confirmed."""
    broken = document("2", name="Рога & Копыта")
    path = write(tmp_path, document("1") + broken + document("3"), footer=False)
    orders, problems = read(path)
    assert [o.id for o in orders] == ["1", "3"]
    assert [(p.index, p.code) for p in problems] == [(2, "broken-xml"), (None, "truncated")]


def test_english_tagged_export_is_refused_with_what_to_change() -> None:
    error = refused(FIXTURES / "bitrix-2.08-english-tags.cp1251.xml")
    assert error.code == "foreign-tags"
    assert "английскими тегами" in error.message
    assert "CommerceInformation" in error.message and "«en»" in error.message
    assert "русский" in error.message and "не подтверждён" in error.message


def test_german_tagged_export_is_refused_too(tmp_path: Path) -> None:
    path = tmp_path / "de.xml"
    path.write_text('<KommerzInformation SchemaVersion="2.08"><Dokument/></KommerzInformation>')
    error = refused(path)
    assert error.code == "foreign-tags" and "«de»" in error.message


NOISE = [b"\r\n\r\n", b"\xef\xbb\xbf\n", b"\xef\xbb\xbf\xef\xbb\xbf", b"\n\xef\xbb\xbf \n\t"]
"""Blank lines and BOMs a site's PHP files print before `<?xml` (libxml2 refuses them there)."""


@pytest.mark.parametrize("lead", NOISE)
def test_noise_before_a_clean_file_costs_nothing(tmp_path: Path, lead: bytes) -> None:
    body = HEADER.format(enc="windows-1251") + document("1") + document("2") + FOOTER
    path = tmp_path / "noisy.xml"
    path.write_bytes(lead + body.encode("cp1251"))
    orders, problems = read(path)
    assert [o.id for o in orders] == ["1", "2"]
    assert problems == []


@pytest.mark.parametrize("lead", NOISE)
def test_noise_before_the_declaration_is_skipped_and_lines_still_count(
    tmp_path: Path, lead: bytes
) -> None:
    body = HEADER.format(enc="windows-1251") + document("1") + document("2", total="x") + FOOTER
    path = tmp_path / "noisy.xml"
    path.write_bytes(lead + body.encode("cp1251"))
    orders, problems = read(path)
    assert [o.id for o in orders] == ["1"]
    (problem,) = problems
    assert problem.code == "bad-number"
    # The broken document starts on line 11 of the body; the blank lines come on top.
    assert problem.line == 11 + lead.count(b"\n")


@pytest.mark.parametrize(
    ("content", "code", "words"),
    [
        (
            b"\xef\xbb\xbf\r\nfailure\n\xce\xf8\xe8\xe1\xea\xe0",
            "not-xml",
            "отказал вместо выдачи заказов: «Ошибка»",
        ),
        (b"\xef\xbb\xbf\n\n", "empty", "Пустой ответ"),
        (b"\xef\xbb\xbf\n<html><body>Site is closed</body></html>", "html", "Site is closed"),
        (b"\n\nNotice: Undefined index <?xml version='1.0'?><a/>", "not-xml", "Notice"),
    ],
)
def test_noise_in_front_of_garbage_still_refuses_it(
    tmp_path: Path, content: bytes, code: str, words: str
) -> None:
    path = tmp_path / "noise.xml"
    path.write_bytes(content)
    error = refused(path)
    assert error.code == code and words in error.message
