"""The annual analytic report (roadmap item 5.6): every monitoring of a calendar year read back from the store.

«Year» is the calendar year of the monitoring periods: the report for 2026 takes the monitorings 2026-01 and
2026-05 (and any other period of 2026, e.g. a December monitoring of item 5.2), each as its brief was made — the
period's run of record with the rechecks and retries applied to it. The numbers of each monitoring are those of
its brief: `AnnualData.monitorings` holds the BriefView the brief is rendered from (crawler.report.analysis), so
the report and the briefs cannot disagree. The numbers of mentors and pairs are the academic years' the documents
name (crawler.report.district), the registry of practices is the one of the year's last monitoring.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from pydantic import BaseModel, Field

from crawler.models import OrgKind, Status
from crawler.report.analysis import BriefView, CriterionStats, compute_changes
from crawler.report.district import COUNT_GEN, COUNTS, Count, DistrictRow, DistrictTotal
from crawler.report.model import ChangeKind, Criterion, date_ru, district_genitive, pct, period_ru, plural
from crawler.report.practices import RegistryItem

ANNUAL_ITEM = "5.6"


class RunNote(BaseModel):
    """A recheck or retry of the year: which organization, when, and whether the brief of its period took it."""

    period: str
    kind: str  # manual (recheck) or retry
    org_names: list[str]
    at: datetime
    applied: bool


class AnnualData(BaseModel):
    """What the annual report is made of: the briefs' views of the year's monitorings and the store's extras."""

    year: int
    district: str
    issuer: str
    office: str
    basis: str  # as stored with the year's last monitoring (item 5.1); the report names item 5.6 from it
    signatory_position: str
    signatory_name: str
    executor: str = ""
    timezone: str = "Europe/Moscow"
    monitorings: list[BriefView]  # one per period of the year, oldest first
    other_runs: list[RunNote] = Field(default_factory=list)
    practices: list[RegistryItem] = Field(default_factory=list)  # the registry as of the year's last monitoring
    earlier: bool = False  # the store has monitorings before the year: items first found in it are «новое»
    report_date: date | None = None  # None: the date of the last brief of the year

    model_config = {"arbitrary_types_allowed": True}

    @property
    def periods(self) -> list[str]:
        return [m.data.period for m in self.monitorings]

    @property
    def last(self) -> BriefView:
        return self.monitorings[-1]

    @property
    def first(self) -> BriefView:
        return self.monitorings[0]

    @property
    def dated(self) -> date:
        return self.report_date or max(m.brief_date for m in self.monitorings)


def annual_basis(basis: str) -> str:
    """«п. 5.1 Дорожной карты …» → «п. 5.6 Дорожной карты …»: the item that orders the annual report."""
    changed, n = re.subn(r"^\s*п\.\s*5\.1(?!\d)", f"п. {ANNUAL_ITEM}", basis)
    if n:
        return changed
    return f"п. {ANNUAL_ITEM} дорожной карты по реализации целевой модели наставничества; мониторинг сайтов — {basis}"


# ------------------------------------------------------------------------------------------- the view


class MonitoringRow(BaseModel):
    period: str
    title: str
    brief_date: str
    checked_on: str
    orgs: int
    reachable: int
    mean: str
    zones: str  # «высокий — 4, средний — 6, низкий — 2»
    rechecks: list[str] = Field(default_factory=list)  # «МБОУ … (14.05.2026)»


class CriterionTrend(BaseModel):
    criterion: Criterion
    cells: list[str]  # per period: «9 из 12 (75 %)»
    shares: list[float | None]
    delta: str  # «+16,7 п. п.», «без изменений», «—»


class OrgTrend(BaseModel):
    index: int
    org_id: str
    name: str
    kind: OrgKind
    scores: list[str]  # per period: «85 %», «не проверен», «—» (not in that monitoring)
    delta: str
    met: str  # criteria met in the last monitoring: «7 из 10»
    zone: str
    changes: str = ""  # first → last: «исправлено: …; ухудшилось: …»


class YearDistrictRow(BaseModel):
    """One organization's numbers at each monitoring of the year (items 5.2, 5.5)."""

    index: int
    org_id: str
    name: str
    kind: OrgKind
    cells: list[list[str]]  # per period: four texts (mentors, mentees, pairs, groups), «*» when disputed
    notes: list[str] = Field(default_factory=list)  # «январь 2026: наставников 3 (по базе — 4)»


