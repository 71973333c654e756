"""Which criteria of the brief see each labelled entry when a school's mentoring section holds it as one of its pages.

    .venv/bin/python devset/verdicts.py [--split SPLIT] [--texts devset/texts] [--show-errors] [--crawler-dir DIR]

`score.py` scores the classifier's answer for each excerpt; this scores what the brief makes of it. Every entry
of an organization's own site (ОО, ДОУ, ДО) becomes a school of its own on one loopback server: a home page and a
section «Наставничество» that links the entry's excerpt as a sub-page, each page inside the header, menu,
breadcrumbs and footer school sites repeat on every page. One `crawler run` checks them all. For each entry the
criteria whose status is «выполнено» or «частично» are the ones that saw it; the label's type says which should
have (`score.criteria_by_type`). The `section` and `freshness` rules judge the section itself and `curator` needs the
order's clause, so they are not compared.

The page's heading is the excerpt's first line: an excerpt that starts inside its document has no title, and a real
page would. So «lost» counts are an upper bound for documents pasted on pages; files are not what this measures
(`score.py` does).
"""

from __future__ import annotations

import argparse
import functools
import html
import json
import os
import subprocess
import sys
import tempfile
import threading
from collections import Counter
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from score import HELD_OUT, HERE, READ, SPLITS, Entry, criteria_by_type, load_labels

OWN_KINDS = ("ОО", "ДОУ", "ДО")
COMPARED = ("regulation", "roadmap", "pairs", "mentor_base", "pay_incentives", "practices", "monitoring")
TODAY, PERIOD = "2026-05-20", "2026-05"
FOOTER = "<div class='footer'>© Образовательная организация, 2025. Все права защищены.</div>"


def chrome(n: int, here: str) -> str:
    """The header, menu and breadcrumbs of school n's site, laid out as most site constructors do."""
    return (
        "<div class='header'><span>Муниципальное образовательное учреждение</span></div>"
        f"<div class='menu'><ul><li><a href='/o{n}/'>Главная</a></li><li><a href='/o{n}/svedeniya/'>Сведения об "
        f"образовательной организации</a></li><li><a href='/o{n}/nastavnichestvo/'>Наставничество</a></li>"
        f"<li><a href='/o{n}/news/'>Новости</a></li><li><a href='/o{n}/contacts/'>Контакты</a></li></ul></div>"
        f"<div class='breadcrumbs'><a href='/o{n}/'>Главная</a> / <a href='/o{n}/nastavnichestvo/'>Наставничество</a>"
        f" / {here}</div>"
    )


def page(title: str, body: str) -> str:
    return f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title></head><body>{body}</body></html>"


def write_school(root: Path, n: int, text: str) -> None:
    """School n: a home page, its section, and the excerpt as the section's sub-page (its lines kept as lines)."""
    first = html.escape(next((line.strip() for line in text.split("\n") if line.strip()), "Материал")[:150])
    folder = root / f"o{n}" / "nastavnichestvo"
    folder.mkdir(parents=True)
    (root / f"o{n}" / "index.html").write_text(
        page("Главная", f"{chrome(n, 'Главная')}<h1>Добро пожаловать</h1><p>Официальный сайт.</p>{FOOTER}"), "utf-8"
    )
    section = (
        f"{chrome(n, 'Наставничество')}<div class='content'><h1>Наставничество</h1><p>Материалы раздела:</p>"
        f"<ul><li><a href='/o{n}/nastavnichestvo/material.html'>{first}</a></li></ul></div>{FOOTER}"
    )
    (folder / "index.html").write_text(page("Наставничество", section), "utf-8")
    lines = "<br>".join(html.escape(line) for line in text.split("\n"))
    (folder / "material.html").write_text(
        page(first, f"{chrome(n, first)}<div class='content'>{lines}</div>{FOOTER}"), "utf-8"
    )


