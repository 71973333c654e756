"""The monitoring job: registry → crawl → extract → classify → evaluate → store → report.

This module only orchestrates; each stage lives in its own module. It also owns the
per-period lock, resuming an interrupted run, findings.json and `crawler export`.
"""

from __future__ import annotations

import csv
import json
import logging
import signal
import threading
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import IO, Any
from urllib.parse import unquote

from filelock import FileLock, Timeout
from pydantic import BaseModel, ConfigDict
from rich.console import Console
from rich.table import Table

from crawler.config import AppConfig, ConfigError, load_config
from crawler.doctor import check_programs, run_warnings
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
from crawler.outputs import findings_json, ordered, prune_archive, write_outputs
from crawler.registry import RegistryError, load_registry
from crawler.store import Store, StoreError

log = logging.getLogger(__name__)

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT, EXIT_LOCKED = 0, 1, 2, 4


class RunRequest(BaseModel):
    model_config = ConfigDict(arbitrary_types_allowed=True)

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
    quiet: bool = False
    ignore_robots: bool = False
    if_missing: bool = False  # catch-up: run only when the period has no finished scheduled run


class JobError(Exception):
    """A user-facing failure of the job, with a Russian message and an exit code."""

    def __init__(self, message: str, code: int = EXIT_BAD_INPUT):
        super().__init__(message)
        self.code = code


# ------------------------------------------------------------------------- helpers


def period_lock(db: Path, period: str) -> FileLock:
    """One lock file per database and period: two runs of one period never overlap."""
    db.parent.mkdir(parents=True, exist_ok=True)
    return FileLock(str(db.with_name(f"{db.name}.{period}.lock")))


def acquire(lock: FileLock, wait: bool, period: str) -> None:
    try:
        lock.acquire(timeout=-1 if wait else 0)
    except Timeout:
        raise JobError(
            f"Мониторинг периода {period} уже выполняется другим процессом. "
            "Дождитесь его окончания или запустите с --wait.",
            EXIT_LOCKED,
        ) from None


