"""The event schemas in `schemas/`, loaded once, and fast validation of whole CloudEvents.

`schemas/` is the single source of truth for events (docs/contracts.md). Every file there
is a draft 2020-12 JSON Schema with an `$id` under `https://careloop.dev/schemas/`; event
schemas validate the whole structured-mode CloudEvent (envelope and `data`) and are named
after the CloudEvents `type` without its `org.careloop.` prefix
(`org.careloop.ticket.opened.v1` -> `schemas/ticket.opened.v1.json`). `$ref`s between files
are by `$id` URL and are resolved offline from a `referencing.Registry`.

Public API::

    validate_event(event)        # None, or raises SchemaValidationError(message, path)
    schema_for_type(event_type)  # the schema dict of an event type
    known_event_types()          # sorted list of CloudEvents types with a schema

Error messages never echo string values from the event (they may be patient text), so
`str(error)` is safe to log and to put into a dead-letter `reason`.
"""
from __future__ import annotations

import json
import os
import re
import threading
import uuid as _uuid
from collections.abc import Iterable, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import ValidationError, best_match
from referencing import Registry, Resource
from referencing.exceptions import Unresolvable
from referencing.jsonschema import DRAFT202012

from careloop.core.errors import BadEvent

__all__ = [
    "SCHEMAS_DIR_ENV",
    "TYPE_PREFIX",
    "SCHEMA_ID_BASE",
    "SchemaValidationError",
    "UnknownEventTypeError",
    "SchemaRegistry",
    "schemas_dir",
    "get_registry",
    "reset_registry",
    "validate_event",
    "schema_for_type",
    "known_event_types",
    "schema_id_for_type",
    "format_checker",
]

SCHEMAS_DIR_ENV = "CARELOOP_SCHEMAS_DIR"
TYPE_PREFIX = "org.careloop."
SCHEMA_ID_BASE = "https://careloop.dev/schemas/"

_MAX_SHOWN = 80  # longest non-patient value (event type, property name) quoted in a message


class SchemaValidationError(BadEvent):
    """An event does not match its schema.

    `message` says what is wrong, `path` where (JSONPath into the event, e.g.
    `$.data.rating.value`). Being a `BadEvent`, it carries `reason_code` (`schema_invalid`
    here, `unknown_event_type` for `UnknownEventTypeError`) and `reason` for the
    dead-letter record. Neither contains string values from the event.
    """

    reason_code_default = "schema_invalid"

    def __init__(
        self,
        message: str,
        path: str = "$",
        *,
        event_type: str | None = None,
        keyword: str | None = None,
        schema_path: str | None = None,
        error_count: int = 1,
    ) -> None:
        super().__init__(self.reason_code_default, f"{path}: {message}")
        self.message = message
        self.path = path
        self.event_type = event_type
        self.keyword = keyword
        self.schema_path = schema_path
        self.error_count = error_count


class UnknownEventTypeError(SchemaValidationError):
    """The event's `type` is missing, not a string, or has no schema in `schemas/`."""

    reason_code_default = "unknown_event_type"


# --------------------------------------------------------------------------- formats

_DATE_TIME_RE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$")


def _is_date_time(instance: object) -> bool:
    """RFC 3339 date-time in careloop's profile: UTC, upper-case `T`, trailing `Z`.

    Also rejects impossible dates/times (2026-02-30, 25:00) that the pattern lets through.
    Leap seconds (`:60`) are rejected: Python cannot represent them.
    """
    if not isinstance(instance, str):
        return True  # formats only constrain strings
    if _DATE_TIME_RE.match(instance) is None:
        return False
    try:  # (faster than strptime)
        datetime(int(instance[0:4]), int(instance[5:7]), int(instance[8:10]),
                 int(instance[11:13]), int(instance[14:16]), int(instance[17:19]))
    except ValueError:
        return False
    return True


def _is_uuid(instance: object) -> bool:
    if not isinstance(instance, str):
        return True
    try:
        _uuid.UUID(instance)
    except ValueError:
        return False
    return "-" in instance  # require the hyphenated form, like jsonschema's own check


def format_checker() -> FormatChecker:
    """The format checker careloop validates with (no optional dependencies needed)."""
    checker = FormatChecker(formats=())
    checker.checks("date-time")(_is_date_time)
    checker.checks("uuid")(_is_uuid)
    return checker


