"""Measure the product on the second held-out district: `python -m tests.heldout2.check [--keep DIR]`.

Starts the farm, runs the real CLI (`crawler.cli run`) once for the period of the truth, and prints per organization
and per criterion the expected and the obtained status (mismatches marked, with the product's note), the section
found vs expected, the expected documents found or missed, the requests and bytes per site (the crawler's own
count from the database and the farm's count), the requests until the section, and the totals: criteria agreement,
sites fully right, false «не выполнено» (not_met where the truth says met, partial or unknown), wrong sections,
missed documents, median requests to the section. Always exits 0: it is a measuring tool, not a test.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from crawler.demo.truth import RULE_IDS, same_url
from tests.heldout2.farm import ORGS, Heldout2Farm
from tests.heldout2.truth import HeldoutTruth, load_truth

# fast on loopback: no politeness delay, short timeouts, one retry; everything else is the product's default
CONFIG: dict[str, Any] = {
    "crawl": {"delay_seconds": 0.0, "timeout_seconds": 15, "retries": 1, "retry_backoff_seconds": 0}
}
STATUS_RU = {"met": "выполнено", "partial": "частично", "not_met": "не выполнено", "unknown": "не удалось"}


@dataclass
class Run:
    """One run of the CLI on the district and everything measured about it."""

    returncode: int
    seconds: float
    output: str
    findings: dict[str, dict[str, Any]] = field(default_factory=dict)  # org id -> findings.json entry
    crawl: dict[str, dict[str, Any]] = field(default_factory=dict)  # org id -> OrgCrawlResult JSON from the DB
    traffic: dict[str, tuple[int, int]] = field(default_factory=dict)  # org id -> (requests, bytes) seen by the farm


def run_product(farm: Heldout2Farm, work: Path, truth: HeldoutTruth, timeout: float = 1800) -> Run:
    """Run `crawler.cli run` on the started farm; results are read from findings.json and the database."""
    work.mkdir(parents=True, exist_ok=True)
    registry = farm.write_registry(work / "registry.yaml")
    config = work / "config.yaml"
    config.write_text(yaml.safe_dump(CONFIG), encoding="utf-8")
    out = work / truth.period
    db = work / "monitor.db"
    argv = [
        sys.executable,
        "-m",
        "crawler.cli",
        "run",
        "--registry",
        str(registry),
        "--db",
        str(db),
        "--out",
        str(out),
        "--period",
        truth.period,
        "--today",
        truth.today.isoformat(),
        "--config",
        str(config),
        "--quiet",
    ]
    started = time.monotonic()
    try:
        proc = subprocess.run(argv, capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL)
        code, output = proc.returncode, proc.stdout + proc.stderr
    except subprocess.TimeoutExpired as exc:
        code, output = -1, f"timeout after {timeout} s\n{exc.stdout or ''}{exc.stderr or ''}"
    run = Run(code, time.monotonic() - started, output)
    findings_path = out / "findings.json"
    if findings_path.exists():
        run.findings = {o["id"]: o for o in json.loads(findings_path.read_text(encoding="utf-8"))}
    if db.exists():
        con = sqlite3.connect(db)
        try:
            rows = con.execute(
                "select org_id, crawl from run_orgs where run_id = (select max(id) from runs)"
            ).fetchall()
        finally:
            con.close()
        run.crawl = {org_id: json.loads(crawl) for org_id, crawl in rows if crawl}
    run.traffic = {org_id: farm.org_traffic(org_id) for org_id in ORGS}
    return run


def crawler_version() -> str:
    """The last commit that changed crawler/ (what was measured), or «?» outside a git checkout."""
    try:
        out = subprocess.run(
            ["git", "log", "-1", "--format=%h %ad %s", "--date=short", "--", "crawler"],
            capture_output=True,
            text=True,
            timeout=10,
            cwd=Path(__file__).resolve().parents[2],
        )
    except (OSError, subprocess.TimeoutExpired):
        return "?"
    return out.stdout.strip() or "?"


def _short(text: str, n: int = 150) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _kb(n: int) -> str:
    return f"{n / 1024:.0f} КБ" if n < 10 * 1024 * 1024 else f"{n / 1024 / 1024:.1f} МБ"


def report(truth: HeldoutTruth, run: Run) -> str:
    lines: list[str] = []
    say = lines.append
    say(
        f"Второй проверочный округ: {len(truth.organizations)} организаций, период {truth.period}, "
        f"дата {truth.today.isoformat()}"
    )
    say(f"Код обходчика: {crawler_version()}")
    say(f"Запуск CLI: код {run.returncode}, {run.seconds:.0f} с")
    if run.returncode != 0:
        say("Вывод CLI:\n" + run.output[-3000:])
    agree = total = sites_right = false_not_met = sections_wrong = docs_missed = docs_expected = 0
    to_section: list[int] = []
    mismatch_list: list[str] = []
    for org in truth.organizations:
        got = run.findings.get(org.id)
        crawl = run.crawl.get(org.id, {})
        say("")
        say(f"== {org.id} — {org.platform}")
        if got is None:
            say("   нет в findings.json")
            total += len(RULE_IDS)
            sections_wrong += 1
            docs_missed += len(org.documents)
            docs_expected += len(org.documents)
            continue
        farm_req, farm_bytes = run.traffic.get(org.id, (0, 0))
        rts = crawl.get("requests_to_section")
        say(
            f"   доступен: {got['reachable']} (ожидается {org.reachable})"
            + (f"; причина: {_short(got['failure_reason'] or '', 200)}" if got.get("failure_reason") else "")
        )
        say(
            f"   запросы: обходчик {crawl.get('requests', '?')} ({_kb(int(crawl.get('bytes') or 0))}), до раздела "
            f"{rts if rts is not None else '—'}; ферма {farm_req} запросов ({_kb(farm_bytes)})"
            + ("; лимит страниц исчерпан" if crawl.get("page_budget_exhausted") else "")
        )
        if rts is not None:
            to_section.append(int(rts))
        found_section = got.get("section_url")
        if org.section is None:
            ok = found_section is None
        else:
            ok = bool(found_section) and same_url(found_section, org.section)
        sections_wrong += not ok
        say(f"   раздел: {'OK' if ok else 'НЕВЕРНО'}; ожидается {org.section}; найден {found_section}")
        found_urls = [u for d in got.get("documents", []) for u in (d.get("url"), d.get("final_url")) if u]
        missing = [p for p in org.documents if not any(same_url(u, p) for u in found_urls)]
        docs_expected += len(org.documents)
        docs_missed += len(missing)
        say(
            f"   документы: найдено {len(org.documents) - len(missing)} из {len(org.documents)} ожидаемых "
            f"(всего в findings: {len(got.get('documents', []))})"
        )
        for p in missing:
            say(f"      нет: {p}")
        rules = {r["id"]: r for r in got.get("rules", [])}
        right = True
        for rule_id in RULE_IDS:
            want = org.rules[rule_id].value
            r = rules.get(rule_id, {})
            have = r.get("status", "—")
            total += 1
            if have == want:
                agree += 1
                mark = "  "
            else:
                right = False
                mark = "!!"
                if have == "not_met":
                    false_not_met += 1
                    mark = "!0"
                mismatch_list.append(
                    f"{org.id}.{rule_id}: ожидается {want}, получено {have} — {_short(r.get('note', ''), 220)}"
                )
            note = "" if have == want else f"  | {_short(r.get('note', ''))}"
            say(
                f"   {mark} {rule_id:<15} ожидается {STATUS_RU.get(want, want):<13} получено "
                f"{STATUS_RU.get(have, have):<13}{note}"
            )
        sites_right += right
    say("")
    say("== Итого")
    say(f"   совпадение критериев: {agree} из {total} ({100 * agree / max(total, 1):.0f} %)")
    say(f"   сайтов без единой ошибки: {sites_right} из {len(truth.organizations)}")
    say(f"   ложных «не выполнено» (получено not_met, по эталону met/partial/unknown): {false_not_met}")
    say(f"   раздел определён неверно: {sections_wrong} из {len(truth.organizations)}")
    say(f"   ожидаемых документов не найдено: {docs_missed} из {docs_expected}")
    req = sum(int(c.get("requests") or 0) for c in run.crawl.values())
    byt = sum(int(c.get("bytes") or 0) for c in run.crawl.values())
    freq = sum(r for r, _ in run.traffic.values())
    fbyt = sum(b for _, b in run.traffic.values())
    say(f"   запросов (обходчик): {req}, {_kb(byt)}; по журналу фермы: {freq}, {_kb(fbyt)}")
    if to_section:
        say(
            f"   запросов до раздела: медиана {statistics.median(to_section):g}, "
            f"наибольшее {max(to_section)} (сайтов с разделом: {len(to_section)})"
        )
    say(f"   время запуска: {run.seconds:.0f} с")
    if mismatch_list:
        say("")
        say("== Расхождения (список для исправления)")
        lines.extend(f"   {m}" for m in mismatch_list)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--keep", type=Path, help="каталог для реестра, базы, справки и отчёта (иначе временный)")
    args = parser.parse_args(argv)
    truth = load_truth()
    with tempfile.TemporaryDirectory(prefix="heldout2-") as tmp:
        work = args.keep or Path(tmp)
        with Heldout2Farm() as farm:
            run = run_product(farm, work, truth)
        text = report(truth, run)
        print(text)
        if args.keep:
            (work / "check-report.txt").write_text(text + "\n", encoding="utf-8")
            (work / "cli-output.txt").write_text(run.output, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
