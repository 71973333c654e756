"""`pay_incentives` — payments to mentors in the pay regulation (roadmap item 1.3).

* выполнено: a pay or incentive-payment regulation (or its amendment, or the collective agreement) that
  provides payments for mentoring.
* частично: another organization's document, or an unreadable file whose name looks like such a regulation.
* не выполнено: none, or only pay regulations without a mentoring clause (the note says so).
"""

from __future__ import annotations

from crawler.evaluate.context import Candidate, Context, generic_reasons, unread_candidate
from crawler.evaluate.documents import clip, link_text, matches, unreadable_reason
from crawler.evaluate.evidence import EVIDENCE_MAX, describe, evidence, result
from crawler.evaluate.registry import register
from crawler.models import DocType, RuleResult, Status
from crawler.ruleset import Rule


@register("pay_incentives")
def check_pay_incentives(rule: Rule, ctx: Context) -> RuleResult:
    types = set(rule.doc_types or [DocType.pay_regulation])
    cands: list[Candidate] = []
    without_clause: list[Candidate] = []
    for doc in ctx.documents:
        unread = unreadable_reason(doc)
        parts = [
            p
            for p in doc.parts
            if p.type in types
            or (
                p.type == DocType.other
                and (p.pay_mentoring_clause or matches(rule.other_title_patterns, f"{p.title} {p.type_snippet}"))
            )
        ]
        if unread:
            typed = any(p.type != DocType.other and not p.pay_mentoring_clause for p in doc.parts)
            if parts or (rule.link_patterns and not typed and matches(rule.link_patterns, link_text(doc))):
                cands.append(unread_candidate(doc, parts, unread))
            continue
        for part in parts:
            cand = Candidate(doc=doc, part=part, reasons=generic_reasons(part))
            if part.pay_mentoring_clause:
                cand.quote = clip(part.pay_snippet or part.type_snippet)
                cands.append(cand)
            else:
                cand.quote = clip(part.title or part.type_snippet)
                without_clause.append(cand)
    if cands or not without_clause:
        return result(rule, ctx, cands, "положения об оплате труда (стимулирующих выплатах) с выплатами наставникам")
    titles = "; ".join(describe(c) for c in without_clause[:EVIDENCE_MAX])
    return RuleResult(
        rule_id=rule.id,
        status=Status.not_met,
        evidence=[evidence(c) for c in without_clause[:EVIDENCE_MAX]],
        note=f"Положение об оплате труда найдено ({titles}), но выплат за наставничество в нём нет.",
    )
