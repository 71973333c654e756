"""The brief, its appendix and the letters as DOCX (python-docx): editable in Word, the same content and numbering
as the HTML, laid out by ГОСТ Р 7.0.97-2025: A4, margins 20 mm (left, top, bottom) and 10 mm (right), 12 pt
text, page numbers from page 2 centred in the top margin, the signature on one line, «Исп.: …» at the bottom of
the last page.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_ROW_HEIGHT_RULE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import nsdecls, qn
from docx.section import Section
from docx.shared import Mm, Pt, RGBColor
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from crawler import __version__
from crawler.models import STATUS_RU, OrgKind, Status
from crawler.report.analysis import BriefView, OrgView, share_text
from crawler.report.chart_png import bar_chart_png, line_chart_png
from crawler.report.charts import build_charts
from crawler.report.exports import FILLS
from crawler.report.model import MARKS, ChangeKind, date_ru, safe_url
from crawler.report.wording import one_line_name

FONT = "Times New Roman"
MATRIX_HEADING = "2. Результаты мониторинга: сводная таблица"
TEXT_WIDTH_MM = 180  # A4 portrait minus 20 mm and 10 mm margins
WIDE_WIDTH_MM = 267  # A4 landscape minus the same margins
BLANK = "________________________________"


# ------------------------------------------------------------------ page and styles


def _setup_styles(doc: DocxDocument) -> None:
    """Times New Roman 12 pt everywhere, black headings: an office document, not Word's blue default."""
    for name, size, bold in (
        ("Normal", 12, False),
        ("Heading 1", 12, True),
        ("Heading 2", 12, True),
        ("Heading 3", 12, True),
        ("Title", 14, True),
    ):
        style = doc.styles[name]
        style.font.name = FONT
        style.font.size = Pt(size)
        style.font.bold = bold
        style.font.italic = False
        style.font.color.rgb = RGBColor(0, 0, 0)
        rpr = style.element.get_or_add_rPr()
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:
            fonts = OxmlElement("w:rFonts")
            rpr.append(fonts)
        for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(attr), FONT)
        for theme_attr in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
            fonts.attrib.pop(qn(theme_attr), None)
    normal = doc.styles["Normal"].paragraph_format
    normal.space_after = Pt(2)
    normal.space_before = Pt(0)
    normal.line_spacing = 1.0
    for name in ("Heading 1", "Heading 2", "Heading 3"):
        fmt = doc.styles[name].paragraph_format
        fmt.space_before = Pt(10)
        fmt.space_after = Pt(4)
        fmt.keep_with_next = True


def _margins(section: Section, landscape: bool) -> None:
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(297), Mm(210)
    else:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin, section.right_margin = Mm(20), Mm(10)
    section.top_margin = section.bottom_margin = Mm(20)
    section.header_distance = Mm(8)
    section.footer_distance = Mm(8)


def _field(paragraph: Paragraph, instruction: str) -> None:
    """A Word field (PAGE): Word and LibreOffice compute it when the document is shown or printed."""
    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run._r.append(begin)
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = f" {instruction} "
    run._r.append(code)
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    run._r.append(separate)
    run._r.append(_text_el("1"))
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run._r.append(end)


def _text_el(text: str) -> Any:
    t = OxmlElement("w:t")
    t.text = text
    t.set(qn("xml:space"), "preserve")
    return t


def _page_numbers(doc: DocxDocument) -> None:
    """Numbers centred in the top margin from page 2 (the first page's header is empty)."""
    first = doc.sections[0]
    first.different_first_page_header_footer = True
    paragraph = first.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _field(paragraph, "PAGE")
    for run in paragraph.runs:
        run.font.size = Pt(12)
        run.font.name = FONT


def _new_section(doc: DocxDocument, landscape: bool) -> Section:
    section = doc.add_section()
    _margins(section, landscape)
    section.different_first_page_header_footer = False  # numbered on its first page too
    return section


def _shade(cell: _Cell, hex_fill: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), hex_fill)
    tc_pr.append(shd)


def _repeat_header(table: Table) -> None:
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def _no_borders(table: Table) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tbl_pr.append(borders)


# --------------------------------------------------------------------------- linear building of large documents
# python-docx inserts every new paragraph or table before the body's closing w:sectPr by searching the body's
# children for it (O(N) per insertion, quadratic over a region's appendix), and finds a hyperlink's
# relationship by scanning every relationship of the part. The sentinel w:sectPr is always the body's last
# child: new blocks go right before it, and relationships are kept in a dict per part.


def _append_block(doc: DocxDocument, element: Any) -> None:
    body = doc.element.body
    try:
        last = body[-1]  # lxml: O(1) from the end
    except IndexError:
        last = None
    if last is not None and last.tag == qn("w:sectPr"):
        last.addprevious(element)
    else:
        body.append(element)


def add_paragraph(doc_or_cell: Any, text: str = "", style: str | None = None) -> Paragraph:
    """doc.add_paragraph in O(1) for a document's body (a table cell is small: its own method serves)."""
    if not isinstance(doc_or_cell, DocxDocument):
        return doc_or_cell.add_paragraph(text, style)
    p = OxmlElement("w:p")
    _append_block(doc_or_cell, p)
    paragraph = Paragraph(p, doc_or_cell._body)
    if text:
        paragraph.add_run(text)
    if style is not None:
        paragraph.style = style
    return paragraph


def add_table(doc: DocxDocument, rows: int, cols: int) -> Table:
    """doc.add_table in O(1)."""
    from docx.oxml.table import CT_Tbl

    tbl = CT_Tbl.new_tbl(rows, cols, doc._block_width)
    _append_block(doc, tbl)
    return Table(tbl, doc._body)


