"""The whole job on the demo district, through the real CLI in subprocesses, over real sockets.

Every organization's ten verdicts must equal the truth file; the exports, the regenerated
brief and the store must agree with what the run wrote.
"""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from crawler.demo.farm import DemoFarm, load_truth
from crawler.demo.truth import same_url
from crawler.store import Store

pytestmark = pytest.mark.slow  # crawls or serves whole districts: not in make test-fast

RULE_IDS = [
    "section", "regulation", "roadmap", "curator", "pairs",
    "mentor_base", "pay_incentives", "practices", "monitoring", "freshness",
]  # fmt: skip
FAST_CONFIG = {"crawl": {"delay_seconds": 0.0, "timeout_seconds": 15, "retries": 1}}
# what the brief is signed with: stored with each period's run, so a rebuild without -c keeps it
BRIEF_CONFIG = {
    "signatory": {"position": "Методист информационно-диагностического кабинета", "name": "И. И. Иванова"},
    "executor": {"name": "Петрова А. С.", "phone": "8 (83171) 4-55-12"},
    "timezone": "Europe/Moscow",
}


def crawler(*args: str, cwd: Path | None = None, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "crawler.cli", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
        cwd=cwd,
    )


def write_config(path: Path, extra: dict[str, Any] | None = None) -> Path:
    data = json.loads(json.dumps(FAST_CONFIG))
    data.update(extra or {})
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def district(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """Run the January (previous) and May (current) monitorings of the demo district once."""
    truth = load_truth()
    work = tmp_path_factory.mktemp("district")
    farm = DemoFarm(port=0)
    farm.start()
    try:
        registry = farm.write_registry(work / "registry.yaml")
        config = write_config(work / "config.yaml", BRIEF_CONFIG)
        results = {}
        for variant in ("previous", "current"):
            spec = truth.variants[variant]
            farm.set_variant(variant)
            proc = crawler(
                "run", "--registry", str(registry), "--db", str(work / "monitor.db"),
                "--out", str(work / "out"), "--period", spec.period, "--today", spec.today.isoformat(),
                "--config", str(config), "--quiet",
            )  # fmt: skip
            assert proc.returncode == 0, proc.stdout + proc.stderr
            results[variant] = json.loads((work / "out" / f"findings-{spec.period}.json").read_text(encoding="utf-8"))
        # the annual analytic report of the year (item 5.6), from the store, beside the briefs
        year = truth.variants["current"].period[:4]
        proc = crawler("report", "--db", str(work / "monitor.db"), "--year", year, "--out", str(work / "out"))
        assert proc.returncode == 0, proc.stdout + proc.stderr
        yield {"truth": truth, "work": work, "results": results, "registry": registry, "config": config, "year": year}
    finally:
        farm.stop()


def _statuses(org: dict[str, Any]) -> dict[str, str]:
    return {r["id"]: r["status"] for r in org["rules"]}


@pytest.mark.parametrize("variant", ["current", "previous"])
def test_every_verdict_equals_the_truth(district: Any, variant: str) -> None:
    found = {o["id"]: o for o in district["results"][variant]}
    mismatches = []
    for expected in district["truth"].organizations:
        want = expected.rules if variant == "current" else expected.rules_previous
        got = _statuses(found[expected.id])
        for rule_id in RULE_IDS:
            if got.get(rule_id) != want[rule_id]:
                note = next((r["note"] for r in found[expected.id]["rules"] if r["id"] == rule_id), "")
                mismatches.append(f"{expected.id}.{rule_id}: {got.get(rule_id)} != {want[rule_id]} ({note})")
    assert not mismatches, "\n".join(mismatches)


def test_every_status_carries_evidence_and_unreachable_is_never_not_met(district: Any) -> None:
    for org in district["results"]["current"]:
        for rule in org["rules"]:
            assert rule["note"], (org["id"], rule["id"])
            if org["reachable"]:
                assert rule["evidence"], (org["id"], rule["id"])
            else:
                assert rule["status"] == "unknown"
        if not org["reachable"]:
            assert org["failure_reason"] and org["score"] is None


def test_sections_and_documents_match_the_truth(district: Any) -> None:
    found = {o["id"]: o for o in district["results"]["current"]}
    for expected in district["truth"].organizations:
        org = found[expected.id]
        assert org["reachable"] is expected.reachable, expected.id
        if not expected.reachable:
            continue
        if expected.section:
            assert org["section_url"] and same_url(org["section_url"], expected.section), expected.id
        else:
            assert org["section_url"] is None, expected.id
        found_docs = [u for d in org["documents"] for u in (d["url"], d["final_url"]) if u]
        for doc in expected.docs_in("current"):
            if doc.url.startswith("http") and not doc.url.startswith("http://127."):
                continue  # cloud links are checked as external records by the crawl tests
            assert any(same_url(u, doc.url) for u in found_docs), f"{expected.id}: {doc.url}"


def test_export_json_and_csv_agree_with_findings(district: Any) -> None:
    work, period = district["work"], district["truth"].variants["current"].period
    exported = crawler("export", "--db", str(work / "monitor.db"), "--period", period, "--format", "json")
    assert exported.returncode == 0, exported.stderr
    assert json.loads(exported.stdout) == district["results"]["current"]
    as_csv = crawler("export", "--db", str(work / "monitor.db"), "--period", period, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout), delimiter=";"))
    assert len(rows) == sum(len(o["rules"]) for o in district["results"]["current"])
    first = district["results"]["current"][0]
    assert {r["rule"]: r["status"] for r in rows if r["id"] == first["id"]} == _statuses(first)


