"""Documentation as tests: what README.md and config.example.yaml promise exists, and what exists is promised.

- every setting of AppConfig is in config.example.yaml (with its comment) and is read somewhere in the code;
- every command and option of the command line appears in README's table of commands;
- README's exit codes are the ones crawler.errors defines.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import typer.main
import yaml
from pydantic import BaseModel

from crawler.cli import app
from crawler.config import AppConfig
from crawler.errors import ExitCode

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
EXAMPLE = ROOT / "config.example.yaml"
CODE = {p: p.read_text(encoding="utf-8") for p in (ROOT / "crawler").rglob("*.py")}


def _fields(model: type[BaseModel], prefix: str = "") -> list[tuple[str, str]]:
    """(dotted path, field name) of every leaf setting."""
    out: list[tuple[str, str]] = []
    for name, info in model.model_fields.items():
        kind = info.annotation
        if isinstance(kind, type) and issubclass(kind, BaseModel):
            out.extend(_fields(kind, f"{prefix}{name}."))
        else:
            out.append((f"{prefix}{name}", name))
    return out


def _lookup(data: object, dotted: str) -> bool:
    for key in dotted.split("."):
        if not isinstance(data, dict) or key not in data:
            return False
        data = data[key]
    return True


def test_every_setting_is_documented_in_the_example() -> None:
    example = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    missing = [path for path, _ in _fields(AppConfig) if not _lookup(example, path)]
    assert not missing, f"config.example.yaml lacks: {missing}"
    lines = EXAMPLE.read_text(encoding="utf-8").splitlines()
    for path, name in _fields(AppConfig):
        index = next(i for i, ln in enumerate(lines) if re.match(rf"\s*{name}:", ln))
        indent = len(lines[index]) - len(lines[index].lstrip())
        parent = next((ln for ln in reversed(lines[:index]) if len(ln) - len(ln.lstrip()) < indent), "")
        # its own comment, a comment line above it, or its block's comment (signatory: # подпись …)
        commented = "#" in lines[index] or lines[index - 1].lstrip().startswith("#") or (indent > 0 and "#" in parent)
        assert commented, f"config.example.yaml: «{path}» has no comment explaining it"


def test_every_setting_is_read_by_the_code() -> None:
    unread = []
    for path, name in _fields(AppConfig):
        readers = [p for p, text in CODE.items() if p.name != "config.py" and re.search(rf"\.{name}\b", text)]
        if not readers:
            unread.append(path)
    assert not unread, f"settings nobody reads: {unread}"


def _commands(group: Any, prefix: str) -> list[tuple[str, Any]]:
    """(command path, command) of every leaf command (Typer vendors its own Click: duck-typed)."""
    out: list[tuple[str, Any]] = []
    for name, command in group.commands.items():
        path = f"{prefix} {name}"
        if hasattr(command, "commands"):
            out.extend(_commands(command, path))
        else:
            out.append((path, command))
    return out


def test_every_command_and_option_is_in_the_readme_table() -> None:
    table = README[README.index("## Команды") :]
    table = table[: table.index("\n## ")]
    root = typer.main.get_command(app)
    problems = []
    for path, command in _commands(root, "crawler"):
        rows = [ln for ln in table.splitlines() if f"`{path}" in ln]
        if not rows:
            problems.append(f"{path}: no row in README's table of commands")
            continue
        text = " ".join(rows)
        for param in command.params:
            if param.param_type_name != "option" or param.name == "help":
                continue
            if not any(opt in text for opt in param.opts):
                problems.append(f"{path}: option {'/'.join(param.opts)} not in its README row")
    assert not problems, "\n".join(problems)


def test_readme_exit_codes_are_the_defined_ones() -> None:
    line = README[README.index("Коды завершения") :].split("\n\n")[0]
    documented = {int(code) for code in re.findall(r"`(\d+)`", line)}
    assert documented == {int(c) for c in ExitCode}, (documented, list(ExitCode))


def _model_fields(model: type[BaseModel], prefix: str = "") -> list[str]:
    out: list[str] = []
    for name, info in model.model_fields.items():
        kind = info.annotation
        out.append(f"{prefix}{name}")
        if isinstance(kind, type) and issubclass(kind, BaseModel):
            out.extend(_model_fields(kind, f"{prefix}{name}."))
    return out


def test_every_vocabulary_key_is_used() -> None:
    """A key a methodologist can fill in the classifier's or the district data's vocabulary must change something."""
    from crawler.classify.vocabulary import Vocabulary
    from crawler.facts.vocabulary import FactsVocabulary

    unused = []
    for model, home in ((Vocabulary, "classify/vocabulary.py"), (FactsVocabulary, "facts/vocabulary.py")):
        for path in _model_fields(model):
            name = path.rsplit(".", 1)[-1]
            if name == "version":
                continue
            # read as an attribute anywhere, or looked up by its name (scorer.phrases("kinds")) outside the model
            readers = [
                p
                for p, text in CODE.items()
                if re.search(rf"\.{name}\b", text)
                or (not str(p).endswith(home) and re.search(rf"[\"']{name}[\"']", text))
            ]
            if not readers:
                unused.append(f"{model.__name__}: {path}")
    assert not unused, f"vocabulary keys nothing reads: {unused}"
