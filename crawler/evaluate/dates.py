"""Dates the checks reason with: the academic year, dates written in a text, the date a page shows for itself.

The academic year runs from 1 September to 31 August (CRITERIA.md: «the academic year that contains the
monitoring date starts on 1 September»). A page's own date is never the newest date anywhere on it: menus,
sidebars and footers carry the dates of the whole site.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from crawler.models import DocPart, PageRecord
from crawler.ru import MONTH_NUMBER_GEN

DATE_WINDOW = 80  # characters after a page heading where its own (publication) date stands
RIGHT_AFTER = 16 + 10  # «Опубликовано: 22.04.2026» right after a later occurrence of the heading
ADJACENT = 30  # characters between a news title and its date in a news list («14.10.2025 Посвящение …»)


def academic_year(day: date) -> tuple[date, date]:
    """The academic year (1 September – 31 August) that contains day."""
    start_year = day.year if day.month >= 9 else day.year - 1
    return date(start_year, 9, 1), date(start_year + 1, 8, 31)


def academic_year_label(day: date) -> str:
    start, end = academic_year(day)
    return f"{start.year}-{end.year}"


def when(moment: datetime) -> str:
    """Time of an attempt as the brief shows it (UTC stated, so nobody mistakes it for local time)."""
    offset = moment.utcoffset()
    suffix = " UTC" if offset is not None and offset.total_seconds() == 0 else ""
    return moment.strftime("%d.%m.%Y %H:%M") + suffix


_YEARS_RE = re.compile(r"((?:19|20)\d\d)\s*[-–—/]\s*((?:19|20)?\d\d)")


def norm_years(label: str) -> tuple[int, int] | None:
    """«2025-2026», «2025/26 уч. г.» → (2025, 2026)."""
    m = _YEARS_RE.search(label)
    if not m:
        return None
    first = int(m.group(1))
    second = int(m.group(2)) if len(m.group(2)) == 4 else 2000 + int(m.group(2))
    return first, second


# ----------------------------------------------------------------------------------- dates in text

_NUM_DATE = re.compile(r"(?<!\d)(\d{1,2})[./](\d{1,2})[./]((?:19|20)\d\d)(?!\d)")
_ISO_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)-(\d{2})-(\d{2})(?!\d)")
_WORD_DATE = re.compile(r"(?<!\d)«?(\d{1,2})»?\s+(" + "|".join(MONTH_NUMBER_GEN) + r")\s+((?:19|20)\d\d)", re.I)
_URL_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)[-/](\d{2})[-/](\d{2})(?!\d)")


def dates_in_text(text: str) -> list[date]:
    """Explicit dates in a page text: 12.01.2027, 2027-01-12, «12» января 2027 г."""
    found: list[date] = []
    for m in _NUM_DATE.finditer(text):
        found.extend(safe_date(int(m.group(3)), int(m.group(2)), int(m.group(1))))
    for m in _ISO_DATE.finditer(text):
        found.extend(safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3))))
    for m in _WORD_DATE.finditer(text):
        found.extend(safe_date(int(m.group(3)), MONTH_NUMBER_GEN[m.group(2).lower()], int(m.group(1))))
    return found


def safe_date(year: int, month: int, day: int) -> list[date]:
    """The date as a one-element list, or none when the numbers make no date (31.02)."""
    try:
        return [date(year, month, day)]
    except ValueError:
        return []


def ordered_dates(text: str) -> list[date]:
    """Dates in the order they appear in the text."""
    found: list[tuple[int, date]] = []
    for regex, order in ((_NUM_DATE, (3, 2, 1)), (_ISO_DATE, (1, 2, 3))):
        for m in regex.finditer(text):
            for d in safe_date(int(m.group(order[0])), int(m.group(order[1])), int(m.group(order[2]))):
                found.append((m.start(), d))
    for m in _WORD_DATE.finditer(text):
        for d in safe_date(int(m.group(3)), MONTH_NUMBER_GEN[m.group(2).lower()], int(m.group(1))):
            found.append((m.start(), d))
    return [d for _, d in sorted(found, key=lambda x: x[0])]


def boilerplate_dates(pages: list[PageRecord]) -> frozenset[date]:
    """Dates found on more than two thirds of the pages that have text (3 pages at least): a sidebar's.

    A news date shown on its own page and in the section's list is on two pages; that is not boilerplate.
    """
    texts = [p.text for p in pages if p.text]
    if len(texts) < 3:
        return frozenset()
    counts: dict[date, int] = {}
    for text in texts:
        for day in set(dates_in_text(text)):
            counts[day] = counts.get(day, 0) + 1
    return frozenset(d for d, n in counts.items() if n >= 3 and n * 3 > len(texts) * 2)


# ------------------------------------------------------------------------------- dates of pages


def page_date(
    page: PageRecord, today: date, *, main_text: str | None = None, boilerplate: frozenset[date] = frozenset()
) -> date | None:
    """The date a page shows for its own content, never the dates of a sidebar or footer.

    PageRecord.text is the whole visible page (menus, news sidebars of the whole site), so the
    max of all its dates would make every page look fresh. With the main text (the section's
    excerpt) the newest date in it counts; otherwise a date right after the page heading — the
    publication date of a news item. Dates repeated across most pages of the site (a sidebar) never count.
    """
    if main_text:
        days = [d for d in dates_in_text(main_text) if d <= today and d not in boilerplate]
        return max(days) if days else None
    text = page.text or ""
    for label in (page.heading, page.title):
        label = (label or "").strip()
        if not label:
            continue
        at = text.find(label)
        if at < 0:
            continue
        window = text[at + len(label) : at + len(label) + DATE_WINDOW]
        days = [d for d in ordered_dates(window) if d <= today and d not in boilerplate]
        if days:
            return days[0]
        # the title of a news item is also in the site's menus and lists of the latest news: its own date stands
        # right after the occurrence that is its heading («… открытые уроки 22.04.2026 В школе …»)
        at = text.find(label, at + len(label))
        while at >= 0:
            window = text[at + len(label) : at + len(label) + RIGHT_AFTER]
            days = [d for d in ordered_dates(window) if d <= today and d not in boilerplate]
            if days:
                return days[0]
            at = text.find(label, at + len(label))
        return None
    return None


def _url_date(url: str) -> date | None:
    m = _URL_DATE.search(url)
    if not m:
        return None
    days = safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    return days[0] if days else None


def _listed_date(title: str, texts: list[str], today: date) -> date | None:
    """The date printed next to a news title in a list on another page (the section, a news feed)."""
    title = re.sub(r"\s+", " ", title).strip()
    if len(title) < 8:
        return None
    for text in texts:
        at = text.find(title)
        while at >= 0:
            before = [d for d in ordered_dates(text[max(0, at - ADJACENT) : at]) if d <= today]
            if before:
                return before[-1]
            after = [d for d in ordered_dates(text[at + len(title) : at + len(title) + ADJACENT]) if d <= today]
            if after:
                return after[0]
            at = text.find(title, at + 1)
    return None


def news_date(page: PageRecord, ctx_pages: list[PageRecord], today: date, boilerplate: frozenset[date]) -> date | None:
    """Publication date of a news page: on the page, in its URL, or next to its title in a list."""
    own = page_date(page, today, boilerplate=boilerplate)
    if own:
        return own
    in_url = _url_date(page.final_url or page.url)
    if in_url and in_url <= today:
        return in_url
    texts = [p.text for p in ctx_pages if p.text and p is not page]
    return _listed_date(page.heading or page.title, texts, today) or (
        _listed_date(page.title, texts, today) if page.title != page.heading else None
    )


# --------------------------------------------------------------------------- dates of documents


def latest_date(part: DocPart, today: date, *, html: bool = False) -> date | None:
    """The newest date a document (part) states up to today: approval, dates in it, academic years named."""
    # dates of an HTML part come from the whole page (sidebar news included): only its own approval counts
    dates = [d for d in [part.approved_on, *([] if html else part.dates)] if d and d <= today]
    for label in part.academic_years:
        span = norm_years(label)
        if span and date(span[0], 9, 1) <= today:
            dates.append(date(span[0], 9, 1))
    return max(dates) if dates else None
