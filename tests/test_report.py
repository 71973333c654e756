"""The brief, its DOCX twin, the CSV/XLSX matrix and the letters, checked structurally against the findings."""

from __future__ import annotations

import csv
import re
from collections import Counter
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from lxml import html as lxml_html
from openpyxl import load_workbook

from crawler.models import STATUS_RU, OrgFindings, OrgKind, RuleResult, Status
from crawler.report import BriefData, ChangeKind, compute_changes, summarize, write_brief
from crawler.report.docx_writer import MATRIX_HEADING
from crawler.report.exports import EVIDENCE_SHEET, MATRIX_SHEET
from crawler.report.model import MARKS
from tests.test_report_sample import CRITERIA, IDS, NASTY_FILE, SCRIPT, make_brief_data


@pytest.fixture(scope="module")
def data() -> BriefData:
    return make_brief_data()


@pytest.fixture(scope="module")
def outputs(data: BriefData, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return write_brief(data, tmp_path_factory.mktemp("brief"))


@pytest.fixture(scope="module")
def tree(outputs: dict[str, Path]) -> lxml_html.HtmlElement:
    return lxml_html.fromstring(outputs["html"].read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def appendix(outputs: dict[str, Path]) -> lxml_html.HtmlElement:
    return lxml_html.fromstring(outputs["appendix_html"].read_text(encoding="utf-8"))


def text_of(el: lxml_html.HtmlElement) -> str:
    # join text nodes with a space: <br> and cell boundaries separate words on screen too
    return re.sub(r"\s+", " ", " ".join(el.itertext())).strip()


def pct_ru(value: float) -> str:
    """Rounded half-up, as the brief rounds."""
    return f"{int(value + 0.5)} %"


# ------------------------------------------------------------------ numbers


def test_compute_changes_between_periods(data: BriefData) -> None:
    assert data.previous is not None
    changes = compute_changes(data.findings, data.previous)
    by_key = {(c.org_id, c.criterion): c for c in changes}
    assert len(changes) == len(data.findings) * len(IDS)
    assert by_key[("sosh1", "pairs")].kind == ChangeKind.fixed  # partial -> met
    assert by_key[("oosh", "regulation")].kind == ChangeKind.regressed  # met -> partial
    assert by_key[("ds8", "section")].kind == ChangeKind.improved  # not_met -> partial
    assert all(by_key[("ddt", cid)].kind == ChangeKind.incomparable for cid in IDS)  # unreachable now
    assert all(by_key[("dussh", cid)].kind == ChangeKind.new for cid in IDS)  # not in January
    assert by_key[("dussh", "section")].before is None
    counted = Counter(c.kind for c in changes)
    assert counted[ChangeKind.fixed] == 1
    assert counted[ChangeKind.regressed] == 1
    assert counted[ChangeKind.improved] == 1
    assert counted[ChangeKind.unchanged] == 7 * 10 - 10 - 10 - 3
    assert by_key[("sosh1", "pairs")].label == "исправлено"


def test_change_kinds_cover_every_pair() -> None:
    def one(before: Status, after: Status) -> ChangeKind:
        mk = lambda s: OrgFindings(  # noqa: E731
            id="x", name="x", kind=OrgKind.OO, site="http://x/", reachable=True,
            rules=[RuleResult(rule_id="r", status=s)],
        )  # fmt: skip
        return compute_changes([mk(after)], [mk(before)])[0].kind

    assert one(Status.not_met, Status.met) == ChangeKind.fixed
    assert one(Status.partial, Status.met) == ChangeKind.fixed
    assert one(Status.not_met, Status.partial) == ChangeKind.improved
    assert one(Status.met, Status.not_met) == ChangeKind.regressed
    assert one(Status.met, Status.partial) == ChangeKind.regressed
    assert one(Status.partial, Status.partial) == ChangeKind.unchanged
    assert one(Status.unknown, Status.met) == ChangeKind.incomparable
    assert one(Status.met, Status.unknown) == ChangeKind.incomparable


def test_summarize_counts_only_checked(data: BriefData) -> None:
    summary = summarize(data.findings, CRITERIA, data.period)
    reachable = [o for o in data.findings if o.reachable]
    assert summary.period == "2026-05"
    expected_mean = sum(o.score or 0 for o in reachable) / len(reachable)
    assert summary.mean_score == pytest.approx(expected_mean, abs=0.05)
    for cid in IDS:
        met = sum(o.rule(cid).status == Status.met for o in reachable)
        assert summary.share_met[cid] == pytest.approx(100 * met / len(reachable), abs=0.05)


# ------------------------------------------------------------------ HTML


def test_title_and_header(tree: lxml_html.HtmlElement, data: BriefData) -> None:
    h1 = text_of(tree.cssselect("h1")[0])
    assert h1.startswith("Информационная справка по итогам мониторинга официальных сайтов образовательных")
    assert "образовательных организаций Тонкинского муниципального округа на наличие" in h1
    assert h1.endswith("(май 2026)")
    body = text_of(tree.body)
    for needle in ("Основание:", "Цель:", "Сроки проведения:", "Объект:", "Метод:", data.issuer, data.office):
        assert needle in body
    assert "ОО — 3, ДОУ — 2, ДО — 2" in body
    # one day of checks: the date once and the hours, in the district's time zone
    assert "Сроки проведения: 12.05.2026, 09:00–21:05 (МСК)" in body


def test_dates_agree(tree: lxml_html.HtmlElement, data: BriefData) -> None:
    """The brief is dated after its checks; judged on another day (--today), the method says so."""
    assert text_of(tree.cssselect("#brief-date")[0]) == "15.05.2026"  # today: the documents were judged on 15.05
    method = text_of(tree.cssselect("#method")[0])
    assert "Оценка проведена по состоянию на 15.05.2026; сайты проверены 12.05.2026." in method
    assert "редакция критериев от" not in method or "." in method
    body = text_of(tree.body)
    assert "UTC" not in body and "«15» мая" not in body


def test_dates_of_a_plain_run(tmp_path: Path) -> None:
    """Checked on the day of the evaluation: no «по состоянию на»; over several days: the dates only."""
    data = make_brief_data(with_previous=False).model_copy(
        update={"today": date(2026, 5, 12), "crawl_finished": datetime(2026, 5, 14, 7, 0, tzinfo=UTC)}
    )
    tree = lxml_html.fromstring(write_brief(data, tmp_path)["html"].read_text(encoding="utf-8"))
    body = text_of(tree.body)
    assert "Сроки проведения: с 12.05.2026 по 14.05.2026" in body
    assert text_of(tree.cssselect("#brief-date")[0]) == "14.05.2026"  # not before the last check
    assert "по состоянию на" not in body


def test_january_title(tmp_path: Path) -> None:
    data = make_brief_data(with_previous=False).model_copy(update={"period": "2027-01"})
    out = write_brief(data, tmp_path)
    assert out["html"].name == "spravka-2027-01.html"
    tree = lxml_html.fromstring(out["html"].read_text(encoding="utf-8"))
    assert text_of(tree.cssselect("h1")[0]).endswith("(январь 2027)")
    body = text_of(tree.body)
    assert "Предыдущий мониторинг в базе отсутствует" in body
    assert tree.cssselect("#chart-shares") and tree.cssselect("#chart-scores")


def test_matrix_has_every_org_and_criterion(tree: lxml_html.HtmlElement, data: BriefData) -> None:
    heads = [text_of(th) for th in tree.cssselect("table.matrix th.crit-head")]
    assert heads == [f"{i}. {c.title}" for i, c in enumerate(CRITERIA, 1)]
    rows = tree.cssselect("table.matrix tbody tr")
    assert [r.get("data-org") for r in rows] == [o.id for o in data.findings]
    for row, org in zip(rows, data.findings, strict=True):
        cells = row.cssselect("td.mark")
        assert [c.get("data-criterion") for c in cells] == IDS
        for cell in cells:
            status = org.rule(cell.get("data-criterion")).status
            assert cell.get("data-status") == status.value
            assert text_of(cell).startswith(MARKS[status])
            target = cell.cssselect("a")[0].get("href")  # each mark links to its evidence in the appendix
            assert target == f"prilozhenie-2026-05.html#org-{org.id}-{cell.get('data-criterion')}"
        score_text = text_of(row.cssselect("td.score")[0])
        if org.score is None:
            assert score_text == "—"
        else:
            assert float(score_text.replace(" %", "").replace(",", ".")) == pytest.approx(org.score)
        zone = text_of(row.cssselect("td.zone")[0])
        assert zone == (org.zone or "—")


def test_shares_equal_findings(tree: lxml_html.HtmlElement, data: BriefData) -> None:
    rows = {r.get("data-criterion"): r for r in tree.cssselect("table.shares tbody tr")}
    assert list(rows) == IDS
    for cid in IDS:
        statuses = [o.rule(cid).status for o in data.findings]
        count = Counter(statuses)
        row = rows[cid]
        for key in ("met", "partial", "not_met", "unknown"):
            assert int(text_of(row.cssselect(f'td[data-count="{key}"]')[0])) == count[Status(key)]
        checked = len(statuses) - count[Status.unknown]
        assert checked == 6  # the unreachable site is not checked, hence not «не выполнено»
        share = text_of(row.cssselect("td.share")[0])
        assert share == f"{count[Status.met]} из {checked} ({pct_ru(100 * count[Status.met] / checked)})"
        for kind in OrgKind:
            in_kind = [o.rule(cid).status for o in data.findings if o.kind == kind]
            known = [s for s in in_kind if s != Status.unknown]
            met = sum(s == Status.met for s in known)
            cell = text_of(row.cssselect(f'td[data-kind="{kind.value}"]')[0])
            assert cell == f"{met} из {len(known)} ({pct_ru(100 * met / len(known))})"


def test_unreachable_is_not_counted_as_not_met(
    tree: lxml_html.HtmlElement, appendix: lxml_html.HtmlElement, data: BriefData
) -> None:
    ddt = next(o for o in data.findings if o.id == "ddt")
    assert not ddt.reachable
    row = tree.cssselect('table.matrix tr[data-org="ddt"]')[0]
    assert {c.get("data-status") for c in row.cssselect("td.mark")} == {"unknown"}
    detail = text_of(appendix.cssselect('section.org-detail[data-org="ddt"]')[0])
    assert "Сайт недоступен: ошибка защищённого соединения (сертификат просрочен)" in detail
    # the reason once, each attempt in one line with its time — not the reason under each of ten criteria
    assert len(appendix.cssselect('section.org-detail[data-org="ddt"] ul.attempts li')) == 3
    assert "12.05.2026 15:00 (МСК)" in detail and "12.05.2026 21:00 (МСК)" in detail
    assert detail.count("сертификат просрочен") <= 4
    conclusions = text_of(tree.cssselect("ol.conclusions")[0])
    assert "Не удалось проверить сайты" in conclusions and "МБУ ДО «Дом детского творчества»" in conclusions
    assert "Раздел «Наставничество» имеется на 4 из 6 проверенных сайтов (67 %)" in conclusions


def test_conclusions_and_recommendations(tree: lxml_html.HtmlElement, data: BriefData) -> None:
    conclusions = text_of(tree.cssselect("ol.conclusions")[0])
    assert "Проведён мониторинг официальных сайтов 7 образовательных организаций" in conclusions
    assert "исправлено позиций — 1, улучшено — 1, ухудшилось — 1" in conclusions
    assert "Наиболее частые недостатки" in conclusions
    items = tree.cssselect("ol.recs > li")
    named = {span.get("data-org") for span in tree.cssselect("ol.recs span.rec-org")}
    assert "sosh1" not in named  # nothing to fix
    assert {"sosh14", "oosh", "ds3", "ds8", "ddt", "dussh"} <= named
    by_key = {li.get("data-rec"): li for li in items}
    ds8 = next(o for o in data.findings if o.id == "ds8")
    for crit in CRITERIA[1:]:  # grouped by what must be done: the advice once, then who must do it
        assert ds8.rule(crit.id).status == Status.not_met
        li = by_key[crit.id]
        assert crit.advice.rstrip(".") in text_of(li)
        assert li.cssselect('span[data-org="ds8"][data-status="not_met"]')
    # ds8's section is a partial one: it is never told to create it
    section = by_key["section"]
    assert not section.cssselect('span[data-org="ds8"][data-status="not_met"]')
    assert section.cssselect('span[data-org="ds8"][data-status="partial"]')
    assert "Обеспечить доступность официального сайта" in text_of(by_key["site"])
    assert by_key["site"].cssselect('span[data-org="ddt"]')
    assert "до начала следующего мониторинга (январь 2027)" in text_of(tree.body)


def test_recommendations_read_as_a_list(tree: lxml_html.HtmlElement) -> None:
    """Numbered from 1 without gaps, each advice once, no «Рекомендуется: Создать», no addresses."""
    items = tree.cssselect("ol.recs > li")
    assert items and not tree.cssselect("ol.recs[start]")
    text = text_of(tree.cssselect("ol.recs")[0])
    assert "Рекомендуется" not in text and "http" not in text
    advices = [c.advice.rstrip(".") for c in CRITERIA]
    assert all(text.count(a) <= 1 for a in advices)
    assert text.count("нет отметки об электронной подписи") == 0  # one item for all unsigned documents
    assert "signature" in {li.get("data-rec") for li in items}


def test_changes_section(tree: lxml_html.HtmlElement) -> None:
    rows = {r.get("data-org"): r for r in tree.cssselect("table.changes tbody tr")}
    assert set(rows) == {"sosh1", "oosh", "ds8"}
    fixed = rows["sosh1"].cssselect('[data-kind="fixed"] span[data-criterion]')
    assert [s.get("data-criterion") for s in fixed] == ["pairs"]
    assert "± → +" in text_of(fixed[0]).replace("\u202f", " ")
    regressed = rows["oosh"].cssselect('[data-kind="regressed"] span[data-criterion]')
    assert [s.get("data-criterion") for s in regressed] == ["regulation"]
    improved = rows["ds8"].cssselect('[data-kind="improved"] span[data-criterion]')
    assert [s.get("data-criterion") for s in improved] == ["section"]
    # organizations new to the monitoring are named once, not given a row each
    assert tree.cssselect('#new-orgs [data-org="dussh"][data-new-org="1"]')


def test_detail_sections(tree: lxml_html.HtmlElement, appendix: lxml_html.HtmlElement, data: BriefData) -> None:
    """The appendix holds every organization's evidence; the brief itself holds none of it."""
    assert not tree.cssselect("section.org-detail")
    details = {s.get("data-org"): s for s in appendix.cssselect("section.org-detail")}
    assert list(details) == [o.id for o in data.findings]
    sosh1 = text_of(details["sosh1"])
    assert "путь в меню: Главная › Педагогам › Наставничество" in sosh1
    assert "http://127.0.0.1:8000/nastavnichestvo/" in sosh1
    assert "Положение о системе наставничества педагогических работников" in sosh1
    assert "от 01.09.2025 № 1-од" in sosh1
    assert "«УТВЕРЖДЕНО приказом от 01.09.2025 № 1-од (regulation)»" in sosh1
    archived = details["sosh1"].xpath(".//a[text()='копия']/@href")
    assert archived and all(re.fullmatch(r"archive/01/01[ab]{62}", h) for h in archived)
    # numbered as in the brief's matrix (1…7 straight through, not restarting per kind)
    headings = [text_of(h) for h in appendix.cssselect("section.org-detail h3")]
    assert [h.split(".")[0] for h in headings] == [str(i) for i in range(1, len(data.findings) + 1)]
    sosh14 = text_of(details["sosh14"])
    assert "проверено вручную: методист Иванова А. П., 14.05.2026" in sosh14
    assert "повторная проверка 14.05.2026 11:00 (МСК)" in text_of(details["ds3"])
    matrix_row = tree.cssselect('table.matrix tr[data-org="sosh14"] td[data-criterion="pay_incentives"] sup')
    assert matrix_row and text_of(matrix_row[0]) == "р"
    # every mark of the brief opens its verdict in the appendix
    ids = set(appendix.xpath("//@id"))
    for href in tree.xpath("//table[contains(@class, 'matrix')]//a/@href"):
        name, _, anchor = href.partition("#")
        assert name == "prilozhenie-2026-05.html" and anchor in ids, href


def test_site_text_is_escaped(
    outputs: dict[str, Path], tree: lxml_html.HtmlElement, appendix: lxml_html.HtmlElement
) -> None:
    for page in (outputs["html"], outputs["appendix_html"]):
        raw = page.read_text(encoding="utf-8")
        assert SCRIPT not in raw
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in raw
    assert not tree.xpath("//script") and not appendix.xpath("//script")
    assert SCRIPT in text_of(tree.body)  # shown as text, intact
    assert NASTY_FILE in text_of(appendix.body)
    for letter in outputs["letters_dir"].glob("*.html"):
        assert SCRIPT not in letter.read_text(encoding="utf-8")


def test_self_contained(tree: lxml_html.HtmlElement, appendix: lxml_html.HtmlElement, data: BriefData) -> None:
    for page in (tree, appendix):
        assert not page.xpath("//link | //script | //img | //iframe | //object")
        assert not page.xpath("//@src")
        assert page.xpath("//style")
        for style in page.xpath("//style/text()"):
            assert "@import" not in style and "http" not in style
    assert tree.xpath("//svg")
    # the signed brief links only to its appendix; the appendix to the evidence
    for href in tree.xpath("//a/@href"):
        assert href.startswith(("#", "prilozhenie-2026-05.html#")), href
    evidence_urls = {ev.url for o in data.findings for r in o.rules for ev in r.evidence}
    evidence_urls |= {o.site for o in data.findings} | {o.section_url for o in data.findings if o.section_url}
    evidence_urls |= {d.url for o in data.findings for d in o.documents}
    for href in appendix.xpath("//a/@href"):
        assert href.startswith(("#", "archive/")) or href in evidence_urls, href


def test_signed_part_speaks_plain_russian(tree: lxml_html.HtmlElement, data: BriefData) -> None:
    """No codes, hashes, addresses, protocol words or UTC in the signed part (site names aside)."""
    body = text_of(tree.body)
    for org in data.findings:
        body = body.replace(org.name, "")
    assert not re.search(r"[A-Za-z]", body), re.findall(r"\S*[A-Za-z]\S*", body)[:10]
    for word in ("UTC", "HTTP", "TLS", "DNS", "версия правил", data.rules_version):
        assert word not in body
    assert "«12» мая" not in body and "1,2 %" not in body


def test_charts(tree: lxml_html.HtmlElement, data: BriefData) -> None:
    shares = tree.cssselect("#chart-shares svg")[0]
    labels = shares.xpath(".//*[local-name()='text']/text()")
    assert all(c.title in labels for c in CRITERIA)
    scores = tree.cssselect("#chart-scores svg")[0]
    bars = scores.xpath(".//*[local-name()='rect'][starts-with(@class, 'bar-zone')][*[local-name()='title']]")
    assert len(bars) == 6  # reachable organizations only
    trend = tree.cssselect("#chart-trend svg")[0]
    assert len(trend.xpath(".//*[local-name()='circle']")) == 3  # two earlier periods + this one
    assert "май 2025" in trend.xpath(".//*[local-name()='text']/text()")


# ------------------------------------------------------------------ DOCX, CSV, XLSX, letters


def expected_matrix(data: BriefData) -> list[list[str]]:
    return [[MARKS[o.rule(cid).status] for cid in IDS] for o in data.findings]


def test_docx_holds_the_same_matrix(outputs: dict[str, Path], data: BriefData) -> None:
    doc = Document(str(outputs["docx"]))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert MATRIX_HEADING in headings
    assert "6. Выводы" in headings and "7. Рекомендации" in headings
    matrix = next(t for t in doc.tables if t.rows[0].cells[1].text == "Организация")
    assert [r.cells[0].text for r in matrix.rows[1:]] == [str(i) for i in range(1, len(data.findings) + 1)]
    matrix = next(t for t in doc.tables if t.rows[0].cells[0].text == "№" and t.rows[0].cells[1].text == "Организация")
    header = [c.text for c in matrix.rows[0].cells]
    assert header[3 : 3 + len(IDS)] == [f"{i}. {c.title}" for i, c in enumerate(CRITERIA, 1)]
    body = matrix.rows[1:]
    assert [r.cells[1].text.split("\n")[0] for r in body] == [o.name for o in data.findings]
    marks = [[c.text.removesuffix("р") for c in r.cells[3 : 3 + len(IDS)]] for r in body]
    assert marks == expected_matrix(data)
    assert any(s.orientation == WD_ORIENT.LANDSCAPE for s in doc.sections)
    full = "\n".join(p.text for p in doc.paragraphs)
    assert "ИНФОРМАЦИОННАЯ СПРАВКА" in full and "(май 2026)" in full
    signature = "\n".join(c.text for t in doc.tables for r in t.rows for c in r.cells).replace("\u00a0", " ")
    assert data.signatory_name in signature
    assert SCRIPT in "\n".join(c.text for r in body for c in r.cells)  # kept as plain text


def test_csv_reads_back(outputs: dict[str, Path], data: BriefData) -> None:
    raw = outputs["csv"].read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with outputs["csv"].open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh, delimiter=";"))
    header, body = rows[0], rows[1:]
    assert header[:5] == ["№", "Код организации", "Организация", "Вид", "Сайт"]
    assert len(body) == len(data.findings)
    for row, org in zip(body, data.findings, strict=True):
        assert row[1] == org.id and row[2] == org.name and row[3] == org.kind.value
        assert row[5 : 5 + len(IDS)] == [STATUS_RU[org.rule(cid).status] for cid in IDS]
        score = row[5 + len(IDS) + 2]
        assert score == ("" if org.score is None else f"{org.score:.1f}".replace(".", ","))
        assert row[-2] == ("да" if org.reachable else "нет")


