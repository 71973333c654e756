"""The command line (Russian help and messages): parses options, calls the core, presents the outcome.

This is the only place that turns failures (crawler.errors) into messages and exit codes; the stage modules
are imported lazily so that `crawler --help` stays fast.
"""

from __future__ import annotations

import signal
import sys
import threading
from datetime import date
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console

from crawler import __version__
from crawler.errors import CrawlerError, ExitCode, InputError, RunInterrupted

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


def done(code: int = ExitCode.ok) -> NoReturn:
    raise typer.Exit(int(code))


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
RegistryOpt = Annotated[
    Path, typer.Option("--registry", "-r", help="Реестр организаций (YAML или каталог файлов округов региона).")
]
DbOpt = Annotated[Path, typer.Option("--db", help="Файл базы истории (SQLite).")]
OutOpt = Annotated[Path, typer.Option("--out", "-o", help="Каталог для справки и выгрузок.")]
ConfigOpt = Annotated[Path | None, typer.Option("--config", "-c", help="Файл настроек (YAML).")]
RulesOpt = Annotated[Path | None, typer.Option("--rules", help="Каталог файлов правил.")]
PeriodOpt = Annotated[str | None, typer.Option("--period", help="Период мониторинга ГГГГ-ММ.")]
TodayOpt = Annotated[str | None, typer.Option("--today", help="Дата мониторинга ГГГГ-ММ-ДД (по умолчанию сегодня).")]


def parse_today(value: str | None) -> date:
    if value is None:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(f"Дата «{value}» не в формате ГГГГ-ММ-ДД.") from None


def parse_period(value: str | None, today: date) -> str:
    if value is None:
        return f"{today.year:04d}-{today.month:02d}"
    try:
        date.fromisoformat(value + "-01")
    except ValueError:
        raise InputError(f"Период «{value}» не в формате ГГГГ-ММ (например, 2027-01).") from None
    return value


def _raise_on_sigterm(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


@orgs_app.command("check")
def orgs_check(file: Annotated[Path, typer.Argument(help="Файл реестра (YAML) или каталог файлов округов.")]) -> None:
    """Проверить реестр организаций и вывести ошибки с номерами строк."""
    from crawler.registry import RegistryError, load_registry

    try:
        registry = load_registry(file)
    except RegistryError as exc:
        err_console.print(f"Реестр содержит ошибки ({len(exc.problems)}):")
        for line in exc.problems:
            err_console.print(f"  • {line}")
        done(ExitCode.bad_input)
    counts: dict[str, int] = {}
    for org in registry.organizations:
        counts[org.kind.value] = counts.get(org.kind.value, 0) + 1
    parts = ", ".join(f"{k}: {v}" for k, v in sorted(counts.items()))
    districts = registry.districts()
    where = (
        registry.district
        if len(districts) == 1
        else f"{registry.region or registry.district}, округов {len(districts)}"
    )
    console.print(f"Реестр в порядке: {where}, организаций {len(registry.organizations)} ({parts}).")


@app.command("run")
def run(
    registry: RegistryOpt,
    db: DbOpt = Path("data/monitor.db"),
    out: OutOpt = Path("out"),
    period: PeriodOpt = None,
    today: TodayOpt = None,
    org: Annotated[list[str] | None, typer.Option("--org", help="Только эти организации (id).")] = None,
    config: ConfigOpt = None,
    rules: RulesOpt = None,
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
    from crawler.cli.present import RunProgress, brief_where, print_summary
    from crawler.monitor import RunRequest, run_period
    from crawler.schedule import due_now

    day = parse_today(today)
    if only_months or not_before_day:
        try:
            months = [int(m) for m in only_months.split(",")] if only_months else []
        except ValueError:
            raise InputError(
                f"--only-months: ожидается список месяцев через запятую, получено «{only_months}»"
            ) from None
        if not due_now(months, not_before_day, day):
            if not quiet:
                console.print("Сейчас не время планового мониторинга; ничего не делаю.")
            done()
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
        ignore_robots=ignore_robots,
        if_missing=if_missing,
    )
    # SIGTERM (systemd stop, kill) unwinds like Ctrl-C: the run is marked failed and can be resumed
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _raise_on_sigterm)
    outcome = run_period(request, RunProgress(console, err_console, quiet=quiet))
    if outcome.skipped:
        console.print(f"Мониторинг периода {request.period} уже проведён; пропускаю.")
        done()
    if not quiet:
        print_summary(console, outcome.summary)
    if outcome.brief_changes:
        console.print("Настройки из -c изменили реквизиты справки продолженного запуска:")
        for change in outcome.brief_changes:
            console.print(f"  {change}", markup=False)
    console.print(f"Справка: {brief_where(outcome.paths, out)}")
    if "appendix_html" in outcome.paths:
        console.print(f"Приложение к справке: {outcome.paths['appendix_html']}")
    console.print(f"Итоги в JSON: {outcome.paths['findings']}")


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
    rules: RulesOpt = None,
) -> None:
    """Перепроверить одну организацию сейчас (после исправления сайта)."""
    from crawler.cli.present import brief_rebuilt, brief_where, verdicts_table
    from crawler.monitor import recheck

    day = parse_today(today)
    the_period = parse_period(period, day)
    console.print(f"Перепроверка: {org_id} …")
    outcome = recheck(
        org_id,
        registry=registry,
        db=db,
        out=out,
        period=the_period,
        today=day,
        rule_ids=rule or [],
        apply=apply,
        config=config,
        rules_dir=rules,
    )
    console.print(
        verdicts_table(
            outcome.ruleset, outcome.after, before=outcome.before, base_period=outcome.base_period, rule_ids=rule or []
        )
    )
    for warning in outcome.warnings:
        err_console.print(f"[bold red]Внимание:[/bold red] {warning}")
    if not outcome.after.reachable:
        console.print(f"Сайт недоступен: {outcome.after.failure_reason}")
    if outcome.applied:
        console.print(f"Итоги периода {the_period} обновлены, справка пересобрана: {brief_where(outcome.paths, out)}")
        brief_rebuilt(console, outcome.brief_changes, outcome.brief_signatory, config is not None)
    elif outcome.base_period:
        console.print("Итоги периода не изменены. Чтобы внести их в справку, повторите с --apply.")


