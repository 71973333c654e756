"""The hostile district in one real `crawler run` (prints figures, asserts nothing).

.venv/bin/python bench/bench_hostile.py                   # every farm case: wall time, peak memory of the tree
.venv/bin/python bench/bench_hostile.py --cases a,b --report   # some cases, with the per-case table

Starts the fault-injection farm (tests/hostile/), runs the CLI over all its sites at once and prints the wall
time, the peak resident memory of the whole process tree (the CLI, the crawl child, extraction workers,
tesseract) and of its largest process, the crawl time of the slowest organization, the false «не выполнено»
and the crashes. The pass/fail version of the same run is tests/test_hostile.py; per case:
`python -m tests.hostile.check --one-by-one`.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.hostile import check  # noqa: E402
from tests.hostile.cases import BY_ID, CASES  # noqa: E402
from tests.hostile.farm import HostileFarm  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", help="comma-separated case ids (default: every case of the farm)")
    ap.add_argument("--max-run-seconds", type=float, default=300, help="crawl.max_run_seconds of the run")
    ap.add_argument("--timeout", type=float, default=900, help="the harness kills the run past this, s")
    ap.add_argument("--report", action="store_true", help="also print the per-case table")
    args = ap.parse_args(argv)
    ids = [c.id for c in CASES] if not args.cases else [x.strip() for x in args.cases.split(",") if x.strip()]
    unknown = [i for i in ids if i not in BY_ID]
    if unknown:
        print(f"unknown case(s): {', '.join(unknown)}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="nm-bench-hostile-") as tmp:
        farm = HostileFarm(Path(tmp) / "farm", ids)
        farm.start()
        try:
            report = check.run_cases(
                farm, ids, Path(tmp) / "district", label=f"hostile district, {len(ids)} sites",
                timeout=args.timeout, max_run_seconds=args.max_run_seconds,
            )  # fmt: skip
        finally:
            farm.stop()
    if args.report:
        check.print_report(report)
    m = report.measure
    slowest = max(report.verdicts, key=lambda v: v.crawl_seconds or 0.0)
    print(f"== hostile district: {len(ids)} sites, one `crawler run`")
    print(f"   wall time:                 {m.wall_s:.1f} s" + (" (KILLED at the harness limit)" if m.timed_out else ""))
    print(f"   peak RSS of the tree:      {m.peak_tree_rss_mb:.0f} MB")
    print(f"   largest process (VmHWM):   {m.peak_process_rss_mb:.0f} MB ({m.peak_process or '—'})")
    for role, mb in sorted(m.peak_by_role.items(), key=lambda kv: -kv[1]):
        print(f"     {role + ':':<40} {mb:.0f} MB")
    print(f"   peak VSZ of one process:   {m.peak_vms_mb:.0f} MB")
    print(f"   slowest organization:      {slowest.id}, {slowest.crawl_seconds or 0:.0f} s of crawl")
    print(f"   exit code / run status:    {m.exit_code} / {report.run_status}")
    print(f"   false «не выполнено»:      {report.false_not_met}")
    ok = sum(v.verdict == "OK" for v in report.verdicts)
    print(f"   cases as promised:         {ok}/{len(report.verdicts)}")
    print(f"   tracebacks / escapes:      {len(report.tracebacks)} / {len(report.escapes)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
