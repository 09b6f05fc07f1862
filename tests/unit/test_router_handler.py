"""careloop.router.handler.Router on SQLite with the demo config: classified feedback ->
at most one ticket, commands -> state changes, all through the audit trail and outbox."""
from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from sqlalchemy import func, select

from careloop.core.db import Outbox, ProcessedMessage, RoutingCounter, Ticket, TicketEvent
from careloop.core.errors import BadEvent
from careloop.core.events import (
    COMMAND_ACKNOWLEDGE_V1,
    COMMAND_ASSIGN_V1,
    COMMAND_RESOLVE_V1,
    TICKET_ACKNOWLEDGED_V1,
    TICKET_ASSIGNED_V1,
    TICKET_OPENED_V1,
    TICKET_RESOLVED_V1,
    TICKETS_LIFECYCLE,
    encode_event,
    make_event,
)
from careloop.core.ids import event_id, ticket_id as derive_ticket_id
from careloop.core.schema_registry import validate_event
from careloop.core.stage import RecordMeta
from careloop.core.timeutil import format_time
from careloop.router.handler import Router

CLASSIFIED_META = RecordMeta("feedback.classified", 0, 0, None)
COMMANDS_META = RecordMeta("tickets.commands", 0, 0, None)
PX_MEMBERS = ["px-agent-1", "px-agent-2", "px-agent-3"]


@pytest.fixture
def router(demo_config, sessions, clock, metrics) -> Router:
    return Router(config=demo_config, sessions=sessions, clock=clock, metrics=metrics)


def classified_bytes(make_classified, **kwargs) -> tuple[bytes, dict]:
    event = make_classified(**kwargs)
    return encode_event(event), event


def command(kind: str, ticket_id: str, command_id: str, now: datetime, **extra: Any) -> bytes:
    data = {"command_id": command_id, "ticket_id": ticket_id, "actor": "px-lead", "requested_at": format_time(now)}
    if kind in (COMMAND_ACKNOWLEDGE_V1, COMMAND_RESOLVE_V1):
        data["note"] = extra.pop("note", None)
    data.update(extra)
    return encode_event(make_event(kind, producer="api", subject=ticket_id, discriminator=command_id, data=data,
                                   time=now))


def open_ticket(router, make_classified, **kwargs) -> str:
    value, event = classified_bytes(make_classified, **kwargs)
    out = router.handle_classified(value, CLASSIFIED_META)
    assert len(out) == 1
    return derive_ticket_id(event["data"]["feedback"]["feedback_id"])


def count(sessions, model, *where) -> int:
    with sessions() as s:
        return s.scalar(select(func.count()).select_from(model).where(*where))


def ticket(sessions, tid: str) -> Ticket:
    with sessions() as s:
        return s.get(Ticket, tid)


# ----------------------------------------------------------------- classified feedback

def test_a_negative_classified_event_opens_exactly_one_ticket_with_drafts(router, sessions, make_classified, clock):
    value, event = classified_bytes(make_classified)
    out = router.handle_classified(value, CLASSIFIED_META)

    assert len(out) == 1
    fid = event["data"]["feedback"]["feedback_id"]
    tid = derive_ticket_id(fid)
    assert count(sessions, Ticket) == 1
    t = ticket(sessions, tid)
    assert t.feedback_id == fid
    assert t.status == "open"
    assert t.team == "patient-experience"
    assert t.routing_rule == "all-other-complaints"
    assert t.sla_policy == "standard"
    assert t.escalation_chain == "default"
    assert t.feedback_text == event["data"]["feedback"]["text"]
    assert t.public_reply_draft.strip()
    assert t.private_outreach_draft.strip()
    assert t.opened_at == clock()
    assert t.rating == 0.0