def test_report_regenerates_the_brief_from_the_store(district: Any, tmp_path: Path) -> None:
    work, period = district["work"], district["truth"].variants["current"].period
    proc = crawler(
        "report", "--db", str(work / "monitor.db"), "--period", period, "--out", str(tmp_path),
        "--config", str(district["config"]),
    )  # fmt: skip
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert json.loads((tmp_path / "findings.json").read_text(encoding="utf-8")) == district["results"]["current"]
    html = (tmp_path / f"spravka-{period}.html").read_text(encoding="utf-8")
    assert "Информационная справка" in html
    previous = district["truth"].variants["previous"].period
    assert previous.split("-")[0] in html


def test_second_run_reextracts_nothing(district: Any) -> None:
    store = Store(district["work"] / "monitor.db")
    runs = [r for r in store.runs() if r["status"] == "done"]
    assert len(runs) == 2
    # every stored document was extracted once: the cache is keyed by content hash
    docs = {r["sha256"] for r in store.db.query("select sha256 from documents where sha256 is not null")}
    cached = {r["sha256"] for r in store.db.query("select sha256 from extractions")}
    assert docs <= cached


def test_changes_since_january_equal_the_truth_differences(district: Any) -> None:
    """The May brief counts fixed / regressed items exactly as the sites changed between the two states."""
    rank = {"not_met": 0, "partial": 1, "met": 2}
    fixed = improved = regressed = 0
    for org in district["truth"].organizations:
        for rule_id in RULE_IDS:
            before, after = org.rules_previous[rule_id], org.rules[rule_id]
            if "unknown" in (before, after) or before == after:
                continue
            if rank[after] < rank[before]:
                regressed += 1
            elif after == "met":
                fixed += 1
            else:
                improved += 1
    assert fixed and regressed, "the demo's January state must differ both ways"
    period = district["truth"].variants["current"].period
    html = (district["work"] / "out" / f"spravka-{period}.html").read_text(encoding="utf-8")
    text = " ".join(html.split())
    assert f"исправлено — {fixed}," in text
    assert f"улучшено — {improved}," in text
    assert f"ухудшилось — {regressed}," in text


def test_every_archive_link_of_the_brief_opens_a_stored_copy(district: Any) -> None:
    """A disputed verdict can be settled later: each copy linked from the appendix points at a real file."""
    from bs4 import BeautifulSoup

    out = district["work"] / "out"
    period = district["truth"].variants["current"].period
    soup = BeautifulSoup((out / f"prilozhenie-{period}.html").read_text(encoding="utf-8"), "lxml")
    links = {a["href"] for a in soup.find_all("a", href=True) if a["href"].startswith(f"archive-{period}/")}
    assert len(links) > 20
    missing = [href for href in links if not (out / href).is_file()]
    assert not missing, missing[:5]
    assert any(href.endswith(".pdf") for href in links)  # opened by type in a browser
    index = json.loads((out / f"archive-{period}" / "index.json").read_text(encoding="utf-8"))
    assert all(entry["fetched_at"] and entry["url"].startswith("http") for entry in index.values())


