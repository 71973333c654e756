"""Text as real files deliver it, made readable for the title finder and the stamp reader.

* mojibake of the number sign («в„–» — UTF-8 «№» read as cp1251), ASCII «<<» and «>>» for «» and non-breaking
  spaces;
* Latin look-alike letters inside Cyrillic words («Пpикaз») made Cyrillic;
* lines typed or recognized with a space between letters («П Р И К А З», «п р о т о к о л № 1 о т 3 1 .0 8 .2 0 2 3»)
  are closed up;
* a whole document glued into one line (a web page's text, a PDF viewer without line breaks) is broken before
  stamp words, document headings, «ПРИКАЗ», section and clause numbers, so that its header, title and body are
  lines of their own.
"""

from __future__ import annotations

import re

from crawler.classify.text import fix_lookalikes

# «<<01>> сентября» of a text typed or recognized with ASCII angle brackets is the quoted day «01»
_MOJIBAKE = {"в„–": "№", "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\ufeff": "", "<<": "«", ">>": "»"}

# a line is «spaced» when most of its tokens are one character long
_MIN_SPACED_TOKENS = 4


def _token_class(token: str) -> str:
    letters = sum(ch.isalpha() for ch in token)
    digits = sum(ch.isdigit() for ch in token)
    if digits and not letters:
        return "d"
    if letters and not digits:
        return "l"
    return "x"


def close_up_spaced(line: str) -> str:
    """«п р о т о к о л № 1 о т 3 1 .0 8 .2 0 2 3» → «протокол № 1 от 31.08.2023»."""
    tokens = line.split(" ")
    words = [t for t in tokens if t]
    if len(words) < _MIN_SPACED_TOKENS:
        return line
    singles = sum(1 for t in words if len(t) == 1)
    if singles * 2 < len(words):
        return line
    out: list[str] = []
    built: list[bool] = []  # the output token was closed up from one-character pieces
    for token in words:
        if out:
            prev = out[-1]
            cls, pcls = _token_class(token), _token_class(prev)
            letters = cls == pcls == "l" and (
                (len(token) == 1 and (len(prev) <= 2 or built[-1])) or (len(prev) == 1 and len(token) <= 2)
            )
            digits = (
                (cls == "d" or (token[:1] in ".,/" and any(ch.isdigit() for ch in token)))
                and (pcls == "d" or (prev[-1:] in ".,/" and any(ch.isdigit() for ch in prev)))
                and (len(token) <= 3 or len(prev) <= 2)
            )
            glue = token[:1] in "./" and prev[-1:].isalpha() and len(token) <= 3  # «-д /с» → «-д/с»
            glue = glue or (token in (".", "/") and prev[-1:].isdigit())
            if letters or digits or glue:
                out[-1] = prev + token
                built[-1] = True
                continue
        out.append(token)
        built.append(False)
    return " ".join(out)


