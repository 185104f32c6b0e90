"""Documents in, facts proposed: read a file, keep it citable, and propose the case facts it states.

``ingest_file(path)`` gives an :class:`IngestResult`: the :class:`Document` (content hash, MIME type,
language, text), its :class:`Passage` list (page, paragraph, offsets) and the :class:`Proposal` list —
names, state roles, requests, events, charges, bodies and profile facts, each with its source span,
confidence and the rule that made it. Nothing is stored; a person reviews the proposals.
"""

from __future__ import annotations

from exwatch.ingest.api import ingest_bytes, ingest_file
from exwatch.ingest.model import Document, IngestResult, Passage, Proposal, Span
from exwatch.ingest.registry import Handler, handler_for, supported

__all__ = [
    "Document",
    "Handler",
    "IngestResult",
    "Passage",
    "Proposal",
    "Span",
    "handler_for",
    "ingest_bytes",
    "ingest_file",
    "supported",
]
