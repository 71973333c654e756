"""Documents written by this project that reproduce what real school, kindergarten and ДО sites publish
(issue #14, devset/README.md): every layout and quirk the development set showed, in our own wording, as real
files — DOCX, PDF made by LibreOffice, HTML pages, plain text of a viewer, scans rendered as images and read by
OCR. Nothing here is copied from a third party's document.

build_corpus(directory) writes the files and returns the cases; Case.expect holds the methodologist's answers
(keys as in tests/heldout_docs/check.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.heldout_docs import render as r
from tests.heldout_docs.corpus import Case

DS7 = "МБДОУ «Детский сад № 7 «Солнышко»"
SOSH5 = "МБОУ «Средняя общеобразовательная школа № 5»"
CDT = "МБУ ДО «Центр детского творчества «Радуга»"

REG_BODY = [
    ("p", "1. Общие положения"),
    (
        "p",
        "1.1. Настоящее Положение определяет цели, задачи и порядок наставничества педагогических работников, "
        "права и обязанности наставника и наставляемого.",
    ),
    (
        "p",
        "1.2. Наставник назначается приказом руководителя из числа опытных педагогов с их письменного согласия.",
    ),
    ("p", "2. Права и обязанности наставника"),
    ("p", "2.1. Наставник составляет вместе с наставляемым персонализированную программу наставничества."),
]

ORDER_TAIL = [
    ("p", "Контроль за исполнением приказа оставляю за собой."),
    ("p", "Заведующий                                   О.В. Ларина"),
]


def _text_bytes(text: str) -> bytes:
    return text.encode("utf-8")


def build_corpus(directory: Path) -> list[Case]:
    cases: list[Case] = []
    soffice_jobs: list[tuple[Case, bytes, str, str]] = []

    def add(case: Case) -> None:
        cases.append(case)

    def via_soffice(case: Case, data: bytes, src: str = "docx", target: str = "pdf") -> None:
        cases.append(case)
        soffice_jobs.append((case, data, src, target))

    _titles(add, via_soffice)
    _cards(add, via_soffice)
    _citations(add, via_soffice)
    _stamps(add, via_soffice)
    _scope(add, via_soffice)
    _near_misses(add, via_soffice)
    _external(add, via_soffice)
    _narratives(add, via_soffice)
    _layouts(add, via_soffice)
    _round5(add, via_soffice)
    _rounds6and7(add, via_soffice)
    _rounds11to16(add, via_soffice)
    _round17(add, via_soffice)
    _round18(add, via_soffice)
    _round19(add, via_soffice)
    _round20(add, via_soffice)
    _round21(add, via_soffice)
    _round22(add, via_soffice)

    outputs = r.soffice_batch([(data, src, target) for _, data, src, target in soffice_jobs])
    for (case, _, _, _), data in zip(soffice_jobs, outputs, strict=True):
        case.data = data
    directory.mkdir(parents=True, exist_ok=True)
    for i, case in enumerate(cases):
        case.path = directory / f"{i:02d}-{case.file_name}"
        case.path.write_bytes(case.data)
    return cases


# ---------------------------------------------------------------------------------------------- 1. titles


def _titles(add: Any, via_soffice: Any) -> None:
    # a web page: the accessibility panel and the site's chrome come before the pasted Положение
    page = [
        ("p", "Версия для слабовидящих\nРазмер шрифта\nЦвет шрифта\nИнтервал букв\ngototop"),
        ("p", "Меню сайта"),
        (
            "stamps",
            [
                "ПРИНЯТО\nпедагогическим советом\nпротокол № 2 от 27.08.2024",
                "УТВЕРЖДЕНО\nприказом заведующего\nот 28.08.2024 № 64-од",
            ],
        ),
        ("title", "Положение о наставничестве педагогических работников"),
        *REG_BODY,
    ]
    add(
        Case(
            "html_chrome_before_regulation",
            "polozhenie.html",
            r.html_bytes("Наставничество", page),
            dict(types=["regulation"], approved_on="2024-08-28", number="64-од"),
            org_name=DS7,
            fmt="html",
        )
    )
    # letterhead with address, codes, phone and e-mail above the stamps
    head = [
        ("p", "Муниципальное бюджетное дошкольное образовательное учреждение"),
        ("p", "«Детский сад № 7 «Солнышко»"),
        ("p", "623100, Свердловская обл., г. Ромашкин, ул. Лесная, д. 12, тел. (34356) 2-11-07"),
        ("p", "ИНН 6601012345, ОГРН 1026600000000, e-mail: ds7@example.ru"),
        (
            "stamps",
            [
                "СОГЛАСОВАНО\nобщим собранием работников\nпротокол № 3 от 30.08.2023",
                "УТВЕРЖДАЮ\nЗаведующий ____ О.В. Ларина\nприказ № 52 от 31.08.2023",
            ],
        ),
        ("title", "ПОЛОЖЕНИЕ\nо системе наставничества педагогических работников"),
        *REG_BODY,
    ]
    add(
        Case(
            "docx_letterhead_codes",
            "polozhenie-ds7.docx",
            r.docx_bytes(head),
            dict(types=["regulation"], approved_on="2023-08-31", number="52", owner_matches=True),
            org_name=DS7,
        )
    )
    # a programme with its compilers and a table of contents with dotted leaders
    prog = [
        (
            "stamps",
            [
                "Рассмотрено\nна методическом совете\nпротокол № 1 от 29.08.2024",
                "Утверждаю\nДиректор ______\nприказ № 118 от 30.08.2024",
            ],
        ),
        ("title", "ПРОГРАММА\nнаставничества педагогических работников\nна 2024-2025 учебный год"),
        ("p", "Составители: Петрова Н.А., заместитель директора; Орлова Е.В., учитель"),
        ("p", "СОДЕРЖАНИЕ"),
        ("p", "Пояснительная записка ........................................ 3"),
        ("p", "Цели и задачи программы наставничества ...................... 4"),
        ("p", "Формы наставничества ........................................ 5"),
        ("p", "Пояснительная записка"),
        ("p", "Программа наставничества разработана для молодых учителей школы и их наставников."),
    ]
    via_soffice(
        Case(
            "lo_pdf_program_contents",
            "programma.pdf",
            b"",
            dict(types=["program"], approved_on="2024-08-30", number="118", academic_years=["2024-2025"]),
            org_name=SOSH5,
        ),
        r.docx_bytes(prog),
    )
    # a viewer that lost every line break: the whole page is one line
    glued = (
        "ПРИНЯТО на заседании педагогического совета МБДОУ «Детский сад № 7 «Солнышко» Протокол № 2 от "
        "28.08.2024 УТВЕРЖДАЮ Заведующий МБДОУ «Детский сад № 7 «Солнышко» ________ О.В. Ларина Приказ № 71-од "
        "от 29.08.2024 Положение о наставничестве педагогических работников МБДОУ «Детский сад № 7 «Солнышко» "
        "1. Общие положения 1.1. Настоящее положение определяет порядок организации наставничества, права и "
        "обязанности наставника и молодого специалиста. 1.2. Положение разработано в соответствии с Федеральным "
        "законом от 29.12.2012 № 273-ФЗ «Об образовании в Российской Федерации»."
    )
    add(
        Case(
            "txt_page_in_one_line",
            "polozhenie.txt",
            _text_bytes(glued),
            dict(types=["regulation"], approved_on="2024-08-29", number="71-од"),
            org_name=DS7,
        )
    )
    # «Приказ № 575 / от 01 ноября 2022 г.» inside the approving block is a stamp, never the title
    stamp_lines = [
        (
            "stamps",
            [
                "РАССМОТРЕНО И ПРИНЯТО\nна заседании педагогического совета\nПротокол № 9\nот «28» октября 2022 г.",
                "УТВЕРЖДЕНО\nИ.о. директора МБОУ «СОШ № 5»\n_________ А.Б. Котова\nПриказ № 575\nот 01 ноября 2022 г.",
            ],
        ),
        ("title", "Положение\nо системе наставничества педагогических работников"),
        *REG_BODY,
    ]
    via_soffice(
        Case(
            "lo_pdf_order_line_in_stamp",
            "polozhenie-sosh5.pdf",
            b"",
            dict(types=["regulation"], approved_on="2022-11-01", number="575"),
            org_name=SOSH5,
        ),
        r.docx_bytes(stamp_lines),
    )
    # a scanned order: the seal's noise above the heading, the requisites on one line
    order = [
        ("p", "МУНИЦИПАЛЬНОЕ БЮДЖЕТНОЕ ОБЩЕОБРАЗОВАТЕЛЬНОЕ УЧРЕЖДЕНИЕ «СРЕДНЯЯ ОБЩЕОБРАЗОВАТЕЛЬНАЯ ШКОЛА № 5»"),
        ("title", "ПРИКАЗ"),
        ("p", "05.09.2024                                             № 88"),
        ("title", "О закреплении наставнических пар на 2024-2025 учебный год"),
        ("p", "В целях профессионального развития молодых учителей"),
        ("p", "ПРИКАЗЫВАЮ:"),
        ("p", "1. Закрепить наставников за молодыми учителями с их письменного согласия (приложение)."),
        ("p", "2. Наставникам составить персонализированные программы наставничества."),
    ]
    add(
        Case(
            "scan_order_requisites_one_line",
            "prikaz-pary.pdf",
            r.scan_pdf_bytes(r.scan_pages([order], dpi=150, skew=1.0, grey=230, seed=21), 150),
            dict(types=["pairs_order"], approved_on="2024-09-05", number="88", academic_years=["2024-2025"]),
            org_name=SOSH5,
        )
    )


# ----------------------------------------------------------------------------------------- 2. card vs body


def _cards(add: Any, via_soffice: Any) -> None:
    # the viewer's card calls the file a road map; the excerpt is the middle of a Положение
    card = (
        "Дорожная карта, наставничество\n\n"
        "- закрепить молодого учителя в коллективе и помочь ему освоить традиции школы;\n"
        "3. ОРГАНИЗАЦИЯ НАСТАВНИЧЕСТВА\n"
        "3.1. Наставничество устанавливается для принятого на работу молодого педагога сроком на один год.\n"
        "3.2. Наставник назначается приказом директора с письменного согласия.\n"
        "3.3. Права и обязанности наставника определяет настоящее положение.\n"
    )
    add(
        Case(
            "txt_card_roadmap_body_regulation",
            "card.txt",
            _text_bytes(card),
            dict(types=["regulation"]),
        )
    )
    # the card names the order; the file is its appendix, the Положение
    appendix = [
        ("p", "Приказ №61 от 02.09.2024 Об организации наставничества педагогических работников"),
        ("p", ""),
        ("p", "Приложение 1\nк приказу № 61 от 02.09.2024"),
        ("title", "Положение\nо системе наставничества педагогических работников"),
        *REG_BODY,
    ]
    add(
        Case(
            "docx_card_order_appendix_regulation",
            "card-order.docx",
            r.docx_bytes(appendix),
            dict(types=["regulation"], approved_on="2024-09-02", number="61"),
            org_name=SOSH5,
        )
    )


# ------------------------------------------------------------------------------------------ 3. cited acts


def _citations(add: Any, via_soffice: Any) -> None:
    cited = [
        ("title", "Положение о наставничестве молодых специалистов"),
        ("p", "1. Общие положения"),
        (
            "p",
            "1.1. Положение разработано в соответствии с Федеральным законом от 29.12.2012 № 273-ФЗ, "
            "распоряжением Минпросвещения России от 25.12.2019 № Р-145 «Об утверждении методологии (целевой "
            "модели) наставничества обучающихся для организаций, осуществляющих образовательную деятельность», "
            "письмом от 21.12.2021 № АЗ-1128/08, распоряжением Правительства РФ от 31.12.2019 № 3273-р и "
            "приказом управления образования от 10.01.2023 № 14.",
        ),
        ("p", "1.2. Наставник и наставляемый работают по персонализированной программе."),
    ]
    via_soffice(
        Case(
            "lo_pdf_cited_acts_no_stamp",
            "polozhenie-bez-shtampa.pdf",
            b"",
            dict(types=["regulation"], approved_on=None, number=None, pupil_only=False),
            org_name=SOSH5,
        ),
        r.docx_bytes(cited),
    )
    amending = [
        ("p", "ПРАВИТЕЛЬСТВО ТОНКИНСКОЙ ОБЛАСТИ"),
        ("title", "ПОСТАНОВЛЕНИЕ"),
        ("p", "от 14 марта 2024 г. № 112-п"),
        (
            "title",
            "О внесении изменений в постановление Правительства Тонкинской области от 20 декабря 2021 г. № 801-п",
        ),
        ("p", "Правительство Тонкинской области постановляет:"),
        (
            "p",
            "1. Дополнить Положение об оплате труда работников образовательных организаций, утвержденное "
            "постановлением от 20 декабря 2021 г. № 801-п, пунктом 4.9: «надбавка за наставничество — до 20 "
            "процентов оклада наставника».",
        ),
    ]
    add(
        Case(
            "docx_amending_decree",
            "postanovlenie.docx",
            r.docx_bytes(amending),
            dict(types=["external_act"], approved_on="2024-03-14", number="112-п"),
        )
    )
    kindergarten = [
        ("p", "МУНИЦИПАЛЬНОЕ БЮДЖЕТНОЕ ДОШКОЛЬНОЕ ОБРАЗОВАТЕЛЬНОЕ УЧРЕЖДЕНИЕ «ДЕТСКИЙ САД № 7»"),
        ("stamps", ["", "УТВЕРЖДАЮ\nЗаведующий МБДОУ «Детский сад № 7»\n__________ О.В. Ларина\n«31» августа 2023 г."]),
        ("title", "ПОЛОЖЕНИЕ\nо наставничестве"),
        *REG_BODY,
    ]
    add(
        Case(
            "docx_org_number_not_order_number",
            "polozhenie-ds7-2023.docx",
            r.docx_bytes(kindergarten),
            dict(types=["regulation"], approved_on="2023-08-31", number=None),
            org_name=DS7,
        )
    )


# -------------------------------------------------------------------------------------------- 4. stamps


def _stamp_case(
    name: str, stamp: list[str], approved_on: str | None, number: str | None
) -> tuple[str, list[Any], dict[str, Any]]:
    blocks = [("stamps", stamp), ("title", "ПОЛОЖЕНИЕ\nо системе наставничества педагогических работников"), *REG_BODY]
    return name, blocks, dict(types=["regulation"], approved_on=approved_on, number=number)


def _stamps(add: Any, via_soffice: Any) -> None:
    forms = [
        _stamp_case(
            "underscore_blanks", ["УТВЕРЖДЕНО\nприказом директора\nОт_09.02.2023 г ____ №_2_____"], "2023-02-09", "2"
        ),
        _stamp_case("space_before_year", ["УТВЕРЖДЕНО\nприказом от 24.10. 2024 № 32"], "2024-10-24", "32"),
        _stamp_case(
            "day_month_without_year",
            [
                "ПРИНЯТО\nпедагогическим советом\nпротокол № 1 от 30.08.2023",
                "УТВЕРЖДЕНО\nПриказ от «12» сентября № 56-ОД",
            ],
            "2023-09-12",
            "56-ОД",
        ),
        _stamp_case(
            "number_with_slash", ["УТВЕРЖДЕНО\nПриказ от «30» августа 2022 г. № 52-0/3"], "2022-08-30", "52-0/3"
        ),
        _stamp_case("suffix_after_dash", ["УТВЕРЖДЕНО\nприказом от 01.09.2021 № 17 – ОД"], "2021-09-01", "17 – ОД"),
        _stamp_case("letter_and_suffix", ["УТВЕРЖДЕНО\nприказом от 27 августа 2015 г. №55а-О"], "2015-08-27", "55а-О"),
        _stamp_case(
            "two_stamps_side_by_side",
            [
                "ПРИНЯТО\nпедагогическим советом\nпротокол № 1 от 28.08.2024",
                "УТВЕРЖДЕНО\nприказом № 170\nот 28.08.2024",
            ],
            "2024-08-28",
            "170",
        ),
        _stamp_case("blank_number", ["УТВЕРЖДЕНО\nПриказ №_____ от 31.08.22г"], "2022-08-31", None),
        _stamp_case(
            "council_protocol_only",
            ["Утверждено на заседании педагогического совета\nПротокол № 1 от 28.09.2021"],
            "2021-09-28",
            "1",
        ),
        _stamp_case(
            "approval_without_full_date",
            [
                "ПРИНЯТО\nметодическим советом\nпротокол № 1 от 26.08.2024",
                "УТВЕРЖДАЮ\nДиректор ______ Н.Н. Соколова\nавгуст, 2024 г.",
            ],
            None,
            None,
        ),
    ]
    for i, (name, blocks, expect) in enumerate(forms):
        data = r.docx_bytes(blocks)
        if i % 2:
            via_soffice(Case(f"lo_pdf_stamp_{name}", f"{name}.pdf", b"", expect, org_name=SOSH5), data)
        else:
            add(Case(f"docx_stamp_{name}", f"{name}.docx", data, expect, org_name=SOSH5))
    # the order's own header: number first, then the date without «от»; the curator clause inside
    order = [
        ("p", "Муниципальное бюджетное дошкольное образовательное учреждение «Детский сад № 7 «Солнышко»"),
        ("p", "ПРИКАЗ № 12 14.04.2022"),
        ("p", "с. Ромашкино"),
        ("title", "О внедрении целевой модели наставничества и назначении куратора"),
        ("p", "На основании распоряжения Минпросвещения России от 25.12.2019 № Р-145"),
        ("p", "ПРИКАЗЫВАЮ:"),
        ("p", "1. Внедрить целевую модель наставничества педагогических работников."),
        ("p", "2. Назначить куратором внедрения целевой модели наставничества старшего воспитателя Иванову Е.П."),
        *ORDER_TAIL,
    ]
    add(
        Case(
            "docx_order_number_then_date",
            "prikaz-cmn.docx",
            r.docx_bytes(order),
            dict(types=["model_order"], approved_on="2022-04-14", number="12", curator_clause=True),
            org_name=DS7,
        )
    )
    # a bad text layer: «УТВЕРЖДАЮ» lost to the seal, «от» read as «Мт»
    ocr = [
        ("p", "СОГЛАСОВАНО\nПедагогическим советом\n(протокол от 15.02.2024г. № 7)"),
        ("p", "У*\nМт 16.02.2024г. № 41-од)"),
        ("title", "Положение о наставничестве"),
        *REG_BODY,
    ]
    via_soffice(
        Case(
            "lo_pdf_ocr_lookalike_stamp",
            "polozhenie-ocr.pdf",
            b"",
            dict(types=["regulation"], approved_on="2024-02-16", number="41-од"),
            org_name=SOSH5,
        ),
        r.docx_bytes(ocr),
    )
    # a PDF viewer spaced every letter of the stamp
    spaced = [
        ("p", "У Т В Е Р Ж Д Е Н О"),
        ("p", "п р и к а з о м   о т   1 2 . 0 9 . 2 0 2 3   №   1 5"),
        ("title", "П О Л О Ж Е Н И Е"),
        ("p", "о наставничестве педагогических работников"),
        *REG_BODY,
    ]
    add(
        Case(
            "html_wide_spaced_stamp",
            "viewer.html",
            r.html_bytes("Положение о наставничестве", spaced, menu=False),
            dict(types=["regulation"], approved_on="2023-09-12", number="15"),
            fmt="html",
        )
    )
    # a scan of a two-column stamp
    scan = [
        (
            "stamps",
            [
                "ПРИНЯТО\nна педагогическом совете\nпротокол № 4 от 29.08.2024",
                "УТВЕРЖДЕНО\nприказом директора\nот 30.08.2024 № 132-од",
            ],
        ),
        ("title", "ПОЛОЖЕНИЕ О НАСТАВНИЧЕСТВЕ"),
        ("p", "педагогических работников МБОУ «СОШ № 5»"),
        *REG_BODY,
    ]
    add(
        Case(
            "scan_two_column_stamp",
            "polozhenie-scan.pdf",
            r.scan_pdf_bytes(r.scan_pages([scan], dpi=150, skew=-1.0, grey=225, seed=22), 150),
            dict(types=["regulation"], approved_on="2024-08-30", number="132-од"),
            org_name=SOSH5,
        )
    )


# -------------------------------------------------------------------------------------- 5. pupils only


def _scope(add: Any, via_soffice: Any) -> None:
    teachers = [
        ("title", "ПОЛОЖЕНИЕ\nо системе наставничества в МБУ ДО «ЦДТ «Радуга»"),
        ("p", "1. Общие положения"),
        (
            "p",
            "1.1. Положение разработано с учетом распоряжения Минпросвещения России от 25.12.2019 № Р-145 "
            "«Об утверждении методологии (целевой модели) наставничества обучающихся для организаций, "
            "осуществляющих образовательную деятельность по общеобразовательным, дополнительным "
            "общеобразовательным программам».",
        ),
        ("p", "1.2. Наставничество организуется для молодых педагогов дополнительного образования."),
        ("p", "1.3. Форма наставничества — «педагог – педагог»."),
    ]
    add(
        Case(
            "docx_teachers_citing_pupils_methodology",
            "polozhenie-cdt.docx",
            r.docx_bytes(teachers),
            dict(types=["regulation"], pupil_only=False),
            org_name=CDT,
        )
    )
    pupils = [
        ("title", "ПОЛОЖЕНИЕ\nо наставничестве в МБОУ «СОШ № 5»"),
        ("p", "1. Общие положения"),
        ("p", "1.1. Положение определяет порядок наставничества в формах «Учитель – ученик» и «Ученик – ученик»."),
        ("p", "1.2. Наставляемыми становятся обучающиеся, в том числе учащиеся группы социального риска."),
        ("p", "1.3. Наставник помогает наставляемому в учебе и выборе профессии."),
    ]
    via_soffice(
        Case(
            "lo_pdf_pupils_only_forms",
            "polozhenie-uchashchiesya.pdf",
            b"",
            dict(types=["regulation"], pupil_only=True),
            org_name=SOSH5,
        ),
        r.docx_bytes(pupils),
    )


# ----------------------------------------------------------------------------------------- 6. near misses


def _near_misses(add: Any, via_soffice: Any) -> None:
    young = [
        ("stamps", ["УТВЕРЖДЕНО\nприказом от 01.09.2023 № 99"]),
        ("title", "ПОЛОЖЕНИЕ\nо работе с молодыми специалистами"),
        ("p", "1. Молодому специалисту оказывается методическая помощь; за ним может быть закреплен наставник."),
        ("p", "2. Наставник посещает уроки молодого специалиста и проводит консультации."),
    ]
    add(Case("docx_work_with_young_specialists", "molodye.docx", r.docx_bytes(young), dict(types=["other"])))
    school = [
        ("title", "Положение о школе молодого педагога"),
        ("p", "1. Школа молодого педагога — объединение молодых специалистов и наставников при методическом совете."),
        ("p", "2. Занятия школы проводят наставники и заместитель директора."),
    ]
    via_soffice(
        Case("lo_pdf_school_of_young_teacher", "shkola-molodogo.pdf", b"", dict(types=["other"])), r.docx_bytes(school)
    )
    pay = [
        ("stamps", ["УТВЕРЖДЕНО\nприказом от 10.01.2024 № 3"]),
        ("title", "ПОЛОЖЕНИЕ\nо стимулирующих выплатах работникам МБДОУ «Детский сад № 7»"),
        ("p", "1. Стимулирующие выплаты устанавливаются за качество работы и интенсивность труда."),
        ("p", "2. Размер выплат определяет комиссия по распределению стимулирующей части фонда оплаты труда."),
    ]
    add(
        Case(
            "docx_pay_without_mentoring_clause",
            "stimuliruyushchie.docx",
            r.docx_bytes(pay),
            dict(types=["other"], pay_act=True, pay_mentoring_clause=False),
            org_name=DS7,
        )
    )
    acts = [
        ("p", "Наставничество — форма передачи опыта и поддержки молодых педагогов."),
        ("p", "Документы"),
        ("p", "Федеральный уровень"),
        ("p", "- Распоряжение Минпросвещения России от 25.12.2019 № Р-145 «Об утверждении методологии наставничества»"),
        ("p", "- Письмо Минпросвещения России от 21.12.2021 № АЗ-1128/08 «О направлении методических рекомендаций»"),
        ("p", "Региональный уровень"),
        ("p", "- Приказ министерства образования от 17.02.2022 № 631 «О внедрении системы наставничества»"),
    ]
    add(
        Case(
            "html_section_listing_acts",
            "nastavnichestvo.html",
            r.html_bytes("Программа «Наставничество в школе»", acts),
            dict(types=["other"], approved_on=None, number=None),
            fmt="html",
        )
    )


# ------------------------------------------------------------------------------------ 7. own vs external


def _external(add: Any, via_soffice: Any) -> None:
    template = [
        ("p", "Приложение\nк приказу управления образования\nот 04.09.2023 № 147"),
        (
            "title",
            "Положение о системе наставничества педагогических работников в образовательных организациях "
            "Тонкинского муниципального округа",
        ),
        ("p", "1. Положение определяет порядок наставничества в образовательной организации ______________."),
        ("p", "2. Наставник назначается приказом руководителя образовательной организации."),
    ]
    via_soffice(
        Case(
            "lo_pdf_municipal_template",
            "polozhenie-tmo.pdf",
            b"",
            dict(types=["external_act"], approved_on="2023-09-04", number="147"),
        ),
        r.docx_bytes(template),
    )
    own = [
        ("stamps", ["УТВЕРЖДЕНО\nприказом директора от 31.08.2024 № 201"]),
        ("title", "ПОЛОЖЕНИЕ\nо наставничестве педагогических работников МБОУ «СОШ № 5»"),
        ("p", "1. Положение разработано на основании Закона РФ № 273-ФЗ «Об образовании в Российской Федерации»."),
        ("p", "2. Наставник назначается из числа опытных педагогов школы."),
    ]
    add(
        Case(
            "docx_own_citing_federal_law",
            "polozhenie-sosh5-2024.docx",
            r.docx_bytes(own),
            dict(types=["regulation"], approved_on="2024-08-31", number="201"),
            org_name=SOSH5,
        )
    )


# -------------------------------------------------------------------------------------- 8. narratives


def _narratives(add: Any, via_soffice: Any) -> None:
    news = [
        ("p", "12 марта 2025"),
        (
            "p",
            "В нашей школе прошел день наставника. Молодые учителя и их наставники провели открытые уроки, "
            "а после уроков наставники рассказали о своей работе с наставляемыми.",
        ),
        (
            "p",
            "Наставник года школы Е.В. Орлова провела мастер-класс для молодых педагогов. Наставнические пары "
            "подвели итоги полугодия.",
        ),
    ]
    add(
        Case(
            "html_news_on_mentoring",
            "news.html",
            r.html_bytes("День наставника", news),
            dict(types=["practice"]),
            org_name=SOSH5,
            fmt="html",
        )
    )
    article = [
        ("p", "Наставничество как условие профессионального роста молодого педагога"),
        ("p", "Орлова Е.В., Петрова Н.А."),
        ("p", "Аннотация. В статье рассмотрены формы наставничества молодых педагогов в детском саду."),
        ("p", "Ключевые слова: наставник, наставляемый, молодой педагог, адаптация."),
        (
            "p",
            "Наставнику следует начинать работу с диагностики затруднений молодого педагога. Наставник должен "
            "помочь наставляемому составить индивидуальный образовательный маршрут [1].",
        ),
    ]
    via_soffice(Case("lo_pdf_methodical_article", "statya.pdf", b"", dict(types=["guidelines"])), r.docx_bytes(article))
    links = [
        (
            "p",
            "На этой странице размещены документы детского сада о наставничестве педагогических работников и "
            "сведения о наставниках и наставляемых на текущий учебный год.",
        ),
        ("p", "Положение о наставничестве педагогических работников"),
        ("p", "Приказ о закреплении наставнических пар на 2024-2025 учебный год"),
        ("p", "Дорожная карта внедрения целевой модели наставничества"),
    ]
    add(
        Case(
            "txt_page_listing_documents",
            "stranica.txt",
            _text_bytes("\n".join(str(v) for _, v in links)),
            dict(types=["other"]),
        )
    )


# ------------------------------------------------------------------------- 9. layouts of another extraction


def _layouts(add: Any, via_soffice: Any) -> None:
    """The same documents as another page width, a glued page or a scan's text layer lays them out (the second
    round of issue #14: devset/crossval.py's variants)."""
    from crawler.demo import texts as demo_texts
    from crawler.demo.docgen import render

    org = demo_texts.OrgText(
        full="Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 5»",
        short="МБОУ «СОШ № 5»",
        head_title="Директор",
        head="А.В. Смирнова",
    )
    pairs = demo_texts.pairs_order(
        org,
        number="95-1",
        date_text="29.08.2025",
        year="2025-2026",
        pairs=[
            ("Иванова Мария Петровна", "Сидоров Олег Игоревич", "педагог – педагог"),
            ("Кузьмина Елена Олеговна", "Кузнецова Дарья Андреевна", "педагог – педагог"),
        ],
    )
    # a scanned pairs order: the seal's edge read as «. (о. |» or «_ ПРИКАЗ |», the «О» of the subject lost or
    # read as «о» — the order keeps its subject, type and requisites
    for seed in (3, 6):
        add(
            Case(
                f"scan_pairs_order_noise_seed{seed}",
                f"prikaz-pary-{seed}.pdf",
                render("pdf_scan", pairs, seed=seed),
                dict(
                    types=["pairs_order"],
                    approved_on="2025-08-29",
                    number="95-1",
                    title_has=["закреплении наставнических пар"],
                ),
                org_name=SOSH5,
            )
        )
    # a title broken after a preposition: the next line is its end, not a letterhead
    broken = (
        "Положение_о_наставнической_деятельности\n\n"
        "Положение о наставнической деятельности в\n"
        "МАОУ «СОШ № 5» города Тонкино\n"
        "1. Общие положения\n"
        "1.1. Настоящее положение о наставничестве определяет цели, задачи и порядок наставнической деятельности\n"
        "педагогических работников школы, права и обязанности наставника и наставляемого.\n"
    )
    add(
        Case(
            "txt_title_broken_after_preposition",
            "dv-00aa01.txt",
            _text_bytes(broken),
            dict(types=["regulation"], title_has=["деятельности в маоу"]),
        )
    )
    # a page glued into one line: the order's requisites and subject on the line of «ПРИКАЗ»
    glued = (
        "Приказ об утверждении положения о наставничестве МУНИЦИПАЛЬНОЕ БЮДЖЕТНОЕ ОБЩЕОБРАЗОВАТЕЛЬНОЕ УЧРЕЖДЕНИЕ "
        "«СРЕДНЯЯ ОБЩЕОБРАЗОВАТЕЛЬНАЯ ШКОЛА № 5» ПРИКАЗ от 15.01.2024 г. №7 «Об утверждении Положения о "
        "наставничестве в МБОУ «СОШ № 5»» В целях профессиональной адаптации молодых педагогов школы и развития "
        "системы наставничества ПРИКАЗЫВАЮ: 1. Утвердить Положение о наставничестве (Приложение 1). 2. Назначить "
        "куратором наставничества заместителя директора Н.А. Петрову. 3. Контроль исполнения приказа оставляю за "
        "собой.\n"
    )
    add(
        Case(
            "txt_glued_order_subject_on_heading_line",
            "dv-00aa02.txt",
            _text_bytes(glued),
            dict(types=["model_order"], approved_on="2024-01-15", number="7", curator_clause=True),
        )
    )
    # the middle of a Положение: a cited act's title goes on at the start of a line («Концепции создания …»);
    # the card title decides, not the line inside an open quotation
    basis = (
        "Положение о системе наставничества педагогических работников\n\n"
        "– Распоряжением Правительства Российской Федерации от 31 декабря\n"
        "2019 года № 3273-р «Об утверждении основных принципов национальной системы профессионального роста\n"
        "педагогических работников Российской Федерации»;\n"
        "–Распоряжением Министерства просвещения Российской Федерации от\n"
        "16 декабря 2020 года № Р-174 «Об утверждении\n"
        "Концепции создания единой\n"
        "федеральной системы научно-методического сопровождения педагогических работников»;\n"
        "2. Наставник назначается из числа опытных педагогов с их согласия; наставляемый и наставник\n"
        "составляют персонализированную программу наставничества.\n"
    )
    add(
        Case(
            "txt_cited_title_inside_quotes_is_not_the_title",
            "dv-00aa03.txt",
            _text_bytes(basis),
            dict(types=["regulation"], title_has=["положение о системе наставничества"]),
        )
    )
    # a card title numbered by the site, over the start of the body with Р-145 cited across lines
    numbered = (
        "38 Положение о наставничестве\n\n2\n\n1. ОБЩИЕ ПОЛОЖЕНИЯ\n"
        "1.1. Настоящее Положение о наставничестве МАУ ДО «ЦДТ «Радуга»\n(далее – Центр) разработано в "
        "соответствии с:\n"
        "− Распоряжением Министерства просвещения\nРоссийской Федерации от\n25.12.2019 № Р-145 «Об утверждении "
        "методологии\n(целевой модели)\nнаставничества обучающихся для организаций,\nосуществляющих "
        "образовательную\nдеятельность, в том числе с применением лучших\nпрактик обмена опытом между "
        "обучающимися».\n"
    )
    add(
        Case(
            "txt_card_numbered_by_the_site",
            "dv-00aa04.txt",
            _text_bytes(numbered),
            dict(types=["regulation"], pupil_only=False, title_has=["положение о наставничестве"]),
        )
    )
    # a scan's text layer with Latin look-alikes in the stamp and the heading
    lookalike = (
        "УTBEPЖДAЮ\nДиректор МБОУ «СОШ № 5»\n________ А.В. Смирнова\nПpикaз № 41-oд oт 02.09.2024\n\n"
        "ПOЛOЖEНИE\nо наставничестве педагогических работников\n"
        "1. Общие положения\n"
        "1.1. Настоящее положение о наставничестве определяет порядок закрепления наставников за молодыми\n"
        "педагогами, права и обязанности наставника и наставляемого.\n"
    )
    add(
        Case(
            "txt_latin_lookalikes_in_stamp",
            "dv-00aa05.txt",
            _text_bytes(lookalike),
            dict(types=["regulation"], approved_on="2024-09-02", number="41-од"),
        )
    )
    # news: a headline with a verb, even when it starts like a document («Лучшие …»)
    news = (
        "Лучшие наставники района получили премию главы округа\n\n"
        "12 марта в 10:15\n"
        "В районе подвели итоги конкурса педагогов-наставников. Премию получили пять наставников, чьи "
        "наставляемые — молодые учителя — остались работать в школах района.\n"
        "«Наставник помогает молодому коллеге поверить в себя», — поделилась победитель конкурса, учитель "
        "начальных классов школы № 5.\n"
    )
    add(Case("txt_news_headline_with_a_verb", "dv-00aa06.txt", _text_bytes(news), dict(types=["practice"])))
    # a decree amending a pay regulation: «О внесении изменений в / Положение об оплате труда …» is one subject
    decree = (
        "Постановление администрации Тонкинского муниципального округа от 6 октября 2025 г. № 419\n\n"
        "О внесении изменений в\n"
        "Положение об оплате труда работников муниципальных образовательных организаций Тонкинского "
        "муниципального округа, утвержденное постановлением администрации округа от 30 августа 2022 г. № 537\n\n"
        "В соответствии со статьей 351.8 Трудового кодекса Российской Федерации администрация округа "
        "постановляет:\n"
        "1. Дополнить Положение пунктом 4.7: «Педагогическим работникам, осуществляющим наставническую "
        "деятельность, устанавливается доплата в размере 10 процентов оклада».\n"
    )
    add(
        Case(
            "txt_amending_decree_subject_across_lines",
            "dv-00aa07.txt",
            _text_bytes(decree),
            dict(types=["external_act"], approved_on="2025-10-06", number="419"),
        )
    )


