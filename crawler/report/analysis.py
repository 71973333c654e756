"""Numbers behind the brief: changes between periods, shares, conclusions, recommendations.

Everything here is computed from BriefData only, so the HTML, the DOCX, the exports and the letters
show the same figures. Unreachable sites (status «не удалось проверить») are never counted as «не
выполнено»: shares are taken over the organizations actually checked for a criterion.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, datetime
from urllib.parse import unquote

from pydantic import BaseModel, Field

from crawler.evaluate.scoring import percent, weighted_points, zone_for
from crawler.models import (
    STATUS_POINTS,
    STATUS_RU,
    CountFact,
    FactSource,
    OrgFindings,
    OrgKind,
    RuleResult,
    Status,
)
from crawler.report.district import COUNT_GEN, COUNTS, DistrictView, build_district
from crawler.report.model import (
    MARKS,
    BriefData,
    Change,
    ChangeKind,
    Criterion,
    PeriodSummary,
    RegistryItem,
    date_ru,
    datetime_ru,
    district_genitive,
    local,
    local_date,
    next_monitoring,
    pct,
    period_ru,
    plural,
    round_half_up,
    safe_slug,
    time_ru,
    tz_label,
)
from crawler.report.wording import (
    Failure,
    clean_note,
    partial_reasons,
    quote_text,
    site_failure,
    tidy_title,
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
            share[crit.id] = round_half_up(100.0 * sum(s == Status.met for s in checked) / len(checked), 1)
    mean = round_half_up(sum(scores) / len(scores), 1) if scores else None
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
    fetched_local: datetime | None = None  # the same moment in the district's time zone, naive (for XLSX)
    doc_no: int | None = None  # number of the document in the organization's table of the appendix

    @property
    def shown_url(self) -> str:
        """The address as a person reads it (Cyrillic paths decoded); the link keeps the real one."""
        return unquote(self.url)


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

    @property
    def other_remarks(self) -> list[str]:
        """Remarks other than the missing signature mark (the appendix's table of documents shows that)."""
        return [r for r in self.remarks if _UNSIGNED not in r]


class DocView(BaseModel):
    url: str
    final_url: str | None = None
    no: int | None = None  # its number in the appendix's table (documents of the mentoring system only)
    type_ru: str
    title: str
    approved_on: str
    number: str
    signed: str
    archived_href: str | None = None
    error: str | None = None
    mentoring: bool = True  # classified as a document of the mentoring system (not «прочее»)

    @property
    def requisites(self) -> str:
        """«от 01.09.2025 № 41-од», «—» without either."""
        bits = [
            f"от {self.approved_on}" if self.approved_on != "—" else "",
            f"№ {self.number}" if self.number != "—" else "",
        ]
        return " ".join(b for b in bits if b) or "—"


class AttemptView(BaseModel):
    url: str
    at: str
    status: int | None = None
    error: str | None = None


class RecommendationView(BaseModel):
    """One thing an organization must fix (its letter lists them all, with the evidence)."""

    criterion: Criterion | None
    status: Status | None
    text: str  # what is wrong (the full note: addresses and titles are the letter's evidence)
    advice: str  # what to do
    reasons: list[str] = Field(default_factory=list)  # short reasons of a partial verdict


class RecOrg(BaseModel):
    index: int
    name: str
    org_id: str
    anchor: str
    status: Status | None = None
    note: str = ""  # a short reason, for the site-availability item


class RecSubgroup(BaseModel):
    reason: str  # «срок действия документа истёк»; "" when the note names no known reason
    orgs: list[RecOrg]


class RecGroup(BaseModel):
    """One recommendation of the signed brief: what must be done, and by whom."""

    key: str  # criterion id, or «site», «pages», «signature»
    title: str  # the criterion's title; "" for the general items
    action: str  # what the organizations that lack it must do
    missing: list[RecOrg] = Field(default_factory=list)  # «не выполнено»: they must do `action`
    partial_action: str = ""
    partial: list[RecSubgroup] = Field(default_factory=list)  # «частично», grouped by what is wrong


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
    checked_local: datetime | None = None  # naive, in the district's time zone (a real date in XLSX)
    recheck_at: str | None = None
    failure: Failure | None = None  # why the site could not be checked: plain words and the technical detail
    attempts: list[AttemptView] = Field(default_factory=list)
    documents: list[DocView] = Field(default_factory=list)
    recommendations: list[RecommendationView] = Field(default_factory=list)
    changes: list[Change] = Field(default_factory=list)  # only real changes (new/fixed/improved/regressed)
    facts_lines: list[str] = Field(default_factory=list)  # the district data and where each number comes from

    @property
    def score_text(self) -> str:
        return pct(self.score, 1 if self.score is not None and self.score % 1 else 0)

    @property
    def mentoring_documents(self) -> list[DocView]:
        return [d for d in self.documents if d.mentoring]

    @property
    def other_documents(self) -> int:
        return sum(not d.mentoring for d in self.documents)

    @property
    def section_state(self) -> str:
        """What the appendix says of the section when it has no address: found nowhere, or the documents live
        elsewhere (the «Раздел» criterion is then «частично», not «не найден»)."""
        if self.org.section_url:
            return ""
        section = next((c for c in self.cells if c.criterion.id == "section"), None)
        if section is not None and section.status == Status.partial:
            return "отдельного раздела нет; документы о наставничестве размещены в других разделах сайта"
        return "не найден"

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
    rec_groups: list[RecGroup] = Field(default_factory=list)
    brief_date: date
    checked_on: str = ""  # «29.11.2026» or «с 12.05.2026 по 14.05.2026»: the dates sites were fetched
    reevaluated: bool = False  # the evaluation date (--today) lies outside the crawl dates
    appendix_name: str = ""  # file name of the appendix (prilozhenie-YYYY-MM.html), links of the brief go there
    district: DistrictView | None = None  # forms of mentoring and numbers of participants (items 5.2, 5.5)

    @property
    def practices(self) -> list[RegistryItem]:
        return self.data.practices

    @property
    def new_practices(self) -> list[RegistryItem]:
        return [p for p in self.data.practices if p.new]

    @property
    def appendix_href(self) -> str:
        return self.appendix_name

    def link(self, anchor: str) -> str:
        """A link from the brief to the appendix (the evidence of a mark, an organization's details)."""
        return f"{self.appendix_name}#{anchor}" if self.appendix_name else f"#{anchor}"

    @property
    def changed_groups(self) -> list[ChangeGroup]:
        """Organizations of both monitorings whose marks changed (one row each in the brief)."""
        return [g for g in self.change_groups if not g.new_org]

    @property
    def new_orgs(self) -> list[ChangeGroup]:
        """Organizations the previous monitoring did not have (named in one sentence)."""
        return [g for g in self.change_groups if g.new_org]

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
    note = clean_note(_strip_status(rule.note, status)) if rule is not None else "критерий не оценивался"
    if not org.reachable:
        # the evaluation's note repeats every attempt (with UTC times); the site's reason says it once
        failure = site_failure(org.failure_reason)
        note = f"сайт недоступен: {failure.plain}" + (f" ({failure.detail})" if failure.detail else "")
    evidence = [
        EvidenceView(
            url=ev.url,
            title=tidy_title(ev.title) or None,
            quote=quote_text(ev.quote) or None,
            archived_href=_archive_href(data.archive_dir, ev.archived, data.archive_ext),
            fetched_at=datetime_ru(ev.fetched_at, data.timezone) if ev.fetched_at else "",
            fetched_local=local(ev.fetched_at, data.timezone).replace(tzinfo=None) if ev.fetched_at else None,
        )
        for ev in (rule.evidence if rule is not None and org.reachable else [])
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


SITE_ADVICE = (
    "Обеспечить доступность официального сайта (проверить домен, сертификат, работу хостинга) и сообщить в ИДК "
    "для повторной проверки"
)
PAGES_ADVICE = (
    "Обеспечить открытие страниц о наставничестве (при проверке они не открылись, часть критериев не удалось "
    "проверить) и сообщить в ИДК для повторной проверки"
)
SIGNATURE_ADVICE = "Размещать документы о наставничестве с отметкой об электронной подписи руководителя"
PARTIAL_ACTION = "Устранить замечания"


def advice_of(criterion: Criterion) -> str:
    return (criterion.advice or f"Разместить материалы по критерию «{criterion.title}»").strip().rstrip(".")


def _recommendations(org: OrgFindings, cells: list[CellView]) -> list[RecommendationView]:
    if not org.reachable:
        failure = site_failure(org.failure_reason)
        detail = f" ({failure.detail})" if failure.detail else ""
        return [
            RecommendationView(
                criterion=None,
                status=None,
                text=f"Официальный сайт не удалось открыть при мониторинге: {failure.plain}{detail}.",
                advice=SITE_ADVICE + ".",
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
                advice=advice_of(cell.criterion) + ".",
                reasons=partial_reasons(cell.note) if cell.status == Status.partial else [],
            )
        )
    return recs


def _rec_org(o: OrgView, status: Status | None = None, note: str = "") -> RecOrg:
    return RecOrg(index=o.index, name=o.org.name, org_id=o.org.id, anchor=o.anchor, status=status, note=note)


def _rec_groups(orgs: list[OrgView], criteria: list[Criterion]) -> list[RecGroup]:
    """The signed brief's recommendations: one item per thing to do, naming the organizations that must do it
    (the letters carry each organization's details)."""
    groups: list[RecGroup] = []
    reachable = [o for o in orgs if o.org.reachable]
    for crit in criteria:
        missing: list[RecOrg] = []
        partial: dict[str, list[RecOrg]] = {}
        for o in reachable:
            cell = next((c for c in o.cells if c.criterion.id == crit.id), None)
            if cell is None or not cell.evaluated:
                continue
            if cell.status == Status.not_met:
                missing.append(_rec_org(o, Status.not_met))
            elif cell.status == Status.partial:
                reason = "; ".join(partial_reasons(cell.note))
                partial.setdefault(reason, []).append(_rec_org(o, Status.partial))
        if not missing and not partial:
            continue
        groups.append(
            RecGroup(
                key=crit.id,
                title=crit.title,
                action=advice_of(crit),
                missing=missing,
                partial_action=PARTIAL_ACTION,
                # known reasons first, in the order of their first organization; unnamed ones last
                partial=[RecSubgroup(reason=r, orgs=os) for r, os in sorted(partial.items(), key=lambda x: not x[0])],
            )
        )
    lost = [
        _rec_org(o, Status.unknown)
        for o in reachable
        if any(c.status == Status.unknown and c.evaluated for c in o.cells)
    ]
    if lost:
        groups.append(RecGroup(key="pages", title="", action=PAGES_ADVICE, missing=lost))
    down = [o for o in orgs if not o.org.reachable]
    if down:
        groups.append(
            RecGroup(
                key="site",
                title="",
                action=SITE_ADVICE,
                missing=[_rec_org(o, None, o.failure.plain if o.failure else "") for o in down],
            )
        )
    unsigned = [_rec_org(o) for o in reachable if any(_UNSIGNED in r for c in o.cells for r in c.remarks)]
    if unsigned:
        groups.append(RecGroup(key="signature", title="", action=SIGNATURE_ADVICE, missing=unsigned))
    return groups


_UNSIGNED = "нет отметки об электронной подписи"


def _org_view(index: int, org: OrgFindings, anchor: str, data: BriefData, changes: list[Change]) -> OrgView:
    cells = [_cell(org, anchor, crit, data) for crit in data.criteria]
    got, total = org_points(org, data.criteria)
    score = org_score(org, data.criteria)
    zone = org.zone or zone_for(score, data.zones)
    zone_names = [z[0] for z in data.zones]
    docs = [
        DocView(
            url=doc.url,
            final_url=doc.final_url,
            type_ru=DOC_TYPE_RU.get(doc.type or "", "вид не определён"),
            title=tidy_title(doc.title),
            approved_on=date_ru(doc.approved_on) if doc.approved_on else "—",
            number=doc.number or "—",
            signed={True: "есть", False: "нет", None: "—"}[doc.signed],
            archived_href=_archive_href(data.archive_dir, doc.sha256, data.archive_ext),
            error=doc.error,
            # an unreadable file counts when its label speaks of mentoring (it may be what a criterion seeks)
            mentoring=doc.type not in (None, "", "other")
            or bool(doc.error and re.search(r"наставни|куратор", doc.title or doc.url, re.I)),
        )
        for doc in org.documents
    ]
    numbered: dict[str, int] = {}
    for no, doc in enumerate((d for d in docs if d.mentoring), 1):
        doc.no = no
        for url in (doc.url, doc.final_url):
            if url:
                numbered.setdefault(url, no)
    for cell in cells:
        for ev in cell.evidence:
            ev.doc_no = numbered.get(ev.url)
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
        checked_local=local(org.checked_at, data.timezone).replace(tzinfo=None) if org.checked_at else None,
        recheck_at=datetime_ru(recheck, data.timezone) if recheck else None,
        failure=None if org.reachable else site_failure(org.failure_reason),
        attempts=[
            AttemptView(url=a.url, at=datetime_ru(a.at, data.timezone), status=a.status, error=a.error)
            for a in org.attempts
        ],
        documents=docs,
        recommendations=_recommendations(org, cells),
        changes=[c for c in changes if c.org_id == org.id and c.kind not in _QUIET_CHANGES],
        facts_lines=facts_lines(org, numbered),
    )


_QUIET_CHANGES = (ChangeKind.unchanged, ChangeKind.incomparable)


def _refs(sources: list[FactSource], numbered: dict[str, int]) -> str:
    """«документ 3, документ 4» (numbers of the appendix's table), or the page's title."""
    out: list[str] = []
    for source in sources:
        no = numbered.get(source.url)
        ref = f"документ {no}" if no else f"«{tidy_title(source.title) or unquote(source.url)}»"
        if source.ocr:
            ref += ", скан"
        if ref not in out:
            out.append(ref)
    return ", ".join(out)


def facts_lines(org: OrgFindings, numbered: dict[str, int]) -> list[str]:
    """What the appendix says of an organization's district data (items 5.2, 5.5): each number of the monitoring's
    academic year with its documents, the other values other documents give, forms and the curator's position."""
    facts = org.facts
    if facts is None or not org.reachable:
        return []
    lines: list[str] = []
    year = facts.current
    if year is not None:
        parts = []
        for what in COUNTS:
            fact: CountFact | None = getattr(year, what)
            if fact is None:
                continue
            text = f"{COUNT_GEN[what]} — {fact.value} ({_refs(fact.sources, numbered)})"
            for other in fact.other_values:
                text += f"; по другому документу — {other.value} ({_refs(other.sources, numbered)})"
            parts.append(text)
        if parts:
            lines.append(f"На {year.academic_year} уч. г.: " + "; ".join(parts) + ".")
        forms = [f"{f.form} — {f.count}" for f in year.forms if not f.pupils]
        if forms:
            lines.append("Пары и группы по формам: " + ", ".join(forms) + ".")
    else:
        older = ", ".join(y.academic_year for y in facts.years)
        lines.append(
            f"Чисел на {facts.academic_year} уч. г. в документах нет"
            + (f" (есть за {older} уч. г.; в выгрузке сведений)." if older else ".")
        )
    if facts.forms:
        lines.append("Формы наставничества педагогов в документах: " + ", ".join(f.form for f in facts.forms) + ".")
    if facts.pupil_forms:
        lines.append("Формы наставничества обучающихся: " + ", ".join(f.form for f in facts.pupil_forms) + ".")
    if facts.curator is not None:
        lines.append(f"Должность куратора: {facts.curator.position} ({_refs([facts.curator.source], numbered)}).")
    lines.extend(facts.notes)
    return lines


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


def build_view(data: BriefData, appendix_name: str = "") -> BriefView:
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
        rec_groups=_rec_groups(orgs, data.criteria),
        brief_date=brief_date(data),
        checked_on=_checked_on(data),
        reevaluated=_reevaluated(data),
        appendix_name=appendix_name,
        district=build_district(
            findings, data.today, data.previous, period_ru(data.previous_period) if data.previous_period else None
        ),
    )
    view.conclusions = conclusions(view)
    return view


