"""`practices` — best practices, cases, news about the organization's mentoring (roadmap items 4.1, 4.2).

* выполнено: best practices, cases or news about the organization's mentoring dated in the current or
  previous academic year (`years_back`): documents of the rule's types, or dated pages whose heading is
  about mentoring (`page_patterns`; sub-pages of the section also by their text); the section's own page is
  the section, never a practice.
* частично: only older ones; or documents with no date; or the file cannot be read.
* не выполнено: none.

`collect_practices` lists every such material, old ones included, for the district's registry of practices
(item 4.1): the check above weighs the best few, the registry keeps them all.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Iterator
from datetime import date
from urllib.parse import unquote, urlsplit

from crawler.classify import mentoring_mentions
from crawler.crawl.content import audience
from crawler.evaluate.context import Candidate, Context
from crawler.evaluate.dated import date_check, dated_candidates, threshold
from crawler.evaluate.dates import latest_date, news_date
from crawler.evaluate.documents import clip, matches, unreadable_reason
from crawler.evaluate.evidence import result
from crawler.evaluate.registry import register
from crawler.models import (
    AnalyzedDocument,
    DocType,
    Organization,
    OrgCrawlResult,
    OrgFindings,
    PageRecord,
    PracticeItem,
    PracticeKind,
    RuleResult,
)
from crawler.ru import ru_date
from crawler.ruleset import Rule, RuleSet

log = logging.getLogger(__name__)


def _pedagogical(url: str, labels: list[str], text: str) -> bool:
    """A page outside the section is a practice only when it speaks of mentoring pedagogical workers (a coach
    called «тренер-наставник» of young athletes, or pupils' mentoring, is not the roadmap's mentoring)."""
    who = audience(url, labels, text)
    return who == "teachers" or (who != "pupils" and bool(_MENTORING_WORK.search(" ".join([*labels, text]).lower())))


# words of the mentoring the roadmap means, when a page does not name pedagogical workers outright
_MENTORING_WORK = re.compile(r"наставничеств|наставническ\w* (пар|групп)|наставляем")


@register("practices")
def check_practices(rule: Rule, ctx: Context) -> RuleResult:
    cands = [c for c in dated_candidates(rule, ctx) if not _is_section_page(ctx, c.doc)]
    cands.extend(news_pages(rule, ctx, threshold(rule, ctx), {c.doc.record.url for c in cands}))
    return result(rule, ctx, cands, "материалов о практиках наставничества (кейсы, новости)")


def _is_section_page(ctx: Context, doc: AnalyzedDocument) -> bool:
    """The section's main page is the section, not a news item, whatever its text reads like."""
    section = ctx.crawl.section
    return doc.record.format == "html" and section is not None and doc.record.url == section.url


def news_pages(rule: Rule, ctx: Context, oldest: date, seen: set[str]) -> list[Candidate]:
    """Dated pages about the organization's mentoring other than the section's main page: news, cases.

    Sub-pages of the section count when their heading or text is about mentoring; pages elsewhere
    (a news feed) when their heading is. A page with no date is no evidence of practice (it may be
    an old copy of the section) and is skipped.
    """
    section = ctx.crawl.section
    found: list[Candidate] = []
    for url, page, published in _dated_news(rule, ctx, seen):
        doc = AnalyzedDocument.model_validate(
            {
                "record": {
                    "url": url,
                    "source_page": section.url if section else url,
                    "format": "html",
                    "fetched_at": page.fetched_at,
                    "sha256": page.sha256,
                    "link_text": page.title,
                }
            }
        )
        cand = Candidate(doc=doc, part=None, url=url, title_override=page.heading or page.title or url)
        date_check(cand, published, oldest)
        cand.quote = f"{ru_date(published)} {clip(page.heading or page.title, 200)}"
        found.append(cand)
    return found


def _dated_news(rule: Rule, ctx: Context, seen: set[str]) -> Iterator[tuple[str, PageRecord, date]]:
    """(url, page, publication date) of every dated page about mentoring that is not the section itself."""
    section = ctx.crawl.section
    if not rule.page_patterns:
        return
    home = {ctx.org.site, ctx.org.site.rstrip("/")}
    all_pages = list({id(p): p for p in ctx.pages.values()}.values())
    analyzed = {d.record.url: d for d in ctx.documents if d.record.format == "html"}
    for url, page in sorted(ctx.pages.items()):
        if url != page.url or url in seen or url in home or page.final_url in home:
            continue
        if section is not None and (url == section.url or page.final_url == section.url):
            continue
        labels = [x for x in (page.title, page.heading) if x]
        in_section = url in ctx.section_urls or page.final_url in ctx.section_urls
        if rule.page_exclude_patterns and any(matches(rule.page_exclude_patterns, x) for x in labels):
            continue
        about = any(matches(rule.page_patterns, x) for x in labels) or (
            in_section and _tells_of_mentoring(analyzed.get(url), page)
        )
        if not about or (not in_section and page.text and not _pedagogical(page.url, labels, page.text)):
            continue
        published = news_date(page, all_pages, ctx.today, ctx.boilerplate)
        if published is None:
            continue
        yield url, page, published


# what a news item or a case is read as; a page read as any other type is a document pasted on a page
NARRATIVE_TYPES = frozenset({DocType.practice, DocType.guidelines, DocType.other})
# words of mentoring a sub-page's own text needs to be news of it: one is a greeting's («поздравляли своих
# наставников») as often as a practice's
TEXT_MIN_MENTIONS = 2


