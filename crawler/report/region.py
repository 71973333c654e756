"""The summary of a region's monitoring (svodka-YYYY-MM.html/.docx): the districts side by side.

A regional run writes one brief per district (each a document its ИДК signs); this summary is the one page a
regional institute reads first: every district's share of organizations meeting each criterion, its mean
level and change since the last monitoring, and the organizations that need attention most. Everything is
taken from the districts' own brief views, so the summary agrees with the briefs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH

from crawler.report.analysis import BriefView
from crawler.report.model import ChangeKind, Criterion, date_ru, pct

WORST = 20  # organizations listed as needing attention most


@dataclass(frozen=True)
class Masthead:
    """Who issues and signs: the first district's brief settings (one regional run, one set of settings)."""

    issuer: str
    office: str
    basis: str
    signatory_position: str
    signatory_name: str
    executor: str


@dataclass(frozen=True)
class DistrictDigest:
    """What the region's summary takes from one district's brief: small and picklable, so that each district's
    brief can be written in its own process and let go."""

    name: str
    period: str
    period_title: str
    brief_date: date
    criteria: list[Criterion]
    organizations: int
    checked: int  # sites that could be read
    scores: list[float]
    previous_mean: float | None
    met: list[int]  # per criterion: organizations that meet it
    rated: list[int]  # per criterion: organizations it could be checked at
    fixed: int
    regressed: int
    worst: list[tuple[str, float, str]]  # (organization, level, level as printed), lowest first
    unreachable: int
    masthead: Masthead  # who issues and signs


def digest(view: BriefView) -> DistrictDigest:
    data = view.data
    stats = {s.criterion.id: s for s in view.stats}
    scored = sorted((o for o in view.orgs if o.score is not None), key=lambda o: (o.score or 0.0, o.org.name))
    return DistrictDigest(
        name=data.district,
        period=data.period,
        period_title=view.period_title,
        brief_date=view.brief_date,
        criteria=data.criteria,
        organizations=len(view.orgs),
        checked=sum(1 for o in view.orgs if o.org.reachable),
        scores=[o.score for o in view.orgs if o.score is not None],
        previous_mean=view.trend[-1].mean_score if data.previous_period and view.trend else None,
        met=[stats[c.id].met if c.id in stats else 0 for c in data.criteria],
        rated=[stats[c.id].checked if c.id in stats else 0 for c in data.criteria],
        fixed=view.change_totals.get(ChangeKind.fixed, 0),
        regressed=view.change_totals.get(ChangeKind.regressed, 0),
        worst=[(o.org.name, o.score or 0.0, o.score_text) for o in scored[:WORST]],
        unreachable=len(view.unreachable),
        masthead=Masthead(
            data.issuer, data.office, data.basis, data.signatory_position, data.signatory_name, data.executor
        ),
    )


@dataclass(frozen=True)
class DistrictRow:
    name: str
    organizations: int
    checked: int  # sites that could be read
    mean_score: float | None
    previous_mean: float | None
    shares: list[float | None]  # per criterion, % of checked organizations that meet it
    fixed: int
    regressed: int


@dataclass(frozen=True)
class Lowest:
    district: str
    name: str
    score_text: str


@dataclass(frozen=True)
class RegionView:
    region: str
    period_title: str
    brief_date: str
    criteria: list[Criterion]
    rows: list[DistrictRow]
    total: DistrictRow
    worst: list[Lowest]  # lowest level first
    unreachable: int
    masthead: Masthead  # who issues and signs


def _row(name: str, digests: list[DistrictDigest], criteria: list[Criterion]) -> DistrictRow:
    scores = [s for d in digests for s in d.scores]
    shares: list[float | None] = []
    for i in range(len(criteria)):
        rated = sum(d.rated[i] for d in digests)
        shares.append(100.0 * sum(d.met[i] for d in digests) / rated if rated else None)
    previous = [d.previous_mean for d in digests if d.previous_mean]
    return DistrictRow(
        name=name,
        organizations=sum(d.organizations for d in digests),
        checked=sum(d.checked for d in digests),
        mean_score=sum(scores) / len(scores) if scores else None,
        previous_mean=sum(previous) / len(previous) if previous else None,
        shares=shares,
        fixed=sum(d.fixed for d in digests),
        regressed=sum(d.regressed for d in digests),
    )