def test_both_periods_keep_their_own_files_in_one_out(district: Any) -> None:
    """January and May share one --out: May's run must not overwrite January's letters, archive or findings."""
    out = district["work"] / "out"
    truth = district["truth"]
    january, may = truth.variants["previous"].period, truth.variants["current"].period
    for variant, period in (("previous", january), ("current", may)):
        findings = json.loads((out / f"findings-{period}.json").read_text(encoding="utf-8"))
        assert findings == district["results"][variant]
        for name in (
            f"spravka-{period}.html", f"spravka-{period}.docx", f"prilozhenie-{period}.html",
            f"prilozhenie-{period}.docx", f"matrix-{period}.xlsx",
        ):  # fmt: skip
            assert (out / name).is_file(), name
        letters = sorted(p.stem for p in (out / f"letters-{period}").glob("*.html"))
        assert letters == sorted(o["id"] for o in findings), period
        assert (out / f"archive-{period}" / "index.json").is_file()
    # January's letters speak of January, May's of May
    org_id = district["results"]["previous"][0]["id"]
    assert "2026" in (out / f"letters-{january}" / f"{org_id}.html").read_text(encoding="utf-8")
    assert (out / f"letters-{january}" / f"{org_id}.html").read_bytes() != (
        out / f"letters-{may}" / f"{org_id}.html"
    ).read_bytes()
    # the plain findings.json is the latest period's
    assert json.loads((out / "findings.json").read_text(encoding="utf-8")) == district["results"]["current"]


# ------------------------------------------------------------------------------- facts and names (#16)


@pytest.mark.parametrize("variant", ["current", "previous"])
def test_facts_equal_the_truth(district: Any, variant: str) -> None:
    """Counts of mentors, mentees, pairs and groups, forms and the curator's position, read as truth.yaml says."""
    from crawler.demo.truth import facts_mismatches

    store = Store(district["work"] / "monitor.db")
    period = district["truth"].variants[variant].period
    run = store.latest_run(period, "scheduled")
    assert run is not None
    wrong = []
    for found in store.findings(run["id"]):
        known_as = {d.url: [d.final_url] for d in found.documents if d.final_url}
        expected = district["truth"].org(found.id).facts_at(variant)
        wrong += [f"{found.id}: {w}" for w in facts_mismatches(expected, found.facts, known_as)]
    assert not wrong, "\n".join(wrong)


def _demo_people() -> list[tuple[str, str, str]]:
    """(surname, first name or initial, patronymic or initial) of every person named in the demo's documents."""
    import re

    demo = Path(__file__).parents[1] / "crawler" / "demo"
    sources = [p.read_text(encoding="utf-8") for p in [*demo.glob("*.py"), *(demo / "fixtures").glob("*.txt")]]
    text = "\n".join(sources)
    up, lo = "А-ЯЁ", "а-яё"
    full = re.compile(rf"\b([{up}][{lo}]+) ([{up}][{lo}]+) ([{up}][{lo}]+(?:вн|ичн|вич|ьич)[{lo}]*)\b")
    short = re.compile(rf"\b([{up}])\. ?([{up}])\. ?([{up}][{lo}]{{2,}})\b")
    people = {(s, n, p) for s, n, p in full.findall(text)}
    people |= {(s, i, j) for i, j, s in short.findall(text)}
    return sorted(people)


def _forbidden(person: tuple[str, str, str]) -> list[str]:
    """Regexes that find the person in any case form: «Павлову Ирину», «Павлова И.С.», «И. С. Павлова»."""
    import re

    def stem(word: str) -> str:
        return re.escape(word[:-2] if len(word) > 4 else word)

    surname, first, patronymic = person
    s, i, j = stem(surname), re.escape(first[0]), re.escape(patronymic[0])
    pats = [rf"\b{s}[а-яё]{{0,3}}\s+{i}\.\s?{j}\.", rf"\b{i}\.\s?{j}\.\s?{s}[а-яё]{{0,3}}\b"]
    if len(first) > 1:
        pats.append(rf"\b{s}[а-яё]{{0,3}}\s+{stem(first)}[а-яё]{{0,3}}\s+{stem(patronymic)}")
        pats.append(rf"\b{stem(first)}[а-яё]{{0,3}}\s+{stem(patronymic)}[а-яё]{{0,3}}\s+{s}")
    return pats


