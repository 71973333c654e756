"""Deterministic generator of real documents (PDF, scans, DOCX, ODT, RTF, XLSX, HTML, TXT, DOC) from plain text.

The input is the full document text, top to bottom:
- a line starting with "# " is a heading (bold, centered);
- a line containing "\\t" is a table row; consecutive rows form one table;
- an empty line is vertical space; anything else is a paragraph.

Two-column tables whose first row starts with an approval keyword (ПРИНЯТО, УТВЕРЖДЕНО, …) are stamp blocks
and are drawn without borders, as on real documents.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import html
import io
import os
import random
import tempfile
import threading
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fpdf import FPDF
from fpdf.enums import TextMode
from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONT_REGULAR = FONT_DIR / "DejaVuSans.ttf"
FONT_BOLD = FONT_DIR / "DejaVuSans-Bold.ttf"
FIXTURES_DIR = Path(__file__).parent / "fixtures"

FORMATS = ("pdf", "pdf_scan", "pdf_broken", "jpg", "docx", "odt", "rtf", "xlsx", "html", "txt", "doc")
STAMP_WORDS = ("ПРИНЯТО", "УТВЕРЖДЕНО", "УТВЕРЖДАЮ", "СОГЛАСОВАНО", "РАССМОТРЕНО")
# A fixed timestamp keeps every generated file byte-identical between runs.
FIXED_TIME = dt.datetime(2025, 9, 1, 9, 0, 0, tzinfo=dt.UTC)


class DocgenError(ValueError):
    """Raised when a document cannot be generated (unknown format, missing .doc fixture)."""


@dataclass(frozen=True)
class Block:
    kind: str  # "heading" | "para" | "table" | "space"
    text: str = ""
    rows: tuple[tuple[str, ...], ...] = ()

    @property
    def is_stamp(self) -> bool:
        if self.kind != "table" or not self.rows:
            return False
        first = " ".join(self.rows[0]).upper()
        return max(len(r) for r in self.rows) == 2 and any(w in first for w in STAMP_WORDS)


def parse_blocks(lines: list[str]) -> list[Block]:
    """Group text lines into headings, paragraphs, tables and spacing."""
    blocks: list[Block] = []
    table: list[tuple[str, ...]] = []
    for raw in lines:
        line = raw.rstrip("\r\n")
        if "\t" in line:
            table.append(tuple(cell.strip() for cell in line.split("\t")))
            continue
        if table:
            blocks.append(Block("table", rows=_pad_rows(table)))
            table = []
        if line.startswith("# "):
            blocks.append(Block("heading", text=line[2:].strip()))
        elif not line.strip():
            blocks.append(Block("space"))
        else:
            blocks.append(Block("para", text=line.strip()))
    if table:
        blocks.append(Block("table", rows=_pad_rows(table)))
    return blocks


def _pad_rows(rows: list[tuple[str, ...]]) -> tuple[tuple[str, ...], ...]:
    width = max(len(r) for r in rows)
    return tuple(r + ("",) * (width - len(r)) for r in rows)


def plain_text(lines: list[str]) -> str:
    """The document text as a reader would see it (headings without '#', table cells joined by tabs)."""
    return "\n".join(line[2:] if line.startswith("# ") else line for line in lines)


def render(fmt: str, lines: list[str], *, seed: int = 0) -> bytes:
    """Render `lines` as a document of format `fmt`; the same input always gives the same bytes."""
    if fmt not in FORMATS:
        raise DocgenError(f"Неизвестный формат документа: {fmt!r}; допустимые: {', '.join(FORMATS)}")
    if not lines:
        raise DocgenError("Пустой документ: нечего выводить")
    blocks = parse_blocks(lines)
    match fmt:
        case "pdf":
            return _render_pdf(blocks)
        case "pdf_scan":
            return _render_scan_pdf(blocks, seed=seed)
        case "pdf_broken":
            return _render_broken_pdf(blocks, seed=seed)
        case "jpg":
            pages = _raster_pages(blocks, dpi=200)
            return _to_jpeg(_scanify(pages[0], random.Random(seed)))
        case "docx":
            return _render_docx(blocks)
        case "odt":
            return _render_odt(blocks)
        case "rtf":
            return _render_rtf(blocks, cp1251=bool(seed % 2))
        case "xlsx":
            return _render_xlsx(blocks)
        case "html":
            return _render_html(blocks).encode("utf-8")
        case "txt":
            return (plain_text(lines).rstrip("\n") + "\n").encode("utf-8")
        case "doc":
            return doc_fixture_bytes(lines)
    raise AssertionError(fmt)  # pragma: no cover


# --------------------------------------------------------------------------------------------- PDF (text)


def _new_pdf() -> FPDF:
    pdf = FPDF(format="A4", unit="mm")
    pdf.set_creation_date(FIXED_TIME)
    pdf.set_creator("Тонкинский МО")
    pdf.set_margins(20, 15, 15)
    pdf.set_auto_page_break(True, margin=15)
    regular, bold = _pdf_fonts()
    pdf.add_font("DejaVu", "", regular)
    pdf.add_font("DejaVu", "B", bold)
    return pdf


@functools.cache
def _pdf_fonts() -> tuple[str, str]:
    """DejaVu Sans regular and bold reduced to Latin, Cyrillic and punctuation.

    fpdf2 parses every glyph of a font on add_font (~0.15 s for the full DejaVu, twice per document); the
    reduced copies, written once per machine, make a PDF about ten times faster to produce.
    """
    from fontTools import subset
    from fontTools.ttLib import TTFont

    out = Path(tempfile.gettempdir()) / "crawler-docgen-fonts-v1"
    try:
        out.mkdir(exist_ok=True)
    except OSError:  # no writable temp dir: the full fonts work, only slower
        return str(FONT_REGULAR), str(FONT_BOLD)
    unicodes = [*range(0x20, 0x250), *range(0x400, 0x530), *range(0x2000, 0x2070), 0x2116, 0x2122]
    paths = []
    for src in (FONT_REGULAR, FONT_BOLD):
        dst = out / src.name
        if not dst.exists():
            font = TTFont(str(src))
            options = subset.Options()
            options.name_IDs = ["*"]
            options.notdef_outline = True
            options.drop_tables = [*options.drop_tables, "FFTM"]
            subsetter = subset.Subsetter(options)
            subsetter.populate(unicodes=unicodes)
            subsetter.subset(font)
            tmp = out / f"{src.name}.{os.getpid()}.{threading.get_ident()}.tmp"
            font.save(str(tmp))
            os.replace(tmp, dst)  # atomic: concurrent writers produce the same file
        paths.append(str(dst))
    return paths[0], paths[1]


def _render_pdf(blocks: list[Block]) -> bytes:
    pdf = _new_pdf()
    pdf.add_page()
    pdf.set_font("DejaVu", size=11)
    for block in blocks:
        if block.kind == "space":
            pdf.ln(4)
        elif block.kind == "heading":
            pdf.set_font("DejaVu", "B", 12)
            pdf.multi_cell(0, 6, block.text, align="C", new_x="LMARGIN", new_y="NEXT")
            pdf.set_font("DejaVu", size=11)
        elif block.kind == "para":
            pdf.multi_cell(0, 5.5, block.text, align="L", new_x="LMARGIN", new_y="NEXT")
        else:
            _pdf_table(pdf, block)
    return bytes(pdf.output())


def _pdf_table(pdf: FPDF, block: Block) -> None:
    stamp = block.is_stamp
    pdf.set_font("DejaVu", size=10)
    with pdf.table(
        borders_layout="NONE" if stamp else "ALL",
        first_row_as_headings=False,
        line_height=5,
        text_align="LEFT",
    ) as table:
        for row in block.rows:
            cells = table.row()
            for cell in row:
                cells.cell(cell)
    pdf.set_font("DejaVu", size=11)
    pdf.ln(2)


# --------------------------------------------------------------------------------------------- raster pages


@dataclass(frozen=True)
class _Layout:
    dpi: int

    def px(self, mm: float) -> int:
        return round(mm / 25.4 * self.dpi)

    def pt(self, points: float) -> int:
        return round(points / 72 * self.dpi)


def _wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    words = text.split()
    out: list[str] = []
    cur = ""
    for word in words:
        trial = f"{cur} {word}".strip()
        if cur and font.getlength(trial) > width:
            out.append(cur)
            cur = word
        else:
            cur = trial
    out.append(cur)
    return out


def _raster_pages(blocks: list[Block], *, dpi: int) -> list[Image.Image]:
    """Lay the text out on white A4 pages (grayscale) the way a word processor would print it."""
    lay = _Layout(dpi)
    width, height = lay.px(210), lay.px(297)
    left, right, top, bottom = lay.px(22), lay.px(15), lay.px(18), lay.px(18)
    body = ImageFont.truetype(str(FONT_REGULAR), lay.pt(12))
    bold = ImageFont.truetype(str(FONT_BOLD), lay.pt(13))
    small = ImageFont.truetype(str(FONT_REGULAR), lay.pt(11))
    line_h = round(lay.pt(12) * 1.45)
    pages: list[Image.Image] = []
    state: dict[str, Any] = {}  # the page being drawn and the pen position on it

    def new_page() -> None:
        img = Image.new("L", (width, height), 255)
        pages.append(img)
        state["draw"] = ImageDraw.Draw(img)
        state["y"] = top

    def need(h: int) -> None:
        if int(state["y"]) + h > height - bottom:
            new_page()

    new_page()
    text_w = width - left - right
    for block in blocks:
        draw: ImageDraw.ImageDraw
        if block.kind == "space":
            state["y"] = int(state["y"]) + line_h // 2
        elif block.kind in ("heading", "para"):
            font = bold if block.kind == "heading" else body
            for line in _wrap(block.text, font, text_w):
                need(line_h)
                draw = state["draw"]  # type: ignore[assignment]
                x = left + (text_w - font.getlength(line)) / 2 if block.kind == "heading" else left
                draw.text((x, int(state["y"])), line, font=font, fill=0)
                state["y"] = int(state["y"]) + line_h
        else:
            ncol = len(block.rows[0])
            col_w = text_w // ncol
            pad = lay.px(1.5)
            for row in block.rows:
                wrapped = [_wrap(cell, small, col_w - 2 * pad) if cell else [""] for cell in row]
                row_h = max(len(w) for w in wrapped) * round(line_h * 0.9) + 2 * pad
                need(row_h)
                draw = state["draw"]  # type: ignore[assignment]
                y0 = int(state["y"])
                for i, cell_lines in enumerate(wrapped):
                    x0 = left + i * col_w
                    if not block.is_stamp:
                        draw.rectangle((x0, y0, x0 + col_w, y0 + row_h), outline=0, width=2)
                    for j, text in enumerate(cell_lines):
                        draw.text((x0 + pad, y0 + pad + j * round(line_h * 0.9)), text, font=small, fill=0)
                state["y"] = y0 + row_h
            state["y"] = int(state["y"]) + line_h // 2
    return pages


def _scanify(page: Image.Image, rng: random.Random) -> Image.Image:
    """Make a clean page look scanned: slight blur, skew, grey paper, sparse dust."""
    img = page.filter(ImageFilter.GaussianBlur(radius=0.5))
    angle = rng.uniform(-1.2, 1.2)
    img = img.rotate(angle, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255)
    # Grey paper tone and darker ink, like a photocopy.
    img = img.point(lambda v: 40 + v * 190 // 255)
    draw = ImageDraw.Draw(img)
    w, h = img.size
    for _ in range(400):
        x, y = rng.randrange(w), rng.randrange(h)
        r = rng.choice((1, 1, 2))
        draw.ellipse((x, y, x + r, y + r), fill=rng.randrange(60, 180))
    # A dark edge where the scanner lid did not close.
    draw.rectangle((0, 0, w, rng.randrange(4, 12)), fill=90)
    return img


def _to_jpeg(img: Image.Image, quality: int = 40) -> bytes:
    buf = io.BytesIO()
    img.save(buf, format="JPEG", quality=quality, optimize=True, dpi=(200, 200))
    return buf.getvalue()


def _images_pdf(pages: list[Image.Image], *, garbage: list[list[str]] | None = None) -> bytes:
    """A PDF whose pages are the given images; optionally an invisible (wrong) text layer on each page."""
    pdf = FPDF(format="A4", unit="mm")
    pdf.set_creation_date(FIXED_TIME)
    pdf.set_creator("Scanner")
    pdf.set_auto_page_break(False)
    for i, page in enumerate(pages):
        pdf.add_page()
        pdf.image(page, x=0, y=0, w=210, h=297)
        if garbage is not None:
            pdf.set_font("Helvetica", size=11)
            pdf.text_mode = TextMode.INVISIBLE
            y = 20.0
            for line in garbage[i]:
                pdf.text(22, y, line)
                y += 6.2
            pdf.text_mode = TextMode.FILL
    return bytes(pdf.output())


def _bilevel(img: Image.Image, threshold: int = 140) -> Image.Image:
    # Office scanners save black-and-white pages; 1-bit images keep a page near 40 KB.
    return img.point(lambda v: 255 if v > threshold else 0).convert("1")


def _render_scan_pdf(blocks: list[Block], *, seed: int) -> bytes:
    rng = random.Random(seed)
    pages = _raster_pages(blocks, dpi=200)
    return _images_pdf([_bilevel(_scanify(p, rng)) for p in pages])


# Cyrillic → Latin/digit look-alikes, as old PDFs without a Unicode map extract («o6pa3oBaHue», «YTBEPXAEHO»).
_LOOKALIKE = str.maketrans(
    {
        "а": "a", "б": "6", "в": "B", "г": "r", "д": "g", "е": "e", "ё": "e", "ж": "x", "з": "3", "и": "u",
        "й": "u", "к": "k", "л": "Jr", "м": "M", "н": "H", "о": "o", "п": "n", "р": "p", "с": "c", "т": "T",
        "у": "y", "ф": "qp", "х": "x", "ц": "U", "ч": "r", "ш": "w", "щ": "w", "ъ": "b", "ы": "bl", "ь": "b",
        "э": "3", "ю": "lO", "я": "R", "А": "A", "Б": "5", "В": "B", "Г": "f", "Д": "A", "Е": "E", "Ё": "E",
        "Ж": "X", "З": "3", "И": "U", "Й": "U", "К": "K", "Л": "J", "М": "M", "Н": "H", "О": "O", "П": "fl",
        "Р": "P", "С": "C", "Т": "T", "У": "Y", "Ф": "O", "Х": "X", "Ц": "U", "Ч": "Y", "Ш": "W", "Щ": "W",
        "Ъ": "b", "Ы": "bl", "Ь": "b", "Э": "3", "Ю": "IO", "Я": "R", "«": '"', "»": '"', "№": "N",
        "—": "-", "–": "-",
    }
)  # fmt: skip


def garble(text: str) -> str:
    """The Latin look-alike garbage a broken text layer yields for `text`."""
    out = text.translate(_LOOKALIKE)
    return out.encode("latin-1", "replace").decode("latin-1")


def _render_broken_pdf(blocks: list[Block], *, seed: int) -> bytes:
    """Readable page image with an invisible garbage text layer over it (a broken-ToUnicode look-alike)."""
    pages = _raster_pages(blocks, dpi=200)
    per_page = _page_text_lines(blocks, len(pages))
    rng = random.Random(seed)
    images = [_bilevel(p.rotate(rng.uniform(-0.3, 0.3), fillcolor=255)) for p in pages]
    return _images_pdf(images, garbage=[[garble(t) for t in lines] for lines in per_page])


def _page_text_lines(blocks: list[Block], n_pages: int) -> list[list[str]]:
    """Split the document text into roughly even chunks, one per rendered page (for the hidden layer)."""
    flat: list[str] = []
    for b in blocks:
        if b.kind in ("heading", "para"):
            flat.append(b.text)
        elif b.kind == "table":
            flat.extend("  ".join(r) for r in b.rows)
    size = max(1, -(-len(flat) // n_pages))
    chunks = [flat[i * size : (i + 1) * size] for i in range(n_pages)]
    # Long lines would run off the page; cut them into pieces of 90 characters.
    return [[piece for line in chunk for piece in _cut(line, 90)] for chunk in chunks]


def _cut(text: str, n: int) -> list[str]:
    return [text[i : i + n] for i in range(0, len(text), n)] or [""]


# --------------------------------------------------------------------------------------------- DOCX


def _render_docx(blocks: list[Block]) -> bytes:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    doc = Document()
    doc.core_properties.created = FIXED_TIME.replace(tzinfo=None)
    doc.core_properties.modified = FIXED_TIME.replace(tzinfo=None)
    doc.core_properties.last_modified_by = ""
    doc.core_properties.author = ""
    style = doc.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(12)
    for block in blocks:
        if block.kind == "space":
            doc.add_paragraph("")
        elif block.kind == "heading":
            p = doc.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p.add_run(block.text).bold = True
        elif block.kind == "para":
            doc.add_paragraph(block.text)
        else:
            table = doc.add_table(rows=len(block.rows), cols=len(block.rows[0]))
            if not block.is_stamp:
                table.style = "Table Grid"
            for r, row in enumerate(block.rows):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
    buf = io.BytesIO()
    doc.save(buf)
    return _normalize_zip(buf.getvalue())


def _normalize_zip(data: bytes) -> bytes:
    """Rewrite a ZIP container with fixed timestamps so that output is byte-identical between runs."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2025, 9, 1, 9, 0, 0))
            # ODF requires "mimetype" first and stored; everything else is deflated.
            fixed.compress_type = zipfile.ZIP_STORED if info.filename == "mimetype" else zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