# ------------------------------------------------------------------------- round 5 (the fresh4 patterns)


def _round5(add: Any, via_soffice: Any) -> None:
    """Layouts the fifth round of issue #14 read on held-out real documents, in this project's own wording."""
    # a form filled in by hand: «от «__14___» ___01__ 2021 №____1-ОС___» under an appendix line of another order;
    # the approving order's own stamp decides
    filled = [
        ("p", "Приложение 3\nк приказу от 14.01.2021 г. № 1-Н"),
        ("p", "Утвержден приказом\nдиректора колледжа\nот «__14___» ___01__ 2021\n№____2-ОС______"),
        ("title", "ПОЛОЖЕНИЕ\nО НАСТАВНИЧЕСТВЕ В КОЛЛЕДЖЕ"),
        *REG_BODY,
    ]
    add(
        Case(
            "docx_filled_form_blanks",
            "polozhenie-blanki.docx",
            r.docx_bytes(filled),
            dict(types=["regulation"], approved_on="2021-01-14", number="2-ОС"),
        )
    )
    # the council's protocol, then the head's line, then the head's date and order
    head_after_protocol = [
        ("p", "Рассмотрено на заседании\nпедагогического совета\nПротокол № 1 от 27 августа 2021 г."),
        ("p", "Директор МБОУ «СОШ № 5»\n______ А.В. Смирнова\n01.09.2021, приказ №163"),
        ("title", "Положение\nо наставничестве педагогических работников"),
        *REG_BODY,
    ]
    via_soffice(
        Case(
            "lo_pdf_head_after_protocol",
            "polozhenie-direktor.pdf",
            b"",
            dict(types=["regulation"], approved_on="2021-09-01", number="163"),
            org_name=SOSH5,
        ),
        r.docx_bytes(head_after_protocol),
    )
    # a viewer's text glued into one line, the fields of an e-signature first
    glued = (
        "Смирнова Анна Викторовна Подписано: Смирнова Анна Викторовна DN: cn=Смирнова Анна Викторовна, c=RU, o=МБОУ "
        "СОШ № 5, email=school5@example.ru Дата: 2024.01.15 10:20:00 +03'00' УТВЕРЖДАЮ Директор МБОУ СОШ № 5 "
        "__________А.В. Смирнова Приказ № 371 от 29.08.2023 г. Положение О наставничестве педагогических работников "
        "в муниципальном бюджетном общеобразовательном учреждении средней общеобразовательной школе № 5 "
        "1.ОБЩИЕ ПОЛОЖЕНИЯ 1.1. Положение о наставничестве определяет цели, задачи и порядок наставничества "
        "педагогических работников школы. 1.2. Наставник назначается приказом директора."
    )
    add(
        Case(
            "txt_glued_esignature_first",
            "glued-esign.txt",
            _text_bytes(glued),
            dict(
                types=["regulation"],
                approved_on="2023-08-29",
                number="371",
                title_has=["положение о наставничестве педагогических работников"],
            ),
            org_name=SOSH5,
        )
    )
    # an aside of the body about a ministry's act: not the document's stamp
    aside = [
        ("p", "Муниципальное бюджетное дошкольное образовательное учреждение «Детский сад № 7 «Солнышко»"),
        (
            "p",
            "- федеральной образовательной программой дошкольного образования (утверждена приказом Минпросвещения "
            "России от 25 ноября 2022 года № 1028, зарегистрировано в Минюсте России 28 декабря 2022 г.);",
        ),
        (
            "p",
            "- санитарными правилами (утверждены постановлением Главного государственного санитарного врача "
            "Российской Федерации от 28 сентября 2020 г. № 28);",
        ),
        ("p", "2.1. Программа детского сада реализуется в группах общеразвивающей направленности."),
    ]
    add(
        Case(
            "docx_ministry_act_in_an_aside",
            "programma-ds.docx",
            r.docx_bytes(aside),
            dict(types=["other"], approved_on=None, number=None),
            org_name=DS7,
        )
    )
    # a college's regulation on the form «преподаватель – студент» only, scanned
    college = [
        ("p", "УТВЕРЖДЕНО\nприказом директора\nот 01.09.2022 № 88"),
        ("title", "ПОЛОЖЕНИЕ\nо наставничестве по форме «преподаватель – студент»"),
        ("p", "1. Общие положения"),
        (
            "p",
            "1.1. Настоящее Положение определяет порядок наставничества по форме «преподаватель – студент» в колледже.",
        ),
        ("p", "1.2. Наставник помогает студенту первого курса освоиться в профессии."),
    ]
    add(
        Case(
            "scan_college_student_form",
            "polozhenie-student.pdf",
            r.scan_pdf_bytes(r.scan_pages([college], dpi=150, skew=0.8, grey=228, seed=51), 150),
            dict(types=["regulation"], pupil_only=True),
        )
    )
    # a municipal template that leaves a blank for the organization's name
    template = [
        ("p", "Приложение № 1 к приказу\nот 04.09.2023 № 147"),
        ("title", "Положение о наставничестве в системе «педагог – педагог»\nЭнского городского округа"),
        ("p", "1. Общие положения"),
        (
            "p",
            "1.1. Настоящее Положение о наставничестве в («Наименование образовательной организации», далее – ОО) "
            "определяет порядок наставничества педагогических работников.",
        ),
        ("p", "1.2. Наставник назначается приказом руководителя ОО."),
    ]
    via_soffice(
        Case(
            "lo_pdf_template_with_blank_name",
            "tipovoe-polozhenie.pdf",
            b"",
            dict(types=["external_act"]),
        ),
        r.docx_bytes(template),
    )
    # methodical recommendations published by a regional institute: a higher level's material
    institute = [
        ("p", "Организация наставничества молодых педагогов\nв дошкольной образовательной организации"),
        ("title", "Методические рекомендации"),
        ("p", "Министерство образования Энской области"),
        ("p", "Государственное автономное учреждение дополнительного профессионального образования"),
        ("p", "«Энский институт развития образования»"),
        ("p", "Энск, 2023"),
        ("p", "Рекомендации адресованы руководителям детских садов и наставникам молодых воспитателей."),
        ("p", "Наставник помогает наставляемому освоить профессию; наставничество строится на доверии."),
    ]
    via_soffice(
        Case(
            "lo_pdf_institute_recommendations",
            "metodicheskie-rekomendatsii.pdf",
            b"",
            dict(types=["external_act"]),
        ),
        r.docx_bytes(institute),
    )
    # a kindergarten's own methodical recommendations, reviewed by the institute's methodist: still its own
    reviewed = [
        ("p", "МБДОУ «Детский сад № 7 «Солнышко»"),
        ("title", "Методические рекомендации\nпо организации наставничества молодых воспитателей"),
        ("p", "Рецензент: методист ГАУ ДПО «Энский институт развития образования» Петрова И.С."),
        ("p", "Составитель: старший воспитатель Иванова Е.П."),
        ("p", "Наставник помогает молодому воспитателю; наставничество в детском саду строится на доверии."),
        ("p", "Наставляемый вместе с наставником составляет план профессионального развития."),
    ]
    add(
        Case(
            "docx_own_recommendations_reviewed_by_institute",
            "rekomendatsii-ds7.docx",
            r.docx_bytes(reviewed),
            dict(types=["guidelines"]),
            org_name=DS7,
        )
    )


