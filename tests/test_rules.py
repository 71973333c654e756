"""Rule files: the district rule set, validation errors in Russian naming file and line, the commands."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from crawler.models import DocType, OrgKind
from crawler.roadmap import parse_roadmap, periodic_months
from crawler.ruleset import (
    RulesError,
    default_rules_dir,
    derive_rules_text,
    load_ruleset,
)

RULES_DIR = default_rules_dir()

HEADER = """\
id: test-set
version: "1"
district: Тестовый округ
zones:
  - {name: высокий, min_percent: 80}
  - {name: низкий, min_percent: 0}
rules:
"""
GOOD_RULE = """\
  - id: regulation
    title: Положение
    roadmap_items: ["1.2"]
    met: есть
    not_met: нет
    advice: разместить
"""


def _write(tmp_path: Path, text: str, name: str = "set.yaml") -> Path:
    (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def _problems(rules_dir: Path) -> list[str]:
    with pytest.raises(RulesError) as info:
        load_ruleset(rules_dir)
    return info.value.problems


def test_district_rule_set_has_the_ten_brief_columns() -> None:
    ruleset = load_ruleset()
    expected = {
        "section": ["2.2"],
        "regulation": ["1.2"],
        "roadmap": ["1.1"],
        "curator": ["3.1"],
        "pairs": ["1.2", "3.3"],
        "mentor_base": ["3.2"],
        "pay_incentives": ["1.3"],
        "practices": ["4.1", "4.2"],
        "monitoring": ["6.1"],
        "freshness": ["2.2"],
    }
    assert [r.id for r in ruleset.rules] == list(expected)
    for rule in ruleset.rules:
        assert rule.roadmap_items == expected[rule.id]
        assert set(rule.applies_to) == set(OrgKind)
        assert rule.evaluator == rule.id
        assert rule.title and rule.met and rule.not_met and rule.advice
        assert not rule.require_signature  # a missing ЭП mark is only a remark by default
    assert ruleset.rule("regulation").require_approval  # type: ignore[union-attr]
    assert ruleset.rule("roadmap").doc_types == [DocType.roadmap, DocType.program]  # type: ignore[union-attr]
    assert [z.name for z in ruleset.zones] == ["высокий", "средний", "низкий"]
    assert ruleset.zone_for(80) == "высокий" and ruleset.zone_for(79.9) == "средний"
    assert ruleset.zone_for(0) == "низкий" and ruleset.zone_for(None) is None
    assert ruleset.version.startswith("2023.1+") and len(ruleset.digest) == 64
    # the roadmap the rules come from ships with them, and gives the monitoring months
    roadmap_file = ruleset.roadmap_path()
    assert roadmap_file is not None
    assert periodic_months(parse_roadmap(roadmap_file), ruleset.monitoring_item) == [1, 5]


def test_version_follows_the_files(tmp_path: Path) -> None:
    copy = tmp_path / "rules"
    shutil.copytree(RULES_DIR, copy)
    first = load_ruleset(copy)
    assert first.version == load_ruleset(RULES_DIR).version
    text = (copy / "district.yaml").read_text(encoding="utf-8")
    (copy / "district.yaml").write_text(text.replace("weight: 1", "weight: 2", 1), encoding="utf-8")
    second = load_ruleset(copy)
    assert second.version != first.version and second.version.startswith("2023.1+")
    assert second.rules[0].weight == 2


def test_unknown_field_names_file_line_rule_and_field(tmp_path: Path) -> None:
    rule = GOOD_RULE + "    colour: red\n"
    problems = _problems(_write(tmp_path, HEADER + rule))
    assert problems == [f"{tmp_path / 'set.yaml'}, строка 14, правило «regulation», поле colour: неизвестное поле"]


def test_many_problems_are_listed_together(tmp_path: Path) -> None:
    text = (
        HEADER
        + GOOD_RULE
        + """\
  - id: regulation
    title: Дубль
    roadmap_items: ["1.2"]
    met: есть
    not_met: нет
    advice: разместить
  - id: custom_rule
    title: Своё
    roadmap_items: ["1.1"]
    applies_to: [школа]
    met: есть
    not_met: нет
    advice: разместить
  - id: other_rule
    title: Другое
    check: magic
    roadmap_items: ["1.1"]
    met: есть
    not_met: нет
    advice: разместить
    link_patterns: ["(unclosed"]
    weight: 0
    effective_from: вчера
