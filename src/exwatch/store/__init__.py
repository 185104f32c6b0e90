"""Storage: SQLAlchemy tables, the database connection and Alembic migrations."""
