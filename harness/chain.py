"""Declarative chaining and checks: a ``NAME.harness.toml`` sidecar beside a collection.

Tables are keyed by request address (``folder/sub/Request name``)::

    ["4-Dataset/Batch Ingestion - Create Batch".extract]
    BATCH_ID = "$.id"                                   # into the environment
    RUN_ID = { path = "$.id", scope = "collection" }
    ["4-Dataset/Batch Ingestion - Create Batch".expect]
    status = 201
    "$.id" = { exists = true, type = "string" }
    ["4-Dataset/Batch Ingestion - Poll Batch".retry]
    until = { "$.*.status" = "success" }
    interval_ms = 200
    max = 50

Rules run after the request's own test script. Subjects and operators are in
:mod:`harness.checks`; checks registered from Python are in :mod:`harness.pychecks`.
"""

from __future__ import annotations

import difflib
import json
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from harness.checks import Check, compile_expectation, compile_schema
from harness.errors import SidecarError
from harness.model import Collection, RequestItem
from harness.result import AssertionResult, Execution, ReceivedResponse
from harness.subjects import NoValue, Resolve, SpecError, Subject, excerpt, parse_subject
from harness.variables import Resolver, Scopes, to_text

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

ITEM_KEYS = ("extract", "expect", "retry")
EXTRACT_KEYS = ("path", "header", "source", "regex", "group", "key", "scope")
RETRY_KEYS = ("until", "interval_ms", "max")
SCOPES = ("environment", "globals", "collection", "local")


def _escape(step: str) -> str:
    return step.replace("~", "~0").replace("/", "~1")


def closest(address: str, collection: Collection) -> str:
    """``closest: "a", "b"`` for an unknown request address (difflib, then same name)."""
    known = list(dict.fromkeys(item.address for item in collection.requests()))
    name = address.rsplit("/", 1)[-1]
    near = difflib.get_close_matches(address, known, n=3, cutoff=0.5)
    near += [a for a in known if a.rsplit("/", 1)[-1] == name and a not in near]
    if not near:
        return "no similar address (requests are named FOLDER/.../REQUEST)"
    return "closest: " + ", ".join(json.dumps(a, ensure_ascii=False) for a in near[:3])


def unknown_address(address: str, collection: Collection) -> str:
    near = closest(address, collection)
    return f"no request {address!r} in collection {collection.name!r}; {near}"


def _failed(name: str, message: str) -> AssertionResult:
    return AssertionResult(name, False, message, "AssertionError", source="sidecar")


@dataclass(frozen=True)
class Extraction:
    """``VARIABLE = source``: a value taken from the response into a scope."""

    variable: str
    name: str  # extract BATCH_ID = $.id
    subject: Subject
    scope: str = "environment"
    regex: re.Pattern[str] | None = None
    group: int | str = 0

    def value(self, response: ReceivedResponse, resolve: Resolve | None = None) -> Any:
        value = self.subject.get(response, resolve)
        if self.regex is None:
            return value
        text = value if isinstance(value, str) else to_text(value)
        match = self.regex.search(text)
        if match is None:
            where = self.subject.label
            raise NoValue(f"/{self.regex.pattern}/ matched nothing in {where}: {excerpt(text)}")
        return match.group(self.group)


@dataclass(frozen=True)
class Retry:
    until: tuple[Check, ...]
    interval_ms: int = 500
    max_attempts: int = 10


