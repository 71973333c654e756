"""HTML rendering with Jinja2 (autoescape on for every template: site text is never trusted)."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from crawler.models import STATUS_RU, OrgKind, Status
from crawler.report.analysis import BriefView, OrgView, share_text
from crawler.report.charts import build_charts
from crawler.report.model import (
    KIND_LONG,
    MARKS,
    ChangeKind,
    date_long_ru,
    date_ru,
    datetime_ru,
    pct,
    plural,
    safe_url,
)
from crawler.resources import templates_dir

TEMPLATES_DIR = templates_dir()


def sentence(text: str) -> str:
    """First letter upper-case, the rest untouched (Jinja's capitalize lowercases the rest)."""
    return text[:1].upper() + text[1:]


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
    env.globals.update(
        pct=pct,
        sentence=sentence,
        plural=plural,
        share_text=share_text,
        long_date=date_long_ru,
        date_ru=date_ru,
        mark=lambda s: MARKS[Status(s)],
        status_ru=STATUS_RU,
        kind_long=KIND_LONG,
        S=Status,
        CK=ChangeKind,
    )
    return env


def render_brief_html(view: BriefView, env: Environment | None = None) -> str:
    env = env or environment()
    kinds_present = [k for k in OrgKind if view.kind_counts.get(k)]
    return env.get_template("brief.html.j2").render(
        v=view,
        ch=build_charts(view),
        kinds_present=kinds_present,
        weighted=any(c.weight != 1 for c in view.data.criteria),
        generated=datetime_ru(view.data.generated_at, view.data.timezone),
    )


def render_letter_html(view: BriefView, org: OrgView, env: Environment | None = None) -> str:
    env = env or environment()
    return env.get_template("letter.html.j2").render(v=view, o=org)
