"""Pure parts of the crawl: link scoring, URL canonicalization, traps, formats, names, encodings, sections."""

from __future__ import annotations

import io
import zipfile

import pytest

from crawler.crawl import content, links
from crawler.crawl.adapters.viewer import download_link


def _doc(body: str, url: str = "http://school.test/") -> object:
    return links.parse_html(f"<html><head><title>t</title></head><body>{body}</body></html>", url)


# ------------------------------------------------------------------------------ scoring


def test_mentoring_link_outscores_hubs_and_noise() -> None:
    doc = _doc(
        "<nav><a href='/nastavnichestvo'>Наставничество</a><a href='/sveden/document'>Документы</a>"
        "<a href='/news/'>Новости</a></nav><main><a href='/pedagogam'>Педагогам</a></main>"
        "<footer><a href='/foto'>Фотогалерея</a></footer>"
    )
    scores = {lk.url.rsplit("/", 1)[-1]: links.score_link(lk, 1).value for lk in links.extract_links(doc)}
    assert scores["nastavnichestvo"] > scores["document"] > 0
    assert scores["pedagogam"] > 0
    assert scores[""] < 0  # /news/
    assert scores["foto"] < 0


def test_score_uses_url_title_and_image_alt() -> None:
    doc = _doc(
        "<main><a href='/page/17' title='Целевая модель наставничества'>подробнее</a>"
        "<a href='/page/18'><img src='b.png' alt='Наставничество педагогов'></a>"
        "<a href='/mentoring/'>Раздел</a><a href='/page/19'>Подробнее</a></main>"
    )
    found = {lk.url.rstrip("/").rsplit("/", 1)[-1]: links.score_link(lk, 1) for lk in links.extract_links(doc)}
    for key in ("17", "18", "mentoring"):
        assert found[key].has("mentoring"), key
    assert not found["19"].has("mentoring")
    assert found["17"].value > found["19"].value


def test_menu_position_beats_footer_for_same_link() -> None:
    nav = links.Link("http://s.test/pedagogam", "Педагогам", position="nav")
    foot = links.Link("http://s.test/pedagogam", "Педагогам", position="footer")
    assert links.score_link(nav, 1).value > links.score_link(foot, 1).value


def test_link_zones() -> None:
    doc = _doc(
        "<div class='main-menu'><a href='/a'>A</a></div><div id='content'><a href='/b'>B</a></div>"
        "<div class='footer'><a href='/c'>C</a></div><header><a href='/d'>D</a></header>"
    )
    zones = {lk.text: (lk.position, lk.in_main) for lk in links.extract_links(doc)}
    assert zones == {"A": ("nav", False), "B": ("body", True), "C": ("footer", False), "D": ("nav", False)}


def test_vocabulary_is_data() -> None:
    vocab = links.default_link_vocabulary()
    assert {g.name for g in vocab.groups} >= {"mentoring", "documents", "pedagogues", "sveden", "noise"}


# -------------------------------------------------------------------------- URL handling


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("http://www.School.test/a/?b=2&a=1#x", "https://school.test/a?a=1&b=2"),
        ("http://school.test/page?PHPSESSID=abc123&id=5", "http://school.test/page?id=5"),
        ("http://school.test/page?id=5&print=1", "http://school.test/page?id=5"),
        ("http://school.test/page;jsessionid=XYZ?id=5", "http://school.test/page?id=5"),
        ("http://school.test/index.php", "http://school.test/"),
        (
            "http://school.test/наставничество/",
            "http://school.test/%D0%BD%D0%B0%D1%81%D1%82%D0%B0%D0%B2%D0%BD%D0%B8%D1%87%D0%B5%D1%81%D1%82%D0%B2%D0%BE",
        ),
    ],
)
def test_canonical_equal(a: str, b: str) -> None:
    assert links.canonical(a) == links.canonical(b)