def add_row_cells(table: Table) -> list[_Cell]:
    """add_row_cells(table) in O(columns): python-docx's Row.cells lays out the whole table on every call."""
    tr = table._tbl.add_tr()
    for grid_col in table._tbl.tblGrid.gridCol_lst:
        tc = tr.add_tc()
        if grid_col.w is not None:
            tc.width = grid_col.w
    return [_Cell(tc, table) for tc in tr.tc_lst]


def _hyperlink_rid(part: Any, url: str) -> str:
    """The rId of an external hyperlink relationship, added once per URL and part."""
    links: dict[str, str] | None = getattr(part, "_nm_hyperlinks", None)
    if links is None:
        numbers = [int(r[3:]) for r in part.rels if r.startswith("rId") and r[3:].isdigit()]
        links = {}
        part._nm_hyperlinks = links
        part._nm_next_rid = max(numbers, default=0) + 1
    if url not in links:
        rid = f"rId{part._nm_next_rid}"
        part._nm_next_rid += 1
        part.rels.add_relationship(RELATIONSHIP_TYPE.HYPERLINK, url, rid, is_external=True)
        links[url] = rid
    return links[url]


def add_hyperlink(paragraph: Paragraph, url: str, text: str, size: Pt | None = None) -> None:
    """A real Word hyperlink (python-docx has no API for it); plain text for non-web schemes."""
    if safe_url(url) is None:
        run = paragraph.add_run(text)
        if size is not None:
            run.font.size = size
        return
    r_id = _hyperlink_rid(paragraph.part, url)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    color = OxmlElement("w:color")
    color.set(qn("w:val"), "00336B")
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    rpr.append(color)
    rpr.append(underline)
    if size is not None:
        sz = OxmlElement("w:sz")
        sz.set(qn("w:val"), str(int(size.pt * 2)))
        rpr.append(sz)
    run.append(rpr)
    run.append(_text_el(text))
    link.append(run)
    paragraph._p.append(link)


def _para(
    doc_or_cell,
    text: str = "",
    bold: bool = False,
    italic: bool = False,
    align: WD_ALIGN_PARAGRAPH | None = None,
    size: float | None = None,
) -> Paragraph:
    p = add_paragraph(doc_or_cell)
    if text:
        run = p.add_run(text)
        run.bold = bold
        run.italic = italic
        if size:
            run.font.size = Pt(size)
    if align is not None:
        p.alignment = align
    return p


def _labelled(doc: DocxDocument, label: str, text: str) -> Paragraph:
    p = add_paragraph(doc)
    p.add_run(label + " ").bold = True
    p.add_run(text)
    p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    return p


def _styled(doc: DocxDocument, style_id: str, text: str = "") -> Paragraph:
    """A paragraph with a style set by id: python-docx's lookup by name scans all styles on every call."""
    p = add_paragraph(doc, text)
    p._p.get_or_add_pPr().get_or_add_pStyle().val = style_id
    return p


def _heading(doc: DocxDocument, text: str, level: int) -> Paragraph:
    """A heading whose runs name the serif font directly (Word and LibreOffice otherwise fall back to theme fonts)."""
    p = _styled(doc, f"Heading{level}", text)
    for run in p.runs:
        run.font.name = FONT
        run.font.color.rgb = RGBColor(0, 0, 0)
        run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)
    return p


def _numbered(doc: DocxDocument, number: int, text: str = "", *, justify: bool = True) -> Paragraph:
    """«1. Текст» with a hanging indent: numbers typed, not Word's list numbering that runs on across lists."""
    p = add_paragraph(doc)
    fmt = p.paragraph_format
    fmt.left_indent = Mm(8)
    fmt.first_line_indent = Mm(-8)
    # a paragraph with line breaks inside is set flush left: justified, the line before a break is stretched
    p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY if justify else WD_ALIGN_PARAGRAPH.LEFT
    p.add_run(f"{number}.\t")
    tabs = fmt.tab_stops
    tabs.add_tab_stop(Mm(8))
    if text:
        p.add_run(text)
    return p


def _widths(table: Table, widths_mm: list[float]) -> None:
    """Fixed column widths (Word honours the cell widths, LibreOffice the grid); never wider than the page."""
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    if tbl_pr.find(qn("w:tblLayout")) is None:
        layout = OxmlElement("w:tblLayout")
        layout.set(qn("w:type"), "fixed")
        tbl_pr.append(layout)
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm, strict=True):
            cell.width = Mm(width)
    for col, width in zip(table.columns, widths_mm, strict=True):
        col.width = Mm(width)


def _rotate_header(table: Table, columns: range, height_mm: float) -> None:
    """Criterion titles written bottom-to-top, as in the HTML matrix, so narrow columns stay readable."""
    row = table.rows[0]
    row.height = Mm(height_mm)
    row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
    for i in columns:
        cell = row.cells[i]
        for run in cell.paragraphs[0].runs:
            run.bold = False
            run.font.size = Pt(9)
        direction = OxmlElement("w:textDirection")
        direction.set(qn("w:val"), "btLr")
        cell._tc.get_or_add_tcPr().append(direction)
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.LEFT


def _cell_text(
    cell: _Cell, text: str, size: float, bold: bool = False, align: WD_ALIGN_PARAGRAPH | None = None
) -> None:
    cell.text = ""
    paragraph = cell.paragraphs[0]
    paragraph.paragraph_format.space_after = Pt(0)
    run = paragraph.add_run(text)
    run.font.size = Pt(size)
    run.bold = bold
    if align is not None:
        paragraph.alignment = align


