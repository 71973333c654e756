"""`section` — the «Наставничество» section of the site (roadmap item 2.2).

* выполнено: a page dedicated to mentoring (its title, heading or menu label says so), reachable by links
  from the home page, with real content: at least one mentoring document, or substantive text about the
  organization's mentoring (`min_section_chars`).
* частично: the page exists but is a stub («в разработке», no documents, a few words), or is reachable only
  by a direct link; or there is no such page but the organization's mentoring documents are published
  elsewhere on its site (e.g. «Документы»).
* не выполнено: no such page and no mentoring documents anywhere on the site.
"""

from __future__ import annotations

from crawler.evaluate.context import Candidate, Context, in_section, mentoring_docs
from crawler.evaluate.documents import clip, link_text, shown
from crawler.evaluate.evidence import EVIDENCE_MAX, describe, evidence, not_met
from crawler.evaluate.registry import register
from crawler.models import DocType, Evidence, RuleResult, Status
from crawler.ruleset import Rule


@register("section")
def check_section(rule: Rule, ctx: Context) -> RuleResult:
    section = ctx.crawl.section
    if section is None:
        elsewhere = mentoring_docs(ctx, in_section_only=False)
        if elsewhere:
            cands = [Candidate(doc=d, part=d.parts[0], quote=clip(d.record.link_text)) for d in elsewhere]
            return RuleResult(
                rule_id=rule.id,
                status=Status.partial,
                evidence=[evidence(c) for c in cands[:EVIDENCE_MAX]],
                note="Частично: раздела «Наставничество» нет, документы о наставничестве размещены в другом "
                "месте сайта: "
                + "; ".join(f"{describe(c)} ({shown(c.doc.record.source_page)})" for c in cands[:3])
                + ".",
            )
        return not_met(rule, ctx, "страницы о наставничестве (пункт меню, заголовок) и документов о наставничестве")

    page = ctx.pages.get(section.url)
    reasons: list[str] = []
    if section.is_stub:
        reasons.append(f"страница-заглушка («{clip(section.text_excerpt, 100) or 'нет содержания'}»)")
    if section.audience == "pupils":
        # CRITERIA.md: a pupils' mentoring page never makes `section` «выполнено» on its own
        reasons.append("страница о наставничестве обучающихся, страницы о наставничестве педагогических работников нет")
    if not section.reachable_from_home:
        reasons.append("раздел не доступен по ссылкам с главной страницы (найден только по прямой ссылке)")
    docs_here = [
        d
        for d in ctx.documents
        if in_section(ctx, d)
        and not (d.record.format == "html" and d.record.url in ctx.section_urls)
        and (any(p.type != DocType.other for p in d.parts) or "наставни" in link_text(d))
    ]
    text_len = max(len(section.text_excerpt or ""), len(page.text) if page else 0)
    if not section.is_stub and not docs_here and text_len < rule.min_section_chars:
        reasons.append("в разделе нет документов и содержательного текста")
    path = " › ".join(["Главная", *section.menu_path]) if section.menu_path else None
    quote_bits = [b for b in (f"меню: {path}" if path else None, clip(section.text_excerpt, 200)) if b]
    shown_page = Evidence(
        url=section.url,
        title=section.title or (page.title if page else None) or "Раздел «Наставничество»",
        quote=" | ".join(quote_bits) or None,
        archived=page.sha256 if page else None,
        fetched_at=page.fetched_at if page else ctx.crawl.finished_at,
    )
    chosen = f" Выбран этот раздел: {section.choice}." if section.choice else ""
    if reasons:
        return RuleResult(
            rule_id=rule.id,
            status=Status.partial,
            evidence=[shown_page],
            note=f"Частично: раздел {shown(section.url)} — " + "; ".join(reasons) + "." + chosen,
        )
    content = f"документов в разделе: {len(docs_here)}" if docs_here else "содержательный текст"
    where = f" (меню: {path})" if path else ""
    return RuleResult(
        rule_id=rule.id,
        status=Status.met,
        evidence=[shown_page],
        note=f"Раздел {shown(section.url)}{where} доступен с главной страницы; {content}.{chosen}",
    )
