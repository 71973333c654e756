"""What a run leaves behind: findings.json, the evidence archive, the brief, and their retention.

Used by `crawler run`, `crawler report`, rechecks and retries alike, so that a brief regenerated
from the store is the same as the one the run wrote.
"""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from crawler.config import AppConfig
from crawler.models import STATUS_RU, OrgFindings, Registry
from crawler.registry import RegistryError, load_registry
from crawler.store import Store

if TYPE_CHECKING:
    from crawler.report.region import DistrictDigest


def findings_json(findings: list[OrgFindings]) -> list[dict[str, Any]]:
    """The machine-readable form of findings.json and `crawler export --format json`."""
    out = []
    for f in findings:
        out.append(
            {
                "id": f.id,
                "name": f.name,
                "kind": f.kind.value,
                "site": f.site,
                "reachable": f.reachable,
                "failure_reason": f.failure_reason,
                "checked_at": f.checked_at.isoformat() if f.checked_at else None,
                "section_url": f.section_url,
                "menu_path": f.menu_path,
                "documents": [
                    {
                        "url": d.url,
                        "final_url": d.final_url,
                        "type": d.type,
                        "title": d.title,
                        "approved_on": d.approved_on.isoformat() if d.approved_on else None,
                        "number": d.number,
                        "signed": d.signed,
                        "error": d.error,
                    }
                    for d in f.documents
                ],
                "rules": [
                    {
                        "id": r.rule_id,
                        "status": r.status.value,
                        "status_ru": STATUS_RU[r.status],
                        "points": r.points,
                        "evidence": [e.model_dump(mode="json", exclude_none=True) for e in r.evidence],
                        "note": r.note,
                        "remarks": r.remarks,
                        "manual": r.manual,
                    }
                    for r in f.rules
                ],
                "score": f.score,
                "zone": f.zone,
                # practices, cases and news about mentoring (the registry of practices, item 4.1); None: not collected
                "practices": None if f.practices is None else [p.model_dump(mode="json") for p in f.practices],
            }
        )
    return out


# ------------------------------------------------------------------ the brief's settings, stored with the run

# what the brief is signed and dated with: kept in the run's options, so a rebuild says the same
BRIEF_FIELDS: dict[str, str] = {
    "district": "округ",
    "issuer": "составитель (орган)",
    "office": "подразделение",
    "basis": "основание",
    "signatory_position": "должность подписанта",
    "signatory_name": "подписант",
    "executor": "исполнитель",
    "timezone": "часовой пояс",
}


def brief_settings(config: AppConfig, district: str | None) -> dict[str, str]:
    """Every field of the brief's heading and signature from a configuration (defaults included)."""
    return {
        "district": config.district or district or "",
        "issuer": config.issuer,
        "office": config.office,
        "basis": config.basis,
        "signatory_position": config.signatory.position,
        "signatory_name": config.signatory.name,
        "executor": config.executor.line(),
        "timezone": config.timezone,
    }


def explicit_settings(config: AppConfig) -> dict[str, str]:
    """Only the fields the configuration file states: those may change what a period's run stored."""
    given = config.model_fields_set
    out: dict[str, str] = {}
    if "district" in given and config.district:
        out["district"] = config.district
    for name in ("issuer", "office", "basis", "timezone"):
        if name in given:
            out[name] = getattr(config, name)
    if "signatory" in given:
        if "position" in config.signatory.model_fields_set:
            out["signatory_position"] = config.signatory.position
        if "name" in config.signatory.model_fields_set:
            out["signatory_name"] = config.signatory.name
    if "executor" in given and {"name", "phone"} & config.executor.model_fields_set:
        out["executor"] = config.executor.line()
    return out


def rules_edition(ruleset: Any) -> date | None:
    """«Редакция критериев от …»: the newest date a criterion of the rule set took effect."""
    dates = [r.effective_from for r in getattr(ruleset, "rules", []) if getattr(r, "effective_from", None)]
    return max(dates) if dates else None


def run_options(run: dict[str, Any]) -> dict[str, Any]:
    options = json.loads(run.get("options") or "{}")
    return options if isinstance(options, dict) else {}


