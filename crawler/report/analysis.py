"""Numbers behind the brief: changes between periods, shares, conclusions, recommendations.

Everything here is computed from BriefData only, so the HTML, the DOCX, the exports and the letters
show the same figures. Unreachable sites (status «не удалось проверить») are never counted as «не
выполнено»: shares are taken over the organizations actually checked for a criterion.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime

from pydantic import BaseModel, Field

from crawler.evaluate.scoring import percent, weighted_points, zone_for
from crawler.models import STATUS_POINTS, STATUS_RU, OrgFindings, OrgKind, RuleResult, Status
from crawler.report.model import (
    MARKS,
    BriefData,
    Change,
    ChangeKind,
    Criterion,
    PeriodSummary,
    date_ru,
    datetime_ru,
    district_genitive,
    next_monitoring,
    pct,
    period_ru,
    plural,
    safe_slug,
)
from crawler.ru import DOC_TYPE_RU

RANK: dict[Status, int] = {Status.not_met: 0, Status.partial: 1, Status.met: 2}


def status_of(org: OrgFindings, criterion_id: str) -> Status:
    """Status of one criterion; a criterion the evaluation did not produce counts as unknown."""
    rule = org.rule(criterion_id)
    return rule.status if rule is not None else Status.unknown


def compute_changes(current: list[OrgFindings], previous: list[OrgFindings]) -> list[Change]:
    """Per organization and criterion of the current run: what changed since the previous run.

    Criteria are those of the current findings; an organization or criterion with no baseline is «новое»;
    an unknown status on either side makes the pair «не сравнимо».
    """
    before_by_org = {org.id: org for org in previous}
    changes: list[Change] = []
    for org in current:
        base = before_by_org.get(org.id)
        for rule in org.rules:
            before_rule = base.rule(rule.rule_id) if base is not None else None
            before = before_rule.status if before_rule is not None else None
            changes.append(
                Change(
                    org_id=org.id,
                    org_name=org.name,
                    criterion=rule.rule_id,
                    before=before,
                    after=rule.status,
                    kind=_change_kind(before, rule.status),
                )
            )
    return changes


def _change_kind(before: Status | None, after: Status) -> ChangeKind:
    if before is None:
        return ChangeKind.new
    if before == Status.unknown or after == Status.unknown:
        return ChangeKind.incomparable
    delta = RANK[after] - RANK[before]
    if delta == 0:
        return ChangeKind.unchanged
    if delta < 0:
        return ChangeKind.regressed
    return ChangeKind.fixed if after == Status.met else ChangeKind.improved


def summarize(findings: list[OrgFindings], criteria: list[Criterion], period: str = "") -> PeriodSummary:
    """Mean score and the share of checked organizations meeting each criterion."""
    scores = [s for s in (org_score(org, criteria) for org in findings) if s is not None]
    share: dict[str, float] = {}
    for crit in criteria:
        statuses = [status_of(org, crit.id) for org in findings]
        checked = [s for s in statuses if s != Status.unknown]
        if checked:
            share[crit.id] = round(100.0 * sum(s == Status.met for s in checked) / len(checked), 1)
    mean = round(sum(scores) / len(scores), 1) if scores else None
    return PeriodSummary(period=period, mean_score=mean, share_met=share)


def org_points(org: OrgFindings, criteria: list[Criterion]) -> tuple[int, int]:
    """Weighted points and the maximum over the criteria with a known status."""
    return weighted_points((status_of(org, crit.id), crit.weight) for crit in criteria)


def org_score(org: OrgFindings, criteria: list[Criterion]) -> float | None:
    """The evaluation's score when it gave one, else the weighted share of points."""
    if org.score is not None:
        return org.score
    if not org.reachable:
        return None
    return percent(*org_points(org, criteria))


# ------------------------------------------------------------------ view models


class EvidenceView(BaseModel):
    url: str
    title: str | None = None
    quote: str | None = None
    archived_href: str | None = None
    fetched_at: str = ""


