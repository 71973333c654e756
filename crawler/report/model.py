"""Input models of the brief and the small helpers every output format shares.

The lead fills BriefData from the run (findings), the RuleSet (criteria) and the AppConfig;
the writers in this package only read it.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from pydantic import BaseModel, Field

from crawler.models import OrgFindings, OrgKind, Status
from crawler.report.practices import RegistryItem
from crawler.ru import MONTHS_GEN, MONTHS_NOM, ru_date


class Criterion(BaseModel):
    """One criterion of the brief, taken from a rule of the RuleSet."""

    id: str
    title: str  # short Russian column title («Положение»)
    description: str = ""
    roadmap_items: list[str] = Field(default_factory=list)
    weight: int = 1
    met: str = ""  # what «выполнено» means for this criterion
    partial: str = ""
    not_met: str = ""
    advice: str = ""  # what an organization should do when it is not met


class PeriodSummary(BaseModel):
    period: str  # "2026-01"
    mean_score: float | None = None
    share_met: dict[str, float] = Field(default_factory=dict)  # criterion id -> % of checked orgs


class BriefData(BaseModel):
    district: str
    period: str  # "2026-05"
    today: date
    generated_at: datetime
    crawl_started: datetime | None = None
    crawl_finished: datetime | None = None
    issuer: str
    office: str
    basis: str
    signatory_position: str
    signatory_name: str
    # «Исп.: Фамилия И. О., телефон» at the bottom of the last page (ГОСТ Р 7.0.97); empty leaves a blank to fill
    executor: str = ""
    rules_version: str = ""
    rules_edition: date | None = None  # «редакция критериев от …»: the newest effective date of the rules
    zones: list[tuple[str, float]] = Field(default_factory=list)  # (name, min_percent), highest first
    criteria: list[Criterion]
    findings: list[OrgFindings]
    previous_period: str | None = None
    previous: list[OrgFindings] | None = None
    history: list[PeriodSummary] = Field(default_factory=list)  # earlier periods, for the trend chart
    # relative path (from the brief) of the evidence archive: blobs live at f"{archive_dir}/{sha[:2]}/{sha}{ext}"
    archive_dir: str | None = None
    archive_ext: dict[str, str] = Field(default_factory=dict)  # sha256 -> file extension in the archive
    rechecks: dict[str, datetime] = Field(default_factory=dict)  # org_id -> time of an applied recheck
    # optional extras (additive): deadline for the recommendations and the time zone of displayed times
    fix_deadline: date | None = None
    # what the computer that ran the check could not read (no OCR, no .doc reader): said in «Метод»
    machine_limits: list[str] = Field(default_factory=list)
    timezone: str = "Europe/Moscow"  # the district's: every date and time of the brief is in it
    # the date on the brief (and its letters); None: the local date of the last fetch of the run
    brief_date: date | None = None
    # the district's registry of practices as of this period (item 4.1): every monitoring up to it, one row per item
    practices: list[RegistryItem] = Field(default_factory=list)

    @property
    def dated(self) -> date:
        """The brief's date: when its data were complete (the last fetch), never before a site was checked."""
        if self.brief_date is not None:
            return self.brief_date
        last = self.crawl_finished or self.crawl_started
        if last is None:
            checked = [o.checked_at for o in self.findings if o.checked_at is not None]
            last = max(checked) if checked else None
        return local_date(last, self.timezone) if last is not None else self.today


class ChangeKind(StrEnum):
    new = "new"  # no baseline for this organization/criterion
    fixed = "fixed"  # now met, was lower
    improved = "improved"  # rose, but not to met
    regressed = "regressed"  # fell
    unchanged = "unchanged"
    incomparable = "incomparable"  # unknown on either side


CHANGE_RU: dict[ChangeKind, str] = {
    ChangeKind.new: "новое",
    ChangeKind.fixed: "исправлено",
    ChangeKind.improved: "улучшено",
    ChangeKind.regressed: "ухудшилось",
    ChangeKind.unchanged: "без изменений",
    ChangeKind.incomparable: "не сравнимо",
}


class Change(BaseModel):
    org_id: str
    org_name: str
    criterion: str
    before: Status | None
    after: Status
    kind: ChangeKind

    @property
    def label(self) -> str:
        return CHANGE_RU[self.kind]


# ------------------------------------------------------------------ shared helpers

KIND_LONG: dict[OrgKind, str] = {
    OrgKind.OO: "общеобразовательные организации",
    OrgKind.DOU: "дошкольные образовательные организации",
    OrgKind.DO: "организации дополнительного образования",
}

MARKS: dict[Status, str] = {
    Status.met: "+",
    Status.partial: "±",
    Status.not_met: "−",
    Status.unknown: "?",
}


def period_date(period: str) -> date:
    return date.fromisoformat(period + "-01")


def period_ru(period: str) -> str:
    """'2026-05' -> 'май 2026'."""
    d = period_date(period)
    return f"{MONTHS_NOM[d.month - 1]} {d.year}"


