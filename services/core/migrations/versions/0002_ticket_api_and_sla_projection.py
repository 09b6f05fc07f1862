"""ticket API tokens, awaiting-patient and reopen on tickets, SLA deadlines on clocks

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "api_tokens",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("token_sha256", sa.String(length=64), nullable=False),
        sa.Column("teams", sa.JSON(), nullable=False),
        sa.Column("admin", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"),
        sa.UniqueConstraint("token_sha256"),
    )
    with op.batch_alter_table("tickets") as batch:
        batch.add_column(sa.Column("awaiting_patient", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch.add_column(sa.Column("reopened_count", sa.Integer(), nullable=False, server_default="0"))
    with op.batch_alter_table("sla_clocks") as batch:
        batch.add_column(sa.Column("acknowledge_due_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("resolve_due_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("next_due_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("paused", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch.add_column(sa.Column("schedule_version", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("acknowledged_within_sla", sa.Boolean(), nullable=True))
        batch.add_column(sa.Column("resolved_within_sla", sa.Boolean(), nullable=True))
        batch.create_index("ix_sla_clocks_next_due_at", ["next_due_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("sla_clocks") as batch:
        batch.drop_index("ix_sla_clocks_next_due_at")
        for column in ("resolved_within_sla", "acknowledged_within_sla", "schedule_version", "paused", "next_due_at", "resolve_due_at", "acknowledge_due_at"):
            batch.drop_column(column)
    with op.batch_alter_table("tickets") as batch:
        batch.drop_column("reopened_count")
        batch.drop_column("awaiting_patient")
    op.drop_table("api_tokens")