class CellView(BaseModel):
    criterion: Criterion
    status: Status
    mark: str
    label: str
    points: int | None
    note: str = ""
    remarks: list[str] = Field(default_factory=list)
    manual: bool = False
    override_by: str | None = None
    evidence: list[EvidenceView] = Field(default_factory=list)
    anchor: str
    evaluated: bool = True  # False when the evaluation produced no result for this criterion

    @property
    def css(self) -> str:
        return f"st-{self.status.value.replace('_', '-')}"

    @property
    def manual_text(self) -> str:
        who = f": {self.override_by}" if self.override_by else ""
        return f"проверено вручную{who}"


class DocView(BaseModel):
    url: str
    type_ru: str
    title: str
    approved_on: str
    number: str
    signed: str
    archived_href: str | None = None
    error: str | None = None


class AttemptView(BaseModel):
    url: str
    at: str
    status: int | None = None
    error: str | None = None


class RecommendationView(BaseModel):
    criterion: Criterion | None
    status: Status | None
    text: str  # what is wrong
    advice: str  # what to do

    @property
    def brief_text(self) -> str:
        """What the brief itself repeats: the quality problem of a partial verdict; «not found» goes without
        saying there (the full notes are in the appendix and in the letter)."""
        return self.text if self.status in (Status.partial, None) else ""


class OrgView(BaseModel):
    index: int
    org: OrgFindings
    anchor: str
    cells: list[CellView]
    points: int
    max_points: int
    score: float | None
    zone: str | None
    zone_index: int | None
    checked_at: str
    recheck_at: str | None = None
    attempts: list[AttemptView] = Field(default_factory=list)
    documents: list[DocView] = Field(default_factory=list)
    recommendations: list[RecommendationView] = Field(default_factory=list)
    changes: list[Change] = Field(default_factory=list)  # only real changes (new/fixed/improved/regressed)

    @property
    def score_text(self) -> str:
        return pct(self.score, 1 if self.score is not None and self.score % 1 else 0)

    @property
    def kind(self) -> str:
        return self.org.kind.value


class KindShare(BaseModel):
    met: int = 0
    checked: int = 0

    @property
    def share(self) -> float | None:
        return 100.0 * self.met / self.checked if self.checked else None


class CriterionStats(BaseModel):
    criterion: Criterion
    counts: dict[Status, int]
    by_kind: dict[OrgKind, KindShare]

    @property
    def checked(self) -> int:
        return sum(n for s, n in self.counts.items() if s != Status.unknown)

    @property
    def met(self) -> int:
        return self.counts.get(Status.met, 0)

    @property
    def share(self) -> float | None:
        return 100.0 * self.met / self.checked if self.checked else None


class ChangeGroup(BaseModel):
    org_id: str
    org_name: str
    anchor: str
    fixed: list[Change] = Field(default_factory=list)
    improved: list[Change] = Field(default_factory=list)
    regressed: list[Change] = Field(default_factory=list)
    new: list[Change] = Field(default_factory=list)
    new_org: bool = False  # the organization was not in the previous monitoring at all


class BriefView(BaseModel):
    """Everything the templates and writers need, computed once."""

    data: BriefData
    period_title: str
    district_gen: str  # the district in the genitive, for «… образовательных организаций <district>»
    previous_title: str | None
    orgs: list[OrgView]
    stats: list[CriterionStats]
    kind_counts: dict[OrgKind, int]
    reachable: int
    unreachable: list[OrgView]
    mean_score: float | None
    zone_counts: list[tuple[str, int]]
    changes: list[Change]
    change_groups: list[ChangeGroup]
    change_totals: dict[ChangeKind, int]
    conclusions: list[str]
    deadline_text: str
    summary: PeriodSummary
    trend: list[PeriodSummary]
    crawl_dates: str
    criteria_by_id: dict[str, Criterion]

    def criterion_title(self, criterion_id: str) -> str:
        crit = self.criteria_by_id.get(criterion_id)
        return crit.title if crit else criterion_id


def _archive_href(archive_dir: str | None, sha: str | None, ext: dict[str, str] | None = None) -> str | None:
    if not archive_dir or not sha:
        return None
    return f"{archive_dir.rstrip('/')}/{sha[:2]}/{sha}{(ext or {}).get(sha, '')}"


