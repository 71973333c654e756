"""Each document in its own short-lived worker process: memory limit (RLIMIT_AS), timeout, kill.

A forked child costs a few milliseconds; in exchange a PDF that inflates to gigabytes, a parser that loops
or a crashing C library only lose that one document, which gets a Russian reason.
"""

from __future__ import annotations

import faulthandler
import multiprocessing
import os
import resource
import signal
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import TYPE_CHECKING

from crawler.config import ExtractSettings
from crawler.models import ExtractedText, FailureKind

if TYPE_CHECKING:
    from crawler.store import Store

_MB = 1024 * 1024


def _current_vm_bytes() -> int:
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _child(conn: Connection, path: str, sha256: str, settings: ExtractSettings, fmt: str | None) -> None:
    from crawler.extract import extract_file

    faulthandler.disable()  # a library crash is reported as a reason, not a stack dump
    os.environ["OMP_THREAD_LIMIT"] = "1"
    # The limit is on top of what the forked interpreter already maps: the document gets memory_limit_mb.
    limit = _current_vm_bytes() + settings.memory_limit_mb * _MB
    try:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ValueError, OSError):
        pass
    try:
        result = extract_file(Path(path), sha256, settings, fmt)
    except MemoryError:
        result = ExtractedText(
            sha256=sha256,
            format=fmt or "unknown",
            error=f"не хватило памяти при обработке документа (предел {settings.memory_limit_mb} МБ)",
            failure=FailureKind.transient,
        )
    try:
        conn.send(result.model_dump(mode="json"))
    except MemoryError:
        conn.send(
            ExtractedText(
                sha256=sha256,
                format=result.format,
                error=f"не хватило памяти при обработке документа (предел {settings.memory_limit_mb} МБ)",
                failure=FailureKind.transient,
            ).model_dump(mode="json")
        )
    conn.close()


@dataclass
class _Job:
    index: int
    sha256: str
    fmt: str | None
    process: BaseProcess
    conn: Connection
    deadline: float


def _failure(job: _Job, settings: ExtractSettings, reason: str) -> ExtractedText:
    from crawler.extract import EXTRACTOR_VERSION

    # a dead, killed or timed-out worker says nothing about the file: it is read again next time
    return ExtractedText(
        sha256=job.sha256,
        format=job.fmt or "unknown",
        error=reason,
        failure=FailureKind.transient,
        extractor_version=EXTRACTOR_VERSION,
    )


def _died_reason(exitcode: int | None, settings: ExtractSettings) -> str:
    if (
        exitcode is not None
        and exitcode < 0
        and -exitcode in (signal.SIGSEGV, signal.SIGABRT, signal.SIGKILL, signal.SIGBUS)
    ):
        return (
            f"обработка документа прервана: не хватило памяти или сбой библиотеки "
            f"(предел {settings.memory_limit_mb} МБ)"
        )
    return f"обработка документа завершилась аварийно (код {exitcode})"


def _preload() -> None:
    """Import the parsers once in the parent: every forked child then starts with them loaded."""
    import importlib

    for name in (
        "pypdfium2",
        "pypdf",
        "docx",
        "odf.opendocument",
        "odf.teletype",
        "striprtf.striprtf",
        "openpyxl",
        "lxml.html",
        "w3lib.encoding",
        "pytesseract",
    ):
        try:
            importlib.import_module(name)
        except ImportError:  # an optional parser missing only fails the files that need it
            pass


def extract_many(items: list[tuple[Path, str, str | None]], settings: ExtractSettings) -> list[ExtractedText]:
    """Extract (path, sha256, format) items in parallel, settings.workers processes at a time, in order."""
    if items:
        _preload()
    if multiprocessing.current_process().daemon:  # a daemon may not fork workers: read in this process
        from crawler.extract import extract_file

        return [extract_file(Path(path), sha256, settings, fmt) for path, sha256, fmt in items]
    ctx = multiprocessing.get_context("fork")
    results: list[ExtractedText | None] = [None] * len(items)
    queue = list(enumerate(items))
    queue.reverse()
    running: list[_Job] = []
    while queue or running:
        while queue and len(running) < settings.workers:
            index, (path, sha256, fmt) = queue.pop()
            recv, send = ctx.Pipe(duplex=False)
            process = ctx.Process(target=_child, args=(send, str(path), sha256, settings, fmt), daemon=True)
            process.start()
            send.close()
            running.append(_Job(index, sha256, fmt, process, recv, time.monotonic() + settings.timeout_seconds))
        nearest = min(job.deadline for job in running)
        waitables: list[object] = [job.conn for job in running] + [job.process.sentinel for job in running]
        wait(waitables, timeout=max(0.0, nearest - time.monotonic()))  # type: ignore[arg-type]
        still: list[_Job] = []
        for job in running:
            done = _collect(job, settings, results)
            if not done:
                still.append(job)
        running = still
    return [r for r in results if r is not None]


def _collect(job: _Job, settings: ExtractSettings, results: list[ExtractedText | None]) -> bool:
    """Store the job's result if it has one (or failed); False while it is still working."""
    if job.conn.poll():
        try:
            data = job.conn.recv()
            results[job.index] = ExtractedText.model_validate(data)
        except (EOFError, OSError):
            results[job.index] = _failure(job, settings, _died_reason(job.process.exitcode, settings))
        _reap(job)
        return True
    if not job.process.is_alive():
        job.process.join()
        results[job.index] = _failure(job, settings, _died_reason(job.process.exitcode, settings))
        job.conn.close()
        return True
    if time.monotonic() >= job.deadline:
        job.process.kill()
        job.process.join()
        job.conn.close()
        results[job.index] = _failure(
            job,
            settings,
            f"превышено время обработки документа ({settings.timeout_seconds:g} с), обработка остановлена",
        )
        return True
    return False


def _reap(job: _Job) -> None:
    job.process.join(timeout=5)
    if job.process.is_alive():
        job.process.kill()
        job.process.join()
    job.conn.close()


def extract_cached(
    items: list[tuple[Path, str, str | None]], settings: ExtractSettings, store: Store
) -> tuple[list[ExtractedText], int]:
    """Like extract_many, but reuse the Store's cache by SHA-256; returns (results, files extracted now)."""
    from crawler.extract import EXTRACTOR_VERSION

    found: dict[str, ExtractedText] = {}
    todo: list[tuple[Path, str, str | None]] = []
    queued: set[str] = set()
    for path, sha256, fmt in items:
        if sha256 in found or sha256 in queued:
            continue
        cached = store.cached_extraction(sha256, EXTRACTOR_VERSION)
        if cached is not None:
            found[sha256] = cached
        else:
            todo.append((path, sha256, fmt))
            queued.add(sha256)
    for result in extract_many(todo, settings):
        found[result.sha256] = result
        if result.cacheable:
            store.cache_extraction(result)
    return [found[sha256] for _, sha256, _ in items], len(todo)
