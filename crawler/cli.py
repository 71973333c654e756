"""Command line of the monitoring tool (Russian help and messages).

Each command parses its options and hands over to the module of its stage;
the stage modules are imported lazily so that `crawler --help` stays fast.

Exit codes (also in README.md):
  0 — успех; 1 — запуск завершился ошибкой; 2 — неверные входные данные (реестр,
  настройки, правила, аргументы); 3 — команда ещё не реализована; 4 — другой запуск
  того же периода уже идёт.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from crawler import __version__

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_BAD_INPUT = 2
EXIT_NOT_BUILT = 3
EXIT_LOCKED = 4

console = Console(stderr=False, highlight=False)
err_console = Console(stderr=True, highlight=False)

app = typer.Typer(
    help="Мониторинг разделов «Наставничество» и локальных актов на сайтах образовательных организаций.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
orgs_app = typer.Typer(help="Реестр организаций округа.", no_args_is_help=True)
rules_app = typer.Typer(help="Файлы правил (критерии справки).", no_args_is_help=True)
roadmap_app = typer.Typer(help="Дорожные карты (источник правил и расписания).", no_args_is_help=True)
app.add_typer(orgs_app, name="orgs")
app.add_typer(rules_app, name="rules")
app.add_typer(roadmap_app, name="roadmap")


class CliError(Exception):
    """A user-facing failure with a Russian message and an exit code."""

    def __init__(self, message: str, code: int = EXIT_BAD_INPUT):
        super().__init__(message)
        self.code = code


def not_built(command: str) -> None:
    raise CliError(f"Команда «crawler {command}» ещё не реализована.", EXIT_NOT_BUILT)


def _version(value: bool) -> None:
    if value:
        console.print(f"crawler {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Показать версию.")
    ] = False,
) -> None:
    pass


# Shared options
RegistryOpt = Annotated[Path, typer.Option("--registry", "-r", help="Реестр организаций (YAML).")]
DbOpt = Annotated[Path, typer.Option("--db", help="Файл базы истории (SQLite).")]
OutOpt = Annotated[Path, typer.Option("--out", "-o", help="Каталог для справки и выгрузок.")]
ConfigOpt = Annotated[Path | None, typer.Option("--config", "-c", help="Файл настроек (YAML).")]
PeriodOpt = Annotated[str | None, typer.Option("--period", help="Период мониторинга ГГГГ-ММ.")]
TodayOpt = Annotated[str | None, typer.Option("--today", help="Дата мониторинга ГГГГ-ММ-ДД (по умолчанию сегодня).")]


def parse_today(value: str | None) -> date:
    if value is None:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CliError(f"Дата «{value}» не в формате ГГГГ-ММ-ДД.") from None


def parse_period(value: str | None, today: date) -> str:
    if value is None:
        return f"{today.year:04d}-{today.month:02d}"
    try:
        date.fromisoformat(value + "-01")
    except ValueError:
        raise CliError(f"Период «{value}» не в формате ГГГГ-ММ (например, 2027-01).") from None
    return value


@orgs_app.command("check")
def orgs_check(file: Annotated[Path, typer.Argument(help="Файл реестра (YAML).")]) -> None:
    """Проверить реестр организаций и вывести ошибки с номерами строк."""
    from crawler.registry import RegistryError, load_registry

    try:
        registry = load_registry(file)
    except RegistryError as exc:
        err_console.print(f"Реестр содержит ошибки ({len(exc.problems)}):")
        for line in exc.problems:
            err_console.print(f"  • {line}")
        raise typer.Exit(EXIT_BAD_INPUT) from None
    counts: dict[str, int] = {}
    for org in registry.organizations:
        counts[org.kind.value] = counts.get(org.kind.value, 0) + 1
    parts = ", ".join(f"{k}: {v}" for k, v in sorted(counts.items()))
    console.print(f"Реестр в порядке: {registry.district}, организаций {len(registry.organizations)} ({parts}).")


@app.command("run")
def run(
    registry: RegistryOpt,
    db: DbOpt = Path("data/monitor.db"),
    out: OutOpt = Path("out"),
    period: PeriodOpt = None,
    today: TodayOpt = None,
    org: Annotated[list[str] | None, typer.Option("--org", help="Только эти организации (id).")] = None,
    config: ConfigOpt = None,
    rules: Annotated[Path | None, typer.Option("--rules", help="Каталог файлов правил.")] = None,
    kind: Annotated[str, typer.Option("--kind", help="scheduled (плановый) или manual.")] = "scheduled",
    resume: Annotated[bool, typer.Option("--resume", help="Продолжить прерванный запуск.")] = False,
    wait: Annotated[bool, typer.Option("--wait", help="Ждать окончания другого запуска.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Без строки прогресса (для cron).")] = False,
    ignore_robots: Annotated[
        bool, typer.Option("--ignore-robots", help="Не соблюдать robots.txt (только по решению ИДК).")
    ] = False,
    if_missing: Annotated[
        bool, typer.Option("--if-missing", help="Только если за период ещё нет планового запуска.")
    ] = False,
    only_months: Annotated[
        str | None, typer.Option("--only-months", help="Только в эти месяцы, например 1,5 (для cron).")
    ] = None,
    not_before_day: Annotated[
        int | None, typer.Option("--not-before-day", help="Не раньше этого числа месяца (для cron).")
    ] = None,
) -> None:
    """Обойти сайты организаций, оценить их по правилам и написать справку."""
    from crawler.job import RunRequest, run_monitoring
    from crawler.ops import due_now

    day = parse_today(today)
    if only_months or not_before_day:
        try:
            months = [int(m) for m in only_months.split(",")] if only_months else []
        except ValueError:
            raise CliError(f"--only-months: ожидается список месяцев через запятую, получено «{only_months}»") from None
        if not due_now(months, not_before_day, day):
            if not quiet:
                console.print("Сейчас не время планового мониторинга; ничего не делаю.")
            raise typer.Exit(EXIT_OK)
    request = RunRequest(
        registry=registry,
        db=db,
        out=out,
        period=parse_period(period, day),
        today=day,
        org_ids=org or [],
        config=config,
        rules_dir=rules,
        kind=kind,
        resume=resume,
        wait=wait,
        quiet=quiet,
        ignore_robots=ignore_robots,
        if_missing=if_missing,
    )
    code = run_monitoring(request, console)
    raise typer.Exit(code)


@app.command("recheck")
def recheck(
    org_id: Annotated[str, typer.Argument(help="id организации из реестра.")],
    registry: RegistryOpt,
    db: DbOpt = Path("data/monitor.db"),
    out: OutOpt = Path("out"),
    period: PeriodOpt = None,
    today: TodayOpt = None,
    rule: Annotated[list[str] | None, typer.Option("--rule", help="Показать только эти критерии.")] = None,
    apply: Annotated[bool, typer.Option("--apply", help="Обновить итоги периода и пересобрать справку.")] = False,
    config: ConfigOpt = None,
    rules: Annotated[Path | None, typer.Option("--rules", help="Каталог файлов правил.")] = None,
) -> None:
    """Перепроверить одну организацию сейчас (после исправления сайта)."""
    from crawler.ops import recheck_org

    day = parse_today(today)
    code = recheck_org(
        org_id=org_id,
        registry_path=registry,
        db=db,
        out=out,
        period=parse_period(period, day),
        today=day,
        rule_ids=rule or [],
        apply=apply,
        config_path=config,
        rules_dir=rules,
        console=console,
    )
    raise typer.Exit(code)


@app.command("retry")
def retry(
    registry: RegistryOpt,
    db: DbOpt = Path("data/monitor.db"),
    out: OutOpt = Path("out"),
    period: PeriodOpt = None,
    config: ConfigOpt = None,
    rules: Annotated[Path | None, typer.Option("--rules", help="Каталог файлов правил.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Без лишнего вывода (для cron).")] = False,
) -> None:
    """Повторно проверить недоступные сайты в окне мониторинга и пересобрать справку."""
    from crawler.ops import retry_unreachable

    day = date.today()
    code = retry_unreachable(
        registry_path=registry,
        db=db,
        out=out,
        period=parse_period(period, day),
        now=None,
        config_path=config,
        rules_dir=rules,
        console=console,
    )
    raise typer.Exit(code)


@app.command("show")
def show(
    org_id: Annotated[str, typer.Argument(help="id организации.")],
    db: DbOpt = Path("data/monitor.db"),
    period: PeriodOpt = None,
) -> None:
    """Показать последние оценки организации без обхода сайта."""
    from crawler.ops import show_org

    raise typer.Exit(show_org(org_id=org_id, db=db, period=period, console=console))


@app.command("export")
def export(
    db: DbOpt = Path("data/monitor.db"),
    period: PeriodOpt = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="json или csv.")] = "json",
) -> None:
    """Выгрузить итоги периода (JSON или CSV) в стандартный вывод."""
    from crawler.job import export_findings

    raise typer.Exit(export_findings(db=db, period=period, fmt=fmt, stream=sys.stdout))


@app.command("report")
def report(
    db: DbOpt = Path("data/monitor.db"),
    period: PeriodOpt = None,
    out: OutOpt = Path("out"),
    compare_with: Annotated[str | None, typer.Option("--compare-with", help="Период для сравнения (ГГГГ-ММ).")] = None,
    config: ConfigOpt = None,
    rules: Annotated[Path | None, typer.Option("--rules", help="Каталог файлов правил.")] = None,
) -> None:
    """Пересобрать справку прошлого периода из базы (итоги не пересчитываются)."""
    from crawler.job import regenerate_report

    raise typer.Exit(
        regenerate_report(
            db=db,
            period=period,
            out=out,
            compare_with=compare_with,
            config_path=config,
            rules_dir=rules,
            console=console,
        )
    )


@app.command("demo")
def demo(
    workdir: Annotated[Path, typer.Option("--workdir", help="Каталог для базы и справки.")] = Path("demo-output"),
    port: Annotated[int, typer.Option("--port", help="Порт демонстрационных сайтов.")] = 8765,
    serve_only: Annotated[
        bool, typer.Option("--serve-only", help="Только запустить сайты (Ctrl-C — остановить).")
    ] = False,
) -> None:
    """Запустить демонстрационный округ, обойти его сайты и написать справку."""
    from crawler.demo.runner import run_demo

    raise typer.Exit(run_demo(workdir=workdir, port=port, serve_only=serve_only, console=console))


@app.command("classify")
def classify(
    targets: Annotated[list[str], typer.Argument(help="Файлы или URL документов.")],
    as_json: Annotated[bool, typer.Option("--json", help="Вывод в JSON.")] = False,
    org_name: Annotated[str | None, typer.Option("--org-name", help="Название организации-владельца сайта.")] = None,
) -> None:
    """Извлечь текст документов и определить их тип, реквизиты и подпись."""
    from crawler.classify.cli import classify_targets

    raise typer.Exit(classify_targets(targets, as_json=as_json, org_name=org_name, console=console))


@rules_app.command("check")
def rules_check(
    rules_dir: Annotated[Path | None, typer.Argument(help="Каталог правил (по умолчанию rules/).")] = None,
) -> None:
    """Проверить файлы правил."""
    from crawler.ruleset import check_rules_command

    raise typer.Exit(check_rules_command(rules_dir, console=console))


@rules_app.command("copy")
def rules_copy(
    target: Annotated[Path, typer.Argument(help="Каталог для своей копии правил.")],
    force: Annotated[bool, typer.Option("--force", help="Перезаписать существующие файлы.")] = False,
) -> None:
    """Скопировать правила, словарь классификатора и дорожную карту для правки (затем rules_dir в настройках)."""
    from crawler.ruleset import copy_rules

    try:
        written = copy_rules(target, force=force)
    except FileExistsError as exc:
        raise CliError(f"файл {exc.filename} уже есть; чтобы перезаписать, добавьте --force") from None
    for path in written:
        console.print(f"  {path}")
    console.print(f"Правила скопированы в {target}. Укажите в настройках: rules_dir: {target}")


@rules_app.command("derive")
def rules_derive(
    roadmap: Annotated[Path, typer.Argument(help="Дорожная карта (txt, docx, pdf).")],
) -> None:
    """Составить заготовки правил по пунктам дорожной карты."""
    from crawler.ruleset import derive_rules_command

    raise typer.Exit(derive_rules_command(roadmap, console=console))


@roadmap_app.command("parse")
def roadmap_parse(
    file: Annotated[Path, typer.Argument(help="Дорожная карта (txt, docx, pdf).")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="yaml или json.")] = "yaml",
) -> None:
    """Разобрать таблицу дорожной карты на пункты со сроками."""
    from crawler.roadmap import parse_roadmap_command

    raise typer.Exit(parse_roadmap_command(file, fmt=fmt, console=console))


@app.command("doctor")
def doctor(
    registry: Annotated[Path | None, typer.Option("--registry", "-r", help="Реестр организаций.")] = None,
    db: DbOpt = Path("data/monitor.db"),
    out: OutOpt = Path("out"),
    config: ConfigOpt = None,
    rules: Annotated[Path | None, typer.Option("--rules", help="Каталог файлов правил.")] = None,
) -> None:
    """Проверить, всё ли нужное для мониторинга есть на этом компьютере."""
    from crawler.doctor import apt_line, check_setup, missing_packages

    checks = check_setup(registry=registry, db=db, out=out, config=config, rules_dir=rules)
    table = Table(title="Проверка компьютера и настроек", show_lines=False)
    for col in ("Что", "Состояние", "Подробности"):
        table.add_column(col)
    for check in checks:
        state = (
            "[green]в порядке[/green]" if check.ok else ("[red]нет[/red]" if check.required else "[yellow]нет[/yellow]")
        )
        table.add_row(check.what, state, check.detail)
    console.print(table)
    problems = [c for c in checks if c.problem]
    line = apt_line(missing_packages(checks))
    if line:
        console.print(f"Установите недостающие пакеты Debian:\n  {line}")
    if problems:
        console.print(
            f"Найдено проблем: {len(problems)}. Мониторинг на этом компьютере будет неполным или не запустится."
        )
        raise typer.Exit(EXIT_FAILED)
    console.print("Всё необходимое для мониторинга есть.")


@app.command("schedule")
def schedule(
    roadmap: Annotated[
        Path | None, typer.Option("--roadmap", help="Дорожная карта округа (по умолчанию из правил).")
    ] = None,
    write: Annotated[Path | None, typer.Option("--write", help="Записать файлы в этот каталог.")] = None,
    registry: Annotated[Path | None, typer.Option("--registry", "-r", help="Реестр организаций.")] = None,
    db: Annotated[Path | None, typer.Option("--db", help="Файл базы.")] = None,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Каталог справок.")] = None,
) -> None:
    """Напечатать (или записать) crontab и таймеры systemd по календарю дорожной карты."""
    from crawler.ops import schedule_command

    raise typer.Exit(schedule_command(roadmap=roadmap, write=write, registry=registry, db=db, out=out, console=console))


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
        text = f"недопустимое значение {opts}: {exc.message}"  # type: ignore[attr-defined]
    else:
        text = str(exc.format_message()) if hasattr(exc, "format_message") else str(exc)  # type: ignore[union-attr]
        for english, russian in (("No such command", "нет такой команды"), ("Нет такой", "нет такой")):
            text = text.replace(english, russian)
        text = text.replace(". Did you mean", " — возможно, имелось в виду").rstrip(".?")
    ctx = getattr(exc, "ctx", None)
    hint = f"\nПодробнее: {ctx.command_path} -h" if ctx is not None else ""
    return f"Ошибка: {text}.{hint}"


USAGE_ERRORS = {"UsageError", "BadParameter", "MissingParameter", "NoSuchOption", "BadOptionUsage", "BadArgumentUsage"}


def main() -> None:
    from crawler.cli_ru import install

    install()
    try:
        code = app(standalone_mode=False)
    except CliError as exc:
        err_console.print(f"Ошибка: {exc}")
        sys.exit(exc.code)
    except ModuleNotFoundError as exc:
        if exc.name == "fpdf":  # the demo district's document renderer is an optional extra
            err_console.print(
                "Ошибка: для демонстрационного округа нужно дополнение demo: "
                "pipx install 'nastavnik-monitor[demo]' (или pip install 'nastavnik-monitor[demo]')."
            )
            sys.exit(EXIT_BAD_INPUT)
        if exc.name and exc.name.startswith("crawler."):
            err_console.print(f"Ошибка: эта команда ещё не реализована (нет модуля {exc.name}).")
            sys.exit(EXIT_NOT_BUILT)
        raise
    except KeyboardInterrupt:
        err_console.print("Прервано пользователем.")
        sys.exit(130)
    except Exception as exc:
        name = type(exc).__name__
        if name == "NoArgsIsHelpError" and getattr(exc, "ctx", None) is not None:
            console.print(exc.ctx.get_help())  # type: ignore[attr-defined]
            sys.exit(EXIT_BAD_INPUT)
        if name in USAGE_ERRORS:
            err_console.print(usage_error_ru(exc), markup=False)
            sys.exit(EXIT_BAD_INPUT)
        if name == "Abort":
            err_console.print("Прервано.")
            sys.exit(130)
        raise
    sys.exit(code if isinstance(code, int) else EXIT_OK)


if __name__ == "__main__":
    main()