def _strip_status(note: str, status: Status) -> str:
    """Drop a leading «Частично:» the evaluation may repeat: the brief prints the status beside the note."""
    label = STATUS_RU[status]
    head = note[: len(label) + 1]
    if head[: len(label)].lower() == label and head[len(label) :] in (":", ".", ",", ";"):
        return note[len(label) + 1 :].lstrip()
    return note


def _cell(org: OrgFindings, anchor: str, crit: Criterion, data: BriefData) -> CellView:
    rule: RuleResult | None = org.rule(crit.id)
    status = rule.status if rule is not None else Status.unknown
    note = _strip_status(rule.note, status) if rule is not None else "критерий не оценивался"
    if not org.reachable and not note:
        note = "сайт недоступен"
    evidence = [
        EvidenceView(
            url=ev.url,
            title=ev.title,
            quote=ev.quote,
            archived_href=_archive_href(data.archive_dir, ev.archived, data.archive_ext),
            fetched_at=datetime_ru(ev.fetched_at, data.timezone) if ev.fetched_at else "",
        )
        for ev in (rule.evidence if rule is not None else [])
    ]
    return CellView(
        criterion=crit,
        status=status,
        mark=MARKS[status],
        label=STATUS_RU[status],
        points=STATUS_POINTS[status],
        note=note,
        remarks=list(rule.remarks) if rule is not None else [],
        manual=bool(rule and rule.manual),
        override_by=rule.override_by if rule is not None else None,
        evidence=evidence,
        anchor=f"{anchor}-{safe_slug(crit.id)}",
        evaluated=rule is not None,
    )


def _recommendations(org: OrgFindings, cells: list[CellView]) -> list[RecommendationView]:
    if not org.reachable:
        reason = org.failure_reason or "причина не установлена"
        return [
            RecommendationView(
                criterion=None,
                status=None,
                text=f"Официальный сайт не удалось открыть при мониторинге ({reason}).",
                advice="Обеспечить доступность официального сайта (проверить домен, сертификат, "
                "работу хостинга) и сообщить в ИДК для повторной проверки.",
            )
        ]
    recs: list[RecommendationView] = []
    for cell in cells:
        if cell.status not in (Status.not_met, Status.partial):
            continue
        parts = [cell.note] if cell.note else []
        parts += cell.remarks
        text = "; ".join(p.rstrip(".") for p in parts if p) or cell.label
        recs.append(
            RecommendationView(
                criterion=cell.criterion,
                status=cell.status,
                text=text + ".",
                advice=cell.criterion.advice or f"Разместить материалы по критерию «{cell.criterion.title}».",
            )
        )
    return recs


def _org_view(index: int, org: OrgFindings, anchor: str, data: BriefData, changes: list[Change]) -> OrgView:
    cells = [_cell(org, anchor, crit, data) for crit in data.criteria]
    got, total = org_points(org, data.criteria)
    score = org_score(org, data.criteria)
    zone = org.zone or zone_for(score, data.zones)
    zone_names = [z[0] for z in data.zones]
    docs = [
        DocView(
            url=doc.url,
            type_ru=DOC_TYPE_RU.get(doc.type or "", doc.type or "не определён"),
            title=doc.title or "",
            approved_on=date_ru(doc.approved_on) if doc.approved_on else "—",
            number=doc.number or "—",
            signed={True: "есть отметка", False: "нет отметки", None: "—"}[doc.signed],
            archived_href=_archive_href(data.archive_dir, doc.sha256, data.archive_ext),
            error=doc.error,
        )
        for doc in org.documents
    ]
    recheck = data.rechecks.get(org.id)
    return OrgView(
        index=index,
        org=org,
        anchor=anchor,
        cells=cells,
        points=got,
        max_points=total,
        score=score if org.reachable else None,
        zone=zone if org.reachable else None,
        zone_index=zone_names.index(zone) if zone in zone_names and org.reachable else None,
        checked_at=datetime_ru(org.checked_at, data.timezone),
        recheck_at=datetime_ru(recheck, data.timezone) if recheck else None,
        attempts=[
            AttemptView(url=a.url, at=datetime_ru(a.at, data.timezone), status=a.status, error=a.error)
            for a in org.attempts
        ],
        documents=docs,
        recommendations=_recommendations(org, cells),
        changes=[c for c in changes if c.org_id == org.id and c.kind not in _QUIET_CHANGES],
    )


