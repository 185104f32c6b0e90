"""Onward-transfer paths: how a person handed to a requesting state could reach the persecuting state.

From each requesting state, the shortest paths of at most three hops over the transfer links valid on
the assessment date (treaties in force between the two states, bilateral treaties, documented practice
such as deportation in lieu of extradition or abduction), ending in the persecuting state or in another
state where the subject personally faces a high torture risk (CAT General Comment No. 4 § 12: no
removal to a state that may in turn remove the person to a third state where the risk exists). The
custodial state is left out: a path back to it is no transfer.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable
from dataclasses import asdict, dataclass
from functools import lru_cache
from typing import Any

from exwatch.kb import Citation, Link, link_epochs, links_at

MAX_HOPS = 3


@dataclass(frozen=True)
class Path:
    """A sequence of states; each hop with every legal basis valid for it on the date."""

    states: tuple[str, ...]
    hops: tuple[tuple[Link, ...], ...]
    risk: str

    def as_dict(self, as_of: dt.date) -> dict[str, Any]:
        """The path as the assessment prints it; each basis cites the documents in existence on ``as_of``
        (a 2022 law ending a treaty is not cited for a path of 2012)."""
        return {
            "path": list(self.states),
            "basis": [
                [
                    {
                        "from": link.origin,
                        "to": link.destination,
                        "kind": link.kind,
                        "basis": link.basis,
                        "label": link.label,
                        "verified": link.verified,
                        "sources": [_citation(c) for c in link.sources if c.existed_on(as_of)],
                    }
                    for link in hop
                ]
                for hop in self.hops
            ],
            "risk": self.risk,
        }


def _citation(citation: Citation) -> dict[str, Any]:
    return {k: v for k, v in asdict(citation).items() if v is not None}


@dataclass(frozen=True)
class _Epoch:
    """Who can hand a person to whom between two switch days: each state's destinations and sources."""

    start: dt.date
    out: dict[str, frozenset[str]]
    into: dict[str, frozenset[str]]
    practice: tuple[Link, ...]  # documented transfers outside ordinary extradition


def _epoch(day: dt.date) -> _Epoch:
    """The link graph valid on ``day``.

    The link set only changes on the knowledge base's switch days (entries into force, ends, documented
    transfers), so the graph is built once per epoch between two such days and shared by every date inside it.
    Only who-reaches-whom is kept per epoch (a few hundred epochs of some 37,000 links each would take
    gigabytes); the links of a hop are looked up when a path uses it.
    """
    return _epoch_at(_epoch_start(day))


def _epoch_start(day: dt.date) -> dt.date:
    epochs = _epochs()
    index = bisect.bisect_right(epochs, day)
    return epochs[index - 1] if index else dt.date.min


def practice_on(day: dt.date) -> tuple[Link, ...]:
    """The documented transfers outside ordinary extradition (links of kind practice) known on ``day``."""
    return _epoch(day).practice


@lru_cache(maxsize=1)
def _epochs() -> tuple[dt.date, ...]:
    return link_epochs()


# Neighbour sets are mostly the same from one epoch to the next: one shared copy of each.
_SETS: dict[frozenset[str], frozenset[str]] = {}


def _shared(states: set[str]) -> frozenset[str]:
    frozen = frozenset(states)
    return _SETS.setdefault(frozen, frozen)


@lru_cache(maxsize=2048)
def _epoch_at(start: dt.date) -> _Epoch:
    out: dict[str, set[str]] = {}
    into: dict[str, set[str]] = {}
    links = links_at(start)
    for link in links:
        out.setdefault(link.origin, set()).add(link.destination)
        into.setdefault(link.destination, set()).add(link.origin)
    return _Epoch(
        start,
        {s: _shared(d) for s, d in sorted(out.items())},
        {s: _shared(o) for s, o in sorted(into.items())},
        tuple(lk for lk in links if lk.kind == "practice"),
    )


@lru_cache(maxsize=8192)
def _hop(origin: str, destination: str, start: dt.date) -> tuple[Link, ...]:
    """Every basis on which ``origin`` can hand a person to ``destination`` in the epoch from ``start``."""
    links = [lk for lk in links_at(start, involving=origin) if lk.origin == origin and lk.destination == destination]
    return tuple(sorted(links, key=lambda lk: (lk.kind, lk.basis)))


def paths(origins: list[str], is_target: Callable[[str], str | None], avoid: set[str], day: dt.date) -> list[Path]:
    """For each requesting state and each target it can reach, every path of the fewest hops (at most three).

    ``is_target`` returns the risk level that makes a state a target (the persecuting state, or a state
    where the subject's torture risk is high), or None. A path ends at the first target it reaches and never
    passes through the custodial state (``avoid``). Longer routes to a state already reachable more directly
    add no new destination or risk, only another way to the same place; listing them all (hundreds, through
    the 50 parties of the European Convention on Extradition) would bury the ones that matter.
    """
    epoch = _epoch(day)
    # States reachable within three hops, and which of them are targets (each asked once).
    frontier, seen = set(origins), set(origins)
    for _ in range(MAX_HOPS):
        frontier = {d for s in frontier if s not in avoid for d in epoch.out.get(s, ()) if d not in seen}
        seen |= frontier
    risk = {s: r for s in sorted(seen - avoid) if (r := is_target(s)) is not None}
    found: list[Path] = []
    for target, level in risk.items():
        # Hops from each state to this target, through states that are neither targets nor avoided.
        distance = {target: 0}
        layer = {target}
        for hops in range(1, MAX_HOPS + 1):
            layer = {p for s in layer for p in epoch.into.get(s, ()) if p not in distance and p not in avoid}
            for state in layer:
                distance[state] = hops
            layer = {s for s in layer if s not in risk}  # a path ends at the first target
        for origin in origins:
            if origin != target and origin in distance:
                found += _walk((origin,), (), target, distance, epoch, level)
    return sorted(found, key=lambda p: (len(p.states), p.states))


def _walk(
    states: tuple[str, ...],
    hops: tuple[tuple[Link, ...], ...],
    target: str,
    distance: dict[str, int],
    epoch: _Epoch,
    level: str,
) -> list[Path]:
    """Every shortest path from ``states[-1]`` to ``target``: each hop brings it one step closer."""
    here = states[-1]
    if here == target:
        return [Path(states, hops, level)]
    out: list[Path] = []
    for nxt in sorted(epoch.out.get(here, ())):
        if distance.get(nxt) == distance[here] - 1 and nxt not in states:
            out += _walk((*states, nxt), (*hops, _hop(here, nxt, epoch.start)), target, distance, epoch, level)
    return out
