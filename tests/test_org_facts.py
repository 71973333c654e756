"""Facts read from documents (#16): lists of people, counts written out, forms, the curator, masked names."""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from crawler.facts import MASK, find_names, mask_names, read_facts, redact_findings, with_facts
from crawler.facts.curator import read_curator
from crawler.facts.forms import form_names
from crawler.facts.roster import read_roster
from crawler.facts.stated import read_stated
from crawler.facts.vocabulary import FactsVocabularyError, load_facts_vocabulary, vocabulary_beside
from crawler.models import (
    AnalyzedDocument,
    DocPart,
    DocType,
    DocumentRecord,
    DocumentSummary,
    Evidence,
    ExtractedText,
    OrgFindings,
    OrgKind,
    RuleResult,
    Status,
)

VOCAB = load_facts_vocabulary()
TODAY = date(2026, 5, 20)

PDF_TABLE = """ПРИКАЗ
от 31.08.2025 № 127-а
О закреплении наставнических пар на 2025-2026 учебный год
В соответствии с Положением о системе наставничества педагогических
ПРИКАЗЫВАЮ:
1. Закрепить наставнические пары на 2025-2026 учебный год в следующем
составе:
ФИО наставника ФИО наставляемого Форма наставничества
Иванова Мария Петровна Сидоров Олег Игоревич педагог – педагог
Кузьмина Елена Олеговна Кузнецова Дарья Андреевна педагог – педагог
Белов Андрей Ильич Сорокин Артём Павлович руководитель –
педагог
2. Наставникам разработать персонализированные программы наставничества в
срок до 30 сентября.
4. Контроль за исполнением приказа возложить на куратора.
Директор Е.В. Смирнова
С приказом ознакомлены:
Иванова М.П. ________
Кузьмина Е.О. ________
"""

NUMBERED = """1. Закрепить на 2025-2026 учебный год следующие наставнические пары:
1) Громова С. Ю. – Лисицына А. Р., форма «педагог – педагог»;
2) Титов П. А. – Жуков Н. О., форма «опытный педагог – молодой специалист»;
3) Яковлева Е. В. – Морозова К. С., форма «педагог – педагог».
2. Наставникам разработать персонализированные программы наставничества.
Директор\tА.Н. Волков
"""

DOCX_GROUP = """ПРИКАЗЫВАЮ:
1. Закрепить наставнические пары на 2025-2026 учебный год в следующем составе:
ФИО наставника\tФИО наставляемого\tФорма наставничества
Антонова Елена Николаевна\tГромова Алёна Дмитриевна\tпедагог – педагог
Соколова Ирина Павловна\tОрлова Мария Игоревна\tгрупповое наставничество
Белова Ксения Олеговна
Карпова Татьяна Викторовна
2. Наставникам разработать персонализированные программы наставничества в срок до 30 сентября.
Заведующий\tЕ.Н. Антонова
"""

OCR_TABLE = """ПРИКАЗ

от 01.09.2025

№ 88

_ О закреплении наставнических пар на 2025-2026 учебный год
На основании письменного согласия наставников и наставляемых

ПРИКАЗЫВАЮ:

1. Закрепить наставнические пары в следующем составе:

ФИО наставника

ФИО наставляемого

Форма наставничества

Пoлякова Вера Ивановна

Егорова Анна Сергеевна

педагог - педагог

Морозова Галина
Петровна

Васильева Ольга
Игоревна

опытный педагог -
молодой специалист

Заведующий

Л.А. Голубева
"""

BASE = """База наставников МБОУ «Тонкинская СОШ № 1»
на 2025-2026 учебный год

№\tФИО наставника\tДолжность, стаж\tНаправление
1\tИванова Мария Петровна\tучитель математики, 24 года\tметодика преподавания
2\tКузьмина Елена Олеговна\tучитель начальных классов, 19 лет\tадаптация молодого педагога
3\tБелов Андрей Ильич\tзаместитель директора, 15 лет\tуправление классом
4\tОрлова Татьяна Викторовна\tучитель русского языка, 30 лет\tподготовка к аттестации

База наставляемых МБОУ «Тонкинская СОШ № 1»
№\tФИО наставляемого\tДолжность\tСтаж
1\tСидоров Олег Игоревич\tучитель математики\t1 год
2\tКузнецова Дарья Андреевна\tучитель начальных классов\t0 лет
3\tСорокин Артём Павлович\tучитель физической культуры\t2 года
"""


