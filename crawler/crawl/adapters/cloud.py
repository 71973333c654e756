"""Documents in a cloud storage (Yandex Disk, Google Drive, Cloud Mail.ru …): recorded as external, not fetched.

A cloud link is taken when the section's content has it or when it names a mentoring document; the record says
«проверить вручную». A public Yandex Disk file is resolved through the public API of the Disk when the settings
allow it (resolve_yandex_disk): the API gives a direct download link, and the file is downloaded as any other.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from urllib.parse import urlencode

from scrapy.http import Request, Response

from crawler.crawl import links
from crawler.crawl.adapters.base import Adapter
from crawler.crawl.links import Link
from crawler.crawl.state import OrgState, PageContext
from crawler.crawl.visits import AdapterVisit, DocVisit
from crawler.models import DocumentRecord

CLOUD_NOTE = "документ во внешнем облачном хранилище, проверить вручную"
YANDEX_FILE = re.compile(r"^https?://(disk\.yandex\.(ru|com)|yadi\.sk|disk\.360\.yandex\.ru)/(i|d)/", re.I)


@dataclass(frozen=True, kw_only=True)
class YandexDiskVisit(AdapterVisit):
    """A question to the public API of Yandex Disk about a public file."""

    key: str
    link_url: str
    link_text: str
    source_page: str
    in_section: bool


class CloudLinks(Adapter):
    name = "cloud"

    def link(self, st: OrgState, link: Link, ctx: PageContext) -> list[Request] | None:
        vocab = self.crawl.vocab
        if not links.is_cloud(link.url, vocab):
            return None
        from_section_main = ctx.in_section and link.in_main
        if not (from_section_main or links.is_mentoring_document_link(link, vocab)):
            return []
        page_url = ctx.page.final_url
        if link.in_main:
            st.found.link_document(links.canonical(link.url), page_url, links.canonical(page_url))
        return self._external(st, link, page_url, from_section_main)

    def _external(self, st: OrgState, link: Link, source: str, in_section: bool) -> list[Request]:
        key = links.canonical(link.url)
        known = st.found.documents.get(key)
        if known is not None:
            known.in_section |= in_section
            return []
        st.found.documents[key] = DocumentRecord(
            url=link.url,
            source_page=source,
            link_text=link.label,
            in_section=in_section,
            external=True,
            error=CLOUD_NOTE,
        )
        cs = self.crawl.cs
        if not (cs.resolve_yandex_disk and YANDEX_FILE.search(link.url)):
            return []
        # a public Yandex Disk file: its public API gives a direct download link
        api = f"{cs.yandex_disk_api}?{urlencode({'public_key': link.url})}"
        visit = YandexDiskVisit(
            org_id=st.org.id,
            adapter=self.name,
            key=key,
            link_url=link.url,
            link_text=link.label,
            source_page=source,
            in_section=in_section,
        )
        return [self.crawl.request(st, api, visit, priority=800, conditional=False)]

    def answer(self, st: OrgState, response: Response, visit: AdapterVisit) -> list[Request]:
        assert isinstance(visit, YandexDiskVisit)
        try:
            href = json.loads(response.text).get("href") if response.status == 200 else None
        except (ValueError, AttributeError):
            href = None
        if not href:
            rec = st.found.documents.get(visit.key)
            if rec is not None:
                rec.error = f"{CLOUD_NOTE} (API Яндекс Диска: HTTP {response.status})"
            return []
        doc = DocVisit(
            org_id=st.org.id,
            key=visit.key,
            link_url=visit.link_url,
            link_text=visit.link_text,
            source_page=visit.source_page,
            in_section=visit.in_section,
            external=True,
            hops=1,
        )
        # the stored validators of the file are keyed by the link as found
        return [self.crawl.request(st, href, doc, priority=800, conditional_key=visit.link_url)]
