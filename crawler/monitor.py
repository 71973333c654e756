"""The monitoring job: registry → crawl → extract → classify → evaluate → store → report.

The core of every command that checks sites: `run_period` (the January/May monitoring), `recheck` (one
organization now), `retry` (the period's unreachable sites again) and `regenerate` (a past brief from the
store). They share one loop, `check_orgs`, return typed outcomes, report progress through an optional
callback and never print: the command line (crawler.cli) presents. Failures are raised as the exceptions of
crawler.errors, which carry their exit codes.

`check_organization` is the whole check of one organization given its crawl, with no state shared between
organizations: a queue (RQ, scrapy-redis) could run it on many machines.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout
from pydantic import BaseModel, ConfigDict

from crawler.config import AppConfig, ConfigError, load_config
from crawler.doctor import check_programs, check_writable, run_warnings
from crawler.errors import CrawlerError, InputError, PeriodLocked, RunInterrupted, os_error_ru
from crawler.logs import attach_file_log, detach
from crawler.models import (
    AnalyzedDocument,
    DocumentRecord,
    ExtractedText,
    Organization,
    OrgCrawlResult,
    OrgFindings,
    Registry,
)
from crawler.notify import notify
from crawler.outputs import (
    brief_settings,
    prune_archive,
    rules_edition,
    settle_brief_settings,
    write_outputs,
)
from crawler.overrides import Override
from crawler.registry import RegistryError, load_registry
from crawler.ruleset import RuleSet
from crawler.store import Store

log = logging.getLogger(__name__)


# ------------------------------------------------------------------------------------------ inputs


class Inputs(BaseModel):
    """Everything a check reads before it touches the network, validated."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    config: AppConfig
    registry: Registry
    orgs: list[Organization]
    ruleset: RuleSet
    overrides: list[Override]


def load_config_or_fail(path: Path | None) -> AppConfig:
    try:
        return load_config(path)
    except ConfigError as exc:
        raise InputError(f"Ошибка в настройках:\n{exc}") from None


def load_ruleset_or_fail(rules_dir: Path | None) -> RuleSet:
    from crawler.ruleset import RulesError, load_ruleset

    try:
        return load_ruleset(rules_dir)
    except RulesError as exc:
        raise InputError(f"Ошибка в файлах правил:\n{exc}") from None


def load_inputs(
    registry_path: Path, config_path: Path | None, rules_dir: Path | None, org_ids: Iterable[str] = ()
) -> Inputs:
    """Read settings, registry, rules and overrides; a problem in any becomes an InputError in Russian."""
    from crawler.overrides import OverridesError, load_overrides

    config = load_config_or_fail(config_path)
    try:
        registry = load_registry(registry_path)
    except RegistryError as exc:
        raise InputError("Реестр содержит ошибки:\n" + "\n".join(f"  • {p}" for p in exc.problems)) from None
    wanted = list(org_ids)
    unknown = [i for i in wanted if registry.get(i) is None]
    if unknown:
        raise InputError(f"В реестре {registry_path} нет организаций: {', '.join(unknown)}")
    orgs = [o for o in registry.organizations if not wanted or o.id in wanted]
    ruleset = load_ruleset_or_fail(rules_dir or config.rules_dir)
    try:
        overrides = load_overrides(config.overrides, known_rules={r.id for r in ruleset.rules})
    except OverridesError as exc:
        raise InputError(f"Ошибка в файле ручных решений:\n{exc}") from None
    return Inputs(config=config, registry=registry, orgs=orgs, ruleset=ruleset, overrides=overrides)


def open_store(db: Path, *, must_exist: bool = False) -> Store:
    if must_exist and not db.exists():
        raise InputError(f"Файл базы {db} не найден.")
    return Store(db)


def period_lock(db: Path, period: str) -> FileLock:
    """One lock file per database and period: two runs of one period never overlap."""
    db.parent.mkdir(parents=True, exist_ok=True)
    return FileLock(str(db.with_name(f"{db.name}.{period}.lock")))


def acquire(lock: FileLock, period: str, *, wait: bool = False, timeout: float | None = None) -> None:
    try:
        lock.acquire(timeout=timeout if timeout is not None else (-1 if wait else 0))
    except Timeout:
        raise PeriodLocked(
            f"Мониторинг периода {period} уже выполняется другим процессом. "
            "Дождитесь его окончания или запустите с --wait."
        ) from None


# ---------------------------------------------------------------------------------------- progress


