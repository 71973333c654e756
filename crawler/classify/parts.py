"""Splitting a file's text into logical documents and finding each one's title."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

APPENDIX_RE = re.compile(r"^\W{0,3}приложение\s*(№\s*)?[\dIVX]*\s*(к\s|$|\.|,)", re.I)
# «ПРИКАЗ», also under a scan's noise («_ ПРИКАЗ |», «. (о. | ПРИКАЗ»: a seal's edge read as letters)
ORDER_HEAD_RE = re.compile(
    r"^(?:[\W_]{0,3}|[^А-ЯЁа-яё\n]{0,3}[А-ЯЁа-яё]{0,2}[^А-ЯЁа-яё\n]{0,3}[|(]\s*)"
    # «TIPI4KA3», «flPI4KA3», «IIPИKA3»: the heading of a scan whose Cyrillic was read as Latin look-alikes
    r"(П\s?Р\s?И\s?К\s?А\s?З|ПРИКАЗ|(?:TI|II|fl|Il|П)P(?:I4|И|I)KA[3З])(?![А-ЯЁа-яёA-Za-z])(?!\s*(ЫВАЮ|ываю|bIBAIO))"
)
UPPER_HEAD_RE = re.compile(
    r"^\W{0,3}(ПОЛОЖЕНИЕ|ДОРОЖНАЯ\s+КАРТА|ПРОГРАММА|ПЛАН\s+МЕРОПРИЯТИЙ|ПЛАН-ГРАФИК|РАСПОРЯЖЕНИЕ|"
    r"ПОРЯДОК|ПАМЯТКА|ОТЧ[ЕЁ]Т|МОНИТОРИНГ|АНАЛИТИЧЕСКАЯ\s+СПРАВКА)(?![А-ЯЁа-яё])"
)
TITLE_START_RE = re.compile(
    r"^\W{0,3}(положение|приказ|пр-з|п р и к а з|программа|дорожная\s+карта|план|порядок|база|реестр|банк|"
    r"список|перечень|состав|отч[её]т|мониторинг|аналитическая\s+справка|информационная\s+справка|справка|"
    r"методические|памятка|распоряжение|постановление|письмо|индивидуальн(?:ый|ая|ые)|"
    r"персонализированн(?:ая|ые)|"
    r"коллективный\s+договор|изменения|дополнения|лучшие|кейс|наставнические\s+пары|педагоги-наставники|"
    r"сведения\s+о\s+наставни\w*|анализ|итоги|результаты|иом)(?![а-яё])"
    r"|^\W{0,3}положениеоб?(?=[а-яё]{6})",  # glued words of a broken text layer: «Положениеосистеме…»
    re.I,
)
STAMP_LINE_RE = re.compile(
    r"^\W*(утвержд|принят|согласован|рассмотрен|приложение|протокол|директор|заведующ|руководител|от\s|№|к\s|"
    r"приказом|педагогическ\w+\s+совет|на\s+заседании|и\.\s?о\.)",
    re.I,
)
SUBJECT_RE = re.compile(r"(?:^|[\s«\"])(Об?|ОБ|О\s?б)\s+[а-яёА-ЯЁ«\"]", re.U)
MIN_PART_CHARS = 350
MIN_LEADING_LETTERS = 150
_REQUISITES_ONLY_RE = re.compile(r"^\W*(приказ|пр-з)\W*(№|от|n)[\s\d№.,/\\«»\"_а-яё-]{0,60}$", re.I)


@dataclass
class Part:
    start: int
    end: int
    text: str


def _lines_with_offsets(text: str) -> list[tuple[int, str]]:
    out = []
    pos = 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


_SPACED_WORD_RE = re.compile(r"(?<![А-ЯЁа-яё])(?:[А-ЯЁ] ){3,}[А-ЯЁ](?![А-ЯЁа-яё])")


def _clean(line: str) -> str:
    line = re.sub(r"<[^>]{1,10}>|\*\*", "", line).strip()
    # «П О Л О Ж Е Н И Е», «П Р И К А З»: headings typed letter by letter
    return _SPACED_WORD_RE.sub(lambda m: m.group(0).replace(" ", ""), line)


def split_parts(text: str, *, eager_orders: bool = False) -> list[Part]:
    """Cut at «Приложение N к …», «ПРИКАЗ» and upper-case document headings, keeping stamps with their part.

    eager_orders: a standalone «ПРИКАЗ» starts a new part even after a little text (web pages list links
    before an order pasted into them; in a file such text is a stamp or a letterhead of the same order).
    """
    lines = _lines_with_offsets(text)
    boundaries = [0]
    eager: set[int] = set()  # orders cut from a web page's menu and headings: that text is not their letterhead
    content_since = 0  # letters since the last boundary's heading
    for i, (offset, raw) in enumerate(lines):
        line = _clean(raw)
        is_head = is_order = False
        if len(line) < 160 and APPENDIX_RE.match(line):
            is_head = True
        elif len(line) < 60 and ORDER_HEAD_RE.match(line) and not _in_stamp(lines, i):
            is_head = is_order = True
        elif len(line) < 160 and UPPER_HEAD_RE.match(line):
            is_head = True
        if is_head and offset > 0:
            after_order = APPENDIX_RE.match(line) and re.search(
                r"П\s?Р\s?И\s?К\s?А\s?З\s?Ы\s?В\s?А\s?Ю", text[boundaries[-1] : offset], re.I
            )
            if content_since >= MIN_PART_CHARS or (after_order and content_since >= MIN_LEADING_LETTERS):
                boundaries.append(_letterhead_start(lines, i) if is_order else _stamp_start(lines, i, boundaries[-1]))
                content_since = 0
            elif is_order and eager_orders and content_since > 0:
                # a standalone «ПРИКАЗ» always starts an order (a web page may list links before it)
                start = _letterhead_start(lines, i)
                if start > boundaries[-1]:
                    boundaries.append(start)
                    eager.add(start)
                    content_since = 0
            continue
        if not _HEADER_LINE_RE.search(line):
            # stamps, letterheads and e-signature blocks are the header of the next heading, not a document
            content_since += sum(1 for ch in line if ch.isalpha())
    boundaries.append(len(text))
    parts = [Part(a, b, text[a:b]) for a, b in itertools.pairwise(boundaries) if b > a]
    merged: list[Part] = []
    for part in parts:
        # a few words before a heading (a signature stamp, a letterhead) belong to the next part
        if merged and part.start not in eager and sum(ch.isalpha() for ch in merged[-1].text) < MIN_LEADING_LETTERS:
            prev = merged.pop()
            part = Part(prev.start, part.end, text[prev.start : part.end])
        merged.append(part)
    return merged or [Part(0, len(text), text)]


_HEADER_LINE_RE = re.compile(
    r"^\W*(утвержд|утвердж|принят|согласован|рассмотрен|протокол|приказ\w*\s*(№|от|директор|заведующ)|директор|"
    r"заведующ|руководител|председател|и\.о\.|на\s+заседании|педагогическ\w+\s+совет|общ\w+\s+собрани|"
    r"подписан|dn:|cn=|e=|дата:|сертификат|владелец|действител|основание:|местоположение|"
    r"муниципальн|государственн|бюджетн|автономн|казенн|казённ|учреждени|от\s+\d|от\s*«|№)"
    r"|^[\s_]*$|_{4,}|\b[А-ЯЁ]\.\s?[А-ЯЁ]\.\s?[А-ЯЁ][а-яё]+\s*$|=",
    re.I,
)
_STAMP_BACK_RE = re.compile(
    r"^\W*(утвержд|утвердж|принят|согласован|рассмотрен|протокол|приказ|приложени|директор|заведующ|от\s|№)", re.I
)


def _stamp_start(lines: list[tuple[int, str]], i: int, floor: int) -> int:
    """Where the stamp block just above heading i begins («УТВЕРЖДЕНО / приказом от … / ПОЛОЖЕНИЕ»)."""
    start = lines[i][0]
    j = i - 1
    seen = 0
    while j >= 0 and lines[j][0] >= floor and seen < 12:
        line = _clean(lines[j][1])
        if not line:
            j -= 1
            continue
        if not (_STAMP_BACK_RE.match(line) or _HEADER_LINE_RE.search(line)) or len(line) > 160:
            break
        start = lines[j][0]
        seen += 1
        j -= 1
    return start


_LETTERHEAD_RE = re.compile(
    r"учреждени|школ|сад|гимнази|лице|администраци|управлени|отдел|комитет|министерств|^\W*(м[бак]?д?оу|мбу)",
    re.I,
)


def _letterhead_start(lines: list[tuple[int, str]], i: int) -> int:
    """Offset where the order's letterhead (organization lines just above «ПРИКАЗ») begins."""
    start = lines[i][0]
    taken = 0
    j = i - 1
    while j >= 0 and taken < 4:
        line = _clean(lines[j][1])
        if not line:
            j -= 1
            continue
        if len(line) > 200 or not _LETTERHEAD_RE.search(line):
            break
        start = lines[j][0]
        taken += 1
        j -= 1
    return start


