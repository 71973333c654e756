"""The sites of the second held-out district «Липовский муниципальный округ» (issue #13).

Written apart from the crawler, from what real school sites look like (DOMAIN.md §2, §4). One organization per
loopback address 127.0.0.60 … 127.0.0.78 (two organizations use two addresses). Shapes:

* 60 `gw-sosh3` — Госвеб school: a mega-menu of ~170 links (every «Сведения об образовательной организации»
  subsection, «Родителям», «Обучающимся», «Педагогам и сотрудникам», ГИА, the latest news) repeated in the
  footer; the section under «Педагогам и сотрудникам» with Госвеб document widgets; among the latest news on the
  home page, «Неделя наставничества» about the school's mentors (a practice, not the section).
* 61 `bx-gymn1` — 1C-Bitrix gymnasium with no mentoring section: a «Документы» page of ~160 documents of every kind
  (PDF, DOCX, RTF, ODT, XLSX menus) with the mentoring ones among them; the pairs order is linked only as
  «Приказ от 01.09.2025 № 162»; the mentoring pay clause is in the collective agreement, the pay regulation has none.
* 62 `jm-ds5` — Joomla kindergarten: the section is an intro page whose category list leads to sub-pages
  «Нормативные документы», «Лучшие практики», «Мониторинг», «Новости»; the documents are only on the sub-pages
  (DOCX, PDF, ODT, RTF), next to re-published federal acts.
* 63 `bx-ddt` — 1C-Bitrix centre of additional education: the section is a news list paginated with `?PAGEN_1=2`,
  `?PAGEN_1=3` and «Следующая страница»; page 1 holds only news («Подробнее»), the documents are on pages 2–3.
* 64 `sosh7` — school with two mentoring pages: the top-menu «Наставничество» is the pupils' page («Учитель –
  ученик», a pupil-only Положение of the current year); the teachers' page is under «Педагогам» with older documents.
* 65 `ucoz-krasnoe` — uCoz school whose only mentoring page is about pupils, with a pupil-only Положение of 2021.
* 66 `js-ds14` — kindergarten on a constructor whose menu exists only as JSON in a script (PHP-escaped `\\/` and
  `\\uXXXX`), turned into links by app.js; no sitemap.
* 67 `wp-ds9` — WordPress kindergarten: the section page is linked from nowhere, only listed in wp-sitemap.xml
  (robots.txt → /wp-sitemap.xml → /wp-sitemap-posts-page-1.xml; /sitemap.xml answers 301 to it).
* 68 `mute-sosh2` — school whose document links say nothing: «Скачать», «Подробнее», «файл (PDF, 245 КБ)», a PDF
  icon, a Font Awesome icon; file names are hashes; the content decides; the Положение carries no approval at all.
* 69 → 70 `ozersk-sosh` — the registry address (old domain) answers 301 to another host for every path; the new
  site still links some files through the old domain; every date on the section is older than 2024-09.
* 71 `cp-ds3` — an old table-based PHP site in windows-1251 declared only in the Content-Type header, with a wrong
  `<meta charset="utf-8">`; relative links with raw Cyrillic file names; the Положение, copied from a neighbour's
  site, names another kindergarten.
* 72 `scan-ds7` — kindergarten whose Положение is a gallery of three page photos (fancybox thumbnails), whose
  programme is a phone photo of its title page, whose pairs order has a broken text layer over a readable image
  and whose report is an image-only PDF.
* 73 `tilda-cdo` — Tilda centre: the Положение is a Google Drive file, the roadmap a Yandex Disk folder, the pairs
  order a dead (404) link left from the old site; a Tilda feed of the centre's mentoring news; the curator named
  only in the page text.
* 74 `card-ds12` — regional constructor kindergarten: /file/card?id=N cards (title, date, «Скачать» →
  /file/download?id=N with Content-Disposition); a pairs order whose appendix lists the pairs and whose pay clause
  is not a pay regulation; a half-year monitoring.
* 75 + 76 `sosh5` — moved domain: the new site's menu item «Наставничество» is an absolute link to the old domain
  (the registry's alias), where the old Joomla site keeps the section with Phoca Download links
  (`?download=58:baza-nastavnikov`); the base of mentors is XLSX served as application/octet-stream from a URL
  without an extension; the Положение exists only as «Приложение 1» inside the order introducing the model.
* 77 `dyussh` — sports school, negative control: «тренер-наставник» in news, a pay regulation without a mentoring
  clause, no mentoring at all.
* 78 `vishnevo-oosh` — small Госвеб school with a stub section («Раздел находится в стадии наполнения»).

Expected verdicts: truth.yaml next to this file (written from CRITERIA.md before the product was run).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from email.utils import format_datetime
from urllib.parse import quote

from crawler.demo.web import MIME, DocCache, Resource, Site
from tests.heldout2 import layouts as L
from tests.heldout2 import texts as t
from tests.heldout2.layouts import a, esc, href, paras, ul
from tests.heldout2.media import XLSX_MIME, Media

# host key -> N of 127.0.0.N
HOSTS: dict[str, int] = {
    "gw-sosh3": 60,
    "bx-gymn1": 61,
    "jm-ds5": 62,
    "bx-ddt": 63,
    "sosh7": 64,
    "ucoz-krasnoe": 65,
    "js-ds14": 66,
    "wp-ds9": 67,
    "mute-sosh2": 68,
    "ozersk-old": 69,
    "ozersk-new": 70,
    "cp-ds3": 71,
    "scan-ds7": 72,
    "tilda-cdo": 73,
    "card-ds12": 74,
    "sosh5": 75,
    "sosh5-old": 76,
    "dyussh": 77,
    "vishnevo-oosh": 78,
}
TEMPLATE = "X-Heldout2-Template"  # the farm replaces {BASE:host-key} in such answers with the live base URL


def base(key: str) -> str:
    """Placeholder for the absolute base URL (with a trailing slash) of another host of the farm."""
    return "{BASE:" + key + "}"


def http_date(day: str) -> str:
    """RFC 1123 date for Last-Modified from «ДД.ММ.ГГГГ»."""
    d = dt.datetime.strptime(day, "%d.%m.%Y").replace(hour=10, tzinfo=dt.UTC)
    return format_datetime(d, usegmt=True)


_TRANSLIT = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        "a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh shch _ y _ e yu ya".split(),
        strict=True,
    )
)


def slug(text: str) -> str:
    """Transliterated slug as Госвеб and Bitrix make them: «Наставничество» → nastavnichestvo."""
    out = "".join(_TRANSLIT.get(ch, ch) for ch in text.lower()).replace("_", "")
    return re.sub(r"[^a-z0-9]+", "-", out).strip("-")[:60].rstrip("-")


class Builder:
    """Routes of one host; `layout` wraps a page body in the platform's markup."""

    def __init__(self, media: Media, key: str, layout: L.Page, *, encoding: str = "utf-8") -> None:
        self.site = Site(key, HOSTS[key])
        self.media = media
        self.layout = layout
        self.encoding = encoding
        self.pages: list[str] = []  # for a sitemap

    @property
    def charset(self) -> str:
        return "windows-1251" if self.encoding == "cp1251" else "UTF-8"

    def page(self, path: str, title: str, body: str, *, in_sitemap: bool = True) -> None:
        text = self.layout(title, body)
        self.site.routes[path] = Resource(
            text.encode(self.encoding, "xmlcharrefreplace"),
            f"text/html; charset={self.charset}",
            headers={TEMPLATE: "1"},
        )
        if in_sitemap:
            self.pages.append(path)

    def raw(self, path: str, body: str | bytes, ctype: str, headers: dict[str, str] | None = None) -> None:
        data = body.encode(self.encoding if "html" in ctype else "utf-8") if isinstance(body, str) else body
        self.site.routes[path] = Resource(data, ctype, headers={TEMPLATE: "1", **(headers or {})})

    def doc(
        self,
        path: str,
        fmt: str,
        lines: list[str],
        *,
        seed: int = 0,
        uploaded: str | None = None,
        ctype: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        extra = {"Last-Modified": http_date(uploaded)} if uploaded else {}
        self.site.routes[path] = Resource(
            content_type=ctype or MIME[fmt],
            headers={**extra, **(headers or {})},
            factory=self.media.doc(fmt, lines, seed),
        )

    def blob(
        self,
        path: str,
        factory: Callable[[], bytes],
        ctype: str,
        *,
        uploaded: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        extra = {"Last-Modified": http_date(uploaded)} if uploaded else {}
        self.site.routes[path] = Resource(content_type=ctype, headers={**extra, **(headers or {})}, factory=factory)

    def redirect(self, path: str, location: str, status: int = 301) -> None:
        body = (
            f"<html><head><title>{status} Moved Permanently</title></head><body><center><h1>{status} Moved "
            "Permanently</h1></center><hr><center>nginx</center></body></html>"
        )
        self.site.routes[path] = Resource(body.encode(), status=status, headers={"Location": location, TEMPLATE: "1"})

    def robots(self, *lines: str) -> None:
        self.raw("/robots.txt", "\n".join(lines) + "\n", "text/plain; charset=utf-8")

    def sitemap(self, path: str = "/sitemap.xml", paths: list[str] | None = None) -> None:
        own = base(self.site.org_id)
        urls = "".join(
            f"<url><loc>{own}{esc(quote(p.lstrip('/'), safe='/?=&%-._~'))}</loc><lastmod>2026-04-01</lastmod></url>"
            for p in (paths if paths is not None else self.pages)
        )
        self.raw(
            path,
            '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"{urls}</urlset>\n",
            "application/xml; charset=utf-8",
        )

    def search_page(self, path: str) -> None:
        self.page(
            path,
            "Поиск",
            '<form action="" method="get"><input name="q"><button>Найти</button></form>',
            in_sitemap=False,
        )

    def finish(self, *, not_found_title: str = "Страница не найдена") -> Site:
        self.site.handlers.append(("/", _static))
        text = self.layout(not_found_title, "<p>Запрашиваемая страница не найдена. Вернуться на главную.</p>")
        self.site.not_found = Resource(
            text.encode(self.encoding, "xmlcharrefreplace"),
            f"text/html; charset={self.charset}",
            status=404,
            headers={TEMPLATE: "1"},
        )
        return self.site


_STATIC_TYPES = {
    ".css": "text/css",
    ".js": "application/javascript",
    ".svg": "image/svg+xml",
    ".gif": "image/gif",
    ".png": "image/png",
    ".ico": "image/x-icon",
}


def _static(path: str, query: str) -> Resource | None:
    """Stylesheets, scripts and pictures of the page templates (the content of the sites does not depend on them)."""
    low = path.lower()
    for ext, ctype in _STATIC_TYPES.items():
        if low.endswith(ext):
            body = _tiny_png() if ext == ".png" else _TINY_GIF if ext == ".gif" else b"/* */\n"
            return Resource(body, ctype, headers={"Cache-Control": "max-age=86400"})
    if low.endswith(".jpg") and (low.startswith("/img/") or low.startswith("/template")):
        return Resource(_tiny_jpg(), "image/jpeg")
    return None


_TINY_GIF = bytes.fromhex("47494638396101000100800000ffffff00000021f90401000000002c00000000010001000002024401003b")


def _tiny_jpg() -> bytes:
    import io

    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (120, 90), (230, 230, 240)).save(buf, format="JPEG")
    return buf.getvalue()


def dated_news(items: list[tuple[str, str, str]]) -> str:
    """A news list: (date, title, href)."""
    return (
        '<div class="news-list">'
        + "".join(
            f'<div class="news-item"><span class="news-date">{esc(d)}</span> {a(x, h)}</div>' for d, x, h in items
        )
        + "</div>"
    )


# --------------------------------------------------------------------------------------------- organizations

NEIGHBOUR = t.Org(
    "Муниципальное бюджетное дошкольное образовательное учреждение «Детский сад № 8 «Сказка»",
    "МБДОУ «Детский сад № 8»",
    "Заведующий",
    "О.П. Киселёва",
    noun="ДОУ",
)  # not in the district's registry: its Положение was copied by another kindergarten
SOSH3 = t.Org(
    "Муниципальное бюджетное общеобразовательное учреждение «Липовская средняя общеобразовательная школа № 3»",
    "МБОУ «Липовская СОШ № 3»",
    "Директор",
    "С.В. Тарасов",
)
GYMN1 = t.Org(
    "Муниципальное бюджетное общеобразовательное учреждение «Гимназия № 1 г. Липовска»",
    "МБОУ «Гимназия № 1»",
    "Директор",
    "О.Н. Белова",
)
DS5 = t.Org(
    "Муниципальное бюджетное дошкольное образовательное учреждение «Детский сад № 5 «Берёзка»",
    "МБДОУ «Детский сад № 5»",
    "Заведующий",
    "Л.И. Кравец",
    noun="ДОУ",
)
DDT = t.Org(
    "Муниципальное бюджетное учреждение дополнительного образования «Дом детского творчества г. Липовска»",
    "МБУ ДО «ДДТ г. Липовска»",
    "Директор",
    "М.А. Яшина",
)
SOSH7 = t.Org(
    "Муниципальное автономное общеобразовательное учреждение «Средняя общеобразовательная школа № 7»",
    "МАОУ «СОШ № 7»",
    "Директор",
    "Г.П. Воронин",
)
KRASNOE = t.Org(
    "Муниципальное казённое общеобразовательное учреждение «Краснинская основная общеобразовательная школа»",
    "МКОУ «Краснинская ООШ»",
    "Директор",
    "Н.С. Лапина",
    "с. Красное",
)
DS14 = t.Org(
    "Муниципальное автономное дошкольное образовательное учреждение «Детский сад № 14 «Теремок»",
    "МАДОУ «Детский сад № 14»",
    "Заведующий",
    "И.В. Осипова",
    noun="ДОУ",
)
DS9 = t.Org(
    "Муниципальное бюджетное дошкольное образовательное учреждение «Детский сад № 9 «Ласточка»",
    "МБДОУ «Детский сад № 9»",
    "Заведующий",
    "Р.Р. Галиева",
    noun="ДОУ",
)
SOSH2 = t.Org(
    "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 2 имени А.С. Пушкина»",
    "МБОУ «СОШ № 2 им. А.С. Пушкина»",
    "Директор",
    "В.В. Ильин",
)
OZERSK = t.Org(
    "Муниципальное бюджетное общеобразовательное учреждение «Озёрская средняя общеобразовательная школа»",
    "МБОУ «Озёрская СОШ»",
    "Директор",
    "Т.Н. Рябинина",
    "с. Озёрки",
)
DS3 = t.Org(
    "Муниципальное бюджетное дошкольное образовательное учреждение «Детский сад № 3 «Колокольчик»",
    "МБДОУ «Детский сад № 3»",
    "Заведующий",
    "З.А. Петрова",
    noun="ДОУ",
)
DS7 = t.Org(
    "Муниципальное бюджетное дошкольное образовательное учреждение «Детский сад № 7 «Светлячок»",
    "МБДОУ «Детский сад № 7»",
    "Заведующий",
    "Н.А. Сорокина",
    noun="ДОУ",
)
CDO = t.Org(
    "Муниципальное бюджетное учреждение дополнительного образования «Центр дополнительного образования «Горизонт»",
    "МБУ ДО «ЦДО «Горизонт»",
    "Директор",
    "А.Ю. Фомин",
)
DS12 = t.Org(
    "Муниципальное бюджетное дошкольное образовательное учреждение «Детский сад № 12 «Ручеёк»",
    "МБДОУ № 12",
    "Заведующий",
    "Е.С. Дьячкова",
    noun="ДОУ",
)
SOSH5 = t.Org(
    "Муниципальное бюджетное общеобразовательное учреждение «Липовская средняя общеобразовательная школа № 5»",
    "МБОУ «Липовская СОШ № 5»",
    "Директор",
    "П.А. Никитин",
)
DYUSSH = t.Org(
    "Муниципальное бюджетное учреждение дополнительного образования «Липовская детско-юношеская спортивная школа»",
    "МБУ ДО «Липовская ДЮСШ»",
    "Директор",
    "К.Е. Громов",
)
VISHNEVO = t.Org(
    "Муниципальное бюджетное общеобразовательное учреждение «Вишнёвская основная общеобразовательная школа»",
    "МБОУ «Вишнёвская ООШ»",
    "Директор",
    "Л.М. Зайцева",
    "п. Вишнёвый",
)

SCHOOL_PAIRS = [
    ("Климова Елена Викторовна, учитель математики", "Аксёнов Денис Игоревич, учитель математики"),
    ("Журавлёва Ольга Ивановна, учитель начальных классов", "Лыкова Полина Сергеевна, учитель начальных классов"),
    ("Селезнёв Андрей Павлович, учитель физики", "Панова Виктория Андреевна, учитель информатики"),
]
DOU_PAIRS = [
    ("Мельникова Анна Сергеевна, воспитатель", "Кротова Елизавета Андреевна, воспитатель"),
    ("Харитонова Вера Николаевна, музыкальный руководитель", "Бойко Алина Руслановна, воспитатель"),
]
DO_PAIRS = [
    (
        "Гончарова Ирина Владимировна, педагог дополнительного образования",
        "Сафонова Анна Игоревна, педагог дополнительного образования",
    ),
    ("Кузин Олег Петрович, педагог дополнительного образования", "Тимошин Артём Викторович, педагог-организатор"),
]
NOISE_NEWS = [
    ("12.05.2026", "Последний звонок — 2026"),
    ("07.05.2026", "Вахта памяти у обелиска"),
    ("29.04.2026", "Неделя безопасности дорожного движения"),
    ("21.04.2026", "Весенний экологический субботник"),
    ("10.04.2026", "День космонавтики: конкурс рисунков"),
    ("25.03.2026", "Весенние каникулы: расписание кружков"),
    ("16.03.2026", "Итоги муниципального этапа конкурса «Педагогический дебют»"),
    ("27.02.2026", "Лыжня России — 2026"),
    ("12.02.2026", "День российской науки"),
    ("23.01.2026", "Родительское собрание по подготовке к ГИА"),
    ("19.12.2025", "Новогодний спектакль школьного театра"),
    ("28.11.2025", "День матери"),
    ("05.11.2025", "Итоги школьного этапа ВсОШ"),
    ("01.10.2025", "День учителя: праздничный концерт"),
    ("01.09.2025", "День знаний"),
]


# --------------------------------------------------------------------------------------------- 60: Госвеб, mega-menu

GW_SVEDEN = [
    "Основные сведения",
    "Структура и органы управления образовательной организацией",
    "Документы",
    "Образование",
    "Руководство",
    "Педагогический состав",
    "Материально-техническое обеспечение и оснащённость образовательного процесса. Доступная среда",
    "Платные образовательные услуги",
    "Финансово-хозяйственная деятельность",
    "Вакантные места для приёма (перевода) обучающихся",
    "Стипендии и меры поддержки обучающихся",
    "Международное сотрудничество",
    "Организация питания в образовательной организации",
    "Образовательные стандарты и требования",
]
GW_PARENTS = [
    "Приём в 1 класс",
    "Приём в 10 класс",
    "Перевод из другой школы",
    "Электронный дневник",
    "Горячее питание",
    "Родительский контроль питания",
    "Школьная форма",
    "Расписание уроков",
    "Расписание звонков",
    "Каникулы",
    "Психологическая служба",
    "Служба медиации",
    "Совет профилактики",
    "Безопасность детей в интернете",
    "Летний отдых",
    "Пушкинская карта",
    "Родительский всеобуч",
    "Совет родителей",
    "Часто задаваемые вопросы",
    "Обращения граждан",
    "Социальный педагог",
    "Логопедическая помощь",
    "Бесплатный проезд",
    "Медицинский кабинет",
    "Льготы и компенсации",
]
GW_PUPILS = [
    "Расписание занятий",
    "Кружки и секции",
    "Школьный спортивный клуб «Олимп»",
    "Школьный театр",
    "Школьный музей",
    "Юнармия",
    "Движение первых",
    "Орлята России",
    "Олимпиады",
    "Всероссийская олимпиада школьников",
    "Проектная деятельность",
    "Профориентация",
    "Билет в будущее",
    "Библиотека",
    "Дистанционное обучение",
    "Телефон доверия",
    "Учебники",
    "Центр «Точка роста»",
    "Медиацентр",
    "Волонтёрский отряд",
]
GW_TEACHERS = [
    "Методическая работа",
    "Методические объединения",
    "Аттестация педагогических работников",
    "Повышение квалификации",
    "Наставничество",
    "Молодому педагогу",
    "Профессиональный стандарт педагога",
    "Единая методическая тема",
    "Конкурсы профессионального мастерства",
    "Функциональная грамотность",
    "Обновлённые ФГОС",
    "Федеральные образовательные программы",
    "Вакансии",
    "Охрана труда",
    "Первичная профсоюзная организация",
]
GW_ACTIVITY = [
    "Воспитательная работа",
    "Календарь событий",
    "Внутренняя система оценки качества",
    "Самообследование",
    "Инновационная деятельность",
    "Сетевое взаимодействие",
    "Дополнительное образование",
    "Внеурочная деятельность",
    "Школьная служба примирения",
    "Профилактика правонарушений",
    "Здоровьесбережение",
    "Патриотическое воспитание",
    "Экологическое воспитание",
    "Экскурсии",
    "Школьные лесничества",
]
GW_SAFETY = [
    "Антитеррористическая защищённость",
    "Пожарная безопасность",
    "Дорожная безопасность",
    "Информационная безопасность",
    "Гражданская оборона",
    "Безопасность на воде",
    "Безопасность на железной дороге",
    "Профилактика экстремизма",
    "Противодействие коррупции",
    "Памятки",
    "Паспорт дорожной безопасности",
    "Телефоны экстренных служб",
]
GW_GIA = [
    "ГИА-9: нормативные документы",
    "ГИА-9: расписание",
    "ГИА-9: демоверсии",
    "Итоговое собеседование",
    "ГИА-11: нормативные документы",
    "ГИА-11: расписание",
    "ГИА-11: демоверсии",
    "Итоговое сочинение",
    "Всероссийские проверочные работы",
    "Горячая линия ГИА",
    "Апелляции",
    "Психологическая подготовка к экзаменам",
    "Результаты ГИА",
    "Выбор экзаменов",
]
GW_DOCS = [
    "Устав",
    "Лицензия",
    "Свидетельство об аккредитации",
    "Локальные нормативные акты",
    "Приказы",
    "Отчёты",
    "Планы работы",
    "Предписания надзорных органов",
    "Муниципальное задание",
    "План ФХД",
    "Коллективный договор",
    "Правила внутреннего распорядка",
]
GW_CIRCLES = [
    "Робототехника",
    "3D-моделирование",
    "Хоровая студия",
    "Шахматы",
    "Волейбол",
    "Баскетбол",
    "Мини-футбол",
    "Юный журналист",
    "Клуб «Что? Где? Когда?»",
    "Краеведение",
    "Изостудия «Палитра»",
    "Танцевальная студия",
]
GW_SOSH3_NEWS_MENTORING = (
    "22.04.2026",
    "Неделя наставничества: молодые учителя и их наставники провели открытые уроки",
    "/press-tsentr/novosti/1018",
)


def gw_sosh3(media: Media) -> Site:
    org = SOSH3
    sec = "/pedagogam-i-sotrudnikam/nastavnichestvo"

    def group(label: str, root: str, names: list[str]) -> tuple[str, str, list[tuple[str, str]]]:
        return (label, root, [(n, f"{root}/{slug(n)}") for n in names])

    dated = [*NOISE_NEWS[:2], GW_SOSH3_NEWS_MENTORING[:2], *NOISE_NEWS[2:]]  # the mentoring news is the third newest
    news = [(d, x, f"/press-tsentr/novosti/{1020 - i}") for i, (d, x) in enumerate(dated)]
    assert news[2] == GW_SOSH3_NEWS_MENTORING
    groups = [
        group("Сведения об образовательной организации", "/svedeniya-ob-obrazovatelnoy-organizatsii", GW_SVEDEN),
        group("Документы", "/dokumenty", GW_DOCS),
        group("Родителям", "/roditelyam", GW_PARENTS),
        group("Обучающимся", "/obuchayushchimsya", GW_PUPILS),
        group("Педагогам и сотрудникам", "/pedagogam-i-sotrudnikam", GW_TEACHERS),
        group("Деятельность", "/deyatelnost", GW_ACTIVITY),
        group("ГИА", "/gia", GW_GIA),
        group("Дополнительное образование", "/dopolnitelnoe-obrazovanie", GW_CIRCLES),
        group("Безопасность", "/bezopasnost", GW_SAFETY),
        (
            "Пресс-центр",
            "/press-tsentr",
            [
                ("Новости", "/press-tsentr/novosti"),
                ("Объявления", "/press-tsentr/obyavleniya"),
                ("Фотогалерея", "/press-tsentr/fotogalereya"),
                ("Видео", "/press-tsentr/video"),
            ]
            + [(x, h) for _, x, h in news[:10]],
        ),
    ]
    b = Builder(
        media, "gw-sosh3", L.gosweb(org.full, groups, "+7 (83166) 2-13-03", "606300, г. Липовск, ул. Школьная, 3")
    )
    for label, root, kids in groups:
        b.page(root, label, ul(kids, "gw-list"))
        for name, h in kids:
            if h == sec or h.startswith("/press-tsentr/novosti"):
                continue
            b.page(
                h,
                name,
                paras(
                    f"Информация раздела «{name}» обновлена 01.09.2025.",
                    "Ответственный за раздел: заместитель директора по УВР.",
                ),
            )
    files = "/netcat_files/userfiles/nastavnichestvo/"
    reg = t.regulation_teachers(
        org,
        t.stamp(
            ["РАССМОТРЕНО", "на заседании педагогического совета", "протокол № 1 от 29.08.2024"],
            ["УТВЕРЖДЕНО", "приказом директора", "от 30.08.2024 № 201-о"],
        ),
    )
    order = t.model_order(
        org,
        date_text="02.09.2024",
        number="205-о",
        curator="заместителя директора по учебно-воспитательной работе Климову Елену Викторовну",
        approves="дорожную карту внедрения системы наставничества педагогических работников на 2024-2027 годы",
    )
    roadmap = t.roadmap(
        org,
        ["УТВЕРЖДЕНА", "приказом директора", "от 02.09.2024 № 205-о"],
        period="на 2024-2027 годы",
        rows=[
            ("Актуализация базы наставников и наставляемых", "ежегодно, сентябрь", "куратор"),
            ("Закрепление наставнических пар приказом директора", "ежегодно, до 10 сентября", "директор"),
            ("Семинары «Школа наставника»", "ноябрь, февраль", "куратор, руководители ШМО"),
            ("Мониторинг реализации системы наставничества", "ежегодно, май", "куратор"),
            ("Размещение материалов на сайте школы", "постоянно", "ответственный за сайт"),
        ],
    )
    pairs = t.pairs_order(
        org,
        date_text="01.09.2025",
        number="188-о",
        year="2025/2026",
        pairs=SCHOOL_PAIRS,
        title="О закреплении наставников за молодыми специалистами на 2025/2026 учебный год",
    )
    report = t.monitoring_report(org, year="2024/2025", made_on="30.05.2025")
    b.doc(files + "Polozhenie_o_sisteme_nastavnichestva.pdf", "pdf", reg, uploaded="02.09.2024")
    b.doc(files + "Prikaz_205-o.docx", "docx", order, uploaded="02.09.2024")
    b.doc(files + "Dorozhnaya_karta_2024-2027.pdf", "pdf", roadmap, uploaded="02.09.2024")
    b.doc(files + "Prikaz_188-o_nastavniki_2025-2026.pdf", "pdf", pairs, uploaded="03.09.2025")
    b.doc(files + "Monitoring_2024-2025.pdf", "pdf", report, uploaded="02.06.2025")
    body = (
        '<div class="gw-text">'
        + paras(
            "С 2024 года в школе действует система наставничества педагогических работников. Наставники "
            "сопровождают молодых учителей в первые три года работы: помогают планировать уроки, посещают занятия, "
            "готовят вместе с ними открытые уроки.",
            "Куратор наставничества — Климова Елена Викторовна, заместитель директора по УВР, каб. 12.",
        )
        + "</div><h2>Документы школы</h2>"
        + L.gw_documents(
            [
                (
                    "Положение о системе наставничества педагогических работников",
                    files + "Polozhenie_o_sisteme_nastavnichestva.pdf",
                    "pdf, 214 Кб, 02.09.2024",
                ),
                (
                    "Приказ от 02.09.2024 № 205-о «О внедрении системы наставничества педагогических работников»",
                    files + "Prikaz_205-o.docx",
                    "docx, 38 Кб, 02.09.2024",
                ),
                (
                    "Дорожная карта внедрения системы наставничества на 2024-2027 годы",
                    files + "Dorozhnaya_karta_2024-2027.pdf",
                    "pdf, 156 Кб, 02.09.2024",
                ),
                (
                    "Приказ от 01.09.2025 № 188-о о закреплении наставников за молодыми специалистами",
                    files + "Prikaz_188-o_nastavniki_2025-2026.pdf",
                    "pdf, 172 Кб, 03.09.2025",
                ),
                (
                    "Мониторинг реализации системы наставничества за 2024/2025 учебный год",
                    files + "Monitoring_2024-2025.pdf",
                    "pdf, 98 Кб, 02.06.2025",
                ),
            ]
        )
        + "<h2>Федеральные и региональные документы</h2>"
        + ul(
            [
                (
                    "Распоряжение Минпросвещения России от 25.12.2019 № Р-145",
                    "https://docs.edu.gov.ru/document/id/1821",
                ),
                (
                    "Методические рекомендации по внедрению системы наставничества педагогических работников",
                    "https://edu.gov.ru/press/4743/",
                ),
            ]
        )
    )
    b.page(sec, "Наставничество", body)
    b.page(
        GW_SOSH3_NEWS_MENTORING[2],
        GW_SOSH3_NEWS_MENTORING[1],
        f'<div class="gw-news-date">{GW_SOSH3_NEWS_MENTORING[0]}</div>'
        + paras(
            "В школе прошла неделя наставничества. Трое молодых учителей, пришедших к нам в этом учебном году, дали "
            "открытые уроки, а их наставники — Климова Е.В., Журавлёва О.И. и Селезнёв А.П. — вместе с ними "
            "разобрали уроки и рассказали коллегам, как строится работа наставнических пар.",
            "На итоговом заседании методического совета наставляемые поделились впечатлениями о первом годе работы.",
        ),
    )
    for d, x, h in news:
        if h != GW_SOSH3_NEWS_MENTORING[2]:
            b.page(
                h, x, f'<div class="gw-news-date">{d}</div>' + paras(f"{x}. Подробности — у классных руководителей.")
            )
    b.page("/press-tsentr/novosti", "Новости", dated_news(news))
    b.page(
        "/",
        "Главная",
        paras(f"Добро пожаловать на официальный сайт {org.short}!") + "<h2>Новости</h2>" + dated_news(news[:6]),
    )
    b.page("/?special=1", "Главная", paras(f"Добро пожаловать на официальный сайт {org.short}!"), in_sitemap=False)
    b.search_page("/search")
    b.robots("User-agent: *", "Disallow: /search", "Disallow: /netcat/", f"Sitemap: {base('gw-sosh3')}sitemap.xml")
    b.sitemap()
    return b.finish()


# ------------------------------------------------------------------------------------- 61: «Документы», 160 files

GYMN1_LNA = [
    "Правила внутреннего распорядка обучающихся",
    "Правила внутреннего трудового распорядка",
    "Правила приёма граждан на обучение",
    "Порядок и основания перевода, отчисления и восстановления обучающихся",
    "Положение о формах, периодичности и порядке текущего контроля успеваемости и промежуточной аттестации",
    "Положение о внутренней системе оценки качества образования",
    "Положение о педагогическом совете",
    "Положение о методическом совете",
    "Положение о методическом объединении учителей",
    "Положение о совете родителей",
    "Положение о совете обучающихся",
    "Положение об управляющем совете",
    "Положение о требованиях к одежде обучающихся",
    "Положение о рабочей программе учебного предмета",
    "Положение о ведении электронного журнала",
    "Положение о языке образования",
    "Положение об индивидуальном учебном плане",
    "Положение о школьном спортивном клубе",
    "Положение о школьном музее",
    "Положение о школьном театре",
    "Положение о комиссии по урегулированию споров между участниками образовательных отношений",
    "Положение об организации питания обучающихся",
    "Положение о бракеражной комиссии",
    "Положение о психолого-педагогическом консилиуме",
    "Положение о школьной службе медиации",
    "Положение о совете профилактики",
    "Положение о классном руководстве",
    "Положение о дежурстве",
    "Положение о пропускном и внутриобъектовом режиме",
    "Положение об обработке и защите персональных данных",
    "Положение об официальном сайте",
    "Правила пользования библиотекой",
    "Положение о проектной деятельности обучающихся",
    "Положение об индивидуальном итоговом проекте",
    "Положение о платных образовательных услугах",
    "Положение о конфликте интересов",
    "Антикоррупционная политика",
    "Кодекс этики и служебного поведения работников",
    "Положение о комиссии по охране труда",
    "Положение о системе управления охраной труда",
    "Положение о наставничестве",  # the mentoring one, among the others
    "Положение об аттестации педагогических работников на соответствие занимаемой должности",
    "Положение о внеурочной деятельности",
    "Положение о семейном образовании",
    "Положение об электронном обучении и дистанционных образовательных технологиях",
    "Положение о центре «Точка роста»",
    "Положение о профориентационной работе",
    "Положение об учёте мнения советов обучающихся и родителей",
]
GYMN1_ORDERS = [
    ("01.09.2025", "150", "Об организации питания обучающихся в 2025-2026 учебном году"),
    ("01.09.2025", "151", "О режиме работы гимназии в 2025-2026 учебном году"),
    ("01.09.2025", "152", "О назначении классных руководителей"),
    ("01.09.2025", "153", "Об утверждении учебного плана на 2025-2026 учебный год"),
    ("01.09.2025", "154", "Об утверждении календарного учебного графика"),
    ("01.09.2025", "155", "О создании бракеражной комиссии"),
    ("01.09.2025", "156", "О назначении ответственного за пожарную безопасность"),
    ("01.09.2025", "157", "Об организации внеурочной деятельности"),
    ("01.09.2025", "158", "О назначении ответственных за ведение электронного журнала"),
    ("01.09.2025", "159", "О проведении школьного этапа всероссийской олимпиады школьников"),
    ("01.09.2025", "160", "Об организации работы школьного спортивного клуба"),
    ("01.09.2025", "161", "О создании психолого-педагогического консилиума"),
    ("01.09.2025", "163", "О работе по профилактике детского дорожно-транспортного травматизма"),
    ("05.09.2025", "166", "О проведении входного контроля"),
    ("15.09.2025", "171", "О создании комиссии по охране труда"),
    ("01.10.2025", "180", "О проведении Всероссийских проверочных работ"),
    ("10.11.2025", "201", "Об итогах школьного этапа олимпиады"),
    ("01.12.2025", "215", "О проведении итогового сочинения"),
    ("12.01.2026", "3", "О подготовке к государственной итоговой аттестации"),
    ("02.02.2026", "18", "О проведении итогового собеседования по русскому языку"),
    ("02.03.2026", "34", "О приёме в первый класс на 2026-2027 учебный год"),
    ("01.04.2026", "51", "Об организации летней оздоровительной кампании"),
    ("15.04.2026", "58", "О проведении промежуточной аттестации"),
    ("30.08.2024", "140", "Об организации питания обучающихся в 2024-2025 учебном году"),
    ("30.08.2024", "141", "О режиме работы гимназии в 2024-2025 учебном году"),
    ("02.09.2024", "145", "Об утверждении учебного плана на 2024-2025 учебный год"),
    ("10.01.2025", "4", "О подготовке к государственной итоговой аттестации в 2025 году"),
    ("14.04.2025", "61", "О проведении промежуточной аттестации в 2024-2025 учебном году"),
    ("29.05.2025", "90", "О переводе обучающихся в следующий класс"),
]
GYMN1_PROGRAMS = [
    "Основная образовательная программа начального общего образования",
    "Основная образовательная программа основного общего образования",
    "Основная образовательная программа среднего общего образования",
    "Адаптированная основная общеобразовательная программа для обучающихся с ЗПР",
    "Учебный план начального общего образования на 2025-2026 учебный год",
    "Учебный план основного общего образования на 2025-2026 учебный год",
    "Учебный план среднего общего образования на 2025-2026 учебный год",
    "Календарный учебный график на 2025-2026 учебный год",
    "Рабочая программа воспитания",
    "Календарный план воспитательной работы на 2025-2026 учебный год",
    "План внеурочной деятельности НОО",
    "План внеурочной деятельности ООО",
    "План внеурочной деятельности СОО",
    "Программа развития гимназии на 2024-2028 годы",
    "Программа по профилактике безнадзорности",
    "Программа «Здоровье»",
    "Программа летнего оздоровительного лагеря «Солнышко»",
    "Дополнительная общеразвивающая программа «Робототехника»",
    "Дополнительная общеразвивающая программа «Юный журналист»",
    "Программа профориентационной работы",
]
GYMN1_SUBJECTS = [
    "Русский язык",
    "Литература",
    "Английский язык",
    "Немецкий язык",
    "Математика",
    "Алгебра",
    "Геометрия",
    "Вероятность и статистика",
    "Информатика",
    "История",
    "Обществознание",
    "География",
    "Биология",
    "Физика",
    "Химия",
    "Изобразительное искусство",
    "Музыка",
    "Труд (технология)",
    "Физическая культура",
    "Основы безопасности и защиты Родины",
    "ОДНКНР",
    "Индивидуальный проект",
]
GYMN1_REPORTS = [
    ("Отчёт о результатах самообследования за 2024 год", "report"),
    ("Отчёт о результатах самообследования за 2025 год", "report"),
    ("План работы гимназии на 2025-2026 учебный год", "plan"),
    ("План внутришкольного контроля на 2025-2026 учебный год", "plan"),
    ("План мероприятий по противодействию коррупции на 2025-2026 годы", "plan"),
    ("План работы по профилактике правонарушений", "plan"),
    ("План работы библиотеки", "plan"),
    ("План работы методического совета", "plan"),
    ("Отчёт о результатах ВСОКО за 2024-2025 учебный год", "report"),
    ("Результаты государственной итоговой аттестации 2025 года", "report"),
    ("Отчёт об исполнении предписания Госпожнадзора", "report"),
    ("Отчёт о поступлении и расходовании финансовых средств за 2025 год", "report"),
]
GYMN1_BASICS = [
    "Устав",
    "Изменения в устав",
    "Лицензия на осуществление образовательной деятельности",
    "Выписка из реестра лицензий",
    "Свидетельство о государственной аккредитации",
    "Выписка из реестра аккредитованных организаций",
    "Свидетельство о постановке на учёт в налоговом органе",
    "Лист записи ЕГРЮЛ",
]
GYMN1_SAFETY = [
    "Паспорт доступности объекта",
    "Паспорт дорожной безопасности",
    "Инструкция о пропускном режиме",
    "План эвакуации",
    "Памятка о действиях при угрозе террористического акта",
    "Инструкция по охране труда для учителя",
]


def bx_gymn1(media: Media) -> Site:
    org = GYMN1
    sveden = [(n, f"/sveden/{slug(n)}/") for n in GW_SVEDEN]
    menu = [
        ("Главная", "/", []),
        ("Сведения об образовательной организации", "/sveden/", sveden),
        ("Документы", "/dokumenty/", []),
        ("Новости", "/news/", []),
        (
            "Родителям",
            "/roditelyam/",
            [("Приём в гимназию", "/roditelyam/priem/"), ("Питание", "/roditelyam/pitanie/")],
        ),
        ("Контакты", "/kontakty/", []),
    ]
    b = Builder(media, "bx-gymn1", L.bitrix(org.full, menu, "606301, г. Липовск, пр. Мира, 1"))
    fmts = ["pdf", "docx", "pdf", "rtf", "pdf", "odt"]
    rows: list[tuple[str, list[tuple[str, str]]]] = []
    n = 0

    def put(title: str, lines: list[str], fmt: str | None = None, *, link: str | None = None) -> tuple[str, str]:
        nonlocal n
        n += 1
        kind = fmt or fmts[n % len(fmts)]
        folder = f"{(n * 37) % 4096:03x}"[-3:]
        path = f"/upload/iblock/{folder}/{slug(title)[:40] or 'doc'}.{kind}"
        b.doc(path, kind, lines, seed=n, uploaded="01.09.2025")
        return (link or title, path)

    rows.append(("Учредительные документы", [put(x, t.generic(org, x)) for x in GYMN1_BASICS]))
    lna = []
    for x in GYMN1_LNA:
        if x == "Положение о наставничестве":
            reg = t.regulation_teachers(
                org,
                t.stamp(
                    ["ПРИНЯТО", "педагогическим советом", "протокол № 1 от 30.08.2023"],
                    ["УТВЕРЖДЕНО", "приказом директора", "от 31.08.2023 № 150"],
                ),
                title="о наставничестве педагогических работников",
            )
            b.doc("/upload/iblock/4c7/polozhenie_o_nastavnichestve.pdf", "pdf", reg, uploaded="04.09.2023")
            lna.append((x, "/upload/iblock/4c7/polozhenie_o_nastavnichestve.pdf"))
        else:
            lna.append(put(x, t.generic(org, x, date_text="30.08.2024", number="139")))
    rows.append(("Локальные нормативные акты", lna))
    orders = [
        put(f"Приказ от {d} № {num}", t.generic(org, x, kind="order", date_text=d, number=num))
        for d, num, x in GYMN1_ORDERS
    ]
    mentoring_order = t.pairs_order(
        org,
        date_text="01.09.2025",
        number="162",
        year="2025-2026",
        pairs=SCHOOL_PAIRS[:2],
        title="Об организации наставничества педагогических работников в 2025-2026 учебном году",
        curator="заместителя директора по методической работе Смирнову Ольгу Петровну",
        pairs_in_appendix=True,
    )
    b.doc("/upload/iblock/e21/prikaz_162.pdf", "pdf", mentoring_order, uploaded="02.09.2025")
    orders.insert(12, ("Приказ от 01.09.2025 № 162", "/upload/iblock/e21/prikaz_162.pdf"))
    rows.append(("Приказы", orders))
    rows.append(("Образовательные программы", [put(x, t.generic(org, x, kind="plan")) for x in GYMN1_PROGRAMS]))
    rows.append(
        (
            "Рабочие программы основного общего образования",
            [
                put(
                    f"Рабочая программа по предмету «{x}» (5–9 классы)",
                    t.generic(org, f"Рабочая программа по предмету «{x}»", kind="plan"),
                    "pdf",
                )
                for x in GYMN1_SUBJECTS
            ],
        )
    )
    rows.append(("Планы и отчёты", [put(x, t.generic(org, x, kind=k)) for x, k in GYMN1_REPORTS]))
    finance = []
    for year in ("2025", "2026"):
        p = f"/upload/iblock/pfhd/pfhd_{year}.xlsx"
        b.blob(
            p,
            media.xlsx(
                f"План финансово-хозяйственной деятельности на {year} год",
                ["Код", "Показатель", "Сумма, руб."],
                [["100", "Поступления", "48 215 300"], ["200", "Выплаты", "48 215 300"]],
            ),
            XLSX_MIME,
        )
        finance.append((f"План финансово-хозяйственной деятельности на {year} год", p))
    finance += [
        put("Муниципальное задание на 2026 год", t.generic(org, "Муниципальное задание на 2026 год", kind="plan")),
        put(
            "Отчёт об исполнении муниципального задания за 2025 год",
            t.generic(org, "Отчёт об исполнении муниципального задания за 2025 год", kind="report"),
        ),
    ]
    pay = t.pay_regulation(org, ["УТВЕРЖДЕНО", "приказом директора от 09.01.2024 № 2"], mentoring=False)
    b.doc("/upload/iblock/5d3/polozhenie_ob_oplate_truda.pdf", "pdf", pay, uploaded="10.01.2024")
    finance.append(("Положение об оплате труда работников", "/upload/iblock/5d3/polozhenie_ob_oplate_truda.pdf"))
    agreement = t.collective_agreement(org, period="2024-2027 годы", mentoring=True)
    b.doc("/upload/iblock/91a/kollektivnyy_dogovor_2024-2027.docx", "docx", agreement, uploaded="25.12.2023")
    finance.append(("Коллективный договор на 2024-2027 годы", "/upload/iblock/91a/kollektivnyy_dogovor_2024-2027.docx"))
    finance.append(
        put(
            "Положение о распределении стимулирующей части фонда оплаты труда",
            t.generic(org, "Положение о распределении стимулирующей части фонда оплаты труда"),
        )
    )
    rows.append(("Финансово-хозяйственная деятельность", finance))
    food = []
    for day in (
        "04.05.2026",
        "05.05.2026",
        "06.05.2026",
        "07.05.2026",
        "08.05.2026",
        "12.05.2026",
        "13.05.2026",
        "14.05.2026",
    ):
        p = f"/food/{day[6:]}-{day[3:5]}-{day[:2]}-sm.xlsx"
        b.blob(
            p,
            media.xlsx(
                f"Меню на {day}",
                ["Приём пищи", "Блюдо", "Выход, г"],
                [["Завтрак", "Каша овсяная", "200"], ["Обед", "Суп гороховый", "250"]],
            ),
            XLSX_MIME,
        )
        food.append((f"Меню на {day}", p))
    rows.append(("Питание", food))
    rows.append(("Безопасность", [put(x, t.generic(org, x, kind="plan")) for x in GYMN1_SAFETY]))
    total = sum(len(items) for _, items in rows)
    body = paras(f"Документы гимназии ({total}). Документы подписаны электронной подписью директора.") + "".join(
        f'<h3>{esc(head)}</h3><div class="news-list">'
        + "".join(
            f'<div class="news-item" id="bx_3218110189_{i}"><a href="{href(h)}"><b>{esc(x)}</b></a> '
            f'<span class="doc-ext">({h.rsplit(".", 1)[-1].upper()})</span></div>'
            for i, (x, h) in enumerate(items)
        )
        + "</div>"
        for head, items in rows
    )
    b.page("/dokumenty/", "Документы", body)
    for name, h in sveden:
        if name == "Документы":
            b.page(
                h,
                name,
                paras("Основные документы гимназии:")
                + ul(rows[0][1][:6])
                + paras("Все документы:")
                + ul([("Документы гимназии", "/dokumenty/")]),
            )
        else:
            b.page(h, name, paras(f"Раздел «{name}». Сведения актуальны на 01.09.2025."))
    b.page("/sveden/", "Сведения об образовательной организации", ul(sveden))
    news = [(d, x, f"/news/{3200 - i}/") for i, (d, x) in enumerate(NOISE_NEWS)]
    for d, x, h in news:
        b.page(h, x, f'<div class="news-date-time">{d}</div>' + paras(f"{x}."))
    b.page("/news/", "Новости", dated_news(news))
    b.page(
        "/roditelyam/",
        "Родителям",
        ul([("Приём в гимназию", "/roditelyam/priem/"), ("Питание", "/roditelyam/pitanie/")]),
    )
    b.page("/roditelyam/priem/", "Приём в гимназию", paras("Приём заявлений в 1 класс — с 1 апреля."))
    b.page("/roditelyam/pitanie/", "Питание", paras("Ежедневное меню:") + ul(food))
    b.page("/kontakty/", "Контакты", paras("г. Липовск, пр. Мира, 1. Телефон приёмной: 2-11-01."))
    b.page("/", "Главная", paras("Гимназия № 1 — победитель конкурса «Школа года — 2025».") + dated_news(news[:5]))
    b.page("/map/", "Карта сайта", ul([(x, h) for x, h, _ in menu] + [y for _, _, kids in menu for y in kids]))
    b.search_page("/search/")
    b.robots(
        "User-agent: *",
        "Disallow: /bitrix/",
        "Disallow: /search/",
        "Disallow: /auth/",
        "Disallow: /*?print=",
        "Disallow: /*register=",
        f"Host: {base('bx-gymn1')}",
    )
    return b.finish()


# --------------------------------------------------------------------------------------------- 62: Joomla, sub-pages


def jm_ds5(media: Media) -> Site:
    org = DS5
    sec = "/index.php/nastavnichestvo"
    menu = [
        ("Главная", "/index.php"),
        ("Сведения об образовательной организации", "/index.php/svedeniya"),
        ("Наставничество", sec),
        ("Родителям", "/index.php/roditelyam"),
        ("Наши группы", "/index.php/gruppy"),
        ("Контакты", "/index.php/kontakty"),
    ]
    b = Builder(media, "jm-ds5", L.joomla(org.full, menu))
    folder = "/images/nastavnichestvo/"
    reg = t.regulation_teachers(
        org,
        t.stamp(
            ["ПРИНЯТО", "на общем собрании работников", "протокол № 1 от 09.01.2026"],
            ["УТВЕРЖДЕНО", "приказом заведующего", "от 12.01.2026 № 4-од"],
        ),
        title="о наставничестве педагогических работников (новая редакция)",
    )
    program = t.program(
        org,
        t.stamp(
            ["СОГЛАСОВАНО", "педагогическим советом", "протокол № 1 от 28.08.2025"],
            ["УТВЕРЖДАЮ", f"{org.head_title} ______ {org.head}", "приказ от 29.08.2025 № 47-од"],
        ),
        year="2025-2026",
    )
    curator = t.curator_order(
        org, date_text="01.03.2023", number="17-од", curator="старшего воспитателя Мельникову Анну Сергеевну"
    )
    pairs = t.pairs_order(org, date_text="01.09.2025", number="52-од", year="2025-2026", pairs=DOU_PAIRS)
    case = t.practice_case(
        org,
        date_text="20.11.2025",
        mentor="Мельникова А.С., воспитатель высшей категории",
        mentee="Кротова Е.А., воспитатель",
    )
    monitoring = t.half_year_monitoring(org, year="2025-2026", made_on="26.12.2025")
    b.doc(folder + "polozhenie-o-nastavnichestve-2026.docx", "docx", reg, uploaded="13.01.2026")
    b.doc(folder + "programma-nastavnichestva-2025-2026.pdf", "pdf", program, uploaded="01.09.2025")
    b.doc(folder + "prikaz-17-od-kurator.odt", "odt", curator, uploaded="02.03.2023")
    b.doc(folder + "prikaz-52-od-pary.rtf", "rtf", pairs, seed=1, uploaded="02.09.2025")
    b.doc(folder + "keys-nastavnicheskoy-pary.docx", "docx", case, uploaded="20.11.2025")
    b.doc(folder + "monitoring-1-polugodie-2025-2026.pdf", "pdf", monitoring, uploaded="26.12.2025")
    b.doc(folder + "rasporyazhenie-r-145.pdf", "pdf", t.federal_r145(), uploaded="02.03.2023")
    b.doc(folder + "pismo-az-1128.pdf", "pdf", t.ministry_letter(), uploaded="02.03.2023")
    sub = [
        ("Нормативные документы", f"{sec}/112-normativnye-dokumenty", "09 января 2026"),
        ("Лучшие практики", f"{sec}/113-luchshie-praktiki", "12 февраля 2026"),
        ("Мониторинг", f"{sec}/114-monitoring", "26 декабря 2025"),
        ("Новости", f"{sec}/115-novosti", "19 ноября 2025"),
    ]
    category = (
        '<div class="category-list"><table class="category table table-striped table-bordered table-hover">'
        '<thead><tr><th id="categorylist_header_title">Заголовок</th><th id="categorylist_header_date">Дата</th>'
        "</tr></thead><tbody>"
        + "".join(
            f'<tr class="cat-list-row{i % 2}"><td headers="categorylist_header_title" class="list-title">'
            f'{a(x, h)}</td><td headers="categorylist_header_date" class="list-date small">{esc(d)}</td></tr>'
            for i, (x, h, d) in enumerate(sub)
        )
        + "</tbody></table></div>"
    )
    b.page(
        sec,
        "Наставничество",
        paras(
            "В нашем детском саду внедрена целевая модель наставничества педагогических работников. Опытные "
            "воспитатели помогают молодым коллегам освоиться в профессии, делятся приёмами работы с детьми и "
            "родителями.",
            "Материалы раздела собраны в рубриках:",
        )
        + category,
    )
    docs = [
        (
            "Положение о наставничестве педагогических работников (новая редакция от 12.01.2026)",
            folder + "polozhenie-o-nastavnichestve-2026.docx",
        ),
        ("Программа наставничества на 2025-2026 учебный год", folder + "programma-nastavnichestva-2025-2026.pdf"),
        ("Приказ № 17-од от 01.03.2023 «О назначении куратора»", folder + "prikaz-17-od-kurator.odt"),
        ("Приказ № 52-од от 01.09.2025 «О закреплении наставнических пар»", folder + "prikaz-52-od-pary.rtf"),
    ]
    b.page(
        sub[0][1],
        "Нормативные документы",
        "<p><strong>Документы детского сада</strong></p>"
        + ul(docs)
        + "<p><strong>Федеральные документы</strong></p>"
        + ul(
            [
                ("Распоряжение Минпросвещения России от 25.12.2019 № Р-145", folder + "rasporyazhenie-r-145.pdf"),
                ("Письмо Минпросвещения России от 21.12.2021 № АЗ-1128/08", folder + "pismo-az-1128.pdf"),
            ]
        ),
    )
    b.page(
        sub[1][1],
        "Лучшие практики",
        '<dl class="article-info muted"><dd class="published">Опубликовано: 12 февраля 2026</dd></dl>'
        + paras(
            "Мастер-класс наставника «Игровые технологии в работе с детьми раннего возраста». Воспитатель высшей "
            "квалификационной категории Мельникова А.С. показала молодым коллегам приёмы пальчиковых игр и "
            "сенсорных игр-упражнений; наставляемая Кротова Е.А. провела фрагмент занятия.",
        )
        + ul([("Кейс наставнической пары «Первый год в профессии»", folder + "keys-nastavnicheskoy-pary.docx")]),
    )
    b.page(
        sub[2][1],
        "Мониторинг",
        paras("Результаты мониторинга эффективности наставничества:")
        + ul(
            [
                (
                    "Результаты мониторинга за I полугодие 2025-2026 учебного года",
                    folder + "monitoring-1-polugodie-2025-2026.pdf",
                )
            ]
        ),
    )
    b.page(
        sub[3][1],
        "Новости",
        '<dl class="article-info muted"><dd class="published">Опубликовано: 19 ноября 2025</dd></dl>'
        + paras(
            "Педагогический час «Наставник и молодой специалист». Наставники и наставляемые рассказали, как идёт "
            "их совместная работа в этом учебном году, и наметили темы взаимопосещений на декабрь.",
        ),
    )
    b.page("/index.php", "Главная", paras("Добро пожаловать в детский сад «Берёзка»!", "Набор детей на 2026 год."))
    b.page(
        "/index.php/svedeniya", "Сведения об образовательной организации", paras(f"Полное наименование: {org.full}.")
    )
    b.page("/index.php/roditelyam", "Родителям", paras("Режим работы: 7:00–19:00. Оплата за присмотр и уход."))
    b.page("/index.php/gruppy", "Наши группы", paras("Группы «Капелька», «Солнышко», «Звёздочки», «Почемучки»."))
    b.page("/index.php/kontakty", "Контакты", paras("г. Липовск, ул. Садовая, 5. Телефон 2-15-05."))
    b.page("/", "Главная", paras("Добро пожаловать в детский сад «Берёзка»!", "Набор детей на 2026 год."))
    b.robots("User-agent: *", "Disallow: /administrator/", "Disallow: /cache/", "Disallow: /tmp/")
    return b.finish()


# --------------------------------------------------------------------------------------------- 63: Bitrix, pagination


def bx_ddt(media: Media) -> Site:
    org = DDT
    sec = "/pedagogam/nastavnichestvo/"
    menu = [
        ("Главная", "/", []),
        (
            "О нас",
            "/o-nas/",
            [("История", "/o-nas/istoriya/"), ("Сведения об образовательной организации", "/sveden/")],
        ),
        ("Объединения", "/obedineniya/", []),
        (
            "Педагогам",
            "/pedagogam/",
            [
                ("Методическая служба", "/pedagogam/metodicheskaya-sluzhba/"),
                ("Наставничество", sec),
                ("Аттестация", "/pedagogam/attestatsiya/"),
            ],
        ),
        ("Новости", "/novosti/", []),
        ("Контакты", "/kontakty/", []),
    ]
    b = Builder(media, "bx-ddt", L.bitrix(org.full, menu, "606302, г. Липовск, ул. Ленина, 40"))
    up = "/upload/iblock/"
    reg = t.regulation_teachers(
        org,
        t.stamp(
            ["ПРИНЯТО", "на педагогическом совете", "протокол № 1 от 08.09.2023"],
            ["УТВЕРЖДЕНО", "приказом директора", "от 12.09.2023 № 88"],
        ),
    )
    order = t.model_order(
        org,
        date_text="12.09.2023",
        number="88",
        curator="методиста Гончарову Ирину Владимировну",
        approves="Положение о системе наставничества педагогических работников и дорожную карту на 2023-2025 годы",
    )
    roadmap = t.roadmap(
        org,
        ["Приложение 2", "к приказу от 12.09.2023 № 88"],
        period="на 2023-2025 годы",
        rows=[
            ("Разработка локальных актов о наставничестве", "сентябрь 2023", "куратор"),
            ("Формирование базы наставников", "октябрь 2023", "куратор"),
            ("Школа молодого педагога", "2023-2025, ежемесячно", "методисты"),
            ("Подведение итогов реализации дорожной карты", "декабрь 2025", "директор"),
        ],
    )
    pay = t.pay_amendment(
        org,
        t.stamp(
            ["СОГЛАСОВАНО", "председатель профкома", "протокол № 9 от 27.12.2023"],
            ["УТВЕРЖДЕНО", "приказом директора", "от 28.12.2023 № 131"],
        ),
        number="3",
    )
    pairs_now = t.pairs_order(org, date_text="02.09.2025", number="71", year="2025-2026", pairs=DO_PAIRS)
    pairs_old = t.pairs_order(org, date_text="02.09.2024", number="69", year="2024-2025", pairs=DO_PAIRS[:1])
    report_now = t.monitoring_report(org, year="2024-2025", made_on="30.05.2025", title="Отчёт о реализации")
    report_old = t.monitoring_report(org, year="2023-2024", made_on="24.05.2024", title="Отчёт о реализации")
    b.doc(up + "a71/prikaz_71_pary_2025.pdf", "pdf", pairs_now, uploaded="02.09.2025")
    b.doc(up + "c02/otchet_nastavnichestvo_2024_2025.pdf", "pdf", report_now, uploaded="30.05.2025")
    b.doc(up + "9f4/prikaz_69_pary_2024.pdf", "pdf", pairs_old, uploaded="02.09.2024")
    b.doc(up + "e55/otchet_nastavnichestvo_2023_2024.pdf", "pdf", report_old, uploaded="24.05.2024")
    b.doc(up + "1b8/polozhenie_o_nastavnichestve.pdf", "pdf", reg, uploaded="12.09.2023")
    b.doc(up + "2d3/prikaz_88_o_vnedrenii.docx", "docx", order, uploaded="12.09.2023")
    b.doc(up + "3e4/dorozhnaya_karta_2023_2025.pdf", "pdf", roadmap, uploaded="12.09.2023")
    b.doc(up + "4f5/izmeneniya_v_polozhenie_ob_oplate_truda.pdf", "pdf", pay, uploaded="28.12.2023")
    b.doc(up + "5a6/metod_rekomendatsii.pdf", "pdf", t.ministry_letter(), uploaded="15.06.2023")
    # (date, title, target, is_file, text of the detail page)
    news = [
        (
            "22.04.2026",
            "Открытое занятие молодого педагога в объединении «Бумагопластика»",
            None,
            "Педагог дополнительного образования Сафонова А.И. провела открытое занятие; её наставник Гончарова И.В. "
            "и коллеги отметили удачные приёмы работы с младшими школьниками.",
        ),
        (
            "26.03.2026",
            "Заседание «Школы молодого педагога»",
            None,
            "Молодые педагоги ДДТ обсудили с наставниками приёмы удержания внимания группы.",
        ),
        (
            "18.02.2026",
            "Наставник и наставляемый: совместный мастер-класс по декоративно-прикладному творчеству",
            None,
            "Наставническая пара Кузин О.П. – Тимошин А.В. провела мастер-класс для педагогов района.",
        ),
        (
            "20.01.2026",
            "Анкетирование наставляемых: итоги первого полугодия",
            None,
            "Все наставляемые отметили пользу взаимопосещений занятий.",
        ),
        (
            "10.12.2025",
            "Педагоги ДДТ — участники муниципального форума наставников",
            None,
            "Наставники ДДТ представили опыт сопровождения молодых педагогов дополнительного образования.",
        ),
        (
            "12.11.2025",
            "Взаимопосещение занятий в объединении «Робототехника»",
            None,
            "Молодой педагог-организатор Тимошин А.В. посетил занятия наставника.",
        ),
        (
            "15.10.2025",
            "Встреча молодых педагогов с ветеранами ДДТ",
            None,
            "Ветераны педагогического труда поделились опытом с молодыми коллегами и их наставниками.",
        ),
        (
            "05.09.2025",
            "Старт наставнической программы 2025-2026 учебного года",
            None,
            "Сформированы наставнические пары, составлены индивидуальные планы развития наставляемых.",
        ),
        # page 2
        (
            "02.09.2025",
            "Приказ № 71 о закреплении наставнических пар на 2025-2026 учебный год",
            up + "a71/prikaz_71_pary_2025.pdf",
            "",
        ),
        (
            "30.05.2025",
            "Отчёт о реализации программы наставничества за 2024-2025 учебный год",
            up + "c02/otchet_nastavnichestvo_2024_2025.pdf",
            "",
        ),
        (
            "14.03.2025",
            "Конкурс «Педагогический дебют»: наши участники",
            None,
            "Молодые педагоги ДДТ приняли участие в муниципальном конкурсе при поддержке наставников.",
        ),
        ("11.12.2024", "Методический день для наставников", None, "Наставники обсудили формы работы с молодыми."),
        (
            "02.09.2024",
            "Приказ № 69 о закреплении наставнических пар на 2024-2025 учебный год",
            up + "9f4/prikaz_69_pary_2024.pdf",
            "",
        ),
        (
            "24.05.2024",
            "Отчёт о реализации программы наставничества за 2023-2024 учебный год",
            up + "e55/otchet_nastavnichestvo_2023_2024.pdf",
            "",
        ),
        ("10.01.2024", "Итоги первого полугодия работы наставнических пар", None, "Работа идёт по плану."),
        (
            "12.09.2023",
            "Положение о системе наставничества педагогических работников",
            up + "1b8/polozhenie_o_nastavnichestve.pdf",
            "",
        ),
        # page 3
        (
            "12.09.2023",
            "Приказ № 88 о внедрении системы наставничества педагогических работников",
            up + "2d3/prikaz_88_o_vnedrenii.docx",
            "",
        ),
        (
            "12.09.2023",
            "Дорожная карта внедрения системы наставничества на 2023-2025 годы",
            up + "3e4/dorozhnaya_karta_2023_2025.pdf",
            "",
        ),
        (
            "28.12.2023",
            "Изменения № 3 в Положение об оплате труда работников",
            up + "4f5/izmeneniya_v_polozhenie_ob_oplate_truda.pdf",
            "",
        ),
        (
            "15.06.2023",
            "Методические рекомендации по внедрению системы наставничества",
            up + "5a6/metod_rekomendatsii.pdf",
            "",
        ),
        (
            "01.03.2023",
            "2023 год — Год педагога и наставника",
            None,
            "Указом Президента 2023 год объявлен Годом педагога и наставника.",
        ),
    ]
    per_page = 8
    pages = (len(news) + per_page - 1) // per_page
    for p in range(1, pages + 1):
        items = []
        for i, (d, x, target, text) in enumerate(news[(p - 1) * per_page : p * per_page]):
            n = 5400 - (p - 1) * per_page - i
            if target is None:
                detail = f"{sec}{n}/"
                b.page(
                    detail,
                    x,
                    f'<div class="news-detail"><span class="news-date-time">{d}</span>'
                    + paras(text)
                    + f'<p><a href="{href(sec)}">Возврат к списку</a></p></div>',
                )
                items.append(
                    f'<div class="news-item" id="bx_651765591_{n}"><span class="news-date-time">{d}</span>'
                    f'<p class="news-item-title"><b>{esc(x)}</b></p><p>{esc(text[:90])}…</p>'
                    f'<a class="btn btn-link" href="{href(detail)}">Подробнее</a></div>'
                )
            else:
                items.append(
                    f'<div class="news-item" id="bx_651765591_{n}"><span class="news-date-time">{d}</span>'
                    f'<p class="news-item-title"><a href="{href(target)}"><b>{esc(x)}</b></a></p></div>'
                )
        body = (
            paras("Материалы о наставничестве педагогических работников ДДТ: новости, документы, отчёты.")
            + f'<div class="news-list">{"".join(items)}</div>'
            + L.bitrix_pager(sec, p, pages)
        )
        b.page(sec if p == 1 else f"{sec}?PAGEN_1={p}", "Наставничество", body)
    b.page(
        "/pedagogam/",
        "Педагогам",
        ul(
            [
                ("Методическая служба", "/pedagogam/metodicheskaya-sluzhba/"),
                ("Наставничество", sec),
                ("Аттестация", "/pedagogam/attestatsiya/"),
            ]
        ),
    )
    b.page("/pedagogam/metodicheskaya-sluzhba/", "Методическая служба", paras("Методисты ДДТ: каб. 21, 22."))
    b.page("/pedagogam/attestatsiya/", "Аттестация", paras("График аттестации педагогов на 2025-2026 учебный год."))
    b.page("/o-nas/", "О нас", paras("ДДТ работает с 1956 года."))
    b.page("/o-nas/istoriya/", "История", paras("Дом пионеров открыт в 1956 году."))
    b.page("/sveden/", "Сведения об образовательной организации", paras(f"Полное наименование: {org.full}."))
    b.page("/obedineniya/", "Объединения", paras("38 творческих объединений: техника, искусство, туризм."))
    news_main = [(d, x, f"/novosti/{7700 - i}/") for i, (d, x) in enumerate(NOISE_NEWS[:8])]
    for d, x, h in news_main:
        b.page(h, x, f'<span class="news-date-time">{d}</span>' + paras(f"{x}."))
    b.page("/novosti/", "Новости", dated_news(news_main))
    b.page("/kontakty/", "Контакты", paras("г. Липовск, ул. Ленина, 40."))
    b.page(
        "/", "Главная", paras("Дом детского творчества приглашает детей от 5 до 18 лет!") + dated_news(news_main[:4])
    )
    b.page("/map/", "Карта сайта", ul([(x, h) for x, h, _ in menu] + [y for _, _, kids in menu for y in kids]))
    b.search_page("/search/")
    b.robots(
        "User-agent: *",
        "Disallow: /bitrix/",
        "Disallow: /auth/",
        "Disallow: /*?print=",
        "Disallow: /*&print=",
        "Disallow: /*register=",
        "Disallow: /*forgot_password=",
    )
    return b.finish()


# --------------------------------------------------------------------------------------------- 64: two mentoring pages


def sosh7(media: Media) -> Site:
    org = SOSH7
    pupils = "/nastavnichestvo/"
    teachers = "/pedagogam/nastavnichestvo-pedagogov/"
    menu = [
        ("Главная", "/", []),
        (
            "О школе",
            "/o-shkole/",
            [("Сведения об образовательной организации", "/sveden/"), ("История школы", "/o-shkole/istoriya/")],
        ),
        ("Наставничество", pupils, []),
        (
            "Педагогам",
            "/pedagogam/",
            [
                ("Методическая работа", "/pedagogam/metodicheskaya-rabota/"),
                ("Аттестация", "/pedagogam/attestatsiya/"),
                ("Наставничество педагогов", teachers),
            ],
        ),
        ("Родителям", "/roditelyam/", []),
        ("Контакты", "/kontakty/", []),
    ]
    b = Builder(media, "sosh7", L.plain(org.full, menu, footer="<p>г. Липовск, ул. Гагарина, 7</p>"))
    pupil_reg = t.regulation_pupils(
        org,
        t.stamp(
            ["ПРИНЯТО", "педагогическим советом", "протокол № 2 от 03.10.2025"],
            ["УТВЕРЖДЕНО", "приказом директора", "от 06.10.2025 № 244"],
        ),
    )
    b.doc(
        "/files/nastavnichestvo/polozhenie-o-nastavnichestve-obuchayushchikhsya.pdf",
        "pdf",
        pupil_reg,
        uploaded="07.10.2025",
    )
    b.page(
        pupils,
        "Наставничество",
        "<h2>Целевая модель наставничества обучающихся</h2>"
        + paras(
            "В школе реализуется целевая модель наставничества обучающихся. Основные формы — «Учитель – ученик» "
            "(сопровождение проектов и подготовки к олимпиадам) и «Ученик – ученик» (помощь старшеклассников "
            "пятиклассникам в адаптации).",
            "В 2025-2026 учебном году в программе участвуют 46 обучающихся 5–11 классов.",
        )
        + ul(
            [
                (
                    "Положение о наставничестве обучающихся",
                    "/files/nastavnichestvo/polozhenie-o-nastavnichestve-obuchayushchikhsya.pdf",
                )
            ]
        ),
    )
    folder = "/files/pedagogam/"
    reg = t.stamp(
        ["РАССМОТРЕНО и ПРИНЯТО", "на заседании педагогического совета", "Протокол № 3 от «28» октября 2022 г."],
        ["УТВЕРЖДЕНО", f"Директор ________ {org.head}", "Приказ № 575 от 01 ноября 2022 г."],
    )
    docs = {
        "polozhenie-nastavnichestvo-pr.docx": ("docx", t.regulation_teachers(org, reg), "02.11.2022"),
        "dorozhnaya-karta-2022-2024.pdf": (
            "pdf",
            t.roadmap(
                org,
                ["УТВЕРЖДЕНА", "приказом от 01.11.2022 № 575"],
                period="на 2022-2024 годы",
                rows=[
                    ("Разработка локальных актов", "ноябрь 2022", "рабочая группа"),
                    ("Закрепление наставнических пар", "ежегодно, сентябрь", "директор"),
                    ("Итоговая конференция наставников", "май 2024", "куратор"),
                ],
            ),
            "02.11.2022",
        ),
        "prikaz-576-kurator.pdf": (
            "pdf",
            t.curator_order(
                org,
                date_text="01.11.2022",
                number="576",
                curator="заместителя директора по научно-методической работе Фёдорову Марину Алексеевну",
            ),
            "02.11.2022",
        ),
        "prikaz-301-pary-2024-2025.pdf": (
            "pdf",
            t.pairs_order(org, date_text="02.09.2024", number="301", year="2024-2025", pairs=SCHOOL_PAIRS),
            "03.09.2024",
        ),
        "baza-nastavnikov.pdf": (
            "pdf",
            t.mentor_base(
                org,
                year="2024-2025",
                mentors=[
                    ("Климова Е.В.", "учитель математики", "28 лет, высшая", "Аксёнов Д.И."),
                    ("Журавлёва О.И.", "учитель начальных классов", "31 год, высшая", "Лыкова П.С."),
                    ("Селезнёв А.П.", "учитель физики", "17 лет, первая", "Панова В.А."),
                    ("Соколова Т.Б.", "учитель английского языка", "22 года, высшая", "—"),
                ],
            ),
            "01.10.2024",
        ),
        "spravka-2023-2024.pdf": (
            "pdf",
            t.monitoring_report(
                org, year="2023-2024", made_on="31.05.2024", title="Аналитическая справка по итогам мониторинга"
            ),
            "03.06.2024",
        ),
    }
    for name, (fmt, lines, day) in docs.items():
        b.doc(folder + name, fmt, lines, uploaded=day)
    b.page(
        teachers,
        "Наставничество педагогов",
        paras(
            "Система наставничества педагогических работников школы помогает молодым учителям войти в профессию. "
            "Куратор — заместитель директора по научно-методической работе Фёдорова Марина Алексеевна."
        )
        + ul(
            [
                (
                    "Положение о системе наставничества педагогических работников",
                    folder + "polozhenie-nastavnichestvo-pr.docx",
                ),
                ("Дорожная карта на 2022-2024 годы", folder + "dorozhnaya-karta-2022-2024.pdf"),
                ("Приказ о назначении куратора", folder + "prikaz-576-kurator.pdf"),
                (
                    "Приказ о закреплении наставнических пар на 2024-2025 учебный год",
                    folder + "prikaz-301-pary-2024-2025.pdf",
                ),
                ("База наставников", folder + "baza-nastavnikov.pdf"),
                ("Аналитическая справка за 2023-2024 учебный год", folder + "spravka-2023-2024.pdf"),
            ]
        ),
    )
    b.page(
        "/pedagogam/",
        "Педагогам",
        ul(
            [
                ("Методическая работа", "/pedagogam/metodicheskaya-rabota/"),
                ("Аттестация", "/pedagogam/attestatsiya/"),
                ("Наставничество педагогов", teachers),
            ]
        ),
    )
    b.page(
        "/pedagogam/metodicheskaya-rabota/",
        "Методическая работа",
        paras("Методическая тема школы на 2025-2026 учебный год: «Формирование функциональной грамотности»."),
    )
    b.page("/pedagogam/attestatsiya/", "Аттестация", paras("Аттестация педагогических работников."))
    b.page(
        "/o-shkole/",
        "О школе",
        ul([("Сведения об образовательной организации", "/sveden/"), ("История школы", "/o-shkole/istoriya/")]),
    )
    b.page("/o-shkole/istoriya/", "История школы", paras("Школа открыта в 1972 году."))
    b.page("/sveden/", "Сведения об образовательной организации", paras(f"Полное наименование: {org.full}."))
    b.page("/roditelyam/", "Родителям", paras("Информация для родителей."))
    b.page("/kontakty/", "Контакты", paras("г. Липовск, ул. Гагарина, 7."))
    b.page("/", "Главная", paras("Школа № 7 — школа равных возможностей."))
    b.robots("User-agent: *", "Disallow: /admin/")
    return b.finish()


# --------------------------------------------------------------------------------------------- 65: uCoz, pupils only


def ucoz_krasnoe(media: Media) -> Site:
    org = KRASNOE
    sec = "/index/nastavnichestvo/0-45"
    menu = [
        ("Главная", "/"),
        ("Сведения об образовательной организации", "/index/svedenija/0-2"),
        ("Наставничество", sec),
        ("Новости", "/news/"),
        ("Фотоальбом", "/photo/"),
        ("Контакты", "/index/0-3"),
    ]
    b = Builder(media, "ucoz-krasnoe", L.ucoz(org.short, menu))
    reg = t.regulation_pupils(
        org,
        t.stamp(
            ["Принято", "на педагогическом совете", "протокол № 4 от 12.03.2021"],
            ["Утверждаю", f"Директор школы ______ {org.head}", "приказ № 19 от 15.03.2021"],
        ),
    )
    b.doc("/_ld/0/41_polozhenie_nast.pdf", "pdf", reg, uploaded="16.03.2021")
    b.page(
        sec,
        "Наставничество",
        "<h2>Целевая модель наставничества «Учитель – ученик»</h2>"
        + paras(
            "В школе внедрена целевая модель наставничества обучающихся. Педагоги-наставники сопровождают "
            "учеников в проектной деятельности, старшеклассники помогают младшим.",
        )
        + f'<p><a href="{href("/_ld/0/41_polozhenie_nast.pdf")}">Положение о наставничестве обучающихся</a></p>',
    )
    news = [
        (d, x, f"/news/{slug(x)[:30]}/{d[6:]}-{d[3:5]}-{d[:2]}-{300 - i}") for i, (d, x) in enumerate(NOISE_NEWS[:6])
    ]
    for d, x, h in news:
        b.page(h, x, f'<div class="eDetails">{d}</div>' + paras(f"{x}."))
    b.page("/news/", "Новости", dated_news(news))
    b.page("/index/svedenija/0-2", "Сведения об образовательной организации", paras(f"{org.full}."))
    b.page("/photo/", "Фотоальбом", paras("Фотографии школьной жизни."))
    b.page("/index/0-3", "Контакты", paras("с. Красное, ул. Центральная, 12."))
    b.page("/", "Главная", paras("Добро пожаловать на сайт Краснинской школы!") + dated_news(news[:3]))
    b.robots(
        "User-agent: *",
        "Disallow: /a/",
        "Disallow: /stat/",
        "Disallow: /index/1",
        "Disallow: /index/3",
        "Disallow: /register",
        "Disallow: /index/5",
        "Disallow: /index/7",
        "Disallow: /index/8",
        "Disallow: /index/9",
        "Disallow: /index/sub/",
        "Disallow: /panel/",
        "Disallow: /admin/",
        "Disallow: /informer/",
        "Disallow: /secure/",
        "Disallow: /poll/",
        "Disallow: /search/",
        f"Sitemap: {base('ucoz-krasnoe')}sitemap.xml",
    )
    b.sitemap()
    return b.finish()


# --------------------------------------------------------------------------------------------- 66: menu in a script


def js_ds14(media: Media) -> Site:
    org = DS14
    sec = "/o-nas/nastavnichestvo/"
    menu = [
        ("Главная", "/", []),
        (
            "О нас",
            "/o-nas/",
            [
                ("Сведения об образовательной организации", "/sveden/"),
                ("Наши педагоги", "/o-nas/pedagogi/"),
                ("Наставничество", sec),
            ],
        ),
        (
            "Родителям",
            "/roditelyam/",
            [("Как записаться в детский сад", "/roditelyam/zapis/"), ("Адаптация", "/roditelyam/adaptatsiya/")],
        ),
        ("Группы", "/gruppy/", []),
        ("Новости", "/novosti/", []),
        ("Контакты", "/kontakty/", []),
    ]
    b = Builder(media, "js-ds14", L.script_menu(org.full, menu, "<p>г. Липовск, ул. Победы, 14 · 2-14-14</p>"))
    files = "/storage/files/"
    reg = t.regulation_teachers(
        org,
        t.stamp(
            ["ПРИНЯТО", "педагогическим советом", "протокол № 3 от 12.01.2024"],
            ["УТВЕРЖДЕНО", "приказом заведующего", "от 15.01.2024 № 6"],
        ),
        title="о наставничестве педагогических работников",
    )
    roadmap = t.roadmap(
        org,
        ["УТВЕРЖДЕНА", "приказом заведующего от 15.01.2024 № 6"],
        period="на 2024-2026 годы",
        rows=[
            ("Закрепление наставнических пар", "ежегодно, сентябрь", "заведующий"),
            ("Консультации для молодых воспитателей", "ежемесячно", "старший воспитатель"),
            ("Открытые просмотры НОД", "март 2025, март 2026", "наставники"),
            ("Подведение итогов", "май 2026", "старший воспитатель"),
        ],
    )
    pairs = t.pairs_order(org, date_text="01.09.2025", number="58", year="2025-2026", pairs=DOU_PAIRS)
    pay = t.pay_regulation(
        org,
        t.stamp(
            ["СОГЛАСОВАНО", "с профсоюзным комитетом", "протокол № 1 от 12.01.2024"],
            ["УТВЕРЖДЕНО", "приказом заведующего", "от 15.01.2024 № 7"],
        ),
        mentoring=True,
    )
    b.doc(files + "2024/01/polozhenie-o-nastavnichestve.pdf", "pdf", reg, uploaded="16.01.2024")
    b.doc(files + "2024/01/dorozhnaya-karta-2024-2026.docx", "docx", roadmap, uploaded="16.01.2024")
    b.doc(files + "2025/09/prikaz-58-o-zakreplenii-par.pdf", "pdf", pairs, uploaded="02.09.2025")
    b.doc(files + "2024/01/polozhenie-ob-oplate-truda.pdf", "pdf", pay, uploaded="16.01.2024")
    b.page(
        sec,
        "Наставничество",
        paras(
            "В детском саду действует система наставничества педагогических работников: за молодыми "
            "воспитателями закреплены опытные наставники, работа ведётся по дорожной карте на 2024-2026 годы."
        )
        + '<div class="files">'
        + "".join(
            f'<div class="file"><a class="file__link" href="{href(h)}" download>{esc(x)}</a></div>'
            for x, h in [
                (
                    "Положение о наставничестве педагогических работников",
                    files + "2024/01/polozhenie-o-nastavnichestve.pdf",
                ),
                ("Дорожная карта на 2024-2026 годы", files + "2024/01/dorozhnaya-karta-2024-2026.docx"),
                (
                    "Приказ о закреплении наставнических пар на 2025-2026 учебный год",
                    files + "2025/09/prikaz-58-o-zakreplenii-par.pdf",
                ),
                ("Положение об оплате труда работников", files + "2024/01/polozhenie-ob-oplate-truda.pdf"),
            ]
        )
        + "</div>",
    )
    b.page("/", "Главная", paras("Добро пожаловать в «Теремок»! Мы работаем с 7:00 до 19:00."))
    for label, h, kids in menu[1:]:
        if kids:
            b.page(h, label, paras(f"Раздел «{label}»."))
        for x, y in kids:
            if y != sec:
                b.page(y, x, paras(f"Раздел «{x}» обновлён в апреле 2026 года."))
        if not kids:
            b.page(h, label, paras(f"Раздел «{label}»."))
    b.raw("/assets/js/app.3f2a1c.js", L.APP_JS, "application/javascript; charset=utf-8")
    b.raw("/assets/css/app.7c1e2b.css", "body{margin:0}", "text/css")
    b.robots("User-agent: *", "Disallow: /api/", "Disallow: /storage/tmp/")
    return b.finish()


# --------------------------------------------------------------------------------------------- 67: WordPress sitemap


def wp_ds9(media: Media) -> Site:
    org = DS9
    sec = "/nastavnichestvo/"
    menu = [
        ("Главная", "/"),
        ("О детском саде", "/o-detskom-sade/"),
        ("Сведения об образовательной организации", "/svedeniya/"),
        ("Родителям", "/roditelyam/"),
        ("Новости", "/category/novosti/"),
        ("Контакты", "/kontakty/"),
    ]
    b = Builder(media, "wp-ds9", L.wordpress(org.full, menu))
    up = "/wp-content/uploads/2025/10/"
    reg = t.regulation_teachers(
        org,
        t.stamp(
            ["ПРИНЯТО", "общим собранием работников", "протокол № 2 от 29.09.2025"],
            ["УТВЕРЖДЕНО", "приказом заведующего", "от 01.10.2025 № 88"],
        ),
        title="о системе наставничества педагогических работников",
    )
    order = t.pairs_order(
        org,
        date_text="01.10.2025",
        number="88",
        year="2025-2026",
        pairs=DOU_PAIRS,
        title="Об организации наставничества педагогических работников в 2025-2026 учебном году",
        curator="старшего воспитателя Кузьмину Светлану Олеговну",
    )
    plan = t.year_plan(org, ["УТВЕРЖДЁН", "приказом от 01.10.2025 № 88"], year="2025-2026")
    b.doc(up + "polozhenie-o-nastavnichestve-pedagogov.pdf", "pdf", reg, uploaded="02.10.2025")
    b.doc(up + "prikaz-88-ob-organizacii-nastavnichestva.pdf", "pdf", order, uploaded="02.10.2025")
    b.doc(up + "plan-meropriyatiy-2025-2026.docx", "docx", plan, uploaded="02.10.2025")
    b.page(
        sec,
        "Наставничество",
        paras(
            "В МБДОУ «Детский сад № 9» с октября 2025 года действует система наставничества педагогических "
            "работников. Куратор — старший воспитатель Кузьмина Светлана Олеговна."
        )
        + '<div class="wp-block-file">'
        + "".join(
            f'<p><a href="{href(h)}">{esc(x)}</a></p>'
            for x, h in [
                (
                    "Положение о системе наставничества педагогических работников",
                    up + "polozhenie-o-nastavnichestve-pedagogov.pdf",
                ),
                (
                    "Приказ № 88 от 01.10.2025 об организации наставничества",
                    up + "prikaz-88-ob-organizacii-nastavnichestva.pdf",
                ),
                ("План мероприятий на 2025-2026 учебный год", up + "plan-meropriyatiy-2025-2026.docx"),
            ]
        )
        + "</div>",
        in_sitemap=False,
    )
    posts = [(d, x, f"/{d[6:]}/{d[3:5]}/{slug(x)[:40]}/") for d, x in NOISE_NEWS[:6]]
    for d, x, h in posts:
        b.page(
            h,
            x,
            f'<p class="post-meta"><time datetime="{d[6:]}-{d[3:5]}-{d[:2]}">{d}</time></p>' + paras(x + "."),
            in_sitemap=False,
        )
    b.page("/category/novosti/", "Новости", dated_news(posts), in_sitemap=False)
    b.page("/", "Главная", paras("Детский сад «Ласточка» — уют и забота о каждом ребёнке.") + dated_news(posts[:3]))
    b.page("/o-detskom-sade/", "О детском саде", paras("Детский сад открыт в 1985 году; 8 групп."))
    b.page("/svedeniya/", "Сведения об образовательной организации", paras(f"Полное наименование: {org.full}."))
    b.page("/roditelyam/", "Родителям", paras("Памятки для родителей."))
    b.page("/kontakty/", "Контакты", paras("г. Липовск, ул. Полевая, 9."))
    b.page("/author/admin/", "Записи администратора", dated_news(posts), in_sitemap=False)
    b.raw("/wp-json/", '{"name":"' + org.short.replace('"', "") + '","namespaces":["wp/v2"]}', "application/json")
    own = base("wp-ds9")
    b.robots(
        "User-agent: *", "Disallow: /wp-admin/", "Allow: /wp-admin/admin-ajax.php", "", f"Sitemap: {own}wp-sitemap.xml"
    )
    head = (
        '<?xml version="1.0" encoding="UTF-8"?><?xml-stylesheet type="text/xsl" href="'
        + own
        + 'wp-sitemap-index.xsl" ?>\n'
    )
    b.raw(
        "/wp-sitemap.xml",
        head
        + '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        + "".join(
            f"<sitemap><loc>{own}{x}</loc></sitemap>"
            for x in (
                "wp-sitemap-posts-post-1.xml",
                "wp-sitemap-posts-page-1.xml",
                "wp-sitemap-taxonomies-category-1.xml",
                "wp-sitemap-users-1.xml",
            )
        )
        + "</sitemapindex>\n",
        "application/xml; charset=UTF-8",
    )

    def urlset(paths: list[str]) -> str:
        return (
            head.replace("wp-sitemap-index.xsl", "wp-sitemap.xsl")
            + '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            + "".join(f"<url><loc>{own}{p.lstrip('/')}</loc></url>" for p in paths)
            + "</urlset>\n"
        )

    pages = ["/", "/o-detskom-sade/", "/svedeniya/", "/roditelyam/", "/kontakty/", sec]
    b.raw("/wp-sitemap-posts-page-1.xml", urlset(pages), "application/xml; charset=UTF-8")
    b.raw("/wp-sitemap-posts-post-1.xml", urlset([h for _, _, h in posts]), "application/xml; charset=UTF-8")
    b.raw("/wp-sitemap-taxonomies-category-1.xml", urlset(["/category/novosti/"]), "application/xml; charset=UTF-8")
    b.raw("/wp-sitemap-users-1.xml", urlset(["/author/admin/"]), "application/xml; charset=UTF-8")
    b.redirect("/sitemap.xml", own + "wp-sitemap.xml")
    return b.finish()


