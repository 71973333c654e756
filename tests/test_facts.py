"""Approval stamps, numbers, dates, periods, signatures and owners across the forms of DOMAIN.md §1.3."""

from __future__ import annotations

from datetime import date

import pytest

from crawler.classify import analyze
from crawler.classify.facts import all_dates, owner_matches
from crawler.models import DocType

TITLE = "\n\nПОЛОЖЕНИЕ\nо системе наставничества педагогических работников\n\n1. Общие положения\n1.1. Текст.\n"


@pytest.mark.parametrize(
    "stamp,approved_on,number",
    [
        ("УТВЕРЖДЕНО приказом от 11.03.2024 № 0123", "2024-03-11", "0123"),
        (
            "УТВЕРЖДЕНО приказом руководителя МБОУ «СОШ № 12» от 21.02.2022 № 122\n"
            "ПРИНЯТО Педагогическим советом протокол от 21.02.2022 № 1",
            "2022-02-21",
            "122",
        ),
        (
            "РАССМОТРЕНО и ПРИНЯТО на заседании педагогического совета Протокол № 17 от «30» октября 2022 г.\n"
            "УТВЕРЖДЕНО И.о.директора ______ Иванова И.И. Приказ № 575 от 01 ноября 2022 г.",
            "2022-11-01",
            "575",
        ),
        (
            "Принято на заседании Педагогического совета Протокол № 5 от 16.05.2022 г. УТВЕРЖДЕНО Приказом "
            "директора № 102 от 16.05.2022 г",
            "2022-05-16",
            "102",
        ),
        ("УТВЕРЖДЕНО приказом от «31»__08_2021_г. № 127-а____", "2021-08-31", "127-а"),
        ("УТВЕРЖДАЮ Директор ____ А.А. Иванова Приказ № 41-од от «16» февраля 2024 г.", "2024-02-16", "41-од"),
        ("УТВЕРЖДЕНО приказом от 01.09.2022 № 21/1", "2022-09-01", "21/1"),
        ("УТВЕРЖДЕНО приказом от 30.08.2021г. № 11/2", "2021-08-30", "11/2"),
        ("УТВЕРЖДЕНО приказом № К/76 -од от 19.12.2022", "2022-12-19", "К/76 -од"),
        ("УТВЕРЖДЕНО приказом от 19.12.2022 № 01-03\\482", "2022-12-19", "01-03\\482"),
        ("Утверждено пр-з № 3-од от 02.09.2024", "2024-09-02", "3-од"),
        ("Приложение № 2 к приказу от 01.09.2022 № 21/1", "2022-09-01", "21/1"),
        ("Приложение 1 к приказу № 54 от 04.09.2023", "2023-09-04", "54"),
        ("УТВЕРЖДЕНО приказом заведующего № 42-ОД от 30.08.2023", "2023-08-30", "42-ОД"),
    ],
)
def test_approval_stamps(stamp: str, approved_on: str, number: str) -> None:
    part = analyze(stamp + TITLE)[0]
    assert part.type == DocType.regulation
    assert part.approved_on is not None and part.approved_on.isoformat() == approved_on
    assert part.number == number
    assert part.approval_snippet and number.split()[0] in part.approval_snippet
    assert not part.unnumbered_approval


def test_interleaved_two_column_stamp() -> None:
    # a two-column stamp read line by line by a PDF extractor mixes the two blocks
    stamp = (
        "ПРИНЯТО УТВЕРЖДЕНО\nпедагогическим советом приказом директора\nпротокол № 5 от 16.05.2022 от 21.02.2022 № 122"
    )
    part = analyze(stamp + TITLE)[0]
    assert (part.approved_on, part.number) == (date(2022, 2, 21), "122")
    assert part.adopted_snippet and "протокол № 5" in part.adopted_snippet


def test_adoption_snippet() -> None:
    part = analyze(
        "ПРИНЯТО\nобщим собранием работников\nпротокол № 2 от 29.08.2023\n\nУТВЕРЖДЕНО\nприказом от 30.08.2023 № 77"
        + TITLE
    )[0]
    assert part.adopted_snippet and part.adopted_snippet.startswith("ПРИНЯТО")
    assert "протокол № 2 от 29.08.2023" in part.adopted_snippet
    assert part.number == "77"


