"""``exwatch status`` and ``exwatch deadlines``: where cases stand and what is due."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import typer
from rich.markup import escape

from exwatch.cli.context import FORMAT_OPTION, ReadFormat, console, print_json, reading
from exwatch.errors import InputError

# The procedure models (holidays), the store and the vocabulary are imported inside each command: see
# exwatch.cli.context. ``assess`` and ``draft`` import AS_OF and parse_as_of from here.


def parse_as_of(value: str | None) -> dt.date:
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(f"--as-of {value!r}: give a day as YYYY-MM-DD, e.g. 2015-05-25") from None


def parse_within(value: str | None) -> int | None:
    if value is None:
        return None
    match = re.fullmatch(r"(\d+)\s*([dwm]?)", value.strip())
    if not match:
        raise InputError(f"--within {value!r}: write a number of days, weeks or months, e.g. 30d, 6w, 2m")
    number, unit = int(match.group(1)), match.group(2) or "d"
    return number * {"d": 1, "w": 7, "m": 30}[unit]


AS_OF = typer.Option(None, "--as-of", help="the day to look from (YYYY-MM-DD); default: today")


def _where(code: str) -> str:
    from exwatch.model.countries import country_name
    from exwatch.model.vocab import vocabulary

    vocab = vocabulary()
    return vocab.label("forum", code) if code in vocab.values("forum") else f"{country_name(code)} ({code})"


def _deadline_text(item: dict[str, Any]) -> str:
    if item["deadline"] is None:
        return "no time limit" if item["basis"] == "no time limit" else "deadline unknown (start not recorded)"
    span = f"{item['deadline']}" + (f" to {item['deadline_latest']}" if item.get("deadline_latest") else "")
    return f"{item['status']}, by {span}"


def _show(entry: dict[str, Any]) -> None:
    out = console.print
    out(f"\n[bold]{_where(entry['jurisdiction'])}[/bold]")
    if entry["stage"] is None:
        latest = entry["latest_event"]
        out(f"  latest step {latest['date']}: {escape(latest['body'])} ({latest['action']}) — {entry['note']}")
        return
    stage, since = entry["stage"], entry["since"]
    out(f"  stage: {escape(stage['en'])}" + (f" / {escape(stage['local'])}" if stage["local"] else ""))
    out(f"  since {since['date']}: {escape(since['body'])}")
    if entry["in_custody"] is not None:
        out(f"  in custody: {'yes' if entry['in_custody'] else 'no'}")
    for measure in entry.get("measures_in_force", []):
        out(f"  interim measure in force since {measure['date']}: {escape(measure['body'])}")
    nxt = entry["next_decision_by"]
    if nxt:
        name = nxt["name"]
        out(
            f"  next decision: {escape(name['local'] or name['en'])}"
            + (f" ({escape(name['en'])})" if name["local"] else "")
        )
        if nxt["address"]:
            out(f"    address as: {escape(nxt['address']['local'] or nxt['address']['en'])}")
        if entry["decides"]:
            out(f"    decides: {escape(entry['decides']['en'])}")
    elif stage["final"]:
        out("  the procedure has ended here")
    for remedy in entry["remedies"]:
        out(f"  remedy: {escape(remedy['label']['en'])} — {_deadline_text(remedy)}")
    for clock in entry["clocks"]:
        out(f"  time limit ({clock['binds']}): {escape(clock['label']['en'])} — {_deadline_text(clock)}")
    for remedy in entry["available"]:
        out(f"  also available: {escape(remedy['en'])}")
    if entry.get("advocacy"):
        out(f"  advocacy: {escape(entry['advocacy']['en'])}")
    for warning in entry["warnings"]:
        out(f"  [yellow]warning:[/yellow] {escape(warning)}")


def status(
    ctx: typer.Context,
    case_id: str = typer.Argument(..., metavar="CASE"),
    as_of: str | None = AS_OF,
    fmt: ReadFormat = FORMAT_OPTION,
) -> None:
    """Where the case stands in every jurisdiction: stage, next decision-maker, remedies and deadlines."""
    from exwatch.logic.status import status_of

    day = parse_as_of(as_of)
    with reading(ctx) as session:
        entries = [s.as_dict() for s in status_of(session, case_id, day)]
    if fmt is ReadFormat.json:
        print_json({"case": case_id, "as_of": day.isoformat(), "jurisdictions": entries})
        return
    console.print(f"[bold]{case_id}[/bold] as of {day.isoformat()}")
    if not entries:
        console.print("No events recorded by that date.")
    for entry in entries:
        _show(entry)


def deadlines(
    ctx: typer.Context,
    within: str | None = typer.Option(None, "--within", help="only those due within e.g. 30d, 6w, 2m"),
    as_of: str | None = AS_OF,
    ics: Path | None = typer.Option(None, "--ics", help="also write them to this iCalendar file"),
    fmt: ReadFormat = FORMAT_OPTION,
) -> None:
    """Upcoming deadlines across all cases (remedies still open and clocks still running)."""
    from exwatch.logic.calendar import to_ics
    from exwatch.logic.status import upcoming_deadlines
    from exwatch.private import write_private

    day, days = parse_as_of(as_of), parse_within(within)
    with reading(ctx) as session:
        due = upcoming_deadlines(session, day, days)
    if ics is not None:
        write_private(ics, to_ics(due, dt.datetime.now(dt.UTC)))
    if fmt is ReadFormat.json:
        print_json([d.as_dict() for d in due])
        return
    if not due:
        console.print(f"No deadlines from {day.isoformat()}" + (f" within {within}" if within else "") + ".")
    for item in (d.as_dict() for d in due):
        console.print(
            f"{item['deadline']}  {item['case']} ({escape(item['subject'])}), {item['jurisdiction']}: "
            f"{escape(item['label']['en'])} [{item['status']}]"
        )
    if ics is not None:
        console.print(f"wrote {len(due)} deadline(s) to {ics}")
