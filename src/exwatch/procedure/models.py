"""The shape of a procedure model file (``procedure/data/<ID>.yaml``), validated on load.

A model is an ordered list of **stages**. Each stage says which events enter it (``entered_when``),
who decides next and what (``next``), the remedies open against the decision that entered it, the
clocks that run while it lasts, and where advocacy can matter. Time limits name the rule that sets
them and how they are counted; every rule carries its legal source.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

# Rules carry the knowledge base's source record (title, issuer, URL, pinpoint, dates, verified, note).
from exwatch.kb.models import Source
from exwatch.model.dates import PartialDate


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(Strict):
    """A text in the jurisdiction's language and in English."""

    en: str
    local: str | None = None


class Channel(Strict):
    """One way to reach a body (an online service, a fax line), with the day it opened when that is known: a
    document dated before it must not send the reader there."""

    text: str
    since: str | None = Field(None, description="ISO (partial) date the channel opened; none: as far as known")
    note: str | None = None

    def open_on(self, day: dt.date) -> bool:
        return self.since is None or PartialDate.parse(self.since).latest() <= day


class Body(Strict):
    """A decision-maker: its official title in the local language and English, and how to address it."""

    name: Text
    address: Text | None = Field(None, description="how the addressee is named at the head of a letter")
    salutation: Text | None = Field(None, description="the opening of a letter, when it differs from the address")
    postal: str | None = None
    channels: list[Channel] = Field(default_factory=list)

    def reach(self, day: dt.date) -> list[str]:
        """The lines of the address block on ``day``: the postal address, then the channels open then."""
        lines = [p.strip() for p in (self.postal or "").split(",") if p.strip()]
        return [*(c.text for c in self.channels if c.open_on(day)), *lines]


class Trigger(Strict):
    """An event pattern: the action, optionally the result and a pattern the body must match."""

    action: str
    result: list[str] | None = None
    body: str | None = Field(None, description="case-insensitive regular expression on the event's body")


Counting = Literal["calendar_days", "working_days", "jours_francs", "months", "none"]


class Period(Strict):
    days: int | None = None
    months: int | None = None
    valid_from: str | None = Field(None, description="ISO date from which this period applies (law changes)")


class TimeLimit(Strict):
    """A clock: how long, counted how, from which event, and what happens when it runs out."""

    id: str
    label: Text
    periods: list[Period] = Field(min_length=1, description="the period; several when the law changed over time")
    counting: Counting
    starts: Literal["stage_entry", "notification", "hearing"] = "stage_entry"
    start_note: Text | None = Field(None, description="what starts the clock, as the law words it")
    roll_forward: bool = Field(True, description="a limit ending on a weekend or holiday moves to the next working day")
    binds: Literal["subject", "authority", "requesting_state"] = "subject"
    consequence: Text | None = None
    sources: list[Source] = Field(min_length=1)


class Remedy(Strict):
    """A challenge open against the decision that entered a stage."""

    id: str
    label: Text
    body: Body
    limit: TimeLimit | None = None
    leads_to: str | None = Field(None, description="the stage entered once it is lodged")
    suspends_removal: bool | None = None
    note: Text | None = None
    sources: list[Source] = Field(min_length=1)


class Stage(Strict):
    id: str
    label: Text
    entered_when: list[Trigger] = Field(min_length=1)
    after: list[str] = Field(default_factory=list, description="stages this one may follow; empty = any")
    next: Body | None = Field(None, description="who decides next; None when the procedure has ended")
    decides: Text | None = None
    remedies: list[Remedy] = Field(default_factory=list)
    clocks: list[TimeLimit] = Field(default_factory=list)
    advocacy: Text | None = None
    final: bool = False
    sources: list[Source] = Field(min_length=1)


class Procedure(Strict):
    id: str
    jurisdiction: str = Field(description="ISO 3166-1 alpha-2, or a forum id (INTERPOL, ECTHR, UNCAT)")
    title: Text
    language: str
    law: Text
    version: int = 1
    stages: list[Stage] = Field(min_length=1)
    always: list[Remedy] = Field(default_factory=list, description="remedies open at every stage (Rule 39, ...)")
    notes: list[Text] = Field(default_factory=list)
    sources: list[Source] = Field(min_length=1)