# --------------------------------------------------------------------------- location

def schemas_dir() -> Path:
    """`$CARELOOP_SCHEMAS_DIR`, else the repository's `schemas/` next to `services/`."""
    env = os.environ.get(SCHEMAS_DIR_ENV)
    if env:
        return Path(env).expanduser().resolve()
    return Path(__file__).resolve().parents[2] / "schemas"


def schema_id_for_type(event_type: str) -> str:
    """`org.careloop.ticket.opened.v1` -> `https://careloop.dev/schemas/ticket.opened.v1.json`."""
    return f"{SCHEMA_ID_BASE}{event_type.removeprefix(TYPE_PREFIX)}.json"


# --------------------------------------------------------------------------- registry

def _type_const(schema: Mapping[str, Any]) -> str | None:
    props = schema.get("properties")
    if not isinstance(props, Mapping):
        return None
    type_prop = props.get("type")
    if isinstance(type_prop, Mapping) and isinstance(type_prop.get("const"), str):
        return type_prop["const"]
    return None


class SchemaRegistry:
    """All schemas of one directory, their `referencing.Registry` and one cached validator
    per event type. Build once and share: it is read-only after construction."""

    def __init__(self, directory: Path | str) -> None:
        self.directory = Path(directory)
        if not self.directory.is_dir():
            raise FileNotFoundError(f"schemas directory not found: {self.directory}")
        self.schemas_by_id: dict[str, dict[str, Any]] = {}
        self.files_by_id: dict[str, Path] = {}
        self.schemas_by_type: dict[str, dict[str, Any]] = {}
        for path in sorted(self.directory.glob("*.json")):
            with path.open(encoding="utf-8") as fh:
                schema = json.load(fh)
            schema_id = schema.get("$id")
            if not isinstance(schema_id, str):
                raise ValueError(f"{path.name}: schema has no $id")
            if schema_id in self.schemas_by_id:
                raise ValueError(f"{path.name}: duplicate $id {schema_id} (also in {self.files_by_id[schema_id].name})")
            self.schemas_by_id[schema_id] = schema
            self.files_by_id[schema_id] = path
            event_type = _type_const(schema)
            if event_type is not None:
                expected = f"{event_type.removeprefix(TYPE_PREFIX)}.json"
                if path.name != expected:
                    raise ValueError(f"{path.name}: schema for {event_type} must be named {expected}")
                self.schemas_by_type[event_type] = schema
        self.registry: Registry = Registry().with_resources(
            (schema_id, Resource.from_contents(schema, default_specification=DRAFT202012))
            for schema_id, schema in self.schemas_by_id.items()
        ).crawl()
        self._format_checker = format_checker()
        self._validators: dict[str, Draft202012Validator] = {
            event_type: self._build_validator(schema) for event_type, schema in self.schemas_by_type.items()
        }
        # A compiled fast check per type (about 10x faster than jsonschema) for the keyword
        # subset the schemas use. It may only say "valid" when jsonschema would; whenever
        # it says "invalid" (or cannot compile a schema) jsonschema decides and explains.
        self._fast: dict[str, Any] = {}
        for event_type, validator in self._validators.items():
            check = _compile(validator.schema, self._format_checker)
            if check is not None:
                self._fast[event_type] = check

    def _build_validator(self, schema: dict[str, Any]) -> Draft202012Validator:
        """A validator over the schema with every `$ref` inlined and annotations dropped.

        Resolving `$ref`s through the registry on every event costs more than half of the
        validation time, so refs are resolved once here. Cyclic refs (none today) fall back
        to validating the schema as written, through the registry.
        """
        try:
            flat = _inline_refs(schema, self.registry.resolver(base_uri=schema["$id"]), ())
        except _CyclicRef:
            return Draft202012Validator(schema, registry=self.registry, format_checker=self._format_checker)
        except Unresolvable as exc:
            name = self.files_by_id[schema["$id"]].name
            raise ValueError(f"{name}: cannot resolve $ref {exc.ref!r} from the schemas in {self.directory}") from None
        return Draft202012Validator(flat, format_checker=self._format_checker)

    # -- queries
    def known_event_types(self) -> list[str]:
        return sorted(self.schemas_by_type)

    def schema_for_type(self, event_type: str) -> dict[str, Any]:
        try:
            return self.schemas_by_type[event_type]
        except KeyError:
            raise UnknownEventTypeError(
                f"no schema for event type {_show(event_type)}", "$.type", event_type=None, keyword="type"
            ) from None

    def validator_for_type(self, event_type: str) -> Draft202012Validator:
        try:
            return self._validators[event_type]
        except KeyError:
            raise UnknownEventTypeError(
                f"no schema for event type {_show(event_type)}", "$.type", event_type=None, keyword="type"
            ) from None

    # -- validation
    def validate_event(self, event: object) -> None:
        if not isinstance(event, Mapping):
            raise SchemaValidationError(f"event must be a JSON object, got {_json_type(event)}", "$", keyword="type")
        event_type = event.get("type")
        if not isinstance(event_type, str):
            if "type" not in event:
                raise UnknownEventTypeError("missing required property 'type'", "$.type", keyword="required")
            raise UnknownEventTypeError(f"'type' must be a string, got {_json_type(event_type)}", "$.type", keyword="type")
        validator = self._validators.get(event_type)
        if validator is None:
            raise UnknownEventTypeError(
                f"unknown event type {_show(event_type)}; known: {', '.join(self.known_event_types())}",
                "$.type",
                keyword="type",
            )
        fast = self._fast.get(event_type)
        if fast is not None and fast(event):
            return
        errors = validator.iter_errors(event)
        first = next(errors, None)
        if first is None:  # fast path: valid
            return
        rest = list(errors)
        error = best_match([first, *rest]) if rest else first
        raise _to_schema_error(error, event_type, 1 + len(rest))

    def iter_problems(self, event: Mapping[str, Any]) -> list[SchemaValidationError]:
        """Every schema problem of an event of a known type (tooling; `validate_event` raises the best one)."""
        event_type = event.get("type")
        validator = self.validator_for_type(event_type)  # type: ignore[arg-type]
        return [_to_schema_error(error, event_type, 1) for error in validator.iter_errors(event)]  # type: ignore[arg-type]


