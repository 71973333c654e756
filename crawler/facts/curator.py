"""The curator's position from an order: «Назначить куратором внедрения целевой модели наставничества
заместителя директора по учебно-воспитательной работе Иванову И. И.» → «заместитель директора по УВР».

Only the position is read, never the name. The position may stand after «куратором …» or before it
(«Назначить заместителя директора по УВР Иванову И. И. куратором …»); the sentence of the clause is searched
for the first position of rules/facts.yaml, then for «по …» after a deputy's title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from crawler.facts.names import find_names, fix_lookalikes, mask_names
from crawler.facts.vocabulary import FactsVocabulary, fold

# «назначить [кого] куратором|координатором|ответственным за внедрение … наставничества»; the words between
# never cross into the next clause («\n2. …»)
_CLAUSE_RE = re.compile(
    r"назнач[а-я]*\s+(?:(?:(?!\n\s*\d{1,2}\.\s)[^;]){0,200}?\s)?"
    r"(?:куратором|координатором|ответственным\s+за\s+(?:(?!\n\s*\d{1,2}\.\s)[^;.]){0,80}?наставничеств)",
    re.S,
)
_DEPUTY = ("заместитель директора", "заместитель заведующего")
QUOTE_MAX = 240


@dataclass(frozen=True)
class CuratorClause:
    position: str | None  # None: the clause names nobody's position (a name only, or nothing)
    quote: str  # the clause, names masked


def _clause(folded: str, m: re.Match[str]) -> tuple[int, int]:
    """From the start of the clause (its number or the line) to its end (a full stop before a line break)."""
    a = max(folded.rfind("\n", 0, m.start()) + 1, 0)
    number = re.search(r"(?:^|\n)\s*\d{1,2}\.\s", folded[a : m.start()])
    if number:
        a += number.start()
    end = len(folded)
    for stop in (re.compile(r"\.\s*\n"), re.compile(r"\n\s*\d{1,2}\.\s"), re.compile(r"\.\s+\d{1,2}\.\s")):
        hit = stop.search(folded, m.end())
        if hit:
            end = min(end, hit.start() + 1)
    return a, min(end, m.end() + 400)


def read_curator(text: str, vocab: FactsVocabulary) -> list[CuratorClause]:
    """Every appointment of a curator (or a coordinator) in the text, with the position it names."""
    text = fix_lookalikes(text or "")
    folded = fold(text)
    out: list[CuratorClause] = []
    for m in _CLAUSE_RE.finditer(folded):
        a, b = _clause(folded, m)
        position = _position(text[a:b], folded[a:b], vocab)
        quote = mask_names(re.sub(r"\s+", " ", text[a:b]).strip())
        out.append(CuratorClause(position, quote if len(quote) <= QUOTE_MAX else quote[: QUOTE_MAX - 1] + "…"))
    return out


def _position(original: str, folded: str, vocab: FactsVocabulary) -> str | None:
    # words inside personal names are never a position («Учителева»): blank them out first
    for person in find_names(original):
        folded = folded[: person.start] + " " * (person.end - person.start) + folded[person.end :]
    best: tuple[int, int, str, int] | None = None  # (start, -length, name, end)
    for position in vocab.positions:
        for pattern in position.patterns:
            for m in pattern.finditer(folded):
                if _inside_appointer(folded, m.start()):
                    continue
                candidate = (m.start(), -(m.end() - m.start()), position.name, m.end())
                if best is None or candidate[:2] < best[:2]:
                    best = candidate
                break
    if best is None:
        return None
    name, end = best[2], best[3]
    if name in _DEPUTY:
        after = re.match(r"\s+по\s+", folded[end:])
        if after:
            at = end + after.end()
            for subject in vocab.subjects:
                if any(p.match(folded, at) for p in subject.patterns):
                    return f"{name} по {subject.name}"
    return name


def _inside_appointer(folded: str, at: int) -> bool:
    """«… контроль … оставляю за собой», «приказ директора»: the head who signs is not the curator."""
    before = folded[max(0, at - 12) : at]
    return bool(re.search(r"(приказ[а-я]*|приказом)\s+$", before))
