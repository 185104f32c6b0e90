"""What every command shares: the chosen database and the way results are printed."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from enum import StrEnum
from typing import Any

import typer
from rich.console import Console
from sqlalchemy.orm import Session

from exwatch.store.db import open_database

# soft_wrap: our own text is wrapped by textwrap; rich must not wrap it a second time.
console = Console(soft_wrap=True, highlight=False)


class ReadFormat(StrEnum):
    text = "text"
    json = "json"


FORMAT_OPTION = typer.Option(ReadFormat.text, "--format", "-f", help="text for people, json for programs")


@contextmanager
def transaction(ctx: typer.Context, write: bool = True) -> Iterator[Session]:
    """Open the database chosen by --db / EXWATCH_DATABASE_URL and run one transaction on it."""
    db_url: str | None = (ctx.find_root().obj or {}).get("db")
    database = open_database(db_url)
    try:
        with database.transaction(write=write) as session:
            yield session
    finally:
        database.close()


def reading(ctx: typer.Context) -> AbstractContextManager[Session]:
    """A read-only transaction: one consistent view of the store, and no wait for writers."""
    return transaction(ctx, write=False)


def print_json(data: Any) -> None:
    # Plain print, not rich: programs read this, and rich would wrap long lines.
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
