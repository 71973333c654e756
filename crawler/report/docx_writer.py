"""The brief and the letters as DOCX (python-docx): editable in Word, same structure as the HTML."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from crawler.models import STATUS_RU, OrgKind, Status
from crawler.report.analysis import BriefView, OrgView, share_text
from crawler.report.exports import FILLS
from crawler.report.model import KIND_LONG, MARKS, ChangeKind, date_long_ru, date_ru, pct, safe_url

FONT = "Times New Roman"
MATRIX_HEADING = "2. Результаты мониторинга: сводная таблица"


def _setup_styles(doc: DocxDocument) -> None:
    """Times New Roman everywhere, black headings: an office document, not Word's blue default."""
    for name, size, bold in (
        ("Normal", 12, False),
        ("Heading 1", 14, True),
        ("Heading 2", 13, True),
        ("Heading 3", 12, True),
        ("Title", 14, True),
    ):
        style = doc.styles[name]
        style.font.name = FONT
        style.font.size = Pt(size)
        style.font.bold = bold
        style.font.color.rgb = RGBColor(0, 0, 0)
        rpr = style.element.get_or_add_rPr()
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:
            fonts = OxmlElement("w:rFonts")
            rpr.append(fonts)
        for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(attr), FONT)
        for theme_attr in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
            fonts.attrib.pop(qn(theme_attr), None)
    doc.styles["Normal"].paragraph_format.space_after = Pt(3)
    doc.styles["Heading 1"].paragraph_format.space_before = Pt(14)
    doc.styles["Heading 2"].paragraph_format.space_before = Pt(10)


def _margins(section, landscape: bool) -> None:
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(297), Mm(210)
        section.left_margin = section.right_margin = Mm(15)
        section.top_margin = section.bottom_margin = Mm(15)
    else:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin, section.right_margin = Mm(25), Mm(10)
        section.top_margin = section.bottom_margin = Mm(20)


def _shade(cell: _Cell, hex_fill: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), hex_fill)
    tc_pr.append(shd)


def _repeat_header(table: Table) -> None:
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def add_hyperlink(paragraph: Paragraph, url: str, text: str, size: Pt | None = None) -> None:
    """A real Word hyperlink (python-docx has no API for it); plain text for non-web schemes."""
    if safe_url(url) is None:
        paragraph.add_run(text)
        return
    r_id = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    color = OxmlElement("w:color")
    color.set(qn("w:val"), "00336B")
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    rpr.append(color)
    rpr.append(underline)
    if size is not None:
        sz = OxmlElement("w:sz")
        sz.set(qn("w:val"), str(int(size.pt * 2)))
        rpr.append(sz)
    run.append(rpr)
    t = OxmlElement("w:t")
    t.text = text
    t.set(qn("xml:space"), "preserve")
    run.append(t)
    link.append(run)
    paragraph._p.append(link)


def _para(
    doc_or_cell,
    text: str = "",
    bold: bool = False,
    italic: bool = False,
    align: WD_ALIGN_PARAGRAPH | None = None,
    size: float | None = None,
) -> Paragraph:
    p = doc_or_cell.add_paragraph()
    if text:
        run = p.add_run(text)
        run.bold = bold
        run.italic = italic
        if size:
            run.font.size = Pt(size)
    if align is not None:
        p.alignment = align
    return p


def _labelled(doc: DocxDocument, label: str, text: str) -> Paragraph:
    p = doc.add_paragraph()
    p.add_run(label + " ").bold = True
    p.add_run(text)
    p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    return p


def _styled(doc: DocxDocument, style_id: str, text: str = "") -> Paragraph:
    """A paragraph with a style set by id: python-docx's lookup by name scans all styles on every call."""
    p = doc.add_paragraph(text)
    p._p.get_or_add_pPr().get_or_add_pStyle().val = style_id
    return p


def _heading(doc: DocxDocument, text: str, level: int) -> Paragraph:
    """A heading whose runs name the serif font directly (Word and LibreOffice otherwise fall back to theme fonts)."""
    p = _styled(doc, f"Heading{level}", text)
    for run in p.runs:
        run.font.name = FONT
        run.font.color.rgb = RGBColor(0, 0, 0)
        run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)
    return p


