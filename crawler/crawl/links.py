"""Links of a page: extraction with their position, relevance score, canonical form, traps.

Everything here is pure (no network) so it can be tested on a string of HTML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any
from urllib.parse import parse_qsl, unquote, urlencode, urljoin, urlsplit, urlunsplit

import yaml
from lxml import html as lxml_html
from w3lib.url import canonicalize_url, safe_url_string

# ----------------------------------------------------------------------------- vocabulary


@dataclass(frozen=True)
class Group:
    name: str
    weight: int
    text: re.Pattern[str] | None
    url: re.Pattern[str] | None


@dataclass(frozen=True)
class LinkVocabulary:
    """What steers the crawl (vocab.yaml): link groups and weights, section and document patterns, trap budgets.

    Not the classifier's vocabulary (crawler.classify.vocabulary.Vocabulary), which reads documents.
    """

    groups: tuple[Group, ...]
    position: dict[str, int]
    depth_penalty: int
    hub_groups: frozenset[str]
    document_mentoring: re.Pattern[str]
    document_related: re.Pattern[str]
    hub_documents_cap: int
    section_links_cap: int
    document_mute_words: re.Pattern[str]
    hub_mute_documents_cap: int
    section_strong: re.Pattern[str]
    section_news: re.Pattern[str]
    section_news_url: re.Pattern[str]
    stub: re.Pattern[str]
    stub_max_words: int
    cloud_hosts: tuple[str, ...]
    document_url: re.Pattern[str]
    viewer_url: re.Pattern[str]
    drop_params: re.Pattern[str]
    date_params: re.Pattern[str]
    trap_budget: int
    pattern_budget: int
    section_host: re.Pattern[str] | None = None  # pages that hold the section under another name
    section_not_names: re.Pattern[str] | None = None  # «Год педагога и наставника»: a strong word naming another thing

    def names_section(self, text: str) -> bool:
        """Do these words (normalized) name the mentoring section, once names of other things are taken out?"""
        return bool(self.section_strong.search(self.without_other_names(text)))

    def without_other_names(self, text: str) -> str:
        return self.section_not_names.sub(" ", text) if self.section_not_names is not None else text


def _alt(patterns: list[str] | None) -> re.Pattern[str] | None:
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


def _must(patterns: list[str]) -> re.Pattern[str]:
    compiled = _alt(patterns)
    assert compiled is not None, "vocabulary: empty pattern list"
    return compiled


def load_link_vocabulary(data: dict[str, Any]) -> LinkVocabulary:
    groups = tuple(
        Group(name, int(g["weight"]), _alt(g.get("text")), _alt(g.get("url"))) for name, g in data["groups"].items()
    )
    sec = data["section"]
    return LinkVocabulary(
        groups=groups,
        position={k: int(v) for k, v in data["position"].items()},
        depth_penalty=int(data["depth_penalty"]),
        hub_groups=frozenset(data["hub_groups"]),
        document_mentoring=_must(data["document_mentoring"]),
        document_related=_must(data["document_related"]),
        hub_documents_cap=int(data["hub_documents_cap"]),
        section_links_cap=int(data["section_links_cap"]),
        document_mute_words=_must(data["document_mute_words"]),
        hub_mute_documents_cap=int(data["hub_mute_documents_cap"]),
        section_strong=_must(sec["strong"]),
        section_news=_must(sec["news"]),
        section_news_url=_must(sec["news_url"]),
        stub=_must(sec["stub"]),
        stub_max_words=int(sec["stub_max_words"]),
        cloud_hosts=tuple(data["cloud_hosts"]),
        document_url=_must(data["document_url"]),
        viewer_url=_must(data["viewer_url"]),
        drop_params=re.compile("^(?:" + "|".join(data["drop_params"]) + ")$", re.IGNORECASE),
        date_params=re.compile("^(?:" + data["date_params"] + ")$", re.IGNORECASE),
        trap_budget=int(data["trap_budget"]),
        pattern_budget=int(data["pattern_budget"]),
        section_host=_alt(sec.get("host")),
        section_not_names=_alt(sec.get("not_names")),
    )


@lru_cache(maxsize=1)
def default_link_vocabulary() -> LinkVocabulary:
    text = resources.files("crawler.crawl").joinpath("vocab.yaml").read_text(encoding="utf-8")
    return load_link_vocabulary(yaml.safe_load(text))


def norm_text(value: str) -> str:
    """Lowercase, ё→е, collapse whitespace (what every pattern is matched against)."""
    return " ".join(value.replace("ё", "е").replace("Ё", "Е").lower().split())


def decoded_url(url: str) -> str:
    """URL with percent-escapes decoded (Cyrillic paths become readable), lowercased."""
    return (_unquote_any(url) if "%" in url else url).lower()


def _unquote_any(value: str) -> str:
    try:
        return unquote(value, encoding="utf-8", errors="strict")
    except UnicodeDecodeError:
        return unquote(value, encoding="cp1251", errors="replace")


# ------------------------------------------------------------------------- URL handling


def clean_url(url: str, vocab: LinkVocabulary | None = None) -> str:
    """The URL to request: fragment and session/print/tracking parameters removed, safely encoded."""
    vocab = vocab or default_link_vocabulary()
    url = re.sub(r";jsessionid=[^?#]*", "", url, flags=re.IGNORECASE)
    parts = urlsplit(safe_url_string(url.strip()))
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not vocab.drop_params.match(k)]
    netloc = parts.netloc.lower()
    if parts.scheme == "http" and netloc.endswith(":80"):
        netloc = netloc[:-3]
    if parts.scheme == "https" and netloc.endswith(":443"):
        netloc = netloc[:-4]
    return urlunsplit((parts.scheme.lower(), netloc, parts.path or "/", urlencode(query), ""))


def canonical(url: str, vocab: LinkVocabulary | None = None) -> str:
    """Key for deduplication: scheme-less, www-less, sorted query, no trailing slash, no index pages."""
    cleaned = canonicalize_url(clean_url(url, vocab), keep_fragments=False)
    parts = urlsplit(cleaned)
    host = bare_host(parts.hostname or "")
    if parts.port and parts.port not in (80, 443):
        host = f"{host}:{parts.port}"
    path = re.sub(r"/(index|default)\.(html?|php|aspx?)$", "/", parts.path, flags=re.IGNORECASE)
    path = path.rstrip("/") or "/"
    return f"{host}{path}" + (f"?{parts.query}" if parts.query else "")


def bare_host(host: str) -> str:
    host = host.lower().rstrip(".")
    return host[4:] if host.startswith("www.") else host


def host_of(url: str) -> str:
    return bare_host(urlsplit(url).hostname or "")


def path_prefix(url: str) -> str:
    """Host and decoded path without a trailing slash or a page extension: pages below it start with it + «/»."""
    parts = urlsplit(url)
    path = decoded_url(parts.path).rstrip("/")
    path = re.sub(r"\.(html?|php|aspx?)$", "", path)
    return f"{host_of(url)}{path}"


_DATE_TOKEN = re.compile(
    r"(?<!\d)(?:(?:19|20)\d{2}[-_./]?(?:0[1-9]|1[0-2])(?:[-_./]?(?:0[1-9]|[12]\d|3[01]))?"
    r"|(?:0[1-9]|[12]\d|3[01])[-_.](?:0[1-9]|1[0-2])[-_.](?:19|20)\d{2}"
    r"|(?:19|20)\d{2})(?!\d)"
)


def trap_keys(url: str, vocab: LinkVocabulary | None = None) -> tuple[str | None, str]:
    """(date-pattern key or None, number-pattern key) of a page URL.

    Calendars produce endless URLs that differ only in date-like values: they share the
    date key and its small budget. Every page also has a number key (digits → #) with a
    larger budget, which bounds other generated pages (paginations, ids).
    """
    vocab = vocab or default_link_vocabulary()
    parts = urlsplit(url)
    path = decoded_url(parts.path)
    query = parse_qsl(parts.query, keep_blank_values=True)
    dated = False
    q_items: list[str] = []
    for k, v in sorted(query):
        if vocab.date_params.match(k) and re.fullmatch(r"[\d\-./_:]*", v or "0"):
            q_items.append(f"{k}=D")
            dated = True
        elif _DATE_TOKEN.search(v):
            q_items.append(f"{k}={_DATE_TOKEN.sub('D', v)}")
            dated = True
        else:
            q_items.append(f"{k}={v}")
    new_path, n = _DATE_TOKEN.subn("D", path)
    dated = dated or n > 0
    host = host_of(url)
    date_key = f"{host}{new_path}?{'&'.join(q_items)}" if dated else None
    number_key = re.sub(r"\d+", "#", f"{host}{path}?{'&'.join(f'{k}=' for k, _ in sorted(query))}")
    return date_key, number_key


def is_cloud(url: str, vocab: LinkVocabulary | None = None) -> bool:
    vocab = vocab or default_link_vocabulary()
    host = host_of(url)
    return any(host == h or host.endswith("." + h) for h in vocab.cloud_hosts)


def looks_like_document(url: str, vocab: LinkVocabulary | None = None) -> bool:
    vocab = vocab or default_link_vocabulary()
    return bool(vocab.document_url.search(decoded_url(url)))


def looks_like_viewer(url: str, vocab: LinkVocabulary | None = None) -> bool:
    vocab = vocab or default_link_vocabulary()
    return bool(vocab.viewer_url.search(decoded_url(url)))


def file_name_from_url(url: str) -> str | None:
    name = urlsplit(url).path.rsplit("/", 1)[-1]
    if not name:
        return None
    return _unquote_any(name) or None


# ------------------------------------------------------------------------------- links


@dataclass
class Link:
    url: str  # absolute, cleaned (what to request)
    text: str  # anchor text (or the alt text of an image inside it)
    title: str = ""  # title attribute
    position: str = "body"  # nav | body | footer
    in_main: bool = True  # inside the main content (not menus, header, footer, sidebars)
    tag: str = "a"  # a | area | iframe | embed | object | frame | img (an inline scan)
    menu_trail: tuple[str, ...] = ()  # labels of the parent items of a nested menu («Педагогам» › this link)

    @property
    def label(self) -> str:
        return self.text or self.title


_NAV_HINT = re.compile(r"(^|[\s_-])(nav|navbar|menu|mainmenu|topmenu|top-menu|header|breadcrumb)", re.I)
_FOOT_HINT = re.compile(r"(^|[\s_-])(footer|bottom|sidebar|aside|banner|widget|partners)", re.I)


def _own_zone(node: Any) -> tuple[str, bool] | None:
    """The zone an element marks by its own tag, class or id (nav/footer/body, in the main content), if any."""
    tag = node.tag if isinstance(node.tag, str) else ""
    if tag in ("nav", "header"):
        return "nav", False
    if tag in ("footer", "aside"):
        return "footer", False
    if tag == "main" or node.get("role") == "main" or tag == "article":
        return "body", True
    hint = f"{node.get('class', '')} {node.get('id', '')}"
    if hint.strip():
        if _NAV_HINT.search(hint):
            return "nav", False
        if _FOOT_HINT.search(hint):
            return "footer", False
        if re.search(r"(^|[\s_-])(content|main|article|entry|post|page-body)", hint, re.I):
            return "body", True
    return None


def _zone(el: Any) -> tuple[str, bool]:
    """Position of an element: nav/footer/body and whether it is in the main content."""
    node = el
    while node is not None:
        zone = _own_zone(node)
        if zone is not None:
            return zone
        node = node.getparent()
    return "body", True


def is_site_chrome(el: Any) -> bool:
    """The site's own menus, header, footer, breadcrumbs and sidebars around a page's content (the zones `_zone`
    places links by), which repeat on every page: not inside the content (an article's own <header> with its title
    and date stays), and not holding the page's heading or content."""
    zone = _own_zone(el)
    if zone is None or zone[1]:
        return False
    if any(a.tag in ("main", "article") or a.get("role") == "main" for a in el.iterancestors()):
        return False
    return not el.xpath(".//h1|.//main|.//article|.//*[@role='main']")


def page_heading(doc: Any) -> str:
    """The page's own heading: an h1 of the content (many sites put the school's name in an h1 of the header)."""
    fallback = ""
    for xp in ("//h1", "//main//h2", "//article//h2", "//h2"):
        for el in doc.xpath(xp):
            text = " ".join(el.text_content().split())
            if not text:
                continue
            if _zone(el)[0] == "body":
                return text[:300]
            fallback = fallback or text[:300]
    return fallback


def page_title(doc: Any) -> str:
    titles = doc.xpath("//title")
    return " ".join(titles[0].text_content().split())[:300] if titles else ""


# Inline formatting a site's template may leave unclosed by the hundred (254 <font> on one farm site): it carries
# no link, so a page too deep for the parser is parsed once more without it.
_INLINE_TAGS = re.compile(r"</?(?:font|b|i|u|s|em|strong|small|big|span|strike|tt|sub|sup|center)\b[^>]*>", re.I)


def parse_html(text: str, base_url: str) -> Any:
    """The page's lxml tree (links made absolute); raises for a page lxml cannot parse (empty, a comment)."""
    return parse_html_checked(text, base_url)[0]


def parse_html_checked(text: str, base_url: str) -> tuple[Any, bool]:
    """(tree, complete): complete is False when the page nests deeper than the parser reads even after the
    inline formatting is dropped — the rest of the page (its later links) is missing from the tree.

    libxml2 stops at 256 levels by default; huge_tree lifts that to 2048. A parser per call: the TLS evidence
    adapter parses in a thread.
    """
    doc, deep = _parse(text or "<html></html>")
    if deep:
        doc, deep = _parse(_INLINE_TAGS.sub("", text))
    base = doc.xpath("//base/@href")
    doc.make_links_absolute(urljoin(base_url, base[0]) if base else base_url, resolve_base_href=False)
    return doc, not deep


def _parse(text: str) -> tuple[Any, bool]:
    parser = lxml_html.HTMLParser(huge_tree=True)
    doc = lxml_html.document_fromstring(text, parser=parser)
    deep = any("Excessive depth" in entry.message for entry in parser.error_log)
    return doc, deep


def extract_links(doc: Any, vocab: LinkVocabulary | None = None) -> list[Link]:
    """All followable links of a parsed page with position, text, title and alt text."""
    vocab = vocab or default_link_vocabulary()
    out: list[Link] = []
    for el in doc.iter("a", "area", "iframe", "embed", "object", "frame"):
        attr = "data" if el.tag == "object" else ("src" if el.tag in ("iframe", "embed", "frame") else "href")
        href = (el.get(attr) or "").strip()
        if not href or href.startswith(("#", "mailto:", "tel:", "javascript:", "data:")):
            continue
        if not href.lower().startswith(("http://", "https://")):
            continue
        text = " ".join(el.text_content().split()) if el.tag in ("a", "area") else ""
        alt = " ".join(a for a in el.xpath(".//img/@alt") if a) if el.tag == "a" else ""
        if el.tag == "area":
            alt = el.get("alt", "")
        if not text and alt:
            text = alt
        position, in_main = _zone(el)
        try:
            url = clean_url(unwrap_viewer(href), vocab)
        except ValueError:
            continue
        trail = _menu_trail(el) if position == "nav" and el.tag == "a" else ()
        out.append(Link(url, text[:300], (el.get("title") or "")[:300], position, in_main, el.tag, trail))
    return out


_VIEWER_FILE_PARAMS = ("file", "url", "src", "doc")


def unwrap_viewer(url: str) -> str:
    """The document behind a generic web viewer link (pdf.js «viewer.html?file=…», Google Docs «viewer?url=…»).

    Such a link is a page with a toolbar around the file; the file itself is what the classifier needs.
    """
    parts = urlsplit(url)
    if "viewer" not in parts.path.lower() or not parts.query:
        return url
    for name, value in parse_qsl(parts.query):
        if name.lower() in _VIEWER_FILE_PARAMS and value:
            target = value.strip()
            if target.lower().startswith(("http://", "https://", "/")):
                return urljoin(url, target)
    return url


# An inline picture this small (by its declared size) is an icon or a decoration, not a page of a scan.
_MIN_SCAN_SIDE = 300
_DECORATION = re.compile(r"logo|icon|banner|button|btn|arrow|spacer|avatar|thumb|emoji|smile|flag|gerb|герб", re.I)
_IMAGE_URL = re.compile(r"\.(jpe?g|png|tiff?|gif|webp)(\?|$)", re.I)


def inline_scans(doc: Any) -> list[Link]:
    """Large pictures in the main content that are not links: pages of scanned documents pasted into the page.

    Schools often show an order as two or three JPG pages with <img>; a methodologist reads them as a document,
    so the crawl treats them as document links (the text comes from OCR). Pictures inside a link are already
    followed through that link; small or decorative ones (declared width or height under 300 px, logos,
    banners) are skipped.
    """
    out: list[Link] = []
    for el in doc.iter("img"):
        src = (el.get("src") or el.get("data-src") or "").strip()
        if not src.lower().startswith(("http://", "https://")) or not _IMAGE_URL.search(src):
            continue
        if next(iter(el.iterancestors("a")), None) is not None:
            continue
        position, in_main = _zone(el)
        if not in_main:
            continue
        sizes = []
        for attr in ("width", "height"):
            m = re.match(r"\s*(\d+)\s*(px)?\s*$", el.get(attr) or "")
            if m:
                sizes.append(int(m.group(1)))
        if sizes and min(sizes) < _MIN_SCAN_SIDE:
            continue
        alt = " ".join((el.get("alt") or "").split())
        if _DECORATION.search(src) or _DECORATION.search(alt):
            continue
        try:
            url = clean_url(src)
        except ValueError:
            continue
        out.append(Link(url, alt[:300], (el.get("title") or "")[:300], position, in_main, "img"))
    return out


_PAGE_NUMBER = re.compile(r"(?:[-_ (]+|[-_ (]*(?:p|page|str|стр|list|лист)[-_ .]*)\d{1,3}\)?(\.[a-z]+)$", re.I)


def scan_page_groups(scans: list[Link]) -> list[list[Link]]:
    """Inline scans that are pages of one document: same folder, same name but for a trailing page number.

    Only groups of two or more; pages keep the order of the page.
    """
    groups: dict[str, list[Link]] = {}
    for lk in scans:
        parts = urlsplit(lk.url)
        folder, _, name = unquote(parts.path).rpartition("/")
        stem = _PAGE_NUMBER.sub(r"\1", name)
        if stem == name:
            continue  # no page number
        groups.setdefault(f"{parts.netloc}{folder}/{stem.lower()}", []).append(lk)
    return [g for g in groups.values() if len(g) >= 2]


_GALLERY_ATTRS = ("data-fancybox", "data-lightbox", "data-gallery", "data-fancybox-group", "rel")


def gallery_groups(doc: Any) -> list[list[str]]:
    """Links to pictures that a page shows as one gallery (fancybox, lightbox): the photographed pages of one
    document. Groups of two or more, by the gallery's name, in the order of the page; URLs as `clean_url`."""
    groups: dict[str, list[str]] = {}
    for el in doc.iter("a"):
        href = (el.get("href") or "").strip()
        if not href.lower().startswith(("http://", "https://")) or not _IMAGE_URL.search(href):
            continue
        name = next((f"{a}={el.get(a)}" for a in _GALLERY_ATTRS if el.get(a)), None)
        if name is None or name in ("rel=nofollow", "rel=noopener"):
            continue
        try:
            url = clean_url(href)
        except ValueError:
            continue
        if url not in groups.setdefault(name, []):
            groups[name].append(url)
    return [g for g in groups.values() if len(g) >= 2]


def _menu_trail(el: Any) -> tuple[str, ...]:
    """Labels of the enclosing items of a nested menu: li > (a|span) + ul > li > this link."""
    trail: list[str] = []
    own_li = next(iter(el.iterancestors("li")), None)
    if own_li is None:
        return ()
    for li in own_li.iterancestors("li"):
        label = ""
        for child in li:
            if not isinstance(child.tag, str) or child.tag in ("ul", "ol", "div"):
                continue
            label = " ".join(child.text_content().split())
            if label:
                break
        if not label and li.text:
            label = " ".join(li.text.split())
        if label:
            trail.append(label[:200])
    return tuple(reversed(trail))


_SCRIPT_REDIRECT = re.compile(
    r"""(?:window\.|document\.|top\.)?location(?:\.href)?\s*(?:=|\.replace\(|\.assign\()\s*['"]([^'"]{1,500})['"]"""
)


def script_redirect(html_text: str, base_url: str) -> str | None:
    """Target of a script redirect on a page that has no links of its own."""
    found = _SCRIPT_REDIRECT.search(html_text[:20_000])
    if not found:
        return None
    target = urljoin(base_url, found.group(1).strip())
    if not target.lower().startswith(("http://", "https://")):
        return None
    return clean_url(target)


def visible_text(doc: Any, main_only: bool = False, limit: int = 50_000) -> str:
    """Visible text without scripts and styles; with main_only, menus, header, footer and sidebars too."""
    skip = "ancestor::script or ancestor::style or ancestor::noscript or ancestor::template or ancestor::head"
    root = doc
    if main_only:
        mains = doc.xpath("//main|//*[@role='main']|//article")
        root = mains[0] if mains else doc
        skip += " or ancestor::nav or ancestor::header or ancestor::footer or ancestor::aside"
    chunks: list[str] = []
    size = 0
    for chunk in root.xpath(f".//text()[not({skip})]"):
        piece = chunk.strip()
        if piece:
            chunks.append(piece)
            size += len(piece) + 1
            if size > limit:
                break
    return " ".join(" ".join(chunks).split())[:limit]


def content_text(doc: Any, limit: int = 20_000) -> str:
    """Visible text of the page's own content: menus, header, footer and sidebars left out by the same zones as
    links (class and id hints too, which `visible_text` does not read)."""
    skip = ("script", "style", "noscript", "template", "head", "title")
    chunks: list[str] = []
    size = 0
    body = doc.find("body")
    for el in (body if body is not None else doc).iter():
        if not isinstance(el.tag, str) or el.tag in skip or not _zone(el)[1]:
            continue
        for piece in (el.text, *(c.tail for c in el)):
            if piece and piece.strip():
                chunks.append(piece.strip())
                size += len(piece)
        if size > limit:
            break
    return " ".join(" ".join(chunks).split())[:limit]


# ----------------------------------------------------------------------------- scoring


@dataclass(frozen=True)
class Score:
    value: int
    groups: frozenset[str]

    def has(self, name: str) -> bool:
        return name in self.groups


def score_link(link: Link, depth: int = 0, vocab: LinkVocabulary | None = None) -> Score:
    """Relevance of a link by its text, title, alt text, URL and position; higher is crawled first."""
    vocab = vocab or default_link_vocabulary()
    text = norm_text(f"{link.text} | {link.title}")
    url = decoded_url(link.url)
    path = url.split("://", 1)[-1]
    path = path[path.find("/") :] if "/" in path else "/"
    total = 0
    hit: set[str] = set()
    label_text = norm_text(link.text)
    # «Год педагога и наставника» names a theme year, not mentoring (its own group weighs it)
    subject = (vocab.without_other_names(label_text), vocab.without_other_names(text), vocab.without_other_names(path))
    for g in vocab.groups:
        label, words, where = subject if g.name == "mentoring" else (label_text, text, path)
        matched = bool((g.text and (g.text.search(label) or g.text.search(words))) or (g.url and g.url.search(where)))
        if matched:
            total += g.weight
            hit.add(g.name)
    if hit & {"mentoring", "documents", "pedagogues", "sveden"}:
        # a relevant link in the main menu is likelier the real entry than one in a news item
        total += vocab.position.get(link.position, 0)
    else:
        total += min(vocab.position.get(link.position, 0), 0)
    total -= vocab.depth_penalty * depth
    return Score(total, frozenset(hit))


def is_mentoring_document_link(link: Link, vocab: LinkVocabulary | None = None) -> bool:
    vocab = vocab or default_link_vocabulary()
    name = file_name_from_url(link.url) or ""
    hay = norm_text(f"{link.text} {link.title} {name} {decoded_url(link.url)}")
    return bool(vocab.document_mentoring.search(hay))


_MUTE_REST = re.compile(r"[\W\d_]+")


def is_mute_document_link(link: Link, vocab: LinkVocabulary | None = None) -> bool:
    """A document link whose words say nothing of its subject: «Скачать», «Подробнее», «файл (PDF, 245 КБ)», an
    icon, «Приказ от 01.09.2025 № 162», a file name that is a hash. Only its content can tell what it is."""
    vocab = vocab or default_link_vocabulary()
    text = norm_text(f"{link.text} {link.title}")
    name = (file_name_from_url(link.url) or "").lower()
    if name and text.replace(" ", "") in (name, name.rsplit(".", 1)[0]):
        text = ""  # the link shows its file name
    rest = _MUTE_REST.sub(" ", vocab.document_mute_words.sub(" ", text)).strip()
    return not rest


def is_related_document_link(link: Link, vocab: LinkVocabulary | None = None) -> bool:
    """Documents the criteria need though they do not say mentoring (pay acts, collective agreement)."""
    vocab = vocab or default_link_vocabulary()
    name = file_name_from_url(link.url) or ""
    hay = norm_text(f"{link.text} {link.title} {name} {decoded_url(link.url)}")
    return bool(vocab.document_related.search(hay))


def heading_groups(heading: str, vocab: LinkVocabulary | None = None) -> frozenset[str]:
    """Vocabulary groups named by a page's own heading (a «Документы» page says so itself)."""
    vocab = vocab or default_link_vocabulary()
    text = norm_text(heading)
    return frozenset(g.name for g in vocab.groups if g.text is not None and g.text.search(text) and g.weight > 0)
