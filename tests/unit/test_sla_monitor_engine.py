"""careloop.sla_monitor.monitor.SlaMonitor on SQLite with the demo config (24x7 policies
with windows of seconds) and a fake clock: what falls due, exactly once, across
restarts, acknowledgements, resolutions and two monitors racing."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

import pytest
from prometheus_client import CollectorRegistry
from sqlalchemy import event as sa_event
from sqlalchemy import func, select

from careloop.core.db import Escalation, SlaClock, make_engine, make_sessionmaker
from careloop.core.errors import BadEvent
from careloop.core.events import (
    ESCALATION_RAISED_V1,
    TICKET_ACKNOWLEDGED_V1,
    TICKET_ASSIGNED_V1,
    TICKET_OPENED_V1,
    TICKET_RESOLVED_V1,
    TICKETS_ESCALATIONS,
    encode_event,
    make_event,
)
from careloop.core.ids import escalation_id
from careloop.core.metrics import Metrics
from careloop.core.schema_registry import validate_event
from careloop.core.stage import RecordMeta
from careloop.core.timeutil import format_time
from careloop.sla_monitor.monitor import SlaMonitor

START = datetime(2026, 11, 26, 10, 0, 0, tzinfo=timezone.utc)  # the fake clock's start (conftest)
TID = "543b88e7-56b6-528f-8455-af6870c41a39"
FID = "576c123a-260d-50b1-9f43-2bbcd6b3c4f7"
PARTITION = 2

# Demo policies (24x7): standard ack 16 s / resolve 45 s, no re-escalation;
# urgent ack 8 s / resolve 30 s, re-escalate every 4 s at most twice.
# Thresholds 0.5, 0.75, 0.9 are warnings (level 0), 1 is the breach (level 1).


def lifecycle(event_type: str, at: datetime, *, ticket_id: str = TID, discriminator: str | None = None,
              **data: Any) -> bytes:
    payload: dict[str, Any] = {"ticket_id": ticket_id, "feedback_id": FID, "at": format_time(at), "actor": "system"}
    if event_type == TICKET_OPENED_V1:
        payload.update(
            facility="st-marys", department="emergency", source="google_reviews", team="patient-experience",
            assignee="px-agent-1", severity="medium", topics=["communication"], risk_flags=[],
            sentiment="negative", sla_policy="standard", routing_rule="all-other-complaints",
            reply_channel="public_review", escalation_chain="default",
        )
    elif event_type in (TICKET_ACKNOWLEDGED_V1, TICKET_RESOLVED_V1):
        payload.update(actor="px-agent-1", note=None)
    elif event_type == TICKET_ASSIGNED_V1:
        payload.update(actor="px-lead", reason="command")
    payload.update(data)
    event = make_event(event_type, producer="router", subject=ticket_id, time=at,
                       discriminator=discriminator or event_type, data=payload)
    return encode_event(event)


def meta(offset: int = 0, ticket_id: str = TID) -> RecordMeta:
    return RecordMeta("tickets.lifecycle", PARTITION, offset, ticket_id.encode())


@pytest.fixture
def monitor(demo_config, sessions, clock, metrics) -> SlaMonitor:
    return SlaMonitor(config=demo_config, sessions=sessions, clock=clock, metrics=metrics)


def opened(monitor: SlaMonitor, at: datetime = START, **data: Any) -> None:
    assert monitor.handle_lifecycle(lifecycle(TICKET_OPENED_V1, at, **data), meta(0, data.get("ticket_id", TID))) == []


def at(seconds: float) -> datetime:
    return START + timedelta(seconds=seconds)


def summary(outgoing) -> list[tuple[str, float, str, int, str]]:
    return [(o.event["data"]["clock"], o.event["data"]["threshold"], o.event["data"]["kind"],
             o.event["data"]["level"], o.event["data"]["target"]) for o in outgoing]


def ids(outgoing) -> list[str]:
    return [o.event["id"] for o in outgoing]


def escalation_rows(sessions) -> int:
    with sessions() as s:
        return s.scalar(select(func.count()).select_from(Escalation))


# ------------------------------------------------------------------------ scheduling

def test_an_opened_ticket_has_nothing_due_before_half_its_acknowledge_window(monitor, clock):
    assert clock() == START
    opened(monitor)
    for seconds in (0, 1, 4, 7.999):
        clock.set(at(seconds))
        assert monitor.fire_due() == []
    assert monitor.next_wake() == at(8)


def test_the_first_warning_falls_due_at_half_the_acknowledge_window(monitor, clock):
    opened(monitor)
    clock.set(at(8))
    out = monitor.fire_due()
    assert summary(out) == [("acknowledge", 0.5, "warning", 0, "px-agent-1")]
    assert monitor.next_wake() == at(12)


def test_advancing_past_several_thresholds_fires_exactly_those_that_are_due(monitor, clock):
    opened(monitor)
    clock.set(at(16))
    out = monitor.fire_due()
    assert summary(out) == [
        ("acknowledge", 0.5, "warning", 0, "px-agent-1"),
        ("acknowledge", 0.75, "warning", 0, "px-agent-1"),
        ("acknowledge", 0.9, "warning", 0, "px-agent-1"),
        ("acknowledge", 1.0, "breach", 1, "px-lead"),
    ]
    assert [o.event["data"]["due_at"] for o in out] == [format_time(at(s)) for s in (8, 12, 14.4, 16)]


def test_each_escalation_is_a_valid_event_whose_id_is_its_escalation_id(monitor, clock):
    opened(monitor)
    clock.set(at(50))
    out = monitor.fire_due()
    assert len(out) == 8  # four on each clock; the standard policy does not re-escalate
    for o in out:
        validate_event(o.event)
        data = o.event["data"]
        assert o.topic == TICKETS_ESCALATIONS
        assert o.key == TID
        assert o.event["type"] == ESCALATION_RAISED_V1
        assert o.event["subject"] == TID
        assert o.event["id"] == data["escalation_id"] == escalation_id(TID, data["clock"], data["threshold"],
                                                                        data["level"])
        assert data["ticket_id"] == TID and data["feedback_id"] == FID
        assert data["raised_at"] == format_time(clock()) == o.event["time"]
        assert (data["team"], data["severity"], data["facility"], data["sla_policy"]) == (
            "patient-experience", "medium", "st-marys", "standard")
    deadlines = {o.event["data"]["clock"]: o.event["data"]["deadline_at"] for o in out}
    assert deadlines == {"acknowledge": format_time(at(16)), "resolve": format_time(at(45))}
    assert len(set(ids(out))) == len(out)


def test_firing_again_at_the_same_instant_returns_nothing(monitor, clock):
    opened(monitor)
    clock.set(at(16))
    assert len(monitor.fire_due()) == 4
    assert monitor.fire_due() == []
    clock.advance(0.5)
    assert monitor.fire_due() == []


def test_firing_step_by_step_emits_each_escalation_once(monitor, clock):
    opened(monitor)
    seen: list[str] = []
    t = 0.0
    while t <= 60:
        clock.set(at(t))
        seen += ids(monitor.fire_due())
        t += 0.7
    assert len(seen) == len(set(seen)) == 8
    assert monitor.next_wake() is None or monitor.fire_due() == []


def test_targets_resolve_through_the_team_up_the_escalation_chain(monitor, clock):
    # Urgent on clinical-governance: breach at 8 s goes to the team lead, re-escalations
    # at 12 s and 16 s to the department manager and then the directory's director.
    opened(monitor, team="clinical-governance", assignee="cg-nurse-2", sla_policy="urgent",
           escalation_chain="clinical", severity="critical")
    clock.set(at(16))
    ack = [s for s in summary(monitor.fire_due()) if s[0] == "acknowledge"]
    assert ack == [
        ("acknowledge", 0.5, "warning", 0, "cg-nurse-2"),
        ("acknowledge", 0.75, "warning", 0, "cg-nurse-2"),
        ("acknowledge", 0.9, "warning", 0, "cg-nurse-2"),
        ("acknowledge", 1.0, "breach", 1, "cg-lead"),
        ("acknowledge", 1.0, "re_escalation", 2, "medical-director-office"),
        ("acknowledge", 1.0, "re_escalation", 3, "px-director"),
    ]


def test_a_queue_ticket_without_an_assignee_escalates_to_the_role_name(monitor, clock):
    opened(monitor, assignee=None)
    clock.set(at(8))
    assert summary(monitor.fire_due()) == [("acknowledge", 0.5, "warning", 0, "assignee")]


def test_a_reassignment_redirects_later_escalations_to_the_new_team_and_assignee(monitor, clock):
    opened(monitor)
    clock.set(at(8))
    assert summary(monitor.fire_due())[0][4] == "px-agent-1"
    clock.set(at(9))
    monitor.handle_lifecycle(lifecycle(TICKET_ASSIGNED_V1, at(9), team="estates-facilities", assignee="estates-2"),
                             meta(1))
    clock.set(at(16))
    out = monitor.fire_due()
    assert [s[4] for s in summary(out)] == ["estates-2", "estates-2", "estates-lead"]
    assert {o.event["data"]["team"] for o in out} == {"estates-facilities"}


def test_escalations_are_counted_by_kind_threshold_and_level(monitor, clock, metrics):
    opened(monitor)
    clock.set(at(16.25))
    monitor.fire_due()
    get = metrics.registry.get_sample_value
    assert get("careloop_escalations_total", {"kind": "warning", "threshold": "0.5", "level": "0"}) == 1
    assert get("careloop_escalations_total", {"kind": "breach", "threshold": "1", "level": "1"}) == 1
    assert get("careloop_escalation_lateness_seconds_count") == 4
    assert get("careloop_escalation_lateness_seconds_sum") == pytest.approx(8.25 + 4.25 + 1.85 + 0.25)
    assert get("careloop_sla_clocks_running") == 1


# ------------------------------------------------------------------------- lifecycle

def test_a_redelivered_opened_event_changes_nothing(monitor, sessions, clock):
    opened(monitor)
    clock.set(at(8))
    first = monitor.fire_due()
    assert monitor.handle_lifecycle(lifecycle(TICKET_OPENED_V1, START), meta(0)) == []
    clock.set(at(8.5))
    assert monitor.fire_due() == []
    assert len(first) == 1
    with sessions() as s:
        assert s.scalar(select(func.count()).select_from(SlaClock)) == 1


def test_the_opened_event_records_the_clock_and_its_partition(monitor, sessions):
    opened(monitor)
    with sessions() as s:
        row = s.get(SlaClock, TID)
    assert row.lifecycle_partition == PARTITION
    assert row.active == 1
    assert row.opened_at == START
    assert row.sla_policy == "standard"
    assert row.escalation_chain == "default"


def test_an_acknowledgement_stops_the_acknowledge_clock_but_not_the_resolve_clock(monitor, clock):
    opened(monitor)
    clock.set(at(9))
    assert summary(monitor.fire_due()) == [("acknowledge", 0.5, "warning", 0, "px-agent-1")]
    monitor.handle_lifecycle(lifecycle(TICKET_ACKNOWLEDGED_V1, at(10)), meta(1))
    clock.set(at(46))
    later = summary(monitor.fire_due())
    assert [s for s in later if s[0] == "acknowledge"] == []
    assert later == [
        ("resolve", 0.5, "warning", 0, "px-agent-1"),
        ("resolve", 0.75, "warning", 0, "px-agent-1"),
        ("resolve", 0.9, "warning", 0, "px-agent-1"),
        ("resolve", 1.0, "breach", 1, "px-lead"),
    ]


def test_an_acknowledgement_arriving_late_drops_acknowledge_escalations_not_yet_raised(monitor, clock):
    opened(monitor)
    clock.set(at(13))  # 0.5 and 0.75 due, but the monitor has not fired yet
    monitor.handle_lifecycle(lifecycle(TICKET_ACKNOWLEDGED_V1, at(11)), meta(1))
    assert monitor.fire_due() == []


def test_a_resolution_stops_every_clock(monitor, sessions, clock, metrics):
    opened(monitor)
    clock.set(at(8))
    assert len(monitor.fire_due()) == 1
    monitor.handle_lifecycle(lifecycle(TICKET_RESOLVED_V1, at(9)), meta(1))
    for seconds in (12, 16, 30, 45, 120):
        clock.set(at(seconds))
        assert monitor.fire_due() == []
    with sessions() as s:
        row = s.get(SlaClock, TID)
    assert row.active == 0
    assert row.resolved_at == at(9)
    assert metrics.registry.get_sample_value("careloop_sla_clocks_running") == 0


def test_a_lifecycle_event_for_a_ticket_never_seen_opened_is_ignored(monitor, sessions, clock):
    assert monitor.handle_lifecycle(lifecycle(TICKET_ACKNOWLEDGED_V1, at(1)), meta(1)) == []
    clock.set(at(100))
    assert monitor.fire_due() == []
    with sessions() as s:
        assert s.scalar(select(func.count()).select_from(SlaClock)) == 0


def test_a_non_lifecycle_event_is_a_bad_event(monitor):
    event = make_event(ESCALATION_RAISED_V1, producer="x", subject=TID, data={}, time=START)
    with pytest.raises(BadEvent) as info:
        monitor.handle_lifecycle(encode_event(event), meta())
    assert info.value.reason_code == "unexpected_event_type"


def test_an_empty_lifecycle_record_is_a_bad_event(monitor):
    with pytest.raises(BadEvent) as info:
        monitor.handle_lifecycle(None, meta())
    assert info.value.reason_code == "empty_record"


# --------------------------------------------------------------------------- restart

def test_a_restarted_monitor_emits_nothing_already_emitted_but_what_fell_due_while_down(
    demo_config, sessions, monitor, clock
):
    opened(monitor)
    clock.set(at(8.5))
    before = ids(monitor.fire_due())
    assert len(before) == 1
    # "down" from 8.5 s to 15 s: 0.75 (12 s) and 0.9 (14.4 s) fell due meanwhile.
    clock.set(at(15))
    restarted = SlaMonitor(config=demo_config, sessions=sessions, clock=clock, metrics=Metrics(CollectorRegistry()))
    assert restarted.load() == 1
    after = restarted.fire_due()
    assert summary(after) == [
        ("acknowledge", 0.75, "warning", 0, "px-agent-1"),
        ("acknowledge", 0.9, "warning", 0, "px-agent-1"),
    ]
    assert not set(before) & set(ids(after))
    assert restarted.fire_due() == []
    clock.set(at(16))
    assert summary(restarted.fire_due()) == [("acknowledge", 1.0, "breach", 1, "px-lead")]


def test_loading_twice_does_not_track_a_ticket_twice(demo_config, sessions, monitor, clock):
    opened(monitor)
    fresh = SlaMonitor(config=demo_config, sessions=sessions, clock=clock, metrics=Metrics(CollectorRegistry()))
    assert fresh.load() == 1
    assert fresh.load() == 0
    clock.set(at(8))
    assert len(fresh.fire_due()) == 1


def test_load_only_takes_the_clocks_of_the_given_partitions(demo_config, sessions, monitor, clock):
    opened(monitor)
    fresh = SlaMonitor(config=demo_config, sessions=sessions, clock=clock, metrics=Metrics(CollectorRegistry()))
    assert fresh.load([PARTITION + 1]) == 0
    assert fresh.load([PARTITION]) == 1


def test_load_skips_resolved_tickets(demo_config, sessions, monitor, clock):
    opened(monitor)
    monitor.handle_lifecycle(lifecycle(TICKET_RESOLVED_V1, at(1)), meta(1))
    fresh = SlaMonitor(config=demo_config, sessions=sessions, clock=clock, metrics=Metrics(CollectorRegistry()))
    assert fresh.load() == 0
    clock.set(at(100))
    assert fresh.fire_due() == []


def test_forgetting_a_partition_stops_timing_its_tickets(monitor, clock):
    opened(monitor)
    monitor.forget([PARTITION])
    clock.set(at(20))
    assert monitor.fire_due() == []


def test_a_restarted_monitor_that_was_not_loaded_still_raises_nothing_twice(demo_config, sessions, monitor, clock):
    opened(monitor)
    clock.set(at(8))
    first = ids(monitor.fire_due())
    # A monitor that has not loaded hears of the ticket only through a later event.
    fresh = SlaMonitor(config=demo_config, sessions=sessions, clock=clock, metrics=Metrics(CollectorRegistry()))
    clock.set(at(9))
    fresh.handle_lifecycle(lifecycle(TICKET_ASSIGNED_V1, at(9), team="patient-experience", assignee="px-agent-2"),
                           meta(1))
    clock.set(at(12))
    out = fresh.fire_due()
    assert summary(out) == [("acknowledge", 0.75, "warning", 0, "px-agent-2")]
    assert not set(first) & set(ids(out))


# ------------------------------------------------------------------------------ race

def test_two_monitors_racing_for_the_same_escalations_claim_each_once(demo_config, sessions, monitor, clock):
    opened(monitor)
    other = SlaMonitor(config=demo_config, sessions=sessions, clock=clock, metrics=Metrics(CollectorRegistry()))
    other.load()
    clock.set(at(16))
    union = ids(monitor.fire_due()) + ids(other.fire_due())
    assert len(union) == len(set(union)) == 4
    clock.set(at(46))
    union += ids(other.fire_due()) + ids(monitor.fire_due())
    assert len(union) == len(set(union)) == 8
    assert escalation_rows(sessions) == 8


def test_a_monitor_that_loses_the_insert_race_emits_nothing_and_retries_cleanly(demo_config, db_url, sessions,
                                                                                monitor, clock):
    """The loser read "not taken" before the winner committed, then hits the unique key."""
    opened(monitor)
    loser_engine = make_engine(db_url)
    loser = SlaMonitor(config=demo_config, sessions=make_sessionmaker(loser_engine), clock=clock,
                       metrics=Metrics(CollectorRegistry()))
    loser.load()
    clock.set(at(12))
    winner_out: list = []

    @sa_event.listens_for(loser_engine, "after_cursor_execute")
    def _winner_commits_between_read_and_insert(conn, cursor, statement, *args):  # noqa: ANN001
        if statement.lstrip().upper().startswith("SELECT ESCALATIONS.TICKET_ID") and not winner_out:
            winner_out.extend(monitor.fire_due())

    try:
        loser_out = loser.fire_due()
    finally:
        sa_event.remove(loser_engine, "after_cursor_execute", _winner_commits_between_read_and_insert)
    assert len(winner_out) == 2
    assert loser_out == []
    assert TID in loser.scheduled  # the unique key stopped it, not the read; it tries again
    assert escalation_rows(sessions) == 2
    # Next time round the loser sees the winner's rows and still emits nothing twice.
    assert loser.fire_due() == []
    clock.set(at(14.4))
    union = ids(winner_out) + ids(loser.fire_due()) + ids(monitor.fire_due())
    assert len(union) == len(set(union)) == 3
    loser_engine.dispose()


# ------------------------------------------------------------------------ publishing

def test_claimed_escalations_stay_unpublished_until_marked(monitor, clock):
    opened(monitor)
    clock.set(at(12))
    out = monitor.fire_due()
    pending = monitor.unpublished()
    assert sorted(ids(pending)) == sorted(ids(out))
    by_id = {o.event["id"]: o.event for o in out}
    for p in pending:
        validate_event(p.event)
        assert p.event == by_id[p.event["id"]]
        assert (p.topic, p.key) == (TICKETS_ESCALATIONS, TID)

    clock.set(at(12.5))
    monitor.mark_published([out[0].event["id"]])
    assert ids(monitor.unpublished()) == [out[1].event["id"]]
    monitor.mark_published(ids(out))
    assert monitor.unpublished() == []


def test_marking_nothing_published_is_harmless(monitor):
    monitor.mark_published([])
    assert monitor.unpublished() == []


def test_a_restarted_monitor_republishes_unconfirmed_escalations_under_the_same_ids(demo_config, sessions, monitor,
                                                                                   clock):
    opened(monitor)
    clock.set(at(12))
    out = monitor.fire_due()
    fresh = SlaMonitor(config=demo_config, sessions=sessions, clock=clock, metrics=Metrics(CollectorRegistry()))
    clock.set(at(13))
    again = fresh.unpublished()
    assert sorted(ids(again)) == sorted(ids(out))
    assert sorted((o.event for o in again), key=lambda e: e["id"]) == sorted((o.event for o in out),
                                                                             key=lambda e: e["id"])


def test_an_unconfirmed_warning_republished_after_acknowledgement_keeps_its_deadline(monitor, clock):
    opened(monitor)
    clock.set(at(8))
    (original,) = monitor.fire_due()
    monitor.handle_lifecycle(lifecycle(TICKET_ACKNOWLEDGED_V1, at(9)), meta(1))
    (again,) = monitor.unpublished()
    assert again.event["data"]["deadline_at"] == original.event["data"]["deadline_at"] == format_time(at(16))
    assert again.event == original.event


# ------------------------------------------------------------------------ router's commits

def _router_ticket(sessions, *, acknowledged_at=None, resolved_at=None) -> None:
    """The router's row for TID, as it stands after committing a command whose lifecycle
    event has not reached the monitor yet."""
    from careloop.core.db import Ticket

    with sessions.begin() as s:
        s.add(Ticket(
            id=TID, feedback_id=FID, source="google_reviews", external_id="x", facility="st-marys",
            department="emergency", team="patient-experience", assignee="px-agent-1",
            status="resolved" if resolved_at else ("acknowledged" if acknowledged_at else "open"),
            sentiment="negative", severity="medium", topics=["communication"], risk_flags=[],
            routing_rule="all-other-complaints", sla_policy="standard", escalation_chain="default",
            reply_channel="public_review", feedback_text="(test)", rating=None, public_reply_draft="-",
            private_outreach_draft="-", feedback_created_at=START, opened_at=START,
            acknowledged_at=acknowledged_at, resolved_at=resolved_at, updated_at=START,
        ))


def test_an_acknowledgement_committed_by_the_router_stops_the_clock_before_its_event_arrives(
    monitor, sessions, clock, metrics
):
    opened(monitor)
    _router_ticket(sessions, acknowledged_at=at(7))
    clock.set(at(9))  # the 0.5 warning (8 s) fell due after the acknowledgement at 7 s
    assert monitor.fire_due() == []
    assert metrics.registry.get_sample_value("careloop_time_to_acknowledge_seconds_count") == 1
    # The acknowledged event arriving later changes nothing and is not counted twice.
    monitor.handle_lifecycle(lifecycle(TICKET_ACKNOWLEDGED_V1, at(7)), meta(1))
    assert metrics.registry.get_sample_value("careloop_time_to_acknowledge_seconds_count") == 1
    clock.set(at(46))
    assert {s[0] for s in summary(monitor.fire_due())} == {"resolve"}


def test_a_resolution_committed_by_the_router_silences_every_clock(monitor, sessions, clock):
    opened(monitor)
    _router_ticket(sessions, acknowledged_at=at(2), resolved_at=at(3))
    clock.set(at(100))
    assert monitor.fire_due() == []
    assert monitor.next_wake() is None


def test_a_monitor_with_a_database_of_its_own_relies_on_lifecycle_events(demo_config, tmp_path, clock, metrics):
    from careloop.core.db import SlaClock

    url = f"sqlite:///{tmp_path / 'own.db'}"
    engine = make_engine(url)
    SlaClock.metadata.create_all(engine, tables=[SlaClock.__table__, Escalation.__table__])
    own = SlaMonitor(config=demo_config, sessions=make_sessionmaker(engine), clock=clock, metrics=metrics)
    opened(own)
    clock.set(at(9))
    assert summary(own.fire_due()) == [("acknowledge", 0.5, "warning", 0, "px-agent-1")]
    assert own.read_router_tickets is False
    engine.dispose()


def test_a_ticket_whose_opened_event_no_monitor_has_read_is_adopted_from_the_routers_row(monitor, sessions, clock):
    _router_ticket(sessions)  # opened at START; its event is stuck with a dead worker
    clock.set(at(0.1))
    assert monitor.adopt_unseen(grace_seconds=0.3) == 0, "not before the grace period"
    clock.set(at(5))
    assert monitor.adopt_unseen(grace_seconds=0.3) == 1
    assert monitor.adopt_unseen(grace_seconds=0.3) == 0, "adopted once"
    clock.set(at(8))
    assert summary(monitor.fire_due()) == [("acknowledge", 0.5, "warning", 0, "px-agent-1")]
    # The opened event, when its partition moves, finds the clock and changes nothing.
    assert monitor.handle_lifecycle(lifecycle(TICKET_OPENED_V1, START), meta(0)) == []
    assert monitor.fire_due() == []
    with sessions() as s:
        (row,) = s.scalars(select(SlaClock)).all()
    assert row.lifecycle_partition == monitor._partition_of(TID)
