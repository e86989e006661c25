"""The Adobe I/O gateway in front of every Platform call: token, API key, org, sandbox,
content type, with Adobe's error codes and bodies."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from harness.sandbox.state import Sandbox, SandboxState

JSON_TYPES = ("application/json",)
FILE_TYPES = ("application/octet-stream", "multipart/form-data")
PROBLEM = "https://ns.adobe.com/aep/errors/"


@dataclass
class Context:
    state: SandboxState
    box: Sandbox
    client_id: str


Handler = Callable[[Request, Context], Awaitable[Response]]
Endpoint = Callable[[Request], Awaitable[Response]]


def json_response(body: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    return JSONResponse(body, status_code=status, headers=headers)


def gateway_error(status: int, code: str, message: str) -> Response:
    return json_response({"error_code": code, "message": message}, status)


def problem(status: int, title: str, detail: str, code: str = "") -> Response:
    body = {
        "type": PROBLEM + (code or f"EMU-{status}"),
        "status": status,
        "title": title,
        "detail": detail,
    }
    return json_response(body, status)


def bad_request(detail: str) -> Response:
    return problem(400, "BadRequestError", detail, "EMU-1000-400")


def not_found(detail: str) -> Response:
    return problem(404, "NotFoundError", detail, "EMU-1001-404")


def has_body(request: Request) -> bool:
    length = request.headers.get("content-length")
    if length is not None:
        return length.strip() not in ("", "0")
    return "transfer-encoding" in request.headers


def content_type_ok(request: Request, allowed: tuple[str, ...]) -> bool:
    media = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if media.endswith("+json") and "application/json" in allowed:
        return True
    return media in allowed


def _credentials(request: Request, state: SandboxState) -> Response | str:
    auth = request.headers.get("authorization", "").strip()
    if not auth:
        return gateway_error(403, "403010", "Oauth token is missing.")
    scheme, _, token = auth.partition(" ")
    client = state.token_client(token.strip()) if scheme.lower() == "bearer" else None
    if client is None:
        return gateway_error(401, "401013", "Oauth token is not valid")
    api_key = request.headers.get("x-api-key", "").strip()
    if not api_key:
        return gateway_error(403, "403000", "Api Key is required")
    if api_key != state.credentials.api_key:
        return gateway_error(403, "403003", "Api Key is invalid")
    org = request.headers.get("x-gw-ims-org-id", "").strip()
    if not org:
        return gateway_error(400, "400003", "Missing header: x-gw-ims-org-id")
    if org != state.credentials.ims_org:
        return gateway_error(403, "403025", "Profile is not valid")
    return client


def check(request: Request, body_types: tuple[str, ...] | None) -> Response | Context:
    """Run the gateway checks; an error response, or the call's context."""
    state: SandboxState = request.app.state.sandbox
    client = _credentials(request, state)
    if isinstance(client, Response):
        return client
    name = request.headers.get("x-sandbox-name", "").strip() or None
    box = state.sandbox(name)
    if box is None:
        return problem(403, "Forbidden", f"Sandbox '{name}' not found or not accessible")
    if body_types is not None and has_body(request) and not content_type_ok(request, body_types):
        return problem(400, "BadRequestError", "A valid content-type must be specified")
    return Context(state=state, box=box, client_id=client)


def platform(body_types: tuple[str, ...] | None = JSON_TYPES) -> Callable[[Handler], Endpoint]:
    """Decorate a handler ``(request, ctx)`` into an endpoint guarded by the gateway."""

    def wrap(handler: Handler) -> Endpoint:
        async def endpoint(request: Request) -> Response:
            ctx = check(request, body_types if request.method in ("POST", "PUT", "PATCH") else None)
            if isinstance(ctx, Response):
                return ctx
            return await handler(request, ctx)

        endpoint.__name__ = handler.__name__
        return endpoint

    return wrap
