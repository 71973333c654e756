"""What the command line shows: progress lines, the end-of-run table, verdict tables, the doctor's table.

Everything here only formats what the core returned; nothing here decides.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from rich.console import Console
from rich.table import Table

from crawler.doctor import Check
from crawler.models import STATUS_RU, OrgFindings, Status
from crawler.monitor import AnnualOutcome, Event, OrgCrawled, OrgSummary, RunStarted
from crawler.ru import DOC_TYPE_RU, ru_date
from crawler.ruleset import RuleSet

MARK = {Status.met: "+", Status.partial: "±", Status.not_met: "−", Status.unknown: "?"}


class RunProgress:
    """Progress of `crawler run`: the start line, machine warnings, one line per crawled organization.

    Warnings about the machine go to stderr even when quiet: cron mails what a job writes there.
    """

    def __init__(self, console: Console, err_console: Console, *, quiet: bool) -> None:
        self.console = console
        self.err_console = err_console
        self.quiet = quiet

    def __call__(self, event: Event) -> None:
        if isinstance(event, RunStarted):
            for warning in [*event.machine_warnings, *event.warnings]:
                self.err_console.print(f"[bold red]Внимание:[/bold red] {warning}")
            if not self.quiet:
                resumed = f", продолжение запуска № {event.run_id}, осталось {event.remaining}" if event.resumed else ""
                self.console.print(
                    f"Мониторинг {event.period} (дата {event.today:%d.%m.%Y}): организаций {event.total}{resumed}"
                )
        elif isinstance(event, OrgCrawled) and not self.quiet:
            self.console.print(progress_line(event))


def progress_line(event: OrgCrawled) -> str:
    result = event.crawl
    if not result.reachable:
        state = f"[red]сайт недоступен[/red]: {result.failure_reason}"
    elif result.section:
        state = f"раздел найден ({unquote(result.section.url)}), документов: {len(result.documents)}"
    else:
        state = f"раздел не найден, документов: {len(result.documents)}"
    return f"[{event.done}/{event.total}] {event.org.name}: {state}; запросов {result.requests}"


def print_summary(console: Console, summary: list[OrgSummary]) -> None:
    """The end-of-run table: section, documents, requests used and failures per organization."""
    table = Table(title="Итоги мониторинга", show_lines=False)
    for title, justify in (
        ("Организация", "left"), ("Раздел", "left"), ("Документы", "right"),
        ("Запросов", "right"), ("Сбои", "left"), ("Баллы, %", "right"),
    ):  # fmt: skip
        table.add_column(title, justify=justify)  # type: ignore[arg-type]
    for s in summary:
        if not s.reachable:
            failures = "сайт недоступен (причина — выше и в справке)"
        elif s.lost_pages:
            failures = f"не открылись страниц: {s.lost_pages}"
        else:
            failures = "—"
        if s.unreadable:
            failures = (failures if failures != "—" else "") + f" не прочитано документов: {s.unreadable}"
        table.add_row(
            s.name,
            "есть" if s.section_found else ("—" if not s.reachable else "нет"),
            str(s.documents),
            str(s.requests),
            failures.strip(),
            "—" if s.score is None else f"{s.score:.0f} %",
        )
    console.print(table)


def score_text(f: OrgFindings) -> str:
    return "—" if f.score is None else f"{f.score:.0f} %"


def verdicts_table(
    ruleset: RuleSet,
    after: OrgFindings,
    *,
    before: OrgFindings | None = None,
    base_period: str | None = None,
    rule_ids: list[str] | None = None,
) -> Table:
    """The organization's verdicts with their notes and first evidence URLs; with `before`, old and new."""
    titles = {r.id: r.title for r in ruleset.rules}
    table = Table(title=f"{after.name}: баллы {score_text(after)}", show_lines=True)
    table.add_column("Критерий")
    if before is not None:
        table.add_column(f"Было ({base_period})")
    table.add_column("Стало" if before is not None else "Оценка")
    table.add_column("Обоснование")
    for result in after.rules:
        if rule_ids and result.rule_id not in rule_ids:
            continue
        row = [titles.get(result.rule_id, result.rule_id)]
        changed = False
        if before is not None:
            old = before.rule(result.rule_id)
            row.append(f"{MARK[old.status]} {STATUS_RU[old.status]}" if old else "—")
            changed = old is None or old.status != result.status
        now = f"{MARK[result.status]} {STATUS_RU[result.status]}" + (" (вручную)" if result.manual else "")
        row.append(f"[bold]{now}[/bold]" if changed else now)
        urls = "\n".join(e.url for e in result.evidence[:3])
        row.append(f"{result.note}\n{urls}".strip())
        table.add_row(*row)
    return table


def brief_where(paths: dict[str, Path], out: Path) -> str:
    """Where the brief is: a district's file, or for a region its summary and the folder of the districts' briefs."""
    if "html" in paths:
        return str(paths["html"])
    if "region_html" in paths:
        return f"{paths['region_html']} (сводка по региону; справки округов — spravka-…-<округ>.html в {out})"
    return str(out)


