"""Producers of the held-out corpus: python-docx, LibreOffice (PDF, RTF), odfpy with frames, openpyxl,
hand-written HTML and raster scans (PIL) at low dpi with skew, grey paper, blots and a JPG photo.

A document is a list of blocks: ("stamps", [cell, cell]) — approval blocks side by side, each cell one whole
block with «\\n» between its lines; ("title", text); ("p", text); ("table", rows). Every producer lays the same
blocks out in its own way, so the classifier sees the layouts real sites publish.
"""

from __future__ import annotations

import hashlib
import io
import os
import random
import shutil
import subprocess
import tempfile
from pathlib import Path

Block = tuple[str, object]
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
SOFFICE_CACHE = Path(tempfile.gettempdir()) / "heldout-soffice-cache"


# ------------------------------------------------------------------------------------------------ DOCX


def docx_bytes(blocks: list[Block]) -> bytes:
    import docx
    from docx.shared import Pt

    document = docx.Document()
    style = document.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(12)
    for kind, value in blocks:
        if kind == "stamps":
            cells = list(value)  # type: ignore[arg-type]
            table = document.add_table(rows=1, cols=len(cells))
            for cell, text in zip(table.rows[0].cells, cells, strict=True):
                lines = str(text).split("\n")
                cell.paragraphs[0].text = lines[0]
                for line in lines[1:]:
                    cell.add_paragraph(line)
        elif kind == "title":
            for line in str(value).split("\n"):
                run = document.add_paragraph().add_run(line)
                run.bold = True
        elif kind == "p":
            document.add_paragraph(str(value))
        elif kind == "table":
            rows = list(value)  # type: ignore[arg-type]
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            for r, row in enumerate(rows):
                for c, text in enumerate(row):
                    table.cell(r, c).text = str(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# ------------------------------------------------------------------------------------------- ODT frames


def odt_bytes(blocks: list[Block]) -> bytes:
    """Stamps are text frames (draw:frame + draw:text-box) anchored to a paragraph, as Writer users place them."""
    from odf.draw import Frame, TextBox
    from odf.opendocument import OpenDocumentText
    from odf.table import Table, TableCell, TableColumn, TableRow
    from odf.text import P

    doc = OpenDocumentText()
    for kind, value in blocks:
        if kind == "stamps":
            anchor = P()
            for i, cell in enumerate(value):  # type: ignore[arg-type]
                frame = Frame(
                    anchortype="paragraph", width="7cm", height="4cm", x=f"{i * 9}cm", y="0cm", name=f"stamp{i}"
                )
                box = TextBox()
                for line in str(cell).split("\n"):
                    box.addElement(P(text=line))
                frame.addElement(box)
                anchor.addElement(frame)
            doc.text.addElement(anchor)
        elif kind in ("title", "p"):
            for line in str(value).split("\n"):
                doc.text.addElement(P(text=line))
        elif kind == "table":
            rows = list(value)  # type: ignore[arg-type]
            table = Table(name="t")
            table.addElement(TableColumn(numbercolumnsrepeated=len(rows[0])))
            for row in rows:
                tr = TableRow()
                for text in row:
                    tc = TableCell()
                    tc.addElement(P(text=str(text)))
                    tr.addElement(tc)
                table.addElement(tr)
            doc.text.addElement(table)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


# ------------------------------------------------------------------------------------------ LibreOffice


def soffice_batch(jobs: list[tuple[bytes, str, str]]) -> list[bytes]:
    """Several conversions in one LibreOffice start (each start costs seconds); cached per content."""
    SOFFICE_CACHE.mkdir(exist_ok=True)
    keys = [hashlib.sha256(d + s.encode() + t.encode()).hexdigest()[:24] for d, s, t in jobs]
    missing = [(k, j) for k, j in zip(keys, jobs, strict=True) if not (SOFFICE_CACHE / f"{k}.{j[2]}").exists()]
    by_target: dict[str, list[tuple[str, tuple[bytes, str, str]]]] = {}
    for key, job in missing:
        by_target.setdefault(job[2], []).append((key, job))
    for target, items in by_target.items():
        with tempfile.TemporaryDirectory(prefix="heldout-soffice-") as tmp_name:
            tmp = Path(tmp_name)
            sources = []
            for key, (data, ext, _) in items:
                source = tmp / f"{key}.{ext}"
                source.write_bytes(data)
                sources.append(str(source))
            subprocess.run(
                [
                    shutil.which("soffice") or "soffice",
                    f"-env:UserInstallation=file://{tmp}/profile",
                    "--headless",
                    "--convert-to",
                    target,
                    "--outdir",
                    str(tmp / "out"),
                    *sources,
                ],
                check=True,
                capture_output=True,
                timeout=300,
            )
            for key, _ in items:
                # written aside and renamed: another test session may read the cache at the same time
                part = SOFFICE_CACHE / f"{key}.{target}.{os.getpid()}.part"
                part.write_bytes((tmp / "out" / f"{key}.{target}").read_bytes())
                os.replace(part, SOFFICE_CACHE / f"{key}.{target}")
    return [(SOFFICE_CACHE / f"{k}.{j[2]}").read_bytes() for k, j in zip(keys, jobs, strict=True)]


# ------------------------------------------------------------------------------------------------ XLSX


def xlsx_bytes(title: str, rows: list[list[str]]) -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Лист1"
    ws.append([title])
    for row in rows:
        ws.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


# ------------------------------------------------------------------------------------------------ HTML


def html_bytes(page_title: str, blocks: list[Block], *, menu: bool = True) -> bytes:
    """A site page with a menu and an order pasted into it: <p> with <br>, a layout <table> for the stamps."""
    from html import escape

    body: list[str] = []
    if menu:
        body.append(
            '<nav><ul><li><a href="/">Главная</a></li><li><a href="/sveden">Сведения об образовательной '
            'организации</a></li><li><a href="/nast">Наставничество</a></li></ul></nav>'
        )
    body.append(f"<h1>{escape(page_title)}</h1>")
    for kind, value in blocks:
        if kind == "stamps":
            cells = "".join(
                "<td>" + "<br>".join(escape(x) for x in str(c).split("\n")) + "</td>"
                for c in value  # type: ignore[union-attr]
            )
            body.append(f'<table class="layout"><tr>{cells}</tr></table>')
        elif kind == "title":
            body.append("<p><strong>" + "<br>".join(escape(x) for x in str(value).split("\n")) + "</strong></p>")
        elif kind == "p":
            body.append("<p>" + "<br>".join(escape(x) for x in str(value).split("\n")) + "</p>")
        elif kind == "table":
            rows = "".join(
                "<tr>" + "".join(f"<td>{escape(str(c))}</td>" for c in row) + "</tr>"
                for row in value  # type: ignore[union-attr]
            )
            body.append(f"<table border=1>{rows}</table>")
    html = (
        '<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>'
        + escape(page_title)
        + "</title></head><body>"
        + "\n".join(body)
        + "<footer>© Образовательная организация</footer></body></html>"
    )
    return html.encode("utf-8")


# ------------------------------------------------------------------------------------------------ scans


def _wrap(text: str, font: object, width: int) -> list[str]:
    out: list[str] = []
    for para in text.split("\n"):
        line = ""
        for word in para.split(" "):
            probe = f"{line} {word}".strip()
            if font.getlength(probe) <= width or not line:  # type: ignore[attr-defined]
                line = probe
            else:
                out.append(line)
                line = word
        out.append(line)
    return out


def scan_pages(
    pages: list[list[Block]],
    *,
    dpi: int,
    skew: float = 0.0,
    grey: int = 255,
    blot_stamp: bool = False,
    seed: int = 1,
    font_pt: float = 12.0,
) -> list[object]:
    """A4 page images as a scanner makes them: low dpi, a slight skew, grey paper, a round seal over the stamp."""
    from PIL import Image, ImageDraw, ImageFilter, ImageFont

    rng = random.Random(seed)
    width, height = int(8.27 * dpi), int(11.69 * dpi)
    size = max(8, round(font_pt * dpi / 72))
    font = ImageFont.truetype(FONT, size)
    bold = ImageFont.truetype(FONT.replace("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"), size)
    margin = int(0.8 * dpi)
    line_h = int(size * 1.45)
    images = []
    for blocks in pages:
        img = Image.new("L", (width, height), grey)
        draw = ImageDraw.Draw(img)
        y = margin
        for kind, value in blocks:
            if kind == "stamps":
                cells = list(value)  # type: ignore[arg-type]
                col_w = (width - 2 * margin) // len(cells) - dpi // 6
                top, bottom = y, y
                for i, cell in enumerate(cells):
                    x = margin + i * (col_w + dpi // 6)
                    yy = top
                    for line in _wrap(str(cell), font, col_w):
                        draw.text((x, yy), line, fill=20, font=font)
                        yy += line_h
                    bottom = max(bottom, yy)
                    if blot_stamp and i == len(cells) - 1:
                        # a round seal and a signature scribble over the approval block
                        cx, cy, r = x + col_w // 2, (top + yy) // 2 + line_h, int(0.7 * dpi)
                        draw.ellipse((cx - r, cy - r, cx + r, cy + r), outline=110, width=max(2, dpi // 40))
                        draw.ellipse(
                            (cx - r + dpi // 8, cy - r + dpi // 8, cx + r - dpi // 8, cy + r - dpi // 8),
                            outline=120,
                            width=max(1, dpi // 60),
                        )
                        pts = [(cx - r + k * r // 6, cy + rng.randint(-r // 3, r // 3)) for k in range(13)]
                        draw.line(pts, fill=60, width=max(2, dpi // 50))
                y = bottom + line_h
            elif kind in ("title", "p"):
                use = bold if kind == "title" else font
                for line in _wrap(str(value), use, width - 2 * margin):
                    draw.text((margin, y), line, fill=15, font=use)
                    y += line_h
                y += line_h // 3
            elif kind == "table":
                rows = list(value)  # type: ignore[arg-type]
                col_w = (width - 2 * margin) // len(rows[0])
                for row in rows:
                    row_top = y
                    row_bottom = y
                    for c, text in enumerate(row):
                        yy = row_top + 4
                        for line in _wrap(str(text), font, col_w - 10):
                            draw.text((margin + c * col_w + 5, yy), line, fill=15, font=font)
                            yy += line_h
                        row_bottom = max(row_bottom, yy + 4)
                    for c in range(len(row) + 1):
                        draw.line((margin + c * col_w, row_top, margin + c * col_w, row_bottom), fill=40)
                    draw.line((margin, row_top, width - margin, row_top), fill=40)
                    draw.line((margin, row_bottom, width - margin, row_bottom), fill=40)
                    y = row_bottom
                y += line_h
        # scanner noise: specks and a slight blur
        for _ in range(width * height // 4000):
            px, py = rng.randrange(width), rng.randrange(height)
            draw.point((px, py), fill=rng.randint(90, 200))
        img = img.filter(ImageFilter.GaussianBlur(0.5))
        if skew:
            img = img.rotate(skew, resample=Image.Resampling.BILINEAR, expand=False, fillcolor=grey)
        images.append(img)
    return images


def scan_pdf_bytes(images: list[object], dpi: int) -> bytes:
    out = io.BytesIO()
    first, *rest = images
    first.save(out, format="PDF", resolution=float(dpi), save_all=True, append_images=rest)  # type: ignore[attr-defined]
    return out.getvalue()


def scan_jpg_bytes(image: object, dpi: int, quality: int = 55) -> bytes:
    """A phone photo of a page: JPEG artefacts, uneven light (a gradient), no dpi in the file."""
    from PIL import Image

    img = image.convert("RGB")  # type: ignore[attr-defined]
    w, h = img.size
    shade = Image.linear_gradient("L").resize((w, h)).point(lambda v: 255 - v // 5)
    img = Image.composite(img, Image.new("RGB", (w, h), (150, 140, 120)), shade)
    out = io.BytesIO()
    img.save(out, format="JPEG", quality=quality)
    return out.getvalue()
