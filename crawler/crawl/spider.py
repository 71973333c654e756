"""The focused spider: one Scrapy spider crawls every organization, each with its own state and budget.

Requests carry the organization id in meta; an organization is finished (and its result emitted)
when none of its requests is in flight any more.
"""

from __future__ import annotations

import heapq
import itertools
import json
import re
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

import scrapy
from scrapy import signals
from scrapy.exceptions import DontCloseSpider, IgnoreRequest
from scrapy.http import Request, Response
from scrapy.utils.sitemap import Sitemap
from twisted.python.failure import Failure

from crawler.config import CrawlSettings
from crawler.crawl import content, links
from crawler.crawl.errors import failure_reason_ru, status_reason_ru
from crawler.models import (
    DocumentRecord,
    FetchAttempt,
    LostLink,
    Organization,
    OrgCrawlResult,
    PageRecord,
    SectionInfo,
)
from crawler.store import BlobStore

PAGE_TEXT_LIMIT = 50_000
EXCERPT_LIMIT = 1_000
MAX_VIEWER_HOPS = 2
SITEMAP_URL_LIMIT = 30
HANDLED_STATUSES = [304, *range(400, 600)]
HUB_PAGE_GROUPS = frozenset({"documents", "pedagogues"})

CLOUD_NOTE = "документ во внешнем облачном хранилище, проверить вручную"
YANDEX_FILE = re.compile(r"^https?://(disk\.yandex\.(ru|com)|yadi\.sk|disk\.360\.yandex\.ru)/(i|d)/", re.I)


def now() -> datetime:
    return datetime.now(UTC)


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


@dataclass
class OrgState:
    org: Organization
    hosts: set[str]
    start_urls: list[str]
    previous: dict[str, dict[str, Any]]
    started_at: datetime = field(default_factory=now)
    seen: set[str] = field(default_factory=set)
    outstanding: int = 0  # requests handed to Scrapy and not answered yet
    frontier: list[tuple[int, int, Request]] = field(default_factory=list)  # heap: best first
    page_requests: int = 0
    doc_requests: int = 0
    requests: int = 0
    bytes: int = 0
    attempts: list[FetchAttempt] = field(default_factory=list)
    start_errors: list[str] = field(default_factory=list)
    start_index: int = 0
    reachable: bool = False
    robots_blocked: bool = False
    lost_mentoring: list[LostLink] = field(default_factory=list)
    script_only_home: bool = False  # the home page has (almost) no links but scripts
    budget_exhausted: bool = False  # links were left unvisited at the page limit
    pages: list[PageRecord] = field(default_factory=list)
    documents: dict[str, DocumentRecord] = field(default_factory=dict)  # canon of link -> record
    candidates: list[Candidate] = field(default_factory=list)
    section_children: set[str] = field(default_factory=set)  # canon of pages below a candidate
    doc_links: dict[str, dict[str, str]] = field(default_factory=dict)  # doc canon -> page canon -> page url
    page_docs: dict[str, list[str]] = field(default_factory=dict)  # page canon -> its documents (first few)
    linked: dict[str, list[str]] = field(default_factory=dict)  # canon -> menu path (found by links)
    date_budget: dict[str, int] = field(default_factory=dict)
    number_budget: dict[str, int] = field(default_factory=dict)
    focused: bool = False
    sveden_after_focus: int = 0
    pedagogues_after_focus: int = 0
    hub_docs: int = 0
    lost_pages: list[str] = field(default_factory=list)
    finished: bool = False
    scan_groups: dict[str, list[list[str]]] = field(default_factory=dict)  # page canon -> pages of one scan
    user_agent: str | None = None  # set when the site refused the configured User-Agent (see browser_compatible)


