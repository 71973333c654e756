"""Classification of documents about mentoring and the facts read from them.

analyze() splits a text into logical documents (a приказ and its «Приложение 1» Положение are two parts),
decides each part's DocType from its title, the link text, the file name, the viewer title and the body,
and reads the approval stamp, number, dates, period, signature and the organization named in it.
The vocabulary lives in rules/vocabulary.yaml.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

from crawler.classify.facts import (
    all_dates,
    find_owner,
    owner_matches,
    read_adoption,
    read_approval,
    read_period,
    read_signature,
)
from crawler.classify.parts import find_title, split_parts
from crawler.classify.text import Mapped, detransliterate, fold, one_line
from crawler.classify.vocabulary import Vocabulary, load_vocabulary
from crawler.models import DocPart, DocType

ORDER_TYPES = (DocType.curator_order, DocType.pairs_order, DocType.model_order)
HEADER_ZONE = 900
MAX_SCAN_CHARS = 300_000  # flags are searched in the first 300 000 characters of a part
MIN_HTML_PROSE = 800  # letters in full-length lines after the title of a pasted document without clauses


def _hints_text(link_text: str, viewer_title: str | None, file_name: str | None) -> str:
    pieces = [link_text or "", viewer_title or ""]
    if file_name:
        stem = PurePosixPath(file_name).stem
        pieces.append(detransliterate(stem).replace("_", " "))
    return " | ".join(p.strip() for p in pieces if p and p.strip())


def analyze(
    text: str,
    *,
    fmt: str | None = None,
    link_text: str = "",
    file_name: str | None = None,
    viewer_title: str | None = None,
    org_name: str | None = None,
    signature_field: bool = False,
    vocabulary_path: Path | None = None,
) -> list[DocPart]:
    """One DocPart per logical document in the text; a single DocType.other part when not about mentoring.

    vocabulary_path: another vocabulary file (default rules/vocabulary.yaml of the installation).
    """
    vocab = load_vocabulary(vocabulary_path)
    hints = _hints_text(link_text, viewer_title, file_name)
    text = text or ""
    segments = split_parts(text, eager_orders=fmt == "html") if text.strip() else []
    parts: list[DocPart] = []
    for index, segment in enumerate(segments):
        use_hints = hints if index == 0 or len(segments) == 1 else ""
        parts.append(_analyze_part(segment.text, vocab, use_hints, org_name, signature_field, fmt))
    if not parts:  # nothing readable: the link and the file name are all there is
        parts.append(_analyze_part("", vocab, hints, org_name, signature_field, fmt))
    return _postprocess(parts)


def _postprocess(parts: list[DocPart]) -> list[DocPart]:
    merged: list[DocPart] = []
    for part in parts:
        prev = merged[-1] if merged else None
        # the list of pairs attached to a pairs order is that order, not a base of mentors
        if prev and prev.type == DocType.pairs_order and part.type == DocType.mentor_registry:
            continue
        if prev and part.owner_name is None and prev.owner_name:
            part.owner_name, part.owner_matches, part.owner_snippet = (
                prev.owner_name,
                prev.owner_matches,
                prev.owner_snippet,
            )
        if prev and not part.signed and prev.signed:
            part.signed, part.signature_snippet = prev.signed, prev.signature_snippet
        merged.append(part)
    typed = [p for p in merged if p.type != DocType.other]
    if typed:
        # a signature stamp at the end of a file covers every document in it
        signed = next((p for p in typed if p.signed), None)
        if signed:
            for p in typed:
                if not p.signed:
                    p.signed, p.signature_snippet = True, signed.signature_snippet
        return typed
    return merged[:1]


def _analyze_part(
    text: str, vocab: Vocabulary, hints: str, org_name: str | None, signature_field: bool, fmt: str | None
) -> DocPart:
    info = find_title(text) if text else None
    title = info.title if info else ""
    if not title and hints:
        title = one_line(hints.split(" | ")[0], 200)
    header = text[: min(info.title_start if info else 0, HEADER_ZONE)] if text else ""
    mt = Mapped(title)
    mh = Mapped(hints)
    mhead = Mapped(header)
    body = Mapped(text[:6000])
    is_order = (
        bool(info and info.is_order)
        or (not text.strip() and bool(re.match(r"^\W*(приказ|пр-з)", fold(hints))))
        or (bool(re.match(r"^\W*(приказ|пр-з)(?!ом)", fold(title))))
    )
    doc_type, type_snippet = _decide_type(text, title, mt, mh, mhead, body, is_order, vocab)
    if fmt == "html" and doc_type != DocType.other and text and info is not None:
        # a web page that only lists documents by name is not a pasted document itself
        if not _looks_like_document_body(text[info.title_start + len(title) :]):
            doc_type, type_snippet = DocType.other, ""

    part = DocPart(type=doc_type, title=one_line(title, 300), type_snippet=type_snippet)
    zone_end = (info.title_start if info else 0) + (600 if is_order else 250)
    approval = read_approval(text, is_order=is_order, zone_end=max(zone_end, HEADER_ZONE))
    part.approved_on, part.number = approval.approved_on, approval.number
    part.approval_snippet, part.unnumbered_approval = approval.snippet, approval.unnumbered and not is_order
    if not is_order:
        part.adopted_snippet = read_adoption(text, max(zone_end, HEADER_ZONE))
    period = read_period(title, text[(info.title_start if info else 0) :])
    part.period_start, part.period_end = period.start, period.end
    part.period_snippet, part.academic_years = period.snippet, period.academic_years
    part.signed, part.signature_snippet = read_signature(text, hints, signature_field)
    part.dates = all_dates(text)
    owner_zone = text[: (info.title_start if info else 0) + len(title) + 400] if text else title
    owner, owner_snippet = find_owner(owner_zone)
    if owner is None and hints:
        owner, owner_snippet = find_owner(hints)
    part.owner_name, part.owner_snippet = owner, owner_snippet
    part.owner_matches = owner_matches(owner, org_name)

    full = Mapped(text[:MAX_SCAN_CHARS]) if text else body
    if doc_type in (DocType.regulation, DocType.program, DocType.roadmap, DocType.other):
        teacher = full.find(vocab.teacher_markers) or mt.find(vocab.teacher_markers)
        pupil = full.find(vocab.pupil_markers) or mt.find(vocab.pupil_markers)
        part.covers_teachers = bool(teacher) or not pupil
        part.pupil_only = bool(pupil) and not teacher
    if doc_type in ORDER_TYPES:
        hit = full.find(vocab.curator_clause)
        if hit:
            part.curator_clause, part.curator_snippet = True, full.snippet(hit[1])
        elif doc_type == DocType.curator_order:
            part.curator_clause, part.curator_snippet = True, part.title
    if doc_type == DocType.pay_regulation:
        hit = full.find(vocab.pay_clause)
        if hit:
            part.pay_mentoring_clause, part.pay_snippet = True, full.snippet(hit[1])
        # without a clause the part stays a pay regulation with pay_mentoring_clause=False, so the rules can
        # say «положение об оплате труда без выплат за наставничество» (the demo truth and evaluate agree)
    if doc_type == DocType.external_act and part.number is None and text:
        own = read_approval(text, is_order=True, zone_end=max(zone_end, HEADER_ZONE))
        part.approved_on, part.number, part.approval_snippet = own.approved_on, own.number, own.snippet
    return part


_CLAUSE_RE = re.compile(r"^\s*\d{1,2}(\.\d{1,2})*\.?[\s\t]+\S.{30,}", re.M)


def _looks_like_document_body(after_title: str) -> bool:
    """Numbered clauses, «ПРИКАЗЫВАЮ» or long prose: a pasted document, not a list of links."""
    if re.search(r"П\s?Р\s?И\s?К\s?А\s?З\s?Ы\s?В\s?А\s?Ю", after_title):
        return True
    if len(_CLAUSE_RE.findall(after_title)) >= 2:
        return True
    lines = [line for line in after_title.split("\n") if len(line.strip()) >= 60]
    return sum(sum(ch.isalpha() for ch in line) for line in lines) >= MIN_HTML_PROSE


def _mentions(text: str) -> int:
    return len(re.findall(r"наставни|наставля", fold(text[:MAX_SCAN_CHARS])))


def _is_mentoring(mt: Mapped, mh: Mapped, text: str, vocab: Vocabulary) -> bool:
    if mt.find(vocab.mentoring_markers) or mh.find(vocab.mentoring_markers):
        return True
    return _mentions(text) >= vocab.mentoring_body_min


def _names_own_org(title: str) -> bool:
    """«Мониторинг реализации региональной целевой модели наставничества в МБДОУ № 61»: a title that names an
    organization (not an authority) is the organization's own document about a higher-level act."""
    owner, _ = find_owner(title)
    return owner is not None


