"""Pages that only a browser can read: a stub that sends the browser on by script, a menu built by script.

A page without links but «window.location = '/index.php'» is followed like a redirect (an unlabelled hop;
on the start page the target's host becomes the organization's). A start page with fewer than three links
and a script is marked: without a browser the site cannot be read, which is not «no section».
"""

from __future__ import annotations

from crawler.crawl import links
from crawler.crawl.adapters.base import Adapter
from crawler.crawl.links import Link
from crawler.crawl.state import OrgState, ParsedPage


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