# ------------------------------------------------------------------------------------------------ names


@pytest.mark.parametrize(
    "text,masked",
    [
        ("Директор ________ Н.И. Лебедева", "Директор ________ [ФИО]"),
        (
            "назначить заместителя директора по УВР Павлову Ирину Сергеевну.",
            "назначить заместителя директора по УВР [ФИО].",
        ),
        ("1. Иванова А. А. – Петрова Б. Б.", "1. [ФИО] – [ФИО]"),
        ("Белов Андрей Ильич Сорокин Артём Павлович", "[ФИО] [ФИО]"),
        ("Мария Петровна Иванова провела урок", "[ФИО] провела урок"),
        ("учитель Сидоров О.И., наставляемый Ивановой М.П.", "учитель [ФИО], наставляемый [ФИО]"),
        ("Полякова Вера Ивановна - Егорова Анна\n\nСергеевна.", "[ФИО] - [ФИО]."),
        ("Пoлякова Вера Ивановпа", MASK),  # Latin «o» and «п» for «н»: OCR noise
        ("И.о. директора Иванова И.И.", "И.о. директора [ФИО]"),
        ("Директор А.Н. Волков", "Директор [ФИО]"),
    ],
)
def test_names_are_masked_in_every_shape(text: str, masked: str) -> None:
    assert mask_names(text) == masked


@pytest.mark.parametrize(
    "text",
    [
        "МБОУ СОШ им. А.С. Пушкина",
        "Положение о системе наставничества педагогических работников МБОУ «Тонкинская СОШ № 1»",
        "Приказ № 41-од от 01.09.2023",
        "Муниципальное бюджетное общеобразовательное учреждение «Пакалевская средняя школа»",
        "Распоряжение Министерства просвещения Российской Федерации от 25.12.2019 № Р-145",
    ],
)
def test_text_without_names_is_left_alone(text: str) -> None:
    assert mask_names(text) == text


def test_the_same_person_has_one_key_in_full_and_with_initials() -> None:
    keys = {n.key for n in find_names("Иванова Мария Петровна; Иванова М. П.; М.П. Иванова")}
    assert keys == {"иванова м п"}


# ---------------------------------------------------------------------------------------------- rosters


def test_pdf_table_rows_on_lines_with_spaces() -> None:
    roster = read_roster(PDF_TABLE, VOCAB)
    assert (roster.mentors, roster.mentees, roster.pairs, roster.groups) == (3, 3, 3, 0)
    assert roster.how == "table"
    counts = {name: n for name, (_, n) in roster.form_counts(VOCAB).items()}
    assert counts == {"педагог – педагог": 2, "руководитель – педагог": 1}  # «руководитель –» / «педагог» wrapped
    quote = roster.quote()
    assert MASK in quote and "Иванова" not in quote and "ФИО наставника" in quote


def test_signatures_and_the_acknowledgement_list_are_not_people_of_the_list() -> None:
    roster = read_roster(PDF_TABLE, VOCAB)
    assert roster.mentors == 3  # not the director, not those who signed «ознакомлены»


def test_numbered_list_with_initials() -> None:
    roster = read_roster(NUMBERED, VOCAB)
    assert (roster.mentors, roster.mentees, roster.pairs, roster.groups, roster.how) == (3, 3, 3, 0, "list")
    counts = {name: n for name, (_, n) in roster.form_counts(VOCAB).items()}
    assert counts == {"педагог – педагог": 2, "опытный педагог – молодой специалист": 1}


def test_group_in_a_merged_mentor_cell() -> None:
    roster = read_roster(DOCX_GROUP, VOCAB)
    assert (roster.mentors, roster.mentees, roster.pairs, roster.groups) == (2, 4, 1, 1)
    assert {n: c for n, (_, c) in roster.form_counts(VOCAB).items()} == {
        "педагог – педагог": 1,
        "групповое наставничество": 1,
    }