class FocusedSpider(scrapy.Spider):
    name = "nastavnik"

    def __init__(
        self,
        orgs: list[Organization],
        crawl_settings: CrawlSettings,
        blobs_dir: Path,
        previous: dict[str, dict[str, dict[str, Any]]] | None,
        emit: Callable[[OrgCrawlResult], None],
        **kwargs: Any,
    ):
        super().__init__(**kwargs)
        self.cs = crawl_settings
        self.blobs = BlobStore(blobs_dir)
        self.emit = emit
        self.vocab = links.default_link_vocabulary()
        self.states: dict[str, OrgState] = {}
        self._counter = itertools.count()
        self.host_to_org: dict[str, str] = {}
        self.pending_evidence = 0
        for org in orgs:
            urls = [org.site, *org.aliases]
            hosts = set()
            for u in urls:
                hosts.add(links.host_of(u))
            st = OrgState(org=org, hosts=hosts, start_urls=urls, previous=(previous or {}).get(org.id, {}))
            self.states[org.id] = st
            for h in hosts:
                self.host_to_org.setdefault(h, org.id)

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> FocusedSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider._on_idle, signal=signals.spider_idle)
        return spider

    def _on_idle(self) -> None:
        if self.pending_evidence > 0:  # a TLS evidence fetch runs in a thread Scrapy does not see
            raise DontCloseSpider

    # ------------------------------------------------------------------ plumbing

    def org_for(self, request: Request) -> OrgState | None:
        org_id = request.meta.get("org")
        if org_id is None:
            org_id = self.host_to_org.get(links.host_of(request.url))
        return self.states.get(org_id) if org_id else None

    def _request(
        self,
        st: OrgState,
        url: str,
        callback: Callable[..., Any],
        priority: int,
        meta: dict[str, Any],
        conditional_key: str | None = None,
        conditional: bool = True,
    ) -> Request:
        headers: dict[str, str] = {}
        if st.user_agent:
            headers["User-Agent"] = st.user_agent
        prev = st.previous.get(conditional_key or url) if conditional else None
        if prev:
            if prev.get("etag"):
                headers["If-None-Match"] = prev["etag"]
            if prev.get("last_modified"):
                headers["If-Modified-Since"] = prev["last_modified"]
        meta = {"org": st.org.id, "handle_httpstatus_list": HANDLED_STATUSES, **meta}
        if prev:
            meta["previous"] = prev
        if self.cs.proxy:
            meta["proxy"] = self.cs.proxy
        return Request(
            url,
            callback=callback,
            errback=self.on_error,
            priority=priority,
            meta=meta,
            headers=headers,
            dont_filter=True,
        )

    def _pump(self, st: OrgState, new: list[Request], answered: bool = True) -> list[Request]:
        """Queue `new` in the organization's frontier and hand Scrapy the best ones it has room for.

        Scrapy's downloader queues each site FIFO once a request leaves the scheduler, so the order
        (best first) and the decision to skip (the section was found meanwhile) are kept here: an
        organization never has more than per_site_concurrency requests inside Scrapy.
        """
        if answered:
            st.outstanding -= 1
        for request in new:
            heapq.heappush(st.frontier, (-request.priority, next(self._counter), request))
        out: list[Request] = []
        while st.frontier and st.outstanding < self.cs.per_site_concurrency:
            _, _, request = heapq.heappop(st.frontier)
            if self.should_drop(request):
                continue
            st.outstanding += 1
            out.append(request)
        if st.outstanding <= 0 and not st.frontier and not st.finished:
            self._finish(st)
        return out

    async def start(self) -> AsyncIterator[Request]:
        for st in self.states.values():
            for request in self._pump(st, [self._start_request(st)], answered=False):
                yield request

    def _start_request(self, st: OrgState) -> Request:
        url = st.start_urls[st.start_index]
        return self._request(
            st,
            links.clean_url(url),
            self.on_page,
            priority=10_000,
            meta={"kind": "page", "start": True, "depth": 0, "path": [], "via": "links"},
        )

    def should_drop(self, request: Request) -> bool:
        """Is this queued request still worth it (the section may have been found since it was queued)?"""
        st = self.org_for(request)
        meta = request.meta
        if st is None or meta.get("kind") != "page" or meta.get("start"):
            return False
        if st.focused and not meta.get("section_child"):
            groups = set(meta.get("groups", ()))
            if groups & self.vocab.hub_groups:
                return False
            if "sveden" in groups and st.sveden_after_focus < 2 and not self._has_docs_page(st):
                st.sveden_after_focus += 1
                return False
            if "pedagogues" in groups and st.pedagogues_after_focus < 3:
                st.pedagogues_after_focus += 1
                return False
            return True
        return False

    def _has_docs_page(self, st: OrgState) -> bool:
        return any(p.url and re.search(r"document|dokument", p.url, re.I) for p in st.pages)

    # --------------------------------------------------------------------- pages

    def _guarded(self, response: Response, handler: Callable[[OrgState, Response], list[Request]]) -> list[Request]:
        """Run a response handler; a bug on one page must not stall the organization."""
        st = self.org_for(response.request)
        if st is None:
            return []
        try:
            out = handler(st, response)
        except Exception:
            self.logger.exception("ошибка обработки %s", response.url)
            st.lost_pages.append(response.url)
            out = []
        return self._pump(st, out)

    def on_page(self, response: Response) -> list[Request]:
        return self._guarded(response, self._page)

    def _body_of(self, response: Response) -> tuple[bytes, bool]:
        """Body of a response; for a 304, the stored body of the previous run."""
        prev = response.meta.get("previous")
        if self._unchanged(response) and prev and self.blobs.has(prev["sha256"]):
            return self.blobs.path(prev["sha256"]).read_bytes(), True
        return response.body, False

    @staticmethod
    def _unchanged(response: Response) -> bool:
        """304, or a 200 whose validators equal the stored copy's (the body was not downloaded)."""
        return bool(response.meta.get("previous")) and (
            response.status == 304 or bool(response.meta.get("validators_match"))
        )

    def _page(self, st: OrgState, response: Response) -> list[Request]:
        meta = response.meta
        is_start = bool(meta.get("start"))
        if response.status == 304 and not meta.get("previous"):
            return []
        if response.status >= 400:
            if is_start and response.status in (401, 403) and st.user_agent is None:
                # Web firewalls often refuse anything that does not look like a browser; ask once more with the
                # same bot name in the «Mozilla/5.0 (compatible; …)» form that search engine robots use.
                st.user_agent = browser_compatible(self.cs.user_agent)
                retry = self._start_request(st)
                retry.meta["ua_retry"] = True
                return [retry]
            if is_start:
                return self._start_failed(st, status_reason_ru(response.status, meta.get("retry_times", 0)))
            st.lost_pages.append(response.url)
            if response.status not in (404, 410):  # «not found» is an answer; a server error is not
                why = status_reason_ru(response.status, meta.get("retry_times", 0))
                self._lost_mentoring(st, response.request, why)
            return []
        if meta.get("oversize"):
            if is_start:
                return self._start_failed(st, "главная страница слишком велика")
            ctype = _header(response, b"Content-Type")
            if (meta.get("in_section") or meta.get("mentoring")) and not content.is_html_response(b"", ctype):
                return self._document(st, response)  # a big file behind a page-like link
            st.lost_pages.append(response.url)
            return []
        body, not_modified = self._body_of(response)
        ctype = response.headers.get(b"Content-Type", b"").decode("latin-1") or None
        if is_start:
            st.reachable = True
            st.hosts.add(links.host_of(response.url))  # the root redirected: that host is the org's too
            self.host_to_org.setdefault(links.host_of(response.url), st.org.id)
            st.seen.add(links.canonical(response.url))
            st.seen.add(links.canonical(response.request.url))
        if not not_modified and not content.is_html_response(body, ctype):
            # a link that looked like a page gave a file
            if meta.get("in_section") or meta.get("mentoring"):
                return self._document(st, response)
            return []
        text, _enc = content.decode_html(body, ctype)
        try:
            doc = links.parse_html(text, response.url)
        except Exception:  # lxml refuses some broken pages (empty, only a comment)
            st.lost_pages.append(response.url)
            return []
        sha = meta["previous"]["sha256"] if not_modified else self.blobs.put(body)
        title = links.page_title(doc)
        heading = links.page_heading(doc)
        depth = int(meta.get("depth", 0))
        path = list(meta.get("path", []))
        record = PageRecord(
            # the URL as requested (before redirects): previous runs key their validators by it
            url=(meta.get("redirect_urls") or [response.request.url])[0],
            final_url=response.url,
            status=200 if not_modified else response.status,
            title=title,
            heading=heading,
            depth=depth,
            menu_path=path,
            fetched_at=now(),
            sha256=sha,
            etag=_header(response, b"ETag") or (meta["previous"].get("etag") if not_modified else None),
            last_modified=_header(response, b"Last-Modified")
            or (meta["previous"].get("last_modified") if not_modified else None),
            not_modified=not_modified,
        )
        canon = links.canonical(response.url)
        st.seen.add(canon)
        st.pages.append(record)

        page_links = links.extract_links(doc, self.vocab)
        if not page_links:
            # a stub that sends the browser on by script («window.location = '/index.php'»)
            target = links.script_redirect(text, response.url)
            if target:
                if is_start:  # like an HTTP redirect of the root: the new host is the organization's
                    st.hosts.add(links.host_of(target))
                page_links = [links.Link(target, "", position="body", in_main=False)]
        if is_start and len(page_links) < 3 and "<script" in text.lower():
            # a page built by JavaScript: without a browser the site cannot be read, which is not «no section»
            st.script_only_home = True
        main_text = links.visible_text(doc, main_only=True)
        main_docs = [
            lk
            for lk in page_links
            if lk.in_main and (links.looks_like_document(lk.url) or links.looks_like_viewer(lk.url))
        ]
        mentoring_docs = [lk for lk in main_docs if links.is_mentoring_document_link(lk, self.vocab)]
        st.page_docs[canon] = [links.canonical(lk.url) for lk in main_docs][:4]
        verdict = content.judge_section(
            response.url,
            title,
            heading,
            meta.get("link_text", ""),
            main_text,
            len(main_docs) if (mentoring_docs or meta.get("section_child")) else 0,
            self.vocab,
        )
        in_section = verdict.is_section or bool(meta.get("section_child"))
        if in_section:
            # scanned pages pasted as pictures are documents of the section, like linked files
            scans = links.inline_scans(doc)
            page_links = page_links + scans
            for group in links.scan_page_groups(scans):
                st.scan_groups.setdefault(canon, []).append([links.canonical(lk.url) for lk in group])
        groups = set(meta.get("groups", ())) | links.heading_groups(heading, self.vocab)
        # «Документы», «Методическая работа»: every local act there goes to the classifier
        hub = bool(groups & HUB_PAGE_GROUPS) and not in_section
        # a page between the section and a file (uCoz /load/…, a document card without the word «card»)
        via_section: str | None = None
        if meta.get("in_section") and not in_section and 1 <= len(main_docs) <= 3:
            via_section = meta.get("source_page")
        if in_section or "documents" in groups:
            record.text = links.visible_text(doc, main_only=False, limit=PAGE_TEXT_LIMIT)
        if verdict.is_section:
            via_links = meta.get("via") == "links"
            cand_path = path if via_links else st.linked.get(canon, path)
            st.candidates.append(
                Candidate(
                    url=response.url,
                    title=heading or title,
                    strength=verdict.strength,
                    is_stub=verdict.is_stub,
                    excerpt=main_text[:EXCERPT_LIMIT],
                    depth=depth,
                    menu_path=cand_path,
                    via_links=via_links or canon in st.linked,
                    canon=canon,
                    requests_at=st.requests,
                )
            )
            if verdict.strength >= 3:
                st.focused = True

        out: list[Request] = []
        if meta.get("via") == "links":
            for lk in page_links:
                lcanon = links.canonical(lk.url)
                if lcanon not in st.linked:
                    st.linked[lcanon] = _child_path(path, lk)
        section_prefix = _path_prefix(response.url) if in_section else None
        ctx = PageContext(record, depth, path, in_section, section_prefix, hub, via_section, heading or title)
        for lk in page_links:
            out.extend(self._follow(st, lk, ctx, meta))
        # best first: the scheduler may start on the first request before the rest are queued
        out.sort(key=lambda r: -r.priority)
        if is_start and self.cs.use_sitemap:
            sitemap = f"{urlsplit(response.url).scheme}://{urlsplit(response.url).netloc}/sitemap.xml"
            out.append(self._request(st, sitemap, self.on_sitemap, priority=150, meta={"kind": "sitemap", "depth": 0}))
        return out

    def _follow(self, st: OrgState, lk: links.Link, ctx: PageContext, meta: dict[str, Any]) -> list[Request]:
        page, depth, path = ctx.page, ctx.depth, ctx.path
        in_section, section_prefix = ctx.in_section, ctx.section_prefix
        from_section_main = in_section and lk.in_main
        canon = links.canonical(lk.url)
        if from_section_main:
            # a mentoring page linked from the section's content belongs to it (decided at the end)
            st.section_children.add(canon)
        if links.is_cloud(lk.url, self.vocab):
            if from_section_main or links.is_mentoring_document_link(lk, self.vocab):
                if lk.in_main:
                    st.doc_links.setdefault(canon, {})[links.canonical(page.final_url)] = page.final_url
                return self._external(st, lk, page.final_url, from_section_main)
            return []
        on_host = links.host_of(lk.url) in st.hosts
        is_doc = links.looks_like_document(lk.url, self.vocab) or links.looks_like_viewer(lk.url, self.vocab)
        mentoring = links.is_mentoring_document_link(lk, self.vocab)
        if is_doc:
            through_section = ctx.via_section is not None and lk.in_main
            related = links.is_related_document_link(lk, self.vocab)
            from_hub = ctx.hub and lk.in_main and st.hub_docs < self.vocab.hub_documents_cap
            if not (from_section_main or through_section or mentoring or related or from_hub):
                return []
            if from_hub and not (from_section_main or mentoring or related):
                st.hub_docs += 1
            if lk.in_main:
                st.doc_links.setdefault(canon, {})[links.canonical(page.final_url)] = page.final_url
            if through_section and ctx.via_section:
                st.doc_links.setdefault(canon, {})[links.canonical(ctx.via_section)] = ctx.via_section
            existing = st.documents.get(canon)
            if existing is not None or canon in st.seen:
                if existing is not None and from_section_main:
                    existing.in_section = True
                return []
            if st.doc_requests >= self.cs.max_pages:
                return []
            st.seen.add(canon)
            st.doc_requests += 1
            return [
                self._request(
                    st,
                    lk.url,
                    self.on_document,
                    # a viewer card's stored validators are those of the file behind it
                    conditional=not links.looks_like_viewer(lk.url, self.vocab),
                    priority=900 if from_section_main else 700,
                    meta={
                        "kind": "doc",
                        "doc_key": canon,
                        "link_url": lk.url,
                        "link_text": lk.label,
                        "source_page": page.final_url,
                        "in_section": from_section_main,
                        "hops": 0,
                        **({"viewer_title": ctx.title} if through_section else {}),
                    },
                )
            ]
        if not on_host or canon in st.seen:
            return []
        child_depth = depth + 1
        section_child = bool(section_prefix and lk.in_main and _path_prefix(lk.url).startswith(section_prefix + "/"))
        score = links.score_link(lk, child_depth, self.vocab)
        if not section_child:
            if child_depth > self.cs.max_depth:
                return []
            if score.value <= -100 or (score.value < -30 and child_depth >= 2):
                return []
            if st.focused and not (score.groups & (self.vocab.hub_groups | {"sveden", "pedagogues"})):
                return []
        if st.page_requests >= self.cs.max_pages:
            st.budget_exhausted = True
            return []
        date_key, number_key = links.trap_keys(lk.url, self.vocab)
        if date_key is not None:
            if st.date_budget.get(date_key, 0) >= self.vocab.trap_budget:
                return []
            st.date_budget[date_key] = st.date_budget.get(date_key, 0) + 1
        if not section_child:
            if st.number_budget.get(number_key, 0) >= self.vocab.pattern_budget:
                return []
            st.number_budget[number_key] = st.number_budget.get(number_key, 0) + 1
        st.seen.add(canon)
        priority = 1000 if section_child else max(score.value, -999)
        page_meta = {
            "kind": "page",
            "depth": child_depth,
            "path": _child_path(path, lk),
            "via": meta.get("via", "links"),
            "link_text": lk.label,
            "groups": sorted(score.groups),
            "section_child": section_child,
            "in_section": from_section_main,
            "mentoring": mentoring,
            "source_page": page.final_url,
            "link_url": lk.url,
            "doc_key": canon,
            "hops": 0,
        }
        st.page_requests += 1
        return [self._request(st, lk.url, self.on_page, priority=priority, meta=page_meta)]

    def _external(self, st: OrgState, lk: links.Link, source: str, in_section: bool) -> list[Request]:
        key = links.canonical(lk.url)
        if key in st.documents:
            st.documents[key].in_section |= in_section
            return []
        st.documents[key] = DocumentRecord(
            url=lk.url,
            source_page=source,
            link_text=lk.label,
            in_section=in_section,
            external=True,
            error=CLOUD_NOTE,
        )
        if not (self.cs.resolve_yandex_disk and YANDEX_FILE.search(lk.url)):
            return []
        # a public Yandex Disk file: its public API gives a direct download link
        api = f"{self.cs.yandex_disk_api}?{urlencode({'public_key': lk.url})}"
        meta = {
            "kind": "yadisk",
            "doc_key": key,
            "link_url": lk.url,
            "link_text": lk.label,
            "source_page": source,
            "in_section": in_section,
            "external": True,
        }
        return [self._request(st, api, self.on_yadisk, priority=800, meta=meta, conditional=False)]

    def on_yadisk(self, response: Response) -> list[Request]:
        st = self.org_for(response.request)
        if st is None:
            return []
        out: list[Request] = []
        meta = response.meta
        try:
            href = json.loads(response.text).get("href") if response.status == 200 else None
        except (ValueError, AttributeError):
            href = None
        if href:
            new_meta = {k: meta[k] for k in ("doc_key", "link_url", "link_text", "source_page", "in_section")}
            new_meta.update(kind="doc", hops=1, external=True)
            out = [
                self._request(st, href, self.on_document, priority=800, meta=new_meta, conditional_key=meta["link_url"])
            ]
        else:
            rec = st.documents.get(meta["doc_key"])
            if rec is not None:
                rec.error = f"{CLOUD_NOTE} (API Яндекс Диска: HTTP {response.status})"
        return self._pump(st, out)

    # ------------------------------------------------------------------- sitemap

    def on_sitemap(self, response: Response) -> list[Request]:
        return self._guarded(response, self._sitemap)

    def _sitemap(self, st: OrgState, response: Response) -> list[Request]:
        if response.status != 200 or b"<" not in response.body[:512]:
            return []
        try:
            sm = Sitemap(response.body)
        except Exception:  # not XML: many sites answer a missing sitemap with their home page
            return []
        out: list[Request] = []
        if sm.type == "sitemapindex":
            for i, entry in enumerate(sm):
                if i >= 3 or response.meta.get("depth", 0) >= 1:
                    break
                loc = entry.get("loc", "")
                if links.host_of(loc) in st.hosts:
                    out.append(
                        self._request(st, loc, self.on_sitemap, priority=140, meta={"kind": "sitemap", "depth": 1})
                    )
            return out
        taken = 0
        for entry in sm:
            loc = entry.get("loc", "")
            if not loc or links.host_of(loc) not in st.hosts:
                continue
            lk = links.Link(links.clean_url(loc), "", position="body", in_main=False)
            score = links.score_link(lk, 1, self.vocab)
            canon = links.canonical(lk.url)
            if "mentoring" not in score.groups and "documents" not in score.groups:
                continue
            if canon in st.seen or taken >= SITEMAP_URL_LIMIT or st.page_requests >= self.cs.max_pages:
                continue
            st.seen.add(canon)
            st.page_requests += 1
            taken += 1
            is_doc = links.looks_like_document(lk.url) or links.looks_like_viewer(lk.url)
            out.append(
                self._request(
                    st,
                    lk.url,
                    self.on_document if is_doc else self.on_page,
                    priority=score.value - 20,
                    meta={
                        "kind": "doc" if is_doc else "page",
                        "depth": 1,
                        "path": [],
                        "via": "sitemap",
                        "groups": sorted(score.groups),
                        "mentoring": "mentoring" in score.groups,
                        "source_page": response.url,
                        "link_url": lk.url,
                        "link_text": "",
                        "doc_key": canon,
                        "hops": 0,
                    },
                )
            )
        return out

    # ----------------------------------------------------------------- documents

    def on_document(self, response: Response) -> list[Request]:
        return self._guarded(response, self._document)

    def _doc_record(self, st: OrgState, meta: dict[str, Any]) -> DocumentRecord:
        return DocumentRecord(
            url=meta.get("link_url", ""),
            source_page=meta.get("source_page", ""),
            link_text=meta.get("link_text", ""),
            viewer_title=meta.get("viewer_title"),
            in_section=bool(meta.get("in_section")),
            external=bool(meta.get("external")),
        )

    def _document(self, st: OrgState, response: Response) -> list[Request]:
        meta = response.meta
        key = meta.get("doc_key") or links.canonical(response.request.url)
        rec = self._doc_record(st, meta)
        rec.final_url = response.url
        rec.http_status = response.status
        rec.fetched_at = now()
        rec.headers = _headers(response)
        rec.etag = _header(response, b"ETag")
        rec.last_modified = _header(response, b"Last-Modified")
        ctype = _header(response, b"Content-Type")
        rec.content_type = ctype
        disposition = response.headers.get(b"Content-Disposition")
        if self._unchanged(response):
            prev = meta["previous"]
            body, _ = self._body_of(response)
            rec.not_modified = True
            rec.sha256 = prev["sha256"]
            rec.etag = rec.etag or prev.get("etag")
            rec.last_modified = rec.last_modified or prev.get("last_modified")
            rec.size = len(body)
            rec.file_name = meta.get("file_name") or content.decide_file_name(None, response.url)
            rec.format = content.decide_format(body, ctype if response.status != 304 else None, rec.file_name)
            st.documents[key] = rec
            return []
        if response.status >= 400:
            rec.error = f"ссылка не работает (HTTP {response.status})"
            st.documents[key] = rec
            return []
        if meta.get("oversize") is not None:
            size = int(meta["oversize"])
            rec.size = size if size > 0 else None
            mb = self.cs.max_document_bytes / (1024 * 1024)
            rec.error = f"файл больше {mb:g} МБ, не загружен"
            rec.file_name = content.decide_file_name(disposition, response.url)
            rec.format = content.decide_format(b"", ctype, rec.file_name)
            st.documents[key] = rec
            return []
        body = response.body
        if content.is_html_response(body, ctype):
            return self._viewer(st, response, key)
        rec.file_name = content.decide_file_name(disposition, response.url)
        rec.format = content.decide_format(body, ctype, rec.file_name)
        rec.size = len(body)
        rec.sha256 = self.blobs.put(body)
        st.documents[key] = rec
        return []

    def _viewer(self, st: OrgState, response: Response, key: str) -> list[Request]:
        """An HTML answer to a document link: a viewer page (follow to the file) or a plain page."""
        meta = response.meta
        ctype = _header(response, b"Content-Type")
        text, _ = content.decode_html(response.body, ctype)
        try:
            doc = links.parse_html(text, response.url)
        except Exception:
            return []
        title = links.page_heading(doc) or links.page_title(doc)
        target = _download_link(doc, response.url, self.vocab)
        if target is not None and int(meta.get("hops", 0)) < MAX_VIEWER_HOPS:
            new_meta = {
                k: v
                for k, v in meta.items()
                if k
                in (
                    "doc_key",
                    "link_url",
                    "link_text",
                    "source_page",
                    "in_section",
                    "depth",
                    "path",
                    "via",
                )
            }
            new_meta.update(kind="doc", hops=int(meta.get("hops", 0)) + 1, viewer_title=title or None)
            # validators of the previous run are keyed by the link as found
            return [
                self._request(
                    st,
                    target,
                    self.on_document,
                    priority=950,
                    meta=new_meta,
                    conditional_key=meta.get("link_url"),
                )
            ]
        if meta.get("kind") == "doc" and meta.get("hops", 0) == 0 and links.host_of(response.url) in st.hosts:
            # no file behind it: an ordinary page (e.g. a Положение pasted as HTML); crawl it as a page
            page_meta = dict(meta)
            page_meta.update(kind="page", depth=int(meta.get("depth", 1)), path=meta.get("path", []))
            fake = response.replace(request=response.request.replace(meta=page_meta))
            return self._page(st, fake)
        rec = self._doc_record(st, meta)
        rec.final_url = response.url
        rec.http_status = response.status
        rec.fetched_at = now()
        rec.viewer_title = meta.get("viewer_title") or title or None
        rec.format = "html"
        rec.sha256 = self.blobs.put(response.body)
        rec.size = len(response.body)
        rec.content_type = ctype
        rec.headers = _headers(response)
        rec.error = "по ссылке страница без файла"
        st.documents[key] = rec
        return []

    # -------------------------------------------------------------------- errors

    def on_error(self, failure: Failure) -> list[Request]:
        request: Request = failure.request  # type: ignore[attr-defined]
        st = self.org_for(request)
        if st is None:
            return []
        try:
            out = self._error(st, request, failure)
        except Exception:  # a bug on one page must not stall the organization
            self.logger.exception("ошибка обработки %s", request.url)
            st.lost_pages.append(request.url)
            out = []
        return self._pump(st, out)

    def _lost_mentoring(self, st: OrgState, request: Request, reason: str) -> None:
        """Remember a section-looking page that did not open: the rules must not say «не выполнено» then."""
        meta = request.meta
        if meta.get("kind") == "page" and (meta.get("mentoring") or "mentoring" in meta.get("groups", [])):
            st.lost_mentoring.append(LostLink(url=request.url, link_text=meta.get("link_text", ""), reason=reason))

    def _error(self, st: OrgState, request: Request, failure: Failure) -> list[Request]:
        meta = request.meta
        if meta.get("dropped"):
            return []
        if failure.check(IgnoreRequest) and "robots" in str(failure.value).lower():
            if meta.get("start"):
                st.robots_blocked = True
                return self._start_failed(st, "обход сайта запрещён файлом robots.txt")
            self._lost_mentoring(st, request, "страница закрыта для обхода файлом robots.txt")
            return []
        reason = failure_reason_ru(failure, self.cs.timeout_seconds)
        if meta.get("kind") == "page":
            self._lost_mentoring(st, request, reason)
        if meta.get("start"):
            out = self._start_failed(st, reason)
            if reason.startswith("ошибка сертификата TLS") and self.cs.proxy is None:
                self._tls_evidence(st, request.url, len(st.start_errors) - 1)
            return out
        if meta.get("kind") == "doc":
            rec = self._doc_record(st, meta)
            rec.error = f"файл не загружен: {reason}"
            rec.fetched_at = now()
            st.documents[meta.get("doc_key") or links.canonical(request.url)] = rec
        elif meta.get("kind") == "page":
            st.lost_pages.append(request.url)
        return []

    def _tls_evidence(self, st: OrgState, url: str, error_index: int) -> None:
        """After a certificate error, read the start page once more WITHOUT verification, for evidence only.

        What the page says is never used for a verdict (the site stays «не удалось проверить»); the note tells
        the ИДК that the site itself is up and only its certificate is wrong, and the copy goes to the blob store.
        Runs in a thread; the organization is finished when it returns.
        """
        from twisted.internet.threads import deferToThread

        st.outstanding += 1  # keeps the organization open until the evidence is in
        self.pending_evidence += 1
        agent = st.user_agent or self.cs.user_agent
        d = deferToThread(fetch_unverified, url, self.cs.timeout_seconds, agent, self.cs.max_page_bytes)

        def done(result: Any) -> None:
            try:
                if isinstance(result, tuple):
                    status, body = result
                    sha = self.blobs.put(body) if body else None
                    title = ""
                    if body:
                        try:
                            text, _ = content.decode_html(body, None)
                            title = links.page_title(links.parse_html(text, url))
                        except Exception:  # evidence only: a page lxml refuses is still evidence
                            title = ""
                    note = f"без проверки сертификата, только для сведения: сервер отвечает HTTP {status}"
                    if title:
                        note += f", страница «{title[:120]}»"
                    if sha:
                        note += f", копия сохранена (SHA-256 {sha[:12]}…)"
                    if 0 <= error_index < len(st.start_errors):
                        st.start_errors[error_index] += f" — {note}"
            finally:
                self.pending_evidence -= 1
                for request in self._pump(st, []):  # nothing new is queued: this only finishes the organization
                    self.crawler.engine.crawl(request)

        d.addBoth(done)

    def _start_failed(self, st: OrgState, reason: str) -> list[Request]:
        st.start_errors.append(f"{st.start_urls[st.start_index]}: {reason}")
        st.start_index += 1
        if st.start_index < len(st.start_urls) and not st.robots_blocked:
            return [self._start_request(st)]
        return []

    # -------------------------------------------------------------------- finish

    def _finish(self, st: OrgState) -> None:
        st.finished = True
        result = self.result(st)
        self.logger.info(
            "%s: %s; раздел: %s; документов: %d; запросов: %d; байт: %d",
            st.org.id,
            "доступен" if result.reachable else f"недоступен ({result.failure_reason})",
            result.section.url if result.section else "не найден",
            len(result.documents),
            result.requests,
            result.bytes,
        )
        self.emit(result)
        # free the memory of a finished organization
        st.pages = []
        st.documents = {}
        st.seen = set()
        st.linked = {}
        st.doc_links = {}

    def finish_all(self) -> None:
        for st in self.states.values():
            if not st.finished:
                self._finish(st)

    def result(self, st: OrgState) -> OrgCrawlResult:
        section = self._section(st)
        if section is not None:
            pages_set = {links.canonical(u) for u in section.pages}
            for p in st.pages:
                if links.canonical(p.final_url) in pages_set or links.canonical(p.url) in pages_set:
                    p.is_section = True
            # a page that only stands between the section and one to three files (a card, uCoz /load/…)
            bridges = {child for child in st.section_children - pages_set if 1 <= len(st.page_docs.get(child, [])) <= 3}
            for key, d in st.documents.items():
                linking = st.doc_links.get(key, {})
                in_pages = [url for canon, url in linking.items() if canon in pages_set]
                d.in_section = (
                    links.canonical(d.source_page) in pages_set
                    or bool(in_pages)
                    or any(canon in bridges for canon in linking)
                )
                if in_pages and links.canonical(d.source_page) not in pages_set:
                    d.source_page = in_pages[0]
        else:
            for d in st.documents.values():
                d.in_section = False
        reachable = st.reachable
        reason = None
        if reachable and st.script_only_home and len(st.pages) <= 1 and not st.documents:
            reachable = False
            st.start_errors.append(
                "главная страница не содержит ссылок (меню формируется скриптом в браузере); "
                "автоматически проверить сайт нельзя — проверьте вручную"
            )
        if not reachable:
            reason = "; ".join(st.start_errors) or "сайт не удалось проверить: обход прерван"
        return OrgCrawlResult(
            org_id=st.org.id,
            reachable=reachable,
            failure_reason=reason,
            attempts=st.attempts,
            started_at=st.started_at,
            finished_at=now(),
            requests=st.requests,
            bytes=st.bytes,
            requests_to_section=self._best(st).requests_at if section else None,
            section=section,
            pages=st.pages,
            documents=self._merge_scans(st),
            lost_pages=sorted(set(st.lost_pages)),
            lost_mentoring_links=_unique_lost(st.lost_mentoring),
            page_budget_exhausted=st.budget_exhausted,
        )

    def _merge_scans(self, st: OrgState) -> list[DocumentRecord]:
        """Pages of one scan pasted as pictures (prikaz-1.jpg, prikaz-2.jpg) become one PDF document.

        A methodologist reads them as one order; classified page by page, the second page (a table of pairs
        without a heading) would pass for another document. The pictures themselves stay in the blob store;
        the merged file is named after the first page's URL with a «#scan-pages-N» mark.
        """
        docs = dict(st.documents)
        for groups in st.scan_groups.values():
            for canons in groups:
                recs = [docs.get(c) for c in canons]
                if any(r is None or not r.sha256 or r.error or r.format not in SCAN_FORMATS for r in recs):
                    continue
                parts = [r for r in recs if r is not None]
                merged = scans_to_pdf([self.blobs.path(r.sha256).read_bytes() for r in parts if r.sha256])
                if merged is None:
                    continue
                first = parts[0]
                stem = (first.file_name or "scan").rsplit(".", 1)[0]
                docs[canons[0]] = first.model_copy(
                    update={
                        "url": f"{first.url}#scan-pages-{len(parts)}",
                        "file_name": f"{stem}.pdf",
                        "format": "pdf",
                        "content_type": "application/pdf",
                        "sha256": self.blobs.put(merged),
                        "size": len(merged),
                        "etag": None,
                        "last_modified": None,
                        "not_modified": False,
                        "link_text": first.link_text or f"Скан документа ({len(parts)} стр.)",
                    }
                )
                for c in canons[1:]:
                    docs.pop(c, None)
        return list(docs.values())

    @staticmethod
    def _best(st: OrgState) -> Candidate:
        return max(st.candidates, key=lambda c: (c.strength, c.via_links, -c.depth, -len(c.url)))

    def _section(self, st: OrgState) -> SectionInfo | None:
        if not st.candidates:
            return None
        best = self._best(st)
        prefix = _path_prefix(best.url)
        members = [best.url]
        for c in st.candidates:
            if c is best:
                continue
            if _path_prefix(c.url).startswith(prefix + "/") or c.canon in st.section_children:
                members.append(c.url)
        for p in st.pages:
            if _path_prefix(p.final_url).startswith(prefix + "/") and p.final_url not in members:
                members.append(p.final_url)
        menu_path = best.menu_path if best.via_links else []
        if not best.via_links and best.canon in st.linked:
            menu_path = st.linked[best.canon]
        is_stub = best.is_stub and not any(d.in_section or d.source_page in members for d in st.documents.values())
        return SectionInfo(
            url=best.url,
            title=best.title,
            menu_path=menu_path,
            reachable_from_home=best.via_links,
            is_stub=is_stub,
            text_excerpt=best.excerpt,
            pages=members,
        )


