"""District data for roadmap items 5.2 and 5.5: forms of mentoring and the numbers of mentors, mentees, pairs and
groups per organization, as the organizations' own documents give them (crawler.facts), with totals by kind of
organization and for the district, and the changes since the previous monitoring.

The brief shows the academic year of the monitoring date (a short table); the exports (`export_rows`) give every
academic year the documents name, one row per organization and year, in a fixed column layout (DISTRICT_COLUMNS)
a region can merge across districts. No personal name is here: the facts hold counts and positions only, and
their quotes are masked where they are read.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from pydantic import BaseModel, Field

from crawler.evaluate.dates import academic_year_label
from crawler.models import CountFact, DocType, FactSource, OrgFacts, OrgFindings, OrgKind, YearFacts

COUNTS = ("mentors", "mentees", "pairs", "groups")
COUNT_TITLES = {"mentors": "Наставников", "mentees": "Наставляемых", "pairs": "Пар", "groups": "Групп"}
COUNT_GEN = {"mentors": "наставников", "mentees": "наставляемых", "pairs": "пар", "groups": "групп"}
NAMED = "+"  # a form the documents name without a number of pairs

# where a value other than the preferred one comes from: «3 (по базе — 4)»
_WHERE: dict[DocType, str] = {
    DocType.pairs_order: "по приказу",
    DocType.mentor_registry: "по базе",
    DocType.report: "по отчёту",
    DocType.program: "по программе",
    DocType.regulation: "по положению",
    DocType.roadmap: "по плану",
}


def where_ru(source: FactSource) -> str:
    if source.doc_type is None:
        return "по странице сайта"
    return _WHERE.get(source.doc_type, "по другому документу")


class Count(BaseModel):
    """A number of the year, and what other documents of the organization say."""

    value: int | None = None
    others: list[tuple[int, str]] = Field(default_factory=list)  # (value, «по базе»)

    @property
    def disputed(self) -> bool:
        return bool(self.others)

    @property
    def text(self) -> str:
        """«3», «3 (по базе — 4)», «—»."""
        if self.value is None:
            return "—"
        if not self.others:
            return str(self.value)
        return f"{self.value} ({self.others_text_brief})"

    @property
    def others_text_brief(self) -> str:
        """«по базе — 4» — what follows the value in brackets."""
        return "; ".join(f"{where} — {v}" for v, where in self.others)

    @property
    def others_text(self) -> str:
        """«4 (по базе)» — the other values alone (a column of the export)."""
        return "; ".join(f"{v} ({where})" for v, where in self.others)


def count_of(fact: CountFact | None) -> Count:
    if fact is None:
        return Count()
    others = [(o.value, where_ru(o.sources[0]) if o.sources else "по другому документу") for o in fact.other_values]
    return Count(value=fact.value, others=others)


class DistrictRow(BaseModel):
    """One organization in the district table: the counts of one academic year, its forms, its curator."""

    index: int
    org_id: str
    name: str
    kind: OrgKind
    reachable: bool
    academic_year: str
    has_data: bool = False  # the documents give a number for this academic year
    counts: dict[str, Count] = Field(default_factory=dict)
    form_counts: dict[str, int] = Field(default_factory=dict)  # teachers' forms of the year's list of pairs
    forms_named: list[str] = Field(default_factory=list)  # teachers' forms the documents name
    pupil_forms: list[str] = Field(default_factory=list)
    curator: str | None = None
    older: str = ""  # «сведения только за 2024-2025 уч. г.» when the documents give other years only
    sources: list[str] = Field(default_factory=list)  # addresses of the documents the numbers come from
    change: str = ""  # since the previous monitoring
    checked_at: date | None = None

    def form_cell(self, form: str) -> str:
        """The number of pairs (groups) of the form in the year's list; «+» when only named; «» otherwise."""
        if form in self.form_counts:
            return str(self.form_counts[form])
        return NAMED if form in self.forms_named else ""

    @property
    def state(self) -> str:
        if not self.reachable:
            return "сайт недоступен"
        if self.has_data:
            return "есть"
        return self.older or "в документах не указаны"

    def value(self, what: str) -> int | None:
        count = self.counts.get(what)
        return count.value if count else None


