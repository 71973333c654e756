"""The table of farm cases: what each fault is, which site carries it, and what the promise expects of it.

The truth is the same for every site: each one is a complete school site (tests/hostile/sites.py), so every
criterion is truly «выполнено» and any «не выполнено» the tool reports is FALSE. A fault may only justify
«не удалось проверить» or «частично» (or «выполнено», when the tool reads around it) for the criteria it can
hide; the other criteria must stay «выполнено». A fault that makes the whole site unreadable expects every
criterion «не удалось проверить» with a Russian reason. Controls are healthy sites: everything «выполнено».

Global expectations (checked by tests/hostile/check.py over the whole output): no file written outside the
output directories (traversal file names), no `<script>` from site text live in the HTML brief or letters, no
formula cell (= + - @) in the CSV/XLSX exports, no /etc/passwd text anywhere (XXE), no crash, no hang.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from crawler.demo.web import DocCache, Resource
from crawler.models import OrgKind
from tests.hostile import payloads as p
from tests.hostile import sites as s
from tests.hostile.farm import HostileSite

RULES = (
    "section", "regulation", "roadmap", "curator", "pairs", "mentor_base", "pay_incentives", "practices",
    "monitoring", "freshness",
)  # fmt: skip
ALL = frozenset(RULES)
MIME_PDF = "application/pdf"
MIME_DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
MIME_ODT = "application/vnd.oasis.opendocument.text"
MIME_RTF = "application/rtf"
XSS_MARK = "nm-xss"
FORMULAS = (
    '=HYPERLINK("http://evil.example/nm-formula";"Положение")',
    "=cmd|' /C calc'!A0 nm-formula",
    "+cmd|' /C notepad'!A0 nm-formula",
    "-2+3+cmd|' /C calc'!A0 nm-formula",
    "@SUM(1+1)*cmd|' /C calc'!A0 nm-formula",
)
TRAVERSAL_NAMES = ("evil.pdf", "nm-hostile-evil.docx", "nm-hostile-evil.odt")  # what the traversal case writes


@dataclass(frozen=True)
class Expect:
    """What the promise asks of one case's organization."""

    unreachable: bool = False  # the whole site cannot be read: every criterion «не удалось проверить»
    reason: tuple[str, ...] = ()  # the failure reason contains one of these (Russian), when unreachable
    hidden: frozenset[str] = frozenset()  # criteria the fault can hide: «выполнено», «частично» or «не удалось…»

    def allowed(self, rule: str) -> set[str]:
        if self.unreachable:
            return {"unknown"}
        if rule in self.hidden:
            return {"met", "partial", "unknown"}
        return {"met"}

    def describe(self) -> str:
        if self.unreachable:
            why = " / ".join(f"«{r}»" for r in self.reason) or "any reason"
            return f"site unknown ({why})"
        if not self.hidden:
            return "all met"
        if self.hidden == ALL:
            return "no not_met (all may be partial/unknown)"
        return f"{', '.join(sorted(self.hidden))} ≤ partial/unknown, rest met"


@dataclass(frozen=True)
class Case:
    id: str
    host: int  # 127.0.0.N
    kind: OrgKind
    group: str  # control, network, page, document, escape
    fault: str  # what the fault is
    expect: Expect
    build: Callable[[Case, DocCache], HostileSite] = field(repr=False, compare=False)
    wall_bound: float = 60.0  # s: a run over this organization alone should end within this

    @property
    def control(self) -> bool:
        return self.group == "control"


# ----------------------------------------------------------------------------------------------- builders


def _site(case: Case, cache: DocCache, **kw: object) -> tuple[HostileSite, s.Built]:
    built = s.standard_site(cache, case.id, case.host, case.kind, **kw)  # type: ignore[arg-type]
    return HostileSite(case.id, case.host, case.kind, built), built


def healthy(tls: str | None = None) -> Callable[[Case, DocCache], HostileSite]:
    def build(case: Case, cache: DocCache) -> HostileSite:
        hsite, _ = _site(case, cache)
        hsite.tls = tls
        return hsite

    return build


