"""The expected answer for the demo district (truth.yaml) and its pydantic model."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Literal
from urllib.parse import unquote, urlsplit

import yaml
from pydantic import BaseModel, ConfigDict, Field

from crawler.models import DocType, OrgFacts, OrgKind, Status
from crawler.ruleset import CHECKS

TRUTH_PATH = Path(__file__).with_name("truth.yaml")
Variant = Literal["current", "previous"]
BOTH_VARIANTS: tuple[Variant, ...] = ("current", "previous")
RULE_IDS = CHECKS  # the ten criteria of the brief, as the rule set names them


class VariantInfo(BaseModel):
    model_config = ConfigDict(extra="forbid")

    today: dt.date
    period: str  # YYYY-MM


class TruthDocument(BaseModel):
    """A document the crawl must find (or a distractor it will meet)."""

    model_config = ConfigDict(extra="forbid")

    url: str  # path(+query) on the organization's host, or an absolute URL (external cloud links)
    format: Literal["pdf", "docx", "doc", "odt", "rtf", "jpg", "html", "xlsx", "unknown"]  # unknown: cloud link
    types: list[DocType]  # logical parts of the file, in order
    title: str
    approved_on: dt.date | None = None  # date of the first part's approval (or of the order)
    number: str | None = None
    signed: bool = False  # carries an electronic-signature stamp
    external: bool = False  # cloud link, not served by the farm
    too_large: bool = False  # larger than the crawler's document limit
    owner_mismatch: bool = False  # names another organization
    pupil_only: bool = False
    scan: bool = False  # image only: needs OCR
    broken_text_layer: bool = False  # text layer is garbage: needs OCR
    in_section: bool = False  # linked from the mentoring section page
    variants: list[Variant] = Field(default_factory=lambda: list(BOTH_VARIANTS))


Count = Literal["mentors", "mentees", "pairs", "groups"]


class TruthRoster(BaseModel):
    """What one document says of a year's participants, as a methodologist reads it (counts only)."""

    model_config = ConfigDict(extra="forbid")

    url: str  # as in `documents` (a section page: its path)
    year: str  # "2025-2026"
    how: Literal["table", "list", "text", "stated"]
    mentors: int | None = None
    mentees: int | None = None
    pairs: int | None = None
    groups: int | None = None
    forms: dict[str, int] = Field(default_factory=dict)  # form → pairs/groups of the list that name it
    ocr: bool = False  # read from a scan


class TruthYear(BaseModel):
    """The counts of one academic year: the preferred document's, and the other values documents give."""

    model_config = ConfigDict(extra="forbid")

    year: str
    mentors: int | None = None
    mentees: int | None = None
    pairs: int | None = None
    groups: int | None = None
    disputed: dict[Count, list[int]] = Field(default_factory=dict)  # other values other documents give
    forms: dict[str, int] = Field(default_factory=dict)


class TruthFacts(BaseModel):
    """District data the organization's own documents give (issue #16): counts, forms, the curator's position."""

    model_config = ConfigDict(extra="forbid")

    curator: str | None = None  # position, never a name
    forms: list[str] = Field(default_factory=list)  # forms of teachers' mentoring named in any own document
    pupil_forms: list[str] = Field(default_factory=list)
    years: list[TruthYear] = Field(default_factory=list)  # newest first
    rosters: list[TruthRoster] = Field(default_factory=list)


