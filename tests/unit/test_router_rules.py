"""Routing rules: ordering, every `when` key, ticket:false, and validation messages."""
from __future__ import annotations

import pytest
from pydantic import ValidationError

from careloop.core.conditions import Facts
from careloop.router.rules import (
    NO_RULE_MATCHED,
    RoutingRule,
    RoutingSection,
    TeamConfig,
    needs_ticket,
    parse_assign,
    route,
    validate_routing,
)


def facts(**overrides) -> Facts:
    base = dict(
        source="fft_survey",
        facility="st-marys",
        department="emergency",
        sentiment="negative",
        severity="medium",
        topics=frozenset({"waiting"}),
        risk_flags=frozenset(),
    )
    base.update(overrides)
    return Facts(**base)


def section(*rules: dict) -> RoutingSection:
    return RoutingSection.model_validate({"rules": list(rules)})


TEAMS = [
    TeamConfig(name="patient-experience", members=["px-1", "px-2"], lead="px-lead"),
    TeamConfig(name="clinical-governance", members=["cg-1"], lead="cg-lead", department_manager="cg-mgr"),
    TeamConfig(name="empty-team", members=[]),
]
CHAINS = {"default": ["assignee", "team_lead"], "urgent": ["team_lead", "patient_experience_director"]}
POLICIES = ["standard", "urgent"]


# ------------------------------------------------------------------ matching


def test_first_matching_rule_wins_even_when_later_rules_also_match():
    sec = section(
        {"name": "negatives", "when": {"sentiment_in": ["negative"]}, "team": "patient-experience"},
        {"name": "emergency", "when": {"department_in": ["emergency"]}, "team": "clinical-governance"},
    )
    decision = route(sec, facts())
    assert decision.rule == "negatives"
    assert decision.team == "patient-experience"


def test_a_later_rule_applies_when_earlier_rules_do_not_match():
    sec = section(
        {"name": "billing", "when": {"topics_any": ["billing"]}, "team": "clinical-governance"},
        {"name": "rest", "team": "patient-experience", "assign": "round_robin", "sla_policy": "standard"},
    )
    decision = route(sec, facts())
    assert decision.rule == "rest"
    assert decision.ticket is True
    assert decision.assign == "round_robin"
    assert decision.sla_policy == "standard"
    assert decision.escalation_chain == "default"


def test_no_matching_rule_means_no_ticket_and_a_marker_rule_name():
    sec = section({"name": "billing", "when": {"topics_any": ["billing"]}, "team": "patient-experience"})
    decision = route(sec, facts())
    assert decision.rule == NO_RULE_MATCHED == "(no rule matched)"
    assert decision.ticket is False
    assert decision.team is None and decision.assign is None and decision.escalation_chain is None
    assert not decision.matched
    assert needs_ticket(sec, facts()) is False


def test_an_empty_when_clause_matches_everything():
    sec = section({"name": "all", "team": "patient-experience"})
    assert route(sec, facts(sentiment="positive", severity="low", topics=frozenset())).rule == "all"


@pytest.mark.parametrize(
    "when, matching, not_matching",
    [
        ({"source_in": ["google_reviews"]}, {"source": "google_reviews"}, {"source": "fft_survey"}),
        ({"facility_in": ["st-marys"]}, {"facility": "st-marys"}, {"facility": "general"}),
        ({"department_in": ["emergency"]}, {"department": "emergency"}, {"department": None}),
        ({"sentiment_in": ["negative"]}, {"sentiment": "negative"}, {"sentiment": "neutral"}),
        ({"severity_at_least": "high"}, {"severity": "critical"}, {"severity": "medium"}),
        ({"severity_at_least": "high"}, {"severity": "high"}, {"severity": "low"}),
        ({"topics_any": ["billing", "food"]}, {"topics": frozenset({"food", "waiting"})}, {"topics": frozenset({"waiting"})}),
        (
            {"main_topic_in": ["food"]},
            {"topics": frozenset({"food", "waiting"}), "main_topic": "food"},
            {"topics": frozenset({"food", "waiting"}), "main_topic": "waiting"},
        ),
        ({"main_topic_in": ["food"]}, {"main_topic": "food"}, {"topics": frozenset(), "main_topic": None}),
        (
            {"risk_flags_any": ["self_harm"]},
            {"risk_flags": frozenset({"self_harm"})},
            {"risk_flags": frozenset({"legal_threat"})},
        ),
        ({"needs_review": True}, {"needs_review": True}, {"needs_review": False}),
        ({"needs_review": False}, {"needs_review": False}, {"needs_review": True}),
    ],
)
def test_each_condition_key_decides_whether_a_rule_matches(when, matching, not_matching):
    sec = section({"name": "r", "when": when, "team": "patient-experience"})
    assert route(sec, facts(**matching)).rule == "r"
    assert route(sec, facts(**not_matching)).rule == NO_RULE_MATCHED