# --------------------------------------------------------------------------------------------- ODT


def _render_odt(blocks: list[Block]) -> bytes:
    from odf import dc, meta
    from odf.opendocument import OpenDocumentText
    from odf.style import ParagraphProperties, Style, TableColumnProperties, TextProperties
    from odf.table import Table, TableCell, TableColumn, TableRow
    from odf.text import P

    # odfpy declares namespaces lazily, so the first document written in a process differs from later ones;
    # writing a throwaway document first makes the output the same on every call.
    OpenDocumentText().write(io.BytesIO())
    doc = OpenDocumentText()
    doc.meta.addElement(meta.CreationDate(text="2025-09-01T09:00:00"))
    doc.meta.addElement(dc.Date(text="2025-09-01T09:00:00"))
    heading = Style(name="Heading", family="paragraph")
    heading.addElement(ParagraphProperties(textalign="center"))
    heading.addElement(TextProperties(fontweight="bold", fontsize="13pt"))
    doc.automaticstyles.addElement(heading)
    col_style = Style(name="Col", family="table-column")
    col_style.addElement(TableColumnProperties(columnwidth="8cm"))
    doc.automaticstyles.addElement(col_style)
    for n, block in enumerate(blocks):
        if block.kind == "space":
            doc.text.addElement(P(text=""))
        elif block.kind == "heading":
            doc.text.addElement(P(stylename=heading, text=block.text))
        elif block.kind == "para":
            doc.text.addElement(P(text=block.text))
        else:
            table = Table(name=f"Table{n}")
            table.addElement(TableColumn(numbercolumnsrepeated=len(block.rows[0]), stylename=col_style))
            for row in block.rows:
                tr = TableRow()
                for cell in row:
                    tc = TableCell(valuetype="string")
                    tc.addElement(P(text=cell))
                    tr.addElement(tc)
                table.addElement(tr)
            doc.text.addElement(table)
    buf = io.BytesIO()
    doc.write(buf)
    return _normalize_zip(buf.getvalue())


