"""A computer without OCR or a .doc reader: the reason is about the machine, never «файл повреждён».

The programs are really absent: the commands run with a PATH that holds only the virtual environment, so
tesseract, antiword and catdoc cannot be found. A failure of the machine is not cached as a fact about the
file: once the program is back, the same bytes are read.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from crawler.config import ExtractSettings
from crawler.demo import docgen
from crawler.extract import EXTRACTOR_VERSION, extract_cached, extract_file
from crawler.models import ExtractedText, FailureKind
from crawler.store import Store
from tests.test_crawl_support import Route, Site, html, one_school_registry, run_monitoring

VENV_ONLY = str(Path(sys.executable).parent)  # python and the crawler entry point, no Debian programs
SCANNED_PAIRS_ORDER = [
    "# ПРИКАЗ",
    "от 02.09.2025 № 88-од",
    "# О закреплении наставнических пар на 2025-2026 учебный год",
    "В соответствии с Положением о системе наставничества педагогических работников ПРИКАЗЫВАЮ:",
    "1. Закрепить наставнические пары на 2025-2026 учебный год согласно приложению.",
    "2. Контроль исполнения приказа оставляю за собой.",
]


@pytest.fixture(scope="module")
def scan_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("scan") / "prikaz-pary.pdf"
    path.write_bytes(docgen.render("pdf_scan", SCANNED_PAIRS_ORDER, seed=1))
    return path


def classify_without_programs(path: Path) -> dict[str, object]:
    proc = subprocess.run(
        [sys.executable, "-m", "crawler.cli", "classify", "--json", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PATH": VENV_ONLY},
        stdin=subprocess.DEVNULL,
    )
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)[0]


def test_a_scan_without_tesseract_names_the_missing_program(scan_pdf: Path) -> None:
    result = classify_without_programs(scan_pdf)
    assert "на компьютере не установлен tesseract" in str(result["error"])
    assert "повреждён" not in str(result["error"])


def test_a_doc_without_antiword_and_catdoc_names_the_missing_programs(tmp_path: Path) -> None:
    path = tmp_path / "polozhenie.doc"
    path.write_bytes(next(docgen.FIXTURES_DIR.glob("*.doc")).read_bytes())  # a real Word 97 file
    result = classify_without_programs(path)
    assert "не установлены программы antiword и catdoc" in str(result["error"])
    assert "повреждён" not in str(result["error"])


EXTRACT_IN_A_PROCESS = """
import json, sys
from pathlib import Path
from crawler.config import ExtractSettings
from crawler.extract import extract_cached
from crawler.store import Store
items = [(Path(p), sha, fmt) for p, sha, fmt in json.loads(sys.argv[2])]
results, extracted = extract_cached(items, ExtractSettings(workers=1), Store(Path(sys.argv[1])))
print(json.dumps({"extracted": extracted, "results": [r.model_dump(mode="json") for r in results]}))
"""


def test_only_failures_of_the_file_itself_are_cached(scan_pdf: Path, tmp_path: Path) -> None:
    db = tmp_path / "monitor.db"
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\nnot really a pdf\n%%EOF\n")
    items = [
        (str(scan_pdf), hashlib.sha256(scan_pdf.read_bytes()).hexdigest(), "pdf"),
        (str(broken), hashlib.sha256(broken.read_bytes()).hexdigest(), "pdf"),
    ]
    # a process of its own, whose workers see only its PATH: no tesseract for them
    proc = subprocess.run(
        [sys.executable, "-c", EXTRACT_IN_A_PROCESS, str(db), json.dumps(items)],
        capture_output=True, text=True, timeout=120, env={**os.environ, "PATH": VENV_ONLY},
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    first = json.loads(proc.stdout)
    assert first["extracted"] == 2
    scan, bad = (ExtractedText.model_validate(r) for r in first["results"])
    assert scan.failure is FailureKind.machine and "tesseract" in (scan.error or "")
    assert bad.failure is FailureKind.file
    store = Store(db)
    assert store.cached_extraction(items[0][1], EXTRACTOR_VERSION) is None  # the machine's fault: not kept
    assert store.cached_extraction(items[1][1], EXTRACTOR_VERSION) is not None  # the file's own: kept

    # tesseract is back: the scan is read, the broken file is not tried again
    results, extracted = extract_cached([(Path(p), s, f) for p, s, f in items], ExtractSettings(workers=1), store)
    assert extracted == 1
    assert results[0].error is None and "наставнических пар" in results[0].text.replace("\n", " ")


def test_a_timeout_is_not_a_property_of_the_file(scan_pdf: Path) -> None:
    result = extract_file(scan_pdf, "x" * 64, ExtractSettings(timeout_seconds=0.01))
    assert result.failure is FailureKind.transient and not result.cacheable


@pytest.mark.slow
def test_a_run_without_tesseract_says_so_and_never_gives_not_met(tmp_path: Path, scan_pdf: Path) -> None:
    """The scanned pairs order sits in the section: «частично» with the machine's reason, then met once OCR is back."""
    page = html(
        "<nav><a href='/nastavnichestvo/'>Наставничество</a></nav>"
        "<main><h1>Наставничество</h1><p>Система наставничества педагогических работников школы.</p>"
        "<a href='/files/scan-0902.pdf'>Скан от 02.09.2025</a></main>"
    )
    site = Site(
        routes={
            "/": Route(html("<nav><a href='/nastavnichestvo/'>Наставничество</a></nav><main>Школа</main>")),
            "/nastavnichestvo/": Route(page),
            "/files/scan-0902.pdf": Route(scan_pdf.read_bytes(), headers={"Content-Type": "application/pdf"}),
        }
    ).start()
    try:
        no_ocr = {**os.environ, "PATH": VENV_ONLY}
        proc, rules = run_monitoring(tmp_path, site.url, period="2026-04", today="2026-05-15", env=no_ocr)
        assert "Внимание" in proc.stderr and "tesseract" in proc.stderr  # loud even with --quiet
        assert rules["pairs"]["status"] == "partial", rules["pairs"]
        assert "на компьютере не установлен tesseract" in rules["pairs"]["note"]
        assert "not_met" not in {r["status"] for r in rules.values()}
        brief = (tmp_path / "out" / "spravka-2026-04.html").read_text(encoding="utf-8")
        appendix = (tmp_path / "out" / "prilozhenie-2026-04.html").read_text(encoding="utf-8")
        assert "Ограничение проверки" in brief and "tesseract" in appendix  # program names: in the appendix

        _, rules = run_monitoring(tmp_path, site.url, period="2026-05", today="2026-05-15")
        assert rules["pairs"]["status"] == "met", rules["pairs"]
    finally:
        site.stop()