def test_every_given_condition_key_must_match():
    sec = section(
        {"name": "r", "when": {"facility_in": ["st-marys"], "severity_at_least": "high"}, "team": "patient-experience"}
    )
    assert route(sec, facts(severity="high")).rule == "r"
    assert route(sec, facts(severity="high", facility="general")).rule == NO_RULE_MATCHED


def test_a_ticket_false_rule_stops_routing_without_a_ticket():
    sec = section(
        {"name": "ignore-positive", "when": {"sentiment_in": ["positive"]}, "ticket": False},
        {"name": "rest", "team": "patient-experience"},
    )
    decision = route(sec, facts(sentiment="positive"))
    assert decision.rule == "ignore-positive"
    assert decision.ticket is False
    assert decision.team is None
    assert needs_ticket(sec, facts(sentiment="positive")) is False
    assert needs_ticket(sec, facts(sentiment="negative")) is True


# ------------------------------------------------------------------ model shape


def test_a_ticket_rule_without_a_team_is_rejected_at_the_team_key():
    with pytest.raises(ValidationError) as exc:
        RoutingRule.model_validate({"name": "r"})
    assert exc.value.errors()[0]["loc"] == ("team",)


def test_a_ticket_false_rule_needs_no_team():
    assert RoutingRule.model_validate({"name": "r", "ticket": False}).team is None


def test_unknown_keys_and_bad_assign_strategies_are_rejected():
    with pytest.raises(ValidationError):
        RoutingRule.model_validate({"name": "r", "team": "t", "priority": 1})
    with pytest.raises(ValidationError):
        RoutingRule.model_validate({"name": "r", "team": "t", "assign": "random"})
    with pytest.raises(ValidationError):
        RoutingRule.model_validate({"name": "r", "team": "t", "assign": "member:"})


def test_the_routing_section_needs_rules_with_unique_names():
    with pytest.raises(ValidationError):
        RoutingSection.model_validate({"rules": []})
    with pytest.raises(ValidationError, match="duplicate rule name 'a'"):
        section({"name": "a", "team": "t"}, {"name": "a", "team": "t"})


def test_assign_strategies_parse_into_kind_and_member():
    assert parse_assign("round_robin") == ("round_robin", None)
    assert parse_assign("team_queue") == ("team_queue", None)
    assert parse_assign("member:px-1") == ("member", "px-1")
    with pytest.raises(ValueError):
        parse_assign("member")


# ------------------------------------------------------------------ validation


def test_a_consistent_configuration_has_no_problems():
    sec = section(
        {"name": "risk", "when": {"risk_flags_any": ["patient_safety"]}, "team": "clinical-governance",
         "assign": "member:cg-1", "sla_policy": "urgent", "escalation_chain": "urgent"},
        {"name": "positive", "when": {"sentiment_in": ["positive"]}, "ticket": False},
        {"name": "rest", "team": "patient-experience", "assign": "round_robin"},
    )
    assert validate_routing(sec, TEAMS, CHAINS, POLICIES) == []