# ------------------------------------------------------------------------------ helpers


def fetch_unverified(url: str, timeout: float, user_agent: str, limit: int) -> tuple[int, bytes] | None:
    """GET without certificate verification, at most `limit` bytes (evidence of a TLS failure, never a verdict)."""
    import httpx

    try:
        with httpx.Client(
            verify=False, timeout=timeout, follow_redirects=True, headers={"User-Agent": user_agent}
        ) as c:
            with c.stream("GET", url) as response:
                body = b""
                for chunk in response.iter_bytes():
                    body += chunk
                    if len(body) > limit:
                        return response.status_code, b""
                return response.status_code, body
    except (httpx.HTTPError, OSError, ValueError):
        return None


SCAN_FORMATS = frozenset({"jpg", "png", "tiff", "gif", "webp"})


def scans_to_pdf(images: list[bytes], dpi: float = 200.0) -> bytes | None:
    """Pictures as the pages of one PDF (A4-sized for a 200 dpi scan); None when one of them is not a picture."""
    import io

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


def browser_compatible(user_agent: str) -> str:
    """The configured bot name wrapped as robots of search engines present themselves to browsers' firewalls."""
    if user_agent.startswith("Mozilla/"):
        return user_agent
    return f"Mozilla/5.0 (compatible; {user_agent})"


