"""The SQLite store: migrations, crash safety, concurrent writers, content-addressed blobs."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from datetime import UTC, datetime
from pathlib import Path

import pytest

from crawler.models import (
    DocumentRecord,
    Evidence,
    ExtractedText,
    OrgCrawlResult,
    OrgFindings,
    OrgKind,
    PageRecord,
    RuleResult,
    Status,
)
from crawler.store import SCHEMA_VERSION, Store, StoreError

NOW = datetime(2026, 5, 20, 10, 0, tzinfo=UTC)


def crawl_result(org_id: str, sha: str | None = None) -> OrgCrawlResult:
    return OrgCrawlResult(
        org_id=org_id,
        reachable=True,
        started_at=NOW,
        finished_at=NOW,
        requests=3,
        bytes=1000,
        pages=[PageRecord(url="http://a/", final_url="http://a/", status=200, fetched_at=NOW, sha256=sha)],
        documents=[DocumentRecord(url="http://a/p.pdf", source_page="http://a/", sha256=sha, etag='"1"', format="pdf")],
    )


def findings(org_id: str, status: Status) -> OrgFindings:
    return OrgFindings(
        id=org_id,
        name="Школа",
        kind=OrgKind.OO,
        site="http://a/",
        reachable=True,
        rules=[RuleResult(rule_id="section", status=status, evidence=[Evidence(url="http://a/n")])],
        score=100.0 if status is Status.met else 0.0,
    )


def test_fresh_database_has_current_schema_and_wal(tmp_path: Path) -> None:
    store = Store(tmp_path / "m.db")
    assert store.schema_version() == SCHEMA_VERSION
    assert store.db.execute("pragma journal_mode").fetchone()[0] == "wal"
    assert {"runs", "run_orgs", "pages", "documents", "findings", "extractions"} <= set(store.db.table_names())
    store.close()
    # reopening does not migrate again or lose data
    again = Store(tmp_path / "m.db")
    assert again.schema_version() == SCHEMA_VERSION


def test_newer_schema_is_refused_in_russian(tmp_path: Path) -> None:
    store = Store(tmp_path / "m.db")
    store.db["meta"].upsert({"key": "schema_version", "value": str(SCHEMA_VERSION + 5)}, pk="key")
    store.close()
    with pytest.raises(StoreError, match="более новой версией программы"):
        Store(tmp_path / "m.db")


def test_run_round_trip_and_previous_fetches(tmp_path: Path) -> None:
    store = Store(tmp_path / "m.db")
    sha = store.blobs.put(b"%PDF-1.4 demo")
    assert store.blobs.put(b"%PDF-1.4 demo") == sha  # deduplicated
    run_id = store.start_run("2026-05", "scheduled", "2026-05-20")
    store.save_crawl(run_id, "Школа", "ОО", "http://a/", crawl_result("s1", sha))
    store.save_findings(run_id, findings("s1", Status.met), "v1")
    store.finish_run(run_id)
    assert store.latest_run("2026-05")["id"] == run_id
    assert store.findings(run_id)[0].rule("section").status is Status.met
    assert store.crawl_results(run_id)["s1"].documents[0].etag == '"1"'
    prev = store.previous_fetches("s1")
    assert prev["http://a/p.pdf"] == {"etag": '"1"', "last_modified": None, "sha256": sha}


def test_a_district_reads_only_its_own_organizations_read_only(tmp_path: Path) -> None:
    store = Store(tmp_path / "m.db")
    run_id = store.start_run("2026-05", "scheduled", "2026-05-20")
    for org_id in ("s1", "s2", "s3"):
        store.save_crawl(run_id, f"Школа {org_id}", "ОО", "http://a/", crawl_result(org_id))
        store.save_findings(run_id, findings(org_id, Status.met), "v1")
    store.finish_run(run_id)
    reader = Store.reader(tmp_path / "m.db")
    try:
        assert [f.id for f in reader.findings(run_id, ["s3", "s1"])] == ["s1", "s3"]  # stored order
        assert set(reader.crawl_results(run_id, ["s2"])) == {"s2"}
        assert [f.id for f in reader.findings(run_id, [])] == []
        assert reader.checked_orgs(run_id)[1][:2] == ("s2", "ОО")
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            reader.db.execute("delete from findings")
    finally:
        reader.close()
    assert len(store.findings(run_id)) == 3


KILLER = textwrap.dedent(
    """
    import os, signal, sys
    from datetime import UTC, datetime
    from crawler.store import Store
    from crawler.models import OrgCrawlResult
    store = Store(__import__("pathlib").Path(sys.argv[1]))
    run_id = store.start_run("2026-05", "scheduled", "2026-05-20")
    now = datetime.now(UTC)
    result = OrgCrawlResult(org_id="s1", reachable=True, started_at=now, finished_at=now)
    store.save_crawl(run_id, "Школа", "ОО", "http://a/", result)
    # die in the middle of a write transaction, as a power loss or SIGKILL would
    store.db.conn.execute("BEGIN IMMEDIATE")
    store.db.execute("delete from findings")
    store.db.execute("update runs set status = 'failed' where id = 1")
    os.kill(os.getpid(), signal.SIGKILL)
    """
)


def test_run_killed_midway_leaves_earlier_run_intact(tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    store = Store(db)
    first = store.start_run("2026-01", "scheduled", "2026-01-20")
    store.save_crawl(first, "Школа", "ОО", "http://a/", crawl_result("s1"))
    store.save_findings(first, findings("s1", Status.partial), "v1")
    store.finish_run(first)
    store.close()

    proc = subprocess.run([sys.executable, "-c", KILLER, str(db)], capture_output=True, timeout=60)
    assert proc.returncode == -9

    store = Store(db)
    assert store.db.execute("pragma integrity_check").fetchone()[0] == "ok"
    assert store.run(first)["status"] == "done"
    assert store.findings(first)[0].rule("section").status is Status.partial
    killed = next(r for r in store.runs() if r["id"] != first)
    assert killed["status"] == "running"
    assert store.mark_dead_runs_failed() == [killed["id"]]
    assert store.run(killed["id"])["status"] == "failed"
    assert store.latest_run()["id"] == first  # a failed run is never the latest result


WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from crawler.store import Store
    store = Store(Path(sys.argv[1]))
    for i in range(40):
        run_id = store.start_run("2026-05", "manual", "2026-05-20", options={"writer": sys.argv[2], "i": i})
        store.finish_run(run_id)
    """
)


