"""Alembic environment: migrations run on the connection that ``exwatch.store.db.migrate`` passes in."""

from __future__ import annotations

from alembic import context
from sqlalchemy import engine_from_config, pool

from exwatch.store import review_tables as _review_tables  # noqa: F401  (registers its tables)
from exwatch.store import team_tables as _team_tables  # noqa: F401  (registers its tables)
from exwatch.store.tables import Base

config = context.config
connection = config.attributes.get("connection")

if connection is None:  # a developer running the alembic command line against a URL
    engine = engine_from_config(config.get_section(config.config_ini_section) or {}, poolclass=pool.NullPool)
    with engine.connect() as conn:
        context.configure(connection=conn, target_metadata=Base.metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
else:
    # Batch mode lets SQLite alter tables by copying them, which its ALTER TABLE cannot do.
    context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
