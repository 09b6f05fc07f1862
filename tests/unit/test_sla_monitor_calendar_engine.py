"""careloop.sla_monitor.monitor.SlaMonitor end to end on a business calendar: lifecycle
events in through ``handle_lifecycle``, escalations out of ``fire_due`` with a fake
clock, on SQLite. Every expected instant below is worked out by hand from the calendar
(Europe/London, Mon-Fri 09:00-12:00 and 13:00-17:00, GB/ENG bank holidays plus one
explicit closed day) and asserted exactly: nothing one microsecond before, exactly
those escalations at the instant.

The ``standard`` policy: acknowledge within 4 h (240 business minutes), resolve within
16 h (960), warnings at 0.5 / 0.75 / 0.9, breach at 1, re-escalations every 2 h, at
most two. So the acknowledge clock falls due after 120, 180, 216, 240, 360 and 480
business minutes and the resolve clock after 480, 720, 864, 960, 1080 and 1200.
"""
from __future__ import annotations

import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import yaml
from prometheus_client import CollectorRegistry
from sqlalchemy import select

from careloop.core.config import CareloopConfig, load_config
from careloop.core.db import Escalation, SlaClock
from careloop.core.events import (
    TICKET_ACKNOWLEDGED_V1,
    TICKET_ASSIGNED_V1,
    TICKET_OPENED_V1,
    TICKET_PAUSED_V1,
    TICKET_REOPENED_V1,
    TICKET_RESOLVED_V1,
    TICKET_RESUMED_V1,
    encode_event,
    make_event,
)
from careloop.core.ids import escalation_id
from careloop.core.metrics import Metrics
from careloop.core.schema_registry import validate_event
from careloop.core.stage import RecordMeta
from careloop.core.timeutil import format_time, parse_time
from careloop.sla_monitor.monitor import SlaMonitor

LONDON = ZoneInfo("Europe/London")
US = timedelta(microseconds=1)
NS = uuid.UUID("9b1d5a52-6f4e-4d8e-9a57-3f0c2a8e1d11")
TID = str(uuid.uuid5(NS, "ticket-1"))
FID = str(uuid.uuid5(NS, "feedback-1"))
PARTITION = 1
EXPLICIT_HOLIDAY = "2026-12-29"

CONFIG_YAML = """
version: 1
topics: {partitions: 3, replication_factor: 1}
organisation:
  name: Patient Experience team
  directory:
    patient_experience_director: px-director
sources:
  - {name: google_reviews, kind: review, reply_channel: public_review, rating_scale: [1, 5]}
teams:
  - {name: patient-experience, members: [px-agent-1, px-agent-2], lead: px-lead, department_manager: px-manager}
  - {name: clinical-governance, members: [cg-nurse-1, cg-nurse-2], lead: cg-lead,
     department_manager: medical-director-office}
  - {name: estates-facilities, members: [estates-1, estates-2], lead: estates-lead,
     department_manager: estates-manager}
escalation_chains:
  default: [assignee, team_lead, department_manager, patient_experience_director]
  clinical: [assignee, team_lead, department_manager, patient_experience_director]
routing:
  rules:
    - name: risk-to-clinical-governance
      when: {risk_flags_any: [patient_safety]}
      team: clinical-governance
      assign: round_robin
      sla_policy: urgent
      escalation_chain: clinical
    - name: all-other-complaints
      when: {sentiment_in: [negative]}
      team: patient-experience
      assign: round_robin
    - name: no-ticket-for-the-rest
      when: {}
      ticket: false
sla:
  default_thresholds: [0.5, 0.75, 0.9]
  policies:
    urgent:
      acknowledge_within: 1h
      resolve_within: 8h
      calendar: "24x7"
      reescalate_every: 30m
      max_reescalations: 5
    standard:
      acknowledge_within: 4h
      resolve_within: 16h
      calendar: uk-office
      thresholds: [0.5, 0.75, 0.9]
      reescalate_every: 2h
      max_reescalations: 2
    routine:
      acknowledge_within: 4h
      resolve_within: 16h
      calendar: uk-office
      reescalate_every: 2h
      max_reescalations: 1
  policy_rules:
    - when: {severity_at_least: critical}
      policy: urgent
    - when: {}
      policy: standard
  calendars:
    uk-office:
      timezone: Europe/London
      hours:
        mon: [["09:00", "12:00"], ["13:00", "17:00"]]
        tue: [["09:00", "12:00"], ["13:00", "17:00"]]
        wed: [["09:00", "12:00"], ["13:00", "17:00"]]
        thu: [["09:00", "12:00"], ["13:00", "17:00"]]
        fri: [["09:00", "12:00"], ["13:00", "17:00"]]
      holidays: {country: GB, subdiv: ENG, dates: ["2026-12-29"]}
"""


# ------------------------------------------------------------------------ helpers

def base_document() -> dict[str, Any]:
    return yaml.safe_load(CONFIG_YAML)


