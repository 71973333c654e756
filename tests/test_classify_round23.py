"""General rules of issue #14, round 23, on the project's own wording: a plan of measures or a programme pasted on a web
page is a table under its approval block — neither numbered clauses nor prose, and the page was put aside as a list of
links."""

from __future__ import annotations

from datetime import date

from crawler.classify import analyze
from crawler.extract import html_to_text
from crawler.models import DocType

APPROVAL = (
    "<p>ПРИНЯТО</p><p>Педагогическим советом МБДОУ «Детский сад № 14»</p><p>(протокол от 28.08.2025 № 1)</p>"
    "<p>УТВЕРЖДЕНО</p><p>приказом заведующего МБДОУ «Детский сад № 14»</p><p>от 29.08.2025 № 52</p>"
)


def _page(heading: str, body: str) -> list[tuple[DocType, date | None, str | None]]:
    """A sub-page of the section as the monitor classifies it: the stored HTML's text, as a web page."""
    page = f"<html><body><main><h1>{heading}</h1>{body}</main></body></html>"
    parts = analyze(html_to_text(page.encode()), fmt="html", link_text=heading)
    return [(p.type, p.approved_on, p.number) for p in parts]


def _rows(*rows: tuple[str, ...]) -> str:
    return "<table>" + "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows) + "</table>"


def test_a_plan_of_measures_under_its_approval_block_is_a_roadmap() -> None:
    body = APPROVAL + (
        "<p>Дорожная карта (план мероприятий) по реализации Положения о системе наставничества педагогических "
        "работников на 2025-2026 учебный год</p>"
    )
    body += _rows(
        ("Мероприятие", "Сроки", "Ответственный"),
        ("Закрепление наставнических пар", "сентябрь", "заведующий"),
        ("Индивидуальные планы", "сентябрь", "старший воспитатель"),
        ("Открытые занятия", "в течение года", "наставники"),
    )
    assert _page("Дорожная карта", body) == [(DocType.roadmap, date(2025, 8, 29), "52")]


def test_a_programme_under_its_approval_block_is_a_programme() -> None:
    body = (
        "<p>УТВЕРЖДАЮ</p><p>Заведующий МБДОУ «Детский сад № 14» ________ Е.А. Кротова</p>"
        "<p>Приказ от 29.08.2025 № 53</p><p>ПРОГРАММА НАСТАВНИЧЕСТВА «ПЕДАГОГ – ПЕДАГОГ»</p>"
    )
    body += _rows(
        ("Паспорт программы", ""),
        ("Цель", "поддержка молодых воспитателей в первые три года работы"),
        ("Сроки реализации", "2025-2026 учебный год"),
        ("Участники", "наставники и молодые педагоги"),
    )
    assert _page("Программа наставничества", body) == [(DocType.program, date(2025, 8, 29), "53")]


def test_a_list_of_links_under_an_approved_heading_stays_a_list() -> None:
    """The guard: the approval is written inside a link, not as a block of its own."""
    body = (
        "<ul><li><a href='/f/plan.pdf'>Дорожная карта на 2025-2026 учебный год (утверждена приказом от 29.08.2025 "
        "№ 52)</a></li><li><a href='/f/prog.pdf'>Программа наставничества (принята педагогическим советом, протокол "
        "№ 1)</a></li></ul>"
    )
    assert [t for t, _, _ in _page("Документы по наставничеству", body)] == [DocType.other]
