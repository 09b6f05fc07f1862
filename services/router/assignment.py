"""Who gets a new ticket, and who an escalation level points at.

Pure and deterministic: round robin is driven by a caller-supplied sequence number
(for example a per-team ticket counter kept in the database), never by a clock or a
random generator, so a redelivered event reproduces the same assignee.
"""
from __future__ import annotations

from collections.abc import Mapping

from careloop.router.rules import ROUND_ROBIN, TEAM_QUEUE, TeamConfig, parse_assign

CHAIN_ROLES: tuple[str, ...] = ("assignee", "team_lead", "department_manager", "patient_experience_director")


def choose_assignee(strategy: str, team: TeamConfig, *, sequence_number: int) -> str | None:
    """Pick the assignee for a new ticket.

    - ``round_robin``: ``team.members[sequence_number % len(members)]``; a team with no
      members falls back to the queue (``None``).
    - ``team_queue``: ``None`` — the team works the ticket from its queue.
    - ``member:<id>``: ``<id>`` (membership is checked by ``validate_routing``).

    Raises ``ValueError`` for an unknown strategy or a negative sequence number.
    """
    if sequence_number < 0:
        raise ValueError(f"sequence_number must be >= 0, got {sequence_number}")
    kind, member = parse_assign(strategy)
    if kind == ROUND_ROBIN:
        if not team.members:
            return None
        return team.members[sequence_number % len(team.members)]
    if kind == TEAM_QUEUE:
        return None
    return member


def resolve_chain_target(
    role: str,
    team: TeamConfig | None,
    assignee: str | None,
    directory: Mapping[str, str],
) -> str:
    """Map one escalation-chain entry to a concrete target.

    - ``assignee`` -> the ticket's assignee;
    - ``team_lead`` -> ``team.lead``; ``department_manager`` -> ``team.department_manager``;
    - any other entry (``patient_experience_director`` or a literal staff id) ->
      ``directory[entry]`` when the directory knows it, else the entry itself.

    Team-specific values win over the directory; the directory is consulted for the
    built-in roles too (so ``directory["team_lead"]`` can be an organisation-wide
    default). When nothing resolves, the role name itself is returned so the escalation
    event still says who should act (e.g. ``"assignee"`` for a queue ticket).
    """
    resolved: str | None = None
    if role == "assignee":
        resolved = assignee
    elif role == "team_lead":
        resolved = team.lead if team is not None else None
    elif role == "department_manager":
        resolved = team.department_manager if team is not None else None
    if not resolved:
        resolved = directory.get(role)
    return resolved or role