def write_config(path: Path, document: dict[str, Any]) -> CareloopConfig:
    path.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
    return load_config(path)


@pytest.fixture
def config(tmp_path) -> CareloopConfig:
    return write_config(tmp_path / "careloop.yaml", base_document())


@pytest.fixture
def monitor(config, sessions, clock, metrics) -> SlaMonitor:
    return SlaMonitor(config=config, sessions=sessions, clock=clock, metrics=metrics)


def london(y: int, mo: int, d: int, h: int, mi: int = 0) -> datetime:
    """A London wall-clock time as a UTC instant."""
    return datetime(y, mo, d, h, mi, tzinfo=LONDON).astimezone(timezone.utc)


def utc(y: int, mo: int, d: int, h: int, mi: int = 0) -> datetime:
    return datetime(y, mo, d, h, mi, tzinfo=timezone.utc)


def lifecycle(event_type: str, at: datetime, *, ticket_id: str = TID, **data: Any) -> bytes:
    payload: dict[str, Any] = {"ticket_id": ticket_id, "feedback_id": FID, "at": format_time(at), "actor": "system"}
    if event_type == TICKET_OPENED_V1:
        payload.update(
            facility="st-marys", department="emergency", source="google_reviews", team="patient-experience",
            assignee="px-agent-1", severity="medium", topics=["communication"], risk_flags=[],
            sentiment="negative", sla_policy="standard", routing_rule="all-other-complaints",
            reply_channel="public_review", escalation_chain="default",
        )
    elif event_type in (TICKET_ACKNOWLEDGED_V1, TICKET_RESOLVED_V1, TICKET_REOPENED_V1, TICKET_RESUMED_V1):
        payload.update(actor="px-agent-1", note=None)
    elif event_type == TICKET_PAUSED_V1:
        payload.update(actor="px-agent-1", reason="awaiting_patient", note=None)
    elif event_type == TICKET_ASSIGNED_V1:
        payload.update(actor="px-lead", reason="manual")
    payload.update(data)
    event = make_event(event_type, producer="router", subject=ticket_id, time=at,
                       discriminator=f"{event_type}|{format_time(at)}", data=payload)
    validate_event(event)
    return encode_event(event)


def send(monitor: SlaMonitor, clock, event_type: str, at: datetime, **data: Any) -> None:
    """Deliver a lifecycle event at its own instant (the clock moves there first)."""
    clock.set(at)
    tid = data.get("ticket_id", TID)
    assert monitor.handle_lifecycle(lifecycle(event_type, at, **data),
                                    RecordMeta("tickets.lifecycle", PARTITION, 0, tid.encode())) == []


def fired(outgoing) -> list[tuple]:
    """(clock, threshold, kind, level, target, due_at, deadline_at) of each event, each
    validated against its schema on the way."""
    rows = []
    for o in outgoing:
        validate_event(o.event)
        d = o.event["data"]
        assert o.event["id"] == d["escalation_id"]
        rows.append((d["clock"], d["threshold"], d["kind"], d["level"], d["target"],
                     parse_time(d["due_at"]), parse_time(d["deadline_at"])))
    return rows


STANDARD_STEPS = ((0.5, "warning", 0), (0.75, "warning", 0), (0.9, "warning", 0),
                  (1.0, "breach", 1), (1.0, "re_escalation", 2), (1.0, "re_escalation", 3))
PX_TARGETS = ("px-agent-1", "px-lead", "px-manager", "px-director")


def ladder(clock_name: str, instants: list[datetime], targets: tuple[str, ...] = PX_TARGETS,
           steps=STANDARD_STEPS) -> list[tuple]:
    """A clock's escalations: the breach instant (the fourth) is every one's deadline."""
    assert len(instants) == len(steps)
    deadline = instants[3]
    return [(clock_name, t, kind, level, targets[level], due, deadline)
            for (t, kind, level), due in zip(steps, instants)]


_CLOCK_ORDER = {"acknowledge": 0, "resolve": 1}
_KIND_ORDER = {"warning": 0, "breach": 1, "re_escalation": 2}


def by_instant(*ladders: list[tuple]) -> list[tuple[datetime, list[tuple]]]:
    """Escalations grouped by due instant, in the order fire_due emits them."""
    everything = sorted((e for lad in ladders for e in lad),
                        key=lambda e: (e[5], _CLOCK_ORDER[e[0]], _KIND_ORDER[e[2]], e[1], e[3]))
    groups: dict[datetime, list[tuple]] = {}
    for e in everything:
        groups.setdefault(e[5], []).append(e)
    return list(groups.items())


def falls_due_exactly_at(monitor: SlaMonitor, clock, instant: datetime, expected: list[tuple]) -> list:
    clock.set(instant - US)
    assert fired(monitor.fire_due()) == [], f"something fell due before {instant}"
    clock.set(instant)
    out = monitor.fire_due()
    assert fired(out) == expected
    assert monitor.fire_due() == []
    return out


