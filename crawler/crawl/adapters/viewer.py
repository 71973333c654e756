"""Document viewer pages: a document link that answers with HTML around the file (pdf.js, a document card, a
«Скачать» page). The file behind it is requested instead, at most MAX_VIEWER_HOPS pages deep.

Generic viewer links that name their file in the query («viewer.html?file=…») are unwrapped earlier, when links
are extracted (links.unwrap_viewer); this adapter reads the page itself.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from scrapy.http import Request, Response

from crawler.crawl import links
from crawler.crawl.adapters.base import Adapter
from crawler.crawl.links import LinkVocabulary
from crawler.crawl.state import OrgState
from crawler.crawl.visits import DocVisit

MAX_VIEWER_HOPS = 2

_DOWNLOAD_WORDS = re.compile(r"скачать|загрузить|download|открыть|файл|посмотреть", re.I)


class DocumentViewer(Adapter):
    name = "viewer"

    def document_page(
        self, st: OrgState, response: Response, visit: DocVisit, doc: Any, title: str
    ) -> list[Request] | None:
        target = download_link(doc, response.url, self.crawl.vocab)
        if target is None or visit.hops >= MAX_VIEWER_HOPS:
            return None
        onward = replace(visit, hops=visit.hops + 1, viewer_title=title or None, external=False, groups=frozenset())
        # validators of the previous run are keyed by the link as found
        return [self.crawl.request(st, target, onward, priority=950, conditional_key=visit.link_url)]


def download_link(doc: Any, page_url: str, vocab: LinkVocabulary) -> str | None:
    """The file behind a viewer page: an embedded file, a «Скачать» link, or a link to a document URL."""
    best: tuple[int, str] | None = None
    own = links.canonical(page_url)
    for lk in links.extract_links(doc, vocab):
        if lk.position != "body" or links.canonical(lk.url) == own:
            continue
        score = 0
        if lk.tag in ("iframe", "embed", "object"):
            score += 3
        if links.looks_like_document(lk.url, vocab):
            score += 4
        if _DOWNLOAD_WORDS.search(lk.label):
            score += 2
        if re.search(r"/file/download|method=download|[?&]download", links.decoded_url(lk.url)):
            score += 3
        if score >= 4 and (best is None or score > best[0]):
            best = (score, lk.url)
    return best[1] if best else None