def test_canonical_keeps_meaningful_query() -> None:
    assert links.canonical("http://s.test/?section_id=1") != links.canonical("http://s.test/?section_id=2")


def test_clean_url_drops_session_and_fragment_and_encodes_cyrillic() -> None:
    url = links.clean_url("http://s.test/Наставничество/?sid=9&x=1#top")
    assert (
        url == "http://s.test/%D0%9D%D0%B0%D1%81%D1%82%D0%B0%D0%B2%D0%BD%D0%B8%D1%87%D0%B5%D1%81%D1%82%D0%B2%D0%BE/?x=1"
    )


def test_calendar_urls_share_a_trap_key() -> None:
    keys = {
        links.trap_keys(u)[0]
        for u in (
            "http://s.test/calendar?date=2024-05-01",
            "http://s.test/calendar?date=2024-05-02",
            "http://s.test/calendar?date=2031-12-31",
        )
    }
    assert len(keys) == 1 and None not in keys
    path_keys = {links.trap_keys(f"http://s.test/events/{y}/{m:02d}/")[0] for y in (2023, 2024) for m in (1, 2)}
    assert len(path_keys) == 1 and None not in path_keys
    assert links.trap_keys("http://s.test/?section_id=245")[0] is None
    assert links.trap_keys("http://s.test/?section_id=245")[1] == links.trap_keys("http://s.test/?section_id=7")[1]


def test_cloud_and_document_shapes() -> None:
    assert links.is_cloud("https://disk.yandex.ru/i/abc")
    assert links.is_cloud("https://yadi.sk/d/abc")
    assert links.is_cloud("https://drive.google.com/file/d/1/view")
    assert links.is_cloud("https://cloud.mail.ru/public/a/b")
    assert not links.is_cloud("https://school.test/disk.yandex.ru")
    assert links.looks_like_viewer("https://s.test/file/card?id=13")
    assert links.looks_like_viewer("http://s.test/docs/?doc_id=1192&method=pdf_viewer")
    assert links.looks_like_document("http://s.test/wp-content/uploads/2023/01/Положение.PDF")
    assert not links.looks_like_document("http://s.test/nastavnichestvo/")


# ------------------------------------------------------------------------------ formats


