"""The SLA monitor's engine: the database holds every ticket's clocks, memory holds only
when each one next falls due.

Memory per running ticket is one heap entry and one dict entry (the next instant and the
lifecycle partition), so a million open tickets fit in a few hundred megabytes and a
restart rebuilds the schedule from one indexed column (`sla_clocks.next_due_at`) without
recomputing any calendar. A ticket's state is read, advanced and written back only when
a lifecycle event arrives or one of its instants falls due.

Exactly once: an escalation is claimed by inserting its row (unique per ticket, clock,
threshold and level) before it is published; a second claimant (a restarted or
rebalanced worker) finds the row and stays silent. Rows whose event was not confirmed as
delivered are published again at start, under the same event id.

Configuration changes: every row records the fingerprint of the policy, calendar and
chain its instants were computed with; rows whose fingerprint no longer matches are
recomputed from their stored state (which the lifecycle events built), so open tickets
get new deadlines from the change on.
"""
from __future__ import annotations

import hashlib
import heapq
import json
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Callable, Iterable

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError, OperationalError, ProgrammingError
from sqlalchemy.orm import Session, sessionmaker

from careloop.core.conditions import Facts
from careloop.core.config import CareloopConfig
from careloop.core.db import Escalation, SlaClock, Ticket
from careloop.core.errors import TransientError
from careloop.core.events import (
    ESCALATION_RAISED_V1,
    TICKET_ASSIGNED_V1,
    TICKETS_ESCALATIONS,
    decode_event,
    make_event,
    validate_outgoing,
)
from careloop.core.ids import format_threshold
from careloop.core.logging import get_logger
from careloop.core.schema_registry import known_event_types
from careloop.core.metrics import Metrics
from careloop.core.stage import Outgoing, RecordMeta
from careloop.core.timeutil import format_time
from careloop.router.assignment import resolve_chain_target
from careloop.sla_monitor.deadlines import (
    CLOCKS,
    Acknowledged,
    Opened,
    PolicyChanged,
    Resolved,
    ScheduledEscalation,
    SlaState,
    deadline,
    due_and_next,
    fact_from_lifecycle,
)
from careloop.sla_monitor.policies import select_policy

LIFECYCLE_PREFIX = "org.careloop.ticket."
# Tickets handled per database transaction when many fall due at once.
FIRE_BATCH = 500
# Rows fetched per round trip while recovering.
RECOVERY_CHUNK = 20_000


def lifecycle_types() -> frozenset[str]:
    """Every ticket lifecycle event type the schemas define (commands excluded)."""
    return frozenset(
        t for t in known_event_types() if t.startswith(LIFECYCLE_PREFIX) and ".command." not in t
    )


def _epoch(dt: datetime) -> float:
    return dt.timestamp()


def _from_epoch(seconds: float) -> datetime:
    return datetime.fromtimestamp(seconds, tz=timezone.utc)


