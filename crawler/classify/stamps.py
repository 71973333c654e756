"""The approval stamp of a document and the requisites of an order, read the way a methodologist reads them.

A date or a number is taken only from the document's own approval or adoption block («УТВЕРЖДЕНО приказом
от 21.02.2022 № 122», «ПРИНЯТО педагогическим советом, протокол № 5 от 16.05.2022», «Приложение 1 к приказу
№ 54 от 04.09.2023») or from an order's own header («ПРИКАЗ 01.09.2022 № 26/1») — never from an act the text
cites (Р-145, 273-ФЗ, a ministry or municipal order, the act an amending decree amends), never from an
organization's name («ДЕТСКИЙ САД № 7»), an e-signature timestamp or a certificate period.

Every date and number found near the top of a part gets a role from the nearest words before it:

* ``approval`` — «утверждено / утверждаю / приказом (директора) / введено в действие»;
* ``appendix`` — «Приложение … к приказу»;
* ``protocol`` — «протокол», «принято / согласовано / рассмотрено»;
* ``cited`` — an act word («распоряжением Минпросвещения», «Федеральным законом», «приказом Министерства»,
  «постановлением администрации», «СанПиН») or «в соответствии с / на основании / во исполнение»; also a stamp
  word in a parenthesised aside about a higher body's act, after a full participle («…, утвержденной приказом»),
  inside the clause of a citation, and everything after «ПРИКАЗЫВАЮ»;
* ``signature`` — «Дата:», «Действителен», «Сертификат», a line of a download link («Скачать Приказ от …»);
  dates followed by a time («06.09.2017 00:00») are never read;
* ``plain`` — nothing readable before it (an OCR-garbled «УТВЕРЖДАЮ»: «У* Мт 16.02.2024г. № 41-од»).

The own stamp is then: the approving order (``approval``), else the appendix line, else a ``plain`` pair in the
header, else — when the document was only adopted by a collegial body — that protocol. An approving block that
carries no full date («УТВЕРЖДАЮ Директор ___ август 2024 г.») gives neither date nor number even when a
protocol is dated (the methodologist's rule of devset/README.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from crawler.classify.facts import MONTHS, find_dates, one_line, stamp_view

# «№» as text layers and OCR render it: N, No, Nº, N°, Ne, Ng, Ns, Nч, N9, ЛЪ, J\Ъ, Jф, NЬ, Jtlb
_NO = r"(?:№|(?<![А-Яа-яA-Za-z])(?:N[oо°ºegsч9]?|NЬ|ЛЪ|J\\?[Ъb]|Jф|Jtlb)\.?)"
# a number as stamps write it: 0123, 41-од, 92од, 11/2, 127-а, К/76-од, 01-03\482, 55а-О, 17 – ОД, 52-0/3,
# 918-р/адм, 48-р-од, 13-осн. деят., 68(о), 132 о/д, 11 о.д, 32 § 3, 24/01-03, 06.2; never «от 1» (the blank of
# «№ ___ от 1 сентября»)
_NUM = (
    r"(?:[А-ЯЁA-Z]{1,3}\s?[/\\-]\s?)?\d+(?:(?:од|ОД|Од|лс|ЛС)(?![А-ЯЁа-яё])|(?!от)[а-яё]{2,4}(?![А-ЯЁа-яё])|"
    r"[а-яёa-zА-ЯЁ](?![А-ЯЁа-яё]))?"
    r"(?:\s?[/\\.-]\s?\d+[а-яёa-z]?)*"
    r"(?:\s?[-–—]\s?[А-ЯЁа-яёA-Za-z0-9]{1,4}(?:/[А-ЯЁа-яёa-z0-9]{1,4}|\.[а-яё]\.(?=\s|$)|[-–—][а-яё]{1,4}|"
    r"\.\s?деят\.?)?(?![А-ЯЁа-яёA-Za-z])"
    r"|/[А-ЯЁа-яё]{1,4}(?![А-ЯЁа-яё])"
    r"|\s[а-яё]{1,2}\s?/\s?[а-яё]{1,2}(?![А-ЯЁа-яё])"
    r"|\s(?:од|ОД|Од|о-д|[оО]\.\s?[дД]\.?|лс|ЛС)(?![А-ЯЁа-яё]))?"
    r"(?:\([а-яё]{1,3}\))?"  # «№ 68(о)»
    r"(?:\s?§\s?\d+)?"
)
NUMBER_RE = re.compile(_NO + r"\s{0,3}(?:[-–—]\s{0,2}(?=\d))?(" + _NUM + r")")  # «№ - 410/3 - ОД»
# a number written into a form's blank: «№____1-ОС______» (further from «№» than a number is typed, so only with
# the blank's underscores on both sides)
_BLANK_NUMBER_RE = re.compile(_NO + r"[ \t]{0,2}_{2,}[ \t_]*(" + _NUM + r")(?=_)")
_MONTH_WORD = (
    r"(январ[ьяеи]|феврал[ьяеи]|марта?|апрел[ьяеи]|ма[йяе]|июн[ьяеи]|июл[ьяеи]|августа?|сентябр[ьяеи]|"
    r"октябр[ьяеи]|ноябр[ьяеи]|декабр[ьяеи])"
)
# «от «12» сентября № 56-ОД»: day and month without the year
DAY_MONTH_RE = re.compile(r"(?<![\d.])(\d{1,2})\s{0,3}" + _MONTH_WORD + r"(?!\s*[,.]?\s*(?:19|20)\d{2})", re.I)

_ORG_BEFORE_NUMBER = re.compile(
    r"(?<![а-яёa-z])(?:[а-яё]{0,2}|[мг][бак]?оу)(сош\w*|оош|нош|сш|школ\w*|д/с|сад\w*|доу|лице\w*|гимнази\w*|цдо|ддт|цдт|дши|дюсш|корпус\w*|дс|"
    r"группы?|кабинет\w*|класс\w*|дом\w*|ул\.?|улиц\w*|м|мбдоу|мадоу|мбоу|маоу|учреждени\w*|организаци\w*|вида)"
    r"\)?\s*[«\"]?\s*$",  # «МБДОУ (ясли-сад) № 1»
    re.I,
)
# an organization's name on the line before a number, with no act's word between them
_ORG_IN_LINE_RE = re.compile(
    r"детск\w*\s+сад|(?<![а-яё])(?:школ\w*|сош|оош|гимнази\w*|лице[йя]\w*|мбдоу|мадоу|мкдоу|мдоу|мбоу|маоу|мкоу)"
    r"(?![а-яё])",
    re.I,
)
_ACT_WORD_RE = re.compile(r"приказ|пр-з|протокол|распоряжени|постановлени|решени|(?<![а-яё])от\s*\d", re.I)
_ACT_NUMBER = re.compile(r"(?:\d\s?[-–]\s?фз|^р\s?-\s?\d|^мр\s?-|\d\s?н$|^\d+\s?-\s?р$)", re.I)

# the words that give a date or a number its role (the nearest ones before it, within its block)
_ANCHORS: list[tuple[str, str]] = [
    # an e-signature's fields, and a document-sharing site's own metadata («Дата публикации10.01.2015»)
    (
        "signature",
        r"дата\s*:|действител\w*|сертификат\w*|владелец|местоположение|основание\s*:|dn\s*:|"
        r"дата\s*(?:публикации|размещения|загрузки|обновления)|опубликован\w*\s*:|размещен\w*\s*:|"
        r"свидетельств\w*\s+о\s+(?:публикации|регистрации\s+(?:сми|средства))",
    ),
    (
        "strong",
        r"федеральн\w*|закон\w*|кодекс\w*|указ(?:ом|а)?(?![а-яё])|санпин\w*|(?<![а-яё])сп\s?\d|"
        r"в\s+соответстви\w*|на\s+основани\w*|во\s+исполнени\w*|согласно|в\s+редакци\w*|в\s+ред\.|"
        r"с\s+изменени\w*|утвержденн\w+|регистрацион\w*|зарегистрир\w*|письм\w*|"
        r"внесении\s+изменени\w*|вместе\s+с|утратил\w*\s+силу",
    ),
    # «Приложение № 2 к приказу …», and «Приложение № 1 / от «14» апреля 2022 г. № 78» (the act's requisites
    # right under the appendix line)
    (
        "appendix",
        r"приложени\w*(?:\s*№?\s*\d+)?\s*(?:(?:к|ко)\s+(?:приказ|постановлени|распоряжени|решени)\w*|(?=от\s))",
    ),
    (
        "approval",
        r"утвержд[её]н[оаы]?(?![а-яё])|утверждаю|утвердж\w*|утв\.|введен[оаы]?\s+в\s+действие|"
        # not the plural «Приказы о зачислении …», «Книга приказов» of a page's list of links; «каз от …» opening
        # a line is «Приказ» whose first letters a seal took
        r"приказ(?!ыва|ы(?![а-яё])|ов(?![а-яё]))\w*|(?m:^\W{0,3}и?каз(?=[ \t]))|пр-з|"
        r"п\s?р\s?и\s?к\s?а\s?з(?!\s?ы\s?в\s?а|ы(?![а-яё])|ов(?![а-яё]))",
    ),
    # «ПРИКАЗЫВАЮ: 1. Провести с 30 марта по 20 апреля …»: what follows is the order's content, not its stamp
    ("operative", r"п\s?р\s?и\s?к\s?а\s?з\s?ы\s?в\s?а\s?ю"),
    # the head's signature line of an approving block whose word was cut off («Директор … 02.09.2024»)
    ("head", r"директор\w*|заведующ\w*"),
    (
        "protocol",
        r"протокол\w*|принят[оаы]?(?![а-яё])|согласован\w*|рассмотрен\w*|решени\w*\s+(?:педагогическ|общего|совета)\w*|"
        r"педагогическ\w*\s+совет\w*",
    ),
    (
        "weak",
        r"министерств\w*|минпросвещ\w*|минобрнаук\w*|минобр\w*|минтруд\w*|минздрав\w*|рособрнадзор\w*|"
        r"правительств\w*|департамент\w*|администраци\w*|управлени\w*|комитет\w*|отдел\w*|"
        r"постановлени\w*|распоряжени\w*|коллективн\w*\s+договор\w*|соглашени\w*",
    ),
]
_ANCHOR_RE = re.compile("|".join(f"(?P<{name}>{pattern})" for name, pattern in _ANCHORS), re.I)
# «приказом Министерства …»: an order of a higher body cited in the text (unless right after «УТВЕРЖДЕНО»)
_CITED_ORDER_RE = re.compile(
    r"приказ\w*\s+(?:от\s+[^№]{0,20}№?\s*\S*\s+)?(?:министр|министерств|минпросвещ|минобр|минтруд|минздрав|департамент|"
    r"управлени|комитет|отдел|администрац|районн|городск|областн|краев|рособрнадзор|мооо?м|государствен|федеральн|"
    r"росси|правительств)",
    re.I,
)
# a word and its punctuation right before an approving word on the same line: the approval is part of a sentence
_INLINE_APPROVAL_RE = re.compile(r"[а-яё]{3,}[,)]?[ \t]+$", re.I)
_SHORT_APPROVAL_RE = re.compile(r"(утвержд[её]н[оаы]?(?![а-яё])|утверждаю|утв\.|приложени\w*)[^а-яё]{0,40}$", re.I)
_BLOCK_BREAK_RE = re.compile(r";")
# the approval a legal database prints in parentheses after an act's title: «(утв. приказом … от … N …)»
_TITLE_APPROVAL_RE = re.compile(r"\(\s*утв(?:\.|ержден\w*)\s+[^()]{0,200}\)", re.I)


@dataclass
class Token:
    kind: str  # "date" | "number" | "daymonth"
    value: object  # date | str | (day, month)
    start: int
    end: int
    role: str = "plain"
    anchor: int = -1  # offset of the role word


@dataclass
class Approval:
    approved_on: date | None = None
    number: str | None = None
    snippet: str | None = None
    unnumbered: bool = False
    source: str = ""  # approval | order | appendix | plain | protocol


def clean_number(raw: str) -> str:
    value = re.sub(r"\s+", " ", raw).strip(" ,;:-–—")
    # a closing dot of the sentence goes, the dot of an abbreviation («110-о.д.») stays
    return value if re.search(r"\.[а-яё]\.$|деят\.$", value, re.I) else value.rstrip(".")


def _is_date_like(number: str) -> bool:
    return bool(re.fullmatch(r"\d{1,2}\.\d{1,2}\.(?:\d{2}|\d{4})", number.replace(" ", "")))


def _number_matches(view: str, start: int, end: int, text: str | None) -> list[re.Match[str]]:
    found = list(NUMBER_RE.finditer(view, start, end))
    if text is not None:
        found += [
            m
            for m in _BLANK_NUMBER_RE.finditer(text, start, end)
            if not any(f.start() <= m.start() < f.end() for f in found)
        ]
    return sorted(found, key=lambda m: m.start())


def _numbers(view: str, start: int, end: int, text: str | None = None) -> list[Token]:
    out: list[Token] = []
    for m in _number_matches(view, start, end, text):
        value = clean_number(m.group(1))
        if not re.search(r"\d", value):
            continue
        date_follows = bool(re.match(r"\s{0,3}от\s{0,3}\d", view[m.end() : m.end() + 12]))  # «№ 12 от 01.09…»
        if _is_date_like(value) and not date_follows:
            continue  # «№ 24.08.30 от 30.08.2024»: a number shaped like a date is one only before «от» and the date
        before = view[max(0, m.start() - 30) : m.start()]
        # «приказом МБОУ «Бондаревская СОШ» № 102»: after a name in quotes, the order's number — but not in
        # «для работников ГКОУ «Детский дом» № 2» with no order word before it
        closed = (
            text is not None
            and re.search(r"[»\"”]\s*$", text[max(0, m.start() - 5) : m.start()])
            and re.search(r"приказ", view[max(0, m.start() - 60) : m.start()], re.I)
        )
        by_order = re.search(r"приказ\w*\s+по\s+[а-яё ]{2,30}$", before, re.I)  # «приказом по школе № 122/П»
        # «… детский сад / № 1 от 26.08.2024»: a number opening its own line before «от» and a date is a stamp's
        stamp_line = date_follows and re.search(r"\n[ \t]*$", view[max(0, m.start() - 4) : m.start()])
        if _ORG_BEFORE_NUMBER.search(before) and not closed and not by_order and not stamp_line:
            continue  # «МБДОУ «Детский сад № 22»», but not «МБОУ «Бондаревская СОШ» № 102»
        line_start = max(view.rfind("\n", 0, m.start()) + 1, m.start() - 300)
        line_before = view[line_start : m.start()]
        if line_before[:1].islower():  # the name goes on from the line above («… детский сад / присмотра … № 333»)
            line_before = view[max(view.rfind("\n", 0, max(0, line_start - 1)) + 1, m.start() - 300) : m.start()]
        if _ORG_IN_LINE_RE.search(line_before) and not _ACT_WORD_RE.search(line_before) and not date_follows:
            continue  # «Заведующий МБДОУ – детский сад присмотра и оздоровления № 333»: the organization's name
        if text is not None and _inside_name(text, m.start(), m.end()):
            continue  # «ГБОУ СО «ЕШИ № 6»»: the number of an organization named in quotes
        if text is not None and re.match(
            r"[ \t]{0,2}[«\"„“](?!\s*(?:Об?|О\s?б|об?)\s)[А-ЯЁ][а-яё]", text[m.end() : m.end() + 6]
        ):
            continue  # «ДСОВ № 11 «Золотые зёрнышки»»: a number followed by a name in quotes is an organization's
        if re.search(r"приложени\w*\s*$", before, re.I):
            continue  # «Приложение № 2 к приказу …»: the appendix's number, not the order's
        end = m.start() + len(m.group(0).rstrip())
        letter = _LETTER_SUFFIX_RE.match(view, end) if value.isdigit() else None
        if letter:  # «№ 6 а» closing its line: the letter is part of the number
            value, end = f"{value} {letter.group(1)}", letter.end(1)
        out.append(Token("number", value, m.start(), end))
    return out


# a letter set apart after a number at the end of its line or before a comma («приказом от 21.01.2015 г № 6 а»),
# not a one-letter word a line can end with («… № 3 в / соответствии …»)
_LETTER_SUFFIX_RE = re.compile(r"[ \t]([абгдежзлмнпрт])(?=[ \t]*(?:\n|$|[,;)]))")


_LINK_LINE_RE = re.compile(r"\W{0,3}(?:скачать|загрузить|открыть|просмотреть|смотреть|download)(?![а-яё])", re.I)
# «…программы, утвержденной приказом от 26.08.2022 № 773-ОД»: a full participle describes another document; a
# stamp says «УТВЕРЖДЕНО / УТВЕРЖДЕН(А) приказом»
_PARTICIPLE_BEFORE_RE = re.compile(r"утвержд[её]нн(?:ой|ого|ым|ому|ых|ую|ая|ый|ое|ые|ыми)\s*$", re.I)
_REPEALED_NOTE_RE = re.compile(r"утратил\w*\s+силу", re.I)


def _skip_repeal_note(view: str, tokens: list[Token], start: int, end: int) -> None:
    """«ПОСТАНОВЛЕНИЕ / Утратило силу - Постановление … от 11.02.2016 № 262 / от 10.12.09 N 95»: a legal
    database's note names the repealing act (its first date and number); the act's own requisites follow it."""
    note = _REPEALED_NOTE_RE.search(view, start, end)
    if note is None:
        return
    taken: set[str] = set()
    for tok in tokens:
        if tok.start < note.end():
            continue
        if tok.kind not in taken and len(taken) < 2:
            taken.add(tok.kind)
            tok.role = "note"
        elif tok.role == "cited" and tok.anchor == note.start():
            tok.role, tok.anchor = "plain", -1


# an order's number written without «№» on the heading's or the date's line: «ПРИКАЗ К-15», «01.09.2023     15-од»
_BARE_ORDER_NUMBER_RE = re.compile(
    r"(?<![\w./\\-])([А-ЯЁ]{1,3}\s?-\s?\d{1,4}|\d{1,4}\s?[-/]\s?(?:[А-ЯЁ]{1,3}|од|Од|о|п|к|лс|р|\d{1,3})|"
    r"\d{1,4}(?:од|ОД))(?![\w./\\-])"
)


def _bare_order_number(view: str, start: int, end: int, own: list[Token]) -> Token | None:
    """The number of an order header that lost its «№», only on a line of the header that holds no other number;
    or a number standing alone on its line between the heading and the subject («Приказ / 104 / О запрете …»)."""
    line_end = view.find("\n", min(len(view), end))
    zone = view[start : line_end if line_end != -1 else len(view)]  # whole lines: «1. Назначить …» is a clause
    lone = re.search(r"(?m)^[ \t]*(\d{1,4})[ \t]*$", zone)
    if lone and start + lone.start(1) < end and not any(t.start <= start + lone.start(1) < t.end for t in own):
        at = start + lone.start(1)
        return Token("number", lone.group(1), at, at + len(lone.group(1)), role="order")
    for m in _BARE_ORDER_NUMBER_RE.finditer(view, start, min(len(view), end)):
        if any(t.start <= m.start() < t.end for t in own):
            continue  # part of the date
        line_start = view.rfind("\n", 0, m.start()) + 1
        line = view[line_start : view.find("\n", m.end()) if "\n" in view[m.end() :] else len(view)]
        if len(line) > 80 or re.match(r"\W*(?:об?|о\s)\s", line, re.I):
            continue  # a subject or a sentence, not the header
        return Token("number", clean_number(m.group(1)), m.start(), m.end(), role="order")
    return None


# a line that is only a date, with a place perhaps («20.08.2025», «г. Саки 20.08.2025 г.»)
_DATE_LINE_RE = re.compile(
    r"^[ \t\W]*(?:(?:г\.|с\.|пгт\.?|п\.)\s*[А-ЯЁ][\w-]*[.,]?\s*)?(?:от\s*)?[\d .]{6,14}?"
    r"\s*(?:г\.?|года)?[ \t\W]*$",
    re.I,
)


def _line_above(view: str, pos: int) -> tuple[int, int] | None:
    """(start, end) of the nearest line with text above the line that holds pos; blank lines between are skipped."""
    end = view.rfind("\n", 0, pos)
    while end > 0:
        start = view.rfind("\n", 0, end) + 1
        if view[start:end].strip():
            return start, end
        end = start - 1
    return None


def _date_above_order(view: str, order_head: int, text: str) -> Token | None:
    """«20.08.2025 / ПРИКАЗ / № 240»: the order's date printed on its own line right above the order word."""
    above = _line_above(view, order_head)
    if above is None or not _DATE_LINE_RE.match(view[above[0] : above[1]]):
        return None
    return next(iter(_dates(view, above[0], above[1], text)), None)


