"""The form of the brief (ГОСТ Р 7.0.97-2025) and the plain Russian of its wording, format by format.

The browser's view of the same things (pages, margins, page numbers) is in test_report_browser.py.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Mm
from lxml import html as lxml_html
from openpyxl import load_workbook

from crawler.report import BriefData, summarize, write_brief
from crawler.report.exports import CRITERIA_SHEET, EVIDENCE_SHEET, MATRIX_SHEET
from crawler.report.model import datetime_ru, pct, round_half_up, tz_label
from crawler.report.wording import (
    clean_page_text,
    clip_words,
    one_line_name,
    partial_reasons,
    site_failure,
    tidy_title,
)
from tests.test_report_sample import CRITERIA, make_brief_data


@pytest.fixture(scope="module")
def data() -> BriefData:
    return make_brief_data().model_copy(update={"executor": "Петрова А. С., тел. 8 (83171) 4-55-12"})


@pytest.fixture(scope="module")
def outputs(data: BriefData, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return write_brief(data, tmp_path_factory.mktemp("form"))


def text_of(el: lxml_html.HtmlElement) -> str:
    return re.sub(r"\s+", " ", " ".join(el.itertext())).strip()


# ------------------------------------------------------------------ numbers and times


def test_numbers_are_rounded_half_up() -> None:
    assert pct(61.25, 1) == "61,3 %"
    assert pct(12.5) == "13 %" and pct(62.5) == "63 %" and pct(2.675, 2) == "2,68 %"
    assert round_half_up(61.25, 1) == 61.3
    data = make_brief_data()
    findings = [o.model_copy(update={"score": s}) for o, s in zip(data.findings[:2], (60.0, 62.5), strict=True)]
    assert summarize(findings, CRITERIA).mean_score == 61.3  # 61.25: the trend chart and the text agree


def test_times_are_in_the_districts_zone() -> None:
    moment = datetime(2026, 11, 28, 21, 12, tzinfo=UTC)
    assert datetime_ru(moment) == "29.11.2026 00:12 (МСК)"
    assert datetime_ru(moment, "Asia/Yekaterinburg") == "29.11.2026 02:12 (МСК+2)"
    assert tz_label("Europe/Kaliningrad", moment) == "МСК−1"


# ------------------------------------------------------------------ wording


@pytest.mark.parametrize(
    ("reason", "plain", "detail"),
    [
        ("http://127.0.0.23:8765/: сервер отвечает 503 после 2 попыток", "сервер сообщает о временной неисправности",
         "код ответа сервера 503, попыток: 2"),
        ("http://a/: ошибка сертификата TLS: certificate has expired; http://b/: ошибка сертификата TLS: "
         "certificate has expired", "ошибка сертификата защищённого соединения (срок действия сертификата истёк)",
         "certificate has expired"),
        ("адрес сайта не найден в DNS", "адрес сайта не найден (домен не существует или не продлён)", "DNS"),
        ("http://x/: главная страница не найдена (HTTP 404)", "главная страница не найдена", "код ответа сервера 404"),
        ("http://x/: обход сайта запрещён файлом robots.txt", "сайт закрыт для автоматической проверки своими "
         "настройками", "robots.txt"),
        ("сервер не ответил за 20 с", "сервер не ответил за 20 с", ""),
    ],
)  # fmt: skip
def test_network_failures_in_plain_words(reason: str, plain: str, detail: str) -> None:
    failure = site_failure(reason)
    assert (failure.plain, failure.detail) == (plain, detail)
    assert not re.search(r"[A-Za-z]", failure.plain)


def test_quotes_are_cut_at_word_boundaries() -> None:
    text = "Дорожная карта (план мероприятий) по реализации Положения о системе наставничества педагогических кадров"
    cut = clip_words(text, 60)
    assert cut.endswith("…") and len(cut) <= 60
    assert text.startswith(cut[:-1]) and text[len(cut) - 1] == " "  # the cut falls between words
    assert tidy_title("Приказ «О назначении куратора внедрения целевой модели наставничества р»") == (
        "Приказ «О назначении куратора внедрения целевой модели наставничества…»"
    )
    assert tidy_title("Аналитическая справка по итогам мониторинга программы наставничества в") == (
        "Аналитическая справка по итогам мониторинга программы наставничества…"
    )
    assert tidy_title("Дорожная карта … работников МБОУ «Пака…").endswith("работников МБОУ…")
    assert tidy_title("План на 2022-2024 годы № п/п Мероприятие Сроки") == "План на 2022-2024 годы"


def test_page_quotes_lose_menu_crumbs() -> None:
    quote = (
        "меню: Главная › Педагогам и сотрудникам › Наставничество | Главная › Педагогам и сотрудникам › "
        "Наставничество Наставничество Целевая модель наставничества внедрена в школе"
    )
    assert clean_page_text(quote) == "Целевая модель наставничества внедрена в школе"
    assert clean_page_text("Главная › Наставничество Наставничество Раздел в разработке") == "Раздел в разработке"


def test_partial_reasons_are_short() -> None:
    note = (
        "Частично: «Приказ «О закреплении наставнических пар на 2024-2025 учебный год»» (от 02.09.2024 № 102) — "
        "базы нет; есть только приказ о закреплении пар; «Приказ» — базы нет; есть только приказ о закреплении пар."
    )
    assert partial_reasons(note) == ["базы нет, есть только приказ о закреплении пар"]
    stub = "Частично: раздел http://x/ — страница-заглушка («Главная › Наставничество Раздел в разработке»)."
    assert partial_reasons(stub) == ["раздел-заглушка без содержания"]
    assert one_line_name("И. И. Иванова") == "И.\u00a0И.\u00a0Иванова"


# ------------------------------------------------------------------ HTML


def test_html_signature_and_executor(outputs: dict[str, Path], data: BriefData) -> None:
    tree = lxml_html.fromstring(outputs["html"].read_text(encoding="utf-8"))
    signature = tree.cssselect("#signature")[0]
    assert text_of(signature.cssselect(".sig-position")[0]) == data.signatory_position
    assert "".join(signature.cssselect(".sig-name")[0].itertext()) == "А.\u00a0П.\u00a0Иванова"  # one line
    assert text_of(tree.cssselect("#executor")[0]) == "Исп.: Петрова А. С., тел. 8 (83171) 4-55-12"
    # the executor is the last thing of the document, after the signature
    last = [el for el in tree.iter() if isinstance(el.tag, str) and (el.text or "").strip()][-1]
    assert "Исп.:" in (last.text or "")


def test_letters_have_number_fields_and_one_line_signature(outputs: dict[str, Path]) -> None:
    tree = lxml_html.fromstring(outputs["letter_html:sosh1"].read_text(encoding="utf-8"))
    assert re.fullmatch(r"от _+ № _+", text_of(tree.cssselect("#outgoing")[0]))
    assert "\u00a0" in "".join(tree.cssselect(".sig-name")[0].itertext())
    doc = Document(str(outputs["letter_docx:sosh1"]))
    cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    assert any(re.search(r"от _+ № _+", c) for c in cells)
    assert "А.\u00a0П.\u00a0Иванова" in cells


# ------------------------------------------------------------------ DOCX


def _header_xml(section) -> str:  # type: ignore[no-untyped-def]
    return section.header._element.xml


def test_docx_page_form(outputs: dict[str, Path]) -> None:
    for key in ("docx", "appendix_docx", "letter_docx:sosh1"):
        doc = Document(str(outputs[key]))
        first = doc.sections[0]
        assert abs(first.page_width - Mm(210)) < Mm(1) and abs(first.page_height - Mm(297)) < Mm(1)
        for section in doc.sections:  # stored in twentieths of a point: equal to a tenth of a millimetre
            for margin, mm in ((section.left_margin, 20), (section.top_margin, 20), (section.bottom_margin, 20),
                               (section.right_margin, 10)):  # fmt: skip
                assert abs(margin - Mm(mm)) < Mm(0.1)
        # page numbers: a PAGE field centred in the header, none on the first page
        assert first.different_first_page_header_footer
        assert "PAGE" in _header_xml(first) and 'w:val="center"' in _header_xml(first)
        assert "PAGE" not in first.first_page_header._element.xml
        for later in doc.sections[1:]:
            assert not later.different_first_page_header_footer  # the landscape matrix is numbered too
            assert later.header.is_linked_to_previous
        assert doc.styles["Normal"].font.size.pt == 12


def test_docx_brief_has_charts_matrix_section_and_executor(outputs: dict[str, Path], data: BriefData) -> None:
    doc = Document(str(outputs["docx"]))
    assert len(doc.inline_shapes) == 3  # the same three charts as the HTML
    assert [s.orientation for s in doc.sections] == [WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE, WD_ORIENT.PORTRAIT]
    texts = [p.text for p in doc.paragraphs]
    assert any(t.startswith("Рисунок 1 — ") for t in texts) and any(t.startswith("Рисунок 3 — ") for t in texts)
    executor = doc.paragraphs[-1]
    assert executor.text == f"Исп.: {data.executor}"
    frame = executor._p.pPr.find(qn("w:framePr"))
    assert frame is not None and frame.get(qn("w:yAlign")) == "bottom"  # the bottom of the last page
    # recommendations numbered 1…N as in the HTML, no «Рекомендуется:»
    start = texts.index("7. Рекомендации")
    numbers = [int(m.group(1)) for t in texts[start:] if (m := re.match(r"(\d+)\.\t", t))]
    assert numbers == list(range(1, len(numbers) + 1)) and numbers
    assert not any("Рекомендуется" in t for t in texts)
    # no address and no code in the signed DOCX
    body = "\n".join(texts + [c.text for t in doc.tables for r in t.rows for c in r.cells])
    assert "http" not in body and "UTC" not in body and data.rules_version not in body


def test_docx_tables_fit_the_page(outputs: dict[str, Path]) -> None:
    for key in ("docx", "appendix_docx"):
        doc = Document(str(outputs[key]))
        body = doc.element.body
        section_of = {}
        index = 0
        for child in body.iterchildren():
            if child.tag == qn("w:tbl"):
                section_of[child] = index
            if child.tag == qn("w:p") and child.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None:
                index += 1
        for table in doc.tables:
            section = doc.sections[min(section_of[table._tbl], len(doc.sections) - 1)]
            room = section.page_width - section.left_margin - section.right_margin
            width = sum(col.width or 0 for col in table.columns)
            assert width <= room + Mm(0.5), (key, width / Mm(1), room / Mm(1))


# ------------------------------------------------------------------ XLSX


def test_xlsx_prints_and_speaks_russian(outputs: dict[str, Path]) -> None:
    wb = load_workbook(outputs["xlsx"])
    for name in (MATRIX_SHEET, EVIDENCE_SHEET, CRITERIA_SHEET):
        ws = wb[name]
        assert ws.page_setup.orientation == "landscape"
        assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.print_title_rows
    matrix = wb[MATRIX_SHEET]
    header = [c.value for c in matrix[2]]
    column = next(i for i, h in enumerate(header) if str(h).startswith("Дата проверки"))
    checked = [r[column] for r in matrix.iter_rows(min_row=3, values_only=True)]
    assert all(isinstance(v, datetime) for v in checked)  # real dates, sortable
    assert checked[0] == datetime(2026, 5, 12, 9, 1)  # 06:01 UTC is 09:01 in Moscow
    criteria = [list(r) for r in wb[CRITERIA_SHEET].iter_rows(values_only=True)]
    assert "Код" not in criteria[0]
    codes = {c.id for c in CRITERIA}
    assert not codes & {v for row in criteria for v in row if isinstance(v, str)}
    evidence = wb[EVIDENCE_SHEET]
    assert not codes & {v for row in evidence.iter_rows(values_only=True) for v in row if isinstance(v, str)}