@dataclass(frozen=True)
class RunStarted:
    run_id: int
    period: str
    today: date
    total: int
    remaining: int  # fewer than total when an interrupted run is resumed
    resumed: bool
    machine_warnings: list[str]
    log_file: Path | None
    warnings: list[str] = field(default_factory=list)  # about the request itself (a --today outside the period)


@dataclass(frozen=True)
class OrgCrawled:
    org: Organization
    crawl: OrgCrawlResult
    done: int
    total: int


@dataclass(frozen=True)
class OrgChecked:
    org: Organization
    crawl: OrgCrawlResult
    findings: OrgFindings


Event = RunStarted | OrgCrawled | OrgChecked
Progress = Callable[[Event], None]


def _silent(event: Event) -> None:
    pass


# ------------------------------------------------------------------------------- one organization


def stored_documents(crawl: OrgCrawlResult, store: Store) -> list[tuple[Path, str, str | None]]:
    """(blob path, SHA-256, format) of the organization's documents the crawl stored, for extraction."""
    if not crawl.reachable:
        return []
    return [
        (store.blobs.path(d.sha256), d.sha256, d.format)
        for d in crawl.documents
        if d.sha256 and store.blobs.has(d.sha256)
    ]


def analyze_documents(
    org: Organization,
    crawl: OrgCrawlResult,
    store: Store,
    inputs: Inputs,
    extractions: Mapping[str, ExtractedText] | None = None,
) -> list[AnalyzedDocument]:
    """Classify every document (extracted through the cache unless `extractions` has them) and section page."""
    from crawler.classify import analyze
    from crawler.crawl.links import is_site_chrome
    from crawler.extract import extract_cached, html_to_text

    if not crawl.reachable:
        return []
    vocabulary = inputs.ruleset.vocabulary_path()
    if extractions is None:
        results, _ = extract_cached(stored_documents(crawl, store), inputs.config.extract, store)
        extractions = {r.sha256: r for r in results}

    analyzed: list[AnalyzedDocument] = []
    for doc in crawl.documents:
        extraction = extractions.get(doc.sha256) if doc.sha256 else None
        readable = extraction is not None and not extraction.error
        if readable or doc.link_text or doc.file_name or doc.viewer_title:
            # an unreadable or missing file is classified by its label alone, so the rules can say
            # «документ есть, но прочитать его не удалось» instead of «нет документа»
            parts = analyze(
                extraction.text if readable and extraction else "",
                fmt=extraction.format if readable and extraction else doc.format,
                link_text=doc.link_text,
                file_name=doc.file_name,
                viewer_title=doc.viewer_title,
                org_name=org.name,
                signature_field=bool(readable and extraction and extraction.signature_field),
                vocabulary_path=vocabulary,
            )
        else:
            parts = []
        analyzed.append(AnalyzedDocument(record=doc, extraction=extraction, parts=parts))

    section_urls = set(crawl.section.pages if crawl.section else [])
    for page in crawl.pages:
        if not (page.is_section or page.url in section_urls):
            continue
        # the stored HTML keeps the line structure that splitting a pasted order into parts needs; the site's menus
        # and breadcrumbs are left out: «Главная / Наставничество / Положение об оплате труда» is no mentoring clause
        text = page.text
        if page.sha256 and store.blobs.has(page.sha256):
            text = html_to_text(store.blobs.path(page.sha256).read_bytes(), chrome=is_site_chrome)
        if not text:
            continue
        record = DocumentRecord(
            url=page.url,
            final_url=page.final_url,
            source_page=page.url,
            link_text=page.heading or page.title,
            format="html",
            sha256=page.sha256,
            http_status=page.status,
            fetched_at=page.fetched_at,
            in_section=True,
        )
        extraction = ExtractedText(sha256=page.sha256 or "", format="html", text=text)
        parts = analyze(
            text, fmt="html", link_text=page.heading or page.title, org_name=org.name, vocabulary_path=vocabulary
        )
        analyzed.append(AnalyzedDocument(record=record, extraction=extraction, parts=parts))
    return analyzed


