"""The thirteen sites of the demo district «Тонкинский муниципальный округ».

Each builder returns a Site for a variant: "current" (May 2026) or "previous" (January 2026). The expected
findings for every site are recorded by hand in truth.yaml; keep the two in step.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Callable, Iterator
from urllib.parse import parse_qs, quote

from crawler.demo import content as c
from crawler.demo import texts as t
from crawler.demo.texts import OrgText
from crawler.demo.web import MIME, DocCache, MenuItem, Resource, Site, SiteBuilder, doc_list, href_of, news_block, paras

M = MenuItem
HUGE_SIZE = 200 * 1024 * 1024  # the «huge file» of sosh-7, streamed, never held in memory


# --------------------------------------------------------------------------------------------- shared pieces


def sveden_body(b: SiteBuilder, links: list[tuple[str, str]]) -> str:
    return paras(
        "Раздел содержит сведения об образовательной организации в соответствии с требованиями "
        "приказа Рособрнадзора от 04.08.2023 № 1493."
    ) + doc_list(links)


def filler_pages(b: SiteBuilder, urls: dict[str, str], crumbs_home: tuple[str, str] = ("Главная", "/")) -> None:
    """The pages every school site has and a crawler must wade through."""
    home = [crumbs_home]
    texts: dict[str, tuple[str, str]] = {
        "about": (
            "Основные сведения",
            paras(
                f"Полное наименование: {b.name}.",
                "Дата создания: 1 сентября 1968 года. Учредитель: администрация Тонкинского муниципального "
                "округа Нижегородской области.",
                f"Место нахождения: {b.address}. Режим работы: понедельник – пятница, 8:00–17:00.",
            ),
        ),
        "managers": (
            "Руководство",
            "<table border='1'><tr><th>Должность</th><th>ФИО</th><th>Телефон</th></tr>"
            "<tr><td>Руководитель</td><td>см. раздел «Контакты»</td><td>" + html.escape(b.phone) + "</td></tr>"
            "<tr><td>Заместитель по УВР</td><td>Павлова Ирина Сергеевна</td><td>доб. 2</td></tr>"
            "<tr><td>Заместитель по ВР</td><td>Орлов Денис Викторович</td><td>доб. 3</td></tr></table>",
        ),
        "food": (
            "Организация питания",
            paras(
                "Горячее питание обучающихся организовано в столовой на 80 посадочных мест.",
                "Меню размещается ежедневно в разделе «Ежедневное меню».",
            )
            + doc_list([("Меню на неделю (xlsx)", "/food/menu-2026-05-18.xlsx")]),
        ),
        "contacts": (
            "Контакты",
            paras(f"Адрес: {b.address}", f"Телефон: {b.phone}", "Электронная почта: school@tonkino-edu.ru"),
        ),
        "schedule": (
            "Расписание",
            paras(
                "Расписание звонков: 1 урок 8:30–9:10, 2 урок 9:20–10:00, 3 урок 10:20–11:00.",
                "Расписание кружков и секций обновляется в начале каждой четверти.",
            ),
        ),
        "parents": (
            "Родителям",
            paras(
                "Уважаемые родители! Здесь размещены памятки по безопасности, информация о приёме и "
                "о работе психологической службы.",
                "Телефон доверия: 8-800-2000-122.",
            ),
        ),
        "antiterror": (
            "Антитеррористическая безопасность",
            paras("Памятка о действиях при угрозе террористического акта. Телефон дежурной части: 112."),
        ),
        "dost": (
            "Доступная среда",
            paras("Для лиц с ОВЗ оборудован пандус, установлена кнопка вызова персонала."),
        ),
        "vacancies": ("Вакантные места для приёма", paras("Вакантных мест для приёма (перевода) нет.")),
        "privacy": ("Политика конфиденциальности", paras("Политика обработки персональных данных.")),
        "special": ("Версия для слабовидящих", paras("Включена версия для слабовидящих.")),
        "search": ("Поиск по сайту", '<form action="/search/"><input name="q"><button>Найти</button></form>'),
        "sitemap_page": ("Карта сайта", paras("Карта сайта содержит ссылки на все разделы.")),
    }
    defaults = {"special": "/special/", "search": "/search/", "privacy": "/privacy/", "sitemap_page": "/sitemap-page/"}
    for key, path in {**defaults, **urls}.items():
        title, body = texts[key]
        b.page(path, title, body, crumbs=home, in_sitemap=key not in ("special", "search", "privacy"))


def news_pages(b: SiteBuilder, items: list[tuple[str, str, str, str]], list_path: str) -> None:
    """News articles (date, title, path, text) and their list page."""
    for d, title, path, text in items:
        b.page(
            path, title, f'<div class="date">{d}</div>' + paras(text), crumbs=[("Главная", "/"), ("Новости", list_path)]
        )
    b.page(list_path, "Новости", news_block([(d, ti, p) for d, ti, p, _ in items]), crumbs=[("Главная", "/")])


GENERAL_NEWS = [
    ("14.05.2026", "Последний звонок — 2026", "Торжественная линейка для выпускников 9 и 11 классов."),
    ("07.05.2026", "Бессмертный полк", "Обучающиеся приняли участие в акции «Бессмертный полк»."),
    ("22.04.2026", "Весенняя неделя добра", "Волонтёры провели акцию помощи ветеранам."),
    ("12.03.2026", "Лыжня России", "Команда заняла второе место в районных соревнованиях."),
    ("25.12.2025", "Новогодний утренник", "Для учащихся начальной школы прошёл новогодний праздник."),
    ("01.09.2025", "День знаний", "Торжественная линейка, посвящённая началу учебного года."),
]


def general_news(prefix: Callable[[int], str], *, variant: str) -> list[tuple[str, str, str, str]]:
    """Common district news; the previous variant only has what was published by January 2026."""
    out = []
    for i, (d, title, text) in enumerate(GENERAL_NEWS):
        if variant == "previous" and dt.datetime.strptime(d, "%d.%m.%Y").date() > dt.date(2026, 1, 20):
            continue
        out.append((d, title, prefix(i + 1), text))
    return out


def esign_for(org: OrgText, cert: str) -> list[str]:
    return t.esign(f"{org.head_title} {org.head}", cert, "15.01.2025", "15.04.2026")


def cards_section(
    b: SiteBuilder,
    cards: dict[int, tuple[str, str, list[str], str, int]],
    card_ids: list[int],
) -> str:
    """Regional "file/card" platform: links to viewer cards; each card links a download without extension.

    `cards[id] = (title, fmt, lines, file_name, seed)`; returns the list markup for the given ids.
    """
    items = []
    for cid in card_ids:
        title, fmt, lines, file_name, seed = cards[cid]
        _card(b, cid, title, fmt, lines, file_name, seed)
        ext = file_name.rsplit(".", 1)[-1].upper()
        items.append(
            f'<li class="file"><a href="/file/card?id={cid}">{html.escape(title)}</a> '
            f'<span class="type">({ext})</span></li>'
        )
    return f'<ul class="files">{"".join(items)}</ul>'


def _card(b: SiteBuilder, cid: int, title: str, fmt: str, lines: list[str], file_name: str, seed: int) -> None:
    # The download URL has no extension: the type is known only from Content-Type and Content-Disposition.
    disposition = f"attachment; filename*=UTF-8''{quote(file_name)}"
    b.file(f"/file/download?id={cid}", fmt, lines, seed=seed, headers={"Content-Disposition": disposition})
    res = b.site.routes[f"/file/download?id={cid}"]
    res.content_type = MIME[fmt].split(";")[0]
    ext = file_name.rsplit(".", 1)[-1].upper()
    body = (
        f'<div class="file-card"><div class="file-card__title">{html.escape(title)}</div>'
        f'<div class="file-card__meta">Тип файла: {ext}; загружен: 02.09.2025</div>'
        f'<a class="file-card__download" href="/file/download?id={cid}">Скачать</a></div>'
    )
    b.page(f"/file/card?id={cid}", title, body, crumbs=[("Главная", "/")], in_sitemap=False)


# ============================================================================================ 11 sosh-1


def sosh1(variant: str, cache: DocCache) -> Site:
    """Госвеб; everything in order (the model school)."""
    org = c.SOSH1
    sec = "/pedagogam-i-sotrudnikam/nastavnichestvo"
    docs_page = "/svedeniya-ob-obrazovatelnoy-organizatsii/dokumenty"
    news = general_news(lambda i: f"/novosti/{i}", variant=variant)
    mentoring_news = [
        (
            "12.02.2026",
            "Открытый урок молодого специалиста",
            "/pedagogam-i-sotrudnikam/nastavnichestvo/otkrytyy-urok-molodogo-spetsialista",
            "В рамках программы наставничества учитель математики Сидоров О.И., наставляемый Ивановой М.П., "
            "провёл открытый урок в 7 классе. Наставник и коллеги отметили успехи молодого педагога.",
        ),
        (
            "20.11.2025",
            "Школа молодого педагога: первое занятие",
            "/pedagogam-i-sotrudnikam/nastavnichestvo/shkola-molodogo-pedagoga",
            "Куратор наставничества Павлова И.С. провела первое занятие школы молодого педагога; "
            "наставнические пары представили персонализированные программы наставничества на 2025-2026 учебный год.",
        ),
    ]
    if variant == "previous":
        mentoring_news = mentoring_news[1:]
    menu = [
        M("Главная", "/"),
        M(
            "Сведения об образовательной организации",
            "/svedeniya-ob-obrazovatelnoy-organizatsii",
            (
                M("Основные сведения", "/svedeniya-ob-obrazovatelnoy-organizatsii/osnovnye-svedeniya"),
                M("Руководство", "/svedeniya-ob-obrazovatelnoy-organizatsii/rukovodstvo"),
                M("Документы", docs_page),
                M("Организация питания", "/svedeniya-ob-obrazovatelnoy-organizatsii/organizatsiya-pitaniya"),
                M("Доступная среда", "/svedeniya-ob-obrazovatelnoy-organizatsii/dostupnaya-sreda"),
                M("Вакантные места", "/svedeniya-ob-obrazovatelnoy-organizatsii/vakantnye-mesta"),
            ),
        ),
        M("Новости", "/novosti"),
        M(
            "Педагогам и сотрудникам",
            "/pedagogam-i-sotrudnikam",
            (
                M("Аттестация педагогов", "/pedagogam-i-sotrudnikam/attestatsiya"),
                M("Наставничество", sec),
                M("Методическая работа", "/pedagogam-i-sotrudnikam/metodicheskaya-rabota"),
            ),
        ),
        M("Родителям", "/roditelyam"),
        M("Обучающимся", "/obuchayushchimsya"),
        M("Безопасность", "/bezopasnost"),
        M("Контакты", "/kontakty"),
    ]
    b = SiteBuilder(
        cache,
        "sosh-1",
        11,
        theme="gosweb",
        name=org.full,
        short=org.short,
        menu=menu,
        address="606970, Нижегородская область, р.п. Тонкино, ул. Советская, д. 12",
        phone="+7 (83153) 4-51-12",
        news=[(d, ti, p) for d, ti, p, _ in news],
    )
    filler_pages(
        b,
        {
            "about": "/svedeniya-ob-obrazovatelnoy-organizatsii/osnovnye-svedeniya",
            "managers": "/svedeniya-ob-obrazovatelnoy-organizatsii/rukovodstvo",
            "food": "/svedeniya-ob-obrazovatelnoy-organizatsii/organizatsiya-pitaniya",
            "dost": "/svedeniya-ob-obrazovatelnoy-organizatsii/dostupnaya-sreda",
            "vacancies": "/svedeniya-ob-obrazovatelnoy-organizatsii/vakantnye-mesta",
            "parents": "/roditelyam",
            "antiterror": "/bezopasnost",
            "contacts": "/kontakty",
            "schedule": "/obuchayushchimsya",
            "special": "/special/",
            "search": "/search/",
            "privacy": "/privacy/",
            "sitemap_page": "/sitemap-page/",
        },
    )
    news_pages(b, news, "/novosti")
    for d, ti, p, text in mentoring_news:
        b.page(
            p,
            ti,
            f'<div class="date">{d}</div>' + paras(text),
            crumbs=[("Главная", "/"), ("Педагогам и сотрудникам", "/pedagogam-i-sotrudnikam"), ("Наставничество", sec)],
        )

    # --- documents of the section
    reg_stamp = [
        "ПРИНЯТО\tУТВЕРЖДЕНО",
        "педагогическим советом\tприказом директора",
        "протокол № 1 от 30.08.2023\tот 01.09.2023 № 41-од",
    ]
    order_with_reg = t.model_order(
        org,
        number="41-од",
        date_text="01.09.2023",
        curator="заместителя директора по УВР Павлову Ирину Сергеевну",
        with_regulation=t.regulation(org, reg_stamp),
        header_extra=[*esign_for(org, "01D9A3F5C2B7E4A8"), ""],
    )
    roadmap = t.roadmap(
        org,
        ["УТВЕРЖДЕНО", "приказом от 29.08.2025 № 112-од"],
        period="на 2025-2027 годы",
        rows=[
            ("Актуализация базы наставников и наставляемых", "сентябрь 2025", "куратор"),
            ("Издание приказа о закреплении наставнических пар", "до 01.09 ежегодно", "директор"),
            ("Разработка персонализированных программ наставничества", "сентябрь 2025, 2026", "наставники"),
            ("Мониторинг реализации программы наставничества", "май 2026, май 2027", "куратор"),
            ("Размещение информации в разделе «Наставничество» на сайте", "постоянно", "куратор"),
        ],
    )
    pairs = t.pairs_order(
        org,
        number="127-а",
        date_text="«31»__08_2025_г.",
        year="2025-2026",
        pairs=[
            ("Иванова Мария Петровна", "Сидоров Олег Игоревич", "педагог – педагог"),
            ("Кузьмина Елена Олеговна", "Кузнецова Дарья Андреевна", "педагог – педагог"),
            ("Белов Андрей Ильич", "Сорокин Артём Павлович", "руководитель – педагог"),
        ],
    )
    pairs = [*esign_for(org, "01D9A3F5C2B7E4A8")[1:], "", *pairs]
    base = t.mentor_base(
        org,
        year="2025-2026",
        mentors=[
            ("Иванова Мария Петровна", "учитель математики, 24 года", "методика преподавания"),
            ("Кузьмина Елена Олеговна", "учитель начальных классов, 19 лет", "адаптация молодого педагога"),
            ("Белов Андрей Ильич", "заместитель директора, 15 лет", "управление классом"),
            ("Орлова Татьяна Викторовна", "учитель русского языка, 30 лет", "подготовка к аттестации"),
        ],
        mentees=[
            ("Сидоров Олег Игоревич", "учитель математики", "1 год"),
            ("Кузнецова Дарья Андреевна", "учитель начальных классов", "0 лет"),
            ("Сорокин Артём Павлович", "учитель физической культуры", "2 года"),
        ],
    )
    pay = t.pay_regulation(
        org,
        [
            "СОГЛАСОВАНО\tУТВЕРЖДЕНО",
            "с профсоюзным комитетом, протокол № 3 от 10.02.2026\tприказом от 12.02.2026 № 21-од",
        ],
        mentoring=True,
        amendment=True,
    )
    report = t.report(org, year="2024-2025", made_on="30.05.2025")
    files = {
        "order": "/netcat_files/32/51/prikaz_o_vnedrenii_tselevoy_modeli_nastavnichestva.pdf",
        "roadmap": "/netcat_files/32/51/dorozhnaya_karta_nastavnichestvo_2025-2027.docx",
        "pairs": "/netcat_files/32/51/prikaz_o_zakreplenii_nastavnicheskih_par_2025-2026.pdf",
        "base": "/netcat_files/32/52/baza_nastavnikov_2025-2026.odt",
        "pay": "/netcat_files/32/52/Изменения в положение об оплате труда.rtf",
        "report": "/netcat_files/32/53/Аналитическая справка по итогам мониторинга 2024-2025.pdf",
        "r145": "/netcat_files/32/50/rasporyazhenie_minprosvescheniya_r-145.pdf",
        "guidelines": "/netcat_files/32/50/metodicheskie_rekomendatsii_2021.pdf",
        "muni": "/netcat_files/32/50/dorozhnaya_karta_UOiMP_2023.pdf",
    }
    b.file(files["order"], "pdf", order_with_reg)
    b.file(files["roadmap"], "docx", roadmap)
    b.file(files["pairs"], "pdf", pairs)
    b.file(files["base"], "odt", base)
    b.file(files["report"], "pdf", report)
    b.file(files["r145"], "pdf", t.external_r145())
    b.file(files["guidelines"], "pdf", t.external_guidelines())
    b.file(files["muni"], "pdf", t.external_municipal_roadmap())
    own = [
        (
            "Приказ «О внедрении целевой модели наставничества» с Положением о системе наставничества (подписано "
            "электронной подписью)",
            href_of(files["order"]),
        ),
        (
            "Дорожная карта по реализации Положения о системе наставничества на 2025-2027 годы",
            href_of(files["roadmap"]),
        ),
        ("Приказ о закреплении наставнических пар на 2025-2026 учебный год", href_of(files["pairs"])),
        ("База наставников и наставляемых 2025-2026", href_of(files["base"])),
    ]
    if variant == "current":
        b.file(files["pay"], "rtf", pay, seed=1)
        own.append(("Изменения в Положение об оплате труда (доплата за наставничество)", href_of(files["pay"])))
    own.append(
        (
            "Аналитическая справка по итогам мониторинга программы наставничества за 2024-2025 учебный год",
            href_of(files["report"], raw=True),
        )
    )
    federal = [
        ("Распоряжение Минпросвещения России от 25.12.2019 № Р-145", href_of(files["r145"])),
        (
            "Методические рекомендации по разработке и внедрению системы (целевой модели) наставничества "
            "педагогических работников (2021)",
            href_of(files["guidelines"]),
        ),
        (
            "Дорожная карта УОиМП Тонкинского МО по реализации целевой модели наставничества (приказ от "
            "03.02.2023 № 14)",
            href_of(files["muni"]),
        ),
    ]
    body = (
        paras(
            "Целевая модель наставничества педагогических работников внедрена в школе с 1 сентября 2023 года. "
            "Куратор наставничества — заместитель директора по УВР Павлова Ирина Сергеевна.",
            "В 2025-2026 учебном году в школе работают три наставнические пары.",
        )
        + "<h2>Локальные акты школы</h2>"
        + doc_list(own)
        + "<h2>Нормативные документы федерального и муниципального уровня</h2>"
        + doc_list(federal)
        + "<h2>Лучшие практики наставничества</h2>"
        + news_block([(d, ti, p) for d, ti, p, _ in mentoring_news])
    )
    b.page(
        sec, "Наставничество", body, crumbs=[("Главная", "/"), ("Педагогам и сотрудникам", "/pedagogam-i-sotrudnikam")]
    )
    b.page(
        "/pedagogam-i-sotrudnikam",
        "Педагогам и сотрудникам",
        doc_list(
            [
                ("Аттестация педагогов", "/pedagogam-i-sotrudnikam/attestatsiya"),
                ("Наставничество", sec),
                ("Методическая работа", "/pedagogam-i-sotrudnikam/metodicheskaya-rabota"),
            ]
        ),
        crumbs=[("Главная", "/")],
    )
    b.page(
        "/pedagogam-i-sotrudnikam/attestatsiya",
        "Аттестация педагогов",
        paras("График аттестации педагогических работников на 2025-2026 учебный год."),
        crumbs=[("Главная", "/")],
    )
    b.page(
        "/pedagogam-i-sotrudnikam/metodicheskaya-rabota",
        "Методическая работа",
        paras("Методическая тема школы: «Формирование функциональной грамотности обучающихся».")
        + doc_list([("Положение о методическом объединении", href_of("/netcat_files/32/60/polozhenie_mo.pdf"))]),
        crumbs=[("Главная", "/")],
    )
    b.file(
        "/netcat_files/32/60/polozhenie_mo.pdf",
        "pdf",
        t.mo_regulation(org, ["УТВЕРЖДЕНО", "приказом от 30.08.2022 № 97-од"]),
    )
    # --- Документы: local acts of every kind, mentoring is not among them here
    dist = {
        "pay_base": "/netcat_files/30/40/polozhenie_ob_oplate_truda.pdf",
        "fire": "/netcat_files/30/40/prikaz_pozharnaya_bezopasnost.pdf",
        "plan": "/netcat_files/30/41/plan_raboty_shkoly_2025-2026.pdf",
    }
    b.file(
        dist["pay_base"], "pdf", t.pay_regulation(org, ["УТВЕРЖДЕНО", "приказом от 09.01.2024 № 2-од"], mentoring=False)
    )
    b.file(
        dist["fire"],
        "pdf",
        t.fire_order(org, number="115-од", date_text="01.09.2025", person="завхоза Морозова Виктора Петровича"),
    )
    b.file(dist["plan"], "pdf", t.school_plan(org, year="2025-2026"))
    b.page(
        docs_page,
        "Документы",
        doc_list(
            [
                ("Устав", "/netcat_files/30/39/ustav.pdf"),
                ("Положение об оплате труда работников", href_of(dist["pay_base"])),
                ("Приказ о назначении ответственного за пожарную безопасность", href_of(dist["fire"])),
                ("План работы школы на 2025-2026 учебный год", href_of(dist["plan"])),
                ("Правила внутреннего распорядка обучающихся", "/netcat_files/30/39/pravila.pdf"),
            ]
        ),
        crumbs=[
            ("Главная", "/"),
            ("Сведения об образовательной организации", "/svedeniya-ob-obrazovatelnoy-organizatsii"),
        ],
    )
    b.page(
        "/svedeniya-ob-obrazovatelnoy-organizatsii",
        "Сведения об образовательной организации",
        sveden_body(b, [(i.label, href_of(i.href)) for i in menu[1].children]),
        crumbs=[("Главная", "/")],
    )
    home = (
        paras("Добро пожаловать на официальный сайт школы!")
        + "<h2>Новости</h2>"
        + news_block([(d, ti, p) for d, ti, p, _ in news])
    )
    b.page("/", "Главная", home)
    return b.finish(sitemap=True, disallow=["/search/"])


# ============================================================================================ 12 sosh-2


def sosh2(variant: str, cache: DocCache) -> Site:
    """Regional file/card platform; no mentoring section, the documents sit in «Документы»."""
    org = c.SOSH2
    menu = [
        M("Главная", "/"),
        M(
            "Сведения об образовательной организации",
            "/?section_id=1",
            (
                M("Основные сведения", "/?section_id=2"),
                M("Структура и органы управления", "/?section_id=3"),
                M("Документы", "/?section_id=31"),
                M("Образование", "/?section_id=4"),
                M("Руководство", "/?section_id=5"),
                M("Педагогический состав", "/?section_id=6"),
                M("Организация питания", "/?section_id=7"),
            ),
        ),
        M("Новости", "/?section_id=10"),
        M("Родителям", "/?section_id=11"),
        M("Ученикам", "/?section_id=12"),
        M("ГИА", "/?section_id=13"),
        M("Контакты", "/?section_id=14"),
    ]
    news = general_news(lambda i: f"/news-svc/item?id={300 + i}", variant=variant)
    b = SiteBuilder(
        cache,
        "sosh-2",
        12,
        theme="filecard",
        name=org.full,
        short=org.short,
        menu=menu,
        address="606970, Нижегородская область, р.п. Тонкино, ул. Школьная, д. 3",
        phone="+7 (83153) 4-22-07",
        news=[(d, ti, p) for d, ti, p, _ in news],
    )
    filler_pages(
        b,
        {
            "about": "/?section_id=2",
            "managers": "/?section_id=5",
            "food": "/?section_id=7",
            "contacts": "/?section_id=14",
            "parents": "/?section_id=11",
            "schedule": "/?section_id=12",
            "antiterror": "/?section_id=13",
            "special": "/special/",
            "search": "/search/",
            "privacy": "/privacy/",
            "sitemap_page": "/sitemap-page/",
        },
    )
    news_pages(b, news, "/?section_id=10")
    for sid, title in ((3, "Структура и органы управления"), (4, "Образование"), (6, "Педагогический состав")):
        b.page(
            f"/?section_id={sid}",
            title,
            paras(f"{title}: информация обновляется."),
            crumbs=[("Главная", "/"), ("Сведения об образовательной организации", "/?section_id=1")],
        )
    reg = t.regulation(
        org,
        t.two_block_stamp(
            ["ПРИНЯТО", "педагогическим советом", "протокол № 5 от 29.08.2023"],
            ["УТВЕРЖДЕНО", "приказом директора", "от 30.08.2023 № 88"],
        ),
        title="о наставничестве педагогических работников",
        labour_code=False,
    )
    pairs_prev_year = t.pairs_order(
        org,
        number="102",
        date_text="02.09.2024",
        year="2024-2025",
        pairs=[("Громова Светлана Юрьевна", "Лисицына Алина Романовна", "педагог – педагог")],
    )
    pairs_now = t.pairs_order(
        org,
        number="95/1",
        date_text="02.09.2025",
        year="2025-2026",
        pairs=[
            ("Громова Светлана Юрьевна", "Лисицына Алина Романовна", "педагог – педагог"),
            ("Титов Павел Андреевич", "Жуков Никита Олегович", "опытный педагог – молодой специалист"),
            ("Яковлева Елена Васильевна", "Морозова Ксения Сергеевна", "педагог – педагог"),
        ],
        layout="list",
    )
    prog = t.program(
        org,
        [
            "СОГЛАСОВАНО\tУТВЕРЖДАЮ",
            "методическим советом, протокол № 1\tДиректор ________ А.Н. Волков",
            "от 28.08.2025\tприказ № 94 от 01.09.2025",
        ],
        year="2025-2026",
    )
    cards: dict[int, tuple[str, str, list[str], str, int]] = {
        101: (
            "Положение о наставничестве педагогических работников",
            "docx",
            reg,
            "Положение о наставничестве педагогических работников.docx",
            0,
        ),
        102: (
            "Приказ о закреплении наставнических пар на 2025-2026 учебный год",
            "pdf",
            pairs_now,
            "Приказ № 95-1 о закреплении наставнических пар.pdf",
            0,
        ),
        103: (
            "Программа наставничества на 2025-2026 учебный год",
            "pdf_broken",
            prog,
            "Программа наставничества 2025-2026.pdf",
            0,
        ),
        104: (
            "Положение об оплате труда работников",
            "pdf",
            t.pay_regulation(org, ["УТВЕРЖДЕНО", "приказом от 10.01.2024 № 3"], mentoring=False),
            "Положение об оплате труда.pdf",
            0,
        ),
        105: (
            "Приказ о назначении ответственного за пожарную безопасность",
            "pdf",
            t.fire_order(
                org,
                number="99",
                date_text="01.09.2025",
                person="заместителя директора по АХЧ Никитина Сергея Ивановича",
            ),
            "Приказ пожарная безопасность.pdf",
            0,
        ),
        106: (
            "Положение о методическом объединении учителей",
            "docx",
            t.mo_regulation(org, ["УТВЕРЖДЕНО", "приказом от 31.08.2021 № 77"]),
            "Положение о МО.docx",
            0,
        ),
        107: (
            "Приказ о закреплении наставнических пар на 2024-2025 учебный год",
            "pdf",
            pairs_prev_year,
            "Приказ № 102 о закреплении наставнических пар.pdf",
            0,
        ),
        108: (
            "Устав",
            "pdf",
            ["# УСТАВ", f"# {org.full}", "1. Общие положения", "1.1. Учреждение является некоммерческой организацией."],
            "Устав.pdf",
            0,
        ),
    }
    ids = [108, 101, 103, 107, 102, 104, 105, 106] if variant == "current" else [108, 101, 103, 107, 104, 105, 106]
    b.page(
        "/?section_id=31",
        "Документы",
        "<h2>Локальные нормативные акты</h2>" + cards_section(b, cards, ids),
        crumbs=[("Главная", "/"), ("Сведения об образовательной организации", "/?section_id=1")],
    )
    b.page(
        "/?section_id=1",
        "Сведения об образовательной организации",
        sveden_body(b, [(i.label, i.href) for i in menu[1].children]),
        crumbs=[("Главная", "/")],
    )
    b.page("/", "Главная", paras("Официальный сайт школы.") + news_block([(d, ti, p) for d, ti, p, _ in news]))
    return b.finish(sitemap=False)


# ============================================================================================ 13 sosh-3


def sosh3(variant: str, cache: DocCache) -> Site:
    """uCoz in windows-1251; an outdated section (roadmap ended 2024, pairs of 2023-2024 only)."""
    org = c.PAKALI
    sec = "/index/nastavnichestvo/0-106"
    menu = [
        M("Главная", "/"),
        M("О школе", "/index/o_shkole/0-2"),
        M("Документы", "/index/dokumenty/0-12"),
        M("Наставничество", sec),
        M("Новости", "/news/"),
        M("Фотоальбом", "/photo/"),
        M("Гостевая книга", "/gb/"),
        M("Контакты", "/index/kontakty/0-5"),
    ]
    news = [
        (
            "15.03.2024",
            "Наставник года — 2024",
            "/news/nastavnik_goda_2024/2024-03-15-214",
            "Учитель русского языка Лебедева Н.И. стала победителем районного конкурса «Наставник года — 2024».",
        ),
        (
            "20.10.2023",
            "Заседание школы молодого учителя",
            "/news/shkola_molodogo_uchitelja/2023-10-20-180",
            "Наставники и молодые специалисты обсудили планы работы наставнических пар на 2023-2024 учебный год.",
        ),
        ("01.09.2025", "День знаний", "/news/den_znanij/2025-09-01-301", "Торжественная линейка."),
        ("12.12.2025", "Лыжные соревнования", "/news/lyzhi/2025-12-12-330", "Районные соревнования по лыжам."),
    ]
    b = SiteBuilder(
        cache,
        "sosh-3",
        13,
        theme="ucoz",
        name=org.full,
        short=org.short,
        menu=menu,
        address="606981, Нижегородская область, Тонкинский р-н, с. Пакали, ул. Центральная, д. 1",
        phone="+7 (83153) 3-11-45",
        news=[(d, ti, p) for d, ti, p, _ in news],
        encoding="cp1251",
    )
    # Half of the pages declare the charset only in the HTTP header, the other half only in <meta>.
    b.page(
        "/index/o_shkole/0-2",
        "О школе",
        paras("Школа основана в 1936 году. В школе обучается 84 ученика."),
        charset_in="header",
    )
    b.page("/index/kontakty/0-5", "Контакты", paras(f"Адрес: {b.address}", f"Телефон: {b.phone}"), charset_in="meta")
    b.page("/photo/", "Фотоальбом", paras("Фотоальбомы: Последний звонок, Выпускной, Спорт."), charset_in="meta")
    b.page(
        "/gb/",
        "Гостевая книга",
        paras("Сообщений: 12. Добавить запись может только зарегистрированный."),
        charset_in="header",
    )
    for d, ti, p, text in news:
        b.page(p, ti, f'<div class="date">{d}</div>' + paras(text), charset_in="header")
    b.page("/news/", "Новости", news_block([(d, ti, p) for d, ti, p, _ in news]), charset_in="meta")
    reg_url = "/load/nastavnichestvo/polozhenie_o_nastavnichestve/1-1-0-21"
    files = {
        "reg": "/_ld/0/21_polozhenie_o_nastavnichestve.doc",
        "roadmap": "/_ld/0/22_dorozhnaja_karta_2022-2024.pdf",
        "pairs": "/_ld/0/23_prikaz_pary_2023-2024.rtf",
        "curator": "/_ld/0/24_prikaz_kurator.jpg",
        "mo": "/_ld/0/11_polozhenie_o_mo.doc",
        "plan": "/_ld/0/12_plan_raboty_2025-2026.pdf",
    }
    b.file(files["reg"], "doc", c.pakali_regulation_doc())
    b.file(
        files["roadmap"],
        "pdf",
        t.roadmap(
            org,
            ["УТВЕРЖДЕНО", "приказом директора от 01.11.2022 № 576"],
            period="на 2022-2024 годы",
            rows=[
                ("Разработка Положения о системе наставничества", "ноябрь 2022", "директор"),
                ("Формирование наставнических пар", "сентябрь 2023", "куратор"),
                ("Итоговая конференция", "май 2024", "куратор"),
            ],
        ),
    )
    b.file(
        files["pairs"],
        "rtf",
        t.pairs_order(
            org,
            number="64",
            date_text="01.09.2023",
            year="2023-2024",
            pairs=[("Лебедева Нина Ивановна", "Смирнова Ольга Алексеевна", "педагог – педагог")],
        ),
        seed=1,
    )
    b.file(
        files["curator"],
        "jpg",
        [
            f"# {org.full}",
            "",
            "# ПРИКАЗ",
            "от 07.11.2022\t№ 580",
            "",
            "# О назначении куратора внедрения целевой модели наставничества",
            "",
            "ПРИКАЗЫВАЮ:",
            "1. Назначить куратором внедрения целевой модели наставничества педагогических "
            "работников заместителя директора Соколову Татьяну Михайловну.",
            "",
            f"{org.head_title}\t{org.head}",
        ],
        seed=4,
    )
    b.file(files["mo"], "doc", c.pakali_mo_doc())
    b.file(files["plan"], "pdf", t.school_plan(org, year="2025-2026"))
    # uCoz file catalogue: an entry page for the Положение, the others linked directly.
    b.page(
        reg_url,
        "Положение о наставничестве",
        paras("Категория: Наставничество | Добавлено: 02.11.2022 | Загрузок: 57")
        + f'<a href="{files["reg"]}">Скачать (24.0 Kb)</a>',
        charset_in="header",
    )
    body = (
        paras("Страница наставничества МБОУ «Пакалевская СОШ». Дата обновления: 12.05.2024.")
        + doc_list(
            [
                ("Положение о наставничестве (2022)", reg_url),
                ("Дорожная карта внедрения целевой модели наставничества на 2022-2024 годы", files["roadmap"]),
                ("Приказ о назначении куратора (скан)", files["curator"]),
                ("Приказ о закреплении наставнических пар на 2023-2024 учебный год", files["pairs"]),
            ]
        )
        + "<h3>Новости наставничества</h3>"
        + news_block([(d, ti, p) for d, ti, p, _ in news[:2]])
    )
    b.page(sec, "Наставничество", body, charset_in="header")
    b.page(
        "/index/dokumenty/0-12",
        "Документы",
        doc_list(
            [
                ("Положение о методическом объединении", files["mo"]),
                ("План работы школы на 2025-2026 учебный год", files["plan"]),
            ]
        ),
        charset_in="meta",
    )
    b.page(
        "/",
        "Главная",
        paras("Добро пожаловать на сайт Пакалевской школы!") + news_block([(d, ti, p) for d, ti, p, _ in news]),
        charset_in="meta",
    )
    return b.finish(sitemap=True, disallow=["/gb/"])


# ============================================================================================ 14 sosh-4


def sosh4(variant: str, cache: DocCache) -> Site:
    """WordPress; Cyrillic slug and file names; the only Положение is a pupil-only one."""
    org = c.SOSH4
    sec = "/наставничество-педагогов/"
    up = "/wp-content/uploads/2025/09/"
    menu = [
        M("Главная", "/"),
        M("Сведения об ОО", "/?page_id=5", (M("Документы", "/?page_id=7"), M("Руководство", "/?page_id=9"))),
        M(
            "Педагогам",
            "/?page_id=20",
            (
                M("Аттестация", "/?page_id=21"),
                M("Наставничество педагогов", sec),
                M("Курсы ПК", "/?page_id=23"),
            ),
        ),
        M("Новости", "/?cat=1"),
        M("Родителям", "/?page_id=30"),
        M("Контакты", "/?page_id=40"),
    ]
    news = general_news(lambda i: f"/?p={100 + i}", variant=variant)
    b = SiteBuilder(
        cache,
        "sosh-4",
        14,
        theme="wordpress",
        name=org.full,
        short=org.short,
        menu=menu,
        address="606970, Нижегородская область, р.п. Тонкино, ул. Ленина, д. 40",
        phone="+7 (83153) 4-30-90",
        news=[(d, ti, p) for d, ti, p, _ in news],
    )
    filler_pages(
        b,
        {
            "about": "/?page_id=5",
            "managers": "/?page_id=9",
            "contacts": "/?page_id=40",
            "parents": "/?page_id=30",
            "schedule": "/?page_id=21",
            "antiterror": "/?page_id=23",
            "special": "/special/",
            "search": "/search/",
            "privacy": "/privacy/",
            "sitemap_page": "/sitemap-page/",
        },
    )
    news_pages(b, news, "/?cat=1")
    mnews = (
        "14.10.2025",
        "Посвящение в наставники",
        "/?p=150",
        "На педагогическом совете состоялось посвящение молодых педагогов и их наставников; наставнические "
        "пары 2025-2026 учебного года представили планы работы.",
    )
    b.page(
        mnews[2],
        mnews[1],
        f'<div class="date">{mnews[0]}</div>' + paras(mnews[3]),
        crumbs=[("Главная", "/"), ("Педагогам", "/?page_id=20")],
    )
    files = {
        "pupils": up + "Положение-о-наставничестве-обучающихся.pdf",
        "pairs": up + "Приказ-о-закреплении-наставнических-пар-2025-2026.docx",
        "roadmap": up + "План-мероприятий-дорожная-карта-2025-2026-скан.pdf",
        "curator": up + "prikaz-o-naznachenii-kuratora.odt",
        "base": "/wp-content/uploads/2025/10/База-наставников-2025-2026.pdf",
    }
    b.file(files["pupils"], "pdf", t.regulation(org, ["УТВЕРЖДЕНО", "приказом от 30.08.2025 № 141"], pupils=True))
    b.file(
        files["pairs"],
        "docx",
        t.pairs_order(
            org,
            number="150",
            date_text="01.09.2025",
            year="2025-2026",
            pairs=[("Алексеева Наталья Викторовна", "Зайцева Полина Игоревна", "педагог – педагог")],
        ),
    )
    b.file(
        files["roadmap"],
        "pdf_scan",
        t.roadmap(
            org,
            ["УТВЕРЖДАЮ", f"Директор ________ {org.head}", "01.09.2025"],
            period="на 2025-2026 учебный год",
            rows=[
                ("Закрепление наставнических пар", "сентябрь 2025", "директор"),
                ("Открытые уроки молодых педагогов", "февраль 2026", "наставники"),
                ("Подведение итогов", "май 2026", "куратор"),
            ],
        ),
        seed=2,
    )
    b.file(
        files["curator"],
        "odt",
        [
            f"# {org.full}",
            "# ПРИКАЗ",
            "от 01.09.2025\t№ 149",
            "",
            "# О назначении куратора наставничества педагогических работников",
            "ПРИКАЗЫВАЮ:",
            "1. Назначить куратором наставничества педагогических работников заместителя директора по УВР "
            "Фёдорову Анну Сергеевну.",
            f"{org.head_title}\t{org.head}",
        ],
    )
    links = [
        ("Положение о наставничестве обучающихся", href_of(files["pupils"])),
        ("Приказ о назначении куратора наставничества", href_of(files["curator"])),
        ("Приказ о закреплении наставнических пар на 2025-2026 учебный год", href_of(files["pairs"], raw=True)),
        ("План мероприятий (дорожная карта) на 2025-2026 учебный год", href_of(files["roadmap"])),
    ]
    if variant == "previous":  # the base was removed from the page between January and May
        b.file(
            files["base"],
            "pdf",
            t.mentor_base(
                org,
                year="2025-2026",
                mentors=[("Алексеева Наталья Викторовна", "учитель русского языка, 21 год", "методика")],
                mentees=[("Зайцева Полина Игоревна", "учитель русского языка", "0 лет")],
            ),
        )
        links.append(("База наставников 2025-2026", href_of(files["base"])))
    b.page(
        sec,
        "Наставничество педагогов",
        paras("Наставничество в нашей школе.") + doc_list(links) + news_block([mnews[:3]]),
        crumbs=[("Главная", "/"), ("Педагогам", "/?page_id=20")],
    )
    b.page(
        "/?page_id=22",
        "Наставничество педагогов",
        f'<p>Страница перенесена: <a href="{href_of(sec)}">Наставничество педагогов</a></p>',
        in_sitemap=False,
    )
    b.page("/?page_id=20", "Педагогам", doc_list([(i.label, href_of(i.href)) for i in menu[2].children]))
    pay = up + "Положение-об-оплате-труда.docx"
    b.file(pay, "docx", t.pay_regulation(org, ["УТВЕРЖДЕНО", "приказом от 11.01.2023 № 4"], mentoring=False))
    b.page(
        "/?page_id=7",
        "Документы",
        doc_list([("Положение об оплате труда", href_of(pay))]),
        crumbs=[("Главная", "/"), ("Сведения об ОО", "/?page_id=5")],
    )
    b.page("/", "Главная", news_block([(d, ti, p) for d, ti, p, _ in news]))
    return b.finish(sitemap=True)


# ============================================================================================ 15 sosh-5


def sosh5(variant: str, cache: DocCache) -> Site:
    """Joomla-like CMS with query-string URLs; «/» answers 301; the приказ is pasted as HTML on the page."""
    org = c.SOSH5

    def art(n: int, item: int = 101) -> str:
        return f"/index.php?option=com_content&view=article&id={n}&Itemid={item}"

    sec = art(45, 120)
    menu = [
        M("Главная", "/index.php"),
        M("О школе", art(2, 102), (M("Сведения об ОО", art(3, 103)), M("Документы", art(4, 104)))),
        M(
            "Методическая работа",
            art(40, 118),
            (
                M("Методические объединения", art(41, 119)),
                M("Целевая модель наставничества", sec),
                M("Инновационная деятельность", art(46, 121)),
            ),
        ),
        M("Новости", "/index.php?option=com_content&view=category&id=8&Itemid=110"),
        M("Контакты", art(9, 109)),
    ]
    news_list = "/index.php?option=com_content&view=category&id=8&Itemid=110"
    news = general_news(lambda i: art(200 + i, 110), variant=variant)
    b = SiteBuilder(
        cache,
        "sosh-5",
        15,
        theme="joomla",
        name=org.full,
        short=org.short,
        menu=menu,
        address="606975, Нижегородская область, Тонкинский р-н, с. Большая Арья, ул. Школьная, д. 5",
        phone="+7 (83153) 3-41-18",
        news=[(d, ti, p) for d, ti, p, _ in news],
    )
    filler_pages(
        b,
        {
            "about": art(2, 102),
            "contacts": art(9, 109),
            "managers": art(3, 103),
            "schedule": art(41, 119),
            "antiterror": art(46, 121),
            "special": "/special/",
            "search": "/search/",
            "privacy": "/privacy/",
            "sitemap_page": "/sitemap-page/",
        },
    )
    news_pages(b, news, news_list)
    order = t.model_order(
        org,
        number="54",
        date_text="04.09.2025",
        curator="заместителя директора по учебной работе Волкову Ольгу Николаевну",
    )
    from crawler.demo.docgen import parse_blocks, render_html_fragment

    files = {
        "reg": "/images/docs/nastavnichestvo/polozhenie_o_nastavnichestve.odt",
        "plan": "/images/docs/nastavnichestvo/plan_nastavnichestva_2025-2026.pdf",
        "pairs": "/images/docs/nastavnichestvo/Приказ о закреплении пар 2025-2026.pdf",
        "base": "/images/docs/nastavnichestvo/baza_nastavnikov.docx",
        "monitoring": "/images/docs/nastavnichestvo/monitoring_1_polugodie_2025-2026.pdf",
        "r145": "/images/docs/nastavnichestvo/r-145.pdf",
    }
    b.file(
        files["reg"],
        "odt",
        t.regulation(
            org, ["Приложение 1 к приказу № 54 от 04.09.2025"], title="о наставничестве педагогических работников"
        ),
    )
    b.file(
        files["plan"],
        "pdf",
        t.roadmap(
            org,
            ["УТВЕРЖДЕНО", "приказом от 04.09.2025 № 54"],
            period="на 2025-2026 учебный год",
            rows=[
                ("Составление персонализированных программ", "сентябрь 2025", "наставники"),
                ("Мониторинг за первое полугодие", "январь 2026", "куратор"),
                ("Итоговый мониторинг", "май 2026", "куратор"),
            ],
        ),
    )
    b.file(
        files["pairs"],
        "pdf",
        t.pairs_order(
            org,
            number="55",
            date_text="04.09.2025",
            year="2025-2026",
            pairs=[("Волкова Ольга Николаевна", "Петров Иван Сергеевич", "педагог – педагог")],
        ),
    )
    b.file(
        files["base"],
        "docx",
        t.mentor_base(
            org,
            year="2025-2026",
            mentors=[
                ("Волкова Ольга Николаевна", "учитель физики, 28 лет", "методика"),
                ("Гусева Марина Львовна", "учитель биологии, 17 лет", "воспитательная работа"),
            ],
            mentees=[("Петров Иван Сергеевич", "учитель информатики", "0 лет")],
        ),
    )
    b.file(files["r145"], "pdf", t.external_r145())
    links = [
        ("Положение о наставничестве педагогических работников (приложение 1 к приказу № 54)", files["reg"]),
        ("План мероприятий по наставничеству на 2025-2026 учебный год", files["plan"]),
        ("Приказ о закреплении наставнических пар на 2025-2026 учебный год", href_of(files["pairs"])),
        ("База наставников", files["base"]),
    ]
    if variant == "current":
        b.file(
            files["monitoring"],
            "pdf",
            t.report(org, year="2025-2026 (первое полугодие)", made_on="26.01.2026", pairs=1),
        )
        links.append(
            ("Мониторинг реализации программы наставничества за I полугодие 2025-2026 уч. года", files["monitoring"])
        )
    links.append(("Распоряжение Минпросвещения России № Р-145 (для ознакомления)", files["r145"]))
    mnews = (
        art(260, 110),
        "03.03.2026",
        "Наставничество: первые итоги",
        "Молодой учитель Петров И.С. и его наставник Волкова О.Н. провели совместный мастер-класс.",
    )
    news_html = ""
    if variant == "current":  # published in March 2026
        b.page(mnews[0], mnews[2], f'<div class="date">{mnews[1]}</div>' + paras(mnews[3]))
        news_html = "<h2>Новости</h2>" + news_block([(mnews[1], mnews[2], mnews[0])])
    body = (
        paras("В школе реализуется целевая модель наставничества педагогических работников.")
        + '<div class="item-page"><h2>Приказ</h2>'
        + render_html_fragment(parse_blocks(order))
        + "</div><h2>Документы</h2>"
        + doc_list(links)
        + news_html
    )
    b.page(
        sec,
        "Целевая модель наставничества",
        body,
        crumbs=[("Главная", "/index.php"), ("Методическая работа", art(40, 118))],
    )
    b.page(art(40, 118), "Методическая работа", doc_list([(i.label, href_of(i.href)) for i in menu[2].children]))
    b.page(
        art(4, 104),
        "Документы",
        doc_list([("Устав", "/images/docs/ustav.pdf"), ("Правила приёма", "/images/docs/pravila_priema.pdf")]),
    )
    b.page("/index.php", "Главная", paras("Добро пожаловать!") + news_block([(d, ti, p) for d, ti, p, _ in news]))
    b.site.routes["/"] = Resource(b"", status=301, headers={"Location": "/index.php"})
    return b.finish(sitemap=False)


# ============================================================================================ 16 oosh-6


def oosh6(variant: str, cache: DocCache) -> Site:
    """A CMS with ?page=N; nothing about mentoring anywhere, plenty of other pages and documents."""
    org = c.OOSH6
    menu = [
        M("Главная", "/"),
        M(
            "Сведения об образовательной организации",
            "/?page=2",
            (
                M("Основные сведения", "/?page=3"),
                M("Документы", "/?page=4"),
                M("Руководство", "/?page=5"),
                M("Питание", "/?page=6"),
                M("Доступная среда", "/?page=7"),
            ),
        ),
        M("Новости", "/?page=10"),
        M("Родителям", "/?page=11"),
        M("Безопасность", "/?page=12"),
        M("Контакты", "/?page=13"),
    ]
    news = general_news(lambda i: f"/?page=news&id={i}", variant=variant)
    b = SiteBuilder(
        cache,
        "oosh-6",
        16,
        theme="simplecms",
        name=org.full,
        short=org.short,
        menu=menu,
        address="606982, Нижегородская область, Тонкинский р-н, д. Ващилово, ул. Новая, д. 2",
        phone="+7 (83153) 3-52-60",
        news=[(d, ti, p) for d, ti, p, _ in news],
    )
    filler_pages(
        b,
        {
            "about": "/?page=3",
            "managers": "/?page=5",
            "food": "/?page=6",
            "dost": "/?page=7",
            "parents": "/?page=11",
            "antiterror": "/?page=12",
            "contacts": "/?page=13",
            "special": "/special/",
            "search": "/search/",
            "privacy": "/privacy/",
            "sitemap_page": "/sitemap-page/",
        },
    )
    news_pages(b, news, "/?page=10")
    files = {
        "plan": "/files/plan_raboty_2025-2026.pdf",
        "fire": "/files/prikaz_115_pozharnaya_bezopasnost.docx",
        "pay": "/files/polozhenie_ob_oplate_truda.pdf",
        "mo": "/files/polozhenie_o_mo.pdf",
    }
    b.file(files["plan"], "pdf", t.school_plan(org, year="2025-2026"))
    b.file(
        files["fire"],
        "docx",
        t.fire_order(org, number="115", date_text="29.08.2025", person="учителя ОБЗР Карпова Юрия Петровича"),
    )
    b.file(files["pay"], "pdf", t.pay_regulation(org, ["УТВЕРЖДЕНО", "приказом от 09.01.2025 № 1"], mentoring=False))
    b.file(files["mo"], "pdf", t.mo_regulation(org, ["УТВЕРЖДЕНО", "приказом от 31.08.2023 № 70"]))
    b.page(
        "/?page=4",
        "Документы",
        doc_list(
            [
                ("План работы школы на 2025-2026 учебный год", files["plan"]),
                ("Приказ о назначении ответственного за пожарную безопасность", files["fire"]),
                ("Положение об оплате труда работников", files["pay"]),
                ("Положение о методическом объединении", files["mo"]),
            ]
        ),
        crumbs=[("Главная", "/"), ("Сведения об образовательной организации", "/?page=2")],
    )
    b.page(
        "/?page=2",
        "Сведения об образовательной организации",
        sveden_body(b, [(i.label, i.href) for i in menu[1].children]),
    )
    b.page("/", "Главная", news_block([(d, ti, p) for d, ti, p, _ in news]))
    return b.finish(sitemap=True)


# ============================================================================================ 17 sosh-7


def _huge_pdf_stream() -> Iterator[bytes]:
    """200 MB «scan»: a PDF header and filler, generated chunk by chunk."""
    head = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
    chunk = b"0" * (256 * 1024)
    yield head
    left = HUGE_SIZE - len(head)
    while left > 0:
        piece = chunk[: min(len(chunk), left)]
        left -= len(piece)
        yield piece


def sosh7(variant: str, cache: DocCache) -> Site:
    """Госвеб with «Педагогам › Наставничество педагогов»; a Положение copied from another school; a 200 MB file."""
    org = c.SOSH7
    sec = "/pedagogam/nastavnichestvo-pedagogov"
    menu = [
        M("Главная", "/"),
        M(
            "Сведения об образовательной организации",
            "/svedeniya-ob-obrazovatelnoy-organizatsii",
            (
                M("Документы", "/svedeniya-ob-obrazovatelnoy-organizatsii/dokumenty"),
                M("Руководство", "/svedeniya-ob-obrazovatelnoy-organizatsii/rukovodstvo"),
            ),
        ),
        M(
            "Педагогам",
            "/pedagogam",
            (
                M("Наставничество педагогов", sec),
                M("Аттестация", "/pedagogam/attestatsiya"),
            ),
        ),
        M("Новости", "/novosti"),
        M("Контакты", "/kontakty"),
    ]
    news = general_news(lambda i: f"/novosti/{i}", variant=variant)
    b = SiteBuilder(
        cache,
        "sosh-7",
        17,
        theme="gosweb",
        name=org.full,
        short=org.short,
        menu=menu,
        address="606978, Нижегородская область, Тонкинский р-н, с. Бердники, ул. Мира, д. 7",
        phone="+7 (83153) 3-61-02",
        news=[(d, ti, p) for d, ti, p, _ in news],
    )
    filler_pages(
        b,
        {
            "managers": "/svedeniya-ob-obrazovatelnoy-organizatsii/rukovodstvo",
            "schedule": "/pedagogam/attestatsiya",
            "contacts": "/kontakty",
            "special": "/special/",
            "search": "/search/",
            "privacy": "/privacy/",
            "sitemap_page": "/sitemap-page/",
        },
    )
    news_pages(b, news, "/novosti")
    copied = t.regulation(
        org, ["УТВЕРЖДЕНО", "приказом от 11.03.2024 № 0123"], named="МАОУ «СОШ № 14»", labour_code=False
    )
    files = {
        "reg": "/netcat_files/77/118/polozhenie_o_nastavnichestve.pdf",
        "prog": "/netcat_files/77/118/programma_nastavnichestva_2025-2026.docx",
        "curator": "/netcat_files/77/119/prikaz_o_naznachenii_kuratora.pdf",
        "pairs": "/netcat_files/77/119/prikaz_pary_2025-2026.pdf",
        "base": "/netcat_files/77/119/baza_nastavnikov.xlsx",
        "huge": "/netcat_files/77/120/otchet_o_realizatsii_programmy_nastavnichestva_skan.pdf",
        "plan": "/netcat_files/77/121/plan_raboty_shkoly_2025-2026.pdf",
    }
    b.file(files["plan"], "pdf", t.school_plan(org, year="2025-2026"))
    b.file(files["reg"], "pdf", copied)
    b.file(
        files["prog"],
        "docx",
        t.program(org, ["УТВЕРЖДАЮ", f"Директор ________ {org.head}", "Приказ № 96 от 01.09.2025"], year="2025-2026"),
    )
    b.file(
        files["curator"],
        "pdf",
        [
            f"# {org.full}",
            "# ПРИКАЗ",
            "от 01.09.2025\t№ 97",
            "",
            "# О назначении куратора наставничества",
            "ПРИКАЗЫВАЮ:",
            "1. Назначить куратором наставничества педагогических работников заместителя директора по "
            "учебно-воспитательной работе Романову Юлию Викторовну.",
            f"{org.head_title}\t{org.head}",
        ],
    )
    b.file(
        files["pairs"],
        "pdf",
        [
            *esign_for(org, "7F3C0E21AA94D1B6")[1:],
            "",
            *t.pairs_order(
                org,
                number="98",
                date_text="01.09.2025",
                year="2025-2026",
                pairs=[("Романова Юлия Викторовна", "Ершов Максим Ильич", "педагог – педагог")],
            ),
        ],
    )
    b.file(
        files["base"],
        "xlsx",
        t.mentor_base(
            org,
            year="2025-2026",
            mentors=[
                ("Романова Юлия Викторовна", "учитель истории, 22 года", "методика"),
                ("Никитина Ольга Павловна", "учитель химии, 26 лет", "подготовка к аттестации"),
            ],
            mentees=[("Ершов Максим Ильич", "учитель географии", "1 год")],
        ),
    )
    b.site.routes[files["huge"]] = Resource(content_type="application/pdf", stream=_huge_pdf_stream, length=HUGE_SIZE)
    b.page(
        sec,
        "Наставничество педагогов",
        paras("Информация о системе наставничества школы.")
        + doc_list(
            [
                ("Положение о наставничестве", href_of(files["reg"])),
                ("Программа наставничества на 2025-2026 учебный год", href_of(files["prog"])),
                ("Приказ о назначении куратора", href_of(files["curator"])),
                ("Приказ о закреплении наставнических пар 2025-2026", href_of(files["pairs"])),
                ("База наставников", href_of(files["base"])),
                ("Отчёт о реализации программы наставничества (скан, 200 МБ)", href_of(files["huge"])),
                ("План работы школы на 2025-2026 учебный год", href_of(files["plan"])),
            ]
        ),
        crumbs=[("Главная", "/"), ("Педагогам", "/pedagogam")],
    )
    b.page("/pedagogam", "Педагогам", doc_list([(i.label, href_of(i.href)) for i in menu[2].children]))
    b.page(
        "/svedeniya-ob-obrazovatelnoy-organizatsii/dokumenty",
        "Документы",
        doc_list([("Устав", "/netcat_files/77/100/ustav.pdf")]),
    )
    b.page(
        "/svedeniya-ob-obrazovatelnoy-organizatsii",
        "Сведения об образовательной организации",
        sveden_body(b, [(i.label, href_of(i.href)) for i in menu[1].children]),
    )
    b.page("/", "Главная", news_block([(d, ti, p) for d, ti, p, _ in news]))
    return b.finish(sitemap=True)


# ============================================================================================ 18 ds-1


def ds1(variant: str, cache: DocCache) -> Site:
    """Kindergarten on the file/card platform; scans; the base of mentors is on Yandex Disk only."""
    org = c.DS1
    sec = "/?section_id=45"
    menu = [
        M("Главная", "/"),
        M(
            "Сведения об образовательной организации",
            "/?section_id=1",
            (
                M("Документы", "/?section_id=31"),
                M("Руководство", "/?section_id=5"),
            ),
        ),
        M("Наставничество", sec),
        M("Родителям", "/?section_id=11", (M("Адаптация ребёнка", "/?section_id=12"),)),
        M("Новости", "/?section_id=10"),
        M("Контакты", "/?section_id=14"),
    ]
    news = general_news(lambda i: f"/news-svc/item?id={500 + i}", variant=variant)
    b = SiteBuilder(
        cache,
        "ds-1",
        18,
        theme="filecard",
        name=org.full,
        short=org.short,
        menu=menu,
        address="606970, Нижегородская область, р.п. Тонкино, ул. Садовая, д. 9",
        phone="+7 (83153) 4-15-33",
        news=[(d, ti, p) for d, ti, p, _ in news],
    )
    filler_pages(
        b,
        {
            "managers": "/?section_id=5",
            "parents": "/?section_id=11",
            "dost": "/?section_id=12",
            "contacts": "/?section_id=14",
            "special": "/special/",
            "search": "/search/",
            "privacy": "/privacy/",
            "sitemap_page": "/sitemap-page/",
        },
    )
    news_pages(b, news, "/?section_id=10")
    reg = t.regulation(
        org,
        t.two_block_stamp(
            ["ПРИНЯТО", "общим собранием работников", "протокол № 2 от 14.09.2023"],
            ["УТВЕРЖДЕНО", "приказом заведующего", "от 15.09.2023 № 61"],
        ),
        labour_code=False,
    )
    cards: dict[int, tuple[str, str, list[str], str, int]] = {
        201: (
            "Положение о системе наставничества педагогических работников",
            "pdf_scan",
            reg,
            "Положение о наставничестве (скан).pdf",
            5,
        ),
        202: (
            "Дорожная карта внедрения целевой модели наставничества на 2024-2026 годы",
            "pdf",
            t.roadmap(
                org,
                ["УТВЕРЖДЕНО", "приказом от 02.09.2024 № 70"],
                period="на период 2024-2026 гг.",
                rows=[
                    ("Семинар «Наставник – молодой воспитатель»", "октябрь 2024", "старший воспитатель"),
                    ("Неделя наставничества", "февраль 2026", "куратор"),
                ],
            ),
            "Дорожная карта наставничество 2024-2026.pdf",
            0,
        ),
        203: (
            "Приказ о закреплении наставнических пар на 2025-2026 учебный год (скан)",
            "jpg",
            [
                f"# {org.short}",
                "# ПРИКАЗ",
                "от 01.09.2025\t№ 88",
                "",
                "# О закреплении наставнических пар на 2025-2026 учебный год",
                "На основании письменного согласия наставников и наставляемых ПРИКАЗЫВАЮ:",
                "1. Закрепить наставнические пары в следующем составе:",
                "ФИО наставника\tФИО наставляемого\tФорма наставничества",
                "Полякова Вера Ивановна\tЕгорова Анна Сергеевна\tпедагог – педагог",
                "Морозова Галина Петровна\tВасильева Ольга Игоревна\tопытный педагог – молодой специалист",
                f"{org.head_title}\t{org.head}",
            ],
            "Приказ пары 2025-2026.jpg",
            6,
        ),
        204: (
            "Приказ о внедрении целевой модели наставничества",
            "docx",
            t.model_order(
                org, number="60", date_text="15.09.2023", curator="старшего воспитателя Полякову Веру Ивановну"
            ),
            "Приказ о внедрении ЦМН.docx",
            0,
        ),
    }
    mnews = (
        "/news-svc/item?id=590",
        "18.02.2026",
        "Неделя наставничества в детском саду",
        "Молодые воспитатели провели открытые занятия под руководством наставников.",
    )
    b.page(mnews[0], mnews[2], f'<div class="date">{mnews[1]}</div>' + paras(mnews[3]), in_sitemap=False)
    yandex = "https://disk.yandex.ru/i/Xb7Qm2Lk9PzT4w"
    gdrive = "https://drive.google.com/file/d/1AbCdEfGhIjKlMnOpQrStUvWxYz012345/view?usp=sharing"
    body = (
        paras("Наставничество педагогических работников детского сада.")
        + cards_section(b, cards, [201, 204, 202, 203])
        + f'<ul class="files"><li><a href="{yandex}" target="_blank">База наставников и наставляемых '
        "(Яндекс Диск)</a></li>"
        f'<li><a href="{gdrive}" target="_blank">Методические рекомендации Минпросвещения по наставничеству '
        "(Google Диск)</a></li></ul>" + (news_block([(mnews[1], mnews[2], mnews[0])]) if variant == "current" else "")
    )
    b.page(sec, "Наставничество", body, crumbs=[("Главная", "/")])
    b.page(
        "/?section_id=31",
        "Документы",
        paras("Устав, лицензия, локальные акты.") + doc_list([("Устав", "/file/card?id=150")]),
    )
    b.page(
        "/?section_id=1",
        "Сведения об образовательной организации",
        sveden_body(b, [(i.label, i.href) for i in menu[1].children]),
    )
    b.page("/", "Главная", news_block([(d, ti, p) for d, ti, p, _ in news]))
    return b.finish(sitemap=False)


# ============================================================================================ 19 ds-2


def ds2(variant: str, cache: DocCache) -> Site:
    """Госвеб kindergarten, slow (every answer ~1.5 s); «Методическая работа › Целевая модель наставничества»."""
    org = c.DS2
    sec = "/metodicheskaya-rabota/tselevaya-model-nastavnichestva"
    menu = [
        M("Главная", "/"),
        M("Сведения об образовательной организации", "/svedeniya-ob-obrazovatelnoy-organizatsii"),
        M("Методическая работа", "/metodicheskaya-rabota", (M("Целевая модель наставничества", sec),)),
        M("Контакты", "/kontakty"),
    ]
    b = SiteBuilder(
        cache,
        "ds-2",
        19,
        theme="gosweb",
        name=org.full,
        short=org.short,
        menu=menu,
        address="606970, Нижегородская область, р.п. Тонкино, ул. Лесная, д. 2",
        phone="+7 (83153) 4-44-21",
    )
    b.site.delay = 1.5
    filler_pages(b, {"contacts": "/kontakty"})
    files = {
        "reg": "/netcat_files/12/20/polozhenie_o_nastavnichestve.pdf",
        "prog": "/netcat_files/12/20/programma_nastavnichestva_2025-2026.pdf",
        "curator": "/netcat_files/12/21/prikaz_kurator.pdf",
        "pairs": "/netcat_files/12/21/prikaz_pary_2025-2026.pdf",
        "report": "/netcat_files/12/22/monitoring_2024-2025.docx",
    }
    b.file(
        files["reg"],
        "pdf",
        [
            *esign_for(org, "3A55E0C19B2D7F04")[1:],
            "",
            *t.regulation(org, ["УТВЕРЖДЕНО", "приказом от 11.03.2024 № 0123"], labour_code=False),
        ],
    )
    b.file(files["prog"], "pdf", t.program(org, ["УТВЕРЖДЕНО", "приказом от 01.09.2025 № 77"], year="2025-2026"))
    b.file(
        files["curator"],
        "pdf",
        [
            f"# {org.full}",
            "# ПРИКАЗ",
            "от 12.03.2024\t№ 0124",
            "",
            "# О назначении куратора целевой модели наставничества",
            "ПРИКАЗЫВАЮ:",
            "1. Назначить куратором целевой модели наставничества старшего воспитателя Крылову Нину Петровну.",
            f"{org.head_title}\t{org.head}",
        ],
    )
    b.file(
        files["pairs"],
        "pdf",
        t.pairs_order(
            org,
            number="78",
            date_text="01.09.2025",
            year="2025-2026",
            pairs=[("Крылова Нина Петровна", "Осипова Ксения Андреевна", "педагог – педагог")],
        ),
    )
    b.file(files["report"], "docx", t.report(org, year="2024-2025", made_on="28.05.2025"))
    body = (
        paras("Раздел о реализации целевой модели наставничества в детском саду.")
        + doc_list(
            [
                (ti, href_of(files[k]))
                for ti, k in (
                    ("Положение о системе наставничества педагогических работников", "reg"),
                    ("Программа наставничества на 2025-2026 учебный год", "prog"),
                    ("Приказ о назначении куратора", "curator"),
                    ("Приказ о закреплении наставнических пар на 2025-2026 учебный год", "pairs"),
                    ("Мониторинг реализации программы наставничества за 2024-2025 учебный год", "report"),
                )
            ]
        )
        + news_block([("25.11.2025", "Семинар наставников «Первые шаги в профессии»", sec + "/seminar-2025")])
    )
    b.page(
        sec + "/seminar-2025",
        "Семинар наставников «Первые шаги в профессии»",
        '<div class="date">25.11.2025</div>' + paras("Наставники провели семинар для молодых воспитателей."),
    )
    b.page(
        sec,
        "Целевая модель наставничества",
        body,
        crumbs=[("Главная", "/"), ("Методическая работа", "/metodicheskaya-rabota")],
    )
    b.page("/metodicheskaya-rabota", "Методическая работа", doc_list([("Целевая модель наставничества", sec)]))
    b.page(
        "/svedeniya-ob-obrazovatelnoy-organizatsii",
        "Сведения об образовательной организации",
        paras("Основные сведения о детском саде."),
    )
    b.page("/", "Главная", paras("Добро пожаловать в детский сад «Родничок»!"))
    return b.finish(sitemap=True)


# ============================================================================================ 20 ds-3


def ds3(variant: str, cache: DocCache) -> Site:
    """WordPress kindergarten; the section is a stub «Раздел в разработке» (it did not exist in January)."""
    org = c.DS3
    sec = "/nastavnichestvo/"
    menu = [
        M("Главная", "/"),
        M("Сведения об ОО", "/?page_id=5", (M("Документы", "/?page_id=7"),)),
        M("Родителям", "/?page_id=30"),
        M("Новости", "/?cat=1"),
        M("Контакты", "/?page_id=40"),
    ]
    if variant == "current":
        menu.insert(3, M("Наставничество", sec))
    news = general_news(lambda i: f"/?p={400 + i}", variant=variant)
    b = SiteBuilder(
        cache,
        "ds-3",
        20,
        theme="wordpress",
        name=org.full,
        short=org.short,
        menu=menu,
        address="606970, Нижегородская область, р.п. Тонкино, ул. Полевая, д. 15",
        phone="+7 (83153) 4-60-70",
        news=[(d, ti, p) for d, ti, p, _ in news],
    )
    filler_pages(
        b,
        {
            "parents": "/?page_id=30",
            "contacts": "/?page_id=40",
            "about": "/?page_id=5",
            "special": "/special/",
            "search": "/search/",
            "privacy": "/privacy/",
            "sitemap_page": "/sitemap-page/",
        },
    )
    news_pages(b, news, "/?cat=1")
    if variant == "current":
        b.page(sec, "Наставничество", '<p class="stub">Раздел в разработке</p>', crumbs=[("Главная", "/")])
    pay = "/wp-content/uploads/2024/01/polozhenie-ob-oplate-truda.docx"
    b.file(pay, "docx", t.pay_regulation(org, ["УТВЕРЖДЕНО", "приказом от 10.01.2024 № 5"], mentoring=False))
    b.page("/?page_id=7", "Документы", doc_list([("Положение об оплате труда работников", pay)]))
    b.page("/", "Главная", news_block([(d, ti, p) for d, ti, p, _ in news]))
    return b.finish(sitemap=True)


# ============================================================================================ 21 ds-4


def ds4(variant: str, cache: DocCache) -> Site:
    """edusite-like kindergarten: «Педагогам › Наставничество педагогов», RTF and DOCX documents."""
    org = c.DS4
    sec = "/page/31"
    menu = [
        M("Главная", "/"),
        M("Сведения об ОО", "/page/2"),
        M("Педагогам", "/page/30", (M("Наставничество педагогов", sec), M("Самообразование", "/page/32"))),
        M("Родителям", "/page/40"),
        M("Контакты", "/page/50"),
    ]
    b = SiteBuilder(
        cache,
        "ds-4",
        21,
        theme="edusite",
        name=org.full,
        short=org.short,
        menu=menu,
        address="606981, Нижегородская область, Тонкинский р-н, с. Пакали, ул. Садовая, д. 4",
        phone="+7 (83153) 3-11-90",
    )
    filler_pages(b, {"about": "/page/2", "parents": "/page/40", "contacts": "/page/50", "schedule": "/page/32"})
    files = {
        "reg": "/files/ds4/polozhenie_nastavnichestvo.rtf",
        "pairs": "/files/ds4/prikaz_pary_2025-2026.docx",
        "roadmap": "/files/ds4/plan_meropriyatiy_nastavnichestvo.pdf",
    }
    b.file(
        files["reg"],
        "rtf",
        t.regulation(org, ["УТВЕРЖДЕНО", "приказом заведующего от 20.09.2023 № 45"], labour_code=False),
        seed=0,
    )
    b.file(
        files["pairs"],
        "docx",
        t.pairs_order(
            org,
            number="51",
            date_text="02.09.2025",
            year="2025-2026",
            pairs=[
                ("Антонова Елена Николаевна", "Громова Алёна Дмитриевна", "педагог – педагог"),
                ("Соколова Ирина Павловна", "Орлова Мария Игоревна", "групповое наставничество"),
                ("", "Белова Ксения Олеговна", ""),
                ("", "Карпова Татьяна Викторовна", ""),
            ],
        ),
    )
    b.file(
        files["roadmap"],
        "pdf",
        t.roadmap(
            org,
            ["УТВЕРЖДЕНО", "приказом от 20.09.2023 № 45"],
            period="на 2023-2026 годы",
            rows=[
                ("Разработка локальных актов", "сентябрь 2023", "заведующий"),
                ("Закрепление пар", "ежегодно в сентябре", "заведующий"),
            ],
        ),
    )
    b.page(
        sec,
        "Наставничество педагогов",
        doc_list(
            [
                ("Положение о наставничестве", files["reg"]),
                ("План мероприятий (дорожная карта) по наставничеству на 2023-2026 годы", files["roadmap"]),
                ("Приказ о закреплении наставнических пар 2025-2026", files["pairs"]),
            ]
        ),
        crumbs=[("Главная", "/"), ("Педагогам", "/page/30")],
    )
    b.page("/page/30", "Педагогам", doc_list([("Наставничество педагогов", sec), ("Самообразование", "/page/32")]))
    b.page("/", "Главная", paras("Детский сад «Колокольчик» приглашает детей от 1,5 до 7 лет."))
    return b.finish(sitemap=False)


# ============================================================================================ 22 ddt


def _calendar(path: str, query: str) -> Resource | None:
    """/events/?month=YYYY-MM and /events/?date=YYYY-MM-DD: links to the next month / day, forever."""
    qs = parse_qs(query)
    today = dt.date(2026, 5, 20)
    if "date" in qs and re.fullmatch(r"\d{4}-\d{2}-\d{2}", qs["date"][0]):
        day = dt.date.fromisoformat(qs["date"][0])
        nxt = day + dt.timedelta(days=1)
        body = (
            f"<h1>События {day:%d.%m.%Y}</h1><p>Событий на этот день нет.</p>"
            f'<a href="/events/?date={nxt.isoformat()}">Следующий день »</a> '
            f'<a href="/events/?month={day:%Y-%m}">Весь месяц</a>'
        )
    else:
        raw = qs.get("month", [f"{today:%Y-%m}"])[0]
        if not re.fullmatch(r"\d{4}-\d{2}", raw):
            return None
        year, month = int(raw[:4]), int(raw[5:])
        if not 1 <= month <= 12:
            return None
        next_month = f"{year + month // 12}-{month % 12 + 1:02d}"
        prev_month = f"{year - (month == 1)}-{(month - 2) % 12 + 1:02d}"
        days = "".join(f'<a href="/events/?date={year}-{month:02d}-{d:02d}">{d}</a> ' for d in range(1, 29))
        body = (
            f"<h1>Календарь событий: {month:02d}.{year}</h1><div class='calendar'>{days}</div>"
            f'<a href="/events/?month={prev_month}">« Предыдущий месяц</a> '
            f'<a href="/events/?month={next_month}">Следующий месяц »</a>'
        )
    page = (
        f'<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>Календарь</title></head><body>'
        f'<a href="/">Главная</a>{body}</body></html>'
    )
    return Resource(page.encode())


def ddt(variant: str, cache: DocCache) -> Site:
    """Дом детского творчества: the section is reachable only through a home-page banner (alt text), an endless
    event calendar, ODT documents."""
    org = c.DDT
    sec = "/page/77"
    menu = [
        M("Главная", "/"),
        M("Сведения об ОО", "/page/2", (M("Документы", "/page/4"),)),
        M("Объединения", "/page/10"),
        M("Календарь событий", "/events/"),
        M("Новости", "/page/20"),
        M("Контакты", "/page/50"),
    ]
    news = general_news(lambda i: f"/page/{200 + i}", variant=variant)
    b = SiteBuilder(
        cache,
        "ddt",
        22,
        theme="edusite",
        name=org.full,
        short=org.short,
        menu=menu,
        address="606970, Нижегородская область, р.п. Тонкино, ул. Красная, д. 6",
        phone="+7 (83153) 4-12-55",
        news=[(d, ti, p) for d, ti, p, _ in news],
    )
    filler_pages(b, {"about": "/page/2", "schedule": "/page/10", "contacts": "/page/50"})
    news_pages(b, news, "/page/20")
    b.site.handlers.append(("/events/", _calendar))
    reg = t.regulation(
        org,
        t.two_block_stamp(
            ["ПРИНЯТО", "на общем собрании работников", "протокол № 2 от 15.09.2023"],
            ["УТВЕРЖДЕНО", "приказом директора", "от 18.09.2023 № 41-од"],
        ),
        labour_code=False,
    )
    files = {
        "reg": "/upload/docs/polozhenie_o_nastavnichestve.odt",
        "order": "/upload/docs/prikaz_o_vnedrenii_CMN.pdf",
        "prog": "/upload/docs/programma_nastavnichestva_2025-2026.odt",
        "pairs": "/upload/docs/prikaz_pary_2024-2025.pdf",
        "base": "/upload/docs/baza_nastavnikov_2025-2026.odt",
        "pay": "/upload/docs/Положение о стимулирующих выплатах.pdf",
    }
    b.file(files["reg"], "odt", reg)
    b.file(
        files["order"],
        "pdf",
        t.model_order(org, number="40-од", date_text="18.09.2023", curator="методиста Егорова Павла Сергеевича"),
    )
    b.file(files["prog"], "odt", t.program(org, ["УТВЕРЖДЕНО", "приказом от 01.09.2025 № 60-од"], year="2025-2026"))
    b.file(
        files["pairs"],
        "pdf",
        t.pairs_order(
            org,
            number="55-од",
            date_text="02.09.2024",
            year="2024-2025",
            pairs=[("Егоров Павел Сергеевич", "Синицына Валерия Олеговна", "педагог – педагог")],
        ),
    )
    b.file(files["pay"], "pdf", t.pay_regulation(org, ["УТВЕРЖДЕНО", "приказом от 15.01.2024 № 3-од"], mentoring=True))
    links = [
        ("Положение о наставничестве", files["reg"]),
        ("Приказ о внедрении целевой модели наставничества", files["order"]),
        ("Программа наставничества на 2025-2026 учебный год", files["prog"]),
        ("Приказ о закреплении наставнических пар на 2024-2025 учебный год", files["pairs"]),
        ("Положение о стимулирующих выплатах работникам", href_of(files["pay"])),
    ]
    if variant == "current":
        b.file(
            files["base"],
            "odt",
            t.mentor_base(
                org,
                year="2025-2026",
                mentors=[("Егоров Павел Сергеевич", "методист, 12 лет", "дополнительные общеразвивающие программы")],
                mentees=[
                    ("Синицына Валерия Олеговна", "педагог дополнительного образования", "1 год"),
                    ("Лаптева Дарья Игоревна", "педагог дополнительного образования", "0 лет"),
                ],
            ),
        )
        links.append(("База наставников 2025-2026", files["base"]))
    mnews = (
        "/page/260",
        "10.04.2026" if variant == "current" else "15.12.2025",
        "Мастер-класс наставника",
        "Педагог-наставник провёл мастер-класс для молодых педагогов ДДТ.",
    )
    b.page(mnews[0], mnews[2], f'<div class="date">{mnews[1]}</div>' + paras(mnews[3]))
    b.page(
        sec, "Наставничество", doc_list(links) + news_block([(mnews[1], mnews[2], mnews[0])]), crumbs=[("Главная", "/")]
    )
    b.page("/page/4", "Документы", doc_list([("Устав", "/upload/docs/ustav.pdf")]))
    banner = (
        f'<div class="banners-main"><a href="{sec}"><img src="/static/banner-nastavnik.png" '
        'alt="Наставничество"></a> <a href="/page/10"><img src="/static/banner-leto.png" '
        'alt="Летняя кампания 2026"></a></div>'
    )
    b.page("/", "Главная", news_block([(d, ti, p) for d, ti, p, _ in news]), home_extra=banner)
    return b.finish(sitemap=False, disallow=["/search/"])


# ============================================================================================ 23 dyussh


def dyussh(variant: str, cache: DocCache) -> Site:
    """ДЮСШ: answers 503 to everything in May 2026 (the farm marks it down); in January it worked."""
    org = c.DYUSSH
    sec = "/nastavnichestvo"
    sports = {"lyzhnye-gonki": "Лыжные гонки", "voleybol": "Волейбол", "futbol": "Футбол"}
    menu = [
        M("Главная", "/"),
        M("Отделения", "/otdeleniya", tuple(M(v, f"/otdeleniya/{k}") for k, v in sports.items())),
        M("Наставничество", sec),
        M("Новости", "/novosti"),
        M("Контакты", "/kontakty"),
    ]
    news = general_news(lambda i: f"/novosti/{i}", variant=variant)
    b = SiteBuilder(
        cache,
        "dyussh",
        23,
        theme="simplecms",
        name=org.full,
        short=org.short,
        menu=menu,
        address="606970, Нижегородская область, р.п. Тонкино, ул. Спортивная, д. 1",
        phone="+7 (83153) 4-70-01",
    )
    filler_pages(b, {"contacts": "/kontakty", "schedule": "/otdeleniya"})
    news_pages(b, news, "/novosti")
    for key, sport in sports.items():
        b.page(f"/otdeleniya/{key}", sport, paras(f"Отделение «{sport}»: тренировки по расписанию, набор с 7 лет."))
    reg = "/files/polozhenie_nastavnichestvo.pdf"
    b.file(reg, "pdf", t.regulation(org, ["УТВЕРЖДЕНО", "приказом от 05.10.2023 № 33"], labour_code=False))
    b.page(sec, "Наставничество", doc_list([("Положение о наставничестве", reg)]))
    b.page("/", "Главная", paras("Спортивная школа: лыжные гонки, волейбол, футбол."))
    return b.finish(sitemap=False)


# --------------------------------------------------------------------------------------------- the district

BUILDERS: dict[str, Callable[[str, DocCache], Site]] = {
    "sosh-1": sosh1,
    "sosh-2": sosh2,
    "sosh-3": sosh3,
    "sosh-4": sosh4,
    "sosh-5": sosh5,
    "oosh-6": oosh6,
    "sosh-7": sosh7,
    "ds-1": ds1,
    "ds-2": ds2,
    "ds-3": ds3,
    "ds-4": ds4,
    "ddt": ddt,
    "dyussh": dyussh,
}
# Sites that answer 503 to everything in a variant.
DOWN_IN_VARIANT: dict[str, set[str]] = {"current": {"dyussh"}, "previous": set()}


def build_all(variant: str, cache: DocCache) -> dict[str, Site]:
    return {org_id: build(variant, cache) for org_id, build in BUILDERS.items()}