def brief_rebuilt(console: Console, changes: list[str], signatory: str, config_given: bool) -> None:
    """After report / recheck --apply / retry: which signature the rebuilt brief carries and what -c changed."""
    if changes:
        console.print("Настройки из -c изменили реквизиты справки (запомнено для следующих пересборок):")
        for change in changes:
            console.print(f"  {change}", markup=False)
    elif signatory:
        where = "сохранённые с запуском" if not config_given else "сохранённые с запуском (-c их не меняет)"
        console.print(f"Подпись и реквизиты справки — {where}: {signatory}", markup=False)


def annual_written(console: Console, outcome: AnnualOutcome) -> None:
    """What `crawler report --year` wrote, and from which monitorings."""
    from crawler.report.model import period_ru

    periods = ", ".join(period_ru(p) for p in outcome.periods)
    console.print(f"Аналитический отчёт за {outcome.year} год (мониторинги: {periods}): {outcome.paths['html']}")
    console.print(f"DOCX для подписи: {outcome.paths['docx']}")
    console.print(f"Сведения о наставничестве за год: {outcome.paths['district_xlsx']} (и .csv)")
    console.print(f"Реестр практик: {outcome.paths['registry_html']} (и .xlsx)")
    if outcome.signatory:
        console.print(f"Подпись: {outcome.signatory}")
    if outcome.stored_rules_versions:
        console.print(
            "Внимание: часть итогов получена по правилам другой версии ("
            + ", ".join(outcome.stored_rules_versions)
            + "); отчёт строится по сохранённым итогам."
        )


def doctor_table(checks: list[Check]) -> Table:
    table = Table(title="Проверка компьютера и настроек", show_lines=False)
    for col in ("Что", "Состояние", "Подробности"):
        table.add_column(col)
    for check in checks:
        state = (
            "[green]в порядке[/green]" if check.ok else "[red]нет[/red]" if check.required else "[yellow]нет[/yellow]"
        )
        table.add_row(check.what, state, check.detail)
    return table


def print_classified(console: Console, results: list[dict[str, Any]]) -> None:
    """`crawler classify`: each file's flags, its reading error, and a table per logical document."""
    for res in results:
        head = f"{res['source']}"
        if res.get("format"):
            flags = [res["format"]]
            if res.get("pages"):
                flags.append(f"стр.: {res['pages']}")
            if res.get("is_scan"):
                flags.append("скан")
            if res.get("ocr_used"):
                flags.append("распознан OCR")
            if res.get("broken_text_layer"):
                flags.append("испорченный текстовый слой")
            head += f" ({', '.join(flags)})"
        console.print(head)
        if res.get("error"):
            console.print(f"  Не удалось прочитать: {res['error']}")
        if not res["parts"]:
            continue
        for number, part in enumerate(res["parts"], 1):
            console.print(_part_table(part, number, len(res["parts"])))


def _part_table(part: dict[str, Any], number: int, total: int) -> Table:
    """One logical document as a two-column table (reads well in a narrow terminal)."""
    caption = f"Документ {number} из {total}" if total > 1 else "Документ"
    table = Table(title=caption, show_header=False, show_lines=False, title_justify="left")
    table.add_column("Поле", style="bold", no_wrap=True)
    table.add_column("Значение", overflow="fold")
    period = ", ".join(part["academic_years"]) or (
        f"{_ru_date(part['period_start']) or '…'} – {_ru_date(part['period_end']) or '…'}"
        if part["period_start"] or part["period_end"]
        else "—"
    )
    owner = part["owner_name"] or "—"
    if part["owner_matches"] is False:
        owner += " (не совпадает с владельцем сайта)"
    elif part["owner_matches"] is True:
        owner += " (совпадает с владельцем сайта)"
    kind = DOC_TYPE_RU.get(part["type"], part["type"])
    if part["type"] == "other" and part.get("pay_act"):
        kind += " (положение об оплате труда без выплат за наставничество)"
    rows = [
        ("Тип", kind),
        ("Название", part["title"] or "—"),
        ("Дата", _ru_date(part["approved_on"]) or "—"),
        ("Номер", part["number"] or ("без номера" if part["unnumbered_approval"] else "—")),
        ("Период", period),
        ("Подпись", (part["signature_snippet"] or "есть") if part["signed"] else "нет отметки об ЭП"),
        ("Организация", owner),
        ("Основание типа", part["type_snippet"] or "—"),
        ("Утверждение", part["approval_snippet"] or "—"),
        ("Принятие", part["adopted_snippet"] or "—"),
        ("Период (текст)", part["period_snippet"] or "—"),
    ]
    if part["curator_snippet"]:
        rows.append(("Куратор", part["curator_snippet"]))
    if part["type"] == "pay_regulation" or part.get("pay_act"):
        rows.append(("Выплаты наставникам", part["pay_snippet"] or "пункта о наставничестве нет"))
    if part["type"] in ("regulation", "program", "roadmap"):
        rows.append(("Охват", "только обучающиеся" if part["pupil_only"] else "педагогические работники"))
    for name, value in rows:
        table.add_row(name, str(value))
    return table


def _ru_date(iso: str | None) -> str | None:
    """2024-03-11 → 11.03.2024."""
    return ru_date(date.fromisoformat(iso)) if iso else None
