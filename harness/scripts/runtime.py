"""One QuickJS context with the script libraries loaded, and calls into it under a time budget.

quickjs-ng refuses every call from JavaScript into Python while a time limit is set
("Can not call into Python with a time limit set"), so the context has no host functions at
all (the libraries, hashing and JSON Schema included, are plain JavaScript): Python drives it
from outside (begin, exec, tick, end) and the time limit (CPU seconds, ``clock()``) is re-armed
with the remaining wall-clock budget before every call.
"""

from __future__ import annotations

import threading
import time
from importlib import resources
from typing import Any

import quickjs

from harness.scripts import jslibs
from harness.scripts.jserror import is_interrupt, is_out_of_memory

OWN_SOURCES = ("pm_request.js", "pm_response.js", "pm.js", "legacy.js")
ENTRY_POINTS = (
    "setScope", "setNames", "define", "begin", "exec", "takeAsyncError", "tick", "pendingTests",
    "nextSend", "resolveSend", "finishScript", "takeJournal", "end",
)
BOOKKEEPING_S = 2.0  # budget of the engine's own calls after a script timed out
_SOURCE_CACHE: dict[str, str] = {}


class Interrupted(Exception):
    """The script ran out of time."""


class OutOfMemory(Exception):
    """The script hit the memory limit."""


def _read(name: str) -> str:
    if name not in _SOURCE_CACHE:
        path = resources.files("harness.scripts") / "js" / name
        _SOURCE_CACHE[name] = path.read_text(encoding="utf-8")
    return _SOURCE_CACHE[name]


def library_source() -> str:
    """The helper libraries (chai expect, lodash, ..., require) followed by the pm API."""
    return jslibs.library_source() + "\n;\n" + "\n;\n".join(_read(n) for n in OWN_SOURCES)


class JsRuntime:
    """A context bound to the thread that created it."""

    def __init__(self, memory_limit: int) -> None:
        self.thread = threading.get_ident()
        self.ctx = quickjs.Context()
        self.ctx.set_max_stack_size(1024 * 1024)
        self.ctx.eval(library_source())
        self.ctx.eval("__pmlib.installChaiPostman()")
        self.ctx.set_memory_limit(memory_limit)
        self.fn: dict[str, Any] = {n: self.ctx.eval(f"__harness.{n}") for n in ENTRY_POINTS}
        self.deadline = 0.0

    def arm(self, seconds: float) -> None:
        """Start a budget of ``seconds`` for the calls that follow."""
        self.deadline = time.monotonic() + seconds

    def remaining(self) -> float:
        return self.deadline - time.monotonic()

    def call(self, name: str, *args: Any) -> Any:
        return self._guard(self.fn[name], *args)

    def eval(self, source: str) -> Any:
        return self._guard(self.ctx.eval, source)

    def pending_job(self) -> bool:
        return bool(self._guard(self.ctx.execute_pending_job))

    def _guard(self, fn: Any, *args: Any) -> Any:
        left = self.remaining()
        if left <= 0:
            raise Interrupted()
        self.ctx.set_time_limit(float(left))
        try:
            return fn(*args)
        except quickjs.JSException as exc:
            if is_interrupt(exc):
                raise Interrupted() from None
            if is_out_of_memory(exc):
                raise OutOfMemory() from None
            raise

    def healthy(self) -> bool:
        try:
            self.ctx.set_time_limit(1.0)
            return bool(self.ctx.eval("typeof __harness.begin === 'function'"))
        except Exception:  # noqa: BLE001 - any failure means the context is unusable
            return False
