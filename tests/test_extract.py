"""Extraction from real files of every format, OCR, broken text layers and hostile input."""

from __future__ import annotations

import hashlib
import io
import os
import threading
import zipfile
import zlib
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from crawler.config import ExtractSettings
from crawler.demo.docgen import render
from crawler.extract import EXTRACTOR_VERSION, extract_cached, extract_file, extract_many, html_to_text, sniff_format
from crawler.store import Store

LINES = [
    "ПРИНЯТО\tУТВЕРЖДЕНО",
    "педагогическим советом\tприказом директора МБОУ «СОШ № 12»",
    "протокол № 5 от 16.05.2022\tот 21.02.2022 № 122",
    "",
    "# ПОЛОЖЕНИЕ",
    "# о системе наставничества педагогических работников",
    "1. Общие положения",
    "1.1. Настоящее положение определяет порядок организации наставничества педагогических работников "
    "в школе, права и обязанности наставника и наставляемого.",
]
SETTINGS = ExtractSettings(workers=2, timeout_seconds=30, memory_limit_mb=512)


def _write(tmp_path: Path, name: str, data: bytes) -> tuple[Path, str]:
    path = tmp_path / name
    path.write_bytes(data)
    return path, hashlib.sha256(data).hexdigest()


@pytest.mark.parametrize("fmt", ["pdf", "docx", "odt", "rtf", "html", "txt"])
def test_text_formats_keep_cyrillic(tmp_path: Path, fmt: str) -> None:
    path, sha = _write(tmp_path, f"doc.{fmt}", render(fmt, LINES))
    result = extract_file(path, sha, SETTINGS)
    assert result.error is None
    assert result.format == fmt
    assert result.extractor_version == EXTRACTOR_VERSION
    flat = " ".join(result.text.split())
    assert "ПОЛОЖЕНИЕ" in flat
    assert "о системе наставничества педагогических работников" in flat
    assert "протокол № 5 от 16.05.2022" in flat
    assert not result.ocr_used


def test_rtf_cp1251_escapes(tmp_path: Path) -> None:
    path, sha = _write(tmp_path, "doc.rtf", render("rtf", LINES, seed=1))  # odd seed: \'xx cp1251 bytes
    result = extract_file(path, sha, SETTINGS)
    assert "наставничества педагогических работников" in result.text


def test_docx_stamp_table_cells_stay_whole(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "ПРИНЯТО\nпедагогическим советом\nпротокол № 5 от 16.05.2022"
    table.cell(0, 1).text = "УТВЕРЖДЕНО\nприказом директора\nот 21.02.2022 № 122"
    document.sections[0].header.paragraphs[0].text = "МБОУ «СОШ № 12»"
    document.add_paragraph("ПОЛОЖЕНИЕ о наставничестве")
    buf = io.BytesIO()
    document.save(buf)
    path, sha = _write(tmp_path, "stamp.docx", buf.getvalue())
    text = extract_file(path, sha, SETTINGS).text
    assert text.index("ПРИНЯТО") < text.index("протокол № 5") < text.index("УТВЕРЖДЕНО") < text.index("№ 122")
    assert text.startswith("МБОУ «СОШ № 12»")  # the page header comes first


def test_legacy_doc_via_antiword(tmp_path: Path) -> None:
    fixtures = Path("crawler/demo/fixtures")
    doc = next(fixtures.glob("*.doc"))
    expected = (doc.with_suffix("").with_suffix(".lines.txt")).read_text(encoding="utf-8")
    path, sha = _write(tmp_path, "legacy.doc", doc.read_bytes())
    result = extract_file(path, sha, SETTINGS)
    assert result.error is None and result.format == "doc"
    words = [w for w in expected.replace("#", " ").split() if len(w) > 6][:10]
    assert words and all(w in result.text for w in words)


def test_xlsx_cells(tmp_path: Path) -> None:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["ФИО наставника", "ФИО наставляемого"])
    ws.append(["Иванова Анна Петровна", "Смирнов Олег Ильич"])
    buf = io.BytesIO()
    wb.save(buf)
    path, sha = _write(tmp_path, "base.xlsx", buf.getvalue())
    result = extract_file(path, sha, SETTINGS)
    assert result.format == "xlsx"
    assert "Иванова Анна Петровна\tСмирнов Олег Ильич" in result.text


