"""Filing documents in a case and recording what extraction proposes from them.

``ingest`` stores each file once (by content hash, bytes unaltered), links it to the case, and records
every proposal as ``open`` with a first ``proposed`` event in the review history. Nothing enters the
case itself until a person reviews the proposal (``exwatch.logic.review``).
"""

from __future__ import annotations

import getpass
import os
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from exwatch.errors import InputError
from exwatch.ingest.api import ingest_file
from exwatch.ingest.model import IngestResult
from exwatch.logic import cases
from exwatch.model.case import Subject
from exwatch.model.validation import validate
from exwatch.store.review_tables import CaseDocumentRow, DocumentRow, PassageRow, ProposalRow, ReviewEventRow

# The web application serves many users in one process: it names the acting user per request here (a context
# variable is private to the request's task or thread), never in the process-wide environment.
ACTOR: ContextVar[str | None] = ContextVar("exwatch_actor", default=None)


def current_actor() -> str:
    """Who is acting: the web application's user of this request, else ``EXWATCH_USER``, else the login name."""
    return ACTOR.get() or os.environ.get("EXWATCH_USER") or getpass.getuser()


@dataclass
class Filed:
    case_id: str
    created_case: bool
    documents: list[dict[str, Any]] = field(default_factory=list)
    proposals: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.case_id,
            "created": self.created_case,
            "documents": self.documents,
            "proposals": self.proposals,
            "warnings": self.warnings,
        }


def _store_document(session: Session, result: IngestResult, actor: str) -> DocumentRow:
    doc, content = result.document, result.content
    row = session.scalars(select(DocumentRow).where(DocumentRow.sha256 == doc.sha256)).first()
    if row is not None:
        if not row.content and content:  # earlier versions kept e-mail attachments without their bytes
            row.content, row.size = content, len(content)
        return row  # the same bytes were filed before: one document, several cases may cite it
    row = DocumentRow(
        sha256=doc.sha256,
        file_name=doc.file_name,
        mime=doc.mime,
        language=doc.language,
        date=doc.date,
        text=doc.text,
        page_starts=list(doc.page_starts),
        content=content,
        size=len(content),
        added_by=actor,
    )
    session.add(row)
    session.flush()
    for passage in result.passages:
        session.add(
            PassageRow(document_pk=row.pk, index=passage.index, page=passage.page, start=passage.start, end=passage.end)
        )
    return row


def _new_case_for(session: Session, results: list[IngestResult]) -> str:
    """A case named after the subject the documents propose most often (the file name if none)."""
    names: dict[str, int] = {}
    for result in results:
        for p in result.proposals:
            if p.kind == "name" and p.valid:
                names[p.value["name"]] = names.get(p.value["name"], 0) + 1
    name = max(names, key=lambda n: names[n]) if names else Path(results[0].document.file_name).stem
    subject = validate(Subject, {"names": [{"name": name}]}, "subject of the new case")
    return cases.new_case(session, subject, title=f"Case opened from {results[0].document.file_name}")


def ingest(
    session: Session, paths: list[Path], case_id: str | None, new_case: bool, document_date: str | None = None
) -> Filed:
    if bool(case_id) == new_case:
        raise InputError("say where the documents go: --case CASE, or --new-case")
    actor = current_actor()
    results = [ingest_file(path, document_date) for path in paths]  # read all first: a bad file stores nothing
    flat = [inner for result in results for inner in result.with_attachments()]
    created = False
    if new_case:
        case_id, created = _new_case_for(session, results), True
    assert case_id is not None
    case_row = cases.lock(session, case_id)
    filed = Filed(case_id, created)
    for result in flat:
        doc_row = _store_document(session, result, actor)
        linked = session.get(CaseDocumentRow, (case_row.pk, doc_row.pk))
        if linked is None:
            session.add(CaseDocumentRow(case_pk=case_row.pk, document_pk=doc_row.pk))
        filed.documents.append(
            {
                "sha256": doc_row.sha256,
                "file_name": doc_row.file_name,
                "language": doc_row.language,
                "source_id": result.document.source_id,
            }
        )
        filed.warnings += [f"{result.document.file_name}: {w}" for w in result.warnings]
        for proposal in result.proposals:
            row = ProposalRow(
                case_id=case_id,
                document_pk=doc_row.pk,
                kind=proposal.kind,
                value=proposal.value,
                span=vars(proposal.span),
                confidence=proposal.confidence,
                rule=proposal.rule,
                valid=proposal.valid,
                problems=list(proposal.problems),
            )
            session.add(row)
            session.flush()
            session.add(ReviewEventRow(proposal_pk=row.pk, action="proposed", actor=actor, value=proposal.value))
            filed.proposals.append({"id": row.pk, **proposal.to_dict()})
    session.flush()
    return filed


def case_documents(session: Session, case_id: str) -> list[DocumentRow]:
    """The documents filed in a case, in the order they were filed."""
    case_pk = cases.stored(session, case_id).pk
    query = (
        select(DocumentRow)
        .join(CaseDocumentRow, CaseDocumentRow.document_pk == DocumentRow.pk)
        .where(CaseDocumentRow.case_pk == case_pk)
        .order_by(CaseDocumentRow.added_at, DocumentRow.pk)
    )
    return list(session.scalars(query))