_NUMBER_BEFORE_DATE_RE = re.compile(r"^[ \t]*(\d{1,4}(?:\s?[-/]\s?[0-9А-ЯЁа-яё]{1,4})?)[ \t]+от[ \t]*$", re.I)


# «… Михайлов Приказ 3 от « 22 » января 2020 г.» of a glued page, «Пр. 325 – А « 27» октября 2015г.»: the number
# right after the order word
_ORDER_NUMBER_BEFORE_DATE_RE = re.compile(
    r"(?<![а-яё])(?:приказ(?:ом|у)?|пр\.)[ \t]+(?:от[ \t]+)?(\d{1,4}(?:[ \t]?[-–/][ \t]?[0-9А-ЯЁа-яё]{1,4})?)[ \t]+"
    r"(?:от[ \t]*)?$",
    re.I,
)


def _number_before_date(view: str, d: Token) -> Token | None:
    """«Утверждено приказом / МБОУ СОШ № 3 / 319 от 03.08.2015 г»: the approving order's number, its «№» lost,
    opening the line of the date."""
    line_start = view.rfind("\n", 0, d.start) + 1
    m = _NUMBER_BEFORE_DATE_RE.match(view[line_start : d.start]) or _ORDER_NUMBER_BEFORE_DATE_RE.search(
        view[line_start : d.start]
    )
    if not m and view[line_start : d.start].strip() == "":
        # «УТВЕРЖДЕНО / Приказом / КГБ ПОУ ХКОТСО / 01-05/3 / 13.10.2014 г.»: a form's fields printed without
        # their «№» and «от», the number alone on the line above the date's
        above = _line_above(view, line_start)
        m = _BARE_NUMBER_LINE_RE.fullmatch(view, *above) if above else None
        if m:
            at = m.start(1)
            return Token("number", clean_number(m.group(1)), at, m.end(1), role="approval", anchor=d.anchor)
    if not m:
        return None
    at = line_start + m.start(1)
    return Token("number", clean_number(m.group(1)), at, at + len(m.group(1)), role="approval", anchor=d.anchor)


