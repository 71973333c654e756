"""The school site every farm case starts from, and the faults that break it.

Each case's site is a complete, healthy school site (menu «Педагогам › Наставничество», a section with the
organization's own Положение, order with a curator clause, roadmap, pairs order, mentor base, pay amendment,
analytic report and mentoring news): every criterion is truly «выполнено». A case then hides or breaks one part
of it; whatever the crawler reports, «не выполнено» is therefore always false.

Faults are callables the farm's request handler runs before the site's own routes: they write the raw answer
themselves (or return False to let the site answer), so they can do what http.server cannot express: hang,
reset, drip, lie about the length, stream forever.
"""

from __future__ import annotations

import datetime as dt
import socket
import struct
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from crawler.demo import texts as t
from crawler.demo.texts import OrgText
from crawler.demo.web import DocCache, MenuItem, Resource, Site, SiteBuilder, doc_list, href_of, news_block, paras
from crawler.models import OrgKind

M = MenuItem
SECTION = "/pedagogam/nastavnichestvo/"
PEDAGOGAM = "/pedagogam/"
FILES = "/files/nastavnichestvo/"
DOCS: dict[str, tuple[str, str]] = {  # key -> (path, format)
    "regulation": (FILES + "polozhenie-o-sisteme-nastavnichestva.docx", "docx"),
    "order": (FILES + "prikaz-o-vnedrenii-tselevoy-modeli.pdf", "pdf"),
    "roadmap": (FILES + "dorozhnaya-karta-2025-2027.docx", "docx"),
    "pairs": (FILES + "prikaz-o-zakreplenii-par-2025-2026.pdf", "pdf"),
    "base": (FILES + "baza-nastavnikov-2025-2026.odt", "odt"),
    "pay": (FILES + "izmeneniya-v-polozhenie-ob-oplate-truda.rtf", "rtf"),
    "report": (FILES + "analiticheskaya-spravka-2024-2025.pdf", "pdf"),
}
LABELS: dict[str, str] = {
    "regulation": "Положение о системе наставничества педагогических работников",
    "order": "Приказ «О внедрении целевой модели наставничества» (назначение куратора)",
    "roadmap": "Дорожная карта по реализации Положения о системе наставничества на 2025-2027 годы",
    "pairs": "Приказ о закреплении наставнических пар на 2025-2026 учебный год",
    "base": "База наставников и наставляемых на 2025-2026 учебный год",
    "pay": "Изменения в Положение об оплате труда (доплата за наставничество)",
    "report": "Аналитическая справка по итогам мониторинга программы наставничества за 2024-2025 учебный год",
}
# which criteria each document decides (so a case that breaks a document knows what it may hide)
DECIDES: dict[str, frozenset[str]] = {
    "regulation": frozenset({"regulation"}),
    "order": frozenset({"curator"}),
    "roadmap": frozenset({"roadmap"}),
    "pairs": frozenset({"pairs"}),
    "base": frozenset({"mentor_base"}),
    "pay": frozenset({"pay_incentives"}),
    "report": frozenset({"monitoring"}),
}
NEWS = [
    ("12.02.2026", "Открытый урок молодого специалиста", SECTION + "otkrytyy-urok/",
     "В рамках программы наставничества молодой учитель, наставляемый опытного коллеги, провёл открытый урок. "
     "Наставник и коллеги отметили успехи молодого педагога."),
    ("20.11.2025", "Школа молодого педагога: первое занятие", SECTION + "shkola-molodogo-pedagoga/",
     "Куратор наставничества провела первое занятие школы молодого педагога; наставнические пары представили "
     "персонализированные программы наставничества на 2025-2026 учебный год."),
]  # fmt: skip
# the home page's news column: ordinary school news (it must not lead into the section, or a broken menu
# would not hide it)
GENERAL_NEWS = [
    ("14.05.2026", "Последний звонок — 2026", "/novosti/posledniy-zvonok/", "Торжественная линейка для выпускников."),
    ("07.05.2026", "Бессмертный полк", "/novosti/bessmertnyy-polk/", "Обучающиеся приняли участие в акции."),
    ("01.09.2025", "День знаний", "/novosti/den-znaniy/", "Торжественная линейка, посвящённая началу учебного года."),
]