# where a glued line is cut: before stamp words, headings, the order heading, sections and clauses
_CUT_BEFORE = re.compile(
    # not inside «Настоящее Положение о …», «Данная программа …» (the body naming its own document)
    r"(?<!астоящее)(?<!астоящая)(?<!астоящий)(?<!Данное)(?<!данное)(?<!Данная)(?<!данная)\s(?=(?:"
    r"[«\"]?(?:ПРИНЯТ[ОАЫ]?|Принят[оаы]?|РАССМОТРЕН[ОАЫ]?|Рассмотрен[оаы]?|СОГЛАСОВАН[ОАЫ]?|Согласован[оаы]?|"
    r"УТВЕРЖДЕН[ОАЫ]?|Утвержден[оаы]?|УТВЕРЖДАЮ|Утверждаю)(?![А-ЯЁа-яё])[»\"]?"
    r"|(?:ПОЛОЖЕНИЕ|ПРОГРАММА|ПОРЯДОК|ПРАВИЛА|ДОРОЖНАЯ\s+КАРТА|ПЛАН(?:\s+МЕРОПРИЯТИЙ|\s+РАБОТЫ)?|ПРИКАЗ|"
    r"РАСПОРЯЖЕНИЕ|ПОСТАНОВЛЕНИЕ|ПРИКАЗЫВАЮ|ПОСТАНОВЛЯЮ|ОТЧ[ЕЁ]Т|СОДЕРЖАНИЕ)(?![А-ЯЁа-яё])"
    r"|(?:Приказываю|приказываю|Постановляю|постановляю)\s*:"
    r"|(?:Положение|Программа|Порядок|Правила|Дорожная\s+карта|План\s+мероприятий|Отч[её]т|Справка|"
    r"Аналитическая\s+справка|Мониторинг|Памятка|Инструкция)\s+(?:[оО]|[оО]б|по|на|за|работы|наставни\w*)(?![А-ЯЁа-яё])"
    r"|(?:Методические\s+рекомендации|Коллективный\s+договор|План\s+работы)(?![А-ЯЁа-яё])"
    r"|(?:Цель|Цели|Задачи)\s*:"
    r"|(?:Приложение|ПРИЛОЖЕНИЕ)\s*(?:№\s*)?\d*\s*(?:к|ко|К)\s"
    # a letterhead run into the card title above it («… № 6 МИНИСТЕРСТВО ОБРАЗОВАНИЯ …»)
    r"|(?:МУНИЦИПАЛЬНОЕ|ГОСУДАРСТВЕННОЕ|МИНИСТЕРСТВО|УПРАВЛЕНИЕ|АДМИНИСТРАЦИЯ|ДЕПАРТАМЕНТ|КОМИТЕТ)(?![А-ЯЁа-яё])"
    r"|(?:Муниципальное|Государственное)\s+(?:бюджетное|автономное|казенное|казённое|общеобразовательное|"
    r"дошкольное)(?![А-ЯЁа-яё])"
    r"|(?:Прика[з3]|Приказ)\s*(?:№|N|от\s|\d)"
    # a scan's lower-case «приказ № …» opens a line, but not after a word of a sentence («утвержден приказ № 38»)
    r"|(?<![а-яё]\s)(?:прика[з3]|прикАз)\s*(?:№|N|от\s|\d)"
    r"|(?:I{1,3}|IV|V|VI{1,3})\.\s+[А-ЯЁ]"
    r"|\d{1,2}\.\s+[А-ЯЁ][А-ЯЁа-яё]{3,}|\d{1,2}\.[А-ЯЁ]{4,}(?![а-яё])"
    r"|\d{1,2}\.\d{1,2}\.?\s+[А-ЯЁа-яё]"
    # clauses a text layer ran together or spaced oddly: «1.1.Настоящее …», «1 .Общие положения», «1.Общие …»
    r"|\d{1,2}\.\d{1,2}\.(?=[А-ЯЁ][а-яё]{3,})|\d{1,2}\s\.(?=[А-ЯЁ][А-ЯЁа-яё]{3,})|\d{1,2}\.(?=[А-ЯЁ][а-яё]{3,}\s)"
    r"|Протокол\s*№|Протокол\s+от"
    r"|(?:На\s+основании|В\s+соответствии|Во\s+исполнение|В\s+целях)\s"
    r"|(?:Паспорт|Пояснительная\s+записка|Содержание|Оглавление|Составител\w*|Разработчик\w*)(?![а-яё])"
    r"|Об?\s+(?:утверждении|внедрении|назначении|закреплении|организации|создании|реализации|целевой|системе|"
    r"наставничестве|введении|формировании)\s"
    r"))"
)
GLUED_LINE = 220  # a line longer than this that holds stamp words or headings is a glued page