def test_no_personal_name_reaches_an_export(district: Any) -> None:
    """Counts and positions only: no person named in the demo's documents appears in findings, exports or brief."""
    import re

    from docx import Document
    from openpyxl import load_workbook

    work = district["work"]
    out = work / "out"
    texts: dict[str, str] = {p.name: p.read_text(encoding="utf-8") for p in out.glob("*.json")}
    texts |= {p.name: p.read_text(encoding="utf-8") for p in [*out.glob("*.csv"), *out.glob("*.html")]}
    texts |= {f"letters/{p.name}": p.read_text(encoding="utf-8") for p in out.glob("letters-*/*.html")}
    for path in [*out.glob("*.docx"), *out.glob("letters-*/*.docx")]:
        doc = Document(str(path))
        cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
        texts[path.name] = "\n".join([p.text for p in doc.paragraphs] + cells)
    for path in out.glob("*.xlsx"):
        wb = load_workbook(path, read_only=True)
        texts[path.name] = "\n".join(
            str(v) for ws in wb.worksheets for row in ws.iter_rows(values_only=True) for v in row if v
        )
    year, period = district["year"], district["truth"].variants["current"].period
    new_outputs = [
        f"svedeniya-{period}.csv", f"svedeniya-{period}.xlsx", f"reestr-praktik-{period}.html",
        f"reestr-praktik-{period}.xlsx", f"otchet-{year}.html", f"otchet-{year}.docx", f"svedeniya-{year}.csv",
        f"svedeniya-{year}.xlsx", f"reestr-praktik-{year}.html", f"reestr-praktik-{year}.xlsx",
    ]  # fmt: skip
    assert not [name for name in new_outputs if name not in texts]  # the district data, registry, annual report
    for fmt in ("json", "csv"):
        exported = crawler("export", "--db", str(work / "monitor.db"), "--format", fmt)
        assert exported.returncode == 0, exported.stderr
        texts[f"export.{fmt}"] = exported.stdout
    store = Store(work / "monitor.db")
    texts["store findings"] = "\n".join(f.model_dump_json() for run in store.runs() for f in store.findings(run["id"]))
    assert "[ФИО]" in texts["store findings"]  # names were there to mask, and were masked

    people = _demo_people()
    assert len(people) > 40, people
    leaks = []
    for person in people:
        for pattern in _forbidden(person):
            for name, text in texts.items():
                hit = re.search(pattern, text)
                if hit:
                    leaks.append(f"{name}: {hit.group(0)!r} ({' '.join(person)})")
    assert not leaks, "\n".join(leaks[:30])


# ------------------------------------------------------------------ the brief a methodologist signs


def _copy_store(work: Path, target: Path) -> Path:
    """A consistent copy of the district's database (WAL included) and its blobs, to change without harm."""
    import shutil
    import sqlite3

    target.mkdir(parents=True, exist_ok=True)
    source = sqlite3.connect(str(work / "monitor.db"))
    copy = sqlite3.connect(str(target / "monitor.db"))
    with copy:
        source.backup(copy)
    source.close()
    copy.close()
    shutil.copytree(work / "monitor-blobs", target / "monitor-blobs")
    return target / "monitor.db"


def _docx_text(path: Path) -> str:
    from docx import Document

    doc = Document(str(path))
    cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


def test_a_rebuild_without_config_is_the_same_brief(district: Any, tmp_path: Path) -> None:
    """`crawler report` without -c signs with the signatory the run stored, not the default «Руководитель …
    ________»; a -c that names another signatory changes it, says so, and the next rebuild keeps it."""
    work, period = district["work"], district["truth"].variants["current"].period
    original = work / "out"
    proc = crawler("report", "--db", str(work / "monitor.db"), "--period", period, "--out", str(tmp_path / "a"))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "И. И. Иванова" in proc.stdout  # it says whose signature the brief carries
    for name in (f"spravka-{period}.html", f"prilozhenie-{period}.html"):
        rebuilt = (tmp_path / "a" / name).read_text(encoding="utf-8")
        assert rebuilt == (original / name).read_text(encoding="utf-8"), name
    assert _docx_text(tmp_path / "a" / f"spravka-{period}.docx") == _docx_text(original / f"spravka-{period}.docx")
    assert "Исп.: Петрова А. С., тел. 8 (83171) 4-55-12" in _docx_text(tmp_path / "a" / f"spravka-{period}.docx")

    db = _copy_store(work, tmp_path / "copy")
    other = write_config(tmp_path / "other.yaml", {"signatory": {"name": "П. П. Петров"}})
    changed = crawler("report", "--db", str(db), "--period", period, "--out", str(tmp_path / "b"), "-c", str(other))
    assert changed.returncode == 0, changed.stdout + changed.stderr
    assert "подписант: «И. И. Иванова» → «П. П. Петров»" in changed.stdout
    brief = (tmp_path / "b" / f"spravka-{period}.html").read_text(encoding="utf-8")
    assert "П.\u00a0П.\u00a0Петров" in brief and "Методист информационно-диагностического кабинета" in brief
    again = crawler("report", "--db", str(db), "--period", period, "--out", str(tmp_path / "c"))
    assert again.returncode == 0 and "П. П. Петров" in again.stdout
    assert (tmp_path / "c" / f"spravka-{period}.html").read_text(encoding="utf-8") == brief