def test_xlsx_stored_without_extension(tmp_path: Path) -> None:
    """The store keeps blobs under their hash, without «.xlsx»: openpyxl must get the open file, not the name."""
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active.append(["ФИО наставника", "Должность"])
    buf = io.BytesIO()
    wb.save(buf)
    path = tmp_path / "8c661d56da77ff72"
    path.write_bytes(buf.getvalue())
    result = extract_file(path, "8c661d56da77ff72", SETTINGS, "xlsx")
    assert result.error is None and "ФИО наставника\tДолжность" in result.text


def test_scan_pdf_is_ocred(tmp_path: Path) -> None:
    path, sha = _write(tmp_path, "scan.pdf", render("pdf_scan", LINES))
    result = extract_file(path, sha, SETTINGS)
    assert result.error is None
    assert result.is_scan and result.ocr_used and result.pages == 1
    flat = " ".join(result.text.split()).lower()
    assert "наставничества педагогических работников" in flat


def test_jpg_scan_is_ocred(tmp_path: Path) -> None:
    path, sha = _write(tmp_path, "page.jpg", render("jpg", LINES))
    result = extract_file(path, sha, SETTINGS)
    assert result.format == "jpg" and result.is_scan and result.ocr_used
    assert "наставничества" in result.text.lower()


def test_broken_text_layer_detected_and_ocred(tmp_path: Path) -> None:
    data = render("pdf_broken", LINES)
    path, sha = _write(tmp_path, "broken.pdf", data)
    result = extract_file(path, sha, SETTINGS)
    assert result.broken_text_layer and result.ocr_used and not result.is_scan
    assert "наставничества" in result.text.lower()
    # with OCR switched off the garbage is not passed on as text
    off = extract_file(path, sha, ExtractSettings(ocr_max_pages=0))
    assert off.broken_text_layer and "o6" not in off.text and "наставничества" not in off.text


def test_sniff_magic_first() -> None:
    assert sniff_format(b"%PDF-1.7\n...", "text/html", "a.html") == "pdf"
    assert sniff_format(b"<!DOCTYPE html><html><body>404</body></html>", "application/pdf", "a.pdf") == "html"
    assert sniff_format(b"{\\rtf1\\ansi", None, "a.doc") == "rtf"
    assert sniff_format(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, None, "x.xls") == "xls"
    assert sniff_format(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, None, None) == "doc"
    assert sniff_format(b"PK\x03\x04" + b"\0" * 26 + b"word/document.xml", None, None) == "docx"
    assert sniff_format("Приказ № 5".encode("cp1251"), None, None) == "txt"
    assert sniff_format(b"\x00\x01\x02\x03" * 50, None, None) == "unknown"


def test_html_to_text_visible_only() -> None:
    html = (
        "<html><head><title>t</title><style>p{}</style><script>var x='скрыто'</script></head>"
        "<body><h1>ПРИКАЗ</h1><p>от 01.09.2025 № 26/1</p><table><tr><td>Иванова</td><td>Петров</td></tr>"
        "</table></body></html>"
    ).encode("cp1251")
    html = html.replace(b"<head>", b'<head><meta charset="windows-1251">')
    text = html_to_text(html)
    assert "ПРИКАЗ\n" in text and "от 01.09.2025 № 26/1" in text and "Иванова\tПетров" in text
    assert "скрыто" not in text and "p{}" not in text


def test_html_line_break_is_a_line_not_a_paragraph() -> None:
    # a heading broken by <br> stays one paragraph (its lines together); blocks stand one blank line apart
    text = html_to_text("<h2>Положение<br>о наставничестве<br/>педагогов</h2><p>1. Общие положения</p>")
    assert text == "Положение\nо наставничестве\nпедагогов\n\n1. Общие положения"


