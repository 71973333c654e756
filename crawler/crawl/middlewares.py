"""Downloader middlewares, signal handlers and the TLS policy of the focused crawl."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from OpenSSL import SSL
from scrapy import signals
from scrapy.core.downloader.contextfactory import _ScrapyClientContextFactory
from scrapy.exceptions import IgnoreRequest, StopDownload
from scrapy.http import Request, Response
from twisted.internet.ssl import optionsForClientTLS
from twisted.python.failure import Failure
from zope.interface import implementer

try:
    from twisted.internet._sslverify import IOpenSSLTrustRoot
except ImportError:  # pragma: no cover
    from twisted.internet.interfaces import IOpenSSLTrustRoot  # type: ignore[no-redef,attr-defined]

from crawler.crawl.errors import failure_reason_ru
from crawler.crawl.state import OrgState, now
from crawler.crawl.visits import DocVisit, Meta, PageVisit, visit_of
from crawler.models import FetchAttempt

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

    from crawler.crawl.spider import FocusedSpider

HTML_TYPES = (b"text/html", b"application/xhtml")


def _spider(crawler: Crawler) -> FocusedSpider:
    return crawler.spider  # type: ignore[return-value]


MAX_RETRY_AFTER = 60.0  # s: the longest a Retry-After is waited for


class BackoffMiddleware:
    """Waits before a retry: the server's Retry-After (of a 429 or 503) when it names one within MAX_RETRY_AFTER,
    else a pause doubling each time (RetryMiddleware itself retries at once)."""

    def __init__(self, crawler: Crawler):
        self.base = crawler.settings.getfloat("NM_RETRY_BACKOFF", 1.0)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> BackoffMiddleware:
        return cls(crawler)

    async def process_request(self, request: Request) -> None:
        times = int(request.meta.get(Meta.RETRY_TIMES, 0))
        if not times or request.meta.get(Meta.BACKOFF_DONE) == times:
            return
        request.meta[Meta.BACKOFF_DONE] = times
        pause = min(self.base * 2 ** (times - 1), 60) if self.base > 0 else 0.0
        asked = request.meta.get(Meta.RETRY_AFTER)
        if isinstance(asked, int | float):
            pause = max(pause, float(asked))
        if pause > 0:
            await asyncio.sleep(pause)


class RetryAfterMiddleware:
    """Reads Retry-After of a 429 or 503 before RetryMiddleware copies the request for its retry.

    A wait within MAX_RETRY_AFTER is kept for BackoffMiddleware. A longer one (an hour, a date next week) is not
    waited for — the crawl of a district cannot stop for it — and the retries go on as for any 5xx, so the site's
    verdict still rests on every attempt.
    """

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RetryAfterMiddleware:
        return cls()

    def process_response(self, request: Request, response: Response) -> Response:
        if response.status not in (429, 503):
            return response
        seconds = retry_after_seconds(response.headers.get(b"Retry-After"))
        if seconds is None:
            return response
        if seconds <= MAX_RETRY_AFTER:
            request.meta[Meta.RETRY_AFTER] = seconds
        return response


def retry_after_seconds(raw: bytes | None) -> float | None:
    """Retry-After as seconds from now (delta-seconds or an HTTP date); None when absent or unreadable."""
    if not raw:
        return None
    value = raw.decode("latin-1", "replace").strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


class AccountingMiddleware:
    """Counts requests per organization and records every attempt at a start page (before retries)."""

    def __init__(self, crawler: Crawler):
        self.crawler = crawler
        self.timeout = crawler.settings.getfloat("DOWNLOAD_TIMEOUT", 20)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> AccountingMiddleware:
        return cls(crawler)

    def _state(self, request: Request) -> OrgState | None:
        return _org_for(_spider(self.crawler), request)

    def process_request(self, request: Request) -> None:
        st = self._state(request)
        if st is not None:
            st.traffic.requests += 1
            request.meta[Meta.SENT_AT] = now()

    def process_response(self, request: Request, response: Response) -> Response:
        st = self._state(request)
        if st is not None and _is_start(request):
            st.traffic.attempts.append(
                FetchAttempt(url=request.url, at=request.meta.get(Meta.SENT_AT) or now(), status=response.status)
            )
        return response

    def process_exception(self, request: Request, exception: BaseException) -> None:
        st = self._state(request)
        if st is not None and _is_start(request) and not isinstance(exception, IgnoreRequest):
            failure = Failure(exception)
            st.traffic.attempts.append(
                FetchAttempt(
                    url=request.url,
                    at=request.meta.get(Meta.SENT_AT) or now(),
                    error=failure_reason_ru(failure, self.timeout),
                )
            )


def _org_for(spider: Any, request: Request) -> OrgState | None:
    """The organization of a request, when the spider is the focused one."""
    return spider.org_for(request) if hasattr(spider, "org_for") else None  # type: ignore[no-any-return]


def _is_start(request: Request) -> bool:
    visit = visit_of(request)
    return isinstance(visit, PageVisit) and visit.start


class SizeAndBytes:
    """Signal handlers: bytes received per organization, and the size limits per kind of response.

    A response over its limit is stopped (not failed), and the callback records its declared size:
    an oversize document is «файл больше N МБ, не загружен», not a network error.
    """

    def __init__(self, crawler: Crawler, max_page: int, max_doc: int):
        self.crawler = crawler
        self.max_page = max_page
        self.max_doc = max_doc
        crawler.signals.connect(self.headers_received, signal=signals.headers_received, weak=False)
        crawler.signals.connect(self.bytes_received, signal=signals.bytes_received, weak=False)

    def _limit(self, request: Request, content_type: bytes | None) -> int:
        if isinstance(visit_of(request), DocVisit):
            return self.max_doc
        if content_type is not None and not content_type.lower().startswith(HTML_TYPES):
            return self.max_doc  # a page link that gives a file
        return self.max_page

    def headers_received(self, headers: Any, body_length: int, request: Request, spider: Any) -> None:
        prev = request.meta.get(Meta.PREVIOUS)
        if prev and _validators_match(headers, body_length, prev, spider):
            # the server ignored the conditional request but says it is the same file: keep the stored copy
            request.meta[Meta.VALIDATORS_MATCH] = True
            raise StopDownload(fail=False)
        ctype = headers.get(b"Content-Type")
        request.meta[Meta.LIMIT] = limit = self._limit(request, ctype)
        if body_length is not None and isinstance(body_length, int) and 0 < limit < body_length:
            request.meta[Meta.OVERSIZE] = body_length
            raise StopDownload(fail=False)

    def bytes_received(self, data: bytes, request: Request, spider: Any) -> None:
        st = _org_for(spider, request)
        if st is not None:
            st.traffic.bytes += len(data)
        got = request.meta.get(Meta.GOT, 0) + len(data)
        request.meta[Meta.GOT] = got
        limit = request.meta.get(Meta.LIMIT) or self.max_doc
        if got > limit:
            request.meta[Meta.OVERSIZE] = -1  # no Content-Length: the size is unknown
            raise StopDownload(fail=False)


def _validators_match(headers: Any, body_length: Any, prev: dict[str, Any], spider: Any) -> bool:
    """Same ETag, or same Last-Modified and the same length as the stored blob (a date alone is too weak)."""
    etag = headers.get(b"ETag")
    if etag and prev.get("etag"):
        return bool(etag.decode("latin-1") == prev["etag"])
    modified = headers.get(b"Last-Modified")
    if not modified or not prev.get("last_modified") or modified.decode("latin-1") != prev["last_modified"]:
        return False
    blobs = getattr(spider, "blobs", None)
    if blobs is None or not isinstance(body_length, int) or body_length < 0 or not blobs.has(prev["sha256"]):
        return False
    return bool(blobs.path(prev["sha256"]).stat().st_size == body_length)


# ---------------------------------------------------------------------------------- TLS


@implementer(IOpenSSLTrustRoot)
class SystemPlusBundle:
    """The system CA store plus an extra bundle (e.g. the Russian Trusted Root CA)."""

    def __init__(self, bundle: Path | None):
        self.bundle = bundle

    def _addCACertsToContext(self, context: SSL.Context) -> None:
        context.set_default_verify_paths()
        if self.bundle:
            context.load_verify_locations(str(self.bundle))


class VerifyingContextFactory(_ScrapyClientContextFactory):
    """Verifies certificates (when DOWNLOAD_VERIFY_CERTIFICATES) against system roots + NM_CA_BUNDLE."""

    bundle: Path | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> VerifyingContextFactory:
        factory = super().from_crawler(crawler, *args, **kwargs)
        raw = crawler.settings.get("NM_CA_BUNDLE")
        factory.bundle = Path(raw) if raw else None
        return factory

    def creatorForNetloc(self, hostname: bytes, port: int) -> Any:
        if not self._verify_certificates:
            return super().creatorForNetloc(hostname, port)
        return optionsForClientTLS(
            hostname=hostname.decode("ascii"),
            # zope's @implementer is invisible to mypy: the class does provide the interface
            trustRoot=cast(IOpenSSLTrustRoot, SystemPlusBundle(self.bundle)),
            extraCertificateOptions=self._get_cert_options_kwargs(),
        )
