"""careloop.core.settings: precedence, coercion errors, what may be printed."""
from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import SecretStr

from careloop.core.errors import ConfigError
from careloop.core.settings import DEFAULT_CONFIG, Settings, load_settings, redact_url_password


def test_with_nothing_given_every_setting_has_its_default():
    s = load_settings(environ={})
    assert s == Settings()
    assert s.kafka_bootstrap == "127.0.0.1:9092"
    assert s.webhook_port == 8080
    assert s.config_path == DEFAULT_CONFIG


def test_the_file_runtime_section_overrides_the_default():
    s = load_settings(environ={}, file_runtime={"kafka_bootstrap": "file:9092", "webhook_port": "9000"})
    assert s.kafka_bootstrap == "file:9092"
    assert s.webhook_port == 9000


def test_the_environment_overrides_the_file_runtime_section():
    s = load_settings(
        environ={"CARELOOP_KAFKA_BOOTSTRAP": "env:9092"},
        file_runtime={"kafka_bootstrap": "file:9092", "log_level": "debug"},
    )
    assert s.kafka_bootstrap == "env:9092"
    assert s.log_level == "debug"  # not in the environment: the file still counts


def test_an_explicit_argument_overrides_the_environment_and_the_file():
    s = load_settings(
        {"kafka_bootstrap": "explicit:9092"},
        environ={"CARELOOP_KAFKA_BOOTSTRAP": "env:9092"},
        file_runtime={"kafka_bootstrap": "file:9092"},
    )
    assert s.kafka_bootstrap == "explicit:9092"


def test_an_explicit_none_leaves_the_lower_layers_in_charge():
    s = load_settings({"kafka_bootstrap": None}, environ={"CARELOOP_KAFKA_BOOTSTRAP": "env:9092"})
    assert s.kafka_bootstrap == "env:9092"


def test_an_empty_environment_variable_counts_as_unset():
    s = load_settings(environ={"CARELOOP_KAFKA_BOOTSTRAP": ""}, file_runtime={"kafka_bootstrap": "file:9092"})
    assert s.kafka_bootstrap == "file:9092"


def test_environment_values_are_coerced_to_the_setting_types():
    s = load_settings(
        environ={
            "CARELOOP_WEBHOOK_PORT": "8443",
            "CARELOOP_CONFIG": "/etc/careloop.yaml",
            "CARELOOP_WEBHOOK_SECRET": "s3cret",
        }
    )
    assert s.webhook_port == 8443
    assert s.config_path == Path("/etc/careloop.yaml")
    assert isinstance(s.webhook_secret, SecretStr)
    assert s.webhook_secret.get_secret_value() == "s3cret"


def test_a_bad_integer_in_the_environment_is_a_config_error_naming_the_variable():
    with pytest.raises(ConfigError) as info:
        load_settings(environ={"CARELOOP_WEBHOOK_PORT": "eighty"})
    assert "CARELOOP_WEBHOOK_PORT" in str(info.value)
    assert "int" in str(info.value)


def test_a_bad_integer_in_the_file_runtime_section_names_the_key_path():
    with pytest.raises(ConfigError, match=r"runtime\.api_port"):
        load_settings(environ={}, file_runtime={"api_port": "x"})


def test_an_unknown_key_in_the_file_runtime_section_is_a_config_error():
    with pytest.raises(ConfigError, match=r"runtime\.kafka_brokers: unknown setting"):
        load_settings(environ={}, file_runtime={"kafka_brokers": "x"})


def test_the_config_path_cannot_be_set_from_the_config_file_itself():
    with pytest.raises(ConfigError, match=r"runtime\.config_path"):
        load_settings(environ={}, file_runtime={"config_path": "/elsewhere.yaml"})


def test_an_unknown_explicit_setting_is_a_config_error():
    with pytest.raises(ConfigError, match="unknown setting 'kafka'"):
        load_settings({"kafka": "x"}, environ={})


def test_describe_never_shows_the_webhook_secret():
    s = load_settings(environ={"CARELOOP_WEBHOOK_SECRET": "hunter2-very-secret"})
    described = s.describe()
    assert described["webhook_secret"] == "***"
    assert "hunter2-very-secret" not in repr(described)
    assert "hunter2-very-secret" not in repr(s)  # SecretStr hides it in the dataclass repr too


def test_describe_shows_an_unset_webhook_secret_as_empty():
    assert load_settings(environ={}).describe()["webhook_secret"] == ""


def test_describe_never_shows_the_database_password():
    s = load_settings(environ={"CARELOOP_DATABASE_URL": "postgresql+psycopg2://careloop:pa55w0rd@db:5432/careloop"})
    described = s.describe()
    assert "pa55w0rd" not in repr(described)
    assert described["database_url"] == "postgresql+psycopg2://careloop:***@db:5432/careloop"


def test_describe_keeps_a_database_url_without_a_password_as_it_is():
    assert redact_url_password("sqlite:///var/careloop.db") == "sqlite:///var/careloop.db"
    assert redact_url_password("postgresql://careloop@db/careloop") == "postgresql://careloop@db/careloop"


def test_describe_hides_a_password_containing_an_at_sign():
    url = "postgresql://careloop:p@ss@db:5432/careloop"
    assert "p@ss" not in redact_url_password(url)


def test_describe_gives_every_setting_as_a_string():
    described = load_settings(environ={}).describe()
    assert set(described) == {f for f in Settings.__dataclass_fields__}
    assert all(isinstance(v, str) for v in described.values())


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("auto", None), ("", None), ("2.3", (2, 3)), ("0.10.2", (0, 10, 2)), ("3", (3,))],
)
def test_the_kafka_api_version_is_parsed_into_a_tuple_or_none_for_auto(raw, expected):
    assert Settings(kafka_api_version=raw).kafka_api_version_tuple() == expected


def test_a_malformed_kafka_api_version_is_a_config_error_naming_the_variable():
    with pytest.raises(ConfigError, match="CARELOOP_KAFKA_API_VERSION"):
        Settings(kafka_api_version="two.three").kafka_api_version_tuple()


def test_metrics_ports_are_offsets_from_the_base_per_service():
    s = Settings(metrics_port_base=9400)
    assert [s.metrics_port(n) for n in ("ingest", "classifier", "router", "sla_monitor")] == [9400, 9401, 9402, 9403]


def test_topic_names_carry_the_configured_prefix():
    assert Settings(topic_prefix="t1-").topic("feedback.received") == "t1-feedback.received"
