"""The classification vocabulary (rules/vocabulary.yaml), validated with pydantic."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, field_validator

from crawler.classify.text import compile_phrase
from crawler.errors import InputError
from crawler.models import DocType
from crawler.resources import rules_dir
from crawler.yamlfile import load_model

DEFAULT_PATH = rules_dir() / "vocabulary.yaml"


class NegativeRule(BaseModel):
    model_config = ConfigDict(extra="forbid")

    pattern: str
    unless: list[str] = Field(default_factory=list)

    @field_validator("pattern")
    @classmethod
    def _pattern_compiles(cls, value: str) -> str:
        _check(value)
        return value

    @field_validator("unless")
    @classmethod
    def _unless_compiles(cls, value: list[str]) -> list[str]:
        for phrase in value:
            _check(phrase)
        return value


class ExternalActVocabulary(BaseModel):
    model_config = ConfigDict(extra="forbid")

    titles: list[str] = Field(default_factory=list)
    generic_titles: list[str] = Field(default_factory=list)
    issuers: list[str] = Field(default_factory=list)
    own_org_markers: list[str] = Field(default_factory=list)
    # regional and municipal methodological institutions: their materials are of a higher level
    higher_institutions: list[str] = Field(default_factory=list)
    # a blank left for the organization's name: a template for organizations to adopt, not one's own act
    template_placeholders: list[str] = Field(default_factory=list)
    # an act's operative clause approving a document for many organizations of a territory
    approves_for_many: list[str] = Field(default_factory=list)

    @field_validator("titles", "generic_titles", "issuers", "own_org_markers", "higher_institutions")
    @classmethod
    def _phrases_compile(cls, value: list[str]) -> list[str]:
        for phrase in value:
            _check(phrase)
        return value

    @field_validator("template_placeholders", "approves_for_many")
    @classmethod
    def _expressions_compile(cls, value: list[str]) -> list[str]:
        # searched in the text as it is, as regular expressions (with or without «re:»)
        for pattern in value:
            try:
                re.compile(pattern.removeprefix("re:").strip())
            except re.error as exc:
                raise ValueError(f"выражение «{pattern}»: неверное регулярное выражение ({exc})") from None
        return value


class TitleVocabulary(BaseModel):
    """What the title finder scores lines with (see rules/vocabulary.yaml, section «title»)."""

    model_config = ConfigDict(extra="forbid")

    kinds: list[str] = Field(default_factory=list)
    chrome: list[str] = Field(default_factory=list)
    toc: list[str] = Field(default_factory=list)
    people: list[str] = Field(default_factory=list)
    requisites: list[str] = Field(default_factory=list)
    sentence_words: list[str] = Field(default_factory=list)
    headline_verbs: list[str] = Field(default_factory=list)

    @field_validator("kinds", "chrome", "toc", "people", "requisites", "sentence_words", "headline_verbs")
    @classmethod
    def _phrases_compile(cls, value: list[str]) -> list[str]:
        for phrase in value:
            _check(phrase)
        return value


class Vocabulary(BaseModel):
    model_config = ConfigDict(extra="forbid")

    version: int = 1
    title: TitleVocabulary = Field(default_factory=TitleVocabulary)
    mentoring_markers: list[str]
    mentoring_body_min: int = 3
    generic_types: list[DocType] = Field(default_factory=list)
    mentoring_body_min_generic: int = 6
    external_act: ExternalActVocabulary
    negative: list[NegativeRule] = Field(default_factory=list)
    orders: dict[DocType, list[str]]
    order_model_intro: list[str] = Field(default_factory=list)
    pairs_by_year: list[str] = Field(default_factory=list)
    order_body: dict[DocType, list[str]] = Field(default_factory=dict)
    title_starts: dict[DocType, list[str]] = Field(default_factory=dict)
    types: dict[DocType, list[str]]
    body_fallback: dict[DocType, list[str]] = Field(default_factory=dict)
    body_markers: dict[DocType, list[str]] = Field(default_factory=dict)
    narrative_min_mentions: int = 3
    article_min_mentions: int = 2
    article_card_markers: list[str] = Field(default_factory=list)
    practice_markers: list[str] = Field(default_factory=list)
    needs_document_evidence: list[str] = Field(default_factory=list)
    article_headlines: list[str] = Field(default_factory=list)
    legal_basis_lines: list[str] = Field(default_factory=list)
    guidelines_markers: list[str] = Field(default_factory=list)
    teacher_title_markers: list[str] = Field(default_factory=list)
    teacher_forms: list[str] = Field(default_factory=list)
    teacher_markers: list[str] = Field(default_factory=list)
    pupil_markers: list[str] = Field(default_factory=list)
    pay_clause: list[str] = Field(default_factory=list)
    curator_clause: list[str] = Field(default_factory=list)

    @field_validator(
        "mentoring_markers",
        "order_model_intro",
        "practice_markers",
        "guidelines_markers",
        "article_card_markers",
        "needs_document_evidence",
        "article_headlines",
        "legal_basis_lines",
        "teacher_title_markers",
        "teacher_forms",
        "teacher_markers",
        "pupil_markers",
        "pay_clause",
        "curator_clause",
        "pairs_by_year",
    )
    @classmethod
    def _phrases_compile(cls, value: list[str]) -> list[str]:
        for phrase in value:
            _check(phrase)
        return value

    @field_validator("orders", "order_body", "title_starts", "types", "body_fallback", "body_markers")
    @classmethod
    def _maps_compile(cls, value: dict[DocType, list[str]]) -> dict[DocType, list[str]]:
        for phrases in value.values():
            for phrase in phrases:
                _check(phrase)
        return value


def _check(phrase: str) -> None:
    try:
        compile_phrase(phrase)
    except re.error as exc:
        raise ValueError(f"фраза «{phrase}»: неверное регулярное выражение ({exc})") from None


class VocabularyError(InputError):
    """The classifier's vocabulary file is broken (its Russian message names the file, the field and the line)."""


@lru_cache(maxsize=8)
def load_vocabulary(path: Path | None = None) -> Vocabulary:
    """Read and validate the vocabulary; errors are Russian and name the file and the field."""
    return load_model(path or DEFAULT_PATH, Vocabulary, "файл словаря", VocabularyError)