class DistrictTotal(BaseModel):
    label: str  # «ОО», «ДОУ», «ДО», «Округ»
    kind: OrgKind | None = None
    orgs: int = 0
    with_data: int = 0
    sums: dict[str, int | None] = Field(default_factory=dict)
    forms: dict[str, int] = Field(default_factory=dict)
    change: str = ""

    def sum_text(self, what: str) -> str:
        value = self.sums.get(what)
        return "—" if value is None else str(value)

    def form_text(self, form: str) -> str:
        return str(self.forms[form]) if self.forms.get(form) else ""


class DistrictView(BaseModel):
    academic_year: str
    rows: list[DistrictRow]
    forms: list[str]  # the columns: teachers' forms any organization names or counts
    totals: list[DistrictTotal]  # by kind present, then the district
    previous_title: str | None = None
    forms_named: list[tuple[str, int]] = Field(default_factory=list)  # form → organizations naming it
    curators: list[tuple[str, int]] = Field(default_factory=list)  # position → organizations
    disputed: int = 0  # numbers documents of one organization disagree on

    @property
    def with_data(self) -> int:
        return sum(r.has_data for r in self.rows)

    @property
    def district(self) -> DistrictTotal:
        return self.totals[-1]

    @property
    def has_changes(self) -> bool:
        return self.previous_title is not None


def _year_of(facts: OrgFacts | None, label: str) -> YearFacts | None:
    return facts.year(label) if facts else None


def _sources(year: YearFacts | None) -> list[str]:
    urls: list[str] = []
    if year is None:
        return urls
    for what in COUNTS:
        fact: CountFact | None = getattr(year, what)
        if fact is None:
            continue
        for source in [*fact.sources, *(s for o in fact.other_values for s in o.sources)]:
            if source.url not in urls:
                urls.append(source.url)
    return urls


def org_row(index: int, org: OrgFindings, academic_year: str) -> DistrictRow:
    facts = org.facts if org.reachable else None
    year = _year_of(facts, academic_year)
    counts = {what: count_of(getattr(year, what) if year else None) for what in COUNTS}
    older = ""
    if year is None and facts and facts.years:
        latest = facts.years[0]  # newest first
        older = f"сведения только за {latest.academic_year} уч. г."
    return DistrictRow(
        index=index,
        org_id=org.id,
        name=org.name,
        kind=org.kind,
        reachable=org.reachable,
        academic_year=academic_year,
        has_data=any(c.value is not None for c in counts.values()),
        counts=counts,
        form_counts={f.form: f.count for f in (year.forms if year else []) if not f.pupils},
        forms_named=[f.form for f in facts.forms] if facts else [],
        pupil_forms=[f.form for f in facts.pupil_forms] if facts else [],
        curator=facts.curator.position if facts and facts.curator else None,
        older=older,
        sources=_sources(year),
        checked_at=org.checked_at.date() if org.checked_at else None,
    )


def academic_year_of(findings: list[OrgFindings], today: date) -> str:
    """The academic year of the monitoring date (the one the facts were read for)."""
    labels = [f.facts.academic_year for f in findings if f.facts]
    return Counter(labels).most_common(1)[0][0] if labels else academic_year_label(today)


