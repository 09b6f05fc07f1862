"""Support module (no tests) for the ticket API unit tests: a Router on the test database, a fake
`publish_command` that applies each command through the real `Router.handle_command`
(so `processed_messages` is written and the API answers 200 — API -> router logic end
to end, without Kafka), tokens, and a way to open tickets."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from fastapi.testclient import TestClient

from careloop.core.config import CareloopConfig
from careloop.core.events import encode_event
from careloop.core.ids import ticket_id as derive_ticket_id
from careloop.core.metrics import Metrics
from careloop.core.stage import RecordMeta
from careloop.router.api import create_api
from careloop.router.api_tokens import create_token
from careloop.router.handler import Router

CLASSIFIED_META = RecordMeta("feedback.classified", 0, 0, None)
COMMANDS_META = RecordMeta("tickets.commands", 0, 0, None)


@dataclass
class ApiHarness:
    config: CareloopConfig
    sessions: Any
    clock: Any
    metrics: Metrics
    router: Router
    client: TestClient
    published: list[dict] = field(default_factory=list)
    apply: bool = True           # False: publish only (the router "is behind")
    fail_publish: bool = False   # True: publishing raises (Kafka down)

    def token(self, name: str, *, teams: tuple[str, ...] = (), admin: bool = False) -> str:
        return create_token(self.sessions, name=name, teams=teams, admin=admin, now=self.clock())

    def auth(self, token: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {token}"}

    def open_ticket(self, make_classified: Callable[..., dict], **kwargs: Any) -> str:
        event = make_classified(**kwargs)
        out = self.router.handle_classified(encode_event(event), CLASSIFIED_META)
        assert len(out) == 1, "the classified event did not open a ticket"
        return derive_ticket_id(event["data"]["feedback"]["feedback_id"])


def build_harness(config: CareloopConfig, sessions: Any, clock: Any, *, wait_seconds: float = 0.5) -> ApiHarness:
    from prometheus_client import CollectorRegistry

    metrics = Metrics(CollectorRegistry())
    router = Router(config=config, sessions=sessions, clock=clock, metrics=metrics)
    harness: ApiHarness

    def publish(event: dict) -> None:
        if harness.fail_publish:
            raise TimeoutError("broker did not confirm")
        harness.published.append(event)
        if harness.apply:
            router.handle_command(encode_event(event), COMMANDS_META)

    app = create_api(sessions=sessions, config=config, publish_command=publish, clock=clock,
                     wait_seconds=wait_seconds, metrics=metrics)
    harness = ApiHarness(config=config, sessions=sessions, clock=clock, metrics=metrics, router=router,
                         client=TestClient(app))
    return harness
