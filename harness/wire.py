"""URLs and headers as Newman puts them on the wire, and the mutable request draft.

Newman (postman-runtime) turns a request URL into a string, resolves ``{{variables}}`` in
that string and re-parses it (both steps in :mod:`harness.parse_url`, shared with the
parser), then percent-encodes only what must be encoded (postman-url-encoder): the path gets
the WHATWG *path* set (C0 controls, space ``" # < > ? ` { }``, non-ASCII), the query the
*query* set (C0 controls, space ``" # ' < >``, non-ASCII); an existing ``%xx`` is kept. The
same rules are applied here so the request target matches Newman's byte for byte.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

_C0 = {chr(c) for c in range(0x20)} | {"\x7f"}
_QUERY_CHARS = frozenset(_C0 | set(" \"#'<>"))
_PATH_CHARS = frozenset(_C0 | set(" \"#<>`?{}"))


def _table(chars: frozenset[str]) -> tuple[str, ...]:
    return tuple(
        f"%{b:02X}" if b >= 0x80 or chr(b) in chars else chr(b) for b in range(256)
    )


_QUERY_TABLE = _table(_QUERY_CHARS)
_PATH_TABLE = _table(_PATH_CHARS)
_NEEDS_QUERY = re.compile(r"[\x00-\x20\x7f-\U0010ffff\"#'<>]")
_NEEDS_PATH = re.compile(r"[\x00-\x20\x7f-\U0010ffff\"#<>`?{}]")


def _encode(text: str, needs: re.Pattern[str], table: tuple[str, ...]) -> str:
    if not needs.search(text):
        return text
    return "".join([table[b] for b in text.encode("utf-8", "surrogatepass")])


def encode_path(path: str) -> str:
    return _encode(path, _NEEDS_PATH, _PATH_TABLE)


def encode_query(query: str) -> str:
    return _encode(query, _NEEDS_QUERY, _QUERY_TABLE)


def encode_host(host: str) -> str:
    host = host.lower()
    if host.isascii():
        return host
    try:
        return host.encode("idna").decode("ascii")
    except UnicodeError:
        return host


def _normalize_param(text: str, is_key: bool) -> str:
    """postman-collection's QueryParam normalisation: ``&``, ``#`` (and ``=`` in keys)."""
    if "&" not in text and "#" not in text and not (is_key and "=" in text):
        return text
    text = text.replace("&", "%26").replace("#", "%23")
    return text.replace("=", "%3D") if is_key else text


def unparse_param(key: str | None, value: str | None) -> str:
    out = _normalize_param(key, True) if key else ""
    if value is not None:
        out += "=" + (_normalize_param(value, False) if value else "")
    return out


@dataclass
class Draft:
    """A request being assembled: what auth handlers and body builders mutate."""

    method: str
    scheme: str
    hostname: str
    port: str | None
    path: str  # "/a/b", unencoded as written
    query: list[tuple[str | None, str | None]]
    headers: list[tuple[str, str]] = field(default_factory=list)
    userinfo: str | None = None
    body: bytes | None = None  # in-memory body to send
    body_file: Path | None = None  # a file to stream as the whole body
    hash_source: bytes | Path | None = None  # the unpruned body, for awsv4 / digest hashing
    warnings: list[str] = field(default_factory=list)
    encode: bool = True  # False: protocolProfileBehavior.disableUrlEncoding, sent as written

    # -- headers ---------------------------------------------------------------------
    def header(self, name: str) -> str | None:
        lname = name.lower()
        for key, value in reversed(self.headers):
            if key.lower() == lname:
                return value
        return None

    def has_header(self, name: str) -> bool:
        return self.header(name) is not None

    def remove_header(self, name: str) -> None:
        lname = name.lower()
        self.headers = [h for h in self.headers if h[0].lower() != lname]

    def add_header(self, name: str, value: str) -> None:
        self.headers.append((name, value))

    def upsert_header(self, name: str, value: str) -> None:
        lname = name.lower()
        for index, (key, _) in enumerate(self.headers):
            if key.lower() == lname:
                self.headers[index] = (key, value)
                return
        self.headers.append((name, value))

    # -- query -----------------------------------------------------------------------
    def remove_query(self, keys: Iterable[str]) -> None:
        drop = set(keys)
        self.query = [q for q in self.query if q[0] not in drop]

    def add_query(self, key: str, value: str) -> None:
        self.query.append((key, value))

    # -- wire forms ------------------------------------------------------------------
    @property
    def host(self) -> str:
        """``hostname[:port]`` as in the Host header."""
        return self.hostname if self.port is None else f"{self.hostname}:{self.port}"

    @property
    def query_string(self) -> str | None:
        if not self.query:
            return None
        query = "&".join(unparse_param(k, v) for k, v in self.query)
        return encode_query(query) if self.encode else query

    @property
    def target(self) -> str:
        """The request target (encoded path + query) exactly as sent."""
        query = self.query_string
        path = encode_path(self.path or "/") if self.encode else self.path or "/"
        return path if query is None else f"{path}?{query}"

    @property
    def url(self) -> str:
        return f"{self.scheme}://{self.host}{self.target}"
