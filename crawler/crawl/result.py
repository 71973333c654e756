"""An organization's result: the section (the best candidate and the pages below it), which documents are in it,
and whether the site could be read at all."""

from __future__ import annotations

from urllib.parse import unquote

from crawler.crawl import links
from crawler.crawl.adapters.base import Crawl
from crawler.crawl.state import Candidate, OrgState, now
from crawler.models import DocumentRecord, LostLink, OrgCrawlResult, SectionInfo

SCRIPT_ONLY_NOTE = (
    "главная страница не содержит ссылок (меню формируется скриптом в браузере); "
    "автоматически проверить сайт нельзя — проверьте вручную"
)


def _script_only_note(browser_off: str | None, rendered: bool) -> str:
    if browser_off:
        return f"главная страница не содержит ссылок (меню формируется скриптом в браузере), а {browser_off}; " + (
            "автоматически проверить сайт нельзя — проверьте вручную"
        )
    if rendered:
        return (
            "главная страница не содержит ссылок (меню формируется скриптом), а в браузере меню не появилось "
            "(или страницу не удалось открыть); "
            "автоматически проверить сайт нельзя — проверьте вручную"
        )
    return SCRIPT_ONLY_NOTE


def _beyond_home(st: OrgState) -> bool:
    """Was anything read besides the home page (as served and as a browser shows it)?"""
    return bool(st.found.documents) or any((p.depth or 0) > 0 for p in st.found.pages)


def build(crawl: Crawl, st: OrgState, cut_short: str | None = None) -> OrgCrawlResult:
    """The organization's result. `cut_short`: why its crawl was stopped before it ended (the run's time limit,
    memory, a full disk, a shutdown): such an organization is «не удалось проверить», never complete."""
    if cut_short is not None:
        return failed(st, f"обход сайта не завершён: {cut_short}; сайт нужно проверить повторно")
    section = section_of(st)
    if section is not None:
        _mark_section(st, section)
    else:
        for d in st.found.documents.values():
            d.in_section = False
    entry = st.entry
    reachable = entry.reachable
    documents = _documents(crawl, st)
    if reachable and entry.script_only and not _beyond_home(st):
        reachable = False
        entry.errors.append(_script_only_note(entry.browser_off, entry.rendered))
    if reachable and entry.unreadable_home:
        if section is None and not documents:
            # nothing could be seen: the site is not empty, it is unreadable
            reachable = False
            entry.errors.append(f"{entry.url}: {entry.unreadable_home}; проверьте сайт вручную")
        else:  # pages found another way (the sitemap, an alias): what the home page hides blocks «не выполнено»
            st.found.lost_links.append(
                LostLink(url=entry.url, link_text="Главная страница", reason=entry.unreadable_home)
            )
    if reachable and st.budget.stopped and st.budget.skipped:
        st.found.lost_links.append(LostLink(url=entry.url, link_text="", reason=st.budget.stopped))
    reason = None
    if not reachable:
        reason = "; ".join(entry.errors) or "сайт не удалось проверить: обход прерван"
    return OrgCrawlResult(
        org_id=st.org.id,
        reachable=reachable,
        failure_reason=reason,
        attempts=st.traffic.attempts,
        started_at=st.started_at,
        finished_at=now(),
        requests=st.traffic.requests,
        bytes=st.traffic.bytes,
        requests_to_section=st.section.best().requests_at if section else None,
        section=section,
        pages=st.found.pages,
        documents=documents,
        lost_pages=sorted(set(st.found.lost_pages)),
        lost_mentoring_links=_unique_lost(st.found.lost_links),
        page_budget_exhausted=st.budget.exhausted,
        pattern_pages_left=st.budget.pattern_left,
    )


