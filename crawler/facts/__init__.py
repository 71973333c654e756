"""District data read from the documents a crawl downloads (issue #16, part 1; roadmap items 3.2, 3.3, 5.2, 5.5).

For each organization and academic year: the number of mentors, mentees, pairs and groups (from pairs orders
— their tables or numbered lists — and from bases of mentors, DOCX/PDF/XLSX tables and OCR'd scans included),
the forms of mentoring named, and the curator's position when an order states it. Every fact carries its
source document and a quote with personal names masked; where documents disagree, both values are kept.
Names are counted, never copied: `redact_findings` masks them in everything the evaluation quotes too.

Layout:

* names.py — personal names found and masked («[ФИО]»); the one masking helper for every quote;
* vocabulary.py — rules/facts.yaml (forms, curators' positions, headers of lists), validated, Russian errors;
* roster.py — lists of people in a text: pairs, groups, bases of mentors and mentees;
* stated.py — counts written out in reports and on pages («Количество наставнических пар — 4»);
* forms.py — forms of mentoring named in a text; curator.py — the curator's position in an order;
* read.py — read_facts: one organization's OrgFacts from its analyzed documents;
* redact.py — redact_findings: names masked in the evaluation's quotes, notes and titles.
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

from crawler.facts.names import MASK, find_names, mask_names
from crawler.facts.read import read_facts
from crawler.facts.redact import redact_findings
from crawler.facts.vocabulary import FactsVocabularyError, load_facts_vocabulary, vocabulary_beside
from crawler.models import AnalyzedDocument, OrgFindings

log = logging.getLogger(__name__)

__all__ = [
    "MASK",
    "FactsVocabularyError",
    "find_names",
    "load_facts_vocabulary",
    "mask_names",
    "read_facts",
    "redact_findings",
    "vocabulary_beside",
    "with_facts",
]


def with_facts(
    findings: OrgFindings, documents: list[AnalyzedDocument], today: date, rules_source: str | Path | None = None
) -> OrgFindings:
    """The findings with names masked and the facts of the documents attached.

    A failure to read the facts costs only the facts (logged), never the verdicts; names are masked anyway.
    `rules_source`: the rule set's directory, where a methodologist may keep an edited facts.yaml.
    """
    findings = redact_findings(findings)
    if not findings.reachable:
        return findings
    try:
        vocab = load_facts_vocabulary(vocabulary_beside(rules_source))
        facts = read_facts(documents, today, vocab)
    except Exception:  # the facts are extra data: a bug or a broken vocabulary must not cost the verdicts
        log.exception("reading the facts of %s failed", findings.id)
        return findings
    return findings.model_copy(update={"facts": facts})
