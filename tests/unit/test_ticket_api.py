"""The ticket API (careloop.router.api) on SQLite with FastAPI's TestClient. Commands go
through a fake publisher that applies them with the real Router.handle_command, so
every action is checked end to end: scope -> command event -> router transaction ->
lifecycle event in the outbox + audit-trail row -> 200 with the updated ticket."""
from __future__ import annotations

import hashlib
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import func, select

from careloop.core.config import load_config
from careloop.core.db import ApiToken, Outbox, ProcessedMessage, SlaClock, Ticket, TicketEvent
from careloop.core.events import (
    COMMAND_ACKNOWLEDGE_V1,
    TICKET_ACKNOWLEDGED_V1,
    TICKET_ASSIGNED_V1,
    TICKET_NOTE_ADDED_V1,
    TICKET_OPENED_V1,
    TICKET_PAUSED_V1,
    TICKET_REOPENED_V1,
    TICKET_RESOLVED_V1,
    TICKET_RESUMED_V1,
    TICKETS_LIFECYCLE,
)
from careloop.core.schema_registry import validate_event
from careloop.core.settings import DEFAULT_CONFIG
from careloop.router.api_tokens import revoke_token
from careloop.sla_monitor.deadlines import (
    Opened,
    Paused,
    SlaState,
    deadline,
    remaining,
)
from test_ticket_api_support import ApiHarness, build_harness

PX = "patient-experience"
BILLING = "billing-office"


@pytest.fixture
def api(demo_config, sessions, clock) -> ApiHarness:
    return build_harness(demo_config, sessions, clock)


@pytest.fixture
def tokens(api):
    return {
        "px": api.token("px-lead", teams=(PX,)),
        "billing": api.token("billing-lead", teams=(BILLING,)),
        "admin": api.token("ops-admin", admin=True),
    }


def count(sessions, model, *where) -> int:
    with sessions() as s:
        return s.scalar(select(func.count()).select_from(model).where(*where))


def ids(response) -> set[str]:
    assert response.status_code == 200, response.text
    return {t["ticket_id"] for t in response.json()["tickets"]}


