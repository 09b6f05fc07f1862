"""The schema compatibility checker: published schemas may only change compatibly."""
from __future__ import annotations

import copy
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from careloop.core.schema_compat import (
    BREAKING_KINDS,
    breaking_changes,
    compare_schema_sets,
    compare_schemas,
    load_schema_dir,
    main,
)

ROOT = Path(__file__).resolve().parents[2]
SCHEMAS = ROOT / "schemas"


def schema(name: str = "ticket.acknowledged.v1.json") -> dict[str, Any]:
    return json.loads((SCHEMAS / name).read_text(encoding="utf-8"))


def data_of(s: dict[str, Any]) -> dict[str, Any]:
    return s["$defs"]["data"]


def kinds(old: dict[str, Any], new: dict[str, Any], **kwargs: Any) -> set[str]:
    return {c.kind for c in breaking_changes(old, new, **kwargs)}


# --------------------------------------------------------------------------- compatible

def test_an_unchanged_schema_has_no_changes():
    for path in SCHEMAS.glob("*.json"):
        assert compare_schemas(schema(path.name), schema(path.name)) == []


def test_adding_an_optional_property_is_accepted_as_a_note():
    old = schema()
    new = copy.deepcopy(old)
    data_of(new)["properties"]["channel"] = {"title": "Channel", "description": "How.", "type": "string"}
    changes = compare_schemas(old, new)
    assert [c.kind for c in changes] == ["property_added"]
    assert not changes[0].breaking
    assert changes[0].path == "/$defs/data/properties/channel"


def test_editing_titles_descriptions_and_examples_is_not_a_change():
    old = schema()
    new = copy.deepcopy(old)
    new["description"] = "Reworded."
    data_of(new)["properties"]["note"]["title"] = "Staff note"
    new["examples"] = []
    assert compare_schemas(old, new) == []


def test_adding_an_enum_value_is_a_note_not_a_break():
    old = schema("defs.v1.json")
    new = copy.deepcopy(old)
    new["$defs"]["topicCode"]["enum"].append("accessibility")
    changes = compare_schemas(old, new)
    assert [c.kind for c in changes] == ["enum_value_added"]
    assert not changes[0].breaking


def test_loosening_a_bound_is_a_note():
    old = schema("feedback.received.v1.json")
    new = copy.deepcopy(old)
    new["$defs"]["FeedbackReceivedData"]["properties"]["text"]["maxLength"] = 50000
    assert [(c.kind, c.breaking) for c in compare_schemas(old, new)] == [("bound_loosened", False)]


def test_inlining_a_ref_with_the_same_meaning_is_compatible():
    old = schema()
    new = copy.deepcopy(old)
    defs = schema("defs.v1.json")
    inlined = {k: v for k, v in defs["$defs"]["timestamp"].items()}
    inlined.update(title="At", description="When.")
    data_of(new)["properties"]["at"] = inlined
    everything = {s["$id"]: s for s in (defs, old)}
    assert breaking_changes(old, new, old_schemas=everything, new_schemas={**everything, new["$id"]: new}) == []


# --------------------------------------------------------------------------- breaking

def test_removing_a_property_is_breaking():
    old = schema()
    new = copy.deepcopy(old)
    del data_of(new)["properties"]["note"]
    data_of(new)["required"].remove("note")
    assert "property_removed" in kinds(old, new)


def test_adding_a_required_property_is_breaking():
    old = schema()
    new = copy.deepcopy(old)
    data_of(new)["properties"]["channel"] = {"title": "Channel", "description": "How.", "type": "string"}
    data_of(new)["required"].append("channel")
    assert kinds(old, new) == {"property_newly_required"}


def test_making_an_optional_property_required_is_breaking():
    old = schema("deadletter.v1.json")
    new = copy.deepcopy(old)
    new["required"].append("subject")
    changes = breaking_changes(old, new)
    assert [(c.kind, c.path) for c in changes] == [("property_newly_required", "/properties/subject")]


def test_making_a_required_property_optional_is_breaking():
    old = schema()
    new = copy.deepcopy(old)
    data_of(new)["required"].remove("actor")
    assert kinds(old, new) == {"property_no_longer_required"}