def test_unnumbered_approval() -> None:
    part = analyze("УТВЕРЖДАЮ\nДиректор школы ________ И.И. Иванов" + TITLE)[0]
    assert part.unnumbered_approval and part.number is None and part.approved_on is None
    assert part.approval_snippet and part.approval_snippet.startswith("УТВЕРЖДАЮ")


@pytest.mark.parametrize(
    "head,approved_on,number",
    [
        ("ПРИКАЗ\n01.09.2025 № 26/1\nг. Тонкино", "2025-09-01", "26/1"),
        ("ПРИКАЗ\nот «16» февраля 2024 г.                  № 41-од", "2024-02-16", "41-од"),
        ("Приказ № 575 от 01 ноября 2022 г.", "2022-11-01", "575"),
        ("ПРИКАЗ\n№ 117-од\nот 02.09.2024", "2024-09-02", "117-од"),
    ],
)
def test_order_own_requisites(head: str, approved_on: str, number: str) -> None:
    text = (
        "МБОУ «СОШ № 12»\n" + head + "\n\nО закреплении наставнических пар\n\nПРИКАЗЫВАЮ:\n"
        "1. Закрепить наставников (протокол № 3 от 01.02.2020)."
    )
    part = analyze(text)[0]
    assert part.type == DocType.pairs_order
    assert (part.approved_on.isoformat() if part.approved_on else None, part.number) == (approved_on, number)


@pytest.mark.parametrize(
    "phrase,start,end,years",
    [
        ("на 2024-2025 учебный год", date(2024, 9, 1), date(2025, 8, 31), ["2024-2025"]),
        ("на 2024/2025 уч. год", date(2024, 9, 1), date(2025, 8, 31), ["2024-2025"]),
        ("на 2024/25 учебный год", date(2024, 9, 1), date(2025, 8, 31), ["2024-2025"]),
        ("на 2022-2023 год", date(2022, 9, 1), date(2023, 8, 31), ["2022-2023"]),
        ("на 2023-2026 учебные годы", date(2023, 9, 1), date(2026, 8, 31), ["2023-2024", "2024-2025", "2025-2026"]),
        ("на период 2023–2025 гг.", date(2023, 1, 1), date(2025, 12, 31), []),
        ("на период до 2027 года", None, date(2027, 12, 31), []),
        ("на 2026 год", date(2026, 1, 1), date(2026, 12, 31), []),
    ],
)
def test_periods(phrase: str, start: date | None, end: date, years: list[str]) -> None:
    part = analyze(f"Программа наставничества педагогических работников {phrase}\n\nНаставник, наставляемый.")[0]
    assert part.type == DocType.program
    assert (part.period_start, part.period_end, part.academic_years) == (start, end, years)
    assert part.period_snippet and phrase.split()[-2] in part.period_snippet


def test_dates_are_not_invented_from_numbers() -> None:
    text = "Приказ № 12 от 01.09.2023. Протокол № 5 от «30» октября 2022 г. Пункт 1.2.3, 2023 год, № 2023-45."
    assert all_dates(text) == [date(2022, 10, 30), date(2023, 9, 1)]
    assert all_dates("счёт 45.67.8901 и 99.99.2020") == []


@pytest.mark.parametrize(
    "text,hints,field,expected",
    [
        (
            "ДОКУМЕНТ ПОДПИСАН ЭЛЕКТРОННОЙ ПОДПИСЬЮ\nСертификат: 036BCB00A1B2C3D4E5F6\nВладелец: Иванова И.И.\n"
            "Действителен с 20.12.2021 до 20.12.2022",
            {},
            False,
            "Действителен с 20.12.2021 до 20.12.2022",
        ),
        ("Подписано цифровой подписью: Петров П.П.\nДата: 2022.05.13 16:05:04 +07'00'", {}, False, "Подписано"),
        ("", {"link_text": "Положение о наставничестве (подписано электронной подписью)"}, False, "подписано"),
        ("", {"link_text": "Положение о наставничестве (электронный документ)"}, False, "электронный документ"),
        ("", {}, True, "PDF"),
    ],
)
def test_signature_marks(text: str, hints: dict[str, str], field: bool, expected: str) -> None:
    part = analyze(TITLE + "\n" + text, signature_field=field, **hints)[0]
    assert part.signed and expected in (part.signature_snippet or "")