def _zip(names: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in names.items():
            zf.writestr(name, data)
    return buf.getvalue()


def test_format_from_magic_bytes_not_url_or_header() -> None:
    docx = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w/>"})
    xlsx = _zip({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<w/>"})
    odt = _zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"})
    assert content.decide_format(b"%PDF-1.7 ...", "application/octet-stream", "x.doc") == "pdf"
    assert content.decide_format(docx, "application/octet-stream", None) == "docx"
    assert content.decide_format(xlsx, None, "a.docx") == "xlsx"
    assert content.decide_format(odt, "application/zip", None) == "odt"
    assert content.decide_format(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, None, None) == "doc"
    assert content.decide_format(b"{\\rtf1\\ansi ...}", None, None) == "rtf"
    assert content.decide_format(b"\xff\xd8\xff\xe0JFIF", None, None) == "jpg"
    assert content.decide_format(b"\x89PNG\r\n\x1a\n....", None, None) == "png"
    # no magic: the header decides, then the name from Content-Disposition
    assert content.decide_format(b"plain words", "text/plain; charset=utf-8", None) == "txt"
    assert content.decide_format(b"\x00\x01garbage", None, "Приказ.docx") == "docx"
    assert content.decide_format(b"\x00\x01garbage", None, None) == "unknown"
    # an HTML error page served as .pdf is HTML
    assert content.decide_format(b"<!DOCTYPE html><html>404</html>", "application/pdf", "a.pdf") == "html"


def test_file_names_from_content_disposition() -> None:
    rfc5987 = "attachment; filename*=UTF-8''%D0%9F%D0%BE%D0%BB%D0%BE%D0%B6%D0%B5%D0%BD%D0%B8%D0%B5.pdf"
    assert content.file_name_from_disposition(rfc5987) == "Положение.pdf"
    raw_utf8 = 'attachment; filename="Приказ № 5.pdf"'.encode()
    assert content.file_name_from_disposition(raw_utf8) == "Приказ № 5.pdf"
    raw_cp1251 = 'attachment; filename="Дорожная карта.docx"'.encode("cp1251")
    assert content.file_name_from_disposition(raw_cp1251) == "Дорожная карта.docx"
    pct = "attachment; filename=%D0%9F%D0%BB%D0%B0%D0%BD.pdf"
    assert content.file_name_from_disposition(pct) == "План.pdf"
    assert content.decide_file_name(None, "http://s.test/files/%D0%9F%D0%BB%D0%B0%D0%BD.pdf") == "План.pdf"
    assert content.decide_file_name(None, "http://s.test/files/%CF%EB%E0%ED.pdf") == "План.pdf"  # cp1251


# ---------------------------------------------------------------------------- encodings


TEXT = "Положение о наставничестве педагогических работников"


def test_decode_cp1251_declared_in_meta_only() -> None:
    body = f"<html><head><meta charset='windows-1251'></head><body>{TEXT}</body></html>".encode("cp1251")
    text, _ = content.decode_html(body, "text/html")
    assert TEXT in text


def test_decode_cp1251_declared_in_header_only() -> None:
    body = f"<html><body>{TEXT}</body></html>".encode("cp1251")
    text, _ = content.decode_html(body, "text/html; charset=windows-1251")
    assert TEXT in text


def test_decode_header_lies_utf8_over_cp1251_body() -> None:
    body = (
        f"<html><head><meta http-equiv='Content-Type' content='text/html; charset=windows-1251'></head>"
        f"<body>{TEXT}</body></html>"
    ).encode("cp1251")
    text, enc = content.decode_html(body, "text/html; charset=utf-8")
    assert TEXT in text and "\ufffd" not in text
    assert "1251" in enc


def test_decode_undeclared_cp1251() -> None:
    body = f"<html><body><p>{TEXT}. {TEXT}. Муниципальное бюджетное учреждение.</p></body></html>".encode("cp1251")
    text, _ = content.decode_html(body, "text/html")
    assert TEXT in text


# ------------------------------------------------------------------------------ section


def test_section_page_by_heading() -> None:
    v = content.judge_section(
        "http://s.test/?section_id=245", "Школа", "Наставничество", "Наставничество", "Документы раздела " * 20, 3
    )
    assert v.is_section and not v.is_stub


def test_section_by_url_and_label_even_without_heading() -> None:
    v = content.judge_section(
        "http://s.test/nastavnichestvo", "Школа", "", "Наставничество", "Целевая модель наставничества " * 5, 1
    )
    assert v.is_section


def test_news_item_is_not_the_section() -> None:
    v = content.judge_section(
        "http://s.test/news/2024/05/17/nastavnik",
        "Новости",
        "Конкурс «Наставник года» — итоги",
        "",
        "В школе прошёл конкурс наставников.",
        0,
    )
    assert not v.is_section
    list_page = content.judge_section(
        "http://s.test/news/", "Новости", "Новости", "Новости", "... наставничество ... спорт ... " * 10, 0
    )
    assert not list_page.is_section


def test_stub_section() -> None:
    v = content.judge_section(
        "http://s.test/nastavnichestvo",
        "Наставничество",
        "Наставничество",
        "Наставничество",
        "Наставничество. Раздел находится в разработке.",
        0,
    )
    assert v.is_section and v.is_stub


def test_viewer_download_link() -> None:
    card = _doc(
        "<nav><a href='/docs/'>Документы</a></nav><main><h1>Положение.pdf</h1>"
        "<a href='/file/download?id=13'>Скачать</a></main>",
        "http://s.test/file/card?id=13",
    )
    assert download_link(card, "http://s.test/file/card?id=13", links.default_link_vocabulary()) == (
        "http://s.test/file/download?id=13"
    )
    viewer = _doc("<main><iframe src='/upload/doc1192.pdf'></iframe></main>", "http://s.test/docs/?doc_id=1")
    assert download_link(viewer, "http://s.test/docs/?doc_id=1", links.default_link_vocabulary()) == (
        "http://s.test/upload/doc1192.pdf"
    )
    plain = _doc("<main><h1>Положение</h1><p>Текст положения</p><a href='/about'>О школе</a></main>")
    assert download_link(plain, "http://school.test/x", links.default_link_vocabulary()) is None


def test_menu_trail_of_nested_menus() -> None:
    doc = _doc(
        "<nav><ul><li><a href='/ped'>Педагогам</a><ul><li><a href='/ped/nast'>Наставничество</a></li></ul></li>"
        "<li><span>Сведения</span><ul><li><a href='/docs'>Документы</a></li></ul></li></ul></nav>"
        "<main><ul><li><a href='/x'>Внутри</a></li></ul></main>"
    )
    trails = {lk.text: lk.menu_trail for lk in links.extract_links(doc)}
    assert trails == {"Педагогам": (), "Наставничество": ("Педагогам",), "Документы": ("Сведения",), "Внутри": ()}


def test_heading_names_hub_pages() -> None:
    assert "documents" in links.heading_groups("Документы")
    assert "pedagogues" in links.heading_groups("Методическая работа")
    assert not links.heading_groups("Новости") & {"documents", "pedagogues"}


def test_related_documents_without_the_word_mentoring() -> None:
    pay = links.Link("http://s.test/files/polozhenie_ob_oplate_truda.pdf", "Положение об оплате труда работников")
    agreement = links.Link("http://s.test/f/kd.pdf", "Коллективный договор на 2024-2027 годы")
    menu = links.Link("http://s.test/f/menu.pdf", "Меню на неделю")
    assert links.is_related_document_link(pay) and links.is_related_document_link(agreement)
    assert not links.is_related_document_link(menu) and not links.is_mentoring_document_link(menu)


def test_script_redirect_of_an_empty_page() -> None:
    page = "<html><head><script>window.location.href = '/index.php?id=1';</script></head><body></body></html>"
    assert links.script_redirect(page, "http://s.test/") == "http://s.test/index.php?id=1"
    assert links.script_redirect('<script>location.replace("https://new.test/")</script>', "http://s.test/") == (
        "https://new.test/"
    )
    assert links.script_redirect("<p>Нет перехода</p>", "http://s.test/") is None


def test_heading_skips_the_site_name_in_the_header() -> None:
    doc = _doc("<header><h1>МБОУ «СОШ № 1»</h1></header><div class='content'><h1>Наставничество</h1></div>")
    assert links.page_heading(doc) == "Наставничество"
    only_header = _doc("<header><h1>МБОУ «СОШ № 1»</h1></header><p>текст</p>")
    assert links.page_heading(only_header) == "МБОУ «СОШ № 1»"


# ------------------------------------------------------------------ whom a mentoring page is about (issue #13)


def test_teachers_page_and_pupils_page_are_told_apart() -> None:
    pupils = _doc(
        "<div class='menu'><a href='/p/'>Наставничество педагогов</a></div><div class='content'><h1>Наставничество"
        "</h1><p>Целевая модель наставничества обучающихся: формы «Учитель – ученик» и «Ученик – ученик».</p></div>"
    )
    text = links.content_text(pupils)
    assert "педагогов" not in text and "обучающихся" in text  # the menu's words are not the page's
    assert content.audience("http://s.test/nastavnichestvo/", ["Наставничество"], text) == "pupils"
    teachers = "Система наставничества педагогических работников: молодым учителям помогают наставники."
    assert content.audience("http://s.test/nastavnichestvo/", ["Наставничество"], teachers) == "teachers"
    assert content.audience("http://s.test/pedagogam/nastavnichestvo/", ["Наставничество"], "") == "teachers"
    assert content.audience("http://s.test/nastavnichestvo/", ["Наставничество"], "Документы раздела.") == "unknown"
    both = "Положение о наставничестве обучающихся и педагогических работников"
    assert content.audience("http://s.test/n/", ["Наставничество"], both) == "teachers"  # covering both counts


def test_the_teachers_candidate_wins_and_the_runner_up_is_named() -> None:
    from crawler.crawl.state import Candidate, SectionSearch

    def cand(url: str, audience: str, strength: int = 10, depth: int = 1) -> Candidate:
        return Candidate(url, "Наставничество", strength, False, "", depth, [], True, url, 3, audience)

    search = SectionSearch(
        candidates=[cand("http://s/nastavnichestvo/", "pupils"), cand("http://s/p/n/", "teachers", 9, 2)]
    )
    assert search.best().url == "http://s/p/n/"
    runner = search.runner_up()
    assert runner is not None and runner.url == "http://s/nastavnichestvo/"


def test_document_links_that_name_no_subject_are_mute() -> None:
    def mute(text: str, url: str = "http://s.test/upload/3f2a9c01.pdf") -> bool:
        return links.is_mute_document_link(links.Link(url, text))

    assert mute("Приказ от 01.09.2025 № 162")
    assert mute("Приказ № 95/1 от 2 сентября 2025 г.")
    assert mute("Скачать") and mute("Подробнее") and mute("файл (PDF, 245 КБ)") and mute("")
    assert mute("3f2a9c01.pdf")  # the link shows a hash file name
    assert not mute("Положение о школьном музее")
    assert not mute("Приказ от 01.09.2025 № 150 «Об организации питания»")


def test_sitemaps_named_by_robots_txt() -> None:
    from crawler.crawl import sitemap

    body = (
        b"User-agent: *\nDisallow: /admin/\nSitemap: https://s.test/sitemap_index.xml\nsitemap:https://s.test/b.xml\n"
    )
    assert sitemap.from_robots(body) == ["https://s.test/sitemap_index.xml", "https://s.test/b.xml"]
    assert sitemap.from_robots(b"User-agent: *\nDisallow:\n") == []


def test_the_browser_is_off_with_a_reason() -> None:
    from pathlib import Path

    from crawler.config import CrawlSettings
    from crawler.crawl import browser

    off = CrawlSettings(browser=False)
    assert "crawl.browser: false" in (browser.unavailable(off) or "")
    assert browser.scrapy_settings(off) == {}
    missing = CrawlSettings(browser_path=Path("/nonexistent/chromium"))
    assert "не установлен Chromium" in (browser.unavailable(missing) or "")
    assert browser.scrapy_settings(missing) == {}


def test_the_playwright_driver_starts_only_when_a_site_needs_the_browser() -> None:
    """scrapy-playwright starts its provider with every crawl; ours starts the driver (a Node process) with the
    first browser request, once even when two sites ask at the same time."""
    import asyncio
    import threading

    pytest.importorskip("scrapy_playwright")
    from scrapy.settings import Settings
    from scrapy_playwright.handler import Config

    from crawler.crawl.lazy_browser import LazyBrowserProvider

    async def scenario() -> None:
        provider = LazyBrowserProvider(Config.from_settings(Settings({"PLAYWRIGHT_BROWSER_TYPE": "chromium"})))
        await provider.start()  # what the handler awaits when the crawl starts
        assert provider.playwright is None
        await asyncio.gather(provider._started(), provider._started())
        first = provider.playwright
        assert first is not None
        await provider._started()
        assert provider.playwright is first
        await provider.close()

    # the test session runs Twisted on an asyncio loop: the scenario gets a thread and a loop of its own
    errors: list[BaseException] = []

    def run() -> None:
        try:
            asyncio.run(scenario())
        except BaseException as exc:  # re-raised in the test's thread
            errors.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(60)
    assert not thread.is_alive()
    if errors:
        raise errors[0]
