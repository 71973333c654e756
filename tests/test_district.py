"""The district data of items 5.2 and 5.5: the brief's table (counts, forms, totals by kind and for the district,
disputed values, changes since the last monitoring) and the svedeniya-*.csv/.xlsx exports in their fixed layout."""

from __future__ import annotations

import csv
import re
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from lxml import html as lxml_html
from openpyxl import load_workbook

from crawler.models import (
    CountFact,
    CuratorFact,
    DocType,
    FactSource,
    FormCount,
    FormFact,
    OrgFacts,
    OrgFindings,
    SourcedCount,
    YearFacts,
)
from crawler.report import BriefData, build_view, write_brief
from crawler.report.district import DISTRICT_COLUMNS, build_district, export_rows
from crawler.report.exports import COLUMNS_SHEET, DISTRICT_SHEET, FORMS_SHEET, district_header
from tests.test_report_sample import make_brief_data

AY = "2025-2026"
PAIRS_ORDER = "http://sosh1.example/pairs-2025.pdf"
BASE = "http://sosh1.example/baza.odt"


def src(url: str, doc_type: DocType | None, year: str = AY) -> FactSource:
    return FactSource(url=url, doc_type=doc_type, quote="1. [ФИО] – [ФИО]", academic_year=year, year_stated=True)


def count(
    value: int, url: str = PAIRS_ORDER, doc_type: DocType | None = DocType.pairs_order, **others: int
) -> CountFact:
    """A count from one document; `others`: {"base": 4} — what a base of mentors says instead."""
    other = [SourcedCount(value=v, sources=[src(BASE, DocType.mentor_registry)]) for v in others.values()]
    return CountFact(value=value, sources=[src(url, doc_type)], other_values=other)


def form(name: str, pupils: bool = False) -> FormFact:
    return FormFact(form=name, pupils=pupils, sources=[src(PAIRS_ORDER, DocType.regulation)])


PP, RP, YOUNG, GROUP = (
    "педагог – педагог",
    "руководитель – педагог",
    "опытный педагог – молодой специалист",
    ("групповое наставничество"),
)


def facts_now() -> dict[str, OrgFacts | None]:
    """The May facts of the sample district (tests/test_report_sample.py), one shape of each kind."""
    return {
        "sosh1": OrgFacts(
            academic_year=AY,
            years=[
                YearFacts(
                    academic_year=AY,
                    mentors=count(3, base=4),
                    mentees=count(3),
                    pairs=count(3),
                    groups=count(0),
                    forms=[FormCount(form=PP, count=2), FormCount(form=RP, count=1)],
                )
            ],
            forms=[form(RP), form(PP)],
            pupil_forms=[form("работодатель – студент", pupils=True)],
            curator=CuratorFact(position="заместитель директора по УВР", source=src(PAIRS_ORDER, DocType.model_order)),
        ),
        "sosh14": OrgFacts(
            academic_year=AY,
            years=[
                YearFacts(
                    academic_year=AY,
                    mentors=count(2),
                    mentees=count(4),
                    pairs=count(1),
                    groups=count(1),
                    forms=[FormCount(form=PP, count=1), FormCount(form=GROUP, count=1)],
                )
            ],
            forms=[form(PP), form(GROUP)],
        ),
        "oosh": OrgFacts(
            academic_year=AY,
            years=[YearFacts(academic_year="2024-2025", pairs=count(1), mentors=count(1), mentees=count(1))],
        ),
        "ds3": OrgFacts(
            academic_year=AY,
            years=[YearFacts(academic_year=AY, mentors=count(1), mentees=count(1), pairs=count(1), groups=count(0))],
            forms=[form(YOUNG)],
        ),
        "ds8": OrgFacts(academic_year=AY),
        "ddt": None,  # unreachable in May
        "dussh": OrgFacts(
            academic_year=AY,
            years=[
                YearFacts(
                    academic_year=AY,
                    mentors=count(1, BASE, DocType.mentor_registry),
                    mentees=count(2, BASE, DocType.mentor_registry),
                )
            ],
        ),
    }


def facts_before() -> dict[str, OrgFacts | None]:
    """January: sosh1 had two pairs; the rest had nothing for the year."""
    before: dict[str, OrgFacts | None] = {k: OrgFacts(academic_year=AY) for k in facts_now()}
    before["sosh1"] = OrgFacts(
        academic_year=AY,
        years=[YearFacts(academic_year=AY, mentors=count(2), mentees=count(2), pairs=count(2), groups=count(0))],
        forms=[form(PP)],
    )
    return before


