"""General rules of issue #14, round 4, each on the project's own synthetic wording (no real excerpt)."""

from __future__ import annotations

from datetime import date

import pytest

from crawler.classify import analyze
from crawler.models import DocType


@pytest.mark.parametrize("suffix", ["од", "ОД", "лс"])
def test_order_suffix_glued_to_the_digits(suffix: str) -> None:
    # «№ 57од»: the order's letters follow the digits without a space or a dash
    text = (
        "ПРИНЯТО\nпедагогическим советом\nПротокол № 2 от 10.03.2022 г.\n\n"
        f"УТВЕРЖДЕНО\nприказом № 57{suffix} от 14.03.2022 г.\n\n"
        "ПОЛОЖЕНИЕ\nо внутренней системе оценки качества образования\n1. Общие положения"
    )
    part = analyze(text)[0]
    assert part.approved_on == date(2022, 3, 14) and part.number == f"57{suffix}"


def test_preposition_glued_to_the_number_is_not_part_of_it() -> None:
    # «№ 8от …»: a lost space before «от» — the number is 8, not «8о»
    text = "УТВЕРЖДЕНО\nприказом № 8от 02.09.2021 г.\n\nПОЛОЖЕНИЕ\nоб электронном журнале\n1. Общие положения"
    part = analyze(text)[0]
    assert part.approved_on == date(2021, 9, 2) and part.number == "8"


@pytest.mark.parametrize("org", ["школе", "детскому саду", "учреждению"])
def test_order_by_the_organization_is_not_the_organizations_number(org: str) -> None:
    # «приказом по школе № 15/П»: the order of the school, not a school named «№ 15»
    text = (
        "Энская основная школа\n\nУтверждено\n"
        f"приказом по {org} № 15/П\nот 3 февраля 2014 года\n\n"
        "Положение о школьной библиотеке\n1. Общие положения\n1.1. Положение определяет порядок работы библиотеки."
    )
    part = analyze(text)[0]
    assert part.approved_on == date(2014, 2, 3) and part.number == "15/П"


def test_school_named_by_number_is_still_not_an_order_number() -> None:
    text = (
        "УТВЕРЖДАЮ\nДиректор МБОУ СОШ № 12\n_________ В.В. Орлова\n\n"
        "ПОЛОЖЕНИЕ\nо порядке зачёта результатов обучения\n1. Общие положения"
    )
    part = analyze(text)[0]
    assert part.number is None


def test_publication_certificate_number_is_not_a_stamp() -> None:
    # a publishing outlet's «свидетельство о публикации» under a contest entry: site metadata, not an approval
    text = (
        "Опыт организации наставничества в центре детского творчества\n\n"
        "Автор: Смирнова О.П.\n"
        "Свидетельство о публикации в сетевом издании № СП-40417\n"
        "Конкурс: открытый конкурс «Практики наставничества», номинация «Наставник – молодой педагог»\n"
        "Результат: диплом II степени\n\n"
        "В нашем центре наставничество стало частью методической работы. Наставники проводят для молодых "
        "педагогов открытые занятия, наставляемые ведут дневник наблюдений, а пары наставников и наставляемых "
        "вместе готовят проекты."
    )
    part = analyze(text)[0]
    assert part.number is None and part.approved_on is None


def test_research_article_card_with_mentoring_in_title_and_keywords() -> None:
    # the card of a journal article: its title and keywords name mentoring, the abstract does not repeat it
    text = (
        "Научная статья на тему 'СОПРОВОЖДЕНИЕ НАЧИНАЮЩЕГО ВОСПИТАТЕЛЯ: НАСТАВНИЧЕСТВО И САМООБРАЗОВАНИЕ'\n\n"
        "Текст научной статьи по специальности «Науки об образовании»\n\n"
        "Ключевые слова\nНАЧИНАЮЩИЙ ВОСПИТАТЕЛЬ / АДАПТАЦИЯ / ДОШКОЛЬНОЕ ОБРАЗОВАНИЕ / НАСТАВНИЧЕСТВО\n\n"
        "Аннотация научной статьи по наукам об образовании, автор научной работы — Кузнецова Анна Игоревна\n\n"
        "В статье описаны трудности первого года работы воспитателя детского сада и способы их преодоления: "
        "самообразование, участие в методических объединениях, поддержка опытных коллег."
    )
    assert analyze(text)[0].type == DocType.guidelines


