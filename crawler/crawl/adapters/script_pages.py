"""Pages that only a browser can read: a stub that sends the browser on by script, a menu built by script.

A page without links but «window.location = '/index.php'» is followed like a redirect (an unlabelled hop;
on the start page the target's host becomes the organization's). A start page with fewer than three links
and a script is opened once more in a real browser (crawler/crawl/browser.py), whose page — its menu built —
is read like the home page. Without a browser the site cannot be read, which is «не удалось проверить», never
«no section».
"""

from __future__ import annotations

from scrapy.http import Request

from crawler.crawl import browser, links
from crawler.crawl.adapters.base import Adapter
from crawler.crawl.links import Link
from crawler.crawl.state import OrgState, ParsedPage
from crawler.crawl.visits import PageVisit

RENDER_PRIORITY = 10_000


class ScriptPages(Adapter):
    name = "script_pages"

    def page_links(self, st: OrgState, page: ParsedPage, found: list[Link]) -> list[Link]:
        if not found:
            target = links.script_redirect(page.text, page.url)
            if target:
                if page.start:  # like an HTTP redirect of the root: the new host is the organization's
                    st.hosts.add(links.host_of(target))
                found = [Link(target, "", position="body", in_main=False)]
        if page.start and len(found) < 3 and "<script" in page.text.lower():
            st.entry.script_only = True
        return found

    def page_requests(self, st: OrgState, page: ParsedPage) -> list[Request]:
        """The script-built home page once more, in the browser (once per organization)."""
        if not (page.start and st.entry.script_only) or st.entry.rendered:
            return []
        st.entry.rendered = True
        profile = self.crawl.browser_profile
        st.entry.browser_off = self.crawl.browser_off
        if st.entry.browser_off is not None or profile is None:
            return []
        visit = PageVisit(org_id=st.org.id, rendered=True, key=page.canon)
        request = self.crawl.request(st, page.url, visit, priority=RENDER_PRIORITY, conditional=False)
        request.meta.update(browser.request_meta(self.crawl.cs, profile))
        return [request]
