"""Evidence and notes: every status carries the URL(s), the document and the quoted words it rests on.

For «не выполнено» the evidence is what was examined and what was sought (CRITERIA.md: «Every status
carries its evidence»). `result` turns a check's candidates into its verdict: the best candidate wins.
"""

from __future__ import annotations

from crawler.evaluate.context import Candidate, Context
from crawler.evaluate.documents import clip, is_signed, link_text, matches, shown
from crawler.models import DocType, Evidence, RuleResult, Status
from crawler.ru import ru_date
from crawler.ruleset import Rule

EVIDENCE_MAX = 4
NO_SIGNATURE = "нет отметки об электронной подписи"


def evidence(cand: Candidate) -> Evidence:
    rec = cand.doc.record
    return Evidence(
        url=cand.url or rec.url,
        title=clip(cand.title, 200),
        quote=cand.quote or clip(cand.title),
        archived=rec.sha256,
        fetched_at=rec.fetched_at,
    )


def describe(cand: Candidate) -> str:
    """«Title» (от 01.09.2025 № 41-од) — a candidate as a note names it."""
    bits = [f"«{clip(cand.title, 120)}»"]
    part = cand.part
    if part is not None and (part.approved_on or part.number):
        req = []
        if part.approved_on:
            req.append(f"от {ru_date(part.approved_on)}")
        if part.number:
            req.append(f"№ {part.number}")
        bits.append("(" + " ".join(req) + ")")
    return " ".join(bits)


def signature_remark(cand: Candidate) -> str | None:
    """A remark (not a downgrade, unless the rule requires a signature) on a file with no signature mark."""
    if cand.part is None or cand.doc.record.format == "html" or cand.url:
        return None
    signed = is_signed(cand.doc, cand.part)
    return None if signed else f"{NO_SIGNATURE}: «{clip(cand.title, 80)}»"


def examined(ctx: Context, looked_for: str) -> tuple[Evidence, str]:
    """Evidence and note for not_met: what was examined and what was sought."""
    crawl = ctx.crawl
    n_pages = len(crawl.pages)
    n_docs = sum(1 for d in ctx.documents if d.record.format != "html")
    where = f"раздел {shown(crawl.section.url)}" if crawl.section else "раздел о наставничестве не найден"
    quote = f"просмотрено страниц: {n_pages}, документов: {n_docs}; {where}; {looked_for} не найдено"
    note = f"На сайте просмотрено страниц: {n_pages}, документов: {n_docs} ({where}); {looked_for} не найдено."
    if crawl.lost_pages:
        note += f" Не открылись страницы ({len(crawl.lost_pages)}): " + ", ".join(crawl.lost_pages[:3])
        note += "…" if len(crawl.lost_pages) > 3 else ""
    if crawl.page_budget_exhausted and crawl.section is None:
        note += (
            f" Обход остановлен на пределе страниц ({n_pages}); часть ссылок не просмотрена — "
            "при сомнении проверьте сайт вручную или увеличьте crawl.max_pages."
        )
    if crawl.pattern_pages_left and crawl.section is None:
        note += (
            " Часть страниц меню сайта с однотипными адресами (различаются только номером) не просмотрена: "
            f"{crawl.pattern_pages_left} — при сомнении проверьте сайт вручную."
        )
    url = crawl.section.url if crawl.section else ctx.org.site
    page = ctx.pages.get(url)
    title = (page.title if page and page.title else None) or (
        f"Раздел «{crawl.section.title or 'Наставничество'}»" if crawl.section else "Сайт организации"
    )
    found = Evidence(
        url=url,
        title=title,
        quote=quote,
        archived=page.sha256 if page else None,
        fetched_at=page.fetched_at if page else crawl.finished_at,
    )
    return found, note


def not_met(rule: Rule, ctx: Context, looked_for: str) -> RuleResult:
    """«Не выполнено» with what was examined and what was sought."""
    found, note = examined(ctx, looked_for)
    return RuleResult(rule_id=rule.id, status=Status.not_met, evidence=[found], note=note)


def external_hint(ctx: Context, rule: Rule) -> str:
    """Mention re-published higher-level acts that look like what the rule seeks (they never count)."""
    if not rule.link_patterns:
        return ""
    hits = [
        d
        for d in ctx.documents
        if any(p.type == DocType.external_act for p in d.parts)
        and matches(rule.link_patterns, link_text(d) + " " + " ".join(p.title for p in d.parts).lower())
    ]
    if not hits:
        return ""
    titles = ", ".join(f"«{clip(d.record.link_text or d.record.url, 80)}»" for d in hits[:2])
    return f" Документы вышестоящих уровней не засчитываются: {titles}."


def result(rule: Rule, ctx: Context, cands: list[Candidate], looked_for: str, *, met_prefix: str = "") -> RuleResult:
    """Best candidate wins; partial reasons and remarks go to the note."""
    if rule.require_signature:
        for cand in cands:
            remark = signature_remark(cand)
            if remark and NO_SIGNATURE not in " ".join(cand.reasons):
                cand.reasons.append(f"{NO_SIGNATURE} (правило требует подпись)")
    met = [c for c in cands if c.status == Status.met]
    partial = [c for c in cands if c.status == Status.partial]
    if met:
        chosen = met[:EVIDENCE_MAX]
        remarks = sorted({r for c in chosen[:1] for r in [signature_remark(c)] if r})
        note = met_prefix + "Найдено: " + "; ".join(describe(c) for c in chosen) + "."
        return RuleResult(
            rule_id=rule.id,
            status=Status.met,
            evidence=[evidence(c) for c in chosen],
            note=note,
            remarks=remarks,
        )
    if partial:
        chosen = partial[:EVIDENCE_MAX]
        pieces = [f"{describe(c)} — {'; '.join(dict.fromkeys(c.reasons))}" for c in chosen]
        remarks = sorted({r for c in chosen[:1] for r in [signature_remark(c)] if r})
        return RuleResult(
            rule_id=rule.id,
            status=Status.partial,
            evidence=[evidence(c) for c in chosen],
            note="Частично: " + "; ".join(pieces) + ".",
            remarks=remarks,
        )
    found, note = examined(ctx, looked_for)
    return RuleResult(rule_id=rule.id, status=Status.not_met, evidence=[found], note=note + external_hint(ctx, rule))
