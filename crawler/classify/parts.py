"""Splitting a file's text into logical documents and finding each one's title."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

APPENDIX_RE = re.compile(r"^\W{0,3}приложение\s*(№\s*)?[\dIVX]*\s*(к\s|$|\.|,)", re.I)
ORDER_HEAD_RE = re.compile(r"^\W{0,3}(П\s?Р\s?И\s?К\s?А\s?З|ПРИКАЗ)(?![А-ЯЁа-яё])(?!\s*(ЫВАЮ|ываю))")
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
SUBJECT_RE = re.compile(r"(?:^|[\s«\"])(Об?|О\s?б)\s+[а-яёА-ЯЁ«\"]", re.U)
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
            if content_since >= MIN_PART_CHARS:
                boundaries.append(_letterhead_start(lines, i) if is_order else offset)
                content_since = 0
            elif is_order and eager_orders and content_since > 0:
                # a standalone «ПРИКАЗ» always starts an order (a web page may list links before it)
                start = _letterhead_start(lines, i)
                if start > boundaries[-1]:
                    boundaries.append(start)
                    eager.add(start)
                    content_since = 0
            continue
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


_LETTERHEAD_RE = re.compile(
    r"учреждени|школ|сад|гимнази|лице|администраци|управлени|отдел|комитет|министерств|^\W*(м[бак]?д?оу|мбу)",
    re.I,
)


def _in_stamp(lines: list[tuple[int, str]], i: int) -> bool:
    """«УТВЕРЖДАЮ / Директор … / ПРИКАЗ № 575 от …»: an order named inside an approval stamp."""
    recent = " ".join(_clean(x) for _, x in lines[max(0, i - 4) : i])
    return bool(re.search(r"утвержд", recent, re.I))


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


def find_title(text: str) -> TitleInfo:
    lines = _lines_with_offsets(text)
    order_head: int | None = None
    for i, (offset, raw) in enumerate(lines[:80]):
        line = _clean(raw)
        if not line:
            continue
        if ORDER_HEAD_RE.match(line) and len(line) < 60 and not _in_stamp(lines, i):
            order_head = offset
            subject = _order_subject(lines, i)
            return TitleInfo(subject, offset, True, offset)
        if TITLE_START_RE.match(line) and not (
            STAMP_LINE_RE.search(line) and not re.match(r"^\W*(положение|программа|дорожная)", line, re.I)
        ):
            if re.match(r"^\W*(приказ|пр-з)", line, re.I) and not re.match(r"^\W*приказом", line, re.I):
                recent = " ".join(_clean(x) for _, x in lines[max(0, i - 4) : i])
                if _REQUISITES_ONLY_RE.match(line) and re.search(r"утвержд", recent, re.I):
                    continue  # «УТВЕРЖДАЮ Директор … Приказ № 96 от 01.09.2025» is a stamp, not an order
                subject = _order_subject(lines, i)
                return TitleInfo(subject, offset, True, offset)
            return TitleInfo(_collect(lines, i), offset, False, order_head)
    # no heading: the first line that is not a stamp
    for offset, raw in lines[:40]:
        line = _clean(raw)
        if len(line) > 3 and not STAMP_LINE_RE.search(line):
            return TitleInfo(line[:200], offset, False, order_head)
    return TitleInfo("", 0, False, order_head)


def _collect(lines: list[tuple[int, str]], i: int, limit: int = 260) -> str:
    title = _clean(lines[i][1])
    j = i + 1
    blanks = 0
    while j < len(lines) and len(title) < limit:
        nxt = _clean(lines[j][1])
        if not nxt:
            blanks += 1
            if blanks > 1 or len(title.split()) > 2:
                break
            j += 1
            continue
        if re.match(r"^(\d+(\.\d+)*\.?\s|[IVX]+\.\s|ПРИКАЗЫВАЮ|раздел\s)", nxt, re.I) or "\t" in nxt:
            break
        if re.match(r"^\W*(утвержд|принят|согласован|рассмотрен)", nxt, re.I):
            break
        if title.endswith(".") and nxt[:1].isupper() and not nxt.isupper():
            break
        if nxt[:1].isupper() and len(title.split()) >= 3 and (nxt.endswith((".", ":")) or len(nxt.split()) >= 6):
            break  # a sentence of the body, not the rest of the title
        if len(nxt) > 160:
            break
        title += " " + nxt
        j += 1
    return re.sub(r"\s+", " ", title).strip()[:limit]


def _order_subject(lines: list[tuple[int, str]], i: int) -> str:
    """«Приказ «О внедрении …»»: the subject line after the order heading, date and number."""
    head = _clean(lines[i][1])
    m = SUBJECT_RE.search(head[6:]) if len(head) > 8 else None
    if m:
        rest = head[6 + m.start() :].strip(' «"')
        return "Приказ «" + _collect([(0, rest), *lines[i + 1 :]], 0).rstrip('»" ') + "»"
    for j in range(i + 1, min(len(lines), i + 14)):
        line = _clean(lines[j][1])
        if re.match(r"^\W{0,2}(Об?|О\s?б)\s+[а-яёА-ЯЁ]", line):
            return "Приказ «" + _collect(lines, j).strip(' «»"') + "»"
        if re.match(r"^ПРИКАЗЫВАЮ", line):
            break
    return "Приказ"