@dataclass
class TitleInfo:
    title: str = ""
    title_start: int = 0  # offset of the title in the part (the header zone ends here)
    is_order: bool = False
    order_head: int | None = None
    title_end: int = 0  # offset just after the title's last line
    heading: bool = False  # a real document heading (not a fallback line of the body)
    card: bool = False  # the first line of the text, standing apart: a viewer's card title
    body_start: int = 0  # where the body begins (first section, clause, «ПРИКАЗЫВАЮ»)
    score: float = 0.0


_ACT_HEAD_RE = re.compile(r"^\W{0,3}(ПОСТАНОВЛЕНИЕ|РАСПОРЯЖЕНИЕ|РЕШЕНИЕ|УКАЗ)(?![А-ЯЁа-яё])")
_ORDER_WORD_RE = re.compile(r"^\W{0,3}(?:п\s?р\s?и\s?к\s?а\s?[з3])(?![а-яёa-z])", re.I)
# the subject of an order: «О …», «Об …» (OCR may read «О» as «о»); a text layer that lost its spaces glues the
# preposition to the noun («Обутверждении Положения», «Оназначении»)
_SUBJECT_LINE_RE = re.compile(
    r"^\W{0,2}(?:([Оо]б?|ОБ|[Оо]\s?б)\s+[а-яёА-ЯЁ«\"]|"
    r"(Об?)(?=(?:утвержд|внедрен|назначен|закреплен|организац|создан|введен|реализац|внесени|проведен)[а-яё]))"
)
# an order's subject whose «О» a scan lost («Ко) закреплении наставнических пар …»)
_SUBJECT_NOUN_RE = re.compile(
    r"(?:^|\s)(утверждени|внедрени|назначени|закреплени|организаци|создани|введени|реализаци|формировани|"
    r"внесени)[а-я]{0,3}\s"
)
_ORDER_SUBJECT_WORDS = re.compile(
    r"^\W{0,2}(?:Об?|О\s?б)\s+(?:утверждени|внедрени|назначени|закреплени|организаци|создани|введени|"
    r"реализаци|формировани|внесени|проведени|наставничеств|целев|систем|итог|работ|распределени|установлени|"
    r"определени|мерах|порядке|составе|подготовк|участи|допуск|принятии|приеме|переводе)",
    re.I,
)
_BODY_START_RE = re.compile(
    r"^\W{0,3}(?:\d{1,2}\.\s*(?:\d{1,2}\.?\s*)?[А-ЯЁа-яё]|[IVX]{1,4}\.\s|общие\s+положени|"
    r"пояснительная\s+записка|п\s?р\s?и\s?к\s?а\s?з\s?ы\s?в\s?а\s?ю|в\s+соответствии|на\s+основании|"
    r"во\s+исполнение|в\s+целях|паспорт\s+программ|цель|содержание)",
    re.I,
)
_DOTS_RE = re.compile(r"(\.{4,}|…{2,}|_{6,}\s*\d+\s*$|\.\s?\.\s?\.\s?\.)")
_DATE_ONLY_RE = re.compile(
    r"^\W*(?:(?:г\.|город|с\.|пос\.|п\.|ст\.|село|пгт)\s*[А-ЯЁ][\w-]*\.?,?\s*)?(?:\d{4}\s*(?:г\.?|год)?|"
    r"\d{1,2}[./]\d{1,2}[./]\d{2,4}\s*г?\.?)\W*$",
    re.I,
)
_CITY_LINE_RE = re.compile(
    r"^\W*(?:г\.|город|с\.|пос\.|п\.|ст\.|село|пгт)\s*[А-ЯЁ][\w-]*[.,]?\s*(\d{4}\s*(г\.?|год)?)?\W*$"
)
_LETTERHEAD_START_RE = re.compile(
    r"^\W{0,3}(?:муниципальн|государственн|частн|негосударственн|федеральн|областн|краев|автономн|"
    r"министерств|управлени|администраци|департамент|комитет|отдел\s+образ|правительств|российская\s+федерац|"
    r"(?:м|г|ч)[бак]?д?оу\b|мбу|мау|мку|гбу|гку)",
    re.I,
)


_CITATION_START_RE = re.compile(
    r"^\W{0,3}(?:распоряжени(?:ем|я|ю)|постановлени(?:ем|я|ю)|приказ(?:ом|а|у)|письм(?:ом|а|у)|указ(?:ом|а|у)|"
    r"федеральн\w+\s+закон\w*|закон(?:ом|а|у)|методическ\w+\s+рекомендаци(?:ями|й|ям))(?![а-яё])",
    re.I,
)


