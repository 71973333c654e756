"""Issue #14, round 23: the site around a section's pages is not their text. Real school sites repeat their menu and
breadcrumbs («Главная / Наставничество / …») on every page, so every sub-page of the section names mentoring. Read
with them, a pay regulation pasted on a sub-page had «a mentoring clause» (the breadcrumb next to «стимулирующих
выплат») and any dated sub-page — the regulation on the methodical council — was news of a mentoring practice. A
whole run on loopback: crawl, classify, evaluate."""

from __future__ import annotations

from pathlib import Path

import pytest

from crawler.crawl.links import is_site_chrome
from crawler.extract import html_to_text
from tests.test_crawl_support import Route, Site, html, run_school_site

SCHOOL = "МБОУ «СОШ № 4»"


def _page(here: str, content: str) -> bytes:
    """A page of the school's site: its header, menu, breadcrumbs and footer around the content."""
    return html(
        "<div class='header'><span>Муниципальное бюджетное общеобразовательное учреждение «СОШ № 4»</span></div>"
        "<div class='menu'><ul><li><a href='/'>Главная</a></li><li><a href='/svedeniya/'>Сведения об "
        "образовательной организации</a></li><li><a href='/nastavnichestvo/'>Наставничество</a></li>"
        "<li><a href='/news/'>Новости</a></li></ul></div>"
        "<div class='breadcrumbs'><a href='/'>Главная</a> / <a href='/nastavnichestvo/'>Наставничество</a> / "
        f"{here}</div><div class='content'>{content}</div>"
        "<div class='footer'>© МБОУ «СОШ № 4», 2025. Все права защищены.</div>",
        title=here,
    )


PAY = (
    "<h1>Положение о стимулирующих выплатах</h1><p>Опубликовано 10.11.2025</p>"
    "<p>УТВЕРЖДЕНО приказом директора от 01.09.2025 № 77</p>"
    "<p>Положение о порядке и условиях установления стимулирующих выплат работникам МБОУ «СОШ № 4»</p>"
    "<p>1. Общие положения</p><p>1.1. Настоящее Положение определяет порядок распределения стимулирующей части "
    "фонда оплаты труда работников школы.</p><p>1.2. Стимулирующие выплаты устанавливаются за качество работы, "
    "интенсивность и высокие результаты работы, за выполнение особо важных работ.</p>"
    "<p>2. Размер выплат определяется комиссией по распределению стимулирующей части фонда оплаты труда.</p>"
)
COUNCIL = (
    "<h1>Методический совет школы</h1><p>Опубликовано 14.11.2025</p>"
    "<p>ПРИНЯТО на заседании педагогического совета, протокол от 29.08.2025 № 1</p>"
    "<p>УТВЕРЖДЕНО приказом директора от 30.08.2025 № 68</p>"
    "<p>Положение о методическом совете МБОУ «СОШ № 4»</p><p>1. Общие положения</p>"
    "<p>1.1. Методический совет координирует методическую работу школы, работу методических объединений и "
    "творческих групп учителей.</p><p>1.2. В состав совета входят заместители директора и руководители "
    "методических объединений.</p><p>2. Совет рассматривает рабочие программы и планы работы объединений.</p>"
)
LESSON = (
    "<h1>Открытый урок в 6 «Б» классе</h1><p>Опубликовано 20.11.2025</p>"
    "<p>Учитель математики Ольга Сергеевна Белова, которая работает в школе первый год, провела открытый урок. "
    "Её наставник, учитель высшей категории Нина Петровна Гусева, помогла подготовить задания и разобрала "
    "урок вместе со своей наставляемой. Такие уроки проходят в нашей школе каждую четверть.</p>"
)
GREETING = (
    "<h1>С Днём учителя!</h1><p>Опубликовано 06.10.2025</p>"
    "<p>5 октября в нашей школе с самого утра царила праздничная атмосфера. Ученики поздравляли своих "
    "наставников, дарили цветы и открытки, сделанные своими руками. В актовом зале прошёл концерт, который "
    "подготовили старшеклассники, а день самоуправления провели выпускники.</p>"
)


