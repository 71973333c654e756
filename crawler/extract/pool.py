"""Documents read by long-lived worker processes, each under a memory limit (RLIMIT_AS) and a time limit.

A worker reads one document at a time and is reused (a fork per document halved the throughput of text
PDFs); it is replaced after a number of documents, after a document that grew its memory, and at once when
it dies or overruns its time (it is killed). A PDF that inflates to gigabytes, a parser that loops or a
crashing C library only lose that one document, which gets a Russian reason.

Workers are forked by multiprocessing's fork server, a single-threaded process that imports the parsers once:
a worker starts with them loaded and with no other thread's locks. Forked straight from the run's process, a
worker inherited whatever another thread held at that moment — an in-process site server writing a DOCX held
the lock of python-docx's shared XML parser, and the worker's first DOCX hung until its 60 s limit and came
back «превышено время» (the demo district, `make demo`). As with every non-fork start method, a script that
starts a run needs the `if __name__ == "__main__":` guard (the fork server imports the script once).

`ExtractionPool` is one queue for every organization of a run: documents are submitted as each site's crawl
arrives and read on every core while other sites are still being crawled.
"""

from __future__ import annotations

import multiprocessing
import os
import resource
import signal
import time
from collections import deque
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import TYPE_CHECKING, Any

from crawler.config import ExtractSettings
from crawler.models import ExtractedText, FailureKind

if TYPE_CHECKING:
    from crawler.store import Store

_MB = 1024 * 1024
DOCUMENTS_PER_WORKER = 40  # then a fresh process: memory a parser kept is given back
REGROWTH_SHARE = 0.5  # a worker whose mapped memory grew by half its allowance is replaced after that document
PRELOAD = (
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
)


def _available(modules: tuple[str, ...]) -> list[str]:
    """The modules that can be imported (an optional parser missing only fails the files that need it; the fork
    server would stop at it)."""
    from importlib.util import find_spec

    found = []
    for name in modules:
        try:
            if find_spec(name) is not None:
                found.append(name)
        except ImportError:
            pass
    return found


def _vm_bytes() -> int:
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _memory_failure(sha256: str, fmt: str | None, settings: ExtractSettings) -> ExtractedText:
    from crawler.extract import EXTRACTOR_VERSION

    return ExtractedText(
        sha256=sha256,
        format=fmt or "unknown",
        error=f"не хватило памяти при обработке документа (предел {settings.memory_limit_mb} МБ)",
        failure=FailureKind.transient,
        extractor_version=EXTRACTOR_VERSION,
    )


def _worker(conn: Connection, settings: ExtractSettings) -> None:
    """A worker's life: read documents sent over `conn` until told to stop or until it should be replaced."""
    import faulthandler

    from crawler.extract import extract_file

    faulthandler.disable()  # a library crash is reported as a reason, not a stack dump
    os.environ["OMP_THREAD_LIMIT"] = "1"
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle
    baseline = _vm_bytes()
    limit = baseline + settings.memory_limit_mb * _MB
    try:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ValueError, OSError):
        pass
    for _ in range(DOCUMENTS_PER_WORKER):
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        path, sha256, fmt = task
        try:
            result = extract_file(Path(path), sha256, settings, fmt)
        except MemoryError:
            result = _memory_failure(sha256, fmt, settings)
        grown = _vm_bytes() - baseline > settings.memory_limit_mb * _MB * REGROWTH_SHARE
        try:
            conn.send((result.model_dump(mode="json"), grown))
        except MemoryError:
            conn.send((_memory_failure(sha256, fmt, settings).model_dump(mode="json"), True))
        if grown:
            return


@dataclass
class _Task:
    path: Path
    sha256: str
    fmt: str | None


@dataclass
class _Worker:
    process: BaseProcess
    conn: Connection
    task: _Task | None = None
    deadline: float = 0.0
    served: int = 0