class TruthOrganization(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    name: str
    kind: OrgKind
    host_index: int
    platform: str
    case: str
    reachable: bool
    reachable_previous: bool = True
    section: str | None  # path(+query) of the section page
    section_reachable_from_home: bool = False
    section_stub: bool = False
    menu_path: list[str] = Field(default_factory=list)
    section_previous: str | None = "same"  # the section in January: "same" as `section`, a path, or null
    documents: list[TruthDocument] = Field(default_factory=list)
    rules: dict[str, Status]
    rules_previous: dict[str, Status]
    facts: TruthFacts | None = None  # None: the site cannot be read (no facts)
    facts_previous: TruthFacts | Literal["same"] | None = "same"
    why: str = ""

    def docs_in(self, variant: str) -> list[TruthDocument]:
        return [d for d in self.documents if variant in d.variants]

    def section_at(self, variant: str) -> str | None:
        if variant == "previous" and self.section_previous != "same":
            return self.section_previous
        return self.section

    def rules_at(self, variant: str) -> dict[str, Status]:
        return self.rules_previous if variant == "previous" else self.rules

    def reachable_at(self, variant: str) -> bool:
        return self.reachable_previous if variant == "previous" else self.reachable

    def facts_at(self, variant: str) -> TruthFacts | None:
        if variant == "previous" and self.facts_previous != "same":
            return self.facts_previous
        return self.facts


class Truth(BaseModel):
    model_config = ConfigDict(extra="forbid")

    district: str
    variants: dict[str, VariantInfo]
    organizations: list[TruthOrganization]

    def org(self, org_id: str) -> TruthOrganization:
        for org in self.organizations:
            if org.id == org_id:
                return org
        raise KeyError(org_id)


def url_key(url: str) -> str:
    """Comparable form of a link: decoded path + "?" + query for local URLs (host and port dropped, since the farm
    port changes), the full URL for external ones."""
    parts = urlsplit(url)
    if parts.hostname and not parts.hostname.startswith("127.0.0."):
        return url
    path = unquote(parts.path) or "/"
    return path + ("?" + unquote(parts.query) if parts.query else "")


def same_url(a: str, b: str) -> bool:
    """True when two links point at the same document (percent-encoding and the farm's host:port ignored)."""
    return url_key(a) == url_key(b)


def load_truth(path: Path = TRUTH_PATH) -> Truth:
    """Read and validate truth.yaml; every organization must give all ten criteria for both variants."""
    truth = Truth.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    for org in truth.organizations:
        for field in ("rules", "rules_previous"):
            got = set(getattr(org, field))
            if got != set(RULE_IDS):
                raise ValueError(f"{path}: у {org.id} в {field} должны быть ровно критерии {', '.join(RULE_IDS)}")
    return truth


COUNTS: tuple[Count, ...] = ("mentors", "mentees", "pairs", "groups")


def facts_mismatches(
    expected: TruthFacts | None, got: OrgFacts | None, known_as: Mapping[str, Iterable[str]] | None = None
) -> list[str]:
    """Where the facts read differ from what the truth file records (empty: they agree).

    `known_as`: the other addresses of a document (a viewer card's file, a redirect's target), by its link.
    """
    if expected is None or got is None:
        return [] if expected is None and got is None else [f"сведения: ожидалось {expected}, получено {got}"]
    wrong: list[str] = []
    position = got.curator.position if got.curator else None
    if position != expected.curator:
        wrong.append(f"куратор: «{position}» вместо «{expected.curator}»")
    for label, want, have in (
        ("формы", expected.forms, [f.form for f in got.forms]),
        ("формы обучающихся", expected.pupil_forms, [f.form for f in got.pupil_forms]),
    ):
        if set(want) != set(have):
            wrong.append(f"{label}: {sorted(have)} вместо {sorted(want)}")
    years = {y.academic_year: y for y in got.years}
    if set(years) != {y.year for y in expected.years}:
        wrong.append(f"учебные годы: {sorted(years)} вместо {sorted(y.year for y in expected.years)}")
    for want_year in expected.years:
        year = years.get(want_year.year)
        if year is None:
            continue
        for what in COUNTS:
            fact = getattr(year, what)
            value = fact.value if fact else None
            if value != getattr(want_year, what):
                wrong.append(f"{want_year.year} {what}: {value} вместо {getattr(want_year, what)}")
            others = sorted(o.value for o in fact.other_values) if fact else []
            if others != sorted(want_year.disputed.get(what, [])):
                wrong.append(f"{want_year.year} {what}: расхождения {others} вместо {want_year.disputed.get(what, [])}")
        forms = {f.form: f.count for f in year.forms}
        if forms != want_year.forms:
            wrong.append(f"{want_year.year} формы пар: {forms} вместо {want_year.forms}")
    aliases = {url: {url, *(known_as or {}).get(url, ())} for url in {r.source.url for r in got.rosters}}
    unmatched = list(got.rosters)
    for want_roster in expected.rosters:
        found = next(
            (
                r
                for r in unmatched
                if any(same_url(u, want_roster.url) for u in aliases[r.source.url])
                and r.source.academic_year == want_roster.year
                and r.how == want_roster.how
            ),
            None,
        )
        if found is None:
            wrong.append(f"нет сведений из {want_roster.url} за {want_roster.year} ({want_roster.how})")
            continue
        unmatched.remove(found)
        for what in COUNTS:
            if getattr(found, what) != getattr(want_roster, what):
                wrong.append(f"{want_roster.url}: {what} {getattr(found, what)} вместо {getattr(want_roster, what)}")
        forms = {f.form: f.count for f in found.forms}
        if forms != want_roster.forms:
            wrong.append(f"{want_roster.url}: формы {forms} вместо {want_roster.forms}")
        if found.source.ocr != want_roster.ocr:
            wrong.append(f"{want_roster.url}: OCR {found.source.ocr} вместо {want_roster.ocr}")
    wrong += [f"лишние сведения из {r.source.url} за {r.source.academic_year} ({r.how})" for r in unmatched]
    return wrong
