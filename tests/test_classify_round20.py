"""General rules of issue #14, round 20: the 2023 «Год педагога и наставника», on the project's own wording."""

from __future__ import annotations

from crawler.classify import analyze
from crawler.models import DocType

TABLE = "№ Мероприятие Сроки Ответственный\n"


def test_a_plan_of_the_theme_years_events_is_no_roadmap_of_mentoring() -> None:
    festive = (
        "План основных мероприятий по проведению в 2023 году в МБДОУ «Детский сад № 7» Года педагога и наставника\n"
        + TABLE
        + "1 Оформление стенда к году педагога январь старший воспитатель\n"
        "2 Конкурс рисунков «Мой любимый воспитатель» март воспитатели\n"
    )
    assert analyze(festive)[0].type == DocType.other
    # nor is a report on those events a report on the organization's mentoring (the monitoring criterion)
    report = (
        "Отчёт о проведении мероприятий Года педагога и наставника в МБОУ «СОШ № 3»\n"
        "В течение года в школе прошли конкурс чтецов, праздничный концерт и выставка рисунков. Ветеранов "
        "педагогического труда пригласили на праздник, наставники классов получили благодарственные письма.\n"
    )
    assert analyze(report)[0].type == DocType.other
    # a plan of the organization's mentoring that names the year keeps its type
    mentoring = (
        "План мероприятий по реализации целевой модели наставничества в Год педагога и наставника\n"
        + TABLE
        + "1 Закрепление наставнических пар сентябрь заместитель директора\n"
    )
    assert analyze(mentoring)[0].type == DocType.roadmap


def test_news_of_the_theme_year_that_tells_of_mentoring_pairs_stays_a_practice() -> None:
    # the year's name alone is no mentoring; a heading that also speaks of the school's pairs is
    news = (
        "Год педагога и наставника: наставнические пары школы подвели итоги\n\n"
        "В школе подвели итоги работы наставнических пар за первое полугодие. Молодые учителя вместе со своими "
        "наставниками провели открытые уроки, а на заседании методического совета наставники рассказали, как "
        "помогали коллегам. Наставничество помогает молодым педагогам быстрее освоиться в профессии.\n"
    )
    assert analyze(news)[0].type == DocType.practice
