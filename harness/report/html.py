"""A self-contained HTML report (inline CSS and JS, nothing fetched), like htmlextra.

Summary, failures first, then every execution grouped by folder with collapsible request,
response, assertions and console. Rendered by Jinja2 with autoescaping; every value shown is
masked first (:class:`~harness.masking.Masker`) in :func:`_view`, before the template sees it.
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2

from harness.errors import ScriptError
from harness.masking import Masker
from harness.model import Collection
from harness.report import MAX_BODY, body_text, write_atomic
from harness.result import Execution, RunSummary

TEMPLATE = "report.html.j2"


@dataclass
class _Group:
    title: str
    executions: list[dict[str, Any]] = field(default_factory=list)


def render(
    collection: Collection, executions: Sequence[Execution], summary: RunSummary,
    masker: Masker, *, title: str | None = None, max_body: int = MAX_BODY,
) -> str:
    for execution in executions:
        if execution.request is not None:
            masker.learn_headers(execution.request.headers)
    views = [_view(i, e, masker, max_body) for i, e in enumerate(executions)]
    groups: dict[tuple[str, ...], _Group] = {}
    for execution, view in zip(executions, views, strict=True):
        path = execution.item.path
        group = groups.setdefault(path, _Group(masker.text(" / ".join(path)) or "(collection)"))
        group.executions.append(view)
    context = {
        "title": masker.text(title or f"{collection.name} — harness report"),
        "collection": masker.text(collection.name),
        "generated": time.strftime("%Y-%m-%d %H:%M:%S %z"),
        "stats": _stats(executions, summary),
        "failures": [v for v in views if v["status"] != "passed" and v["status"] != "skipped"],
        "groups": list(groups.values()),
    }
    return _environment().get_template(TEMPLATE).render(**context)


def write(path: str | Path, html: str) -> None:
    write_atomic(path, html)


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("harness.report", "templates"),
        autoescape=True, trim_blocks=True, lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )


def _stats(executions: Sequence[Execution], summary: RunSummary) -> dict[str, Any]:
    assertions = [a for e in executions for a in e.assertions]
    failed = sum(not a.passed and not a.skipped for a in assertions)
    skipped = sum(a.skipped for a in assertions)
    elapsed = (summary.finished - summary.started) * 1000 if summary.finished else sum(
        e.duration_ms for e in executions)
    return {
        "iterations": summary.iterations,
        "requests": sum(e.request is not None for e in executions),
        "executions": len(executions),
        "assertions": len(assertions),
        "assertions_passed": len(assertions) - failed - skipped,
        "assertions_failed": failed,
        "assertions_skipped": skipped,
        "errors": sum(e.error is not None for e in executions),
        "failed_items": sum(not e.ok for e in executions),
        "total_ms": round(elapsed),
        "average_ms": round(summary.average_response_ms, 1),
    }


def _status(execution: Execution) -> str:
    if execution.error is not None:
        return "broken"
    if execution.failed_assertions:
        return "failed"
    if execution.skipped is not None:
        return "skipped"
    return "passed"


def _view(index: int, execution: Execution, masker: Masker, max_body: int) -> dict[str, Any]:
    item = execution.item
    view: dict[str, Any] = {
        "anchor": f"x{index}",
        "name": masker.text(item.name),
        "path": masker.text(" / ".join(item.path)),
        "iteration": execution.iteration + 1,
        "attempt": execution.attempt,
        "status": _status(execution),
        "skipped": masker.text(execution.skipped) if execution.skipped is not None else None,
        "error": _error(execution, masker),
        "warnings": [masker.text(w) for w in execution.warnings],
        "assertions": [_assertion(a, masker) for a in execution.assertions],
        "console": [{"level": c.level, "message": masker.text(c.message)}
                    for c in execution.console],
        "data": masker.text(json.dumps(execution.data, ensure_ascii=False, default=str))
        if execution.data else "",
        "duration_ms": round(execution.duration_ms),
        "request": None,
        "response": None,
    }
    sent = execution.request
    if sent is not None:
        body, _ = body_text(sent.body, sent.headers, masker, max_body)
        view["request"] = {
            "method": sent.method, "url": masker.text(sent.url),
            "headers": masker.headers(sent.headers),
            "body": body, "note": masker.text(sent.body_note),
        }
    response = execution.response
    if response is not None:
        body, _ = body_text(response.body, response.headers, masker, max_body)
        view["response"] = {
            "status": response.status, "reason": response.reason,
            "version": response.http_version, "ms": round(response.elapsed_ms),
            "size": response.size, "headers": masker.headers(response.headers), "body": body,
        }
    return view


def _error(execution: Execution, masker: Masker) -> str | None:
    error = execution.error
    if error is None:
        return None
    name = "" if isinstance(error, ScriptError) else f"{type(error).__name__}: "
    return masker.text(f"{name}{error}")


def _assertion(assertion: Any, masker: Masker) -> dict[str, Any]:
    state = "skipped" if assertion.skipped else ("passed" if assertion.passed else "failed")
    message = ""
    if state == "failed":
        message = masker.text(f"{assertion.error_name or 'AssertionError'}: {assertion.error}")
    return {"name": masker.text(assertion.name), "state": state, "message": message}
