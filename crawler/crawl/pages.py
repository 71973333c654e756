"""Reading a page: what its answer says, its record, whether it is the mentoring section, and its links.

`read` runs the steps in order; each step is a function below. Adapters may answer a page first
(`Adapter.page_answer`) and change its links once it is judged (`Adapter.page_links`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from scrapy.http import Request, Response

from crawler.crawl import content, documents, follow, links, sitemap
from crawler.crawl.adapters.base import Crawl
from crawler.crawl.content import SectionVerdict
from crawler.crawl.errors import status_reason_ru
from crawler.crawl.responses import body_of, header, previous, request_url
from crawler.crawl.state import Candidate, OrgState, PageContext, ParsedPage, now
from crawler.crawl.visits import DocVisit, Meta, PageVisit, Visit
from crawler.models import LostLink, PageRecord

PAGE_TEXT_LIMIT = 50_000
EXCERPT_LIMIT = 1_000
HUB_PAGE_GROUPS = frozenset({"documents", "pedagogues"})


@dataclass
class Reading:
    """A page parsed: its tree and what was read from it so far."""

    visit: PageVisit
    response: Response
    text: str
    doc: Any
    record: PageRecord
    canon: str
    title: str
    heading: str


def read(crawl: Crawl, st: OrgState, response: Response, visit: PageVisit) -> list[Request]:
    if response.status == 304 and not previous(response):
        return []
    for adapter in crawl.adapters:
        handled = adapter.page_answer(st, response, visit)
        if handled is not None:
            return handled
    if response.status >= 400:
        return _error_status(crawl, st, response, visit)
    if response.meta.get(Meta.OVERSIZE):
        return _oversize(crawl, st, response, visit)
    body, not_modified = body_of(response, crawl.blobs)
    ctype = header(response, b"Content-Type")
    if visit.start:
        _entered(crawl, st, response)
    if not not_modified and not content.is_html_response(body, ctype):
        if visit.start:
            st.entry.unreadable_home = "вместо главной страницы сервер отдаёт файл, а не веб-страницу"
        # a link that looked like a page gave a file
        if visit.in_section or visit.mentoring:
            return documents.read(crawl, st, response, DocVisit.of_page(visit, request_url(response)))
        return []
    page = _parse(crawl, st, response, visit, body, ctype, not_modified)
    if page is None:
        return []
    return _judge_and_follow(crawl, st, page)


# links of these vocabulary groups lead to the section or its documents on real sites
LEADING_GROUPS = frozenset({"mentoring", "documents", "pedagogues", "sveden"})


def could_lead(visit: Visit | None, *, by_depth: bool = True) -> bool:
    """Could the page behind this visit have been the section or a way to it or to its documents?

    A mentoring-looking link, a hub («Педагогам», «Документы», «Сведения об образовательной организации»),
    a page of the section or linked from its content, or (`by_depth`) any link of the home page but the
    obvious noise (news, photos, contacts…).
    """
    if not isinstance(visit, PageVisit):
        return False
    return (
        visit.looks_like_mentoring()
        or visit.in_section
        or visit.section_child
        or bool(visit.groups & LEADING_GROUPS)
        or (by_depth and visit.depth <= 1 and "noise" not in visit.groups)
    )


def lost_page(
    st: OrgState, url: str, visit: Visit | None, reason: str, *, blocking: bool = True, by_depth: bool = True
) -> None:
    """A page that did not open or could not be read: recorded always; one that could have led to the section
    or its documents (could_lead) is also a lost link, which keeps the rules from saying «не выполнено».
    `blocking=False` for an answer that is itself a verdict (404: the page is not there); `by_depth=False` when
    only the link's own words count (robots.txt closes search and login pages of the home page everywhere)."""
    st.found.lost_pages.append(url)
    if blocking and could_lead(visit, by_depth=by_depth):
        text = visit.link_text if isinstance(visit, PageVisit) else ""
        st.found.lost_links.append(LostLink(url=url, link_text=text, reason=reason))


# ------------------------------------------------------------------------- the answer


