"""Shared builders for the script engine unit tests."""

from __future__ import annotations

from typing import Any

from harness.model import Script
from harness.result import ReceivedResponse
from harness.scripts import ScriptContext, ScriptEngine, ScriptOutcome
from harness.variables import Scope, Scopes

JSON_BODY = b'{"a": 1, "b": {"c": [1, 2, 3]}, "s": "text"}'


def response(status: int = 200, reason: str = "OK", body: bytes = JSON_BODY,
             headers: list[tuple[str, str]] | None = None) -> ReceivedResponse:
    return ReceivedResponse(status, reason, headers or [("Content-Type", "application/json"),
                                                        ("X-Custom", "abc")], body, 12.5)


def context(scopes: Scopes | None = None, resp: ReceivedResponse | None = None,
            request: dict[str, Any] | None = None, **info: Any) -> ScriptContext:
    return ScriptContext(
        scopes=scopes or Scopes(environment=Scope.from_dict("environment", {"env": "e"})),
        request=request or {"url": "http://example.com/a/b?x=1&y=2", "method": "GET",
                            "header": [{"key": "Accept", "value": "application/json"}]},
        response=resp,
        info={"eventName": "test" if resp else "prerequest", "iteration": 0,
              "iterationCount": 1, "requestName": "req", "requestId": "rid", **info},
        cookies=[{"name": "sid", "value": "123"}], item_name="req")


def run(engine: ScriptEngine, *sources: str, event: str = "test",
        ctx: ScriptContext | None = None) -> ScriptOutcome:
    if ctx is None:
        ctx = context(resp=response() if event == "test" else None)
    return engine.run(event, [Script(event, s) for s in sources], ctx)  # type: ignore[arg-type]


def results(outcome: ScriptOutcome) -> list[tuple[str, bool, str | None]]:
    return [(a.name, a.passed, a.error) for a in outcome.assertions]