# a number alone on its line, with a separator (never a page's number or a year): «01-05/3», «45-од», «12/1»
_BARE_NUMBER_LINE_RE = re.compile(r"[ \t]*(\d{1,4}(?:[-/][0-9а-яё]{1,4}){1,3})[ \t]*", re.I)


def _in_parentheses(view: str, start: int, pos: int) -> bool:
    segment = view[start:pos]
    return segment.rfind("(") > segment.rfind(")")


# a closed sentence; «тел.», «обл.», «ул.» of a letterhead glued into the line are abbreviations
_SENTENCE_END_RE = re.compile(
    r"(?<![а-яё])(?!(?:тел|обл|ул|пер|корп|кв|каб|стр|просп|мкр|пос|дер|обр|им|пр|см)[.;])[а-яё]{3,}[.;]\s", re.I
)


def _in_prose(view: str, pos: int) -> bool:
    """A date or number inside a long paragraph: a stamp is never a paragraph of prose. A stamp at the start of a
    page glued into one line is not prose until a sentence of the text has ended before it."""
    line_start = view.rfind("\n", 0, pos) + 1
    line_end = view.find("\n", pos)
    line = view[line_start : line_end if line_end != -1 else len(view)]
    before = view[max(line_start, pos - 200) : pos]
    return len(line) > 250 and bool(_SENTENCE_END_RE.search(before))