class Inputs(BaseModel):
    """Everything a run reads before it touches the network, validated."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    config: AppConfig
    registry: Registry
    orgs: list[Organization]
    ruleset: Any
    overrides: list[Any]


def load_inputs(
    registry_path: Path, config_path: Path | None, rules_dir: Path | None, org_ids: Iterable[str] = ()
) -> Inputs:
    """Read settings, registry, rules and overrides; a problem in any becomes a Russian JobError."""
    from crawler.overrides import OverridesError, load_overrides
    from crawler.ruleset import RulesError, load_ruleset

    try:
        config = load_config(config_path)
    except ConfigError as exc:
        raise JobError(f"Ошибка в настройках:\n{exc}") from None
    try:
        registry = load_registry(registry_path)
    except RegistryError as exc:
        raise JobError("Реестр содержит ошибки:\n" + "\n".join(f"  • {p}" for p in exc.problems)) from None
    wanted = list(org_ids)
    unknown = [i for i in wanted if registry.get(i) is None]
    if unknown:
        raise JobError(f"В реестре {registry_path} нет организаций: {', '.join(unknown)}")
    orgs = [o for o in registry.organizations if not wanted or o.id in wanted]
    try:
        ruleset = load_ruleset(rules_dir or config.rules_dir)
    except RulesError as exc:
        raise JobError(f"Ошибка в файлах правил:\n{exc}") from None
    try:
        overrides = load_overrides(config.overrides, known_rules={r.id for r in ruleset.rules})
    except OverridesError as exc:
        raise JobError(f"Ошибка в файле ручных решений:\n{exc}") from None
    return Inputs(config=config, registry=registry, orgs=orgs, ruleset=ruleset, overrides=overrides)


def open_store(db: Path) -> Store:
    try:
        return Store(db)
    except StoreError as exc:
        raise JobError(str(exc)) from None


# ------------------------------------------------------------------------ analysis


def analyze_org(
    org: Organization, crawl: OrgCrawlResult, store: Store, config: AppConfig, vocabulary: Path | None = None
) -> list[AnalyzedDocument]:
    """Extract (through the cache) and classify every document and section page of one organization."""
    from crawler.classify import analyze
    from crawler.extract import extract_cached, html_to_text

    if not crawl.reachable:
        return []
    items = [
        (store.blobs.path(d.sha256), d.sha256, d.format)
        for d in crawl.documents
        if d.sha256 and store.blobs.has(d.sha256)
    ]
    results, _ = extract_cached(items, config.extract, store)  # cached by SHA-256, timeouts not cached
    extractions: dict[str, ExtractedText] = {r.sha256: r for r in results}

    analyzed: list[AnalyzedDocument] = []
    for doc in crawl.documents:
        extraction = extractions.get(doc.sha256) if doc.sha256 else None
        parts = []
        if extraction is not None and not extraction.error:
            parts = analyze(
                extraction.text,
                fmt=extraction.format,
                link_text=doc.link_text,
                file_name=doc.file_name,
                viewer_title=doc.viewer_title,
                org_name=org.name,
                signature_field=extraction.signature_field,
                vocabulary_path=vocabulary,
            )
        elif doc.link_text or doc.file_name or doc.viewer_title:
            # unreadable or not downloaded: classify by its label alone, so the rules can say
            # «документ есть, но прочитать его не удалось» instead of «нет документа»
            parts = analyze(
                "",
                fmt=doc.format,
                link_text=doc.link_text,
                file_name=doc.file_name,
                viewer_title=doc.viewer_title,
                org_name=org.name,
                vocabulary_path=vocabulary,
            )
        analyzed.append(AnalyzedDocument(record=doc, extraction=extraction, parts=parts))

    section_urls = set(crawl.section.pages if crawl.section else [])
    for page in crawl.pages:
        if not (page.is_section or page.url in section_urls):
            continue
        # the stored HTML keeps the line structure that splitting a pasted order into parts needs
        text = page.text
        if page.sha256 and store.blobs.has(page.sha256):
            text = html_to_text(store.blobs.path(page.sha256).read_bytes())
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


def evaluate(
    org: Organization,
    crawl: OrgCrawlResult,
    docs: list[AnalyzedDocument],
    ruleset: Any,
    today: date,
    overrides: list[Any],
) -> OrgFindings:
    from crawler.evaluate import evaluate_org

    return evaluate_org(org, crawl, docs, ruleset, today, overrides)


# ------------------------------------------------------------------------- the run


def crawl_orgs(
    orgs: list[Organization],
    config: AppConfig,
    store: Store,
    run_id: int,
    log_file: Path | None,
    console: Console | None,
    ignore_robots: bool = False,
) -> dict[str, OrgCrawlResult]:
    """Crawl organizations and save each one as soon as it is done (so --resume keeps it)."""
    from crawler.crawl import crawl_sites

    settings = config.crawl.model_copy(update={"obey_robots": False} if ignore_robots else {})
    previous = {o.id: store.previous_fetches(o.id) for o in orgs}
    by_id = {o.id: o for o in orgs}
    saved: dict[str, OrgCrawlResult] = {}

    def save(result: OrgCrawlResult) -> None:
        org = by_id[result.org_id]
        store.save_crawl(run_id, org.name, org.kind.value, org.site, result)
        saved[result.org_id] = result
        if console is not None:
            console.print(progress_line(org, result, len(saved), len(orgs)))

    results = crawl_sites(orgs, settings, store.blobs.root, previous=previous, log_file=log_file, on_progress=save)
    for result in results:
        if result.org_id not in saved:
            save(result)
    return saved


def progress_line(org: Organization, result: OrgCrawlResult, done: int, total: int) -> str:
    if not result.reachable:
        state = f"[red]сайт недоступен[/red]: {result.failure_reason}"
    elif result.section:
        state = f"раздел найден ({unquote(result.section.url)}), документов: {len(result.documents)}"
    else:
        state = f"раздел не найден, документов: {len(result.documents)}"
    return f"[{done}/{total}] {org.name}: {state}; запросов {result.requests}"


def evaluate_safely(
    org: Organization,
    crawl: OrgCrawlResult,
    store: Store,
    config: AppConfig,
    ruleset: Any,
    today: date,
    overrides: list[Any],
) -> OrgFindings:
    """Analyze and evaluate one organization; an internal failure makes it «не удалось проверить»."""
    try:
        docs = analyze_org(org, crawl, store, config, ruleset.vocabulary_path())
        return evaluate(org, crawl, docs, ruleset, today, overrides)
    except Exception as exc:  # a broken document or a bug must not cost the whole district's run
        log.exception("analysis of %s failed", org.id)
        failed = crawl.model_copy(
            update={"reachable": False, "failure_reason": f"внутренняя ошибка при анализе документов: {exc}"}
        )
        return evaluate(org, failed, [], ruleset, today, overrides)


def _raise_on_sigterm(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


def run_monitoring(req: RunRequest, console: Console) -> int:
    """`crawler run`: the whole job. Returns the exit code."""
    # SIGTERM (systemd stop, kill) unwinds like Ctrl-C: the run is marked failed and can be resumed
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _raise_on_sigterm)
    out_console = None if req.quiet else console
    try:
        inputs = load_inputs(req.registry, req.config, req.rules_dir, req.org_ids)
        store = open_store(req.db)
    except JobError as exc:
        console.print(f"Ошибка: {exc}")
        return exc.code
    config, registry, orgs, ruleset, overrides = (
        inputs.config, inputs.registry, inputs.orgs, inputs.ruleset, inputs.overrides,
    )  # fmt: skip

    lock = period_lock(req.db, req.period)
    try:
        acquire(lock, req.wait, req.period)
    except JobError as exc:
        console.print(str(exc))
        return exc.code
    log_handler = None
    try:
        store.mark_dead_runs_failed()
        if req.if_missing and store.latest_run(req.period, "scheduled"):
            console.print(f"Мониторинг периода {req.period} уже проведён; пропускаю.")
            return EXIT_OK
        machine = run_warnings(check_programs())
        for warning in machine:
            # loud even with --quiet: cron mails what a run writes to stderr
            Console(stderr=True, highlight=False).print(f"[bold red]Внимание:[/bold red] {warning}")
        run_id, done_ids = _start_or_resume(store, req, ruleset.version, [o.id for o in orgs], machine)
        req.out.mkdir(parents=True, exist_ok=True)
        log_file = req.out / f"run-{run_id}.log"
        log_handler = attach_file_log(log_file)
        log.info("run %s of %s started: %d organizations, today %s", run_id, req.period, len(orgs), req.today)
        for warning in machine:
            log.warning("this computer cannot read some documents: %s", warning)
        todo = [o for o in orgs if o.id not in done_ids]
        if out_console:
            out_console.print(
                f"Мониторинг {req.period} (дата {req.today:%d.%m.%Y}): организаций {len(orgs)}"
                + (f", продолжение запуска № {run_id}, осталось {len(todo)}" if done_ids else "")
            )
        try:
            crawls = store.crawl_results(run_id) if done_ids else {}
            if todo:
                crawls.update(crawl_orgs(todo, config, store, run_id, log_file, out_console, req.ignore_robots))
            for org in orgs:
                findings = evaluate_safely(org, crawls[org.id], store, config, ruleset, req.today, overrides)
                store.save_findings(run_id, findings, ruleset.version)
            store.finish_run(run_id, "done")
        except BaseException as exc:
            store.finish_run(run_id, "failed", f"{type(exc).__name__}: {exc}")
            log.exception("run %s failed", run_id)
            if isinstance(exc, KeyboardInterrupt | SystemExit):
                console.print(f"Запуск № {run_id} прерван. Продолжить: crawler run --resume --period {req.period} …")
                raise
            console.print(f"Ошибка: запуск № {run_id} завершился сбоем: {exc}. Журнал: {log_file}")
            notify(
                config.smtp,
                f"Мониторинг сайтов {req.period}: сбой запуска № {run_id}",
                f"Запуск № {run_id} завершился сбоем: {exc}\nЖурнал: {log_file}",
            )
            return EXIT_FAILED
        paths = write_outputs(store, run_id, req.out, config, ruleset, registry)
        removed = prune_archive(store, config.retention_periods)
        if removed:
            log.info("retention: removed %d blobs of periods older than the last %d", removed, config.retention_periods)
        if out_console:
            print_summary(out_console, store.findings(run_id), store.crawl_results(run_id))
        notify(
            config.smtp,
            f"Мониторинг сайтов {req.period}: справка готова",
            f"Справка по итогам мониторинга за {req.period} во вложении.",
            [p for k, p in paths.items() if k in ("html", "docx")],
        )
        console.print(f"Справка: {paths.get('html', req.out)}")
        console.print(f"Итоги в JSON: {paths['findings']}")
        return EXIT_OK
    finally:
        if log_handler is not None:
            detach(log_handler)
        lock.release()


def _start_or_resume(
    store: Store, req: RunRequest, rules_version: str, order: list[str], machine_warnings: list[str]
) -> tuple[int, set[str]]:
    """A new run, or with --resume the period's last run if it was interrupted (with the orgs it already has)."""
    if req.resume:
        runs = [r for r in store.runs(req.period) if r["kind"] == req.kind]
        if runs and runs[-1]["status"] in ("failed", "running"):
            run_id = runs[-1]["id"]
            return run_id, store.resume_run(run_id)
        log.info("nothing to resume for %s: starting a new run", req.period)
    options = {
        "registry": str(req.registry),
        "orgs": req.org_ids,
        "order": order,
        "machine_warnings": machine_warnings,
    }
    return store.start_run(req.period, req.kind, req.today.isoformat(), rules_version, options), set()


