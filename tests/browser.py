"""Printing a brief in the real Chromium (Playwright) and looking at what comes out: pages, numbers, margins.

Used by test_report_browser.py (a sample brief) and test_end_to_end.py (the demo district's brief).
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from crawler.crawl.browser import CHROMIUM_ARGS

CHROMIUM = Path("/usr/bin/chromium")
ARGS = CHROMIUM_ARGS  # the crawl's own flags for Debian's Chromium in a container
PT_PER_MM = 72 / 25.4
PX_PER_MM = 96 / 25.4
MARGIN_MM = {"left": 20.0, "right": 10.0, "top": 20.0, "bottom": 20.0}

# every element of the page whose box ends right of its page's text area, in print layout
OVERFLOW_JS = """
(width) => {
  const out = [];
  for (const el of document.querySelectorAll('main *')) {
    if (el.closest('svg') && el.tagName.toLowerCase() !== 'svg') continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    if (r.right > width + 0.5 || r.left < -0.5) {
      out.push(`${el.tagName.toLowerCase()}.${el.className}: ${Math.round(r.left)}–${Math.round(r.right)} of ${width}`);
    }
  }
  for (const t of document.querySelectorAll('main table')) {
    if (t.scrollWidth > t.clientWidth + 1) {
      out.push(`table.${t.className} scrolls: ${t.scrollWidth} > ${t.clientWidth}`);
    }
  }
  return out;
}
"""


@dataclass
class Printed:
    pdf: Path
    page_sizes: list[tuple[float, float]] = field(default_factory=list)  # points
    page_texts: list[str] = field(default_factory=list)
    overflow: list[str] = field(default_factory=list)  # element boxes beyond the text area (browser layout)


def _drive(html: Path, pdf: Path) -> list[str]:
    from playwright import sync_api

    problems: list[str] = []
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            page = browser.new_page()
            page.goto(html.as_uri(), wait_until="load")
            page.emulate_media(media="print")
            # lay the page out at the width of an A4 text area (portrait, then landscape) and measure every box
            for width_mm, scope in ((210 - 30, "portrait"), (297 - 30, "landscape")):
                width = round(width_mm * PX_PER_MM)
                page.set_viewport_size({"width": width, "height": 1200})
                page.evaluate(
                    "(scope) => document.querySelectorAll('.landscape').forEach(el => "
                    "el.style.display = scope === 'landscape' ? '' : 'none')",
                    scope,
                )
                if scope == "landscape" and not page.evaluate("document.querySelectorAll('.landscape').length"):
                    break
                if scope == "landscape":  # only the landscape part is measured at the landscape width
                    page.evaluate(
                        "() => document.querySelectorAll('main > *:not(.landscape)').forEach(el => "
                        "el.style.display = 'none')"
                    )
                problems += [f"{scope}: {p}" for p in page.evaluate(OVERFLOW_JS, width)]
            page.evaluate("() => document.querySelectorAll('main *').forEach(el => el.style.display = '')")
            page.set_viewport_size({"width": 1200, "height": 1000})
            page.pdf(path=str(pdf), format="A4", print_background=True, prefer_css_page_size=True)
        finally:
            browser.close()
    return problems


def print_pdf(html: Path, pdf: Path) -> Printed:
    """Print the page as a person does (Chromium, A4, the page's own @page rules)."""
    import pypdfium2 as pdfium

    # pytest runs an asyncio reactor (pytest-twisted); Playwright's sync API needs a thread without a loop
    with ThreadPoolExecutor(max_workers=1) as pool:
        overflow = pool.submit(_drive, html, pdf).result(timeout=180)
    printed = Printed(pdf=pdf, overflow=overflow)
    doc = pdfium.PdfDocument(str(pdf))
    try:
        for i in range(len(doc)):
            printed.page_sizes.append(doc[i].get_size())
            printed.page_texts.append(doc[i].get_textpage().get_text_range())
    finally:
        doc.close()
    return printed


def page_images(pdf: Path, out_dir: Path, scale: float = 1.0) -> list[Path]:
    """Every page as a PNG (a screenshot of the printout), for the eye and for the pixel checks."""
    import pypdfium2 as pdfium

    out_dir.mkdir(parents=True, exist_ok=True)
    doc = pdfium.PdfDocument(str(pdf))
    paths = []
    try:
        for i in range(len(doc)):
            path = out_dir / f"{pdf.stem}-p{i + 1}.png"
            doc[i].render(scale=scale).to_pil().convert("RGB").save(path)
            paths.append(path)
    finally:
        doc.close()
    return paths


def ink_outside_text_area(image_path: Path, page_number: int) -> list[str]:
    """What a printed page has where ГОСТ's margins must stay empty: anything right of the text area, left of it,
    below it; above it only the page number, centred, from page 2."""
    from PIL import Image

    image = Image.open(image_path).convert("L")
    width, height = image.size
    px_per_mm = width / (297 if width > height else 210)

    def ink(box: tuple[float, float, float, float]) -> tuple[int, int, int, int] | None:
        left, top, right, bottom = (round(v * px_per_mm) for v in box)
        region = image.crop((left, top, right, bottom)).point(lambda v: 255 if v < 160 else 0)
        found = region.getbbox()
        if found is None:
            return None
        return (found[0] + left, found[1] + top, found[2] + left, found[3] + top)

    page_w, page_h = width / px_per_mm, height / px_per_mm
    m = MARGIN_MM
    problems = []
    for side, box in (
        ("right margin", (page_w - m["right"] + 1, 0, page_w, page_h)),
        ("left margin", (0, 0, m["left"] - 1, page_h)),
        ("bottom margin", (0, page_h - m["bottom"] + 1, page_w, page_h)),
    ):
        if (found := ink(box)) is not None:
            problems.append(f"page {page_number}: ink in the {side} at {found}")
    number = ink((0, 0, page_w, m["top"] - 1))
    if page_number == 1 and number is not None:
        problems.append(f"page 1: something in the top margin at {number} (no number on the first page)")
    if page_number > 1:
        if number is None:
            problems.append(f"page {page_number}: no page number in the top margin")
        else:
            centre = (number[0] + number[2]) / 2 / px_per_mm
            text_centre = m["left"] + (page_w - m["left"] - m["right"]) / 2
            if abs(centre - page_w / 2) > 8 and abs(centre - text_centre) > 8:
                problems.append(f"page {page_number}: the number is not centred ({centre:.0f} mm)")
    return problems