# -------------------------------------------------------------------------------------------- XLSX


def _render_xlsx(blocks: list[Block]) -> bytes:
    """One sheet «Лист1»: a heading or a paragraph is a row of one cell, a table row is a row of cells."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.writer.excel import ExcelWriter

    wb = Workbook()
    ws = wb.active
    ws.title = "Лист1"
    for block in blocks:
        if block.kind == "space":
            ws.append([])
        elif block.kind in ("heading", "para"):
            ws.append([block.text])
            if block.kind == "heading":
                ws.cell(row=ws.max_row, column=1).font = Font(bold=True)
        else:
            for row in block.rows:
                ws.append([cell or None for cell in row])
    wb.properties.creator = ""
    wb.properties.created = wb.properties.modified = FIXED_TIME.replace(tzinfo=None)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(wb, archive).save()  # not openpyxl.save_workbook: it stamps the current time
    return _normalize_zip(buf.getvalue())


# --------------------------------------------------------------------------------------------- RTF


def _rtf_escape(text: str, *, cp1251: bool) -> str:
    out: list[str] = []
    for ch in text:
        code = ord(ch)
        if ch in "\\{}":
            out.append("\\" + ch)
        elif code < 128:
            out.append(ch)
        elif cp1251:
            try:
                out.append("".join(f"\\'{b:02x}" for b in ch.encode("cp1251")))
            except UnicodeEncodeError:
                out.append(f"\\u{code if code < 32768 else code - 65536}?")
        else:
            out.append(f"\\u{code if code < 32768 else code - 65536}?")
    return "".join(out)


def _render_rtf(blocks: list[Block], *, cp1251: bool) -> bytes:
    """Hand-written RTF as Word would save it: either cp1251 \\'xx bytes or \\uN escapes."""
    header = "{\\rtf1\\ansi\\ansicpg1251\\deff0{\\fonttbl{\\f0\\froman\\fcharset204 Times New Roman;}}\n"
    parts = [header, "\\viewkind4\\uc1\\pard\\f0\\fs24\n"]
    for block in blocks:
        if block.kind == "space":
            parts.append("\\pard\\par\n")
        elif block.kind == "heading":
            parts.append(f"\\pard\\qc\\b {_rtf_escape(block.text, cp1251=cp1251)}\\b0\\par\n")
        elif block.kind == "para":
            parts.append(f"\\pard\\ql {_rtf_escape(block.text, cp1251=cp1251)}\\par\n")
        else:
            ncol = len(block.rows[0])
            width = 9000 // ncol
            for row in block.rows:
                border = "" if block.is_stamp else "\\clbrdrt\\brdrs\\clbrdrl\\brdrs\\clbrdrb\\brdrs\\clbrdrr\\brdrs"
                cells = "".join(f"{border}\\cellx{width * (i + 1)}" for i in range(ncol))
                body = "".join(f"\\pard\\intbl {_rtf_escape(c, cp1251=cp1251)}\\cell " for c in row)
                parts.append(f"\\trowd\\trgaph108{cells}\n{body}\\row\n")
            parts.append("\\pard\n")
    parts.append("}\n")
    return "".join(parts).encode("ascii")


