"""Opening the case database: which one, creating it on first use, migrating it to the current schema.

The embedded default is an SQLite file in the user's data directory; a team server sets
``EXWATCH_DATABASE_URL`` (or passes ``--db``) to a PostgreSQL URL. Both are migrated by the
same Alembic scripts, so a database created by an older version is upgraded, never rebuilt.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from platformdirs import user_data_dir
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, IntegrityError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from exwatch.errors import ConflictError, StorageError
from exwatch.private import private_dir, touch_private
from exwatch.store import review_tables as _review_tables  # noqa: F401  (its tables belong to the schema)
from exwatch.store import team_tables as _team_tables  # noqa: F401  (its tables belong to the schema)

if TYPE_CHECKING:
    from alembic.config import Config

ENV_VAR = "EXWATCH_DATABASE_URL"
BUSY_TIMEOUT_S = 60  # how long a writer waits for another one to finish before giving up with a clear error
# The newest migration in migrations/versions. A store already there is opened without importing Alembic (a
# tenth of a second of every command); tests/store/test_db.py checks that this is Alembic's head.
SCHEMA_HEAD = "0007"


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


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    # Python's sqlite3 opens a transaction only before an INSERT/UPDATE/DELETE, so the reads of a
    # read-modify-write would run outside it and two writers would each overwrite the other's change.
    # Switched off here; ``_sqlite_begin`` opens every transaction itself, reads included.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")  # SQLite leaves them off unless asked, per connection
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_S * 1000}")  # wait for a writer, never "database is locked"
    if cursor.execute("PRAGMA journal_mode").fetchone()[0] not in ("wal", "memory"):
        cursor.execute("PRAGMA journal_mode=WAL")  # readers go on while one writer writes
    cursor.close()


def _sqlite_begin(connection: Any) -> None:
    """A write transaction takes SQLite's write lock at its start (BEGIN IMMEDIATE): what it reads cannot be
    changed by another writer before it commits. Read-only transactions (``write=False``) take none."""
    write = connection.get_execution_options().get("exwatch_write", True)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def _alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(resources.files("exwatch.store").joinpath("migrations")))
    return config


def _stored_revisions(connection: Connection) -> list[str]:
    """The revisions recorded in Alembic's version table (none in a new database), read without Alembic."""
    if not connection.dialect.has_table(connection, "alembic_version"):
        return []
    return [str(row[0]) for row in connection.exec_driver_sql("SELECT version_num FROM alembic_version")]


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest migration; a database already there is left untouched."""
    if engine.dialect.name != "sqlite":
        with engine.begin() as connection:
            _migrate(connection)
        return
    with engine.connect() as connection:
        raw = connection.connection.driver_connection
        assert raw is not None
        # SQLite cannot alter a column in place: Alembic's batch mode copies the table, drops the old one and
        # renames the copy. With foreign keys on, dropping ``cases`` deleted every case's names, events,
        # requests... (ON DELETE CASCADE). They are off while migrating (the pragma is ignored inside a
        # transaction, so it is set before one begins) and on again after; the result is checked before commit.
        raw.execute("PRAGMA foreign_keys=OFF")
        try:
            with connection.begin():
                _migrate(connection)
        finally:
            raw.execute("PRAGMA foreign_keys=ON")


def _migrate(connection: Connection) -> None:
    """Upgrade inside the caller's transaction."""
    if connection.dialect.name == "postgresql":
        # Two processes opening a new database at once: the second waits, then finds it migrated.
        connection.exec_driver_sql("SELECT pg_advisory_xact_lock(7469726)")
    if _stored_revisions(connection) == [SCHEMA_HEAD]:
        return
    from alembic import command
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    config = _alembic_config()
    head = ScriptDirectory.from_config(config).get_current_head()
    current = MigrationContext.configure(connection).get_current_revision()
    if current == head:
        return
    config.attributes["connection"] = connection
    command.upgrade(config, "head")
    _write_snapshots(connection)
    if connection.dialect.name == "sqlite" and (broken := connection.exec_driver_sql("PRAGMA foreign_key_check").all()):
        raise StorageError(f"upgrading the store would leave {len(broken)} broken references; nothing was changed")


def _write_snapshots(connection: Connection) -> None:
    """Give each case stored before snapshots existed (migration 0007) its snapshot, once, in the migrating
    transaction: readers would otherwise rebuild it from its rows on every cache miss until it is next changed.
    Done here rather than in the migration because it needs today's case model, which a migration must not."""
    from pydantic import ValidationError
    from sqlalchemy import or_, select

    from exwatch.store.mapping import from_row  # the case model: not needed by commands that do not migrate
    from exwatch.store.tables import CaseRow

    with Session(bind=connection) as session:
        stale = or_(CaseRow.snapshot_of.is_(None), CaseRow.snapshot_of != CaseRow.revision)
        for pk in session.scalars(select(CaseRow.pk).where(stale)).all():
            row = session.get_one(CaseRow, pk)
            try:
                row.snapshot = from_row(row).model_dump_json()
            except ValidationError:  # a row the model no longer accepts: left to the rows, as before
                continue
            row.snapshot_of = row.revision
            session.flush()
            session.expunge_all()  # one case's objects at a time


_BUSY = f"the store stayed busy for {BUSY_TIMEOUT_S} s (another long write?); nothing was changed: try again"