def run_district(entries: list[Entry], texts: Path, crawler_dir: Path | None) -> dict[str, dict[str, str]]:
    """Serve the schools, run the CLI once on all of them; the statuses of each entry's school by rule id."""
    with tempfile.TemporaryDirectory(prefix="devset-verdicts-") as tmp:
        folder = Path(tmp)
        root = folder / "www"
        root.mkdir()

        class Quiet(SimpleHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                pass

        server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(root)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            base = f"http://127.0.0.1:{server.server_address[1]}"
            orgs = []
            for n, e in enumerate(entries):
                write_school(root, n, (texts / f"{e.id}.txt").read_text(encoding="utf-8"))
                orgs.append({"id": f"o{n}", "name": f"МБОУ СОШ № {n + 1}", "kind": e.org_kind, "site": f"{base}/o{n}/"})
            registry = folder / "registry.yaml"
            registry.write_text(
                yaml.safe_dump({"district": "Проверочный округ", "organizations": orgs}, allow_unicode=True), "utf-8"
            )
            config = folder / "config.yaml"
            config.write_text(yaml.safe_dump({"crawl": {"delay_seconds": 0, "retries": 0}}), "utf-8")
            env = dict(os.environ)
            if crawler_dir is not None:
                env["PYTHONPATH"] = str(crawler_dir)  # and run from there: `-m crawler.cli` imports the cwd first
            proc = subprocess.run(
                [
                    sys.executable, "-m", "crawler.cli", "run", "-r", str(registry), "--db", str(folder / "m.db"),
                    "--out", str(folder / "out"), "--period", PERIOD, "--today", TODAY, "--config", str(config),
                    "--quiet",
                ],
                capture_output=True, text=True, stdin=subprocess.DEVNULL, env=env, cwd=crawler_dir, check=False,
            )  # fmt: skip
            if proc.returncode != 0:
                sys.exit(f"crawler run failed ({proc.returncode}):\n{proc.stdout[-2000:]}{proc.stderr[-2000:]}")
            found = json.loads((folder / "out" / f"findings-{PERIOD}.json").read_text(encoding="utf-8"))
        finally:
            server.shutdown()
    by_org = {org["id"]: {r["id"]: r["status"] for r in org["rules"]} for org in found}
    return {e.id: by_org[f"o{n}"] for n, e in enumerate(entries)}


def report(entries: list[Entry], statuses: dict[str, dict[str, str]], show_errors: bool) -> None:
    served = criteria_by_type()
    same = 0
    lost: Counter[str] = Counter()
    gained: Counter[str] = Counter()
    errors: list[str] = []
    by_kind: Counter[tuple[str, bool]] = Counter()
    for e in entries:
        seen = {c for c in COMPARED if statuses[e.id].get(c) in ("met", "partial")}
        expected = {c for c in served.get(e.type, frozenset()) if c in COMPARED}
        same += seen == expected
        by_kind[(e.org_kind, seen == expected)] += 1
        for c in sorted(expected - seen):
            lost[f"{e.type}: {c} not seen"] += 1
            errors.append(f"  {e.id} ({e.split}): {e.type}, «{c}» did not see it")
        for c in sorted(seen - expected):
            gained[f"{e.type}: {c} seen"] += 1
            errors.append(f"  {e.id} ({e.split}): {e.type}, «{c}» saw it ({statuses[e.id][c]})")
    n = len(entries)
    print(f"Entries of organizations' own sites: {n}, each a sub-page of a school's section; one run, today {TODAY}")
    print(f"  the criteria that saw it are the label type's:   {same}/{n} ({100 * same / n:.0f} %)" if n else "  —")
    for kind in OWN_KINDS:
        total = by_kind[(kind, True)] + by_kind[(kind, False)]
        if total:
            print(f"    {kind}: {by_kind[(kind, True)]}/{total}")
    print(f"  a criterion of the label's type did not see it:  {sum(lost.values())}")
    for key, count in lost.most_common():
        print(f"    {key} ×{count}")
    print(f"  a criterion the label's type has not saw it:     {sum(gained.values())}")
    for key, count in gained.most_common():
        print(f"    {key} ×{count}")
    if show_errors:
        print("\nEntries (id (split): label type, criterion)")
        print("\n".join(errors))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--split", choices=[*SPLITS, "held"], default="tune", help="held = every held-out split together (totals only)"
    )
    parser.add_argument("--texts", type=Path, default=HERE / "texts")
    parser.add_argument("--labels", type=Path, default=HERE / "labels.yaml")
    parser.add_argument("--show-errors", action="store_true")
    parser.add_argument(
        "--crawler-dir", type=Path, default=None, help="run another checkout's crawler (the «before» of a change)"
    )
    args = parser.parse_args()
    if args.show_errors and (args.split in HELD_OUT or args.split in ("all", "held")):
        sys.exit(f"{args.split} holds held-out entries: their totals are printed, their errors are not")
    groups = {"read": set(READ), "held": set(HELD_OUT), "all": None}
    wanted = groups.get(args.split, {args.split})
    entries = [
        e
        for e in load_labels(args.labels)
        if (wanted is None or e.split in wanted) and e.org_kind in OWN_KINDS and (args.texts / f"{e.id}.txt").is_file()
    ]
    if not entries:
        print(f"No texts of organizations' own entries under {args.texts} for split {args.split}.")
        return
    report(entries, run_district(entries, args.texts, args.crawler_dir), args.show_errors)


if __name__ == "__main__":
    main()