def walk(monitor: SlaMonitor, clock, schedule: list[tuple[datetime, list[tuple]]]) -> list:
    """Every group falls due exactly at its instant; afterwards nothing is left."""
    out = []
    for instant, expected in schedule:
        assert monitor.next_wake() == instant
        out += falls_due_exactly_at(monitor, clock, instant, expected)
    assert monitor.next_wake() is None
    clock.set(utc(2028, 1, 1, 0))
    assert monitor.fire_due() == []
    return out


def row(sessions, ticket_id: str = TID) -> SlaClock:
    with sessions() as s:
        return s.get(SlaClock, ticket_id)


def escalation_clocks(sessions) -> list[str]:
    with sessions() as s:
        return sorted(s.scalars(select(Escalation.clock)))


# Scenario 1 (Fri 20 Nov 2026 16:30 GMT, 30 business minutes on the Friday): the
# standard ladders of a ticket opened then, Monday 23 Nov onwards (GMT = UTC).
FRIDAY_OPEN = london(2026, 11, 20, 16, 30)
FRIDAY_ACK = [london(2026, 11, 23, 10, 30), london(2026, 11, 23, 11, 30),
              london(2026, 11, 23, 13, 6),  # 186 Monday minutes: 180 in the morning, 6 after lunch
              london(2026, 11, 23, 13, 30), london(2026, 11, 23, 15, 30), london(2026, 11, 24, 9, 30)]
FRIDAY_RESOLVE = [london(2026, 11, 24, 9, 30), london(2026, 11, 24, 14, 30), london(2026, 11, 24, 16, 54),
                  london(2026, 11, 25, 10, 30), london(2026, 11, 25, 13, 30), london(2026, 11, 25, 15, 30)]

# A ticket opened at the start of Monday 23 Nov 2026.
MONDAY_OPEN = london(2026, 11, 23, 9, 0)
MONDAY_ACK = [london(2026, 11, 23, 11, 0), london(2026, 11, 23, 12, 0), london(2026, 11, 23, 13, 36),
              london(2026, 11, 23, 14, 0), london(2026, 11, 23, 16, 0), london(2026, 11, 24, 10, 0)]
MONDAY_RESOLVE = [london(2026, 11, 24, 10, 0), london(2026, 11, 24, 15, 0), london(2026, 11, 25, 9, 24),
                  london(2026, 11, 25, 11, 0), london(2026, 11, 25, 14, 0), london(2026, 11, 25, 16, 0)]


# ------------------------------------------------------------------ 1. calendars

def test_a_ticket_opened_late_on_friday_falls_due_on_monday_around_the_lunch_break(monitor, clock):
    send(monitor, clock, TICKET_OPENED_V1, FRIDAY_OPEN)
    clock.set(london(2026, 11, 22, 23, 59))  # the whole weekend passes: nothing
    assert monitor.fire_due() == []
    walk(monitor, clock, by_instant(ladder("acknowledge", FRIDAY_ACK), ladder("resolve", FRIDAY_RESOLVE)))


def test_the_monitor_records_the_business_deadlines_of_a_friday_ticket(monitor, clock, sessions):
    send(monitor, clock, TICKET_OPENED_V1, FRIDAY_OPEN)
    r = row(sessions)
    assert (r.acknowledge_due_at, r.resolve_due_at) == (FRIDAY_ACK[3], FRIDAY_RESOLVE[3])
    assert r.next_due_at == FRIDAY_ACK[0]
    assert r.paused is False


# ------------------------------------------------------------------- 2. holidays

# Thu 24 Dec 2026 15:30: 90 minutes on Christmas Eve, then Christmas Day (Fri 25),
# the weekend, the Boxing Day substitute (Mon 28) and the explicit closed day (Tue 29);
# the resolve breach also skips New Year's Day (Fri 1 Jan 2027).
XMAS_OPEN = london(2026, 12, 24, 15, 30)


def test_a_ticket_opened_on_christmas_eve_skips_the_bank_holidays_and_the_explicit_closed_day(monitor, clock):
    send(monitor, clock, TICKET_OPENED_V1, XMAS_OPEN)
    clock.set(london(2026, 12, 29, 23, 59))
    assert monitor.fire_due() == []
    ack = [london(2026, 12, 30, 9, 30), london(2026, 12, 30, 10, 30), london(2026, 12, 30, 11, 6),
           london(2026, 12, 30, 11, 30), london(2026, 12, 30, 14, 30), london(2026, 12, 30, 16, 30)]
    resolve = [london(2026, 12, 30, 16, 30), london(2026, 12, 31, 13, 30), london(2026, 12, 31, 15, 54),
               london(2027, 1, 4, 9, 30), london(2027, 1, 4, 11, 30), london(2027, 1, 4, 14, 30)]
    walk(monitor, clock, by_instant(ladder("acknowledge", ack), ladder("resolve", resolve)))


