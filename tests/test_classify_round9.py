"""General rules of issue #14, round 9 (fresh9 read), each on the project's own synthetic wording (no real excerpt)."""

from __future__ import annotations

from datetime import date

from crawler.classify import analyze
from crawler.models import DocType


def test_approved_at_the_councils_meeting_with_a_filled_in_date() -> None:
    text = (
        "Понедельник, 29.04.2024, 13:47\nПриветствую Вас, Гость\n\nУтверждено\n\nна педагогическом\n\n"
        "совете ГОУ СОШ №828\n\n«_30_» августа_2007г\n\nПоложение о порядке выдачи документов об образовании\n\n"
        "1. Общие положения.\n\n1. Положение определяет порядок выдачи документов."
    )
    part = analyze(text)[0]
    assert part.approved_on == date(2007, 8, 30) and part.number is None


def test_an_abbreviated_suffix_with_dots_is_part_of_the_number() -> None:
    text = (
        "УТВЕРЖДЕН приказом директора МБОУ «Энская ООШ» от 31.08.2023г. № 112-о.д. ПОРЯДОК пользования объектами "
        "спорта МБОУ «Энская ООШ» ПРИНЯТ Педагогическим советом протокол от 31.08.2023г. № 5 1. Общие положения "
        "1.1. Порядок определяет правила пользования объектами спорта."
    )
    part = analyze(text)[0]
    assert part.approved_on == date(2023, 8, 31) and part.number == "112-о.д."


def test_the_number_of_a_boarding_school_is_the_organizations() -> None:
    text = (
        "Рассмотрено и одобрено\n\nУтверждаю\nДиректор МОУ Энская\nСОШИ №4\n____________ С.В. Белова\nПриказ № 155\n\n"
        "педагогическим Советом\nПротокол № 4\nот « 03 » апреля 2024г.\n\nот «04 » мая\n\n2024г.\n\n"
        "Положение о туристическом клубе «Аврора»\n1. Общее положение."
    )
    assert analyze(text)[0].number == "155"


def test_the_target_model_retold_after_r145_does_not_make_a_programme_pupil_only() -> None:
    text = (
        "Программа наставничества в ГБПОУ «Энский техникум»\nНастоящая программа наставничества разработана во "
        "исполнение Распоряжения Министерства просвещения РФ от 25 декабря 2019 г. N Р-145 о внедрении Целевой "
        "модели наставничества обучающихся для организаций, осуществляющих образовательную деятельность.\n"
        "Наставники помогают молодым преподавателям и студентам техникума."
    )
    part = analyze(text)[0]
    assert part.type == DocType.program and not part.pupil_only


def test_the_lesson_stages_of_a_teachers_materials_site_are_no_title() -> None:
    text = (
        "СДЕЛАЙТЕ СВОИ УРОКИ ЕЩЁ ЭФФЕКТИВНЕЕ\n\nОрганизационный момент\n\nПроверка знаний\n\nОбъяснение материала\n\n"
        "Закрепление изученного\n\nИтоги урока\n\nПоложение о программе наставничества\n\nКатегория: Завучу\n\n"
        "Просмотр содержимого документа\n«Положение о программе наставничества»\n\n"
        "приложение 1 к приказу ГБПОУ «ЭМТ»\nот ______2024 года № ______\n\n1. Общие положения\n"
        "1.1. Положение определяет порядок наставничества педагогических работников техникума."
    )
    part = analyze(text)[0]
    assert part.type == DocType.regulation and part.title.startswith("Положение о программе наставничества")