@app.command("retry")
def retry(
    registry: RegistryOpt,
    db: DbOpt = Path("data/monitor.db"),
    out: OutOpt = Path("out"),
    period: PeriodOpt = None,
    config: ConfigOpt = None,
    rules: RulesOpt = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Без лишнего вывода (для cron).")] = False,
) -> None:
    """Повторно проверить недоступные сайты в окне мониторинга и пересобрать справку."""
    from crawler.cli.present import brief_rebuilt, brief_where
    from crawler.monitor import retry

    outcome = retry(
        registry=registry,
        db=db,
        out=out,
        period=parse_period(period, date.today()),
        now=None,
        config=config,
        rules_dir=rules,
    )
    if outcome.nothing_to_do:
        if not quiet:
            console.print(outcome.nothing_to_do)
        done()
    for org in outcome.back:
        console.print(f"{org.name}: сайт снова доступен, итоги обновлены.")
    for org, reason in outcome.still_down:
        console.print(f"{org.name}: по-прежнему недоступен ({reason}).")
    if outcome.paths:
        console.print(f"Справка пересобрана: {brief_where(outcome.paths, out)}")
        brief_rebuilt(console, outcome.brief_changes, outcome.brief_signatory, config is not None)


@app.command("show")
def show(
    org_id: Annotated[str, typer.Argument(help="id организации.")],
    db: DbOpt = Path("data/monitor.db"),
    period: PeriodOpt = None,
    rules: RulesOpt = None,
) -> None:
    """Показать последние оценки организации без обхода сайта."""
    from datetime import datetime

    from crawler.cli.present import verdicts_table
    from crawler.monitor import latest_findings_of, load_ruleset_or_fail
    from crawler.outputs import run_options
    from crawler.report.model import datetime_ru

    run, findings = latest_findings_of(db, org_id, period)
    kind = {"scheduled": "плановый", "retry": "повторная проверка"}.get(run["kind"], "ручная перепроверка")
    settings = run_options(run).get("brief") or {}
    zone = settings.get("timezone") or "Europe/Moscow"
    finished = datetime_ru(datetime.fromisoformat(run["finished_at"]), zone) if run.get("finished_at") else "—"
    console.print(f"Запуск № {run['id']} ({kind}), период {run['period']}, завершён {finished}")
    console.print(verdicts_table(load_ruleset_or_fail(rules), findings))


@app.command("export")
def export(
    db: DbOpt = Path("data/monitor.db"),
    period: PeriodOpt = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="json или csv.")] = "json",
) -> None:
    """Выгрузить итоги периода (JSON или CSV) в стандартный вывод."""
    import json

    from crawler.monitor import period_findings
    from crawler.outputs import findings_csv, findings_json

    if fmt not in ("json", "csv"):
        raise InputError(f"формат «{fmt}» не поддерживается; допустимы json и csv.")
    _, findings = period_findings(db, period)
    data = findings_json(findings)
    if fmt == "json":
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        findings_csv(data, sys.stdout)