def _error_status(crawl: Crawl, st: OrgState, response: Response, visit: PageVisit) -> list[Request]:
    why = status_reason_ru(response.status, response.meta.get(Meta.RETRY_TIMES, 0))
    if visit.start:
        return crawl.start_failed(st, why, request_url(response))
    # «not found» is an answer (nothing is there); a server error, a closed page or a refusal is not
    lost_page(st, request_url(response), visit, why, blocking=response.status not in (404, 410))
    return []


def _oversize(crawl: Crawl, st: OrgState, response: Response, visit: PageVisit) -> list[Request]:
    if visit.start:
        return crawl.start_failed(st, "главная страница слишком велика", request_url(response))
    ctype = header(response, b"Content-Type")
    if (visit.in_section or visit.mentoring) and not content.is_html_response(b"", ctype):
        # a big file behind a page-like link
        return documents.read(crawl, st, response, DocVisit.of_page(visit, request_url(response)))
    mb = crawl.cs.max_page_bytes / (1024 * 1024)
    lost_page(st, request_url(response), visit, f"страница больше {mb:g} МБ (или не кончается), не прочитана")
    return []


def _entered(crawl: Crawl, st: OrgState, response: Response) -> None:
    """The start page answered: the site is reachable, and the host it ended on is the organization's too."""
    st.entry.reachable = True
    crawl.claim_host(st, links.host_of(response.url))  # the root may have redirected
    st.frontier.seen.add(links.canonical(response.url))
    st.frontier.seen.add(links.canonical(request_url(response)))


def _parse(
    crawl: Crawl,
    st: OrgState,
    response: Response,
    visit: PageVisit,
    body: bytes,
    ctype: str | None,
    not_modified: bool,
) -> Reading | None:
    text, _enc = content.decode_html(body, ctype)
    try:
        doc, complete = links.parse_html_checked(text, response.url)
    except Exception:  # lxml refuses some broken pages (empty, only a comment)
        if visit.start:
            st.entry.unreadable_home = (
                unreadable_home_reason(text) if not text.strip() else "главная страница не разбирается как HTML"
            )
        else:
            lost_page(st, request_url(response), visit, "страница не разбирается как HTML (пустая или испорченная)")
        return None
    if not complete:
        # the tree stops where the nesting got too deep: the page's later links are missing
        lost_page(st, request_url(response), visit, "разметка страницы вложена слишком глубоко, прочитана не вся")
    prev = previous(response) or {}
    title = links.page_title(doc)
    heading = links.page_heading(doc)
    record = PageRecord(
        # the URL as requested (before redirects): previous runs key their validators by it
        url=(response.meta.get(Meta.REDIRECT_URLS) or [request_url(response)])[0],
        final_url=response.url,
        status=200 if not_modified else response.status,
        title=title,
        heading=heading,
        depth=visit.depth,
        menu_path=list(visit.path),
        fetched_at=now(),
        sha256=prev["sha256"] if not_modified else crawl.blobs.put(body),
        etag=header(response, b"ETag") or (prev.get("etag") if not_modified else None),
        last_modified=header(response, b"Last-Modified") or (prev.get("last_modified") if not_modified else None),
        not_modified=not_modified,
    )
    canon = links.canonical(response.url)
    st.frontier.seen.add(canon)
    st.found.pages.append(record)
    return Reading(visit, response, text, doc, record, canon, title, heading)


# -------------------------------------------------------------------- the section


