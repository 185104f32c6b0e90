"""From a case's events to where it stands in one jurisdiction: stage, next decision-maker, open
remedies and running clocks, each deadline with the rule that sets it.

The engine is generic: everything specific to a jurisdiction is in its model file. An event the model
does not expect at that point is reported as a warning that names it; the engine never fails on a
real-world sequence it did not foresee (proceedings are remitted, restarted, run in parallel).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Literal

from exwatch.model.case import Event
from exwatch.model.dates import PartialDate
from exwatch.procedure.clock import Window, deadline
from exwatch.procedure.models import Body, Procedure, Remedy, Stage, Text, TimeLimit, Trigger

Status = Literal["open", "expired", "running", "passed", "unknown"]


@dataclass(frozen=True)
class Clock:
    """A time limit applied to this case: when it ends and whether it still runs."""

    limit: TimeLimit | None
    started_by: Event | None
    window: Window | None
    status: Status
    remedy: Remedy | None = None

    @property
    def label(self) -> Text:
        """The remedy's name, or the limit's for a clock that is not a remedy."""
        if self.remedy is not None:
            return self.remedy.label
        if self.limit is None:
            raise ValueError("a clock is either a remedy or a time limit")
        return self.limit.label

    @property
    def id(self) -> str:
        return self.remedy.id if self.remedy else (self.limit.id if self.limit else "")

    @property
    def basis(self) -> str:
        return "computed" if self.window is not None else "unknown"


@dataclass
class Position:
    """Where a case stands under one procedure model on a given day."""

    procedure: Procedure
    as_of: dt.date
    stage: Stage | None = None
    entered_by: Event | None = None
    history: list[tuple[Stage, Event]] = field(default_factory=list)
    remedies: list[Clock] = field(default_factory=list)
    clocks: list[Clock] = field(default_factory=list)
    available: list[Remedy] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    in_custody: bool | None = None
    # Interim measures (Rule 39, UN CAT rule 114) stay in force while later steps happen; the stage alone
    # would forget them, so they are tracked beside it until lifted or withdrawn.
    measures: list[Event] = field(default_factory=list)

    @property
    def next_decision_by(self) -> Body | None:
        return self.stage.next if self.stage else None


def matches(trigger: Trigger, event: Event) -> bool:
    if trigger.action != event.action:
        return False
    if trigger.result is not None and event.result not in trigger.result:
        return False
    return trigger.body is None or re.search(trigger.body, event.body, re.IGNORECASE) is not None


def _stage_for(procedure: Procedure, event: Event, current: Stage | None) -> Stage | None:
    """The stage an event enters; stages that may follow the current one are preferred."""
    candidates = [s for s in procedure.stages if any(matches(t, event) for t in s.entered_when)]
    if not candidates:
        return None
    if current is not None:
        following = [s for s in candidates if current.id in s.after]
        if following:
            return following[0]
    return candidates[0]


def _describe(event: Event) -> str:
    result = f" ({event.result})" if event.result else ""
    return f"event {event.id!r} of {event.date} ({event.action}{result}, {event.body})"


def _clock(
    limit: TimeLimit, start_event: Event | None, jurisdiction: str, as_of: dt.date, remedy: Remedy | None = None
) -> Clock:
    if start_event is None:
        return Clock(limit, None, None, "unknown", remedy)
    window = deadline(
        PartialDate.parse(start_event.date), list(limit.periods), limit.counting, jurisdiction, limit.roll_forward
    )
    if as_of <= window.earliest:
        status: Status = "open" if remedy else "running"
    elif as_of > window.latest:
        status = "expired" if remedy else "passed"
    else:
        status = "unknown"  # the start is known only to the month: cannot tell yet
    return Clock(limit, start_event, window, status, remedy)


def position(procedure: Procedure, events: list[Event], as_of: dt.date) -> Position:
    """Walk the events (already in date order, only those known by ``as_of``) through the model."""
    pos = Position(procedure, as_of)
    for event in events:
        if event.action in ("arrest", "detention"):
            pos.in_custody = True
        elif event.action in ("release", "surrender"):
            pos.in_custody = False
        if event.action == "interim_measure":
            if event.result in ("lifted", "withdrawn", "refused"):
                pos.measures = [m for m in pos.measures if m.body != event.body]
            elif event.result in (None, "indicated", "granted"):
                pos.measures.append(event)
        stage = _stage_for(procedure, event, pos.stage)
        if stage is None:
            continue
        if pos.stage is not None and stage.id == pos.stage.id and not stage.final:
            continue  # e.g. detention ordered after the arrest: same stage, its clocks keep their start
        if pos.stage is not None and stage.after and pos.stage.id not in stage.after:
            pos.warnings.append(
                f"{_describe(event)} enters stage {stage.id!r}, which the {procedure.id} model does not expect "
                f"after stage {pos.stage.id!r}; check the event or the order of events"
            )
        elif pos.stage is None and stage.after:
            pos.warnings.append(f"{_describe(event)} enters stage {stage.id!r} but no earlier stage is recorded")
        if pos.stage is not None and pos.stage.final:
            pos.warnings.append(f"{_describe(event)} comes after the procedure had ended ({pos.stage.id!r})")
        pos.stage, pos.entered_by = stage, event
        pos.history.append((stage, event))
    if pos.stage is None:
        return pos
    _fill_clocks(pos, events)
    return pos


def _first_after(events: list[Event], after: Event, action: str) -> Event | None:
    start = PartialDate.parse(after.date).earliest()
    return next((e for e in events if e.action == action and PartialDate.parse(e.date).earliest() >= start), None)


def _fill_clocks(pos: Position, events: list[Event]) -> None:
    stage, entered = pos.stage, pos.entered_by
    if stage is None or entered is None:
        return
    jurisdiction = pos.procedure.jurisdiction

    def start_of(limit: TimeLimit) -> Event | None:
        if limit.starts == "stage_entry":
            return entered
        return _first_after(events, entered, "notification" if limit.starts == "notification" else "hearing")

    for remedy in stage.remedies:
        if remedy.limit is None:
            pos.remedies.append(Clock(None, None, None, "open", remedy))
        else:
            pos.remedies.append(_clock(remedy.limit, start_of(remedy.limit), jurisdiction, pos.as_of, remedy))
    for limit in stage.clocks:
        pos.clocks.append(_clock(limit, start_of(limit), jurisdiction, pos.as_of))
    if not stage.final:
        pos.available = list(pos.procedure.always)
