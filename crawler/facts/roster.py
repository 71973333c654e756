"""Lists of people in a document: pairs and groups «наставник – наставляемый(е)», bases of mentors and mentees.

The input is extracted text as the extractors give it: table rows of DOCX/ODT/RTF/XLSX as tab-separated
lines, PDF table rows as lines with spaces, OCR text of scans (a name may be broken over two lines), numbered
lists «1. Иванова А. А. – Петрова Б. Б.» and clauses «Закрепить наставническую пару: …».

A list starts after a header (rules/facts.yaml, roster_headers): a table header «ФИО наставника | ФИО
наставляемого», a clause «Закрепить наставнические пары … в следующем составе:», a heading «База
наставников». Its rows are the following lines that name people; it ends at a clause or a paragraph that
names nobody, at a signature («Директор А.Н. Волков») or at a list of those who signed.

In a list of pairs a row is one mentor and the mentees after them: one mentee makes a pair, several make a
group. A mentee on a line of their own continues the row above (a merged mentor cell, a cell wrapped into
lines), unless the row above was closed by a line of its own holding the form («педагог – педагог»).
People are counted once each, by surname and initials.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from crawler.facts.forms import find_forms
from crawler.facts.names import PersonName, find_names, fix_lookalikes, mask_names
from crawler.facts.vocabulary import FactsVocabulary, fold

Kind = Literal["pairs", "mentors", "mentees"]

_ROW_NUMBER_RE = re.compile(r"^\s*\d{1,3}(?:\s*[.)]\s*|\t|\s+)(?=\S)")
_SIGNATURE_RE = re.compile(
    r"^\W*(?:владелец\W+)?(?:директор|заведующ|и\.?\s*о\.?\s|исполняющ|начальник|председател|секретар|исп\.)",
)
_MENTEE_WORD_RE = re.compile(r"наставляем|молод[а-я]*\s+специалист")
_MENTOR_WORD_RE = re.compile(r"наставник")
SHORT_LINE = 60  # a line without names up to this long continues a row (a wrapped cell, the form column)
QUOTE_ROWS = 3
QUOTE_MAX = 300


@dataclass
class Row:
    mentor: str | None
    mentees: list[str] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    form_line: bool = False  # closed by a line of its own holding the form


@dataclass
class Block:
    kind: Kind
    header: str
    mentee_first: bool = False  # «ФИО наставляемого | ФИО наставника»
    order_known: bool = False  # the header said which column comes first
    rows: list[Row] = field(default_factory=list)
    people: dict[str, str] = field(default_factory=dict)  # key → "mentor" | "mentee" (bases)
    person_lines: list[str] = field(default_factory=list)
    tabbed: bool = False
    numbered: bool = False  # rows start with a number: «1. Иванова А. А. – Петрова Б. Б.»
    prose: bool = False  # rows are clauses of an order: «Закрепить наставническую пару: A – B.»
    header_row: bool = False  # the header line itself held the first row

    @property
    def empty(self) -> bool:
        return not any(r.mentees for r in self.rows) and not self.people

    def lines(self) -> list[str]:
        return [line for row in self.rows for line in row.lines] if self.kind == "pairs" else self.person_lines


@dataclass
class Roster:
    """What one document lists: its blocks and the counts they give."""

    blocks: list[Block]

    @property
    def pair_rows(self) -> list[Row]:
        """Rows of pairs and groups that name a mentee (a mentor alone on a row is not a pair)."""
        return [r for b in self.blocks if b.kind == "pairs" for r in b.rows if r.mentees]

    @property
    def has_pairs(self) -> bool:
        return bool(self.pair_rows)

    @property
    def pairs(self) -> int | None:
        return sum(1 for r in self.pair_rows if len(r.mentees) == 1) if self.has_pairs else None

    @property
    def groups(self) -> int | None:
        return sum(1 for r in self.pair_rows if len(r.mentees) > 1) if self.has_pairs else None

    def _people(self, role: str) -> set[str]:
        keys: set[str] = set()
        for b in self.blocks:
            if b.kind == "pairs":
                for r in b.rows:
                    if not r.mentees:
                        continue
                    if role == "mentor" and r.mentor:
                        keys.add(r.mentor)
                    if role == "mentee":
                        keys.update(r.mentees)
            else:
                keys.update(k for k, v in b.people.items() if v == role)
        return keys

    def _has(self, role: str) -> bool:
        return self.has_pairs or any(role in b.people.values() for b in self.blocks)

    @property
    def mentors(self) -> int | None:
        return len(self._people("mentor")) if self._has("mentor") else None

    @property
    def mentees(self) -> int | None:
        return len(self._people("mentee")) if self._has("mentee") else None

    @property
    def empty(self) -> bool:
        return not self.has_pairs and not any(b.people for b in self.blocks)

    @property
    def how(self) -> Literal["table", "list", "text"]:
        filled = [b for b in self.blocks if not b.empty]
        if any(b.tabbed or "фио" in fold(b.header) or "ф.и.о" in fold(b.header) for b in filled):
            return "table"
        if any(b.kind != "pairs" for b in filled):
            return "table"
        if any(b.numbered and not b.prose for b in filled):
            return "list"
        return "text" if any(b.prose for b in filled) else "list"

    def form_counts(self, vocab: FactsVocabulary) -> dict[str, tuple[bool, int]]:
        """Form → (pupils' form?, number of pairs/groups whose row names it)."""
        counts: dict[str, tuple[bool, int]] = {}
        for row in self.pair_rows:
            for found in find_forms(" ".join(row.lines), vocab):
                pupils, n = counts.get(found.form.name, (found.form.pupils, 0))
                counts[found.form.name] = (pupils, n + 1)
        return counts

    def quote(self) -> str:
        """The header and the first rows, names masked: «ФИО наставника | … / [ФИО] | [ФИО] | педагог – педагог»."""
        pieces: list[str] = []
        total = 0
        for b in self.blocks:
            if b.empty:
                continue
            lines = b.lines()
            total += len(b.rows) if b.kind == "pairs" else len(b.people)
            if not b.header_row:
                pieces.append(_show(b.header))
            pieces.extend(_show(line) for line in lines[:QUOTE_ROWS])
            if len(lines) > QUOTE_ROWS:
                pieces.append("…")
        text = " / ".join(p for p in pieces if p)
        text = mask_names(text)
        return text if len(text) <= QUOTE_MAX else text[: QUOTE_MAX - 1].rstrip() + "…"


def _show(line: str) -> str:
    return re.sub(r"[ \u00a0]*\t[\t \u00a0]*", " | ", re.sub(r"\s*\n\s*", " ", line.strip()))


@dataclass
class _Line:
    start: int
    text: str
    names: list[PersonName]


def _lines(text: str) -> list[_Line]:
    names = find_names(text)
    out: list[_Line] = []
    pos = 0
    for raw in text.split("\n"):
        out.append(_Line(pos, raw, []))
        pos += len(raw) + 1
    i = 0
    for name in names:
        while i + 1 < len(out) and out[i + 1].start <= name.start:
            i += 1
        out[i].names.append(name)
    # a name broken over lines («… Егорова Анна» / «Сергеевна.»): its row line holds all of it
    for line in out:
        if line.names and line.names[-1].end > line.start + len(line.text):
            line.text = text[line.start : line.names[-1].end] + text[line.names[-1].end :].split("\n", 1)[0]
    return out


def _header_kind(folded: str, vocab: FactsVocabulary) -> str | None:
    patterns = vocab.roster_headers.patterns
    for kind in ("ignore", "pairs", "mentees", "mentors"):
        if any(p.search(folded) for p in patterns[kind]):
            return kind
    return None


def _is_signature(line: _Line) -> bool:
    """«Директор А.Н. Волков», «Заведующий ____ Л.А. Голубева», or the head's title alone on its line."""
    if line.names:
        before = fold(line.text[: line.names[0].start - line.start])
        return len(before) < 60 and bool(_SIGNATURE_RE.match(before))
    return len(line.text.strip()) <= 40 and bool(_SIGNATURE_RE.match(fold(line.text.strip()) + " "))


def _is_column(text: str) -> bool:
    """A column header of a table: «ФИО наставника», «Наставляемый», not a heading «База наставников МБОУ …»."""
    folded = fold(text)
    return "фио" in folded or "ф.и.о" in folded or len(folded) <= 25


def read_roster(text: str, vocab: FactsVocabulary) -> Roster:
    """The lists of people in a document's text (see the module's docstring)."""
    text = fix_lookalikes(text or "")
    blocks: list[Block] = []
    block: Block | None = None
    covered_to = 0  # the end of the last name: a line inside it is the tail of a wrapped name
    column_header = False  # the last line was a column header («ФИО наставника»), OCR gives one per line
    for line in _lines(text):
        stripped = line.text.strip()
        if not stripped:
            continue
        if line.start < covered_to and not line.names:
            continue  # «Сергеевна.»: the tail of a wrapped name, already read with the line above
        if line.names:
            covered_to = max(covered_to, line.names[-1].end)
        after_column_header, column_header = column_header, False
        if _is_signature(line):
            block = None  # «Директор А.Н. Волков», or «Заведующий» on a line of its own before the name
            continue
        kind = _header_kind(_without_names(line), vocab)
        if kind in ("mentors", "mentees") and line.names:
            kind = None  # «Методисту Волковой Е.А. сформировать базу наставников»: an instruction, not a heading
        if kind == "ignore":
            block = None
            continue
        if kind in ("mentors", "mentees") and not line.names and block is not None and block.empty:
            if block.kind == "pairs":
                # «Закрепить пары:» then the table's column headers: their order is the rows' order
                if not block.order_known:
                    block.mentee_first, block.order_known = kind == "mentees", True
                block.header += " | " + stripped
                column_header = True
                continue
            if block.kind != "pairs" and block.kind != kind and after_column_header and _is_column(stripped):
                # «ФИО наставника» / «ФИО наставляемого» on two lines (a table read by OCR): a list of pairs
                block.kind, block.mentee_first, block.order_known = "pairs", block.kind == "mentees", True
                block.header += " | " + stripped
                continue
        if kind is not None and not (line.names and block is not None and block.kind == kind):
            block = Block(kind=kind, header=stripped)  # type: ignore[arg-type]
            blocks.append(block)
            if kind == "pairs" and not line.names:
                folded = fold(stripped)
                mentee_at, mentor_at = folded.find("наставляем"), folded.find("наставник")
                if mentee_at >= 0 and mentor_at >= 0:
                    block.mentee_first, block.order_known = mentee_at < mentor_at, True
            if not line.names:
                column_header = _is_column(stripped)
                continue
            block.header_row = True
        if block is None:
            continue
        if not line.names:
            if len(stripped) <= SHORT_LINE and not _numbered(line):
                _continue_row(block, stripped, vocab)
            else:
                block = None
            continue
        _add_row(block, line, prose=kind is not None)
    return Roster([b for b in blocks if not b.empty])


def _without_names(line: _Line) -> str:
    text = line.text
    for name in reversed(line.names):
        a, b = name.start - line.start, name.end - line.start
        text = text[:a] + " " + text[b:]
    return fold(text)


def _numbered(line: _Line) -> bool:
    return bool(_ROW_NUMBER_RE.match(line.text))


def _continue_row(block: Block, text: str, vocab: FactsVocabulary) -> None:
    """A short line without names: the rest of a wrapped cell, or the form column on a line of its own."""
    if block.kind != "pairs" or not block.rows:
        return
    row = block.rows[-1]
    row.lines.append(text)
    if find_forms(text, vocab):
        row.form_line = True


def _add_row(block: Block, line: _Line, *, prose: bool) -> None:
    keys = [n.key for n in line.names]
    numbered = _numbered(line)
    block.tabbed = block.tabbed or "\t" in line.text.strip()
    block.numbered = block.numbered or numbered
    block.prose = block.prose or prose
    if block.kind != "pairs":
        folded = _without_names(line)
        role = "mentee" if block.kind == "mentees" else "mentor"
        if _MENTEE_WORD_RE.search(folded):
            role = "mentee"
        elif _MENTOR_WORD_RE.search(folded) and block.kind == "mentors":
            role = "mentor"
        for key in keys:
            block.people.setdefault(key, role)
        block.person_lines.append(line.text)
        return
    last = block.rows[-1] if block.rows else None
    if len(keys) >= 2:
        mentor, mentees = (keys[-1], keys[:-1]) if block.mentee_first else (keys[0], keys[1:])
        block.rows.append(Row(mentor, mentees, [line.text]))
    elif numbered or last is None:
        block.rows.append(Row(keys[0], [], [line.text]))
    elif last.mentor and not last.mentees:
        last.mentees.append(keys[0])  # the mentee's cell on a line of its own
        last.lines.append(line.text)
    elif last.mentees and not last.form_line:
        last.mentees.append(keys[0])  # one more mentee of the same mentor: a group
        last.lines.append(line.text)
    else:
        block.rows.append(Row(keys[0], [], [line.text]))
