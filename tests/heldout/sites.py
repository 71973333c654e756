"""The nine sites of the held-out district «Заречный муниципальный округ».

Platforms and placements the demo does not have (DOMAIN.md §2.4–2.6, §4): a 1C-Bitrix school, a SharePoint-like
portal page of a kindergarten, Gosweb with a Cyrillic path and an HTML-pasted order, a kindergarten with an English
slug and an order shown as two inline JPG scans, a WordPress post as the section, a Joomla-like site behind a
meta-refresh with a 300-link menu, a site behind a user-agent WAF with the section four levels deep, a TLS site with
a self-signed certificate, and a centre whose only mention of mentoring is one news item. The pages are written
without <main> and with platform-specific wrappers. Expected verdicts: truth.yaml next to this file.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from crawler.demo import docgen
from crawler.demo import texts as t
from crawler.demo.texts import OrgText
from crawler.demo.web import MIME, DocCache, Resource, Site

Page = Callable[[str, str], str]  # (title, body) -> full HTML


def esc(s: str) -> str:
    return html.escape(s, quote=True)


def links_ul(items: list[tuple[str, str]], cls: str = "docs") -> str:
    return f'<ul class="{cls}">' + "".join(f'<li><a href="{esc(h)}">{esc(x)}</a></li>' for x, h in items) + "</ul>"


def paras(*texts: str) -> str:
    return "".join(f"<p>{esc(x)}</p>" for x in texts)


class Builder:
    """Routes of one site; `layout` wraps a page body in the platform's markup."""

    def __init__(self, cache: DocCache, org_id: str, n: int, layout: Page) -> None:
        self.site = Site(org_id, n)
        self.cache = cache
        self.layout = layout

    def page(self, path: str, title: str, body: str) -> None:
        self.site.routes[path] = Resource(self.layout(title, body).encode("utf-8"), "text/html; charset=utf-8")

    def raw(self, path: str, body: str, ctype: str = "text/html; charset=utf-8") -> None:
        self.site.routes[path] = Resource(body.encode("utf-8"), ctype)

    def file(self, path: str, fmt: str, lines: list[str], seed: int = 0) -> None:
        frozen = list(lines)
        self.site.routes[path] = Resource(content_type=MIME[fmt], factory=lambda: self.cache.render(fmt, frozen, seed))

    def jpg_pages(self, paths: list[str], lines: list[str]) -> None:
        """A document scanned page by page: each half of the text becomes one JPG (as sites paste scans)."""
        half = (len(lines) + 1) // 2
        for i, (path, part) in enumerate(zip(paths, (lines[:half], lines[half:]), strict=True)):
            self.file(path, "jpg", part, seed=7 + i)

    def finish(self) -> Site:
        self.raw("/robots.txt", "User-agent: *\nDisallow: /bitrix/\n", "text/plain")
        self.site.not_found = Resource(self.layout("404", "<p>Страница не найдена</p>").encode(), status=404)
        return self.site


# --------------------------------------------------------------------------------------------- organizations

BX = OrgText(
    "Муниципальное бюджетное общеобразовательное учреждение «Заречная средняя школа № 2»",
    "МБОУ «Заречная СШ № 2»",
    "Директор",
    "Н.В. Голубева",
    "г. Заречный",
)
DS26 = OrgText(
    "Муниципальное бюджетное дошкольное образовательное учреждение «Детский сад № 26 «Рябинка»",
    "МБДОУ «Детский сад № 26»",
    "Заведующий",
    "Т.А. Смирнова",
    "г. Заречный",
)
GW = OrgText(
    "Муниципальное автономное общеобразовательное учреждение «Луговская основная школа»",
    "МАОУ «Луговская ООШ»",
    "Директор",
    "П.С. Карпов",
    "с. Луговое",
)
DS8 = OrgText(
    "Муниципальное бюджетное дошкольное образовательное учреждение «Детский сад № 8 «Солнышко»",
    "МБДОУ № 8",
    "Заведующий",
    "Е.Ю. Фролова",
    "г. Заречный",
)
WP = OrgText(
    "Муниципальное бюджетное общеобразовательное учреждение «Гимназия № 5»",
    "МБОУ «Гимназия № 5»",
    "Директор",
    "А.М. Лебедев",
    "г. Заречный",
)
JM = OrgText(
    "Муниципальное бюджетное общеобразовательное учреждение «Сосновская средняя школа»",
    "МБОУ «Сосновская СШ»",
    "Директор",
    "О.Г. Титова",
    "с. Сосновка",
)
WAF = OrgText(
    "Муниципальное бюджетное общеобразовательное учреждение «Берёзовская средняя школа»",
    "МБОУ «Берёзовская СШ»",
    "Директор",
    "В.И. Соколов",
    "д. Берёзовка",
)
TLS = OrgText(
    "Муниципальное бюджетное учреждение дополнительного образования «Дом детского творчества»",
    "МБУ ДО «ДДТ»",
    "Директор",
    "С.Н. Волкова",
    "г. Заречный",
)
DOD = OrgText(
    "Муниципальное бюджетное учреждение дополнительного образования «Центр детского творчества «Радуга»",
    "МБУ ДО ЦДТ «Радуга»",
    "Директор",
    "И.П. Орлова",
    "г. Заречный",
)

