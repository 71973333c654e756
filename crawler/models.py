"""Pydantic models at the boundaries between the stages of the flow.

registry -> crawl (OrgCrawlResult) -> extract (ExtractedText) -> classify (DocPart)
-> evaluate (RuleResult, OrgFindings) -> report.

Every stage takes and returns these models, so a stage can be tested, cached
and stored on its own. Field names are English; user-facing strings (notes,
reasons) are Russian.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class OrgKind(StrEnum):
    """Kind of organization, as the district registry names it."""

    OO = "ОО"  # school
    DOU = "ДОУ"  # kindergarten
    DO = "ДО"  # additional education


class Organization(BaseModel):
    """One organization of the district registry (validated in registry.py)."""

    model_config = ConfigDict(frozen=True)

    id: str
    name: str
    kind: OrgKind
    site: str  # normalized: scheme://host[:port]/ with IDN hosts in punycode
    aliases: list[str] = Field(default_factory=list)  # extra URLs (old domain, www alias)
    notes: str = ""
    district: str = ""  # its municipal district (the registry's, unless the organization names its own)


class Registry(BaseModel):
    district: str  # the district, or the region of a folder of district files
    region: str | None = None  # set for a regional registry (several districts)
    organizations: list[Organization]

    def get(self, org_id: str) -> Organization | None:
        return next((o for o in self.organizations if o.id == org_id), None)

    def districts(self) -> list[str]:
        """The districts in registry order (one for a district's own registry)."""
        return list(dict.fromkeys(o.district or self.district for o in self.organizations))


# --------------------------------------------------------------------------- crawl


class FetchAttempt(BaseModel):
    """One attempt to read an organization's start page (kept as evidence)."""

    url: str
    at: datetime
    status: int | None = None
    error: str | None = None  # Russian, e.g. «сервер отвечает 503 после 3 попыток»


class PageRecord(BaseModel):
    url: str
    final_url: str
    status: int
    title: str = ""
    heading: str = ""
    depth: int = 0
    menu_path: list[str] = Field(default_factory=list)  # link texts from the home page
    fetched_at: datetime
    sha256: str | None = None  # blob of the HTML body
    etag: str | None = None
    last_modified: str | None = None
    is_section: bool = False
    text: str = ""  # visible text of the page, capped
    not_modified: bool = False  # answered 304 to a conditional request


class DocumentRecord(BaseModel):
    url: str  # link as found (absolute)
    final_url: str | None = None  # after viewer pages and redirects
    source_page: str  # page the link was found on
    link_text: str = ""
    viewer_title: str | None = None  # title of a /file/card?id=N style viewer page
    file_name: str | None = None  # from Content-Disposition or URL, decoded
    content_type: str | None = None
    format: str | None = None  # pdf, docx, doc, odt, rtf, xlsx, jpg, png, html, txt, unknown
    size: int | None = None
    sha256: str | None = None  # blob of the content, None if not downloaded
    http_status: int | None = None
    fetched_at: datetime | None = None
    etag: str | None = None
    last_modified: str | None = None
    headers: dict[str, str] = Field(default_factory=dict)
    in_section: bool = False  # linked from the mentoring section
    external: bool = False  # cloud storage link (Yandex Disk, Google Drive, Mail.ru)
    error: str | None = None  # Russian reason when not downloaded («файл больше 30 МБ»)
    not_modified: bool = False


class LostLink(BaseModel):
    """A page that could have led to the section or its documents but could not be opened or read (5xx, timeout,
    robots.txt, too large, unparseable), or the rest of a site whose crawl stopped at its budget."""

    url: str
    link_text: str = ""
    reason: str  # Russian


class SectionInfo(BaseModel):
    url: str
    title: str = ""
    menu_path: list[str] = Field(default_factory=list)
    reachable_from_home: bool = True
    is_stub: bool = False
    text_excerpt: str = ""
    pages: list[str] = Field(default_factory=list)  # all URLs that form the section
    # whom the page is about: teachers (pedagogical workers) | pupils (only pupils' mentoring) | unknown
    audience: str = "unknown"
    # the next best page that also looked like the section, and why the chosen one won (Russian), for the evidence
    runner_up: str | None = None
    choice: str = ""


class OrgCrawlResult(BaseModel):
    org_id: str
    reachable: bool
    failure_reason: str | None = None  # Russian
    attempts: list[FetchAttempt] = Field(default_factory=list)
    started_at: datetime
    finished_at: datetime
    requests: int = 0
    bytes: int = 0
    requests_to_section: int | None = None
    section: SectionInfo | None = None
    pages: list[PageRecord] = Field(default_factory=list)
    documents: list[DocumentRecord] = Field(default_factory=list)
    lost_pages: list[str] = Field(default_factory=list)  # reachable site, some pages failed
    # the lost pages that could have led to the section or its documents (a mentoring-looking link, a hub such as
    # «Педагогам» or «Документы», a page of the section, a link of the home page) and a crawl stopped at the site's
    # budget: while one is lost, «не выполнено» is not safe (crawler/crawl/pages.py could_lead)
    lost_mentoring_links: list[LostLink] = Field(default_factory=list)
    page_budget_exhausted: bool = False  # the page limit stopped the crawl with links left unvisited
    # pages of the site's menu left unvisited by the budget of same-pattern pages (uCoz «/index/0-N», «?id=N»)
    pattern_pages_left: int = 0
    # a fault of this computer, not of the site, that stopped the crawl (a full disk): the run must end failed
    machine_error: str | None = None


# ------------------------------------------------------------------ extract/classify


class DocType(StrEnum):
    regulation = "regulation"
    program = "program"
    roadmap = "roadmap"
    model_order = "model_order"
    curator_order = "curator_order"
    pairs_order = "pairs_order"
    mentor_registry = "mentor_registry"
    individual_plan = "individual_plan"
    pay_regulation = "pay_regulation"
    report = "report"
    guidelines = "guidelines"
    practice = "practice"
    external_act = "external_act"
    other = "other"


class FailureKind(StrEnum):
    """Why a file gave no text. Only `file` is a property of the bytes and is cached by SHA-256."""

    file = "file"  # malformed, encrypted, too large, a bomb: the same bytes fail the same way anywhere
    machine = "machine"  # a program this computer lacks (tesseract, antiword): read once it is installed
    transient = "transient"  # a timeout, a crash, a killed worker: read again on the next run


class ExtractedText(BaseModel):
    """Text of one stored file; cached by sha256 across runs (failures only when they are the file's own)."""

    sha256: str
    format: str
    text: str = ""
    pages: int | None = None
    ocr_used: bool = False
    is_scan: bool = False
    broken_text_layer: bool = False
    signature_field: bool = False  # a real PDF signature (/ByteRange) or similar
    error: str | None = None  # Russian reason when the file could not be read
    failure: FailureKind | None = None  # set with error
    extractor_version: str = ""

    @property
    def cacheable(self) -> bool:
        """A result may be reused for the same bytes: read, or failed for a reason of the file itself."""
        if self.error is None:
            return self.failure is None  # a reading cut short by time serves one run only
        return self.failure == FailureKind.file


class DocPart(BaseModel):
    """One logical document found in a file (a приказ and its Приложение are two parts)."""

    type: DocType
    title: str = ""
    type_snippet: str = ""  # words the type was decided on
    approved_on: date | None = None
    number: str | None = None
    approval_snippet: str | None = None  # «УТВЕРЖДЕНО приказом от 11.03.2024 № 0123»
    adopted_snippet: str | None = None  # «ПРИНЯТО педагогическим советом, протокол № 5 …»
    unnumbered_approval: bool = False  # «УТВЕРЖДАЮ» + signature without number/date
    period_start: date | None = None
    period_end: date | None = None
    period_snippet: str | None = None
    academic_years: list[str] = Field(default_factory=list)  # ["2024-2025"]
    pupil_only: bool = False
    covers_teachers: bool = True
    curator_clause: bool = False
    curator_snippet: str | None = None
    pay_mentoring_clause: bool = False
    pay_snippet: str | None = None
    # a pay or incentive-pay regulation, its amendment or a collective agreement: type pay_regulation when it
    # provides payments for mentoring (pay_mentoring_clause), type other when it does not — then the pay rule
    # can still say «положение об оплате труда есть, но выплат за наставничество в нём нет»
    pay_act: bool = False
    owner_name: str | None = None
    owner_matches: bool | None = None  # None: no name found
    owner_snippet: str | None = None
    signed: bool = False
    signature_snippet: str | None = None
    dates: list[date] = Field(default_factory=list)  # every date mentioned (freshness)


class AnalyzedDocument(BaseModel):
    """A crawled document with its extracted text and classified parts."""

    record: DocumentRecord
    extraction: ExtractedText | None = None  # None when not downloaded
    parts: list[DocPart] = Field(default_factory=list)

    @property
    def readable(self) -> bool:
        return self.extraction is not None and self.extraction.error is None


# ------------------------------------------------------------------------ evaluate


class Status(StrEnum):
    met = "met"
    partial = "partial"
    not_met = "not_met"
    unknown = "unknown"


STATUS_RU: dict[Status, str] = {
    Status.met: "выполнено",
    Status.partial: "частично",
    Status.not_met: "не выполнено",
    Status.unknown: "не удалось проверить",
}

STATUS_POINTS: dict[Status, int | None] = {
    Status.met: 2,
    Status.partial: 1,
    Status.not_met: 0,
    Status.unknown: None,
}


class Evidence(BaseModel):
    url: str
    title: str | None = None  # document or page title
    quote: str | None = None  # the words the verdict rests on
    archived: str | None = None  # blob sha256 of the archived copy
    fetched_at: datetime | None = None


class RuleResult(BaseModel):
    rule_id: str
    status: Status
    evidence: list[Evidence] = Field(default_factory=list)
    note: str = ""  # Russian
    remarks: list[str] = Field(default_factory=list)  # e.g. «нет отметки об ЭП»
    manual: bool = False  # set by an override of the ИДК
    override_by: str | None = None

    @property
    def points(self) -> int | None:
        return STATUS_POINTS[self.status]


class DocumentSummary(BaseModel):
    """What findings.json and the brief show of a document."""

    url: str
    final_url: str | None = None  # the file itself when `url` is a viewer page or redirects
    type: str | None = None
    title: str | None = None
    approved_on: date | None = None
    number: str | None = None
    signed: bool | None = None
    sha256: str | None = None
    error: str | None = None


# --------------------------------------------------------------------------- facts


class FactSource(BaseModel):
    """Where a fact was read: the document, its type, and the quoted words with personal names masked («[ФИО]»)."""

    url: str
    title: str | None = None  # masked like the quote
    doc_type: DocType | None = None
    quote: str = ""
    archived: str | None = None  # blob sha256 of the archived copy (the document as published)
    academic_year: str | None = None  # "2025-2026": stated in the document, or from its date
    year_stated: bool = False  # the document names the academic year itself
    ocr: bool = False  # read from a scan by OCR: worth a look by hand


class SourcedCount(BaseModel):
    value: int
    sources: list[FactSource] = Field(default_factory=list)


class CountFact(BaseModel):
    """A number of the academic year: the preferred source's value, and every document that says otherwise."""

    value: int
    sources: list[FactSource] = Field(default_factory=list)  # documents that give `value`
    other_values: list[SourcedCount] = Field(default_factory=list)  # documents that disagree, kept with sources

    @property
    def disputed(self) -> bool:
        return bool(self.other_values)


class FormCount(BaseModel):
    """A form of mentoring in the year's pairs/groups: how many pairs and groups a list gives it."""

    form: str  # canonical name from rules/facts.yaml, e.g. «педагог – педагог»
    pupils: bool = False  # a pupils' form («учитель – ученик»): not mentoring of pedagogical workers
    count: int


class FormFact(BaseModel):
    """A form of mentoring named in the organization's documents (its Положение, programme, pairs order …)."""

    form: str
    pupils: bool = False
    sources: list[FactSource] = Field(default_factory=list)


class RosterFacts(BaseModel):
    """What one document says about one academic year's participants (counts only, never names)."""

    source: FactSource
    how: Literal["table", "list", "text", "stated"]  # table rows, a numbered list, prose, a number written out
    mentors: int | None = None
    mentees: int | None = None
    pairs: int | None = None
    groups: int | None = None  # one mentor with several mentees
    forms: list[FormCount] = Field(default_factory=list)


class YearFacts(BaseModel):
    """The counts of one academic year, each with its sources; disagreements kept."""

    academic_year: str
    mentors: CountFact | None = None
    mentees: CountFact | None = None
    pairs: CountFact | None = None
    groups: CountFact | None = None
    forms: list[FormCount] = Field(default_factory=list)  # of the preferred list of pairs/groups


class CuratorFact(BaseModel):
    position: str  # «заместитель директора по УВР» — the position, never the name
    source: FactSource


class OrgFacts(BaseModel):
    """District data read from an organization's own documents (roadmap items 3.2, 3.3, 5.2, 5.5)."""

    academic_year: str  # the academic year of the monitoring date
    years: list[YearFacts] = Field(default_factory=list)  # newest first
    rosters: list[RosterFacts] = Field(default_factory=list)  # every document read, every year
    forms: list[FormFact] = Field(default_factory=list)  # forms of teachers' mentoring named anywhere
    pupil_forms: list[FormFact] = Field(default_factory=list)  # pupils' forms, recorded apart
    curator: CuratorFact | None = None  # from the newest order that states a position
    curator_other: list[CuratorFact] = Field(default_factory=list)  # other positions other orders state
    notes: list[str] = Field(default_factory=list)  # Russian, for the ИДК

    def year(self, label: str) -> YearFacts | None:
        return next((y for y in self.years if y.academic_year == label), None)

    @property
    def current(self) -> YearFacts | None:
        return self.year(self.academic_year)


class PracticeKind(StrEnum):
    """What a material of the registry of practices is (roadmap item 4.1)."""

    case = "case"  # a case, a best practice («Лучшие практики», «Из опыта работы»)
    news = "news"  # a news item about the organization's mentoring
    method = "method"  # a methodological development (a document: a lesson plan, a memo, a description)


class PracticeItem(BaseModel):
    """A practice, case or news item about the organization's mentoring found on its site (items 4.1, 4.2).

    `key` names the item across monitorings: the same page or file found in January and in May is one item of the
    district's registry (crawler.report.practices keeps the first period it appeared in).
    """

    key: str  # the organization, the address without scheme and trailing slash, and the date (or the title)
    kind: PracticeKind
    title: str  # personal names masked
    published: date | None = None  # its own date (a news item's publication, a document's approval)
    url: str
    format: str | None = None  # html, pdf, docx… (the archived copy's extension)
    archived: str | None = None  # blob sha256 of the copy as published


class OrgFindings(BaseModel):
    id: str
    name: str
    kind: OrgKind
    site: str
    reachable: bool
    failure_reason: str | None = None
    checked_at: datetime | None = None
    attempts: list[FetchAttempt] = Field(default_factory=list)
    section_url: str | None = None
    menu_path: list[str] = Field(default_factory=list)
    documents: list[DocumentSummary] = Field(default_factory=list)
    rules: list[RuleResult] = Field(default_factory=list)
    score: float | None = None  # percent of max points over rules with a known status
    zone: str | None = None
    facts: OrgFacts | None = None  # counts, forms, curator's position read from the documents (crawler.facts)
    # every practice, case and news item about mentoring the site shows; None: not collected (a run made before
    # the registry of practices existed: crawler.report.practices falls back on the practices criterion's evidence)
    practices: list[PracticeItem] | None = None

    def rule(self, rule_id: str) -> RuleResult | None:
        return next((r for r in self.rules if r.rule_id == rule_id), None)