def _rounds6and7(add: Any, via_soffice: Any) -> None:
    """Layouts rounds 6 and 7 of issue #14 read on held-out real documents, in this project's own wording."""
    # two column stamps read line by line: the order's requisites, then the council's date with «Протокол № …»
    columns = [
        ("p", "ОДОБРЕНО\nрешением Педагогического совета"),
        ("p", "УТВЕРЖДЕНО\nприказом директора\nколледжа\nот «15» марта 2024 г. № 212"),
        ("p", "колледжа\nот «28» февраля 2024 г.\nПротокол № 7"),
        ("title", "Положение\nо наставничестве педагогических работников колледжа"),
        *REG_BODY,
    ]
    add(
        Case(
            "docx_protocol_word_after_its_date",
            "polozhenie-kolledzh.docx",
            r.docx_bytes(columns),
            dict(types=["regulation"], approved_on="2024-03-15", number="212"),
        )
    )
    # a month glued to its year, and a council's date with the day in quotes and the month in digits
    glued_month = [
        ("p", "СОГЛАСОВАНО\nна заседании педагогического совета\nПротокол №25 от «30» 12.2024г."),
        ("p", "УТВЕРЖДЕНО\nДиректор МБОУ «СОШ № 5»\n__________ А.В. Смирнова\nПриказ № 663 от «30» декабря2024г."),
        ("title", "ПОЛОЖЕНИЕ\nо наставничестве педагогических работников"),
        *REG_BODY,
    ]
    via_soffice(
        Case(
            "lo_pdf_month_glued_to_year",
            "polozhenie-god.pdf",
            b"",
            dict(types=["regulation"], approved_on="2024-12-30", number="663"),
            org_name=SOSH5,
        ),
        r.docx_bytes(glued_month),
    )
    # a kindergarten's page: links to download the files, one of them naming the approving order of other acts
    page = [
        ("p", "Скачать «Положение о наставничестве педагогических работников»"),
        ("p", "Скачать Приказ от 04.03.2024 № 27 «Об утверждении положений МБДОУ «Детский сад № 7 «Солнышко»»"),
        ("p", "1. Общие положения"),
        (
            "p",
            "1.1. Настоящее Положение определяет цели, задачи и порядок наставничества педагогических работников "
            "детского сада, права и обязанности наставника и наставляемого.",
        ),
        ("p", "1.2. Наставник назначается приказом заведующего из числа опытных воспитателей с их согласия."),
    ]
    add(
        Case(
            "html_download_link_names_an_order",
            "polozhenie-nastavnichestvo.html",
            r.html_bytes("Положение о наставничестве", page),
            dict(types=["regulation"], approved_on=None, number=None),
            org_name=DS7,
            fmt="html",
        )
    )


