"""Operations: manual rechecks, `show`, retry of unreachable sites, schedules, notifications."""

from __future__ import annotations

import shlex
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from crawler.config import AppConfig
from crawler.job import (
    EXIT_BAD_INPUT,
    EXIT_FAILED,
    EXIT_OK,
    JobError,
    acquire,
    analyze_org,
    crawl_orgs,
    evaluate,
    load_inputs,
    open_store,
    period_lock,
)
from crawler.models import STATUS_RU, Organization, OrgFindings, Status
from crawler.outputs import write_outputs
from crawler.resources import rules_dir
from crawler.store import Store, utcnow

MARK = {Status.met: "+", Status.partial: "±", Status.not_met: "−", Status.unknown: "?"}
DEFAULT_ROADMAP = rules_dir() / "roadmap-district.txt"


def _check_one(
    org: Organization,
    store: Store,
    run_id: int,
    config: AppConfig,
    ruleset: Any,
    today: date,
    overrides: list[Any],
) -> tuple[Any, OrgFindings]:
    crawl = crawl_orgs([org], config, store, run_id, None, None)[org.id]
    docs = analyze_org(org, crawl, store, config, ruleset.vocabulary_path())
    findings = evaluate(org, crawl, docs, ruleset, today, overrides)
    store.save_findings(run_id, findings, ruleset.version)
    return crawl, findings


def _apply_to_run(
    store: Store,
    base_run: int,
    org: Organization,
    crawl: Any,
    findings: OrgFindings,
    manual_run: int,
    ver: str,
) -> None:
    """Replace one organization's results in a period's run and note the recheck."""
    store.save_crawl(base_run, org.name, org.kind.value, org.site, crawl)
    store.save_findings(base_run, findings, ver)
    with store.transaction():
        store.db["rechecks"].upsert(
            {"run_id": base_run, "org_id": org.id, "manual_run_id": manual_run, "at": utcnow().isoformat()},
            pk=("run_id", "org_id"),
        )


def recheck_org(
    org_id: str,
    registry_path: Path,
    db: Path,
    out: Path,
    period: str,
    today: date,
    rule_ids: list[str],
    apply: bool,
    config_path: Path | None,
    rules_dir: Path | None,
    console: Console,
) -> int:
    """`crawler recheck ORG_ID`: crawl one organization now and show what changed."""
    try:
        inputs = load_inputs(registry_path, config_path, rules_dir, [org_id])
        store = open_store(db)
    except JobError as exc:
        console.print(f"Ошибка: {exc}")
        return exc.code
    config, registry, orgs, ruleset, overrides = (
        inputs.config, inputs.registry, inputs.orgs, inputs.ruleset, inputs.overrides,
    )  # fmt: skip
    known_rules = {r.id for r in ruleset.rules}
    unknown = [r for r in rule_ids if r not in known_rules]
    if unknown:
        console.print(f"Ошибка: неизвестные критерии: {', '.join(unknown)}; есть: {', '.join(sorted(known_rules))}")
        return EXIT_BAD_INPUT
    org = orgs[0]
    base = store.latest_run(period, "scheduled")
    before = next((f for f in store.findings(base["id"]) if f.id == org.id), None) if base else None

    manual_run = store.start_run(period, "manual", today.isoformat(), ruleset.version, {"recheck": org.id})
    console.print(f"Перепроверка: {org.name} ({org.site}) …")
    try:
        crawl, after = _check_one(org, store, manual_run, config, ruleset, today, overrides)
        store.finish_run(manual_run, "done")
    except Exception as exc:
        store.finish_run(manual_run, "failed", str(exc))
        console.print(f"Ошибка: перепроверка не удалась: {exc}")
        return EXIT_FAILED
    print_verdicts(console, after, before, rule_ids, ruleset, base["period"] if base else None)

    if not apply:
        if base:
            console.print("Итоги периода не изменены. Чтобы внести их в справку, повторите с --apply.")
        return EXIT_OK
    if base is None:
        console.print(
            f"Ошибка: за период {period} нет завершённого планового мониторинга — вносить перепроверку некуда."
        )
        return EXIT_BAD_INPUT
    lock = period_lock(db, period)
    try:
        lock.acquire(timeout=600)
    except Exception:
        console.print(f"Ошибка: мониторинг периода {period} ещё идёт; повторите --apply после его окончания.")
        return 4
    try:
        _apply_to_run(store, base["id"], org, crawl, after, manual_run, ruleset.version)
        paths = write_outputs(store, base["id"], out, config, ruleset, registry)
    finally:
        lock.release()
    console.print(f"Итоги периода {period} обновлены, справка пересобрана: {paths.get('html', out)}")
    return EXIT_OK