def check_organization(
    org: Organization,
    crawl: OrgCrawlResult,
    inputs: Inputs,
    store: Store,
    today: date,
    extractions: Mapping[str, ExtractedText] | None = None,
) -> OrgFindings:
    """Analyze and evaluate one crawled organization; an internal failure makes it «не удалось проверить»."""
    from crawler.evaluate import evaluate_org
    from crawler.evaluate.checks.practices import with_practices
    from crawler.facts import with_facts

    ruleset, overrides = inputs.ruleset, inputs.overrides
    try:
        documents = analyze_documents(org, crawl, store, inputs, extractions)
        findings = evaluate_org(org, crawl, documents, ruleset, today, overrides)
        findings = with_facts(findings, documents, today, ruleset.source_dir)  # names masked, facts attached
        return with_practices(findings, org, crawl, documents, ruleset, today)  # the registry's items (4.1)
    except Exception as exc:  # a broken document or a bug must not cost the whole district's run
        log.exception("analysis of %s failed", org.id)
        failed = crawl.model_copy(
            update={"reachable": False, "failure_reason": f"внутренняя ошибка при анализе документов: {exc}"}
        )
        return evaluate_org(org, failed, [], ruleset, today, overrides)


def check_orgs(
    orgs: list[Organization],
    inputs: Inputs,
    store: Store,
    run_id: int,
    today: date,
    *,
    progress: Progress = _silent,
    log_file: Path | None = None,
    ignore_robots: bool = False,
    crawled: dict[str, OrgCrawlResult] | None = None,
    keep: bool = True,
) -> dict[str, tuple[OrgCrawlResult, OrgFindings]]:
    """Crawl the organizations (one crawl process) and check each one as soon as its crawl and documents are in.

    Streaming: a site's documents go to one extraction queue shared by every organization as soon as its crawl
    arrives, so the cores read documents while other sites are still being crawled; an organization is
    evaluated and stored when its last document is read. Each crawl is saved as it arrives (so --resume keeps
    it); `crawled` holds crawls saved by an interrupted run, which are not repeated. With keep=False nothing is
    returned and a crawl is not held while its documents wait to be read (it is read back from the store when
    they are): the crawl runs ahead of the reading, and a region's run keeps flat memory.
    """
    from crawler.crawl import CrawlRun
    from crawler.extract.pool import ExtractionPool

    by_id = {o.id: o for o in orgs}
    crawls = dict(crawled or {})
    todo = [o for o in orgs if o.id not in crawls]
    settings = inputs.config.crawl.model_copy(update={"obey_robots": False} if ignore_robots else {})
    previous = {o.id: store.previous_fetches(o.id) for o in todo}
    checked: dict[str, tuple[OrgCrawlResult, OrgFindings]] = {}
    waiting: dict[str, list[str]] = {}  # organization → the documents it waits for

    with (
        ExtractionPool(inputs.config.extract, store) as pool,
        CrawlRun(todo, settings, store.blobs.root, previous, log_file) as crawl_run,
    ):

        def arrived(crawl: OrgCrawlResult) -> None:
            items = stored_documents(crawl, store)
            for path, sha256, fmt in items:
                pool.submit(path, sha256, fmt)
            waiting[crawl.org_id] = [sha for _, sha, _ in items]

        for crawl in crawls.values():
            arrived(crawl)
        crawl_open = bool(todo)
        crawled_count = len(crawls)
        while not crawl_run.done or waiting:
            if crawl_open and crawl_run.done:
                crawl_open = False
                log.info("crawl of %d organizations finished; %d wait for their documents", len(todo), len(waiting))
            result = crawl_run.next_result(timeout=0.05 if waiting else 1.0)
            if result is not None and result.machine_error:  # a full disk: the run fails (resumable), not the site
                raise CrawlerError(
                    f"обход остановлен: {result.machine_error}. Освободите место и продолжите: crawler run --resume …"
                )
            if result is not None:
                org = by_id[result.org_id]
                store.save_crawl(run_id, org.name, org.kind.value, org.site, result)
                crawled_count += 1
                if keep:
                    crawls[result.org_id] = result
                progress(OrgCrawled(org, result, crawled_count, len(orgs)))
                arrived(result)
            pool.poll(timeout=0.05 if waiting else 0.0)
            for org_id in [o for o, shas in waiting.items() if all(pool.ready(s) for s in shas)]:
                org = by_id[org_id]
                crawl = crawls.pop(org_id) if org_id in crawls else store.crawl_results(run_id, [org_id])[org_id]
                extractions = {s: r for s in waiting.pop(org_id) if (r := pool.result(s)) is not None}
                still_wanted = {s for shas in waiting.values() for s in shas}
                for sha in extractions.keys() - still_wanted:  # another site may publish the same file
                    pool.forget(sha)
                findings = check_organization(org, crawl, inputs, store, today, extractions)
                store.save_findings(run_id, findings, inputs.ruleset.version)
                progress(OrgChecked(org, crawl, findings))
                if keep:
                    checked[org_id] = (crawl, findings)
    return {o.id: checked[o.id] for o in orgs} if keep else {}