def build_region_view(digests: list[DistrictDigest], region: str) -> RegionView:
    first = digests[0]
    criteria = first.criteria
    worst = sorted(
        ((d.name, name, score, text) for d in digests for name, score, text in d.worst),
        key=lambda item: (item[2], item[1]),
    )[:WORST]
    return RegionView(
        region=region,
        period_title=first.period_title,
        brief_date=date_ru(max(d.brief_date for d in digests)),
        criteria=criteria,
        rows=[_row(d.name, [d], criteria) for d in digests],
        total=_row("Итого по региону", digests, criteria),
        worst=[Lowest(district, name, text) for district, name, _, text in worst],
        unreachable=sum(d.unreachable for d in digests),
        masthead=first.masthead,
    )


def _level(row: DistrictRow) -> str:
    now = pct(row.mean_score, 1) if row.mean_score is not None else "—"
    if row.previous_mean is None or row.mean_score is None:
        return now
    return f"{now} (было {pct(row.previous_mean, 1)})"


def _table_rows(view: RegionView) -> list[list[str]]:
    return [
        [
            row.name,
            f"{row.checked} из {row.organizations}",
            _level(row),
            *[pct(s, 0) if s is not None else "—" for s in row.shares],
            f"+{row.fixed} / −{row.regressed}",
        ]
        for row in [*view.rows, view.total]
    ]


def _header(view: RegionView) -> list[str]:
    return ["Округ", "Сайты проверены", "Уровень", *[c.title for c in view.criteria], "Исправлено / ухудшилось"]


def render_region_html(view: RegionView) -> str:
    from crawler.report.render import environment

    return (
        environment()
        .get_template("region.html.j2")
        .render(r=view, header=_header(view), rows=_table_rows(view), pct=pct)
    )


def write_region_docx(view: RegionView, path: Path) -> Path:
    from crawler.report.docx_writer import (
        WIDE_WIDTH_MM,
        _executor,
        _heading,
        _labelled,
        _margins,
        _new_section,
        _page_numbers,
        _para,
        _setup_styles,
        _signature,
        _table,
        add_paragraph,
    )

    doc = Document()
    _setup_styles(doc)
    _margins(doc.sections[0], landscape=False)
    _page_numbers(doc)
    _para(doc, view.masthead.issuer.upper(), bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    _para(doc, view.masthead.office, align=WD_ALIGN_PARAGRAPH.CENTER)
    _para(doc, "")
    _para(doc, "СВОДНАЯ ИНФОРМАЦИЯ", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    _para(
        doc,
        f"по итогам мониторинга официальных сайтов образовательных организаций: {view.region} ({view.period_title})",
        bold=True,
        align=WD_ALIGN_PARAGRAPH.CENTER,
    )
    _para(doc, view.brief_date)
    _labelled(doc, "Основание:", view.masthead.basis + ".")
    _labelled(
        doc,
        "Охват:",
        f"округов — {len(view.rows)}, организаций — {view.total.organizations}, сайты проверены у "
        f"{view.total.checked}; по каждому округу составлена информационная справка.",
    )
    _new_section(doc, landscape=True)
    _heading(doc, "1. Доля организаций, выполняющих каждый критерий, по округам", level=1)
    n = len(view.criteria)
    widths = [40.0, 22.0, 26.0, *[(WIDE_WIDTH_MM - 40 - 22 - 26 - 24) / n] * n, 24.0]
    _table(doc, _header(view), _table_rows(view), widths, size=8, center=range(1, n + 4))
    _new_section(doc, landscape=False)
    _heading(doc, f"2. Организации с наименьшим уровнем выполнения (до {WORST})", level=1)
    rows = [[w.district, w.name, w.score_text] for w in view.worst]
    _table(doc, ["Округ", "Организация", "Уровень"], rows, [45, 110, 25], size=10, center=[2])
    if view.unreachable:
        add_paragraph(
            doc, f"Сайты не удалось проверить у {view.unreachable} организаций (перечни — в справках округов)."
        )
    _signature(doc, view.masthead.signatory_position, view.masthead.signatory_name)
    _executor(doc, view.masthead.executor)
    doc.save(str(path))
    return path


def write_region_summary(digests: list[DistrictDigest], region: str, out_dir: Path) -> dict[str, Path]:
    view = build_region_view(digests, region)
    period = digests[0].period
    html = out_dir / f"svodka-{period}.html"
    html.write_text(render_region_html(view), encoding="utf-8")
    return {"region_html": html, "region_docx": write_region_docx(view, out_dir / f"svodka-{period}.docx")}
