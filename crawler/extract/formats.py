"""Text extractors, one per format. Each fills an ExtractedText; errors are raised as ExtractError."""

from __future__ import annotations

import codecs
import os
import re
import subprocess
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PIL import Image, ImageSequence

from crawler.config import ExtractSettings
from crawler.extract.errors import ExtractError, MachineError, TransientError
from crawler.extract.guard import check_pdf, check_zip
from crawler.extract.ocr import ocr_image
from crawler.extract.quality import MIN_LETTERS, is_broken_text, letter_count
from crawler.extract.scanpages import page_blobs
from crawler.extract.sniff import hint_from_name
from crawler.models import ExtractedText, FailureKind

THIN_PAGE_LETTERS = 400  # fewer letters on a page-sized image: a scan with a stamp laid over it
MAX_TEXT_PAGES = 300  # a mentoring document never has more; thousands of pages are read no further
MAX_TEXT_CHARS = 2_000_000
MAX_SHEET_ROWS = 20_000
MAX_ARCHIVE_MEMBERS = 20
SIGNATURE_MARKERS = (b"/ByteRange", b"adbe.pkcs7", b"ETSI.CAdES", b"/Type /Sig", b"/Type/Sig")
SIGNATURE_SCAN_BYTES = 64 * 1024 * 1024

_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\ufffe\uffff]")


def clean_text(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x0c", "\n\n")
    text = text.replace("\u00ad", "").replace("\x02", "-")  # soft hyphens; pdfium marks hyphens with \x02
    text = _CONTROL_RE.sub("", text)
    return text[:MAX_TEXT_CHARS]


class Deadline:
    """Time left for one document (OCR stops taking new pages when it runs out)."""

    def __init__(self, seconds: float):
        self.end = time.monotonic() + seconds

    def left(self) -> float:
        return max(0.0, self.end - time.monotonic())


# ----------------------------------------------------------------------------------------------- PDF


def has_pdf_signature(path: Path) -> bool:
    """A real PDF signature leaves /ByteRange and a /Sig dictionary in the raw bytes."""
    tail = b""
    read = 0
    with path.open("rb") as fh:
        while read < SIGNATURE_SCAN_BYTES:
            chunk = fh.read(1 << 20)
            if not chunk:
                break
            read += len(chunk)
            window = tail + chunk
            if any(marker in window for marker in SIGNATURE_MARKERS):
                return True
            tail = chunk[-32:]
    return False


def extract_pdf(path: Path, settings: ExtractSettings, result: ExtractedText, deadline: Deadline) -> None:
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    result.signature_field = has_pdf_signature(path)
    reason = check_pdf(path)
    if reason:
        raise ExtractError(reason)
    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise ExtractError("документ защищён паролем") from None
        _extract_pdf_pypdf(path, result)  # pypdf sometimes reads files pdfium refuses
        return
    try:
        count = len(pdf)
        result.pages = count
        if count == 0:
            raise ExtractError("файл повреждён: в PDF нет ни одной страницы")
        texts: list[str] = []
        ocr_done = 0
        empty_pages = 0
        out_of_time = False
        read_pages = min(count, MAX_TEXT_PAGES)
        for index in range(read_pages):
            page = pdf[index]
            try:
                textpage = page.get_textpage()
                text = textpage.get_text_range()
                textpage.close()
                letters = letter_count(text)
                broken = is_broken_text(text)
                if broken:
                    result.broken_text_layer = True
                # An image-only page, or a scan with a few words laid over it (platforms stamp «Документ
                # подписан электронной подписью» on scans): the words are kept, the image is recognized.
                scan_page = not broken and (
                    (letters < MIN_LETTERS and _has_image(page, pdfium_c, 0.0))
                    or (letters < THIN_PAGE_LETTERS and _has_image(page, pdfium_c, 0.3))
                )
                if scan_page:
                    empty_pages += 1
                if (broken or scan_page) and ocr_done < settings.ocr_max_pages and deadline.left() > 1:
                    # the render's dpi is not told to Tesseract: on a low-resolution scan rendered larger it
                    # read half the page, its own estimate from the letters read all of it
                    ocr_text = ocr_image(_render(page, settings), timeout=deadline.left())
                    ocr_done += 1
                    result.ocr_used = True
                    if broken:
                        text = ocr_text
                    elif letter_count(ocr_text) > letters:
                        text = f"{text.strip()}\n{ocr_text}" if letters else ocr_text
                elif broken or scan_page:
                    if ocr_done < settings.ocr_max_pages:
                        out_of_time = True  # the machine was slow, not the file: do not keep this as final
                    if broken:
                        text = ""  # garbage helps nobody; the page is counted as unread
            finally:
                page.close()
            texts.append(clean_text(text).strip())
        result.is_scan = empty_pages > 0 and empty_pages * 2 >= read_pages
        result.text = clean_text("\n\n".join(t for t in texts if t))
        if out_of_time:
            if not result.text.strip():
                raise TransientError("превышено время обработки документа (скан не распознан до конца)")
            result.failure = FailureKind.transient  # a partial reading serves this run and is not cached
    finally:
        pdf.close()


def _has_image(page: object, pdfium_c: object, min_share: float) -> bool:
    """Does the page hold an image covering at least min_share of its area (0: any image)?"""
    width, height = page.get_size()  # type: ignore[attr-defined]
    area = max(width * height, 1.0)
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=3):  # type: ignore[attr-defined]
        if min_share <= 0:
            return True
        left, bottom, right, top = obj.get_pos()
        if (right - left) * (top - bottom) / area >= min_share:
            return True
    return False