def test_xlsx_reads_back(outputs: dict[str, Path], data: BriefData) -> None:
    wb = load_workbook(outputs["xlsx"])
    ws = wb[MATRIX_SHEET]
    rows = [list(r) for r in ws.iter_rows(min_row=3, values_only=True)]
    with outputs["csv"].open(encoding="utf-8-sig", newline="") as fh:
        csv_rows = list(csv.reader(fh, delimiter=";"))[1:]
    assert len(rows) == len(data.findings)
    for row, csv_row, org in zip(rows, csv_rows, data.findings, strict=True):
        assert row[5 : 5 + len(IDS)] == csv_row[5 : 5 + len(IDS)]
        score = row[5 + len(IDS) + 2]
        assert score == org.score
    ev = wb[EVIDENCE_SHEET]
    urls = {r[5] for r in ev.iter_rows(min_row=2, values_only=True) if r[5]}
    assert urls == {e.url for o in data.findings for r in o.rules for e in r.evidence}


def test_letters(outputs: dict[str, Path], data: BriefData) -> None:
    for org in data.findings:
        html_path = outputs[f"letter_html:{org.id}"]
        docx_path = outputs[f"letter_docx:{org.id}"]
        assert html_path.parent.name == f"letters-{data.period}" and html_path.name == f"{org.id}.html"
        tree = lxml_html.fromstring(html_path.read_text(encoding="utf-8"))
        body = text_of(tree.body)
        assert f"Руководителю {org.name}" in body
        assert data.signatory_name in body and "15.05.2026" in body
        doc_text = "\n".join(p.text for p in Document(str(docx_path)).paragraphs)
        cells = "\n".join(c.text for t in Document(str(docx_path)).tables for r in t.rows for c in r.cells)
        assert org.name in cells
        for rule in org.rules:
            crit = next(c for c in CRITERIA if c.id == rule.rule_id)
            if rule.status in (Status.not_met, Status.partial):
                assert crit.advice in body and crit.advice in doc_text
    ddt = text_of(lxml_html.fromstring(outputs["letter_html:ddt"].read_text(encoding="utf-8")).body)
    assert "Сайт открыть не удалось: ошибка защищённого соединения (сертификат просрочен)" in ddt
    sosh1 = lxml_html.fromstring(outputs["letter_html:sosh1"].read_text(encoding="utf-8"))
    assert "Замечаний по результатам мониторинга нет" in text_of(sosh1.body)
    assert "http://127.0.0.1:8000/nastavnichestvo/regulation.pdf" in sosh1.xpath("//a/@href")