@app.command("report")
def report(
    db: DbOpt = Path("data/monitor.db"),
    period: PeriodOpt = None,
    out: OutOpt = Path("out"),
    compare_with: Annotated[str | None, typer.Option("--compare-with", help="Период для сравнения (ГГГГ-ММ).")] = None,
    year: Annotated[
        int | None,
        typer.Option("--year", help="Аналитический отчёт за календарный год (п. 5.6): все мониторинги года."),
    ] = None,
    config: ConfigOpt = None,
    rules: RulesOpt = None,
) -> None:
    """Пересобрать справку прошлого периода из базы (итоги и подпись — как сохранены с запуском);
    с --year — аналитический отчёт за год."""
    from crawler.cli.present import annual_written, brief_rebuilt, brief_where
    from crawler.monitor import annual_report, regenerate

    if year is not None:
        if period or compare_with:
            raise InputError(
                "--year строит годовой отчёт по всем мониторингам года; --period и --compare-with с ним не указываются."
            )
        if not 2000 <= year <= 2100:
            raise InputError(f"Год «{year}» вне допустимого диапазона (2000–2100).")
        annual_written(console, annual_report(db=db, year=year, out=out, config=config, rules_dir=rules))
        return

    outcome = regenerate(db=db, period=period, out=out, compare_with=compare_with, config=config, rules_dir=rules)
    if outcome.stored_rules_version:
        console.print(
            f"Внимание: итоги получены по правилам версии {outcome.stored_rules_version}, "
            "сейчас правила другой версии; справка строится по сохранённым итогам."
        )
    console.print(f"Справка: {brief_where(outcome.paths, out)}")
    if "appendix_html" in outcome.paths:
        console.print(f"Приложение к справке: {outcome.paths['appendix_html']}")
    brief_rebuilt(console, outcome.brief_changes, outcome.brief_signatory, config is not None)


@app.command("demo")
def demo(
    workdir: Annotated[Path, typer.Option("--workdir", help="Каталог для базы и справки.")] = Path("demo-output"),
    port: Annotated[int, typer.Option("--port", help="Порт демонстрационных сайтов.")] = 8765,
    serve_only: Annotated[
        bool, typer.Option("--serve-only", help="Только запустить сайты (Ctrl-C — остановить).")
    ] = False,
) -> None:
    """Запустить демонстрационный округ, обойти его сайты и написать справку."""
    from crawler.cli.demo import run_demo

    done(run_demo(workdir=workdir, port=port, serve_only=serve_only, console=console))


@app.command("classify")
def classify(
    targets: Annotated[list[str], typer.Argument(help="Файлы или URL документов.")],
    as_json: Annotated[bool, typer.Option("--json", help="Вывод в JSON.")] = False,
    org_name: Annotated[str | None, typer.Option("--org-name", help="Название организации-владельца сайта.")] = None,
) -> None:
    """Извлечь текст документов и определить их тип, реквизиты и подпись."""
    import json

    from crawler.classify.targets import classify_targets, flat_parts
    from crawler.cli.present import print_classified

    results = classify_targets(targets, org_name)
    if as_json:
        console.print_json(json.dumps(flat_parts(results), ensure_ascii=False))
    else:
        print_classified(console, results)
    done(ExitCode.ok if all(r.get("parts") for r in results) else ExitCode.failed)


@rules_app.command("check")
def rules_check(
    rules_dir: Annotated[Path | None, typer.Argument(help="Каталог правил (по умолчанию — правила из пакета).")] = None,
) -> None:
    """Проверить файлы правил."""
    from crawler.ruleset import RulesError, load_ruleset

    try:
        ruleset = load_ruleset(rules_dir)
    except RulesError as exc:
        err_console.print(f"Файлы правил содержат ошибки ({len(exc.problems)}):", markup=False)
        for line in exc.problems:
            err_console.print(f"  • {line}", markup=False)
        done(ExitCode.bad_input)
    console.print(
        f"Правила в порядке: набор «{ruleset.id}», версия {ruleset.version}, {ruleset.district}; "
        f"критериев {len(ruleset.rules)}: " + ", ".join(r.id for r in ruleset.rules) + ".",
        markup=False,
    )
    zones = ", ".join(f"{z.name} — от {z.min_percent:g} %" for z in ruleset.zones)
    console.print(f"Зоны: {zones}.", markup=False)
    from crawler.facts import FactsVocabularyError, load_facts_vocabulary, vocabulary_beside

    try:  # the vocabulary of the district data (forms, positions) lives beside the rules
        load_facts_vocabulary(vocabulary_beside(ruleset.source_dir))
    except FactsVocabularyError as exc:
        err_console.print(f"Словарь сведений (facts.yaml) содержит ошибки:\n{exc}", markup=False)
        done(ExitCode.bad_input)


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
        raise InputError(f"файл {exc.filename} уже есть; чтобы перезаписать, добавьте --force") from None
    for path in written:
        console.print(f"  {path}")
    console.print(f"Правила скопированы в {target}. Укажите в настройках: rules_dir: {target}")


