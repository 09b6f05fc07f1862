"""FeedbackReceived -> FeedbackClassified, using the pure model in
careloop.classifier.model (the same one `careloop classify` uses)."""
from __future__ import annotations

from datetime import datetime
from typing import Callable

from careloop.classifier.model import classify
from careloop.core.events import (
    CLASSIFIED_V1,
    FEEDBACK_CLASSIFIED,
    RECEIVED_V1,
    decode_event,
    make_event,
    validate_outgoing,
)
from careloop.core.stage import Outgoing, RecordMeta

EXPECTED = frozenset({RECEIVED_V1})


def make_handler(clock: Callable[[], datetime], on_consumed: Callable[[str], None] = lambda _t: None):
    def handle(value: bytes | None, meta: RecordMeta) -> list[Outgoing]:
        received = decode_event(value, expected_types=EXPECTED)
        on_consumed(received["type"])
        feedback = received["data"]
        rating = feedback["rating"]["value"] if feedback.get("rating") else None
        result = classify(
            feedback["text"],
            rating=rating,
            question=feedback.get("question"),
            language=feedback.get("language"),
            source_kind=feedback.get("source_kind"),
        )
        event = make_event(
            CLASSIFIED_V1,
            producer="classifier",
            subject=feedback["feedback_id"],
            # One classification per received event: a redelivery repeats the same id.
            discriminator=received["id"],
            time=clock(),
            data={"feedback": feedback, "classification": result.to_dict()},
        )
        return [Outgoing(FEEDBACK_CLASSIFIED, feedback["feedback_id"], validate_outgoing(event))]

    return handle
