"""Request auth: inheritance, and one small signer per type, as postman-runtime does them.

Every signer replaces what it owns: an ``Authorization`` header the user set is removed
before bearer/basic/oauth2/awsv4/digest add theirs (Newman does the same), apikey replaces a
header or query parameter of the same name. A type whose required fields are empty does
nothing (bearer without token, apikey without key and value, oauth2 without accessToken).
"""

from __future__ import annotations

import base64
import re
from collections.abc import Callable, Sequence
from typing import Any

from harness import awsv4
from harness.digest import DigestFlow, digest_header
from harness.errors import UnsupportedFeature
from harness.model import Auth
from harness.variables import to_text
from harness.wire import Draft

Resolve = Callable[[str], str]
_WORDS = re.compile(r"[A-Z]{2,}(?=[A-Z][a-z]|\b|\d)|[A-Z]?[a-z]+|[A-Z]+|\d+")


def effective_auth(
    item_auth: Auth | None, folder_auths: Sequence[Auth | None], collection_auth: Auth | None
) -> Auth | None:
    """The auth that applies: request, then innermost folder ... collection; noauth stops."""
    for auth in (item_auth, *reversed(folder_auths), collection_auth):
        if auth is not None:
            return None if auth.type == "noauth" else auth
    return None


def auth_params(auth: Auth, resolve: Resolve) -> dict[str, str]:
    """Params as strings with variables resolved (booleans as JS prints them)."""
    out: dict[str, str] = {}
    for key, value in auth.params:
        if value is None:
            continue
        text = value if isinstance(value, str) else to_text(value)
        out[key] = resolve(text) if "{{" in text else text
    return out


def apply_auth(auth: Auth, request: Draft, resolve: Resolve) -> DigestFlow | None:
    """Sign ``request`` in place; digest returns an :class:`httpx.Auth` flow to send with."""
    signer = SIGNERS.get(auth.type)
    if signer is None:
        raise UnsupportedFeature(f"auth type '{auth.type}' is not supported")
    flow: DigestFlow | None = signer(auth_params(auth, resolve), request)
    return flow


def _bearer(params: dict[str, str], draft: Draft) -> None:
    token = params.get("token")
    if token:
        draft.remove_header("Authorization")
        draft.add_header("Authorization", "Bearer " + token)


def _basic(params: dict[str, str], draft: Draft) -> None:
    raw = f"{params.get('username', '')}:{params.get('password', '')}".encode()
    draft.remove_header("Authorization")
    draft.add_header("Authorization", "Basic " + base64.b64encode(raw).decode("ascii"))


def _lodash_lower(text: str) -> str:
    """``_.lowerCase``: words lowercased and space-joined (``X-Api-Key`` -> ``x api key``)."""
    words = _WORDS.findall(text)
    return " ".join(w.lower() for w in words)


def _apikey(params: dict[str, str], draft: Draft) -> None:
    key, value = params.get("key", ""), params.get("value", "")
    if not (key or value):
        return
    if params.get("in") == "query":
        draft.remove_query([key])
        draft.add_query(key, value)
        return
    lkey = _lodash_lower(key)
    draft.headers = [h for h in draft.headers if _lodash_lower(h[0]) != lkey]
    draft.add_header(key, value)


def _oauth2(params: dict[str, str], draft: Draft) -> None:
    token = params.get("accessToken")
    if not token or (params.get("tokenType") or "bearer").lower() == "mac":
        return
    prefix = params.get("headerPrefix")
    prefix = "Bearer" if prefix is None else prefix.strip()
    draft.remove_header("Authorization")
    draft.remove_query(["access_token"])
    where = params.get("addTokenTo") or "header"
    if where == "queryParams":
        draft.add_query("access_token", token)
    elif where == "header":
        draft.add_header("Authorization", (prefix + " " if prefix else "") + token)


def _awsv4(params: dict[str, str], draft: Draft) -> None:
    awsv4.sign(draft, params)


def _digest(params: dict[str, str], draft: Draft) -> DigestFlow | None:
    uri = draft.target
    if params.get("username") and params.get("realm") and params.get("nonce"):
        draft.remove_header("Authorization")
        body = draft.body or b""
        draft.add_header("Authorization", digest_header(params, draft.method, uri, body))
        return None
    return DigestFlow(params, uri)


def _noauth(params: dict[str, str], draft: Draft) -> None:
    return None


SIGNERS: dict[str, Callable[[dict[str, str], Draft], Any]] = {
    "noauth": _noauth,
    "bearer": _bearer,
    "basic": _basic,
    "apikey": _apikey,
    "oauth2": _oauth2,
    "awsv4": _awsv4,
    "digest": _digest,
}