_REQUISITE_FILL_RE = re.compile(r"^(?:\s|от(?![а-яё])|№|N|\d|[./,\\-]|г\.|года?(?![а-яё])|[«»\"_])+", re.I)


# a higher body named right after an act's requisites
_ISSUER_AFTER_RE = re.compile(
    r"(?:минобрнауки|минпросвещени|министерств|правительств|рособрнадзор|минтруд|минздрав|роспотребнадзор)", re.I
)
SENTENCE_REACH = 300  # characters after a stamp's requisites read to tell a sentence from a stamp line


def _sentence_goes_on(view: str, pos: int) -> bool:
    """«Приказом директора от 01.09.2023 № 45 утверждены наставнические пары …»: a sentence of a news item or of
    the body names an act — after its requisites the line goes on with a predicate; a stamp's line does not."""
    # only the words right after the requisites matter: a glued page's one line may run for a megabyte
    line_end = view.find("\n", pos, pos + SENTENCE_REACH)
    rest = view[pos : line_end if line_end != -1 else pos + SENTENCE_REACH]
    rest = _REQUISITE_FILL_RE.sub("", rest)
    if re.match(r"[а-яё]{3,}\s+(?:от\s*\d|№\s*\d)", rest, re.I):
        return False  # «№ 474 техникума от 20 февраля 2023 г.»: the other column of a two-stamp header, run in
    if _ISSUER_AFTER_RE.match(rest):
        return True  # «Приказом от 08.04.2014 № 293 Минобрнауки России дал право …»: a higher body's act
    return bool(re.match(r"[а-яё]{4,}\s+[а-яё]{2,}", rest)) and not rest.startswith(("года", "утверждаю"))


def _inside_name(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 60) : start]
    opened = before.rfind("«")
    if opened == -1 or "»" in before[opened:]:
        return False
    # «… № 22»» closes the name; «… вида №6 «Радуга»»: the name goes on with a nested quoted name
    return "»" in text[end : end + 6] or bool(re.match(r"\s{0,2}«", text[end : end + 4]))


def _dates(view: str, start: int, end: int, text: str | None = None) -> list[Token]:
    out = [
        Token("date", d, s, e)
        for d, s, e in find_dates(text if text is not None else view)
        # «06.09.2017 00:00», «2023-11-14 08:58:01»: a time stamp of a site or a signature, never an approval
        if start <= s < end and not re.match(r"[\s,]{0,3}\d{1,2}:\d{2}", view[e : e + 9])
    ]
    taken = [(t.start, t.end) for t in out]
    for m in DAY_MONTH_RE.finditer(view, start, end):
        if any(a <= m.start() < b for a, b in taken):
            continue
        month = next(v for k, v in MONTHS.items() if m.group(2).lower().startswith(k))
        out.append(Token("daymonth", (int(m.group(1)), month), m.start(), m.end()))
    return out


_HIGHER_BODY_RE = re.compile(
    r"министерств|минпросвещ|минобр|минтруд|минздрав|правительств|государственн\w*\s+санитарн|постановлени|"
    r"распоряжени|федеральн|росси",
    re.I,
)


def _same_clause(window: str, start: int, end: int) -> bool:
    """Two words in one line of running text, no sentence or line break between them and not far apart."""
    between = window[start:end]
    return 0 < end - start <= 150 and "\n" not in between and not re.search(r"[.;:]\s+[А-ЯЁ«]", between)


def _cited_aside(window: str, at: int) -> bool:
    """A stamp word inside parentheses that goes on to a higher body's act («(утверждена приказом Минпросвещения
    России от …)»): an aside of the body about another act; a document's own stamp is not written so."""
    return _in_parentheses(window, max(0, at - 80), at) and bool(_HIGHER_BODY_RE.search(window, at, at + 90))


_AMENDMENT_RE = re.compile(r"с\s+изменени\w*|в\s+редакци\w*|в\s+ред\.", re.I)


def _amends(window: str, strong: int, at: int) -> bool:
    """The order at `at` is the amending act of an amendment note that begins at `strong`: right after «с
    изменениями», or inside the parentheses that «(в редакции …» opened and has not closed."""
    note = _AMENDMENT_RE.match(window, strong)
    if note is None:
        return False
    if not re.search(r"[А-ЯЁа-яё]", window[note.end() : at]):
        return True
    opening = window.rfind("(", 0, strong + 1)
    return opening != -1 and not window[opening + 1 : strong].strip() and ")" not in window[opening:at]