@dataclass
class SlaMonitor:
    config: CareloopConfig
    sessions: sessionmaker
    clock: Callable[[], datetime]
    metrics: Metrics
    # ticket id -> (next instant in epoch seconds, lifecycle partition)
    scheduled: dict[str, tuple[float, int]] = field(default_factory=dict)
    heap: list[tuple[float, str]] = field(default_factory=list)
    _versions: dict[tuple[str, str], str] = field(default_factory=dict)
    # Lifecycle partitions this worker owns; None until the group has assigned any.
    owned: set[int] | None = None
    # Whether the router's tickets table is in this database (checked on first use).
    read_router_tickets: bool = True
    # Which partitions' clocks are in memory (None in the set's place: all of them).
    _loaded: set[int] | None = field(default_factory=set)

    def __post_init__(self) -> None:
        self.log = get_logger("sla_monitor")

    # -- configuration -------------------------------------------------------------
    def schedule_version(self, policy_name: str, chain_name: str) -> str:
        """Fingerprint of everything a ticket's instants depend on besides its facts."""
        key = (policy_name, chain_name)
        version = self._versions.get(key)
        if version is None:
            policy = self.config.sla.policies.get(policy_name)
            calendar = self.config.sla.calendars.get(policy.calendar) if policy else None
            chain = self._chain(chain_name)
            material = json.dumps(
                [policy.model_dump(mode="json") if policy else None,
                 calendar.model_dump(mode="json") if calendar else None, chain],
                sort_keys=True,
            )
            version = self._versions[key] = hashlib.sha256(material.encode()).hexdigest()[:32]
        return version

    def reload(self, config: CareloopConfig) -> int:
        """Adopt a changed configuration: tickets whose policy, calendar or chain changed
        are rescheduled at once and recomputed when processed. Returns how many."""
        self.config = config
        self._versions.clear()
        stale = 0
        with self.sessions() as session:
            rows = session.execute(
                select(SlaClock.ticket_id, SlaClock.lifecycle_partition, SlaClock.sla_policy,
                       SlaClock.escalation_chain, SlaClock.schedule_version).where(SlaClock.active == 1)
            )
            now = _epoch(self.clock())
            for tid, partition, policy, chain, version in rows:
                if tid in self.scheduled and version != self.schedule_version(policy, chain):
                    self._push(tid, now, partition)
                    stale += 1
        return stale

    def _chain(self, name: str) -> list[str]:
        return self.config.escalation_chains.get(name) or self.config.escalation_chains["default"]

    # -- the schedule in memory ----------------------------------------------------
    def _push(self, ticket_id: str, at: float, partition: int) -> None:
        self.scheduled[ticket_id] = (at, partition)
        heapq.heappush(self.heap, (at, ticket_id))

    def _unschedule(self, ticket_id: str) -> None:
        self.scheduled.pop(ticket_id, None)  # its heap entries become stale and are skipped

    def next_wake(self) -> datetime | None:
        while self.heap:
            at, tid = self.heap[0]
            if self.scheduled.get(tid, (None,))[0] == at:
                return _from_epoch(at)
            heapq.heappop(self.heap)
        return None

    @property
    def running(self) -> int:
        return len(self.scheduled)

    def load(self, partitions: Iterable[int] | None = None) -> int:
        """Rebuild the schedule of the running clocks (of the given lifecycle partitions,
        or all) from the database. Returns how many tickets were added."""
        wanted = None if partitions is None else set(partitions)
        if self._loaded is None or (wanted is not None and wanted <= self._loaded):
            return 0  # already in memory (for example loaded whole at start)
        if wanted is not None:
            wanted -= self._loaded
        now = _epoch(self.clock())
        query = select(
            SlaClock.ticket_id, SlaClock.next_due_at, SlaClock.lifecycle_partition,
            SlaClock.sla_policy, SlaClock.escalation_chain, SlaClock.schedule_version,
        ).where(SlaClock.active == 1)
        if wanted is not None:
            query = query.where(SlaClock.lifecycle_partition.in_(sorted(wanted)))
        added = 0
        entries: list[tuple[float, str]] = []
        with self.sessions() as session:
            result = session.execute(query.execution_options(yield_per=RECOVERY_CHUNK))
            for tid, next_due, partition, policy, chain, version in result:
                if tid in self.scheduled:
                    continue
                if version != self.schedule_version(policy, chain):
                    at = now  # computed under another configuration: recompute first thing
                elif next_due is None:
                    # Paused, or everything on its clocks emitted: only a lifecycle event
                    # can give it a new instant. Track it so that event is handled here.
                    self.scheduled[tid] = (float("inf"), partition)
                    added += 1
                    continue
                else:
                    at = _epoch(next_due)
                self.scheduled[tid] = (at, partition)
                entries.append((at, tid))
                added += 1
        self.heap.extend(entries)
        heapq.heapify(self.heap)
        self._loaded = None if wanted is None else self._loaded | wanted
        self.metrics.sla_clocks_running.set(self.running)
        return added

    def retain(self, partitions: Iterable[int]) -> None:
        self.owned = set(partitions)
        self.forget({p for _at, p in self.scheduled.values()} - self.owned)

    def sweep_overdue(self, grace_seconds: float) -> int:
        """Take on tickets whose instant passed `grace_seconds` ago and that nobody
        fired: the clocks of a worker that died, until the group rebalances. One
        indexed query; empty while every owner is alive and on time."""
        now = self.clock()
        cutoff = _from_epoch(_epoch(now) - grace_seconds)
        taken = 0
        with self.sessions() as session:
            # next_due_at is NULL on resolved and paused clocks, so this range on its
            # index alone finds exactly the overdue running ones.
            rows = session.execute(
                select(SlaClock.ticket_id, SlaClock.lifecycle_partition)
                .where(SlaClock.next_due_at <= cutoff)
                .limit(10 * FIRE_BATCH)
            )
            for tid, partition in rows:
                if self.scheduled.get(tid, (float("inf"),))[0] > _epoch(now):
                    self._push(tid, _epoch(now), partition)
                    taken += 1
        return taken

    def forget(self, partitions: Iterable[int]) -> None:
        gone = set(partitions)
        if not gone:
            return
        if self._loaded is None:  # "all" becomes the partitions actually in memory
            self._loaded = {p for _at, p in self.scheduled.values()}
        self._loaded -= gone
        for tid in [t for t, (_at, p) in self.scheduled.items() if p in gone]:
            del self.scheduled[tid]
        self.metrics.sla_clocks_running.set(self.running)

    # -- per-ticket computation ----------------------------------------------------
    def _parts(self, row: SlaClock, state: SlaState):  # noqa: ANN202 - (policy, calendar, chain)
        if state.policy not in self.config.sla.policies:
            # The policy was removed from the config: choose again from what the row knows.
            facts = Facts(source="", facility=row.facility, department=None, sentiment="negative",
                          severity=row.severity)
            state = state.apply(PolicyChanged(self.clock(), select_policy(self.config.sla, facts)))
            self.log.warning("policy no longer configured; chose again", ticket_id=row.ticket_id, policy=state.policy)
        policy = self.config.sla.policy(state.policy)
        return state, policy, self.config.sla.calendar(policy.calendar), self._chain(row.escalation_chain)

    def _refresh(self, row: SlaClock, state: SlaState, now: datetime, emitted: set[str]) -> list[ScheduledEscalation]:
        """Write the state and its projection to the row; return what is due now."""
        state, policy, calendar, chain = self._parts(row, state)
        ready, upcoming = due_and_next(state, policy, calendar, chain, now, emitted)
        row.sla_policy = state.policy
        row.state = state.to_dict()
        row.acknowledge_due_at = deadline(state, "acknowledge", policy, calendar, now=now)
        row.resolve_due_at = deadline(state, "resolve", policy, calendar, now=now)
        row.paused = state.is_paused
        row.next_due_at = upcoming
        row.schedule_version = self.schedule_version(state.policy, row.escalation_chain)
        row.active = 0 if state.is_resolved else 1
        return ready

    def _reschedule(self, row: SlaClock, now: datetime, ready: bool) -> None:
        foreign = self.owned is not None and row.lifecycle_partition not in self.owned
        if not row.active or (foreign and not ready):
            # Resolved, or swept up from a partition another worker owns: its owner times it.
            self._unschedule(row.ticket_id)
        elif ready:
            self._push(row.ticket_id, _epoch(now), row.lifecycle_partition)
        elif row.next_due_at is not None:
            self._push(row.ticket_id, _epoch(row.next_due_at), row.lifecycle_partition)
        else:
            self.scheduled[row.ticket_id] = (float("inf"), row.lifecycle_partition)

    # -- lifecycle -----------------------------------------------------------------
    def handle_lifecycle(self, value: bytes | None, meta: RecordMeta) -> list[Outgoing]:
        event = decode_event(value, expected_types=lifecycle_types())
        self.metrics.events_consumed.labels("sla_monitor", event["type"]).inc()
        data = event["data"]
        tid = data["ticket_id"]
        fact = fact_from_lifecycle(event["type"], data)
        now = self.clock()
        try:
            with self.sessions.begin() as session:
                row = session.get(SlaClock, tid, with_for_update=True)
                if isinstance(fact, Opened):
                    if row is not None:
                        return []  # redelivered
                    state = SlaState.open(tid, fact.at, fact.policy)
                    row = SlaClock(
                        ticket_id=tid, feedback_id=data["feedback_id"], team=data["team"],
                        assignee=data.get("assignee"), severity=data["severity"], facility=data["facility"],
                        sla_policy=fact.policy, escalation_chain=data.get("escalation_chain", "default"),
                        opened_at=fact.at, lifecycle_partition=meta.partition, state=state.to_dict(), active=1,
                    )
                    session.add(row)
                elif row is None:
                    return []  # a ticket this monitor never saw opened: nothing to time
                else:
                    state = SlaState.from_dict(row.state)
                    if event["type"] == TICKET_ASSIGNED_V1:
                        row.team, row.assignee = data["team"], data.get("assignee")
                    if fact is not None:
                        before = state
                        state = state.apply(fact)
                        self._observe_outcome(row, before, state, fact)
                emitted = _emitted_ids(session, [tid]).get(tid, set())
                ready = self._refresh(row, state, now, emitted)
                session.flush()
                session.expunge(row)
        except OperationalError as exc:
            raise TransientError(f"database unavailable: {type(exc.orig).__name__}") from exc
        self._reschedule(row, now, bool(ready))
        self.metrics.sla_clocks_running.set(self.running)
        return []

    def _observe_outcome(self, row: SlaClock, before: SlaState, after: SlaState, fact: Any) -> None:
        """Time to acknowledge, and whether each clock stopped within its window."""
        if before is after:
            return
        if isinstance(fact, (Acknowledged, Resolved)) and before.acknowledge.running and not after.acknowledge.running:
            policy = self.config.sla.policies.get(before.policy)
            if policy is not None:
                calendar = self.config.sla.calendar(policy.calendar)
                elapsed = calendar.between(before.acknowledge.started_at, fact.at).total_seconds()
                self.metrics.time_to_acknowledge_seconds.observe(elapsed)
                due = deadline(before, "acknowledge", policy, calendar, now=fact.at)
                row.acknowledged_within_sla = bool(due is None or fact.at <= due)
                row.acknowledged_at = row.acknowledged_at or fact.at
        if isinstance(fact, Resolved) and before.resolve.running:
            policy = self.config.sla.policies.get(before.policy)
            if policy is not None:
                due = deadline(before, "resolve", policy, self.config.sla.calendar(policy.calendar), now=fact.at)
                row.resolved_within_sla = bool(due is None or fact.at <= due)
            row.resolved_at = fact.at

    # -- firing --------------------------------------------------------------------
    def fire_due(self) -> list[Outgoing]:
        """Claim and build every escalation due now, a batch of tickets per transaction."""
        now = self.clock()
        now_epoch = _epoch(now)
        due_ids: list[str] = []
        while self.heap and self.heap[0][0] <= now_epoch:
            at, tid = heapq.heappop(self.heap)
            if self.scheduled.get(tid, (None,))[0] != at:
                continue  # stale entry: rescheduled or forgotten since
            due_ids.append(tid)
        out: list[Outgoing] = []
        for start in range(0, len(due_ids), FIRE_BATCH):
            out += self._fire_batch(due_ids[start : start + FIRE_BATCH], now)
        return out

    def adopt_unseen(self, grace_seconds: float, horizon_seconds: float = 900.0) -> int:
        """Start clocks for tickets the router opened more than `grace_seconds` ago that
        no monitor has a clock for yet: their opened events sit in the partition of a
        worker that died, until the group rebalances. Read from the router's tickets
        table (same database only); the opened event, when it comes, is then a no-op."""
        if not self.read_router_tickets:
            return 0
        now = self.clock()
        try:
            with self.sessions() as session:
                unseen = session.execute(
                    select(Ticket)
                    .outerjoin(SlaClock, SlaClock.ticket_id == Ticket.id)
                    .where(
                        SlaClock.ticket_id.is_(None),
                        Ticket.opened_at <= _from_epoch(_epoch(now) - grace_seconds),
                        Ticket.opened_at >= _from_epoch(_epoch(now) - horizon_seconds),
                        Ticket.resolved_at.is_(None),
                    )
                    .limit(FIRE_BATCH)
                ).scalars().all()
        except (OperationalError, ProgrammingError):
            self.read_router_tickets = False
            return 0
        adopted = 0
        for ticket in unseen:
            state = SlaState.open(ticket.id, ticket.opened_at, ticket.sla_policy)
            row = SlaClock(
                ticket_id=ticket.id, feedback_id=ticket.feedback_id, team=ticket.team, assignee=ticket.assignee,
                severity=ticket.severity, facility=ticket.facility, sla_policy=ticket.sla_policy,
                escalation_chain=ticket.escalation_chain, opened_at=ticket.opened_at,
                lifecycle_partition=self._partition_of(ticket.id), state=state.to_dict(), active=1,
            )
            if ticket.acknowledged_at is not None:
                state = self._apply_router_stops(row, state, (ticket.acknowledged_at, None))
            try:
                with self.sessions.begin() as session:
                    ready = self._refresh(row, state, now, set())
                    session.add(row)
                    session.flush()
                    session.expunge(row)
            except IntegrityError:
                continue  # its opened event, or another worker, got there first
            self._reschedule(row, now, bool(ready))
            adopted += 1
        return adopted

    def _partition_of(self, ticket_id: str) -> int:
        """The tickets.lifecycle partition Kafka's default partitioner gives this key."""
        from kafka.partitioner.default import murmur2

        return (murmur2(ticket_id.encode()) & 0x7FFFFFFF) % self.config.topics.partitions

    def _stopped_by_router(self, ticket_ids: list[str]) -> dict[str, tuple[datetime | None, datetime | None]]:
        """Acknowledgements and resolutions the router has committed, read from its
        tickets table when it shares this database. A lifecycle event can be a moment
        behind its commit; an escalation must not go out in that moment."""
        if not self.read_router_tickets:
            return {}
        try:
            with self.sessions() as session:
                return {
                    tid: (ack, res)
                    for tid, ack, res in session.execute(
                        select(Ticket.id, Ticket.acknowledged_at, Ticket.resolved_at).where(Ticket.id.in_(ticket_ids))
                    )
                }
        except (OperationalError, ProgrammingError):
            self.read_router_tickets = False  # a database of its own: lifecycle events only
            self.log.info("no router tickets table in this database; relying on lifecycle events alone")
            return {}

    def _apply_router_stops(self, row: SlaClock, state: SlaState, stops: tuple[datetime | None, datetime | None]) -> SlaState:
        acknowledged_at, resolved_at = stops
        for fact in (Acknowledged(acknowledged_at) if acknowledged_at else None,
                     Resolved(resolved_at) if resolved_at else None):
            # Only facts newer than what the clocks already know: never undo a reopen.
            if fact is None or fact.at < state.last_at:
                continue
            before, state = state, state.apply(fact)
            self._observe_outcome(row, before, state, fact)
        return state

    def _fire_batch(self, ticket_ids: list[str], now: datetime) -> list[Outgoing]:
        claimed: list[tuple[Escalation, SlaClock]] = []
        rows: list[SlaClock] = []
        router_stops = self._stopped_by_router(ticket_ids)
        try:
            with self.sessions.begin() as session:
                rows = list(session.scalars(select(SlaClock).where(SlaClock.ticket_id.in_(ticket_ids))))
                emitted = _emitted_ids(session, ticket_ids)
                for row in rows:
                    mine = emitted.get(row.ticket_id, set())
                    state = SlaState.from_dict(row.state)
                    if row.ticket_id in router_stops:
                        state = self._apply_router_stops(row, state, router_stops[row.ticket_id])
                    ready = self._refresh(row, state, now, mine)
                    for esc in ready:
                        eid = esc.escalation_id(row.ticket_id)
                        claim = Escalation(
                            escalation_id=eid, ticket_id=row.ticket_id,
                            clock=esc.clock if esc.cycle == 0 else f"{esc.clock}#{esc.cycle}",
                            threshold=format_threshold(esc.threshold), level=esc.level, kind=esc.kind,
                            target=self._target(row, esc.target), due_at=esc.due_at,
                            deadline_at=esc.deadline_at, raised_at=now,
                        )
                        session.add(claim)
                        mine.add(eid)
                        claimed.append((claim, row))
                    # _refresh left next_due_at at the first instant after now: what
                    # is due now is claimed here, in the same transaction.
                session.flush()
                for row in rows:
                    session.expunge(row)
                for claim, _row in claimed:
                    session.expunge(claim)
        except IntegrityError:
            # Another worker claimed some of these between our read and our insert. Try
            # these tickets again at once: the next read sees its claims.
            for tid in ticket_ids:
                partition = self.scheduled.get(tid, (0.0, 0))[1]
                self._push(tid, _epoch(now), partition)
            return []
        except OperationalError as exc:
            for tid in ticket_ids:
                partition = self.scheduled.get(tid, (0.0, 0))[1]
                self._push(tid, _epoch(now), partition)
            raise TransientError(f"database unavailable: {type(exc.orig).__name__}") from exc
        seen = {row.ticket_id for row in rows}
        for tid in ticket_ids:
            if tid not in seen:
                self._unschedule(tid)  # the row is gone (database reset): nothing to time
        for row in rows:
            self._reschedule(row, now, ready=False)
        out = []
        for claim, row in claimed:
            out.append(self._event(claim, row))
            self.metrics.escalations.labels(claim.kind, claim.threshold, str(claim.level)).inc()
            if claim.kind == "breach":
                self.metrics.sla_breaches.labels(claim.clock.split("#", 1)[0]).inc()
            self.metrics.escalation_lateness_seconds.observe(max(0.0, (now - claim.due_at).total_seconds()))
        self.metrics.sla_clocks_running.set(self.running)
        return out

    def _target(self, row: SlaClock, role: str) -> str:
        team = self.config.teams_by_name.get(row.team)
        return resolve_chain_target(role, team, row.assignee, self.config.organisation.directory)

    def _event(self, claim: Escalation, row: SlaClock) -> Outgoing:
        data = {
            "escalation_id": claim.escalation_id,
            "ticket_id": claim.ticket_id,
            "feedback_id": row.feedback_id,
            "clock": claim.clock.split("#", 1)[0],
            "threshold": float(claim.threshold),
            "kind": claim.kind,
            "level": claim.level,
            "target": claim.target,
            "due_at": format_time(claim.due_at),
            "deadline_at": format_time(claim.deadline_at),
            "raised_at": format_time(claim.raised_at),
            "team": row.team,
            "severity": row.severity,
            "facility": row.facility,
            "sla_policy": row.sla_policy,
        }
        event = make_event(
            ESCALATION_RAISED_V1, producer="sla_monitor", subject=claim.ticket_id,
            event_id=claim.escalation_id, time=claim.raised_at, data=data,
        )
        return Outgoing(TICKETS_ESCALATIONS, claim.ticket_id, validate_outgoing(event))

    # -- publishing ----------------------------------------------------------------
    def unpublished(self) -> list[Outgoing]:
        """Escalations claimed but not confirmed delivered (a crash in between)."""
        with self.sessions() as session:
            claims = session.scalars(select(Escalation).where(Escalation.published_at.is_(None))).all()
            clocks = {
                c.ticket_id: c
                for c in session.scalars(select(SlaClock).where(SlaClock.ticket_id.in_({r.ticket_id for r in claims})))
            }
        return [self._event(c, clocks[c.ticket_id]) for c in claims if c.ticket_id in clocks]

    def mark_published(self, escalation_ids: list[str]) -> None:
        if not escalation_ids:
            return
        with self.sessions.begin() as session:
            session.execute(
                update(Escalation).where(Escalation.escalation_id.in_(escalation_ids)).values(published_at=self.clock())
            )

    # -- reporting -----------------------------------------------------------------
    def refresh_gauges(self) -> None:
        """Open tickets by team and clock state, and SLA compliance, from the database."""
        now = self.clock()
        with self.sessions() as session:
            self.metrics.sla_open_tickets.clear()
            for clock_name, column in (("acknowledge", SlaClock.acknowledge_due_at), ("resolve", SlaClock.resolve_due_at)):
                rows = session.execute(
                    select(SlaClock.team, SlaClock.paused, column < now, func.count())
                    .where(SlaClock.active == 1, column.is_not(None))
                    .group_by(SlaClock.team, SlaClock.paused, column < now)
                )
                for team, paused, breached, count in rows:
                    state = "paused" if paused else ("breached" if breached else "running")
                    self.metrics.sla_open_tickets.labels(team, clock_name, state).inc(count)
            for clock_name, column in (("acknowledge", SlaClock.acknowledged_within_sla),
                                       ("resolve", SlaClock.resolved_within_sla)):
                within, total = session.execute(
                    select(func.count().filter(column.is_(True)), func.count()).where(column.is_not(None))
                ).one()
                if total:
                    self.metrics.sla_compliance_ratio.labels(clock_name).set(within / total)


def _emitted_ids(session: Session, ticket_ids: list[str]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for tid, eid in session.execute(
        select(Escalation.ticket_id, Escalation.escalation_id).where(Escalation.ticket_id.in_(ticket_ids))
    ):
        out.setdefault(tid, set()).add(eid)
    return out


__all__ = ["SlaMonitor", "CLOCKS"]