def _cell_margins(table: Table, mm: float = 1.0) -> None:
    """Narrow cell padding (Word's default 1.9 mm wastes a tenth of a narrow column)."""
    tbl_pr = table._tbl.tblPr
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), str(int(Mm(mm).twips)))
        el.set(qn("w:type"), "dxa")
        margins.append(el)
    tbl_pr.append(margins)


def _share(met: int, checked: int) -> str:
    """«9 из 12 (75 %)» that breaks, if at all, only before the bracket."""
    return share_text(met, checked).replace(" из ", "\u00a0из\u00a0").replace(" %", "\u00a0%")


def _table(
    doc: DocxDocument,
    header: list[str],
    rows: Iterable[list[str]],
    widths_mm: list[float],
    size: float = 10,
    center: Iterable[int] = (),
) -> Table:
    """A grid table with a shaded, repeated header row and fixed column widths.

    Built as one XML text and parsed once: cell by cell through python-docx, a region's appendix spent most
    of its time in python-docx's per-cell bookkeeping.
    """
    from xml.sax.saxutils import escape

    from docx.oxml import parse_xml

    centered = set(center)
    twips = [int(Mm(w).twips) for w in widths_mm]
    half_points = round(size * 2)
    pad = int(Mm(1.0).twips)

    def cell(text: str, width: int, *, head: bool, align_center: bool) -> str:
        shade = '<w:shd w:val="clear" w:color="auto" w:fill="F0F0F0"/>' if head else ""
        valign = '<w:vAlign w:val="center"/>' if head else ""
        jc = '<w:jc w:val="center"/>' if align_center else ""
        bold = "<w:b/><w:bCs/>" if head else ""
        pieces = []
        for k, line in enumerate(text.split("\n")):
            if k:
                pieces.append("<w:br/>")
            pieces.append(f'<w:t xml:space="preserve">{escape(line)}</w:t>')
        props = f'<w:rPr>{bold}<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/></w:rPr>'
        run = f"<w:r>{props}{''.join(pieces)}</w:r>"
        return (
            f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{shade}{valign}</w:tcPr>'
            f'<w:p><w:pPr><w:spacing w:after="0"/>{jc}</w:pPr>{run if text else ""}</w:p></w:tc>'
        )

    head_row = "".join(cell(t, w, head=True, align_center=True) for t, w in zip(header, twips, strict=True))
    body = "".join(
        "<w:tr>"
        + "".join(
            cell(t, w, head=False, align_center=i in centered) for i, (t, w) in enumerate(zip(row, twips, strict=True))
        )
        + "</w:tr>"
        for row in rows
    )
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in twips)
    xml = (
        f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/>'
        f'<w:jc w:val="center"/><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="{pad}" w:type="dxa"/>'
        f'<w:right w:w="{pad}" w:type="dxa"/></w:tblCellMar><w:tblLook w:val="04A0"/></w:tblPr>'
        f'<w:tblGrid>{grid}</w:tblGrid><w:tr><w:trPr><w:tblHeader w:val="true"/></w:trPr>{head_row}</w:tr>'
        f"{body}</w:tbl>"
    )
    tbl = parse_xml(xml)
    _append_block(doc, tbl)
    return Table(tbl, doc._body)


def _picture(doc: DocxDocument, png: bytes, caption: str, width_mm: float = 165) -> None:
    p = add_paragraph(doc)
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.keep_with_next = True
    p.add_run().add_picture(io.BytesIO(png), width=Mm(width_mm))
    _para(doc, caption, align=WD_ALIGN_PARAGRAPH.CENTER, size=10)


def _signature(doc: DocxDocument, position: str, name: str) -> None:
    """Position, signature line, initials and surname on one line (ГОСТ Р 7.0.97: the «Подпись» requisite)."""
    _para(doc, "")
    table = add_table(doc, 1, 3)
    _no_borders(table)
    cells = table.rows[0].cells
    _cell_text(cells[0], position, 12)
    _cell_text(cells[1], "", 12)
    line = cells[1].paragraphs[0]
    line.add_run("_" * 18).font.size = Pt(12)
    line.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _cell_text(cells[2], one_line_name(name), 12, align=WD_ALIGN_PARAGRAPH.RIGHT)
    for cell in cells:
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.BOTTOM
    _widths(table, [90, 45, 45])
    _keep_row(table)


def _page_break(doc: DocxDocument) -> None:
    from docx.enum.text import WD_BREAK

    add_paragraph(doc).add_run().add_break(WD_BREAK.PAGE)


def _keep_row(table: Table) -> None:
    for row in table.rows:
        tr_pr = row._tr.get_or_add_trPr()
        cant = OxmlElement("w:cantSplit")
        cant.set(qn("w:val"), "true")
        tr_pr.append(cant)


def _executor(doc: DocxDocument, executor: str) -> None:
    """«Исп.: …» in the bottom left corner of the last page: a frame anchored to the bottom of the text area."""
    p = add_paragraph(doc)
    run = p.add_run(f"Исп.: {executor or BLANK}")
    run.font.size = Pt(10)
    frame = OxmlElement("w:framePr")
    for attr, value in (
        ("w:w", str(int(Mm(120).twips))),
        ("w:wrap", "around"),
        ("w:vAnchor", "margin"),
        ("w:hAnchor", "margin"),
        ("w:xAlign", "left"),
        ("w:yAlign", "bottom"),
    ):
        frame.set(qn(attr), value)
    ppr = p._p.get_or_add_pPr()
    ppr.insert(0, frame)


# ------------------------------------------------------------------ the brief


def matrix_header(view: BriefView) -> list[str]:
    return [
        "№",
        "Организация",
        "Вид",
        *[f"{i}. {c.title}" for i, c in enumerate(view.data.criteria, 1)],
        "Баллы",
        "%",
        "Зона",
    ]


