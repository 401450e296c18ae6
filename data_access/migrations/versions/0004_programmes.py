"""programmes: description, first and last year, report deadline in days

A programme can now be made (and described) before its first upload; the
deadline drives the reporting-completeness grid (late / missing). Existing
programmes get the default deadline of 30 days after a quarter ends.

Revision ID: 0004
Revises: 0002
Create Date: 2026-11-29 23:15:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision: str = '0004'
down_revision: str | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('programme', schema=None) as batch_op:
        batch_op.add_column(sa.Column('description', sqlmodel.sql.sqltypes.AutoString(), nullable=True))
        batch_op.add_column(sa.Column('first_year', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('last_year', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('deadline_days', sa.Integer(), server_default='30', nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('programme', schema=None) as batch_op:
        batch_op.drop_column('deadline_days')
        batch_op.drop_column('last_year')
        batch_op.drop_column('first_year')
        batch_op.drop_column('description')