# «приказ», «приказу», «приказе» in lower case: an order named by a sentence (a stamp says «приказом», or opens its
# line with «Приказ»)
_ORDER_IN_SENTENCE_RE = re.compile(r"приказ(?:|у|е|ы|ов)(?![а-яёА-ЯЁ])")
_LOWER_WORD_RE = re.compile(r"(?<![А-ЯЁа-яё])[а-яё]{2,}")


def _sentence_before(window: str, at: int) -> bool:
    """Three words of a sentence or more on the line before the word at `at`, the last of them right before it."""
    before = window[window.rfind("\n", 0, at) + 1 : at]
    return len(_LOWER_WORD_RE.findall(before)) >= 3 and bool(re.search(r"(?<![А-ЯЁа-яё])[а-яё]{3,}\s+$", before))


def _role(view: str, pos: int, floor: int, *, order_zone: bool = False) -> tuple[str, int]:
    """Role of a date or number at pos from the anchor words before it (see the module docstring)."""
    lo = max(floor, pos - 180)
    window = view[lo:pos]
    breaks = list(_BLOCK_BREAK_RE.finditer(window))
    if breaks:
        lo += breaks[-1].end()
        window = view[lo:pos]
    closing = window.rfind(")")
    if closing != -1 and "(" in window[:closing] and _ANCHOR_RE.search(window, window.rfind("(", 0, closing), closing):
        # «(протокол от 15.02.2024 № 7) … Мт 16.02.2024 № 41-од»: an aside with its own stamp words is closed;
        # what follows starts anew
        lo += closing + 1
        window = view[lo:pos]
    # «от 01.09.2025» or «№ 380» opening its own line: a requisite of the stamp or the order, never the value of an
    # e-signature's field on a line above («Дата: 2025.09.01 09:10:19»)
    line_start = view.rfind("\n", 0, pos) + 1
    requisite_line = bool(re.fullmatch(r"[ \t\W]*(?:от|№|N)?[ \t]*", view[line_start:pos], re.I))
    last: tuple[str, int] | None = None
    stamp: tuple[str, int] | None = None
    head: int | None = None
    strong: int | None = None
    weak: int | None = None
    for m in _ANCHOR_RE.finditer(window):
        name = m.lastgroup or ""
        at = lo + m.start()
        if name == "head":
            if re.search(r"(^|\n)[\W\d]*$", window[: m.start()]):
                head = at  # «Директор МБОУ …» opening a line of the stamp, not «заместитель директора» in prose
            continue
        if name == "approval" and (
            _CITED_ORDER_RE.match(window, m.start()) or re.match(r"приказа(?![а-яё])", window[m.start() :], re.I)
        ):
            # «приказом Министерства …», «на основании приказа …»: an order the text cites; «УТВЕРЖДЕНО приказом
            # Министерства …» over a re-published act is that act's stamp, but not in an aside of the body
            # («(утверждена приказом Минпросвещения России от 31 июля 2020 года № 373, …)»)
            approved = _SHORT_APPROVAL_RE.search(window[: m.start()])
            if approved and not approved.group(1).isupper() and _INLINE_APPROVAL_RE.search(window, 0, approved.start()):
                approved = None  # «… Типового положения о Совете, утв. Приказом Министерства …»: a sentence cites it
            name = "approval" if approved and not _cited_aside(window, m.start()) else "strong"
        elif name == "approval" and _cited_aside(window, m.start()):
            name = "strong"  # «(утверждены постановлением Главного государственного санитарного врача …)»
        elif name == "approval" and _PARTICIPLE_BEFORE_RE.search(window, 0, m.start()):
            name = "strong"
        elif (
            name == "approval"
            and _ORDER_IN_SENTENCE_RE.match(window, m.start())
            and _sentence_before(window, m.start())
        ):
            name = "strong"  # «… Министерством … утвержден приказ № 38 от 20.12.2020 …»: a news item names an order
        if name == "protocol" and _HIGHER_BODY_RE.search(window, m.end(), m.end() + 50):
            name = "strong"  # «Протокола заседания Совета Министерства просвещения РФ …»: a higher body's protocol
        if name == "approval" and strong is not None and _amends(window, strong - lo, m.start()):
            name = "strong"  # «с изменениями / приказ … от 25.02.2021 № 68-О», «(в редакции от … / Приказ № 1218)»
        if name in ("protocol", "approval") and strong is not None and _same_clause(window, strong - lo, m.start()):
            # «во исполнение пункта 3 Протокола заседания Совета Министерства … от 24.03.2022 № 1»: a stamp word
            # inside the citation that opened the sentence is part of it
            name = "strong"
        if name == "signature" and requisite_line and at < line_start:
            continue
        if name in ("signature", "operative"):
            last = (name, at)
            continue
        last = (name, at)
        if name == "strong":
            strong = at
        elif name == "weak":
            weak = at
        else:
            stamp = (name, at)
    if last is not None and last[0] == "signature":
        return "signature", last[1]
    if last is not None and last[0] == "operative":
        return "cited", last[1]
    if strong is not None and (stamp is None or strong > stamp[1]):
        return "cited", strong
    if stamp is not None and stamp[0] == "protocol" and head is not None and head > stamp[1]:
        # «Протокол № 1 от 27 августа 2021 г. / Директор … / 01.09.2021, приказ №163»: the council's block has
        # ended; the head's line opens the approving block
        return "approval", head
    if stamp is not None:
        return stamp
    if head is not None and (strong is None or strong < head):
        return "approval", head
    if weak is not None and not order_zone:
        return "cited", weak
    return "plain", -1


def _tokens(
    view: str, start: int, end: int, floor: int = 0, *, order_zone: bool = False, text: str | None = None
) -> list[Token]:
    numbers = _numbers(view, start, end, text)
    # «Приказ № 24/01-03»: a number after «№», not the date 24.01.2003
    dates = [d for d in _dates(view, start, end, text) if not any(n.start <= d.start < n.end for n in numbers)]
    tokens = sorted(dates + numbers, key=lambda t: t.start)
    for tok in tokens:
        tok.role, tok.anchor = _role(view, tok.start, floor, order_zone=order_zone)
        if _LINK_LINE_RE.match(view, view.rfind("\n", 0, tok.start) + 1):
            tok.role = "signature"  # «Скачать Приказ от 04.03.2019 № 27 …»: a link to another file, not a stamp
        if tok.kind == "number" and tok.role == "plain" and not order_zone and _ACT_NUMBER.search(str(tok.value)):
            tok.role = "cited"
    return tokens


def _gap_ok(view: str, a: Token, b: Token) -> bool:
    first, second = (a, b) if a.start < b.start else (b, a)
    gap = view[first.end : second.start]
    if len(gap) > 400:
        return False
    if re.search(r"\d", gap):
        return False  # another number between them: «Протокол № 1 / №31 от 01 сентября»
    compact = re.sub(r"\s+", " ", gap).strip()
    compact = re.sub(r"^(?:ода|од)(?![а-яё])", "", compact)  # «… 2021 года № 92/01-48»: the date ate «г»
    compact = re.sub(
        r"(?<![а-яё])(?:от|г|гг|года?|год\.?|приказ\w*|пр-з|протокол\w*|дата|№)(?![а-яё])\.?", "", compact, flags=re.I
    )
    compact = re.sub(r"[\s.,()«»\"'_:;/*-]+", "", compact)
    return len(compact) <= 2


