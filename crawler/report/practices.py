"""The district's registry of practices (roadmap item 4.1): every practice, case or news item about an
organization's mentoring the monitorings found, one row per item however many monitorings saw it.

The items come from each run's findings (`OrgFindings.practices`, collected by
crawler.evaluate.checks.practices: documents typed «practice», the organization's own methodological materials,
dated news pages about mentoring). A run made before they were collected falls back on the evidence of its
«Лучшие практики» verdict (the dated news the criterion quoted). The same item (`PracticeItem.key`: organization,
address and date) seen in January and in May is one row that keeps the first period it appeared in; an item
first seen in the registry's own period, when an earlier monitoring exists, is marked new.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from datetime import date
from typing import Any

from pydantic import BaseModel, Field

from crawler.models import OrgKind, PracticeItem, PracticeKind, Status

KIND_RU: dict[PracticeKind, str] = {
    PracticeKind.case: "кейс",
    PracticeKind.news: "новость",
    PracticeKind.method: "методическая разработка",
}
PRACTICES_RULE = "practices"
_QUOTED = re.compile(r"^(\d{2})\.(\d{2})\.(\d{4})\s+(.+)$", re.S)


class RegistryItem(BaseModel):
    """One row of the registry: a material and the monitorings that found it."""

    no: int = 0  # its number in the registry (by date)
    key: str
    org_id: str
    org_name: str
    org_kind: OrgKind
    kind: PracticeKind
    title: str
    published: date | None = None
    url: str
    format: str | None = None
    archived: str | None = None  # blob sha256 of the copy from the first monitoring that kept one
    first_period: str
    last_period: str
    periods: list[str] = Field(default_factory=list)
    new: bool = False  # first found in the registry's period, and an earlier monitoring exists

    @property
    def kind_ru(self) -> str:
        return KIND_RU[self.kind]


class Sighting(BaseModel):
    """What one organization showed of its practices in one monitoring."""

    period: str
    org_id: str
    org_name: str
    org_kind: OrgKind
    items: list[PracticeItem]


def sightings_from_rows(rows: Iterable[dict[str, Any]]) -> list[Sighting]:
    """Store.practice_sightings rows → sightings (the practices criterion's evidence for older runs)."""
    out: list[Sighting] = []
    for row in rows:
        kind = OrgKind(row["kind"])
        if row.get("practices") is not None:
            items = [PracticeItem.model_validate(x) for x in json.loads(row["practices"])]
        else:
            items = items_from_evidence(row["org_id"], json.loads(row.get("rules") or "[]"))
        out.append(
            Sighting(period=row["period"], org_id=row["org_id"], org_name=row["name"], org_kind=kind, items=items)
        )
    return out


def items_from_evidence(org_id: str, rules: list[dict[str, Any]]) -> list[PracticeItem]:
    """The dated materials a «Лучшие практики» verdict quoted («14.10.2025 Посвящение в наставники»)."""
    from crawler.evaluate.checks.practices import practice_key

    rule = next((r for r in rules if r.get("rule_id") == PRACTICES_RULE), None)
    if rule is None or rule.get("status") not in (Status.met.value, Status.partial.value):
        return []
    items = []
    for ev in rule.get("evidence") or []:
        m = _QUOTED.match((ev.get("quote") or "").strip())
        if not m or not ev.get("url"):
            continue
        try:
            published = date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        except ValueError:
            continue
        title = (ev.get("title") or m.group(4)).strip()
        items.append(
            PracticeItem(
                key=practice_key(org_id, ev["url"], published, title),
                kind=PracticeKind.case if re.search(r"кейс|практик", title, re.I) else PracticeKind.news,
                title=title,
                published=published,
                url=ev["url"],
                format="html",
                archived=ev.get("archived"),
            )
        )
    return items


def build_registry(sightings: Iterable[Sighting], period: str | None = None) -> list[RegistryItem]:
    """One row per item over the monitorings (the first period it appeared in, its first copy), numbered by
    date (undated last). `period`: the registry's own period — items first found then are new when an earlier
    monitoring exists."""
    rows: dict[str, RegistryItem] = {}
    periods: set[str] = set()
    for seen in sorted(sightings, key=lambda s: s.period):
        if period and seen.period > period:
            continue
        periods.add(seen.period)
        for item in seen.items:
            row = rows.get(item.key)
            if row is None:
                rows[item.key] = RegistryItem(
                    key=item.key,
                    org_id=seen.org_id,
                    org_name=seen.org_name,
                    org_kind=seen.org_kind,
                    kind=item.kind,
                    title=item.title,
                    published=item.published,
                    url=item.url,
                    format=item.format,
                    archived=item.archived,
                    first_period=seen.period,
                    last_period=seen.period,
                    periods=[seen.period],
                )
                continue
            if seen.period not in row.periods:
                row.periods.append(seen.period)
            row.last_period = max(row.last_period, seen.period)
            row.org_name = seen.org_name  # the organization as the registry names it now
            if row.archived is None and item.archived:
                row.archived, row.format = item.archived, item.format
    own = period or (max(periods) if periods else None)
    earlier = any(p < own for p in periods) if own else False
    ordered = sorted(rows.values(), key=lambda r: (r.published or date.max, r.org_name, r.title))
    for no, row in enumerate(ordered, 1):
        row.no = no
        row.new = earlier and row.first_period == own
    return ordered
