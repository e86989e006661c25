"""Model :class:`~harness.model.Request` -> the exact :class:`httpx.Request` Newman would send.

Call order per request (what the runner does)::

    resolved = resolve_request(item.request, resolver, unresolved)
    auth = effective_auth(resolved.auth, [f.auth for f in folders], collection.auth)
    http_request, sent = build_request(resolved, auth, options, resolver,
                                       behavior=item.behavior, warnings=execution.warnings)
    response = client.send(http_request, follow_redirects=..., item=item.name)

Headers go out in Newman's order: the user's (enabled, duplicates kept), then what the body
and auth add, then Newman's system headers when the user did not set them (User-Agent,
Accept, Cache-Control, Postman-Token, Host, Accept-Encoding, Connection), then the body's
Content-Type/Content-Length.
"""

from __future__ import annotations

import base64
import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib.util import find_spec
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import httpx

from harness.auth import apply_auth
from harness.bodies import BodyPlan, is_pruned, plan_body
from harness.dynamic import uuid4
from harness.errors import RequestError
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
from harness.parse_url import url_from_string, url_to_string
from harness.result import SentRequest
from harness.variables import Resolver
from harness.wire import Draft, encode_host

NEWMAN_USER_AGENT = "PostmanRuntime/7.39.1"
# "br" only when httpx can decode it (the brotli package is installed)
ACCEPT_ENCODING = "gzip, deflate, br" if find_spec("brotli") else "gzip, deflate"
# Node sends "Content-Length: 0" for a body-less request unless the method is one of these.
_NO_LENGTH_METHODS = frozenset(("GET", "HEAD", "DELETE", "OPTIONS", "TRACE", "CONNECT"))
_DEFAULT_PORTS = {"http": 80, "https": 443}


@dataclass(frozen=True)
class BuildOptions:
    working_dir: Path = field(default_factory=Path.cwd)
    base_urls: tuple[tuple[str, str], ...] = ()  # (from, to) scheme+host(+port) rewrites
    user_agent: str = f"{NEWMAN_USER_AGENT} harness/0.1.0"
    body_capture_limit: int = 1 << 20  # SentRequest.body kept up to this many bytes
    _rewrites: tuple[tuple[tuple[str, str, int], tuple[str, str, str | None, str]], ...] = (
        field(default=(), init=False, repr=False, compare=False)
    )

    def __post_init__(self) -> None:
        object.__setattr__(self, "_rewrites", tuple(_rewrite(a, b) for a, b in self.base_urls))


def _rewrite(source: str, target: str) -> tuple[
    tuple[str, str, int], tuple[str, str, str | None, str]
]:
    a = url_from_string(source if "://" in source else "http://" + source)
    b = url_from_string(target if "://" in target else "http://" + target)
    a_scheme = (a.protocol or "http").lower()
    a_port = int(a.port) if a.port else _DEFAULT_PORTS.get(a_scheme, 80)
    prefix = "/" + "/".join(b.path).strip("/") if any(b.path) else ""
    return (
        (a_scheme, encode_host(".".join(a.host)), a_port),
        ((b.protocol or "http").lower(), encode_host(".".join(b.host)), b.port, prefix),
    )


# -- resolution ------------------------------------------------------------------------


def resolve_request(request: Request, resolver: Resolver, unresolved: set[str]) -> Request:
    """Every string of ``request`` with ``{{variables}}`` resolved; unknown names collected.

    The URL is resolved as Newman does: turned into a string (path variables substituted by
    their unresolved values, disabled query parameters dropped), resolved, and parsed again.
    """

    def r(text: str) -> str:
        return resolver.resolve(text, unresolved) if "{{" in text else text

    resolved_url = url_from_string(r(url_to_string(request.url)))
    headers = tuple(
        Header(r(h.key), r(h.value), h.disabled) if "{{" in h.key + h.value else h
        for h in request.headers
    )
    auth = request.auth
    if auth is not None and auth.params:
        auth = Auth(auth.type, tuple((k, resolver.resolve_value(v, unresolved))
                                     for k, v in auth.params))
    return dataclasses.replace(
        request, url=resolved_url, headers=headers,
        body=_resolve_body(request.body, r), auth=auth,
    )


def _resolve_body(body: Body | None, r: Any) -> Body | None:
    if body is None:
        return None
    if isinstance(body, RawBody):
        return dataclasses.replace(body, raw=r(body.raw))
    if isinstance(body, GraphQLBody):
        return dataclasses.replace(body, query=r(body.query), variables=r(body.variables))
    if isinstance(body, FileBody):
        src = r(body.src) if body.src else body.src
        return dataclasses.replace(body, src=src)
    params = tuple(
        dataclasses.replace(
            p, key=r(p.key), value=r(p.value), src=tuple(r(s) for s in p.src),
            content_type=r(p.content_type) if p.content_type else p.content_type,
        ) for p in body.params
    )
    if isinstance(body, UrlEncodedBody):
        return UrlEncodedBody(params, body.disabled)
    assert isinstance(body, FormDataBody)
    return FormDataBody(params, body.disabled)


# -- building --------------------------------------------------------------------------


