"""SLA clocks of one ticket: deadlines, escalation schedule, what is due."""
from __future__ import annotations

import json
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from careloop.core import schema_registry
from careloop.core.ids import CARELOOP_NS
from careloop.sla_monitor.calendars import TWENTY_FOUR_SEVEN, BusinessCalendar, CalendarConfig
from careloop.sla_monitor.deadlines import (
    Acknowledged,
    Opened,
    Paused,
    PolicyChanged,
    Reopened,
    Resolved,
    Resumed,
    SlaState,
    deadline,
    due,
    due_and_next,
    elapsed,
    escalation_levels,
    fact_from_lifecycle,
    next_due_at,
    remaining,
    schedule,
)
from careloop.sla_monitor.policies import SlaPolicy

UTC = timezone.utc
H = timedelta(hours=1)
TICKET = "0b7d3d2e-4c59-5f7e-9a0c-3f1f3f1f3f1f"
CHAIN = ["assignee", "team_lead", "department_manager", "patient_experience_director"]
URGENT = SlaPolicy(acknowledge_within="4h", resolve_within="3d", thresholds=[0.5, 0.75, 0.9],
                   reescalate_every="2h", max_reescalations=3)
OFFICE_POLICY = SlaPolicy(acknowledge_within="4h", resolve_within="2d", thresholds=[0.5],
                          calendar="uk-office")
OFFICE = BusinessCalendar(CalendarConfig.model_validate({
    "timezone": "Europe/London",
    "hours": {d: [["09:00", "17:00"]] for d in ("mon", "tue", "wed", "thu", "fri")},
    "holidays": {"country": "GB", "subdiv": "ENG"},
}), name="uk-office")