def _word_stem(word: str) -> str:
    if len(word) > 6:
        return re.escape(word[:-2])
    if len(word) > 3:
        return re.escape(word[:-1])
    return re.escape(word)


@lru_cache(maxsize=1024)
def _prefix_pattern(phrase: str) -> re.Pattern[str]:
    """A title word at the start of a line, whole words only: «план» is not «планируемые», «правила» is not
    «правительство» (a stemmed phrase over text without spaces cannot tell them apart)."""
    from crawler.classify.text import compile_phrase, fold

    if phrase.strip().startswith("re:"):
        return compile_phrase(phrase)
    words = re.findall(r"[\w-]+", fold(phrase))
    # the first word as written (a heading names its kind in the nominative: «Концепция», never «Концепции»
    # continuing a cited act's title), the others in any form
    body = r"\s*".join(re.escape(w) if k == 0 else _word_stem(w) + r"[а-яё]{0,4}" for k, w in enumerate(words))
    return re.compile(r"^[\W_]{0,3}" + body + r"(?![а-яё])")


def _match_start(phrases: list[str], line: str) -> bool:
    from crawler.classify.text import despace, fold

    folded = fold(line)
    despaced = despace(line).lstrip("-–—•*·.,:;!?#")
    for phrase in phrases:
        pattern = _prefix_pattern(phrase)
        if pattern.match(despaced if phrase.strip().startswith("re:") else folded):
            return True
    return False


def _match_any(phrases: list[str], line: str) -> bool:
    from crawler.classify.text import compile_phrase, despace

    folded = despace(line)
    return any(compile_phrase(p).search(folded) for p in phrases)


@lru_cache(maxsize=64)
def _words_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    from crawler.classify.text import fold

    alternatives = "|".join(re.escape(fold(w)) for w in words if w.strip())
    return re.compile(r"(?<![а-яё])(?:" + (alternatives or r"(?!)") + r")(?![а-яё])")


def _has_word(words: list[str], line: str) -> bool:
    """One of the words, in exactly that form, as a whole word of the line."""
    from crawler.classify.text import fold

    return bool(words) and bool(_words_pattern(tuple(words)).search(fold(line)))


def _letters(line: str) -> int:
    return sum(ch.isalpha() for ch in line)


def _junk(line: str) -> bool:
    """OCR garbage: few letters among the characters, or Latin look-alike text («nonoxeHue», «J\\Ъ»)."""
    chars = [ch for ch in line if not ch.isspace()]
    if not chars:
        return True
    letters = _letters(line)
    alnum = letters + sum(ch.isdigit() for ch in line)
    if alnum / len(chars) < 0.7 or letters < 2:
        return True
    latin = sum(1 for ch in line if "a" <= ch.lower() <= "z")
    return latin > letters * 0.4 and letters > 4


def _in_stamp(lines: list[tuple[int, str]], i: int, reach: int = 4) -> bool:
    """«УТВЕРЖДАЮ / Директор … / ПРИКАЗ № 575 от …»: an order named inside an approval stamp."""
    recent = " ".join(_clean(x) for _, x in lines[max(0, i - reach) : i])
    # the stamp's own words, not «Об утверждении …» of a card title or a subject
    return bool(re.search(r"утвержд[её]н[оаы]?(?![а-яё])|утверждаю|утвердж\w*|утв\.", recent, re.I))


class _Scorer:
    def __init__(self, vocab: object | None):
        self.vocab = vocab

    def phrases(self, name: str) -> list[str]:
        if self.vocab is None:
            return _DEFAULT_TITLE_WORDS.get(name, [])
        return list(getattr(self.vocab, name))

    def kind(self, line: str) -> bool:
        return bool(TITLE_START_RE.match(line)) or _match_start(self.phrases("kinds"), line)


# a kind word followed by a predicate opens a sentence of the body («Положение разработано в соответствии с …»)
_PREDICATE_AFTER_KIND_RE = re.compile(
    r"^\W{0,3}[А-ЯЁа-яё-]+\s+(?:[а-яё-]+\s+)?(?:разработан|определя|устанавлива|регламентир|являет|вступа|действу|"
    r"распространя|принима|принят|утвержда|утвержден|составлен|направлен|предусматрива|содержит|включает|"
    r"рассчитан|реализу|призван|подлеж|вводит)",
    re.I,
)
# a term and its definition («Программа наставничества – это …», «Наставник — участник программы, …»)
_DEFINITION_RE = re.compile(
    r"^\W{0,3}[А-ЯЁа-яё-]+(?:\s+[а-яё-]+){0,3}\s*[-–—]\s*(?:это|участник|сотрудник|лицо|работник|педагог|система|"
    r"комплекс|совокупность|форма|процесс|способ|технология|документ)(?![а-яё])",
    re.I,
)
# where the heading of a page glued into one line ends: a sentence closed before the next one, a place and a year
_HEAD_END_RE = re.compile(
    r"(?:(?<=[а-яёА-ЯЁ]{2})|(?<=[»)\d]))[.!?]\s+(?=[«\"А-ЯЁ])|"
    r"\s(?=(?:г|с|п|пос|ст)\.\s*[А-ЯЁ][А-ЯЁа-яё-]+[,.]?\s+(?:19|20)\d{2})"
)
GLUED_TITLE = 160  # a heading line longer than this ran into the text after it (a glued page)


def title_head(line: str) -> str:
    """The heading at the start of a long line that ran into the text after it («Программа наставничества
    «Ступеньки» г. Верхняя Тура 2022 год. «Всегда вперёд…»»): up to the first closed sentence or place-and-year."""
    if len(line) <= GLUED_TITLE:
        return line
    m = _HEAD_END_RE.search(line, 12)
    return line[: m.start()].rstrip(" ,") if m else line


def _open_quote_before(lines: list[tuple[int, str]], i: int) -> bool:
    """Line i continues a quotation opened above it in the same paragraph (the title of an act the text cites)."""
    above: list[str] = []
    for j in range(i - 1, max(-1, i - 4), -1):
        prev = lines[j][1]
        if not prev.strip():
            break
        above.insert(0, prev)
    text = " ".join(above)
    # the last «» left open, if it opens an act's title («Об утверждении …», «О …»); an organization's name with
    # nested quotes («Детский сад № 5 «Золотая рыбка» …) is not a citation
    depth = 0
    start = -1
    for k, ch in enumerate(text):
        if ch == "«":
            if depth == 0:
                start = k
            depth += 1
        elif ch == "»" and depth > 0:
            depth -= 1
    return depth > 0 and bool(re.match(r"«\s*(Об?|О\s?б)\s", text[start:]))