# --------------------------------------------------------------------------------------------- HTML


def _render_html(blocks: list[Block]) -> str:
    title = next((b.text for b in blocks if b.kind == "heading"), next((b.text for b in blocks if b.text), ""))
    out = [
        "<!DOCTYPE html>",
        '<html lang="ru"><head><meta charset="utf-8">',
        f"<title>{html.escape(title)}</title></head><body>",
    ]
    out.append(render_html_fragment(blocks))
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def render_html_fragment(blocks: list[Block]) -> str:
    """The document body as HTML (for pasting a document into a site page)."""
    out: list[str] = []
    for block in blocks:
        if block.kind == "heading":
            out.append(f'<p style="text-align:center"><strong>{html.escape(block.text)}</strong></p>')
        elif block.kind == "para":
            out.append(f"<p>{html.escape(block.text)}</p>")
        elif block.kind == "space":
            out.append("<p>&nbsp;</p>")
        else:
            attr = ' class="stamp"' if block.is_stamp else ' border="1" cellpadding="4"'
            out.append(f"<table{attr}>")
            for row in block.rows:
                out.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>")
            out.append("</table>")
    return "\n".join(out)


# --------------------------------------------------------------------------------------------- DOC fixtures


def lines_key(lines: list[str]) -> str:
    """Stable key of a text: SHA-256 of the lines joined by newlines."""
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


def doc_fixture_bytes(lines: list[str]) -> bytes:
    """Serve the committed .doc fixture whose source text equals `lines` (Python cannot write .doc)."""
    key = lines_key(lines)
    for src in sorted(FIXTURES_DIR.glob("*.lines.txt")):
        if lines_key(src.read_text(encoding="utf-8").split("\n")) == key:
            doc = src.with_name(src.name.removesuffix(".lines.txt") + ".doc")
            if doc.exists():
                return doc.read_bytes()
    raise DocgenError(
        "Для этого текста нет готового файла .doc в crawler/demo/fixtures/: "
        "добавьте текст в make_doc_fixtures.py и перезапустите его (нужен soffice)"
    )
