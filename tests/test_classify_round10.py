"""General rules of issue #14, round 10 (fresh10 read), on the project's own synthetic wording (no real excerpt)."""

from __future__ import annotations

from datetime import date

from crawler.classify import analyze
from crawler.models import DocType


def test_a_publication_card_of_a_teachers_portal_is_an_article() -> None:
    text = (
        "Наставничество в детской музыкальной школе: первые шаги\nАвтор: Петрова Анна Сергеевна\n"
        "Организация: МБУДО ДМШ № 3\nНаселенный пункт: г. Энск\n"
        "Институт наставничества помогает молодому преподавателю войти в профессию. Наставник показывает, как "
        "строить урок, и помогает наставляемому разобраться в программе."
    )
    assert analyze(text)[0].type == DocType.guidelines


def test_an_author_with_a_position_under_the_title_is_an_article() -> None:
    text = (
        "Организационно-педагогические условия модели наставничества «учитель – учитель» в лицее\n"
        "Смирнова Елена Петровна,\nзаместитель директора по научно-методической работе, МБОУ «Лицей № 12»\n"
        "В статье рассмотрены условия, при которых наставник и наставляемый работают в паре."
    )
    assert analyze(text)[0].type == DocType.guidelines


def test_a_news_headline_on_mentoring_needs_fewer_mentions() -> None:
    text = (
        "Общество\n\nШкольница из Энска представила в «Артеке» свой проект наставничества для учащихся\n\n"
        "19.11.2024 15:23|Энск\n\nУченица школы № 5 приняла участие в финале всероссийского проекта, который прошёл в "
        "«Артеке». Она рассказала о проекте, в котором старшеклассники-наставники помогают младшим."
    )
    assert analyze(text)[0].type == DocType.practice


def test_numbers_with_a_dash_after_the_sign_and_a_year_after_the_slash() -> None:
    first = analyze(
        "УТВЕРЖДЕНО\nприказом от 19.09.2025 № - 410/3 - ОД\n\nПОЛОЖЕНИЕ\nо школьном музее\n1. Общие положения"
    )[0]
    assert first.approved_on == date(2025, 9, 19) and first.number == "410/3 - ОД"
    second = analyze("УТВЕРЖДЕНО\nприказом от 19.08.2022 № 02-од/22\n\nПОЛОЖЕНИЕ\nо библиотеке\n1. Общие положения")[0]
    assert second.number == "02-од/22"


def test_a_kindergartens_kind_before_its_number_is_its_name() -> None:
    text = (
        "МБДОУ – детский сад комбинированного вида № 376\nПРИНЯТО:\nПедагогическим советом\nПротокол № 2 от «10» "
        "января 2025 г.\nУТВЕРЖДАЮ:\nЗаведующий МБДОУ – детский сад комбинированного вида № 376\n____ Н.А. Петрова\n"
        "«10» января 2025 г.\n\nПоложение о педагогической диагностике\n1. Общие положения"
    )
    part = analyze(text)[0]
    assert part.approved_on == date(2025, 1, 10) and part.number is None


def test_a_regulation_on_curatorship_of_groups_is_not_mentoring() -> None:
    text = (
        "Положение о кураторстве\n\nПОЛОЖЕНИЕ О РАБОТЕ КУРАТОРА ГРУППЫ\n1. Общие положения\n"
        "Куратор группы помогает студентам в учёбе и организует воспитательную работу. Куратор отчитывается перед "
        "заместителем директора. Кураторы назначаются приказом директора колледжа."
    )
    assert analyze(text)[0].type == DocType.other


def test_approved_by_the_councils_meeting_with_its_protocol_below() -> None:
    text = (
        "Утверждено\nПедсоветом от 02.11.04\nПротокол №2\nДиректор школы _________\n"
        "Положение о школьных предметных олимпиадах\n1. Общие положения"
    )
    part = analyze(text)[0]
    assert part.approved_on == date(2004, 11, 2) and part.number == "2"


def test_a_date_below_its_orders_number_stays_with_the_order() -> None:
    # three columns read row by row: the order's number, the signatures, the order's date, then the protocols
    text = (
        "РАССМОТРЕНО\nСОГЛАСОВАНО\nУТВЕРЖДЕНО\nПедагогическим\nсоветом\nЗаместитель директора\nпо УВР\nДиректор\n"
        "________ ________ ________\nИванова Н.В.\nПриказ\n№120\nПетрова Н.В.\nСидорова Г.Н.\n"
        "от «30» августа 2023 г.\nПротокол №1\nПротокол №1\nот «29» августа 2023 г.\nот «29» августа 2023 г.\n"
        "РАБОЧАЯ ПРОГРАММА\nучебного предмета «Индивидуальный проект»"
    )
    assert analyze(text)[0].approved_on == date(2023, 8, 30)


def test_an_authors_reasoning_marks_an_article() -> None:
    text = (
        "Анна ПЕТРОВА, учитель начальных классов школы № 12:\n– В настоящее время школе нужна кадровая политика, "
        "которая закрепляет молодых педагогов в профессии. Одним из способов её реализации является наставничество: "
        "наставник помогает молодому учителю, а наставляемый учится планировать уроки и работать с родителями."
    )
    assert analyze(text)[0].type == DocType.guidelines
