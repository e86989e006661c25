"""URLs: a raw string or a v2 url object into :class:`~harness.model.Url`, and back.

:func:`url_from_string` splits a string the way postman-url-encoder's parser (behind
postman-collection's ``Url.parse``) does: ``{{variables}}`` are opaque, the user's encoding is
kept verbatim, query params split on ``&`` then on the first ``=``. :func:`url_to_string`
re-assembles a URL as ``Url.toString()`` does.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from harness._pointer import (
    as_list,
    as_obj,
    fail,
    is_disabled,
    join,
    opt_text,
    scalar_text,
    type_name,
    variables,
)
from harness.model import QueryParam, Url, Variable

_ALL_VARIABLES = re.compile(r"\{\{[^{}]*\}\}")
_EXTRACT_VARIABLES = re.compile(r"\{\{[^{}]*?\}\}")
_SPLIT_DOMAIN = re.compile(r"\.(?![^{]*\}{2})")
_TRIM_PATH = re.compile(r"^/([^\n\r\u2028\u2029]+)$")
_LEADING_SLASHES = re.compile(r"^/+")
# JavaScript's String.prototype.trimStart() whitespace
_JS_SPACE = " \t\n\v\f\r\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008" \
    "\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
_PARTS = ("protocol", "host", "path", "port", "query", "hash", "auth")


def url_from_string(raw: str) -> Url:
    """Split a raw URL string into its parts, as postman-collection's ``Url.parse``."""
    text = raw.lstrip(_JS_SPACE)
    if not text:
        return Url(raw=raw)
    found = _ALL_VARIABLES.findall(text)
    if not found:
        return _split(raw, text, None)
    mark = next(chr(c) for c in range(0xE000, 0xF900) if chr(c) not in text)
    return _split(raw, _ALL_VARIABLES.sub(mark, text), (mark, iter(found)))


def _split(raw: str, s: str, marks: tuple[str, Iterator[str]] | None) -> Url:
    def back(part: str) -> str:
        if marks is None or marks[0] not in part:
            return part
        return re.sub(marks[0], lambda _: next(marks[1]), part)

    hash_ = query = protocol = path = auth = port = host = None
    if (i := s.find("#")) != -1:
        s, hash_ = s[:i], s[i + 1:]
    if (i := s.find("?")) != -1:
        s, query = s[:i], s[i + 1:].split("&")
    s = s.replace("\\", "/")
    if (i := s.find("://")) != -1:
        protocol, s = s[:i], s[i + 3:]
        s = _LEADING_SLASHES.sub("/" if protocol.lower() == "file" else "", s)
    if (i := s.find("/")) != -1:
        s, path = s[:i], s[i + 1:].split("/")
    if (i := s.rfind("@")) != -1:
        auth, s = s[:i], s[i + 1:]
    if (i := s.rfind(":")) != -1 and "]" not in s[i + 1:]:
        s, port = s[:i], s[i + 1:]
    if s:
        host = s.split(".")
    # restore {{variables}} in string order: protocol auth host port path query hash
    protocol = back(protocol) if protocol is not None else None
    auth = back(auth) if auth is not None else None
    hosts = tuple(back(h) for h in host or ())
    port = back(port) if port is not None else None
    segments = tuple(back(p) for p in path or ())
    params = _query_params([back(q) for q in query or ()])
    hash_ = back(hash_) if hash_ is not None else None
    return Url(
        raw=raw, protocol=protocol, host=hosts, port=port, path=segments, query=params,
        variables=path_variables(segments), hash=hash_, auth=auth,
    )


def _query_params(parts: list[str]) -> tuple[QueryParam, ...]:
    last = len(parts) - 1
    return tuple(_query_param(p, i != last) for i, p in enumerate(parts))


def _query_param(text: str, inner: bool = False) -> QueryParam:
    if text == "" and inner:  # "a=b&&c": the empty one in the middle has neither key nor value
        return QueryParam(None, None)
    key, sep, value = text.partition("=")
    return QueryParam(key, value if sep else None)


def _path_variable_name(segment: str) -> str | None:
    if not segment.startswith(":"):
        return None
    dot = segment.find(".")
    return segment[1:dot if dot != -1 else None] or None


def path_variables(segments: tuple[str, ...]) -> tuple[Variable, ...]:
    """The ``:name`` path variables of a path, once each, in order."""
    seen: dict[str, Variable] = {}
    for segment in segments:
        name = _path_variable_name(segment)
        if name and name not in seen:
            seen[name] = Variable(key=name)
    return tuple(seen.values())


def parse_url(data: object, pointer: str = "") -> Url:
    """A request's ``url``: a string, a v2 url object, or null (empty)."""
    if data is None:
        return Url()
    if isinstance(data, str):
        return url_from_string(data)
    if not isinstance(data, dict):
        fail(pointer, f"'url' must be a string or an object, got {type_name(data)}")
    obj: dict[str, Any] = data
    raw = obj.get("raw")
    raw = "" if raw is None else scalar_text(raw, join(pointer, "raw"), "'raw'")
    declared = variables(obj.get("variable"), join(pointer, "variable"))
    if not any(obj.get(k) is not None for k in _PARTS):
        parsed = url_from_string(raw)
        if "variable" not in obj:
            return parsed
        return replace(parsed, variables=declared)
    return Url(
        raw=raw,
        protocol=opt_text(obj.get("protocol"), join(pointer, "protocol"), "'protocol'"),
        host=_host(obj.get("host"), join(pointer, "host")),
        port=opt_text(obj.get("port"), join(pointer, "port"), "'port'"),
        path=_path(obj.get("path"), join(pointer, "path")),
        query=_query(obj.get("query"), join(pointer, "query")),
        variables=declared,
        hash=opt_text(obj.get("hash"), join(pointer, "hash"), "'hash'"),
        auth=_auth(obj.get("auth"), join(pointer, "auth")),
    )