def _render(page: object, settings: ExtractSettings) -> Image.Image:
    scale = settings.ocr_dpi / 72
    width, height = page.get_size()  # type: ignore[attr-defined]
    pixels = width * height * scale * scale
    if pixels > 40_000_000:  # a poster-sized page is scaled down to what OCR needs
        scale *= (40_000_000 / pixels) ** 0.5
    return page.render(scale=scale, grayscale=True).to_pil()  # type: ignore[attr-defined]


def _extract_pdf_pypdf(path: Path, result: ExtractedText) -> None:
    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError, PdfReadError

    try:
        reader = PdfReader(str(path), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise ExtractError("документ защищён паролем")
        result.pages = len(reader.pages)
        texts = [reader.pages[i].extract_text() or "" for i in range(min(result.pages, MAX_TEXT_PAGES))]
    except FileNotDecryptedError:
        raise ExtractError("документ защищён паролем") from None
    except ExtractError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError):
        raise ExtractError("файл повреждён: PDF не читается (нарушена структура файла)") from None
    text = clean_text("\n\n".join(texts))
    if is_broken_text(text):
        result.broken_text_layer = True
        text = ""
    result.text = text


# ---------------------------------------------------------------------------------------------- DOCX

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def extract_docx(path: Path, settings: ExtractSettings, result: ExtractedText, deadline: Deadline) -> None:
    import docx

    reason = check_zip(path)
    if reason:
        raise ExtractError(reason)
    try:
        document = docx.Document(str(path))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise ExtractError(f"файл повреждён: документ DOCX не читается ({type(exc).__name__})") from None
    lines: list[str] = []
    seen_headers: set[str] = set()
    for rel in document.part.rels.values():
        if rel.is_external or not rel.reltype.endswith(("/header", "/footer")):
            continue
        header_lines: list[str] = []
        _docx_blocks(rel.target_part.element, header_lines)
        block = "\n".join(x for x in header_lines if x.strip())
        if block and block not in seen_headers and rel.reltype.endswith("/header"):
            seen_headers.add(block)
            lines.append(block)
    body = document.element.body
    for fallback in list(body.iter(_MC_FALLBACK)):  # VML copies of text boxes would double the text
        fallback.getparent().remove(fallback)
    _docx_blocks(body, lines)
    result.text = clean_text("\n".join(lines))
    result.pages = _docx_page_count(path)


