"""Reading a document's answer: the file (or the stored copy), a failure, or an HTML page in front of the file.

An HTML answer goes to the adapters first (a viewer page names its file: `Adapter.document_page`); without a
file behind it, a link found on the organization's own site is read as an ordinary page, anything else is
recorded as «по ссылке страница без файла».
"""

from __future__ import annotations

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


def _html(crawl: Crawl, st: OrgState, response: Response, visit: DocVisit) -> list[Request]:
    """An HTML answer to a document link: a viewer page (follow to the file) or a plain page."""
    ctype = header(response, b"Content-Type")
    text, _ = content.decode_html(response.body, ctype)
    try:
        doc = links.parse_html(text, response.url)
    except Exception:
        return []
    title = links.page_heading(doc) or links.page_title(doc)
    for adapter in crawl.adapters:
        onward = adapter.document_page(st, response, visit, doc, title)
        if onward is not None:
            return onward
    if visit.hops == 0 and links.host_of(response.url) in st.hosts:
        # no file behind it: an ordinary page (e.g. a Положение pasted as HTML); crawl it as a page
        return pages.read(crawl, st, response, visit.as_page())
    rec = record(visit)
    rec.final_url = response.url
    rec.http_status = response.status
    rec.fetched_at = now()
    rec.viewer_title = visit.viewer_title or title or None
    rec.format = "html"
    rec.sha256 = crawl.blobs.put(response.body)
    rec.size = len(response.body)
    rec.content_type = ctype
    rec.headers = headers(response)
    rec.error = "по ссылке страница без файла"
    st.found.documents[visit.key] = rec
    return []
