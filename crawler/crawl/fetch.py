"""One GET outside Scrapy with a total deadline: connecting, the headers and the whole body within `seconds`.

httpx's timeouts are per operation: a server that drips a byte a second never trips them. The request runs in a
daemon thread that checks the deadline between chunks; the caller stops waiting at the deadline whatever the
thread is doing (it ends at its next read or its own per-read timeout). Used by the TLS evidence re-fetch of the
crawl and by `crawler classify URL`.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from typing import BinaryIO


@dataclass
class Fetched:
    status: int
    url: str  # after redirects
    headers: dict[str, str] = field(default_factory=dict)  # lower-case names
    body: bytes = b""  # empty when written to a sink, or when larger than the limit
    too_big: bool = False  # the body passed `limit` bytes: reading stopped there


class FetchFailed(Exception):
    """The GET gave no answer; the message is Russian."""


def fetch(
    url: str,
    *,
    seconds: float,
    limit: int,
    verify: bool = True,
    user_agent: str | None = None,
    sink: BinaryIO | None = None,
) -> Fetched:
    """GET `url` (redirects followed) within `seconds` in all, at most `limit` bytes of body.

    The body goes to `sink` when given (then Fetched.body is empty), else it is returned. Raises FetchFailed.
    """
    deadline = time.monotonic() + seconds
    box: dict[str, object] = {}

    def work() -> None:
        try:
            box["result"] = _get(url, seconds, deadline, limit, verify, user_agent, sink)
        except BaseException as exc:  # reported to the caller
            box["error"] = exc

    thread = threading.Thread(target=work, name="nm-fetch", daemon=True)
    thread.start()
    thread.join(max(0.0, deadline - time.monotonic()) + 0.5)
    if thread.is_alive() or ("result" not in box and "error" not in box):
        raise FetchFailed(f"сервер не отдал ответ за {seconds:g} с")
    error = box.get("error")
    if isinstance(error, BaseException):
        raise FetchFailed(_reason_ru(error, seconds)) from None
    result = box["result"]
    assert isinstance(result, Fetched)
    return result


class _Late(Exception):
    pass


def _get(
    url: str,
    seconds: float,
    deadline: float,
    limit: int,
    verify: bool,
    user_agent: str | None,
    sink: BinaryIO | None,
) -> Fetched:
    import httpx

    headers = {"User-Agent": user_agent} if user_agent else {}
    with httpx.Client(
        verify=verify, timeout=httpx.Timeout(seconds), follow_redirects=True, max_redirects=10, headers=headers
    ) as client:
        with client.stream("GET", url) as response:
            got = Fetched(response.status_code, str(response.url), {k.lower(): v for k, v in response.headers.items()})
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                if time.monotonic() > deadline:
                    raise _Late
                size += len(chunk)
                if size > limit:
                    got.too_big = True
                    return got
                if sink is not None:
                    sink.write(chunk)
                else:
                    chunks.append(chunk)
            got.body = b"".join(chunks)
            return got


def _reason_ru(exc: BaseException, seconds: float) -> str:
    import httpx

    if isinstance(exc, _Late | httpx.TimeoutException):
        return f"сервер не отдал ответ за {seconds:g} с"
    if isinstance(exc, httpx.TooManyRedirects):
        return "петля переадресаций: страница отправляет на другой адрес и обратно"
    if isinstance(exc, httpx.ConnectError):
        text = str(exc).lower()
        if "certificate" in text or "ssl" in text:
            return "ошибка сертификата TLS"
        return "не удалось соединиться с сервером"
    if isinstance(exc, httpx.HTTPError):
        return f"ошибка сети ({type(exc).__name__})"
    if isinstance(exc, OSError):
        return f"ошибка сети ({exc.strerror or type(exc).__name__})"
    return f"ошибка загрузки ({type(exc).__name__})"