@rules_app.command("derive")
def rules_derive(
    roadmap: Annotated[Path, typer.Argument(help="Дорожная карта (txt, docx, pdf).")],
) -> None:
    """Составить заготовки правил по пунктам дорожной карты."""
    from crawler.ruleset import derive_rules_text

    console.print(derive_rules_text(roadmap), markup=False, highlight=False, soft_wrap=True)


@roadmap_app.command("parse")
def roadmap_parse(
    file: Annotated[Path, typer.Argument(help="Дорожная карта (txt, docx, pdf).")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="yaml или json.")] = "yaml",
) -> None:
    """Разобрать таблицу дорожной карты на пункты со сроками."""
    from crawler.roadmap import roadmap_text

    # plain print: rich markup must not eat «[…]» in activity texts
    console.print(roadmap_text(file, fmt), markup=False, highlight=False, soft_wrap=True)


@app.command("doctor")
def doctor(
    registry: Annotated[Path | None, typer.Option("--registry", "-r", help="Реестр организаций.")] = None,
    db: DbOpt = Path("data/monitor.db"),
    out: OutOpt = Path("out"),
    config: ConfigOpt = None,
    rules: RulesOpt = None,
) -> None:
    """Проверить, всё ли нужное для мониторинга есть на этом компьютере."""
    from crawler.cli.present import doctor_table
    from crawler.doctor import apt_line, check_setup, missing_packages

    checks = check_setup(registry=registry, db=db, out=out, config=config, rules_dir=rules)
    console.print(doctor_table(checks))
    problems = [c for c in checks if c.problem]
    line = apt_line(missing_packages(checks))
    if line:
        console.print(f"Установите недостающие пакеты Debian:\n  {line}")
    if problems:
        console.print(f"Найдено проблем: {len(problems)}: мониторинг на этом компьютере будет неполным.")
        done(ExitCode.failed)
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
    config: ConfigOpt = None,
    rules: RulesOpt = None,
) -> None:
    """Напечатать (или записать) crontab и таймеры systemd по календарю дорожной карты."""
    from crawler.monitor import load_config_or_fail, load_ruleset_or_fail
    from crawler.schedule import monitoring_months, schedule_files

    app_config = load_config_or_fail(config)
    ruleset = load_ruleset_or_fail(rules or app_config.rules_dir)
    months, item, _ = monitoring_months(ruleset, roadmap)
    workdir = Path.cwd().resolve()
    crawler_bin = str(Path(sys.argv[0]).resolve()) if Path(sys.argv[0]).name == "crawler" else "crawler"
    files = schedule_files(
        months,
        crawler_bin,
        workdir,
        (registry or workdir / "registry.yaml").resolve(),
        (db or workdir / "data" / "monitor.db").resolve(),
        (out or workdir / "reports-out").resolve(),
        retry_hours=app_config.retry.every_hours,
        item=item,
        config=config.resolve() if config else None,
    )
    if write is None:
        for name, text in files.items():
            console.print(f"# ===== {name} =====", markup=False)
            console.print(text, markup=False, highlight=False)
        return
    write.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (write / name).write_text(text, encoding="utf-8")
    console.print(f"Записано в {write}: {', '.join(files)}")


def main() -> None:
    from crawler.cli.russian import USAGE_ERRORS, install, usage_error_ru

    install()
    try:
        code = app(standalone_mode=False)
    except RunInterrupted as exc:
        err_console.print(str(exc))
        sys.exit(exc.exit_code)
    except CrawlerError as exc:
        err_console.print(f"Ошибка: {exc}")
        sys.exit(int(exc.code))
    except ModuleNotFoundError as exc:
        if exc.name == "fpdf":  # the demo district's document renderer is an optional extra
            err_console.print(
                "Ошибка: для демонстрационного округа нужно дополнение demo: "
                "pipx install 'nastavnik-monitor[demo]' (или pip install 'nastavnik-monitor[demo]')."
            )
            sys.exit(ExitCode.bad_input)
        raise
    except KeyboardInterrupt:
        err_console.print("Прервано пользователем.")
        sys.exit(ExitCode.interrupted)
    except Exception as exc:
        name = type(exc).__name__
        if name == "NoArgsIsHelpError" and getattr(exc, "ctx", None) is not None:
            console.print(exc.ctx.get_help())  # type: ignore[attr-defined]
            sys.exit(ExitCode.bad_input)
        if name in USAGE_ERRORS:
            err_console.print(usage_error_ru(exc), markup=False)
            sys.exit(ExitCode.bad_input)
        if name == "Abort":
            err_console.print("Прервано.")
            sys.exit(ExitCode.interrupted)
        raise
    sys.exit(code if isinstance(code, int) else ExitCode.ok)
