"""Batch ingestion (``/data/foundation/import``): batches, small and large file uploads,
batch actions and the preview."""

from __future__ import annotations

import hashlib
from pathlib import Path, PurePosixPath

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from harness.sandbox import lifecycle, profiles
from harness.sandbox.gateway import FILE_TYPES, Context, json_response, platform, problem
from harness.sandbox.ingest import parse_batch, preview_rows
from harness.sandbox.lifecycle import BatchError
from harness.sandbox.routes_catalog import read_json
from harness.sandbox.state import Batch, BatchFile, LargeFile
from harness.sandbox.uploads import parse_content_range, save_file, write_chunk

BASE = "/data/foundation/import"
FILE_ROUTE = BASE + "/batches/{batch_id}/datasets/{dataset_id}/files/{file_path:path}"
ACTIONS = ("COMPLETE", "ABORT", "FAIL", "REVERT")


def _error(exc: BatchError) -> Response:
    title = {404: "NotFoundError", 413: "PayloadTooLargeError"}.get(exc.status, "BadRequestError")
    return problem(exc.status, title, exc.message, f"EMU-2000-{exc.status}")


def _one() -> Response:
    return Response(b"1", media_type="application/json")


def _file_path(request: Request) -> str:
    path = request.path_params["file_path"]
    parts = PurePosixPath(path).parts
    if not path or path.startswith("/") or any(p in ("..", ".") for p in parts):
        raise BatchError(f"Invalid filePath: {path!r}")
    return str(path)


def _disk_path(ctx: Context, batch: Batch, path: str) -> Path:
    name = hashlib.sha1(path.encode()).hexdigest()
    return ctx.state.batch_dir(ctx.box, batch.id) / name


def _target(request: Request, ctx: Context) -> tuple[Batch, str, Path]:
    p = request.path_params
    batch = lifecycle.loading_batch(ctx.state, ctx.box, p["batch_id"], p["dataset_id"])
    path = _file_path(request)
    with ctx.state.lock:
        if path not in batch.files and len(batch.files) >= ctx.state.max_files_per_batch:
            limit = ctx.state.max_files_per_batch
            raise BatchError(f"A batch holds at most {limit} files")
    return batch, path, _disk_path(ctx, batch, path)


def _register(ctx: Context, batch: Batch, entry: BatchFile) -> None:
    with ctx.state.lock:
        if batch.status != "loading":
            raise BatchError(f"Batch '{batch.id}' is '{batch.status}': it no longer accepts files")
        batch.files[entry.path] = entry


@platform()
async def create_batch(request: Request, ctx: Context) -> Response:
    body = await read_json(request)
    if isinstance(body, Response):
        return body
    try:
        batch = lifecycle.create(ctx.state, ctx.box, body, ctx.client_id)
    except BatchError as exc:
        return _error(exc)
    with ctx.state.lock:
        return json_response(lifecycle.render(ctx.state, batch), 201)


async def _complete(ctx: Context, batch: Batch) -> None:
    files = lifecycle.start_complete(ctx.state, ctx.box, batch)
    if not files:
        outcome = lifecycle.no_files_outcome()
    else:
        keep = profiles.batch_keeps(batch, ctx.box)
        outcome = await run_in_threadpool(parse_batch, files, batch.input_format, keep)
    lifecycle.set_outcome(ctx.state, batch, outcome)


@platform(body_types=None)
async def batch_action(request: Request, ctx: Context) -> Response:
    batch_id = request.path_params["batch_id"]
    name = request.query_params.get("action", "").upper()
    try:
        if name not in ACTIONS:
            raise BatchError(f"action must be one of {', '.join(ACTIONS)}")
        with ctx.state.lock:
            batch = ctx.box.batches.get(batch_id)
        if batch is None:
            raise BatchError(f"Batch '{batch_id}' not found", 404)
        if name == "COMPLETE":
            await _complete(ctx, batch)
        else:
            lifecycle.action(ctx.state, ctx.box, batch, name)
    except BatchError as exc:
        return _error(exc)
    return _one()


@platform(body_types=FILE_TYPES)
async def upload_file(request: Request, ctx: Context) -> Response:
    try:
        batch, path, disk = _target(request, ctx)
        size = await save_file(request, disk)
        _register(ctx, batch, BatchFile(path, disk, size))
    except BatchError as exc:
        return _error(exc)
    return _one()


def _initialize(ctx: Context, batch: Batch, path: str, disk: Path) -> Response:
    disk.write_bytes(b"")
    _register(ctx, batch, BatchFile(path, disk, 0, LargeFile()))
    return Response(status_code=201)


