"""`mentor_base` — the base (registry, list) of mentors and mentees (roadmap item 3.2).

* выполнено: a base / registry / list of mentors or mentees.
* частично: only a pairs order that lists the pairs (`partial_doc_types`); or the file cannot be read.
* не выполнено: none.
"""

from __future__ import annotations

from crawler.evaluate.context import Candidate, Context, candidates, default_quote, generic_reasons
from crawler.evaluate.documents import unreadable_reason
from crawler.evaluate.evidence import result
from crawler.evaluate.registry import register
from crawler.models import DocType, RuleResult
from crawler.ruleset import Rule


@register("mentor_base")
def check_mentor_base(rule: Rule, ctx: Context) -> RuleResult:
    cands = candidates(ctx, rule, set(rule.doc_types or [DocType.mentor_registry]))
    partial_types = set(rule.partial_doc_types) - set(rule.doc_types)
    for doc in ctx.documents:
        if unreadable_reason(doc):
            continue
        for part in doc.parts:
            if part.type in partial_types:
                cands.append(
                    Candidate(
                        doc=doc,
                        part=part,
                        reasons=[*generic_reasons(part), "базы нет; есть только приказ о закреплении пар"],
                        quote=default_quote(part),
                    )
                )
    return result(rule, ctx, cands, "базы (реестра, списка) наставников и наставляемых")