def assert_error(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error", "reason"}
    assert body["error"] == code and body["reason"]
    return body


# ------------------------------------------------------------------------ the service

def test_the_openapi_document_and_the_docs_are_served(api):
    spec = api.client.get("/openapi.json")
    assert spec.status_code == 200
    paths = spec.json()["paths"]
    for path in ("/v1/tickets", "/v1/tickets/{ticket_id}", "/v1/tickets/{ticket_id}/acknowledge",
                 "/v1/tickets/{ticket_id}/resolve", "/v1/tickets/{ticket_id}/reopen",
                 "/v1/tickets/{ticket_id}/awaiting-patient", "/v1/tickets/{ticket_id}/resume",
                 "/v1/tickets/{ticket_id}/notes", "/v1/tickets/{ticket_id}/assign", "/healthz"):
        assert path in paths, path
    assert "HTTPBearer" in spec.json()["components"]["securitySchemes"]
    assert api.client.get("/docs").status_code == 200
    assert api.client.get("/healthz").json() == {"status": "ok"}


# ------------------------------------------------------------------------ tokens

@pytest.mark.parametrize("header", [None, "Bearer", "Bearer clp_not-a-real-token", "Basic dXNlcjpwYXNz",
                                    "Bearer not-even-prefixed", "Token clp_x"])
def test_a_missing_malformed_or_unknown_token_is_401_with_a_bearer_challenge(api, header):
    headers = {"Authorization": header} if header else {}
    response = api.client.get("/v1/tickets", headers=headers)
    assert_error(response, 401, "unauthorized")
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


def test_tokens_are_stored_only_as_sha256_hashes(api, tokens, db_url):
    with api.sessions() as s:
        rows = {r.name: r for r in s.scalars(select(ApiToken)).all()}
    assert rows["px-lead"].token_sha256 == hashlib.sha256(tokens["px"].encode()).hexdigest()
    assert rows["px-lead"].teams == [PX] and not rows["px-lead"].admin
    assert rows["ops-admin"].admin
    database_bytes = Path(db_url.removeprefix("sqlite:///")).read_bytes()
    for raw in tokens.values():
        assert raw.startswith("clp_") and len(raw) > 40
        assert raw.encode() not in database_bytes
        assert raw.removeprefix("clp_").encode() not in database_bytes


def test_a_revoked_token_is_refused(api, tokens, clock):
    assert api.client.get("/v1/tickets", headers=api.auth(tokens["px"])).status_code == 200
    revoke_token(api.sessions, "px-lead", now=clock())
    assert_error(api.client.get("/v1/tickets", headers=api.auth(tokens["px"])), 401, "unauthorized")
    assert api.client.get("/v1/tickets", headers=api.auth(tokens["admin"])).status_code == 200


# ------------------------------------------------------------------------ scope

def test_a_team_token_lists_only_its_teams_tickets_and_admin_lists_all(api, tokens, make_classified):
    px = api.open_ticket(make_classified, external_id="px-1")
    bill = api.open_ticket(make_classified, external_id="bill-1", topics=("billing",))
    assert ids(api.client.get("/v1/tickets", headers=api.auth(tokens["px"]))) == {px}
    assert ids(api.client.get("/v1/tickets", headers=api.auth(tokens["billing"]))) == {bill}
    assert ids(api.client.get("/v1/tickets", headers=api.auth(tokens["admin"]))) == {px, bill}
    assert ids(api.client.get(f"/v1/tickets?team={BILLING}", headers=api.auth(tokens["admin"]))) == {bill}


def test_a_team_token_filtering_on_another_team_is_403(api, tokens):
    assert_error(api.client.get(f"/v1/tickets?team={BILLING}", headers=api.auth(tokens["px"])), 403, "forbidden")


def test_another_teams_ticket_reads_as_not_found_exactly_like_a_missing_one(api, tokens, make_classified):
    bill = api.open_ticket(make_classified, external_id="bill-1", topics=("billing",))
    foreign = api.client.get(f"/v1/tickets/{bill}", headers=api.auth(tokens["px"]))
    missing = api.client.get("/v1/tickets/00000000-0000-5000-8000-000000000000", headers=api.auth(tokens["px"]))
    assert_error(foreign, 404, "not_found")
    assert foreign.json() == missing.json()
    assert api.client.get(f"/v1/tickets/{bill}", headers=api.auth(tokens["billing"])).status_code == 200
    assert api.client.get(f"/v1/tickets/{bill}", headers=api.auth(tokens["admin"])).status_code == 200


@pytest.mark.parametrize("action, body", [("acknowledge", None), ("resolve", {"note": "x"}), ("reopen", None),
                                          ("awaiting-patient", None), ("resume", None), ("notes", {"note": "n"}),
                                          ("assign", {"team": "patient-experience", "assignee": None})])
def test_a_team_token_cannot_act_on_another_teams_ticket(api, tokens, make_classified, action, body):
    bill = api.open_ticket(make_classified, external_id="bill-1", topics=("billing",))
    response = api.client.post(f"/v1/tickets/{bill}/{action}", json=body, headers=api.auth(tokens["px"]))
    assert_error(response, 404, "not_found")
    assert api.published == []
    assert count(api.sessions, TicketEvent) == 1  # only the opened event


def test_admin_can_act_on_any_team(api, tokens, make_classified):
    bill = api.open_ticket(make_classified, external_id="bill-1", topics=("billing",))
    response = api.client.post(f"/v1/tickets/{bill}/acknowledge", headers=api.auth(tokens["admin"]))
    assert response.status_code == 200, response.text
    assert response.json()["status"] == "acknowledged"


def test_a_team_token_may_assign_only_within_its_teams(api, make_classified):
    both = api.token("px-and-billing", teams=(PX, BILLING))
    px_only = api.token("px-only", teams=(PX,))
    tid = api.open_ticket(make_classified)
    refused = api.client.post(f"/v1/tickets/{tid}/assign", json={"team": "estates-facilities", "assignee": None},
                              headers=api.auth(px_only))
    assert_error(refused, 403, "forbidden")
    moved = api.client.post(f"/v1/tickets/{tid}/assign", json={"team": BILLING, "assignee": "billing-1"},
                            headers=api.auth(both))
    assert moved.status_code == 200, moved.text
    assert (moved.json()["team"], moved.json()["assignee"]) == (BILLING, "billing-1")
    # Now outside px-only's scope: it no longer sees the ticket at all.
    assert_error(api.client.get(f"/v1/tickets/{tid}", headers=api.auth(px_only)), 404, "not_found")


def test_assigning_to_an_unknown_team_is_422(api, tokens, make_classified):
    tid = api.open_ticket(make_classified)
    response = api.client.post(f"/v1/tickets/{tid}/assign", json={"team": "kitchen", "assignee": None},
                               headers=api.auth(tokens["admin"]))
    assert_error(response, 422, "invalid_request")
    assert api.published == []


# ------------------------------------------------------------------------ actions

def test_every_action_emits_its_lifecycle_event_and_an_audit_row(api, tokens, make_classified, clock):
    tid = api.open_ticket(make_classified)
    auth = api.auth(tokens["px"])
    steps = [
        ("acknowledge", {"note": "called back"}, TICKET_ACKNOWLEDGED_V1),
        ("awaiting-patient", {"note": "voicemail left"}, TICKET_PAUSED_V1),
        ("resume", None, TICKET_RESUMED_V1),
        ("notes", {"note": "meeting booked for Friday"}, TICKET_NOTE_ADDED_V1),
        ("assign", {"team": PX, "assignee": "px-agent-3"}, TICKET_ASSIGNED_V1),
        ("resolve", {"note": "apologised"}, TICKET_RESOLVED_V1),
        ("reopen", {"note": "patient wrote back"}, TICKET_REOPENED_V1),
    ]
    for action, body, _ in steps:
        clock.advance(60)
        response = api.client.post(f"/v1/tickets/{tid}/{action}", json=body, headers=auth)
        assert response.status_code == 200, (action, response.text)
        assert response.headers["X-Careloop-Command-Id"]
    with api.sessions() as s:
        audit = s.scalars(select(TicketEvent).where(TicketEvent.ticket_id == tid).order_by(TicketEvent.id)).all()
        outbox = s.scalars(select(Outbox).order_by(Outbox.id)).all()
        processed = s.scalar(select(func.count()).select_from(ProcessedMessage))
    assert [a.type for a in audit] == [TICKET_OPENED_V1, *(t for *_, t in steps)]
    assert [a.actor for a in audit[1:]] == ["px-lead"] * len(steps)
    assert [o.event_id for o in outbox] == [a.event_id for a in audit]
    assert all(o.topic == TICKETS_LIFECYCLE and o.key == tid for o in outbox)
    assert processed == len(steps)
    # Commands carry the token's name as actor and come from the API.
    assert {e["data"]["actor"] for e in api.published} == {"px-lead"}
    assert {e["source"] for e in api.published} == {"careloop/api"}
    for event in api.published:
        validate_event(event)
    assert audit[2].details == {"reason": "awaiting_patient", "note": "voicemail left"}
    assert audit[4].details == {"note": "meeting booked for Friday"}
    final = api.client.get(f"/v1/tickets/{tid}", headers=auth).json()
    assert final["status"] == "acknowledged" and final["reopened_count"] == 1 and final["resolved_at"] is None
    assert [e["type"] for e in final["timeline"]] == [a.type for a in audit]


def test_an_action_answers_with_the_updated_ticket(api, tokens, make_classified, clock):
    tid = api.open_ticket(make_classified)
    clock.advance(90)
    body = api.client.post(f"/v1/tickets/{tid}/awaiting-patient", headers=api.auth(tokens["px"])).json()
    assert body["ticket_id"] == tid
    assert body["awaiting_patient"] is True
    assert body["sla"]["paused"] is True
    assert body["timeline"][-1]["type"] == TICKET_PAUSED_V1


@pytest.mark.parametrize(
    "setup, action, reason_part",
    [
        (["acknowledge"], "acknowledge", "only an open ticket can be acknowledged"),
        (["resolve"], "resolve", "resolved already"),
        ([], "reopen", "only a resolved ticket can be reopened"),
        ([], "resume", "only a ticket awaiting the patient"),
        (["awaiting-patient"], "awaiting-patient", "not already awaiting"),
        (["resolve"], "awaiting-patient", "unresolved"),
        (["resolve"], "acknowledge", "only an open ticket"),
    ],
)
def test_an_invalid_transition_is_409_with_a_reason_and_publishes_nothing(api, tokens, make_classified, setup,
                                                                        action, reason_part):
    tid = api.open_ticket(make_classified)
    auth = api.auth(tokens["px"])
    for step in setup:
        assert api.client.post(f"/v1/tickets/{tid}/{step}", headers=auth).status_code == 200
    before = len(api.published), count(api.sessions, TicketEvent)
    body = assert_error(api.client.post(f"/v1/tickets/{tid}/{action}", headers=auth), 409, "invalid_transition")
    assert reason_part in body["reason"]
    assert (len(api.published), count(api.sessions, TicketEvent)) == before


def test_notes_can_be_added_to_a_resolved_ticket(api, tokens, make_classified):
    tid = api.open_ticket(make_classified)
    auth = api.auth(tokens["px"])
    api.client.post(f"/v1/tickets/{tid}/resolve", headers=auth)
    assert api.client.post(f"/v1/tickets/{tid}/notes", json={"note": "closing letter sent"},
                           headers=auth).status_code == 200


@pytest.mark.parametrize(
    "action, body",
    [
        ("notes", None),
        ("notes", {}),
        ("notes", {"note": ""}),
        ("notes", {"note": "   "}),
        ("notes", {"note": "x" * 4001}),
        ("notes", {"note": "bad \u0000 byte"}),
        ("acknowledge", {"note": 5}),
        ("acknowledge", {"note": "ok", "surprise": 1}),
        ("assign", {"assignee": "px-agent-1"}),
        ("assign", {"team": "", "assignee": None}),
    ],
)
def test_an_invalid_body_is_422_in_the_api_error_shape(api, tokens, make_classified, action, body):
    tid = api.open_ticket(make_classified)
    response = api.client.post(f"/v1/tickets/{tid}/{action}", json=body, headers=api.auth(tokens["px"]))
    assert_error(response, 422, "invalid_request")
    assert api.published == []


def test_a_body_that_is_not_json_is_422(api, tokens, make_classified):
    tid = api.open_ticket(make_classified)
    response = api.client.post(f"/v1/tickets/{tid}/acknowledge", content=b"{not json",
                               headers={**api.auth(tokens["px"]), "Content-Type": "application/json"})
    assert_error(response, 422, "invalid_request")


def test_a_lone_surrogate_in_a_note_is_422_not_a_crash(api, tokens, make_classified):
    tid = api.open_ticket(make_classified)
    response = api.client.post(f"/v1/tickets/{tid}/notes", content=b'{"note": "\\ud800"}',
                               headers={**api.auth(tokens["px"]), "Content-Type": "application/json"})
    assert_error(response, 422, "invalid_request")


def test_when_the_router_is_behind_the_action_answers_202_pending(demo_config, sessions, clock, make_classified):
    api = build_harness(demo_config, sessions, clock, wait_seconds=0.1)
    token = api.token("px-lead", teams=(PX,))
    tid = api.open_ticket(make_classified)
    api.apply = False
    response = api.client.post(f"/v1/tickets/{tid}/acknowledge", headers=api.auth(token))
    assert response.status_code == 202
    (event,) = api.published
    assert event["type"] == COMMAND_ACKNOWLEDGE_V1
    assert response.json() == {"command_id": event["data"]["command_id"], "status": "pending"}
    assert response.headers["X-Careloop-Command-Id"] == event["data"]["command_id"]


def test_when_kafka_does_not_confirm_the_action_is_503_and_nothing_changes(api, tokens, make_classified):
    tid = api.open_ticket(make_classified)
    api.fail_publish = True
    response = api.client.post(f"/v1/tickets/{tid}/acknowledge", headers=api.auth(tokens["px"]))
    assert_error(response, 503, "unavailable")
    assert count(api.sessions, ProcessedMessage) == 0
    with api.sessions() as s:
        assert s.get(Ticket, tid).status == "open"


# ------------------------------------------------------------------------ reading

def test_one_ticket_has_feedback_text_drafts_and_timeline(api, tokens, make_classified):
    tid = api.open_ticket(make_classified, text="The nurse never came back with my pain relief.")
    body = api.client.get(f"/v1/tickets/{tid}", headers=api.auth(tokens["px"])).json()
    assert body["feedback_text"] == "The nurse never came back with my pain relief."
    assert body["public_reply_draft"].strip() and body["private_outreach_draft"].strip()
    assert [e["type"] for e in body["timeline"]] == [TICKET_OPENED_V1]
    assert body["timeline"][0]["actor"] == "system"
    assert body["status"] == "open" and body["team"] == PX


def _projection(sessions, tid, *, ack_due=None, resolve_due=None, paused=False):
    with sessions.begin() as s:
        t = s.get(Ticket, tid)
        s.merge(SlaClock(ticket_id=tid, feedback_id=t.feedback_id, team=t.team, assignee=t.assignee,
                         severity=t.severity, facility=t.facility, sla_policy=t.sla_policy,
                         escalation_chain=t.escalation_chain, opened_at=t.opened_at, lifecycle_partition=0,
                         state={}, active=1, acknowledge_due_at=ack_due, resolve_due_at=resolve_due,
                         paused=paused))


def test_list_filters_by_team_status_severity_facility_and_awaiting_patient(api, tokens, make_classified):
    auth = api.auth(tokens["admin"])
    a = api.open_ticket(make_classified, external_id="a", severity="high", facility="st-marys")
    b = api.open_ticket(make_classified, external_id="b", severity="low", facility="riverside")
    c = api.open_ticket(make_classified, external_id="c", severity="high", facility="riverside", topics=("billing",))
    api.client.post(f"/v1/tickets/{b}/acknowledge", headers=auth)
    api.client.post(f"/v1/tickets/{c}/awaiting-patient", headers=auth)

    def q(query: str) -> set[str]:
        return ids(api.client.get(f"/v1/tickets?{query}", headers=auth))

    assert q(f"team={PX}") == {a, b}
    assert q("status=open") == {a, c}
    assert q("status=acknowledged") == {b}
    assert q("severity=high") == {a, c}
    assert q("facility=riverside") == {b, c}
    assert q("awaiting_patient=true") == {c}
    assert q("awaiting_patient=false") == {a, b}
    assert q(f"severity=high&team={PX}") == {a}
    assert_error(api.client.get("/v1/tickets?status=closed", headers=auth), 422, "invalid_request")
    assert_error(api.client.get("/v1/tickets?severity=apocalyptic", headers=auth), 422, "invalid_request")


def test_list_filters_breached_and_due_within_from_the_sla_projection(api, tokens, make_classified, clock):
    auth = api.auth(tokens["admin"])
    now = clock()
    breached = api.open_ticket(make_classified, external_id="breached")
    soon = api.open_ticket(make_classified, external_id="soon")
    later = api.open_ticket(make_classified, external_id="later")
    paused_soon = api.open_ticket(make_classified, external_id="paused-soon")
    unknown = api.open_ticket(make_classified, external_id="no-projection")
    _projection(api.sessions, breached, ack_due=now - timedelta(minutes=5), resolve_due=now + timedelta(days=2))
    _projection(api.sessions, soon, ack_due=now + timedelta(minutes=20), resolve_due=now + timedelta(days=2))
    _projection(api.sessions, later, ack_due=None, resolve_due=now + timedelta(hours=5))
    _projection(api.sessions, paused_soon, ack_due=now + timedelta(minutes=10), paused=True)

    def q(query: str) -> set[str]:
        return ids(api.client.get(f"/v1/tickets?{query}", headers=auth))

    assert q("breached=true") == {breached}
    assert q("breached=false") == {soon, later, paused_soon, unknown}
    assert q("due_within=30m") == {soon}           # paused clocks do not fall due; breached is past due
    assert q("due_within=1800") == {soon}          # seconds
    assert q("due_within=6h") == {soon, later}
    assert q("due_within=6h&breached=false") == {soon, later}
    for bad in ("soon", "-5", "0", "99999999999999999999w", "1e400"):
        assert_error(api.client.get(f"/v1/tickets?due_within={bad}", headers=auth), 422, "invalid_request")


def test_a_paused_ticket_is_breached_only_if_its_deadline_passed_before_the_pause(api, tokens, make_classified,
                                                                                clock):
    auth = api.auth(tokens["admin"])
    start = clock()
    before = api.open_ticket(make_classified, external_id="breached-then-paused")
    after = api.open_ticket(make_classified, external_id="paused-in-time")
    clock.advance(600)
    for tid in (before, after):
        assert api.client.post(f"/v1/tickets/{tid}/awaiting-patient", headers=auth).status_code == 200
    # The monitor's deadline for `before` fell before the pause; for `after` it is
    # (as if resumed at the pause) after it, yet in the past by now.
    _projection(api.sessions, before, ack_due=start + timedelta(seconds=300), paused=True)
    _projection(api.sessions, after, ack_due=start + timedelta(seconds=700), paused=True)
    clock.advance(3600)
    assert ids(api.client.get("/v1/tickets?breached=true", headers=auth)) == {before}
    assert ids(api.client.get("/v1/tickets?breached=false", headers=auth)) == {after}


def test_list_pagination_with_limit_and_offset(api, tokens, make_classified, clock):
    auth = api.auth(tokens["admin"])
    opened = []
    for n in range(5):
        opened.append(api.open_ticket(make_classified, external_id=f"p-{n}"))
        clock.advance(1)
    first = api.client.get("/v1/tickets?limit=2", headers=auth).json()
    assert [t["ticket_id"] for t in first["tickets"]] == opened[::-1][:2]
    assert first["next_offset"] == 2
    last = api.client.get("/v1/tickets?limit=2&offset=4", headers=auth).json()
    assert [t["ticket_id"] for t in last["tickets"]] == [opened[0]]
    assert last["next_offset"] is None
    assert_error(api.client.get("/v1/tickets?limit=201", headers=auth), 422, "invalid_request")
    assert_error(api.client.get("/v1/tickets?limit=0", headers=auth), 422, "invalid_request")
    assert_error(api.client.get("/v1/tickets?offset=-1", headers=auth), 422, "invalid_request")


# ------------------------------------------------------------------------ live SLA

@pytest.fixture
def office(sessions, clock):
    """The documented default config: `standard` counts business hours (uk-office)."""
    config = load_config(DEFAULT_CONFIG)
    clock.set(datetime(2026, 11, 26, 10, 0, tzinfo=timezone.utc))  # a Thursday, 10:00 London
    return build_harness(config, sessions, clock)


def test_live_sla_matches_the_pure_module_and_counts_business_time(office, make_classified, clock):
    token = office.token("px-lead", teams=(PX,))
    opened_at = clock()
    tid = office.open_ticket(make_classified, at=opened_at)
    clock.advance(timedelta(hours=3))
    sla = office.client.get(f"/v1/tickets/{tid}", headers=office.auth(token)).json()["sla"]
    assert sla["policy"] == "standard" and sla["calendar"] == "uk-office" and sla["paused"] is False

    policy = office.config.sla.policy("standard")
    calendar = office.config.sla.calendar_for("standard")
    state = SlaState.replay(tid, [Opened(opened_at, "standard")])
    ack = sla["clocks"]["acknowledge"]
    assert ack["status"] == "running"
    assert ack["due_at"] == deadline(state, "acknowledge", policy, calendar).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    # 10:00-13:00 with a lunch hour 12-13: two business hours used of sixteen.
    assert ack["remaining_business_seconds"] == remaining(state, "acknowledge", policy, calendar, clock()).total_seconds()
    assert ack["remaining_business_seconds"] == 14 * 3600
    assert ack["window_seconds"] == 16 * 3600
    assert ack["breached"] is False
    assert sla["clocks"]["resolve"]["status"] == "running"


def test_a_paused_ticket_shows_paused_clocks_with_remaining_time_frozen(office, make_classified, clock):
    token = office.token("px-lead", teams=(PX,))
    auth = office.auth(token)
    opened_at = clock()
    tid = office.open_ticket(make_classified, at=opened_at)
    clock.advance(timedelta(hours=1))
    assert office.client.post(f"/v1/tickets/{tid}/awaiting-patient", headers=auth).status_code == 200
    paused_at = clock()
    first = office.client.get(f"/v1/tickets/{tid}", headers=auth).json()["sla"]
    clock.advance(timedelta(days=3))
    later = office.client.get(f"/v1/tickets/{tid}", headers=auth).json()["sla"]
    assert later["paused"] is True
    assert later["paused_since"] == first["paused_since"]
    for name in ("acknowledge", "resolve"):
        assert later["clocks"][name]["status"] == "paused"
        assert later["clocks"][name]["remaining_business_seconds"] == first["clocks"][name]["remaining_business_seconds"]
        assert later["clocks"][name]["breached"] is False
    assert first["clocks"]["acknowledge"]["remaining_business_seconds"] == 15 * 3600
    policy, calendar = office.config.sla.policy("standard"), office.config.sla.calendar_for("standard")
    state = SlaState.replay(tid, [Opened(opened_at, "standard"), Paused(paused_at)])
    expected = deadline(state, "acknowledge", policy, calendar, now=clock())
    assert later["clocks"]["acknowledge"]["due_at"] == expected.strftime("%Y-%m-%dT%H:%M:%S.%fZ")

    assert office.client.post(f"/v1/tickets/{tid}/resume", headers=auth).status_code == 200
    resumed = office.client.get(f"/v1/tickets/{tid}", headers=auth).json()["sla"]
    assert resumed["paused"] is False and resumed["clocks"]["acknowledge"]["status"] == "running"


def test_a_ticket_past_its_deadline_shows_breached_and_acknowledging_stops_the_clock(api, tokens, make_classified,
                                                                                  clock):
    auth = api.auth(tokens["px"])
    tid = api.open_ticket(make_classified)   # demo `standard`: acknowledge within 16 s, 24x7
    clock.advance(20)
    sla = api.client.get(f"/v1/tickets/{tid}", headers=auth).json()["sla"]
    assert sla["clocks"]["acknowledge"]["breached"] is True
    assert sla["clocks"]["acknowledge"]["remaining_business_seconds"] == -4
    assert sla["clocks"]["resolve"]["breached"] is False
    body = api.client.post(f"/v1/tickets/{tid}/acknowledge", headers=auth).json()
    ack = body["sla"]["clocks"]["acknowledge"]
    assert ack["status"] == "stopped" and ack["due_at"] is None and ack["breached"] is True


def test_reopening_restarts_the_resolve_clock(api, tokens, make_classified, clock):
    auth = api.auth(tokens["px"])
    tid = api.open_ticket(make_classified)
    clock.advance(5)
    api.client.post(f"/v1/tickets/{tid}/resolve", headers=auth)
    clock.advance(100)
    body = api.client.post(f"/v1/tickets/{tid}/reopen", headers=auth).json()
    resolve = body["sla"]["clocks"]["resolve"]
    assert resolve["status"] == "running" and resolve["cycle"] == 1
    assert resolve["remaining_business_seconds"] == resolve["window_seconds"]


# ------------------------------------------------------------------------ metrics

def test_requests_are_counted_by_route_template_and_status_class(api, tokens, make_classified):
    tid = api.open_ticket(make_classified)
    auth = api.auth(tokens["px"])
    api.client.get(f"/v1/tickets/{tid}", headers=auth)
    api.client.get("/v1/tickets/does-not-exist", headers=auth)
    api.client.get("/v1/tickets")
    get = api.metrics.registry.get_sample_value
    assert get("careloop_api_requests_total", {"route": "/v1/tickets/{ticket_id}", "status_class": "2xx"}) == 1
    assert get("careloop_api_requests_total", {"route": "/v1/tickets/{ticket_id}", "status_class": "4xx"}) == 1
    assert get("careloop_api_requests_total", {"route": "/v1/tickets", "status_class": "4xx"}) == 1
    text = api.client.get("/metrics").text
    assert "careloop_api_requests_total" in text and tid not in text


def test_a_body_that_is_not_utf8_is_422_not_400(api, tokens, make_classified):
    tid = api.open_ticket(make_classified)
    response = api.client.post(f"/v1/tickets/{tid}/notes", content=b'\xc8\xab\xff\xfe',
                               headers={**api.auth(tokens["px"]), "Content-Type": "application/json"})
    assert_error(response, 422, "invalid_request")
