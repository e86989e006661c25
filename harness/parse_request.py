"""A request object (or a bare URL string) into :class:`~harness.model.Request`, and back.

The same code reads requests from collection files and the request JSON a script changed
(``pm.request``) or built (``pm.sendRequest``); :func:`request_to_json` writes the v2.1
shape postman-collection's ``Request.toJSON()`` gives, and parses back to an equal model.
"""

from __future__ import annotations

import json
import re
from typing import Any

from harness._pointer import (
    as_list,
    as_obj,
    description,
    fail,
    is_disabled,
    join,
    opt_str,
    opt_text,
    scalar_text,
    type_name,
)
from harness.errors import InputError
from harness.model import (
    Auth,
    Body,
    FileBody,
    FormDataBody,
    GraphQLBody,
    Header,
    Param,
    RawBody,
    Request,
    UrlEncodedBody,
)
from harness.parse_url import parse_url, url_to_json

_HEADER_LINE = re.compile(r"^(\S+):(.*)$")
_LINES = re.compile(r"\r\n|[\n\r\u2028\u2029]")
_FOLD = re.compile(r"\r\n([ \t])")


def parse_request(data: object, pointer: str = "", source: str = "") -> Request:
    """A request object or a URL string; errors carry ``source`` and the JSON pointer."""
    try:
        return _request(data, pointer)
    except InputError as exc:
        raise exc.located(source) from None


def _request(data: object, pointer: str) -> Request:
    if isinstance(data, str):
        return Request(url=parse_url(data, join(pointer, "url")))
    obj = as_obj(data, pointer, "'request'")
    return Request(
        method=opt_str(obj, "method", pointer, "GET").upper() or "GET",
        url=parse_url(obj.get("url"), join(pointer, "url")),
        headers=parse_headers(obj.get("header"), join(pointer, "header")),
        body=parse_body(obj.get("body"), join(pointer, "body")),
        auth=parse_auth(obj.get("auth"), join(pointer, "auth")),
        description=description(obj, pointer),
    )


# -- headers -------------------------------------------------------------------------------


def parse_headers(data: object, pointer: str) -> tuple[Header, ...]:
    """A header list, or the v2.0 string form ``"Key: value\\nKey2: v"``."""
    if data is None:
        return ()
    if isinstance(data, str):
        return _header_string(data)
    out = []
    for i, entry in enumerate(as_list(data, pointer, "'header'")):
        where = join(pointer, i)
        if isinstance(entry, str):
            key, _, value = entry.partition(":")
            out.append(Header(key.strip(), value.strip()))
            continue
        obj = as_obj(entry, where, "a header")
        out.append(Header(
            key=scalar_text(obj.get("key"), join(where, "key"), "'key'"),
            value=scalar_text(obj.get("value"), join(where, "value"), "'value'"),
            disabled=is_disabled(obj),
        ))
    return tuple(out)


def _header_string(text: str) -> tuple[Header, ...]:
    out = []
    for line in _LINES.split(_FOLD.sub(r"\1", text)):
        match = _HEADER_LINE.match(line)
        if match:
            out.append(Header(match.group(1), match.group(2).strip()))
    return tuple(out)


# -- auth ----------------------------------------------------------------------------------


def parse_auth(data: object, pointer: str) -> Auth | None:
    """An auth block at any level: ``None`` means inherit (null, absent, type 'inherit')."""
    if data is None:
        return None
    obj = as_obj(data, pointer, "'auth'")
    kind = obj.get("type")
    if kind is None or kind == "inherit":
        return None
    if not isinstance(kind, str):
        fail(join(pointer, "type"), f"auth 'type' must be a string, got {type_name(kind)}")
    params = obj.get(kind)
    where = join(pointer, kind)
    if params is None:
        return Auth(kind)
    if isinstance(params, dict):  # v2.0: {"token": "..."}
        return Auth(kind, tuple(params.items()))
    out = []
    for i, entry in enumerate(as_list(params, where, f"auth '{kind}' parameters")):
        item = as_obj(entry, join(where, i), "an auth parameter")
        key = item.get("key")
        if not isinstance(key, str):
            fail(join(where, i, "key"), f"auth parameter 'key' must be a string, got "
                 f"{type_name(key)}")
        out.append((key, item.get("value")))
    return Auth(kind, tuple(out))


def auth_to_json(auth: Auth) -> dict[str, Any]:
    """The v2.1 list form ``{type, <type>: [{key, value, type}]}``."""
    out: dict[str, Any] = {"type": auth.type}
    if auth.params:
        out[auth.type] = [
            {"key": k, "value": v, "type": "string" if isinstance(v, str) else "any"}
            for k, v in auth.params
        ]
    return out


# -- bodies --------------------------------------------------------------------------------


def parse_body(data: object, pointer: str) -> Body | None:
    """A body in any mode; no mode (or 'none') gives ``None``."""
    if data is None:
        return None
    if isinstance(data, str):
        return RawBody(data)
    obj = as_obj(data, pointer, "'body'")
    mode = obj.get("mode")
    if mode is None:
        return None
    if not isinstance(mode, str):
        fail(join(pointer, "mode"), f"body 'mode' must be a string, got {type_name(mode)}")
    reader = _MODES.get(mode.lower())
    if reader is None:
        if mode.lower() == "none":
            return None
        fail(join(pointer, "mode"), f"unknown body mode '{mode}'")
    return reader(obj, pointer, obj.get("disabled") is True)


