"""Assignment strategies and escalation-chain target resolution."""
from __future__ import annotations

import pytest

from careloop.router.assignment import choose_assignee, resolve_chain_target
from careloop.router.rules import TeamConfig

TEAM = TeamConfig(name="px", members=["a", "b", "c"], lead="lead-1", department_manager="mgr-1")


def test_round_robin_cycles_through_members_by_sequence_number():
    picks = [choose_assignee("round_robin", TEAM, sequence_number=n) for n in range(7)]
    assert picks == ["a", "b", "c", "a", "b", "c", "a"]


def test_round_robin_gives_the_same_assignee_for_the_same_sequence_number():
    first = [choose_assignee("round_robin", TEAM, sequence_number=n) for n in range(50)]
    again = [choose_assignee("round_robin", TEAM, sequence_number=n) for n in range(50)]
    assert first == again


def test_round_robin_over_a_team_without_members_leaves_the_ticket_in_the_queue():
    assert choose_assignee("round_robin", TeamConfig(name="x"), sequence_number=3) is None


def test_team_queue_assigns_nobody():
    assert choose_assignee("team_queue", TEAM, sequence_number=4) is None


def test_a_named_member_strategy_assigns_that_member():
    assert choose_assignee("member:b", TEAM, sequence_number=0) == "b"


def test_unknown_strategies_and_negative_sequence_numbers_are_errors():
    with pytest.raises(ValueError):
        choose_assignee("random", TEAM, sequence_number=0)
    with pytest.raises(ValueError):
        choose_assignee("round_robin", TEAM, sequence_number=-1)


DIRECTORY = {"patient_experience_director": "director-9", "duty-manager": "dm-3"}


def test_chain_roles_resolve_to_the_assignee_lead_and_manager():
    assert resolve_chain_target("assignee", TEAM, "b", DIRECTORY) == "b"
    assert resolve_chain_target("team_lead", TEAM, "b", DIRECTORY) == "lead-1"
    assert resolve_chain_target("department_manager", TEAM, "b", DIRECTORY) == "mgr-1"


def test_organisation_roles_and_aliases_resolve_through_the_directory():
    assert resolve_chain_target("patient_experience_director", TEAM, None, DIRECTORY) == "director-9"
    assert resolve_chain_target("duty-manager", TEAM, None, DIRECTORY) == "dm-3"


def test_a_literal_staff_id_in_a_chain_is_its_own_target():
    assert resolve_chain_target("staff-42", TEAM, None, DIRECTORY) == "staff-42"


def test_unresolvable_roles_fall_back_to_the_role_name():
    bare = TeamConfig(name="bare", members=["a"])
    assert resolve_chain_target("assignee", bare, None, {}) == "assignee"
    assert resolve_chain_target("team_lead", bare, None, {}) == "team_lead"
    assert resolve_chain_target("department_manager", None, None, {}) == "department_manager"
    assert resolve_chain_target("patient_experience_director", bare, None, {}) == "patient_experience_director"


def test_team_values_win_over_directory_defaults():
    directory = {"team_lead": "org-lead", "department_manager": "org-mgr"}
    assert resolve_chain_target("team_lead", TEAM, None, directory) == "lead-1"
    assert resolve_chain_target("team_lead", TeamConfig(name="x"), None, directory) == "org-lead"
