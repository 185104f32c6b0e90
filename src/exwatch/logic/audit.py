"""The append-only audit log: every read and write of a case through the team application, who and when.

Rows are only ever added here; nothing in the project updates or deletes one. Admins read and export it.
"""

from __future__ import annotations

import csv
import io

from sqlalchemy import select
from sqlalchemy.orm import Session

from exwatch.store.team_tables import AuditRow


def printable(text: str) -> str:
    """``text`` with control characters shown as '?': what someone typed is logged as seen, and PostgreSQL
    refuses the NUL character in text."""
    return "".join("?" if ord(c) < 32 or ord(c) == 127 else c for c in text)


def record(session: Session, actor: str, action: str, case_id: str | None, detail: str | None = None) -> None:
    session.add(
        AuditRow(
            actor=printable(actor)[:80],
            action=action,
            case_id=printable(case_id)[:80] if case_id is not None else None,
            detail=printable(detail) if detail is not None else None,
        )
    )


def entries(session: Session, case_id: str | None = None, limit: int = 500) -> list[AuditRow]:
    query = select(AuditRow).order_by(AuditRow.pk.desc()).limit(limit)
    if case_id and "\x00" in case_id:
        return []  # no case id holds a NUL (and PostgreSQL refuses to compare text holding one)
    if case_id:
        query = query.where(AuditRow.case_id == case_id)
    return list(session.scalars(query))


def record_change(session: Session, actor: str, case_id: str, version: int, what: str) -> None:
    """A write, with the case version it produced: a writer overtaken later is shown what changed since."""
    record(session, actor, "write", case_id, f"version {version}: {what}")


def changes_since(session: Session, case_id: str, version: int) -> list[str]:
    """The audited writes that produced versions after ``version``, oldest first ("when, who: what")."""
    found = []
    for row in reversed(entries(session, case_id, limit=200)):
        head, _, what = (row.detail or "").partition(": ")
        if row.action == "write" and head.startswith("version ") and head[8:].isdigit() and int(head[8:]) > version:
            found.append(f"{row.at:%Y-%m-%d %H:%M} {row.actor}: {what}")
    return found


def to_csv(rows: list[AuditRow]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["at", "actor", "action", "case", "detail"])
    for row in rows:
        # A cell starting with = + - @ is a formula in a spreadsheet: quote it as text (CSV injection).
        cells = [row.at.isoformat(), row.actor, row.action, row.case_id or "", row.detail or ""]
        writer.writerow(["'" + c if c[:1] in ("=", "+", "-", "@") else c for c in cells])
    return out.getvalue()
