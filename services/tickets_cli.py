"""CLI for the people and systems around the pipeline: work tickets (list and show
read the database; ack, resolve and assign go through tickets.commands like any other
client), tail a topic, and send signed feedback to the webhook."""
from __future__ import annotations

import argparse
import json
import sys
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path
from typing import Any

from sqlalchemy import select

from careloop.core.db import Ticket, TicketEvent, make_engine, make_sessionmaker
from careloop.core.errors import CareloopError
from careloop.core.events import (
    ALL_TOPICS,
    COMMAND_ACKNOWLEDGE_V1,
    COMMAND_ASSIGN_V1,
    COMMAND_NOTE_V1,
    COMMAND_PAUSE_V1,
    COMMAND_REOPEN_V1,
    COMMAND_RESOLVE_V1,
    COMMAND_RESUME_V1,
    TICKETS_COMMANDS,
    encode_event,
    make_event,
    validate_outgoing,
)
from careloop.core.kafka import make_consumer, make_producer
from careloop.core.settings import Settings
from careloop.core.timeutil import format_time, utcnow
from careloop.router.store import ticket_as_dict


def run_tickets_command(args: argparse.Namespace, settings: Settings) -> int:
    if args.action in ("list", "show"):
        sessions = make_sessionmaker(make_engine(settings.database_url))
        with sessions() as session:
            return _list(session, args) if args.action == "list" else _show(session, args)
    return _send_command(args, settings)


def _list(session: Any, args: argparse.Namespace) -> int:
    query = select(Ticket).order_by(Ticket.opened_at.desc()).limit(args.limit)
    for column, value in (("status", args.status), ("team", args.team), ("severity", args.severity)):
        if value:
            query = query.where(getattr(Ticket, column) == value)
    tickets = session.scalars(query).all()
    if args.json:
        for t in tickets:
            print(json.dumps(ticket_as_dict(t)))
        return 0
    print(f"{'ticket':36}  {'status':12} {'severity':8} {'team':22} {'assignee':12} opened")
    for t in tickets:
        print(f"{t.id:36}  {t.status:12} {t.severity:8} {t.team:22} {t.assignee or '-':12} {format_time(t.opened_at)}")
    return 0


def _show(session: Any, args: argparse.Namespace) -> int:
    ticket = session.get(Ticket, args.ticket_id)
    if ticket is None:
        raise CareloopError(f"no ticket {args.ticket_id}")
    events = session.scalars(select(TicketEvent).where(TicketEvent.ticket_id == ticket.id).order_by(TicketEvent.id)).all()
    out = ticket_as_dict(ticket, with_text=True)
    out["timeline"] = [{"at": format_time(e.at), "type": e.type, "actor": e.actor} for e in events]
    if args.json:
        print(json.dumps(out, indent=2))
        return 0
    for key in ("ticket_id", "status", "severity", "team", "assignee", "topics", "risk_flags", "facility",
                "department", "source", "sla_policy", "routing_rule", "opened_at", "acknowledged_at", "resolved_at"):
        print(f"{key:16} {out[key]}")
    print(f"\nfeedback:\n  {out['feedback_text']}\n\ndrafted public reply:\n  {out['public_reply_draft']}")
    print(f"\ndrafted private outreach:\n  {out['private_outreach_draft']}\n\ntimeline:")
    for item in out["timeline"]:
        print(f"  {item['at']}  {item['type'].removeprefix('org.careloop.')}  by {item['actor']}")
    return 0


COMMAND_KINDS = {
    "ack": COMMAND_ACKNOWLEDGE_V1,
    "resolve": COMMAND_RESOLVE_V1,
    "assign": COMMAND_ASSIGN_V1,
    "reopen": COMMAND_REOPEN_V1,
    "pause": COMMAND_PAUSE_V1,  # awaiting the patient
    "resume": COMMAND_RESUME_V1,
    "note": COMMAND_NOTE_V1,
}


def command_event(
    kind: str, ticket_id: str, actor: str, *, producer: str = "cli", now: Any = None, **fields: Any
) -> dict[str, Any]:
    """A validated command event for tickets.commands. ``kind`` is one of COMMAND_KINDS;
    ``fields`` are the data fields besides command_id/ticket_id/actor/requested_at (``note``
    for everything but assign, which takes ``team`` and ``assignee``)."""
    event_type = COMMAND_KINDS[kind]
    command_id = fields.pop("command_id", None) or str(uuid.uuid4())
    now = now or utcnow()
    data = {"command_id": command_id, "ticket_id": ticket_id, "actor": actor, "requested_at": format_time(now), **fields}
    return validate_outgoing(
        make_event(event_type, producer=producer, subject=ticket_id, discriminator=command_id, time=now, data=data)
    )


