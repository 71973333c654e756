"""The rules that hold over every check (CRITERIA.md, «Always»), applied after the checks.

«Не выполнено» is only said of what was seen: every page or document that was lost (any link, any status, any
cause) and could have held what a rule seeks blocks it, and the note names the URLs and the reasons.

* An unreachable site (or one whose home page cannot be read, or whose crawl was cut short) gets «не удалось
  проверить» for every criterion, with the reason and the time of each attempt — never «не выполнено».
* A page that did not open or could not be read (5xx, timeout, too large, unparseable, robots.txt) and could
  have led to the section or its documents — a mentoring link, a hub such as «Педагогам», «Документы»,
  «Сведения…», a page of the section, a link of the home page — and a site whose crawl stopped at its own
  budget: what it hides is unknown, so «не выполнено» becomes «не удалось проверить» (the crawl decides which
  pages count: crawler/crawl/pages.py could_lead).
* A document that was found but cannot be read (a dead link, an error page instead of the file, a broken or
  too large file, a scan OCR could not read) is evidence that something is there: «не выполнено» becomes at
  most «частично» (CRITERIA.md), and the note says why, so the ИДК checks it by hand.
"""

from __future__ import annotations

from crawler.evaluate.dates import when
from crawler.evaluate.documents import MENTORING_LABEL, clip, link_text, shown, unreadable_reason
from crawler.models import (
    AnalyzedDocument,
    DocType,
    Evidence,
    LostLink,
    Organization,
    OrgCrawlResult,
    RuleResult,
    Status,
)
from crawler.ruleset import Rule


def unreachable(rule: Rule, org: Organization, crawl: OrgCrawlResult) -> RuleResult:
    """«Не удалось проверить»: the site did not answer; the attempts are the evidence."""
    attempts = "; ".join(
        f"{when(a.at)} — {a.error or (f'HTTP {a.status}' if a.status else 'нет ответа')}" for a in crawl.attempts
    )
    reason = crawl.failure_reason or "сайт не ответил"
    note = f"Сайт недоступен: {reason}." + (f" Попытки: {attempts}." if attempts else "")
    evidence = [
        Evidence(
            url=a.url,
            title="Попытка открыть сайт",
            quote=a.error or (f"HTTP {a.status}" if a.status else None),
            fetched_at=a.at,
        )
        for a in crawl.attempts
    ] or [Evidence(url=org.site, title="Сайт организации", quote=reason, fetched_at=crawl.finished_at)]
    return RuleResult(rule_id=rule.id, status=Status.unknown, evidence=evidence, note=note)


def guard_lost_pages(results: list[RuleResult], crawl: OrgCrawlResult) -> list[RuleResult]:
    """«Не выполнено» is only safe when every page that could have led to the section or its documents opened.

    Such a page that answered 5xx, timed out, was too large or unparseable, or was closed by robots.txt (or the
    rest of a site whose crawl stopped at its budget) may hold exactly what the rule looks for: the verdict
    becomes «не удалось проверить», with the pages and the reasons.
    """
    lost = crawl.lost_mentoring_links
    if not lost:
        return results
    listed = "; ".join(_lost_text(link) for link in lost[:3])
    more = f" и ещё {len(lost) - 3}" if len(lost) > 3 else ""
    guarded = []
    for result in results:
        if result.status is Status.not_met:
            result = result.model_copy(
                update={
                    "status": Status.unknown,
                    "note": f"Проверить не удалось: не открылись страницы, на которых могли быть раздел о "
                    f"наставничестве или его документы — {listed}{more}. Проверьте вручную. (Без них: {result.note})",
                    "evidence": [
                        Evidence(url=link.url, title=link.link_text or None, quote=link.reason) for link in lost[:3]
                    ]
                    + result.evidence,
                }
            )
        else:
            result = result.model_copy(update={"remarks": [*result.remarks, f"не открылись страницы: {listed}{more}"]})
        guarded.append(result)
    return guarded


def _lost_text(link: LostLink) -> str:
    where = f"«{link.link_text}» ({shown(link.url)})" if link.link_text else shown(link.url)
    return f"{where}: {link.reason}"


def guard_unread_documents(results: list[RuleResult], documents: list[AnalyzedDocument]) -> list[RuleResult]:
    """A mentoring document that could not be read may be exactly what a rule looks for.

    An unreadable file of the section (or one whose label speaks of mentoring) that the classifier could not
    type turns «не выполнено» into «частично» with the reason (CRITERIA.md: at most «частично»), so the ИДК
    checks it by hand instead of writing to a director that the document is missing.
    """
    unread = [
        (doc, reason)
        for doc in documents
        if doc.record.format != "html" or doc.record.error
        for reason in [unreadable_reason(doc)]
        if reason
        and all(p.type is DocType.other for p in doc.parts)
        and (doc.record.in_section or MENTORING_LABEL.search(link_text(doc)))
    ]
    if not unread:
        return results
    listed = "; ".join(
        f"«{clip(d.record.link_text or d.record.file_name or shown(d.record.url), 80)}» — {r.rstrip('. ')}"
        for d, r in unread[:3]
    )
    more = f" и ещё {len(unread) - 3}" if len(unread) > 3 else ""
    guarded = []
    for result in results:
        if result.status is Status.not_met:
            result = result.model_copy(
                update={
                    "status": Status.partial,
                    "note": f"Частично: не удалось прочитать документы о наставничестве ({listed}{more}); "
                    f"проверьте их вручную. (Без них: {result.note})",
                    "evidence": [
                        Evidence(
                            url=d.record.url,
                            title=clip(d.record.link_text or d.record.file_name, 200),
                            quote=r,
                            archived=d.record.sha256,
                            fetched_at=d.record.fetched_at,
                        )
                        for d, r in unread[:3]
                    ]
                    + result.evidence,
                }
            )
        guarded.append(result)
    return guarded
