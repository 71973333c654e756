"""How far two careful annotators agree on the type of the hardest excerpts, and where the classifier stands.

    .venv/bin/python devset/agreement.py [--texts devset/texts] [--crawler CMD]

`second_annotation.yaml` holds a second annotator's blind types for read entries whose type is hardest to decide
from an excerpt (articles, news, prose pages about mentoring). This prints the agreement of the two annotations
(raw and Cohen's kappa), the agreement per type of the first labels, and the classifier's accuracy against either
annotation and on the entries where both agree — the part of the errors that no labelling argument explains.
"""

from __future__ import annotations

import argparse
import shlex
import sys
from collections import Counter
from pathlib import Path

import yaml
from score import HELD_OUT, HERE, classify, effective_type, load_labels, pct


def kappa(pairs: list[tuple[str, str]]) -> float:
    n = len(pairs)
    observed = sum(a == b for a, b in pairs) / n
    first = Counter(a for a, _ in pairs)
    second = Counter(b for _, b in pairs)
    expected = sum(first[c] * second[c] for c in set(first) | set(second)) / (n * n)
    return (observed - expected) / (1 - expected) if expected < 1 else 1.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--texts", type=Path, default=HERE / "texts")
    parser.add_argument("--labels", type=Path, default=HERE / "labels.yaml")
    parser.add_argument("--second", type=Path, default=HERE / "second_annotation.yaml")
    parser.add_argument("--crawler", default=None, help="the command that runs the crawler CLI")
    args = parser.parse_args()

    second = {row["id"]: row for row in yaml.safe_load(args.second.read_text(encoding="utf-8"))}
    entries = [e for e in load_labels(args.labels) if e.id in second]
    if any(e.split in HELD_OUT for e in entries):
        sys.exit("the second annotation covers a held-out entry: it may only cover read splits")
    present = [e for e in entries if (args.texts / f"{e.id}.txt").is_file()]
    print(f"Second annotation: {len(second)} entries; texts found: {len(present)}")
    if not present:
        return
    files = [args.texts / f"{e.id}.txt" for e in present]
    parts = classify(files, command=shlex.split(args.crawler) if args.crawler else None)
    predicted: dict[str, str] = {}
    for e, f in zip(present, files, strict=True):
        printed = parts.get(str(f))
        predicted[e.id] = effective_type(printed[0]) if printed else "none"

    pairs = [(e.type, second[e.id]["type"]) for e in present]
    agree = sum(a == b for a, b in pairs)
    print(f"Annotators agree on the type: {pct(agree, len(pairs))}, kappa {kappa(pairs):.2f}")
    print("  first label            agreed by the second annotator")
    for doc_type, total in Counter(a for a, _ in pairs).most_common():
        same = sum(a == b == doc_type for a, b in pairs)
        print(f"  {doc_type:22} {pct(same, total)}")
    against_first = sum(predicted[e.id] == e.type for e in present)
    against_second = sum(predicted[e.id] == second[e.id]["type"] for e in present)
    both = [e for e in present if e.type == second[e.id]["type"]]
    on_both = sum(predicted[e.id] == e.type for e in both)
    print(f"Classifier against the first labels:  {pct(against_first, len(present))}")
    print(f"Classifier against the second labels: {pct(against_second, len(present))}")
    print(f"Classifier where both agree:          {pct(on_both, len(both))}")
    print("Disagreements (id: first | second | classifier)")
    for e in present:
        if e.type != second[e.id]["type"]:
            print(f"  {e.id}: {e.type} | {second[e.id]['type']} ({second[e.id]['confidence']}) | {predicted[e.id]}")


if __name__ == "__main__":
    main()
