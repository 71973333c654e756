"""Issue #12 on the crawl side, without a network: hostile answers read by the pure parts of the crawl.

Each test names the farm case (tests/hostile/cases.py) whose fault it reproduces in a few bytes.
"""

from __future__ import annotations

import io
import resource
import zipfile
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest
from scrapy.http import Request, TextResponse
from twisted.python.failure import Failure

from crawler.crawl import content, links, pages, result
from crawler.crawl.errors import failure_reason_ru
from crawler.crawl.middlewares import MAX_RETRY_AFTER, RetryAfterMiddleware, retry_after_seconds
from crawler.crawl.state import Entry, OrgState
from crawler.crawl.visits import VISIT, Meta, PageVisit
from crawler.models import Organization, OrgKind
from crawler.store import BlobStore
from tests.test_crawl_adapters import FakeCrawl

TEXT = "Положение о наставничестве педагогических работников"


def _state(site: str = "http://school.test/") -> OrgState:
    org = Organization(id="s1", name="МБОУ s1", kind=OrgKind.OO, site=site)
    return OrgState(org=org, hosts={links.host_of(site)}, previous={}, entry=Entry(urls=[site]))


# ------------------------------------------------------------------------------------ charset-lie


def test_utf8_bytes_under_a_windows_1251_header_are_utf8() -> None:
    body = f"<html><body><h1>{TEXT}</h1></body></html>".encode()
    text, enc = content.decode_html(body, "text/html; charset=windows-1251")
    assert TEXT in text and enc == "utf-8"
    # and the other way round still holds: a cp1251 body under a utf-8 header
    text, _ = content.decode_html(TEXT.encode("cp1251"), "text/html; charset=utf-8")
    assert TEXT in text
    # an honest cp1251 page is never taken for UTF-8
    text, enc = content.decode_html(f"<p>{TEXT}</p>".encode("cp1251"), "text/html; charset=windows-1251")
    assert TEXT in text and "1251" in enc


# ------------------------------------------------------------------------------------ font-depth


def test_links_after_hundreds_of_unclosed_tags_are_read() -> None:
    page = "<html><body>" + "<font>" * 254 + '<nav><a href="/pedagogam/">Педагогам</a></nav></body></html>'
    doc, complete = links.parse_html_checked(page, "http://school.test/")
    assert complete and [lk.url for lk in links.extract_links(doc)] == ["http://school.test/pedagogam/"]
    # past what the parser can read even without formatting tags, the page says it was not read whole
    deep = "<html><body>" + "<div>" * 3000 + '<a href="/x">X</a></body></html>'
    _, complete = links.parse_html_checked(deep, "http://school.test/")
    assert not complete


# ------------------------------------------------------------------------------------ docx-bomb


def test_a_zip_member_that_inflates_to_gigabytes_is_never_inflated() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", b"<Types/>")
        zf.writestr("word/document.xml", b"<w/>")
        zf.writestr("mimetype", b"\0" * (256 * 1024 * 1024))  # 256 MB of zeros, 250 KB deflated
    body = buf.getvalue()
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    assert content.decide_format(body, None, "polozhenie.docx") == "docx"
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 64 * 1024  # KB
    assert (soft, hard) == resource.getrlimit(resource.RLIMIT_AS)


# ------------------------------------------------------------------------------------ traversal-names


@pytest.mark.parametrize(
    ("header", "name"),
    [
        ("attachment; filename*=UTF-8''../../../../tmp/evil.pdf", "evil.pdf"),
        ('attachment; filename="..\\\\..\\\\..\\\\..\\\\tmp\\\\nm-hostile-evil.docx"', "nm-hostile-evil.docx"),
        ("attachment; filename=/tmp/nm-hostile-evil.odt", "nm-hostile-evil.odt"),
        ("attachment; filename*=UTF-8''..%2F..%2Fetc%2Fpasswd", "passwd"),
        ('attachment; filename=".."', None),
        ("attachment; filename*=UTF-8''%D0%9F%D1%80%D0%B8%D0%BA%D0%B0%D0%B7%0A.pdf", "Приказ_.pdf"),
    ],
)
def test_a_server_suggests_only_a_base_name(header: str, name: str | None) -> None:
    assert content.file_name_from_disposition(header) == name


def test_a_file_name_from_the_url_is_a_base_name_too() -> None:
    assert content.decide_file_name(None, "http://s.test/files/..%2F..%2Fevil.pdf") == "evil.pdf"


# ------------------------------------------------------------------------------------ tls-mismatch


def test_tls_failures_are_named_in_russian() -> None:
    from service_identity.exceptions import VerificationError

    failure = Failure(VerificationError(errors=["IPAddressMismatch(mismatched_id=IPAddress_ID(ip=127.0.0.114))"]))
    assert failure_reason_ru(failure, 5) == "ошибка сертификата TLS: сертификат выдан для другого имени сайта"
    from OpenSSL.SSL import Error as SSLError

    expired = Failure(SSLError([("SSL routines", "", "certificate verify failed: certificate has expired")]))
    assert failure_reason_ru(expired, 5) == "ошибка сертификата TLS: срок действия сертификата истёк"


