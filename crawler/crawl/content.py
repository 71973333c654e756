"""What a response is: document format, file name, page text encoding, mentoring section or not."""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from dataclasses import dataclass
from email.message import Message
from urllib.parse import unquote

from w3lib.encoding import html_body_declared_encoding, html_to_unicode

from crawler.crawl.links import LinkVocabulary, decoded_url, default_link_vocabulary, file_name_from_url, norm_text
from crawler.extract.sniff import read_mimetype
from crawler.extract.sniff import sniff_format as extract_sniff_format

# ------------------------------------------------------------------------------ format

_CT_FORMATS: dict[str, str] = {
    "application/pdf": "pdf",
    "application/x-pdf": "pdf",
    "application/msword": "doc",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/vnd.oasis.opendocument.text": "odt",
    "application/vnd.oasis.opendocument.spreadsheet": "ods",
    "application/rtf": "rtf",
    "text/rtf": "rtf",
    "application/vnd.ms-excel": "xls",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": "pptx",
    "application/vnd.ms-powerpoint": "ppt",
    "image/jpeg": "jpg",
    "image/png": "png",
    "image/tiff": "tiff",
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "txt",
    "application/zip": "zip",
}
_EXT_FORMATS = {
    "pdf": "pdf",
    "doc": "doc",
    "docx": "docx",
    "odt": "odt",
    "ods": "ods",
    "rtf": "rtf",
    "xls": "xls",
    "xlsx": "xlsx",
    "pptx": "pptx",
    "ppt": "ppt",
    "jpg": "jpg",
    "jpeg": "jpg",
    "png": "png",
    "tif": "tiff",
    "tiff": "tiff",
    "txt": "txt",
    "htm": "html",
    "html": "html",
}


def _zip_format(body: bytes) -> str | None:
    """The kind of a zip container from its member names; never inflates more than a few bytes (read_mimetype)."""
    try:
        with zipfile.ZipFile(io.BytesIO(body)) as zf:
            names = set(zf.namelist())
            if "mimetype" in names:
                mime = read_mimetype(zf).decode("ascii", "replace").strip()
                if mime.endswith("opendocument.text"):
                    return "odt"
                if mime.endswith("opendocument.spreadsheet"):
                    return "ods"
            if "[Content_Types].xml" in names:
                if any(n.startswith("word/") for n in names):
                    return "docx"
                if any(n.startswith("xl/") for n in names):
                    return "xlsx"
                if any(n.startswith("ppt/") for n in names):
                    return "pptx"
            return "zip"
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError, NotImplementedError, zlib.error):
        return None


def sniff_format(body: bytes) -> str | None:
    """Format from the magic bytes, or None when the bytes say nothing (plain text, unknown).

    Zip containers are opened (the whole body is at hand here); everything else uses the
    extractor's sniffing, so the crawl and extraction never disagree on a format.
    """
    if body.startswith(b"PK\x03\x04"):
        return _zip_format(body) or "zip"
    fmt = extract_sniff_format(body[:4096])
    return None if fmt in ("txt", "unknown") else fmt


def content_type_format(content_type: str | None) -> str | None:
    if not content_type:
        return None
    mime = content_type.split(";", 1)[0].strip().lower()
    return _CT_FORMATS.get(mime)


def decide_format(body: bytes, content_type: str | None, file_name: str | None) -> str:
    """Magic bytes first, then Content-Type, then the extension of the file name from the headers."""
    sniffed = sniff_format(body)
    by_ct = content_type_format(content_type)
    if sniffed == "doc" and by_ct in ("xls", "ppt"):
        return by_ct
    if sniffed:
        return sniffed
    if by_ct and by_ct not in ("zip",):
        return by_ct
    if file_name and "." in file_name:
        ext = file_name.rsplit(".", 1)[-1].lower()
        if ext in _EXT_FORMATS:
            return _EXT_FORMATS[ext]
    return by_ct or "unknown"


def is_html_response(body: bytes, content_type: str | None) -> bool:
    sniffed = sniff_format(body)
    if sniffed is not None:
        return sniffed == "html"
    fmt = content_type_format(content_type)
    if fmt is not None:
        return fmt == "html"
    # no magic and no type: call it HTML when it decodes as text with tags
    return b"<" in body[:2048] and b"\x00" not in body[:2048]


# --------------------------------------------------------------------------- file names


