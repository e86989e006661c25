"""End-to-end fixtures: local HTTP servers on 127.0.0.1 and a pytester wrapper for the plugin.

- ``echo``: the recording echo server of tests/helpers/echo.py.
- ``flow``: a small purpose-built server for runner flows (token, polling, JSON echo of the
  path), recording every request.
- ``hx``: pytester with the runner fixtures at hand; the plugin is loaded through its
  ``pytest11`` entry point when harness is installed, else with ``-p harness.pytest_plugin``
  (passing ``-p`` as well as having the entry point registers it twice, which pytest refuses).
"""

from __future__ import annotations

import json
import shutil
import socket
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import metadata
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import httpcore  # noqa: F401
import httpx  # noqa: F401
import pytest

# Imported here, in the outer process, so that pytester's in-process runs (which drop the
# modules first imported during a run) do not end up with two copies of httpx/httpcore and
# exception classes that no longer match.
import harness.cli  # noqa: F401
import harness.pytest_plugin  # noqa: F401
import harness.report.html  # noqa: F401
import harness.report.newman_json  # noqa: F401

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "helpers"))
from echo import EchoServer  # noqa: E402

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "runner"


def plugin_args() -> list[str]:
    """``-p harness.pytest_plugin`` unless the installed entry point already loads it."""
    installed = any(ep.value == "harness.pytest_plugin"
                    for ep in metadata.entry_points(group="pytest11"))
    return [] if installed else ["-p", "harness.pytest_plugin"]


def dead_url() -> str:
    """A 127.0.0.1 URL where nothing listens (a port just released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


# -- the flow server ------------------------------------------------------------------------


@dataclass
class Seen:
    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: bytes


@dataclass
class FlowState:
    seen: list[Seen] = field(default_factory=list)
    polls: dict[str, int] = field(default_factory=dict)
    pending_polls: int = 2
    lock: threading.Lock = field(default_factory=threading.Lock)


class _FlowHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _FlowServer

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass

    def _handle(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        parts = urlsplit(self.path)
        seen = Seen(self.command, parts.path, dict(parse_qsl(parts.query)),
                    {k.lower(): v for k, v in self.headers.items()}, body)
        state = self.server.state
        with state.lock:
            state.seen.append(seen)
        self._reply(self._route(seen, state))

    def _route(self, seen: Seen, state: FlowState) -> dict[str, Any]:
        if seen.path == "/token":
            return {"token": "tok-7f3a", "userId": "u-42"}
        if seen.path.startswith("/poll/"):
            job = seen.path.rsplit("/", 1)[1]
            with state.lock:
                state.polls[job] = count = state.polls.get(job, 0) + 1
            done = job != "never" and count > state.pending_polls
            return {"job": job, "status": "done" if done else "pending", "count": count}
        return {"method": seen.method, "path": seen.path, "query": seen.query,
                "body": seen.body.decode("utf-8", "replace")}

    def _reply(self, document: dict[str, Any]) -> None:
        payload = json.dumps(document).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = _handle


class _FlowServer(ThreadingHTTPServer):
    daemon_threads = True
    state: FlowState


class FlowServer:
    def __init__(self) -> None:
        self._server = _FlowServer(("127.0.0.1", 0), _FlowHandler)
        self._server.state = self.state = FlowState()
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    @property
    def seen(self) -> list[Seen]:
        return self.state.seen

    def paths(self) -> list[str]:
        return [s.path for s in self.state.seen]

    def reset(self) -> None:
        with self.state.lock:
            self.state.seen.clear()
            self.state.polls.clear()

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()


@pytest.fixture(scope="session")
def _echo_server() -> Iterator[EchoServer]:
    with EchoServer() as server:
        yield server


@pytest.fixture(scope="session")
def _flow_server() -> Iterator[FlowServer]:
    server = FlowServer()
    yield server
    server.stop()


@pytest.fixture
def echo(_echo_server: EchoServer) -> EchoServer:
    """The session's echo server, with no recorded requests yet."""
    _echo_server.exchanges.clear()
    return _echo_server


@pytest.fixture
def flow(_flow_server: FlowServer) -> FlowServer:
    """The session's flow server, reset (no requests seen, no polls counted)."""
    _flow_server.reset()
    return _flow_server


# -- pytester with the runner fixtures ------------------------------------------------------


class Harness:
    """A pytester session folder with the runner fixture files copied in on demand."""

    def __init__(self, pytester: pytest.Pytester) -> None:
        self.pytester = pytester
        self.path = pytester.path

    def copy(self, *names: str, to: str = "") -> list[Path]:
        target = self.path / to if to else self.path
        target.mkdir(parents=True, exist_ok=True)
        return [Path(shutil.copy(FIXTURES / name, target / name)) for name in names]

    def run(self, *args: str) -> pytest.RunResult:
        return self.pytester.runpytest(*plugin_args(), "-p", "no:cacheprovider", *args)

    def run_subprocess(self, *args: str) -> pytest.RunResult:
        return self.pytester.runpytest_subprocess(*plugin_args(), "-p", "no:cacheprovider",
                                                  *args)

    def inline(self, *args: str) -> tuple[pytest.HookRecorder, dict[str, Outcome]]:
        """Run in-process; outcomes by node id, with the exception type of each failure."""
        recorder = _Recorder()
        reprec = self.pytester.inline_run(*plugin_args(), "-p", "no:cacheprovider", *args,
                                          plugins=[recorder])
        return reprec, recorder.outcomes


@dataclass
class Outcome:
    outcome: str
    error: str = ""  # the exception's type name for a failure
    assertion: bool = False  # the exception is an AssertionError (failed, not broken)
    text: str = ""  # the report's long representation / skip reason


class _Recorder:
    def __init__(self) -> None:
        self.outcomes: dict[str, Outcome] = {}

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_makereport(self, item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
        report = yield
        if call.when == "call" or report.outcome != "passed":
            info = Outcome(report.outcome, text=_longrepr_text(report))
            if call.excinfo is not None:
                info.error = call.excinfo.typename
                info.assertion = isinstance(call.excinfo.value, AssertionError)
            self.outcomes.setdefault(item.nodeid, info)
        return report


def _longrepr_text(report: pytest.TestReport) -> str:
    longrepr = report.longrepr
    if isinstance(longrepr, tuple):  # skipped: (path, line, reason)
        return str(longrepr[2])
    return str(longrepr or "")


@pytest.fixture
def hx(pytester: pytest.Pytester) -> Harness:
    return Harness(pytester)