def test_without_the_explicit_closed_day_the_same_ticket_falls_due_on_the_twenty_ninth(tmp_path, sessions, clock,
                                                                                       metrics):
    document = base_document()
    document["sla"]["calendars"]["uk-office"]["holidays"] = {"country": "GB", "subdiv": "ENG"}
    config = write_config(tmp_path / "no-explicit.yaml", document)
    monitor = SlaMonitor(config=config, sessions=sessions, clock=clock, metrics=metrics)
    send(monitor, clock, TICKET_OPENED_V1, XMAS_OPEN)
    clock.set(london(2026, 12, 28, 23, 59))  # Christmas Day and the Boxing Day substitute: closed
    assert monitor.fire_due() == []
    ack = [london(2026, 12, 29, 9, 30), london(2026, 12, 29, 10, 30), london(2026, 12, 29, 11, 6),
           london(2026, 12, 29, 11, 30), london(2026, 12, 29, 14, 30), london(2026, 12, 29, 16, 30)]
    resolve = [london(2026, 12, 29, 16, 30), london(2026, 12, 30, 13, 30), london(2026, 12, 30, 15, 54),
               london(2026, 12, 31, 9, 30), london(2026, 12, 31, 11, 30), london(2026, 12, 31, 14, 30)]
    walk(monitor, clock, by_instant(ladder("acknowledge", ack), ladder("resolve", resolve)))


# ------------------------------------------------------------------------ 3. DST

def test_a_window_spanning_the_spring_clock_change_falls_due_an_hour_earlier_in_utc(monitor, clock):
    # Fri 27 Mar 2026 16:30 GMT = 16:30 UTC; Mon 30 Mar is BST, so 10:30 local = 09:30 UTC.
    opened = london(2026, 3, 27, 16, 30)
    assert opened == utc(2026, 3, 27, 16, 30)
    send(monitor, clock, TICKET_OPENED_V1, opened)
    ack = [utc(2026, 3, 30, 9, 30), utc(2026, 3, 30, 10, 30), utc(2026, 3, 30, 12, 6),
           utc(2026, 3, 30, 12, 30), utc(2026, 3, 30, 14, 30), utc(2026, 3, 31, 8, 30)]
    resolve = [utc(2026, 3, 31, 8, 30), utc(2026, 3, 31, 13, 30), utc(2026, 3, 31, 15, 54),
               utc(2026, 4, 1, 9, 30), utc(2026, 4, 1, 12, 30), utc(2026, 4, 1, 14, 30)]
    walk(monitor, clock, by_instant(ladder("acknowledge", ack), ladder("resolve", resolve)))


def test_a_window_spanning_the_autumn_clock_change_falls_due_an_hour_later_in_utc(monitor, clock):
    # Fri 23 Oct 2026 16:30 BST = 15:30 UTC; Mon 26 Oct is GMT, so 10:30 local = 10:30 UTC.
    opened = london(2026, 10, 23, 16, 30)
    assert opened == utc(2026, 10, 23, 15, 30)
    send(monitor, clock, TICKET_OPENED_V1, opened)
    ack = [utc(2026, 10, 26, 10, 30), utc(2026, 10, 26, 11, 30), utc(2026, 10, 26, 13, 6),
           utc(2026, 10, 26, 13, 30), utc(2026, 10, 26, 15, 30), utc(2026, 10, 27, 9, 30)]
    resolve = [utc(2026, 10, 27, 9, 30), utc(2026, 10, 27, 14, 30), utc(2026, 10, 27, 16, 54),
               utc(2026, 10, 28, 10, 30), utc(2026, 10, 28, 13, 30), utc(2026, 10, 28, 15, 30)]
    walk(monitor, clock, by_instant(ladder("acknowledge", ack), ladder("resolve", resolve)))


# ---------------------------------------------------------------- 4. pause/resume

PAUSED_AT = london(2026, 11, 23, 11, 30)    # 150 business minutes counted
RESUMED_AT = london(2026, 11, 25, 10, 0)    # paused: Mon 30 + 240, Tue 420, Wed 60 = 750 minutes
PAUSED_BUSINESS = timedelta(minutes=750)
# After the resume: the acknowledge clock has 90 minutes left, the resolve clock 810.
RESUMED_ACK = [MONDAY_ACK[0], london(2026, 11, 25, 10, 30), london(2026, 11, 25, 11, 6),
               london(2026, 11, 25, 11, 30), london(2026, 11, 25, 14, 30), london(2026, 11, 25, 16, 30)]
RESUMED_RESOLVE = [london(2026, 11, 25, 16, 30), london(2026, 11, 26, 13, 30), london(2026, 11, 26, 15, 54),
                   london(2026, 11, 27, 9, 30), london(2026, 11, 27, 11, 30), london(2026, 11, 27, 14, 30)]


