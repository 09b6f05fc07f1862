"""Routing rules: which classified feedback becomes a ticket, for which team, how it is
assigned, which SLA policy and which escalation chain it uses.

Rules are ordered and the first rule whose ``when`` clause matches wins. The ``when``
clause is the shared :class:`careloop.core.conditions.Condition`, so routing and SLA
policy rules accept exactly the same keys.

When no rule matches, :func:`route` returns a decision with ``ticket=False`` and
``rule == NO_RULE_MATCHED`` ("(no rule matched)"): feedback that no rule claims does not
open a ticket. Configurations that want a ticket for everything end with a catch-all
rule (``when: {}``).

Key paths in validation messages use zero-based list indexes, the same as pydantic
error locations: ``routing.rules.0`` is the first rule.

Pure module: no I/O, no clock, no randomness.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, field_validator

from careloop.core.conditions import Condition, Facts
from careloop.core.taxonomy import RISK_FLAG_CODES, TOPIC_CODES  # noqa: F401 - replies and tests read them here


NO_RULE_MATCHED = "(no rule matched)"

ROUND_ROBIN = "round_robin"
TEAM_QUEUE = "team_queue"
MEMBER_PREFIX = "member:"
_ASSIGN_RE = re.compile(r"^(?:round_robin|team_queue|member:(?P<member>\S+))$")


def parse_assign(strategy: str) -> tuple[str, str | None]:
    """Split an assignment strategy into ``(kind, member_id)``.

    ``"round_robin"`` -> ``("round_robin", None)``, ``"team_queue"`` ->
    ``("team_queue", None)``, ``"member:px-1"`` -> ``("member", "px-1")``.
    Raises ``ValueError`` for anything else.
    """
    m = _ASSIGN_RE.match(strategy) if isinstance(strategy, str) else None
    if m is None:
        raise ValueError(
            f"assign must be 'round_robin', 'team_queue' or 'member:<staff id>', got {strategy!r}"
        )
    if m.group("member") is not None:
        return "member", m.group("member")
    return strategy, None


class TeamConfig(BaseModel):
    """One entry of the config's ``teams`` section."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=1)
    members: list[str] = Field(default_factory=list)
    lead: str | None = None
    department_manager: str | None = None


class RoutingRule(BaseModel):
    """One entry of ``routing.rules``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=1)
    when: Condition = Field(default_factory=Condition)
    ticket: bool = True
    # validate_default so that a missing team is reported at `...team` when ticket is true.
    team: str | None = Field(default=None, validate_default=True)
    assign: str = TEAM_QUEUE
    sla_policy: str | None = None
    escalation_chain: str = "default"

    @field_validator("team")
    @classmethod
    def _team_required_for_tickets(cls, value: str | None, info: ValidationInfo) -> str | None:
        if info.data.get("ticket", True) and not value:
            raise ValueError("team is required when ticket is true")
        return value

    @field_validator("assign")
    @classmethod
    def _assign_shape(cls, value: str) -> str:
        parse_assign(value)
        return value


class RoutingSection(BaseModel):
    """The config's ``routing`` section: ordered rules, first match wins."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    rules: list[RoutingRule] = Field(min_length=1)

    @field_validator("rules")
    @classmethod
    def _unique_names(cls, rules: list[RoutingRule]) -> list[RoutingRule]:
        seen: dict[str, int] = {}
        for index, rule in enumerate(rules):
            if rule.name in seen:
                raise ValueError(
                    f"duplicate rule name {rule.name!r} (rules {seen[rule.name]} and {index})"
                )
            seen[rule.name] = index
        return rules


@dataclass(frozen=True)
class RoutingDecision:
    """The outcome of routing one feedback.

    ``rule`` is the matching rule's name, or ``NO_RULE_MATCHED`` with ``ticket=False``
    and every other field ``None`` (``escalation_chain`` too) when nothing matched.
    """

    rule: str
    ticket: bool
    team: str | None
    assign: str | None
    sla_policy: str | None
    escalation_chain: str | None

    @property
    def matched(self) -> bool:
        return self.rule != NO_RULE_MATCHED


NO_MATCH_DECISION = RoutingDecision(
    rule=NO_RULE_MATCHED, ticket=False, team=None, assign=None, sla_policy=None, escalation_chain=None
)


def first_matching_rule(section: RoutingSection, facts: Facts) -> RoutingRule | None:
    for rule in section.rules:
        if rule.when.matches(facts):
            return rule
    return None


def route(section: RoutingSection, facts: Facts) -> RoutingDecision:
    """Apply the first matching rule. No match -> ``ticket=False``, rule ``(no rule matched)``."""
    rule = first_matching_rule(section, facts)
    if rule is None:
        return NO_MATCH_DECISION
    if not rule.ticket:
        return RoutingDecision(
            rule=rule.name, ticket=False, team=None, assign=None, sla_policy=None, escalation_chain=None
        )
    return RoutingDecision(
        rule=rule.name,
        ticket=True,
        team=rule.team,
        assign=rule.assign,
        sla_policy=rule.sla_policy,
        escalation_chain=rule.escalation_chain,
    )


def needs_ticket(section: RoutingSection, facts: Facts) -> bool:
    return route(section, facts).ticket


# --------------------------------------------------------------------------- validation


def _format_pydantic_errors(prefix: str, exc: ValidationError) -> list[str]:
    problems = []
    for err in exc.errors(include_url=False):
        path = ".".join([prefix, *(str(part) for part in err["loc"])])
        message = err["msg"]
        if message.startswith("Value error, "):
            message = message[len("Value error, ") :]
        problems.append(f"{path}: {message}")
    return problems


