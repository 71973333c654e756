"""General rules of issue #14, round 19 (fresh31 … fresh33 read), on the project's own synthetic wording."""

from __future__ import annotations

from datetime import date

from crawler.classify import analyze
from crawler.models import DocType


def test_a_news_write_up_titled_the_implementation_of_a_programme_after_a_colon_is_no_programme() -> None:
    # a school's news feed: a quoted headline, a colon, then «реализация программы …» — a story about the
    # programme, not the programme (a programme would count for the roadmap criterion)
    text = (
        "«Вместе интереснее»: реализация программы наставничества в МБОУ СОШ № 12\n\n"
        "Как поддержать учителя, который только пришёл в профессию? Этим вопросом в школе задаются каждую осень. "
        "Наставничество для нас — не отчёт на бумаге, а живая работа: опытные коллеги посещают уроки молодых "
        "учителей, разбирают с ними трудные ситуации и вместе готовят открытые занятия. Наставники делятся "
        "приёмами, наставляемые — свежими идеями, и обе стороны учатся друг у друга.\n"
    )
    assert analyze(text)[0].type != DocType.program
    # the programme itself keeps its type, and so does one whose subject follows a colon
    programme = (
        "Программа наставничества МБОУ СОШ № 12 на 2024–2026 годы\n\n"
        "Паспорт программы наставничества\n1. Цели и задачи программы наставничества\n"
    )
    assert analyze(programme)[0].type == DocType.program
    subject = (
        "Программа наставничества: «Учитель – учитель»\n\nПаспорт программы наставничества\n"
        "1. Цели и задачи программы наставничества\n"
    )
    assert analyze(subject)[0].type == DocType.program


def test_a_glued_scan_whose_heading_was_spaced_out_under_a_director_s_approval() -> None:
    # a scan's text layer: one line, the approval first, the kind word spaced out with two letters still in a
    # pair, ASCII angle brackets around the day, the first section's number glued to its name
    text = (
        "УТВЕРЖДАЮ Директор МБОУ «СОШ№8» _______ О.П. Смирнова <<•02>>сентября 2021 г. "
        "П О Л О Ж ЕН И Е о наставничестве молодых учителей 1.Общие положения Наставничество — форма "
        "индивидуальной работы опытного учителя с молодым учителем, не имеющим стажа педагогической работы или "
        "имеющим стаж до трёх лет. Наставник — опытный учитель, которого назначает директор школы. Молодой учитель "
        "повышает своё мастерство под руководством наставника по плану, который они составляют вместе.\n"
    )
    part = analyze(text)[0]
    assert part.type == DocType.regulation
    assert part.title == "ПОЛОЖЕНИЕ о наставничестве молодых учителей"
    assert part.approved_on == date(2021, 9, 2)
    # a heading that is not spaced out, in a glued line, keeps being cut off as before
    plain = text.replace("П О Л О Ж ЕН И Е", "ПОЛОЖЕНИЕ")
    assert analyze(plain)[0].title == "ПОЛОЖЕНИЕ о наставничестве молодых учителей"


def test_the_first_sections_number_glued_to_its_name_is_not_part_of_the_title() -> None:
    text = (
        "ПОЛОЖЕНИЕ О МЕТОДИЧЕСКОМ КАБИНЕТЕ 1.Общие положения 1.1. Настоящее положение определяет порядок работы "
        "методического кабинета детского сада, его задачи и содержание работы, права и обязанности работников. "
        "1.2. Кабинет работает по плану, утверждённому заведующим.\n"
    )
    assert analyze(text)[0].title == "ПОЛОЖЕНИЕ О МЕТОДИЧЕСКОМ КАБИНЕТЕ"


def test_a_city_administrations_regulation_for_its_municipal_organizations_is_an_external_act() -> None:
    # a legal database's copy of an appendix to a city administration's decree, republished on a school's site
    text = (
        "Приложение\nк постановлению Администрации\nгорода Энска\nот 12.04.2023 N 318\n"
        "Положение\nо поощрении педагогов-наставников в муниципальных образовательных организациях города Энска\n"
        "1. Общие положения\n1.1. Настоящее Положение определяет порядок поощрения педагогических работников, "
        "осуществляющих наставничество.\n"
    )
    part = analyze(text)[0]
    assert part.type == DocType.external_act
    assert (part.approved_on, part.number) == (date(2023, 4, 12), "318")
    # a school's own Положение under the city's name in its letterhead stays the school's own
    own = (
        "Администрация города Энска\nМуниципальное бюджетное общеобразовательное учреждение «Школа № 3»\n"
        "УТВЕРЖДЕНО приказом от 01.09.2023 № 77\n"
        "Положение о наставничестве в МБОУ «Школа № 3»\n1. Общие положения\n"
        "1.1. Настоящее Положение определяет порядок организации наставничества в школе.\n"
    )
    assert analyze(own)[0].type == DocType.regulation


def test_a_short_news_page_of_whole_sentences_is_read_as_news_not_as_a_list_of_links() -> None:
    # a school's news item of two short paragraphs: shorter than a pasted document, but prose, not links
    page = (
        "Наставники и молодые учителя подвели итоги четверти\n\n"
        "В нашей школе прошёл методический час наставников: молодые учителя рассказали, чему научились за "
        "четверть, а наставники — какие уроки посетили, что посоветовали и какие трудности заметили.\n\n"
        "Каждая наставническая пара поделилась своим открытым уроком, а итоги встречи наставники обсудят "
        "на заседании методического совета в декабре. Следующая встреча пройдёт в конце января.\n"
    )
    assert analyze(page, fmt="html")[0].type == DocType.practice
    # a page that lists documents by name stays a list of links, whatever the names say
    links = (
        "Наставничество\n\n"
        "Положение о наставничестве педагогических работников\n"
        "Приказ о закреплении наставнических пар на 2024-2025 учебный год\n"
        "Программа наставничества «Шаг за шагом» на 2024-2026 годы\n"
        "План мероприятий (дорожная карта) по внедрению целевой модели наставничества\n"
    )
    assert analyze(links, fmt="html")[0].type == DocType.other


def test_a_glued_clause_number_counts_as_a_clause_of_a_pasted_document() -> None:
    # a page that pasted a glued scan of a short Положение: «1.Общие …», «2.Права …» are its clauses
    page = (
        "Положение о наставничестве\n\n"
        "ПОЛОЖЕНИЕ о наставничестве молодых учителей\n"
        "1.Общие положения Наставничество — форма работы опытного учителя с молодым учителем в течение трёх лет\n"
        "2.Права и обязанности наставника Наставник посещает уроки молодого учителя и разбирает их с ним\n"
    )
    assert analyze(page, fmt="html")[0].type == DocType.regulation