def _change(before: DistrictRow | None, after: DistrictRow) -> str:
    """«пар: 1 → 3; наставников: — → 3»; «» when nothing changed."""
    if before is None:
        return "не участвовала в прошлом мониторинге"
    if not after.reachable:
        return "сайт недоступен"
    if not before.reachable:
        return "в прошлый раз сайт был недоступен"
    pieces = []
    if after.has_data and not before.has_data:
        pieces.append("появились сведения")
    elif before.has_data and not after.has_data:
        pieces.append("сведений нет (было: " + _counts_short(before) + ")")
    else:
        for what in COUNTS:
            was, now = before.value(what), after.value(what)
            if was != now:
                pieces.append(f"{COUNT_GEN[what]}: {'—' if was is None else was} → {'—' if now is None else now}")
    new_forms = [f for f in after.forms_named if f not in before.forms_named]
    if new_forms:
        pieces.append("названы формы: " + ", ".join(f"«{f}»" for f in new_forms))
    return "; ".join(pieces)


def _counts_short(row: DistrictRow) -> str:
    return ", ".join(f"{COUNT_GEN[w]} — {v}" for w in COUNTS if (v := row.value(w)) is not None)


def _total(label: str, kind: OrgKind | None, rows: list[DistrictRow], forms: list[str]) -> DistrictTotal:
    sums: dict[str, int | None] = {}
    for what in COUNTS:
        values = [v for r in rows if (v := r.value(what)) is not None]
        sums[what] = sum(values) if values else None
    return DistrictTotal(
        label=label,
        kind=kind,
        orgs=len(rows),
        with_data=sum(r.has_data for r in rows),
        sums=sums,
        forms={f: sum(r.form_counts.get(f, 0) for r in rows) for f in forms},
    )


def _total_change(before: DistrictTotal, after: DistrictTotal) -> str:
    pieces = []
    for what in COUNTS:
        was, now = before.sums.get(what), after.sums.get(what)
        if was != now:
            pieces.append(f"{COUNT_GEN[what]}: {'—' if was is None else was} → {'—' if now is None else now}")
    return "; ".join(pieces)


def rows_of(findings: list[OrgFindings], academic_year: str) -> list[DistrictRow]:
    return [org_row(i, org, academic_year) for i, org in enumerate(findings, 1)]


def totals_of(rows: list[DistrictRow], forms: list[str]) -> list[DistrictTotal]:
    totals = [
        _total(kind.value, kind, [r for r in rows if r.kind == kind], forms)
        for kind in OrgKind
        if any(r.kind == kind for r in rows)
    ]
    return [*totals, _total("Округ", None, rows, forms)]


def build_district(
    findings: list[OrgFindings],
    today: date,
    previous: list[OrgFindings] | None = None,
    previous_title: str | None = None,
    previous_today: date | None = None,
) -> DistrictView:
    """The district table of one monitoring (the academic year of its date), compared with the previous one."""
    year = academic_year_of(findings, today)
    rows = rows_of(findings, year)
    named = Counter(f for r in rows for f in r.forms_named)
    counted = Counter(f for r in rows for f in r.form_counts)
    order = {f: i for i, f in enumerate(dict.fromkeys(f for r in rows for f in [*r.form_counts, *r.forms_named]))}
    forms = sorted(set(named) | set(counted), key=lambda f: (-counted[f], -named[f], order[f]))
    totals = totals_of(rows, forms)
    if previous is not None:
        before_year = academic_year_of(previous, previous_today or today)
        before_rows = {r.org_id: r for r in rows_of(previous, before_year)}
        for row in rows:
            row.change = _change(before_rows.get(row.org_id), row)
        before_totals = {t.label: t for t in totals_of(list(before_rows.values()), forms)}
        for total in totals:
            if total.label in before_totals:
                total.change = _total_change(before_totals[total.label], total)
    curators = Counter(r.curator for r in rows if r.curator)
    return DistrictView(
        academic_year=year,
        rows=rows,
        forms=forms,
        totals=totals,
        previous_title=previous_title if previous is not None else None,
        forms_named=sorted(named.items(), key=lambda x: (-x[1], order[x[0]])),
        curators=sorted(curators.items(), key=lambda x: (-x[1], x[0])),
        disputed=sum(c.disputed for r in rows for c in r.counts.values()),
    )


# ------------------------------------------------------------------------------------------ the export

