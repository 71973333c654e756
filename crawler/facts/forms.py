"""Forms of mentoring named in a text («педагог – педагог», «руководитель – педагог», групповое …).

Forms are searched in the order of rules/facts.yaml; the words a form was found in are not searched
again, so «педагог – педагог (реверсивное)» is not also counted as «педагог – педагог».
"""

from __future__ import annotations

from dataclasses import dataclass

from crawler.facts.vocabulary import FactsVocabulary, Form, fold


@dataclass(frozen=True)
class FoundForm:
    form: Form
    start: int
    end: int


def find_forms(text: str, vocab: FactsVocabulary) -> list[FoundForm]:
    """Every form named in the text, each once (at its first mention), in the order of the text."""
    folded = fold(text)
    taken = bytearray(len(folded))  # 1 where a form was already found
    found: list[FoundForm] = []
    for form in vocab.forms:
        first: FoundForm | None = None
        for pattern in form.patterns:
            for m in pattern.finditer(folded):
                if m.end() <= m.start() or any(taken[m.start() : m.end()]):
                    continue
                for i in range(m.start(), m.end()):
                    taken[i] = 1
                if first is None or m.start() < first.start:
                    first = FoundForm(form, m.start(), m.end())
        if first is not None:
            found.append(first)
    return sorted(found, key=lambda f: f.start)


def form_names(text: str, vocab: FactsVocabulary) -> list[str]:
    return [f.form.name for f in find_forms(text, vocab)]