@dataclass
class ExtractionPool:
    """`settings.workers` reusable workers reading submitted documents; results by SHA-256.

    With a store, results already cached are answered at once and new ones that are the file's own are
    cached (a missing program, a timeout or a crash are not: the file is read again next time).
    """

    settings: ExtractSettings
    store: Store | None = None
    extracted_now: int = 0
    _queue: deque[_Task] = field(default_factory=deque)
    _workers: list[_Worker] = field(default_factory=list)
    _results: dict[str, ExtractedText] = field(default_factory=dict)
    _known: set[str] = field(default_factory=set)
    _context: Any = None

    def __enter__(self) -> ExtractionPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the caller's side

    def submit(self, path: Path, sha256: str, fmt: str | None) -> None:
        """Queue one document (once per SHA-256; a cached result is ready at once)."""
        if sha256 in self._known:
            return
        self._known.add(sha256)
        if self.store is not None:
            from crawler.extract import EXTRACTOR_VERSION

            cached = self.store.cached_extraction(sha256, EXTRACTOR_VERSION)
            if cached is not None:
                self._results[sha256] = cached
                return
        self._queue.append(_Task(Path(path), sha256, fmt))

    def forget(self, sha256: str) -> None:
        """Let a result go once no organization waits for it (a region's texts are not all kept until the end);
        the same file submitted again is answered from the store's cache."""
        self._results.pop(sha256, None)
        self._known.discard(sha256)

    def ready(self, sha256: str) -> bool:
        return sha256 in self._results

    def result(self, sha256: str) -> ExtractedText | None:
        return self._results.get(sha256)

    @property
    def busy(self) -> bool:
        return bool(self._queue) or any(w.task is not None for w in self._workers)

    def poll(self, timeout: float = 0.0) -> None:
        """Start queued documents on free workers and collect what finished, waiting at most `timeout`."""
        self._dispatch()
        running = [w for w in self._workers if w.task is not None]
        if not running:
            return
        nearest = min(w.deadline for w in running)
        waitables: list[Any] = [w.conn for w in running] + [w.process.sentinel for w in running]
        wait(waitables, timeout=max(0.0, min(timeout, nearest - time.monotonic())))
        for worker in running:
            self._collect(worker)
        self._dispatch()

    def drain(self) -> None:
        """Read everything submitted so far."""
        while self.busy:
            self.poll(timeout=1.0)

    def close(self) -> None:
        for worker in self._workers:
            self._stop(worker, kill=worker.task is not None)
        self._workers.clear()

    # -- workers

    def _dispatch(self) -> None:
        while self._queue:
            worker = next((w for w in self._workers if w.task is None), None)
            if worker is None:
                if len(self._workers) >= self.settings.workers:
                    return
                worker = self._start()
            task = self._queue.popleft()
            try:
                worker.conn.send((str(task.path), task.sha256, task.fmt))
            except (BrokenPipeError, OSError):  # the worker left (it is replaced after N documents)
                self._queue.appendleft(task)
                self._retire(worker)
                continue
            worker.task = task
            worker.deadline = time.monotonic() + self.settings.timeout_seconds

    def _start(self) -> _Worker:
        if self._context is None:
            self._context = multiprocessing.get_context("forkserver")
            # the server is one per process: the first pool's call starts it with the parsers loaded
            self._context.set_forkserver_preload(["__main__", *_available(PRELOAD), "crawler.extract"])
        parent, child = self._context.Pipe(duplex=True)
        process = self._context.Process(target=_worker, args=(child, self.settings), daemon=True)
        process.start()
        child.close()  # the worker's end: a dead worker is then seen as EOF here
        worker = _Worker(process, parent)
        self._workers.append(worker)
        return worker

    def _collect(self, worker: _Worker) -> None:
        task = worker.task
        if task is None:
            return
        if worker.conn.poll():
            try:
                data, grown = worker.conn.recv()
                self._finish(ExtractedText.model_validate(data))
                worker.task = None
                worker.served += 1
                if grown or worker.served >= DOCUMENTS_PER_WORKER:
                    self._retire(worker)
                return
            except (EOFError, OSError):
                pass
        if not worker.process.is_alive() or (not worker.conn.poll() and time.monotonic() >= worker.deadline):
            timed_out = worker.process.is_alive()
            self._retire(worker, kill=True)
            reason = (
                f"превышено время обработки документа ({self.settings.timeout_seconds:g} с), обработка остановлена"
                if timed_out
                else _died_reason(worker.process.exitcode, self.settings)
            )
            self._finish(_failure(task, reason))

    def _finish(self, result: ExtractedText) -> None:
        self._results[result.sha256] = result
        self.extracted_now += 1
        if self.store is not None and result.cacheable:
            self.store.cache_extraction(result)

    def _retire(self, worker: _Worker, *, kill: bool = False) -> None:
        self._stop(worker, kill=kill)
        if worker in self._workers:
            self._workers.remove(worker)

    @staticmethod
    def _stop(worker: _Worker, *, kill: bool) -> None:
        if kill:
            worker.process.kill()
        else:
            try:
                worker.conn.send(None)
            except (BrokenPipeError, OSError):
                pass
        worker.process.join(timeout=5)
        if worker.process.is_alive():
            worker.process.kill()
            worker.process.join()
        worker.conn.close()


def _failure(task: _Task, reason: str) -> ExtractedText:
    """A dead, killed or timed-out worker says nothing about the file: it is read again next time."""
    from crawler.extract import EXTRACTOR_VERSION

    return ExtractedText(
        sha256=task.sha256,
        format=task.fmt or "unknown",
        error=reason,
        failure=FailureKind.transient,
        extractor_version=EXTRACTOR_VERSION,
    )


def _died_reason(exitcode: int | None, settings: ExtractSettings) -> str:
    if exitcode is not None and exitcode < 0 and -exitcode in (signal.SIGSEGV, signal.SIGABRT, signal.SIGKILL):
        return (
            f"обработка документа прервана: не хватило памяти или сбой библиотеки "
            f"(предел {settings.memory_limit_mb} МБ)"
        )
    return f"обработка документа завершилась аварийно (код {exitcode})"


def extract_many(items: list[tuple[Path, str, str | None]], settings: ExtractSettings) -> list[ExtractedText]:
    """Extract (path, sha256, format) items, settings.workers at a time; results in the order of `items`."""
    if multiprocessing.current_process().daemon:  # a daemon may not start workers: read in this process
        from crawler.extract import extract_file

        return [extract_file(Path(path), sha256, settings, fmt) for path, sha256, fmt in items]
    with ExtractionPool(settings) as pool:
        for path, sha256, fmt in items:
            pool.submit(path, sha256, fmt)
        pool.drain()
        return [r for _, sha256, _ in items if (r := pool.result(sha256)) is not None]


def extract_cached(
    items: list[tuple[Path, str, str | None]], settings: ExtractSettings, store: Store
) -> tuple[list[ExtractedText], int]:
    """Like extract_many, but reuse the Store's cache by SHA-256; returns (results, files extracted now)."""
    with ExtractionPool(settings, store) as pool:
        for path, sha256, fmt in items:
            pool.submit(path, sha256, fmt)
        pool.drain()
        return [r for _, sha256, _ in items if (r := pool.result(sha256)) is not None], pool.extracted_now