MS = OrgText(
    "Муниципальное казённое общеобразовательное учреждение «Полянская основная школа»",
    "МКОУ «Полянская ООШ»",
    "Директор",
    "Р.Ф. Гусев",
    "с. Поляны",
)
PAIRS = [
    ("Голованова Ирина Львовна", "Мухин Степан Андреевич", "педагог – педагог"),
    ("Рябова Наталья Петровна", "Зуева Алина Олеговна", "педагог – педагог"),
]
GENERIC_NEWS = [
    ("12.05.2026", "Последний звонок", "Торжественная линейка для выпускников."),
    ("20.04.2026", "Весенний субботник", "Учащиеся и педагоги благоустроили территорию."),
    ("15.02.2026", "Лыжня — 2026", "Команда заняла первое место в муниципальных соревнованиях."),
]


# --------------------------------------------------------------------------------------------- 40: 1C-Bitrix


def bitrix_layout(menu: list[tuple[str, str, list[tuple[str, str]]]], name: str) -> Page:
    def nav() -> str:
        out = []
        for label, href, kids in menu:
            sub = ""
            if kids:
                sub = (
                    '<ul class="bx-nav-list-2-lvl">'
                    + "".join(
                        f'<li class="bx-nav-2-lvl"><a href="{esc(h)}"><span>{esc(x)}</span></a></li>' for x, h in kids
                    )
                    + "</ul>"
                )
            out.append(
                f'<li class="bx-nav-1-lvl bx-nav-list-{1 if kids else 0}-col"><a href="{esc(href)}">'
                f'<span>{esc(label)}<i class="fa fa-angle-down"></i></span></a>{sub}</li>'
            )
        return '<div class="bx-top-nav bx-site" id="catalog_menu_XEVOpk"><nav class="bx-top-nav-container">' + (
            '<ul class="bx-nav-list-1-lvl" id="ul_catalog_menu_XEVOpk">' + "".join(out) + "</ul></nav></div>"
        )

    def layout(title: str, body: str) -> str:
        return (
            f'<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8">'
            f"<title>{esc(title)}</title>"
            '<script src="/bitrix/js/main/core/core.min.js"></script></head><body>'
            f'<div id="panel"></div><div class="bx-wrapper"><header class="bx-header"><div class="bx-logo">'
            f'<a href="/">{esc(name)}</a></div>{nav()}</header>'
            '<div class="workarea"><div class="bx-breadcrumb"><a href="/">Главная</a></div>'
            f'<div class="page-content"><h1 id="pagetitle">{esc(title)}</h1>{body}</div></div>'
            '<footer class="bx-footer"><p>© 2026 ' + esc(name) + "</p></footer></div></body></html>"
        )

    return layout


