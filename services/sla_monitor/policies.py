"""The ``sla:`` configuration section and SLA policy selection.

Policy selection (``select_policy``), in this order:

1. the routing rule's explicit ``sla_policy`` (passed as ``explicit``) wins;
2. else the first ``sla.policy_rules`` entry whose ``when`` matches the facts;
3. else ``NoSlaPolicy`` is raised. There is no magic fallback name: end
   ``policy_rules`` with a catch-all ``- when: {}`` (``SlaSection.has_catch_all``
   tells whether it does).
"""
from __future__ import annotations

from datetime import timedelta
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, PrivateAttr, field_validator, model_validator

from careloop.core.conditions import Condition, Facts
from careloop.core.durations import Duration
from careloop.sla_monitor.calendars import (
    TWENTY_FOUR_SEVEN_NAME,
    Calendar,
    CalendarConfig,
    build_calendar,
)

ClockName = Literal["acknowledge", "resolve"]
CLOCKS: tuple[ClockName, ...] = ("acknowledge", "resolve")
DEFAULT_THRESHOLDS: tuple[float, ...] = (0.5, 0.75, 0.9)


class UnknownSlaPolicy(LookupError):
    """A policy name that ``sla.policies`` does not define."""


class NoSlaPolicy(LookupError):
    """No explicit policy and no ``policy_rules`` entry matched."""


def _check_thresholds(values: tuple[float, ...]) -> tuple[float, ...]:
    for x in values:
        if not 0 < x < 1:
            raise ValueError(
                f"threshold {x:g} is not between 0 and 1 (exclusive): thresholds are "
                f"fractions of the window and the breach at 1 is implicit"
            )
    for a, b in zip(values, values[1:]):
        if b <= a:
            raise ValueError(f"thresholds must be strictly increasing, but {a:g} is followed by {b:g}")
    return values


Thresholds = Annotated[tuple[float, ...], AfterValidator(_check_thresholds)]


class SlaPolicy(BaseModel):
    """One named policy under ``sla.policies``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    acknowledge_within: Duration
    resolve_within: Duration
    thresholds: Thresholds | None = None
    calendar: str = TWENTY_FOUR_SEVEN_NAME
    reescalate_every: Duration | None = None
    max_reescalations: int = Field(3, ge=0)

    @field_validator("calendar")
    @classmethod
    def _calendar_named(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("calendar must be '24x7' or the name of a calendar under sla.calendars")
        return value

    def window(self, clock: ClockName) -> timedelta:
        """The business-time budget of ``clock``."""
        if clock == "acknowledge":
            return self.acknowledge_within
        if clock == "resolve":
            return self.resolve_within
        raise ValueError(f"unknown clock {clock!r} (expected 'acknowledge' or 'resolve')")

    @property
    def effective_thresholds(self) -> tuple[float, ...]:
        """``thresholds``, or the module default when unset. Policies read through
        ``SlaSection`` already carry the section's ``default_thresholds``."""
        return self.thresholds if self.thresholds is not None else DEFAULT_THRESHOLDS


class PolicyRule(BaseModel):
    """``- when: {...}`` / ``policy: name`` under ``sla.policy_rules``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    when: Condition = Field(default_factory=Condition)
    policy: str


class SlaSection(BaseModel):
    """The ``sla:`` section. After validation every policy's ``thresholds`` is set
    (``default_thresholds`` fills the ones left out)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    default_thresholds: Thresholds = DEFAULT_THRESHOLDS
    policies: dict[str, SlaPolicy] = Field(min_length=1)
    policy_rules: tuple[PolicyRule, ...] = ()
    calendars: dict[str, CalendarConfig] = Field(default_factory=dict)

    _calendar_cache: dict[str, Calendar] = PrivateAttr(default_factory=dict)

    @model_validator(mode="after")
    def _references(self) -> "SlaSection":
        problems: list[str] = []
        if TWENTY_FOUR_SEVEN_NAME in self.calendars:
            problems.append(f"calendars.{TWENTY_FOUR_SEVEN_NAME}: the name '24x7' is reserved "
                            f"for the built-in round-the-clock calendar")
        known_calendars = ", ".join(repr(n) for n in sorted(self.calendars)) or "none defined"
        for name, policy in self.policies.items():
            if policy.calendar != TWENTY_FOUR_SEVEN_NAME and policy.calendar not in self.calendars:
                problems.append(
                    f"policies.{name}.calendar: unknown calendar {policy.calendar!r} "
                    f"(use '24x7' or one under sla.calendars: {known_calendars})"
                )
        known_policies = ", ".join(repr(n) for n in sorted(self.policies))
        for i, rule in enumerate(self.policy_rules):
            if rule.policy not in self.policies:
                problems.append(
                    f"policy_rules.{i}.policy: unknown policy {rule.policy!r} "
                    f"(defined: {known_policies})"
                )
        if problems:
            raise ValueError("; ".join(problems))
        for name, policy in list(self.policies.items()):
            if policy.thresholds is None:
                self.policies[name] = policy.model_copy(update={"thresholds": self.default_thresholds})
        return self

    @property
    def has_catch_all(self) -> bool:
        """Whether some policy rule matches every ticket (``when: {}``)."""
        return any(rule.when == Condition() for rule in self.policy_rules)

    def policy(self, name: str) -> SlaPolicy:
        try:
            return self.policies[name]
        except KeyError:
            raise UnknownSlaPolicy(
                f"unknown SLA policy {name!r} (defined: {', '.join(sorted(self.policies))})"
            ) from None

    def calendar(self, name: str) -> Calendar:
        """The calendar called ``name`` (``"24x7"`` or a key of ``calendars``), built once."""
        cal = self._calendar_cache.get(name)
        if cal is None:
            cal = self._calendar_cache[name] = build_calendar(name, self.calendars.get(name))
        return cal

    def calendar_for(self, policy_name: str) -> Calendar:
        """The calendar the policy ``policy_name`` counts time in."""
        return self.calendar(self.policy(policy_name).calendar)


def select_policy(section: SlaSection, facts: Facts, explicit: str | None = None) -> str:
    """The SLA policy name for a new ticket.

    ``explicit`` (the routing rule's ``sla_policy``) wins and must be defined; else the
    first matching ``policy_rules`` entry; else ``NoSlaPolicy``.
    """
    if explicit is not None:
        section.policy(explicit)  # raises UnknownSlaPolicy
        return explicit
    for rule in section.policy_rules:
        if rule.when.matches(facts):
            return rule.policy
    raise NoSlaPolicy(
        "no sla.policy_rules entry matches this ticket and its routing rule names no "
        "sla_policy; end sla.policy_rules with a catch-all `- when: {}`"
    )
