"""Page markup of the platforms the second held-out district imitates.

Each factory returns `layout(title, body) -> full HTML`. The markup follows what these platforms put on real school
sites (class names, wrappers, widgets, footers), so that a crawler meets their noise: Госвеб with a mega-menu
repeated in the footer, 1C-Bitrix, Joomla, WordPress, uCoz, Tilda, a regional constructor with file cards, a
script-built menu, an old table-based PHP site.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable
from urllib.parse import quote

Page = Callable[[str, str], str]
Menu = list[tuple[str, str, list[tuple[str, str]]]]  # (label, href, children)


def esc(s: str) -> str:
    return html.escape(s, quote=True)


def href(path: str) -> str:
    """A link as CMSes write it: Cyrillic percent-encoded, `&` escaped in the attribute."""
    return esc(quote(path, safe="/?=&%:#-._~{}"))


def a(text: str, path: str, cls: str = "") -> str:
    c = f' class="{cls}"' if cls else ""
    return f'<a{c} href="{href(path)}">{esc(text)}</a>'


def ul(items: list[tuple[str, str]], cls: str = "") -> str:
    c = f' class="{cls}"' if cls else ""
    return f"<ul{c}>" + "".join(f"<li>{a(t, h)}</li>" for t, h in items) + "</ul>"


def paras(*texts: str) -> str:
    return "".join(f"<p>{esc(t)}</p>" for t in texts)


# --------------------------------------------------------------------------------------------- Госвеб


def gosweb(name: str, groups: Menu, phone: str, address: str) -> Page:
    """Госвеб: top links open a mega-menu with every subsection; the footer repeats the whole menu."""

    def columns(prefix: str) -> str:
        out = []
        for label, h, kids in groups:
            items = "".join(f'<li class="{prefix}__item">{a(x, y, prefix + "__link")}</li>' for x, y in kids)
            out.append(
                f'<div class="{prefix}__col"><div class="{prefix}__title">{a(label, h)}</div>'
                f'<ul class="{prefix}__list">{items}</ul></div>'
            )
        return "".join(out)

    top = "".join(
        f'<li class="gw-header-nav__item"><button class="gw-header-nav__btn" type="button" '
        f'data-megamenu="m{i}">{esc(label)}</button></li>'
        for i, (label, _, _) in enumerate(groups)
    )
    mega = f'<div class="gw-megamenu" hidden><div class="gw-megamenu__inner">{columns("gw-megamenu")}</div></div>'
    footer_menu = f'<div class="gw-footer-menu">{columns("gw-footer-menu")}</div>'

    def layout(title: str, body: str) -> str:
        return (
            '<!DOCTYPE html><html lang="ru"><head><meta charset="UTF-8">'
            f"<title>{esc(title)} | {esc(name)}</title>"
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            '<link rel="stylesheet" href="/template/gosweb/css/main.min.css">'
            '<script src="/template/gosweb/js/vendor.min.js" defer></script></head>'
            '<body class="gw-body"><div class="gw-visually-impaired"><a href="/?special=1">Версия для слабовидящих'
            "</a></div>"
            '<header class="gw-header"><div class="gw-header__top"><a class="gw-header__logo" href="/">'
            '<img src="/template/gosweb/img/gerb.svg" alt="Герб"></a>'
            f'<div class="gw-header__name">{esc(name)}</div>'
            '<form class="gw-search" action="/search" method="get"><input name="q" placeholder="Поиск по сайту">'
            "</form></div>"
            f'<nav class="gw-header-nav"><ul class="gw-header-nav__list">{top}</ul></nav>{mega}</header>'
            '<main class="gw-main"><div class="gw-container"><div class="gw-breadcrumbs"><a href="/">Главная</a>'
            f" / <span>{esc(title)}</span></div>"
            f'<h1 class="gw-title">{esc(title)}</h1><div class="gw-content">{body}</div></div></main>'
            f'<footer class="gw-footer"><div class="gw-container">{footer_menu}'
            f'<div class="gw-footer__contacts"><p>{esc(address)}</p><p>Телефон: {esc(phone)}</p></div>'
            '<div class="gw-footer__links"><a href="https://www.gosuslugi.ru/">Госуслуги</a> '
            '<a href="https://edu.gov.ru/">Минпросвещения России</a> <a href="https://obrnadzor.gov.ru/">'
            "Рособрнадзор</a></div>"
            '<p class="gw-footer__copy">Сайт создан на платформе «Госвеб»</p></div></footer>'
            '<script src="https://pos.gosuslugi.ru/bin/script.min.js"></script></body></html>'
        )

    return layout


def gw_documents(items: list[tuple[str, str, str]]) -> str:
    """Госвеб «Документы» widget: (title, href, info such as «pdf, 312 Кб, 02.09.2024»)."""
    return (
        '<div class="gw-documents">'
        + "".join(
            f'<div class="gw-document"><a class="gw-document__link" href="{href(h)}" target="_blank">'
            f'<span class="gw-document__icon gw-document__icon--{esc(info.split(",")[0])}"></span>'
            f'<span class="gw-document__title">{esc(t)}</span><span class="gw-document__info">{esc(info)}</span></a>'
            "</div>"
            for t, h, info in items
        )
        + "</div>"
    )


# --------------------------------------------------------------------------------------------- 1C-Bitrix


def bitrix(name: str, menu: Menu, address: str) -> Page:
    def nav() -> str:
        out = []
        for label, h, kids in menu:
            sub = ""
            if kids:
                sub = (
                    '<ul class="bx-nav-list-2-lvl">'
                    + "".join(
                        f'<li class="bx-nav-2-lvl"><a href="{href(y)}"><span class="bx-nav-2-lvl-link-text">{esc(x)}'
                        "</span></a></li>"
                        for x, y in kids
                    )
                    + "</ul>"
                )
            arrow = '<i class="fa fa-angle-down"></i>' if kids else ""
            out.append(
                f'<li class="bx-nav-1-lvl bx-nav-list-{1 if kids else 0}-col" data-role="bx-menu-item">'
                f'<a href="{href(h)}"><span class="bx-nav-1-lvl-link-text">{esc(label)}{arrow}</span></a>{sub}</li>'
            )
        return (
            '<div class="bx-top-nav bx-site" id="catalog_menu_LkGdQn"><nav class="bx-top-nav-container" '
            f'id="cont_catalog_menu_LkGdQn"><ul class="bx-nav-list-1-lvl" id="ul_catalog_menu_LkGdQn">'
            f"{''.join(out)}</ul></nav></div>"
        )

    navigation = nav()

    def layout(title: str, body: str) -> str:
        return (
            '<!DOCTYPE html><html xml:lang="ru" lang="ru"><head>'
            '<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">'
            f"<title>{esc(title)}</title>"
            '<link href="/bitrix/cache/css/s1/eshop_bootstrap_v4/template_5f1c2a/template_5f1c2a.css" '
            'rel="stylesheet"><script src="/bitrix/js/main/core/core.min.js?1703213401223612"></script></head>'
            '<body class="bx-background-image bx-theme-blue"><div id="panel"></div><div class="bx-wrapper" '
            'id="bx_eshop_wrap"><header class="bx-header"><div class="bx-header-section container"><div '
            f'class="bx-logo"><a class="bx-logo-block" href="/"><span>{esc(name)}</span></a></div></div>'
            f"{navigation}</header>"
            '<div class="workarea"><div class="container bx-content-seection"><div class="bx-breadcrumb" '
            'itemprop="http://schema.org/breadcrumb"><div class="bx-breadcrumb-item"><a href="/">Главная</a></div>'
            f'</div><h1 class="bx-title dbg_title" id="pagetitle">{esc(title)}</h1>'
            f'<div class="bx-content">{body}</div></div></div>'
            f'<footer class="bx-footer"><div class="bx-footer-section"><p>{esc(address)}</p>'
            f"<p>© 2014–2026 {esc(name)}</p>"
            '<p><a href="/search/">Поиск</a> · <a href="/map/">Карта сайта</a></p></div></footer></div>'
            "</body></html>"
        )

    return layout


def bitrix_pager(base: str, page: int, pages: int) -> str:
    """The «round» pager of a Bitrix news list: numbers, «Предыдущая страница», «Следующая страница»."""
    items = []
    if page > 1:
        prev = base if page == 2 else f"{base}?PAGEN_1={page - 1}"
        items.append(f'<li class="bx-pag-prev"><a href="{href(prev)}"><span>Предыдущая страница</span></a></li>')
    for n in range(1, pages + 1):
        target = base if n == 1 else f"{base}?PAGEN_1={n}"
        if n == page:
            items.append(f'<li class="bx-active"><span>{n}</span></li>')
        else:
            items.append(f'<li class=""><a href="{href(target)}"><span>{n}</span></a></li>')
    if page < pages:
        items.append(
            f'<li class="bx-pag-next"><a href="{href(f"{base}?PAGEN_1={page + 1}")}"><span>Следующая страница'
            "</span></a></li>"
        )
    return f'<div class="bx-pagination"><div class="bx-pagination-container"><ul>{"".join(items)}</ul></div></div>'


# --------------------------------------------------------------------------------------------- Joomla


def joomla(name: str, menu: list[tuple[str, str]], footer: str = "") -> Page:
    items = "".join(f'<li class="item-{101 + i}">{a(x, y)}</li>' for i, (x, y) in enumerate(menu))

    def layout(title: str, body: str) -> str:
        return (
            '<!DOCTYPE html><html lang="ru-ru" dir="ltr"><head><meta charset="utf-8">'
            '<meta name="generator" content="Joomla! - Open Source Content Management">'
            f"<title>{esc(title)}</title>"
            '<link href="/templates/protostar/css/template.css?a1b2c3" rel="stylesheet">'
            '<script src="/media/jui/js/jquery.min.js?a1b2c3"></script></head>'
            '<body class="site com_content view-article no-layout no-task"><div class="body" id="top">'
            '<div class="container"><header class="header" role="banner"><div class="header-inner clearfix">'
            f'<a class="brand pull-left" href="/index.php"><span class="site-title">{esc(name)}</span></a></div>'
            '</header><nav class="navigation" role="navigation"><div class="nav-collapse">'
            f'<ul class="nav menu nav-pills mod-list">{items}</ul></div></nav>'
            '<div class="row-fluid"><main id="content" role="main" class="span12">'
            '<div id="system-message-container"></div>'
            '<div class="item-page" itemscope itemtype="https://schema.org/Article">'
            f'<div class="page-header"><h2 itemprop="headline">{esc(title)}</h2></div>'
            f'<div itemprop="articleBody">{body}</div></div></main></div></div></div>'
            f'<footer class="footer" role="contentinfo"><div class="container">{footer}'
            f'<p class="pull-right"><a href="#top" id="back-top">Наверх</a></p><p>© 2026 {esc(name)}</p></div>'
            "</footer></body></html>"
        )

    return layout


# --------------------------------------------------------------------------------------------- WordPress


def wordpress(name: str, menu: list[tuple[str, str]]) -> Page:
    items = "".join(
        f'<li id="menu-item-{40 + i}" class="menu-item menu-item-type-post_type menu-item-object-page '
        f'menu-item-{40 + i}">{a(x, y)}</li>'
        for i, (x, y) in enumerate(menu)
    )

    def layout(title: str, body: str) -> str:
        return (
            '<!DOCTYPE html><html lang="ru-RU"><head><meta charset="UTF-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{esc(title)} &#8212; {esc(name)}</title>"
            "<meta name='robots' content='max-image-preview:large' />"
            '<link rel="https://api.w.org/" href="/wp-json/"><meta name="generator" content="WordPress 6.6.2">'
            "<link rel='stylesheet' id='twentytwenty-style-css' href='/wp-content/themes/twentytwenty/style.css"
            "?ver=2.7' media='all' /></head>"
            '<body class="page-template-default page"><a class="skip-link screen-reader-text" href="#site-content">'
            "Перейти к содержимому</a>"
            '<header id="site-header" class="header-footer-group"><div class="header-inner section-inner">'
            f'<div class="header-titles"><div class="site-title faux-heading"><a href="/">{esc(name)}</a></div>'
            '</div><div class="header-navigation-wrapper">'
            '<nav class="primary-menu-wrapper" aria-label="Горизонтальное">'
            f'<ul class="primary-menu reset-list-style">{items}</ul></nav></div></div></header>'
            '<main id="site-content"><article class="page type-page status-publish hentry">'
            '<header class="entry-header has-text-align-center header-footer-group"><div class="entry-header-inner">'
            f'<h1 class="entry-title">{esc(title)}</h1></div></header>'
            f'<div class="post-inner thin"><div class="entry-content">{body}</div></div></article></main>'
            '<footer id="site-footer" class="header-footer-group"><div class="section-inner">'
            f'<p class="footer-copyright">&copy; 2026 <a href="/">{esc(name)}</a></p>'
            '<p class="powered-by-wordpress"><a href="https://ru.wordpress.org/">Сайт работает на WordPress</a></p>'
            "</div></footer></body></html>"
        )

    return layout


# --------------------------------------------------------------------------------------------- uCoz


def ucoz(name: str, menu: list[tuple[str, str]]) -> Page:
    items = "".join(f'<li><a class="uMenuItem" href="{href(y)}"><span>{esc(x)}</span></a></li>' for x, y in menu)

    def layout(title: str, body: str) -> str:
        return (
            "<!DOCTYPE html><html><head>"
            '<meta http-equiv="content-type" content="text/html; charset=UTF-8">'
            f"<title>{esc(title)} - {esc(name)}</title>"
            '<link type="text/css" rel="stylesheet" href="/_st/my.css">'
            '<script src="/.s/src/jquery-1.12.4.min.js"></script><script src="/.s/src/uwnd.min.js"></script>'
            "</head><body>"
            '<div id="utbr8214" rel="s754"></div><div id="wrap"><div id="header"><div class="head-t">'
            f'<h1 class="logo"><a href="/">{esc(name)}</a></h1></div></div>'
            '<table class="main-table" cellpadding="0" cellspacing="0"><tr><td class="side-block" valign="top">'
            '<div class="block"><div class="blocktitle">Меню сайта</div><div class="blockcontent">'
            f'<div id="uMenuDiv1" class="uMenuV"><ul class="uMenuRoot">{items}</ul></div></div></div></td>'
            '<td valign="top" class="content-block"><div class="eTitle">'
            f'{esc(title)}</div><div class="eMessage">{body}</div></td></tr></table>'
            '<div id="footer"><!-- <copy> -->Copyright MyCorp © 2026<!-- </copy> --> '
            '<!-- "\' --><span class="pbShA6Ql"><a href="https://www.ucoz.ru/">Бесплатный конструктор сайтов</a> - '
            '<a href="https://www.ucoz.ru/">uCoz</a></span></div></div></body></html>'
        )

    return layout


# --------------------------------------------------------------------------------------------- Tilda


def tilda(name: str, menu: list[tuple[str, str]]) -> Page:
    items = "".join(
        f'<li class="t228__list_item" style="padding:0 15px;"><a class="t-menu__link-item" href="{href(y)}" '
        f'data-menu-submenu-hook="" data-menu-item-number="{i}">{esc(x)}</a></li>'
        for i, (x, y) in enumerate(menu, 1)
    )

    def layout(title: str, body: str) -> str:
        return (
            '<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="Content-Type" '
            'content="text/html; charset=utf-8"><meta name="viewport" content="width=device-width, '
            f'initial-scale=1.0"><title>{esc(title)}</title>'
            '<link rel="stylesheet" href="https://static.tildacdn.com/css/tilda-grid-3.0.min.css">'
            '<script src="https://static.tildacdn.com/js/tilda-scripts-3.0.min.js" charset="utf-8" async></script>'
            '</head><body class="t-body" style="margin:0;"><div id="allrecords" class="t-records" '
            'data-hook="blocks-collection-content-node" data-tilda-project-id="4812345" '
            'data-tilda-page-id="51234567" data-tilda-formskey="a1b2c3" data-tilda-lazy="yes">'
            '<div id="rec712345601" class="r t-rec" data-animationappear="off" data-record-type="257">'
            '<div id="nav712345601marker"></div><div class="t228__mobile"><div class="t228__mobile_container">'
            f'<div class="t228__mobile_text t-name t-name_md">{esc(name)}</div></div></div>'
            '<div id="nav712345601" class="t228 t228__positionstatic"><div class="t228__maincontainer">'
            f'<div class="t228__leftside"><div class="t228__leftcontainer"><a href="/" class="t228__imgwrapper">'
            f'<div class="t228__logo t-title">{esc(name)}</div></a></div></div>'
            '<div class="t228__centerside"><nav class="t228__centercontainer"><ul role="list" '
            f'class="t228__list t-menu__list">{items}</ul></nav></div></div></div></div>'
            '<div id="rec712345602" class="r t-rec t-rec_pt_60 t-rec_pb_30" data-record-type="60">'
            f'<div class="t050"><div class="t-container t-align_center"><div class="t-col t-col_10 t-prefix_1">'
            f'<h1 class="t050__title t-title t-title_xxl">{esc(title)}</h1></div></div></div></div>'
            f"{body}"
            '<div id="rec712345699" class="r t-rec" data-record-type="345"><div class="t345"><div '
            f'class="t-container"><div class="t345__text t-descr">© 2026 {esc(name)}</div></div></div></div>'
            '</div><div class="tilda-made-on-tilda"><a href="https://tilda.cc/?upm=4812345">Made on Tilda</a></div>'
            "</body></html>"
        )

    return layout


def tilda_text(html_text: str, rec: int) -> str:
    return (
        f'<div id="rec7123456{rec:02d}" class="r t-rec t-rec_pt_30 t-rec_pb_30" data-record-type="106">'
        '<div class="t004"><div class="t-container"><div class="t-col t-col_8 t-prefix_2">'
        f'<div class="t-text t-text_md" field="text">{html_text}</div></div></div></div></div>'
    )


def tilda_button(text: str, url: str, rec: int) -> str:
    return (
        f'<div id="rec7123456{rec:02d}" class="r t-rec t-rec_pt_15 t-rec_pb_15" data-record-type="191">'
        '<div class="t142"><div class="t-container_100"><div class="t142__wrapone"><div class="t142__wraptwo">'
        f'<a href="{esc(url)}" target="_blank" class="t-btn t-btnflex t-btnflex_type_button t-btnflex_md">'
        f'<span class="t-btnflex__text">{esc(text)}</span></a></div></div></div></div></div>'
    )


# --------------------------------------------------------------------------------------------- others


def plain(name: str, menu: Menu, *, side: str = "", footer: str = "", cls: str = "site") -> Page:
    """A hand-made school CMS: a top menu with drop-downs, optional side column."""

    def nav() -> str:
        out = []
        for label, h, kids in menu:
            sub = f'<ul class="dropdown">{"".join(f"<li>{a(x, y)}</li>" for x, y in kids)}</ul>' if kids else ""
            out.append(f'<li class="top{" has-sub" if kids else ""}">{a(label, h)}{sub}</li>')
        return f'<ul class="topmenu">{"".join(out)}</ul>'

    navigation = nav()

    def layout(title: str, body: str) -> str:
        aside = f'<aside class="col-side">{side}</aside>' if side else ""
        return (
            '<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8">'
            f"<title>{esc(title)} — {esc(name)}</title>"
            f'<link rel="stylesheet" href="/css/style.css"></head><body class="{cls}">'
            f'<div class="wrapper"><div class="top-line"><a href="/">{esc(name)}</a></div>'
            f'<div class="menu-line">{navigation}</div><div class="columns"><div class="col-main">'
            f'<div class="path"><a href="/">Главная</a> » {esc(title)}</div><h1>{esc(title)}</h1>{body}</div>'
            f'{aside}</div><div class="bottom">{footer}<p>© {esc(name)}, 2026</p></div></div></body></html>'
        )

    return layout


def script_menu(name: str, menu: Menu, footer: str) -> Page:
    """A constructor whose menu is JSON in the page, turned into links by /assets/js/app.js at run time."""
    data = {
        "site": {
            "name": name,
            "menu": [
                {
                    "id": i,
                    "title": label,
                    "url": h,
                    "children": [{"id": i * 100 + j, "title": x, "url": y} for j, (x, y) in enumerate(kids, 1)],
                }
                for i, (label, h, kids) in enumerate(menu, 1)
            ],
        },
        "locale": "ru",
    }
    state = json.dumps(data, ensure_ascii=True).replace("/", "\\/")  # as PHP json_encode() writes it

    def layout(title: str, body: str) -> str:
        return (
            '<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1"><title>{esc(title)}</title>'
            '<link rel="stylesheet" href="/assets/css/app.7c1e2b.css">'
            '<script src="/assets/js/app.3f2a1c.js" defer></script></head><body>'
            "<noscript>Для корректной работы сайта включите JavaScript в браузере.</noscript>"
            f'<div id="header"><div class="logo"><span>{esc(name)}</span></div>'
            '<nav id="nav" class="nav" data-role="menu"></nav><button class="burger" aria-label="Меню"></button></div>'
            f'<div id="content" class="page"><h1 class="page__title">{esc(title)}</h1>'
            f'<div class="page__body">{body}</div></div>'
            f'<footer class="footer">{footer}</footer>'
            f"<script>window.__INITIAL_STATE__={state};</script></body></html>"
        )

    return layout


APP_JS = """(function () {
  function build(items, cls) {
    var ul = document.createElement('ul');
    ul.className = cls;
    items.forEach(function (item) {
      var li = document.createElement('li');
      var link = document.createElement('a');
      link.href = item.url;
      link.textContent = item.title;
      li.appendChild(link);
      if (item.children && item.children.length) {
        li.appendChild(build(item.children, 'nav__sub'));
      }
      ul.appendChild(li);
    });
    return ul;
  }
  document.addEventListener('DOMContentLoaded', function () {
    var state = window.__INITIAL_STATE__ || {site: {menu: []}};
    document.getElementById('nav').appendChild(build(state.site.menu, 'nav__list'));
  });
})();
"""


def old_php(name: str, menu: list[tuple[str, str]]) -> Page:
    """A table-based PHP site of the 2000s; `<meta charset="utf-8">` although the bytes are windows-1251."""
    items = "".join(
        f'<tr><td class="menu"><img src="img/li.gif" width="7" height="7"> <a href="{esc(y)}">{esc(x)}</a></td></tr>'
        for x, y in menu
    )

    def layout(title: str, body: str) -> str:
        return (
            '<html><head><meta charset="utf-8"><title>'
            f"{esc(title)}</title>"
            '<link rel="stylesheet" type="text/css" href="style.css"></head>'
            '<body bgcolor="#FFFFFF" leftmargin="0" topmargin="0">'
            '<table width="100%" border="0" cellspacing="0" cellpadding="0"><tr><td colspan="2" class="head">'
            f'<img src="img/logo.jpg" width="120" height="90" align="left"><h2>{esc(name)}</h2></td></tr>'
            f'<tr><td width="200" valign="top"><table width="100%">{items}</table></td>'
            f'<td valign="top" class="text"><h3>{esc(title)}</h3>{body}</td></tr>'
            '<tr><td colspan="2" class="foot">Все права защищены &copy; 2009-2026</td></tr></table></body></html>'
        )

    return layout


def filecard(name: str, menu: list[tuple[str, str]], address: str) -> Page:
    """The regional constructor of school sites whose documents are /file/card?id=N pages."""
    side = "".join(f'<li class="side-menu__item">{a(x, y, "side-menu__link")}</li>' for x, y in menu)

    def layout(title: str, body: str) -> str:
        return (
            '<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8">'
            f"<title>{esc(title)} — {esc(name)}</title>"
            '<link rel="stylesheet" href="/css/constructor.min.css?v=412"></head><body>'
            '<div class="page-wrapper"><div class="header"><div class="header__title">'
            f'<a href="/">{esc(name)}</a></div><div class="header__tools"><a href="/search">Поиск</a> '
            '<a href="/?vision=1">Версия для слабовидящих</a></div></div>'
            f'<div class="layout"><nav class="side-menu"><ul class="side-menu__list">{side}</ul></nav>'
            f'<div class="content"><h1 class="content__title">{esc(title)}</h1>{body}</div></div>'
            f'<div class="footer"><p>{esc(address)}</p><p>Сайт создан на конструкторе сайтов образовательных '
            "организаций</p></div></div></body></html>"
        )

    return layout