# --------------------------------------------------------------------------------------------- 68: mute links


def mute_sosh2(media: Media) -> Site:
    org = SOSH2
    sec = "/content/nastavnichestvo"
    menu = [
        ("Главная", "/", []),
        ("Сведения об образовательной организации", "/content/sveden", []),
        ("Наставничество", sec, []),
        ("Новости", "/content/news", []),
        ("Контакты", "/content/kontakty", []),
    ]
    b = Builder(media, "mute-sosh2", L.plain(org.full, menu, cls="constructor"))
    up = "/upload/docs/"
    reg = t.regulation_teachers(org, [])  # a Word file without the approval block: no «УТВЕРЖДЕНО», no order
    program = t.program(org, ["УТВЕРЖДАЮ", f"Директор ______ {org.head}", "01.09.2025"], year="2025-2026")
    report = t.monitoring_report(org, year="2024-2025", made_on="27.05.2025", title="Результаты мониторинга")
    pairs = t.pairs_order(
        org,
        date_text="03.09.2025",
        number="121",
        year="2025-2026",
        pairs=SCHOOL_PAIRS,
        curator="заместителя директора по УВР Морозову Ирину Геннадьевну",
    )
    pay = t.pay_amendment(org, ["УТВЕРЖДЕНО", "приказом директора от 01.09.2025 № 118"], number="2")
    b.doc(up + "5f3a9c1e.pdf", "pdf", reg, uploaded="29.08.2023")
    b.doc(up + "8c1d2e07.docx", "docx", program, uploaded="01.09.2025")
    b.doc(up + "a7b6c5d4.pdf", "pdf", report, uploaded="28.05.2025")
    b.doc(up + "d4e5f6a7.pdf", "pdf", pairs, uploaded="03.09.2025")
    b.doc(up + "b1c2d3e4.docx", "docx", pay, uploaded="01.09.2025")
    b.doc(up + "0e9f8a7b.pdf", "pdf", t.federal_r145(), uploaded="29.08.2023")
    b.raw("/img/icons/pdf.png", _tiny_png(), "image/png")
    body = (
        paras("Здесь размещены материалы о наставничестве педагогических работников школы.")
        + '<table class="files-table"><tr><th>Документ</th><th></th></tr>'
        + f'<tr><td>Документ от 28.08.2023</td><td><a href="{up}5f3a9c1e.pdf">Скачать</a></td></tr>'
        + f'<tr><td></td><td><a href="{up}8c1d2e07.docx" class="more">Подробнее</a></td></tr>'
        + f'<tr><td></td><td><a href="{up}0e9f8a7b.pdf">Скачать</a></td></tr></table>'
        + f'<p>Итоги прошлого года: <a href="{up}a7b6c5d4.pdf">файл (PDF, 245 КБ)</a></p>'
        + f'<p><a href="{up}d4e5f6a7.pdf" title=""><img src="/img/icons/pdf.png" alt="" width="32" height="32"></a>'
        + f' <a href="{up}b1c2d3e4.docx"><i class="fa fa-file-word-o" aria-hidden="true"></i></a></p>'
    )
    b.page(sec, "Наставничество", body)
    news = [(d, x, f"/content/news/{560 - i}") for i, (d, x) in enumerate(NOISE_NEWS[:8])]
    for d, x, h in news:
        b.page(h, x, f"<p><i>{d}</i></p>" + paras(x + "."))
    b.page("/content/news", "Новости", dated_news(news))
    b.page("/content/sveden", "Сведения об образовательной организации", paras(f"Полное наименование: {org.full}."))
    b.page("/content/kontakty", "Контакты", paras("г. Липовск, ул. Пушкина, 2."))
    b.page("/", "Главная", paras("Школа имени А.С. Пушкина.") + dated_news(news[:4]))
    b.robots("User-agent: *", "Disallow: /admin/")
    return b.finish()


