"""The `when:` clause shared by routing rules and SLA policy rules.

Every key that is given must match; keys left out match anything; an empty clause
matches every ticket. Matching is a pure function of the facts about one feedback.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from pydantic import BaseModel, ConfigDict

Severity = Literal["low", "medium", "high", "critical"]
SEVERITY_ORDER: dict[str, int] = {"low": 0, "medium": 1, "high": 2, "critical": 3}


@dataclass(frozen=True)
class Facts:
    """What rules may look at: one classified feedback, no patient text."""

    source: str
    facility: str
    department: str | None
    sentiment: str
    severity: str
    topics: frozenset[str] = field(default_factory=frozenset)
    # The classification's first topic: what the feedback is mainly about (None: no
    # topic at all).
    main_topic: str | None = None
    risk_flags: frozenset[str] = field(default_factory=frozenset)
    # The classifier could not read it (a language it does not support, or not one word
    # it knows): a person must.
    needs_review: bool = False


class Condition(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    source_in: tuple[str, ...] | None = None
    facility_in: tuple[str, ...] | None = None
    department_in: tuple[str, ...] | None = None
    sentiment_in: tuple[Literal["negative", "neutral", "positive"], ...] | None = None
    severity_at_least: Severity | None = None
    topics_any: tuple[str, ...] | None = None
    main_topic_in: tuple[str, ...] | None = None
    risk_flags_any: tuple[str, ...] | None = None
    needs_review: bool | None = None

    def matches(self, facts: Facts) -> bool:
        if self.source_in is not None and facts.source not in self.source_in:
            return False
        if self.facility_in is not None and facts.facility not in self.facility_in:
            return False
        if self.department_in is not None and facts.department not in self.department_in:
            return False
        if self.sentiment_in is not None and facts.sentiment not in self.sentiment_in:
            return False
        if self.severity_at_least is not None and (
            SEVERITY_ORDER.get(facts.severity, -1) < SEVERITY_ORDER[self.severity_at_least]
        ):
            return False
        if self.topics_any is not None and not facts.topics.intersection(self.topics_any):
            return False
        if self.main_topic_in is not None and facts.main_topic not in self.main_topic_in:
            return False
        if self.risk_flags_any is not None and not facts.risk_flags.intersection(self.risk_flags_any):
            return False
        if self.needs_review is not None and facts.needs_review != self.needs_review:
            return False
        return True