def slow(case: Case, cache: DocCache) -> HostileSite:
    """Healthy, but every answer takes 4 s (under the 5 s timeout) and the section has 20 news items: a crawl of
    over a minute, still running when the hostile sites do their worst."""
    extra = [
        (f"{d:02d}.03.2026", f"Методический день наставников № {d}", f"{s.SECTION}den-nastavnika-{d}/",
         "Наставники и наставляемые провели методический день: открытые уроки, разбор кейсов, обмен опытом.")
        for d in range(1, 19)
    ]  # fmt: skip
    hsite, _ = _site(case, cache, news=[*s.NEWS, *extra])
    hsite.delay = 4.0
    return hsite


def refused(case: Case, cache: DocCache) -> HostileSite:
    hsite, _ = _site(case, cache)
    hsite.listen = False
    return hsite


def connection(mode: str) -> Callable[[Case, DocCache], HostileSite]:
    def build(case: Case, cache: DocCache) -> HostileSite:
        hsite, _ = _site(case, cache)
        hsite.connection = mode
        return hsite

    return build


def every(make: Callable[[s.Built], s.Fault], tls: str | None = None) -> Callable[[Case, DocCache], HostileSite]:
    """The same fault on every request of the site."""

    def build(case: Case, cache: DocCache) -> HostileSite:
        hsite, built = _site(case, cache)
        hsite.every = make(built)
        hsite.tls = tls
        return hsite

    return build


def at(faults: Callable[[s.Built], dict[str, s.Fault]], **site_kw: object) -> Callable[[Case, DocCache], HostileSite]:
    """Faults on some paths of an otherwise healthy site."""

    def build(case: Case, cache: DocCache) -> HostileSite:
        hsite, built = _site(case, cache, **site_kw)
        hsite.faults = faults(built)
        return hsite

    return build


def patched(patch: Callable[[s.Built], None], **site_kw: object) -> Callable[[Case, DocCache], HostileSite]:
    """An otherwise healthy site whose routes `patch` changes (bodies, headers)."""

    def build(case: Case, cache: DocCache) -> HostileSite:
        hsite, built = _site(case, cache, **site_kw)
        patch(built)
        return hsite

    return build


def _home_html(b: s.Built) -> bytes:
    return b.site.routes["/"].get_body()


def _robots_all(b: s.Built) -> None:
    b.replace("/robots.txt", b"User-agent: *\nDisallow: /\n", "text/plain; charset=utf-8")


def _empty_home(b: s.Built) -> None:
    b.replace("/", b"", "text/html; charset=utf-8")


def _garbage_home(b: s.Built) -> None:
    b.replace("/", p.garbage(64 * 1024), "text/html; charset=utf-8")


def _font_depth(b: s.Built) -> None:
    """254 unclosed <font> tags in the template, before the menu: libxml2 stops at depth 256."""
    for res in b.html_routes():
        res.body = res.get_body().replace(b'<nav class="main-menu', b"<font>" * 254 + b'<nav class="main-menu', 1)


def _charset_lie(b: s.Built) -> None:
    """UTF-8 pages under `Content-Type: text/html; charset=windows-1251`, no meta charset."""
    for res in b.html_routes():
        res.body = res.get_body().replace(b'<meta charset="utf-8">', b"")
        res.content_type = "text/html; charset=windows-1251"


ERROR_PAGE = (
    '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Ошибка 404</title></head><body>'
    '<h1>Ошибка 404</h1><p>Запрашиваемый файл не найден или был удалён.</p><a href="/">На главную</a>'
    "</body></html>"
).encode()


def _doc_error_page(b: s.Built) -> None:
    b.replace(b.doc_path("regulation"), ERROR_PAGE, "text/html; charset=utf-8")


def _doc(key: str, make: Callable[[bytes], bytes], ctype: str) -> Callable[[s.Built], None]:
    def patch(b: s.Built) -> None:
        b.replace(b.doc_path(key), make(b.render(key)), ctype)

    return patch


