"""URLs and headers as Newman puts them on the wire, and the mutable request draft.

Newman (postman-runtime) turns a request URL into a string, resolves ``{{variables}}`` in
that string, re-parses it, and percent-encodes only what must be encoded (postman-url-encoder):
the path gets the WHATWG *path* set (C0 controls, space ``" # < > ? ` { }``, non-ASCII), the
query the *query* set (C0 controls, space ``" # ' < >``, non-ASCII); an existing ``%xx`` is
kept. The same rules are applied here so the request target matches Newman's byte for byte.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from harness.model import QueryParam, Url

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
_VAR_WITH_SEPARATOR = re.compile(r"\{\{[^{}]*[.:/?#@&\]][^{}]*\}\}")


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


def url_to_postman_string(url: Url) -> str:
    """``Url.toString()`` of postman-collection (disabled params skipped, path variables in)."""
    out = ""
    if url.protocol:
        out += url.protocol if url.protocol.endswith("://") else url.protocol + "://"
    if url.auth is not None:
        out += url.auth + "@"
    out += ".".join(url.host)
    if url.port is not None:
        out += ":" + url.port
    out += "/" + "/".join(substitute_path_variables(url))
    enabled = [p for p in url.query if not p.disabled]
    if enabled:
        out += "?" + "&".join(unparse_param(p.key, p.value) for p in enabled)
    if url.hash is not None:
        out += "#" + url.hash
    return out


def substitute_path_variables(url: Url) -> list[str]:
    """Path segments with ``:name`` (or ``:name.suffix``) replaced by non-empty values."""
    if not url.variables:
        return list(url.path)
    values = {v.key: v.value for v in url.variables if not v.disabled}
    out = []
    for segment in url.path:
        if segment.startswith(":"):
            name = segment[1:].split(".", 1)[0]
            value = values.get(name)
            if name and isinstance(value, str) and value:
                segment = value + segment[1 + len(name):]
        out.append(segment)
    return out


def parse_postman_url(raw: str) -> Url:
    """postman-url-encoder's parser: split a resolved URL string into Url parts."""
    text = raw.lstrip()
    protected: list[str] = []

    def protect(match: re.Match[str]) -> str:
        protected.append(match.group(0))
        return f"\x00{len(protected) - 1}\x00"

    text = _VAR_WITH_SEPARATOR.sub(protect, text) if "{{" in text else text
    restore: Callable[[str], str] = _restorer(protected)
    hash_ = query_s = protocol = auth = port = None
    path: list[str] | None = None
    if "#" in text:
        text, hash_ = text.split("#", 1)
    if "?" in text:
        text, query_s = text.split("?", 1)
    text = text.replace("\\", "/")
    if "://" in text:
        protocol, text = text.split("://", 1)
        text = "/" + text.lstrip("/") if protocol.lower() == "file" else text.lstrip("/")
    if "/" in text:
        text, rest = text.split("/", 1)
        path = rest.split("/")
    if "@" in text:
        auth, text = text.rsplit("@", 1)
    if ":" in text and "]" not in text.rsplit(":", 1)[1]:
        text, port = text.rsplit(":", 1)
    query = _parse_query(query_s) if query_s is not None else ()
    return Url(
        raw=raw,
        protocol=restore(protocol) if protocol is not None else None,
        host=tuple(restore(h) for h in text.split(".")) if text else (),
        port=restore(port) if port is not None else None,
        path=tuple(restore(p) for p in path) if path is not None else (),
        query=tuple(QueryParam(_r(k, restore), _r(v, restore)) for k, v in query),
        hash=restore(hash_) if hash_ is not None else None,
        auth=restore(auth) if auth is not None else None,
    )


def _r(value: str | None, restore: Callable[[str], str]) -> str | None:
    return None if value is None else restore(value)


def _restorer(protected: list[str]) -> Callable[[str], str]:
    if not protected:
        return lambda s: s
    pattern = re.compile("\x00(\\d+)\x00")
    return lambda s: pattern.sub(lambda m: protected[int(m.group(1))], s)


def _parse_query(query: str) -> tuple[tuple[str | None, str | None], ...]:
    parts = query.split("&")
    out: list[tuple[str | None, str | None]] = []
    for index, part in enumerate(parts):
        if part == "" and index != len(parts) - 1:
            out.append((None, None))
        elif "=" in part:
            key, value = part.split("=", 1)
            out.append((key, value))
        else:
            out.append((part, None))
    return tuple(out)


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
        return encode_query("&".join(unparse_param(k, v) for k, v in self.query))

    @property
    def target(self) -> str:
        """The request target (encoded path + query) exactly as sent."""
        query = self.query_string
        path = encode_path(self.path or "/")
        return path if query is None else f"{path}?{query}"

    @property
    def url(self) -> str:
        return f"{self.scheme}://{self.host}{self.target}"