def test_the_ticket_opened_event_is_valid_and_keyed_by_the_ticket(router, make_classified, clock):
    value, event = classified_bytes(make_classified, severity="high")
    (opened,) = router.handle_classified(value, CLASSIFIED_META)
    tid = derive_ticket_id(event["data"]["feedback"]["feedback_id"])

    validate_event(opened.event)
    assert opened.topic == TICKETS_LIFECYCLE
    assert opened.key == tid
    e = opened.event
    assert e["type"] == TICKET_OPENED_V1
    assert e["subject"] == tid
    assert e["id"] == event_id(TICKET_OPENED_V1, tid, "opened")
    assert e["data"]["ticket_id"] == tid
    assert e["data"]["actor"] == "system"
    assert e["data"]["at"] == format_time(clock())
    assert e["data"]["team"] == "patient-experience"
    assert e["data"]["assignee"] == "px-agent-1"
    assert e["data"]["sla_policy"] == "high"
    assert e["data"]["severity"] == "high"
    assert e["data"]["sentiment"] == "negative"
    assert e["data"]["routing_rule"] == "all-other-complaints"
    assert e["data"]["reply_channel"] == "public_review"


def test_the_ticket_opened_event_carries_no_patient_text(router, make_classified):
    value, event = classified_bytes(make_classified, text="My name is Jane Smith, ring me on 07700900123 please.")
    (opened,) = router.handle_classified(value, CLASSIFIED_META)
    assert "Jane" not in encode_event(opened.event).decode()
    assert "07700900123" not in encode_event(opened.event).decode()


def test_new_tickets_are_assigned_round_robin_within_the_team(router, sessions, make_classified):
    assignees = []
    for n in range(4):
        value, _ = classified_bytes(make_classified, external_id=f"rr-{n}")
        (opened,) = router.handle_classified(value, CLASSIFIED_META)
        assignees.append(opened.event["data"]["assignee"])
    assert assignees == PX_MEMBERS + PX_MEMBERS[:1]
    with sessions() as s:
        assert s.get(RoutingCounter, "patient-experience").next_sequence == 4


def test_round_robin_counts_each_team_separately(router, make_classified):
    px = [router.handle_classified(classified_bytes(make_classified, external_id=f"px-{n}")[0], CLASSIFIED_META)
          for n in range(2)]
    billing = router.handle_classified(
        classified_bytes(make_classified, external_id="bill-0", topics=("billing",))[0], CLASSIFIED_META
    )
    assert [o[0].event["data"]["assignee"] for o in px] == ["px-agent-1", "px-agent-2"]
    assert billing[0].event["data"]["team"] == "billing-office"
    assert billing[0].event["data"]["assignee"] == "billing-1"


@pytest.mark.parametrize("topics, team", [
    (("staff_attitude", "waiting"), "patient-experience"),
    (("waiting", "staff_attitude"), "access-scheduling"),
    (("food", "waiting"), "estates-facilities"),
])
def test_a_complaint_goes_to_the_team_of_its_first_topic(router, make_classified, topics, team):
    value, _ = classified_bytes(make_classified, external_id="main-" + topics[0], topics=topics)
    (opened,) = router.handle_classified(value, CLASSIFIED_META)
    assert opened.event["data"]["team"] == team


def test_a_redelivered_classified_event_opens_no_second_ticket(router, sessions, make_classified, clock, metrics):
    value, _ = classified_bytes(make_classified)
    first = router.handle_classified(value, CLASSIFIED_META)
    clock.advance(60)
    second = router.handle_classified(value, CLASSIFIED_META)

    assert len(first) == 1
    assert second == []
    assert count(sessions, Ticket) == 1
    assert count(sessions, Outbox) == 1
    assert count(sessions, TicketEvent) == 1
    with sessions() as s:  # the redelivery did not advance the round-robin position
        assert s.get(RoutingCounter, "patient-experience").next_sequence == 1
    assert metrics.registry.get_sample_value(
        "careloop_tickets_opened_total", {"team": "patient-experience", "severity": "medium"}
    ) == 1


def test_a_reclassified_copy_of_the_same_feedback_opens_no_second_ticket(router, sessions, make_classified):
    router.handle_classified(classified_bytes(make_classified, severity="medium")[0], CLASSIFIED_META)
    again = router.handle_classified(classified_bytes(make_classified, severity="critical")[0], CLASSIFIED_META)
    assert again == []
    assert count(sessions, Ticket) == 1