_QUIET_CHANGES = (ChangeKind.unchanged, ChangeKind.incomparable)


def _anchors(findings: list[OrgFindings]) -> list[str]:
    seen: set[str] = set()
    result = []
    for i, org in enumerate(findings, 1):
        anchor = "org-" + safe_slug(org.id)
        if anchor in seen:
            anchor = f"{anchor}-{i}"
        seen.add(anchor)
        result.append(anchor)
    return result


def build_view(data: BriefData) -> BriefView:
    findings = data.findings
    criterion_ids = {c.id for c in data.criteria}
    if data.previous is not None:
        changes = [c for c in compute_changes(findings, data.previous) if c.criterion in criterion_ids]
    else:
        changes = []
    anchors = _anchors(findings)
    orgs = [
        _org_view(i, org, anchor, data, changes)
        for i, (org, anchor) in enumerate(zip(findings, anchors, strict=True), 1)
    ]
    stats = []
    for crit in data.criteria:
        counts: Counter[Status] = Counter()
        by_kind: dict[OrgKind, KindShare] = {k: KindShare() for k in OrgKind}
        for org in findings:
            status = status_of(org, crit.id)
            counts[status] += 1
            if status != Status.unknown:
                by_kind[org.kind].checked += 1
                by_kind[org.kind].met += status == Status.met
        stats.append(CriterionStats(criterion=crit, counts={s: counts.get(s, 0) for s in Status}, by_kind=by_kind))
    kind_counts = {k: sum(o.kind == k for o in findings) for k in OrgKind}
    unreachable = [o for o in orgs if not o.org.reachable]
    scores = [o.score for o in orgs if o.score is not None]
    mean = sum(scores) / len(scores) if scores else None
    zone_counts = [(name, sum(o.zone == name for o in orgs)) for name, _ in data.zones]
    summary = summarize(findings, data.criteria, data.period)
    trend = [h for h in data.history if h.period != data.period] + [summary]
    trend.sort(key=lambda s: s.period)
    groups = _change_groups(changes, orgs, {o.id for o in data.previous or []})
    totals = Counter(c.kind for c in changes)
    deadline = (
        f"до {date_ru(data.fix_deadline)}"
        if data.fix_deadline
        else f"до начала следующего мониторинга ({period_ru(next_monitoring(data.period))})"
    )
    view = BriefView(
        data=data,
        period_title=period_ru(data.period),
        district_gen=district_genitive(data.district),
        previous_title=(
            period_ru(data.previous_period)
            if data.previous_period
            else ("предыдущий период" if data.previous is not None else None)
        ),
        orgs=orgs,
        stats=stats,
        kind_counts=kind_counts,
        reachable=len(findings) - len(unreachable),
        unreachable=unreachable,
        mean_score=mean,
        zone_counts=zone_counts,
        changes=changes,
        change_groups=groups,
        change_totals={k: totals.get(k, 0) for k in ChangeKind},
        conclusions=[],
        deadline_text=deadline,
        summary=summary,
        trend=trend,
        crawl_dates=_crawl_dates(data),
        criteria_by_id={c.id: c for c in data.criteria},
    )
    view.conclusions = conclusions(view)
    return view


def _crawl_dates(data: BriefData) -> str:
    start, end = data.crawl_started, data.crawl_finished
    if start is None and end is None:
        checked = [o.checked_at for o in data.findings if o.checked_at is not None]
        if not checked:
            return "—"
        start, end = min(checked), max(checked)
    if start is None or end is None:
        return datetime_ru(start or end, data.timezone)
    return f"с {datetime_ru(start, data.timezone)} по {datetime_ru(end, data.timezone)}"