def test_degenerate_inputs_render(tmp_path: Path) -> None:
    """No organizations at all, no zones, no history; and an organization the evaluation skipped a criterion for."""
    empty = make_brief_data(with_previous=False).model_copy(update={"findings": [], "zones": [], "history": []})
    out = write_brief(empty, tmp_path / "empty")
    tree = lxml_html.fromstring(out["html"].read_text(encoding="utf-8"))
    assert not tree.cssselect("table.matrix tbody tr")
    assert not tree.cssselect("#chart-scores") and not tree.cssselect("#chart-trend")
    assert "не проверялось" in text_of(tree.cssselect("table.shares")[0])

    data = make_brief_data(with_previous=False)
    partial_org = data.findings[0].model_copy(update={"rules": data.findings[0].rules[:-1], "score": None})
    data = data.model_copy(update={"findings": [partial_org]})
    out = write_brief(data, tmp_path / "partial")
    tree = lxml_html.fromstring(out["html"].read_text(encoding="utf-8"))
    cell = tree.cssselect('table.matrix td[data-criterion="freshness"]')[0]
    assert cell.get("data-status") == "unknown"
    appendix = lxml_html.fromstring(out["appendix_html"].read_text(encoding="utf-8"))
    assert "Критерий не оценивался" in text_of(appendix.cssselect("#org-sosh1-freshness")[0])
    # score recomputed over the nine evaluated criteria: all met
    assert text_of(tree.cssselect("table.matrix td.score")[0]) == "100 %"


