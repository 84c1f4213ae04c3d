"""versions of each pathway's month, and the version of the last change to every figure

Revision ID: 5d2a9c7e41b8
Revises: b3d8e61f0a27
Create Date: 2026-11-26 07:20:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '5d2a9c7e41b8'
down_revision = 'b3d8e61f0a27'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('rollup_pathway_month_versions',
    sa.Column('month', sa.Date(), nullable=False),
    sa.Column('pathway_id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['pathway_id'], ['rollup_pathways.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('month', 'pathway_id')
    )
    with op.batch_alter_table('rollup_state', schema=None) as batch_op:
        batch_op.add_column(sa.Column('reset_version', sa.Integer(), server_default='0', nullable=False))


def downgrade():
    with op.batch_alter_table('rollup_state', schema=None) as batch_op:
        batch_op.drop_column('reset_version')
    op.drop_table('rollup_pathway_month_versions')
