"""The event schemas in schemas/ and the schema registry that validates events with them."""
from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any, Iterator

import pytest
from jsonschema import Draft202012Validator

from careloop.core import schema_registry
from careloop.core.errors import BadEvent, CareloopError
from careloop.core.schema_registry import (
    SchemaRegistry,
    SchemaValidationError,
    UnknownEventTypeError,
    known_event_types,
    schema_for_type,
    validate_event,
)

ROOT = Path(__file__).resolve().parents[2]
SCHEMAS = ROOT / "schemas"
FIXTURES = ROOT / "tests" / "fixtures" / "events"
BASE = "https://careloop.dev/schemas/"

EXPECTED_TYPES = sorted(
    "org.careloop." + name
    for name in (
        "feedback.received.v1", "feedback.classified.v1", "ticket.opened.v1", "ticket.assigned.v1",
        "ticket.acknowledged.v1", "ticket.resolved.v1", "ticket.command.acknowledge.v1",
        "ticket.command.resolve.v1", "ticket.command.assign.v1", "escalation.raised.v1", "deadletter.v1",
        "ticket.reopened.v1", "ticket.paused.v1", "ticket.resumed.v1", "ticket.note_added.v1",
        "ticket.command.reopen.v1", "ticket.command.pause.v1", "ticket.command.resume.v1", "ticket.command.note.v1",
    )
)
SCHEMA_FILES = sorted(SCHEMAS.glob("*.json"))
EVENT_SCHEMA_FILES = [p for p in SCHEMA_FILES if p.name != "defs.v1.json"]
ANNOTATION_ONLY = {"title", "description"}


