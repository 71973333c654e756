"""What every check reads (the context of one organization) and the candidates a check weighs.

A candidate is a document (part) that may satisfy a rule; it is «выполнено» unless it carries reasons
that make it only «частично» (another organization's document, an unreadable file, an expired period…).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from crawler.evaluate.dates import academic_year, boilerplate_dates
from crawler.evaluate.documents import (
    clip,
    is_mentoring,
    link_text,
    matches,
    unread_reason_text,
    unreadable_reason,
)
from crawler.models import (
    AnalyzedDocument,
    DocPart,
    DocType,
    Organization,
    OrgCrawlResult,
    PageRecord,
    Status,
)
from crawler.ruleset import Rule


@dataclass
class Candidate:
    """A document (part) that may satisfy a rule, with the reasons it is only partial."""

    doc: AnalyzedDocument
    part: DocPart | None  # None: unreadable file guessed from its link text / name
    reasons: list[str] = field(default_factory=list)
    quote: str | None = None
    remarks: list[str] = field(default_factory=list)
    url: str | None = None  # for news pages that are not documents
    title_override: str | None = None

    @property
    def status(self) -> Status:
        return Status.partial if self.reasons else Status.met

    @property
    def title(self) -> str:
        if self.title_override:
            return self.title_override
        rec = self.doc.record
        return (
            (self.part.title if self.part and self.part.title else None)
            or rec.viewer_title
            or rec.link_text
            or rec.file_name
            or rec.url
        ).strip()


@dataclass
class Context:
    """One organization as the checks see it, on the monitoring date."""

    org: Organization
    crawl: OrgCrawlResult
    documents: list[AnalyzedDocument]
    today: date
    ay_start: date
    ay_end: date
    section_urls: set[str]
    pages: dict[str, PageRecord]
    boilerplate: frozenset[date] = frozenset()  # dates on most pages of the site (sidebars, footers)

    @property
    def ay_label(self) -> str:
        return f"{self.ay_start.year}-{self.ay_end.year}"

    @classmethod
    def build(cls, org: Organization, crawl: OrgCrawlResult, documents: list[AnalyzedDocument], today: date) -> Context:
        """Pages by URL (and by final URL), the section's pages, the academic year of `today`."""
        section = crawl.section
        pages = {p.url: p for p in crawl.pages}
        for p in crawl.pages:
            pages.setdefault(p.final_url, p)
        section_urls: set[str] = set()
        if section is not None:
            section_urls = {section.url, *section.pages}
            section_urls |= {p.url for p in crawl.pages if p.is_section}
        start, end = academic_year(today)
        return cls(
            org=org,
            crawl=crawl,
            documents=documents,
            today=today,
            ay_start=start,
            ay_end=end,
            section_urls=section_urls,
            pages=pages,
            boilerplate=boilerplate_dates(crawl.pages),
        )


def generic_reasons(part: DocPart) -> list[str]:
    """Reasons any document is only partial: it belongs to another organization."""
    reasons: list[str] = []
    if part.owner_matches is False:
        who = part.owner_name or clip(part.owner_snippet, 80) or "другая организация"
        reasons.append(f"документ другой организации: {who}")
    return reasons


def default_quote(part: DocPart) -> str | None:
    return clip(part.type_snippet or part.approval_snippet or part.title)


def unread_candidate(doc: AnalyzedDocument, parts: list[DocPart], unread: str) -> Candidate:
    """A document that looks like what the rule seeks but cannot be read: at most «частично»."""
    return Candidate(
        doc=doc,
        part=parts[0] if parts else None,
        reasons=[unread_reason_text(unread)],
        quote=clip(doc.record.link_text or doc.record.file_name),
    )


def candidates(ctx: Context, rule: Rule, types: set[DocType], *, guess_unreadable: bool = True) -> list[Candidate]:
    """Parts of the given types, plus unreadable files whose link suggests the type."""
    found: list[Candidate] = []
    for doc in ctx.documents:
        parts = [p for p in doc.parts if p.type in types]
        unread = unreadable_reason(doc)
        if unread:
            # guess from the label only when the classifier could not name a type itself
            typed = any(p.type != DocType.other for p in doc.parts)
            guess = guess_unreadable and not typed and rule.link_patterns
            if parts or (guess and matches(rule.link_patterns, link_text(doc))):
                found.append(unread_candidate(doc, parts, unread))
            continue
        for part in parts:
            found.append(Candidate(doc=doc, part=part, reasons=generic_reasons(part), quote=default_quote(part)))
    return found


def in_section(ctx: Context, doc: AnalyzedDocument) -> bool:
    rec = doc.record
    return rec.in_section or rec.source_page in ctx.section_urls or rec.url in ctx.section_urls


def mentoring_docs(ctx: Context, *, in_section_only: bool, with_section_pages: bool = False) -> list[AnalyzedDocument]:
    """The organization's own documents about mentoring (in the section only, when asked)."""
    docs = []
    for doc in ctx.documents:
        if doc.record.format == "html" and doc.record.url in ctx.section_urls and not with_section_pages:
            continue  # the section's own pages are judged as the section
        if in_section_only and not in_section(ctx, doc):
            continue
        if any(is_mentoring(p) for p in doc.parts):
            docs.append(doc)
    return docs
