"""Backward-compatibility check for the event schemas in `schemas/`.

Rule: an existing schema file may only change in ways that keep v1 consumers (and the
events already on the topics) working. Anything else needs a new version file
(`ticket.opened.v2.json` next to `ticket.opened.v1.json`).

Breaking (fails the check):

- `property_removed`            a property disappears (consumers read it; old events carry it)
- `property_newly_required`     a new required property, or an optional one made required
- `property_no_longer_required` a required property made optional (consumers rely on it)
- `type_narrowed` / `type_widened`  a JSON type removed from / added to a property
- `enum_value_removed`, `enum_added`   an allowed value removed / an enum imposed
- `const_changed`, `const_added`, `const_removed`
- `additional_properties_tightened`   e.g. `true`/schema -> `false`
- `bound_tightened`             minimum/maximum/minLength/maxLength/minItems/... narrowed
- `pattern_added`, `pattern_changed`, `format_added`, `format_changed`, `unique_items_added`
- `branch_removed`, `constraint_added` (anyOf/oneOf branch removed, allOf member added)
- `ref_changed`                 a `$ref` now points elsewhere and the targets differ
- `definition_removed`          a `$defs` entry other files may reference is gone
- `schema_removed`, `schema_id_changed`, `unsupported_change` (a keyword this checker
  cannot reason about changed: assumed breaking)

Not breaking (reported as notes; `--strict` fails on them too): `property_added`
(optional), `enum_value_added` (code lists grow: consumers must tolerate unknown codes),
`bound_loosened`, `pattern_removed`, `format_removed`, `additional_properties_loosened`,
`branch_added`, `constraint_removed`, `definition_added`, `schema_added`.

CLI::

    python -m careloop.core.schema_compat                      # working tree vs git HEAD
    python -m careloop.core.schema_compat --against-ref origin/main
    python -m careloop.core.schema_compat --against-dir /path/to/old/schemas [--schemas DIR]

Exit status: 0 compatible, 1 breaking change found, 2 usage or environment error.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urldefrag, urljoin

__all__ = [
    "Change",
    "BREAKING_KINDS",
    "compare_schemas",
    "compare_schema_sets",
    "breaking_changes",
    "load_schema_dir",
    "load_schemas_at_ref",
    "main",
]

BREAKING_KINDS = frozenset({
    "property_removed", "property_newly_required", "property_no_longer_required",
    "type_narrowed", "type_widened", "enum_value_removed", "enum_added",
    "const_changed", "const_added", "const_removed", "additional_properties_tightened",
    "bound_tightened", "pattern_added", "pattern_changed", "format_added", "format_changed",
    "unique_items_added", "branch_removed", "constraint_added", "ref_changed",
    "definition_removed", "schema_removed", "schema_id_changed", "unsupported_change",
})

# keywords with no effect on which instances are valid
_ANNOTATIONS = frozenset({
    "title", "description", "examples", "default", "$comment", "deprecated", "readOnly",
    "writeOnly", "x-careloop", "$schema", "$id",
})
_HANDLED = frozenset({
    "$ref", "type", "enum", "const", "properties", "required", "additionalProperties",
    "items", "prefixItems", "anyOf", "oneOf", "allOf", "$defs", "pattern", "format", "uniqueItems",
    "minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum", "minLength", "maxLength",
    "minItems", "maxItems", "minProperties", "maxProperties",
})
_LOWER_BOUNDS = ("minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties")
_UPPER_BOUNDS = ("maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties")


@dataclass(frozen=True)
class Change:
    """One difference between an old and a new schema."""

    kind: str
    path: str  # JSON Pointer into the schema, e.g. /properties/data/properties/rating
    message: str
    file: str = ""

    @property
    def breaking(self) -> bool:
        return self.kind in BREAKING_KINDS

    def __str__(self) -> str:
        where = f"{self.file}#{self.path}" if self.file else (self.path or "/")
        return f"{'BREAKING' if self.breaking else 'note'} {self.kind} at {where}: {self.message}"


Lookup = Callable[[str, str], "tuple[Any, str] | None"]  # (base uri, $ref) -> (target, its base uri)


def _make_lookup(schemas_by_id: Mapping[str, Any]) -> Lookup:
    def lookup(base: str, ref: str) -> tuple[Any, str] | None:
        uri, fragment = urldefrag(urljoin(base, ref))
        doc = schemas_by_id.get(uri)
        if doc is None:
            return None
        node = doc
        for token in [t for t in fragment.split("/") if t] if fragment else []:
            token = token.replace("~1", "/").replace("~0", "~")
            if isinstance(node, Mapping) and token in node:
                node = node[token]
            elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
                node = node[int(token)]
            else:
                return None
        return node, uri

    return lookup


def _esc(token: str) -> str:
    return str(token).replace("~", "~0").replace("/", "~1")


def _types(schema: Mapping[str, Any]) -> set[str] | None:
    t = schema.get("type")
    if t is None:
        return None
    return {t} if isinstance(t, str) else set(t)


def _accepts(types: set[str] | None, t: str) -> bool:
    return types is None or t in types or (t == "integer" and "number" in types)


def _key(value: Any) -> str:
    return json.dumps(value, sort_keys=True)


class _Comparer:
    def __init__(self, old_lookup: Lookup | None, new_lookup: Lookup | None) -> None:
        self.old_lookup = old_lookup
        self.new_lookup = new_lookup
        self.changes: list[Change] = []
        self._depth = 0

    def add(self, kind: str, path: str, message: str) -> None:
        self.changes.append(Change(kind, path, message))

    def compare(self, old: Any, new: Any, path: str, old_base: str, new_base: str) -> None:
        if not isinstance(old, Mapping) or not isinstance(new, Mapping):
            if old != new:
                widened = new is True or (isinstance(new, Mapping) and not new)
                self.add("constraint_removed" if widened else "unsupported_change", path,
                         f"schema changed from {_key(old)[:60]} to {_key(new)[:60]}")
            return
        if self._depth > 64:  # cyclic refs that changed shape: give up on this branch
            self.add("unsupported_change", path, "schema nesting too deep to compare (cyclic $ref?)")
            return
        self._depth += 1
        try:
            self._compare_objects(old, new, path, old_base, new_base)
        finally:
            self._depth -= 1

    def _compare_objects(self, old: Mapping[str, Any], new: Mapping[str, Any], path: str, ob: str, nb: str) -> None:
        old_ref, new_ref = old.get("$ref"), new.get("$ref")
        same_ref = old_ref == new_ref and (old_ref is None or urljoin(ob, old_ref) == urljoin(nb, new_ref))
        if not same_ref:
            # follow the side(s) whose $ref differs and compare what the refs mean; the ref's
            # target is merged with its siblings (annotations, mostly)
            side, schema, base, lookup = (
                ("old", old, ob, self.old_lookup) if old_ref is not None else ("new", new, nb, self.new_lookup)
            )
            resolved = lookup(base, schema["$ref"]) if lookup is not None else None
            if resolved is None or not isinstance(resolved[0], Mapping):
                self.add("ref_changed", path, f"$ref {old_ref!r} -> {new_ref!r} and the {side} target cannot be resolved")
                return
            target, target_base = resolved
            merged = {**target, **{k: v for k, v in schema.items() if k != "$ref"}}
            if side == "old":
                self.compare(merged, new, path, target_base, nb)
            else:
                self.compare(old, merged, path, ob, target_base)
            return
        self._compare_keywords(old, new, path, ob, nb)

    def _compare_keywords(self, old: Mapping[str, Any], new: Mapping[str, Any], path: str, ob: str, nb: str) -> None:
        self._compare_type(old, new, path)
        self._compare_enum_const(old, new, path)
        self._compare_object(old, new, path, ob, nb)
        self._compare_bounds(old, new, path)
        self._compare_strings(old, new, path)
        self._compare_arrays(old, new, path, ob, nb)
        self._compare_combinators(old, new, path, ob, nb)
        self._compare_defs(old, new, path, ob, nb)
        for kw in sorted((set(old) | set(new)) - _ANNOTATIONS - _HANDLED):
            if _key(old.get(kw)) != _key(new.get(kw)):
                self.add("unsupported_change", f"{path}/{_esc(kw)}", f"keyword {kw!r} changed; cannot verify compatibility")

    def _compare_type(self, old, new, path) -> None:
        ot, nt = _types(old), _types(new)
        if ot == nt:
            return
        if nt is not None:
            lost = sorted(t for t in (ot or {"any type"}) if t == "any type" or not _accepts(nt, t))
            if lost:
                self.add("type_narrowed", path, f"type {sorted(ot) if ot else 'any'} -> {sorted(nt)}: no longer accepts {', '.join(lost)}")
        if ot is not None:
            gained = sorted(t for t in (nt or {"any type"}) if t == "any type" or not _accepts(ot, t))
            if gained:
                self.add("type_widened", path, f"type {sorted(ot)} -> {sorted(nt) if nt else 'any'}: now also {', '.join(gained)} (consumers do not expect it)")

    def _compare_enum_const(self, old, new, path) -> None:
        if "enum" in old or "enum" in new:
            if "enum" not in old:
                self.add("enum_added", path, f"values restricted to {new['enum']}")
            elif "enum" not in new:
                self.add("enum_value_added", path, "enum removed: any value now allowed")
            else:
                old_vals = {_key(v): v for v in old["enum"]}
                new_vals = {_key(v): v for v in new["enum"]}
                for k in old_vals.keys() - new_vals.keys():
                    self.add("enum_value_removed", path, f"enum value {k} removed")
                for k in sorted(new_vals.keys() - old_vals.keys()):
                    self.add("enum_value_added", path, f"enum value {k} added (consumers must tolerate unknown values)")
        if "const" in old or "const" in new:
            if "const" not in old:
                self.add("const_added", path, f"now const {_key(new['const'])}")
            elif "const" not in new:
                self.add("const_removed", path, f"const {_key(old['const'])} removed")
            elif _key(old["const"]) != _key(new["const"]):
                self.add("const_changed", path, f"const {_key(old['const'])} -> {_key(new['const'])}")

    def _compare_object(self, old, new, path, ob, nb) -> None:
        old_props: Mapping[str, Any] = old.get("properties", {})
        new_props: Mapping[str, Any] = new.get("properties", {})
        old_req, new_req = set(old.get("required", [])), set(new.get("required", []))
        for name, old_sub in old_props.items():
            sub_path = f"{path}/properties/{_esc(name)}"
            if name not in new_props:
                self.add("property_removed", sub_path, f"property {name!r} removed")
                continue
            self.compare(old_sub, new_props[name], sub_path, ob, nb)
        for name in new_props.keys() - old_props.keys():
            sub_path = f"{path}/properties/{_esc(name)}"
            if name in new_req:
                self.add("property_newly_required", sub_path, f"new required property {name!r} (old events lack it)")
            else:
                self.add("property_added", sub_path, f"new optional property {name!r}")
        for name in sorted(new_req - old_req):
            if name in old_props or name not in new_props:
                self.add("property_newly_required", f"{path}/properties/{_esc(name)}", f"property {name!r} is now required")
        for name in sorted(old_req - new_req):
            if name in new_props:
                self.add("property_no_longer_required", f"{path}/properties/{_esc(name)}",
                         f"property {name!r} is no longer required (consumers rely on it)")
        if "additionalProperties" in old or "additionalProperties" in new:
            oa, na = old.get("additionalProperties", True), new.get("additionalProperties", True)
            ap_path = f"{path}/additionalProperties"
            if oa is False and na is not False:
                self.add("additional_properties_loosened", ap_path, "unknown properties are now allowed")
            elif na is False and oa is not False:
                self.add("additional_properties_tightened", ap_path, "unknown properties are no longer allowed")
            elif isinstance(oa, Mapping) and isinstance(na, Mapping):
                self.compare(oa, na, ap_path, ob, nb)
            elif oa is True and isinstance(na, Mapping) and na:
                self.add("additional_properties_tightened", ap_path, "additional properties are now constrained")
            elif na is True and isinstance(oa, Mapping) and oa:
                self.add("additional_properties_loosened", ap_path, "additional properties are no longer constrained")

    def _compare_bounds(self, old, new, path) -> None:
        for kw in _LOWER_BOUNDS + _UPPER_BOUNDS:
            if kw not in old and kw not in new:
                continue
            ov, nv = old.get(kw), new.get(kw)
            if ov == nv:
                continue
            lower = kw in _LOWER_BOUNDS
            if ov is None:
                tightened = True
            elif nv is None:
                tightened = False
            else:
                tightened = nv > ov if lower else nv < ov
            self.add("bound_tightened" if tightened else "bound_loosened", f"{path}/{kw}", f"{kw} {ov} -> {nv}")

    def _compare_strings(self, old, new, path) -> None:
        for kw, added, changed, removed in (("pattern", "pattern_added", "pattern_changed", "pattern_removed"),
                                            ("format", "format_added", "format_changed", "format_removed")):
            ov, nv = old.get(kw), new.get(kw)
            if ov == nv:
                continue
            kind = added if ov is None else removed if nv is None else changed
            self.add(kind, f"{path}/{kw}", f"{kw} {ov!r} -> {nv!r}")
        if bool(old.get("uniqueItems")) != bool(new.get("uniqueItems")):
            if new.get("uniqueItems"):
                self.add("unique_items_added", f"{path}/uniqueItems", "items must now be unique")
            else:
                self.add("bound_loosened", f"{path}/uniqueItems", "items no longer need to be unique")

    def _compare_arrays(self, old, new, path, ob, nb) -> None:
        if "items" in old or "items" in new:
            oi, ni = old.get("items", True), new.get("items", True)
            if isinstance(oi, Mapping) and isinstance(ni, Mapping):
                self.compare(oi, ni, f"{path}/items", ob, nb)
            elif oi != ni:
                self.compare(oi if oi is not True else {}, ni if ni is not True else {}, f"{path}/items", ob, nb)
        self._compare_list(old, new, "prefixItems", path, ob, nb, removed="constraint_removed", added="constraint_added")

    def _compare_combinators(self, old, new, path, ob, nb) -> None:
        self._compare_list(old, new, "anyOf", path, ob, nb, removed="branch_removed", added="branch_added")
        self._compare_list(old, new, "oneOf", path, ob, nb, removed="branch_removed", added="branch_added")
        self._compare_list(old, new, "allOf", path, ob, nb, removed="constraint_removed", added="constraint_added")

    def _compare_list(self, old, new, kw, path, ob, nb, *, removed: str, added: str) -> None:
        ol, nl = old.get(kw), new.get(kw)
        if ol is None and nl is None:
            return
        ol, nl = ol or [], nl or []
        if kw in ("anyOf", "oneOf") and (not ol or not nl):
            # imposing a union where there was none narrows; dropping one widens
            self.add("constraint_added" if not ol else "constraint_removed", f"{path}/{kw}", f"{kw} {'added' if not ol else 'removed'}")
            return
        for i, (o, n) in enumerate(zip(ol, nl)):
            self.compare(o, n, f"{path}/{kw}/{i}", ob, nb)
        if len(ol) > len(nl):
            self.add(removed, f"{path}/{kw}", f"{kw} has {len(ol) - len(nl)} fewer member(s)")
        elif len(nl) > len(ol):
            self.add(added, f"{path}/{kw}", f"{kw} has {len(nl) - len(ol)} more member(s)")

    def _compare_defs(self, old, new, path, ob, nb) -> None:
        od, nd = old.get("$defs", {}), new.get("$defs", {})
        for name, sub in od.items():
            sub_path = f"{path}/$defs/{_esc(name)}"
            if name not in nd:
                self.add("definition_removed", sub_path, f"definition {name!r} removed (other schemas may reference it)")
            else:
                self.compare(sub, nd[name], sub_path, ob, nb)
        for name in sorted(nd.keys() - od.keys()):
            self.add("definition_added", f"{path}/$defs/{_esc(name)}", f"definition {name!r} added")


def compare_schemas(
    old: Mapping[str, Any],
    new: Mapping[str, Any],
    *,
    old_schemas: Mapping[str, Any] | None = None,
    new_schemas: Mapping[str, Any] | None = None,
) -> list[Change]:
    """Every difference between two versions of one schema that matters to consumers.

    `old_schemas` / `new_schemas` (`$id` -> schema) let `$ref`s that changed target be
    followed; without them a changed `$ref` is reported as breaking. Unchanged `$ref`s are
    not followed: their target file is compared on its own.
    """
    comparer = _Comparer(
        _make_lookup(old_schemas) if old_schemas is not None else _make_lookup({old.get("$id", ""): old}),
        _make_lookup(new_schemas) if new_schemas is not None else _make_lookup({new.get("$id", ""): new}),
    )
    old_id, new_id = old.get("$id", ""), new.get("$id", "")
    if old_id != new_id:
        comparer.add("schema_id_changed", "/$id", f"$id {old_id!r} -> {new_id!r}")
    comparer.compare(old, new, "", old_id, new_id)
    # a property that moved from optional to required is reported once
    seen: set[tuple[str, str]] = set()
    unique = []
    for change in comparer.changes:
        if (change.kind, change.path) not in seen:
            seen.add((change.kind, change.path))
            unique.append(change)
    return unique


def breaking_changes(old: Mapping[str, Any], new: Mapping[str, Any], **kwargs: Any) -> list[Change]:
    """Only the breaking ones of `compare_schemas`."""
    return [c for c in compare_schemas(old, new, **kwargs) if c.breaking]


def compare_schema_sets(old: Mapping[str, Mapping[str, Any]], new: Mapping[str, Mapping[str, Any]]) -> list[Change]:
    """Compare two sets of schema files (file name -> schema)."""
    old_by_id = {s.get("$id"): s for s in old.values() if isinstance(s, Mapping)}
    new_by_id = {s.get("$id"): s for s in new.values() if isinstance(s, Mapping)}
    changes: list[Change] = []
    for name in sorted(old.keys() | new.keys()):
        if name not in new:
            changes.append(Change("schema_removed", "", "schema file removed (v1 consumers still need it)", name))
        elif name not in old:
            changes.append(Change("schema_added", "", "new schema file", name))
        else:
            for c in compare_schemas(old[name], new[name], old_schemas=old_by_id, new_schemas=new_by_id):
                changes.append(Change(c.kind, c.path, c.message, name))
    return changes


# --------------------------------------------------------------------------- loading

def load_schema_dir(directory: Path | str) -> dict[str, dict[str, Any]]:
    """`*.json` files of a directory, file name -> parsed schema."""
    directory = Path(directory)
    if not directory.is_dir():
        raise FileNotFoundError(f"not a directory: {directory}")
    return {p.name: json.loads(p.read_text(encoding="utf-8")) for p in sorted(directory.glob("*.json"))}


def _git(args: Sequence[str], cwd: Path) -> str:
    proc = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"git {' '.join(args)} failed: {proc.stderr.strip()}")
    return proc.stdout


def load_schemas_at_ref(ref: str, schemas_dir: Path | str) -> dict[str, dict[str, Any]]:
    """The schema files as committed at a git ref (read-only: `git ls-tree` / `git show`).

    Returns {} when the directory does not exist at that ref (nothing to be compatible with).
    """
    schemas_dir = Path(schemas_dir).resolve()
    top = Path(_git(["rev-parse", "--show-toplevel"], schemas_dir).strip())
    rel = PurePosixPath(schemas_dir.relative_to(top).as_posix())
    try:
        _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], top)
    except RuntimeError:
        raise RuntimeError(f"unknown git ref {ref!r} (no commits yet? use --against-dir)") from None
    listing = _git(["ls-tree", "--name-only", f"{ref}:{rel}"], top) if _exists_at(ref, rel, top) else ""
    out: dict[str, dict[str, Any]] = {}
    for name in listing.split():
        if name.endswith(".json"):
            out[name] = json.loads(_git(["show", f"{ref}:{rel / name}"], top))
    return out


def _exists_at(ref: str, rel: PurePosixPath, top: Path) -> bool:
    proc = subprocess.run(["git", "cat-file", "-e", f"{ref}:{rel}"], cwd=top, capture_output=True, check=False)
    return proc.returncode == 0


# --------------------------------------------------------------------------- CLI

def _default_schemas_dir() -> Path:
    from careloop.core.schema_registry import schemas_dir

    return schemas_dir()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m careloop.core.schema_compat",
        description="Fail when a schema change would break v1 consumers (a breaking change needs a new version file).",
    )
    against = parser.add_mutually_exclusive_group()
    against.add_argument("--against-ref", metavar="REF", help="git ref holding the baseline schemas (default HEAD)")
    against.add_argument("--against-dir", metavar="DIR", help="directory holding the baseline schemas")
    parser.add_argument("--schemas", metavar="DIR", help="the new schemas (default: the repository's schemas/)")
    parser.add_argument("--strict", action="store_true", help="fail on non-breaking notes (e.g. enum values added) too")
    parser.add_argument("--json", action="store_true", help="print the changes as JSON lines")
    parser.add_argument("--quiet", action="store_true", help="print breaking changes only")
    args = parser.parse_args(list(argv) if argv is not None else None)

    new_dir = Path(args.schemas) if args.schemas else _default_schemas_dir()
    try:
        new = load_schema_dir(new_dir)
        if args.against_dir:
            old = load_schema_dir(args.against_dir)
            baseline = args.against_dir
        else:
            ref = args.against_ref or "HEAD"
            old = load_schemas_at_ref(ref, new_dir)
            baseline = f"git {ref}"
    except (OSError, RuntimeError, ValueError) as exc:
        print(f"schema_compat: {exc}", file=sys.stderr)
        return 2

    changes = compare_schema_sets(old, new)
    failing = [c for c in changes if c.breaking or args.strict]
    for change in changes:
        if args.quiet and not change.breaking:
            continue
        if args.json:
            print(json.dumps({**asdict(change), "breaking": change.breaking}))
        else:
            print(change)
    if not args.json:
        verdict = "FAIL" if failing else "ok"
        print(f"schema_compat: {verdict}: {len(new)} schema file(s) vs {baseline}: "
              f"{sum(c.breaking for c in changes)} breaking, {sum(not c.breaking for c in changes)} note(s)"
              + ("; add a new version file (e.g. *.v2.json) instead of changing a published one" if failing else ""))
    return 1 if failing else 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
