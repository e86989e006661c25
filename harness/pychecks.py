"""Checks registered from Python (a conftest) by request address.

    def pytest_harness_checks(checks):
        @checks.on("4-Dataset/Batch Ingestion - Create Batch")
        def batch_is_loading(response, variables):
            '''Batch is loading'''
            assert response.json()["status"] == "loading"

Each check gets the response as an :class:`httpx.Response` and the merged variables; an
``AssertionError`` fails it, any other exception fails it with the exception's type. Results
appear in reports like ``pm.test`` assertions (``source="python"``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import httpx

from harness.chain import unknown_address
from harness.errors import SidecarError
from harness.model import Collection
from harness.result import AssertionResult, Execution
from harness.variables import Scopes

CheckFn = Callable[[httpx.Response, dict[str, Any]], None]


class PythonChecks:
    """Checks registered from Python (a conftest) by request address."""

    def __init__(self) -> None:
        self.checks: dict[str, list[CheckFn]] = {}

    def on(self, address: str) -> Callable[[CheckFn], CheckFn]:
        def register(fn: CheckFn) -> CheckFn:
            self.checks.setdefault(address, []).append(fn)
            return fn

        return register

    def validate(self, collection: Collection) -> None:
        known = {item.address for item in collection.requests()}
        for address in self.checks:
            if address not in known:
                raise SidecarError(unknown_address(address, collection), "python checks")

    def apply(self, execution: Execution, scopes: Scopes) -> None:
        fns = self.checks.get(execution.item.address)
        if not fns or execution.response is None:
            return
        response, variables = to_httpx(execution), scopes.merged()
        for fn in fns:
            execution.assertions.append(_run_python(fn, response, variables))


def _run_python(
    fn: CheckFn, response: httpx.Response, variables: dict[str, Any]
) -> AssertionResult:
    doc = (fn.__doc__ or "").strip()
    name = doc.splitlines()[0] if doc else getattr(fn, "__name__", repr(fn))
    try:
        fn(response, variables)
    except AssertionError as exc:
        message = str(exc) or "assertion failed"
        return AssertionResult(name, False, message, "AssertionError", source="python")
    except Exception as exc:  # noqa: BLE001 - any error of a user check is its failure
        kind = type(exc).__name__
        return AssertionResult(name, False, f"{kind}: {exc}", kind, source="python")
    return AssertionResult(name, True, source="python")


def to_httpx(execution: Execution) -> httpx.Response:
    """An :class:`httpx.Response` of a recorded exchange (body as received, already decoded)."""
    received = execution.response
    assert received is not None
    sent = execution.request
    request = None
    if sent is not None:
        request = httpx.Request(sent.method, sent.url, headers=sent.headers, content=sent.body)
    plain = [(k, v) for k, v in received.headers if k.lower() != "content-encoding"]
    response = httpx.Response(
        received.status, headers=plain, content=received.body, request=request
    )
    response.headers = httpx.Headers(received.headers)  # keep Content-Encoding, do not decode
    response.elapsed = timedelta(milliseconds=received.elapsed_ms)
    return response