# a document's kind in capitals a scan's text layer spaced out inside a glued page, some letters still in pairs
# («… 2020 г. П О Л О Ж ЕН И Е о наставнике …»): closed up and cut off like the word itself
_SPACED_KIND_RE = re.compile(
    r"(?<=\s)(?:" + "|".join(" ?".join(word) for word in ("ПОЛОЖЕНИЕ", "ПРОГРАММА", "ПОРЯДОК")) + r")(?![А-ЯЁа-яё])"
)


def _cut_spaced_kind(m: re.Match[str]) -> str:
    word = m.group(0)
    return "\n" + word.replace(" ", "") if word.count(" ") >= 3 else word


def split_glued(line: str) -> str:
    """Break a whole page glued into one line at its stamps, headings, sections and clauses."""
    if len(line) <= GLUED_LINE:
        return line
    line = _SPACED_KIND_RE.sub(_cut_spaced_kind, line)
    line = _CUT_BEFORE.sub("\n", line)
    # a heading in capitals run into the stamp above it («… № 68 от 28.08.2025г. КАЛЕНДАРНЫЙ УЧЕБНЫЙ ГРАФИК …»)
    line = _CAPS_HEADING_RE.sub("\n", line)
    # «ШКОЛА-ИНТЕРНАТ № 6. РЕАЛИЗУЮЩАЯ …»: a number after «№» is not a clause
    return re.sub(r"(№|(?<![А-Яа-яA-Za-z])N)\s*\n(?=\d)", r"\1 ", line)


_CAPS_HEADING_RE = re.compile(r"(?<=[а-яё\d.,;:»\")])(?<!\d\.)[ \t]+(?=[А-ЯЁ]{4,}[ \t]+[А-ЯЁ]{4,}(?![А-ЯЁа-яё]))")


# capitals of a PDF font that stores Cyrillic in the DOS code page (cp866), read back as cp1251: «‘истема»,
# «“словиЯ», «Џод», and a lower-case «я» drawn as «Я» («длЯ», «ЯвлЯетсЯ»)
_CP866_CAPITALS = str.maketrans(
    bytes(range(0x80, 0xA0)).decode("cp1251", errors="replace").replace("\ufffd", "\x00"),
    bytes(range(0x80, 0xA0)).decode("cp866"),
)
_CP866_WORD_RE = re.compile(r"(?<![А-ЯЁа-яё])[\u0400-\u040f\u0452-\u045f‚„…†‡€‰‹‘’“”•–—™›](?=[а-яё]{2,})")
_LOWER_YA_RE = re.compile(r"(?<=[а-яё])Я|Я(?=[а-яё])")


def _fix_cp866_capitals(text: str) -> str:
    """Only a text that shows the pattern many times: a quote before a lower-case word is also plain typography."""
    if len(_CP866_WORD_RE.findall(text)) < 3 or len(_LOWER_YA_RE.findall(text)) < 3:
        return text
    text = _CP866_WORD_RE.sub(lambda m: m.group(0).translate(_CP866_CAPITALS), text)
    return _LOWER_YA_RE.sub("я", text)


_COLUMN_GAP_RE = re.compile(r"(?<=\S)[ \u00a0]{10,}(?=\S)")


def prepare(text: str) -> str:
    for bad, good in _MOJIBAKE.items():
        text = text.replace(bad, good)
    text = _fix_cp866_capitals(text)
    # Latin look-alikes inside Cyrillic words («Пpикaз», «yтвepждeнo» of a scan's text layer) read as Cyrillic,
    # so that stamp words, headings and months are found as written
    text = fix_lookalikes(text)
    # columns a page laid out with long runs of spaces («Принято            Утверждаю») are blocks of their own
    text = _COLUMN_GAP_RE.sub("\n", text)
    lines = []
    for line in text.split("\n"):
        if " " in line.strip():
            line = close_up_spaced(line)
        lines.append(split_glued(line))
    return "\n".join(lines)


__all__ = ["close_up_spaced", "prepare", "split_glued"]