def _sitemap(make: Callable[[str], bytes]) -> Callable[[s.Built], None]:
    def patch(b: s.Built) -> None:
        b.site.routes["/sitemap.xml"] = Resource(make("{BASE}"), "application/xml", headers={"X-Base-Template": "1"})

    return patch


def _both(*patches: Callable[[s.Built], None]) -> Callable[[s.Built], None]:
    def patch(b: s.Built) -> None:
        for one in patches:
            one(b)

    return patch


def _pdf_wrong_xref(pdf: bytes) -> bytes:
    """Every xref offset points 999 bytes off: the table lies, the objects are intact."""
    head, sep, tail = pdf.rpartition(b"\nxref\n")
    if not sep:
        return pdf
    lines = tail.split(b"\n")
    fixed = [
        b"%010d 00000 n " % (int(ln[:10]) + 999)
        if len(ln) >= 18 and ln[11:16] == b"00000" and ln[17:18] == b"n"
        else ln
        for ln in lines
    ]
    return head + sep + b"\n".join(fixed)


def _pdf_faults(b: s.Built) -> None:
    b.replace(b.doc_path("pairs"), p.pdf_truncated(b.render("pairs")), MIME_PDF)
    b.replace(b.doc_path("report"), p.pdf_deep_nesting(), MIME_PDF)
    b.replace(b.doc_path("order"), p.pdf_loops(), MIME_PDF)


def _pdf_lies(b: s.Built) -> None:
    b.replace(b.doc_path("pairs"), p.pdf_lying(), MIME_PDF)
    b.replace(b.doc_path("report"), _pdf_wrong_xref(b.render("report")), MIME_PDF)


SCAN_ALT = "Приказ о закреплении наставнических пар на 2025-2026 учебный год, стр. {n}"


def _scans(ext: str, image: Callable[[], bytes], ctype: str) -> Callable[[s.Built], None]:
    """The pairs order pasted into the section as two huge scanned pages (<img>), not linked as a file."""

    def patch(b: s.Built) -> None:
        data = image()
        for n in (1, 2):
            b.replace(f"/upload/prikaz-pary-{n}.{ext}", data, ctype)
        section = b.site.routes[s.SECTION]
        section.headers["X-Base-Template"] = "1"  # the farm writes the live base URL into {BASE}

    return patch


def _scan_html(ext: str) -> str:
    return "<h2>Приказ о закреплении наставнических пар (скан)</h2>" + "".join(
        f'<p><img src="{{BASE}}upload/prikaz-pary-{n}.{ext}" alt="{SCAN_ALT.format(n=n)}"></p>' for n in (1, 2)
    )


def _traversal(b: s.Built) -> None:
    b.replace(
        b.doc_path("order"), b.render("order"), MIME_PDF,
        **{"Content-Disposition": "attachment; filename*=UTF-8''../../../../tmp/evil.pdf"},
    )  # fmt: skip
    b.replace(
        b.doc_path("regulation"), b.render("regulation"), MIME_DOCX,
        **{"Content-Disposition": 'attachment; filename="..\\..\\..\\..\\tmp\\nm-hostile-evil.docx"'},
    )  # fmt: skip
    b.replace(
        b.doc_path("base"), b.render("base"), MIME_ODT,
        **{"Content-Disposition": "attachment; filename=/tmp/nm-hostile-evil.odt"},
    )  # fmt: skip


