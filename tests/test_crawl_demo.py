"""The whole demo district crawled once (real sockets, the farm on 127.0.0.11 … 23) against its truth file."""

from __future__ import annotations

import statistics
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from crawler.config import CrawlSettings
from crawler.crawl import crawl_sites
from crawler.demo.farm import DemoFarm
from crawler.demo.truth import Truth, TruthDocument, same_url
from crawler.models import OrgCrawlResult
from crawler.store import Store

pytestmark = pytest.mark.slow

VARIANT = "current"


@pytest.fixture(scope="module")
def crawled(demo_farm: DemoFarm, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    tmp = tmp_path_factory.mktemp("demo-crawl")
    store = Store(tmp / "db.sqlite")
    orgs = demo_farm.registry().organizations
    already = len(demo_farm.request_log())  # the farm is shared: keep its log, read only our part
    settings = CrawlSettings()
    results = crawl_sites(orgs, settings, store.blobs.root, log_file=tmp / "crawl.log")
    log = demo_farm.request_log()[already:]
    run_id = store.start_run("2026-05", "manual", "2026-05-20")
    for o, r in zip(orgs, results, strict=True):
        store.save_crawl(run_id, o.name, o.kind.value, o.site, r)
    yield {"results": {r.org_id: r for r in results}, "log": log, "store": store, "orgs": orgs, "settings": settings}
    store.close()


def _find(result: OrgCrawlResult, doc: TruthDocument) -> Any:
    if doc.format == "html" and not doc.external:
        # a приказ pasted on a page: the page is kept with its text
        return next((p for p in result.pages if same_url(p.url, doc.url) or same_url(p.final_url, doc.url)), None)
    return next(
        (
            d
            for d in result.documents
            if same_url(d.url, doc.url) or (d.final_url is not None and same_url(d.final_url, doc.url))
        ),
        None,
    )


def test_reachability_and_sections_as_truth(crawled: dict[str, Any], truth: Truth) -> None:
    for org in truth.organizations:
        r: OrgCrawlResult = crawled["results"][org.id]
        assert r.reachable == org.reachable, org.id
        if not org.reachable:
            continue
        if org.section is None:
            assert r.section is None, (org.id, r.section)
            continue
        assert r.section is not None, org.id
        assert same_url(r.section.url, org.section), (org.id, r.section.url)
        assert r.section.menu_path == org.menu_path, org.id
        assert r.section.reachable_from_home == org.section_reachable_from_home, org.id
        assert r.section.is_stub == org.section_stub, org.id


def test_every_truth_document_found(crawled: dict[str, Any], truth: Truth) -> None:
    problems: list[str] = []
    for org in truth.organizations:
        r: OrgCrawlResult = crawled["results"][org.id]
        if not org.reachable:
            continue
        for doc in org.docs_in(VARIANT):
            found = _find(r, doc)
            if found is None:
                problems.append(f"{org.id}: нет {doc.url}")
                continue
            if doc.format == "html" and not doc.external:
                assert found.is_section == doc.in_section and found.text, (org.id, doc.url)
                continue
            if found.in_section != doc.in_section:
                problems.append(f"{org.id}: {doc.url} in_section={found.in_section}")
            if doc.external:
                if not (found.external and found.sha256 is None and found.error):
                    problems.append(f"{org.id}: {doc.url} не отмечен как внешний")
            elif doc.too_large:
                if found.sha256 is not None or not (found.error or "").startswith("файл больше"):
                    problems.append(f"{org.id}: {doc.url} большой файл загружен")
            elif found.format != doc.format or not found.sha256:
                problems.append(f"{org.id}: {doc.url} формат {found.format}, sha {found.sha256}")
    assert not problems, "\n".join(problems)


def test_unavailable_site_has_a_reason(crawled: dict[str, Any], truth: Truth) -> None:
    down = [o for o in truth.organizations if not o.reachable]
    assert down
    for org in down:
        r: OrgCrawlResult = crawled["results"][org.id]
        assert not r.reachable and r.section is None and not r.documents
        assert "503" in (r.failure_reason or "")
        assert len(r.attempts) == crawled["settings"].retries + 1
        assert all(a.status == 503 for a in r.attempts)


def test_windows_1251_text_decoded(crawled: dict[str, Any], truth: Truth) -> None:
    org = next(o for o in truth.organizations if o.platform == "ucoz")
    r: OrgCrawlResult = crawled["results"][org.id]
    section_pages = [p for p in r.pages if p.is_section]
    assert section_pages
    text = section_pages[0].text
    assert "наставничеств" in text.lower()
    assert "Ð" not in text and "\ufffd" not in text and "Ã" not in text


def test_viewer_platform_yields_files_typed_from_headers(crawled: dict[str, Any], truth: Truth) -> None:
    org = next(o for o in truth.organizations if o.platform == "filecard" and o.kind.value == "ОО")
    r: OrgCrawlResult = crawled["results"][org.id]
    viewer_docs = [d for d in r.documents if "/file/card" in d.url]
    assert viewer_docs
    for d in viewer_docs:
        if d.http_status != 200:
            continue
        assert d.final_url and "/file/download" in d.final_url
        assert d.viewer_title  # the card's title, for the classifier
        assert d.file_name and "." in d.file_name  # from Content-Disposition: the URL has no extension
        assert d.format in ("pdf", "docx", "doc", "odt", "rtf", "jpg")


def test_traps_and_huge_file_stay_within_limits(crawled: dict[str, Any], truth: Truth, demo_farm: DemoFarm) -> None:
    per_host: dict[str, int] = {}
    for host, _, _ in crawled["log"]:
        per_host[host] = per_host.get(host, 0) + 1
    settings: CrawlSettings = crawled["settings"]
    assert max(per_host.values()) <= 2 * settings.max_pages
    calendar_hits = [p for _, _, p in crawled["log"] if p.startswith("/events")]
    assert len(calendar_hits) <= 10
    huge = [
        d
        for org in truth.organizations
        for d in org.docs_in(VARIANT)
        if d.too_large and (found := _find(crawled["results"][org.id], d)) is not None and found.size
    ]
    assert huge  # recorded, with its size from Content-Length
    assert sum(r.bytes for r in crawled["results"].values()) < 50 * 1024 * 1024


def test_section_found_within_few_requests(crawled: dict[str, Any]) -> None:
    counts = [r.requests_to_section for r in crawled["results"].values() if r.requests_to_section is not None]
    assert counts and statistics.median(counts) <= 10


def test_second_run_transfers_little(crawled: dict[str, Any], tmp_path: Path) -> None:
    store: Store = crawled["store"]
    orgs = crawled["orgs"]
    previous = {o.id: store.previous_fetches(o.id) for o in orgs}
    second = crawl_sites(orgs, crawled["settings"], store.blobs.root, previous=previous)
    first_bytes = sum(r.bytes for r in crawled["results"].values())
    second_bytes = sum(r.bytes for r in second)
    assert second_bytes < 0.1 * first_bytes, (second_bytes, first_bytes)
    for r in second:
        before: OrgCrawlResult = crawled["results"][r.org_id]
        assert (r.section.url if r.section else None) == (before.section.url if before.section else None)
        assert {d.url for d in r.documents} == {d.url for d in before.documents}, r.org_id
        assert {d.sha256 for d in r.documents} == {d.sha256 for d in before.documents}, r.org_id


# With one request per site at a time the crawl order does not depend on timing, so these figures move only when
# the crawl's behaviour does: (requests, requests to the section, documents, the section's path and query).
PINNED_ONE_AT_A_TIME: dict[str, tuple[int, int | None, int, str | None]] = {
    "sosh-1": (25, 3, 15, "/pedagogam-i-sotrudnikam/nastavnichestvo"),
    "sosh-2": (41, None, 8, None),
    "sosh-3": (13, 4, 6, "/index/nastavnichestvo/0-106"),
    "sosh-4": (15, 4, 5, "/%D0%BD%D0%B0%D1%81%D1%82%D0%B0%D0%B2%D0%BD%D0%B8%D1%87%D0%B5%D1%81%D1%82%D0%B2%D0%BE-"
        "%D0%BF%D0%B5%D0%B4%D0%B0%D0%B3%D0%BE%D0%B3%D0%BE%D0%B2/"),
    "sosh-5": (19, 5, 8, "/index.php?option=com_content&view=article&id=45&Itemid=120"),
    "oosh-6": (26, None, 4, None),
    "sosh-7": (15, 3, 8, "/pedagogam/nastavnichestvo-pedagogov"),
    "ds-1": (17, 4, 7, "/?section_id=45"),
    "ds-2": (12, 3, 5, "/metodicheskaya-rabota/tselevaya-model-nastavnichestva"),
    "ds-3": (7, 4, 1, "/nastavnichestvo/"),
    "ds-4": (9, 4, 3, "/page/31"),
    "ddt": (14, 4, 7, "/page/77"),
    "dyussh": (6, None, 0, None),
}  # fmt: skip


def test_one_request_at_a_time_gives_the_pinned_figures(demo_farm: DemoFarm, tmp_path: Path) -> None:
    results = crawl_sites(
        demo_farm.registry().organizations,
        CrawlSettings(per_site_concurrency=1, delay_seconds=0),
        tmp_path / "blobs",
    )

    def path_of(url: str) -> str:
        parts = urlsplit(url)
        return parts.path + (f"?{parts.query}" if parts.query else "")

    got = {
        r.org_id: (r.requests, r.requests_to_section, len(r.documents), path_of(r.section.url) if r.section else None)
        for r in results
    }
    assert got == PINNED_ONE_AT_A_TIME
