"""Materials that count only when recent (practices, monitoring): dated in the current academic year or in
one of the `years_back` academic years before it; older ones, or ones with no date, are «частично» at most.
"""

from __future__ import annotations

from datetime import date

from crawler.evaluate.context import Candidate, Context, candidates
from crawler.evaluate.dates import latest_date, page_date
from crawler.evaluate.documents import unreadable_reason
from crawler.ru import ru_date
from crawler.ruleset import Rule


def threshold(rule: Rule, ctx: Context) -> date:
    """1 September of the oldest academic year that still counts."""
    return date(ctx.ay_start.year - rule.years_back, 9, 1)


def dated_candidates(rule: Rule, ctx: Context) -> list[Candidate]:
    """Documents of the rule's types, each with its newest date checked against the threshold."""
    oldest = threshold(rule, ctx)
    cands = candidates(ctx, rule, set(rule.doc_types))
    for cand in cands:
        if cand.part is None or unreadable_reason(cand.doc):
            continue
        is_html = cand.doc.record.format == "html"
        latest = latest_date(cand.part, ctx.today, html=is_html)
        page = ctx.pages.get(cand.doc.record.url) if is_html else None
        if latest is None and page is not None:
            latest = page_date(page, ctx.today, boilerplate=ctx.boilerplate)
        date_check(cand, latest, oldest)
    return cands


def date_check(cand: Candidate, latest: date | None, oldest: date) -> None:
    """A reason when the material has no date or is older than `oldest`; else its date as the quote."""
    if latest is None:
        cand.reasons.append("дата не указана")
    elif latest < oldest:
        cand.reasons.append(f"материал устарел (самая поздняя дата — {ru_date(latest)})")
    else:
        cand.quote = cand.quote or ru_date(latest)
