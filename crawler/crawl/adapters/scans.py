"""Scans pasted into a section page as pictures: each picture is a document; the pages of one scan become one PDF.
So do the photographed pages shown as one gallery (fancybox, lightbox links to the pictures).

Schools often show an order as two or three JPG pages with <img>; a methodologist reads them as one document.
Classified page by page, the second page (a table of pairs without a heading) would pass for another document.
The pictures themselves stay in the blob store; the merged file is named after the first page's URL with a
«#scan-pages-N» mark.
"""

from __future__ import annotations

import io

from crawler.crawl import links
from crawler.crawl.adapters.base import Adapter, Crawl
from crawler.crawl.links import Link
from crawler.crawl.state import OrgState, ParsedPage
from crawler.models import DocumentRecord

SCAN_FORMATS = frozenset({"jpg", "png", "tiff", "gif", "webp"})


class InlineScans(Adapter):
    name = "scans"

    def __init__(self, crawl: Crawl) -> None:
        super().__init__(crawl)
        # organization -> page canon -> the pages (document keys) of each scan on it
        self.groups: dict[str, dict[str, list[list[str]]]] = {}

    def page_links(self, st: OrgState, page: ParsedPage, found: list[Link]) -> list[Link]:
        if not page.in_section:
            return found
        scans = links.inline_scans(page.doc)
        on_page = self.groups.setdefault(st.org.id, {}).setdefault(page.canon, [])
        for group in links.scan_page_groups(scans):
            on_page.append([links.canonical(lk.url) for lk in group])
        # a gallery of page photos (fancybox, lightbox) is one document too
        for urls in links.gallery_groups(page.doc):
            keys = [links.canonical(u) for u in urls]
            if keys not in on_page:
                on_page.append(keys)
        return found + scans

    def documents(self, st: OrgState, docs: dict[str, DocumentRecord]) -> dict[str, DocumentRecord]:
        docs = dict(docs)
        for groups in self.groups.get(st.org.id, {}).values():
            for keys in groups:
                self._merge(docs, keys)
        return docs

    def forget(self, st: OrgState) -> None:
        self.groups.pop(st.org.id, None)

    def _merge(self, docs: dict[str, DocumentRecord], keys: list[str]) -> None:
        """The pages under `keys` as one PDF under the first key (if all of them are pictures that downloaded)."""
        recs = [docs.get(k) for k in keys]
        if any(r is None or not r.sha256 or r.error or r.format not in SCAN_FORMATS for r in recs):
            return
        parts = [r for r in recs if r is not None]
        blobs = self.crawl.blobs
        merged = scans_to_pdf([blobs.path(r.sha256).read_bytes() for r in parts if r.sha256])
        if merged is None:
            return
        first = parts[0]
        stem = (first.file_name or "scan").rsplit(".", 1)[0]
        docs[keys[0]] = first.model_copy(
            update={
                "url": f"{first.url}#scan-pages-{len(parts)}",
                "file_name": f"{stem}.pdf",
                "format": "pdf",
                "content_type": "application/pdf",
                "sha256": blobs.put(merged),
                "size": len(merged),
                "etag": None,
                "last_modified": None,
                "not_modified": False,
                "link_text": first.link_text or f"Скан документа ({len(parts)} стр.)",
            }
        )
        for k in keys[1:]:
            docs.pop(k, None)


def scans_to_pdf(images: list[bytes], dpi: float = 200.0) -> bytes | None:
    """Pictures as the pages of one PDF (A4-sized for a 200 dpi scan); None when one of them is not a picture."""
    from PIL import Image, UnidentifiedImageError

    pages = []
    try:
        for data in images:
            with Image.open(io.BytesIO(data)) as img:
                pages.append(img.convert("RGB"))
    except (UnidentifiedImageError, OSError, ValueError):
        return None
    if not pages:
        return None
    out = io.BytesIO()
    pages[0].save(out, format="PDF", save_all=True, append_images=pages[1:], resolution=dpi)
    return out.getvalue()