def _tiny_png() -> bytes:
    import io

    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (32, 32), (200, 30, 30)).save(buf, format="PNG")
    return buf.getvalue()


# --------------------------------------------------------------------------------------------- 69 → 70: moved, 301


def ozersk_old(media: Media) -> Site:
    """The registry's address: the old domain, answering 301 to the new host for every path."""
    site = Site("ozersk-old", HOSTS["ozersk-old"])
    target = base("ozersk-new")

    def moved(path: str, query: str) -> Resource:
        location = target + quote(path.lstrip("/"), safe="/%-._~") + (f"?{query}" if query else "")
        body = (
            "<html><head><title>301 Moved Permanently</title></head><body><center><h1>301 Moved Permanently</h1>"
            "</center><hr><center>nginx/1.20.1</center></body></html>"
        )
        return Resource(body.encode(), status=301, headers={"Location": location, TEMPLATE: "1"})

    site.handlers.append(("/", moved))
    return site


def ozersk_new(media: Media) -> Site:
    org = OZERSK
    sec = "/metodicheskaya-rabota/nastavnichestvo/"
    menu = [
        ("Главная", "/", []),
        ("Сведения об образовательной организации", "/sveden/common/", []),
        (
            "Методическая работа",
            "/metodicheskaya-rabota/",
            [
                ("ШМО", "/metodicheskaya-rabota/shmo/"),
                ("Аттестация", "/metodicheskaya-rabota/attestatsiya/"),
                ("Наставничество", sec),
            ],
        ),
        ("Новости", "/news/", []),
        ("Контакты", "/contacts/", []),
    ]
    side = "<h4>Полезные ссылки</h4>" + ul(
        [("Госуслуги", "https://www.gosuslugi.ru/"), ("Электронный дневник", "https://dnevnik.ru/")]
    )
    b = Builder(media, "ozersk-new", L.plain(org.full, menu, side=side, cls="school-portal"))
    folder = "/files/nastavnichestvo/"
    moved_on = "20.10.2025"  # the files were copied to the new site then (Last-Modified), the documents are older
    reg = t.regulation_teachers(
        org,
        t.stamp(
            ["ПРИНЯТО", "педагогическим советом", "протокол № 6 от 17.05.2024"],
            ["УТВЕРЖДЕНО", "приказом директора", "от 20.05.2024 № 77"],
        ),
        title="о системе (целевой модели) наставничества педагогических работников",
    )
    program = t.program(
        org,
        t.stamp(
            ["СОГЛАСОВАНО", "методическим советом", "протокол № 1 от 30.08.2023"],
            ["УТВЕРЖДАЮ", f"Директор ______ {org.head}", "приказ № 60 от 31.08.2023"],
        ),
        year="2023-2024",
    )
    pairs = t.pairs_order(org, date_text="04.09.2023", number="64", year="2023-2024", pairs=SCHOOL_PAIRS[:2])
    basis = t.mentor_base(
        org,
        year="2023-2024",
        mentors=[
            ("Ершова Л.Н.", "учитель русского языка", "25 лет, высшая", "Сомова К.А."),
            ("Гришин В.П.", "учитель истории", "19 лет, первая", "Мартынов И.С."),
        ],
    )
    b.doc(folder + "polozhenie.odt", "odt", reg, uploaded=moved_on)
    b.doc(folder + "programma-2023-2024.pdf", "pdf", program, uploaded=moved_on)
    b.doc(folder + "prikaz-pary-2023-2024.pdf", "pdf", pairs, uploaded=moved_on)
    b.doc(folder + "baza-nastavnikov.docx", "docx", basis, uploaded=moved_on)
    old = base("ozersk-old")
    story = "/news/nedelya-molodogo-spetsialista/"
    b.page(
        story,
        "Неделя молодого специалиста",
        "<p><i>14.03.2024</i></p>"
        + paras(
            "С 11 по 15 марта в школе прошла неделя молодого специалиста. Молодые учителя Сомова К.А. и "
            "Мартынов И.С. дали открытые уроки, наставники Ершова Л.Н. и Гришин В.П. провели их разбор."
        ),
    )
    b.page(
        sec,
        "Наставничество",
        paras("Система наставничества педагогических работников Озёрской школы.")
        + f'<ul class="docs"><li><a href="{old}files/nastavnichestvo/polozhenie.odt">Положение о системе '
        "наставничества педагогических работников</a></li>"
        + f"<li>{a('Программа наставничества на 2023-2024 учебный год', folder + 'programma-2023-2024.pdf')}</li>"
        + "<li>"
        + a("Приказ о закреплении наставнических пар на 2023-2024 учебный год", folder + "prikaz-pary-2023-2024.pdf")
        + "</li>"
        + f'<li><a href="{old}files/nastavnichestvo/baza-nastavnikov.docx">База наставников</a></li></ul>'
        + "<h3>Новости по теме</h3>"
        + ul([("14.03.2024 Неделя молодого специалиста", story)]),
    )
    b.page(
        "/metodicheskaya-rabota/",
        "Методическая работа",
        ul(
            [
                ("ШМО", "/metodicheskaya-rabota/shmo/"),
                ("Аттестация", "/metodicheskaya-rabota/attestatsiya/"),
                ("Наставничество", sec),
            ]
        ),
    )
    b.page("/metodicheskaya-rabota/shmo/", "ШМО", paras("Школьные методические объединения."))
    b.page("/metodicheskaya-rabota/attestatsiya/", "Аттестация", paras("Аттестация педагогов."))
    b.page("/sveden/common/", "Основные сведения", paras(f"Полное наименование: {org.full}."))
    news = [(d, x, f"/news/{slug(x)}/") for d, x in NOISE_NEWS[:6]]
    for d, x, h in news:
        b.page(h, x, f"<p><i>{d}</i></p>" + paras(x + "."))
    b.page("/news/", "Новости", dated_news(news))
    b.page("/contacts/", "Контакты", paras("с. Озёрки, ул. Школьная, 1."))
    b.page("/", "Главная", paras("Наш сайт переехал на новый адрес. Добро пожаловать!") + dated_news(news[:3]))
    b.robots("User-agent: *", "Disallow: /admin/")
    return b.finish()