def _decode_header_bytes(raw: bytes) -> str:
    for enc in ("utf-8", "cp1251"):
        try:
            return raw.decode(enc)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")


def _unquote_name(value: str) -> str:
    if "%" not in value:
        return value
    try:
        return unquote(value, encoding="utf-8", errors="strict")
    except UnicodeDecodeError:
        return unquote(value, encoding="cp1251", errors="replace")


def file_name_from_disposition(raw: bytes | str | None) -> str | None:
    """File name from Content-Disposition: RFC 5987 filename*, then filename (UTF-8, cp1251, %-encoded)."""
    if not raw:
        return None
    value = _decode_header_bytes(raw) if isinstance(raw, bytes) else raw
    star = re.search(r"filename\*\s*=\s*([^;]+)", value, re.IGNORECASE)
    if star:
        spec = star.group(1).strip().strip('"')
        charset, _, rest = spec.partition("'")
        _, _, encoded = rest.partition("'")
        if encoded:
            try:
                return safe_file_name(unquote(encoded, encoding=charset or "utf-8", errors="strict"))
            except (UnicodeDecodeError, LookupError):
                return safe_file_name(_unquote_name(encoded))
    msg = Message()
    msg["content-disposition"] = value
    name = msg.get_filename()
    if not name:
        plain = re.search(r'filename\s*=\s*"?([^";]+)"?', value, re.IGNORECASE)
        name = plain.group(1) if plain else None
    if not name:
        return None
    name = _unquote_name(name.strip())
    # a UTF-8 name sent as raw bytes and read as latin-1 by an intermediary
    try:
        fixed = name.encode("latin-1").decode("utf-8")
        if fixed != name:
            name = fixed
    except (UnicodeEncodeError, UnicodeDecodeError):
        pass
    return safe_file_name(name)


_UNSAFE_NAME_CHARS = re.compile(r'[\x00-\x1f\x7f<>:"|?*]')
MAX_FILE_NAME = 200


def safe_file_name(name: str | None) -> str | None:
    """Only the base name a server suggests: no folders («../../tmp/evil.pdf» → «evil.pdf»), no control
    characters, no leading dots, at most MAX_FILE_NAME characters; None when nothing is left."""
    if not name:
        return None
    base = re.split(r"[/\\]", name)[-1]
    base = _UNSAFE_NAME_CHARS.sub("_", base).strip().lstrip(".").strip()
    if len(base) > MAX_FILE_NAME:
        stem, dot, ext = base.rpartition(".")
        base = (stem[: MAX_FILE_NAME - len(ext) - 1] + dot + ext) if dot and len(ext) <= 10 else base[:MAX_FILE_NAME]
    return base or None


def decide_file_name(disposition: bytes | str | None, url: str) -> str | None:
    return file_name_from_disposition(disposition) or safe_file_name(file_name_from_url(url))


# ----------------------------------------------------------------------------- encodings


def decode_html(body: bytes, content_type: str | None) -> tuple[str, str]:
    """(text, encoding): HTTP header, then meta charset, then detection — unless the bytes contradict them.

    Declarations lie on real sites both ways: a header that says windows-1251 over UTF-8 bytes (and no meta),
    or utf-8 over a cp1251 body. Non-ASCII bytes that are valid UTF-8 are UTF-8 (Cyrillic cp1251 text is
    practically never valid UTF-8); text that decodes with replacement characters is decoded again with the
    body-declared encoding or cp1251, whichever loses fewer characters.
    """
    encoding, text = html_to_unicode(content_type, body)
    if _norm_encoding(encoding) != "utf8" and _is_utf8_text(body):
        return body.decode("utf-8", "replace").removeprefix("\ufeff"), "utf-8"
    if "\ufffd" in text:
        declared = html_body_declared_encoding(body)
        for candidate in (declared, "cp1251"):
            if not candidate or _norm_encoding(candidate) == _norm_encoding(encoding):
                continue
            try:
                alt = body.decode(candidate)
            except (UnicodeDecodeError, LookupError):
                continue
            if alt.count("\ufffd") < text.count("\ufffd"):
                return alt, candidate
    return text, encoding


def _norm_encoding(name: str) -> str:
    return name.lower().replace("-", "").replace("_", "")


