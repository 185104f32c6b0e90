"""``exwatch kb ...``: validate the knowledge base and show what it covers."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import typer
from rich.markup import escape
from rich.table import Table

from exwatch.cli.context import FORMAT_OPTION, ReadFormat, console, print_json
from exwatch.kb import check_knowledge, kb_stats, knowledge_version, load_knowledge

app = typer.Typer(no_args_is_help=True, help="Knowledge base: states, treaties, parties and transfer links.")

PATH_OPTION = typer.Option(None, "--path", help="a knowledge directory to check instead of the shipped one")


@app.command("check")
def check(path: Path | None = PATH_OPTION, fmt: ReadFormat = FORMAT_OPTION) -> None:
    """Validate every knowledge file; exit 1 and print file:line for each fault."""
    faults = check_knowledge(path)
    if path is None:  # the shipped data also has the country evidence and its rule book
        from exwatch.kb.evidence import check_evidence

        faults += [dataclasses.replace(f, file=f"evidence/{f.file}") for f in check_evidence()]
    if fmt is ReadFormat.json:
        print_json({"version": knowledge_version(path), "faults": [dataclasses.asdict(f) for f in faults]})
    elif faults:
        for fault in faults:
            console.print(escape(str(fault)))
        console.print(f"[red]{len(faults)} fault(s)[/red]")
    else:
        console.print(f"Knowledge base OK (version {knowledge_version(path)[:12]})")
    if faults:
        raise typer.Exit(1)


@app.command("stats")
def stats(path: Path | None = PATH_OPTION, fmt: ReadFormat = FORMAT_OPTION) -> None:
    """Coverage: records, parties per instrument, a state x instrument matrix, unverified records."""
    from exwatch.kb.evidence import load_evidence

    result = kb_stats(load_knowledge(path))
    evidence = load_evidence()
    if fmt is ReadFormat.json:
        print_json(
            {
                **dataclasses.asdict(result),
                "evidence": {
                    "per_state": {s: {"findings": n, "verified": v} for s, (n, v) in evidence.coverage().items()},
                    "unverified": [
                        {"file": f"evidence/{f}", "line": line, "id": i, "todo": todo}
                        for f, line, i, todo in evidence.unverified()
                    ],
                },
            }
        )
        return
    console.print(
        f"Knowledge version {result.version[:12]}: {result.states} states, {result.records} "
        f"sourced records ({result.verified} verified, {len(result.unverified)} unverified); "
        f"{result.bilateral} bilateral treaties, {result.absences} absences, {result.practice} practice"
    )
    table = Table("instrument", "party records", "in force today", "list complete", "unverified", title="Instruments")
    for row in result.instruments:
        table.add_row(
            row.instrument,
            str(row.party_records),
            str(row.in_force_today),
            "yes" if row.complete else "no",
            str(row.unverified),
        )
    console.print(table)
    names = [row.instrument for row in result.instruments]
    matrix = Table(
        "state",
        *(row.short for row in result.instruments),
        title="Focus states x instruments today (P party, S signed only, E ended)",
    )
    for state, cells in result.matrix.items():
        matrix.add_row(state, *(cells[name] for name in names))
    console.print(matrix)
    todo = Table("where", "record", "what remains to check", title="Unverified records")
    for item in result.unverified:
        todo.add_row(f"{item.file}:{item.line}", escape(item.label), escape(item.todo))
    console.print(todo)
    per_state = Table("state", "findings", "verified", title="Country evidence per state")
    for state, (findings, verified) in evidence.coverage().items():
        per_state.add_row(state, str(findings), str(verified))
    console.print(per_state)
    pending = Table("where", "finding", "what remains to check", title="Unverified country evidence")
    for file, line, record_id, what in evidence.unverified():
        pending.add_row(f"evidence/{file}:{line}", record_id, escape(what))
    console.print(pending)
