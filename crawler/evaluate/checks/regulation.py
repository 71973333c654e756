"""`regulation` — the Положение on mentoring of pedagogical workers (roadmap item 1.2).

* выполнено: the organization's own Положение on mentoring of pedagogical workers (one that covers both
  pupils and teachers counts), with an approval mark when the rule requires it (`require_approval`).
* частично: only a pupil-only Положение; or the only one names another organization; or it carries no
  approval at all (neither «УТВЕРЖДЕНО»/an order nor a protocol); or the file cannot be read.
* не выполнено: none.
"""

from __future__ import annotations

from crawler.evaluate.context import Context, candidates
from crawler.evaluate.documents import ORDER_TYPES, clip, unreadable_reason
from crawler.evaluate.evidence import result
from crawler.evaluate.registry import register
from crawler.models import AnalyzedDocument, DocPart, DocType, RuleResult
from crawler.ruleset import Rule


@register("regulation")
def check_regulation(rule: Rule, ctx: Context) -> RuleResult:
    cands = candidates(ctx, rule, set(rule.doc_types or [DocType.regulation]))
    for cand in cands:
        part = cand.part
        if part is None or unreadable_reason(cand.doc):
            continue
        if part.pupil_only or not part.covers_teachers:
            cand.reasons.append("Положение о наставничестве обучающихся, а не педагогических работников")
        if rule.require_approval and not approved(part, cand.doc):
            cand.reasons.append("нет отметки об утверждении (ни «УТВЕРЖДЕНО»/приказа, ни протокола)")
        cand.quote = clip(part.approval_snippet or part.adopted_snippet or part.type_snippet or part.title)
    return result(rule, ctx, cands, "Положения о наставничестве педагогических работников")


def approved(part: DocPart, doc: AnalyzedDocument) -> bool:
    """An approval or adoption mark, or an order in the same file that approves it."""
    if part.approved_on or part.number or part.approval_snippet or part.adopted_snippet:
        return True
    if part.unnumbered_approval:
        return True
    # «Приложение 1 к приказу …»: the order in the same file approves it
    return any(p.type in ORDER_TYPES and (p.approved_on or p.number) for p in doc.parts if p is not part)
