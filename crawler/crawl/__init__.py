"""The focused crawl: find each organization's mentoring section and its documents.

Scrapy runs in a child process (a Twisted reactor cannot restart, and a crash of the crawl must not
take the caller down). `CrawlRun` hands each organization's OrgCrawlResult over as soon as it is done;
`crawl_sites` waits for all of them.
"""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
from collections import deque
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from crawler.config import CrawlSettings
from crawler.models import Organization, OrgCrawlResult

__all__ = ["CrawlRun", "CrawlRunStats", "crawl_sites"]


class CrawlRunStats:
    """Figures of the last child process (for the benchmark): peak memory, exit code."""

    peak_rss_kb: int | None = None
    returncode: int | None = None


class CrawlRun:
    """One crawl child process whose results are taken as they come (`next_result`), for streaming analysis.

    The job goes to the child on its stdin and nothing is written to disk for it; the child dies with this
    process (a parent-death signal), so a killed run leaves no crawler behind. Threads drain the child's
    stdout (results) and stderr (its last lines, for the reason when it fails), so a caller busy analysing
    never stalls the crawl on a full pipe.
    """

    def __init__(
        self,
        orgs: list[Organization],
        settings: CrawlSettings,
        blobs_dir: Path,
        previous: dict[str, dict[str, dict[str, Any]]] | None = None,
        log_file: Path | None = None,
        stats: CrawlRunStats | None = None,
    ) -> None:
        from crawler.crawl.worker import CrawlJob

        self.orgs = orgs
        self.stats = stats
        self.started = datetime.now(UTC)
        blobs_dir.mkdir(parents=True, exist_ok=True)
        self.job = CrawlJob(
            orgs=orgs, settings=settings, blobs_dir=blobs_dir, previous=previous or {}, log_file=log_file
        )
        self.delivered: set[str] = set()
        self._queue: queue.Queue[OrgCrawlResult | None] = queue.Queue()
        self._stderr: deque[str] = deque(maxlen=20)
        self._proc: subprocess.Popen[bytes] | None = None
        self._watchdog: threading.Timer | None = None
        self._missing: list[OrgCrawlResult] | None = None

    def __enter__(self) -> CrawlRun:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def start(self) -> None:
        if not self.orgs:
            self._missing = []
            return
        env = _child_env()
        env["NM_PARENT_PID"] = str(os.getpid())
        self._proc = subprocess.Popen(
            [sys.executable, "-m", "crawler.crawl.worker", "-"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
        assert self._proc.stdin is not None
        try:
            self._proc.stdin.write(self.job.model_dump_json().encode("utf-8"))
            self._proc.stdin.close()
        except BrokenPipeError:  # the child died at once; its stderr says why
            pass
        threading.Thread(target=self._read_results, daemon=True, name="crawl-results").start()
        threading.Thread(target=self._read_errors, daemon=True, name="crawl-stderr").start()
        # the child has its own closing timeout; this one guards against a hang of the child itself
        self._watchdog = threading.Timer(self.job.settings.max_run_seconds + 120, self._proc.kill)
        self._watchdog.daemon = True
        self._watchdog.start()

    def next_result(self, timeout: float | None = None) -> OrgCrawlResult | None:
        """The next organization's result; None when none came within `timeout` or when all were given."""
        if self._missing is None:
            try:
                result = self._queue.get(timeout=timeout)
            except queue.Empty:
                return None
            if result is not None:
                self.delivered.add(result.org_id)
                return result
            self._missing = self._finish_child()
        if self._missing:
            result = self._missing.pop(0)
            self.delivered.add(result.org_id)
            return result
        return None

    @property
    def done(self) -> bool:
        return self._missing is not None and not self._missing

    def close(self) -> None:
        if self._watchdog is not None:
            self._watchdog.cancel()
        if self._proc is not None and self._proc.poll() is None:
            self._proc.kill()
            self._proc.wait()

    def _read_results(self) -> None:
        from crawler.crawl.worker import RESULT_PREFIX, STATS_PREFIX

        assert self._proc is not None and self._proc.stdout is not None
        for raw in self._proc.stdout:
            line = raw.decode("utf-8", "replace")
            if line.startswith(RESULT_PREFIX):
                try:
                    self._queue.put(OrgCrawlResult.model_validate_json(line[len(RESULT_PREFIX) :]))
                except ValueError:  # a line cut short by a dying child: that org counts as missing
                    continue
            elif line.startswith(STATS_PREFIX) and self.stats is not None:
                self.stats.peak_rss_kb = json.loads(line[len(STATS_PREFIX) :]).get("peak_rss_kb")
        self._queue.put(None)

    def _read_errors(self) -> None:
        assert self._proc is not None and self._proc.stderr is not None
        for raw in self._proc.stderr:
            line = raw.decode("utf-8", "replace").strip()
            if line:
                self._stderr.append(line)

    def _finish_child(self) -> list[OrgCrawlResult]:
        """After the child's output ended: its exit, and a «not checked» result for every org it did not report."""
        assert self._proc is not None
        code = self._proc.wait()
        if self._watchdog is not None:
            self._watchdog.cancel()
        if self.stats is not None:
            self.stats.returncode = code
        missing = [o for o in self.orgs if o.id not in self.delivered]
        if not missing:
            return []
        why = _child_failure(code, self._stderr[-1] if self._stderr else "")
        return [_failed(org, self.started, f"сайт не проверен: {why}") for org in missing]


def crawl_sites(
    orgs: list[Organization],
    settings: CrawlSettings,
    blobs_dir: Path,
    previous: dict[str, dict[str, dict[str, Any]]] | None = None,
    log_file: Path | None = None,
    on_progress: Callable[[OrgCrawlResult], None] | None = None,
    stats: CrawlRunStats | None = None,
) -> list[OrgCrawlResult]:
    """Crawl every organization; results in the order of `orgs`.

    Organizations whose result never came back (the child crashed or was killed at the time
    limit) are returned as not checked (reachable=False) with a Russian reason.
    """
    results: dict[str, OrgCrawlResult] = {}
    with CrawlRun(orgs, settings, blobs_dir, previous, log_file, stats) as run:
        while not run.done:
            result = run.next_result(timeout=1.0)
            if result is not None:
                results[result.org_id] = result
                if on_progress is not None:
                    on_progress(result)
    return [results[o.id] for o in orgs]


def _child_env() -> dict[str, str]:
    env = dict(os.environ)
    root = str(Path(__file__).resolve().parents[2])
    env["PYTHONPATH"] = root + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env.setdefault("PYTHONIOENCODING", "utf-8")
    return env


def _child_failure(code: int, last_line: str) -> str:
    """Why results are missing: the child's exit and the last line it wrote to stderr."""
    if code < 0:
        why = f"обходчик остановлен (сигнал {-code})"
    elif code:
        why = f"обходчик завершился с ошибкой (код {code})"
    else:
        why = "обходчик не вернул результат"
    return f"{why}: {last_line[:300]}" if last_line else why


def _failed(org: Organization, started: datetime, reason: str) -> OrgCrawlResult:
    return OrgCrawlResult(
        org_id=org.id,
        reachable=False,
        failure_reason=reason,
        started_at=started,
        finished_at=datetime.now(UTC),
    )
