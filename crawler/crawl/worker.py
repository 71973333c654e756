"""Child process of the crawl: `python -m crawler.crawl.worker -` (the job as JSON on stdin) or `… JOB.json`.

Runs Scrapy once (a reactor cannot restart in one process) and writes one line per finished
organization to stdout: RESULT_PREFIX + OrgCrawlResult JSON. Scrapy's log goes to the log file
or stderr, never to stdout.
"""

from __future__ import annotations

import ctypes
import os
import resource
import shutil
import signal
import sys
import tempfile
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from crawler.config import CrawlSettings
from crawler.crawl import browser
from crawler.logs import quiet_third_party
from crawler.models import Organization, OrgCrawlResult

RESULT_PREFIX = "@@RESULT@@ "
STATS_PREFIX = "@@STATS@@ "


class CrawlJob(BaseModel):
    orgs: list[Organization]
    settings: CrawlSettings
    blobs_dir: Path
    previous: dict[str, dict[str, dict[str, Any]]] = Field(default_factory=dict)
    log_file: Path | None = None


def scrapy_settings(cs: CrawlSettings, log_file: Path | None) -> dict[str, Any]:
    mw = "crawler.crawl.middlewares"
    return {
        "BOT_NAME": "nastavnik",
        "USER_AGENT": cs.user_agent,
        "DEFAULT_REQUEST_HEADERS": {
            "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
            "Accept-Language": "ru,en;q=0.5",
        },
        "ROBOTSTXT_OBEY": cs.obey_robots,
        "CONCURRENT_REQUESTS": cs.total_concurrency,
        "CONCURRENT_REQUESTS_PER_DOMAIN": cs.per_site_concurrency,
        "CONCURRENT_REQUESTS_PER_IP": 0,
        "DOWNLOAD_DELAY": cs.delay_seconds,
        "DOWNLOAD_DELAY_JITTER": 0.5,  # ±50 %, so that sites sharing a host are not hit in lockstep
        "DOWNLOAD_TIMEOUT": cs.timeout_seconds,
        "DNS_TIMEOUT": cs.timeout_seconds,
        "RETRY_ENABLED": True,
        "RETRY_TIMES": cs.retries,
        "RETRY_HTTP_CODES": [500, 502, 503, 504, 522, 524, 408, 429],
        "NM_RETRY_BACKOFF": cs.retry_backoff_seconds,
        "HTTPCACHE_ENABLED": False,
        "COOKIES_ENABLED": True,
        "REDIRECT_ENABLED": True,
        "METAREFRESH_ENABLED": True,
        # hard bound; the per-kind limits are applied by SizeAndBytes before this one
        "DOWNLOAD_MAXSIZE": max(cs.max_document_bytes, cs.max_page_bytes) * 2,
        "DOWNLOAD_WARNSIZE": 0,
        "DEPTH_LIMIT": 0,
        "TELNETCONSOLE_ENABLED": False,
        "LOG_LEVEL": "INFO",
        "LOG_FILE": str(log_file) if log_file else None,
        "LOG_FILE_APPEND": True,
        "CLOSESPIDER_TIMEOUT": cs.max_run_seconds,
        "DOWNLOAD_VERIFY_CERTIFICATES": cs.verify_tls,
        "NM_CA_BUNDLE": str(cs.ca_bundle) if cs.ca_bundle else None,
        "DOWNLOADER_CLIENTCONTEXTFACTORY": f"{mw}.VerifyingContextFactory",
        "DOWNLOADER_MIDDLEWARES": {
            f"{mw}.BackoffMiddleware": 60,
            # before RetryMiddleware (550) in the response chain: the retry copies what it writes into meta
            f"{mw}.RetryAfterMiddleware": 555,
            f"{mw}.AccountingMiddleware": 560,
        },
        "SPIDER_MIDDLEWARES": {
            # our own depth and offsite rules
            "scrapy.spidermiddlewares.depth.DepthMiddleware": None,
        },
        # a safety net: past this the crawl closes and unfinished organizations are reported as not checked
        "MEMUSAGE_ENABLED": True,
        "MEMUSAGE_LIMIT_MB": 2048,
        "MEMUSAGE_WARNING_MB": 1024,
        "REACTOR_THREADPOOL_MAXSIZE": 10,
    }


def run_job(job: CrawlJob, out: Any) -> None:
    settings = scrapy_settings(job.settings, job.log_file)
    rendering = browser.scrapy_settings(job.settings)  # Chromium for script-built menus, when it is there
    settings.update(rendering)
    profile = Path(tempfile.mkdtemp(prefix="nm-chromium-")) if rendering else None
    try:
        _crawl(job, out, settings, profile)
    finally:
        if profile is not None:
            shutil.rmtree(profile, ignore_errors=True)
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    out.write(STATS_PREFIX + f'{{"peak_rss_kb": {peak_kb}}}\n')
    out.flush()


def _crawl(job: CrawlJob, out: Any, settings: dict[str, Any], profile: Path | None) -> None:
    from scrapy.crawler import CrawlerProcess

    from crawler.crawl.middlewares import SizeAndBytes
    from crawler.crawl.spider import FocusedSpider

    def emit(result: OrgCrawlResult) -> None:
        out.write(RESULT_PREFIX + result.model_dump_json() + "\n")
        out.flush()

    process = CrawlerProcess(settings, install_root_handler=True)
    quiet_third_party()
    crawler = process.create_crawler(FocusedSpider)
    SizeAndBytes(crawler, job.settings.max_page_bytes, job.settings.max_document_bytes)

    def closed(spider: FocusedSpider, reason: str) -> None:
        # an organization not finished by now was cut short (time limit, memory, a full disk, a shutdown)
        spider.finish_all(reason)

    from scrapy import signals

    crawler.signals.connect(closed, signal=signals.spider_closed, weak=False)
    process.crawl(
        crawler,
        orgs=job.orgs,
        crawl_settings=job.settings,
        blobs_dir=job.blobs_dir,
        previous=job.previous,
        emit=emit,
        browser_profile=profile,
    )
    process.start()


def die_with_parent() -> None:
    """Linux: the kernel kills this process when the main process dies (kill -9 included); no orphan crawls."""
    parent = os.environ.get("NM_PARENT_PID")
    if not parent or not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        return
    if os.getppid() != int(parent):  # the parent died before the signal was armed
        os._exit(1)


PR_SET_PDEATHSIG = 1


def main(argv: list[str] | None = None) -> int:
    die_with_parent()
    args = argv if argv is not None else sys.argv[1:]
    raw = sys.stdin.read() if not args or args[0] == "-" else Path(args[0]).read_text(encoding="utf-8")
    job = CrawlJob.model_validate_json(raw)
    # keep stdout for results only: anything printed elsewhere goes to stderr
    out = sys.stdout
    sys.stdout = sys.stderr
    run_job(job, out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