def _xss_formula(case: Case, cache: DocCache) -> HostileSite:
    labels = {
        "regulation": FORMULAS[0],
        "order": FORMULAS[1] + " Приказ «О внедрении целевой модели наставничества» (назначение куратора)",
        "roadmap": FORMULAS[2] + " Дорожная карта по реализации Положения о системе наставничества на 2025-2027 годы",
        "base": FORMULAS[4] + " База наставников и наставляемых на 2025-2026 учебный год",
        "report": f"<script>alert('{XSS_MARK}')</script> Аналитическая справка по итогам мониторинга программы "
        "наставничества за 2024-2025 учебный год",
    }
    hsite, built = _site(
        case,
        cache,
        labels=labels,
        section_title=f"Наставничество<script>alert('{XSS_MARK}-title')</script>",
        section_extra=f"<script>alert('{XSS_MARK}-live')</script><p onmouseover=\"alert('{XSS_MARK}-attr')\">"
        f"Наставничество &lt;img src=x onerror=alert('{XSS_MARK}-img')&gt;</p>",
        news=[
            (d, f"{formula} {title}", path, text)
            for formula, (d, title, path, text) in zip((FORMULAS[0], FORMULAS[3]), s.NEWS, strict=True)
        ],
    )
    lines = built.lines
    lines["pairs"] = [FORMULAS[3], *lines["pairs"]]
    lines["regulation"] = [f"<script>alert('{XSS_MARK}-doc')</script>", FORMULAS[0], *lines["regulation"]]
    for key in ("pairs", "regulation"):
        path, fmt = s.DOCS[key]
        frozen = list(lines[key])
        built.site.routes[path].factory = lambda fmt=fmt, frozen=frozen: cache.render(fmt, frozen, 0)
    return hsite


# ------------------------------------------------------------------------------------------------ the table

_N = iter(range(100, 200))


def _case(
    id: str,
    kind: OrgKind,
    group: str,
    fault: str,
    expect: Expect,
    build: Callable[[Case, DocCache], HostileSite],
    wall_bound: float = 60.0,
) -> Case:
    return Case(id, next(_N), kind, group, fault, expect, build, wall_bound)


OO, DOU, DO = OrgKind.OO, OrgKind.DOU, OrgKind.DO
MET = Expect()
UNKNOWN_NET = ("не ответил", "прерван", "отклонил", "ошибка сети")


def _hide(*keys: str) -> frozenset[str]:
    return frozenset().union(*(s.DECIDES[k] for k in keys))


