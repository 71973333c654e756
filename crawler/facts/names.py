"""Personal names in Russian documents: found (to count people in a list) and masked (so none leaves the tool).

The shapes that documents use, in any grammatical case, with the OCR noise a scan adds (Latin look-alike
letters, a name broken over two lines):

* «Иванова Мария Петровна», «Павлову Ирину Сергеевну» — surname, first name, patronymic;
* «Мария Петровна Иванова» — first name, patronymic, surname;
* «Иванова М. П.», «Иванова М.П.» — surname and initials;
* «М. П. Иванова», «М.П. Иванова» — initials and surname.

Every quote the facts produce goes through `mask_names`; `redact_findings` applies it to what the
evaluation quotes, so no export and no brief carries a name. The evidence archive keeps the documents
as published.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MASK = "[ФИО]"

_UP = "А-ЯЁ"
_LO = "а-яё"
_WORD = rf"[{_UP}][{_LO}]+(?:-[{_UP}][{_LO}]+)?"
# a patronymic in any case: …вич/…ич(а, у, ем, е), …вна/…ична(ы, е, у, ой); «вп» is OCR's «вн»
_PATRONYMIC = rf"[{_UP}][{_LO}]+(?:ич(?:а|у|ем|е)?|(?:в[нп]|ичн)(?:а|ы|е|у|ой|ою))(?![{_LO}])"
_GAP = r"(?:[ \u00a0]*\n[ \u00a0\n]*|[ \u00a0]+)"  # spaces, or a line break (a name wrapped in a cell or by OCR)
_INITIAL = rf"[{_UP}]\.[ \u00a0]?"
_NAME_RE = re.compile(
    rf"(?<![{_UP}{_LO}\w.])(?:"
    rf"(?P<full>{_WORD}{_GAP}{_WORD}{_GAP}{_PATRONYMIC})"
    rf"|(?P<first>{_WORD}{_GAP}{_PATRONYMIC}{_GAP}{_WORD})"
    rf"|(?P<short>{_WORD}[ \u00a0]+{_INITIAL}[{_UP}](?:\.|(?![{_UP}{_LO}])))"
    rf"|(?P<initials>{_INITIAL}{_INITIAL}{_WORD})"
    r")"
)
# capitalized words that stand before initials without being a surname («Директор А.Н. Волков»)
_NOT_SURNAME = {
    "директор", "заведующий", "заведующая", "руководитель", "председатель", "секретарь", "исполнитель",
    "владелец", "подпись", "утверждаю", "утверждено", "согласовано", "принято", "приказ", "протокол",
    "куратор", "наставник", "наставники", "наставляемый", "наставляемая", "методист", "учитель",
    "воспитатель", "педагог", "заместитель", "начальник", "специалист", "ознакомлен", "ознакомлена",
    "ознакомлены", "исп", "составил", "составитель", "ответственный", "и", "с", "от",
}  # fmt: skip
_EPONYM_RE = re.compile(r"(?:\bим\.|\bимени)\s*$", re.I)  # «МБОУ СОШ им. А.С. Пушкина»: part of a name of a school

_LOOKALIKE = str.maketrans("aeopcxykmthbABEKMHOPCTXY", "аеорсхукмтнвАВЕКМНОРСТХУ")
_MIXED_TOKEN_RE = re.compile(r"\b(?=\w*[а-яёА-ЯЁ])(?=\w*[a-zA-Z])\w+")


def fix_lookalikes(text: str) -> str:
    """Latin letters inside Cyrillic words (OCR noise, mixed fonts) become Cyrillic; the length is kept."""
    return _MIXED_TOKEN_RE.sub(lambda m: m.group(0).translate(_LOOKALIKE), text)


@dataclass(frozen=True)
class PersonName:
    start: int
    end: int
    text: str
    key: str  # «иванова м п»: the same person written in full or with initials, in the nominative

    def __len__(self) -> int:
        return self.end - self.start


def _key(m: re.Match[str]) -> str:
    words = re.findall(rf"[{_UP}][{_LO}]*(?:-[{_UP}][{_LO}]+)?", m.group(0))
    if m.group("first"):
        surname, given = words[-1], words[:-1]
    elif m.group("initials"):
        surname, given = words[-1], words[:-1]
    else:
        surname, given = words[0], words[1:]
    initials = " ".join(w[0] for w in given)
    return f"{surname.lower().replace('ё', 'е')} {initials.lower().replace('ё', 'е')}".strip()


def find_names(text: str) -> list[PersonName]:
    """Personal names in the text (look-alike letters fixed first), left to right, without overlaps."""
    text = fix_lookalikes(text)
    found: list[PersonName] = []
    pos = 0
    while True:
        m = _NAME_RE.search(text, pos)
        if m is None:
            return found
        first_word = re.match(rf"[{_UP}{_LO}]+", m.group(0))
        if m.group("short") and first_word and first_word.group(0).lower() in _NOT_SURNAME:
            pos = m.start() + len(first_word.group(0))  # «Директор А.Н. Волков»: the name starts at the initials
            continue
        if (m.group("full") or m.group("first")) and first_word and first_word.group(0).lower() in _NOT_SURNAME:
            pos = m.start() + len(first_word.group(0))
            continue
        if _EPONYM_RE.search(text[max(0, m.start() - 8) : m.start()]):
            pos = m.end()
            continue
        found.append(PersonName(m.start(), m.end(), m.group(0), _key(m)))
        pos = m.end()


def mask_names(text: str) -> str:
    """The text with every personal name replaced by «[ФИО]» (and OCR look-alike letters fixed)."""
    if not text:
        return text
    fixed = fix_lookalikes(text)
    names = find_names(fixed)
    if not names:
        return fixed
    out: list[str] = []
    pos = 0
    for name in names:
        out.append(fixed[pos : name.start])
        out.append(MASK)
        pos = name.end
    out.append(fixed[pos:])
    return "".join(out)


def mask_optional(text: str | None) -> str | None:
    return mask_names(text) if text else text
