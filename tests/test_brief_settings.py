"""What a period's brief is signed and dated with is stored with its run: rebuilds keep it, a config given with
-c changes only what it states (and says so); a --today outside the period is warned about."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime
from pathlib import Path

from rich.console import Console

from crawler.cli.present import RunProgress, brief_rebuilt
from crawler.config import AppConfig
from crawler.models import OrgCrawlResult
from crawler.monitor import RunStarted, stored_signatory, today_warning
from crawler.outputs import brief_settings, build_brief_data, run_options, settle_brief_settings, write_outputs
from crawler.ruleset import load_ruleset
from crawler.store import Store
from tests.test_report_sample import current_findings

SIGNED = {
    "signatory": {"position": "Методист информационно-диагностического кабинета", "name": "И. И. Иванова"},
    "executor": {"name": "Петрова А. С.", "phone": "8 (83171) 4-55-12"},
    "timezone": "Asia/Yekaterinburg",
}


def _run(store: Store, config: AppConfig) -> int:
    run_id = store.start_run(
        "2026-05", "scheduled", "2026-05-20", "2023.1+test", {"brief": brief_settings(config, "Тонкинский округ")}
    )
    moment = datetime(2026, 5, 20, 5, 0, tzinfo=UTC)
    for org in current_findings()[:3]:
        crawl = OrgCrawlResult(org_id=org.id, reachable=org.reachable, started_at=moment, finished_at=moment)
        store.save_crawl(run_id, org.name, org.kind.value, org.site, crawl)
        store.save_findings(run_id, org.model_copy(update={"checked_at": moment, "attempts": []}), "2023.1+test")
    store.finish_run(run_id, "done")
    return run_id


def test_a_rebuild_keeps_the_stored_signatory(tmp_path: Path) -> None:
    store = Store(tmp_path / "monitor.db")
    run_id = _run(store, AppConfig.model_validate(SIGNED))
    # no -c, or a -c with crawl limits only: nothing changes
    assert settle_brief_settings(store, run_id, AppConfig(), None, config_given=False) == []
    limits = AppConfig.model_validate({"crawl": {"max_pages": 5}})
    assert settle_brief_settings(store, run_id, limits, None, config_given=True) == []
    run = store.run(run_id)
    assert run is not None
    data = build_brief_data(store, run, store.findings(run_id), AppConfig(), load_ruleset(None), None, None)
    assert data.signatory_name == "И. И. Иванова" and data.executor == "Петрова А. С., тел. 8 (83171) 4-55-12"
    assert data.timezone == "Asia/Yekaterinburg" and data.district == "Тонкинский округ"
    assert data.rules_edition == date(2023, 2, 3)  # «редакция критериев от 03.02.2023»
    assert stored_signatory(store, run_id) == "Методист информационно-диагностического кабинета И. И. Иванова"


def test_a_config_on_the_command_line_changes_what_it_states_and_says_so(tmp_path: Path) -> None:
    store = Store(tmp_path / "monitor.db")
    run_id = _run(store, AppConfig.model_validate(SIGNED))
    other = AppConfig.model_validate({"signatory": {"name": "П. П. Петров"}})
    changes = settle_brief_settings(store, run_id, other, None, config_given=True)
    assert changes == ["подписант: «И. И. Иванова» → «П. П. Петров»"]
    run = store.run(run_id)
    assert run is not None
    settings = run_options(run)["brief"]
    assert settings["signatory_name"] == "П. П. Петров"
    assert settings["signatory_position"] == "Методист информационно-диагностического кабинета"  # not stated: kept
    out = io.StringIO()
    brief_rebuilt(Console(file=out, width=200), changes, "", True)
    assert "подписант: «И. И. Иванова» → «П. П. Петров»" in out.getvalue()
    paths = write_outputs(store, run_id, tmp_path / "out", AppConfig(), load_ruleset(None))
    assert "П.\u00a0П.\u00a0Петров" in paths["html"].read_text(encoding="utf-8")


def test_a_run_from_before_takes_the_settings_from_the_config(tmp_path: Path) -> None:
    store = Store(tmp_path / "monitor.db")
    run_id = store.start_run("2026-05", "scheduled", "2026-05-20", "v", {"order": []})
    assert settle_brief_settings(store, run_id, AppConfig.model_validate(SIGNED), None, config_given=True) == []
    run = store.run(run_id)
    assert run is not None
    assert run_options(run)["brief"]["signatory_name"] == "И. И. Иванова"


def test_a_today_outside_the_period_is_warned_about() -> None:
    assert today_warning("2026-05", date(2026, 5, 20)) is None
    warning = today_warning("2026-05", date(2026, 1, 10))
    assert warning is not None and "10.01.2026" in warning and "2026-05" in warning
    err = io.StringIO()
    progress = RunProgress(Console(file=io.StringIO()), Console(file=err, width=300), quiet=True)
    progress(RunStarted(1, "2026-05", date(2026, 1, 10), 1, 1, False, [], None, [warning]))
    assert "Внимание" in err.getvalue() and "не входит в период 2026-05" in err.getvalue()
