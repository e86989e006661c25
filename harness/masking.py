"""Secret masking: the one place that knows what is secret.

A :class:`Masker` holds a set of secret strings and replaces every occurrence of each of them,
in several encodings, with :data:`MASK`. Sources of secrets (see :meth:`Masker.from_scopes`):

- variables of type ``secret`` in any scope (environment, globals, collection, data, local);
- values given explicitly (``.env`` files, ``--secret``), passed as ``extra``;
- credential fields of auth blocks (bearer token, basic/digest/ntlm password, API key value,
  OAuth2 tokens and client secret, AWS secret key and session token, ...);
- credentials seen in ``Authorization``-like headers and cookies (:meth:`Masker.headers`),
  so a token a script computed is masked wherever it is echoed later.

Each secret is matched verbatim and as it looks URL-encoded (``%XX`` and ``+`` forms),
JSON-string-escaped and base64/base64url-encoded. Base64 of a secret *inside a larger
base64 blob* (``Basic dXNlcjpwYXNz``) is matched through the three byte alignments, so a
password inside a Basic header is masked whatever the user name.

Values shorter than :data:`MIN_LENGTH` (4) characters are ignored: masking ``"1"`` or
``"on"`` everywhere would destroy the report and reveal nothing useful.
All forms are joined into one compiled regex, rebuilt only when the set of secrets changes.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import quote, quote_plus

from harness.model import Auth
from harness.variables import Resolver, Scopes, to_text

MASK = "********"
MIN_LENGTH = 4
_PREFILTER_FROM = 2048  # text at least this long is first tested form by form
_B64_SHIFT_MIN = 8  # secrets this long are also matched at any alignment inside base64

SECRET_HEADERS = frozenset({
    "authorization", "proxy-authorization", "x-api-key", "api-key", "apikey", "cookie",
    "set-cookie", "x-auth-token", "x-access-token", "x-amz-security-token", "x-csrf-token",
    "x-xsrf-token",
})
_CREDENTIAL_HEADERS = frozenset({"authorization", "proxy-authorization"})
_COOKIE_HEADERS = frozenset({"cookie", "set-cookie"})

AUTH_SECRET_FIELDS: Mapping[str, tuple[str, ...]] = {
    "bearer": ("token",),
    "basic": ("password",),
    "digest": ("password",),
    "ntlm": ("password",),
    "apikey": ("value",),
    "oauth1": ("consumerSecret", "tokenSecret", "token", "privateKey"),
    "oauth2": ("accessToken", "refreshToken", "clientSecret", "password", "id_token"),
    "awsv4": ("secretKey", "sessionToken"),
    "hawk": ("authKey",),
    "akamai": ("accessToken", "clientToken", "clientSecret"),
    "edgegrid": ("accessToken", "clientToken", "clientSecret"),
    "jwt": ("secret", "privateKey"),
    "asap": ("privateKey",),
}


class Masker:
    """Replaces secrets (and their encoded forms) with :data:`MASK`."""

    __slots__ = ("_secrets", "_pattern", "_dirty", "_forms", "_subsets")

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        self._secrets: set[str] = set()
        self._pattern: re.Pattern[str] | None = None
        self._dirty = False
        self._forms: tuple[str, ...] = ()
        self._subsets: dict[tuple[str, ...], re.Pattern[str]] = {}
        for secret in secrets:
            self.add(secret)

    @classmethod
    def from_scopes(
        cls, scopes: Scopes, *, extra: Iterable[str] = (), auths: Iterable[Auth] = (),
        resolver: Resolver | None = None,
    ) -> Masker:
        masker = cls(extra)
        masker.refresh(scopes)
        for auth in auths:
            masker.add_auth(auth, resolver)
        return masker

    @property
    def secrets(self) -> frozenset[str]:
        return frozenset(self._secrets)

    def add(self, value: str) -> None:
        """Add one secret; values shorter than :data:`MIN_LENGTH` are ignored."""
        if not isinstance(value, str):
            value = to_text(value)
        value = value.strip()
        if len(value) >= MIN_LENGTH and value not in self._secrets:
            self._secrets.add(value)
            self._dirty = True

    def add_auth(self, auth: Auth, resolver: Resolver | None = None) -> None:
        """Add the credential fields of one auth block (resolved through ``resolver``)."""
        values: dict[str, str] = {}
        for key in (*AUTH_SECRET_FIELDS.get(auth.type, ()), "username"):
            raw = auth.get(key)
            if raw in (None, ""):
                continue
            text = to_text(raw)
            if resolver is not None:
                text = resolver.resolve(text)
            if "{{" not in text:
                values[key] = text
        for key, text in values.items():
            if key != "username":
                self.add(text)
        if auth.type == "basic" and "password" in values:
            pair = f"{values.get('username', '')}:{values['password']}"
            self.add(base64.b64encode(pair.encode()).decode())

    def refresh(self, scopes: Scopes) -> None:
        """Pick up secret-typed values set or changed since the last call."""
        for scope in scopes:
            for value in scope.secret_values():
                if value not in self._secrets:
                    self.add(value)

    def learn_headers(self, headers: Iterable[tuple[str, str]]) -> None:
        """Add credentials carried by Authorization-like headers and cookie values."""
        for key, value in headers:
            name = key.lower()
            if name in _CREDENTIAL_HEADERS:
                self._learn_credentials(value)
            elif name in _COOKIE_HEADERS:
                self._learn_cookies(value, name == "set-cookie")
            elif name in SECRET_HEADERS:
                self.add(value)

    def _learn_credentials(self, value: str) -> None:
        scheme, _, token = value.strip().partition(" ")
        token = token.strip() or scheme
        self.add(token)
        if scheme.lower() == "basic":
            try:
                decoded = base64.b64decode(token, validate=True).decode("utf-8")
            except (binascii.Error, UnicodeDecodeError):
                return
            self.add(decoded.partition(":")[2])

    def _learn_cookies(self, value: str, set_cookie: bool) -> None:
        pairs = value.split(";")[:1] if set_cookie else value.split(";")
        for pair in pairs:
            self.add(pair.partition("=")[2])

    # -- masking -------------------------------------------------------------------------------

    def text(self, s: str) -> str:
        if not self._secrets or not s:
            return s
        pattern = self._compiled()
        if len(s) < _PREFILTER_FROM:
            return pattern.sub(MASK, s)
        # Long text: C-speed substring tests first; most bodies hold no secret at all.
        present = tuple(form for form in self._forms if form in s)
        if not present:
            return s
        subset = self._subsets.get(present)
        if subset is None:
            subset = self._subsets[present] = re.compile(trie_pattern(present))
        return subset.sub(MASK, s)

    def headers(self, headers: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
        """Secret headers masked entirely (their credentials learnt), others through text()."""
        pairs = list(headers)
        self.learn_headers(pairs)
        return [
            (key, MASK if key.lower() in SECRET_HEADERS else self.text(value))
            for key, value in pairs
        ]

    def bytes(self, b: bytes) -> bytes:
        if not self._secrets or not b:
            return b
        text = b.decode("utf-8", errors="surrogateescape")
        return self.text(text).encode("utf-8", errors="surrogateescape")

    def mapping(self, d: Mapping[str, Any]) -> dict[str, Any]:
        """A deep copy of ``d`` with every string (and number matching a secret) masked."""
        return {key: self.value(value) for key, value in d.items()}

    def value(self, value: Any) -> Any:
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, Mapping):
            return self.mapping(value)
        if isinstance(value, (list, tuple)):
            return [self.value(v) for v in value]
        if isinstance(value, (int, float)) and not isinstance(value, bool) and self._secrets:
            return MASK if to_text(value) in self._secrets else value
        return value

    def _compiled(self) -> re.Pattern[str]:
        if self._pattern is None or self._dirty:
            forms: set[str] = set()
            for secret in self._secrets:
                forms.update(encoded_forms(secret))
            self._forms = tuple(sorted(forms))
            self._pattern = re.compile(trie_pattern(forms))
            self._subsets.clear()
            self._dirty = False
        return self._pattern


def encoded_forms(secret: str) -> set[str]:
    """The ways ``secret`` may appear in a request or response."""
    forms = {
        secret,
        quote(secret, safe=""),
        quote(secret),  # "/" kept, as most URL builders do in paths
        quote(secret, safe="!~*'()"),  # JavaScript encodeURIComponent
        quote(secret, safe="!~*'();/?:@&=+$,#"),  # JavaScript encodeURI
        quote_plus(secret, safe=""),
        json.dumps(secret)[1:-1],
    }
    raw = secret.encode("utf-8")
    forms.add(base64.b64encode(raw).decode().rstrip("="))
    forms.add(base64.urlsafe_b64encode(raw).decode().rstrip("="))
    if len(raw) >= _B64_SHIFT_MIN:
        for shift in (0, 1, 2):
            core = _b64_core(raw, shift)
            forms.update((core, core.replace("+", "-").replace("/", "_")))
    return {form for form in forms if len(form) >= MIN_LENGTH}


def _b64_core(raw: bytes, shift: int) -> str:
    """The base64 characters fixed by ``raw`` alone when it starts ``shift`` bytes into a group."""
    skip = (3 - shift) % 3  # secret bytes sharing the first group with unknown bytes
    whole = (len(raw) - skip) // 3 * 3
    return base64.b64encode(raw[skip:skip + whole]).decode()


def trie_pattern(words: Iterable[str]) -> str:
    """A regex matching any of ``words``, longest first, factored as a trie (fast to match)."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _node_pattern(trie) if trie else r"(?!)"


def _node_pattern(node: dict[str, Any]) -> str:
    ends = "" in node
    branches = [re.escape(char) + _node_pattern(child)
                for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return "(?:" + body + ")?"
    return body
