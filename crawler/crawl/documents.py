"""Reading a document's answer: the file (or the stored copy), a failure, or an HTML page in front of the file.

An HTML answer goes to the adapters first (a viewer page names its file: `Adapter.document_page`); without a
file behind it, a link found on the organization's own site is read as an ordinary page, anything else is
recorded as «по ссылке страница без файла».
"""

from __future__ import annotations

import re

from scrapy.http import Request, Response

from crawler.crawl import content, links, pages
from crawler.crawl.adapters.base import Crawl
from crawler.crawl.responses import body_of, header, headers, previous, unchanged
from crawler.crawl.state import OrgState, now
from crawler.crawl.visits import DocVisit, Meta
from crawler.models import DocumentRecord


def record(visit: DocVisit) -> DocumentRecord:
    """A document as its link describes it (before or without an answer)."""
    return DocumentRecord(
        url=visit.link_url,
        source_page=visit.source_page,
        link_text=visit.link_text,
        viewer_title=visit.viewer_title,
        in_section=visit.in_section,
        external=visit.external,
    )


def read(crawl: Crawl, st: OrgState, response: Response, visit: DocVisit) -> list[Request]:
    rec = _answered(response, visit)
    if unchanged(response):
        _unchanged(crawl, response, rec)
    elif response.status >= 400:
        rec.error = f"ссылка не работает (HTTP {response.status})"
    elif response.meta.get(Meta.OVERSIZE) is not None:
        _oversize(crawl, response, rec)
    elif content.is_html_response(response.body, rec.content_type):
        return _html(crawl, st, response, visit)
    else:
        body = response.body
        rec.file_name = content.decide_file_name(response.headers.get(b"Content-Disposition"), response.url)
        rec.format = content.decide_format(body, rec.content_type, rec.file_name)
        rec.size = len(body)
        rec.sha256 = crawl.blobs.put(body)
    st.found.documents[visit.key] = rec
    return []


def _answered(response: Response, visit: DocVisit) -> DocumentRecord:
    rec = record(visit)
    rec.final_url = response.url
    rec.http_status = response.status
    rec.fetched_at = now()
    rec.headers = headers(response)
    rec.etag = header(response, b"ETag")
    rec.last_modified = header(response, b"Last-Modified")
    rec.content_type = header(response, b"Content-Type")
    return rec


def _unchanged(crawl: Crawl, response: Response, rec: DocumentRecord) -> None:
    """The previous run's copy is still current: its blob, validators and (re-derived) name and format."""
    prev = previous(response) or {}
    body, _ = body_of(response, crawl.blobs)
    rec.not_modified = True
    rec.sha256 = prev["sha256"]
    rec.etag = rec.etag or prev.get("etag")
    rec.last_modified = rec.last_modified or prev.get("last_modified")
    rec.size = len(body)
    rec.file_name = content.decide_file_name(None, response.url)
    rec.format = content.decide_format(body, rec.content_type if response.status != 304 else None, rec.file_name)


def _oversize(crawl: Crawl, response: Response, rec: DocumentRecord) -> None:
    size = int(response.meta[Meta.OVERSIZE])
    rec.size = size if size > 0 else None
    mb = crawl.cs.max_document_bytes / (1024 * 1024)
    rec.error = f"файл больше {mb:g} МБ, не загружен"
    rec.file_name = content.decide_file_name(response.headers.get(b"Content-Disposition"), response.url)
    rec.format = content.decide_format(b"", rec.content_type, rec.file_name)


ERROR_PAGE = "вместо файла получена веб-страница (вероятно, страница ошибки)"
UNPARSEABLE_PAGE = "вместо файла получена веб-страница, которую не удалось разобрать"
NO_FILE = "по ссылке страница без файла"
# Word saves «web pages» under .doc: a real document in HTML, read as one by the extraction
_OFFICE_HTML = re.compile(rb"urn:schemas-microsoft-com:office|ProgId\W+content=\W?(Word|Excel)", re.I)


def _html(crawl: Crawl, st: OrgState, response: Response, visit: DocVisit) -> list[Request]:
    """An HTML answer to a document link: a viewer page (follow to the file), an error page where a file was
    named, a Word «web page», or a plain page of the site (read as a page)."""
    ctype = header(response, b"Content-Type")
    text, _ = content.decode_html(response.body, ctype)
    try:
        doc = links.parse_html(text, response.url)
    except Exception:  # lxml refuses it (empty, a comment): the document must not vanish
        return _as_document(crawl, st, response, visit, None, UNPARSEABLE_PAGE)
    title = links.page_heading(doc) or links.page_title(doc)
    for adapter in crawl.adapters:
        onward = adapter.document_page(st, response, visit, doc, title)
        if onward is not None:
            return onward
    if _names_a_file(visit):
        if _OFFICE_HTML.search(response.body[:8192]):
            return _as_document(crawl, st, response, visit, title, None)
        # «/files/polozhenie.docx» answered with a page: a «file not found» page served as 200, not the file
        return _as_document(crawl, st, response, visit, title, ERROR_PAGE)
    if visit.hops == 0 and links.host_of(response.url) in st.hosts:
        # no file behind it: an ordinary page (e.g. a Положение pasted as HTML); crawl it as a page
        return pages.read(crawl, st, response, visit.as_page())
    return _as_document(crawl, st, response, visit, title, NO_FILE)


def _names_a_file(visit: DocVisit) -> bool:
    """Does the link itself name a document file (its path ends in .pdf, .docx, .jpg …)?"""
    name = links.file_name_from_url(visit.link_url) or ""
    return bool(_FILE_EXTENSION.search(name))


_FILE_EXTENSION = re.compile(r"\.(pdf|docx?|odt|ods|rtf|xlsx?|pptx?|jpe?g|png|tiff?)$", re.I)


def _as_document(
    crawl: Crawl, st: OrgState, response: Response, visit: DocVisit, title: str | None, error: str | None
) -> list[Request]:
    """The HTML answer kept as the document (with `error`, it counts as unreadable: at most «частично»)."""
    rec = record(visit)
    rec.final_url = response.url
    rec.http_status = response.status
    rec.fetched_at = now()
    rec.viewer_title = visit.viewer_title or title or None
    rec.format = "html"
    rec.sha256 = crawl.blobs.put(response.body)
    rec.size = len(response.body)
    rec.content_type = header(response, b"Content-Type")
    rec.headers = headers(response)
    rec.file_name = content.decide_file_name(response.headers.get(b"Content-Disposition"), visit.link_url)
    rec.error = error
    st.found.documents[visit.key] = rec
    return []