_DEFAULT_TITLE_WORDS: dict[str, list[str]] = {}
# the fields of an e-signature stamp that a text layer prints above the document
_E_SIGNATURE_RE = re.compile(
    r"подписано\s*:|(?<![a-z])(?:dn|cn)\s*[:=]|дата\s*:\s*\d{4}[.-]\d\d[.-]\d\d|сертификат\s*:|владелец\s*:",
    re.I,
)


_ACTS_HEADING_RE = re.compile(
    r"^\W{0,3}(?:нормативн\w*[\s-]*(?:правов\w*\s+)?(?:акты|база|документ\w*|основ\w*)|правов\w*\s+(?:база|основ\w*)|"
    r"(?:федеральный|региональный|муниципальный)\s+уровень|федеральные\s+документы|региональные\s+документы)\W*$",
    re.I,
)
_HIGHER_ACT_LINE_RE = re.compile(
    r"^\W{0,3}(?:распоряжени|постановлени|приказ|письм|указ|федеральн)\w*\s+(?:\w+\s+){0,2}(?:министерств|"
    r"минпросвещ|минобр|правительств|президент|губернатор|закон|российской|рф(?![а-яё]))",
    re.I,
)


def _under_acts_heading(lines: list[tuple[int, str]], i: int) -> bool:
    """A higher body's act listed under «Нормативно-правовые акты» or «Федеральный уровень» of a section page."""
    if not _HIGHER_ACT_LINE_RE.match(_clean(lines[i][1])):
        return False
    above = [_clean(x) for _, x in lines[max(0, i - 8) : i] if _clean(x)][-4:]
    return any(_ACTS_HEADING_RE.match(x) for x in above)


# a draft put up for discussion: «Проект: Положения о городском конкурсе …», «ПРОЕКТ положения о наставничестве»
_DRAFT_RE = re.compile(r"^\W{0,2}проект\s*[:.–—-]?\s*(?:положени[ея]|программы|порядка|правил|плана)\s", re.I)


def _score(scorer: _Scorer, lines: list[tuple[int, str]], i: int) -> tuple[float, str]:
    """Score of line i as the title and the kind of line it is."""
    line = _clean(lines[i][1])
    letters = _letters(line)
    if letters < 3:
        return -99.0, "empty"
    if len(line) < 60 and _match_any(scorer.phrases("chrome"), line):
        return -20.0, "chrome"
    if re.match(r"^\W*п\s?р\s?и\s?к\s?а\s?з\s?ы\s?в\s?а\s?ю", line, re.I):
        return -20.0, "body"
    if _E_SIGNATURE_RE.search(line):
        return -20.0, "signature"  # «… Подписано: … DN: cn=…, o=…»: an e-signature's fields, not the title
    people = _match_start(scorer.phrases("people"), line)
    requisites = _match_any(scorer.phrases("requisites"), line)
    head_line = line
    if i == 0:
        # a card title numbered by the site («38 Положение о …», «35_ПОЛОЖЕНИЕ …», «384, ПОЛОЖЕНИЕ …»)
        head_line = re.sub(r"^\W{0,2}\d{1,4}[\s_.,)]+(?=[А-ЯЁа-яё])", "", line)
    kind = (scorer.kind(head_line) or bool(_DRAFT_RE.match(head_line))) and not people and not requisites
    start_char = line.lstrip("-–—•*·\"' ")[:1]
    if kind and i > 0 and (start_char.islower() or start_char == "("):
        kind = False  # «(целевой модели)», «изменениями).»: the rest of a sentence broken across lines
    if kind and _PREDICATE_AFTER_KIND_RE.match(head_line):
        kind = False  # «Положение разработано в соответствии с …»: a sentence of the body
    if kind and _DEFINITION_RE.match(head_line):
        kind = False  # «Программа наставничества – это комплекс мероприятий …»: a definition, not a title
    if kind and _under_acts_heading(lines, i):
        kind = False  # «Нормативно-правовые акты / Федеральный уровень / Распоряжение Минпросвещения …»: a list item
        quoted = True
    if kind and i > 0 and re.fullmatch(r"\W{0,2}\d{1,2}(?:\.\d{1,2})+\.?", _clean(lines[i - 1][1])):
        kind = False  # «2.7. / Целевая модель наставничества …»: a clause under its number on the line above
    if kind and _has_word(scorer.phrases("headline_verbs"), line):
        kind = False  # «Лучшие педагоги-наставники … получат премию»: a news headline, not a document's title
    quoted = _open_quote_before(lines, i)
    if quoted:
        kind = False  # «… № Р-174 «Об утверждении / Концепции создания …»: a cited act's title
    if i > 0 and _DANGLING_END_RE.search(_clean(lines[i - 1][1])):
        kind = False  # «О внесении изменений в / Положение об оплате труда …»: the line above goes on here
        quoted = True
    line = title_head(line) if kind else line
    numbered = re.match(r"^\W{0,2}\d{1,3}\.\s+(\S.*)$", line)
    numbered_kind = bool(numbered and scorer.kind(numbered.group(1)))  # «26. Положение о …» in a list of acts
    s = 0.0
    label = "line"
    if kind:
        s += 6
        label = "kind"
    elif _ORDER_SUBJECT_WORDS.match(line):
        s += 4
        label = "subject"
    elif re.search(r"наставни|наставля|целев\w*\s+модел", line, re.I):
        s += 1.5
    if not kind and _under_appendix(lines, i):
        s += 5  # «Приложение № 1 / от … № 78 / Муниципальная целевая модель …»: the appended document's heading
    if line.isupper() and letters >= 6:
        s += 1
    if _junk(line):
        s -= 9
        label = "junk"
    if _match_start(scorer.phrases("toc"), line) or _DOTS_RE.search(line):
        s -= 9
        label = "toc"
    if requisites:
        s -= 9
        label = "requisites"
    if people:
        s -= 6
        label = "people"
    card_number = i == 0 and kind and head_line != line
    clause = re.match(r"^\W{0,2}\d{1,2}(\.\d{1,2})*\.?\s*[А-ЯЁа-яё]", line) or re.match(r"^\W{0,2}[IVX]{1,4}\.\s", line)
    if clause and not card_number:
        if numbered_kind:
            s += 4
            label = "kind"
        else:
            s -= 5  # a section or clause of the body («1.3. Планируемые результаты»), not the document's title
            if label == "kind":
                label = "line"
    if re.match(r"^\W*\d{4}\s*(года?|г\.)", line) or re.match(r"^\W*(года?|г\.)\s", line):
        s -= 5  # the rest of a cited date: the excerpt starts inside a sentence
    if _CITATION_START_RE.match(line):
        s -= 8  # «Распоряжением Минпросвещения …», «– Федеральным законом …»: an act the text cites
        label = "citation"
    if STAMP_LINE_RE.search(line) and not re.match(r"^\W*(положение|программа|дорожная|план|порядок)", line, re.I):
        s -= 7
        label = "stamp"
    if _LETTERHEAD_START_RE.match(line) and not kind and not _under_appendix(lines, i):
        s -= 4
        label = "letterhead"
    if _DATE_ONLY_RE.match(line) or _CITY_LINE_RE.match(line):
        s -= 7
        label = "date"
    first = line.lstrip("-–—•*·«\"' ")[:1]
    if first.islower():
        s -= 4
    words = line.split()
    if re.match(r"^[•·▪◦*]\s*", line) or re.match(r"^[-–—]\s+\S", line):
        s -= 4  # an item of a list (navigation, links, legal basis), not a heading
    if len(line) > 140 and re.search(r"[а-яё]{2,}[.;:]\s+[А-ЯЁа-яё]", line):
        s -= 4  # a paragraph, not a heading
    if line.endswith(".") and len(words) > 10 and not kind:
        s -= 3
    if _match_any(scorer.phrases("sentence_words"), line) and len(words) > 5:
        s -= 3
    if len(line) > 260 and not (kind and len(line) < 400 and not re.search(r"[а-яё]{2,}[.;:]\s", line)):
        s -= 6  # a paragraph; but a long heading of one sentence (a glued page's title with the full name) stays
    if quoted:
        s -= 6
    s -= 0.04 * i
    return s, label


