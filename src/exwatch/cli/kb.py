"""``exwatch kb ...``: validate the knowledge base and show what it covers."""

from __future__ import annotations

import dataclasses
import datetime as dt
import getpass
import textwrap
from collections import Counter
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.markup import escape
from rich.table import Table

from exwatch.cli.context import FORMAT_OPTION, ReadFormat, console, print_json, reading, transaction

# The knowledge base (pydantic models, YAML) is imported inside each command: see exwatch.cli.context.
if TYPE_CHECKING:
    from exwatch.kb.stats import Stats

app = typer.Typer(
    no_args_is_help=True, help="Knowledge base: states, treaties, parties, transfer links and imported country figures."
)

PATH_OPTION = typer.Option(None, "--path", help="a knowledge directory to check instead of the shipped one")


def _version(path: Path | None) -> str:
    """The knowledge version ``assess`` and ``draft`` record (all the data the assessment reads) for the
    shipped data; for another directory, the digest of its files."""
    if path is None:
        from exwatch.assess.assessment import assessment_version

        return assessment_version()
    from exwatch.kb import knowledge_version

    return knowledge_version(path)


@app.command("check")
def check(path: Path | None = PATH_OPTION, fmt: ReadFormat = FORMAT_OPTION) -> None:
    """Validate every knowledge file; exit 1 and print file:line for each fault."""
    from exwatch.kb import check_knowledge

    faults = check_knowledge(path)
    if path is None:  # the shipped data also has the country evidence and its rule book
        from exwatch.kb.evidence import check_evidence

        faults += [dataclasses.replace(f, file=f"evidence/{f.file}") for f in check_evidence()]
    if fmt is ReadFormat.json:
        print_json({"version": _version(path), "faults": [dataclasses.asdict(f) for f in faults]})
    elif faults:
        for fault in faults:
            console.print(escape(str(fault)))
        console.print(f"[red]{len(faults)} fault(s)[/red]")
    else:
        console.print(f"Knowledge base OK (version {_version(path)[:12]})")
    if faults:
        raise typer.Exit(1)


def _section(file: str) -> str:
    """The part of the knowledge base a file belongs to, as the summary of ``kb stats`` counts them."""
    return "parties" if file.startswith("parties/") else file


@app.command("stats")
def stats(
    path: Path | None = PATH_OPTION,
    fmt: ReadFormat = FORMAT_OPTION,
    full: bool = typer.Option(
        False,
        "--full",
        help="also list the parties per instrument, the focus states x instruments matrix, the evidence per state "
        "and every unverified record with what remains to check (--format json always has all of it)",
    ),
) -> None:
    """Coverage: a summary of the records in each part and how many are unverified; --full for the detail."""
    from exwatch.kb import kb_stats, load_knowledge
    from exwatch.kb.evidence import load_evidence

    result = kb_stats(load_knowledge(path))
    evidence = load_evidence()
    coverage, pending = evidence.coverage(), evidence.unverified()
    if fmt is ReadFormat.json:
        print_json(
            {
                **dataclasses.asdict(result),
                "version": _version(path),
                "evidence": {
                    "per_state": {s: {"findings": n, "verified": v} for s, (n, v) in coverage.items()},
                    "unverified": [
                        {"file": f"evidence/{f}", "line": line, "id": i, "todo": todo} for f, line, i, todo in pending
                    ],
                },
            }
        )
        return
    console.print(
        f"Knowledge version {_version(path)[:12]}: {result.states} states, {result.records} "
        f"sourced records ({result.verified} verified, {len(result.unverified)} unverified); "
        f"{result.bilateral} bilateral treaties, {result.absences} absences, {result.practice} practice"
    )
    if not full:
        _summary(result, coverage, pending)
        return
    _detail(result, coverage, pending)


def _summary(result: Stats, coverage: dict[str, tuple[int, int]], pending: list[tuple[str, int, str, str]]) -> None:
    unverified = Counter(_section(item.file) for item in result.unverified)
    findings = sum(n for n, _ in coverage.values())
    parties = sum(row.party_records for row in result.instruments)
    table = Table("part", "what it holds", title="Knowledge base")
    table.add_column("unverified", justify="right")
    table.add_row(
        "states.yaml",
        f"{len(result.organisations)} organisations, {sum(result.organisations.values())} memberships",
        str(unverified["states.yaml"]),
    )
    table.add_row(
        "instruments.yaml",
        f"{len(result.instruments)} instruments, {sum(row.complete for row in result.instruments)} with a complete "
        "party list",
        str(unverified["instruments.yaml"]),
    )
    table.add_row(
        "parties/",
        f"{parties} party records, {sum(row.in_force_today for row in result.instruments)} in force today",
        str(unverified["parties"]),
    )
    table.add_row(
        "transfer_links.yaml",
        f"{result.bilateral} bilateral treaties, {result.absences} absences, {result.practice} practice",
        str(unverified["transfer_links.yaml"]),
    )
    table.add_row("evidence/", f"{findings} findings on {len(coverage)} states", str(len(pending)))
    console.print(table)
    note = (
        f"{len(result.unverified) + len(pending)} unverified records rest on leads only: `exwatch kb stats --full` "
        "lists each with what remains to check, with the parties per instrument and the focus states x instruments "
        "matrix."
    )
    console.print(textwrap.fill(note, width=min(console.width, 110)), markup=False)


