"""Roadmap parser: both seed roadmaps item by item, every deadline form, DOCX and PDF tables, the command."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from crawler.errors import InputError
from crawler.resources import rules_dir
from crawler.roadmap import (
    RoadmapError,
    parse_deadline,
    parse_roadmap,
    parse_roadmap_text,
    periodic_months,
    roadmap_text,
)

# the two seed roadmaps, committed as test data
SEEDS = Path(__file__).resolve().parent / "data" / "roadmaps"
DISTRICT = SEEDS / "district-tonkino-2023.txt"
SCHOOL = SEEDS / "school-14-2027.txt"
RULES_ROADMAP = rules_dir() / "roadmap-district.txt"
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def _district_path() -> Path:
    return DISTRICT if DISTRICT.exists() else RULES_ROADMAP


# number, section prefix, activity prefix, deadline kind, months, years, responsible prefix, result prefix
DISTRICT_ITEMS = [
    ("1.1", "1. Нормативно", "Разработка дорожных карт или программ", "month", [2], [2023],
     "Руководители образовательных организаций (ОО, ДОУ, ДО)", "Дорожные карты по развитию"),
    ("1.2", "1. Нормативно", "Разработка пакета локальных актов", "range", [5, 6], [2023],
     "ИДК, руководители образовательных", "Локальные акты, методические рекомендации"),
    ("1.3", "1. Нормативно", "Внесение дополнений/ изменений в Положение о системе оплаты труда", "range", [5, 6],
     [2023], "руководители образовательных", "Изменения в локальные акты"),
    ("2.1", "2. Информационно", "Информирование образовательных организаций", "month", [2], [2023], "ИДК",
     "Информационные письма"),
    ("2.2", "2. Информационно", "Систематическое обновление информации на сайтах", "continuous", [], [],
     "Руководители образовательных организаций (ОО, ДОУ, ДО), кураторы в ОО", "Наличие на сайтах"),
    ("2.3", "2. Информационно", "Рассмотрение вопросов", "during_period", [], [], "ИДК, образовательные",
     "Экспертно-консультационная поддержка"),
    ("2.4", "2. Информационно", "Консультирование по вопросам", "during_period", [], [], "ИДК, образовательные",
     "Экспертно-консультационная поддержка"),
    ("3.1", "3. Внедрение", "Создание условий для реализации", "during_period", [], [], "образовательные",
     "Нормативное обеспечение, распорядительная документация"),
    ("3.2", "3. Внедрение", "Формирование базы наставников и наставляемых", "during_period", [], [],
     "образовательные", "База наставников и наставляемых"),
    ("3.3", "3. Внедрение", "Организация работы наставнических пар или групп", "during_period", [], [],
     "образовательные", "Методические материалы"),
    ("4.1", "4. Содействие", "Формирование реестра успешных практик", "during_period", [], [], "образовательные",
     "Реестр успешных практик"),
    ("4.2", "4. Содействие", "Информационное освещение", "during_period", [], [], "образовательные",
     "Размещение информации на сайтах"),
    ("5.1", "5. Мониторинг", "Организация мониторинга сайтов", "annual", [1, 5], [], "ИДК", "Мониторинг сайтов ОО"),
    ("5.2", "5. Мониторинг", "Мониторинг форм наставничества", "annual", [5, 12], [], "ИДК",
     "Данные о формах наставничества"),
    ("5.3", "5. Мониторинг", "Мониторинг реализации и эффективности", "annual", [5, 6], [], "ИДК",
     "Информационная справка"),
    ("5.4", "5. Мониторинг", "Мониторинг внедрения и реализации", "annual_not_later", [12], [], "ИДК",
     "Информационная справка"),
    ("5.5", "5. Мониторинг", "Сбор и анализ данных", "on_request", [], [], "ИДК", "Получены и обобщены"),
    ("5.6", "5. Мониторинг", "Подготовка аналитического отчета", "annual", [], [], "ИДК", "Аналитический отчет"),
    ("6.1", "6. Контроль исполнения", "На уровне образовательных организаций: - контроль", "annual", [], [],
     "Руководители образовательных организаций (ОО, ДОУ, ДО), кураторы в ОО", "Аналитические материалы"),
    ("6.2", "6. Контроль исполнения", "На уровне муниципалитета: - исполнение", "annual", [], [], "ИДК",
     "Аналитические материалы"),
]  # fmt: skip

SCHOOL_ITEMS = [
    ("1", "Выпуск нормативно-правовый", "range", [3, 4], [2024], "директор, заместитель директора"),
    ("2", "Формирование рабочей группы", "range", [3, 4], [2024], "директор, заместитель директора"),
    ("3", "Назначение куратора", "month", [3], [2024], "директор"),
    ("4", "Разработка и утверждение «дорожной карты»", "month", [3], [2024],
     "директор, заместитель директора, куратор программы"),
    ("5", "Информирование педагогическое сообщество", "month", [3], [2024], "директор, заместитель директора"),
    ("6", "Создание на официальном сайте школы раздела «Наставничество»", "month", [3], [2024],
     "куратор программы, инженер-программист"),
    ("7", "Формирование базы (реестра) наставляемых", "month", [3], [2024], "заместитель директора, куратор"),
    ("8", "Проведение отбора наставников", "range", [3, 4], [2024], "куратор программы"),
    ("9", "Подготовка наставников", "range", [4, 5, 6, 7, 8, 9], [2024], "заместитель директора, куратор"),
    ("10", "Закрепление пар наставников и наставляемых", "month", [9], [2024], "директор, куратор программы"),
    ("11", "Разработка индивидуальных планов", "month", [9], [2024], "куратор программы, наставники"),
    ("12", "Обучение наставников", "per_plan", [], [], "заместитель директора, куратор программы"),
    ("13", "Участие в работе Городского совета кураторов", "per_plan", [], [], "куратор программы"),
    ("14", "Непосредственная работа наставника", "per_plan", [], [], "наставники"),
    ("15", "Мониторинг и промежуточные оценки", "per_plan", [], [], "куратор программы"),
    ("16", "Пересмотр существующего процесса", "dates", [5], [2025, 2026, 2027], "куратор программы"),
    ("17", "Оформление итогов совместной работы", "per_plan", [], [], "наставники, наставляемые"),
    ("18", "Подведение итогов", "month", [12], [2027], "заместитель директора, куратор программы"),
]  # fmt: skip


def test_district_roadmap_every_item() -> None:
    roadmap = parse_roadmap(_district_path())
    assert [i.number for i in roadmap.items] == [row[0] for row in DISTRICT_ITEMS]
    for item, (number, section, activity, kind, months, years, responsible, result) in zip(
        roadmap.items, DISTRICT_ITEMS, strict=True
    ):
        assert item.number == number
        assert item.section and item.section.startswith(section), (number, item.section)
        assert item.activity.startswith(activity), (number, item.activity)
        assert item.deadline.kind == kind, (number, item.deadline)
        assert item.deadline.months == months, (number, item.deadline)
        assert item.deadline.years == years, (number, item.deadline)
        assert item.responsible.startswith(responsible), (number, item.responsible)
        assert item.result.startswith(result), (number, item.result)
    assert roadmap.title.startswith("Дорожная карта по реализации целевой модели наставничества")
    assert roadmap.title.endswith("на 2023 год.")
    assert roadmap.approved_by and "от 03.02.2023" in roadmap.approved_by and "№14" in roadmap.approved_by


def test_district_roadmap_no_cell_leaks_between_items() -> None:
    roadmap = parse_roadmap(_district_path())
    by_number = {i.number: i for i in roadmap.items}
    # the multi-line activity of 6.1 is kept whole, and its deadline did not leak into it
    assert "контроль за реализацией программ наставничества" in by_number["6.1"].activity
    assert "Ежегодно" not in by_number["6.1"].activity
    # a section header is never an item, and never glued to the previous item's result
    assert not any("Контроль исполнения" in i.result for i in roadmap.items)
    assert by_number["5.6"].result == "Аналитический отчет"
    assert by_number["1.2"].deadline.raw == "май -июнь 2023 г"


def test_school_roadmap_every_item() -> None:
    roadmap = parse_roadmap(SCHOOL)
    assert [i.number for i in roadmap.items] == [str(n) for n in range(1, 19)]
    for item, (number, activity, kind, months, years, responsible) in zip(roadmap.items, SCHOOL_ITEMS, strict=True):
        assert item.number == number
        assert item.section is None
        assert item.activity.startswith(activity), (number, item.activity)
        assert item.deadline.kind == kind, (number, item.deadline)
        assert item.deadline.months == months
        assert item.deadline.years == years
        assert item.responsible.startswith(responsible), (number, item.responsible)
    assert roadmap.title.startswith("«Дорожная карта» внедрения целевой модели")
    assert "до 2027 года" in roadmap.title and "**" not in roadmap.title
    assert roadmap.approved_by and "от 11.03.2024 № 0123" in roadmap.approved_by
    item16 = roadmap.item("16")
    assert item16 is not None
    assert [(o.year, o.month) for o in item16.deadline.occurrences] == [(2025, 5), (2026, 5), (2027, 5)]


def test_periodic_months_of_the_monitoring_item() -> None:
    roadmap = parse_roadmap(_district_path())
    assert periodic_months(roadmap) == [1, 5]
    assert periodic_months(roadmap, "5.2") == [5, 12]
    assert periodic_months(roadmap, "5.1.") == [1, 5]
    with pytest.raises(RoadmapError, match=r"нет пункта 9\.9"):
        periodic_months(roadmap, "9.9")


@pytest.mark.parametrize(
    ("raw", "kind", "months", "years", "day_ranges"),
    [
        ("февраль 2023г", "month", [2], [2023], []),
        ("февраль 2023 ", "month", [2], [2023], []),
        ("май -июнь 2023 г", "range", [5, 6], [2023], []),
        ("Ежегодно в январе и мае", "annual", [1, 5], [], []),
        ("Ежегодно в январе и мае в течение периода реализации", "annual", [1, 5], [], []),
        ("Ежегодно, не позднее 15 декабря", "annual_not_later", [12], [], [(12, None, 15)]),
        ("Ежегодно в мае и 1-15 декабря", "annual", [5, 12], [], [(12, 1, 15)]),
        ("Ежегодно в мае и не позднее 1 июня", "annual", [5, 6], [], [(6, None, 1)]),
        ("постоянно", "continuous", [], [], []),
        ("В течение периода реализации", "during_period", [], [], []),
        ("согласно плану наставничества", "per_plan", [], [], []),
        ("согласно плану работы совета", "per_plan", [], [], []),
        ("май 2025 г., май 2026 г., май 2027 г.", "dates", [5], [2025, 2026, 2027], []),
        ("март-апрель 2024 г.", "range", [3, 4], [2024], []),
        ("апрель-сентябрь 2024 г.", "range", [4, 5, 6, 7, 8, 9], [2024], []),
        ("декабрь 2027 г.", "month", [12], [2027], []),
        ("По запросу", "on_request", [], [], []),
        ("Ежегодно", "annual", [], [], []),
        ("Ежегодно, в течение периода реализации", "annual", [], [], []),
        ("до 01.09.2024", "dates", [9], [2024], [(9, 1, 1)]),
        ("II квартал 2025 г.", "range", [4, 5, 6], [2025], []),
        ("ноябрь-февраль", "range", [1, 2, 11, 12], [], []),
        ("когда-нибудь", "unknown", [], [], []),
    ],
)
def test_deadline_forms(
    raw: str, kind: str, months: list[int], years: list[int], day_ranges: list[tuple[int, int | None, int]]
) -> None:
    deadline = parse_deadline(raw)
    assert deadline.kind == kind
    assert deadline.months == months
    assert deadline.years == years
    assert [(d.month, d.start, d.end) for d in deadline.day_ranges] == day_ranges
    assert deadline.raw == raw.strip()


def test_docx_roadmap_table(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("УТВЕРЖДЕНО приказом МБОУ «СОШ № 3» от 01.09.2025 № 41-од")
    document.add_paragraph("")
    document.add_paragraph("Дорожная карта внедрения наставничества на 2025-2026 учебный год")
    table = document.add_table(rows=0, cols=4)
    rows = [
        ("№ п/п", "Мероприятие", "Срок", "Ответственный"),
        ("1. Организационный этап", None, None, None),
        ("1.1.", "Издание приказа о назначении куратора", "сентябрь 2025 г.", "директор"),
        ("1.2.", "Закрепление наставнических пар\nс письменного согласия", "сентябрь-октябрь 2025 г.", "куратор"),
        ("2. Мониторинг", None, None, None),
        ("2.1.", "Мониторинг удовлетворённости", "Ежегодно в мае", "куратор, наставники"),
        ("Итоговый этап", None, None, None),
        ("3.1.", "Итоговая конференция", "май 2026 г.", "заместитель директора"),
    ]
    for values in rows:
        cells = table.add_row().cells
        if values[1] is None:
            merged = cells[0].merge(cells[3])
            merged.text = values[0]
            continue
        for cell, value in zip(cells, values, strict=True):
            cell.text = value or ""
    path = tmp_path / "roadmap.docx"
    document.save(str(path))

    roadmap = parse_roadmap(path)
    assert [i.number for i in roadmap.items] == ["1.1", "1.2", "2.1", "3.1"]
    assert roadmap.items[0].section == "1. Организационный этап"
    assert roadmap.items[3].section == "Итоговый этап" and roadmap.items[2].result == ""
    assert roadmap.items[2].section == "2. Мониторинг"
    assert roadmap.items[1].activity == "Закрепление наставнических пар с письменного согласия"
    assert roadmap.items[1].deadline.kind == "range" and roadmap.items[1].deadline.months == [9, 10]
    assert roadmap.items[2].deadline.months == [5] and roadmap.items[2].responsible == "куратор, наставники"
    assert roadmap.title.startswith("Дорожная карта внедрения")
    assert roadmap.approved_by and "41-од" in roadmap.approved_by


@pytest.mark.skipif(not DEJAVU.exists(), reason="нет шрифта DejaVuSans")
def test_pdf_roadmap_table(tmp_path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("DejaVu", fname=str(DEJAVU))
    pdf.set_font("DejaVu", size=9)
    pdf.multi_cell(0, 5, "УТВЕРЖДЕНО приказом от 03.02.2023 № 14")
    pdf.ln(4)
    pdf.multi_cell(0, 5, "Дорожная карта по реализации целевой модели наставничества на 2023 год")
    pdf.ln(4)
    data = [
        ("№", "Мероприятие", "Срок", "Ответственный", "Результат"),
        ("Подготовительный этап",),
        ("1.1", "Разработка дорожных карт", "февраль 2023г", "Руководители ОО", "Дорожные карты"),
        ("1.2", "Разработка локальных актов", "май -июнь 2023 г", "ИДК", "Локальные акты"),
        ("5. Мониторинг реализации программ наставничества",),
        ("5.1", "Организация мониторинга сайтов образовательных организаций на наличие локальных актов",
         "Ежегодно в январе и мае в течение периода реализации", "ИДК", "Мониторинг сайтов ОО"),
    ]  # fmt: skip
    from fpdf.fonts import FontFace

    with pdf.table(col_widths=(12, 60, 40, 40, 38), headings_style=FontFace(emphasis=None)) as table:
        for values in data:
            row = table.row()
            if len(values) == 1:
                row.cell(values[0], colspan=5)
                continue
            for value in values:
                row.cell(value)
    path = tmp_path / "roadmap.pdf"
    pdf.output(str(path))

    roadmap = parse_roadmap(path)
    assert [i.number for i in roadmap.items] == ["1.1", "1.2", "5.1"]
    assert roadmap.items[0].activity == "Разработка дорожных карт"
    assert roadmap.items[1].deadline.kind == "range"
    assert roadmap.items[1].responsible == "ИДК"
    assert roadmap.items[2].result == "Мониторинг сайтов ОО"
    assert roadmap.items[2].section == "5. Мониторинг реализации программ наставничества"
    assert roadmap.items[0].section == roadmap.items[1].section == "Подготовительный этап"
    assert roadmap.items[2].activity.endswith("на наличие локальных актов")  # a wrapped, multi-line cell
    assert periodic_months(roadmap) == [1, 5]
    assert roadmap.title == "Дорожная карта по реализации целевой модели наставничества на 2023 год"
    assert roadmap.approved_by == "УТВЕРЖДЕНО приказом от 03.02.2023 № 14"


@pytest.mark.skipif(not DEJAVU.exists(), reason="нет шрифта DejaVuSans")
def test_pdf_roadmap_without_ruling_lines(tmp_path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("DejaVu", fname=str(DEJAVU))
    pdf.set_font("DejaVu", size=9)
    pdf.cell(0, 6, "Дорожная карта наставничества МБДОУ № 5", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    rows = [
        ("1.", "Назначение куратора", "сентябрь 2025 г.", "заведующий"),
        ("2.", "Закрепление пар", "октябрь 2025 г.", "куратор"),
        ("3.", "Отчёт о реализации программы", "май 2026 г.", "куратор"),
    ]
    for values in rows:
        for value, width in zip(values, (12, 70, 45, 40), strict=True):
            pdf.cell(width, 8, value)
        pdf.ln(8)
    path = tmp_path / "plain.pdf"
    pdf.output(str(path))

    roadmap = parse_roadmap(path)
    assert [i.number for i in roadmap.items] == ["1", "2", "3"]
    assert [i.deadline.months for i in roadmap.items] == [[9], [10], [5]]
    assert roadmap.items[1].activity == "Закрепление пар"
    assert roadmap.items[2].responsible == "куратор"


def test_empty_and_missing_files(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("Просто текст без таблицы\n", encoding="utf-8")
    with pytest.raises(RoadmapError, match="ни одного пункта"):
        parse_roadmap(empty)
    with pytest.raises(RoadmapError, match="не найден"):
        parse_roadmap(tmp_path / "nope.txt")
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"not a zip at all")
    with pytest.raises(RoadmapError, match="не удалось прочитать"):
        parse_roadmap(broken)


def test_roman_section_headers() -> None:
    text = "\tI. Подготовительный этап\n\t1.\n\tПриказ о кураторе\n\tмарт 2024 г.\n\tдиректор\n"
    text += "\tII. Основной этап\n\t2.\n\tЗакрепление пар\n\tсентябрь 2024 г.\n\tкуратор\n"
    roadmap = parse_roadmap_text(text)
    assert [(i.number, i.section) for i in roadmap.items] == [
        ("1", "I. Подготовительный этап"),
        ("2", "II. Основной этап"),
    ]
    assert roadmap.items[0].responsible == "директор"


def test_trailing_signature_is_not_glued_to_last_item() -> None:
    text = "\t1.\n\tМероприятие\n\tмарт 2024 г.\n\tдиректор\n\nДиректор школы ____ И. И. Иванов\n"
    roadmap = parse_roadmap_text(text)
    assert roadmap.items[0].responsible == "директор"


def test_parse_command_yaml_and_json() -> None:
    data = yaml.safe_load(roadmap_text(SCHOOL, "yaml"))
    assert [i["number"] for i in data["items"]] == [str(n) for n in range(1, 19)]
    data = json.loads(roadmap_text(_district_path(), "json"))
    assert data["items"][12]["number"] == "5.1" and data["items"][12]["deadline"]["months"] == [1, 5]
    with pytest.raises(InputError, match="не поддерживается"):
        roadmap_text(SCHOOL, "xml")
    proc = subprocess.run(
        [sys.executable, "-m", "crawler.cli", "roadmap", "parse", str(SCHOOL), "--format", "json"],
        capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert proc.returncode == 0 and len(json.loads(proc.stdout)["items"]) == 18