def org_text(number: int, kind: OrgKind) -> OrgText:
    """How the organization of case number N names itself (registry name = `short`)."""
    if kind is OrgKind.DOU:
        return OrgText(
            full=f"Муниципальное бюджетное дошкольное образовательное учреждение «Детский сад № {number}»",
            short=f"МБДОУ «Детский сад № {number}»",
            head_title="Заведующий",
            head="Н.В. Орлова",
        )
    if kind is OrgKind.DO:
        return OrgText(
            full=f"Муниципальное бюджетное учреждение дополнительного образования «Центр творчества № {number}»",
            short=f"МБУ ДО «Центр творчества № {number}»",
            head_title="Директор",
            head="С.А. Белова",
        )
    return OrgText(
        full=f"Муниципальное бюджетное общеобразовательное учреждение «Средняя школа № {number}»",
        short=f"МБОУ «СОШ № {number}»",
        head_title="Директор",
        head="Е.В. Смирнова",
    )


def document_lines(org: OrgText) -> dict[str, list[str]]:
    """The texts of the seven documents of a complete mentoring section."""
    reg_stamp = ["ПРИНЯТО\tУТВЕРЖДЕНО", "педагогическим советом\tприказом директора",
                 "протокол № 1 от 29.08.2025\tот 01.09.2025 № 41-од"]  # fmt: skip
    return {
        "regulation": t.regulation(org, reg_stamp),
        "order": t.model_order(
            org, number="41-од", date_text="01.09.2025", curator="заместителя директора по УВР Павлову Ирину Сергеевну"
        ),
        "roadmap": t.roadmap(
            org,
            ["УТВЕРЖДЕНО", "приказом от 29.08.2025 № 112-од"],
            period="на 2025-2027 годы",
            rows=[
                ("Актуализация базы наставников и наставляемых", "сентябрь 2025", "куратор"),
                ("Издание приказа о закреплении наставнических пар", "до 01.09 ежегодно", "руководитель"),
                ("Мониторинг реализации программы наставничества", "май 2026, май 2027", "куратор"),
            ],
        ),
        "pairs": t.pairs_order(
            org,
            number="127-а",
            date_text="01.09.2025",
            year="2025-2026",
            pairs=[
                ("Иванова Мария Петровна", "Сидоров Олег Игоревич", "педагог – педагог"),
                ("Кузьмина Елена Олеговна", "Кузнецова Дарья Андреевна", "педагог – педагог"),
            ],
        ),
        "base": t.mentor_base(
            org,
            year="2025-2026",
            mentors=[
                ("Иванова Мария Петровна", "педагог, 24 года", "методика преподавания"),
                ("Кузьмина Елена Олеговна", "педагог, 19 лет", "адаптация молодого педагога"),
            ],
        ),
        "pay": t.pay_regulation(
            org,
            [
                "СОГЛАСОВАНО\tУТВЕРЖДЕНО",
                "с профсоюзным комитетом, протокол № 3 от 10.02.2026\tприказом от 12.02.2026 № 21-од",
            ],
            mentoring=True,
            amendment=True,
        ),
        "report": t.report(org, year="2024-2025", made_on="30.05.2025"),
    }


@dataclass
class Built:
    """A case's site as built: the builder (its pages), the served Site, and what its documents are."""

    builder: SiteBuilder
    site: Site
    org: OrgText
    lines: dict[str, list[str]]

    def doc_path(self, key: str) -> str:
        return DOCS[key][0]

    def render(self, key: str) -> bytes:
        """The document's real bytes (for the cases that corrupt or wrap them)."""
        return self.builder.cache.render(DOCS[key][1], self.lines[key], 0)

    def replace(self, path: str, body: bytes, ctype: str, status: int = 200, **headers: str) -> None:
        self.site.routes[path] = Resource(body, ctype, status=status, headers=dict(headers))

    def html_routes(self) -> list[Resource]:
        return [r for r in self.site.routes.values() if r.content_type.startswith("text/html")]


