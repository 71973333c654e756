"""«Год педагога и наставника» (2023): a federal theme year whose page many schools keep in the menu beside their
mentoring section. Its name holds the word «наставник», but the page is about the year, not the section — unless
it is where the school put its mentoring documents and no page is named for mentoring."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from crawler.crawl import crawl_sites
from crawler.models import OrgCrawlResult
from tests.test_crawl_support import MINIMAL_PDF, Route, Site, fast_settings, html, org

pytestmark = pytest.mark.slow  # crawls small sites on loopback

PDF = MINIMAL_PDF + b"%" + b"x" * 20_000 + b"\n"
NEWS = 100  # news items in the year's hub
YEAR_TEXT = (
    "<p>2023 год Указом Президента Российской Федерации объявлен Годом педагога и наставника. Мероприятия Года "
    "педагога и наставника посвящены признанию особого статуса педагогических работников.</p>"
    "<p>В школе прошли праздничный концерт, конкурс чтецов и встреча с ветеранами педагогического труда.</p>"
)


def menu(*items: tuple[str, str]) -> str:
    links = "".join(f"<li><a href='{href}'>{label}</a></li>" for href, label in (("/", "Главная"), *items))
    return f"<nav class='menu'><ul>{links}</ul></nav>"


def page(nav: str, title: str, body: str) -> Route:
    return Route(html(f"{nav}<main><h1>{title}</h1>{body}</main>", title=f"{title} — МБОУ СОШ"))


def pdf() -> Route:
    return Route(PDF, headers={"Content-Type": "application/pdf"})


def both_pages() -> Site:
    """The year's page one click from the home page, the mentoring section two clicks deep."""
    nav = menu(("/god-pedagoga-i-nastavnika/", "Год педагога и наставника"), ("/pedagogam/", "Педагогам"))
    return Site(
        "127.0.0.81",
        {
            "/": page(nav, "Добро пожаловать", "<p>Официальный сайт школы.</p>"),
            "/god-pedagoga-i-nastavnika/": page(
                nav,
                "2023 — Год педагога и наставника",
                YEAR_TEXT + "<a href='/files/plan-goda.pdf'>План мероприятий Года педагога и наставника</a>",
            ),
            "/pedagogam/": page(nav, "Педагогам", "<a href='/pedagogam/nastavnichestvo/'>Наставничество</a>"),
            "/pedagogam/nastavnichestvo/": page(
                nav,
                "Наставничество",
                "<p>Наставничество педагогических работников в школе.</p>"
                "<a href='/files/polozhenie.pdf'>Положение о наставничестве педагогических работников</a>",
            ),
            "/files/plan-goda.pdf": pdf(),
            "/files/polozhenie.pdf": pdf(),
        },
    )


def documents_on_the_years_page() -> Site:
    """No page named for mentoring: the school put its mentoring documents on the year's page."""
    nav = menu(("/god_pedagoga_i_nastavnika.html", "Год педагога и наставника"))
    return Site(
        "127.0.0.82",
        {
            "/": page(nav, "Добро пожаловать", "<p>Официальный сайт детского сада.</p>"),
            "/god_pedagoga_i_nastavnika.html": page(
                nav,
                "Год педагога и наставника",
                YEAR_TEXT
                + "<a href='/files/polozhenie.pdf'>Положение о системе наставничества педагогических работников</a>"
                + "<a href='/files/prikaz.pdf'>Приказ о закреплении наставнических пар</a>",
            ),
            "/files/polozhenie.pdf": pdf(),
            "/files/prikaz.pdf": pdf(),
        },
    )


def the_year_only() -> Site:
    """Only the year's page, about the year: the school has no mentoring section."""
    nav = menu(("/index/god_pedagoga_i_nastavnika/0-215", "Год педагога и наставника"))
    return Site(
        "127.0.0.83",
        {
            "/": page(nav, "Добро пожаловать", "<p>Официальный сайт школы.</p>"),
            "/index/god_pedagoga_i_nastavnika/0-215": page(nav, "2023 год — год педагога и наставника", YEAR_TEXT),
        },
    )


def a_hub_of_the_years_news() -> Site:
    """A Gosweb-like site: the year's hub of a hundred news items in the menu, the section three clicks deep."""
    nav = menu(
        ("/glavnoe/2023-god-pedagoga-i-nastavnika/", "2023 — Год педагога и наставника"),
        ("/svedeniya/", "Сведения об образовательной организации"),
    )
    hub = "".join(
        f"<a href='/glavnoe/2023-god-pedagoga-i-nastavnika/novosti_{i}.html'>Год педагога и наставника: событие {i}</a>"
        for i in range(NEWS)
    )
    routes = {
        "/": page(nav, "Добро пожаловать", "<p>Официальный сайт школы.</p>"),
        "/glavnoe/2023-god-pedagoga-i-nastavnika/": page(nav, "2023 — Год педагога и наставника", YEAR_TEXT + hub),
        "/svedeniya/": page(nav, "Сведения об образовательной организации",
                            "<a href='/svedeniya/pedagogi/'>Педагогический состав</a>"),
        "/svedeniya/pedagogi/": page(nav, "Педагогический состав",
                                     "<a href='/svedeniya/pedagogi/nastavnichestvo/'>Наставничество</a>"),
        "/svedeniya/pedagogi/nastavnichestvo/": page(
            nav, "Наставничество",
            "<a href='/files/polozhenie.pdf'>Положение о наставничестве педагогических работников</a>",
        ),
        "/files/polozhenie.pdf": pdf(),
    }  # fmt: skip
    for i in range(NEWS):
        routes[f"/glavnoe/2023-god-pedagoga-i-nastavnika/novosti_{i}.html"] = page(
            nav, f"Год педагога и наставника: событие {i}", "<p>Праздник для педагогических работников.</p>"
        )
    return Site("127.0.0.84", routes)


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, OrgCrawlResult]]:
    sites = {
        "both": both_pages(),
        "docs": documents_on_the_years_page(),
        "year": the_year_only(),
        "hub": a_hub_of_the_years_news(),
    }
    for s in sites.values():
        s.start()
    try:
        orgs = [org(s.url, key) for key, s in sites.items()]
        crawled = crawl_sites(orgs, fast_settings(), tmp_path_factory.mktemp("blobs"))
        yield {r.org_id: r for r in crawled}
    finally:
        for s in sites.values():
            s.stop()


def test_the_mentoring_section_wins_over_the_years_page_nearer_home(results: dict[str, OrgCrawlResult]) -> None:
    section = results["both"].section
    assert section is not None and section.url.endswith("/pedagogam/nastavnichestvo/")


def test_the_years_page_holding_the_mentoring_documents_is_the_section(results: dict[str, OrgCrawlResult]) -> None:
    section = results["docs"].section
    assert section is not None and section.url.endswith("/god_pedagoga_i_nastavnika.html")


def test_a_page_about_the_year_alone_is_no_mentoring_section(results: dict[str, OrgCrawlResult]) -> None:
    assert results["year"].reachable and results["year"].section is None


def test_the_years_news_do_not_take_the_crawl_before_the_section(results: dict[str, OrgCrawlResult]) -> None:
    # the year's links rank with a hub, not with the section: the way to the section goes first, and once the
    # section is found the hundred news items of the year are not fetched (a school's server is fragile)
    hub = results["hub"]
    assert hub.section is not None and hub.section.url.endswith("/svedeniya/pedagogi/nastavnichestvo/")
    assert [d.url.rsplit("/", 1)[-1] for d in hub.documents] == ["polozhenie.pdf"]
    assert len(hub.pages) < NEWS // 4