def test_journal_page_with_udc_and_orcid() -> None:
    text = (
        "ВЕСТНИК ПЕДАГОГИЧЕСКИХ ИССЛЕДОВАНИЙ\nУДК 371.1\n"
        "Е. Н. Соколова https://orcid.org/0000-0001-0000-0000\n"
        "Наставник в первый год работы учителя\n"
        "В статье рассматривается, как наставник помогает молодому учителю освоить профессию. "
        "Поддержка наставника снижает число молодых учителей, которые уходят из школы в первые годы."
    )
    assert analyze(text)[0].type == DocType.guidelines


def test_article_card_not_about_mentoring_stays_other() -> None:
    text = (
        "Научная статья на тему 'ЦИФРОВЫЕ ИНСТРУМЕНТЫ НА УРОКАХ ГЕОГРАФИИ'\n\n"
        "Ключевые слова\nГЕОГРАФИЯ / ЦИФРОВАЯ СРЕДА / УРОК\n\n"
        "Аннотация научной статьи по наукам об образовании\n\n"
        "В статье описан опыт применения интерактивных карт на уроках географии в основной школе."
    )
    assert analyze(text)[0].type == DocType.other


@pytest.mark.parametrize("number", ["Б/14-од", "К-7", "ОД/3"])
def test_order_line_with_a_letter_prefixed_number_inside_the_approval_block(number: str) -> None:
    # «Приказ Б/14-од» under «УТВЕРЖДАЮ»: the approving order's reference, not an order heading over the Положение
    text = (
        "Муниципальное бюджетное общеобразовательное учреждение\n«Энская средняя школа»\n\n"
        "ПРИНЯТО\nПедагогическим советом\nПротокол № 4\nот «12» мая 2022г.\n\n"
        f"УТВЕРЖДАЮ\nДиректор\nМБОУ «Энская СОШ»\n___ Н.Н. Белова\nПриказ {number}\nот «13» мая 2022г.\n\n"
        "Положение о системе наставничества педагогических работников\n\n1. Общие положения\n"
        "1.1. Настоящее положение определяет порядок наставничества педагогических работников школы: "
        "наставник назначается приказом директора, наставляемый вместе с наставником составляет план."
    )
    part = analyze(text)[0]
    assert part.type == DocType.regulation
    assert part.approved_on == date(2022, 5, 13)


def test_order_heading_with_a_letter_prefixed_number_still_heads_an_order() -> None:
    text = (
        "МБОУ «Энская средняя школа»\n\nПРИКАЗ К-15\nот 01.09.2023\n\n"
        "О закреплении наставников за молодыми специалистами\n\n"
        "В целях профессиональной адаптации молодых педагогов ПРИКАЗЫВАЮ:\n"
        "1. Закрепить наставником учителя математики Иванову И.И. за молодым специалистом Петровым П.П.\n"
        "2. Контроль исполнения приказа оставляю за собой."
    )
    assert analyze(text)[0].type == DocType.pairs_order


def test_cited_title_left_open_at_the_end_of_the_text_does_not_make_it_pupil_only() -> None:
    # the excerpt ends inside the quoted title of Р-145, whose words a column layout scattered: the citation
    # says nothing about whom the Положение is for
    text = (
        "УТВЕРЖДЕНО\nприказом директора от 01.09.2022 № 88\n\n"
        "Положение о программе наставничества МБОУ «Энская СОШ»\n\n1. Общие положения\n"
        "1.1. Настоящее положение регламентирует внедрение целевой модели наставничества в школе.\n"
        "1.2. Положение разработано в соответствии с распоряжением Минпросвещения от 25.12.2019 № Р-145 "
        "«Об утверждении\nметодологии\n\nорганизаций,\n\n(целевой\n\nмодели)\n\nосуществляющих\n\n"
        "наставничества\n\nобучающихся\n\nобразовательную\n\nдля\n\nдеятельность"
    )
    part = analyze(text)[0]
    assert part.type == DocType.regulation and not part.pupil_only


def test_pupil_only_regulation_still_flagged_when_a_citation_is_left_open() -> None:
    text = (
        "УТВЕРЖДЕНО\nприказом директора от 01.09.2022 № 89\n\n"
        "Положение о наставничестве обучающихся МБОУ «Энская СОШ»\n\n1. Общие положения\n"
        "1.1. Положение определяет формы наставничества «ученик – ученик» среди обучающихся 5–11 классов.\n"
        "1.2. Положение разработано в соответствии с распоряжением от 25.12.2019 № Р-145 «Об утверждении "
        "методологии (целевой модели) наставничества"
    )
    part = analyze(text)[0]
    assert part.pupil_only
