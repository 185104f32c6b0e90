"""Deadlines as an iCalendar file (RFC 5545) that ordinary calendar applications import.

Each deadline is an all-day event on the earliest day the limit can end (when the start of the clock
is known only to the month, acting by the earliest day is the safe reading); the description says
the rule, what it binds and the latest possible day.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from exwatch.logic.status import Due


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    """Lines longer than 75 octets are folded with CRLF + space (RFC 5545 § 3.1)."""
    out, current = [], b""
    for char in line:
        encoded = char.encode("utf-8")
        if len(current) + len(encoded) > 74:
            out.append(current.decode("utf-8"))
            current = b" "
        current += encoded
    out.append(current.decode("utf-8"))
    return "\r\n".join(out)


def to_ics(deadlines: list[Due], generated: dt.datetime) -> str:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Extradition Watch//exwatch//EN", "CALSCALE:GREGORIAN"]
    stamp = generated.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    for due in deadlines:
        clock, window = due.clock, due.clock.window
        if window is None:
            continue
        label = clock.label.en
        rule = clock.limit.label.en if clock.limit else ""
        uid_seed = f"{due.case_id}|{due.jurisdiction}|{label}|{window.earliest}".encode()
        details = [f"Case {due.case_id} ({due.subject}), {due.jurisdiction}.", f"Rule: {rule}."]
        if clock.limit is not None:
            details.append(f"Binds: {clock.limit.binds}. Counting: {clock.limit.counting}.")
        if not window.exact:
            details.append(
                f"The start is known only approximately: the limit ends between {window.earliest} and {window.latest}."
            )
        lines += [
            "BEGIN:VEVENT",
            f"UID:{hashlib.sha256(uid_seed).hexdigest()[:32]}@exwatch",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{window.earliest:%Y%m%d}",
            f"DTEND;VALUE=DATE:{window.earliest + dt.timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{_escape(f'{due.subject}: {label}')}",
            f"DESCRIPTION:{_escape(' '.join(details))}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"
