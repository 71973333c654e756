"""`monitoring` — a report or monitoring result on the organization's mentoring (roadmap item 6.1).

* выполнено: a report, monitoring result or analytical note on the organization's mentoring for the current
  or previous academic year (`years_back`).
* частично: only older ones; or one with no date; or the file cannot be read.
* не выполнено: none.
"""

from __future__ import annotations

from crawler.evaluate.context import Context
from crawler.evaluate.dated import dated_candidates
from crawler.evaluate.evidence import result
from crawler.evaluate.registry import register
from crawler.models import RuleResult
from crawler.ruleset import Rule


@register("monitoring")
def check_monitoring(rule: Rule, ctx: Context) -> RuleResult:
    cands = dated_candidates(rule, ctx)
    return result(rule, ctx, cands, "отчётов, результатов мониторинга, аналитических справок")
