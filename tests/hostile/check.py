"""Measure the real CLI against the hostile farm: expected vs got per case, false «не выполнено», crashes,
hangs, escapes, wall time and peak memory.

    .venv/bin/python -m tests.hostile.check [--cases id,id] [--one-by-one] [--keep DIR] [--json FILE]

Starts the farm (tests/hostile/farm.py), runs `python -m crawler.cli run …` in its own session with a hard
wall-clock limit (the whole process group is killed past it) and an address-space cap that protects the machine,
polls /proc for the memory of the whole process tree, then reads findings.json, the database, the run log and the
exports. A measuring tool: it always exits 0 unless it could not run at all.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import re
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import yaml

from tests.hostile.cases import BY_ID, CASES, RULES, TRAVERSAL_NAMES, XSS_MARK, Case
from tests.hostile.farm import HostileFarm
from tests.hostile.payloads import PASSWD_MARKER

ROOT = Path(__file__).resolve().parents[2]
PERIOD, TODAY = "2026-05", "2026-05-15"
PAGE = os.sysconf("SC_PAGE_SIZE")
TMP_WATCH = [Path("/tmp") / name for name in TRAVERSAL_NAMES]


def config_for(farm: HostileFarm, max_run_seconds: float) -> dict[str, Any]:
    """Tight limits for loopback: a hostile site costs seconds, not the production minutes."""
    return {
        "crawl": {
            "delay_seconds": 0.0,
            "timeout_seconds": 5,
            "retries": 1,
            "retry_backoff_seconds": 0,
            "max_run_seconds": max_run_seconds,
            "ca_bundle": str(farm.ca_bundle),
        },
        "extract": {"timeout_seconds": 30, "workers": 2},
    }


# ----------------------------------------------------------------------------------------- process tree


@dataclass
class ProcSample:
    pid: int
    rss_kb: int
    vms_kb: int
    hwm_kb: int  # the process's own peak resident size so far (VmHWM)
    cmd: str


def session_processes(sid: int) -> list[ProcSample]:
    """Every live process of a session (the CLI, its crawl child, extraction workers, OCR)."""
    out = []
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as fh:
                raw = fh.read().decode("latin-1")
            fields = raw[raw.rindex(")") + 2 :].split()
            if int(fields[3]) != sid or fields[0] == "Z":
                continue
            with open(f"/proc/{entry.name}/cmdline", "rb") as fh:
                cmd = fh.read().replace(b"\0", b" ").decode("utf-8", "replace").strip()
            hwm = 0
            with open(f"/proc/{entry.name}/status", "rb") as fh:
                for line in fh:
                    if line.startswith(b"VmHWM:"):
                        hwm = int(line.split()[1])
                        break
            rss = int(fields[21]) * PAGE // 1024
            out.append(ProcSample(int(entry.name), rss, int(fields[20]) // 1024, max(hwm, rss), cmd))
        except (OSError, ValueError, IndexError):
            continue
    return out


def _short_cmd(cmd: str) -> str:
    for key in ("crawler.crawl.worker", "crawler.cli", "tesseract", "playwright", "chromium"):
        if key in cmd:
            return key
    return cmd[:60]


@dataclass
class RunMeasure:
    exit_code: int | None = None
    wall_s: float = 0.0
    timed_out: bool = False
    peak_tree_rss_mb: float = 0.0
    peak_process_rss_mb: float = 0.0  # largest VmHWM of a single process of the tree
    peak_process: str = ""
    peak_vms_mb: float = 0.0
    orphans: list[str] = field(default_factory=list)  # processes of the session alive after the CLI ended
    peak_by_role: dict[str, float] = field(default_factory=dict)  # largest VmHWM per kind of process, MB


def run_measured(argv: list[str], cwd: Path, env: dict[str, str], timeout: float, as_limit_mb: int,
                 stdout: Path, stderr: Path) -> RunMeasure:  # fmt: skip
    """Run argv in a new session, poll its memory, kill the whole group at the timeout."""

    def limit() -> None:
        if as_limit_mb > 0:
            cap = as_limit_mb * 1024 * 1024
            resource.setrlimit(resource.RLIMIT_AS, (cap, cap))

    m = RunMeasure()
    started = time.monotonic()
    with stdout.open("wb") as out, stderr.open("wb") as err:
        proc = subprocess.Popen(
            argv, cwd=cwd, env=env, stdout=out, stderr=err, stdin=subprocess.DEVNULL,
            start_new_session=True, preexec_fn=limit,
        )  # fmt: skip
    status = 0
    while True:
        pid, status, _ = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        procs = session_processes(proc.pid)
        total = sum(p.rss_kb for p in procs)
        m.peak_tree_rss_mb = max(m.peak_tree_rss_mb, total / 1024)
        for p in procs:
            forked = p.pid != proc.pid and "crawler.cli" in p.cmd
            role = "extraction worker (fork of crawler.cli)" if forked else _short_cmd(p.cmd)
            m.peak_by_role[role] = max(m.peak_by_role.get(role, 0.0), p.hwm_kb / 1024)
            if p.hwm_kb / 1024 > m.peak_process_rss_mb:
                m.peak_process_rss_mb = p.hwm_kb / 1024
                m.peak_process = role
            m.peak_vms_mb = max(m.peak_vms_mb, p.vms_kb / 1024)
        if time.monotonic() - started > timeout:
            m.timed_out = True
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            _, status, _ = os.wait4(proc.pid, 0)
            break
        time.sleep(0.25)
    proc.returncode = os.waitstatus_to_exitcode(status)
    m.exit_code = proc.returncode
    m.wall_s = time.monotonic() - started
    time.sleep(0.5)
    left = session_processes(proc.pid)
    m.orphans = [f"{p.pid} {_short_cmd(p.cmd)}" for p in left]
    if left:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    return m


# -------------------------------------------------------------------------------------------- the run


@dataclass
class Traceback:
    exception: str
    where: str  # innermost frame in crawler/ (file:line in function)
    last_frame: str  # innermost frame of all
    context: str  # the log line before it
    case: str | None
    source: str


@dataclass
class CaseVerdict:
    id: str
    expected: str
    got: str
    statuses: dict[str, str]
    false_not_met: list[str]
    deviations: list[str]  # statuses the expectation does not allow (besides not_met)
    reason: str | None
    crawl_seconds: float | None
    requests: int | None
    farm_requests: int
    verdict: str  # OK, FALSE_NOT_MET, MISSING, DEVIATION
    notes: dict[str, str] = field(default_factory=dict)


@dataclass
class RunReport:
    label: str
    cases: list[str]
    measure: RunMeasure
    run_status: str | None
    run_error: str | None
    verdicts: list[CaseVerdict]
    tracebacks: list[Traceback]
    escapes: list[str]
    notes: list[str]
    work: str
    crawl_closed: list[str] = field(default_factory=list)  # Scrapy's reasons: finished, closespider_timeout, …

    @property
    def false_not_met(self) -> int:
        return sum(len(v.false_not_met) for v in self.verdicts)


def prepare(farm: HostileFarm, work: Path, case_ids: list[str], max_run_seconds: float) -> dict[str, Path]:
    if work.exists():
        shutil.rmtree(work)
    for sub in ("db", "out", "cwd", "tmp"):
        (work / sub).mkdir(parents=True)
    paths = {
        "work": work,
        "registry": farm.write_registry(work / "registry.yaml", case_ids),
        "config": work / "config.yaml",
        "db": work / "db" / "monitor.db",
        "out": work / "out",
        "cwd": work / "cwd",
        "tmp": work / "tmp",
    }
    paths["config"].write_text(yaml.safe_dump(config_for(farm, max_run_seconds), allow_unicode=True), "utf-8")
    return paths


def cli_env(tmp: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env["TMPDIR"] = str(tmp)  # the crawl's nm-crawl-* directories land here, where leftovers are attributable
    env.setdefault("PYTHONIOENCODING", "utf-8")
    return env


def run_argv(paths: dict[str, Path], *extra: str) -> list[str]:
    return [
        sys.executable, "-m", "crawler.cli", "run", "--registry", str(paths["registry"]), "--db", str(paths["db"]),
        "--out", str(paths["out"]), "--period", PERIOD, "--today", TODAY, "--config", str(paths["config"]),
        "--quiet", *extra,
    ]  # fmt: skip


def run_cases(
    farm: HostileFarm,
    case_ids: list[str],
    work: Path,
    *,
    label: str,
    timeout: float,
    max_run_seconds: float,
    as_limit_mb: int = 3072,
) -> RunReport:
    """One CLI run over the given cases' organizations, measured and checked."""
    paths = prepare(farm, work, case_ids, max_run_seconds)
    before_tmp = {p: _stat(p) for p in TMP_WATCH}
    farm_before = dict(farm.requests)
    measure = run_measured(
        run_argv(paths), paths["cwd"], cli_env(paths["tmp"]), timeout, as_limit_mb,
        work / "stdout.txt", work / "stderr.txt",
    )  # fmt: skip
    farm_requests = {k: farm.requests[k] - farm_before.get(k, 0) for k in case_ids}
    run_status, run_error, crawls = read_db(paths["db"])
    findings = read_findings(paths["out"])
    tracebacks, logged = find_tracebacks(work, farm)
    escapes, notes = find_escapes(paths, before_tmp)
    if logged:
        notes.append(f"{logged} network failure(s) logged by Scrapy with a stack (not crashes)")
    verdicts = [
        judge(BY_ID[c], findings.get(c), crawls.get(c), farm_requests.get(c, 0), measure.timed_out) for c in case_ids
    ]
    if measure.timed_out:
        notes.append(f"the run was killed at the harness limit ({timeout:g} s)")
    closed = crawl_close_reasons(paths["out"])
    if any(reason != "finished" for reason in closed):
        notes.append(
            f"the crawl did not end by itself: Scrapy closed it with {', '.join(closed)} "
            f"(crawl.max_run_seconds = {max_run_seconds:g} s; MEMUSAGE_LIMIT_MB = 2048)"
        )
    return RunReport(
        label, case_ids, measure, run_status, run_error, verdicts, tracebacks, escapes, notes, str(work), closed
    )


