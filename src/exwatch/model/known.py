"""What a case file told on a given day: the rule every "as of" view of a case follows.

A fact, event, request or role is known on day D when it had surely happened by D (its own date, a partial
date counting from its last possible day) and, when it cites sources, at least one of them was published by
D: a 2016 article about a 2001 event makes the event known in 2016 unless an earlier source says it. A source
with no date counts (nothing says when it appeared); so does a fact that cites nothing. Only the sources out
by D can be cited for it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from exwatch.model.case import CaseFile, Citation
from exwatch.model.dates import PartialDate


def happened_by(date: str | None, day: dt.date) -> bool:
    """Undated facts count (we cannot tell); dated ones only once they had surely happened."""
    return date is None or PartialDate.parse(date).latest() <= day


class Known:
    def __init__(self, case: CaseFile, day: dt.date) -> None:
        self.day = day
        self._published = {s.id: PartialDate.parse(s.date).latest() if s.date else None for s in case.sources}

    def cites(self, citations: Sequence[Citation]) -> tuple[Citation, ...]:
        """The citations that can be made on the day: sources published by then (undated ones count)."""
        return tuple(c for c in citations if (out := self._published.get(c.source)) is None or out <= self.day)

    def known(self, date: str | None, citations: Sequence[Citation]) -> bool:
        """Had happened by the day and, when it cites sources, at least one of them was out by then."""
        return happened_by(date, self.day) and (not citations or bool(self.cites(citations)))