def _widths(table: Table, widths_mm: list[float]) -> None:
    """Fixed column widths (Word honours the cell widths, LibreOffice the grid)."""
    table.autofit = False
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm, strict=True):
            cell.width = Mm(width)
    for col, width in zip(table.columns, widths_mm, strict=True):
        col.width = Mm(width)


def _rotate_header(table: Table, columns: range, height_mm: float) -> None:
    """Criterion titles written bottom-to-top, as in the HTML matrix, so narrow columns stay readable."""
    row = table.rows[0]
    row.height = Mm(height_mm)
    row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
    for i in columns:
        cell = row.cells[i]
        direction = OxmlElement("w:textDirection")
        direction.set(qn("w:val"), "btLr")
        cell._tc.get_or_add_tcPr().append(direction)
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.LEFT


def _table(
    doc: DocxDocument,
    header: list[str],
    rows: list[list[str]],
    size: float = 10,
    widths_mm: list[float] | None = None,
) -> Table:
    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = ""
        run = cell.paragraphs[0].add_run(text)
        run.bold = True
        run.font.size = Pt(size)
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        _shade(cell, "F0F0F0")
    _repeat_header(table)
    for row in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = ""
            cell.paragraphs[0].add_run(text).font.size = Pt(size)
    if widths_mm:
        _widths(table, widths_mm)
    return table


def _signature(doc: DocxDocument, view: BriefView) -> None:
    data = view.data
    doc.add_paragraph()
    table = doc.add_table(rows=2, cols=3)
    cells = table.rows[0].cells
    cells[0].text = data.signatory_position
    cells[1].text = "____________ (подпись)"
    cells[2].text = data.signatory_name
    cells[1].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    table.rows[1].cells[0].text = date_long_ru(data.today)


def matrix_header(view: BriefView) -> list[str]:
    return [
        "№",
        "Организация",
        "Вид",
        *[f"{i}. {c.title}" for i, c in enumerate(view.data.criteria, 1)],
        "Баллы",
        "%",
        "Зона",
    ]