def test_a_redirect_loop_and_a_decompression_bomb_are_named_in_russian() -> None:
    from scrapy.exceptions import IgnoreRequest

    loop = failure_reason_ru(Failure(IgnoreRequest("max redirections reached")), 5)
    assert loop.startswith("петля переадресаций")
    bomb = IgnoreRequest("Ignored response <200 x> because its body (1 B compressed, 9 B decompressed so far) "
                         "exceeded DOWNLOAD_MAXSIZE (8 B) during decompression.")  # fmt: skip
    assert "бомбу" in failure_reason_ru(Failure(bomb), 5)


# ------------------------------------------------------------------------------------ 429/503 Retry-After


def test_retry_after_is_read_in_seconds_or_as_a_date() -> None:
    assert retry_after_seconds(b"2") == 2.0
    soon = format_datetime(datetime.now(UTC) + timedelta(seconds=30), usegmt=True).encode()
    assert 25 <= (retry_after_seconds(soon) or 0) <= 31
    assert retry_after_seconds(b"soon") is None and retry_after_seconds(None) is None


def test_a_short_retry_after_is_waited_for_and_a_long_one_is_not() -> None:
    mw = RetryAfterMiddleware()
    short = Request("http://s.test/")
    mw.process_response(short, TextResponse("http://s.test/", status=429, headers={"Retry-After": "2"}))
    assert short.meta[Meta.RETRY_AFTER] == 2.0
    long = Request("http://s.test/")  # an hour: the retries go on as for any 503, without the wait
    mw.process_response(long, TextResponse("http://s.test/", status=503, headers={"Retry-After": "3600"}))
    assert Meta.RETRY_AFTER not in long.meta and not long.meta.get("dont_retry")
    assert MAX_RETRY_AFTER <= 120


# ------------------------------------------------------------------------------------ lost pages


@pytest.mark.parametrize(
    ("visit", "leads"),
    [
        (PageVisit(org_id="s1", depth=1, link_text="Педагогам", groups=frozenset({"pedagogues"})), True),
        (PageVisit(org_id="s1", depth=3, link_text="Документы", groups=frozenset({"documents"})), True),
        (PageVisit(org_id="s1", depth=2, link_text="Наставничество", groups=frozenset({"mentoring"})), True),
        (PageVisit(org_id="s1", depth=2, link_text="Архив", section_child=True), True),
        (PageVisit(org_id="s1", depth=1, link_text="Контакты"), True),  # any link of the home page
        (PageVisit(org_id="s1", depth=1, link_text="Вход", groups=frozenset({"noise"})), False),
        (PageVisit(org_id="s1", depth=3, link_text="Новость о празднике"), False),
    ],
)
def test_which_lost_pages_could_have_led_to_the_section(visit: PageVisit, leads: bool) -> None:
    st = _state()
    pages.lost_page(st, "http://school.test/x", visit, "сервер отвечает 503 после 2 попыток")
    assert st.found.lost_pages == ["http://school.test/x"]
    assert bool(st.found.lost_links) is leads
    st = _state()
    pages.lost_page(st, "http://school.test/x", visit, "главная страница не найдена (HTTP 404)", blocking=False)
    assert not st.found.lost_links  # a 404 is an answer: nothing is there
    st = _state()
    pages.lost_page(st, "http://school.test/x", visit, "страница закрыта для обхода файлом robots.txt", by_depth=False)
    # robots.txt closes search and login pages everywhere: only the link's own words count then
    assert bool(st.found.lost_links) is (leads and visit.link_text != "Контакты")


def _read_home(crawl: FakeCrawl, st: OrgState, body: bytes) -> None:
    visit = PageVisit(org_id="s1", start=True)
    request = Request("http://school.test/", cb_kwargs={VISIT: visit})
    response = TextResponse("http://school.test/", body=body, headers={"Content-Type": "text/html"},
                            request=request)  # fmt: skip
    pages.read(crawl, st, response, visit)


@pytest.mark.parametrize(
    ("body", "why"),
    [
        (b"", "пуста"),
        (bytes(range(256)) * 64, "нечитаемые данные"),
        (b"<html><body><p>" + "Школа".encode() * 40 + b"</p></body></html>", "нет ни одной ссылки"),
        (b"<!-- nothing -->", "не разбирается как HTML"),
    ],
)
def test_a_home_page_without_links_makes_the_site_unreadable_not_empty(tmp_path: Path, body: bytes, why: str) -> None:
    crawl = FakeCrawl(BlobStore(tmp_path / "blobs"))
    st = _state()
    _read_home(crawl, st, body)
    res = result.build(crawl, st)
    assert not res.reachable and why in (res.failure_reason or ""), res.failure_reason
    assert "проверьте сайт вручную" in (res.failure_reason or "")