def _docx_page_count(path: Path) -> int | None:
    """Pages as Word saved them in docProps/app.xml (absent in files written by other programs)."""
    from defusedxml import ElementTree

    try:
        with zipfile.ZipFile(path) as zf:
            data = zf.read("docProps/app.xml")[:200_000]
        root = ElementTree.fromstring(data)
    except (KeyError, zipfile.BadZipFile, OSError, ValueError, ElementTree.ParseError):
        return None
    except Exception:  # defusedxml refuses entities and DTDs: no page count then
        return None
    for el in root.iter():
        if el.tag.endswith("}Pages") and (el.text or "").strip().isdigit():
            return int(el.text.strip()) or None
    return None


def _docx_blocks(element: object, out: list[str]) -> None:
    for child in element:  # type: ignore[attr-defined]
        tag = child.tag
        if tag == _W + "p":
            out.append(_docx_paragraph(child))
        elif tag == _W + "tbl":
            for row in child.iter(_W + "tr"):
                if row.getparent() is not child and row.getparent().tag != _W + "tbl":
                    continue
                _table_row([_docx_cell(cell) for cell in row.findall(_W + "tc")], out)
        elif tag in (_W + "sdt", _W + "sdtContent", _W + "customXml", _W + "txbxContent"):
            _docx_blocks(child, out)


def _docx_cell(cell: object) -> list[str]:
    lines: list[str] = []
    _docx_blocks(cell, lines)
    return [x for x in lines if x.strip()]


def _docx_paragraph(p: object) -> str:
    parts: list[str] = []
    for node in p.iter(_W + "t", _W + "tab", _W + "br", _W + "cr", _W + "noBreakHyphen"):  # type: ignore[attr-defined]
        tag = node.tag
        if tag == _W + "t":
            parts.append(node.text or "")
        elif tag == _W + "tab":
            parts.append("\t")
        elif tag == _W + "noBreakHyphen":
            parts.append("-")
        else:
            parts.append("\n")
    return "".join(parts)


def _table_row(cells: list[list[str]], out: list[str]) -> None:
    """Single-line cells form one tab-separated line; multi-line cells (stamps) stay whole, cell by cell."""
    filled = [c for c in cells if c]
    if not filled:
        return
    if all(len(c) == 1 for c in filled):
        out.append("\t".join(c[0].strip() for c in filled))
    else:
        for cell in filled:
            out.extend(cell)


# ------------------------------------------------------------------------------------------- ODT/ODS


def extract_odf(path: Path, settings: ExtractSettings, result: ExtractedText, deadline: Deadline) -> None:
    from odf.opendocument import load

    reason = check_zip(path)
    if reason:
        raise ExtractError(reason)
    try:
        document = load(str(path))
    except (zipfile.BadZipFile, KeyError, ValueError, AttributeError) as exc:
        raise ExtractError(f"файл повреждён: документ OpenDocument не читается ({type(exc).__name__})") from None
    except Exception as exc:  # odfpy surfaces XML parser errors of several kinds
        raise ExtractError(f"файл повреждён: документ OpenDocument не читается ({type(exc).__name__})") from None
    lines: list[str] = []
    if document.masterstyles is not None:
        _odf_blocks(document.masterstyles, lines, headers_only=True)
    _odf_blocks(document.body, lines)
    result.text = clean_text("\n".join(lines))


