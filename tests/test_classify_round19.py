"""General rules of issue #14, round 19 (fresh31 … fresh33 read), on the project's own synthetic wording."""

from __future__ import annotations

from crawler.classify import analyze
from crawler.models import DocType


def test_a_news_write_up_titled_the_implementation_of_a_programme_after_a_colon_is_no_programme() -> None:
    # a school's news feed: a quoted headline, a colon, then «реализация программы …» — a story about the
    # programme, not the programme (a programme would count for the roadmap criterion)
    text = (
        "«Вместе интереснее»: реализация программы наставничества в МБОУ СОШ № 12\n\n"
        "Как поддержать учителя, который только пришёл в профессию? Этим вопросом в школе задаются каждую осень. "
        "Наставничество для нас — не отчёт на бумаге, а живая работа: опытные коллеги посещают уроки молодых "
        "учителей, разбирают с ними трудные ситуации и вместе готовят открытые занятия. Наставники делятся "
        "приёмами, наставляемые — свежими идеями, и обе стороны учатся друг у друга.\n"
    )
    assert analyze(text)[0].type != DocType.program
    # the programme itself keeps its type, and so does one whose subject follows a colon
    programme = (
        "Программа наставничества МБОУ СОШ № 12 на 2024–2026 годы\n\n"
        "Паспорт программы наставничества\n1. Цели и задачи программы наставничества\n"
    )
    assert analyze(programme)[0].type == DocType.program
    subject = (
        "Программа наставничества: «Учитель – учитель»\n\nПаспорт программы наставничества\n"
        "1. Цели и задачи программы наставничества\n"
    )
    assert analyze(subject)[0].type == DocType.program