def _decide_type(
    text: str, title: str, mt: Mapped, mh: Mapped, mhead: Mapped, body: Mapped, is_order: bool, vocab: Vocabulary
) -> tuple[DocType, str]:
    ext = vocab.external_act
    for source in (mt, mh):
        hit = source.find(ext.titles)
        if hit and (hit[0].startswith("re:") or not _names_own_org(source.original)):
            return DocType.external_act, source.snippet(hit[1])
    issuer = mhead.find(ext.issuers)
    if issuer and not mhead.find(ext.own_org_markers):
        return DocType.external_act, mhead.snippet(issuer[1])

    title_source = mt if mt.text else mh
    for rule in vocab.negative:
        for source in (title_source,):
            hit = source.find([rule.pattern])
            if hit and not (rule.unless and source.find(rule.unless)):
                return DocType.other, source.snippet(hit[1])

    mentoring = _is_mentoring(mt, mh, text, vocab)
    if is_order:
        subject = mt if mt.text and len(mt.text) > 8 else mh
        for doc_type, phrases in vocab.orders.items():
            if doc_type == DocType.model_order:
                year_hit = subject.find(vocab.pairs_by_year)
                if year_hit:
                    # «Об организации наставничества на 2024-2025 учебный год» is usually the annual pairs
                    # order, unless its clauses introduce the model (approve the Положение) and fix no pairs
                    fixes_pairs = body.find(vocab.order_body.get(DocType.pairs_order, []))
                    sets_model = body.find(vocab.order_body.get(DocType.model_order, []))
                    year_type = DocType.model_order if sets_model and not fixes_pairs else DocType.pairs_order
                    return year_type, subject.snippet(year_hit[1])
            hit = subject.find(phrases)
            if hit:
                return doc_type, subject.snippet(hit[1])
        if not mentoring:
            return DocType.other, ""
        for doc_type, phrases in vocab.order_body.items():
            hit = body.find(phrases)
            if hit:
                return doc_type, body.snippet(hit[1])
        return DocType.model_order, one_line(title, 200)

    for source in (mt, mh):
        pay = vocab.types.get(DocType.pay_regulation, [])
        ordered = [(DocType.pay_regulation, pay), *vocab.title_starts.items(), *vocab.types.items()]
        for doc_type, phrases in ordered:
            hit = source.find(phrases)
            if not hit:
                continue
            if doc_type == DocType.pay_regulation:
                return doc_type, source.snippet(hit[1])  # the clause decides later
            if not mentoring:
                return DocType.other, ""
            if (
                doc_type in vocab.generic_types
                and not (mt.find(vocab.mentoring_markers) or mh.find(vocab.mentoring_markers))
                and _mentions(text) < vocab.mentoring_body_min_generic
            ):
                return DocType.other, ""  # «Мониторинг качества образования» with a word on mentoring
            return doc_type, source.snippet(hit[1])
    if not mentoring:
        return DocType.other, ""
    for doc_type, phrases in vocab.body_fallback.items():
        hit = body.find(phrases)
        if hit:
            return doc_type, body.snippet(hit[1])
    return DocType.other, ""


__all__ = ["analyze"]
