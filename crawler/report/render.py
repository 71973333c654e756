"""HTML rendering with Jinja2 (autoescape on for every template: site text is never trusted)."""

from __future__ import annotations

import re
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from crawler import __version__
from crawler.models import STATUS_RU, OrgKind, Status
from crawler.report.analysis import BriefView, OrgView, share_text
from crawler.report.annual import AnnualView
from crawler.report.charts import build_charts
from crawler.report.model import (
    KIND_LONG,
    MARKS,
    MOSCOW,
    ChangeKind,
    date_long_ru,
    date_ru,
    district_genitive,
    pct,
    period_ru,
    plural,
    safe_url,
    tz_label,
)
from crawler.report.practices import KIND_RU, RegistryItem
from crawler.report.wording import keep_numbers, one_line_name
from crawler.resources import templates_dir

TEMPLATES_DIR = templates_dir()


def sentence(text: str) -> str:
    """First letter upper-case, the rest untouched (Jinja's capitalize lowercases the rest)."""
    return text[:1].upper() + text[1:]


def lower_first(text: str) -> str:
    """«Раздел сайта о …» → «раздел сайта о …» (after a dash), abbreviations («ДОУ», «МБОУ») kept."""
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


def _norm(text: str) -> str:
    return re.sub(r"[^\w]+", " ", text.lower()).strip()


def shown_quote(quote: str | None, note: str) -> str:
    """The quote unless the note already says the same (a «не найдено» verdict quotes its own note)."""
    if not quote:
        return ""
    head = _norm(quote.rstrip("…"))[:60]
    return "" if head and head in _norm(note) else quote


def share_cell(met: int, checked: int) -> Markup:
    """«9 из 12 (75 %)» that wraps, if it must, only before the bracket (a narrow column, no broken numbers)."""
    text = share_text(met, checked)
    head, sep, tail = text.partition(" (")
    if not sep:
        return Markup('<span class="nw">{}</span>').format(text)
    return Markup('<span class="nw">{}</span> <span class="nw">({}</span>').format(head, tail)


def zone_words(tz: str) -> str:
    label = tz_label(tz)
    return "по московскому времени (МСК)" if tz == MOSCOW else f"по местному времени ({label})"


def zones_text(zones: list[tuple[str, float]]) -> str:
    """«высокий» — от 80 %, «средний» — от 50 %, «низкий» — ниже 50 %."""
    ordered = sorted(zones, key=lambda z: -z[1])
    parts = []
    for i, (name, minimum) in enumerate(ordered):
        if minimum <= 0 and i > 0:
            parts.append(f"«{name}» — ниже {pct(ordered[i - 1][1])}")
        else:
            parts.append(f"«{name}» — от {pct(minimum)}")
    return ", ".join(parts)


def kinds_text(view: BriefView) -> str:
    """«ОО — 7, ДОУ — 4, ДО — 2»."""
    return ", ".join(f"{k.value} — {n}" for k, n in view.kind_counts.items() if n)


def environment(templates_dir: Path | None = None) -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(templates_dir or TEMPLATES_DIR)),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    # links come from crawled sites: only web schemes become clickable
    env.filters["href"] = lambda url: safe_url(url) or "#"
    env.filters["nb"] = keep_numbers
    env.globals.update(
        pct=pct,
        sentence=sentence,
        lower_first=lower_first,
        plural=plural,
        share_text=share_text,
        share_cell=share_cell,
        long_date=date_long_ru,
        date_ru=date_ru,
        period_ru=period_ru,
        one_line=one_line_name,
        shown_quote=shown_quote,
        mark=lambda s: MARKS[Status(s)],
        status_ru=STATUS_RU,
        kind_long=KIND_LONG,
        tool_version=__version__,
        S=Status,
        CK=ChangeKind,
    )
    return env


def render_brief_html(view: BriefView, env: Environment | None = None) -> str:
    env = env or environment()
    kinds_present = [k for k in OrgKind if view.kind_counts.get(k)]
    from crawler.report.docx_writer import district_intro, practices_line

    return env.get_template("brief.html.j2").render(
        v=view,
        district_intro=district_intro(view),
        practices_line=practices_line(view),
        ch=build_charts(view),
        kinds_present=kinds_present,
        kinds_text=kinds_text(view),
        zone_text=zones_text(view.data.zones),
        rechecked=[o for o in view.orgs if o.recheck_at],
        weighted=any(c.weight != 1 for c in view.data.criteria),
    )