def bitrix(cache: DocCache) -> Site:
    org = BX
    sec = "/about/nastavnichestvo/"
    menu = [
        ("Главная", "/", []),
        (
            "Об учреждении",
            "/about/",
            [("Основные сведения", "/about/info/"), ("Система наставничества", sec), ("Документы", "/about/docs/")],
        ),
        ("Новости", "/news/", []),
        ("Родителям", "/parents/", []),
        ("Контакты", "/contacts/", []),
    ]
    b = Builder(cache, "bx-school", 40, bitrix_layout(menu, org.full))
    reg = t.regulation(
        org, ["ПРИНЯТО\tУТВЕРЖДЕНО", "педагогическим советом\tприказом директора", "протокол № 1\tот 01.09.2025 № 91-о"]
    )
    order = t.model_order(
        org, number="91-о", date_text="01.09.2025", curator="заместителя директора по УВР Ершову Л.Н."
    )
    roadmap = t.roadmap(
        org,
        ["УТВЕРЖДЕНО", "приказом от 01.09.2025 № 91-о"],
        period="на 2025-2027 годы",
        rows=[
            ("Формирование базы наставников", "сентябрь 2025", "куратор"),
            ("Закрепление наставнических пар", "ежегодно до 15.09", "директор"),
            ("Подведение итогов", "май 2026, май 2027", "куратор"),
        ],
    )
    pairs = t.pairs_order(org, number="95-о", date_text="05.09.2025", year="2025-2026", pairs=PAIRS)
    files = {
        "reg": "/upload/iblock/3f2/a1b2c3d4e5f60718/Положение о системе наставничества.pdf",
        "order": "/upload/iblock/7c1/9e8d7c6b5a4f3e2d/prikaz_91-o.pdf",
        "roadmap": "/upload/iblock/0aa/5f4e3d2c1b0a9f8e/Дорожная карта 2025-2027.docx",
        "pairs": "/upload/iblock/b43/0f1e2d3c4b5a6978/prikaz_95-o_pary.pdf",
    }
    b.file(files["reg"], "pdf", reg)
    b.file(files["order"], "pdf", order)
    b.file(files["roadmap"], "docx", roadmap)
    b.file(files["pairs"], "pdf", pairs)
    body = paras(
        "В школе действует система наставничества педагогических работников. Куратор — заместитель директора "
        "по УВР Ершова Людмила Николаевна."
    ) + (
        '<div class="news-list">'
        + "".join(
            f'<div class="news-item"><a href="{esc(h)}"><b>{esc(x)}</b></a></div>'
            for x, h in [
                ("Положение о системе наставничества педагогических работников", files["reg"]),
                ("Приказ о внедрении целевой модели наставничества от 01.09.2025 № 91-о", files["order"]),
                ("Дорожная карта реализации системы наставничества на 2025-2027 годы", files["roadmap"]),
                ("Приказ о закреплении наставнических пар на 2025-2026 учебный год", files["pairs"]),
            ]
        )
        + "</div>"
    )
    b.page(sec, "Система наставничества", body)
    b.page(
        "/",
        "Главная",
        paras("Добро пожаловать на сайт школы!")
        + "".join(f'<div class="news-item"><span>{d}</span> {esc(x)}</div>' for d, x, _ in GENERIC_NEWS),
    )
    b.page(
        "/about/", "Об учреждении", links_ul([("Основные сведения", "/about/info/"), ("Система наставничества", sec)])
    )
    b.page("/about/info/", "Основные сведения", paras(f"Полное наименование: {org.full}."))
    b.page("/about/docs/", "Документы", links_ul([("Устав", "/upload/iblock/111/ustav.pdf")]))
    b.file("/upload/iblock/111/ustav.pdf", "pdf", ["# УСТАВ", org.full, "1. Общие положения"])
    b.page("/news/", "Новости", "".join(f"<p>{d} {esc(x)}</p>" for d, x, _ in GENERIC_NEWS))
    b.page("/parents/", "Родителям", paras("Информация для родителей."))
    b.page("/contacts/", "Контакты", paras("г. Заречный, ул. Мира, 2."))
    return b.finish()


# --------------------------------------------------------------------------------------------- 41: SharePoint


def sharepoint_layout(title: str, body: str) -> str:
    base = "/Kostroma_EDU/ds_26/SitePages/"
    quick = [
        ("Главная", base + "Главная.aspx"),
        ("Сведения об организации", base + "Сведения.aspx"),
        ("Год педагога и наставника", base + "Год%20педагога%20и%20наставника.aspx"),
        ("Фотогалерея", base + "Фото.aspx"),
    ]
    nav = "".join(
        f'<li class="static"><a class="static menu-item ms-core-listMenu-item" href="{esc(h)}">'
        f'<span class="additional-background ms-navedit-flyoutArrow"><span class="menu-item-text">{esc(x)}'
        "</span></span></a></li>"
        for x, h in quick
    )
    return (
        '<!DOCTYPE html><html dir="ltr" lang="ru-RU"><head><meta http-equiv="X-UA-Compatible" content="IE=10">'
        f'<meta charset="utf-8"><title>{esc(title)}</title></head><body><form method="post" id="aspnetForm">'
        '<div id="s4-workspace"><div id="s4-bodyContainer"><div id="sideNavBox" class="ms-dialogHidden '
        'ms-forceWrap ms-noList"><div class="ms-core-navigation"><div id="zz14_V4QuickLaunchMenu" '
        f'class="ms-core-listMenu-verticalBox"><ul class="root ms-core-listMenu-root static">{nav}</ul></div></div>'
        '</div><div id="contentBox"><div id="DeltaPlaceHolderMain"><span id="DeltaPlaceHolderPageTitleInTitleArea">'
        f"{esc(title)}</span>"
        '<div class="ms-rtestate-field"><div class="ms-rte-layoutszone-inner">'
        f"{body}</div></div></div></div></div></div></form></body></html>"
    )


