"""Real-time Customer Profile access API (``/data/core/ups/access/entities``), with the
profile API's documented rate limit (429)."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from harness.sandbox import lifecycle, profiles
from harness.sandbox.gateway import PROBLEM, Context, json_response, platform
from harness.sandbox.routes_catalog import read_json

BASE = "/data/core/ups/access/entities"
PROFILE = "_xdm.context.profile"
EVENTS = "_xdm.context.experienceevent"
TOO_MANY = [{"message": "Too many requests", "retryAfterMs": "500", "statusCode": "429"}]


def _status(status: int, title: str, detail: str) -> Any:
    return {
        "type": f"{PROBLEM}EMU-3000-{status}",
        "statusCode": str(status),
        "status": status,
        "title": title,
        "message": detail,
    }


def _fail(status: int, title: str, detail: str) -> Response:
    return json_response(_status(status, title, detail), status)


def _limited(ctx: Context) -> Response | None:
    if ctx.state.take_rate_token(ctx.box):
        return None
    return json_response(TOO_MANY, 429, {"Retry-After": "1"})


def _fields(raw: Any) -> list[str] | None:
    if isinstance(raw, str):
        return [f.strip() for f in raw.split(",") if f.strip()] or None
    if isinstance(raw, list):
        return [str(f) for f in raw] or None
    return None


@platform()
async def get_entity(request: Request, ctx: Context) -> Response:
    limited = _limited(ctx)
    if limited is not None:
        return limited
    q = request.query_params
    schema = q.get("schema.name", "").strip()
    if not schema:
        return _fail(422, "UnprocessableEntity", "The schema.name query parameter is required")
    if schema == EVENTS:
        return json_response({"_page": {"count": 0, "next": ""}, "children": []})
    if schema != PROFILE:
        return _fail(422, "UnprocessableEntity", f"Unsupported schema.name '{schema}'")
    entity_id = q.get("entityId", "").strip()
    if not entity_id:
        return _fail(422, "UnprocessableEntity", "The entityId query parameter is required")
    namespace = q.get("entityIdNS", "").strip() or None
    with ctx.state.lock:
        lifecycle.refresh(ctx.state, ctx.box)
        key = profiles.find(ctx.box, entity_id, namespace)
        if key is None:
            what = f"{namespace}:{entity_id}" if namespace else entity_id
            return _fail(404, "NotFound", f"Profile with identity {what} was not found")
        body = {key: profiles.render(ctx.box, key, _fields(q.get("fields", "")))}
    return json_response(body)


def _identities(body: Any) -> list[tuple[str, str | None]] | None:
    idents = body.get("identities") if isinstance(body, dict) else None
    if not isinstance(idents, list) or not idents:
        return None
    out: list[tuple[str, str | None]] = []
    for ident in idents:
        if not isinstance(ident, dict) or not ident.get("entityId"):
            return None
        ns = ident.get("entityIdNS")
        code = ns.get("code") if isinstance(ns, dict) else ns
        out.append((str(ident["entityId"]), str(code) if code else None))
    return out


@platform()
async def post_entities(request: Request, ctx: Context) -> Response:
    limited = _limited(ctx)
    if limited is not None:
        return limited
    body = await read_json(request)
    if isinstance(body, Response):
        return body
    schema = body.get("schema") if isinstance(body, dict) else None
    if not isinstance(schema, dict) or schema.get("name") != PROFILE:
        return _fail(422, "UnprocessableEntity", f"schema.name must be '{PROFILE}'")
    idents = _identities(body)
    if idents is None:
        return _fail(422, "UnprocessableEntity", "identities must list {entityId, entityIdNS}")
    found: dict[str, Any] = {}
    missing: dict[str, Any] = {}
    with ctx.state.lock:
        lifecycle.refresh(ctx.state, ctx.box)
        for entity_id, ns in idents:
            key = profiles.find(ctx.box, entity_id, ns)
            what = f"{ns}:{entity_id}" if ns else entity_id
            if key is None:
                missing[what] = _status(404, "NotFound", f"Profile {what} was not found")
            else:
                found[key] = profiles.render(ctx.box, key, _fields(body.get("fields")))
    if not found:
        return _fail(404, "NotFound", "None of the requested profiles was found")
    return json_response({**found, **missing}, 207 if missing else 200)


routes = [
    Route(BASE, get_entity, methods=["GET"]),
    Route(BASE, post_entities, methods=["POST"]),
]
