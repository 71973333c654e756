"""Extract and classify the held-out corpus and compare every answer with the expected one."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from crawler.classify import analyze
from crawler.classify.text import fold
from crawler.config import ExtractSettings
from crawler.extract import extract_many
from crawler.models import DocPart, ExtractedText
from tests.heldout_docs.corpus import Case

FIELDS = (
    "types",
    "approved_on",
    "number",
    "academic_years",
    "period_end",
    "signed",
    "pupil_only",
    "owner_matches",
    "curator_clause",
    "pay_mentoring_clause",
    "pay_act",
    "text_has",
    "title_has",
)


@dataclass
class Outcome:
    case: Case
    extraction: ExtractedText
    parts: list[DocPart]


@dataclass
class Check:
    case: str
    field: str
    expected: Any
    got: Any

    @property
    def ok(self) -> bool:
        return self.expected == self.got


def run(cases: list[Case], settings: ExtractSettings | None = None) -> list[Outcome]:
    settings = settings or ExtractSettings(workers=2)
    items = []
    for case in cases:
        assert case.path is not None
        items.append((case.path, hashlib.sha256(case.data).hexdigest(), case.fmt))
    results = extract_many(items, settings)
    outcomes = []
    for case, extraction in zip(cases, results, strict=True):
        text = "" if extraction.error else extraction.text
        parts = analyze(
            text,
            fmt=case.fmt or (None if extraction.error else extraction.format),
            link_text=case.link_text,
            file_name=case.file_name,
            org_name=case.org_name,
            signature_field=extraction.signature_field,
        )
        outcomes.append(Outcome(case, extraction, parts))
    return outcomes


def _value(part: DocPart, field: str) -> Any:
    value = getattr(part, field)
    if field in ("approved_on", "period_end"):
        return value.isoformat() if value else None
    if field == "number" and value:
        return " ".join(value.split())
    return value


def checks(outcome: Outcome) -> list[Check]:
    case, parts = outcome.case, outcome.parts
    out = []
    for field in FIELDS:
        if field not in case.expect:
            continue
        expected = case.expect[field]
        if field == "types":
            got: Any = [p.type.value for p in parts]
        elif field == "text_has":  # phrases the extraction must read (OCR of a photo, a scan's body)
            text = " ".join(fold(outcome.extraction.text).split())
            got = [phrase for phrase in expected if phrase in text]
        elif field == "title_has":  # phrases the part's title must hold (a title cut by a line break, a scan)
            title = " ".join(fold(parts[case.part].title).split()) if case.part < len(parts) else ""
            got = [phrase for phrase in expected if phrase in title]
        elif case.part < len(parts):
            got = _value(parts[case.part], field)
        else:
            got = None
        out.append(Check(case.name, field, expected, got))
    return out


def accuracy_table(all_checks: list[Check]) -> str:
    lines = []
    for field in FIELDS:
        selected = [c for c in all_checks if c.field == field]
        if selected:
            good = sum(c.ok for c in selected)
            lines.append(f"{field:22} {good:3}/{len(selected):<3} {100 * good / len(selected):5.1f} %")
    good = sum(c.ok for c in all_checks)
    lines.append(f"{'всего':22} {good:3}/{len(all_checks):<3} {100 * good / max(len(all_checks), 1):5.1f} %")
    return "\n".join(lines)
