"""General rules of issue #14, round 5, each on the project's own synthetic wording (no real excerpt)."""

from __future__ import annotations

from datetime import date

import pytest

from crawler.classify import analyze
from crawler.classify.prepare import prepare
from crawler.models import DocType


def test_cp866_capitals_read_as_cp1251_are_repaired() -> None:
    # a PDF font that keeps Cyrillic capitals in the DOS code page: «‘истема» (С), «“словиЯ» (У), «Џод» (П), and a
    # lower-case «я» drawn as «Я»
    broken = (
        "III. “словиЯ внедрениЯ системы наставничества\n\n‘истема наставничества ЯвлЯетсЯ совокупностью условий. "
        "Џод условиЯми понимаютсЯ факторы работы школы."
    )
    fixed = prepare(broken)
    assert "Условия внедрения" in fixed and "Система наставничества является" in fixed and "Под условиями" in fixed


def test_typographic_quotes_alone_are_not_repaired() -> None:
    text = "Проект “наставник” и конкурс “педагог года” прошли в школе. ‘тест’"
    assert prepare(text) == text


def test_an_acts_name_atop_a_legal_database_page_is_a_higher_level_act() -> None:
    text = (
        "Действующий\n\nОб утверждении методологии (целевой модели) наставничества обучающихся для организаций, "
        "осуществляющих образовательную деятельность по общеобразовательным, дополнительным общеобразовательным "
        "программам и программам среднего профессионального образования\n\n"
        "5. Структура управления реализацией целевой модели наставничества\n\n"
        "5.1. В структуру управления внедрением целевой модели наставничества входят органы власти, наставнический "
        "центр и образовательные организации, где работают наставники и наставляемые."
    )
    assert analyze(text)[0].type == DocType.external_act


def test_a_subject_above_a_bare_kind_word_names_mentoring() -> None:
    text = (
        "Организация наставничества молодых учителей\nпо модели «учитель – учитель»\nМетодические рекомендации\n"
        "Энск, 2022\n\nРекомендации адресованы заместителям директоров школ по учебной работе."
    )
    assert analyze(text)[0].type == DocType.guidelines


def test_date_before_the_order_word_under_the_heads_line() -> None:
    text = (
        "ПРИНЯТО\nпедагогическим советом\nПротокол № 2 от 30 августа 2022 г.\n\nЗаведующий МБДОУ № 7\n"
        "31.08.2022, приказ № 54\n\nПоложение о наставничестве\n1. Общие положения\n"
        "1.1. Положение определяет порядок наставничества педагогических работников детского сада."
    )
    part = analyze(text)[0]
    assert part.approved_on == date(2022, 8, 31) and part.number == "54"


def test_a_blank_number_is_not_filled_by_the_next_clause() -> None:
    text = (
        "УТВЕРЖДЕНО\nприказом от 01.09.2022 №__________\n\nПоложение о наставничестве\n"
        "1. Общие положения\n1.1. Положение определяет порядок наставничества педагогических работников школы."
    )
    part = analyze(text)[0]
    assert part.approved_on == date(2022, 9, 1) and part.number is None


def test_a_number_shaped_like_a_date_before_the_date() -> None:
    text = (
        "УТВЕРЖДЕНО:\nПриказом по МБОУ «Школа № 4»\nПриказ №_23.08.31 от 31.08.2023г.\n\n"
        "ПОЛОЖЕНИЕ\nо школьной библиотеке\n1. Общие положения\n1.1. Положение определяет порядок работы библиотеки."
    )
    part = analyze(text)[0]
    assert part.approved_on == date(2023, 8, 31) and part.number == "23.08.31"


def test_interleaved_columns_under_the_organizations_name() -> None:
    # both blocks name the kindergarten, then their requisites follow one after the other: the council's first
    text = (
        "УТВЕРЖДЕНЫ\n\nПРИНЯТЫ\n\nПриказом\nМБДОУ Энский детский сад\n\nПедагогическим советом\n"
        "МБДОУ Энский детский сад\n№ 1 от 29.08.2023 г.\n\n№ 77-2 от 01.09.2023 г.\n\n"
        "Правила\nвнутреннего распорядка воспитанников\n\n1. Общие положения"
    )
    part = analyze(text)[0]
    assert part.approved_on == date(2023, 9, 1) and part.number == "77-2"


def test_dates_after_prikazyvayu_are_the_orders_content() -> None:
    # an excerpt that starts after the order's header: «с 1 марта по 20 апреля» is what the order sets
    text = (
        "В рамках районного проекта «Память», в соответствии с программой «Воспитание детей и подростков Энского "
        "муниципального района на 2020-2025 гг.», в целях привлечения внимания обучающихся к истории края, "
        "развития творческих способностей детей, поддержки юных талантов и предоставления им возможности "
        "показать свои работы ПРИКАЗЫВАЮ:\n"
        "1. Провести с 30 марта по 20 апреля 2024 года районную выставку детского рисунка «Мой край» (далее "
        "Выставка).\n"
        "2. Утвердить состав жюри (приложение 1)."
    )
    part = analyze(text)[0]
    assert part.approved_on is None and part.number is None


