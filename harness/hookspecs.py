"""Hooks a conftest may implement to take part in a harness run."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pluggy

if TYPE_CHECKING:
    import httpx

    from harness.model import Collection, RequestItem
    from harness.pychecks import PythonChecks
    from harness.result import Execution

hookspec = pluggy.HookspecMarker("pytest")


@hookspec(firstresult=True)
def pytest_harness_transport(config: Any, collection: Collection) -> httpx.BaseTransport | None:
    """Return an httpx transport for this collection's client (e.g. ``httpx.MockTransport``)."""


@hookspec
def pytest_harness_before_request(
    item: RequestItem, request: httpx.Request
) -> httpx.Request | None:
    """Called just before sending; may change ``request`` in place or return a new one."""


@hookspec
def pytest_harness_after_response(execution: Execution) -> None:
    """Called after each execution (request, scripts and checks done)."""


@hookspec
def pytest_harness_checks(checks: PythonChecks) -> None:
    """Register Python-side checks: ``@checks.on("Folder/Request")``."""
