"""Issue #12: one site's cost is bounded, and a crawl cut short is «не удалось проверить», never complete.

Real crawls of tiny loopback sites (tests/test_crawl_support.py); each takes a few seconds.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from crawler.crawl import crawl_sites
from tests.test_crawl_support import MINIMAL_PDF, Route, Site, fast_settings, html, org

pytestmark = pytest.mark.slow  # crawls: not in make test-fast

MENU = "".join(f"<li><a href='/pedagogam/razdel-{i}/'>Педагогам: раздел {i}</a></li>" for i in range(10))


def _site(host: str, page_body: bytes, delay: float = 0.0, home_delay: float = 0.0) -> Site:
    site = Site(host, {"/": Route(html(f"<nav><ul>{MENU}</ul></nav><h1>Школа</h1>"), delay=home_delay)})
    site.dynamic = lambda path: Route(page_body, delay=delay) if path.startswith("/pedagogam/") else None
    return site.start()


def test_a_site_past_its_byte_budget_stops_alone_and_keeps_not_met_away(tmp_path: Path) -> None:
    big = html("<main><h1>Раздел</h1><p>" + "Текст раздела. " * 20_000 + "</p></main>")  # ~300 KB
    heavy, light = _site("127.0.0.51", big), _site("127.0.0.52", html("<main><h1>Раздел</h1></main>"))
    try:
        results = crawl_sites(
            [org(heavy.url, "heavy"), org(light.url, "light")],
            fast_settings(max_site_bytes=1024 * 1024, per_site_concurrency=1),
            tmp_path / "blobs",
        )
    finally:
        heavy.stop()
        light.stop()
    by_id = {r.org_id: r for r in results}
    assert by_id["heavy"].reachable and by_id["heavy"].bytes < 2 * 1024 * 1024
    [stop] = [lk for lk in by_id["heavy"].lost_mentoring_links if "остановлен" in lk.reason]
    assert "больше 1 МБ" in stop.reason and "не просмотрена" in stop.reason
    assert len(heavy.paths()) < 10  # the rest of the site was never asked for
    assert by_id["light"].reachable and not by_id["light"].lost_mentoring_links
    assert len(light.paths()) >= 11  # the other organization crawled all its pages


def test_a_site_past_its_time_budget_stops_alone(tmp_path: Path) -> None:
    site = _site("127.0.0.53", html("<main><h1>Раздел</h1></main>"), delay=1.2)
    try:
        [result] = crawl_sites(
            [org(site.url)], fast_settings(max_site_seconds=2, per_site_concurrency=1), tmp_path / "blobs"
        )
    finally:
        site.stop()
    assert result.reachable
    assert any("длится дольше 2 с" in lk.reason for lk in result.lost_mentoring_links)
    assert len(site.paths()) < 8


def test_an_organization_cut_short_by_the_runs_time_limit_is_unknown(tmp_path: Path) -> None:
    site = _site("127.0.0.54", html("<main><h1>Раздел</h1></main>"), home_delay=4)
    try:
        [result] = crawl_sites(
            [org(site.url)], fast_settings(max_run_seconds=2, timeout_seconds=10), tmp_path / "blobs"
        )
    finally:
        site.stop()
    assert not result.reachable
    assert result.failure_reason == (
        "обход сайта не завершён: превышено общее время обхода (2 с); сайт нужно проверить повторно"
    )


def _mega_menu_site(host: str, links: int) -> Site:
    """A mega-menu of `links` pages named for nothing in particular, «Сведения об образовательной организации» last in
    it, and the mentoring section two clicks behind that."""
    items = [(f"/razdel-{'abcdefghij'[i % 10]}{'klmnopqrst'[i // 10 % 10]}{'uvwxyzabcd'[i // 100]}/", f"Раздел {i}")
             for i in range(links)]  # fmt: skip
    items.append(("/svedeniya/", "Сведения об образовательной организации"))
    menu = "<nav><ul>" + "".join(f"<li><a href='{href}'>{label}</a></li>" for href, label in items) + "</ul></nav>"

    def page(heading: str, body: str = "") -> Route:
        return Route(html(f"{menu}<main><h1>{heading}</h1>{body}</main>"))

    site = Site(
        host,
        {
            "/": page("Школа"),
            "/svedeniya/": page(
                "Сведения об образовательной организации", "<a href='/svedeniya/pedagogi/'>Педагогический состав</a>"
            ),
            "/svedeniya/pedagogi/": page(
                "Педагогический состав", "<a href='/svedeniya/pedagogi/nastavnichestvo/'>Наставничество</a>"
            ),
            "/svedeniya/pedagogi/nastavnichestvo/": page(
                "Наставничество",
                "<a href='/files/polozhenie.pdf'>Положение о наставничестве педагогических работников</a>",
            ),
            "/files/polozhenie.pdf": Route(MINIMAL_PDF, headers={"Content-Type": "application/pdf"}),
        },
    )
    plain = page("Раздел")
    site.dynamic = lambda path: plain if path.startswith("/razdel-") else None
    return site.start()


@pytest.mark.parametrize("links", [400, 900])
def test_a_mega_menu_does_not_spend_the_page_limit_before_the_way_to_the_section(tmp_path: Path, links: int) -> None:
    # the page limit counts pages as they are fetched, best first: the link to «Сведения» at the end of the menu
    # still goes before the menu's other pages, and once the section is found they are not fetched at all; before,
    # the limit was spent as the menu's first 150 links were queued, the section was never found and 151 pages
    # were fetched (with 900 links, the queue holds the best 750: the hub's link among them)
    site = _mega_menu_site("127.0.0.54", links)
    try:
        [result] = crawl_sites([org(site.url)], fast_settings(max_pages=150), tmp_path / "blobs")
    finally:
        site.stop()
    assert result.section is not None and result.section.url.endswith("/svedeniya/pedagogi/nastavnichestvo/")
    assert [d.url.rsplit("/", 1)[-1] for d in result.documents] == ["polozhenie.pdf"]
    assert len(site.paths()) < 20


def _ucoz_site(host: str, with_section: bool) -> Site:
    """A uCoz-like site: a menu of a hundred pages «/index/0-N», and «Наставничество» (/index/0-106) last in it."""
    items = [(f"/index/0-{i + 2}", f"Раздел {i}") for i in range(100)]
    routes = {"/_ld/0/12_polozhenie.pdf": Route(MINIMAL_PDF, headers={"Content-Type": "application/pdf"})}
    if with_section:
        items.append(("/index/0-106", "Наставничество"))
    menu = "<nav><ul>" + "".join(f"<li><a href='{href}'>{label}</a></li>" for href, label in items) + "</ul></nav>"
    routes["/"] = Route(html(f"{menu}<main><h1>Школа</h1></main>"))
    if with_section:
        routes["/index/0-106"] = Route(
            html(
                f"{menu}<main><h1>Наставничество</h1>"
                "<a href='/_ld/0/12_polozhenie.pdf'>Положение о наставничестве педагогических работников</a></main>"
            )
        )
    plain = Route(html(f"{menu}<main><h1>Раздел</h1></main>"))
    site = Site(host, routes)
    site.dynamic = lambda path: plain if path.startswith("/index/0-") else None
    return site.start()


def test_a_ucoz_menu_of_numbered_pages_does_not_spend_their_budget_before_the_section(tmp_path: Path) -> None:
    # uCoz numbers its pages «/index/0-N»: they all share one pattern and its budget (60 pages), which bounds
    # generated pages. Spent as links were queued, a menu of a hundred such pages used it up before «Наставничество»
    # at its end was seen: no section, 61 pages fetched, and no word of a limit. Spent best first as pages are
    # fetched, the section goes first
    site = _ucoz_site("127.0.0.55", with_section=True)
    try:
        [result] = crawl_sites([org(site.url)], fast_settings(), tmp_path / "blobs")
    finally:
        site.stop()
    assert result.section is not None and result.section.url.endswith("/index/0-106")
    assert [d.url.rsplit("/", 1)[-1] for d in result.documents] == ["12_polozhenie.pdf"]
    assert len(site.paths()) < 10


def test_a_ucoz_menu_past_the_same_pattern_budget_is_reported_when_no_section_is_found(tmp_path: Path) -> None:
    # no page is named for mentoring: 60 of the hundred numbered pages are read, and the result says how many of the
    # menu's pages were left, so that «не выполнено» carries the remark
    site = _ucoz_site("127.0.0.56", with_section=False)
    try:
        [result] = crawl_sites([org(site.url)], fast_settings(), tmp_path / "blobs")
    finally:
        site.stop()
    assert result.reachable and result.section is None
    assert result.pattern_pages_left == 40 and not result.page_budget_exhausted