def test_number_after_a_name_whose_quotes_close_early_is_the_names() -> None:
    # «ГКОУ «Детский дом» № 2»: the quotes close before the number; no order word before it
    text = (
        "Согласовано: представитель коллектива ГКОУ «Детский дом № 2» ________ О.И. Сидорова от «___» ______ 2013 "
        "года\nУтверждаю: Директор ГКОУ «Детский дом № 2» ____________ И.И. Петрова от « __ » _________ 2013 года "
        "Правила внутреннего трудового распорядка для работников ГКОУ «Детский дом» № 2 (в новой редакции)\n"
        "1. Общие положения Настоящие правила определяют трудовой распорядок детского дома."
    )
    part = analyze(text)[0]
    assert part.number is None


def test_the_approving_block_under_a_body_excerpt() -> None:
    # a document-sharing site prints a piece of the body first, then the document's own first page
    body = (
        "Настоящий порядок разработан в соответствии с Федеральным законом от 29.12.2012 № 273-ФЗ «Об образовании "
        "в Российской Федерации» и определяет правила обучения по индивидуальному учебному плану, в том числе "
        "ускоренного обучения, в пределах осваиваемой образовательной программы. Индивидуальный учебный план "
        "обеспечивает освоение программы с учётом особенностей и образовательных потребностей обучающегося. "
    )
    text = (
        body * 3 + "\nМуниципальное общеобразовательное учреждение\nЭнская средняя общеобразовательная школа\n"
        "Утверждаю: __________________\nДиректор школы А.В. Смирнова\nВведено в действие приказом № 57\n"
        "от «21 » марта 2019 года\nПринято педсоветом. Протокол №6\nот «19 » марта 2019 года\n"
    )
    part = analyze(text)[0]
    assert part.approved_on == date(2019, 3, 21) and part.number == "57"


def test_a_legal_databases_note_between_the_acts_heading_and_subject() -> None:
    gap = "\n    \n \n"
    text = (
        f"РОССИЙСКАЯ ФЕДЕРАЦИЯ{gap}АДМИНИСТРАЦИЯ ГОРОДА ЭНСКА{gap}ПОСТАНОВЛЕНИЕ{gap}Утратило силу - Постановление"
        f"{gap}Администрации г. Энска{gap}от 11.02.2016 № 262{gap}от 10.12.09 N 95{gap}г. Энск{gap}"
        "О внесении изменения в постановление Главы города от 08.07.2005 N 69\n\n"
        "1. Внести изменение в постановление Главы города об оплате труда."
    )
    part = analyze(text)[0]
    assert part.title.startswith("Постановление «О внесении изменения")
    assert part.approved_on == date(2009, 12, 10) and part.number == "95"


@pytest.mark.parametrize(
    "header,number",
    [("ПРИКАЗ К-15\nот 01.09.2023", "К-15"), ("ПРИКАЗ\n01.09.2023                    15-од\nг. Энск", "15-од")],
)
def test_an_order_number_without_the_number_sign(header: str, number: str) -> None:
    text = (
        f"МБОУ «Школа № 3»\n{header}\nО назначении наставников молодым специалистам\nПРИКАЗЫВАЮ:\n"
        "1. Назначить наставником учителя математики Иванову И.И."
    )
    part = analyze(text)[0]
    assert part.approved_on == date(2023, 9, 1) and part.number == number


def test_a_subject_with_years_gives_no_bare_number() -> None:
    text = (
        "МБОУ «Школа № 3»\nПРИКАЗ\n01.09.2023\nО назначении наставников на 2023-2024 учебный год\nПРИКАЗЫВАЮ:\n"
        "1. Назначить наставником учителя математики Иванову И.И."
    )
    assert analyze(text)[0].number is None


def test_a_number_followed_by_a_quoted_name_is_the_organizations() -> None:
    text = (
        "СОГЛАСОВАНО Председатель Совета ДОУ Протокол № 1 от «23» сентября 2013 г. ___________ Л. В. Смирнова "
        "УТВЕРЖДЕНО заведующим МКДОУ ЗАТО Энск ДСОВ № 11 «Золотой ключик» ___________ Е.Л. Петрова ПОЛОЖЕНИЕ о "
        "порядке привлечения добровольных пожертвований МКДОУ ЗАТО Энск ДСОВ №11 «Золотой ключик» 1. Общие положения "
        "1.1. Настоящее положение регулирует порядок привлечения пожертвований."
    )
    assert analyze(text)[0].number is None


