"""The plain data of citecheck: documents, spans, citations, links, claims and findings.

Every type here is an immutable value. Offsets are half-open character ranges into the
decoded text of a file (``Document.text``); line and column are derived only when a report
is rendered (see :mod:`citecheck.textspan`).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from enum import StrEnum


@dataclass(frozen=True, slots=True, order=True)
class Span:
    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}..{self.end}")

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def slice(self, text: str) -> str:
        return text[self.start : self.end]


class DocFormat(StrEnum):
    TEXT = "text"
    MARKDOWN = "markdown"
    HTML = "html"


class BlockKind(StrEnum):
    PARAGRAPH = "paragraph"
    HEADING = "heading"
    LIST_ITEM = "list-item"
    QUOTE = "quote"
    CODE = "code"
    REFERENCE = "reference"  # footnote definition or reference-list entry
    CHROME = "chrome"  # forum furniture, front matter, navigation


@dataclass(frozen=True, slots=True)
class Block:
    """A run of text that reads as one unit: a paragraph, a heading, a quoted block, ..."""

    kind: BlockKind
    span: Span
    post: int | None = None  # index into Document.posts
    quote_depth: int = 0
    heading_level: int = 0


@dataclass(frozen=True, slots=True)
class Post:
    """One post of a forum thread."""

    index: int
    span: Span
    number: str | None = None  # "#31" as written
    author: str | None = None
    header: Span | None = None  # the chrome lines that introduce the post

    @property
    def label(self) -> str:
        if self.number:
            return f"post {self.number}"
        return f"post {self.index + 1}"


class LinkOrigin(StrEnum):
    BARE = "bare"
    MARKDOWN = "markdown"
    AUTOLINK = "autolink"
    REFERENCE = "reference"  # markdown reference definition
    HTML = "html"
    INFERRED = "inferred"  # implied by a pasted link title ("X - Wikipedia")
    PAGE = "page"  # in a page's navigation, header, footer or <head>: checked, never a cited source


@dataclass(frozen=True, slots=True)
class MarkupLink:
    """A hyperlink written in markup: the target and the text the reader sees."""

    url: str
    span: Span  # the whole construct, e.g. ``[anchor](url)``
    url_span: Span  # where the URL itself is written
    anchor: Span | None  # the visible anchor text
    origin: LinkOrigin
    image: bool = False


@dataclass(frozen=True, slots=True)
class Footnote:
    label: str
    span: Span  # the definition ``[^1]: ...`` as a whole
    body: Span  # the text after the marker


@dataclass(frozen=True, slots=True)
class Document:
    path: str
    text: str
    format: DocFormat
    # ``prose`` has the length of ``text``; markup and forum chrome are blanked with spaces (line
    # breaks are kept) so that every offset found in ``prose`` is also an offset into ``text``.
    prose: str
    blocks: tuple[Block, ...] = ()
    posts: tuple[Post, ...] = ()
    links: tuple[MarkupLink, ...] = ()
    footnotes: tuple[Footnote, ...] = ()
    footnote_refs: tuple[tuple[str, Span], ...] = ()
    emphasis: tuple[Span, ...] = ()  # italic/bold spans in markup (candidate titles)
    comments: tuple[tuple[str, Span], ...] = ()  # markup comments (suppressions live there)
    notices: tuple[str, ...] = ()  # e.g. "invalid UTF-8 replaced at byte 17"
    encoding: str = "utf-8"
    bom: bool = False
    newline: str = "\n"

    def post_at(self, offset: int) -> Post | None:
        i = bisect_right(self.posts, offset, key=lambda post: post.span.start) - 1
        if i >= 0 and self.posts[i].span.start <= offset < self.posts[i].span.end:
            return self.posts[i]
        return None


class SourceKind(StrEnum):
    BOOK = "book"
    DIARY = "diary"
    ARTICLE = "article"
    WEB = "web"
    VIDEO = "video"
    FORUM = "forum"
    THESIS = "thesis"
    ARCHIVE = "archive"
    OTHER = "other"


class Tier(StrEnum):
    PRIMARY = "primary"
    SECONDARY = "secondary"
    TERTIARY = "tertiary"
    USER_GENERATED = "user-generated"


@dataclass(frozen=True, slots=True)
class Citation:
    """A work the text points to, as found (before it is matched to the catalogue)."""

    span: Span
    surface: str
    kind: SourceKind
    cue: str  # which extractor found it: "url", "link-title", "work-noun", "bibliography", ...
    title: str | None = None
    authors: tuple[str, ...] = ()
    editors: tuple[str, ...] = ()
    year: int | None = None
    url: str | None = None
    url_inferred: bool = False
    site: str | None = None
    publisher: str | None = None
    isbn: str | None = None
    doi: str | None = None
    vague: bool = False
    via: Span | None = None  # the outer citation this one is known through
    anaphor: bool = False  # "the same book": refers back to an earlier citation


@dataclass(frozen=True, slots=True)
class Source:
    """A citation matched (or not) against the catalogue."""

    id: str  # stable within the file: "S1", "S2", ... in document order
    citation: Citation
    ref: str | None  # catalogue id
    kind: SourceKind  # the citation's kind, or the work's when the catalogue or a full reference says more
    tier: Tier | None = None
    via: str | None = None  # id of the outer Source
    same_as: str | None = None  # id of this document's full reference for a short form ("Perry (2005)")
    title: str | None = None
    authors: tuple[str, ...] = ()
    year: int | None = None
    url: str | None = None


class LinkStatus(StrEnum):
    OK = "ok"
    REDIRECTED = "redirected"
    BROKEN = "broken"
    UNREACHABLE = "unreachable"
    TIMEOUT = "timeout"
    BLOCKED = "blocked"
    UNRECORDED = "unrecorded"
    EXCLUDED = "excluded"
    UNSUPPORTED = "unsupported"
    UNCHECKED = "unchecked"  # links mode "off"

    def is_success(self) -> bool:
        return self in (LinkStatus.OK, LinkStatus.REDIRECTED)


class ResponseOrigin(StrEnum):
    CASSETTE = "cassette"
    LIVE = "live"
    CACHE = "cache"
    NONE = "none"


@dataclass(frozen=True, slots=True)
class RawLink:
    """A URL as written in a document (maybe invalid until checked)."""

    url: str
    span: Span
    origin: LinkOrigin
    anchor: str | None = None


@dataclass(frozen=True, slots=True)
class Redirect:
    status: int
    url: str  # the URL that answered with this redirect


@dataclass(frozen=True, slots=True)
class LinkVerdict:
    """What checking one URL found out; independent of where the URL was written."""

    url: str
    status: LinkStatus
    http_status: int | None = None
    final_url: str | None = None
    origin: ResponseOrigin = ResponseOrigin.NONE
    redirects: tuple[Redirect, ...] = ()
    permanent: bool = False  # every redirect hop was permanent (301/308)
    detail: str = ""  # human detail; never matched on
    archive_url: str | None = None  # a Wayback copy suggested for a broken link
    soft_404: bool = False
    missing_fragment: str | None = None


@dataclass(frozen=True, slots=True)
class Link:
    raw: RawLink
    verdict: LinkVerdict


class ClaimKind(StrEnum):
    FACT = "fact"
    STATISTIC = "statistic"
    QUOTATION = "quotation"
    ATTRIBUTION = "attribution"
    WEASEL = "weasel"


@dataclass(frozen=True, slots=True)
class Claim:
    span: Span
    text: str
    kind: ClaimKind
    supported: bool
    support: tuple[str, ...] = ()  # Source ids
    weak: bool = False  # supported only by tertiary or user-generated sources
    cues: tuple[str, ...] = ()  # why the sentence counts as a claim
    marker_support: bool = False  # supported by a bare footnote/locator marker


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "note": 1}[self.value]


class Applicability(StrEnum):
    SAFE = "safe"
    UNSAFE = "unsafe"
    DISPLAY = "display-only"


@dataclass(frozen=True, slots=True)
class Fix:
    replacement: str
    span: Span
    applicability: Applicability = Applicability.SAFE
    title: str = ""


@dataclass(frozen=True, slots=True)
class Related:
    """Another place a finding points to (the original of a duplicated passage, ...)."""

    path: str
    span: Span
    label: str = ""


@dataclass(frozen=True, slots=True)
class Finding:
    code: str
    rule: str
    severity: Severity
    message: str
    span: Span
    fix: Fix | None = None
    anchor: str = ""  # the text the finding is about; used for fingerprints
    related: tuple[Related, ...] = ()
    why: str = ""  # which cue fired


@dataclass(frozen=True, slots=True)
class FileReport:
    path: str
    document: Document
    sources: tuple[Source, ...] = ()
    links: tuple[Link, ...] = ()
    claims: tuple[Claim, ...] = ()
    findings: tuple[Finding, ...] = ()
    provenance: tuple[ProvenanceEdge, ...] = ()


@dataclass(frozen=True, slots=True)
class ProvenanceEdge:
    """``child`` is known through ``parent`` (a claim through a source, a source through another)."""

    child: str
    parent: str
    relation: str  # "supported-by" | "via" | "published-at"


@dataclass(frozen=True, slots=True)
class Report:
    files: tuple[FileReport, ...]
    baselined: int = 0
    suppressed: int = 0
    notices: tuple[str, ...] = field(default=())