"""
    )
    problems = _problems(_write(tmp_path, text))
    joined = "\n".join(problems)
    assert "строка 14, правило «regulation»: идентификатор уже использован (set.yaml, строка 8)" in joined
    assert "строка 23, правило «custom_rule», поле applies_to.0: недопустимое значение 'школа'" in joined
    assert "строка 29, правило «other_rule», поле check: недопустимое значение 'magic'" in joined
    assert "'monitoring' или 'freshness'" in joined
    assert "поле link_patterns: неверное регулярное выражение «(unclosed»" in joined
    assert "строка 35, правило «other_rule», поле weight: значение 0 должно быть не меньше 1" in joined
    assert "строка 36, правило «other_rule», поле effective_from: ожидается дата ГГГГ-ММ-ДД" in joined


def test_rule_without_evaluator_is_rejected(tmp_path: Path) -> None:
    rule = GOOD_RULE.replace("id: regulation", "id: something_new")
    problems = _problems(_write(tmp_path, HEADER + rule))
    assert len(problems) == 1
    assert "строка 8, правило «something_new»" in problems[0]
    assert "не указывает проверку (поле check)" in problems[0]


def test_missing_required_fields_and_bad_header(tmp_path: Path) -> None:
    text = HEADER.replace('version: "1"\n', "").replace("min_percent: 0", "min_percent: 150") + (
        "  - id: regulation\n    title: Положение\n    roadmap_items: []\n"
    )
    problems = _problems(_write(tmp_path, text))
    joined = "\n".join(problems)
    assert "строка 1, поле version: обязательное поле не заполнено" in joined
    assert "строка 5, поле zones.1.min_percent: значение 150 должно быть не больше 100" in joined
    assert "строка 7, правило «regulation», поле met: обязательное поле не заполнено" in joined
    assert "строка 9, правило «regulation», поле roadmap_items: список не может быть пустым" in joined


def test_yaml_syntax_error_names_line(tmp_path: Path) -> None:
    text = HEADER + GOOD_RULE + "  - id: [unclosed\n"
    problems = _problems(_write(tmp_path, text))
    assert len(problems) == 1
    assert problems[0].startswith(f"{tmp_path / 'set.yaml'}, строка 15: ошибка синтаксиса YAML")


def test_roadmap_items_are_checked_against_the_roadmap(tmp_path: Path) -> None:
    shutil.copy(RULES_DIR / "roadmap-district.txt", tmp_path / "roadmap.txt")
    text = HEADER.replace("zones:", "roadmap: roadmap.txt\nzones:") + GOOD_RULE.replace('"1.2"', '"9.9"')
    problems = _problems(_write(tmp_path, text))
    assert problems == [
        f"{tmp_path / 'set.yaml'}: правило «regulation» ссылается на пункт 9.9, которого нет в дорожной карте "
        "roadmap.txt"
    ]
    (tmp_path / "set.yaml").write_text(text.replace('"9.9"', '"1.2."'), encoding="utf-8")
    assert load_ruleset(tmp_path).rules[0].roadmap_items == ["1.2"]


def test_zones_need_a_zero_floor(tmp_path: Path) -> None:
    text = HEADER.replace("min_percent: 0}", "min_percent: 10}") + GOOD_RULE
    assert any("min_percent: 0" in p for p in _problems(_write(tmp_path, text)))


def test_extra_rule_files_and_ignored_files(tmp_path: Path) -> None:
    _write(tmp_path, HEADER + GOOD_RULE)
    _write(tmp_path, "rules:\n" + GOOD_RULE.replace("id: regulation", "id: pairs"), "extra.yaml")
    shutil.copy(RULES_DIR / "vocabulary.yaml", tmp_path / "vocabulary.yaml")
    _write(tmp_path, "overrides: []\n", "overrides.example.yaml")
    ruleset = load_ruleset(tmp_path)
    assert [r.id for r in ruleset.rules] == ["pairs", "regulation"]  # files in name order
    _write(tmp_path, "district: x\nrules: []\n", "more.yaml")
    problems = _problems(tmp_path)
    assert problems == [
        f"{tmp_path / 'more.yaml'}, строка 1: в дополнительном файле правил допустим только список rules "
        "(лишнее поле district)"
    ]


def test_a_broken_vocabulary_beside_the_rules_is_reported_with_them(tmp_path: Path) -> None:
    # a methodologist's edited copy: a phrase with a colon at its end reads as «name: value» in YAML
    _write(tmp_path, HEADER + GOOD_RULE)
    vocabulary = (RULES_DIR / "vocabulary.yaml").read_text(encoding="utf-8")
    _write(tmp_path, vocabulary.replace("    - меню сайта\n", "    - меню сайта:\n", 1), "vocabulary.yaml")
    _write(tmp_path, "counts:\n  mentors: 5\n", "facts.yaml")
    problems = _problems(tmp_path)
    assert any("vocabulary.yaml" in p and "возьмите её в кавычки" in p for p in problems), problems
    assert any("facts.yaml" in p for p in problems), problems
    proc = _cli("rules", "check", str(tmp_path))
    assert proc.returncode == 2 and "vocabulary.yaml" in proc.stderr


def test_no_rule_files(tmp_path: Path) -> None:
    assert _problems(tmp_path) == [f"{tmp_path}: нет файлов правил (*.yaml)"]
    assert _problems(tmp_path / "absent") == [f"{tmp_path / 'absent'}: каталог правил не найден"]


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "crawler.cli", *args],
        capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL, env={**os.environ, "COLUMNS": "300"},
    )  # fmt: skip


def test_check_command() -> None:
    proc = _cli("rules", "check")
    assert proc.returncode == 0, proc.stderr
    assert "Правила в порядке" in proc.stdout and "критериев 10" in proc.stdout


def test_check_command_reports_errors(tmp_path: Path) -> None:
    _write(tmp_path, HEADER + GOOD_RULE + "    colour: red\n")
    proc = _cli("rules", "check", str(tmp_path))
    assert proc.returncode == 2
    assert "содержат ошибки (1)" in proc.stderr and "поле colour: неизвестное поле" in proc.stderr


def test_derive_command_drafts_stubs_for_organizations_items() -> None:
    text = derive_rules_text(RULES_DIR / "roadmap-district.txt")
    assert text.startswith("# Заготовки правил")
    stubs = yaml.safe_load(text)["rules"]
    items = [s["roadmap_items"][0] for s in stubs]
    # the items organizations are responsible for; ИДК-only items (2.1, 5.x, 6.2) are not rules for sites
    assert items == ["1.1", "1.2", "1.3", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3", "4.1", "4.2", "6.1"]
    by_item = {s["roadmap_items"][0]: s for s in stubs}
    assert by_item["1.1"]["id"] == "roadmap"
    assert by_item["1.3"]["id"] == "pay_incentives"
    assert by_item["2.2"]["id"] == "section"
    assert by_item["3.2"]["id"] == "mentor_base"
    assert by_item["6.1"]["id"] == "monitoring"
    assert by_item["1.2"]["deadline"] == "май -июнь 2023 г"
    assert all(s["met"].startswith("ЗАПОЛНИТЬ") for s in stubs)
