"""What every command shares: the chosen database and the way results are printed.

Every module of ``exwatch.cli`` is imported to build the command line, also for ``exwatch --help``: at the top they
import only typer, rich and the standard library. What a command needs (SQLAlchemy, Alembic, pydantic models, the
knowledge base) is imported inside the command, so that each command loads only its own.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from enum import StrEnum
from typing import TYPE_CHECKING, Any

import typer
from rich.console import Console

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from exwatch.store.db import Database

# soft_wrap: our own text is wrapped by textwrap; rich must not wrap it a second time.
console = Console(soft_wrap=True, highlight=False)


class ReadFormat(StrEnum):
    text = "text"
    json = "json"


FORMAT_OPTION = typer.Option(ReadFormat.text, "--format", "-f", help="text for people, json for programs")


@contextmanager
def transaction(ctx: typer.Context, write: bool = True) -> Iterator[Session]:
    """Open the database chosen by --db / EXWATCH_DATABASE_URL and run one transaction on it."""
    database = open_chosen(ctx)
    try:
        with database.transaction(write=write) as session:
            yield session
    finally:
        database.close()


def open_chosen(ctx: typer.Context) -> Database:
    """The database chosen by --db / EXWATCH_DATABASE_URL (or the default), created only as --create allows."""
    from exwatch.store.db import open_database

    options = ctx.find_root().obj or {}
    return open_database(options.get("db"), create=options.get("create", False))


def reading(ctx: typer.Context) -> AbstractContextManager[Session]:
    """A read-only transaction: one consistent view of the store, and no wait for writers."""
    return transaction(ctx, write=False)


def print_json(data: Any) -> None:
    # Plain print, not rich: programs read this, and rich would wrap long lines.
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