# a line naming an act by its kind, issuer, date and number («Постановление Правительства РФ от 26 декабря 2017 г.
# № 1642 «Об утверждении …»», «Указ Президента РФ от …»)
ACT_CITATION_RE = re.compile(
    r"^\W{0,3}(?:федеральн\w*\s+закон|закон|указ|постановлени\w*|распоряжени\w*|приказ\w*|письм\w*|решени\w*)"
    r"(?![а-яё]).{0,160}?(?:от\s*[«\"]?\d|№\s*\d|N\s*\d)",
    re.I,
)


def _text_lines(lines: Iterable[tuple[int, str]], count: int) -> list[str]:
    """The first `count` lines of text among `lines`, cleaned; the blank lines of a page's layout do not count."""
    return list(itertools.islice((line for line in (_clean(raw) for _, raw in lines) if line), count))


_BULLET_RE = re.compile(r"^\s*[-–—•·*]")


def _follows_citation(window: list[tuple[int, str]], i: int) -> bool:
    """Line i comes after another act's citation among the three lines of text above it, or is an item of a
    bulleted list: a list of legal bases, not the heading of a re-published act (which opens its page)."""
    above = _text_lines(reversed(window[:i]), 3)
    if _BULLET_RE.match(window[i][1]) and above and (_BULLET_RE.match(above[0]) or above[0].endswith(":")):
        return True  # «… разработан на основании нормативных документов: / -ФЗ № 273 … / -«Постановление …»
    return any(ACT_CITATION_RE.match(line) for line in above)


def find_title(text: str, vocab: object | None = None) -> TitleInfo:
    """The part's title: the best-scoring candidate line of its first 80 lines (see _score)."""
    lines = _lines_with_offsets(text)
    scorer = _Scorer(vocab)
    window = lines[:80]
    scored: list[tuple[float, int, str]] = []
    operative = len(window)  # an order named after «ПРИКАЗЫВАЮ» is one the order cites or repeals
    for k, (_, raw) in enumerate(window):
        if re.match(r"^\W*п\s?р\s?и\s?к\s?а\s?з\s?ы\s?в\s?а\s?ю", _clean(raw), re.I):
            operative = k
            break
    text_lines = 0  # lines of text above this one
    for i in range(len(window)):
        line = _clean(window[i][1])
        if not line:
            continue
        if i > operative and _ORDER_WORD_RE.match(line):
            scored.append((-6.0, i, "citation"))
            continue
        if len(line) < 60 and ORDER_HEAD_RE.match(line) and not _in_stamp(lines, i, reach=8):
            scored.append((9.0 - 0.04 * i, i, "order"))
            continue
        if (
            text_lines < 3
            and operative == len(window)
            and not _order_word_above(window, i)
            and _act_requisites_line(window, i)
        ):
            scored.append((8.0 - 0.04 * i, i, "act requisites"))
            text_lines += 1
            continue
        text_lines += 1
        if len(line) < 90 and _ACT_HEAD_RE.match(line) and _subject_follows(lines, i):
            scored.append((8.0 - 0.04 * i, i, "act"))  # «ПОСТАНОВЛЕНИЕ / от … № … / О системе наставничества …»
            continue
        if _ORDER_WORD_RE.match(line) and _closes_aside(lines, i):
            scored.append((-6.0, i, "citation"))  # «… (в редакции от 14.12.2017 года / Приказ № 1218), …»
            continue
        if _ORDER_WORD_RE.match(line) and not re.match(r"^\W*приказом", line, re.I):
            # «Приказ № 5 …», «Приказ от …», and a number with a letter prefix and no «№» («Приказ К/76-од»)
            requisites = bool(
                re.match(r"^\W*п\s?р\s?и\s?к\s?а\s?[з3]\W*(№|от|n\b|\d|[а-яё]{1,3}\s?[/\\-]\s?\d)", line, re.I)
            )
            if requisites and _in_stamp(lines, i, reach=8):
                scored.append((-8.0, i, "stamp"))  # «Приказ № 575 от …» inside an «УТВЕРЖДЕНО» block
                continue
            if len(line) < 90 and _subject_follows(lines, i):
                scored.append((8.0 - 0.04 * i, i, "order"))  # «ПРИКАЗ», «прикАз 12 января 2022 г.» + «О …»
                continue
            if (
                requisites
                and len(line) < 300
                and line.lstrip(" -–—•*·«\"'_|")[:1].isupper()  # not «… в / приказ от … «Об …»» of a citation
                and not (i > 0 and _DANGLING_END_RE.search(_clean(lines[i - 1][1])))
                and _SUBJECT_LINE_RE.match(_after_requisites(line))
            ):
                scored.append((8.0 - 0.04 * i, i, "order"))  # «ПРИКАЗ от 10.01.2022 г. №1 «Об утверждении …»»
                continue
            if requisites and _REQUISITES_ONLY_RE.match(line):
                scored.append((-6.0, i, "stamp"))  # «Приказ № 40-од от 14.09.2020» above a Положение
                continue
            if re.fullmatch(r"\W*приказ\W*", line, re.I) and not _requisites_follow(window, i):
                scored.append((-2.0, i, "link"))  # «Приказ» under a news item, «Все новости» below: a file's link
                continue
        if ACT_CITATION_RE.match(line) and _follows_citation(window, i):
            scored.append((-6.0, i, "citation"))  # an item of a list of the acts the document rests on
            continue
        score, label = _score(scorer, lines, i)
        scored.append((score, i, label))
    if not scored:
        return TitleInfo()
    first_line = next((i for _, i, _ in scored), 0)
    # the first line standing apart from the text below it: in a viewer's page, the card title of the file
    card = first_line == 0 and len(lines) > 2 and not _clean(lines[1][1]) and bool(text[lines[1][0] :].strip())
    later_heading = any(label in ("kind", "order") and s >= 4.5 and i > 1 for s, i, label in scored)
    best: tuple[float, int, str] | None = None
    for s, i, label in scored:
        if card and later_heading and i == 0:
            s -= 3.0  # the document's own heading below the card decides
        if best is None or s > best[0]:
            best = (s, i, label)
    assert best is not None
    s, i, label = best
    if s < 3:
        # no heading: the first line that is neither a stamp nor the site's chrome nor junk
        for s2, i2, label2 in scored:
            if label2 not in ("chrome", "stamp", "junk", "toc", "requisites", "empty", "date", "people", "signature"):
                # a short line that is not a sentence still names the document («Картотека наставников»)
                return _info(lines, i2, False, text, heading=s2 >= 0, score=s2)
        return TitleInfo()
    if label == "order" or (label == "kind" and _ORDER_WORD_RE.match(_clean(lines[i][1]))):
        return _order_info(lines, i, text, s)
    if label == "act":
        info = _order_info(lines, i, text, s)
        head = _ACT_HEAD_RE.match(_clean(lines[i][1]))
        assert head is not None
        info.title = head.group(1).capitalize() + info.title[len("Приказ") :]
        info.is_order = False
        return info
    if label == "act requisites":
        info = _order_info(lines, i, text, s)
        word = _ACT_REQ_WORD_RE.match(_clean(lines[i][1]))
        kind = word.group(1).capitalize() if word and word.group(1) else ""
        subject = info.title[len("Приказ") :].strip()
        info.title = f"{kind} {subject}".strip() if subject else kind or _clean(lines[i][1])[:200]
        info.is_order = False  # an order's own heading is read by the order rules above
        return info
    if label == "subject" and re.search(r"п\s?р\s?и\s?к\s?а\s?з\s?ы\s?в\s?а\s?ю", text, re.I):
        info = _info(lines, i, True, text, heading=True, score=s)
        info.title = "Приказ «" + info.title.strip(' «»"') + "»"
        info.order_head = lines[i][0]
        return info
    return _info(lines, i, False, text, heading=True, score=s, card=card and i == 0)


