"""The sitemap: asked once per organization after its start page; mentoring and document pages listed in it
are requested (at most SITEMAP_URL_LIMIT), and a sitemap index is followed one level (three sitemaps)."""

from __future__ import annotations

from scrapy.http import Request, Response
from scrapy.utils.sitemap import Sitemap

from crawler.crawl import links
from crawler.crawl.adapters.base import Crawl
from crawler.crawl.state import OrgState
from crawler.crawl.visits import DocVisit, PageVisit, SitemapVisit, Visit

SITEMAP_URL_LIMIT = 30
INDEX_LIMIT = 3


def request(crawl: Crawl, st: OrgState, url: str, depth: int = 0) -> Request:
    return crawl.request(st, url, SitemapVisit(org_id=st.org.id, depth=depth), priority=150 - 10 * depth)


def read(crawl: Crawl, st: OrgState, response: Response, visit: SitemapVisit) -> list[Request]:
    if response.status != 200 or b"<" not in response.body[:512]:
        return []
    try:
        sm = Sitemap(response.body)
    except Exception:  # not XML: many sites answer a missing sitemap with their home page
        return []
    if sm.type == "sitemapindex":
        return _index(crawl, st, sm, visit)
    out: list[Request] = []
    for entry in sm:
        loc = entry.get("loc", "")
        if not loc or links.host_of(loc) not in st.hosts:
            continue
        request = _entry(crawl, st, links.clean_url(loc), response.url, taken=len(out))
        if request is not None:
            out.append(request)
    return out


def _index(crawl: Crawl, st: OrgState, sm: Sitemap, visit: SitemapVisit) -> list[Request]:
    out: list[Request] = []
    for i, entry in enumerate(sm):
        if i >= INDEX_LIMIT or visit.depth >= 1:
            break
        loc = entry.get("loc", "")
        if links.host_of(loc) in st.hosts:
            out.append(request(crawl, st, loc, depth=1))
    return out


def _entry(crawl: Crawl, st: OrgState, url: str, sitemap_url: str, taken: int) -> Request | None:
    """A request for a listed URL about mentoring or documents, if the budget allows it."""
    lk = links.Link(url, "", position="body", in_main=False)
    score = links.score_link(lk, 1, crawl.vocab)
    canon = links.canonical(lk.url)
    if "mentoring" not in score.groups and "documents" not in score.groups:
        return None
    if canon in st.frontier.seen or taken >= SITEMAP_URL_LIMIT or st.budget.page_requests >= crawl.cs.max_pages:
        return None
    st.frontier.seen.add(canon)
    st.budget.page_requests += 1
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