@dataclass
class Database:
    """An open case database: the engine and a factory of sessions."""

    url: str
    engine: Engine
    sessions: sessionmaker[Session]
    # SQLite has one writer at a time; a writer finding the lock taken polls for it, sleeping up to 100 ms
    # between tries. Writers of this process queue here instead and start the moment the previous one ends
    # (other processes still meet SQLite's busy timeout).
    _writer: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @contextmanager
    def transaction(self, write: bool = True) -> Iterator[Session]:
        """One unit of work: committed whole on success, rolled back whole on any error.

        A write transaction is serialised with every other writer: on SQLite it holds the write lock from its
        first statement; on PostgreSQL the logic locks the rows it amends (``logic.cases.lock``). A writer that
        finds the store busy waits up to ``BUSY_TIMEOUT_S``. Database errors are reported without the SQL or
        its parameters, which hold case data.
        """
        queued = write and self.engine.dialect.name == "sqlite"
        if queued and not self._writer.acquire(timeout=BUSY_TIMEOUT_S):
            raise StorageError(_BUSY)
        try:
            with self._transaction(write) as session:
                yield session
        finally:
            if queued:
                self._writer.release()

    @contextmanager
    def _transaction(self, write: bool) -> Iterator[Session]:
        session = self.sessions()
        options: dict[str, Any] = {"exwatch_write": write}
        if not write and self.engine.dialect.name == "postgresql":
            # One snapshot for the whole read: a case and its children, loaded by several statements, are
            # read as of one moment even while a writer replaces them.
            options |= {"isolation_level": "REPEATABLE READ", "postgresql_readonly": True}
        try:
            session.connection(execution_options=options)
            yield session
            session.commit()
        except IntegrityError:
            session.rollback()
            raise ConflictError(
                "another change to the same case was stored at the same moment and this one would contradict it; "
                "nothing of this change was stored: run the command again"
            ) from None
        except OperationalError as exc:
            session.rollback()
            if "locked" in str(exc.orig) or "busy" in str(exc.orig):
                raise StorageError(_BUSY) from None
            raise StorageError(f"the database failed: {type(exc.orig).__name__}; nothing was changed") from None
        except SQLAlchemyError as exc:
            # Any other database error: its text holds the SQL and the bound values, which are case data.
            session.rollback()
            raise StorageError(
                f"the database refused the change ({type(exc).__name__}); nothing was changed. This is a fault of "
                "Extradition Watch: please report it (the message leaves out the data on purpose)"
            ) from None
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def close(self) -> None:
        self.engine.dispose()


def _prepare_sqlite_file(store: Path, url: str, create: bool) -> None:
    """Create the embedded store's file 0600 before SQLite does (0644). Its directory must exist unless ``create``:
    a mistyped path is refused, not answered with a new, empty store that the user's cases are not in."""
    directory = store.parent
    if not directory.exists() and not create:
        relative = (
            ""
            if store.is_absolute()
            else f" (the path is relative to the current directory: sqlite:////{store} would be /{store})"
        )
        raise StorageError(
            f"no database at {url!r}: the directory {directory.absolute()} does not exist{relative}. Check the path "
            "for a typo, or add --create (or set EXWATCH_CREATE=1) to create the directory and a new, empty store in it"
        )
    if directory.exists() and not directory.is_dir():
        raise StorageError(f"cannot open database {url!r}: {directory} is a file, not a directory")
    try:
        private_dir(directory)
        touch_private(store)
    except OSError as exc:
        raise StorageError(f"cannot create database {url!r}: {exc.strerror or exc}") from None


def open_database(explicit_url: str | None = None, *, create: bool = False) -> Database:
    """Open (and on first use create and migrate) the case database.

    The default store (no ``explicit_url``, no ``EXWATCH_DATABASE_URL``) is created on first use, directories
    included. An SQLite file the caller names is created only in a directory that exists, or with ``create``
    (``exwatch --create``); otherwise :class:`StorageError` says so. A PostgreSQL database is never created.
    """
    chosen = explicit_url or os.environ.get(ENV_VAR)
    url = resolve_url(explicit_url)
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StorageError(
            f"cannot read database URL {url!r}: {exc}; "
            "expected e.g. sqlite:///path/to/file.sqlite3 or postgresql://user@host/db"
        ) from None
    sqlite = parsed.get_backend_name() == "sqlite"
    if sqlite and parsed.database not in (None, "", ":memory:"):
        _prepare_sqlite_file(Path(parsed.database).expanduser(), url, create=create or not chosen)
    try:
        engine = create_engine(parsed, connect_args={"timeout": BUSY_TIMEOUT_S} if sqlite else {})
    except (ArgumentError, ImportError) as exc:
        raise StorageError(f"unsupported database URL {parsed.render_as_string()!r}: {exc}") from None
    if sqlite:
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
    try:
        migrate(engine)
    except OperationalError as exc:
        engine.dispose()
        raise StorageError(f"cannot open database {parsed.render_as_string()!r}: {exc.orig}") from None
    except SQLAlchemyError as exc:
        engine.dispose()
        raise StorageError(f"cannot migrate database {parsed.render_as_string()!r}: {exc}") from None
    return Database(url, engine, sessionmaker(engine, expire_on_commit=False))