# --------------------------------------------------------------------------------------------- 71: windows-1251


def cp_ds3(media: Media) -> Site:
    org = DS3
    menu = [
        ("Главная", "index.php"),
        ("О детском саде", "about.php"),
        ("Сведения об образовательной организации", "sveden.php"),
        ("Наставничество", "nastavnichestvo.php"),
        ("Новости", "news.php"),
        ("Контакты", "contacts.php"),
    ]
    b = Builder(media, "cp-ds3", L.old_php(org.short, menu), encoding="cp1251")
    reg = t.regulation_teachers(
        NEIGHBOUR,  # copied from the neighbour's site: the text names «Детский сад № 8»
        t.stamp(
            ["ПРИНЯТО", "на педагогическом совете", "протокол № 3 от 10.02.2023"],
            ["УТВЕРЖДЕНО", "приказом заведующего", "от 14.02.2023 № 12"],
        ),
        title="о наставничестве",
    )
    order = t.model_order(
        org,
        date_text="14.02.2023",
        number="12",
        word="координатором",
        curator="старшего воспитателя Лебедеву Марину Ивановну",
        approves="Положение о наставничестве и дорожную карту на 2023-2026 годы",
    )
    roadmap = t.roadmap(
        org,
        ["Приложение 2 к приказу", "от 14.02.2023 № 12"],
        period="на 2023-2026 годы",
        rows=[
            ("Закрепление наставнических пар", "ежегодно, сентябрь", "заведующий"),
            ("Мастер-классы наставников", "ежегодно, ноябрь", "координатор"),
            ("Итоги реализации дорожной карты", "май 2026", "координатор"),
        ],
    )
    pairs = t.pairs_order(org, date_text="01.09.2025", number="41", year="2025-2026", pairs=DOU_PAIRS)
    basis = t.mentor_base(
        org,
        year="2025-2026",
        mentors=[
            ("Мельникова А.С.", "воспитатель", "21 год, высшая", "Кротова Е.А."),
            ("Харитонова В.Н.", "музыкальный руководитель", "30 лет, высшая", "Бойко А.Р."),
            ("Лебедева М.И.", "старший воспитатель", "26 лет, высшая", "—"),
        ],
    )
    files = {
        "Положение о наставничестве.pdf": ("pdf", reg, "15.02.2023"),
        "Приказ о внедрении ЦМН.pdf": ("pdf", order, "15.02.2023"),
        "Дорожная карта 2023-2026.pdf": ("pdf", roadmap, "15.02.2023"),
        "Приказ о закреплении пар 2025-2026.rtf": ("rtf", pairs, "02.09.2025"),
        "База наставников 2025-2026.pdf": ("pdf", basis, "01.10.2025"),
    }
    for name, (fmt, lines, day) in files.items():
        b.doc(f"/files/{name}", fmt, lines, seed=1, uploaded=day)
    links = "".join(
        f'<p><img src="img/doc.gif"> <a href="files/{name}" target="_blank">{esc(name.rsplit(".", 1)[0])}</a></p>'
        for name in files
    )
    b.page(
        "/nastavnichestvo.php",
        "Наставничество",
        paras(
            "В детском саду с 2023 года внедрена целевая модель наставничества педагогических работников. "
            "Координатор — старший воспитатель Лебедева Марина Ивановна."
        )
        + links,
    )
    b.page("/index.php", "Главная", paras("Добро пожаловать на сайт детского сада «Колокольчик»!"))
    b.page("/", "Главная", paras("Добро пожаловать на сайт детского сада «Колокольчик»!"))
    b.page("/about.php", "О детском саде", paras("В детском саду 6 групп, бассейн и музыкальный зал."))
    b.page("/sveden.php", "Сведения об образовательной организации", paras(f"Полное наименование: {org.full}."))
    b.page("/news.php", "Новости", "".join(f"<p><b>{d}</b> {esc(x)}</p>" for d, x in NOISE_NEWS[:5]))
    b.page("/contacts.php", "Контакты", paras("г. Липовск, ул. Мичурина, 3. Тел. 2-03-33."))
    b.raw("/style.css", "body{font-family:Tahoma}", "text/css")
    return b.finish()


