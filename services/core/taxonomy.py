"""The contract's codes for topics and risk flags (docs/contracts.md), in one place for
the classifier, which assigns them, and the router, which routes and drafts on them.
Plain data: it imports nothing."""
from __future__ import annotations

TOPIC_CODES: tuple[str, ...] = (
    "waiting", "staff_attitude", "communication", "clinical_care", "medication", "pain",
    "discharge", "billing", "scheduling_access", "cleanliness_facilities", "food",
    "parking_transport", "privacy_dignity", "safety", "enquiry", "other",
)

RISK_FLAG_CODES: tuple[str, ...] = (
    "patient_safety", "legal_threat", "privacy_breach", "discrimination_abuse", "self_harm",
)

# The topic each risk flag implies: a flagged comment carries it, and a flagged ticket's
# drafts address it first. A legal threat says nothing of the subject ("other").
RISK_TOPICS: dict[str, str] = {
    "patient_safety": "safety",
    "privacy_breach": "privacy_dignity",
    "discrimination_abuse": "staff_attitude",
    "self_harm": "safety",
    "legal_threat": "other",
}

# Topics that say what kind of message it is rather than what it is about: they never
# come first while a topic of substance is present.
TRAILING_TOPICS: tuple[str, ...] = ("enquiry", "other")
