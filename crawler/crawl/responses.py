"""Small readings of a Scrapy response shared by the page and document readers."""

from __future__ import annotations

from typing import Any

from scrapy.http import Response

from crawler.crawl.visits import Meta
from crawler.store import BlobStore


def header(response: Response, name: bytes) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None


def headers(response: Response) -> dict[str, str]:
    """The response headers as text, without cookies."""
    out: dict[str, str] = {}
    for k, v in response.headers.items():
        key = k.decode("latin-1")
        if key.lower() in ("set-cookie",):
            continue
        out[key] = b", ".join(v).decode("latin-1")
    return out


def previous(response: Response) -> dict[str, Any] | None:
    """Validators and blob of the previous run's copy ({etag, last_modified, sha256}), if the request sent them."""
    prev: dict[str, Any] | None = response.meta.get(Meta.PREVIOUS)
    return prev


def unchanged(response: Response) -> bool:
    """304, or a 200 whose validators equal the stored copy's (the body was not downloaded)."""
    return bool(previous(response)) and (response.status == 304 or bool(response.meta.get(Meta.VALIDATORS_MATCH)))


def body_of(response: Response, blobs: BlobStore) -> tuple[bytes, bool]:
    """Body of a response and whether it is the stored copy; for a 304, the stored body of the previous run."""
    prev = previous(response)
    if unchanged(response) and prev and blobs.has(prev["sha256"]):
        return blobs.path(prev["sha256"]).read_bytes(), True
    return response.body, False


def request_url(response: Response) -> str:
    """The URL of the request that got this response (after redirects: the last one)."""
    assert response.request is not None  # always set on the responses a callback gets
    return response.request.url