_REQUISITES_RE = re.compile(
    r"^\W*п\s?р\s?и\s?к\s?а\s?[з3]\W*(?:(?:от|№|n|года?|г\.?)(?![а-яё])\W*|\d[\d./-]*\s*(?:[а-яё]{1,2}(?![а-яё])\W*)?|"
    r"[«»\"]\s*|"
    r"(?:январ|феврал|март|апрел|ма[яй]|июн|июл|август|сентябр|октябр|ноябр|декабр)[а-я]*\s*)*",
    re.I,
)


def _requisites_only(line: str) -> bool:
    """A line of an order's requisites: a date, a number, a place («от 29.08.2025 № 95-1», «г. Тонкино»)."""
    return bool(
        _DATE_ONLY_RE.match(line)
        or _CITY_LINE_RE.match(line)
        or re.fullmatch(r"[\W_]*(?:от\s*)?[\d.«»\s]*\d{2,4}\s*(?:г\.?|года)?[\W_]*(?:№\s*[\w/-]+[\W_]*)?", line, re.I)
    )


def _after_requisites(line: str) -> str:
    """«ПРИКАЗ от 10.01.2022 г. №1 «Об утверждении …»» → «Об утверждении …»»."""
    m = _REQUISITES_RE.match(line)
    return line[m.end() :].lstrip(' «"') if m else ""


def _is_subject(line: str, first: bool) -> bool:
    """«О …»/«Об …» opening an order's subject; a lower-case «о …» (a scan's reading) only right under the
    requisites — after another line it is the rest of a title («Положение / о наставничестве …»)."""
    m = _SUBJECT_LINE_RE.match(line)
    return m is not None and (first or (m.group(1) or m.group(2))[:1] == "О")


# «от «14» апреля 2022 г. № 78»: the date and number of the act an appendix belongs to
_APPENDIX_REQUISITES_RE = re.compile(
    r"^\W*(?:от\s*\S{1,5}\s*[а-я]*\s*\d{2,4}|№\s*\S+\s+от\s)[^а-яё]{0,20}(?:г\.?|года)?[\W\d]*$", re.I
)


def _under_appendix(lines: list[tuple[int, str]], i: int) -> bool:
    """The line comes right after an appendix line and the requisites of its act («Приложение № 1 / от «14» апреля
    2022 г. № 78 / Муниципальная целевая модель …»): the heading of the appended document. A line that still
    continues the reference («Приложение / к постановлению / Правительства … области») is not."""
    seen = 0
    for j in range(i - 1, max(-1, i - 8), -1):
        line = _clean(lines[j][1])
        if not line:
            continue
        dated = _requisites_only(line) or bool(_APPENDIX_REQUISITES_RE.match(line)) or bool(_has_full_date(line))
        if seen == 0 and not dated:
            return False
        if APPENDIX_RE.match(line):
            return True
        seen += 1
        if seen > 3 or not (dated or re.match(r"^\W*(?:к|ко)\s+(приказ|постановлени|распоряжени)", line, re.I)):
            return False
    return False


def _has_full_date(line: str) -> bool:
    return bool(
        re.search(r"\d{1,2}[.\s]+\d{1,2}[.\s]+(?:19|20)\d{2}|\d{1,2}\W{0,2}\s*[а-я]{3,}\s+(?:19|20)\d{2}", line)
    )


def _requisites_follow(lines: list[tuple[int, str]], i: int) -> bool:
    """A date, a number or a subject in the next five lines of text: an order's heading goes on with them."""
    return any(re.search(r"\d|№", line) or _is_subject(line, True) for line in _text_lines(lines[i + 1 : i + 40], 5))


def _subject_follows(lines: list[tuple[int, str]], i: int) -> bool:
    """«О …» within the next five lines of text; the blank lines of a page's layout and a legal database's note
    that the act has lost force («Утратило силу - Постановление … от … № …») do not count."""
    first = True
    seen = 0
    for j in range(i + 1, min(len(lines), i + 60)):
        line = _clean(lines[j][1])
        if not line:
            continue
        if _is_subject(line, first):
            return True
        if re.match(r"^\W*утратил\w*\s+силу", line, re.I):
            seen -= 3  # the note names the repealing act in up to three lines of its own
        first = False
        seen += 1
        if seen == 5:
            break
    return False


