"""The facts vocabulary (rules/facts.yaml): forms of mentoring, curators' positions, headers of lists of people.

A methodologist edits the file; a mistake is reported in Russian with the file, the field and the phrase.
Phrases are matched over `fold`ed text (lower case, ё→е, every dash a «-»): a plain phrase matches its words
in any case ending and any dash or spacing; a phrase starting with «re:» is a Python regular expression.
"""

from __future__ import annotations

import re
from functools import cached_property, lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, field_validator

from crawler.errors import InputError
from crawler.resources import rules_dir
from crawler.yamlfile import load_model

DEFAULT_PATH = rules_dir() / "facts.yaml"
FILE_NAME = "facts.yaml"

_DASHES = str.maketrans({"–": "-", "—": "-", "‑": "-", "−": "-", "‐": "-", "\u00a0": " "})


def fold(text: str) -> str:
    """Lower case, ё→е, one kind of dash; the length of the text is kept (positions stay valid)."""
    folded = text.translate(_DASHES).lower().replace("ё", "е")
    return folded if len(folded) == len(text) else text.translate(_DASHES).replace("ё", "е").replace("Ё", "Е")


def compile_phrase(phrase: str) -> re.Pattern[str]:
    """A phrase of the file as a regex over folded text (see the module's docstring)."""
    phrase = phrase.strip()
    if phrase.startswith("re:"):
        return re.compile(phrase[3:].strip(), re.M)
    regex = ""
    for token in re.findall(r"[а-яёa-z0-9]+|-|[^\sа-яёa-z0-9-]", fold(phrase)):
        if token == "-":
            regex += r"\s*-\s*"
            continue
        if regex and not regex.endswith(r"\s*"):
            regex += r"\s+" if token[0].isalnum() else r"\s*"
        if token.isalpha() and len(token) > 3:
            regex += re.escape(token[:-1]) + r"[а-я]{0,4}"  # the last letter and the case ending vary
        else:
            regex += re.escape(token)
    return re.compile(r"(?<![а-я])" + regex + r"(?![а-я])")


def check_phrases(value: list[str]) -> list[str]:
    for phrase in value:
        if not phrase.strip() or phrase.strip() == "re:":
            raise ValueError("пустая фраза")
        try:
            compile_phrase(phrase)
        except re.error as exc:
            raise ValueError(f"фраза «{phrase}»: неверное регулярное выражение ({exc})") from None
    return value


class Named(BaseModel):
    """A canonical name and the phrases that name it in documents."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=1)
    phrases: list[str] = Field(min_length=1)

    @field_validator("phrases")
    @classmethod
    def _compile(cls, value: list[str]) -> list[str]:
        return check_phrases(value)

    @cached_property
    def patterns(self) -> list[re.Pattern[str]]:
        return [compile_phrase(p) for p in self.phrases]


class Form(Named):
    pupils: bool = False  # a form of pupils' mentoring (Р-145), recorded apart


class RosterHeaders(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    pairs: list[str] = Field(min_length=1)
    mentors: list[str] = Field(min_length=1)
    mentees: list[str] = Field(min_length=1)
    ignore: list[str] = Field(default_factory=list)

    @field_validator("pairs", "mentors", "mentees", "ignore")
    @classmethod
    def _compile(cls, value: list[str]) -> list[str]:
        return check_phrases(value)

    @cached_property
    def patterns(self) -> dict[str, list[re.Pattern[str]]]:
        return {
            kind: [compile_phrase(p) for p in getattr(self, kind)] for kind in ("pairs", "mentors", "mentees", "ignore")
        }


class FactsVocabulary(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    version: int = 1
    forms: list[Form] = Field(min_length=1)
    positions: list[Named] = Field(min_length=1)
    subjects: list[Named] = Field(default_factory=list)
    roster_headers: RosterHeaders

    @field_validator("forms", "positions", "subjects")
    @classmethod
    def _unique(cls, value: list[Named]) -> list[Named]:
        seen: set[str] = set()
        for item in value:
            if item.name in seen:
                raise ValueError(f"название «{item.name}» повторяется")
            seen.add(item.name)
        return value


class FactsVocabularyError(InputError):
    """The district data's vocabulary file is broken (its Russian message names the file and the field)."""


@lru_cache(maxsize=8)
def load_facts_vocabulary(path: Path | None = None) -> FactsVocabulary:
    """Read and validate the vocabulary; errors are Russian and name the file, the field and the phrase."""
    return load_model(path or DEFAULT_PATH, FactsVocabulary, "файл словаря сведений", FactsVocabularyError)


def vocabulary_beside(rules_source: str | Path | None) -> Path | None:
    """A methodologist's edited facts.yaml kept beside the rule set, if there is one."""
    if not rules_source:
        return None
    path = Path(rules_source)
    path = (path.parent if path.is_file() else path) / FILE_NAME
    return path if path.is_file() else None
