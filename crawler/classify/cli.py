"""`crawler classify FILE|URL ...`: extraction and classification of documents a methodologist points at."""

from __future__ import annotations

import hashlib
import json
import tempfile
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from rich.console import Console
from rich.table import Table

from crawler.config import ExtractSettings
from crawler.models import DocPart, ExtractedText
from crawler.ru import DOC_TYPE_RU, ru_date

MAX_DOWNLOAD_BYTES = 30 * 1024 * 1024


class FetchError(Exception):
    pass


def _fetch(url: str, dest: Path) -> tuple[Path, str | None, str | None]:
    """Download one URL (size-capped) into dest; returns (path, content type, file name)."""
    import httpx

    try:
        with httpx.stream("GET", url, follow_redirects=True, timeout=30, verify=False) as response:
            if response.status_code >= 400:
                raise FetchError(f"сервер ответил {response.status_code}")
            name = Path(unquote(urlparse(str(response.url)).path)).name or None
            disposition = response.headers.get("content-disposition", "")
            if "filename=" in disposition:
                name = unquote(disposition.split("filename=")[-1].strip("\"'; ")) or name
            size = 0
            target = dest / "download.bin"
            with target.open("wb") as fh:
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > MAX_DOWNLOAD_BYTES:
                        raise FetchError(f"файл больше {MAX_DOWNLOAD_BYTES // (1024 * 1024)} МБ")
                    fh.write(chunk)
            return target, response.headers.get("content-type"), name
    except httpx.HTTPError as exc:
        raise FetchError(f"не удалось загрузить: {type(exc).__name__}") from None


def classify_one(target: str, settings: ExtractSettings, org_name: str | None) -> dict[str, Any]:
    """Extract and classify one file or URL; the result is JSON-ready."""
    from crawler.classify import analyze
    from crawler.extract import extract_many
    from crawler.extract.sniff import hint_from_name

    with tempfile.TemporaryDirectory(prefix="classify-") as tmp:
        file_name: str | None
        if urlparse(target).scheme in ("http", "https"):
            try:
                path, content_type, file_name = _fetch(target, Path(tmp))
            except FetchError as exc:
                return {"source": target, "error": str(exc), "parts": []}
            fmt = None
            from crawler.extract.sniff import hint_from_content_type

            declared = hint_from_name(file_name) or hint_from_content_type(content_type)
            if declared:
                fmt = declared
        else:
            path = Path(target)
            file_name = path.name
            fmt = None
            if not path.is_file():
                return {"source": target, "error": "файл не найден", "parts": []}
        sha = hashlib.sha256(path.read_bytes()).hexdigest()
        extracted: ExtractedText = extract_many([(path, sha, fmt)], settings)[0]
    parts: list[DocPart] = analyze(
        extracted.text,
        fmt=extracted.format,
        file_name=file_name,
        org_name=org_name,
        signature_field=extracted.signature_field,
    )
    return {
        "source": target,
        "format": extracted.format,
        "pages": extracted.pages,
        "ocr_used": extracted.ocr_used,
        "is_scan": extracted.is_scan,
        "broken_text_layer": extracted.broken_text_layer,
        "error": extracted.error,
        "parts": [p.model_dump(mode="json") for p in parts],
    }


def classify_targets(targets: list[str], *, as_json: bool, org_name: str | None, console: Console) -> int:
    settings = ExtractSettings(workers=1)
    results = [classify_one(t, settings, org_name) for t in targets]
    if as_json:
        flat = []
        for res in results:
            common = {k: v for k, v in res.items() if k != "parts"}
            if not res["parts"]:
                flat.append({**common, "type": None, "title": None, "approved_on": None, "number": None})
            for part in res["parts"]:
                flat.append({**common, **part})
        console.print_json(json.dumps(flat, ensure_ascii=False))
    else:
        _print_table(results, console)
    return 0 if all(r.get("parts") for r in results) else 1


def _print_table(results: list[dict[str, Any]], console: Console) -> None:
    for res in results:
        head = f"{res['source']}"
        if res.get("format"):
            flags = [res["format"]]
            if res.get("pages"):
                flags.append(f"стр.: {res['pages']}")
            if res.get("is_scan"):
                flags.append("скан")
            if res.get("ocr_used"):
                flags.append("распознан OCR")
            if res.get("broken_text_layer"):
                flags.append("испорченный текстовый слой")
            head += f" ({', '.join(flags)})"
        console.print(head)
        if res.get("error"):
            console.print(f"  Не удалось прочитать: {res['error']}")
        if not res["parts"]:
            continue
        for number, part in enumerate(res["parts"], 1):
            console.print(_part_table(part, number, len(res["parts"])))


def _part_table(part: dict[str, Any], number: int, total: int) -> Table:
    """One logical document as a two-column table (reads well in a narrow terminal)."""
    caption = f"Документ {number} из {total}" if total > 1 else "Документ"
    table = Table(title=caption, show_header=False, show_lines=False, title_justify="left")
    table.add_column("Поле", style="bold", no_wrap=True)
    table.add_column("Значение", overflow="fold")
    period = ", ".join(part["academic_years"]) or (
        f"{_ru_date(part['period_start']) or '…'} – {_ru_date(part['period_end']) or '…'}"
        if part["period_start"] or part["period_end"]
        else "—"
    )
    owner = part["owner_name"] or "—"
    if part["owner_matches"] is False:
        owner += " (не совпадает с владельцем сайта)"
    elif part["owner_matches"] is True:
        owner += " (совпадает с владельцем сайта)"
    kind = DOC_TYPE_RU.get(part["type"], part["type"])
    if part["type"] == "other" and part.get("pay_act"):
        kind += " (положение об оплате труда без выплат за наставничество)"
    rows = [
        ("Тип", kind),
        ("Название", part["title"] or "—"),
        ("Дата", _ru_date(part["approved_on"]) or "—"),
        ("Номер", part["number"] or ("без номера" if part["unnumbered_approval"] else "—")),
        ("Период", period),
        ("Подпись", (part["signature_snippet"] or "есть") if part["signed"] else "нет отметки об ЭП"),
        ("Организация", owner),
        ("Основание типа", part["type_snippet"] or "—"),
        ("Утверждение", part["approval_snippet"] or "—"),
        ("Принятие", part["adopted_snippet"] or "—"),
        ("Период (текст)", part["period_snippet"] or "—"),
    ]
    if part["curator_snippet"]:
        rows.append(("Куратор", part["curator_snippet"]))
    if part["type"] == "pay_regulation" or part.get("pay_act"):
        rows.append(("Выплаты наставникам", part["pay_snippet"] or "пункта о наставничестве нет"))
    if part["type"] in ("regulation", "program", "roadmap"):
        rows.append(("Охват", "только обучающиеся" if part["pupil_only"] else "педагогические работники"))
    for name, value in rows:
        table.add_row(name, str(value))
    return table


def _ru_date(iso: str | None) -> str | None:
    """2024-03-11 → 11.03.2024."""
    return ru_date(date.fromisoformat(iso)) if iso else None
