"""Benchmark of the focused crawl (prints figures, asserts nothing).

.venv/bin/python bench/bench_crawl.py              # the demo district: first run, then incremental run
.venv/bin/python bench/bench_crawl.py --scale 500  # N synthetic sites on loopback: pages/s, peak memory
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import statistics
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from crawler.config import CrawlSettings  # noqa: E402
from crawler.crawl import CrawlRunStats, crawl_sites  # noqa: E402
from crawler.models import Organization, OrgCrawlResult, OrgKind  # noqa: E402


def _table(results: list[OrgCrawlResult], wall: float) -> int:
    print(f"{'организация':<14} {'доступен':<8} {'до раздела':>10} {'запросов':>9} {'байт':>11}  раздел")
    total_bytes = 0
    for r in results:
        total_bytes += r.bytes
        section = r.section.url if r.section else "—"
        to_sec = "—" if r.requests_to_section is None else str(r.requests_to_section)
        print(
            f"{r.org_id:<14} {('да' if r.reachable else 'нет'):<8} {to_sec:>10} {r.requests:>9} {r.bytes:>11}  "
            f"{section}"
        )
    found = [r.requests_to_section for r in results if r.requests_to_section is not None]
    print(
        f"итого: запросов {sum(r.requests for r in results)}, байт {total_bytes}, время {wall:.1f} с; "
        f"медиана запросов до раздела {statistics.median(found) if found else '—'} (по {len(found)} сайтам)"
    )
    return total_bytes


def bench_demo() -> None:
    from crawler.demo.farm import DemoFarm  # built by the demo helper
    from crawler.store import Store

    with tempfile.TemporaryDirectory() as tmp, DemoFarm() as farm:
        store = Store(Path(tmp) / "db.sqlite")
        orgs = farm.registry().organizations
        settings = CrawlSettings(**farm.crawl_overrides()) if hasattr(farm, "crawl_overrides") else CrawlSettings()
        t0 = time.monotonic()
        first = crawl_sites(orgs, settings, store.blobs.root)
        wall1 = time.monotonic() - t0
        print("== первый обход")
        bytes1 = _table(first, wall1)
        run_id = store.start_run("bench", "manual", time.strftime("%Y-%m-%d"))
        for o, r in zip(orgs, first, strict=True):
            store.save_crawl(run_id, o.name, o.kind.value, o.site, r)
        previous = {o.id: store.previous_fetches(o.id) for o in orgs}
        t0 = time.monotonic()
        second = crawl_sites(orgs, settings, store.blobs.root, previous=previous)
        wall2 = time.monotonic() - t0
        print("== повторный обход (условные запросы)")
        bytes2 = _table(second, wall2)
        print(f"повторный обход: {bytes2} байт = {100 * bytes2 / max(bytes1, 1):.1f} % от первого")
        store.close()


# ------------------------------------------------------------------------------ scale


PAD = "<p>" + "Муниципальное бюджетное общеобразовательное учреждение. " * 40 + "</p>"
PDF = b"%PDF-1.4\n" + b"x" * 10_000 + b"\n%%EOF\n"


def _site_page(path: str) -> tuple[bytes, str]:
    menu = (
        "<nav>"
        + "".join(f"<a href='/page/{i}'>Раздел {i}</a>" for i in range(8))
        + "<a href='/pedagogam'>Педагогам</a><a href='/news'>Новости</a></nav>"
    )
    if path == "/pedagogam":
        body = "<h1>Педагогам</h1><a href='/pedagogam/nastavnichestvo'>Наставничество</a>"
    elif path == "/pedagogam/nastavnichestvo":
        body = "<h1>Наставничество</h1>" + "".join(f"<a href='/files/doc{i}.pdf'>Документ {i}</a>" for i in range(3))
    elif path.startswith("/files/"):
        return PDF, "application/pdf"
    elif path in ("/", "/news") or path.startswith("/page/"):
        body = f"<h1>{path}</h1>"
    else:
        return b"", ""
    page = f"<html><head><title>Школа</title></head><body>{menu}<main>{body}{PAD}</main></body></html>"
    return page.encode(), "text/html; charset=utf-8"


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        body, ctype = _site_page(self.path)
        self.send_response(200 if ctype else 404)
        self.send_header("Content-Type", ctype or "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def _hosts(n: int) -> list[str]:
    return [f"127.0.{1 + i // 250}.{1 + i % 250}" for i in range(n)]


def _serve(n: int, port: int, ready: mp.Event) -> None:  # type: ignore[type-arg]
    servers = []
    for host in _hosts(n):
        srv = ThreadingHTTPServer((host, port), _Handler)
        srv.daemon_threads = True
        threading.Thread(target=srv.serve_forever, daemon=True).start()
        servers.append(srv)
    ready.set()
    threading.Event().wait()


def bench_scale(n: int, concurrency: int) -> None:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    ctx = mp.get_context("spawn")
    ready = ctx.Event()
    server = ctx.Process(target=_serve, args=(n, port, ready), daemon=True)
    server.start()
    ready.wait(120)
    orgs = [
        Organization(id=f"s{i:04d}", name=f"Школа {i}", kind=OrgKind.OO, site=f"http://{h}:{port}/")
        for i, h in enumerate(_hosts(n))
    ]
    settings = CrawlSettings(delay_seconds=0, total_concurrency=concurrency, per_site_concurrency=2, retries=1)
    stats = CrawlRunStats()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            t0 = time.monotonic()
            results = crawl_sites(orgs, settings, Path(tmp) / "blobs", stats=stats)
            wall = time.monotonic() - t0
    finally:
        server.terminate()
        server.join()
    requests = sum(r.requests for r in results)
    found = sum(1 for r in results if r.section)
    docs = sum(len(r.documents) for r in results)
    print(
        f"сайтов {n}: раздел найден на {found}, документов {docs}, запросов {requests}, время {wall:.1f} с, "
        f"{requests / wall:.0f} запросов/с; пиковая память обходчика {(stats.peak_rss_kb or 0) / 1024:.0f} МБ"
    )
    to_sec = [r.requests_to_section for r in results if r.requests_to_section is not None]
    if to_sec:
        print(f"медиана запросов до раздела: {statistics.median(to_sec)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=int, default=0, help="синтезировать N сайтов")
    parser.add_argument("--concurrency", type=int, default=64)
    args = parser.parse_args()
    if args.scale:
        bench_scale(args.scale, args.concurrency)
    else:
        bench_demo()


if __name__ == "__main__":
    main()
