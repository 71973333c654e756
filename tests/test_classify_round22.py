"""General rules of issue #14, round 22, on the project's own wording: a short document pasted on a web page, and a
heading broken into lines on a web page."""

from __future__ import annotations

from datetime import date

from crawler.classify import analyze
from crawler.extract import html_to_text
from crawler.models import DocType

MENU = "<nav><ul>" + "".join(f"<li><a href='/razdel-{i}'>Раздел {i}</a></li>" for i in range(10)) + "</ul></nav>"
STAMP = (
    "<table><tr><td>«Рассмотрено и принято»<br>на педагогическом совете<br>протокол № 2 от 27.11.2025</td>"
    "<td>«Утверждено»<br>Директор ДДТ ________ О.Н. Лаврова<br>Приказ № 71 от 01.12.2025</td></tr></table>"
)


def _page(body: str) -> list[tuple[DocType, date | None, str | None]]:
    """A page of the site as the monitor classifies it: the stored HTML's text, as a web page."""
    page = f"<html><body>{MENU}<main><h1>Наставничество</h1>{body}</main></body></html>"
    parts = analyze(html_to_text(page.encode()), fmt="html", link_text="Положение о наставничестве")
    return [(p.type, p.approved_on, p.number) for p in parts]


def test_a_pasted_document_that_speaks_of_itself_is_a_document() -> None:
    # a centre pastes its Положение on a page; one numbered clause shows, the rest is a bulleted list — the page
    # was put aside as a list of links, and the regulation criterion lost a real, approved Положение
    body = (
        STAMP + "<h2>ПОЛОЖЕНИЕ</h2><h3>о системе наставничества педагогических работников</h3>"
        "<p>1. Общие положения</p>"
        "<p>1.1 Настоящее Положение устанавливает порядок наставничества в Доме детского творчества.</p>"
        "<ul><li>цели и задачи наставничества;</li><li>права наставника;</li><li>права наставляемого.</li></ul>"
    )
    assert _page(body) == [(DocType.regulation, date(2025, 12, 1), "71")]


def test_a_list_of_documents_stays_a_list() -> None:
    # the same heading over links to files, approval written in the links: no document of its own
    body = (
        "<h2>Положение о системе наставничества педагогических работников</h2><ul>"
        "<li><a href='/f/1.pdf'>Положение о системе наставничества (утверждено приказом от 01.12.2025 № 71)</a></li>"
        "<li><a href='/f/2.pdf'>Приказ о закреплении наставнических пар на 2025-2026 учебный год</a></li>"
        "<li><a href='/f/3.pdf'>Дорожная карта реализации программы наставничества</a></li></ul>"
    )
    assert [t for t, _, _ in _page(body)] == [DocType.other]


MONITORING_ROWS = (
    "<table><tr><td>Наличие раздела «Наставничество» на официальном сайте</td><td>есть</td></tr>"
    "<tr><td>Наличие приказа о внедрении целевой модели наставничества</td><td>приказ от 01.09.2025 № 61</td></tr>"
    "<tr><td>Количество наставнических пар в текущем учебном году</td><td>4</td></tr></table>"
)


def test_a_heading_broken_into_lines_is_one_heading() -> None:
    # a kindergarten's self-monitoring on its section page, its heading broken by <br> or typed one paragraph per
    # line (text pasted from Word): read as three headings, the page lost its year and was put aside as a list
    for heading in (
        "<h2>Мониторинг реализации региональной целевой модели<br>наставничества в МБДОУ № 61<br>на 13.12.2025</h2>",
        "<p><b>Мониторинг реализации региональной целевой модели</b></p><p><b>наставничества в МБДОУ № 61</b></p>"
        "<p><b>на 13.12.2025</b></p>",
    ):
        page = f"<html><body>{MENU}<main><h1>Наставничество</h1>{heading}{MONITORING_ROWS}</main></body></html>"
        [part] = analyze(html_to_text(page.encode()), fmt="html", link_text="Наставничество")
        assert part.type == DocType.report
        assert (
            part.title == "Мониторинг реализации региональной целевой модели наставничества в МБДОУ № 61 на 13.12.2025"
        )


def test_the_orders_requisites_on_its_own_line_stay_the_orders() -> None:
    # a two-column stamp read line by line: the head's column ends «Приказ № 63 от 19.12. 2023г.», the council's
    # lone date stands below it; the order's own requisites were handed to the council and its date taken instead
    lines = [
        "«Рассмотрено и принято» «Утверждено»",
        "на Педагогическом совете ___________Е.В. Ставцева",
        "Директор Дома детского творчества",
        "Приказ № 63 от 19.12. 2023г.",
        "08.12.2023г.",
        "ПОЛОЖЕНИЕ",
        "о системе наставничества педагогических работников",
        "1. Общие положения",
        "1.1. Настоящее Положение определяет порядок наставничества педагогических работников.",
    ]
    [as_file] = analyze("\n".join(lines))
    page = f"<html><body><main>{''.join(f'<p>{line}</p>' for line in lines)}</main></body></html>"
    [as_page] = analyze(html_to_text(page.encode()), fmt="html")
    for part in (as_file, as_page):
        assert part.type == DocType.regulation
        assert (part.approved_on, part.number) == (date(2023, 12, 19), "63")
