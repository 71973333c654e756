"""Evaluation of one organization against the rule set, as of a monitoring date, with evidence.

Pure logic over the boundary models: what the crawl saw (OrgCrawlResult), the classified documents
(AnalyzedDocument, including the section pages as format="html"), the rule set and the date.
The criteria of the brief (agreed with the ИДК, /work/shared/CRITERIA.md, mirrored in
crawler/rules/district.yaml) are the law; the subtle points:

* an unreachable site → every rule «не удалось проверить», never «не выполнено»;
* only the organization's own documents count (external acts never; another organization's → partial);
* an unreadable candidate (404, cloud link, failed scan, too large) → at most partial, note says why;
* every status, not_met included, carries evidence (for not_met: what was examined, what was sought).

Layout:

* engine.py — evaluate_org: the applicable rules, each by its check, then guards, overrides, score;
* registry.py — the checks by name (`check:` in a rule); checks/ — one module per check;
* context.py — what the checks read, and the candidate documents they weigh;
* documents.py — readable? about mentoring? what its link says; clipped quotes;
* evidence.py — evidence, notes, and the verdict from the candidates;
* dates.py — academic year, dates in a text, the date a page shows; dated.py — «recent enough» materials;
* guards.py — unreachable sites, pages that did not open, documents that could not be read;
* scoring.py — score and zone (the rule set and the brief use it too).
"""

from __future__ import annotations

from crawler.evaluate.dates import academic_year, academic_year_label, dates_in_text, news_date, page_date
from crawler.evaluate.engine import applicable_rules, evaluate_org
from crawler.evaluate.registry import check_names, register
from crawler.evaluate.scoring import score_of, zone_for
from crawler.models import STATUS_RU

__all__ = [
    "STATUS_RU",
    "academic_year",
    "academic_year_label",
    "applicable_rules",
    "check_names",
    "dates_in_text",
    "evaluate_org",
    "news_date",
    "page_date",
    "register",
    "score_of",
    "zone_for",
]
