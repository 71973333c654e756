"""General rules of issue #14, round 8 (fresh8 read), each on the project's own synthetic wording (no real excerpt)."""

from __future__ import annotations

from datetime import date

import pytest

from crawler.classify import analyze


def test_a_hidden_e_mail_of_the_letterhead_is_no_seal() -> None:
    # a site hides the address as «[email protected]»: its brackets are not the noise of a seal over the stamp
    text = (
        "Муниципальное казенное общеобразовательное учреждение «Школа № 33» 652055, Энская обл., г. Энск, "
        "ул. Садовая, д. 4, тел. 8(38451)38780, e-mail: [email protected] СОГЛАСОВАНО: Педагогическим советом "
        "МКОУ «Школа № 33» Протокол № 2 от 29.08.2023 Положение о театральной студии 1. Общие положения 1.1. "
        "Настоящее положение о театральной студии разработано в соответствии с Федеральным законом № 273-ФЗ от "
        "29.12.2012 «Об образовании в Российской Федерации»."
    )
    part = analyze(text)[0]
    assert part.approved_on == date(2023, 8, 29) and part.number == "2"


@pytest.mark.parametrize("suffix", ["осн", "лс", "к"])
def test_letters_glued_to_the_number(suffix: str) -> None:
    text = (
        "МАОУ СОШ № 9\nПРИКАЗ\n13.08.2025\n№\n"
        f"252{suffix}\nОб утверждении\nПоложения об оказании логопедической помощи\nНа основании закона ПРИКАЗЫВАЮ:\n"
        "1. Утвердить положение."
    )
    part = analyze(text)[0]
    assert part.approved_on == date(2025, 8, 13) and part.number == f"252{suffix}"


def test_a_day_in_quotes_with_a_space_and_a_spaced_year() -> None:
    text = (
        "Рассмотрено на общешкольном\nродительском собрании\nПротокол № 2\nот « 28» 08.2023 г\n\n«УТВЕРЖДАЮ»\n"
        "Директор МОУ «СОШ с. Энское»\n/В.В. Петрова/\nПриказ № 36\nот «29» 08. 2023 г\n\nПОЛОЖЕНИЕ\nО СОВЕТЕ ОТЦОВ\n"
        "I. Общие положения"
    )
    part = analyze(text)[0]
    assert part.approved_on == date(2023, 8, 29) and part.number == "36"


def test_an_old_act_keeps_its_date() -> None:
    text = (
        "ГОСУДАРСТВЕННЫЙ КОМИТЕТ ПО ФИЗИЧЕСКОЙ КУЛЬТУРЕ И СПОРТУ\n\nПРИКАЗ\n\nот 9 апреля 1987 г. N 228\n\n"
        "О ВВЕДЕНИИ В ДЕЙСТВИЕ ПОЛОЖЕНИЯ О ДЕТСКО-ЮНОШЕСКОЙ СПОРТИВНОЙ ШКОЛЕ\n\nПриказываю:\n\n"
        "Ввести в действие с 1 сентября 1987 года Положение о детско-юношеской спортивной школе."
    )
    part = analyze(text)[0]
    assert part.approved_on == date(1987, 4, 9) and part.number == "228"


def test_an_undated_approval_beside_an_adoption_gives_nothing() -> None:
    # the methodologist's rule: «Утверждаю» without a date makes the council's date no approval
    text = (
        "УТВЕРЖДАЮ Принято 25.03.2021 г.\nЗаведующий МКДОУ ДС _____________________\n№ 11 с. Энское\n"
        "__________________ Е.И. Петрова\nПоложение\nо Родительском комитете\n1.Общие положения"
    )
    part = analyze(text)[0]
    assert part.approved_on is None and part.number is None


def test_a_higher_bodys_protocol_cited_in_the_preamble() -> None:
    text = (
        "1. Общие положения\n1.1. Настоящее положение разработано в соответствии с Федеральным законом от "
        "29.12.2012 № 273-ФЗ «Об образовании в Российской Федерации», уставом МБОУ «Энская СОШ», во исполнение "
        "пункта 3 Протокола заседания Совета Министерства просвещения РФ по вопросам создания и развития школьных "
        "театров в образовательных организациях субъектов Российской Федерации от 24.03.2022 № 1.\n"
        "1.2. Настоящее положение регулирует деятельность школьного театра."
    )
    part = analyze(text)[0]
    assert part.approved_on is None and part.number is None
