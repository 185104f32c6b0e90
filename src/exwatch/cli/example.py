"""``exwatch example load``: the bundled example case (the seed's case, from the public record)."""

from __future__ import annotations

import typer

from exwatch.cli.context import FORMAT_OPTION, ReadFormat, print_json, transaction

app = typer.Typer(no_args_is_help=True, help="The bundled example case.")


@app.command()
def load(ctx: typer.Context, fmt: ReadFormat = FORMAT_OPTION) -> None:
    """Load the example case; running it again changes nothing."""
    from exwatch.logic.example import load_example

    with transaction(ctx) as session:
        result = load_example(session)
    if fmt is ReadFormat.json:
        print_json({"id": result.case_id, "action": result.action})
    else:
        typer.echo(result.message)