def print_verdicts(
    console: Console,
    after: OrgFindings,
    before: OrgFindings | None,
    rule_ids: list[str],
    ruleset: Any,
    base_period: str | None,
) -> None:
    titles = {r.id: r.title for r in ruleset.rules}
    table = Table(title=f"{after.name}: баллы {_score(after)}", show_lines=True)
    table.add_column("Критерий")
    if before is not None:
        table.add_column(f"Было ({base_period})")
    table.add_column("Стало")
    table.add_column("Обоснование")
    for result in after.rules:
        if rule_ids and result.rule_id not in rule_ids:
            continue
        row = [titles.get(result.rule_id, result.rule_id)]
        if before is not None:
            old = before.rule(result.rule_id)
            row.append(f"{MARK[old.status]} {STATUS_RU[old.status]}" if old else "—")
        changed = before is not None and (old is None or old.status != result.status)
        now = f"{MARK[result.status]} {STATUS_RU[result.status]}"
        row.append(f"[bold]{now}[/bold]" if changed else now)
        urls = "\n".join(e.url for e in result.evidence[:3])
        row.append(f"{result.note}\n{urls}".strip())
        table.add_row(*row)
    console.print(table)
    if not after.reachable:
        console.print(f"Сайт недоступен: {after.failure_reason}")


def _score(f: OrgFindings) -> str:
    return "—" if f.score is None else f"{f.score:.0f} %"


def show_org(org_id: str, db: Path, period: str | None, console: Console) -> int:
    """`crawler show ORG_ID`: the latest verdicts from the store, without crawling."""
    if not db.exists():
        console.print(f"Ошибка: файл базы {db} не найден.")
        return EXIT_BAD_INPUT
    store = open_store(db)
    sql = (
        "select r.id, r.period, r.kind, r.finished_at from runs r join run_orgs o on o.run_id = r.id "
        "where r.status = 'done' and o.org_id = ? and o.findings is not null"
    )
    args: list[Any] = [org_id]
    if period:
        sql += " and r.period = ?"
        args.append(period)
    rows = list(store.db.query(sql + " order by r.id desc limit 1", args))
    if not rows:
        console.print(f"Ошибка: в базе нет итогов по организации «{org_id}»" + (f" за {period}." if period else "."))
        return EXIT_BAD_INPUT
    run = rows[0]
    findings = next(f for f in store.findings(run["id"]) if f.id == org_id)
    kind = "плановый" if run["kind"] == "scheduled" else "ручная перепроверка"
    console.print(f"Запуск № {run['id']} ({kind}), период {run['period']}, завершён {run['finished_at'][:16]} UTC")
    table = Table(title=f"{findings.name}: баллы {_score(findings)}", show_lines=True)
    for col in ("Критерий", "Оценка", "Обоснование"):
        table.add_column(col)
    for r in findings.rules:
        urls = "\n".join(e.url for e in r.evidence[:3])
        manual = " (вручную)" if r.manual else ""
        table.add_row(r.rule_id, f"{MARK[r.status]} {STATUS_RU[r.status]}{manual}", f"{r.note}\n{urls}".strip())
    console.print(table)
    return EXIT_OK


# ----------------------------------------------------------------- retry window