def write_brief_docx(view: BriefView, path: Path) -> Path:
    data = view.data
    doc = Document()
    _setup_styles(doc)
    _margins(doc.sections[0], landscape=False)

    _para(doc, data.issuer.upper(), bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, size=11)
    _para(doc, data.office, align=WD_ALIGN_PARAGRAPH.CENTER, size=11)
    _para(doc, "")
    _para(doc, "ИНФОРМАЦИОННАЯ СПРАВКА", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, size=14)
    _para(
        doc,
        f"по итогам мониторинга официальных сайтов образовательных организаций {view.district_gen} на наличие "
        "локальных актов и материалов по развитию системы наставничества педагогических работников "
        f"({view.period_title})",
        bold=True,
        align=WD_ALIGN_PARAGRAPH.CENTER,
    )
    _para(doc, date_long_ru(data.today), align=WD_ALIGN_PARAGRAPH.CENTER)

    _labelled(doc, "Основание:", data.basis + ".")
    _labelled(
        doc,
        "Цель:",
        "проверка наличия, полноты и актуальности размещённых на официальных сайтах образовательных "
        "организаций локальных актов и материалов по развитию системы наставничества педагогических "
        "работников и содержания раздела «Наставничество».",
    )
    _labelled(doc, "Сроки проведения:", view.crawl_dates + ".")
    kinds = ", ".join(f"{k.value} — {n}" for k, n in view.kind_counts.items() if n)
    _labelled(doc, "Объект:", f"официальные сайты {len(data.findings)} образовательных организаций ({kinds}).")
    for kind in OrgKind:
        members = [o for o in view.orgs if o.org.kind == kind]
        if not members:
            continue
        _para(doc, f"{KIND_LONG[kind].capitalize()} ({kind.value}):", italic=True)
        for o in members:
            _para(doc, f"{o.index}. {o.org.name}", size=11).paragraph_format.left_indent = Mm(8)
    _labelled(
        doc,
        "Метод:",
        "анализ официальных сайтов: автоматизированный обход сайтов, поиск раздела «Наставничество» и "
        "документов, извлечение текста (в том числе распознавание сканов), проверка реквизитов и оценка "
        f"по критериям{f' (версия правил {data.rules_version})' if data.rules_version else ''}. "
        "Недоступные сайты оцениваются как «не удалось проверить» и не учитываются как невыполнение."
        + (
            " Ограничение проверки: на компьютере, выполнявшем проверку, не хватало программ ("
            + "; ".join(data.machine_limits)
            + "); документы, которые они читают, отмечены как непрочитанные, соответствующие критерии "
            "оценены не выше «частично» и подлежат ручной проверке."
            if data.machine_limits
            else ""
        ),
    )

    _heading(doc, "1. Критерии и шкала оценки", level=1)
    doc.add_paragraph(
        "Шкала: «+» — выполнено (2 балла), «±» — частично (1 балл), «−» — не выполнено (0 баллов), "
        "«?» — не удалось проверить (не оценивается)."
        + (" Зоны: " + "; ".join(f"«{n}» — от {pct(m)}" for n, m in data.zones) + "." if data.zones else "")
    )
    _table(
        doc,
        ["№", "Критерий", "Пункт ДК", "Выполнено (2)", "Частично (1)", "Не выполнено (0)"],
        [
            [str(i), c.title, ", ".join(c.roadmap_items) or "—", c.met or "—", c.partial or "—", c.not_met or "—"]
            for i, c in enumerate(data.criteria, 1)
        ],
        size=9,
        widths_mm=[8, 38, 16, 38, 38, 37],
    )

    # the matrix gets its own landscape section
    _margins(doc.add_section(), landscape=True)
    _heading(doc, MATRIX_HEADING, level=1)
    _para(
        doc,
        "Обозначения: + выполнено, ± частично, − не выполнено, ? не удалось проверить; р — оценка уточнена вручную.",
        italic=True,
        size=10,
    )
    table = _table(doc, matrix_header(view), [], size=8)
    for o in view.orgs:
        cells = table.add_row().cells
        values = [str(o.index), o.org.name, o.kind]
        for cell, text in zip(cells[:3], values, strict=True):
            cell.text = ""
            cell.paragraphs[0].add_run(text).font.size = Pt(9)
        for cell, cv in zip(cells[3 : 3 + len(o.cells)], o.cells, strict=True):
            cell.text = ""
            run = cell.paragraphs[0].add_run(cv.mark)
            run.bold = True
            run.font.size = Pt(11)
            if cv.manual:
                sup = cell.paragraphs[0].add_run("р")
                sup.font.superscript = True
                sup.font.size = Pt(8)
            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
            _shade(cell, FILLS[cv.status])
        tail = [f"{o.points}/{o.max_points}" if o.max_points else "—", o.score_text, o.zone or "—"]
        for cell, text in zip(cells[3 + len(o.cells) :], tail, strict=True):
            cell.text = ""
            cell.paragraphs[0].add_run(text).font.size = Pt(9)
    # 267 mm of landscape width: the name column gets room, criteria share the rest
    crit_w = max(9.0, (267 - 8 - 62 - 12 - 15 - 15 - 20) / max(1, len(data.criteria)))
    _widths(table, [8, 62, 12, *[crit_w] * len(data.criteria), 15, 15, 20])
    _rotate_header(table, range(3, 3 + len(data.criteria)), height_mm=48)

    _margins(doc.add_section(), landscape=False)
    _heading(doc, "3. Выполнение критериев", level=1)
    kinds_present = [k for k in OrgKind if view.kind_counts.get(k)]
    _table(
        doc,
        ["Критерий", "+", "±", "−", "?", "Выполнено, всего", *[k.value for k in kinds_present]],
        [
            [
                f"{i}. {st.criterion.title}",
                str(st.counts[Status.met]),
                str(st.counts[Status.partial]),
                str(st.counts[Status.not_met]),
                str(st.counts[Status.unknown]),
                share_text(st.met, st.checked),
                *[share_text(st.by_kind[k].met, st.by_kind[k].checked) for k in kinds_present],
            ]
            for i, st in enumerate(view.stats, 1)
        ],
        size=9,
        widths_mm=[50, 9, 9, 9, 9, *[89 / (1 + len(kinds_present))] * (1 + len(kinds_present))],
    )

    _heading(doc, "4. Изменения по сравнению с предыдущим мониторингом", level=1)
    if view.previous_title is None:
        doc.add_paragraph("Предыдущий мониторинг в базе отсутствует; сравнение не проводилось.")
    else:
        t = view.change_totals
        doc.add_paragraph(
            f"Сравнение с мониторингом ({view.previous_title}): исправлено — {t[ChangeKind.fixed]}, "
            f"улучшено — {t[ChangeKind.improved]}, ухудшилось — {t[ChangeKind.regressed]}, новых позиций — "
            f"{t[ChangeKind.new]}, не сравнимо — {t[ChangeKind.incomparable]}, без изменений — "
            f"{t[ChangeKind.unchanged]}."
        )

        def fmt(items: list) -> str:
            return "; ".join(
                f"{view.criterion_title(c.criterion)} ({MARKS[c.before] + ' → ' if c.before else ''}{MARKS[c.after]})"
                for c in items
            )

        if view.change_groups:
            _table(
                doc,
                ["Организация", "Исправлено", "Улучшено", "Ухудшилось", "Новые позиции"],
                [
                    [
                        g.org_name,
                        fmt(g.fixed),
                        fmt(g.improved),
                        fmt(g.regressed),
                        "организация не участвовала в предыдущем мониторинге" if g.new_org else fmt(g.new),
                    ]
                    for g in view.change_groups
                ],
                size=9,
            )

    _heading(doc, "5. Выводы", level=1)
    for line in view.conclusions:
        _styled(doc, "ListNumber2", line)

    _heading(doc, "6. Рекомендации", level=1)
    doc.add_paragraph(f"Руководителям образовательных организаций и кураторам наставничества {view.deadline_text}:")
    for o in view.orgs:
        if not o.recommendations:
            continue
        _para(doc, f"{o.index}. {o.org.name}", bold=True)
        for r in o.recommendations:
            p = _styled(doc, "ListBullet")
            if r.criterion is not None and r.status is not None:
                p.add_run(f"{r.criterion.title} ({STATUS_RU[r.status]}): ").bold = True
            p.add_run(r.advice)

    _signature(doc, view)

    doc.add_page_break()
    _heading(doc, "Приложение. Сведения по организациям", level=1)
    for o in view.orgs:
        _org_detail(doc, view, o)
    doc.save(str(path))
    return path


