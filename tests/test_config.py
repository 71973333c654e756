"""The configuration file: the documented example validates, mistakes are named in Russian."""

from __future__ import annotations

from pathlib import Path

import pytest

from crawler.config import AppConfig, ConfigError, load_config

EXAMPLE = Path(__file__).resolve().parents[1] / "config.example.yaml"


def test_defaults_need_no_file() -> None:
    config = load_config(None)
    assert config.crawl.obey_robots and config.crawl.per_site_concurrency == 2
    assert config.crawl.user_agent.isascii()


def test_documented_example_validates() -> None:
    config = load_config(EXAMPLE)
    assert config.signatory.name == "И. И. Иванова"
    assert "contact:" in config.crawl.user_agent
    assert config.smtp.enabled is False
    assert AppConfig.model_fields.keys() <= {*config.model_dump().keys()}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("crawl:\n  max_pages: 0\n", "поле crawl.max_pages: значение 0 должно быть не меньше 1"),
        ("crawl:\n  delay: 1\n", "поле crawl.delay: неизвестное поле"),
        ("crawl:\n  timeout_seconds: скоро\n", "поле crawl.timeout_seconds: неверный тип значения"),
        ("crawl:\n  user_agent: Монитор ИДК\n", "User-Agent должен состоять из латинских букв"),
        ("signatory: [a, b]\n", "поле signatory"),
        ("crawl: [\n", "ошибка синтаксиса YAML"),
    ],
)
def test_mistakes_are_named_in_russian(tmp_path: Path, text: str, expected: str) -> None:
    path = tmp_path / "config.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert expected in str(info.value)
    assert str(path) in str(info.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="файл настроек не найден"):
        load_config(tmp_path / "nope.yaml")
