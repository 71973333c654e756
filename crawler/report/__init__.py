"""The monitoring brief («информационная справка») and its companions.

write_brief() renders, from one BriefData, the signed brief (HTML and its DOCX twin: title to signature, about
six to eight pages), its appendix (the evidence of every verdict, HTML and DOCX), the CSV/XLSX matrix and one
letter per organization (HTML + DOCX). All numbers come from crawler.report.analysis, so every format agrees
with the others.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment

from crawler.report.analysis import BriefView, build_view, compute_changes, summarize
from crawler.report.annual import AnnualData, build_annual_view
from crawler.report.annual_docx import write_annual_docx
from crawler.report.district import export_rows
from crawler.report.docx_writer import write_appendix_docx, write_brief_docx, write_letter_docx
from crawler.report.exports import (
    write_csv,
    write_district_csv,
    write_district_xlsx,
    write_registry_xlsx,
    write_xlsx,
)
from crawler.report.model import BriefData, Change, ChangeKind, Criterion, PeriodSummary, date_ru, safe_slug
from crawler.report.practices import RegistryItem
from crawler.report.render import (
    archive_hrefs,
    environment,
    render_annual_html,
    render_appendix_html,
    render_brief_html,
    render_letter_html,
    render_registry_html,
)

__all__ = [
    "AnnualData",
    "BriefData",
    "BriefView",
    "Change",
    "ChangeKind",
    "Criterion",
    "PeriodSummary",
    "annual_name",
    "appendix_name",
    "build_view",
    "compute_changes",
    "district_name",
    "letter_name",
    "registry_name",
    "summarize",
    "write_annual",
    "write_brief",
    "write_brief_and_view",
]


def letter_name(org_id: str) -> str:
    """File stem of an organization's letter (ids are sanitized: they end up in paths)."""
    return safe_slug(org_id)


def appendix_name(period: str) -> str:
    """File stem of the appendix to a period's brief («Приложение к справке»)."""
    return f"prilozhenie-{period}"


def district_name(period: str) -> str:
    """File stem of the district data of a period (items 5.2, 5.5): svedeniya-YYYY-MM.csv/.xlsx."""
    return f"svedeniya-{period}"


def registry_name(period: str) -> str:
    """File stem of the registry of practices as of a period (item 4.1): reestr-praktik-YYYY-MM.html/.xlsx."""
    return f"reestr-praktik-{period}"


def write_brief(data: BriefData, out_dir: Path, suffix: str = "") -> dict[str, Path]:
    """Write every output of the period into out_dir and return their paths.

    Keys: html, docx (the signed brief), appendix_html, appendix_docx, csv, xlsx, district_csv, district_xlsx
    (items 5.2, 5.5), registry_html, registry_xlsx (the registry of practices, item 4.1), letters_dir, and
    letter_html:<org_id> / letter_docx:<org_id> per organization. `suffix` (e.g. «-tonkinskiy-mo») names one
    district's set of a regional run; the letters of every district share letters-YYYY-MM/.
    """
    return write_brief_and_view(data, out_dir, suffix)[0]