def _is_utf8_text(body: bytes) -> bool:
    """Non-ASCII bytes that decode as UTF-8 (a character cut at the very end of the body is forgiven)."""
    if body.isascii():
        return False
    try:
        body.decode("utf-8")
        return True
    except UnicodeDecodeError as exc:
        return exc.start >= len(body) - 3 and exc.reason == "unexpected end of data"


# ------------------------------------------------------------------------------ section


@dataclass
class SectionVerdict:
    is_section: bool
    strength: int  # how strongly it says mentoring; the best page wins
    is_stub: bool
    words: int
    mentions: int
    audience: str = "unknown"  # teachers | pupils | unknown (see `audience`)


# Whom a mentoring page is about. Two different «наставничество» exist (DOMAIN.md §1.1): of pupils (Р-145, «учитель –
# ученик») and of pedagogical workers; CRITERIA.md: the section is the teachers' page, a pupils' page never makes
# `section` «выполнено» on its own.
_TEACHERS = re.compile(
    r"педагогическ\w* (работник|кадр)|наставничеств\w* (педагог|учител|воспитател|работник|сотрудник)"
    r"|молод\w* (специалист|педагог|учител|воспитател)|начинающ\w* (педагог|учител|воспитател)"
    r"|(учитель|педагог|воспитатель)\s*[-–—]\s*(учитель|педагог|воспитатель)|наставник\w* педагог"
)
_TEACHERS_URL = re.compile(r"pedagog|uchitel|teacher|vospitatel|molod\w*[-_]spets|sotrudnik")
_PUPILS = re.compile(
    r"наставничеств\w* (обучающ|учащ|школьник|дет|воспитанник|студент)"
    r"|(учитель|педагог|ученик|студент|работодатель)\s*[-–—]\s*(ученик|обучающ)"
    r"|обучающ\w+ в возрасте|наставляем\w* [-–—] обучающ"
)


def audience(url: str, labels: list[str], text: str) -> str:
    """«pupils» when a mentoring page speaks only of pupils' mentoring, «teachers» when it names pedagogical workers
    (in its labels, address or text), else «unknown» (a short page of documents says nothing either way)."""
    head = norm_text(" ".join(labels))
    body = norm_text(text)
    teachers = bool(_TEACHERS.search(head) or _TEACHERS.search(body) or _TEACHERS_URL.search(decoded_url(url)))
    if teachers:
        return "teachers"
    return "pupils" if _PUPILS.search(head) or _PUPILS.search(body) else "unknown"


def judge_section(
    url: str,
    title: str,
    heading: str,
    link_label: str,
    main_text: str,
    mentoring_doc_links: int,
    vocab: LinkVocabulary | None = None,
) -> SectionVerdict:
    """Is this page the mentoring section (dedicated to it), and is it a stub?"""
    vocab = vocab or default_link_vocabulary()
    h = vocab.names_section(norm_text(heading))
    t = vocab.names_section(norm_text(title))
    path = decoded_url(url).split("://", 1)[-1]
    path = path[path.find("/") :] if "/" in path else ""
    u = vocab.names_section(path)
    label = vocab.names_section(norm_text(link_label))
    text = norm_text(main_text)
    mentions = len(vocab.section_strong.findall(vocab.without_other_names(text)))
    words = len(text.split())
    newsy = bool(vocab.section_news.search(norm_text(heading))) or bool(vocab.section_news_url.search(path))
    strength = 4 * h + 3 * u + 2 * label + 1 * t
    dedicated = (
        h
        or ((u or label) and (mentions >= 1 or mentoring_doc_links > 0))
        or (t and mentions >= 3 and mentoring_doc_links > 0)
    )
    if not dedicated and not newsy and vocab.section_host is not None:
        # «Молодым специалистам», «Школа молодого педагога»: the section under another name, when the page is
        # about mentoring (its documents or repeated words); weaker than a page named for mentoring itself
        named = any(vocab.section_host.search(norm_text(x)) for x in (heading, link_label, title))
        if named and ((mentoring_doc_links > 0 and mentions >= 1) or mentions >= 3):
            dedicated = True
            strength = min(strength, 2) or 2
    if newsy:
        # a news item about a mentoring event is not the section
        dedicated = False
    is_stub = (
        dedicated
        and mentoring_doc_links == 0
        and (bool(vocab.stub.search(text)) or words < 25)
        and words <= vocab.stub_max_words
    )
    return SectionVerdict(dedicated, strength if dedicated else 0, is_stub, words, mentions)
