"""scrapy-playwright's browser provider, started when the first site needs the browser.

scrapy-playwright starts the Playwright driver (a Node process of about 125 MB, twice that with its helper) when
the crawl starts, whether or not any site needs a browser; most districts have no site whose menu only a script
builds. This provider starts the driver on the first browser request and not at all otherwise. Loaded by name
(PLAYWRIGHT_BROWSER_PROVIDER), so that nothing imports Playwright when the browser is off or not installed.
"""

from __future__ import annotations

import asyncio
from typing import Any

from scrapy_playwright.provider import PlaywrightBrowserProvider


class LazyBrowserProvider(PlaywrightBrowserProvider):
    def __init__(self, config: Any) -> None:
        super().__init__(config)
        self._starting = asyncio.Lock()

    async def start(self) -> None:
        """Nothing at the crawl's start: see _started."""

    async def _started(self) -> None:
        async with self._starting:  # two sites may need the browser at once
            if self.playwright is None:
                await super().start()

    async def launch_browser(self) -> Any:
        await self._started()
        return await super().launch_browser()

    async def launch_persistent_context(self, context_kwargs: dict[str, Any]) -> Any:
        await self._started()
        return await super().launch_persistent_context(context_kwargs)