# -------------------------------------------------------------------------------- the period's run


class RunRequest(BaseModel):
    registry: Path
    db: Path
    out: Path
    period: str
    today: date
    org_ids: list[str] = []
    config: Path | None = None
    rules_dir: Path | None = None
    kind: str = "scheduled"
    resume: bool = False
    wait: bool = False
    ignore_robots: bool = False
    if_missing: bool = False  # catch-up: run only when the period has no finished scheduled run


@dataclass(frozen=True)
class OrgSummary:
    """One line of the end-of-run table: what was found and what went wrong (kept instead of the whole crawl)."""

    org_id: str
    name: str
    reachable: bool
    section_found: bool
    documents: int
    requests: int
    lost_pages: int
    unreadable: int
    score: float | None

    @classmethod
    def of(cls, crawl: OrgCrawlResult, findings: OrgFindings) -> OrgSummary:
        return cls(
            findings.id,
            findings.name,
            findings.reachable,
            bool(findings.section_url),
            len(findings.documents),
            crawl.requests,
            len(crawl.lost_pages),
            sum(1 for d in findings.documents if d.error),
            findings.score,
        )


@dataclass
class RunOutcome:
    period: str
    run_id: int | None = None
    skipped: bool = False  # --if-missing and the period already has its run
    paths: dict[str, Path] = field(default_factory=dict)
    summary: list[OrgSummary] = field(default_factory=list)  # in registry order
    log_file: Path | None = None
    brief_changes: list[str] = field(default_factory=list)  # settings of a resumed run that -c changed


# the files a finished run mails and names: a district's brief, or a region's summary
BRIEF_KEYS = ("html", "docx", "region_html", "region_docx")


def today_warning(period: str, today: date) -> str | None:
    """A --today outside the period's month: the documents are judged on one date, the brief names another."""
    if f"{today.year:04d}-{today.month:02d}" == period:
        return None
    return (
        f"дата оценки {today:%d.%m.%Y} (--today) не входит в период {period}: документы оцениваются на "
        f"{today:%d.%m.%Y}, а справка составляется за {period}. Проверьте --period и --today."
    )


def run_period(req: RunRequest, progress: Progress = _silent) -> RunOutcome:
    """`crawler run`: crawl, check and store every organization of the registry, then write the brief."""
    inputs = load_inputs(req.registry, req.config, req.rules_dir, req.org_ids)
    writable = check_writable(req.out, "каталог справок")
    if not writable.ok:  # found now, not after hours of crawling
        raise CrawlerError(f"запуск не начат: в каталог справок нельзя писать — {writable.detail}")
    store = open_store(req.db)
    lock = period_lock(req.db, req.period)
    acquire(lock, req.period, wait=req.wait)
    log_handler: logging.Handler | None = None
    try:
        store.mark_dead_runs_failed()
        if req.if_missing and store.latest_run(req.period, "scheduled"):
            return RunOutcome(period=req.period, skipped=True)
        safe_backup(store, inputs.config)
        machine = run_warnings(check_programs())
        run_id, done_ids = _start_or_resume(store, req, inputs, machine)
        req.out.mkdir(parents=True, exist_ok=True)
        log_file = req.out / f"run-{run_id}.log"
        log_handler = attach_file_log(log_file)
        log.info("run %s of %s started: %d organizations, today %s", run_id, req.period, len(inputs.orgs), req.today)
        for warning in machine:
            log.warning("this computer cannot read some documents: %s", warning)
        warnings = [w for w in (today_warning(req.period, req.today),) if w]
        for warning in warnings:
            log.warning("%s", warning)
        progress(
            RunStarted(
                run_id, req.period, req.today, len(inputs.orgs), len(inputs.orgs) - len(done_ids), bool(done_ids),
                machine, log_file, warnings,
            )
        )  # fmt: skip
        summary: dict[str, OrgSummary] = {}

        def noted(event: Event) -> None:
            if isinstance(event, OrgChecked):
                summary[event.org.id] = OrgSummary.of(event.crawl, event.findings)
            progress(event)

        try:
            crawled = {k: v for k, v in store.crawl_results(run_id).items() if k in done_ids}
            check_orgs(
                inputs.orgs, inputs, store, run_id, req.today, progress=noted, log_file=log_file,
                ignore_robots=req.ignore_robots, crawled=crawled, keep=False,
            )  # fmt: skip
            store.finish_run(run_id, "done")
            log.info("all %d organizations checked", len(inputs.orgs))
        except BaseException as exc:
            _fail_run(store, run_id, req.period, inputs.config, exc, log_file)
            raise
        try:
            changes = settle_brief_settings(store, run_id, inputs.config, inputs.registry, req.config is not None)
            paths = write_outputs(store, run_id, req.out, inputs.config, inputs.ruleset, inputs.registry)
        except OSError as exc:  # a full disk or a folder made read-only during the run: the findings are kept
            store.finish_run(run_id, "failed", f"справка не записана: {os_error_ru(exc)}")
            raise CrawlerError(
                f"итоги запуска № {run_id} сохранены в базе, но справка не записана в {req.out}: "
                f"{os_error_ru(exc)} ({exc.filename or req.out}). Освободите место или дайте права на запись "
                f"и продолжите: crawler run --resume --period {req.period} …"
            ) from exc
        removed = prune_archive(store, inputs.config.retention_periods)
        if removed:
            log.info(
                "retention: removed %d blobs of periods older than the last %d",
                removed,
                inputs.config.retention_periods,
            )
        notify(
            inputs.config.smtp,
            f"Мониторинг сайтов {req.period}: справка готова",
            f"Справка по итогам мониторинга за {req.period} во вложении.",
            [p for k, p in paths.items() if k in BRIEF_KEYS],
        )
        log.info("run %s finished: brief %s", run_id, paths.get("html") or paths.get("region_html"))
        return RunOutcome(
            period=req.period,
            run_id=run_id,
            paths=paths,
            summary=[summary[o.id] for o in inputs.orgs if o.id in summary],
            log_file=log_file,
            brief_changes=changes,
        )
    finally:
        if log_handler is not None:
            detach(log_handler)
        lock.release()