def _where_table(what: str, places: list[str], title: str) -> Table:
    """A table of records by file:line, which is never wrapped (people open the file at that line)."""
    table = Table(title=title)
    table.add_column("where", no_wrap=True, min_width=max((len(p) for p in places), default=5))
    table.add_column(what, overflow="fold")
    table.add_column("what remains to check")
    return table


def _detail(result: Stats, coverage: dict[str, tuple[int, int]], pending: list[tuple[str, int, str, str]]) -> None:
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
    todo = _where_table("record", [f"{item.file}:{item.line}" for item in result.unverified], "Unverified records")
    for item in result.unverified:
        todo.add_row(f"{item.file}:{item.line}", escape(item.label), escape(item.todo))
    console.print(todo)
    per_state = Table("state", "findings", "verified", title="Country evidence per state")
    for state, (findings, verified) in coverage.items():
        per_state.add_row(state, str(findings), str(verified))
    console.print(per_state)
    places = [f"evidence/{file}:{line}" for file, line, _, _ in pending]
    leads = _where_table("finding", places, "Unverified country evidence")
    for file, line, record_id, what in pending:
        leads.add_row(f"evidence/{file}:{line}", record_id, escape(what))
    console.print(leads)


class DatasetKind(StrEnum):
    pts = "pts"
    vdem = "vdem"
    fh = "fh"


def _user() -> str | None:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name in some containers; the import is still recorded
        return None


_IMPORT_HELP = (
    "Import a PTS, V-Dem or Freedom House CSV as dated country figures with their source. "
    "Importing the same release again replaces its figures. Rows of states that ISO 3166-1 does not know "
    "(USSR, Yugoslavia, Crimea, ...) are skipped and listed. The figures are supplementary evidence shown "
    "next to an assessment; they never change its risk levels."
)


@app.command("import", help=_IMPORT_HELP)
def import_(
    ctx: typer.Context,
    kind: DatasetKind = typer.Argument(
        ..., metavar="DATASET", help="pts (Political Terror Scale), vdem (V-Dem), fh (Freedom House)"
    ),
    file: Path = typer.Argument(..., metavar="FILE", help="the dataset's CSV file as downloaded"),
    version: str | None = typer.Option(
        None,
        "--source-version",
        help="release label to record (e.g. v14); default: from the file name, else from its years",
    ),
    fmt: ReadFormat = FORMAT_OPTION,
) -> None:
    """Import a dataset file as dated, sourced country figures.

    The --help text is ``_IMPORT_HELP``: typer would keep this docstring's line breaks.
    """
    from rich.console import Console
    from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn

    from exwatch.logic.figures import import_dataset

    columns = (TextColumn("{task.description}"), BarColumn(), DownloadColumn(), TimeRemainingColumn())
    bar = Progress(*columns, console=Console(stderr=True), transient=True, disable=fmt is ReadFormat.json)
    with bar, transaction(ctx) as session:
        task = bar.add_task(f"importing {file.name}", total=file.stat().st_size if file.is_file() else None)
        result = import_dataset(
            session,
            kind.value,
            file,
            lambda done, total: bar.update(task, completed=done, total=total),
            imported_by=_user(),
            version=version,
        )
    if fmt is ReadFormat.json:
        print_json(result.as_dict())
        return
    console.print(
        f"Imported {escape(result.title)} {escape(result.version)} from {escape(result.file)} "
        f"(layout {result.layout}, sha256 {result.sha256[:12]})"
    )
    console.print(
        f"  {result.records:,} country-years, {result.figures:,} figures, {result.states} states, "
        f"{result.first_year}-{result.last_year}"
    )
    if result.replaced:
        console.print(f"  replaced the earlier import of {escape(result.version)} ({result.replaced:,} figures)")
    skipped = result.unmapped + result.duplicates
    if skipped:
        table = Table("name in the file", "rows", "years", "why skipped", title=f"{len(skipped)} name(s) not imported")
        for item in skipped:
            table.add_row(escape(item.name), str(item.rows), f"{item.first_year}-{item.last_year}", escape(item.reason))
        console.print(table)


@app.command("figures")
def figures(
    ctx: typer.Context,
    state: str = typer.Argument(..., metavar="STATE", help="ISO 3166-1 code or English name"),
    year: int | None = typer.Option(None, "--year", min=1800, max=2200, help="latest figures up to this year"),
    fmt: ReadFormat = FORMAT_OPTION,
) -> None:
    """A state's latest imported PTS, V-Dem and Freedom House figures up to a year, each with its source."""
    from exwatch.logic.figures import country_figures
    from exwatch.model.countries import country_name, resolve_country

    code, as_of = resolve_country(state), year or dt.date.today().year
    with reading(ctx) as session:
        found = country_figures(session, code, as_of)
    if fmt is ReadFormat.json:
        print_json({"state": code, "as_of_year": as_of, "figures": [f.as_dict() for f in found]})
        return
    if not found:
        console.print(
            f"No imported figures for {code} up to {as_of}; import a dataset with `exwatch kb import pts FILE`."
        )
        return
    table = Table("dataset", "indicator", "year", "value", "what it measures", title=f"{country_name(code)} ({code})")
    for item in found:
        value = f"{item.value:g}" if isinstance(item.value, float) else item.value
        table.add_row(item.dataset, item.indicator, str(item.year), value, escape(item.meaning))
    console.print(table)
    sources = {(f.source.title, f.source.version): f.source for f in found}
    for source in sources.values():
        console.print(
            f"Source: {escape(source.citation)}, {escape(source.version)}, {source.url} "
            f"(file {escape(source.file)}, imported {source.imported_at[:10]})"
        )
