"""A fresh machine gets every program the code and the tests call: setup.sh, the doctor and the code agree.

The scan reads the source (no program is run): the programs handed to subprocess, found with shutil.which,
addressed by an absolute path, or reached through a library (pytesseract, playwright). Each must be one of the
doctor's programs, and its Debian package must be in scripts/setup.sh. A new program in the code without its
package in setup.sh fails here, not on CI's fresh machine.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from crawler.doctor import FONT_PACKAGE, LIBRARY_PROGRAMS, PROGRAMS, RUSSIAN_MODEL_PACKAGE

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [p for d in ("crawler", "tests", "bench", "scripts") for p in (ROOT / d).rglob("*.py")]
SPAWNERS = {"run", "Popen", "call", "check_call", "check_output", "_run_tool"}
# programs of the Python environment itself, and of every Debian base system (git: no checkout without it;
# mount/umount: util-linux, essential)
NOT_DEBIAN = {"python", "python3", "crawler", "git", "mount", "umount"}
ALIASES = {"libreoffice": "soffice"}  # the same LibreOffice binary under its other name


def setup_packages() -> set[str]:
    text = (ROOT / "scripts" / "setup.sh").read_text(encoding="utf-8")
    match = re.search(r"DEB_PACKAGES=\(([^)]*)\)", text)
    assert match, "scripts/setup.sh has no DEB_PACKAGES=(…) list"
    return set(match.group(1).split())


def _program(node: ast.AST) -> set[str]:
    """Program names a command's first element may be: «"x"», «shutil.which("x") or "x"», «"/usr/bin/x"»."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return {Path(node.value).name}
    if isinstance(node, ast.BoolOp):
        return {name for value in node.values for name in _program(value)}
    if isinstance(node, ast.Call):
        return {name for arg in node.args for name in _program(arg)}
    return set()


def _command_programs(node: ast.AST) -> set[str]:
    if isinstance(node, ast.List | ast.Tuple) and node.elts:
        first = node.elts[0]
        if isinstance(first, ast.List | ast.Tuple):  # a list of alternative commands
            return {name for elt in node.elts for name in _command_programs(elt)}
        return _program(first)
    return _program(node) if isinstance(node, ast.Constant) else set()


def called_programs(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
            if name == "which" and node.args:
                found |= _program(node.args[0])
            elif isinstance(func, ast.Name) and name in {"run", "call"}:
                continue  # a local helper of that name, not subprocess's
            elif (name in SPAWNERS or name == "_read_with_tools") and node.args:
                found |= _command_programs(node.args[0])
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            if re.fullmatch(r"/usr/(local/)?s?bin/[\w.+-]+", node.value):
                found.add(Path(node.value).name)
        elif isinstance(node, ast.Import | ast.ImportFrom):
            modules = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
            for module in modules:
                root = module.split(".")[0]
                if root in LIBRARY_PROGRAMS:
                    found.add(LIBRARY_PROGRAMS[root])
    return {ALIASES.get(name, name) for name in found} - NOT_DEBIAN


def test_the_scan_sees_the_known_calls() -> None:
    """The scanner itself: it must find what is certainly there, or the real test below proves nothing."""
    seen = {p for path in SOURCES for p in called_programs(path)}
    assert {"tesseract", "antiword", "catdoc", "xls2csv", "chromium", "soffice"} <= seen, seen


def test_every_called_program_is_known_and_installed_by_setup() -> None:
    known = {p.name: p.package for p in PROGRAMS}
    packages = setup_packages()
    problems = []
    for path in SOURCES:
        for program in sorted(called_programs(path)):
            if program not in known:
                problems.append(f"{path.relative_to(ROOT)}: calls «{program}», unknown to crawler.doctor.PROGRAMS")
            elif known[program] not in packages:
                problems.append(f"{path.relative_to(ROOT)}: «{program}» needs {known[program]}, not in setup.sh")
    assert not problems, "\n".join(problems)


def test_setup_installs_every_package_the_doctor_checks() -> None:
    wanted = {p.package for p in PROGRAMS} | {RUSSIAN_MODEL_PACKAGE, FONT_PACKAGE}
    assert wanted <= setup_packages(), wanted - setup_packages()
