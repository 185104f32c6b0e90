"""What every extraction rule reads: the document's sentences with the states, bodies and dates in each.

Mentions are found once per sentence and shared by all rules, so a 40-page decision is scanned by
each gazetteer only once.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any

from exwatch.ingest.bodies import BodyMention, find_bodies
from exwatch.ingest.dates import DateMention, find_dates
from exwatch.ingest.model import Document, Proposal, ProposalKind, Span
from exwatch.ingest.segment import Sentence
from exwatch.ingest.states import StateMention, find_states
from exwatch.model.dates import PartialDate


@dataclass
class Clause:
    """A sentence and the mentions in it (offsets are document offsets)."""

    sentence: Sentence
    states: list[StateMention]
    bodies: list[BodyMention]
    dates: list[DateMention]

    @property
    def text(self) -> str:
        return self.sentence.text

    def local(self, offset: int) -> int:
        """A document offset as an offset into this sentence's text."""
        return offset - self.sentence.start

    def nearest_date(self, offset: int) -> DateMention | None:
        """The date closest to document ``offset`` in this sentence (ties go to the earlier one)."""
        if not self.dates:
            return None
        return min(self.dates, key=lambda d: min(abs(d.start - offset), abs(d.end - offset)))


@dataclass
class Context:
    """The document being read, its clauses, and the proposals made so far."""

    document: Document
    clauses: list[Clause]
    document_date: PartialDate | None
    proposals: list[Proposal] = field(default_factory=list)

    @classmethod
    def build(cls, document: Document, sentences: list[Sentence], document_date: PartialDate | None) -> Context:
        # Each gazetteer scans the whole text once; mentions are then dealt out to their sentences.
        text = document.text
        clauses = [Clause(s, [], [], []) for s in sentences]
        starts = [s.start for s in sentences]
        for mentions, attr in (
            (find_states(text), "states"),
            (find_bodies(text), "bodies"),
            (find_dates(text, document_date), "dates"),
        ):
            for mention in mentions:
                index = bisect.bisect_right(starts, mention.start) - 1
                if index >= 0 and mention.end <= sentences[index].end:
                    getattr(clauses[index], attr).append(mention)
        return cls(document, clauses, document_date)

    def propose(
        self,
        kind: ProposalKind,
        value: dict[str, Any],
        clause: Clause,
        confidence: float,
        rule: str,
        start: int | None = None,
        end: int | None = None,
    ) -> Proposal:
        """Record a proposal whose span is ``[start, end)`` (document offsets), the whole sentence by default."""
        start = clause.sentence.start if start is None else start
        end = clause.sentence.end if end is None else end
        span = Span(self.document.sha256, self.document.page_at(start), start, end, self.document.text[start:end])
        proposal = Proposal(kind, value, span, confidence, rule)
        self.proposals.append(proposal)
        return proposal

    def of_kind(self, kind: ProposalKind) -> list[Proposal]:
        return [p for p in self.proposals if p.kind == kind]