def _fail_run(store: Store, run_id: int, period: str, config: AppConfig, exc: BaseException, log_file: Path) -> None:
    """Mark the run failed (it can be resumed), say so by e-mail, and turn the cause into a CrawlerError."""
    store.finish_run(run_id, "failed", f"{type(exc).__name__}: {exc}")
    log.error("run %s failed", run_id, exc_info=exc)
    if isinstance(exc, KeyboardInterrupt | SystemExit):
        code = exc.code if isinstance(exc, SystemExit) and isinstance(exc.code, int) else 130
        raise RunInterrupted(
            f"Запуск № {run_id} прерван. Продолжить: crawler run --resume --period {period} …", code
        ) from exc
    reason = failure_ru(exc)
    notify(
        config.smtp,
        f"Мониторинг сайтов {period}: сбой запуска № {run_id}",
        f"Запуск № {run_id} завершился сбоем: {reason}\nЖурнал: {log_file}",
    )
    if not isinstance(exc, CrawlerError):
        raise CrawlerError(
            f"запуск № {run_id} завершился сбоем: {reason}. Сделанное сохранено; после исправления продолжите: "
            f"crawler run --resume --period {period} …  Журнал: {log_file}"
        ) from exc


def failure_ru(exc: BaseException) -> str:
    """The cause of a failed run in words a sysadmin acts on (disk, permissions), the raw text otherwise."""
    import sqlite3

    from crawler.store import disk_error_ru

    if isinstance(exc, OSError):
        return f"{os_error_ru(exc)}" + (f" ({exc.filename})" if exc.filename else "")
    if isinstance(exc, sqlite3.Error):
        return f"база истории: {disk_error_ru(exc)}"
    return f"{type(exc).__name__}: {exc}"


def safe_backup(store: Store, config: AppConfig) -> None:
    """A copy of the database before it is changed; a failure to copy is logged, never fatal."""
    try:
        copy = store.backup(config.db_backups)
    except Exception as exc:  # the copy is a precaution: a failure is logged and the run goes on
        log.warning("database backup failed: %s", exc)
        return
    if copy is not None:
        log.info("database backed up to %s", copy)


