"""Request bodies: streamed to disk (files, file chunks) or parsed whole (small forms).

An upload is written chunk by chunk as it arrives from ``request.stream()``; a multipart body
is unwrapped on the fly (its first part is the file), so memory stays flat for any size.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from urllib.parse import parse_qsl

from starlette.requests import Request

from harness.sandbox.lifecycle import BatchError

SMALL_FILE_LIMIT = 256 << 20


def media_type(content_type: str) -> str:
    return content_type.split(";", 1)[0].strip().lower()


def boundary_of(content_type: str) -> bytes:
    for param in content_type.split(";")[1:]:
        key, _, value = param.strip().partition("=")
        if key.strip().lower() == "boundary" and value:
            return value.strip().strip('"').encode("latin-1")
    raise BatchError("multipart/form-data body without a boundary")


async def _first_part(stream: AsyncIterator[bytes], boundary: bytes) -> AsyncIterator[bytes]:
    """The bytes of the first part of a multipart stream."""
    opening = b"--" + boundary
    sentinel = b"\r\n--" + boundary
    buf = b""
    started = False
    async for chunk in stream:
        buf += chunk
        if not started:
            start = buf.find(opening)
            head_end = buf.find(b"\r\n\r\n", start) if start >= 0 else -1
            if head_end < 0:
                if len(buf) > 65536:
                    raise BatchError("malformed multipart body")
                continue
            buf, started = buf[head_end + 4 :], True
        end = buf.find(sentinel)
        if end >= 0:
            yield buf[:end]
            async for _rest in stream:
                pass
            return
        keep = len(sentinel) - 1
        if len(buf) > keep:
            yield buf[:-keep]
            buf = buf[-keep:]
    if started:
        raise BatchError("malformed multipart body: no closing boundary")


def body_stream(request: Request) -> AsyncIterator[bytes]:
    """The uploaded bytes: the raw body, or the first part of a multipart body."""
    content_type = request.headers.get("content-type", "")
    if media_type(content_type) == "multipart/form-data":
        return _first_part(request.stream(), boundary_of(content_type))
    return request.stream()


async def save_file(request: Request, dest: Path, limit: int = SMALL_FILE_LIMIT) -> int:
    """Stream the body to ``dest`` (replacing it atomically); return its size."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    part = dest.with_name(f"{dest.name}.{uuid.uuid4().hex}.part")
    size = 0
    try:
        with part.open("wb") as fh:
            async for chunk in body_stream(request):
                size += len(chunk)
                if size > limit:
                    raise BatchError(f"File exceeds {limit} bytes: use the large file upload", 413)
                fh.write(chunk)
        os.replace(part, dest)
    finally:
        part.unlink(missing_ok=True)
    return size


async def write_chunk(request: Request, dest: Path, offset: int, length: int) -> int:
    """Write one Content-Range chunk at ``offset``; the body must be exactly ``length`` bytes."""
    written = 0
    with dest.open("r+b" if dest.exists() else "w+b") as fh:
        fh.seek(offset)
        async for chunk in body_stream(request):
            written += len(chunk)
            if written > length:
                raise BatchError("The chunk is longer than its Content-Range")
            fh.write(chunk)
    if written != length:
        raise BatchError(f"The chunk has {written} bytes, its Content-Range says {length}")
    return written


def parse_content_range(value: str | None) -> tuple[int, int, int]:
    """``bytes START-END/TOTAL`` → (start, end, total); raise on anything else."""
    if not value:
        raise BatchError("Content-Range header is required")
    unit, _, spec = value.strip().partition(" ")
    span, _, total_s = spec.partition("/")
    start_s, _, end_s = span.partition("-")
    try:
        start, end, total = int(start_s), int(end_s), int(total_s)
    except ValueError:
        raise BatchError(f"Invalid Content-Range: {value!r}") from None
    if unit.lower() != "bytes" or start < 0 or end < start or end >= total:
        raise BatchError(f"Invalid Content-Range: {value!r}")
    return start, end, total


def _multipart_fields(body: bytes, boundary: bytes) -> dict[str, str]:
    fields: dict[str, str] = {}
    for part in body.split(b"--" + boundary)[1:]:
        head, sep, data = part.partition(b"\r\n\r\n")
        if not sep:
            continue
        name = ""
        for line in head.decode("latin-1").split("\r\n"):
            if line.lower().startswith("content-disposition"):
                for item in line.split(";"):
                    key, _, value = item.strip().partition("=")
                    if key == "name":
                        name = value.strip('"')
        if name:
            fields[name] = data.removesuffix(b"\r\n").decode("utf-8", "replace")
    return fields


def parse_form(body: bytes, content_type: str) -> dict[str, str]:
    """A small urlencoded or multipart form as a dict (IMS token requests)."""
    kind = media_type(content_type)
    if kind == "multipart/form-data":
        return _multipart_fields(body, boundary_of(content_type))
    if kind in ("application/x-www-form-urlencoded", "") and body:
        return dict(parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True))
    return {}
