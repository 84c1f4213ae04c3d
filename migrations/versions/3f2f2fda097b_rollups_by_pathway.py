"""rollups by pathway: a story counts once however many services it names

Rollup rows were kept per service, so a story naming two services of one organisation counted twice in it.
They are now kept per pathway (the set of services a story names). Existing rows move to one-service
pathways, which keeps every figure as it was; run `flask rollups rebuild` once after upgrading so that stories
naming several services count once. After a downgrade the rollups are empty until that command is run.
The new table is keyed by theme, month, pathway and language (the order the dashboard reads), indexed by
pathway and month (the order a refresh deletes), and on SQLite is WITHOUT ROWID, stored in key order.

Revision ID: 3f2f2fda097b
Revises: da9ede5f12d6
Create Date: 2026-11-25 23:35:59.410393

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '3f2f2fda097b'
down_revision = 'da9ede5f12d6'
branch_labels = None
depends_on = None

MEASURES = ['stories', 'rating_sum', 'rating_sq_sum', 'fft_answered', 'fft_positive', 'sentiment_positive',
            'sentiment_mixed', 'sentiment_negative', 'theme_positive', 'theme_mixed', 'theme_negative', 'critical',
            'criticality_0', 'criticality_1', 'criticality_2', 'criticality_3', 'criticality_4', 'criticality_5',
            'responded', 'response_days_1', 'response_days_2', 'response_days_4', 'response_days_7',
            'response_days_14', 'response_days_30', 'response_days_more', 'changes_planned', 'changes_made',
            'changes_confirmed']


def _measures() -> list[sa.Column]:
    return [sa.Column(measure, sa.Integer(), nullable=False) for measure in MEASURES]


def _set_aside_old_rollups() -> None:
    op.rename_table('story_rollups', 'story_rollups_old')
    if op.get_bind().dialect.name == 'postgresql':  # its primary key keeps the name the new table needs
        op.execute('ALTER TABLE story_rollups_old RENAME CONSTRAINT story_rollups_pkey TO story_rollups_old_pkey')


def upgrade():
    op.create_table('rollup_pathways',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('service_key', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('service_key')
    )
    op.create_table('rollup_pathway_services',
    sa.Column('pathway_id', sa.Integer(), nullable=False),
    sa.Column('service_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['pathway_id'], ['rollup_pathways.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['service_id'], ['services.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('pathway_id', 'service_id')
    )
    with op.batch_alter_table('rollup_pathway_services', schema=None) as batch_op:
        batch_op.create_index('ix_rollup_pathway_services_service_id', ['service_id', 'pathway_id'], unique=False)

    # Each service with rollups becomes the pathway of that service alone, under the same id.
    op.execute('INSERT INTO rollup_pathways (id, service_key) '
               'SELECT DISTINCT service_id, CAST(service_id AS TEXT) FROM story_rollups')
    op.execute('INSERT INTO rollup_pathway_services (pathway_id, service_id) SELECT id, id FROM rollup_pathways')
    if op.get_bind().dialect.name == 'postgresql':
        op.execute("SELECT setval(pg_get_serial_sequence('rollup_pathways', 'id'), "
                   "COALESCE((SELECT MAX(id) FROM rollup_pathways), 0) + 1, false)")
    _set_aside_old_rollups()
    # Keyed by theme and month first, as the dashboard reads them; rows in key order on SQLite.
    op.create_table('story_rollups',
    sa.Column('theme', sa.String(length=32), nullable=False),
    sa.Column('month', sa.Date(), nullable=False),
    sa.Column('pathway_id', sa.Integer(), nullable=False),
    sa.Column('language', sa.String(length=2), nullable=False),
    *_measures(),
    sa.ForeignKeyConstraint(['pathway_id'], ['rollup_pathways.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('theme', 'month', 'pathway_id', 'language', name='story_rollups_pkey'),
    sqlite_with_rowid=False,
    )
    with op.batch_alter_table('story_rollups', schema=None) as batch_op:
        batch_op.create_index('ix_story_rollups_pathway_month', ['pathway_id', 'month'], unique=False)
    columns = ', '.join(['month', 'language', 'theme', *MEASURES])
    op.execute(f'INSERT INTO story_rollups (pathway_id, {columns}) SELECT service_id, {columns} FROM story_rollups_old')
    op.drop_table('story_rollups_old')
    op.execute('ANALYZE story_rollups')  # the planner's statistics: see analyze_rollups in services/rollups.py


def downgrade():
    _set_aside_old_rollups()
    op.create_table('story_rollups',
    sa.Column('service_id', sa.Integer(), nullable=False),
    sa.Column('month', sa.Date(), nullable=False),
    sa.Column('language', sa.String(length=2), nullable=False),
    sa.Column('theme', sa.String(length=32), nullable=False),
    *_measures(),
    sa.ForeignKeyConstraint(['service_id'], ['services.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('service_id', 'month', 'language', 'theme', name='story_rollups_pkey')
    )
    op.drop_table('story_rollups_old')
    with op.batch_alter_table('rollup_pathway_services', schema=None) as batch_op:
        batch_op.drop_index('ix_rollup_pathway_services_service_id')

    op.drop_table('rollup_pathway_services')
    op.drop_table('rollup_pathways')
