"""Hand-built executions for reporter tests: passes, failures, errors, secrets and XSS bait."""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from urllib.parse import quote

from harness.errors import ScriptError, SendError
from harness.masking import Masker
from harness.model import Auth, Collection, Folder, Request, RequestItem, Script, Url
from harness.result import (
    AssertionResult,
    ConsoleLine,
    Execution,
    ReceivedResponse,
    RunSummary,
    SentRequest,
)
from harness.variables import Scope, Scopes

TOKEN = "tok-3f9a1c77e2b04d6a"  # secret-typed environment variable
PASSWORD = "hunter2-Sup3r/Secret+pw"  # basic auth password (has URL-special characters)
API_KEY = "ak_live_51Hq2bKJ9xQ"  # from a .env file (extra)
DERIVED = "drv-9c1e5d0b7a3f"  # a token only ever seen in an Authorization header
SECRETS = (TOKEN, PASSWORD, API_KEY, DERIVED)
XSS = "<script>alert(1)</script>"
BASIC_AUTH = Auth("basic", (("username", "admin"), ("password", "{{pw}}")))


@dataclass
class SampleRun:
    collection: Collection
    executions: list[Execution]
    summary: RunSummary
    environment: Scope
    scopes: Scopes

    def masker(self) -> Masker:
        from harness.variables import Resolver

        return Masker.from_scopes(
            self.scopes, extra=[API_KEY], auths=[BASIC_AUTH], resolver=Resolver(self.scopes)
        )


def _item(
    name: str, item_id: str, path: tuple[str, ...], url: str, tests: bool = True
) -> RequestItem:
    scripts = (Script("test", "pm.test('x', () => {})"),) if tests else ()
    return RequestItem(name, item_id, Request("GET", Url(url)), path=path, scripts=scripts)


def _response(status: int, body: bytes, reason: str = "OK", ms: float = 12.0) -> ReceivedResponse:
    headers = [("Content-Type", "application/json"), ("Set-Cookie", f"sid={TOKEN}; Path=/")]
    return ReceivedResponse(status, reason, headers, body, ms)


def sample_run() -> SampleRun:
    users_a = _item("Get user", "id-a", ("Users", "Admin"), "http://127.0.0.1/a")
    users_b = _item("Get user", "id-b", ("Accounts",), "http://127.0.0.1/b")
    ping = _item("Ping", "id-ping", (), "http://127.0.0.1/ping", tests=False)
    xss = _item(XSS, "id-xss", ("Accounts",), "http://127.0.0.1/xss")
    collection = Collection(
        "Sample API", "col-1234",
        items=(
            Folder("Users", "f-users", (Folder("Admin", "f-admin", (users_a,), ("Users",)),)),
            Folder("Accounts", "f-acc", (users_b, xss)),
            ping,
        ),
    )
    env = Scope("environment", source_name="Local")
    env.set("token", TOKEN, "secret")
    env.set("pw", PASSWORD, "secret")
    env.set("base", "http://127.0.0.1")
    scopes = Scopes(environment=env)
    basic = base64.b64encode(f"admin:{PASSWORD}".encode()).decode()
    echoed = {"auth": f"Bearer {DERIVED}", "q": quote(PASSWORD, safe=""), "basic": basic,
              "token_in_text": f"prefix-{TOKEN}-suffix"}
    ok = Execution(
        users_a, 0,
        request=SentRequest("GET", f"http://127.0.0.1/a?token={TOKEN}&pw={quote(PASSWORD)}",
                            [("Authorization", f"Bearer {DERIVED}"), ("X-Trace", TOKEN)]),
        response=_response(200, json.dumps(echoed).encode()),
        assertions=[AssertionResult("status is 200", True),
                    AssertionResult("later", True, skipped=True)],
        console=[ConsoleLine("log", f"token is {TOKEN}")],
        duration_ms=20, data={"user": "alice", "apikey": API_KEY},
    )
    failed = Execution(
        users_b, 0,
        request=SentRequest("POST", "http://127.0.0.1/b", [("Authorization", f"Basic {basic}")],
                            json.dumps({"password": PASSWORD}).encode()),
        response=_response(500, b'{"error":"boom"}', "Internal Server Error", 30.0),
        assertions=[AssertionResult("status is 200", False,
                                    f"expected 500 to equal 200 ({API_KEY})", "AssertionError")],
        duration_ms=35,
    )
    injected = Execution(
        xss, 0,
        request=SentRequest("GET", "http://127.0.0.1/xss", []),
        response=ReceivedResponse(200, "OK", [("Content-Type", "text/html")],
                                  f"<html>{XSS}</html>".encode(), 5.0),
        assertions=[AssertionResult(XSS, True)],
        duration_ms=6,
    )
    broken = Execution(
        ping, 0, request=SentRequest("GET", "http://127.0.0.1:1/ping", []),
        error=SendError("connection refused", "http://127.0.0.1:1/ping", "Ping"), duration_ms=2,
    )
    script_error = Execution(
        users_a, 1, request=None,
        error=ScriptError(f"bad {TOKEN}", "Get user", "prerequest", 3, "TypeError"),
        duration_ms=1,
    )
    executions = [ok, failed, injected, broken, script_error]
    summary = RunSummary(started=1_700_000_000.0, finished=1_700_000_000.5)
    summary.iterations = 2
    for execution in executions:
        summary.add(execution)
    return SampleRun(collection, executions, summary, env, scopes)
