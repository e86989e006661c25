"""Adobe IMS: OAuth server-to-server tokens (``/ims/token/v3``, ``/v2``) and the legacy
JWT exchange (``/ims/exchange/jwt``) used by Adobe's IMS Postman collection."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from harness.sandbox.gateway import json_response
from harness.sandbox.lifecycle import BatchError
from harness.sandbox.state import SandboxState
from harness.sandbox.uploads import parse_form


def _ims_error(status: int, error: str, description: str) -> Response:
    return json_response({"error": error, "error_description": description}, status)


async def _params(request: Request) -> dict[str, str] | Response:
    params = dict(request.query_params)
    try:
        params.update(parse_form(await request.body(), request.headers.get("content-type", "")))
    except BatchError as exc:
        return _ims_error(400, "invalid_request", exc.message)
    return params


def _client_error(state: SandboxState, params: dict[str, str]) -> Response | None:
    client_id = params.get("client_id", "")
    if not client_id:
        return _ims_error(400, "invalid_request", "client_id parameter is missing")
    creds = state.credentials
    if client_id != creds.client_id or params.get("client_secret", "") != creds.client_secret:
        return _ims_error(401, "invalid_client", "invalid client_id or client_secret")
    return None


async def token(request: Request) -> Response:
    """``grant_type=client_credentials`` → access token (``expires_in`` in seconds on v3)."""
    state: SandboxState = request.app.state.sandbox
    params = await _params(request)
    if isinstance(params, Response):
        return params
    if params.get("grant_type", "") != "client_credentials":
        return _ims_error(400, "unsupported_grant_type", "grant_type must be client_credentials")
    error = _client_error(state, params)
    if error is not None:
        return error
    access, ttl = state.issue_token(params["client_id"])
    millis = request.url.path.rstrip("/").endswith("/v2")
    expires = int(ttl * 1000) if millis else int(ttl)
    return json_response({"access_token": access, "token_type": "bearer", "expires_in": expires})


def _looks_like_jwt(value: str) -> bool:
    parts = value.split(".")
    return len(parts) == 3 and all(parts[:2])


async def jwt_exchange(request: Request) -> Response:
    """Legacy service-account exchange: client id/secret plus a signed ``jwt_token``."""
    state: SandboxState = request.app.state.sandbox
    params = await _params(request)
    if isinstance(params, Response):
        return params
    error = _client_error(state, params)
    if error is not None:
        return error
    if not _looks_like_jwt(params.get("jwt_token", "")):
        return _ims_error(400, "invalid_token", "jwt_token is missing or not a JWT")
    access, ttl = state.issue_token(params["client_id"])
    body = {"access_token": access, "token_type": "bearer", "expires_in": int(ttl * 1000)}
    return json_response(body)


routes = [
    Route("/ims/token/v3", token, methods=["POST"]),
    Route("/ims/token/v2", token, methods=["POST"]),
    Route("/ims/exchange/jwt", jwt_exchange, methods=["POST"]),
    Route("/ims/exchange/jwt/", jwt_exchange, methods=["POST"]),
]
