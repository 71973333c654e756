"""`crawler demo`: start the demo district's sites, run the January and May monitorings, stop the sites.

A command of the shell: it drives the core (crawler.monitor) and the demo farm and shows their progress.
"""

from __future__ import annotations

import time
from pathlib import Path

import yaml
from rich.console import Console

from crawler.cli.present import RunProgress, print_summary
from crawler.errors import ExitCode, InputError
from crawler.monitor import RunRequest, annual_report, run_period

# Loopback servers are not fragile school servers: a short delay keeps the demo quick while
# the per-site concurrency limit and timeouts stay as in production.
DEMO_CONFIG = {
    "crawl": {"delay_seconds": 0.05, "timeout_seconds": 20, "retries": 1},
    "signatory": {"position": "Методист информационно-диагностического кабинета", "name": "И. И. Иванова"},
    "executor": {"name": "Петрова А. С.", "phone": "8 (83171) 4-55-12"},
}


def demo_config(workdir: Path) -> Path:
    path = workdir / "config.yaml"
    path.write_text(yaml.safe_dump(DEMO_CONFIG, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def run_demo(workdir: Path, port: int, serve_only: bool, console: Console) -> int:
    from crawler.demo.farm import DemoFarm, load_truth

    workdir = workdir.resolve()
    workdir.mkdir(parents=True, exist_ok=True)
    truth = load_truth()
    farm = DemoFarm(port=port)
    try:
        farm.start()
    except OSError as exc:
        raise InputError(f"не удалось запустить демонстрационные сайты на порту {port}: {exc}") from None
    try:
        registry = farm.write_registry(workdir / "registry.yaml")
        console.print(
            f"Демонстрационный округ «{truth.district}»: {len(farm.registry().organizations)} сайтов "
            f"на 127.0.0.N:{farm.port}. Реестр: {registry}"
        )
        if serve_only:
            console.print("Сайты работают. Остановить: Ctrl-C.")
            try:
                while True:
                    time.sleep(3600)
            except KeyboardInterrupt:
                return ExitCode.ok
        config = demo_config(workdir)
        db = workdir / "monitor.db"
        # January first (an earlier state of the sites), then May: the May brief compares the two
        for variant in ("previous", "current"):
            spec = truth.variants[variant]
            farm.set_variant(variant)
            console.print(f"\n=== Мониторинг {spec.period} (состояние сайтов на {spec.today:%d.%m.%Y}) ===")
            outcome = run_period(
                RunRequest(
                    registry=registry,
                    db=db,
                    out=workdir / "out",
                    period=spec.period,
                    today=spec.today,
                    config=config,
                    kind="scheduled",
                    wait=True,
                ),
                RunProgress(console, console, quiet=False),
            )
            print_summary(console, outcome.summary)
            console.print(f"Справка: {outcome.paths['html']}")
        current = truth.variants["current"].period
        year = int(current[:4])
        annual = annual_report(db=db, year=year, out=workdir / "out", config=config, rules_dir=None)
        console.print(
            f"\nГотово. Справка: {workdir / 'out' / f'spravka-{current}.html'}\n"
            f"DOCX для подписи: {workdir / 'out' / f'spravka-{current}.docx'}\n"
            f"Приложение к справке: {workdir / 'out' / f'prilozhenie-{current}.html'} (и .docx)\n"
            f"Сведения о наставничестве (пп. 5.2, 5.5): {workdir / 'out' / f'svedeniya-{current}.xlsx'} (и .csv); "
            f"реестр практик: {workdir / 'out' / f'reestr-praktik-{current}.html'} (и .xlsx)\n"
            f"Аналитический отчёт за {year} год (п. 5.6): {annual.paths['html']} (и .docx)\n"
            f"Итоги в JSON: {workdir / 'out' / f'findings-{current}.json'}; база истории: {db}"
        )
        return ExitCode.ok
    finally:
        farm.stop()
