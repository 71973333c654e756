"""The crawl's quirk adapters and typed request data, without a network: each adapter on a made-up answer."""

from __future__ import annotations

import io
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from scrapy.http import Request, Response, TextResponse

from crawler.config import CrawlSettings
from crawler.crawl import links
from crawler.crawl.adapters import ADAPTERS, Adapter
from crawler.crawl.adapters.cloud import CLOUD_NOTE, CloudLinks, YandexDiskVisit
from crawler.crawl.adapters.scans import InlineScans
from crawler.crawl.adapters.script_pages import ScriptPages
from crawler.crawl.adapters.user_agent import BrowserCompatibleRetry
from crawler.crawl.adapters.viewer import DocumentViewer
from crawler.crawl.state import Entry, OrgState, PageContext, ParsedPage, now
from crawler.crawl.visits import VISIT, DocVisit, PageVisit, Visit, visit_of
from crawler.models import DocumentRecord, Organization, OrgKind, PageRecord
from crawler.store import BlobStore


@dataclass
class FakeCrawl:
    """The part of the spider adapters use; requests are built plainly and kept for inspection."""

    blobs: BlobStore
    cs: CrawlSettings = field(default_factory=CrawlSettings)
    vocab: links.LinkVocabulary = field(default_factory=links.default_link_vocabulary)
    adapters: Sequence[Adapter] = ()
    made: list[tuple[str, Visit, int, str | None, bool]] = field(default_factory=list)
    held: int = 0
    robots_sitemaps: dict[str, list[str]] = field(default_factory=dict)
    browser_off: str | None = "браузер не запущен в этом обходе"
    browser_profile: Path | None = None

    def request(
        self,
        st: OrgState,
        url: str,
        visit: Visit,
        priority: int,
        conditional_key: str | None = None,
        conditional: bool = True,
    ) -> Request:
        self.made.append((url, visit, priority, conditional_key, conditional))
        return Request(url, priority=priority, cb_kwargs={VISIT: visit})

    def start_request(self, st: OrgState) -> Request:
        return self.request(st, st.entry.url, PageVisit(org_id=st.org.id, start=True), priority=10_000)

    def start_failed(self, st: OrgState, reason: str, url: str) -> list[Request]:
        return []

    def claim_host(self, st: OrgState, host: str) -> None:
        st.hosts.add(host)

    def hold(self, st: OrgState) -> None:
        self.held += 1

    def release(self, st: OrgState) -> None:
        self.held -= 1


@pytest.fixture
def crawl(tmp_path: Path) -> FakeCrawl:
    return FakeCrawl(BlobStore(tmp_path / "blobs"))


def _state(site: str = "http://school.test/") -> OrgState:
    org = Organization(id="s1", name="МБОУ s1", kind=OrgKind.OO, site=site)
    return OrgState(org=org, hosts={links.host_of(site)}, previous={}, entry=Entry(urls=[site]))


def _answer(url: str, body: bytes = b"", status: int = 200, visit: Visit | None = None) -> Response:
    request = Request(url, cb_kwargs={VISIT: visit} if visit else None)
    return TextResponse(url, body=body, status=status, request=request, encoding="utf-8")


def _page(url: str, html: str, start: bool = False, in_section: bool = False) -> ParsedPage:
    return ParsedPage(url, links.canonical(url), start, in_section, html, links.parse_html(html, url))


def _context(url: str, in_section: bool) -> PageContext:
    record = PageRecord(url=url, final_url=url, status=200, depth=0, fetched_at=now())
    return PageContext(record, 0, [], in_section, None, False, None, "", "links")


def test_every_adapter_has_its_own_name_and_the_defaults_say_not_mine(crawl: FakeCrawl) -> None:
    names = [cls.name for cls in ADAPTERS]
    assert len(names) == len(set(names))
    assert names.index(ScriptPages.name) < names.index(InlineScans.name)  # own links are counted before pictures
    st, base = _state(), Adapter(crawl)
    answer = _answer("http://school.test/")
    found = [links.Link("http://school.test/a", "A")]
    assert base.page_answer(st, answer, PageVisit(org_id="s1")) is None
    assert base.page_links(st, _page("http://school.test/", "<p/>"), found) is found
    assert base.link(st, found[0], _context("http://school.test/", False)) is None
    doc_visit = DocVisit(org_id="s1", key="k", link_url="http://school.test/a")
    assert base.document_page(st, answer, doc_visit, None, "") is None
    assert base.documents(st, {}) == {}


