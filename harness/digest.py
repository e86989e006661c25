"""HTTP Digest auth as Newman does it (postman-runtime's digest handler).

Without ``realm`` and ``nonce`` in the auth params, Newman first sends the request without
credentials; on a 401/403 carrying ``WWW-Authenticate: Digest ...`` it takes realm, nonce,
qop and opaque from the challenge and sends the request again with ``Authorization: Digest``.
:class:`DigestFlow` is that exchange as an :class:`httpx.Auth` flow. With realm and nonce
given, the first request is signed directly.
"""

from __future__ import annotations

import hashlib
import random
import re
import string
from collections.abc import Generator
from typing import Any

import httpx

from harness.errors import UnsupportedFeature

_HASHES = {
    "MD5": "md5", "MD5-sess": "md5", "SHA-256": "sha256", "SHA-256-sess": "sha256",
    "SHA-512-256": "sha512_256", "SHA-512-256-sess": "sha512_256",
}
_FIELD = {name: re.compile(name + r'="([^"]*)"', re.I) for name in
          ("nonce", "realm", "qop", "opaque")}
_ALPHABET = string.ascii_letters + string.digits


def _hash(text: str, algorithm: str) -> str:
    if algorithm == "sha512_256":
        return hashlib.new("sha512_256", text.encode("utf-8")).hexdigest()
    return hashlib.new(algorithm, text.encode("utf-8")).hexdigest()


def _choose_qop(offered: str) -> str:
    """Newman uses the challenge's qop verbatim; a list like "auth,auth-int" picks auth."""
    options = [q.strip() for q in offered.split(",") if q.strip()]
    if "auth" in options:
        return "auth"
    return "auth-int" if "auth-int" in options else offered


def digest_header(params: dict[str, Any], method: str, uri: str, body: bytes = b"") -> str:
    algorithm = params.get("algorithm") or "MD5"
    hash_name = _HASHES.get(algorithm)
    if hash_name is None:
        raise UnsupportedFeature(f"Unsupported digest algorithm: {algorithm}")
    username, realm = params.get("username", ""), params.get("realm", "")
    password, nonce = params.get("password", ""), params.get("nonce", "")
    nc, cnonce = params.get("nonceCount", ""), params.get("clientNonce", "")
    qop, opaque = params.get("qop", ""), params.get("opaque", "")
    a1 = f"{username}:{realm}:{password}"
    if algorithm.endswith("-sess"):
        a1 = f"{_hash(a1, hash_name)}:{nonce}:{cnonce}"
    a2 = f"{method}:{uri}"
    if qop == "auth-int":
        a2 += ":" + _hash(body.decode("latin-1"), hash_name)
    ha1, ha2 = _hash(a1, hash_name), _hash(a2, hash_name)
    if qop in ("auth", "auth-int"):
        response = _hash(f"{ha1}:{nonce}:{nc}:{cnonce}:{qop}:{ha2}", hash_name)
    else:
        response = _hash(f"{ha1}:{nonce}:{ha2}", hash_name)
    parts = [f'username="{username}"', f'realm="{realm}"', f'nonce="{nonce}"', f'uri="{uri}"',
             f'algorithm="{algorithm}"']
    if qop in ("auth", "auth-int"):
        parts.append(f"qop={qop}")
    if qop in ("auth", "auth-int") or algorithm == "MD5-sess":
        if nc:
            parts.append(f"nc={nc}")
        parts.append(f'cnonce="{cnonce}"')
    parts.append(f'response="{response}"')
    if opaque:
        parts.append(f'opaque="{opaque}"')
    return "Digest " + ", ".join(parts)


def parse_challenge(value: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for name, pattern in _FIELD.items():
        match = pattern.search(value)
        out[name] = match.group(1) if match else ""
    return out


class DigestFlow(httpx.Auth):
    """Send, and on a Digest challenge answer it once (Newman's replay)."""

    def __init__(self, params: dict[str, Any], uri: str) -> None:
        self.params = dict(params)
        self.uri = uri

    def _sign(self, request: httpx.Request) -> None:
        stream = request.stream
        body = b"".join(stream) if isinstance(stream, httpx.ByteStream) else b""
        request.headers["Authorization"] = digest_header(
            self.params, request.method, self.uri, body
        )

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        if self.params.get("realm") and self.params.get("nonce") and self.params.get("username"):
            self._sign(request)
            yield request
            return
        response = yield request
        if response.status_code not in (401, 403):
            return
        challenge = next(
            (v for k, v in response.headers.multi_items()
             if k.lower() == "www-authenticate" and v.lower().startswith("digest ")),
            None,
        )
        if challenge is None or not self.params.get("username"):
            return
        fields = parse_challenge(challenge)
        self.params.update({k: v for k, v in fields.items() if v})
        if fields["qop"]:
            self.params["qop"] = _choose_qop(fields["qop"])
        if self.params.get("qop"):
            self.params["clientNonce"] = "".join(random.choices(_ALPHABET, k=8))
            self.params["nonceCount"] = "00000001"
        self._sign(request)
        yield request