def test_dates_of_the_brief_agree(district: Any) -> None:
    """The brief's date, «Сроки проведения» and every check time are the same days, in Moscow time; the
    evaluation date of the demo (May) differs from the day it was crawled, and the method says so."""
    from lxml import html as lxml_html

    spec = district["truth"].variants["current"]
    out = district["work"] / "out"
    tree = lxml_html.fromstring((out / f"spravka-{spec.period}.html").read_text(encoding="utf-8"))
    appendix = (out / f"prilozhenie-{spec.period}.html").read_text(encoding="utf-8")
    dated = tree.cssselect("#brief-date")[0].text_content().strip()
    span = tree.cssselect("#crawl-dates")[0].text_content()
    checked = set(re.findall(r"проверен (\d\d\.\d\d\.\d{4}) \d\d:\d\d \(МСК\)", appendix))
    assert checked and all(day in span for day in checked)
    assert dated == max(checked, key=lambda d: d.split(".")[::-1])  # dated on the day its data were complete
    method = " ".join(tree.cssselect("#method")[0].text_content().split())
    if spec.today.strftime("%d.%m.%Y") not in span:
        assert f"Оценка проведена по состоянию на {spec.today:%d.%m.%Y}; сайты проверены" in method
    assert "UTC" not in appendix and "UTC" not in tree.text_content()


def test_the_signed_brief_prints_on_a_few_gost_pages(district: Any, tmp_path: Path) -> None:
    """Printed from Chromium: the signed part of the demo district fits in eight A4 pages, numbered from page 2
    in the top margin, nothing beyond the margins, no code, address or UTC; screenshots of the pages are saved
    and named in the log for a look by eye."""
    pytest.importorskip("playwright.sync_api")
    from tests.browser import CHROMIUM, ink_outside_text_area, page_images, print_pdf

    if not CHROMIUM.exists():
        pytest.skip("нет /usr/bin/chromium")
    period = district["truth"].variants["current"].period
    out = district["work"] / "out"
    signed = print_pdf(out / f"spravka-{period}.html", tmp_path / "spravka.pdf")
    appendix = print_pdf(out / f"prilozhenie-{period}.html", tmp_path / "prilozhenie.pdf")
    shots = page_images(signed.pdf, tmp_path / "pages", scale=1.3)
    print(f"\nСправка: {len(signed.page_sizes)} стр., приложение: {len(appendix.page_sizes)} стр.")
    print("Снимки страниц справки:", *shots, sep="\n  ")
    assert len(signed.page_sizes) <= 8, len(signed.page_sizes)
    assert not signed.overflow and not appendix.overflow, (signed.overflow + appendix.overflow)[:5]
    problems = [p for i, shot in enumerate(shots, 1) for p in ink_outside_text_area(shot, i)]
    assert not problems, problems[:5]
    for number, text in enumerate(signed.page_texts[1:], 2):
        assert text.lstrip().startswith(str(number)), (number, text[:40])
    text = " ".join(signed.page_texts)
    assert not re.search(r"[A-Za-z]", text), re.findall(r"\S*[A-Za-z]\S*", text)[:10]
    assert "UTC" not in text and "HTTP" not in text
    assert "Исп.: Петрова А. С." in signed.page_texts[-1]
    # a screenshot by eye: the first page is a document, not a blank or a wall of one colour
    from PIL import Image, ImageStat

    first = Image.open(shots[0]).convert("L")
    assert ImageStat.Stat(first).stddev[0] > 20


# ------------------------------------------------------- district data, registry of practices, annual report (#16)


def _cells(tree: Any, selector: str) -> list[str]:
    return [" ".join(" ".join(td.itertext()).split()) for td in tree.cssselect(selector)]


