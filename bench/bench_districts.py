"""Coverage and cost of the focused crawl on the held-out districts and the demo (prints figures, asserts nothing).

.venv/bin/python bench/bench_districts.py                 # tests/heldout, tests/heldout2 and the demo district
.venv/bin/python bench/bench_districts.py --only heldout2
.venv/bin/python bench/bench_districts.py --browser-cost  # also: heldout2 and its script-built site without a browser

Per site: requests and bytes of the crawler, requests until the section was found, the mentoring documents that
the district's truth lists and the crawl reached. Totals: requests and bytes per site, median requests to the
section, the share of mentoring documents reached. One request per site at a time and no delay, so the figures
do not depend on timing.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from crawler.config import CrawlSettings  # noqa: E402
from crawler.crawl import CrawlRunStats, crawl_sites  # noqa: E402
from crawler.demo.truth import same_url  # noqa: E402
from crawler.models import Organization, OrgCrawlResult  # noqa: E402


@dataclass
class District:
    name: str
    orgs: list[Organization]
    expected: dict[str, list[str]]  # org id -> paths of the mentoring documents a methodologist counts
    farm_requests: Callable[[], int]


def _settings(**kw: Any) -> CrawlSettings:
    base: dict[str, Any] = {
        "delay_seconds": 0,
        "per_site_concurrency": 1,
        "timeout_seconds": 10,
        "retries": 1,
        "retry_backoff_seconds": 0,
    }
    base.update(kw)
    return CrawlSettings(**base)


@contextmanager
def heldout() -> Iterator[District]:
    from tests.heldout.farm import ORGS, HeldoutFarm
    from tests.heldout.truth import load_truth
    from tests.test_crawl_support import self_signed

    truth = load_truth()
    with tempfile.TemporaryDirectory() as tmp:
        cert, key = self_signed(Path(tmp), "ddt.zarechny.test", f"127.0.0.{ORGS['tls-ddt'][2]}", prefix="bench-")
        farm = HeldoutFarm(cert, key)
        farm.start()
        try:
            yield District(
                "первый проверочный округ (tests/heldout)",
                farm.registry().organizations,
                {o.id: o.documents for o in truth.organizations},
                lambda: len(farm.request_log()),
            )
        finally:
            farm.stop()


@contextmanager
def heldout2() -> Iterator[District]:
    from tests.heldout2.farm import Heldout2Farm
    from tests.heldout2.truth import load_truth

    truth = load_truth()
    with Heldout2Farm() as farm:
        yield District(
            "второй проверочный округ (tests/heldout2)",
            farm.registry().organizations,
            {o.id: o.documents for o in truth.organizations},
            lambda: len(farm.request_log()),
        )


@contextmanager
def demo() -> Iterator[District]:
    from crawler.demo.farm import DemoFarm
    from crawler.demo.truth import load_truth

    truth = load_truth()
    with DemoFarm() as farm:
        expected = {
            o.id: [d.url for d in o.docs_in("current") if not d.external and set(d.types) != {"other"}]
            for o in truth.organizations
        }
        yield District(
            "демонстрационный округ", farm.registry().organizations, expected, lambda: len(farm.request_log())
        )


DISTRICTS = {"heldout": heldout, "heldout2": heldout2, "demo": demo}


def _reached(result: OrgCrawlResult, paths: list[str]) -> int:
    urls = [u for d in result.documents for u in (d.url, d.final_url) if u]
    urls += [u for p in result.pages for u in (p.url, p.final_url)]  # an order pasted on a page
    return sum(1 for p in paths if any(same_url(u, p) for u in urls))


def measure(district: District, settings: CrawlSettings, *, verbose: bool = True) -> dict[str, float]:
    stats = CrawlRunStats()
    before = district.farm_requests()
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.monotonic()
        results = crawl_sites(district.orgs, settings, Path(tmp) / "blobs", stats=stats)
        wall = time.monotonic() - t0
    farm = district.farm_requests() - before
    reached = expected = 0
    if verbose:
        print(f"\n== {district.name}: {len(results)} сайтов")
        print(f"{'организация':<16} {'запросов':>8} {'КБ':>8} {'до раздела':>10} {'документы':>10}")
    for r in results:
        paths = district.expected.get(r.org_id, [])
        got = _reached(r, paths)
        reached += got
        expected += len(paths)
        if verbose:
            to_sec = "—" if r.requests_to_section is None else str(r.requests_to_section)
            docs = f"{got}/{len(paths)}" if paths else "—"
            print(f"{r.org_id:<16} {r.requests:>8} {r.bytes / 1024:>8.0f} {to_sec:>10} {docs:>10}")
    n = max(len(results), 1)
    to_section = [r.requests_to_section for r in results if r.requests_to_section is not None]
    figures = {
        "requests": sum(r.requests for r in results) / n,
        "kb": sum(r.bytes for r in results) / 1024 / n,
        "median_to_section": statistics.median(to_section) if to_section else float("nan"),
        "reached": reached,
        "expected": expected,
        "wall": wall,
        "farm": farm,
        "peak_mb": (stats.peak_rss_kb or 0) / 1024,
    }
    if verbose:
        share = 100 * reached / expected if expected else 100.0
        print(
            f"на сайт: {figures['requests']:.1f} запросов, {figures['kb']:.0f} КБ; медиана запросов до раздела "
            f"{figures['median_to_section']:g} (по {len(to_section)} сайтам); документов о наставничестве "
            f"достигнуто {reached} из {expected} ({share:.0f} %); по журналу фермы {farm} запросов; "
            f"время {wall:.1f} с; пиковая память обходчика {figures['peak_mb']:.0f} МБ"
        )
    return figures


def browser_cost() -> None:
    """What Chromium costs: the script-built site alone and the whole second district, with and without it."""
    from crawler.crawl import browser

    reason = browser.unavailable(_settings())
    if reason:
        print(f"\n== браузер: не измерен — {reason}")
        return
    with heldout2() as district:
        js = District(
            "js-ds14", [o for o in district.orgs if o.id == "js-ds14"], district.expected, district.farm_requests
        )
        print("\n== цена браузера")
        for label, kw in (("с браузером", {}), ("без браузера", {"browser": False})):
            one = measure(js, _settings(**kw), verbose=False)
            whole = measure(district, _settings(**kw), verbose=False)
            print(
                f"{label:<13} js-ds14: {one['wall']:.1f} с, обходчик {one['requests']:.0f} запросов, ферма "
                f"{one['farm']} запросов, память {one['peak_mb']:.0f} МБ; весь округ: {whole['wall']:.1f} с, "
                f"память {whole['peak_mb']:.0f} МБ"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", choices=sorted(DISTRICTS), action="append")
    parser.add_argument("--browser-cost", action="store_true")
    args = parser.parse_args()
    for name in args.only or list(DISTRICTS):
        with DISTRICTS[name]() as district:
            measure(district, _settings())
    if args.browser_cost:
        browser_cost()


if __name__ == "__main__":
    main()
