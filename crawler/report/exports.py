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


# ------------------------------------------------------------------ district data (items 5.2, 5.5)

DISTRICT_SHEET = "Сведения"
FORMS_SHEET = "Формы"
COLUMNS_SHEET = "Столбцы"
FORMS_HEADER = [
    "Округ", "Период мониторинга", "Учебный год", "Код организации", "Организация", "Вид", "Форма",
    "Пар и групп по списку", "Названа в документах", "Наставничество обучающихся",
]  # fmt: skip


def district_header() -> list[str]:
    from crawler.report.district import DISTRICT_COLUMNS

    return [title for _, title, _ in DISTRICT_COLUMNS]


def district_table(rows: list[dict[str, object]]) -> list[list[object]]:
    """The export's records in the order of DISTRICT_COLUMNS."""
    from crawler.report.district import DISTRICT_COLUMNS

    return [[row.get(code) for code, _, _ in DISTRICT_COLUMNS] for row in rows]


def form_rows(rows: list[dict[str, object]]) -> list[list[object]]:
    """The long form of the forms («Формы» sheet): one row per organization, academic year and form."""
    out: list[list[object]] = []
    for row in rows:
        info = row.get("_forms")
        if not isinstance(info, dict):
            continue
        counted: dict[str, int] = info["counted"]
        named: list[str] = info["named"]
        pupils: list[str] = info["pupils"]
        for form in dict.fromkeys([*counted, *named, *pupils]):
            out.append(
                [
                    row["district"], row["period"], row["academic_year"], row["org_id"], row["org_name"],
                    row["org_kind"], form, counted.get(form), "да" if form in named or form in pupils else "нет",
                    "да" if form in pupils else "нет",
                ]
            )  # fmt: skip
    return out


def write_district_csv(rows: list[dict[str, object]], path: Path) -> Path:
    """svedeniya-*.csv: the columns of DISTRICT_COLUMNS, one row per organization and academic year."""
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, delimiter=";", quoting=csv.QUOTE_MINIMAL)
        writer.writerow(district_header())
        for values in district_table(rows):
            writer.writerow([_district_csv_value(v) for v in values])
    return path


def _district_csv_value(value: object) -> str | int:
    from datetime import date

    if value is None:
        return ""
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, int):
        return value
    return csv_safe(str(value))


def write_district_xlsx(rows: list[dict[str, object]], path: Path) -> Path:
    """svedeniya-*.xlsx: «Сведения» (the CSV's columns, header in row 1 for merging), «Формы» (one row per form),
    «Столбцы» (what each column holds)."""
    from crawler.report.district import DISTRICT_COLUMNS, NUMBER_COLUMNS

    wb = Workbook()
    ws = wb.active
    ws.title = DISTRICT_SHEET
    bold = Font(bold=True)
    ws.append(district_header())
    for cell in ws[1]:
        cell.font = bold
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    codes = [code for code, _, _ in DISTRICT_COLUMNS]
    for values in district_table(rows):
        ws.append(values)
        r = ws.max_row
        for j, code in enumerate(codes, 1):
            cell = ws.cell(r, j)
            if code == "checked_at" and cell.value is not None:
                cell.number_format = "DD.MM.YYYY"
            elif code in NUMBER_COLUMNS:
                cell.number_format = "0"
            elif code == "sources":
                cell.alignment = Alignment(wrap_text=False)
    widths = {"district": 28, "org_name": 40, "state": 24, "forms_counted": 40, "forms_named": 40,
              "pupil_forms": 30, "curator": 28, "sources": 60}  # fmt: skip
    for j, code in enumerate(codes, 1):
        ws.column_dimensions[get_column_letter(j)].width = widths.get(code, 14)
    ws.row_dimensions[1].height = 45
    ws.freeze_panes = "F2"
    _print_setup(ws, "1:1")

    fs = wb.create_sheet(FORMS_SHEET)
    fs.append(FORMS_HEADER)
    for cell in fs[1]:
        cell.font = bold
    for values in form_rows(rows):
        fs.append(values)
    for j, width in enumerate([28, 12, 12, 16, 40, 8, 40, 12, 12, 14], 1):
        fs.column_dimensions[get_column_letter(j)].width = width
    fs.freeze_panes = "A2"
    _print_setup(fs, "1:1")

    cs = wb.create_sheet(COLUMNS_SHEET)
    cs.append(["Столбец", "Код", "Что в нём"])
    for cell in cs[1]:
        cell.font = bold
    for code, title, meaning in DISTRICT_COLUMNS:
        cs.append([title, code, meaning])
    for j, width in enumerate([34, 16, 90], 1):
        cs.column_dimensions[get_column_letter(j)].width = width
    _print_setup(cs, "1:1", landscape=False)
    for sheet in wb.worksheets:
        _guard_formulas(sheet)
    wb.save(path)
    return path


# ------------------------------------------------------------------ the registry of practices (item 4.1)

REGISTRY_SHEET = "Реестр практик"
REGISTRY_HEADER = [
    "№", "Округ", "Код организации", "Организация", "Вид организации", "Дата материала", "Материал",
    "Вид материала", "Ссылка", "Архивная копия", "Впервые найден", "Последний раз найден", "Новое", "Ключ",
]  # fmt: skip


def write_registry_xlsx(items: list[object], district: str, hrefs: dict[str, str], path: Path) -> Path:
    """reestr-praktik-*.xlsx: the registry's rows by date, real dates, links clickable, header in row 1."""
    from crawler.report.model import period_ru
    from crawler.report.practices import RegistryItem

    wb = Workbook()
    ws = wb.active
    ws.title = REGISTRY_SHEET
    ws.append(REGISTRY_HEADER)
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    for item in items:
        assert isinstance(item, RegistryItem)
        ws.append(
            [
                item.no, district, item.org_id, item.org_name, item.org_kind.value, item.published, item.title,
                item.kind_ru, item.url, hrefs.get(item.key, ""), period_ru(item.first_period),
                period_ru(item.last_period), "да" if item.new else "", item.key,
            ]
        )  # fmt: skip
        r = ws.max_row
        ws.cell(r, 6).number_format = "DD.MM.YYYY"
        if safe_url(item.url):
            link = ws.cell(r, 9)
            link.hyperlink = item.url
            link.font = Font(color="00336B", underline="single")
        for j in (4, 7):
            ws.cell(r, j).alignment = Alignment(wrap_text=True, vertical="top")
    for j, width in enumerate([5, 26, 14, 36, 8, 12, 50, 18, 40, 30, 14, 14, 8, 22], 1):
        ws.column_dimensions[get_column_letter(j)].width = width
    ws.freeze_panes = "A2"
    _print_setup(ws, "1:1")
    _guard_formulas(ws)
    wb.save(path)
    return path