def _start_or_resume(
    store: Store, req: RunRequest, inputs: Inputs, machine_warnings: list[str]
) -> tuple[int, set[str]]:
    """A new run, or with --resume the period's last run if it was interrupted (with the orgs it already has)."""
    if req.resume:
        runs = [r for r in store.runs(req.period) if r["kind"] == req.kind]
        if runs and runs[-1]["status"] in ("failed", "running"):
            run_id = runs[-1]["id"]
            return run_id, store.resume_run(run_id)
        log.info("nothing to resume for %s: starting a new run", req.period)
    edition = rules_edition(inputs.ruleset)
    options = {
        "registry": str(req.registry),
        "orgs": req.org_ids,
        "order": [o.id for o in inputs.orgs],
        "machine_warnings": machine_warnings,
        # what the brief is signed and dated with: rebuilds of this period use the same
        "brief": brief_settings(inputs.config, inputs.registry.district),
        "rules_edition": edition.isoformat() if edition else None,
    }
    if len(inputs.registry.districts()) > 1:  # a region: one brief per district and the region's summary
        options["districts"] = {o.id: o.district or inputs.registry.district for o in inputs.orgs}
        options["region"] = inputs.registry.region or inputs.registry.district
    run_id = store.start_run(req.period, req.kind, req.today.isoformat(), inputs.ruleset.version, options)
    return run_id, set()


# ---------------------------------------------------------------------------------------- recheck


@dataclass
class RecheckOutcome:
    ruleset: RuleSet
    org: Organization
    crawl: OrgCrawlResult
    after: OrgFindings
    before: OrgFindings | None
    base_period: str | None  # the period's scheduled run the result was compared with
    applied: bool = False
    paths: dict[str, Path] = field(default_factory=dict)
    brief_changes: list[str] = field(default_factory=list)  # what -c changed of the stored signatory etc.
    brief_signatory: str = ""  # the signature the rebuilt brief carries
    warnings: list[str] = field(default_factory=list)


def recheck(
    org_id: str,
    *,
    registry: Path,
    db: Path,
    out: Path,
    period: str,
    today: date,
    rule_ids: list[str],
    apply: bool,
    config: Path | None,
    rules_dir: Path | None,
) -> RecheckOutcome:
    """`crawler recheck ORG_ID`: crawl one organization now; with apply, put the result into the period's brief."""
    inputs = load_inputs(registry, config, rules_dir, [org_id])
    known_rules = {r.id for r in inputs.ruleset.rules}
    unknown = [r for r in rule_ids if r not in known_rules]
    if unknown:
        raise InputError(f"неизвестные критерии: {', '.join(unknown)}; есть: {', '.join(sorted(known_rules))}")
    store = open_store(db)
    org = inputs.orgs[0]
    base = store.latest_run(period, "scheduled")
    before = next((f for f in store.findings(base["id"]) if f.id == org.id), None) if base else None
    if apply and base is None:
        raise InputError(f"за период {period} нет завершённого планового мониторинга — вносить перепроверку некуда.")

    safe_backup(store, inputs.config)
    manual_run = store.start_run(period, "manual", today.isoformat(), inputs.ruleset.version, {"recheck": org.id})
    try:
        crawl, after = check_orgs([org], inputs, store, manual_run, today)[org.id]
        store.finish_run(manual_run, "done")
    except BaseException as exc:
        store.finish_run(manual_run, "failed", str(exc))
        if isinstance(exc, Exception) and not isinstance(exc, CrawlerError):
            raise CrawlerError(f"перепроверка не удалась: {exc}") from exc
        raise
    outcome = RecheckOutcome(inputs.ruleset, org, crawl, after, before, base["period"] if base else None)
    outcome.warnings = [w for w in (today_warning(period, today),) if w]
    if not apply or base is None:
        return outcome
    lock = period_lock(db, period)
    acquire(lock, period, timeout=600)
    try:
        _apply_to_run(store, base["id"], org, crawl, after, manual_run, inputs.ruleset.version)
        outcome.brief_changes = settle_brief_settings(
            store, base["id"], inputs.config, inputs.registry, config is not None
        )
        outcome.brief_signatory = stored_signatory(store, base["id"])
        outcome.paths = write_outputs(store, base["id"], out, inputs.config, inputs.ruleset, inputs.registry)
        outcome.applied = True
    finally:
        lock.release()
    return outcome


def _apply_to_run(
    store: Store,
    base_run: int,
    org: Organization,
    crawl: OrgCrawlResult,
    findings: OrgFindings,
    manual_run: int,
    rules_version: str,
) -> None:
    """Replace one organization's results in a period's run and note the recheck."""
    store.save_crawl(base_run, org.name, org.kind.value, org.site, crawl)
    store.save_findings(base_run, findings, rules_version)
    store.record_recheck(base_run, org.id, manual_run)


# ------------------------------------------------------------------------------------------ retry