def write_brief_and_view(data: BriefData, out_dir: Path, suffix: str = "") -> tuple[dict[str, Path], BriefView]:
    """write_brief(), and the view the outputs were rendered from (a region's summary takes its figures)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    period = data.period
    appendix = appendix_name(period) + suffix
    view = build_view(data, appendix_name=f"{appendix}.html")
    env = environment()
    paths: dict[str, Path] = {}

    html_path = out_dir / f"spravka-{period}{suffix}.html"
    html_path.write_text(render_brief_html(view, env), encoding="utf-8")
    paths["html"] = html_path
    paths["docx"] = write_brief_docx(view, out_dir / f"spravka-{period}{suffix}.docx")
    appendix_path = out_dir / f"{appendix}.html"
    appendix_path.write_text(render_appendix_html(view, env), encoding="utf-8")
    paths["appendix_html"] = appendix_path
    paths["appendix_docx"] = write_appendix_docx(view, out_dir / f"{appendix}.docx")
    paths["csv"] = write_csv(view, out_dir / f"matrix-{period}{suffix}.csv")
    paths["xlsx"] = write_xlsx(view, out_dir / f"matrix-{period}{suffix}.xlsx")
    rows = export_rows(data.findings, data.district, period, data.today, data.timezone)
    paths.update(_district_data(rows, out_dir / f"{district_name(period)}{suffix}"))
    paths.update(
        _practices_registry(
            data.practices,
            data.district,
            out_dir / f"{registry_name(period)}{suffix}",
            title_period=f"по итогам мониторинга сайтов, {view.period_title}",
            periods={period},
            mark=f"Реестр к информационной справке<br>от {date_ru(view.brief_date)}",
            org_names=[o.name for o in data.findings],
            archive_dir=data.archive_dir,
            archive_ext=data.archive_ext,
            env=env,
        )
    )

    letters = out_dir / f"letters-{period}"
    letters.mkdir(exist_ok=True)
    paths["letters_dir"] = letters
    used: set[str] = set()
    for org in view.orgs:
        stem = letter_name(org.org.id)
        if stem in used:  # registry ids are unique and file-safe; guard anyway against a clash after sanitizing
            stem = f"{stem}-{org.index}"
        used.add(stem)
        html_letter = letters / f"{stem}.html"
        html_letter.write_text(render_letter_html(view, org, env), encoding="utf-8")
        paths[f"letter_html:{org.org.id}"] = html_letter
        paths[f"letter_docx:{org.org.id}"] = write_letter_docx(view, org, letters / f"{stem}.docx")
    return paths, view


def annual_name(year: int) -> str:
    """File stem of the annual analytic report (item 5.6): otchet-YYYY.html/.docx."""
    return f"otchet-{year}"


def write_annual(
    data: AnnualData, out_dir: Path, archive_dir: str | None = None, archive_ext: dict[str, str] | None = None
) -> dict[str, Path]:
    """The annual report and its companions: otchet-YYYY.html/.docx, svedeniya-YYYY.csv/.xlsx (the district data
    of every monitoring of the year, the column layout of the periods' exports) and reestr-praktik-YYYY.html/.xlsx.

    Keys: html, docx, district_csv, district_xlsx, registry_html, registry_xlsx.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    view = build_annual_view(data)
    env = environment()
    stem = annual_name(data.year)
    paths: dict[str, Path] = {}
    html = out_dir / f"{stem}.html"
    html.write_text(render_annual_html(view, env), encoding="utf-8")
    paths["html"] = html
    paths["docx"] = write_annual_docx(view, out_dir / f"{stem}.docx")
    rows = [
        row
        for m in data.monitorings
        for row in export_rows(m.data.findings, m.data.district, m.data.period, m.data.today, m.data.timezone)
    ]
    paths.update(_district_data(rows, out_dir / district_name(str(data.year))))
    paths.update(
        _practices_registry(
            data.practices,
            data.district,
            out_dir / registry_name(str(data.year)),
            title_period=f"по итогам мониторингов сайтов за {data.year} год",
            periods=set(data.periods),
            mark=f"Реестр к аналитическому отчёту<br>за {data.year} год",
            org_names=[o.name for o in view.orgs],
            archive_dir=archive_dir,
            archive_ext=archive_ext or {},
            env=env,
        )
    )
    return paths


def _district_data(rows: list[dict[str, object]], stem: Path) -> dict[str, Path]:
    """The district data of items 5.2, 5.5 as <stem>.csv and <stem>.xlsx."""
    return {
        "district_csv": write_district_csv(rows, stem.with_name(stem.name + ".csv")),
        "district_xlsx": write_district_xlsx(rows, stem.with_name(stem.name + ".xlsx")),
    }


def _practices_registry(
    practices: list[RegistryItem],
    district: str,
    stem: Path,
    *,
    title_period: str,
    periods: set[str],
    mark: str,
    org_names: list[str],
    archive_dir: str | None,
    archive_ext: dict[str, str],
    env: Environment,
) -> dict[str, Path]:
    """The registry of practices (item 4.1) as <stem>.html and <stem>.xlsx; `periods` are the monitorings it
    covers besides those its items were seen in."""
    html = stem.with_name(stem.name + ".html")
    html.write_text(
        render_registry_html(
            practices,
            district=district,
            title_period=title_period,
            periods=sorted({p for item in practices for p in item.periods} | periods),
            mark=mark,
            org_names=org_names,
            archive_dir=archive_dir,
            archive_ext=archive_ext,
            env=env,
        ),
        encoding="utf-8",
    )
    hrefs = archive_hrefs(practices, archive_dir, archive_ext)
    xlsx = write_registry_xlsx(list(practices), district, hrefs, stem.with_name(stem.name + ".xlsx"))
    return {"registry_html": html, "registry_xlsx": xlsx}
