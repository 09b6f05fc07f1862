"""careloop.core.config: the shipped files load, and every bad file fails at start with
one ConfigError naming the key path and what is wrong."""
from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml

from careloop.core.config import CareloopConfig, load_config, parse_config
from careloop.core.errors import ConfigError
from careloop.core.settings import DEFAULT_CONFIG, DEMO_CONFIG

BASE = yaml.safe_load(DEMO_CONFIG.read_text(encoding="utf-8"))


def write(tmp_path: Path, document) -> Path:
    path = tmp_path / "careloop.yaml"
    path.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
    return path


def broken(mutate) -> dict:
    doc = copy.deepcopy(BASE)
    mutate(doc)
    return doc


def config_error(tmp_path: Path, document) -> str:
    path = write(tmp_path, document)
    with pytest.raises(ConfigError) as info:
        load_config(path)
    return str(info.value)


@pytest.mark.parametrize("path", [DEFAULT_CONFIG, DEMO_CONFIG], ids=["careloop.yaml", "demo.yaml"])
def test_the_shipped_config_files_load(path):
    config = load_config(path)
    assert isinstance(config, CareloopConfig)
    assert "default" in config.escalation_chains
    assert config.sla.has_catch_all
    assert {"patient-experience", "clinical-governance"} <= set(config.teams_by_name)
    assert "google_reviews" in config.sources_by_name


def test_the_demo_config_has_second_scale_windows_on_a_round_the_clock_calendar():
    config = load_config(DEMO_CONFIG)
    standard = config.sla.policy("standard")
    assert standard.acknowledge_within.total_seconds() == 16
    assert standard.resolve_within.total_seconds() == 45
    assert standard.calendar == "24x7"
    assert standard.thresholds == (0.5, 0.75, 0.9)  # filled from default_thresholds


def test_a_rewritten_copy_of_the_demo_config_loads(tmp_path):
    assert isinstance(load_config(write(tmp_path, BASE)), CareloopConfig)


def test_an_unknown_top_level_key_names_the_key(tmp_path):
    message = config_error(tmp_path, broken(lambda d: d.update(routnig={})))
    assert "routnig: unknown key" in message


def test_a_routing_rule_naming_an_unknown_team_names_the_rule_path(tmp_path):
    def mutate(d):
        d["routing"]["rules"][1]["team"] = "no-such-team"

    message = config_error(tmp_path, broken(mutate))
    assert "routing.rules.1.team" in message
    assert "unknown team 'no-such-team'" in message


def test_a_routing_rule_naming_an_unknown_sla_policy_is_rejected(tmp_path):
    def mutate(d):
        d["routing"]["rules"][0]["sla_policy"] = "platinum"

    message = config_error(tmp_path, broken(mutate))
    assert "routing.rules.0.sla_policy" in message
    assert "platinum" in message


def test_a_policy_rule_naming_an_unknown_sla_policy_names_its_path(tmp_path):
    def mutate(d):
        d["sla"]["policy_rules"][0]["policy"] = "platinum"

    message = config_error(tmp_path, broken(mutate))
    assert "sla.policy_rules.0.policy" in message
    assert "unknown policy 'platinum'" in message


def test_a_missing_default_escalation_chain_is_rejected(tmp_path):
    def mutate(d):
        d["escalation_chains"] = {"clinical": d["escalation_chains"]["clinical"]}

    message = config_error(tmp_path, broken(mutate))
    assert "escalation_chains" in message
    assert "'default' is required" in message


def test_a_duplicate_source_name_names_the_second_source(tmp_path):
    def mutate(d):
        d["sources"].append(copy.deepcopy(d["sources"][0]))

    message = config_error(tmp_path, broken(mutate))
    last = len(BASE["sources"])
    assert f"sources.{last}.name" in message
    assert "duplicate source 'fft_survey'" in message


def test_a_duration_written_in_words_names_the_policy_field(tmp_path):
    def mutate(d):
        d["sla"]["policies"]["standard"]["acknowledge_within"] = "4 hours"

    message = config_error(tmp_path, broken(mutate))
    assert "sla.policies.standard.acknowledge_within" in message
    assert "'4 hours' is not a duration" in message


def test_bad_yaml_syntax_is_reported_with_its_line_number(tmp_path):
    path = tmp_path / "careloop.yaml"
    path.write_text("version: 1\nteams:\n  - name: px\n    members: [a, b\nsources: []\n", encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(path)
    message = str(info.value)
    assert str(path) in message
    assert "not valid YAML at line 5" in message


def test_a_missing_config_file_is_a_config_error_naming_the_file(tmp_path):
    path = tmp_path / "absent.yaml"
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert str(path) in str(info.value)
    assert "cannot read the config file" in str(info.value)


def test_an_unreadable_config_file_is_a_config_error_naming_the_file(tmp_path, monkeypatch):
    path = write(tmp_path, BASE)

    def denied(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(self))

    # chmod 000 does not stop root (the test may run as root), so refuse the read itself.
    monkeypatch.setattr(Path, "read_text", denied)
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert str(path) in str(info.value)
    assert "cannot read the config file (Permission denied)" in str(info.value)


def test_a_directory_given_as_the_config_file_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="cannot read the config file"):
        load_config(tmp_path)


def test_a_config_file_that_is_not_utf8_is_a_config_error(tmp_path):
    path = tmp_path / "latin1.yaml"
    path.write_bytes("version: 1\norganisation: {name: Ca\xf1ada}\n".encode("latin-1"))
    with pytest.raises(ConfigError, match="not UTF-8"):
        load_config(path)


def test_a_top_level_that_is_not_a_mapping_is_rejected(tmp_path):
    message = config_error(tmp_path, ["a", "list"])
    assert "top level must be a mapping" in message


def test_an_empty_config_file_is_rejected(tmp_path):
    path = tmp_path / "empty.yaml"
    path.write_text("", encoding="utf-8")
    with pytest.raises(ConfigError, match="top level must be a mapping"):
        load_config(path)


def test_every_problem_in_a_bad_file_is_reported_at_once(tmp_path):
    def mutate(d):
        d["routnig"] = {}
        d["sla"]["policies"]["standard"]["resolve_within"] = "soon"

    message = config_error(tmp_path, broken(mutate))
    assert "routnig: unknown key" in message
    assert "sla.policies.standard.resolve_within" in message


def test_parse_config_names_its_origin_in_the_error():
    with pytest.raises(ConfigError, match=r"^inline is invalid"):
        parse_config(broken(lambda d: d.update(extra=1)), origin="inline")


def test_problems_found_by_a_section_check_carry_the_full_key_path_one_per_line(tmp_path):
    def mutate(d):
        d["sla"]["policy_rules"][0]["policy"] = "platinum"
        d["sla"]["policies"]["standard"]["calendar"] = "office"

    lines = config_error(tmp_path, broken(mutate)).splitlines()[1:]
    assert any(line.startswith("sla.policy_rules.0.policy: unknown policy") for line in lines)
    assert any(line.startswith("sla.policies.standard.calendar: unknown calendar 'office'") for line in lines)
