"""One QuickJS context with the script libraries loaded, and calls into it under a time budget.

quickjs-ng refuses every call from JavaScript into Python while a time limit is set
("Can not call into Python with a time limit set"), so scripts run with the limit on and no
host calls: Python drives the context from outside (begin, exec, tick, end) and the time limit
(CPU seconds, ``clock()``) is re-armed with the remaining wall-clock budget before every call.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
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


class _SafeHost:
    """The ``ctx`` handed to ``install_hostcalls``: every host function is wrapped so it never
    raises into QuickJS (a Python exception there leaves the binding in an error state) and
    accepts strings only; a JS shim turns the wrapper's error reply into a thrown Error."""

    def __init__(self, ctx: Any) -> None:
        self.ctx = ctx

    def add_callable(self, name: str, fn: Callable[..., Any]) -> None:
        def safe(*args: Any) -> str:
            if not all(isinstance(a, str) for a in args):
                return json.dumps({"error": f"{name}: arguments must be strings"})
            try:
                return json.dumps({"ok": fn(*args)})
            except Exception as exc:  # noqa: BLE001 - reported to the script as an Error
                return json.dumps({"error": f"{name}: {exc}"})

        raw = f"__raw{name}"
        self.ctx.add_callable(raw, safe)
        shim = ("(function (G, raw) { delete G[RAW]; G[NAME] = function () {"
                " var r = JSON.parse(raw.apply(null, arguments));"
                " if ('error' in r) throw new Error(r.error); return r.ok; }; })"
                "(globalThis, globalThis[RAW])")
        self.ctx.eval(shim.replace("RAW", json.dumps(raw)).replace("NAME", json.dumps(name)))


class JsRuntime:
    """A context bound to the thread that created it."""

    def __init__(self, memory_limit: int) -> None:
        self.thread = threading.get_ident()
        self.ctx = quickjs.Context()
        self.ctx.set_max_stack_size(1024 * 1024)
        jslibs.install_hostcalls(_SafeHost(self.ctx))
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