def settle_brief_settings(
    store: Store, run_id: int, config: AppConfig, registry: Registry | None, config_given: bool
) -> list[str]:
    """Keep the signatory, executor, basis, district and time zone a period's brief was made with.

    A rebuild (report, recheck --apply, retry) uses the stored ones; a configuration given on the command line
    changes those it states, and they are stored for the next rebuild. Returns the changes in Russian
    («подписант: «…» → «…»»). A run from before these were stored takes them from the configuration now.
    """
    run = store.run(run_id)
    assert run is not None
    options = run_options(run)
    stored = options.get("brief")
    if not isinstance(stored, dict):
        fallback = registry.district if registry else _district_of(run)
        options["brief"] = brief_settings(config, fallback)
        store.set_run_options(run_id, options)
        return []
    if not config_given:
        return []
    changes = []
    for name, value in explicit_settings(config).items():
        if stored.get(name) != value:
            changes.append(f"{BRIEF_FIELDS[name]}: «{stored.get(name) or '—'}» → «{value or '—'}»")
            stored[name] = value
    if changes:
        options["brief"] = stored
        store.set_run_options(run_id, options)
    return changes


def write_outputs(
    store: Store,
    run_id: int,
    out: Path,
    config: AppConfig,
    ruleset: Any,
    registry: Registry | None = None,
    compare_with: str | None = None,
) -> dict[str, Path]:
    """findings-PERIOD.json, the evidence archive and the brief for one run.

    Every file and folder carries the period, so January and May share one --out without overwriting each
    other; findings.json is also kept as a copy of the latest period's, for scripts that read one file.
    A region's districts are written each in a helper process that reads only its own organizations, so the
    report stage takes both cores and its memory does not grow with the region.
    """
    from crawler.report import write_brief

    run = store.run(run_id)
    assert run is not None
    period = run["period"]
    out.mkdir(parents=True, exist_ok=True)
    paths = write_findings_json(store, run, out)
    archive = archive_dir_name(period)
    practices = practice_registry(store, period, run_id)
    groups = district_groups(run, store.checked_orgs(run_id))
    if len(groups) == 1:
        findings = ordered(store.findings(run_id), run)
        extensions = archive_evidence(store, findings, out / archive, run_id, practices)
        data = build_brief_data(store, run, findings, config, ruleset, registry, compare_with)
        data = data.model_copy(update={"archive_dir": archive, "archive_ext": extensions, "practices": practices})
        paths.update(write_brief(data, out))
        return paths
    # a region: one brief per district (each a document a person can read and sign) and the region's summary
    from crawler.report.region import write_region_summary

    jobs = []
    for name, ids in groups:
        members = set(ids)
        theirs = [item for item in practices if item.org_id in members]
        jobs.append(DistrictJob(store.db_path, run_id, name, ids, out, config, ruleset, registry, compare_with, theirs))
    index: dict[str, dict[str, Any]] = {}
    digests = []
    for job, (written, digest, their_index) in zip(jobs, _map_districts(jobs, config.extract.workers), strict=True):
        paths.update({f"{key}@{job.name}": path for key, path in written.items()})
        digests.append(digest)
        for sha, entry in their_index.items():
            index.setdefault(sha, entry)
    write_evidence_index(out / archive, index)
    region = run_options(run).get("region") or (registry.region if registry else None) or "региона"
    paths.update(write_region_summary(digests, region, out))
    return paths


def write_findings_json(store: Store, run: dict[str, Any], out: Path) -> dict[str, Path]:
    """findings-PERIOD.json (and findings.json when no later period is there), written a few hundred
    organizations at a time: a region's findings are never all in memory at once."""
    period = run["period"]
    ids = [org_id for org_id, _, _ in sorted(store.checked_orgs(run["id"]), key=order_key(run))]
    own = out / f"findings-{period}.json"
    partial = own.with_name(f".{own.name}.part")
    try:
        with partial.open("w", encoding="utf-8") as fh:
            separator = "[\n  "  # the layout of json.dumps(all, indent=2), one organization at a time
            for start in range(0, len(ids), 200):
                chunk = ids[start : start + 200]
                by_id = {f.id: f for f in store.findings(run["id"], chunk)}
                for record in findings_json([by_id[i] for i in chunk if i in by_id]):
                    fh.write(separator + json.dumps(record, ensure_ascii=False, indent=2).replace("\n", "\n  "))
                    separator = ",\n  "
            fh.write("[]" if separator.startswith("[") else "\n]")
        os.replace(partial, own)
    finally:
        partial.unlink(missing_ok=True)
    paths = {"findings": own}
    later = [p for p in out.glob("findings-*.json") if p.stem.removeprefix("findings-") > period]
    if not later:
        copy_atomically(own, out / "findings.json")
        paths["findings_latest"] = out / "findings.json"
    return paths