class YearDistrictTotal(BaseModel):
    label: str
    cells: list[list[str]]  # per period: four sums
    with_data: list[str]  # per period: «5 из 7»


class FormTrend(BaseModel):
    form: str
    counted: list[str]  # per period: pairs and groups of the form in the lists («3» or «—»)
    named: list[int]  # per period: organizations whose documents name it


class AnnualView(BaseModel):
    data: AnnualData
    title_year: str
    district_gen: str
    basis: str
    periods_text: str  # «январь 2026, май 2026»
    academic_years: str  # «2025-2026»
    monitorings: list[MonitoringRow]
    runs_text: str = ""  # the year's rechecks and retries
    criteria: list[CriterionTrend]
    orgs: list[OrgTrend]
    district_rows: list[YearDistrictRow]
    district_totals: list[YearDistrictTotal]
    forms: list[FormTrend]
    practices: list[RegistryItem]
    new_in_year: int
    conclusions: list[str]
    report_date: date

    model_config = {"arbitrary_types_allowed": True}

    @property
    def period_titles(self) -> list[str]:
        return [period_ru(p) for p in self.data.periods]

    @property
    def compared(self) -> bool:
        return len(self.data.monitorings) > 1


def _share(st: CriterionStats) -> str:
    if not st.checked:
        return "не проверялось"
    return f"{st.met} из {st.checked} ({pct(st.share)})"


def _delta(first: float | None, last: float | None) -> str:
    if first is None or last is None:
        return "—"
    diff = last - first
    if abs(diff) < 0.05:
        return "без изменений"
    text = pct(abs(diff), 1).replace(" %", "")
    return f"{'+' if diff > 0 else '−'}{text} п. п."


def _monitoring_row(view: BriefView) -> MonitoringRow:
    zones = ", ".join(f"«{name}» — {n}" for name, n in view.zone_counts)
    rechecks = [f"{o.org.name} ({(o.recheck_at or '')[:10]})" for o in view.orgs if o.recheck_at]
    return MonitoringRow(
        period=view.data.period,
        title=view.period_title,
        brief_date=date_ru(view.brief_date),
        checked_on=view.checked_on or "—",
        orgs=len(view.orgs),
        reachable=view.reachable,
        mean=pct(view.mean_score, 1),
        zones=zones,
        rechecks=rechecks,
    )


def _runs_text(notes: list[RunNote]) -> str:
    """«Повторные проверки: май 2026 — МБОУ … (учтена в справке), …» — what ran besides the monitorings."""
    if not notes:
        return ""
    items = []
    for note in notes:
        what = "повторная проверка" if note.kind == "manual" else "повторная проверка недоступных сайтов"
        names = ", ".join(note.org_names) or "—"
        state = "учтена в итогах мониторинга" if note.applied else "в итоги мониторинга не вносилась"
        items.append(f"{period_ru(note.period)}, {date_ru(note.at.date())} — {what}: {names} ({state})")
    return "Кроме плановых мониторингов проводились: " + "; ".join(items) + "."


def _criteria(views: list[BriefView]) -> list[CriterionTrend]:
    out = []
    for crit in views[-1].data.criteria:
        stats = [next((s for s in v.stats if s.criterion.id == crit.id), None) for v in views]
        cells = [_share(s) if s is not None else "—" for s in stats]
        shares = [s.share if s is not None else None for s in stats]
        out.append(CriterionTrend(criterion=crit, cells=cells, shares=shares, delta=_delta(shares[0], shares[-1])))
    return out


def _change_words(view_first: BriefView, view_last: BriefView, org_id: str) -> str:
    first = next((o.org for o in view_first.orgs if o.org.id == org_id), None)
    last = next((o.org for o in view_last.orgs if o.org.id == org_id), None)
    if first is None or last is None:
        return ""
    titles = {c.id: c.title for c in view_last.data.criteria}
    groups: dict[ChangeKind, list[str]] = {}
    for change in compute_changes([last], [first]):
        if change.kind in (ChangeKind.fixed, ChangeKind.improved, ChangeKind.regressed) and change.criterion in titles:
            groups.setdefault(change.kind, []).append(titles[change.criterion])
    words = {ChangeKind.fixed: "исправлено", ChangeKind.improved: "улучшено", ChangeKind.regressed: "ухудшилось"}
    return "; ".join(f"{words[k]}: {', '.join(groups[k])}" for k in words if k in groups)