def test_group_in_one_cell_and_a_reversed_header() -> None:
    text = (
        "ФИО наставляемого\tФИО наставника\n"
        "Громова А. Д., Орлова М. И., Белова К. О.\tАнтонова Е. Н.\n"
        "Петров И. С.\tВолкова О. Н.\n"
    )
    roster = read_roster(text, VOCAB)
    assert (roster.mentors, roster.mentees, roster.pairs, roster.groups) == (2, 4, 1, 1)


def test_ocr_table_one_cell_per_line_with_wrapped_names() -> None:
    roster = read_roster(OCR_TABLE, VOCAB)
    assert (roster.mentors, roster.mentees, roster.pairs, roster.groups, roster.how) == (2, 2, 2, 0, "table")
    counts = {name: n for name, (_, n) in roster.form_counts(VOCAB).items()}
    assert counts == {"педагог – педагог": 1, "опытный педагог – молодой специалист": 1}


def test_ocr_table_without_the_clause_above_it() -> None:
    text = OCR_TABLE.replace("1. Закрепить наставнические пары в следующем составе:\n", "")
    roster = read_roster(text, VOCAB)
    assert (roster.mentors, roster.mentees, roster.pairs) == (2, 2, 2)


def test_a_clause_of_an_order() -> None:
    text = (
        "ПРИКАЗЫВАЮ:\n1. Закрепить наставническую пару: Полякова Вера Ивановна - Егорова Анна\n\nСергеевна.\n"
        "Заведующий. Л.А. Голубева\n"
    )
    roster = read_roster(text, VOCAB)
    assert (roster.mentors, roster.mentees, roster.pairs, roster.how) == (1, 1, 1, "text")


def test_clauses_appointing_mentors() -> None:
    text = (
        "ПРИКАЗЫВАЮ:\n"
        "1. Назначить наставником учителя математики Смирнову О.В. для молодого специалиста Котова А.И. "
        "на 2024-2025 учебный год.\n"
        "2. Назначить наставником учителя начальных классов Иванову Т.Г. для Петровой Е.Н.\n"
        "3. Методисту Волковой Е.А. сформировать базу наставников до 01.10.2024.\n"
        "Контроль за исполнением настоящего приказа оставляю за собой.\n"
        "Директор                                    Н.В. Кравцова\n"
    )
    roster = read_roster(text, VOCAB)
    assert (roster.mentors, roster.mentees, roster.pairs, roster.how) == (2, 2, 2, "text")


def test_base_of_mentors_and_mentees() -> None:
    roster = read_roster(BASE, VOCAB)
    assert (roster.mentors, roster.mentees, roster.pairs, roster.groups) == (4, 3, None, None)


def test_base_with_a_role_column() -> None:
    text = (
        "База наставников и наставляемых\n"
        "№\tФИО\tДолжность\tРоль\n"
        "1\tИванова Мария Петровна\tучитель\tнаставник\n"
        "2\tПетрова Анна Олеговна\tучитель\tнаставляемый\n"
        "3\tСидоров Олег Игоревич\tучитель\tмолодой специалист\n"
    )
    roster = read_roster(text, VOCAB)
    assert (roster.mentors, roster.mentees) == (1, 2)


def test_names_outside_a_list_are_not_counted() -> None:
    text = (
        "2. Назначить куратором наставничества заместителя директора Иванову Марию Петровну.\n"
        "Куратор наставничества Павлова И.С. провела первое занятие школы молодого педагога.\n"
        "Директор\tЕ.В. Смирнова\n"
    )
    assert read_roster(text, VOCAB).empty


def test_a_pairs_order_with_names_hidden_gives_no_list() -> None:
    text = (
        "1. Закрепить наставнические пары в следующем составе:\n"
        "ФИО наставника\tФИО наставляемого\n[персональные данные скрыты]\t[скрыто]\n"
    )
    assert read_roster(text, VOCAB).empty


# ------------------------------------------------------------------------------------ counts written out


def test_counts_written_out_in_reports_and_pages() -> None:
    found = read_stated(
        "Показатель\tЗначение\nКоличество наставнических пар\t4\n"
        "Доля наставляемых, успешно прошедших адаптацию\t100 %\n"
        "В 2025-2026 учебном году в школе работают три наставнические пары. Количество наставников: 5.\n"
    )
    got = {(s.what, s.value, s.academic_year) for s in found}
    assert got == {("pairs", 4, None), ("pairs", 3, "2025-2026"), ("mentors", 5, None)}  # a year: of its sentence