def crawl_close_reasons(out: Path) -> list[str]:
    reasons = []
    for log in sorted(out.glob("run-*.log")):
        text = log.read_text(encoding="utf-8", errors="replace")
        reasons += re.findall(r"Spider closed \((\w+)\)", text)
    return reasons


def _stat(path: Path) -> tuple[float, int] | None:
    try:
        st = path.stat()
        return (st.st_mtime, st.st_size)
    except OSError:
        return None


def read_db(db: Path) -> tuple[str | None, str | None, dict[str, dict[str, Any]]]:
    """(status of the run, its error, per organization: crawl seconds and requests)."""
    if not db.exists():
        return None, None, {}
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=10)
        try:
            run = conn.execute("select id, status, error from runs order by id desc limit 1").fetchone()
            if run is None:
                return None, None, {}
            crawls: dict[str, dict[str, Any]] = {}
            for org_id, raw in conn.execute("select org_id, crawl from run_orgs where run_id = ?", [run[0]]):
                data = json.loads(raw)
                started, finished = data.get("started_at"), data.get("finished_at")
                seconds = None
                if started and finished:
                    from datetime import datetime

                    seconds = (datetime.fromisoformat(finished) - datetime.fromisoformat(started)).total_seconds()
                crawls[org_id] = {"seconds": seconds, "requests": data.get("requests"), "bytes": data.get("bytes")}
            return run[1], run[2], crawls
        finally:
            conn.close()
    except sqlite3.Error as exc:
        return None, f"database unreadable: {exc}", {}