def _fetch_range(data: BriefData) -> tuple[datetime, datetime] | None:
    start, end = data.crawl_started, data.crawl_finished
    if start is None and end is None:
        checked = [o.checked_at for o in data.findings if o.checked_at is not None]
        if not checked:
            return None
        start, end = min(checked), max(checked)
    start = start or end
    end = end or start
    assert start is not None and end is not None
    return start, end


def brief_date(data: BriefData) -> date:
    """The date of the brief: not before its last check, not before the date the documents are judged on."""
    return max(data.dated, data.today) if data.brief_date is None else data.brief_date


def _crawl_dates(data: BriefData) -> str:
    """«Сроки проведения»: the dates of the first and the last fetch; the times only when that is one day."""
    span = _fetch_range(data)
    if span is None:
        return "—"
    start, end = span
    tz = data.timezone
    first, last = local_date(start, tz), local_date(end, tz)
    if first != last:
        return f"с {date_ru(first)} по {date_ru(last)}"
    times = time_ru(start, tz) if time_ru(start, tz) == time_ru(end, tz) else f"{time_ru(start, tz)}–{time_ru(end, tz)}"
    return f"{date_ru(first)}, {times} ({tz_label(tz, end)})"


def _checked_on(data: BriefData) -> str:
    span = _fetch_range(data)
    if span is None:
        return ""
    first, last = (local_date(t, data.timezone) for t in span)
    return date_ru(first) if first == last else f"с {date_ru(first)} по {date_ru(last)}"


