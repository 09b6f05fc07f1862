"""Relational state through SQLAlchemy 2: tickets and their audit trail, the outbox,
processed-message ids for idempotent consumers, the SLA monitor's clocks and the
escalations it has emitted. The schema is created by Alembic migrations only."""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    create_engine,
    event,
    false,
)
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, sessionmaker

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


class UTCDateTime(TypeDecorator):
    """Stored as naive UTC (SQLite has no zones), always returned timezone-aware."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are not stored; pass an aware UTC datetime")
        return value.astimezone(timezone.utc).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        return None if value is None else value.replace(tzinfo=timezone.utc)


class Base(DeclarativeBase):
    pass


class Ticket(Base):
    __tablename__ = "tickets"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    # One ticket per feedback, ever: redelivery hits this constraint instead of duplicating.
    feedback_id: Mapped[str] = mapped_column(String(36), unique=True, nullable=False)
    source: Mapped[str] = mapped_column(String(100))
    external_id: Mapped[str] = mapped_column(String(200))
    facility: Mapped[str] = mapped_column(String(200))
    department: Mapped[str | None] = mapped_column(String(200))
    team: Mapped[str] = mapped_column(String(100))
    assignee: Mapped[str | None] = mapped_column(String(100))
    status: Mapped[str] = mapped_column(String(20))  # open | acknowledged | resolved
    # "Awaiting patient": the SLA clocks are paused until this is cleared.
    awaiting_patient: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    reopened_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    sentiment: Mapped[str] = mapped_column(String(10))
    severity: Mapped[str] = mapped_column(String(10))
    topics: Mapped[list] = mapped_column(JSON)
    risk_flags: Mapped[list] = mapped_column(JSON)
    routing_rule: Mapped[str] = mapped_column(String(100))
    sla_policy: Mapped[str] = mapped_column(String(100))
    escalation_chain: Mapped[str] = mapped_column(String(100))
    reply_channel: Mapped[str] = mapped_column(String(20))
    # Patient text stays in the database for the staff who work the ticket; never logged.
    feedback_text: Mapped[str] = mapped_column(Text)
    rating: Mapped[float | None] = mapped_column(Float)
    public_reply_draft: Mapped[str] = mapped_column(Text)
    private_outreach_draft: Mapped[str] = mapped_column(Text)
    feedback_created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # Indexed: the SLA monitor looks for recently opened tickets it has no clock for.
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    acknowledged_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)

    __table_args__ = (Index("ix_tickets_team_status", "team", "status"),)


class TicketEvent(Base):
    """The audit trail: every state change of a ticket, as emitted."""

    __tablename__ = "ticket_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    event_id: Mapped[str] = mapped_column(String(36), unique=True)
    ticket_id: Mapped[str] = mapped_column(ForeignKey("tickets.id"), index=True)
    type: Mapped[str] = mapped_column(String(100))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    actor: Mapped[str] = mapped_column(String(100))
    details: Mapped[dict] = mapped_column(JSON)


class Outbox(Base):
    """Events written in the same transaction as the state they describe, published
    afterwards; a crash in between is healed by publishing what is left at start."""

    __tablename__ = "outbox"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    event_id: Mapped[str] = mapped_column(String(36), unique=True)
    topic: Mapped[str] = mapped_column(String(200))
    key: Mapped[str] = mapped_column(String(200))
    value: Mapped[str] = mapped_column(Text)
    producer: Mapped[str] = mapped_column(String(50), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)


class ProcessedMessage(Base):
    """Ids of messages a consumer has fully handled, so a redelivery is a no-op."""

    __tablename__ = "processed_messages"

    consumer: Mapped[str] = mapped_column(String(50), primary_key=True)
    message_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    processed_at: Mapped[datetime] = mapped_column(UTCDateTime)


class RoutingCounter(Base):
    """Round-robin position per team (a durable sequence number)."""

    __tablename__ = "routing_counters"

    team: Mapped[str] = mapped_column(String(100), primary_key=True)
    next_sequence: Mapped[int] = mapped_column(BigInteger)


class SlaClock(Base):
    """The SLA monitor's own projection of each ticket, built from tickets.lifecycle."""

    __tablename__ = "sla_clocks"

    ticket_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    feedback_id: Mapped[str] = mapped_column(String(36))
    team: Mapped[str] = mapped_column(String(100))
    assignee: Mapped[str | None] = mapped_column(String(100))
    severity: Mapped[str] = mapped_column(String(10))
    facility: Mapped[str] = mapped_column(String(200))
    sla_policy: Mapped[str] = mapped_column(String(100))
    escalation_chain: Mapped[str] = mapped_column(String(100))
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime)
    acknowledged_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # The tickets.lifecycle partition this ticket's events arrive on: a worker loads
    # only the clocks of the partitions it is assigned.
    lifecycle_partition: Mapped[int] = mapped_column(Integer, index=True)
    state: Mapped[dict] = mapped_column(JSON)  # the pure module's clock state, serialised
    active: Mapped[int] = mapped_column(Integer, index=True)  # 1 while any clock may still fire
    # Deadlines as the monitor last computed them (None: that clock is stopped), whether
    # the clocks are paused, and the next instant anything falls due: the ticket API
    # filters on these, and a restarted monitor rebuilds its schedule from next_due_at.
    acknowledge_due_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    resolve_due_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    next_due_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True, index=True)
    paused: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # Whether each clock stopped within its window (None while it runs): SLA compliance.
    acknowledged_within_sla: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    resolved_within_sla: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    # Fingerprint of the policy and calendar the stored instants were computed with.
    schedule_version: Mapped[str | None] = mapped_column(String(64), nullable=True)


class Escalation(Base):
    __tablename__ = "escalations"

    escalation_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    ticket_id: Mapped[str] = mapped_column(String(36), index=True)
    clock: Mapped[str] = mapped_column(String(20))
    threshold: Mapped[str] = mapped_column(String(10))  # format(x, "g"): exact, comparable
    level: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20))
    target: Mapped[str] = mapped_column(String(100))
    due_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # The clock's deadline as scheduled when claimed, so a republished event is identical.
    deadline_at: Mapped[datetime] = mapped_column(UTCDateTime)
    raised_at: Mapped[datetime] = mapped_column(UTCDateTime)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    # Exactly once per (ticket, clock, threshold, level), whoever tries to insert it.
    __table_args__ = (UniqueConstraint("ticket_id", "clock", "threshold", "level", name="uq_escalation_once"),)


class ApiToken(Base):
    """Bearer tokens of the ticket API, stored as SHA-256 hashes; scoped to teams or admin."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    token_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    teams: Mapped[list] = mapped_column(JSON)
    admin: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
            cur = dbapi_conn.cursor()
            # WAL lets the router and the SLA monitor write while others read.
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.close()

        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=5)


def make_sessionmaker(engine: Engine) -> sessionmaker:
    return sessionmaker(engine, expire_on_commit=False)


def upgrade(url: str, revision: str = "head") -> None:
    """Apply the Alembic migrations to `url`."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    command.upgrade(cfg, revision)