def retry_unreachable(
    registry_path: Path,
    db: Path,
    out: Path,
    period: str,
    now: datetime | None,
    config_path: Path | None,
    rules_dir: Path | None,
    console: Console,
) -> int:
    """`crawler retry`: recheck the period's unreachable organizations while the retry window is open."""
    try:
        inputs = load_inputs(registry_path, config_path, rules_dir)
        store = open_store(db)
    except JobError as exc:
        console.print(f"Ошибка: {exc}")
        return exc.code
    config, registry, orgs, ruleset, overrides = (
        inputs.config, inputs.registry, inputs.orgs, inputs.ruleset, inputs.overrides,
    )  # fmt: skip
    base = store.latest_run(period, "scheduled")
    if base is None:
        console.print(f"За период {period} нет завершённого планового мониторинга; повторять нечего.")
        return EXIT_OK
    now = now or datetime.now(UTC)
    started = datetime.fromisoformat(base["started_at"])
    if now - started > timedelta(days=config.retry.for_days):
        console.print(f"Окно повторных проверок периода {period} закрыто ({config.retry.for_days:g} сут.).")
        return EXIT_OK
    unreachable = {f.id for f in store.findings(base["id"]) if not f.reachable}
    todo = [o for o in orgs if o.id in unreachable]
    if not todo:
        console.print("Недоступных сайтов нет.")
        return EXIT_OK
    lock = period_lock(db, period)
    try:
        acquire(lock, True, period)
    except JobError as exc:
        console.print(str(exc))
        return exc.code
    try:
        today = date.fromisoformat(base["today"])
        manual_run = store.start_run(period, "retry", today.isoformat(), ruleset.version, {"retry": True})
        changed = 0
        try:
            crawls = crawl_orgs(todo, config, store, manual_run, None, None)
            for org in todo:
                crawl = crawls[org.id]
                docs = analyze_org(org, crawl, store, config, ruleset.vocabulary_path())
                findings = evaluate(org, crawl, docs, ruleset, today, overrides)
                store.save_findings(manual_run, findings, ruleset.version)
                if crawl.reachable:
                    _apply_to_run(store, base["id"], org, crawl, findings, manual_run, ruleset.version)
                    changed += 1
                    console.print(f"{org.name}: сайт снова доступен, итоги обновлены.")
                else:
                    console.print(f"{org.name}: по-прежнему недоступен ({crawl.failure_reason}).")
            store.finish_run(manual_run, "done")
        except Exception as exc:
            store.finish_run(manual_run, "failed", str(exc))
            console.print(f"Ошибка: повторная проверка не удалась: {exc}")
            return EXIT_FAILED
        if changed:
            paths = write_outputs(store, base["id"], out, config, ruleset, registry)
            console.print(f"Справка пересобрана: {paths.get('html', out)}")
    finally:
        lock.release()
    return EXIT_OK


# -------------------------------------------------------------------- schedules