# ------------------------------------------------------------------------------------------ hostile input


def test_html_named_pdf_rejected(tmp_path: Path) -> None:
    path, sha = _write(tmp_path, "polozhenie.pdf", b"<!DOCTYPE html><html><body>404 Not Found</body></html>")
    result = extract_file(path, sha, SETTINGS)
    assert result.error and "HTML" in result.error and "PDF" in result.error
    declared = extract_file(tmp_path / "polozhenie.pdf", sha, SETTINGS, fmt="pdf")
    assert declared.error == result.error


def test_encrypted_pdf(tmp_path: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(render("pdf", LINES))).pages:
        writer.add_page(page)
    writer.encrypt(user_password="secret", owner_password="owner")
    buf = io.BytesIO()
    writer.write(buf)
    path, sha = _write(tmp_path, "locked.pdf", buf.getvalue())
    assert extract_file(path, sha, SETTINGS).error == "документ защищён паролем"


@pytest.mark.parametrize("keep", [0.5, 0.1])
def test_truncated_pdf(tmp_path: Path, keep: float) -> None:
    data = render("pdf", LINES)
    path, sha = _write(tmp_path, "cut.pdf", data[: int(len(data) * keep)])
    result = extract_file(path, sha, SETTINGS)
    assert result.error and result.error.startswith("файл повреждён")