@pytest.mark.parametrize("sentiment", ["positive", "neutral"])
def test_positive_or_neutral_feedback_opens_no_ticket(router, sessions, make_classified, sentiment, metrics):
    value, _ = classified_bytes(make_classified, sentiment=sentiment)
    assert router.handle_classified(value, CLASSIFIED_META) == []
    assert count(sessions, Ticket) == 0
    assert count(sessions, Outbox) == 0
    assert metrics.registry.get_sample_value(
        "careloop_events_consumed_total",
        {"stage": "router", "event_type": "org.careloop.feedback.classified.v1"},
    ) == 1


def test_a_risk_flag_routes_to_clinical_governance_on_the_urgent_policy(router, sessions, make_classified):
    value, event = classified_bytes(make_classified, sentiment="neutral", risk_flags=("patient_safety",))
    (opened,) = router.handle_classified(value, CLASSIFIED_META)
    assert opened.event["data"]["team"] == "clinical-governance"
    assert opened.event["data"]["sla_policy"] == "urgent"
    assert opened.event["data"]["risk_flags"] == ["patient_safety"]
    assert opened.event["data"]["escalation_chain"] == "clinical"


def test_feedback_in_a_language_the_classifier_does_not_read_opens_a_ticket_for_a_person(router, sessions,
                                                                                        make_classified):
    event = make_classified(sentiment="neutral", severity="low", topics=(),
                            text="Pielęgniarki były niemiłe i nikt nam nic nie wyjaśnił.")
    event["data"]["feedback"]["language"] = None
    event["data"]["classification"].update(language="pl", needs_review=True)
    (opened,) = router.handle_classified(encode_event(event), CLASSIFIED_META)
    assert opened.event["data"]["routing_rule"] == "human-review"
    assert opened.event["data"]["team"] == "patient-experience"
    assert opened.event["data"]["sentiment"] == "neutral"
    # Nobody has read it yet: the drafts thank and promise a reading, and apologise for nothing.
    row = ticket(sessions, opened.event["data"]["ticket_id"])
    assert "apologise" not in row.public_reply_draft and "sorry" not in row.private_outreach_draft.lower()
    assert "interpreter" in row.private_outreach_draft


def test_tickets_opened_is_counted_by_team_and_severity_only(router, make_classified, metrics):
    router.handle_classified(classified_bytes(make_classified, external_id="a", severity="high")[0], CLASSIFIED_META)
    router.handle_classified(classified_bytes(make_classified, external_id="b", severity="high")[0], CLASSIFIED_META)
    router.handle_classified(classified_bytes(make_classified, external_id="c", severity="low")[0], CLASSIFIED_META)
    get = metrics.registry.get_sample_value
    assert get("careloop_tickets_opened_total", {"team": "patient-experience", "severity": "high"}) == 2
    assert get("careloop_tickets_opened_total", {"team": "patient-experience", "severity": "low"}) == 1
    assert get("careloop_tickets_open", {"team": "patient-experience"}) == 3
    # Bounded labels: no ids, names or text on any router metric sample.
    for metric in metrics.registry.collect():
        for sample in metric.samples:
            assert set(sample.labels) <= {"team", "severity", "stage", "event_type", "topic", "reason_code",
                                          "kind", "threshold", "level", "status", "source", "outcome", "le"}


def test_opening_a_ticket_writes_its_audit_row_and_outbox_row(router, sessions, make_classified, clock):
    tid = open_ticket(router, make_classified)
    with sessions() as s:
        (audit,) = s.scalars(select(TicketEvent).where(TicketEvent.ticket_id == tid)).all()
        (outbox,) = s.scalars(select(Outbox)).all()
    assert audit.type == TICKET_OPENED_V1
    assert audit.actor == "system"
    assert audit.at == clock()
    assert audit.details["team"] == "patient-experience"
    assert "ticket_id" not in audit.details
    assert outbox.event_id == audit.event_id == event_id(TICKET_OPENED_V1, tid, "opened")
    assert outbox.topic == TICKETS_LIFECYCLE
    assert outbox.key == tid
    assert outbox.producer == "router"
    assert outbox.published_at is None


