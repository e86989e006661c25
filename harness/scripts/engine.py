"""Running Postman pre-request and test scripts in one sandboxed QuickJS context per run.

Each script is compiled once (cached by source) into its own function scope and run with a
CPU-time limit and a memory limit. After its synchronous part the engine drains the event
loop: promise jobs, ``pm.sendRequest`` requests and timers (really sleeping until they are
due) until nothing is pending or the script's time is up. Errors are reported as
:class:`~harness.errors.ScriptError` with the line within the script; the run goes on.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Final, Literal

from harness import dynamic
from harness.errors import ScriptError
from harness.model import Script
from harness.result import AssertionResult, ConsoleLine, ReceivedResponse
from harness.scripts.jserror import JsError, from_exception, from_info
from harness.scripts.runtime import BOOKKEEPING_S, Interrupted, JsRuntime, OutOfMemory
from harness.scripts.sync import ScopeSync
from harness.variables import Scopes

NOT_SET: Final = object()
SendRequest = Callable[[dict[str, Any]], dict[str, Any]]


@dataclass
class ScriptContext:
    scopes: Scopes
    request: dict[str, Any]
    response: ReceivedResponse | None
    info: dict[str, Any]
    cookies: list[dict[str, Any]]
    item_name: str = ""
    location: list[str] = field(default_factory=list)  # folders + request, for pm.execution


@dataclass
class ScriptOutcome:
    assertions: list[AssertionResult]
    console: list[ConsoleLine]
    request: dict[str, Any] | None
    next_request: object = NOT_SET
    skip_request: bool = False
    error: ScriptError | None = None


@dataclass
class _Run:
    event: str
    ctx: ScriptContext
    error: ScriptError | None = None
    skip: bool = False
    notes: list[ConsoleLine] = field(default_factory=list)

    def fail(self, err: JsError) -> None:
        if self.error is None:
            self.error = ScriptError(err.message, self.ctx.item_name, self.event, err.line,
                                     err.name)


class ScriptEngine:
    """Runs the scripts of one run; not thread-safe (one engine per runner thread)."""

    def __init__(self, *, timeout_ms: int = 5000, memory_limit: int = 64 * 1024 * 1024,
                 send_request: SendRequest | None = None) -> None:
        self.timeout_s = timeout_ms / 1000 if timeout_ms and timeout_ms > 0 else 0.0
        self.memory_limit = memory_limit
        self.send_request = send_request
        self._rt: JsRuntime | None = None
        self._sync = ScopeSync()
        self._ids: dict[tuple[str, bool], int] = {}
        self.recreated = 0  # how often the context had to be rebuilt (after out-of-memory)

    # -- public ------------------------------------------------------------------------------

    def run(self, event: Literal["prerequest", "test"], scripts: Sequence[Script],
            ctx: ScriptContext) -> ScriptOutcome:
        active = [s for s in scripts if not s.disabled and s.source.strip()]
        if not active:
            return ScriptOutcome([], [], None)
        rt = self._runtime()
        run = _Run(event, ctx)
        rt.arm(BOOKKEEPING_S)
        self._sync.push(ctx.scopes, rt.call)
        rt.call("begin", self._meta(event, ctx, active), _body(ctx.response))
        for script in active:
            self._run_script(rt, run, script)
            if run.skip or self._rt is not rt:
                break
        return self._finish(run)

    def close(self) -> None:
        self._rt = None
        self._ids.clear()
        self._sync.reset()

    # -- context -----------------------------------------------------------------------------

    def _runtime(self) -> JsRuntime:
        rt = self._rt
        if rt is None or rt.thread != threading.get_ident():
            rt = self._rt = JsRuntime(self.memory_limit)
            self._ids.clear()
            self._sync.reset()
        return rt

    def _meta(self, event: str, ctx: ScriptContext, scripts: Sequence[Script]) -> str:
        response = None
        if ctx.response is not None:
            r = ctx.response
            response = {"code": r.status, "status": r.reason, "responseTime": r.elapsed_ms,
                        "responseSize": r.size,
                        "header": [{"key": k, "value": v} for k, v in r.headers]}
        location = ctx.location or list(ctx.info.get("location") or []) or [ctx.item_name]
        return json.dumps({"event": event, "request": ctx.request, "response": response,
                           "info": ctx.info, "cookies": ctx.cookies, "location": location,
                           "dynamic": _dynamic_pool(scripts)},
                          default=str)

    def _script_id(self, rt: JsRuntime, run: _Run, source: str) -> int | None:
        """Compile the script once into ``__pmscript_<id>``; None on a syntax error."""
        for is_async in (False, True):
            key = (source, is_async)
            if key in self._ids:
                return self._ids[key]
            script_id = len(self._ids) + 1
            prefix = "async function" if is_async else "function"
            wrapped = (f"__harness.define({script_id}, {prefix} __pmscript_{script_id}(){{"
                       f"{source}\n}});")
            try:
                rt.eval(wrapped)
            except Interrupted:
                raise
            except Exception as exc:  # noqa: BLE001 - a JSException carrying a SyntaxError
                err = from_exception(exc)
                if not is_async and err.name == "SyntaxError" and "await" in source:
                    continue
                run.fail(err)
                return None
            self._ids[key] = script_id
            return script_id
        return None

    # -- one script --------------------------------------------------------------------------

    def _run_script(self, rt: JsRuntime, run: _Run, script: Script) -> None:
        rt.arm(self.timeout_s or 1e9)
        try:
            script_id = self._script_id(rt, run, script.source)
            if script_id is None:
                return
            result = rt.call("exec", script_id)
            if result:
                run.fail(from_info(json.loads(result), script_id))
            self._drain(rt, run, script_id)
        except Interrupted:
            run.fail(JsError("Error", f"script timed out after {self.timeout_s:g} s"))
        except OutOfMemory:
            run.fail(JsError("RangeError", "script ran out of memory "
                             f"(limit {self.memory_limit // (1024 * 1024)} MiB)"))
            if not rt.healthy():
                self._rebuild(run)
                return
        rt.arm(BOOKKEEPING_S)
        done = json.loads(rt.call("finishScript"))
        self._sync.apply(run.ctx.scopes, done["journal"])
        run.skip = bool(done["skip"])

    def _drain(self, rt: JsRuntime, run: _Run, script_id: int) -> None:
        """The event loop: jobs, sends and timers until idle or out of time."""
        call = rt.call
        while True:
            while rt.pending_job():
                pass
            self._async_errors(call, run, script_id)
            if self._send_one(rt, run, call):
                continue
            delay = call("tick")
            if delay == 0:
                continue
            if delay < 0:
                return
            if time.monotonic() + delay / 1000 > rt.deadline:
                raise Interrupted()
            time.sleep(delay / 1000)

    def _async_errors(self, call: Callable[..., Any], run: _Run, script_id: int) -> None:
        while True:
            info = call("takeAsyncError")
            if not info:
                return
            run.fail(from_info(json.loads(info), script_id))

    def _send_one(self, rt: JsRuntime, run: _Run, call: Callable[..., Any]) -> bool:
        pending = call("nextSend")
        if not pending:
            return False
        entry = json.loads(pending)
        journal = call("takeJournal")
        if journal:
            self._sync.apply(run.ctx.scopes, json.loads(journal))
        if self.send_request is None:
            reply: dict[str, Any] = {"error": "pm.sendRequest is not available"}
            body = ""
        else:
            reply, body = self._send(entry["request"])
        call("resolveSend", entry["id"], json.dumps(reply, default=str), body)
        return True

    def _send(self, request: dict[str, Any]) -> tuple[dict[str, Any], str]:
        assert self.send_request is not None
        try:
            response = self.send_request(request)
        except Exception as exc:  # noqa: BLE001 - reported to the script's callback
            return {"error": str(exc) or type(exc).__name__}, ""
        headers = [h if isinstance(h, dict) else {"key": h[0], "value": h[1]}
                   for h in response.get("headers") or []]
        body = response.get("body") or ""
        reply = {"code": response.get("code"), "status": response.get("status", ""),
                 "header": headers, "responseTime": response.get("responseTime"),
                 "responseSize": response.get("responseSize", len(body))}
        return reply, body if isinstance(body, str) else body.decode("utf-8", "replace")

    # -- end of the event --------------------------------------------------------------------

    def _rebuild(self, run: _Run) -> None:
        self.recreated += 1
        self._rt = None
        self._runtime()
        run.notes.append(ConsoleLine("warn", "harness: the script context was recreated after "
                                     "running out of memory", run.event))

    def _finish(self, run: _Run) -> ScriptOutcome:
        rt = self._rt
        if rt is None or run.notes:  # the context was rebuilt: what the scripts recorded is gone
            return ScriptOutcome([], run.notes, None, error=run.error)
        rt.arm(BOOKKEEPING_S)
        out = json.loads(rt.call("end"))
        assertions = [AssertionResult(a["name"], a["passed"], a["error"], a["error_name"],
                                      skipped=a["skipped"], event=run.event)
                      for a in out["assertions"]]
        console = [ConsoleLine(level, message, run.event) for level, message in out["console"]]
        nxt = out["next"]
        return ScriptOutcome(assertions, console, out["request"],
                             next_request=NOT_SET if nxt is None else nxt[0],
                             skip_request=bool(out["skip"]), error=run.error)


def _body(response: ReceivedResponse | None) -> str:
    return response.text() if response is not None else ""


DYNAMIC_TOKEN = re.compile(r"\{\{(\$[A-Za-z0-9]+)\}\}")
DYNAMIC_POOL = 16
# generated in JS itself (pm.js DYNAMIC), fresh at every use: no pool needed
JS_DYNAMIC = frozenset({"$guid", "$randomUUID", "$timestamp", "$isoTimestamp", "$randomInt",
                        "$randomBoolean", "$randomAlphaNumeric", "$randomHexadecimalColor"})
_dynamic_names: dict[str, tuple[str, ...]] = {}


def _dynamic_pool(scripts: Sequence[Script]) -> dict[str, list[str]]:
    """Values for the ``{{$dynamic}}`` names a script spells out, for ``replaceIn``.

    The generators live in :mod:`harness.dynamic` (one place); scripts cannot call into
    Python under a time limit, so each name found in the sources gets a pool of fresh values
    handed over with the event (used in turn; a name only built at run time is not found).
    """
    pool: dict[str, list[str]] = {}
    for script in scripts:
        names = _dynamic_names.get(script.source)
        if names is None:
            found = {m for m in DYNAMIC_TOKEN.findall(script.source)
                     if m in dynamic.NAMES and m not in JS_DYNAMIC}
            names = _dynamic_names[script.source] = tuple(sorted(found))
        for name in names:
            if name not in pool:
                pool[name] = [dynamic.generate(name) or "" for _ in range(DYNAMIC_POOL)]
    return pool
