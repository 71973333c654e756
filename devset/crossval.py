"""Generalization checks inside the tune split: three folds, and the same texts laid out differently.

    .venv/bin/python devset/crossval.py [--split SPLIT] [--variants orig,rewrap,glued,ocr]
                                         [--show-folds 0,1]

The classifier is written by hand, so «fitting» is a person reading confusions. The honest way to see how far a
fix generalizes without reading `report` is to read the confusions of two folds of `tune` only
(`--show-folds 0,1`), fix, and look at the totals of the third fold; then rotate. The fold of an entry is
``int(sha1(id)[:8], 16) % 3`` (ids are themselves hashes of the URL, so the folds are a fixed random split).

The variants lay out the same excerpt as other extractions of the same document would, without changing what a
methodologist reads in it, so a rule that only fits the line breaks or the spelling of one tune document shows:

* ``orig``   — the excerpt as stored;
* ``rewrap`` — every line of 49 to 220 characters wrapped again at 48 (another page width: titles and stamps
  break at other places; a page glued into one line stays as it is);
* ``glued``  — the whole excerpt on one line (a web page's text, a viewer without line breaks), under the card
  title of the viewer if there is one;
* ``ocr``    — the damage of a scan's text layer: «№» read as «N»/«Ns»/«No», Cyrillic letters read as Latin
  look-alikes in a third of the words, «З» as «3» (deterministic per entry).

Figures: type accuracy, and approval date and number accuracy on entries with a legible stamp, per fold and in all.
Texts are read from devset/texts (local only, see README.md); nothing is written to the repository.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import shlex
import sys
import tempfile
import textwrap
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from score import HELD_OUT, READ, Entry, classify, effective_type, load_labels, norm_number, parse_date  # noqa: E402

FOLDS = 3
VARIANTS = ("orig", "rewrap", "glued", "ocr")
_LATIN = str.maketrans("аеорсхуАВЕКМНОРСТХ", "aeopcxyABEKMHOPCTX")


def fold_of(entry_id: str) -> int:
    return int(hashlib.sha1(entry_id.encode()).hexdigest()[:8], 16) % FOLDS


def rewrap(text: str, width: int = 48) -> str:
    out: list[str] = []
    for line in text.split("\n"):
        if width < len(line) <= 220:  # a page glued into one line stays glued
            out.extend(textwrap.wrap(line, width=width, break_long_words=False, break_on_hyphens=False) or [""])
        else:
            out.append(line)
    return "\n".join(out)


def glued(text: str) -> str:
    card = ""
    lines = text.split("\n")
    if len(lines) > 2 and lines[0].strip() and not lines[1].strip():
        card, text = lines[0] + "\n\n", "\n".join(lines[2:])  # a viewer's card title stays above the text
    return card + " ".join(piece.strip() for piece in text.split("\n") if piece.strip())


def ocr(text: str, seed: str) -> str:
    rnd = random.Random(seed)
    signs = ["N", "Ns", "No", "№"]
    words = text.split(" ")
    out = []
    for word in words:
        if "№" in word:
            word = word.replace("№", rnd.choice(signs))
        if rnd.random() < 0.33:
            word = word.translate(_LATIN).replace("З", "3")
        out.append(word)
    return " ".join(out)


def variant_text(name: str, text: str, entry_id: str) -> str:
    if name == "rewrap":
        return rewrap(text)
    if name == "glued":
        return glued(text)
    if name == "ocr":
        return ocr(text, entry_id)
    return text


def score_variant(
    entries: list[Entry], texts: Path, name: str, command: list[str] | None = None
) -> dict[str, dict[str, object]]:
    """Per entry id: predicted type, date, number."""
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for e in entries:
            f = Path(tmp) / f"{e.id}.txt"
            f.write_text(variant_text(name, (texts / f"{e.id}.txt").read_text(encoding="utf-8"), e.id), "utf-8")
            files.append(f)
        parts = classify(files, command=command)
        out: dict[str, dict[str, object]] = {}
        for e, f in zip(entries, files, strict=True):
            got = parts.get(str(f), [])
            pred = dict(got[0]) if got else {"type": "—"}
            out[e.id] = {
                "type": effective_type(pred) if got else "—",
                "date": parse_date(pred.get("approved_on")),
                "number": norm_number(pred.get("number")),
                "title": pred.get("title") or "",
            }
        return out


def figures(entries: list[Entry], preds: dict[str, dict[str, object]]) -> tuple[int, int, int, int, int]:
    n = len(entries)
    types = sum(1 for e in entries if preds[e.id]["type"] == e.type)
    legible = [e for e in entries if e.stamp_legible]
    dates = sum(1 for e in legible if preds[e.id]["date"] == e.approved_on)
    numbers = sum(1 for e in legible if preds[e.id]["number"] == norm_number(e.number))
    return n, types, len(legible), dates, numbers


def pct(a: int, b: int) -> str:
    return f"{100 * a / b:5.1f}" if b else "    —"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    splits = [*READ, *sorted(HELD_OUT), "read", "all"]
    parser.add_argument("--split", choices=splits, default="tune")
    parser.add_argument("--texts", type=Path, default=HERE / "texts")
    parser.add_argument("--labels", type=Path, default=HERE / "labels.yaml")
    parser.add_argument("--variants", default=",".join(VARIANTS))
    parser.add_argument("--crawler", default=None, help="the command that runs the crawler CLI (see score.py)")
    parser.add_argument(
        "--show-folds", default="", help="print the errors of these folds only (e.g. 0,1): the folds a fix is made on"
    )
    args = parser.parse_args()
    if args.split in ("all", *HELD_OUT) and args.show_folds:
        sys.exit("errors are shown for read splits only (a split of READ in score.py, or read)")
    wanted = set(READ) if args.split == "read" else None if args.split == "all" else {args.split}
    entries = [
        e
        for e in load_labels(args.labels)
        if (wanted is None or e.split in wanted) and (args.texts / f"{e.id}.txt").is_file()
    ]
    show = {int(x) for x in args.show_folds.split(",") if x.strip()}
    print(f"Split: {args.split}; entries: {len(entries)}; folds: {FOLDS} (sha1(id) mod {FOLDS})")
    header = f"  {'variant':<8}{'fold':>6}{'N':>5}{'type %':>8}{'stamps':>8}{'date %':>8}{'number %':>10}"
    print(header)
    for name in args.variants.split(","):
        preds = score_variant(entries, args.texts, name, shlex.split(args.crawler) if args.crawler else None)
        rows = [(str(k), [e for e in entries if fold_of(e.id) == k]) for k in range(FOLDS)] + [("all", entries)]
        for label, group in rows:
            n, t, legible, d, num = figures(group, preds)
            print(f"  {name:<8}{label:>6}{n:>5}{pct(t, n):>8}{legible:>8}{pct(d, legible):>8}{pct(num, legible):>10}")
        for e in entries:
            if fold_of(e.id) not in show:
                continue
            p = preds[e.id]
            if p["type"] != e.type:
                print(f"    {name} f{fold_of(e.id)} {e.id}: {e.type} → {p['type']} | {str(p['title'])[:90]}")
            if e.stamp_legible and (p["date"] != e.approved_on or p["number"] != norm_number(e.number)):
                got = f"{p['date']} / {p['number']}"
                print(f"    {name} f{fold_of(e.id)} {e.id}: stamp {e.approved_on} / {e.number} → {got}")


if __name__ == "__main__":
    main()
