"""General rules of issue #14, round 3, each on the project's own synthetic wording (no real excerpt)."""

from __future__ import annotations

from datetime import date

import pytest

from crawler.classify import analyze
from crawler.models import DocType


def test_order_approves_not_the_councils_protocol_read_across() -> None:
    # two columns read line by line: «УТВЕРЖДЕНО на заседании … совета» sits next to the director's signature,
    # the protocol line comes first, the director's order second — the order approves
    text = (
        "СОГЛАСОВАНО\n\nУТВЕРЖДЕНО\n\nна заседании\n\nДиректор МБОУ «Школа № 9»\n\nметодического совета\n\n"
        "МБОУ «Школа № 9»\n\n__________ А.Б. Петрова\n\nПротокол № 3 от «15» января 2023г.\n\n"
        "Приказ от «16» января 2023 г. № 412\n\nПоложение о наставничестве\n1. Общие положения\n\n"
        "1.1. Положение определяет порядок наставничества педагогических работников школы."
    )
    part = analyze(text)[0]
    assert part.approved_on == date(2023, 1, 16) and part.number == "412"


def test_protocol_word_between_date_and_number() -> None:
    text = (
        "«Согласовано» Методическим советом МБОУ СОШ№ 21 от 14.02.2024 протокол № 6 Положение о наставничестве "
        "1. Общие положения 1.1. Настоящее Положение определяет цели и задачи наставничества педагогов школы. "
        "1.2. Наставник назначается приказом директора."
    )
    part = analyze(text)[0]
    assert part.approved_on == date(2024, 2, 14) and part.number == "6"


@pytest.mark.parametrize("gap", ["\n", "\n\n\n", "\n\n\n\n\n"])
def test_decree_header_with_blank_layout_lines(gap: str) -> None:
    # a legal database lays the header out with blank lines: they do not push the subject away from the heading
    text = (
        f"ПРАВИТЕЛЬСТВО ЭНСКОЙ ОБЛАСТИ{gap}ПОСТАНОВЛЕНИЕ{gap}     от 3 марта 2015 года          N 77{gap}"
        f"О внесении изменений в постановление Правительства{gap}Энской области от 1 июня 2010 года N 12\n\n"
        "В целях приведения в соответствие с законодательством Правительство области постановляет:\n"
        "1. Внести изменения в положение об оплате труда."
    )
    part = analyze(text)[0]
    assert part.title.startswith("Постановление «О внесении изменений")
    assert part.approved_on == date(2015, 3, 3) and part.number == "77"


@pytest.mark.parametrize(
    "first_line,expected_date,expected_number",
    [
        ("№ 41 от 12.04.2021 г. «О проведении районной выставки рисунков»", date(2021, 4, 12), "41"),
        ("Постановление от 05.06.2019 г № 318\n\nОб утверждении порядка комплектования групп", date(2019, 6, 5), "318"),
        (
            "Распоряжение Администрации Энского района от 7 октября 2020 года № 15-р\nО проведении смотра",
            date(2020, 10, 7),
            "15-р",
        ),
    ],
)
def test_act_requisites_opening_the_page_are_its_own(
    first_line: str, expected_date: date, expected_number: str
) -> None:
    # the act's own date and number open the page; the acts its preamble cites never give them
    text = (
        f"{first_line}\n\n"
        "В соответствии с приказом министерства образования области от 29 ноября 2018 года № 11-5/77 "
        "«О мероприятиях» и распоряжением от 01.02.2017 № 3-р:\n1. Провести мероприятие.\n"
        "2. Контроль оставляю за собой."
    )
    part = analyze(text)[0]
    assert part.approved_on == expected_date and part.number == expected_number


def test_stamp_line_above_a_regulation_is_not_an_act_heading() -> None:
    text = (
        "УТВЕРЖДЕНО\nприказом директора\nот 30.08.2022 № 118\n\nПОЛОЖЕНИЕ\nО наставничестве педагогических "
        "работников\n\n1. Общие положения\n1.1. Положение определяет порядок наставничества в школе."
    )
    part = analyze(text)[0]
    assert part.type == DocType.regulation
    assert part.approved_on == date(2022, 8, 30) and part.number == "118"


def test_a_sentence_with_requisites_is_not_an_act_heading() -> None:
    text = (
        "Приказом от 01.09.2022 № 5 о наставничестве в школе закреплены наставники за молодыми учителями, "
        "и сегодня пары подвели итоги первого года работы.\n\nНаставники провели открытые уроки."
    )
    part = analyze(text)[0]
    assert not part.title.startswith("Приказ")  # the sentence is not taken for the order's heading


def test_appendix_with_its_acts_requisites_and_a_municipal_template() -> None:
    # «Приложение № 2 / от «3» мая 2021 г. № 64 / <heading of the appended document>»: the heading is the line under
    # the requisites even when it opens like a letterhead; the requisites are the appended document's stamp
    text = (
        "Заведующий отделом\nПриложение № 2\nот «3» мая 2021г.№64\n"
        "Муниципальная целевая модель наставничества педагогических работников в образовательных учреждениях "
        "Энского района\n1.1. Муниципальная целевая модель наставничества разработана для школ и садов района.\n"
        "1.2. Наставник сопровождает молодого педагога в течение трёх лет."
    )
    part = analyze(text)[0]
    assert part.title.startswith("Муниципальная целевая модель наставничества")
    assert part.type == DocType.external_act
    assert part.approved_on == date(2021, 5, 3) and part.number == "64"


