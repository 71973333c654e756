"""The rules that hold over every check (CRITERIA.md, «Always»), applied after the checks.

* An unreachable site gets «не удалось проверить» for every criterion, with the reason and the time of
  each attempt — never «не выполнено».
* A mentoring page that did not open (5xx, timeout, robots.txt) may hold what a rule seeks: its
  «не выполнено» becomes «не удалось проверить».
* A mentoring document that cannot be read makes a criterion at most «частично», and the note says why.
"""

from __future__ import annotations

from crawler.evaluate.dates import when
from crawler.evaluate.documents import MENTORING_LABEL, clip, link_text, shown, unreadable_reason
from crawler.models import AnalyzedDocument, DocType, Evidence, Organization, OrgCrawlResult, RuleResult, Status
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
    """«Не выполнено» is only safe when every mentoring-looking page opened.

    A page whose link says «Наставничество» but which answered 5xx, timed out or was closed by
    robots.txt may hold exactly what the rule looks for: the verdict becomes «не удалось проверить».
    """
    lost = crawl.lost_mentoring_links
    if not lost:
        return results
    listed = "; ".join(f"«{link.link_text or 'без названия'}» ({shown(link.url)}): {link.reason}" for link in lost[:3])
    guarded = []
    for result in results:
        if result.status is Status.not_met:
            result = result.model_copy(
                update={
                    "status": Status.unknown,
                    "note": f"Проверить не удалось: не открылись страницы о наставничестве — {listed}. "
                    f"Проверьте вручную. (Без них: {result.note})",
                    "evidence": [
                        Evidence(url=link.url, title=link.link_text or None, quote=link.reason) for link in lost[:3]
                    ]
                    + result.evidence,
                }
            )
        else:
            result = result.model_copy(
                update={"remarks": [*result.remarks, f"не открылись страницы о наставничестве: {listed}"]}
            )
        guarded.append(result)
    return guarded


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