@dataclass(frozen=True)
class DistrictJob:
    """One district's share of a regional run's outputs: its brief, appendix, exports, letters and evidence."""

    db: Path
    run_id: int
    name: str
    org_ids: list[str]
    out: Path
    config: AppConfig
    ruleset: Any
    registry: Registry | None
    compare_with: str | None
    practices: list[Any]


def write_district(job: DistrictJob) -> tuple[dict[str, Path], DistrictDigest, dict[str, dict[str, Any]]]:
    """Write one district's outputs from the store; returns their paths, the district's digest for the region's
    summary and its entries of the evidence index."""
    from crawler.report import write_brief_and_view
    from crawler.report.region import digest

    store = Store.reader(job.db)
    try:
        run = store.run(job.run_id)
        assert run is not None
        period = run["period"]
        archive = archive_dir_name(period)
        findings = ordered(store.findings(job.run_id, job.org_ids), run)
        index, extensions = collect_evidence(store, findings, job.out / archive, job.run_id, job.practices)
        past = PastFindings.load(store, period, job.compare_with, set(job.org_ids))
        data = build_brief_data(
            store, run, findings, job.config, job.ruleset, job.registry, job.compare_with, past, job.name
        )
        data = data.model_copy(update={"archive_dir": archive, "archive_ext": extensions, "practices": job.practices})
        written, view = write_brief_and_view(data, job.out, suffix=f"-{district_slug(job.name)}")
        return written, digest(view), index
    finally:
        store.close()


DISTRICTS_PER_PROCESS = 4  # then a fresh process: the memory a district's reports left behind is given back


def _map_districts(
    jobs: list[DistrictJob], workers: int
) -> Iterator[tuple[dict[str, Path], DistrictDigest, dict[str, dict[str, Any]]]]:
    """The districts' outputs in order, written by up to `workers` fresh processes (spawned, not forked: a
    fork would copy the run's memory into each)."""
    workers = min(workers, len(jobs))
    if workers < 2:
        yield from map(write_district, jobs)
        return
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context

    # a fresh pool for every few districts per process (the executor's own max_tasks_per_child hangs on
    # Python 3.11 when it replaces a worker)
    batch = workers * DISTRICTS_PER_PROCESS
    for start in range(0, len(jobs), batch):
        with ProcessPoolExecutor(workers, mp_context=get_context("spawn"), initializer=_ignore_ctrl_c) as pool:
            yield from pool.map(write_district, jobs[start : start + batch])


def _ignore_ctrl_c() -> None:
    """Ctrl-C is the run's to handle: a district's process finishes its files or dies with the pool."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def district_groups(run: dict[str, Any], orgs: list[tuple[str, str, str]]) -> list[tuple[str, list[str]]]:
    """The ids of the run's organizations (id, kind, name) by district, in registry order; one group unless
    the registry had several districts."""
    districts: dict[str, str] = run_options(run).get("districts") or {}
    ids = [org_id for org_id, _, _ in sorted(orgs, key=order_key(run))]
    if len(set(districts.values())) < 2:
        return [("", ids)]
    groups: dict[str, list[str]] = {}
    for org_id in ids:
        groups.setdefault(districts.get(org_id, ""), []).append(org_id)
    return list(groups.items())


def district_slug(name: str) -> str:
    """A district's name in a file name: latin letters, digits and hyphens («Тонкинский МО» → tonkinskiy-mo)."""
    from crawler.report.model import safe_slug

    return safe_slug(re.sub(r"[^a-z0-9]+", "-", transliterate(name).lower()))


