"""indexes on the citations' owner columns; case revision token

Deleting or replacing a case's events, facts, requests, names or state roles makes the database look up the
citations that point at each removed row (ON DELETE CASCADE): without an index on the owner column, every
removed row scans the whole citations table, and an edit slows with the size of the store.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05 03:40:00

"""

import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OWNERS = ("name_pk", "state_role_pk", "request_pk", "event_pk", "fact_pk")


def upgrade() -> None:
    for column in OWNERS:
        op.create_index(f"ix_citations_{column}", "citations", [column], unique=False)
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.add_column(sa.Column("revision", sa.String(length=32), nullable=True))
    cases = sa.table("cases", sa.column("pk", sa.Integer()), sa.column("revision", sa.String()))
    connection = op.get_bind()
    for (pk,) in connection.execute(sa.select(cases.c.pk)).all():
        connection.execute(cases.update().where(cases.c.pk == pk).values(revision=uuid.uuid4().hex))
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.alter_column("revision", existing_type=sa.String(length=32), nullable=False)


def downgrade() -> None:
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_column("revision")
    for column in OWNERS:
        op.drop_index(f"ix_citations_{column}", table_name="citations")