@dataclass
class RetryOutcome:
    period: str
    nothing_to_do: str | None = None  # Russian: why nothing was retried
    back: list[Organization] = field(default_factory=list)  # reachable again, results applied
    still_down: list[tuple[Organization, str]] = field(default_factory=list)
    paths: dict[str, Path] = field(default_factory=dict)
    brief_changes: list[str] = field(default_factory=list)
    brief_signatory: str = ""


def retry(
    *,
    registry: Path,
    db: Path,
    out: Path,
    period: str,
    now: datetime | None,
    config: Path | None,
    rules_dir: Path | None,
) -> RetryOutcome:
    """`crawler retry`: recheck the period's unreachable organizations while the retry window is open."""
    inputs = load_inputs(registry, config, rules_dir)
    store = open_store(db)
    base = store.latest_run(period, "scheduled")
    if base is None:
        return RetryOutcome(period, f"За период {period} нет завершённого планового мониторинга; повторять нечего.")
    now = now or datetime.now(UTC)
    window = inputs.config.retry.for_days
    if now - datetime.fromisoformat(base["started_at"]) > timedelta(days=window):
        return RetryOutcome(period, f"Окно повторных проверок периода {period} закрыто ({window:g} сут.).")
    unreachable = {f.id for f in store.findings(base["id"]) if not f.reachable}
    todo = [o for o in inputs.orgs if o.id in unreachable]
    if not todo:
        return RetryOutcome(period, "Недоступных сайтов нет.")
    lock = period_lock(db, period)
    acquire(lock, period, wait=True)
    outcome = RetryOutcome(period)
    try:
        today = date.fromisoformat(base["today"])
        safe_backup(store, inputs.config)
        manual_run = store.start_run(period, "retry", today.isoformat(), inputs.ruleset.version, {"retry": True})
        try:
            checked = check_orgs(todo, inputs, store, manual_run, today)
            store.finish_run(manual_run, "done")
        except BaseException as exc:
            store.finish_run(manual_run, "failed", str(exc))
            if isinstance(exc, Exception) and not isinstance(exc, CrawlerError):
                raise CrawlerError(f"повторная проверка не удалась: {exc}") from exc
            raise
        for org in todo:
            crawl, findings = checked[org.id]
            if crawl.reachable:
                _apply_to_run(store, base["id"], org, crawl, findings, manual_run, inputs.ruleset.version)
                outcome.back.append(org)
            else:
                outcome.still_down.append((org, crawl.failure_reason or "сайт не ответил"))
        if outcome.back:
            outcome.brief_changes = settle_brief_settings(
                store, base["id"], inputs.config, inputs.registry, config is not None
            )
            outcome.brief_signatory = stored_signatory(store, base["id"])
            outcome.paths = write_outputs(store, base["id"], out, inputs.config, inputs.ruleset, inputs.registry)
    finally:
        lock.release()
    return outcome


# -------------------------------------------------------------------------- briefs and exports


def finished_run(store: Store, period: str | None) -> dict[str, Any]:
    """The period's scheduled run (or its latest run of any kind)."""
    run = store.latest_run(period, "scheduled") or store.latest_run(period)
    if run is None:
        where = f" за период {period}" if period else ""
        raise InputError(f"В базе {store.db_path} нет завершённых запусков{where}.")
    return run


@dataclass
class ReportOutcome:
    paths: dict[str, Path]
    stored_rules_version: str | None  # set when the findings were made under other rules than today's
    brief_changes: list[str] = field(default_factory=list)  # what -c changed of the stored signatory etc.
    brief_signatory: str = ""  # the signature the rebuilt brief carries


def stored_signatory(store: Store, run_id: int) -> str:
    """«Методист … И. И. Иванова»: the signature a period's brief carries (stored with its run)."""
    from crawler.outputs import run_options

    run = store.run(run_id)
    settings = run_options(run).get("brief") if run else None
    if not isinstance(settings, dict):
        return ""
    return " ".join(x for x in (settings.get("signatory_position"), settings.get("signatory_name")) if x)


