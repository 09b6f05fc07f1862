"""The ticket API: HTTP/JSON for the staff and systems who work the tickets.

Reads come from the router's database (tickets, their audit trail, and the SLA monitor's
projection in ``sla_clocks``); every action is a command event published to
``tickets.commands`` and applied by the router, exactly like the CLI's — so every action
emits its lifecycle event and lands in the audit trail, in the router's transaction.

Endpoints (all JSON; OpenAPI at ``/openapi.json``, docs at ``/docs``)
---------------------------------------------------------------------
==========================================  ================================================
``GET  /v1/tickets``                        list and filter (team, status, severity,
                                            facility, breached, due_within,
                                            awaiting_patient; limit <= 200 + offset)
``GET  /v1/tickets/{id}``                   one ticket: feedback text, drafted replies,
                                            timeline, live SLA status per clock
``POST /v1/tickets/{id}/acknowledge``       ``{"note": str|null}`` (optional body)
``POST /v1/tickets/{id}/resolve``           ``{"note": str|null}``
``POST /v1/tickets/{id}/reopen``            ``{"note": str|null}``; only a resolved ticket
``POST /v1/tickets/{id}/awaiting-patient``  ``{"note": str|null}``; pauses the SLA clocks
``POST /v1/tickets/{id}/resume``            ``{"note": str|null}``; ends the pause
``POST /v1/tickets/{id}/notes``             ``{"note": str}`` (required, 1..4000 chars)
``POST /v1/tickets/{id}/assign``            ``{"team": str, "assignee": str|null}``
``GET  /healthz``                           no token needed
``GET  /metrics``                           Prometheus; no token needed, not in OpenAPI
==========================================  ================================================

An action is checked first (token scope, ticket exists, the transition is allowed),
then published; the API then waits up to ``wait_seconds`` for the router to record the
command id in ``processed_messages`` and answers **200** with the updated ticket, or
**202** ``{"command_id", "status": "pending"}`` when the router has not got to it yet
(the command is on the topic and will be applied). The command id is also in the
``X-Careloop-Command-Id`` header. Two actions racing on one ticket: both may pass the
check; the router applies the first and records the second as a no-op.

Authentication and scope
------------------------
``Authorization: Bearer clp_...`` (see ``careloop.router.api_tokens``). A team token
sees and acts on its teams' tickets only; an admin token on all. Another team's ticket
answers **404**, exactly like a ticket that does not exist, so a token cannot learn
which ticket ids exist outside its scope. **403** is for what the caller names
explicitly and may see is not theirs: a ``team`` filter or an ``assign`` target team
outside the token's teams (team names are configuration, not secrets). The actor of
every command is the token's name.

Errors: always ``{"error": code, "reason": text}`` (text never quotes patient text)
-----------------------------------------------------------------------------------
401 ``unauthorized`` (missing, malformed, unknown or revoked token; with
``WWW-Authenticate: Bearer``), 403 ``forbidden``, 404 ``not_found``, 405
``method_not_allowed``, 409 ``invalid_transition``, 422 ``invalid_request`` (bad
parameters or body, including FastAPI's own validation), 503 ``unavailable`` (Kafka did
not confirm the command, or the database is unreachable).
"""
from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any, Literal

from fastapi import Body, Depends, FastAPI, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, ConfigDict, Field, field_validator
from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker
from starlette.exceptions import HTTPException as StarletteHTTPException

from careloop.core.config import CareloopConfig
from careloop.core.db import ProcessedMessage, SlaClock, Ticket, TicketEvent
from careloop.core.durations import parse_duration
from careloop.core.events import (
    COMMAND_ACKNOWLEDGE_V1,
    COMMAND_ASSIGN_V1,
    COMMAND_NOTE_V1,
    COMMAND_PAUSE_V1,
    COMMAND_REOPEN_V1,
    COMMAND_RESOLVE_V1,
    COMMAND_RESUME_V1,
    TICKET_PAUSED_V1,
)
from careloop.core.metrics import Metrics
from careloop.core.timeutil import format_time
from careloop.router.api_tokens import Principal, authenticate
from careloop.router.handler import COMMANDS_CONSUMER, command_applies
from careloop.sla_monitor.deadlines import CLOCKS, SlaState, deadline, fact_from_lifecycle, remaining

MAX_LIMIT = 200
MAX_OFFSET = 1_000_000
MAX_NOTE = 4000
MAX_DUE_WITHIN = timedelta(days=366)
POLL_SECONDS = 0.05

