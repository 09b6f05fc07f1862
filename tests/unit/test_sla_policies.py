"""The sla: config section and SLA policy selection."""
from __future__ import annotations

from datetime import timedelta

import pytest
import yaml
from pydantic import ValidationError

from careloop.core.conditions import Facts
from careloop.sla_monitor.calendars import TWENTY_FOUR_SEVEN, BusinessCalendar, CalendarConfig
from careloop.sla_monitor.policies import (
    DEFAULT_THRESHOLDS,
    NoSlaPolicy,
    SlaPolicy,
    SlaSection,
    UnknownSlaPolicy,
    select_policy,
)

SECTION_YAML = """
default_thresholds: [0.5, 0.75, 0.9]
policies:
  urgent:
    acknowledge_within: 4h
    resolve_within: 3d
    thresholds: [0.5, 0.9]
    calendar: "24x7"
    reescalate_every: 2h
    max_reescalations: 2
  standard:
    acknowledge_within: 2d
    resolve_within: 10d
    calendar: uk-office
policy_rules:
  - when: {severity_at_least: critical}
    policy: urgent
  - when: {risk_flags_any: [patient_safety]}
    policy: urgent
  - when: {}
    policy: standard
calendars:
  uk-office:
    timezone: Europe/London
    hours:
      mon: [["09:00", "17:00"]]
      tue: [["09:00", "12:30"], ["13:30", "17:00"]]
      wed: [["09:00", "17:00"]]
      thu: [["09:00", "17:00"]]
      fri: [["09:00", "16:00"]]
    holidays: {country: GB, subdiv: ENG, dates: ["2026-12-29"]}
"""


def section_data() -> dict:
    return yaml.safe_load(SECTION_YAML)


def facts(severity: str = "medium", risk_flags: tuple[str, ...] = ()) -> Facts:
    return Facts(source="fft_survey", facility="st-marys", department=None, sentiment="negative",
                 severity=severity, risk_flags=frozenset(risk_flags))


def error_text(data: dict) -> str:
    with pytest.raises(ValidationError) as info:
        SlaSection.model_validate(data)
    return str(info.value)


# --------------------------------------------------------------------------- valid config

def test_the_documented_section_validates_with_durations_parsed():
    section = SlaSection.model_validate(section_data())
    urgent = section.policy("urgent")
    assert urgent.acknowledge_within == timedelta(hours=4)
    assert urgent.resolve_within == timedelta(days=3)
    assert urgent.reescalate_every == timedelta(hours=2)
    assert urgent.max_reescalations == 2
    assert urgent.window("acknowledge") == timedelta(hours=4)
    assert section.policy("standard").reescalate_every is None
    assert section.policy("standard").max_reescalations == 3


def test_policies_without_thresholds_get_the_section_defaults():
    data = section_data()
    data["default_thresholds"] = [0.25, 0.8]
    section = SlaSection.model_validate(data)
    assert section.policies["standard"].thresholds == (0.25, 0.8)
    assert section.policies["urgent"].thresholds == (0.5, 0.9)
    assert SlaPolicy(acknowledge_within="1h", resolve_within="1d").effective_thresholds == DEFAULT_THRESHOLDS


def test_calendar_defaults_to_24x7_and_empty_thresholds_mean_breach_only():
    policy = SlaPolicy.model_validate({"acknowledge_within": 60, "resolve_within": "1h30m", "thresholds": []})
    assert policy.calendar == "24x7"
    assert policy.effective_thresholds == ()
    assert policy.resolve_within == timedelta(minutes=90)


def test_section_builds_each_calendar_once():
    section = SlaSection.model_validate(section_data())
    uk = section.calendar("uk-office")
    assert isinstance(uk, BusinessCalendar) and uk.name == "uk-office"
    assert section.calendar("uk-office") is uk
    assert section.calendar_for("standard") is uk
    assert section.calendar_for("urgent") is TWENTY_FOUR_SEVEN
    with pytest.raises(UnknownSlaPolicy, match="'nope'"):
        section.calendar_for("nope")


# --------------------------------------------------------------------------- validation errors

def test_a_bad_timezone_is_named():
    data = section_data()
    data["calendars"]["uk-office"]["timezone"] = "Europe/Lodnon"
    text = error_text(data)
    assert "calendars.uk-office.timezone" in text
    assert "unknown timezone 'Europe/Lodnon'" in text


def test_overlapping_windows_are_named_with_the_day():
    data = section_data()
    data["calendars"]["uk-office"]["hours"]["tue"] = [["09:00", "13:00"], ["12:30", "17:00"]]
    assert "tue: windows 09:00-13:00 and 12:30-17:00 overlap" in error_text(data)


def test_a_window_that_ends_before_it_starts_is_refused():
    data = section_data()
    data["calendars"]["uk-office"]["hours"]["mon"] = [["22:00", "06:00"]]
    assert "mon: window 22:00-06:00 ends before it starts" in error_text(data)


