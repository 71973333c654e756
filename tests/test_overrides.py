"""Manual verdicts of the ИДК: the YAML file, its errors, and how overrides replace automatic statuses."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from crawler.evaluate import evaluate_org
from crawler.models import FetchAttempt, Organization, OrgCrawlResult, OrgKind, RuleResult, Status
from crawler.overrides import Override, OverridesError, apply_overrides, load_overrides
from crawler.ruleset import default_rules_dir, load_ruleset

RULESET = load_ruleset()
ORG = Organization(id="sosh-1", name="МБОУ «СОШ № 1»", kind=OrgKind.OO, site="http://127.0.0.11/")
AT = datetime(2026, 5, 20, 9, 0, tzinfo=UTC)


def _file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "overrides.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_example_file_loads() -> None:
    overrides = load_overrides(default_rules_dir() / "overrides.example.yaml")
    assert [(o.org_id, o.rule_id, o.status) for o in overrides] == [
        ("sosh-1", "pairs", Status.met),
        ("ds-5", "pay_incentives", Status.partial),
    ]
    assert overrides[0].on == date(2026, 1, 20) and overrides[0].expires == date(2026, 8, 31)
    assert overrides[1].expires is None


def test_none_and_empty() -> None:
    assert load_overrides(None) == []


def test_empty_file(tmp_path: Path) -> None:
    assert load_overrides(_file(tmp_path, "")) == []
    assert load_overrides(_file(tmp_path, "overrides:\n")) == []


def test_statuses_in_russian_and_english(tmp_path: Path) -> None:
    text = """\
overrides:
  - {org: a, rule: pairs, status: частично, reason: r, by: b, on: 2026-01-01}
  - {org_id: a, rule_id: section, status: not_met, reason: r, by: b, on: 2026-01-01}
  - {org: a, rule: curator, status: Не удалось проверить, reason: r, by: b, on: 2026-01-01}
"""
    statuses = [o.status for o in load_overrides(_file(tmp_path, text))]
    assert statuses == [Status.partial, Status.not_met, Status.unknown]


def test_errors_name_file_line_and_field(tmp_path: Path) -> None:
    text = """\
overrides:
  - org: sosh-1
    rule: pairs
    status: хорошо
    reason: проверено
    by: Иванова
    on: 2026-01-20
  - org: sosh-1
    rule: nonexistent
    status: выполнено
    reason: проверено
    by: Иванова
    on: 2026-01-20
  - org: sosh-1
    rule: section
    status: выполнено
    by: Иванова
    on: 20.01.2026
    colour: red
  - org: sosh-1
    rule: section
    status: met
    reason: x
    by: Иванова
    on: 2026-05-01
    expires: 2026-04-01
"""
    path = _file(tmp_path, text)
    with pytest.raises(OverridesError) as info:
        load_overrides(path, known_rules={r.id for r in RULESET.rules})
    problems = info.value.problems
    assert problems[0] == (
        f"{path}, строка 4, запись № 1, поле status: статус «хорошо» неизвестен; допустимы: выполнено, частично, "
        "не выполнено, не удалось проверить"
    )
    assert problems[1] == f"{path}, строка 9, запись № 2: критерия «nonexistent» нет в наборе правил"
    joined = "\n".join(problems)
    assert f"{path}, строка 14, запись № 3, поле reason: обязательное поле не заполнено" in joined
    assert f"{path}, строка 18, запись № 3, поле on: ожидается дата ГГГГ-ММ-ДД, указано '20.01.2026'" in joined
    assert f"{path}, строка 19, запись № 3, поле colour: неизвестное поле" in joined
    assert f"{path}, строка 26, запись № 4: срок действия раньше даты" in joined


def test_syntax_error_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(OverridesError, match=r"строка 3: ошибка синтаксиса YAML"):
        load_overrides(_file(tmp_path, "overrides:\n  - {org: [\n"))
    with pytest.raises(OverridesError, match="не найден"):
        load_overrides(tmp_path / "absent.yaml")


def _override(**kw: object) -> Override:
    data: dict[str, object] = {
        "org_id": "sosh-1",
        "rule_id": "pairs",
        "status": "met",
        "reason": "скан приказа проверен вручную",
        "by": "Иванова И. И.",
        "on": date(2026, 5, 21),
    }
    data.update(kw)
    return Override.model_validate(data)


def test_override_replaces_status_and_keeps_the_automatic_verdict() -> None:
    automatic = [
        RuleResult(rule_id="pairs", status=Status.partial, note="Частично: скан не распознан."),
        RuleResult(rule_id="section", status=Status.met, note="Раздел есть."),
    ]
    results = apply_overrides("sosh-1", automatic, [_override(expires=date(2026, 8, 31))], date(2026, 5, 22))
    pairs = results[0]
    assert pairs.status == Status.met and pairs.manual and pairs.override_by == "Иванова И. И."
    assert pairs.note == (
        "Оценка установлена вручную: Иванова И. И., 21.05.2026, действует до 31.08.2026. Основание: скан приказа "
        "проверен вручную. Автоматическая оценка: частично (Частично: скан не распознан.)."
    )
    assert results[1] == automatic[1]  # other rules untouched


def test_expired_future_and_foreign_overrides_are_ignored() -> None:
    automatic = [RuleResult(rule_id="pairs", status=Status.not_met, note="нет")]
    expired = _override(on=date(2026, 1, 10), expires=date(2026, 5, 1))
    future = _override(on=date(2026, 6, 1))
    other_org = _override(org_id="sosh-2")
    results = apply_overrides("sosh-1", automatic, [expired, future, other_org], date(2026, 5, 22))
    assert results == automatic
    # the expiry day itself is still covered
    assert apply_overrides("sosh-1", automatic, [expired], date(2026, 5, 1))[0].manual


def test_latest_override_wins() -> None:
    automatic = [RuleResult(rule_id="pairs", status=Status.not_met)]
    first = _override(on=date(2026, 1, 10), status="partial", by="Петрова")
    second = _override(on=date(2026, 5, 1), status="met", by="Иванова")
    result = apply_overrides("sosh-1", automatic, [second, first], date(2026, 5, 22))[0]
    assert result.status == Status.met and result.override_by == "Иванова"


def test_evaluate_org_applies_overrides_and_rescores() -> None:
    crawl = OrgCrawlResult(
        org_id="sosh-1",
        reachable=False,
        failure_reason="истекло время ожидания",
        attempts=[FetchAttempt(url=ORG.site, at=AT, error="таймаут")],
        started_at=AT,
        finished_at=AT,
    )
    today = date(2026, 5, 22)
    findings = evaluate_org(ORG, crawl, [], RULESET, today, overrides=[_override(rule_id="section")])
    section = findings.rule("section")
    assert section is not None and section.status == Status.met and section.manual
    assert "Автоматическая оценка: не удалось проверить (Сайт недоступен" in section.note
    assert findings.score == 100.0  # one known rule, met
    assert evaluate_org(ORG, crawl, [], RULESET, today, overrides=[_override(expires=date(2026, 5, 21))]).score is None
