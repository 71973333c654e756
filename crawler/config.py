"""Configuration of an installation: one YAML file, every field with a sensible default.

The demo needs no file at all. Errors are Russian and name the file and the field.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, field_validator

from crawler import __version__
from crawler.yamlfile import load_model


class CrawlSettings(BaseModel):
    """Per-site limits of the focused crawl; all polite by default."""

    model_config = ConfigDict(extra="forbid")

    max_pages: int = Field(300, ge=1, description="страниц на сайт")
    max_depth: int = Field(5, ge=0, description="глубина переходов от главной")
    per_site_concurrency: int = Field(2, ge=1, le=8)
    total_concurrency: int = Field(32, ge=1)
    # sites crawled at once: the next one opens when one finishes, so the crawl's memory does not grow with the
    # size of the region
    open_sites: int = Field(64, ge=1, description="сайтов, которые обходятся одновременно")
    delay_seconds: float = Field(0.25, ge=0)
    timeout_seconds: float = Field(20, gt=0)
    retries: int = Field(2, ge=0)
    max_document_bytes: int = Field(30 * 1024 * 1024, ge=1024)
    max_page_bytes: int = Field(5 * 1024 * 1024, ge=1024)
    obey_robots: bool = True
    use_sitemap: bool = True
    ca_bundle: Path | None = None  # extra CA roots, e.g. the Russian Trusted Root CA
    proxy: str | None = None
    # ASCII only (an HTTP header); put the office's contact address in it, as polite crawlers do
    user_agent: str = f"NastavnikMonitor/{__version__} (education office site monitoring)"
    resolve_yandex_disk: bool = False  # public API of Yandex Disk, off without internet
    yandex_disk_api: str = "https://cloud-api.yandex.net/v1/disk/public/resources/download"
    verify_tls: bool = True  # check certificates (system roots + ca_bundle); failures are named plainly
    retry_backoff_seconds: float = Field(1.0, ge=0, description="пауза перед повтором, удваивается")
    max_run_seconds: float = Field(4 * 3600, gt=0, description="предел длительности всего обхода")
    # one site's budget: past it the site's crawl stops and its unvisited part keeps «не выполнено» away
    max_site_bytes: int = Field(500 * 1024 * 1024, ge=1024 * 1024, description="байт с одного сайта")
    max_site_seconds: float = Field(3600, gt=0, description="длительность обхода одного сайта")
    # a real browser (Chromium, headless) for home pages whose menu is built by scripts; off, or without Chromium,
    # such a site is «не удалось проверить» with that reason
    browser: bool = True
    browser_path: Path = Path("/usr/bin/chromium")

    @field_validator("user_agent")
    @classmethod
    def _ascii_user_agent(cls, value: str) -> str:
        if not value.isascii() or not value.strip():
            raise ValueError("User-Agent должен состоять из латинских букв, цифр и знаков (это заголовок HTTP)")
        return value


class ExtractSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")

    timeout_seconds: float = Field(60, gt=0, description="на документ")
    memory_limit_mb: int = Field(1024, ge=64)
    ocr_max_pages: int = Field(10, ge=0)
    ocr_dpi: int = Field(200, ge=72, le=600)
    workers: int = Field(2, ge=1)


class Signatory(BaseModel):
    model_config = ConfigDict(extra="forbid")

    position: str = "Руководитель информационно-диагностического кабинета"
    name: str = "________________"


class Executor(BaseModel):
    """The employee who prepared the brief: «Исп.: Фамилия И. О., телефон» at the bottom of its last page."""

    model_config = ConfigDict(extra="forbid")

    name: str = ""
    phone: str = ""

    def line(self) -> str:
        """«Петрова А. С., тел. 8 (83171) 4-55-12»; empty when nobody is named."""
        phone = self.phone.strip()
        if phone and not phone.lower().startswith("тел"):
            phone = f"тел. {phone}"
        return ", ".join(x for x in (self.name.strip(), phone) if x)


class SmtpSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")

    enabled: bool = False
    host: str = "localhost"
    port: int = 25
    starttls: bool = False
    username: str | None = None
    password: str | None = None
    sender: str = "monitor@localhost"
    recipients: list[str] = Field(default_factory=list)


class RetrySettings(BaseModel):
    """Retry of unreachable sites inside a monitoring window."""

    model_config = ConfigDict(extra="forbid")

    every_hours: float = Field(6, gt=0)
    for_days: float = Field(3, ge=0)


class AppConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    district: str | None = None  # overrides the registry's district name in the brief
    issuer: str = "Управление образования и молодёжной политики администрации Тонкинского муниципального округа"
    office: str = "Информационно-диагностический кабинет (ИДК)"
    basis: str = (
        "п. 5.1 Дорожной карты по реализации целевой модели наставничества педагогических работников "
        "в образовательных организациях Тонкинского муниципального округа на 2023 год, утверждённой "
        "приказом управления образования и молодёжной политики от 03.02.2023 № 14"
    )
    signatory: Signatory = Field(default_factory=Signatory)
    executor: Executor = Field(default_factory=Executor)
    # the district's time zone (IANA name): every date and time of the brief and the letters is given in it
    timezone: str = "Europe/Moscow"
    rules_dir: Path | None = None  # default: rules/ of the installation
    overrides: Path | None = None  # YAML with manual verdicts of the ИДК
    retention_periods: int = Field(6, ge=1, description="сколько периодов хранить архив доказательств")
    db_backups: int = Field(5, ge=0, description="сколько резервных копий базы хранить (копия — перед запуском)")
    crawl: CrawlSettings = Field(default_factory=CrawlSettings)
    extract: ExtractSettings = Field(default_factory=ExtractSettings)
    retry: RetrySettings = Field(default_factory=RetrySettings)
    smtp: SmtpSettings = Field(default_factory=SmtpSettings)

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(
                f"неизвестный часовой пояс «{value}»; укажите его название, например Europe/Moscow, "
                "Asia/Yekaterinburg, Europe/Samara"
            ) from None
        return value


class ConfigError(Exception):
    pass


def load_config(path: Path | None) -> AppConfig:
    """Load the configuration file, or the defaults when path is None."""
    if path is None:
        return AppConfig()
    return load_model(path, AppConfig, "файл настроек", ConfigError)
