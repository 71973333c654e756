"""Score `crawler classify --json` against the hand labels of the real-document development set.

    .venv/bin/python devset/score.py [--split SPLIT] [--texts devset/texts] [--show-confusions]

Every labelled entry whose text file <texts>/<id>.txt exists is classified in one call of the CLI
(`crawler classify --json FILE ...`), so the figures are exactly what a methodologist gets from the command line.
A file can hold several logical documents (a приказ and its «Приложение»); the CLI then prints one object per
part, in document order. The entry's predicted type, date, number and pupil-only flag are those of the FIRST
part printed for the file: the CLI already drops «other» parts when a typed part exists, so the first part is
the first mentoring document of the file, which is what the label describes (labels describe the excerpt's
main document).

The texts are third parties' documents and stay out of git; labels.yaml says how to re-retrieve each one.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
TYPES = [
    "regulation",
    "program",
    "roadmap",
    "model_order",
    "curator_order",
    "pairs_order",
    "mentor_registry",
    "individual_plan",
    "pay_regulation",
    "report",
    "guidelines",
    "practice",
    "external_act",
    "other",
]
KINDS = ["ОО", "ДОУ", "ДО", "другое"]
# fresh3 … fresh27 (the held-out splits of rounds 3 to 17) were declared read once scored and are scored like tune
# and report; of the seven collections of round 18, fresh29 and fresh34 were read after their first scoring (each
# returned a cited act's values; fresh34 also flagged a teachers' document pupil-only), and fresh31 … fresh33 in
# round 19 (their organizations' own pages that were mistyped); fresh28 and fresh30 stay held out, with round 19's
# fresh35 and fresh36 (organizations' own pages in prose) and round 21's fresh37 (articles and news); round 21's
# fresh38 (documents and near misses) was read after its first scoring, for the stamps it missed; of round 22's
# organizations' own pages, fresh39 (schools) was read after its first scoring and fresh40 (ДОУ, ДО) stays held out.
HELD_OUT = {"fresh28", "fresh30", "fresh35", "fresh36", "fresh37", "fresh40"}
READ = [
    "tune",
    "report",
    *(f"fresh{n}" for n in range(3, 28)),
    "fresh29",
    *(f"fresh{n}" for n in range(31, 35)),
    "fresh38",
    "fresh39",
]
SPLITS = [*READ, *sorted(HELD_OUT), "read", "all"]
MONTHS = {
    "январ": 1,
    "феврал": 2,
    "март": 3,
    "апрел": 4,
    "ма": 5,
    "июн": 6,
    "июл": 7,
    "август": 8,
    "сентябр": 9,
    "октябр": 10,
    "ноябр": 11,
    "декабр": 12,
}
# Latin letters that OCR and typists put in place of Cyrillic ones, folded for the number comparison
LOOKALIKE = str.maketrans("aceopxykmhtb", "асеорхукмнтв")
# a higher-level act cited in the text: «распоряжением … от 25.12.2019 № Р-145», «Указ … № 204», «письмо … N МР-42/02»
CITED_ACT = re.compile(
    r"(?:распоряжени|постановлени|указ|закон|письм|кодекс|СанПиН|приказ\w*\s+(?:Министерств|Минпросвещ|Минобрнаук|"
    r"министерств|Министр|Рособрнадзор|Минтруд|управлени|комитет|департамент|Главного|отдела|Районного))"
    r"[^;]{0,160}?(?:№|N|No|J\\Ъ|Jtlb|NЬ)\s*([\w\-–/.]+)",
    re.I,
)
# numbers that only higher-level acts carry: 273-ФЗ, 3273-р, Р-145, МР-42/02, 544н, 1277-/р/адм
ACT_NUMBER = re.compile(r"(?:^|\s)(?:\d+\s*-\s*(?:фз|р|рп|пп)\b|р-\d+|мр-|\d+н\b|.*/р/)", re.I)


@dataclass
class Entry:
    id: str
    url: str
    org_kind: str
    type: str
    approved_on: date | None
    number: str | None
    stamp_legible: bool
    pupil_only: bool
    external: bool
    scan: bool
    split: str
    note: str
    pred: dict[str, Any] | None = None
    parts: list[dict[str, Any]] = field(default_factory=list)
    text: str = ""


def load_labels(path: Path) -> list[Entry]:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    entries = []
    for item in raw:
        approved = item.get("approved_on")
        if isinstance(approved, str):
            approved = date.fromisoformat(approved)
        number = item.get("number")
        entries.append(
            Entry(
                id=item["id"],
                url=item["url"],
                org_kind=item["org_kind"],
                type=item["type"],
                approved_on=approved,
                number=None if number is None else str(number),
                stamp_legible=bool(item.get("stamp_legible")),
                pupil_only=bool(item.get("pupil_only")),
                external=bool(item.get("external")),
                scan=bool(item.get("scan")),
                split=item["split"],
                note=item.get("note", ""),
            )
        )
    return entries


def crawler_command() -> list[str]:
    """The installed `crawler` script next to this interpreter, else the module entry point."""
    script = Path(sys.executable).with_name("crawler")
    if script.exists():
        return [str(script)]
    found = shutil.which("crawler")
    if found:
        return [found]
    return [sys.executable, "-c", "from crawler.cli import main; main()"]


def classify(files: list[Path], batch: int = 200, command: list[str] | None = None) -> dict[str, list[dict[str, Any]]]:
    """Run `crawler classify --json` on the files (in batches) and group the printed parts by file."""
    by_source: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for start in range(0, len(files), batch):
        chunk = [str(f) for f in files[start : start + batch]]
        proc = subprocess.run(
            [*(command or crawler_command()), "classify", "--json", *chunk],
            capture_output=True,
            text=True,
            check=False,
        )
        # exit code 1 only says that some file gave no part; the JSON is still complete
        if not proc.stdout.strip():
            sys.exit(f"crawler classify printed nothing (exit {proc.returncode}): {proc.stderr[-2000:]}")
        for obj in json.loads(proc.stdout):
            by_source[obj["source"]].append(obj)
    return by_source


def as_web_pages(files: list[Path], folder: Path, layout: str = "lines") -> list[Path]:
    """Each excerpt as a web page, saved as <id>.html in the folder: its lines kept as lines (<br>), so the page's
    text is the excerpt again, or (layout "paragraphs") typed one paragraph per line, as a word processor pastes a
    document, so that every line stands apart. The CLI then reads it as the crawler reads a section's pages (HTML to
    text, then the web-page rules: a page of links is no document)."""
    pages = []
    for f in files:
        lines = [html.escape(line) for line in f.read_text(encoding="utf-8").split("\n")]
        if layout == "paragraphs":
            body = "".join(f"<p>{line}</p>" for line in lines)
        else:
            body = "<div>" + "<br>".join(lines) + "</div>"
        page = folder / f"{f.stem}.html"
        page.write_text(f"<!DOCTYPE html><html><head><meta charset='utf-8'></head><body>{body}</body></html>", "utf-8")
        pages.append(page)
    return pages


def norm_number(value: str | None) -> str | None:
    """«621- од» = «621-ОД»; «17 – ОД» = «17-од»; Latin look-alikes folded; «№» and trailing dots dropped."""
    if value is None:
        return None
    text = value.casefold().replace("№", "").replace("–", "-").replace("—", "-")
    text = re.sub(r"\s+", "", text).translate(LOOKALIKE)
    return text.strip("._,") or None


def parse_date(value: Any) -> date | None:
    if not value:
        return None
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def cited_acts(text: str) -> tuple[set[str], set[date]]:
    """Numbers and dates of higher-level acts the text cites (heuristic, see CITED_ACT): the number after
    «распоряжением/постановлением/указом/законом/письмом/приказом Министерства … №», and any date within the
    citation or in the 40 characters after its number («№ 273-ФЗ от 20.12.2012»)."""
    numbers: set[str] = set()
    dates: set[date] = set()
    for match in CITED_ACT.finditer(text):
        number = norm_number(match.group(1))
        if number:
            numbers.add(number)
        window = text[match.start() : match.end() + 40]
        for d, m, y in re.findall(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", window):
            try:
                dates.add(date(int(y), int(m), int(d)))
            except ValueError:
                pass
        for d, month, y in re.findall(r"(\d{1,2})»?\s+([а-я]+)\s+(\d{4})", window, re.I):
            num = next((v for k, v in MONTHS.items() if month.lower().startswith(k)), None)
            if num:
                try:
                    dates.add(date(int(y), num, int(d)))
                except ValueError:
                    pass
    return numbers, dates


def is_cited_number(value: str | None, text: str) -> bool:
    number = norm_number(value)
    return number is not None and (number in cited_acts(text)[0] or bool(ACT_NUMBER.search(" " + number)))


def effective_type(part: dict[str, Any]) -> str:
    """The CLI prints a pay regulation without a mentoring clause as pay_regulation with pay_mentoring_clause
    false; the labels (and the criterion) call such a document «other», so it is scored as other."""
    if part["type"] == "pay_regulation" and not part.get("pay_mentoring_clause"):
        return "other"
    return str(part["type"])


def criteria_by_type() -> dict[str, frozenset[str]]:
    """The criteria of the shipped district rules whose rule reads a document of each type (doc_types, the
    orders whose clause counts, the types worth «частично»). A type no rule reads (guidelines, external_act,
    other …) serves no criterion: mistaking one such type for another changes no status of the brief."""
    from crawler.ruleset import load_ruleset

    served: defaultdict[str, set[str]] = defaultdict(set)
    for rule in load_ruleset().rules:
        for doc_type in [*rule.doc_types, *rule.clause_doc_types, *rule.partial_doc_types]:
            served[doc_type.value].add(rule.id)
    return {t: frozenset(served.get(t, ())) for t in TYPES}


def pct(hit: int, total: int) -> str:
    return f"{hit}/{total} ({100 * hit / total:.0f} %)" if total else "—"


def answer(e: Entry, key: str) -> Any:
    """The CLI's answer for one field of the entry, None when the CLI printed nothing for its file."""
    return e.pred.get(key) if e.pred else None


