"""The held-out corpus: documents written unlike the demo's, from the real forms of DOMAIN.md §1.2–1.3, §2.7–2.8
and §4, with the answers a methodologist would give.

build_corpus(directory) writes every file and returns the cases; the answers are in Case.expect:
  types — DocType values of the parts, in order; the other keys describe part Case.part (default 0):
  approved_on (ISO), number, academic_years, period_end (ISO), signed, pupil_only, owner_matches,
  curator_clause, pay_mentoring_clause.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.heldout_docs import render as r

SOSH7 = "МБОУ «Средняя общеобразовательная школа № 7»"
DS18 = "МБДОУ «Детский сад № 18 «Ромашка»"
DS61 = "МБДОУ «Детский сад № 61»"
DS72 = "МБДОУ д/с № 72"
GYM = "МАОУ «Гимназия № 2»"
CDO = "МБУ ДО «Центр детского творчества»"
SOSH3 = "МКОУ «Бердниковская СОШ»"

BODY_REG = [
    ("p", "1. Общие положения"),
    (
        "p",
        "1.1. Настоящее Положение устанавливает порядок организации наставничества, цели и задачи "
        "наставнической деятельности, права и обязанности наставника и наставляемого.",
    ),
    (
        "p",
        "1.2. Наставничество — форма обеспечения профессионального становления, развития и адаптации "
        "к квалифицированному исполнению должностных обязанностей лиц, в отношении которых осуществляется "
        "наставничество.",
    ),
    ("p", "1.3. Наставник назначается из числа педагогов, имеющих стаж не менее пяти лет."),
    ("p", "2. Права и обязанности наставника"),
    ("p", "2.1. Наставник обязан разработать совместно с наставляемым персонализированную программу."),
]


def _order_body(clauses: list[str]) -> list[r.Block]:
    blocks: list[r.Block] = [("p", "ПРИКАЗЫВАЮ:")]
    blocks += [("p", f"{i}. {c}") for i, c in enumerate(clauses, 1)]
    blocks.append(("p", "Контроль за исполнением настоящего приказа оставляю за собой."))
    blocks.append(("p", "Директор                                    Н.В. Кравцова"))
    return blocks


@dataclass
class Case:
    name: str
    file_name: str
    data: bytes
    expect: dict[str, Any]
    link_text: str = ""
    org_name: str | None = None
    part: int = 0
    fmt: str | None = None
    notes: str = ""
    path: Path | None = field(default=None)


def _letterhead(org_full: str, city: str = "г. Тонкино") -> list[r.Block]:
    return [("p", "Муниципальное бюджетное общеобразовательное учреждение"), ("p", org_full), ("p", city)]


def build_corpus(directory: Path) -> list[Case]:
    cases: list[Case] = []
    soffice_jobs: list[tuple[Case, bytes, str, str]] = []

    def add(case: Case) -> None:
        cases.append(case)

    def via_soffice(case: Case, blocks_or_bytes: bytes, src: str, target: str) -> None:
        cases.append(case)
        soffice_jobs.append((case, blocks_or_bytes, src, target))

    # 1. DOCX, stamps side by side in table cells, «(целевой модели)» in the title
    reg1 = [
        (
            "stamps",
            [
                "ПРИНЯТО\nна заседании педагогического совета\nМБОУ «СОШ № 7»\nпротокол № 1 от 29.08.2023",
                "УТВЕРЖДЕНО\nприказом директора МБОУ «СОШ № 7»\nот 30.08.2023 № 145-од",
            ],
        ),
        ("title", "ПОЛОЖЕНИЕ\nо системе (целевой модели) наставничества педагогических работников\nв МБОУ «СОШ № 7»"),
        *BODY_REG,
    ]
    add(
        Case(
            "docx_table_stamps_regulation",
            "polozhenie_nastavnichestvo.docx",
            r.docx_bytes(reg1),
            dict(
                types=["regulation"],
                approved_on="2023-08-30",
                number="145-од",
                signed=False,
                pupil_only=False,
                owner_matches=True,
            ),
            link_text="Положение о системе (целевой модели) наставничества педагогических работников",
            org_name=SOSH7,
        )
    )
    # 2. LibreOffice PDF: «УТВЕРЖДАЮ … Приказ № 575 от 01 ноября 2022 г.», programme-named Положение
    reg2 = [
        (
            "stamps",
            [
                "РАССМОТРЕНО и ПРИНЯТО\nна заседании педагогического совета\nПротокол № 17 от «30» октября 2022 г.",
                "УТВЕРЖДАЮ\nИ.о. директора МАОУ «Гимназия № 2»\n__________ С.А. Лебедева\nПриказ № 575 от 01 ноября "
                "2022 г.",
            ],
        ),
        ("title", "Положение о программе наставничества\nМАОУ «Гимназия № 2»"),
        *BODY_REG,
    ]
    via_soffice(
        Case(
            "lo_pdf_utverzhdayu_regulation",
            "Положение о программе наставничества.pdf",
            b"",
            dict(types=["regulation"], approved_on="2022-11-01", number="575", owner_matches=True, signed=False),
            org_name=GYM,
        ),
        r.docx_bytes(reg2),
        "docx",
        "pdf",
    )
    # 3. ODT with frames: kindergarten Положение о наставнической деятельности
    reg3 = [
        (
            "stamps",
            [
                "СОГЛАСОВАНО\nОбщим собранием работников\nПротокол № 2 от 14.09.2021",
                "УТВЕРЖДЕНО\nПриказом заведующего\nМБДОУ «Детский сад № 18»\nот «15» сентября 2021 г. № 88/1",
            ],
        ),
        ("title", "ПОЛОЖЕНИЕ\nо наставнической деятельности в МБДОУ «Детский сад № 18»"),
        *BODY_REG,
    ]
    add(
        Case(
            "odt_frames_regulation",
            "polozhenie.odt",
            r.odt_bytes(reg3),
            dict(types=["regulation"], approved_on="2021-09-15", number="88/1", owner_matches=True),
            org_name=DS18,
        )
    )
    # 4. RTF from LibreOffice: «Дорожная карта Наставничество» as Приложение № 2
    road4 = [
        ("p", "Приложение № 2\nк приказу МБДОУ «Детский сад № 18»\nот 01.09.2022 № 21/1"),
        ("title", "Дорожная карта Наставничество"),
        (
            "table",
            [
                ["№ п/п", "Мероприятие", "Сроки", "Ответственный"],
                ["1", "Создание рабочей группы по внедрению наставничества", "сентябрь 2022", "Заведующий"],
                ["2", "Разработка Положения о наставничестве", "сентябрь 2022", "Куратор"],
                ["3", "Формирование базы наставников и наставляемых", "октябрь 2022", "Куратор"],
                ["4", "Закрепление наставнических пар приказом", "октябрь 2022", "Заведующий"],
            ],
        ),
    ]
    via_soffice(
        Case(
            "lo_rtf_roadmap_appendix",
            "dorozhnaya_karta.rtf",
            b"",
            dict(types=["roadmap"], approved_on="2022-09-01", number="21/1", owner_matches=True),
            org_name=DS18,
        ),
        r.docx_bytes(road4),
        "docx",
        "rtf",
    )
    # 5. LibreOffice PDF from ODT: plan of events «на 2022-2023 год»
    plan5 = [
        (
            "stamps",
            ["", "УТВЕРЖДАЮ\nДиректор МКОУ «Бердниковская СОШ»\n_________ О.П. Гусева\n«02» сентября 2022 г."],
        ),
        (
            "title",
            "План мероприятий\nпо реализации Программы наставничества\nМКОУ «Бердниковская СОШ»\nна 2022-2023 год",
        ),
        (
            "table",
            [
                ["№", "Мероприятие", "Срок", "Ответственный"],
                ["1", "Анкетирование молодых педагогов", "сентябрь", "Зам. директора"],
                ["2", "Составление индивидуальных планов наставляемых", "октябрь", "Наставники"],
                ["3", "Открытые уроки наставников", "в течение года", "Наставники"],
            ],
        ),
    ]
    via_soffice(
        Case(
            "lo_pdf_from_odt_plan_year",
            "plan-meropriyatiy-2022-2023.pdf",
            b"",
            dict(types=["roadmap"], academic_years=["2022-2023"], owner_matches=True, approved_on="2022-09-02"),
            org_name=SOSH3,
        ),
        r.odt_bytes(plan5),
        "odt",
        "pdf",
    )
    # 6. «Программа наставничества с Дорожной картой»
    prog6 = [
        ("stamps", ["СОГЛАСОВАНО\nметодическим советом\nпротокол № 1", "УТВЕРЖДАЮ\nприказ от 31.08.2023 № 60"]),
        ("title", "Программа наставничества с Дорожной картой\nна 2023-2024 учебный год"),
        ("p", "1. Пояснительная записка"),
        (
            "p",
            "Программа наставничества разработана для адаптации молодых специалистов, вновь принятых учителей и "
            "педагогов, переходящих на новую должность.",
        ),
        ("p", "Приложение. Дорожная карта реализации программы наставничества"),
    ]
    add(
        Case(
            "docx_program_with_roadmap",
            "programma.docx",
            r.docx_bytes(prog6),
            dict(
                types=["program"],
                academic_years=["2023-2024"],
                approved_on="2023-08-31",
                number="60",
            ),
        )
    )
    # 7. DOCX order «О назначении наставников», letterhead in a table, number «К/76 -од»
    ord7 = [
        ("stamps", ["Муниципальное бюджетное общеобразовательное учреждение\n«Средняя общеобразовательная школа № 7»"]),
        ("p", "ПРИКАЗ"),
        ("p", "12.09.2024\t\t\t\t№ К/76-од"),
        ("p", "О назначении наставников"),
        (
            "p",
            "В целях реализации Положения о системе наставничества педагогических работников, на основании "
            "письменного согласия работников",
        ),
        *_order_body(
            [
                "Назначить наставником учителя математики Смирнову О.В. для молодого специалиста Котова А.И. на "
                "2024-2025 учебный год.",
                "Назначить наставником учителя начальных классов Иванову Т.Г. для Петровой Е.Н.",
            ]
        ),
    ]
    add(
        Case(
            "docx_pairs_order_naznachenie",
            "prikaz_76.docx",
            r.docx_bytes(ord7),
            dict(types=["pairs_order"], approved_on="2024-09-12", number="К/76-од", owner_matches=True),
            org_name=SOSH7,
        )
    )
    # 8. LibreOffice PDF: «Об организации наставничества на 2024-2025 учебный год»
    ord8 = [
        *_letterhead("«Средняя общеобразовательная школа № 7»"),
        ("title", "П Р И К А З"),
        ("p", "от 02.09.2024 г.                                      № 117-од"),
        ("p", "Об организации наставничества на 2024-2025 учебный год"),
        *_order_body(
            [
                "Утвердить состав наставнических пар на 2024-2025 учебный год (приложение).",
                "Наставникам разработать персонализированные программы наставничества до 20.09.2024.",
            ]
        ),
    ]
    via_soffice(
        Case(
            "lo_pdf_pairs_order_year",
            "prikaz-117-od.pdf",
            b"",
            dict(
                types=["pairs_order"],
                approved_on="2024-09-02",
                number="117-од",
                academic_years=["2024-2025"],
                owner_matches=True,
            ),
            org_name=SOSH7,
        ),
        r.docx_bytes(ord8),
        "docx",
        "pdf",
    )
    # 9. HTML page: order pasted with <p>/<br>/<table>
    ord9 = [
        ("p", "Муниципальное бюджетное дошкольное образовательное учреждение\n«Детский сад № 61»"),
        ("p", "ПРИКАЗ"),
        ("stamps", ["от 30.08.2023", "№ 41-од"]),
        ("p", "О закреплении наставников за молодыми специалистами"),
        *_order_body(
            [
                "Закрепить за молодыми специалистами наставников согласно приложению.",
                "Наставникам составить индивидуальные планы работы с молодыми специалистами.",
            ]
        ),
        ("table", [["ФИО наставника", "ФИО наставляемого"], ["Орлова Н.П.", "Зуева К.С."]]),
    ]
    add(
        Case(
            "html_pairs_order_pasted",
            "nastavnichestvo.html",
            r.html_bytes("Наставничество", ord9),
            dict(types=["pairs_order"], approved_on="2023-08-30", number="41-од", owner_matches=True),
            link_text="Наставничество",
            org_name=DS61,
            fmt="html",
        )
    )
    # 10. XLSX: regional base of mentors
    add(
        Case(
            "xlsx_regional_base",
            "baza.xlsx",
            r.xlsx_bytes(
                "Педагоги-наставники, включённые в единую базу наставников",
                [
                    ["№", "ФИО наставника", "Должность", "Стаж", "Наставляемый"],
                    ["1", "Смирнова Ольга Викторовна", "учитель математики", "18", "Котов А.И."],
                    ["2", "Иванова Татьяна Геннадьевна", "учитель начальных классов", "22", "Петрова Е.Н."],
                ],
            ),
            dict(types=["mentor_registry"], signed=False),
            link_text="Педагоги-наставники, включённые в единую базу наставников",
            org_name=SOSH7,
        )
    )
    # 11. DOCX «ИОМ»
    iom = [
        ("title", "ИОМ\nмолодого педагога Котова Алексея Игоревича, учителя информатики"),
        ("p", "Наставник: Смирнова О.В., учитель математики высшей категории"),
        (
            "table",
            [
                ["Направление", "Мероприятие", "Сроки", "Форма отчёта"],
                ["Методическое", "Посещение уроков наставника", "сентябрь-октябрь", "анализ уроков"],
            ],
        ),
    ]
    add(Case("docx_iom", "ИОМ Котов.docx", r.docx_bytes(iom), dict(types=["individual_plan"])))
    # 12. LibreOffice PDF: «Коллективный договор» with a mentoring pay appendix
    kd = [
        ("title", "КОЛЛЕКТИВНЫЙ ДОГОВОР\nмуниципального автономного общеобразовательного учреждения «Гимназия № 2»"),
        ("p", "на 2023-2026 годы"),
        ("p", "1. Общие положения"),
        (
            "p",
            "1.1. Настоящий коллективный договор является правовым актом, регулирующим социально-трудовые отношения.",
        ),
        ("p", "Приложение № 7 к коллективному договору"),
        ("p", "Перечень выплат стимулирующего характера"),
        (
            "p",
            "7.3. Педагогическим работникам, осуществляющим наставническую деятельность, устанавливается "
            "ежемесячная доплата в размере 10 % должностного оклада за каждого наставляемого.",
        ),
    ]
    via_soffice(
        Case(
            "lo_pdf_collective_agreement",
            "kollektivnyy-dogovor.pdf",
            b"",
            dict(types=["pay_regulation"], pay_mentoring_clause=True),
            link_text="Коллективный договор",
            org_name=GYM,
        ),
        r.docx_bytes(kd),
        "docx",
        "pdf",
    )
    # 13. DOCX monitoring of a DOU
    mon = [
        ("title", "Мониторинг реализации региональной целевой модели наставничества в МБДОУ № 61 на 13.12.2024"),
        (
            "table",
            [
                ["Показатель", "Значение"],
                ["Количество наставнических пар", "4"],
                ["Доля педагогов-наставников", "12 %"],
                ["Наличие раздела «Наставничество» на сайте", "да"],
            ],
        ),
        ("p", "Вывод: наставничество в учреждении реализуется в соответствии с дорожной картой."),
    ]
    add(
        Case(
            "docx_monitoring_dou",
            "monitoring.docx",
            r.docx_bytes(mon),
            dict(types=["report"], owner_matches=True),
            org_name=DS61,
        )
    )
    # 14. HTML: registry of successful practices pasted in a page
    prac = [
        ("p", "Реестр успешных практик наставничества МАОУ «Гимназия № 2»"),
        (
            "table",
            [
                ["№", "Практика", "Форма наставничества", "Автор"],
                ["1", "Школа молодого учителя", "педагог – педагог", "Лебедева С.А."],
                ["2", "Наставник-онлайн: взаимопосещение уроков", "педагог – педагог", "Смирнова О.В."],
            ],
        ),
        (
            "p",
            "Реестр сформирован по итогам муниципального конкурса и пополняется ежегодно. Практики описаны "
            "наставниками и их наставляемыми, в каждой приведены цели, этапы работы наставнической пары, "
            "результаты и продукты деятельности, которые могут использовать коллеги в других школах района. "
            "Наставничество в гимназии реализуется по форме «педагог – педагог», наставники сопровождают молодых "
            "специалистов в течение первых трёх лет работы.",
        ),
    ]
    add(
        Case(
            "html_practice_registry",
            "praktiki.html",
            r.html_bytes("Реестр успешных практик", prac),
            dict(types=["practice"]),
            link_text="Реестр успешных практик",
            org_name=GYM,
            fmt="html",
        )
    )
    # 15. glued words in a text layer
    glued = [
        ("p", "УТВЕРЖДЕНОприказомот21.02.2022№122"),
        ("title", "Положениеосистеменаставничествапедагогическихработников"),
        *BODY_REG,
    ]
    via_soffice(
        Case(
            "lo_pdf_glued_title",
            "document (3).pdf",
            b"",
            dict(types=["regulation"], approved_on="2022-02-21", number="122"),
        ),
        r.docx_bytes(glued),
        "docx",
        "pdf",
    )
    # 16. unreadable file, the file name tells all
    add(
        Case(
            "name_only_model_order",
            "приказ-целевая-модель-наставничества-МБДОУ-18.pdf",
            b"<html><body>502 Bad Gateway</body></html>",
            dict(types=["model_order"]),
            org_name=DS18,
        )
    )
    # 17. «(новая редакция)» + «(подписано электронной подписью)» in the link
    reg17 = [
        (
            "stamps",
            [
                "ПРИНЯТО\nобщим собранием работников\nпротокол № 3 от 10.01.2023",
                "УТВЕРЖДЕНО\nприказом заведующего от 10.01.2023 № 3-од",
            ],
        ),
        ("title", "ПОЛОЖЕНИЕ\nо наставничестве (новая редакция)"),
        *BODY_REG,
    ]
    add(
        Case(
            "docx_new_edition_signed_link",
            "Положение о наставничестве (новая редакция).docx",
            r.docx_bytes(reg17),
            dict(types=["regulation"], approved_on="2023-01-10", number="3-од", signed=True),
            link_text="Положение о наставничестве (новая редакция) (подписано электронной подписью)",
        )
    )
    # 18. ES stamp block at the end of a LibreOffice PDF
    reg18 = [
        ("stamps", ["", "УТВЕРЖДЕНО\nприказом от 11.03.2024 № 0123"]),
        ("title", "ПОЛОЖЕНИЕ\nо наставничестве для педагогических работников МБДОУ «Детский сад № 61»"),
        *BODY_REG,
        (
            "p",
            "ДОКУМЕНТ ПОДПИСАН\nЭЛЕКТРОННОЙ ПОДПИСЬЮ\nСертификат 4F2A90C1DE37B8A1022C45E9\nВладелец Семёнова Ирина "
            "Павловна\nДействителен с 20.12.2023 по 20.03.2025",
        ),
    ]
    via_soffice(
        Case(
            "lo_pdf_es_stamp_block",
            "polozhenie-eds.pdf",
            b"",
            dict(types=["regulation"], approved_on="2024-03-11", number="0123", signed=True, owner_matches=True),
            org_name=DS61,
        ),
        r.docx_bytes(reg18),
        "docx",
        "pdf",
    )
    # 19. Adobe visible signature text in a DOCX-made programme
    prog19 = [
        ("stamps", ["", "УТВЕРЖДАЮ\nДиректор МБОУ «СОШ № 7»\nПриказ № 102 от 16.05.2022 г"]),
        ("title", "ПРОГРАММА\nнаставнической деятельности\nна 2022-2025 гг."),
        ("p", "Подписано цифровой подписью: Кравцова Наталья Викторовна\nДата: 2022.05.13 16:05:04 +07'00'"),
        (
            "p",
            "Программа наставнической деятельности направлена на профессиональное становление молодых специалистов.",
        ),
    ]
    add(
        Case(
            "docx_adobe_signature_text",
            "programma-nastavnicheskoy-deyatelnosti.docx",
            r.docx_bytes(prog19),
            dict(types=["program"], approved_on="2022-05-16", number="102", signed=True, period_end="2025-12-31"),
            org_name=SOSH7,
        )
    )
    # 20. order: model + curator in the title
    ord20 = [
        *_letterhead("«Средняя общеобразовательная школа № 7»"),
        ("p", "ПРИКАЗ"),
        ("p", "№ 26/1                                                от 01.09.2022"),
        ("p", "О внедрении целевой модели наставничества и назначении куратора"),
        *_order_body(
            [
                "Внедрить целевую модель наставничества педагогических работников.",
                "Назначить куратором внедрения целевой модели наставничества заместителя директора Орлову М.В.",
            ]
        ),
    ]
    add(
        Case(
            "docx_order_model_curator",
            "prikaz_kurator.docx",
            r.docx_bytes(ord20),
            # an order introducing the model is model_order even when it appoints the curator (devset/README.md);
            # the appointment is its curator_clause
            dict(types=["model_order"], approved_on="2022-09-01", number="26/1", curator_clause=True),
            org_name=SOSH7,
        )
    )
    # 21. ODT: order with a coordinator clause and its Положение as Приложение 1
    ord21 = [
        ("p", "Муниципальное бюджетное учреждение дополнительного образования\n«Центр детского творчества»"),
        ("p", "ПРИКАЗ"),
        ("p", "04.09.2023                                         № 54"),
        ("p", "Об организации наставничества педагогических работников"),
        *_order_body(
            [
                "Утвердить Положение о наставничестве (приложение 1).",
                "Назначить координатором работы по наставничеству методиста Волкову Е.А.",
                "Методисту Волковой Е.А. сформировать базу наставников до 01.10.2023.",
            ]
        ),
        ("p", "Приложение 1\nк приказу № 54 от 04.09.2023"),
        ("title", "ПОЛОЖЕНИЕ\nо наставничестве педагогических работников"),
        *BODY_REG,
        *BODY_REG[1:],
    ]
    add(
        Case(
            "odt_order_with_appendix",
            "prikaz54.odt",
            r.odt_bytes(ord21),
            dict(
                types=["model_order", "regulation"],
                approved_on="2023-09-04",
                number="54",
                curator_clause=True,
                owner_matches=True,
            ),
            org_name=CDO,
        )
    )
    # 22. order without a curator
    ord22 = [
        ("p", "МАОУ «Гимназия № 2»"),
        ("p", "ПРИКАЗ"),
        ("p", "«28» августа 2023 г.                        № 42-ОД"),
        ("p", "О реализации системы наставничества в 2023-2024 учебном году"),
        *_order_body(
            [
                "Утвердить Положение о системе наставничества педагогических работников в новой редакции.",
                "Продолжить реализацию системы наставничества педагогических работников.",
            ]
        ),
    ]
    via_soffice(
        Case(
            "lo_pdf_order_no_curator",
            "prikaz-42.pdf",
            b"",
            dict(types=["model_order"], approved_on="2023-08-28", number="42-ОД", curator_clause=False),
            org_name=GYM,
        ),
        r.docx_bytes(ord22),
        "docx",
        "pdf",
    )
    # 23–27. scans
    reg23 = [
        (
            "stamps",
            [
                "ПРИНЯТО\nпедагогическим советом\nпротокол № 1 от 31.08.2023",
                "УТВЕРЖДЕНО\nприказом от 31.08.2023 № 112",
            ],
        ),
        ("title", "ПОЛОЖЕНИЕ\nо наставничестве (новая редакция)"),
        *BODY_REG,
    ]
    add(
        Case(
            "scan150_skew_grey_regulation",
            "polozhenie_skan.pdf",
            r.scan_pdf_bytes(r.scan_pages([reg23], dpi=150, skew=2.0, grey=215, seed=3), 150),
            dict(types=["regulation"], approved_on="2023-08-31", number="112"),
        )
    )
    ord24 = [
        ("stamps", ["МБДОУ «Детский сад № 18»", "УТВЕРЖДАЮ\nЗаведующий\n________ А.А. Белова"]),
        ("p", "ПРИКАЗ"),
        ("p", "от 15.09.2023 № 97"),
        ("title", "О закреплении наставнических пар"),
        *_order_body(
            [
                "Закрепить наставнические пары на 2023-2024 учебный год согласно приложению.",
                "Наставникам составить планы работы.",
            ]
        ),
    ]
    add(
        Case(
            "scan100_blot_pairs_order",
            "scan_0097.pdf",
            r.scan_pdf_bytes(r.scan_pages([ord24], dpi=100, skew=-1.0, grey=230, blot_stamp=True, seed=4), 100),
            dict(types=["pairs_order"], approved_on="2023-09-15", number="97", owner_matches=True),
            org_name=DS18,
        )
    )
    road25 = [
        ("p", "Приложение № 2 к приказу от 01.09.2022 № 21/1"),
        ("title", "Дорожная карта внедрения целевой модели наставничества на период до 2027 года"),
        (
            "table",
            [
                ["№", "Мероприятие", "Сроки", "Ответственный"],
                ["1", "Разработка положения о наставничестве", "март 2024", "Куратор"],
                ["2", "Формирование наставнических пар", "сентябрь 2024", "Директор"],
            ],
        ),
    ]
    add(
        Case(
            "scan75_roadmap",
            "dk.pdf",
            r.scan_pdf_bytes(r.scan_pages([road25], dpi=75, skew=1.0, grey=225, seed=5, font_pt=14), 75),
            dict(
                types=["roadmap"],
                approved_on="2022-09-01",
                period_end="2027-12-31",
                text_has=["формирование", "разработка"],
            ),
        )
    )
    ord26_p1 = [
        ("p", "Муниципальное казённое общеобразовательное учреждение"),
        ("p", "«Бердниковская средняя общеобразовательная школа»"),
        ("p", "ПРИКАЗ"),
        ("p", "от 19.12.2022 № 117-од"),
        ("title", "О внедрении целевой модели наставничества"),
        *_order_body(
            [
                "Внедрить целевую модель наставничества педагогических работников.",
                "Утвердить Положение о системе наставничества (приложение 1).",
                "Назначить куратором заместителя директора Гусеву О.П.",
            ]
        ),
    ]
    ord26_p2 = [
        ("p", "Приложение 1\nк приказу от 19.12.2022 № 117-од"),
        ("title", "ПОЛОЖЕНИЕ\nо системе наставничества педагогических работников"),
        *BODY_REG,
    ]
    add(
        Case(
            "scan100_two_pages_order_regulation",
            "prikaz-117.pdf",
            r.scan_pdf_bytes(r.scan_pages([ord26_p1, ord26_p2], dpi=100, skew=1.5, grey=235, seed=6), 100),
            dict(
                types=["model_order", "regulation"],
                approved_on="2022-12-19",
                number="117-од",
                curator_clause=True,
                owner_matches=True,
            ),
            org_name=SOSH3,
        )
    )
    prog27 = [
        ("stamps", ["", "УТВЕРЖДАЮ\nДиректор МАОУ «Гимназия № 2»\nприказ № 60 от 31.08.2023"]),
        ("title", "Программа наставничества\nна 2023-2024 учебный год"),
        ("p", "1. Пояснительная записка. Программа наставничества педагогических работников гимназии."),
        ("p", "2. Цель программы: адаптация молодых специалистов и профессиональное развитие наставляемых."),
    ]
    add(
        Case(
            "jpg_photo_program",
            "IMG_20230901_101512.jpg",
            r.scan_jpg_bytes(r.scan_pages([prog27], dpi=150, skew=-3.0, grey=240, seed=7)[0], 150),
            dict(
                types=["program"],
                academic_years=["2023-2024"],
                approved_on="2023-08-31",
                number="60",
                text_has=["цель программы: адаптация молодых специалистов"],
            ),
            link_text="Программа наставничества",
            org_name=GYM,
        )
    )
    # 28. OCR noise in a text layer: «ЛЪ 17», «Nп__Щz»
    reg28 = [
        ("p", "УТВЕРЖДЕНО\nприказом МБОУ «СОШ № 7»\nот 05.09.2023 ЛЪ 17\nNп__Щz"),
        ("title", "ПОЛОЖЕНИЕ о наставничестве"),
        *BODY_REG,
    ]
    add(
        Case(
            "docx_ocr_noise_number",
            "polozhenie-ocr.docx",
            r.docx_bytes(reg28),
            dict(types=["regulation"], approved_on="2023-09-05", number="17", owner_matches=True),
            org_name=SOSH7,
        )
    )
    # 29–37. negatives
    pupil = [
        ("stamps", ["", "УТВЕРЖДЕНО\nприказом от 21.02.2022 № 122"]),
        ("title", "ПОЛОЖЕНИЕ\nо наставничестве обучающихся"),
        ("p", "1.1. Настоящее Положение регулирует наставничество обучающихся по форме «ученик – ученик»."),
        ("p", "1.2. Наставником может быть обучающийся 8–11 классов, наставляемым — обучающийся 5–7 классов."),
        ("p", "1.3. Наставник помогает наставляемому в учёбе и в подготовке к олимпиадам."),
    ]
    add(
        Case(
            "docx_pupil_only",
            "polozhenie-obuchayushchiesya.docx",
            r.docx_bytes(pupil),
            dict(types=["regulation"], pupil_only=True),
        )
    )
    council = [
        ("title", "ПОЛОЖЕНИЕ\nо Совете обучающихся МБОУ «СОШ № 7»"),
        ("p", "1.1. Совет обучающихся является коллегиальным органом ученического самоуправления."),
        ("p", "1.2. Совет участвует в организации школьных мероприятий, в том числе наставничества для новичков."),
        ("p", "1.3. Совет избирается на общем собрании обучающихся сроком на один год."),
    ]
    add(Case("docx_student_council", "sovet.docx", r.docx_bytes(council), dict(types=["other"]), org_name=SOSH7))
    metod = [
        ("stamps", ["ПРИНЯТО\nпедсоветом", "УТВЕРЖДЕНО\nприказом от 30.08.2023 № 140"]),
        ("title", "ПОЛОЖЕНИЕ\nо методическом совете"),
        ("p", "1.1. Методический совет координирует методическую работу школы."),
        ("p", "2.1. Задачи: повышение квалификации, наставничество, обобщение опыта, аттестация педагогов."),
        ("p", "2.2. Методический совет рассматривает рабочие программы и планы."),
    ]
    via_soffice(
        Case("lo_pdf_methodical_council", "metodsovet.pdf", b"", dict(types=["other"])),
        r.docx_bytes(metod),
        "docx",
        "pdf",
    )
    year_plan = [
        ("title", "План работы школы на 2024-2025 учебный год"),
        (
            "table",
            [
                ["Направление", "Мероприятия", "Сроки"],
                ["Работа с кадрами", "Аттестация, курсы, наставничество", "в течение года"],
                ["Воспитательная работа", "Классные часы, праздники", "по плану"],
                ["Методическая работа", "Предметные недели", "по графику"],
            ],
        ),
    ]
    add(Case("docx_school_year_plan", "plan-raboty.docx", r.docx_bytes(year_plan), dict(types=["other"])))
    mordovia = [
        ("p", "МИНИСТЕРСТВО ОБРАЗОВАНИЯ РЕСПУБЛИКИ МОРДОВИЯ"),
        ("p", "ПРИКАЗ"),
        ("p", "от 05.03.2022                                     № 161"),
        ("p", "г. Саранск"),
        (
            "p",
            "Об утверждении региональной целевой модели наставничества педагогических работников "
            "образовательных организаций Республики Мордовия",
        ),
        *_order_body(["Утвердить прилагаемую региональную целевую модель наставничества."]),
    ]
    via_soffice(
        Case(
            "lo_pdf_regional_order_mordovia",
            "prikaz-minobr-161.pdf",
            b"",
            dict(types=["external_act"], approved_on="2022-03-05", number="161"),
            org_name=SOSH7,
        ),
        r.docx_bytes(mordovia),
        "docx",
        "pdf",
    )
    arh = [
        ("p", "ПРАВИТЕЛЬСТВО АРХАНГЕЛЬСКОЙ ОБЛАСТИ"),
        ("p", "ПОСТАНОВЛЕНИЕ"),
        ("p", "от 30 ноября 2021 г. № 680-пп"),
        ("p", "г. Архангельск"),
        (
            "p",
            "О системе наставничества педагогических работников в образовательных организациях Архангельской области",
        ),
        ("p", "Правительство Архангельской области постановляет:"),
        ("p", "1. Утвердить прилагаемое Положение о системе наставничества педагогических работников."),
    ]
    add(
        Case(
            "docx_regional_resolution",
            "postanovlenie.docx",
            r.docx_bytes(arh),
            dict(types=["external_act"]),
            org_name=SOSH7,
        )
    )
    letter = [
        ("p", "МИНИСТЕРСТВО ПРОСВЕЩЕНИЯ РОССИЙСКОЙ ФЕДЕРАЦИИ"),
        ("p", "ПИСЬМО"),
        ("p", "от 21 декабря 2021 г. № АЗ-1128/08"),
        ("p", "Направляем методические рекомендации по разработке и внедрению системы (целевой модели) "),
        ("p", "наставничества педагогических работников в образовательных организациях."),
    ]
    add(
        Case(
            "docx_ministry_letter",
            "pismo_mr-42-02.docx",
            r.docx_bytes(letter),
            dict(types=["external_act"]),
            link_text="Письмо Минпросвещения России МР-42/02 (методические рекомендации)",
        )
    )
    gosweb = [
        ("p", "Нормативные документы"),
        ("p", "Распоряжение Министерства просвещения РФ от 25.12.2019 № Р-145"),
        ("p", "Письмо Минпросвещения России от 21.12.2021 № АЗ-1128/08"),
        ("p", "Федеральный закон от 29.12.2012 № 273-ФЗ «Об образовании в Российской Федерации»"),
        ("p", "Положение о наставничестве"),
        ("p", "Дорожная карта"),
    ]
    add(
        Case(
            "html_gosweb_federal_list",
            "nastavnichestvo-gosweb.html",
            r.html_bytes("Наставничество", gosweb),
            dict(types=["other"]),
            link_text="Наставничество",
            org_name=DS72,
            fmt="html",
        )
    )
    # 38–45. more positives in other shapes
    reg38 = [
        ("p", "Приложение 1\nк приказу № 54 от 04.09.2023"),
        ("title", "Положение\nо наставничестве для работников\nМБУ ДО «Центр детского творчества»"),
        *BODY_REG,
    ]
    via_soffice(
        Case(
            "lo_rtf_regulation_appendix",
            "polozhenie.rtf",
            b"",
            dict(types=["regulation"], approved_on="2023-09-04", number="54", owner_matches=True),
            org_name=CDO,
        ),
        r.docx_bytes(reg38),
        "docx",
        "rtf",
    )
    pay = [
        (
            "stamps",
            [
                "СОГЛАСОВАНО\nПредседатель профкома\n_______ Л.И. Мухина\nпротокол № 4 от 28.04.2023",
                "УТВЕРЖДЕНО\nприказом от 02.05.2023 № 01-03\\482",
            ],
        ),
        ("title", "ПОЛОЖЕНИЕ\nоб оплате труда работников МБОУ «СОШ № 7»"),
        ("p", "1. Общие положения"),
        ("p", "4. Выплаты стимулирующего характера"),
        ("p", "4.5. За осуществление наставничества устанавливается надбавка в размере 3000 рублей в месяц."),
    ]
    add(
        Case(
            "docx_pay_regulation_clause",
            "polozhenie-ob-oplate-truda.docx",
            r.docx_bytes(pay),
            dict(
                types=["pay_regulation"],
                pay_mentoring_clause=True,
                approved_on="2023-05-02",
                number="01-03\\482",
            ),
            org_name=SOSH7,
        )
    )
    pay2 = [
        ("title", "ПОЛОЖЕНИЕ\nо стимулирующих выплатах работникам МБДОУ «Детский сад № 61»"),
        ("p", "1. Выплаты за интенсивность и высокие результаты работы устанавливаются по итогам квартала."),
        ("p", "2. Премия по итогам года выплачивается при наличии экономии фонда оплаты труда."),
    ]
    via_soffice(
        Case(
            "lo_pdf_pay_without_mentoring",
            "stimuliruyushchie.pdf",
            b"",
            # a pay regulation without a mentoring clause is no mentoring document: other, with pay_act for the rule
            dict(types=["other"], pay_mentoring_clause=False, pay_act=True),
            org_name=DS61,
        ),
        r.docx_bytes(pay2),
        "docx",
        "pdf",
    )
    prog40 = [
        (
            "stamps",
            [
                "Согласовано\nметодическим советом\nпротокол № 1 от 30.08.2022",
                "Утверждаю\nДиректор школы\nприказ № 60 от 31.08.2022",
            ],
        ),
        ("title", "Программа наставнической деятельности\nМКОУ «Бердниковская СОШ»\nна 2022-2023 учебный год"),
        ("p", "Программа определяет формы наставничества «учитель – учитель» и порядок работы пар."),
    ]
    via_soffice(
        Case(
            "lo_rtf_program",
            "programma.rtf",
            b"",
            dict(
                types=["program"],
                approved_on="2022-08-31",
                number="60",
                academic_years=["2022-2023"],
                owner_matches=True,
            ),
            org_name=SOSH3,
        ),
        r.docx_bytes(prog40),
        "docx",
        "rtf",
    )
    add(
        Case(
            "xlsx_mentee_base",
            "baza-nastavlyaemyh.xlsx",
            r.xlsx_bytes(
                "База наставляемых 2024-2025",
                [
                    ["ФИО наставляемого", "Должность", "Стаж", "ФИО наставника"],
                    ["Котов Алексей Игоревич", "учитель информатики", "1", "Смирнова О.В."],
                ],
            ),
            dict(types=["mentor_registry"]),
        )
    )
    # owner mismatch: a plan copied from another kindergarten
    plan44 = [
        ("stamps", ["", "УТВЕРЖДАЮ\nЗаведующий МБДОУ д/с № 27\n_______ Т.А. Кузина"]),
        ("title", "План работы по наставничеству в МБДОУ д/с № 27\nна 2023-2024 учебный год"),
        (
            "table",
            [
                ["Мероприятие", "Сроки", "Ответственный"],
                ["Консультации наставников для молодых педагогов", "ежемесячно", "ст. воспитатель"],
            ],
        ),
    ]
    add(
        Case(
            "docx_owner_mismatch_plan",
            "plan-nastavnichestvo.docx",
            r.docx_bytes(plan44),
            dict(types=["roadmap"], owner_matches=False, academic_years=["2023-2024"]),
            org_name=DS72,
        )
    )
    # HTML: an order with the stamps in a layout table and «от «30» октября 2022 г.»
    ord45 = [
        ("p", "Муниципальное автономное общеобразовательное учреждение «Гимназия № 2»"),
        ("p", "ПРИКАЗ"),
        ("p", "от «30» октября 2022 г. № 11/2"),
        ("p", "О формировании наставнических пар (групп)"),
        *_order_body(
            [
                "Сформировать наставнические пары с письменного согласия участников (приложение).",
                "Назначить куратором наставничества заместителя директора Лебедеву С.А.",
            ]
        ),
    ]
    add(
        Case(
            "html_pairs_order_curator",
            "prikaz.html",
            r.html_bytes("Приказ о формировании наставнических пар", ord45),
            dict(
                types=["pairs_order"],
                approved_on="2022-10-30",
                number="11/2",
                curator_clause=True,
                owner_matches=True,
            ),
            link_text="Приказ о формировании наставнических пар",
            org_name=GYM,
            fmt="html",
        )
    )
    # ES stamp laid over a scan by the platform (text over image)
    guide = [
        ("title", "Памятка наставнику\nмолодого специалиста"),
        ("p", "1. Познакомьтесь с наставляемым и обсудите его профессиональные затруднения."),
        ("p", "2. Составьте вместе персонализированную программу наставничества."),
        ("p", "3. Посещайте уроки наставляемого не реже одного раза в месяц."),
    ]
    via_soffice(
        Case(
            "lo_pdf_guidelines",
            "pamyatka.pdf",
            b"",
            dict(types=["guidelines"], signed=False),
            link_text="Памятка наставнику",
        ),
        r.odt_bytes(guide),
        "odt",
        "pdf",
    )

    _round_two(add, via_soffice)
    _round_three(add, via_soffice)
    _round_four(add)

    outputs = r.soffice_batch([(data, src, target) for _, data, src, target in soffice_jobs])
    for (case, _, _, _), data in zip(soffice_jobs, outputs, strict=True):
        case.data = data
    directory.mkdir(parents=True, exist_ok=True)
    for i, case in enumerate(cases):
        case.path = directory / f"{i:02d}-{case.file_name}"
        case.path.write_bytes(case.data)
    return cases


def _round_two(add: Any, via_soffice: Any) -> None:
    """Documents added after the first fixes, to check that they generalize (written before running them)."""
    # scan at 75 dpi with 12-pt type; the seal covers the «УТВЕРЖДАЮ» block, the requisites are in the text
    reg = [
        (
            "stamps",
            [
                "ПРИНЯТО\nна общем собрании работников\nпротокол № 2 от 30.08.2021г.",
                "УТВЕРЖДАЮ\nЗаведующий МБДОУ д/с № 72\n________ Е.В. Рябова\nПриказ № 127-а от 31.08.2021 г.",
            ],
        ),
        ("title", "ПОЛОЖЕНИЕ\nо наставничестве в МБДОУ д/с № 72"),
        *BODY_REG[:4],
    ]
    add(
        Case(
            "scan75_12pt_blot_regulation",
            "Положение о наставничестве (подписано электронной подписью).pdf",
            r.scan_pdf_bytes(r.scan_pages([reg], dpi=75, skew=-2.0, grey=220, blot_stamp=True, seed=11), 75),
            dict(
                types=["regulation"],
                approved_on="2021-08-31",
                number="127-а",
                signed=True,
                owner_matches=True,
                text_has=["наставник назначается из числа педагогов", "принято"],
            ),
            org_name=DS72,
        )
    )
    # two-page scan: a Положение, its roadmap as an appendix to the Положение
    p1 = [
        ("stamps", ["", "УТВЕРЖДЕНО\nприказом от 11.03.2024 № 0123"]),
        ("title", "ПОЛОЖЕНИЕ\nо системе наставничества педагогических работников\nМАОУ «Гимназия № 2»"),
        *BODY_REG,
    ]
    p2 = [
        ("p", "Приложение\nк Положению о системе наставничества,\nутверждённому приказом от 11.03.2024 № 0123"),
        ("title", "Дорожная карта\nреализации Положения о системе наставничества до 2027 года"),
        (
            "table",
            [
                ["№", "Мероприятие", "Срок", "Ответственный"],
                ["1", "Приказ о назначении куратора", "март 2024", "Директор"],
                ["2", "Формирование базы наставников", "сентябрь 2024", "Куратор"],
            ],
        ),
    ]
    add(
        Case(
            "scan150_regulation_with_roadmap",
            "skan-polozhenie.pdf",
            r.scan_pdf_bytes(r.scan_pages([p1, p2], dpi=150, skew=1.0, grey=225, seed=12), 150),
            dict(types=["regulation", "roadmap"], approved_on="2024-03-11", number="0123", owner_matches=True),
            org_name=GYM,
        )
    )
    # underscored blanks in a stamp (23ber), an order named «Об утверждении Программы наставничества»
    order = [
        ("p", "МКОУ «Бердниковская СОШ»"),
        ("p", "ПРИКАЗ"),
        ("p", "от «31»__08_2021_г.                    № 127-а____"),
        ("p", "Об утверждении Программы наставничества"),
        *_order_body(["Утвердить Программу наставничества педагогических работников (приложение)."]),
    ]
    add(
        Case(
            "docx_order_underscored_blanks",
            "prikaz-programma.docx",
            r.docx_bytes(order),
            dict(types=["model_order"], approved_on="2021-08-31", number="127-а", owner_matches=True),
            org_name=SOSH3,
        )
    )
    # «пр-з № 3-од», an appointment of the person responsible (a curator in substance)
    resp = [
        ("p", "МБДОУ «Детский сад № 18»"),
        ("p", "пр-з № 3-од от 10.01.2023"),
        ("p", "О назначении ответственного за внедрение целевой модели наставничества"),
        *_order_body(["Назначить ответственным за внедрение целевой модели наставничества старшего воспитателя."]),
    ]
    add(
        Case(
            "docx_order_responsible_person",
            "prikaz-otvetstvennyy.docx",
            r.docx_bytes(resp),
            dict(types=["curator_order"], number="3-од", approved_on="2023-01-10", curator_clause=True),
            org_name=DS18,
        )
    )
    # HTML: a Положение pasted into the section page, stamps in a layout table
    html_reg = [
        (
            "stamps",
            [
                "Рассмотрено на педагогическом совете\nпротокол № 1 от 28.08.2024",
                "Утверждено приказом\nот 29.08.2024 № 88",
            ],
        ),
        ("title", "Положение о наставничестве педагогических работников МБОУ «СОШ № 7»"),
        *BODY_REG,
        *BODY_REG[1:],
    ]
    add(
        Case(
            "html_regulation_pasted",
            "nastavnichestvo-page.html",
            r.html_bytes("Наставничество", html_reg),
            dict(types=["regulation"], approved_on="2024-08-29", number="88", owner_matches=True),
            link_text="Наставничество",
            org_name=SOSH7,
            fmt="html",
        )
    )
    # XLSX without a title row: only the columns say what it is
    add(
        Case(
            "xlsx_untitled_pairs",
            "Лист Microsoft Excel.xlsx",
            r.xlsx_bytes(
                "ФИО наставника",
                [["ФИО наставляемого", "Форма наставничества"], ["Смирнова О.В.", "Котов А.И."]],
            ),
            dict(types=["mentor_registry"]),
            link_text="Наставники и наставляемые",
        )
    )
    # changes to the pay regulation with a mentoring payment (ODT)
    change = [
        ("stamps", ["СОГЛАСОВАНО\nс профсоюзным комитетом\nпротокол № 6", "УТВЕРЖДЕНО\nприказом от 01.06.2023 № 75"]),
        ("title", "Изменения в Положение об оплате труда работников МАОУ «Гимназия № 2»"),
        ("p", "1. Дополнить раздел 5 пунктом 5.7 следующего содержания:"),
        (
            "p",
            "«5.7. Педагогическим работникам за осуществление наставнической деятельности устанавливается "
            "доплата в размере 15 % оклада».",
        ),
    ]
    add(
        Case(
            "odt_pay_changes",
            "izmeneniya-oplata.odt",
            r.odt_bytes(change),
            dict(types=["pay_regulation"], pay_mentoring_clause=True, approved_on="2023-06-01", number="75"),
            org_name=GYM,
        )
    )
    # analysis of the work with young teachers (a report whose title has no word «наставничество»)
    analysis = [
        ("title", "Анализ работы с молодыми специалистами за 2023-2024 учебный год"),
        (
            "p",
            "В 2023-2024 учебном году в школе работали 4 молодых специалиста. За каждым закреплён наставник. "
            "Наставники посетили 48 уроков наставляемых, провели 12 консультаций. Наставничество оценено "
            "наставляемыми как эффективное.",
        ),
    ]
    via_soffice(
        Case("lo_pdf_analysis_young", "analiz.pdf", b"", dict(types=["report"], academic_years=["2023-2024"])),
        r.docx_bytes(analysis),
        "docx",
        "pdf",
    )
    # negatives
    dev = [
        ("stamps", ["", "УТВЕРЖДЕНО\nприказом от 30.12.2020 № 301"]),
        ("title", "Программа развития МБОУ «СОШ № 7» на 2021-2025 годы"),
        ("p", "1. Настоящая программа определяет стратегию развития школы."),
        ("p", "Проект «Учитель будущего»: развитие наставничества, поддержка молодых педагогов."),
        ("p", "Проект «Успех каждого ребёнка»: наставничество обучающихся, проектная деятельность."),
        ("p", "Ожидаемые результаты: система наставничества охватывает 30 % педагогов."),
    ]
    via_soffice(
        Case("lo_pdf_development_program", "programma-razvitiya.pdf", b"", dict(types=["other"]), org_name=SOSH7),
        r.docx_bytes(dev),
        "docx",
        "pdf",
    )
    klass = [
        ("p", "МБОУ «СОШ № 7»"),
        ("p", "ПРИКАЗ"),
        ("p", "от 01.09.2024 № 120"),
        ("p", "О назначении классных руководителей"),
        *_order_body(["Назначить классными руководителями на 2024-2025 учебный год педагогов согласно списку."]),
    ]
    add(Case("docx_order_class_teachers", "prikaz-120.docx", r.docx_bytes(klass), dict(types=["other"])))
    pedsovet = [
        ("title", "ПОЛОЖЕНИЕ\nо педагогическом совете МБДОУ «Детский сад № 61»"),
        ("p", "1.1. Педагогический совет — коллегиальный орган управления."),
        ("p", "2.1. Педагогический совет рассматривает вопросы аттестации, наставничества и повышения квалификации."),
    ]
    add(Case("docx_pedsovet", "pedsovet.docx", r.docx_bytes(pedsovet), dict(types=["other"]), org_name=DS61))


def _round_three(add: Any, via_soffice: Any) -> None:
    """Third batch, written before running it: spacing, other signature and stamp wordings, encodings."""
    spaced = [
        ("stamps", ["", "УТВЕРЖДЕН\nприказом директора\nот 1 сентября 2023 года № 45/о"]),
        ("title", "П О Л О Ж Е Н И Е\nо наставничестве педагогических работников"),
        *BODY_REG,
    ]
    via_soffice(
        Case(
            "lo_pdf_letter_spaced_title",
            "doc_45.pdf",
            b"",
            dict(types=["regulation"], approved_on="2023-09-01", number="45/о"),
        ),
        r.docx_bytes(spaced),
        "docx",
        "pdf",
    )
    simple_sign = [
        ("stamps", ["", "Введено в действие\nприказом от 14.02.2024 № 19"]),
        ("title", "Порядок\nорганизации наставничества в МБОУ «СОШ № 7»"),
        *BODY_REG,
        ("p", "Документ подписан простой электронной подписью\nВладелец: Кравцова Наталья Викторовна"),
    ]
    add(
        Case(
            "docx_simple_signature_introduced",
            "poryadok.docx",
            r.docx_bytes(simple_sign),
            dict(types=["regulation"], approved_on="2024-02-14", number="19", signed=True, owner_matches=True),
            org_name=SOSH7,
        )
    )
    unq = [
        ("stamps", ["", "УТВЕРЖДЕНО\nприказом от 10.10.2022 № 210"]),
        ("title", "Программа наставничества педагогических работников"),
        ("p", "Программа наставничества определяет формы наставничества и порядок работы пар."),
        (
            "p",
            "ПОДПИСАНО УСИЛЕННОЙ НЕКВАЛИФИЦИРОВАННОЙ ЭЛЕКТРОННОЙ ПОДПИСЬЮ\nСертификат: 00 d3 4f 2a 9b 11 7c 0e\n"
            "Действителен: с 01.09.2022 до 01.09.2023",
        ),
    ]
    add(
        Case(
            "odt_unqualified_signature",
            "programma.odt",
            r.odt_bytes(unq),
            dict(types=["program"], signed=True, approved_on="2022-10-10", number="210"),
        )
    )
    pairs = [
        ("p", "МАОУ «Гимназия № 2»"),
        ("p", "ПРИКАЗ № 98"),
        ("p", "от 05 сентября 2024 г."),
        ("p", "Об утверждении состава наставнических пар на 2024/2025 учебный год"),
        *_order_body(["Утвердить состав наставнических пар (приложение)."]),
        ("table", [["Наставник", "Наставляемый"], ["Лебедева С.А.", "Зуева К.С."]]),
    ]
    add(
        Case(
            "docx_pairs_slash_year",
            "prikaz98.docx",
            r.docx_bytes(pairs),
            dict(
                types=["pairs_order"],
                approved_on="2024-09-05",
                number="98",
                academic_years=["2024-2025"],
                owner_matches=True,
            ),
            org_name=GYM,
        )
    )
    # a small phone photo (no dpi in the file, ≈ 100 dpi): the OCR must cope with small letters
    prog = [
        ("stamps", ["", "УТВЕРЖДАЮ\nДиректор МБОУ «СОШ № 7»\nприказ № 77 от 29.08.2024"]),
        ("title", "Программа наставничества\nна 2024-2025 учебный год"),
        ("p", "Цель программы: профессиональное становление молодых специалистов школы."),
    ]
    add(
        Case(
            "jpg_small_photo_program",
            "photo.jpg",
            r.scan_jpg_bytes(r.scan_pages([prog], dpi=100, skew=1.5, grey=235, seed=21)[0], 100, quality=70),
            dict(
                types=["program"],
                academic_years=["2024-2025"],
                approved_on="2024-08-29",
                number="77",
                text_has=["профессиональное становление молодых"],
            ),
            org_name=SOSH7,
        )
    )
    # a windows-1251 page without <meta charset> that the server labels nowhere
    road = [
        ("p", "Приложение № 1 к приказу от 30.08.2023 № 141"),
        ("title", "План мероприятий (дорожная карта) по реализации программы наставничества на 2023-2024 учебный год"),
        (
            "table",
            [
                ["№ п/п", "Мероприятие", "Сроки", "Ответственный"],
                ["1", "Формирование наставнических пар", "сентябрь", "Куратор"],
                ["2", "Открытые уроки наставников", "ноябрь", "Наставники"],
                ["3", "Итоговая конференция «Наставник и молодой педагог»", "май", "Куратор"],
            ],
        ),
        (
            "p",
            "Дорожная карта составлена в соответствии с Положением о системе наставничества педагогических "
            "работников и программой наставничества на учебный год; мероприятия проводятся куратором совместно с "
            "наставниками, результаты обсуждаются на методическом совете школы и размещаются на сайте.",
        ),
    ]
    page = r.html_bytes("Наставничество", road).decode("utf-8").replace('<meta charset="utf-8">', "")
    add(
        Case(
            "html_cp1251_roadmap",
            "nast.html",
            page.encode("cp1251"),
            dict(types=["roadmap"], approved_on="2023-08-30", number="141", academic_years=["2023-2024"]),
            link_text="Наставничество",
            fmt="html",
        )
    )
    # a municipal order about the «Наставник года» contest re-published by a school
    contest = [
        ("p", "УПРАВЛЕНИЕ ОБРАЗОВАНИЯ И МОЛОДЁЖНОЙ ПОЛИТИКИ\nАДМИНИСТРАЦИИ ТОНКИНСКОГО МУНИЦИПАЛЬНОГО ОКРУГА"),
        ("p", "ПРИКАЗ"),
        ("p", "от 15.01.2024 № 9"),
        ("p", "О проведении муниципального конкурса «Наставник года»"),
        *_order_body(["Провести муниципальный конкурс «Наставник года» в феврале 2024 года."]),
    ]
    add(
        Case(
            "docx_municipal_contest_order",
            "prikaz-uo-9.docx",
            r.docx_bytes(contest),
            dict(types=["external_act"], approved_on="2024-01-15", number="9"),
            org_name=SOSH7,
        )
    )


def _round_four(add: Any) -> None:
    """Fourth batch (passed without changes): a title in a table, a one-line order, OCR letters in a stamp."""
    in_table = [
        ("stamps", ["УТВЕРЖДЕНО\nприказом МАОУ «Гимназия № 2»\nот 12.01.2024 № 12-о/д"]),
        ("stamps", ["ПОЛОЖЕНИЕ\n\nо наставничестве\n\nв МАОУ «Гимназия № 2»"]),
        *BODY_REG,
    ]
    add(
        Case(
            "docx_title_in_table",
            "p.docx",
            r.docx_bytes(in_table),
            dict(types=["regulation"], approved_on="2024-01-12", number="12-о/д", owner_matches=True),
            org_name=GYM,
        )
    )
    one_line = [
        ("p", "МБОУ «СОШ № 7»"),
        ("p", "Приказ № 12 от 01.09.2023 «О назначении куратора программы наставничества»"),
        *_order_body(["Назначить куратором программы наставничества заместителя директора Орлову М.В."]),
    ]
    add(
        Case(
            "docx_order_one_line",
            "o.docx",
            r.docx_bytes(one_line),
            dict(types=["curator_order"], approved_on="2023-09-01", number="12", curator_clause=True),
            org_name=SOSH7,
        )
    )
    add(
        Case(
            "xlsx_sheet_titled_only",
            "baza.xlsx",
            r.xlsx_bytes("Наставники", [["ФИО", "Должность"], ["Смирнова О.В.", "учитель"]]),
            dict(types=["mentor_registry"]),
            link_text="База наставников",
        )
    )
    ocr_letters = [
        ("p", "УТВЕРЖДЕНО\nприказом от 01.09.2023r. No 21/1"),
        ("title", "ПОЛОЖЕНИЕ\nо наставничестве"),
        *BODY_REG,
    ]
    add(
        Case(
            "docx_ocr_letters_in_stamp",
            "p2.docx",
            r.docx_bytes(ocr_letters),
            dict(types=["regulation"], approved_on="2023-09-01", number="21/1"),
        )
    )
    plan = [
        ("stamps", ["", "Утверждаю:\nдиректор школы\n_____ /Кравцова Н.В./\n«01» сентября 2023г."]),
        ("title", "Индивидуальный план развития\nмолодого специалиста Котова А.И.\nна 2023-2024 уч. год"),
        ("table", [["Мероприятие", "Срок"], ["Посещение уроков наставника", "сентябрь"]]),
    ]
    add(
        Case(
            "docx_individual_plan",
            "plan.docx",
            r.docx_bytes(plan),
            dict(types=["individual_plan"], academic_years=["2023-2024"], approved_on="2023-09-01"),
        )
    )
