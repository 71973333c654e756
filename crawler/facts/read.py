"""From one organization's analyzed documents to its OrgFacts.

* Lists of people are read from pairs orders and bases of mentors (their parts as the classifier typed them):
  one RosterFacts per document with its counts and forms, for the academic year the document names (else
  the year of its date; a base with neither is taken as the current state, the year of the monitoring).
* Counts written out are read from reports and from the section's pages (RosterFacts with how="stated").
* A year's count is the value of the preferred source — a pairs order, then a base, then a number written
  out — and every source that says otherwise is kept with it (CountFact.other_values).
* Forms named in any of the organization's own mentoring documents; pupils' forms apart.
* The curator's position from orders that appoint one; the newest order first.

Documents of other organizations (owner_matches is False) and acts of higher levels are not read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from crawler.facts.curator import read_curator
from crawler.facts.forms import find_forms
from crawler.facts.names import mask_names
from crawler.facts.roster import read_roster
from crawler.facts.stated import Stated, read_stated, year_in
from crawler.facts.vocabulary import FactsVocabulary
from crawler.models import (
    AnalyzedDocument,
    CountFact,
    CuratorFact,
    DocPart,
    DocType,
    FactSource,
    FormCount,
    FormFact,
    OrgFacts,
    RosterFacts,
    SourcedCount,
    YearFacts,
)

ROSTER_TYPES = (DocType.pairs_order, DocType.mentor_registry)
CURATOR_TYPES = (DocType.model_order, DocType.curator_order)
NOT_OWN = (DocType.external_act, DocType.other)
RANK = {DocType.pairs_order: 0, DocType.mentor_registry: 1}
STATED_RANK = 2
QUOTE_WIDTH = 70
MIN_TITLE = 20  # a part's title shorter than this («Приказ») gives way to the link's text
COUNTS = ("mentors", "mentees", "pairs", "groups")
COUNT_RU = {"mentors": "наставников", "mentees": "наставляемых", "pairs": "пар", "groups": "групп"}


def academic_year_of(day: date) -> str:
    start = day.year if day.month >= 9 else day.year - 1
    return f"{start}-{start + 1}"


@dataclass
class _Read:
    """A document as the facts see it."""

    doc: AnalyzedDocument
    text: str
    parts: list[DocPart]  # the organization's own typed parts

    def first(self, types: Iterable[DocType]) -> DocPart | None:
        wanted = tuple(types)
        return next((p for p in self.parts if p.type in wanted), None)

    @property
    def ocr(self) -> bool:
        ext = self.doc.extraction
        return bool(ext and (ext.ocr_used or ext.is_scan))

    @property
    def is_page(self) -> bool:
        return self.doc.record.format == "html"

    def title(self, part: DocPart | None) -> str | None:
        rec = self.doc.record
        own = part.title.strip() if part and part.title else ""
        label = rec.viewer_title or rec.link_text or rec.file_name or ""
        raw = own if len(own) >= MIN_TITLE or not label else label  # «Приказ» alone says less than the link
        return _clip(mask_names(re.sub(r"\s+", " ", raw).strip()), 200) if raw else None

    def source(
        self, part: DocPart | None, quote: str, year: str | None, *, stated_year: bool, doc_type: DocType | None = None
    ) -> FactSource:
        return FactSource(
            url=self.doc.record.url,
            title=self.title(part),
            doc_type=doc_type or (part.type if part else None),
            quote=quote,
            archived=self.doc.record.sha256,
            academic_year=year,
            year_stated=stated_year,
            ocr=self.ocr,
        )


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _own(documents: list[AnalyzedDocument]) -> list[_Read]:
    out: list[_Read] = []
    seen: set[str] = set()
    for doc in documents:
        ext = doc.extraction
        if ext is None or ext.error or not ext.text.strip():
            continue
        key = doc.record.sha256 or doc.record.url
        if key in seen:  # the same file linked twice is one source
            continue
        seen.add(key)
        parts = [p for p in doc.parts if p.type not in NOT_OWN and p.owner_matches is not False]
        if parts or (doc.record.format == "html" and not any(p.type == DocType.external_act for p in doc.parts)):
            out.append(_Read(doc, ext.text, parts))
    return out


def _year(read: _Read, part: DocPart | None, today_year: str, *, dated_default: bool) -> tuple[str | None, bool]:
    """The academic year a document belongs to, and whether it says so itself."""
    if part is not None and part.academic_years:
        return _label(part.academic_years[0]), True
    stated = year_in(part.title if part and part.title else "") or year_in(read.text[:1500])
    if stated:
        return stated, True
    if part is not None and part.approved_on:
        return academic_year_of(part.approved_on), False
    return (today_year, False) if dated_default else (None, False)


def _label(raw: str) -> str:
    m = re.match(r"((?:19|20)\d\d)\D+((?:19|20)?\d\d)", raw)
    if not m:
        return raw
    first, second = int(m.group(1)), m.group(2)
    end = int(second) if len(second) == 4 else (first // 100) * 100 + int(second)
    return f"{first}-{end}"


# ------------------------------------------------------------------------------------------- rosters


def _rosters(reads: list[_Read], vocab: FactsVocabulary, today_year: str, notes: list[str]) -> list[RosterFacts]:
    out: list[RosterFacts] = []
    for read in reads:
        part = read.first(ROSTER_TYPES)
        if part is None:
            continue
        roster = read_roster(read.text, vocab)
        if roster.empty:
            what = "состав пар" if part.type == DocType.pairs_order else "список наставников и наставляемых"
            notes.append(f"В документе «{read.title(part)}» {what} не прочитан: строк с ФИО не найдено.")
            continue
        year, stated = _year(read, part, today_year, dated_default=True)
        forms = [
            FormCount(form=name, pupils=pupils, count=n) for name, (pupils, n) in roster.form_counts(vocab).items()
        ]
        out.append(
            RosterFacts(
                source=read.source(part, roster.quote(), year, stated_year=stated),
                how=roster.how,
                mentors=roster.mentors,
                mentees=roster.mentees,
                pairs=roster.pairs,
                groups=roster.groups,
                forms=forms,
            )
        )
    return out


def _stated(reads: list[_Read], today_year: str) -> list[RosterFacts]:
    out: list[RosterFacts] = []
    for read in reads:
        report = read.first([DocType.report])
        if report is None and not read.is_page:
            continue
        if read.first(ROSTER_TYPES) is not None:
            continue  # its list of people is read as a list
        part = report or (read.parts[0] if read.parts else None)
        doc_year, doc_stated = _year(read, part, today_year, dated_default=read.is_page)
        by_year: dict[str | None, list[Stated]] = {}
        for found in read_stated(read.text):
            year = found.academic_year or doc_year
            by_year.setdefault(year, []).append(found)
        for year, items in by_year.items():
            values: dict[str, int] = {}
            quotes: list[str] = []
            for item in items:
                if item.what not in values:
                    values[item.what] = item.value
                    if item.quote not in quotes:
                        quotes.append(item.quote)
            stated = any(i.academic_year for i in items) or (doc_stated and year == doc_year)
            out.append(
                RosterFacts(
                    source=read.source(part, _clip(" / ".join(quotes), 300), year, stated_year=stated),
                    how="stated",
                    **values,
                )
            )
    return out


def _rank(roster: RosterFacts) -> int:
    if roster.how == "stated":
        return STATED_RANK
    return RANK.get(roster.source.doc_type, STATED_RANK) if roster.source.doc_type else STATED_RANK


def _count(rosters: list[RosterFacts], what: str) -> CountFact | None:
    given = [(r, getattr(r, what)) for r in rosters if getattr(r, what) is not None]
    if what == "groups":  # a list that names no group says «0 groups» only when it lists pairs
        given = [(r, v) for r, v in given if r.pairs is not None or r.how == "stated"]
    if not given:
        return None
    given.sort(key=lambda rv: _rank(rv[0]))
    chosen = given[0][1]
    others: dict[int, list[FactSource]] = {}
    for r, v in given:
        if v != chosen:
            others.setdefault(v, []).append(r.source)
    return CountFact(
        value=chosen,
        sources=[r.source for r, v in given if v == chosen],
        other_values=[SourcedCount(value=v, sources=s) for v, s in others.items()],
    )


def _years(rosters: list[RosterFacts]) -> list[YearFacts]:
    labels = sorted({r.source.academic_year for r in rosters if r.source.academic_year}, reverse=True)
    years: list[YearFacts] = []
    for label in labels:
        mine = sorted((r for r in rosters if r.source.academic_year == label), key=_rank)
        with_pairs = [r for r in mine if r.pairs is not None and r.how != "stated"]
        years.append(
            YearFacts(
                academic_year=label,
                mentors=_count(mine, "mentors"),
                mentees=_count(mine, "mentees"),
                pairs=_count(mine, "pairs"),
                groups=_count(mine, "groups"),
                forms=list(with_pairs[0].forms) if with_pairs else [],
            )
        )
    return years


# --------------------------------------------------------------------------------------------- forms


def _forms(reads: list[_Read], vocab: FactsVocabulary, today_year: str) -> tuple[list[FormFact], list[FormFact]]:
    by_form: dict[str, FormFact] = {}
    for read in reads:
        part = read.parts[0] if read.parts else None
        year: str | None = None
        stated = False
        if part is not None:
            year, stated = _year(read, part, today_year, dated_default=False)
        for found in find_forms(read.text, vocab):
            quote = _clip(mask_names(_around(read.text, found.start, found.end)), 240)
            fact = by_form.setdefault(found.form.name, FormFact(form=found.form.name, pupils=found.form.pupils))
            fact.sources.append(read.source(part, quote, year, stated_year=stated))
    order = {f.name: i for i, f in enumerate(vocab.forms)}
    facts = sorted(by_form.values(), key=lambda f: order.get(f.form, len(order)))
    return [f for f in facts if not f.pupils], [f for f in facts if f.pupils]


def _around(text: str, start: int, end: int) -> str:
    a = max(0, start - QUOTE_WIDTH)
    b = min(len(text), end + QUOTE_WIDTH)
    if a > 0:
        space = text.find(" ", a, start)
        a = space + 1 if space != -1 else a
    if b < len(text):
        space = text.rfind(" ", end, b)
        b = space if space != -1 else b
    return re.sub(r"\s+", " ", text[a:b].replace("\t", " | ")).strip()


# ------------------------------------------------------------------------------------------- curator


def _curators(reads: list[_Read], vocab: FactsVocabulary, notes: list[str]) -> list[tuple[date | None, CuratorFact]]:
    found: list[tuple[date | None, CuratorFact]] = []
    for read in reads:
        part = read.first(CURATOR_TYPES) or next((p for p in read.parts if p.curator_clause), None)
        if part is None:
            continue
        for clause in read_curator(read.text, vocab):
            if clause.position is None:
                notes.append(f"В приказе «{read.title(part)}» куратор назначен, но должность не указана.")
                continue
            year = academic_year_of(part.approved_on) if part.approved_on else None
            source = read.source(part, clause.quote, year, stated_year=False)
            found.append((part.approved_on, CuratorFact(position=clause.position, source=source)))
    found.sort(key=lambda dc: dc[0] or date.min, reverse=True)
    return found


# ------------------------------------------------------------------------------------------- the whole


def read_facts(documents: list[AnalyzedDocument], today: date, vocab: FactsVocabulary) -> OrgFacts:
    """The facts of one organization as of the monitoring date (see the module's docstring)."""
    today_year = academic_year_of(today)
    reads = _own(documents)
    notes: list[str] = []
    rosters = _rosters(reads, vocab, today_year, notes) + _stated(reads, today_year)
    rosters.sort(key=lambda r: (r.source.academic_year or "", -_rank(r)), reverse=True)
    forms, pupil_forms = _forms(reads, vocab, today_year)
    curators = _curators(reads, vocab, notes)
    curator = curators[0][1] if curators else None
    others: list[CuratorFact] = []
    for _, fact in curators[1:]:
        if curator and fact.position != curator.position and all(o.position != fact.position for o in others):
            others.append(fact)
    years = _years(rosters)
    notes.extend(_disagreements(years))
    notes.extend(_ocr_notes(rosters, curator))
    return OrgFacts(
        academic_year=today_year,
        years=years,
        rosters=rosters,
        forms=forms,
        pupil_forms=pupil_forms,
        curator=curator,
        curator_other=others,
        notes=list(dict.fromkeys(notes)),
    )


def _named(source: FactSource) -> str:
    return f"«{_clip(source.title or source.url, 80)}»"


def _disagreements(years: list[YearFacts]) -> list[str]:
    notes: list[str] = []
    for year in years:
        for what in COUNTS:
            fact: CountFact | None = getattr(year, what)
            if fact is None or not fact.disputed:
                continue
            pieces = [f"{fact.value} по {', '.join(_named(s) for s in fact.sources)}"]
            pieces += [f"{o.value} по {', '.join(_named(s) for s in o.sources)}" for o in fact.other_values]
            notes.append(f"{year.academic_year} уч. г.: документы расходятся — {COUNT_RU[what]} {'; '.join(pieces)}.")
    return notes


def _ocr_notes(rosters: list[RosterFacts], curator: CuratorFact | None) -> list[str]:
    sources = [r.source for r in rosters if r.source.ocr] + ([curator.source] if curator and curator.source.ocr else [])
    return [f"Сведения из {_named(s)} прочитаны с изображения (OCR) — сверьте с документом." for s in sources]
