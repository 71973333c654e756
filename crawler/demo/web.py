"""Building blocks of the demo sites: resources, site themes imitating real school-site platforms.

A site is a table of resources keyed by the decoded request path (+ "?query"), plus a few dynamic handlers
(an endless calendar, a huge streamed file). Themes produce full pages with menus, breadcrumbs, news and
footers, so that a crawler meets the noise of a real site.
"""

from __future__ import annotations

import html
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from email.utils import format_datetime
from urllib.parse import quote

from crawler.demo import docgen
from crawler.demo.docgen import FIXED_TIME

MIME = {
    "pdf": "application/pdf",
    "pdf_scan": "application/pdf",
    "pdf_broken": "application/pdf",
    "jpg": "image/jpeg",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "odt": "application/vnd.oasis.opendocument.text",
    "rtf": "application/rtf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "doc": "application/msword",
    "html": "text/html; charset=utf-8",
    "txt": "text/plain; charset=utf-8",
}
EXT = {"pdf_scan": "pdf", "pdf_broken": "pdf"}
LAST_MODIFIED = format_datetime(FIXED_TIME, usegmt=True)


class DocCache:
    """Rendered documents keyed by (format, text, seed), shared by both variants of the farm.

    Rendering a PDF costs ~0.3 s (font subsetting), so documents are rendered on first request (or by a
    warm-up thread) and never twice.
    """

    def __init__(self) -> None:
        self._data: dict[tuple[str, tuple[str, ...], int], bytes] = {}
        self._locks: dict[tuple[str, tuple[str, ...], int], threading.Lock] = {}
        self._guard = threading.Lock()

    def render(self, fmt: str, lines: list[str], seed: int) -> bytes:
        key = (fmt, tuple(lines), seed)
        with self._guard:
            if key in self._data:
                return self._data[key]
            lock = self._locks.setdefault(key, threading.Lock())
        with lock:  # one thread renders, the others wait for its result
            if key not in self._data:
                data = docgen.render(fmt, lines, seed=seed)
                with self._guard:
                    self._data[key] = data
            return self._data[key]


@dataclass
class Resource:
    """One answer of a site: a body in memory, a body rendered on demand, or a streamed generator."""

    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    stream: Callable[[], Iterator[bytes]] | None = None
    length: int | None = None
    factory: Callable[[], bytes] | None = None

    def get_body(self) -> bytes:
        return self.factory() if self.factory is not None else self.body


Handler = Callable[[str, str], Resource | None]  # (path, query) -> resource or None


@dataclass(frozen=True)
class MenuItem:
    label: str
    href: str
    children: tuple[MenuItem, ...] = ()


@dataclass
class Site:
    org_id: str
    host_index: int
    routes: dict[str, Resource] = field(default_factory=dict)
    handlers: list[tuple[str, Handler]] = field(default_factory=list)  # (path prefix, handler)
    delay: float = 0.0
    not_found: Resource | None = None

    def resolve(self, path: str, query: str) -> Resource | None:
        key = path + ("?" + query if query else "")
        found = self.routes.get(key)
        if found is not None:
            return found
        for prefix, handler in self.handlers:
            if path.startswith(prefix):
                res = handler(path, query)
                if res is not None:
                    return res
        return None


@dataclass(frozen=True)
class Theme:
    """The look of a platform: class names, wrapper markup, footer text."""

    name: str
    generator: str
    footer_note: str


THEMES = {
    "gosweb": Theme("gosweb", "Госвеб", "Сайт создан на платформе «Госвеб» (Конструктор сайтов Госуслуг)"),
    "filecard": Theme("filecard", "Конструктор сайтов образовательных организаций", "Конструктор сайтов ОО"),
    "ucoz": Theme("ucoz", "uCoz", "Хостинг от uCoz"),
    "wordpress": Theme("wordpress", "WordPress 6.4.3", "Сайт работает на WordPress"),
    "joomla": Theme("joomla", "Joomla! - Open Source Content Management", "Работает на Joomla!"),
    "simplecms": Theme("simplecms", "SchoolCMS 2.1", "Сайт разработан в SchoolCMS"),
    "edusite": Theme("edusite", "E-Publish", "Конструктор edusite"),
}


def _attr(value: str) -> str:
    """Escape an attribute value ("&" → "&amp;"), as real CMSes write query-string links."""
    return html.escape(value, quote=True)


def href_of(path: str, *, raw: bool = False) -> str:
    """A link as sites write it: Cyrillic percent-encoded (the usual case) or raw."""
    return path if raw else quote(path, safe="/?=&%:#-._~")