def standard_site(
    cache: DocCache,
    case_id: str,
    host: int,
    kind: OrgKind,
    *,
    menu_direct: bool = True,
    sitemap: bool = False,
    labels: dict[str, str] | None = None,
    section_title: str = "Наставничество",
    section_extra: str = "",
    home_extra: str = "",
    omit: frozenset[str] = frozenset(),
    news: list[tuple[str, str, str, str]] | None = None,
) -> Built:
    """A complete school site: every criterion is «выполнено» on it.

    `menu_direct`: the home menu links the section under «Педагогам» (else only the «Педагогам» page does);
    `omit`: documents left out of the section (their case links something else instead, e.g. scans);
    `news`: the section's mentoring news (date, title, path, text), NEWS by default.
    """
    org = org_text(host, kind)
    news = news or NEWS
    labels = {**LABELS, **(labels or {})}
    children = (M("Аттестация", PEDAGOGAM + "attestatsiya/"), M("Наставничество", SECTION)) if menu_direct else ()
    menu = [
        M("Главная", "/"),
        M("Сведения об образовательной организации", "/sveden/"),
        M("Новости", "/novosti/"),
        M("Педагогам", PEDAGOGAM, children),
        M("Родителям", "/roditelyam/"),
        M("Контакты", "/kontakty/"),
    ]
    b = SiteBuilder(
        cache,
        case_id,
        host,
        theme="gosweb",
        name=org.full,
        short=org.short,
        menu=menu,
        address=f"606970, Нижегородская область, р.п. Тонкино, ул. Школьная, д. {host}",
        phone=f"+7 (83153) 4-{host:02d}-12",
        news=[(d, title, path) for d, title, path, _ in GENERAL_NEWS],
    )
    lines = document_lines(org)
    own = []
    for key, (path, fmt) in DOCS.items():
        b.file(path, fmt, lines[key])
        if key not in omit:
            own.append((labels[key], href_of(path)))
    crumbs = [("Главная", "/"), ("Педагогам", PEDAGOGAM)]
    for d, title, path, text in news:
        b.page(path, title, f'<div class="date">{d}</div>' + paras(text), crumbs=[*crumbs, ("Наставничество", SECTION)])
    for d, title, path, text in GENERAL_NEWS:
        b.page(path, title, f'<div class="date">{d}</div>' + paras(text), crumbs=[("Главная", "/")])
    body = (
        paras(
            "Целевая модель наставничества педагогических работников внедрена с 1 сентября 2025 года. "
            "Куратор наставничества — заместитель руководителя Павлова Ирина Сергеевна.",
            "В 2025-2026 учебном году работают две наставнические пары «педагог – педагог».",
        )
        + "<h2>Локальные акты</h2>"
        + doc_list(own)
        + section_extra
        + "<h2>Лучшие практики наставничества</h2>"
        + news_block([(d, title, path) for d, title, path, _ in news])
    )
    b.page(SECTION, section_title, body, crumbs=crumbs)
    b.page(
        PEDAGOGAM,
        "Педагогам",
        doc_list([("Аттестация", PEDAGOGAM + "attestatsiya/"), ("Наставничество", SECTION)]),
        crumbs=[("Главная", "/")],
    )
    b.page(PEDAGOGAM + "attestatsiya/", "Аттестация", paras("График аттестации на 2025-2026 учебный год."))
    b.page("/sveden/", "Сведения об образовательной организации", paras("Основные сведения об организации."))
    b.page("/novosti/", "Новости", news_block([(d, title, path) for d, title, path, _ in GENERAL_NEWS]))
    b.page("/roditelyam/", "Родителям", paras("Памятки для родителей."))
    b.page("/kontakty/", "Контакты", paras(f"Телефон: +7 (83153) 4-{host:02d}-12"))
    b.page("/", "Главная", paras("Добро пожаловать на официальный сайт!") + home_extra)
    site = b.finish(sitemap=sitemap)
    return Built(b, site, org, lines)


# ------------------------------------------------------------------------------------------------ traps