def test_a_crawl_cut_short_is_unknown_with_its_reason(tmp_path: Path) -> None:
    crawl = FakeCrawl(BlobStore(tmp_path / "blobs"))
    st = _state()
    _read_home(crawl, st, b"<html><body><nav><a href='/pedagogam/'>\xd0\x9f</a></nav></body></html>")
    res = result.build(crawl, st, cut_short="превышено общее время обхода (300 с)")
    assert not res.reachable
    assert res.failure_reason == (
        "обход сайта не завершён: превышено общее время обхода (300 с); сайт нужно проверить повторно"
    )


# ------------------------------------------------------------------------------------ the spider's end


def _spider(tmp_path: Path, emitted: list[object]) -> object:
    from crawler.crawl.spider import FocusedSpider
    from tests.test_crawl_support import fast_settings, org

    return FocusedSpider(
        orgs=[org("http://a.test/", "a"), org("http://b.test/", "b")],
        crawl_settings=fast_settings(max_run_seconds=300),
        blobs_dir=tmp_path / "blobs",
        previous=None,
        emit=emitted.append,
    )


def test_organizations_unfinished_when_the_crawl_closes_are_unknown_with_the_reason(tmp_path: Path) -> None:
    emitted: list[object] = []
    spider = _spider(tmp_path, emitted)
    spider.states["a"].entry.reachable = True  # type: ignore[attr-defined]
    spider.finish_all("memusage_exceeded")  # type: ignore[attr-defined]
    assert [(r.org_id, r.reachable) for r in emitted] == [("a", False), ("b", False)]  # type: ignore[attr-defined]
    assert all("обходчику не хватило памяти" in (r.failure_reason or "") for r in emitted)  # type: ignore[attr-defined]
    spider.finish_all("finished")  # type: ignore[attr-defined]
    assert len(emitted) == 2  # each organization once


def test_a_result_that_fails_to_build_is_unknown_not_lost(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    emitted: list[object] = []
    spider = _spider(tmp_path, emitted)

    def broken(*args: object, **kw: object) -> None:
        raise ValueError("boom")

    monkeypatch.setattr(result, "build", broken)
    spider._finish(spider.states["a"])  # type: ignore[attr-defined]
    [res] = emitted
    assert not res.reachable  # type: ignore[attr-defined]
    assert "внутренняя ошибка при подготовке результата обхода" in res.failure_reason  # type: ignore[attr-defined]


def test_a_full_disk_stops_every_organization_and_says_so(tmp_path: Path) -> None:
    import errno

    emitted: list[object] = []
    spider = _spider(tmp_path, emitted)
    closing: list[str] = []

    class Engine:
        def close_spider_async(self, *, reason: str) -> None:  # the real one is a coroutine: only the call counts
            closing.append(reason)

    class Crawler:
        engine = Engine()

    spider.crawler = Crawler()  # type: ignore[attr-defined]
    visit = PageVisit(org_id="a", depth=1, link_text="Педагогам")
    full = OSError(errno.ENOSPC, "No space left on device", str(tmp_path / "blobs" / "ab"))
    spider._read_failed(spider.states["a"], "http://a.test/pedagogam/", visit, full)  # type: ignore[attr-defined]
    assert closing == ["disk_full"]
    spider.finish_all("disk_full")  # type: ignore[attr-defined]
    assert len(emitted) == 2
    for res in emitted:
        assert not res.reachable  # type: ignore[attr-defined]
        assert "нет места на диске" in (res.failure_reason or "")  # type: ignore[attr-defined]
        assert res.machine_error and "нет места на диске" in res.machine_error  # type: ignore[attr-defined]


# ------------------------------------------------------------------------------------ pdf-lying


def test_a_pdf_stream_that_inflates_to_gigabytes_is_refused_before_a_parser_holds_it(tmp_path: Path) -> None:
    import time
    import zlib

    from crawler.config import ExtractSettings
    from crawler.extract import extract_file
    from crawler.extract.guard import MAX_PDF_STREAM_INFLATED

    packer = zlib.compressobj(9)
    block = b"0 0 m " * (1 << 20)
    bomb = b"".join(packer.compress(block) for _ in range(MAX_PDF_STREAM_INFLATED // len(block) + 2))
    bomb += packer.flush()
    pdf = (
        b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
        b"2 0 obj << /Type /Pages /Kids [3 0 R] /Count 2147483647 >> endobj\n"
        b"3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >> endobj\n"
        b"4 0 obj << /Length 10 /Filter /FlateDecode >>\nstream\n" + bomb + b"\nendstream endobj\n"
        b"trailer << /Root 1 0 R >>\n%%EOF\n"
    )
    path = tmp_path / "pary.pdf"
    path.write_bytes(pdf)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.monotonic()
    got = extract_file(path, "0" * 64, ExtractSettings(), "pdf")
    assert got.error and "«бомбу» сжатия" in got.error
    assert time.monotonic() - started < 10
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 128 * 1024  # KB: never the whole stream