def _child_path(path: list[str], lk: links.Link) -> list[str]:
    """Click path to a link: a site menu is global (its nesting is the path), other links extend the page's."""
    if not lk.label:
        return list(path)  # an unlabelled hop (a script redirect, an image without alt) is no click
    if lk.position == "nav":
        return [*lk.menu_trail, lk.label][:8]
    return [*path, lk.label][:8]


def _header(response: Response, name: bytes) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None


def _headers(response: Response) -> dict[str, str]:
    out: dict[str, str] = {}
    for k, v in response.headers.items():
        key = k.decode("latin-1")
        if key.lower() in ("set-cookie",):
            continue
        out[key] = b", ".join(v).decode("latin-1")
    return out


def _path_prefix(url: str) -> str:
    parts = urlsplit(url)
    path = links.decoded_url(parts.path).rstrip("/")
    path = re.sub(r"\.(html?|php|aspx?)$", "", path)
    return f"{links.host_of(url)}{path}"


_DOWNLOAD_WORDS = re.compile(r"скачать|загрузить|download|открыть|файл|посмотреть", re.I)


def _download_link(doc: Any, page_url: str, vocab: links.LinkVocabulary) -> str | None:
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


def _unique_lost(lost: list[LostLink]) -> list[LostLink]:
    seen: dict[str, LostLink] = {}
    for link in lost:
        seen.setdefault(link.url, link)
    return list(seen.values())
