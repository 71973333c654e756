"""Operations over the demo district: cron-style runs, retry of a site that comes back, manual
recheck with --apply, two runs at once, and a run killed with SIGKILL then resumed."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
import yaml

from crawler.demo.farm import DemoFarm, load_truth

pytestmark = pytest.mark.slow  # crawls or serves whole districts: not in make test-fast

TODAY, PERIOD = "2026-05-20", "2026-05"


@pytest.fixture
def farm() -> Any:
    with DemoFarm(port=0) as running:
        yield running


@pytest.fixture
def work(tmp_path: Path, farm: DemoFarm) -> dict[str, Path]:
    config = tmp_path / "config.yaml"
    config.write_text(
        yaml.safe_dump({"crawl": {"delay_seconds": 0.0, "timeout_seconds": 10, "retries": 1}}), encoding="utf-8"
    )
    return {
        "registry": farm.write_registry(tmp_path / "registry.yaml"),
        "db": tmp_path / "monitor.db",
        "out": tmp_path / "out",
        "config": config,
    }


def cli(*args: str, **kwargs: Any) -> list[str]:
    return [sys.executable, "-m", "crawler.cli", *args]


def run_args(work: dict[str, Path], *orgs: str, extra: tuple[str, ...] = ()) -> list[str]:
    args = [
        "run", "--registry", str(work["registry"]), "--db", str(work["db"]), "--out", str(work["out"]),
        "--period", PERIOD, "--today", TODAY, "--config", str(work["config"]), "--quiet",
    ]  # fmt: skip
    for org in orgs:
        args += ["--org", org]
    return cli(*args, *extra)


def call(argv: list[str], timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(argv, capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL)


def statuses(out: Path, org_id: str) -> dict[str, str]:
    data = json.loads((out / "findings.json").read_text(encoding="utf-8"))
    org = next(o for o in data if o["id"] == org_id)
    return {r["id"]: r["status"] for r in org["rules"]}


def truth_rules(org_id: str, variant: str = "current") -> dict[str, str]:
    org = next(o for o in load_truth().organizations if o.id == org_id)
    return dict(org.rules if variant == "current" else org.rules_previous)


def test_scheduled_run_needs_no_terminal_and_writes_a_log(work: dict[str, Path]) -> None:
    proc = call(run_args(work, "sosh-1"))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert list(work["out"].glob("run-*.log")), "the run writes its log next to the brief"
    assert statuses(work["out"], "sosh-1") == truth_rules("sosh-1")
    # a catch-up start when the period is done does nothing and still exits 0
    again = call(run_args(work, "sosh-1", extra=("--if-missing",)))
    assert again.returncode == 0 and "уже проведён" in again.stdout


def test_site_down_then_back_is_retried_and_the_brief_shows_the_later_check(
    farm: DemoFarm, work: dict[str, Path]
) -> None:
    farm.set_down("sosh-1", True)
    proc = call(run_args(work, "sosh-1", "ds-4"))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert set(statuses(work["out"], "sosh-1").values()) == {"unknown"}
    first_check = json.loads((work["out"] / "findings.json").read_text("utf-8"))[0]["checked_at"]

    farm.set_down("sosh-1", False)
    retry = call(
        cli("retry", "--registry", str(work["registry"]), "--db", str(work["db"]), "--out", str(work["out"]),
            "--period", PERIOD, "--config", str(work["config"]))
    )  # fmt: skip
    assert retry.returncode == 0, retry.stdout + retry.stderr
    assert "снова доступен" in retry.stdout
    assert statuses(work["out"], "sosh-1") == truth_rules("sosh-1")
    assert statuses(work["out"], "ds-4") == truth_rules("ds-4")
    later = next(o for o in json.loads((work["out"] / "findings.json").read_text("utf-8")) if o["id"] == "sosh-1")
    assert later["checked_at"] > first_check
    html = (work["out"] / f"spravka-{PERIOD}.html").read_text(encoding="utf-8")
    assert "перепровер" in html.lower() or "повторн" in html.lower()


def test_recheck_after_a_site_changes_shows_the_change_and_apply_updates_the_brief(
    farm: DemoFarm, work: dict[str, Path]
) -> None:
    farm.set_variant("previous")  # the site as it was in January: no pairs order yet
    proc = call(run_args(work, "sosh-2"))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    before = statuses(work["out"], "sosh-2")
    farm.set_variant("current")
    base = (
        "recheck", "sosh-2", "--registry", str(work["registry"]), "--db", str(work["db"]),
        "--out", str(work["out"]), "--period", PERIOD, "--today", TODAY, "--config", str(work["config"]),
    )  # fmt: skip
    shown = call(cli(*base))
    assert shown.returncode == 0, shown.stdout + shown.stderr
    assert "Было" in shown.stdout and "Стало" in shown.stdout
    assert statuses(work["out"], "sosh-2") == before, "without --apply the period's findings stay"
    applied = call(cli(*base, "--apply"))
    assert applied.returncode == 0, applied.stdout + applied.stderr
    after = statuses(work["out"], "sosh-2")
    assert after == truth_rules("sosh-2")
    assert after != before
    shown_again = call(cli("show", "sosh-2", "--db", str(work["db"]), "--period", PERIOD))
    assert shown_again.returncode == 0 and "sosh-2" not in shown_again.stderr


def test_two_runs_of_one_period_started_at_once_do_not_both_crawl(farm: DemoFarm, work: dict[str, Path]) -> None:
    argv = run_args(work, "ds-2")  # the slow site keeps the first run busy
    first = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    second = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    outs = [p.communicate(timeout=300) for p in (first, second)]
    codes = sorted(p.returncode for p in (first, second))
    assert codes == [0, 4], outs
    assert any("уже выполняется" in o[1] for o in outs)  # errors go to stderr
    with sqlite3.connect(work["db"]) as db:
        assert db.execute("select count(*) from runs where period = ?", [PERIOD]).fetchone()[0] == 1


def test_run_killed_midway_then_resumed_gives_the_same_findings(farm: DemoFarm, work: dict[str, Path]) -> None:
    orgs = ("sosh-1", "sosh-3", "ds-4", "ds-2")
    proc = subprocess.Popen(
        run_args(work, *orgs), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    deadline = time.monotonic() + 240
    saved = 0
    while time.monotonic() < deadline and proc.poll() is None:
        if work["db"].exists():
            try:
                with sqlite3.connect(work["db"], timeout=5) as db:
                    saved = db.execute("select count(*) from run_orgs").fetchone()[0]
            except sqlite3.OperationalError:
                saved = 0
            if saved >= 1:
                break
        time.sleep(0.2)
    assert proc.poll() is None, "the run ended before it could be killed"
    os.killpg(proc.pid, signal.SIGKILL)  # the whole process group: the job and its crawl worker
    proc.wait(timeout=30)
    assert 1 <= saved < len(orgs)

    resumed = call(run_args(work, *orgs, extra=("--resume",)))
    assert resumed.returncode == 0, resumed.stdout + resumed.stderr
    with sqlite3.connect(work["db"]) as db:
        runs = db.execute("select status from runs where period = ?", [PERIOD]).fetchall()
    assert runs == [("done",)], "the resumed run is the same run, now finished"
    for org in orgs:
        assert statuses(work["out"], org) == truth_rules(org), org