def _odf_blocks(element: object, out: list[str], headers_only: bool = False) -> None:
    from odf import teletype

    for child in element.childNodes:  # type: ignore[attr-defined]
        if child.nodeType != child.ELEMENT_NODE:
            continue
        name = child.qname[1]
        if headers_only and name in ("footer", "footer-left", "footer-first"):
            continue
        if name in ("p", "h"):
            out.append(teletype.extractText(child))
        elif name == "table-row":
            cells: list[list[str]] = []
            for cell in child.childNodes:
                if cell.nodeType == cell.ELEMENT_NODE and cell.qname[1] == "table-cell":
                    cell_lines: list[str] = []
                    _odf_blocks(cell, cell_lines)
                    cells.append([x for x in cell_lines if x.strip()])
            _table_row(cells, out)
        else:
            _odf_blocks(child, out, headers_only)


# ----------------------------------------------------------------------------------------------- RTF

_ANSICPG_RE = re.compile(rb"\\ansicpg(\d+)")


def extract_rtf(path: Path, settings: ExtractSettings, result: ExtractedText, deadline: Deadline) -> None:
    from striprtf.striprtf import rtf_to_text

    raw = path.read_bytes()
    match = _ANSICPG_RE.search(raw[:4096])
    encoding = f"cp{int(match.group(1))}" if match else "cp1251"
    try:
        codecs.lookup(encoding)
    except LookupError:
        encoding = "cp1251"
    if encoding == "cp1252":  # Russian files often declare 1252 while \'xx bytes are cp1251
        encoding = "cp1251"
    text = rtf_to_text(_rtf_cells(raw.decode("latin-1")), encoding=encoding, errors="replace")
    result.text = clean_text(text)


_RTF_CELL_RE = re.compile(r"\\(?:nest)?(cell|row|trowd)(?![a-z])")
_RTF_PAR_RE = re.compile(r"\\par(?![a-z])")


def _rtf_cells(rtf: str) -> str:
    """Table cells as lines, like DOCX: striprtf writes «|» between cells, which glues a stamp's last line
    («протокол № 1 от 30.08.2022|Утверждаю») to the next cell's first. A cell with paragraphs (a stamp block)
    ends with a line break, a one-line cell with a tab (a table row stays one line)."""
    out: list[str] = []
    last = 0
    for m in _RTF_CELL_RE.finditer(rtf):
        out.append(rtf[last : m.start()])
        if m.group(1) in ("row", "trowd"):  # a row's start or end: cells are counted from here
            out.append(m.group(0))
        else:
            out.append("\\par " if _RTF_PAR_RE.search(rtf, last, m.start()) else "\\tab ")
        last = m.end()
    out.append(rtf[last:])
    return "".join(out)


# ------------------------------------------------------------------------------------------- DOC/XLS

_OLE_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")


class _ToolRun:
    """What one external reader did: its text, or why it gave none."""

    def __init__(self, text: str | None = None, *, missing: bool = False, crashed: str | None = None) -> None:
        self.text = text
        self.missing = missing  # not installed on this computer
        self.crashed = crashed  # killed by a signal or not started: not the file's fault


def _run_tool(args: list[str], deadline: Deadline) -> _ToolRun:
    env = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8")
    try:
        proc = subprocess.run(
            args,
            capture_output=True,
            timeout=max(1.0, deadline.left()),
            env=env,
            check=False,
            stdin=subprocess.DEVNULL,
        )
    except FileNotFoundError:
        return _ToolRun(missing=True)
    except subprocess.TimeoutExpired:
        raise TransientError("превышено время обработки документа") from None
    except OSError as exc:  # fork/exec refused (no memory, too many processes)
        return _ToolRun(crashed=f"программа {args[0]} не запустилась ({exc.strerror or type(exc).__name__})")
    if proc.returncode < 0:
        return _ToolRun(crashed=f"программа {args[0]} прервана сигналом {-proc.returncode}")
    if proc.returncode != 0:
        return _ToolRun()
    return _ToolRun(proc.stdout.decode("utf-8", errors="replace"))