def sharepoint(cache: DocCache) -> Site:
    org = DS26
    b = Builder(cache, "sp-ds26", 41, sharepoint_layout)
    base = "/Kostroma_EDU/ds_26/SitePages/"
    reg = t.regulation(
        org,
        ["УТВЕРЖДЕНО", "приказом заведующего", "от 10.01.2024 № 3"],
        title="о наставничестве педагогических работников",
    )
    b.file("/Kostroma_EDU/ds_26/DocLib/Положение о наставничестве.docx", "docx", reg)
    b.file("/Kostroma_EDU/ds_26/DocLib/Региональная модель наставничества.pdf", "pdf", t.external_guidelines())
    body = (
        paras(
            "2023 год объявлен Годом педагога и наставника. В детском саду внедрена система наставничества "
            "педагогических работников: молодые воспитатели закреплены за опытными наставниками."
        )
        + "<p><b>Документы детского сада</b></p>"
        + links_ul(
            [
                (
                    "Положение о наставничестве педагогических работников МБДОУ «Детский сад № 26»",
                    "/Kostroma_EDU/ds_26/DocLib/Положение%20о%20наставничестве.docx",
                ),
                (
                    "База наставников и наставляемых (Google Диск)",
                    "https://drive.google.com/drive/folders/1AbCdEfGhIjKlMnOpQrStUvWxYz012345",
                ),
            ]
        )
        + "<p><b>Региональные документы</b></p>"
        + links_ul(
            [
                (
                    "Методические рекомендации по наставничеству педагогических работников",
                    "/Kostroma_EDU/ds_26/DocLib/Региональная%20модель%20наставничества.pdf",
                )
            ]
        )
    )
    b.page(base + "Год педагога и наставника.aspx", "Год педагога и наставника", body)
    b.page(base + "Главная.aspx", "Главная", paras("Детский сад № 26 «Рябинка» приглашает ребят!"))
    b.page(base + "Сведения.aspx", "Сведения об организации", paras(f"Полное наименование: {org.full}."))
    b.page(base + "Фото.aspx", "Фотогалерея", paras("Фотоальбомы группы «Ромашка»."))
    # the portal's root answers with a redirect to the organization's home page
    b.site.routes["/"] = Resource(
        b"",
        status=302,
        headers={"Location": "/Kostroma_EDU/ds_26/SitePages/%D0%93%D0%BB%D0%B0%D0%B2%D0%BD%D0%B0%D1%8F.aspx"},
    )
    return b.finish()


# --------------------------------------------------------------------------------------------- 42: Gosweb, Cyrillic


def gosweb_layout(menu: list[tuple[str, str, list[tuple[str, str]]]], name: str) -> Page:
    items = []
    for label, href, kids in menu:
        sub = "".join(
            f'<div class="gw-submenu__item"><a class="gw-submenu__link" href="{esc(h)}">{esc(x)}</a></div>'
            for x, h in kids
        )
        items.append(
            f'<div class="gw-menu__item"><a class="gw-menu__link" href="{esc(href)}">{esc(label)}</a>'
            f'<div class="gw-submenu">{sub}</div></div>'
        )

    def layout(title: str, body: str) -> str:
        return (
            f'<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>{esc(title)} | {esc(name)}</title>'
            '</head><body><div id="app"><div class="gw-header"><div class="gw-header__name">'
            f'{esc(name)}</div><div class="gw-menu" role="navigation">{"".join(items)}</div></div>'
            f'<div class="gw-content"><div class="gw-page"><h1 class="gw-page__title">{esc(title)}</h1>'
            f'<div class="gw-page__body">{body}</div></div></div>'
            '<div class="gw-footer">Сайт создан на платформе «Госвеб»</div></div></body></html>'
        )

    return layout