def _orgs(views: list[BriefView]) -> list[OrgTrend]:
    last = views[-1]
    order = [o.org for o in last.orgs]
    known = {o.id for o in order}
    for v in reversed(views[:-1]):  # organizations that left the registry during the year, at the end
        for o in v.orgs:
            if o.org.id not in known:
                order.append(o.org)
                known.add(o.org.id)
    out = []
    for i, org in enumerate(order, 1):
        scores: list[str] = []
        values: list[float | None] = []
        for v in views:
            ov = next((o for o in v.orgs if o.org.id == org.id), None)
            if ov is None:
                scores.append("—")
                values.append(None)
            elif not ov.org.reachable:
                scores.append("не проверен")
                values.append(None)
            else:
                scores.append(ov.score_text)
                values.append(ov.score)
        lv = next((o for o in last.orgs if o.org.id == org.id), None)
        met = "—"
        zone = "—"
        if lv is not None and lv.org.reachable:
            checked = [c for c in lv.cells if c.status != Status.unknown]
            met = f"{sum(c.status == Status.met for c in checked)} из {len(checked)}"
            zone = lv.zone or "—"
        known_values = [x for x in values if x is not None]
        delta = _delta(known_values[0], known_values[-1]) if len(known_values) > 1 else "—"
        out.append(
            OrgTrend(
                index=i,
                org_id=org.id,
                name=org.name,
                kind=org.kind,
                scores=scores,
                delta=delta,
                met=met,
                zone=zone,
                changes=_change_words(views[0], last, org.id) if len(views) > 1 else "",
            )
        )
    return out


def _cell_texts(row: DistrictRow | None) -> list[str]:
    if row is None:
        return ["", "", "", ""]
    if not row.reachable:
        return ["?", "?", "?", "?"]
    out = []
    for what in COUNTS:
        count: Count = row.counts[what]
        text = "—" if count.value is None else str(count.value)
        out.append(text + ("*" if count.disputed else ""))
    return out


def _district(views: list[BriefView]) -> tuple[list[YearDistrictRow], list[YearDistrictTotal], list[FormTrend]]:
    last = views[-1]
    assert last.district is not None
    names = {r.org_id: (r.name, r.kind) for v in views if v.district for r in v.district.rows}
    order = list(dict.fromkeys([r.org_id for r in last.district.rows] + list(names)))
    rows = []
    for i, org_id in enumerate(order, 1):
        cells: list[list[str]] = []
        disputes: dict[str, list[str]] = {}  # «наставников 3 (по базе — 4) за 2025-2026 уч. г.» → monitorings
        for v in views:
            row = next((r for r in v.district.rows if r.org_id == org_id), None) if v.district else None
            cells.append(_cell_texts(row))
            if row is not None:
                said = [f"{COUNT_GEN[w]} {row.counts[w].text}" for w in COUNTS if row.counts[w].disputed]
                if said:
                    disputes.setdefault(f"{', '.join(said)} за {row.academic_year} уч. г.", []).append(v.period_title)
        notes = [f"{text} ({', '.join(when)})" for text, when in disputes.items()]
        name, kind = names[org_id]
        rows.append(YearDistrictRow(index=i, org_id=org_id, name=name, kind=kind, cells=cells, notes=notes))
    totals = []
    labels = [t.label for t in last.district.totals]
    for label in labels:
        cells = []
        with_data = []
        for v in views:
            total: DistrictTotal | None = (
                next((t for t in v.district.totals if t.label == label), None) if v.district else None
            )
            cells.append([total.sum_text(w) for w in COUNTS] if total else ["", "", "", ""])
            with_data.append(f"{total.with_data} из {total.orgs}" if total else "—")
        totals.append(YearDistrictTotal(label=label, cells=cells, with_data=with_data))
    forms_order: list[str] = []
    for v in views:
        for f in v.district.forms if v.district else []:
            if f not in forms_order:
                forms_order.append(f)
    forms = []
    for form in forms_order:
        counted = []
        named = []
        for v in views:
            dv = v.district
            pairs = dv.district.forms.get(form, 0) if dv else 0
            counted.append(str(pairs) if pairs else "—")
            named.append(sum(form in r.forms_named for r in dv.rows) if dv else 0)
        forms.append(FormTrend(form=form, counted=counted, named=named))
    return rows, totals, forms


