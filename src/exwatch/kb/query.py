"""Questions asked "as of" a date: who is bound by what, and who can hand a person to whom.

Dates in the data may be known only to the month or year. Where that leaves a doubt, the
answer leans towards the link *existing*: for people at risk, a transfer route wrongly
reported is checked and dismissed, one wrongly omitted is never looked at. Concretely, a
party counts from the earliest day its entry into force can mean and until the last day
its end can mean.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from itertools import combinations
from typing import Literal

from exwatch.kb.loader import Citation, Knowledge, load_knowledge
from exwatch.kb.models import Membership, Party, Practice, Source
from exwatch.model.dates import PartialDate

LinkKind = Literal["multilateral", "bilateral", "practice"]


@dataclass(frozen=True)
class Link:
    """One way a person can be moved from ``origin`` to ``destination``, with its basis and sources."""

    origin: str
    destination: str
    kind: LinkKind
    basis: str  # instrument id, bilateral treaty id or practice id
    label: str
    valid_from: dt.date | None
    valid_until: dt.date | None
    verified: bool
    sources: tuple[Citation, ...]


def _day(value: object) -> PartialDate | None:
    return None if value is None else PartialDate.parse(value)


def _within(on: dt.date, start: object, end: object) -> bool:
    first, last = _day(start), _day(end)
    if first is not None and first.earliest() > on:
        return False
    if last is None:
        return True
    # An end known to the day is the first day no longer bound; a coarser end is kept inclusive.
    return on < last.earliest() if last.precision == "day" else on <= last.latest()


def party_in_force(party: Party, on: dt.date) -> bool:
    """True when the instrument binds ``party`` on ``on`` (entered into force, not yet ended)."""
    start = party.in_force if party.in_force is not None else party.bound_by
    return start is not None and _within(on, start, party.ended)


def _suspended(party: Party, other: str, on: dt.date) -> bool:
    if not party.suspensions:  # nearly always: asked for every pair of every convention
        return False
    return any(other in s.towards and _within(on, s.start, s.end) for s in party.suspensions)


def parties_at(instrument_id: str, on: dt.date, knowledge: Knowledge | None = None) -> set[str]:
    """Alpha-2 codes of the states bound by the instrument on that date."""
    k = knowledge or load_knowledge()
    if instrument_id not in k.instruments:
        raise KeyError(f"unknown instrument {instrument_id!r}; known: {', '.join(sorted(k.instruments))}")
    return {p.state for f in k.parties_of(instrument_id) for p in f.parties if party_in_force(p, on)}


def party_record(instrument_id: str, state: str, knowledge: Knowledge | None = None) -> Party | None:
    """The party record of ``state`` for the instrument, if the data has one."""
    k = knowledge or load_knowledge()
    for f in k.parties_of(instrument_id):
        for p in f.parties:
            if p.state == state:
                return p
    return None


def membership(org_id: str, state: str, on: dt.date, knowledge: Knowledge | None = None) -> Membership | None:
    """The membership record that makes ``state`` a member of the organisation on ``on``, if any."""
    k = knowledge or load_knowledge()
    for m in k.organisations[org_id].members:
        if m.state == state and _within(on, m.start, m.end):
            return m
    return None


def members_at(org_id: str, on: dt.date, knowledge: Knowledge | None = None) -> set[str]:
    """Alpha-2 codes of the organisation's members on that date."""
    k = knowledge or load_knowledge()
    return {m.state for m in k.organisations[org_id].members if _within(on, m.start, m.end)}


def _cites(k: Knowledge, sources: list[Source]) -> tuple[Citation, ...]:
    return tuple(k.cite(s) for s in sources)


def _latest(*values: object) -> dt.date | None:
    days = [PartialDate.parse(v).earliest() for v in values if v is not None]
    return max(days) if days else None


def _multilateral(k: Knowledge, on: dt.date, involving: str | None = None) -> list[Link]:
    links: list[Link] = []
    for inst in k.instruments.values():
        if not inst.transfer_basis:
            continue
        bound = {p.state: p for f in k.parties_of(inst.id) for p in f.parties if party_in_force(p, on)}
        if involving is not None and involving not in bound:
            continue
        displacing = [parties_at(d.id, on, k) for d in k.instruments.values() if inst.id in d.displaces]
        # What each party brings to a pair, worked out once per party rather than once per pair (a convention
        # with 50 parties makes 1,225 pairs).
        own = _cites(k, inst.sources)
        cites = {s: _cites(k, p.sources) for s, p in bound.items()}
        checked = {s: any(src.verified for src in p.sources) for s, p in bound.items()}
        start = {s: _latest(p.in_force or p.bound_by) for s, p in bound.items()}
        if involving is None:
            pairs = list(combinations(sorted(bound), 2))
        else:
            pairs = [(min(involving, b), max(involving, b)) for b in sorted(bound) if b != involving]
        for a, b in pairs:
            pa, pb = bound[a], bound[b]
            if _suspended(pa, b, on) or _suspended(pb, a, on):
                continue
            if any({a, b} <= newer for newer in displacing):
                continue  # the newer convention governs this pair instead
            sources = own + cites[a] + cites[b]
            since = max((d for d in (start[a], start[b]) if d is not None), default=None)
            for origin, dest in ((a, b), (b, a)):
                links.append(
                    Link(
                        origin,
                        dest,
                        "multilateral",
                        inst.id,
                        f"{inst.short}: both parties",
                        since,
                        None,
                        checked[a] and checked[b],
                        sources,
                    )
                )
    return links