Status = Literal["open", "acknowledged", "resolved"]
Severity = Literal["low", "medium", "high", "critical"]


# --------------------------------------------------------------------------- errors

class ApiError(Exception):
    def __init__(self, status: int, error: str, reason: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(reason)
        self.status, self.error, self.reason, self.headers = status, error, reason, headers


def _error(status: int, error: str, reason: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"error": error, "reason": reason}, status_code=status, headers=headers)


_STATUS_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
                 405: "method_not_allowed", 406: "not_acceptable", 409: "invalid_transition",
                 413: "too_large", 415: "unsupported_media_type", 422: "invalid_request", 503: "unavailable"}


def _validation_reason(exc: RequestValidationError) -> str:
    """``where: what`` for the first problem; never echoes the offending value."""
    errors = exc.errors()
    if not errors:
        return "the request is not valid"
    first = errors[0]
    where = ".".join(str(p) for p in first.get("loc", ()) if p != "body" or len(first.get("loc", ())) == 1)
    message = str(first.get("msg", "invalid value"))
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    return f"{where or 'request'}: {message}{more}"[:500]


# --------------------------------------------------------------------------- models

class ErrorBody(BaseModel):
    error: str = Field(description="Machine-readable code, e.g. `invalid_transition`.")
    reason: str = Field(description="What is wrong, for people.")


class Pending(BaseModel):
    command_id: str
    status: Literal["pending"]


class Health(BaseModel):
    status: Literal["ok"]


def _text_ok(value: str | None, *, field: str) -> str | None:
    if value is None:
        return None
    if "\x00" in value:
        raise ValueError(f"{field} must not contain NUL characters")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError(f"{field} must be valid Unicode text (no lone surrogates)") from None
    return value


class NoteBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    note: str | None = Field(None, max_length=MAX_NOTE, description="Optional staff note (never patient identities).")

    @field_validator("note")
    @classmethod
    def _note(cls, v: str | None) -> str | None:
        return _text_ok(v, field="note")


class RequiredNoteBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    note: str = Field(min_length=1, max_length=MAX_NOTE, description="The staff note (never patient identities).")

    @field_validator("note")
    @classmethod
    def _note(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("note must not be blank")
        return _text_ok(v, field="note")  # type: ignore[return-value]


class AssignBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    team: str = Field(min_length=1, max_length=100, description="A configured team.")
    assignee: str | None = Field(None, min_length=1, max_length=100, description="Staff user id, or null for the team queue.")

    @field_validator("team", "assignee")
    @classmethod
    def _ids(cls, v: str | None) -> str | None:
        return _text_ok(v, field="team/assignee")


class TicketSummary(BaseModel):
    ticket_id: str
    feedback_id: str
    status: Status
    team: str
    assignee: str | None
    severity: str
    sentiment: str
    topics: list[str]
    risk_flags: list[str]
    facility: str
    department: str | None
    source: str
    sla_policy: str
    routing_rule: str
    escalation_chain: str
    reply_channel: str
    awaiting_patient: bool
    reopened_count: int
    opened_at: str
    acknowledged_at: str | None
    resolved_at: str | None
    updated_at: str
    acknowledge_due_at: str | None = Field(description="As last computed by the SLA monitor (null: stopped or not yet known).")
    resolve_due_at: str | None = Field(description="As last computed by the SLA monitor (null: stopped or not yet known).")


class TicketList(BaseModel):
    tickets: list[TicketSummary]
    limit: int
    offset: int
    next_offset: int | None = Field(description="Offset of the next page, or null on the last page.")


class ClockStatus(BaseModel):
    status: Literal["running", "paused", "stopped"]
    due_at: str | None = Field(description="The deadline; null once stopped. While paused: as if resumed now.")
    remaining_business_seconds: float = Field(description="Business time left (frozen while paused or stopped); negative once breached.")
    window_seconds: float
    breached: bool
    cycle: int = Field(description="How many times this clock restarted (reopenings, resolve clock only).")


class SlaStatus(BaseModel):
    policy: str
    calendar: str
    evaluated_at: str
    paused: bool
    paused_since: str | None
    clocks: dict[str, ClockStatus] = Field(description="`acknowledge` and `resolve`.")


class TimelineEntry(BaseModel):
    event_id: str
    type: str
    at: str
    actor: str
    details: dict[str, Any]


class TicketDetail(TicketSummary):
    external_id: str
    feedback_text: str
    rating: float | None
    feedback_created_at: str
    public_reply_draft: str
    private_outreach_draft: str
    timeline: list[TimelineEntry]
    sla: SlaStatus | None = Field(description="Live SLA status; null when the policy is no longer configured.")


def _resp(*codes: int) -> dict[int | str, dict[str, Any]]:
    texts = {401: "Missing, unknown or revoked bearer token.", 403: "Team outside the token's scope.",
             404: "No such ticket (or not in the token's scope).", 409: "The transition is not allowed now.",
             422: "Invalid parameters or body.", 503: "Kafka or the database is unavailable; retry."}
    return {c: {"model": ErrorBody, "description": texts[c]} for c in codes}


# --------------------------------------------------------------------------- helpers

def _t(dt: datetime | None) -> str | None:
    return None if dt is None else format_time(dt)


def _summary(ticket: Ticket, clock_row: SlaClock | None) -> dict[str, Any]:
    return {
        "ticket_id": ticket.id, "feedback_id": ticket.feedback_id, "status": ticket.status,
        "team": ticket.team, "assignee": ticket.assignee, "severity": ticket.severity,
        "sentiment": ticket.sentiment, "topics": list(ticket.topics or []),
        "risk_flags": list(ticket.risk_flags or []), "facility": ticket.facility,
        "department": ticket.department, "source": ticket.source, "sla_policy": ticket.sla_policy,
        "routing_rule": ticket.routing_rule, "escalation_chain": ticket.escalation_chain,
        "reply_channel": ticket.reply_channel, "awaiting_patient": bool(ticket.awaiting_patient),
        "reopened_count": int(ticket.reopened_count or 0), "opened_at": _t(ticket.opened_at),
        "acknowledged_at": _t(ticket.acknowledged_at), "resolved_at": _t(ticket.resolved_at),
        "updated_at": _t(ticket.updated_at),
        "acknowledge_due_at": _t(clock_row.acknowledge_due_at) if clock_row else None,
        "resolve_due_at": _t(clock_row.resolve_due_at) if clock_row else None,
    }


def live_sla(config: CareloopConfig, ticket: Ticket, events: list[TicketEvent], now: datetime) -> dict[str, Any] | None:
    """The ticket's SLA status at ``now``, replayed from its audit trail with the pure
    module (so it is right even when the monitor is behind)."""
    try:
        policy = config.sla.policy(ticket.sla_policy)
        calendar = config.sla.calendar_for(ticket.sla_policy)
        facts = []
        for e in events:
            fact = fact_from_lifecycle(e.type, {**(e.details or {}), "at": format_time(e.at)})
            if fact is not None:
                facts.append(fact)
        state = SlaState.replay(ticket.id, facts)
    except (LookupError, ValueError, TypeError):
        return None
    clocks = {}
    for name in CLOCKS:
        left = remaining(state, name, policy, calendar, now)
        due = deadline(state, name, policy, calendar, now=now)
        clocks[name] = {
            "status": state.clock_status(name),
            "due_at": _t(due),
            "remaining_business_seconds": left.total_seconds(),
            "window_seconds": policy.window(name).total_seconds(),
            "breached": left <= timedelta(0),
            "cycle": state.clock(name).cycle,
        }
    return {
        "policy": ticket.sla_policy, "calendar": policy.calendar, "evaluated_at": format_time(now),
        "paused": state.is_paused, "paused_since": _t(state.paused_since), "clocks": clocks,
    }


_TRANSITION_REASONS = {
    COMMAND_ACKNOWLEDGE_V1: "only an open ticket can be acknowledged",
    COMMAND_RESOLVE_V1: "the ticket is resolved already",
    COMMAND_REOPEN_V1: "only a resolved ticket can be reopened",
    COMMAND_PAUSE_V1: "only an unresolved ticket that is not already awaiting the patient can be paused",
    COMMAND_RESUME_V1: "only a ticket awaiting the patient can be resumed",
}


# --------------------------------------------------------------------------- the app

def create_api(
    *,
    sessions: sessionmaker,
    config: CareloopConfig,
    publish_command: Callable[[dict], None],
    clock: Callable[[], datetime],
    wait_seconds: float = 5.0,
    metrics: Metrics | None = None,
) -> FastAPI:
    """The ticket API. ``publish_command(event)`` must put the command event on
    ``tickets.commands`` (keyed by ticket id) and return only once the broker confirmed
    it, raising otherwise; it runs in the thread pool."""
    from careloop.tickets_cli import command_event

    metrics = metrics or Metrics()
    app = FastAPI(
        title="careloop ticket API",
        version="1",
        description=(__doc__ or "").split("Endpoints", 1)[0].strip(),
    )
    bearer = HTTPBearer(auto_error=False, description="`clp_...` token from `careloop api token create`.")

    # -- errors ---------------------------------------------------------------------
    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return _error(exc.status, exc.error, exc.reason, exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        return _error(422, "invalid_request", _validation_reason(exc))

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        if exc.status_code == 400:  # FastAPI's "error parsing the body" (e.g. not UTF-8): a validation error
            return _error(422, "invalid_request", "body: not a valid JSON document (UTF-8)")
        code = _STATUS_CODES.get(exc.status_code, "error" if exc.status_code >= 500 else "bad_request")
        reason = exc.detail if isinstance(exc.detail, str) else code.replace("_", " ")
        return _error(exc.status_code, code, reason, getattr(exc, "headers", None))

    @app.exception_handler(OperationalError)
    async def _db_down(_request: Request, _exc: OperationalError) -> JSONResponse:
        return _error(503, "unavailable", "the database is unavailable; retry")

    # -- metrics (bounded labels: route template, status class) -------------------------
    @app.middleware("http")
    async def _count(request: Request, call_next):  # noqa: ANN001, ANN202
        response = await call_next(request)
        route = request.scope.get("route")
        template = getattr(route, "path", None) or "unmatched"
        metrics.api_requests.labels(template, f"{response.status_code // 100}xx").inc()
        return response

    @app.get("/metrics", include_in_schema=False)
    def _metrics() -> Response:
        from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

        return Response(generate_latest(metrics.registry), media_type=CONTENT_TYPE_LATEST)

    # -- auth -----------------------------------------------------------------------
    def principal(credentials: HTTPAuthorizationCredentials | None = Depends(bearer)) -> Principal:
        challenge = {"WWW-Authenticate": "Bearer"}
        if credentials is None or credentials.scheme.lower() != "bearer":
            raise ApiError(401, "unauthorized", "a bearer token is required (Authorization: Bearer clp_...)", challenge)
        with sessions() as session:
            found = authenticate(session, credentials.credentials)
        if found is None:
            raise ApiError(401, "unauthorized", "the token is unknown or revoked",
                           {"WWW-Authenticate": 'Bearer error="invalid_token"'})
        return found

    def visible_ticket(session: Session, ticket_id: str, who: Principal) -> Ticket:
        ticket = session.get(Ticket, ticket_id) if _is_plain(ticket_id) else None
        if ticket is None or not who.can_access(ticket.team):
            raise ApiError(404, "not_found", "no such ticket")
        return ticket

    def detail(session: Session, ticket: Ticket) -> dict[str, Any]:
        events = session.scalars(
            select(TicketEvent).where(TicketEvent.ticket_id == ticket.id).order_by(TicketEvent.id)
        ).all()
        clock_row = session.get(SlaClock, ticket.id)
        out = _summary(ticket, clock_row)
        out.update(
            external_id=ticket.external_id, feedback_text=ticket.feedback_text, rating=ticket.rating,
            feedback_created_at=_t(ticket.feedback_created_at), public_reply_draft=ticket.public_reply_draft,
            private_outreach_draft=ticket.private_outreach_draft,
            timeline=[{"event_id": e.event_id, "type": e.type, "at": format_time(e.at), "actor": e.actor,
                       "details": dict(e.details or {})} for e in events],
            sla=live_sla(config, ticket, list(events), clock()),
        )
        return out

    # -- reads ----------------------------------------------------------------------
    @app.get("/healthz", response_model=Health, tags=["ops"], responses=_resp(503))
    def healthz() -> dict[str, str]:
        with sessions() as session:
            session.execute(select(1))
        return {"status": "ok"}

    @app.get("/v1/tickets", response_model=TicketList, tags=["tickets"], responses=_resp(401, 403, 422, 503))
    def list_tickets(
        who: Principal = Depends(principal),
        team: str | None = Query(None, min_length=1, max_length=100, pattern=r"^[^\x00]+$"),
        status: Status | None = Query(None),
        severity: Severity | None = Query(None),
        facility: str | None = Query(None, min_length=1, max_length=200, pattern=r"^[^\x00]+$"),
        breached: bool | None = Query(None, description="A clock's deadline (as projected by the SLA monitor) has passed."),
        due_within: str | None = Query(
            None, max_length=40, description="A running, unpaused clock falls due within this duration "
            "(`30m`, `4h`, `2d`, or seconds), not yet breached."),
        awaiting_patient: bool | None = Query(None),
        limit: int = Query(50, ge=1, le=MAX_LIMIT),
        offset: int = Query(0, ge=0, le=MAX_OFFSET),
    ) -> dict[str, Any]:
        now = clock()
        window: timedelta | None = None
        if due_within is not None:
            try:
                window = parse_duration(float(due_within) if _is_number(due_within) else due_within)
            except (ValueError, OverflowError):
                raise ApiError(422, "invalid_request", "due_within: not a duration like 30m, 4h, 2d or seconds") from None
            if window > MAX_DUE_WITHIN:
                raise ApiError(422, "invalid_request", "due_within: at most 366 days")
        if team is not None and not who.can_access(team):
            raise ApiError(403, "forbidden", f"the token may not read team {team!r}"[:200])
        query = select(Ticket, SlaClock).outerjoin(SlaClock, SlaClock.ticket_id == Ticket.id)
        if not who.admin:
            query = query.where(Ticket.team.in_(sorted(who.teams)))
        for column, value in ((Ticket.team, team), (Ticket.status, status), (Ticket.severity, severity),
                              (Ticket.facility, facility)):
            if value is not None:
                query = query.where(column == value)
        if awaiting_patient is not None:
            query = query.where(Ticket.awaiting_patient.is_(awaiting_patient))
        with sessions() as session:
            if breached is not None:
                is_breached = _breached_condition(session, now)
                query = query.where(is_breached if breached else ~is_breached)
            if window is not None:
                horizon = now + window
                not_paused = or_(SlaClock.paused.is_(False), SlaClock.paused.is_(None))
                soon = or_(and_(SlaClock.acknowledge_due_at > now, SlaClock.acknowledge_due_at <= horizon),
                           and_(SlaClock.resolve_due_at > now, SlaClock.resolve_due_at <= horizon))
                query = query.where(and_(not_paused, soon))
            rows = session.execute(
                query.order_by(Ticket.opened_at.desc(), Ticket.id).offset(offset).limit(limit + 1)
            ).all()
            tickets = [_summary(t, c) for t, c in rows[:limit]]
        return {"tickets": tickets, "limit": limit, "offset": offset,
                "next_offset": offset + limit if len(rows) > limit else None}

    @app.get("/v1/tickets/{ticket_id}", response_model=TicketDetail, tags=["tickets"],
             responses=_resp(401, 404, 422, 503))
    def get_ticket(ticket_id: str = Path(max_length=64), who: Principal = Depends(principal)) -> dict[str, Any]:
        with sessions() as session:
            return detail(session, visible_ticket(session, ticket_id, who))

    # -- actions --------------------------------------------------------------------
    def act(ticket_id: str, who: Principal, command_type: str, kind: str, response: Response,
            **fields: Any) -> Any:
        with sessions() as session:
            ticket = visible_ticket(session, ticket_id, who)
            if not command_applies(command_type, ticket.status, bool(ticket.awaiting_patient)):
                raise ApiError(409, "invalid_transition",
                               f"ticket is {ticket.status}{' and awaiting the patient' if ticket.awaiting_patient else ''}: "
                               f"{_TRANSITION_REASONS.get(command_type, 'not allowed')}")
        event = command_event(kind, ticket.id, who.name, producer="api", now=clock(), **fields)
        command_id = event["data"]["command_id"]
        try:
            publish_command(event)
        except Exception as exc:  # noqa: BLE001 - any publishing failure means "not accepted"
            raise ApiError(503, "unavailable", f"the command was not confirmed by Kafka ({type(exc).__name__}); retry") from None
        response.headers["X-Careloop-Command-Id"] = command_id
        deadline_at = time.monotonic() + max(0.0, wait_seconds)
        while True:
            with sessions() as session:
                if session.get(ProcessedMessage, (COMMANDS_CONSUMER, command_id)) is not None:
                    return detail(session, session.get(Ticket, ticket.id))
            if time.monotonic() >= deadline_at:
                break
            time.sleep(POLL_SECONDS)
        return JSONResponse({"command_id": command_id, "status": "pending"}, status_code=202,
                            headers={"X-Careloop-Command-Id": command_id})

    action_responses = {**_resp(401, 404, 409, 422, 503),
                        202: {"model": Pending, "description": "Published; the router has not applied it yet."}}
    simple_actions = (
        ("acknowledge", COMMAND_ACKNOWLEDGE_V1, "ack", "Acknowledge an open ticket (stops the acknowledge clock)."),
        ("resolve", COMMAND_RESOLVE_V1, "resolve", "Resolve a ticket (stops its clocks)."),
        ("reopen", COMMAND_REOPEN_V1, "reopen", "Reopen a resolved ticket (fresh resolve window)."),
        ("awaiting-patient", COMMAND_PAUSE_V1, "pause", "Set awaiting the patient: the SLA clocks pause."),
        ("resume", COMMAND_RESUME_V1, "resume", "End the awaiting-patient pause: the SLA clocks run again."),
    )
    def simple_action(command_type: str, kind: str) -> Callable[..., Any]:
        def endpoint(response: Response, ticket_id: str = Path(max_length=64),
                     body: NoteBody | None = Body(None), who: Principal = Depends(principal)) -> Any:
            return act(ticket_id, who, command_type, kind, response, note=body.note if body else None)

        endpoint.__name__ = f"ticket_{kind}"
        return endpoint

    for path, command_type, kind, summary in simple_actions:
        app.add_api_route(f"/v1/tickets/{{ticket_id}}/{path}", simple_action(command_type, kind), methods=["POST"],
                          summary=summary, response_model=TicketDetail, responses=action_responses,
                          tags=["actions"])

    @app.post("/v1/tickets/{ticket_id}/notes", response_model=TicketDetail, responses=action_responses,
              tags=["actions"], summary="Add a staff note to the ticket's timeline.")
    def add_note(response: Response, body: RequiredNoteBody, ticket_id: str = Path(max_length=64),
                 who: Principal = Depends(principal)) -> Any:
        return act(ticket_id, who, COMMAND_NOTE_V1, "note", response, note=body.note)

    @app.post("/v1/tickets/{ticket_id}/assign", response_model=TicketDetail,
              responses={**action_responses, **_resp(403)}, tags=["actions"],
              summary="Move the ticket to a team and assignee (a team token: within its teams).")
    def assign(response: Response, body: AssignBody, ticket_id: str = Path(max_length=64),
               who: Principal = Depends(principal)) -> Any:
        with sessions() as session:
            visible_ticket(session, ticket_id, who)  # 404 before anything about the target
        if body.team not in config.teams_by_name:
            raise ApiError(422, "invalid_request",
                           f"team: unknown team (known: {', '.join(sorted(config.teams_by_name))})")
        if not who.can_access(body.team):
            raise ApiError(403, "forbidden", f"the token may not assign to team {body.team!r}")
        return act(ticket_id, who, COMMAND_ASSIGN_V1, "assign", response, team=body.team, assignee=body.assignee)

    return app


def _is_plain(ticket_id: str) -> bool:
    return 0 < len(ticket_id) <= 64 and "\x00" not in ticket_id and ticket_id.isprintable()


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _breached_condition(session: Session, now: datetime) -> Any:
    """SQL condition "some SLA clock is past its deadline", from the monitor's projection.

    Running clocks: a stored deadline at or before ``now``. Paused clocks do not count
    time, so a paused ticket is breached only if its deadline fell before the pause
    began (the latest ``ticket.paused`` in its audit trail); those few are worked out
    here and named by id.
    """
    past_due = or_(SlaClock.acknowledge_due_at <= now, SlaClock.resolve_due_at <= now)
    running = or_(SlaClock.paused.is_(False), SlaClock.paused.is_(None))
    candidates = session.execute(
        select(SlaClock.ticket_id, SlaClock.acknowledge_due_at, SlaClock.resolve_due_at)
        .where(SlaClock.paused.is_(True), past_due)
    ).all()
    paused_breached: list[str] = []
    if candidates:
        ids = [c.ticket_id for c in candidates]
        paused_at = dict(session.execute(
            select(TicketEvent.ticket_id, func.max(TicketEvent.at))
            .where(TicketEvent.ticket_id.in_(ids), TicketEvent.type == TICKET_PAUSED_V1)
            .group_by(TicketEvent.ticket_id)
        ).all())
        for c in candidates:
            since = paused_at.get(c.ticket_id)
            dues = [d for d in (c.acknowledge_due_at, c.resolve_due_at) if d is not None]
            if since is None or (dues and min(dues) <= since):
                paused_breached.append(c.ticket_id)
    condition = and_(running, past_due)
    if paused_breached:
        condition = or_(condition, SlaClock.ticket_id.in_(paused_breached))
    # CASE so that tickets without a projection row (NULLs) count as not breached.
    return case((condition, 1), else_=0) == 1


__all__ = ["ApiError", "create_api", "live_sla"]
