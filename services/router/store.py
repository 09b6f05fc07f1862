"""The router's database work: tickets, their audit trail, the outbox, idempotency."""
from __future__ import annotations

import json
from datetime import datetime
from typing import Any, Iterable

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from careloop.core.db import Outbox, ProcessedMessage, RoutingCounter, Ticket, TicketEvent
from careloop.core.events import encode_event
from careloop.core.stage import Outgoing

PRODUCER = "router"


def next_sequence(session: Session, team: str) -> int:
    """A durable per-team counter for round-robin assignment (0, 1, 2, ...)."""
    counter = session.get(RoutingCounter, team, with_for_update=True)
    if counter is None:
        counter = RoutingCounter(team=team, next_sequence=0)
        session.add(counter)
    value = counter.next_sequence
    counter.next_sequence = value + 1
    return value


def record_event(session: Session, ticket_id: str, outgoing: Outgoing, now: datetime) -> None:
    """Audit trail row + outbox row, in the caller's transaction."""
    event = outgoing.event
    data = event["data"]
    session.add(
        TicketEvent(
            event_id=event["id"],
            ticket_id=ticket_id,
            type=event["type"],
            at=now,
            actor=data.get("actor", "system"),
            details={k: v for k, v in data.items() if k not in ("ticket_id", "feedback_id", "actor", "at")},
        )
    )
    session.add(
        Outbox(
            event_id=event["id"],
            topic=outgoing.topic,
            key=outgoing.key,
            value=encode_event(event).decode("utf-8"),
            producer=PRODUCER,
            created_at=now,
        )
    )


def already_processed(session: Session, consumer: str, message_id: str) -> bool:
    return session.get(ProcessedMessage, (consumer, message_id)) is not None


def mark_processed(session: Session, consumer: str, message_id: str, now: datetime) -> None:
    session.add(ProcessedMessage(consumer=consumer, message_id=message_id, processed_at=now))


def pending_outbox(session: Session, limit: int = 1000) -> list[Outgoing]:
    rows = session.scalars(
        select(Outbox).where(Outbox.producer == PRODUCER, Outbox.published_at.is_(None)).order_by(Outbox.id).limit(limit)
    ).all()
    return [Outgoing(r.topic, r.key, json.loads(r.value)) for r in rows]


def mark_published(session: Session, event_ids: Iterable[str], now: datetime) -> None:
    ids = list(event_ids)
    if ids:
        session.execute(update(Outbox).where(Outbox.event_id.in_(ids)).values(published_at=now))


def open_tickets_by_team(session: Session) -> dict[str, int]:
    rows = session.execute(
        select(Ticket.team, func.count()).where(Ticket.status != "resolved").group_by(Ticket.team)
    ).all()
    return {team: count for team, count in rows}


def ticket_as_dict(ticket: Ticket, *, with_text: bool = False) -> dict[str, Any]:
    out = {
        "ticket_id": ticket.id,
        "feedback_id": ticket.feedback_id,
        "status": ticket.status,
        "team": ticket.team,
        "assignee": ticket.assignee,
        "severity": ticket.severity,
        "sentiment": ticket.sentiment,
        "topics": ticket.topics,
        "risk_flags": ticket.risk_flags,
        "facility": ticket.facility,
        "department": ticket.department,
        "source": ticket.source,
        "sla_policy": ticket.sla_policy,
        "routing_rule": ticket.routing_rule,
        "opened_at": ticket.opened_at.isoformat() if ticket.opened_at else None,
        "acknowledged_at": ticket.acknowledged_at.isoformat() if ticket.acknowledged_at else None,
        "resolved_at": ticket.resolved_at.isoformat() if ticket.resolved_at else None,
    }
    if with_text:
        out["feedback_text"] = ticket.feedback_text
        out["public_reply_draft"] = ticket.public_reply_draft
        out["private_outreach_draft"] = ticket.private_outreach_draft
    return out