def gosweb(cache: DocCache) -> Site:
    org = GW
    sec = "/nasha-shkola/Наставничество"
    menu = [
        ("Главная", "/", []),
        ("Наша школа", "/nasha-shkola", [("История", "/nasha-shkola/istoriya"), ("Наставничество", sec)]),
        ("Сведения об образовательной организации", "/sveden", []),
        ("Новости", "/news", []),
    ]
    b = Builder(cache, "gw-lugovoe", 42, gosweb_layout(menu, org.full))
    roadmap = t.roadmap(
        org,
        [
            "УТВЕРЖДЕНО",
            "приказом от 30.08.2024 № 77",
            *t.esign("Директор П.С. Карпов", "036BCB11AA", "01.02.2024", "01.02.2027"),
        ],
        period="на 2024-2027 годы",
        rows=[
            ("Формирование наставнических пар", "ежегодно, сентябрь", "координатор"),
            ("Мониторинг программы наставничества", "ежегодно, май", "координатор"),
        ],
    )
    b.file("/upload/docs/1192/dorozhnaya_karta.pdf", "pdf", roadmap)
    b.raw(
        "/docs/?doc_id=1192&method=pdf_viewer",
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Просмотр документа</title></head><body>'
        '<div class="pdf-viewer"><h2>Дорожная карта по реализации системы наставничества на 2024-2027 годы</h2>'
        '<iframe src="/static/pdfjs/web/viewer.html?file=/upload/docs/1192/dorozhnaya_karta.pdf"></iframe>'
        '<a class="download" href="/upload/docs/1192/dorozhnaya_karta.pdf">Скачать PDF</a></div></body></html>',
    )
    pairs = t.pairs_order(org, number="81", date_text="02.09.2024", year="2024-2025", pairs=PAIRS)
    b.file("/upload/docs/1205/prikaz_81.pdf", "pdf", pairs)
    pasted = [
        "<p><b>ПРИКАЗ</b></p><p>от 30.08.2024 № 77</p>",
        "<p><b>О внедрении целевой модели наставничества педагогических работников</b></p>",
        f"<p>В целях профессионального развития педагогических работников {esc(org.short)} ПРИКАЗЫВАЮ:</p>",
        f"<p>1. Внедрить целевую модель наставничества педагогических работников в {esc(org.short)}.</p>",
        "<p>2. Назначить координатором внедрения целевой модели наставничества учителя русского языка "
        "Голованову Ирину Львовну.</p>",
        "<p>3. Утвердить дорожную карту реализации системы наставничества на 2024-2027 годы.</p>",
        f"<p>Директор {esc(org.head)}</p>",
    ]
    body = (
        "".join(pasted)
        + "<h3>Документы</h3>"
        + links_ul(
            [
                (
                    "Дорожная карта по реализации системы наставничества на 2024-2027 годы",
                    "/docs/?doc_id=1192&method=pdf_viewer",
                ),
                (
                    "Приказ о закреплении наставнических пар на 2024-2025 учебный год",
                    "/docs/?doc_id=1205&method=pdf_viewer",
                ),
            ]
        )
    )
    b.raw(
        "/docs/?doc_id=1205&method=pdf_viewer",
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Просмотр документа</title></head><body>'
        '<div class="pdf-viewer"><h2>Приказ о закреплении наставнических пар на 2024-2025 учебный год</h2>'
        '<a class="download" href="/upload/docs/1205/prikaz_81.pdf">Скачать PDF</a></div></body></html>',
    )
    b.page(sec, "Наставничество", body)
    b.page("/", "Главная", paras("Добро пожаловать!"))
    b.page("/nasha-shkola", "Наша школа", links_ul([("История", "/nasha-shkola/istoriya"), ("Наставничество", sec)]))
    b.page("/nasha-shkola/istoriya", "История", paras("Школа открыта в 1961 году."))
    b.page("/sveden", "Сведения об образовательной организации", paras(f"Полное наименование: {org.full}."))
    news = [(d, x, f"/news/{i}") for i, (d, x, _) in enumerate(GENERIC_NEWS, 1)]
    b.page("/news", "Новости", links_ul([(f"{d} {x}", h) for d, x, h in news]))
    for (d, x, h), (_, _, txt) in zip(news, GENERIC_NEWS, strict=True):
        b.page(h, x, f"<p>{d}</p>" + paras(txt))
    return b.finish()


# --------------------------------------------------------------------------------------------- 43: DOU, English slug


def plain_layout(menu: list[tuple[str, str]], name: str, footer: str = "") -> Page:
    nav = "".join(f'<a class="menu-link" href="{esc(h)}">{esc(x)}</a> ' for x, h in menu)

    def layout(title: str, body: str) -> str:
        return (
            f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{esc(title)} — {esc(name)}</title></head>'
            f'<body><div class="header"><div class="logo">{esc(name)}</div><div class="menu">{nav}</div></div>'
            f'<div class="content"><div class="breadcrumbs"><a href="/">Главная</a></div>'
            f'<h1>{esc(title)}</h1>{body}</div><div class="footer">{footer}<p>© {esc(name)}</p></div>'
            "</body></html>"
        )

    return layout


def dou_english(cache: DocCache) -> Site:
    org = DS8
    sec = "/information/mentoring"
    menu = [("Главная", "/"), ("Информация", "/information"), ("Группы", "/groups"), ("Контакты", "/contacts")]
    b = Builder(cache, "ds-8", 43, plain_layout(menu, org.full))
    reg = t.regulation(
        org,
        ["УТВЕРЖДЕНО", "приказом заведующего от 01.09.2025 № 45-од"],
        title="о системе наставничества педагогических работников",
    )
    b.file("/files/polozhenie_nastavnichestvo.pdf", "pdf", reg)
    pairs = t.pairs_order(org, number="47-од", date_text="03.09.2025", year="2025-2026", pairs=PAIRS)
    b.jpg_pages(["/images/mentoring/prikaz47-1.jpg", "/images/mentoring/prikaz47-2.jpg"], pairs)
    body = (
        paras(
            "В МБДОУ № 8 реализуется система наставничества педагогических работников. Молодые воспитатели "
            "получают поддержку опытных коллег."
        )
        + links_ul(
            [
                (
                    "Положение о системе наставничества педагогических работников",
                    "/files/polozhenie_nastavnichestvo.pdf",
                ),
                (
                    "Программа наставничества на 2025-2026 учебный год (Облако Mail.ru)",
                    "https://cloud.mail.ru/public/Ab1C/dE2fGh3iJ",
                ),
            ]
        )
        + "<p>Приказ о закреплении наставнических пар на 2025-2026 учебный год:</p>"
        + '<p><img src="/images/mentoring/prikaz47-1.jpg" width="800" alt="Приказ, страница 1"></p>'
        + '<p><img src="/images/mentoring/prikaz47-2.jpg" width="800" alt="Приказ, страница 2"></p>'
    )
    b.page(sec, "Наставничество в МБДОУ №8", body)
    b.page(
        "/information",
        "Информация",
        links_ul(
            [("Наставничество в МБДОУ №8", sec), ("Питание", "/information/food"), ("Документы", "/information/docs")]
        ),
    )
    b.page("/information/food", "Питание", paras("Пятиразовое питание."))
    b.page("/information/docs", "Документы", paras("Устав, лицензия."))
    b.page("/", "Главная", paras("Добро пожаловать в детский сад «Солнышко»!"))
    b.page("/groups", "Группы", paras("В детском саду 6 групп."))
    b.page("/contacts", "Контакты", paras("г. Заречный, ул. Садовая, 8."))
    return b.finish()


