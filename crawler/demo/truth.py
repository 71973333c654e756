"""The expected answer for the demo district (truth.yaml) and its pydantic model."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Literal
from urllib.parse import unquote, urlsplit

import yaml
from pydantic import BaseModel, ConfigDict, Field

from crawler.models import DocType, OrgKind, Status
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