def print_summary(console: Console, findings: list[OrgFindings], crawls: dict[str, OrgCrawlResult]) -> None:
    """The end-of-run table: section, documents, requests used and failures per organization."""
    table = Table(title="Итоги мониторинга", show_lines=False)
    for title, justify in (
        ("Организация", "left"), ("Раздел", "left"), ("Документы", "right"),
        ("Запросов", "right"), ("Сбои", "left"), ("Баллы, %", "right"),
    ):  # fmt: skip
        table.add_column(title, justify=justify)  # type: ignore[arg-type]
    for f in findings:
        crawl = crawls.get(f.id)
        if not f.reachable:
            failures = "сайт недоступен (причина — выше и в справке)"
        elif crawl and crawl.lost_pages:
            failures = f"не открылись страниц: {len(crawl.lost_pages)}"
        else:
            failures = "—"
        unreadable = sum(1 for d in f.documents if d.error)
        if unreadable:
            failures = (failures if failures != "—" else "") + f" не прочитано документов: {unreadable}"
        table.add_row(
            f.name,
            "есть" if f.section_url else ("—" if not f.reachable else "нет"),
            str(len(f.documents)),
            str(crawl.requests) if crawl else "—",
            failures.strip(),
            f"{f.score:.0f}" if f.score is not None else "—",
        )
    console.print(table)


