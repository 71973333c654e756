"""Rule files: the district's criteria as YAML, validated with pydantic, errors in Russian with lines.

A rules directory holds one rule-set file (top-level `id`, `version`, `zones`, `rules`) and may hold
more files with extra `rules:` only. `vocabulary.yaml` (classifier vocabulary), `facts.yaml` (the vocabulary of
the facts read from documents) and `overrides*.yaml`
(manual verdicts) live beside them and are not rule files. Each rule names the evaluator (`check`)
that judges it and the parameters it needs, so next year's roadmap becomes next year's rules by
editing YAML, not code. The checks are those registered in crawler/evaluate/ (one module each); the
registry is looked up only while a rule is validated, so this module never imports the evaluation.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from crawler.errors import InputError
from crawler.models import DocType, OrgKind
from crawler.resources import rules_dir
from crawler.yamlfile import ru_validation_error

NOT_RULE_FILES = ("vocabulary.yaml", "vocabulary.yml", "facts.yaml", "facts.yml")  # vocabularies, not rules
RULE_ID_RE = r"^[a-z][a-z0-9_]{1,40}$"


def check_names() -> tuple[str, ...]:
    """Names of the checks a rule may name (`check:`), as registered in crawler/evaluate/."""
    from crawler.evaluate.registry import check_names as registered

    return registered()


def __getattr__(name: str) -> tuple[str, ...]:
    # CHECKS (formerly a Literal's values) is kept for importers; it is the registry's list, read when asked
    if name == "CHECKS":
        return check_names()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def default_rules_dir() -> Path:
    """The rule set shipped inside the package (crawler/rules/)."""
    return rules_dir()


def copy_rules(target: Path, *, force: bool = False) -> list[Path]:
    """Copy the shipped rule set (criteria, vocabulary, roadmap, overrides example) into `target` for editing."""
    source = default_rules_dir()
    files = sorted(p for p in source.iterdir() if p.is_file() and not p.name.startswith("."))
    existing = [target / p.name for p in files if (target / p.name).exists()]
    if existing and not force:
        raise FileExistsError(0, "exists", str(existing[0]))
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for path in files:
        (target / path.name).write_bytes(path.read_bytes())
        written.append(target / path.name)
    return written


class RulesError(Exception):
    """Rule files are invalid; `problems` holds one Russian line per problem, naming file and line."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


class Zone(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1)  # Russian: «высокий»
    min_percent: float = Field(ge=0, le=100)


class Rule(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=RULE_ID_RE)
    title: str = Field(min_length=1)  # short Russian column title of the brief
    description: str = ""
    roadmap_items: list[str] = Field(min_length=1)
    applies_to: list[OrgKind] = Field(default_factory=lambda: list(OrgKind))
    weight: int = Field(1, ge=1, le=10)
    effective_from: date = date(2023, 2, 3)
    met: str = Field(min_length=1)
    partial: str = ""
    not_met: str = Field(min_length=1)
    advice: str = Field(min_length=1)  # what the brief recommends when not met
    check: str | None = None  # evaluator (a check registered in crawler/evaluate/); defaults to the id
    # parameters of the evaluators
    doc_types: list[DocType] = Field(default_factory=list)  # types that satisfy the rule
    partial_doc_types: list[DocType] = Field(default_factory=list)  # types worth «частично» at most
    clause_doc_types: list[DocType] = Field(default_factory=list)  # orders whose clause counts (curator)
    link_patterns: list[str] = Field(default_factory=list)  # regexes: link text/file name of unread files
    page_patterns: list[str] = Field(default_factory=list)  # regexes: titles of news pages (practices)
    page_exclude_patterns: list[str] = Field(default_factory=list)  # titles of pages that are not news
    # an order pasted as text on a section page: its clause counts where the classifier saw no order
    page_clause_patterns: list[str] = Field(default_factory=list)
    page_clause_context: str | None = None  # regex the page must also contain («ПРИКАЗЫВАЮ»)
    other_title_patterns: list[str] = Field(default_factory=list)  # «other» parts that are candidates
    accept_without_period: bool = True
    require_signature: bool = False
    require_approval: bool = False
    years_back: int = Field(1, ge=0, le=5)  # academic years before the current one that still count
    min_section_chars: int = Field(200, ge=0)

    @field_validator("roadmap_items")
    @classmethod
    def _items(cls, value: list[str]) -> list[str]:
        return [str(v).strip().rstrip(".") for v in value]

    @field_validator(
        "link_patterns", "page_patterns", "page_exclude_patterns", "other_title_patterns", "page_clause_patterns"
    )
    @classmethod
    def _regexes(cls, value: list[str]) -> list[str]:
        for pattern in value:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"неверное регулярное выражение «{pattern}»: {exc}") from None
        return value

    @field_validator("check")
    @classmethod
    def _known_check(cls, value: str | None) -> str | None:
        if value is not None and value not in check_names():
            names = [repr(name) for name in check_names()]
            expected = ", ".join(names[:-1]) + " или " + names[-1] if len(names) > 1 else "".join(names)
            raise ValueError(f"недопустимое значение {value!r}; допустимы: {expected}")
        return value

    @model_validator(mode="after")
    def _check_kind(self) -> Rule:
        if self.check is None:
            if self.id not in check_names():
                raise ValueError(
                    f"правило «{self.id}» не указывает проверку (поле check); допустимы: " + ", ".join(check_names())
                )
            self.check = self.id
        return self

    @property
    def evaluator(self) -> str:
        return str(self.check or self.id)


