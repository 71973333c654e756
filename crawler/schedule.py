"""Cron and systemd units for the monitoring calendar of the rule set's roadmap item (5.1: January and May).

The months come from the roadmap the rule set names (`roadmap:` and `monitoring_item:` in its header),
the retry interval from the settings (retry.every_hours). The core builds the texts; the CLI writes them.
"""

from __future__ import annotations

import shlex
from datetime import date
from pathlib import Path

from crawler.errors import InputError
from crawler.ru import MONTHS_NOM
from crawler.ruleset import RuleSet


def monitoring_months(ruleset: RuleSet, roadmap: Path | None = None) -> tuple[list[int], str, Path]:
    """(months, item number, roadmap file) of the recurring monitoring the rule set is derived from."""
    from crawler.roadmap import RoadmapError, parse_roadmap, periodic_months

    source = roadmap or ruleset.roadmap_path()
    item = ruleset.monitoring_item
    if source is None:
        raise InputError("в наборе правил не указан файл дорожной карты (поле roadmap); укажите --roadmap")
    try:
        months = periodic_months(parse_roadmap(source), item)
    except FileNotFoundError:
        raise InputError(f"файл дорожной карты {source} не найден.") from None
    except RoadmapError as exc:
        raise InputError(str(exc)) from None
    if not months:
        raise InputError(f"в дорожной карте {source} у п. {item} нет ежегодных месяцев мониторинга.")
    return months, item, source


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
    item: str = "5.1",
    config: Path | None = None,
) -> dict[str, str]:
    """Crontab and systemd units for the monitoring calendar (the roadmap item the rules name)."""
    month_list = ",".join(str(m) for m in months)
    month_names = ", ".join(MONTHS_NOM[m - 1] for m in months)
    common = f"--registry {shlex.quote(str(registry))} --db {shlex.quote(str(db))} --out {shlex.quote(str(out))}"
    if config is not None:
        common += f" --config {shlex.quote(str(config))}"
    log = shlex.quote(str(workdir / "logs" / "monitor.log"))
    run = f"{crawler_bin} run --quiet --kind scheduled {common}"
    run_if_due = f"{run} --if-missing --only-months {month_list} --not-before-day {day}"
    retry = f"{crawler_bin} retry --quiet {common}"
    every = max(1, int(retry_hours))
    crontab = (
        f"# Мониторинг сайтов ОО по п. {item} дорожной карты: ежегодно ({month_names}).\n"
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
        f"Description=Мониторинг разделов «Наставничество» на сайтах ОО (п. {item} дорожной карты)\n"
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


def due_now(only_months: list[int], not_before_day: int | None, today: date) -> bool:
    """Whether a catch-up run is due: a monitoring month, on or after the planned day."""
    if only_months and today.month not in only_months:
        return False
    return not (not_before_day and today.day < not_before_day)
