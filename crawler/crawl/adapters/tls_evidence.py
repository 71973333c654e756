"""After a certificate error on a start URL, read the page once more WITHOUT verification, for evidence only.

What the page says is never used for a verdict (the site stays «не удалось проверить»); the note tells the ИДК
that the site itself is up and only its certificate is wrong, and the copy goes to the blob store. The fetch
runs in a thread (httpx); the organization stays open until it returns. Not through a proxy.
"""

from __future__ import annotations

from typing import Any

from crawler.crawl import content, links
from crawler.crawl.adapters.base import Adapter
from crawler.crawl.state import OrgState

TLS_CERTIFICATE_ERROR = "ошибка сертификата TLS"  # how errors.failure_reason_ru starts such a reason


class TlsEvidence(Adapter):
    name = "tls_evidence"

    def start_failed(self, st: OrgState, url: str, reason: str, error_index: int) -> None:
        if not reason.startswith(TLS_CERTIFICATE_ERROR) or self.crawl.cs.proxy is not None:
            return
        from twisted.internet.threads import deferToThread

        cs = self.crawl.cs
        self.crawl.hold(st)
        agent = st.entry.user_agent or cs.user_agent
        d = deferToThread(fetch_unverified, url, cs.timeout_seconds, agent, cs.max_page_bytes)

        def done(result: Any) -> None:
            try:
                if isinstance(result, tuple):
                    note = self._note(url, *result)
                    if 0 <= error_index < len(st.entry.errors):
                        st.entry.errors[error_index] += f" — {note}"
            except Exception:  # evidence only: a failure to keep it (a full disk) never loses the organization
                pass
            finally:
                self.crawl.release(st)

        d.addBoth(done)

    def _note(self, url: str, status: int, body: bytes) -> str:
        sha = self.crawl.blobs.put(body) if body else None
        title = ""
        if body:
            try:
                text, _ = content.decode_html(body, None)
                title = links.page_title(links.parse_html(text, url))
            except Exception:  # evidence only: a page lxml refuses is still evidence
                title = ""
        note = f"без проверки сертификата, только для сведения: сервер отвечает HTTP {status}"
        if title:
            note += f", страница «{title[:120]}»"
        if sha:
            note += f", копия сохранена (SHA-256 {sha[:12]}…)"
        return note


def fetch_unverified(url: str, timeout: float, user_agent: str, limit: int) -> tuple[int, bytes] | None:
    """GET without certificate verification within `timeout` seconds in all (connection and whole body), at most
    `limit` bytes (evidence of a TLS failure, never a verdict); None when it gave nothing in time."""
    from crawler.crawl.fetch import FetchFailed, fetch

    try:
        got = fetch(url, seconds=timeout, limit=limit, verify=False, user_agent=user_agent)
    except FetchFailed:
        return None
    return got.status, (b"" if got.too_big else got.body)
