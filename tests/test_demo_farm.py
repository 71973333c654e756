"""The demo district: every site and special behaviour over real sockets, and the truth file."""

from __future__ import annotations

import socket
import time
import tracemalloc
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from email.message import Message
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import httpx
import pytest
from lxml import html as lxml_html
from w3lib.encoding import html_to_unicode

from crawler.demo.farm import ORGS, DemoFarm
from crawler.demo.sites import BUILDERS, HUGE_SIZE
from crawler.demo.truth import Truth, TruthDocument, same_url
from crawler.models import OrgKind
from crawler.registry import load_registry

pytestmark = pytest.mark.slow  # crawls or serves whole districts: not in make test-fast

MAGIC = {
    "pdf": (b"%PDF",),
    "docx": (b"PK\x03\x04",),
    "odt": (b"PK\x03\x04",),
    "xlsx": (b"PK\x03\x04",),
    "doc": (b"\xd0\xcf\x11\xe0",),
    "rtf": (b"{\\rtf",),
    "jpg": (b"\xff\xd8\xff",),
    "html": (b"<!DOCTYPE html>", b"<html"),
}
MIME_DOCS = {
    "application/pdf",
    "application/msword",
    "application/rtf",
    "image/jpeg",
    "application/vnd.oasis.opendocument.text",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
CRAWLER_DOC_LIMIT = 30 * 1024 * 1024  # config.CrawlSettings.max_document_bytes


@pytest.fixture(scope="module")
def own_farm() -> Iterator[DemoFarm]:
    with DemoFarm() as own:
        yield own


@pytest.fixture()
def farm(own_farm: DemoFarm) -> Iterator[DemoFarm]:
    """A farm of this module's own (not the session one) for tests that switch variants or take sites down;
    its state is reset after each test. Rendered documents stay cached across the module."""
    own_farm.reset()
    yield own_farm
    own_farm.reset()


@pytest.fixture(scope="module")
def client() -> Iterator[httpx.Client]:
    with httpx.Client(timeout=20, follow_redirects=False) as cl:
        yield cl


def url_of(farm: DemoFarm, org_id: str, path: str) -> str:
    return urljoin(farm.base_url(org_id), path) if not path.startswith("http") else path


def page_text(resp: httpx.Response) -> str:
    """Decode a page the way a crawler does: HTTP header charset, then <meta>, then utf-8."""
    return html_to_unicode(resp.headers.get("Content-Type"), resp.content)[1]


def links_of(page_url: str, body: bytes) -> list[str]:
    tree = lxml_html.fromstring(body)
    return [urljoin(page_url, href) for href in tree.xpath("//a/@href")]


# --------------------------------------------------------------------------------------------- hosts


def test_every_site_answers_on_its_own_address(demo_farm: DemoFarm, client: httpx.Client) -> None:
    hosts = set()
    for org_id, (name, _, n) in ORGS.items():
        base = demo_farm.base_url(org_id)
        assert urlsplit(base).hostname == f"127.0.0.{n}" and urlsplit(base).port == demo_farm.port
        hosts.add(urlsplit(base).hostname)
        if org_id == "dyussh":
            continue  # down in May, see the 503 test
        resp = client.get(base, follow_redirects=True)
        assert resp.status_code == 200, org_id
        assert name.split("«")[1].split("»")[0] in page_text(resp), org_id  # the page names its own organization
    assert len(hosts) == len(ORGS) == len(BUILDERS) == 13
    logged = {host for host, _, _ in demo_farm.request_log()}
    assert {f"127.0.0.{n}" for _, _, n in ORGS.values() if n != 23} <= logged


def test_registry_round_trip(demo_farm: DemoFarm, tmp_path: Path, truth: Truth) -> None:
    path = demo_farm.write_registry(tmp_path / "demo.yaml")
    registry = load_registry(path)
    assert registry.district == truth.district == "Тонкинский муниципальный округ"
    assert [o.id for o in registry.organizations] == [o.id for o in truth.organizations]
    for org in registry.organizations:
        t = truth.org(org.id)
        assert org.site == demo_farm.base_url(org.id)
        assert (org.name, org.kind) == (t.name, t.kind)
        assert urlsplit(org.site).hostname == f"127.0.0.{t.host_index}"


# --------------------------------------------------------------------------------------------- special cases


def test_503_site(demo_farm: DemoFarm, client: httpx.Client) -> None:
    for path in ("/", "/nastavnichestvo", "/robots.txt", "/no-such-page"):
        resp = client.get(url_of(demo_farm, "dyussh", path))
        assert resp.status_code == 503
        assert resp.headers["Retry-After"] == "3600"
    assert client.head(demo_farm.base_url("dyussh")).status_code == 503


def test_slow_site_delays_every_answer(demo_farm: DemoFarm, client: httpx.Client) -> None:
    # Only a lower bound: the server sleeps 1.5 s before answering, so this cannot pass by luck or fail by load.
    started = time.monotonic()
    resp = client.get(demo_farm.base_url("ds-2") + "robots.txt")
    assert resp.status_code == 200
    assert time.monotonic() - started >= 1.4


def test_root_redirect(demo_farm: DemoFarm, client: httpx.Client) -> None:
    resp = client.get(demo_farm.base_url("sosh-5"))
    assert resp.status_code == 301
    assert resp.headers["Location"] == "/index.php"
    final = client.get(demo_farm.base_url("sosh-5"), follow_redirects=True)
    assert final.status_code == 200 and str(final.url).endswith("/index.php")
    assert "Целевая модель наставничества" in final.text


def test_windows_1251_header_only_and_meta_only(demo_farm: DemoFarm, client: httpx.Client, truth: Truth) -> None:
    section = client.get(url_of(demo_farm, "sosh-3", truth.org("sosh-3").section or ""))
    assert section.headers["Content-Type"] == "text/html; charset=windows-1251"
    assert b"charset" not in section.content.lower()
    with pytest.raises(UnicodeDecodeError):
        section.content.decode("utf-8")
    assert "Наставничество" in section.content.decode("cp1251")

    home = client.get(demo_farm.base_url("sosh-3"))
    assert home.headers["Content-Type"] == "text/html"  # no charset in the header …
    assert b'content="text/html; charset=windows-1251"' in home.content  # … only in <meta>
    assert "Пакалевск" in home.content.decode("cp1251")


def test_extensionless_download_with_cyrillic_content_disposition(demo_farm: DemoFarm, client: httpx.Client) -> None:
    docs = client.get(demo_farm.base_url("sosh-2") + "?section_id=31")
    cards = [u for u in links_of(str(docs.url), docs.content) if "/file/card?id=" in u]
    assert len(cards) >= 6
    card = client.get(demo_farm.base_url("sosh-2") + "file/card?id=101")
    assert "Положение о наставничестве педагогических работников" in card.text
    download = next(u for u in links_of(str(card.url), card.content) if "/file/download" in u)
    assert urlsplit(download).path == "/file/download"  # no extension anywhere in the URL
    resp = client.get(download)
    assert resp.headers["Content-Type"] == ("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    msg = Message()
    msg["Content-Disposition"] = resp.headers["Content-Disposition"]
    assert msg.get_filename() == "Положение о наставничестве педагогических работников.docx"
    assert "filename*=UTF-8''" in resp.headers["Content-Disposition"]
    assert resp.content.startswith(b"PK\x03\x04")


def test_huge_file_is_streamed_with_content_length(demo_farm: DemoFarm, truth: Truth) -> None:
    doc = next(d for d in truth.org("sosh-7").documents if d.too_large)
    tracemalloc.start()
    try:
        with httpx.Client(timeout=20) as cl, cl.stream("GET", url_of(demo_farm, "sosh-7", doc.url)) as resp:
            assert resp.status_code == 200
            assert int(resp.headers["Content-Length"]) == HUGE_SIZE > CRAWLER_DOC_LIMIT
            first = b""
            for chunk in resp.iter_raw():
                first += chunk
                if len(first) >= 1024 * 1024:
                    break
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert first.startswith(b"%PDF")
    assert peak < 20 * 1024 * 1024  # the server (same process) never built the 200 MB body


def test_calendar_links_forever(demo_farm: DemoFarm, client: httpx.Client) -> None:
    url = demo_farm.base_url("ddt") + "events/"
    months = []
    for _ in range(40):
        resp = client.get(url)
        assert resp.status_code == 200
        tree = lxml_html.fromstring(resp.content)
        nxt = tree.xpath("//a[contains(., 'Следующий месяц')]/@href")
        assert nxt, url
        url = urljoin(url, nxt[0])
        months.append(url)
    assert len(set(months)) == 40 and months[-1].endswith("month=2029-09")
    day = client.get(demo_farm.base_url("ddt") + "events/?date=2031-02-28")
    assert "/events/?date=2031-03-01" in day.text
    assert client.get(demo_farm.base_url("ddt") + "events/?month=2026-13").status_code == 404


def test_banner_with_alt_text_is_the_only_link_to_the_section(demo_farm: DemoFarm, client: httpx.Client) -> None:
    home = client.get(demo_farm.base_url("ddt"))
    tree = lxml_html.fromstring(home.content)
    anchors = [a for a in tree.xpath("//a") if a.get("href") == "/page/77"]
    assert len(anchors) == 1
    assert anchors[0].text_content().strip() == ""
    assert anchors[0].xpath(".//img/@alt") == ["Наставничество"]


def test_cyrillic_paths_raw_and_percent_encoded(demo_farm: DemoFarm, truth: Truth) -> None:
    section = truth.org("sosh-4").section or ""
    with httpx.Client() as cl:
        page = cl.get(demo_farm.base_url("sosh-4") + section.lstrip("/"))
    assert page.status_code == 200
    hrefs = lxml_html.fromstring(page.content).xpath("//a/@href")
    assert any("Приказ-о-закреплении" in h for h in hrefs)  # raw Cyrillic in the link
    assert any("%D0%9F%D0%BE%D0%BB%D0%BE%D0%B6" in h for h in hrefs)  # percent-encoded link
    # A client that sends the raw UTF-8 bytes in the request line gets the same page.
    with socket.create_connection((demo_farm.host("sosh-4"), demo_farm.port), timeout=10) as sock:
        sock.sendall(f"GET {section} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    assert answer.startswith(b"HTTP/1.1 200")


def test_robots_sitemap_and_404(demo_farm: DemoFarm, client: httpx.Client) -> None:
    base = demo_farm.base_url("sosh-1")
    robots = client.get(base + "robots.txt").text
    assert "Disallow: /search/" in robots and f"Sitemap: {base}sitemap.xml" in robots
    sitemap = client.get(base + "sitemap.xml").text
    assert f"<loc>{base}pedagogam-i-sotrudnikam/nastavnichestvo</loc>" in sitemap
    assert client.get(demo_farm.base_url("sosh-2") + "sitemap.xml").status_code == 404  # not every site has one
    missing = client.get(base + "no/such/page")
    assert missing.status_code == 404 and "Страница не найдена" in missing.text


def test_etag_gives_304_only_for_unchanged_content(farm: DemoFarm) -> None:
    section = farm.base_url("sosh-1") + "pedagogam-i-sotrudnikam/nastavnichestvo"
    doc = farm.base_url("sosh-1") + "netcat_files/32/51/prikaz_o_zakreplenii_nastavnicheskih_par_2025-2026.pdf"
    with httpx.Client(timeout=10) as cl:
        first, first_doc = cl.get(section), cl.get(doc)
        assert first.headers["ETag"] and "Last-Modified" in first_doc.headers
        again = cl.get(section, headers={"If-None-Match": first.headers["ETag"]})
        assert again.status_code == 304 and again.content == b""
        farm.set_variant("previous")  # the section page changed, the pairs order did not
        assert cl.get(section, headers={"If-None-Match": first.headers["ETag"]}).status_code == 200
        assert cl.get(doc, headers={"If-None-Match": first_doc.headers["ETag"]}).status_code == 304


# --------------------------------------------------------------------------------------------- state


def test_set_variant_and_set_down(farm: DemoFarm) -> None:
    with httpx.Client(timeout=10) as cl:
        section = farm.base_url("sosh-1") + "pedagogam-i-sotrudnikam/nastavnichestvo"
        pay = farm.base_url("sosh-1") + "netcat_files/32/52/Изменения в положение об оплате труда.rtf"
        assert "Изменения в Положение об оплате труда" in cl.get(section).text
        assert cl.get(pay).status_code == 200
        assert cl.get(farm.base_url("dyussh")).status_code == 503

        farm.set_variant("previous")
        assert "Изменения в Положение об оплате труда" not in cl.get(section).text
        assert cl.get(pay).status_code == 404
        assert cl.get(farm.base_url("dyussh")).status_code == 200  # the ДЮСШ worked in January
        assert cl.get(farm.base_url("ds-3") + "nastavnichestvo/").status_code == 404

        farm.set_down("sosh-1", True)
        assert cl.get(section).status_code == 503
        farm.set_down("sosh-1", False)
        assert cl.get(section).status_code == 200
        farm.set_variant("current")
        assert cl.get(farm.base_url("ds-3") + "nastavnichestvo/").status_code == 200
    with pytest.raises(ValueError, match="неизвестный вариант"):
        farm.set_variant("2027")


# --------------------------------------------------------------------------------------------- truth


def test_truth_validates_and_covers_the_district(truth: Truth) -> None:
    kinds = [o.kind for o in truth.organizations]
    assert kinds.count(OrgKind.OO) >= 6 and kinds.count(OrgKind.DOU) >= 3 and kinds.count(OrgKind.DO) >= 2
    assert [o.id for o in truth.organizations] == list(ORGS)
    assert str(truth.variants["current"].today) == "2026-05-20" and truth.variants["previous"].period == "2026-01"
    for org in truth.organizations:
        assert org.host_index == ORGS[org.id][2]
        assert org.why, org.id
    formats = {d.format for o in truth.organizations for d in o.documents}
    assert {"pdf", "docx", "odt", "rtf", "doc", "jpg", "html"} <= formats
    assert any(d.scan and d.format == "pdf" for o in truth.organizations for d in o.documents)
    assert any(d.broken_text_layer for o in truth.organizations for d in o.documents)


def _check_served(cl: httpx.Client, farm: DemoFarm, org_id: str, doc: TruthDocument) -> None:
    url = url_of(farm, org_id, doc.url)
    if doc.too_large:
        head = cl.head(url)
        assert head.status_code == 200 and int(head.headers["Content-Length"]) > CRAWLER_DOC_LIMIT
        return
    resp = cl.get(url)
    assert resp.status_code == 200, (org_id, doc.url)
    assert resp.content.lstrip().startswith(MAGIC[doc.format]), (org_id, doc.url, resp.content[:16])
    if doc.format == "odt":
        assert b"application/vnd.oasis.opendocument.text" in resp.content[:100]
    if doc.format == "docx":
        assert b"word/" in resp.content


def _check_absent(cl: httpx.Client, farm: DemoFarm, org_id: str, doc: TruthDocument) -> None:
    assert cl.get(url_of(farm, org_id, doc.url)).status_code == 404, (org_id, doc.url)


@pytest.mark.parametrize("variant", ["current", "previous"])
def test_every_truth_document_is_served_in_its_format(farm: DemoFarm, truth: Truth, variant: str) -> None:
    farm.set_variant(variant)
    jobs = []
    with httpx.Client(timeout=60) as cl, ThreadPoolExecutor(8) as pool:  # in parallel: ds-2 is slow
        for org in truth.organizations:
            if not org.reachable_at(variant):
                assert cl.get(farm.base_url(org.id)).status_code == 503
                continue
            for doc in org.documents:
                if doc.external:
                    continue
                if variant in doc.variants:
                    jobs.append(pool.submit(_check_served, cl, farm, org.id, doc))
                elif doc.format != "html":
                    jobs.append(pool.submit(_check_absent, cl, farm, org.id, doc))
        for job in jobs:
            job.result()


def _crawl_site(cl: httpx.Client, base: str) -> dict[str, tuple[str, bytes]]:
    """Every same-host URL reachable from the home page → (content type, first bytes); calendar days skipped."""
    seen: dict[str, tuple[str, bytes]] = {}
    queue = [base]
    while queue:
        url = queue.pop()
        if url in seen or "?date=" in url or ("?month=" in url and "?month=2026-05" not in url):
            continue
        resp = cl.get(url, follow_redirects=True)
        ctype = resp.headers.get("Content-Type", "")
        seen[url] = (ctype if resp.status_code == 200 else str(resp.status_code), resp.content[:8])
        if resp.status_code == 200 and ctype.startswith("text/html"):
            for link in links_of(str(resp.url), resp.content):
                link = link.split("#")[0]
                if urlsplit(link).netloc == urlsplit(base).netloc and link not in seen:
                    queue.append(link)
    return seen


@pytest.mark.parametrize("variant", ["current", "previous"])
def test_truth_lists_every_document_a_crawl_meets(farm: DemoFarm, truth: Truth, variant: str) -> None:
    farm.set_variant(variant)
    farm.set_delay("ds-2", 0)
    with httpx.Client(timeout=30) as cl:
        for org in truth.organizations:
            if not org.reachable_at(variant):
                continue
            found = _crawl_site(cl, farm.base_url(org.id))
            files = [u for u, (ctype, _) in found.items() if ctype.split(";")[0] in MIME_DOCS]
            listed = [d.url for d in org.docs_in(variant)]
            missing = [unquote(u) for u in files if not any(same_url(u, d) for d in listed)]
            assert not missing, (org.id, variant, missing)
            assert len(found) >= 10, org.id  # sites are not bare: menus, news, service pages


def _section_links(cl: httpx.Client, farm: DemoFarm, org_id: str, section: str) -> list[str]:
    """Links of the section page, plus those of viewer/catalogue pages it links (file/card, uCoz /load/)."""
    page = cl.get(url_of(farm, org_id, section))
    assert page.status_code == 200
    links = links_of(str(page.url), page.content)
    for link in list(links):
        if "/file/card" in link or "/load/" in link:
            viewer = cl.get(link)
            links += links_of(str(viewer.url), viewer.content)
    return links


@pytest.mark.parametrize("variant", ["current", "previous"])
def test_section_pages_link_their_truth_documents(farm: DemoFarm, truth: Truth, variant: str) -> None:
    farm.set_variant(variant)
    with httpx.Client(timeout=30) as cl:
        for org in truth.organizations:
            section = org.section_at(variant)
            if not org.reachable_at(variant) or section is None:
                continue
            links = _section_links(cl, farm, org.id, section)
            for doc in org.docs_in(variant):
                if doc.in_section and doc.format != "html":
                    assert any(same_url(link, doc.url) for link in links), (org.id, variant, doc.url)
            if org.section_stub:
                assert "Раздел в разработке" in cl.get(url_of(farm, org.id, section)).text


def test_menu_paths_lead_to_the_section(demo_farm: DemoFarm, client: httpx.Client, truth: Truth) -> None:
    for org in truth.organizations:
        if not org.reachable or org.section is None:
            continue
        home = client.get(demo_farm.base_url(org.id), follow_redirects=True)
        tree = lxml_html.fromstring(home.content)
        targets = [
            urljoin(str(home.url), a.get("href", ""))
            for a in tree.xpath("//a")
            if (a.text_content().strip() or " ".join(a.xpath(".//img/@alt"))) == org.menu_path[-1]
        ]
        assert any(same_url(t, org.section) for t in targets), org.id
        assert unquote(org.section) == org.section  # truth paths are stored decoded