def _conclusions(data: AnnualData, view: AnnualView) -> list[str]:
    views = data.monitorings
    first, last = views[0], views[-1]
    out: list[str] = []
    n = len(views)
    word = plural(n, "мониторинг", "мониторинга", "мониторингов")
    sites = plural(len(last.orgs), "сайта", "сайтов", "сайтов")
    out.append(
        f"В {data.year} году проведено {n} {word} официальных сайтов ({view.periods_text}); в последнем "
        f"проверено {last.reachable} из {len(last.orgs)} {sites}."
    )
    if n > 1 and first.mean_score is not None and last.mean_score is not None:
        out.append(
            f"Средний уровень выполнения критериев по округу: {first.period_title} — {pct(first.mean_score, 1)}, "
            f"{last.period_title} — {pct(last.mean_score, 1)} ({_delta(first.mean_score, last.mean_score)})."
        )
    elif last.mean_score is not None:
        out.append(f"Средний уровень выполнения критериев по округу — {pct(last.mean_score, 1)}.")
    if n > 1:
        moved = [c for c in view.criteria if c.shares[0] is not None and c.shares[-1] is not None]
        moved.sort(key=lambda c: (c.shares[-1] or 0) - (c.shares[0] or 0))
        up = [c for c in reversed(moved) if (c.shares[-1] or 0) > (c.shares[0] or 0)][:3]
        down = [c for c in moved if (c.shares[-1] or 0) < (c.shares[0] or 0)][:3]
        if up:
            listed = "; ".join(f"«{c.criterion.title}» ({c.delta})" for c in up)
            out.append(f"Больше всего выросла доля организаций, выполняющих критерии: {listed}.")
        if down:
            listed = "; ".join(f"«{c.criterion.title}» ({c.delta})" for c in down)
            out.append(f"Снизилась доля организаций, выполняющих критерии: {listed}.")
        better = sum(o.delta.startswith("+") for o in view.orgs)
        worse = sum(o.delta.startswith("−") for o in view.orgs)
        word = plural(better, "организации", "организаций", "организаций")
        out.append(f"Уровень выполнения критериев вырос у {better} {word}, снизился — у {worse}.")
    low = [c.criterion.title for c in view.criteria if c.shares and all(x is not None and x < 50 for x in c.shares)]
    if low:
        out.append(
            "Во всех мониторингах года менее половины проверенных организаций выполняют критерии: "
            + ", ".join(f"«{t}»" for t in low)
            + "."
        )
    dv = last.district
    if dv is not None and dv.with_data:
        from crawler.report.analysis import counts_text

        line = (
            f"По документам организаций на {dv.academic_year} учебный год ({last.period_title}): "
            f"{counts_text(dv.district.sums)}; сведения есть у {dv.with_data} из {len(dv.rows)} организаций"
        )
        fd = first.district
        if n > 1 and fd is not None and fd.district.sums != dv.district.sums:
            line += f" ({first.period_title}: {counts_text(fd.district.sums) or 'сведений нет'})"
        out.append(line + ".")
    if dv is not None and dv.forms_named:
        top = ", ".join(f"«{f}» — {k}" for f, k in dv.forms_named[:3])
        out.append(f"Чаще всего в документах названы формы наставничества: {top} (число организаций).")
    if data.practices:
        m = len(data.practices)
        line = f"В реестре практик наставничества — {m} {plural(m, 'материал', 'материала', 'материалов')}"
        if data.earlier:
            line += f", из них впервые найдено в {data.year} году — {view.new_in_year}"
        out.append(line + ".")
    else:
        out.append("Материалов о практиках наставничества на сайтах организаций не найдено.")
    return out


def build_annual_view(data: AnnualData) -> AnnualView:
    views = data.monitorings
    district_rows, district_totals, forms = _district(views)
    years = sorted({v.district.academic_year for v in views if v.district})
    view = AnnualView(
        data=data,
        title_year=f"{data.year} год",
        district_gen=district_genitive(data.district),
        basis=annual_basis(data.basis),
        periods_text=", ".join(v.period_title for v in views),
        academic_years=", ".join(years),
        monitorings=[_monitoring_row(v) for v in views],
        runs_text=_runs_text(data.other_runs),
        criteria=_criteria(views),
        orgs=_orgs(views),
        district_rows=district_rows,
        district_totals=district_totals,
        forms=forms,
        practices=data.practices,
        new_in_year=sum(p.first_period[:4] == str(data.year) for p in data.practices),
        conclusions=[],
        report_date=data.dated,
    )
    view.conclusions = _conclusions(data, view)
    return view