# --------------------------------------------------------------------------------------------- 44: WordPress post


def wordpress(cache: DocCache) -> Site:
    org = WP
    post = "/?p=14325"
    news = "/?cat=3"
    name = org.full

    def layout(title: str, body: str) -> str:
        return (
            f'<!DOCTYPE html><html lang="ru-RU"><head><meta charset="UTF-8"><title>{esc(title)} &#8212; '
            f'{esc(name)}</title><meta name="generator" content="WordPress 6.5"></head><body class="single">'
            '<div id="page" class="site"><header id="masthead" class="site-header"><p class="site-title">'
            f'<a href="/" rel="home">{esc(name)}</a></p><nav id="site-navigation" class="main-navigation">'
            '<ul id="primary-menu" class="menu"><li class="menu-item"><a href="/">Главная</a></li>'
            '<li class="menu-item"><a href="/?page_id=2">О гимназии</a></li>'
            f'<li class="menu-item"><a href="{news}">Новости</a></li>'
            '<li class="menu-item"><a href="/?page_id=9">Контакты</a></li></ul></nav></header>'
            '<div id="content" class="site-content"><div id="primary" class="content-area">'
            f'<article class="post type-post"><header class="entry-header"><h1 class="entry-title">{esc(title)}'
            f'</h1></header><div class="entry-content">{body}</div></article></div>'
            '<aside id="secondary" class="widget-area"><section class="widget widget_recent_entries">'
            '<h2 class="widget-title">Педагогам</h2><ul>'
            f'<li><a href="{post}">Наставничество педагогических работников</a></li></ul></section></aside>'
            '</div><footer class="site-footer">Сайт работает на WordPress</footer></div></body></html>'
        )

    b = Builder(cache, "wp-gymn5", 44, layout)
    reg = t.regulation(
        org, ["ПРИНЯТО\tУТВЕРЖДЕНО", "на педагогическом совете\tприказом от 28.08.2025 № 112", "протокол № 1\t"]
    )
    b.file("/wp-content/uploads/2025/09/polozhenie-o-nastavnichestve.pdf", "pdf", reg)
    pairs = t.pairs_order(org, number="120", date_text="04.09.2025", year="2025-2026", pairs=PAIRS)
    b.file("/wp-content/uploads/2025/09/prikaz-120-pary.docx", "docx", pairs)
    rep = t.report(org, year="2024-2025", made_on="29.05.2025")
    b.file("/wp-content/uploads/2025/06/analiticheskaya-spravka-nastavnichestvo.pdf", "pdf", rep)
    body = paras(
        "В гимназии с 2022 года действует система наставничества педагогических работников. "
        "Наставники помогают молодым учителям в освоении профессии."
    ) + links_ul(
        [
            ("Положение о системе наставничества", "/wp-content/uploads/2025/09/polozhenie-o-nastavnichestve.pdf"),
            ("Приказ № 120 о закреплении наставнических пар", "/wp-content/uploads/2025/09/prikaz-120-pary.docx"),
            (
                "Аналитическая справка по итогам 2024-2025 учебного года",
                "/wp-content/uploads/2025/06/analiticheskaya-spravka-nastavnichestvo.pdf",
            ),
        ]
    )
    b.page(post, "Наставничество педагогических работников", '<p class="posted-on">04.09.2025</p>' + body)
    items = [(f"{d} {x}", f"/?p={14400 + i}") for i, (d, x, _) in enumerate(GENERIC_NEWS)]
    items.append(("04.09.2025 Наставничество педагогических работников", post))
    b.page(news, "Новости", links_ul(items))
    for i, (d, x, txt) in enumerate(GENERIC_NEWS):
        b.page(f"/?p={14400 + i}", x, f"<p>{d}</p>" + paras(txt))
    b.page("/", "Главная", paras("Гимназия № 5 — одна из старейших школ города."))
    b.page("/?page_id=2", "О гимназии", paras(f"Полное наименование: {org.full}."))
    b.page("/?page_id=9", "Контакты", paras("г. Заречный, пр. Ленина, 5."))
    return b.finish()


# --------------------------------------------------------------------------------------------- 45: refresh + huge menu