def test_validation_names_the_key_path_of_an_unknown_team_policy_and_chain():
    raw = {"rules": [
        {"name": "a", "team": "patient-experience"},
        {"name": "b", "when": {"topics_any": ["food"]}, "team": "kitchen", "sla_policy": "gold", "escalation_chain": "fast"},
    ]}
    problems = validate_routing(raw, TEAMS, CHAINS, POLICIES)
    assert "routing.rules.1.team: unknown team 'kitchen' (known: clinical-governance, empty-team, patient-experience)" in problems
    assert "routing.rules.1.sla_policy: unknown SLA policy 'gold' (known: standard, urgent)" in problems
    assert "routing.rules.1.escalation_chain: unknown escalation chain 'fast' (known: default, urgent)" in problems


def test_validation_rejects_a_named_member_who_is_not_in_the_team():
    raw = {"rules": [{"name": "a", "team": "patient-experience", "assign": "member:cg-1"}]}
    assert validate_routing(raw, TEAMS, CHAINS, POLICIES) == [
        "routing.rules.0.assign: 'cg-1' is not a member of team 'patient-experience'"
    ]


def test_validation_rejects_round_robin_over_a_team_without_members():
    raw = {"rules": [{"name": "a", "team": "empty-team", "assign": "round_robin"}]}
    assert validate_routing(raw, TEAMS, CHAINS, POLICIES) == [
        "routing.rules.0.assign: round_robin needs members, team 'empty-team' has none"
    ]


def test_validation_reports_shape_errors_with_key_paths():
    raw = {"rules": [
        {"name": "a"},
        {"name": "b", "team": "patient-experience", "when": {"colour_in": ["red"]}},
        {"name": "c", "team": "patient-experience", "assign": "whoever"},
        {"name": "a", "team": "patient-experience", "when": {"severity_at_least": "huge"}},
    ], "default": "x"}
    problems = validate_routing(raw, TEAMS, CHAINS, POLICIES)
    joined = "\n".join(problems)
    assert "routing.default: unknown key" in joined
    assert "routing.rules.0.team: team is required when ticket is true" in problems
    assert "routing.rules.1.when.colour_in: " in joined
    assert "routing.rules.2.assign: assign must be" in joined
    assert "routing.rules.3.when.severity_at_least: " in joined
    assert "routing.rules.3.name: duplicate rule name 'a' (first used at routing.rules.0)" in problems


def test_validation_reports_a_missing_or_empty_rule_list():
    assert validate_routing({}, TEAMS, CHAINS, POLICIES) == ["routing.rules: required, a non-empty list of rules"]
    assert validate_routing({"rules": []}, TEAMS, CHAINS, POLICIES) == ["routing.rules: must contain at least one rule"]


def test_validation_flags_unknown_codes_and_empty_lists_in_conditions():
    raw = {"rules": [{"name": "a", "team": "patient-experience",
                      "when": {"topics_any": ["parking"], "risk_flags_any": ["fraud"], "facility_in": []}}]}
    problems = validate_routing(raw, TEAMS, CHAINS, POLICIES)
    assert "routing.rules.0.when.topics_any: unknown topic code 'parking'" in problems
    raw["rules"][0]["when"] = {"main_topic_in": ["parking"]}
    assert validate_routing(raw, TEAMS, CHAINS, POLICIES) == [
        "routing.rules.0.when.main_topic_in: unknown topic code 'parking'"]
    assert "routing.rules.0.when.risk_flags_any: unknown risk flag code 'fraud'" in problems
    assert "routing.rules.0.when.facility_in: empty list never matches; omit the key to match anything" in problems


def test_a_needs_review_condition_passes_validation():
    raw = {"rules": [{"name": "human-review", "team": "patient-experience", "when": {"needs_review": True}}]}
    assert validate_routing(raw, TEAMS, CHAINS, POLICIES) == []


