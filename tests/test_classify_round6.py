"""General rules of issue #14, round 6 (fresh6 read), each on the project's own synthetic wording (no real excerpt)."""

from __future__ import annotations

from datetime import date

from crawler.classify import analyze


def test_a_date_goes_with_the_protocol_word_that_follows_it() -> None:
    # two column stamps read line by line: the order's requisites first, then the council's date and «Протокол № …»
    text = (
        "ОДОБРЕНО\nрешением Педагогического совета\n\nУТВЕРЖДЕНО\nприказом директора\nколледжа\n"
        "от «15» марта 2024 г. № 212\n\nколледжа\nот «28» февраля 2024 г.\nПротокол № 7\n\n"
        "Положение\nо наставничестве педагогических работников колледжа\n1. ОБЩИЕ ПОЛОЖЕНИЯ\n"
        "1.1. Настоящее Положение определяет цели и порядок наставничества педагогических работников колледжа."
    )
    part = analyze(text)[0]
    assert part.approved_on == date(2024, 3, 15) and part.number == "212"


def test_a_day_in_quotes_before_the_month_and_year_in_digits() -> None:
    text = (
        "Рассмотрено на заседании\nпедагогического совета\nПротокол № 1 от «30» 08.2024г.\n\nПОЛОЖЕНИЕ\n"
        "о группе продлённого дня\n1. Общие положения\n1.1. Положение определяет порядок работы группы."
    )
    part = analyze(text)[0]
    assert part.approved_on == date(2024, 8, 30) and part.number == "1"


def test_a_lettered_order_number_without_the_number_sign() -> None:
    text = (
        "ЧНДОУ «Детский сад № 12»\nПРИКАЗ 14-ОР 30.08.2024\n\nО режиме пожарной безопасности в 2024-2025 учебном году\n"
        "В целях обеспечения пожарной безопасности п р и к а з ы в а ю:\n1. Назначить ответственного."
    )
    part = analyze(text)[0]
    assert part.approved_on == date(2024, 8, 30) and part.number == "14-ОР"


def test_a_sites_time_stamp_is_not_the_orders_date() -> None:
    text = (
        "Приказ об организации питания учащихся | Школьное питание | Автор: Administrator | 06.09.2024 00:00 | "
        "Приказ №3 от 27.08.2024 г.\nПо Энской основной школе\n«Об организации питания учащихся»\nПРИКАЗЫВАЮ:\n"
        "1. Назначить ответственным за организацию питания учителя начальных классов."
    )
    part = analyze(text)[0]
    assert part.approved_on == date(2024, 8, 27) and part.number == "3"


def test_a_portals_preamble_above_the_order_is_not_the_document() -> None:
    text = (
        "Основная информация\nДата опубликования: | 13 декабря 2023г. |\nНомер документа: | RU64000202302155 |\n"
        "Тип документа: | Приказы |\nБесплатная консультация\nУ вас есть вопросы по содержанию нормативно-правового "
        "акта? Наша команда юристов готова дать бесплатную консультацию по телефону 8 (800) 555-00-00.\n"
        "Текущая редакция документа\nМИНИСТЕРСТВО ОБРАЗОВАНИЯ ЭНСКОЙ ОБЛАСТИ\nПРИКАЗ\n13.12.2023 г. № 2501\n"
        "О внесении изменений в приказ министерства образования Энской области от 1 апреля 2010 года № 818\n"
        "В соответствии с законодательством ПРИКАЗЫВАЮ:\n1. Внести изменения в приказ."
    )
    part = analyze(text)[0]
    assert part.approved_on == date(2023, 12, 13) and part.number == "2501"


def test_a_protocol_date_before_the_orders_word_and_the_orders_own_date_after() -> None:
    # two columns on one line: the council's date, then «приказ № 94 от 01.09.2025» of the approving column
    text = (
        "СОГЛАСОВАНО УТВЕРЖДАЮ\nметодическим советом, протокол № 1 — Директор А.Н. Волков\n"
        "от 28.08.2025 приказ № 94 от 01.09.2025\n\nПрограмма наставничества педагогических работников школы\n"
        "1. Пояснительная записка"
    )
    part = analyze(text)[0]
    assert part.approved_on == date(2025, 9, 1) and part.number == "94"