def _read_with_tools(tools: list[list[str]], what: str, packages: str, broken: str, deadline: Deadline) -> str:
    """The first tool's non-empty text; otherwise the reason, told apart: machine, crash or the file."""
    runs = []
    for args in tools:
        run = _run_tool(args, deadline)
        if run.text and run.text.strip():
            return run.text
        runs.append(run)
    if all(r.missing for r in runs):
        names = " и ".join(a[0] for a in tools)
        verb = "не установлена программа" if len(tools) == 1 else "не установлены программы"
        raise MachineError(f"на компьютере {verb} {names} ({what}; пакет Debian {packages})")
    crashed = [r.crashed for r in runs if r.crashed]
    if crashed:
        raise TransientError(f"{crashed[0]}; документ будет прочитан при следующем запуске")
    if any(r.text is not None for r in runs):
        return ""
    raise ExtractError(broken)


def extract_doc(path: Path, settings: ExtractSettings, result: ExtractedText, deadline: Deadline) -> None:
    with path.open("rb") as fh:
        head = fh.read(1 << 20)
    if _OLE_ENCRYPTED in head:
        raise ExtractError("документ защищён паролем")
    text = _read_with_tools(
        [["antiword", "-m", "UTF-8.txt", "-w", "0", str(path)], ["catdoc", "-d", "utf-8", "-w", str(path)]],
        "чтение документов Word (DOC)",
        "antiword, catdoc",
        "файл повреждён: документ Word (DOC) не читается",
        deadline,
    )
    result.text = clean_text(text)


def extract_xls(path: Path, settings: ExtractSettings, result: ExtractedText, deadline: Deadline) -> None:
    text = _read_with_tools(
        [["xls2csv", "-d", "utf-8", "-q", "0", "-c", "\t", str(path)]],
        "чтение таблиц Excel (XLS)",
        "catdoc",
        "файл повреждён: таблица Excel (XLS) не читается",
        deadline,
    )
    result.text = clean_text(text)


# ---------------------------------------------------------------------------------------------- XLSX


def extract_xlsx(path: Path, settings: ExtractSettings, result: ExtractedText, deadline: Deadline) -> None:
    import openpyxl

    reason = check_zip(path)
    if reason:
        raise ExtractError(reason)
    lines: list[str] = []
    # an open file, not its name: openpyxl refuses a name without .xlsx, and the store keeps blobs without one
    with path.open("rb") as fh:
        try:
            workbook = openpyxl.load_workbook(fh, read_only=True, data_only=True)
        except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError) as exc:
            raise ExtractError(f"файл повреждён: таблица XLSX не читается ({type(exc).__name__})") from None
        try:
            for sheet in workbook.worksheets:
                lines.append(str(sheet.title))
                for n, row in enumerate(sheet.iter_rows(values_only=True)):
                    if n >= MAX_SHEET_ROWS:
                        break
                    cells = [str(v).strip() for v in row if v is not None and str(v).strip()]
                    if cells:
                        lines.append("\t".join(cells))
        finally:
            workbook.close()
    result.text = clean_text("\n".join(lines))


# ------------------------------------------------------------------------------------------ HTML/TXT


