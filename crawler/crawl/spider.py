"""The focused spider: one Scrapy spider crawls every organization, each with its own state and budget.

The spider keeps each organization's frontier (best first, a few requests inside Scrapy at a time), finishes
an organization (and emits its result) when none of its requests is left, and hands each answer to its reader:
pages (crawler/crawl/pages.py), documents (documents.py), the sitemap (sitemap.py) or the adapter that asked
(crawler/crawl/adapters/). Every request carries a typed Visit in cb_kwargs (visits.py).
"""

from __future__ import annotations

import errno
import heapq
import itertools
import re
import time
from collections import deque
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import scrapy
from scrapy import signals
from scrapy.exceptions import DontCloseSpider, IgnoreRequest
from scrapy.http import Request, Response
from twisted.python.failure import Failure

from crawler.config import CrawlSettings
from crawler.crawl import browser, documents, follow, links, pages, result, sitemap
from crawler.crawl.adapters import ADAPTERS, Adapter
from crawler.crawl.errors import failure_reason_ru
from crawler.crawl.state import Entry, OrgState, now
from crawler.crawl.visits import VISIT, AdapterVisit, DocVisit, Meta, PageVisit, SitemapVisit, Visit, visit_of
from crawler.errors import os_error_ru
from crawler.models import Organization, OrgCrawlResult
from crawler.store import BlobStore

HANDLED_STATUSES = [304, *range(400, 600)]
START_PRIORITY = 10_000
# max_pages counts the pages fetched, best first, not the links queued: a mega-menu of 400 links on the home page must
# not spend the limit before «Сведения» at its end is seen. The queue keeps at most this many pages per page allowed.
QUEUED_PAGES_PER_PAGE = 5
# the machine's faults (not the site's): nothing more can be stored, the crawl stops for every organization
DISK_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EIO})

__all__ = ["FocusedSpider"]


