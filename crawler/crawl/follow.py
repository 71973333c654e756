"""Which links of a page are worth a request: the link policy and the per-organization budget.

Adapters see every link first (cloud storage links); then a link to a document is taken when the section,
a hub page or its own words make it relevant, and a link to a page when its score and depth allow it. A page is
counted against the organization's budgets (pages, calendar-like and numbered URLs) only when it is fetched, best
first (spider._pump, within_trap_budgets).
"""

from __future__ import annotations

from collections.abc import Sequence

from scrapy.http import Request

from crawler.crawl import links
from crawler.crawl.adapters.base import Crawl
from crawler.crawl.links import Link, LinkVocabulary, Score
from crawler.crawl.state import Budget, OrgState, PageContext
from crawler.crawl.visits import DocVisit, PageVisit

MAX_MENU_PATH = 8


def follow(crawl: Crawl, st: OrgState, lk: Link, ctx: PageContext) -> list[Request]:
    """Requests for one link of a page (none when it is not worth one)."""
    canon = links.canonical(lk.url)
    if ctx.in_section and lk.in_main:
        # a mentoring page linked from the section's content belongs to it (decided at the end)
        st.section.children.add(canon)
    for adapter in crawl.adapters:
        taken = adapter.link(st, lk, ctx)
        if taken is not None:
            return taken
    if links.looks_like_document(lk.url, crawl.vocab) or links.looks_like_viewer(lk.url, crawl.vocab):
        return _document_link(crawl, st, lk, ctx, canon)
    return _page_link(crawl, st, lk, ctx, canon)


def child_path(path: Sequence[str], lk: Link) -> list[str]:
    """Click path to a link: a site menu is global (its nesting is the path), other links extend the page's."""
    if not lk.label:
        return list(path)  # an unlabelled hop (a script redirect, an image without alt) is no click
    if lk.position == "nav":
        return [*lk.menu_trail, lk.label][:MAX_MENU_PATH]
    return [*path, lk.label][:MAX_MENU_PATH]


# ------------------------------------------------------------------------------ documents


def _document_link(crawl: Crawl, st: OrgState, lk: Link, ctx: PageContext, canon: str) -> list[Request]:
    vocab = crawl.vocab
    from_section_main = ctx.in_section and lk.in_main
    through_section = ctx.via_section is not None and lk.in_main
    mentoring = links.is_mentoring_document_link(lk, vocab)
    related = links.is_related_document_link(lk, vocab)
    from_hub = ctx.hub and lk.in_main and st.budget.hub_docs < vocab.hub_documents_cap
    # a long «Документы» page is read whole: past the cap, a link that names no subject is still fetched (its
    # content decides), one that names another subject («Положение о школьном музее») is not
    mute = (
        ctx.hub
        and lk.in_main
        and not from_hub
        and st.budget.hub_mute_docs < vocab.hub_mute_documents_cap
        and links.is_mute_document_link(lk, vocab)
    )
    if not (from_section_main or through_section or mentoring or related or from_hub or mute):
        return []
    if from_hub and not (from_section_main or mentoring or related):
        st.budget.hub_docs += 1
    elif mute and not (from_section_main or through_section or mentoring or related):
        st.budget.hub_mute_docs += 1
    _remember_linking_pages(st, lk, ctx, canon, through_section)
    existing = st.found.documents.get(canon)
    if existing is not None or canon in st.frontier.seen:
        if existing is not None and from_section_main:
            existing.in_section = True
        return []
    if st.budget.doc_requests >= crawl.cs.max_pages:
        return []
    st.frontier.seen.add(canon)
    st.budget.doc_requests += 1
    visit = DocVisit(
        org_id=st.org.id,
        key=canon,
        link_url=lk.url,
        link_text=lk.label,
        source_page=ctx.page.final_url,
        in_section=from_section_main,
        viewer_title=ctx.title if through_section else None,
    )
    # a viewer card's stored validators are those of the file behind it
    conditional = not links.looks_like_viewer(lk.url, vocab)
    return [crawl.request(st, lk.url, visit, priority=900 if from_section_main else 700, conditional=conditional)]


def _remember_linking_pages(st: OrgState, lk: Link, ctx: PageContext, canon: str, through_section: bool) -> None:
    """The pages whose content links the document (the section decides at the end whether it is in it)."""
    if lk.in_main:
        st.found.link_document(canon, ctx.page.final_url, links.canonical(ctx.page.final_url))
    if through_section and ctx.via_section:
        st.found.link_document(canon, ctx.via_section, links.canonical(ctx.via_section))


# ---------------------------------------------------------------------------------- pages


def _page_link(crawl: Crawl, st: OrgState, lk: Link, ctx: PageContext, canon: str) -> list[Request]:
    if links.host_of(lk.url) not in st.hosts or canon in st.frontier.seen:
        return []
    depth = ctx.depth + 1
    section_child = bool(
        ctx.section_prefix and lk.in_main and links.path_prefix(lk.url).startswith(ctx.section_prefix + "/")
    )
    score = links.score_link(lk, depth, crawl.vocab)
    # the section's own content: its sub-pages, its pagination («?PAGEN_1=2», «Следующая страница»), its news items
    # («Подробнее»): all of it is the section's material, within a budget of its own
    section_content = (
        not section_child
        and ctx.in_section
        and lk.in_main
        and lk.tag in ("a", "area")
        and score.value > -100
        and st.budget.section_links < crawl.vocab.section_links_cap
    )
    if not (section_child or section_content) and not _worth_a_visit(crawl, st, score, depth):
        return []
    if section_content:
        st.budget.section_links += 1
    st.frontier.seen.add(canon)
    visit = PageVisit(
        org_id=st.org.id,
        depth=depth,
        path=tuple(child_path(ctx.path, lk)),
        via=ctx.via,
        link_text=lk.label,
        groups=score.groups,
        section_child=section_child,
        in_section=ctx.in_section and lk.in_main,
        mentoring=links.is_mentoring_document_link(lk, crawl.vocab),
        source_page=ctx.page.final_url,
        link_url=lk.url,
        key=canon,
    )
    priority = 1000 if section_child else 800 if section_content else max(score.value, -999)
    return [crawl.request(st, lk.url, visit, priority=priority)]


def _worth_a_visit(crawl: Crawl, st: OrgState, score: Score, depth: int) -> bool:
    """A page outside the section: deep enough, scored well enough, and still wanted once the section is found."""
    if depth > crawl.cs.max_depth:
        return False
    if score.value <= -100 or (score.value < -30 and depth >= 2):
        return False
    return not (st.section.focused and not (score.groups & (crawl.vocab.hub_groups | {"sveden", "pedagogues"})))


def within_trap_budgets(vocab: LinkVocabulary, budget: Budget, url: str, section_child: bool) -> bool:
    """Count a page about to be fetched against the organization's trap budgets (calendar-like and numbered URLs);
    False, counting nothing, if one is full. Counted at fetch time, best first (spider._pump), like the page limit: a
    uCoz menu of a hundred «/index/0-N» pages must not spend the numbered pages' budget before «Наставничество» at its
    end is seen."""
    date_key, number_key = links.trap_keys(url, vocab)
    if date_key is not None and budget.date_keys.get(date_key, 0) >= vocab.trap_budget:
        return False
    if not section_child and budget.number_keys.get(number_key, 0) >= vocab.pattern_budget:
        return False
    if date_key is not None:
        budget.date_keys[date_key] = budget.date_keys.get(date_key, 0) + 1
    if not section_child:
        budget.number_keys[number_key] = budget.number_keys.get(number_key, 0) + 1
    return True
