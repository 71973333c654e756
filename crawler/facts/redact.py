"""No personal name leaves the tool: the evaluation's quotes, notes and titles masked before they are stored.

The classifier and the evaluation quote documents as they are (an approval stamp «Директор ____ Н.И. Лебедева»,
a base of mentors whose title runs into its table); findings.json, the CSV/XLSX exports and the brief are made
from the stored findings, so masking them here keeps names out of all of them. The evidence archive keeps
the documents as published.
"""

from __future__ import annotations

from crawler.facts.names import mask_names, mask_optional
from crawler.models import Evidence, OrgFindings, RuleResult


def _evidence(e: Evidence) -> Evidence:
    return e.model_copy(update={"title": mask_optional(e.title), "quote": mask_optional(e.quote)})


def _rule(r: RuleResult) -> RuleResult:
    return r.model_copy(
        update={
            "evidence": [_evidence(e) for e in r.evidence],
            "note": mask_names(r.note),
            "remarks": [mask_names(x) for x in r.remarks],
        }
    )


def redact_findings(findings: OrgFindings) -> OrgFindings:
    """The findings with every personal name in quotes, notes, remarks and document titles replaced by «[ФИО]»."""
    return findings.model_copy(
        update={
            "rules": [_rule(r) for r in findings.rules],
            "documents": [d.model_copy(update={"title": mask_optional(d.title)}) for d in findings.documents],
        }
    )
