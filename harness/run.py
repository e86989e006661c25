"""The run: Postman's order and flow control over a parsed collection, yielding Executions.

Knows nothing of pytest or Allure. Items run depth-first (Newman's order), iteration after
iteration, each executed by :class:`harness.execute.Executor`. ``setNextRequest`` jumps (by
id, then name, among the items of this run), ``null`` or an unknown target ends the
iteration, ``skipRequest`` skips the send; a request that keeps jumping to itself is capped
by ``max_loop``; ``bail`` and the whole-run ``timeout`` stop the run.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from harness.client import Client, ClientOptions
from harness.errors import RunError
from harness.execute import Executor
from harness.model import Collection, Folder, RequestItem
from harness.result import Execution, RunSummary
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
    checks: Any = None  # harness.pychecks.PythonChecks


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
        self.executor = Executor(collection, scopes, options, lambda: self.iteration_count)
        self.resolver: Resolver = self.executor.resolver
        self.client: Client = self.executor.client
        self._stopped = False
        self._cursor: tuple[int, int] | None = None
        self._counts: dict[str, int] = {}
        self._row: dict[str, Any] = {}  # this iteration's data row, shared by its executions
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
            return self.executor.execute(parents, item, iteration, attempt, self._row)
        except Exception as error:  # noqa: BLE001 - a broken request never hides the rest
            # HarnessErrors are expected (bad input, ...); anything else is a harness bug,
            # kept with its traceback on this one execution while the run goes on.
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

    def close(self) -> None:
        self.executor.close()