def test_a_wrong_event_type_on_the_classified_topic_is_a_bad_event(router, make_classified, clock):
    value = command(COMMAND_ACKNOWLEDGE_V1, "543b88e7-56b6-528f-8455-af6870c41a39", "c-1", clock())
    with pytest.raises(BadEvent) as info:
        router.handle_classified(value, CLASSIFIED_META)
    assert info.value.reason_code == "unexpected_event_type"


def test_garbage_on_the_classified_topic_is_a_bad_event(router):
    with pytest.raises(BadEvent) as info:
        router.handle_classified(b"not json", CLASSIFIED_META)
    assert info.value.reason_code == "invalid_json"


# -------------------------------------------------------------------------- commands

def test_an_acknowledge_command_acknowledges_the_ticket_and_emits_acknowledged(router, sessions, make_classified,
                                                                                clock):
    tid = open_ticket(router, make_classified)
    clock.advance(30)
    (ack,) = router.handle_command(command(COMMAND_ACKNOWLEDGE_V1, tid, "cmd-1", clock(), note="called back"),
                                   COMMANDS_META)
    validate_event(ack.event)
    assert ack.topic == TICKETS_LIFECYCLE and ack.key == tid
    assert ack.event["type"] == TICKET_ACKNOWLEDGED_V1
    assert ack.event["id"] == event_id(TICKET_ACKNOWLEDGED_V1, tid, "command|cmd-1")
    assert ack.event["data"]["actor"] == "px-lead"
    assert ack.event["data"]["note"] == "called back"
    assert ack.event["data"]["at"] == format_time(clock())
    t = ticket(sessions, tid)
    assert t.status == "acknowledged"
    assert t.acknowledged_at == clock()
    assert t.updated_at == clock()


def test_the_same_acknowledge_command_twice_emits_one_event(router, sessions, make_classified, clock):
    tid = open_ticket(router, make_classified)
    value = command(COMMAND_ACKNOWLEDGE_V1, tid, "cmd-1", clock())
    first = router.handle_command(value, COMMANDS_META)
    second = router.handle_command(value, COMMANDS_META)
    assert len(first) == 1
    assert second == []
    assert count(sessions, TicketEvent, TicketEvent.type == TICKET_ACKNOWLEDGED_V1) == 1
    assert count(sessions, ProcessedMessage) == 1


def test_acknowledging_twice_with_different_command_ids_is_a_no_op_the_second_time(router, sessions,
                                                                                   make_classified, clock):
    tid = open_ticket(router, make_classified)
    router.handle_command(command(COMMAND_ACKNOWLEDGE_V1, tid, "cmd-1", clock()), COMMANDS_META)
    first_ack_at = clock()
    clock.advance(60)
    again = router.handle_command(command(COMMAND_ACKNOWLEDGE_V1, tid, "cmd-2", clock()), COMMANDS_META)
    assert again == []
    assert ticket(sessions, tid).acknowledged_at == first_ack_at
    assert count(sessions, TicketEvent, TicketEvent.type == TICKET_ACKNOWLEDGED_V1) == 1
    assert count(sessions, ProcessedMessage) == 2  # the no-op command is still remembered


def test_a_resolve_command_resolves_the_ticket_and_emits_resolved(router, sessions, make_classified, clock, metrics):
    tid = open_ticket(router, make_classified)
    clock.advance(120)
    (resolved,) = router.handle_command(command(COMMAND_RESOLVE_V1, tid, "cmd-r", clock(), note="apologised"),
                                        COMMANDS_META)
    validate_event(resolved.event)
    assert resolved.event["type"] == TICKET_RESOLVED_V1
    assert resolved.event["data"]["note"] == "apologised"
    t = ticket(sessions, tid)
    assert t.status == "resolved"
    assert t.resolved_at == clock()
    assert metrics.registry.get_sample_value("careloop_tickets_open", {"team": "patient-experience"}) == 0


def test_resolving_a_resolved_ticket_is_a_no_op(router, sessions, make_classified, clock, metrics):
    tid = open_ticket(router, make_classified)
    router.handle_command(command(COMMAND_RESOLVE_V1, tid, "cmd-r1", clock()), COMMANDS_META)
    assert router.handle_command(command(COMMAND_RESOLVE_V1, tid, "cmd-r2", clock()), COMMANDS_META) == []
    assert metrics.registry.get_sample_value("careloop_tickets_open", {"team": "patient-experience"}) == 0