def calendar_trap(path: str, query: str) -> Resource | None:
    """/kalendar/YYYY/MM/ and /kalendar/YYYY/MM/DD/: every day links the next and the previous one, forever."""
    parts = [p for p in path.split("/") if p][1:]
    try:
        nums = [int(p) for p in parts]
    except ValueError:
        return None
    if len(nums) == 3:
        try:
            day = dt.date(*nums)
        except ValueError:
            return None
        links = [(day - dt.timedelta(days=1), "« Предыдущий день"), (day + dt.timedelta(days=1), "Следующий день »")]
        body = f"<h1>События {day:%d.%m.%Y}</h1><p>Событий нет.</p>" + "".join(
            f'<a href="/kalendar/{d:%Y/%m/%d}/">{label}</a> ' for d, label in links
        )
    elif len(nums) == 2 and 1 <= nums[1] <= 12:
        year, month = nums
        days = "".join(f'<a href="/kalendar/{year}/{month:02d}/{d:02d}/">{d}</a> ' for d in range(1, 29))
        nxt = f"{year + month // 12}/{month % 12 + 1:02d}"
        prv = f"{year - (month == 1)}/{(month - 2) % 12 + 1:02d}"
        body = (
            f"<h1>Календарь событий {month:02d}.{year}</h1>{days}"
            f'<a href="/kalendar/{prv}/">« Месяц назад</a> <a href="/kalendar/{nxt}/">Месяц вперёд »</a>'
        )
    else:
        return None
    page = f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>Календарь</title></head><body>{body}</body></html>'
    return Resource(page.encode())


def news_archive(path: str, query: str) -> Resource | None:
    """/arkhiv/N/: one of the 10 000 news items the home page links."""
    tail = path.strip("/").split("/")[-1]
    if not tail.isdigit():
        return None
    page = (
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>Новость {tail}</title></head><body>'
        f"<h1>Новость № {tail}</h1><p>Текст новости.</p></body></html>"
    )
    return Resource(page.encode())


def many_links_html(n: int = 10_000) -> str:
    return '<div class="archive">' + "".join(f'<a href="/arkhiv/{i}/">Новость № {i}</a> ' for i in range(n)) + "</div>"


# ------------------------------------------------------------------------------------------------ faults


class Handler(Protocol):
    """What a fault may use of the farm's request handler."""

    connection: socket.socket
    wfile: Any
    close_connection: bool

    def stopping(self) -> threading.Event: ...

    def send_simple(self, status: int, body: bytes, ctype: str, headers: dict[str, str] | None = None) -> None: ...

    def base_url(self) -> str: ...


Fault = Callable[["Handler", str, str], bool]  # (handler, decoded path, query) -> answered?
FILLER = b"<p>" + "Текст страницы. ".encode() * 60 + b"</p>\n"


def _write(h: Handler, data: bytes) -> bool:
    try:
        h.wfile.write(data)
        h.wfile.flush()
        return True
    except OSError:
        h.close_connection = True
        return False


def _head(status: int, reason: str, headers: dict[str, str]) -> bytes:
    lines = [f"HTTP/1.1 {status} {reason}", "Server: nginx/1.18.0", *[f"{k}: {v}" for k, v in headers.items()]]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


def reset_now(h: Handler) -> None:
    """Close with RST instead of FIN."""
    h.close_connection = True
    try:
        h.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        h.connection.close()
    except OSError:
        pass


@dataclass
class Status:
    """Always this status (503 always, 404, …)."""

    status: int
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b"<html><body><h1>503 Service Temporarily Unavailable</h1><hr>nginx</body></html>\n"

    def __call__(self, h: Handler, path: str, query: str) -> bool:
        h.send_simple(self.status, self.body, "text/html; charset=utf-8", self.headers)
        return True


@dataclass
class Flapping:
    """Each path fails with 503 on its 1st, 3rd, 5th … request and works on the others."""

    counts: dict[str, int] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def __call__(self, h: Handler, path: str, query: str) -> bool:
        key = path + "?" + query
        with self.lock:
            n = self.counts.get(key, 0)
            self.counts[key] = n + 1
        if n % 2 == 0:
            Status(503)(h, path, query)
            return True
        return False


@dataclass
class RetryAfter:
    """429 with Retry-After: N on the first request of each path, and again until N seconds have passed."""

    seconds: int = 2
    status: int = 429
    first: dict[str, float] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def __call__(self, h: Handler, path: str, query: str) -> bool:
        key = path + "?" + query
        now = time.monotonic()
        with self.lock:
            since = self.first.setdefault(key, now)
        if now - since >= self.seconds:
            return False
        left = max(1, round(self.seconds - (now - since)))
        body = b"<html><body><h1>429 Too Many Requests</h1></body></html>\n"
        h.send_simple(self.status, body, "text/html; charset=utf-8", {"Retry-After": str(left)})
        return True


