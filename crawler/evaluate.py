"""Evaluation of one organization against the rule set, as of a monitoring date, with evidence.

Pure logic over the boundary models: what the crawl saw (OrgCrawlResult), the classified documents
(AnalyzedDocument, including the section pages as format="html"), the rule set and the date.
The criteria of the brief (agreed with the ИДК, mirrored in rules/district.yaml) are the law; the subtle points:

* an unreachable site → every rule «не удалось проверить», never «не выполнено»;
* only the organization's own documents count (external acts never; another organization's → partial);
* an unreadable candidate (404, cloud link, failed scan, too large) → at most partial, note says why;
* every status, not_met included, carries evidence (for not_met: what was examined, what was sought).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from urllib.parse import unquote

from crawler.models import (
    STATUS_POINTS,
    STATUS_RU,
    AnalyzedDocument,
    DocPart,
    DocType,
    DocumentSummary,
    Evidence,
    Organization,
    OrgCrawlResult,
    OrgFindings,
    PageRecord,
    RuleResult,
    Status,
)
from crawler.overrides import Override, apply_overrides
from crawler.ruleset import Rule, RuleSet

QUOTE_MAX = 300
DATE_WINDOW = 80  # characters after a page heading where its own (publication) date stands
EVIDENCE_MAX = 4
ORDER_TYPES = {DocType.model_order, DocType.curator_order, DocType.pairs_order}
MENTORING_TYPES = set(DocType) - {DocType.other, DocType.external_act}


def academic_year(day: date) -> tuple[date, date]:
    """The academic year (1 September – 31 August) that contains day."""
    start_year = day.year if day.month >= 9 else day.year - 1
    return date(start_year, 9, 1), date(start_year + 1, 8, 31)


def academic_year_label(day: date) -> str:
    start, end = academic_year(day)
    return f"{start.year}-{end.year}"


def _ru_date(day: date) -> str:
    return day.strftime("%d.%m.%Y")


def _shown(url: str) -> str:
    """A URL as a person reads it in a note (Cyrillic paths decoded); evidence keeps the real URL."""
    return unquote(url)


def _clip(text: str | None, limit: int = QUOTE_MAX) -> str | None:
    if not text:
        return None
    flat = re.sub(r"\s+", " ", text).strip()
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


_YEARS_RE = re.compile(r"((?:19|20)\d\d)\s*[-–—/]\s*((?:19|20)?\d\d)")


def _norm_years(label: str) -> tuple[int, int] | None:
    m = _YEARS_RE.search(label)
    if not m:
        return None
    first = int(m.group(1))
    second = int(m.group(2)) if len(m.group(2)) == 4 else 2000 + int(m.group(2))
    return first, second


# ----------------------------------------------------------------------------------- dates in text

_MONTHS_GEN = {
    "января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6, "июля": 7,
    "августа": 8, "сентября": 9, "октября": 10, "ноября": 11, "декабря": 12,
}  # fmt: skip
_NUM_DATE = re.compile(r"(?<!\d)(\d{1,2})[./](\d{1,2})[./]((?:19|20)\d\d)(?!\d)")
_ISO_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)-(\d{2})-(\d{2})(?!\d)")
_WORD_DATE = re.compile(r"(?<!\d)«?(\d{1,2})»?\s+(" + "|".join(_MONTHS_GEN) + r")\s+((?:19|20)\d\d)", re.I)


def dates_in_text(text: str) -> list[date]:
    """Explicit dates in a page text: 12.01.2027, 2027-01-12, «12» января 2027 г."""
    found: list[date] = []
    for m in _NUM_DATE.finditer(text):
        found.extend(_safe_date(int(m.group(3)), int(m.group(2)), int(m.group(1))))
    for m in _ISO_DATE.finditer(text):
        found.extend(_safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3))))
    for m in _WORD_DATE.finditer(text):
        found.extend(_safe_date(int(m.group(3)), _MONTHS_GEN[m.group(2).lower()], int(m.group(1))))
    return found


def _safe_date(year: int, month: int, day: int) -> list[date]:
    try:
        return [date(year, month, day)]
    except ValueError:
        return []


def page_date(
    page: PageRecord, today: date, *, main_text: str | None = None, boilerplate: frozenset[date] = frozenset()
) -> date | None:
    """The date a page shows for its own content, never the dates of a sidebar or footer.

    PageRecord.text is the whole visible page (menus, news sidebars of the whole site), so the
    max of all its dates would make every page look fresh. With the main text (the section's
    excerpt) the newest date in it counts; otherwise a date right after the page heading — the
    publication date of a news item. Dates repeated across most pages of the site (a sidebar) never count.
    """
    if main_text:
        days = [d for d in dates_in_text(main_text) if d <= today and d not in boilerplate]
        return max(days) if days else None
    text = page.text or ""
    for label in (page.heading, page.title):
        label = (label or "").strip()
        if not label:
            continue
        at = text.find(label)
        if at < 0:
            continue
        window = text[at + len(label) : at + len(label) + DATE_WINDOW]
        days = [d for d in _ordered_dates(window) if d <= today and d not in boilerplate]
        return days[0] if days else None
    return None


def _ordered_dates(text: str) -> list[date]:
    """Dates in the order they appear in the text."""
    found: list[tuple[int, date]] = []
    for regex, order in ((_NUM_DATE, (3, 2, 1)), (_ISO_DATE, (1, 2, 3))):
        for m in regex.finditer(text):
            for d in _safe_date(int(m.group(order[0])), int(m.group(order[1])), int(m.group(order[2]))):
                found.append((m.start(), d))
    for m in _WORD_DATE.finditer(text):
        for d in _safe_date(int(m.group(3)), _MONTHS_GEN[m.group(2).lower()], int(m.group(1))):
            found.append((m.start(), d))
    return [d for _, d in sorted(found, key=lambda x: x[0])]


# ------------------------------------------------------------------------------------------ context


@dataclass
class _Cand:
    """A document (part) that may satisfy a rule, with the reasons it is only partial."""

    doc: AnalyzedDocument
    part: DocPart | None  # None: unreadable file guessed from its link text / name
    reasons: list[str] = field(default_factory=list)
    quote: str | None = None
    remarks: list[str] = field(default_factory=list)
    url: str | None = None  # for news pages that are not documents
    title_override: str | None = None

    @property
    def status(self) -> Status:
        return Status.partial if self.reasons else Status.met

    @property
    def title(self) -> str:
        if self.title_override:
            return self.title_override
        rec = self.doc.record
        return (
            (self.part.title if self.part and self.part.title else None)
            or rec.viewer_title
            or rec.link_text
            or rec.file_name
            or rec.url
        ).strip()


@dataclass
class _Ctx:
    org: Organization
    crawl: OrgCrawlResult
    documents: list[AnalyzedDocument]
    today: date
    ay_start: date
    ay_end: date
    section_urls: set[str]
    pages: dict[str, PageRecord]
    boilerplate: frozenset[date] = frozenset()  # dates on most pages of the site (sidebars, footers)

    @property
    def ay_label(self) -> str:
        return f"{self.ay_start.year}-{self.ay_end.year}"


def _unreadable_reason(doc: AnalyzedDocument) -> str | None:
    rec = doc.record
    if rec.error:
        return rec.error
    if rec.http_status is not None and rec.http_status >= 400:
        return f"ссылка не открывается (HTTP {rec.http_status})"
    if doc.extraction is None:
        if rec.format == "html" and rec.http_status in (None, 200, 203, 304):
            return None  # a page whose parts came from its HTML text
        if rec.external:
            return "файл в облачном хранилище не удалось открыть"
        return "файл не удалось загрузить"
    if doc.extraction.error:
        return doc.extraction.error
    if doc.extraction.is_scan and not doc.extraction.text.strip():
        return "скан без текста, распознать не удалось"
    return None


def _unread_reason_text(reason: str) -> str:
    text = f"документ не удалось прочитать: {reason.rstrip('. ')}"
    return text if "вручную" in reason else text + "; проверьте вручную"


def _when(moment: datetime) -> str:
    """Time of an attempt as the brief shows it (UTC stated, so nobody mistakes it for local time)."""
    suffix = " UTC" if moment.utcoffset() is not None and moment.utcoffset().total_seconds() == 0 else ""
    return moment.strftime("%d.%m.%Y %H:%M") + suffix


def _link_text(doc: AnalyzedDocument) -> str:
    rec = doc.record
    return " ".join(x for x in (rec.link_text, rec.viewer_title, rec.file_name, rec.url) if x).lower()


def _matches(patterns: Iterable[str], text: str) -> bool:
    return any(re.search(p, text, re.IGNORECASE) for p in patterns)


def _generic_reasons(part: DocPart) -> list[str]:
    reasons: list[str] = []
    if part.owner_matches is False:
        who = part.owner_name or _clip(part.owner_snippet, 80) or "другая организация"
        reasons.append(f"документ другой организации: {who}")
    return reasons


def _signature_remark(cand: _Cand) -> str | None:
    if cand.part is None or cand.doc.record.format == "html" or cand.url:
        return None
    signed = cand.part.signed or bool(cand.doc.extraction and cand.doc.extraction.signature_field)
    return None if signed else f"нет отметки об электронной подписи: «{_clip(cand.title, 80)}»"


def _candidates(ctx: _Ctx, rule: Rule, types: set[DocType], *, guess_unreadable: bool = True) -> list[_Cand]:
    """Parts of the given types, plus unreadable files whose link suggests the type."""
    found: list[_Cand] = []
    for doc in ctx.documents:
        parts = [p for p in doc.parts if p.type in types]
        unread = _unreadable_reason(doc)
        if unread:
            # guess from the label only when the classifier could not name a type itself
            typed = any(p.type != DocType.other for p in doc.parts)
            guess = guess_unreadable and not typed and rule.link_patterns
            if parts or (guess and _matches(rule.link_patterns, _link_text(doc))):
                found.append(_unread_candidate(doc, parts, unread))
            continue
        for part in parts:
            found.append(_Cand(doc=doc, part=part, reasons=_generic_reasons(part), quote=_default_quote(part)))
    return found


def _default_quote(part: DocPart) -> str | None:
    return _clip(part.type_snippet or part.approval_snippet or part.title)


def _evidence(cand: _Cand) -> Evidence:
    rec = cand.doc.record
    return Evidence(
        url=cand.url or rec.url,
        title=_clip(cand.title, 200),
        quote=cand.quote or _clip(cand.title),
        archived=rec.sha256,
        fetched_at=rec.fetched_at,
    )


def _unread_candidate(doc: AnalyzedDocument, parts: list[DocPart], unread: str) -> _Cand:
    """A document that looks like what the rule seeks but cannot be read: at most «частично»."""
    return _Cand(
        doc=doc,
        part=parts[0] if parts else None,
        reasons=[_unread_reason_text(unread)],
        quote=_clip(doc.record.link_text or doc.record.file_name),
    )


def _describe(cand: _Cand) -> str:
    bits = [f"«{_clip(cand.title, 120)}»"]
    part = cand.part
    if part is not None and (part.approved_on or part.number):
        req = []
        if part.approved_on:
            req.append(f"от {_ru_date(part.approved_on)}")
        if part.number:
            req.append(f"№ {part.number}")
        bits.append("(" + " ".join(req) + ")")
    return " ".join(bits)


def _examined(ctx: _Ctx, looked_for: str) -> tuple[Evidence, str]:
    """Evidence and note for not_met: what was examined and what was sought."""
    crawl = ctx.crawl
    n_pages = len(crawl.pages)
    n_docs = sum(1 for d in ctx.documents if d.record.format != "html")
    where = f"раздел {_shown(crawl.section.url)}" if crawl.section else "раздел о наставничестве не найден"
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
    url = crawl.section.url if crawl.section else ctx.org.site
    page = ctx.pages.get(url)
    title = (page.title if page and page.title else None) or (
        f"Раздел «{crawl.section.title or 'Наставничество'}»" if crawl.section else "Сайт организации"
    )
    evidence = Evidence(
        url=url,
        title=title,
        quote=quote,
        archived=page.sha256 if page else None,
        fetched_at=page.fetched_at if page else crawl.finished_at,
    )
    return evidence, note


def _external_hint(ctx: _Ctx, rule: Rule) -> str:
    """Mention re-published higher-level acts that look like what the rule seeks (they never count)."""
    if not rule.link_patterns:
        return ""
    hits = [
        d
        for d in ctx.documents
        if any(p.type == DocType.external_act for p in d.parts)
        and _matches(rule.link_patterns, _link_text(d) + " " + " ".join(p.title for p in d.parts).lower())
    ]
    if not hits:
        return ""
    titles = ", ".join(f"«{_clip(d.record.link_text or d.record.url, 80)}»" for d in hits[:2])
    return f" Документы вышестоящих уровней не засчитываются: {titles}."


def _result(rule: Rule, ctx: _Ctx, cands: list[_Cand], looked_for: str, *, met_prefix: str = "") -> RuleResult:
    """Best candidate wins; partial reasons and remarks go to the note."""
    if rule.require_signature:
        for cand in cands:
            remark = _signature_remark(cand)
            if remark and "нет отметки об электронной подписи" not in " ".join(cand.reasons):
                cand.reasons.append("нет отметки об электронной подписи (правило требует подпись)")
    met = [c for c in cands if c.status == Status.met]
    partial = [c for c in cands if c.status == Status.partial]
    if met:
        chosen = met[:EVIDENCE_MAX]
        remarks = sorted({r for c in chosen[:1] for r in [_signature_remark(c)] if r})
        note = met_prefix + "Найдено: " + "; ".join(_describe(c) for c in chosen) + "."
        return RuleResult(
            rule_id=rule.id,
            status=Status.met,
            evidence=[_evidence(c) for c in chosen],
            note=note,
            remarks=remarks,
        )
    if partial:
        chosen = partial[:EVIDENCE_MAX]
        pieces = [f"{_describe(c)} — {'; '.join(dict.fromkeys(c.reasons))}" for c in chosen]
        remarks = sorted({r for c in chosen[:1] for r in [_signature_remark(c)] if r})
        return RuleResult(
            rule_id=rule.id,
            status=Status.partial,
            evidence=[_evidence(c) for c in chosen],
            note="Частично: " + "; ".join(pieces) + ".",
            remarks=remarks,
        )
    evidence, note = _examined(ctx, looked_for)
    return RuleResult(
        rule_id=rule.id, status=Status.not_met, evidence=[evidence], note=note + _external_hint(ctx, rule)
    )


# ---------------------------------------------------------------------------------------- evaluators


def _eval_regulation(rule: Rule, ctx: _Ctx) -> RuleResult:
    cands = _candidates(ctx, rule, set(rule.doc_types or [DocType.regulation]))
    for cand in cands:
        part = cand.part
        if part is None or _unreadable_reason(cand.doc):
            continue
        if part.pupil_only or not part.covers_teachers:
            cand.reasons.append("Положение о наставничестве обучающихся, а не педагогических работников")
        if rule.require_approval and not _approved(part, cand.doc):
            cand.reasons.append("нет отметки об утверждении (ни «УТВЕРЖДЕНО»/приказа, ни протокола)")
        cand.quote = _clip(part.approval_snippet or part.adopted_snippet or part.type_snippet or part.title)
    return _result(rule, ctx, cands, "Положения о наставничестве педагогических работников")


def _approved(part: DocPart, doc: AnalyzedDocument) -> bool:
    if part.approved_on or part.number or part.approval_snippet or part.adopted_snippet:
        return True
    if part.unnumbered_approval:
        return True
    # «Приложение 1 к приказу …»: the order in the same file approves it
    return any(p.type in ORDER_TYPES and (p.approved_on or p.number) for p in doc.parts if p is not part)


def _part_period(part: DocPart) -> tuple[date | None, date | None]:
    start, end = part.period_start, part.period_end
    if start is None and end is None and part.academic_years:
        spans = [s for s in (_norm_years(y) for y in part.academic_years) if s]
        if spans:
            start = date(min(a for a, _ in spans), 9, 1)
            end = date(max(b for _, b in spans), 8, 31)
    return start, end


def _eval_roadmap(rule: Rule, ctx: _Ctx) -> RuleResult:
    cands = _candidates(ctx, rule, set(rule.doc_types or [DocType.roadmap, DocType.program]))
    for cand in cands:
        part = cand.part
        if part is None or _unreadable_reason(cand.doc):
            continue
        start, end = _part_period(part)
        # the computed dates read better than a long snippet cut out of a table
        snippet = part.period_snippet if part.period_snippet and len(part.period_snippet) <= 60 else None
        if start and end:
            stated = f"{_ru_date(start)} – {_ru_date(end)}"
        else:
            stated = f"до {_ru_date(end)}" if end else (f"с {_ru_date(start)}" if start else "")
        if snippet:
            stated = f"{stated}, «{snippet}»" if stated else f"«{snippet}»"
        if end is not None and end < ctx.today:
            cand.reasons.append(f"срок действия истёк ({stated})")
        elif start is not None and start > ctx.today:
            cand.reasons.append(f"срок действия ещё не начался ({stated})")
        elif start is None and end is None and not rule.accept_without_period:
            cand.reasons.append("срок действия не указан")
        cand.quote = _clip(part.period_snippet or part.type_snippet or part.title)
    return _result(rule, ctx, cands, "дорожной карты (плана мероприятий) или программы наставничества")


def _eval_curator(rule: Rule, ctx: _Ctx) -> RuleResult:
    cands = _candidates(ctx, rule, set(rule.doc_types or [DocType.curator_order]))
    for cand in cands:
        if cand.part is not None and cand.part.curator_snippet:
            cand.quote = _clip(cand.part.curator_snippet)
    clause_types = set(rule.clause_doc_types or [DocType.model_order])
    for doc in ctx.documents:
        if _unreadable_reason(doc):
            continue
        for part in doc.parts:
            if part.type in clause_types and part.curator_clause and part.type not in rule.doc_types:
                cands.append(
                    _Cand(
                        doc=doc,
                        part=part,
                        reasons=_generic_reasons(part),
                        quote=_clip(part.curator_snippet or part.type_snippet),
                    )
                )
    if not any(c.status == Status.met for c in cands):
        cands.extend(_pasted_clauses(rule, ctx))
    return _result(rule, ctx, cands, "приказа о назначении куратора (или пункта «назначить куратором»)")


def _pasted_clauses(rule: Rule, ctx: _Ctx) -> list[_Cand]:
    """An order pasted as text on a section page («ПРИКАЗЫВАЮ: … Назначить куратором …»)."""
    if not rule.page_clause_patterns:
        return []
    found: list[_Cand] = []
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
                    _Cand(
                        doc=doc,
                        part=None,
                        url=url,
                        title_override=f"приказ, размещённый текстом на странице «{page.heading or page.title}»",
                        quote=_clip(m.group(0).strip(" .,"), 250),
                    )
                )
                break
    return found


def _eval_pairs(rule: Rule, ctx: _Ctx) -> RuleResult:
    cands = _candidates(ctx, rule, set(rule.doc_types or [DocType.pairs_order]))
    current = (ctx.ay_start.year, ctx.ay_end.year)
    for cand in cands:
        part = cand.part
        if part is None or _unreadable_reason(cand.doc):
            continue
        years = [y for y in (_norm_years(a) for a in part.academic_years) if y]
        dated_now = part.approved_on is not None and ctx.ay_start <= part.approved_on <= ctx.ay_end
        if dated_now or current in years:
            cand.quote = _clip(part.period_snippet or part.approval_snippet or part.type_snippet or part.title)
            continue
        if part.approved_on is None and not years:
            cand.reasons.append("в приказе не указаны ни дата, ни учебный год")
            continue
        what = ", ".join(f"{a}-{b}" for a, b in years) + " уч. г." if years else ""
        if part.approved_on:
            what = (what + ", " if what else "") + f"от {_ru_date(part.approved_on)}"
        cand.reasons.append(f"приказ не на текущий {ctx.ay_label} учебный год ({what})")
        cand.quote = _clip(part.period_snippet or part.approval_snippet or part.type_snippet)
    return _result(rule, ctx, cands, f"приказа о закреплении наставнических пар на {ctx.ay_label} учебный год")


def _eval_mentor_base(rule: Rule, ctx: _Ctx) -> RuleResult:
    cands = _candidates(ctx, rule, set(rule.doc_types or [DocType.mentor_registry]))
    partial_types = set(rule.partial_doc_types) - set(rule.doc_types)
    for doc in ctx.documents:
        if _unreadable_reason(doc):
            continue
        for part in doc.parts:
            if part.type in partial_types:
                cands.append(
                    _Cand(
                        doc=doc,
                        part=part,
                        reasons=[*_generic_reasons(part), "базы нет; есть только приказ о закреплении пар"],
                        quote=_default_quote(part),
                    )
                )
    return _result(rule, ctx, cands, "базы (реестра, списка) наставников и наставляемых")


def _eval_pay(rule: Rule, ctx: _Ctx) -> RuleResult:
    types = set(rule.doc_types or [DocType.pay_regulation])
    cands: list[_Cand] = []
    without_clause: list[_Cand] = []
    for doc in ctx.documents:
        unread = _unreadable_reason(doc)
        parts = [
            p
            for p in doc.parts
            if p.type in types
            or (
                p.type == DocType.other
                and (p.pay_mentoring_clause or _matches(rule.other_title_patterns, f"{p.title} {p.type_snippet}"))
            )
        ]
        if unread:
            typed = any(p.type != DocType.other and not p.pay_mentoring_clause for p in doc.parts)
            if parts or (rule.link_patterns and not typed and _matches(rule.link_patterns, _link_text(doc))):
                cands.append(_unread_candidate(doc, parts, unread))
            continue
        for part in parts:
            cand = _Cand(doc=doc, part=part, reasons=_generic_reasons(part))
            if part.pay_mentoring_clause:
                cand.quote = _clip(part.pay_snippet or part.type_snippet)
                cands.append(cand)
            else:
                cand.quote = _clip(part.title or part.type_snippet)
                without_clause.append(cand)
    if cands or not without_clause:
        return _result(rule, ctx, cands, "положения об оплате труда (стимулирующих выплатах) с выплатами наставникам")
    titles = "; ".join(_describe(c) for c in without_clause[:EVIDENCE_MAX])
    return RuleResult(
        rule_id=rule.id,
        status=Status.not_met,
        evidence=[_evidence(c) for c in without_clause[:EVIDENCE_MAX]],
        note=f"Положение об оплате труда найдено ({titles}), но выплат за наставничество в нём нет.",
    )


def _latest_date(part: DocPart, today: date, *, html: bool = False) -> date | None:
    # dates of an HTML part come from the whole page (sidebar news included): only its own approval counts
    dates = [d for d in [part.approved_on, *([] if html else part.dates)] if d and d <= today]
    for label in part.academic_years:
        span = _norm_years(label)
        if span and date(span[0], 9, 1) <= today:
            dates.append(date(span[0], 9, 1))
    return max(dates) if dates else None


def _eval_dated(rule: Rule, ctx: _Ctx, what: str, *, news_pages: bool) -> RuleResult:
    """practices / monitoring: dated in the current or one of `years_back` previous academic years."""
    threshold = date(ctx.ay_start.year - rule.years_back, 9, 1)
    cands = _candidates(ctx, rule, set(rule.doc_types))
    for cand in cands:
        if cand.part is None or _unreadable_reason(cand.doc):
            continue
        is_html = cand.doc.record.format == "html"
        latest = _latest_date(cand.part, ctx.today, html=is_html)
        page = ctx.pages.get(cand.doc.record.url) if is_html else None
        if latest is None and page is not None:
            latest = page_date(page, ctx.today, boilerplate=ctx.boilerplate)
        _date_check(cand, latest, threshold)
    if news_pages:
        cands.extend(_news_pages(rule, ctx, threshold, {c.doc.record.url for c in cands}))
    return _result(rule, ctx, cands, what)


def _date_check(cand: _Cand, latest: date | None, threshold: date) -> None:
    if latest is None:
        cand.reasons.append("дата не указана")
    elif latest < threshold:
        cand.reasons.append(f"материал устарел (самая поздняя дата — {_ru_date(latest)})")
    else:
        cand.quote = cand.quote or _ru_date(latest)


_URL_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)[-/](\d{2})[-/](\d{2})(?!\d)")
ADJACENT = 30  # characters between a news title and its date in a news list («14.10.2025 Посвящение …»)


def _url_date(url: str) -> date | None:
    m = _URL_DATE.search(url)
    if not m:
        return None
    days = _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    return days[0] if days else None


def _listed_date(title: str, texts: list[str], today: date) -> date | None:
    """The date printed next to a news title in a list on another page (the section, a news feed)."""
    title = re.sub(r"\s+", " ", title).strip()
    if len(title) < 8:
        return None
    for text in texts:
        at = text.find(title)
        while at >= 0:
            before = [d for d in _ordered_dates(text[max(0, at - ADJACENT) : at]) if d <= today]
            if before:
                return before[-1]
            after = [d for d in _ordered_dates(text[at + len(title) : at + len(title) + ADJACENT]) if d <= today]
            if after:
                return after[0]
            at = text.find(title, at + 1)
    return None


def news_date(page: PageRecord, ctx_pages: list[PageRecord], today: date, boilerplate: frozenset[date]) -> date | None:
    """Publication date of a news page: on the page, in its URL, or next to its title in a list."""
    own = page_date(page, today, boilerplate=boilerplate)
    if own:
        return own
    in_url = _url_date(page.final_url or page.url)
    if in_url and in_url <= today:
        return in_url
    texts = [p.text for p in ctx_pages if p.text and p is not page]
    return _listed_date(page.heading or page.title, texts, today) or (
        _listed_date(page.title, texts, today) if page.title != page.heading else None
    )


def _news_pages(rule: Rule, ctx: _Ctx, threshold: date, seen: set[str]) -> list[_Cand]:
    """Dated pages about the organization's mentoring other than the section's main page: news, cases.

    Sub-pages of the section count when their heading or text is about mentoring; pages elsewhere
    (a news feed) when their heading is. A page with no date is no evidence of practice (it may be
    an old copy of the section) and is skipped.
    """
    section = ctx.crawl.section
    if not rule.page_patterns:
        return []
    found: list[_Cand] = []
    home = {ctx.org.site, ctx.org.site.rstrip("/")}
    all_pages = list({id(p): p for p in ctx.pages.values()}.values())
    for url, page in sorted(ctx.pages.items()):
        if url != page.url or url in seen or url in home or page.final_url in home:
            continue
        if section is not None and (url == section.url or page.final_url == section.url):
            continue
        labels = [x for x in (page.title, page.heading) if x]
        in_section = url in ctx.section_urls or page.final_url in ctx.section_urls
        if rule.page_exclude_patterns and any(_matches(rule.page_exclude_patterns, x) for x in labels):
            continue
        about = any(_matches(rule.page_patterns, x) for x in labels) or (
            in_section and "наставни" in (page.text or "").lower()
        )
        if not about:
            continue
        published = news_date(page, all_pages, ctx.today, ctx.boilerplate)
        if published is None:
            continue
        doc = AnalyzedDocument.model_validate(
            {
                "record": {
                    "url": url,
                    "source_page": section.url if section else url,
                    "format": "html",
                    "fetched_at": page.fetched_at,
                    "sha256": page.sha256,
                    "link_text": page.title,
                }
            }
        )
        cand = _Cand(doc=doc, part=None, url=url, title_override=page.heading or page.title or url)
        _date_check(cand, published, threshold)
        cand.quote = f"{_ru_date(published)} {_clip(page.heading or page.title, 200)}"
        found.append(cand)
    return found


def _mentoring_docs(ctx: _Ctx, *, in_section_only: bool, with_section_pages: bool = False) -> list[AnalyzedDocument]:
    docs = []
    for doc in ctx.documents:
        if doc.record.format == "html" and doc.record.url in ctx.section_urls and not with_section_pages:
            continue  # the section's own pages are judged as the section
        if in_section_only and not _in_section(ctx, doc):
            continue
        if any(_is_mentoring(p) for p in doc.parts):
            docs.append(doc)
    return docs


def _is_mentoring(part: DocPart) -> bool:
    """An own document about mentoring (a pay regulation only with its mentoring clause)."""
    if part.type == DocType.pay_regulation:
        return part.pay_mentoring_clause
    return part.type in MENTORING_TYPES


def _in_section(ctx: _Ctx, doc: AnalyzedDocument) -> bool:
    rec = doc.record
    return rec.in_section or rec.source_page in ctx.section_urls or rec.url in ctx.section_urls


def _eval_section(rule: Rule, ctx: _Ctx) -> RuleResult:
    section = ctx.crawl.section
    if section is None:
        elsewhere = _mentoring_docs(ctx, in_section_only=False)
        if elsewhere:
            cands = [_Cand(doc=d, part=d.parts[0], quote=_clip(d.record.link_text)) for d in elsewhere]
            return RuleResult(
                rule_id=rule.id,
                status=Status.partial,
                evidence=[_evidence(c) for c in cands[:EVIDENCE_MAX]],
                note="Частично: раздела «Наставничество» нет, документы о наставничестве размещены в другом "
                "месте сайта: "
                + "; ".join(f"{_describe(c)} ({_shown(c.doc.record.source_page)})" for c in cands[:3])
                + ".",
            )
        evidence, note = _examined(
            ctx, "страницы о наставничестве (пункт меню, заголовок) и документов о наставничестве"
        )
        return RuleResult(rule_id=rule.id, status=Status.not_met, evidence=[evidence], note=note)

    page = ctx.pages.get(section.url)
    reasons: list[str] = []
    if section.is_stub:
        reasons.append(f"страница-заглушка («{_clip(section.text_excerpt, 100) or 'нет содержания'}»)")
    if not section.reachable_from_home:
        reasons.append("раздел не доступен по ссылкам с главной страницы (найден только по прямой ссылке)")
    docs_here = [
        d
        for d in ctx.documents
        if _in_section(ctx, d)
        and not (d.record.format == "html" and d.record.url in ctx.section_urls)
        and (any(p.type != DocType.other for p in d.parts) or "наставни" in _link_text(d))
    ]
    text_len = max(len(section.text_excerpt or ""), len(page.text) if page else 0)
    if not section.is_stub and not docs_here and text_len < rule.min_section_chars:
        reasons.append("в разделе нет документов и содержательного текста")
    path = " › ".join(["Главная", *section.menu_path]) if section.menu_path else None
    quote_bits = [b for b in (f"меню: {path}" if path else None, _clip(section.text_excerpt, 200)) if b]
    evidence = Evidence(
        url=section.url,
        title=section.title or (page.title if page else None) or "Раздел «Наставничество»",
        quote=" | ".join(quote_bits) or None,
        archived=page.sha256 if page else None,
        fetched_at=page.fetched_at if page else ctx.crawl.finished_at,
    )
    if reasons:
        return RuleResult(
            rule_id=rule.id,
            status=Status.partial,
            evidence=[evidence],
            note=f"Частично: раздел {_shown(section.url)} — " + "; ".join(reasons) + ".",
        )
    content = f"документов в разделе: {len(docs_here)}" if docs_here else "содержательный текст"
    where = f" (меню: {path})" if path else ""
    return RuleResult(
        rule_id=rule.id,
        status=Status.met,
        evidence=[evidence],
        note=f"Раздел {_shown(section.url)}{where} доступен с главной страницы; {content}.",
    )


def _eval_freshness(rule: Rule, ctx: _Ctx) -> RuleResult:
    prev_start = date(ctx.ay_start.year - 1, 9, 1)
    dated: list[tuple[date, Evidence]] = []
    section = ctx.crawl.section
    for url in sorted(ctx.section_urls):
        page = ctx.pages.get(url)
        if page is None:
            continue
        main = section.text_excerpt if section is not None and url == section.url else None
        latest = (
            page_date(page, ctx.today, main_text=main, boilerplate=ctx.boilerplate)
            if main
            else page_date(page, ctx.today, boilerplate=ctx.boilerplate)
        )
        if latest:
            dated.append(
                (
                    latest,
                    Evidence(
                        url=url,
                        title=page.heading or page.title or None,
                        quote=f"дата на странице: {_ru_date(latest)}",
                        archived=page.sha256,
                        fetched_at=page.fetched_at,
                    ),
                )
            )
    docs = _mentoring_docs(ctx, in_section_only=section is not None, with_section_pages=True)
    for doc in docs:
        if _unreadable_reason(doc):
            continue
        is_html = doc.record.format == "html"
        for part in doc.parts:
            if not _is_mentoring(part) and not (is_html and part.approved_on):
                continue
            # the approval date says when a document was issued; other dates may be plans for the future
            latest = part.approved_on if part.approved_on and part.approved_on <= ctx.today else None
            latest = latest or _latest_date(part, ctx.today, html=is_html)
            if latest:
                cand = _Cand(doc=doc, part=part, quote=f"дата документа: {_ru_date(latest)}")
                dated.append((latest, _evidence(cand)))
    if not dated:
        evidence, note = _examined(ctx, "дат в разделе и его документах")
        return RuleResult(rule_id=rule.id, status=Status.not_met, evidence=[evidence], note=note)
    dated.sort(key=lambda x: x[0], reverse=True)
    newest = dated[0][0]
    evidence = [e for _, e in dated[:2]]
    if newest >= ctx.ay_start:
        return RuleResult(
            rule_id=rule.id,
            status=Status.met,
            evidence=evidence,
            note=f"Самая новая дата в разделе — {_ru_date(newest)} ({ctx.ay_label} учебный год).",
        )
    if newest >= prev_start:
        return RuleResult(
            rule_id=rule.id,
            status=Status.partial,
            evidence=evidence,
            note=f"Частично: самая новая дата в разделе — {_ru_date(newest)} (прошлый учебный год); "
            f"материалов {ctx.ay_label} учебного года нет.",
        )
    return RuleResult(
        rule_id=rule.id,
        status=Status.not_met,
        evidence=evidence,
        note=f"Раздел не обновлялся: самая новая дата — {_ru_date(newest)} (старше прошлого учебного года).",
    )


def _evaluate_rule(rule: Rule, ctx: _Ctx) -> RuleResult:
    kind = rule.evaluator
    if kind == "section":
        return _eval_section(rule, ctx)
    if kind == "regulation":
        return _eval_regulation(rule, ctx)
    if kind == "roadmap":
        return _eval_roadmap(rule, ctx)
    if kind == "curator":
        return _eval_curator(rule, ctx)
    if kind == "pairs":
        return _eval_pairs(rule, ctx)
    if kind == "mentor_base":
        return _eval_mentor_base(rule, ctx)
    if kind == "pay_incentives":
        return _eval_pay(rule, ctx)
    if kind == "practices":
        return _eval_dated(rule, ctx, "материалов о практиках наставничества (кейсы, новости)", news_pages=True)
    if kind == "monitoring":
        return _eval_dated(rule, ctx, "отчётов, результатов мониторинга, аналитических справок", news_pages=False)
    if kind == "freshness":
        return _eval_freshness(rule, ctx)
    raise ValueError(f"неизвестная проверка «{kind}» в правиле «{rule.id}»")


# -------------------------------------------------------------------------------------------- facade


def _boilerplate_dates(pages: list[PageRecord]) -> frozenset[date]:
    """Dates found on more than two thirds of the pages that have text (3 pages at least): a sidebar's.

    A news date shown on its own page and in the section's list is on two pages; that is not boilerplate.
    """
    texts = [p.text for p in pages if p.text]
    if len(texts) < 3:
        return frozenset()
    counts: dict[date, int] = {}
    for text in texts:
        for day in set(dates_in_text(text)):
            counts[day] = counts.get(day, 0) + 1
    return frozenset(d for d, n in counts.items() if n >= 3 and n * 3 > len(texts) * 2)


def applicable_rules(ruleset: RuleSet, org: Organization, today: date) -> list[Rule]:
    """Rules for this kind of organization that are in force on the monitoring date."""
    return [r for r in ruleset.rules if org.kind in r.applies_to and r.effective_from <= today]


def _unknown(rule: Rule, org: Organization, crawl: OrgCrawlResult) -> RuleResult:
    attempts = "; ".join(
        f"{_when(a.at)} — {a.error or (f'HTTP {a.status}' if a.status else 'нет ответа')}" for a in crawl.attempts
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


def _guard_lost_pages(results: list[RuleResult], crawl: OrgCrawlResult) -> list[RuleResult]:
    """«Не выполнено» is only safe when every mentoring-looking page opened.

    A page whose link says «Наставничество» but which answered 5xx, timed out or was closed by
    robots.txt may hold exactly what the rule looks for: the verdict becomes «не удалось проверить».
    """
    lost = crawl.lost_mentoring_links
    if not lost:
        return results
    listed = "; ".join(f"«{link.link_text or 'без названия'}» ({_shown(link.url)}): {link.reason}" for link in lost[:3])
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


_MENTORING_LABEL = re.compile(r"наставни|наставля|куратор|nastavni", re.IGNORECASE)


def _guard_unread_documents(results: list[RuleResult], documents: list[AnalyzedDocument]) -> list[RuleResult]:
    """A mentoring document that could not be read may be exactly what a rule looks for.

    An unreadable file of the section (or one whose label speaks of mentoring) that the classifier could not
    type turns «не выполнено» into «частично» with the reason (CRITERIA.md: at most «частично»), so the ИДК
    checks it by hand instead of writing to a director that the document is missing.
    """
    unread = [
        (doc, reason)
        for doc in documents
        if doc.record.format != "html" or doc.record.error
        for reason in [_unreadable_reason(doc)]
        if reason
        and all(p.type is DocType.other for p in doc.parts)
        and (doc.record.in_section or _MENTORING_LABEL.search(_link_text(doc)))
    ]
    if not unread:
        return results
    listed = "; ".join(
        f"«{_clip(d.record.link_text or d.record.file_name or _shown(d.record.url), 80)}» — {r.rstrip('. ')}"
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
                            title=_clip(d.record.link_text or d.record.file_name, 200),
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


def score_of(results: list[RuleResult], ruleset: RuleSet) -> float | None:
    """Σ points × weight / (2 × Σ weight of rules with a known status) × 100, one decimal."""
    got = 0
    possible = 0
    for result in results:
        points = STATUS_POINTS[result.status]
        if points is None:
            continue
        rule = ruleset.rule(result.rule_id)
        weight = rule.weight if rule else 1
        got += points * weight
        possible += 2 * weight
    return round(got / possible * 100, 1) if possible else None


def _summaries(documents: list[AnalyzedDocument], section_urls: set[str]) -> list[DocumentSummary]:
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
                signed=(part.signed or bool(doc.extraction and doc.extraction.signature_field)) if part else None,
                sha256=rec.sha256,
                error=_unreadable_reason(doc),
            )
        )
    return out


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
    section = crawl.section
    pages = {p.url: p for p in crawl.pages}
    for p in crawl.pages:
        pages.setdefault(p.final_url, p)
    section_urls: set[str] = set()
    if section is not None:
        section_urls = {section.url, *section.pages}
        section_urls |= {p.url for p in crawl.pages if p.is_section}
    start, end = academic_year(today)
    ctx = _Ctx(
        org=org,
        crawl=crawl,
        documents=documents,
        today=today,
        ay_start=start,
        ay_end=end,
        section_urls=section_urls,
        pages=pages,
        boilerplate=_boilerplate_dates(crawl.pages),
    )
    if not crawl.reachable:
        results = [_unknown(rule, org, crawl) for rule in rules]
    else:
        results = [_evaluate_rule(rule, ctx) for rule in rules]
        results = _guard_lost_pages(_guard_unread_documents(results, documents), crawl)
    if overrides:
        results = apply_overrides(org.id, results, overrides, today)
    score = score_of(results, ruleset)
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
        documents=_summaries(documents, section_urls),
        rules=results,
        score=score,
        zone=ruleset.zone_for(score),
    )


__all__ = [
    "STATUS_RU",
    "academic_year",
    "academic_year_label",
    "applicable_rules",
    "dates_in_text",
    "evaluate_org",
    "score_of",
]
