"""A report in the shape of Newman's JSON reporter (``-r json``), masked.

Top level ``collection``, ``environment``, ``globals``, ``run``; ``run`` holds ``stats``,
``timings``, ``executions``, ``transfers``, ``failures`` and ``error`` with the keys Newman
writes at the levels tools read. Response bodies are included as Newman's ``stream``
(``{"type": "Buffer", "data": [bytes]}``), masked. Differences: no ``stacktrace``/checksum
detail in errors, ``dns*``/``firstByte*`` timings are 0 (not measured).
"""

from __future__ import annotations

import json
import math
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from harness.errors import ScriptError
from harness.masking import MASK, Masker
from harness.model import Collection
from harness.report import write_atomic
from harness.result import Execution, RunSummary
from harness.variables import Scope

SCHEMA = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"


def build(
    collection: Collection, executions: Sequence[Execution], summary: RunSummary,
    masker: Masker, *, environment: Scope | None = None, globals: Scope | None = None,
) -> dict[str, Any]:
    for execution in executions:
        if execution.request is not None:
            masker.learn_headers(execution.request.headers)
    context = _Context(collection, summary)
    built = [_execution(e, context, masker) for e in executions]
    # as Newman: an execution is recorded when a request is attempted, not for skipRequest
    sent = [b for e, b in zip(executions, built, strict=True) if e.skipped is None]
    return {
        "collection": _collection(collection, masker),
        "environment": _scope(environment, masker),
        "globals": _scope(globals, masker),
        "run": {
            "stats": _stats(executions, summary, context),
            "timings": _timings(summary),
            "executions": sent,
            "transfers": {"responseTotal": summary.response_bytes},
            "failures": [f for e, c in zip(executions, context.cursors, strict=True) for f in
                         _failures(e, c, context, masker)],
            "error": None,
        },
    }


def write(path: str | Path, report: dict[str, Any]) -> None:
    write_atomic(path, json.dumps(report, indent=2, ensure_ascii=False, default=str))


class _Context:
    def __init__(self, collection: Collection, summary: RunSummary) -> None:
        walked = list(collection.walk())
        self.positions = {item.id: index for index, (_, item) in enumerate(walked)}
        self.parents: dict[str, dict[str, str]] = {
            item.id: ({"id": parents[-1].id, "name": parents[-1].name} if parents
                      else {"id": collection.id, "name": collection.name})
            for parents, item in walked
        }
        self.length = len(walked)
        self.cycles = max(summary.iterations, 1)
        self.cursors: list[dict[str, Any]] = []
        self.with_prerequest = {
            item.id for parents, item in walked
            if any(s.event == "prerequest" and not s.disabled for s in (
                *collection.scripts, *(s for f in parents for s in f.scripts), *item.scripts))
        }


def _collection(collection: Collection, masker: Masker) -> dict[str, Any]:
    raw = collection.raw
    info = {"_postman_id": collection.id, "name": collection.name, "schema": SCHEMA}
    if raw:
        out = masker.mapping({k: v for k, v in raw.items() if k != "info"})
        out["info"] = masker.mapping({**raw.get("info", {}), **info})
        out.setdefault("item", [])
        return out
    items = [{"id": item.id, "name": item.name,
              "request": {"method": item.request.method, "url": masker.text(item.request.url.raw)}}
             for item in collection.requests()]
    return {"info": masker.mapping(info), "item": items}


def _scope(scope: Scope | None, masker: Masker) -> dict[str, Any]:
    if scope is None:
        return {"id": str(uuid.uuid4()), "values": []}
    values = [
        {"type": scope.type_of(key), "value": MASK if scope.is_secret(key) else masker.value(value),
         "key": key}
        for key, value in scope.items()
    ]
    return {"id": str(uuid.uuid4()), "name": scope.source_name or scope.name, "values": values}


def _counter(total: int, failed: int = 0) -> dict[str, int]:
    return {"total": total, "pending": 0, "failed": failed}


def _script_ran(execution: Execution, event: str, context: _Context) -> bool:
    error = execution.error
    if isinstance(error, ScriptError) and error.event == event:
        return True
    if event == "test":  # test_ms is measured only when test scripts ran
        return execution.test_ms > 0
    return execution.item.id in context.with_prerequest and execution.item.error is None


def _script_failed(execution: Execution, event: str) -> bool:
    error = execution.error
    return isinstance(error, ScriptError) and error.event == event


def _request_failed(execution: Execution) -> bool:
    return execution.error is not None and not isinstance(execution.error, ScriptError)


def _stats(
    executions: Sequence[Execution], summary: RunSummary, context: _Context
) -> dict[str, Any]:
    count = len(executions)
    pre = sum(_script_ran(e, "prerequest", context) for e in executions)
    pre_failed = sum(_script_failed(e, "prerequest") for e in executions)
    test = sum(_script_ran(e, "test", context) for e in executions)
    test_failed = sum(_script_failed(e, "test") for e in executions)
    assertions = [a for e in executions for a in e.assertions]
    return {
        "iterations": _counter(summary.iterations),
        "items": _counter(count),
        "scripts": _counter(pre + test, pre_failed + test_failed),
        "prerequests": _counter(count),
        "requests": _counter(
            sum(e.request is not None for e in executions), sum(map(_request_failed, executions))
        ),
        "tests": _counter(sum(e.skipped is None for e in executions)),
        "assertions": _counter(
            len(assertions), sum(not a.passed and not a.skipped for a in assertions)
        ),
        "testScripts": _counter(test, test_failed),
        "prerequestScripts": _counter(pre, pre_failed),
    }