class FocusedSpider(scrapy.Spider):
    name = "nastavnik"

    def __init__(
        self,
        orgs: list[Organization],
        crawl_settings: CrawlSettings,
        blobs_dir: Path,
        previous: dict[str, dict[str, dict[str, Any]]] | None,
        emit: Callable[[OrgCrawlResult], None],
        browser_profile: Path | None = None,
        **kwargs: Any,
    ):
        super().__init__(**kwargs)
        self.cs = crawl_settings
        # a browser for script-built pages: the child process set it up (worker.py) and made its profile directory
        self.browser_profile = browser_profile
        self.browser_off = browser.unavailable(crawl_settings) or (
            None if browser_profile else "браузер не запущен в этом обходе"
        )
        self.blobs = BlobStore(blobs_dir)
        self.emit = emit
        self.vocab = links.default_link_vocabulary()
        self.adapters: list[Adapter] = [cls(self) for cls in ADAPTERS]
        self._adapter_named = {a.name: a for a in self.adapters}
        self.states: dict[str, OrgState] = {}
        self.robots_sitemaps: dict[str, list[str]] = {}  # host -> «Sitemap:» lines of its robots.txt
        self.host_to_org: dict[str, str] = {}
        self._order = itertools.count()  # ties in a frontier: first queued, first out
        self._held = 0  # work outside Scrapy (threads) that organizations wait for
        self.machine_error: str | None = None  # this computer cannot go on (a full disk): the crawl stops for all
        for org in orgs:
            urls = [org.site, *org.aliases]
            hosts = {links.host_of(u) for u in urls}
            st = OrgState(org=org, hosts=hosts, previous=(previous or {}).get(org.id, {}), entry=Entry(urls=urls))
            self.states[org.id] = st
            for h in hosts:
                self.host_to_org.setdefault(h, org.id)
        self._unopened: deque[OrgState] = deque(self.states.values())  # in registry order

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> FocusedSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider._on_idle, signal=signals.spider_idle)
        crawler.signals.connect(spider._on_response, signal=signals.response_received)
        return spider

    def _on_response(self, response: Response, request: Request, spider: Any) -> None:
        """robots.txt, fetched by Scrapy itself before a host's first request: the sitemaps it names."""
        if response.status == 200 and request.url.endswith("/robots.txt") and visit_of(request) is None:
            self.robots_sitemaps[links.host_of(response.url)] = sitemap.from_robots(response.body)

    def _on_idle(self) -> None:
        if self._held > 0:  # e.g. a TLS evidence fetch runs in a thread Scrapy does not see
            raise DontCloseSpider

    # ------------------------------------------------------------------ requests

    def org_for(self, request: Request) -> OrgState | None:
        """The organization a request is made for (by its visit; robots.txt requests by their host)."""
        visit = visit_of(request)
        org_id = visit.org_id if visit is not None else self.host_to_org.get(links.host_of(request.url))
        return self.states.get(org_id) if org_id else None

    def request(
        self,
        st: OrgState,
        url: str,
        visit: Visit,
        priority: int,
        conditional_key: str | None = None,
        conditional: bool = True,
    ) -> Request:
        headers: dict[str, str] = {}
        if st.entry.user_agent:
            headers["User-Agent"] = st.entry.user_agent
        prev = st.previous.get(conditional_key or url) if conditional else None
        if prev:
            if prev.get("etag"):
                headers["If-None-Match"] = prev["etag"]
            if prev.get("last_modified"):
                headers["If-Modified-Since"] = prev["last_modified"]
        meta: dict[str, Any] = {Meta.HANDLE_HTTPSTATUS_LIST: HANDLED_STATUSES}
        if prev:
            meta[Meta.PREVIOUS] = prev
        if self.cs.proxy:
            meta[Meta.PROXY] = self.cs.proxy
        return Request(
            url,
            callback=self.on_response,
            errback=self.on_error,
            priority=priority,
            meta=meta,
            headers=headers,
            dont_filter=True,
            cb_kwargs={VISIT: visit},
        )

    def start_request(self, st: OrgState) -> Request:
        visit = PageVisit(org_id=st.org.id, start=True)
        return self.request(st, links.clean_url(st.entry.url), visit, priority=START_PRIORITY)

    async def start(self) -> AsyncIterator[Request]:
        """The first `open_sites` organizations; each finished one opens the next (_open_next)."""
        for _ in range(min(self.cs.open_sites, len(self._unopened))):
            if not self._unopened:  # opened meanwhile, as earlier sites finished
                break
            for request in self._open(self._unopened.popleft()):
                yield request

    def _open(self, st: OrgState) -> list[Request]:
        st.started_at = now()
        return self._pump(st, [self.start_request(st)], answered=False)

    def _open_next(self) -> None:
        """A site finished: the next one starts, so at most `open_sites` organizations are held in memory."""
        if self._unopened and getattr(self, "crawler", None) is not None and self.crawler.engine is not None:
            for request in self._open(self._unopened.popleft()):
                self.crawler.engine.crawl(request)

    def claim_host(self, st: OrgState, host: str) -> None:
        """The organization's site answers on `host` too (its root redirected there)."""
        st.hosts.add(host)
        self.host_to_org.setdefault(host, st.org.id)

    def hold(self, st: OrgState) -> None:
        st.frontier.outstanding += 1
        self._held += 1

    def release(self, st: OrgState) -> None:
        self._held -= 1
        if st.frontier.finished:  # cut short while the work ran (the crawl closed)
            return
        for request in self._pump(st, []):  # nothing new is queued: this only finishes the organization
            self.crawler.engine.crawl(request)

    # ------------------------------------------------------------------ frontier

    def _pump(self, st: OrgState, new: list[Request], answered: bool = True) -> list[Request]:
        """Queue `new` in the organization's frontier and hand Scrapy the best ones it has room for.

        Scrapy's downloader queues each site FIFO once a request leaves the scheduler, so the order
        (best first) and the decision to skip (the section was found meanwhile) are kept here: an
        organization never has more than per_site_concurrency requests inside Scrapy.
        """
        frontier = st.frontier
        if answered:
            frontier.outstanding -= 1
        if self._over_budget(st):
            # the rest of the site stays unvisited; result.build says so when anything was left
            left = [*new, *(r for _, _, r in frontier.queue)]
            st.budget.skipped += len(left)
            st.found.lost_pages.extend(r.url for r in left if isinstance(visit_of(r), PageVisit))
            new = []
            frontier.queue.clear()
        for request in new:
            heapq.heappush(frontier.queue, (-request.priority, next(self._order), request))
        if new:
            self._bound_queue(st)
        out: list[Request] = []
        while frontier.queue and frontier.outstanding < self.cs.per_site_concurrency:
            _, _, request = heapq.heappop(frontier.queue)
            if self._should_drop(st, request) or not self._page_allowed(st, request):
                continue
            frontier.outstanding += 1
            out.append(request)
        if frontier.outstanding <= 0 and not frontier.queue and not frontier.finished:
            self._finish(st)
        return out

    def _over_budget(self, st: OrgState) -> bool:
        """Has the site used up its own budget (bytes, time)? Then its crawl stops, and only its own."""
        budget = st.budget
        if budget.stopped is not None:
            return True
        cs = self.cs
        if st.traffic.bytes > cs.max_site_bytes:
            budget.stopped = (
                f"обход сайта остановлен: скачано больше {cs.max_site_bytes / (1024 * 1024):g} МБ "
                "(предел на один сайт), часть страниц не просмотрена"
            )
        seconds = cs.max_site_seconds
        if budget.clock_from is not None and time.monotonic() - budget.clock_from > seconds:
            budget.stopped = (
                f"обход сайта остановлен: он длится дольше {seconds:g} с (предел на один сайт), "
                "часть страниц не просмотрена"
            )
        if budget.stopped is not None:
            self.logger.warning("%s: %s", st.org.id, budget.stopped)
        return budget.stopped is not None

    def _bound_queue(self, st: OrgState) -> None:
        """Keep the best QUEUED_PAGES_PER_PAGE × max_pages pages queued (a menu of thousands of links, a trap)."""
        queue = st.frontier.queue
        limit = self.cs.max_pages * QUEUED_PAGES_PER_PAGE
        queued_pages = [e for e in queue if isinstance(visit_of(e[2]), PageVisit)]
        if len(queued_pages) <= limit:
            return
        kept_pages = set(map(id, heapq.nsmallest(limit, queued_pages)))
        st.frontier.queue = [e for e in queue if not isinstance(visit_of(e[2]), PageVisit) or id(e) in kept_pages]
        heapq.heapify(st.frontier.queue)
        st.budget.exhausted = True

    def _page_allowed(self, st: OrgState, request: Request) -> bool:
        """Count a page against the site's page limit and trap budgets as it is fetched: the queue hands out the best
        first, so the limits are spent on them. Documents have a limit of their own (follow.py); the home page is
        free."""
        visit = visit_of(request)
        if not isinstance(visit, PageVisit) or visit.start:
            return True
        if st.budget.pages_sent >= self.cs.max_pages:
            st.budget.exhausted = True
            return False
        if not follow.within_trap_budgets(self.vocab, st.budget, request.url, visit.section_child):
            if visit.depth <= 1 and links.trap_keys(request.url, self.vocab)[0] is None:
                st.budget.pattern_left += 1  # the site's own menu, not a calendar: say so if nothing is found
            return False
        st.budget.pages_sent += 1
        return True

    def _should_drop(self, st: OrgState, request: Request) -> bool:
        """Is this queued page no longer worth it (the section was found since it was queued)?"""
        visit = visit_of(request)
        if not isinstance(visit, PageVisit) or visit.start or not st.section.focused or visit.section_child:
            return False
        if visit.in_section:  # linked from the section's content: its news items, its next page
            return False
        groups, budget = visit.groups, st.budget
        if groups & self.vocab.hub_groups:
            return False
        if "sveden" in groups and budget.sveden_after_focus < 2 and not _has_docs_page(st):
            budget.sveden_after_focus += 1
            return False
        if "pedagogues" in groups and budget.pedagogues_after_focus < 3:
            budget.pedagogues_after_focus += 1
            return False
        return True

    # ----------------------------------------------------------------- answers

    def on_response(self, response: Response, visit: Visit) -> list[Request]:
        st = self.states.get(visit.org_id)
        if st is None or st.frontier.finished:  # a late answer of an organization cut short
            return []
        self._clock(st)
        try:
            out = self._read(st, response, visit)
        except Exception as exc:  # a bug on one page must not stall the organization
            out = []
            self._read_failed(st, response.url, visit, exc)
        return self._pump(st, out)

    def _clock(self, st: OrgState) -> None:
        """The site's time budget runs from its first answer (not from a start that waited in Scrapy's queue)."""
        if st.budget.clock_from is None:
            st.budget.clock_from = time.monotonic()

    def _read_failed(self, st: OrgState, url: str, visit: Visit | None, exc: Exception) -> None:
        """An answer that could not be handled: recorded as lost (never silently dropped); a full disk stops all."""
        if isinstance(exc, OSError) and exc.errno in DISK_ERRNOS:
            self._disk_failed(exc)
            return
        self.logger.error("ошибка обработки %s", url, exc_info=exc)
        why = f"внутренняя ошибка при чтении ({type(exc).__name__})"
        if isinstance(visit, DocVisit):
            rec = documents.record(visit)
            rec.error = f"документ не обработан: {why}"
            rec.fetched_at = now()
            st.found.documents.setdefault(visit.key, rec)
        else:
            pages.lost_page(st, url, visit, f"страница не обработана: {why}")

    def _disk_failed(self, exc: OSError) -> None:
        """Nothing can be stored any more: every organization not finished yet is «не удалось проверить»."""
        if self.machine_error is not None:
            return
        where = exc.filename or self.blobs.root
        self.machine_error = f"{os_error_ru(exc)}: скачанные страницы и файлы некуда сохранить ({where})"
        self.logger.error("обход остановлен: %s", self.machine_error)
        from scrapy.utils.defer import deferred_from_coro

        deferred_from_coro(self.crawler.engine.close_spider_async(reason="disk_full"))

    def _read(self, st: OrgState, response: Response, visit: Visit) -> list[Request]:
        if isinstance(visit, PageVisit):
            return pages.read(self, st, response, visit)
        if isinstance(visit, DocVisit):
            return documents.read(self, st, response, visit)
        if isinstance(visit, SitemapVisit):
            return sitemap.read(self, st, response, visit)
        if isinstance(visit, AdapterVisit):
            return self._adapter_named[visit.adapter].answer(st, response, visit)
        raise TypeError(f"unknown visit {visit!r}")

    def on_error(self, failure: Failure) -> list[Request]:
        request: Request = failure.request  # type: ignore[attr-defined]
        st = self.org_for(request)
        if st is None or st.frontier.finished:
            return []
        self._clock(st)
        try:
            out = self._failed(st, request, visit_of(request), failure)
        except Exception as exc:  # a bug on one page must not stall the organization
            out = []
            self._read_failed(st, request.url, visit_of(request), exc)
        return self._pump(st, out)

    def _failed(self, st: OrgState, request: Request, visit: Visit | None, failure: Failure) -> list[Request]:
        start = isinstance(visit, PageVisit) and visit.start
        if failure.check(IgnoreRequest) and "robots" in str(failure.value).lower():
            if start:
                st.entry.robots_blocked = True
                return self.start_failed(st, "обход сайта запрещён файлом robots.txt", request.url)
            reason = "страница закрыта для обхода файлом robots.txt"
            pages.lost_page(st, request.url, visit, reason, by_depth=False)
            return []
        reason = failure_reason_ru(failure, self.cs.timeout_seconds)
        if start:
            return self.start_failed(st, reason, request.url)
        if isinstance(visit, DocVisit):
            rec = documents.record(visit)
            rec.error = f"файл не загружен: {reason}"
            rec.fetched_at = now()
            st.found.documents[visit.key] = rec
        elif isinstance(visit, PageVisit):
            pages.lost_page(st, request.url, visit, reason)
        return []

    def start_failed(self, st: OrgState, reason: str, url: str) -> list[Request]:
        """A start URL failed (`url`: the request that did); the next alias is tried, unless robots.txt forbids."""
        entry = st.entry
        entry.errors.append(f"{entry.url}: {reason}")
        error_index = len(entry.errors) - 1
        entry.index += 1
        out = [self.start_request(st)] if entry.index < len(entry.urls) and not entry.robots_blocked else []
        for adapter in self.adapters:
            adapter.start_failed(st, url, reason, error_index)
        return out

    # -------------------------------------------------------------------- finish

    def _finish(self, st: OrgState, cut_short: str | None = None) -> None:
        """Emit the organization's result once; a failure to build it makes it «не удалось проверить»."""
        st.frontier.finished = True
        if cut_short is None and self.machine_error is not None:
            cut_short = self.machine_error
        try:
            res = result.build(self, st, cut_short)
        except Exception as exc:  # one organization's bug must not lose it
            if isinstance(exc, OSError) and exc.errno in DISK_ERRNOS:
                self._disk_failed(exc)
                res = result.failed(st, f"обход сайта не завершён: {self.machine_error}")
            else:
                self.logger.error("%s: ошибка при подготовке результата", st.org.id, exc_info=exc)
                res = result.failed(
                    st, f"внутренняя ошибка при подготовке результата обхода ({type(exc).__name__}: {exc})"[:300]
                )
        if self.machine_error is not None:
            res.machine_error = self.machine_error
        self.logger.info(
            "%s: %s; раздел: %s; документов: %d; запросов: %d; байт: %d",
            st.org.id,
            "доступен" if res.reachable else f"недоступен ({res.failure_reason})",
            res.section.url if res.section else "не найден",
            len(res.documents),
            res.requests,
            res.bytes,
        )
        self.emit(res)
        # free the memory of a finished organization
        st.found.pages = []
        st.found.documents = {}
        st.frontier.seen = set()
        st.frontier.queue = []
        st.found.linked = {}
        st.found.doc_links = {}
        st.previous = {}
        st.section.candidates = []
        st.section.children = set()
        for adapter in self.adapters:
            adapter.forget(st)
        self._open_next()

    def finish_all(self, reason: str = "finished") -> None:
        """The crawl is closing (`reason`: Scrapy's): an organization still unfinished was cut short."""
        why = self.cut_short_reason(reason)
        self._unopened.clear()  # nothing opens any more; the unopened ones are cut short like the others
        for st in self.states.values():
            if not st.frontier.finished:
                self._finish(st, cut_short=why)

    def cut_short_reason(self, reason: str) -> str:
        """Why the crawl closed before an organization was done, in Russian."""
        if self.machine_error is not None:
            return self.machine_error
        if reason == "closespider_timeout":
            return f"превышено общее время обхода ({self.cs.max_run_seconds:g} с)"
        if reason == "memusage_exceeded":
            limit = self.crawler.settings.getint("MEMUSAGE_LIMIT_MB") if getattr(self, "crawler", None) else 0
            return f"обходчику не хватило памяти (предел {limit} МБ)" if limit else "обходчику не хватило памяти"
        if reason == "shutdown":
            return "обход остановлен сигналом остановки"
        if reason == "finished":
            return "обход сайта не завершился (внутренняя ошибка обходчика)"
        return f"обход остановлен ({reason})"


def _has_docs_page(st: OrgState) -> bool:
    return any(p.url and re.search(r"document|dokument", p.url, re.I) for p in st.found.pages)
