"""Opening the case database: which one, creating it on first use, migrating it to the current schema.

The embedded default is an SQLite file in the user's data directory; a team server sets
``EXWATCH_DATABASE_URL`` (or passes ``--db``) to a PostgreSQL URL. Both are migrated by the
same Alembic scripts, so a database created by an older version is upgraded, never rebuilt.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from platformdirs import user_data_dir
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from exwatch.errors import StorageError
from exwatch.store import review_tables as _review_tables  # noqa: F401  (its tables belong to the schema)

ENV_VAR = "EXWATCH_DATABASE_URL"


def default_url() -> str:
    """The embedded default: ``exwatch.sqlite3`` in the platform's user data directory."""
    return f"sqlite:///{Path(user_data_dir('exwatch', appauthor=False)) / 'exwatch.sqlite3'}"


def resolve_url(explicit: str | None = None) -> str:
    """``--db`` wins over ``EXWATCH_DATABASE_URL``, which wins over the default."""
    url = explicit or os.environ.get(ENV_VAR) or default_url()
    # People paste plain "postgresql://" URLs; we ship psycopg 3, not psycopg2.
    if url.startswith(("postgresql://", "postgres://")):
        url = "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")  # SQLite leaves them off unless asked, per connection
    cursor.close()


def _alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(resources.files("exwatch.store").joinpath("migrations")))
    return config


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest migration; a database already there is left untouched."""
    config = _alembic_config()
    head = ScriptDirectory.from_config(config).get_current_head()
    with engine.begin() as connection:
        current = MigrationContext.configure(connection).get_current_revision()
        if current == head:
            return
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


@dataclass
class Database:
    """An open case database: the engine and a factory of sessions."""

    url: str
    engine: Engine
    sessions: sessionmaker[Session]

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: committed whole on success, rolled back whole on any error."""
        session = self.sessions()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def close(self) -> None:
        self.engine.dispose()


def open_database(explicit_url: str | None = None) -> Database:
    """Open (and on first use create and migrate) the case database."""
    url = resolve_url(explicit_url)
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StorageError(
            f"cannot read database URL {url!r}: {exc}; "
            "expected e.g. sqlite:///path/to/file.sqlite3 or postgresql://user@host/db"
        ) from None
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    try:
        engine = create_engine(parsed)
    except (ArgumentError, ImportError) as exc:
        raise StorageError(f"unsupported database URL {parsed.render_as_string()!r}: {exc}") from None
    if parsed.get_backend_name() == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    try:
        migrate(engine)
    except OperationalError as exc:
        engine.dispose()
        raise StorageError(f"cannot open database {parsed.render_as_string()!r}: {exc.orig}") from None
    except SQLAlchemyError as exc:
        engine.dispose()
        raise StorageError(f"cannot migrate database {parsed.render_as_string()!r}: {exc}") from None
    return Database(url, engine, sessionmaker(engine, expire_on_commit=False))
