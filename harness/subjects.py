"""What a declarative check or extraction looks at in a response: its *subject*.

A subject is written as a string: ``status``, ``body``, ``response_time_ms``,
``header:Name`` or a JSONPath (``$.id``, ``$[?name = 'Luma CRM Dataset']``; jsonpath-ng's
extended syntax, compiled once). JSONPaths may hold ``{{variables}}``, resolved when read.
The JSON body is parsed once per response. Operators are in :mod:`harness.checks`.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from jsonpath_ng.ext.parser import parse as _jsonpath_parse

from harness.result import ReceivedResponse
from harness.variables import TOKEN

Resolve = Callable[[str], str]
EXCERPT = 200


class SpecError(ValueError):
    """A subject or expectation that cannot be compiled; ``key`` is where (pointer step)."""

    def __init__(self, message: str, key: str = "") -> None:
        self.key = key
        super().__init__(message)


class NoValue(Exception):
    """The subject has no value in this response (no match, no header, body not JSON)."""


def excerpt(text: str, limit: int = EXCERPT) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def show(value: Any) -> str:
    """A value as it appears in check names and messages (JSON, compact)."""
    try:
        return json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        return str(value)


_memo: list[Any] = [None, None]  # [response, parsed body]: one slot, by identity


def body_json(response: ReceivedResponse) -> Any:
    """The response body parsed as JSON, parsed once per response."""
    if _memo[0] is response:
        if isinstance(_memo[1], NoValue):
            raise _memo[1]
        return _memo[1]
    try:
        parsed: Any = json.loads(response.body) if response.body else _no_json(response)
    except (ValueError, UnicodeDecodeError):
        parsed = _no_json(response)
    _memo[0], _memo[1] = response, parsed
    if isinstance(parsed, NoValue):
        raise parsed
    return parsed


def _no_json(response: ReceivedResponse) -> NoValue:
    return NoValue(f"the body is not JSON: {excerpt(response.text()) or '(empty)'}")


@lru_cache(maxsize=1024)
def compile_jsonpath(text: str) -> Any:
    try:
        return _jsonpath_parse(text)
    except Exception as exc:  # JSONPathError, and ply raises bare Exceptions on some inputs
        raise SpecError(f"bad JSONPath {text!r}: {exc}") from None


@dataclass(frozen=True)
class Subject:
    """What a check or an extraction looks at; ``get`` raises :class:`NoValue`."""

    label: str
    kind: str  # status | body | response_time | header | jsonpath | length
    arg: str = ""
    keys: bool = False  # jsonpath: the keys (or indices) of the matches instead of values
    inner: Subject | None = None  # length: the subject measured
    compiled: Any = field(default=None, compare=False, repr=False)

    def get(self, response: ReceivedResponse, resolve: Resolve | None = None) -> Any:
        if self.kind == "status":
            return response.status
        if self.kind == "body":
            return response.text()
        if self.kind == "response_time":
            return response.elapsed_ms
        if self.kind == "header":
            return header_value(response, self.arg)
        if self.kind == "jsonbody":
            return body_json(response)
        if self.kind == "length":
            assert self.inner is not None
            return _length(self.inner, self.inner.get(response, resolve))
        return self._jsonpath(response, resolve)

    def _jsonpath(self, response: ReceivedResponse, resolve: Resolve | None) -> Any:
        compiled, path = self.compiled, self.arg
        if compiled is None:  # the path holds {{variables}}: compiled per resolved text
            path = resolve(path) if resolve is not None else path
            try:
                compiled = compile_jsonpath(path)
            except SpecError as exc:
                raise NoValue(str(exc)) from None
        data = body_json(response)
        # jsonpath-ng 1.8 filters rewrite the objects they filter: give them a fresh copy
        matches = compiled.find(json.loads(response.body) if "[?" in path else data)
        if not matches:
            raise NoValue(f"{path} matched nothing in the body: {excerpt(response.text())}")
        values = [_key(m, data) if self.keys else m.value for m in matches]
        return values[0] if len(values) == 1 else values


def _key(match: Any, data: Any) -> Any:
    """The key (or index) of a match in its (unfiltered) parent, whatever jsonpath-ng does."""
    path = match.path
    if getattr(path, "fields", None):
        return path.fields[0]
    index = (getattr(path, "indices", None) or (getattr(path, "index", None),))[0]
    parents = match.context.full_path.find(data) if match.context is not None else []
    parent = parents[0].value if parents else None
    if isinstance(parent, dict) and isinstance(index, int) and index < len(parent):
        return list(parent)[index]  # jsonpath-ng 1.8 numbers the values of a filtered object
    return index


def _length(inner: Subject, value: Any) -> int:
    if isinstance(value, (str, list, dict)):
        return len(value)
    raise NoValue(f"{inner.label} has no length: it is {show(value)}")


def header_value(response: ReceivedResponse, name: str) -> str:
    wanted = name.lower()
    for key, value in response.headers:
        if key.lower() == wanted:
            return value
    present = ", ".join(dict.fromkeys(k for k, _ in response.headers)) or "none"
    raise NoValue(f"no {name} header (headers: {present})")


def parse_subject(text: str, keys: bool = False) -> Subject:
    """``status``, ``body``, ``response_time_ms``, ``header:Name`` or a JSONPath."""
    if keys and not text.startswith("$"):
        raise SpecError(f"key = true needs a JSONPath, not {text!r}")
    if text == "status":
        return Subject("status", "status")
    if text == "body":
        return Subject("body", "body")
    if text == "response_time_ms":
        return Subject("response time", "response_time")
    if text.startswith("header:") and text[7:].strip():
        name = text[7:].strip()
        return Subject(f"header {name}", "header", name)
    if text.startswith("$"):
        label = f"key of {text}" if keys else text
        if "{{" in text:
            compile_jsonpath(TOKEN.sub("x", text))  # the syntax, checked once
            return Subject(label, "jsonpath", text, keys)
        return Subject(label, "jsonpath", text, keys, compiled=compile_jsonpath(text))
    raise SpecError(
        f"unknown subject {text!r}: use status, body, response_time_ms, header:NAME "
        "or a JSONPath starting with $"
    )