def test_nothing_new_falls_due_while_a_ticket_is_paused(monitor, clock, sessions):
    send(monitor, clock, TICKET_OPENED_V1, MONDAY_OPEN)
    falls_due_exactly_at(monitor, clock, MONDAY_ACK[0], ladder("acknowledge", MONDAY_ACK)[:1])
    send(monitor, clock, TICKET_PAUSED_V1, PAUSED_AT)
    paused = row(sessions)
    assert paused.paused is True
    assert paused.next_due_at is None
    # While paused the deadlines are given as if it resumed now: at the pause, unchanged.
    assert (paused.acknowledge_due_at, paused.resolve_due_at) == (MONDAY_ACK[3], MONDAY_RESOLVE[3])
    for instant in MONDAY_ACK[1:] + MONDAY_RESOLVE + [RESUMED_AT - US]:
        clock.set(instant)
        assert monitor.fire_due() == []
    assert monitor.next_wake() is None
    assert row(sessions).paused is True


def test_resuming_moves_every_later_instant_out_by_exactly_the_paused_business_time(monitor, clock, sessions,
                                                                                      config):
    send(monitor, clock, TICKET_OPENED_V1, MONDAY_OPEN)
    falls_due_exactly_at(monitor, clock, MONDAY_ACK[0], ladder("acknowledge", MONDAY_ACK)[:1])
    send(monitor, clock, TICKET_PAUSED_V1, PAUSED_AT)
    clock.set(RESUMED_AT - US)
    assert monitor.fire_due() == []
    send(monitor, clock, TICKET_RESUMED_V1, RESUMED_AT)

    ack, resolve = RESUMED_ACK, RESUMED_RESOLVE
    calendar = config.sla.calendar("uk-office")
    for before, after in zip(MONDAY_ACK[1:] + MONDAY_RESOLVE, ack[1:] + resolve):
        assert calendar.between(before, after) == PAUSED_BUSINESS
        assert calendar.add(before, PAUSED_BUSINESS) == after

    resumed = row(sessions)
    assert resumed.paused is False
    assert (resumed.acknowledge_due_at, resumed.resolve_due_at) == (ack[3], resolve[3])
    assert resumed.next_due_at == ack[1]
    walk(monitor, clock, by_instant(ladder("acknowledge", ack)[1:], ladder("resolve", resolve)))


def test_a_monitor_restarted_while_a_ticket_is_paused_resumes_it_at_the_moved_instants(monitor, clock, sessions,
                                                                                        config):
    send(monitor, clock, TICKET_OPENED_V1, MONDAY_OPEN)
    falls_due_exactly_at(monitor, clock, MONDAY_ACK[0], ladder("acknowledge", MONDAY_ACK)[:1])
    send(monitor, clock, TICKET_PAUSED_V1, PAUSED_AT)
    clock.set(london(2026, 11, 24, 12, 0))
    restarted = SlaMonitor(config=config, sessions=sessions, clock=clock, metrics=Metrics(CollectorRegistry()))
    assert restarted.load() == 1
    assert restarted.next_wake() is None
    assert restarted.fire_due() == []
    send(restarted, clock, TICKET_RESUMED_V1, RESUMED_AT)
    assert restarted.next_wake() == RESUMED_ACK[1]
    walk(restarted, clock, by_instant(ladder("acknowledge", RESUMED_ACK)[1:], ladder("resolve", RESUMED_RESOLVE)))


# --------------------------------------------------------------------- 5. reopen

def test_a_reopened_ticket_restarts_the_resolve_clock_with_a_fresh_window_and_new_ids(monitor, clock, sessions):
    send(monitor, clock, TICKET_OPENED_V1, MONDAY_OPEN)
    send(monitor, clock, TICKET_ACKNOWLEDGED_V1, london(2026, 11, 23, 9, 30))
    first = falls_due_exactly_at(monitor, clock, MONDAY_RESOLVE[0], ladder("resolve", MONDAY_RESOLVE)[:1])
    send(monitor, clock, TICKET_RESOLVED_V1, london(2026, 11, 24, 11, 0))
    clock.set(london(2026, 11, 24, 13, 59))
    assert monitor.fire_due() == []

    reopened = london(2026, 11, 24, 14, 0)  # 180 minutes left on Tuesday
    send(monitor, clock, TICKET_REOPENED_V1, reopened)
    r = row(sessions)
    assert r.active == 1 and r.acknowledge_due_at is None
    resolve = [london(2026, 11, 25, 15, 0), london(2026, 11, 26, 11, 0), london(2026, 11, 26, 14, 24),
               london(2026, 11, 26, 16, 0), london(2026, 11, 27, 10, 0), london(2026, 11, 27, 12, 0)]
    assert r.resolve_due_at == resolve[3]
    out = walk(monitor, clock, by_instant(ladder("resolve", resolve)))

    assert {o.event["data"]["clock"] for o in out} == {"resolve"}
    assert [o.event["id"] for o in out] == [
        escalation_id(TID, "resolve#1", t, level) for t, _kind, level in STANDARD_STEPS
    ]
    assert first[0].event["id"] == escalation_id(TID, "resolve", 0.5, 0) != out[0].event["id"]
    assert escalation_clocks(sessions) == ["resolve"] + ["resolve#1"] * 6


