"""The annual analytic report (item 5.6): `crawler report --year` reads every monitoring of the year from the store
and says the same numbers as each period's brief, in the brief's form (HTML and DOCX)."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docx.oxml.ns import qn
from lxml import html as lxml_html

from crawler.models import OrgCrawlResult, OrgFindings
from crawler.monitor import annual_report, regenerate
from crawler.report.annual import annual_basis
from crawler.store import Store
from tests.test_district import facts_before, facts_now, with_facts
from tests.test_practices_registry import A, B, C
from tests.test_report_sample import current_findings, previous_findings

SETTINGS = {
    "district": "Тонкинский муниципальный округ",
    "issuer": "Управление образования и молодёжной политики администрации Тонкинского муниципального округа",
    "office": "Информационно-диагностический кабинет (ИДК)",
    "basis": "п. 5.1 Дорожной карты по реализации целевой модели наставничества, утверждённой приказом "
    "от 03.02.2023 № 14",
    "signatory_position": "Руководитель информационно-диагностического кабинета",
    "signatory_name": "А. П. Иванова",
    "executor": "Петрова А. С., тел. 8 (83171) 4-55-12",
    "timezone": "Europe/Moscow",
}


def _save(store: Store, run: int, orgs: list[OrgFindings]) -> None:
    for org in orgs:
        at = org.checked_at or datetime(2026, 1, 15, tzinfo=UTC)
        crawl = OrgCrawlResult(
            org_id=org.id, reachable=org.reachable, failure_reason=org.failure_reason, started_at=at, finished_at=at,
        )  # fmt: skip
        store.save_crawl(run, org.name, org.kind.value, org.site, crawl)
        store.save_findings(run, org, "2023.1")


def seed(db: Path) -> Store:
    """January and May 2026 of the sample district with their facts and practices; a recheck applied to May,
    a retry that found the site still down; and a May 2025 monitoring before the year."""
    store = Store(db)
    order = [o.id for o in current_findings()]
    options = {"order": order, "brief": SETTINGS}
    earlier = store.start_run("2025-05", "scheduled", "2025-05-20", "2023.1", options)
    _save(store, earlier, [o.model_copy(update={"practices": []}) for o in previous_findings()])
    store.finish_run(earlier)
    january = [
        o.model_copy(
            update={"checked_at": datetime(2026, 1, 14, 7, tzinfo=UTC), "practices": [A, B] if o.id == "sosh1" else []}
        )
        for o in with_facts(previous_findings(), facts_before())
    ]
    run = store.start_run("2026-01", "scheduled", "2026-01-20", "2023.1", options)
    _save(store, run, january)
    store.finish_run(run)
    may = [
        o.model_copy(update={"practices": [A, C] if o.id == "sosh1" else []})
        for o in with_facts(current_findings(), facts_now())
    ]
    run = store.start_run("2026-05", "scheduled", "2026-05-15", "2023.1", options)
    _save(store, run, may)
    store.finish_run(run)
    manual = store.start_run("2026-05", "manual", "2026-05-15", "2023.1", {"recheck": "ds3"})
    _save(store, manual, [o for o in may if o.id == "ds3"])
    store.finish_run(manual)
    store.record_recheck(run, "ds3", manual)
    retry = store.start_run("2026-05", "retry", "2026-05-15", "2023.1", {"retry": True})
    _save(store, retry, [o for o in may if o.id == "ddt"])
    store.finish_run(retry)
    return store


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    work = tmp_path_factory.mktemp("annual")
    seed(work / "monitor.db")
    briefs = {
        period: regenerate(
            db=work / "monitor.db", period=period, out=work / "out", compare_with=None, config=None, rules_dir=None
        ).paths
        for period in ("2026-01", "2026-05")
    }
    outcome = annual_report(db=work / "monitor.db", year=2026, out=work / "out", config=None, rules_dir=None)
    return {"work": work, "briefs": briefs, "outcome": outcome}


def tree_of(path: Path) -> lxml_html.HtmlElement:
    return lxml_html.fromstring(path.read_text(encoding="utf-8"))


def text_of(el: lxml_html.HtmlElement) -> str:
    return re.sub(r"\s+", " ", " ".join(el.itertext())).strip()


def test_the_year_is_the_calendar_year_of_the_periods(made: dict[str, Any]) -> None:
    outcome = made["outcome"]
    assert outcome.periods == ["2026-01", "2026-05"]  # 2025-05 belongs to another year
    assert set(outcome.paths) == {"html", "docx", "district_csv", "district_xlsx", "registry_html", "registry_xlsx"}
    assert outcome.paths["html"].name == "otchet-2026.html" and outcome.paths["docx"].name == "otchet-2026.docx"
    tree = tree_of(outcome.paths["html"])
    reading = text_of(tree.cssselect("#year-reading")[0])
    assert (
        "2026 год — мониторинги, периоды которых относятся к 2026 календарному году: январь 2026, май 2026" in reading
    )
    assert "2025-2026" in reading
    h1 = text_of(tree.cssselect("h1")[0])
    assert h1.startswith("Аналитический отчёт по результатам мониторинга реализации целевой модели наставничества")
    assert h1.endswith("Тонкинского муниципального округа за 2026 год")
    body = text_of(tree.body)
    assert "Основание: п. 5.6 Дорожной карты" in body
    assert [tr.get("data-period") for tr in tree.cssselect("table.monitorings tbody tr")] == ["2026-01", "2026-05"]


def test_numbers_agree_with_the_briefs(made: dict[str, Any]) -> None:
    annual = tree_of(made["outcome"].paths["html"])
    for i, period in enumerate(("2026-01", "2026-05")):
        brief = tree_of(made["briefs"][period]["html"])
        conclusions = text_of(brief.cssselect("ol.conclusions")[0])
        mean = re.search(r"Средний уровень выполнения критериев по округу — ([\d,]+ %)", conclusions)
        assert mean, conclusions
        row = annual.cssselect(f'table.monitorings tr[data-period="{period}"]')[0]
        assert text_of(row.cssselect("td.mean")[0]) == mean.group(1)
        for tr in brief.cssselect("section#shares tr[data-criterion]"):
            criterion = tr.get("data-criterion")
            share = text_of(tr.cssselect("td.share")[0])
            cells = annual.cssselect(f'table.trend tr[data-criterion="{criterion}"] td')
            assert text_of(cells[1 + i]) == share, (period, criterion)
        for tr in brief.cssselect("table.matrix tbody tr"):
            org = tr.get("data-org")
            scores = annual.cssselect(f'table.orgs-trend tr[data-org="{org}"] td.score')
            shown = text_of(scores[i])
            brief_score = text_of(tr.cssselect("td.score")[0])
            assert shown == (brief_score if brief_score != "—" else "не проверен"), (period, org)
        total = brief.cssselect('section#district tr[data-total="Округ"]')[0]
        for td in total.cssselect("td[data-count]"):
            what = td.get("data-count")
            cell = annual.cssselect(
                f'table.district-year tr[data-total="Округ"] td[data-period="{period}"][data-count="{what}"]'
            )[0]
            assert text_of(cell) == text_of(td), (period, what)


def test_trends_district_data_and_registry(made: dict[str, Any]) -> None:
    tree = tree_of(made["outcome"].paths["html"])
    sosh1 = tree.cssselect('table.district-year tr[data-org="sosh1"] td')
    assert [text_of(td) for td in sosh1[2:]] == ["2", "2", "2", "0", "3*", "3", "3", "0"]
    ddt = tree.cssselect('table.district-year tr[data-org="ddt"] td')
    assert [text_of(td) for td in ddt[6:]] == ["?", "?", "?", "?"]  # unreachable in May
    notes = text_of(tree.cssselect("section#district-year p.small")[0])
    assert "наставников 3 (по базе — 4) за 2025-2026 уч. г. (май 2026)" in notes
    forms = {
        tr.get("data-form"): [text_of(td) for td in tr.cssselect("td")]
        for tr in tree.cssselect("table.forms-year tr[data-form]")
    }
    assert forms["педагог – педагог"] == ["педагог – педагог", "— (1)", "3 (2)"]  # named in January, counted in May
    changes = {tr.get("data-org"): text_of(tr) for tr in tree.cssselect("table.changes tr[data-org]")}
    assert "исправлено: Приказ о закреплении пар" in changes["sosh1"]
    assert "ухудшилось: Положение о наставничестве" in changes["oosh"]
    registry = tree.cssselect("section#practices table.registry tbody tr")
    assert [text_of(r.cssselect("td")[3]) for r in registry] == [A.title, B.title, C.title]
    assert all(r.get("data-new") == "1" for r in registry)  # the store has May 2025: items of 2026 are new
    text = text_of(tree.body)
    assert "повторно проверены и учтены в итогах — МБДОУ «Детский сад № 3 «Солнышко»»" in text
    assert (
        "повторная проверка недоступных сайтов: МБУ ДО «Дом детского творчества» (в итоги мониторинга не вносилась)"
        in text
    )
    conclusions = [text_of(li) for li in tree.cssselect("ol.conclusions li")]
    assert conclusions[0].startswith("В 2026 году проведено 2 мониторинга официальных сайтов (январь 2026, май 2026)")
    assert any("из них впервые найдено в 2026 году — 3" in line for line in conclusions)
    assert "".join(tree.cssselect("#signature .sig-name")[0].itertext()) == "А.\u00a0П.\u00a0Иванова"  # one line
    assert text_of(tree.cssselect("#executor")[0]) == "Исп.: Петрова А. С., тел. 8 (83171) 4-55-12"


def test_docx_in_the_brief_s_form(made: dict[str, Any]) -> None:
    doc = Document(str(made["outcome"].paths["docx"]))
    texts = [p.text for p in doc.paragraphs]
    assert "АНАЛИТИЧЕСКИЙ ОТЧЁТ" in texts
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert headings == [
        "1. Мониторинги года", "2. Динамика выполнения критериев", "3. Динамика по организациям",
        "4. Формы наставничества и включённость педагогов", "5. Реестр успешных практик наставничества", "6. Выводы",
    ]  # fmt: skip
    section = doc.sections[0]
    margins = (section.left_margin, section.right_margin, section.top_margin, section.bottom_margin)
    assert [round(m.mm) for m in margins if m is not None] == [20, 10, 20, 20]
    assert section.different_first_page_header_footer
    assert "PAGE" in section.header._element.xml
    executor = doc.paragraphs[-1]
    assert executor.text == "Исп.: Петрова А. С., тел. 8 (83171) 4-55-12"
    assert executor._p.pPr.find(qn("w:framePr")) is not None
    html = tree_of(made["outcome"].paths["html"])
    conclusions = [text_of(li) for li in html.cssselect("ol.conclusions li")]
    numbered = [t.split("\t", 1)[1] for t in texts if re.match(r"\d+\.\t", t)]

    def flat(text: str) -> str:
        return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()

    assert [flat(t) for t in numbered] == [flat(c) for c in conclusions]  # the same conclusions, in order
    cells = "\n".join(c.text for t in doc.tables for r in t.rows for c in r.cells)
    assert "3*" in cells and "Всего по округу" in cells and A.title in cells


def test_the_year_s_exports_stack_the_monitorings(made: dict[str, Any]) -> None:
    import csv

    with made["outcome"].paths["district_csv"].open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter=";"))
    assert {r["Период мониторинга"] for r in rows} == {"2026-01", "2026-05"}
    may = [r for r in rows if r["Период мониторинга"] == "2026-05" and r["Код организации"] == "sosh1"]
    assert may[0]["Наставников"] == "3" and may[0]["Наставников по другим документам"] == "4 (по базе)"


def test_basis_names_item_5_6() -> None:
    assert annual_basis("п. 5.1 Дорожной карты …").startswith("п. 5.6 Дорожной карты")
    assert annual_basis("приказ № 14").startswith("п. 5.6 дорожной карты") and "приказ № 14" in annual_basis(
        "приказ № 14"
    )
    assert annual_basis("п. 5.12 плана").startswith("п. 5.6 дорожной карты")


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "crawler.cli", *args], capture_output=True, text=True, timeout=300,
        stdin=subprocess.DEVNULL,
    )  # fmt: skip


def test_command_line(made: dict[str, Any], tmp_path: Path) -> None:
    db = str(made["work"] / "monitor.db")
    ok = cli("report", "--db", db, "--year", "2026", "--out", str(tmp_path))
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert "Аналитический отчёт за 2026 год (мониторинги: январь 2026, май 2026)" in " ".join(ok.stdout.split())
    assert (tmp_path / "otchet-2026.html").is_file() and (tmp_path / "otchet-2026.docx").is_file()
    none = cli("report", "--db", db, "--year", "2024", "--out", str(tmp_path))
    assert none.returncode == 2 and "нет завершённых плановых мониторингов за 2024 год" in " ".join(none.stderr.split())
    both = cli("report", "--db", db, "--year", "2026", "--period", "2026-05", "--out", str(tmp_path))
    assert both.returncode == 2