def z(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


OPENED = z(2026, 11, 26, 10)  # a Thursday


def opened(at: datetime = OPENED, policy: str = "urgent") -> SlaState:
    return SlaState.open(TICKET, at, policy)


def contract_id(clock: str, threshold: str, level: int) -> str:
    return str(uuid.uuid5(CARELOOP_NS, f"escalation|{TICKET}|{clock}|{threshold}|{level}"))


def rows(items):
    return [(e.clock, e.kind, e.threshold, e.level, e.target, e.due_at) for e in items]


# --------------------------------------------------------------------------- deadlines

def test_24x7_deadlines_are_the_window_after_opening():
    state = opened()
    assert deadline(state, "acknowledge", URGENT, TWENTY_FOUR_SEVEN) == z(2026, 11, 26, 14)
    assert deadline(state, "resolve", URGENT, TWENTY_FOUR_SEVEN) == z(2026, 11, 29, 10)


def test_business_hours_deadlines_skip_nights_weekends_and_bank_holidays():
    state = opened(z(2026, 11, 27, 15))  # Friday 15:00
    assert deadline(state, "acknowledge", OFFICE_POLICY, OFFICE) == z(2026, 11, 30, 11)
    # "2d" is 48 business hours, i.e. six 8-hour working days: Fri 2 h + 40 h + Mon 6 h
    assert deadline(state, "resolve", OFFICE_POLICY, OFFICE) == z(2026, 12, 7, 15)
    christmas = opened(z(2026, 12, 24, 16))
    assert deadline(christmas, "acknowledge", OFFICE_POLICY, OFFICE) == z(2026, 12, 29, 12)


def test_elapsed_and_remaining_count_business_time():
    state = opened(z(2026, 11, 27, 15))
    assert elapsed(state, "acknowledge", OFFICE, z(2026, 11, 29, 12)) == 2 * H
    assert remaining(state, "acknowledge", OFFICE_POLICY, OFFICE, z(2026, 11, 30, 12)) == -H
    assert elapsed(state, "acknowledge", OFFICE, z(2026, 11, 27, 14)) == timedelta(0)


# --------------------------------------------------------------------------- schedule

def test_schedule_lists_warnings_breach_and_re_escalations_for_both_clocks():
    assert rows(schedule(opened(), URGENT, TWENTY_FOUR_SEVEN, CHAIN)) == [
        ("acknowledge", "warning", 0.5, 0, "assignee", z(2026, 11, 26, 12)),
        ("acknowledge", "warning", 0.75, 0, "assignee", z(2026, 11, 26, 13)),
        ("acknowledge", "warning", 0.9, 0, "assignee", z(2026, 11, 26, 13, 36)),
        ("acknowledge", "breach", 1.0, 1, "team_lead", z(2026, 11, 26, 14)),
        ("acknowledge", "re_escalation", 1.0, 2, "department_manager", z(2026, 11, 26, 16)),
        ("acknowledge", "re_escalation", 1.0, 3, "patient_experience_director", z(2026, 11, 26, 18)),
        ("resolve", "warning", 0.5, 0, "assignee", z(2026, 11, 27, 22)),
        ("resolve", "warning", 0.75, 0, "assignee", z(2026, 11, 28, 16)),
        ("resolve", "warning", 0.9, 0, "assignee", z(2026, 11, 29, 2, 48)),
        ("resolve", "breach", 1.0, 1, "team_lead", z(2026, 11, 29, 10)),
        ("resolve", "re_escalation", 1.0, 2, "department_manager", z(2026, 11, 29, 12)),
        ("resolve", "re_escalation", 1.0, 3, "patient_experience_director", z(2026, 11, 29, 14)),
    ]


def test_every_escalation_carries_its_clock_deadline():
    for e in schedule(opened(), URGENT, TWENTY_FOUR_SEVEN, CHAIN):
        assert e.deadline_at == (z(2026, 11, 26, 14) if e.clock == "acknowledge" else z(2026, 11, 29, 10))


def test_thresholds_are_measured_in_business_time():
    state = opened(z(2026, 11, 27, 15))  # Friday 15:00, 4 business hours to acknowledge
    ack = [e for e in schedule(state, OFFICE_POLICY, OFFICE, CHAIN) if e.clock == "acknowledge"]
    assert [(e.kind, e.due_at) for e in ack] == [("warning", z(2026, 11, 27, 17)), ("breach", z(2026, 11, 30, 11))]


def test_re_escalations_stop_at_max_reescalations_on_a_long_chain():
    chain = [f"step-{i}" for i in range(8)]
    re = [e for e in schedule(opened(), URGENT, TWENTY_FOUR_SEVEN, chain)
          if e.clock == "acknowledge" and e.kind == "re_escalation"]
    assert [(e.level, e.target, e.due_at) for e in re] == [
        (2, "step-2", z(2026, 11, 26, 16)), (3, "step-3", z(2026, 11, 26, 18)), (4, "step-4", z(2026, 11, 26, 20)),
    ]


def test_re_escalations_stop_at_the_top_of_the_chain():
    assert escalation_levels(CHAIN, 10) == (1, [2, 3])
    assert escalation_levels(["assignee", "team_lead"], 3) == (1, [])
    assert escalation_levels(["assignee"], 3) == (0, [])
    with pytest.raises(ValueError):
        escalation_levels([], 3)


def test_a_single_entry_chain_gets_warnings_and_breach_at_level_0():
    items = schedule(opened(), URGENT, TWENTY_FOUR_SEVEN, ["px-duty"])
    assert {(e.kind, e.level, e.target) for e in items} == {("warning", 0, "px-duty"), ("breach", 0, "px-duty")}


def test_no_re_escalation_without_reescalate_every_or_with_max_zero():
    for policy in (URGENT.model_copy(update={"reescalate_every": None}),
                   URGENT.model_copy(update={"max_reescalations": 0})):
        assert all(e.kind != "re_escalation" for e in schedule(opened(), policy, TWENTY_FOUR_SEVEN, CHAIN))


# --------------------------------------------------------------------------- ids

def test_escalation_ids_follow_the_contract_formula_and_are_unique():
    items = schedule(opened(), URGENT, TWENTY_FOUR_SEVEN, CHAIN)
    ids = [e.escalation_id(TICKET) for e in items]
    assert len(set(ids)) == len(ids)
    assert ids[0] == contract_id("acknowledge", "0.5", 0)
    assert ids[3] == contract_id("acknowledge", "1", 1)
    assert ids[4] == contract_id("acknowledge", "1", 2)
    again = schedule(SlaState.from_dict(opened().to_dict()), URGENT, TWENTY_FOUR_SEVEN, CHAIN)
    assert [e.escalation_id(TICKET) for e in again] == ids


def test_event_fields_are_rfc3339_utc():
    first = schedule(opened(), URGENT, TWENTY_FOUR_SEVEN, CHAIN)[0]
    assert first.event_fields(TICKET) == {
        "escalation_id": contract_id("acknowledge", "0.5", 0), "ticket_id": TICKET,
        "clock": "acknowledge", "threshold": 0.5, "kind": "warning", "level": 0, "target": "assignee",
        "due_at": "2026-11-26T12:00:00.000000Z", "deadline_at": "2026-11-26T14:00:00.000000Z",
    }


# --------------------------------------------------------------------------- due / next

def test_due_returns_what_fell_due_and_was_not_emitted():
    state = opened()
    now = z(2026, 11, 26, 13, 30)
    items = due(state, URGENT, TWENTY_FOUR_SEVEN, CHAIN, now, set())
    assert [(e.threshold, e.due_at) for e in items] == [(0.5, z(2026, 11, 26, 12)), (0.75, z(2026, 11, 26, 13))]
    emitted = {items[0].escalation_id(TICKET)}
    assert [e.threshold for e in due(state, URGENT, TWENTY_FOUR_SEVEN, CHAIN, now, emitted)] == [0.75]
    assert next_due_at(state, URGENT, TWENTY_FOUR_SEVEN, CHAIN, now, emitted) == z(2026, 11, 26, 13, 36)


def test_an_instant_exactly_at_now_is_due_and_not_next():
    state = opened()
    now = z(2026, 11, 26, 12)
    assert [e.threshold for e in due(state, URGENT, TWENTY_FOUR_SEVEN, CHAIN, now)] == [0.5]
    assert next_due_at(state, URGENT, TWENTY_FOUR_SEVEN, CHAIN, now) == z(2026, 11, 26, 13)


def test_after_a_long_outage_everything_missed_is_due_in_order():
    items = due(opened(), URGENT, TWENTY_FOUR_SEVEN, CHAIN, z(2026, 12, 31))
    assert len(items) == 12
    assert [e.due_at for e in items] == sorted(e.due_at for e in items)
    assert next_due_at(opened(), URGENT, TWENTY_FOUR_SEVEN, CHAIN, z(2026, 12, 31)) is None


# --------------------------------------------------------------------------- lifecycle

def test_acknowledging_stops_the_acknowledge_clock_only():
    state = opened().apply(Acknowledged(z(2026, 11, 26, 12, 30)))
    assert deadline(state, "acknowledge", URGENT, TWENTY_FOUR_SEVEN) is None
    assert deadline(state, "resolve", URGENT, TWENTY_FOUR_SEVEN) == z(2026, 11, 29, 10)
    assert {e.clock for e in schedule(state, URGENT, TWENTY_FOUR_SEVEN, CHAIN)} == {"resolve"}
    # the 0.5 warning fell due before the acknowledgement but was never emitted: not raised now
    assert due(state, URGENT, TWENTY_FOUR_SEVEN, CHAIN, z(2026, 11, 26, 13)) == []
    assert state.clock_status("acknowledge") == "stopped" and state.clock_status("resolve") == "running"


def test_resolving_stops_both_clocks_and_nothing_is_ever_due():
    state = opened().apply(Resolved(z(2026, 11, 26, 11)))
    assert deadline(state, "acknowledge", URGENT, TWENTY_FOUR_SEVEN) is None
    assert deadline(state, "resolve", URGENT, TWENTY_FOUR_SEVEN) is None
    assert schedule(state, URGENT, TWENTY_FOUR_SEVEN, CHAIN) == []
    assert due(state, URGENT, TWENTY_FOUR_SEVEN, CHAIN, z(2027, 1, 1)) == []
    assert next_due_at(state, URGENT, TWENTY_FOUR_SEVEN, CHAIN, z(2026, 11, 26, 11)) is None


def test_reopening_restarts_the_resolve_clock_with_a_fresh_window():
    state = (opened().apply(Acknowledged(z(2026, 11, 26, 11)))
             .apply(Resolved(z(2026, 11, 27, 10))).apply(Reopened(z(2026, 11, 28, 9))))
    assert state.resolve.cycle == 1
    assert deadline(state, "resolve", URGENT, TWENTY_FOUR_SEVEN) == z(2026, 12, 1, 9)
    assert deadline(state, "acknowledge", URGENT, TWENTY_FOUR_SEVEN) is None
    items = schedule(state, URGENT, TWENTY_FOUR_SEVEN, CHAIN)
    assert {e.clock for e in items} == {"resolve"}
    assert items[0].due_at == z(2026, 11, 29, 21) and items[0].cycle == 1
    # the fresh window's escalations are new events, not duplicates of the first cycle's
    first_cycle = {e.escalation_id(TICKET) for e in schedule(opened(), URGENT, TWENTY_FOUR_SEVEN, CHAIN)}
    assert not first_cycle & {e.escalation_id(TICKET) for e in items}
    assert [e.threshold for e in due(state, URGENT, TWENTY_FOUR_SEVEN, CHAIN, z(2026, 11, 29, 21), first_cycle)] == [0.5]


def test_reopening_an_unacknowledged_resolved_ticket_leaves_the_acknowledge_clock_stopped():
    state = opened().apply(Resolved(z(2026, 11, 26, 11))).apply(Reopened(z(2026, 11, 26, 12)))
    assert state.clock_status("acknowledge") == "stopped"
    assert deadline(state, "resolve", URGENT, TWENTY_FOUR_SEVEN) == z(2026, 11, 29, 12)


def test_paused_time_does_not_count_on_either_clock():
    state = opened().apply(Paused(z(2026, 11, 26, 11))).apply(Resumed(z(2026, 11, 26, 12, 30)))
    assert deadline(state, "acknowledge", URGENT, TWENTY_FOUR_SEVEN) == z(2026, 11, 26, 15, 30)
    assert deadline(state, "resolve", URGENT, TWENTY_FOUR_SEVEN) == z(2026, 11, 29, 11, 30)
    ack = [e.due_at for e in schedule(state, URGENT, TWENTY_FOUR_SEVEN, CHAIN) if e.clock == "acknowledge"]
    assert ack[:2] == [z(2026, 11, 26, 13, 30), z(2026, 11, 26, 14, 30)]
    assert elapsed(state, "acknowledge", TWENTY_FOUR_SEVEN, z(2026, 11, 26, 13)) == 90 * timedelta(minutes=1)


def test_pauses_move_deadlines_by_business_time_only():
    start = z(2026, 11, 27, 15)  # Friday 15:00
    weekend_pause = opened(start).apply(Paused(z(2026, 11, 27, 16))).apply(Resumed(z(2026, 11, 30, 10)))
    # paused Fri 16:00-17:00 and Mon 09:00-10:00: two business hours
    assert deadline(weekend_pause, "acknowledge", OFFICE_POLICY, OFFICE) == z(2026, 11, 30, 13)
    night_pause = opened(start).apply(Paused(z(2026, 11, 27, 18))).apply(Resumed(z(2026, 11, 30, 8)))
    assert deadline(night_pause, "acknowledge", OFFICE_POLICY, OFFICE) == z(2026, 11, 30, 11)


def test_while_paused_nothing_new_falls_due_and_the_deadline_moves_out():
    state = opened().apply(Paused(z(2026, 11, 26, 12, 30)))  # after the 0.5 warning (12:00)
    now = z(2026, 11, 26, 20)
    assert [e.threshold for e in due(state, URGENT, TWENTY_FOUR_SEVEN, CHAIN, now)] == [0.5]
    emitted = {contract_id("acknowledge", "0.5", 0), contract_id("resolve", "0.5", 0)}
    assert due(state, URGENT, TWENTY_FOUR_SEVEN, CHAIN, now, emitted) == []
    assert next_due_at(state, URGENT, TWENTY_FOUR_SEVEN, CHAIN, now, emitted) is None
    assert deadline(state, "acknowledge", URGENT, TWENTY_FOUR_SEVEN) == z(2026, 11, 26, 14)
    assert deadline(state, "acknowledge", URGENT, TWENTY_FOUR_SEVEN, now=now) == z(2026, 11, 26, 21, 30)
    assert state.clock_status("acknowledge") == "paused"
    resumed = state.apply(Resumed(now))
    assert next_due_at(resumed, URGENT, TWENTY_FOUR_SEVEN, CHAIN, now, emitted) == z(2026, 11, 26, 20, 30)


def test_a_pause_after_the_deadline_does_not_move_a_breach_that_already_happened():
    state = opened().apply(Paused(z(2026, 11, 26, 15))).apply(Resumed(z(2026, 11, 26, 17)))
    breach = [e for e in schedule(state, URGENT, TWENTY_FOUR_SEVEN, CHAIN)
              if e.clock == "acknowledge" and e.kind == "breach"]
    assert breach[0].due_at == z(2026, 11, 26, 14)
    re = [e.due_at for e in schedule(state, URGENT, TWENTY_FOUR_SEVEN, CHAIN)
          if e.clock == "acknowledge" and e.kind == "re_escalation"]
    assert re == [z(2026, 11, 26, 18), z(2026, 11, 26, 20)]  # 2 h of clock time after the breach


def test_resolving_a_paused_ticket_ends_the_pause():
    state = opened().apply(Paused(z(2026, 11, 26, 11))).apply(Resolved(z(2026, 11, 26, 12)))
    assert not state.is_paused
    assert state.pauses == ((z(2026, 11, 26, 11), z(2026, 11, 26, 12)),)


def test_a_policy_change_re_evaluates_the_clocks_from_their_start():
    standard = SlaPolicy(acknowledge_within="2d", resolve_within="10d")
    state = opened(policy="standard").apply(PolicyChanged(z(2026, 11, 26, 11), "urgent"))
    assert state.policy == "urgent"
    assert deadline(state, "acknowledge", URGENT, TWENTY_FOUR_SEVEN) == z(2026, 11, 26, 14)
    assert deadline(opened(policy="standard"), "acknowledge", standard, TWENTY_FOUR_SEVEN) == z(2026, 11, 28, 10)


def test_redelivered_and_inapplicable_facts_are_ignored():
    state = opened().apply(Acknowledged(z(2026, 11, 26, 11)))
    assert state.apply(Acknowledged(z(2026, 11, 26, 12))) is state
    assert state.apply(Resumed(z(2026, 11, 26, 12))) is state
    assert state.apply(Reopened(z(2026, 11, 26, 12))) is state
    assert state.apply(Opened(z(2026, 11, 26, 12), "urgent")) is state
    paused = state.apply(Paused(z(2026, 11, 26, 12)))
    assert paused.apply(Paused(z(2026, 11, 26, 13))) is paused
    resolved = paused.apply(Resolved(z(2026, 11, 26, 14)))
    assert resolved.apply(Resolved(z(2026, 11, 26, 15))) is resolved
    assert resolved.apply(Paused(z(2026, 11, 26, 15))) is resolved


def test_a_fact_timed_before_the_previous_one_counts_at_the_previous_instant():
    state = opened().apply(Acknowledged(z(2026, 11, 26, 9)))  # clock skew: before opening
    assert state.acknowledged_at == OPENED
    assert elapsed(state, "acknowledge", TWENTY_FOUR_SEVEN, z(2026, 11, 27)) == timedelta(0)


def test_replay_builds_the_same_state_and_it_survives_json():
    facts = [Opened(datetime(2026, 11, 26, 11, tzinfo=timezone(timedelta(hours=1))), "urgent"),
             Paused(z(2026, 11, 26, 11)), Resumed(z(2026, 11, 26, 12)), Acknowledged(z(2026, 11, 26, 13))]
    state = SlaState.replay(TICKET, facts)
    assert state.opened_at == OPENED and state.opened_at.tzinfo is UTC
    assert SlaState.from_dict(json.loads(json.dumps(state.to_dict()))) == state
    with pytest.raises(ValueError, match="Opened"):
        SlaState.replay(TICKET, facts[1:])


def test_naive_times_are_refused():
    with pytest.raises(ValueError, match="naive"):
        SlaState.open(TICKET, datetime(2026, 11, 26, 10), "urgent")
    with pytest.raises(ValueError, match="naive"):
        opened().apply(Acknowledged(datetime(2026, 11, 26, 11)))


def test_dst_change_inside_a_business_hours_window_keeps_local_opening_times():
    # opened Friday 23 Oct 16:00 BST (15:00 UTC); clocks go back on Sunday 25 Oct
    state = opened(z(2026, 10, 23, 15))
    assert deadline(state, "acknowledge", OFFICE_POLICY, OFFICE) == z(2026, 10, 26, 12)  # Mon 12:00 GMT


def test_due_and_next_match_a_plain_filter_of_the_schedule_at_every_hour():
    state = opened().apply(Paused(z(2026, 11, 26, 12, 30))).apply(Resumed(z(2026, 11, 26, 13)))
    full = schedule(state, URGENT, TWENTY_FOUR_SEVEN, CHAIN)
    emitted = {full[0].escalation_id(TICKET), full[5].escalation_id(TICKET)}
    for hour in range(10, 90):
        now = z(2026, 11, 26) + timedelta(hours=hour, minutes=7)
        open_items = [e for e in full if e.escalation_id(TICKET) not in emitted]
        expected_next = min((e.due_at for e in open_items if e.due_at > now), default=None)
        assert due_and_next(state, URGENT, TWENTY_FOUR_SEVEN, CHAIN, now, emitted) == (
            [e for e in open_items if e.due_at <= now], expected_next)


# --------------------------------------------------------------------------- contract glue

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "events"


def test_lifecycle_events_become_sla_facts():
    opened_event = json.loads((FIXTURES / "ticket.opened.v1.json").read_text())
    fact = fact_from_lifecycle(opened_event["type"], opened_event["data"])
    assert fact == Opened(datetime(2026, 11, 26, 9, 58, 3, 1200, tzinfo=UTC), "standard")
    for name, kind in (("ticket.acknowledged.v1.json", Acknowledged), ("ticket.resolved.v1.json", Resolved)):
        event = json.loads((FIXTURES / name).read_text())
        assert isinstance(fact_from_lifecycle(event["type"], event["data"]), kind)
    assigned = json.loads((FIXTURES / "ticket.assigned.v1.json").read_text())
    assert fact_from_lifecycle(assigned["type"], assigned["data"]) is None
    assert fact_from_lifecycle("org.careloop.feedback.received.v1", {}) is None


def test_every_scheduled_escalation_makes_a_schema_valid_event():
    registry = schema_registry.get_registry()
    template = json.loads((FIXTURES / "escalation.raised.v1.json").read_text())
    state = opened().apply(Resolved(z(2026, 11, 26, 11))).apply(Reopened(z(2026, 11, 26, 12)))
    items = schedule(opened(), URGENT, TWENTY_FOUR_SEVEN, CHAIN) + schedule(state, URGENT, TWENTY_FOUR_SEVEN, CHAIN)
    for item in items:
        event = dict(template, data={**template["data"], **item.event_fields(TICKET)})
        registry.validate_event(event)