def test_narrowing_a_type_is_breaking():
    old = schema()
    new = copy.deepcopy(old)
    data_of(new)["properties"]["note"]["type"] = "string"  # was ["string", "null"]
    changes = breaking_changes(old, new)
    assert [c.kind for c in changes] == ["type_narrowed"]
    assert "null" in changes[0].message


def test_widening_a_type_is_breaking_for_consumers():
    old = schema("escalation.raised.v1.json")
    new = copy.deepcopy(old)
    data_of(new)["properties"]["level"]["type"] = ["integer", "null"]
    assert kinds(old, new) == {"type_widened"}


def test_integer_to_number_is_a_widening_and_number_to_integer_a_narrowing():
    old = schema("escalation.raised.v1.json")
    new = copy.deepcopy(old)
    data_of(new)["properties"]["level"]["type"] = "number"
    assert kinds(old, new) == {"type_widened"}
    assert kinds(new, old) == {"type_narrowed"}


def test_removing_an_enum_value_is_breaking():
    old = schema("defs.v1.json")
    new = copy.deepcopy(old)
    new["$defs"]["severity"]["enum"].remove("critical")
    changes = breaking_changes(old, new)
    assert [(c.kind, c.path) for c in changes] == [("enum_value_removed", "/$defs/severity")]


def test_changing_a_const_is_breaking():
    old = schema()
    new = copy.deepcopy(old)
    new["properties"]["type"]["const"] = "org.careloop.ticket.acknowledged.v2"
    assert kinds(old, new) == {"const_changed"}


def test_tightening_additional_properties_is_breaking():
    old = schema()
    old_open = copy.deepcopy(old)
    del data_of(old_open)["additionalProperties"]
    assert kinds(old_open, old) == {"additional_properties_tightened"}
    changes = compare_schemas(old, old_open)
    assert [(c.kind, c.breaking) for c in changes] == [("additional_properties_loosened", False)]


def test_tightening_a_numeric_bound_is_breaking():
    old = schema("feedback.classified.v1.json")
    new = copy.deepcopy(old)
    new["$defs"]["data"]["properties"]["classification"]["properties"]["confidence"]["maximum"] = 0.99
    assert kinds(old, new) == {"bound_tightened"}


def test_adding_or_changing_a_pattern_or_format_is_breaking():
    old = schema("defs.v1.json")
    new = copy.deepcopy(old)
    new["$defs"]["languageCode"]["pattern"] = "^[a-z]{2,3}$"
    new["$defs"]["actor"]["pattern"] = "^[a-z]+$"
    new["$defs"]["eventSource"]["format"] = "uri-reference"
    assert kinds(old, new) == {"pattern_changed", "pattern_added", "format_added"}


def test_removing_a_shared_definition_is_breaking():
    old = schema("defs.v1.json")
    new = copy.deepcopy(old)
    del new["$defs"]["clock"]
    assert kinds(old, new) == {"definition_removed"}


def test_pointing_a_ref_at_a_narrower_definition_is_breaking():
    old = schema()
    new = copy.deepcopy(old)
    data_of(new)["properties"]["actor"]["$ref"] = "https://careloop.dev/schemas/defs.v1.json#/$defs/uuid"
    defs = schema("defs.v1.json")
    everything = {s["$id"]: s for s in (defs, old)}
    found = kinds(old, new, old_schemas=everything, new_schemas=everything)
    assert {"pattern_added", "format_added"} <= found


def test_a_changed_ref_that_cannot_be_resolved_is_breaking():
    old = schema()
    new = copy.deepcopy(old)
    data_of(new)["properties"]["actor"]["$ref"] = "https://careloop.dev/schemas/defs.v2.json#/$defs/actor"
    assert "ref_changed" in kinds(old, new)


def test_a_changed_keyword_the_checker_does_not_understand_is_assumed_breaking():
    old = schema()
    new = copy.deepcopy(old)
    data_of(new)["properties"]["note"]["not"] = {"const": ""}
    assert kinds(old, new) == {"unsupported_change"}


