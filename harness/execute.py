"""One execution of one request, as postman-runtime does it.

Pre-request scripts (collection, folders, request; outermost first) → resolve → build →
send → test scripts (same order; also after a failed send, as Newman) → sidecar extractions
and checks → Python checks. Request mutations by scripts never outlive the execution. Owns
the run's one HTTP client and one script context.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from harness import dynamic
from harness.auth import effective_auth
from harness.build import BuildOptions, build_request, resolve_request
from harness.client import Client
from harness.errors import RequestError, UnresolvedVariables
from harness.model import Collection, Folder, RequestItem, Script
from harness.parse import parse_request, request_to_json
from harness.result import Execution
from harness.scripts.engine import NOT_SET, ScriptContext, ScriptEngine, ScriptOutcome
from harness.variables import Resolver, Scopes

if TYPE_CHECKING:
    from harness.run import RunOptions


class Executor:
    """Executes requests of one collection against live scopes; :meth:`close` when done."""

    def __init__(self, collection: Collection, scopes: Scopes, options: RunOptions,
                 iteration_count: Callable[[], int]) -> None:
        self.collection = collection
        self.scopes = scopes
        self.options = options
        self.iteration_count = iteration_count
        self.resolver = Resolver(scopes, dynamic.generate)
        working_dir = options.working_dir or Path(collection.source or ".").resolve().parent
        self._build = BuildOptions(working_dir=working_dir, base_urls=options.base_urls)
        self.client = Client(options.client)
        self._engine: ScriptEngine | None = None
        self._scripts: dict[str, tuple[tuple[Script, ...], tuple[Script, ...]]] = {}
        self._behaviors: dict[str, dict[str, Any]] = {}

    def execute(self, parents: tuple[Folder, ...], item: RequestItem, iteration: int,
                attempt: int, row: dict[str, Any]) -> Execution:
        """Run one request with its scripts; the result carries any error, never raises it."""
        execution = Execution(item=item, iteration=iteration, attempt=attempt,
                              started=time.time(), data=row)
        if item.error is not None:
            execution.error = item.error
            return execution
        self._delay()
        begun = time.perf_counter()
        try:
            self._execute(parents, item, execution)
        finally:
            execution.duration_ms = (time.perf_counter() - begun) * 1000
        return execution

    def _execute(self, parents: tuple[Folder, ...], item: RequestItem,
                 execution: Execution) -> None:
        pre, test = self._scripts_of(parents, item)
        request = item.request
        started = time.perf_counter()
        if pre:
            outcome = self._run_scripts("prerequest", pre, execution, request_to_json(request))
            if outcome.request is not None:
                request = parse_request(outcome.request, item.pointer + "/request", "pm.request")
            if outcome.skip_request:
                execution.skipped = "skipped by pm.execution.skipRequest()"
                return
        execution.prerequest_ms = (time.perf_counter() - started) * 1000
        resolved = self._send(parents, item, request, execution)
        if test:  # as Newman: test scripts run after a failed send too (no response then)
            started = time.perf_counter()
            self._run_scripts("test", test, execution, request_to_json(resolved or request))
            execution.test_ms = (time.perf_counter() - started) * 1000
        self._after_tests(item, execution)

    def _send(self, parents: tuple[Folder, ...], item: RequestItem, request: Any,
              execution: Execution) -> Any:
        unresolved: set[str] = set()
        resolved = resolve_request(request, self.resolver, unresolved)
        if unresolved:
            names = sorted(unresolved)
            execution.warnings.append("unresolved variables: " + ", ".join(names))
            if _host_unresolved(resolved):
                execution.error = UnresolvedVariables(names, item.name)
                return None
        auth = effective_auth(resolved.auth, [f.auth for f in parents], self.collection.auth)
        behavior = self._behavior(parents, item)
        try:
            http_request, sent = build_request(resolved, auth, self._build, self.resolver,
                                               behavior=behavior, warnings=execution.warnings)
            for hook in self.options.before_request:
                http_request = hook(item, http_request) or http_request
            execution.request = sent
            execution.response = self.client.send(
                http_request, follow_redirects=behavior.get("followRedirects"), item=item.name,
                verify=behavior.get("strictSSL"), max_redirects=behavior.get("maxRedirects"),
                cookies=not behavior.get("disableCookies"))
        except RequestError as error:
            execution.error = error
            return None
        return resolved

    def _behavior(self, parents: tuple[Folder, ...], item: RequestItem) -> dict[str, Any]:
        """protocolProfileBehavior, request over folders over collection (computed once)."""
        merged = self._behaviors.get(item.id)
        if merged is None:
            merged = dict(self.collection.behavior)
            for folder in parents:
                merged.update(folder.behavior)
            merged.update(item.behavior)
            self._behaviors[item.id] = merged
        return merged

    def _after_tests(self, item: RequestItem, execution: Execution) -> None:
        if execution.response is None:
            return
        sidecar, checks = self.options.sidecar, self.options.checks
        rules = sidecar.rules_for(item) if sidecar is not None else None
        if rules is not None:
            rules.apply(execution, self.scopes)
            if not execution.jump and rules.retry_until(execution):
                time.sleep(rules.interval_ms / 1000)
                execution.jump, execution.next_request = True, item.id
        if checks is not None:
            checks.apply(execution, self.scopes)

    # -- scripts ----------------------------------------------------------------------------

    def _scripts_of(
        self, parents: tuple[Folder, ...], item: RequestItem
    ) -> tuple[tuple[Script, ...], tuple[Script, ...]]:
        cached = self._scripts.get(item.id)
        if cached is None:
            chain = [*self.collection.scripts, *(s for f in parents for s in f.scripts),
                     *item.scripts]
            live = [s for s in chain if not s.disabled and s.source.strip()]
            cached = (tuple(s for s in live if s.event == "prerequest"),
                      tuple(s for s in live if s.event == "test"))
            self._scripts[item.id] = cached
        return cached

    def _run_scripts(self, event: str, scripts: tuple[Script, ...], execution: Execution,
                     request_json: dict[str, Any]) -> ScriptOutcome:
        engine = self._engine or self._start_engine()
        item = execution.item
        info = {"eventName": event, "iteration": execution.iteration,
                "iterationCount": self.iteration_count(), "requestName": item.name,
                "requestId": item.id}
        ctx = ScriptContext(scopes=self.scopes, request=request_json, response=execution.response,
                            info=info, cookies=self.client.cookies, item_name=item.name,
                            location=[*item.path, item.name])
        outcome = engine.run(event, scripts, ctx)  # type: ignore[arg-type]
        for assertion in outcome.assertions:
            assertion.event = event
        execution.assertions.extend(outcome.assertions)
        execution.console.extend(outcome.console)
        if outcome.error is not None and execution.error is None:
            execution.error = outcome.error
        if outcome.next_request is not NOT_SET:
            execution.jump = True
            execution.next_request = outcome.next_request  # type: ignore[assignment]
        return outcome

    def _start_engine(self) -> ScriptEngine:
        self._engine = ScriptEngine(timeout_ms=self.options.timeout_script_ms,
                                    send_request=self._send_from_script)
        return self._engine

    def _send_from_script(self, request_json: dict[str, Any]) -> dict[str, Any]:
        """``pm.sendRequest``: the run's own client, variables and TLS settings."""
        request = parse_request(request_json, "", "pm.sendRequest")
        resolved = resolve_request(request, self.resolver, set())
        http_request, _ = build_request(resolved, resolved.auth, self._build, self.resolver)
        response = self.client.send(http_request, item="pm.sendRequest")
        return {"code": response.status, "status": response.reason,
                "headers": [{"key": k, "value": v} for k, v in response.headers],
                "body": response.text(), "responseTime": response.elapsed_ms,
                "responseSize": response.size}

    def _delay(self) -> None:
        """``--delay-request``: postman-runtime waits before every item, the first too."""
        if self.options.delay_request_ms:
            time.sleep(self.options.delay_request_ms / 1000)

    def close(self) -> None:
        if self._engine is not None:
            self._engine.close()
            self._engine = None
        self.client.close()


def _host_unresolved(request: Any) -> bool:
    host = ".".join(request.url.host) + (request.url.protocol or "")
    return "{{" in host or ("{{" in request.url.raw and not request.url.host)