# --------------------------------------------------------------------------------------------- 72: photos and scans


def _pages_of(lines: list[str], parts: int) -> list[list[str]]:
    """Split a text into `parts` pages holding about the same amount of text (a short line still takes a row)."""
    weight = [max(len(x), 60) for x in lines]
    share = sum(weight) / parts
    pages: list[list[str]] = [[]]
    filled = 0.0
    for line, w in zip(lines, weight, strict=True):
        if filled >= share * len(pages) and len(pages) < parts:
            pages.append([])
        pages[-1].append(line)
        filled += w
    return pages


def scan_ds7(media: Media) -> Site:
    org = DS7
    sec = "/pedagogam/nastavnichestvo/"
    menu = [
        ("Главная", "/", []),
        ("Сведения об образовательной организации", "/svedeniya/", []),
        ("Педагогам", "/pedagogam/", [("Методический кабинет", "/pedagogam/metod/"), ("Наставничество", sec)]),
        ("Фотогалерея", "/foto/", []),
        ("Контакты", "/kontakty/", []),
    ]
    b = Builder(media, "scan-ds7", L.plain(org.full, menu, cls="dou-site"))
    reg = t.regulation_teachers(
        org,
        t.stamp(
            ["ПРИНЯТО", "педагогическим советом", "протокол № 1 от 29.08.2025"],
            ["УТВЕРЖДЕНО", "приказом заведующего", "от 01.09.2025 № 64"],
        ),
        pay_reference=False,
    )
    gallery = "/upload/medialibrary/nastav/"
    photos = []
    for i, part in enumerate(_pages_of(reg, 3)):
        name = f"IMG_{2041 + i}.jpg"
        b.blob(gallery + name, media.doc("jpg", part, seed=21 + i), "image/jpeg", uploaded="03.09.2025")
        b.blob(gallery + "thumb/" + name, media.thumbnail(part, seed=21 + i), "image/jpeg", uploaded="03.09.2025")
        photos.append(
            f'<a data-fancybox="gallery-polozhenie" href="{gallery}{name}" class="gallery__item">'
            f'<img src="{gallery}thumb/{name}" width="160" alt=""></a>'
        )
    title_page = t.program(
        org,
        t.stamp(
            ["СОГЛАСОВАНО", "педагогическим советом", "протокол № 1 от 29.08.2025"],
            ["УТВЕРЖДЕНО", "приказом заведующего", "от 01.09.2025 № 65"],
        ),
        year="2025-2026",
        full=False,
    )
    phone = gallery + "IMG_20250915_101532.jpg"
    b.blob(phone, media.phone_photo(title_page, seed=5), "image/jpeg", uploaded="15.09.2025")
    pairs = t.pairs_order(org, date_text="02.09.2025", number="66", year="2025-2026", pairs=DOU_PAIRS)
    report = t.monitoring_report(org, year="2024-2025", made_on="29.05.2025", title="Отчёт о мониторинге")
    b.doc("/upload/iblock/prikaz-66-pary-2025-2026.pdf", "pdf_broken", pairs, seed=4, uploaded="03.09.2025")
    b.doc("/upload/iblock/otchet-monitoring-2024-2025.pdf", "pdf_scan", report, seed=6, uploaded="02.06.2025")
    body = (
        paras(
            "В детском саду реализуется система наставничества педагогических работников. Ниже — документы "
            "(сканы и фотографии страниц)."
        )
        + "<h3>Положение о системе наставничества педагогических работников</h3>"
        + f'<div class="gallery">{"".join(photos)}</div>'
        + "<h3>Программа наставничества на 2025-2026 учебный год</h3>"
        + f'<p><img src="{phone}" width="600" alt="Программа наставничества"></p>'
        + "<h3>Приказы и отчёты</h3>"
        + ul(
            [
                (
                    "Приказ о закреплении наставнических пар на 2025-2026 учебный год",
                    "/upload/iblock/prikaz-66-pary-2025-2026.pdf",
                ),
                (
                    "Отчёт о мониторинге реализации программы наставничества за 2024-2025 учебный год",
                    "/upload/iblock/otchet-monitoring-2024-2025.pdf",
                ),
            ]
        )
    )
    b.page(sec, "Наставничество", body)
    b.page("/pedagogam/", "Педагогам", ul([("Методический кабинет", "/pedagogam/metod/"), ("Наставничество", sec)]))
    b.page("/pedagogam/metod/", "Методический кабинет", paras("Консультации для педагогов по вторникам."))
    b.page("/svedeniya/", "Сведения об образовательной организации", paras(f"Полное наименование: {org.full}."))
    b.page("/foto/", "Фотогалерея", paras("Фотоальбомы: «Осенний утренник», «Новый год»."))
    b.page("/kontakty/", "Контакты", paras("г. Липовск, ул. Лесная, 7."))
    b.page("/", "Главная", paras("Детский сад «Светлячок» — территория детства."))
    b.robots("User-agent: *", "Disallow: /bitrix/")
    return b.finish()


