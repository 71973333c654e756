"""`freshness` — the section is kept up to date (roadmap item 2.2).

* выполнено: the section or its documents show a date within the current academic year.
* частично: the newest date is within the previous academic year.
* не выполнено: older, or no dates at all.

A page's date is the one it shows for its own content (the section's text, a news item's publication
date), never a sidebar's; a document's is its approval date, else the newest date it states up to today.
"""

from __future__ import annotations

from datetime import date

from crawler.evaluate.context import Candidate, Context, mentoring_docs
from crawler.evaluate.dates import latest_date, page_date
from crawler.evaluate.documents import is_mentoring, unreadable_reason
from crawler.evaluate.evidence import evidence, not_met
from crawler.evaluate.registry import register
from crawler.models import Evidence, RuleResult, Status
from crawler.ru import ru_date
from crawler.ruleset import Rule


@register("freshness")
def check_freshness(rule: Rule, ctx: Context) -> RuleResult:
    prev_start = date(ctx.ay_start.year - 1, 9, 1)
    dated: list[tuple[date, Evidence]] = []
    section = ctx.crawl.section
    for url in sorted(ctx.section_urls):
        page = ctx.pages.get(url)
        if page is None:
            continue
        main = section.text_excerpt if section is not None and url == section.url else None
        latest = page_date(page, ctx.today, main_text=main, boilerplate=ctx.boilerplate)
        if latest:
            dated.append(
                (
                    latest,
                    Evidence(
                        url=url,
                        title=page.heading or page.title or None,
                        quote=f"дата на странице: {ru_date(latest)}",
                        archived=page.sha256,
                        fetched_at=page.fetched_at,
                    ),
                )
            )
    docs = mentoring_docs(ctx, in_section_only=section is not None, with_section_pages=True)
    for doc in docs:
        if unreadable_reason(doc):
            continue
        is_html = doc.record.format == "html"
        for part in doc.parts:
            if not is_mentoring(part) and not (is_html and part.approved_on):
                continue
            # the approval date says when a document was issued; other dates may be plans for the future
            latest = part.approved_on if part.approved_on and part.approved_on <= ctx.today else None
            latest = latest or latest_date(part, ctx.today, html=is_html)
            if latest:
                cand = Candidate(doc=doc, part=part, quote=f"дата документа: {ru_date(latest)}")
                dated.append((latest, evidence(cand)))
    if not dated:
        return not_met(rule, ctx, "дат в разделе и его документах")
    dated.sort(key=lambda x: x[0], reverse=True)
    newest = dated[0][0]
    shown = [e for _, e in dated[:2]]
    # with no section the dates are those of the mentoring documents found elsewhere on the site
    where = "в разделе" if section is not None else "в документах о наставничестве"
    if newest >= ctx.ay_start:
        return RuleResult(
            rule_id=rule.id,
            status=Status.met,
            evidence=shown,
            note=f"Самая новая дата {where} — {ru_date(newest)} ({ctx.ay_label} учебный год).",
        )
    if newest >= prev_start:
        return RuleResult(
            rule_id=rule.id,
            status=Status.partial,
            evidence=shown,
            note=f"Частично: самая новая дата {where} — {ru_date(newest)} (прошлый учебный год); "
            f"материалов {ctx.ay_label} учебного года нет.",
        )
    return RuleResult(
        rule_id=rule.id,
        status=Status.not_met,
        evidence=shown,
        note=f"{'Раздел не обновлялся' if section is not None else 'Документы не обновлялись'}: самая новая дата — "
        f"{ru_date(newest)} (старше прошлого учебного года).",
    )
