"""The SLA monitor's engine: ticket clocks in memory, a heap of the next instants, and
the database as the arbiter of "exactly once".

An escalation is claimed by inserting its row (unique per ticket, clock, threshold and
level) before it is published; whoever inserts it publishes it, a second claimant
(a restarted or rebalanced worker) finds the row and does nothing. Rows whose event was
not confirmed as delivered are published again at start, under the same event id.
"""
from __future__ import annotations

import heapq
from dataclasses import dataclass, field
from datetime import datetime
from typing import Callable, Iterable

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import sessionmaker

from careloop.core.config import CareloopConfig
from careloop.core.db import Escalation, SlaClock
from careloop.core.errors import TransientError
from careloop.core.events import (
    ESCALATION_RAISED_V1,
    TICKET_ACKNOWLEDGED_V1,
    TICKET_ASSIGNED_V1,
    TICKET_OPENED_V1,
    TICKET_RESOLVED_V1,
    TICKETS_ESCALATIONS,
    TICKETS_LIFECYCLE,
    decode_event,
    make_event,
    validate_outgoing,
)
from careloop.core.ids import format_threshold
from careloop.core.metrics import Metrics
from careloop.core.stage import Outgoing, RecordMeta
from careloop.core.timeutil import format_time, parse_time
from careloop.router.assignment import resolve_chain_target
from careloop.sla_monitor.deadlines import (
    Acknowledged,
    Resolved,
    ScheduledEscalation,
    SlaState,
    due,
    due_and_next,
)

LIFECYCLE_TYPES = frozenset({TICKET_OPENED_V1, TICKET_ASSIGNED_V1, TICKET_ACKNOWLEDGED_V1, TICKET_RESOLVED_V1})


@dataclass
class TrackedTicket:
    row: SlaClock
    state: SlaState
    emitted: set[str] = field(default_factory=set)


