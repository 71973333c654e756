"""Issue #14, rounds 21 and 22: a section whose own pages are the monitoring table, the base of mentors or a short
Положение pasted as text — real sites keep them as web pages, not files (a kindergarten's Gosweb section, a school's
list of mentors of the regional base, a centre's Положение). A whole run on loopback: crawl, classify, evaluate; the
findings must name those pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_crawl_support import Route, Site, html, run_school_site

pytestmark = pytest.mark.slow  # a whole run of the CLI on a loopback site

NAV = "<nav><a href='/'>Главная</a> <a href='/nastavnichestvo/'>Наставничество</a></nav>"
ROWS = [
    ("Наличие раздела «Наставничество» на официальном сайте", "есть"),
    ("Наличие приказа о внедрении целевой модели наставничества", "приказ от 01.09.2025 № 61"),
    ("Количество наставнических пар в 2025-2026 учебном году", "4"),
    ("Доля молодых педагогов, охваченных наставничеством", "100 %"),
]
MENTORS = [
    ("Зайцева Лидия Романовна", "математики", 24),
    ("Орлов Виктор Семёнович", "физики", 31),
]


def _site() -> Site:
    table = "<table>" + "".join(f"<tr><td>{a}</td><td>{b}</td></tr>" for a, b in ROWS) + "</table>"
    section = html(
        f"{NAV}<main><h1>Наставничество</h1>"
        "<h2>Мониторинг реализации целевой модели наставничества в МБОУ «СОШ № 9» на 15.12.2025</h2>"
        f"{table}<p><a href='/nastavnichestvo/nastavniki/'>Наши наставники</a></p></main>"
    )
    people = "".join(
        f"<p>{name}, учитель {subject}. Стаж работы — {years} лет. Квалификационная категория — высшая</p>"
        for name, subject, years in MENTORS
    )
    mentors = html(
        f"{NAV}<main><h1>Педагоги-наставники МБОУ «СОШ № 9», включённые в региональную базу наставников</h1>"
        f"{people}</main>"
    )
    return Site(
        routes={
            "/": Route(html(f"{NAV}<main><h1>Школа</h1></main>")),
            "/nastavnichestvo/": Route(section),
            "/nastavnichestvo/nastavniki/": Route(mentors),
        }
    )


def test_the_sections_own_pages_count_as_its_monitoring_and_its_base_of_mentors(tmp_path: Path) -> None:
    # typed `other` as pages of links before, they left both criteria «не выполнено»
    url, rules = run_school_site(_site(), tmp_path, name="МБОУ «СОШ № 9»")
    monitoring, base = rules["monitoring"], rules["mentor_base"]
    assert monitoring["status"] == "met", monitoring
    assert [e["url"] for e in monitoring["evidence"]] == [f"{url}nastavnichestvo/"]
    assert base["status"] == "met", base
    assert [e["url"] for e in base["evidence"]] == [f"{url}nastavnichestvo/nastavniki/"]


def test_a_short_regulation_pasted_on_a_page_is_the_schools_regulation(tmp_path: Path) -> None:
    # round 22: the Положение pasted on a sub-page of the section shows one numbered clause, its other clauses a
    # bulleted list; put aside as a page of links, it left the regulation criterion «не выполнено»
    regulation = html(
        f"{NAV}<main><h1>Наставничество</h1>"
        "<table><tr><td>ПРИНЯТО<br>на педагогическом совете<br>протокол № 1 от 28.08.2025</td>"
        "<td>УТВЕРЖДЕНО<br>приказом директора МБОУ «СОШ № 9»<br>от 29.08.2025 № 117</td></tr></table>"
        "<h2>Положение о системе наставничества педагогических работников МБОУ «СОШ № 9»</h2>"
        "<p>1. Общие положения</p>"
        "<p>1.1. Настоящее Положение определяет порядок наставничества педагогических работников школы.</p>"
        "<ul><li>цели и задачи наставничества;</li><li>права и обязанности наставника;</li>"
        "<li>права и обязанности наставляемого;</li><li>завершение наставничества.</li></ul></main>"
    )
    section = html(
        f"{NAV}<main><h1>Наставничество</h1><p>Документы о наставничестве педагогических работников школы.</p>"
        "<p><a href='/nastavnichestvo/polozhenie/'>Положение о наставничестве</a></p></main>"
    )
    site = Site(
        routes={
            "/": Route(html(f"{NAV}<main><h1>Школа</h1></main>")),
            "/nastavnichestvo/": Route(section),
            "/nastavnichestvo/polozhenie/": Route(regulation),
        }
    )
    url, rules = run_school_site(site, tmp_path, name="МБОУ «СОШ № 9»")
    found = rules["regulation"]
    assert found["status"] == "met", found
    assert [e["url"] for e in found["evidence"]] == [f"{url}nastavnichestvo/polozhenie/"]
