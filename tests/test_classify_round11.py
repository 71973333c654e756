"""General rules of issue #14, round 11 (fresh12 read), on the project's own synthetic wording (no real excerpt)."""

from __future__ import annotations

from datetime import date

from crawler.classify import analyze
from crawler.models import DocType


def test_a_report_or_talk_about_a_programme_is_an_article_not_the_programme() -> None:
    talk = (
        "ВЫСТУПЛЕНИЕ О РЕАЛИЗАЦИИ ПРОГРАММЫ НАСТАВНИЧЕСТВА в форме «учитель – учитель»\n"
        "Кузнецова Мария Ивановна, преподаватель колледжа\n"
        "В статье рассмотрен опыт работы наставника с молодым преподавателем. Наставник должен помочь коллеге "
        "освоить программу, а наставничество в колледже в настоящее время стало обязательной частью работы."
    )
    assert analyze(talk)[0].type == DocType.guidelines
    topic = (
        "Реализация программы наставничества в детском саду: от замысла к результату\n"
        "Аннотация. В статье описаны этапы наставничества и роль наставника в адаптации воспитателя.\n"
        "Ключевые слова: наставничество, молодой педагог."
    )
    assert analyze(topic)[0].type == DocType.guidelines


def test_the_programme_itself_keeps_its_type() -> None:
    text = (
        "УТВЕРЖДЕНО\nприказом от 01.09.2024 № 150\n\n"
        "Реализация программы наставничества «Шаг в профессию»\n"
        "1. Пояснительная записка\nНастоящая программа наставничества определяет формы работы наставника."
    )
    part = analyze(text)[0]
    assert part.type == DocType.program and part.number == "150"


def test_a_bare_kind_keeps_its_long_subject_line() -> None:
    subject = (
        "по результатам мониторинга реализации системы наставничества педагогических работников в "
        "общеобразовательных и дошкольных образовательных организациях Энского муниципального округа в 2024 году"
    )
    assert len(subject) > 160
    part = analyze(f"Аналитическая справка\n{subject}\n1. Общие сведения\nВ мониторинге участвовали 40 школ.")[0]
    assert part.title.startswith("Аналитическая справка по результатам мониторинга реализации системы")
    assert part.type in (DocType.report, DocType.external_act)


def test_an_act_approving_a_regulation_for_the_organizations_of_a_territory_is_external() -> None:
    text = (
        "В соответствии с пунктом 12 плана мероприятий по развитию кадрового потенциала системы образования, "
        "утверждённого распоряжением Правительства Энского края от 10.02.2023 № 55-р, приказываю:\n"
        "1. Утвердить Положение о наставничестве для педагогических работников образовательных организаций, "
        "реализующих общеобразовательные программы в Энском крае (приложение) (далее – Положение).\n"
        "2. Контроль за исполнением приказа оставляю за собой."
    )
    part = analyze(text)[0]
    assert part.type == DocType.external_act
    assert "Энском крае" in (part.type_snippet or "")


def test_a_schools_order_citing_the_regional_model_stays_its_own() -> None:
    text = (
        "ПРИКАЗ\nот 02.09.2024 № 88\nОб организации наставничества\n"
        "В соответствии с Положением о наставничестве МБОУ «СОШ № 4» приказываю:\n"
        "1. Утвердить план мероприятий в рамках реализации региональной целевой модели наставничества в "
        "образовательных организациях Энской области на 2024/2025 учебный год.\n"
        "2. Закрепить наставником молодого учителя Иванову А. А. учителя Петрову В. В."
    )
    part = analyze(text)[0]
    assert part.type != DocType.external_act
    assert part.approved_on == date(2024, 9, 2) and part.number == "88"


def test_festive_words_of_the_year_of_the_mentor_are_not_news_of_mentoring() -> None:
    text = (
        "Неделя в школе началась с линейки.\n2023 год объявлен Годом педагога и наставника. 6 марта в нашей школе "
        "прошло занятие «Разговор о важном» о Годе педагога и наставника: ребята обсудили качества учителя, педагога, "
        "наставника, приняли участие в викторине о знаке отличия «За наставничество» и узнали, кого называют "
        "наставником."
    )
    assert analyze(text)[0].type == DocType.other


def test_news_of_a_schools_mentoring_pairs_stays_a_practice() -> None:
    text = (
        "12 октября в нашей школе прошёл день открытых уроков молодых учителей. Наставники посетили уроки "
        "наставляемых и поделились советами; наставническая пара Ивановой и Петровой рассказала о своей работе."
    )
    assert analyze(text)[0].type == DocType.practice
