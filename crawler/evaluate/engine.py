"""Judging one organization: every applicable rule by its check, then the guards, the ИДК's overrides,
the score and the zone.
"""

from __future__ import annotations

from datetime import date, datetime

from crawler.evaluate.context import Context
from crawler.evaluate.documents import is_signed, unreadable_reason
from crawler.evaluate.guards import guard_lost_pages, guard_unread_documents, unreachable
from crawler.evaluate.registry import run_check
from crawler.evaluate.scoring import score_of
from crawler.models import AnalyzedDocument, DocType, DocumentSummary, Organization, OrgCrawlResult, OrgFindings
from crawler.overrides import Override, apply_overrides
from crawler.ruleset import Rule, RuleSet


def applicable_rules(ruleset: RuleSet, org: Organization, today: date) -> list[Rule]:
    """Rules for this kind of organization that are in force on the monitoring date."""
    return [r for r in ruleset.rules if org.kind in r.applies_to and r.effective_from <= today]


def evaluate_org(
    org: Organization,
    crawl: OrgCrawlResult,
    documents: list[AnalyzedDocument],
    ruleset: RuleSet,
    today: date,
    overrides: list[Override] | None = None,
) -> OrgFindings:
    """Judge one organization on every applicable rule as of `today`; overrides of the ИДК applied last."""
    rules = applicable_rules(ruleset, org, today)
    ctx = Context.build(org, crawl, documents, today)
    if not crawl.reachable:
        results = [unreachable(rule, org, crawl) for rule in rules]
    else:
        results = [run_check(rule, ctx) for rule in rules]
        results = guard_lost_pages(guard_unread_documents(results, documents), crawl)
    if overrides:
        results = apply_overrides(org.id, results, overrides, today)
    score = score_of(results, ruleset)
    section = crawl.section
    return OrgFindings(
        id=org.id,
        name=org.name,
        kind=org.kind,
        site=org.site,
        reachable=crawl.reachable,
        failure_reason=crawl.failure_reason,
        checked_at=crawl.finished_at if isinstance(crawl.finished_at, datetime) else None,
        attempts=crawl.attempts,
        section_url=section.url if section else None,
        menu_path=section.menu_path if section else [],
        documents=summaries(documents, ctx.section_urls),
        rules=results,
        score=score,
        zone=ruleset.zone_for(score),
    )


def summaries(documents: list[AnalyzedDocument], section_urls: set[str]) -> list[DocumentSummary]:
    """What findings.json and the brief list of the documents (the section's own pages left out)."""
    out: list[DocumentSummary] = []
    for doc in documents:
        rec = doc.record
        if rec.format == "html" and rec.url in section_urls and not any(p.type != DocType.other for p in doc.parts):
            continue
        part = next((p for p in doc.parts if p.type != DocType.other), doc.parts[0] if doc.parts else None)
        out.append(
            DocumentSummary(
                url=rec.url,
                final_url=rec.final_url if rec.final_url != rec.url else None,
                type=part.type.value if part else None,
                title=(part.title if part and part.title else None) or rec.viewer_title or rec.link_text or None,
                approved_on=part.approved_on if part else None,
                number=part.number if part else None,
                signed=is_signed(doc, part) if part else None,
                sha256=rec.sha256,
                error=unreadable_reason(doc),
            )
        )
    return out