def _finish_large(ctx: Context, batch: Batch, path: str) -> Response:
    with ctx.state.lock:
        entry = batch.files.get(path)
        if entry is None or entry.large is None:
            raise BatchError(f"File '{path}' was not initialized as a large file")
        large = entry.large
        ranges = sorted(large.ranges)
        if not ranges or large.total is None:
            raise BatchError(f"File '{path}' has no chunks")
        for (_s1, e1), (s2, _e2) in zip(ranges, ranges[1:], strict=False):
            if s2 <= e1:
                raise BatchError(f"File '{path}' has overlapping chunks at byte {s2}")
            if s2 != e1 + 1:
                raise BatchError(f"File '{path}' is missing bytes {e1 + 1}-{s2 - 1}")
        if ranges[0][0] != 0 or ranges[-1][1] != large.total - 1:
            raise BatchError(f"File '{path}' is missing chunks (total {large.total} bytes)")
        large.complete, entry.size = True, large.total
    return Response(status_code=201)


@platform(body_types=FILE_TYPES + ("application/json",))
async def large_file_action(request: Request, ctx: Context) -> Response:
    name = request.query_params.get("action", "").upper()
    try:
        batch, path, disk = _target(request, ctx)
        if name == "INITIALIZE":
            return _initialize(ctx, batch, path, disk)
        if name == "COMPLETE":
            return _finish_large(ctx, batch, path)
        raise BatchError("action must be INITIALIZE or COMPLETE")
    except BatchError as exc:
        return _error(exc)


def _large_entry(batch: Batch, path: str) -> LargeFile:
    entry = batch.files.get(path)
    if entry is None or entry.large is None:
        raise BatchError(f"File '{path}' was not initialized (POST ?action=INITIALIZE)")
    if entry.large.complete:
        raise BatchError(f"File '{path}' is already complete")
    return entry.large


@platform(body_types=FILE_TYPES)
async def upload_chunk(request: Request, ctx: Context) -> Response:
    try:
        batch, path, disk = _target(request, ctx)
        start, end, total = parse_content_range(request.headers.get("content-range"))
        with ctx.state.lock:
            large = _large_entry(batch, path)
            if large.total is not None and large.total != total:
                raise BatchError(f"Content-Range total {total} differs from {large.total}")
            large.total = total
        await write_chunk(request, disk, start, end - start + 1)
        with ctx.state.lock:
            if (start, end) not in large.ranges:
                large.ranges.append((start, end))
    except BatchError as exc:
        return _error(exc)
    return Response(status_code=200)


def _merged(ranges: list[tuple[int, int]]) -> str:
    spans: list[list[int]] = []
    for start, end in sorted(ranges):
        if spans and start <= spans[-1][1] + 1:
            spans[-1][1] = max(spans[-1][1], end)
        else:
            spans.append([start, end])
    return ",".join(f"{s}-{e}" for s, e in spans)


@platform(body_types=None)
async def file_status(request: Request, ctx: Context) -> Response:
    p = request.path_params
    with ctx.state.lock:
        batch = ctx.box.batches.get(p["batch_id"])
        entry = batch.files.get(p["file_path"]) if batch else None
        if entry is None:
            return Response(status_code=404)
        if entry.large is not None:
            spans = _merged(entry.large.ranges)
        else:
            spans = f"0-{entry.size - 1}" if entry.size else ""
    headers = {"Range": f"bytes={spans}" if spans else "bytes=", "Content-Length": "0"}
    return Response(status_code=200, headers=headers)


@platform(body_types=None)
async def preview(request: Request, ctx: Context) -> Response:
    p = request.path_params
    raw = request.query_params.get("nrow", "").strip()
    limit = int(raw) if raw.isdigit() and int(raw) > 0 else 100
    with ctx.state.lock:
        batch = ctx.box.batches.get(p["batch_id"])
        if batch is None or batch.dataset_id != p["dataset_id"]:
            return _error(BatchError("Batch not found for this dataset", 404))
        files = [(f.path, f.disk_path) for f in batch.files.values() if not f.large]
        files += [(f.path, f.disk_path) for f in batch.files.values() if f.large and f.size]
    rows = await run_in_threadpool(preview_rows, files, batch.input_format, limit)
    return json_response({"data": rows})


routes = [
    Route(f"{BASE}/batches", create_batch, methods=["POST"]),
    Route(f"{BASE}/batches/{{batch_id}}", batch_action, methods=["POST"]),
    Route(f"{BASE}/batches/{{batch_id}}/datasets/{{dataset_id}}/preview", preview, methods=["GET"]),
    Route(FILE_ROUTE, upload_file, methods=["PUT"]),
    Route(FILE_ROUTE, large_file_action, methods=["POST"]),
    Route(FILE_ROUTE, upload_chunk, methods=["PATCH"]),
    Route(FILE_ROUTE, file_status, methods=["HEAD"]),
]