def _rounds11to16(add: Any, via_soffice: Any) -> None:
    """Layouts rounds 11 to 16 of issue #14 read on held-out real documents, in this project's own wording."""
    # an order whose subject is printed in capitals under its requisites
    caps_order = [
        ("p", "Муниципальное бюджетное дошкольное образовательное учреждение «Детский сад № 7 «Солнышко»"),
        ("title", "ПРИКАЗ"),
        ("p", "от 01.09.2025 № 61-од"),
        ("p", "ОБ ОРГАНИЗАЦИИ НАСТАВНИЧЕСТВА"),
        ("p", "В соответствии с Положением о наставничестве педагогических работников ПРИКАЗЫВАЮ:"),
        ("p", "1. Утвердить Положение о наставничестве педагогических работников детского сада."),
        ("p", "2. Назначить куратором внедрения целевой модели наставничества старшего воспитателя Петрову А.А."),
        *ORDER_TAIL,
    ]
    add(
        Case(
            "docx_order_subject_in_capitals",
            "prikaz-nastavnichestvo.docx",
            r.docx_bytes(caps_order),
            dict(types=["model_order"], approved_on="2025-09-01", number="61-од"),
            org_name=DS7,
        )
    )
    # a site's logo line above a Положение whose title says «педагогов-психологов и учителей-логопедов»
    logo = [
        ("p", "Логотип"),
        ("p", "Версия для слабовидящих"),
        ("title", "Положение о наставничестве педагогов-психологов и учителей-логопедов"),
        ("p", "УТВЕРЖДЕНО\nприказом заведующего\nот 12.01.2025 № 4-од"),
        *REG_BODY,
    ]
    via_soffice(
        Case(
            "lo_pdf_logo_line_over_a_speech_therapists_title",
            "polozhenie-logoped.pdf",
            b"",
            dict(types=["regulation"], approved_on="2025-01-12", number="4-од"),
            org_name=DS7,
        ),
        r.docx_bytes(logo),
    )
    # a two-column header of a glued page: the approving order's requisites run into the council's column
    glued = (
        "Положение о наставничестве\n\nОДОБРЕНО решением Педагогического совета УТВЕРЖДЕНО приказом директора "
        "колледжа от «01» марта 2025 г. № 74 колледжа от «20» февраля 2025 г. Протокол № 6 Положение о наставничестве "
        "педагогических работников колледжа 1. Общие положения 1.1.Настоящее Положение определяет цели, задачи и "
        "порядок наставничества педагогических работников, права и обязанности наставника и наставляемого. "
        "1.2. Наставник назначается приказом директора из числа опытных преподавателей."
    )
    add(
        Case(
            "txt_glued_two_column_header",
            "polozhenie-kolledzh.txt",
            _text_bytes(glued),
            dict(types=["regulation"], approved_on="2025-03-01", number="74"),
        )
    )
    # a development programme whose legal basis lists a government decree right under a table of contents
    programme = (
        "СОДЕРЖАНИЕ\nРАЗДЕЛ I\nПаспорт Программы развития\n3\nРАЗДЕЛ II\nНаставничество как ресурс развития\n9\n\n"
        "РАЗДЕЛ I\nПаспорт Программы развития\n1.1. Основания для разработки Программы развития (правовые акты)\n"
        "Федеральный закон от 29 декабря 2012 г. № 273-ФЗ «Об образовании в Российской Федерации».\n"
        "Указ Президента Российской Федерации от 21.07.2020 № 474 «О национальных целях развития».\n"
        "Постановление Правительства РФ от 26 декабря 2017 г. № 1642 «Об утверждении\n"
        "государственной программы Российской Федерации «Развитие образования»."
    )
    add(
        Case(
            "txt_legal_basis_list_is_no_title",
            "programma-razvitiya.txt",
            _text_bytes(programme),
            dict(approved_on=None, number=None),
            org_name=SOSH5,
        )
    )


