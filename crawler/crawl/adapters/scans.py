"""Scans pasted into a section page as pictures: each picture is a document; the pages of one scan are one document.
So are the photographed pages shown as one gallery (fancybox, lightbox links to the pictures).

Schools often show an order as two or three JPG pages with <img>; a methodologist reads them as one document.
Classified page by page, the second page (a table of pairs without a heading) would pass for another document.
Nothing is decoded here: the pictures stay in the blob store as they came, and the scan is one small manifest
that names them (crawler/extract/scanpages.py, format «scan_pages»), stored under the first page's URL with a
«#scan-pages-N» mark. The extraction worker decodes and recognizes the pages under its memory and time limits,
and the same pages always give the same manifest (the extraction cache hits on the next run).
"""

from __future__ import annotations

from crawler.crawl import links
from crawler.crawl.adapters.base import Adapter, Crawl
from crawler.crawl.links import Link
from crawler.crawl.state import OrgState, ParsedPage
from crawler.extract.scanpages import manifest
from crawler.models import DocumentRecord

SCAN_FORMATS = frozenset({"jpg", "png", "tiff", "gif", "webp"})
SCAN_PAGES = "scan_pages"  # the format of the manifest


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
        """The pages under `keys` as one scan under the first key (if all of them are pictures that downloaded)."""
        recs = [docs.get(k) for k in keys]
        if any(r is None or not r.sha256 or r.error or r.format not in SCAN_FORMATS for r in recs):
            return
        parts = [r for r in recs if r is not None and r.sha256]
        body = manifest([(r.sha256 or "", r.final_url or r.url) for r in parts])
        first = parts[0]
        stem = (first.file_name or "scan").rsplit(".", 1)[0]
        docs[keys[0]] = first.model_copy(
            update={
                "url": f"{first.url}#scan-pages-{len(parts)}",
                "file_name": f"{stem} ({len(parts)} стр.)",
                "format": SCAN_PAGES,
                "content_type": None,
                "sha256": self.crawl.blobs.put(body),
                "size": sum(r.size or 0 for r in parts),
                "etag": None,
                "last_modified": None,
                "not_modified": all(r.not_modified for r in parts),
                "link_text": first.link_text or f"Скан документа ({len(parts)} стр.)",
            }
        )
        for k in keys[1:]:
            docs.pop(k, None)
