"""docgen: every format opens with a real reader and keeps the Cyrillic text."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from docx import Document
from odf import teletype
from odf.opendocument import load as odf_load
from odf.table import Table
from odf.text import P
from PIL import Image
from striprtf.striprtf import rtf_to_text

from crawler.demo import docgen
from crawler.demo.content import DOC_FIXTURES
from crawler.demo.docgen import DocgenError, render

LINES = [
    "ПРИНЯТО\tУТВЕРЖДЕНО",
    "педагогическим советом\tприказом директора",
    "протокол № 5 от 29.08.2023\tот 11.03.2024 № 0123",
    "",
    "# ПОЛОЖЕНИЕ",
    "# о системе наставничества педагогических работников",
    "1. Общие положения",
    "1.1. Наставничество осуществляется на основании письменного согласия наставника и наставляемого.",
    "ФИО наставника\tФИО наставляемого\tФорма",
    "Иванова Мария Петровна\tСидоров Олег Игоревич\tпедагог – педагог",
]
# Short, large-type page for OCR checks (OCR costs ~1 s per page).
OCR_LINES = [
    "УТВЕРЖДЕНО",
    "приказом от 11.03.2024 № 0123",
    "",
    "# ПОЛОЖЕНИЕ",
    "# о системе наставничества педагогических работников",
    "Наставничество осуществляется на основании письменного согласия.",
]


def pdf_text(data: bytes) -> tuple[int, str]:
    pdf = pdfium.PdfDocument(data)
    try:
        return len(pdf), "\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    finally:
        pdf.close()


def ocr(image: Image.Image, tmp_path: Path) -> str:
    if shutil.which("tesseract") is None:
        pytest.skip("tesseract не установлен")
    path = tmp_path / "page.png"
    image.save(path)
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    out = subprocess.run(
        ["tesseract", str(path), "-", "-l", "rus"], capture_output=True, check=True, env=env, timeout=120
    )
    return out.stdout.decode("utf-8")


def test_pdf_has_cyrillic_text_layer() -> None:
    data = render("pdf", LINES)
    assert data.startswith(b"%PDF")
    pages, text = pdf_text(data)
    assert pages == 1
    for needle in (
        "УТВЕРЖДЕНО",
        "ПОЛОЖЕНИЕ",
        "наставничества педагогических работников",
        "№ 0123",
        "Сидоров",
    ):
        assert needle in text


def test_pdf_is_deterministic_and_multipage() -> None:
    long = [*LINES, *[f"{i}. Пункт положения о наставничестве номер {i}." for i in range(120)]]
    assert render("pdf", long) == render("pdf", long)
    pages, text = pdf_text(render("pdf", long))
    assert pages >= 2
    assert "номер 119" in text


def test_pdf_scan_has_no_text_layer_but_ocr_reads_it(tmp_path: Path) -> None:
    data = render("pdf_scan", OCR_LINES, seed=3)
    assert data.startswith(b"%PDF") and len(data) < 300_000
    pages, text = pdf_text(data)
    assert pages == 1 and text.strip() == ""
    page = pdfium.PdfDocument(data)[0].render(scale=300 / 72).to_pil()
    read = ocr(page, tmp_path).lower()
    assert "положение" in read and "наставничества" in read


def test_pdf_broken_has_garbage_layer_and_readable_page(tmp_path: Path) -> None:
    data = render("pdf_broken", OCR_LINES)
    _, text = pdf_text(data)
    assert "YTBEPXAEHO" in text  # Latin look-alikes, as a font without a Unicode map extracts
    assert not any("а" <= ch <= "я" for ch in text.lower())
    page = pdfium.PdfDocument(data)[0].render(scale=300 / 72).to_pil()
    assert "наставничества" in ocr(page, tmp_path).lower()


def test_jpg_scan_is_ocr_readable(tmp_path: Path) -> None:
    data = render("jpg", OCR_LINES, seed=1)
    assert data[:3] == b"\xff\xd8\xff" and len(data) < 300_000
    image = Image.open(io.BytesIO(data))
    assert image.format == "JPEG"
    read = ocr(image, tmp_path).lower()
    assert "положение" in read and "согласия" in read


def test_docx_paragraphs_and_stamp_table() -> None:
    data = render("docx", LINES)
    assert data.startswith(b"PK\x03\x04")
    doc = Document(io.BytesIO(data))
    assert [c.text for c in doc.tables[0].rows[0].cells] == ["ПРИНЯТО", "УТВЕРЖДЕНО"]
    assert doc.tables[0].cell(2, 1).text == "от 11.03.2024 № 0123"
    assert doc.tables[1].cell(1, 1).text == "Сидоров Олег Игоревич"
    paras = [p.text for p in doc.paragraphs]
    assert "ПОЛОЖЕНИЕ" in paras
    assert any(p.runs and p.runs[0].bold for p in doc.paragraphs if p.text == "ПОЛОЖЕНИЕ")
    assert render("docx", LINES) == data


def test_odt_text_and_table() -> None:
    data = render("odt", LINES)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert zf.namelist()[0] == "mimetype"
        assert zf.read("mimetype") == b"application/vnd.oasis.opendocument.text"
    doc = odf_load(io.BytesIO(data))
    texts = [teletype.extractText(p) for p in doc.getElementsByType(P)]
    assert "о системе наставничества педагогических работников" in texts
    assert len(doc.getElementsByType(Table)) == 2
    assert render("odt", LINES) == data


@pytest.mark.parametrize("seed", [0, 1])
def test_rtf_unicode_and_cp1251(seed: int) -> None:
    data = render("rtf", LINES, seed=seed)
    assert data.startswith(b"{\\rtf1")
    assert (b"\\'" in data) == bool(seed % 2)  # seed 1: cp1251 bytes, seed 0: \uN escapes
    text = rtf_to_text(data.decode("ascii"))
    assert "ПОЛОЖЕНИЕ" in text and "письменного согласия" in text and "Сидоров Олег Игоревич" in text


def test_html_and_txt() -> None:
    page = render("html", LINES).decode("utf-8")
    assert "<title>ПОЛОЖЕНИЕ</title>" in page and "<td>Сидоров Олег Игоревич</td>" in page
    txt = render("txt", LINES).decode("utf-8")
    assert txt.splitlines()[4] == "ПОЛОЖЕНИЕ"


@pytest.mark.parametrize("name", sorted(DOC_FIXTURES))
def test_doc_fixture_is_word97_and_matches_text(name: str) -> None:
    lines = DOC_FIXTURES[name]
    data = render("doc", lines)
    assert data.startswith(b"\xd0\xcf\x11\xe0")
    if shutil.which("antiword") is None:
        pytest.skip("antiword не установлен")
    out = subprocess.run(
        ["antiword", "-m", "UTF-8.txt", "-"], input=data, capture_output=True, check=True, timeout=30
    ).stdout.decode("utf-8")
    title = next(line[2:] for line in lines if line.startswith("# ") and line != "# ПОЛОЖЕНИЕ")
    assert " ".join(title.split()[:4]) in " ".join(out.split())


def test_doc_without_fixture_is_a_clear_error() -> None:
    with pytest.raises(DocgenError, match=r"нет готового файла \.doc"):
        render("doc", ["# Неизвестный документ"])


def test_doc_fixtures_are_committed_for_every_text() -> None:
    for name in DOC_FIXTURES:
        assert (docgen.FIXTURES_DIR / f"{name}.doc").stat().st_size < 100_000


def test_unknown_format() -> None:
    with pytest.raises(DocgenError, match="Неизвестный формат"):
        render("xls", LINES)