def _pairs(view: str, tokens: list[Token]) -> list[tuple[Token | None, Token | None]]:
    """Date and number tokens of one role next to each other; lone ones as half pairs."""
    used: set[int] = set()
    lone: set[int] = set()  # tokens left without a partner
    pairs: list[tuple[Token | None, Token | None]] = []
    for i, tok in enumerate(tokens):
        if i in used:
            continue
        partner = None
        for j in (i + 1, i + 2):
            if j < len(tokens) and j not in used and tokens[j].kind != tok.kind:
                other = tokens[j]
                if tok.kind != "number" and other.kind != "number":
                    continue
                if _gap_ok(view, tok, other) and (other.role == tok.role or other.anchor <= tok.end):
                    partner = j
                    break
                following = tokens[j + 1] if j + 1 < len(tokens) else None
                own_date_after = (
                    following is not None and following.kind != "number" and _gap_ok(view, other, following)
                )  # «от 28.08.2025 приказ № 94 от 01.09.2025»: the order's date follows its number
                # «Приказ №120 … Кутенкова Г.Н. / от «30» августа 2023 г. / Протокол №1»: a date whose own block
                # still waits for it (a lone number of its role above) stays in that block
                own_number_waits = any(
                    k in lone and tokens[k].kind == "number" and tokens[k].role == tok.role for k in range(i)
                )
                if (
                    _gap_ok(view, tok, other)
                    and tok.end <= other.anchor < other.start
                    and other.role != "cited"
                    and not own_date_after
                    and not own_number_waits
                ):
                    # «от «20» февраля 2023 г. Протокол № 16»: the date goes with the number whose word stands
                    # between them, in that word's block
                    tok.role, tok.anchor = other.role, other.anchor
                    partner = j
                    break
        if partner is not None:
            used.update({i, partner})
            other = tokens[partner]
            d, n = (tok, other) if tok.kind != "number" else (other, tok)
            pairs.append((d, n))
        else:
            used.add(i)
            lone.add(i)
            pairs.append((tok, None) if tok.kind != "number" else (None, tok))
    return pairs


def _half(pair: tuple[Token | None, Token | None]) -> str:
    """«date» or «number» for a pair that has only one of them, «full» or «empty» otherwise."""
    if pair[0] is not None and pair[1] is not None:
        return "full"
    if pair[0] is not None:
        return "date"
    return "number" if pair[1] is not None else "empty"


def _reassign_shared_anchors(view: str, pairs: list[tuple[Token | None, Token | None]]) -> None:
    """A two-column stamp read line by line («ПРИНЯТО УТВЕРЖДЕНО / … протокол № 5 от 16.05.2022 от 21.02.2022
    № 122»): one block gives one date and number, so when several pairs share the nearest stamp word, the others
    belong to the block of the other column — whose word stands before, without a date of its own."""
    groups: dict[int, list[tuple[Token | None, Token | None]]] = {}
    for pair in pairs:
        toks = [t for t in pair if t is not None]
        if toks and toks[0].role in ("protocol", "approval") and toks[0].anchor >= 0:
            groups.setdefault(toks[0].anchor, []).append(pair)
    owned = set(groups)
    owned_role = {a: next(t for t in g[0] if t is not None).role for a, g in groups.items()}
    for anchor, group in groups.items():
        if len(group) < 2:
            continue
        if len(group) == 2 and {_half(group[0]), _half(group[1])} == {"date", "number"}:
            continue  # «Приказ / №120 / Мальцева Н.В. / от «30» августа 2023 г.»: one stamp, its names between
        role = next(t for t in group[0] if t is not None).role
        window_start = max(0, anchor - 300)
        other = "approval" if role == "protocol" else "protocol"
        orphans = [
            window_start + m.start()
            for m in _ANCHOR_RE.finditer(view[window_start:anchor])
            if m.lastgroup == other
            and window_start + m.start() not in owned
            # «протокол № 1 от … / Секретарь педагогического совета»: a word of a block that has its own date
            and not any(abs(window_start + m.start() - o) < 120 for o in owned if owned_role[o] == other)
        ]
        # «Приказ № 155 / … Протокол № 4 / от 03 апреля 2023г. / от 04 мая 2023г.»: the other column's block has
        # its number but still waits for its date
        waiting = [
            a
            for a, g in groups.items()
            if owned_role[a] == other and a < anchor and all(p[0] is None for p in g) and anchor - a < 300
        ]
        if waiting and not orphans:
            orphans = waiting[-1:]
        if not orphans:
            continue
        # protocol first in a two-column header: the later pairs are the approval's; approval first: the earlier
        # pairs are the protocol's — unless one pair is written on the stamp word's own line («Приказ № 63 от
        # 19.12.2023» over the other column's lone «08.12.2023г.»): that one is the word's, the others move
        own_line = [p for p in group if "\n" not in view[anchor : min(t.start for t in p if t is not None)]]
        if len(own_line) == 1:
            movers = [p for p in group if p is not own_line[0]]
        else:
            movers = group[1:] if role == "protocol" else group[:-1]
        for pair in movers:
            for t in pair:
                if t is not None:
                    t.role, t.anchor = other, orphans[-1]


def _year_from_block(view: str, start: int, end: int) -> int | None:
    years = {d.year for d, s, _ in find_dates(view) if start <= s < end}
    return years.pop() if len(years) == 1 else None


def _resolve(d: Token | None, view: str, block: tuple[int, int]) -> date | None:
    if d is None:
        return None
    if isinstance(d.value, date):
        return d.value
    # «от 31 августа № 243» under «Протокол № 2 от 30 августа 2022г»: the year of the stamp's other dates — those
    # on its line and the lines above it first, then the whole block's, and only when they all share one year
    line_end = view.find("\n", d.end)
    year = _year_from_block(view, max(block[0], d.start - 300), line_end if line_end != -1 else len(view))
    if year is None:
        year = _year_from_block(view, *block)
    if year is None or not isinstance(d.value, tuple):
        return None
    day, month = d.value
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _cited_pairs(view: str, text: str) -> set[tuple[object, str]]:
    """(date, number) of every act the text cites («… от 25.12.2019 № Р-145»)."""
    tokens = [t for t in _tokens(view, 0, min(len(view), 12000), text=text) if t.role == "cited"]
    out: set[tuple[object, str]] = set()
    for d, n in _pairs(view, tokens):
        if d is not None and n is not None:
            out.add((d.value, str(n.value)))
    return out


def _approval(
    text: str, view: str, pair: tuple[Token | None, Token | None], source: str, block: tuple[int, int]
) -> Approval:
    d, n = pair
    if source in ("plain", "protocol", "appendix") and d is not None and n is not None:
        if (d.value, str(n.value)) in _cited_pairs(view, text):
            return Approval()  # the same date and number stand in a citation: an act the text cites
    toks = [t for t in pair if t is not None]
    start = min(t.start for t in toks)
    end = max(t.end for t in toks)
    anchor = min((t.anchor for t in toks if t.anchor >= 0), default=start)
    snippet_start = anchor if 0 <= start - anchor <= 180 else start
    return Approval(
        _resolve(d, view, block),
        str(n.value) if n else None,
        one_line(text[snippet_start : end + 3]),
        unnumbered=n is None,
        source=source,
    )