def joomla(cache: DocCache) -> Site:
    org = JM
    sec = "/index.php/regionalnaya-model"
    menu = [
        (f"Раздел {i}: {w}", f"/index.php/razdel-{i}")
        for i, w in zip(
            range(300), ["Кружки", "Олимпиады", "Проекты", "Экскурсии", "Конкурсы", "Выставки"] * 50, strict=True
        )
    ]
    footer = (
        f'<p><a href="{sec}">Региональная модель наставничества</a> · <a href="/index.php/kontakty">Контакты</a></p>'
    )
    b = Builder(cache, "jm-sosnovka", 45, plain_layout(menu, org.full, footer))
    reg = t.regulation(org, ["УТВЕРЖДЕНО", "приказом от 15.09.2025 № 64"])
    b.file("/images/docs/polozhenie-nastavnichestvo.docx", "docx", reg)
    pay = t.pay_regulation(
        org, ["УТВЕРЖДЕНО", "приказом от 10.10.2025 № 70", "СОГЛАСОВАНО с профкомом"], mentoring=True
    )
    b.file("/images/docs/polozhenie-ob-oplate-truda.pdf", "pdf", pay)
    body = paras(
        "Школа участвует в реализации региональной модели наставничества педагогических работников."
    ) + links_ul(
        [
            (
                "Положение о системе наставничества педагогических работников",
                "/images/docs/polozhenie-nastavnichestvo.docx",
            ),
            (
                "Положение об оплате труда работников (раздел о доплате наставникам)",
                "/images/docs/polozhenie-ob-oplate-truda.pdf",
            ),
        ]
    )
    b.page(sec, "Региональная модель наставничества", body)
    b.page("/index.php", "Главная", paras("Сосновская средняя школа приветствует вас!"))
    b.page("/index.php/kontakty", "Контакты", paras("с. Сосновка, ул. Школьная, 1."))
    for i in range(300):
        b.page(f"/index.php/razdel-{i}", f"Раздел {i}", paras("Информация раздела обновляется."))
    b.raw(
        "/",
        '<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="refresh" content="0; url=/index.php">'
        "<title>Переход</title></head><body></body></html>",
    )
    return b.finish()


# --------------------------------------------------------------------------------------------- 46: WAF, 4 levels deep


def waf_site(cache: DocCache) -> Site:
    org = WAF
    lv = ["/rukovoditel/", "/rukovoditel/metod/", "/rukovoditel/metod/kadry/"]
    sec = "/rukovoditel/metod/kadry/nastavnichestvo/"
    menu = [("Главная", "/"), ("Страничка руководителя", lv[0]), ("Новости", "/news/"), ("Контакты", "/contacts/")]
    b = Builder(cache, "waf-berezovka", 46, plain_layout(menu, org.full))
    order = t.model_order(org, number="101", date_text="28.08.2023", curator="заместителя директора Соколову А.В.")
    roadmap = t.roadmap(
        org,
        ["УТВЕРЖДЕНО", "приказом от 28.08.2023 № 101"],
        period="на 2022-2024 годы",
        rows=[
            ("Разработка локальных актов", "сентябрь 2022", "куратор"),
            ("Итоговая конференция", "май 2024", "куратор"),
        ],
    )
    base = t.mentor_base(org, year="2025-2026", mentors=[(PAIRS[0][0], "учитель, 22 года", "методика")])
    b.file("/files/prikaz-101.pdf", "pdf", order)
    b.file("/files/dk-2022-2024.pdf", "pdf", roadmap)
    b.file("/files/baza-nastavnikov-2025-2026.docx", "docx", base)
    body = paras("Страница о наставничестве педагогических работников школы.") + links_ul(
        [
            ("Приказ о внедрении целевой модели наставничества и назначении куратора", "/files/prikaz-101.pdf"),
            ("Дорожная карта по наставничеству на 2022-2024 годы", "/files/dk-2022-2024.pdf"),
            ("База наставников и наставляемых на 2025-2026 учебный год", "/files/baza-nastavnikov-2025-2026.docx"),
        ]
    )
    b.page(sec, "Наставничество", body)
    b.page(lv[0], "Страничка руководителя", links_ul([("Методическая работа", lv[1])]))
    b.page(lv[1], "Методическая работа", links_ul([("Кадровое обеспечение", lv[2])]))
    b.page(lv[2], "Кадровое обеспечение", links_ul([("Наставничество", sec), ("Аттестация", "/rukovoditel/att/")]))
    b.page("/rukovoditel/att/", "Аттестация", paras("График аттестации."))
    b.page("/", "Главная", paras("Берёзовская школа."))
    b.page("/news/", "Новости", "".join(f"<p>{d} {esc(x)}</p>" for d, x, _ in GENERIC_NEWS))
    b.page("/contacts/", "Контакты", paras("д. Берёзовка."))
    return b.finish()


# --------------------------------------------------------------------------------------------- 47: TLS