# --------------------------------------------------------------------------------------------- 73: Tilda, cloud, 404


def tilda_cdo(media: Media) -> Site:
    org = CDO
    menu = [
        ("О центре", "/about"),
        ("Программы", "/programmy"),
        ("Наставничество", "/nastavnichestvo"),
        ("Сведения об ОО", "/sveden"),
        ("Контакты", "/contacts"),
    ]
    b = Builder(media, "tilda-cdo", L.tilda(org.short, menu))
    feed = [
        (
            "10.02.2026",
            "Школа молодого педагога: занятие «Как удержать внимание группы»",
            "/tpost/k3m2x1v9r1",
            "Третье занятие Школы молодого педагога провела наставник, педагог высшей категории Белова Д.И. "
            "Наставляемые разобрали приёмы смены видов деятельности на занятии.",
        ),
        (
            "24.11.2025",
            "Наставнические пары центра провели взаимопосещения",
            "/tpost/p8q7w6e5t4",
            "В ноябре молодые педагоги посетили занятия наставников в объединениях «Экология» и «Журналистика».",
        ),
    ]
    for d, x, h, text in feed:
        b.page(h, x, L.tilda_text(f"<p><b>{d}</b></p>" + paras(text), 10))
    blocks = (
        L.tilda_text(
            paras(
                "В центре действует система наставничества педагогических работников: опытные педагоги "
                "сопровождают коллег, впервые пришедших в дополнительное образование.",
                "Куратор наставничества — методист Белова Дарья Игоревна.",
            ),
            3,
        )
        + L.tilda_button(
            "Положение о наставничестве педагогических работников",
            "https://drive.google.com/file/d/1qZ7vR4mXbN2kT9sLp0aWcYdE3fGhJ5uI/view?usp=sharing",
            4,
        )
        + L.tilda_button(
            "Дорожная карта по наставничеству на 2025-2027 годы (Яндекс Диск)",
            "https://disk.yandex.ru/d/Hq3mT9xLw2RkPa",
            5,
        )
        + L.tilda_button(
            "Приказ о закреплении наставнических пар на 2025-2026 учебный год",
            "/upload/docs/prikaz-pary-2025-2026.pdf",
            6,
        )
        + '<div id="rec712345607" class="r t-rec" data-record-type="1002"><div class="t-feed" '
        'data-feed-uid="481234512345"><div class="t-feed__container"><h2 class="t-feed__title t-title">Новости '
        "наставничества</h2>"
        + "".join(
            f'<div class="t-feed__post"><div class="t-feed__post-date t-uptitle">{d}</div>'
            f'<div class="t-feed__post-title t-name">{esc(x)}</div><div class="t-feed__post-descr t-descr">'
            f'{esc(text[:100])}…</div><a class="t-feed__link" href="{href(h)}">Подробнее</a></div>'
            for d, x, h, text in feed
        )
        + "</div></div></div>"
    )
    b.page("/nastavnichestvo", "Наставничество", blocks)
    b.page(
        "/",
        "Центр дополнительного образования «Горизонт»",
        L.tilda_text(
            paras("Более 40 бесплатных программ для детей от 5 до 18 лет: техника, экология, журналистика, туризм."), 3
        ),
    )
    b.page("/about", "О центре", L.tilda_text(paras("Центр работает с 1999 года."), 3))
    b.page("/programmy", "Программы", L.tilda_text(paras("Запись на программы — через Навигатор."), 3))
    b.page("/sveden", "Сведения об образовательной организации", L.tilda_text(paras(org.full + "."), 3))
    b.page("/contacts", "Контакты", L.tilda_text(paras("г. Липовск, ул. Советская, 15."), 3))
    b.robots(
        "User-agent: *",
        "Disallow: /tilda/form1-",
        "Disallow: /tilda/popup",
        f"Host: {base('tilda-cdo')}",
        f"Sitemap: {base('tilda-cdo')}sitemap.xml",
    )
    b.sitemap(paths=["/", "/about", "/programmy", "/nastavnichestvo", "/sveden", "/contacts"])
    return b.finish()


