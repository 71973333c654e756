"""General rules of issue #14, round 7 (fresh7 read), each on the project's own synthetic wording (no real excerpt)."""

from __future__ import annotations

from datetime import date

from crawler.classify import analyze
from crawler.models import DocType


def test_a_download_link_naming_an_order_is_not_a_stamp() -> None:
    text = (
        "Правовая информация\n\nНезависимая оценка качества\n\n"
        "Скачать «Положение о защите персональных данных воспитанников»\n\n"
        "Скачать Приказ от 04.03.2024 № 27 «Об утверждении положений МБДОУ «Детский сад № 18»»\n\n"
        "1. Общие положения\n\n1.1. Настоящее положение о защите персональных данных воспитанников определяет порядок "
        "обработки персональных данных."
    )
    part = analyze(text)[0]
    assert part.approved_on is None and part.number is None


def test_a_full_participle_before_the_order_describes_another_document() -> None:
    text = (
        "профессиональное образовательное учреждение «Энский колледж»\n"
        "Рабочая программа учебной дисциплины к ОП СПО по специальности 39.02.01 Социальная работа, утвержденной "
        "приказом от\n26.08.2024 г. №712-ОД\nФедеральный государственный образовательный стандарт по специальности."
    )
    part = analyze(text)[0]
    assert part.approved_on is None and part.number is None


def test_a_month_glued_to_the_year() -> None:
    text = (
        "УТВЕРЖДЕНО\nДиректор МБОУ «Школа № 2»\n_________ Т.В. Сидоренко\nПриказ № 663 от «30» декабря2024г.\n\n"
        "РЕГЛАМЕНТ\nведения электронного журнала\n1. Общие положения"
    )
    part = analyze(text)[0]
    assert part.approved_on == date(2024, 12, 30) and part.number == "663"


def test_an_order_heading_read_as_latin_look_alikes() -> None:
    # a scan's text layer: «ПРИКАЗ» as «TIPI4KA3», «№» as «J\\b», «г.» as «r»
    text = (
        "MyHuquna,rbHoe aBToHoMHoe o6qeo6pasoBareJlbHoe yqpex4eHue\n\nTIPI4KA3\nJ\\b 150.2\n\n29.08.2025r\n\n"
        "06 yrnepx4eHuu floloxeHus o BeAeHuu 3JIeKTpoHHoro xypHaJIa\n"
        "B cooreercrBuu c Qe4epaJIbHbIM 3aKoHoM\n"
    )
    part = analyze(text)[0]
    assert part.approved_on == date(2025, 8, 29) and part.number == "150.2"


def test_a_curator_of_a_student_group_is_not_mentoring() -> None:
    text = (
        "ПОЛОЖЕНИЕ О КУРАТОРЕ СТУДЕНЧЕСКОЙ АКАДЕМИЧЕСКОЙ ГРУППЫ\n1. Общие положения\n"
        "1.1. Куратор студенческой группы назначается деканом факультета. Куратор помогает студентам в адаптации, "
        "организует работу актива группы и взаимодействует с родителями. Куратор отчитывается перед деканом."
    )
    assert analyze(text)[0].type == DocType.other