def test_unsigned() -> None:
    part = analyze(TITLE)[0]
    assert not part.signed and part.signature_snippet is None


@pytest.mark.parametrize(
    "header,site,expected",
    [
        ("МБДОУ д/с 27", "МБДОУ д/с 72", False),
        ("МБДОУ «Детский сад № 72»", "МБДОУ д/с 72", True),
        (
            "МАОУ «СОШ № 14»",
            "Муниципальное автономное общеобразовательное учреждение «Средняя общеобразовательная школа № 14»",
            True,
        ),
        ("МБОУ «СОШ № 12»", "МАОУ «СОШ № 14»", False),
        ("МАОУ «Гимназия»", "МАОУ «Гимназия»", True),
        ("МБОУ «СОШ № 3»", None, None),
        ("МБОУ «СОШ № 3»", "МБДОУ д/с № 3", False),
    ],
)
def test_owner_match(header: str, site: str | None, expected: bool | None) -> None:
    part = analyze(f"{header}\nПОЛОЖЕНИЕ\nо наставничестве педагогических работников\n\n1. Текст.", org_name=site)[0]
    assert part.owner_name and header.split()[0] in part.owner_name
    assert part.owner_matches is expected


def test_owner_full_name_in_header() -> None:
    text = (
        "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 5»\n"
        "ПРИКАЗ\n01.09.2024 № 10\n\nО назначении куратора наставничества\n"
    )
    part = analyze(text, org_name="МБОУ СОШ № 7")[0]
    assert part.owner_name and "№ 5" in part.owner_name
    assert part.owner_matches is False
    assert owner_matches("МБОУ СОШ № 5", "МБОУ «Средняя общеобразовательная школа №5»") is True
    assert owner_matches(None, "МБОУ СОШ № 5") is None


def test_order_named_in_an_upper_case_stamp_is_not_an_order() -> None:
    text = "УТВЕРЖДАЮ\nДиректор ______ И.И. Иванов\nПРИКАЗ № 575 от 01.11.2022\n" + TITLE + "Наставник. " * 5
    parts = analyze(text)
    assert [p.type for p in parts] == [DocType.regulation]
    assert (parts[0].number, parts[0].approved_on) == ("575", date(2022, 11, 1))


def test_owner_letterhead_over_two_lines() -> None:
    text = (
        "Муниципальное бюджетное общеобразовательное учреждение\n«Тонкинская средняя общеобразовательная\n"
        "школа № 1»\nПРИКАЗ\n01.09.2025 № 5\n\nО закреплении наставнических пар\n"
    )
    part = analyze(text, org_name="МБОУ «Тонкинская СОШ № 1»")[0]
    assert part.owner_name and "школа № 1" in part.owner_name
    assert part.owner_matches is True
    assert analyze(text, org_name="МБОУ «Тонкинская СОШ № 2»")[0].owner_matches is False


def test_month_range_period_in_title() -> None:
    part = analyze("Дорожная карта внедрения наставничества на период сентябрь 2022 – май 2024\n\nНаставник.")[0]
    assert part.type == DocType.roadmap
    assert (part.period_start, part.period_end) == (date(2022, 9, 1), date(2024, 5, 31))


def test_ocr_variants_of_the_number_sign() -> None:
    part = analyze("УТВЕРЖДЕНО\nприказом от 30.08.2022 ЛЪ 97-од" + TITLE)[0]
    assert (part.approved_on, part.number) == (date(2022, 8, 30), "97-од")
    part = analyze("УТВЕРЖДЕНО\nприказом No 12 от 01.09.2023" + TITLE)[0]
    assert (part.approved_on, part.number) == (date(2023, 9, 1), "12")
