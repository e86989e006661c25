"""Declarative checks on a response: operators (what to expect) applied to subjects.

Subjects (what to look at) are in :mod:`harness.subjects`. An *expectation* is a plain
value (equality) or a table of
operators: ``eq ne in exists type matches contains length below above``. JSONPaths and
expected strings may hold ``{{variables}}``, resolved when checked (such checks compare as
text). Used by the sidecar files of :mod:`harness.chain`; nothing here knows TOML or scopes.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from harness.result import ReceivedResponse
from harness.subjects import NoValue, Resolve, SpecError, Subject, excerpt, show
from harness.variables import to_text

STATUS_CLASS = re.compile(r"^[1-5]xx$")
TYPES: dict[str, Callable[[Any], bool]] = {
    "string": lambda v: isinstance(v, str),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool)
    or isinstance(v, float) and v.is_integer(),
    "boolean": lambda v: isinstance(v, bool),
    "array": lambda v: isinstance(v, list),
    "object": lambda v: isinstance(v, dict),
    "null": lambda v: v is None,
}
OPERATORS = ("eq", "ne", "in", "exists", "type", "matches", "contains", "length", "below", "above")


@dataclass(frozen=True)
class Check:
    """One operator applied to one subject; ``run`` gives None (passed) or the failure."""

    name: str
    subject: Subject
    op: str
    expected: Any
    test: Callable[[Any, Any], str | None] = field(compare=False, repr=False)
    templated: bool = False  # expected holds {{variables}}: resolved, compared as text

    def run(self, response: ReceivedResponse, resolve: Resolve | None = None) -> str | None:
        try:
            actual = self.subject.get(response, resolve)
        except NoValue as missing:
            if self.op == "exists" and self.expected is False:
                return None
            return str(missing)
        expected = self.expected
        if self.templated and resolve is not None:
            expected = _resolved(expected, resolve)
            actual = actual if isinstance(actual, (dict, list)) else to_text(actual)
        return self.test(actual, expected)


def _resolved(value: Any, resolve: Resolve) -> Any:
    if isinstance(value, str):
        return resolve(value)
    if isinstance(value, list):
        return [_resolved(v, resolve) for v in value]
    return value


def _templated(value: Any) -> bool:
    if isinstance(value, str):
        return "{{" in value
    return isinstance(value, list) and any(_templated(v) for v in value)


def equal(a: Any, b: Any) -> bool:
    """Equality without Python's ``True == 1``; ints and floats compare by value."""
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(equal(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(equal(a[k], b[k]) for k in a)
    return bool(type(a) is type(b) or _numbers(a, b)) and bool(a == b)


def _numbers(a: Any, b: Any) -> bool:
    return isinstance(a, (int, float)) and isinstance(b, (int, float))


def _got(actual: Any) -> str:
    return f"got {show(actual)}"


def _eq(actual: Any, expected: Any) -> str | None:
    return None if equal(actual, expected) else f"expected {show(expected)}, {_got(actual)}"


def _ne(actual: Any, expected: Any) -> str | None:
    return None if not equal(actual, expected) else f"expected anything but {show(expected)}"


def _in(actual: Any, expected: Any) -> str | None:
    if any(equal(actual, option) for option in expected):
        return None
    return f"expected one of {show(expected)}, {_got(actual)}"


def _exists(actual: Any, expected: Any) -> str | None:
    return None if expected else f"expected no value, {_got(actual)}"


def _type(actual: Any, expected: Any) -> str | None:
    return None if TYPES[expected](actual) else f"expected a {expected}, {_got(actual)}"


def _matches(actual: Any, expected: Any) -> str | None:
    try:
        pattern = expected if isinstance(expected, re.Pattern) else re.compile(expected)
    except re.error as exc:
        return f"bad regular expression {expected!r}: {exc}"
    if not isinstance(actual, (dict, list)) and pattern.search(to_text(actual)):
        return None
    return f"expected text matching /{pattern.pattern}/, {_got(actual)}"


def _contains(actual: Any, expected: Any) -> str | None:
    if isinstance(actual, str) and isinstance(expected, str):
        found = expected in actual
        actual = excerpt(actual)
    elif isinstance(actual, list):
        found = any(equal(item, expected) for item in actual)
    elif isinstance(actual, dict):
        found = expected in actual
    else:
        found = False
    return None if found else f"expected it to contain {show(expected)}, {_got(actual)}"


def _compare(sign: str) -> Callable[[Any, Any], str | None]:
    def test(actual: Any, expected: Any) -> str | None:
        if not _numbers(actual, expected) or isinstance(actual, bool):
            return f"expected a number {sign} {show(expected)}, {_got(actual)}"
        ok = actual < expected if sign == "<" else actual > expected
        return None if ok else f"expected {sign} {show(expected)}, {_got(actual)}"

    return test


def _status_class(actual: Any, expected: Any) -> str | None:
    return None if str(actual)[0] == expected[0] else f"expected {expected}, {_got(actual)}"


TESTS: dict[str, tuple[str, Callable[[Any, Any], str | None]]] = {
    "eq": ("==", _eq),
    "ne": ("!=", _ne),
    "in": ("in", _in),
    "type": ("is", _type),
    "matches": ("matches", _matches),
    "contains": ("contains", _contains),
    "below": ("<", _compare("<")),
    "above": (">", _compare(">")),
}


def compile_expectation(subject: Subject, spec: Any) -> list[Check]:
    """Checks for ``subject`` from a plain value (equality) or a table of operators."""
    if subject.kind == "status" and isinstance(spec, str) and STATUS_CLASS.match(spec):
        return [Check(f"status is {spec}", subject, "class", spec, _status_class)]
    if isinstance(spec, list) and subject.kind == "status":
        spec = {"in": spec}
    if not isinstance(spec, dict):
        spec = {"eq": spec}
    if not spec:
        raise SpecError("empty table: give at least one of " + ", ".join(OPERATORS))
    checks: list[Check] = []
    for op, expected in spec.items():
        checks.extend(_compile_op(subject, op, expected))
    return checks


def _compile_op(subject: Subject, op: str, expected: Any) -> list[Check]:
    label, unit = subject.label, " ms" if subject.kind == "response_time" else ""
    if op == "exists":
        if not isinstance(expected, bool):
            raise SpecError("exists takes true or false", op)
        name = f"{label} exists" if expected else f"{label} does not exist"
        return [Check(name, subject, op, expected, _exists)]
    if op == "length":
        if isinstance(expected, bool) or not isinstance(expected, (int, dict)):
            raise SpecError("length takes an integer or a table of operators", op)
        return compile_expectation(Subject(f"{label} length", "length", inner=subject), expected)
    if op not in TESTS:
        raise SpecError(f"unknown operator {op!r}: use one of {', '.join(OPERATORS)}", op)
    sign, test = TESTS[op]
    _validate(op, expected)
    shown = f"/{expected}/" if op == "matches" else expected if op == "type" else show(expected)
    templated = _templated(expected)
    value = re.compile(expected) if op == "matches" and not templated else expected
    return [Check(f"{label} {sign} {shown}{unit}", subject, op, value, test, templated)]


def _validate(op: str, expected: Any) -> None:
    if op == "in" and not isinstance(expected, list):
        raise SpecError("in takes an array of values", op)
    if op == "type" and expected not in TYPES:
        raise SpecError(f"type is one of {', '.join(TYPES)}", op)
    if op == "matches":
        if not isinstance(expected, str):
            raise SpecError("matches takes a regular expression string", op)
        try:
            re.compile(expected)
        except re.error as exc:
            raise SpecError(f"bad regular expression {expected!r}: {exc}", op) from None
    if op in ("below", "above") and (isinstance(expected, bool) or not _numbers(expected, 0)):
        raise SpecError(f"{op} takes a number", op)


def compile_schema(path: Path, written: str) -> Check:
    """A check that the JSON body validates against the JSON Schema in ``path``."""
    import jsonschema  # only sidecars with schema checks pay for its import

    try:
        schema = json.loads(path.read_text(encoding="utf-8"))
        cls = jsonschema.validators.validator_for(schema)
        cls.check_schema(schema)
    except OSError as exc:
        raise SpecError(f"cannot read schema {written}: {exc.strerror}") from None
    except ValueError as exc:
        raise SpecError(f"schema {written} is not JSON: {exc}") from None
    except jsonschema.SchemaError as exc:
        raise SpecError(f"schema {written} is not a valid JSON Schema: {exc.message}") from None
    validator = cls(schema)
    body = Subject("body", "jsonbody")
    return Check(f"matches schema {written}", body, "schema", validator, _schema)


def _schema(actual: Any, validator: Any) -> str | None:
    import jsonschema

    error = jsonschema.exceptions.best_match(validator.iter_errors(actual))
    if error is None:
        return None
    return f"{error.message} (at {error.json_path})"
