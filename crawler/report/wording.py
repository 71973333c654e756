"""Plain Russian for the signed brief: network failures without protocol codes, short reasons of a partial
verdict, quotes cut at word boundaries and cleaned of menu crumbs, titles the extraction cut mid-word.

The crawl and the evaluation keep their exact wording (codes, URLs) in findings.json: it is evidence. The
report layer translates it here, once, so the brief, the appendix, the letters and the exports agree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from crawler.evaluate.documents import clip

# ------------------------------------------------------------------ network failures


@dataclass(frozen=True)
class Failure:
    plain: str  # for the signed part: no codes, no URLs, no Latin
    detail: str  # for the appendix and the letters: the code or the technical message


_SERVER_5XX = {
    500: "на сервере сайта произошла внутренняя ошибка",
    502: "сервер сайта не получил ответа от внутреннего сервера",
    503: "сервер сообщает о временной неисправности",
    504: "сервер сайта не дождался ответа от внутреннего сервера",
}

_TLS_DETAILS = (
    ("certificate has expired", "срок действия сертификата истёк"),
    ("self-signed", "сертификат самоподписанный"),
    ("self signed", "сертификат самоподписанный"),
    ("unable to get local issuer certificate", "сертификат выдан неизвестным удостоверяющим центром"),
    ("hostname mismatch", "сертификат выдан для другого адреса"),
    ("certificate verify failed", "сертификат не прошёл проверку"),
    ("wrong version number", "ошибка протокола"),
)

_URL_PREFIX = re.compile(r"^\s*(?:https?|ftp)://\S+?:\s+")
_URL = re.compile(r"(?:https?|ftp)://[^\s;,)»]+")
_LATIN = re.compile(r"[A-Za-z]")


def _one_failure(text: str) -> Failure:
    text = _URL_PREFIX.sub("", text.strip()).rstrip(". ")
    m = re.search(r"сервер отвечает (\d{3}) после (\d+) попыт", text)
    if m:
        code = int(m.group(1))
        plain = _SERVER_5XX.get(code, "сервер сайта работает с ошибками")
        return Failure(plain, f"код ответа сервера {code}, попыток: {m.group(2)}")
    m = re.search(r"\(HTTP (\d{3})\)", text)
    if m:
        return Failure(text[: m.start()].strip(), f"код ответа сервера {m.group(1)}")
    m = re.search(r"сервер отвечает HTTP (\d{3})", text)
    if m:
        return Failure("сервер сайта отвечает ошибкой", f"код ответа сервера {m.group(1)}")
    m = re.match(r"ошибка (сертификата )?TLS:?\s*(.*)", text)
    if m:
        detail = m.group(2)
        what = next((ru for marker, ru in _TLS_DETAILS if marker in detail), "")
        if not what and detail and not _LATIN.search(detail):  # already Russian: said once, in the plain words
            what, detail = detail, ""
        plain = f"ошибка {m.group(1) or ''}защищённого соединения" + (f" ({what})" if what else "")
        return Failure(plain, detail or "TLS")
    if "DNS" in text:
        return Failure("адрес сайта не найден (домен не существует или не продлён)", "DNS")
    if "robots.txt" in text:
        return Failure("сайт закрыт для автоматической проверки своими настройками", "robots.txt")
    m = re.match(r"ошибка сети:?\s*(.*)", text)
    if m:
        return Failure("ошибка сети", m.group(1))
    m = re.match(r"(внутренняя ошибка при анализе документов|сайт не проверен: обходчик[^:]*):?\s*(.*)", text)
    if m:
        return Failure(
            "внутренняя ошибка программы мониторинга; сайт нужно проверить повторно", m.group(2) or m.group(1)
        )
    if _LATIN.search(text):  # an unknown message with technical words: said generally, kept in the detail
        return Failure("сайт не удалось открыть", text)
    return Failure(text, "")


def site_failure(reason: str | None) -> Failure:
    """Why a site could not be checked, in words a head of a school acts on, and the code for the appendix.

    A reason may join several addresses («http://a/: …; http://b/: …»): each is translated, repeats dropped.
    """
    if not reason:
        return Failure("причина не установлена", "")
    parts = [p for p in re.split(r";\s+(?=(?:https?|ftp)://)", reason) if p.strip()]
    failures = [_one_failure(p) for p in parts] or [Failure("причина не установлена", "")]
    plain = "; ".join(dict.fromkeys(f.plain for f in failures))
    detail = "; ".join(dict.fromkeys(f.detail for f in failures if f.detail))
    return Failure(plain, detail)


def plain_error(text: str | None) -> str:
    """A document's or a page's error without the protocol code («ссылка не работает (HTTP 404)» → «ссылка не
    работает»)."""
    if not text:
        return ""
    return site_failure(text).plain


# ------------------------------------------------------------------ partial verdicts

# the reasons the checks give for «частично» (crawler/evaluate), as a short phrase of what is wrong
_PARTIAL_REASONS: tuple[tuple[str, str], ...] = (
    (r"раздела «Наставничество» нет, документы", "отдельного раздела нет, документы размещены в других разделах"),
    (r"страница-заглушка", "раздел-заглушка без содержания"),
    (r"не доступен по ссылкам с главной", "раздел не доступен из меню сайта"),
    (r"в разделе нет документов и содержательного текста", "в разделе нет документов и сведений"),
    (r"наставничестве обучающихся, а не педагогических", "размещено только Положение о наставничестве обучающихся"),
    (r"нет отметки об утверждении", "нет отметки об утверждении документа"),
    (r"документ другой организации", "размещён документ другой организации"),
    (r"срок действия истёк", "срок действия документа истёк"),
    (r"срок действия ещё не начался", "срок действия документа ещё не начался"),
    (r"срок действия не указан", "срок действия не указан"),
    (r"приказ не на текущий", "приказ прошлого учебного года"),
    (r"не указаны ни дата, ни учебный год", "в приказе нет даты и учебного года"),
    (r"базы нет; есть только приказ", "базы нет, есть только приказ о закреплении пар"),
    (r"материал устарел", "материалы прошлых лет"),
    (r"\(прошлый учебный год\)", "обновлялся в прошлом учебном году"),
    (r"дата не указана", "материалы без даты"),
    (r"не удалось прочитать|не удалось загрузить|не загружен|облачном хранилище", "документ не открывается"),
    (r"правило требует подпись", "нет отметки об электронной подписи"),
)


def partial_reasons(note: str) -> list[str]:
    """The short reasons of a «частично» note, in the order the note gives them; [] when none is known."""
    found = []
    for pattern, short in _PARTIAL_REASONS:
        m = re.search(pattern, note)
        if m:
            found.append((m.start(), short))
    return list(dict.fromkeys(short for _, short in sorted(found)))


# ------------------------------------------------------------------ quotes and titles

QUOTE_MAX = 220

# a title ending in one of these was cut by a line break of the document
_DANGLING = {
    "в", "во", "на", "по", "о", "об", "обо", "и", "с", "со", "к", "ко", "у", "для", "от", "до", "за", "из",
    "при", "над", "под", "без", "а", "или", "что", "как", "—", "-", "–",
}  # fmt: skip
_ONE_LETTER_WORDS = {"а", "в", "и", "к", "о", "с", "у", "я", "г", "п", "ч"}  # and «г.», «п.», «ч.» cut of their dot


def clip_words(text: str | None, limit: int = QUOTE_MAX) -> str:
    """Whitespace folded; longer text cut at a word boundary with «…», never mid-word."""
    return clip(text, limit) or ""


def tidy_title(title: str | None) -> str:
    """A document title as the brief prints it: an ending cut by the extraction («…наставничества р»,
    «…программы наставничества в», «МБОУ «Пака…») is replaced by «…» at a word boundary."""
    if not title:
        return ""
    text = re.sub(r"\s+", " ", title).strip()
    # a table's header run into the title by the extraction («… на 2022-2024 годы № п/п Мероприятие Сроки»)
    m = re.search(r"\s№\s*п/п\b", text)
    if m:
        text = text[: m.start()].rstrip()
    if text.endswith("…"):
        body = text[:-1].rstrip()
        words = body.split(" ")
        if len(words) > 1:  # the clip cut a word: drop its piece, keep whole words
            body = " ".join(words[:-1])
        return _close_quotes(body.rstrip(" ,;:—–-(«") + "…")
    words = text.split(" ")
    trimmed = False
    while len(words) > 2:
        last = words[-1].rstrip("»\"'").lower()
        dangling = last in _DANGLING or (len(last) == 1 and last.isalpha() and last not in _ONE_LETTER_WORDS)
        if not dangling:
            break
        words.pop()
        trimmed = True
    if not trimmed:
        return text
    return _close_quotes(" ".join(words).rstrip(" ,;:—–-(«") + "…")


def _close_quotes(text: str) -> str:
    """Balance «» after a cut: the closing marks that were cut off are restored."""
    missing = text.count("«") - text.count("»")
    return text + "»" * max(0, missing)


_CRUMB_CHAIN = re.compile(r"(?:^|(?<=[\s|(«]))(?:[^›|«»()]{1,60}?\s›\s)+")


def clean_page_text(text: str | None) -> str:
    """A quote from a page without the menu path and the breadcrumbs the page repeats before its text.

    «меню: Главная › Педагогам › Наставничество | Главная › Педагогам › Наставничество Наставничество Целевая
    модель …» → «Целевая модель …».
    """
    if not text:
        return ""
    parts = [p.strip() for p in text.split(" | ")]
    parts = [p for p in parts if not p.startswith("меню:")] or parts
    out = []
    for part in parts:
        m = _CRUMB_CHAIN.search(part)
        while m:
            rest = part[m.end() :]
            part = part[: m.start()] + _drop_repeated_head(rest)
            m = _CRUMB_CHAIN.search(part)
        out.append(part.strip())
    return " ".join(p for p in out if p)


def _drop_repeated_head(text: str) -> str:
    """After a breadcrumb chain the last crumb and the page heading repeat («Наставничество Наставничество
    Текст»): both go. Without a repeat only the chain goes."""
    words = text.split(" ")
    for n in range(1, min(6, len(words) // 2) + 1):
        if words[:n] == words[n : 2 * n]:
            return " ".join(words[2 * n :])
    return text


def quote_text(text: str | None, limit: int = QUOTE_MAX) -> str:
    """A quote as printed: page crumbs removed, a table's header run into it dropped, cut at a word boundary."""
    text = clean_page_text(text)
    m = re.search(r"\s№\s*п/п\b", text)
    if m:
        text = text[: m.start()].rstrip() + "…"
    return clip_words(text, limit)


def clean_note(note: str) -> str:
    """A verdict's note for the appendix and the letters: page crumbs inside it removed, titles cut by a line
    break of their document tidied (the URLs stay: they are the evidence)."""

    def quoted(m: re.Match[str]) -> str:
        inner = m.group(1)
        if "›" in inner:
            inner = clean_page_text(inner) or inner
        return f"(«{inner}»)"

    def dangling(m: re.Match[str]) -> str:
        word = m.group(1).lower()
        if word in _DANGLING or (len(word) == 1 and word not in _ONE_LETTER_WORDS):
            return "…" + m.group(2)
        return m.group(0)

    note = re.sub(r"\(«([^()]*?)»\)", quoted, note)
    # «…целевой модели наставничества р»» → «…целевой модели наставничества…»»
    return re.sub(r"\s([А-Яа-яЁё]{1,3})(»+)", dangling, note)


def no_urls(text: str) -> str:
    """Text without web addresses (and the brackets that held them), for the signed part."""
    text = re.sub(r"\s*\((?:[^()]*?)(?:https?|ftp)://[^()]*\)", "", text)
    text = _URL.sub("", text)
    return re.sub(r"\s{2,}", " ", text).strip()


def has_latin(text: str) -> bool:
    return bool(_LATIN.search(text))


def keep_numbers(name: str) -> str:
    """«СОШ № 2» never parts at a line end between «№» and its number."""
    return re.sub(r"№\s+(?=\d)", "№\u00a0", name)


def one_line_name(name: str) -> str:
    """«И. И. Иванова» with non-breaking spaces: initials and surname never part at a line end."""
    return re.sub(r"(?<=\.)\s+(?=\S)", "\u00a0", name.strip())