def read_findings(out: Path) -> dict[str, dict[str, Any]]:
    try:
        data = json.loads((out / "findings.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {org["id"]: org for org in data}


def judge(case: Case, org: dict[str, Any] | None, crawl: dict[str, Any] | None, farm_requests: int,
          timed_out: bool) -> CaseVerdict:  # fmt: skip
    expect = case.expect
    seconds = crawl.get("seconds") if crawl else None
    requests = crawl.get("requests") if crawl else None
    if org is None:
        return CaseVerdict(case.id, expect.describe(), "no findings (run crashed or was killed)", {}, [], [], None,
                           seconds, requests, farm_requests, "MISSING")  # fmt: skip
    statuses = {r["id"]: r["status"] for r in org["rules"]}
    notes = {r["id"]: r["note"] for r in org["rules"]}
    false = [r for r in RULES if statuses.get(r) == "not_met"]
    deviations = [
        f"{r}={statuses.get(r)}" for r in RULES if statuses.get(r) not in expect.allowed(r) and r not in false
    ]
    reason = org.get("failure_reason")
    if expect.unreachable and expect.reason and not any(word in (reason or "") for word in expect.reason):
        deviations.append("reason lacks " + " / ".join(f"«{w}»" for w in expect.reason))
    if expect.unreachable and org.get("reachable"):
        deviations.append("reported reachable")
    verdict = "FALSE_NOT_MET" if false else ("DEVIATION" if deviations else "OK")
    return CaseVerdict(
        case.id, expect.describe(), summarize(statuses, org), statuses, false, deviations, reason,
        seconds, requests, farm_requests, verdict, {r: notes[r] for r in false},
    )  # fmt: skip


def summarize(statuses: dict[str, str], org: dict[str, Any]) -> str:
    by: dict[str, list[str]] = defaultdict(list)
    for rule in RULES:
        by[statuses.get(rule, "?")].append(rule)
    if len(by) == 1:
        (status,) = by
        text = f"all {status}"
    else:
        main = max(by, key=lambda k: len(by[k]))
        text = f"{main}×{len(by[main])}; " + "; ".join(f"{k}: {','.join(v)}" for k, v in by.items() if k != main)
    if not org.get("reachable"):
        text += f" [unreachable: {(org.get('failure_reason') or '')[:120]}]"
    return text


# ------------------------------------------------------------------------------------------ tracebacks

_FRAME = re.compile(r'^\s+File "([^"]+)", line (\d+), in (.+)$')
_HOST = re.compile(r"127\.0\.0\.(\d{1,3})")


CRASH_CONTEXT = ("Spider error processing", "ошибка обработки", "analysis of", "run ", "Error caught on signal",
                 "Unhandled")  # fmt: skip


def find_tracebacks(work: Path, farm: HostileFarm) -> tuple[list[Traceback], int]:
    """Tracebacks of the product's own code (or of a callback Scrapy reports as a spider error); the count of
    the others (Scrapy logging a network failure with its stack) comes second."""
    by_host = {h.host: h.case_id for h in farm.sites.values()}
    org_ids = {h.case_id for h in farm.sites.values()}
    found: list[Traceback] = []
    logged = 0
    sources = [work / "stdout.txt", work / "stderr.txt", *sorted((work / "out").glob("run-*.log"))]
    for source in sources:
        try:
            lines = source.read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            continue
        i = 0
        while i < len(lines):
            if not lines[i].startswith("Traceback (most recent call last)"):
                i += 1
                continue
            context = ""
            for back in range(i - 1, max(-1, i - 6), -1):
                if lines[back].strip() and not lines[back].startswith(" "):
                    context = lines[back]
                    break
            frames: list[tuple[str, str, str]] = []
            j = i
            while True:  # one chain: tracebacks joined by «The above exception …» / «During handling …»
                j += 1
                while j < len(lines) and (lines[j].startswith(" ") or not lines[j].strip()):
                    match = _FRAME.match(lines[j])
                    if match:
                        frames.append((match.group(1), match.group(2), match.group(3)))
                    j += 1
                exception = lines[j] if j < len(lines) else "?"
                k = j + 1
                while k < len(lines) and not lines[k].strip():
                    k += 1
                if k < len(lines) and lines[k].startswith(("The above exception", "During handling")):
                    k += 1
                    while k < len(lines) and not lines[k].strip():
                        k += 1
                    if k < len(lines) and lines[k].startswith("Traceback (most recent call last)"):
                        j = k
                        continue
                break
            own = [f for f in frames if "/crawler/" in f[0] and "/tests/" not in f[0]]
            if "Error downloading" in context or (not own and not any(w in context for w in CRASH_CONTEXT)):
                logged += 1
                i = j + 1
                continue
            where = _frame(own[-1]) if own else "—"
            last = _frame(frames[-1]) if frames else "—"
            case = None
            for text in (context, exception):
                host = _HOST.search(text)
                if host and int(host.group(1)) in by_host:
                    case = by_host[int(host.group(1))]
                    break
                named = next((o for o in org_ids if re.search(rf"(?<![\w-]){re.escape(o)}(?![\w-])", text)), None)
                if named:
                    case = named
                    break
            found.append(Traceback(exception[:300], where, last, context[:300], case, source.name))
            i = j + 1
    return found, logged


def _frame(frame: tuple[str, str, str]) -> str:
    path = frame[0]
    for marker in ("/crawler/", "/site-packages/", "/lib/python"):
        if marker in path:
            path = path[path.index(marker) + 1 :]
            break
    return f"{path}:{frame[1]} in {frame[2]}"


# --------------------------------------------------------------------------------------------- escapes

ALLOWED_TOP = {"registry.yaml", "config.yaml", "stdout.txt", "stderr.txt", "export.csv", "db", "out", "cwd", "tmp"}


def find_escapes(
    paths: dict[str, Path], before_tmp: dict[Path, tuple[float, int] | None]
) -> tuple[list[str], list[str]]:
    """Files outside the output directories, live script in the brief, formula cells, /etc/passwd text."""
    escapes: list[str] = []
    notes: list[str] = []
    work = paths["work"]
    for path in TMP_WATCH:
        if _stat(path) != before_tmp.get(path) and _stat(path) is not None:
            escapes.append(f"file written outside the output: {path}")
    for entry in work.iterdir():
        if entry.name not in ALLOWED_TOP:
            escapes.append(f"unexpected file next to the outputs: {entry}")
    for entry in paths["cwd"].rglob("*"):
        escapes.append(f"file written in the working directory: {entry.relative_to(paths['cwd'])}")
    for entry in paths["tmp"].iterdir():
        notes.append(f"left in TMPDIR: {entry.name}")
    for entry in work.rglob("*"):
        if any(name.split(".")[0] in entry.name for name in TRAVERSAL_NAMES):
            escapes.append(f"file named after a hostile Content-Disposition: {entry.relative_to(work)}")
    out = paths["out"]
    for page in [*out.glob("*.html"), *out.glob("letters/**/*.html")]:
        escapes += [f"{page.relative_to(work)}: {x}" for x in live_script(page.read_text("utf-8", "replace"))]
    scripted = [p for p in out.glob("archive/**/*.html") if XSS_MARK.encode() in p.read_bytes()]
    if scripted:
        notes.append(f"evidence archive keeps {len(scripted)} site page(s) with their own <script> as fetched")
    for sheet in out.glob("*.csv"):
        escapes += [f"{sheet.name}: {x}" for x in formula_cells_csv(sheet.read_text("utf-8-sig", "replace"))]
    for book in out.glob("*.xlsx"):
        escapes += [f"{book.name}: {x}" for x in formula_cells_xlsx(book)]
    export = work / "export.csv"
    if paths["db"].exists():
        proc = subprocess.run(
            [sys.executable, "-m", "crawler.cli", "export", "--db", str(paths["db"]), "--period", PERIOD,
             "--format", "csv"],
            capture_output=True, timeout=120, cwd=paths["cwd"], env=cli_env(paths["tmp"]), stdin=subprocess.DEVNULL,
        )  # fmt: skip
        export.write_bytes(proc.stdout)
        escapes += [
            f"crawler export --format csv: {x}" for x in formula_cells_csv(proc.stdout.decode("utf-8", "replace"))
        ]
    marker = PASSWD_MARKER.encode()
    for f in [*out.rglob("*"), paths["db"], work / "stdout.txt", work / "stderr.txt"]:
        if f.is_file() and marker in f.read_bytes():
            escapes.append(f"/etc/passwd text ({PASSWD_MARKER}) in {f.relative_to(work)}")
    return escapes, notes


def live_script(text: str) -> list[str]:
    """Elements from the site's hostile text that a browser would run."""
    from lxml import html as lxml_html

    if XSS_MARK not in text:
        return []
    doc = lxml_html.document_fromstring(text)
    found = []
    for el in doc.iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag == "script" and XSS_MARK in (el.text or ""):
            found.append(f"live <script>: {(el.text or '')[:80]}")
        for name, value in el.attrib.items():
            if name.lower().startswith("on") and XSS_MARK in value:
                found.append(f"live {name}= on <{el.tag}>")
            if name.lower() in ("href", "src") and value.strip().lower().startswith("javascript:"):
                found.append(f"javascript: URL on <{el.tag}>")
    return found


_NUMBER = re.compile(r"^[+-]?\d+([.,]\d+)?%?$")


def dangerous_cell(value: str) -> bool:
    if not value or value[0] not in "=+-@\t\r":
        return False
    return not _NUMBER.match(value.strip()) and value.strip() not in ("-", "+")


def formula_cells_csv(text: str) -> list[str]:
    dialect_delims = ";" if text.count(";") >= text.count(",") else ","
    found = []
    for row in csv.reader(io.StringIO(text), delimiter=dialect_delims):
        for cell in row:
            if dangerous_cell(cell):
                found.append(f"cell starts a formula: {cell[:80]!r}")
    return found


def formula_cells_xlsx(path: Path) -> list[str]:
    from openpyxl import load_workbook

    found = []
    wb = load_workbook(path, read_only=True, data_only=False)
    try:
        for ws in wb.worksheets:
            for row in ws.iter_rows():
                for cell in row:
                    if getattr(cell, "data_type", None) == "f":
                        found.append(f"{ws.title}!{cell.coordinate}: formula {str(cell.value)[:80]!r}")
    finally:
        wb.close()
    return found


# ---------------------------------------------------------------------------------------------- output


def print_report(report: RunReport, *, one_line: bool = False) -> None:
    m = report.measure
    head = (
        f"== {report.label}: exit {m.exit_code}, wall {m.wall_s:.1f} s, peak RSS tree {m.peak_tree_rss_mb:.0f} MB "
        f"(largest process {m.peak_process_rss_mb:.0f} MB: {m.peak_process or '—'}; peak VSZ {m.peak_vms_mb:.0f} MB), "
        f"run status {report.run_status}"
        + (", KILLED AT HARNESS TIMEOUT" if m.timed_out else "")
        + (f", orphans {m.orphans}" if m.orphans else "")
    )
    print(head)
    if report.run_error:
        print(f"   run error: {report.run_error[:300]}")
    for v in report.verdicts:
        secs = f"{v.crawl_seconds:.0f}s" if v.crawl_seconds is not None else "—"
        requests = v.requests if v.requests is not None else "—"
        print(
            f"   {v.id:22} {v.verdict:13} false_not_met={len(v.false_not_met)} crawl={secs:>5} "
            f"req={requests}/{v.farm_requests} | expected: {v.expected} | got: {v.got}"
        )
        for rule, note in v.notes.items():
            print(f"        not_met {rule}: {note[:160]}")
        if v.deviations and v.verdict != "OK":
            print(f"        deviations: {', '.join(v.deviations)}")
    groups: dict[tuple[str, str], list[Traceback]] = defaultdict(list)
    for tb in report.tracebacks:
        groups[(tb.where, tb.exception)].append(tb)
    for (where, exc), tbs in groups.items():
        cases = sorted({t.case or "?" for t in tbs})
        print(f"   TRACEBACK ×{len(tbs)} at {where} (last frame {tbs[0].last_frame}): {exc}  cases: {', '.join(cases)}")
    for esc in report.escapes:
        print(f"   ESCAPE: {esc}")
    for note in report.notes:
        print(f"   note: {note}")
    print(
        f"   total false «не выполнено»: {report.false_not_met}; cases OK "
        f"{sum(v.verdict == 'OK' for v in report.verdicts)}/{len(report.verdicts)}"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Run the CLI against the hostile farm and measure it.")
    ap.add_argument("--cases", help="comma-separated case ids (default: all)")
    ap.add_argument("--one-by-one", action="store_true", help="one run per case instead of one district run")
    ap.add_argument("--keep", type=Path, help="keep the work directory here")
    ap.add_argument("--timeout", type=float, default=900, help="hard wall-clock limit of the district run, s")
    ap.add_argument("--case-timeout", type=float, default=300, help="hard limit of each one-by-one run, s")
    ap.add_argument("--max-run-seconds", type=float, default=None,
                    help="crawl.max_run_seconds in the config (default 300 district, 120 one-by-one)")  # fmt: skip
    ap.add_argument("--as-limit-mb", type=int, default=3072,
                    help="RLIMIT_AS of the CLI and its children, protects the machine (0: none)")  # fmt: skip
    ap.add_argument("--json", type=Path, help="write the reports as JSON here")
    args = ap.parse_args(argv)

    ids = [c.id for c in CASES] if not args.cases else [x.strip() for x in args.cases.split(",") if x.strip()]
    unknown = [i for i in ids if i not in BY_ID]
    if unknown:
        print(f"unknown case(s): {', '.join(unknown)}; known: {', '.join(BY_ID)}", file=sys.stderr)
        return 2
    work = args.keep or Path(tempfile.mkdtemp(prefix="nm-hostile-"))
    work.mkdir(parents=True, exist_ok=True)
    farm = HostileFarm(work / "farm", ids)
    farm.start()
    reports: list[RunReport] = []
    try:
        if args.one_by_one:
            for case_id in ids:
                report = run_cases(
                    farm, [case_id], work / "runs" / case_id, label=case_id, timeout=args.case_timeout,
                    max_run_seconds=args.max_run_seconds or 120, as_limit_mb=args.as_limit_mb,
                )  # fmt: skip
                print_report(report)
                sys.stdout.flush()
                reports.append(report)
            print_one_by_one_summary(reports)
        else:
            report = run_cases(
                farm, ids, work / "district", label=f"district run over {len(ids)} cases", timeout=args.timeout,
                max_run_seconds=args.max_run_seconds or 300, as_limit_mb=args.as_limit_mb,
            )  # fmt: skip
            print_report(report)
            reports.append(report)
    finally:
        farm.stop()
    if args.json:
        args.json.write_text(json.dumps([asdict(r) for r in reports], ensure_ascii=False, indent=2), "utf-8")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    else:
        print(f"work directory kept: {work}")
    return 0


def print_one_by_one_summary(reports: list[RunReport]) -> None:
    print("== one-by-one summary")
    total = 0
    for r in reports:
        v = r.verdicts[0]
        m = r.measure
        total += len(v.false_not_met)
        flags = []
        if m.timed_out:
            flags.append("HANG(killed)")
        if m.exit_code:
            flags.append(f"exit {m.exit_code}")
        if r.tracebacks:
            flags.append(f"tracebacks {len(r.tracebacks)}")
        if r.escapes:
            flags.append(f"escapes {len(r.escapes)}")
        if m.orphans:
            flags.append("orphans")
        bound = BY_ID[v.id].wall_bound
        if m.wall_s > bound:
            flags.append(f"SLOW(>{bound:g}s)")
        odd = [reason for reason in r.crawl_closed if reason != "finished"]
        if odd:
            flags.append(f"crawl closed by {','.join(odd)}")
        print(
            f"   {v.id:22} {v.verdict:13} false_not_met={len(v.false_not_met)} wall={m.wall_s:6.1f}s "
            f"peak={m.peak_tree_rss_mb:6.0f}MB {' '.join(flags)}"
        )
    print(f"   total false «не выполнено»: {total}")


if __name__ == "__main__":
    raise SystemExit(main())
