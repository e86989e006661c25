"""The run: Postman's order and flow control over a parsed collection, yielding Executions.

Knows nothing of pytest or Allure. Per request, as postman-runtime does: collection, folder and
request pre-request scripts (outermost first) → resolve → build → send → test scripts (same
order) → sidecar extractions/checks → Python checks. ``setNextRequest`` jumps (by id, then
name, among the items of this run), ``null`` or an unknown target ends the iteration,
``skipRequest`` skips the send; a request that keeps jumping to itself is capped by
``max_loop``. Request mutations by scripts never persist past one execution.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from harness import dynamic
from harness.auth import effective_auth
from harness.build import BuildOptions, build_request, resolve_request
from harness.client import Client, ClientOptions
from harness.errors import HarnessError, RequestError, RunError, UnresolvedVariables
from harness.model import Collection, Folder, RequestItem, Script
from harness.parse import parse_request, request_to_json
from harness.result import Execution, RunSummary
from harness.scripts.engine import NOT_SET, ScriptContext, ScriptEngine, ScriptOutcome
from harness.variables import Resolver, Scope, Scopes

BeforeRequest = Callable[[RequestItem, httpx.Request], "httpx.Request | None"]
AfterExecution = Callable[[Execution], None]


@dataclass(frozen=True)
class RunOptions:
    """Newman's run options, by their Newman meaning."""

    iterations: int | None = None
    data: tuple[dict[str, Any], ...] = ()
    folders: tuple[str, ...] = ()
    exclude_folders: tuple[str, ...] = ()
    only: frozenset[str] | None = None  # item ids selected by the caller (pytest -k)
    working_dir: Path | None = None
    base_urls: tuple[tuple[str, str], ...] = ()
    bail: bool = False
    delay_request_ms: int = 0
    timeout_ms: int | None = None
    timeout_script_ms: int = 5000
    max_loop: int = 1000
    client: ClientOptions = field(default_factory=ClientOptions)
    before_request: tuple[BeforeRequest, ...] = ()
    after_execution: tuple[AfterExecution, ...] = ()
    sidecar: Any = None  # harness.chain.Sidecar
    checks: Any = None  # harness.chain.PythonChecks


Placed = tuple[tuple[Folder, ...], RequestItem]


def select_items(collection: Collection, options: RunOptions) -> list[Placed]:
    """The requests of this run in order, after --folder / --exclude-folder / only."""
    out: list[Placed] = []
    for parents, item in collection.walk():
        if options.only is not None and item.id not in options.only:
            continue
        if options.folders and not any(_matches(f, parents, item) for f in options.folders):
            continue
        if any(_matches(f, parents, item) for f in options.exclude_folders):
            continue
        out.append((parents, item))
    return out


def _matches(selector: str, parents: tuple[Folder, ...], item: RequestItem) -> bool:
    names = [p.name for p in parents] + [item.name]
    ids = [p.id for p in parents] + [item.id]
    if "/" in selector:
        parts = selector.strip("/").split("/")
        return names[: len(parts)] == parts or any(
            names[i : i + len(parts)] == parts for i in range(len(names))
        )
    return selector in names or selector in ids


