"""The district's registry of practices (item 4.1): what a run collects from one site, and one row per item
across the monitorings (the first period it appeared in kept, new ones marked)."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from lxml import html as lxml_html
from openpyxl import load_workbook

from crawler.evaluate import evaluate_org
from crawler.evaluate.checks.practices import practice_items, practice_key, with_practices
from crawler.models import (
    AnalyzedDocument,
    DocPart,
    DocType,
    DocumentRecord,
    ExtractedText,
    Organization,
    OrgCrawlResult,
    OrgFindings,
    OrgKind,
    PageRecord,
    PracticeItem,
    PracticeKind,
    RuleResult,
    SectionInfo,
    Status,
)
from crawler.outputs import practice_registry, write_outputs
from crawler.report.practices import Sighting, build_registry, items_from_evidence, sightings_from_rows
from crawler.ruleset import load_ruleset
from crawler.store import Store

SITE = "http://school.example/"
ORG = Organization(id="sosh-9", name="МБОУ «СОШ № 9»", kind=OrgKind.OO, site=SITE)
T = datetime(2026, 5, 12, 9, 0, tzinfo=UTC)
TODAY = date(2026, 5, 20)


def page(path: str, heading: str, text: str, *, section: bool = False) -> PageRecord:
    return PageRecord(
        url=SITE + path, final_url=SITE + path, status=200, title=heading, heading=heading, fetched_at=T,
        sha256=f"{abs(hash(path)):064x}"[:64], is_section=section, text=text,
    )  # fmt: skip


def doc(path: str, part: DocPart, *, fmt: str = "pdf", text: str = "текст") -> AnalyzedDocument:
    sha = f"{abs(hash(path)):064x}"[:64]
    return AnalyzedDocument(
        record=DocumentRecord(url=SITE + path, source_page=SITE + "nastavnichestvo", link_text=part.title,
                              format=fmt, sha256=sha, http_status=200, fetched_at=T, in_section=True),
        extraction=ExtractedText(sha256=sha, format=fmt, text=text),
        parts=[part],
    )  # fmt: skip


def site() -> tuple[OrgCrawlResult, list[AnalyzedDocument]]:
    section = page("nastavnichestvo", "Наставничество", "Наставничество. Новости: 14.10.2025 Посвящение в наставники",
                   section=True)  # fmt: skip
    news = page("news/150", "Посвящение в наставники",
                "Главная Посвящение в наставники 14.10.2025 Молодые педагоги школы получили наставников.")  # fmt: skip
    undated = page("news/151", "Наставник и молодой специалист", "Наставник и молодой специалист. Без даты.")
    other = page("news/152", "Выпускной вечер", "Выпускной вечер 20.05.2026")
    crawl = OrgCrawlResult(
        org_id=ORG.id, reachable=True, started_at=T, finished_at=T,
        section=SectionInfo(url=section.url, title="Наставничество", pages=[section.url]),
        pages=[section, news, undated, other],
    )  # fmt: skip
    docs = [
        doc(
            "files/keys.pdf",
            DocPart(
                type=DocType.practice,
                title="Кейс: адаптация молодого учителя",
                approved_on=date(2026, 3, 2),
                owner_matches=True,
            ),
        ),
        doc(
            "files/metod.docx",
            DocPart(type=DocType.practice, title="Конспект открытого занятия наставника", dates=[date(2025, 12, 1)]),
            fmt="docx",
        ),
        doc(
            "files/pamyatka.pdf",
            DocPart(type=DocType.guidelines, title="Памятка наставнику МБОУ «СОШ № 9»", owner_matches=True),
        ),
        # not the organization's own, or not its own methodological material: never in its registry
        doc(
            "files/chuzhoy.pdf",
            DocPart(type=DocType.practice, title="Лучшие практики МБОУ «СОШ № 3»", owner_matches=False),
        ),
        doc("files/rekomendacii.pdf", DocPart(type=DocType.guidelines, title="Методические рекомендации")),
        doc("files/polozhenie.pdf", DocPart(type=DocType.regulation, title="Положение о наставничестве")),
    ]
    return crawl, docs


def test_a_run_collects_every_practice_of_a_site() -> None:
    crawl, docs = site()
    items = practice_items(ORG, crawl, docs, load_ruleset(None), TODAY)
    got = {(i.title, i.kind, i.published) for i in items}
    assert got == {
        ("Кейс: адаптация молодого учителя", PracticeKind.case, date(2026, 3, 2)),
        ("Конспект открытого занятия наставника", PracticeKind.method, date(2025, 12, 1)),
        ("Памятка наставнику МБОУ «СОШ № 9»", PracticeKind.method, None),
        ("Посвящение в наставники", PracticeKind.news, date(2025, 10, 14)),
    }
    assert [i.published for i in items] == [date(2025, 10, 14), date(2025, 12, 1), date(2026, 3, 2), None]
    news = next(i for i in items if i.kind == PracticeKind.news)
    assert news.url == SITE + "news/150" and news.format == "html" and news.archived
    assert all(i.key.startswith("sosh-9:") for i in items)
    # an unreachable site has none; the findings carry them with names masked
    assert practice_items(ORG, crawl.model_copy(update={"reachable": False}), docs, load_ruleset(None), TODAY) == []
    docs[0].parts[0].title = "Кейс: Иванова Мария Петровна и её наставник"
    findings = OrgFindings(id=ORG.id, name=ORG.name, kind=ORG.kind, site=SITE, reachable=True)
    attached = with_practices(findings, ORG, crawl, docs, load_ruleset(None), TODAY)
    assert attached.practices is not None
    assert "Кейс: [ФИО] и её наставник" in {i.title for i in attached.practices}


def test_the_key_names_one_item_across_monitorings() -> None:
    key = practice_key("a", "https://s.example/news/1/", date(2026, 1, 5), "Новость")
    assert key == practice_key("a", "http://S.example/news/1", date(2026, 1, 5), "Другой заголовок")
    assert key != practice_key("a", "http://s.example/news/1", date(2026, 4, 1), "Новость")  # reused page
    assert key != practice_key("b", "http://s.example/news/1", date(2026, 1, 5), "Новость")
    undated = practice_key("a", "http://s.example/f.pdf", None, "Кейс  «Первый год»")
    assert undated == practice_key("a", "http://s.example/f.pdf", None, "кейс первый год")


def item(title: str, day: date | None, url: str, org: str = "sosh-9") -> PracticeItem:
    return PracticeItem(
        key=practice_key(org, url, day, title), kind=PracticeKind.news, title=title, published=day, url=url,
        format="html", archived="ab" * 32,
    )  # fmt: skip


A = item("Школа молодого педагога", date(2025, 11, 20), SITE + "news/a")
B = item("Мастер-класс наставника", date(2025, 12, 15), SITE + "page/260")
B2 = item("Мастер-класс наставника", date(2026, 4, 10), SITE + "page/260")  # the same page, a later news item
C = item("Открытый урок", date(2026, 2, 12), SITE + "news/c")
D = item("Без даты", None, SITE + "files/d.pdf")


def seen(period: str, *items: PracticeItem) -> Sighting:
    return Sighting(period=period, org_id="sosh-9", org_name=ORG.name, org_kind=OrgKind.OO, items=list(items))


def test_one_row_per_item_keeps_its_first_period() -> None:
    registry = build_registry([seen("2026-05", A, B2, C, D), seen("2026-01", A, B)], "2026-05")
    assert [(r.no, r.title, r.published) for r in registry] == [
        (1, "Школа молодого педагога", date(2025, 11, 20)),
        (2, "Мастер-класс наставника", date(2025, 12, 15)),
        (3, "Открытый урок", date(2026, 2, 12)),
        (4, "Мастер-класс наставника", date(2026, 4, 10)),
        (5, "Без даты", None),  # undated last
    ]
    by_title_date = {(r.title, r.published): r for r in registry}
    a = by_title_date[("Школа молодого педагога", date(2025, 11, 20))]
    assert (a.first_period, a.last_period, a.periods, a.new) == ("2026-01", "2026-05", ["2026-01", "2026-05"], False)
    assert by_title_date[("Мастер-класс наставника", date(2025, 12, 15))].new is False
    assert by_title_date[("Мастер-класс наставника", date(2026, 4, 10))].new is True
    assert by_title_date[("Открытый урок", date(2026, 2, 12))].new is True
    # as of January: only what January saw, nothing «new» without an earlier monitoring
    january = build_registry([seen("2026-01", A, B), seen("2026-05", C)], "2026-01")
    assert [r.title for r in january] == ["Школа молодого педагога", "Мастер-класс наставника"]
    assert not any(r.new for r in january)


def test_runs_before_the_registry_fall_back_on_the_verdicts_evidence() -> None:
    rules = [
        {"rule_id": "section", "status": "met", "evidence": [{"url": SITE, "quote": "01.09.2025 Раздел"}]},
        {
            "rule_id": "practices",
            "status": "met",
            "evidence": [
                {"url": SITE + "?p=150", "title": "Посвящение в наставники",
                 "quote": "14.10.2025 Посвящение в наставники", "archived": "cd" * 32},
                {"url": SITE, "title": "Главная", "quote": "просмотрено страниц: 19"},
            ],
        },
    ]  # fmt: skip
    items = items_from_evidence("sosh-4", rules)
    assert [(i.title, i.published, i.kind, i.archived) for i in items] == [
        ("Посвящение в наставники", date(2025, 10, 14), PracticeKind.news, "cd" * 32)
    ]
    assert items[0].key == practice_key("sosh-4", SITE + "?p=150", date(2025, 10, 14), "Посвящение в наставники")
    not_met = [{"rule_id": "practices", "status": "not_met", "evidence": rules[1]["evidence"]}]
    assert items_from_evidence("sosh-4", not_met) == []
    rows = [
        {"period": "2026-01", "org_id": "sosh-4", "name": "МБОУ «Тонкинская ООШ»", "kind": "ОО",
         "practices": None, "rules": json.dumps(rules)},
        {"period": "2026-05", "org_id": "sosh-4", "name": "МБОУ «Тонкинская ООШ»", "kind": "ОО",
         "practices": json.dumps([items[0].model_dump(mode="json")]), "rules": "[]"},
    ]  # fmt: skip
    registry = build_registry(sightings_from_rows(rows), "2026-05")
    assert len(registry) == 1 and registry[0].first_period == "2026-01" and not registry[0].new


def findings(org_id: str, practices: list[PracticeItem] | None) -> OrgFindings:
    return OrgFindings(
        id=org_id, name=f"Организация {org_id}", kind=OrgKind.DOU, site=SITE, reachable=True, checked_at=T,
        rules=[RuleResult(rule_id="section", status=Status.met, note="есть")], practices=practices,
    )  # fmt: skip


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    """Two monitorings of one organization, a recheck run not applied, and a rerun of May."""
    store = Store(tmp_path / "monitor.db")
    crawl = OrgCrawlResult(org_id="sosh-9", reachable=True, started_at=T, finished_at=T)
    for period, items in (("2026-01", [A, B]), ("2026-05", [A, C])):
        run = store.start_run(period, "scheduled", f"{period}-20", "1", {"order": ["sosh-9"]})
        store.save_crawl(run, "Организация sosh-9", "ДОУ", SITE, crawl)
        store.save_findings(run, findings("sosh-9", items), "1")
        store.finish_run(run)
    manual = store.start_run("2026-05", "manual", "2026-05-25", "1", {"recheck": "sosh-9"})
    store.save_findings(manual, findings("sosh-9", [D]), "1")
    store.finish_run(manual)
    return store


def test_the_store_keeps_what_later_periods_need(store: Store) -> None:
    registry = practice_registry(store, "2026-05")
    assert [(r.title, r.first_period, r.new) for r in registry] == [
        ("Школа молодого педагога", "2026-01", False),
        ("Мастер-класс наставника", "2026-01", False),
        ("Открытый урок", "2026-05", True),
    ]  # the unapplied recheck's item is not the monitoring's
    assert [r["period"] for r in store.monitoring_runs()] == ["2026-01", "2026-05"]
    assert [r["period"] for r in store.monitoring_runs(until="2026-01")] == ["2026-01"]
    assert store.monitoring_runs(year=2025) == []
    # a rerun of May replaces the first May run as the period's monitoring
    rerun = store.start_run("2026-05", "scheduled", "2026-05-28", "1", {"order": ["sosh-9"]})
    store.save_findings(rerun, findings("sosh-9", [A, C, B2]), "1")
    store.finish_run(rerun)
    assert [r.title for r in practice_registry(store, "2026-05")][-1] == "Мастер-класс наставника"
    assert len(practice_registry(store, "2026-05")) == 4


def test_the_period_files_of_the_registry(store: Store, tmp_path: Path) -> None:
    from crawler.config import AppConfig

    store.blobs.put(b"<html>copy</html>")  # no blob for the items: the registry still lists them, with no copy
    run = store.latest_run("2026-05", "scheduled")
    assert run is not None
    paths = write_outputs(store, run["id"], tmp_path / "out", AppConfig(), load_ruleset(None))
    tree = lxml_html.fromstring(paths["registry_html"].read_text(encoding="utf-8"))
    rows = tree.cssselect("table.registry tbody tr")
    assert [r.get("data-new") for r in rows] == [None, None, "1"]
    assert "новое" in " ".join(rows[2].itertext())
    assert "Всего материалов — 3: новость — 3; впервые найдено в этом мониторинге — 1." in " ".join(
        " ".join(tree.cssselect("#registry-counts")[0].itertext()).split()
    )
    ws = load_workbook(paths["registry_xlsx"]).active
    header = [c.value for c in ws[1]]
    assert header[:9] == ["№", "Округ", "Код организации", "Организация", "Вид организации", "Дата материала",
                          "Материал", "Вид материала", "Ссылка"]  # fmt: skip
    values = [[c.value for c in row] for row in ws.iter_rows(min_row=2)]
    assert [(v[0], v[6], v[10], v[12]) for v in values] == [
        (1, "Школа молодого педагога", "январь 2026", None),
        (2, "Мастер-класс наставника", "январь 2026", None),
        (3, "Открытый урок", "май 2026", "да"),
    ]
    assert values[0][5].date() == date(2025, 11, 20) and ws.cell(2, 9).hyperlink.target == A.url
    saved = json.loads(paths["findings"].read_text(encoding="utf-8"))
    assert [p["title"] for p in saved[0]["practices"]] == ["Школа молодого педагога", "Открытый урок"]


def test_the_sections_own_page_typed_as_news_is_the_section_not_a_practice() -> None:
    # a short section page written as prose about the school's mentoring reads like a news item; the
    # criterion, like the registry, does not count the section itself as a practice
    crawl, _ = site()
    crawl.pages = [p for p in crawl.pages if p.is_section]
    section_doc = doc("nastavnichestvo", DocPart(type=DocType.practice, title="Наставничество",
                                                 dates=[date(2026, 4, 1)]), fmt="html")  # fmt: skip
    findings = evaluate_org(ORG, crawl, [section_doc], load_ruleset(None), TODAY)
    practices = next(r for r in findings.rules if r.rule_id == "practices")
    assert practices.status == Status.not_met
    assert practice_items(ORG, crawl, [section_doc], load_ruleset(None), TODAY) == []


def test_news_about_the_programme_is_news_a_page_naming_the_programme_is_not() -> None:
    # a school's news heading often names its programme in passing («… реализация программы наставничества в
    # МБОУ …»); only a heading that names a programme itself is the programme's page, not news
    crawl, _ = site()
    section = next(p for p in crawl.pages if p.is_section)
    heading = "Наставник: быть или не быть? Реализация программы наставничества в МБОУ «СОШ № 9»"
    news = page("news/160", heading,
                f"Главная Новости {heading} 12.03.2026 Молодые педагоги и их наставники подвели итоги.")  # fmt: skip
    programmes = [
        page(path, h, f"Главная {h} {day} Утверждена приказом директора.")
        for path, h, day in (
            ("news/161", "Программа наставничества МБОУ «СОШ № 9» на 2025–2026 учебный год", "01.09.2025"),
            ("news/162", "Наставничество. Персонализированная программа наставничества", "02.09.2025"),
        )
    ]
    for pages, expected in (([section, *programmes], Status.not_met), ([section, *programmes, news], Status.met)):
        crawl.pages = pages
        findings = evaluate_org(ORG, crawl, [], load_ruleset(None), TODAY)
        practices = next(r for r in findings.rules if r.rule_id == "practices")
        assert practices.status == expected
    assert [e.url for e in practices.evidence] == [SITE + "news/160"]
    items = practice_items(ORG, crawl, [], load_ruleset(None), TODAY)
    assert [(i.url, i.published) for i in items] == [(SITE + "news/160", date(2026, 3, 12))]


def test_the_year_of_the_teacher_and_mentor_is_the_years_name_not_the_schools_mentoring() -> None:
    # «Год педагога и наставника» (2023) headed thousands of school news items on concerts and ceremonies;
    # only a heading that says more about mentoring than the year's name is news about the school's mentoring
    crawl, _ = site()
    section = next(p for p in crawl.pages if p.is_section)
    dated = [
        page(path, h, f"Главная Новости {h} {day} В школе прошёл концерт для педагогических работников и ветеранов.")
        for path, h, day in (
            ("news/170", "Открытие Года педагога и наставника", "10.02.2023"),
            ("news/171", "Год педагога и наставника: наставники школы провели мастер-класс для молодых учителей",
             "14.04.2026"),
        )
    ]  # fmt: skip
    crawl.pages = [section, *dated]
    findings = evaluate_org(ORG, crawl, [], load_ruleset(None), TODAY)
    practices = next(r for r in findings.rules if r.rule_id == "practices")
    assert practices.status == Status.met
    assert [e.url for e in practices.evidence] == [SITE + "news/171"]
    # the year's own news, three years old, is no older practice either («частично» would say there was one)
    crawl.pages = [section, dated[0]]
    findings = evaluate_org(ORG, crawl, [], load_ruleset(None), TODAY)
    assert next(r for r in findings.rules if r.rule_id == "practices").status == Status.not_met