def _judge_and_follow(crawl: Crawl, st: OrgState, page: Reading) -> list[Request]:
    visit, vocab = page.visit, crawl.vocab
    page_links = links.extract_links(page.doc, vocab)
    main_text = links.visible_text(page.doc, main_only=True)
    main_docs = [
        lk for lk in page_links if lk.in_main and (links.looks_like_document(lk.url) or links.looks_like_viewer(lk.url))
    ]
    st.found.page_docs[page.canon] = [links.canonical(lk.url) for lk in main_docs][:4]
    verdict = _verdict(crawl, page, main_text, main_docs)
    in_section = verdict.is_section or visit.section_child
    parsed = ParsedPage(page.response.url, page.canon, visit.start, in_section, page.text, page.doc)
    for adapter in crawl.adapters:
        page_links = adapter.page_links(st, parsed, page_links)
    if visit.start and not page_links and not st.entry.script_only:
        st.entry.unreadable_home = unreadable_home_reason(page.text)
    groups = set(visit.groups) | links.heading_groups(page.heading, vocab)
    # the text is kept where the criteria read it: the section, «Документы», and any page about mentoring (a news
    # item about the school's mentors is a practice; its date is in its text)
    about_mentoring = bool(vocab.section_strong.search(links.norm_text(f"{page.title} {page.heading}")))
    if in_section or "documents" in groups or visit.in_section or about_mentoring:
        page.record.text = links.visible_text(page.doc, main_only=False, limit=PAGE_TEXT_LIMIT)
    if verdict.is_section:
        labels = [page.heading, page.title, visit.link_text]
        verdict.audience = content.audience(page.response.url, labels, links.content_text(page.doc))
        _add_candidate(st, page, verdict, main_text)
    if visit.via == "links":
        for lk in page_links:
            st.found.linked.setdefault(links.canonical(lk.url), follow.child_path(visit.path, lk))
    ctx = PageContext(
        page=page.record,
        depth=visit.depth,
        path=list(visit.path),
        in_section=in_section,
        section_prefix=links.path_prefix(page.response.url) if in_section else None,
        # «Документы», «Методическая работа»: every local act there goes to the classifier
        hub=bool(groups & HUB_PAGE_GROUPS) and not in_section,
        via_section=_via_section(visit, in_section, main_docs),
        title=page.heading or page.title,
        via=visit.via or "links",
    )
    out = [request for lk in page_links for request in follow.follow(crawl, st, lk, ctx)]
    for adapter in crawl.adapters:
        out.extend(adapter.page_requests(st, parsed))
    # best first: the scheduler may start on the first request before the rest are queued
    out.sort(key=lambda r: -r.priority)
    if visit.start and crawl.cs.use_sitemap:
        out.extend(sitemap.first_requests(crawl, st, page.response.url, page.text))
    return out


def unreadable_home_reason(text: str) -> str:
    """Why a home page without a single link cannot be read (the site is not empty: it could not be seen)."""
    if not text.strip():
        return "главная страница пуста: сервер вернул пустой ответ"
    sample = text[:20_000]
    odd = sum(1 for ch in sample if ch == "\ufffd" or (ch < " " and ch not in "\t\r\n"))
    if sample and odd / len(sample) > 0.02:
        return "вместо главной страницы получены нечитаемые данные (не HTML)"
    return "на главной странице нет ни одной ссылки: сайт нельзя обойти автоматически"


def _verdict(crawl: Crawl, page: Reading, main_text: str, main_docs: list[links.Link]) -> SectionVerdict:
    mentoring_docs = [lk for lk in main_docs if links.is_mentoring_document_link(lk, crawl.vocab)]
    return content.judge_section(
        page.response.url,
        page.title,
        page.heading,
        page.visit.link_text,
        main_text,
        len(main_docs) if (mentoring_docs or page.visit.section_child) else 0,
        crawl.vocab,
    )


def _via_section(visit: PageVisit, in_section: bool, main_docs: list[links.Link]) -> str | None:
    """A page between the section and a file (uCoz /load/…, a document card without the word «card»)."""
    if visit.in_section and not in_section and 1 <= len(main_docs) <= 3:
        return visit.source_page or None
    return None


def _add_candidate(st: OrgState, page: Reading, verdict: SectionVerdict, main_text: str) -> None:
    visit, linked = page.visit, st.found.linked
    via_links = visit.via == "links"
    path = list(visit.path)
    st.section.candidates.append(
        Candidate(
            url=page.response.url,
            title=page.heading or page.title,
            strength=verdict.strength,
            is_stub=verdict.is_stub,
            excerpt=main_text[:EXCERPT_LIMIT],
            depth=visit.depth,
            menu_path=path if via_links else linked.get(page.canon, path),
            via_links=via_links or page.canon in linked,
            canon=page.canon,
            requests_at=st.traffic.requests,
            audience=verdict.audience,
        )
    )
    if verdict.strength >= 3 and verdict.audience != "pupils":  # a pupils' page: the teachers' one may be elsewhere
        st.section.focused = True