class ItemRules:
    """The sidecar rules of one request: extractions, checks, an optional retry."""

    __slots__ = ("address", "extract", "expect", "retry", "_decided")

    def __init__(
        self, address: str, extract: Iterable[Extraction] = (), expect: Iterable[Check] = (),
        retry: Retry | None = None,
    ) -> None:
        self.address = address
        self.extract = tuple(extract)
        self.expect = tuple(expect)
        self.retry = retry
        self._decided: tuple[Execution | None, bool] = (None, False)

    @property
    def interval_ms(self) -> int:
        return self.retry.interval_ms if self.retry else 0

    @property
    def max_attempts(self) -> int:
        return self.retry.max_attempts if self.retry else 1

    def retry_until(self, execution: Execution, scopes: Scopes | None = None) -> bool:
        """True when the request should run again: ``until`` not met, attempts left.

        Decided once per execution (by :meth:`apply`, which resolves ``{{variables}}``).
        """
        decided, again = self._decided
        if decided is execution:
            return again
        retry, response = self.retry, execution.response
        if retry is None or response is None or execution.attempt >= retry.max_attempts:
            again = False
        else:
            resolve = Resolver(scopes).resolve if scopes is not None else None
            again = any(check.run(response, resolve) is not None for check in retry.until)
        self._decided = (execution, again)
        return again

    def apply(self, execution: Execution, scopes: Scopes) -> None:
        """Extract into ``scopes`` and record checks; nothing when no response came.

        While a retry is pending (``until`` not met, attempts left) only the extractions run:
        checks are recorded on the last attempt.
        """
        response = execution.response
        if response is None:
            return
        resolve, out = Resolver(scopes).resolve, execution.assertions
        for extraction in self.extract:
            try:
                value = extraction.value(response, resolve)
            except NoValue as missing:
                out.append(_failed(extraction.name, str(missing)))
                continue
            scopes.scope(extraction.scope).set(extraction.variable, value)
        if self.retry is None:
            out.extend(_result(c.name, c.run(response, resolve)) for c in self.expect)
        elif not self.retry_until(execution, scopes):
            out.extend(_result(c.name, c.run(response, resolve)) for c in self.expect)
            attempts = f" after {execution.attempt} attempt(s)"
            for check in self.retry.until:
                error = check.run(response, resolve)
                out.append(_result(f"until {check.name}", error and error + attempts))


def _result(name: str, error: str | None) -> AssertionResult:
    if error is None:
        return AssertionResult(name, True, source="sidecar")
    return _failed(name, error)


class Sidecar:
    """The rules of a sidecar file, by request address."""

    def __init__(self, rules: dict[str, ItemRules], path: str = "") -> None:
        self.rules = rules
        self.path = path

    @classmethod
    def load(cls, path: str | Path, collection: Collection) -> Sidecar:
        path = Path(path)
        data, prefix = _read(path)
        rules: dict[str, ItemRules] = {}
        known = {item.address for item in collection.requests()}
        try:
            for address, table in data.items():
                pointer = f"{prefix}/{_escape(address)}"
                if address not in known:
                    raise SidecarError(unknown_address(address, collection), "", pointer)
                rules[address] = _item_rules(address, table, path.parent, pointer)
        except SidecarError as exc:
            raise exc.located(str(path)) from None
        return cls(rules, str(path))

    @classmethod
    def find_for(cls, collection_path: Path, collection: Collection) -> Sidecar | None:
        """``NAME.harness.toml`` beside ``NAME.postman_collection.json`` (or ``NAME.json``)."""
        name = collection_path.name
        for suffix in (".postman_collection.json", ".json"):
            if name.endswith(suffix):
                name = name[: -len(suffix)]
                break
        candidate = collection_path.with_name(name + ".harness.toml")
        return cls.load(candidate, collection) if candidate.is_file() else None

    def rules_for(self, item: RequestItem) -> ItemRules | None:
        return self.rules.get(item.address)


def _read(path: Path) -> tuple[dict[str, Any], str]:
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except OSError as exc:
        raise SidecarError(f"cannot read sidecar: {exc.strerror}", str(path)) from None
    except tomllib.TOMLDecodeError as exc:
        raise SidecarError(f"bad TOML: {exc}", str(path)) from None
    if path.name != "pyproject.toml":
        return data, ""
    chain = data.get("tool", {}).get("harness", {}).get("chain")
    if not isinstance(chain, dict):
        raise SidecarError("no [tool.harness.chain] table", str(path), "/tool/harness/chain")
    return chain, "/tool/harness/chain"