def _round17(add: Any, via_soffice: Any) -> None:
    """Layouts round 17 of issue #14 read on held-out real documents, in this project's own wording."""
    # an order dated on the line above its word, its number below it
    dated_above = [
        ("p", "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 5»"),
        ("p", "20.08.2025"),
        ("title", "ПРИКАЗ"),
        ("p", "№ 240"),
        ("p", "Об утверждении режима работы"),
        ("p", "В соответствии с Федеральным законом от 29.12.2012 № 273-ФЗ «Об образовании в Российской Федерации»"),
        ("p", "ПРИКАЗЫВАЮ:"),
        ("p", "1. Утвердить режим работы школы на 2025-2026 учебный год."),
        *ORDER_TAIL,
    ]
    add(
        Case(
            "docx_order_dated_above_its_word",
            "prikaz-rezhim.docx",
            r.docx_bytes(dated_above),
            dict(approved_on="2025-08-20", number="240"),
            org_name=SOSH5,
        )
    )
    # a Положение appended to its order, with the amending order of a later year listed under it
    amended = [
        ("p", "Приложение 1\nк приказу МБДОУ «Детский сад № 7 «Солнышко»\nот 01.09.2021 № 120-О"),
        ("p", "с изменениями\nприказ МБДОУ «Детский сад № 7 «Солнышко»\nот 14.03.2024 № 31-О"),
        ("title", "ПОЛОЖЕНИЕ\nо наставничестве педагогических работников"),
        *REG_BODY,
    ]
    via_soffice(
        Case(
            "lo_pdf_amended_edition_under_the_appendix_line",
            "polozhenie-izmeneniya.pdf",
            b"",
            dict(types=["regulation"], approved_on="2021-09-01", number="120-О"),
            org_name=DS7,
        ),
        r.docx_bytes(amended),
    )
    # a bare «Дорожная карта (план мероприятий)» whose subject follows with a capital, set apart by a blank line
    roadmap = (
        "Муниципальное бюджетное дошкольное образовательное учреждение «Детский сад № 7 «Солнышко»\n\n"
        "Принято:                                   Утверждаю:\n"
        "на заседании педагогического совета        Заведующий\n"
        "Протокол №_____от __________               __________ О.В. Ларина\n\n"
        "Дорожная карта (план мероприятий)\n\n"
        "По реализации Положения о системе наставничества педагогических работников детского сада\n\n"
        "Наименование этапа\nСодержание деятельности\nСроки\nОтветственные\n"
        "1. Подготовка условий для внедрения системы наставничества\n"
    )
    add(
        Case(
            "txt_roadmap_with_a_capitalised_subject_line",
            "dorozhnaya-karta.txt",
            _text_bytes(roadmap),
            dict(types=["roadmap"], approved_on=None, number=None),
            org_name=DS7,
        )
    )
    # an order whose word an e-signature's fields interleave, its date opening a line under the field «Дата:»
    signed = (
        "МУНИЦИПАЛЬНОЕ БЮДЖЕТНОЕ ДОШКОЛЬНОЕ ОБРАЗОВАТЕЛЬНОЕ УЧРЕЖДЕНИЕ\n«ДЕТСКИЙ САД № 7 «СОЛНЫШКО»\n"
        "цифровой\nЛарина Ольга Подписано\nподписью: Ларина Ольга\nПРИКАЗ\nВикторовна\nВикторовна\n"
        "Дата: 2025.09.01 09:10:19 +03'00'\n\nот 01.09.2025\n\n№ 380\nг. Ромашкин\n\n"
        "Об утверждении Порядка перевода воспитанников\n\n"
        "В соответствии с Порядком, утверждённым приказом Министерства просвещения Российской Федерации "
        "от 12.12.2024 № 872,\nПРИКАЗЫВАЮ:\n1. Утвердить Порядок перевода воспитанников.\n"
    )
    add(
        Case(
            "txt_order_under_an_e_signature_date_field",
            "prikaz-perevod.txt",
            _text_bytes(signed),
            dict(approved_on="2025-09-01", number="380"),
            org_name=DS7,
        )
    )


