"""rollups index by month and theme

Revision ID: b3d8e61f0a27
Revises: 7c1e4a9d2b60
Create Date: 2026-11-26 02:35:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'b3d8e61f0a27'
down_revision = '7c1e4a9d2b60'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('story_rollups', schema=None) as batch_op:
        batch_op.create_index('ix_story_rollups_month_theme', ['month', 'theme'], unique=False)


def downgrade():
    with op.batch_alter_table('story_rollups', schema=None) as batch_op:
        batch_op.drop_index('ix_story_rollups_month_theme')