def schedule_files(
    months: list[int],
    crawler_bin: str,
    workdir: Path,
    registry: Path,
    db: Path,
    out: Path,
    day: int = 15,
    hour: int = 3,
    retry_hours: float = 6,
) -> dict[str, str]:
    """Crontab and systemd units for the monitoring calendar (roadmap item 5.1)."""
    month_list = ",".join(str(m) for m in months)
    month_names = ", ".join(_MONTHS_RU[m - 1] for m in months)
    common = f"--registry {shlex.quote(str(registry))} --db {shlex.quote(str(db))} --out {shlex.quote(str(out))}"
    log = shlex.quote(str(workdir / "logs" / "monitor.log"))
    run = f"{crawler_bin} run --quiet --kind scheduled {common}"
    run_if_due = f"{run} --if-missing --only-months {month_list} --not-before-day {day}"
    retry = f"{crawler_bin} retry --quiet {common}"
    every = max(1, int(retry_hours))
    crontab = (
        f"# Мониторинг сайтов ОО по п. 5.1 дорожной карты: ежегодно ({month_names}).\n"
        "# Установка: crontab schedules/crontab (от имени пользователя, владеющего каталогом данных).\n"
        "SHELL=/bin/sh\n"
        f"# плановый запуск {day}-го числа в {hour}:00\n"
        f"0 {hour} {day} {month_list} * cd {shlex.quote(str(workdir))} && mkdir -p logs && "
        f"{run} --if-missing >> {log} 2>&1\n"
        f"# повторная проверка недоступных сайтов каждые {every} ч в месяцы мониторинга\n"
        f"30 */{every} * {month_list} * cd {shlex.quote(str(workdir))} && mkdir -p logs && "
        f"{retry} >> {log} 2>&1\n"
        "# пропущенный запуск (машина была выключена) выполняется после включения\n"
        f"@reboot sleep 300 && cd {shlex.quote(str(workdir))} && mkdir -p logs && "
        f"{run_if_due} >> {log} 2>&1\n"
    )
    on_calendar = "*-" + ",".join(f"{m:02d}" for m in months) + f"-{day:02d} {hour:02d}:00:00"
    service = (
        "[Unit]\n"
        "Description=Мониторинг разделов «Наставничество» на сайтах ОО (п. 5.1 дорожной карты)\n"
        "Wants=network-online.target\nAfter=network-online.target\n\n"
        "[Service]\nType=oneshot\n"
        f"WorkingDirectory={workdir}\n"
        f"ExecStart={run_if_due}\n"
        "Nice=10\n"
    )
    timer = (
        f"[Unit]\nDescription=Плановый мониторинг сайтов ОО ({month_names})\n\n"
        f"[Timer]\nOnCalendar={on_calendar}\n"
        "# Persistent: пропущенный запуск выполняется при следующем включении\n"
        "Persistent=true\nRandomizedDelaySec=15min\n\n[Install]\nWantedBy=timers.target\n"
    )
    retry_service = (
        "[Unit]\nDescription=Повторная проверка недоступных сайтов ОО\n"
        "Wants=network-online.target\nAfter=network-online.target\n\n"
        f"[Service]\nType=oneshot\nWorkingDirectory={workdir}\nExecStart={retry}\nNice=10\n"
    )
    retry_timer = (
        "[Unit]\nDescription=Повторная проверка недоступных сайтов ОО\n\n"
        "[Timer]\nOnCalendar=*-{}-* 00/{}:30:00\nPersistent=false\n\n[Install]\nWantedBy=timers.target\n"
    ).format(",".join(f"{m:02d}" for m in months), every)
    return {
        "crontab": crontab,
        "nastavnik-monitor.service": service,
        "nastavnik-monitor.timer": timer,
        "nastavnik-monitor-retry.service": retry_service,
        "nastavnik-monitor-retry.timer": retry_timer,
    }


_MONTHS_RU = [
    "январь", "февраль", "март", "апрель", "май", "июнь",
    "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь",
]  # fmt: skip


def schedule_command(
    roadmap: Path | None,
    write: Path | None,
    registry: Path | None,
    db: Path | None,
    out: Path | None,
    console: Console,
) -> int:
    from crawler.roadmap import RoadmapError, parse_roadmap, periodic_months

    source = roadmap or DEFAULT_ROADMAP
    try:
        parsed = parse_roadmap(source)
    except FileNotFoundError:
        console.print(f"Ошибка: файл дорожной карты {source} не найден.")
        return EXIT_BAD_INPUT
    except RoadmapError as exc:
        console.print(f"Ошибка: {exc}")
        return EXIT_BAD_INPUT
    months = periodic_months(parsed, "5.1")
    if not months:
        console.print(f"Ошибка: в дорожной карте {source} у п. 5.1 нет ежегодных месяцев мониторинга.")
        return EXIT_BAD_INPUT
    workdir = Path.cwd().resolve()
    crawler_bin = str(Path(sys.argv[0]).resolve()) if Path(sys.argv[0]).name == "crawler" else "crawler"
    files = schedule_files(
        months,
        crawler_bin,
        workdir,
        (registry or workdir / "registry.yaml").resolve(),
        (db or workdir / "data" / "monitor.db").resolve(),
        (out or workdir / "reports-out").resolve(),
    )
    if write is None:
        for name, text in files.items():
            console.print(f"# ===== {name} =====", markup=False)
            console.print(text, markup=False, highlight=False)
        return EXIT_OK
    write.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (write / name).write_text(text, encoding="utf-8")
    console.print(f"Записано в {write}: {', '.join(files)}")
    return EXIT_OK


def due_now(only_months: list[int], not_before_day: int | None, today: date) -> bool:
    """Whether a catch-up run is due: a monitoring month, on or after the planned day."""
    if only_months and today.month not in only_months:
        return False
    return not (not_before_day and today.day < not_before_day)