def with_facts(findings: list[OrgFindings], facts: dict[str, OrgFacts | None]) -> list[OrgFindings]:
    return [f.model_copy(update={"facts": facts.get(f.id)}) for f in findings]


def sample() -> BriefData:
    data = make_brief_data()
    assert data.previous is not None
    return data.model_copy(
        update={
            "findings": with_facts(data.findings, facts_now()),
            "previous": with_facts(data.previous, facts_before()),
        }
    )


@pytest.fixture(scope="module")
def data() -> BriefData:
    return sample()


@pytest.fixture(scope="module")
def outputs(data: BriefData, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return write_brief(data, tmp_path_factory.mktemp("district"))


def text_of(el: lxml_html.HtmlElement) -> str:
    return re.sub(r"\s+", " ", " ".join(el.itertext())).strip()


# ------------------------------------------------------------------ the numbers


def test_counts_disputes_forms_and_totals(data: BriefData) -> None:
    dv = build_district(data.findings, data.today, data.previous, "январь 2026")
    assert dv.academic_year == AY
    rows = {r.org_id: r for r in dv.rows}
    sosh1 = rows["sosh1"]
    assert sosh1.counts["mentors"].text == "3 (по базе — 4)" and sosh1.counts["mentors"].disputed
    assert [sosh1.counts[w].text for w in ("mentees", "pairs", "groups")] == ["3", "3", "0"]
    assert sosh1.form_cell(PP) == "2" and sosh1.form_cell(RP) == "1" and sosh1.form_cell(GROUP) == ""
    assert sosh1.curator == "заместитель директора по УВР" and sosh1.pupil_forms == ["работодатель – студент"]
    assert rows["ds3"].form_cell(YOUNG) == "+"  # named in a document, no number of pairs
    assert rows["oosh"].state == "сведения только за 2024-2025 уч. г." and not rows["oosh"].has_data
    assert rows["ds8"].state == "в документах не указаны"
    assert rows["ddt"].state == "сайт недоступен"
    assert rows["dussh"].counts["pairs"].text == "—" and rows["dussh"].counts["mentees"].text == "2"
    # forms: the counted ones first, then the named ones
    assert dv.forms[:2] == [PP, RP] and set(dv.forms) == {PP, RP, GROUP, YOUNG}
    totals = {t.label: t for t in dv.totals}
    assert list(totals) == ["ОО", "ДОУ", "ДО", "Округ"]
    assert totals["ОО"].sums == {"mentors": 5, "mentees": 7, "pairs": 4, "groups": 1}
    assert (totals["ОО"].with_data, totals["ОО"].orgs) == (2, 3)
    assert totals["ДОУ"].sums == {"mentors": 1, "mentees": 1, "pairs": 1, "groups": 0}
    assert totals["ДО"].sums == {"mentors": 1, "mentees": 2, "pairs": None, "groups": None}
    assert totals["Округ"].sums == {"mentors": 7, "mentees": 10, "pairs": 5, "groups": 1}
    assert (totals["Округ"].with_data, totals["Округ"].orgs) == (4, 7)
    assert totals["Округ"].forms[PP] == 3 and totals["Округ"].forms[GROUP] == 1 and totals["Округ"].forms[YOUNG] == 0
    assert dv.disputed == 1


def test_changes_since_the_last_monitoring(data: BriefData) -> None:
    dv = build_district(data.findings, data.today, data.previous, "январь 2026")
    rows = {r.org_id: r for r in dv.rows}
    assert (
        rows["sosh1"].change
        == "наставников: 2 → 3; наставляемых: 2 → 3; пар: 2 → 3; названы формы: «руководитель – педагог»"
    )
    assert rows["sosh14"].change == "появились сведения; названы формы: «педагог – педагог», «групповое наставничество»"
    assert rows["ddt"].change == "сайт недоступен"
    assert rows["dussh"].change == "не участвовала в прошлом мониторинге"
    assert rows["ds8"].change == ""
    total = dv.totals[-1]
    assert total.change == "наставников: 2 → 7; наставляемых: 2 → 10; пар: 2 → 5; групп: 0 → 1"
    # no previous monitoring: no change column
    assert not build_district(data.findings, data.today).has_changes


# ------------------------------------------------------------------ the brief


def test_brief_section_shows_the_table(outputs: dict[str, Path]) -> None:
    tree = lxml_html.fromstring(outputs["html"].read_text(encoding="utf-8"))
    section = tree.cssselect("section#district")[0]
    assert "landscape" in section.get("class", "")
    assert text_of(section.cssselect("h2")[0]) == "3. Формы наставничества и включённость педагогов"
    rows = {tr.get("data-district-org"): tr for tr in section.cssselect("tr[data-district-org]")}
    assert list(rows) == ["sosh1", "sosh14", "oosh", "ds3", "ds8", "ddt", "dussh"]
    cells = {td.get("data-count"): text_of(td) for td in rows["sosh1"].cssselect("td[data-count]")}
    assert cells == {"mentors": "3 (по базе — 4)", "mentees": "3", "pairs": "3", "groups": "0"}
    assert "disputed" in rows["sosh1"].cssselect('td[data-count="mentors"]')[0].get("class")
    assert text_of(rows["oosh"].cssselect("td.state")[0]) == "сведения только за 2024-2025 уч. г."
    assert text_of(rows["ddt"].cssselect("td.state")[0]) == "сайт недоступен"
    forms = {td.get("data-form"): text_of(td) for td in rows["ds3"].cssselect("td[data-form]")}
    assert forms[YOUNG] == "+" and forms[PP] == ""
    totals = {tr.get("data-total"): tr for tr in section.cssselect("tr[data-total]")}
    assert list(totals) == ["ОО", "ДОУ", "ДО", "Округ"]
    district = {td.get("data-count"): text_of(td) for td in totals["Округ"].cssselect("td[data-count]")}
    assert district == {"mentors": "7", "mentees": "10", "pairs": "5", "groups": "1"}
    assert "сведения у 4 из 7" in text_of(totals["Округ"])
    assert "Изменения с прошлого мониторинга (май 2026)" not in text_of(section)
    assert "(январь 2026)" in text_of(section.cssselect("thead")[0])
    assert "пар: 2 → 3" in text_of(rows["sosh1"])
    # the conclusions name the district's totals
    conclusions = text_of(tree.cssselect("ol.conclusions")[0])
    assert "на 2025-2026 учебный год: наставников — 7, наставляемых — 10, пар — 5, групп — 1" in conclusions
    assert "сведения есть у 4 из 7 организаций; документы расходятся в 1 числе" in conclusions


def test_docx_section_holds_the_same_numbers(outputs: dict[str, Path]) -> None:
    doc = Document(str(outputs["docx"]))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert headings[2] == "3. Формы наставничества и включённость педагогов"
    table = next(
        t for t in doc.tables if len(t.columns) > 2 and t.rows[0].cells[2].text.replace("\u00ad", "") == "Наставников"
    )
    rows = {r.cells[1].text: [c.text for c in r.cells] for r in table.rows[1:]}
    sosh1 = rows["МБОУ «Средняя школа № 1»"]
    assert sosh1[2:6] == ["3 (по базе — 4)", "3", "3", "0"]
    assert "пар: 2 → 3" in sosh1[-1]
    oosh = rows["МБОУ «Тонкинская основная школа»"]
    assert oosh[2] == "сведения только за 2024-2025 уч. г."  # merged over the four numbers
    total = rows["Всего по округу (сведения у 4 из 7)"]
    assert total[2:6] == ["7", "10", "5", "1"]
    # the district page is in the landscape section of the matrix: still three sections
    assert len(doc.sections) == 3


# ------------------------------------------------------------------ the exports


def test_export_has_the_documented_columns_in_order(outputs: dict[str, Path]) -> None:
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("## Сведения о наставничестве") :]
    table = table[: table.index("\n## ")]
    for _, title, _ in DISTRICT_COLUMNS:
        assert title.split(" по другим")[0] in table, title  # every column is documented
    with outputs["district_csv"].open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh, delimiter=";"))
    assert rows[0] == district_header() == [t for _, t, _ in DISTRICT_COLUMNS]
    assert rows[0][:7] == [
        "Округ", "Период мониторинга", "Учебный год", "Код организации", "Организация", "Вид", "Сведения",
    ]  # fmt: skip
    by = {(r[3], r[2]): dict(zip(rows[0], r, strict=True)) for r in rows[1:]}
    sosh1 = by[("sosh1", AY)]
    assert sosh1["Округ"] == "Тонкинский муниципальный округ" and sosh1["Период мониторинга"] == "2026-05"
    assert (sosh1["Наставников"], sosh1["Наставников по другим документам"]) == ("3", "4 (по базе)")
    assert sosh1["Пары и группы по формам"] == "педагог – педагог: 2; руководитель – педагог: 1"
    assert sosh1["Формы наставничества обучающихся"] == "работодатель – студент"
    assert sosh1["Должность куратора"] == "заместитель директора по УВР"
    assert sosh1["Источники"].split() == [PAIRS_ORDER, BASE]
    assert re.fullmatch(r"\d\d\.\d\d\.\d{4}", sosh1["Дата проверки сайта"])
    # every organization has its row of the monitoring's academic year; other years only with numbers
    assert {k[0] for k in by if k[1] == AY} == {"sosh1", "sosh14", "oosh", "ds3", "ds8", "ddt", "dussh"}
    assert by[("oosh", AY)]["Сведения"] == "сведения только за 2024-2025 уч. г."
    assert by[("oosh", "2024-2025")]["Пар"] == "1"
    assert by[("ddt", AY)]["Сведения"] == "сайт недоступен" and by[("ddt", AY)]["Наставников"] == ""
    assert len(rows) == 1 + 7 + 1