@pytest.mark.parametrize("window, message", [
    (["9am", "17:00"], "'9am' is not a time"),
    (["09:00", "25:00"], "'25:00' is not"),
    (["24:00", "24:00"], "'24:00' is not an end time"),
    (["09:61", "17:00"], "'09:61' is not"),
])
def test_malformed_times_are_refused(window, message):
    data = section_data()
    data["calendars"]["uk-office"]["hours"]["mon"] = [window]
    assert message in error_text(data)


def test_unquoted_yaml_times_get_a_hint():
    data = section_data()
    data["calendars"]["uk-office"]["hours"]["mon"] = yaml.safe_load('[[09:00, 17:00]]')
    assert "quoted" in error_text(data)


def test_a_calendar_without_any_window_and_unknown_weekdays_are_refused():
    data = section_data()
    data["calendars"]["uk-office"]["hours"] = {"mon": []}
    assert "at least one opening window" in error_text(data)
    data["calendars"]["uk-office"]["hours"] = {"monday": [["09:00", "17:00"]]}
    assert "calendars.uk-office.hours.monday" in error_text(data)


def test_an_unknown_calendar_is_named_with_the_policy():
    data = section_data()
    data["policies"]["standard"]["calendar"] = "us-office"
    text = error_text(data)
    assert "policies.standard.calendar: unknown calendar 'us-office'" in text
    assert "'uk-office'" in text


def test_the_name_24x7_is_reserved():
    data = section_data()
    data["calendars"]["24x7"] = data["calendars"]["uk-office"]
    assert "reserved" in error_text(data)


def test_an_unknown_policy_in_policy_rules_is_named():
    data = section_data()
    data["policy_rules"][2]["policy"] = "normal"
    assert "policy_rules.2.policy: unknown policy 'normal'" in error_text(data)


@pytest.mark.parametrize("thresholds, message", [
    ([0.75, 0.5], "strictly increasing, but 0.75 is followed by 0.5"),
    ([0.5, 0.5], "strictly increasing, but 0.5 is followed by 0.5"),
    ([0.5, 1.0], "threshold 1 is not between 0 and 1"),
    ([0, 0.5], "threshold 0 is not between 0 and 1"),
])
def test_thresholds_out_of_order_or_range_are_refused(thresholds, message):
    data = section_data()
    data["policies"]["urgent"]["thresholds"] = thresholds
    text = error_text(data)
    assert "policies.urgent.thresholds" in text and message in text
    data = section_data()
    data["default_thresholds"] = thresholds
    assert "default_thresholds" in error_text(data)


def test_unknown_keys_bad_durations_and_negative_counts_are_refused():
    data = section_data()
    data["policies"]["urgent"]["acknowledge_in"] = "4h"
    assert "acknowledge_in" in error_text(data)
    data = section_data()
    data["policies"]["urgent"]["resolve_within"] = "3 days"
    assert "policies.urgent.resolve_within" in error_text(data)
    data = section_data()
    data["policies"]["urgent"]["max_reescalations"] = -1
    assert "policies.urgent.max_reescalations" in error_text(data)


def test_unknown_holiday_countries_and_subdivisions_are_refused():
    data = section_data()
    data["calendars"]["uk-office"]["holidays"] = {"country": "XX"}
    assert "holidays" in error_text(data)
    data["calendars"]["uk-office"]["holidays"] = {"country": "GB", "subdiv": "XYZ"}
    assert "XYZ" in error_text(data)
    data["calendars"]["uk-office"]["holidays"] = {"subdiv": "ENG"}
    assert "subdiv needs holidays.country" in error_text(data)
    data["calendars"]["uk-office"]["holidays"] = {"dates": ["29/12/2026"]}
    assert "not a date" in error_text(data)


def test_a_section_needs_at_least_one_policy():
    assert "policies" in error_text({"policies": {}})


def test_calendar_config_on_its_own_reports_plain_messages():
    with pytest.raises(ValidationError, match="use an IANA name"):
        CalendarConfig.model_validate({"timezone": "Mars/Olympus", "hours": {"mon": [["09:00", "17:00"]]}})


# --------------------------------------------------------------------------- selection

def test_an_explicit_policy_from_routing_wins_over_policy_rules():
    section = SlaSection.model_validate(section_data())
    assert select_policy(section, facts("critical"), explicit="standard") == "standard"


def test_the_first_matching_policy_rule_decides():
    section = SlaSection.model_validate(section_data())
    assert select_policy(section, facts("critical")) == "urgent"
    assert select_policy(section, facts("low", ("patient_safety",))) == "urgent"
    assert select_policy(section, facts("high")) == "standard"


def test_no_matching_rule_and_no_explicit_policy_is_an_error():
    data = section_data()
    data["policy_rules"] = data["policy_rules"][:1]
    section = SlaSection.model_validate(data)
    assert not section.has_catch_all
    with pytest.raises(NoSlaPolicy, match="catch-all"):
        select_policy(section, facts("low"))
    assert SlaSection.model_validate(section_data()).has_catch_all


def test_an_unknown_explicit_policy_is_an_error():
    section = SlaSection.model_validate(section_data())
    with pytest.raises(UnknownSlaPolicy, match="'gold'"):
        select_policy(section, facts(), explicit="gold")
