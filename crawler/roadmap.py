"""Roadmap parser: a roadmap table (plain text, DOCX, PDF) → numbered items with structured deadlines.

The district roadmap is the law of this tool: rules trace back to its items, and the monitoring
calendar (item 5.1, «Ежегодно в январе и мае») is read from it. Text exports of such tables come
in two shapes, both handled by one cell tokenizer:

* a cell per line: a line starting with TAB opens a new cell, lines without TAB continue it
  (seeds/000_…: the number, activity, deadline, responsible and result cells of one row);
* a row per line: «1.<TAB>activity<TAB>deadline<TAB>responsible» (seeds/001_…).

A cell holding only an item number («1.2.», «18») starts a row; a cell with a number followed by
text («3.Внедрение …», «6.\\nКонтроль …») is a section header row.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, Field

from crawler.errors import InputError
from crawler.ru import MONTH_STEMS

DeadlineKind = Literal[
    "month",  # «февраль 2023г», «декабрь 2027 г.»
    "range",  # «май -июнь 2023 г», «апрель-сентябрь 2024 г.»
    "annual",  # «Ежегодно в январе и мае», «Ежегодно»
    "annual_not_later",  # «Ежегодно, не позднее 15 декабря»
    "continuous",  # «постоянно»
    "during_period",  # «В течение периода реализации»
    "per_plan",  # «согласно плану наставничества»
    "on_request",  # «По запросу»
    "dates",  # «май 2025 г., май 2026 г., май 2027 г.», «01.09.2024»
    "unknown",
]


class RoadmapError(ValueError):
    """A roadmap file that cannot be read or holds no items (Russian message naming the file)."""


class RoadmapNotFound(RoadmapError, FileNotFoundError):
    """The roadmap file does not exist (also a FileNotFoundError for callers that catch that)."""


class DayRange(BaseModel):
    """Days inside one month: «1-15 декабря» → (12, 1, 15); «не позднее 1 июня» → (6, None, 1)."""

    month: int
    start: int | None = None  # None: "not later than end"
    end: int


class YearMonth(BaseModel):
    year: int
    month: int


class Deadline(BaseModel):
    kind: DeadlineKind
    months: list[int] = Field(default_factory=list)  # every month named or spanned, sorted
    years: list[int] = Field(default_factory=list)
    day_ranges: list[DayRange] = Field(default_factory=list)
    occurrences: list[YearMonth] = Field(default_factory=list)  # month+year pairs when both are stated
    raw: str


class RoadmapItem(BaseModel):
    number: str  # normalized without the trailing dot: "1.2", "6", "18"
    section: str | None = None
    activity: str
    deadline: Deadline
    responsible: str = ""
    result: str = ""


class Roadmap(BaseModel):
    title: str
    approved_by: str | None = None
    items: list[RoadmapItem]

    def item(self, number: str) -> RoadmapItem | None:
        key = normalize_number(number)
        return next((i for i in self.items if i.number == key), None)


# ------------------------------------------------------------------------------------------- deadlines

# a month word in any case form: its stem and an ending («ма» only as май / мая / мае)
_MONTHS: list[tuple[str, int]] = [
    ("ма[йяе]" if stem == "ма" else rf"{stem}\w*", number) for number, stem in enumerate(MONTH_STEMS, 1)
]
_MONTH_RE = "|".join(f"(?:{p})" for p, _ in _MONTHS)
MONTH_WORD = re.compile(rf"\b(?:{_MONTH_RE})\b", re.IGNORECASE)
_YEAR = r"(?:19|20)\d\d"
_DASH = r"\s*[-–—]\s*"
RANGE_RE = re.compile(rf"\b({_MONTH_RE}){_DASH}({_MONTH_RE})\b", re.IGNORECASE)
DAY_RANGE_RE = re.compile(rf"\b(\d{{1,2}}){_DASH}(\d{{1,2}})\s+({_MONTH_RE})\b", re.IGNORECASE)
NOT_LATER_RE = re.compile(rf"не\s+позднее\s+(\d{{1,2}})\s+({_MONTH_RE})\b", re.IGNORECASE)
DAY_MONTH_RE = re.compile(rf"\b(\d{{1,2}})\s+({_MONTH_RE})\b", re.IGNORECASE)
NUMERIC_DATE_RE = re.compile(rf"\b(\d{{1,2}})\.(\d{{1,2}})\.({_YEAR})\b")
YEAR_RE = re.compile(rf"(?<!\d)({_YEAR})(?!\d)")
QUARTER_RE = re.compile(rf"\b(I{{1,3}}V?|IV|[1-4])\s*(?:-?й\s*)?кварт\w*(?:\s+({_YEAR}))?", re.IGNORECASE)
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "1": 1, "2": 2, "3": 3, "4": 4}


def month_number(word: str) -> int:
    low = word.lower()
    for pattern, number in _MONTHS:
        if re.fullmatch(pattern, low):
            return number
    raise ValueError(word)


def _norm_space(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\xa0", " ")).strip()


def parse_deadline(raw: str) -> Deadline:
    """Structured form of a roadmap deadline cell; kind "unknown" when nothing is recognized."""
    text = _norm_space(raw)
    low = text.lower().replace("ё", "е")
    months: set[int] = set()
    day_ranges: list[DayRange] = []
    consumed = low

    for m in DAY_RANGE_RE.finditer(low):
        month = month_number(m.group(3))
        day_ranges.append(DayRange(month=month, start=int(m.group(1)), end=int(m.group(2))))
        months.add(month)
    consumed = DAY_RANGE_RE.sub(" ", consumed)
    not_later = False
    for m in NOT_LATER_RE.finditer(consumed):
        month = month_number(m.group(2))
        day_ranges.append(DayRange(month=month, start=None, end=int(m.group(1))))
        months.add(month)
        not_later = True
    consumed = NOT_LATER_RE.sub(" ", consumed)
    for m in NUMERIC_DATE_RE.finditer(consumed):
        day, month = int(m.group(1)), int(m.group(2))
        if 1 <= month <= 12 and 1 <= day <= 31:
            day_ranges.append(DayRange(month=month, start=day, end=day))
            months.add(month)
    numeric_dates = bool(NUMERIC_DATE_RE.search(consumed))
    consumed = NUMERIC_DATE_RE.sub(" ", consumed)

    is_range = False
    for m in RANGE_RE.finditer(consumed):
        first, last = month_number(m.group(1)), month_number(m.group(2))
        span = range(first, last + 1) if first <= last else [*range(first, 13), *range(1, last + 1)]
        months.update(span)
        is_range = True
    consumed_no_range = RANGE_RE.sub(" ", consumed)
    for m in QUARTER_RE.finditer(consumed_no_range):
        quarter = _ROMAN.get(m.group(1).upper())
        if quarter:
            months.update(range(3 * quarter - 2, 3 * quarter + 1))
            is_range = True
    consumed_no_range = QUARTER_RE.sub(" ", consumed_no_range)
    for m in DAY_MONTH_RE.finditer(consumed_no_range):
        months.add(month_number(m.group(2)))
    plain_months = [month_number(m.group(0)) for m in MONTH_WORD.finditer(consumed_no_range)]
    months.update(plain_months)
    years = sorted({int(y) for y in YEAR_RE.findall(low)})

    occurrences: list[YearMonth] = []
    # «май 2025 г., май 2026 г., май 2027 г.»: pair each month word with the year right after it
    for m in re.finditer(rf"({_MONTH_RE})\s*({_YEAR})", low):
        occurrences.append(YearMonth(year=int(m.group(2)), month=month_number(m.group(1))))

    annual = bool(re.search(r"ежегодн|каждый\s+год|ежемесячн", low))
    if annual:
        if not_later and not plain_months and not is_range:
            kind: DeadlineKind = "annual_not_later"
        else:
            kind = "annual"
    elif len(occurrences) > 1 or numeric_dates:
        kind = "dates"
    elif is_range and months:
        kind = "range"
    elif months and years:
        kind = "month"
    elif not_later or day_ranges:
        kind = "dates"
    elif re.search(r"постоянн|систематическ|регулярн", low):
        kind = "continuous"
    elif re.search(r"в\s+течени\w*|весь\s+период", low):
        kind = "during_period"
    elif re.search(r"согласно\s+план|по\s+плану|в\s+соответствии\s+с\s+план", low):
        kind = "per_plan"
    elif re.search(r"по\s+запрос|по\s+мере\s+необходимост|по\s+необходимост", low):
        kind = "on_request"
    elif months:
        kind = "annual"  # a month without a year recurs every year («сентябрь, май»)
    elif years:
        kind = "during_period"  # «2023 год», «2023-2024 гг.»
    else:
        kind = "unknown"
    return Deadline(
        kind=kind,
        months=sorted(months),
        years=years,
        day_ranges=day_ranges,
        occurrences=occurrences,
        raw=text,
    )


# ------------------------------------------------------------------------------------------ tokenizing

NUMBER_CELL = re.compile(r"^(\d{1,2}(?:\.\d{1,2})*)\.?$")
HEADER_CELL = re.compile(r"^(\d{1,2}|[IVX]{1,4})\.\s*(\D.*)$", re.DOTALL)
SECTION_MARK = "\u241e"  # a merged, unnumbered row of a DOCX/PDF table: a section header
_MARKUP = re.compile(r"</?(?:i|b|u|em|strong|span|p|br)\s*/?>|\*\*|__", re.IGNORECASE)


def normalize_number(number: str) -> str:
    return number.strip().rstrip(".").strip()


def _clean(line: str) -> str:
    return _MARKUP.sub("", line).replace("\xa0", " ").rstrip("\r")


def _cells_from_text(text: str) -> tuple[list[str], list[str]]:
    """Split a text export into (preamble lines, table cells).

    The preamble is every line before the first cell; it holds the approval block and title.
    """
    preamble: list[str] = []
    cells: list[list[str]] = []
    open_cell = False  # a non-TAB line continues the last cell only right after it
    for raw in text.splitlines():
        line = _clean(raw)
        if "\t" in line:
            parts = line.split("\t")
            first = parts[0].strip()
            if first and cells and open_cell and not NUMBER_CELL.match(first):
                cells[-1].append(first)
            elif first:
                cells.append([first])
            for part in parts[1:]:
                cells.append([part.strip()])
            open_cell = True
        elif not line.strip():
            open_cell = False
            if not cells:
                preamble.append("")
        elif cells and open_cell:
            cells[-1].append(line.strip())
        elif not cells:
            preamble.append(line.strip())
        # text after a blank line inside or after the table (signatures, notes) is not a cell
    return preamble, ["\n".join(c).strip() for c in cells]


def _split_preamble(lines: list[str]) -> tuple[str, str | None]:
    paragraphs: list[str] = []
    current: list[str] = []
    for line in [*lines, ""]:
        if line.strip():
            current.append(line.strip())
        elif current:
            paragraphs.append(" ".join(current))
            current = []
    approved = None
    title = ""
    for para in paragraphs:
        low = para.lower()
        is_title = bool(re.search(r"дорожн\w*\s+карт|план\w*\s+мероприяти|программ\w+\s+наставн", low))
        if re.search(r"утвержд|приложени|приказ", low) and not (
            is_title and not low.startswith(("утвержд", "приложени"))
        ):
            if approved is None:
                approved = _norm_space(para)
            continue
        if is_title and not title:
            title = _norm_space(para)
    if not title and paragraphs:
        title = _norm_space(paragraphs[-1])
    return title.strip("* "), approved


def _rows_from_cells(cells: list[str]) -> list[tuple[str, str | None, list[str]]]:
    """Group cells into (number, section, cells) rows; header rows set the section."""
    rows: list[tuple[str, str | None, list[str]]] = []
    section: str | None = None
    current: list[str] | None = None
    for cell in cells:
        if not cell:
            continue
        if NUMBER_CELL.match(cell):
            current = []
            rows.append((normalize_number(cell), section, current))
            continue
        if cell.startswith(SECTION_MARK):
            section = _norm_space(cell[len(SECTION_MARK) :])
            current = None
            continue
        first_line = cell.split("\n", 1)[0].strip()
        header = HEADER_CELL.match(cell)
        if header and (NUMBER_CELL.match(first_line) or not (current is not None and len(current) < 3)):
            # «3.Внедрение …» or «6.\nКонтроль …»: a section header row, not a cell of an item
            section = _norm_space(f"{header.group(1)}. {header.group(2)}")
            current = None
            continue
        if current is not None:
            current.append(cell)
    return rows


def _item_from_cells(number: str, section: str | None, cells: list[str]) -> RoadmapItem:
    cells = [c for c in cells if c.strip()]
    deadline_at = None
    if len(cells) >= 2 and parse_deadline(cells[1]).kind != "unknown":
        deadline_at = 1
    else:
        for index, cell in enumerate(cells[1:], start=1):
            if parse_deadline(cell).kind != "unknown" and len(cell) < 120:
                deadline_at = index
                break
    if deadline_at is None:
        activity = "\n".join(cells[:1])
        deadline = parse_deadline("")
        rest = cells[1:]
    else:
        activity = "\n".join(cells[:deadline_at])
        deadline = parse_deadline(cells[deadline_at])
        rest = cells[deadline_at + 1 :]
    responsible = rest[0] if rest else ""
    result = " ".join(rest[1:]) if len(rest) > 1 else ""
    return RoadmapItem(
        number=number,
        section=section,
        activity=_norm_space(activity),
        deadline=deadline,
        responsible=_norm_space(responsible),
        result=_norm_space(result),
    )


def parse_roadmap_text(text: str, *, source: str = "") -> Roadmap:
    preamble, cells = _cells_from_text(text)
    title, approved = _split_preamble(preamble)
    items = [_item_from_cells(n, s, c) for n, s, c in _rows_from_cells(cells)]
    if not items:
        raise RoadmapError(f"{source}: в файле не найдено ни одного пункта дорожной карты")
    return Roadmap(title=title, approved_by=approved, items=items)


# ---------------------------------------------------------------------------------------------- DOCX


def _docx_to_text(path: Path) -> str:
    """Render DOCX paragraphs and tables into the cell-per-line text form parse_roadmap_text reads."""
    import docx  # python-docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(str(path))
    out: list[str] = []
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            out.append(Paragraph(child, document).text)
        elif tag == "tbl":
            table = Table(child, document)
            out.append("")
            for row in table.rows:
                seen: list[Any] = []
                texts: list[str] = []
                for cell in row.cells:
                    if any(cell._tc is s for s in seen):  # merged cells repeat; keep one
                        continue
                    seen.append(cell._tc)
                    texts.append(cell.text.strip())
                texts = [t for t in texts if t]
                if not texts:
                    continue
                if len(texts) == 1 and len(row.cells) > 1:
                    # one text across the whole row: a section header, numbered or not
                    mark = "" if HEADER_CELL.match(texts[0]) else SECTION_MARK
                    out.append("\t" + mark + _norm_space(texts[0]))
                    continue
                for text in texts:
                    lines = text.splitlines() or [""]
                    out.append("\t" + lines[0])
                    out.extend(line for line in lines[1:] if line.strip())
            out.append("")
    return "\n".join(out)


# ----------------------------------------------------------------------------------------------- PDF


def _cluster(values: list[float], tolerance: float = 1.5) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > tolerance:
            out.append(v)
    return out


def _pdf_to_text(path: Path) -> str:
    """Rebuild the table of a text PDF into the cell-per-line form parse_roadmap_text reads.

    Bordered tables (the usual case): the ruling lines and cell boxes drawn on the page give row and
    column bands, and every text run goes to the band holding its centre — robust to multi-line and
    vertically centred cells. A row band with an item number in the first column is an item; a band
    with «N. text» is a section header; other bands continue the previous item (rows split across
    pages). Without ruling lines, rows are anchored at the item numbers instead.
    """
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    pdf = pdfium.PdfDocument(str(path))
    pages: list[tuple[list[tuple[float, float, str]], list[float], list[float]]] = []
    boxes: list[list[tuple[float, float, float, float]]] = []  # cell rectangles per page
    heights: list[float] = []
    try:
        for page_index in range(len(pdf)):
            page = pdf[page_index]
            textpage = page.get_textpage()
            runs: list[tuple[float, float, str]] = []  # centre x, centre y (PDF units, y up), text
            for rect_index in range(textpage.count_rects()):
                left, bottom, right, top = textpage.get_rect(rect_index)
                text = _norm_space(textpage.get_text_bounded(left - 0.5, bottom - 0.5, right + 0.5, top + 0.5))
                if text:
                    runs.append(((left + right) / 2, (bottom + top) / 2, text))
                    heights.append(top - bottom)
            hs: list[float] = []
            vs: list[float] = []
            page_boxes: list[tuple[float, float, float, float]] = []
            for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH]):
                left, bottom, right, top = obj.get_bounds()
                if top - bottom <= 3 and right - left > 5:
                    hs.append((top + bottom) / 2)
                elif right - left <= 3 and top - bottom > 5:
                    vs.append((left + right) / 2)
                elif right - left > 5 and top - bottom > 5:
                    hs += [bottom, top]
                    vs += [left, right]
                    page_boxes.append((left, bottom, right, top))
            pages.append((runs, _cluster(hs), _cluster(vs)))
            boxes.append(page_boxes)
    finally:
        pdf.close()
    if not any(runs for runs, _, _ in pages):
        raise RoadmapError(f"{path}: в PDF нет текстового слоя (скан?) — распознайте его и повторите")
    if all(len(hs) >= 3 and len(vs) >= 3 for runs, hs, vs in pages if runs):
        return _pdf_bands_to_text(pages, boxes, sorted(heights)[len(heights) // 2])
    return _pdf_anchors_to_text(pages)


def _pdf_bands_to_text(
    pages: list[tuple[list[tuple[float, float, str]], list[float], list[float]]],
    boxes: list[list[tuple[float, float, float, float]]],
    line_height: float,
) -> str:
    preamble: list[str] = []
    out: list[str] = []
    current: dict[int, list[str]] | None = None
    seen_item = False

    def flush() -> None:
        if current is not None:
            for col in sorted(current):
                out.append("\t" + " ".join(current[col]))

    for (runs, hs, vs), page_boxes in zip(pages, boxes, strict=True):
        if not runs:
            continue
        top_line, bottom_line = hs[-1], hs[0]
        table_width = vs[-1] - vs[0]
        if not seen_item:
            above = sorted((r for r in runs if r[1] > top_line), key=lambda r: (-r[1], r[0]))
            for index, run in enumerate(above):
                if index and above[index - 1][1] - run[1] > 2.3 * line_height:
                    preamble.append("")  # a wider gap separates the approval block from the title
                preamble.append(run[2])
        bands = list(zip(hs[1:], hs[:-1], strict=True))[::-1]  # (upper, lower), top of page first
        for upper, lower in bands:
            cells: dict[int, list[str]] = {}
            for x, y, text in sorted(runs, key=lambda r: (-r[1], r[0])):
                if lower < y < upper and bottom_line < y < top_line:
                    col = sum(1 for v in vs if v < x) - 1
                    cells.setdefault(max(col, 0), []).append(text)
            if not cells:
                continue
            first = " ".join(cells.get(0, []))
            if NUMBER_CELL.match(first):
                flush()
                out.append("\t" + first)
                current = {c: t for c, t in cells.items() if c != 0}
                seen_item = True
            elif len(cells) == 1 and (
                HEADER_CELL.match(" ".join(next(iter(cells.values()))))
                or 0 in cells
                or any(
                    abs(b - lower) < 2 and abs(t - upper) < 2 and r - left >= 0.8 * table_width
                    for left, b, r, t in page_boxes
                )
            ):
                # a merged row: numbered («2. Мониторинг»), one cell box across the table, or text only
                # in the first column
                flush()
                current = None
                text = " ".join(next(iter(cells.values())))
                out.append("\t" + ("" if HEADER_CELL.match(text) else SECTION_MARK) + text)
            elif current is not None:
                for col, texts in cells.items():  # a row continued on the next page
                    current.setdefault(col, []).extend(texts)
    flush()
    return "\n".join([*preamble, "", *out])


def _pdf_anchors_to_text(pages: list[tuple[list[tuple[float, float, str]], list[float], list[float]]]) -> str:
    """Tables without ruling lines: a row starts at each item number of the leftmost column."""
    runs = [(index, -y, x, text) for index, (page_runs, _, _) in enumerate(pages) for x, y, text in page_runs]
    runs.sort(key=lambda r: (r[0], round(r[1]), r[2]))
    numbers = [r for r in runs if NUMBER_CELL.match(r[3])]
    if not numbers:
        return "\n".join(r[3] for r in runs)
    number_x = min(r[2] for r in numbers)
    anchors = [r for r in numbers if abs(r[2] - number_x) < 10]
    starts = _cluster([r[2] for r in runs if r[2] > number_x + 10], tolerance=25)
    out = [r[3] for r in runs if (r[0], r[1]) < (anchors[0][0], anchors[0][1] - 3)]
    out.append("")
    for index, anchor in enumerate(anchors):
        nxt = anchors[index + 1] if index + 1 < len(anchors) else None
        body = [
            r
            for r in runs
            if (r[0], r[1]) >= (anchor[0], anchor[1] - 3)
            and (nxt is None or (r[0], r[1]) < (nxt[0], nxt[1] - 3))
            and r is not anchor
        ]
        out.append("\t" + anchor[3])
        by_column: dict[int, list[str]] = {}
        for r in body:
            col = min(range(len(starts)), key=lambda i: abs(starts[i] - r[2])) if starts else 0
            by_column.setdefault(col, []).append(r[3])
        for col in sorted(by_column):
            out.append("\t" + " ".join(by_column[col]))
    return "\n".join(out)


# -------------------------------------------------------------------------------------------- facade


def parse_roadmap(path: Path) -> Roadmap:
    """Parse a roadmap file (.txt/.md as in seeds/, .docx tables, .pdf with a text layer)."""
    suffix = path.suffix.lower()
    if not path.exists():
        raise RoadmapNotFound(f"{path}: файл не найден")
    try:
        if suffix == ".docx":
            text = _docx_to_text(path)
        elif suffix == ".pdf":
            text = _pdf_to_text(path)
        else:
            raw = path.read_bytes()
            try:
                text = raw.decode("utf-8-sig")
            except UnicodeDecodeError:
                text = raw.decode("cp1251")
    except RoadmapError:
        raise
    except Exception as exc:  # a damaged DOCX/PDF: report, never a traceback
        raise RoadmapError(f"{path}: не удалось прочитать файл ({exc})") from None
    return parse_roadmap_text(text, source=str(path))


def periodic_months(roadmap: Roadmap, item_number: str = "5.1") -> list[int]:
    """Months of a recurring item (item 5.1 of the district roadmap → [1, 5])."""
    item = roadmap.item(item_number)
    if item is None:
        raise RoadmapError(f"в дорожной карте нет пункта {item_number}")
    return sorted(set(item.deadline.months) | {d.month for d in item.deadline.day_ranges})


def roadmap_to_data(roadmap: Roadmap) -> dict[str, Any]:
    return roadmap.model_dump(mode="json", exclude_defaults=False)


def roadmap_text(file: Path, fmt: str) -> str:
    """`crawler roadmap parse`: the items as YAML or JSON."""
    if fmt not in ("yaml", "json"):
        raise InputError(f"формат «{fmt}» не поддерживается; допустимы yaml и json.")
    try:
        data = roadmap_to_data(parse_roadmap(file))
    except RoadmapError as exc:
        raise InputError(str(exc)) from None
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=110)
