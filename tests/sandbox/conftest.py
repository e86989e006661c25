"""Fixtures: the AEP sandbox emulator on a free 127.0.0.1 port, and an httpx helper."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from sandbox_api import CRM_FILE, Api

from harness.sandbox import SandboxServer


@pytest.fixture
def make_server() -> Iterator[Callable[..., SandboxServer]]:
    """Start emulators with custom options; all are stopped after the test."""
    started: list[SandboxServer] = []

    def make(**kwargs: Any) -> SandboxServer:
        kwargs.setdefault("batch_delay", 0.05)
        server = SandboxServer("127.0.0.1", 0, **kwargs)
        server.start()
        started.append(server)
        return server

    yield make
    for server in started:
        server.stop()


@pytest.fixture(scope="session")
def shared_server() -> Iterator[SandboxServer]:
    with SandboxServer("127.0.0.1", 0, batch_delay=0.05) as server:
        yield server


@pytest.fixture
def server(shared_server: SandboxServer) -> SandboxServer:
    """The shared emulator, reset to its seed for this test."""
    shared_server.state.reset()
    return shared_server


@pytest.fixture
def client(server: SandboxServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.url, timeout=30) as c:
        yield c


@pytest.fixture
def api(server: SandboxServer, client: httpx.Client) -> Api:
    return Api(server, client)


@pytest.fixture
def crm_records() -> list[dict[str, Any]]:
    return list(json.loads(CRM_FILE.read_text("utf-8")))
