"""What ingestion hands back: the document, its citable passages, and the facts it proposes.

A :class:`Document` is the text of one original file, identified by the SHA-256 of the file's bytes
(the original is never altered, so the hash is its permanent name). Its text is split into
:class:`Passage` objects — page, paragraph, character offsets — that every :class:`Proposal` points
into, so that a reviewer can always see the exact words a proposed fact rests on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

ProposalKind = Literal["name", "state_role", "request", "event", "fact", "charge", "body", "profile"]


@dataclass(frozen=True)
class Passage:
    """A citable paragraph: ``document.text[start:end]`` on ``page`` (1-based; 1 for formats without pages)."""

    index: int
    page: int
    start: int
    end: int

    def pinpoint(self) -> str:
        """The citation a letter uses: ``p. 2, para. 5`` (paragraphs counted from 1 across the document)."""
        return f"p. {self.page}, para. {self.index + 1}"


@dataclass(frozen=True)
class Document:
    """One ingested file: its content hash, name, MIME type, detected language and full text."""

    sha256: str
    file_name: str
    mime: str
    language: str
    text: str
    page_starts: tuple[int, ...] = (0,)
    date: str | None = None

    @property
    def source_id(self) -> str:
        """The id under which the case format cites this document (``doc-`` and the hash's first 12 digits)."""
        return f"doc-{self.sha256[:12]}"

    def page_at(self, offset: int) -> int:
        """The 1-based page holding character ``offset``."""
        page = 1
        for number, start in enumerate(self.page_starts, start=1):
            if start <= offset:
                page = number
        return page

    def as_source(self) -> dict[str, Any]:
        """The document as an entry of a case's ``sources`` (validated by :class:`exwatch.model.case.Source`)."""
        language = self.language if self.language in {"en", "fr", "ru"} else None
        entry: dict[str, Any] = {"id": self.source_id, "title": self.file_name, "kind": "other"}
        if language:
            entry["language"] = language
        if self.date:
            entry["date"] = self.date
        entry["note"] = f"sha256 {self.sha256}"
        return entry


@dataclass(frozen=True)
class Span:
    """Where a proposal was read: document hash, page, and ``[start, end)`` offsets into the document text."""

    document: str
    page: int
    start: int
    end: int
    quote: str


@dataclass
class Proposal:
    """A fact extraction found, waiting for a person to accept, edit or reject it.

    ``value`` is shaped as an item of the case interchange format (``Name``, ``StateRole``, ``Request``,
    ``Event``, ``Fact``) for those kinds; ``charge`` gives ``{"charge", "issuer"}`` to add to a request's
    charges and ``body`` gives ``{"name", "jurisdiction"}``. ``valid`` says whether the value passed the
    case model; when it did not, ``problems`` says what a reviewer must supply (often a date or a state).
    """

    kind: ProposalKind
    value: dict[str, Any]
    span: Span
    confidence: float
    rule: str
    valid: bool = True
    problems: list[str] = field(default_factory=list)

    def key(self) -> tuple[str, str]:
        """Identity for de-duplication: the kind and the value's distinguishing fields."""
        v = self.value
        parts = {
            "name": (v.get("name"),),
            "state_role": (v.get("state"), tuple(v.get("roles", ()))),
            "request": (v.get("kind"), v.get("issuer")),
            "event": (v.get("action"), v.get("date"), v.get("jurisdiction")),
            "fact": (v.get("kind"), v.get("state")),
            "charge": (v.get("charge"),),
            "body": (v.get("name"),),
            "profile": (v.get("profile"),),
        }[self.kind]
        return self.kind, repr(parts)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form, as ``exwatch ingest --format json`` prints it."""
        return {
            "kind": self.kind,
            "value": self.value,
            "span": vars(self.span),
            "confidence": round(self.confidence, 2),
            "rule": self.rule,
            "valid": self.valid,
            "problems": self.problems,
        }


@dataclass
class Extracted:
    """A handler's output: text per page, the MIME type read, warnings, and attached files to ingest in turn."""

    pages: list[str]
    mime: str
    warnings: list[str] = field(default_factory=list)
    attachments: list[tuple[str, bytes]] = field(default_factory=list)


@dataclass
class IngestResult:
    """Everything one file gives: its original bytes, its document and passages, the proposals, warnings, and
    the results of its attachments (each with its own bytes, at any depth)."""

    content: bytes
    document: Document
    passages: list[Passage]
    proposals: list[Proposal]
    warnings: list[str] = field(default_factory=list)
    attachments: list[IngestResult] = field(default_factory=list)

    def with_attachments(self) -> list[IngestResult]:
        """This result and its attachments', depth first: every file that must be kept."""
        return [self, *(inner for attachment in self.attachments for inner in attachment.with_attachments())]
