"""Schemathesis against the ticket API's own OpenAPI document (ASGI, no network): for
every operation, generated requests with an admin token on a seeded database never get
a 5xx, and every response conforms to the documented status codes, content types and
response schemas. Half of the generated ticket ids are swapped for seeded tickets so
the actions reach the router, not only the 404 path."""
from __future__ import annotations

import hashlib

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from test_ticket_api_support import build_harness

MAX_EXAMPLES = 25  # per operation and mode; the whole module runs in well under a minute


@pytest.fixture
def seeded(demo_config, sessions, clock, make_classified):
    api = build_harness(demo_config, sessions, clock, wait_seconds=0.2)
    token = api.token("fuzz-admin", admin=True)
    tickets = [
        api.open_ticket(make_classified, external_id=f"fuzz-{n}", severity=severity, topics=topics)
        for n, (severity, topics) in enumerate([("medium", ("communication",)), ("high", ("billing",)),
                                                ("critical", ("waiting",)), ("low", ("food",))])
    ]
    return api, token, tickets


OPERATIONS = [
    ("GET", "/healthz"),
    ("GET", "/v1/tickets"),
    ("GET", "/v1/tickets/{ticket_id}"),
    *(("POST", f"/v1/tickets/{{ticket_id}}/{action}")
      for action in ("acknowledge", "resolve", "reopen", "awaiting-patient", "resume", "notes", "assign")),
]
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


def test_the_fuzzed_operations_are_every_operation_in_the_openapi(seeded):
    api, _token, _tickets = seeded
    spec = api.client.get("/openapi.json").json()
    assert {(m.upper(), p) for p, ops in spec["paths"].items() for m in ops} == set(OPERATIONS)


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE], ids=lambda m: m.value)
@pytest.mark.parametrize("method, path", OPERATIONS, ids=[f"{m} {p}" for m, p in OPERATIONS])
def test_the_api_never_answers_5xx_and_conforms_to_its_openapi(seeded, method, path, mode):
    api, token, tickets = seeded
    if mode is GenerationMode.NEGATIVE and path == "/healthz":
        pytest.skip("/healthz has no inputs to get wrong")
    schema = schemathesis.openapi.from_asgi("/openapi.json", api.client.app)
    operation = schema[path][method]

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(max_examples=MAX_EXAMPLES, deadline=None, database=None, derandomize=True,
              suppress_health_check=list(HealthCheck))
    def run(case):
        generated = (case.path_parameters or {}).get("ticket_id")
        if mode is GenerationMode.POSITIVE and isinstance(generated, str) and len(generated) <= 64:
            pick = hashlib.sha256(generated.encode("utf-8", "surrogatepass")).digest()[0]
            if pick % 2 == 0:  # half the time, a ticket that exists
                case.path_parameters["ticket_id"] = tickets[pick % len(tickets)]
        response = case.call_and_validate(headers={"Authorization": f"Bearer {token}"}, checks=CHECKS)
        assert response.status_code < 500

    run()