def test_a_reopened_ticket_keeps_its_acknowledge_clock_stopped(monitor, clock):
    send(monitor, clock, TICKET_OPENED_V1, MONDAY_OPEN)
    send(monitor, clock, TICKET_RESOLVED_V1, london(2026, 11, 23, 10, 0))  # resolving stops acknowledge too
    send(monitor, clock, TICKET_REOPENED_V1, london(2026, 11, 23, 10, 30))
    clock.set(london(2026, 12, 31, 12, 0))
    out = fired(monitor.fire_due())
    assert len(out) == 6
    assert {e[0] for e in out} == {"resolve"}


# -------------------------------------------------------------- 6. policy change

def shortened_acknowledge(document: dict[str, Any]) -> dict[str, Any]:
    document["sla"]["policies"]["standard"]["acknowledge_within"] = "2h"
    return document


# The Monday ticket under a 2 h acknowledge window: 60, 90, 108, 120, 240, 360 minutes.
SHORT_ACK = [london(2026, 11, 23, 10, 0), london(2026, 11, 23, 10, 30), london(2026, 11, 23, 10, 48),
             london(2026, 11, 23, 11, 0), london(2026, 11, 23, 14, 0), london(2026, 11, 23, 16, 0)]


def test_reloading_a_shortened_acknowledge_window_fires_at_the_new_instants(monitor, clock, tmp_path):
    send(monitor, clock, TICKET_OPENED_V1, MONDAY_OPEN)
    clock.set(london(2026, 11, 23, 9, 30))
    assert monitor.reload(write_config(tmp_path / "changed.yaml", shortened_acknowledge(base_document()))) == 1
    assert monitor.fire_due() == []  # recomputed at once; nothing of the new schedule is due yet
    walk(monitor, clock, by_instant(ladder("acknowledge", SHORT_ACK), ladder("resolve", MONDAY_RESOLVE)))


def test_reloading_after_a_warning_emits_what_became_overdue_once_and_never_the_warning_again(
    monitor, clock, tmp_path, sessions
):
    send(monitor, clock, TICKET_OPENED_V1, MONDAY_OPEN)
    (warned,) = falls_due_exactly_at(monitor, clock, MONDAY_ACK[0], ladder("acknowledge", MONDAY_ACK)[:1])
    assert warned.event["id"] == escalation_id(TID, "acknowledge", 0.5, 0)
    clock.set(london(2026, 11, 23, 11, 15))
    monitor.reload(write_config(tmp_path / "changed.yaml", shortened_acknowledge(base_document())))
    short = ladder("acknowledge", SHORT_ACK)
    assert fired(monitor.fire_due()) == short[1:4]  # 0.75, 0.9 and the breach, late; not 0.5 again
    walk(monitor, clock, by_instant(short[4:], ladder("resolve", MONDAY_RESOLVE)))
    with sessions() as s:
        assert len(s.scalars(select(Escalation.escalation_id)).all()) == 12  # 1 + 3 + 2 + 6


def test_a_fresh_monitor_with_the_changed_config_recomputes_on_load(monitor, clock, tmp_path, sessions):
    send(monitor, clock, TICKET_OPENED_V1, MONDAY_OPEN)
    falls_due_exactly_at(monitor, clock, MONDAY_ACK[0], ladder("acknowledge", MONDAY_ACK)[:1])
    old_version = row(sessions).schedule_version

    clock.set(london(2026, 11, 23, 11, 15))
    changed = write_config(tmp_path / "changed.yaml", shortened_acknowledge(base_document()))
    fresh = SlaMonitor(config=changed, sessions=sessions, clock=clock, metrics=Metrics(CollectorRegistry()))
    assert fresh.load() == 1
    assert fresh.next_wake() == clock()  # schedule_version mismatch: recompute first thing
    short = ladder("acknowledge", SHORT_ACK)
    assert fired(fresh.fire_due()) == short[1:4]
    assert row(sessions).schedule_version != old_version
    assert row(sessions).acknowledge_due_at == SHORT_ACK[3]
    walk(fresh, clock, by_instant(short[4:], ladder("resolve", MONDAY_RESOLVE)))


