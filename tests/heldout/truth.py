"""The expected answer for the held-out district (truth.yaml), written by hand from /work/shared/CRITERIA.md."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field

from crawler.demo.truth import RULE_IDS
from crawler.models import Status

TRUTH_PATH = Path(__file__).with_name("truth.yaml")


class KnownGap(BaseModel):
    """A verdict the product still gets wrong: what it says instead, and why (in Russian)."""

    model_config = ConfigDict(extra="forbid")

    org: str
    rule: str
    got: Status
    reason: str


class HeldoutOrganization(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    platform: str
    reachable: bool
    failure_contains: str | None = None  # a piece of the unreachable reason
    section: str | None = None  # decoded path(+query) of the section page
    documents: list[str] = Field(default_factory=list)  # decoded paths a methodologist would count
    rules: dict[str, Status]
    why: str


class HeldoutTruth(BaseModel):
    model_config = ConfigDict(extra="forbid")

    district: str
    today: dt.date
    period: str
    organizations: list[HeldoutOrganization]
    known_gaps: list[KnownGap] = Field(default_factory=list)

    def expected(self, org_id: str, rule_id: str) -> tuple[Status, KnownGap | None]:
        org = next(o for o in self.organizations if o.id == org_id)
        gap = next((g for g in self.known_gaps if g.org == org_id and g.rule == rule_id), None)
        return org.rules[rule_id], gap


def load_truth(path: Path = TRUTH_PATH) -> HeldoutTruth:
    truth = HeldoutTruth.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    for org in truth.organizations:
        if set(org.rules) != set(RULE_IDS):
            raise ValueError(f"{path}: у {org.id} должны быть ровно критерии {', '.join(RULE_IDS)}")
    return truth