def test_appendix_reference_going_on_is_not_a_heading() -> None:
    text = (
        "Приложение\nк постановлению\nАдминистрации Энского района\nот 12 марта 2020 г. N 41-па\n"
        "ПОЛОЖЕНИЕ\nо порядке комплектования групп\n1. Общие положения\n1.1. Положение определяет порядок."
    )
    part = analyze(text)[0]
    assert part.title.startswith("ПОЛОЖЕНИЕ") or part.title.startswith("Положение")


def test_a_definition_is_not_a_heading() -> None:
    # «Программа наставничества – это …» defines a term on a section page; it is not the title of a programme
    text = (
        "Программа наставничества – это комплекс мероприятий, направленный на организацию взаимоотношений "
        "наставника и наставляемого.\nНаставник – участник программы наставничества, имеющий успешный опыт."
    )
    assert analyze(text)[0].type != DocType.program


def test_a_holiday_greeting_is_not_news_of_a_practice() -> None:
    text = (
        "Дорогие наставники, коллеги!\n\n"
        "Сегодня мы отмечаем День наставника. В нашей школе прошли встречи наставников и молодых учителей, "
        "наставники поделились опытом, и мы благодарим каждого наставника за труд.\n"
        "Пусть наставничество приносит радость!"
    )
    assert analyze(text)[0].type == DocType.other


def test_a_sharing_sites_publication_date_is_not_the_stamp() -> None:
    text = (
        "Положение о наставничестве МКОУ «Энская СОШ»\n\nСкачать 120 Kb.\nДата публикации21.03.2016\nТипДокументы\n"
        "УТВЕРЖДЕНО\n\nПротоколом педагогического совета МКОУ «Энская СОШ» от 02. 09. 2011 № 4\n\nПОЛОЖЕНИЕ\n"
        "о наставничестве\n\n1. Общие положения\n1.1. Наставничество — форма работы с молодыми учителями."
    )
    part = analyze(text)[0]
    assert part.approved_on == date(2011, 9, 2) and part.number == "4"


def test_number_inside_a_nested_organization_name() -> None:
    text = (
        "МБДОУ «Детский сад общеразвивающего вида №14 «Солнышко» СОГЛАСОВАНО педагогическим советом "
        "(протокол от 30.08.2023г.№ 1 ) УТВЕРЖДАЮ Заведующий МБДОУ «Детский сад общеразвивающего вида №14 "
        "«Солнышко» ___________ И.И. Иванова «30» августа 2023 г. ПОЛОЖЕНИЕ о группах кратковременного пребывания "
        "1. Общие положения 1.1. Положение определяет порядок работы групп."
    )
    part = analyze(text)[0]
    assert part.number != "14"


def test_protocol_inside_the_approving_block() -> None:
    text = (
        "Утверждаю: Директор МБУ ДО ЦДТ г. Энска ___________ А.А. Смирнова протокол п/с № 2 от 29 августа 2022года. "
        "Положение о методическом объединении. 1. Общие положения. 1.1. Методическое объединение — "
        "профессиональное объединение педагогов."
    )
    part = analyze(text)[0]
    assert part.approved_on == date(2022, 8, 29) and part.number == "2"


def test_separate_council_block_under_an_undated_approval_gives_nothing() -> None:
    # the methodologist's rule: «Утверждаю» with a signature only, the council's protocol in its own block
    text = (
        "ПРИНЯТО\nна педагогическом совете\nпротокол № 1 от 30.08.2023\n\nУТВЕРЖДАЮ\nЗаведующий МБДОУ № 5\n"
        "__________ И.И. Петрова\n\nПОЛОЖЕНИЕ\nо режиме занятий воспитанников\n\n1. Общие положения\n"
        "1.1. Положение регламентирует режим занятий."
    )
    part = analyze(text)[0]
    assert part.approved_on is None and part.number is None


def test_an_organizations_own_story_of_mentoring_is_practice() -> None:
    text = (
        "Вместе легче: как мы растим молодых учителей\n\n"
        "Рассказывает Ольга Седова, учитель математики. Наша школа давно живёт по правилу: у каждого молодого "
        "учителя есть наставник. В этом году наставники и наставляемые прошли вместе первый год, наставник "
        "посещает уроки молодого коллеги, а наставляемый — уроки наставника."
    )
    assert analyze(text)[0].type == DocType.practice


def test_an_orders_requisites_under_a_noisy_order_word_stay_the_orders() -> None:
    # a scanned order whose «ПРИКАЗ» line carries OCR noise: its date and number line is the order's header, not
    # the requisites of another act opening the page
    text = (
        "МБДОУ «Детский сад № 31 «Ромашка»\n| ° ПРИКАЗ\nот 03.09.2024 № 118-од .\n"
        "О закреплении наставнических пар на 2024-2025 учебный год\nПРИКАЗЫВАЮ: . |\n"
        "1. Закрепить наставнические пары:\nФИО наставника ФИО наставляемого\n"
        "Петрова Ольга Ивановна Смирнова Анна Сергеевна\n2. Контроль оставляю за собой."
    )
    part = analyze(text)[0]
    assert part.type is DocType.pairs_order
    assert part.approved_on == date(2024, 9, 3) and part.number == "118-од"