def test_acknowledging_a_resolved_ticket_is_a_no_op(router, sessions, make_classified, clock):
    tid = open_ticket(router, make_classified)
    router.handle_command(command(COMMAND_RESOLVE_V1, tid, "cmd-r", clock()), COMMANDS_META)
    assert router.handle_command(command(COMMAND_ACKNOWLEDGE_V1, tid, "cmd-a", clock()), COMMANDS_META) == []
    assert ticket(sessions, tid).status == "resolved"


def test_an_assign_command_moves_the_ticket_and_emits_assigned(router, sessions, make_classified, clock, metrics):
    tid = open_ticket(router, make_classified)
    (assigned,) = router.handle_command(
        command(COMMAND_ASSIGN_V1, tid, "cmd-as", clock(), team="estates-facilities", assignee="estates-2"),
        COMMANDS_META,
    )
    validate_event(assigned.event)
    assert assigned.event["type"] == TICKET_ASSIGNED_V1
    assert assigned.event["data"]["team"] == "estates-facilities"
    assert assigned.event["data"]["assignee"] == "estates-2"
    t = ticket(sessions, tid)
    assert (t.team, t.assignee) == ("estates-facilities", "estates-2")
    get = metrics.registry.get_sample_value
    assert get("careloop_tickets_open", {"team": "patient-experience"}) == 0
    assert get("careloop_tickets_open", {"team": "estates-facilities"}) == 1


def test_assigning_to_an_unknown_team_is_a_bad_event_and_changes_nothing(router, sessions, make_classified, clock):
    tid = open_ticket(router, make_classified)
    with pytest.raises(BadEvent) as info:
        router.handle_command(command(COMMAND_ASSIGN_V1, tid, "cmd-x", clock(), team="no-such-team", assignee=None),
                              COMMANDS_META)
    assert info.value.reason_code == "unknown_team"
    assert ticket(sessions, tid).team == "patient-experience"
    assert count(sessions, ProcessedMessage) == 0
    assert count(sessions, TicketEvent) == 1


def test_a_command_for_an_unknown_ticket_is_a_bad_event(router, sessions, clock):
    with pytest.raises(BadEvent) as info:
        router.handle_command(
            command(COMMAND_ACKNOWLEDGE_V1, "00000000-0000-5000-8000-000000000000", "cmd-1", clock()), COMMANDS_META
        )
    assert info.value.reason_code == "unknown_ticket"
    assert count(sessions, ProcessedMessage) == 0


def test_a_non_command_on_the_commands_topic_is_a_bad_event(router, make_classified):
    value, _ = classified_bytes(make_classified)
    with pytest.raises(BadEvent) as info:
        router.handle_command(value, COMMANDS_META)
    assert info.value.reason_code == "unexpected_event_type"


def test_each_state_change_leaves_an_audit_row_and_an_outbox_row(router, sessions, make_classified, clock):
    tid = open_ticket(router, make_classified)
    clock.advance(10)
    router.handle_command(command(COMMAND_ACKNOWLEDGE_V1, tid, "c-1", clock()), COMMANDS_META)
    clock.advance(10)
    router.handle_command(command(COMMAND_ASSIGN_V1, tid, "c-2", clock(), team="patient-experience",
                                  assignee="px-agent-3"), COMMANDS_META)
    clock.advance(10)
    router.handle_command(command(COMMAND_RESOLVE_V1, tid, "c-3", clock()), COMMANDS_META)

    with sessions() as s:
        audit = s.scalars(select(TicketEvent).where(TicketEvent.ticket_id == tid).order_by(TicketEvent.id)).all()
        outbox = s.scalars(select(Outbox).order_by(Outbox.id)).all()
    assert [a.type for a in audit] == [TICKET_OPENED_V1, TICKET_ACKNOWLEDGED_V1, TICKET_ASSIGNED_V1,
                                       TICKET_RESOLVED_V1]
    assert [a.actor for a in audit] == ["system", "px-lead", "px-lead", "px-lead"]
    assert [o.event_id for o in outbox] == [a.event_id for a in audit]
    assert all(o.key == tid and o.topic == TICKETS_LIFECYCLE for o in outbox)


