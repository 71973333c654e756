"""The sitemap: a source of candidate pages, asked for once per organization after its start page.

Where it is: the «Sitemap:» lines of robots.txt (read as Scrapy fetches it), else /sitemap.xml; when that gives
no sitemap and the site is WordPress, /wp-sitemap.xml. Mentoring and document pages listed in it are requested
(at most SITEMAP_URL_LIMIT); a sitemap index is followed one level (INDEX_LIMIT sitemaps, those whose names say
pages or posts first). A page found only here is «reachable only by a direct link» (CRITERIA.md: «частично»).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from scrapy.http import Request, Response
from scrapy.utils.sitemap import Sitemap

from crawler.crawl import links
from crawler.crawl.adapters.base import Crawl
from crawler.crawl.state import OrgState
from crawler.crawl.visits import DocVisit, PageVisit, SitemapVisit, Visit

SITEMAP_URL_LIMIT = 30
INDEX_LIMIT = 3
ROBOTS_LIMIT = 3  # sitemaps taken from one robots.txt
_ROBOTS_LINE = re.compile(rb"^\s*sitemap\s*:\s*(\S+)", re.IGNORECASE | re.MULTILINE)
_WORDPRESS = re.compile(r"/wp-content/|/wp-includes/|/wp-json", re.IGNORECASE)
# in a sitemap index: the sitemaps of pages and posts before those of tags, authors, products
_PAGES_FIRST = re.compile(r"page|post|struct|razdel|section", re.IGNORECASE)


def from_robots(body: bytes) -> list[str]:
    """The sitemaps a robots.txt names («Sitemap: https://…/sitemap.xml»)."""
    out: list[str] = []
    for m in _ROBOTS_LINE.finditer(body[:100_000]):
        url = m.group(1).decode("utf-8", "replace")
        if url.lower().startswith(("http://", "https://")) and url not in out:
            out.append(url)
    return out[:ROBOTS_LIMIT]


def first_requests(crawl: Crawl, st: OrgState, home_url: str, home_html: str) -> list[Request]:
    """The organization's sitemaps to ask for after its home page."""
    parts = urlsplit(home_url)
    root = f"{parts.scheme}://{parts.netloc}"
    named = [u for u in crawl.robots_sitemaps.get(links.host_of(home_url), []) if links.host_of(u) in st.hosts]
    fallback = f"{root}/wp-sitemap.xml" if _WORDPRESS.search(home_html[:200_000]) else None
    return [request(crawl, st, u, fallback=None) for u in named] or [
        request(crawl, st, f"{root}/sitemap.xml", fallback=fallback)
    ]


def request(crawl: Crawl, st: OrgState, url: str, depth: int = 0, fallback: str | None = None) -> Request:
    visit = SitemapVisit(org_id=st.org.id, depth=depth, fallback=fallback)
    return crawl.request(st, url, visit, priority=150 - 10 * depth)


def read(crawl: Crawl, st: OrgState, response: Response, visit: SitemapVisit) -> list[Request]:
    sm = _parse(response)
    if sm is None:
        # no sitemap there: the next usual place, once
        return [request(crawl, st, visit.fallback, depth=visit.depth)] if visit.fallback else []
    if sm.type == "sitemapindex":
        return _index(crawl, st, sm, visit)
    out: list[Request] = []
    for entry in sm:
        loc = entry.get("loc", "")
        if not loc or links.host_of(loc) not in st.hosts:
            continue
        req = _entry(crawl, st, links.clean_url(loc), response.url, taken=len(out))
        if req is not None:
            out.append(req)
    return out


def _parse(response: Response) -> Sitemap | None:
    if response.status != 200 or b"<" not in response.body[:512]:
        return None
    try:
        return Sitemap(response.body)
    except Exception:  # not XML: many sites answer a missing sitemap with their home page
        return None


def _index(crawl: Crawl, st: OrgState, sm: Sitemap, visit: SitemapVisit) -> list[Request]:
    if visit.depth >= 1:
        return []
    locs = [e.get("loc", "") for e in sm]
    locs = [loc for loc in locs if loc and links.host_of(loc) in st.hosts]
    locs.sort(key=lambda loc: not _PAGES_FIRST.search(urlsplit(loc).path))  # stable: the index's order otherwise
    return [request(crawl, st, loc, depth=1) for loc in locs[:INDEX_LIMIT]]


def _entry(crawl: Crawl, st: OrgState, url: str, sitemap_url: str, taken: int) -> Request | None:
    """A request for a listed URL about mentoring or documents, if the budget allows it."""
    lk = links.Link(url, "", position="body", in_main=False)
    score = links.score_link(lk, 1, crawl.vocab)
    canon = links.canonical(lk.url)
    if "mentoring" not in score.groups and "documents" not in score.groups:
        return None
    if canon in st.frontier.seen or taken >= SITEMAP_URL_LIMIT:
        return None
    st.frontier.seen.add(canon)
    visit: Visit
    if links.looks_like_document(lk.url) or links.looks_like_viewer(lk.url):
        visit = DocVisit(
            org_id=st.org.id,
            key=canon,
            link_url=lk.url,
            source_page=sitemap_url,
            via="sitemap",
            groups=score.groups,
        )
    else:
        visit = PageVisit(
            org_id=st.org.id,
            depth=1,
            via="sitemap",
            groups=score.groups,
            mentoring="mentoring" in score.groups,
            source_page=sitemap_url,
            link_url=lk.url,
            key=canon,
        )
    return crawl.request(st, lk.url, visit, priority=score.value - 20)