# --------------------------------------------------------------------------- ref inlining

_ANNOTATIONS = frozenset({"title", "description", "examples", "default", "$comment", "x-careloop"})
_LITERAL_KEYWORDS = frozenset({"const", "enum"})


class _CyclicRef(Exception):
    pass


def _inline_refs(node: Any, resolver: Any, stack: tuple[int, ...]) -> Any:
    if isinstance(node, list):
        return [_inline_refs(item, resolver, stack) for item in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        ref = node["$ref"]
        resolved = resolver.lookup(ref)
        key = id(resolved.contents)  # the same target object again = a cycle
        if key in stack:
            raise _CyclicRef(ref)
        target = _inline_refs(resolved.contents, resolved.resolver, (*stack, key))
        siblings = {
            k: _inline_refs(v, resolver, stack) for k, v in node.items() if k != "$ref" and k not in _ANNOTATIONS
        }
        return {**siblings, "allOf": [target]} if siblings else target
    return {
        k: (v if k in _LITERAL_KEYWORDS else _inline_refs(v, resolver, stack))
        for k, v in node.items()
        if k not in _ANNOTATIONS and k != "$defs"
    }


# --------------------------------------------------------------------------- fast path

class _Unsupported(Exception):
    pass


_COMPILE_IGNORED = _ANNOTATIONS | {"$schema", "$id"}
_Check = Any  # Callable[[object], bool]


def _compile(schema: Any, checker: FormatChecker) -> _Check | None:
    """A predicate equivalent to (or stricter than) jsonschema for a ref-free schema, or
    None when the schema uses a keyword outside the supported subset."""
    try:
        return _compile_node(schema, checker)
    except _Unsupported:
        return None


def _is_number(x: object) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool)


_TYPE_TESTS: dict[str, Any] = {
    "object": lambda x: isinstance(x, dict),
    "array": lambda x: isinstance(x, list),
    "string": lambda x: isinstance(x, str),
    "boolean": lambda x: isinstance(x, bool),
    "null": lambda x: x is None,
    "number": _is_number,
    "integer": lambda x: (isinstance(x, int) and not isinstance(x, bool)) or (isinstance(x, float) and x.is_integer()),
}