def _heading_block(doc: DocxDocument, view: BriefView) -> None:
    data = view.data
    _para(doc, data.issuer.upper(), bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    _para(doc, data.office, align=WD_ALIGN_PARAGRAPH.CENTER)
    _para(doc, "")
    _para(doc, "ИНФОРМАЦИОННАЯ СПРАВКА", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    _para(
        doc,
        f"по итогам мониторинга официальных сайтов образовательных организаций {view.district_gen} на наличие "
        "локальных актов и материалов по развитию системы наставничества педагогических работников "
        f"({view.period_title})",
        bold=True,
        align=WD_ALIGN_PARAGRAPH.CENTER,
    )
    _para(doc, date_ru(view.brief_date))


def method_text(view: BriefView) -> str:
    """«Метод» as the HTML says it (one wording for both formats)."""
    data = view.data
    n = len(data.criteria)
    crit_word = "критерию" if n % 10 == 1 and n % 100 != 11 else "критериям"
    text = (
        "автоматизированный обход каждого сайта от главной страницы, поиск раздела «Наставничество» и документов, "
        f"чтение их текста (в том числе сканов), проверка реквизитов и оценка по {n} {crit_word}"
        + (f" (редакция критериев от {date_ru(data.rules_edition)})" if data.rules_edition else "")
        + "."
    )
    if view.reevaluated:
        text += f" Оценка проведена по состоянию на {date_ru(data.today)}; сайты проверены {view.checked_on}."
    rechecked = [o for o in view.orgs if o.recheck_at]
    if rechecked:
        text += (
            " Повторно проверены и учтены в итогах: "
            + ", ".join(f"{o.org.name} ({(o.recheck_at or '')[:10]})" for o in rechecked)
            + "."
        )
    text += (
        " Недоступный сайт оценивается «не удалось проверить», а не «не выполнено». Подтверждение каждой оценки "
        "(адрес, цитата, копия документа) — в приложении."
    )
    if data.machine_limits:
        text += (
            " Ограничение проверки: на компьютере, выполнявшем проверку, не хватало программ для чтения части "
            "документов (перечень — в приложении); такие документы отмечены как непрочитанные, соответствующие "
            "критерии оценены не выше «частично» и подлежат ручной проверке."
        )
    return text


def write_brief_docx(view: BriefView, path: Path) -> Path:
    from crawler.report.render import kinds_text, zones_text

    data = view.data
    doc = Document()
    _setup_styles(doc)
    _margins(doc.sections[0], landscape=False)
    _page_numbers(doc)

    _heading_block(doc, view)
    _labelled(doc, "Основание:", data.basis + ".")
    _labelled(
        doc,
        "Цель:",
        "проверка наличия, полноты и актуальности локальных актов и материалов по развитию системы наставничества "
        "педагогических работников на официальных сайтах организаций.",
    )
    _labelled(doc, "Сроки проведения:", view.crawl_dates + ".")
    n = len(data.findings)
    orgs_word = "образовательной организации" if n % 10 == 1 and n % 100 != 11 else "образовательных организаций"
    _labelled(doc, "Объект:", f"официальные сайты {n} {orgs_word} ({kinds_text(view)}), перечень — в разделе 2.")
    _labelled(doc, "Метод:", method_text(view))

    _heading(doc, "1. Критерии и шкала оценки", level=1)
    zones = zones_text(data.zones)
    weighted = any(c.weight != 1 for c in data.criteria)
    add_paragraph(
        doc,
        "Критерий выполнен — 2 балла, выполнен частично — 1, не выполнен — 0; «не удалось проверить» не "
        "оценивается. Уровень выполнения — набранные баллы в процентах от максимума по проверенным критериям"
        + (f"; зоны: {zones}" if zones else "")
        + ". Критерии (в скобках — пункт дорожной карты"
        + (" и вес" if weighted else "")
        + "; содержание оценок — в приложении):",
    ).alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    items = []
    for i, c in enumerate(data.criteria, 1):
        extra = [f"п.\u00a0{', '.join(c.roadmap_items)}"] if c.roadmap_items else []
        extra += [f"вес {c.weight}"] if weighted else []
        items.append(f"{i}. {c.title}" + (f"\u00a0({'; '.join(extra)})" if extra else ""))
    half = (len(items) + 1) // 2
    table = add_table(doc, half, 2)
    _no_borders(table)
    for r in range(half):
        for col in range(2):
            k = col * half + r
            _cell_text(table.rows[r].cells[col], items[k] if k < len(items) else "", 12)
    _widths(table, [90, 90])

    # the matrix gets its own landscape section
    _new_section(doc, landscape=True)
    _heading(doc, MATRIX_HEADING, level=1)
    _para(
        doc,
        "+ выполнено, ± частично, − не выполнено, ? не удалось проверить; р — уточнено вручную; подтверждения — "
        "в приложении.",
        size=10,
    )
    table = _table(doc, matrix_header(view), [], widths_mm=[1] * len(matrix_header(view)), size=9)
    for o in view.orgs:
        cells = add_row_cells(table)
        name = o.org.name + ("\nсайт недоступен" if not o.org.reachable else "")
        for cell, text, align in zip(
            cells[:3], [str(o.index), name, o.kind], [WD_ALIGN_PARAGRAPH.CENTER, None, WD_ALIGN_PARAGRAPH.CENTER],
            strict=True,
        ):  # fmt: skip
            _cell_text(cell, text, 10, align=align)
        for cell, cv in zip(cells[3 : 3 + len(o.cells)], o.cells, strict=True):
            _cell_text(cell, cv.mark, 11, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
            if cv.manual:
                sup = cell.paragraphs[0].add_run("р")
                sup.font.superscript = True
                sup.font.size = Pt(8)
            _shade(cell, FILLS[cv.status])
        tail = [f"{o.points}/{o.max_points}" if o.max_points else "—", o.score_text, o.zone or "—"]
        for cell, text in zip(cells[3 + len(o.cells) :], tail, strict=True):
            _cell_text(cell, text, 10, align=WD_ALIGN_PARAGRAPH.CENTER)
        for cell in cells:
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    fixed = 9 + 13 + 17 + 16 + 22
    crit_w = 10.0
    name_w = WIDE_WIDTH_MM - fixed - crit_w * len(data.criteria)
    if name_w < 50:  # many criteria: narrower marks, the name keeps 50 mm
        crit_w = max(6.0, (WIDE_WIDTH_MM - fixed - 50) / max(1, len(data.criteria)))
        name_w = WIDE_WIDTH_MM - fixed - crit_w * len(data.criteria)
    _widths(table, [9, name_w, 13, *[crit_w] * len(data.criteria), 17, 16, 22])
    _rotate_header(table, range(3, 3 + len(data.criteria)), height_mm=55)

    _district_section(doc, view)

    _new_section(doc, landscape=False)
    _heading(doc, "4. Выполнение критериев", level=1)
    kinds_present = [k for k in OrgKind if view.kind_counts.get(k)]
    share_w = (TEXT_WIDTH_MM - 50 - 4 * 8) / (1 + len(kinds_present))
    _para(
        doc,
        "Число организаций по оценкам; выполнили критерий — всего и по видам организаций, от числа проверенных",
        italic=True,
        size=10,
    )
    _table(
        doc,
        ["Критерий", "+", "±", "−", "?", "Всего", *[k.value for k in kinds_present]],
        (
            [
                f"{i}. {st.criterion.title}",
                str(st.counts[Status.met]),
                str(st.counts[Status.partial]),
                str(st.counts[Status.not_met]),
                str(st.counts[Status.unknown]),
                _share(st.met, st.checked),
                *[_share(st.by_kind[k].met, st.by_kind[k].checked) for k in kinds_present],
            ]
            for i, st in enumerate(view.stats, 1)
        ),
        widths_mm=[50, 8, 8, 8, 8, *[share_w] * (1 + len(kinds_present))],
        center=range(1, 6 + len(kinds_present)),
    )
    charts = build_charts(view)
    number = 1
    _picture(doc, bar_chart_png(charts.shares), f"Рисунок {number} — {charts.shares.caption}")
    if charts.scores:
        number += 1
        _picture(doc, bar_chart_png(charts.scores), f"Рисунок {number} — {charts.scores.caption}")
    if charts.trend:
        number += 1
        _picture(doc, line_chart_png(charts.trend), f"Рисунок {number} — {charts.trend.caption}", width_mm=140)

    _heading(doc, "5. Изменения по сравнению с предыдущим мониторингом", level=1)
    if view.previous_title is None:
        add_paragraph(doc, "Предыдущий мониторинг в базе отсутствует; сравнение не проводилось.")
    else:
        t = view.change_totals
        add_paragraph(
            doc,
            f"Сравнение с мониторингом ({view.previous_title}): исправлено — {t[ChangeKind.fixed]}, "
            f"улучшено — {t[ChangeKind.improved]}, ухудшилось — {t[ChangeKind.regressed]}, новых позиций (нет данных "
            f"прошлого периода) — {t[ChangeKind.new]}, не сравнимо (сайт не проверен в одном из периодов) — "
            f"{t[ChangeKind.incomparable]}, без изменений — {t[ChangeKind.unchanged]}.",
        ).alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        if view.changed_groups:
            _table(
                doc,
                ["Организация", "Изменения оценок (было → стало)"],
                ([g.org_name, change_text(view, g)] for g in view.changed_groups),
                widths_mm=[62, TEXT_WIDTH_MM - 62],
            )
        elif not view.new_orgs:
            add_paragraph(doc, "Изменений оценок не выявлено.")
        if view.new_orgs:
            add_paragraph(
                doc,
                "Не участвовали в предыдущем мониторинге (их оценки — новые позиции): "
                + ", ".join(g.org_name for g in view.new_orgs)
                + ".",
            ).alignment = WD_ALIGN_PARAGRAPH.JUSTIFY

    _heading(doc, "6. Выводы", level=1)
    for i, line in enumerate(view.conclusions, 1):
        _numbered(doc, i, line)

    _heading(doc, "7. Рекомендации", level=1)
    if view.rec_groups:
        add_paragraph(
            doc,
            f"Руководителям образовательных организаций и кураторам наставничества {view.deadline_text} (перечень "
            "замечаний и подтверждения по каждой организации — в письмах организациям и в приложении):",
        ).alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        for i, group in enumerate(view.rec_groups, 1):
            p = _numbered(doc, i)
            if group.title:
                p.add_run(group.title + ". ").bold = True
            p.add_run(recommendation_text(group))
    else:
        add_paragraph(doc, "Замечаний нет: все проверенные организации выполняют критерии мониторинга.")

    _signature(doc, data.signatory_position, data.signatory_name)
    _executor(doc, data.executor)
    doc.save(str(path))
    return path


DISTRICT_HEADING = "3. Формы наставничества и включённость педагогов"


def district_intro(view: BriefView) -> str:
    """The first words of section 3 (the same in HTML and DOCX)."""
    dv = view.district
    assert dv is not None
    text = (
        f"По документам организаций (приказы о закреплении пар, базы наставников, отчёты) на {dv.academic_year} "
        "учебный год (пп. 5.2, 5.5 дорожной карты); в скобках — иное число по другому документу организации"
    )
    if dv.forms:
        text += "; по формам — пар (групп) в приказе, «+» — форма названа без числа"
    return text + "."


def practices_line(view: BriefView) -> str:
    """The brief's sentence on the registry of practices (the same words as the HTML)."""
    from crawler.report.model import plural

    m = len(view.practices)
    if not m:
        return "Материалов о практиках наставничества (кейсов, новостей, методических разработок) на сайтах не найдено."
    text = (
        f"Реестр успешных практик наставничества (п. 4.1) — отдельным файлом: {m} "
        f"{plural(m, 'материал', 'материала', 'материалов')}"
    )
    if view.previous_title is not None:
        text += f", из них впервые найдено в этом мониторинге — {len(view.new_practices)}"
    return text + "."


def _district_section(doc: DocxDocument, view: BriefView) -> None:
    """Section 5 on a landscape page of its own, as in the HTML: numbers per organization, forms, totals."""
    from crawler.report.district import COUNTS

    dv = view.district
    assert dv is not None
    _page_break(doc)  # the landscape section of the matrix goes on: its own page after it
    _heading(doc, DISTRICT_HEADING, level=1)
    _para(doc, district_intro(view), size=9).alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    change_title = f"Изменения с прошлого мониторинга ({dv.previous_title})" if dv.has_changes else None
    header = ["№", "Организация", "Настав\u00adников", "Настав\u00adляемых", "Пар", "Групп", *dv.forms]
    header += [change_title] if change_title else []
    table = _table(doc, header, [], widths_mm=[1] * len(header), size=9)
    n_forms = len(dv.forms)

    def add_row(cells_text: list[str], *, italic: bool = False, bold: bool = False, merge_state: str = "") -> None:
        cells = add_row_cells(table)
        for i, (cell, text) in enumerate(zip(cells, cells_text, strict=True)):
            _cell_text(
                cell,
                text,
                9 if i != len(cells) - 1 or not change_title else 8,
                bold=bold,
                align=None if i in (1, len(cells) - 1) and (i == 1 or change_title) else WD_ALIGN_PARAGRAPH.CENTER,
            )
            for run in cell.paragraphs[0].runs:
                run.italic = italic
        if merge_state:
            merged = cells[2].merge(cells[5])
            _cell_text(merged, merge_state, 9, align=WD_ALIGN_PARAGRAPH.CENTER)
            merged.paragraphs[0].runs[0].italic = True

    for kind_total in dv.totals[:-1]:
        for r in (r for r in dv.rows if r.kind == kind_total.kind):
            numbers = [r.counts[w].text for w in COUNTS] if r.has_data else ["", "", "", ""]
            row = [str(r.index), r.name, *numbers, *[r.form_cell(f) for f in dv.forms]]
            row += [r.change] if change_title else []
            add_row(row, merge_state="" if r.has_data else r.state)
        if len(dv.totals) > 2:
            row = ["", f"Итого {kind_total.label} (сведения у {kind_total.with_data} из {kind_total.orgs})"]
            row += [kind_total.sum_text(w) for w in COUNTS] + [kind_total.form_text(f) for f in dv.forms]
            row += [kind_total.change] if change_title else []
            add_row(row, italic=True)
    t = dv.district
    row = ["", f"Всего по округу (сведения у {t.with_data} из {t.orgs})"]
    row += [t.sum_text(w) for w in COUNTS] + [t.form_text(f) for f in dv.forms]
    row += [t.change] if change_title else []
    add_row(row, bold=True)
    change_w = 62.0 if change_title else 0.0
    form_w = 12.0
    fixed = 9 + 4 * 20 + form_w * n_forms + change_w
    widths = [9, WIDE_WIDTH_MM - fixed, *[20] * 4, *[form_w] * n_forms] + ([change_w] if change_title else [])
    _widths(table, widths)
    if n_forms:
        _rotate_header(table, range(6, 6 + n_forms), height_mm=26)
    if dv.forms_named:
        _para(
            doc,
            "Формы наставничества педагогов, названные в документах (число организаций): "
            + ", ".join(f"«{f}» — {n}" for f, n in dv.forms_named)
            + ".",
            size=9,
        )
    _para(doc, practices_line(view), size=9)


def change_text(view: BriefView, group) -> str:  # type: ignore[no-untyped-def]
    """«исправлено: Приказ о закреплении пар (± → +); ухудшилось: …» — one organization's changes."""
    parts = []
    for items, word, kind in (
        (group.fixed, "исправлено", "fixed"),
        (group.improved, "улучшено", "improved"),
        (group.regressed, "ухудшилось", "regressed"),
        (group.new, "новые позиции", "new"),
    ):
        if not items:
            continue
        if kind == "new" and group.new_org:
            parts.append("не участвовала в предыдущем мониторинге")
            continue
        listed = ", ".join(
            f"{view.criterion_title(c.criterion)} ({MARKS[c.before] + ' → ' if c.before else ''}{MARKS[c.after]})"
            for c in items
        )
        parts.append(f"{word}: {listed}")
    return "; ".join(parts)


def recommendation_text(group) -> str:  # type: ignore[no-untyped-def]
    """The text of one grouped recommendation, as the HTML renders it."""
    text = ""
    if group.missing:
        names = ", ".join(r.name + (f" ({r.note})" if r.note else "") for r in group.missing)
        text = f"{group.action}: {names}."
    if group.partial:
        subs = "; ".join(
            (f"{sub.reason} — " if sub.reason else "") + ", ".join(r.name for r in sub.orgs) for sub in group.partial
        )
        text += (" " if text else "") + f"{group.partial_action}: {subs}."
    return text


# ------------------------------------------------------------------ the appendix


def write_appendix_docx(view: BriefView, path: Path) -> Path:
    from crawler.report.render import zone_words

    data = view.data
    doc = Document()
    _setup_styles(doc)
    _margins(doc.sections[0], landscape=False)
    _page_numbers(doc)
    mark = _para(doc, f"Приложение\nк информационной справке\nот {date_ru(view.brief_date)}")
    mark.paragraph_format.left_indent = Mm(110)
    _para(
        doc,
        f"Сведения по организациям: подтверждения оценок\n(мониторинг сайтов, {view.period_title})",
        bold=True,
        align=WD_ALIGN_PARAGRAPH.CENTER,
    )
    add_paragraph(
        doc,
        "Для каждой организации — оценка по каждому критерию с обоснованием, адресом страницы или документа, "
        "цитатой и сохранённой копией"
        + (f" (каталог «{data.archive_dir}» рядом с файлом справки)" if data.archive_dir else "")
        + f", и перечень найденных документов о наставничестве. Время указано {zone_words(data.timezone)}. "
        "Номера организаций — как в сводной таблице справки.",
    ).alignment = WD_ALIGN_PARAGRAPH.JUSTIFY

    _heading(doc, "1. Критерии оценки", level=1)
    _table(
        doc,
        ["№", "Критерий (пункт дорожной карты)", "Выполнено (2)", "Частично (1)", "Не выполнено (0)"],
        (
            [
                str(i),
                c.title + (f" (п. {', '.join(c.roadmap_items)})" if c.roadmap_items else ""),
                c.met or "—",
                c.partial or "—",
                c.not_met or "—",
            ]
            for i, c in enumerate(data.criteria, 1)
        ),
        widths_mm=[8, 40, 44, 44, 44],
        size=9,
        center=[0],
    )

    _heading(doc, "2. Организации", level=1)
    for o in view.orgs:
        _org_detail(doc, o)

    _heading(doc, "3. Технические сведения", level=1)
    _para(
        doc,
        f"Версия набора критериев: {data.rules_version or '—'}"
        + (f" (редакция от {date_ru(data.rules_edition)})" if data.rules_edition else "")
        + f"; программа мониторинга {__version__}; часовой пояс округа: {data.timezone}."
        + (
            " Ограничение проверки — на компьютере не хватало программ: " + "; ".join(data.machine_limits) + "."
            if data.machine_limits
            else ""
        ),
        size=10,
    )
    doc.save(str(path))
    return path


def _org_detail(doc: DocxDocument, o: OrgView) -> None:
    from crawler.report.render import sentence, shown_quote

    _heading(doc, f"{o.index}. {o.org.name} ({o.kind})", level=2)
    p = add_paragraph(doc)
    p.add_run("Сайт: ").font.size = Pt(10)
    add_hyperlink(p, o.org.site, o.org.site, Pt(10))
    facts = f"; проверен {o.checked_at}"
    if o.recheck_at:
        facts += f"; повторная проверка {o.recheck_at} (учтена в итогах)"
    p.add_run(facts + ".").font.size = Pt(10)
    if not o.org.reachable:
        failure = o.failure
        reason = (failure.plain + (f" ({failure.detail})" if failure.detail else "")) if failure else "—"
        n = len(o.cells)
        _para(
            doc,
            f"Сайт недоступен: {reason}. Все {n} критериев — «не удалось проверить» (в расчёт долей не включаются).",
            size=10,
        )
        for a in o.attempts:
            status = a.error or (f"код ответа сервера {a.status}" if a.status else "нет ответа")
            line = _para(doc, f"{a.at} — {a.url} — {status}", size=10)
            line.paragraph_format.left_indent = Mm(6)
        return
    p.add_run(" Раздел «Наставничество»: ").font.size = Pt(10)
    if o.org.section_url:
        add_hyperlink(p, o.org.section_url, o.org.section_url, Pt(10))
        if o.org.menu_path:
            p.add_run(" (путь в меню: " + " › ".join(["Главная", *o.org.menu_path]) + ")").font.size = Pt(10)
    else:
        p.add_run(o.section_state).font.size = Pt(10)
    level = f". Уровень выполнения — {o.score_text}" + (f" (зона «{o.zone}»)" if o.zone else "")
    p.add_run(level + f", баллов {o.points} из {o.max_points}.").font.size = Pt(10)

    docs = o.mentoring_documents
    if docs:
        _para(doc, "Документы о наставничестве на сайте", italic=True, size=10)
        table = _table(
            doc,
            ["№", "Вид", "Название (ссылка на документ)", "Реквизиты", "ЭП", "Копия"],
            ([str(d.no), d.type_ru, "", d.requisites, d.signed, "есть" if d.archived_href else "—"] for d in docs),
            widths_mm=[8, 38, 76, 30, 12, 16],
            center=[0, 3, 4, 5],
        )
        for row, d in zip(table.rows[1:], docs, strict=True):
            paragraph = row.cells[2].paragraphs[0]
            add_hyperlink(paragraph, d.url, d.title or d.url, Pt(10))
            if d.error:
                paragraph.add_run(f"\n{d.error}").italic = True
    else:
        _para(doc, "Документы о наставничестве на сайте не найдены.", size=10)
    _para(doc, "Оценки и их подтверждения", italic=True, size=10)
    table = _table(
        doc,
        ["Критерий", "Оценка", "Обоснование; подтверждение: документ (№ в таблице выше) или страница, цитата"],
        ([f"{i}. {c.criterion.title}", f"{c.mark} {c.label}", ""] for i, c in enumerate(o.cells, 1)),
        widths_mm=[40, 24, 116],
    )
    for row, c in zip(table.rows[1:], o.cells, strict=True):
        _shade(row.cells[1], FILLS[c.status])
        if c.manual:
            row.cells[1].paragraphs[0].add_run(f"\n{c.manual_text}").italic = True
        paragraph = row.cells[2].paragraphs[0]
        paragraph.add_run(sentence(c.note)).font.size = Pt(10)
        if c.other_remarks:
            run = paragraph.add_run("\nЗамечания: " + "; ".join(c.other_remarks) + ".")
            run.italic = True
            run.font.size = Pt(10)
        for ev in c.evidence:
            paragraph.add_run("\n→ ").font.size = Pt(10)
            add_hyperlink(paragraph, ev.url, f"документ {ev.doc_no}" if ev.doc_no else ev.shown_url, Pt(10))
            quote = shown_quote(ev.quote, c.note)
            if quote:
                paragraph.add_run(f": «{quote}»").font.size = Pt(10)
    if o.facts_lines:
        _para(doc, "Сведения о наставничестве (пп. 5.2, 5.5), по документам организации:", italic=True, size=10)
        for fact in o.facts_lines:
            _para(doc, f"– {fact}", size=10).paragraph_format.left_indent = Mm(5)
    if o.other_documents:
        other = f"Других документов на просмотренных страницах: {o.other_documents} (к наставничеству не относятся)."
        _para(doc, other, size=10)


# ------------------------------------------------------------------ letters


def write_letter_docx(view: BriefView, o: OrgView, path: Path) -> Path:
    from crawler.report.render import shown_quote

    data = view.data
    org = o.org
    doc = Document()
    _setup_styles(doc)
    _margins(doc.sections[0], landscape=False)
    _page_numbers(doc)
    head = add_table(doc, 1, 2)
    _no_borders(head)
    left, right = head.rows[0].cells
    _cell_text(left, data.issuer.upper(), 11, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    _para(left, data.office, align=WD_ALIGN_PARAGRAPH.CENTER, size=11)
    _para(left, "от ______________ № ______________", align=WD_ALIGN_PARAGRAPH.CENTER, size=11)
    _cell_text(right, "Руководителю", 12)
    right.add_paragraph().add_run(org.name).bold = True
    _widths(head, [95, 85])
    _para(doc, "")
    _para(
        doc,
        "О результатах мониторинга официального сайта по вопросам развития системы наставничества",
        bold=True,
        align=WD_ALIGN_PARAGRAPH.CENTER,
    )
    add_paragraph(doc, "Уважаемый руководитель!")
    p = add_paragraph(
        doc,
        f"В соответствии с {data.basis} проведён мониторинг официальных сайтов образовательных организаций "
        f"({view.period_title}). Официальный сайт организации ",
    )
    add_hyperlink(p, org.site, org.site)
    p.add_run(
        f" проверен {o.checked_at}"
        + (f" (повторно — {o.recheck_at})" if o.recheck_at else "")
        + (f"; документы оценены по состоянию на {date_ru(data.today)}" if view.reevaluated else "")
        + "."
    )
    if not org.reachable:
        failure = o.failure
        reason = (failure.plain + (f" ({failure.detail})" if failure.detail else "")) if failure else "—"
        add_paragraph(
            doc,
            f"Сайт открыть не удалось: {reason}. Оценка по критериям не проводилась (это не считается невыполнением).",
        )
        for a in o.attempts:
            status = a.error or (f"код ответа сервера {a.status}" if a.status else "нет ответа")
            _para(doc, f"{a.at} — {a.url} — {status}", size=10).paragraph_format.left_indent = Mm(6)
        add_paragraph(
            doc,
            f"Просим обеспечить доступность официального сайта и сообщить в ИДК для повторной проверки "
            f"{view.deadline_text}.",
        )
    else:
        p = add_paragraph(
            doc, f"Уровень выполнения критериев — {o.score_text}" + (f" (зона «{o.zone}»)." if o.zone else ".")
        )
        p.add_run(" Раздел «Наставничество»: ")
        if org.section_url:
            add_hyperlink(p, org.section_url, org.section_url)
            p.add_run(".")
        else:
            p.add_run(o.section_state + ".")
        done = [c for c in o.cells if c.status == Status.met]
        if done:
            _para(doc, "На сайте размещено:", bold=True)
            for c in done:
                q = _styled(doc, "ListBullet")
                q.add_run(c.criterion.title + (": " if c.evidence else ""))
                for k, ev in enumerate(c.evidence[:2]):
                    if k:
                        q.add_run("; ")
                    add_hyperlink(q, ev.url, ev.title or ev.url)
        if o.recommendations:
            _para(doc, f"Требует устранения {view.deadline_text}:", bold=True)
            for i, r in enumerate(o.recommendations, 1):
                q = _numbered(doc, i, justify=False)
                title = r.criterion.title if r.criterion else "Сайт"
                q.add_run(title + (f" ({STATUS_RU[r.status]})" if r.status else "") + ": ").bold = True
                q.add_run(r.text + " ")
                q.add_run("Что сделать: ").italic = True
                q.add_run(r.advice)
                cells = [c for c in o.cells if r.criterion and c.criterion.id == r.criterion.id]
                for c in cells:
                    for ev in c.evidence[:2]:
                        q.add_run("\nПроверено: ").font.size = Pt(10)
                        add_hyperlink(q, ev.url, ev.title or ev.url, Pt(10))
                        quote = shown_quote(ev.quote, c.note)
                        if quote:
                            q.add_run(f" — «{quote}»").font.size = Pt(10)
        else:
            add_paragraph(doc, "Замечаний по результатам мониторинга нет. Благодарим за системную работу.")
    add_paragraph(
        doc,
        "Итоги мониторинга будут учтены при подготовке информационной справки. По вопросам оценки можно "
        f"обратиться в {data.office}.",
    )
    _signature(doc, data.signatory_position, data.signatory_name)
    _executor(doc, data.executor)
    doc.save(str(path))
    return path