def test_two_processes_write_without_corruption(tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    Store(db).close()
    procs = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(db), name], stderr=subprocess.PIPE) for name in ("a", "b")
    ]
    for proc in procs:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err.decode()
    store = Store(db)
    assert store.db.execute("pragma integrity_check").fetchone()[0] == "ok"
    assert len(store.runs()) == 80


def test_retention_removes_only_blobs_of_periods_beyond_the_limit(tmp_path: Path) -> None:
    import os

    from crawler.outputs import prune_archive

    store = Store(tmp_path / "m.db")
    shas = {}
    for period in ("2025-05", "2026-01", "2026-05"):
        sha = store.blobs.put(f"документ {period}".encode())
        shas[period] = sha
        run_id = store.start_run(period, "scheduled", f"{period}-20")
        store.save_crawl(run_id, "Школа", "ОО", "http://a/", crawl_result(f"org-{period}", sha))
        store.finish_run(run_id)
        os.utime(store.blobs.path(sha), (0, 0))  # old enough to be considered
    fresh = store.blobs.put(b"being written by a running crawl")
    assert prune_archive(store, keep_periods=2) == 1
    assert not store.blobs.has(shas["2025-05"])
    assert store.blobs.has(shas["2026-01"]) and store.blobs.has(shas["2026-05"])
    assert store.blobs.has(fresh)  # too young to delete


def _filled_store(db: Path) -> None:
    store = Store(db)
    run = store.start_run("2026-05", "scheduled", "2026-05-15", "v1", {"note": "x" * 5000})
    for i in range(200):
        store.cache_extraction(ExtractedText(sha256=f"{i:064d}", format="pdf", text="наставничество " * 200))
    store.finish_run(run, "done")
    store.close()


def test_an_empty_file_is_refused_not_made_a_new_database(tmp_path: Path) -> None:
    db = tmp_path / "monitor.db"
    db.write_bytes(b"")
    with pytest.raises(StoreError, match="файл пуст"):
        Store(db)
    assert db.stat().st_size == 0  # not silently turned into an empty database


def test_a_foreign_file_is_refused_and_left_alone(tmp_path: Path) -> None:
    db = tmp_path / "monitor.db"
    db.write_bytes(b"PK\x03\x04 not a database at all" * 100)
    before = db.read_bytes()
    with pytest.raises(StoreError, match="заголовок файла не от базы SQLite"):
        Store(db)
    assert db.read_bytes() == before


def test_a_damaged_page_is_found_before_anything_is_written(tmp_path: Path) -> None:
    db = tmp_path / "monitor.db"
    _filled_store(db)
    store = Store(db)
    copy = store.backup(keep=2)  # the last good copy the message must point at
    store.close()
    data = bytearray(db.read_bytes())
    page = 4096
    assert len(data) > 20 * page
    data[10 * page : 10 * page + 600] = b"\xa5" * 600  # a page in the middle of the table's b-tree
    db.write_bytes(bytes(data))
    with pytest.raises(StoreError) as caught:
        Store(db)
    assert "повреждена" in str(caught.value) and str(copy) in str(caught.value)
    assert db.read_bytes() == bytes(data)  # no run row was written into the damaged file


def test_backups_rotate(tmp_path: Path) -> None:
    db = tmp_path / "monitor.db"
    _filled_store(db)
    store = Store(db)
    made = [store.backup(keep=3) for _ in range(5)]
    kept = sorted((tmp_path / "monitor-backups").glob("monitor-*.db"))
    assert kept == sorted(p for p in made[-3:] if p)
    restored = Store(kept[-1])
    assert restored.runs("2026-05")[0]["status"] == "done"
