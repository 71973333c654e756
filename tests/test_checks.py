"""The registry of checks: the rule set names registered checks, an unknown name is refused with its file
and line, and a check added by one module is evaluated with no other change."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from crawler.evaluate import evaluate_org, registry
from crawler.evaluate.checks import ORDER
from crawler.models import DocType, Status
from crawler.ru import DOC_TYPE_RU
from crawler.ruleset import RulesError, load_ruleset
from tests.test_evaluate import ORG, TODAY, crawl_result, full_documents, section_info

HEADER = """\
id: test-set
version: "1"
district: Тестовый округ
zones:
  - {name: высокий, min_percent: 80}
  - {name: низкий, min_percent: 0}
rules:
  - id: regulation
    title: Положение
    roadmap_items: ["1.2"]
    met: есть
    not_met: нет
    advice: разместить
"""

NEW_CHECK = '''\
"""`contacts` — the section names whom to ask about mentoring (an example criterion)."""

from crawler.evaluate.registry import register
from crawler.models import Evidence, RuleResult, Status


@register("contacts")
def check_contacts(rule, ctx):
    section = ctx.crawl.section
    text = (section.text_excerpt or "") if section else ""
    status = Status.met if "куратор" in text.lower() else Status.not_met
    return RuleResult(rule_id=rule.id, status=status, evidence=[Evidence(url=ctx.org.site)], note="контакты")
'''


@pytest.fixture
def scratch_registry(monkeypatch: pytest.MonkeyPatch) -> None:
    """Checks registered by a test are forgotten after it."""
    registry.check_names()  # the built-in checks first
    monkeypatch.setattr(registry, "_CHECKS", dict(registry._CHECKS))


def test_every_rule_of_the_district_set_names_a_registered_check() -> None:
    ruleset = load_ruleset()
    names = registry.check_names()
    assert names[: len(ORDER)] == ORDER  # the brief's order, as `crawler rules check` lists them
    for rule in ruleset.rules:
        assert rule.evaluator in names, rule.id
        assert registry.get_check(rule.evaluator) is not None


def test_each_check_module_states_its_criterion_and_roadmap_items() -> None:
    for rule in load_ruleset().rules:
        check = registry.get_check(rule.evaluator)
        assert check is not None
        doc = sys.modules[check.__module__].__doc__ or ""
        assert f"`{rule.evaluator}`" in doc
        assert all(word in doc for word in ("выполнено", "частично", "не выполнено")), rule.id
        assert all(item in doc for item in rule.roadmap_items), (rule.id, rule.roadmap_items)


def test_unknown_check_is_refused_with_file_and_line(tmp_path: Path) -> None:
    text = HEADER + "    check: telepathy\n"
    (tmp_path / "set.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(RulesError) as info:
        load_ruleset(tmp_path)
    line = text.splitlines().index("    check: telepathy") + 1
    assert info.value.problems == [
        f"{tmp_path / 'set.yaml'}, строка {line}, правило «regulation», поле check: недопустимое значение "
        "'telepathy'; допустимы: 'section', 'regulation', 'roadmap', 'curator', 'pairs', 'mentor_base', "
        "'pay_incentives', 'practices', 'monitoring' или 'freshness'"
    ]


def test_the_rule_module_does_not_import_the_evaluation() -> None:
    code = "import sys, crawler.ruleset; assert 'crawler.evaluate' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_a_check_added_by_one_module_is_evaluated(tmp_path: Path, scratch_registry: None) -> None:
    rules_dir = tmp_path / "rules"
    rules_dir.mkdir()
    rule = """\
  - id: mentoring_contacts
    title: Контакты куратора
    roadmap_items: ["2.2"]
    met: назван куратор
    not_met: не назван
    advice: назвать куратора
    check: contacts
"""
    (rules_dir / "set.yaml").write_text(HEADER + rule, encoding="utf-8")
    # before the module is loaded the rule set is refused: the check does not exist
    with pytest.raises(RulesError, match="поле check: недопустимое значение 'contacts'"):
        load_ruleset(rules_dir)

    module_path = tmp_path / "contacts_check.py"
    module_path.write_text(NEW_CHECK, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("contacts_check", module_path)
    assert spec is not None and spec.loader is not None
    spec.loader.exec_module(importlib.util.module_from_spec(spec))

    ruleset = load_ruleset(rules_dir)
    assert [r.evaluator for r in ruleset.rules] == ["regulation", "contacts"]
    with_curator = section_info(text_excerpt="Наставничество. Куратор — Иванова И. И., каб. 12.")
    findings = evaluate_org(ORG, crawl_result(section=with_curator), full_documents(), ruleset, TODAY)
    statuses = {r.rule_id: r.status for r in findings.rules}
    assert statuses == {"regulation": Status.met, "mentoring_contacts": Status.met}
    assert findings.rule("mentoring_contacts").note == "контакты"  # type: ignore[union-attr]
    assert findings.score == 100.0
    silent = evaluate_org(ORG, crawl_result(section=section_info()), full_documents(), ruleset, TODAY)
    assert silent.rule("mentoring_contacts").status is Status.not_met  # type: ignore[union-attr]
    assert silent.score == 50.0


def test_a_check_name_is_registered_once(scratch_registry: None) -> None:
    with pytest.raises(ValueError, match="уже зарегистрирована"):
        registry.register("section")(lambda rule, ctx: None)  # type: ignore[arg-type,return-value]


def test_every_document_type_has_one_russian_label() -> None:
    assert set(DOC_TYPE_RU) == set(DocType)
    assert len(set(DOC_TYPE_RU.values())) == len(DocType)