class Run:
    """One run of a collection: iterate it to execute, read ``scopes``/``summary`` after."""

    def __init__(self, collection: Collection, scopes: Scopes, options: RunOptions) -> None:
        self.collection = collection
        self.scopes = scopes
        self.options = options
        self.summary = RunSummary()
        self.order = select_items(collection, options)
        self.resolver = Resolver(scopes, dynamic.generate)
        working_dir = options.working_dir or Path(collection.source or ".").resolve().parent
        self._build = BuildOptions(working_dir=working_dir, base_urls=options.base_urls)
        self.client = Client(options.client)
        self._engine: ScriptEngine | None = None
        self._scripts: dict[str, tuple[tuple[Script, ...], tuple[Script, ...]]] = {}
        self._stopped = False
        self._sent = 0
        self._cursor: tuple[int, int] | None = None
        self._counts: dict[str, int] = {}
        self._row: dict[str, Any] = {}  # this iteration's data row, shared by its executions
        self._behaviors: dict[str, dict[str, Any]] = {}
        self._ids = {item.id: i for i, (_, item) in reversed(list(enumerate(self.order)))}
        self._names = {item.name: i for i, (_, item) in reversed(list(enumerate(self.order)))}
        self.stop_reason = ""

    @property
    def iteration_count(self) -> int:
        return self.options.iterations or len(self.options.data) or 1

    # -- the loop: a small state machine, so callers can peek before each step ------------

    def __iter__(self) -> Iterator[Execution]:
        try:
            while self.peek() is not None:
                yield self.step()
        finally:
            self.close()

    def peek(self) -> tuple[int, int] | None:
        """(iteration, position) of the next execution, or None when the run is over."""
        if self._cursor is None:
            self._begin()
        while not self._stopped:
            iteration, position = self._cursor  # type: ignore[misc]
            if position < len(self.order):
                return iteration, position
            if iteration + 1 >= self.iteration_count:
                self._end("finished")
                return None
            self._enter(iteration + 1)
        return None

    def step(self) -> Execution:
        """Execute what :meth:`peek` names and move on according to the flow."""
        key = self.peek()
        if key is None:
            raise RunError("the run is over")
        iteration, position = key
        parents, item = self.order[position]
        self._counts[item.id] = attempt = self._counts.get(item.id, 0) + 1
        execution = self._guarded(parents, item, iteration, attempt)
        self._finish(execution)
        if self.options.bail and not execution.ok:
            self._end("stopped after the first failure (--bail)")
        else:
            self._cursor = (iteration, self._next_position(position, execution))
        return execution

    def _begin(self) -> None:
        self.summary.started = time.time()
        self._enter(0)

    def _enter(self, iteration: int) -> None:
        self.summary.iterations += 1
        self._counts = {}
        rows = self.options.data
        self._row = dict(rows[min(iteration, len(rows) - 1)]) if rows else {}
        self.scopes.set_data(Scope.from_dict("data", self._row))
        self._cursor = (iteration, 0)

    def stop(self, reason: str) -> None:
        """End the run now; nothing more is executed (``reason`` completes "the run ...")."""
        self._end(reason)

    def _end(self, reason: str) -> None:
        if not self._stopped:
            self._stopped = True
            self.stop_reason = reason
            self.summary.finished = time.time()

    def _guarded(
        self, parents: tuple[Folder, ...], item: RequestItem, iteration: int, attempt: int
    ) -> Execution:
        if attempt > self.options.max_loop:
            return self._fail(item, iteration, attempt, RunError(
                f"'{item.name}' was executed {self.options.max_loop} times in iteration "
                f"{iteration + 1}: --max-loop cap hit, iteration stopped"))
        if self._over_time():
            self._end(f"timed out after {self.options.timeout_ms} ms (--timeout)")
            return self._fail(item, iteration, attempt, RunError(
                f"run timed out after {self.options.timeout_ms} ms (--timeout)"))
        try:
            return self.execute(parents, item, iteration, attempt)
        except HarnessError as error:  # a broken request never hides the rest
            return self._fail(item, iteration, attempt, error)

    def _fail(self, item: RequestItem, iteration: int, attempt: int, error: Exception) -> Execution:
        return Execution(item=item, iteration=iteration, attempt=attempt, error=error,
                         started=time.time(), data=self._row)

    def _finish(self, execution: Execution) -> None:
        for hook in self.options.after_execution:
            hook(execution)
        self.summary.add(execution)

    def _over_time(self) -> bool:
        limit = self.options.timeout_ms
        return limit is not None and (time.time() - self.summary.started) * 1000 > limit

    def _next_position(self, position: int, execution: Execution) -> int:
        if isinstance(execution.error, RunError):
            return len(self.order)
        if not execution.jump:
            return position + 1
        target = execution.next_request
        if target is None:
            return len(self.order)
        found = self._ids.get(target, self._names.get(target))  # ids first, then names
        if found is not None:
            return found
        execution.warnings.append(f"setNextRequest('{target}'): no such request; iteration ended")
        return len(self.order)

    # -- one execution ----------------------------------------------------------------------

    def execute(
        self, parents: tuple[Folder, ...], item: RequestItem, iteration: int, attempt: int
    ) -> Execution:
        """Run one request with its scripts; the result carries any error, never raises it."""
        execution = Execution(item=item, iteration=iteration, attempt=attempt,
                              started=time.time(), data=self._row)
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
            follow = behavior.get("followRedirects")
            execution.response = self.client.send(http_request, follow_redirects=follow,
                                                  item=item.name)
        except RequestError as error:
            execution.error = error
            return None
        self._sent += 1
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
                "iterationCount": self.iteration_count, "requestName": item.name,
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
        if self.options.delay_request_ms and self._sent:
            time.sleep(self.options.delay_request_ms / 1000)

    def close(self) -> None:
        if self._engine is not None:
            self._engine.close()
            self._engine = None
        self.client.close()


def _host_unresolved(request: Any) -> bool:
    host = ".".join(request.url.host) + (request.url.protocol or "")
    return "{{" in host or ("{{" in request.url.raw and not request.url.host)
