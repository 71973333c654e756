"""Is a text layer real Russian text, or garbage that needs OCR?

Broken PDF fonts (no ToUnicode map) yield Latin look-alikes («o6pa3oBaHue», «YTBEPXAEHO», «flpuKa3») or
Latin-1 mojibake («Ïîëîæåíèå»). Real Russian text is made of Cyrillic words with vowels; the share of such
words is ≈0.9 on real documents and ≈0 on garbage.
"""

from __future__ import annotations

import re

_TOKEN_RE = re.compile(r"\w+")
_CYR_WORD_RE = re.compile(r"^[а-яё]+$")
_VOWELS = frozenset("аеёиоуыэюя")
MIN_LETTERS = 40  # below this a page is "empty" (image-only or a stamp) rather than broken


def letter_count(text: str) -> int:
    return sum(1 for ch in text if ch.isalpha())


def russian_word_share(text: str) -> float:
    """Share of word tokens (≥ 2 characters, with a letter) that are plausible Russian words."""
    total = good = 0
    for token in _TOKEN_RE.findall(text.lower()):
        if len(token) < 2 or not any(ch.isalpha() for ch in token):
            continue
        total += 1
        if _CYR_WORD_RE.match(token) and (len(token) <= 4 or any(ch in _VOWELS for ch in token)):
            good += 1
    return good / total if total else 0.0


def is_broken_text(text: str, threshold: float = 0.5) -> bool:
    """True when a text layer has letters but they do not form Russian words."""
    if letter_count(text) < MIN_LETTERS:
        return False
    return russian_word_share(text) < threshold