# --------------------------------------------------------------------------- outbox

def test_pending_returns_every_unpublished_outbox_event_in_order(router, make_classified, clock):
    opened = [router.handle_classified(classified_bytes(make_classified, external_id=f"p-{n}")[0], CLASSIFIED_META)[0]
              for n in range(2)]
    ack = router.handle_command(command(COMMAND_ACKNOWLEDGE_V1, opened[0].key, "c-1", clock()), COMMANDS_META)[0]
    pending = router.pending()
    assert [p.event for p in pending] == [opened[0].event, opened[1].event, ack.event]
    assert [(p.topic, p.key) for p in pending] == [(o.topic, o.key) for o in (*opened, ack)]
    for p in pending:
        validate_event(p.event)


def test_pending_leaves_out_what_has_been_published(router, sessions, make_classified, clock):
    from careloop.router import store

    first = router.handle_classified(classified_bytes(make_classified, external_id="a")[0], CLASSIFIED_META)[0]
    second = router.handle_classified(classified_bytes(make_classified, external_id="b")[0], CLASSIFIED_META)[0]
    with sessions.begin() as s:
        store.mark_published(s, [first.event["id"]], clock())
    assert [p.event["id"] for p in router.pending()] == [second.event["id"]]


def test_refresh_open_gauge_counts_unresolved_tickets_from_the_database(demo_config, sessions, clock, metrics,
                                                                        router, make_classified):
    a = open_ticket(router, make_classified, external_id="a")
    open_ticket(router, make_classified, external_id="b")
    router.handle_command(command(COMMAND_RESOLVE_V1, a, "c", clock()), COMMANDS_META)
    fresh = Router(config=demo_config, sessions=sessions, clock=clock, metrics=type(metrics)())
    fresh.refresh_open_gauge()
    assert fresh.metrics.registry.get_sample_value("careloop_tickets_open", {"team": "patient-experience"}) == 1


def test_a_delivery_that_loses_the_race_for_the_same_feedback_opens_nothing(demo_config, db_url, sessions, clock,
                                                                            metrics, router, make_classified,
                                                                            monkeypatch):
    """Two routers get the same feedback; the second checked "no ticket yet" just before
    the first committed, so the unique key, not the read, stops the duplicate."""
    from sqlalchemy import event as sa_event

    from careloop.core.db import make_engine, make_sessionmaker
    from careloop.core.metrics import Metrics

    from careloop.router import store

    steps: list[str] = []
    real_next_sequence = store.next_sequence
    monkeypatch.setattr(store, "next_sequence", lambda session, team: steps.append(team) or real_next_sequence(session, team))
    value, _ = classified_bytes(make_classified)
    loser_engine = make_engine(db_url)
    loser_metrics = Metrics(type(metrics.registry)())
    loser = Router(config=demo_config, sessions=make_sessionmaker(loser_engine), clock=clock, metrics=loser_metrics)
    winner_out: list = []

    @sa_event.listens_for(loser_engine, "after_cursor_execute")
    def _winner_commits_after_the_read(conn, cursor, statement, *args):  # noqa: ANN001
        if statement.lstrip().upper().startswith("SELECT TICKETS.") and not winner_out:
            winner_out.extend(router.handle_classified(value, CLASSIFIED_META))

    try:
        loser_out = loser.handle_classified(value, CLASSIFIED_META)
    finally:
        sa_event.remove(loser_engine, "after_cursor_execute", _winner_commits_after_the_read)
        loser_engine.dispose()
    assert len(winner_out) == 1
    assert loser_out == []
    assert len(steps) == 2  # the loser got past its read: the unique key stopped it
    assert count(sessions, Ticket) == 1
    assert count(sessions, Outbox) == 1
    with sessions() as s:  # the loser's round-robin step was rolled back with its insert
        assert s.get(RoutingCounter, "patient-experience").next_sequence == 1
    assert loser_metrics.registry.get_sample_value(
        "careloop_tickets_opened_total", {"team": "patient-experience", "severity": "medium"}
    ) is None
