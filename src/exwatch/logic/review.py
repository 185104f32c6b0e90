"""Reviewing proposals: accept (as proposed or edited) or reject; accepted ones become case facts citing
the document they were read in. Every decision is appended to the review history; nothing is deleted.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from exwatch.errors import InputError
from exwatch.logic import cases
from exwatch.logic.documents import current_actor
from exwatch.model.case import unique_id
from exwatch.store.review_tables import DocumentRow, ProposalRow, ReviewEventRow


@dataclass(frozen=True)
class Decision:
    accept: list[int]
    reject: list[int]
    edits: dict[int, dict[str, Any]]  # proposal id → replacement value (accepted as edited)
    note: str | None = None


def proposals(session: Session, case_id: str, status: str | None = "open") -> list[ProposalRow]:
    cases.stored(session, case_id)  # a clear error for an unknown case
    query = select(ProposalRow).where(ProposalRow.case_id == case_id).order_by(ProposalRow.pk)
    if status is not None:
        query = query.where(ProposalRow.status == status)
    return list(session.scalars(query))


def history(session: Session, proposal_id: int) -> list[ReviewEventRow]:
    return list(
        session.scalars(
            select(ReviewEventRow).where(ReviewEventRow.proposal_pk == proposal_id).order_by(ReviewEventRow.pk)
        )
    )


def _document_source(doc: DocumentRow) -> dict[str, Any]:
    source: dict[str, Any] = {
        "id": f"doc-{doc.sha256[:12]}",
        "title": doc.file_name,
        "kind": "other",
        "note": f"sha256 {doc.sha256}",
    }
    if doc.language in ("en", "fr", "ru"):
        source["language"] = doc.language
    if doc.date:
        source["date"] = doc.date
    return source


def _apply(data: dict[str, Any], kind: str, value: dict[str, Any], proposal_id: int) -> None:
    """Merge one accepted value into the case data (the case is validated whole afterwards)."""
    if kind == "name":
        if all(n["name"] != value["name"] for n in data["subject"]["names"]):
            data["subject"]["names"].append({**value, "kind": value.get("kind", "alias")})
    elif kind == "state_role":
        same = next((r for r in data["states"] if r["state"] == value["state"]), None)
        if same is None:
            data["states"].append(value)
        else:
            same["roles"] = list(dict.fromkeys([*same["roles"], *value["roles"]]))
            same["sources"] = [*same["sources"], *value.get("sources", [])]
    elif kind in ("request", "event", "fact"):
        group = {"request": "requests", "event": "events", "fact": "facts"}[kind]
        item = dict(value)
        taken = {x["id"] for x in data[group]}
        item["id"] = unique_id(str(item.get("id") or f"{kind}-{proposal_id}"), taken.__contains__)
        data[group].append(item)
    elif kind == "profile":
        subject = data["subject"]
        if value["profile"] not in subject["profiles"]:
            subject["profiles"].append(value["profile"])
            subject["sources"] = [*subject["sources"], *value.get("sources", [])]
    elif kind == "charge":
        issuer = value.get("issuer")
        targets = [r for r in data["requests"] if issuer is None or r["issuer"] == issuer]
        if len(targets) != 1:
            raise InputError(
                f"proposal {proposal_id}: the charge {value.get('charge')!r} fits "
                f"{len(targets)} requests; edit it with the issuer of one request"
            )
        targets[0]["charges"] = list(dict.fromkeys([*targets[0].get("charges", []), value["charge"]]))
    # "body" proposals name an institution: accepting records the review only.


def decide(session: Session, case_id: str, decision: Decision) -> dict[str, int]:
    """Apply the decisions in one transaction; a fault in any of them applies none."""
    actor = current_actor()
    cases.lock(session, case_id)  # before reading the proposals: a concurrent review waits, then sees this one's
    rows = {p.pk: p for p in proposals(session, case_id, status=None)}
    wanted = [*decision.accept, *decision.reject, *decision.edits]
    unknown = [i for i in wanted if i not in rows]
    if unknown:
        raise InputError(
            f"no proposal {', '.join(map(str, unknown))} in case {case_id!r}; see `exwatch review {case_id}`"
        )
    closed = [i for i in wanted if rows[i].status != "open"]
    if closed:
        raise InputError(f"proposal(s) {', '.join(map(str, closed))} already reviewed; the history keeps them")
    accepted = [*decision.accept, *decision.edits]

    def merge(data: dict[str, Any]) -> None:
        known_sources = {s["id"] for s in data["sources"]}
        for pid in accepted:
            row = rows[pid]
            value = decision.edits.get(pid, row.value)
            if pid not in decision.edits and not row.valid:
                raise InputError(f"proposal {pid} is incomplete ({'; '.join(row.problems)}); accept it with an edit")
            doc = session.get(DocumentRow, row.document_pk)
            assert doc is not None  # a foreign key guarantees it
            source = _document_source(doc)
            if source["id"] not in known_sources:
                data["sources"].append(source)
                known_sources.add(source["id"])
            _apply(data, row.kind, value, pid)

    cases.amend(session, case_id, merge, "the accepted proposals")
    for pid in accepted:
        edited = pid in decision.edits
        rows[pid].status = "accepted"
        session.add(
            ReviewEventRow(
                proposal_pk=pid,
                action="edited" if edited else "accepted",
                actor=actor,
                value=decision.edits.get(pid, rows[pid].value),
                note=decision.note,
            )
        )
    for pid in decision.reject:
        rows[pid].status = "rejected"
        session.add(ReviewEventRow(proposal_pk=pid, action="rejected", actor=actor, value=None, note=decision.note))
    session.flush()
    return {"accepted": len(accepted), "rejected": len(decision.reject)}


def accept_all(session: Session, case_id: str) -> dict[str, int]:
    """Accept every open, complete proposal (incomplete ones stay open and are counted)."""
    cases.lock(session, case_id)
    rows = proposals(session, case_id)
    ready = [r.pk for r in rows if r.valid and r.kind != "charge"]
    charges = [r.pk for r in rows if r.valid and r.kind == "charge"]
    result = decide(session, case_id, Decision(ready, [], {}))
    # Charges attach to a request, which may only exist once the requests above are accepted.
    attached = 0
    for pid in charges:
        try:
            with session.begin_nested():
                decide(session, case_id, Decision([pid], [], {}))
                attached += 1
        except InputError:
            continue  # left open: the reviewer says which request it belongs to
    return {
        "accepted": result["accepted"] + attached,
        "rejected": 0,
        "left_open": len(rows) - result["accepted"] - attached,
    }


def unreviewed(session: Session, case_id: str) -> list[ProposalRow]:
    """Open proposals: drafting refuses to proceed while there are any."""
    return proposals(session, case_id, "open")
