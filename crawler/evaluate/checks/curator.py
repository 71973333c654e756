"""`curator` — the order appointing the curator of mentoring (roadmap item 3.1).

* выполнено: an order appointing the curator, or an order introducing the model (`clause_doc_types`) that
  contains an appointment clause («назначить куратором», «координатором»); where the classifier saw no such
  order, an order pasted as text on a section page («ПРИКАЗЫВАЮ: … назначить куратором …») counts.
* частично: only another organization's order, or an unreadable file whose name looks like such an order (an order
  introducing the model «(назначение куратора)» too: the clause may be inside).
* не выполнено: none.
"""

from __future__ import annotations

import re

from crawler.evaluate.context import Candidate, Context, candidates, generic_reasons, unread_candidate
from crawler.evaluate.documents import clip, link_text, matches, unreadable_reason
from crawler.evaluate.evidence import result
from crawler.evaluate.registry import register
from crawler.models import AnalyzedDocument, DocType, RuleResult, Status
from crawler.ruleset import Rule


@register("curator")
def check_curator(rule: Rule, ctx: Context) -> RuleResult:
    cands = candidates(ctx, rule, set(rule.doc_types or [DocType.curator_order]))
    for cand in cands:
        if cand.part is not None and cand.part.curator_snippet:
            cand.quote = clip(cand.part.curator_snippet)
    clause_types = set(rule.clause_doc_types or [DocType.model_order])
    for doc in ctx.documents:
        unread = unreadable_reason(doc)
        if unread:
            # an unreadable order that may hold the appointment clause and whose name says so («… (назначение
            # куратора)»): at most partial, as the rule's «нечитаемый файл, по названию похожий на такой приказ»
            clause_parts = [p for p in doc.parts if p.type in clause_types and p.type not in rule.doc_types]
            if clause_parts and rule.link_patterns and matches(rule.link_patterns, link_text(doc)):
                cands.append(unread_candidate(doc, clause_parts, unread))
            continue
        for part in doc.parts:
            if part.type in clause_types and part.curator_clause and part.type not in rule.doc_types:
                cands.append(
                    Candidate(
                        doc=doc,
                        part=part,
                        reasons=generic_reasons(part),
                        quote=clip(part.curator_snippet or part.type_snippet),
                    )
                )
    if not any(c.status == Status.met for c in cands):
        cands.extend(pasted_clauses(rule, ctx))
    return result(rule, ctx, cands, "приказа о назначении куратора (или пункта «назначить куратором»)")


def pasted_clauses(rule: Rule, ctx: Context) -> list[Candidate]:
    """An order pasted as text on a section page («ПРИКАЗЫВАЮ: … Назначить куратором …»)."""
    if not rule.page_clause_patterns:
        return []
    found: list[Candidate] = []
    for url in sorted(ctx.section_urls):
        page = ctx.pages.get(url)
        if page is None or not page.text:
            continue
        text = re.sub(r"\s+", " ", page.text)
        if rule.page_clause_context and not re.search(rule.page_clause_context, text, re.IGNORECASE):
            continue
        for pattern in rule.page_clause_patterns:
            m = re.search(pattern, text, re.IGNORECASE)
            if m:
                doc = AnalyzedDocument.model_validate(
                    {"record": {"url": url, "source_page": url, "format": "html", "fetched_at": page.fetched_at,
                                "sha256": page.sha256, "link_text": page.heading or page.title}}
                )  # fmt: skip
                found.append(
                    Candidate(
                        doc=doc,
                        part=None,
                        url=url,
                        title_override=f"приказ, размещённый текстом на странице «{page.heading or page.title}»",
                        quote=clip(m.group(0).strip(" .,"), 250),
                    )
                )
                break
    return found
