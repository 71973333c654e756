"""General rules of issue #14, round 21, on the project's own wording: the council's protocol written inside the
head's «УТВЕРЖДАЮ» block, and a section's own web pages that are its monitoring or its base of mentors."""

from __future__ import annotations

from datetime import date

from crawler.classify import analyze
from crawler.extract import html_to_text
from crawler.models import DocType

BODY = (
    "Положение о системе наставничества педагогических работников\n"
    "1. Общие положения\n"
    "1.1. Настоящее Положение определяет цели, задачи и порядок наставничества педагогических работников.\n"
    "1.2. Наставник назначается приказом директора из числа опытных педагогов.\n"
)
MENU = "<nav><ul>" + "".join(f"<li><a href='/razdel-{i}'>Раздел {i}</a></li>" for i in range(10)) + "</ul></nav>"


def test_the_councils_protocol_inside_the_heads_block_is_the_approval() -> None:
    # the council named in full after «Протокол», on the block's own line or on the next lines
    for block in (
        "«УТВЕРЖДАЮ» Директор МБОУ «СОШ № 9» ____________ И.П. Котова Протокол педагогического совета № 1 от "
        "28.08.2025г.\n",
        "«УТВЕРЖДАЮ»\nДиректор МБОУ «СОШ № 9»\n____________ И.П. Котова\n"
        "Протокол педагогического совета № 1 от 28.08.2025г.\n",
    ):
        [part] = analyze(block + BODY)
        assert part.type == DocType.regulation
        assert (part.approved_on, part.number) == (date(2025, 8, 28), "1")


def test_a_protocol_of_the_other_column_is_no_approval() -> None:
    # a two-column stamp read line by line: the protocol under «ПРИНЯТО | УТВЕРЖДАЮ» is the council's adoption, and
    # the head's block has no date of its own — nothing is certain
    stamp = (
        "ПРИНЯТО УТВЕРЖДАЮ\n"
        "Протокол педагогического совета Заведующий МБДОУ № 21\n"
        "№ 4 от 30.05.2025г. _____________ /Е.С. Белова/\n"
    )
    [part] = analyze(stamp + BODY)
    assert part.type == DocType.regulation
    assert (part.approved_on, part.number) == (None, None)


def _section_page(heading: str, body: str) -> list[DocType]:
    """The section's own page as the monitor classifies it: the stored HTML's text, as a web page."""
    page = f"<html><body>{MENU}<main><h1>Наставничество</h1><h2>{heading}</h2>{body}</main></body></html>"
    return [p.type for p in analyze(html_to_text(page.encode()), fmt="html", link_text="Наставничество")]


def test_a_section_page_that_is_itself_a_monitoring_table_is_a_report() -> None:
    # a kindergarten keeps its self-monitoring of the target model as a table on its section page, not in a file:
    # typed `other` as a page of links, it left the monitoring criterion «не выполнено»
    rows = [
        ("Наличие раздела «Наставничество» на официальном сайте", "есть, ссылка"),
        ("Наличие приказа о внедрении целевой модели наставничества", "приказ от 01.09.2025 № 61"),
        ("Наличие положения о системе наставничества педагогических работников", "есть"),
        ("Количество наставнических пар в текущем учебном году", "4"),
        ("Доля молодых педагогов, охваченных наставничеством", "100 %"),
    ]
    table = "<table>" + "".join(f"<tr><td>{a}</td><td>{b}</td></tr>" for a, b in rows) + "</table>"
    heading = "Мониторинг реализации целевой модели наставничества в МБДОУ № 12 на 15.12.2025"
    assert _section_page(heading, table) == [DocType.report]
    # a «Мониторинг» with no year over a list of files is a list, not a report
    files = "".join(f"<p><a href='/f/{i}.pdf'>Анкета наставляемого, форма {i}</a></p>" for i in range(1, 4))
    assert _section_page("Мониторинг программы наставничества", files) == [DocType.other]
    # the region's monitoring re-published on the section's page is a higher level's act, never the school's report
    regional = (
        "Аналитическая справка по результатам регионального мониторинга реализации региональной целевой модели "
        "наставничества педагогических работников в образовательных организациях Курской области в 2025 году"
    )
    assert _section_page(regional, table) == [DocType.external_act]


def test_a_section_page_listing_the_mentors_of_the_regional_base_is_a_base_of_mentors() -> None:
    # typed `other`, it left the mentor base criterion «не выполнено»
    people = "".join(
        f"<p>{name}, учитель {subject}. Стаж работы — {years} лет. Квалификационная категория — высшая</p>"
        for name, subject, years in (
            ("Зайцева Лидия Романовна", "математики", 24),
            ("Орлов Виктор Семёнович", "физики", 31),
            ("Гусева Нина Павловна", "начальных классов", 19),
        )
    )
    heading = "Педагоги-наставники МБОУ «СОШ № 9», включённые в региональную базу наставников"
    assert _section_page(heading, people) == [DocType.mentor_registry]


def test_a_page_that_says_its_mentors_are_in_the_base_is_a_base_even_under_a_links_heading() -> None:
    # the page's own words of the base stand above; the heading chosen is the first link to a mentor's programme
    text = (
        "Информация о педагогах-наставниках МБОУ «СОШ № 9» г. Лесного,\n"
        "включённых в единую базу наставников области\n"
        "Зайцева Лидия Романовна, учитель математики. Стаж работы – 24 года. Квалификационная категория – высшая\n"
        "Орлов Виктор Семёнович, учитель физики. Стаж работы – 31 год. Квалификационная категория – высшая\n"
        "Индивидуальная программа наставничества Зайцева Л.Р. – Котова Е.С.\n"
        "Индивидуальная программа наставничества Орлов В.С. – Белов Н.Н.\n"
    )
    assert [p.type for p in analyze(text, fmt="html", link_text="Наставничество")] == [DocType.mentor_registry]
