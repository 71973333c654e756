"""What the crawl keeps per organization, in cohesive parts, and what a page hands on to its links."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from scrapy.http import Request

from crawler.crawl.visits import Via
from crawler.models import DocumentRecord, FetchAttempt, LostLink, Organization, PageRecord


def now() -> datetime:
    return datetime.now(UTC)


@dataclass
class Frontier:
    """The organization's requests: queued best first, and how many are inside Scrapy."""

    queue: list[tuple[int, int, Request]] = field(default_factory=list)  # heap of (-priority, order, request)
    outstanding: int = 0  # requests handed to Scrapy and not answered yet
    seen: set[str] = field(default_factory=set)  # canonical URLs requested (or known) already
    finished: bool = False  # the result has been emitted


@dataclass
class Budget:
    """What the organization has spent of its limits."""

    pages_sent: int = 0  # pages handed to Scrapy, best first: what max_pages limits (spider._pump)
    doc_requests: int = 0
    exhausted: bool = False  # links were left unvisited at the page limit
    pattern_left: int = 0  # pages linked from the home page left by the budget of same-pattern URLs
    date_keys: dict[str, int] = field(default_factory=dict)  # calendar-like URLs per date pattern
    number_keys: dict[str, int] = field(default_factory=dict)  # URLs per number pattern (paginations, ids)
    hub_docs: int = 0  # documents taken from «Документы»-like pages
    hub_mute_docs: int = 0  # documents with link words that say nothing, taken from such pages for their content
    section_links: int = 0  # pages linked from the section's content outside its path (news items, pagination)
    sveden_after_focus: int = 0  # «Сведения» pages still read after the section was found
    pedagogues_after_focus: int = 0  # «Педагогам» pages still read after the section was found
    clock_from: float | None = None  # time.monotonic() of the organization's first answer (its time budget)
    stopped: str | None = None  # why the crawl of the site stopped at its budget (bytes, time), Russian
    skipped: int = 0  # requests left unmade because of it


@dataclass
class Traffic:
    """Counted by the downloader middlewares."""

    requests: int = 0
    bytes: int = 0
    attempts: list[FetchAttempt] = field(default_factory=list)  # every try of a start URL


@dataclass
class Entry:
    """Getting in: the start URLs tried in turn and what stopped them."""

    urls: list[str]
    index: int = 0  # the start URL tried now
    errors: list[str] = field(default_factory=list)
    reachable: bool = False
    robots_blocked: bool = False
    script_only: bool = False  # the home page has (almost) no links but scripts
    unreadable_home: str | None = None  # the home page answered but gave no link to follow: why (Russian)
    browser_off: str | None = None  # why the script-built home page could not be opened in a browser
    rendered: bool = False  # the home page was asked for in a browser
    user_agent: str | None = None  # set when the site refused the configured User-Agent

    @property
    def url(self) -> str:
        return self.urls[self.index]


@dataclass
class Findings:
    """Pages and documents read, and how they link to each other."""

    pages: list[PageRecord] = field(default_factory=list)
    documents: dict[str, DocumentRecord] = field(default_factory=dict)  # canon of link -> record
    doc_links: dict[str, dict[str, str]] = field(default_factory=dict)  # doc canon -> page canon -> page url
    page_docs: dict[str, list[str]] = field(default_factory=dict)  # page canon -> its documents (first few)
    linked: dict[str, list[str]] = field(default_factory=dict)  # canon -> menu path (found by links)
    lost_pages: list[str] = field(default_factory=list)  # every page that did not open or could not be read
    lost_links: list[LostLink] = field(default_factory=list)  # those that could have led to the section (pages.py)

    def link_document(self, doc_canon: str, page_url: str, page_canon: str) -> None:
        self.doc_links.setdefault(doc_canon, {})[page_canon] = page_url


@dataclass
class Candidate:
    """A page that looks like the mentoring section."""

    url: str
    title: str
    strength: int
    is_stub: bool
    excerpt: str
    depth: int
    menu_path: list[str]
    via_links: bool
    canon: str
    requests_at: int  # requests made for the organization when this page arrived
    audience: str = "unknown"  # teachers | pupils | unknown (crawler.crawl.content.audience)

    def rank(self) -> tuple[int, int, bool, int, int]:
        """Higher wins: a page about pedagogical workers over a pupils' page, then the stronger and the linked one,
        the shallower, the shorter address."""
        return (self.audience != "pupils", self.strength, self.via_links, -self.depth, -len(self.url))


@dataclass
class SectionSearch:
    """The mentoring section: the pages that look like it, and what is linked from their content."""

    candidates: list[Candidate] = field(default_factory=list)
    children: set[str] = field(default_factory=set)  # canon of pages below a candidate
    focused: bool = False  # a strong candidate is found: only hub-like pages are still worth reading

    def best(self) -> Candidate:
        return max(self.candidates, key=Candidate.rank)

    def runner_up(self) -> Candidate | None:
        """The best of the other candidates (not the best one, nor one of its sub-pages)."""
        best = self.best()
        others = [c for c in self.candidates if c is not best and c.canon != best.canon]
        return max(others, key=Candidate.rank) if others else None


@dataclass
class OrgState:
    org: Organization
    hosts: set[str]
    previous: dict[str, dict[str, Any]]  # URL -> validators and blob of the previous run
    entry: Entry
    started_at: datetime = field(default_factory=now)
    frontier: Frontier = field(default_factory=Frontier)
    budget: Budget = field(default_factory=Budget)
    traffic: Traffic = field(default_factory=Traffic)
    found: Findings = field(default_factory=Findings)
    section: SectionSearch = field(default_factory=SectionSearch)


@dataclass
class PageContext:
    """What a link inherits from the page it is on."""

    page: PageRecord
    depth: int
    path: list[str]
    in_section: bool
    section_prefix: str | None
    hub: bool  # a «Документы»/«Методическая работа» page: fetch every document in its content
    via_section: str | None  # the section page, when this page only stands between it and a file
    title: str
    via: Via  # how the links of the page count as found: «sitemap» below a sitemap entry, else «links»


@dataclass
class ParsedPage:
    """A page read and judged, as the adapters see it when they add or change its links."""

    url: str
    canon: str
    start: bool
    in_section: bool
    text: str  # the decoded HTML
    doc: Any  # the lxml tree
