"""Web firewalls that refuse a bot: after 401/403 on the start page, ask once more looking like a search robot.

The bot keeps its name, in the «Mozilla/5.0 (compatible; …)» form that search engine robots use; every later
request of the organization carries it too (st.entry.user_agent).
"""

from __future__ import annotations

from scrapy.http import Request, Response

from crawler.crawl.adapters.base import Adapter
from crawler.crawl.state import OrgState
from crawler.crawl.visits import PageVisit


class BrowserCompatibleRetry(Adapter):
    name = "user_agent"

    def page_answer(self, st: OrgState, response: Response, visit: PageVisit) -> list[Request] | None:
        if not visit.start or response.status not in (401, 403) or st.entry.user_agent is not None:
            return None
        st.entry.user_agent = browser_compatible(self.crawl.cs.user_agent)
        return [self.crawl.start_request(st)]


def browser_compatible(user_agent: str) -> str:
    """The configured bot name wrapped as robots of search engines present themselves to browsers' firewalls."""
    if user_agent.startswith("Mozilla/"):
        return user_agent
    return f"Mozilla/5.0 (compatible; {user_agent})"
