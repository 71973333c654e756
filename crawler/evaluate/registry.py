"""The checks by name: a rule's `check` (crawler/rules/*.yaml) names one of them.

A check is a function (rule, context) -> RuleResult registered with `@register("name")`. The built-in
checks are the modules of crawler/evaluate/checks/, imported (and so registered) the first time the
registry is asked; a new module there is found without touching any other file. The rule loader asks
`check_names()` to validate the YAML, so an unknown name is an error naming its file and line.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from typing import TYPE_CHECKING

from crawler.models import RuleResult

if TYPE_CHECKING:
    from crawler.evaluate.context import Context
    from crawler.ruleset import Rule

CheckFn = Callable[["Rule", "Context"], RuleResult]

_CHECKS: dict[str, CheckFn] = {}
_BUILTIN_PACKAGE = "crawler.evaluate.checks"
_builtin_loaded = False


def register(name: str) -> Callable[[CheckFn], CheckFn]:
    """Decorator: make the function the check called `name` (the value of `check:` in a rule)."""

    def wrap(fn: CheckFn) -> CheckFn:
        known = _CHECKS.get(name)
        if known is not None and known is not fn:
            raise ValueError(f"проверка «{name}» уже зарегистрирована ({known.__module__})")
        _CHECKS[name] = fn
        return fn

    return wrap


def _load_builtin() -> None:
    """Import every module of crawler/evaluate/checks/ once: each registers its check."""
    global _builtin_loaded
    if _builtin_loaded:
        return
    package = importlib.import_module(_BUILTIN_PACKAGE)
    order: tuple[str, ...] = getattr(package, "ORDER", ())
    names = sorted(
        (m.name for m in pkgutil.iter_modules(package.__path__)),
        key=lambda name: (order.index(name) if name in order else len(order), name),
    )
    for name in names:
        importlib.import_module(f"{_BUILTIN_PACKAGE}.{name}")
    _builtin_loaded = True


def check_names() -> tuple[str, ...]:
    """Names of all registered checks (the built-in ones and any registered since)."""
    _load_builtin()
    return tuple(_CHECKS)


def get_check(name: str) -> CheckFn | None:
    _load_builtin()
    return _CHECKS.get(name)


def run_check(rule: Rule, ctx: Context) -> RuleResult:
    """Judge one rule with the check it names."""
    check = get_check(rule.evaluator)
    if check is None:
        raise ValueError(f"неизвестная проверка «{rule.evaluator}» в правиле «{rule.id}»")
    return check(rule, ctx)