# «ЖДАЮ» at the start of a line: «УТВЕРЖДАЮ» half under a seal
_APPROVE_WORD_RE = re.compile(
    r"утвержд\w*|утвердж\w*|введен\w*\s+в\s+действие|(?m:^\W{0,3}\w{0,4}ждаю(?![а-яё]))", re.I
)


_CLAUSE_OR_STAMP_RE = re.compile(r"\d{1,2}\.\d{0,2}\.?\s|(?:утвержд|принят|согласован|рассмотрен)", re.I)


def _prose_above(view: str, at: int) -> bool:
    """A sentence of text on a line of its own above `at` (five words or more, ending with a full stop), a clause or a
    stamp word: an act named below is the subject of a note or a citation, not the page's heading."""
    for line in view[max(0, at - 3000) : at].split("\n"):
        stripped = line.strip()
        if re.search(r"[а-яё)»]\s*[.!?]$", stripped, re.I) and len(_LOWER_WORD_RE.findall(stripped)) >= 5:
            return True
        if _CLAUSE_OR_STAMP_RE.match(stripped):
            return True  # a clause or the document's own stamp above: the act named below is one it cites
    return False


# a label before a named act («Документ: Письмо Роструда от …»): a reference to it
_REFERENCE_LABEL_RE = re.compile(r"(?:документ|источник|см\.|основание)\s*:\s*$", re.I)


def read_stamp(
    text: str,
    *,
    header_end: int,
    stamp_end: int,
    is_order: bool = False,
    order_head: int | None = None,
    order_end: int | None = None,
    allow_plain: bool = True,
    garbled: bool = False,
    title_end: int = 0,
) -> Approval:
    """The part's own approval: header_end is where the title starts; [header_end, stamp_end) may still hold
    stamp lines after the title (a two-block header laid out below the title). For an order, order_head..order_end
    is its own requisites zone («ПРИКАЗ 01.09.2022 № 26/1 О внедрении …» up to «ПРИКАЗЫВАЮ» or the first citation)."""
    view = stamp_view(text)
    stamp_end = min(len(view), max(stamp_end, header_end))
    if is_order and order_head is not None:
        zone_end = min(len(view), order_end if order_end is not None else order_head + 400)
        tokens = _tokens(view, order_head, zone_end, floor=order_head, order_zone=True, text=text)
        _skip_repeal_note(view, tokens, order_head, zone_end)
        own: list[Token] = []
        for tok in tokens:
            if tok.role == "note":
                continue
            if tok.role == "cited":
                if (
                    0 <= tok.anchor
                    and not view[order_head : tok.anchor].strip(' \t\n"«»')
                    and not _prose_above(view, order_head)
                    and not _REFERENCE_LABEL_RE.search(view[:order_head].rstrip())
                ):
                    # the act's own heading names its issuer («Приказ Министерства спорта РФ от 26 января 2024
                    # г. № 65 «Об …»», a legal database's card): its requisites, not a citation
                    own.append(tok)
                    continue
                if _in_parentheses(view, order_head, tok.start):
                    continue  # an aside («в ред. …») inside the requisites
                break  # «В соответствии с приказом … от …»: the rest of the zone cites other acts
            if tok.role != "signature":
                own.append(tok)
        d = next((t for t in own if t.kind != "number"), None)
        n = next((t for t in own if t.kind == "number"), None)
        if n is None and own:
            n = _bare_order_number(view, order_head, max(t.end for t in own) + 60, own)
        if d is None and n is not None:
            d = _date_above_order(view, order_head, text)
        if d is not None or n is not None:
            return _approval(text, view, (d, n), "order", (order_head, zone_end))
        # an order without its own requisites may still carry an approving stamp above it
    aside = _TITLE_APPROVAL_RE.search(view, header_end, max(header_end, title_end))
    if aside:
        # a legal database's title «Порядок … (утв. постановлением Администрации … от 6 апреля 2015 г. N 123а)»
        d = next(iter(_dates(view, aside.start(), aside.end(), text)), None)
        n = next(iter(_numbers(view, aside.start(), aside.end(), text)), None)
        if d is not None or n is not None:
            return _approval(text, view, (d, n), "approval", (aside.start(), aside.end()))
    tokens = [
        t
        for t in _tokens(view, 0, stamp_end, text=text)
        if t.role not in ("cited", "signature")
        and not (header_end <= t.start < max(header_end, title_end))
        and not _in_prose(view, t.start)
        and not _sentence_goes_on(view, t.end)
    ]
    _council_approval(view, tokens)
    pairs = _pairs(view, tokens)
    _reassign_shared_anchors(view, pairs)
    block = (0, stamp_end)
    by_role: dict[str, list[tuple[Token | None, Token | None]]] = {}
    for pair in pairs:
        role = next(t.role for t in pair if t is not None)
        by_role.setdefault(role, []).append(pair)
    approval = _combine_lone(view, by_role.get("approval", []))
    full = [p for p in approval if p[0] is not None and p[0].kind == "date"]
    if full:
        with_number = [p for p in full if p[1] is not None]
        # two stamps side by side, both read as approving («УТВЕРЖДЕНО на заседании … Протокол № 16 | Приказ
        # … № 597»): the director's order approves, the council's protocol does not
        ordered = sorted(with_number or full, key=lambda p: not _order_anchored(view, p))
        best = ordered[0]
        if best[1] is None and best[0] is not None:
            best = (best[0], _number_before_date(view, best[0]))
        best = _body_over_card(view, best, [*ordered, *by_role.get("appendix", [])])
        return _approval(text, view, best, "approval", block)
    numbered = [p for p in approval if p[1] is not None]
    if numbered:
        # «Приказ № 96» without a full date («от «__» ____», «август 2024 г.»): the number only, or with
        # «от «12» сентября» completed by the one year the stamp block shows
        pair = numbered[0]
        return _approval(text, view, pair, "approval", block)
    daymonth = [p for p in approval if p[0] is not None]
    if daymonth:
        return _approval(text, view, daymonth[0], "approval", block)
    appendix = [p for p in by_role.get("appendix", []) if p[0] is not None or p[1] is not None]
    if appendix:
        best = next((p for p in appendix if p[0] is not None and p[1] is not None), appendix[0])
        if best[1] is None and best[0] is not None:
            best = (best[0], _number_before_date(view, best[0]))  # «Приложение к приказу 206 от 01.09.2025г»
        return _approval(text, view, best, "appendix", block)
    if allow_plain:
        # an approving block whose words OCR lost («У* Мт 16.02.2024г. № 41-од»): a date and a number together,
        # above the title
        plain = [
            p
            for p in by_role.get("plain", [])
            if p[0] is not None and p[1] is not None and p[0].kind == "date" and max(p[0].end, p[1].end) <= header_end
        ]
        if plain:
            return _approval(text, view, plain[0], "plain", block)
    approve = next(
        (
            m
            for m in _APPROVE_WORD_RE.finditer(view, 0, stamp_end)
            # a stamp's word opens its line or is written in capitals; «… № 45 утверждены пары» is a sentence
            if m.group(0).isupper()
            or not re.search(r"[а-яё]", view[view.rfind("\n", 0, m.start()) + 1 : m.start()], re.I)
        ),
        None,
    )
    if approve:
        # an approving block without a full date: the protocol of the council is adoption, not approval
        return Approval(
            snippet=one_line(text[approve.start() : approve.end() + 120]), unnumbered=True, source="approval"
        )
    if garbled:
        return Approval()  # a seal and a signature made the stamp area unreadable: nothing is certain
    protocols = [p for p in by_role.get("protocol", []) if p[0] is not None or p[1] is not None]
    if protocols:
        # adopted by a collegial body only: its protocol is the document's stamp
        best = next((p for p in protocols if p[0] is not None and p[1] is not None), protocols[0])
        return _approval(text, view, best, "protocol", block)
    return Approval()