def test_an_orders_requisites_in_a_news_sentence_are_not_the_pages_stamp() -> None:
    text = (
        "Наставничество в нашей школе\n"
        "15 сентября 2023 года в школе прошёл торжественный сбор наставников и молодых педагогов.\n"
        "Приказом директора от 01.09.2023 № 45 утверждены наставнические пары на новый учебный год.\n"
        "Наставники рассказали молодым коллегам о традициях школы, поделились опытом подготовки уроков.\n"
        "Молодые учителя побывали на открытых уроках своих наставников и задали вопросы."
    )
    part = analyze(text)[0]
    assert part.type == DocType.practice
    assert part.approved_on is None and part.number is None and not part.unnumbered_approval


def test_a_stamp_line_that_names_the_order_stays_a_stamp() -> None:
    text = (
        "УТВЕРЖДЕНО\nприказом директора от 01.09.2023 № 45\n\nПОЛОЖЕНИЕ\nо наставничестве педагогических работников\n"
        "1. Общие положения\n1.1. Положение определяет порядок наставничества педагогических работников школы."
    )
    part = analyze(text)[0]
    assert part.approved_on == date(2023, 9, 1) and part.number == "45"


def test_a_councils_secretary_line_does_not_take_the_approving_orders_number() -> None:
    # a registration line under the title shares the approving block's words; the council's block has its own date
    text = (
        "«СОГЛАСОВАНО»\nна заседании педагогического совета\n(протокол № 1 от 29.08.2024)\n"
        "Секретарь педагогического совета\n___________ И.И. Петрова\n\nУТВЕРЖДАЮ.\nДиректор МОУ СШ № 8\n"
        "__________ А.В. Смирнова\n«___» ________ 20____ г.\nВведено в действие\nприказом директора МОУ СШ № 8\n"
        "от 30.08.2024 г. № 151\n\nПОЛОЖЕНИЕ\n30.08.2024 г. № 02-17-09\nг. Энск\n\nо школьной библиотеке\n"
        "1. Общие положения\n1.1. Настоящее положение определяет порядок работы библиотеки."
    )
    part = analyze(text)[0]
    assert part.approved_on == date(2024, 8, 30) and part.number == "151"


def test_a_capital_letter_after_the_digits_is_part_of_the_number() -> None:
    text = (
        "УТВЕРЖДЕНО\nЗаведующая\n________ В.Л. Морозова\nот «05» мая 2023 №_20А__\nПОЛОЖЕНИЕ\n"
        "о родительском собрании детского сада\n1. Общие положения"
    )
    assert analyze(text)[0].number == "20А"


def test_a_definition_under_its_clause_number_is_not_the_title() -> None:
    text = (
        "Положение о наставничестве 2023-2024\n\nнаставляемого в профессии.\n2.6.\n"
        "Куратор - сотрудник школы, который отвечает за организацию программы наставничества.\n2.7.\n"
        "Целевая модель наставничества - система условий, ресурсов и процессов, необходимых для реализации программ "
        "наставничества в школе.\n3. Цели и задачи наставничества\n"
        "Целью внедрения целевой модели наставничества является раскрытие потенциала наставляемого."
    )
    part = analyze(text)[0]
    assert part.type == DocType.regulation and part.title.startswith("Положение о наставничестве")


def test_acts_listed_under_a_legal_base_heading_give_no_title_and_no_stamp() -> None:
    text = (
        "Наставничество\n\nЦелевая модель наставничества - система условий, ресурсов и процессов, необходимых для "
        "реализации программ наставничества. Методология наставничества - система взглядов и подходов.\n\n"
        "Нормативно-правовые акты\n\nФедеральный уровень\n\n"
        "- Распоряжение Министерства просвещения Российской Федерации от 25 декабря 2019 года № Р-145 «Об утверждении "
        "методологии (целевой модели) наставничества обучающихся»\n\n"
        "- Письмо Минпросвещения России от 23 января 2020 года № МР-42/02 «О направлении методических рекомендаций»\n\n"
        "- Распоряжение Правительства Российской Федерации от 31 декабря 2019 года № 3273-р «Об утверждении основных "
        "принципов национальной системы профессионального роста педагогических работников»"
    )
    part = analyze(text)[0]
    assert part.type == DocType.other
    assert part.approved_on is None and part.number is None


def test_a_blank_in_an_appended_form_does_not_make_a_schools_act_a_template() -> None:
    text = (
        "УТВЕРЖДЕНО\nприказом директора МБОУ «СОШ № 5» от 01.09.2023 № 45\n\n"
        "Положение о наставничестве педагогических работников\n1. Общие положения\n"
        "1.1. Настоящее Положение определяет порядок наставничества педагогических работников МБОУ «СОШ № 5».\n"
        "1.2. Наставник назначается приказом директора.\nПриложение 1\n"
        "Согласие на участие в программе наставничества\nЯ, ____________ (ФИО), работник ____________ "
        "(наименование образовательной организации), согласен быть наставником."
    )
    assert analyze(text)[0].type == DocType.regulation