def load(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def fixture(name: str) -> dict[str, Any]:
    return load(FIXTURES / f"{name}.json")


def object_schemas(node: Any, path: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every subschema that declares properties (i.e. describes an object)."""
    if isinstance(node, dict):
        if "properties" in node:
            yield path, node
        for key, value in node.items():
            if key in ("examples", "const", "enum", "x-careloop"):
                continue
            yield from object_schemas(value, f"{path}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from object_schemas(value, f"{path}/{i}")


def failure(event: dict[str, Any]) -> SchemaValidationError:
    with pytest.raises(SchemaValidationError) as info:
        validate_event(event)
    return info.value


# --------------------------------------------------------------------------- the files

def test_there_is_one_schema_file_per_event_type_plus_the_shared_defs():
    names = {p.name for p in SCHEMA_FILES}
    assert names == {t.removeprefix("org.careloop.") + ".json" for t in EXPECTED_TYPES} | {"defs.v1.json"}


def test_the_registry_knows_exactly_the_contract_event_types():
    assert known_event_types() == EXPECTED_TYPES


@pytest.mark.parametrize("path", SCHEMA_FILES, ids=lambda p: p.name)
def test_every_schema_is_itself_a_valid_draft_2020_12_schema(path):
    schema = load(path)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("path", SCHEMA_FILES, ids=lambda p: p.name)
def test_every_schema_has_an_id_named_after_its_file(path):
    assert load(path)["$id"] == BASE + path.name


@pytest.mark.parametrize("path", SCHEMA_FILES, ids=lambda p: p.name)
def test_every_object_in_every_schema_is_closed(path):
    objects = list(object_schemas(load(path)))
    assert objects or path.name == "defs.v1.json"
    for where, schema in objects:
        assert schema.get("additionalProperties") is False, f"{path.name}{where} is open"


@pytest.mark.parametrize("path", SCHEMA_FILES, ids=lambda p: p.name)
def test_every_property_has_a_title_and_a_description_for_subscribers(path):
    for where, schema in object_schemas(load(path)):
        for name, prop in schema["properties"].items():
            assert prop.get("title"), f"{path.name}{where}/properties/{name} has no title"
            assert prop.get("description"), f"{path.name}{where}/properties/{name} has no description"


@pytest.mark.parametrize("path", SCHEMA_FILES, ids=lambda p: p.name)
def test_every_required_property_is_declared(path):
    for where, schema in object_schemas(load(path)):
        undeclared = set(schema.get("required", [])) - set(schema["properties"])
        assert not undeclared, f"{path.name}{where} requires undeclared {undeclared}"


@pytest.mark.parametrize("path", SCHEMA_FILES, ids=lambda p: p.name)
def test_every_ref_points_at_a_definition_that_exists(path):
    registry = schema_registry.get_registry()
    schema = load(path)
    refs: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if "$ref" in node:
                refs.append(node["$ref"])
            for key, value in node.items():
                if key not in ("examples", "const", "enum"):
                    walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema)
    resolver = registry.registry.resolver(base_uri=schema["$id"])
    for ref in refs:
        assert not ref.startswith(("http://", "https://")) or ref.startswith(BASE), ref
        resolver.lookup(ref)  # raises when unresolvable


@pytest.mark.parametrize("path", EVENT_SCHEMA_FILES, ids=lambda p: p.name)
def test_every_event_schema_pins_the_cloudevents_envelope(path):
    schema = load(path)
    props = schema["properties"]
    event_type = "org.careloop." + path.name.removesuffix(".json")
    assert props["type"]["const"] == event_type
    assert props["dataschema"]["const"] == schema["$id"]
    assert set(props) == {"specversion", "id", "source", "type", "subject", "time", "datacontenttype", "dataschema", "data"}
    assert {"specversion", "id", "source", "type", "time", "datacontenttype", "dataschema", "data"} <= set(schema["required"])
    assert schema["x-careloop"]["topic"] in {
        "feedback.received", "feedback.classified", "tickets.lifecycle", "tickets.commands",
        "tickets.escalations", "feedback.deadletter",
    }


def test_the_shared_timestamp_requires_format_date_time_and_a_trailing_z():
    timestamp = load(SCHEMAS / "defs.v1.json")["$defs"]["timestamp"]
    assert timestamp["format"] == "date-time"
    assert timestamp["pattern"].endswith("Z$")


@pytest.mark.parametrize("path", EVENT_SCHEMA_FILES, ids=lambda p: p.name)
def test_every_schema_has_examples_and_every_example_validates(path):
    examples = load(path)["examples"]
    assert examples
    for example in examples:
        validate_event(example)
        assert example["type"] == "org.careloop." + path.name.removesuffix(".json")


@pytest.mark.parametrize("event_type", EXPECTED_TYPES)
def test_every_fixture_event_validates(event_type):
    validate_event(fixture(event_type.removeprefix("org.careloop.")))


def test_the_readme_lists_every_schema_file():
    readme = (SCHEMAS / "README.md").read_text(encoding="utf-8")
    for path in EVENT_SCHEMA_FILES:
        assert f"`{path.name}`" in readme or f"({path.name})" in readme, path.name


# --------------------------------------------------------------------------- rejections

def test_a_wrong_type_is_rejected_as_an_unknown_event_type_at_the_type_path():
    event = fixture("ticket.opened.v1")
    event["type"] = "org.careloop.ticket.teleported.v1"
    error = failure(event)
    assert isinstance(error, UnknownEventTypeError)
    assert error.path == "$.type"
    assert error.reason_code == "unknown_event_type"
    assert "org.careloop.ticket.teleported.v1" in error.message


def test_a_type_that_disagrees_with_the_dataschema_is_rejected_at_the_dataschema_path():
    event = fixture("ticket.acknowledged.v1")
    event["type"] = "org.careloop.ticket.resolved.v1"
    error = failure(event)
    assert error.path == "$.dataschema"
    assert error.reason_code == "schema_invalid"


def test_a_missing_type_is_an_unknown_event_type():
    event = fixture("ticket.opened.v1")
    del event["type"]
    error = failure(event)
    assert isinstance(error, UnknownEventTypeError) and error.path == "$.type"


def test_a_non_object_event_is_rejected_at_the_root():
    error = failure(["not", "an", "event"])  # type: ignore[arg-type]
    assert error.path == "$"


@pytest.mark.parametrize(
    "name, container, field",
    [
        ("feedback.received.v1", (), "time"),
        ("feedback.received.v1", ("data",), "feedback_id"),
        ("feedback.classified.v1", ("data", "classification"), "severity"),
        ("feedback.classified.v1", ("data", "feedback", "rating"), "scale_max"),
        ("ticket.opened.v1", ("data",), "sla_policy"),
        ("escalation.raised.v1", ("data",), "deadline_at"),
        ("deadletter.v1", ("data", "original"), "value_encoding"),
        ("ticket.command.assign.v1", ("data",), "assignee"),
    ],
)
def test_a_missing_required_field_fails_with_the_path_of_the_missing_field(name, container, field):
    event = fixture(name)
    target = event
    for key in container:
        target = target[key]
    del target[field]
    error = failure(event)
    assert error.path == "$" + "".join(f".{k}" for k in (*container, field))
    assert error.keyword == "required"
    assert field in error.message


def test_a_nullable_field_must_still_be_present():
    event = fixture("ticket.acknowledged.v1")
    del event["data"]["note"]
    assert failure(event).path == "$.data.note"


@pytest.mark.parametrize(
    "name, container",
    [
        ("feedback.received.v1", ()),
        ("feedback.received.v1", ("data",)),
        ("feedback.received.v1", ("data", "rating")),
        ("feedback.classified.v1", ("data", "classification")),
        ("feedback.classified.v1", ("data", "feedback")),
        ("deadletter.v1", ("data", "original")),
        ("escalation.raised.v1", ("data",)),
    ],
)
def test_an_extra_property_fails_with_the_path_of_the_extra_property(name, container):
    event = fixture(name)
    target = event
    for key in container:
        target = target[key]
    target["surprise"] = 1
    error = failure(event)
    assert error.path == "$" + "".join(f".{k}" for k in (*container, "surprise"))
    assert error.keyword == "additionalProperties"


@pytest.mark.parametrize(
    "bad",
    [
        "2026-11-26T10:00:00+00:00",  # offset instead of Z
        "2026-11-26T10:00:00",  # no zone
        "2026-11-26 10:00:00Z",  # space separator
        "2026-11-26t10:00:00z",  # lower case
        "2026-02-30T10:00:00Z",  # no such day
        "2026-11-26T24:00:00Z",  # no such hour
        "26/11/2026 10:00",
        "",
    ],
)
def test_a_bad_timestamp_fails_at_its_path(bad):
    event = fixture("escalation.raised.v1")
    event["data"]["due_at"] = bad
    error = failure(event)
    assert error.path == "$.data.due_at"
    assert error.keyword in ("format", "pattern")


@pytest.mark.parametrize("good", ["2026-11-26T10:00:00Z", "2026-11-26T10:00:00.1Z", "2024-02-29T23:59:59.123456789Z"])
def test_rfc3339_utc_timestamps_with_z_and_any_fraction_are_accepted(good):
    event = fixture("escalation.raised.v1")
    event["time"] = good
    validate_event(event)


@pytest.mark.parametrize(
    "name, path, value",
    [
        ("feedback.received.v1", ("data", "rating", "value"), 1.01),
        ("feedback.received.v1", ("data", "rating", "value"), -0.1),
        ("feedback.classified.v1", ("data", "classification", "score"), -1.5),
        ("feedback.classified.v1", ("data", "classification", "score"), 1.0001),
        ("feedback.classified.v1", ("data", "classification", "confidence"), 2),
        ("escalation.raised.v1", ("data", "threshold"), 0),
        ("escalation.raised.v1", ("data", "threshold"), 1.5),
        ("escalation.raised.v1", ("data", "level"), -1),
        ("deadletter.v1", ("data", "original", "offset"), -5),
    ],
)
def test_an_out_of_range_number_fails_at_its_path_and_says_the_bound(name, path, value):
    event = fixture(name)
    target = event
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    error = failure(event)
    assert error.path == "$." + ".".join(path)
    assert error.keyword in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum")
    assert json.dumps(value) in error.message


@pytest.mark.parametrize(
    "name, path, value, keyword",
    [
        ("feedback.received.v1", ("data", "text"), "", "minLength"),
        ("feedback.received.v1", ("data", "text"), "x" * 20001, "maxLength"),
        ("feedback.received.v1", ("data", "language"), "eng", "pattern"),
        ("feedback.received.v1", ("data", "source_kind"), "tweet", "enum"),
        ("feedback.received.v1", ("data", "rating"), 4, "type"),
        ("feedback.received.v1", ("data", "feedback_id"), "not-a-uuid", "format"),
        ("feedback.classified.v1", ("data", "classification", "topics"), ["waiting", "waiting"], "uniqueItems"),
        ("feedback.classified.v1", ("data", "classification", "risk_flags"), ["fire"], "enum"),
        ("feedback.classified.v1", ("data", "classification", "language"), "EN", "pattern"),
        ("escalation.raised.v1", ("data", "level"), 1.5, "type"),
        ("escalation.raised.v1", ("data", "kind"), "nag", "enum"),
        ("deadletter.v1", ("data", "reason_code"), "Schema Invalid", "pattern"),
        ("ticket.opened.v1", ("specversion",), "0.3", "const"),
        ("ticket.opened.v1", ("datacontenttype",), "text/plain", "const"),
    ],
)
def test_a_value_of_the_wrong_shape_fails_at_its_path(name, path, value, keyword):
    event = fixture(name)
    target = event
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    error = failure(event)
    assert error.keyword == keyword
    assert error.path.startswith("$." + ".".join(path))


def test_boolean_is_not_accepted_where_a_number_is_expected():
    event = fixture("escalation.raised.v1")
    event["data"]["threshold"] = True
    assert failure(event).path == "$.data.threshold"


def test_nullable_fields_accept_null():
    event = fixture("feedback.received.v1")
    event["data"].update(rating=None, language=None, department=None, question=None)
    validate_event(event)


def test_a_deadletter_may_omit_its_subject():
    event = fixture("deadletter.v1")
    del event["subject"]
    validate_event(event)


def test_an_error_message_never_echoes_patient_text():
    event = fixture("feedback.received.v1")
    secret = "Mrs Jane Example, date of birth 1 May 1950, wants to complain " * 400
    event["data"]["text"] = secret  # too long
    error = failure(event)
    assert "Jane" not in str(error) and "Jane" not in error.reason
    event["data"]["text"] = "Jane"
    event["data"]["language"] = "Jane Example's language"
    assert "Jane" not in str(failure(event))
    event["data"]["language"] = None
    event["data"]["source_kind"] = "Jane"
    assert "Jane" not in str(failure(event))


def test_a_schema_validation_error_is_a_careloop_bad_event_for_the_dead_letter_topic():
    event = fixture("ticket.opened.v1")
    event["data"]["severity"] = "apocalyptic"
    error = failure(event)
    assert isinstance(error, BadEvent) and isinstance(error, CareloopError)
    assert error.reason_code == "schema_invalid"
    assert error.reason == f"{error.path}: {error.message}"
    assert error.event_type == "org.careloop.ticket.opened.v1"
    assert re.fullmatch(r"[a-z][a-z0-9]*(_[a-z0-9]+)*", error.reason_code)


def test_validation_does_not_modify_the_event():
    event = fixture("feedback.classified.v1")
    before = copy.deepcopy(event)
    validate_event(event)
    assert event == before


# --------------------------------------------------------------------------- registry

def test_schema_for_type_returns_the_schema_with_that_type_const():
    schema = schema_for_type("org.careloop.escalation.raised.v1")
    assert schema["$id"] == BASE + "escalation.raised.v1.json"


def test_schema_for_an_unknown_type_raises_unknown_event_type():
    with pytest.raises(UnknownEventTypeError):
        schema_for_type("org.careloop.nothing.v9")


def test_the_schemas_directory_can_be_overridden_by_environment(tmp_path, monkeypatch):
    for path in SCHEMA_FILES:
        if path.name in ("defs.v1.json", "ticket.resolved.v1.json"):
            (tmp_path / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setenv(schema_registry.SCHEMAS_DIR_ENV, str(tmp_path))
    schema_registry.reset_registry()
    try:
        assert known_event_types() == ["org.careloop.ticket.resolved.v1"]
        validate_event(fixture("ticket.resolved.v1"))
    finally:
        monkeypatch.delenv(schema_registry.SCHEMAS_DIR_ENV)
        schema_registry.reset_registry()
    assert known_event_types() == EXPECTED_TYPES


def test_refs_resolve_offline_from_the_local_files_only(tmp_path):
    (tmp_path / "ticket.resolved.v1.json").write_text((SCHEMAS / "ticket.resolved.v1.json").read_text(), encoding="utf-8")
    with pytest.raises(ValueError, match="cannot resolve"):  # defs.v1.json missing: fail at load, never fetch
        SchemaRegistry(tmp_path)


def test_a_schema_file_named_differently_from_its_type_is_refused(tmp_path):
    (tmp_path / "defs.v1.json").write_text((SCHEMAS / "defs.v1.json").read_text(), encoding="utf-8")
    (tmp_path / "ticket.closed.v1.json").write_text((SCHEMAS / "ticket.resolved.v1.json").read_text(), encoding="utf-8")
    with pytest.raises(ValueError, match="must be named"):
        SchemaRegistry(tmp_path)


def test_the_registry_is_loaded_once_and_shared():
    assert schema_registry.get_registry() is schema_registry.get_registry()


def test_validation_is_fast_enough_for_thousands_of_events_per_second():
    import time

    events = [fixture(t.removeprefix("org.careloop.")) for t in EXPECTED_TYPES]
    validate_event(events[0])
    n = 0
    start = time.perf_counter()
    while n < 2000:
        for event in events:
            validate_event(event)
            n += 1
    per_second = n / (time.perf_counter() - start)
    assert per_second > 2000, f"only {per_second:.0f} events/s"


def test_every_json_event_example_in_the_readme_validates():
    readme = (SCHEMAS / "README.md").read_text(encoding="utf-8")
    blocks = [json.loads(b) for b in re.findall(r"```json\n(.*?)```", readme, flags=re.S)]
    assert blocks
    for block in blocks:
        validate_event(block)


# --------------------------------------------------------------------------- fast path

MUTANTS: list[Any] = [
    None, True, False, 0, 1, -1, 0.5, 1.0, 1.5, -1.5, 2, 1e300, "", "x", "a" * 20001, "en", "EN", "und",
    "2026-11-26T10:00:00Z", "2026-11-26T10:00:00+01:00", "2026-13-01T00:00:00Z",
    "5b0c7a52-4f0e-4c1d-9a57-0d8f1c2f6e11", "5B0C7A52-4F0E-4C1D-9A57-0D8F1C2F6E11", "5b0c7a524f0e4c1d9a570d8f1c2f6e11",
    "waiting", "critical", "negative", "utf-8", "base64", "schema_invalid", "1.0", "application/json",
    [], ["waiting"], ["waiting", "waiting"], ["patient_safety", "bogus"], [1, 1], {}, {"value": 0.5},
    {"value": 0.5, "raw": 3, "scale_min": 1, "scale_max": 5},
    {"value": 0.5, "raw": 3, "scale_min": 1, "scale_max": 5, "x": 1},
]


def leaves(node: Any, path: tuple = ()) -> Iterator[tuple]:
    yield path
    if isinstance(node, dict):
        for key, value in node.items():
            yield from leaves(value, (*path, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from leaves(value, (*path, i))


def mutated(event: dict[str, Any], path: tuple, value: Any, delete: bool = False) -> Any:
    event = copy.deepcopy(event)
    if not path:
        return value
    target = event
    for key in path[:-1]:
        target = target[key]
    if delete:
        del target[path[-1]]
    else:
        target[path[-1]] = copy.deepcopy(value)
    return event


@pytest.mark.parametrize("event_type", EXPECTED_TYPES)
def test_the_fast_path_never_accepts_what_jsonschema_rejects(event_type):
    registry = schema_registry.get_registry()
    fast = registry._fast[event_type]
    full = registry.validator_for_type(event_type)
    original = schema_registry.get_registry().schema_for_type(event_type)
    raw = Draft202012Validator(original, registry=registry.registry, format_checker=schema_registry.format_checker())
    base = fixture(event_type.removeprefix("org.careloop."))
    checked = 0
    for path in leaves(base):
        candidates = [mutated(base, path, value) for value in MUTANTS]
        if path and isinstance(path[-1], str):
            candidates.append(mutated(base, path, None, delete=True))
        node = base
        for key in path:
            node = node[key]
        if isinstance(node, dict):
            candidates.append(mutated(base, (*path, "zz_extra"), 1))
        for candidate in candidates:
            if isinstance(candidate, dict) and path:
                expected = raw.is_valid(candidate)
                assert full.is_valid(candidate) == expected, (path, candidate)
                assert fast(candidate) == expected, (path, candidate)
                checked += 1
    assert checked > 100