CASES: list[Case] = [
    # ---- healthy controls: everything «выполнено»
    _case("control-oo", OO, "control", "healthy school site", MET, healthy()),
    _case("control-dou", DOU, "control", "healthy kindergarten site", MET, healthy()),
    _case("control-do", DO, "control", "healthy additional-education site", MET, healthy()),
    _case("control-tls", OO, "control", "healthy site on HTTPS, its certificate in crawl.ca_bundle", MET,
          healthy("trusted")),
    _case("control-slow", DO, "control", "healthy site answering every request after 4 s (crawl over a minute)",
          MET, slow, wall_bound=150),
    # ---- the whole site cannot be read
    _case("conn-refused", OO, "network", "nothing listens on the address: connection refused",
          Expect(True, ("отклонил",)), refused),
    _case("accept-hang", OO, "network", "accepts TCP connections, never answers",
          Expect(True, ("не ответил",)), connection("hang")),
    _case("reset", OO, "network", "reads the request, then resets the connection (RST)",
          Expect(True, UNKNOWN_NET), connection("reset")),
    _case("slow-drip", OO, "network", "every answer dripped one byte a second (slowloris server)",
          Expect(True, ("не ответил",)), every(lambda b: s.Drip(_home_html(b), interval=1.0))),
    _case("503-always", OO, "network", "every request: 503 with Retry-After: 3600",
          Expect(True, ("503",)), every(lambda b: s.Status(503, {"Retry-After": "3600"}))),
    _case("503-flapping", OO, "network", "each URL: 503 on the 1st, 3rd … request, 200 on the others", MET,
          every(lambda b: s.Flapping())),
    _case("429-retry-after", OO, "network",
          "each URL: 429 with Retry-After: 2 until two seconds after its first request, then 200", MET,
          every(lambda b: s.RetryAfter(2))),
    _case("redirect-loop", OO, "network", "home page: / → /index.php → / … (302 loop)",
          Expect(True), at(lambda b: {"/": s.Redirect("/index.php"), "/index.php": s.Redirect("/")})),
    _case("tls-self-signed", OO, "network", "HTTPS with a self-signed certificate not in the bundle",
          Expect(True, ("сертификат",)), healthy("untrusted")),
    _case("tls-mismatch", OO, "network", "HTTPS with a trusted certificate issued for another host name",
          Expect(True, ("сертификат",)), healthy("mismatch")),
    _case("tls-drip", OO, "network",
          "self-signed HTTPS; the unverified evidence re-fetch is dripped one byte a second",
          Expect(True, ("сертификат",)), every(lambda b: s.Drip(_home_html(b), interval=1.0), tls="untrusted")),
    _case("robots-disallow-all", OO, "network", "robots.txt: Disallow: / for every agent",
          Expect(True, ("robots.txt",)), patched(_robots_all)),
    _case("huge-home", OO, "network", "home page of 200 MB (Content-Length given, streamed)",
          Expect(True, ("велика",)), at(lambda b: {"/": s.Stream(200 * p.MB)})),
    _case("empty-home", OO, "network", "home page: 200 with an empty body", Expect(True), patched(_empty_home)),
    _case("garbage-home", OO, "network", "home page: 64 KB of random bytes as text/html", Expect(True),
          patched(_garbage_home)),
    # ---- pages on the way to the section, or the section itself
    _case("menu-503", OO, "page",
          "«Педагогам» (the only way to the section; its label does not say mentoring) answers 503 always",
          Expect(hidden=ALL), at(lambda b: {s.PEDAGOGAM: s.Status(503)}, menu_direct=False)),
    _case("font-depth", OO, "page", "254 unclosed <font> tags before the menu on every page (libxml2 depth limit)",
          MET, patched(_font_depth)),
    _case("charset-lie", OO, "page", "UTF-8 pages under Content-Type charset=windows-1251, no meta charset", MET,
          patched(_charset_lie)),
    _case("section-200mb", OO, "page", "the section page is 200 MB (Content-Length given)", Expect(hidden=ALL),
          at(lambda b: {s.SECTION: s.Stream(200 * p.MB)})),
    _case("section-endless", OO, "page", "the section page is an endless chunked body", Expect(hidden=ALL),
          at(lambda b: {s.SECTION: s.Stream(None)})),
    _case("section-gzip-bomb", OO, "page", "the section page: 1 MB of gzip inflating to 1 GB (Content-Encoding)",
          Expect(hidden=ALL), at(lambda b: {s.SECTION: s.Encoded(p.gzip_bomb())})),
    _case("section-redirect-loop", OO, "page", "the section page redirects to itself through index.php",
          Expect(hidden=ALL),
          at(lambda b: {s.SECTION: s.Redirect(s.SECTION + "index.php"),
                        s.SECTION + "index.php": s.Redirect(s.SECTION)})),
    _case("calendar-trap", OO, "page", "home links an endless calendar (/kalendar/YYYY/MM/DD/, both ways)", MET,
          lambda c, cache: _with_handler(c, cache, "/kalendar/", s.calendar_trap,
                                         '<p><a href="/kalendar/2026/05/">Календарь событий</a></p>')),
    _case("links-10000", OO, "page", "home page with 10 000 links (news archive)", MET,
          lambda c, cache: _with_handler(c, cache, "/arkhiv/", s.news_archive, s.many_links_html())),
    # ---- documents
    _case("doc-error-page", OO, "document",
          "the Положение link answers 200 with an HTML «Ошибка 404» page instead of the file",
          Expect(hidden=_hide("regulation")), patched(_doc_error_page)),
    _case("docx-bomb", OO, "document", "the Положение is a 4 MB DOCX whose `mimetype` member inflates to 4.25 GB",
          Expect(hidden=_hide("regulation")), patched(_doc("regulation", p.docx_bomb, MIME_DOCX))),
    _case("zip-lying-sizes", OO, "document",
          "the Положение DOCX: document.xml inflates to 1 GB, its zip headers say a few KB",
          Expect(hidden=_hide("regulation")), patched(_doc("regulation", p.lying_docx, MIME_DOCX))),
    _case("xxe", OO, "document", "DOCX and sitemap.xml with an external entity on file:///etc/passwd",
          Expect(hidden=_hide("regulation")),
          patched(_both(_doc("regulation", p.xxe_docx, MIME_DOCX), _sitemap(p.xxe_sitemap)), sitemap=True)),
    _case("billion-laughs", OO, "document", "DOCX and sitemap.xml with the billion-laughs entity expansion",
          Expect(hidden=_hide("regulation")),
          patched(_both(_doc("regulation", p.laughs_docx, MIME_DOCX), _sitemap(p.laughs_sitemap)), sitemap=True)),
    _case("pdf-malformed", OO, "document",
          "PDFs: pairs order cut at 55 %, report nested 100 000 deep, order with a self-referencing page tree",
          Expect(hidden=_hide("pairs", "report", "order")), patched(_pdf_faults)),
    _case("pdf-lying", OO, "document",
          "PDFs: pairs order claims 2^31 pages and a 10-byte stream inflating to 1 GB; report's xref all wrong",
          Expect(hidden=_hide("pairs", "report")), patched(_pdf_lies)),
    _case("image-bomb-13k", OO, "document", "pairs order pasted in the section as two 13000² JPEG scans (<img>)",
          Expect(hidden=_hide("pairs")),
          patched(_scans("jpg", p.jpeg_bomb, "image/jpeg"), section_extra=_scan_html("jpg"),
                  omit=frozenset({"pairs"}))),
    _case("image-bomb-30k", OO, "document", "pairs order pasted in the section as two 30000² PNG scans (<img>)",
          Expect(hidden=_hide("pairs")),
          patched(_scans("png", p.png_bomb, "image/png"), section_extra=_scan_html("png"),
                  omit=frozenset({"pairs"}))),
    _case("doc-600mb", OO, "document",
          "report: 600 MB with Content-Length; pay amendment: 600 MB chunked without a length",
          Expect(hidden=_hide("report", "pay")),
          at(lambda b: {b.doc_path("report"): s.Stream(600 * p.MB, MIME_PDF, b"%PDF-1.7\n", b"% padding\n"),
                        b.doc_path("pay"): s.Stream(None, MIME_RTF, b"{\\rtf1 ", b"padding ")})),
    _case("doc-broken-transfer", OO, "document",
          "Положение reset half-way; roadmap with a Content-Length twice its body; order never answered; "
          "mentor base dripped a byte every 0.5 s",
          Expect(hidden=_hide("regulation", "roadmap", "order", "base")),
          at(lambda b: {b.doc_path("regulation"): s.Reset(b.render("regulation"), MIME_DOCX, 0.5),
                        b.doc_path("roadmap"): s.LyingLength(b.render("roadmap"), MIME_DOCX,
                                                             2 * len(b.render("roadmap"))),
                        b.doc_path("order"): s.Hang(),
                        b.doc_path("base"): s.Drip(b.render("base"), MIME_ODT, interval=0.5)})),
    # ---- what must not escape into the outputs
    _case("traversal-names", OO, "escape",
          "Content-Disposition names: filename*=UTF-8''../../../../tmp/evil.pdf, ..\\..\\tmp\\…, /tmp/…",
          MET, patched(_traversal)),
    _case("xss-formula", OO, "escape",
          "<script> in titles, link texts and documents; =HYPERLINK(…), =cmd|…, +…, -…, @… in link texts and "
          "document titles", MET, _xss_formula),
]  # fmt: skip
BY_ID = {c.id: c for c in CASES}
assert len(BY_ID) == len(CASES), "duplicate case id"
assert all(100 <= c.host <= 199 for c in CASES)


def _with_handler(case: Case, cache: DocCache, prefix: str, handler: object, home_extra: str) -> HostileSite:
    hsite, built = _site(case, cache, home_extra=home_extra)
    built.site.handlers.append((prefix, handler))  # type: ignore[arg-type]
    return hsite


def build_site(case: Case, cache: DocCache) -> HostileSite:
    return case.build(case, cache)
