"""`pairs` — the order fixing mentoring pairs or groups for this academic year (roadmap items 1.2, 3.3).

* выполнено: an order fixing mentoring pairs or groups dated in, or naming, the academic year that contains
  the monitoring date.
* частично: only orders of earlier years; or an order with neither a date nor an academic year; or the file
  cannot be read.
* не выполнено: none.
"""

from __future__ import annotations

from crawler.evaluate.context import Context, candidates
from crawler.evaluate.dates import norm_years
from crawler.evaluate.documents import clip, unreadable_reason
from crawler.evaluate.evidence import result
from crawler.evaluate.registry import register
from crawler.models import DocType, RuleResult
from crawler.ru import ru_date
from crawler.ruleset import Rule


@register("pairs")
def check_pairs(rule: Rule, ctx: Context) -> RuleResult:
    cands = candidates(ctx, rule, set(rule.doc_types or [DocType.pairs_order]))
    current = (ctx.ay_start.year, ctx.ay_end.year)
    for cand in cands:
        part = cand.part
        if part is None or unreadable_reason(cand.doc):
            continue
        years = [y for y in (norm_years(a) for a in part.academic_years) if y]
        dated_now = part.approved_on is not None and ctx.ay_start <= part.approved_on <= ctx.ay_end
        if dated_now or current in years:
            cand.quote = clip(part.period_snippet or part.approval_snippet or part.type_snippet or part.title)
            continue
        if part.approved_on is None and not years:
            cand.reasons.append("в приказе не указаны ни дата, ни учебный год")
            continue
        what = ", ".join(f"{a}-{b}" for a, b in years) + " уч. г." if years else ""
        if part.approved_on:
            what = (what + ", " if what else "") + f"от {ru_date(part.approved_on)}"
        cand.reasons.append(f"приказ не на текущий {ctx.ay_label} учебный год ({what})")
        cand.quote = clip(part.period_snippet or part.approval_snippet or part.type_snippet)
    return result(rule, ctx, cands, f"приказа о закреплении наставнических пар на {ctx.ay_label} учебный год")
