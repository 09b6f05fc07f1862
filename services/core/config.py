"""The careloop configuration file: teams, routing rules, SLA policies, escalation
chains and sources, in one YAML document.

Each section's model lives with the stage that owns it; this module composes them,
checks the references between sections, and turns every problem into one ConfigError
that names the key path and what is wrong, so a bad file fails at start.
"""
from __future__ import annotations

import re
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from careloop.core.errors import ConfigError
from careloop.ingest.normalize import SourceConfig
from careloop.router.rules import RoutingSection, TeamConfig, validate_routing
from careloop.sla_monitor.policies import SlaSection


class TopicsConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")
    partitions: int = Field(default=6, ge=1, le=1000)
    replication_factor: int = Field(default=1, ge=1, le=10)


class OrganisationConfig(BaseModel):
    """How replies name the organisation and where patients are asked to get in touch."""

    model_config = ConfigDict(extra="forbid")
    name: str = "the Patient Experience team"
    contact_route: str = "our Patient Experience team on 0300 000 0000 or patient.experience@example.org"
    allowed_contacts: list[str] = Field(default_factory=lambda: ["0300 000 0000", "patient.experience@example.org"])
    facility_names: dict[str, str] = Field(default_factory=dict)
    directory: dict[str, str] = Field(
        default_factory=dict,
        description="chain role -> staff id, e.g. patient_experience_director: px-director",
    )


class CareloopConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    version: int = Field(1, ge=1, le=1)
    runtime: dict[str, Any] = Field(default_factory=dict)
    topics: TopicsConfig = Field(default_factory=TopicsConfig)
    organisation: OrganisationConfig = Field(default_factory=OrganisationConfig)
    sources: list[SourceConfig] = Field(min_length=1)
    teams: list[TeamConfig] = Field(min_length=1)
    escalation_chains: dict[str, list[str]] = Field(min_length=1)
    routing: RoutingSection
    sla: SlaSection

    @model_validator(mode="after")
    def _cross_references(self) -> "CareloopConfig":
        problems: list[str] = []
        seen: set[str] = set()
        for i, source in enumerate(self.sources):
            if source.name in seen:
                problems.append(f"sources.{i}.name: duplicate source {source.name!r}")
            seen.add(source.name)
        team_names = [t.name for t in self.teams]
        for i, name in enumerate(team_names):
            if name in team_names[:i]:
                problems.append(f"teams.{i}.name: duplicate team {name!r}")
        for chain, steps in self.escalation_chains.items():
            if not steps:
                problems.append(f"escalation_chains.{chain}: must name at least one step")
        if "default" not in self.escalation_chains:
            problems.append("escalation_chains: a chain named 'default' is required")
        problems += validate_routing(
            self.routing, self.teams, self.escalation_chains, set(self.sla.policies)
        )
        if problems:
            raise ValueError("; ".join(problems))
        return self

    @cached_property
    def sources_by_name(self) -> dict[str, SourceConfig]:
        return {s.name: s for s in self.sources}

    @cached_property
    def teams_by_name(self) -> dict[str, TeamConfig]:
        return {t.name: t for t in self.teams}


# A problem reported by a section's cross-reference check starts with its key path
# relative to that section ("policy_rules.0.policy: unknown policy ...").
_RELATIVE_PROBLEM = re.compile(r"^[A-Za-z_][\w.\-]*: ")


def _format_validation_error(exc: ValidationError) -> str:
    lines = []
    for err in exc.errors():
        path = ".".join(str(p) for p in err["loc"])
        msg = err["msg"].removeprefix("Value error, ")
        if err["type"] == "extra_forbidden":
            msg = "unknown key"
        if err["type"] == "value_error":
            # A model validator reports its problems joined by "; ", each with a path
            # relative to the model: give each its own line and its full key path.
            for problem in msg.split("; "):
                if _RELATIVE_PROBLEM.match(problem):
                    lines.append(f"{path}.{problem}" if path else problem)
                else:
                    lines.append(f"{path or '(top level)'}: {problem}")
            continue
        lines.append(f"{path or '(top level)'}: {msg}")
    return "\n".join(lines)


def parse_config(document: Any, *, origin: str = "<config>") -> CareloopConfig:
    if not isinstance(document, dict):
        raise ConfigError(f"{origin}: the top level must be a mapping of sections")
    try:
        return CareloopConfig.model_validate(document)
    except ValidationError as exc:
        raise ConfigError(f"{origin} is invalid:\n{_format_validation_error(exc)}") from None


def load_config(path: str | Path) -> CareloopConfig:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the config file ({exc.strerror})") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: the config file is not UTF-8 (byte {exc.start})") from None
    try:
        document = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise ConfigError(f"{path}: not valid YAML{where}") from None
    return parse_config(document, origin=str(path))
