"""The summary of a region's monitoring (svodka-YYYY-MM.html/.docx): the districts side by side.

A regional run writes one brief per district (each a document its ИДК signs); this summary is the one page a
regional institute reads first: every district's share of organizations meeting each criterion, its mean
level and change since the last monitoring, and the organizations that need attention most. Everything is
taken from the districts' own brief views, so the summary agrees with the briefs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH

from crawler.report.analysis import BriefView, OrgView
from crawler.report.model import ChangeKind, Criterion, date_ru, pct

WORST = 20  # organizations listed as needing attention most


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
class RegionView:
    region: str
    period_title: str
    brief_date: str
    criteria: list[Criterion]
    rows: list[DistrictRow]
    total: DistrictRow
    worst: list[tuple[str, OrgView]]  # (district, organization), lowest level first
    unreachable: int
    issuer: str
    office: str
    basis: str
    signatory_position: str
    signatory_name: str
    executor: str


def _row(name: str, views: list[BriefView], criteria: list[Criterion]) -> DistrictRow:
    orgs = [o for v in views for o in v.orgs]
    scores = [o.score for o in orgs if o.score is not None]
    shares: list[float | None] = []
    for crit in criteria:
        stats = [s for v in views for s in v.stats if s.criterion.id == crit.id]
        checked = sum(s.checked for s in stats)
        shares.append(100.0 * sum(s.met for s in stats) / checked if checked else None)
    previous = [v.trend[-1].mean_score for v in views if v.data.previous_period and v.trend and v.trend[-1].mean_score]
    return DistrictRow(
        name=name,
        organizations=len(orgs),
        checked=sum(1 for o in orgs if o.org.reachable),
        mean_score=sum(scores) / len(scores) if scores else None,
        previous_mean=sum(previous) / len(previous) if previous else None,
        shares=shares,
        fixed=sum(v.change_totals.get(ChangeKind.fixed, 0) for v in views),
        regressed=sum(v.change_totals.get(ChangeKind.regressed, 0) for v in views),
    )


def build_region_view(views: list[BriefView], region: str) -> RegionView:
    first = views[0]
    criteria = first.data.criteria
    rows = [_row(v.data.district, [v], criteria) for v in views]
    worst = sorted(
        ((v.data.district, o) for v in views for o in v.orgs if o.score is not None),
        key=lambda pair: (pair[1].score or 0.0, pair[1].org.name),
    )[:WORST]
    data = first.data
    return RegionView(
        region=region,
        period_title=first.period_title,
        brief_date=date_ru(max(v.brief_date for v in views)),
        criteria=criteria,
        rows=rows,
        total=_row("Итого по региону", views, criteria),
        worst=worst,
        unreachable=sum(len(v.unreachable) for v in views),
        issuer=data.issuer,
        office=data.office,
        basis=data.basis,
        signatory_position=data.signatory_position,
        signatory_name=data.signatory_name,
        executor=data.executor,
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
    _para(doc, view.issuer.upper(), bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    _para(doc, view.office, align=WD_ALIGN_PARAGRAPH.CENTER)
    _para(doc, "")
    _para(doc, "СВОДНАЯ ИНФОРМАЦИЯ", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    _para(
        doc,
        f"по итогам мониторинга официальных сайтов образовательных организаций: {view.region} ({view.period_title})",
        bold=True,
        align=WD_ALIGN_PARAGRAPH.CENTER,
    )
    _para(doc, view.brief_date)
    _labelled(doc, "Основание:", view.basis + ".")
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
    rows = [[district, o.org.name, o.score_text] for district, o in view.worst]
    _table(doc, ["Округ", "Организация", "Уровень"], rows, [45, 110, 25], size=10, center=[2])
    if view.unreachable:
        add_paragraph(
            doc, f"Сайты не удалось проверить у {view.unreachable} организаций (перечни — в справках округов)."
        )
    _signature(doc, view.signatory_position, view.signatory_name)
    _executor(doc, view.executor)
    doc.save(str(path))
    return path


def write_region_summary(views: list[BriefView], region: str, out_dir: Path) -> dict[str, Path]:
    view = build_region_view(views, region)
    period = views[0].data.period
    html = out_dir / f"svodka-{period}.html"
    html.write_text(render_region_html(view), encoding="utf-8")
    return {"region_html": html, "region_docx": write_region_docx(view, out_dir / f"svodka-{period}.docx")}