class SiteBuilder:
    """Collects the pages and files of one site and wraps pages in its platform theme."""

    def __init__(
        self,
        cache: DocCache,
        org_id: str,
        host_index: int,
        *,
        theme: str,
        name: str,
        short: str,
        menu: list[MenuItem],
        address: str,
        phone: str,
        news: list[tuple[str, str, str]] | None = None,
        encoding: str = "utf-8",
    ) -> None:
        self.site = Site(org_id, host_index)
        self.cache = cache
        self.theme = THEMES[theme]
        self.name = name
        self.short = short
        self.menu = menu
        self.address = address
        self.phone = phone
        self.news = news or []  # (date, title, href) shown in the sidebar
        self.encoding = encoding
        self.sitemap: list[str] = []

    # ------------------------------------------------------------------ pages
    def page(
        self,
        path: str,
        title: str,
        body: str,
        *,
        crumbs: list[tuple[str, str]] | None = None,
        charset_in: str = "both",
        in_sitemap: bool = True,
        home_extra: str = "",
    ) -> None:
        """Add an HTML page; `charset_in` is where the charset is declared: header, meta, both or none."""
        doc = self.render_page(title, body, crumbs=crumbs, charset_in=charset_in, home_extra=home_extra)
        ctype = "text/html" + (f"; charset={self._charset_name()}" if charset_in in ("header", "both") else "")
        self.site.routes[path] = Resource(
            doc.encode(self.encoding, "xmlcharrefreplace"), ctype, headers={"Cache-Control": "no-cache"}
        )
        if in_sitemap:
            self.sitemap.append(path)

    def _charset_name(self) -> str:
        return "windows-1251" if self.encoding == "cp1251" else "utf-8"

    def render_page(
        self,
        title: str,
        body: str,
        *,
        crumbs: list[tuple[str, str]] | None = None,
        charset_in: str = "both",
        home_extra: str = "",
    ) -> str:
        meta = f'<meta charset="{self._charset_name()}">' if charset_in in ("meta", "both") else ""
        if self.theme.name == "ucoz" and meta:
            meta = f'<meta http-equiv="content-type" content="text/html; charset={self._charset_name()}">'
        crumbs_html = ""
        if crumbs:
            items = [f'<a href="{_attr(href_of(h))}">{html.escape(t)}</a>' for t, h in crumbs]
            crumbs_html = f'<div class="breadcrumbs">{" › ".join(items)} › <span>{html.escape(title)}</span></div>'
        news_html = "".join(
            f'<li><span class="date">{d}</span> <a href="{_attr(href_of(h))}">{html.escape(t)}</a></li>'
            for d, t, h in self.news[:5]
        )
        menu_html = self._menu_html(self.menu, top=True)
        head = (
            f'<!DOCTYPE html>\n<html lang="ru">\n<head>\n{meta}\n<title>{html.escape(title)} — '
            f"{html.escape(self.short)}</title>\n"
            f'<meta name="generator" content="{html.escape(self.theme.generator)}">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<link rel="stylesheet" href="/static/{self.theme.name}.css">\n</head>\n'
        )
        header = (
            f'<body class="{self.theme.name}">\n<a class="skip" href="#content">Перейти к содержанию</a>\n'
            '<div class="topbar"><a href="/special/">Версия для слабовидящих</a> '
            '<a href="/search/">Поиск</a></div>\n'
            f'<header><a class="logo" href="/"><img src="/static/logo.png" alt="Логотип"></a>'
            f'<div class="site-title">{html.escape(self.name)}</div></header>\n'
        )
        nav = f'<nav class="main-menu {self.theme.name}-menu">{menu_html}</nav>\n'
        main = f'<main id="content">{crumbs_html}\n<h1>{html.escape(title)}</h1>\n{home_extra}{body}\n</main>\n'
        aside = f'<aside class="sidebar"><h3>Новости</h3><ul class="news-mini">{news_html}</ul>' + (
            '<div class="banners"><a href="https://www.gosuslugi.ru/"><img src="/static/gosuslugi.png" '
            'alt="Госуслуги"></a> <a href="https://bus.gov.ru/"><img src="/static/busgov.png" '
            'alt="Результаты независимой оценки качества"></a></div></aside>\n'
        )
        footer = (
            f"<footer><p>{html.escape(self.name)}</p><p>Адрес: {html.escape(self.address)}. "
            f"Телефон: {html.escape(self.phone)}</p>"
            '<p><a href="/sitemap-page/">Карта сайта</a> · <a href="/privacy/">Политика конфиденциальности</a> · '
            '<a href="https://obrnadzor.gov.ru/">Рособрнадзор</a> · '
            '<a href="https://vk.com/tonkino_edu">Мы ВКонтакте</a></p>'
            f'<p class="copy">© 2012–2026. {html.escape(self.theme.footer_note)}</p></footer>\n</body>\n</html>\n'
        )
        return head + header + nav + main + aside + footer

    def _menu_html(self, items: list[MenuItem] | tuple[MenuItem, ...], *, top: bool = False) -> str:
        cls = {
            "gosweb": "gw-menu__item",
            "wordpress": "menu-item",
            "joomla": "item",
            "ucoz": "uMenuItem",
        }.get(self.theme.name, "menu-item")
        lis = []
        for item in items:
            sub = f'<ul class="sub-menu">{self._menu_html(item.children)}</ul>' if item.children else ""
            extra = " has-children" if item.children else ""
            link = f'<a href="{_attr(href_of(item.href))}">{html.escape(item.label)}</a>'
            lis.append(f'<li class="{cls}{extra}">{link}{sub}</li>')
        inner = "".join(lis)
        return f'<ul class="menu">{inner}</ul>' if top else inner

    # ------------------------------------------------------------------ files
    def file(
        self,
        path: str,
        fmt: str,
        lines: list[str],
        *,
        seed: int = 0,
        headers: dict[str, str] | None = None,
    ) -> None:
        """A document rendered lazily (on first request) through the shared cache."""
        frozen = list(lines)
        self.site.routes[path] = Resource(
            content_type=MIME[fmt],
            headers={"Last-Modified": LAST_MODIFIED, **(headers or {})},
            factory=lambda: self.cache.render(fmt, frozen, seed),
        )

    def raw_file(self, path: str, data: bytes, ctype: str, *, headers: dict[str, str] | None = None) -> None:
        self.site.routes[path] = Resource(data, ctype, headers={"Last-Modified": LAST_MODIFIED, **(headers or {})})

    def static(self) -> None:
        """Stylesheet, logo and banner images every page refers to, robots.txt."""
        self.raw_file(f"/static/{self.theme.name}.css", b"body{font-family:sans-serif}\n", "text/css")
        png = _tiny_png()
        for name in ("logo.png", "gosuslugi.png", "busgov.png", "banner-nastavnik.png", "banner-leto.png"):
            self.raw_file(f"/static/{name}", png, "image/png")

    def robots(self, disallow: list[str] | None = None, *, sitemap: bool) -> None:
        lines = ["User-agent: *", *[f"Disallow: {d}" for d in disallow or []]]
        if sitemap:
            lines.append("Sitemap: {BASE}sitemap.xml")
        body = ("\n".join(lines) + "\n").encode()
        self.raw_file("/robots.txt", body, "text/plain; charset=utf-8", headers={"X-Base-Template": "1"})

    def write_sitemap(self, base_placeholder: str = "{BASE}") -> None:
        """sitemap.xml with absolute URLs; the farm substitutes the live base URL when serving."""
        urls = "".join(
            f"<url><loc>{base_placeholder}{html.escape(href_of(p).lstrip('/'))}</loc></url>" for p in self.sitemap
        )
        body = (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>\n'
        )
        self.raw_file("/sitemap.xml", body.encode(), "application/xml", headers={"X-Base-Template": "1"})

    def set_404(self) -> None:
        body = self.render_page(
            "Страница не найдена",
            '<p>Ошибка 404. Запрашиваемая страница не найдена. Вернуться на <a href="/">главную</a>.</p>',
        )
        self.site.not_found = Resource(
            body.encode(self.encoding, "xmlcharrefreplace"), f"text/html; charset={self._charset_name()}", status=404
        )

    def finish(self, *, sitemap: bool, disallow: list[str] | None = None) -> Site:
        self.static()
        self.robots(disallow, sitemap=sitemap)
        if sitemap:
            self.write_sitemap()
        self.set_404()
        return self.site


def _tiny_png() -> bytes:
    import io

    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (8, 8), (40, 90, 160)).save(buf, format="PNG")
    return buf.getvalue()


def doc_list(items: list[tuple[str, str]]) -> str:
    """An HTML list of document links (title, href), as sites show files."""
    lis = "".join(f'<li><a href="{_attr(h)}">{html.escape(t)}</a></li>' for t, h in items)
    return f'<ul class="docs">{lis}</ul>'


def news_block(items: list[tuple[str, str, str]]) -> str:
    """A news feed: (date, title, href)."""
    return "".join(
        f'<div class="news-item"><span class="date">{d}</span> <a href="{_attr(href_of(h))}">{html.escape(t)}</a></div>'
        for d, t, h in items
    )


def paras(*texts: str) -> str:
    return "".join(f"<p>{html.escape(t)}</p>" for t in texts)