def _raw(obj: dict[str, Any], pointer: str, disabled: bool) -> Body:
    options = obj.get("options")
    language = None
    if isinstance(options, dict) and isinstance(options.get("raw"), dict):
        raw_options = options["raw"]
        language = opt_text(raw_options.get("language"), join(pointer, "options", "raw",
                            "language"), "'language'")
    return RawBody(opt_str(obj, "raw", pointer), language, disabled)


def _urlencoded(obj: dict[str, Any], pointer: str, disabled: bool) -> Body:
    value = obj.get("urlencoded")
    if isinstance(value, str):
        pairs = [p.partition("=") for p in value.split("&")] if value else []
        return UrlEncodedBody(tuple(Param(k, v) for k, _, v in pairs), disabled)
    return UrlEncodedBody(_params(value, join(pointer, "urlencoded")), disabled)


def _formdata(obj: dict[str, Any], pointer: str, disabled: bool) -> Body:
    return FormDataBody(_params(obj.get("formdata"), join(pointer, "formdata")), disabled)


def _params(value: object, pointer: str) -> tuple[Param, ...]:
    if value is None:
        return ()
    out = []
    for i, entry in enumerate(as_list(value, pointer, "body parameters")):
        where = join(pointer, i)
        obj = as_obj(entry, where, "a body parameter")
        out.append(Param(
            key=scalar_text(obj.get("key"), join(where, "key"), "'key'"),
            value=_param_value(obj.get("value"), join(where, "value")),
            disabled=is_disabled(obj),
            type=opt_str(obj, "type", where, "text"),
            src=_src(obj.get("src"), join(where, "src")),
            content_type=opt_text(obj.get("contentType"), join(where, "contentType"),
                                  "'contentType'"),
        ))
    return tuple(out)


def _param_value(value: object, pointer: str) -> str:
    if isinstance(value, (dict, list)):  # seen in the wild: JSON pasted as a value
        return json.dumps(value)
    return scalar_text(value, pointer, "'value'")


def _src(value: object, pointer: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    items = as_list(value, pointer, "'src'")
    return tuple(scalar_text(s, join(pointer, i), "a file path") for i, s in enumerate(items))


def _file(obj: dict[str, Any], pointer: str, disabled: bool) -> Body:
    value = obj.get("file")
    if value is None or isinstance(value, str):
        return FileBody(value, None, disabled)
    file = as_obj(value, join(pointer, "file"), "'file'")
    where = join(pointer, "file")
    return FileBody(
        opt_text(file.get("src"), join(where, "src"), "'src'"),
        opt_text(file.get("content"), join(where, "content"), "'content'"),
        disabled,
    )


def _graphql(obj: dict[str, Any], pointer: str, disabled: bool) -> Body:
    value = obj.get("graphql")
    if value is None:
        return GraphQLBody("", "", disabled)
    where = join(pointer, "graphql")
    graphql = as_obj(value, where, "'graphql'")
    variables = graphql.get("variables")
    if isinstance(variables, (dict, list)):
        variables = json.dumps(variables)
    return GraphQLBody(
        opt_str(graphql, "query", where),
        scalar_text(variables, join(where, "variables"), "'variables'"),
        disabled,
    )


_MODES = {
    "raw": _raw, "urlencoded": _urlencoded, "formdata": _formdata, "file": _file,
    "graphql": _graphql,
}


def body_to_json(body: Body) -> dict[str, Any]:
    out: dict[str, Any]
    if isinstance(body, RawBody):
        out = {"mode": "raw", "raw": body.raw}
        if body.language is not None:
            out["options"] = {"raw": {"language": body.language}}
    elif isinstance(body, UrlEncodedBody):
        out = {"mode": "urlencoded", "urlencoded": [_param_json(p) for p in body.params]}
    elif isinstance(body, FormDataBody):
        out = {"mode": "formdata", "formdata": [_param_json(p) for p in body.params]}
    elif isinstance(body, FileBody):
        file = {"src": body.src}
        if body.content is not None:
            file["content"] = body.content
        out = {"mode": "file", "file": file}
    else:
        out = {"mode": "graphql", "graphql": {"query": body.query, "variables": body.variables}}
    if body.disabled:
        out["disabled"] = True
    return out


def _param_json(param: Param) -> dict[str, Any]:
    out: dict[str, Any] = {"key": param.key, "value": param.value, "type": param.type}
    if param.src:
        out["src"] = param.src[0] if len(param.src) == 1 else list(param.src)
    if param.content_type is not None:
        out["contentType"] = param.content_type
    if param.disabled:
        out["disabled"] = True
    return out


def request_to_json(request: Request) -> dict[str, Any]:
    """The v2.1 request object; ``parse_request`` of it gives an equal :class:`Request`."""
    out: dict[str, Any] = {"url": url_to_json(request.url), "method": request.method}
    if request.headers:
        out["header"] = [_header_json(h) for h in request.headers]
    if request.body is not None:
        out["body"] = body_to_json(request.body)
    if request.auth is not None:
        out["auth"] = auth_to_json(request.auth)
    if request.description:
        out["description"] = request.description
    return out


def _header_json(header: Header) -> dict[str, Any]:
    out: dict[str, Any] = {"key": header.key, "value": header.value}
    if header.disabled:
        out["disabled"] = True
    return out