def test_xlsx_export_for_merging(outputs: dict[str, Path], data: BriefData) -> None:
    wb = load_workbook(outputs["district_xlsx"])
    assert wb.sheetnames == [DISTRICT_SHEET, FORMS_SHEET, COLUMNS_SHEET]
    ws = wb[DISTRICT_SHEET]
    header = [c.value for c in ws[1]]
    assert header == district_header()  # the header in row 1: districts' files stack one under another
    records = [dict(zip(header, [c.value for c in row], strict=True)) for row in ws.iter_rows(min_row=2)]
    expected = export_rows(data.findings, data.district, data.period, data.today, data.timezone)
    assert len(records) == len(expected)
    for got, want in zip(records, expected, strict=True):  # the CSV's rows, numbers as numbers, dates as dates
        for code, title, _ in DISTRICT_COLUMNS:
            value = want[code]
            if isinstance(value, date):
                assert got[title].date() == value
            else:
                assert got[title] == (value if value != "" else None), (code, got[title], value)
    sosh1 = next(r for r in records if r["Код организации"] == "sosh1")
    assert sosh1["Наставников"] == 3 and isinstance(sosh1["Пар"], int)
    assert sosh1["Дата проверки сайта"].date() == date(2026, 5, 12)
    forms = [[c.value for c in row] for row in wb[FORMS_SHEET].iter_rows(min_row=2)]
    sosh1_forms = {r[6]: (r[7], r[8], r[9]) for r in forms if r[3] == "sosh1"}
    assert sosh1_forms == {
        PP: (2, "да", "нет"),
        RP: (1, "да", "нет"),
        "работодатель – студент": (None, "да", "да"),
    }
    codes = [row[1].value for row in wb[COLUMNS_SHEET].iter_rows(min_row=2)]
    assert codes == [code for code, _, _ in DISTRICT_COLUMNS]