def render_appendix_html(view: BriefView, env: Environment | None = None) -> str:
    env = env or environment()
    return env.get_template("appendix.html.j2").render(v=view, zone_words=zone_words(view.data.timezone))


def render_letter_html(view: BriefView, org: OrgView, env: Environment | None = None) -> str:
    env = env or environment()
    return env.get_template("letter.html.j2").render(v=view, o=org, zone_words=zone_words(view.data.timezone))


def archive_hrefs(items: list[RegistryItem], archive_dir: str | None, archive_ext: dict[str, str]) -> dict[str, str]:
    """key → the archived copy of each item that has one in the archive beside the file."""
    if not archive_dir:
        return {}
    return {
        i.key: f"{archive_dir.rstrip('/')}/{i.archived[:2]}/{i.archived}{archive_ext[i.archived]}"
        for i in items
        if i.archived and i.archived in archive_ext
    }


def registry_counts(items: list[RegistryItem]) -> list[tuple[str, int]]:
    """«кейс — 1, новость — 7, методическая разработка — 1»: kinds present, in the order of KIND_RU."""
    return [(ru, n) for kind, ru in KIND_RU.items() if (n := sum(i.kind == kind for i in items))]


def registry_intro(periods: list[str], archive_dir: str | None, *, marks_new: bool) -> str:
    monitorings = ", ".join(period_ru(p) for p in periods)
    text = (
        "В реестр включены материалы о практиках наставничества педагогических работников, найденные на "
        f"официальных сайтах организаций при мониторингах ({monitorings}): кейсы и описания лучших практик, "
        "новости, методические разработки. Материал, найденный в нескольких мониторингах, записан один раз — "
        "с периодом, в котором он найден впервые"
    )
    if marks_new:
        text += "; «новое» — найдено впервые в последнем мониторинге"
    text += ". Порядок — по дате материала."
    if archive_dir:
        text += f" Копии материалов — в каталоге «{archive_dir}» рядом с этим файлом."
    return text


def render_registry_html(
    items: list[RegistryItem],
    *,
    district: str,
    title_period: str,
    periods: list[str],
    mark: str = "",
    org_names: list[str] | None = None,
    archive_dir: str | None = None,
    archive_ext: dict[str, str] | None = None,
    env: Environment | None = None,
) -> str:
    """The registry of practices as its own page: for a period's brief, or for the annual report."""
    env = env or environment()
    earlier = len(periods) > 1
    by_org: dict[str, int] = {}
    for item in items:
        by_org[item.org_name] = by_org.get(item.org_name, 0) + 1
    names = org_names or []
    return env.get_template("registry.html.j2").render(
        items=items,
        district=district,
        district_gen=district_genitive(district),
        title_period=title_period,
        mark=mark,
        intro=registry_intro(periods, archive_dir if archive_ext else None, marks_new=earlier),
        kind_counts=registry_counts(items),
        new_count=sum(i.new for i in items) if earlier else None,
        hrefs=archive_hrefs(items, archive_dir, archive_ext or {}),
        by_org=sorted(by_org.items(), key=lambda x: (-x[1], x[0])),
        without=[n for n in names if n not in by_org],
    )


def share_split(text: str) -> Markup:
    """«9 из 12 (75 %)» as share_cell prints it: breaks, if it must, only before the bracket."""
    head, sep, tail = text.partition(" (")
    if not sep:
        return Markup('<span class="nw">{}</span>').format(text)
    return Markup('<span class="nw">{}</span> <span class="nw">({}</span>').format(head, tail)


def render_annual_html(view: AnnualView, env: Environment | None = None) -> str:
    """The annual analytic report (item 5.6) in the brief's form."""
    from crawler.report.charts import trend_chart
    from crawler.report.district import COUNTS

    env = env or environment()
    last = view.data.last
    kinds = [(k.value, sum(o.kind == k for o in view.orgs)) for k in OrgKind]
    return env.get_template("annual.html.j2").render(
        a=view,
        trend=trend_chart(last),
        kind_counts=[(k, n) for k, n in kinds if n],
        counts=list(COUNTS),
        share_split=share_split,
    )