def _site(*pages: tuple[str, str, str]) -> Site:
    """The school: a section that links each (path, title, content) page."""
    items = "".join(f"<li><a href='{path}'>{title}</a></li>" for path, title, _ in pages)
    section = _page(
        "Наставничество",
        "<h1>Наставничество</h1><p>Раздел о системе наставничества педагогических работников школы: "
        f"документы, новости, материалы для молодых педагогов.</p><ul>{items}</ul>",
    )
    routes = {"/": Route(_page("Главная", "<h1>Добро пожаловать</h1>")), "/nastavnichestvo/": Route(section)}
    routes.update({path: Route(_page(title, content)) for path, title, content in pages})
    return Site(routes=routes)


@pytest.mark.slow
def test_a_pay_regulation_on_a_section_page_has_no_mentoring_clause_from_the_breadcrumbs(tmp_path: Path) -> None:
    _, rules = run_school_site(
        _site(("/nastavnichestvo/stimul/", "Положение о стимулирующих выплатах", PAY)), tmp_path, name=SCHOOL
    )
    pay = rules["pay_incentives"]
    assert pay["status"] == "not_met", pay
    assert "выплат за наставничество в нём нет" in pay["note"]
    assert any(e["url"].endswith("/nastavnichestvo/stimul/") for e in pay["evidence"]), pay["evidence"]


@pytest.mark.slow
def test_a_dated_document_or_a_greeting_on_a_section_page_is_no_news_of_a_practice(tmp_path: Path) -> None:
    site = _site(
        ("/nastavnichestvo/metodsovet/", "Методический совет школы", COUNCIL),
        ("/nastavnichestvo/den-uchitelya/", "С Днём учителя!", GREETING),
    )
    _, rules = run_school_site(site, tmp_path, name=SCHOOL)
    assert rules["practices"]["status"] == "not_met", rules["practices"]


@pytest.mark.slow
def test_news_of_a_mentor_on_a_section_page_is_still_a_practice(tmp_path: Path) -> None:
    """The guard: the page's own words name the mentor, so it is news of the practice, as before."""
    _, rules = run_school_site(
        _site(("/nastavnichestvo/urok/", "Открытый урок в 6 «Б» классе", LESSON)), tmp_path, name=SCHOOL
    )
    practices = rules["practices"]
    assert practices["status"] == "met", practices
    assert practices["evidence"][0]["url"].endswith("/nastavnichestvo/urok/")


def test_the_sites_menus_breadcrumbs_and_footer_are_left_out_of_a_pages_text() -> None:
    text = html_to_text(_page("Методический совет школы", COUNCIL), chrome=is_site_chrome)
    assert "Положение о методическом совете" in text
    assert "Наставничество" not in text and "Все права защищены" not in text and "Сведения об" not in text
    # without the option the page reads as a whole, as a file's HTML does
    assert "Наставничество" in html_to_text(_page("Методический совет школы", COUNCIL))


def test_an_articles_own_header_stays_and_a_stub_keeps_its_menus() -> None:
    article = (
        "<div class='menu'><a href='/nastavnichestvo/'>Наставничество</a></div><article><header><h2>Школа молодого "
        "педагога</h2><time>12.11.2025</time></header><p>"
        + "Занятие для молодых учителей провели наставники. " * 8
        + "</p></article>"
    )
    text = html_to_text(html(article), chrome=is_site_chrome)
    assert "Школа молодого педагога" in text and "12.11.2025" in text and "Наставничество" not in text
    # a stub: what is left without the menus is next to nothing, so the page is read whole
    stub = html_to_text(_page("Наставничество", "<p>Раздел в разработке</p>"), chrome=is_site_chrome)
    assert "Раздел в разработке" in stub and "Наставничество" in stub
