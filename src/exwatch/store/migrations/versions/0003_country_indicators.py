"""country indicators: figures imported from PTS, V-Dem and Freedom House, and the imports they came from

Revision ID: 0003
Revises: 0002
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "indicator_imports",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("dataset", sa.String(length=8), nullable=False),
        sa.Column("layout", sa.String(length=40), nullable=False),
        sa.Column("version", sa.String(length=80), nullable=False),
        sa.Column("file_name", sa.Text(), nullable=False),
        sa.Column("file_sha256", sa.String(length=64), nullable=False),
        sa.Column("source_title", sa.Text(), nullable=False),
        sa.Column("source_publisher", sa.Text(), nullable=False),
        sa.Column("source_url", sa.Text(), nullable=False),
        sa.Column("source_citation", sa.Text(), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("imported_by", sa.String(length=120), nullable=True),
        sa.Column("records", sa.Integer(), nullable=False),
        sa.Column("figures", sa.Integer(), nullable=False),
        sa.Column("states", sa.Integer(), nullable=False),
        sa.Column("first_year", sa.Integer(), nullable=True),
        sa.Column("last_year", sa.Integer(), nullable=True),
        sa.Column("unmapped", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("pk"),
    )
    with op.batch_alter_table("indicator_imports", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_indicator_imports_dataset"), ["dataset"], unique=False)

    op.create_table(
        "country_figures",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("import_pk", sa.Integer(), nullable=False),
        sa.Column("dataset", sa.String(length=8), nullable=False),
        sa.Column("state", sa.String(length=2), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("indicator", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Float(), nullable=True),
        sa.Column("text", sa.String(length=64), nullable=True),
        sa.CheckConstraint("(value IS NULL) <> (text IS NULL)", name="country_figure_one_value"),
        sa.ForeignKeyConstraint(["import_pk"], ["indicator_imports.pk"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("pk"),
        sa.UniqueConstraint("import_pk", "state", "year", "indicator"),
    )
    with op.batch_alter_table("country_figures", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_country_figures_import_pk"), ["import_pk"], unique=False)
        batch_op.create_index("ix_country_figures_state_year", ["state", "year"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("country_figures", schema=None) as batch_op:
        batch_op.drop_index("ix_country_figures_state_year")
        batch_op.drop_index(batch_op.f("ix_country_figures_import_pk"))
    op.drop_table("country_figures")
    with op.batch_alter_table("indicator_imports", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_indicator_imports_dataset"))
    op.drop_table("indicator_imports")