# the column layout of svedeniya-*.csv/.xlsx (README «Сведения о наставничестве»): code, header, meaning
DISTRICT_COLUMNS: list[tuple[str, str, str]] = [
    ("district", "Округ", "муниципальный округ (район) организации"),
    ("period", "Период мониторинга", "ГГГГ-ММ"),
    ("academic_year", "Учебный год", "ГГГГ-ГГГГ: год, к которому документы относят сведения"),
    ("org_id", "Код организации", "код из реестра организаций"),
    ("org_name", "Организация", "наименование из реестра"),
    ("org_kind", "Вид", "ОО, ДОУ или ДО"),
    ("state", "Сведения", "есть; в документах не указаны; сведения только за другие годы; сайт недоступен"),
    ("mentors", "Наставников", "число по предпочтительному документу (приказ о закреплении пар, затем база)"),
    ("mentors_other", "Наставников по другим документам", "иные числа других документов: «4 (по базе)»"),
    ("mentees", "Наставляемых", "так же"),
    ("mentees_other", "Наставляемых по другим документам", "так же"),
    ("pairs", "Пар", "так же"),
    ("pairs_other", "Пар по другим документам", "так же"),
    ("groups", "Групп", "так же (группа — наставник с несколькими наставляемыми)"),
    ("groups_other", "Групп по другим документам", "так же"),
    ("forms_counted", "Пары и группы по формам", "«форма: n» через «; » по списку пар (групп) учебного года"),
    ("forms_named", "Формы, названные в документах", "формы наставничества педагогов через «; »"),
    ("pupil_forms", "Формы наставничества обучающихся", "названные в документах, через «; »"),
    ("curator", "Должность куратора", "из приказа о назначении куратора (без фамилии)"),
    ("sources", "Источники", "адреса документов, из которых взяты числа, через пробел"),
    ("checked_at", "Дата проверки сайта", "ДД.ММ.ГГГГ"),
]
NUMBER_COLUMNS = {"mentors", "mentees", "pairs", "groups"}


def export_rows(
    findings: list[OrgFindings], district: str, period: str, today: date, tz: str = "Europe/Moscow"
) -> list[dict[str, object]]:
    """One row per organization for the academic year of the monitoring, and one per other academic year its
    documents give numbers for; every column of DISTRICT_COLUMNS, numbers as int (None when not given), and
    under «_forms» the forms of the row for the long sheet of the XLSX."""
    from crawler.report.model import local_date

    year = academic_year_of(findings, today)
    out: list[dict[str, object]] = []
    for i, org in enumerate(findings, 1):
        labels = [year] + [y.academic_year for y in (org.facts.years if org.facts and org.reachable else [])]
        for label in dict.fromkeys(labels):
            row = org_row(i, org, label)
            if label != year and not row.has_data:
                continue
            facts_year = org.facts.year(label) if org.facts and org.reachable else None
            pupils_counted = {f.form: f.count for f in (facts_year.forms if facts_year else []) if f.pupils}
            record: dict[str, object] = {
                "district": district,
                "period": period,
                "academic_year": label,
                "org_id": org.id,
                "org_name": org.name,
                "org_kind": org.kind.value,
                "state": row.state,
                "forms_counted": "; ".join(f"{f}: {n}" for f, n in row.form_counts.items()),
                "forms_named": "; ".join(row.forms_named),
                "pupil_forms": "; ".join(row.pupil_forms),
                "curator": row.curator or "",
                "sources": " ".join(row.sources),
                "checked_at": local_date(org.checked_at, tz) if org.checked_at else None,
                "_forms": {
                    "counted": {**row.form_counts, **pupils_counted},
                    "named": row.forms_named,
                    "pupils": row.pupil_forms,
                },
            }
            for what in COUNTS:
                count = row.counts[what]
                record[what] = count.value
                record[f"{what}_other"] = count.others_text
            out.append(record)
    return out
