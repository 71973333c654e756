"""Platform and site quirks of the crawl, one small module each, all with one interface (base.Adapter).

The spider keeps the frontier and the budget and asks these adapters, in this order, at each hook. Adding a
quirk is one new module and one line here. The order matters where two adapters use the same hook:
ScriptPages counts a page's own links before InlineScans adds its pictures.
"""

from __future__ import annotations

from crawler.crawl.adapters.base import Adapter, Crawl
from crawler.crawl.adapters.cloud import CloudLinks
from crawler.crawl.adapters.scans import InlineScans
from crawler.crawl.adapters.script_pages import ScriptPages
from crawler.crawl.adapters.tls_evidence import TlsEvidence
from crawler.crawl.adapters.user_agent import BrowserCompatibleRetry
from crawler.crawl.adapters.viewer import DocumentViewer

ADAPTERS: tuple[type[Adapter], ...] = (
    BrowserCompatibleRetry,  # 401/403 on the start page: once more as a search robot
    ScriptPages,  # a script redirect stub; a menu built by script
    InlineScans,  # pictures pasted into a section page: documents, pages of one scan merged into one PDF
    CloudLinks,  # cloud storage links: external documents; Yandex Disk resolved through its public API
    DocumentViewer,  # an HTML page in front of a file: the file
    TlsEvidence,  # a certificate failure of the start page: the page read without verification, as evidence
)

__all__ = ["ADAPTERS", "Adapter", "Crawl"]