def test_a_changed_calendar_reschedules_the_tickets_that_use_it(monitor, clock, tmp_path):
    send(monitor, clock, TICKET_OPENED_V1, MONDAY_OPEN)
    clock.set(london(2026, 11, 23, 10, 0))
    document = base_document()
    week = document["sla"]["calendars"]["uk-office"]["hours"]
    for day in week:
        week[day] = [["09:00", "17:00"]]  # no lunch break any more
    assert monitor.reload(write_config(tmp_path / "no-lunch.yaml", document)) == 1
    assert monitor.next_wake() == clock()  # rescheduled at once
    assert monitor.fire_due() == []
    ack = [london(2026, 11, 23, 11, 0), london(2026, 11, 23, 12, 0), london(2026, 11, 23, 12, 36),
           london(2026, 11, 23, 13, 0), london(2026, 11, 23, 15, 0), london(2026, 11, 23, 17, 0)]
    # 480 minutes per day now: 0.5 at the end of Monday, then 240, 384, 480, 600, 720 on Tuesday.
    resolve = [london(2026, 11, 23, 17, 0), london(2026, 11, 24, 13, 0), london(2026, 11, 24, 15, 24),
               london(2026, 11, 24, 17, 0), london(2026, 11, 25, 11, 0), london(2026, 11, 25, 13, 0)]
    walk(monitor, clock, by_instant(ladder("acknowledge", ack), ladder("resolve", resolve)))


# ---------------------------------------------------------- 7. escalation chain

def test_the_escalation_chain_runs_from_the_assignee_to_the_director(monitor, clock):
    send(monitor, clock, TICKET_OPENED_V1, MONDAY_OPEN)
    out = walk(monitor, clock, by_instant(ladder("acknowledge", MONDAY_ACK), ladder("resolve", MONDAY_RESOLVE)))
    ack = [(e[2], e[3], e[4]) for e in fired(out) if e[0] == "acknowledge"]
    assert ack == [("warning", 0, "px-agent-1")] * 3 + [
        ("breach", 1, "px-lead"), ("re_escalation", 2, "px-manager"), ("re_escalation", 3, "px-director")]


def test_re_escalations_stop_at_max_reescalations(monitor, clock):
    send(monitor, clock, TICKET_OPENED_V1, MONDAY_OPEN, sla_policy="routine")
    walk(monitor, clock, by_instant(ladder("acknowledge", MONDAY_ACK[:5], steps=STANDARD_STEPS[:5]),
                                    ladder("resolve", MONDAY_RESOLVE[:5], steps=STANDARD_STEPS[:5])))


def test_re_escalations_stop_at_the_end_of_the_chain_even_below_max_reescalations(monitor, clock):
    # Urgent is 24x7 (the weekend counts) and allows five re-escalations; the chain has room for two.
    opened = utc(2026, 11, 21, 3, 0)
    send(monitor, clock, TICKET_OPENED_V1, opened, team="clinical-governance", assignee="cg-nurse-2",
         sla_policy="urgent", escalation_chain="clinical", severity="critical")
    cg = ("cg-nurse-2", "cg-lead", "medical-director-office", "px-director")
    ack = [utc(2026, 11, 21, 3, 30), utc(2026, 11, 21, 3, 45), utc(2026, 11, 21, 3, 54),
           utc(2026, 11, 21, 4, 0), utc(2026, 11, 21, 4, 30), utc(2026, 11, 21, 5, 0)]
    resolve = [utc(2026, 11, 21, 7, 0), utc(2026, 11, 21, 9, 0), utc(2026, 11, 21, 10, 12),
               utc(2026, 11, 21, 11, 0), utc(2026, 11, 21, 11, 30), utc(2026, 11, 21, 12, 0)]
    walk(monitor, clock, by_instant(ladder("acknowledge", ack, cg), ladder("resolve", resolve, cg)))


def test_a_ticket_assigned_to_another_team_escalates_to_that_teams_lead(monitor, clock):
    send(monitor, clock, TICKET_OPENED_V1, MONDAY_OPEN)
    falls_due_exactly_at(monitor, clock, MONDAY_ACK[0], ladder("acknowledge", MONDAY_ACK)[:1])
    send(monitor, clock, TICKET_ASSIGNED_V1, london(2026, 11, 23, 11, 30), team="estates-facilities",
         assignee="estates-2")
    estates = ("estates-2", "estates-lead", "estates-manager", "px-director")
    out = walk(monitor, clock, by_instant(ladder("acknowledge", MONDAY_ACK, estates)[1:],
                                          ladder("resolve", MONDAY_RESOLVE, estates)))
    assert {o.event["data"]["team"] for o in out} == {"estates-facilities"}


# ------------------------------------------------------------- 8. stopped clocks

def test_nothing_at_all_is_emitted_for_a_resolved_ticket(monitor, clock, sessions):
    send(monitor, clock, TICKET_OPENED_V1, MONDAY_OPEN)
    send(monitor, clock, TICKET_RESOLVED_V1, london(2026, 11, 23, 10, 0))
    for instant in MONDAY_ACK + MONDAY_RESOLVE + [utc(2027, 6, 1, 12), utc(2030, 1, 1, 0)]:
        clock.set(instant)
        assert monitor.fire_due() == []
    assert monitor.next_wake() is None
    assert escalation_clocks(sessions) == []
    assert row(sessions).active == 0


