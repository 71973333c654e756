"""What this computer needs to read every document, and whether it has it (`crawler doctor`, run preflight).

The programs here are the only external programs the tool and its tests call; `scripts/setup.sh` installs
their packages and a test compares the two lists with the code, so a fresh machine cannot lack one silently.
The core only reports; the CLI presents.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from crawler.errors import os_error_ru


@dataclass(frozen=True)
class Program:
    """An external program, the Debian package that brings it, and what is lost without it."""

    name: str
    package: str
    purpose: str  # Russian: what it does for the monitoring
    without: str  # Russian: what happens to documents without it
    required: bool = True  # the monitoring itself needs it (not only the tests or an optional feature)


PROGRAMS: tuple[Program, ...] = (
    Program(
        "tesseract",
        "tesseract-ocr",
        "распознавание сканов",
        "сканы документов не распознаются и отмечаются как непрочитанные",
    ),
    Program(
        "antiword",
        "antiword",
        "чтение документов Word (DOC)",
        "документы DOC читаются запасной программой catdoc или отмечаются как непрочитанные",
    ),
    Program(
        "catdoc",
        "catdoc",
        "чтение документов Word (DOC), запасной способ",
        "документы DOC, которые не прочитал antiword, отмечаются как непрочитанные",
    ),
    Program(
        "xls2csv",
        "catdoc",
        "чтение таблиц Excel (XLS)",
        "таблицы XLS (базы наставников) отмечаются как непрочитанные",
    ),
    Program(
        "chromium",
        "chromium",
        "браузер (без окна) для сайтов, меню которых строит скрипт; проверка вида справки в тестах",
        "сайты, меню которых строит скрипт, получают «не удалось проверить» (проверьте их вручную)",
    ),
    Program(
        "soffice",
        "libreoffice-writer-nogui",
        "документы LibreOffice для отложенного набора тестов",
        "не собирается отложенный набор документов (только для тестов)",
        required=False,
    ),
)
# Programs reached through a library: the scan in tests/test_setup.py cannot see these calls in the code.
LIBRARY_PROGRAMS = {"pytesseract": "tesseract", "playwright": "chromium"}
RUSSIAN_MODEL_PACKAGE = "tesseract-ocr-rus"
FONT_PACKAGE = "fonts-dejavu-core"
FONT_FILES = (
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
)


@dataclass(frozen=True)
class Check:
    """One line of the doctor's answer."""

    what: str  # Russian
    ok: bool
    detail: str  # Russian: what was found, or what is lost
    package: str | None = None  # Debian package that fixes it
    required: bool = True

    @property
    def problem(self) -> bool:
        return not self.ok and self.required


def check_programs() -> list[Check]:
    """Every external program, and the Russian model of tesseract."""
    checks = []
    for program in PROGRAMS:
        path = shutil.which(program.name)
        checks.append(
            Check(
                what=f"{program.name} — {program.purpose}",
                ok=path is not None,
                detail=path or f"не установлена: {program.without}",
                package=program.package,
                required=program.required,
            )
        )
    langs = tesseract_languages() if shutil.which("tesseract") else set()
    checks.append(
        Check(
            what="tesseract — русская модель (rus)",
            ok="rus" in langs,
            detail="есть" if "rus" in langs else f"нет (установлены: {', '.join(sorted(langs)) or 'никакие'})",
            package=RUSSIAN_MODEL_PACKAGE,
        )
    )
    fonts = [f for f in FONT_FILES if f.exists()]
    checks.append(
        Check(
            what="шрифты DejaVu (диаграммы справки DOCX, документы демонстрационного округа)",
            ok=len(fonts) == len(FONT_FILES),
            detail=str(FONT_FILES[0].parent) if fonts else "не найдены",
            package=FONT_PACKAGE,
        )
    )
    return checks


def tesseract_languages() -> set[str]:
    try:
        proc = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return set()
    lines = (proc.stdout + proc.stderr).splitlines()
    return {ln.strip() for ln in lines if ln.strip() and " " not in ln.strip() and not ln.endswith(":")}


def check_writable(path: Path, what: str) -> Check:
    """Can the tool create files in this directory (creating it if needed)?"""
    try:
        path.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path, prefix=".doctor-"):
            pass
    except OSError as exc:
        return Check(what=what, ok=False, detail=f"{path}: запись невозможна ({os_error_ru(exc)})")
    return Check(what=what, ok=True, detail=str(path))


def missing_packages(checks: list[Check], *, required_only: bool = False) -> list[str]:
    """Debian packages that would fix the failed checks, in the order found."""
    out: list[str] = []
    for check in checks:
        if not check.ok and check.package and (check.required or not required_only) and check.package not in out:
            out.append(check.package)
    return out


def apt_line(packages: list[str]) -> str | None:
    if not packages:
        return None
    sudo = "" if os.geteuid() == 0 else "sudo "
    return f"{sudo}apt-get install -y --no-install-recommends {' '.join(packages)}"


def run_warnings(checks: list[Check]) -> list[str]:
    """What a monitoring run on this computer will not be able to read (for the start and the brief's method)."""
    warnings = []
    for check in checks:
        if check.problem and check.package:
            warnings.append(f"{check.what}: {check.detail}")
    return warnings


def check_setup(
    *,
    registry: Path | None,
    db: Path,
    out: Path,
    config: Path | None,
    rules_dir: Path | None,
) -> list[Check]:
    """The programs, then what a run of this installation reads and writes: settings, rules, registry, folders."""
    from crawler.config import ConfigError, load_config
    from crawler.registry import RegistryError, load_registry
    from crawler.ruleset import RulesError, load_ruleset

    checks = check_programs()
    rules_from_config = None
    if config is not None:
        try:
            rules_from_config = load_config(config).rules_dir
            checks.append(Check(what="файл настроек", ok=True, detail=str(config)))
        except ConfigError as exc:
            checks.append(Check(what="файл настроек", ok=False, detail=str(exc)))
    try:
        ruleset = load_ruleset(rules_dir or rules_from_config)
        checks.append(Check(what="правила (критерии справки)", ok=True, detail=f"критериев: {len(ruleset.rules)}"))
    except RulesError as exc:
        checks.append(Check(what="правила (критерии справки)", ok=False, detail="; ".join(exc.problems[:3])))
    if registry is not None:
        try:
            loaded = load_registry(registry)
            checks.append(Check(what="реестр организаций", ok=True, detail=f"{registry}: {len(loaded.organizations)}"))
        except RegistryError as exc:
            checks.append(Check(what="реестр организаций", ok=False, detail="; ".join(exc.problems[:3])))
    checks.append(check_writable(db.parent, "каталог базы истории (запись)"))
    checks.append(check_writable(out, "каталог справок (запись)"))
    return checks