def _round18(add: Any, via_soffice: Any) -> None:
    """Layouts round 18 of issue #14 read on held-out real documents, in this project's own wording."""
    # a programme's approving order with its day written into a blank, under the council's protocol
    blank_day = [
        ("p", "ПРИНЯТА\nрешением Педагогического совета\nпротокол от 28.08. 2024 г. № 1"),
        ("p", "УТВЕРЖДЕНА\nзаведующим МБДОУ «Детский сад № 7 «Солнышко»\n_________ О.В. Ларина"),
        ("p", "приказ от _29___. 08.2024 г. № __64__"),
        ("title", "ПРОГРАММА НАСТАВНИЧЕСТВА\nпедагогических работников на 2024-2025 учебный год"),
        ("p", "1. Пояснительная записка"),
        ("p", "Программа определяет формы наставничества «педагог – педагог» и этапы работы пар."),
    ]
    via_soffice(
        Case(
            "lo_pdf_programme_day_written_into_a_blank",
            "programma-nastavnichestva.pdf",
            b"",
            dict(types=["program"], approved_on="2024-08-29", number="64"),
            org_name=DS7,
        ),
        r.docx_bytes(blank_day),
    )
    # an order whose typist glued the subject's preposition to its noun, with a dotted activity abbreviation
    glued = [
        ("p", "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 5»"),
        ("title", "ПРИКАЗ"),
        ("p", "12.09.2024                                                    № 140 о.д"),
        ("p", "Оназначении наставников молодым педагогам"),
        ("p", "В целях профессиональной адаптации молодых педагогов"),
        ("p", "ПРИКАЗЫВАЮ:"),
        ("p", "1. Назначить наставником учителя математики Иванову А.А. для молодого педагога Петровой Б.Б."),
        *ORDER_TAIL,
    ]
    add(
        Case(
            "docx_order_with_a_glued_subject_and_a_dotted_number",
            "prikaz-nastavniki.docx",
            r.docx_bytes(glued),
            dict(approved_on="2024-09-12", number="140 о.д", title_has=["наставников молодым педагогам"]),
            org_name=SOSH5,
        )
    )
    # a kindergarten's Gosweb-like page linking a district decree on one line with its requisites
    linked = [
        ("h1", "Отдых и оздоровление"),
        (
            "p",
            "Детский сад не имеет мест для организации детского отдыха за пределами своей территории. Категории "
            "детей, имеющих право на бесплатный отдых, определяет администрация района.",
        ),
        ("p", "Постановление от 14.11.2023 № 1375 «Об утверждении Положения об организации отдыха детей»"),
        ("p", "https://raion.example.ru/dokumenty/1375.html"),
    ]
    add(
        Case(
            "html_page_linking_a_decree_with_its_requisites",
            "otdyh.html",
            r.html_bytes("Отдых и оздоровление", linked, menu=False),
            dict(types=["other"], approved_on=None, number=None),
            org_name=DS7,
            fmt="html",
        )
    )
    # a legal database's copy of a municipal procedure: its approval in parentheses after the title
    database = (
        "Вы можете открыть актуальную версию документа прямо сейчас.\n"
        "Приложение N 1\nПорядок\n"
        "организации наставничества на муниципальной службе в администрации Энского района\n"
        "(утв. постановлением Администрации Энского района от 3 марта 2016 г. N 88б)\n"
        "1. Общие положения\n"
        "1. Настоящий Порядок определяет цели и задачи наставничества на муниципальной службе.\n"
    )
    add(
        Case(
            "txt_database_procedure_approved_in_parentheses",
            "poryadok-nastavnichestva.txt",
            _text_bytes(database),
            dict(types=["external_act"], approved_on="2016-03-03", number="88б"),
            org_name=DS7,
        )
    )
    # a conference paper's page under its publisher's contacts
    paper = [
        ("p", "Телефон: 8-800-000-00-00\nWhatsApp: 8-800-000-00-00\nTelegram: publisher"),
        ("p", "Прием заявок круглосуточно\nГрафик работы офиса: с 9.00 до 18.00"),
        (
            "p",
            "Статья опубликована в рамках: XII Международной научно-практической конференции «Педагогика сегодня» "
            "(Россия, г. Энск, 5 марта 2024 г.)",
        ),
        ("p", "Наука: Педагогика\nСекция: Профессиональное развитие педагога"),
        (
            "p",
            "Библиографическое описание:\nСидорова А.Б. НАСТАВНИЧЕСТВО В ДЕТСКОМ САДУ: ПЕРВЫЙ ГОД ВОСПИТАТЕЛЯ // "
            "Педагогика сегодня: сб. ст. – Энск, 2024. – С. 10-15.",
        ),
        ("title", "НАСТАВНИЧЕСТВО В ДЕТСКОМ САДУ: ПЕРВЫЙ ГОД ВОСПИТАТЕЛЯ"),
        ("p", "Сидорова Анна Борисовна\nстарший воспитатель МБДОУ «Детский сад № 7 «Солнышко»"),
    ]
    via_soffice(
        Case(
            "lo_pdf_conference_paper_under_publisher_contacts",
            "statya.pdf",
            b"",
            dict(types=["guidelines"]),
            org_name=DS7,
        ),
        r.docx_bytes(paper),
    )


