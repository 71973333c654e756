"""The expected answer for the second held-out district (truth.yaml next to this file).

The models are the first held-out district's (tests/heldout/truth.py): same fields, same validation.
"""

from __future__ import annotations

from pathlib import Path

from tests.heldout.truth import HeldoutOrganization, HeldoutTruth, KnownGap
from tests.heldout.truth import load_truth as _load

TRUTH_PATH = Path(__file__).with_name("truth.yaml")

__all__ = ["TRUTH_PATH", "HeldoutOrganization", "HeldoutTruth", "KnownGap", "load_truth"]


def load_truth(path: Path = TRUTH_PATH) -> HeldoutTruth:
    return _load(path)
