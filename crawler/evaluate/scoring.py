"""Score and zone of an organization, computed here only (the evaluation, the rule set and the brief use it).

Points: выполнено 2, частично 1, не выполнено 0; «не удалось проверить» is left out of both the points and
the maximum. Score = Σ points × weight / (2 × Σ weight of the criteria with a known status) × 100, one
decimal. The zone is the one with the highest threshold (min_percent) the score reaches.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from crawler.models import STATUS_POINTS, RuleResult, Status

if TYPE_CHECKING:
    from crawler.ruleset import RuleSet


def weighted_points(statuses: Iterable[tuple[Status, int]]) -> tuple[int, int]:
    """Weighted points and their maximum over (status, weight) pairs with a known status."""
    got = possible = 0
    for status, weight in statuses:
        points = STATUS_POINTS[status]
        if points is None:
            continue
        got += points * weight
        possible += 2 * weight
    return got, possible


def percent(got: int, possible: int) -> float | None:
    """The score in percent, one decimal; None when nothing could be checked."""
    return round(got / possible * 100, 1) if possible else None


def score_of(results: list[RuleResult], ruleset: RuleSet) -> float | None:
    """Σ points × weight / (2 × Σ weight of rules with a known status) × 100, one decimal.

    A result whose rule is not in the rule set weighs 1.
    """
    weights = [(r.status, rule.weight if (rule := ruleset.rule(r.rule_id)) else 1) for r in results]
    return percent(*weighted_points(weights))


def zone_for(score: float | None, zones: Iterable[tuple[str, float]]) -> str | None:
    """The zone (name, min_percent) with the highest threshold the score reaches; None without a score."""
    if score is None:
        return None
    for name, minimum in sorted(zones, key=lambda z: -z[1]):
        if score >= minimum:
            return name
    return None
