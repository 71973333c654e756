"""The district registry of organizations: a YAML file the ИДК keeps.

Validation errors are collected (not raised one by one) and each names the
file, the line, the organization and the field in Russian, so a methodologist
can fix the whole file in one go.
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
KNOWN_FIELDS = {"id", "name", "kind", "site", "aliases", "notes"}


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


def load_registry(path: Path) -> Registry:
    """Read and validate a registry file; raise RegistryError listing every problem."""
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

    organizations: list[Organization] = []
    seen_ids: dict[str, int | None] = {}
    seen_sites: dict[str, str] = {}
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
        elif org_id in seen_ids:
            bad("id", f"идентификатор уже использован в строке {seen_ids[org_id]}")
        else:
            seen_ids[org_id] = line
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
            owner = seen_sites.get(key)
            if owner and owner != org_id:
                bad("site", f"адрес {url} уже указан у организации «{owner}»")
            elif org_id:
                seen_sites[key] = org_id
        notes = item.get("notes") or ""
        if org_id and isinstance(name, str) and name.strip() and kind and site:
            organizations.append(
                Organization(
                    id=org_id,
                    name=name.strip(),
                    kind=kind,
                    site=site,
                    aliases=aliases,
                    notes=str(notes),
                )
            )
    if not orgs_raw:
        problems.append(f"{where}: список организаций пуст")
    if problems:
        raise RegistryError(path, problems)
    return Registry(district=str(district).strip(), organizations=organizations)


def dump_registry(registry: Registry) -> str:
    """YAML text of a registry (used to write the demo district's registry)."""
    data = {
        "district": registry.district,
        "organizations": [
            {k: v for k, v in o.model_dump(mode="json").items() if v not in ("", [], None)}
            for o in registry.organizations
        ],
    }
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
