"""Benchmark of document extraction: documents per second by format, OCR seconds per page, peak memory,
and the effect of the Store's extraction cache; with --heldout, the accuracy per field on the held-out corpus
(tests/heldout_docs) and the time per document of each producer. Prints figures; asserts nothing.

    .venv/bin/python bench/bench_documents.py [--docs 40] [--ocr-pages 4] [--heldout] [--hostile-texts]

--hostile-texts times the classifier alone on texts built to be slow: a glued page of a megabyte on one line full
of requisites, a stamp repeated thousands of times, a run of 200,000 spaces, an e-signature's fields repeated.
"""

from __future__ import annotations

import argparse
import hashlib
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from crawler.classify import analyze
from crawler.config import ExtractSettings
from crawler.demo.docgen import render
from crawler.extract import extract_cached, extract_many
from crawler.store import Store

BODY = [
    "ПРИНЯТО\tУТВЕРЖДЕНО",
    "педагогическим советом\tприказом директора МБОУ «СОШ № 12»",
    "протокол № 5 от 16.05.2022\tот 21.02.2022 № 122",
    "",
    "# ПОЛОЖЕНИЕ",
    "# о системе наставничества педагогических работников",
    *[
        f"{i}. Наставник сопровождает наставляемого педагогического работника, составляет персонализированную "
        f"программу наставничества и отчитывается куратору о результатах работы в учебном году."
        for i in range(1, 40)
    ],
]


def _docs(tmp: Path, fmt: str, n: int) -> list[tuple[Path, str, str | None]]:
    items = []
    ext = {"pdf_scan": "pdf"}.get(fmt, fmt)
    for i in range(n):
        data = render(fmt, [*BODY, f"Экземпляр {i}"])
        path = tmp / f"{fmt}-{i}.{ext}"
        path.write_bytes(data)
        items.append((path, hashlib.sha256(data).hexdigest(), None))
    return items


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=40, help="документов каждого текстового формата")
    parser.add_argument("--ocr-pages", type=int, default=4)
    parser.add_argument("--heldout", action="store_true", help="только точность на отложенном корпусе")
    parser.add_argument("--hostile-texts", action="store_true", help="только время классификации трудных текстов")
    args = parser.parse_args()
    if args.heldout:
        _heldout()
        return
    if args.hostile_texts:
        _hostile_texts()
        return
    settings = ExtractSettings(workers=2)
    with tempfile.TemporaryDirectory(prefix="bench-docs-") as tmp_name:
        tmp = Path(tmp_name)
        all_items = []
        print(f"Извлечение текста, {settings.workers} процесса, {args.docs} документов на формат")
        for fmt in ("pdf", "docx", "odt", "rtf", "html", "txt"):
            items = _docs(tmp, fmt, args.docs)
            all_items += items
            start = time.perf_counter()
            results = extract_many(items, settings)
            elapsed = time.perf_counter() - start
            errors = sum(1 for r in results if r.error)
            print(f"  {fmt:5} {len(items) / elapsed:7.1f} док/с  (ошибок: {errors})")
        texts = [r.text for r in extract_many(all_items[:50], settings)]
        start = time.perf_counter()
        for text in texts:
            analyze(text, org_name="МБОУ СОШ № 12")
        print(f"Классификация: {len(texts) / (time.perf_counter() - start):.1f} док/с в одном процессе")

        scans = _docs(tmp, "pdf_scan", args.ocr_pages)
        start = time.perf_counter()
        results = extract_many(scans, ExtractSettings(workers=1))
        elapsed = time.perf_counter() - start
        pages = sum(r.pages or 0 for r in results)
        print(f"OCR (1 процесс, {settings.ocr_dpi} dpi): {elapsed / max(pages, 1):.2f} с/страница, страниц {pages}")
        start = time.perf_counter()
        extract_many(scans, settings)
        print(f"OCR (2 процесса): {(time.perf_counter() - start) / max(pages, 1):.2f} с/страница")

        store = Store(tmp / "bench.db")
        start = time.perf_counter()
        _, first = extract_cached(all_items, settings, store)
        t1 = time.perf_counter() - start
        start = time.perf_counter()
        _, second = extract_cached(all_items, settings, store)
        t2 = time.perf_counter() - start
        print(f"Кэш: первый проход извлёк {first} за {t1:.2f} с; второй — {second} за {t2:.2f} с")
        store.close()
    peak_children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    peak_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"Пиковая память: рабочий процесс {peak_children:.0f} МБ, основной {peak_self:.0f} МБ")


def _hostile_texts() -> None:
    texts = {
        "склеенная страница в 1 МБ, 50 000 реквизитов в одной строке": "ПОЛОЖЕНИЕ о наставничестве\n"
        + " ".join(f"№ {i} от 01.09.2022" for i in range(50_000)),
        "20 000 строк реквизитов": "ПОЛОЖЕНИЕ о наставничестве\n"
        + "\n".join(f"от 01.09.2022 № {i}" for i in range(20_000)),
        "гриф, повторённый 5 000 раз в одной строке": "УТВЕРЖДЕНО приказом от 01.09.2022 № 5 " * 5_000,
        "200 000 пробелов между словом и номером": "ПРИКАЗ\n" + " " * 200_000 + "№ 5 от 01.09.2022",
        "поля электронной подписи, 5 000 раз": "Дата: 2025.09.01 09:10:19\nот 01.09.2025\n№ 380\n" * 5_000,
    }
    print("Классификация трудных текстов (один процесс):")
    for name, text in texts.items():
        start = time.perf_counter()
        analyze(text)
        print(f"  {name} ({len(text) // 1024} КБ): {time.perf_counter() - start:.2f} с")


def _heldout() -> None:
    """Accuracy per field on the held-out corpus and seconds per document by producer (one process)."""
    from tests.heldout_docs.check import accuracy_table, checks, run
    from tests.heldout_docs.corpus import build_corpus

    with tempfile.TemporaryDirectory(prefix="bench-heldout-") as tmp_name:
        start = time.perf_counter()
        cases = build_corpus(Path(tmp_name))
        print(f"Корпус: {len(cases)} документов, построен за {time.perf_counter() - start:.1f} с")
        by_producer: dict[str, list[float]] = {}
        outcomes = []
        for case in cases:
            start = time.perf_counter()
            outcomes += run([case], ExtractSettings(workers=1))
            by_producer.setdefault(case.name.split("_")[0], []).append(time.perf_counter() - start)
        for producer, times in sorted(by_producer.items()):
            print(f"  {producer:8} {len(times):3} док., {sum(times) / len(times):.2f} с/док (с запуском процесса)")
        all_checks = [c for o in outcomes for c in checks(o)]
        print("Точность по полям:")
        print(accuracy_table(all_checks))
        for c in all_checks:
            if not c.ok:
                print(f"  ошибка: {c.case}: {c.field} ожидалось {c.expected!r}, получено {c.got!r}")


if __name__ == "__main__":
    main()
