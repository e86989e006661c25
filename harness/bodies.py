"""Request bodies as Newman sends them; files are streamed from disk, never read whole.

- raw: UTF-8 text; ``Content-Type`` from ``options.raw.language`` when the user set none
  (json, xml, javascript, html, text; default text/plain). JSON bodies lose their ``//`` and
  ``/* */`` comments (Newman strips them).
- urlencoded: every byte but ``A-Za-z0-9-_.~`` percent-encoded, duplicate keys grouped at the
  key's first position (Node's ``querystring.stringify`` over an object).
- formdata: multipart with text and file parts; file parts streamed; per-part contentType.
- file: the file streamed as the whole body; Content-Length from its size.
- graphql: ``{"query":...,"variables":<as written>}``; variables omitted when empty.
"""

from __future__ import annotations

import base64
import json
import mimetypes
import os
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import httpx

from harness.model import (
    Body,
    FileBody,
    FormDataBody,
    GraphQLBody,
    Param,
    RawBody,
    UrlEncodedBody,
)

CHUNK = 64 * 1024
PRUNED_METHODS = frozenset(("GET", "COPY", "HEAD", "PURGE", "UNLOCK"))
LANGUAGE_TYPES = {
    "html": "text/html", "text": "text/plain", "json": "application/json",
    "javascript": "application/javascript", "xml": "application/xml",
}
_JSON_TYPE = re.compile(r"^application/(\S+\+)?json")
_MIME = mimetypes.MimeTypes()


@dataclass
class Part:
    head: bytes  # boundary line + part headers + blank line
    data: bytes = b""
    file: Path | None = None
    size: int = 0


@dataclass
class BodyPlan:
    """What to send, and the headers it brings (each at Newman's point in the order)."""

    data: bytes | None = None
    file: Path | None = None
    parts: list[Part] = field(default_factory=list)
    boundary: str = ""
    early_type: str | None = None  # before auth (raw json)
    late_type: str | None = None  # after auth (raw, graphql)
    tail_type: str | None = None  # after system headers (urlencoded, formdata, file)
    length: int = 0
    note: str = ""
    hash_source: bytes | Path | None = None  # unpruned content, for awsv4 / digest
    sent: bool = False  # a body goes on the wire (else maybe Content-Length: 0)

    def stream(self) -> httpx.SyncByteStream:
        if self.file is not None:
            return FileStream(self.file)
        if self.parts:
            return MultipartStream(self.parts, self.boundary)
        return httpx.ByteStream(self.data or b"")


class FileStream(httpx.SyncByteStream):
    def __init__(self, path: Path) -> None:
        self.path = path

    def __iter__(self) -> Iterator[bytes]:
        with self.path.open("rb") as handle:
            while chunk := handle.read(CHUNK):
                yield chunk


class MultipartStream(httpx.SyncByteStream):
    def __init__(self, parts: list[Part], boundary: str) -> None:
        self.parts = parts
        self.boundary = boundary

    def __iter__(self) -> Iterator[bytes]:
        for part in self.parts:
            yield part.head
            if part.file is not None:
                yield from FileStream(part.file)
            else:
                yield part.data
            yield b"\r\n"
        yield f"--{self.boundary}--\r\n".encode()


def is_pruned(method: str, behavior: dict[str, object] | None) -> bool:
    return method in PRUNED_METHODS and not (behavior or {}).get("disableBodyPruning")


def plan_body(
    body: Body | None, content_type: str | None, working_dir: Path, warnings: list[str],
    pruned: bool,
) -> BodyPlan:
    """The body to send (empty plan when none); ``content_type`` is the user's header."""
    if body is None or body.disabled:
        return BodyPlan()
    if isinstance(body, RawBody):
        return _raw(body, content_type, pruned)
    if isinstance(body, GraphQLBody):
        return _graphql(body, pruned)
    if isinstance(body, UrlEncodedBody):
        return _urlencoded(body, pruned)
    if isinstance(body, FileBody):
        return _file(body, working_dir, warnings, pruned)
    return _formdata(body, working_dir, warnings, pruned)


def _in_memory(data: bytes, pruned: bool, **kwargs: object) -> BodyPlan:
    plan = BodyPlan(hash_source=data, **kwargs)  # type: ignore[arg-type]
    if not pruned:
        plan.data, plan.length, plan.sent = data, len(data), True
    return plan


def _raw(body: RawBody, content_type: str | None, pruned: bool) -> BodyPlan:
    if body.raw == "":
        return BodyPlan()
    text = body.raw
    language = body.language
    json_like = language == "json" or (
        not language and content_type is not None and bool(_JSON_TYPE.match(content_type))
    )
    if json_like and ("//" in text or "/*" in text):
        text = strip_json_comments(text)
    the_type = LANGUAGE_TYPES.get(language or "text", "text/plain")
    early = the_type if language == "json" and not pruned else None
    late = None if early or pruned else the_type
    return _in_memory(text.encode("utf-8"), pruned, early_type=early, late_type=late)


def _graphql(body: GraphQLBody, pruned: bool) -> BodyPlan:
    pieces = ['"query":' + json.dumps(body.query, ensure_ascii=False)]
    if body.variables != "":
        pieces.append('"variables":' + body.variables)
    data = ("{" + ",".join(pieces) + "}").encode("utf-8")
    return _in_memory(data, pruned, late_type=None if pruned else "application/json")


