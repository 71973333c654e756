"""The start-up of an incremental run on a long history (prints figures, asserts nothing).

.venv/bin/python bench/bench_startup.py                       # 2,500 organizations × 5 monitorings
.venv/bin/python bench/bench_startup.py --n 500 --periods 1

Before its first request an incremental run opens the history (an integrity check of the whole file) and reads,
for every organization, the validators (ETag, Last-Modified) and blob of every URL it answered before, so that
unchanged pages and documents are not downloaded again. This builds a history of N organizations × P
monitorings through the store's own API (12 pages and 6 documents per organization and monitoring, findings
included, as a real run writes them) and times both steps. Target of issue #17: under 10 s at 2,500 × 5.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from crawler.models import (  # noqa: E402
    DocumentRecord,
    Evidence,
    OrgCrawlResult,
    OrgFindings,
    OrgKind,
    PageRecord,
    RuleResult,
    Status,
)
from crawler.store import Store  # noqa: E402

PAGES, DOCUMENTS = 12, 6


def _history(store: Store, n: int, periods: int) -> None:
    shas = [store.blobs.put(f"blob {i}".encode()) for i in range(PAGES + DOCUMENTS)]
    for p in range(periods):
        period = f"{2024 + p // 2}-{'01' if p % 2 == 0 else '05'}"
        when = datetime(2024 + p // 2, 1 if p % 2 == 0 else 5, 15, tzinfo=UTC)
        run_id = store.start_run(period, "scheduled", when.date().isoformat())
        for i in range(n):
            site = f"http://school-{i}.example/"
            crawl = OrgCrawlResult(
                org_id=f"s{i:05d}",
                reachable=True,
                started_at=when,
                finished_at=when,
                requests=PAGES + DOCUMENTS,
                pages=[
                    PageRecord(url=f"{site}p{k}", final_url=f"{site}p{k}", status=200, fetched_at=when,
                               sha256=shas[k], etag=f'"{p}-{k}"', text="Наставничество " * 50)
                    for k in range(PAGES)
                ],
                documents=[
                    DocumentRecord(url=f"{site}d{k}.pdf", source_page=f"{site}p1", sha256=shas[PAGES + k],
                                   etag=f'"{p}-{k}"', format="pdf")
                    for k in range(DOCUMENTS)
                ],
            )  # fmt: skip
            store.save_crawl(run_id, f"Школа № {i}", "ОО", site, crawl)
            findings = OrgFindings(
                id=crawl.org_id, name=f"Школа № {i}", kind=OrgKind.OO, site=site, reachable=True,
                rules=[RuleResult(rule_id="section", status=Status.met, evidence=[Evidence(url=f"{site}p1")])],
                score=100.0,
            )  # fmt: skip
            store.save_findings(run_id, findings, "bench")
        store.finish_run(run_id)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=2500, help="организаций")
    parser.add_argument("--periods", type=int, default=5, help="прошлых мониторингов в базе")
    parser.add_argument("--work", type=Path, default=Path("/tmp/nm-startup"))
    args = parser.parse_args()
    shutil.rmtree(args.work, ignore_errors=True)
    t0 = time.monotonic()
    store = Store(args.work / "monitor.db")
    _history(store, args.n, args.periods)
    store.close()
    size = (args.work / "monitor.db").stat().st_size
    print(f"история: {args.n} организаций × {args.periods} мониторингов, база {size / 2**20:.0f} МБ, "
          f"построена за {time.monotonic() - t0:.0f} с")  # fmt: skip

    t1 = time.monotonic()
    store = Store(args.work / "monitor.db")  # the integrity check of the whole file
    opened = time.monotonic() - t1
    t2 = time.monotonic()
    previous = {f"s{i:05d}": store.previous_fetches(f"s{i:05d}") for i in range(args.n)}
    fetches = time.monotonic() - t2
    store.close()
    urls = sum(len(v) for v in previous.values())
    print(f"открытие базы с проверкой целостности: {opened:.2f} с")
    print(f"прежние ответы сайтов ({urls} адресов): {fetches:.2f} с, {1000 * fetches / args.n:.2f} мс на организацию")
    print(f"запуск до первого запроса: {opened + fetches:.1f} с (цель при 2500 × 5 — меньше 10 с)")


if __name__ == "__main__":
    main()
