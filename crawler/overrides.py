"""Manual verdicts of the ИДК: a YAML file applied on top of the automatic findings.

After checking a site by hand (a scan the OCR could not read, a document behind a dead link) the
ИДК records the verdict with who, when, why and until when. An override replaces the automatic
status from its date until its expiry; the brief shows it as manual and keeps the automatic verdict
in the note, so a dispute can be traced.

File format::

    overrides:
      - org: sosh-1            # id from the registry (or org_id)
        rule: pairs            # rule id (or rule_id)
        status: выполнено      # met/partial/not_met/unknown or the Russian words
        reason: приказ № 41-од от 01.09.2026 проверен вручную (скан без текста)
        by: Иванова И. И.
        on: 2027-01-20
        expires: 2027-08-31    # optional
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from crawler.models import STATUS_RU, RuleResult, Status

STATUS_ALIASES: dict[str, Status] = {
    **{s.value: s for s in Status},
    **{ru: s for s, ru in STATUS_RU.items()},
    "не проверено": Status.unknown,
    "частично выполнено": Status.partial,
}
FIELD_ALIASES = {"org": "org_id", "rule": "rule_id", "date": "on"}


class OverridesError(Exception):
    """The overrides file is invalid; `problems` lists Russian lines naming file and line."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


class Override(BaseModel):
    model_config = ConfigDict(extra="forbid")

    org_id: str = Field(min_length=1)
    rule_id: str = Field(min_length=1)
    status: Status
    reason: str = Field(min_length=1)
    by: str = Field(min_length=1)
    on: date
    expires: date | None = None

    @field_validator("status", mode="before")
    @classmethod
    def _status(cls, value: Any) -> Any:
        if isinstance(value, str):
            found = STATUS_ALIASES.get(value.strip().lower())
            if found is None:
                raise ValueError(
                    f"статус «{value}» неизвестен; допустимы: выполнено, частично, не выполнено, не удалось проверить"
                )
            return found
        return value

    def active(self, today: date) -> bool:
        """In force on the monitoring date: made on or before it and not expired."""
        return self.on <= today and (self.expires is None or today <= self.expires)


def _line(node: yaml.Node | None) -> str:
    return f"строка {node.start_mark.line + 1}" if node is not None else "строка ?"


def _value_node(node: yaml.Node | None, key: str) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if k.value == key:
                return v
    return None


def load_overrides(path: Path | None, *, known_rules: set[str] | None = None) -> list[Override]:
    """Read the ИДК's overrides; None → no overrides. Raise OverridesError listing every problem."""
    if path is None:
        return []
    from crawler.yamlfile import ru_validation_error

    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise OverridesError([f"{path}: файл ручных оценок не найден"]) from None
    except UnicodeDecodeError:
        raise OverridesError([f"{path}: файл должен быть в кодировке UTF-8"]) from None
    try:
        data = yaml.safe_load(text)
        root = yaml.compose(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f", строка {mark.line + 1}" if mark else ""
        raise OverridesError([f"{path}{where}: ошибка синтаксиса YAML ({getattr(exc, 'problem', exc)})"]) from None
    if data is None:
        return []
    items = data.get("overrides") if isinstance(data, dict) else data
    items_node = _value_node(root, "overrides") if isinstance(data, dict) and root is not None else root
    if items is None:
        return []
    if not isinstance(items, list) or items_node is None:
        raise OverridesError([f"{path}: ожидается список overrides с полями org, rule, status, reason, by, on"])
    problems: list[str] = []
    result: list[Override] = []
    for index, (item, node) in enumerate(zip(items, items_node.value, strict=False), start=1):
        label = f"запись № {index}"
        if not isinstance(item, dict):
            problems.append(f"{path}, {_line(node)}, {label}: ожидается набор полей org, rule, status, reason, by, on")
            continue
        # YAML 1.1 reads a bare `on:` key as the boolean True
        item = {("on" if k is True else str(k)): v for k, v in item.items()}
        mapped = {FIELD_ALIASES.get(k, k): v for k, v in item.items()}
        try:
            override = Override.model_validate(mapped)
        except ValidationError as exc:
            for err in exc.errors():
                field = str(err["loc"][0]) if err["loc"] else ""
                original = next((k for k, v in FIELD_ALIASES.items() if v == field and k in item), field)
                sub = _value_node(node, original) or node
                problems.append(f"{path}, {_line(sub)}, {label}, поле {original}: {ru_validation_error(dict(err))}")
            continue
        if override.expires is not None and override.expires < override.on:
            problems.append(f"{path}, {_line(_value_node(node, 'expires'))}, {label}: срок действия раньше даты")
            continue
        if known_rules is not None and override.rule_id not in known_rules:
            original = "rule" if "rule" in item else "rule_id"
            problems.append(
                f"{path}, {_line(_value_node(node, original))}, {label}: критерия «{override.rule_id}» нет "
                "в наборе правил"
            )
            continue
        result.append(override)
    if problems:
        raise OverridesError(problems)
    return result


def apply_overrides(org_id: str, results: list[RuleResult], overrides: list[Override], today: date) -> list[RuleResult]:
    """Replace automatic statuses by the ИДК's verdicts in force on `today` (the latest one wins)."""
    active = sorted((o for o in overrides if o.org_id == org_id and o.active(today)), key=lambda o: o.on)
    by_rule = {o.rule_id: o for o in active}
    out: list[RuleResult] = []
    for result in results:
        override = by_rule.get(result.rule_id)
        if override is None:
            out.append(result)
            continue
        until = f", действует до {override.expires:%d.%m.%Y}" if override.expires else ""
        note = (
            f"Оценка установлена вручную: {override.by}, {override.on:%d.%m.%Y}{until}. "
            f"Основание: {override.reason}. Автоматическая оценка: {STATUS_RU[result.status]}"
            + (f" ({result.note})" if result.note else "")
            + "."
        )
        out.append(
            result.model_copy(
                update={"status": override.status, "note": note, "manual": True, "override_by": override.by}
            )
        )
    return out
