"""`practices` — best practices, cases, news about the organization's mentoring (roadmap items 4.1, 4.2).

* выполнено: best practices, cases or news about the organization's mentoring dated in the current or
  previous academic year (`years_back`): documents of the rule's types, or dated pages whose heading is
  about mentoring (`page_patterns`; sub-pages of the section also by their text).
* частично: only older ones; or documents with no date; or the file cannot be read.
* не выполнено: none.
"""

from __future__ import annotations

import re
from datetime import date

from crawler.crawl.content import audience
from crawler.evaluate.context import Candidate, Context
from crawler.evaluate.dated import date_check, dated_candidates, threshold
from crawler.evaluate.dates import news_date
from crawler.evaluate.documents import clip, matches
from crawler.evaluate.evidence import result
from crawler.evaluate.registry import register
from crawler.models import AnalyzedDocument, RuleResult
from crawler.ru import ru_date
from crawler.ruleset import Rule


@register("practices")
def check_practices(rule: Rule, ctx: Context) -> RuleResult:
    cands = dated_candidates(rule, ctx)
    cands.extend(news_pages(rule, ctx, threshold(rule, ctx), {c.doc.record.url for c in cands}))
    return result(rule, ctx, cands, "материалов о практиках наставничества (кейсы, новости)")


def _pedagogical(url: str, labels: list[str], text: str) -> bool:
    """A page outside the section is a practice only when it speaks of mentoring pedagogical workers (a coach
    called «тренер-наставник» of young athletes, or pupils' mentoring, is not the roadmap's mentoring)."""
    who = audience(url, labels, text)
    return who == "teachers" or (who != "pupils" and bool(_MENTORING_WORK.search(" ".join([*labels, text]).lower())))


# words of the mentoring the roadmap means, when a page does not name pedagogical workers outright
_MENTORING_WORK = re.compile(r"наставничеств|наставническ\w* (пар|групп)|наставляем")


def news_pages(rule: Rule, ctx: Context, oldest: date, seen: set[str]) -> list[Candidate]:
    """Dated pages about the organization's mentoring other than the section's main page: news, cases.

    Sub-pages of the section count when their heading or text is about mentoring; pages elsewhere
    (a news feed) when their heading is. A page with no date is no evidence of practice (it may be
    an old copy of the section) and is skipped.
    """
    section = ctx.crawl.section
    if not rule.page_patterns:
        return []
    found: list[Candidate] = []
    home = {ctx.org.site, ctx.org.site.rstrip("/")}
    all_pages = list({id(p): p for p in ctx.pages.values()}.values())
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
            in_section and "наставни" in (page.text or "").lower()
        )
        if not about or (not in_section and page.text and not _pedagogical(page.url, labels, page.text)):
            continue
        published = news_date(page, all_pages, ctx.today, ctx.boilerplate)
        if published is None:
            continue
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
