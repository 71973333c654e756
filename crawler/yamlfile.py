"""YAML files a methodologist edits (settings, vocabularies): read, validate, and say what is wrong in Russian.

One wording of pydantic's validation errors for every file the tool reads (settings, rules, overrides,
vocabularies), so a mistake reads the same wherever it is made.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

Model = TypeVar("Model", bound=BaseModel)

_BOUNDS = {
    "greater_than": "больше {gt}",
    "greater_than_equal": "не меньше {ge}",
    "less_than": "меньше {lt}",
    "less_than_equal": "не больше {le}",
}
_TYPES = {
    "list_type": "ожидается список",
    "string_type": "ожидается строка",
    "model_type": "ожидается набор полей «имя: значение»",
    "dict_type": "ожидается набор полей «имя: значение»",
    "bool_type": "ожидается да или нет (true/false)",
}


def ru_validation_error(err: Mapping[str, Any]) -> str:
    """One pydantic error in Russian, without the field (the caller names it)."""
    kind = str(err.get("type", ""))
    ctx = err.get("ctx") or {}
    value = err.get("input")
    if kind == "extra_forbidden":
        return "неизвестное поле"
    if kind == "missing":
        return "обязательное поле не заполнено"
    if kind in ("literal_error", "enum"):
        expected = str(ctx.get("expected", "")).replace(" or ", " или ")
        return f"недопустимое значение {value!r}; допустимы: {expected}"
    if kind == "string_pattern_mismatch":
        return f"значение {value!r} не подходит: нужен латинский идентификатор из строчных букв"
    if kind in _BOUNDS:
        return f"значение {value!r} должно быть " + _BOUNDS[kind].format(**ctx)
    if kind == "too_short":
        return "список не может быть пустым"
    if kind == "string_too_short":
        return "значение не может быть пустым"
    if kind.startswith("date"):
        return f"ожидается дата ГГГГ-ММ-ДД, указано {value!r}"
    if kind == "value_error":
        return str(ctx.get("error") or err.get("msg", "")).removeprefix("Value error, ")
    if kind == "string_type" and isinstance(value, dict):
        # «- re:abc:» is read by YAML as «name: value»: a phrase with a colon at its end or before a space
        return "ожидается строка; если во фразе есть двоеточие, возьмите её в кавычки: '…'"
    if kind in _TYPES:
        return _TYPES[kind]
    if "parsing" in kind or kind.endswith("_type"):
        return f"неверный тип значения ({value!r})"
    return str(err.get("msg"))


def field_path(loc: tuple[Any, ...] | list[Any]) -> str:
    """crawl.max_pages, forms.2.name (list positions counted from 1, as a person counts them)."""
    return ".".join(str(p + 1) if isinstance(p, int) else str(p) for p in loc)


def load_model(path: Path, model: type[Model], what: str, error: type[Exception]) -> Model:
    """Read `path` as YAML and validate it as `model`; every problem becomes one Russian line of `error`."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except FileNotFoundError:
        raise error(f"{path}: {what} не найден") from None
    except UnicodeDecodeError:
        raise error(f"{path}: файл должен быть в кодировке UTF-8") from None
    except yaml.YAMLError as exc:
        raise error(f"{path}: ошибка синтаксиса YAML: {exc}") from None
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        lines = [f"{path}: поле {field_path(err['loc'])}: {ru_validation_error(err)}" for err in exc.errors()]
        raise error("\n".join(lines)) from None