def test_every_breaking_kind_is_documented_as_breaking():
    assert {"property_removed", "property_newly_required", "type_narrowed", "enum_value_removed",
            "const_changed", "additional_properties_tightened"} <= BREAKING_KINDS


# --------------------------------------------------------------------------- sets and CLI

def test_removing_a_schema_file_is_breaking_and_adding_a_version_file_is_not():
    old = load_schema_dir(SCHEMAS)
    new = dict(old)
    del new["ticket.resolved.v1.json"]
    v2 = copy.deepcopy(old["ticket.opened.v1.json"])
    v2["$id"] = v2["properties"]["dataschema"]["const"] = "https://careloop.dev/schemas/ticket.opened.v2.json"
    v2["properties"]["type"]["const"] = "org.careloop.ticket.opened.v2"
    new["ticket.opened.v2.json"] = v2
    changes = {(c.file, c.kind, c.breaking) for c in compare_schema_sets(old, new)}
    assert changes == {("ticket.resolved.v1.json", "schema_removed", True), ("ticket.opened.v2.json", "schema_added", False)}


def copy_schemas(dest: Path) -> Path:
    shutil.copytree(SCHEMAS, dest)
    return dest


def edit(path: Path, change) -> None:
    s = json.loads(path.read_text(encoding="utf-8"))
    change(s)
    path.write_text(json.dumps(s, indent=2), encoding="utf-8")


def test_the_cli_passes_when_the_working_schemas_equal_the_baseline_directory(tmp_path, capsys):
    assert main(["--against-dir", str(SCHEMAS), "--schemas", str(SCHEMAS)]) == 0
    assert "ok" in capsys.readouterr().out


def test_the_cli_fails_on_a_breaking_change_against_a_baseline_directory(tmp_path, capsys):
    new = copy_schemas(tmp_path / "schemas")
    edit(new / "defs.v1.json", lambda s: s["$defs"]["clock"]["enum"].remove("resolve"))
    assert main(["--against-dir", str(SCHEMAS), "--schemas", str(new)]) == 1
    out = capsys.readouterr().out
    assert "BREAKING enum_value_removed at defs.v1.json#/$defs/clock" in out


def test_the_cli_passes_an_additive_change_unless_strict(tmp_path, capsys):
    new = copy_schemas(tmp_path / "schemas")
    edit(new / "defs.v1.json", lambda s: s["$defs"]["topicCode"]["enum"].append("accessibility"))
    assert main(["--against-dir", str(SCHEMAS), "--schemas", str(new)]) == 0
    assert main(["--against-dir", str(SCHEMAS), "--schemas", str(new), "--strict"]) == 1


def test_the_cli_reports_a_missing_baseline_as_a_usage_error(tmp_path, capsys):
    assert main(["--against-dir", str(tmp_path / "nope"), "--schemas", str(SCHEMAS)]) == 2


def git(cwd: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid", "-c", "commit.gpgsign=false", *args],
        cwd=cwd, check=True, capture_output=True,
    )


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_the_cli_compares_the_working_tree_against_a_git_ref(tmp_path, capsys):
    repo = tmp_path / "repo"
    repo.mkdir()
    schemas = copy_schemas(repo / "schemas")
    git(repo, "init", "-q")
    git(repo, "add", "schemas")
    git(repo, "commit", "-q", "-m", "v1")
    assert main(["--against-ref", "HEAD", "--schemas", str(schemas)]) == 0
    edit(schemas / "ticket.assigned.v1.json", lambda s: s["$defs"]["data"]["required"].remove("reason"))
    assert main(["--against-ref", "HEAD", "--schemas", str(schemas)]) == 1
    assert "property_no_longer_required" in capsys.readouterr().out
    assert main(["--against-ref", "no-such-ref", "--schemas", str(schemas)]) == 2


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_a_ref_without_a_schemas_directory_has_nothing_to_break(tmp_path):
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "README.md").write_text("x")
    git(repo, "init", "-q")
    git(repo, "add", "README.md")
    git(repo, "commit", "-q", "-m", "first")
    schemas = copy_schemas(repo / "schemas")
    assert main(["--against-ref", "HEAD", "--schemas", str(schemas)]) == 0
