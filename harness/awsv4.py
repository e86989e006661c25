"""AWS Signature Version 4, as Newman signs (postman-runtime's awsv4 handler over the aws4 lib).

Header mode only: ``Host``, ``X-Amz-Date``, ``X-Amz-Security-Token`` (with a session token),
``X-Amz-Content-Sha256`` (when the request has a body, and always for s3) and
``Authorization`` are added; every other request header present at signing time is signed
too, except the few aws4 ignores (authorization, connection, user-agent, expect, range, ...).
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import hmac
import re
from functools import lru_cache
from pathlib import Path
from urllib.parse import parse_qsl, quote, unquote

from harness.errors import UnsupportedFeature
from harness.wire import Draft

IGNORED = frozenset(
    ("authorization", "connection", "x-amzn-trace-id", "user-agent", "expect",
     "presigned-expires", "range")
)
_URI_SAFE = re.compile(r"^[0-9A-Za-z;,/?:@&=+$\-_.!~*'()#%]*$")
_SPACES = re.compile(r"\s+")
_EMPTY_HASH = hashlib.sha256(b"").hexdigest()
_REMOVED_QUERY = ("X-Amz-Security-Token", "X-Amz-Date", "X-Amz-Algorithm", "X-Amz-Credential",
                  "X-Amz-SignedHeaders", "X-Amz-Signature")


def sha256_hex(source: bytes | Path) -> str:
    if isinstance(source, bytes):
        return hashlib.sha256(source).hexdigest()
    digest = hashlib.sha256()
    with source.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 16), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _rfc3986(text: str) -> str:
    return quote(text, safe="-_.~")


def _hmac(key: bytes, text: str) -> bytes:
    return hmac.new(key, text.encode("utf-8"), hashlib.sha256).digest()


@lru_cache(maxsize=64)
def signing_key(secret: str, date: str, region: str, service: str) -> bytes:
    key = _hmac(("AWS4" + secret).encode("utf-8"), date)
    for part in (region, service, "aws4_request"):
        key = _hmac(key, part)
    return key


def canonical_path(path: str, service: str) -> str:
    if path == "/":
        return path
    s3 = service == "s3"
    if not s3:
        path = re.sub(r"/{2,}", "/", path)
    pieces: list[str] = []
    for piece in path.split("/"):
        if not s3 and piece == "..":
            if pieces:
                pieces.pop()
        elif s3 or piece != ".":
            if s3:
                piece = unquote(piece.replace("+", " "))
            pieces.append(_rfc3986(piece))
    out = "/".join(pieces)
    if not out.startswith("/"):
        out = "/" + out
    return out.replace("%2F", "/") if s3 else out


def canonical_query(query: str | None, service: str) -> str:
    if not query:
        return ""
    grouped: dict[str, list[str]] = {}
    for key, value in parse_qsl(query, keep_blank_values=True):
        if key:
            grouped.setdefault(_rfc3986(key), []).append(value)
    pieces: list[str] = []
    for key in sorted(grouped):
        values = grouped[key]
        if len(values) == 1 or service == "s3":
            pieces.append(f"{key}={_rfc3986(values[0])}")
        else:
            pieces.extend(f"{key}={v}" for v in sorted(_rfc3986(v) for v in values))
    return "&".join(pieces)


def _split_target(target: str) -> tuple[str, str | None]:
    if not _URI_SAFE.match(target):
        # aws4: encodeURI(decodeURI(path)) when unusual characters are present
        target = quote(_decode_uri(target), safe=";,/?:@&=+$-_.!~*'()#")
    path, sep, query = target.partition("?")
    return path, (query if sep else None)


def _decode_uri(text: str) -> str:
    reserved = set(";/?:@&=+$,#")

    def one(match: re.Match[str]) -> str:
        decoded = unquote(match.group(0))
        return match.group(0) if decoded in reserved else decoded

    return re.sub(r"%[0-9A-Fa-f]{2}", one, text)


def sign(draft: Draft, params: dict[str, str], now: _dt.datetime | None = None) -> None:
    """Sign ``draft`` in place with ``params`` (already-resolved strings)."""
    if params.get("addAuthDataToQuery") in (True, "true"):
        raise UnsupportedFeature("awsv4 auth with addAuthDataToQuery is not supported")
    access, secret = params.get("accessKey", ""), params.get("secretKey", "")
    token = params.get("sessionToken") or ""
    service = params.get("service") or "execute-api"
    region = params.get("region") or "us-east-1"
    for name in ("Authorization", "X-Amz-Date", "X-Amz-Security-Token", "X-Amz-Content-Sha256"):
        draft.remove_header(name)
    draft.remove_query(_REMOVED_QUERY)
    if draft.hash_source is not None:
        draft.add_header("X-Amz-Content-Sha256", sha256_hex(draft.hash_source))
    signed = _signed_headers_dict(draft)
    added: list[tuple[str, str]] = []
    if "Host" not in signed and "host" not in signed:
        added.append(("Host", draft.host))
    if token and not _has(signed, "x-amz-security-token"):
        added.append(("X-Amz-Security-Token", token))
    if service == "s3" and not _has(signed, "x-amz-content-sha256"):
        added.append(("X-Amz-Content-Sha256", _EMPTY_HASH))
    stamp = signed.get("X-Amz-Date") or signed.get("x-amz-date")
    if not stamp:
        stamp = (now or _dt.datetime.now(_dt.timezone.utc)).strftime("%Y%m%dT%H%M%SZ")
        added.append(("X-Amz-Date", stamp))
    signed.update(added)
    headers = sorted(
        (k.lower(), _SPACES.sub(" ", v.strip())) for k, v in signed.items()
        if k.lower() not in IGNORED
    )
    body_hash = signed.get("X-Amz-Content-Sha256") or signed.get("x-amz-content-sha256")
    path, query = _split_target(draft.target)
    names = ";".join(k for k, _ in headers)
    canonical = "\n".join((
        draft.method, canonical_path(path, service), canonical_query(query, service),
        "".join(f"{k}:{v}\n" for k, v in headers), names, body_hash or _EMPTY_HASH,
    ))
    scope = f"{stamp[:8]}/{region}/{service}/aws4_request"
    to_sign = "\n".join((
        "AWS4-HMAC-SHA256", stamp, scope, hashlib.sha256(canonical.encode("utf-8")).hexdigest()
    ))
    key = signing_key(secret, stamp[:8], region, service)
    signature = hmac.new(key, to_sign.encode("utf-8"), hashlib.sha256).hexdigest()
    for name, value in added:
        draft.upsert_header(name, value)
    draft.upsert_header(
        "Authorization",
        f"AWS4-HMAC-SHA256 Credential={access}/{scope}, SignedHeaders={names}, "
        f"Signature={signature}",
    )


def _has(headers: dict[str, str], lname: str) -> bool:
    return any(k.lower() == lname for k in headers)


def _signed_headers_dict(draft: Draft) -> dict[str, str]:
    """Request headers as postman-collection's ``getHeaders()`` object (duplicates joined)."""
    out: dict[str, str] = {}
    for key, value in draft.headers:
        out[key] = f"{out[key]},{value}" if key in out else value
    return out
