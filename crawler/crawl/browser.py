"""A real browser for the few pages that need one: a home page whose menu only a script builds.

Through scrapy-playwright (an existing Scrapy integration): its download handler serves the requests that carry
`meta["playwright"]` with Debian's Chromium (`crawl.browser_path`, launched headless, never downloaded) and passes
every other request to Scrapy's own HTTP handler. It needs Twisted's asyncio reactor, which the crawl's child
process installs (crawler/crawl/worker.py). Chromium starts only when the first such page is asked for; a crawl
that needs none pays only for the Playwright driver process.

Without Chromium (or with `crawl.browser: false`) nothing changes for other sites; a script-built site is then
«не удалось проверить» with the reason (`unavailable`), never «нет раздела».
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path
from typing import Any

from crawler.config import CrawlSettings

HANDLER = "scrapy_playwright.handler.ScrapyPlaywrightDownloadHandler"
REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
CONTEXT = "nastavnik-render"
# as TECH.md measured for Debian's Chromium in a container: no sandbox, no GPU, nothing phoning home
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
SKIPPED_RESOURCES = frozenset({"image", "media", "font"})  # a menu needs scripts and markup, not pictures
MIN_LINKS = 3  # the menu is built when the page has this many links (or the wait runs out)
SETTLE_MS = 5_000


def unavailable(cs: CrawlSettings) -> str | None:
    """Why the browser cannot be used (Russian), or None when it can."""
    if not cs.browser:
        return "браузер для таких сайтов выключен в настройках (crawl.browser: false)"
    path = Path(cs.browser_path)
    if not (path.is_file() and os.access(path, os.X_OK)):
        return f"на компьютере не установлен Chromium ({path}), нужный для таких сайтов"
    if importlib.util.find_spec("scrapy_playwright") is None:
        return "не установлен модуль scrapy-playwright, нужный для таких сайтов"
    return None


def scrapy_settings(cs: CrawlSettings) -> dict[str, Any]:
    """Scrapy settings that route `meta["playwright"]` requests to Chromium (empty when it cannot be used)."""
    if unavailable(cs) is not None:
        return {}
    return {
        "TWISTED_REACTOR": REACTOR,
        "DOWNLOAD_HANDLERS": {"http": HANDLER, "https": HANDLER},
        "PLAYWRIGHT_BROWSER_TYPE": "chromium",
        "PLAYWRIGHT_MAX_CONTEXTS": 1,
        "PLAYWRIGHT_MAX_PAGES_PER_CONTEXT": 2,
        "PLAYWRIGHT_DEFAULT_NAVIGATION_TIMEOUT": int(cs.timeout_seconds * 1000),
        "PLAYWRIGHT_ABORT_REQUEST": f"{__name__}.skip_heavy",
        # the driver starts with the first site that needs the browser (scrapy-playwright ≥ 0.0.48; older
        # versions ignore the setting and start it with every crawl)
        "PLAYWRIGHT_BROWSER_PROVIDER": "crawler.crawl.lazy_browser.LazyBrowserProvider",
    }


def request_meta(cs: CrawlSettings, profile_dir: Path) -> dict[str, Any]:
    """What a request needs to be rendered: Chromium launched headless with a fresh profile of its own."""
    from scrapy_playwright.page import PageMethod

    # a persistent context is how scrapy-playwright takes a user-data-dir: a fresh directory per crawl
    context: dict[str, Any] = {
        "user_data_dir": str(profile_dir),
        "executable_path": str(cs.browser_path),
        "headless": True,
        "args": CHROMIUM_ARGS,
        "ignore_https_errors": not cs.verify_tls,
    }
    if cs.proxy:
        context["proxy"] = {"server": cs.proxy}
    return {
        "playwright": True,
        "playwright_context": CONTEXT,
        "playwright_context_kwargs": context,
        "playwright_page_goto_kwargs": {"wait_until": "load"},
        "playwright_page_methods": [PageMethod(settle)],
    }


async def settle(page: Any) -> None:
    """Wait until the scripts have put a menu on the page (or give up quietly: the page is read as it is)."""
    try:
        await page.wait_for_function(f"document.querySelectorAll('a[href]').length >= {MIN_LINKS}", timeout=SETTLE_MS)
    except Exception:  # a timeout: the scripts built no links
        return


def skip_heavy(request: Any) -> bool:
    """PLAYWRIGHT_ABORT_REQUEST: pictures, media and fonts are not fetched."""
    return str(getattr(request, "resource_type", "")) in SKIPPED_RESOURCES