_TRANSLIT = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u",
         "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"],
        strict=True,
    )
)  # fmt: skip


def transliterate(text: str) -> str:
    return "".join(_TRANSLIT.get(ch, _TRANSLIT.get(ch.lower(), ch)) for ch in text)


def write_atomically(path: Path, text: str) -> None:
    """Write beside and rename: a full disk leaves the earlier file whole, never a truncated one."""
    partial = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        partial.write_text(text, encoding="utf-8")
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)


def archive_dir_name(period: str) -> str:
    """The evidence archive of one period, beside its brief."""
    return f"archive-{period}"


KIND_ORDER = {"ОО": 0, "ДОУ": 1, "ДО": 2}


def order_key(run: dict[str, Any]) -> Callable[[tuple[str, str, str]], tuple[int, int, str]]:
    """Registry order within kinds (ОО, ДОУ, ДО) of (id, kind, name): the brief lists organizations as the ИДК
    keeps them."""
    order = json.loads(run.get("options") or "{}").get("order") or []
    position = {org_id: i for i, org_id in enumerate(order)}
    return lambda org: (KIND_ORDER.get(org[1], 9), position.get(org[0], len(position)), org[2])


def ordered(findings: list[OrgFindings], run: dict[str, Any]) -> list[OrgFindings]:
    key = order_key(run)
    return sorted(findings, key=lambda f: key((f.id, f.kind.value, f.name)))


ARCHIVE_EXT = {
    "pdf": ".pdf", "docx": ".docx", "doc": ".doc", "odt": ".odt", "ods": ".ods", "rtf": ".rtf", "xlsx": ".xlsx",
    "xls": ".xls", "jpg": ".jpg", "png": ".png", "tiff": ".tif", "html": ".html", "txt": ".txt", "zip": ".zip",
}  # fmt: skip


def practice_registry(store: Store, period: str, run_id: int | None = None) -> list[Any]:
    """The district's registry of practices as of a period: the monitoring of each period up to it (the brief's
    own run for its period), one row per item."""
    from crawler.report.practices import build_registry, sightings_from_rows

    ids = [r["id"] for r in store.monitoring_runs(until=period) if run_id is None or r["period"] != period]
    if run_id is not None:
        ids.append(run_id)
    return build_registry(sightings_from_rows(store.practice_sightings(ids)), period)


def archive_evidence(
    store: Store, findings: list[OrgFindings], archive: Path, run_id: int, practices: list[Any] | None = None
) -> dict[str, str]:
    """collect_evidence() and its index.json; returns sha → extension."""
    index, extensions = collect_evidence(store, findings, archive, run_id, practices)
    write_evidence_index(archive, index)
    return extensions


def write_evidence_index(archive: Path, index: dict[str, dict[str, Any]]) -> None:
    if index:
        archive.mkdir(parents=True, exist_ok=True)
        write_atomically(archive / "index.json", json.dumps(index, ensure_ascii=False, indent=2))


