"""The Starlette application of the AEP sandbox emulator."""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from harness.sandbox import routes_catalog, routes_import, routes_ims, routes_profile
from harness.sandbox.gateway import json_response, problem
from harness.sandbox.state import SandboxState


async def _http_error(request: Request, exc: Exception) -> Response:
    status = exc.status_code if isinstance(exc, HTTPException) else 500
    title = {404: "NotFoundError", 405: "MethodNotAllowedError"}.get(status, "Error")
    detail = f"{request.method} {request.url.path} is not emulated"
    return problem(status, title, detail)


async def _info(request: Request) -> Response:
    state: SandboxState = request.app.state.sandbox
    return json_response(
        {
            "service": "harness AEP sandbox emulator",
            "sandboxes": sorted(state.sandboxes),
            "defaultSandbox": state.default_sandbox,
            "batchDelaySeconds": state.batch_delay,
        }
    )


def create_app(state: SandboxState | None = None) -> Starlette:
    """Build the app; ``state`` defaults to a fresh :class:`SandboxState` from the seed."""
    routes = [
        Route("/", _info, methods=["GET"]),
        *routes_ims.routes,
        *routes_catalog.routes,
        *routes_import.routes,
        *routes_profile.routes,
    ]
    app = Starlette(routes=routes, exception_handlers={HTTPException: _http_error})
    app.state.sandbox = state if state is not None else SandboxState()
    return app