def _round19(add: Any, via_soffice: Any) -> None:
    """Layouts round 19 of issue #14 read on formerly held-out real documents, in this project's own wording."""
    # a school page that pasted a scan's text layer of its Положение: one paragraph, the approval first, the
    # heading spaced out with two letters still in a pair, ASCII angle brackets around the day
    glued_scan = (
        "УТВЕРЖДАЮ Директор МБОУ «СОШ№5» _______ О.П. Смирнова <<•02>>сентября 2021 г. "
        "П О Л О Ж ЕН И Е о наставничестве молодых учителей 1.Общие положения Наставничество — форма "
        "индивидуальной работы опытного учителя с молодым учителем, не имеющим стажа педагогической работы или "
        "имеющим стаж до трёх лет. Наставник — опытный учитель, которого назначает директор школы. Молодой "
        "учитель повышает своё мастерство под руководством наставника по плану, который они составляют вместе. "
        "2.Права и обязанности наставника Наставник посещает уроки молодого учителя и обсуждает их с ним."
    )
    add(
        Case(
            "html_page_with_a_glued_scan_text_layer_and_a_spaced_heading",
            "polozhenie-o-nastavnichestve.html",
            r.html_bytes("Положение о наставничестве", [("p", glued_scan)], menu=False),
            dict(
                types=["regulation"],
                approved_on="2021-09-02",
                title_has=["положение о наставничестве молодых учителей"],
            ),
            org_name=SOSH5,
            fmt="html",
        )
    )
    # a school's news write-up headlined ««…»: реализация программы наставничества в …»: news, not the programme
    news = [
        ("p", "12 октября 2024"),
        (
            "p",
            "Педагоги нашей школы продолжают работу по программе наставничества. На этой неделе прошёл открытый "
            "урок молодого учителя истории, который он подготовил вместе со своим наставником, а после урока "
            "наставники и молодые учителя обсудили, что получилось и над чем стоит поработать.",
        ),
        (
            "p",
            "В нашей школе наставничество — это живая работа: опытные коллеги посещают уроки, помогают с "
            "документами и делятся приёмами работы с классом.",
        ),
    ]
    add(
        Case(
            "html_news_write_up_headlined_the_implementation_of_a_programme",
            "novost-nastavnichestvo.html",
            r.html_bytes("«Вместе интереснее»: реализация программы наставничества в МБОУ СОШ № 5", news, menu=False),
            dict(types=["practice"]),
            org_name=SOSH5,
            fmt="html",
        )
    )
    # a city administration's regulation for its municipal organizations, republished by a school as a DOCX
    city = [
        ("p", "Приложение\nк постановлению Администрации\nгорода Энска\nот 12.04.2023 № 318"),
        (
            "title",
            "Положение\nо поощрении педагогов-наставников в муниципальных образовательных организациях города Энска",
        ),
        ("p", "1. Общие положения"),
        (
            "p",
            "1.1. Настоящее Положение определяет порядок поощрения педагогических работников, осуществляющих "
            "наставничество в муниципальных образовательных организациях города Энска.",
        ),
    ]
    add(
        Case(
            "docx_city_administration_regulation_for_its_organizations",
            "polozhenie-o-pooshchrenii-nastavnikov.docx",
            r.docx_bytes(city),
            dict(types=["external_act"], approved_on="2023-04-12", number="318"),
            org_name=SOSH5,
        )
    )


