"""Data files shipped inside the package (rule set, vocabulary, roadmap, brief templates).

Found through importlib.resources, so an installed wheel (pipx, pip) works from any directory; the
editable checkout reads the same files in place.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def package_dir(*parts: str) -> Path:
    """A data directory of the package as a real path (the package is always installed unpacked)."""
    resource = files("crawler").joinpath(*parts)
    if not isinstance(resource, Path):  # a zipped install: no code here reads from an archive
        raise RuntimeError(f"каталог данных пакета {'/'.join(parts)} недоступен как файлы: {resource}")
    return resource


def rules_dir() -> Path:
    """The rule set the package ships with: criteria, the classifier's vocabulary, the district roadmap."""
    return package_dir("rules")


def templates_dir() -> Path:
    """Jinja2 templates and styles of the brief and the letters."""
    return package_dir("report", "templates")