class RuleSet(BaseModel):
    id: str
    version: str  # declared version + «+» + first 12 hex of the files' hash
    digest: str = ""  # sha256 over the rule files (names and bytes)
    district: str
    roadmap: str | None = None  # roadmap file (relative to the rules directory) or a reference
    monitoring_item: str = "5.1"  # roadmap item that orders this monitoring (its months → schedule)
    zones: list[Zone]
    rules: list[Rule]
    source_dir: str | None = None

    def rule(self, rule_id: str) -> Rule | None:
        return next((r for r in self.rules if r.id == rule_id), None)

    def roadmap_path(self) -> Path | None:
        """The roadmap file if `roadmap` names an existing file (relative to the rules directory)."""
        if not self.roadmap:
            return None
        path = Path(self.roadmap)
        if not path.is_absolute() and self.source_dir:
            path = Path(self.source_dir) / path
        return path if path.is_file() else None

    def vocabulary_path(self) -> Path | None:
        """The classifier's vocabulary kept beside these rules (a methodologist's edited copy), if any."""
        if not self.source_dir:
            return None
        path = Path(self.source_dir) / "vocabulary.yaml"
        return path if path.is_file() else None

    def zone_for(self, percent: float | None) -> str | None:
        from crawler.evaluate.scoring import zone_for

        return zone_for(percent, [(z.name, z.min_percent) for z in self.zones])


class _Header(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1)
    version: str | int | float
    district: str = Field(min_length=1)
    roadmap: str | None = None
    monitoring_item: str = "5.1"
    zones: list[Zone] = Field(min_length=1)
    rules: list[Any] = Field(default_factory=list)


# ---------------------------------------------------------------------------------- YAML with lines


def _node_at(node: yaml.Node | None, loc: tuple[Any, ...]) -> yaml.Node | None:
    """The YAML node at a pydantic error location (deepest one that exists)."""
    current = node
    for key in loc:
        if isinstance(current, yaml.MappingNode):
            nxt = next((v for k, v in current.value if k.value == str(key)), None)
            if nxt is None:  # unknown field: point at its key
                nxt = next((k for k, _ in current.value if k.value == str(key)), None)
        elif isinstance(current, yaml.SequenceNode) and isinstance(key, int) and key < len(current.value):
            nxt = current.value[key]
        else:
            nxt = None
        if nxt is None:
            break
        current = nxt
    return current


def _line(node: yaml.Node | None) -> str:
    return f"строка {node.start_mark.line + 1}" if node is not None else "строка ?"


def _field_path(loc: tuple[Any, ...]) -> str:
    return ".".join(str(p) for p in loc)