def _timings(summary: RunSummary) -> dict[str, Any]:
    times = summary.response_times
    average = sum(times) / len(times) if times else 0
    sd = math.sqrt(sum((t - average) ** 2 for t in times) / len(times)) if times else 0
    out: dict[str, Any] = {
        "responseAverage": average, "responseMin": min(times, default=0),
        "responseMax": max(times, default=0), "responseSd": sd,
    }
    for name in ("dns", "firstByte"):
        out.update({f"{name}Average": 0, f"{name}Min": 0, f"{name}Max": 0, f"{name}Sd": 0})
    out["started"] = int(summary.started * 1000)
    out["completed"] = int(summary.finished * 1000)
    return out


def _cursor(execution: Execution, context: _Context) -> dict[str, Any]:
    position = context.positions.get(execution.item.id, 0)
    return {
        "position": position, "iteration": execution.iteration, "length": context.length,
        "cycles": context.cycles, "empty": context.length == 0,
        "eof": position == context.length - 1, "bof": position == 0, "cr": False,
        "ref": str(uuid.uuid4()), "httpRequestId": str(uuid.uuid4()),
    }


def _url(url: str, masker: Masker) -> dict[str, Any]:
    parts = urlsplit(masker.text(url))
    return {
        "protocol": parts.scheme or None,
        "port": str(parts.port) if parts.port else None,
        "path": [p for p in parts.path.split("/") if p] if parts.path else [],
        "host": parts.hostname.split(".") if parts.hostname else [],
        "query": [{"key": k, "value": v}
                  for k, v in parse_qsl(parts.query, keep_blank_values=True)],
        "variable": [],
    }


def _pairs(headers: Sequence[tuple[str, str]], masker: Masker) -> list[dict[str, str]]:
    return [{"key": k, "value": v} for k, v in masker.headers(headers)]


def _execution(execution: Execution, context: _Context, masker: Masker) -> dict[str, Any]:
    cursor = _cursor(execution, context)
    context.cursors.append(cursor)
    item = execution.item
    out: dict[str, Any] = {"cursor": cursor, "item": {"id": item.id, "name": item.name}}
    sent = execution.request
    if sent is not None:
        request: dict[str, Any] = {
            "url": _url(sent.url, masker), "header": _pairs(sent.headers, masker),
            "method": sent.method,
        }
        if sent.body is not None:
            text = masker.bytes(sent.body).decode("utf-8", errors="replace")
            request["body"] = {"mode": "raw", "raw": text}
        out["request"] = request
    if execution.response is not None:
        out["response"] = _response(execution, masker)
    out["id"] = item.id
    if execution.assertions:
        out["assertions"] = [_assertion(i, a, masker) for i, a in enumerate(execution.assertions)]
    error = execution.error
    if isinstance(error, ScriptError):
        key = "prerequestScript" if error.event == "prerequest" else "testScript"
        out[key] = [{"error": _error(error, masker)}]
    elif error is not None:
        out["requestError"] = _error(error, masker)
    return out


def _response(execution: Execution, masker: Masker) -> dict[str, Any]:
    response = execution.response
    assert response is not None
    body = masker.bytes(response.body)
    return {
        "id": str(uuid.uuid4()), "status": response.reason, "code": response.status,
        "header": _pairs(response.headers, masker),
        "stream": {"type": "Buffer", "data": list(body)}, "cookie": [],
        "responseTime": round(response.elapsed_ms), "responseSize": len(body),
    }


def _assertion(index: int, assertion: Any, masker: Masker) -> dict[str, Any]:
    name = masker.text(assertion.name)
    out: dict[str, Any] = {"assertion": name, "skipped": assertion.skipped}
    if not assertion.passed and not assertion.skipped:
        kind = assertion.error_name or "AssertionError"
        message = masker.text(assertion.error or "")
        out["error"] = {"name": kind, "index": index, "test": name, "message": message,
                        "stack": f"{kind}: {message}"}
    return out


def _error(error: Exception, masker: Masker) -> dict[str, Any]:
    name = getattr(error, "error_name", None) or type(error).__name__
    message = masker.text(getattr(error, "message", None) or str(error))
    return {"type": "Error", "name": name, "message": message, "stack": f"{name}: {message}"}


def _failures(
    execution: Execution, cursor: dict[str, Any], context: _Context, masker: Masker
) -> list[dict[str, Any]]:
    item = execution.item
    common = {"source": {"id": item.id, "name": item.name},
              "parent": context.parents.get(item.id, {}), "cursor": cursor}
    out: list[dict[str, Any]] = []
    error = execution.error
    if error is not None:
        at = f"{error.event}-script" if isinstance(error, ScriptError) else "request"
        out.append({"error": _error(error, masker), "at": at, **common})
    for index, assertion in enumerate(execution.assertions):
        if assertion.passed or assertion.skipped:
            continue
        event = "prerequest-script" if assertion.event == "prerequest" else "test-script"
        out.append({"error": _assertion(index, assertion, masker)["error"],
                    "at": f"assertion:{index} in {event}", **common})
    return out
