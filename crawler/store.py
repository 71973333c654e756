"""The history of monitoring runs: one SQLite file (sqlite-utils) and a blob directory beside it.

* Blobs (pages and documents) are content-addressed by SHA-256 and shared across runs.
* A run is a row with status running → done | failed. Each organization is written in
  its own transaction, so a run that crashes or is killed leaves every earlier run intact;
  a later start marks a dead process's run as failed.
* WAL mode and a busy timeout let a recheck read or write while a scheduled run works.
* The schema has a version and forward migrations (MIGRATIONS); never edit an old step.
"""

from __future__ import annotations

import hashlib
import json
import os
import socket
import sqlite3
import tempfile
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlite_utils
from filelock import FileLock

from crawler import __version__
from crawler.errors import CrawlerError, InputError
from crawler.models import (
    ExtractedText,
    OrgCrawlResult,
    OrgFindings,
)


def utcnow() -> datetime:
    return datetime.now(UTC)


class BlobStore:
    """Content-addressed files: blobs/ab/abcdef… named by SHA-256."""

    def __init__(self, root: Path):
        self.root = root
        self.root.mkdir(parents=True, exist_ok=True)

    def path(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256

    def has(self, sha256: str) -> bool:
        return self.path(sha256).exists()

    def put(self, data: bytes) -> str:
        sha = hashlib.sha256(data).hexdigest()
        target = self.path(sha)
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            # write to a temp file and rename: a crash never leaves a half blob under its name
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, target)
        return sha

    def put_file(self, source: Path) -> str:
        digest = hashlib.sha256()
        with source.open("rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                digest.update(chunk)
        sha = digest.hexdigest()
        target = self.path(sha)
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
            os.close(fd)
            with source.open("rb") as src, open(tmp, "wb") as dst:
                for chunk in iter(lambda: src.read(1 << 20), b""):
                    dst.write(chunk)
            os.replace(tmp, target)
        return sha


# ----------------------------------------------------------------------------- schema


def _m1(db: sqlite_utils.Database) -> None:
    db.table("runs").create(
        {
            "id": int,
            "period": str,
            "kind": str,  # scheduled | manual
            "started_at": str,
            "finished_at": str,
            "status": str,  # running | done | failed
            "tool_version": str,
            "rules_version": str,
            "today": str,
            "pid": int,
            "host": str,
            "options": str,  # JSON
            "error": str,
        },
        pk="id",
    )
    db.table("runs").create_index(["period", "status"])
    db.table("run_orgs").create(
        {
            "run_id": int,
            "org_id": str,
            "name": str,
            "kind": str,
            "site": str,
            "reachable": int,
            "failure_reason": str,
            "checked_at": str,
            "requests": int,
            "bytes": int,
            "section_url": str,
            "crawl": str,  # OrgCrawlResult JSON
            "findings": str,  # OrgFindings JSON (null until evaluated)
            "score": float,
            "zone": str,
        },
        pk=("run_id", "org_id"),
        foreign_keys=[("run_id", "runs", "id")],
    )
    db.table("pages").create(
        {
            "run_id": int,
            "org_id": str,
            "url": str,
            "final_url": str,
            "status": int,
            "title": str,
            "fetched_at": str,
            "sha256": str,
            "etag": str,
            "last_modified": str,
            "is_section": int,
        },
        foreign_keys=[("run_id", "runs", "id")],
    )
    db.table("pages").create_index(["url"])
    db.table("pages").create_index(["run_id", "org_id"])
    db.table("documents").create(
        {
            "run_id": int,
            "org_id": str,
            "url": str,
            "final_url": str,
            "sha256": str,
            "format": str,
            "size": int,
            "http_status": int,
            "fetched_at": str,
            "etag": str,
            "last_modified": str,
            "error": str,
            "external": int,
            "in_section": int,
            "link_text": str,
            "file_name": str,
        },
        foreign_keys=[("run_id", "runs", "id")],
    )
    db.table("documents").create_index(["url"])
    db.table("documents").create_index(["run_id", "org_id"])
    db.table("extractions").create(
        {"sha256": str, "extractor_version": str, "result": str, "created_at": str},
        pk="sha256",
    )
    db.table("findings").create(
        {
            "run_id": int,
            "org_id": str,
            "rule_id": str,
            "status": str,
            "points": int,
            "evidence": str,
            "note": str,
            "remarks": str,
            "manual": int,
            "rules_version": str,
        },
        pk=("run_id", "org_id", "rule_id"),
        foreign_keys=[("run_id", "runs", "id")],
    )


def _m2(db: sqlite_utils.Database) -> None:
    # manual rechecks applied to a period's run (crawler recheck --apply)
    db.table("rechecks").create(
        {"run_id": int, "org_id": str, "manual_run_id": int, "at": str},
        pk=("run_id", "org_id"),
        foreign_keys=[("run_id", "runs", "id")],
    )


def _m3(db: sqlite_utils.Database) -> None:
    # the incremental start-up reads every URL an organization answered before (previous_fetches):
    # without an index on org_id it scanned both tables once per organization, O(N²) over a region
    db.table("pages").create_index(["org_id"])
    db.table("documents").create_index(["org_id"])


MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [_m1, _m2, _m3]
SCHEMA_VERSION = len(MIGRATIONS)


class StoreError(InputError):
    """The database cannot be used as it is (a newer schema, a damaged file)."""


class StoreUnavailable(CrawlerError):
    """The database is sound but cannot be used now: a full disk, an I/O error, a read-only folder."""


def disk_error_ru(exc: sqlite3.Error) -> str:
    text = str(exc).lower()
    if "full" in text:
        return "нет места на диске"
    if "readonly" in text or "read-only" in text:
        return "файл или каталог только для чтения"
    if "disk i/o" in text:
        return "ошибка ввода-вывода (нет места на диске или сбой носителя)"
    if "locked" in text:
        return "база занята другим процессом"
    return f"ошибка SQLite: {exc}"


SQLITE_MAGIC = b"SQLite format 3\x00"


def backups_dir(db_path: Path) -> Path:
    """Rotating copies of the database, beside it: monitor-backups/ for monitor.db."""
    return db_path.parent / f"{db_path.stem}-backups"


def latest_backup(db_path: Path) -> Path | None:
    copies = sorted(backups_dir(db_path).glob(f"{db_path.stem}-*.db"))
    return copies[-1] if copies else None


def _damaged(db_path: Path, what: str) -> StoreError:
    backup = latest_backup(db_path)
    where = (
        f"Последняя резервная копия: {backup} — замените ею файл базы (сохранив повреждённый для разбора)."
        if backup
        else f"Резервных копий в {backups_dir(db_path)} нет."
    )
    return StoreError(f"База истории {db_path} повреждена ({what}); запуск не начат, файл не изменён. {where}")


class Store:
    """All reads and writes of the history database.

    A file that is not a sound SQLite database (zero bytes, a foreign header, a damaged page) is refused
    before anything is written into it, with the path of the newest backup.
    """

    def __init__(self, db_path: Path):
        self.db_path = Path(db_path)
        self.db_path.parent.mkdir(parents=True, exist_ok=True)
        # Opening is serialized: a database another process is creating right now is an empty file for a
        # moment, which must not be mistaken for a damaged one (two runs started at once).
        with FileLock(str(self.db_path) + ".open.lock", timeout=600):
            self._open()

    @classmethod
    def reader(cls, db_path: Path) -> Store:
        """A read-only connection for a helper process (a district's reports of a regional run) to a database
        the run has opened and checked already: no integrity check, no migration, no lock, no writes."""
        store = cls.__new__(cls)
        store.db_path = Path(db_path)
        uri = store.db_path.resolve().as_uri() + "?mode=ro"
        conn = sqlite3.connect(uri, uri=True, timeout=60, isolation_level=None)
        conn.execute("PRAGMA busy_timeout = 60000")
        store.db = sqlite_utils.Database(conn)
        store.blobs = BlobStore(store.db_path.parent / (store.db_path.stem + "-blobs"))
        return store

    def _open(self) -> None:
        self._check_file()
        try:
            conn = sqlite3.connect(str(self.db_path), timeout=60, isolation_level=None)
            conn.execute("PRAGMA busy_timeout = 60000")
            if self.db_path.exists() and self.db_path.stat().st_size:
                verdict = conn.execute("PRAGMA quick_check").fetchone()
                if not verdict or verdict[0] != "ok":
                    conn.close()
                    raise _damaged(self.db_path, f"проверка целостности: {verdict[0] if verdict else 'нет ответа'}")
        except sqlite3.OperationalError as exc:  # a full disk or an I/O error is the machine's, not the file's
            raise StoreUnavailable(
                f"База истории {self.db_path} недоступна: {disk_error_ru(exc)}; запуск не начат, файл не изменён."
            ) from None
        except sqlite3.DatabaseError as exc:
            raise _damaged(self.db_path, str(exc)) from None
        self.db = sqlite_utils.Database(conn)
        try:
            self.db.enable_wal()
        except sqlite3.OperationalError:
            pass  # another process holds the database; it is in WAL already
        conn.execute("PRAGMA foreign_keys = ON")
        self.blobs = BlobStore(self.db_path.parent / (self.db_path.stem + "-blobs"))
        try:
            self._migrate()
        except sqlite3.OperationalError as exc:
            raise StoreUnavailable(f"База истории {self.db_path} недоступна: {disk_error_ru(exc)}.") from None

    def _check_file(self) -> None:
        """A file that exists must be a database: an empty or foreign file is never silently recreated."""
        if not self.db_path.exists():
            return
        if self.db_path.is_dir():
            raise StoreError(f"{self.db_path} — каталог, а не файл базы истории.")
        with self.db_path.open("rb") as fh:
            head = fh.read(len(SQLITE_MAGIC))
        if not head:
            raise _damaged(self.db_path, "файл пуст (0 байт), новая база поверх него не создаётся")
        if head != SQLITE_MAGIC:
            raise _damaged(self.db_path, "заголовок файла не от базы SQLite")

    def backup(self, keep: int) -> Path | None:
        """A consistent copy of the database (SQLite's online backup) into the backups folder; keeps `keep`."""
        if keep <= 0 or not self.db_path.exists():
            return None
        folder = backups_dir(self.db_path)
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"{self.db_path.stem}-{utcnow():%Y%m%d-%H%M%S-%f}.db"
        partial = target.with_suffix(".part")
        copy = sqlite3.connect(str(partial))
        try:
            self.db.conn.backup(copy)
        finally:
            copy.close()
        os.replace(partial, target)
        for old in sorted(folder.glob(f"{self.db_path.stem}-*.db"))[:-keep]:
            old.unlink(missing_ok=True)
        return target

    def close(self) -> None:
        self.db.conn.close()

    # -- schema

    def schema_version(self) -> int:
        if "meta" not in self.db.table_names():
            return 0
        row = self.db.execute("select value from meta where key = 'schema_version'").fetchone()
        return int(row[0]) if row else 0

    def _migrate(self) -> None:
        with self.transaction():
            if "meta" not in self.db.table_names():
                self.db.table("meta").create({"key": str, "value": str}, pk="key")
            current = self.schema_version()
            if current > SCHEMA_VERSION:
                raise StoreError(
                    f"База {self.db_path} создана более новой версией программы "
                    f"(схема {current}, поддерживается {SCHEMA_VERSION}). Обновите программу."
                )
            for step in range(current, SCHEMA_VERSION):
                MIGRATIONS[step](self.db)
                self.db.table("meta").upsert({"key": "schema_version", "value": str(step + 1)}, pk="key")

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """BEGIN IMMEDIATE … COMMIT; rolled back on any exception."""
        conn = self.db.conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    # -- runs

    def start_run(
        self,
        period: str,
        kind: str,
        today: str,
        rules_version: str = "",
        options: dict[str, Any] | None = None,
    ) -> int:
        runs = self.db.table("runs")
        with self.transaction():
            runs.insert(
                {
                    "period": period,
                    "kind": kind,
                    "started_at": utcnow().isoformat(),
                    "status": "running",
                    "tool_version": __version__,
                    "rules_version": rules_version,
                    "today": today,
                    "pid": os.getpid(),
                    "host": socket.gethostname(),
                    "options": json.dumps(options or {}, ensure_ascii=False, default=str),
                }
            )
            return int(runs.last_pk or 0)

    def resume_run(self, run_id: int) -> set[str]:
        """Take over an interrupted run in this process; return the organizations it already crawled."""
        with self.transaction():
            self.db.table("runs").update(
                run_id, {"status": "running", "error": None, "pid": os.getpid(), "host": socket.gethostname()}
            )
        return {r["org_id"] for r in self.db.query("select org_id from run_orgs where run_id = ?", [run_id])}

    def finish_run(self, run_id: int, status: str = "done", error: str | None = None) -> None:
        with self.transaction():
            self.db.table("runs").update(
                run_id, {"status": status, "finished_at": utcnow().isoformat(), "error": error}
            )

    def set_run_rules_version(self, run_id: int, rules_version: str) -> None:
        with self.transaction():
            self.db.table("runs").update(run_id, {"rules_version": rules_version})

    def set_run_options(self, run_id: int, options: dict[str, Any]) -> None:
        """Replace a run's options (JSON): the brief's signatory and the like, when a config changes them."""
        with self.transaction():
            self.db.table("runs").update(run_id, {"options": json.dumps(options, ensure_ascii=False, default=str)})

    def run(self, run_id: int) -> dict[str, Any] | None:
        rows = list(self.db.query("select * from runs where id = ?", [run_id]))
        return rows[0] if rows else None

    def runs(self, period: str | None = None) -> list[dict[str, Any]]:
        if period:
            return list(self.db.query("select * from runs where period = ? order by id", [period]))
        return list(self.db.query("select * from runs order by id"))

    def mark_dead_runs_failed(self) -> list[int]:
        """Runs left 'running' by a process that no longer exists on this host become 'failed'."""
        host = socket.gethostname()
        dead = []
        for row in self.db.query("select id, pid, host from runs where status = 'running'"):
            if row["host"] == host and not _pid_alive(row["pid"]):
                dead.append(row["id"])
        for run_id in dead:
            self.finish_run(run_id, "failed", "процесс прерван (запуск не завершился)")
        return dead

    def latest_run(self, period: str | None = None, kind: str | None = None) -> dict[str, Any] | None:
        sql = "select * from runs where status = 'done'"
        args: list[Any] = []
        if period:
            sql += " and period = ?"
            args.append(period)
        if kind:
            sql += " and kind = ?"
            args.append(kind)
        rows = list(self.db.query(sql + " order by id desc limit 1", args))
        return rows[0] if rows else None

    def periods(self) -> list[str]:
        return [
            r["period"]
            for r in self.db.query(
                "select distinct period from runs where status = 'done' and kind = 'scheduled' order by period"
            )
        ]

    def monitoring_runs(self, until: str | None = None, year: int | None = None) -> list[dict[str, Any]]:
        """The run of record of each period, oldest first: its latest finished scheduled run (rechecks and retries
        applied to it are in it). `until`: periods up to this one; `year`: the periods of one calendar year."""
        sql = (
            "select * from runs where id in (select max(id) from runs where status = 'done' and kind = 'scheduled' "
            "group by period)"
        )
        args: list[Any] = []
        if until:
            sql += " and period <= ?"
            args.append(until)
        if year is not None:
            sql += " and period like ?"
            args.append(f"{year:04d}-%")
        return list(self.db.query(sql + " order by period", args))

    def year_runs(self, year: int) -> list[dict[str, Any]]:
        """Every finished run of the periods of one calendar year (scheduled, rechecks, retries), in order."""
        return list(
            self.db.query(
                "select * from runs where status = 'done' and period like ? order by period, id", [f"{year:04d}-%"]
            )
        )

    def practice_sightings(self, run_ids: list[int]) -> list[dict[str, Any]]:
        """What each organization of these runs showed of its practices (crawler.report.practices builds the
        district's registry from it): the run, the organization, its practices (JSON, null for a run made before
        they were collected) and its verdicts (JSON, the fallback of such runs)."""
        if not run_ids:
            return []
        marks = ",".join("?" * len(run_ids))
        return list(
            self.db.query(
                "select o.run_id, r.period, o.org_id, o.name, o.kind, "
                "json_extract(o.findings, '$.practices') as practices, json_extract(o.findings, '$.rules') as rules "
                "from run_orgs o join runs r on r.id = o.run_id "
                f"where o.run_id in ({marks}) and o.findings is not null order by r.period, o.rowid",
                run_ids,
            )
        )

    # -- organizations of a run

    def save_crawl(self, run_id: int, org_name: str, org_kind: str, site: str, result: OrgCrawlResult) -> None:
        """Write one organization's crawl (pages, documents) atomically, replacing an earlier write."""
        with self.transaction():
            for table in ("pages", "documents"):
                self.db.execute(f"delete from {table} where run_id = ? and org_id = ?", [run_id, result.org_id])
            self.db.table("run_orgs").upsert(
                {
                    "run_id": run_id,
                    "org_id": result.org_id,
                    "name": org_name,
                    "kind": org_kind,
                    "site": site,
                    "reachable": int(result.reachable),
                    "failure_reason": result.failure_reason,
                    "checked_at": result.finished_at.isoformat(),
                    "requests": result.requests,
                    "bytes": result.bytes,
                    "section_url": result.section.url if result.section else None,
                    "crawl": result.model_dump_json(),
                },
                pk=("run_id", "org_id"),
            )
            self.db.table("pages").insert_all(
                {
                    "run_id": run_id,
                    "org_id": result.org_id,
                    "url": p.url,
                    "final_url": p.final_url,
                    "status": p.status,
                    "title": p.title,
                    "fetched_at": p.fetched_at.isoformat(),
                    "sha256": p.sha256,
                    "etag": p.etag,
                    "last_modified": p.last_modified,
                    "is_section": int(p.is_section),
                }
                for p in result.pages
            )
            self.db.table("documents").insert_all(
                {
                    "run_id": run_id,
                    "org_id": result.org_id,
                    "url": d.url,
                    "final_url": d.final_url,
                    "sha256": d.sha256,
                    "format": d.format,
                    "size": d.size,
                    "http_status": d.http_status,
                    "fetched_at": d.fetched_at.isoformat() if d.fetched_at else None,
                    "etag": d.etag,
                    "last_modified": d.last_modified,
                    "error": d.error,
                    "external": int(d.external),
                    "in_section": int(d.in_section),
                    "link_text": d.link_text,
                    "file_name": d.file_name,
                }
                for d in result.documents
            )

    def crawl_results(self, run_id: int, org_ids: Collection[str] | None = None) -> dict[str, OrgCrawlResult]:
        sql = "select org_id, crawl from run_orgs where run_id = ?"
        params: list[Any] = [run_id]
        if org_ids is not None:
            sql += " and org_id in (select value from json_each(?))"
            params.append(json.dumps(sorted(org_ids)))
        return {row["org_id"]: OrgCrawlResult.model_validate_json(row["crawl"]) for row in self.db.query(sql, params)}

    def save_findings(self, run_id: int, findings: OrgFindings, rules_version: str) -> None:
        with self.transaction():
            self.db.execute("delete from findings where run_id = ? and org_id = ?", [run_id, findings.id])
            self.db.table("findings").insert_all(
                {
                    "run_id": run_id,
                    "org_id": findings.id,
                    "rule_id": r.rule_id,
                    "status": r.status.value,
                    "points": r.points,
                    "evidence": json.dumps([e.model_dump(mode="json") for e in r.evidence], ensure_ascii=False),
                    "note": r.note,
                    "remarks": json.dumps(r.remarks, ensure_ascii=False),
                    "manual": int(r.manual),
                    "rules_version": rules_version,
                }
                for r in findings.rules
            )
            self.db.table("run_orgs").upsert(
                {
                    "run_id": run_id,
                    "org_id": findings.id,
                    "name": findings.name,
                    "kind": findings.kind.value,
                    "site": findings.site,
                    "reachable": int(findings.reachable),
                    "findings": findings.model_dump_json(),
                    "score": findings.score,
                    "zone": findings.zone,
                },
                pk=("run_id", "org_id"),
            )

    def findings(self, run_id: int, org_ids: Collection[str] | None = None) -> list[OrgFindings]:
        """The run's findings, or only those of org_ids (a district of a region: the rest stays on disk)."""
        sql = "select findings from run_orgs where run_id = ? and findings is not null"
        params: list[Any] = [run_id]
        if org_ids is not None:
            sql += " and org_id in (select value from json_each(?))"
            params.append(json.dumps(sorted(org_ids)))
        return [
            OrgFindings.model_validate_json(row["findings"]) for row in self.db.query(sql + " order by rowid", params)
        ]

    def latest_findings_of(self, org_id: str, period: str | None = None) -> tuple[dict[str, Any], OrgFindings] | None:
        """The newest finished run (any kind) with findings of this organization, and those findings."""
        sql = (
            "select r.*, o.findings as org_findings from runs r join run_orgs o on o.run_id = r.id "
            "where r.status = 'done' and o.org_id = ? and o.findings is not null"
        )
        args: list[Any] = [org_id]
        if period:
            sql += " and r.period = ?"
            args.append(period)
        rows = list(self.db.query(sql + " order by r.id desc limit 1", args))
        if not rows:
            return None
        row = rows[0]
        findings = OrgFindings.model_validate_json(row.pop("org_findings"))
        return row, findings

    # -- rechecks applied to a period

    def record_recheck(self, run_id: int, org_id: str, manual_run_id: int) -> None:
        with self.transaction():
            self.db.table("rechecks").upsert(
                {"run_id": run_id, "org_id": org_id, "manual_run_id": manual_run_id, "at": utcnow().isoformat()},
                pk=("run_id", "org_id"),
            )

    def applied_runs(self) -> set[int]:
        """Rechecks and retries whose results were put into a period's run (recheck --apply, retry)."""
        return {row["manual_run_id"] for row in self.db.query("select manual_run_id from rechecks")}

    def checked_orgs(self, run_id: int) -> list[tuple[str, str, str]]:
        """(id, kind, name) of every organization the run has findings of, in the order it wrote them."""
        return [
            (row["org_id"], row["kind"], row["name"])
            for row in self.db.query(
                "select org_id, kind, name from run_orgs where run_id = ? and findings is not null order by rowid",
                [run_id],
            )
        ]

    def org_names(self, run_id: int) -> list[str]:
        """The organizations a run checked, by name, in the order it wrote them."""
        return [
            row["name"] for row in self.db.query("select name from run_orgs where run_id = ? order by rowid", [run_id])
        ]

    def rechecks(self, run_id: int) -> dict[str, datetime]:
        """Organizations of a run replaced by a later recheck or retry, with the time it was applied."""
        return {
            row["org_id"]: datetime.fromisoformat(row["at"])
            for row in self.db.query("select org_id, at from rechecks where run_id = ?", [run_id])
        }

    # -- blobs referred to by runs (evidence archive, retention)

    def fetched_blobs(self, run_id: int, org_ids: Collection[str] | None = None) -> dict[str, dict[str, Any]]:
        """sha256 → url, fetch time and format of every page and document a run stored (of org_ids only if given)."""
        only = ""
        params: list[Any] = [run_id]
        if org_ids is not None:
            only = " and org_id in (select value from json_each(?))"
            params.append(json.dumps(sorted(org_ids)))
        found: dict[str, dict[str, Any]] = {}
        for row in self.db.query(
            "select url, sha256, fetched_at, 'html' as format from pages where run_id = ? and sha256 is not null"
            + only
            + " union all select url, sha256, fetched_at, format from documents where run_id = ? and sha256 is not null"
            + only,
            params + params,
        ):
            found.setdefault(row["sha256"], row)
        return found

    def blob_fetches(self, shas: list[str]) -> dict[str, dict[str, Any]]:
        """sha256 → url, fetch time and format of the first page or document of any run stored as that blob (the
        copies of the registry of practices found in earlier monitorings)."""
        found: dict[str, dict[str, Any]] = {}
        for start in range(0, len(shas), 500):
            chunk = shas[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for row in self.db.query(
                f"select url, sha256, fetched_at, 'html' as format, run_id from pages where sha256 in ({marks}) "
                f"union all select url, sha256, fetched_at, format, run_id from documents where sha256 in ({marks}) "
                "order by run_id",
                [*chunk, *chunk],
            ):
                found.setdefault(row["sha256"], row)
        return found

    def blobs_of_periods(self, periods: list[str]) -> set[str]:
        """Every blob a run of these periods refers to."""
        if not periods:
            return set()
        marks = ",".join("?" * len(periods))
        shas: set[str] = set()
        for table in ("pages", "documents"):
            for row in self.db.query(
                f"select t.sha256 from {table} t join runs r on r.id = t.run_id "
                f"where t.sha256 is not null and r.period in ({marks})",
                periods,
            ):
                shas.add(row["sha256"])
        return shas

    # -- incremental crawl and the extraction cache

    def previous_fetches(self, org_id: str) -> dict[str, dict[str, Any]]:
        """Latest validators and blob of every URL this organization answered before (any run)."""
        seen: dict[str, dict[str, Any]] = {}
        for table in ("pages", "documents"):
            for row in self.db.query(
                f"select url, etag, last_modified, sha256 from {table} "
                "where org_id = ? and sha256 is not null order by rowid",
                [org_id],
            ):
                seen[row["url"]] = {
                    "etag": row["etag"],
                    "last_modified": row["last_modified"],
                    "sha256": row["sha256"],
                }
        return {url: info for url, info in seen.items() if self.blobs.has(info["sha256"])}

    def cached_extraction(self, sha256: str, extractor_version: str) -> ExtractedText | None:
        rows = list(
            self.db.query(
                "select result from extractions where sha256 = ? and extractor_version = ?",
                [sha256, extractor_version],
            )
        )
        return ExtractedText.model_validate_json(rows[0]["result"]) if rows else None

    def cache_extraction(self, result: ExtractedText) -> None:
        with self.transaction():
            self.db.table("extractions").upsert(
                {
                    "sha256": result.sha256,
                    "extractor_version": result.extractor_version,
                    "result": result.model_dump_json(),
                    "created_at": utcnow().isoformat(),
                },
                pk="sha256",
            )


def _pid_alive(pid: int | None) -> bool:
    if not pid:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