# an act's own requisites opening the page (orders have rules of their own): «№ 99 от 31.03.2022 г. «О …»»,
# «Постановление от 22.10.2013 г № 2489», «Постановление Правительства … области от 28.02.2014 № 134»
_ACT_REQ_WORD_RE = re.compile(
    r"^\W{0,3}(?:(постановлени[ея]|распоряжени[ея]|решени[ея])(?![а-яё])[^№\n]{0,80}?)?", re.I
)
_ACT_REQ_START_RE = re.compile(r"(?<![а-яё])(?:от|№|n)\s*[\d«\"]", re.I)
_ACT_REQ_SUBJECT_RE = re.compile(r"[«\"“]?\s*(?:Об?|ОБ|О\s?б)\s+[а-яёА-ЯЁ«\"]")
_ACT_REQ_DATE_RE = re.compile(r"\d{1,2}[.\s]+\d{1,2}[.\s]+(?:19|20)?\d{2}|\d{1,2}\W{0,2}\s*[а-я]{3,}\s+(?:19|20)\d{2}")
_ACT_REQ_NUMBER_RE = re.compile(r"(?:№|(?<![а-яёa-z])n)\s*[А-ЯЁA-Za-zа-яё]{0,3}\s?[-/]?\s?\d", re.I)
_ACT_REQ_FILLER_RE = re.compile(
    r"(?<![а-яёa-z])(?:от|года?|г|n|no|январ|феврал|март|апрел|ма[яй]|июн|июл|август|сентябр|октябр|ноябр|декабр)"
    r"[а-я]{0,3}(?![а-яёa-z])|(?<![а-яёa-z])[а-яёa-z]{1,3}(?![а-яёa-z])|[\d\s.,№/\\«»\"“”_()-–—]",
    re.I,
)


def _order_word_above(lines: list[tuple[int, str]], i: int) -> bool:
    """«ПРИКАЗ» (OCR noise around it allowed: «| ° ПРИКАЗ») in the two lines of text above: an order's header,
    read by the order rules."""
    seen = 0
    for j in range(i - 1, -1, -1):
        line = _clean(lines[j][1])
        if not line:
            continue
        if re.search(r"(?<![а-яё])п\s?р\s?и\s?к\s?а\s?[з3](?![а-яё])", line, re.I):
            return True
        seen += 1
        if seen == 2:
            break
    return False


def _closes_aside(lines: list[tuple[int, str]], i: int) -> bool:
    """Line i closes a parenthesis the line right above it opened: the rest of an aside of a sentence."""
    if i == 0:
        return False
    above = lines[i - 1][1]
    line = lines[i][1]
    closing = line.find(")")
    return above.count("(") > above.count(")") and closing != -1 and "(" not in line[:closing]


def _act_requisites_line(lines: list[tuple[int, str]], i: int) -> bool:
    """The act's own date and number at the top of the page, its subject «О …» on the same or the next line."""
    line = _clean(lines[i][1])
    if len(line) > 300 or _in_stamp(lines, i, reach=8):
        return False
    word = _ACT_REQ_WORD_RE.match(line)
    named = bool(word and word.group(1))
    start = _ACT_REQ_START_RE.search(line, word.end() if word and named else 0)
    if start is None:
        return False
    if not named and line[: start.start()].strip(" \t\"'«_-–—•*"):
        return False  # without an act word the line opens with its requisites
    subject = _ACT_REQ_SUBJECT_RE.search(line, start.start())
    requisites = line[start.start() : subject.start() if subject else len(line)]
    if not _ACT_REQ_DATE_RE.search(requisites) or not _ACT_REQ_NUMBER_RE.search(requisites):
        return False  # an act's requisites carry its full date and its number
    if _ACT_REQ_FILLER_RE.sub("", requisites).strip():
        return False  # words other than the requisites («от 01.09.2022 № 5 о внесении …» of a sentence)
    if subject is not None:
        return True
    for j in range(i + 1, min(len(lines), i + 6)):
        nxt = _clean(lines[j][1])
        if nxt:
            return _is_subject(nxt, False)
    return False


def _body_start(lines: list[tuple[int, str]], after: int, text: str) -> int:
    for offset, raw in lines:
        if offset < after:
            continue
        line = _clean(raw)
        if line and _BODY_START_RE.match(line):
            return offset
        if (
            len(line) >= 150
            and re.search(r"[а-яё]{3,}\s+[а-яё]{3,}.*[.;:]", line)
            and not STAMP_LINE_RE.match(line)
            and not _LETTERHEAD_START_RE.match(line)  # a letterhead with its address is not the body
        ):
            return offset  # a paragraph of prose: the stamp zone is over
    return len(text)


def _info(
    lines: list[tuple[int, str]], i: int, is_order: bool, text: str, *, heading: bool, score: float, card: bool = False
) -> TitleInfo:
    if heading:
        title, last = _collect_span(lines, i)
    else:
        title, last = _clean(lines[i][1])[:200], i
    end = lines[last][0] + len(lines[last][1])
    raw_last = lines[last][1]
    if heading and len(raw_last) > GLUED_TITLE:
        # the heading is the start of a long line (a glued page): the body begins right after it
        tail = title[-12:]
        at = raw_last.find(tail)
        if at != -1:
            end = lines[last][0] + at + len(tail)
    return TitleInfo(
        title=title,
        title_start=lines[i][0],
        is_order=is_order,
        order_head=lines[i][0] if is_order else None,
        title_end=end,
        heading=heading,
        card=card,
        body_start=_body_start(lines, end, text),
        score=score,
    )


def _order_info(lines: list[tuple[int, str]], i: int, text: str, score: float) -> TitleInfo:
    subject = _order_subject(lines, i)
    head = lines[i][0]
    end = head + len(lines[i][1])
    for j in range(i + 1, min(len(lines), i + 14)):
        line = _clean(lines[j][1])
        if (
            re.match(r"^\W*п\s?р\s?и\s?к\s?а\s?з\s?ы\s?в\s?а\s?ю", line, re.I)
            or re.match(
                r"^\W*(в\s+соответствии|на\s+основании|во\s+исполнение|в\s+целях|в\s+связи\s+с|руководствуясь|"
                r"учитывая|рассмотрев)",
                line,
                re.I,
            )
            or re.search(r"постановля|распоряжа", line, re.I)
            or re.match(r"^\W{0,2}\d{1,2}\.\s*[А-ЯЁа-яё]", line)
        ):
            break
        end = lines[j][0] + len(lines[j][1])
    return TitleInfo(
        title=subject,
        title_start=head,
        is_order=True,
        order_head=head,
        title_end=end,
        heading=True,
        body_start=_body_start(lines, end, text),
        score=score,
    )


def _collect(lines: list[tuple[int, str]], i: int, limit: int = 260) -> str:
    return _collect_span(lines, i, limit)[0]


