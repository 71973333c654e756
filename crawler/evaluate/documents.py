"""What the checks can tell about one document: is it readable, what its link says, is it about mentoring.

Also the two text helpers every note uses: a clipped quote and a URL as a person reads it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import unquote

from crawler.models import AnalyzedDocument, DocPart, DocType

QUOTE_MAX = 300
ORDER_TYPES = {DocType.model_order, DocType.curator_order, DocType.pairs_order}
MENTORING_TYPES = set(DocType) - {DocType.other, DocType.external_act}
MENTORING_LABEL = re.compile(r"наставни|наставля|куратор|nastavni", re.IGNORECASE)


def clip(text: str | None, limit: int = QUOTE_MAX) -> str | None:
    """Whitespace folded, cut to at most `limit` characters at a word boundary with «…»; None for no text."""
    if not text:
        return None
    flat = re.sub(r"\s+", " ", text).strip()
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1]
    if not flat[limit - 1].isspace():
        space = cut.rfind(" ")
        if space >= limit // 2:  # a single very long word is still cut, rather than lost
            cut = cut[:space]
    return cut.rstrip(" ,;:—–-(«") + "…"


def shown(url: str) -> str:
    """A URL as a person reads it in a note (Cyrillic paths decoded); evidence keeps the real URL."""
    return unquote(url)


def matches(patterns: Iterable[str], text: str) -> bool:
    return any(re.search(p, text, re.IGNORECASE) for p in patterns)


def link_text(doc: AnalyzedDocument) -> str:
    """Everything a visitor sees of a document before opening it (link text, viewer title, name, URL), lower case."""
    rec = doc.record
    return " ".join(x for x in (rec.link_text, rec.viewer_title, rec.file_name, rec.url) if x).lower()


def unreadable_reason(doc: AnalyzedDocument) -> str | None:
    """Why the document could not be read (Russian), or None when its text is there."""
    rec = doc.record
    if rec.error:
        return rec.error
    if rec.http_status is not None and rec.http_status >= 400:
        return f"ссылка не открывается (HTTP {rec.http_status})"
    if doc.extraction is None:
        if rec.format == "html" and rec.http_status in (None, 200, 203, 304):
            return None  # a page whose parts came from its HTML text
        if rec.external:
            return "файл в облачном хранилище не удалось открыть"
        return "файл не удалось загрузить"
    if doc.extraction.error:
        return doc.extraction.error
    if doc.extraction.is_scan and not doc.extraction.text.strip():
        return "скан без текста, распознать не удалось"
    return None


def unread_reason_text(reason: str) -> str:
    """The partial reason of an unreadable document: what failed, and that the ИДК should look by hand."""
    text = f"документ не удалось прочитать: {reason.rstrip('. ')}"
    return text if "вручную" in reason else text + "; проверьте вручную"


def is_mentoring(part: DocPart) -> bool:
    """An own document about mentoring (a pay regulation only with its mentoring clause)."""
    if part.type == DocType.pay_regulation:
        return part.pay_mentoring_clause
    return part.type in MENTORING_TYPES


def is_signed(doc: AnalyzedDocument, part: DocPart) -> bool:
    """An electronic-signature mark in the text or a signature field in the file."""
    return part.signed or bool(doc.extraction and doc.extraction.signature_field)