def test_the_brief_s_district_table_equals_the_truth(district: Any) -> None:
    """Section 3 of the May brief: every organization's numbers of 2025-2026 as truth.yaml records them, the other
    value of a disputed number in brackets, the organizations without numbers said so, and the district's totals."""
    from lxml import html as lxml_html

    truth = district["truth"]
    period = truth.variants["current"].period
    tree = lxml_html.fromstring((district["work"] / "out" / f"spravka-{period}.html").read_text(encoding="utf-8"))
    year = "2025-2026"
    sums: dict[str, int] = {}
    wrong = []
    for org in truth.organizations:
        row = tree.cssselect(f'section#district tr[data-district-org="{org.id}"]')
        assert len(row) == 1, org.id
        facts = org.facts_at("current")
        expected = next((y for y in facts.years if y.year == year), None) if facts else None
        if not org.reachable:
            assert _cells(row[0], "td.state") == ["сайт недоступен"], org.id
            continue
        if expected is None:
            state = _cells(row[0], "td.state")
            assert state and ("не указаны" in state[0] or "сведения только за" in state[0]), (org.id, state)
            continue
        for what in ("mentors", "mentees", "pairs", "groups"):
            value = getattr(expected, what)
            text = _cells(row[0], f'td[data-count="{what}"]')[0]
            shown = text.split(" (")[0]
            if shown != ("—" if value is None else str(value)):
                wrong.append(f"{org.id}.{what}: {text} != {value}")
            others = expected.disputed.get(what, [])
            if sorted(int(v) for v in re.findall(r"— (\d+)", text.partition(" (")[2])) != sorted(others):
                wrong.append(f"{org.id}.{what}: {text}, other values {others}")
            if value is not None:
                sums[what] = sums.get(what, 0) + value
        for form, n in expected.forms.items():
            if _cells(row[0], f'td[data-form="{form}"]') != [str(n)]:
                wrong.append(f"{org.id}: form {form} != {n}")
    assert not wrong, "\n".join(wrong)
    total = tree.cssselect('section#district tr[data-total="Округ"]')[0]
    assert {td.get("data-count"): " ".join(td.itertext()).strip() for td in total.cssselect("td[data-count]")} == {
        w: str(sums[w]) for w in ("mentors", "mentees", "pairs", "groups")
    }


def test_the_registry_of_practices_is_one_row_per_item_across_periods(district: Any) -> None:
    """January and May of the demo: a news item on both sites is one row that keeps January; one published after
    January is marked new in May; the ДДТ's page reused for a later master class is a second item."""
    from openpyxl import load_workbook

    out = district["work"] / "out"
    truth = district["truth"]
    january, may = truth.variants["previous"].period, truth.variants["current"].period

    def rows(period: str) -> list[dict[str, Any]]:
        ws = load_workbook(out / f"reestr-praktik-{period}.xlsx").active
        header = [c.value for c in ws[1]]
        return [dict(zip(header, [c.value for c in r], strict=True)) for r in ws.iter_rows(min_row=2)]

    jan_rows, may_rows = rows(january), rows(may)
    assert not any(r["Новое"] for r in jan_rows)  # no monitoring before January: nothing is «new»
    school = [r for r in may_rows if r["Материал"] == "Школа молодого педагога: первое занятие"]
    assert len(school) == 1 and school[0]["Впервые найден"] == "январь 2026" and not school[0]["Новое"]
    lesson = [r for r in may_rows if r["Материал"] == "Открытый урок молодого специалиста"]
    assert len(lesson) == 1 and lesson[0]["Впервые найден"] == "май 2026" and lesson[0]["Новое"] == "да"
    master = sorted((r for r in may_rows if r["Материал"] == "Мастер-класс наставника"), key=lambda r: r["№"])
    assert [(r["Дата материала"].date().isoformat(), r["Впервые найден"], r["Новое"]) for r in master] == [
        ("2025-12-15", "январь 2026", None),
        ("2026-04-10", "май 2026", "да"),
    ]
    assert len({r["Ключ"] for r in may_rows}) == len(may_rows)
    assert {r["Ключ"] for r in jan_rows} <= {r["Ключ"] for r in may_rows}
    dates = [r["Дата материала"] for r in may_rows if r["Дата материала"]]
    assert dates == sorted(dates) and [r["№"] for r in may_rows] == list(range(1, len(may_rows) + 1))
    # every dated material the practices criterion rests on is in the registry
    for org in district["results"]["current"]:
        rule = next(r for r in org["rules"] if r["id"] == "practices")
        if rule["status"] in ("met", "partial"):
            for ev in rule["evidence"]:
                assert any(same_url(ev["url"], r["Ссылка"]) for r in may_rows), (org["id"], ev["url"])
    new = sum(r["Новое"] == "да" for r in may_rows)
    brief = (out / f"spravka-{may}.html").read_text(encoding="utf-8")
    assert f"{len(may_rows)} материалов, из них впервые найдено в этом мониторинге — {new}." in " ".join(brief.split())