def _by_type(entries: list[Entry]) -> str:
    """« (practice → other ×3, …)»: the label's type → the answer, most frequent first."""
    pairs = Counter(f"{e.type} → {e.pred['type'] if e.pred else '—'}" for e in entries)
    return f" ({', '.join(f'{k} ×{v}' for k, v in pairs.most_common(4))})" if pairs else ""


def report(entries: list[Entry], show_confusions: bool) -> None:
    n = len(entries)
    print(f"Entries scored: {n}")
    # ---------------------------------------------------------------- N by type × kind
    print("\nN by type and kind")
    print(f"  {'type':<16}" + "".join(f"{k:>8}" for k in KINDS) + f"{'all':>8}{'scan':>7}")
    grid: Counter[tuple[str, str]] = Counter((e.type, e.org_kind) for e in entries)
    for t in TYPES:
        row = [grid[(t, k)] for k in KINDS]
        if sum(row):
            scan_count = sum(1 for e in entries if e.type == t and e.scan)
            print(f"  {t:<16}" + "".join(f"{v:>8}" for v in row) + f"{sum(row):>8}{scan_count:>7}")
    print(
        f"  {'all':<16}"
        + "".join(f"{sum(grid[(t, k)] for t in TYPES):>8}" for k in KINDS)
        + f"{n:>8}{sum(e.scan for e in entries):>7}"
    )
    # ---------------------------------------------------------------- type accuracy
    correct = [e for e in entries if e.pred and e.pred["type"] == e.type]
    print(f"\nType accuracy: {pct(len(correct), n)}")
    print(f"  {'type':<16}{'correct':>16}   most frequent wrong answers")
    for t in TYPES:
        group = [e for e in entries if e.type == t]
        if not group:
            continue
        ok = sum(1 for e in group if e.pred and e.pred["type"] == t)
        wrong = Counter(str(e.pred["type"]) if e.pred else "—" for e in group if not (e.pred and e.pred["type"] == t))
        print(f"  {t:<16}{pct(ok, len(group)):>16}   " + ", ".join(f"{k} ×{v}" for k, v in wrong.most_common(3)))
    raw_ok = sum(1 for e in entries if e.pred and e.pred["cli_type"] == e.type)
    no_clause = sum(
        1 for e in entries if e.pred and e.pred["cli_type"] == "pay_regulation" and e.pred["type"] == "other"
    )
    print(
        f"  (CLI type taken literally: {pct(raw_ok, n)}; pay_regulation printed without a mentoring clause: "
        f"{no_clause}, scored as other)"
    )
    convention = sum(
        1 for e in entries if e.type == "other" and e.external and e.pred and e.pred["type"] == "external_act"
    )
    print(
        f"  of the errors, «other» acts of a higher level (external, not about mentoring) → external_act: {convention}"
    )
    predicted = Counter(str(e.pred["type"]) if e.pred else "—" for e in entries)
    print("  predicted type counts: " + ", ".join(f"{k} {v}" for k, v in predicted.most_common()))
    scans = [e for e in entries if e.scan]
    print(f"  on scans / OCR-damaged texts: {pct(sum(1 for e in scans if e in correct), len(scans))}")
    for kind in KINDS:
        group = [e for e in entries if e.org_kind == kind]
        if group:
            print(f"  {kind}: {pct(sum(1 for e in group if e in correct), len(group))}")
    # ---------------------------------------------------------------- what a status rests on
    served = criteria_by_type()

    def criteria(doc_type: str | None) -> frozenset[str]:
        return served.get(doc_type or "", frozenset())

    same = [e for e in entries if criteria(e.type) == criteria(answer(e, "type"))]
    lost = [e for e in entries if criteria(e.type) - criteria(answer(e, "type"))]
    gained = [e for e in entries if criteria(answer(e, "type")) - criteria(e.type)]
    print("\nCriteria the type is read for (the district rules' doc_types; guidelines, external_act, other: none)")
    print(f"  same criteria as the label's type:        {pct(len(same), n)}")
    print(f"  a criterion of the label's type lost:     {len(lost)}" + _by_type(lost))
    print(f"  a criterion the label's type has not:     {len(gained)}" + _by_type(gained))
    for kind in KINDS:
        group = [e for e in entries if e.org_kind == kind]
        if group:
            print(f"  {kind}: {pct(sum(1 for e in group if e in same), len(group))}")
    # ---------------------------------------------------------------- dates and numbers
    legible = [e for e in entries if e.stamp_legible]
    date_ok = [e for e in legible if parse_date(answer(e, "approved_on")) == e.approved_on]
    num_ok = [e for e in legible if norm_number(answer(e, "number")) == norm_number(e.number)]
    both_ok = [e for e in date_ok if e in num_ok]
    print(f"\nApproval stamp (entries with a legible stamp in the excerpt, N={len(legible)})")
    print(f"  approval date accuracy: {pct(len(date_ok), len(legible))}")
    print(f"  number accuracy:        {pct(len(num_ok), len(legible))}")
    print(f"  both right:             {pct(len(both_ok), len(legible))}")
    with_value = [e for e in legible if e.approved_on]
    print(
        f"  stamps that carry a date: {len(with_value)}, date found: "
        f"{pct(sum(1 for e in with_value if e in date_ok), len(with_value))}"
    )
    spurious_d = [e for e in entries if e.approved_on is None and answer(e, "approved_on")]
    spurious_n = [e for e in entries if e.number is None and answer(e, "number")]
    cited_d = [e for e in spurious_d if parse_date(answer(e, "approved_on")) in cited_acts(e.text)[1]]
    cited_n = [e for e in spurious_n if is_cited_number(answer(e, "number"), e.text)]
    no_date = sum(1 for e in entries if e.approved_on is None)
    no_num = sum(1 for e in entries if e.number is None)
    print(f"  date returned where the label has none:   {pct(len(spurious_d), no_date)}")
    print(f"    of them equal to a cited act's date:    {len(cited_d)}")
    print(f"  number returned where the label has none: {pct(len(spurious_n), no_num)}")
    print(f"    of them equal to a cited act's number:  {len(cited_n)}")
    wrong_cited = [
        e
        for e in legible
        if e.approved_on and e not in date_ok and parse_date(answer(e, "approved_on")) in cited_acts(e.text)[1]
    ]
    wrong_cited_n = [e for e in legible if e not in num_ok and is_cited_number(answer(e, "number"), e.text)]
    print(f"  legible stamp, but a cited act's date returned instead: {len(wrong_cited)}")
    print(f"  legible stamp, but a cited act's number returned instead: {len(wrong_cited_n)}")
    # ---------------------------------------------------------------- pupil-only
    scoped = [e for e in entries if e.pupil_only or e.type in ("regulation", "program", "roadmap")]
    fp = [e for e in scoped if not e.pupil_only and answer(e, "pupil_only")]
    miss = [e for e in scoped if e.pupil_only and not (answer(e, "pupil_only"))]
    print(f"\nPupil-only flag (regulations, programmes, roadmaps and pupil-only documents, N={len(scoped)})")
    teachers = [e for e in scoped if not e.pupil_only]
    print(f"  teachers' documents flagged pupil-only (false positives): {len(fp)} of {len(teachers)}")
    print(f"  pupil-only documents not flagged (misses): {len(miss)} of {len(scoped) - len(teachers)}")
    # ---------------------------------------------------------------- external
    ext = Counter((e.external, bool(e.pred and e.pred["type"] == "external_act")) for e in entries)
    print("\nExternal (label «external» × predicted type external_act)")
    print(f"  external, predicted external_act:     {ext[(True, True)]}")
    print(f"  external, predicted something else:   {ext[(True, False)]}")
    print(f"  own document, predicted external_act: {ext[(False, True)]}")
    print(f"  own document, predicted own type:     {ext[(False, False)]}")
    # ---------------------------------------------------------------- confusions
    if show_confusions:
        print("\nConfusions (id: expected → got | title found)")
        for e in sorted(entries, key=lambda x: (x.type, x.id)):
            got = e.pred["type"] if e.pred else "—"
            if got != e.type:
                title = (e.pred or {}).get("title") or ""
                print(f"  {e.id}: {e.type} → {got} | {title[:110]}")
        print("\nStamp errors (id: expected date/number → got)")
        for e in sorted(legible, key=lambda x: x.id):
            if e not in both_ok:
                got_d = (e.pred or {}).get("approved_on")
                got_n = (e.pred or {}).get("number")
                print(f"  {e.id}: {e.approved_on} / {e.number} → {got_d} / {got_n}")
        print("\nValues returned where the label has none (id: got date / number)")
        for e in sorted({e.id: e for e in [*spurious_d, *spurious_n]}.values(), key=lambda x: x.id):
            mark = " (cited act)" if e in cited_d or e in cited_n else ""
            print(f"  {e.id}: {answer(e, 'approved_on')} / {answer(e, 'number')}{mark}")
        if fp or miss:
            print("\nPupil-only errors")
            for e in fp:
                print(f"  {e.id}: teachers' document flagged pupil-only")
            for e in miss:
                print(f"  {e.id}: pupil-only document not flagged")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--split",
        choices=SPLITS,
        default="tune",
        help="read = every read split; all = every entry, held-out ones included",
    )
    parser.add_argument("--texts", type=Path, default=HERE / "texts")
    parser.add_argument("--labels", type=Path, default=HERE / "labels.yaml")
    parser.add_argument("--show-confusions", action="store_true")
    parser.add_argument(
        "--as-web-pages",
        nargs="?",
        const="lines",
        choices=["lines", "paragraphs"],
        help="classify each excerpt as a web page, as the crawler does a section's pages (HTML, then the page rules): "
        "its lines kept as lines (<br>, the default) or typed one paragraph per line (<p>, as word processors paste)",
    )
    parser.add_argument(
        "--crawler",
        default=None,
        help="the command that runs the crawler CLI (default: the installed `crawler`); e.g. to score another checkout",
    )
    args = parser.parse_args()
    if args.show_confusions and args.split in HELD_OUT:
        sys.exit(f"{args.split} is held out: its totals are printed, its errors are not (see devset/README.md)")
    if args.show_confusions and args.split == "all":
        sys.exit(f"all includes the held-out {', '.join(sorted(HELD_OUT))}: show the confusions of a split instead")

    wanted = set(READ) if args.split == "read" else None if args.split == "all" else {args.split}
    entries = [e for e in load_labels(args.labels) if wanted is None or e.split in wanted]
    present = [e for e in entries if (args.texts / f"{e.id}.txt").is_file()]
    missing = len(entries) - len(present)
    print(f"Split: {args.split}; labelled: {len(entries)}; texts found: {len(present)}; missing: {missing}")
    if not present:
        print(f"No texts under {args.texts}: re-retrieve them with the «query» of each entry (see devset/README.md).")
        return
    files = [args.texts / f"{e.id}.txt" for e in present]
    command = shlex.split(args.crawler) if args.crawler else None
    with tempfile.TemporaryDirectory(prefix="devset-pages-") as tmp:
        sources = as_web_pages(files, Path(tmp), args.as_web_pages) if args.as_web_pages else files
        parts = classify(sources, command=command)
    if args.as_web_pages:
        print(f"Classified as web pages, {args.as_web_pages} (the crawler's path for a section's pages)")
    for e, f, source in zip(present, files, sources, strict=True):
        e.text = f.read_text(encoding="utf-8")
        e.parts = parts.get(str(source), [])
        e.pred = dict(e.parts[0]) if e.parts else None
        if e.pred:
            e.pred["cli_type"] = e.pred["type"]
            e.pred["type"] = effective_type(e.pred)
    report(present, args.show_confusions)


if __name__ == "__main__":
    main()