def test_visits_travel_in_cb_kwargs_and_convert_between_page_and_document() -> None:
    page = PageVisit(
        org_id="s1", depth=2, path=("Педагогам",), in_section=True, source_page="http://s.test/n",
        link_url="http://s.test/f?id=1", link_text="Положение", key="s.test/f?id=1",
    )  # fmt: skip
    assert visit_of(Request("http://s.test/f?id=1", cb_kwargs={VISIT: page})) is page
    assert visit_of(Request("http://s.test/robots.txt")) is None
    doc = DocVisit.of_page(page, "http://s.test/f?id=1")
    assert (doc.key, doc.link_text, doc.in_section, doc.hops, doc.external) == (
        "s.test/f?id=1",
        "Положение",
        True,
        0,
        False,
    )
    sitemap_doc = DocVisit(org_id="s1", key="k", link_url="u", via="sitemap", groups=frozenset({"documents"}))
    as_page = sitemap_doc.as_page()
    assert (as_page.depth, as_page.path, as_page.via, as_page.groups) == (1, (), "sitemap", frozenset({"documents"}))
    assert DocVisit(org_id="s1", key="k", link_url="u").as_page().via is None  # its own links count as «links»


def test_user_agent_retry_once_after_403_on_the_start_page(crawl: FakeCrawl) -> None:
    adapter, st = BrowserCompatibleRetry(crawl), _state()
    start = PageVisit(org_id="s1", start=True)
    assert adapter.page_answer(st, _answer(st.entry.url, status=404), start) is None
    assert adapter.page_answer(st, _answer("http://school.test/x", status=403), PageVisit(org_id="s1")) is None
    retry = adapter.page_answer(st, _answer(st.entry.url, status=403), start)
    assert retry is not None and len(retry) == 1
    assert st.entry.user_agent == f"Mozilla/5.0 (compatible; {crawl.cs.user_agent})"
    assert adapter.page_answer(st, _answer(st.entry.url, status=403), start) is None  # only once


def test_script_redirect_stub_and_script_only_home(crawl: FakeCrawl) -> None:
    adapter, st = ScriptPages(crawl), _state()
    stub = "<html><head><script>window.location = 'http://new.test/index.php'</script></head><body></body></html>"
    found = adapter.page_links(st, _page("http://school.test/", stub, start=True), [])
    assert [(lk.url, lk.label, lk.in_main) for lk in found] == [("http://new.test/index.php", "", False)]
    assert "new.test" in st.hosts and st.entry.script_only
    own = [links.Link(f"http://school.test/{i}", str(i)) for i in range(3)]
    other = _state()
    assert adapter.page_links(other, _page("http://school.test/", "<script></script>", start=True), own) is own
    assert not other.entry.script_only


def _jpeg(shade: int) -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (600, 800), (shade, shade, shade)).save(buf, format="JPEG")
    return buf.getvalue()


def test_inline_scans_of_a_section_page_become_one_scan(crawl: FakeCrawl) -> None:
    adapter, st = InlineScans(crawl), _state()
    html = (
        "<html><body><main><h1>Наставничество</h1><img src='/upload/prikaz-1.jpg'><img src='/upload/prikaz-2.jpg'>"
        "<img src='/upload/logo.png'></main></body></html>"
    )
    assert adapter.page_links(st, _page("http://school.test/n", html), []) == []  # not the section: no pictures
    found = adapter.page_links(st, _page("http://school.test/n", html, in_section=True), [])
    assert [lk.url.rsplit("/", 1)[-1] for lk in found] == ["prikaz-1.jpg", "prikaz-2.jpg"]
    docs = {}
    for lk, shade in zip(found, (40, 200), strict=True):
        docs[links.canonical(lk.url)] = DocumentRecord(
            url=lk.url, source_page="http://school.test/n", sha256=crawl.blobs.put(_jpeg(shade)), format="jpg",
            file_name=lk.url.rsplit("/", 1)[-1],
        )  # fmt: skip
    merged = adapter.documents(st, docs)
    assert len(docs) == 2 and len(merged) == 1  # the input is not changed
    (scan,) = merged.values()
    assert scan.url.endswith("prikaz-1.jpg#scan-pages-2") and scan.format == "scan_pages"
    assert scan.file_name == "prikaz-1 (2 стр.)"
    # nothing is decoded in the crawl: the scan is a manifest of the pages' blobs, the same every run
    assert crawl.blobs.path(scan.sha256 or "").read_bytes().startswith(b"NM-SCAN-PAGES 1\n")
    assert adapter.documents(st, docs)[links.canonical(found[0].url)].sha256 == scan.sha256
    adapter.forget(st)
    assert adapter.documents(st, docs) == docs