# --------------------------------------------------------------------------------------------- 74: /file/card?id=N


def card_ds12(media: Media) -> Site:
    org = DS12
    sec = "/nastavnichestvo"
    menu = [
        ("Главная", "/"),
        ("Сведения об образовательной организации", "/sveden"),
        ("Целевая модель наставничества", sec),
        ("Новости", "/news"),
        ("Документы", "/documents"),
        ("Контакты", "/contacts"),
    ]
    b = Builder(media, "card-ds12", L.filecard(org.full, menu, "606310, г. Липовск, ул. Речная, 12"))
    reg = t.regulation_teachers(
        org,
        t.stamp(
            ["ПРИНЯТО", "общим собранием работников", "протокол № 2 от 08.09.2025"],
            ["УТВЕРЖДЕНО", "приказом заведующего", "от 10.09.2025 № 71-од"],
        ),
    )
    pairs = t.pairs_order(
        org,
        date_text="12.09.2025",
        number="73-од",
        year="2025-2026",
        pairs=DOU_PAIRS,
        pairs_in_appendix=True,
        pay_clause="Установить наставникам ежемесячную доплату в размере 3000 рублей из стимулирующей части "
        "фонда оплаты труда на период наставничества.",
    )
    plan = t.year_plan(org, ["УТВЕРЖДЁН", "приказом заведующего от 12.09.2025 № 73-од"], year="2025-2026")
    curator = t.curator_order(
        org, date_text="16.01.2023", number="5-од", curator="старшего воспитателя Головину Татьяну Николаевну"
    )
    monitoring = t.half_year_monitoring(org, year="2025-2026", made_on="15.12.2025")
    cards = [
        (
            2101,
            "Положение о системе наставничества педагогических работников",
            "pdf",
            reg,
            "10.09.2025",
            "Polozhenie_o_nastavnichestve.pdf",
        ),
        (2102, "Приказ о закреплении наставнических пар", "docx", pairs, "12.09.2025", "Prikaz_73-od.docx"),
        (
            2103,
            "План мероприятий по реализации целевой модели наставничества на 2025-2026 учебный год",
            "pdf",
            plan,
            "12.09.2025",
            "Plan_2025-2026.pdf",
        ),
        (2104, "Приказ о назначении куратора", "pdf", curator, "16.01.2023", "Prikaz_5-od.pdf"),
        (
            2105,
            "Распоряжение Минпросвещения России от 25.12.2019 № Р-145",
            "pdf",
            t.federal_r145(),
            "16.01.2023",
            "R-145.pdf",
        ),
        (
            2106,
            "Мониторинг реализации целевой модели наставничества в МБДОУ № 12 на 15.12.2025",
            "pdf",
            monitoring,
            "15.12.2025",
            "Monitoring_15.12.2025.pdf",
        ),
    ]
    items = []
    for n, title, fmt, lines, day, filename in cards:
        b.doc(
            f"/file/download?id={n}",
            fmt,
            lines,
            uploaded=day,
            headers={"Content-Disposition": f"attachment; filename*=UTF-8''{quote(filename)}"},
        )
        size = 180 + n % 97
        b.page(
            f"/file/card?id={n}",
            title,
            '<div class="file-card"><div class="file-card__meta">'
            f"<p>Формат: {fmt.upper()}, размер: {size} КБ</p><p>Дата размещения: {day}</p></div>"
            f'<a class="file-card__download btn btn-primary" href="/file/download?id={n}">Скачать</a></div>',
            in_sitemap=False,
        )
        items.append(
            f'<div class="doc-item"><a class="doc-item__link" href="/file/card?id={n}">{esc(title)}</a>'
            f'<span class="doc-item__date">{day}</span></div>'
        )
    b.page(
        sec,
        "Целевая модель наставничества",
        paras(
            "В детском саду внедрена целевая модель наставничества педагогических работников. Куратор — "
            "старший воспитатель Головина Татьяна Николаевна."
        )
        + f'<div class="docs-list">{"".join(items)}</div>',
    )
    b.page("/sveden", "Сведения об образовательной организации", paras(f"Полное наименование: {org.full}."))
    news = [(d, x, f"/news/{900 - i}") for i, (d, x) in enumerate(NOISE_NEWS[:5])]
    for d, x, h in news:
        b.page(h, x, f'<div class="news-date">{d}</div>' + paras(x + "."))
    b.page("/news", "Новости", dated_news(news))
    b.doc(
        "/file/download?id=1001",
        "pdf",
        t.generic(org, "Устав"),
        headers={"Content-Disposition": "attachment; filename*=UTF-8''Ustav.pdf"},
    )
    b.page(
        "/file/card?id=1001",
        "Устав",
        '<div class="file-card"><a class="file-card__download" href="/file/download?id=1001">Скачать</a></div>',
        in_sitemap=False,
    )
    b.page(
        "/documents",
        "Документы",
        '<div class="docs-list"><div class="doc-item"><a class="doc-item__link" '
        'href="/file/card?id=1001">Устав</a></div></div>',
    )
    b.page("/contacts", "Контакты", paras("г. Липовск, ул. Речная, 12."))
    b.page("/", "Главная", paras("Детский сад «Ручеёк» рад видеть вас!") + dated_news(news[:3]))
    b.page("/?vision=1", "Главная", paras("Детский сад «Ручеёк» рад видеть вас!"), in_sitemap=False)
    b.search_page("/search")
    b.robots("User-agent: *", "Disallow: /admin", f"Sitemap: {base('card-ds12')}sitemap.xml")
    b.sitemap()
    return b.finish()


