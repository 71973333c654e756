"""Russian for the few strings Click and Typer print themselves (usage, errors, option help).

Click marks these strings for gettext but ships no Russian catalogue; this maps the ones
a user of this tool can see. Installed once by crawler.cli before the app runs. Usage errors that
Click raises are worded by usage_error_ru.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

RU: dict[str, str] = {
    "Usage:": "Использование:",
    "Options": "Параметры",
    "Commands": "Команды",
    "Arguments": "Аргументы",
    "Show this message and exit.": "Показать эту справку и выйти.",
    "Try '{command} {option}' for help.": "Подробнее: {command} {option}",
    "Error: {message}": "Ошибка: {message}",
    "Missing option": "Не указан параметр",
    "Missing argument": "Не указан аргумент",
    "Missing parameter": "Не указан параметр",
    "Missing parameter: {param_name}": "Не указан параметр: {param_name}",
    "Missing {param_type}": "Не указан {param_type}",
    "Missing command.": "Не указана команда.",
    "No such command {name!r}.": "Нет такой команды {name!r}.",
    "No such option {name!r}.": "Нет такого параметра {name!r}.",
    "No such option: {name}": "Нет такого параметра: {name}",
    "Option {name!r} does not take a value.": "Параметр {name!r} не принимает значения.",
    "Option {name!r} requires an argument.": "Параметру {name!r} нужно значение.",
    "Invalid value for {param_hint}: {message}": "Недопустимое значение {param_hint}: {message}",
    "Invalid value: {message}": "Недопустимое значение: {message}",
    "Got unexpected extra argument ({args})": "Лишний аргумент ({args})",
    "Got unexpected extra arguments ({args})": "Лишние аргументы ({args})",
    "{value!r} is not a valid integer.": "{value!r} — не целое число.",
    "{value!r} is not a valid float.": "{value!r} — не число.",
    "Aborted!": "Прервано.",
    "default: {default}": "по умолчанию: {default}",
    "required": "обязательно",
    "env var: {var}": "переменная окружения: {var}",
}
RU_PLURAL: dict[str, str] = {"Did you mean {possibility}?": "Возможно, имелось в виду {possibility}?"}

_MODULES = ("click.core", "click.exceptions", "click.formatting", "click.parser", "click.types", "click.decorators")
_TYPER_MODULES = ("typer.core",)


def _translate(message: str) -> str:
    return RU.get(message, message)


def _ngettext(singular: str, plural: str, n: int) -> str:
    if singular in RU_PLURAL:
        return RU_PLURAL[singular]
    if singular == "Got unexpected extra argument ({args})":
        return RU[singular] if n == 1 else RU[plural]
    return singular if n == 1 else plural


def _vendored_click_help() -> None:
    """Typer ≥ 0.29 vendors Click without its gettext hooks: the usage line's prefix and the help option's text are
    plain English strings there, so they are replaced at their source (once per process)."""
    try:
        from typer._click import core, formatting
    except ImportError:
        return
    if getattr(formatting.HelpFormatter.write_usage, "_russian", False):
        return
    write_usage = formatting.HelpFormatter.write_usage
    get_help_option = core.Command.get_help_option

    def write_usage_ru(self: Any, prog: str, args: str = "", prefix: str | None = None) -> None:
        write_usage(self, prog, args, RU["Usage:"] + " " if prefix is None else prefix)

    def get_help_option_ru(self: Any, ctx: Any) -> Any:
        option = get_help_option(self, ctx)
        if option is not None and option.help == "Show this message and exit.":
            option.help = RU["Show this message and exit."]
        return option

    write_usage_ru._russian = True  # type: ignore[attr-defined]
    formatting.HelpFormatter.write_usage = write_usage_ru  # type: ignore[method-assign]
    core.Command.get_help_option = get_help_option_ru  # type: ignore[method-assign]


def install() -> None:
    """Point Click's and Typer's gettext hooks at the Russian table."""
    _vendored_click_help()
    for name in (*_MODULES, *_TYPER_MODULES):
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        if hasattr(module, "_"):
            module._ = _translate  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            ngettext: Callable[[str, str, int], str] = _ngettext
            module.ngettext = ngettext  # type: ignore[attr-defined]


def usage_error_ru(exc: Exception) -> str:
    """A Russian message for Click's usage errors (Typer vendors Click without translations)."""
    name = type(exc).__name__
    param = getattr(exc, "param", None)
    opts = "/".join(getattr(param, "opts", []) or []) or getattr(param, "name", "") or ""
    if name == "MissingParameter":
        kind = "аргумент" if getattr(param, "param_type_name", "") == "argument" else "параметр"
        text = f"не указан {kind} {opts.upper() if kind == 'аргумент' else opts}".strip()
    elif name == "NoSuchOption":
        text = f"нет такого параметра {exc.option_name}"  # type: ignore[attr-defined]
        possible = sorted(getattr(exc, "possibilities", None) or [])
        if possible:
            text += f" (возможно, имелось в виду {', '.join(possible)})"
    elif name == "BadParameter":
        text = f"недопустимое значение {opts}: {_value_error_ru(exc)}"
    else:
        text = str(exc.format_message()) if hasattr(exc, "format_message") else str(exc)  # type: ignore[union-attr]
        for english, russian in (("No such command", "нет такой команды"), ("Нет такой", "нет такой")):
            text = text.replace(english, russian)
        text = text.replace(". Did you mean", " — возможно, имелось в виду").rstrip(".?")
    ctx = getattr(exc, "ctx", None)
    hint = f"\nПодробнее: {ctx.command_path} -h" if ctx is not None else ""
    return f"Ошибка: {text}.{hint}"


def _value_error_ru(exc: Exception) -> str:
    """Typer checks a value with pydantic and passes on pydantic's English words: say them in Russian."""
    from pydantic import ValidationError

    from crawler.yamlfile import ru_validation_error

    cause = exc.__cause__
    if isinstance(cause, ValidationError) and cause.errors():
        error = cause.errors()[0]
        if error.get("type") == "int_parsing":
            return f"{error.get('input')!r} — не целое число"
        return ru_validation_error(error)
    return str(getattr(exc, "message", exc))


USAGE_ERRORS = {"UsageError", "BadParameter", "MissingParameter", "NoSuchOption", "BadOptionUsage", "BadArgumentUsage"}