def test_counts_in_rows_of_a_table() -> None:
    found = read_stated("Показатель\tЗначение\nНаставнических пар\t2\nНаставников: 3\nНаставляемых — 4\n")
    assert {(s.what, s.value) for s in found} == {("pairs", 2), ("mentors", 3), ("mentees", 4)}


def test_rules_about_numbers_are_not_counts() -> None:
    assert read_stated("Наставник может сопровождать не более 3 наставляемых.") == []


# ------------------------------------------------------------------------------------------------ forms


def test_forms_narrow_before_general_and_pupils_apart() -> None:
    text = (
        "Формы наставничества: «педагог – педагог (реверсивное наставничество)», «руководитель – педагог», "
        "«опытный педагог – педагог, испытывающий профессиональные затруднения», «учитель – учитель», "
        "«педагог-новатор – консервативный педагог», виртуальное наставничество, групповое наставничество; "
        "для обучающихся — «ученик – ученик», «студент – ученик». Наставнических пар (групп) — по приказу."
    )
    names = form_names(text, VOCAB)
    assert names == [
        "педагог – педагог (реверсивное)",
        "руководитель – педагог",
        "опытный педагог – педагог, испытывающий затруднения",
        "педагог – педагог",
        "педагог-новатор – консервативный педагог",
        "виртуальное (дистанционное) наставничество",
        "групповое наставничество",
        "ученик – ученик",
        "студент – ученик",
    ]
    pupils = {f.name for f in VOCAB.forms if f.pupils}
    assert {"ученик – ученик", "студент – ученик", "учитель – ученик"} <= pupils


# ---------------------------------------------------------------------------------------------- curator


@pytest.mark.parametrize(
    "clause,position",
    [
        (
            "2. Назначить куратором внедрения целевой модели наставничества заместителя\n"
            "директора по учебно-воспитательной работе Иванову Ирину Ивановну.\n3. Утвердить Положение",
            "заместитель директора по УВР",
        ),
        (
            "1. Назначить заместителя директора по УВР Иванову И. И. куратором наставничества.",
            "заместитель директора по УВР",
        ),
        ("2. Назначить куратором старшего воспитателя Полякову Веру Ивановну.", "старший воспитатель"),
        ("2. Назначить куратором методиста\nЕгорова Павла Сергеевича.", "методист"),
        ("Назначить координатором заместителя заведующего по ВМР Петрову А.А.", "заместитель заведующего по ВМР"),
        ("1. Назначить куратором заместителя директора по учебной работе Волкову О. Н.", "заместитель директора по УР"),
        ("1. Назначить куратором педагога-психолога Орлову Д. В.", "педагог-психолог"),
        (
            "О назначении ответственного за внедрение целевой модели наставничества\nПРИКАЗЫВАЮ:\n"
            "1. Назначить ответственным за внедрение целевой модели наставничества старшего воспитателя Петрову А.А.",
            "старший воспитатель",
        ),
    ],
)
def test_curator_position_never_the_name(clause: str, position: str) -> None:
    found = read_curator(clause, VOCAB)
    assert [c.position for c in found] == [position]
    assert MASK in found[0].quote
    assert all(word not in found[0].quote for word in ("Иванову", "Полякову", "Егорова", "Петрову", "Орлову"))


def test_no_appointment_no_curator() -> None:
    text = (
        "3.1. Руководство системой наставничества осуществляет куратор, назначаемый приказом руководителя.\n"
        "1. Назначить ответственным за пожарную безопасность завхоза Морозова Виктора Петровича.\n"
        "4. Куратору сформировать базу наставников."
    )
    assert read_curator(text, VOCAB) == []


# ------------------------------------------------------------------------------------------- vocabulary


def test_vocabulary_errors_are_russian_and_name_the_field(tmp_path: Path) -> None:
    bad = tmp_path / "facts.yaml"
    bad.write_text(
        "forms:\n  - name: педагог – педагог\n    phrases: ['re:педагог(']\n  - phrases: [x]\n"
        "positions: []\nroster_headers: {pairs: [a], mentors: [b], mentees: [c]}\nextra: 1\n",
        encoding="utf-8",
    )
    with pytest.raises(FactsVocabularyError) as err:
        load_facts_vocabulary(bad)
    message = str(err.value)
    assert "неверное регулярное выражение" in message and "forms.1.phrases" in message
    assert "forms.2.name: обязательное поле не заполнено" in message
    assert "positions: список не может быть пустым" in message
    assert "extra: неизвестное поле" in message


