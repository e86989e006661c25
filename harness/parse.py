"""Postman collection files (format v2.0 and v2.1) into the model of :mod:`harness.model`.

A broken request (missing ``request``, a bad url, an unknown body mode, ...) or a broken
folder does not stop loading: it becomes a :class:`RequestItem` carrying the
:class:`InputError` and fails when run. Only a broken root (not an object, no ``item``
list, a v1 collection) raises. Every error names the file and the JSON pointer.
"""

from __future__ import annotations

import os
import uuid
from typing import Any

from harness._pointer import (
    as_list,
    as_obj,
    behavior,
    description,
    fail,
    join,
    load_json,
    opt_list,
    opt_str,
    scalar_text,
    variables,
)
from harness.errors import InputError
from harness.model import Collection, Folder, Node, Request, RequestItem, Script
from harness.parse_request import parse_auth, parse_request, request_to_json
from harness.parse_url import parse_url, url_from_string, url_to_string

__all__ = [
    "load_collection", "parse_collection", "parse_request", "request_to_json", "parse_url",
    "url_from_string", "url_to_string",
]

_EVENTS = ("prerequest", "test")
_V1_HELP = ("this is a collection in the old v1 format ('{}'); harness reads formats v2.0 "
            "and v2.1: export it again from Postman as Collection v2.1")


def load_collection(path: str | os.PathLike[str]) -> Collection:
    """Read and parse a collection file (also the ``{"collection": {...}}`` API wrapper)."""
    source = os.fspath(path)
    return parse_collection(load_json(source), source)


def parse_collection(data: object, source: str = "") -> Collection:
    """The model of a collection's JSON; ``source`` names the file in errors."""
    try:
        return _Parser(source).collection(data)
    except InputError as exc:
        raise exc.located(source) from None


class _Parser:
    def __init__(self, source: str) -> None:
        self.source = source
        self.namespace = uuid.NAMESPACE_URL

    def collection(self, data: object) -> Collection:
        root = as_obj(data, "", "a collection")
        base = ""
        if "item" not in root and isinstance(root.get("collection"), dict):
            root, base = root["collection"], "/collection"
        if "item" not in root:
            for key in ("requests", "order"):
                if key in root:
                    fail(base, _V1_HELP.format(key))
            fail(base, "not a Postman collection: no 'item' list")
        info = root.get("info")
        info = {} if info is None else as_obj(info, join(base, "info"), "'info'")
        where = join(base, "info")
        name = opt_str(info, "name", where)
        ident = _ident(info, where) or str(uuid.uuid5(uuid.NAMESPACE_URL, "harness:" + name))
        self.namespace = uuid.uuid5(uuid.NAMESPACE_URL, "harness:" + ident)
        items = as_list(root["item"], join(base, "item"), "'item'")
        return Collection(
            name=name,
            id=ident,
            items=self.items(items, join(base, "item"), ()),
            schema="v2.0" if "v2.0" in opt_str(info, "schema", where) else "v2.1",
            source=self.source,
            auth=parse_auth(root.get("auth"), join(base, "auth")),
            scripts=scripts(root, base, "collection"),
            variables=variables(root.get("variable"), join(base, "variable")),
            description=description(info, where),
            behavior=behavior(root, base),
            raw=root,
        )

    def items(self, entries: list[Any], pointer: str, path: tuple[str, ...]) -> tuple[Node, ...]:
        out: list[Node] = []
        for i, entry in enumerate(entries):
            where = join(pointer, i)
            try:
                out.append(self.node(entry, where, path))
            except InputError as exc:
                out.append(self.broken(entry, where, path, exc))
        return tuple(out)

    def node(self, entry: object, pointer: str, path: tuple[str, ...]) -> Node:
        obj = as_obj(entry, pointer, "an item")
        name = opt_str(obj, "name", pointer)
        ident = _ident(obj, pointer) or self.generated_id(pointer)
        if obj.get("item") is not None:
            entries = as_list(obj["item"], join(pointer, "item"), "'item'")
            return Folder(
                name=name,
                id=ident,
                items=self.items(entries, join(pointer, "item"), (*path, name)),
                path=path,
                pointer=pointer,
                auth=parse_auth(obj.get("auth"), join(pointer, "auth")),
                scripts=scripts(obj, pointer, f"folder {name}"),
                variables=variables(obj.get("variable"), join(pointer, "variable")),
                description=description(obj, pointer),
                behavior=behavior(obj, pointer),
            )
        if obj.get("request") is None:
            fail(pointer, "missing 'request'")
        return RequestItem(
            name=name,
            id=ident,
            request=parse_request(obj["request"], join(pointer, "request")),
            path=path,
            pointer=pointer,
            scripts=scripts(obj, pointer, f"request {name}"),
            variables=variables(obj.get("variable"), join(pointer, "variable")),
            description=description(obj, pointer),
            behavior=behavior(obj, pointer),
        )

    def broken(
        self, entry: object, pointer: str, path: tuple[str, ...], error: InputError
    ) -> RequestItem:
        obj = entry if isinstance(entry, dict) else {}
        name = obj.get("name")
        ident = obj.get("id") or obj.get("_postman_id")
        return RequestItem(
            name=name if isinstance(name, str) else "",
            id=ident if isinstance(ident, str) else self.generated_id(pointer),
            request=Request(),
            path=path,
            pointer=pointer,
            error=error.located(self.source),
        )

    def generated_id(self, pointer: str) -> str:
        return str(uuid.uuid5(self.namespace, pointer))


def _ident(obj: dict[str, Any], pointer: str) -> str:
    for key in ("id", "_postman_id"):
        value = obj.get(key)
        if value not in (None, ""):
            return scalar_text(value, join(pointer, key), f"'{key}'")
    return ""


def scripts(obj: dict[str, Any], pointer: str, origin: str) -> tuple[Script, ...]:
    """The ``prerequest`` and ``test`` scripts of an ``event`` list; other events are ignored."""
    out = []
    for i, entry in enumerate(opt_list(obj, "event", pointer)):
        where = join(pointer, "event", i)
        event = as_obj(entry, where, "an event")
        listen = opt_str(event, "listen", where)
        if listen not in _EVENTS:
            continue
        out.append(Script(
            event=listen,  # type: ignore[arg-type]  # checked against _EVENTS
            source=_source(event.get("script"), join(where, "script")),
            origin=origin,
            pointer=where,
            disabled=event.get("disabled") is True,
        ))
    return tuple(out)


def _source(script: object, pointer: str) -> str:
    if script is None or isinstance(script, str):
        return script or ""
    exec_ = as_obj(script, pointer, "'script'").get("exec")
    where = join(pointer, "exec")
    if exec_ is None or isinstance(exec_, str):
        return exec_ or ""
    lines = as_list(exec_, where, "'exec'")
    for i, line in enumerate(lines):
        if not isinstance(line, str):
            fail(join(where, i), "script lines must be strings")
    return "\n".join(lines)
