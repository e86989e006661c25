"""Subjects (harness.subjects) and operators (harness.checks) of declarative checks."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from harness.checks import compile_expectation, compile_schema, equal
from harness.result import ReceivedResponse
from harness.subjects import NoValue, SpecError, body_json, parse_subject

BATCH = {
    "id": "01H8ZX3K6N2QW",
    "status": "loading",
    "items": [1, 2, 3],
    "relatedObjects": [{"type": "dataSet", "id": "5f3c"}],
    "count": 7,
    "ratio": 0.5,
    "done": False,
    "nothing": None,
}


def response(
    body: Any = BATCH, status: int = 201, headers: list[tuple[str, str]] | None = None,
    elapsed_ms: float = 12.0,
) -> ReceivedResponse:
    raw = body if isinstance(body, bytes) else json.dumps(body).encode()
    hdrs = headers if headers is not None else [("Content-Type", "application/json")]
    return ReceivedResponse(status, "Created", hdrs, raw, elapsed_ms)


def outcomes(
    subject: str, spec: Any, resp: ReceivedResponse | None = None
) -> list[tuple[str, Any]]:
    checks = compile_expectation(parse_subject(subject), spec)
    resp = resp or response()
    return [(check.name, check.run(resp)) for check in checks]


def test_equality_names_and_passes() -> None:
    assert outcomes("$.status", "loading") == [('$.status == "loading"', None)]
    assert outcomes("status", 201) == [("status == 201", None)]


def test_equality_failure_message_shows_both_values() -> None:
    [(name, error)] = outcomes("$.status", "success")
    assert name == '$.status == "success"'
    assert error == 'expected "success", got "loading"'


def test_equality_is_strict_about_booleans_and_types() -> None:
    assert outcomes("$.done", 0)[0][1] == "expected 0, got false"
    assert outcomes("$.count", "7")[0][1] == 'expected "7", got 7'
    assert outcomes("$.count", 7.0)[0][1] is None
    assert equal([1, {"a": True}], [1.0, {"a": True}])
    assert not equal({"a": 1}, {"a": 1, "b": 2})
    assert not equal(True, 1)


def test_in_operator() -> None:
    assert outcomes("$.relatedObjects[0].type", {"in": ["dataSet"]}) == [
        ('$.relatedObjects[0].type in ["dataSet"]', None)
    ]
    assert outcomes("$.status", {"in": ["a", "b"]})[0][1] == (
        'expected one of ["a", "b"], got "loading"'
    )


def test_ne_operator() -> None:
    assert outcomes("$.status", {"ne": "failed"}) == [('$.status != "failed"', None)]
    assert outcomes("$.status", {"ne": "loading"})[0][1] == 'expected anything but "loading"'


def test_several_operators_give_one_check_each() -> None:
    spec = {"exists": True, "type": "string", "matches": "^[0-9A-Z]+$"}
    assert outcomes("$.id", spec) == [
        ("$.id exists", None),
        ("$.id is string", None),
        ("$.id matches /^[0-9A-Z]+$/", None),
    ]


def test_exists_false_passes_on_no_match_and_fails_on_a_value() -> None:
    assert outcomes("$.missing", {"exists": False}) == [("$.missing does not exist", None)]
    assert outcomes("$.id", {"exists": False})[0][1] == 'expected no value, got "01H8ZX3K6N2QW"'


def test_no_match_message_shows_path_and_body_excerpt() -> None:
    big = {"id": "x" * 500}
    [(name, error)] = outcomes("$.status", "loading", response(big))
    assert name == '$.status == "loading"'
    assert error.startswith('$.status matched nothing in the body: {"id": "xxx')
    assert len(error) < 260 and error.endswith("…")


@pytest.mark.parametrize(
    ("path", "kind", "ok"),
    [
        ("$.id", "string", True), ("$.count", "number", True), ("$.count", "integer", True),
        ("$.ratio", "integer", False), ("$.done", "boolean", True), ("$.items", "array", True),
        ("$.relatedObjects[0]", "object", True), ("$.nothing", "null", True),
        ("$.done", "number", False), ("$.id", "object", False),
    ],
)
def test_type_operator(path: str, kind: str, ok: bool) -> None:
    [(name, error)] = outcomes(path, {"type": kind})
    assert name == f"{path} is {kind}"
    assert (error is None) == ok


def test_matches_on_numbers_and_refuses_containers() -> None:
    assert outcomes("$.count", {"matches": "^7$"})[0][1] is None
    error = outcomes("$.items", {"matches": "1"})[0][1]
    assert error == "expected text matching /1/, got [1, 2, 3]"


def test_contains_on_text_list_and_object() -> None:
    assert outcomes("body", {"contains": "loading"}) == [('body contains "loading"', None)]
    assert outcomes("$.items", {"contains": 2})[0][1] is None
    assert outcomes("$.relatedObjects[0]", {"contains": "type"})[0][1] is None
    assert outcomes("$.items", {"contains": 9})[0][1] == "expected it to contain 9, got [1, 2, 3]"


def test_length_plain_and_with_operators() -> None:
    assert outcomes("$.items", {"length": 3}) == [("$.items length == 3", None)]
    assert outcomes("$.items", {"length": {"above": 5}}) == [
        ("$.items length > 5", "expected > 5, got 3")
    ]
    assert outcomes("$.count", {"length": 1})[0][1] == "$.count has no length: it is 7"


def test_below_above_and_response_time() -> None:
    fast = response(elapsed_ms=150.0)
    assert outcomes("response_time_ms", {"below": 2000}, fast) == [
        ("response time < 2000 ms", None)
    ]
    slow = response(elapsed_ms=2500.0)
    error = outcomes("response_time_ms", {"below": 2000}, slow)[0][1]
    assert error == "expected < 2000, got 2500.0"
    assert outcomes("$.count", {"above": 3})[0][1] is None
    assert outcomes("$.id", {"above": 3})[0][1] == 'expected a number > 3, got "01H8ZX3K6N2QW"'


def test_status_forms() -> None:
    assert outcomes("status", "2xx") == [("status is 2xx", None)]
    assert outcomes("status", "4xx")[0][1] == "expected 4xx, got 201"
    assert outcomes("status", [200, 201]) == [("status in [200, 201]", None)]
    assert outcomes("status", 200)[0][1] == "expected 200, got 201"


def test_header_subject_is_case_insensitive_and_reports_missing() -> None:
    resp = response(headers=[("Content-Type", "application/json"), ("Location", "/b/1")])
    assert outcomes("header:location", {"exists": True}, resp) == [
        ("header location exists", None)
    ]
    assert outcomes("header:Content-Type", {"matches": "json"}, resp)[0][1] is None
    assert outcomes("header:Content-Type", "text/plain", resp)[0][1] == (
        'expected "text/plain", got "application/json"'
    )
    missing = outcomes("header:ETag", {"exists": True}, resp)[0][1]
    assert missing == "no ETag header (headers: Content-Type, Location)"


def test_multiple_matches_give_a_list_and_filters_work() -> None:
    catalog = {
        "5f1": {"name": "Luma CRM Dataset", "status": "success"},
        "5f2": {"name": "Other", "status": "success"},
    }
    resp = response(catalog)
    assert parse_subject("$.*.status").get(resp) == ["success", "success"]
    assert parse_subject("$[?name = 'Luma CRM Dataset']", keys=True).get(resp) == "5f1"
    assert parse_subject("$[?name = 'Other'].status").get(resp) == "success"
    listing = response([{"name": "a", "id": 1}, {"name": "b", "id": 2}])
    assert parse_subject("$[?name = 'b']", keys=True).get(listing) == 1


def test_body_not_json() -> None:
    resp = response(b"<html>oops</html>")
    error = outcomes("$.id", {"exists": True}, resp)[0][1]
    assert error == "the body is not JSON: <html>oops</html>"
    with pytest.raises(NoValue, match="not JSON"):
        body_json(resp)  # the memo replays the failure


def test_body_json_is_parsed_once_per_response() -> None:
    resp = response()
    first = body_json(resp)
    assert body_json(resp) is first
    assert body_json(response()) is not first


@pytest.mark.parametrize(
    ("subject", "spec", "message"),
    [
        ("$.id", {"bogus": 1}, "unknown operator 'bogus'"),
        ("$.id", {"type": "str"}, "type is one of"),
        ("$.id", {"in": "a"}, "in takes an array"),
        ("$.id", {"matches": "("}, "bad regular expression"),
        ("$.id", {"below": "3"}, "below takes a number"),
        ("$.id", {"exists": "yes"}, "exists takes true or false"),
        ("$.id", {"length": "3"}, "length takes an integer"),
        ("$.id", {}, "empty table"),
    ],
)
def test_bad_expectations(subject: str, spec: Any, message: str) -> None:
    with pytest.raises(SpecError, match=message):
        compile_expectation(parse_subject(subject), spec)


@pytest.mark.parametrize("text", ["id", "headers:X", "header:", "$.[[", "$..["])
def test_bad_subjects(text: str) -> None:
    with pytest.raises(SpecError):
        parse_subject(text)


def test_schema_check(tmp_path: Path) -> None:
    schema = {
        "type": "object",
        "required": ["id", "status"],
        "properties": {"status": {"enum": ["loading", "success"]}},
    }
    (tmp_path / "batch.json").write_text(json.dumps(schema))
    check = compile_schema(tmp_path / "batch.json", "batch.json")
    assert check.name == "matches schema batch.json"
    assert check.run(response()) is None
    error = check.run(response({"id": "1", "status": "failed"}))
    assert error == "'failed' is not one of ['loading', 'success'] (at $.status)"


def test_bad_schema_files(tmp_path: Path) -> None:
    with pytest.raises(SpecError, match="cannot read schema nope.json"):
        compile_schema(tmp_path / "nope.json", "nope.json")
    (tmp_path / "bad.json").write_text("{")
    with pytest.raises(SpecError, match="is not JSON"):
        compile_schema(tmp_path / "bad.json", "bad.json")
    (tmp_path / "invalid.json").write_text('{"type": 5}')
    with pytest.raises(SpecError, match="not a valid JSON Schema"):
        compile_schema(tmp_path / "invalid.json", "invalid.json")


def test_keys_of_nested_filters_and_plain_paths() -> None:
    nested = response({"catalog": {"a": {"n": 1}, "b": {"n": 2}}, "same": {"x": 1, "y": 1}})
    assert parse_subject("$.catalog[?n = 2]", keys=True).get(nested) == "b"
    assert parse_subject("$.catalog.*", keys=True).get(nested) == ["a", "b"]
    assert parse_subject("$.same.y", keys=True).get(nested) == "y"  # equal scalars: by path
    with pytest.raises(SpecError, match="key = true needs a JSONPath"):
        parse_subject("status", keys=True)


def test_filters_leave_the_parsed_body_intact() -> None:
    resp = response({"catalog": {"a": {"n": 1}, "b": {"n": 2}}})
    assert parse_subject("$.catalog[?n = 1]").get(resp) == {"n": 1}
    try:  # jsonpath-ng 1.7 finds nothing here, 1.8 something: either way, no damage
        parse_subject("$.catalog.*[?n = 1]").get(resp)
    except NoValue:
        pass
    assert parse_subject("$.catalog").get(resp) == {"a": {"n": 1}, "b": {"n": 2}}