def _table(value: Any, allowed: tuple[str, ...], pointer: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise SidecarError(f"expected a table, got {json.dumps(value, default=str)}", "", pointer)
    for key in value:
        if key not in allowed:
            known = ", ".join(allowed)
            raise SidecarError(f"unknown key {key!r} (known: {known})", "", f"{pointer}/{key}")
    return value


def _item_rules(address: str, table: Any, base: Path, pointer: str) -> ItemRules:
    table = _table(table, ITEM_KEYS, pointer)
    extract = table.get("extract", {})
    if not isinstance(extract, dict):
        raise SidecarError("extract must be a table", "", f"{pointer}/extract")
    extractions = [
        _extraction(name, spec, f"{pointer}/extract/{_escape(name)}")
        for name, spec in extract.items()
    ]
    expect = _expectations(table.get("expect", {}), base, f"{pointer}/expect")
    retry = _retry(table["retry"], f"{pointer}/retry") if "retry" in table else None
    return ItemRules(address, extractions, expect, retry)


def _expectations(table: Any, base: Path | None, pointer: str) -> list[Check]:
    if not isinstance(table, dict):
        raise SidecarError("expected a table of checks", "", pointer)
    checks: list[Check] = []
    for key, spec in table.items():
        where = f"{pointer}/{_escape(key)}"
        try:
            if key == "schema" and base is not None:
                if not isinstance(spec, str):
                    raise SpecError("schema takes a file path, relative to the sidecar")
                checks.append(compile_schema(base / spec, spec))
            else:
                checks.extend(compile_expectation(parse_subject(key), spec))
        except SpecError as exc:
            raise SidecarError(str(exc), "", f"{where}/{exc.key}" if exc.key else where) from None
    return checks


def _extraction(variable: str, spec: Any, pointer: str) -> Extraction:
    if isinstance(spec, str):
        spec = {"source": spec}
    spec = _table(spec, EXTRACT_KEYS, pointer)
    sources = [k for k in ("path", "header", "source") if k in spec]
    if len(sources) > 1 or not (sources or "regex" in spec):
        raise SidecarError("give one of path, header, source (or a regex on the body)", "", pointer)
    scope = spec.get("scope", "environment")
    if scope not in SCOPES:
        raise SidecarError(f"scope is one of {', '.join(SCOPES)}", "", f"{pointer}/scope")
    try:
        subject = _extraction_subject(spec, sources[0] if sources else "")
        regex = re.compile(spec["regex"]) if "regex" in spec else None
    except (SpecError, re.error, TypeError) as exc:
        raise SidecarError(str(exc), "", pointer) from None
    group = spec.get("group", 1 if regex is not None and regex.groups else 0)
    name = f"extract {variable} = {subject.label}"
    if regex is not None:
        name = f"extract {variable} = /{regex.pattern}/ in {subject.label}"
    return Extraction(variable, name, subject, scope, regex, group)


def _extraction_subject(spec: dict[str, Any], source: str) -> Subject:
    keys = spec.get("key", False) is True
    if source == "header":
        return parse_subject("header:" + str(spec["header"]))
    if source == "path" and not str(spec["path"]).startswith("$"):
        raise SpecError(f"path must be a JSONPath starting with $, not {spec['path']!r}")
    return parse_subject(str(spec[source]) if source else "body", keys)


def _retry(table: Any, pointer: str) -> Retry:
    table = _table(table, RETRY_KEYS, pointer)
    until = _expectations(table.get("until", {}), None, f"{pointer}/until")
    if not until:
        raise SidecarError("retry needs an until table of checks", "", f"{pointer}/until")
    interval, most = table.get("interval_ms", 500), table.get("max", 10)
    if isinstance(interval, bool) or not isinstance(interval, int) or interval < 0:
        raise SidecarError("interval_ms takes an integer >= 0", "", f"{pointer}/interval_ms")
    if isinstance(most, bool) or not isinstance(most, int) or most < 1:
        raise SidecarError("max takes an integer >= 1", "", f"{pointer}/max")
    return Retry(tuple(until), interval, most)
