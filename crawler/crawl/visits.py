"""What a request is for: typed data that travels with it in `cb_kwargs`, and the few `meta` keys that stay.

Every request of the crawl carries one Visit under the `visit` key of `cb_kwargs`; Scrapy copies it onto
retries and redirects, and the spider's callback gets it back as an argument. `request.meta` holds only what
Scrapy itself or the downloader middlewares read and write; those keys are named here once (`Meta`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final, Literal

from scrapy.http import Request

from crawler.crawl import links

VISIT: Final = "visit"  # the key of cb_kwargs

Via = Literal["links", "sitemap"]


class Meta:
    """Keys of `request.meta` that stay strings: read or written by Scrapy or by crawler.crawl.middlewares."""

    # Scrapy's own
    HANDLE_HTTPSTATUS_LIST: Final = "handle_httpstatus_list"
    PROXY: Final = "proxy"
    REDIRECT_URLS: Final = "redirect_urls"
    RETRY_TIMES: Final = "retry_times"
    # set by the spider, read by SizeAndBytes: validators and blob of the previous run ({etag, last_modified, sha256})
    PREVIOUS: Final = "previous"
    # set by SizeAndBytes, read by the spider
    VALIDATORS_MATCH: Final = "validators_match"  # the server ignored the conditional request; same file
    OVERSIZE: Final = "oversize"  # body stopped at the size limit: its declared size, or -1 when unknown
    # private to the middlewares
    SENT_AT: Final = "_sent_at"
    BACKOFF_DONE: Final = "_backoff_done"
    RETRY_AFTER: Final = "_retry_after"  # seconds a 429/503 asked to wait before the retry
    LIMIT: Final = "_limit"
    GOT: Final = "_got"


@dataclass(frozen=True, kw_only=True)
class Visit:
    """Base of every request's data: the organization it is made for."""

    org_id: str


@dataclass(frozen=True, kw_only=True)
class PageVisit(Visit):
    """A page to read (links, section verdict)."""

    start: bool = False  # the organization's start URL (or an alias)
    rendered: bool = False  # the start page again, as a browser shows it (its menu built by scripts)
    depth: int = 0
    path: tuple[str, ...] = ()  # the click path from the home page
    via: Via | None = "links"  # None: a document link that turned out to be an ordinary page
    link_text: str = ""
    groups: frozenset[str] = frozenset()  # vocabulary groups of the link
    section_child: bool = False  # under the section's path, linked from its content
    in_section: bool = False  # linked from the section's content
    mentoring: bool = False  # the link names a mentoring document
    source_page: str = ""
    link_url: str = ""
    key: str | None = None  # canonical URL of the link (the document key when it gives a file)

    def looks_like_mentoring(self) -> bool:
        return self.mentoring or "mentoring" in self.groups


@dataclass(frozen=True, kw_only=True)
class DocVisit(Visit):
    """A document to download (or the viewer page in front of it)."""

    key: str  # canonical URL of the link as found: the document's key
    link_url: str
    link_text: str = ""
    source_page: str = ""
    in_section: bool = False
    external: bool = False
    viewer_title: str | None = None
    hops: int = 0  # viewer pages passed on the way to the file
    # how to read the link when it gives an ordinary page: «sitemap» and the entry's vocabulary groups, when the
    # sitemap listed it; None for a link found on a page
    via: Via | None = None
    groups: frozenset[str] = frozenset()

    @classmethod
    def of_page(cls, visit: PageVisit, url: str) -> DocVisit:
        """A page link that gave a file."""
        return cls(
            org_id=visit.org_id,
            key=visit.key or links.canonical(url),
            link_url=visit.link_url,
            link_text=visit.link_text,
            source_page=visit.source_page,
            in_section=visit.in_section,
        )

    def as_page(self) -> PageVisit:
        """A document link that gave an ordinary page (no file behind it): read it as a page."""
        return PageVisit(
            org_id=self.org_id,
            depth=1,
            via=self.via,
            groups=self.groups,
            link_text=self.link_text,
            in_section=self.in_section,
            source_page=self.source_page,
            link_url=self.link_url,
            key=self.key,
        )


@dataclass(frozen=True, kw_only=True)
class SitemapVisit(Visit):
    depth: int = 0  # 1: a sitemap listed by a sitemap index
    fallback: str | None = None  # the next usual place of the sitemap, asked for when this one gives none


@dataclass(frozen=True, kw_only=True)
class AdapterVisit(Visit):
    """A request an adapter made itself; its answer goes back to that adapter (`Adapter.answer`)."""

    adapter: str


def visit_of(request: Request) -> Visit | None:
    visit: Any = request.cb_kwargs.get(VISIT)
    return visit if isinstance(visit, Visit) else None