def _round20(add: Any, via_soffice: Any) -> None:
    """Round 20 of issue #14: pages and plans of the 2023 «Год педагога и наставника», in this project's own wording."""
    # a school's plan of festive events for the theme year: a plan of measures with «наставник» in its title, yet
    # no roadmap of the organization's mentoring (as one it would make the roadmap criterion «выполнено»)
    plan = [
        ("p", "УТВЕРЖДЕНО\nприказом директора\nот 16.01.2023 № 9-од"),
        ("title", "План мероприятий МБОУ «СОШ № 5», посвящённых Году педагога и наставника"),
        (
            "table",
            [
                ["№", "Мероприятие", "Сроки", "Ответственный"],
                ["1", "Торжественная линейка, открывающая год", "январь", "заместитель директора"],
                ["2", "Конкурс чтецов «Слово об учителе»", "февраль", "учителя литературы"],
                ["3", "Встреча с ветеранами педагогического труда", "март", "классные руководители"],
                ["4", "Выставка рисунков «Мой учитель»", "апрель", "учитель ИЗО"],
                ["5", "Праздничный концерт ко Дню учителя", "октябрь", "педагог-организатор"],
            ],
        ),
    ]
    add(
        Case(
            "docx_plan_of_events_of_the_year_of_the_teacher_and_mentor",
            "plan-god-pedagoga.docx",
            r.docx_bytes(plan),
            dict(types=["other"], approved_on="2023-01-16", number="9-од"),
            org_name=SOSH5,
        )
    )


def _round21(add: Any, via_soffice: Any) -> None:
    """Round 21 of issue #14: the council's protocol written inside the head's «УТВЕРЖДАЮ» block, the council named in
    full («Протокол педагогического совета № 1 от …»), with no block of its own: the head approved by it."""
    block = (
        "«УТВЕРЖДАЮ»\nДиректор МБОУ «СОШ № 5»\n____________ А.В. Смирнова\n"
        "Протокол педагогического совета № 1 от 29.08.2024г."
    )
    lines = [
        ("p", "МУНИЦИПАЛЬНОЕ БЮДЖЕТНОЕ ОБЩЕОБРАЗОВАТЕЛЬНОЕ УЧРЕЖДЕНИЕ «СРЕДНЯЯ ОБЩЕОБРАЗОВАТЕЛЬНАЯ ШКОЛА № 5»"),
        ("p", block),
        ("title", "Положение о системе наставничества педагогических работников"),
        *REG_BODY,
    ]
    via_soffice(
        Case(
            "lo_pdf_council_protocol_inside_the_heads_block",
            "polozhenie-sistema.pdf",
            b"",
            dict(types=["regulation"], approved_on="2024-08-29", number="1"),
            org_name=SOSH5,
        ),
        r.docx_bytes(lines),
    )
    # the same, as a viewer's text glued into one line
    glued = (
        "МУНИЦИПАЛЬНОЕ БЮДЖЕТНОЕ ОБЩЕОБРАЗОВАТЕЛЬНОЕ УЧРЕЖДЕНИЕ «СРЕДНЯЯ ОБЩЕОБРАЗОВАТЕЛЬНАЯ ШКОЛА № 5» «УТВЕРЖДАЮ» "
        "Директор МБОУ «СОШ № 5» ____________ А.В. Смирнова Протокол заседания педагогического совета № 1 от "
        "29.08.2024г. Положение о системе наставничества педагогических работников 1. Общие положения 1.1. Настоящее "
        "Положение определяет цели, задачи и порядок наставничества педагогических работников школы."
    )
    add(
        Case(
            "txt_glued_council_protocol_inside_the_heads_block",
            "polozhenie-sistema.txt",
            _text_bytes(glued),
            dict(types=["regulation"], approved_on="2024-08-29", number="1"),
            org_name=SOSH5,
        )
    )


def _round22(add: Any, via_soffice: Any) -> None:
    """Round 22 of issue #14: a two-column stamp laid out one line per paragraph, the head's column ending with its
    order («Приказ № 63 от 19.12. 2025г.») and the council's lone date below it; and a section page whose heading,
    broken by <br> or typed one paragraph per line, names a dated monitoring of mentoring."""
    stamp = [
        "«Рассмотрено и принято»          «Утверждено»",
        "на педагогическом совете          ___________ О.Н. Лаврова",
        "Директор ЦДТ «Радуга»",
        "Приказ № 63 от 19.12. 2025г.",
        "08.12.2025г.",
    ]
    title = [("title", "ПОЛОЖЕНИЕ\nо системе наставничества педагогических работников")]
    expect = dict(types=["regulation"], approved_on="2025-12-19", number="63")
    via_soffice(
        Case("lo_pdf_two_columns_one_line_each_order_on_its_line", "polozhenie-nastavnichestvo.pdf", b"", expect,
             org_name=CDT),
        r.docx_bytes([*[("p", line) for line in stamp], *title, *REG_BODY]),
    )  # fmt: skip
    add(
        Case(
            "html_two_columns_one_paragraph_per_line_order_on_its_line",
            "polozhenie.html",
            r.html_bytes("Наставничество", [*[("p", line) for line in stamp], *title, *REG_BODY]),
            expect,
            org_name=CDT,
            fmt="html",
        )
    )
    rows = [
        ["Наличие раздела «Наставничество» на официальном сайте", "есть"],
        ["Наличие приказа о внедрении целевой модели наставничества", "приказ от 01.09.2025 № 61"],
        ["Количество наставнических пар в 2025-2026 учебном году", "4"],
    ]
    heading = "Мониторинг реализации целевой модели наставничества\nв ЦДТ «Радуга»\nна 15.12.2025"
    for name, blocks in (
        ("html_monitoring_heading_broken_by_br", [("title", heading)]),
        ("html_monitoring_heading_one_paragraph_per_line", [("title", line) for line in heading.split("\n")]),
    ):
        add(
            Case(
                name,
                "monitoring.html",
                r.html_bytes("Наставничество", [*blocks, ("table", rows)]),
                dict(types=["report"], title_has=["мониторинг реализации целевой модели наставничества", "15.12.2025"]),
                org_name=CDT,
                fmt="html",
            )
        )