def _compile_node(schema: Any, checker: FormatChecker) -> _Check:
    if schema is True or schema == {}:
        return lambda x: True
    if schema is False:
        return lambda x: False
    if not isinstance(schema, dict):
        raise _Unsupported(schema)
    checks: list[_Check] = []
    for kw, value in schema.items():
        if kw in _COMPILE_IGNORED or kw in ("properties", "required", "additionalProperties"):
            continue
        if kw == "type":
            names = [value] if isinstance(value, str) else list(value)
            tests = [_TYPE_TESTS[n] for n in names]
            checks.append(lambda x, tests=tests: any(t(x) for t in tests))
        elif kw == "const":
            if not isinstance(value, str):
                raise _Unsupported(kw)
            checks.append(lambda x, v=value: isinstance(x, str) and x == v)
        elif kw == "enum":
            if not all(isinstance(v, str) for v in value):
                raise _Unsupported(kw)
            allowed = frozenset(value)
            checks.append(lambda x, a=allowed: isinstance(x, str) and x in a)
        elif kw in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
            if not _is_number(value):
                raise _Unsupported(kw)
            cmp = {
                "minimum": lambda x, v: x >= v, "maximum": lambda x, v: x <= v,
                "exclusiveMinimum": lambda x, v: x > v, "exclusiveMaximum": lambda x, v: x < v,
            }[kw]
            checks.append(lambda x, v=value, cmp=cmp: not _is_number(x) or cmp(x, v))
        elif kw == "minLength":
            checks.append(lambda x, v=value: not isinstance(x, str) or len(x) >= v)
        elif kw == "maxLength":
            checks.append(lambda x, v=value: not isinstance(x, str) or len(x) <= v)
        elif kw == "pattern":
            rx = re.compile(value)
            checks.append(lambda x, rx=rx: not isinstance(x, str) or rx.search(x) is not None)
        elif kw == "format":
            if value not in checker.checkers:
                continue  # unknown formats are annotations for jsonschema too
            func = checker.checkers[value][0]

            def check_format(x: Any, func=func) -> bool:
                try:
                    return bool(func(x))
                except Exception:  # a raising format function means "does not conform"
                    return False

            checks.append(check_format)
        elif kw == "items":
            item = _compile_node(value, checker)
            checks.append(lambda x, item=item: not isinstance(x, list) or all(item(i) for i in x))
        elif kw == "uniqueItems":
            if value:  # strings only; anything else goes to jsonschema
                checks.append(lambda x: not isinstance(x, list) or (
                    all(isinstance(i, str) for i in x) and len(set(x)) == len(x)))
        elif kw == "allOf":
            subs = [_compile_node(sub, checker) for sub in value]
            checks.append(lambda x, subs=subs: all(sub(x) for sub in subs))
        else:
            raise _Unsupported(kw)
    if "properties" in schema or "required" in schema or "additionalProperties" in schema:
        props = {name: _compile_node(sub, checker) for name, sub in schema.get("properties", {}).items()}
        required = tuple(schema.get("required", ()))
        extra = schema.get("additionalProperties", True)
        if extra not in (True, False):
            raise _Unsupported("additionalProperties schema")
        closed = extra is False
        allowed = frozenset(props)

        def check_object(x: Any, props=props, required=required, closed=closed, allowed=allowed) -> bool:
            if not isinstance(x, dict):
                return True
            for name in required:
                if name not in x:
                    return False
            if closed and not allowed.issuperset(x):
                return False
            for name, value in x.items():
                sub = props.get(name)
                if sub is not None and not sub(value):
                    return False
            return True

        checks.append(check_object)
    if len(checks) == 1:
        return checks[0]
    return lambda x, checks=tuple(checks): all(c(x) for c in checks)


# --------------------------------------------------------------------------- messages

def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, Mapping):
        return "object"
    if isinstance(value, (list, tuple)):
        return "array"
    return type(value).__name__


def _show(value: object) -> str:
    """A value safe to quote: strings only when short (event types, property names)."""
    if isinstance(value, str):
        shown = value if len(value) <= _MAX_SHOWN else value[:_MAX_SHOWN] + "…"
        return repr(shown)
    if value is None or isinstance(value, (bool, int, float)):
        return json.dumps(value)
    return _json_type(value)


def _show_instance(value: object) -> str:
    """A value from the event, never a string's content (it might be patient text)."""
    if isinstance(value, str):
        return f"a string of length {len(value)}"
    if value is None or isinstance(value, (bool, int, float)):
        return json.dumps(value)
    return f"({_json_type(value)})"