# ---------------------------------------------------------------- export / report


def _run_for_period(store: Store, period: str | None) -> dict[str, Any]:
    run = store.latest_run(period, "scheduled") or store.latest_run(period)
    if run is None:
        where = f"за период {period}" if period else ""
        raise JobError(f"В базе {store.db_path} нет завершённых запусков {where}".strip() + ".")
    return run


def export_findings(db: Path, period: str | None, fmt: str, stream: IO[str]) -> int:
    from crawler.cli import err_console

    if fmt not in ("json", "csv"):
        err_console.print(f"Ошибка: формат «{fmt}» не поддерживается; допустимы json и csv.")
        return EXIT_BAD_INPUT
    if not db.exists():
        err_console.print(f"Ошибка: файл базы {db} не найден.")
        return EXIT_BAD_INPUT
    try:
        store = open_store(db)
        run = _run_for_period(store, period)
    except JobError as exc:
        err_console.print(f"Ошибка: {exc}")
        return exc.code
    data = findings_json(ordered(store.findings(run["id"]), run))
    if fmt == "json":
        stream.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK
    writer = csv.writer(stream, delimiter=";")
    writer.writerow(["id", "name", "kind", "reachable", "section_url", "rule", "status", "note", "evidence", "score"])
    for org in data:
        for rule in org["rules"]:
            writer.writerow(
                [
                    org["id"],
                    org["name"],
                    org["kind"],
                    int(org["reachable"]),
                    org["section_url"] or "",
                    rule["id"],
                    rule["status"],
                    rule["note"],
                    " ".join(e["url"] for e in rule["evidence"]),
                    "" if org["score"] is None else f"{org['score']:.1f}",
                ]
            )
    return EXIT_OK


def regenerate_report(
    db: Path,
    period: str | None,
    out: Path,
    compare_with: str | None,
    config_path: Path | None,
    rules_dir: Path | None,
    console: Console,
) -> int:
    """`crawler report`: rebuild a past brief from the store, with the findings as they were stored."""
    from crawler.ruleset import RulesError, load_ruleset

    if not db.exists():
        console.print(f"Ошибка: файл базы {db} не найден.")
        return EXIT_BAD_INPUT
    try:
        config = load_config(config_path)
        store = open_store(db)
        run = _run_for_period(store, period)
        ruleset = load_ruleset(rules_dir or config.rules_dir)
    except (ConfigError, RulesError) as exc:
        console.print(f"Ошибка: {exc}")
        return EXIT_BAD_INPUT
    except JobError as exc:
        console.print(f"Ошибка: {exc}")
        return exc.code
    if run.get("rules_version") and run["rules_version"] != ruleset.version:
        console.print(
            f"Внимание: итоги получены по правилам версии {run['rules_version']}, "
            f"сейчас правила версии {ruleset.version}; справка строится по сохранённым итогам."
        )
    paths = write_outputs(store, run["id"], out, config, ruleset, None, compare_with)
    console.print(f"Справка: {paths.get('html', out)}")
    return EXIT_OK
