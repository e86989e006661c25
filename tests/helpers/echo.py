"""A tiny recording HTTP/1.1 echo server on 127.0.0.1 (free port), for end-to-end tests.

Every request is recorded as an :class:`Exchange` (method, raw request target, headers in
wire order with duplicates, body bytes) and answered with a JSON echo of the same. A few
paths do something else:

- ``/status/<code>``            answer with that status
- ``/redirect?to=<target>``     302 to ``to`` (``/redirect/<n>`` chains n hops to /echo)
- ``/delay/<ms>``               sleep before answering
- ``/cookies/set?k=v&...``      Set-Cookie for each pair; ``/cookies`` echoes Cookie
- ``/digest``                   401 with a Digest challenge unless Authorization is right
- ``/gzip``                     a gzip-encoded JSON body
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

DIGEST_USER = "Mufasa"
DIGEST_PASSWORD = "Circle Of Life"
DIGEST_REALM = "testrealm@host.com"
DIGEST_NONCE = "dcd98b7102dd2f0e8b11d0f600bfb0c093"
DIGEST_OPAQUE = "5ccc069c403ebaf9f0171e9517f40e41"


@dataclass
class Exchange:
    method: str
    target: str
    headers: list[tuple[str, str]]
    body: bytes
    version: str = "HTTP/1.1"
    extra: dict[str, Any] = field(default_factory=dict)

    def header(self, name: str) -> str | None:
        for key, value in self.headers:
            if key.lower() == name.lower():
                return value
        return None

    def to_json(self) -> dict[str, Any]:
        return {
            "method": self.method,
            "target": self.target,
            "headers": [list(h) for h in self.headers],
            "body": base64.b64encode(self.body).decode("ascii"),
        }


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Close idle keep-alive connections: Newman (Node) does not exit while a server keeps
    # its pooled sockets open, so a run would hang after its summary.
    timeout = 2.0
    disable_nagle_algorithm = True
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass

    def _read_body(self) -> bytes:
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            chunks = []
            while True:
                size = int(self.rfile.readline().strip().split(b";")[0], 16)
                if size == 0:
                    self.rfile.readline()
                    break
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
            return b"".join(chunks)
        length = int(self.headers.get("Content-Length") or 0)
        if self.server.discard_bodies:
            remaining = length
            while remaining:
                remaining -= len(self.rfile.read(min(remaining, 1 << 20)))
            return f"<{length} bytes>".encode()
        return self.rfile.read(length) if length else b""

    def _handle(self) -> None:
        exchange = Exchange(
            method=self.command,
            target=self.path,
            headers=[(k, v) for k, v in self.headers.raw_items()],
            body=self._read_body(),
            version=self.request_version,
        )
        self.server.exchanges.append(exchange)
        route = urlsplit(self.path)
        path, query = route.path, dict(parse_qsl(route.query, keep_blank_values=True))
        if path.startswith("/status/"):
            return self._send(int(path.rsplit("/", 1)[1]), exchange)
        if path == "/redirect" and "to" in query:
            return self._send(302, exchange, extra_headers=[("Location", query["to"])])
        if path.startswith("/redirect/"):
            hops = int(path.rsplit("/", 1)[1])
            to = f"/redirect/{hops - 1}" if hops > 1 else "/echo"
            return self._send(302, exchange, extra_headers=[("Location", to)])
        if path.startswith("/delay/"):
            time.sleep(int(path.rsplit("/", 1)[1]) / 1000)
        if path == "/cookies/set":
            cookies = [("Set-Cookie", f"{k}={v}; Path=/") for k, v in query.items()]
            return self._send(200, exchange, extra_headers=cookies)
        if path == "/digest" and not _digest_ok(exchange):
            challenge = (
                f'Digest realm="{DIGEST_REALM}", qop="auth", '
                f'nonce="{DIGEST_NONCE}", opaque="{DIGEST_OPAQUE}"'
            )
            return self._send(401, exchange, extra_headers=[("WWW-Authenticate", challenge)])
        if path == "/gzip":
            payload = gzip.compress(json.dumps({"gzipped": True}).encode())
            return self._send(200, exchange, payload, [("Content-Encoding", "gzip")])
        self._send(200, exchange)

    def _send(
        self,
        status: int,
        exchange: Exchange,
        payload: bytes | None = None,
        extra_headers: list[tuple[str, str]] | None = None,
    ) -> None:
        if payload is None:
            payload = json.dumps(exchange.to_json()).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        for key, value in extra_headers or ():
            self.send_header(key, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(payload)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("do_"):
            return self._handle
        raise AttributeError(name)


def _digest_ok(exchange: Exchange) -> bool:
    header = exchange.header("Authorization") or ""
    if not header.startswith("Digest "):
        return False
    fields = dict(
        (k.strip(), v.strip().strip('"'))
        for k, _, v in (part.partition("=") for part in header[7:].split(","))
    )

    def md5(text: str) -> str:
        return hashlib.md5(text.encode()).hexdigest()

    ha1 = md5(f"{DIGEST_USER}:{DIGEST_REALM}:{DIGEST_PASSWORD}")
    ha2 = md5(f"{exchange.method}:{fields.get('uri', '')}")
    expected = md5(
        f"{ha1}:{fields.get('nonce')}:{fields.get('nc')}:{fields.get('cnonce')}:auth:{ha2}"
    )
    return fields.get("response") == expected and fields.get("uri") == exchange.target


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    exchanges: list[Exchange]
    discard_bodies: bool

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client that gave up (timeout tests) is not an error here


class EchoServer:
    """Start with :meth:`start` (or as a context manager); ``url`` is ``http://127.0.0.1:<port>``."""

    def __init__(self, discard_bodies: bool = False) -> None:
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.exchanges = []
        self._server.discard_bodies = discard_bodies
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def exchanges(self) -> list[Exchange]:
        return self._server.exchanges

    def start(self) -> EchoServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> EchoServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