def test_a_scan_is_decoded_only_in_an_extraction_worker_and_a_bomb_page_loses_only_it(crawl: FakeCrawl) -> None:
    from PIL import Image

    from crawler.config import ExtractSettings
    from crawler.extract import extract_many
    from crawler.extract.scanpages import manifest

    bomb = io.BytesIO()
    Image.new("1", (12_000, 12_000)).save(bomb, format="PNG")  # 144 Mpx in a few kilobytes
    pages = [crawl.blobs.put(_jpeg(200)), crawl.blobs.put(bomb.getvalue())]
    scan = crawl.blobs.put(manifest([(sha, f"http://school.test/upload/p-{n}.png") for n, sha in enumerate(pages)]))
    fine = crawl.blobs.put(manifest([(pages[0], "http://school.test/upload/p-0.png")]))
    settings = ExtractSettings(timeout_seconds=60, memory_limit_mb=512)
    bad, good = extract_many([(crawl.blobs.path(scan), scan, "scan_pages"), (crawl.blobs.path(fine), fine, None)],
                             settings)  # fmt: skip
    assert bad.format == "scan_pages" and bad.error and bad.error.startswith("страница 2 скана: изображение слишком")
    assert good.format == "scan_pages" and good.pages == 1 and good.ocr_used


def test_cloud_link_is_external_and_yandex_disk_is_resolved(crawl: FakeCrawl) -> None:
    crawl.cs = CrawlSettings(resolve_yandex_disk=True)
    adapter, st = CloudLinks(crawl), _state()
    assert (
        adapter.link(st, links.Link("http://school.test/a.pdf", "Положение"), _context("http://school.test/n", True))
        is None
    )
    unrelated = links.Link("https://disk.yandex.ru/i/abc", "Фото с праздника", in_main=False)
    assert adapter.link(st, unrelated, _context("http://school.test/", False)) == []
    lk = links.Link("https://disk.yandex.ru/i/xyz", "Положение о наставничестве")
    asked = adapter.link(st, lk, _context("http://school.test/n", True))
    assert asked is not None and len(asked) == 1
    rec = st.found.documents[links.canonical(lk.url)]
    assert rec.external and rec.in_section and rec.error == CLOUD_NOTE
    question = visit_of(asked[0])
    assert isinstance(question, YandexDiskVisit) and question.adapter == CloudLinks.name
    href = "https://downloader.disk.yandex.ru/disk/file.pdf"
    onward = adapter.answer(st, _answer(asked[0].url, json.dumps({"href": href}).encode(), visit=question), question)
    doc = visit_of(onward[0])
    assert isinstance(doc, DocVisit) and doc.external and doc.hops == 1 and onward[0].url == href
    assert crawl.made[-1][3] == lk.url  # the file's stored validators are those of the link as found
    assert adapter.answer(st, _answer(asked[0].url, b"{}", status=404, visit=question), question) == []
    assert rec.error == f"{CLOUD_NOTE} (API Яндекс Диска: HTTP 404)"


def test_viewer_page_leads_to_its_file_at_most_two_hops(crawl: FakeCrawl) -> None:
    adapter, st = DocumentViewer(crawl), _state()
    url = "http://school.test/file/card?id=13"
    html = "<html><body><main><h1>Положение.pdf</h1><a href='/file/download?id=13'>Скачать</a></main></body></html>"
    doc = links.parse_html(html, url)
    visit = DocVisit(org_id="s1", key="k", link_url=url, external=True, viewer_title="Раздел")
    onward = adapter.document_page(st, _answer(url, html.encode()), visit, doc, "Положение.pdf")
    assert onward is not None and onward[0].url == "http://school.test/file/download?id=13"
    nxt: Any = visit_of(onward[0])
    assert (nxt.hops, nxt.viewer_title, nxt.external) == (1, "Положение.pdf", False)
    tired = DocVisit(org_id="s1", key="k", link_url=url, hops=2)
    assert adapter.document_page(st, _answer(url, html.encode()), tired, doc, "") is None
