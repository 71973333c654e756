"""Classification of documents about mentoring and the facts read from them.

analyze() prepares the text (prepare.py: mojibake, spaced letters, a page glued into one line), splits it into
logical documents (a приказ and its «Приложение 1» Положение are two parts), finds each part's title by scoring
its candidate lines (parts.find_title), decides the part's DocType — the body's own heading first, the link text,
the viewer's card title and the file name as hints — and reads the approval stamp (stamps.py), dates, period,
signature and the organization named in it. The vocabulary lives in rules/vocabulary.yaml.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

from crawler.classify.facts import (
    all_dates,
    find_owner,
    owner_matches,
    read_period,
    read_signature,
)
from crawler.classify.parts import ACT_CITATION_RE, TitleInfo, _has_word, find_title, split_parts
from crawler.classify.prepare import prepare
from crawler.classify.stamps import Approval, read_adoption, read_stamp
from crawler.classify.text import Mapped, detransliterate, fold, one_line
from crawler.classify.vocabulary import Vocabulary, load_vocabulary
from crawler.models import DocPart, DocType

ORDER_TYPES = (DocType.curator_order, DocType.pairs_order, DocType.model_order)
HEADER_ZONE = 900
LATE_STAMP_ZONE = 3000  # how far below a body excerpt the document's own approving block is looked for
_LATE_STAMP_RE = re.compile(
    r"^\W{0,3}(?:утверждаю|утверждено|утвержден[аы]?|введен[оаы]?\s+в\s+действие)(?![а-яё])[^\n]{0,60}$", re.I | re.M
)
# the text's first line is a section or a clause of the body («1. Общие положения», «1.1. Настоящее …», «II. …»)
_BODY_OPENING_RE = re.compile(r"^\s*(?:\d{1,2}\.(?:\d{1,2}\.?)?|[IVX]{1,4}\.)\s*[А-ЯЁа-яё]")
STAMP_AFTER_TITLE = 700  # stamp blocks laid out under the title (a viewer's page, a two-column header)
STAMP_BLOCK = 400  # how far an approving block goes on below its word (columns broken word by word run long)
MAX_SCAN_CHARS = 300_000  # flags are searched in the first 300 000 characters of a part
MIN_HTML_PROSE = 800  # letters in full-length lines after the title of a pasted document without clauses
MIN_HTML_NEWS = 300  # letters in paragraphs of whole sentences after the title of a news item or an article
LISTING_AFTER = 150  # letters after a heading that make it a document and not a link in a list


def _hints_text(link_text: str, viewer_title: str | None, file_name: str | None) -> str:
    pieces = [link_text or "", viewer_title or ""]
    if file_name:
        stem = PurePosixPath(file_name).stem
        if not re.fullmatch(r"[a-z]{2}-[0-9a-f]{6}", stem):  # a development-set id carries no title
            pieces.append(detransliterate(stem).replace("_", " "))
    return " | ".join(p.strip() for p in pieces if p and p.strip())


def analyze(
    text: str,
    *,
    fmt: str | None = None,
    link_text: str = "",
    file_name: str | None = None,
    viewer_title: str | None = None,
    org_name: str | None = None,
    signature_field: bool = False,
    vocabulary_path: Path | None = None,
) -> list[DocPart]:
    """One DocPart per logical document in the text; a single DocType.other part when not about mentoring.

    vocabulary_path: another vocabulary file (default rules/vocabulary.yaml of the installation).
    """
    vocab = load_vocabulary(vocabulary_path)
    hints = _hints_text(link_text, viewer_title, file_name)
    text = prepare(text or "")
    segments = split_parts(text, eager_orders=fmt == "html") if text.strip() else []
    parts: list[DocPart] = []
    for index, segment in enumerate(segments):
        use_hints = hints if index == 0 or len(segments) == 1 else ""
        parts.append(_analyze_part(segment.text, vocab, use_hints, org_name, signature_field, fmt))
    if not parts:  # nothing readable: the link and the file name are all there is
        parts.append(_analyze_part("", vocab, hints, org_name, signature_field, fmt))
    return _postprocess(parts)


def _postprocess(parts: list[DocPart]) -> list[DocPart]:
    merged: list[DocPart] = []
    for part in parts:
        prev = merged[-1] if merged else None
        # the list of pairs attached to a pairs order is that order, not a base of mentors
        if prev and prev.type == DocType.pairs_order and part.type == DocType.mentor_registry:
            continue
        if prev and part.owner_name is None and prev.owner_name:
            part.owner_name, part.owner_matches, part.owner_snippet = (
                prev.owner_name,
                prev.owner_matches,
                prev.owner_snippet,
            )
        if prev and not part.signed and prev.signed:
            part.signed, part.signature_snippet = prev.signed, prev.signature_snippet
        merged.append(part)
    typed = [p for p in merged if p.type != DocType.other]
    if typed:
        # a signature stamp at the end of a file covers every document in it
        signed = next((p for p in typed if p.signed), None)
        if signed:
            for p in typed:
                if not p.signed:
                    p.signed, p.signature_snippet = True, signed.signature_snippet
        return typed
    pay = next((p for p in merged if p.pay_act), None)
    if pay:
        return [pay]
    # nothing on mentoring: the first part that is a document with its own requisites, not a portal's preamble
    # («Основная информация / Дата опубликования …» above «ПРИКАЗ 13.12.2018 г. № 2500»)
    return [next((p for p in merged if p.approved_on or p.number), merged[0])]


class _Ctx:
    """What the type decision looks at for one part."""

    def __init__(self, text: str, info: TitleInfo | None, hints: str, vocab: Vocabulary, fmt: str | None):
        self.text = text
        self.info = info
        self.vocab = vocab
        self.fmt = fmt
        self.title = info.title if info else ""
        self.heading = bool(info and info.heading)
        self.mt = Mapped(self.title if self.heading else "")
        self.mh = Mapped(hints)
        if info and info.card:
            # the viewer's card title printed above the document is a hint, not the document's heading
            self.mh = Mapped(" | ".join(x for x in (hints, self.title) if x))
        header = text[: min(info.title_start if info else 0, HEADER_ZONE)] if text else ""
        self.mhead = Mapped(header)
        # the subject printed right above a bare kind word («Формирование и реализация программ наставничества /
        # Методические рекомендации»)
        self.msubject = Mapped(header[-300:])
        self.body = Mapped(text[:6000])
        self.own = strip_citations(text[:MAX_SCAN_CHARS]) if text else ""
        self.mown = Mapped(self.own[:8000])

    @property
    def title_source(self) -> Mapped:
        return self.mt if self.mt.text else self.mh


def _analyze_part(
    text: str, vocab: Vocabulary, hints: str, org_name: str | None, signature_field: bool, fmt: str | None
) -> DocPart:
    info = find_title(text, vocab.title) if text else None
    title = info.title if info else ""
    if not title and hints:
        title = one_line(hints.split(" | ")[0], 200)
    is_order = (
        bool(info and info.is_order)
        or (not text.strip() and bool(re.match(r"^\W*(приказ|пр-з)", fold(hints))))
        or (bool(info and info.heading) and bool(re.match(r"^\W*(приказ|пр-з)(?!ом)", fold(title))))
    )
    ctx = _Ctx(text, info, hints, vocab, fmt)
    doc_type, type_snippet, pay_act = _decide_type(ctx, is_order)

    part = DocPart(type=doc_type, title=one_line(title, 300), type_snippet=type_snippet, pay_act=pay_act)
    title_start = info.title_start if info else 0
    title_end = info.title_end if info else 0
    body_start = info.body_start if info else 0
    stamp_end = max(title_start, min(body_start, title_end + STAMP_AFTER_TITLE)) if text else 0
    if info and not info.heading:
        # no heading: the stamp, if any, is near the top — unless the text opens inside the body («1. ОБЩИЕ
        # ПОЛОЖЕНИЯ / 1.1. …»), where the acts its clauses cite are the only dates and numbers about
        stamp_end = 0 if _BODY_OPENING_RE.match(text) else min(len(text), HEADER_ZONE)
        # a sharing site prints a piece of the body first and the document's own first page after it: an approving
        # block standing on its own lines further down is the document's stamp
        late = _LATE_STAMP_RE.search(text, stamp_end, min(len(text), LATE_STAMP_ZONE))
        if late:
            stamp_end = min(len(text), late.start() + STAMP_AFTER_TITLE)
    elif info and text:
        # an approving block that begins before the body is read to its end (a card title, a letterhead, an
        # agreement block or a stamp printed twice above it pushed it down)
        for late in _LATE_STAMP_RE.finditer(text, title_end, min(body_start, title_end + LATE_STAMP_ZONE)):
            stamp_end = max(stamp_end, min(body_start, late.start() + STAMP_BLOCK))
    act_heading = bool(info and info.heading and _is_act_heading(title))
    # an act whose own requisites open the page («№ 99 от 31.03.2022 «О …»») reads them like an order's header
    own_requisites = bool(info and info.order_head is not None)
    own_header = is_order or doc_type == DocType.external_act or act_heading or own_requisites
    # a link in a page's list of documents, the act's kind and requisites on one line («Постановление от 14.11.2023
    # № 1375 «Об …»» under the page's prose): the linked act's requisites, not the page's approval
    line_end = text.find("\n", title_start)
    heading_line = text[title_start : line_end if line_end != -1 else len(text)]
    linked = (
        bool(ACT_CITATION_RE.match(heading_line))
        and not heading_line.lstrip(_LINK_LEAD).split(" ", 1)[0].isupper()  # «ПОСТАНОВЛЕНИЕ от …»: its own heading
        and _link_listing(ctx)
    )
    approval = (
        Approval()
        if linked
        else read_stamp(
            text,
            header_end=title_start,
            stamp_end=stamp_end,
            is_order=own_header,
            order_head=info.order_head
            if info and info.order_head is not None
            else (title_start if own_header and info and info.heading and _is_act_heading(title) else None),
            order_end=title_end if info else None,
            allow_plain=bool(info and info.heading),
            garbled=_garbled_stamp(text[:stamp_end]),
            title_end=title_end if info and info.heading else 0,
        )
    )
    part.approved_on, part.number = approval.approved_on, approval.number
    part.approval_snippet = approval.snippet
    part.unnumbered_approval = approval.unnumbered and not is_order and approval.source == "approval"
    if not is_order:
        part.adopted_snippet = read_adoption(text, max(stamp_end, HEADER_ZONE if not info else title_start))
    period = read_period(title, text[title_start:])
    part.period_start, part.period_end = period.start, period.end
    part.period_snippet, part.academic_years = period.snippet, period.academic_years
    part.signed, part.signature_snippet = read_signature(text, hints, signature_field)
    part.dates = all_dates(text)
    owner_zone = text[: title_start + len(title) + 400] if text else title
    owner, owner_snippet = find_owner(owner_zone)
    if owner is None and hints:
        owner, owner_snippet = find_owner(hints)
    part.owner_name, part.owner_snippet = owner, owner_snippet
    part.owner_matches = owner_matches(owner, org_name)

    full = Mapped(text[:MAX_SCAN_CHARS]) if text else ctx.body
    if doc_type in (DocType.regulation, DocType.program, DocType.roadmap, DocType.practice, DocType.other):
        part.pupil_only, part.covers_teachers = _pupil_scope(ctx, vocab)
    if doc_type in ORDER_TYPES:
        hit = full.find(vocab.curator_clause)
        if hit:
            part.curator_clause, part.curator_snippet = True, full.snippet(hit[1])
        elif doc_type == DocType.curator_order:
            part.curator_clause, part.curator_snippet = True, part.title
    if pay_act or doc_type == DocType.pay_regulation:
        hit = full.find(vocab.pay_clause)
        if hit:
            part.pay_mentoring_clause, part.pay_snippet = True, full.snippet(hit[1])
    return part


_LINK_LEAD = " \t-–—•«\"'"  # what a list item or a quoted link opens with


def _is_act_heading(title: str) -> bool:
    return bool(
        re.match(
            r"^\W*(постановление|распоряжение|приказ(?![а-я])|указ(?![а-я])|решение|письмо|дополнительное\s+соглашение|"
            r"соглашение)",
            fold(title),
        )
    )


_SEAL_NOISE = set("*^|<>?{}[]~`#$%&\\")


def _garbled_stamp(header: str) -> bool:
    """OCR noise of a seal and a signature in the stamp area («> ь'*1эекова»): the stamp cannot be read."""
    for line in header.split("\n"):
        s = line.strip()
        # a letterhead's «e-mail: [email protected]» (a site's hidden address) or a link is no seal
        if (
            len(s) >= 3
            and sum(ch in _SEAL_NOISE for ch in s) >= 2
            and not re.search(r"dn:|cn=|e=|@|e-?mail|protected|https?:", s, re.I)
        ):
            return True
    return False


# ------------------------------------------------------------------------------------------------ citations

_QUOTED_RE = re.compile(r"[«\"“„]([^«»\"“”„]{0,400}?)[»\"”]+")
_ACT_BEFORE_RE = re.compile(
    r"(распоряжени|письм|приказ|постановлени|указ|закон|кодекс|методологи|рекомендаци|концепци|№\s*[\w/-]+|"
    r"р-?145|от\s+\d)[^.;\n]{0,160}$",
    re.I,
)


# the name of Р-145's model, «(методология) целевая модель наставничества обучающихся», in any case and layout
_MODEL_NAME = r"целев\w*\s+модел\w*\s*\)?\s*наставничеств\w*\s+обучающ\w*"
_METHODOLOGY = r"методологи\w*\s*\(?\s*"


def strip_citations(text: str) -> str:
    """The text without the quoted titles of the acts it cites: Р-145 is «Об утверждении методологии (целевой
    модели) наставничества обучающихся …», which says nothing about whom the citing document is for."""

    def cut(m: re.Match[str]) -> str:
        before = text[max(0, m.start() - 200) : m.start()]
        if _ACT_BEFORE_RE.search(before) or re.match(r"\s*(об?|о\s+)", m.group(1), re.I):
            return " " * len(m.group(0))
        return m.group(0)

    text = _QUOTED_RE.sub(cut, text)
    # a cited title whose quote the text never closes (an excerpt or a page cut inside the citation, or a text
    # layer that scattered the title's words over columns): from its opening quote to the end
    tail = re.search(r"[«\"“„]\s*(?:об?|о\s)[^«»\"“”„]{0,600}$", text, re.I)
    if tail and _ACT_BEFORE_RE.search(text[max(0, tail.start() - 200) : tail.start()]):
        text = text[: tail.start()] + " " * (len(text) - tail.start())
    # the methodology's title cited without quotes (a line broken inside the quotes, a lost quote), and
    # «… N Р-145 о внедрении Целевой модели наставничества обучающихся …» retold after the act's number
    return re.sub(
        rf"(?:{_METHODOLOGY}|р-?\s?145[^.;\n«»]{{0,40}}?){_MODEL_NAME}[^;.\n]{{0,300}}",
        lambda m: " " * len(m.group(0)),
        text,
        flags=re.I,
    )


_MODEL_NAME_RE = re.compile(rf"(?:{_METHODOLOGY})?{_MODEL_NAME}", re.I)


def _pupil_scope(ctx: _Ctx, vocab: Vocabulary) -> tuple[bool, bool]:
    """(pupil_only, covers_teachers) from what the document itself regulates: its own title and its own text
    without the titles of the acts it cites."""
    title_teacher = bool(ctx.mt.find(vocab.teacher_markers) or ctx.mt.find(vocab.teacher_title_markers))
    # «Программа наставничества в рамках целевой модели наставничества обучающихся»: the frame is Р-145's model,
    # whose name says «обучающихся» while its forms include «учитель – учитель»; it restricts nothing
    title_pupil = bool(Mapped(_MODEL_NAME_RE.sub(" ", ctx.mt.original)).find(vocab.pupil_markers))
    own = ctx.mown
    teacher = bool(own.find(vocab.teacher_markers))
    pupil = bool(Mapped(_MODEL_NAME_RE.sub(" ", ctx.own[:8000])).find(vocab.pupil_markers))
    if title_pupil and not title_teacher:
        forms = bool(own.find(vocab.teacher_forms))  # «Положение о наставничестве обучающихся … учитель – учитель»
        return not forms, forms
    if title_teacher:
        return False, True
    pupil_only = pupil and not teacher
    return pupil_only, not pupil_only


# ------------------------------------------------------------------------------------------------ decision


_CLAUSE_RE = re.compile(r"^\s*\d{1,2}(\.\d{1,2})*(?:\.?[\s\t]+|\.(?=[А-ЯЁ][а-яё]))\S.{30,}", re.M)


# a document's own first clause («1.1. Настоящее Положение …», «Настоящая Программа разработана …»): a document
# pasted on the page, however little of it shows (a list of links never speaks of itself so)
_OWN_OPENING_RE = re.compile(r"(?<![а-яё])настоящ(?:ее|ая|ий)\s+(?:положени|программ|порядок|правил|дорожн|план)", re.I)


# an approval or adoption block standing on its own line, its order or protocol below it: an act pasted on the page
# (a table of measures has neither clauses nor prose), which a list of links never has
_STAMP_BLOCK_RE = re.compile(
    r"^\s*[«\"]?(?:утвержд(?:ен[оаы]?|аю)|принят[оаы]?|согласован[оаы]?)[»\"]?\s*:?\s*\n(?:.*\n){0,4}?.*(?:приказ|протокол)",
    re.M | re.I,
)


def _looks_like_document_body(after_title: str) -> bool:
    """Numbered clauses, «ПРИКАЗЫВАЮ» or long prose: a pasted document, not a list of links."""
    if re.search(r"П\s?Р\s?И\s?К\s?А\s?З\s?Ы\s?В\s?А\s?Ю", after_title):
        return True
    if len(_CLAUSE_RE.findall(after_title)) >= 2 or _OWN_OPENING_RE.search(after_title):
        return True
    lines = [line for line in after_title.split("\n") if len(line.strip()) >= 60]
    if _letters(lines) >= MIN_HTML_PROSE:
        return True
    # a short news item or article: paragraphs of whole sentences, which a list of links does not have
    sentences = [line for line in lines if line.rstrip().endswith((".", "!", "?", "…", ".»", "!»", "?»"))]
    return len(sentences) >= 2 and _letters(sentences) >= MIN_HTML_NEWS


def _letters(lines: list[str]) -> int:
    return sum(ch.isalpha() for line in lines for ch in line)


_OWN_DOC_RE = re.compile(
    r"п\s?р\s?и\s?к\s?а\s?з\s?ы\s?в\s?а\s?ю|настоящ(ее|ая|ий|ие)\s+(положени|программ|порядок|правил|план)|"
    r"утвержд[её]н[оаы]?\s|утверждаю|^\s*\d{1,2}\.\d{1,2}\.?\s+\S|"
    # a programme's own opening, its legal basis listed below («Пояснительная записка / Программа … разработана в
    # целях …»)
    r"^\s*пояснительная\s+записка\s*$|(?:программа|положение)[^.\n]{0,120}?разработан[оа]?\s+(?:в\s|на\s+основе)",
    re.I | re.M,
)
_LIST_ITEM_RE = re.compile(r"^\s*(?:[-–—•*·]|\d{1,2}[.)])\s*(?P<rest>\S.*)$")


def _acts_listing(ctx: _Ctx) -> bool:
    """A section page whose body lists federal and regional acts («Документы / Федеральный уровень / - Письмо …»)."""
    acts = 0
    for line in ctx.text.split("\n"):
        m = _LIST_ITEM_RE.match(line)
        if not m:
            continue
        rest = fold(m.group("rest"))
        if re.match(r"(письм|распоряжени|приказ|постановлени|указ|федеральн\w*\s+закон|закон|методическ)", rest) and (
            re.search(r"№|\bn\s?\d|от\s+\d", rest) or "«" in rest or '"' in rest
        ):
            acts += 1
    return acts >= 2 and not _OWN_DOC_RE.search(ctx.text)


_NOT_PROSE_RE = re.compile(
    r"^\W*(муниципальн|государственн|частн|автономн|бюджетн|учреждени|утвержд|принят|согласован|рассмотрен|"
    r"приложени|протокол|приказ|директор|заведующ|подписан|dn:|сертификат|владелец)",
    re.I,
)


def _prose_letters(lines: list[str]) -> int:
    total = 0
    for line in lines:
        s = line.strip()
        if _NOT_PROSE_RE.match(s):
            continue
        if len(s) >= 60 and re.search(r"[а-яё]{3,}\s+[а-яё]{3,}", s):
            total += sum(ch.isalpha() for ch in s)
    return total


def _link_listing(ctx: _Ctx) -> bool:
    """The chosen heading is a link in a list on a page: prose before it, hardly anything of its own after it."""
    info = ctx.info
    if not info or not info.heading or info.is_order or info.title_start == 0:
        return False
    before = ctx.text[: info.title_start].split("\n")
    if _prose_letters(before) < 100:
        return False
    after = ctx.text[info.title_end :]
    if _OWN_DOC_RE.search(ctx.text[info.title_start :]):
        return False
    # the heading is one of a list of links of the same shape («Индивидуальная программа наставничества А – Б»)
    head = fold(ctx.title).split()[:3]
    following = [fold(x).split()[:3] for x in after.split("\n") if x.strip()][:3]
    if len(head) == 3 and following and following[0] == head:
        return True
    letters = 0
    for line in after.split("\n"):
        s = line.strip()
        if not s:
            continue
        if re.match(r"^\W*(положени|программ|план|приказ|дорожн|индивидуальн|порядок|отч[её]т|памятк)", s, re.I):
            continue  # the next link of the same list
        letters += sum(ch.isalpha() for ch in s)
    return letters < LISTING_AFTER


_R145_TITLE_RE = re.compile(_METHODOLOGY + _MODEL_NAME, re.I)


# the Year of the Teacher and Mentor, its slogan («престиж учителя, педагога, наставника») and the state award
# «За наставничество»: festive words that name mentoring without telling of anyone's mentoring
_FESTIVE_RE = re.compile(
    r"год\w*\s+педагога\s+и\s+наставника|учител\w*,\s*педагог\w*,?\s+(и\s+)?наставник\w*|"
    r"знак\w*\s+отличия\s+\W?за\s+наставничество",
    re.I,
)


def mentoring_mentions(text: str) -> int:
    """Words of mentoring in the text, without the festive ones (the Year of the Teacher and Mentor, the award «За
    наставничество») and the title of Р-145 that nearly every school document cites."""
    text = _FESTIVE_RE.sub(" ", fold(text[:MAX_SCAN_CHARS]))
    text = _R145_TITLE_RE.sub(" ", text)
    # article 351.8 of the Labour Code is the article on mentoring (381-ФЗ)
    return len(re.findall(r"наставни|наставля", text)) + 3 * len(re.findall(r"351\.8", text))


# a heading that is only a kind of document, its subject printed above it
_KIND_ONLY_RE = re.compile(
    r"^\W*(методические\s+(рекомендации|материалы)|методическое\s+пособие|учебное\s+пособие|памятка|"
    r"сборник(\s+материалов)?)(?![а-яё])(?!\s+(по|о|об|для)\s)",
    re.I,
)


def _is_mentoring(ctx: _Ctx) -> bool:
    vocab = ctx.vocab
    if ctx.mt.find(vocab.mentoring_markers) or ctx.mh.find(vocab.mentoring_markers):
        return True
    if ctx.mt.text and _KIND_ONLY_RE.match(ctx.title) and ctx.msubject.find(vocab.mentoring_markers):
        return True  # «Организация наставничества … / Методические рекомендации»: the subject above the kind
    mentions = mentoring_mentions(ctx.text)
    if mentions >= vocab.article_min_mentions and _article_card(ctx):
        return True  # a paper's card names mentoring in its title and its bibliographic line only
    return mentions >= vocab.mentoring_body_min


def _article_card(ctx: _Ctx) -> bool:
    """A research article's or a conference paper's card: two of its fields (abstract, keywords, DOI, «Статья
    опубликована в рамках … конференции», «Библиографическое описание»)."""
    return len([p for p in ctx.vocab.article_card_markers if ctx.body.find([p])]) >= 2


def _names_own_org(title: str) -> bool:
    """«Мониторинг реализации региональной целевой модели наставничества в МБДОУ № 61»: a title that names an
    organization (not an authority) is the organization's own document about a higher-level act."""
    owner, _ = find_owner(title)
    return owner is not None


def _pay(ctx: _Ctx) -> tuple[bool, str]:
    pay = ctx.vocab.types.get(DocType.pay_regulation, [])
    for source in (ctx.mt, ctx.mh):
        hit = source.find(pay)
        if hit:
            return True, source.snippet(hit[1])
    return False, ""


def _publisher_line(zone: str, institutions: list[str]) -> str:
    """A line of the header or the title page that names a regional methodological institution («Государственное
    бюджетное учреждение дополнительного профессионального образования «… институт …»»): its publisher."""
    for line in zone.split("\n"):
        line = line.strip()
        if not line or len(line) > 200:
            continue
        mapped = Mapped(line)
        hit = mapped.find(institutions)
        if (
            hit
            and mapped.span(hit[1])[0] < 60
            and not re.search(r"[а-яё]{3,}[.!?]\s|рецензент|согласован|составител|автор|разработчик", line, re.I)
        ):
            return one_line(line, 160)
    return ""


def _template_placeholder(text: str, patterns: list[str]) -> str:
    """The blank a template leaves for the organization's name in the sentence that names the document itself
    («Настоящее Положение о наставничестве в («Наименование образовательной организации») …»). A blank in an
    appended form («Я, ____, работник ____ (наименование организации)») does not make a school's act a template."""
    for own in re.finditer(r"настоящ\w+\s+(?:положени|программ|порядок|правила|дорожн)", text, re.I):
        sentence = re.split(r"(?<=[а-яё»)])\.\s|\n\s*\d", text[own.start() : own.end() + 300], maxsplit=1)[0]
        m = _first_match(sentence, patterns)
        if m:
            return one_line(sentence[: m.end() + 20])
    return ""


def _first_match(text: str, patterns: list[str]) -> re.Match[str] | None:
    """Where the first of the patterns (regular expressions, searched in the text as it is) is found."""
    for pattern in patterns:
        m = re.search(pattern.removeprefix("re:").strip(), text, re.I)
        if m:
            return m
    return None


_ACT_SUBJECT_RE = re.compile(r"^\W{0,3}об?\s+утверждении\s", re.I)


def _decide_type(ctx: _Ctx, is_order: bool) -> tuple[DocType, str, bool]:
    """(type, the words it was decided on, pay_act)."""
    vocab = ctx.vocab
    text = ctx.text
    info = ctx.info
    if ctx.fmt == "html" and text and info is not None and info.heading:
        # a web page that only lists documents by name is not a pasted document itself — unless its own heading
        # says the page is a base of mentors or a dated monitoring of mentoring, its rows written on the page (a
        # section's table «Наличие раздела … / Количество наставнических пар …»): that is typed as a document is,
        # a higher level's report re-published included
        if (
            not _looks_like_document_body(text[info.title_end :])
            and not _STAMP_BLOCK_RE.search(text)
            and not _is_base_or_monitoring_page(ctx)
        ):
            return DocType.other, "", False
    if text and _acts_listing(ctx):
        return DocType.other, "", False
    if text and _link_listing(ctx):
        # a page listing documents by name: a document only if the page itself is a base of mentors, a list of
        # practices or reports («Педагоги-наставники школы, включённые в единую базу наставников»)
        page = _page_type(ctx)
        return (page[0], page[1], False) if page else (DocType.other, "", False)

    mentoring = _is_mentoring(ctx)
    is_pay, pay_snippet = _pay(ctx)
    clause_anywhere = bool(text and Mapped(text[:MAX_SCAN_CHARS]).find(vocab.pay_clause))
    pay_clause = is_pay and clause_anywhere

    # ------------------------------------------------------------------ acts of higher levels
    ext = vocab.external_act
    # an act is recognized by a real heading (not by a line of the body picked for want of one) or by the link
    heading = ctx.mt if info is not None and info.score >= 3 else Mapped("")
    if not heading.text and info is not None and info.title_start < 200 and _ACT_SUBJECT_RE.match(info.title):
        # «Об утверждении методологии (целевой модели) …» at the top of a legal database's page: the act's name,
        # too long to score as a heading
        heading = Mapped(info.title)
    for source in (heading, ctx.mh):
        hit = source.find(ext.titles)
        if hit and (hit[0].startswith("re:") or not _names_own_org(source.original)):
            return DocType.external_act, source.snippet(hit[1]), False
        hit = source.find(ext.generic_titles)
        if hit and (mentoring or clause_anywhere) and not _names_own_org(source.original):
            return DocType.external_act, source.snippet(hit[1]), False
    scope = _first_match(text[:6000], ext.approves_for_many)
    if scope and (mentoring or Mapped(scope.group(0)).find(vocab.mentoring_markers)):
        return DocType.external_act, one_line(scope.group(0), 200), False
    placeholder = _template_placeholder(text[:6000], ext.template_placeholders)
    if placeholder and mentoring:
        return DocType.external_act, placeholder, False
    issuer = ctx.mhead.find(ext.issuers)
    if issuer and not ctx.mhead.find(ext.own_org_markers) and (mentoring or clause_anywhere):
        return DocType.external_act, ctx.mhead.snippet(issuer[1]), False
    # methodical material published by a regional institute (never a school's programme its methodist reviewed)
    institution = (
        _publisher_line(text[: (info.title_end if info else 0) + 800], ext.higher_institutions)
        if re.search(r"методическ\w*\s+(рекомендаци|пособи|материал)", ctx.title_source.original, re.I)
        else ""
    )
    if institution and mentoring:
        return DocType.external_act, institution, False

    # ------------------------------------------------------------------ near misses
    title_source = ctx.title_source
    for rule in vocab.negative:
        hit = title_source.find([rule.pattern])
        if hit and not (rule.unless and title_source.find(rule.unless)):
            return DocType.other, title_source.snippet(hit[1]), is_pay

    # ------------------------------------------------------------------ pay acts
    if is_pay and not is_order:
        if pay_clause:
            return DocType.pay_regulation, pay_snippet, True
        # a pay act without a mentoring clause is not a mentoring document; pay_act keeps the fact for the rule
        return DocType.other, pay_snippet, True

    # ------------------------------------------------------------------ orders
    if is_order:
        return (*_order_type(ctx, mentoring), False)

    # ------------------------------------------------------------------ titles
    found = _title_type(ctx, mentoring)
    if (
        found is not None
        and found[0] not in (DocType.practice, DocType.guidelines)
        and ctx.mt.find(vocab.article_headlines)
        and not _document_evidence(text)
    ):
        found = None  # «Доклад о реализации программы наставничества»: an article about a programme
    body = _body_type(ctx, mentoring)
    if found is not None:
        doc_type, snippet = found
        if doc_type != DocType.other and ctx.title_source.find(vocab.needs_document_evidence):
            if not _document_evidence(text):
                return DocType.other, "", False  # «Целевая модель наставничества» over definitions: a section page
        if (
            info is not None
            and info.card
            and info.title_start == 0
            and body is not None
            and body[0] != doc_type
            and body[2]
            and _starts_mid_document(text[info.title_end :])
        ):
            return body[0], body[1], False  # the card says one thing, the excerpt of the body another
        return doc_type, snippet, False
    if body is not None and (mentoring or body[2]):
        return body[0], body[1], False
    if _legal_basis(ctx) and not (info is not None and info.heading and info.score >= 3):
        return DocType.regulation, "правовая основа документа о наставничестве", False
    if not mentoring:
        return DocType.other, "", False
    narrative = _narrative_type(ctx)
    if narrative is not None:
        return narrative[0], narrative[1], False
    return DocType.other, "", False


def _order_type(ctx: _Ctx, mentoring: bool) -> tuple[DocType, str]:
    vocab = ctx.vocab
    subject = ctx.mt if ctx.mt.text and len(ctx.mt.text) > 8 else ctx.mh
    body = ctx.body
    year_hit = subject.find(vocab.pairs_by_year)
    if year_hit:
        # «Об организации наставничества на 2024-2025 учебный год» is usually the annual pairs order, unless
        # its clauses introduce the model (approve the Положение) and fix no pairs
        fixes_pairs = body.find(vocab.order_body.get(DocType.pairs_order, []))
        sets_model = body.find(vocab.order_body.get(DocType.model_order, []))
        year_type = DocType.model_order if sets_model and not fixes_pairs else DocType.pairs_order
        return year_type, subject.snippet(year_hit[1])
    pairs = subject.find(vocab.orders.get(DocType.pairs_order, []))
    intro = subject.find(vocab.order_model_intro)
    if intro and not pairs:
        # «О внедрении целевой модели наставничества и назначении куратора»: the order introduces the model;
        # its curator clause is read as curator_clause
        return DocType.model_order, subject.snippet(intro[1])
    for doc_type, phrases in vocab.orders.items():
        hit = subject.find(phrases)
        if hit:
            return doc_type, subject.snippet(hit[1])
    if not mentoring:
        return DocType.other, ""
    for doc_type, phrases in vocab.order_body.items():
        hit = body.find(phrases)
        if hit:
            return doc_type, body.snippet(hit[1])
    return DocType.model_order, one_line(ctx.title, 200)


def _title_type(ctx: _Ctx, mentoring: bool) -> tuple[DocType, str] | None:
    vocab = ctx.vocab
    for source in (ctx.mt, ctx.mh):
        ordered = [*vocab.title_starts.items(), *vocab.types.items()]
        for doc_type, phrases in ordered:
            if doc_type == DocType.pay_regulation:
                continue
            hit = source.find(phrases)
            if not hit:
                continue
            if not mentoring:
                return DocType.other, ""
            if (
                doc_type in vocab.generic_types
                and not (ctx.mt.find(vocab.mentoring_markers) or ctx.mh.find(vocab.mentoring_markers))
                and not (_KIND_ONLY_RE.match(ctx.title) and ctx.msubject.find(vocab.mentoring_markers))
                and mentoring_mentions(ctx.text) < vocab.mentoring_body_min_generic
            ):
                return DocType.other, ""  # «Мониторинг качества образования» with a word on mentoring
            if doc_type == DocType.report and ctx.title and _has_word(vocab.title.headline_verbs, ctx.title):
                return DocType.practice, ctx.title  # «Подведены итоги конкурса … наставничества»: news, not a report
            return doc_type, source.snippet(hit[1])
    return None


def _body_type(ctx: _Ctx, mentoring: bool) -> tuple[DocType, str, bool] | None:
    """The type the body's own wording shows (third value: strong enough to overrule a card title)."""
    if not ctx.text:
        return None
    vocab = ctx.vocab
    for doc_type, phrases in vocab.body_markers.items():  # these phrases name mentoring themselves
        hit = ctx.mown.find(phrases)
        if hit:
            return doc_type, ctx.mown.snippet(hit[1]), True
    if not mentoring:
        return None
    for doc_type, phrases in vocab.body_fallback.items():
        hit = ctx.body.find(phrases)
        if hit:
            return doc_type, ctx.body.snippet(hit[1]), False
    return None


_EVIDENCE_RE = re.compile(
    r"приложени\w*\s*(№\s*\d+\s*)?(к|ко)\s+приказ|утвержд[её]н[оаы]?(?![а-яё])|утверждаю|принят[оаы]?\s|"
    r"^\s*содержание\s*$|^\s*оглавление|п\s?р\s?и\s?к\s?а\s?з\s?ы\s?в\s?а\s?ю",
    re.I | re.M,
)


def _document_evidence(text: str) -> bool:
    """A stamp, an appendix line, a table of contents or numbered clauses: a document, not a page about one."""
    return bool(_EVIDENCE_RE.search(text[:4000])) or len(_CLAUSE_RE.findall(text[:4000])) >= 3


def _page_type(ctx: _Ctx) -> tuple[DocType, str] | None:
    first = next((line.strip() for line in ctx.text.split("\n") if line.strip()), "")
    if not first or len(first) > 150 or first.endswith("."):
        return None  # the page's own heading, not a sentence of its text
    source = Mapped(first)
    for doc_type in (DocType.mentor_registry, DocType.practice, DocType.report):
        hit = source.find(ctx.vocab.types.get(doc_type, []))
        if hit:
            return doc_type, source.snippet(hit[1])
    hit = ctx.mown.find(ctx.vocab.body_markers.get(DocType.mentor_registry, []))
    if hit:
        return DocType.mentor_registry, ctx.mown.snippet(hit[1])
    return None


_YEAR_RE = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")  # «на 13.12.2024», «за 2023-2024 учебный год», «2024 год»


def _is_base_or_monitoring_page(ctx: _Ctx) -> bool:
    """Is the web page itself a base of mentors («Педагоги-наставники, включённые в региональную базу наставников»,
    in its heading or its own words) or a dated monitoring or report of mentoring («Мониторинг реализации целевой
    модели наставничества … на 13.12.2024», in its heading)? «Мониторинг» with no year over links is a list."""
    heading = ctx.mt
    if heading.find(ctx.vocab.types.get(DocType.mentor_registry, [])):
        return True
    if ctx.mown.find(ctx.vocab.body_markers.get(DocType.mentor_registry, [])):
        return True
    report = heading.find(ctx.vocab.types.get(DocType.report, []))
    return bool(report and heading.find(ctx.vocab.mentoring_markers) and _YEAR_RE.search(ctx.title))


def _legal_basis(ctx: _Ctx) -> bool:
    """Two lines or more of a legal basis («– Распоряжением Минпросвещения …», «Письмом …») citing an act on
    mentoring (Р-145, МР-42/02, АЗ-1128/08): the middle of a local act on mentoring."""
    words = [fold(w) for w in ctx.vocab.legal_basis_lines]
    count = 0
    for line in ctx.text.split("\n")[:80]:
        s = fold(line.strip()).lstrip("-–—•·* ")
        if any(s.startswith(w) for w in words):
            count += 1
    mentoring_acts = [p for p in ctx.vocab.external_act.titles if p.startswith("re:")]
    return count >= 2 and bool(ctx.body.find(mentoring_acts))


def _starts_mid_document(after: str) -> bool:
    """The text under a card title starts inside the document (a continued sentence, a bullet, clause 2.3)."""
    for line in after.split("\n"):
        s = line.strip()
        if not s:
            continue
        if s[:1].islower() or re.match(r"^[-–—•·*]\s*[а-яё]", s):
            return True
        m = re.match(r"^(\d{1,2})\.(\d{1,2})?", s)
        return bool(m and (int(m.group(1)) >= 2 or (m.group(2) and int(m.group(2)) >= 2)))
    return False


_ADDRESS_RE = re.compile(r"^\W{0,3}(?:уважаем|дорог|многоуважаем)[а-яё]*\s[^!.]{0,120}!", re.I)


def _narrative_type(ctx: _Ctx) -> tuple[DocType, str] | None:
    """News and write-ups of mentoring practice, or methodical articles: prose about mentoring with no document
    heading and no stamp."""
    vocab = ctx.vocab
    if ctx.info is not None and ctx.info.heading and ctx.info.score >= 5:
        return None  # a document with its own heading of a kind the vocabulary does not type
    mentions = mentoring_mentions(ctx.text)
    # a news item or an article whose own headline names mentoring needs fewer mentions in its excerpt
    headline = bool(ctx.title and Mapped(ctx.title).find(vocab.mentoring_markers))
    if mentions < vocab.narrative_min_mentions and not (headline and mentions >= vocab.article_min_mentions):
        # a research article's card names mentoring in its title and keywords only: fewer mentions do
        if not _article_card(ctx) or mentions < vocab.article_min_mentions:
            return None
    if ctx.title and _ADDRESS_RE.match(ctx.title):
        return None  # «Уважаемые наставники, …!»: a greeting on a holiday, not news of a practice nor an article
    body = ctx.body
    practice = [p for p in vocab.practice_markers if body.find([p])]
    if ctx.title and _has_word(vocab.title.headline_verbs, ctx.title):
        practice.append("заголовок новости")  # «… получат премию», «… прошёл семинар»
        if headline:
            # «Волонтёры-наставники провели занятие»: the headline itself reports what mentors did
            practice.append("заголовок новости о наставничестве")
    guide = [p for p in vocab.guidelines_markers if body.find([p])]
    if len(practice) >= 2 and len(practice) >= len(guide):
        return DocType.practice, ", ".join(practice[:3])
    if len(guide) >= 2:
        return DocType.guidelines, ", ".join(guide[:3])
    return None


__all__ = ["analyze", "mentoring_mentions", "strip_citations"]
