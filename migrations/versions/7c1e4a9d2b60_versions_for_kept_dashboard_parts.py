"""versions for kept dashboard parts: the escalation list's, and each organisation's month

Revision ID: 7c1e4a9d2b60
Revises: ebf15704e830
Create Date: 2026-11-26 02:05:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '7c1e4a9d2b60'
down_revision = 'ebf15704e830'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('rollup_month_versions',
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('month', sa.Date(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('organisation_id', 'month')
    )
    with op.batch_alter_table('rollup_organisation_versions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('critical_version', sa.Integer(), server_default='0', nullable=False))
    with op.batch_alter_table('rollup_state', schema=None) as batch_op:
        batch_op.add_column(sa.Column('critical_version', sa.Integer(), server_default='0', nullable=False))


def downgrade():
    with op.batch_alter_table('rollup_state', schema=None) as batch_op:
        batch_op.drop_column('critical_version')
    with op.batch_alter_table('rollup_organisation_versions', schema=None) as batch_op:
        batch_op.drop_column('critical_version')
    op.drop_table('rollup_month_versions')