def test_the_annual_report_of_the_demo_agrees_with_its_briefs(district: Any) -> None:
    from docx import Document
    from lxml import html as lxml_html

    out, year = district["work"] / "out", district["year"]
    annual = lxml_html.fromstring((out / f"otchet-{year}.html").read_text(encoding="utf-8"))
    periods = [district["truth"].variants[v].period for v in ("previous", "current")]
    assert [tr.get("data-period") for tr in annual.cssselect("table.monitorings tbody tr")] == periods
    for i, period in enumerate(periods):
        brief = lxml_html.fromstring((out / f"spravka-{period}.html").read_text(encoding="utf-8"))
        conclusions = " ".join(" ".join(brief.cssselect("ol.conclusions")[0].itertext()).split())
        mean = re.search(r"Средний уровень выполнения критериев по округу — ([\d,]+ %)", conclusions)
        assert mean and _cells(annual, f'tr[data-period="{period}"] td.mean') == [mean.group(1)]
        for tr in brief.cssselect("section#shares tr[data-criterion]"):
            row = annual.cssselect(f'table.trend tr[data-criterion="{tr.get("data-criterion")}"]')[0]
            assert _cells(row, "td")[1 + i] == _cells(tr, "td.share")[0]
        for td in brief.cssselect('section#district tr[data-total="Округ"] td[data-count]'):
            what = td.get("data-count")
            sel = f'table.district-year tr[data-total="Округ"] td[data-period="{period}"][data-count="{what}"]'
            assert _cells(annual, sel) == [" ".join(td.itertext()).strip()]
    registry = annual.cssselect("section#practices table.registry tbody tr")
    may = district["truth"].variants["current"].period
    assert len(registry) == len(
        lxml_html.fromstring((out / f"reestr-praktik-{may}.html").read_text(encoding="utf-8")).cssselect(
            "table.registry tbody tr"
        )
    )
    doc = Document(str(out / f"otchet-{year}.docx"))
    assert "АНАЛИТИЧЕСКИЙ ОТЧЁТ" in [p.text for p in doc.paragraphs]
    assert doc.paragraphs[-1].text.startswith("Исп.: Петрова А. С.")


def test_the_annual_report_prints_in_the_brief_s_form(district: Any, tmp_path: Path) -> None:
    """Printed from Chromium: A4, page numbers from page 2 centred on top, nothing in the margins, no code or
    address, the signature and «Исп.» on the last page."""
    pytest.importorskip("playwright.sync_api")
    from tests.browser import CHROMIUM, ink_outside_text_area, page_images, print_pdf

    if not CHROMIUM.exists():
        pytest.skip("нет /usr/bin/chromium")
    out, year = district["work"] / "out", district["year"]
    printed = print_pdf(out / f"otchet-{year}.html", tmp_path / "otchet.pdf")
    period = district["truth"].variants["current"].period
    registry = print_pdf(out / f"reestr-praktik-{period}.html", tmp_path / "reestr.pdf")
    shots = page_images(printed.pdf, tmp_path / "pages", scale=1.3)
    print(f"\nАналитический отчёт: {len(printed.page_sizes)} стр.; реестр практик: {len(registry.page_sizes)} стр.")
    print("Снимки страниц отчёта:", *shots, sep="\n  ")
    assert not printed.overflow and not registry.overflow, (printed.overflow + registry.overflow)[:5]
    assert all(abs(w - 595) < 3 and abs(h - 842) < 3 for w, h in printed.page_sizes)
    problems = [p for i, shot in enumerate(shots, 1) for p in ink_outside_text_area(shot, i)]
    assert not problems, problems[:5]
    for number, text in enumerate(printed.page_texts[1:], 2):
        assert text.lstrip().startswith(str(number)), (number, text[:40])
    assert "Исп.: Петрова А. С." in printed.page_texts[-1]
    assert "UTC" not in " ".join(printed.page_texts)
