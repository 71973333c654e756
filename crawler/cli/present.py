"""What the command line shows: progress lines, the end-of-run table, verdict tables, the doctor's table.

Everything here only formats what the core returned; nothing here decides.
"""

from __future__ import annotations

from urllib.parse import unquote

from rich.console import Console
from rich.table import Table

from crawler.doctor import Check
from crawler.models import STATUS_RU, OrgCrawlResult, OrgFindings, Status
from crawler.monitor import Event, OrgCrawled, RunStarted
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


def print_summary(console: Console, findings: list[OrgFindings], crawls: dict[str, OrgCrawlResult]) -> None:
    """The end-of-run table: section, documents, requests used and failures per organization."""
    table = Table(title="Итоги мониторинга", show_lines=False)
    for title, justify in (
        ("Организация", "left"), ("Раздел", "left"), ("Документы", "right"),
        ("Запросов", "right"), ("Сбои", "left"), ("Баллы, %", "right"),
    ):  # fmt: skip
        table.add_column(title, justify=justify)  # type: ignore[arg-type]
    for f in findings:
        crawl = crawls.get(f.id)
        if not f.reachable:
            failures = "сайт недоступен (причина — выше и в справке)"
        elif crawl and crawl.lost_pages:
            failures = f"не открылись страниц: {len(crawl.lost_pages)}"
        else:
            failures = "—"
        unreadable = sum(1 for d in f.documents if d.error)
        if unreadable:
            failures = (failures if failures != "—" else "") + f" не прочитано документов: {unreadable}"
        table.add_row(
            f.name,
            "есть" if f.section_url else ("—" if not f.reachable else "нет"),
            str(len(f.documents)),
            str(crawl.requests) if crawl else "—",
            failures.strip(),
            score_text(f),
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


def brief_rebuilt(console: Console, changes: list[str], signatory: str, config_given: bool) -> None:
    """After report / recheck --apply / retry: which signature the rebuilt brief carries and what -c changed."""
    if changes:
        console.print("Настройки из -c изменили реквизиты справки (запомнено для следующих пересборок):")
        for change in changes:
            console.print(f"  {change}", markup=False)
    elif signatory:
        where = "сохранённые с запуском" if not config_given else "сохранённые с запуском (-c их не меняет)"
        console.print(f"Подпись и реквизиты справки — {where}: {signatory}", markup=False)


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
