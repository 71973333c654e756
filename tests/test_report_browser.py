"""The HTML brief in a real headless Chromium: it renders, stays offline, runs no site script, prints to A4."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageStat

from crawler.report import write_brief
from tests.browser import ARGS, CHROMIUM
from tests.test_report_sample import make_brief_data

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not CHROMIUM.exists(), reason="нет /usr/bin/chromium")]


class Seen:
    """What the page did while it was open."""

    def __init__(self) -> None:
        self.requests: list[str] = []
        self.console_errors: list[str] = []
        self.dialogs: list[str] = []
        self.page_errors: list[str] = []


def drive_browser(html: Path, shot: Path, pdf_path: Path) -> Seen:
    """Open the brief, check it on screen, screenshot it and print it to PDF."""
    from playwright import sync_api

    seen = Seen()
    requests, console_errors, dialogs, page_errors = (
        seen.requests,
        seen.console_errors,
        seen.dialogs,
        seen.page_errors,
    )
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 1000})
            page.on("request", lambda r: requests.append(r.url))
            page.on("console", lambda m: console_errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: page_errors.append(str(e)))

            def on_dialog(dialog) -> None:  # an alert() means site text ran as script
                dialogs.append(dialog.message)
                dialog.dismiss()

            page.on("dialog", on_dialog)
            page.goto(html.as_uri(), wait_until="load")

            matrix = page.locator("table.matrix")
            assert matrix.is_visible()
            assert matrix.locator("tbody tr").count() == 7
            box = matrix.bounding_box()
            assert box is not None and box["width"] > 600 and box["height"] > 150
            assert page.locator("h1").inner_text().strip().endswith("(май 2026)")
            # the escaped title is visible as text
            assert "<script>alert(1)</script>" in page.locator('tr[data-org="sosh14"]').inner_text()
            # a mark opens its evidence in the appendix
            page.locator('tr[data-org="sosh1"] td[data-criterion="regulation"] a').click()
            page.wait_for_load_state("load")
            assert page.url.endswith("prilozhenie-2026-05.html#org-sosh1-regulation"), page.url
            assert page.locator("#org-sosh1-regulation").is_visible()
            page.go_back()

            page.evaluate("window.scrollTo(0, 0)")
            page.screenshot(path=str(shot), full_page=False)
            page.emulate_media(media="print")
            page.pdf(path=str(pdf_path), format="A4", print_background=True)
        finally:
            browser.close()
    return seen


def test_brief_in_headless_chromium(tmp_path: Path) -> None:
    pytest.importorskip("playwright.sync_api")
    out = write_brief(make_brief_data(), tmp_path / "out")
    shot = tmp_path / "brief.png"
    pdf_path = tmp_path / "brief.pdf"
    # pytest runs an asyncio reactor (pytest-twisted); Playwright's sync API needs a thread without a loop
    with ThreadPoolExecutor(max_workers=1) as pool:
        seen = pool.submit(drive_browser, out["html"], shot, pdf_path).result(timeout=120)
    requests, console_errors, dialogs, page_errors = (
        seen.requests,
        seen.console_errors,
        seen.dialogs,
        seen.page_errors,
    )
    assert not dialogs, dialogs
    assert not console_errors, console_errors
    assert not page_errors, page_errors
    assert requests and all(u.startswith("file://") for u in requests), requests

    image = Image.open(shot).convert("RGB")
    assert image.size == (1200, 1000)
    colours = image.getcolors(maxcolors=1 << 20)
    assert colours is not None and len(colours) > 50  # text and rules, not a blank page
    assert max(ImageStat.Stat(image.convert("L")).stddev) > 20

    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        sizes = [pdf[i].get_size() for i in range(len(pdf))]
        text = "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    finally:
        pdf.close()
    assert len(sizes) >= 2
    portrait = [(w, h) for w, h in sizes if h > w]
    landscape = [(w, h) for w, h in sizes if w > h]
    assert portrait and abs(portrait[0][0] - 595) < 3 and abs(portrait[0][1] - 842) < 3  # A4
    assert landscape, "сводная таблица должна печататься на альбомной странице"
    assert "информационная справка" in text.lower()


def test_printed_brief_and_appendix_keep_the_page_form(tmp_path: Path) -> None:
    """Through Chromium's print: page numbers from page 2 centred on top, nothing in the margins, no box wider
    than its page, the signed part short and the appendix a file of its own."""
    pytest.importorskip("playwright.sync_api")
    from tests.browser import ink_outside_text_area, page_images, print_pdf

    out = write_brief(make_brief_data(), tmp_path / "out")
    for key, most in (("html", 8), ("appendix_html", 12)):
        printed = print_pdf(out[key], tmp_path / f"{key}.pdf")
        assert not printed.overflow, printed.overflow[:5]
        assert 2 <= len(printed.page_sizes) <= most, len(printed.page_sizes)
        images = page_images(printed.pdf, tmp_path / "pages")
        problems = [p for i, image in enumerate(images, 1) for p in ink_outside_text_area(image, i)]
        assert not problems, problems[:5]
        for number, text in enumerate(printed.page_texts[1:], 2):
            assert text.lstrip().startswith(str(number)), (number, text[:40])
    signed = print_pdf(out["html"], tmp_path / "signed.pdf")
    assert "Исп.:" in signed.page_texts[-1] and "А. П. Иванова" in signed.page_texts[-1].replace("\xa0", " ")


def test_fifteen_organizations_sign_in_eight_pages(tmp_path: Path) -> None:
    """A district of 15 organizations with long names: the signed part stays within eight A4 pages and the
    matrix on one landscape page."""
    pytest.importorskip("playwright.sync_api")
    from tests.browser import print_pdf

    data = make_brief_data()
    findings = []
    for i in range(15):
        org = data.findings[i % len(data.findings)]
        name = f"МБОУ «Тонкинская средняя общеобразовательная школа № {i + 1}»" if i < 8 else f"{org.name} {i}"
        findings.append(org.model_copy(update={"id": f"{org.id}-{i}", "name": name}))
    out = write_brief(data.model_copy(update={"findings": findings}), tmp_path / "out")
    printed = print_pdf(out["html"], tmp_path / "signed.pdf")
    assert len(printed.page_sizes) <= 8, len(printed.page_sizes)
    assert not printed.overflow, printed.overflow[:5]
    landscape = [i for i, (w, h) in enumerate(printed.page_sizes) if w > h]
    matrix = [i for i in landscape if "сводная таблица" in printed.page_texts[i]]
    assert len(matrix) == 1  # the whole matrix on one landscape page
    assert "15" in printed.page_texts[matrix[0]]
    # the district data (items 5.2, 5.5) on the next landscape page, whole
    assert landscape == [matrix[0], matrix[0] + 1]
    assert "Всего по округу" in printed.page_texts[matrix[0] + 1]