# --------------------------------------------------------------------------- API tokens
def run_api_token_command(args: argparse.Namespace, settings: Settings) -> int:
    """`careloop api token create|revoke|list`. The token is printed once, on create."""
    from careloop.core.config import load_config
    from careloop.router.api_tokens import create_token, list_tokens, revoke_token

    sessions = make_sessionmaker(make_engine(settings.database_url))
    if args.token_action == "create":
        teams = list(args.team or [])
        if teams:
            known = load_config(settings.config_path).teams_by_name
            unknown = [t for t in teams if t not in known]
            if unknown:
                raise CareloopError(f"unknown team {unknown[0]!r} (known: {', '.join(sorted(known))})")
        token = create_token(sessions, name=args.name, teams=teams, admin=bool(args.admin), now=utcnow())
        # stdout carries only the token, so `TOKEN=$(careloop api token create ...)` works.
        print(token)
        scope = "admin" if args.admin else ", ".join(sorted(set(teams)))
        print(f"careloop: token {args.name!r} created ({scope}); it is shown only this once", file=sys.stderr)
        return 0
    if args.token_action == "revoke":
        changed = revoke_token(sessions, args.name, now=utcnow())
        print(f"{'revoked' if changed else 'already revoked'}: {args.name}")
        return 0
    tokens = list_tokens(sessions)
    if getattr(args, "json", False):
        for t in tokens:
            print(json.dumps({**t, "created_at": format_time(t["created_at"]),
                              "revoked_at": format_time(t["revoked_at"]) if t["revoked_at"] else None}))
        return 0
    print(f"{'name':30} {'scope':40} {'created':28} revoked")
    for t in tokens:
        scope = "admin" if t["admin"] else ",".join(t["teams"])
        revoked = format_time(t["revoked_at"]) if t["revoked_at"] else "-"
        print(f"{t['name']:30} {scope:40} {format_time(t['created_at']):28} {revoked}")
    return 0


def _send_command(args: argparse.Namespace, settings: Settings) -> int:
    if args.action == "assign":
        event = command_event("assign", args.ticket_id, args.actor, team=args.team, assignee=args.assignee)
    else:
        event = command_event(args.action, args.ticket_id, args.actor, note=args.note)
    producer = make_producer(settings, client_id="careloop-cli")
    try:
        producer.send(settings.topic(TICKETS_COMMANDS), key=args.ticket_id.encode(), value=encode_event(event)).get(timeout=15)
    finally:
        producer.close()
    print(f"sent {event['type'].removeprefix('org.careloop.')} for {args.ticket_id} (command {event['data']['command_id']})")
    return 0


def tail(args: argparse.Namespace, settings: Settings) -> int:
    if args.topic not in ALL_TOPICS:
        raise CareloopError(f"unknown topic {args.topic!r} (one of: {', '.join(ALL_TOPICS)})")
    consumer = make_consumer(settings, settings.topic(args.topic), group_id=None,
                             consumer_timeout_ms=None if args.follow else 3000)
    shown = 0
    try:
        for msg in consumer:
            print(_describe(msg) if not args.json else msg.value.decode("utf-8", errors="replace"), flush=True)
            shown += 1
            if args.limit and shown >= args.limit:
                break
    except KeyboardInterrupt:
        pass
    finally:
        consumer.close()
    return 0


def _describe(msg: Any) -> str:
    where = f"{msg.topic}[{msg.partition}]@{msg.offset}"
    try:
        event = json.loads(msg.value)
        data = event.get("data", {})
    except (ValueError, TypeError):
        return f"{where}  (not JSON, {len(msg.value or b'')} bytes)"
    kind = str(event.get("type", "?")).removeprefix("org.careloop.")
    # Summaries name ids, codes and times only: never patient text.
    keys = ("ticket_id", "feedback_id", "team", "severity", "sentiment", "clock", "threshold", "kind", "level",
            "target", "due_at", "stage", "reason_code", "reason", "actor", "source")
    summary = " ".join(f"{k}={data[k]}" for k in keys if data.get(k) is not None)
    if "classification" in data:
        c = data["classification"]
        summary = f"feedback_id={data['feedback']['feedback_id']} sentiment={c['sentiment']} severity={c['severity']} topics={','.join(c['topics'])}"
    return f"{event.get('time', '?')}  {kind:28} {summary}  ({where})"


def webhook_send(args: argparse.Namespace, settings: Settings) -> int:
    from careloop.ingest.signing import signed_headers

    secret = settings.webhook_secret.get_secret_value()
    secret_file = Path(args.secret_file) if args.secret_file else Path("var/run/webhook.secret")
    if args.secret_file or not secret:
        if not secret_file.exists():
            raise CareloopError(f"no webhook secret: set CARELOOP_WEBHOOK_SECRET or pass --secret-file ({secret_file} not found)")
        secret = secret_file.read_text().strip()
    body = Path(args.file).read_bytes()
    url = args.url or f"http://{settings.webhook_host}:{settings.webhook_port}/v1/feedback"
    headers = {"Content-Type": "application/json", **signed_headers(secret, body, timestamp=int(time.time()))}
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=15) as resp:  # noqa: S310 - the user's own URL
            print(resp.status, resp.read().decode())
            return 0
    except urllib.error.HTTPError as exc:
        print(exc.code, exc.read().decode())
        return 1
