"""The whole flow on real Kafka and PostgreSQL: ingest -> classifier -> router ->
sla_monitor, a command from the CLI, and every emitted event checked against its schema."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from careloop.core.config import load_config
from careloop.core.db import Ticket, TicketEvent, make_engine, make_sessionmaker
from careloop.core.events import ALL_TOPICS
from careloop.core.metrics import Metrics
from careloop.core.schema_registry import validate_event
from careloop.core.timeutil import parse_time, utcnow
from careloop.ingest.service import Publisher, ingest_file
from careloop.router.handler import facts_from
from careloop.router.replies import check_reply
from careloop.router.rules import route

pytestmark = pytest.mark.integration


def _ingest(settings, producer, tmp_path: Path, rows: list[dict]) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    config = load_config(settings.config_path)
    report = ingest_file(path, source=None, config=config, publisher=Publisher(settings, producer, Metrics()), clock=utcnow)
    assert report.accepted == len(rows)


def test_feedback_becomes_one_ticket_each_and_unacknowledged_tickets_escalate_on_time(
    fast_sla_config, settings_for, pipeline_factory, reader_for, producer_for, tmp_path, sample_records
):
    settings = settings_for(fast_sla_config)
    config = load_config(settings.config_path)
    pipeline = pipeline_factory(settings)
    reader = reader_for(settings, *ALL_TOPICS)
    # A question sent to the feedback inbox is neither praise nor a complaint: it gets a
    # ticket to be answered (the enquiries rule), with drafts that apologise for nothing.
    enquiry_text = "Could you tell me which entrance to use for the eye clinic?"
    # A thank-you sent above the hospital's quoted apology is thanks: no ticket and no
    # flag from the thread's "Ombudsman" and "legal advice" (message_body), while the
    # event keeps the whole email for whoever reads it.
    thanks_text = ("Thank you, that's all sorted now and the new appointment suits us.\n\n"
                   "On Tue, 3 Nov 2026 at 09:14, Patient Experience <pals@example.nhs.uk> wrote:\n"
                   "> We are very sorry that your mother was left in pain. You may contact the Ombudsman\n"
                   "> or seek legal advice if you remain unhappy.")
    rows = sample_records() + [
        {"source": "web_form", "external_id": f"it-enquiry-{tmp_path.name}", "text": enquiry_text,
         "facility": "st-marys", "department": "outpatients"},
        {"source": "email", "external_id": f"it-thanks-{tmp_path.name}", "text": thanks_text, "facility": "st-marys"},
    ]
    _ingest(settings, producer_for(settings), tmp_path, rows)

    reader.wait_for(lambda ev: len([e for e in ev if e["type"].endswith("classified.v1")]) == len(rows), 60,
                    "every record classified")
    classified = reader.of_type("feedback.classified.v1")
    thanks = next(c["data"] for c in classified if c["data"]["feedback"]["external_id"] == f"it-thanks-{tmp_path.name}")
    assert thanks["feedback"]["text"] == thanks_text
    assert (thanks["classification"]["sentiment"], thanks["classification"]["risk_flags"]) == ("positive", [])
    assert not route(config.routing, facts_from(thanks["feedback"], thanks["classification"])).ticket
    needing = {c["data"]["feedback"]["feedback_id"] for c in classified
               if route(config.routing, facts_from(c["data"]["feedback"], c["data"]["classification"])).ticket}
    assert len(needing) >= 6, "the sample holds at least six complaints"
    reader.wait_for(lambda ev: len([e for e in ev if e["type"].endswith("ticket.opened.v1")]) >= len(needing), 60,
                    "a ticket for every complaint")

    sessions = make_sessionmaker(make_engine(settings.database_url))
    with sessions() as session:
        tickets = session.scalars(select(Ticket).where(Ticket.feedback_id.in_(needing))).all()
        assert {t.feedback_id for t in tickets} == needing
        for t in tickets:
            # Feedback the classifier could not read (the human-review rule) gets no apology yet,
            # nor does a question that is not a complaint (the enquiries rule).
            assert check_reply(t.public_reply_draft, public=True, allowed_contacts=config.organisation.allowed_contacts,
                               allowed_terms=[config.organisation.facility_names.get(t.facility, t.facility), t.id[:8].upper()],
                               expects_apology=t.routing_rule not in ("human-review", "enquiries")) == []
            assert t.feedback_text not in t.public_reply_draft
        enquiry = next(t for t in tickets if t.feedback_text == enquiry_text)
        assert (enquiry.routing_rule, enquiry.team) == ("enquiries", "patient-experience")
        assert not re.search(r"sorry|apologi", enquiry.public_reply_draft + enquiry.private_outreach_draft, re.IGNORECASE)

    # A member of staff acknowledges one ticket through the CLI and the command topic.
    acked = sorted(tickets, key=lambda t: t.id)[0]
    env = {**os.environ, **pipeline.child_env()}
    done = subprocess.run([sys.executable, "-m", "careloop.cli", "tickets", "ack", acked.id, "--actor", "px-agent-1"],
                          env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    reader.wait_for(lambda ev: any(e["type"].endswith("ticket.acknowledged.v1") and e["subject"] == acked.id for e in ev),
                    30, "the acknowledgement")
    ack_at = parse_time(next(e for e in reader.of_type("ticket.acknowledged.v1") if e["subject"] == acked.id)["data"]["at"])

    # Each unacknowledged ticket: warnings at 0.5, 0.75, 0.9 of 6 s and the breach.
    unacked = [t for t in tickets if t.id != acked.id]
    reader.wait_for(
        lambda ev: len([e for e in ev if e["type"].endswith("escalation.raised.v1")
                        and e["data"]["clock"] == "acknowledge"]) >= 4 * len(unacked),
        60, "the acknowledge-clock escalations")
    reader.poll()
    ack_clock = [e["data"] for e in reader.of_type("escalation.raised.v1") if e["data"]["clock"] == "acknowledge"]
    for t in unacked:
        mine = sorted((d["threshold"], d["kind"], d["level"]) for d in ack_clock if d["ticket_id"] == t.id)
        assert mine == [(0.5, "warning", 0), (0.75, "warning", 0), (0.9, "warning", 0), (1.0, "breach", 1)]
    for d in ack_clock:
        lateness = (parse_time(d["raised_at"]) - parse_time(d["due_at"])).total_seconds()
        assert 0 <= lateness < 2.0, d
        if d["ticket_id"] == acked.id:
            assert parse_time(d["due_at"]) < ack_at, "nothing on the acknowledge clock after acknowledgement"
    breach = next(d for d in ack_clock if d["kind"] == "breach" and d["ticket_id"] == unacked[0].id)
    team = config.teams_by_name[unacked[0].team]
    assert breach["target"] == team.lead, "the breach goes one level up the chain: the team lead"

    with sessions() as session:
        trail = session.scalar(select(func.count()).select_from(TicketEvent).where(TicketEvent.ticket_id == acked.id))
        assert trail == 2  # opened, acknowledged
        assert session.get(Ticket, acked.id).status == "acknowledged"

    # Everything any service emitted validates against its schema.
    reader.poll()
    assert reader.events
    for event in reader.events:
        validate_event(event)
    assert not reader.of_type("deadletter.v1"), "good input produces no dead letters"
    assert pipeline.dead_services() == []
