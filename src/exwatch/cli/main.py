"""Entry point of the ``exwatch`` command.

It imports every command module to build the command line, ``exwatch --help`` included: those modules import only
typer, rich and the standard library at the top, and each command imports what it needs when it runs
(``tests/cli/test_startup.py`` keeps SQLAlchemy, Alembic and holidays out of this import).
"""

from __future__ import annotations

import signal
from typing import Any

import typer
from typer.core import TyperGroup

from exwatch import __version__
from exwatch.cli import assess, case, documents, draft, example, kb, status, team
from exwatch.errors import ExwatchError


class _Group(TyperGroup):
    """Turns every deliberate error into a one-paragraph message and exit status 1, never a traceback."""

    def invoke(self, ctx: Any) -> Any:  # click's Context; typer vendors click privately
        try:
            return super().invoke(ctx)
        except ExwatchError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(1) from None


app = typer.Typer(
    cls=_Group,
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    help="Extradition Watch: cases, cited assessments and advocacy against politically motivated extradition.",
)
app.add_typer(case.app, name="case")
app.add_typer(example.app, name="example")
app.add_typer(kb.app, name="kb")
app.command("status")(status.status)
app.command("deadlines")(status.deadlines)
app.command("assess")(assess.assess)
app.command("draft")(draft.draft)
app.add_typer(draft.profile_app, name="profile")
app.command("ingest")(documents.ingest)
app.command("review")(documents.review)
app.add_typer(documents.sent_app, name="sent")
app.command("serve")(team.serve)
app.add_typer(team.user_app, name="user")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"exwatch {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    db: str | None = typer.Option(
        None,
        "--db",
        envvar="EXWATCH_DATABASE_URL",
        show_envvar=True,
        help="database URL (sqlite:///file or postgresql://...); default: an SQLite file in your user data directory",
    ),
    create: bool = typer.Option(
        False,
        "--create",
        envvar="EXWATCH_CREATE",
        show_envvar=True,
        help="create the SQLite store named by --db with its missing directories (without it, a directory that "
        "does not exist is refused as a likely typo; the default store is always created)",
    ),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="print the version"),
) -> None:
    ctx.obj = {"db": db, "create": create}


@app.command()
def schema() -> None:
    """Print the JSON Schema of the case interchange format (exwatch-case/1)."""
    from exwatch.cli.context import print_json
    from exwatch.model.schema import case_schema

    print_json(case_schema())


def _terminated(signum: int, _frame: object) -> None:
    # A terminated command unwinds like an interrupted one: transactions roll back and temporary copies of
    # documents are removed on the way out (SIGTERM would otherwise end the process on the spot).
    raise SystemExit(128 + signum)


def main() -> None:
    signal.signal(signal.SIGTERM, _terminated)
    app()