def _team_index(teams: Iterable[TeamConfig] | Mapping[str, TeamConfig]) -> dict[str, TeamConfig]:
    if isinstance(teams, Mapping):
        values: Iterable[Any] = teams.values()
    else:
        values = teams
    index: dict[str, TeamConfig] = {}
    for team in values:
        if not isinstance(team, TeamConfig):
            team = TeamConfig.model_validate(team)
        index[team.name] = team
    return index


def _known(names: Iterable[str]) -> str:
    names = sorted(names)
    return ", ".join(names) if names else "none defined"


def _parse_rules(routing: Any) -> tuple[list[tuple[int, RoutingRule]], list[str]]:
    """Parse a raw routing mapping rule by rule so every problem gets a precise path."""
    if isinstance(routing, RoutingSection):
        return list(enumerate(routing.rules)), []
    problems: list[str] = []
    if not isinstance(routing, Mapping):
        return [], [f"routing: expected a mapping with a 'rules' list, got {type(routing).__name__}"]
    for key in routing:
        if key != "rules":
            problems.append(f"routing.{key}: unknown key (only 'rules' is allowed)")
    raw_rules = routing.get("rules")
    if not isinstance(raw_rules, list):
        problems.append("routing.rules: required, a non-empty list of rules")
        return [], problems
    if not raw_rules:
        problems.append("routing.rules: must contain at least one rule")
        return [], problems
    parsed: list[tuple[int, RoutingRule]] = []
    for index, raw in enumerate(raw_rules):
        try:
            parsed.append((index, RoutingRule.model_validate(raw)))
        except ValidationError as exc:
            problems.extend(_format_pydantic_errors(f"routing.rules.{index}", exc))
    first_use: dict[str, int] = {}
    for index, raw in enumerate(raw_rules):
        name = raw.get("name") if isinstance(raw, Mapping) else None
        if not isinstance(name, str):
            continue
        if name in first_use:
            problems.append(
                f"routing.rules.{index}.name: duplicate rule name {name!r} "
                f"(first used at routing.rules.{first_use[name]})"
            )
        else:
            first_use[name] = index
    return parsed, problems


def validate_routing(
    routing: RoutingSection | Mapping[str, Any],
    teams: Iterable[TeamConfig] | Mapping[str, TeamConfig],
    chains: Mapping[str, Sequence[str]],
    sla_policy_names: Iterable[str],
) -> list[str]:
    """Check the routing section against the rest of the configuration.

    ``routing`` may be a parsed :class:`RoutingSection` or the raw mapping from YAML
    (then shape errors are reported too). ``teams`` is a list of TeamConfig (or dicts)
    or a mapping name -> TeamConfig. Returns problems as ``"<key path>: <what is
    wrong>"`` strings, e.g. ``"routing.rules.3.team: unknown team 'x' (known: a, b)"``;
    an empty list means the section is usable.
    """
    parsed, problems = _parse_rules(routing)
    team_index = _team_index(teams)
    policy_names = set(sla_policy_names)
    earlier: list[tuple[int, RoutingRule]] = []

    for index, rule in parsed:
        path = f"routing.rules.{index}"

        # conditions that can never match, or codes the classifier never emits
        for key, value in rule.when.model_dump().items():
            if isinstance(value, (list, tuple)) and len(value) == 0:
                problems.append(
                    f"{path}.when.{key}: empty list never matches; omit the key to match anything"
                )
        for key in ("topics_any", "main_topic_in"):
            for code in getattr(rule.when, key) or ():
                if code not in TOPIC_CODES:
                    problems.append(f"{path}.when.{key}: unknown topic code {code!r}")
        for code in rule.when.risk_flags_any or ():
            if code not in RISK_FLAG_CODES:
                problems.append(f"{path}.when.risk_flags_any: unknown risk flag code {code!r}")

        # rules shadowed by an earlier catch-all or an identical condition
        for earlier_index, earlier_rule in earlier:
            if earlier_rule.when == Condition():
                problems.append(
                    f"{path}: unreachable, rule {earlier_rule.name!r} at routing.rules.{earlier_index} "
                    "matches everything first"
                )
                break
            if earlier_rule.when == rule.when:
                problems.append(
                    f"{path}: unreachable, rule {earlier_rule.name!r} at routing.rules.{earlier_index} "
                    "has the same condition and matches first"
                )
                break
        earlier.append((index, rule))

        if not rule.ticket:
            for key in ("team", "assign", "sla_policy", "escalation_chain"):
                if key in rule.model_fields_set and getattr(rule, key) is not None:
                    problems.append(f"{path}.{key}: has no effect because ticket is false")
            continue

        team = team_index.get(rule.team or "")
        if team is None:
            problems.append(f"{path}.team: unknown team {rule.team!r} (known: {_known(team_index)})")
        kind, member = parse_assign(rule.assign)
        if team is not None:
            if kind == "member" and member not in team.members:
                problems.append(f"{path}.assign: {member!r} is not a member of team {team.name!r}")
            if kind == ROUND_ROBIN and not team.members:
                problems.append(f"{path}.assign: round_robin needs members, team {team.name!r} has none")
        if rule.sla_policy is not None and rule.sla_policy not in policy_names:
            problems.append(
                f"{path}.sla_policy: unknown SLA policy {rule.sla_policy!r} (known: {_known(policy_names)})"
            )
        if rule.escalation_chain not in chains:
            problems.append(
                f"{path}.escalation_chain: unknown escalation chain {rule.escalation_chain!r} "
                f"(known: {_known(chains)})"
            )
        elif not chains[rule.escalation_chain]:
            problems.append(
                f"{path}.escalation_chain: escalation chain {rule.escalation_chain!r} is empty"
            )
    return problems