def _reevaluated(data: BriefData) -> bool:
    """The documents were judged on another date than the one the sites were fetched (--today, a rebuild)."""
    span = _fetch_range(data)
    if span is None:
        return False
    first, last = (local_date(t, data.timezone) for t in span)
    return not first <= data.today <= last


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
    out.extend(district_conclusions(view))
    manual = sum(c.manual for o in view.orgs for c in o.cells)
    if manual:
        out.append(f"Оценки по {manual} {plural(manual, 'позиции', 'позициям', 'позициям')} уточнены ИДК вручную.")
    if view.unreachable:
        items = [
            f"{o.org.name} ({o.failure.plain if o.failure else 'причина не установлена'})" for o in view.unreachable
        ]
        out.append(
            "Не удалось проверить сайты (в расчёт долей «не выполнено» не включались): " + "; ".join(items) + "."
        )
    return out


def counts_text(sums: dict[str, int | None]) -> str:
    """«наставников — 15, наставляемых — 19, пар — 13, групп — 1» (numbers not given are left out)."""
    return ", ".join(f"{COUNT_GEN[w]} — {sums[w]}" for w in COUNTS if sums.get(w) is not None)


def district_conclusions(view: BriefView) -> list[str]:
    """What the district data (items 5.2, 5.5) and the registry of practices (item 4.1) add to the conclusions."""
    out: list[str] = []
    district = view.district
    if district is not None:
        total = district.district
        n = len(district.rows)
        if district.with_data:
            line = (
                f"По документам организаций на {district.academic_year} учебный год: {counts_text(total.sums)} "
                f"(сведения есть у {district.with_data} из {n} "
                f"{plural(n, 'организации', 'организаций', 'организаций')}"
            )
            if district.disputed:
                k = district.disputed
                line += f"; документы расходятся в {k} {plural(k, 'числе', 'числах', 'числах')}"
            out.append(line + ").")
        else:
            out.append(
                f"Числа наставников, наставляемых и пар на {district.academic_year} учебный год в документах "
                "организаций не указаны."
            )
    if view.practices:
        m = len(view.practices)
        line = f"В реестр практик наставничества включено {m} {plural(m, 'материал', 'материала', 'материалов')}"
        if view.previous_title is not None:
            k = len(view.new_practices)
            line += f", из них новых с прошлого мониторинга — {k}"
        out.append(line + ".")
    return out


def generated_stamp(moment: datetime, tz: str) -> str:
    return datetime_ru(moment, tz)
