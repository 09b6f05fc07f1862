"""SLA clocks of one ticket and the escalations they schedule. Pure: time is an argument.

State
-----
``SlaState`` is an immutable value built by applying lifecycle facts in order::

    state = SlaState.open(ticket_id, opened_at, "standard")
    state = state.apply(Paused(t1)).apply(Resumed(t2)).apply(Acknowledged(t3))

Two clocks, both started when the ticket opens:

- ``acknowledge`` stops at the acknowledgement, or at the resolution if that comes first;
  it never restarts.
- ``resolve`` stops at the resolution. ``Reopened`` restarts it from the reopen instant
  with a fresh, full window; each restart increments its ``cycle``.

``Paused`` / ``Resumed`` (awaiting the patient): paused time does not count on either
running clock, so deadlines move out by the business time spent paused. Resolving a
paused ticket ends the pause.

Applying is forgiving, because lifecycle events can be redelivered: a fact that does not
apply is ignored (a second acknowledgement, pausing a paused or resolved ticket,
resuming a running one, reopening an open one, a repeated ``Opened``). A fact timed
before the previous applied fact is taken to happen at that previous instant, so clocks
never run backwards.

``PolicyChanged`` swaps the policy name; the caller then passes the new ``SlaPolicy``
and its calendar, and the clocks are re-evaluated as if that policy had applied from
each clock's start (thresholds already past become due at once unless emitted).

Escalations
-----------
For each *running* clock with window ``W`` (business time of the policy's calendar,
pauses excluded; note ``"2d"`` on a 9-17 calendar is 48 business hours, six working
days; write ``16h`` for two):

- ``warning``: threshold ``t`` (each configured fraction < 1) falls due when the clock
  has counted ``t * W``; level 0 (the first chain entry, e.g. ``assignee``).
- ``breach``: threshold 1 at ``W`` (the deadline); level 1 (``team_lead``), or 0 when
  the chain has a single entry.
- ``re_escalation``: threshold 1 at ``W + n * reescalate_every`` (n = 1, 2, ...);
  level = breach level + n.

Re-escalations (n = 1, 2, ...) stop after ``max_reescalations`` or when the last chain
entry has been reached, whichever comes first: every escalation of a clock has its own
(threshold, level), so its id is unique. ``target`` is the chain entry at ``level``
(a role such as ``team_lead`` or a staff id; resolving roles to people is the caller's).

Ids follow docs/contracts.md: ``escalation_id(ticket, clock, threshold, level)``. On a
reopened resolve clock (``cycle`` n >= 1) the clock part of the id is ``"resolve#n"``
so the fresh window's escalations are new events rather than duplicates of the first
cycle's; the event's ``clock`` field stays ``"resolve"``.

A stopped clock schedules nothing (nothing for a resolved ticket; nothing on the
acknowledge clock once acknowledged), even thresholds that were reached but never
emitted. A paused clock schedules only what it reached before the pause, so nothing
new falls due while paused.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any, Iterable, Literal, Mapping, Sequence, Union

from careloop.core.ids import escalation_id as _escalation_id
from careloop.sla_monitor.calendars import (  # re-exported: the contracts name this module
    TWENTY_FOUR_SEVEN,
    BusinessCalendar,
    Calendar,
    CalendarConfig,
    HolidaysConfig,
    TwentyFourSeven,
    build_calendar,
    to_utc,
)
from careloop.sla_monitor.policies import (  # re-exported
    CLOCKS,
    DEFAULT_THRESHOLDS,
    ClockName,
    NoSlaPolicy,
    PolicyRule,
    SlaPolicy,
    SlaSection,
    UnknownSlaPolicy,
    select_policy,
)

EscalationKind = Literal["warning", "breach", "re_escalation"]
_KIND_ORDER = {"warning": 0, "breach": 1, "re_escalation": 2}
_CLOCK_ORDER = {"acknowledge": 0, "resolve": 1}


# --------------------------------------------------------------------------- facts

@dataclass(frozen=True)
class Opened:
    at: datetime
    policy: str


@dataclass(frozen=True)
class Acknowledged:
    at: datetime


@dataclass(frozen=True)
class Resolved:
    at: datetime


@dataclass(frozen=True)
class Reopened:
    at: datetime


@dataclass(frozen=True)
class Paused:
    """Awaiting the patient: the clocks stop counting."""

    at: datetime


@dataclass(frozen=True)
class Resumed:
    at: datetime


@dataclass(frozen=True)
class PolicyChanged:
    at: datetime
    policy: str


Fact = Union[Opened, Acknowledged, Resolved, Reopened, Paused, Resumed, PolicyChanged]


_LIFECYCLE_PREFIX = "org.careloop.ticket."


def fact_from_lifecycle(event_type: str, data: Mapping[str, Any]) -> Fact | None:
    """The SLA fact in a ``tickets.lifecycle`` event (its CloudEvents ``type`` and
    ``data``), or None for events that do not touch the clocks (``assigned``, unknown).

    v1 has ``opened`` (-> ``Opened(at, sla_policy)``), ``acknowledged``, ``resolved``,
    ``reopened`` (-> ``Reopened``), ``paused`` (awaiting the patient, -> ``Paused``) and
    ``resumed`` (-> ``Resumed``); ``assigned`` and ``note_added`` give None.
    Raises ``KeyError`` / ``ValueError`` when a needed field is missing or malformed.
    """
    from careloop.core.timeutil import parse_time

    if not event_type.startswith(_LIFECYCLE_PREFIX):
        return None
    kind = event_type[len(_LIFECYCLE_PREFIX):].rsplit(".", 1)[0]
    if kind == "opened":
        return Opened(parse_time(data["at"]), str(data["sla_policy"]))
    if kind == "acknowledged":
        return Acknowledged(parse_time(data["at"]))
    if kind == "resolved":
        return Resolved(parse_time(data["at"]))
    if kind == "reopened":
        return Reopened(parse_time(data["at"]))
    if kind == "paused":
        return Paused(parse_time(data["at"]))
    if kind == "resumed":
        return Resumed(parse_time(data["at"]))
    return None


# --------------------------------------------------------------------------- state

@dataclass(frozen=True)
class ClockRun:
    """One run of a clock: from ``started_at`` until ``stopped_at`` (None = running)."""

    started_at: datetime
    stopped_at: datetime | None = None
    cycle: int = 0

    @property
    def running(self) -> bool:
        return self.stopped_at is None


@dataclass(frozen=True)
class SlaState:
    ticket_id: str
    policy: str
    opened_at: datetime
    acknowledge: ClockRun
    resolve: ClockRun
    last_at: datetime
    acknowledged_at: datetime | None = None
    resolved_at: datetime | None = None
    pauses: tuple[tuple[datetime, datetime], ...] = ()  # finished pauses, in order
    paused_since: datetime | None = None

    # -- building --------------------------------------------------------------------

    @classmethod
    def open(cls, ticket_id: str, at: datetime, policy: str) -> "SlaState":
        at = to_utc(at)
        return cls(ticket_id=ticket_id, policy=policy, opened_at=at,
                   acknowledge=ClockRun(at), resolve=ClockRun(at), last_at=at)

    @classmethod
    def replay(cls, ticket_id: str, facts: Iterable[Fact]) -> "SlaState":
        """The state after ``facts``, the first of which must be ``Opened``."""
        it = iter(facts)
        first = next(it, None)
        if not isinstance(first, Opened):
            raise ValueError("a ticket's SLA facts must start with Opened")
        state = cls.open(ticket_id, first.at, first.policy)
        for fact in it:
            state = state.apply(fact)
        return state

    def apply(self, fact: Fact) -> "SlaState":
        """The state after ``fact`` (``self`` when the fact does not apply)."""
        at = max(to_utc(fact.at), self.last_at)
        if isinstance(fact, Acknowledged):
            if self.acknowledged_at is not None or self.is_resolved:
                return self
            return replace(self, acknowledged_at=at, last_at=at,
                           acknowledge=replace(self.acknowledge, stopped_at=at))
        if isinstance(fact, Resolved):
            if self.is_resolved:
                return self
            pauses = self._closed_pauses(at)
            ack = self.acknowledge if not self.acknowledge.running else replace(self.acknowledge, stopped_at=at)
            return replace(self, resolved_at=at, last_at=at, pauses=pauses, paused_since=None,
                           acknowledge=ack, resolve=replace(self.resolve, stopped_at=at))
        if isinstance(fact, Reopened):
            if not self.is_resolved:
                return self
            return replace(self, resolved_at=None, last_at=at,
                           resolve=ClockRun(at, None, self.resolve.cycle + 1))
        if isinstance(fact, Paused):
            if self.is_resolved or self.is_paused:
                return self
            return replace(self, paused_since=at, last_at=at)
        if isinstance(fact, Resumed):
            if not self.is_paused:
                return self
            return replace(self, pauses=self._closed_pauses(at), paused_since=None, last_at=at)
        if isinstance(fact, PolicyChanged):
            if fact.policy == self.policy:
                return self
            return replace(self, policy=fact.policy, last_at=at)
        if isinstance(fact, Opened):
            return self
        raise TypeError(f"not an SLA fact: {type(fact).__name__}")

    def _closed_pauses(self, at: datetime) -> tuple[tuple[datetime, datetime], ...]:
        if self.paused_since is None or at <= self.paused_since:
            return self.pauses
        return self.pauses + ((self.paused_since, at),)

    # -- reading ---------------------------------------------------------------------

    @property
    def is_resolved(self) -> bool:
        return self.resolved_at is not None

    @property
    def is_acknowledged(self) -> bool:
        return self.acknowledged_at is not None

    @property
    def is_paused(self) -> bool:
        return self.paused_since is not None

    def clock(self, name: ClockName) -> ClockRun:
        if name == "acknowledge":
            return self.acknowledge
        if name == "resolve":
            return self.resolve
        raise ValueError(f"unknown clock {name!r} (expected 'acknowledge' or 'resolve')")

    def clock_status(self, name: ClockName) -> Literal["running", "paused", "stopped"]:
        if not self.clock(name).running:
            return "stopped"
        return "paused" if self.is_paused else "running"

    # -- storage ---------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready (RFC 3339 strings); ``from_dict`` reads it back."""
        iso = lambda dt: None if dt is None else dt.isoformat()  # noqa: E731
        run = lambda r: {"started_at": iso(r.started_at), "stopped_at": iso(r.stopped_at),  # noqa: E731
                         "cycle": r.cycle}
        return {
            "ticket_id": self.ticket_id, "policy": self.policy, "opened_at": iso(self.opened_at),
            "acknowledge": run(self.acknowledge), "resolve": run(self.resolve),
            "last_at": iso(self.last_at), "acknowledged_at": iso(self.acknowledged_at),
            "resolved_at": iso(self.resolved_at),
            "pauses": [[iso(a), iso(b)] for a, b in self.pauses],
            "paused_since": iso(self.paused_since),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "SlaState":
        t = lambda s: None if s is None else to_utc(datetime.fromisoformat(s))  # noqa: E731
        run = lambda d: ClockRun(t(d["started_at"]), t(d["stopped_at"]), int(d["cycle"]))  # noqa: E731
        return cls(
            ticket_id=data["ticket_id"], policy=data["policy"], opened_at=t(data["opened_at"]),
            acknowledge=run(data["acknowledge"]), resolve=run(data["resolve"]),
            last_at=t(data["last_at"]), acknowledged_at=t(data["acknowledged_at"]),
            resolved_at=t(data["resolved_at"]),
            pauses=tuple((t(a), t(b)) for a, b in data["pauses"]),
            paused_since=t(data["paused_since"]),
        )


# --------------------------------------------------------------------------- clock maths

_Pause = tuple[datetime, "datetime | None"]


def _pauses_in(state: SlaState, run: ClockRun) -> list[_Pause]:
    """Pauses overlapping ``run``, clipped to it; an ongoing pause ends with None."""
    out: list[_Pause] = []
    spans: list[_Pause] = list(state.pauses)
    if state.paused_since is not None:
        spans.append((state.paused_since, None))
    for start, end in spans:
        if end is not None and end <= run.started_at:
            continue
        if run.stopped_at is not None:
            if start >= run.stopped_at:
                continue
            end = run.stopped_at if end is None else min(end, run.stopped_at)
        out.append((max(start, run.started_at), end))
    return out


def _instants_for(calendar: Calendar, start: datetime, pauses: Sequence[_Pause],
                  budgets: Sequence[timedelta]) -> list[datetime | None]:
    """For each budget (non-decreasing), when that much unpaused business time since
    ``start`` is used up; None for budgets an ongoing pause reaches first."""
    out: list[datetime | None] = []
    cursor, used, i, n = start, timedelta(0), 0, len(budgets)
    for p_start, p_end in pauses:
        if p_start > cursor:
            segment = calendar.between(cursor, p_start)
            j = i
            while j < n and budgets[j] - used <= segment:
                j += 1
            out += calendar.add_many(cursor, [b - used for b in budgets[i:j]])
            i, used = j, used + segment
        if p_end is None:
            return out + [None] * (n - i)
        cursor = max(cursor, p_end)
    return out + calendar.add_many(cursor, [b - used for b in budgets[i:]])


def _as_if_resumed(pauses: list[_Pause], at: datetime) -> list[_Pause]:
    return [(s, e if e is not None else max(s, at)) for s, e in pauses]


def elapsed(state: SlaState, clock: ClockName, calendar: Calendar, now: datetime) -> timedelta:
    """Unpaused business time the clock has counted up to ``now`` (or its stop)."""
    run = state.clock(clock)
    now = to_utc(now)
    end = now if run.stopped_at is None else min(now, run.stopped_at)
    if end <= run.started_at:
        return timedelta(0)
    total = calendar.between(run.started_at, end)
    for p_start, p_end in _pauses_in(state, run):
        p_end = end if p_end is None else min(p_end, end)
        if p_end > p_start:
            total -= calendar.between(p_start, p_end)
    return total


def remaining(state: SlaState, clock: ClockName, policy: SlaPolicy, calendar: Calendar,
              now: datetime) -> timedelta:
    """Business time left before the deadline at ``now``; negative once breached."""
    return policy.window(clock) - elapsed(state, clock, calendar, now)


def deadline(state: SlaState, clock: ClockName, policy: SlaPolicy, calendar: Calendar,
             *, now: datetime | None = None) -> datetime | None:
    """The clock's deadline, or None when the clock is stopped.

    While paused the deadline is not fixed yet: it is given as if the clock resumed at
    ``now`` (default: at the pause instant, the earliest it can be).
    """
    run = state.clock(clock)
    if not run.running:
        return None
    pauses = _pauses_in(state, run)
    if state.paused_since is not None:
        pauses = _as_if_resumed(pauses, to_utc(now) if now is not None else state.paused_since)
    return _instants_for(calendar, run.started_at, pauses, [policy.window(clock)])[0]


# --------------------------------------------------------------------------- escalations

@dataclass(frozen=True)
class ScheduledEscalation:
    clock: ClockName
    threshold: float          # fraction of the window; 1.0 for breach and re-escalations
    kind: EscalationKind
    level: int                # index in the escalation chain
    target: str               # chain[level]
    due_at: datetime
    deadline_at: datetime
    cycle: int = 0            # resolve clock restarts (reopens) before this one

    def escalation_id(self, ticket_id: str) -> str:
        clock_key = self.clock if self.cycle == 0 else f"{self.clock}#{self.cycle}"
        return _escalation_id(ticket_id, clock_key, self.threshold, self.level)

    def event_fields(self, ticket_id: str) -> dict[str, Any]:
        """The escalation-specific fields of ``escalation.raised.v1`` data."""
        from careloop.core.timeutil import format_time

        return {
            "escalation_id": self.escalation_id(ticket_id),
            "ticket_id": ticket_id,
            "clock": self.clock,
            "threshold": self.threshold,
            "kind": self.kind,
            "level": self.level,
            "target": self.target,
            "due_at": format_time(self.due_at),
            "deadline_at": format_time(self.deadline_at),
        }


def escalation_levels(chain: Sequence[str], max_reescalations: int) -> tuple[int, list[int]]:
    """(breach level, re-escalation levels) for a chain: breach one step above the
    warnings, each re-escalation one more, never past the last entry."""
    if not chain:
        raise ValueError("an escalation chain needs at least one entry")
    top = len(chain) - 1
    breach = min(1, top)
    return breach, list(range(breach + 1, min(top, breach + max_reescalations) + 1))


def schedule(state: SlaState, policy: SlaPolicy, calendar: Calendar, chain: Sequence[str],
             *, now: datetime | None = None) -> list[ScheduledEscalation]:
    """Every escalation instant of the running clocks, ordered by ``due_at``.

    ``now`` only matters while paused: it fixes the provisional ``deadline_at`` of what
    was reached before the pause (see ``deadline``).
    """
    breach_level, re_levels = escalation_levels(chain, policy.max_reescalations)
    if policy.reescalate_every is None:
        re_levels = []
    out: list[ScheduledEscalation] = []
    for clock in CLOCKS:
        run = state.clock(clock)
        if not run.running:
            continue
        window = policy.window(clock)
        steps: list[tuple[float, EscalationKind, int, timedelta]] = [
            (t, "warning", 0, window * t) for t in policy.effective_thresholds
        ]
        steps.append((1.0, "breach", breach_level, window))
        for n, level in enumerate(re_levels, start=1):
            steps.append((1.0, "re_escalation", level, window + n * policy.reescalate_every))
        instants = _instants_for(calendar, run.started_at, _pauses_in(state, run),
                                 [budget for *_, budget in steps])
        dl = instants[len(policy.effective_thresholds)]  # the breach instant is the deadline
        if dl is None:  # paused before the deadline: provisional, as if resumed at `now`
            dl = deadline(state, clock, policy, calendar, now=now)
            assert dl is not None
        for (threshold, kind, level, _), due_at in zip(steps, instants):
            if due_at is None:  # not reached before the ongoing pause
                break
            out.append(ScheduledEscalation(
                clock=clock, threshold=float(threshold), kind=kind, level=level,
                target=chain[level], due_at=due_at, deadline_at=dl, cycle=run.cycle,
            ))
    out.sort(key=lambda e: (e.due_at, _CLOCK_ORDER[e.clock], _KIND_ORDER[e.kind], e.threshold, e.level))
    return out


def due_and_next(state: SlaState, policy: SlaPolicy, calendar: Calendar, chain: Sequence[str],
                 now: datetime, already_emitted: Iterable[str] = frozenset(),
                 ) -> tuple[list[ScheduledEscalation], datetime | None]:
    """``(due(...), next_due_at(...))`` from one schedule computation."""
    now = to_utc(now)
    emitted = already_emitted if isinstance(already_emitted, (set, frozenset)) else set(already_emitted)
    ready: list[ScheduledEscalation] = []
    upcoming: datetime | None = None
    for e in schedule(state, policy, calendar, chain, now=now):
        if e.due_at > now and upcoming is not None:
            continue
        if e.escalation_id(state.ticket_id) in emitted:
            continue
        if e.due_at <= now:
            ready.append(e)
        else:
            upcoming = e.due_at
    return ready, upcoming


def due(state: SlaState, policy: SlaPolicy, calendar: Calendar, chain: Sequence[str],
        now: datetime, already_emitted: Iterable[str] = frozenset()) -> list[ScheduledEscalation]:
    """Escalations with ``due_at <= now`` whose id is not in ``already_emitted``, in
    ``due_at`` order."""
    return due_and_next(state, policy, calendar, chain, now, already_emitted)[0]


def next_due_at(state: SlaState, policy: SlaPolicy, calendar: Calendar, chain: Sequence[str],
                now: datetime, already_emitted: Iterable[str] = frozenset()) -> datetime | None:
    """The earliest ``due_at`` after ``now`` not yet emitted; None when nothing is ahead
    (clocks stopped or paused, everything emitted)."""
    return due_and_next(state, policy, calendar, chain, now, already_emitted)[1]


__all__ = [
    "Acknowledged", "BusinessCalendar", "CLOCKS", "Calendar", "CalendarConfig", "ClockName",
    "ClockRun", "DEFAULT_THRESHOLDS", "EscalationKind", "Fact", "HolidaysConfig",
    "NoSlaPolicy", "Opened", "Paused", "PolicyChanged", "PolicyRule", "Reopened", "Resolved",
    "Resumed", "ScheduledEscalation", "SlaPolicy", "SlaSection", "SlaState", "TWENTY_FOUR_SEVEN",
    "TwentyFourSeven", "UnknownSlaPolicy", "build_calendar", "deadline", "due", "elapsed",
    "due_and_next", "escalation_levels", "fact_from_lifecycle", "next_due_at", "remaining", "schedule", "select_policy", "to_utc",
]