def test_an_edited_vocabulary_beside_the_rules_is_used(tmp_path: Path) -> None:
    assert vocabulary_beside(tmp_path) is None
    (tmp_path / "facts.yaml").write_text(
        (Path(__file__).parents[1] / "crawler" / "rules" / "facts.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    assert vocabulary_beside(tmp_path) == tmp_path / "facts.yaml"


def test_the_rule_set_does_not_take_the_facts_vocabulary_for_rules() -> None:
    from crawler.ruleset import load_ruleset

    assert load_ruleset().rules  # rules/facts.yaml lies beside district.yaml


# --------------------------------------------------------------------------------- one organization


def _doc(url: str, text: str, *parts: DocPart, fmt: str = "pdf", ocr: bool = False) -> AnalyzedDocument:
    sha = hashlib.sha256((url + text).encode()).hexdigest()
    return AnalyzedDocument(
        record=DocumentRecord(url=url, source_page="https://school.example/nastavnichestvo", format=fmt, sha256=sha),
        extraction=ExtractedText(sha256=sha, format=fmt, text=text, ocr_used=ocr, is_scan=ocr),
        parts=list(parts),
    )


def _part(doc_type: DocType, title: str, **kw: object) -> DocPart:
    return DocPart(type=doc_type, title=title, **kw)  # type: ignore[arg-type]


def _district() -> list[AnalyzedDocument]:
    return [
        _doc(
            "https://school.example/pary-2025.pdf",
            PDF_TABLE,
            _part(
                DocType.pairs_order,
                "О закреплении наставнических пар на 2025-2026 учебный год",
                academic_years=["2025-2026"],
                approved_on=date(2025, 8, 31),
            ),
        ),
        _doc(
            "https://school.example/baza.odt",
            BASE,
            _part(
                DocType.mentor_registry,
                "База наставников МБОУ «Тонкинская СОШ № 1» на 2025-2026 учебный год",
                academic_years=["2025-2026"],
            ),
            fmt="odt",
        ),
        _doc(
            "https://school.example/pary-2024.jpg",
            OCR_TABLE.replace("2025-2026", "2024-2025"),
            _part(DocType.pairs_order, "Приказ", academic_years=["2024-2025"]),
            fmt="jpg",
            ocr=True,
        ),
        _doc(
            "https://school.example/vnedrenie.pdf",
            "ПРИКАЗ\nот 01.09.2023 № 41-од\nО внедрении целевой модели наставничества\nПРИКАЗЫВАЮ:\n"
            "2. Назначить куратором внедрения целевой модели наставничества заместителя\n"
            "директора по УВР Павлову Ирину Сергеевну.\n3. Утвердить Положение (приложение 1).\n"
            "Формы наставничества: «педагог – педагог», «руководитель – педагог», «ученик – ученик».",
            _part(DocType.model_order, "О внедрении целевой модели наставничества", approved_on=date(2023, 9, 1)),
            _part(DocType.regulation, "Положение о системе наставничества"),
        ),
        _doc(
            "https://other.example/polozhenie.pdf",
            "Формы: «педагог-новатор – консервативный педагог». 1. Назначить куратором методиста Орлову Д. В.",
            _part(DocType.curator_order, "О назначении куратора", owner_matches=False),
        ),
        _doc(
            "https://school.example/nastavnichestvo",
            "В 2025-2026 учебном году в школе работают три наставнические пары.",
            _part(DocType.other, "Наставничество"),
            fmt="html",
        ),
    ]


def test_one_organization_counts_forms_curator_and_disagreements() -> None:
    facts = read_facts(_district(), TODAY, VOCAB)
    assert facts.academic_year == "2025-2026"
    assert [y.academic_year for y in facts.years] == ["2025-2026", "2024-2025"]
    year = facts.current
    assert year is not None and year.mentors and year.mentees and year.pairs and year.groups
    # the order says 3 mentors, the base 4: the order's value, the base's kept with its source
    assert year.mentors.value == 3 and [(o.value, o.sources[0].url) for o in year.mentors.other_values] == [
        (4, "https://school.example/baza.odt")
    ]
    assert (year.mentees.value, year.mentees.disputed) == (3, False)
    assert year.pairs.value == 3 and {s.url for s in year.pairs.sources} == {
        "https://school.example/pary-2025.pdf",
        "https://school.example/nastavnichestvo",  # «три наставнические пары» agrees
    }
    assert year.groups.value == 0
    assert {f.form: f.count for f in year.forms} == {"педагог – педагог": 2, "руководитель – педагог": 1}
    previous = facts.year("2024-2025")
    assert previous is not None and previous.pairs and previous.pairs.value == 2
    assert previous.pairs.sources[0].ocr
    assert facts.curator is not None and facts.curator.position == "заместитель директора по УВР"
    assert facts.curator_other == []  # another organization's order is not read
    assert {f.form for f in facts.forms} >= {"педагог – педагог", "руководитель – педагог"}
    assert "педагог-новатор – консервативный педагог" not in {f.form for f in facts.forms}
    assert [f.form for f in facts.pupil_forms] == ["ученик – ученик"]
    assert any("расходятся" in n and "наставников 3" in n for n in facts.notes)
    assert any("OCR" in n for n in facts.notes)


def test_no_fact_carries_a_name() -> None:
    dumped = read_facts(_district(), TODAY, VOCAB).model_dump_json()
    for name in ("Иванова", "Сидоров", "Павлову", "Смирнова", "Полякова", "Голубева", "Орлову", "Мария"):
        assert name not in dumped, name
    assert MASK in dumped


def test_a_year_comes_from_the_document_or_its_date() -> None:
    docs = [
        _doc(
            "https://school.example/pary.pdf",
            NUMBERED.replace("на 2025-2026 учебный год ", ""),
            _part(DocType.pairs_order, "О закреплении наставнических пар", approved_on=date(2024, 9, 2)),
        ),
        _doc(
            "https://school.example/baza.docx",
            BASE.replace("на 2025-2026 учебный год\n", ""),
            _part(DocType.mentor_registry, "База наставников"),
            fmt="docx",
        ),
    ]
    facts = read_facts(docs, TODAY, VOCAB)
    years = {r.source.url: (r.source.academic_year, r.source.year_stated) for r in facts.rosters}
    assert years == {
        "https://school.example/pary.pdf": ("2024-2025", False),  # dated 02.09.2024
        "https://school.example/baza.docx": ("2025-2026", False),  # no year, no date: the base as it stands now
    }


def test_an_order_without_names_is_noted() -> None:
    text = (
        "1. Закрепить наставнические пары в следующем составе:\nФИО наставника\tФИО наставляемого\n[скрыто]\t[скрыто]\n"
    )
    facts = read_facts(
        [_doc("https://school.example/p.pdf", text, _part(DocType.pairs_order, "О закреплении пар"))], TODAY, VOCAB
    )
    assert facts.rosters == [] and any("не прочитан" in n for n in facts.notes)


def _findings() -> OrgFindings:
    return OrgFindings(
        id="sosh-1",
        name="МБОУ «Тонкинская СОШ № 1»",
        kind=OrgKind.OO,
        site="https://school.example/",
        reachable=True,
        checked_at=datetime(2026, 5, 20, tzinfo=UTC),
        documents=[
            DocumentSummary(url="https://school.example/baza.pdf", title="База наставников Романова Юлия Викторовна")
        ],
        rules=[
            RuleResult(
                rule_id="regulation",
                status=Status.met,
                evidence=[
                    Evidence(
                        url="https://school.example/p.pdf",
                        title="Положение",
                        quote="УТВЕРЖДАЮ Директор ________ Н.И. Лебедева",
                    )
                ],
                note="Найдено: «Положение» (утверждено директором Н.И. Лебедевой).",
                remarks=["нет отметки об электронной подписи: «Приказ Иванова И.И.»"],
            )
        ],
    )


def test_redact_findings_masks_quotes_notes_remarks_and_titles() -> None:
    dumped = redact_findings(_findings()).model_dump_json()
    for name in ("Лебедева", "Лебедевой", "Романова", "Иванова"):
        assert name not in dumped, name
    assert dumped.count(MASK) == 4


def test_with_facts_attaches_facts_and_masks_names() -> None:
    findings = with_facts(_findings(), _district(), TODAY)
    assert findings.facts is not None and findings.facts.current is not None
    assert "Лебедева" not in findings.model_dump_json()
    unreachable = with_facts(_findings().model_copy(update={"reachable": False}), _district(), TODAY)
    assert unreachable.facts is None


def test_a_broken_vocabulary_costs_the_facts_not_the_verdicts(tmp_path: Path) -> None:
    (tmp_path / "facts.yaml").write_text("forms: [", encoding="utf-8")
    findings = with_facts(_findings(), _district(), TODAY, tmp_path)
    assert findings.facts is None and findings.rules[0].status == Status.met
    assert "Лебедева" not in findings.model_dump_json()


def test_findings_stored_before_the_facts_still_load() -> None:
    old = _findings().model_dump(mode="json")
    old.pop("facts", None)
    assert OrgFindings.model_validate(old).facts is None


# ------------------------------------------------------------------------- the demo's documents rendered


@pytest.mark.parametrize(
    "fmt,counts",
    [
        ("pdf", (3, 3, 3, 0)),  # a numbered list in a PDF
        ("docx", (2, 4, 1, 1)),  # a table with a group in a merged cell
    ],
)
def test_demo_orders_rendered_and_extracted(tmp_path: Path, fmt: str, counts: tuple[int, int, int, int]) -> None:
    from crawler.config import ExtractSettings
    from crawler.demo import content as c
    from crawler.demo import docgen
    from crawler.demo import texts as t
    from crawler.extract import extract_file

    if fmt == "pdf":
        lines = t.pairs_order(
            c.SOSH2,
            number="95/1",
            date_text="02.09.2025",
            year="2025-2026",
            layout="list",
            pairs=[
                ("Громова Светлана Юрьевна", "Лисицына Алина Романовна", "педагог – педагог"),
                ("Титов Павел Андреевич", "Жуков Никита Олегович", "опытный педагог – молодой специалист"),
                ("Яковлева Елена Васильевна", "Морозова Ксения Сергеевна", "педагог – педагог"),
            ],
        )
    else:
        lines = t.pairs_order(
            c.DS4,
            number="51",
            date_text="02.09.2025",
            year="2025-2026",
            pairs=[
                ("Антонова Елена Николаевна", "Громова Алёна Дмитриевна", "педагог – педагог"),
                ("Соколова Ирина Павловна", "Орлова Мария Игоревна", "групповое наставничество"),
                ("", "Белова Ксения Олеговна", ""),
                ("", "Карпова Татьяна Викторовна", ""),
            ],
        )
    data = docgen.render(fmt, lines)
    path = tmp_path / f"order.{fmt}"
    path.write_bytes(data)
    text = extract_file(path, hashlib.sha256(data).hexdigest(), ExtractSettings()).text
    roster = read_roster(text, VOCAB)
    assert (roster.mentors, roster.mentees, roster.pairs, roster.groups) == counts


def test_demo_xlsx_base_rendered_and_extracted(tmp_path: Path) -> None:
    from crawler.config import ExtractSettings
    from crawler.demo import content as c
    from crawler.demo import docgen
    from crawler.demo import texts as t
    from crawler.extract import extract_file

    lines = t.mentor_base(
        c.SOSH7,
        year="2025-2026",
        mentors=[
            ("Романова Юлия Викторовна", "учитель истории, 22 года", "методика"),
            ("Никитина Ольга Павловна", "учитель химии, 26 лет", "подготовка к аттестации"),
        ],
        mentees=[("Ершов Максим Ильич", "учитель географии", "1 год")],
    )
    data = docgen.render("xlsx", lines)
    assert data == docgen.render("xlsx", lines)  # byte-identical between runs
    path = tmp_path / "8c661d56"  # stored as the store keeps it: no extension
    path.write_bytes(data)
    text = extract_file(path, hashlib.sha256(data).hexdigest(), ExtractSettings(), "xlsx").text
    roster = read_roster(text, VOCAB)
    assert (roster.mentors, roster.mentees, roster.pairs) == (2, 1, None)