def _change_groups(changes: list[Change], orgs: list[OrgView], previous_ids: set[str]) -> list[ChangeGroup]:
    groups: list[ChangeGroup] = []
    for org in orgs:
        group = ChangeGroup(
            org_id=org.org.id, org_name=org.org.name, anchor=org.anchor, new_org=org.org.id not in previous_ids
        )
        for change in changes:
            if change.org_id != org.org.id:
                continue
            if change.kind == ChangeKind.fixed:
                group.fixed.append(change)
            elif change.kind == ChangeKind.improved:
                group.improved.append(change)
            elif change.kind == ChangeKind.regressed:
                group.regressed.append(change)
            elif change.kind == ChangeKind.new:
                group.new.append(change)
        if group.fixed or group.improved or group.regressed or group.new:
            groups.append(group)
    return groups


def share_text(met: int, checked: int) -> str:
    """«4 из 5 (80 %)»."""
    if not checked:
        return "не проверялось"
    return f"{met} из {checked} ({pct(100.0 * met / checked)})"


def conclusions(view: BriefView) -> list[str]:
    """Conclusions generated from the numbers, in the order a methodologist writes them."""
    data = view.data
    n = len(data.findings)
    out: list[str] = []
    kinds = ", ".join(f"{k.value} — {view.kind_counts[k]}" for k in OrgKind if view.kind_counts[k])
    line = (
        f"Проведён мониторинг официальных сайтов {n} "
        f"{plural(n, 'образовательной организации', 'образовательных организаций', 'образовательных организаций')}"
        f" ({kinds}). Проверено {view.reachable} {plural(view.reachable, 'сайт', 'сайта', 'сайтов')}"
    )
    if view.unreachable:
        m = len(view.unreachable)
        line += f"; {m} {plural(m, 'сайт', 'сайта', 'сайтов')} не удалось открыть"
    out.append(line + ".")
    for st in view.stats:
        if st.criterion.id == "section" and st.checked:
            out.append(
                f"Раздел «Наставничество» имеется на {st.met} из {st.checked} проверенных "
                f"{plural(st.checked, 'сайта', 'сайтов', 'сайтов')} ({pct(st.share)}); "
                f"частично соответствует требованиям — на {st.counts[Status.partial]}."
            )
    if view.mean_score is not None:
        line = f"Средний уровень выполнения критериев по округу — {pct(view.mean_score, 1)}"
        zones = [f"«{name}» — {count}" for name, count in view.zone_counts]
        if zones:
            line += f"; организаций по зонам: {', '.join(zones)}"
        out.append(line + ".")
    gaps = sorted(
        (st for st in view.stats if st.checked),
        key=lambda st: (-(st.counts[Status.not_met] + st.counts[Status.partial]), st.criterion.id),
    )
    gaps = [st for st in gaps if st.counts[Status.not_met] + st.counts[Status.partial] > 0][:3]
    if gaps:
        items = [
            f"«{st.criterion.title}» (не выполнено у {st.counts[Status.not_met]}, "
            f"частично у {st.counts[Status.partial]} из {st.checked})"
            for st in gaps
        ]
        out.append("Наиболее частые недостатки: " + "; ".join(items) + ".")
    best = [st for st in view.stats if st.checked and st.met == st.checked]
    if best:
        out.append(
            "Все проверенные организации выполняют критерии: "
            + ", ".join(f"«{st.criterion.title}»" for st in best)
            + "."
        )
    if view.previous_title is not None:
        t = view.change_totals
        out.append(
            f"По сравнению с мониторингом ({view.previous_title}) исправлено позиций — {t[ChangeKind.fixed]}, "
            f"улучшено — {t[ChangeKind.improved]}, ухудшилось — {t[ChangeKind.regressed]}, "
            f"новых позиций — {t[ChangeKind.new]}."
        )
    manual = sum(c.manual for o in view.orgs for c in o.cells)
    if manual:
        out.append(f"Оценки по {manual} {plural(manual, 'позиции', 'позициям', 'позициям')} уточнены ИДК вручную.")
    if view.unreachable:
        items = [f"{o.org.name} ({o.org.failure_reason or 'причина не установлена'})" for o in view.unreachable]
        out.append(
            "Не удалось проверить сайты (в расчёт долей «не выполнено» не включались): " + "; ".join(items) + "."
        )
    return out


def generated_stamp(moment: datetime, tz: str) -> str:
    return datetime_ru(moment, tz)