# --------------------------------------------------------------------------------------------- 75 + 76: alias domain


def sosh5(media: Media) -> Site:
    """The new site: the menu item «Наставничество» leads to the old domain (the registry's alias)."""
    org = SOSH5
    old = base("sosh5-old")
    menu = [
        ("Главная", "/", []),
        ("Сведения об образовательной организации", "/sveden/", []),
        ("Новости", "/novosti/", []),
        (
            "Педагогам",
            "/pedagogam/",
            [("Наставничество", old + "index.php/nastavnichestvo"), ("Аттестация", "/pedagogam/attestatsiya/")],
        ),
        ("Архив старого сайта", old + "index.php", []),
    ]
    b = Builder(
        media,
        "sosh5",
        L.plain(org.full, menu, cls="new-site", footer="<p>Сайт переезжает: часть разделов пока на старом адресе.</p>"),
    )
    b.page(
        "/pedagogam/",
        "Педагогам",
        ul([("Наставничество", old + "index.php/nastavnichestvo"), ("Аттестация", "/pedagogam/attestatsiya/")]),
    )
    b.page("/pedagogam/attestatsiya/", "Аттестация", paras("Аттестация педагогических работников."))
    b.page("/sveden/", "Сведения об образовательной организации", paras(f"Полное наименование: {org.full}."))
    news = [(d, x, f"/novosti/{slug(x)}/") for d, x in NOISE_NEWS[:6]]
    for d, x, h in news:
        b.page(h, x, f"<p><i>{d}</i></p>" + paras(x + "."))
    b.page("/novosti/", "Новости", dated_news(news))
    b.page("/", "Главная", paras("Добро пожаловать на новый сайт школы № 5!") + dated_news(news[:4]))
    b.robots("User-agent: *", "Disallow: /admin/")
    return b.finish()


def sosh5_old(media: Media) -> Site:
    org = SOSH5
    sec = "/index.php/nastavnichestvo"
    menu = [
        ("Главная", "/index.php"),
        ("О школе", "/index.php/o-shkole"),
        ("Наставничество", sec),
        ("Документы", "/index.php/dokumenty"),
    ]
    b = Builder(media, "sosh5-old", L.joomla(org.short, menu, footer="<p>Новый сайт школы — по ссылке в шапке.</p>"))
    reg = t.regulation_teachers(
        org,
        t.stamp(
            ["ПРИНЯТО", "педагогическим советом", "протокол № 1 от 30.08.2022"],
            ["УТВЕРЖДЕНО", "приказом директора", "от 01.09.2022 № 95"],
        ),
    )
    order = [  # the Положение is published only inside the order, as its appendix
        *t.model_order(
            org,
            date_text="01.09.2022",
            number="95",
            curator="заместителя директора по УВР Орлову Наталью Викторовну",
            approves="Положение о системе наставничества педагогических работников (приложение 1) и дорожную карту "
            "на 2022-2024 годы (приложение 2)",
        ),
        "",
        "Приложение 1 к приказу от 01.09.2022 № 95",
        *reg,
    ]
    roadmap = t.roadmap(
        org,
        ["Приложение 2", "к приказу от 01.09.2022 № 95"],
        period="на 2022-2024 годы",
        rows=[
            ("Разработка локальных актов", "сентябрь 2022", "куратор"),
            ("Формирование базы наставников", "октябрь 2022", "куратор"),
            ("Итоговый педсовет по наставничеству", "май 2024", "директор"),
        ],
    )
    pairs = t.pairs_order(org, date_text="02.09.2025", number="133", year="2025-2026", pairs=SCHOOL_PAIRS)
    agreement = [
        "СОГЛАСОВАНО\tУТВЕРЖДАЮ",
        "Председатель профкома\tДиректор",
        "протокол № 2 от 25.08.2025\tприказ от 27.08.2025 № 128",
        "",
        "# Дополнительное соглашение № 2",
        f"# к коллективному договору {org.short} на 2023-2026 годы",
        "",
        "1. Раздел «Оплата труда» коллективного договора дополнить пунктом 6.12:",
        f"«6.12. {t.PAY_CLAUSE}»",
        "2. Дополнительное соглашение вступает в силу с 01.09.2025.",
    ]
    report = t.monitoring_report(org, year="2024-2025", made_on="28.05.2025", title="Отчёт о мониторинге")
    cat = "/index.php/dokumenty/category/3-nastavnichestvo"
    files = [
        (
            52,
            "prikaz-o-vnedrenii",
            "Приказ № 95 от 01.09.2022 «О внедрении системы наставничества»",
            "pdf",
            order,
            "02.09.2022",
        ),
        (53, "dorozhnaya-karta", "Дорожная карта на 2022-2024 годы", "pdf", roadmap, "02.09.2022"),
        (
            57,
            "prikaz-o-zakreplenii-par-2025",
            "Приказ о закреплении наставнических пар на 2025-2026 учебный год",
            "docx",
            pairs,
            "03.09.2025",
        ),
        (
            59,
            "dopsoglashenie-2",
            "Дополнительное соглашение № 2 к коллективному договору",
            "pdf",
            agreement,
            "28.08.2025",
        ),
        (
            60,
            "otchet-2024-2025",
            "Отчёт о мониторинге наставничества за 2024-2025 учебный год",
            "pdf",
            report,
            "29.05.2025",
        ),
    ]
    rows = []
    for n, alias, title, fmt, lines, day in files:
        url = f"{cat}?download={n}:{alias}"
        b.doc(url, fmt, lines, uploaded=day, headers={"Content-Disposition": f'attachment; filename="{alias}.{fmt}"'})
        rows.append((n, title, url, fmt))
    base_url = f"{cat}?download=58:baza-nastavnikov"
    b.blob(
        base_url,
        media.xlsx(
            f"База наставников {org.short} на 2025-2026 учебный год",
            ["№", "ФИО наставника", "Должность", "Стаж, категория", "Наставляемый", "Форма"],
            [
                [
                    "1",
                    "Климова Елена Викторовна",
                    "учитель математики",
                    "28 лет, высшая",
                    "Аксёнов Д.И.",
                    "педагог – педагог",
                ],
                [
                    "2",
                    "Журавлёва Ольга Ивановна",
                    "учитель начальных классов",
                    "31 год, высшая",
                    "Лыкова П.С.",
                    "педагог – педагог",
                ],
                [
                    "3",
                    "Селезнёв Андрей Павлович",
                    "учитель физики",
                    "17 лет, первая",
                    "Панова В.А.",
                    "педагог – педагог",
                ],
            ],
        ),
        "application/octet-stream",
        uploaded="04.09.2025",
    )
    rows.insert(4, (58, "База наставников", base_url, "xlsx"))
    listing = (
        '<div id="phoca-dl-category-box" class="pd-category-view"><div class="pd-category">'
        '<h3 class="pd-ctitle">Документы по наставничеству</h3>'
        + "".join(
            '<div class="pd-filebox"><div class="pd-filename"><div class="pd-document16" style="background: '
            f"url('/media/com_phocadownload/images/mime/16/icon-{fmt}.png') 0 center no-repeat;\">"
            f'<div class="pd-float"><a href="{href(url)}">{esc(title)}</a></div></div></div>'
            '<div class="pd-buttons"><div class="pd-button-download">'
            f'<a class="btn btn-success" href="{href(url)}">Скачать</a></div></div></div>'
            for _, title, url, fmt in rows
        )
        + "</div></div>"
    )
    b.page(
        sec,
        "Наставничество",
        paras(
            "В школе действует система наставничества педагогических работников. Куратор — заместитель "
            "директора по УВР Орлова Наталья Викторовна."
        )
        + listing,
    )
    b.page(
        "/index.php/dokumenty",
        "Документы",
        ul([("Документы по наставничеству", sec), ("Устав", "/images/docs/ustav.pdf")]),
    )
    b.doc("/images/docs/ustav.pdf", "pdf", t.generic(org, "Устав"), uploaded="15.01.2021")
    b.page("/index.php/o-shkole", "О школе", paras("Школа основана в 1937 году."))
    b.page(
        "/index.php",
        "Главная",
        paras("Старый сайт школы. Новый сайт: ") + f'<p><a href="{base("sosh5")}">Перейти на новый сайт</a></p>',
    )
    b.page("/", "Главная", paras("Старый сайт школы."))
    b.robots("User-agent: *", "Disallow: /administrator/", "Disallow: /tmp/")
    return b.finish()


# --------------------------------------------------------------------------------------------- 77: sports school


def dyussh(media: Media) -> Site:
    org = DYUSSH
    menu = [
        ("Главная", "/", []),
        (
            "О школе",
            "/o-shkole/",
            [("Сведения об образовательной организации", "/sveden/"), ("Тренерский состав", "/o-shkole/trenery/")],
        ),
        (
            "Отделения",
            "/otdeleniya/",
            [
                ("Футбол", "/otdeleniya/futbol/"),
                ("Лыжные гонки", "/otdeleniya/lyzhi/"),
                ("Самбо", "/otdeleniya/sambo/"),
            ],
        ),
        ("Документы", "/dokumenty/", []),
        ("Новости", "/novosti/", []),
        ("Контакты", "/kontakty/", []),
    ]
    b = Builder(media, "dyussh", L.plain(org.full, menu, cls="sport"))
    docs = [
        ("Устав", t.generic(org, "Устав")),
        (
            "Правила приёма на обучение по дополнительным образовательным программам спортивной подготовки",
            t.generic(org, "Правила приёма на обучение"),
        ),
        ("Положение о тренерском совете", t.generic(org, "Положение о тренерском совете")),
        (
            "Положение об оплате труда работников",
            t.pay_regulation(org, ["УТВЕРЖДЕНО", "приказом директора от 10.01.2025 № 3"], mentoring=False),
        ),
        (
            "Календарный план спортивных мероприятий на 2026 год",
            t.generic(org, "Календарный план спортивных мероприятий на 2026 год", kind="plan"),
        ),
        (
            "Отчёт о результатах самообследования за 2025 год",
            t.generic(org, "Отчёт о результатах самообследования за 2025 год", kind="report"),
        ),
    ]
    links = []
    for i, (title, lines) in enumerate(docs):
        path = f"/upload/dokumenty/{slug(title)[:40]}.pdf"
        b.doc(path, "pdf", lines, seed=i, uploaded="15.01.2025")
        links.append((title, path))
    b.page("/dokumenty/", "Документы", ul(links))
    news = [
        (
            "18.03.2026",
            "Тренер-наставник подготовил призёра первенства области по самбо",
            "Воспитанник отделения самбо завоевал серебро первенства области. Его тренер-наставник — К.Е. Громов — "
            "готовит спортсменов более 20 лет.",
        ),
        (
            "12.11.2025",
            "Наши тренеры — наставники юных спортсменов",
            "Тренеры-преподаватели школы рассказали, как помогают юным футболистам совмещать учёбу и спорт.",
        ),
        ("25.01.2026", "Лыжная гонка «Рождественская»", "Более 120 участников вышли на старт."),
        ("02.09.2025", "Набор в группы начальной подготовки", "Приглашаем детей с 7 лет."),
    ]
    items = []
    for i, (d, x, text) in enumerate(news):
        h = f"/novosti/{410 - i}/"
        b.page(h, x, f"<p><i>{d}</i></p>" + paras(text))
        items.append((d, x, h))
    b.page("/novosti/", "Новости", dated_news(items))
    b.page("/o-shkole/", "О школе", paras("Спортивная школа основана в 1968 году."))
    b.page("/o-shkole/trenery/", "Тренерский состав", paras("В школе работают 14 тренеров-преподавателей."))
    b.page("/sveden/", "Сведения об образовательной организации", paras(f"Полное наименование: {org.full}."))
    b.page("/otdeleniya/", "Отделения", paras("Футбол, лыжные гонки, самбо."))
    for h, x in (
        ("/otdeleniya/futbol/", "Футбол"),
        ("/otdeleniya/lyzhi/", "Лыжные гонки"),
        ("/otdeleniya/sambo/", "Самбо"),
    ):
        b.page(h, x, paras(f"Отделение «{x}»: расписание тренировок."))
    b.page("/kontakty/", "Контакты", paras("г. Липовск, ул. Спортивная, 1."))
    b.page("/", "Главная", paras("Липовская спортивная школа.") + dated_news(items[:3]))
    b.robots("User-agent: *", "Disallow: /admin/")
    return b.finish()


# --------------------------------------------------------------------------------------------- 78: stub section


def vishnevo(media: Media) -> Site:
    org = VISHNEVO
    sec = "/pedagogam-i-sotrudnikam/nastavnichestvo"
    groups = [
        (
            "Сведения об образовательной организации",
            "/svedeniya-ob-obrazovatelnoy-organizatsii",
            [(n, f"/svedeniya-ob-obrazovatelnoy-organizatsii/{slug(n)}") for n in GW_SVEDEN],
        ),
        (
            "Педагогам и сотрудникам",
            "/pedagogam-i-sotrudnikam",
            [("Методическая работа", "/pedagogam-i-sotrudnikam/metodicheskaya-rabota"), ("Наставничество", sec)],
        ),
        ("Родителям", "/roditelyam", [(n, f"/roditelyam/{slug(n)}") for n in GW_PARENTS[:6]]),
        ("Пресс-центр", "/press-tsentr", [("Новости", "/press-tsentr/novosti")]),
    ]
    b = Builder(media, "vishnevo-oosh", L.gosweb(org.full, groups, "+7 (83166) 4-51-18", "п. Вишнёвый, ул. Мира, 8"))
    for label, root, kids in groups:
        b.page(root, label, ul(kids, "gw-list"))
        for name, h in kids:
            if h not in (sec, "/press-tsentr/novosti"):
                b.page(h, name, paras(f"Раздел «{name}»."))
    b.page(sec, "Наставничество", '<div class="gw-text">' + paras("Раздел находится в стадии наполнения.") + "</div>")
    news = [(d, x, f"/press-tsentr/novosti/{70 - i}") for i, (d, x) in enumerate(NOISE_NEWS[:5])]
    for d, x, h in news:
        b.page(h, x, f'<div class="gw-news-date">{d}</div>' + paras(x + "."))
    b.page("/press-tsentr/novosti", "Новости", dated_news(news))
    b.page("/", "Главная", paras("Вишнёвская основная школа.") + dated_news(news[:3]))
    b.page("/?special=1", "Главная", paras("Вишнёвская основная школа."), in_sitemap=False)
    b.search_page("/search")
    b.robots("User-agent: *", "Disallow: /search", f"Sitemap: {base('vishnevo-oosh')}sitemap.xml")
    b.sitemap()
    return b.finish()


BUILDERS: dict[str, Callable[[Media], Site]] = {
    "gw-sosh3": gw_sosh3,
    "bx-gymn1": bx_gymn1,
    "jm-ds5": jm_ds5,
    "bx-ddt": bx_ddt,
    "sosh7": sosh7,
    "ucoz-krasnoe": ucoz_krasnoe,
    "js-ds14": js_ds14,
    "wp-ds9": wp_ds9,
    "mute-sosh2": mute_sosh2,
    "ozersk-old": ozersk_old,
    "ozersk-new": ozersk_new,
    "cp-ds3": cp_ds3,
    "scan-ds7": scan_ds7,
    "tilda-cdo": tilda_cdo,
    "card-ds12": card_ds12,
    "sosh5": sosh5,
    "sosh5-old": sosh5_old,
    "dyussh": dyussh,
    "vishnevo-oosh": vishnevo,
}
assert set(BUILDERS) == set(HOSTS)


def build_all(cache: DocCache | None = None) -> dict[str, Site]:
    media = Media(cache or DocCache())
    return {key: build(media) for key, build in BUILDERS.items()}
