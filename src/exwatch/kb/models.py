"""Typed records of the knowledge base, one class per kind of YAML mapping.

The models check *shape* only (known keys, right types). Everything that needs the whole
knowledge base to judge — that a state code exists, a date is possible, an instrument id
resolves, a record is sourced — is done by :mod:`exwatch.kb.checks`, so that one bad
value does not hide every other fault in the same file.

Dates are kept as written (``2015``, ``2014-10`` or ``2015-03-04``) and read through
:class:`~exwatch.model.dates.PartialDate`: a treaty office that gives only a year must not
become a precise day here.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from exwatch.kb.yamlfile import LINE_KEY
from exwatch.model.dates import PartialDate


def existed_on(date: str | int | None, day: dt.date) -> bool:
    """Whether a text dated ``date`` existed on ``day``: a partial date counts from its last possible day. An
    undated source counts: it is a timeless reference (a live status chart of dated deposits, a database), and
    ``kb stats`` lists the undated ones still to date."""
    return date is None or PartialDate.parse(str(date)).latest() <= day


class Record(BaseModel):
    """Base of every mapping: no unknown keys, immutable, remembers its line."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    line: int = Field(default=0, alias=LINE_KEY, exclude=True, repr=False)


class Source(Record):
    """Where a fact was read. ``doc`` borrows title, issuer, url and dates from documents.yaml."""

    doc: str | None = None
    title: str | None = None
    issuer: str | None = None
    url: str | None = None
    pinpoint: str | None = None
    date: str | int | None = None
    checked: str | None = None
    verified: bool
    note: str | None = None

    def existed_on(self, day: dt.date) -> bool:
        """Whether the cited text existed on ``day`` (see :func:`existed_on`)."""
        return existed_on(self.date, day)


class Document(Record):
    """A document cited by many records (a treaty chart, a gazette, a judgment)."""

    id: str
    title: str
    issuer: str
    url: str
    date: str | int | None = None
    checked: str
    note: str | None = None


class Sourced(Record):
    """A record that states a fact and so must say where it comes from."""

    sources: list[Source] = Field(default_factory=list)
    note: str | None = None


# --- states and organisations -------------------------------------------------------------


class State(Record):
    code: str
    name: str


class Membership(Sourced):
    """A state's membership of an organisation between two (partial) dates."""

    state: str
    start: str | int | None = None
    end: str | int | None = None


class Organisation(Sourced):
    id: str
    name: str
    members: list[Membership] = Field(default_factory=list)


class StatesFile(Record):
    version: int
    iso_register: Sourced
    states: list[State]
    organisations: list[Organisation]


# --- instruments and their parties --------------------------------------------------------

InstrumentKind = Literal["extradition", "legal-assistance", "human-rights", "counter-terrorism", "eu-surrender"]


class Article(Sourced):
    article: str
    title: str
    gist: str


class Instrument(Sourced):
    id: str
    short: str
    name: str
    kind: InstrumentKind
    organisation: str | None = None
    depositary: str
    adopted: str | int
    place: str | None = None
    in_force: str | int | None = None
    protocol_of: str | None = None
    # True when parties may request surrender from each other on this instrument alone:
    # these instruments yield the derived multilateral transfer links.
    transfer_basis: bool = False
    # Instruments this one replaces between states bound by both (Chisinau art. 120).
    displaces: list[str] = Field(default_factory=list)
    articles: list[Article] = Field(default_factory=list)


class InstrumentsFile(Record):
    version: int
    instruments: list[Instrument]


DeclarationKind = Literal["reservation", "declaration", "objection", "notification"]


class Declaration(Sourced):
    """A reservation, declaration or objection, or an optional clause accepted (CAT art. 22)."""

    article: str | None = None
    kind: DeclarationKind
    gist: str
    start: str | int | None = None
    end: str | int | None = None


class Suspension(Sourced):
    """The instrument stops applying between this party and the states listed."""

    towards: list[str]
    start: str | int
    end: str | int | None = None


class Party(Sourced):
    """One state's participation: signature, consent, entry into force and its end."""

    state: str
    signed: str | int | None = None
    ratified: str | int | None = None
    how: Literal["ratification", "accession", "succession", "approval", "membership"] | None = None
    in_force: str | int | None = None
    # When the exact entry into force was not read but a source shows the state bound on a
    # date (a ministry letter, a judgment applying the treaty): bound *no later than* this.
    bound_by: str | int | None = None
    denounced: str | int | None = None
    ended: str | int | None = None
    declarations: list[Declaration] = Field(default_factory=list)
    suspensions: list[Suspension] = Field(default_factory=list)


class PartiesFile(Record):
    version: int
    instrument: str
    as_of: str | int
    complete: bool
    note: str | None = None
    parties: list[Party]


# --- transfer links ------------------------------------------------------------------------

TreatyKind = Literal["extradition-treaty", "legal-assistance-treaty", "surrender-agreement"]


class Bilateral(Sourced):
    """A bilateral treaty through which one state may hand a person to the other."""

    id: str
    states: list[str] = Field(min_length=2, max_length=2)
    kind: TreatyKind
    title: str
    signed: str | int | None = None
    in_force: str | int | None = None
    # A source shows the treaty applied on this date; used when entry into force was not read.
    bound_by: str | int | None = None
    ended: str | int | None = None
    status: Literal["in-force", "signed", "terminated", "unknown"]


class Absence(Sourced):
    """A source stating that two states have no bilateral extradition treaty."""

    id: str
    states: list[str] = Field(min_length=2, max_length=2)
    as_of: str | int
    statement: str


class Finding(Record):
    body: str
    date: str | int | None = None
    reference: str | None = None
    outcome: str


PracticeMode = Literal[
    "extradition",
    "extradition-despite-interim-measures",
    "deportation-in-lieu-of-extradition",
    "expulsion",
    "rendition",
    "abduction",
]


class Practice(Sourced):
    """A documented hand-over (or attempt) outside or beyond treaty safeguards."""

    id: str
    origin: str = Field(alias="from")
    destination: str = Field(alias="to")
    mode: PracticeMode
    # Only hand-overs that happened become transfer links; refusals and pending cases are kept
    # because the attempt itself (and who stopped it) matters to an assessment.
    outcome: Literal["transferred", "refused", "pending", "unknown"]
    date: str | int
    subject: str | None = None
    summary: str
    finding: Finding | None = None


class LinksFile(Record):
    version: int
    bilateral: list[Bilateral]
    absences: list[Absence]
    practice: list[Practice]


class DocumentsFile(Record):
    version: int
    documents: list[Document]