_COUNCIL_APPROVAL_RE = re.compile(
    r"(утвержд[её]н[оаы]?|принят[оаы]?\s+и\s+утвержд\w*)[^а-яё]{0,5}(на\s+заседании|на\s+педагогическ\w*\s+совет|"
    r"педсовет\w*|на\s+педсовет\w*|решением|протокол\w*|"
    r"педагогическ\w*\s+совет|(?:на\s+)?общ\w*\s+собрани|методическ\w*\s+совет)",
    re.I,
)


# «Утверждаю: Директор … ______ И.О. Фамилия протокол п/с № 1 от …»: the protocol written inside the approving
# block itself (no block of its own before it, on its line or on the block's next lines) is what the head approved by
_APPROVE_THEN_PROTOCOL_RE = re.compile(r"(?:утверждаю|утвержд[её]н[оаы]?)(?![а-яё])(?P<between>[\s\S]{0,140}?)$", re.I)
_BLOCK_LINES = 4
_COLUMN_BEFORE_RE = re.compile(r"принят|согласован|рассмотрен", re.I)
_PROTOCOL_OF_RE = re.compile(r"протокол\w*(?:\s+заседания)?\s+$", re.I)
_OTHER_BLOCK_RE = re.compile(
    r"принят|согласован|рассмотрен|приказ|(?<![а-яё])совет(?:ом|а|е)?(?![а-яё])|собрани|\d{1,2}[./]\d{1,2}[./]\d{2}",
    re.I,
)


def _body_over_card(
    view: str, best: tuple[Token | None, Token | None], others: list[tuple[Token | None, Token | None]]
) -> tuple[Token | None, Token | None]:
    """A site's card title set apart on the first line («Приказ № 32 1-ОД от 31.01.2024 Об …») and the document's
    own requisites of the same date below it («Приложение № 1 к приказу / № 32/1 -ОД от 31.01.2024 г»): the body's
    number is the one written in the document."""
    first_end = view.find("\n")
    if first_end == -1 or not view.startswith(("\n\n", "\n \n"), first_end):
        return best
    if not all(t.end <= first_end for t in best if t is not None) or best[0] is None:
        return best
    for pair in others:
        d, n = pair
        if d is not None and n is not None and d.start > first_end and d.value == best[0].value:
            return pair
    return best


def _council_approval(view: str, tokens: list[Token]) -> None:
    """«Утверждено на заседании педагогического совета, протокол № 1 от …»: the protocol is the approval."""
    for tok in tokens:
        if tok.role != "protocol" or tok.anchor < 0:
            continue
        inline = _APPROVE_THEN_PROTOCOL_RE.search(view, max(0, tok.anchor - 160), tok.anchor)
        # «УТВЕРЖДАЮ Принято 25.03.2011»: «Принято» opens a block of its own, only «протокол» can be inside
        # the anchor is «протокол», or the council named right after it («Протокол педагогического совета № 1 от …»)
        protocol_word = re.match(r"протокол", view[tok.anchor : tok.anchor + 9], re.I) or _PROTOCOL_OF_RE.search(
            view, max(0, tok.anchor - 30), tok.anchor
        )
        if (
            inline
            and protocol_word
            and inline.group("between").count("\n") < _BLOCK_LINES
            and not _OTHER_BLOCK_RE.search(inline.group("between"))
            # a two-column stamp read line by line («ПРИНЯТО УТВЕРЖДАЮ / Протокол … Заведующий …»): the protocol on
            # the next lines is the other column's
            and not (
                "\n" in inline.group("between")
                and _COLUMN_BEFORE_RE.search(view, max(0, inline.start() - 200), inline.start())
            )
        ):
            tok.role = "approval"
            continue
        window = view[max(0, tok.anchor - 160) : tok.anchor + 40]  # «Утверждено протоколом …» takes the anchor words
        found = list(_COUNCIL_APPROVAL_RE.finditer(window))
        last = found[-1] if found else None
        if last is None or re.search(r"приказ", window[last.end() :], re.I):
            continue
        # «ПРИНЯТО / УТВЕРЖДЕНО / Решением общего собрания …»: two columns read across, not one council block
        if re.search(r"(принят|согласован|рассмотрен)\w*\W{0,20}$", window[: last.start()], re.I):
            continue
        tok.role = "approval"


_ORDER_ANCHOR_RE = re.compile(r"\W{0,3}(приказ|пр-з|п\s?р\s?и\s?к\s?а\s?з)", re.I)


def _order_anchored(view: str, pair: tuple[Token | None, Token | None]) -> bool:
    """The pair's stamp word is an order («Приказ от … № …», «приказом директора»), not a council's protocol."""
    anchors = [t.anchor for t in pair if t is not None and t.anchor >= 0]
    return bool(anchors) and bool(_ORDER_ANCHOR_RE.match(view, min(anchors)))


def _combine_lone(view: str, pairs: list[tuple[Token | None, Token | None]]) -> list[tuple[Token | None, Token | None]]:
    """A lone approving date and a lone approving number close to each other (two-column layouts) are one stamp."""
    dates = [p for p in pairs if p[0] is not None and p[1] is None]
    numbers = [p for p in pairs if p[0] is None and p[1] is not None]
    if not dates or not numbers:
        return pairs
    d, n = dates[0][0], numbers[0][1]
    assert d is not None and n is not None
    if abs(d.start - n.start) > 160:
        return pairs
    rest = [p for p in pairs if p is not dates[0] and p is not numbers[0]]
    return [(d, n), *rest]


def read_adoption(text: str, zone_end: int) -> str | None:
    """«ПРИНЯТО педагогическим советом, протокол № 5 от 16.05.2022» (the collegial body's stamp)."""
    view = stamp_view(text)
    for m in re.finditer(
        r"(?<![а-яё])(принят[оаы]?|рассмотрен[оаы]?|согласован[оаы]?)(?![а-яё])", view[: min(len(view), zone_end)], re.I
    ):
        window = view[m.start() : m.start() + 300]
        if not re.search(r"протокол|совет|собрани|профком|комитет", window, re.I):
            continue
        stop = len(window)
        approve = _APPROVE_WORD_RE.search(window, 5)
        protocol = re.search(r"протокол\w*[^\n]{0,60}", window, re.I)
        if protocol:
            after = protocol.end()
            ends = [e for _, _, e in find_dates(window) if e <= after + 40]
            stop = max(ends) if ends else after
        elif approve:
            stop = approve.start()
        else:
            stop = min(stop, 160)
        return one_line(text[m.start() : m.start() + stop])
    return None


__all__ = ["NUMBER_RE", "Approval", "read_adoption", "read_stamp"]