def _org_detail(doc: DocxDocument, view: BriefView, o: OrgView) -> None:
    _heading(doc, f"{o.index}. {o.org.name} ({o.kind})", level=2)
    p = doc.add_paragraph("Сайт: ")
    add_hyperlink(p, o.org.site, o.org.site)
    doc.add_paragraph(f"Проверено: {o.checked_at}" + (f"; повторная проверка: {o.recheck_at}" if o.recheck_at else ""))
    if not o.org.reachable:
        doc.add_paragraph(f"Сайт недоступен: {o.org.failure_reason or 'причина не установлена'}.")
        for a in o.attempts:
            _styled(doc, "ListBullet", f"{a.at} — {a.url}: {a.error or a.status or 'нет ответа'}")
        return
    p = doc.add_paragraph("Раздел «Наставничество»: ")
    if o.org.section_url:
        add_hyperlink(p, o.org.section_url, o.org.section_url)
        if o.org.menu_path:
            p.add_run(" (путь в меню: " + " › ".join(["Главная", *o.org.menu_path]) + ")")
    else:
        p.add_run("не найден")
    doc.add_paragraph(f"Уровень выполнения: {o.score_text}" + (f" (зона «{o.zone}»)" if o.zone else ""))
    if o.documents:
        _table(
            doc,
            ["Вид документа", "Название", "Дата", "№", "Подпись"],
            [[d.type_ru, d.title or d.url, d.approved_on, d.number, d.signed] for d in o.documents],
            size=9,
        )
    for c in o.cells:
        p = doc.add_paragraph()
        p.add_run(f"{c.mark} {c.criterion.title} — {c.label}").bold = True
        if c.note:
            p.add_run(f". {c.note}")
        if c.manual:
            p.add_run(f" ({c.manual_text})").italic = True
        for r in c.remarks:
            _styled(doc, "ListBullet", r)
        for ev in c.evidence:
            q = doc.add_paragraph()
            q.add_run("Подтверждение: ").italic = True
            add_hyperlink(q, ev.url, ev.title or ev.url)
            if ev.quote:
                q.add_run(f" — «{ev.quote}»").italic = True