def test_the_shipped_configs_give_feedback_in_an_unread_language_a_ticket():
    # The classifier marks a language it does not read as needs_review and neutral; without
    # a rule for it, "no-ticket-for-the-rest" would drop it unread.
    from pathlib import Path

    from careloop.core.config import load_config

    root = Path(__file__).resolve().parents[2]
    for name in ("careloop.yaml", "demo.yaml"):
        config = load_config(root / "config" / name)
        unread = facts(sentiment="neutral", severity="low", topics=frozenset(), needs_review=True)
        decision = route(config.routing, unread)
        assert (decision.ticket, decision.rule) == (True, "human-review"), name
        assert not route(config.routing, facts(sentiment="neutral", severity="low", topics=frozenset())).ticket


def test_the_shipped_configs_give_a_question_that_is_not_a_complaint_a_ticket_to_answer():
    from pathlib import Path

    from careloop.core.config import load_config

    root = Path(__file__).resolve().parents[2]
    for name in ("careloop.yaml", "demo.yaml"):
        config = load_config(root / "config" / name)
        for sentiment in ("neutral", "positive"):
            question = facts(sentiment=sentiment, severity="low", topics=frozenset({"enquiry", "scheduling_access"}))
            decision = route(config.routing, question)
            assert (decision.ticket, decision.rule, decision.team) == (True, "enquiries", "patient-experience"), name
        complaint = facts(sentiment="negative", severity="medium", topics=frozenset({"enquiry", "waiting"}),
                          main_topic="waiting")
        assert route(config.routing, complaint).rule == "access-complaints"


def test_the_shipped_configs_send_a_complaint_to_the_team_of_its_main_topic_not_of_one_it_mentions():
    from pathlib import Path

    from careloop.core.config import load_config

    root = Path(__file__).resolve().parents[2]
    for name in ("careloop.yaml", "demo.yaml"):
        config = load_config(root / "config" / name)
        rude_while_waiting = facts(topics=frozenset({"staff_attitude", "waiting"}), main_topic="staff_attitude")
        assert route(config.routing, rude_while_waiting).team == "patient-experience", name
        long_wait = facts(topics=frozenset({"staff_attitude", "waiting"}), main_topic="waiting")
        assert route(config.routing, long_wait).team == "access-scheduling", name
        dirty_ward = facts(topics=frozenset({"cleanliness_facilities", "waiting"}), main_topic="cleanliness_facilities")
        assert route(config.routing, dirty_ward).team == "estates-facilities", name


def test_validation_flags_rules_that_can_never_be_reached():
    raw = {"rules": [
        {"name": "food", "when": {"topics_any": ["food"]}, "team": "patient-experience"},
        {"name": "food-again", "when": {"topics_any": ["food"]}, "team": "clinical-governance"},
        {"name": "all", "team": "patient-experience"},
        {"name": "after-all", "when": {"severity_at_least": "high"}, "team": "patient-experience"},
    ]}
    problems = validate_routing(raw, TEAMS, CHAINS, POLICIES)
    assert problems == [
        "routing.rules.1: unreachable, rule 'food' at routing.rules.0 has the same condition and matches first",
        "routing.rules.3: unreachable, rule 'all' at routing.rules.2 matches everything first",
    ]


def test_validation_flags_ticket_settings_on_a_ticket_false_rule():
    raw = {"rules": [{"name": "quiet", "ticket": False, "team": "patient-experience", "sla_policy": "urgent"}]}
    assert validate_routing(raw, TEAMS, CHAINS, POLICIES) == [
        "routing.rules.0.team: has no effect because ticket is false",
        "routing.rules.0.sla_policy: has no effect because ticket is false",
    ]


def test_validation_accepts_teams_as_a_mapping_or_raw_dicts():
    raw = {"rules": [{"name": "a", "team": "patient-experience", "assign": "member:px-2"}]}
    as_mapping = {t.name: t for t in TEAMS}
    as_dicts = [t.model_dump() for t in TEAMS]
    assert validate_routing(raw, as_mapping, CHAINS, POLICIES) == []
    assert validate_routing(raw, as_dicts, CHAINS, POLICIES) == []