def collect_evidence(
    store: Store, findings: list[OrgFindings], archive: Path, run_id: int, practices: list[Any] | None = None
) -> tuple[dict[str, dict[str, Any]], dict[str, str]]:
    """Copy every page and document behind a verdict next to the brief, with fetch time and headers; and the copy
    of every item of the registry of practices (found in this or an earlier monitoring, while the store keeps it).

    Files are named <sha[:2]>/<sha><ext> so that a browser opens them by type; returns the entries of the
    archive's index.json and sha → extension.
    """
    meta = store.fetched_blobs(run_id, [f.id for f in findings])
    wanted: dict[str, tuple[str, str]] = {}  # sha -> (url, org_id)
    for f in findings:
        for d in f.documents:
            if d.sha256:
                wanted.setdefault(d.sha256, (d.url, f.id))
        for r in f.rules:
            for e in r.evidence:
                if e.archived:
                    wanted.setdefault(e.archived, (e.url, f.id))
    formats: dict[str, str] = {}
    for item in practices or []:
        if item.archived:
            wanted.setdefault(item.archived, (item.url, item.org_id))
            formats.setdefault(item.archived, item.format or "")
    earlier = [sha for sha in wanted if sha not in meta]
    if earlier:  # materials of the registry found by an earlier monitoring: their fetch as it was
        meta = {**store.blob_fetches(earlier), **meta}
    headers = {
        d.sha256: (d.headers, d.http_status)
        for crawl in store.crawl_results(run_id, [f.id for f in findings]).values()
        for d in crawl.documents
        if d.sha256
    }
    index: dict[str, dict[str, Any]] = {}
    extensions: dict[str, str] = {}
    for sha, (url, org_id) in wanted.items():
        if not store.blobs.has(sha):
            continue
        info = meta.get(sha, {})
        fmt = info.get("format") or formats.get(sha) or ""
        if fmt == "scan_pages":  # pictures of one scan: the copy is a page that shows them in order
            ext = ".html"
            target = archive / sha[:2] / f"{sha}{ext}"
            if not target.exists():
                _archive_scan_pages(store, sha, archive, target, url)
        else:
            ext = ARCHIVE_EXT.get(fmt, "")
            target = archive / sha[:2] / f"{sha}{ext}"
            if not target.exists():
                copy_atomically(store.blobs.path(sha), target)
        extensions[sha] = ext
        got_headers, status = headers.get(sha, ({}, None))
        index[sha] = {
            "file": f"{sha[:2]}/{sha}{ext}",
            "url": info.get("url") or url,
            "org_id": org_id,
            "fetched_at": info.get("fetched_at"),
            "http_status": status,
            "headers": got_headers,
        }
    return index, extensions


def copy_atomically(source: Path, target: Path) -> None:
    """Copy beside and rename: two districts' processes may archive the same file at once."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.{os.getpid()}.part")
    try:
        shutil.copyfile(source, partial)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)


def _archive_scan_pages(store: Store, sha: str, archive: Path, target: Path, url: str) -> None:
    """A scan pasted as pictures: its pages copied beside a small HTML page that shows them one after another."""
    from html import escape

    from crawler.extract.scanpages import page_blobs
    from crawler.extract.sniff import sniff_format

    try:
        pages = page_blobs(store.blobs.path(sha))
    except Exception:  # a broken manifest: nothing to show, the index still names the source
        pages = []
    images = []
    for page in pages:
        head = page.read_bytes()[:64]
        ext = ARCHIVE_EXT.get(sniff_format(head, None, page.name), ".img")
        copy = archive / page.name[:2] / f"{page.name}{ext}"
        if not copy.exists():
            copy_atomically(page, copy)
        images.append(f"../{page.name[:2]}/{page.name}{ext}")
    body = "".join(f'<p><img src="{escape(src)}" style="max-width:100%" alt="страница {i}"></p>'
                   for i, src in enumerate(images, 1))  # fmt: skip
    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(
        target,
        f'<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>Скан: {escape(url)}</title></head>'
        f"<body><p>Скан документа со страницы {escape(url)} (страниц: {len(images)})</p>{body}</body></html>",
    )


def previous_period_run(store: Store, period: str, compare_with: str | None) -> dict[str, Any] | None:
    if compare_with:
        return store.latest_run(compare_with)
    earlier = [p for p in store.periods() if p < period]
    return store.latest_run(earlier[-1], "scheduled") if earlier else None


@dataclass
class PastFindings:
    """The monitorings before a run, read once: the one to compare with, and every earlier period (trend)."""

    previous_period: str | None
    previous: list[OrgFindings] | None
    history: list[tuple[str, list[OrgFindings]]]

    @classmethod
    def load(cls, store: Store, period: str, compare_with: str | None, org_ids: set[str] | None = None) -> PastFindings:
        """The monitorings before `period`, of org_ids only if given (one district of a region)."""
        prev_run = previous_period_run(store, period, compare_with)
        history = []
        for past_period in store.periods():
            if past_period >= period:
                continue
            past = store.latest_run(past_period, "scheduled")
            if past:
                history.append((past_period, store.findings(past["id"], org_ids)))
        return cls(
            prev_run["period"] if prev_run else None,
            store.findings(prev_run["id"], org_ids) if prev_run else None,
            history,
        )


def signing(settings: dict[str, Any], config: AppConfig) -> dict[str, str]:
    """Who issues and signs a document, and its time zone: the run's stored settings, else the configuration."""
    return {
        "issuer": settings.get("issuer", config.issuer),
        "office": settings.get("office", config.office),
        "basis": settings.get("basis", config.basis),
        "signatory_position": settings.get("signatory_position", config.signatory.position),
        "signatory_name": settings.get("signatory_name", config.signatory.name),
        "executor": settings.get("executor", ""),
        "timezone": settings.get("timezone") or config.timezone,
    }


