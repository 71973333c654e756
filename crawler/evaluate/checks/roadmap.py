"""`roadmap` — a roadmap (plan of measures) or a programme of mentoring (roadmap item 1.1).

* выполнено: a roadmap / plan of measures or a programme of mentoring whose stated period covers the
  monitoring date (one with no stated period counts while `accept_without_period` holds).
* частично: only ones whose stated period has ended (or not yet begun); or the file cannot be read; or only a
  photo of the title page is published (the plan itself cannot be read from it).
* не выполнено: none.
"""

from __future__ import annotations

import re
from datetime import date

from crawler.evaluate.context import Context, candidates
from crawler.evaluate.dates import norm_years
from crawler.evaluate.documents import clip, unreadable_reason
from crawler.evaluate.evidence import result
from crawler.evaluate.registry import register
from crawler.models import AnalyzedDocument, DocPart, DocType, RuleResult
from crawler.ru import ru_date
from crawler.ruleset import Rule


@register("roadmap")
def check_roadmap(rule: Rule, ctx: Context) -> RuleResult:
    cands = candidates(ctx, rule, set(rule.doc_types or [DocType.roadmap, DocType.program]))
    for cand in cands:
        part = cand.part
        if part is None or unreadable_reason(cand.doc):
            continue
        start, end = part_period(part)
        # the computed dates read better than a long snippet cut out of a table
        snippet = part.period_snippet if part.period_snippet and len(part.period_snippet) <= 60 else None
        if start and end:
            stated = f"{ru_date(start)} – {ru_date(end)}"
        else:
            stated = f"до {ru_date(end)}" if end else (f"с {ru_date(start)}" if start else "")
        if snippet:
            stated = f"{stated}, «{snippet}»" if stated else f"«{snippet}»"
        if end is not None and end < ctx.today:
            cand.reasons.append(f"срок действия истёк ({stated})")
        elif start is not None and start > ctx.today:
            cand.reasons.append(f"срок действия ещё не начался ({stated})")
        elif start is None and end is None and not rule.accept_without_period:
            cand.reasons.append("срок действия не указан")
        if title_page_only(cand.doc):
            cand.reasons.append(
                "опубликована только фотография титульного листа, самого плана (программы) на ней нет — "
                "проверьте вручную"
            )
        cand.quote = clip(part.period_snippet or part.type_snippet or part.title)
    return result(rule, ctx, cands, "дорожной карты (плана мероприятий) или программы наставничества")


TITLE_PAGE_WORDS = 60  # a title page: approval stamp, title, place and year; a plan has its measures too


def title_page_only(doc: AnalyzedDocument) -> bool:
    """A one-page picture (a phone photo, a scan) whose recognized text is no more than a title page."""
    ext = doc.extraction
    if ext is None or not (ext.ocr_used or ext.is_scan) or (ext.pages or 1) > 1:
        return False
    return len(ext.text.split()) < TITLE_PAGE_WORDS and not _PLAN_WORDS.search(ext.text.lower())


# what a plan or a programme has beyond its title page: measures, terms, those responsible, stages, aims, items
_PLAN_WORDS = re.compile(
    r"мероприят|ответствен|срок|исполнител|этап|цел[ьи]\b|задач|ежегодн|ежемесячн|ежеквартальн"
    r"|сентябр|октябр|ноябр|декабр|январ|феврал|\bмарт|апрел|\bма[йя]\b|июн|июл|август|^\s*\d+\.\s",
    re.MULTILINE,
)


def part_period(part: DocPart) -> tuple[date | None, date | None]:
    """The stated period; failing that, the academic years named (1 September of the first – 31 August of the last)."""
    start, end = part.period_start, part.period_end
    if start is None and end is None and part.academic_years:
        spans = [s for s in (norm_years(y) for y in part.academic_years) if s]
        if spans:
            start = date(min(a for a, _ in spans), 9, 1)
            end = date(max(b for _, b in spans), 8, 31)
    return start, end