def next_monitoring(period: str) -> str:
    """The next scheduled monitoring (January or May, roadmap item 5.1) after this period."""
    d = period_date(period)
    if d.month < 5:
        return f"{d.year:04d}-05"
    return f"{d.year + 1:04d}-01"


def date_ru(value: date | None) -> str:
    return "—" if value is None else ru_date(value)


def date_long_ru(value: date) -> str:
    """22 ноября 2026 г. — a date in words (ГОСТ Р 7.0.97: «20 мая 2026 г.» or «20.05.2026»)."""
    return f"{value.day} {MONTHS_GEN[value.month - 1]} {value.year} г."


MOSCOW = "Europe/Moscow"


def _aware(value: datetime) -> datetime:
    """Stored times are UTC; a naive one is read as UTC too."""
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def local(value: datetime, tz: str = MOSCOW) -> datetime:
    """The moment in the district's time zone."""
    return _aware(value).astimezone(ZoneInfo(tz))


def local_date(value: datetime, tz: str = MOSCOW) -> date:
    return local(value, tz).date()


def tz_label(tz: str, moment: datetime | None = None) -> str:
    """«МСК», «МСК+2», «МСК−1»: how Russian documents name a time zone."""
    moment = _aware(moment or datetime.now(UTC))
    offset = moment.astimezone(ZoneInfo(tz)).utcoffset()
    moscow = moment.astimezone(ZoneInfo(MOSCOW)).utcoffset()
    hours = ((offset.total_seconds() if offset else 0) - (moscow.total_seconds() if moscow else 0)) / 3600
    if hours == 0:
        return "МСК"
    return f"МСК{'+' if hours > 0 else '−'}{abs(hours):g}"


def datetime_ru(value: datetime | None, tz: str = MOSCOW, *, zone: bool = True) -> str:
    """29.11.2026 00:12 (МСК) — a moment in the district's time zone, never in UTC."""
    if value is None:
        return "—"
    moment = local(value, tz)
    text = f"{moment.day:02d}.{moment.month:02d}.{moment.year} {moment.hour:02d}:{moment.minute:02d}"
    return f"{text} ({tz_label(tz, value)})" if zone else text


def time_ru(value: datetime, tz: str = MOSCOW) -> str:
    moment = local(value, tz)
    return f"{moment.hour:02d}:{moment.minute:02d}"


def plural(n: int, one: str, few: str, many: str) -> str:
    """Russian plural form for n: 1 организация, 2 организации, 5 организаций."""
    n = abs(n)
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


def round_half_up(value: float, digits: int = 0) -> float:
    """61.25 → 61.3, 12.5 → 13: rounding as people do it (Python's round() goes to the even digit)."""
    return float(_half_up(value, digits))


def _half_up(value: float, digits: int) -> Decimal:
    # repr() is the shortest decimal that reads back as the same float: 61.25 stays 61.25, 0.1 stays 0.1
    return Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)


def number_ru(value: float, digits: int = 0) -> str:
    """A number rounded half-up with a Russian decimal comma: 61,3."""
    return f"{_half_up(value, digits):f}".replace(".", ",").replace("-", "−")


def pct(value: float | None, digits: int = 0) -> str:
    """Percent rounded half-up, with a Russian decimal comma: 66,7 %."""
    if value is None:
        return "—"
    return f"{number_ru(value, digits)} %"


_HEAD_NOUNS = {
    "округ": "округа",
    "район": "района",
    "образование": "образования",
    "поселение": "поселения",
    "город": "города",
}
_ADJ_ENDINGS = (
    ("ский", "ского"),
    ("цкий", "цкого"),
    ("ний", "него"),
    ("ый", "ого"),
    ("ий", "ого"),
    ("ой", "ого"),
    ("ое", "ого"),
    ("ее", "его"),
)


def district_genitive(name: str) -> str:
    """«Тонкинский муниципальный округ» -> «Тонкинского муниципального округа», as the title needs.

    Only the words up to the head noun change; a name already in the genitive or of an unknown shape is kept.
    """
    words = name.split()
    head = next((i for i, w in enumerate(words) if w.lower() in _HEAD_NOUNS), None)
    if head is None:
        return name
    out = []
    for i, word in enumerate(words):
        if i == head:
            form = _HEAD_NOUNS[word.lower()]
            out.append(form.capitalize() if word[:1].isupper() else form)
        elif i < head:
            for ending, replacement in _ADJ_ENDINGS:
                if word.lower().endswith(ending):
                    word = word[: -len(ending)] + replacement
                    break
            out.append(word)
        else:
            out.append(word)
    return " ".join(out)


def safe_url(url: str | None) -> str | None:
    """The URL if it is a web address; None for javascript:, data: and the like (links come from sites)."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url if scheme in ("http", "https", "ftp") else None


def csv_safe(value: str) -> str:
    """Neutralize spreadsheet formulas in text that came from sites (CSV/XLSX injection)."""
    if value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def safe_slug(value: str) -> str:
    """A file/anchor-safe form of an organization id (ids come from the registry, still guard them)."""
    slug = re.sub(r"[^A-Za-z0-9_.-]+", "-", value).strip(".-")
    return slug or "org"
