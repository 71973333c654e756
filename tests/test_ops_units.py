"""Operations that need no crawl: schedules, catch-up rule, SMTP notifications, the period lock."""

from __future__ import annotations

import socket
import subprocess
import sys
from datetime import date
from email import message_from_bytes
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller

from crawler.config import SmtpSettings
from crawler.monitor import acquire, period_lock
from crawler.notify import notify
from crawler.schedule import due_now, schedule_files

ROADMAP = Path(__file__).parent / "data" / "roadmaps" / "district-tonkino-2023.txt"


def test_schedule_files_follow_the_monitoring_months(tmp_path: Path) -> None:
    files = schedule_files(
        [1, 5], "/opt/nm/.venv/bin/crawler", Path("/opt/nm"), Path("/opt/nm/registry.yaml"),
        Path("/opt/nm/data/monitor.db"), Path("/opt/nm/reports"),
    )  # fmt: skip
    cron = files["crontab"]
    assert "0 3 15 1,5 * cd /opt/nm && mkdir -p logs && /opt/nm/.venv/bin/crawler run --quiet --kind scheduled" in cron
    assert "--registry /opt/nm/registry.yaml --db /opt/nm/data/monitor.db --out /opt/nm/reports" in cron
    assert "30 */6 * 1,5 *" in cron and "crawler retry --quiet" in cron
    assert "@reboot" in cron and "--if-missing --only-months 1,5 --not-before-day 15" in cron
    timer = files["nastavnik-monitor.timer"]
    assert "OnCalendar=*-01,05-15 03:00:00" in timer and "Persistent=true" in timer
    assert "январь, май" in timer
    assert "Type=oneshot" in files["nastavnik-monitor.service"]
    assert "--if-missing" in files["nastavnik-monitor.service"]


def test_schedule_command_reads_item_5_1_of_the_roadmap(tmp_path: Path) -> None:
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "crawler.cli",
            "schedule",
            "--roadmap",
            str(ROADMAP),
            "--write",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        stdin=subprocess.DEVNULL,
    )
    assert proc.returncode == 0, proc.stderr + proc.stdout
    cron = (tmp_path / "crontab").read_text(encoding="utf-8")
    assert " 15 1,5 * " in cron  # «Ежегодно в январе и мае»
    assert (tmp_path / "nastavnik-monitor.timer").exists()


@pytest.mark.parametrize(
    ("months", "day", "today", "due"),
    [
        ([1, 5], 15, date(2027, 1, 20), True),
        ([1, 5], 15, date(2027, 1, 10), False),
        ([1, 5], 15, date(2027, 3, 20), False),
        ([1, 5], None, date(2027, 5, 1), True),
        ([], None, date(2027, 3, 1), True),
    ],
)
def test_catch_up_is_due_only_in_monitoring_months(months: list[int], day: int | None, today: date, due: bool) -> None:
    assert due_now(months, day, today) is due


class _Sink:
    def __init__(self) -> None:
        self.messages: list[bytes] = []

    async def handle_DATA(self, server: object, session: object, envelope: object) -> str:
        self.messages.append(envelope.content)  # type: ignore[attr-defined]
        return "250 OK"


def test_notify_sends_the_brief_through_a_real_smtp_server(tmp_path: Path) -> None:
    sink = _Sink()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        brief = tmp_path / "spravka-2027-01.html"
        brief.write_text("<html><body>Справка</body></html>", encoding="utf-8")
        settings = SmtpSettings(
            enabled=True, host="127.0.0.1", port=port,
            sender="idk@example.org", recipients=["head@example.org"],
        )  # fmt: skip
        assert notify(settings, "Мониторинг 2027-01: справка готова", "Во вложении.", [brief])
    finally:
        controller.stop()
    assert len(sink.messages) == 1
    msg = message_from_bytes(sink.messages[0])
    assert "справка готова" in str(msg["Subject"]) or "=?utf-8?" in str(msg["Subject"])
    names = [part.get_filename() for part in msg.walk() if part.get_filename()]
    assert names == ["spravka-2027-01.html"]


def test_notify_is_off_by_default_and_never_raises() -> None:
    assert notify(SmtpSettings(), "x", "y") is False
    closed = SmtpSettings(enabled=True, host="127.0.0.1", port=1, recipients=["a@b"])
    assert notify(closed, "x", "y") is False


def test_second_run_of_a_period_is_refused_while_the_first_holds_the_lock(tmp_path: Path) -> None:
    db = tmp_path / "monitor.db"
    first = period_lock(db, "2027-01")
    acquire(first, "2027-01")
    try:
        holder = subprocess.run(
            [
                sys.executable, "-c",
                "import sys; from pathlib import Path; from crawler.monitor import acquire, period_lock\n"
                "from crawler.errors import PeriodLocked\n"
                "try:\n    acquire(period_lock(Path(sys.argv[1]), '2027-01'), '2027-01')\n"
                "except PeriodLocked as e:\n    print(e); sys.exit(e.code)\n",
                str(db),
            ],
            capture_output=True, text=True,
        )  # fmt: skip
        assert holder.returncode == 4
        assert "уже выполняется другим процессом" in holder.stdout
        other_period = period_lock(db, "2027-05")
        acquire(other_period, "2027-05")  # another period is not blocked
        other_period.release()
    finally:
        first.release()
    again = period_lock(db, "2027-01")
    acquire(again, "2027-01")  # free again once the first run released it
    again.release()