def urlencode_params(params: tuple[Param, ...]) -> bytes:
    grouped: dict[str, list[str]] = {}
    for param in params:
        if not param.disabled:
            grouped.setdefault(param.key, []).append(param.value)
    return "&".join(
        f"{quote(k, safe='')}={quote(v, safe='')}" for k, vs in grouped.items() for v in vs
    ).encode("ascii")


def _urlencoded(body: UrlEncodedBody, pruned: bool) -> BodyPlan:
    if all(p.disabled for p in body.params):
        return BodyPlan()
    return _in_memory(
        urlencode_params(body.params), pruned,
        tail_type=None if pruned else "application/x-www-form-urlencoded",
    )


def resolve_path(src: str, working_dir: Path) -> Path:
    path = Path(src).expanduser()
    return path if path.is_absolute() else working_dir / path


def _file(body: FileBody, working_dir: Path, warnings: list[str], pruned: bool) -> BodyPlan:
    if not body.src:
        if body.content:
            return _in_memory(base64.b64decode(body.content), pruned)
        return BodyPlan()
    path = resolve_path(body.src, working_dir)
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise IsADirectoryError(f"not a file: {path}")
    except OSError as exc:
        warnings.append(f"Binary file load error: {_why(exc, path)}")
        return BodyPlan()
    plan = BodyPlan(hash_source=path, note=f"<file {path.name}, {size:,} bytes>")
    if not pruned:
        plan.file, plan.length, plan.sent = path, size, True
        plan.tail_type = _MIME.guess_type(path.name)[0]
    return plan


def _why(exc: OSError, path: Path) -> str:
    if isinstance(exc, FileNotFoundError):
        return f"no such file or directory: {path}"
    return f"{exc.strerror or exc}: {path}"


def _disposition(name: str, filename: str | None) -> str:
    def clean(text: str) -> str:
        return text.replace('"', "%22").replace("\r", "%0D").replace("\n", "%0A")

    out = f'Content-Disposition: form-data; name="{clean(name)}"'
    return out if filename is None else out + f'; filename="{clean(filename)}"'


def _formdata(
    body: FormDataBody, working_dir: Path, warnings: list[str], pruned: bool
) -> BodyPlan:
    if pruned or all(p.disabled for p in body.params):
        return BodyPlan()
    boundary = "-" * 26 + "".join(random.choices("0123456789", k=24))
    parts: list[Part] = []
    for param in body.params:
        if not param.disabled:
            parts.extend(_form_parts(param, boundary, working_dir, warnings))
    if not parts:
        return BodyPlan()
    length = sum(len(p.head) + p.size + 2 for p in parts) + len(boundary) + 6
    files = [f"{p.file.name} ({p.size:,} bytes)" for p in parts if p.file is not None]
    plan = BodyPlan(parts=parts, boundary=boundary, length=length, sent=True,
                    tail_type=f"multipart/form-data; boundary={boundary}")
    if files:
        plan.note = f"<multipart, {len(parts)} parts, files: {', '.join(files)}>"
    else:
        plan.data = b"".join(b"".join((p.head, p.data, b"\r\n")) for p in parts)
        plan.data += f"--{boundary}--\r\n".encode()
        plan.parts = []
    return plan


def _form_parts(
    param: Param, boundary: str, working_dir: Path, warnings: list[str]
) -> list[Part]:
    def head(filename: str | None, ctype: str | None) -> bytes:
        lines = [f"--{boundary}", _disposition(param.key, filename)]
        if ctype:
            lines.append(f"Content-Type: {ctype}")
        return ("\r\n".join(lines) + "\r\n\r\n").encode("utf-8")

    if param.type != "file":
        data = param.value.encode("utf-8")
        return [Part(head(None, param.content_type), data, size=len(data))]
    if not param.src:
        if param.value:
            data = base64.b64decode(param.value)
            return [Part(head(None, param.content_type), data, size=len(data))]
        warnings.append(f"Form param `{param.key}`, file load error: missing file source")
        return [Part(head("", param.content_type or "application/octet-stream"))]
    parts = []
    for src in param.src:
        path = resolve_path(src, working_dir)
        try:
            size = os.stat(path).st_size
        except OSError as exc:
            warnings.append(f"Form param `{param.key}`, file load error: {_why(exc, path)}")
            continue
        ctype = param.content_type or _MIME.guess_type(path.name)[0] or "application/octet-stream"
        parts.append(Part(head(path.name, ctype), file=path, size=size))
    return parts


def strip_json_comments(text: str) -> str:
    """Remove ``//`` and ``/* */`` comments outside JSON strings (strip-json-comments)."""
    out: list[str] = []
    i, n, start = 0, len(text), 0
    in_string = False
    while i < n:
        ch = text[i]
        if in_string:
            if ch == "\\":
                i += 2
                continue
            if ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch == "/" and i + 1 < n and text[i + 1] in "/*":
            out.append(text[start:i])
            if text[i + 1] == "/":
                end = text.find("\n", i)
                i = n if end == -1 else (end - 1 if text[end - 1] == "\r" else end)
            else:
                end = text.find("*/", i + 2)
                i = n if end == -1 else end + 2
            start = i
            continue
        i += 1
    out.append(text[start:])
    return "".join(out)
