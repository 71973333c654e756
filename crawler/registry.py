"""The registry of organizations: a YAML file the ИДК keeps, or a folder of them for a region.

A district's file names the district and its organizations; an organization may name its own district
(a region kept in one file). A folder holds one file per district (a regional institute's registry); ids
and sites are unique across the whole folder. Validation errors are collected (not raised one by one) and
each names the file, the line, the organization and the field in Russian, so a methodologist can fix the
whole registry in one go.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import yaml

from crawler.models import Organization, OrgKind, Registry

ID_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
KIND_ALIASES = {
    "оо": OrgKind.OO,
    "школа": OrgKind.OO,
    "доу": OrgKind.DOU,
    "доо": OrgKind.DOU,
    "до": OrgKind.DO,
    "удо": OrgKind.DO,
}
KNOWN_FIELDS = {"id", "name", "kind", "site", "aliases", "notes", "district"}


class RegistryError(Exception):
    """The registry file is invalid; `problems` holds one Russian line per problem."""

    def __init__(self, path: Path, problems: list[str]):
        self.path = path
        self.problems = problems
        super().__init__("\n".join(problems))


def normalize_url(raw: str) -> str:
    """Return scheme://host[:port]/path with an IDN host in punycode and a lowercase host.

    Raises ValueError with a Russian message when the value is not a web address.
    """
    value = raw.strip()
    if not value:
        raise ValueError("пустой адрес сайта")
    if "://" not in value:
        value = "http://" + value
    parts = urlsplit(value)
    if parts.scheme.lower() not in ("http", "https"):
        raise ValueError(f"адрес «{raw}» должен начинаться с http:// или https://")
    host = parts.hostname
    if not host or " " in host or ("." not in host and host != "localhost"):
        raise ValueError(f"в адресе «{raw}» нет имени сайта")
    try:
        ascii_host = host.encode("idna").decode("ascii")
    except UnicodeError as exc:
        raise ValueError(f"имя сайта «{host}» недопустимо: {exc}") from exc
    try:
        port = parts.port
    except ValueError as exc:
        raise ValueError(f"в адресе «{raw}» неверный порт") from exc
    netloc = ascii_host.lower() + (f":{port}" if port else "")
    path = parts.path or "/"
    return urlunsplit((parts.scheme.lower(), netloc, path, parts.query, ""))


def _site_key(url: str) -> str:
    """Key for duplicate detection: host without www, path without trailing slash."""
    parts = urlsplit(url)
    host = (parts.hostname or "").removeprefix("www.")
    port = f":{parts.port}" if parts.port else ""
    return host + port + parts.path.rstrip("/")


def _line_of(node: yaml.Node | None) -> int | None:
    return node.start_mark.line + 1 if node is not None else None


def _mapping_get(node: yaml.MappingNode, key: str) -> yaml.Node | None:
    for k, v in node.value:
        if isinstance(k, yaml.ScalarNode) and k.value == key:
            return v
    return None


class _Seen:
    """Ids and sites already taken, across every file of a folder: (file, line) and owner."""

    def __init__(self) -> None:
        self.ids: dict[str, tuple[Path, int | None]] = {}
        self.sites: dict[str, str] = {}


def load_registry(path: Path) -> Registry:
    """Read and validate a registry file, or a folder of district files; raise RegistryError with every problem."""
    if path.is_dir():
        return _load_folder(path)
    return _load_file(path, _Seen())


def _load_folder(folder: Path) -> Registry:
    files = sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and not p.name.startswith("."))
    if not files:
        raise RegistryError(folder, [f"{folder}: в каталоге нет файлов реестра (*.yaml)"])
    seen = _Seen()
    organizations: list[Organization] = []
    problems: list[str] = []
    region: str | None = None
    for file in files:
        try:
            part = _load_file(file, seen)
        except RegistryError as exc:
            problems.extend(exc.problems)
            continue
        organizations.extend(part.organizations)
        region = region or part.region
    if problems:
        raise RegistryError(folder, problems)
    return Registry(district=region or folder.name, region=region or folder.name, organizations=organizations)


def _load_file(path: Path, seen: _Seen) -> Registry:
    where = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise RegistryError(path, [f"{where}: файл не найден"]) from None
    except UnicodeDecodeError:
        raise RegistryError(path, [f"{where}: файл должен быть в кодировке UTF-8"]) from None
    try:
        root = yaml.compose(text)
        data: Any = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at_line = f", строка {mark.line + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise RegistryError(path, [f"{where}{at_line}: ошибка синтаксиса YAML ({problem})"]) from None

    problems: list[str] = []
    if not isinstance(data, dict) or not isinstance(root, yaml.MappingNode):
        raise RegistryError(path, [f"{where}: ожидается описание округа с полями district и organizations"])
    district = data.get("district")
    if not isinstance(district, str) or not district.strip():
        problems.append(f"{where}: не указано название округа (поле district)")
    orgs_raw = data.get("organizations")
    orgs_node = _mapping_get(root, "organizations")
    if not isinstance(orgs_raw, list) or not isinstance(orgs_node, yaml.SequenceNode):
        problems.append(f"{where}: нет списка организаций (поле organizations)")
        raise RegistryError(path, problems)

    region = data.get("region")
    if region is not None and (not isinstance(region, str) or not region.strip()):
        problems.append(f"{where}: поле region должно быть названием региона")
        region = None
    organizations: list[Organization] = []
    for index, (item, node) in enumerate(zip(orgs_raw, orgs_node.value, strict=True), start=1):
        line = _line_of(node)
        label = f"организация № {index}"
        if isinstance(item, dict) and item.get("id"):
            label = f"организация «{item.get('id')}»"
        prefix = f"{where}, строка {line}, {label}"
        if not isinstance(item, dict) or not isinstance(node, yaml.MappingNode):
            problems.append(f"{prefix}: ожидается набор полей id, name, kind, site")
            continue

        def field_line(field: str, _node: yaml.MappingNode = node, _line: int | None = line) -> int | None:
            return _line_of(_mapping_get(_node, field)) or _line

        def bad(field: str, message: str, _label: str = label) -> None:
            problems.append(f"{where}, строка {field_line(field)}, {_label}, поле {field}: {message}")

        for key in item:
            if key not in KNOWN_FIELDS:
                bad(str(key), "неизвестное поле (допустимы: " + ", ".join(sorted(KNOWN_FIELDS)) + ")")
        org_id = item.get("id")
        if not isinstance(org_id, str) or not ID_RE.match(org_id):
            bad("id", "нужен латинский идентификатор из строчных букв, цифр, «-» и «_» (например, sosh-1)")
            org_id = None
        elif org_id in seen.ids:
            other_file, other_line = seen.ids[org_id]
            there = f"строке {other_line}" if other_file == path else f"файле {other_file}, строка {other_line}"
            bad("id", f"идентификатор уже использован в {there}")
        else:
            seen.ids[org_id] = (path, line)
        name = item.get("name")
        if not isinstance(name, str) or not name.strip():
            bad("name", "не указано название организации")
        kind_raw = item.get("kind")
        kind = KIND_ALIASES.get(str(kind_raw).strip().lower()) if kind_raw is not None else None
        if kind is None:
            bad("kind", f"тип «{kind_raw}» неизвестен; допустимы ОО, ДОУ, ДО")
        site_raw = item.get("site")
        site = None
        if not isinstance(site_raw, str):
            bad("site", "не указан адрес официального сайта")
        else:
            try:
                site = normalize_url(site_raw)
            except ValueError as exc:
                bad("site", str(exc))
        aliases: list[str] = []
        aliases_raw = item.get("aliases") or []
        if isinstance(aliases_raw, str):
            aliases_raw = [aliases_raw]
        if not isinstance(aliases_raw, list):
            bad("aliases", "ожидается список адресов")
            aliases_raw = []
        for alias in aliases_raw:
            try:
                aliases.append(normalize_url(str(alias)))
            except ValueError as exc:
                bad("aliases", str(exc))
        for url in [site, *aliases] if site else aliases:
            key = _site_key(url)
            owner = seen.sites.get(key)
            if owner and owner != org_id:
                bad("site", f"адрес {url} уже указан у организации «{owner}»")
            elif org_id:
                seen.sites[key] = org_id
        notes = item.get("notes") or ""
        own_district = item.get("district")
        if own_district is not None and (not isinstance(own_district, str) or not own_district.strip()):
            bad("district", "ожидается название округа")
            own_district = None
        if org_id and isinstance(name, str) and name.strip() and kind and site:
            organizations.append(
                Organization(
                    id=org_id,
                    name=name.strip(),
                    kind=kind,
                    site=site,
                    aliases=aliases,
                    notes=str(notes),
                    district=(own_district or str(district or "")).strip(),
                )
            )
    if not orgs_raw:
        problems.append(f"{where}: список организаций пуст")
    if problems:
        raise RegistryError(path, problems)
    return Registry(
        district=str(district).strip(),
        region=region.strip() if isinstance(region, str) else None,
        organizations=organizations,
    )


def dump_registry(registry: Registry) -> str:
    """YAML text of a registry (used to write the demo district's registry)."""
    data = {
        "district": registry.district,
        "organizations": [
            {
                k: v
                for k, v in o.model_dump(mode="json").items()
                if v not in ("", [], None) and not (k == "district" and v == registry.district)
            }
            for o in registry.organizations
        ],
    }
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