def regenerate(
    *, db: Path, period: str | None, out: Path, compare_with: str | None, config: Path | None, rules_dir: Path | None
) -> ReportOutcome:
    """`crawler report`: rebuild a past brief from the store, with the findings and the signature as they
    were stored (a configuration given with -c changes the fields it states)."""
    app_config = load_config_or_fail(config)
    store = open_store(db, must_exist=True)
    run = finished_run(store, period)
    ruleset = load_ruleset_or_fail(rules_dir or app_config.rules_dir)
    stored = run.get("rules_version")
    changes = settle_brief_settings(store, run["id"], app_config, None, config is not None)
    paths = write_outputs(store, run["id"], out, app_config, ruleset, None, compare_with)
    return ReportOutcome(
        paths, stored if stored and stored != ruleset.version else None, changes, stored_signatory(store, run["id"])
    )


def period_findings(db: Path, period: str | None) -> tuple[dict[str, Any], list[OrgFindings]]:
    """The findings of a period's run in the brief's order (for `crawler export`)."""
    from crawler.outputs import ordered

    store = open_store(db, must_exist=True)
    run = finished_run(store, period)
    return run, ordered(store.findings(run["id"]), run)


def latest_findings_of(db: Path, org_id: str, period: str | None) -> tuple[dict[str, Any], OrgFindings]:
    """`crawler show`: the newest stored verdicts of one organization."""
    store = open_store(db, must_exist=True)
    found = store.latest_findings_of(org_id, period)
    if found is None:
        raise InputError(f"в базе нет итогов по организации «{org_id}»" + (f" за {period}." if period else "."))
    return found


# ----------------------------------------------------------------------------------- the annual report


@dataclass
class AnnualOutcome:
    year: int
    periods: list[str]
    paths: dict[str, Path]
    signatory: str = ""
    stored_rules_versions: list[str] = field(default_factory=list)  # findings made under other rules than today's


def annual_report(*, db: Path, year: int, out: Path, config: Path | None, rules_dir: Path | None) -> AnnualOutcome:
    """`crawler report --year YYYY`: the annual analytic report (roadmap item 5.6) from the store.

    The year is the calendar year of the monitoring periods (2026 → 2026-01, 2026-05 …). Each period is taken as
    its brief was made (its run of record, rechecks and retries applied; the brief's own numbers), with the
    signatory, executor and basis stored with the year's last monitoring; a configuration given with -c changes
    the fields it states, for this report only.
    """
    from crawler.outputs import (
        archive_dir_name,
        archive_evidence,
        brief_settings,
        build_brief_data,
        explicit_settings,
        ordered,
        practice_registry,
        run_options,
        signing,
    )
    from crawler.report import build_view, write_annual
    from crawler.report.annual import AnnualData, RunNote

    app_config = load_config_or_fail(config)
    store = open_store(db, must_exist=True)
    runs = store.monitoring_runs(year=year)
    if not runs:
        raise InputError(f"В базе {store.db_path} нет завершённых плановых мониторингов за {year} год.")
    ruleset = load_ruleset_or_fail(rules_dir or app_config.rules_dir)
    views = []
    for run in runs:
        findings = ordered(store.findings(run["id"]), run)
        data = build_brief_data(store, run, findings, app_config, ruleset, None, None)
        data = data.model_copy(update={"practices": practice_registry(store, run["period"], run["id"])})
        views.append(build_view(data))
    last = runs[-1]
    settings = run_options(last).get("brief")
    if not isinstance(settings, dict):
        settings = brief_settings(app_config, views[-1].data.district)
    if config is not None:
        settings = {**settings, **explicit_settings(app_config)}
    applied = store.applied_runs()
    notes = [
        RunNote(
            period=r["period"],
            kind=r["kind"],
            org_names=store.org_names(r["id"]),
            at=datetime.fromisoformat(r["finished_at"] or r["started_at"]),
            applied=r["id"] in applied,
        )
        for r in store.year_runs(year)
        if r["kind"] != "scheduled"
    ]
    practices = practice_registry(store, last["period"], last["id"])
    archive = archive_dir_name(str(year))
    extensions = archive_evidence(store, [], out / archive, last["id"], practices)
    data = AnnualData(
        year=year,
        district=settings.get("district") or views[-1].data.district,
        **signing(settings, app_config),
        monitorings=views,
        other_runs=notes,
        practices=practices,
        earlier=bool(store.monitoring_runs(until=f"{year - 1:04d}-12")),
    )
    paths = write_annual(data, out, archive_dir=archive, archive_ext=extensions)
    versions = sorted(
        {str(r.get("rules_version")) for r in runs if r.get("rules_version") not in (None, ruleset.version)}
    )
    signatory = " ".join(x for x in (data.signatory_position, data.signatory_name) if x)
    return AnnualOutcome(year, [r["period"] for r in runs], paths, signatory, versions)
