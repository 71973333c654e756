"""Matrix exports for data requests (roadmap item 5.5): CSV for Russian Excel and XLSX."""

from __future__ import annotations

import csv
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.worksheet import Worksheet

from crawler.models import Status
from crawler.report.analysis import BriefView, EvidenceView
from crawler.report.model import csv_safe, safe_url, tz_label

MATRIX_SHEET = "Сводная таблица"
EVIDENCE_SHEET = "Подтверждения"
CRITERIA_SHEET = "Критерии"

FILLS: dict[Status, str] = {
    Status.met: "D9ECD9",
    Status.partial: "FBEFC4",
    Status.not_met: "F6D3D3",
    Status.unknown: "E4E4E4",
}


def _number(value: float | None) -> str:
    """A score with a decimal comma, as Russian Excel reads it."""
    if value is None:
        return ""
    return f"{value:.1f}".replace(".", ",")


def _csv_value(value: str | int | float | None) -> str | int:
    if value is None:
        return ""
    if isinstance(value, float):
        return _number(value)
    if isinstance(value, str):
        return csv_safe(value)
    return value


def _guard_formulas(ws: Worksheet) -> None:
    """openpyxl stores any string starting with «=» as a formula; site text must stay text."""
    for row in ws.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"


DATE_TIME = "DD.MM.YYYY HH:MM"
MM = 1 / 25.4  # inches per millimetre: openpyxl's margins are in inches


def _print_setup(ws: Worksheet, title_rows: str, landscape: bool = True) -> None:
    """A4, landscape, one page wide (as many pages tall as needed), header rows on every page, ГОСТ margins."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = title_rows
    ws.page_margins = PageMargins(
        left=20 * MM, right=10 * MM, top=20 * MM, bottom=20 * MM, header=8 * MM, footer=8 * MM
    )
    ws.oddHeader.center.text = "&P"  # page numbers centred at the top, as in the brief


def matrix_header(view: BriefView) -> list[str]:
    return [
        "№",
        "Код организации",
        "Организация",
        "Вид",
        "Сайт",
        *[f"{i}. {c.title}" for i, c in enumerate(view.data.criteria, 1)],
        "Баллы",
        "Максимум баллов",
        "Уровень выполнения, %",
        "Зона",
        f"Дата проверки ({tz_label(view.data.timezone)})",
        "Сайт доступен",
        "Причина недоступности",
    ]


def matrix_rows(view: BriefView) -> list[list[str | int | float | None]]:
    rows: list[list[str | int | float | None]] = []
    for o in view.orgs:
        rows.append(
            [
                o.index,
                o.org.id,
                o.org.name,
                o.kind,
                o.org.site,
                *[c.label for c in o.cells],
                o.points if o.max_points else None,
                o.max_points or None,
                o.score,
                o.zone or "",
                o.checked_at,
                "да" if o.org.reachable else "нет",
                (o.failure.plain + (f" ({o.failure.detail})" if o.failure.detail else "")) if o.failure else "",
            ]
        )
    return rows


def write_csv(view: BriefView, path: Path) -> Path:
    """UTF-8 with BOM and «;» — what Excel in a Russian locale opens without an import dialog."""
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, delimiter=";", quoting=csv.QUOTE_MINIMAL)
        writer.writerow(matrix_header(view))
        for row in matrix_rows(view):
            writer.writerow([_csv_value(v) for v in row])
    return path


def write_xlsx(view: BriefView, path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = MATRIX_SHEET
    thin = Side(style="thin", color="000000")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    bold = Font(bold=True)
    ws.append([f"Сводная таблица мониторинга ({view.period_title}) — {view.data.district}"])
    ws["A1"].font = Font(bold=True, size=12)
    header = matrix_header(view)
    ws.append(header)
    for cell in ws[2]:
        cell.font = bold
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        cell.border = border
    n_crit = len(view.data.criteria)
    # rows counted here: openpyxl's max_row scans every cell of the sheet (quadratic over a region)
    for excel_row, (o, row) in enumerate(zip(view.orgs, matrix_rows(view), strict=True), start=3):
        ws.append(row)
        for col in range(1, len(row) + 1):
            ws.cell(excel_row, col).border = border
        for j, cell_view in enumerate(o.cells):
            cell = ws.cell(excel_row, 6 + j)
            cell.fill = PatternFill("solid", fgColor=FILLS[cell_view.status])
            cell.alignment = Alignment(horizontal="center")
        score_cell = ws.cell(excel_row, 6 + n_crit + 2)
        score_cell.number_format = "0.0"
        checked = ws.cell(excel_row, 6 + n_crit + 4)  # a real date and time (district's zone), not text
        checked.value = o.checked_local
        checked.number_format = DATE_TIME
    widths = [5, 14, 46, 6, 30] + [14] * n_crit + [8, 10, 12, 12, 18, 9, 40]
    for i, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.row_dimensions[2].height = 60
    ws.freeze_panes = "F3"
    _print_setup(ws, "2:2")

    ev = wb.create_sheet(EVIDENCE_SHEET)
    ev.append(
        [
            "Код организации",
            "Организация",
            "Критерий",
            "Оценка",
            "Пояснение",
            "Ссылка",
            "Документ",
            "Цитата",
            "Архивная копия",
            "Получено (время округа)",
            "Проверено вручную",
        ]
    )
    for cell in ev[1]:
        cell.font = bold
    ev_row = 1
    for o in view.orgs:
        for c in o.cells:
            items: list[EvidenceView | None] = list(c.evidence) or [None]
            for e in items:
                ev.append(
                    [
                        o.org.id,
                        o.org.name,
                        c.criterion.title,
                        c.label,
                        c.note,
                        e.url if e else "",
                        (e.title or "") if e else "",
                        (e.quote or "") if e else "",
                        (e.archived_href or "") if e else "",
                        e.fetched_local if e else None,
                        c.manual_text if c.manual else "",
                    ]
                )
                ev_row += 1
                ev.cell(ev_row, 10).number_format = DATE_TIME
                if e and safe_url(e.url):
                    link = ev.cell(ev_row, 6)
                    link.hyperlink = e.url
                    link.font = Font(color="00336B", underline="single")
    for i, width in enumerate([14, 40, 22, 16, 50, 50, 40, 50, 30, 18, 20], 1):
        ev.column_dimensions[get_column_letter(i)].width = width
    ev.freeze_panes = "A2"
    _print_setup(ev, "1:1")

    cr = wb.create_sheet(CRITERIA_SHEET)
    cr.append(["№", "Критерий", "Пункты дорожной карты", "Выполнено (2)", "Частично (1)", "Не выполнено (0)", "Вес"])
    for cell in cr[1]:
        cell.font = bold
    for i, crit in enumerate(view.data.criteria, 1):
        roadmap_items = ", ".join(crit.roadmap_items)
        cr.append([i, crit.title, roadmap_items, crit.met, crit.partial, crit.not_met, crit.weight])
    for i, width in enumerate([5, 30, 14, 45, 45, 45, 6], 1):
        cr.column_dimensions[get_column_letter(i)].width = width
    for row in cr.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    _print_setup(cr, "1:1")
    for sheet in wb.worksheets:
        _guard_formulas(sheet)
    wb.save(path)
    return path
