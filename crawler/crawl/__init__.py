"""The focused crawl: find each organization's mentoring section and its documents.

`crawl_sites` runs Scrapy in a child process (a Twisted reactor cannot restart, and a crash of
the crawl must not take the caller down) and returns one OrgCrawlResult per organization.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from crawler.config import CrawlSettings
from crawler.models import Organization, OrgCrawlResult

if TYPE_CHECKING:
    from crawler.crawl.worker import CrawlJob

__all__ = ["CrawlRunStats", "crawl_sites"]


class CrawlRunStats:
    """Figures of the last child process (for the benchmark): peak memory, exit code."""

    peak_rss_kb: int | None = None
    returncode: int | None = None


def crawl_sites(
    orgs: list[Organization],
    settings: CrawlSettings,
    blobs_dir: Path,
    previous: dict[str, dict[str, dict]] | None = None,
    log_file: Path | None = None,
    on_progress: Callable[[OrgCrawlResult], None] | None = None,
    stats: CrawlRunStats | None = None,
) -> list[OrgCrawlResult]:
    """Crawl every organization; results in the order of `orgs`.

    Organizations whose result never came back (the child crashed or was killed at the time
    limit) are returned as not checked (reachable=False) with a Russian reason.
    """
    from crawler.crawl.worker import CrawlJob

    if not orgs:
        return []
    started = datetime.now(UTC)
    blobs_dir.mkdir(parents=True, exist_ok=True)
    job = CrawlJob(orgs=orgs, settings=settings, blobs_dir=blobs_dir, previous=previous or {}, log_file=log_file)
    results: dict[str, OrgCrawlResult] = {}

    def got(result: OrgCrawlResult) -> None:
        results[result.org_id] = result
        if on_progress is not None:
            on_progress(result)

    with tempfile.TemporaryDirectory(prefix="nm-crawl-") as tmp:
        err_file = Path(tmp) / "stderr.txt"
        code = _run_child(job, Path(tmp) / "job.json", err_file, got, stats)
        missing = [o for o in orgs if o.id not in results]
        if missing:
            why = _child_failure(code, err_file)
            for org in missing:
                got(_failed(org, started, f"сайт не проверен: {why}"))
    return [results[o.id] for o in orgs]


def _run_child(
    job: CrawlJob,
    job_file: Path,
    err_file: Path,
    got: Callable[[OrgCrawlResult], None],
    stats: CrawlRunStats | None,
) -> int:
    """Run the crawl in a child process, passing on each result as it comes; the child's exit code."""
    job_file.write_text(job.model_dump_json(), encoding="utf-8")
    with err_file.open("wb") as err:
        proc = subprocess.Popen(
            [sys.executable, "-m", "crawler.crawl.worker", str(job_file)],
            stdout=subprocess.PIPE,
            stderr=err,
            env=_child_env(),
        )
        # the child has its own closing timeout; this one guards against a hang of the child itself
        watchdog = threading.Timer(job.settings.max_run_seconds + 120, proc.kill)
        watchdog.daemon = True
        watchdog.start()
        try:
            assert proc.stdout is not None
            for raw in proc.stdout:
                _read_line(raw.decode("utf-8", "replace"), got, stats)
            code = proc.wait()
        finally:
            watchdog.cancel()
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    if stats is not None:
        stats.returncode = proc.returncode
    return code


def _child_env() -> dict[str, str]:
    env = dict(os.environ)
    root = str(Path(__file__).resolve().parents[2])
    env["PYTHONPATH"] = root + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env.setdefault("PYTHONIOENCODING", "utf-8")
    return env


def _read_line(line: str, got: Callable[[OrgCrawlResult], None], stats: CrawlRunStats | None) -> None:
    from crawler.crawl.worker import RESULT_PREFIX, STATS_PREFIX

    if line.startswith(RESULT_PREFIX):
        try:
            result = OrgCrawlResult.model_validate_json(line[len(RESULT_PREFIX) :])
        except ValueError:  # a line cut short by a dying child: that org counts as missing
            return
        got(result)
    elif line.startswith(STATS_PREFIX) and stats is not None:
        stats.peak_rss_kb = json.loads(line[len(STATS_PREFIX) :]).get("peak_rss_kb")


def _child_failure(code: int, err_file: Path) -> str:
    """Why results are missing: the child's exit and the last line it wrote to stderr."""
    if code < 0:
        why = f"обходчик остановлен (сигнал {-code})"
    elif code:
        why = f"обходчик завершился с ошибкой (код {code})"
    else:
        why = "обходчик не вернул результат"
    tail = _tail(err_file)
    return f"{why}: {tail}" if tail else why


def _failed(org: Organization, started: datetime, reason: str) -> OrgCrawlResult:
    return OrgCrawlResult(
        org_id=org.id,
        reachable=False,
        failure_reason=reason,
        started_at=started,
        finished_at=datetime.now(UTC),
    )


def _tail(path: Path, limit: int = 300) -> str:
    try:
        text = path.read_text(encoding="utf-8", errors="replace").strip()
    except OSError:
        return ""
    lines: list[Any] = [ln for ln in text.splitlines() if ln.strip()]
    return lines[-1][:limit] if lines else ""
