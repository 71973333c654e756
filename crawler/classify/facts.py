"""Facts read from a document's text: approval stamps, numbers, dates, periods, signatures, owners.

Small regexes for the real forms of DOMAIN.md §1.3; dates are never invented from bare numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from crawler.classify.text import fold, one_line, snippet
from crawler.ru import MONTH_STEMS

MONTHS = {stem: number for number, stem in enumerate(MONTH_STEMS, 1)}  # «январ» → 1
_MONTH_RE = (  # «декабри»: OCR reads «я» as «и»
    r"(январ[ьяи]|феврал[ьяи]|марта?|апрел[ьяи]|ма[йя]|июн[ьяи]|июл[ьяи]|августа?|"
    r"сентябр[ьяи]|октябр[ьяи]|ноябр[ьяи]|декабр[ьяи])"
)
_YEAR = r"((?:19|20)\d{2})"
_MONTH_WORD = (
    r"(январ[ьяе]|феврал[ьяе]|марта?|марте|апрел[ьяе]|ма[йяе]|июн[ьяе]|июл[ьяе]|августа?|августе|"
    r"сентябр[ьяе]|октябр[ьяе]|ноябр[ьяе]|декабр[ьяе])"
)
DATE_RE = re.compile(
    # «16.05.2022», «24.10. 2024», «01.09.22» (a two-digit year only without spaces: «8. 9. 10» is a list)
    r"(?<![\d.])(\d{1,2})\s?[./-]\s?(\d{1,2})\s?[./-]\s?((?:19|20)\d{2}|(?<=[./-])\d{2}|\d{2}(?=\s*г\.?(?![а-яё])))(?![\d])"
    # «01 12 2021г», and «01.12 2021г.» (a space for the second dot)
    r"|(?<![\d.])(\d{1,2})(?:\s+|\.)(\d{2})\s+" + _YEAR + r"\s*г"
    r"|(?<![\d.])(\d{1,2})\s+" + _MONTH_RE + r"\s*" + _YEAR,  # «30 декабря2022г.»: a lost space
    re.I,
)


SIGN_RE = re.compile(
    # «подписан(о) [простой | усиленной (не)квалифицированной] электронной/цифровой подписью»
    r"подписан[оа]?\s+(?:(?:простой|усиленной|квалифицированной|неквалифицированной)\s+){0,2}"
    r"(?:цифровой|электронной)\s+подписью"
    r"|сведения\s+о\s+(сертификате|подписи)\s+эп"
    r"|сертификат\s*[:№]?\s*[0-9a-f]{16,}"
    r"|электронный\s+документ",
    re.I,
)
CERT_PERIOD_RE = re.compile(r"действител\w*\s*:?\s*с\s*([\d.]+)\s*(?:по|до)\s*([\d.]+)", re.I)


def _two_digit_year(value: str) -> int:
    year = int(value)
    return year + 2000 if year < 100 else year


def parse_date_match(m: re.Match[str]) -> date | None:
    try:
        if m.group(1):
            return date(_two_digit_year(m.group(3)), int(m.group(2)), int(m.group(1)))
        if m.group(4):
            return date(int(m.group(6)), int(m.group(5)), int(m.group(4)))
        word = m.group(8).lower()
        month = next(v for k, v in MONTHS.items() if word.startswith(k))
        return date(int(m.group(9)), month, int(m.group(7)))
    except (ValueError, TypeError, StopIteration):
        return None


_OCR_DIGIT = {"О": "0", "о": "0", "O": "0", "o": "0", "З": "3", "з": "3", "l": "1", "I": "1", "|": "1"}


_SPLIT_YEAR_RE = re.compile(r"(?<![\d.])((?:19|20)\d?)\s(\d{1,2})(?=\s*г(?![а-яё]))")
_SPLIT_MONTH_RE = re.compile(
    r"(?<![а-яё])(январ|феврал|март|апрел|июн|июл|август|сентябр|октябр|ноябр|декабр)\s([яеа])(?=\s+(?:19|20)\d)",
    re.I,
)


def stamp_view(text: str) -> str:
    """Same length as text: blanks of underscores and quotes become spaces (forms like «31»__08_2021_г.), and
    letters OCR put among digits become digits («3О.О8.2О23», «З0.01.2023»)."""
    view = re.sub(r"[_«»\"“”„]", " ", text)
    # a scan's text layer split a year or a month («202 3 г.», «20 23 г.», «август а 2023»): the space moves to the
    # end of the word, so the text keeps its length
    view = _SPLIT_YEAR_RE.sub(lambda m: m.group(1) + m.group(2) + " ", view)
    view = _SPLIT_MONTH_RE.sub(lambda m: m.group(1) + m.group(2) + " ", view)
    return re.sub(
        r"(?<=[\d.])[ОоOoЗзlI|](?=[\d.])|(?<=[\d][.])[ОоOoЗз](?=\d)|(?<![А-ЯЁа-яёA-Za-z])[ЗO](?=\d[\d.])",
        lambda m: _OCR_DIGIT[m.group(0)],
        view,
    )


# a form's blanks filled in by hand, the month as a number: «от «__14___» ___01__ 2021»
_BLANK_DATE_RE = re.compile(
    r"(?<![\d.])(\d{1,2})[\s«»\"“”]*_[\s_«»\"“”]*(\d{1,2})[\s_]+((?:19|20)\d{2})(?!\d)"
    # «от «29» 08.2023г.», «от «_01 » 12. 2022», «26» 08. _2022г.: the day in quotes, the month and year as digits
    r"|[«\"“][\s_]*(\d{1,2})[\s_]*[»\"”][\s_]*(\d{1,2})[\s_]?\.[\s_]?[\s_]?((?:19|20)\d{2})(?!\d)"
    # «от _30___. 08.2024 г.»: the day written into a blank
    r"|(?<![\d.])_+(\d{1,2})_+\.[ \t]?(\d{1,2})\.[ \t]?((?:19|20)\d{2})(?!\d)"
)


def find_dates(text: str) -> list[tuple[date, int, int]]:
    view = stamp_view(text)
    found: list[tuple[date, int, int]] = []
    for m in DATE_RE.finditer(view):
        value = parse_date_match(m)
        if value and 1950 <= value.year <= 2100:
            found.append((value, m.start(), m.end()))
    for m in _BLANK_DATE_RE.finditer(text):
        if any(s <= m.start() < e or m.start() <= s < m.end() for _, s, e in found):
            continue
        day, month, year = next(m.group(k, k + 1, k + 2) for k in (1, 4, 7) if m.group(k))
        try:
            found.append((date(int(year), int(month), int(day)), m.start(), m.end()))
        except ValueError:
            continue
    return sorted(found, key=lambda f: f[1])


def all_dates(text: str) -> list[date]:
    return sorted({d for d, _, _ in find_dates(text)})


# ------------------------------------------------------------------------------------------------ period


@dataclass
class Period:
    start: date | None = None
    end: date | None = None
    snippet: str | None = None
    academic_years: list[str] = field(default_factory=list)


_Y2 = r"(20\d\d|\d\d)"
ACADEMIC_RE = re.compile(r"(20\d\d)\s*[-/]\s*" + _Y2 + r"\s*(?:уч\.?|учебн\w*)\s*(?:г\.?|гг\.?|год\w*)?", re.I)
ACADEMIC2_RE = re.compile(r"на\s+(20\d\d)\s*[-/]\s*" + _Y2 + r"\s*(?:г\.?|год|года)(?![а-я])", re.I)
RANGE_RE = re.compile(r"(20\d\d)\s*[-/]\s*(20\d\d)\s*(?:гг\.?|г\.|годы|годов|года|год)", re.I)
UNTIL_RE = re.compile(r"до\s+(20\d\d)\s*(?:г\.?|года)", re.I)
YEAR_RE = re.compile(r"на\s+(20\d\d)\s*(?:г\.|год)(?![а-я])", re.I)


def _second_year(first: int, raw: str) -> int:
    value = int(raw)
    return value + (first // 100) * 100 if value < 100 else value


MONTH_RANGE_RE = re.compile(
    _MONTH_WORD + r"\s+(20\d\d)\s*(?:г\.?|года)?\s*[-–—]\s*" + _MONTH_WORD + r"\s+(20\d\d)", re.I
)


def read_period(title: str, body: str) -> Period:
    for source in (title, body[:3000]):
        text = fold(source)
        found = _period_in(text, source)
        if found:
            return found
        if source is title:
            # «сентябрь 2022 – май 2024» only in a title: in a roadmap's table it is the term of one row
            m = MONTH_RANGE_RE.search(text)
            if m:
                return _month_range(m, source)
    return Period()


def _month_number(word: str) -> int:
    return next(v for k, v in MONTHS.items() if word.lower().startswith(k))


def _month_range(m: re.Match[str], original: str) -> Period:
    import calendar

    m1, y1, m2, y2 = _month_number(m.group(1)), int(m.group(2)), _month_number(m.group(3)), int(m.group(4))
    last = calendar.monthrange(y2, m2)[1]
    return Period(date(y1, m1, 1), date(y2, m2, last), snippet(original, m.start(), m.end()))


def _period_in(text: str, original: str) -> Period | None:
    candidates: list[tuple[int, Period]] = []
    for m in ACADEMIC_RE.finditer(text):
        y1, y2 = int(m.group(1)), _second_year(int(m.group(1)), m.group(2))
        if 0 < y2 - y1 <= 10:
            candidates.append((m.start(), _academic(y1, y2, original, m)))
    for m in ACADEMIC2_RE.finditer(text):
        y1, y2 = int(m.group(1)), _second_year(int(m.group(1)), m.group(2))
        if y2 - y1 == 1:
            candidates.append((m.start(), _academic(y1, y2, original, m)))
    for m in RANGE_RE.finditer(text):
        y1, y2 = int(m.group(1)), int(m.group(2))
        if 1 < y2 - y1 <= 10 or (y2 - y1 == 1 and m.group(0).rstrip(".").endswith(("гг", "годы", "годов"))):
            candidates.append(
                (m.start(), Period(date(y1, 1, 1), date(y2, 12, 31), snippet(original, m.start(), m.end())))
            )
    for m in UNTIL_RE.finditer(text):
        candidates.append(
            (m.start(), Period(None, date(int(m.group(1)), 12, 31), snippet(original, m.start(), m.end())))
        )
    for m in YEAR_RE.finditer(text):
        y = int(m.group(1))
        candidates.append((m.start(), Period(date(y, 1, 1), date(y, 12, 31), snippet(original, m.start(), m.end()))))
    if not candidates:
        return None
    candidates.sort(key=lambda c: c[0])
    return candidates[0][1]


def _academic(y1: int, y2: int, original: str, m: re.Match[str]) -> Period:
    years = [f"{y}-{y + 1}" for y in range(y1, y2)]
    return Period(date(y1, 9, 1), date(y2, 8, 31), snippet(original, m.start(), m.end()), years)


# --------------------------------------------------------------------------------------------- signature


def read_signature(text: str, hints: str, signature_field: bool) -> tuple[bool, str | None]:
    m = SIGN_RE.search(text)
    if m:
        end = min(len(text), m.end() + 200)
        period = CERT_PERIOD_RE.search(text, m.start(), min(len(text), m.end() + 400))
        if period:
            end = period.end()
        return True, one_line(text[m.start() : end], 300)
    m = re.search(r"подписан\w*\s+электронной\s+подписью|электронный\s+документ|\bэп\b\)", hints, re.I)
    if m:
        return True, one_line(hints, 200)
    if signature_field:
        return True, "электронная подпись в файле PDF (поле подписи)"
    return False, None


# ------------------------------------------------------------------------------------------------ owner

_ABBR = (
    r"(?:М[БАК]?ДОУ|МДОУ|М[БАК]?ОУ\s?ДО|М[БАК]?У\s?ДО|М[БАК]?ОУ|МОУ"
    r"|Г[БАК]?ДОУ|Г[БАК]?ОУ|ГБУ\s?ДО|ЧОУ|ЧДОУ|АНО\s?ДО|МБУДО|МАУДО|МКУДО)"
)
_NAME_AFTER = (
    r"(?:\s*[«\"“„][^»\"”\n]{2,90}[»\"”]+"
    r"|\s*(?:СОШ|ООШ|НОШ|СШ|(?i:д/с|детский\s+сад)|ЦДО|ЦДТ|ДДТ|ДЮСШ|ДШИ|гимназия|лицей|школа)[^\n,;:()]{0,25}"
    r"|\s*№\s*\d{1,4}(?!\d))"
)
ORG_RE = re.compile(r"(?<![А-Яа-яA-Za-z])" + _ABBR + _NAME_AFTER, re.U)
FULL_ORG_RE = re.compile(
    r"(?:муниципальн|государственн|частн)\w*\s+(?:бюджетн\w*\s+|автономн\w*\s+|казенн\w*\s+|казённ\w*\s+)?"
    r"(?:дошкольн\w*\s+)?(?:обще)?образовательн\w*\s+учреждени\w*(?:\s+дополнительного\s+образования)?"
    r"[^«\"]{0,40}[«\"“][^»\"”]{2,120}[»\"”]+"
    r"|(?:муниципальн|государственн)\w*\s+(?:бюджетн\w*\s+|автономн\w*\s+|казенн\w*\s+)?учреждени\w*\s+"
    r"дополнительного\s+образования[^«\"]{0,40}[«\"“][^»\"”]{2,120}[»\"”]+",
    re.I,
)
_FULL_TO_SHORT = [
    (r"средн\w+\s+общеобразовательн\w+\s+школ\w+", "сош"),
    (r"основн\w+\s+общеобразовательн\w+\s+школ\w+", "оош"),
    (r"начальн\w+\s+общеобразовательн\w+\s+школ\w+", "нош"),
    (r"детск\w+\s+сад\w*", "д/с"),
    (r"центр\w*\s+дополнительного\s+образования", "цдо"),
    (r"дом\w*\s+детского\s+творчества", "ддт"),
    (r"центр\w*\s+детского\s+творчества", "цдт"),
    (r"детско-юношеск\w+\s+спортивн\w+\s+школ\w+", "дюсш"),
    (r"детск\w+\s+школ\w+\s+искусств", "дши"),
]
_GENERIC = {
    "муниципальное",
    "бюджетное",
    "автономное",
    "казенное",
    "общеобразовательное",
    "образовательное",
    "дошкольное",
    "учреждение",
    "государственное",
    "дополнительного",
    "образования",
    "мбоу",
    "маоу",
    "мкоу",
    "моу",
    "мбдоу",
    "мадоу",
    "мкдоу",
    "мдоу",
    "сош",
    "оош",
    "нош",
    "сш",
    "д/с",
    "школа",
    "с",
    "им",
    "имени",
    "углубленным",
    "изучением",
    "отдельных",
    "предметов",
    "города",
    "г",
    "района",
    "округа",
    "села",
    "поселка",
    "комбинированного",
    "общеразвивающего",
    "вида",
    "цдо",
    "ддт",
    "цдт",
    "дюсш",
    "дши",
    "мбудо",
    "маудо",
    "до",
    "детский",
    "сад",
    "гимназия",
    "лицей",
    "№",
    "центр",
    "развития",
    "ребенка",
}


def find_owner(zone: str) -> tuple[str | None, str | None]:
    """The organization named in the header zone: (name, snippet)."""
    best: re.Match[str] | None = None
    for regex in (ORG_RE, FULL_ORG_RE):
        for m in regex.finditer(zone):
            if best is None or m.start() < best.start():
                best = m
            break
    if best is None:
        return None, None
    name = re.sub(r"\s+", " ", best.group(0)).strip(" ,.;")
    return name, snippet(zone, best.start(), best.end(), width=30)


# legal-form abbreviations (МБУ, МАУ ДО, ГБОУ, ЧДОУ, АНО …) say nothing about which organization it is
_LEGAL_FORM_RE = re.compile(r"^(?:[мгч][бак]?|ано)(?:д?оу|у)?(?:-?до)?$")


@dataclass(frozen=True)
class OrgKey:
    kind: str | None
    number: str | None
    words: frozenset[str]


def org_key(name: str) -> OrgKey:
    text = fold(name).replace("«", " ").replace("»", " ").replace('"', " ")
    for pattern, short in _FULL_TO_SHORT:
        text = re.sub(pattern, short, text)
    text = re.sub(r"детск\w*\s+сад", "д/с", text)
    kind = None
    for marker, value in (
        (r"доу|д/с|сад", "dou"),
        (r"гимнази", "gymnasium"),
        (r"лице", "lyceum"),
        (r"цдо|ддт|цдт|дюсш|дши|\bу?до\b|дополнительного", "do"),
        (r"сош|оош|нош|\bсш\b|школ|\bоу\b|моу|оу", "school"),
    ):
        if re.search(marker, text):
            kind = value
            break
    number_match = re.search(r"№\s*(\d+)|(?:сош|оош|нош|сш|д/с|школа|сад|гимназия|лицей|доу)\s*-?\s*(\d+)", text)
    number = (number_match.group(1) or number_match.group(2)).lstrip("0") if number_match else None
    words = frozenset(
        w
        for w in re.findall(r"[а-яa-z][а-яa-z-]+", text)
        if w not in _GENERIC and len(w) > 2 and not _LEGAL_FORM_RE.match(w)
    )
    return OrgKey(kind, number, words)


def owner_matches(owner: str | None, org_name: str | None) -> bool | None:
    """Does the organization named in the document look like the site's owner? None when unknown."""
    if not owner or not org_name:
        return None
    a, b = org_key(owner), org_key(org_name)
    if (
        a.kind
        and b.kind
        and a.kind != b.kind
        and {a.kind, b.kind} != {"school", "gymnasium"}
        and {a.kind, b.kind} != {"school", "lyceum"}
    ):
        return False
    if a.number and b.number:
        return a.number == b.number
    if a.words and b.words:
        return bool(a.words & b.words)
    if (a.number is None) != (b.number is None):
        named, numbered = (a, b) if a.number is None else (b, a)
        if named.words and not (named.words & numbered.words):
            return False  # «Бердниковская СОШ» against «СОШ № 14»
    if not (a.number or b.number or a.words or b.words) and a.kind and a.kind == b.kind:
        return True  # «МАОУ «Гимназия»» and «МАОУ «Гимназия»»: nothing tells them apart
    return None