def build_brief_data(
    store: Store,
    run: dict[str, Any],
    findings: list[OrgFindings],
    config: AppConfig,
    ruleset: Any,
    registry: Registry | None,
    compare_with: str | None,
    past: PastFindings | None = None,
    district: str | None = None,
) -> Any:
    from crawler.report import summarize
    from crawler.report.model import BriefData, Criterion

    criteria = [
        Criterion(
            id=r.id,
            title=r.title,
            description=r.description,
            roadmap_items=list(r.roadmap_items),
            weight=r.weight,
            met=r.met,
            partial=r.partial,
            not_met=r.not_met,
            advice=r.advice,
        )
        for r in ruleset.rules
    ]
    past = past or PastFindings.load(store, run["period"], compare_with)
    history = [
        summarize(found, criteria).model_copy(update={"period": period}) for period, found in past.history if found
    ]
    rechecks = store.rechecks(run["id"])
    # the first and the last fetch of the run (applied rechecks and retries included)
    fetched = [f.checked_at for f in findings if f.checked_at] + [a.at for f in findings for a in f.attempts]
    options = run_options(run)
    settings = options.get("brief")
    if not isinstance(settings, dict):  # a run from before the brief's settings were stored with it
        settings = brief_settings(config, registry.district if registry else _district_of(run))
    edition = options.get("rules_edition")
    return BriefData(
        district=district or settings.get("district") or (registry.district if registry else _district_of(run)),
        period=run["period"],
        today=date.fromisoformat(run["today"]),
        generated_at=datetime.now(UTC),
        crawl_started=min(fetched) if fetched else datetime.fromisoformat(run["started_at"]),
        crawl_finished=max(fetched) if fetched else None,
        **signing(settings, config),
        rules_version=run.get("rules_version") or ruleset.version,
        rules_edition=date.fromisoformat(edition) if edition else rules_edition(ruleset),
        zones=[(z.name, z.min_percent) for z in ruleset.zones],
        criteria=criteria,
        findings=findings,
        previous_period=past.previous_period,
        previous=past.previous,
        history=history,
        archive_dir=archive_dir_name(run["period"]),
        rechecks=rechecks,
        machine_limits=options.get("machine_warnings") or [],
    )


def _district_of(run: dict[str, Any]) -> str:
    options = json.loads(run.get("options") or "{}")
    registry = options.get("registry")
    if registry and Path(registry).exists():
        try:
            return load_registry(Path(registry)).district
        except RegistryError:
            pass
    return "муниципального округа"


def prune_archive(store: Store, keep_periods: int, min_age: timedelta = timedelta(days=1)) -> int:
    """Retention: delete blobs that no run of the last `keep_periods` periods refers to.

    Blobs younger than `min_age` are kept: they may belong to a run that is writing right now.
    """
    periods = sorted({r["period"] for r in store.runs()})
    keep = periods[-keep_periods:]
    if not keep:
        return 0
    keep_shas = store.blobs_of_periods(keep)
    cutoff = (datetime.now() - min_age).timestamp()
    removed = 0
    for path in store.blobs.root.glob("*/*"):
        if path.name not in keep_shas and not path.name.startswith(".") and path.stat().st_mtime < cutoff:
            path.unlink()
            removed += 1
    return removed


def findings_csv(data: list[dict[str, Any]], stream: IO[str]) -> None:
    """`crawler export --format csv`: one row per organization and criterion (semicolons, as Excel reads)."""
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
