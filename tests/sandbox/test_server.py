"""SandboxServer start/stop/context manager and the ``harness sandbox`` CLI."""

from __future__ import annotations

import json
import signal
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest

from harness.sandbox import SandboxServer, create_app, load_seed
from harness.sandbox.server import main


def _refused(url: str) -> bool:
    host, port = url.removeprefix("http://").rsplit(":", 1)
    with socket.socket() as s:
        s.settimeout(1)
        return s.connect_ex((host, int(port))) != 0


def test_context_manager_picks_a_free_port() -> None:
    with SandboxServer() as server:
        assert server.url.startswith("http://127.0.0.1:")
        assert server.port > 0
        info = httpx.get(server.url + "/").json()
        assert info["defaultSandbox"] == "prod"
        assert server.state.data_dir.exists()
        data_dir = server.state.data_dir
    assert _refused(server.url)
    assert not data_dir.exists()


def test_two_servers_are_independent() -> None:
    with SandboxServer() as a, SandboxServer(batch_delay=1.5) as b:
        assert a.url != b.url
        assert a.state is not b.state
        assert httpx.get(b.url + "/").json()["batchDelaySeconds"] == 1.5


def test_custom_seed(tmp_path: Path) -> None:
    seed = load_seed()
    seed["credentials"]["clientSecret"] = "custom-secret"
    seed["sandboxes"] = ["prod", "qa"]
    path = tmp_path / "seed.json"
    path.write_text(json.dumps(seed))
    with SandboxServer(seed=path) as server:
        assert server.state.credentials.client_secret == "custom-secret"
        assert sorted(httpx.get(server.url + "/").json()["sandboxes"]) == ["prod", "qa"]


def test_start_is_idempotent_and_stop_twice_is_harmless() -> None:
    server = SandboxServer()
    url = server.start()
    assert server.start() == url
    server.stop()
    server.stop()
    assert _refused(url)


def test_create_app_without_server() -> None:
    app = create_app()
    assert app.state.sandbox.default_sandbox == "prod"


def test_cli_help(capsys: Any) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    for flag in ("--port", "--host", "--seed", "--batch-delay", "--profile-rate"):
        assert flag in out


def test_cli_serves_until_interrupted() -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "harness.sandbox", "--port", "0", "--batch-delay", "0.1"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline()
        url = first.split(" on ", 1)[1].split()[0]
        assert httpx.get(url + "/", timeout=5).json()["batchDelaySeconds"] == 0.1
    finally:
        proc.send_signal(signal.SIGINT)
        code = proc.wait(timeout=10)
    assert code == 0
