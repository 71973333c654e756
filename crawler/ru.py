"""Russian words more than one module needs, defined once: month names, the date form, document-type labels.

The evaluation reads dates written in words with these months, the brief prints periods and signature
dates with them, the roadmap parser and the classifier match their stems, the schedule names the
monitoring months; the brief's list of documents and `crawler classify` name the document types with
DOC_TYPE_RU. (The status words, STATUS_RU, live with Status in crawler/models.py.)
"""

from __future__ import annotations

from datetime import date

from crawler.models import DocType

# «май 2026» — a period, a monitoring month
MONTHS_NOM: tuple[str, ...] = (
    "январь", "февраль", "март", "апрель", "май", "июнь",
    "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь",
)  # fmt: skip

# «12 января 2026 г.» — a date in words
MONTHS_GEN: tuple[str, ...] = (
    "января", "февраля", "марта", "апреля", "мая", "июня",
    "июля", "августа", "сентября", "октября", "ноября", "декабря",
)  # fmt: skip

# the part every case form of the month starts with («ма» only with an ending: май, мая, мае)
MONTH_STEMS: tuple[str, ...] = (
    "январ", "феврал", "март", "апрел", "ма", "июн",
    "июл", "август", "сентябр", "октябр", "ноябр", "декабр",
)  # fmt: skip

# month number by its genitive form: «января» → 1
MONTH_NUMBER_GEN: dict[str, int] = {name: number for number, name in enumerate(MONTHS_GEN, 1)}


def ru_date(day: date) -> str:
    """12.01.2026 — a date as Russian documents write it."""
    return f"{day.day:02d}.{day.month:02d}.{day.year}"


# what a document of each classified type is called in the brief and in `crawler classify`
DOC_TYPE_RU: dict[str, str] = {
    DocType.regulation: "Положение о наставничестве",
    DocType.program: "Программа наставничества",
    DocType.roadmap: "Дорожная карта (план мероприятий)",
    DocType.model_order: "Приказ о внедрении целевой модели",
    DocType.curator_order: "Приказ о назначении куратора",
    DocType.pairs_order: "Приказ о закреплении наставнических пар",
    DocType.mentor_registry: "База наставников и наставляемых",
    DocType.individual_plan: "Персонализированная программа",
    DocType.pay_regulation: "Положение об оплате труда (стимулирование)",
    DocType.report: "Отчёт / мониторинг",
    DocType.guidelines: "Методические материалы",
    DocType.practice: "Практики, новости",
    DocType.external_act: "Документ вышестоящего уровня",
    DocType.other: "Прочее",
}