def failed(st: OrgState, reason: str) -> OrgCrawlResult:
    """«Не удалось проверить» with `reason`, keeping the attempts and the traffic counted so far."""
    return OrgCrawlResult(
        org_id=st.org.id,
        reachable=False,
        failure_reason=reason,
        attempts=st.traffic.attempts,
        started_at=st.started_at,
        finished_at=now(),
        requests=st.traffic.requests,
        bytes=st.traffic.bytes,
        lost_pages=sorted(set(st.found.lost_pages)),
    )


def section_of(st: OrgState) -> SectionInfo | None:
    """The best candidate with the candidates and pages below it (or linked from its content)."""
    search = st.section
    if not search.candidates:
        return None
    best = search.best()
    prefix = links.path_prefix(best.url)
    members = [best.url]
    for c in search.candidates:
        if c is best:
            continue
        if links.path_prefix(c.url).startswith(prefix + "/") or c.canon in search.children:
            members.append(c.url)
    for p in st.found.pages:
        if links.path_prefix(p.final_url).startswith(prefix + "/") and p.final_url not in members:
            members.append(p.final_url)
    menu_path = best.menu_path if best.via_links else []
    if not best.via_links and best.canon in st.found.linked:
        menu_path = st.found.linked[best.canon]
    documents = st.found.documents.values()
    is_stub = best.is_stub and not any(d.in_section or d.source_page in members for d in documents)
    runner = search.runner_up()
    return SectionInfo(
        url=best.url,
        title=best.title,
        menu_path=menu_path,
        reachable_from_home=best.via_links,
        is_stub=is_stub,
        text_excerpt=best.excerpt,
        pages=members,
        audience=best.audience,
        runner_up=runner.url if runner else None,
        choice=_choice(best, runner),
    )


_AUDIENCE_RU = {"teachers": "о наставничестве педагогов", "pupils": "о наставничестве обучающихся"}


def _choice(best: Candidate, runner: Candidate | None) -> str:
    """Why this page is the section rather than the next best one (Russian, for the section criterion's note)."""
    if runner is None:
        return ""
    if best.audience != "pupils" and runner.audience == "pupils":
        why = "страница о наставничестве педагогических работников предпочтена странице о наставничестве обучающихся"
    elif best.strength > runner.strength:
        why = "её заголовок, адрес и пункт меню точнее называют наставничество"
    elif best.via_links and not runner.via_links:
        why = "она доступна по ссылкам с главной страницы"
    else:
        why = "она ближе к главной странице"
    what = _AUDIENCE_RU.get(runner.audience, "")
    return f"{why}; другая страница{(' ' + what) if what else ''}: {unquote(runner.url)}"


def _mark_section(st: OrgState, section: SectionInfo) -> None:
    """Pages and documents of the section: on its pages, linked from them, or behind a page between."""
    found = st.found
    pages_set = {links.canonical(u) for u in section.pages}
    for p in found.pages:
        if links.canonical(p.final_url) in pages_set or links.canonical(p.url) in pages_set:
            p.is_section = True
    # a page that only stands between the section and one to three files (a card, uCoz /load/…)
    bridges = {c for c in st.section.children - pages_set if 1 <= len(found.page_docs.get(c, [])) <= 3}
    for key, d in found.documents.items():
        linking = found.doc_links.get(key, {})
        in_pages = [url for canon, url in linking.items() if canon in pages_set]
        d.in_section = (
            links.canonical(d.source_page) in pages_set or bool(in_pages) or any(canon in bridges for canon in linking)
        )
        if in_pages and links.canonical(d.source_page) not in pages_set:
            d.source_page = in_pages[0]


def _documents(crawl: Crawl, st: OrgState) -> list[DocumentRecord]:
    docs = st.found.documents
    for adapter in crawl.adapters:
        docs = adapter.documents(st, docs)
    return list(docs.values())


def _unique_lost(lost: list[LostLink]) -> list[LostLink]:
    seen: dict[str, LostLink] = {}
    for link in lost:
        seen.setdefault(link.url, link)
    return list(seen.values())
