"""The run log: what a sysadmin reads after a failed night, without third-party chatter.

Our own loggers write at INFO (one line per organization, failures, the run's start and end); libraries
only from WARNING up. Used by the main process and by the crawl's child process, which append to one file.
"""

from __future__ import annotations

import logging
from pathlib import Path

# INFO of these is noise in a run log: font subsetting of every PDF, Scrapy's start-up banners and settings
# dumps, per-minute crawl rates, the final stats dictionary, HTTP client lines.
QUIET_LOGGERS = (
    "fontTools",
    "PIL",
    "pdfminer",
    "pypdf",
    "httpx",
    "httpcore",
    "urllib3",
    "asyncio",
    "filelock",
    "scrapy.utils.log",
    "scrapy.addons",
    "scrapy.middleware",
    "scrapy.crawler",
    "scrapy.extensions",
    "scrapy.core.engine",
    "scrapy.statscollectors",
    "scrapy.downloadermiddlewares",
    "twisted",
)
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def quiet_third_party() -> None:
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)


class RunLogHandler(logging.FileHandler):
    """The run log's file: a log that cannot be written (full disk) is given up quietly, never a traceback;
    the run's own failure says what happened."""

    def handleError(self, record: logging.LogRecord) -> None:
        self.broken = True

    def close(self) -> None:
        try:
            super().close()
        except OSError:
            self.broken = True


def attach_file_log(path: Path) -> logging.Handler:
    """Send INFO and above of this process to `path` (appending); returns the handler to detach later."""
    handler = RunLogHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter(FORMAT))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    quiet_third_party()
    return handler


def detach(handler: logging.Handler) -> None:
    logging.getLogger().removeHandler(handler)
    handler.close()