def test_hostile_links_and_formulas(tmp_path: Path) -> None:
    """A javascript: link from a site never becomes clickable; «=…» text stays text in CSV and XLSX."""
    data = make_brief_data(with_previous=False)
    first = data.findings[0]
    rule = first.rules[1]
    bad_ev = rule.evidence[0].model_copy(
        update={"url": "javascript:alert(2)", "title": '=HYPERLINK("http://evil/","x")', "quote": "=1+2"}
    )
    rules = [*first.rules[:1], rule.model_copy(update={"evidence": [bad_ev]}), *first.rules[2:]]
    hostile = first.model_copy(update={"rules": rules, "name": "=2+3 школа"})
    data = data.model_copy(update={"findings": [hostile, *data.findings[1:]]})
    out = write_brief(data, tmp_path)

    for path in (out["html"], out["appendix_html"], out["letter_html:sosh1"]):
        tree = lxml_html.fromstring(path.read_text(encoding="utf-8"))
        allowed = ("#", "http", "archive/", "prilozhenie-2026-05.html#")
        assert not [h for h in tree.xpath("//a/@href") if not h.startswith(allowed)]
        if path == out["letter_html:sosh1"]:
            assert set(tree.xpath("//a[contains(., 'HYPERLINK')]/@href")) == {"#"}
        if path == out["appendix_html"]:
            assert set(tree.xpath("//a[contains(., 'javascript')]/@href")) == {"#"}
    assert not [r for r in Document(str(out["docx"])).part.rels.values() if r.is_external]  # no addresses signed
    doc = Document(str(out["appendix_docx"]))
    rels = [r.target_ref for r in doc.part.rels.values() if r.is_external]
    assert rels and not [t for t in rels if t.startswith("javascript")]

    with out["csv"].open(encoding="utf-8-sig", newline="") as fh:
        row = list(csv.reader(fh, delimiter=";"))[1]
    assert row[2] == "'=2+3 школа"
    wb = load_workbook(out["xlsx"])
    ev = wb[EVIDENCE_SHEET]
    cells = [c for r in ev.iter_rows(min_row=2) for c in r if c.value == '=HYPERLINK("http://evil/","x")']
    assert cells and all(c.data_type == "s" for c in cells)
    assert all(c.hyperlink is None for r in ev.iter_rows(min_row=2) for c in r if c.value == "javascript:alert(2)")
    matrix_names = [r[2] for r in wb[MATRIX_SHEET].iter_rows(min_row=3, values_only=True)]
    assert "=2+3 школа" in matrix_names
    assert wb[MATRIX_SHEET].cell(3, 3).data_type == "s"


def test_status_word_not_repeated(tmp_path: Path) -> None:
    data = make_brief_data(with_previous=False)
    org = data.findings[2]  # oosh: section is partial
    rules = [
        r.model_copy(update={"note": "Частично: раздел-заглушка «в разработке»"}) if r.rule_id == "section" else r
        for r in org.rules
    ]
    data = data.model_copy(update={"findings": [org.model_copy(update={"rules": rules})]})
    out = write_brief(data, tmp_path)
    tree = lxml_html.fromstring(out["appendix_html"].read_text(encoding="utf-8"))
    detail = text_of(tree.cssselect("#org-oosh-section")[0])
    assert "± частично Раздел-заглушка «в разработке»" in detail  # the status in its cell, the note beside it
    assert "Частично:" not in detail
