"""What a run produces: one :class:`Execution` per request sent (or skipped), and a summary.

Plain data, filled by :mod:`harness.run`; read by the pytest items and the reporters.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from harness.model import RequestItem


@dataclass
class AssertionResult:
    """One ``pm.test`` (or ``tests[...]``, sidecar check, Python check) outcome."""

    name: str
    passed: bool
    error: str | None = None  # the failure message, chai-worded for pm.expect
    error_name: str | None = None  # AssertionError, TypeError, ...
    skipped: bool = False
    source: str = "script"  # script | sidecar | python
    event: str = "test"  # the script event that ran it (prerequest or test)


@dataclass
class ConsoleLine:
    level: str  # log, info, warn, error, debug
    message: str
    event: str = ""


@dataclass
class SentRequest:
    """The request as it went on the wire (values resolved; masking happens in reports)."""

    method: str
    url: str
    headers: list[tuple[str, str]]
    body: bytes | None = None  # None when streamed from a file or not captured
    body_note: str = ""  # e.g. "<file luma-crm.json, 2,310 bytes>"


@dataclass
class ReceivedResponse:
    status: int
    reason: str
    headers: list[tuple[str, str]]
    body: bytes
    elapsed_ms: float
    http_version: str = "HTTP/1.1"

    @property
    def size(self) -> int:
        return len(self.body)

    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")


@dataclass
class Execution:
    """One pass over one request: scripts, the HTTP exchange and their results."""

    item: RequestItem
    iteration: int = 0  # 0-based, as pm.info.iteration
    attempt: int = 1  # 1-based count of executions of this item in this iteration
    request: SentRequest | None = None
    response: ReceivedResponse | None = None
    assertions: list[AssertionResult] = field(default_factory=list)
    console: list[ConsoleLine] = field(default_factory=list)
    error: Exception | None = None  # broken: send, script, unresolved, unsupported
    warnings: list[str] = field(default_factory=list)
    skipped: str | None = None  # reason, when pm.execution.skipRequest() or flow skipped
    jump: bool = False  # a script called setNextRequest (or a sidecar retry asked for one)
    next_request: str | None = None  # its target: a name or id; None ends the iteration
    started: float = 0.0  # time.time() at start
    duration_ms: float = 0.0  # scripts + HTTP
    prerequest_ms: float = 0.0
    test_ms: float = 0.0
    data: dict[str, Any] = field(default_factory=dict)  # the iteration's data row

    @property
    def failed_assertions(self) -> list[AssertionResult]:
        return [a for a in self.assertions if not a.passed and not a.skipped]

    @property
    def ok(self) -> bool:
        return self.error is None and not self.failed_assertions


@dataclass
class RunSummary:
    """Newman's run totals."""

    requests: int = 0
    failed_requests: int = 0
    assertions: int = 0
    failed_assertions: int = 0
    skipped_assertions: int = 0
    iterations: int = 0
    started: float = 0.0
    finished: float = 0.0
    response_times: list[float] = field(default_factory=list)
    response_bytes: int = 0
    failures: list[tuple[Execution, str]] = field(default_factory=list)

    def add(self, execution: Execution) -> None:
        if execution.skipped is not None:
            return
        self.requests += 1
        if execution.error is not None:
            self.failed_requests += 1
            self.failures.append((execution, str(execution.error)))
        for assertion in execution.assertions:
            self.assertions += 1
            if assertion.skipped:
                self.skipped_assertions += 1
            elif not assertion.passed:
                self.failed_assertions += 1
                self.failures.append((execution, f"{assertion.name}: {assertion.error}"))
        if execution.response is not None:
            self.response_times.append(execution.response.elapsed_ms)
            self.response_bytes += execution.response.size

    @property
    def average_response_ms(self) -> float:
        times = self.response_times
        return sum(times) / len(times) if times else 0.0