def _read_yaml(path: Path, problems: list[str]) -> tuple[Any, yaml.Node | None]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        problems.append(f"{path}: файл не найден")
        return None, None
    except UnicodeDecodeError:
        problems.append(f"{path}: файл должен быть в кодировке UTF-8")
        return None, None
    try:
        return yaml.safe_load(text), yaml.compose(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f", строка {mark.line + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        problems.append(f"{path}{where}: ошибка синтаксиса YAML ({problem})")
        return None, None


def rule_files(rules_dir: Path) -> list[Path]:
    if rules_dir.is_file():
        return [rules_dir]
    files = sorted([*rules_dir.glob("*.yaml"), *rules_dir.glob("*.yml")])
    return [f for f in files if f.name not in NOT_RULE_FILES and not f.name.startswith("overrides")]


def load_ruleset(rules_dir: Path | None = None) -> RuleSet:
    """Read and validate the rule set; raise RulesError listing every problem (file, line, field)."""
    base = rules_dir or default_rules_dir()
    if not base.exists():
        raise RulesError([f"{base}: каталог правил не найден"])
    files = rule_files(base)
    if not files:
        raise RulesError([f"{base}: нет файлов правил (*.yaml)"])
    problems: list[str] = []
    header: _Header | None = None
    header_file: Path | None = None
    rules: list[Rule] = []
    seen: dict[str, str] = {}
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
        data, root = _read_yaml(path, problems)
        if root is None:
            continue
        if not isinstance(data, dict):
            problems.append(f"{path}: ожидается набор полей (id, version, zones, rules или только rules)")
            continue
        if "id" in data:
            if header is not None:
                problems.append(
                    f"{path}, {_line(_node_at(root, ('id',)))}: второй файл с описанием набора правил "
                    f"(первый: {header_file}); в дополнительных файлах допустим только список rules"
                )
                continue
            try:
                header = _Header.model_validate(data)
                header_file = path
            except ValidationError as exc:
                for err in exc.errors():
                    if err["loc"] and err["loc"][0] == "rules":
                        continue  # each rule is validated below, with its own label
                    node = _node_at(root, err["loc"])
                    problems.append(
                        f"{path}, {_line(node)}, поле {_field_path(err['loc'])}: {ru_validation_error(err)}"
                    )
                header_file = header_file or path
        else:
            extra = [k for k in data if k != "rules"]
            if extra:
                problems.append(
                    f"{path}, {_line(_node_at(root, (extra[0],)))}: в дополнительном файле правил допустим "
                    f"только список rules (лишнее поле {extra[0]})"
                )
        raw_rules = data.get("rules")
        if raw_rules is None:
            raw_rules = []
        if not isinstance(raw_rules, list):
            problems.append(f"{path}, {_line(_node_at(root, ('rules',)))}: поле rules должно быть списком")
            continue
        for index, item in enumerate(raw_rules):
            node = _node_at(root, ("rules", index))
            label = (
                f"правило «{item.get('id')}»"
                if isinstance(item, dict) and item.get("id")
                else (f"правило № {index + 1}")
            )
            try:
                rule = Rule.model_validate(item)
            except ValidationError as exc:
                for err in exc.errors():
                    sub = _node_at(node, err["loc"])
                    field = _field_path(err["loc"])
                    where = f", поле {field}" if field else ""
                    problems.append(f"{path}, {_line(sub)}, {label}{where}: {ru_validation_error(err)}")
                continue
            if rule.id in seen:
                problems.append(f"{path}, {_line(node)}, {label}: идентификатор уже использован ({seen[rule.id]})")
                continue
            seen[rule.id] = f"{path.name}, {_line(node)}"
            rules.append(rule)
    if header is None and not problems:
        problems.append(f"{base}: нет файла с описанием набора правил (поля id, version, district, zones)")
    if header is not None and header_file is not None:
        _check_semantics(header, header_file, rules, problems)
        _check_vocabularies(header_file.parent, problems)
    if problems:
        raise RulesError(problems)
    assert header is not None and header_file is not None
    hexdigest = digest.hexdigest()
    return RuleSet(
        id=header.id,
        version=f"{header.version}+{hexdigest[:12]}",
        digest=hexdigest,
        district=header.district,
        roadmap=header.roadmap,
        monitoring_item=str(header.monitoring_item).rstrip("."),
        zones=sorted(header.zones, key=lambda z: z.min_percent, reverse=True),
        rules=rules,
        source_dir=str(header_file.parent),
    )


def _check_vocabularies(directory: Path, problems: list[str]) -> None:
    """A methodologist's edited vocabularies beside the rules are read with them, so that a broken one stops the
    run before it starts instead of failing every document of it."""
    from crawler.classify.vocabulary import VocabularyError, load_vocabulary
    from crawler.facts.vocabulary import FILE_NAME, FactsVocabularyError, load_facts_vocabulary

    classifier = directory / "vocabulary.yaml"
    if classifier.is_file():
        try:
            load_vocabulary(classifier)
        except VocabularyError as exc:
            problems.append(str(exc))
    facts = directory / FILE_NAME
    if facts.is_file():
        try:
            load_facts_vocabulary(facts)
        except FactsVocabularyError as exc:
            problems.append(str(exc))


def _check_semantics(header: _Header, path: Path, rules: list[Rule], problems: list[str]) -> None:
    if not rules and not problems:
        problems.append(f"{path}: в наборе нет ни одного правила")
    mins = [z.min_percent for z in header.zones]
    if len(set(mins)) != len(mins):
        problems.append(f"{path}: у двух зон одинаковый порог min_percent")
    if 0 not in mins:
        problems.append(f"{path}: у самой низкой зоны должен быть порог min_percent: 0")
    if header.roadmap:
        roadmap_file = Path(header.roadmap)
        if not roadmap_file.is_absolute():
            roadmap_file = path.parent / roadmap_file
        if roadmap_file.is_file():
            from crawler.roadmap import RoadmapError, parse_roadmap

            try:
                numbers = {i.number for i in parse_roadmap(roadmap_file).items}
            except RoadmapError as exc:
                problems.append(f"{path}: дорожная карта не читается: {exc}")
                return
            if str(header.monitoring_item).rstrip(".") not in numbers:
                problems.append(f"{path}: пункта {header.monitoring_item} (monitoring_item) нет в дорожной карте")
            for rule in rules:
                for item in rule.roadmap_items:
                    if item not in numbers:
                        problems.append(
                            f"{path}: правило «{rule.id}» ссылается на пункт {item}, "
                            f"которого нет в дорожной карте {roadmap_file.name}"
                        )


# ------------------------------------------------------------------------------------------ commands


_GUESSES: list[tuple[str, str]] = [
    (r"оплат\w* труда|стимулир", "pay_incentives"),
    (r"сайт|раздел", "section"),
    (r"баз\w* наставник", "mentor_base"),
    (r"пар\b|пар\w* или групп|наставническ\w+ пар", "pairs"),
    (r"практик|кейс", "practices"),
    (r"контрол|аналитическ|мониторинг", "monitoring"),
    (r"дорожн\w+ карт|программ", "roadmap"),
    (r"локальн\w+ акт|положени", "regulation"),
    (r"создание услови|распорядительн", "curator"),
]
_ORG_RESPONSIBLE = re.compile(
    r"руководител\w* образовательн|образовательн\w* организац|директор|заведующ|куратор|\b(ОО|ДОУ)\b"
)


def derive_rule_stubs(roadmap: Any) -> list[dict[str, Any]]:
    """Rule stubs for the roadmap items the organizations are responsible for."""
    stubs: list[dict[str, Any]] = []
    used: set[str] = set()
    for item in roadmap.items:
        if not _ORG_RESPONSIBLE.search(item.responsible):
            continue
        text = f"{item.activity} {item.result}".lower()
        check = next((c for pattern, c in _GUESSES if re.search(pattern, text)), None)
        rule_id = check if check and check not in used else f"item_{item.number.replace('.', '_')}"
        used.add(rule_id)
        stub: dict[str, Any] = {
            "id": rule_id,
            "title": item.result or item.activity[:60],
            "description": item.activity,
            "roadmap_items": [item.number],
            "applies_to": [k.value for k in OrgKind],
            "weight": 1,
            "effective_from": "ЗАПОЛНИТЬ: ГГГГ-ММ-ДД",
            "met": "ЗАПОЛНИТЬ: что считается выполнением",
            "partial": "ЗАПОЛНИТЬ: что считается частичным выполнением",
            "not_met": "ЗАПОЛНИТЬ: что считается невыполнением",
            "advice": "ЗАПОЛНИТЬ: рекомендация организации",
        }
        if check and rule_id != check:
            stub["check"] = check
        elif not check:
            stub["check"] = "ЗАПОЛНИТЬ: одна из " + ", ".join(check_names())
        stub["deadline"] = item.deadline.raw  # for the methodologist; remove before use
        stubs.append(stub)
    return stubs


def derive_rules_text(roadmap: Path) -> str:
    """YAML rule stubs for the roadmap items organizations answer for, with a header for the methodologist."""
    from crawler.roadmap import RoadmapError, parse_roadmap

    try:
        parsed = parse_roadmap(roadmap)
    except RoadmapError as exc:
        raise InputError(str(exc)) from None
    stubs = derive_rule_stubs(parsed)
    header = (
        f"# Заготовки правил по дорожной карте «{parsed.title}»\n"
        f"# ({parsed.approved_by or 'реквизиты утверждения не найдены'}).\n"
        "# Включены пункты, за которые отвечают образовательные организации. Заполните поля «ЗАПОЛНИТЬ»,\n"
        "# удалите поле deadline и добавьте правила в свой набор (crawler rules copy DIR; district.yaml);\n"
        "# проверка: crawler rules check DIR\n"
    )
    return header + yaml.safe_dump({"rules": stubs}, allow_unicode=True, sort_keys=False, width=110)