def write_letter_docx(view: BriefView, o: OrgView, path: Path) -> Path:
    data = view.data
    org = o.org
    doc = Document()
    _setup_styles(doc)
    _margins(doc.sections[0], landscape=False)
    head = doc.add_table(rows=1, cols=2)
    left, right = head.rows[0].cells
    left.text = ""
    left.paragraphs[0].add_run(data.issuer).bold = True
    left.add_paragraph(data.office)
    left.add_paragraph(date_ru(data.today))
    right.text = "Руководителю"
    right.add_paragraph().add_run(org.name).bold = True
    _para(doc, "")
    _para(
        doc,
        "О результатах мониторинга официального сайта по вопросам развития системы наставничества",
        bold=True,
        align=WD_ALIGN_PARAGRAPH.CENTER,
    )
    doc.add_paragraph("Уважаемый руководитель!")
    p = doc.add_paragraph(
        f"В соответствии с {data.basis}, проведён мониторинг официальных сайтов образовательных организаций "
        f"({view.period_title}). Официальный сайт организации "
    )
    add_hyperlink(p, org.site, org.site)
    p.add_run(f" проверен {o.checked_at}" + (f" (повторно — {o.recheck_at})" if o.recheck_at else "") + ".")
    if not org.reachable:
        doc.add_paragraph(
            f"Сайт открыть не удалось: {org.failure_reason or 'причина не установлена'}. Оценка по критериям не "
            "проводилась (это не считается невыполнением)."
        )
        for a in o.attempts:
            _styled(doc, "ListBullet", f"{a.at} — {a.url}: {a.error or a.status or 'нет ответа'}")
        doc.add_paragraph(
            f"Просим обеспечить доступность официального сайта и сообщить в ИДК для повторной проверки "
            f"{view.deadline_text}."
        )
    else:
        p = doc.add_paragraph(
            f"Уровень выполнения критериев — {o.score_text}" + (f" (зона «{o.zone}»)." if o.zone else ". ")
        )
        if org.section_url:
            p.add_run(" Раздел «Наставничество»: ")
            add_hyperlink(p, org.section_url, org.section_url)
        else:
            p.add_run(" Раздел «Наставничество» на сайте не найден.")
        done = [c for c in o.cells if c.status == Status.met]
        if done:
            _para(doc, "На сайте размещено:", bold=True)
            for c in done:
                q = _styled(doc, "ListBullet")
                q.add_run(c.criterion.title + (": " if c.evidence else ""))
                for ev in c.evidence[:2]:
                    add_hyperlink(q, ev.url, ev.title or ev.url)
        if o.recommendations:
            _para(doc, f"Требует устранения {view.deadline_text}:", bold=True)
            for r in o.recommendations:
                q = _styled(doc, "ListNumber")
                title = r.criterion.title if r.criterion else "Сайт"
                q.add_run(title + (f" ({STATUS_RU[r.status]})" if r.status else "") + ": ").bold = True
                q.add_run(r.text + " ")
                q.add_run("Что сделать: ").italic = True
                q.add_run(r.advice)
        else:
            doc.add_paragraph("Замечаний по результатам мониторинга нет. Благодарим за системную работу.")
    doc.add_paragraph(
        "Итоги мониторинга будут учтены при подготовке информационной справки. По вопросам оценки можно "
        f"обратиться в {data.office}."
    )
    _signature(doc, view)
    doc.save(str(path))
    return path


def write_appendix_docx(view: BriefView, path: Path) -> Path:  # placeholder, replaced below
    doc = Document()
    doc.save(str(path))
    return path