@dataclass
class Redirect:
    location: str
    status: int = 302

    def __call__(self, h: Handler, path: str, query: str) -> bool:
        h.send_simple(self.status, b"", "text/html; charset=utf-8", {"Location": self.location})
        return True


@dataclass
class Hang:
    """Read the request, never answer (until the farm stops)."""

    def __call__(self, h: Handler, path: str, query: str) -> bool:
        h.stopping().wait()
        h.close_connection = True
        return True


@dataclass
class Reset:
    """Send `prefix` of a real answer (headers and part of the body), then reset the connection."""

    body: bytes = b""
    ctype: str = "text/html; charset=utf-8"
    fraction: float = 0.0  # of the body sent before the reset; 0: nothing at all, not even headers

    def __call__(self, h: Handler, path: str, query: str) -> bool:
        if self.fraction > 0:
            head = _head(200, "OK", {"Content-Type": self.ctype, "Content-Length": str(len(self.body))})
            _write(h, head + self.body[: int(len(self.body) * self.fraction)])
            time.sleep(0.2)
        reset_now(h)
        return True


@dataclass
class Drip:
    """Headers at once, then the body one byte every `interval` seconds (a slowloris server)."""

    body: bytes
    ctype: str = "text/html; charset=utf-8"
    interval: float = 1.0
    status: int = 200

    def __call__(self, h: Handler, path: str, query: str) -> bool:
        head = _head(self.status, "OK", {"Content-Type": self.ctype, "Content-Length": str(len(self.body))})
        if not _write(h, head):
            return True
        for i in range(len(self.body)):
            if h.stopping().wait(self.interval) or not _write(h, self.body[i : i + 1]):
                break
        h.close_connection = True
        return True


HTML_PREFIX = '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Наставничество</title></head><body>'.encode()


@dataclass
class Stream:
    """A huge body streamed from a repeated filler: `size` bytes with Content-Length, or chunked forever
    (size None). Never held in memory; stops when the client goes away or the farm stops."""

    size: int | None
    ctype: str = "text/html; charset=utf-8"
    prefix: bytes = HTML_PREFIX
    unit: bytes = FILLER

    def __call__(self, h: Handler, path: str, query: str) -> bool:
        block = self.unit * max(1, 65536 // len(self.unit))
        h.close_connection = True
        if self.size is not None:
            if not _write(h, _head(200, "OK", {"Content-Type": self.ctype, "Content-Length": str(self.size)})):
                return True
            left = self.size - len(self.prefix)
            if not _write(h, self.prefix):
                return True
            while left > 0 and not h.stopping().is_set():
                piece = block[:left]
                if not _write(h, piece):
                    break
                left -= len(piece)
            return True
        head = _head(200, "OK", {"Content-Type": self.ctype, "Transfer-Encoding": "chunked"})
        if not _write(h, head + b"%x\r\n%s\r\n" % (len(self.prefix), self.prefix)):
            return True
        chunk = b"%x\r\n%s\r\n" % (len(block), block)
        while not h.stopping().is_set() and _write(h, chunk):
            pass
        return True


@dataclass
class LyingLength:
    """Content-Length says `declared`, the server sends the real body and closes the connection."""

    body: bytes
    ctype: str
    declared: int

    def __call__(self, h: Handler, path: str, query: str) -> bool:
        _write(h, _head(200, "OK", {"Content-Type": self.ctype, "Content-Length": str(self.declared)}) + self.body)
        h.close_connection = True
        return True


@dataclass
class Encoded:
    """A pre-encoded body (a gzip bomb) with Content-Encoding."""

    body: bytes
    encoding: str = "gzip"
    ctype: str = "text/html; charset=utf-8"

    def __call__(self, h: Handler, path: str, query: str) -> bool:
        headers = {"Content-Type": self.ctype, "Content-Encoding": self.encoding, "Content-Length": str(len(self.body))}
        _write(h, _head(200, "OK", headers) + self.body)
        return True
