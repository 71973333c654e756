"""Issue #14, round 21: a section whose own pages are the monitoring table and the base of mentors — real sites keep
them as web pages, not files (a kindergarten's Gosweb section, a school's list of mentors of the regional base).
A whole run on loopback: crawl, classify, evaluate; the findings must name those pages."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.test_crawl_support import Route, Site, html

pytestmark = pytest.mark.slow  # a whole run of the CLI on a loopback site

NAV = "<nav><a href='/'>Главная</a> <a href='/nastavnichestvo/'>Наставничество</a></nav>"
ROWS = [
    ("Наличие раздела «Наставничество» на официальном сайте", "есть"),
    ("Наличие приказа о внедрении целевой модели наставничества", "приказ от 01.09.2025 № 61"),
    ("Количество наставнических пар в 2025-2026 учебном году", "4"),
    ("Доля молодых педагогов, охваченных наставничеством", "100 %"),
]
MENTORS = [
    ("Зайцева Лидия Романовна", "математики", 24),
    ("Орлов Виктор Семёнович", "физики", 31),
]


def _site() -> Site:
    table = "<table>" + "".join(f"<tr><td>{a}</td><td>{b}</td></tr>" for a, b in ROWS) + "</table>"
    section = html(
        f"{NAV}<main><h1>Наставничество</h1>"
        "<h2>Мониторинг реализации целевой модели наставничества в МБОУ «СОШ № 9» на 15.12.2025</h2>"
        f"{table}<p><a href='/nastavnichestvo/nastavniki/'>Наши наставники</a></p></main>"
    )
    people = "".join(
        f"<p>{name}, учитель {subject}. Стаж работы — {years} лет. Квалификационная категория — высшая</p>"
        for name, subject, years in MENTORS
    )
    mentors = html(
        f"{NAV}<main><h1>Педагоги-наставники МБОУ «СОШ № 9», включённые в региональную базу наставников</h1>"
        f"{people}</main>"
    )
    return Site(
        routes={
            "/": Route(html(f"{NAV}<main><h1>Школа</h1></main>")),
            "/nastavnichestvo/": Route(section),
            "/nastavnichestvo/nastavniki/": Route(mentors),
        }
    )


def test_the_sections_own_pages_count_as_its_monitoring_and_its_base_of_mentors(tmp_path: Path) -> None:
    # typed `other` as pages of links before, they left both criteria «не выполнено»
    site = _site().start()
    try:
        registry = tmp_path / "registry.yaml"
        registry.write_text(
            yaml.safe_dump(
                {
                    "district": "Тестовый округ",
                    "organizations": [{"id": "s9", "name": "МБОУ «СОШ № 9»", "kind": "ОО", "site": site.url}],
                },
                allow_unicode=True,
            ),
            encoding="utf-8",
        )
        config = tmp_path / "config.yaml"
        config.write_text(yaml.safe_dump({"crawl": {"delay_seconds": 0, "retries": 0}}), encoding="utf-8")
        proc = subprocess.run(
            [
                sys.executable, "-m", "crawler.cli", "run", "-r", str(registry), "--db", str(tmp_path / "m.db"),
                "--out", str(tmp_path / "out"), "--period", "2026-01", "--today", "2026-01-20",
                "--config", str(config), "--quiet",
            ],
            capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL,
        )  # fmt: skip
    finally:
        site.stop()
    assert proc.returncode == 0, proc.stdout + proc.stderr
    found = json.loads((tmp_path / "out" / "findings-2026-01.json").read_text(encoding="utf-8"))
    rules = {r["id"]: r for r in found[0]["rules"]}
    monitoring, base = rules["monitoring"], rules["mentor_base"]
    assert monitoring["status"] == "met", monitoring
    assert [e["url"] for e in monitoring["evidence"]] == [f"{site.url}nastavnichestvo/"]
    assert base["status"] == "met", base
    assert [e["url"] for e in base["evidence"]] == [f"{site.url}nastavnichestvo/nastavniki/"]
