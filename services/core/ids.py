"""Deterministic identifiers: the same input always yields the same id, so a retried
or re-polled record is recognised instead of duplicated."""
from __future__ import annotations

import uuid

CARELOOP_NS = uuid.UUID("5b0c7a52-4f0e-4c1d-9a57-0d8f1c2f6e11")


def feedback_id(source: str, external_id: str) -> str:
    return str(uuid.uuid5(CARELOOP_NS, f"feedback|{source}|{external_id}"))


def ticket_id(feedback_id_: str) -> str:
    return str(uuid.uuid5(CARELOOP_NS, f"ticket|{feedback_id_}"))


def format_threshold(threshold: float) -> str:
    return format(float(threshold), "g")


def escalation_id(ticket_id_: str, clock: str, threshold: float, level: int) -> str:
    return str(uuid.uuid5(CARELOOP_NS, f"escalation|{ticket_id_}|{clock}|{format_threshold(threshold)}|{level}"))


def event_id(event_type: str, entity_id: str, discriminator: str = "") -> str:
    return str(uuid.uuid5(CARELOOP_NS, f"{event_type}|{entity_id}|{discriminator}"))
