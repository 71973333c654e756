"""Real-world layouts (issue #14) in documents the project writes itself: a regression is caught without the
third parties' texts of devset/. Every pattern of the development set's error analysis has a case here — title
choice among chrome, letterheads, contents and stamps; the body's heading over the viewer's card; dates and
numbers only from the document's own stamp; the stamp forms; pupil-only from the document's own subject; near
misses; own versus re-published; news and articles.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.heldout_docs.check import Check, Outcome, accuracy_table, checks, run
from tests.realworld_docs.corpus import build_corpus

# (case, field): reason — none: every answer of this corpus must hold
KNOWN_GAPS: dict[tuple[str, str], str] = {}


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory: pytest.TempPathFactory) -> list[Outcome]:
    directory: Path = tmp_path_factory.mktemp("realworld")
    return run(build_corpus(directory))


def test_corpus_covers_the_formats(outcomes: list[Outcome]) -> None:
    formats = {o.extraction.format for o in outcomes}
    assert {"pdf", "docx", "html", "txt"} <= formats
    assert sum(1 for o in outcomes if o.extraction.ocr_used) >= 2
    assert len(outcomes) >= 35


def test_realworld_answers(outcomes: list[Outcome]) -> None:
    all_checks: list[Check] = [c for o in outcomes for c in checks(o)]
    failures = [c for c in all_checks if not c.ok and (c.case, c.field) not in KNOWN_GAPS]
    table = accuracy_table(all_checks)
    lines = [f"{c.case}: {c.field} ожидалось {c.expected!r}, получено {c.got!r}" for c in failures]
    assert not failures, "Точность по полям:\n" + table + "\n\nОшибки:\n" + "\n".join(lines)
