"""Normalization for matching: lower case, ё→е, glued words, OCR look-alikes, transliterated file names."""

from __future__ import annotations

import re
from functools import lru_cache

import Stemmer

_LOOKALIKE = str.maketrans("aeopcxykmthbABEKMHOPCTXY", "аеорсхукмтнвАВЕКМНОРСТХУ")
_MIXED_TOKEN_RE = re.compile(r"\b(?=\w*[а-яёА-ЯЁ])(?=\w*[a-zA-Z])\w+")
_LATIN_RE = re.compile(r"[a-zA-Z]")
_HYPHEN_BREAK_RE = re.compile(r"(\w)[-\u00ad]\s*\n\s*(\w)")
_DESPACE_RE = re.compile(r"[\s«»\"“”„'`()\[\]_*\u00a0]+")
_KEEP_RUN_RE = re.compile(r"[^\s«»\"“”„'`()\[\]_*\u00a0\x00]+")
_DASHES = str.maketrans({"–": "-", "—": "-", "‑": "-", "−": "-", "\u00a0": " "})
_TRANSLIT = [
    ("shch", "щ"),
    ("sch", "щ"),
    ("zh", "ж"),
    ("kh", "х"),
    ("ch", "ч"),
    ("sh", "ш"),
    ("ts", "ц"),
    ("yu", "ю"),
    ("ya", "я"),
    ("ye", "е"),
    ("yo", "е"),
    ("iy", "ий"),
    ("yy", "ый"),
    ("a", "а"),
    ("b", "б"),
    ("v", "в"),
    ("g", "г"),
    ("d", "д"),
    ("e", "е"),
    ("z", "з"),
    ("i", "и"),
    ("j", "й"),
    ("k", "к"),
    ("l", "л"),
    ("m", "м"),
    ("n", "н"),
    ("o", "о"),
    ("p", "п"),
    ("r", "р"),
    ("s", "с"),
    ("t", "т"),
    ("u", "у"),
    ("f", "ф"),
    ("h", "х"),
    ("c", "ц"),
    ("y", "ы"),
    ("w", "в"),
    ("x", "кс"),
    ("q", "к"),
]
_TRANSLIT_RE = re.compile("|".join(re.escape(k) for k, _ in _TRANSLIT))
_TRANSLIT_MAP = dict(_TRANSLIT)


def fix_lookalikes(text: str) -> str:
    """Latin letters inside Cyrillic words (OCR noise, mixed fonts) become Cyrillic."""
    if not _LATIN_RE.search(text):
        return text
    return _MIXED_TOKEN_RE.sub(lambda m: m.group(0).translate(_LOOKALIKE), text)


def fold(text: str) -> str:
    """Lower case, ё→е, one kind of dash, words broken by a hyphen at line end joined."""
    text = _HYPHEN_BREAK_RE.sub(r"\1\2", text)
    return fix_lookalikes(text).translate(_DASHES).lower().replace("ё", "е")


def despace(text: str) -> str:
    """Folded text without spaces and quotes: «Положениеосистеме…» and «Положение о системе…» look alike."""
    return _DESPACE_RE.sub("", fold(text))


def detransliterate(text: str) -> str:
    """«polozhenie_o_nastavnichestve» → «положение о наставничестве» for Latin-only file names."""
    if re.search(r"[а-яёА-ЯЁ]", text):
        return text
    lowered = re.sub(r"[_+.]+", " ", text.lower())
    return _TRANSLIT_RE.sub(lambda m: _TRANSLIT_MAP[m.group(0)], lowered)


_stemmer = Stemmer.Stemmer("russian")


@lru_cache(maxsize=4096)
def compile_phrase(phrase: str) -> re.Pattern[str]:
    """A vocabulary phrase as a regex over despace()d text (see rules/vocabulary.yaml)."""
    phrase = phrase.strip()
    if phrase.startswith("re:"):
        return re.compile(phrase[3:].strip())
    pieces: list[str] = []
    for chunk in fold(phrase).split("..."):
        words = re.findall(r"[\w/-]+", chunk)
        regex = ""
        for word in words:
            if len(word) <= 3 or not word.isalpha():
                regex += re.escape(word)  # «иом», «фио», «доу»: abbreviations are not stemmed
            else:
                regex += re.escape(_stemmer.stemWord(word)) + "[а-я]{0,6}"
        pieces.append(regex)
    return re.compile(".{0,80}?".join(p for p in pieces if p))


def find_phrase(phrases: list[str], despaced: str) -> tuple[str, re.Match[str]] | None:
    """First phrase (in list order) found in the text, with its match."""
    for phrase in phrases:
        match = compile_phrase(phrase).search(despaced)
        if match:
            return phrase, match
    return None


def snippet(text: str, start: int, end: int, width: int = 60, limit: int = 240) -> str:
    """Words around [start, end) of the original text, on one line."""
    a = max(0, start - width)
    b = min(len(text), end + width)
    if a > 0:
        space = text.find(" ", a, start)
        a = space + 1 if space != -1 else a
    if b < len(text):
        space = text.rfind(" ", end, b)
        b = space if space != -1 else b
    piece = re.sub(r"\s+", " ", text[a:b]).strip()
    return piece[:limit]


def one_line(text: str, limit: int = 240) -> str:
    return re.sub(r"\s+", " ", text).strip()[:limit]


class Mapped:
    """A despace()d text with the position of each of its characters in the original text."""

    def __init__(self, text: str):
        self.original = text
        joined = _HYPHEN_BREAK_RE.sub(lambda m: m.group(1) + "\x00" * (len(m.group(0)) - 2) + m.group(2), text)
        folded = fix_lookalikes(joined).translate(_DASHES).lower().replace("ё", "е")
        if len(folded) != len(text):  # a rare character changed length in lower(): positions are approximate
            folded = folded[: len(text)].ljust(len(text))
        chars: list[str] = []
        index: list[int] = []
        for run in _KEEP_RUN_RE.finditer(folded):  # runs of kept characters, not one character at a time
            chars.append(run.group(0))
            index.extend(range(run.start(), run.end()))
        self.text = "".join(chars)
        self.index = index

    def span(self, match: re.Match[str]) -> tuple[int, int]:
        if not self.index or match.end() <= match.start():
            return 0, 0
        start = self.index[min(match.start(), len(self.index) - 1)]
        end = self.index[min(match.end(), len(self.index)) - 1] + 1
        return start, end

    def snippet(self, match: re.Match[str], width: int = 60) -> str:
        start, end = self.span(match)
        return snippet(self.original, start, end, width=width)

    def find(self, phrases: list[str]) -> tuple[str, re.Match[str]] | None:
        return find_phrase(phrases, self.text)
