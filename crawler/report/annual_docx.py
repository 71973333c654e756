"""The annual analytic report as DOCX: the same sections, numbers and words as otchet-YYYY.html, in the brief's
form (crawler.report.docx_writer: A4, ГОСТ Р 7.0.97 margins, 12 pt, page numbers from page 2, the signature on one
line, «Исп.: …» at the bottom of the last page).
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.table import Table

from crawler.models import OrgKind
from crawler.report.annual import AnnualView
from crawler.report.chart_png import line_chart_png
from crawler.report.charts import trend_chart
from crawler.report.docx_writer import (
    TEXT_WIDTH_MM,
    _cell_margins,
    _cell_text,
    _executor,
    _heading,
    _labelled,
    _margins,
    _numbered,
    _page_numbers,
    _para,
    _picture,
    _setup_styles,
    _shade,
    _signature,
    _table,
    _widths,
    add_hyperlink,
    add_paragraph,
    add_row_cells,
    add_table,
)
from crawler.report.model import date_ru, period_ru, plural

MONITORINGS_HEADER = [
    "Мониторинг", "Дата справки", "Сайты проверены", "Проверено сайтов", "Средний уровень", "Организаций по зонам",
]  # fmt: skip
INTRO_GOAL = (
    "анализ результатов мониторингов года: динамика выполнения критериев мониторинга сайтов по округу и по "
    "организациям, формы наставничества и включённость педагогов, практики наставничества."
)


def year_reading(a: AnnualView) -> str:
    """«Отчётный период»: how the report reads «year» (the same words as the HTML)."""
    d = a.data
    text = (
        f"{d.year} год — мониторинги, периоды которых относятся к {d.year} календарному году: {a.periods_text}. "
        "Каждый мониторинг учтён так, как он вошёл в информационную справку за свой период (с повторными "
        "проверками, внесёнными в её итоги). Числа наставников, наставляемых и пар — за учебный год, который "
        "называют документы организаций"
    )
    return text + (f" ({a.academic_years})." if a.academic_years else ".")


def _two_level_table(
    doc: DocxDocument,
    lead: list[str],
    groups: list[tuple[str, list[str]]],
    body: list[list[str]],
    widths_mm: list[float],
    size: float = 9,
) -> Table:
    """A table whose header has two rows: the leading columns span both, each group's title spans its columns."""
    n = len(lead) + sum(len(cols) for _, cols in groups)
    table = add_table(doc, 2, n)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _cell_margins(table)
    top, second = table.rows[0].cells, table.rows[1].cells
    for i, text in enumerate(lead):
        merged = top[i].merge(second[i])
        _cell_text(merged, text, size, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    col = len(lead)
    for title, cols in groups:
        merged = top[col].merge(top[col + len(cols) - 1])
        _cell_text(merged, title, size, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
        for j, text in enumerate(cols):
            _cell_text(second[col + j], text, size, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
        col += len(cols)
    for row in table.rows[:2]:
        for cell in row.cells:
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            _shade(cell, "F0F0F0")
        tr_pr = row._tr.get_or_add_trPr()
        el = OxmlElement("w:tblHeader")
        el.set(qn("w:val"), "true")
        tr_pr.append(el)
    for values in body:
        cells = add_row_cells(table)
        for i, (cell, text) in enumerate(zip(cells, values, strict=True)):
            _cell_text(cell, text, size, align=None if i == 1 else WD_ALIGN_PARAGRAPH.CENTER)
    _widths(table, widths_mm)
    return table


def write_annual_docx(a: AnnualView, path: Path) -> Path:
    d = a.data
    doc = Document()
    _setup_styles(doc)
    _margins(doc.sections[0], landscape=False)
    _page_numbers(doc)

    _para(doc, d.issuer.upper(), bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    _para(doc, d.office, align=WD_ALIGN_PARAGRAPH.CENTER)
    _para(doc, "")
    _para(doc, "АНАЛИТИЧЕСКИЙ ОТЧЁТ", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    _para(
        doc,
        "по результатам мониторинга реализации целевой модели наставничества педагогических работников "
        f"в образовательных организациях {a.district_gen} за {a.title_year}",
        bold=True,
        align=WD_ALIGN_PARAGRAPH.CENTER,
    )
    _para(doc, date_ru(a.report_date))
    _labelled(doc, "Основание:", a.basis + ".")
    _labelled(doc, "Цель:", INTRO_GOAL)
    _labelled(doc, "Отчётный период:", year_reading(a))
    n = len(a.orgs)
    kinds = ", ".join(f"{k.value} — {c}" for k in OrgKind if (c := sum(o.kind == k for o in a.orgs)))
    word = plural(n, "образовательной организации", "образовательных организаций", "образовательных организаций")
    _labelled(doc, "Объект:", f"официальные сайты {n} {word} ({kinds}).")

    _heading(doc, "1. Мониторинги года", level=1)
    _table(
        doc,
        [
            "Мониторинг",
            "Дата справки",
            "Сайты проверены",
            "Проверено сайтов",
            "Средний уровень",
            "Организаций по зонам",
        ],
        ([m.title, m.brief_date, m.checked_on, f"{m.reachable} из {m.orgs}", m.mean, m.zones] for m in a.monitorings),
        widths_mm=[28, 24, 30, 24, 24, TEXT_WIDTH_MM - 130],
        center=[1, 2, 3, 4],
    )
    for m in a.monitorings:
        if m.rechecks:
            _para(
                doc, f"{m.title.capitalize()}: повторно проверены и учтены в итогах — {', '.join(m.rechecks)}.", size=10
            )
    if a.runs_text:
        _para(doc, a.runs_text, size=10).alignment = WD_ALIGN_PARAGRAPH.JUSTIFY

    titles = a.period_titles
    _heading(doc, "2. Динамика выполнения критериев", level=1)
    header = ["Критерий (пункт дорожной карты)", *[f"{t}: выполнили" for t in titles]]
    header += ["Изменение доли"] if a.compared else []
    rest = TEXT_WIDTH_MM - 62 - (24 if a.compared else 0)
    _table(
        doc,
        header,
        (
            [
                f"{i}. {c.criterion.title}"
                + (f" (п.\u00a0{', '.join(c.criterion.roadmap_items)})" if c.criterion.roadmap_items else ""),
                *[cell.replace(" из ", "\u00a0из\u00a0").replace(" %", "\u00a0%") for cell in c.cells],
                *([c.delta] if a.compared else []),
            ]
            for i, c in enumerate(a.criteria, 1)
        ),
        widths_mm=[62, *[rest / len(titles)] * len(titles), *([24] if a.compared else [])],
        center=range(1, len(header)),
    )
    trend = trend_chart(d.last)
    if trend:
        _picture(doc, line_chart_png(trend), f"Рисунок 1 — {trend.caption}", width_mm=140)

    _heading(doc, "3. Динамика по организациям", level=1)
    header = ["№", "Организация", "Вид", *[f"{t}, %" for t in titles]]
    header += ["Изменение"] if a.compared else []
    header += [f"Выполнено критериев, {titles[-1]}", "Зона"]
    fixed = 9 + 12 + 18 * len(titles) + (24 if a.compared else 0) + 24 + 18
    _table(
        doc,
        header,
        (
            [str(o.index), o.name, o.kind.value, *o.scores, *([o.delta] if a.compared else []), o.met, o.zone]
            for o in a.orgs
        ),
        widths_mm=[9, TEXT_WIDTH_MM - fixed, 12, *[18] * len(titles), *([24] if a.compared else []), 24, 18],
        size=9,
        center=[0, *range(2, len(header))],
    )
    if a.compared:
        changed = [o for o in a.orgs if o.changes]
        if changed:
            _para(doc, f"Изменения оценок за год ({titles[0]} → {titles[-1]})", italic=True, size=10)
            _table(doc, ["Организация", "Изменения оценок"], ([o.name, o.changes] for o in changed), [62, 118])
        else:
            add_paragraph(doc, "Оценки организаций за год не изменились.")

    _heading(doc, "4. Формы наставничества и включённость педагогов", level=1)
    _para(
        doc,
        "По документам, размещённым организациями (пп. 5.2, 5.5 дорожной карты): наставники, наставляемые, "
        "наставнические пары и группы на каждую дату мониторинга; «—» — в документах не указано, «?» — сайт не "
        "удалось проверить; «*» — документы организации расходятся (см. под таблицей).",
    ).alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    sub = ["Н-ков", "Н-мых", "Пар", "Гр."]
    body = [[str(r.index), r.name, *[c for cells in r.cells for c in cells]] for r in a.district_rows]
    totals = a.district_totals
    for k, t in enumerate(totals):
        label = "Всего по округу" if k == len(totals) - 1 else f"Итого {t.label}"
        body.append(["", label, *[c for cells in t.cells for c in cells]])
    n_w = 10.5
    table = _two_level_table(
        doc, ["№", "Организация"], [(t, sub) for t in titles], body,
        [9, TEXT_WIDTH_MM - 9 - n_w * 4 * len(titles), *[n_w] * (4 * len(titles))],
    )  # fmt: skip
    for row in table.rows[len(a.district_rows) + 2 : -1]:
        for cell in row.cells:
            for run in cell.paragraphs[0].runs:
                run.italic = True
    for cell in table.rows[-1].cells:
        for run in cell.paragraphs[0].runs:
            run.bold = True
    with_data = ", ".join(f"{titles[i]} — у {w}" for i, w in enumerate(totals[-1].with_data))
    line = f"Н-ков — наставников, Н-мых — наставляемых, Гр. — групп. Сведения есть: {with_data} организаций."
    notes = [r for r in a.district_rows if r.notes]
    if notes:
        line += " * Документы расходятся: " + "; ".join(f"{r.name} — {'; '.join(r.notes)}" for r in notes) + "."
    _para(doc, line, size=10).alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    if a.forms:
        _para(
            doc,
            "Формы наставничества педагогов: пар (групп) по спискам; в скобках — число организаций, чьи документы "
            "называют форму",
            italic=True,
            size=10,
        )
        _table(
            doc,
            ["Форма", *titles],
            ([f.form, *[f"{c} ({f.named[i]})" for i, c in enumerate(f.counted)]] for f in a.forms),
            widths_mm=[TEXT_WIDTH_MM - 30 * len(titles), *[30] * len(titles)],
            center=range(1, 1 + len(titles)),
        )

    _heading(doc, "5. Реестр успешных практик наставничества", level=1)
    if a.practices:
        add_paragraph(
            doc,
            "Материалы о практиках наставничества (кейсы, новости, методические разработки), найденные на сайтах "
            "(п. 4.1 дорожной карты), по дате; материал, найденный в нескольких мониторингах, записан один раз. "
            f"Всего — {len(a.practices)}"
            + (
                f", из них впервые найдено в {d.year} году — {a.new_in_year} (отмечены «новое»)."
                if d.earlier
                else f" (мониторингов до {d.year} года в базе нет)."
            ),
        ).alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        year = str(d.year) if d.earlier else "-"
        table = _table(
            doc,
            ["№", "Дата", "Организация", "Материал", "Вид", "Впервые найден"],
            (
                [
                    str(r.no),
                    date_ru(r.published) if r.published else "—",
                    r.org_name,
                    "",
                    r.kind_ru,
                    period_ru(r.first_period) + (" (новое)" if r.first_period[:4] == year else ""),
                ]
                for r in a.practices
            ),
            widths_mm=[8, 21, 45, TEXT_WIDTH_MM - 122, 24, 24],
            size=9,
            center=[0, 1, 4, 5],
        )
        for row, r in zip(table.rows[1:], a.practices, strict=True):
            add_hyperlink(row.cells[3].paragraphs[0], r.url, r.title, Pt(9))
    else:
        add_paragraph(doc, "Материалов о практиках наставничества на сайтах организаций не найдено.")

    _heading(doc, "6. Выводы", level=1)
    for i, line in enumerate(a.conclusions, 1):
        _numbered(doc, i, line)
    _signature(doc, d.signatory_position, d.signatory_name)
    _executor(doc, d.executor)
    doc.save(str(path))
    return path
