"""The router's reopen / pause (awaiting patient) / resume / note commands: same
transaction + outbox + audit trail as acknowledge and resolve; invalid transitions are
no-ops recorded as processed. Plus the SLA facts of the new lifecycle events and the
CLI's command builder."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from careloop.core.db import Outbox, ProcessedMessage, Ticket, TicketEvent
from careloop.core.events import (
    COMMAND_NOTE_V1,
    COMMAND_PAUSE_V1,
    COMMAND_REOPEN_V1,
    COMMAND_RESOLVE_V1,
    COMMAND_RESUME_V1,
    TICKET_NOTE_ADDED_V1,
    TICKET_PAUSED_V1,
    TICKET_REOPENED_V1,
    TICKET_RESUMED_V1,
    TICKETS_LIFECYCLE,
    COMMAND_ACKNOWLEDGE_V1,
    encode_event,
    make_event,
)
from careloop.core.errors import BadEvent
from careloop.core.ids import event_id
from careloop.core.schema_registry import validate_event
from careloop.core.stage import RecordMeta
from careloop.core.timeutil import format_time
from careloop.router.handler import Router, command_applies
from careloop.sla_monitor.deadlines import Paused, Reopened, Resumed, fact_from_lifecycle

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "events"
COMMANDS_META = RecordMeta("tickets.commands", 0, 0, None)
CLASSIFIED_META = RecordMeta("feedback.classified", 0, 0, None)


@pytest.fixture
def router(demo_config, sessions, clock, metrics) -> Router:
    return Router(config=demo_config, sessions=sessions, clock=clock, metrics=metrics)


def command(kind: str, ticket_id: str, command_id: str, now, note: str | None = None) -> bytes:
    data = {"command_id": command_id, "ticket_id": ticket_id, "actor": "px-lead", "requested_at": format_time(now),
            "note": note}
    return encode_event(make_event(kind, producer="api", subject=ticket_id, discriminator=command_id, data=data,
                                   time=now))


@pytest.fixture
def tid(router, make_classified) -> str:
    (opened,) = router.handle_classified(encode_event(make_classified()), CLASSIFIED_META)
    return opened.key


def ticket(sessions, tid) -> Ticket:
    with sessions() as s:
        return s.get(Ticket, tid)


def count(sessions, model, *where) -> int:
    with sessions() as s:
        return s.scalar(select(func.count()).select_from(model).where(*where))


def test_reopening_a_resolved_ticket_emits_reopened_and_restores_its_status(router, sessions, tid, clock, metrics):
    router.handle_command(command(COMMAND_ACKNOWLEDGE_V1, tid, "c-a", clock()), COMMANDS_META)
    router.handle_command(command(COMMAND_RESOLVE_V1, tid, "c-r", clock()), COMMANDS_META)
    clock.advance(60)
    (out,) = router.handle_command(command(COMMAND_REOPEN_V1, tid, "c-o", clock(), note="wrote back"), COMMANDS_META)
    validate_event(out.event)
    assert out.topic == TICKETS_LIFECYCLE and out.key == tid
    assert out.event["type"] == TICKET_REOPENED_V1
    assert out.event["id"] == event_id(TICKET_REOPENED_V1, tid, "command|c-o")
    assert out.event["data"]["note"] == "wrote back" and out.event["data"]["actor"] == "px-lead"
    t = ticket(sessions, tid)
    assert (t.status, t.resolved_at, t.reopened_count) == ("acknowledged", None, 1)
    assert t.acknowledged_at is not None
    assert metrics.registry.get_sample_value("careloop_tickets_open", {"team": "patient-experience"}) == 1


def test_a_ticket_resolved_without_acknowledgement_reopens_as_open(router, sessions, tid, clock):
    router.handle_command(command(COMMAND_RESOLVE_V1, tid, "c-r", clock()), COMMANDS_META)
    router.handle_command(command(COMMAND_REOPEN_V1, tid, "c-o", clock()), COMMANDS_META)
    router.handle_command(command(COMMAND_RESOLVE_V1, tid, "c-r2", clock()), COMMANDS_META)
    router.handle_command(command(COMMAND_REOPEN_V1, tid, "c-o2", clock()), COMMANDS_META)
    t = ticket(sessions, tid)
    assert (t.status, t.reopened_count) == ("open", 2)


def test_pause_and_resume_toggle_awaiting_patient_and_emit_events(router, sessions, tid, clock):
    (paused,) = router.handle_command(command(COMMAND_PAUSE_V1, tid, "c-p", clock(), note="voicemail"), COMMANDS_META)
    validate_event(paused.event)
    assert paused.event["type"] == TICKET_PAUSED_V1
    assert paused.event["data"]["reason"] == "awaiting_patient"
    assert ticket(sessions, tid).awaiting_patient is True
    clock.advance(30)
    (resumed,) = router.handle_command(command(COMMAND_RESUME_V1, tid, "c-u", clock()), COMMANDS_META)
    validate_event(resumed.event)
    assert resumed.event["type"] == TICKET_RESUMED_V1
    assert ticket(sessions, tid).awaiting_patient is False


def test_a_note_is_added_on_any_ticket_and_changes_nothing_else(router, sessions, tid, clock):
    router.handle_command(command(COMMAND_RESOLVE_V1, tid, "c-r", clock()), COMMANDS_META)
    (note,) = router.handle_command(command(COMMAND_NOTE_V1, tid, "c-n", clock(), note="letter sent"), COMMANDS_META)
    validate_event(note.event)
    assert note.event["type"] == TICKET_NOTE_ADDED_V1
    assert note.event["data"]["note"] == "letter sent"
    assert ticket(sessions, tid).status == "resolved"


def test_resolving_a_paused_ticket_ends_the_pause(router, sessions, tid, clock):
    router.handle_command(command(COMMAND_PAUSE_V1, tid, "c-p", clock()), COMMANDS_META)
    router.handle_command(command(COMMAND_RESOLVE_V1, tid, "c-r", clock()), COMMANDS_META)
    assert ticket(sessions, tid).awaiting_patient is False
    assert router.handle_command(command(COMMAND_RESUME_V1, tid, "c-u", clock()), COMMANDS_META) == []


@pytest.mark.parametrize(
    "setup, kind",
    [
        ([], COMMAND_REOPEN_V1),
        ([COMMAND_ACKNOWLEDGE_V1], COMMAND_REOPEN_V1),
        ([], COMMAND_RESUME_V1),
        ([COMMAND_PAUSE_V1], COMMAND_PAUSE_V1),
        ([COMMAND_RESOLVE_V1], COMMAND_PAUSE_V1),
        ([COMMAND_PAUSE_V1, COMMAND_RESUME_V1], COMMAND_RESUME_V1),
    ],
)
def test_an_invalid_transition_is_a_no_op_remembered_as_processed(router, sessions, tid, clock, setup, kind):
    for n, step in enumerate(setup):
        assert len(router.handle_command(command(step, tid, f"setup-{n}", clock()), COMMANDS_META)) == 1
    events_before = count(sessions, TicketEvent)
    before = ticket(sessions, tid)
    assert router.handle_command(command(kind, tid, "the-one", clock()), COMMANDS_META) == []
    after = ticket(sessions, tid)
    assert (after.status, after.awaiting_patient, after.reopened_count) == (
        before.status, before.awaiting_patient, before.reopened_count)
    assert count(sessions, TicketEvent) == events_before
    assert count(sessions, ProcessedMessage, ProcessedMessage.message_id == "the-one") == 1


def test_a_redelivered_new_command_is_applied_once(router, sessions, tid, clock):
    value = command(COMMAND_NOTE_V1, tid, "c-n", clock(), note="once")
    assert len(router.handle_command(value, COMMANDS_META)) == 1
    assert router.handle_command(value, COMMANDS_META) == []
    assert count(sessions, TicketEvent, TicketEvent.type == TICKET_NOTE_ADDED_V1) == 1
    assert count(sessions, Outbox) == 2


def test_a_note_command_without_note_text_is_a_bad_event(router, sessions, tid, clock):
    with pytest.raises(BadEvent) as info:
        router.handle_command(command(COMMAND_NOTE_V1, tid, "c-n", clock(), note=None), COMMANDS_META)
    assert info.value.reason_code == "schema_invalid"
    assert count(sessions, ProcessedMessage) == 0


def test_command_applies_agrees_with_the_router(router):
    assert command_applies(COMMAND_REOPEN_V1, "resolved", False)
    assert not command_applies(COMMAND_REOPEN_V1, "acknowledged", False)
    assert command_applies(COMMAND_PAUSE_V1, "acknowledged", False)
    assert not command_applies(COMMAND_PAUSE_V1, "open", True)
    assert command_applies(COMMAND_RESUME_V1, "open", True)
    assert command_applies(COMMAND_NOTE_V1, "resolved", False)


@pytest.mark.parametrize("name, fact_type", [("ticket.reopened.v1", Reopened), ("ticket.paused.v1", Paused),
                                             ("ticket.resumed.v1", Resumed), ("ticket.note_added.v1", type(None))])
def test_the_new_lifecycle_events_map_to_sla_facts(name, fact_type):
    event = json.loads((FIXTURES / f"{name}.json").read_text())
    validate_event(event)
    fact = fact_from_lifecycle(event["type"], event["data"])
    assert isinstance(fact, fact_type)
    if fact is not None:
        assert format_time(fact.at) == event["data"]["at"]


@pytest.mark.parametrize("kind", ["ack", "resolve", "reopen", "pause", "resume", "note"])
def test_the_cli_builds_a_valid_command_of_every_kind(kind):
    from careloop.tickets_cli import command_event

    event = command_event(kind, "543b88e7-56b6-528f-8455-af6870c41a39", "px-lead", note="text")
    validate_event(event)
    assert event["source"] == "careloop/cli"