# a title line ending in a preposition or a conjunction goes on in the next line, whatever that line looks like
_DANGLING_END_RE = re.compile(
    r"(?:^|\s)(?:в|во|на|по|о|об|обо|и|с|со|к|ко|у|для|от|до|за|из|при|между|среди|через|а|или|—|–|-)$", re.I
)
# a word broken at the line end without a hyphen («наставничества р / аботников»): one letter that is no word
_BROKEN_WORD_RE = re.compile(r"(?:^|\s)[б-джзй-нп-тф-щъыьэюяБ-ДЖЗЙ-НП-ТФ-ЩЪЫЬЭЮЯ]$")


def _continues(title: str, nxt: str) -> str | None:
    """How a title cut by a line break goes on in the next line: the joined title, or None."""
    if not nxt or len(nxt) > 160 or re.match(r"^(\d+(\.\d+)*\.?(\s|$|(?=[А-ЯЁ]))|[IVX]+\.\s|ПРИКАЗЫВАЮ)", nxt, re.I):
        return None
    if re.match(r"^\W*(утвержд|принят|согласован|рассмотрен|приложение|протокол)", nxt, re.I):
        return None
    if _BROKEN_WORD_RE.search(title) and nxt[:1].islower():
        return title + nxt
    if _DANGLING_END_RE.search(title):
        return title + " " + nxt
    return None


# a bare kind of document («Дорожная карта (план мероприятий)», «План мероприятий», «Программа»), whose subject
# is printed on the next line with a capital («По реализации Положения о системе наставничества …»)
_BARE_KIND_RE = re.compile(
    r"^\W*(дорожная\s+карта|план(\s+мероприятий|-график)?|программа|положение|порядок|отч[её]т|"
    r"аналитическая\s+справка)(\s*\([^)]{0,40}\))?\W*$",
    re.I,
)
_CAPITAL_SUBJECT_RE = re.compile(r"^(По|О|Об|На|Для)\s+[а-яё«]")


def _subject_after_kind(title: str, nxt: str) -> bool:
    return bool(_BARE_KIND_RE.match(title) and _CAPITAL_SUBJECT_RE.match(nxt) and not nxt.endswith("."))


def _set_apart(lines: list[tuple[int, str]], i: int, above: int = 3) -> bool:
    """Do the `above` lines of text right above line i each stand one blank line apart?"""
    seen = 0
    j = i - 1
    while j >= 1 and seen < above:
        if _clean(lines[j][1]) or not _clean(lines[j - 1][1]):
            return False  # two lines of text together, or two blanks in a row
        seen += 1
        j -= 2
    return seen == above


def _collect_span(lines: list[tuple[int, str]], i: int, limit: int = 260) -> tuple[str, int]:
    """The title starting at line i with its continuation lines, and the index of its last line."""
    title = title_head(_clean(lines[i][1]))
    last = i
    j = i + 1
    blanks = 0
    # a page that sets every line apart (the title already went on across a blank line, or the lines above it stand
    # one blank apart: a web page's paragraphs, a heading typed as one paragraph per line)
    spaced = _set_apart(lines, i)
    while j < len(lines) and len(title) < limit:
        nxt = _clean(lines[j][1])
        joined = _continues(title, nxt)
        if joined is not None:
            title = title_head(joined)
            last = j
            j += 1
            continue
        if not nxt:
            blanks += 1
            following = next((_clean(x) for _, x in lines[j + 1 : j + 4] if _clean(x)), "")
            continues = (  # «Дорожная карта (план мероприятий) / по реализации Положения …» set apart by blanks
                bool(
                    re.match(r"^(по|о|об|в|во|на|для|и|с|со|к|при|между|среди)\s+[а-яё«]", following)
                    or _subject_after_kind(title, following)
                    or (spaced and following[:1].islower())
                )
                and len(following) <= 160
                and not title.endswith(".")
            )
            if blanks > 2 or (not continues and (blanks > 1 or len(title.split()) > 2)):
                break
            j += 1
            continue
        if re.match(r"^(\d+(\.\d+)*\.?(\s|$|(?=[А-ЯЁ]))|[IVX]+\.\s|ПРИКАЗЫВАЮ|раздел\s)", nxt, re.I) or "\t" in nxt:
            break
        if re.match(r"^\W*(утвержд|принят|согласован|рассмотрен|приложение|протокол|приказ\s*(№|от))", nxt, re.I):
            break
        if title.endswith(".") and nxt[:1].isupper() and not nxt.isupper():
            break
        if (
            nxt[:1].isupper()
            and len(title.split()) >= 3
            and (nxt.endswith((".", ":")) or len(nxt.split()) >= 6)
            and not _subject_after_kind(title, nxt)
        ):
            break  # a sentence of the body, not the rest of the title
        # a bare kind word's subject may be one long line («Аналитическая справка / по результатам мониторинга
        # реализации … в образовательных организациях … в 2022 году»)
        long_subject = len(title.split()) <= 3 and bool(re.match(r"^(по|о|об|в|на|для)\s+[а-яё«]", nxt))
        if len(nxt) > (limit if long_subject else 160) or _DOTS_RE.search(nxt) or _DATE_ONLY_RE.match(nxt):
            break
        if _CITY_LINE_RE.match(nxt):
            break
        if _LETTERHEAD_START_RE.match(nxt) and not title.isupper():
            break
        title += " " + nxt
        spaced = spaced or blanks > 0
        last = j
        j += 1
    return re.sub(r"\s+", " ", title).strip()[:limit], last


def _order_subject(lines: list[tuple[int, str]], i: int) -> str:
    """«Приказ «О внедрении …»»: the subject line after the order heading, date and number."""
    head = _clean(lines[i][1])
    m = SUBJECT_RE.search(head[6:]) if len(head) > 8 else None
    if m:
        rest = head[6 + m.start() :].strip(' «"')
        return "Приказ «" + _collect([(0, rest), *lines[i + 1 :]], 0).rstrip('»" ') + "»"
    first = True
    seen = 0  # lines of text: the blank lines of a page's layout do not count
    for j in range(i + 1, min(len(lines), i + 60)):
        line = _clean(lines[j][1])
        if not line:
            continue
        seen += 1
        if seen > 13:
            break
        if _is_subject(line, first or _requisites_only(line)):
            return "Приказ «" + _collect(lines, j).strip(' «»"') + "»"
        if re.match(r"^ПРИКАЗЫВАЮ", line):
            break
        first = first and _requisites_only(line)
    # a scan lost the «О»: the first line under the requisites that names what is done («…) закреплении …»)
    for j in range(i + 1, min(len(lines), i + 6)):
        line = _clean(lines[j][1])
        if not line or _DATE_ONLY_RE.match(line) or _CITY_LINE_RE.match(line) or re.search(r"№|\bот\s+\d", line):
            continue
        if _BODY_START_RE.match(line):
            break
        m = _SUBJECT_NOUN_RE.search(line[:40])
        if m:
            return "Приказ «О " + _collect([(0, line[m.start(1) :]), *lines[j + 1 :]], 0).strip(' «»"') + "»"
        break
    return "Приказ"
