"""Catalog Service (``/data/foundation/catalog``): datasets and batches, keyed by id."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from harness.sandbox import lifecycle
from harness.sandbox.gateway import Context, bad_request, json_response, not_found, platform
from harness.sandbox.state import Dataset, JsonDict, SandboxState

BASE = "/data/foundation/catalog"
DEFAULT_LIMIT = 20
MAX_LIMIT = 100


def render_dataset(state: SandboxState, ds: Dataset) -> JsonDict:
    out: JsonDict = {
        "name": ds.name,
        "description": ds.description,
        "imsOrg": state.credentials.ims_org,
        "tags": {k: list(v) for k, v in ds.tags.items()},
        "version": "1.0.0",
        "created": ds.created,
        "updated": ds.updated,
        "createdClient": state.credentials.client_id,
        "viewId": hashlib.sha1(ds.id.encode()).hexdigest()[:24],
        "state": "ENABLED",
        "files": f"@/dataSetFiles?dataSetId={ds.id}",
        "schemaRef": dict(ds.schema_ref),
    }
    if ds.last_batch_id:
        out["lastBatchId"] = ds.last_batch_id
        out["lastBatchStatus"] = ds.last_batch_status
    return out


def _select(obj: JsonDict, properties: str) -> JsonDict:
    wanted = [p.strip() for p in properties.split(",") if p.strip()]
    return {k: v for k, v in obj.items() if k in wanted} if wanted else obj


def _paging(request: Request) -> tuple[int, int] | Response:
    raw_limit = request.query_params.get("limit", "").strip()
    raw_start = request.query_params.get("start", "").strip()
    try:
        limit = int(raw_limit) if raw_limit else DEFAULT_LIMIT
        start = int(raw_start) if raw_start else 0
    except ValueError:
        return bad_request("limit and start must be integers")
    if limit < 1 or limit > MAX_LIMIT:
        return bad_request(f"limit must be between 1 and {MAX_LIMIT}")
    if start < 0:
        return bad_request("start must not be negative")
    return limit, start


def _page(items: list[tuple[str, JsonDict]], paging: tuple[int, int], props: str) -> JsonDict:
    limit, start = paging
    return {key: _select(obj, props) for key, obj in items[start : start + limit]}


@platform()
async def list_datasets(request: Request, ctx: Context) -> Response:
    paging = _paging(request)
    if isinstance(paging, Response):
        return paging
    name = request.query_params.get("name", "")
    with ctx.state.lock:
        lifecycle.refresh(ctx.state, ctx.box)
        items = [
            (ds.id, render_dataset(ctx.state, ds))
            for ds in ctx.box.datasets.values()
            if not name or ds.name == name
        ]
    return json_response(_page(items, paging, request.query_params.get("properties", "")))


@platform()
async def get_dataset(request: Request, ctx: Context) -> Response:
    ds_id = request.path_params["dataset_id"]
    with ctx.state.lock:
        lifecycle.refresh(ctx.state, ctx.box)
        ds = ctx.box.datasets.get(ds_id)
        if ds is None:
            return not_found(f"Dataset '{ds_id}' not found")
        body = render_dataset(ctx.state, ds)
    return json_response({ds_id: _select(body, request.query_params.get("properties", ""))})


async def read_json(request: Request) -> Any:
    """The JSON body, or a 400 response."""
    try:
        return json.loads(await request.body() or b"null")
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        return bad_request(f"The request body is not valid JSON: {exc}")


@platform()
async def create_dataset(request: Request, ctx: Context) -> Response:
    body = await read_json(request)
    if isinstance(body, Response):
        return body
    if not isinstance(body, dict) or not isinstance(body.get("name"), str) or not body["name"]:
        return bad_request("A dataset needs a non-empty 'name'")
    if "schemaRef" in body and not isinstance(body["schemaRef"], dict):
        return bad_request("schemaRef must be an object")
    ds = ctx.state.create_dataset(ctx.box, body)
    location = f"{request.base_url}{BASE.lstrip('/')}/dataSets/{ds.id}"
    return json_response([f"@/dataSets/{ds.id}"], 201, {"Location": location})


@platform()
async def list_batches(request: Request, ctx: Context) -> Response:
    paging = _paging(request)
    if isinstance(paging, Response):
        return paging
    dataset = request.query_params.get("dataSet", "")
    status = request.query_params.get("status", "")
    with ctx.state.lock:
        lifecycle.refresh(ctx.state, ctx.box)
        items = [
            (b.id, lifecycle.render(ctx.state, b))
            for b in reversed(list(ctx.box.batches.values()))
            if (not dataset or b.dataset_id == dataset) and (not status or b.status == status)
        ]
    return json_response(_page(items, paging, request.query_params.get("properties", "")))


@platform()
async def get_batch(request: Request, ctx: Context) -> Response:
    batch_id = request.path_params["batch_id"]
    with ctx.state.lock:
        lifecycle.refresh(ctx.state, ctx.box)
        batch = ctx.box.batches.get(batch_id)
        if batch is None:
            return not_found(f"Batch '{batch_id}' not found")
        return json_response({batch_id: lifecycle.render(ctx.state, batch)})


routes = [
    Route(f"{BASE}/dataSets", list_datasets, methods=["GET"]),
    Route(f"{BASE}/dataSets", create_dataset, methods=["POST"]),
    Route(f"{BASE}/dataSets/{{dataset_id}}", get_dataset, methods=["GET"]),
    Route(f"{BASE}/batches", list_batches, methods=["GET"]),
    Route(f"{BASE}/batches/{{batch_id}}", get_batch, methods=["GET"]),
]