def make_draft(request: Request, options: BuildOptions) -> Draft:
    url = request.url
    scheme = (url.protocol or "http").lower()
    draft = Draft(
        method=(request.method or "GET").upper(),
        scheme=scheme,
        hostname=encode_host(".".join(url.host)),
        port=url.port,
        path="/" + "/".join(url.path),
        query=[(q.key, q.value) for q in url.query if not q.disabled],
        headers=[(h.key.strip(), h.value.strip(" \t")) for h in request.headers
                 if not h.disabled and h.key.strip()],
        userinfo=url.auth,
    )
    for (a_scheme, a_host, a_port), (b_scheme, b_host, b_port, prefix) in options._rewrites:
        port = int(draft.port) if draft.port and draft.port.isdigit() else None
        if (scheme, draft.hostname, port or _DEFAULT_PORTS.get(scheme, 80)) == (
            a_scheme, a_host, a_port
        ):
            old_host = draft.host
            draft.scheme, draft.hostname, draft.port = b_scheme, b_host, b_port
            draft.path = prefix + draft.path if prefix else draft.path
            if draft.header("Host") == old_host:
                draft.upsert_header("Host", draft.host)
            break
    return draft


def build_request(
    resolved: Request,
    auth: Auth | None,
    options: BuildOptions,
    resolver: Resolver,
    *,
    behavior: Mapping[str, Any] | None = None,
    warnings: list[str] | None = None,
    unresolved: set[str] | None = None,
) -> tuple[httpx.Request, SentRequest]:
    """The request to send and its description; file-load problems go to ``warnings``."""
    behavior = behavior or {}
    warnings = warnings if warnings is not None else []
    draft = make_draft(resolved, options)
    draft.encode = not behavior.get("disableUrlEncoding")
    if not draft.hostname:
        raise RequestError(f"invalid URL (no host): {resolved.url.raw!r}")
    pruned = is_pruned(draft.method, dict(behavior))
    plan = plan_body(resolved.body, draft.header("Content-Type"), options.working_dir,
                     warnings, pruned)
    draft.hash_source, draft.body = plan.hash_source, plan.data
    if plan.early_type and not draft.has_header("Content-Type"):
        draft.add_header("Content-Type", plan.early_type)
    flow = None
    if auth is not None:
        flow = apply_auth(auth, draft, lambda text: resolver.resolve(text, unresolved))
    if plan.late_type and not draft.has_header("Content-Type"):
        draft.add_header("Content-Type", plan.late_type)
    _system_headers(draft, options, behavior)
    _tail_headers(draft, plan)
    return _to_httpx(draft, plan, flow, options)


def _system_headers(draft: Draft, options: BuildOptions, behavior: Mapping[str, Any]) -> None:
    disabled = behavior.get("disabledSystemHeaders") or {}
    for name, value in (
        ("User-Agent", options.user_agent), ("Accept", "*/*"), ("Cache-Control", "no-cache"),
        ("Postman-Token", None), ("Host", None), ("Accept-Encoding", ACCEPT_ENCODING),
        ("Connection", "keep-alive"),
    ):
        if disabled.get(name.lower()) or draft.has_header(name):
            continue
        if value is None:
            value = uuid4() if name == "Postman-Token" else draft.host
        draft.add_header(name, value)
    if draft.userinfo is not None and not draft.has_header("Authorization"):
        user, _, password = draft.userinfo.partition(":")
        pair = f"{unquote(user)}:{unquote(password)}".encode()
        draft.add_header("Authorization", "Basic " + base64.b64encode(pair).decode("ascii"))


def _tail_headers(draft: Draft, plan: BodyPlan) -> None:
    draft.remove_header("Content-Length")
    if plan.sent and plan.file is not None:
        draft.add_header("Content-Length", str(plan.length))
    if plan.tail_type:
        current = draft.header("Content-Type")
        if current is None:
            draft.add_header("Content-Type", plan.tail_type)
        elif plan.boundary and "boundary=" not in current:
            draft.upsert_header("Content-Type", plan.tail_type)
    if plan.sent and plan.file is None:
        draft.add_header("Content-Length", str(plan.length))
    elif not plan.sent and draft.method not in _NO_LENGTH_METHODS:
        draft.add_header("Content-Length", "0")


def _to_httpx(
    draft: Draft, plan: BodyPlan, flow: httpx.Auth | None, options: BuildOptions
) -> tuple[httpx.Request, SentRequest]:
    try:
        port = int(draft.port) if draft.port else None
        url = httpx.URL(scheme=draft.scheme, host=draft.hostname.strip("[]"), port=port,
                        raw_path=draft.target.encode("ascii"))
    except (ValueError, httpx.InvalidURL) as exc:
        raise RequestError(f"invalid URL {draft.url!r}: {exc}") from exc
    extensions: dict[str, Any] = {"harness_auth": flow} if flow is not None else {}
    if not draft.encode:  # httpx re-encodes its URL; httpcore sends this target as is
        extensions["target"] = draft.target.encode("ascii")
    request = httpx.Request(draft.method, url, headers=draft.headers, stream=plan.stream(),
                            extensions=extensions)
    body = plan.data if plan.sent and plan.data is not None else None
    note = plan.note
    if body is not None and len(body) > options.body_capture_limit:
        body, note = None, f"<{len(plan.data or b''):,} bytes>"
    sent = SentRequest(draft.method, draft.url, list(draft.headers), body, note)
    return request, sent


__all__ = ["BuildOptions", "Param", "build_request", "make_draft", "resolve_request"]
