"""A region is not a district: a registry folder of two districts gives one brief per district and a summary.

The demo district's sites, registered as two districts of one region, are crawled once through the real CLI.
Each district's brief lists only its own organizations; the region's summary agrees with the districts'
briefs; a rebuild from the store writes the same set.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from lxml import html as lxml_html

from crawler.demo.farm import DemoFarm, load_truth
from crawler.outputs import district_slug

pytestmark = pytest.mark.slow  # crawls a whole district

REGION = "Тестовая область"
DISTRICTS = ("Тонкинский муниципальный округ", "Шахунский муниципальный округ")


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "crawler.cli", *args], capture_output=True, text=True, timeout=600,
        stdin=subprocess.DEVNULL,
    )  # fmt: skip


@pytest.fixture(scope="module")
def region(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    work = tmp_path_factory.mktemp("region")
    truth = load_truth()
    spec = truth.variants["current"]
    farm = DemoFarm(port=0)
    farm.start()
    try:
        orgs = farm.registry().organizations
        folder = work / "registry"
        folder.mkdir()
        halves = (orgs[: len(orgs) // 2], orgs[len(orgs) // 2 :])
        for i, (name, members) in enumerate(zip(DISTRICTS, halves, strict=True)):
            data = {
                "district": name,
                "region": REGION,
                "organizations": [{"id": o.id, "name": o.name, "kind": o.kind.value, "site": o.site} for o in members],
            }
            (folder / f"{i + 1}.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        config = work / "config.yaml"
        config.write_text(yaml.safe_dump({"crawl": {"delay_seconds": 0, "retries": 1}}), encoding="utf-8")
        proc = cli(
            "run", "-r", str(folder), "--db", str(work / "m.db"), "--out", str(work / "out"), "--period",
            spec.period, "--today", spec.today.isoformat(), "--config", str(config), "--quiet",
        )  # fmt: skip
        assert proc.returncode == 0, proc.stdout + proc.stderr
        yield {"work": work, "period": spec.period, "halves": halves, "stdout": proc.stdout}
    finally:
        farm.stop()


def test_one_brief_per_district_with_its_own_organizations(region: dict[str, Any]) -> None:
    out, period = region["work"] / "out", region["period"]
    assert not (out / f"spravka-{period}.html").exists()  # no brief of the whole region
    for name, members in zip(DISTRICTS, region["halves"], strict=True):
        slug = district_slug(name)
        for stem in ("spravka", "prilozhenie", "matrix", "svedeniya", "reestr-praktik"):
            assert list(out.glob(f"{stem}-{period}-{slug}.*")), (stem, slug)
        brief = (out / f"spravka-{period}-{slug}.html").read_text(encoding="utf-8")
        assert name in brief or name.split()[0] in brief
        other = region["halves"][1] if members is region["halves"][0] else region["halves"][0]
        assert all(o.name in brief for o in members)
        assert not any(o.name in brief for o in other), "a district's brief lists another district's organization"
    letters = {p.stem for p in (out / f"letters-{period}").glob("*.html")}
    assert letters == {o.id for half in region["halves"] for o in half}


def test_the_summary_agrees_with_the_districts(region: dict[str, Any]) -> None:
    out, period = region["work"] / "out", region["period"]
    summary = lxml_html.fromstring((out / f"svodka-{period}.html").read_text(encoding="utf-8"))
    rows = [
        [c.text_content().strip() for c in tr.xpath("td")]
        for tr in summary.xpath("//table[contains(@class, 'region')]/tbody/tr")
    ]
    assert [r[0] for r in rows] == [*DISTRICTS, "Итого по региону"]
    findings = json.loads((out / f"findings-{period}.json").read_text(encoding="utf-8"))
    sizes = [len(h) for h in region["halves"]]
    assert [r[1].split(" из ")[1] for r in rows] == [str(sizes[0]), str(sizes[1]), str(sum(sizes))]
    reachable = sum(1 for o in findings if o["reachable"])
    assert rows[-1][1] == f"{reachable} из {len(findings)}"
    # the regional share of the first criterion equals the share recomputed from findings
    first = [r for o in findings for r in o["rules"] if r["id"] == "section" and r["status"] != "unknown"]
    met = sum(1 for r in first if r["status"] == "met")
    assert rows[-1][3] == f"{round(100 * met / len(first))} %"
    assert (out / f"svodka-{period}.docx").stat().st_size > 5000


def test_a_rebuild_writes_the_same_set(region: dict[str, Any], tmp_path: Path) -> None:
    proc = cli("report", "--db", str(region["work"] / "m.db"), "--period", region["period"], "--out", str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    names = {p.name for p in (region["work"] / "out").iterdir() if p.suffix in (".html", ".docx", ".xlsx")}
    assert names <= {p.name for p in tmp_path.iterdir()}


def test_each_district_archives_its_own_evidence_into_one_index(region: dict[str, Any]) -> None:
    """The districts are written by separate processes; the archive's index still names every organization's
    evidence, and every file it names is there."""
    out, period = region["work"] / "out", region["period"]
    archive = out / f"archive-{period}"
    index = json.loads((archive / "index.json").read_text(encoding="utf-8"))
    owners = {entry["org_id"] for entry in index.values()}
    for half in region["halves"]:
        assert owners & {o.id for o in half}
    assert all((archive / entry["file"]).is_file() for entry in index.values())
    assert not list(archive.rglob("*.part"))


def test_the_run_names_the_regions_summary(region: dict[str, Any]) -> None:
    said = "".join(region["stdout"].split())  # the console wraps long paths
    assert f"svodka-{region['period']}.html(сводкапорегиону;справкиокругов" in said