def test_nothing_falls_due_on_the_acknowledge_clock_after_acknowledgement(monitor, clock):
    send(monitor, clock, TICKET_OPENED_V1, MONDAY_OPEN)
    falls_due_exactly_at(monitor, clock, MONDAY_ACK[0], ladder("acknowledge", MONDAY_ACK)[:1])
    send(monitor, clock, TICKET_ACKNOWLEDGED_V1, london(2026, 11, 23, 11, 45))
    walk(monitor, clock, by_instant(ladder("resolve", MONDAY_RESOLVE)))


# -------------------------------------------------------------------- 9. metrics

def test_time_to_acknowledge_observes_the_business_seconds_to_acknowledgement(monitor, clock, metrics):
    send(monitor, clock, TICKET_OPENED_V1, FRIDAY_OPEN)
    send(monitor, clock, TICKET_ACKNOWLEDGED_V1, london(2026, 11, 23, 9, 45))  # 30 Friday + 45 Monday minutes
    get = metrics.registry.get_sample_value
    assert get("careloop_time_to_acknowledge_seconds_count") == 1
    assert get("careloop_time_to_acknowledge_seconds_sum") == 75 * 60


def test_refresh_gauges_counts_open_tickets_by_team_clock_and_state_and_the_compliance(
    monitor, clock, metrics, sessions
):
    t = {name: str(uuid.uuid5(NS, name)) for name in ("late", "overdue", "fresh", "paused", "acked", "resolved")}
    # Friday ticket acknowledged on Monday, after its Friday 14:00 deadline.
    send(monitor, clock, TICKET_OPENED_V1, london(2026, 11, 20, 9, 0), ticket_id=t["late"])
    for name in ("overdue", "paused", "acked", "resolved"):
        team = "estates-facilities" if name == "paused" else "patient-experience"
        send(monitor, clock, TICKET_OPENED_V1, MONDAY_OPEN, ticket_id=t[name], team=team)
    send(monitor, clock, TICKET_ACKNOWLEDGED_V1, london(2026, 11, 23, 9, 30), ticket_id=t["late"])
    send(monitor, clock, TICKET_RESOLVED_V1, london(2026, 11, 23, 9, 30), ticket_id=t["resolved"])
    send(monitor, clock, TICKET_PAUSED_V1, london(2026, 11, 23, 10, 0), ticket_id=t["paused"])
    send(monitor, clock, TICKET_ACKNOWLEDGED_V1, london(2026, 11, 23, 10, 0), ticket_id=t["acked"])
    send(monitor, clock, TICKET_OPENED_V1, london(2026, 11, 23, 14, 0), ticket_id=t["fresh"])

    clock.set(london(2026, 11, 23, 15, 0))  # "overdue" passed its 14:00 acknowledge deadline
    monitor.refresh_gauges()
    get = metrics.registry.get_sample_value

    def open_tickets(team: str, clock_name: str, state: str) -> float | None:
        return get("careloop_sla_open_tickets", {"team": team, "clock": clock_name, "state": state})

    assert open_tickets("patient-experience", "acknowledge", "breached") == 1    # overdue
    assert open_tickets("patient-experience", "acknowledge", "running") == 1     # fresh
    assert open_tickets("patient-experience", "acknowledge", "paused") is None
    assert open_tickets("estates-facilities", "acknowledge", "paused") == 1
    assert open_tickets("patient-experience", "resolve", "running") == 4         # late, overdue, acked, fresh
    assert open_tickets("patient-experience", "resolve", "breached") is None
    assert open_tickets("estates-facilities", "resolve", "paused") == 1
    assert open_tickets("estates-facilities", "resolve", "running") is None
    # acknowledged within: acked, resolved (resolving stops it in time); late was not.
    assert get("careloop_sla_compliance_ratio", {"clock": "acknowledge"}) == pytest.approx(2 / 3)
    assert get("careloop_sla_compliance_ratio", {"clock": "resolve"}) == 1.0


def test_refresh_gauges_marks_a_clock_breached_once_its_deadline_passes(monitor, clock, metrics):
    send(monitor, clock, TICKET_OPENED_V1, MONDAY_OPEN)
    labels = {"team": "patient-experience", "clock": "resolve"}
    get = metrics.registry.get_sample_value
    clock.set(MONDAY_RESOLVE[3] - US)
    monitor.refresh_gauges()
    assert get("careloop_sla_open_tickets", {**labels, "state": "running"}) == 1
    clock.set(MONDAY_RESOLVE[3] + US)
    monitor.refresh_gauges()
    assert get("careloop_sla_open_tickets", {**labels, "state": "running"}) is None
    assert get("careloop_sla_open_tickets", {**labels, "state": "breached"}) == 1