def _json_path(parts: Iterable[object]) -> str:
    out = "$"
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        elif isinstance(part, str) and re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", part):
            out += f".{part}"
        else:
            out += f"[{json.dumps(str(part)[:_MAX_SHOWN])}]"
    return out


def _to_schema_error(error: ValidationError, event_type: str, count: int) -> SchemaValidationError:
    keyword = str(error.validator)
    value = error.validator_value
    instance = error.instance
    parts: list[object] = list(error.absolute_path)

    if keyword == "required" and isinstance(instance, Mapping):
        missing = [name for name in value if name not in instance]
        name = missing[0] if missing else "?"
        parts.append(name)
        message = f"missing required property {_show(name)}"
    elif keyword == "additionalProperties" and isinstance(instance, Mapping):
        allowed = set(error.schema.get("properties", {}))
        extras = sorted(str(k) for k in instance if k not in allowed)
        name = extras[0] if extras else "?"
        parts.append(name)
        message = f"unexpected property {_show(name)} (the schema is closed)"
        if len(extras) > 1:
            message += f"; {len(extras) - 1} more unexpected"
    elif keyword == "type":
        message = f"expected {' or '.join(value) if isinstance(value, list) else value}, got {_json_type(instance)}"
    elif keyword == "const":
        message = f"must be {_show(value)}" + (
            f", got {_show(instance)}" if parts in (["type"], ["specversion"], ["datacontenttype"], ["dataschema"]) else ""
        )
    elif keyword == "enum":
        message = f"must be one of {', '.join(_show(v) for v in value)}"
        if not isinstance(instance, str):
            message += f", got {_show_instance(instance)}"
    elif keyword in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        rel = {"minimum": ">=", "maximum": "<=", "exclusiveMinimum": ">", "exclusiveMaximum": "<"}[keyword]
        message = f"must be {rel} {value}, got {_show_instance(instance)}"
    elif keyword == "minLength":
        message = f"must be at least {value} characters long" + (
            f", got {len(instance)}" if isinstance(instance, str) else ""
        )
    elif keyword == "maxLength":
        message = f"must be at most {value} characters long" + (
            f", got {len(instance)}" if isinstance(instance, str) else ""
        )
    elif keyword == "pattern":
        message = f"does not match the pattern {value}"
    elif keyword == "format":
        hint = " (RFC 3339 UTC with a trailing Z, e.g. 2026-11-26T10:00:00.000000Z)" if value == "date-time" else ""
        message = f"is not a valid {value}{hint}"
    elif keyword == "uniqueItems":
        message = "items must be unique"
    elif keyword in ("minItems", "maxItems"):
        message = f"{keyword} is {value}, got {len(instance) if isinstance(instance, list) else '?'} items"
    else:
        message = f"fails the {keyword!r} constraint"
    return SchemaValidationError(
        message,
        _json_path(parts),
        event_type=event_type,
        keyword=keyword,
        schema_path="/" + "/".join(str(p) for p in error.absolute_schema_path),
        error_count=count,
    )


# --------------------------------------------------------------------------- module API

_lock = threading.Lock()
_default: SchemaRegistry | None = None


def get_registry() -> SchemaRegistry:
    """The process-wide registry, loaded on first use from `schemas_dir()`."""
    global _default
    registry = _default
    if registry is None:
        with _lock:
            if _default is None:
                _default = SchemaRegistry(schemas_dir())
            registry = _default
    return registry


def reset_registry() -> None:
    """Forget the loaded schemas (tests, or after changing `CARELOOP_SCHEMAS_DIR`)."""
    global _default
    with _lock:
        _default = None


def validate_event(event: dict) -> None:
    """Validate a whole CloudEvent (envelope + data) against the schema of its `type`.

    Raises `UnknownEventTypeError` when the type has no schema and `SchemaValidationError`
    (message, path) when the event does not match it.
    """
    get_registry().validate_event(event)


def schema_for_type(event_type: str) -> dict:
    """The JSON Schema (as loaded, do not mutate) for a CloudEvents type."""
    return get_registry().schema_for_type(event_type)


def known_event_types() -> list[str]:
    """Every CloudEvents type that has a schema, sorted."""
    return get_registry().known_event_types()