def _tells_of_mentoring(doc: AnalyzedDocument | None, page: PageRecord) -> bool:
    """A sub-page of the section that is news of mentoring by its text: its own words name mentoring (its menus and
    breadcrumbs are left out: they name the section on every page; the Year of the Teacher and Mentor does not
    count), and it is not a document pasted on a page (a type of its own, or an approval stamp: «Положение о
    педагогическом совете … УТВЕРЖДЕНО приказом …»)."""
    if doc is None:
        return "наставни" in (page.text or "").lower()
    if any(p.type not in NARRATIVE_TYPES or p.approval_snippet or p.adopted_snippet for p in doc.parts):
        return False
    text = doc.extraction.text if doc.extraction else page.text
    return mentoring_mentions(text or "") >= TEXT_MIN_MENTIONS


# ------------------------------------------------------------------------------ the registry of practices

# a case or a best practice by its title; a document that is neither is a methodological development
CASE_TITLE = re.compile(r"кейс|практик|из\s+опыта|опыт\s+(работы|наставничеств)", re.IGNORECASE)
TITLE_MAX = 200


def practice_key(org_id: str, url: str, published: date | None, title: str) -> str:
    """The identity of a material across monitorings: its organization, its address (no scheme, no trailing
    slash, decoded) and its date — a page reused for a later news item is another item; with no date, its title."""
    parts = urlsplit(url.strip())
    where = parts.netloc.lower() + unquote(parts.path).rstrip("/") + ("?" + parts.query if parts.query else "")
    when = published.isoformat() if published else re.sub(r"\W+", " ", title.lower()).strip()
    digest = hashlib.sha256(f"{org_id}\n{where}\n{when}".encode()).hexdigest()[:16]
    return f"{org_id}:{digest}"


def _kind(title: str, *, page: bool) -> PracticeKind:
    if CASE_TITLE.search(title):
        return PracticeKind.case
    return PracticeKind.news if page else PracticeKind.method


def collect_practices(rule: Rule | None, ctx: Context) -> list[PracticeItem]:
    """Every practice, case or news item about the organization's mentoring on its site, old ones included.

    * documents (and section pages) the classifier typed «practice», the organization's own or of no named
      owner; methodological materials (type guidelines) only when they name the organization itself;
    * dated pages whose heading is about mentoring (the rule's `page_patterns`), as the criterion finds them.

    Titles are returned as found; `with_practices` masks personal names in them.
    """
    from crawler.evaluate.dates import page_date

    items: dict[str, PracticeItem] = {}
    seen: set[str] = set()
    all_pages = list({id(p): p for p in ctx.pages.values()}.values())
    for doc in ctx.documents:
        rec = doc.record
        part = next(
            (
                p
                for p in doc.parts
                if p.owner_matches is not False
                and (p.type == DocType.practice or (p.type == DocType.guidelines and p.owner_matches))
            ),
            None,
        )
        if part is None:
            continue
        is_page = rec.format == "html"
        if _is_section_page(ctx, doc):
            continue
        published: date | None = None
        page = ctx.pages.get(rec.url) if is_page else None
        if page is not None:
            published = news_date(page, all_pages, ctx.today, ctx.boilerplate) or page_date(
                page, ctx.today, boilerplate=ctx.boilerplate
            )
        elif not unreadable_reason(doc):
            published = part.approved_on or latest_date(part, ctx.today)
        label = (page.heading or page.title) if page is not None else ""
        title = clip(label or part.title or rec.viewer_title or rec.link_text or rec.file_name or rec.url, TITLE_MAX)
        title = title or rec.url
        kind = _kind(title, page=is_page) if part.type == DocType.practice else PracticeKind.method
        item = PracticeItem(
            key=practice_key(ctx.org.id, rec.url, published, title),
            kind=kind,
            title=title,
            published=published,
            url=rec.url,
            format=rec.format,
            archived=rec.sha256,
        )
        items.setdefault(item.key, item)
        seen.add(rec.url)
    if rule is not None:
        for url, page, published in _dated_news(rule, ctx, seen):
            title = clip(page.heading or page.title, TITLE_MAX) or url
            item = PracticeItem(
                key=practice_key(ctx.org.id, url, published, title),
                kind=_kind(title, page=True),
                title=title,
                published=published,
                url=url,
                format="html",
                archived=page.sha256,
            )
            items.setdefault(item.key, item)
    return sorted(items.values(), key=lambda i: (i.published or date.max, i.title))


def practices_rule(ruleset: RuleSet) -> Rule | None:
    """The rule the `practices` check judges (its page patterns say which pages are news about mentoring)."""
    return next((r for r in ruleset.rules if r.evaluator == "practices"), None)


def practice_items(
    org: Organization, crawl: OrgCrawlResult, documents: list[AnalyzedDocument], ruleset: RuleSet, today: date
) -> list[PracticeItem]:
    """`collect_practices` for one crawled organization (nothing for a site that could not be read)."""
    if not crawl.reachable:
        return []
    return collect_practices(practices_rule(ruleset), Context.build(org, crawl, documents, today))


def with_practices(
    findings: OrgFindings,
    org: Organization,
    crawl: OrgCrawlResult,
    documents: list[AnalyzedDocument],
    ruleset: RuleSet,
    today: date,
) -> OrgFindings:
    """The findings with the organization's practices attached, personal names masked in their titles.

    A failure costs only the registry's items (logged), never the verdicts.
    """
    from crawler.facts.names import mask_names

    try:
        items = practice_items(org, crawl, documents, ruleset, today)
    except Exception:  # the registry is extra data: a bug must not cost the verdicts
        log.exception("collecting the practices of %s failed", org.id)
        return findings
    masked = [i.model_copy(update={"title": mask_names(i.title)}) for i in items]
    return findings.model_copy(update={"practices": masked})
