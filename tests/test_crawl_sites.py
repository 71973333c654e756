"""Whole crawls of small real sites on loopback: one child process crawls them all at once."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

import crawler.crawl as crawl_pkg
from crawler.crawl import crawl_sites
from crawler.models import OrgCrawlResult
from crawler.store import Store
from tests.test_crawl_support import MINIMAL_PDF, Route, Site, fast_settings, free_port, html, org

pytestmark = pytest.mark.slow  # crawls or serves whole districts: not in make test-fast

MAX_DOC = 300_000
HUGE = b"%PDF-1.4\n" + b"0" * 1_500_000
# a real order or regulation is tens of kilobytes at least
PDF = MINIMAL_PDF + b"%" + b"x" * 40_000 + b"\n"

MENU = (
    "<nav class='menu'><ul><li><a href='/'>Главная</a></li><li><a href='/news/'>Новости</a></li>"
    "<li><a href='/sveden/'>Сведения об образовательной организации</a></li>"
    "<li><a href='/pedagogam/'>Педагогам</a></li><li><a href='/kontakty'>Контакты</a></li></ul></nav>"
)


# real pages carry a site template (scripts, footer) of several kilobytes
FOOTER = "<footer>" + "<p>Адрес: 606970, Нижегородская обл., р.п. Тонкино, ул. Школьная, д. 1.</p>" * 30 + "</footer>"


def page(title: str, body: str, menu: str = MENU) -> Route:
    return Route(html(f"{menu}<main><h1>{title}</h1>{body}</main>{FOOTER}", title=f"{title} — МБОУ СОШ"))


def main_site() -> Site:
    news = "".join(f"<a href='/news/{i}'>Новость {i}: у нас прошёл праздник</a>" for i in range(40))
    return Site(
        "127.0.0.2",
        {
            "/": page(
                "Добро пожаловать",
                "<p>Официальный сайт школы.</p><a href='/files/menu.pdf'>Меню на неделю</a>" + news[:400],
            ),
            "/news/": page("Новости", news + "<p>В том числе о наставничестве.</p>"),
            "/sveden/": page("Сведения об образовательной организации", "<a href='/sveden/document'>Документы</a>"),
            "/sveden/document": page(
                "Документы",
                "<a href='/files/ustav.pdf'>Устав</a>"
                "<a href='/file/card?id=7'>Положение о наставничестве педагогических работников</a>",
            ),
            "/pedagogam/": page("Педагогам", "<a href='/pedagogam/nastavnichestvo/'>Наставничество</a>"),
            "/pedagogam/nastavnichestvo/": page(
                "Наставничество",
                "<p>Целевая модель наставничества педагогических работников.</p>"
                "<a href='/files/plan.pdf'>Дорожная карта</a>"
                "<a href='/file/card?id=7'>Положение</a>"
                "<a href='https://disk.yandex.ru/d/abc'>База наставников</a>"
                "<a href='/files/missing.pdf'>Приказ о закреплении пар</a>"
                "<a href='/files/huge.pdf'>Скан приказа</a>"
                "<a href='/upload/prikaz?id=3'>Приказ о назначении куратора</a>"
                "<a href='/pedagogam/nastavnichestvo/pary/'>Наставнические пары</a>"
                "<a href='/pedagogam/nastavnichestvo/arhiv/'>Архив</a>",
            ),
            "/pedagogam/nastavnichestvo/pary/": page(
                "Наставнические пары 2024-2025", "<a href='/files/pary.docx'>Список пар</a>"
            ),
            "/pedagogam/nastavnichestvo/arhiv/": Route(b"error", 500, {"Content-Type": "text/plain"}),
            "/files/plan.pdf": Route(PDF, headers={"Content-Type": "application/octet-stream"}),
            "/files/huge.pdf": Route(HUGE, headers={"Content-Type": "application/pdf"}),
            "/files/pary.docx": Route(
                b"PK\x03\x04garbage-but-zip-magic",
                headers={
                    "Content-Type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    "Content-Disposition": 'attachment; filename="Пары.docx"'.encode().decode("latin-1"),
                },
            ),
            "/upload/prikaz?id=3": Route(
                b"{\\rtf1\\ansi \\'cf\\'f0\\'e8\\'ea\\'e0\\'e7}",
                headers={"Content-Type": "application/octet-stream"},
            ),
            "/file/card?id=7": page("Положение о наставничестве.pdf", "<a href='/file/download?id=7'>Скачать</a>"),
            "/file/download?id=7": Route(
                PDF,
                headers={
                    "Content-Type": "application/pdf",
                    "Content-Disposition": "attachment; filename*=UTF-8''"
                    "%D0%9F%D0%BE%D0%BB%D0%BE%D0%B6%D0%B5%D0%BD%D0%B8%D0%B5.pdf",
                },
            ),
        },
        auto_etag=True,
    )


def cp1251_site() -> Site:
    def r(title: str, body: str) -> Route:
        text = (
            f"<html><head><title>{title}</title></head><body><div id='menu'>"
            "<a href='/nastavnichestvo.htm'>Наставничество</a></div>"
            f"<div id='content'><h1>{title}</h1>{body}</div></body></html>"
        )
        # the charset is declared only in the HTTP header
        return Route(text.encode("cp1251"), headers={"Content-Type": "text/html; charset=windows-1251"})

    return Site(
        "127.0.0.3",
        {
            "/": r("Детский сад № 5", "<p>Добро пожаловать</p>"),
            "/nastavnichestvo.htm": r(
                "Наставничество",
                "<p>Положение о системе наставничества педагогических работников</p>"
                "<a href='/docs/polozhenie.pdf'>Положение</a>",
            ),
            "/docs/polozhenie.pdf": Route(MINIMAL_PDF, headers={"Content-Type": "application/pdf"}),
        },
    )


def calendar_site() -> Site:
    """No section; a mentoring document on the documents page; an endless calendar."""
    menu = "<nav><a href='/sveden/document'>Документы</a><a href='/calendar?date=2024-01-01'>Календарь</a></nav>"
    site = Site(
        "127.0.0.4",
        {
            "/": Route(html(menu + "<main><h1>ЦДО</h1></main>")),
            "/sveden/document": Route(
                html(
                    menu + "<main><h1>Документы</h1><a href='/files/ustav.pdf'>Устав</a>"
                    "<a href='/files/%D0%BF%D0%BE%D0%BB%D0%BE%D0%B6%D0%B5%D0%BD%D0%B8%D0%B5.pdf'>"
                    "Положение о наставничестве</a><a href='/files/stream.pdf'>Скан приказа о наставничестве</a></main>"
                )
            ),
            "/files/положение.pdf": Route(MINIMAL_PDF, headers={"Content-Type": "application/pdf"}),
            "/files/stream.pdf": Route(HUGE, headers={"Content-Type": "application/pdf"}, no_length=True),
        },
    )

    def calendar(path: str) -> Route | None:
        if not path.startswith("/calendar?date="):
            return None
        day = path.split("=", 1)[1]
        y, m, d = (int(x) for x in day.split("-"))
        nxt = f"{y + (m == 12 and d == 28):04d}-{(m % 12) + 1 if d == 28 else m:02d}-{1 if d == 28 else d + 1:02d}"
        return Route(html(menu + f"<main><h1>События {day}</h1><a href='/calendar?date={nxt}'>Дальше</a></main>"))

    site.dynamic = calendar
    return site


def robots_site() -> Site:
    return Site(
        "127.0.0.5",
        {
            "/robots.txt": Route(b"User-agent: *\nDisallow: /private/\n", headers={"Content-Type": "text/plain"}),
            "/": Route(html("<nav><a href='/private/nastavnichestvo'>Наставничество</a></nav><h1>Школа</h1>")),
            "/private/nastavnichestvo": page("Наставничество", "<a href='/x.pdf'>Положение</a>"),
        },
    )


def broken_section_site() -> Site:
    """The mentoring page exists in the menu but the server fails on it; an old link is simply gone."""
    return Site(
        "127.0.0.41",
        {
            "/": Route(
                html(
                    "<nav><a href='/nastavnichestvo'>Наставничество</a> <a href='/kontakty'>Контакты</a></nav>"
                    "<main><h1>Школа</h1><a href='/old/nastavnichestvo-2019'>Наставничество (архив)</a></main>"
                )
            ),
            "/nastavnichestvo": Route(b"<h1>Internal Server Error</h1>", 500, {"Content-Type": "text/html"}),
            "/kontakty": page("Контакты", "<p>Телефон школы</p>"),
        },
    )


def script_site() -> Site:
    """A single-page application: the menu is built by JavaScript, the HTML has no links."""
    shell = (
        "<html><head><title>МБОУ СОШ</title><script src='/app.js'></script></head>"
        "<body><div id='root'></div><script>render(document.getElementById('root'))</script></body></html>"
    )
    return Site("127.0.0.42", {"/": Route(shell.encode())})


def unavailable_site() -> Site:
    site = Site("127.0.0.6", {})
    site.dynamic = lambda path: Route(b"busy", 503, {"Content-Type": "text/plain"})
    return site


def slow_site() -> Site:
    return Site("127.0.0.7", {"/": Route(html("<h1>Медленно</h1>"), delay=4)})


def redirect_and_sitemap_sites() -> tuple[Site, Site]:
    target = Site(
        "127.0.0.9",
        {
            "/": Route(html("<nav><a href='/o-shkole'>О школе</a></nav><main><h1>Новый сайт школы</h1></main>")),
            "/o-shkole": page("О школе", "<p>История</p>"),
            # not linked from any page: only the sitemap knows it
            "/mentoring/": page("Наставничество", "<p>Стаб</p><p>Раздел находится в разработке.</p>"),
        },
    )
    target.routes["/sitemap.xml"] = Route(
        (
            "<?xml version='1.0' encoding='UTF-8'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
            f"<url><loc>{target.url}o-shkole</loc></url><url><loc>{target.url}mentoring/</loc></url></urlset>"
        ).encode(),
        headers={"Content-Type": "application/xml"},
    )
    old = Site("127.0.0.8", {})
    old.dynamic = lambda path: Route(b"", 301, {"Location": target.url, "Content-Type": "text/html"})
    return old, target


@pytest.fixture(scope="module")
def district(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, object]]:
    tmp = tmp_path_factory.mktemp("crawl")
    sites = {
        "main": main_site(),
        "cp1251": cp1251_site(),
        "calendar": calendar_site(),
        "robots": robots_site(),
        "busy": unavailable_site(),
        "slow": slow_site(),
        "broken": broken_section_site(),
        "spa": script_site(),
    }
    sites["js"] = Site(
        "127.0.0.40",
        {
            "/": Route(b"<html><head><script>window.location.href='/main/';</script></head><body></body></html>"),
            "/main/": Route(html(MENU + "<main><h1>Главная</h1></main>")),
            "/pedagogam/": page("Педагогам", "<a href='/pedagogam/nastavnichestvo'>Наставничество</a>"),
            "/pedagogam/nastavnichestvo": page("Наставничество", "<p>Целевая модель наставничества</p>"),
        },
    )
    old, target = redirect_and_sitemap_sites()
    sites["old"], sites["target"] = old, target
    for s in sites.values():
        s.start()
    closed = free_port()
    orgs = [org(s.url, key) for key, s in sites.items() if key != "target"]
    orgs.append(org(f"http://127.0.0.1:{closed}/", "closed"))
    orgs.append(org("http://no-such-host.invalid/", "nodns"))
    settings = fast_settings(timeout_seconds=1.5, max_document_bytes=MAX_DOC)
    progress: list[str] = []
    store = Store(tmp / "db.sqlite")
    results = crawl_sites(
        orgs, settings, store.blobs.root, log_file=tmp / "crawl.log", on_progress=lambda r: progress.append(r.org_id)
    )
    run_id = store.start_run("2025-01", "manual", "2025-01-15")
    for o, r in zip(orgs, results, strict=True):
        store.save_crawl(run_id, o.name, o.kind.value, o.site, r)
    yield {
        "sites": sites,
        "orgs": orgs,
        "results": {r.org_id: r for r in results},
        "order": [r.org_id for r in results],
        "progress": progress,
        "store": store,
        "settings": settings,
        "tmp": tmp,
    }
    store.close()
    for s in sites.values():
        s.stop()


def _r(district: dict[str, object], key: str) -> OrgCrawlResult:
    return district["results"][key]  # type: ignore[index]


def _site(district: dict[str, object], key: str) -> Site:
    return district["sites"][key]  # type: ignore[index]


def _doc_by_path(result: OrgCrawlResult, path: str) -> object:
    for d in result.documents:
        if unquote(urlsplit(d.url).path) + (f"?{urlsplit(d.url).query}" if urlsplit(d.url).query else "") == path:
            return d
    raise AssertionError(f"{path} not among {[d.url for d in result.documents]}")


def test_results_in_order_with_progress(district: dict[str, object]) -> None:
    assert district["order"] == [o.id for o in district["orgs"]]  # type: ignore[union-attr]
    assert sorted(district["progress"]) == sorted(district["order"])  # type: ignore[arg-type]
    assert (district["tmp"] / "crawl.log").exists()  # type: ignore[operator]


def test_section_found_with_menu_path_and_pages(district: dict[str, object]) -> None:
    r = _r(district, "main")
    assert r.reachable and r.section is not None
    assert urlsplit(r.section.url).path == "/pedagogam/nastavnichestvo/"
    assert r.section.menu_path == ["Педагогам", "Наставничество"]
    assert r.section.reachable_from_home and not r.section.is_stub
    assert "Целевая модель наставничества" in r.section.text_excerpt
    assert any(urlsplit(p).path == "/pedagogam/nastavnichestvo/pary/" for p in r.section.pages)
    assert r.requests_to_section is not None and r.requests_to_section <= 10
    # reachable, but a page of the section answered 500: listed, not hidden
    assert [urlsplit(u).path for u in r.lost_pages] == ["/pedagogam/nastavnichestvo/arhiv/"]
    section_pages = [p for p in r.pages if p.is_section]
    assert section_pages and all(p.sha256 for p in section_pages)
    assert any("Целевая модель" in p.text for p in section_pages)


def test_focused_crawl_leaves_unrelated_pages(district: dict[str, object]) -> None:
    paths = _site(district, "main").paths()
    assert not any(p.startswith("/news/") and p != "/news/" for p in paths), paths
    assert "/files/menu.pdf" not in paths  # a file that is not mentoring, nor in the section or «Документы»
    # every local act on the «Документы» page goes to the classifier (pay acts may mention mentors)
    assert "/files/ustav.pdf" in paths


def test_documents_of_the_section(district: dict[str, object]) -> None:
    r = _r(district, "main")
    plan = _doc_by_path(r, "/files/plan.pdf")
    assert plan.format == "pdf" and plan.in_section and plan.sha256 and plan.size == len(PDF)
    card = _doc_by_path(r, "/file/card?id=7")
    assert urlsplit(card.final_url).path == "/file/download"
    assert card.viewer_title == "Положение о наставничестве.pdf"
    assert card.file_name == "Положение.pdf" and card.format == "pdf" and card.in_section
    cloud = _doc_by_path(r, "/d/abc")
    assert cloud.external and cloud.sha256 is None and "облачном" in cloud.error
    missing = _doc_by_path(r, "/files/missing.pdf")
    assert missing.http_status == 404 and "404" in missing.error
    pary = _doc_by_path(r, "/files/pary.docx")
    assert pary.file_name == "Пары.docx" and pary.in_section
    rtf = _doc_by_path(r, "/upload/prikaz?id=3")
    assert rtf.format == "rtf"  # from the magic bytes, the header said octet-stream
    blobs = district["store"].blobs  # type: ignore[attr-defined]
    assert blobs.path(plan.sha256).read_bytes() == PDF


def test_oversize_document_recorded_not_downloaded(district: dict[str, object]) -> None:
    r = _r(district, "main")
    huge = _doc_by_path(r, "/files/huge.pdf")
    assert huge.sha256 is None and huge.size == len(HUGE)
    assert huge.error == f"файл больше {MAX_DOC / 1048576:g} МБ, не загружен"
    assert r.bytes < len(HUGE) / 2
    other = _r(district, "calendar")
    streamed = _doc_by_path(other, "/files/stream.pdf")  # no Content-Length: stopped at the limit
    assert streamed.sha256 is None and streamed.size is None and (streamed.error or "").startswith("файл больше")
    assert other.bytes < len(HUGE) / 2


def test_windows_1251_site(district: dict[str, object]) -> None:
    r = _r(district, "cp1251")
    assert r.section is not None and r.section.url.endswith("/nastavnichestvo.htm")
    section_page = next(p for p in r.pages if p.is_section)
    assert "Положение о системе наставничества" in section_page.text
    assert section_page.title == "Наставничество"
    assert _doc_by_path(r, "/docs/polozhenie.pdf").format == "pdf"


def test_no_section_document_elsewhere_and_calendar_bounded(district: dict[str, object]) -> None:
    r = _r(district, "calendar")
    assert r.reachable and r.section is None and r.requests_to_section is None
    doc = _doc_by_path(r, "/files/положение.pdf")
    assert not doc.in_section and doc.format == "pdf" and doc.file_name == "положение.pdf"
    calendar_hits = [p for p in _site(district, "calendar").paths() if p.startswith("/calendar")]
    assert 1 <= len(calendar_hits) <= 10


def test_robots_txt_obeyed(district: dict[str, object]) -> None:
    r = _r(district, "robots")
    assert r.reachable and r.section is None
    assert not any(p.startswith("/private/") for p in _site(district, "robots").paths())
    # the closed page looked like the section: the rules must not conclude «нет раздела» from it
    assert [urlsplit(link.url).path for link in r.lost_mentoring_links] == ["/private/nastavnichestvo"]
    assert "robots.txt" in r.lost_mentoring_links[0].reason


def test_mentoring_page_that_fails_is_remembered_but_a_missing_one_is_not(district: dict[str, object]) -> None:
    r = _r(district, "broken")
    assert r.reachable and r.section is None
    lost = {urlsplit(link.url).path: link for link in r.lost_mentoring_links}
    assert set(lost) == {"/nastavnichestvo"}  # the 404 of the archive link is an answer, not a failure
    assert lost["/nastavnichestvo"].link_text == "Наставничество"
    assert "500" in lost["/nastavnichestvo"].reason


def test_site_built_by_script_is_not_judged_as_having_nothing(district: dict[str, object]) -> None:
    r = _r(district, "spa")
    assert not r.reachable
    assert "меню формируется скриптом" in (r.failure_reason or "")


def test_503_is_unreachable_with_every_attempt(district: dict[str, object]) -> None:
    r = _r(district, "busy")
    settings = district["settings"]
    assert not r.reachable and r.section is None
    assert "503" in (r.failure_reason or "")
    assert len(r.attempts) == settings.retries + 1  # type: ignore[attr-defined]
    assert all(a.status == 503 for a in r.attempts)


def test_refused_and_timeout_are_unreachable(district: dict[str, object]) -> None:
    refused = _r(district, "closed")
    assert not refused.reachable and "отклонил" in (refused.failure_reason or "")
    assert refused.attempts and all(a.error for a in refused.attempts)
    nodns = _r(district, "nodns")
    assert not nodns.reachable and "DNS" in (nodns.failure_reason or "")
    slow = _r(district, "slow")
    assert not slow.reachable and "не ответил за 1.5 с" in (slow.failure_reason or "")


def test_redirect_to_new_host_and_sitemap_only_stub(district: dict[str, object]) -> None:
    r = _r(district, "old")
    assert r.reachable
    assert r.section is not None and urlsplit(r.section.url).netloc == urlsplit(_site(district, "target").url).netloc
    assert urlsplit(r.section.url).path == "/mentoring/"
    assert not r.section.reachable_from_home and r.section.menu_path == []
    assert r.section.is_stub


def test_incremental_second_run_transfers_little(district: dict[str, object]) -> None:
    store: Store = district["store"]  # type: ignore[assignment]
    first = _r(district, "main")
    main = next(o for o in district["orgs"] if o.id == "main")  # type: ignore[attr-defined]
    previous = {"main": store.previous_fetches("main")}
    assert previous["main"]
    site = _site(district, "main")
    site.log.clear()
    second = crawl_sites([main], district["settings"], store.blobs.root, previous=previous)[0]  # type: ignore[arg-type]
    assert second.section is not None and second.section.url == first.section.url  # type: ignore[union-attr]
    assert {d.url for d in second.documents} == {d.url for d in first.documents}
    assert any(p.not_modified for p in second.pages)
    plan = _doc_by_path(second, "/files/plan.pdf")
    assert plan.not_modified and plan.sha256 == _doc_by_path(first, "/files/plan.pdf").sha256  # type: ignore[attr-defined]
    assert second.bytes < 0.1 * first.bytes
    assert any("if-none-match" in headers for _, headers in site.log)


def test_child_crash_becomes_clear_failure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crawl_pkg.sys, "executable", "/bin/false")
    res = crawl_sites([org("http://127.0.0.1:9/", "x")], fast_settings(), tmp_path / "blobs")
    assert len(res) == 1 and not res[0].reachable
    assert "обходчик завершился с ошибкой" in (res[0].failure_reason or "")


def test_server_ignoring_conditional_requests(tmp_path: Path) -> None:
    """Same Last-Modified and the same length as the stored copy: not downloaded again; a changed file is."""
    lm = {"Last-Modified": "Mon, 01 Sep 2025 08:00:00 GMT"}
    doc_v1 = PDF
    site = Site(
        "127.0.0.10",
        {
            "/": Route(html("<nav><a href='/nastavnichestvo'>Наставничество</a></nav>" + FOOTER), headers=lm),
            "/nastavnichestvo": Route(
                html(f"<main><h1>Наставничество</h1><a href='/f/plan.pdf'>План</a></main>{FOOTER}"), headers=lm
            ),
            "/f/plan.pdf": Route(doc_v1, headers={**lm, "Content-Type": "application/pdf"}),
        },
    ).start()
    try:
        store = Store(tmp_path / "db.sqlite")
        o = org(site.url, "lm")
        first = crawl_sites([o], fast_settings(), store.blobs.root)[0]
        run_id = store.start_run("2025-01", "manual", "2025-01-15")
        store.save_crawl(run_id, o.name, o.kind.value, o.site, first)
        previous = {"lm": store.previous_fetches("lm")}
        second = crawl_sites([o], fast_settings(), store.blobs.root, previous=previous)[0]
        assert second.bytes < 0.1 * first.bytes
        assert all(p.not_modified for p in second.pages)
        assert _doc_by_path(second, "/f/plan.pdf").not_modified
        assert second.section is not None and second.section.url == first.section.url  # type: ignore[union-attr]
        # the file changes, the careless server keeps the date: the length differs, so it is downloaded
        site.routes["/f/plan.pdf"].body = doc_v1 + b"%% signed copy\n"
        third = crawl_sites([o], fast_settings(), store.blobs.root, previous=previous)[0]
        changed = _doc_by_path(third, "/f/plan.pdf")
        assert not changed.not_modified and changed.size == len(doc_v1) + 15
        store.close()
    finally:
        site.stop()


def test_yandex_disk_public_link_resolved_through_api(tmp_path: Path) -> None:
    """With resolve_yandex_disk on, a public file link is fetched through the (here: local) public API."""
    api = Site("127.0.0.30", {"/file.pdf": Route(PDF, headers={"Content-Type": "application/pdf"})})
    api.dynamic = lambda path: (
        Route(
            f'{{"href": "{api.url}file.pdf", "method": "GET"}}'.encode(), headers={"Content-Type": "application/json"}
        )
        if path.startswith("/v1/disk/public/resources/download?public_key=https://disk.yandex.ru/i/abc")
        else None
    )
    api.start()
    site = Site(
        "127.0.0.31",
        {
            "/": Route(html("<nav><a href='/nastavnichestvo'>Наставничество</a></nav>")),
            "/nastavnichestvo": page(
                "Наставничество",
                "<a href='https://disk.yandex.ru/i/abc'>База наставников</a>"
                "<a href='https://drive.google.com/file/d/1/view'>План</a>",
            ),
        },
    ).start()
    try:
        settings = fast_settings(
            resolve_yandex_disk=True, yandex_disk_api=f"{api.url}v1/disk/public/resources/download"
        )
        r = crawl_sites([org(site.url, "ya")], settings, tmp_path / "blobs")[0]
        ya = _doc_by_path(r, "/i/abc")
        assert ya.external and ya.sha256 and ya.format == "pdf" and ya.error is None and ya.in_section
        assert ya.final_url == f"{api.url}file.pdf"
        gdrive = _doc_by_path(r, "/file/d/1/view")
        assert gdrive.external and gdrive.sha256 is None and "облачном" in (gdrive.error or "")
    finally:
        site.stop()
        api.stop()


def test_script_redirect_of_the_home_page(district: dict[str, object]) -> None:
    r = _r(district, "js")
    assert r.section is not None and urlsplit(r.section.url).path == "/pedagogam/nastavnichestvo"
    assert r.section.menu_path == ["Педагогам", "Наставничество"]


def test_page_limit_is_reported_when_links_are_left(tmp_path: Path) -> None:
    menu = "".join(f"<li><a href='/razdel-{i}'>Педагогам: раздел {i}</a></li>" for i in range(30))
    site = Site("127.0.0.43", {"/": Route(html(f"<nav><ul>{menu}</ul></nav><h1>Школа</h1>"))})
    site.dynamic = lambda path: page("Раздел", "<p>Текст раздела</p>") if path.startswith("/razdel-") else None
    site.start()
    try:
        [result] = crawl_sites([org(site.url)], fast_settings(max_pages=5), tmp_path / "blobs")
    finally:
        site.stop()
    assert result.reachable and result.page_budget_exhausted
    assert len(result.pages) <= 6


def test_at_most_open_sites_are_crawled_at_once(tmp_path: Path) -> None:
    """A region's crawl holds a bounded number of sites: with open_sites=2, a third site starts only after one of
    the first two has finished (its memory let go), whatever the number of sites."""
    page = html("<nav><a href='/a'>О школе</a></nav><main><h1>Школа</h1></main>")
    sites = [
        Site(host=f"127.0.0.{80 + i}", routes={"/": Route(page, delay=0.3), "/a": Route(page, delay=0.3)}).start()
        for i in range(5)
    ]
    try:
        orgs = [org(s.url, org_id=f"s{i}") for i, s in enumerate(sites)]
        results = crawl_sites(orgs, fast_settings(open_sites=2, use_sitemap=False), tmp_path / "blobs")
    finally:
        for s in sites:
            s.stop()
    assert all(r.reachable for r in results)
    for r in results:
        running = [o for o in results if o.started_at < r.started_at < o.finished_at]
        assert len(running) <= 1, f"{r.org_id} started while {[o.org_id for o in running]} were open"
    assert results[2].started_at >= min(results[0].finished_at, results[1].finished_at)
