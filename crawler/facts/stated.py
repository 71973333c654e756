"""Numbers written out in reports and on the section's pages: «Количество наставнических пар — 4»,
«в школе работают три наставнические пары», «наставников: 5».

Only reports and web pages are read this way: a Положение says «не более трёх наставляемых», which is a rule,
not a count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from crawler.facts.names import mask_names
from crawler.facts.vocabulary import fold

_WORDS = {
    "один": 1, "одна": 1, "одну": 1, "два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6,
    "семь": 7, "восемь": 8, "девять": 9, "десять": 10, "одиннадцать": 11, "двенадцать": 12,
}  # fmt: skip
_NUM = r"(\d{1,3}|" + "|".join(_WORDS) + r")"
_SEP = r"\s*(?:[:\t—-]|составляет|составило|-)?\s*"
_WHAT = {
    "pairs": r"наставническ[а-я]*\s+пар[а-я]*",
    "groups": r"наставническ[а-я]*\s+групп[а-я]*",
    "mentors": r"(?:педагогов-)?наставник(?:ов|а|и)?",
    "mentees": r"наставляем[а-я]*",
}
_PATTERNS = {
    what: [
        # «Количество наставнических пар — 4», «число наставников: 5»
        re.compile(rf"(?:количество|число|всего)\s+{noun}{_SEP}{_NUM}(?![\d%])"),
        # «работают три наставнические пары», «5 наставников» (not «не более 3 наставляемых»)
        re.compile(rf"(?<![\d.,])(?<!не более )(?<!не менее )(?<!до ){_NUM}[ \u00a0]+{noun}(?![а-я])"),
        # a row of a table or a list: «Наставнических пар\t4», «Наставников: 5»
        re.compile(rf"(?:^|(?<=\t))[ \t]*{noun}[ \t]*[:\t—-][ \t]*(\d{{1,3}})(?![\d%.,])", re.M),
    ]
    for what, noun in _WHAT.items()
}
_PERCENT_AFTER = re.compile(r"^\s*(%|процент)")
# «2025-2026 учебный год», «2025/26 уч. г.», «за 2025-2026 (первое полугодие) учебный год»
_YEAR_RE = re.compile(r"((?:19|20)\d\d)\s*[-–—/]\s*((?:19|20)?\d\d)\s*(?:\([^)\n]{0,40}\)\s*)?(?:уч|учеб)")


@dataclass(frozen=True)
class Stated:
    what: str  # pairs | groups | mentors | mentees
    value: int
    quote: str  # masked
    academic_year: str | None  # named in the same sentence


def _value(raw: str) -> int:
    return int(raw) if raw.isdigit() else _WORDS[raw]


def year_in(text: str) -> str | None:
    """«2025-2026 учебный год» in the text, as "2025-2026"."""
    m = _YEAR_RE.search(fold(text))
    if not m:
        return None
    first, second = int(m.group(1)), m.group(2)
    end = int(second) if len(second) == 4 else (first // 100) * 100 + int(second)
    return f"{first}-{end}" if end == first + 1 else None


def read_stated(text: str) -> list[Stated]:
    """Counts written out in the text, each with its sentence (names masked) and the year it names."""
    folded = fold(text or "")
    found: list[Stated] = []
    seen: set[tuple[str, int]] = set()
    for what, patterns in _PATTERNS.items():
        for pattern in patterns:
            for m in pattern.finditer(folded):
                raw = next(g for g in m.groups() if g)
                if _PERCENT_AFTER.match(folded[m.end() :]):
                    continue
                value = _value(raw)
                a, b = _sentence(folded, m.start(), m.end())
                if (what, a) in seen:
                    continue
                seen.add((what, a))
                sentence = text[a:b]
                quote = mask_names(re.sub(r"\s+", " ", sentence.replace("\t", " | ")).strip())[:240]
                found.append(Stated(what, value, quote, year_in(sentence)))
    return found


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    dot = text.rfind(". ", 0, start)
    a = max(dot + 2 if dot != -1 else 0, text.rfind("\n", 0, start) + 1)
    stops = [i for i in (text.find(". ", end), text.find("\n", end)) if i != -1]
    b = min(stops) + 1 if stops else len(text)
    return a, b
