"""Registry validation: a good file loads, every kind of bad line is named in Russian."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from crawler.models import OrgKind
from crawler.registry import RegistryError, dump_registry, load_registry, normalize_url

GOOD = """\
district: Тонкинский муниципальный округ
organizations:
  - id: sosh-1
    name: МБОУ «Тонкинская СОШ № 1»
    kind: ОО
    site: https://Tonkino-School1.ru
    aliases: [http://old-school1.narod.ru/]
  - id: ds-2
    name: МБДОУ детский сад № 2 «Солнышко»
    kind: ДОУ
    site: детсад-солнышко.рф
    notes: сайт на Госвебе с 2024 года
  - id: ddt
    name: МБУ ДО «Дом детского творчества»
    kind: ДО
    site: http://ddt-tonkino.ru/main/
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "orgs.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def problems_of(tmp_path: Path, text: str) -> list[str]:
    with pytest.raises(RegistryError) as info:
        load_registry(write(tmp_path, text))
    return info.value.problems


def test_good_registry_loads_and_normalizes(tmp_path: Path) -> None:
    registry = load_registry(write(tmp_path, GOOD))
    assert registry.district == "Тонкинский муниципальный округ"
    assert [o.id for o in registry.organizations] == ["sosh-1", "ds-2", "ddt"]
    school, kindergarten, ddt = registry.organizations
    assert school.site == "https://tonkino-school1.ru/"
    assert school.aliases == ["http://old-school1.narod.ru/"]
    assert kindergarten.kind is OrgKind.DOU
    # IDN domains become punycode so that every HTTP client and comparison agrees
    assert kindergarten.site.startswith("http://xn--")
    assert kindergarten.site.endswith(".xn--p1ai/")
    assert ddt.site == "http://ddt-tonkino.ru/main/"


def test_dump_and_reload_round_trip(tmp_path: Path) -> None:
    registry = load_registry(write(tmp_path, GOOD))
    again = load_registry(write(tmp_path, dump_registry(registry)))
    assert again == registry


@pytest.mark.parametrize(
    ("entry", "line", "expected"),
    [
        ("  - id: Школа 1\n    name: x\n    kind: ОО\n    site: a.ru\n", 3, "поле id: нужен латинский"),
        ("  - id: s1\n    name: ''\n    kind: ОО\n    site: a.ru\n", 4, "поле name: не указано название"),
        ("  - id: s1\n    name: x\n    kind: СПО\n    site: a.ru\n", 5, "поле kind: тип «СПО» неизвестен"),
        ("  - id: s1\n    name: x\n    kind: ОО\n    site: ftp://a.ru\n", 6, "поле site: адрес «ftp://a.ru»"),
        ("  - id: s1\n    name: x\n    kind: ОО\n", 3, "поле site: не указан адрес"),
        (
            "  - id: s1\n    name: x\n    kind: ОО\n    site: a.ru\n    director: y\n",
            7,
            "поле director: неизвестное",
        ),
    ],
)
def test_each_bad_field_is_named_with_its_line(tmp_path: Path, entry: str, line: int, expected: str) -> None:
    text = "district: Округ\norganizations:\n" + entry
    problems = problems_of(tmp_path, text)
    assert len(problems) == 1, problems
    assert f"orgs.yaml, строка {line}," in problems[0]
    assert expected in problems[0]


def test_duplicate_ids_and_sites_are_rejected(tmp_path: Path) -> None:
    text = (
        "district: Округ\norganizations:\n"
        "  - {id: s1, name: Школа 1, kind: ОО, site: http://school.ru/}\n"
        "  - {id: s1, name: Школа 2, kind: ОО, site: http://other.ru/}\n"
        "  - {id: s3, name: Школа 3, kind: ОО, site: https://www.school.ru}\n"
    )
    problems = problems_of(tmp_path, text)
    assert any("строка 4" in p and "идентификатор уже использован в строке 3" in p for p in problems)
    assert any("строка 5" in p and "уже указан у организации «s1»" in p for p in problems)


def test_syntax_error_names_the_line(tmp_path: Path) -> None:
    problems = problems_of(tmp_path, "district: Округ\norganizations:\n  - id: [s1\n")
    assert "строка" in problems[0] and "ошибка синтаксиса YAML" in problems[0]


def test_missing_file_and_empty_list(tmp_path: Path) -> None:
    with pytest.raises(RegistryError, match="файл не найден"):
        load_registry(tmp_path / "nope.yaml")
    assert "список организаций пуст" in problems_of(tmp_path, "district: Округ\norganizations: []\n")[0]


def test_normalize_url_rejects_garbage() -> None:
    with pytest.raises(ValueError, match="нет имени сайта"):
        normalize_url("http://")
    punycode = "школа.рф".encode("idna").decode()
    assert normalize_url("Школа.РФ/Наставничество") == f"http://{punycode}/Наставничество"


def test_cli_orgs_check_exit_codes(tmp_path: Path) -> None:
    good = write(tmp_path, GOOD)
    ok = subprocess.run(
        [sys.executable, "-m", "crawler.cli", "orgs", "check", str(good)], capture_output=True, text=True
    )
    assert ok.returncode == 0, ok.stderr
    assert "Реестр в порядке" in ok.stdout and "организаций 3" in ok.stdout
    bad = tmp_path / "bad.yaml"
    bad.write_text("district: Округ\norganizations:\n  - {id: s1, name: x, kind: XX, site: a.ru}\n", "utf-8")
    fail = subprocess.run(
        [sys.executable, "-m", "crawler.cli", "orgs", "check", str(bad)], capture_output=True, text=True
    )
    assert fail.returncode == 2
    assert "строка 3" in fail.stderr and "тип «XX» неизвестен" in fail.stderr


def test_cli_usage_errors_are_russian_and_exit_2(tmp_path: Path) -> None:
    missing = subprocess.run([sys.executable, "-m", "crawler.cli", "run"], capture_output=True, text=True)
    assert missing.returncode == 2
    assert "не указан параметр --registry" in missing.stderr and "crawler.cli run -h" in missing.stderr
    typo = subprocess.run([sys.executable, "-m", "crawler.cli", "rn"], capture_output=True, text=True)
    assert typo.returncode == 2 and "нет такой команды" in typo.stderr and "run" in typo.stderr
    bogus = subprocess.run([sys.executable, "-m", "crawler.cli", "export", "--bogus"], capture_output=True, text=True)
    assert bogus.returncode == 2 and "нет такого параметра --bogus" in bogus.stderr
    helped = subprocess.run([sys.executable, "-m", "crawler.cli", "run", "-h"], capture_output=True, text=True)
    assert helped.returncode == 0 and "Реестр организаций" in helped.stdout and "обязательно" in helped.stdout
    assert "Использование:" in helped.stdout and "Показать эту справку и выйти." in helped.stdout
    assert "Usage" not in helped.stdout and "Show this message" not in helped.stdout
    # a value Typer checks with pydantic: its English words are said in Russian
    year = subprocess.run(
        [sys.executable, "-m", "crawler.cli", "report", "--year", "abc"], capture_output=True, text=True
    )
    assert year.returncode == 2 and "'abc' — не целое число" in year.stderr and "Input should" not in year.stderr


def _district_file(path: Path, district: str, orgs: list[tuple[str, str]], region: str | None = None) -> None:
    data: dict[str, object] = {
        "district": district,
        "organizations": [{"id": i, "name": f"МБОУ «{i}»", "kind": "ОО", "site": s} for i, s in orgs],
    }
    if region:
        data["region"] = region
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_a_folder_is_a_region_of_district_files(tmp_path: Path) -> None:
    region = tmp_path / "region"
    region.mkdir()
    _district_file(region / "01-tonkino.yaml", "Тонкинский МО", [("t-1", "http://t1.ru/"), ("t-2", "http://t2.ru/")])
    _district_file(
        region / "02-shakhunya.yaml", "Шахунский МО", [("s-1", "http://s1.ru/")], region="Нижегородская область"
    )
    registry = load_registry(region)
    assert registry.region == "Нижегородская область"
    assert registry.districts() == ["Тонкинский МО", "Шахунский МО"]
    assert [o.district for o in registry.organizations] == ["Тонкинский МО", "Тонкинский МО", "Шахунский МО"]


def test_ids_and_sites_are_unique_across_the_region(tmp_path: Path) -> None:
    region = tmp_path / "region"
    region.mkdir()
    _district_file(region / "a.yaml", "Округ А", [("sosh-1", "http://a1.ru/")])
    _district_file(region / "b.yaml", "Округ Б", [("sosh-1", "http://b1.ru/"), ("sosh-2", "http://a1.ru/")])
    with pytest.raises(RegistryError) as caught:
        load_registry(region)
    text = "\n".join(caught.value.problems)
    assert f"идентификатор уже использован в файле {region / 'a.yaml'}" in text
    assert "адрес http://a1.ru/ уже указан у организации «sosh-1»" in text


def test_an_organization_may_name_its_own_district(tmp_path: Path) -> None:
    path = tmp_path / "registry.yaml"
    path.write_text(
        "district: Нижегородская область\norganizations:\n"
        "  - {id: a, name: МБОУ А, kind: ОО, site: http://a.ru/, district: Тонкинский МО}\n"
        "  - {id: b, name: МБОУ Б, kind: ОО, site: http://b.ru/, district: Шахунский МО}\n"
        "  - {id: c, name: МБОУ В, kind: ОО, site: http://c.ru/, district: ''}\n",
        encoding="utf-8",
    )
    with pytest.raises(RegistryError, match="поле district: ожидается название округа"):
        load_registry(path)
    path.write_text(path.read_text(encoding="utf-8").replace(", district: ''", ""), encoding="utf-8")
    assert load_registry(path).districts() == ["Тонкинский МО", "Шахунский МО", "Нижегородская область"]
