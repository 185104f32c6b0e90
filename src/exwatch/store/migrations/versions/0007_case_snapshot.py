"""case snapshot: the case as one JSON document, kept with the revision it was written for

Reading a case through its rows (names, states, requests, events, facts, sources, citations) builds hundreds of
objects; the team server reads cases on every page. Existing cases get no snapshot here: readers fall back to the
rows until the case is next stored.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05 12:00:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.add_column(sa.Column("snapshot", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("snapshot_of", sa.String(length=32), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_column("snapshot_of")
        batch_op.drop_column("snapshot")