@dataclass
class SlaMonitor:
    config: CareloopConfig
    sessions: sessionmaker
    clock: Callable[[], datetime]
    metrics: Metrics
    tickets: dict[str, TrackedTicket] = field(default_factory=dict)
    # (instant, ticket id); stale entries are skipped when popped.
    heap: list[tuple[datetime, str]] = field(default_factory=list)

    # -- loading -------------------------------------------------------------------
    def load(self, partitions: Iterable[int] | None = None) -> int:
        """Load the running clocks (of the given lifecycle partitions, or all)."""
        with self.sessions() as session:
            query = select(SlaClock).where(SlaClock.active == 1)
            if partitions is not None:
                query = query.where(SlaClock.lifecycle_partition.in_(list(partitions)))
            rows = session.scalars(query).all()
            emitted: dict[str, set[str]] = {}
            ids = [r.ticket_id for r in rows if r.ticket_id not in self.tickets]
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                for tid, eid in session.execute(
                    select(Escalation.ticket_id, Escalation.escalation_id).where(Escalation.ticket_id.in_(chunk))
                ):
                    emitted.setdefault(tid, set()).add(eid)
        loaded = 0
        for row in rows:
            if row.ticket_id in self.tickets:
                continue
            tracked = TrackedTicket(row, SlaState.from_dict(row.state), emitted.get(row.ticket_id, set()))
            self.tickets[row.ticket_id] = tracked
            self._schedule(tracked)
            loaded += 1
        self.metrics.sla_clocks_running.set(len(self.tickets))
        return loaded

    def retain(self, partitions: Iterable[int]) -> None:
        keep = set(partitions)
        self.forget({t.row.lifecycle_partition for t in self.tickets.values()} - keep)

    def forget(self, partitions: Iterable[int]) -> None:
        gone = set(partitions)
        for tid in [t for t, tr in self.tickets.items() if tr.row.lifecycle_partition in gone]:
            del self.tickets[tid]
        self.metrics.sla_clocks_running.set(len(self.tickets))

    def unpublished(self) -> list[Outgoing]:
        """Escalations claimed but not confirmed delivered (a crash in between)."""
        with self.sessions() as session:
            rows = session.scalars(select(Escalation).where(Escalation.published_at.is_(None))).all()
            clocks = {
                c.ticket_id: c
                for c in session.scalars(select(SlaClock).where(SlaClock.ticket_id.in_({r.ticket_id for r in rows})))
            }
        return [self._event(r, clocks[r.ticket_id]) for r in rows if r.ticket_id in clocks]

    # -- lifecycle -----------------------------------------------------------------
    def handle_lifecycle(self, value: bytes | None, meta: RecordMeta) -> list[Outgoing]:
        event = decode_event(value, expected_types=LIFECYCLE_TYPES)
        self.metrics.events_consumed.labels("sla_monitor", event["type"]).inc()
        data = event["data"]
        at = parse_time(data["at"])
        tid = data["ticket_id"]
        try:
            with self.sessions.begin() as session:
                row = session.get(SlaClock, tid)
                if event["type"] == TICKET_OPENED_V1:
                    if row is not None:
                        return []  # redelivered
                    state = SlaState.open(tid, at, data["sla_policy"])
                    row = SlaClock(
                        ticket_id=tid,
                        feedback_id=data["feedback_id"],
                        team=data["team"],
                        assignee=data.get("assignee"),
                        severity=data["severity"],
                        facility=data["facility"],
                        sla_policy=data["sla_policy"],
                        escalation_chain=data.get("escalation_chain", "default"),
                        opened_at=at,
                        lifecycle_partition=meta.partition,
                        state=state.to_dict(),
                        active=1,
                    )
                    session.add(row)
                else:
                    if row is None:
                        return []  # a ticket this monitor never saw opened: nothing to time
                    state = SlaState.from_dict(row.state)
                    if event["type"] == TICKET_ACKNOWLEDGED_V1:
                        state = state.apply(Acknowledged(at))
                        row.acknowledged_at = row.acknowledged_at or at
                    elif event["type"] == TICKET_RESOLVED_V1:
                        state = state.apply(Resolved(at))
                        row.resolved_at = row.resolved_at or at
                    elif event["type"] == TICKET_ASSIGNED_V1:
                        row.team, row.assignee = data["team"], data.get("assignee")
                    row.state = state.to_dict()
                    row.active = 0 if state.is_resolved else 1
                session.flush()
                session.expunge(row)
        except OperationalError as exc:
            raise TransientError(f"database unavailable: {type(exc.orig).__name__}") from exc
        tracked = self.tickets.get(tid)
        if tracked is None:
            tracked = self.tickets[tid] = TrackedTicket(row, state)
        else:
            tracked.row, tracked.state = row, state
        if state.is_resolved:
            self.tickets.pop(tid, None)
        else:
            self._schedule(tracked)
        self.metrics.sla_clocks_running.set(len(self.tickets))
        return []

    # -- scheduling ----------------------------------------------------------------
    def _policy_parts(self, tracked: TrackedTicket):  # noqa: ANN202
        policy = self.config.sla.policy(tracked.state.policy)
        calendar = self.config.sla.calendar(policy.calendar)
        chain = self.config.escalation_chains.get(tracked.row.escalation_chain) or self.config.escalation_chains["default"]
        return policy, calendar, chain

    def _schedule(self, tracked: TrackedTicket) -> None:
        policy, calendar, chain = self._policy_parts(tracked)
        # Anything already due is picked up by the next run; schedule from the past too.
        now = self.clock()
        pending, upcoming = due_and_next(tracked.state, policy, calendar, chain, now, tracked.emitted)
        instant = now if pending else upcoming
        if instant is not None:
            heapq.heappush(self.heap, (instant, tracked.row.ticket_id))

    def next_wake(self) -> datetime | None:
        return self.heap[0][0] if self.heap else None

    def fire_due(self) -> list[Outgoing]:
        """Claim and build every escalation due now, in one transaction."""
        now = self.clock()
        candidates: list[tuple[TrackedTicket, ScheduledEscalation]] = []
        touched: set[str] = set()
        while self.heap and self.heap[0][0] <= now:
            _instant, tid = heapq.heappop(self.heap)
            tracked = self.tickets.get(tid)
            if tracked is None or tid in touched:
                continue
            touched.add(tid)
            policy, calendar, chain = self._policy_parts(tracked)
            for esc in due(tracked.state, policy, calendar, chain, now, tracked.emitted):
                candidates.append((tracked, esc))
        out: list[Outgoing] = []
        if candidates:
            out = self._claim(candidates, now)
        for tid in touched:
            tracked = self.tickets.get(tid)
            if tracked is not None:
                self._schedule(tracked)
        return out

    def _claim(self, candidates: list[tuple[TrackedTicket, ScheduledEscalation]], now: datetime) -> list[Outgoing]:
        ids = [esc.escalation_id(t.row.ticket_id) for t, esc in candidates]
        try:
            with self.sessions.begin() as session:
                taken = set(session.scalars(select(Escalation.escalation_id).where(Escalation.escalation_id.in_(ids))))
                rows = []
                for (tracked, esc), eid in zip(candidates, ids):
                    tracked.emitted.add(eid)
                    if eid in taken:
                        continue  # claimed by an earlier run or another worker
                    taken.add(eid)
                    row = Escalation(
                        escalation_id=eid,
                        ticket_id=tracked.row.ticket_id,
                        clock=esc.clock if esc.cycle == 0 else f"{esc.clock}#{esc.cycle}",
                        threshold=format_threshold(esc.threshold),
                        level=esc.level,
                        kind=esc.kind,
                        target=self._target(tracked, esc.target),
                        due_at=esc.due_at,
                        deadline_at=esc.deadline_at,
                        raised_at=now,
                    )
                    session.add(row)
                    rows.append((row, tracked, esc))
        except IntegrityError:
            # Another worker claimed some of these between our read and our insert:
            # retry one by one next time round (the emitted marks are dropped).
            for (tracked, _esc), eid in zip(candidates, ids):
                tracked.emitted.discard(eid)
            return []
        except OperationalError as exc:
            for (tracked, _esc), eid in zip(candidates, ids):
                tracked.emitted.discard(eid)
            raise TransientError(f"database unavailable: {type(exc.orig).__name__}") from exc
        out = []
        for row, tracked, esc in rows:
            out.append(self._event(row, tracked.row))
            self.metrics.escalations.labels(esc.kind, format_threshold(esc.threshold), str(esc.level)).inc()
            self.metrics.escalation_lateness_seconds.observe(max(0.0, (now - esc.due_at).total_seconds()))
        return out

    def _target(self, tracked: TrackedTicket, role: str) -> str:
        team = self.config.teams_by_name.get(tracked.row.team)
        return resolve_chain_target(role, team, tracked.row.assignee, self.config.organisation.directory)

    def _event(self, row: Escalation, clock_row: SlaClock) -> Outgoing:
        data = {
            "escalation_id": row.escalation_id,
            "ticket_id": row.ticket_id,
            "feedback_id": clock_row.feedback_id,
            "clock": row.clock.split("#", 1)[0],
            "threshold": float(row.threshold),
            "kind": row.kind,
            "level": row.level,
            "target": row.target,
            "due_at": format_time(row.due_at),
            "deadline_at": format_time(row.deadline_at),
            "raised_at": format_time(row.raised_at),
            "team": clock_row.team,
            "severity": clock_row.severity,
            "facility": clock_row.facility,
            "sla_policy": clock_row.sla_policy,
        }
        event = make_event(
            ESCALATION_RAISED_V1,
            producer="sla_monitor",
            subject=row.ticket_id,
            event_id=row.escalation_id,
            time=row.raised_at,
            data=data,
        )
        return Outgoing(TICKETS_ESCALATIONS, row.ticket_id, validate_outgoing(event))

    def mark_published(self, escalation_ids: list[str]) -> None:
        if not escalation_ids:
            return
        with self.sessions.begin() as session:
            session.execute(
                update(Escalation).where(Escalation.escalation_id.in_(escalation_ids)).values(published_at=self.clock())
            )


__all__ = ["SlaMonitor", "TICKETS_LIFECYCLE"]