def tls_site(cache: DocCache) -> Site:
    org = TLS
    menu = [("Главная", "/"), ("Педагогам", "/pedagogam/"), ("Наставничество", "/pedagogam/nastavnichestvo/")]
    b = Builder(cache, "tls-ddt", 47, plain_layout(menu, org.full))
    reg = t.regulation(org, ["УТВЕРЖДЕНО", "приказом от 05.09.2025 № 30"])
    b.file("/files/polozhenie.pdf", "pdf", reg)
    b.page(
        "/pedagogam/nastavnichestvo/",
        "Наставничество",
        paras("Система наставничества педагогов ДДТ.")
        + links_ul([("Положение о наставничестве", "/files/polozhenie.pdf")]),
    )
    b.page("/", "Главная", paras("Дом детского творчества."))
    b.page("/pedagogam/", "Педагогам", links_ul([("Наставничество", "/pedagogam/nastavnichestvo/")]))
    return b.finish()


# --------------------------------------------------------------------------------------------- 48: news only


def news_only(cache: DocCache) -> Site:
    org = DOD
    menu = [("Главная", "/"), ("О центре", "/o-centre/"), ("Новости", "/novosti/"), ("Кружки", "/kruzhki/")]
    b = Builder(cache, "cdt-raduga", 48, plain_layout(menu, org.full))
    item = "/novosti/2026/03/itogi-konkursa/"
    b.page(
        item,
        "Итоги областного конкурса «Наставник года»",
        "<p>18.03.2026</p>"
        + paras(
            "Подведены итоги областного конкурса профессионального мастерства «Наставник года». "
            "Поздравляем победителей из других округов области!"
        ),
    )
    b.page("/novosti/", "Новости", links_ul([("18.03.2026 Итоги областного конкурса «Наставник года»", item)]))
    b.page("/", "Главная", paras("Центр детского творчества «Радуга»."))
    b.page("/o-centre/", "О центре", paras(f"Полное наименование: {org.full}."))
    b.page("/kruzhki/", "Кружки", paras("Рисование, танцы, робототехника."))
    return b.finish()


# ----------------------------------------------------------------------------------- 49: «Молодым специалистам»


def young_specialists(cache: DocCache) -> Site:
    org = MS
    sec = "/molodym-spetsialistam/"
    menu = [("Главная", "/"), ("О школе", "/o-shkole/"), ("Молодым специалистам", sec), ("Контакты", "/kontakty/")]
    b = Builder(cache, "ms-polyany", 49, plain_layout(menu, org.full))
    program = t.program(
        org, ["УТВЕРЖДАЮ", f"{org.head_title} {org.head}", "приказ от 29.08.2025 № 58"], year="2025-2026"
    )
    pairs = t.pairs_order(org, number="60", date_text="01.09.2025", year="2025-2026", pairs=PAIRS)
    b.file("/files/programma-2025-2026.pdf", "pdf", program)
    b.file("/files/prikaz-60.docx", "docx", pairs)
    lesson = "/molodym-spetsialistam/otkrytyy-urok/"
    b.page(
        lesson,
        "Открытый урок молодого специалиста",
        "<p>16.03.2026</p>"
        + paras(
            "Молодой учитель Зуева Алина Олеговна провела открытый урок в 6 классе. Наставник Рябова Наталья "
            "Петровна и коллеги разобрали урок и отметили рост молодого педагога в рамках программы наставничества."
        ),
    )
    body = (
        paras(
            "Уважаемые молодые коллеги! В школе действует система наставничества педагогических работников: "
            "за каждым молодым специалистом приказом директора закреплён опытный наставник."
        )
        + links_ul(
            [
                (
                    "Программа наставничества педагогических работников на 2025-2026 учебный год",
                    "/files/programma-2025-2026.pdf",
                ),
                ("Приказ о закреплении наставнических пар", "/files/prikaz-60.docx"),
            ]
        )
        + "<h3>Из опыта работы</h3>"
        + links_ul([("16.03.2026 Открытый урок молодого специалиста", lesson)])
    )
    b.page(sec, "Молодым специалистам", body)
    b.page("/", "Главная", paras("Полянская основная школа."))
    b.page("/o-shkole/", "О школе", paras(f"Полное наименование: {org.full}."))
    b.page("/kontakty/", "Контакты", paras("с. Поляны, ул. Центральная, 3."))
    return b.finish()


BUILDERS: dict[str, Callable[[DocCache], Site]] = {
    "bx-school": bitrix,
    "sp-ds26": sharepoint,
    "gw-lugovoe": gosweb,
    "ds-8": dou_english,
    "wp-gymn5": wordpress,
    "jm-sosnovka": joomla,
    "waf-berezovka": waf_site,
    "tls-ddt": tls_site,
    "cdt-raduga": news_only,
    "ms-polyany": young_specialists,
}
_ = docgen  # the renderer behind DocCache