def test_zip_bomb_docx_rejected_fast(tmp_path: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        with zf.open("word/document.xml", "w") as fh:
            chunk = b"<w:t>" + b"A" * (1 << 20)
            for _ in range(60):
                fh.write(chunk)
    path, sha = _write(tmp_path, "bomb.docx", buf.getvalue())
    assert path.stat().st_size < 1_000_000
    result = extract_file(path, sha, SETTINGS)
    assert result.format == "docx"
    assert result.error and "zip-бомб" in result.error


@pytest.mark.parametrize("fmt,member", [("docx", "word/document.xml"), ("odt", "content.xml")])
def test_xxe_rejected(tmp_path: Path, fmt: str, member: str) -> None:
    original = zipfile.ZipFile(io.BytesIO(render(fmt, LINES)))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for info in original.infolist():
            data = original.read(info)
            if info.filename == member:
                xml = data.decode("utf-8")
                decl_end = xml.index("?>") + 2 if xml.startswith("<?xml") else 0
                xml = (
                    xml[:decl_end] + '<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>' + xml[decl_end:]
                ).replace("ПОЛОЖЕНИЕ", "&xxe;")
                data = xml.encode("utf-8")
            zf.writestr(info, data)
    path, sha = _write(tmp_path, f"xxe.{fmt}", buf.getvalue())
    result = extract_file(path, sha, SETTINGS)
    assert result.error and "XXE" in result.error
    assert "root:" not in result.text


def _pdf(objects: list[bytes]) -> bytes:
    out = b"%PDF-1.4\n"
    offsets = []
    for i, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return out


def test_pdf_of_5000_pages_reads_a_limited_number(tmp_path: Path) -> None:
    n = 5000
    content = b"BT /F1 12 Tf 72 720 Td (Page) Tj ET"
    kids = b" ".join(b"%d 0 R" % (i + 5) for i in range(n))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % n,
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    objects += [
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R "
        b"/Resources << /Font << /F1 4 0 R >> >> >>"
    ] * n
    path, sha = _write(tmp_path, "huge.pdf", _pdf(objects))
    result = extract_many([(path, sha, None)], ExtractSettings(timeout_seconds=30))[0]
    assert result.pages == n
    assert result.error is None
    assert 0 < result.text.count("Page") < n  # stopped at the page limit


def test_inflating_pdf_hits_memory_limit_in_worker(tmp_path: Path) -> None:
    raw = b"0 0 m " * 40_000_000  # 240 MB of content stream from ~1 MB of file
    stream = zlib.compress(raw, 1)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    path, sha = _write(tmp_path, "inflate.pdf", _pdf(objects))
    good, good_sha = _write(tmp_path, "good.docx", render("docx", LINES))
    results = extract_many(
        [(path, sha, None), (good, good_sha, None)], ExtractSettings(memory_limit_mb=128, timeout_seconds=30)
    )
    assert results[0].error and "памяти" in results[0].error
    assert results[1].error is None and "ПОЛОЖЕНИЕ" in results[1].text  # the run goes on


def test_hanging_read_is_killed_at_timeout(tmp_path: Path) -> None:
    fifo = tmp_path / "stuck.pdf"
    os.mkfifo(fifo)  # opening a FIFO without a writer blocks forever: a stand-in for a looping parser
    result = extract_many([(fifo, "f" * 64, "pdf")], ExtractSettings(timeout_seconds=1))[0]
    assert result.error and "превышено время" in result.error


def test_a_thread_writing_docx_does_not_hang_the_workers(tmp_path: Path) -> None:
    """A site server in the same process writing DOCX files (the demo, the tests' farms) keeps python-docx's
    shared XML parser busy in another thread; a worker forked from this process at that moment inherited the
    parser's lock held, and its first DOCX hung until the time limit. Workers come from the fork server: every
    DOCX is read."""
    from crawler.extract.pool import ExtractionPool

    stop = threading.Event()

    def busy() -> None:  # what a site server thread does when it writes a DOCX
        while not stop.is_set():
            render("docx", LINES)

    threads = [threading.Thread(target=busy, daemon=True) for _ in range(2)]
    for thread in threads:
        thread.start()
    try:
        results = []
        for i in range(6):  # a fresh pool each time: new workers, started while the threads parse
            path, sha = _write(tmp_path, f"d{i}.docx", render("docx", [*LINES, f"Документ {i}"]))
            with ExtractionPool(ExtractSettings(workers=2, timeout_seconds=20)) as pool:
                pool.submit(path, sha, None)
                pool.drain()
                results.append(pool.result(sha))
    finally:
        stop.set()
        for thread in threads:
            thread.join()
    assert [r.error if r else "нет результата" for r in results] == [None] * 6
    assert all(f"Документ {i}" in r.text for i, r in enumerate(results) if r)


def test_many_keeps_order_and_cache_extracts_once(tmp_path: Path) -> None:
    items = []
    for i, fmt in enumerate(["pdf", "docx", "odt", "rtf", "html", "txt"]):
        lines = [*LINES, f"Документ {i}"]
        path, sha = _write(tmp_path, f"d{i}.{fmt}", render(fmt, lines))
        items.append((path, sha, None))
    store = Store(tmp_path / "db.sqlite")
    first, extracted = extract_cached(items, SETTINGS, store)
    assert extracted == len(items)
    assert [r.sha256 for r in first] == [sha for _, sha, _ in items]
    assert all(f"Документ {i}" in r.text for i, r in enumerate(first))
    second, extracted_again = extract_cached(items, SETTINGS, store)
    assert extracted_again == 0
    assert [r.text for r in second] == [r.text for r in first]


def test_unreadable_image(tmp_path: Path) -> None:
    path, sha = _write(tmp_path, "x.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 50)
    result = extract_file(path, sha, SETTINGS)
    assert result.error and result.error.startswith("файл повреждён")


def test_png_text_ocr(tmp_path: Path) -> None:
    img = Image.new("L", (1400, 300), 255)
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 40)
    ImageDraw.Draw(img).text((40, 100), "База наставников школы", fill=0, font=font)
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    path, sha = _write(tmp_path, "base.png", buf.getvalue())
    result = extract_file(path, sha, SETTINGS)
    assert "наставников" in result.text


def test_html_charset_from_header_or_guess() -> None:
    body = "<html><head><title>т</title></head><body><p>Наставничество педагогов</p></body></html>".encode("cp1251")
    assert "Наставничество педагогов" in html_to_text(body)  # undeclared cp1251
    assert "Наставничество педагогов" in html_to_text(body, content_type="text/html; charset=windows-1251")
    utf = "<html><body><p>Наставничество</p></body></html>".encode()
    assert html_to_text(utf) == "Наставничество"


def test_zip_archive_of_documents(tmp_path: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("Положение.docx", render("docx", LINES))
        zf.writestr("readme.bin", b"\x00\x01")
    path, sha = _write(tmp_path, "docs.zip", buf.getvalue())
    result = extract_file(path, sha, SETTINGS)
    assert result.format == "zip" and result.error is None
    assert "=== Положение.docx ===" in result.text and "педагогических работников" in result.text


def test_xls_via_xls2csv(tmp_path: Path) -> None:
    # a minimal BIFF file is hard to craft by hand; an OLE file that is not a workbook must fail politely
    path, sha = _write(tmp_path, "base.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    result = extract_file(path, sha, SETTINGS)
    assert result.format == "xls" and result.error


def test_scan_with_a_text_stamp_laid_over_is_still_ocred(tmp_path: Path) -> None:
    from fpdf import FPDF

    scan = tmp_path / "page.jpg"
    scan.write_bytes(render("jpg", LINES))
    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", "", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    pdf.add_page()
    pdf.image(str(scan), x=0, y=0, w=210, h=297)
    pdf.set_font("DejaVu", size=8)
    pdf.set_xy(120, 280)
    pdf.multi_cell(80, 4, "ДОКУМЕНТ ПОДПИСАН ЭЛЕКТРОННОЙ ПОДПИСЬЮ\nСертификат: 036BCB00A1B2C3D4E5F6")
    path, sha = _write(tmp_path, "stamped.pdf", bytes(pdf.output()))
    result = extract_file(path, sha, SETTINGS)
    assert result.is_scan and result.ocr_used
    assert "ДОКУМЕНТ ПОДПИСАН ЭЛЕКТРОННОЙ ПОДПИСЬЮ" in result.text
    assert "наставничества" in result.text.lower()


def test_word_web_page_saved_as_doc_is_read(tmp_path: Path) -> None:
    html = (
        '<html xmlns:w="urn:schemas-microsoft-com:office:word"><head><meta name=ProgId content=Word.Document>'
        "</head><body><p>ПОЛОЖЕНИЕ о наставничестве педагогических работников</p></body></html>"
    ).encode("cp1251")
    path, sha = _write(tmp_path, "polozhenie.doc", html)
    result = extract_file(path, sha, SETTINGS)
    assert result.error is None and result.format == "html"
    assert "ПОЛОЖЕНИЕ о наставничестве" in result.text


def test_docx_page_count_from_app_properties(tmp_path: Path) -> None:
    original = zipfile.ZipFile(io.BytesIO(render("docx", LINES)))
    buf = io.BytesIO()
    app = (
        '<?xml version="1.0"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        'extended-properties"><Pages>3</Pages></Properties>'
    )
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for info in original.infolist():
            if info.filename != "docProps/app.xml":
                zf.writestr(info, original.read(info))
        zf.writestr("docProps/app.xml", app)
    path, sha = _write(tmp_path, "pages.docx", buf.getvalue())
    assert extract_file(path, sha, SETTINGS).pages == 3


def test_a_tilted_page_photo_is_turned_straight_before_ocr() -> None:
    from PIL import Image, ImageDraw

    from crawler.extract.ocr import deskew, skew_angle

    page = Image.new("L", (900, 1200), 255)
    draw = ImageDraw.Draw(page)
    for y in range(150, 1050, 45):
        draw.rectangle((120, y, 780, y + 14), fill=20)  # lines of text
    assert skew_angle(page) == 0.0  # a straight page is left alone
    tilted = page.rotate(3, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)
    angle = skew_angle(tilted)
    assert -3.5 <= angle <= -2.5, angle
    assert skew_angle(deskew(tilted)) == 0.0