def _host(value: object, pointer: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return tuple(_SPLIT_DOMAIN.split(value))
    items = as_list(value, pointer, "'host'")
    return tuple(scalar_text(h, join(pointer, i), "a host part") for i, h in enumerate(items))


def _path(value: object, pointer: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = _TRIM_PATH.sub(r"\1", value)
        return () if not value else ("",) if value == "/" else tuple(value.split("/"))
    out = []
    for i, segment in enumerate(as_list(value, pointer, "'path'")):
        if isinstance(segment, dict):  # v2.0 allows {type, value} segments
            segment = segment.get("value")
        out.append(scalar_text(segment, join(pointer, i), "a path segment"))
    return tuple(out)


def _query(value: object, pointer: str) -> tuple[QueryParam, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return _query_params(value.split("&"))
    if isinstance(value, dict):
        return tuple(
            QueryParam(k, opt_text(v, join(pointer, k), "a query value")) for k, v in value.items()
        )
    out = []
    for i, entry in enumerate(as_list(value, pointer, "'query'")):
        where = join(pointer, i)
        if isinstance(entry, str):
            out.append(_query_param(entry))
            continue
        obj = as_obj(entry, where, "a query parameter")
        out.append(QueryParam(
            key=opt_text(obj.get("key"), join(where, "key"), "'key'"),
            value=opt_text(obj.get("value"), join(where, "value"), "'value'"),
            disabled=is_disabled(obj),
        ))
    return tuple(out)


def _auth(value: object, pointer: str) -> str | None:
    if value is None or isinstance(value, str):
        return value
    if not isinstance(value, dict):
        fail(pointer, f"url 'auth' must be an object, got {type_name(value)}")
    user = value.get("user")
    password = value.get("password")
    text = user if isinstance(user, str) else None
    if isinstance(password, str):
        text = (text or "") + ":" + password
    return text


# -- back to text and JSON ---------------------------------------------------------------


def url_to_string(url: Url, force_protocol: bool = False, path_variables: bool = True) -> str:
    """The URL as ``Url.toString()`` writes it (``{{tokens}}`` left as they are).

    ``:name`` path segments are replaced by non-empty string values of the url's variables
    unless ``path_variables`` is false.
    """
    out = []
    protocol = url.protocol or ("http://" if force_protocol else None)
    if protocol:
        out.append(protocol if protocol.endswith("://") else protocol + "://")
    if url.auth is not None:
        out.append(url.auth + "@")
    out.append(".".join(url.host))
    if url.port is not None:
        out.append(":" + url.port)
    if url.path:
        out.append("/" + "/".join(_segments(url) if path_variables else url.path))
    if url.query:
        query = query_string(url.query)
        if query or any(not p.disabled for p in url.query):
            out.append("?" + query)
    if url.hash is not None:
        out.append("#" + url.hash)
    return "".join(out)


def _segments(url: Url) -> list[str]:
    values = {v.key: v.value for v in url.variables if not v.disabled}
    out = []
    for segment in url.path:
        name = _path_variable_name(segment)
        value = values.get(name) if name else None
        if isinstance(value, str) and value and name:
            segment = value + segment[len(name) + 1:]
        out.append(segment)
    return out


def query_string(params: tuple[QueryParam, ...]) -> str:
    """Enabled params joined by ``&``: ``key=value``, ``key`` (null value), ``key=`` (empty)."""
    parts = []
    for param in params:
        if param.disabled:
            continue
        text = _normalize(param.key, True) if param.key is not None else ""
        if param.value is not None:
            text += "=" + _normalize(param.value, False)
        parts.append(text)
    return "&".join(parts)


def _normalize(text: str, equals: bool) -> str:
    """Encode ``&``, ``#`` (and ``=`` in keys) outside ``{{variables}}``, as QueryParam does."""
    if "&" not in text and "#" not in text and not (equals and "=" in text):
        return text
    out, pos = [], 0
    for match in _EXTRACT_VARIABLES.finditer(text):
        out.append(_encode(text[pos:match.start()], equals) + match.group(0))
        pos = match.end()
    out.append(_encode(text[pos:], equals))
    return "".join(out)


def _encode(text: str, equals: bool) -> str:
    text = text.replace("&", "%26").replace("#", "%23")
    return text.replace("=", "%3D") if equals else text


def url_to_json(url: Url) -> dict[str, Any]:
    """The v2.1 url object; parses back to an equal :class:`Url`."""
    out: dict[str, Any] = {"raw": url.raw}
    if url.auth is not None:
        user, sep, password = url.auth.partition(":")
        out["auth"] = {"user": user, "password": password} if sep else {"user": user}
    if url.protocol is not None:
        out["protocol"] = url.protocol
    out["host"] = list(url.host)
    if url.port is not None:
        out["port"] = url.port
    if url.path:
        out["path"] = list(url.path)
    if url.query:
        out["query"] = [_param_json(p) for p in url.query]
    if url.hash is not None:
        out["hash"] = url.hash
    if url.variables:
        out["variable"] = [variable_json(v) for v in url.variables]
    return out


def _param_json(param: QueryParam) -> dict[str, Any]:
    out: dict[str, Any] = {"key": param.key, "value": param.value}
    if param.disabled:
        out["disabled"] = True
    return out


def variable_json(var: Variable) -> dict[str, Any]:
    out: dict[str, Any] = {"key": var.key, "value": var.value, "type": var.type}
    if var.disabled:
        out["disabled"] = True
    if var.description:
        out["description"] = var.description
    return out