def test_no_facts_at_all_still_renders(tmp_path: Path) -> None:
    data = make_brief_data(with_previous=False)
    view = build_view(data)
    assert view.district is not None and view.district.with_data == 0
    out = write_brief(data, tmp_path)
    tree = lxml_html.fromstring(out["html"].read_text(encoding="utf-8"))
    assert "в документах не указаны" in text_of(tree.cssselect("section#district")[0])
    assert any("не указаны" in line for line in view.conclusions)


def test_the_appendix_says_where_each_number_comes_from(outputs: dict[str, Path]) -> None:
    tree = lxml_html.fromstring(outputs["appendix_html"].read_text(encoding="utf-8"))
    sosh1 = text_of(tree.cssselect('div[data-org-facts="sosh1"]')[0])
    assert f"наставников — 3 («{PAIRS_ORDER}»); по другому документу — 4 («{BASE}»)" in sosh1
    assert "Пары и группы по формам: педагог – педагог — 2, руководитель – педагог — 1." in sosh1
    assert "Должность куратора: заместитель директора по УВР" in sosh1
    oosh = text_of(tree.cssselect('div[data-org-facts="oosh"]')[0])
    assert "Чисел на 2025-2026 уч. г. в документах нет (есть за 2024-2025 уч. г.; в выгрузке сведений)." in oosh
    assert not tree.cssselect('div[data-org-facts="ddt"]')  # unreachable: nothing read
    doc = Document(str(outputs["appendix_docx"]))
    texts = [p.text for p in doc.paragraphs]
    assert "Сведения о наставничестве (пп. 5.2, 5.5), по документам организации:" in texts
    assert any(t.startswith("– На 2025-2026 уч. г.: наставников — 3") for t in texts)