def decode_text_bytes(data: bytes) -> str:
    """utf-8 (with or without BOM), utf-16 with BOM, else windows-1251."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1251", errors="replace")


_BLOCK_TAGS = frozenset(
    "p div li tr h1 h2 h3 h4 h5 h6 table ul ol section article header footer nav blockquote pre "
    "dt dd title caption form fieldset address figure figcaption main aside hr".split()
)
_SKIP_TAGS = ("script", "style", "noscript", "template", "svg", "head")


def _guess_encoding(data: bytes) -> str:
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        return "cp1251"  # Russian sites without a declared charset are windows-1251


# what must remain of a page once its menus, header and footer are dropped, or they are kept (a page built inside
# an element named like a menu, or a stub whose few words would read the same either way)
CONTENT_MIN_CHARS = 200
CONTENT_MIN_SHARE = 0.2


def html_to_text(
    html: str | bytes, content_type: str | None = None, *, chrome: Callable[[Any], bool] | None = None
) -> str:
    """Visible text of an HTML page: block elements become lines, table cells are tab-separated.

    For bytes the charset comes from a BOM, the Content-Type header (if given), <meta>, else utf-8 or cp1251.
    chrome: names the elements of the site around the page's content (its menus, header, footer); they are left
    out, unless that leaves next to nothing of the page.
    """
    import lxml.html
    from lxml import etree

    if isinstance(html, bytes):
        from w3lib.encoding import html_to_unicode

        _, html = html_to_unicode(content_type, html, auto_detect_fun=_guess_encoding)
    if not html.strip():
        return ""
    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return ""
    etree.strip_elements(root, *_SKIP_TAGS, etree.Comment, with_tail=False)
    if chrome is not None:
        _drop_chrome(root, chrome)
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        tag = el.tag.lower()
        if tag in ("td", "th"):
            el.tail = "\t" + (el.tail or "")
        elif tag == "br":
            # a line break inside a block, not a new paragraph: a heading broken by <br> stays one heading
            el.tail = "\n" + (el.tail or "")
        elif tag in _BLOCK_TAGS:
            el.text = "\n" + (el.text or "")
            el.tail = "\n" + (el.tail or "")
    text = root.text_content()
    lines = [re.sub(r"[ \u00a0]+", " ", line).strip(" \t") for line in text.split("\n")]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return clean_text("\n".join(out).strip())


def _drop_chrome(root: Any, chrome: Callable[[Any], bool]) -> None:
    """Drop the outermost elements `chrome` names; keep them all when the content left would be next to nothing."""
    found = [el for el in root.iter() if isinstance(el.tag, str) and chrome(el)]
    marked = set(found)
    outer = [el for el in found if not any(a in marked for a in el.iterancestors())]
    if not outer:
        return
    total = len(" ".join(root.text_content().split()))
    dropped = sum(len(" ".join(el.text_content().split())) for el in outer)
    left = total - dropped
    if left < CONTENT_MIN_CHARS or left < CONTENT_MIN_SHARE * total:
        return
    for el in outer:
        el.drop_tree()  # its tail is the text that follows it, kept


def extract_html(path: Path, settings: ExtractSettings, result: ExtractedText, deadline: Deadline) -> None:
    result.text = html_to_text(path.read_bytes()[: 20 * 1024 * 1024])


def extract_txt(path: Path, settings: ExtractSettings, result: ExtractedText, deadline: Deadline) -> None:
    result.text = clean_text(decode_text_bytes(path.read_bytes()[: MAX_TEXT_CHARS * 2]))


# -------------------------------------------------------------------------------------------- images


def _image_dpi(image: Image.Image) -> float | None:
    """The resolution an image file declares, if plausible for a scan (phone photos declare 72 or nothing)."""
    value = image.info.get("dpi")
    try:
        dpi = float(value[0]) if value else 0.0
    except (TypeError, ValueError, IndexError):
        return None
    return dpi if 100 <= dpi <= 1200 else None


MAX_IMAGE_PIXELS = 120_000_000  # a larger "scan" is a decompression bomb


def extract_image(path: Path, settings: ExtractSettings, result: ExtractedText, deadline: Deadline) -> None:
    texts, frames = _image_texts(path, settings, deadline, settings.ocr_max_pages)
    result.pages = frames
    result.ocr_used = True
    result.is_scan = True
    result.text = clean_text("\n\n".join(t for t in texts if t))


def _image_texts(path: Path, settings: ExtractSettings, deadline: Deadline, max_frames: int) -> tuple[list[str], int]:
    """OCR of each frame of an image file (at most max_frames): (texts, frames in the file)."""
    Image.MAX_IMAGE_PIXELS = MAX_IMAGE_PIXELS // 2  # PIL warns above it and refuses above twice it
    try:
        image = Image.open(str(path))
        texts: list[str] = []
        frames = 0
        for frame in ImageSequence.Iterator(image):
            frames += 1
            if frames > max_frames or deadline.left() < 1:
                continue
            frame.load()
            texts.append(ocr_image(frame.copy(), timeout=deadline.left(), dpi=_image_dpi(frame)).strip())
        return texts, frames
    except Image.DecompressionBombError:
        raise ExtractError("изображение слишком большое (похоже на «бомбу» распаковки)") from None
    except (OSError, SyntaxError, ValueError) as exc:
        raise ExtractError(f"файл повреждён: изображение не читается ({type(exc).__name__})") from None


def extract_scan_pages(path: Path, settings: ExtractSettings, result: ExtractedText, deadline: Deadline) -> None:
    """A scan published as one picture per page (crawler/extract/scanpages.py): the pages recognized in order.

    A page that cannot be read makes the whole scan unreadable, with the page named: a methodologist then
    opens the pictures by hand instead of the scan counting as read."""
    pages = page_blobs(path)
    texts: list[str] = []
    for number, page in enumerate(pages, 1):
        if number > settings.ocr_max_pages:
            break
        if deadline.left() < 1:
            raise TransientError("превышено время обработки документа (скан не распознан до конца)")
        try:
            page_texts, _ = _image_texts(page, settings, deadline, 1)
        except ExtractError as exc:
            failed = type(exc)(f"страница {number} скана: {exc}")
            raise failed from None
        texts.extend(page_texts)
    result.pages = len(pages)
    result.ocr_used = True
    result.is_scan = True
    result.text = clean_text("\n\n".join(t for t in texts if t))


# ------------------------------------------------------------------------------------------- archives


def extract_zip(path: Path, settings: ExtractSettings, result: ExtractedText, deadline: Deadline) -> None:
    """A plain archive: the text of the supported documents inside, each under its name."""
    from crawler.extract import run_extractor  # circular at import time only

    reason = check_zip(path)
    if reason:
        raise ExtractError(reason)
    parts: list[str] = []
    with zipfile.ZipFile(path) as zf, tempfile.TemporaryDirectory(prefix="zip-") as tmp:
        members = [i for i in zf.infolist() if not i.is_dir() and hint_from_name(i.filename) not in (None, "zip")]
        for n, info in enumerate(members[:MAX_ARCHIVE_MEMBERS]):
            name = _zip_name(info)
            target = Path(tmp) / f"member{n}{Path(name).suffix.lower()}"
            with zf.open(info) as src, target.open("wb") as dst:
                dst.write(src.read(MAX_ENTRY_BYTES))
            inner = run_extractor(target, "", settings, deadline, allow_archive=False)
            result.ocr_used |= inner.ocr_used
            result.signature_field |= inner.signature_field
            if inner.text:
                parts.append(f"=== {name} ===\n{inner.text}")
    result.text = clean_text("\n\n".join(parts))


MAX_ENTRY_BYTES = 50 * 1024 * 1024


def _zip_name(info: zipfile.ZipInfo) -> str:
    if info.flag_bits & 0x800:
        return info.filename
    try:  # Windows archivers store Cyrillic names in cp866
        return info.filename.encode("cp437").decode("cp866")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return info.filename


EXTRACTORS = {
    "pdf": extract_pdf,
    "docx": extract_docx,
    "odt": extract_odf,
    "ods": extract_odf,
    "rtf": extract_rtf,
    "doc": extract_doc,
    "xls": extract_xls,
    "xlsx": extract_xlsx,
    "html": extract_html,
    "txt": extract_txt,
    "jpg": extract_image,
    "png": extract_image,
    "tiff": extract_image,
    "zip": extract_zip,
    "scan_pages": extract_scan_pages,
}

__all__ = ["EXTRACTORS", "Deadline", "ExtractError", "html_to_text"]
