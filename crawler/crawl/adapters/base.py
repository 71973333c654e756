"""The one interface of a platform or site quirk, and what the spider offers to it.

An adapter overrides only the hooks it needs; every hook's default says «not mine» (None) or passes its
input through. The spider asks its adapters in the order of `ADAPTERS` (crawler/crawl/adapters/__init__.py);
for the hooks that return requests, the first adapter that answers (not None) wins.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, ClassVar, Protocol

from scrapy.http import Request, Response

from crawler.config import CrawlSettings
from crawler.crawl.links import Link, LinkVocabulary
from crawler.crawl.state import OrgState, PageContext, ParsedPage
from crawler.crawl.visits import AdapterVisit, DocVisit, PageVisit, Visit
from crawler.models import DocumentRecord
from crawler.store import BlobStore


class Crawl(Protocol):
    """What the spider offers to adapters (and to the page and document readers)."""

    @property
    def cs(self) -> CrawlSettings: ...

    @property
    def vocab(self) -> LinkVocabulary: ...

    @property
    def blobs(self) -> BlobStore: ...

    @property
    def adapters(self) -> Sequence[Adapter]: ...

    @property
    def robots_sitemaps(self) -> dict[str, list[str]]:
        """Host -> the sitemaps its robots.txt names (filled as Scrapy reads robots.txt)."""
        ...

    @property
    def browser_off(self) -> str | None:
        """Why pages cannot be opened in a browser in this crawl (Russian), or None when they can."""
        ...

    @property
    def browser_profile(self) -> Path | None:
        """The browser's fresh profile directory for this crawl (None without a browser)."""
        ...

    def request(
        self,
        st: OrgState,
        url: str,
        visit: Visit,
        priority: int,
        conditional_key: str | None = None,
        conditional: bool = True,
    ) -> Request:
        """A request for the organization (its User-Agent, conditional headers, proxy, the visit in cb_kwargs)."""
        ...

    def start_request(self, st: OrgState) -> Request:
        """The request of the organization's current start URL."""
        ...

    def start_failed(self, st: OrgState, reason: str, url: str) -> list[Request]:
        """The start URL failed for `reason` (`url`: the request that did): the next alias's request, if any."""
        ...

    def claim_host(self, st: OrgState, host: str) -> None:
        """The organization's site answers on `host` too."""
        ...

    def hold(self, st: OrgState) -> None:
        """Keep the organization open for work Scrapy does not see (a thread)."""
        ...

    def release(self, st: OrgState) -> None:
        """That work is done: finish the organization if nothing else is left."""
        ...


class Adapter:
    """A platform or site quirk: recognizes a response, a page or a link, and returns requests or records."""

    name: ClassVar[str]  # names its own requests (AdapterVisit.adapter)

    def __init__(self, crawl: Crawl) -> None:
        self.crawl = crawl

    # ------------------------------------------------------------------ pages

    def page_answer(self, st: OrgState, response: Response, visit: PageVisit) -> list[Request] | None:
        """A page's response before the spider reads it: requests (maybe none) if handled here, else None."""
        return None

    def page_links(self, st: OrgState, page: ParsedPage, found: list[Link]) -> list[Link]:
        """The links of a page read and judged: `found`, or more, or other ones."""
        return found

    def page_requests(self, st: OrgState, page: ParsedPage) -> list[Request]:
        """More requests once a page is read and its links followed (the same page in a browser)."""
        return []

    def link(self, st: OrgState, link: Link, ctx: PageContext) -> list[Request] | None:
        """A link of a page before the spider's own rules: requests (maybe none) if taken here, else None."""
        return None

    # -------------------------------------------------------------- documents

    def document_page(
        self, st: OrgState, response: Response, visit: DocVisit, doc: Any, title: str
    ) -> list[Request] | None:
        """An HTML answer to a document link (`doc` is its lxml tree): requests for the file, or None."""
        return None

    def answer(self, st: OrgState, response: Response, visit: AdapterVisit) -> list[Request]:
        """The answer to a request this adapter made itself."""
        return []

    # ----------------------------------------------------------- organization

    def start_failed(self, st: OrgState, url: str, reason: str, error_index: int) -> None:
        """A start URL failed; `error_index` is the index of its reason in st.entry.errors."""

    def documents(self, st: OrgState, docs: dict[str, DocumentRecord]) -> dict[str, DocumentRecord]:
        """The organization's documents when its result is built: `docs`, or changed."""
        return docs

    def forget(self, st: OrgState) -> None:
        """The organization is finished: drop what this adapter kept for it."""
