"""Router logic around the database: classified feedback -> at most one ticket, and
ticket commands -> state changes. Each returns the events to publish (already written
to the outbox in the same transaction)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Callable

from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import sessionmaker

from careloop.core.conditions import Facts
from careloop.core.config import CareloopConfig
from careloop.core.db import Ticket
from careloop.core.errors import BadEvent, TransientError
from careloop.core.events import (
    CLASSIFIED_V1,
    COMMAND_ACKNOWLEDGE_V1,
    COMMAND_ASSIGN_V1,
    COMMAND_NOTE_V1,
    COMMAND_PAUSE_V1,
    COMMAND_REOPEN_V1,
    COMMAND_RESOLVE_V1,
    COMMAND_RESUME_V1,
    TICKET_ACKNOWLEDGED_V1,
    TICKET_ASSIGNED_V1,
    TICKET_NOTE_ADDED_V1,
    TICKET_OPENED_V1,
    TICKET_PAUSED_V1,
    TICKET_REOPENED_V1,
    TICKET_RESOLVED_V1,
    TICKET_RESUMED_V1,
    TICKETS_LIFECYCLE,
    decode_event,
    make_event,
    validate_outgoing,
)
from careloop.core.ids import ticket_id as derive_ticket_id
from careloop.core.metrics import Metrics
from careloop.core.stage import Outgoing, RecordMeta
from careloop.core.timeutil import format_time, parse_time
from careloop.router import store
from careloop.router.assignment import choose_assignee
from careloop.router.replies import ReplyContext, draft_private_outreach, draft_public_reply
from careloop.router.rules import ROUND_ROBIN, parse_assign, route
from careloop.sla_monitor.policies import select_policy

COMMANDS_CONSUMER = "router-commands"
COMMAND_TYPES = frozenset({
    COMMAND_ACKNOWLEDGE_V1, COMMAND_RESOLVE_V1, COMMAND_ASSIGN_V1,
    COMMAND_REOPEN_V1, COMMAND_PAUSE_V1, COMMAND_RESUME_V1, COMMAND_NOTE_V1,
})
PAUSE_REASON = "awaiting_patient"


def command_applies(command_type: str, status: str, awaiting_patient: bool) -> bool:
    """Whether a command changes a ticket in this state (else the router records it as
    a no-op). The ticket API asks the same question up front to answer 409."""
    if command_type == COMMAND_ACKNOWLEDGE_V1:
        return status == "open"
    if command_type == COMMAND_RESOLVE_V1:
        return status != "resolved"
    if command_type == COMMAND_REOPEN_V1:
        return status == "resolved"
    if command_type == COMMAND_PAUSE_V1:
        return status != "resolved" and not awaiting_patient
    if command_type == COMMAND_RESUME_V1:
        return status != "resolved" and awaiting_patient
    return command_type in (COMMAND_ASSIGN_V1, COMMAND_NOTE_V1)


def facts_from(feedback: dict, classification: dict) -> Facts:
    return Facts(
        source=feedback["source"],
        facility=feedback["facility"],
        department=feedback.get("department"),
        sentiment=classification["sentiment"],
        severity=classification["severity"],
        topics=frozenset(classification["topics"]),
        main_topic=classification["topics"][0] if classification["topics"] else None,
        risk_flags=frozenset(classification["risk_flags"]),
        needs_review=bool(classification.get("needs_review", False)),
    )


@dataclass
class Router:
    config: CareloopConfig
    sessions: sessionmaker
    clock: Callable[[], datetime]
    metrics: Metrics

    def _lifecycle(self, event_type: str, ticket: Ticket, discriminator: str, now: datetime, **data) -> Outgoing:
        payload = {"ticket_id": ticket.id, "feedback_id": ticket.feedback_id, "at": format_time(now), **data}
        event = make_event(event_type, producer="router", subject=ticket.id, discriminator=discriminator, time=now, data=payload)
        return Outgoing(TICKETS_LIFECYCLE, ticket.id, validate_outgoing(event))

    # -- classified feedback -------------------------------------------------------
    def handle_classified(self, value: bytes | None, meta: RecordMeta) -> list[Outgoing]:
        event = decode_event(value, expected_types=frozenset({CLASSIFIED_V1}))
        self.metrics.events_consumed.labels("router", event["type"]).inc()
        feedback, classification = event["data"]["feedback"], event["data"]["classification"]
        facts = facts_from(feedback, classification)
        decision = route(self.config.routing, facts)
        if not decision.ticket:
            return []
        team = self.config.teams_by_name[decision.team]
        policy = select_policy(self.config.sla, facts, decision.sla_policy)
        now = self.clock()
        tid = derive_ticket_id(feedback["feedback_id"])
        try:
            with self.sessions.begin() as session:
                if session.get(Ticket, tid) is not None:
                    return []  # redelivered: the ticket and its events exist already
                kind, _member = parse_assign(decision.assign)
                sequence = store.next_sequence(session, team.name) if kind == ROUND_ROBIN else 0
                assignee = choose_assignee(decision.assign, team, sequence_number=sequence)
                org = self.config.organisation
                reply_ctx = ReplyContext(
                    facility_display_name=org.facility_names.get(feedback["facility"], feedback["facility"]),
                    topics=classification["topics"],
                    sentiment=classification["sentiment"],
                    severity=classification["severity"],
                    reply_channel=feedback["reply_channel"],
                    contact_route=org.contact_route,
                    ticket_reference=tid[:8].upper(),
                    risk_flags=classification["risk_flags"],
                    unread=facts.needs_review,
                )
                ticket = Ticket(
                    id=tid,
                    feedback_id=feedback["feedback_id"],
                    source=feedback["source"],
                    external_id=feedback["external_id"],
                    facility=feedback["facility"],
                    department=feedback.get("department"),
                    team=team.name,
                    assignee=assignee,
                    status="open",
                    sentiment=classification["sentiment"],
                    severity=classification["severity"],
                    topics=list(classification["topics"]),
                    risk_flags=list(classification["risk_flags"]),
                    routing_rule=decision.rule,
                    sla_policy=policy,
                    escalation_chain=decision.escalation_chain or "default",
                    reply_channel=feedback["reply_channel"],
                    feedback_text=feedback["text"],
                    rating=feedback["rating"]["value"] if feedback.get("rating") else None,
                    public_reply_draft=draft_public_reply(reply_ctx),
                    private_outreach_draft=draft_private_outreach(reply_ctx),
                    feedback_created_at=parse_time(feedback["created_at"]),
                    opened_at=now,
                    updated_at=now,
                )
                session.add(ticket)
                session.flush()
                opened = self._lifecycle(
                    TICKET_OPENED_V1,
                    ticket,
                    "opened",
                    now,
                    actor="system",
                    facility=ticket.facility,
                    department=ticket.department,
                    source=ticket.source,
                    team=ticket.team,
                    assignee=ticket.assignee,
                    severity=ticket.severity,
                    topics=ticket.topics,
                    risk_flags=ticket.risk_flags,
                    sentiment=ticket.sentiment,
                    sla_policy=ticket.sla_policy,
                    escalation_chain=ticket.escalation_chain,
                    routing_rule=ticket.routing_rule,
                    reply_channel=ticket.reply_channel,
                )
                store.record_event(session, tid, opened, now)
        except IntegrityError:
            return []  # another delivery of the same feedback won the unique key
        except OperationalError as exc:
            raise TransientError(f"database unavailable: {type(exc.orig).__name__}") from exc
        self.metrics.tickets_opened.labels(ticket.team, ticket.severity).inc()
        self.metrics.tickets_open.labels(ticket.team).inc()
        return [opened]

    # -- commands ------------------------------------------------------------------
    def handle_command(self, value: bytes | None, meta: RecordMeta) -> list[Outgoing]:
        command = decode_event(value, expected_types=COMMAND_TYPES)
        self.metrics.events_consumed.labels("router", command["type"]).inc()
        data = command["data"]
        now = self.clock()
        out: list[Outgoing] = []
        try:
            with self.sessions.begin() as session:
                if store.already_processed(session, COMMANDS_CONSUMER, data["command_id"]):
                    return []
                ticket = session.get(Ticket, data["ticket_id"], with_for_update=True)
                if ticket is None:
                    raise BadEvent("unknown_ticket", f"no ticket {data['ticket_id']}")
                discriminator = f"command|{data['command_id']}"
                note = data.get("note")
                if command["type"] == COMMAND_ACKNOWLEDGE_V1 and ticket.status == "open":
                    ticket.status, ticket.acknowledged_at = "acknowledged", now
                    out.append(self._lifecycle(TICKET_ACKNOWLEDGED_V1, ticket, discriminator, now, actor=data["actor"], note=note))
                elif command["type"] == COMMAND_RESOLVE_V1 and ticket.status != "resolved":
                    # Resolving ends an awaiting-patient pause (the SLA clocks stop anyway).
                    ticket.status, ticket.resolved_at, ticket.awaiting_patient = "resolved", now, False
                    out.append(self._lifecycle(TICKET_RESOLVED_V1, ticket, discriminator, now, actor=data["actor"], note=note))
                    self.metrics.tickets_open.labels(ticket.team).dec()
                elif command["type"] == COMMAND_REOPEN_V1 and ticket.status == "resolved":
                    ticket.status = "acknowledged" if ticket.acknowledged_at is not None else "open"
                    ticket.resolved_at = None
                    ticket.reopened_count = (ticket.reopened_count or 0) + 1
                    out.append(self._lifecycle(TICKET_REOPENED_V1, ticket, discriminator, now, actor=data["actor"], note=note))
                    self.metrics.tickets_open.labels(ticket.team).inc()
                elif command["type"] == COMMAND_PAUSE_V1 and command_applies(
                    COMMAND_PAUSE_V1, ticket.status, bool(ticket.awaiting_patient)
                ):
                    ticket.awaiting_patient = True
                    out.append(self._lifecycle(TICKET_PAUSED_V1, ticket, discriminator, now, actor=data["actor"],
                                               reason=PAUSE_REASON, note=note))
                elif command["type"] == COMMAND_RESUME_V1 and command_applies(
                    COMMAND_RESUME_V1, ticket.status, bool(ticket.awaiting_patient)
                ):
                    ticket.awaiting_patient = False
                    out.append(self._lifecycle(TICKET_RESUMED_V1, ticket, discriminator, now, actor=data["actor"], note=note))
                elif command["type"] == COMMAND_NOTE_V1:
                    out.append(self._lifecycle(TICKET_NOTE_ADDED_V1, ticket, discriminator, now, actor=data["actor"], note=note))
                elif command["type"] == COMMAND_ASSIGN_V1:
                    if data["team"] not in self.config.teams_by_name:
                        raise BadEvent("unknown_team", f"team {data['team'][:100]!r} is not configured")
                    if ticket.status != "resolved":
                        self.metrics.tickets_open.labels(ticket.team).dec()
                        self.metrics.tickets_open.labels(data["team"]).inc()
                    ticket.team, ticket.assignee = data["team"], data.get("assignee")
                    out.append(
                        self._lifecycle(
                            TICKET_ASSIGNED_V1, ticket, discriminator, now, actor=data["actor"],
                            team=ticket.team, assignee=ticket.assignee, reason="command",
                        )
                    )
                # Anything else (acknowledging twice, resolving a resolved ticket, reopening an open
                # one, pausing a paused one, resuming a running one) is a no-op.
                ticket.updated_at = now
                for item in out:
                    store.record_event(session, ticket.id, item, now)
                store.mark_processed(session, COMMANDS_CONSUMER, data["command_id"], now)
        except OperationalError as exc:
            raise TransientError(f"database unavailable: {type(exc.orig).__name__}") from exc
        return out

    def pending(self) -> list[Outgoing]:
        with self.sessions() as session:
            return store.pending_outbox(session)

    def refresh_open_gauge(self) -> None:
        with self.sessions() as session:
            for team, count in store.open_tickets_by_team(session).items():
                self.metrics.tickets_open.labels(team).set(count)
