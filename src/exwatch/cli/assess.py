"""``exwatch assess``: the cited assessment of a case, or the list of rules it applies."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Any

import typer

from exwatch.cli.context import console, print_json, reading
from exwatch.cli.status import AS_OF, parse_as_of
from exwatch.errors import InputError


class AssessFormat(StrEnum):
    text = "text"
    md = "md"
    json = "json"


def assess(
    ctx: typer.Context,
    case_id: str | None = typer.Argument(None, metavar="CASE", help="the case to assess"),
    as_of: str | None = AS_OF,
    fmt: AssessFormat = typer.Option(AssessFormat.text, "--format", "-f"),
    rules: bool = typer.Option(False, "--rules", help="print the indicators and the rules that decide them"),
    output: Path | None = typer.Option(
        None,
        "--output",
        "-o",
        help="write the assessment to this file (Markdown, or JSON with --format json) and print only its conclusion",
    ),
) -> None:
    """Assess a case: political motivation, destination risk, onward transfer, procedure and conclusion."""
    from exwatch.assess.engine import rule_list

    if rules:
        listed = rule_list()
        if fmt is AssessFormat.json:
            print_json(listed)
        else:
            for item in listed:
                kind = "counter-indicator" if item["counter"] == "true" else f"weight {item['weight']}"
                console.print(f"[bold]{item['id']}[/bold] {item['name']} ({kind})\n  {item['rule']}\n")
        return
    if case_id is None:
        raise InputError("name the case to assess (see `exwatch case list`), or ask for --rules")
    from exwatch.assess.report import to_markdown
    from exwatch.logic.assess import assess as run

    day = parse_as_of(as_of)
    with reading(ctx) as session:
        result = run(session, case_id, day)
    data = result.as_dict()
    if output is not None:
        from exwatch.private import write_private

        if fmt is AssessFormat.json:
            write_private(output, json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n")
        else:
            write_private(output, to_markdown(data, result.case))
        typer.echo(f"wrote {output}: {_conclusion(data)}", err=True)
    elif fmt is AssessFormat.json:
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True))
    elif fmt is AssessFormat.md:
        typer.echo(to_markdown(data, result.case), nl=False)
    else:
        from rich.console import Console
        from rich.markdown import Markdown

        # A console that wraps: the shared one is soft-wrapping for our pre-wrapped text, and rich would
        # crop the rendered Markdown at the terminal's width instead of folding it.
        Console(highlight=False).print(Markdown(to_markdown(data, result.case)))


def _conclusion(data: dict[str, Any]) -> str:
    """The assessment's conclusion in one line, for the message after writing it to a file."""
    conclusion = data["conclusion"]
    if conclusion["protection_warranted"]:
        return f"protection is warranted (case {conclusion['strength']})"
    if conclusion["insufficient_information"]:
        return f"insufficient information ({len(conclusion['missing'])} fact(s) the test turns on are unknown)"
    return "no bar to removal was established on the recorded facts"