def _bilateral(k: Knowledge, on: dt.date, involving: str | None = None) -> list[Link]:
    links: list[Link] = []
    for t in k.links.bilateral:
        start = t.in_force if t.in_force is not None else t.bound_by
        if involving is not None and involving not in t.states:
            continue
        if start is None or t.status == "signed" or not _within(on, start, t.ended):
            continue
        until = None if t.ended is None else PartialDate.parse(t.ended).latest()
        verified = any(s.verified for s in t.sources)
        since = PartialDate.parse(start).earliest()
        a, b = t.states
        for origin, dest in ((a, b), (b, a)):
            links.append(Link(origin, dest, "bilateral", t.id, t.title, since, until, verified, _cites(k, t.sources)))
    return links


def documented_on(k: Knowledge, record: Practice) -> dt.date:
    """The first day a documented transfer was known: it had happened and a source reporting it was out (a
    2016 report of a 2013 transfer documents it from 2016, unless an earlier source reports it). Undated
    sources count from the transfer itself."""
    happened = PartialDate.parse(record.date).earliest()
    published = [PartialDate.parse(c.date).latest() for c in _cites(k, record.sources) if c.date is not None]
    undated = any(c.date is None for c in _cites(k, record.sources))
    if not published or undated:
        return happened
    return max(happened, min(published))


def _practice(k: Knowledge, on: dt.date, involving: str | None = None) -> list[Link]:
    links: list[Link] = []
    for p in k.links.practice:
        if involving is not None and involving not in (p.origin, p.destination):
            continue
        when = PartialDate.parse(p.date)
        if p.outcome != "transferred" or documented_on(k, p) > on:
            continue  # not yet documented on that date
        label = f"{p.mode.replace('-', ' ')} ({when})" + (f": {p.subject}" if p.subject else "")
        links.append(
            Link(
                p.origin,
                p.destination,
                "practice",
                p.id,
                label,
                when.earliest(),
                None,
                any(s.verified for s in p.sources),
                _cites(k, p.sources),
            )
        )
    return links


def links_at(on: dt.date, knowledge: Knowledge | None = None, involving: str | None = None) -> list[Link]:
    """Every directed transfer link valid on ``on``: derived multilateral, bilateral treaties, practice; with
    ``involving``, only the links from or to that state."""
    k = knowledge or load_knowledge()
    links = _multilateral(k, on, involving) + _bilateral(k, on, involving) + _practice(k, on, involving)
    return sorted(links, key=lambda link: (link.origin, link.destination, link.kind, link.basis))


def links_from(state: str, on: dt.date, knowledge: Knowledge | None = None) -> list[Link]:
    """The links along which ``state`` could hand a person on, as of ``on``."""
    return [link for link in links_at(on, knowledge, involving=state) if link.origin == state]


# Fields whose dates can switch a link on or off (entry into force, end, suspension, documented transfer).
_SWITCH_FIELDS = ("in_force", "bound_by", "ended", "denounced", "start", "end", "date")


def _switch_days(model: object, found: set[dt.date]) -> None:
    for name in _SWITCH_FIELDS:
        value = getattr(model, name, None)
        if isinstance(value, (str, int)) and not isinstance(value, bool):
            day = PartialDate.parse(value)
            found.add(day.earliest())
            found.add(day.latest() + dt.timedelta(days=1))
    for child in getattr(model, "suspensions", []) or []:
        _switch_days(child, found)


def link_epochs(knowledge: Knowledge | None = None) -> tuple[dt.date, ...]:
    """The days on which the set of links can change, sorted. Between two consecutive days ``links_at``
    gives the same answer, so callers can cache it per epoch rather than per day."""
    k = knowledge or load_knowledge()
    found: set[dt.date] = set()
    for parties_file in k.party_files.values():
        for party in parties_file.parties:
            _switch_days(party, found)
    for record in [*k.links.bilateral, *k.links.practice]:
        _switch_days(record, found)
    found.update(documented_on(k, p) for p in k.links.practice)
    return tuple(sorted(found))