@pytest.mark.slow
def test_a_brief_that_cannot_be_written_fails_the_run_and_resume_finishes_it(tmp_path: Path) -> None:
    """The findings survive a failed write of the brief; --resume writes it without crawling again."""
    site = Site(routes={"/": Route(html("<main><h1>Школа</h1><p>Новости школы.</p></main>"))}).start()
    try:
        registry = one_school_registry(tmp_path, site.url)
        out = tmp_path / "out"
        (out / "spravka-2026-05.html").mkdir(parents=True)  # the brief's name is taken: its write fails (EISDIR)
        argv = [
            sys.executable, "-m", "crawler.cli", "run", "-r", str(registry), "--db", str(tmp_path / "m.db"),
            "--out", str(out), "--period", "2026-05", "--today", "2026-05-15", "--quiet",
        ]  # fmt: skip
        failed = subprocess.run(argv, capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL)
        assert failed.returncode == 1, failed.stdout + failed.stderr
        assert "справка не записана" in failed.stderr and "--resume" in failed.stderr
        assert "Traceback" not in failed.stderr
        store = Store(tmp_path / "m.db")
        assert [r["status"] for r in store.runs("2026-05")] == ["failed"]
        requests_before = len(site.log)

        (out / "spravka-2026-05.html").rmdir()
        resumed = subprocess.run(
            [*argv, "--resume"], capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL
        )
        assert resumed.returncode == 0, resumed.stdout + resumed.stderr
        assert (out / "spravka-2026-05.html").is_file()
        assert [r["status"] for r in store.runs("2026-05")] == ["done"]  # the same run, finished
        assert len(site.log) == requests_before  # nothing crawled again
    finally:
        site.stop()
